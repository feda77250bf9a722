//! The header line of a client list: each column named, known or a template variable.

use std::collections::HashMap;

use crate::diag::{Pos, Problem};

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Known {
    Email,
    Name,
    Note,
    Affinity,
    Template,
    Language,
    /// The given name whole, which `first_name` prefers to the first word of `name`.
    Given,
    /// The company, a template variable `company` by whichever name the list gives it.
    Company,
    /// The family name, in a column of its own (`Apellidos`): the name is then `name surname`,
    /// and `first_name` the `name` cell whole.
    Surname,
    /// Files for this client's letter, `;`-separated, relative to the campaign folder.
    Attachments,
}

impl Known {
    /// The name cartero gives it: what templates and messages call it.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Known::Email => "email",
            Known::Name => "name",
            Known::Note => "note",
            Known::Affinity => "affinity",
            Known::Template => "template",
            Known::Language => "language",
            Known::Given => "given_name",
            Known::Company => "company",
            Known::Surname => "surname",
            Known::Attachments => "attachments",
        }
    }
}

/// A column name as lists write it, in Spanish or English, folded by `fold`.
fn known(folded: &str) -> Option<Known> {
    Some(match folded {
        "email" | "e-mail" | "mail" | "correo" | "correo electronico" => Known::Email,
        "name" | "nombre" | "full name" | "nombre completo" | "nombre y apellidos" => Known::Name,
        "surname" | "last name" | "family name" | "apellido" | "apellidos" => Known::Surname,
        "note" | "notes" | "nota" | "notas" => Known::Note,
        "affinity" | "afinidad" => Known::Affinity,
        "template" | "plantilla" => Known::Template,
        "language" | "idioma" | "lengua" => Known::Language,
        "given_name" => Known::Given,
        "company" | "empresa" | "compania" | "organizacion" => Known::Company,
        "attachments" | "attachment" | "adjunto" | "adjuntos" | "archivos adjuntos" => {
            Known::Attachments
        }
        _ => return None,
    })
}

/// A column name without regard to case, accents or spaces: `  Correo  Electrónico` is
/// `correo electronico`.
fn fold(name: &str) -> String {
    let lower = name.to_lowercase();
    let plain: String = lower
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        })
        // A decomposed accent (NFD, as macOS writes names) is a mark of its own: dropped.
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The names cartero puts in every template's context itself: a column by one of these names
/// would be hidden by it.
const BUILT_IN: &[&str] = &[
    "first_name",
    "circle",
    "sender",
    "today",
    "year",
    "letters",
    "memories",
    "first_letter_year",
];

/// What a built-in name holds, for a person.
fn built_in_meaning(name: &str) -> String {
    match name {
        "first_name" => tr!("clients-built-in-first-name"),
        "circle" => tr!("clients-built-in-circle"),
        "sender" => tr!("clients-built-in-sender"),
        "today" => tr!("clients-built-in-today"),
        "year" => tr!("clients-built-in-year"),
        "letters" => tr!("clients-built-in-letters"),
        "memories" => tr!("clients-built-in-memories"),
        _ => tr!("clients-built-in-first-letter-year"),
    }
}

/// One column: its trimmed name (cartero's when known), what it is, and for a known column
/// named otherwise, the name it also goes by in templates when that is an identifier.
pub(super) struct Column {
    pub(super) name: String,
    pub(super) kind: Option<Known>,
    pub(super) also: Option<String>,
}

/// What each column of the list is: a known column, a template variable, or nothing.
pub(super) struct Columns {
    pub(super) all: Vec<Column>,
    pub(super) email: usize,
    pub(super) name: usize,
    /// The known columns the list names otherwise (`Correo electrónico` for `email`), in order.
    pub(super) renamed: Vec<(Known, String)>,
}

impl Columns {
    /// Reads the header line, reporting what is wrong with it; errors leave the list unread.
    pub(super) fn from_header(
        header: &[String],
        header_pos: Pos,
        label: &str,
        problems: &mut Vec<Problem>,
    ) -> Columns {
        let mut all: Vec<Column> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut taken: HashMap<Known, usize> = HashMap::new();
        let mut renamed = Vec::new();
        for (i, raw) in header.iter().enumerate() {
            let name = raw.trim().to_string();
            if name.is_empty() {
                all.push(Column {
                    name,
                    kind: None,
                    also: None,
                });
                continue;
            }
            let at = |p: Problem| p.at(header_pos).column(&name);
            if name != *raw {
                problems.push(at(Problem::warning(label, tr!("clients-column-spaces"))));
            }
            let kind = known(&fold(&name));
            if let Some(why) = clash(header, i, &name, kind, &mut seen, &mut taken) {
                problems.push(at(Problem::error(label, why)));
            }
            if let Some(why) = unusable_name(&name, kind.is_some()) {
                problems.push(at(Problem::warning(label, why)));
            }
            all.push(column(name, kind, &mut renamed));
        }
        let position = |known: Known| all.iter().position(|c| c.kind == Some(known));
        for (required, kind) in [("email", Known::Email), ("name", Known::Name)] {
            if position(kind).is_none() {
                problems.push(missing_column(header, required, label).at(header_pos));
            }
        }
        let (email, name) = (
            position(Known::Email).unwrap_or(usize::MAX),
            position(Known::Name).unwrap_or(usize::MAX),
        );
        Columns {
            all,
            email,
            name,
            renamed,
        }
    }
}

/// Why column `i`, `name`, clashes with one before it: the same name, or the same known column
/// under another name.
fn clash(
    header: &[String],
    i: usize,
    name: &str,
    kind: Option<Known>,
    seen: &mut HashMap<String, usize>,
    taken: &mut HashMap<Known, usize>,
) -> Option<String> {
    if let Some(first) = seen.insert(name.to_lowercase(), i) {
        return Some(tr!(
            "clients-column-twice",
            name = name,
            first = first + 1,
            second = i + 1
        ));
    }
    let first = kind.and_then(|k| taken.insert(k, i))?;
    Some(tr!(
        "clients-columns-alike",
        first = first + 1,
        first_name = header[first].trim(),
        second = i + 1,
        name = name,
        known = kind.map_or("", Known::as_str)
    ))
}

/// A named column: a known one under cartero's name (and its own, when a template can use it;
/// noted in `renamed`), or a template variable.
fn column(name: String, kind: Option<Known>, renamed: &mut Vec<(Known, String)>) -> Column {
    let lower = name.to_lowercase();
    match kind {
        Some(k) if lower == k.as_str() => Column {
            name: lower,
            kind,
            also: None,
        },
        Some(k) => {
            renamed.push((k, name.clone()));
            Column {
                name: k.as_str().to_string(),
                kind,
                also: is_identifier(&name).then_some(name),
            }
        }
        None => Column {
            name,
            kind,
            also: None,
        },
    }
}

/// Why a template cannot use a column by this name, if it cannot.
fn unusable_name(name: &str, known: bool) -> Option<String> {
    let lower = name.to_lowercase();
    if BUILT_IN.contains(&lower.as_str()) {
        return Some(tr!(
            "clients-column-hidden",
            name = &lower,
            what = built_in_meaning(&lower)
        ));
    }
    (!known && !is_identifier(name)).then(|| {
        tr!(
            "clients-column-not-a-variable",
            name = name,
            suggested = suggest_identifier(name)
        )
    })
}

/// A required column the header does not name, with the columns it does.
fn missing_column(header: &[String], required: &str, label: &str) -> Problem {
    let found: Vec<&str> = header
        .iter()
        .map(|h| h.trim())
        .filter(|h| !h.is_empty())
        .collect();
    let found = if found.is_empty() {
        tr!("clients-no-columns")
    } else {
        found.join(", ")
    };
    Problem::error(
        label,
        tr!(
            "clients-missing-column",
            required = required,
            spanish = spanish(required),
            found = found
        ),
    )
    .column(required)
}

/// The Spanish name a required column may also have.
fn spanish(required: &str) -> &'static str {
    match required {
        "email" => "correo",
        _ => "nombre",
    }
}

fn suggest_identifier(name: &str) -> String {
    let s: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::clients::parse_csv;
    use crate::domain::clients::tests::errors;

    #[test]
    fn columns_hidden_by_what_cartero_fills_in_are_warned_once() {
        let list = parse_csv(
            "email,name,Circle,year,first_name,sender,today,empresa\na@example.com,Ana,VIP,1999,Anita,x,y,Acme\nb@example.com,Bo,VIP,1999,Bob,x,y,Beta\n"
                .as_bytes(),
            "c.csv",
        );
        let warnings: Vec<String> = list.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(warnings.len(), 5, "{warnings:?}");
        assert!(
            warnings[0].contains("c.csv:1, column `Circle`"),
            "{warnings:?}"
        );
        assert!(
            warnings[0].contains("rename it, for example to `my_circle`"),
            "{warnings:?}"
        );
        assert!(warnings.iter().all(|w| w.starts_with("warning:")));
        assert_eq!(list.clients.len(), 2);
    }

    #[test]
    fn missing_email_column() {
        let errs = errors(&parse_csv(b"direccion,name\nx@example.com,X\n", "c.csv"));
        assert!(
            errs[0].contains("no `email` column (or `correo`)") && errs[0].contains("direccion"),
            "{errs:?}"
        );
    }

    #[test]
    fn spanish_column_names_without_regard_to_case_accents_or_spaces() {
        let list = parse_csv(
            " Nombre ;CORREO  ELECTRÓNICO;Notas;Afinidad;Compañía;ciudad\nJosé María Peña;jm@example.com;Gracias;8;Peña y Cía;León\n"
                .as_bytes(),
            "c.csv",
        );
        assert!(errors(&list).is_empty(), "{:?}", list.problems);
        let c = &list.clients[0];
        assert_eq!(
            (c.name.as_str(), c.email.as_str()),
            ("José María Peña", "jm@example.com")
        );
        assert_eq!(c.note.as_deref(), Some("Gracias"));
        assert_eq!(c.affinity, Some(8));
        assert_eq!(c.first_name(), "José");
        // Under cartero's name, and under its own where a template can write it.
        assert_eq!(c.fields["company"], "Peña y Cía");
        assert_eq!(c.fields["Notas"], "Gracias");
        assert_eq!(c.fields["Nombre"], "José María Peña");
        assert_eq!(c.fields["ciudad"], "León");
        assert!(!c.fields.contains_key("Compañía"));
        let renamed: Vec<String> = list
            .read_as
            .renamed
            .iter()
            .map(|(k, n)| format!("{k} ← {n}"))
            .collect();
        assert_eq!(
            renamed,
            [
                "name ← Nombre",
                "email ← CORREO  ELECTRÓNICO",
                "note ← Notas",
                "affinity ← Afinidad",
                "company ← Compañía"
            ]
        );
    }

    #[test]
    fn two_columns_for_one_known_column_are_an_error() {
        let errs = errors(&parse_csv(
            b"email,name,nota,note\nx@example.com,X,a,b\n",
            "c.csv",
        ));
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(
            errs[0].contains("columns 3 (`nota`) and 4 (`note`) are both `note`"),
            "{errs:?}"
        );
    }
}

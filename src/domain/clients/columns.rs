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
}

fn known(name: &str) -> Option<Known> {
    Some(match name {
        "email" => Known::Email,
        "name" => Known::Name,
        "note" => Known::Note,
        "affinity" => Known::Affinity,
        "template" => Known::Template,
        "language" => Known::Language,
        _ => return None,
    })
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The names cartero puts in every template's context itself: a column by one of these names
/// would be hidden by it.
const BUILT_IN: &[(&str, &str)] = &[
    ("first_name", "the first word of `name`"),
    ("circle", "`loved`, `ignored` or `hated`, from `affinity`"),
    ("sender", "you, from `[sender]` in cartero.toml"),
    ("today", "today's date"),
    ("year", "this year"),
    (
        "letters",
        "the letters this client got in earlier years, from the archive",
    ),
    (
        "memories",
        "what you kept with `cartero remember` since the last letter",
    ),
    (
        "first_letter_year",
        "the year of this client's first letter",
    ),
];

/// What each column of the list is: a known column, a template variable, or nothing.
pub(super) struct Columns {
    /// Each column's trimmed name (lowercased when known) and what it is.
    pub(super) all: Vec<(String, Option<Known>)>,
    pub(super) email: usize,
    pub(super) name: usize,
}

impl Columns {
    /// Reads the header line, reporting what is wrong with it; errors leave the list unread.
    pub(super) fn from_header(
        header: &[String],
        header_pos: Pos,
        label: &str,
        problems: &mut Vec<Problem>,
    ) -> Columns {
        let mut all: Vec<(String, Option<Known>)> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, raw) in header.iter().enumerate() {
            let name = raw.trim().to_string();
            if name.is_empty() {
                all.push((name, None));
                continue;
            }
            let at = |p: Problem| p.at(header_pos).column(&name);
            if name != *raw {
                problems.push(at(Problem::warning(
                    label,
                    "the column name has spaces around it; they are ignored",
                )));
            }
            let lower = name.to_lowercase();
            let kind = known(&lower);
            if let Some(first) = seen.insert(lower.clone(), i) {
                problems.push(at(Problem::error(
                    label,
                    format!(
                        "two columns are named `{name}` (columns {} and {}): rename one",
                        first + 1,
                        i + 1
                    ),
                )));
            }
            if let Some(why) = unusable_name(&name, kind.is_some()) {
                problems.push(at(Problem::warning(label, why)));
            }
            all.push((if kind.is_some() { lower } else { name }, kind));
        }
        let position = |known: Known| all.iter().position(|(_, k)| *k == Some(known));
        for (required, kind) in [("email", Known::Email), ("name", Known::Name)] {
            if position(kind).is_none() {
                problems.push(missing_column(header, required, label).at(header_pos));
            }
        }
        let (email, name) = (
            position(Known::Email).unwrap_or(usize::MAX),
            position(Known::Name).unwrap_or(usize::MAX),
        );
        Columns { all, email, name }
    }
}

/// Why a template cannot use a column by this name, if it cannot.
fn unusable_name(name: &str, known: bool) -> Option<String> {
    let lower = name.to_lowercase();
    if let Some((_, what)) = BUILT_IN.iter().find(|(b, _)| *b == lower) {
        return Some(format!(
            "templates cannot see this column: `{{{{ {lower} }}}}` is {what}, filled in by cartero; to use the column, rename it, for example to `my_{lower}`"
        ));
    }
    (!known && !is_identifier(name)).then(|| {
        format!(
            "templates cannot use a column named `{name}` as `{{{{ {name} }}}}`; rename it with letters, digits and `_` only, such as `{}`",
            suggest_identifier(name)
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
        "none".to_string()
    } else {
        found.join(", ")
    };
    Problem::error(
        label,
        format!("there is no `{required}` column; the first line names these columns: {found}"),
    )
    .column(required)
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
        let errs = errors(&parse_csv(b"correo,name\nx@example.com,X\n", "c.csv"));
        assert!(
            errs[0].contains("no `email` column") && errs[0].contains("correo"),
            "{errs:?}"
        );
    }
}

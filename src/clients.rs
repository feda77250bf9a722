//! The client list: CSV as spreadsheets export it, or .xlsx/.ods, into validated `Client`s.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::str::FromStr;

use anyhow::Result;
use lettre::message::Mailbox;
use lettre::Address;

use crate::diag::{Pos, Problem};
use crate::table::{read_csv, Table};

/// One person on the list, validated: their address parses and their name is one clean line.
#[derive(Debug, Clone)]
pub struct Client {
    /// 1-based position in the list.
    pub index: usize,
    pub pos: Pos,
    /// The address as written, trimmed.
    pub email: String,
    /// The lowercased address: what identifies a client.
    pub key: String,
    pub mailbox: Mailbox,
    pub name: String,
    pub note: Option<String>,
    pub affinity: Option<u8>,
    pub template: Option<String>,
    pub language: Option<String>,
    /// Every other non-empty column, under its own (trimmed) name.
    pub fields: BTreeMap<String, String>,
}

impl Client {
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }

    /// seed 004: amados, ignorados, odiados.
    pub fn circle(&self) -> Option<&'static str> {
        self.affinity.map(circle_of)
    }
}

pub fn circle_of(affinity: u8) -> &'static str {
    match affinity {
        7..=10 => "loved",
        4..=6 => "ignored",
        _ => "hated",
    }
}

/// The languages a client may be written to in, with the locale their dates use.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("es", "es_ES"),
    ("en", "en_US"),
    ("pt", "pt_PT"),
    ("fr", "fr_FR"),
    ("it", "it_IT"),
    ("de", "de_DE"),
    ("ca", "ca_ES"),
];

pub fn is_language(code: &str) -> bool {
    LANGUAGES.iter().any(|(c, _)| *c == code)
}

#[derive(Debug, Default)]
pub struct ClientList {
    pub clients: Vec<Client>,
    pub problems: Vec<Problem>,
}

impl ClientList {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Reads and validates the list; only a file that cannot be read at all is an `Err`.
pub fn load(path: &Path, sheet: Option<&str>) -> Result<ClientList> {
    let label = path.display().to_string();
    let table = crate::table::read(path, sheet)?;
    Ok(validate(table, &label))
}

/// Parses a CSV client list from memory: the pure core of `load`.
pub fn parse_csv(bytes: &[u8], label: &str) -> ClientList {
    validate(read_csv(bytes, label), label)
}

/// One line, no control characters: safe for a header and for lettre's display names.
pub fn clean_line(text: &str) -> String {
    let plain = |c: char| !c.is_control() && (c == ' ' || !c.is_whitespace());
    if text.chars().all(plain)
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
    {
        return text.to_string();
    }
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A multi-line value: line ends made `\n`, other control characters dropped.
fn clean_text(text: &str) -> String {
    if !text.contains(|c: char| c.is_control() && c != '\n' && c != '\t') {
        return text.trim().to_string();
    }
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Known {
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

fn validate(table: Table, label: &str) -> ClientList {
    let mut list = ClientList {
        problems: table.notices,
        ..ClientList::default()
    };
    let Some(header_pos) = table.header_pos else {
        if !list.has_errors() {
            list.problems.push(Problem::error(
                label,
                "the file is empty: the first line must name the columns, such as `email,name,note`",
            ));
        }
        return list;
    };

    // Each column: its trimmed name and what it is.
    let mut columns: Vec<(String, Option<Known>)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, raw) in table.header.iter().enumerate() {
        let name = raw.trim().to_string();
        if name.is_empty() {
            columns.push((name, None));
            continue;
        }
        if name != *raw {
            list.problems.push(
                Problem::warning(
                    label,
                    "the column name has spaces around it; they are ignored",
                )
                .at(header_pos)
                .column(&name),
            );
        }
        let lower = name.to_lowercase();
        let kind = known(&lower);
        if let Some(first) = seen.insert(lower.clone(), i) {
            list.problems.push(
                Problem::error(
                    label,
                    format!(
                        "two columns are named `{name}` (columns {} and {}): rename one",
                        first + 1,
                        i + 1
                    ),
                )
                .at(header_pos)
                .column(&name),
            );
        }
        if kind.is_none() && !is_identifier(&name) {
            list.problems.push(
                Problem::warning(
                    label,
                    format!(
                        "templates cannot use a column named `{name}` as `{{{{ {name} }}}}`; rename it with letters, digits and `_` only, such as `{}`",
                        suggest_identifier(&name)
                    ),
                )
                .at(header_pos)
                .column(&name),
            );
        }
        columns.push((if kind.is_some() { lower } else { name }, kind));
    }
    for required in ["email", "name"] {
        if !columns.iter().any(|(n, k)| k.is_some() && n == required) {
            let found: Vec<&str> = table
                .header
                .iter()
                .map(|h| h.trim())
                .filter(|h| !h.is_empty())
                .collect();
            list.problems.push(
                Problem::error(
                    label,
                    format!(
                        "there is no `{required}` column; the first line names these columns: {}",
                        if found.is_empty() {
                            "none".to_string()
                        } else {
                            found.join(", ")
                        }
                    ),
                )
                .at(header_pos)
                .column(required),
            );
        }
    }
    if list.has_errors() {
        return list;
    }

    let mut by_key: HashMap<String, Pos> = HashMap::new();
    for (pos, cells) in table.rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let before = list.problems.len();
        let mut raw: HashMap<Known, String> = HashMap::new();
        let mut fields = BTreeMap::new();
        let extra: Vec<String> = cells
            .iter()
            .skip(columns.len())
            .filter(|c| !c.trim().is_empty())
            .map(|c| format!("`{}`", clean_line(c)))
            .collect();
        if !extra.is_empty() {
            list.problems.push(
                Problem::error(
                    label,
                    format!(
                        "this row has {} cells but the first line names {} columns: {} left over; is there a stray delimiter, or a cell that needs quotes?",
                        cells.len(),
                        columns.len(),
                        extra.join(", ")
                    ),
                )
                .at(pos),
            );
        }
        for (i, cell) in cells.iter().enumerate() {
            let Some((name, kind)) = columns.get(i) else {
                continue;
            };
            let value = clean_text(cell);
            if value.is_empty() || name.is_empty() {
                continue;
            }
            match kind {
                Some(k) => {
                    raw.insert(*k, value);
                }
                None => {
                    fields.insert(name.clone(), value);
                }
            }
        }
        let name = raw
            .get(&Known::Name)
            .map(|n| clean_line(n))
            .unwrap_or_default();
        let email = raw
            .get(&Known::Email)
            .map(|e| e.trim().to_string())
            .unwrap_or_default();
        let who = if !name.is_empty() {
            name.clone()
        } else {
            email.clone()
        };
        let problem = |message: String, column: &str| {
            let p = Problem::error(label, message).at(pos).column(column);
            if who.is_empty() {
                p
            } else {
                p.client(&who)
            }
        };

        let address = if email.is_empty() {
            list.problems.push(problem(
                "no email address: every client needs one".into(),
                "email",
            ));
            None
        } else if email.contains([',', ';']) || email.split_whitespace().count() > 1 {
            list.problems.push(problem(
                format!("`{}` holds more than one address: a client gets exactly one email at one address", clean_line(&email)),
                "email",
            ));
            None
        } else {
            match Address::from_str(&email) {
                Ok(a) => Some(a),
                Err(_) => {
                    list.problems.push(problem(
                        format!("`{}` is not a valid email address", clean_line(&email)),
                        "email",
                    ));
                    None
                }
            }
        };
        if name.is_empty() {
            list.problems.push(problem(
                "no name: every client needs one, the email greets them by it".into(),
                "name",
            ));
        }
        let affinity = raw
            .get(&Known::Affinity)
            .and_then(|a| match parse_affinity(a) {
                Some(n) => Some(n),
                None => {
                    list.problems.push(problem(
                        format!(
                            "affinity `{}` is not a whole number from 0 (hated) to 10 (loved)",
                            clean_line(a)
                        ),
                        "affinity",
                    ));
                    None
                }
            });
        let language = raw.get(&Known::Language).map(|l| l.trim().to_lowercase());
        if let Some(l) = &language {
            if !is_language(l) {
                let known: Vec<&str> = LANGUAGES.iter().map(|(c, _)| *c).collect();
                list.problems.push(problem(
                    format!(
                        "language `{}` is not one cartero writes dates in; use one of {}",
                        clean_line(l),
                        known.join(", ")
                    ),
                    "language",
                ));
            }
        }
        let template = raw.get(&Known::Template).map(|t| t.trim().to_string());
        if let Some(t) = &template {
            if t.contains(['/', '\\']) || t.starts_with('.') {
                list.problems.push(problem(
                    format!("template `{t}` must be a file name in the templates folder, without a folder"),
                    "template",
                ));
            }
        }
        if let Some(address) = &address {
            let key = address.to_string().to_lowercase();
            if let Some(first) = by_key.get(&key) {
                let first = match first {
                    Pos::Row(n) => format!("row {n}"),
                    Pos::Line(n) | Pos::LineCol(n, _) => format!("line {n}"),
                };
                list.problems.push(problem(
                    format!("`{email}` is also on {first}: that person would get two emails; keep one row"),
                    "email",
                ));
            } else {
                by_key.insert(key, pos);
            }
        }
        if list.problems.len() > before {
            continue;
        }
        let address = address.expect("checked above");
        list.clients.push(Client {
            index: list.clients.len() + 1,
            pos,
            key: address.to_string().to_lowercase(),
            mailbox: Mailbox::new(Some(name.clone()), address),
            email,
            name,
            note: raw.remove(&Known::Note),
            affinity,
            template,
            language,
            fields,
        });
    }
    if list.clients.is_empty() && !list.has_errors() {
        list.problems.push(Problem::error(
            label,
            "there are no clients below the first line",
        ));
    }
    list
}

fn parse_affinity(text: &str) -> Option<u8> {
    let text = text.trim();
    let n: f64 = text.replace(',', ".").parse().ok()?;
    (n.fract() == 0.0 && (0.0..=10.0).contains(&n)).then_some(n as u8)
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
    use super::*;

    fn errors(list: &ClientList) -> Vec<String> {
        list.problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn semicolons_bom_crlf_and_quoted_newlines() {
        let csv = "\u{feff}Email ; NAME;note\r\nana@example.com;Ana;\"Line one;\r\nline \"\"two\"\"\"\r\nbo@example.com;Bo;\r\n";
        let list = parse_csv(csv.as_bytes(), "c.csv");
        assert!(errors(&list).is_empty(), "{:?}", list.problems);
        assert_eq!(list.clients.len(), 2);
        assert_eq!(
            list.clients[0].note.as_deref(),
            Some("Line one;\nline \"two\"")
        );
        assert_eq!(list.clients[1].pos, Pos::Line(4));
        assert!(list.clients[1].note.is_none());
        // ` Email ` had stray whitespace
        assert!(list
            .problems
            .iter()
            .any(|p| !p.is_error() && p.column.as_deref() == Some("Email")));
    }

    #[test]
    fn windows_1252_is_detected() {
        let bytes =
            b"email,name,note\npepe@example.com,Jos\xe9 Mar\xeda Pe\xf1a,Gracias por el a\xf1o\n";
        let list = parse_csv(bytes, "c.csv");
        assert!(errors(&list).is_empty(), "{:?}", list.problems);
        assert_eq!(list.clients[0].name, "José María Peña");
    }

    #[test]
    fn tab_delimited() {
        let list = parse_csv(
            b"email\tname\tcity\nx@example.com\tX Y\tLe\xc3\xb3n\n",
            "c.tsv",
        );
        assert_eq!(list.clients[0].fields["city"], "León");
        assert_eq!(list.clients[0].first_name(), "X");
    }

    #[test]
    fn duplicates_name_both_lines() {
        let list = parse_csv(
            b"email,name\nA@example.com,A\nb@example.com,B\na@EXAMPLE.com,A2\n",
            "c.csv",
        );
        let errs = errors(&list);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(
            errs[0].contains("c.csv:4") && errs[0].contains("line 2"),
            "{}",
            errs[0]
        );
    }

    #[test]
    fn every_bad_row_is_reported() {
        let csv = "email,name,affinity\nnot-an-address,A,5\nb@example.com,,11\nc@example.com,C,x\nd@example.com;e@example.com,D,\n";
        let errs = errors(&parse_csv(csv.as_bytes(), "c.csv"));
        assert_eq!(errs.len(), 5, "{errs:#?}");
        assert!(errs[0].starts_with("error: c.csv:2, column `email`, client `A`"));
        assert!(errs[2].contains("c.csv:3, column `affinity`"));
        assert!(errs[4].contains("more than one address"));
    }

    #[test]
    fn short_rows_are_fine_and_names_lose_line_breaks() {
        let list = parse_csv(
            b"email,name,note,city\nx@example.com,\"Ana\r\nBcc: evil@example.com\"\n",
            "c.csv",
        );
        assert!(errors(&list).is_empty(), "{:?}", list.problems);
        assert_eq!(list.clients[0].name, "Ana Bcc: evil@example.com");
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

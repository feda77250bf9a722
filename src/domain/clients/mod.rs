//! The client list: CSV as spreadsheets export it, or .xlsx/.ods, into validated `Client`s.

mod address;
mod columns;
mod language;
mod rows;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::Result;
use lettre::message::Mailbox;

use crate::diag::{Pos, Problem};
use crate::domain::table::{read_csv, Table, Typed};

pub use address::{address_key, parse_address};
pub use language::Language;

use columns::Columns;
use rows::{client_from_row, duplicate};

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
    /// The given name whole (`José María`), when the list says which it is: contact exports.
    pub given: Option<String>,
    pub note: Option<String>,
    pub affinity: Option<u8>,
    pub template: Option<String>,
    pub language: Option<Language>,
    /// Files for this client's letter (the `attachments` column), as written.
    pub attachments: Vec<String>,
    /// Every other non-empty column, under its own (trimmed) name.
    pub fields: Fields,
    /// Those of `fields` a spreadsheet held as a number with decimals or a date, as they were:
    /// a letter writes them in the client's language.
    pub typed: BTreeMap<String, Typed>,
    /// What earlier years left: the letters this client got, what was remembered since.
    pub past: Past,
}

/// A client's other columns by name, in order of name: a sorted list, which takes the room its
/// fields need (a map takes hundreds of bytes a client even for one column: at a hundred
/// thousand clients, tens of MB).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields(Box<[(String, String)]>);

impl Fields {
    fn at(&self, name: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(name)).ok()
    }

    pub fn get(&self, name: &str) -> Option<&String> {
        self.at(name).map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.at(name).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<BTreeMap<String, String>> for Fields {
    fn from(map: BTreeMap<String, String>) -> Fields {
        Fields(map.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Fields {
    type Item = (&'a String, &'a String);
    type IntoIter = Box<dyn Iterator<Item = (&'a String, &'a String)> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl std::ops::Index<&str> for Fields {
    type Output = String;
    fn index(&self, name: &str) -> &String {
        self.get(name).expect("a field the client has")
    }
}

impl serde::Serialize for Fields {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// A client's past, from the archive: the letters they got (newest first) and the memories
/// kept since the last one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Past {
    pub letters: Vec<PastLetter>,
    pub memories: Vec<String>,
}

/// An earlier letter, as templates and review see it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PastLetter {
    /// `2025-12-20`.
    pub date: String,
    pub subject: String,
    /// What in it belonged to this client alone.
    pub personal: String,
    pub answered: bool,
}

impl Past {
    /// The year of the first letter this client got.
    pub fn first_year(&self) -> Option<i32> {
        self.letters.last()?.date.get(..4)?.parse().ok()
    }
}

impl Client {
    /// How a letter greets them: the given name when the list has it, else the first word of
    /// the name.
    pub fn first_name(&self) -> &str {
        match &self.given {
            Some(given) => given,
            None => self.name.split_whitespace().next().unwrap_or(&self.name),
        }
    }

    pub fn circle(&self) -> Option<Circle> {
        self.affinity.map(Circle::of)
    }
}

/// Where a client stands with you, from their `affinity`: templates see it as `circle`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Circle {
    Loved,
    Ignored,
    Hated,
}

impl Circle {
    /// Every circle, in the order summaries give them.
    pub const ALL: [Circle; 3] = [Circle::Loved, Circle::Ignored, Circle::Hated];

    pub fn of(affinity: u8) -> Circle {
        match affinity {
            7..=10 => Circle::Loved,
            4..=6 => Circle::Ignored,
            _ => Circle::Hated,
        }
    }

    /// `loved`, `ignored`, `hated`: what templates, `status --json` and scripts see.
    pub fn as_str(self) -> &'static str {
        match self {
            Circle::Loved => "loved",
            Circle::Ignored => "ignored",
            Circle::Hated => "hated",
        }
    }
}

#[derive(Debug, Default)]
pub struct ClientList {
    pub clients: Vec<Client>,
    pub problems: Vec<Problem>,
    pub read_as: ReadAs,
}

/// How the list was read, for `check` to say once: the contact export it was, or which of its
/// columns were taken for what where it names them otherwise than cartero.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReadAs {
    /// `a Google Contacts export`, `an Outlook export`, `a vCard file`.
    pub export: Option<crate::domain::table::Export>,
    /// (cartero's name, the list's): (`email`, `Correo electrónico`).
    pub renamed: Vec<(&'static str, String)>,
}

impl ReadAs {
    /// The list's own name for one of cartero's columns (`nota` for `note`), to say a problem
    /// where the person will find it.
    pub fn theirs<'a>(&'a self, ours: &'a str) -> &'a str {
        self.renamed
            .iter()
            .find(|(k, _)| *k == ours)
            .map_or(ours, |(_, theirs)| theirs.as_str())
    }
}

impl ClientList {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Reads and validates the list; only a file that cannot be read at all is an `Err`.
pub fn load(path: &Path, sheet: Option<&str>) -> Result<ClientList> {
    let label = path.display().to_string();
    let table = crate::domain::table::read(path, sheet)?;
    Ok(validate(table, &label))
}

/// Parses a CSV client list from memory: the pure core of `load`.
pub fn parse_csv(bytes: &[u8], label: &str) -> ClientList {
    validate(read_csv(bytes, label), label)
}

fn validate(table: Table, label: &str) -> ClientList {
    let mut list = ClientList {
        problems: table.notices,
        ..ClientList::default()
    };
    let Some(header_pos) = table.header_pos else {
        if !list.has_errors() {
            list.problems
                .push(Problem::error(label, tr!("clients-empty-file")));
        }
        return list;
    };
    let columns = Columns::from_header(&table.header, header_pos, label, &mut list.problems);
    list.read_as = ReadAs {
        export: table.origin,
        renamed: match table.origin {
            Some(_) => Vec::new(),
            None => columns
                .renamed
                .iter()
                .map(|(k, name)| (k.as_str(), name.clone()))
                .collect(),
        },
    };
    if list.has_errors() {
        return list;
    }
    let mut by_key: HashMap<String, Pos> = HashMap::new();
    for (i, (pos, cells)) in table.rows.into_iter().enumerate() {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row = client_from_row(&columns, pos, &cells, label, list.clients.len() + 1);
        if let Some(client) = &mut row.client {
            client.typed = typed_fields(&columns, &table.typed, i, &client.fields);
        }
        if let Some(key) = &row.key {
            if let Some(first) = by_key.get(key) {
                row.problems
                    .push(duplicate(&columns, &cells, label, pos, *first));
                row.client = None;
            } else {
                by_key.insert(key.clone(), pos);
            }
        }
        list.problems.extend(row.problems);
        list.clients.extend(row.client);
    }
    if list.clients.is_empty() && !list.has_errors() {
        list.problems
            .push(Problem::error(label, tr!("clients-none-below-header")));
    }
    list
}

/// The typed cells of row `i` that are template variables, by their column's name.
fn typed_fields(
    columns: &Columns,
    typed: &BTreeMap<(usize, usize), Typed>,
    i: usize,
    fields: &Fields,
) -> BTreeMap<String, Typed> {
    typed
        .range((i, 0)..(i + 1, 0))
        .filter_map(|((_, col), t)| {
            let name = &columns.all.get(*col)?.name;
            fields.contains_key(name).then(|| (name.clone(), *t))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The error lines of a list, as a person reads them.
    pub(super) fn errors(list: &ClientList) -> Vec<String> {
        list.problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| p.to_string())
            .collect()
    }
}

//! A client list's rows: each into a `Client`, its fields parsed, every problem with the row kept.

use std::collections::{BTreeMap, HashMap};

use lettre::message::Mailbox;

use crate::diag::{Pos, Problem};
use crate::domain::clients::address::{address_key, parse_address};
use crate::domain::clients::columns::{Columns, Known};
use crate::domain::clients::{Client, Language, Past};
use crate::text::{clean_line, clean_text};

/// A row read: the client when it makes one, the address when that much parsed (so that a
/// second row with it is still seen as a duplicate), and what is wrong with it.
pub(super) struct Row {
    pub(super) client: Option<Client>,
    pub(super) key: Option<String>,
    pub(super) problems: Vec<Problem>,
}

/// How a row's problems name the client: by name, else by address.
fn who<'a>(columns: &Columns, cells: &'a [String]) -> Option<&'a str> {
    [columns.name, columns.email]
        .iter()
        .filter_map(|&i| cells.get(i))
        .map(|c| c.trim())
        .find(|c| !c.is_empty())
}

/// The row's cells, by what their column is: known columns and template variables.
fn cells_by_column(
    columns: &Columns,
    cells: &[String],
) -> (HashMap<Known, String>, BTreeMap<String, String>) {
    let mut known = HashMap::new();
    let mut fields = BTreeMap::new();
    for (column, cell) in columns.all.iter().zip(cells) {
        let value = clean_text(cell);
        if value.is_empty() || column.name.is_empty() {
            continue;
        }
        if let Some(also) = &column.also {
            fields.insert(also.clone(), value.clone());
        }
        match column.kind {
            // The company is a template variable like any other, under cartero's name.
            Some(Known::Company) | None => {
                fields.insert(column.name.clone(), value);
            }
            // The family name is a template variable too, besides making the name whole.
            Some(Known::Surname) => {
                fields.insert(column.name.clone(), value.clone());
                known.insert(Known::Surname, value);
            }
            Some(k) => {
                known.insert(k, value);
            }
        }
    }
    (known, fields)
}

/// The name to write to, and the given name `first_name` prefers: with the family name in a
/// column of its own, the name is both, and the given name the `name` cell whole (`María
/// José`, not `María`).
fn whole_name(
    name: Option<String>,
    known: &HashMap<Known, String>,
) -> (Option<String>, Option<String>) {
    let surname = known.get(&Known::Surname).map(|s| clean_line(s));
    let given = known.get(&Known::Given).or(match surname {
        Some(_) => known.get(&Known::Name),
        None => None,
    });
    let given = given.map(|g| clean_line(g)).filter(|g| !g.is_empty());
    let name = match (name, surname) {
        (Some(name), Some(surname)) if !surname.is_empty() => Some(format!("{name} {surname}")),
        (name, _) => name,
    };
    (name, given)
}

/// Cells past the last named column: a stray delimiter, or a cell that needed quotes.
fn leftover_cells(columns: &Columns, cells: &[String]) -> Result<(), String> {
    let extra: Vec<String> = cells
        .iter()
        .skip(columns.all.len())
        .filter(|c| !c.trim().is_empty())
        .map(|c| format!("`{}`", clean_line(c)))
        .collect();
    if extra.is_empty() {
        return Ok(());
    }
    Err(tr!(
        "clients-leftover-cells",
        cells = cells.len(),
        columns = columns.all.len(),
        extra = extra.join(", ")
    ))
}

fn affinity_field(text: &str) -> Result<u8, String> {
    parse_affinity(text).ok_or_else(|| tr!("clients-bad-affinity", affinity = clean_line(text)))
}

fn template_field(text: &str) -> Result<String, String> {
    let t = text.trim().to_string();
    if t.contains(['/', '\\']) || t.starts_with('.') {
        return Err(tr!("clients-template-in-folder", template = clean_line(&t)));
    }
    Ok(t)
}

/// `presupuesto.pdf; planos/casa.pdf`: each file named, in order (an empty name dropped).
fn attachment_names(text: &str) -> Vec<String> {
    text.split(';')
        .map(|n| clean_line(n).replace('\\', "/"))
        .filter(|n| !n.is_empty())
        .collect()
}

fn name_field(text: Option<&String>) -> Result<String, String> {
    let name = text.map(|n| clean_line(n)).unwrap_or_default();
    if name.is_empty() {
        return Err(tr!("clients-no-name"));
    }
    Ok(name)
}

/// Characters a name should not carry (terminal escapes, bells): taken out, and said.
fn hidden_characters(text: &str) -> Option<String> {
    let hidden: Vec<String> = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    (!hidden.is_empty()).then(|| {
        tr!(
            "clients-name-control-characters",
            characters = hidden.join(", ")
        )
    })
}

/// Where a row's problems go, each naming the file, the row, the column and the client.
struct RowProblems<'a> {
    label: &'a str,
    pos: Pos,
    who: Option<String>,
    all: Vec<Problem>,
}

impl RowProblems<'_> {
    fn at(&self, p: Problem, column: &str) -> Problem {
        let p = p.at(self.pos).column(column);
        match &self.who {
            Some(who) => p.client(who),
            None => p,
        }
    }

    /// A field's value, or its problem kept.
    fn field<T>(&mut self, column: &str, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(why) => {
                let p = self.at(Problem::error(self.label, why), column);
                self.all.push(p);
                None
            }
        }
    }
}

/// One row into a `Client`, every problem with it found at once.
pub(super) fn client_from_row(
    columns: &Columns,
    pos: Pos,
    cells: &[String],
    label: &str,
    index: usize,
) -> Row {
    let mut problems = RowProblems {
        label,
        pos,
        who: who(columns, cells).map(|w| clean_line(&clean_text(w))),
        all: Vec::new(),
    };
    if let Err(why) = leftover_cells(columns, cells) {
        problems.all.push(Problem::error(label, why).at(pos));
    }
    let (mut known, fields) = cells_by_column(columns, cells);
    let email = known
        .get(&Known::Email)
        .map(|e| e.trim().to_string())
        .unwrap_or_default();
    let address = problems.field("email", parse_address(&email));
    let name = problems.field("name", name_field(known.get(&Known::Name)));
    let (name, given) = whole_name(name, &known);
    let optional = Optional::read(&known, &mut problems);
    if let Some(why) = cells.get(columns.name).and_then(|n| hidden_characters(n)) {
        let p = problems.at(Problem::warning(label, why), "name");
        problems.all.push(p);
    }
    let key = address.as_ref().map(address_key);
    let client = match (address, name) {
        (Some(address), Some(name)) if !problems.all.iter().any(Problem::is_error) => {
            Some(Client {
                index,
                pos,
                key: address_key(&address),
                mailbox: Mailbox::new(Some(name.clone()), address),
                email,
                name,
                note: known.remove(&Known::Note),
                given,
                affinity: optional.affinity,
                template: optional.template,
                language: optional.language,
                attachments: optional.attachments,
                fields: fields.into(),
                typed: BTreeMap::new(),
                past: Past::default(),
            })
        }
        _ => None,
    };
    Row {
        client,
        key,
        problems: problems.all,
    }
}

/// The columns a client may leave empty, read.
struct Optional {
    affinity: Option<u8>,
    language: Option<Language>,
    template: Option<String>,
    attachments: Vec<String>,
}

impl Optional {
    fn read(known: &HashMap<Known, String>, problems: &mut RowProblems) -> Optional {
        Optional {
            affinity: known
                .get(&Known::Affinity)
                .and_then(|a| problems.field("affinity", affinity_field(a))),
            language: known
                .get(&Known::Language)
                .and_then(|l| problems.field("language", Language::parse(l))),
            template: known
                .get(&Known::Template)
                .and_then(|t| problems.field("template", template_field(t))),
            attachments: known
                .get(&Known::Attachments)
                .map(|a| attachment_names(a))
                .unwrap_or_default(),
        }
    }
}

/// A second row with an address already on the list.
pub(super) fn duplicate(
    columns: &Columns,
    cells: &[String],
    label: &str,
    pos: Pos,
    first: Pos,
) -> Problem {
    let first = match first {
        Pos::Row(n) => tr!("clients-on-row", row = n),
        Pos::Line(n) | Pos::LineCol(n, _) => tr!("clients-on-line", line = n),
    };
    let email = cells
        .get(columns.email)
        .map(|e| e.trim())
        .unwrap_or_default();
    let p = Problem::error(
        label,
        tr!("clients-duplicate", email = email, first = first),
    )
    .at(pos)
    .column("email");
    match who(columns, cells) {
        Some(who) => p.client(clean_line(&clean_text(who))),
        None => p,
    }
}

fn parse_affinity(text: &str) -> Option<u8> {
    let text = text.trim();
    let n: f64 = text.replace(',', ".").parse().ok()?;
    (n.fract() == 0.0 && (0.0..=10.0).contains(&n)).then_some(n as u8)
}

#[cfg(test)]
mod tests {
    use crate::domain::clients::parse_csv;
    use crate::domain::clients::tests::errors;

    #[test]
    fn control_characters_in_a_name_are_left_out_and_said() {
        let list = parse_csv(
            "email,name\na@example.com,Carmen\x1b[31mVidal\x07\n".as_bytes(),
            "c.csv",
        );
        assert_eq!(list.clients[0].name, "Carmen[31mVidal");
        let said = list.problems[0].to_string();
        assert!(
            said.starts_with("warning: c.csv:2, column `name`, client `Carmen[31mVidal`"),
            "{said}"
        );
        assert!(said.contains("U+001B, U+0007"), "{said}");
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
}

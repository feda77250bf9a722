//! A contact from an address book export (Google, Outlook, vCard) into the cells of a plain
//! list: `name`, `email`, `note`, `company`, `given_name`, each at the contact's position.

use std::collections::HashMap;

use crate::diag::{Pos, Problem};
use crate::domain::table::Table;

/// One contact as the export has it, before it is a row.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Contact {
    pub pos: Option<Pos>,
    /// A whole name as written (vCard's `FN`, Google's `Name`), when there is one.
    pub full: String,
    pub given: String,
    pub middle: String,
    pub family: String,
    /// Every address, in the export's order.
    pub emails: Vec<String>,
    /// Which of `emails` the export marks as preferred.
    pub preferred: Option<usize>,
    pub note: String,
    pub company: String,
}

impl Contact {
    /// "given middle family", or else the whole name as written.
    pub fn name(&self) -> String {
        let parts = [&self.given, &self.middle, &self.family];
        let joined = join_words(parts.iter().map(|s| s.as_str()));
        match self.full.trim() {
            "" => joined,
            full => full.to_string(),
        }
    }

    /// The address a letter goes to: the preferred one, or else the first.
    pub fn email(&self) -> Option<&str> {
        let i = self
            .preferred
            .filter(|&i| i < self.emails.len())
            .unwrap_or(0);
        self.emails.get(i).map(String::as_str)
    }

    /// Adds the addresses of one cell or line, which may hold several (Google joins them with
    /// ` ::: `), each once.
    pub fn add_emails(&mut self, cell: &str, preferred: bool) {
        for address in cell.split(":::").map(str::trim).filter(|a| !a.is_empty()) {
            if self.emails.iter().any(|e| e.eq_ignore_ascii_case(address)) {
                continue;
            }
            if preferred && self.preferred.is_none() {
                self.preferred = Some(self.emails.len());
            }
            self.emails.push(address.to_string());
        }
    }

    /// How a warning names the contact: by name, else by position.
    fn who(&self) -> String {
        match (self.name(), self.pos) {
            (name, _) if !name.is_empty() => name,
            (_, Some(Pos::Line(n))) | (_, Some(Pos::LineCol(n, _))) => {
                tr!("table-contact-on-line", line = n)
            }
            (_, Some(Pos::Row(n))) => tr!("table-contact-on-row", row = n),
            (_, None) => tr!("table-contact-nameless"),
        }
    }
}

fn join_words<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The columns a contact export becomes, named as cartero names them.
const HEADER: [&str; 5] = ["name", "email", "note", "company", "given_name"];

/// The contacts as a plain list's table, read as `origin` (a Google Contacts export); those
/// without an address are left out and those with several are said, each in one warning.
pub fn table(
    contacts: Vec<Contact>,
    origin: super::Export,
    header_pos: Pos,
    label: &str,
    notices: Vec<Problem>,
) -> Table {
    let mut table = Table {
        header: HEADER.map(String::from).to_vec(),
        header_pos: Some(header_pos),
        notices,
        origin: Some(origin),
        ..Table::default()
    };
    let mut left = LeftOut::default();
    for contact in &contacts {
        if let Some(row) = left.row_of(contact, header_pos) {
            table.rows.push(row);
        }
    }
    table.notices.extend(left.said(label));
    table.notices.extend(shared(&contacts, label));
    table
}

/// Two contacts who share an address, each written to at another one: maybe one person, who
/// would get two letters. Said once, naming them.
fn shared(contacts: &[Contact], label: &str) -> Option<Problem> {
    let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in contacts.iter().enumerate() {
        for e in &c.emails {
            let owners = owners.entry(e.trim().to_lowercase()).or_default();
            if !owners.contains(&i) {
                owners.push(i);
            }
        }
    }
    let mut said = Vec::new();
    for (i, c) in contacts.iter().enumerate() {
        let (Some(chosen), false) = (c.email(), c.name().is_empty()) else {
            continue;
        };
        let key = chosen.trim().to_lowercase();
        for &j in owners.get(&key).into_iter().flatten().filter(|&&j| j != i) {
            let other = &contacts[j];
            let theirs = other.email().map(|e| e.trim().to_lowercase());
            // The same address chosen for both is a duplicate the list itself refuses.
            if theirs.as_deref() != Some(key.as_str()) && !other.name().is_empty() {
                said.push(tr!(
                    "table-contacts-sharing",
                    one = c.who(),
                    address = chosen,
                    other = other.who(),
                    theirs = theirs.unwrap_or_default()
                ));
            }
        }
    }
    (!said.is_empty()).then(|| {
        Problem::warning(
            label,
            tr!(
                "table-contacts-share-an-address",
                contacts = said.join("; ")
            ),
        )
    })
}

/// The contacts a list leaves out, and those with several addresses: each said once.
#[derive(Default)]
struct LeftOut {
    without: Vec<String>,
    nameless: Vec<String>,
    several: Vec<String>,
}

impl LeftOut {
    /// The contact's row (name, email, note, company, given name), or why it has none.
    fn row_of(&mut self, contact: &Contact, header_pos: Pos) -> Option<(Pos, Vec<String>)> {
        let Some(email) = contact.email() else {
            if *contact != Contact::default() {
                self.without.push(contact.who());
            }
            return None;
        };
        if contact.name().is_empty() {
            self.nameless.push(email.to_string());
            return None;
        }
        if contact.emails.len() > 1 {
            let others: Vec<&str> = contact
                .emails
                .iter()
                .map(String::as_str)
                .filter(|e| *e != email)
                .collect();
            self.several.push(tr!(
                "table-contact-addresses",
                contact = contact.who(),
                chosen = email,
                others = others.join(", ")
            ));
        }
        let cells = vec![
            contact.name(),
            email.to_string(),
            contact.note.trim().to_string(),
            contact.company.trim().to_string(),
            contact.given.trim().to_string(),
        ];
        Some((contact.pos.unwrap_or(header_pos), cells))
    }

    /// One warning for each kind, naming everyone of that kind.
    fn said(self, label: &str) -> Vec<Problem> {
        let mut said = Vec::new();
        if !self.without.is_empty() {
            said.push(Problem::warning(
                label,
                tr!(
                    "table-contacts-without-address",
                    count = self.without.len(),
                    contacts = self.without.join(", ")
                ),
            ));
        }
        if !self.nameless.is_empty() {
            said.push(Problem::warning(
                label,
                tr!(
                    "table-contacts-without-name",
                    count = self.nameless.len(),
                    contacts = self.nameless.join(", ")
                ),
            ));
        }
        if !self.several.is_empty() {
            said.push(Problem::warning(
                label,
                tr!(
                    "table-contacts-with-several-addresses",
                    count = self.several.len(),
                    contacts = self.several.join("; ")
                ),
            ));
        }
        said
    }
}

/// Where a header names each of `wanted` (by exact name, ignoring case and spaces around).
pub fn find(header: &[String], wanted: &str) -> Option<usize> {
    header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case(wanted))
}

/// A row's cell in column `i`, or nothing.
pub fn cell(cells: &[String], i: Option<usize>) -> &str {
    i.and_then(|i| cells.get(i)).map_or("", |c| c.trim())
}

/// Where an export's header has a contact's given, middle and family names, note and company.
pub struct Places {
    pub given: Option<usize>,
    pub middle: Option<usize>,
    pub family: Option<usize>,
    pub note: Option<usize>,
    pub company: Option<usize>,
}

impl Contact {
    /// A contact from a row of an export, at `pos`: its names, note and company (the addresses
    /// are the export's own business).
    pub fn of_row(pos: Pos, cells: &[String], at: &Places) -> Contact {
        Contact {
            pos: Some(pos),
            given: cell(cells, at.given).to_string(),
            middle: cell(cells, at.middle).to_string(),
            family: cell(cells, at.family).to_string(),
            note: cell(cells, at.note).to_string(),
            company: cell(cells, at.company).to_string(),
            ..Contact::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_given_middle_family_and_the_preferred_address_wins() {
        let mut c = Contact {
            given: "José María".into(),
            family: "Peña".into(),
            ..Contact::default()
        };
        c.add_emails("jm@example.com ::: pena@example.com", false);
        c.add_emails("work@example.com", true);
        assert_eq!(c.name(), "José María Peña");
        assert_eq!(c.email(), Some("work@example.com"));
        assert_eq!(c.emails.len(), 3);
    }

    #[test]
    fn one_warning_for_those_without_an_address_and_one_for_those_with_several() {
        let mut two = Contact {
            full: "Ana Ruiz".into(),
            ..Contact::default()
        };
        two.add_emails("a@example.com ::: b@example.com", false);
        let nobody = |n: &str| Contact {
            full: n.into(),
            pos: Some(Pos::Line(3)),
            ..Contact::default()
        };
        let mut anonymous = Contact::default();
        anonymous.add_emails("quien@example.com", false);
        let t = table(
            vec![two, nobody("Fontanero"), anonymous, nobody("Mamá")],
            crate::domain::table::Export::Google,
            Pos::Line(1),
            "c.csv",
            Vec::new(),
        );
        assert_eq!(t.rows.len(), 1);
        let said: Vec<String> = t.notices.iter().map(|p| p.to_string()).collect();
        assert_eq!(said.len(), 3, "{said:?}");
        assert!(
            said[0].contains("2 contacts have no email address and are left out: Fontanero, Mamá"),
            "{said:?}"
        );
        assert!(
            said[1].contains("1 contact has an address but no name, so no letter could greet them, and is left out: quien@example.com"),
            "{said:?}"
        );
        assert!(
            said[2].contains("Ana Ruiz (a@example.com, not b@example.com)"),
            "{said:?}"
        );
    }
}

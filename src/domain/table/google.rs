//! Google Contacts' "Google CSV" export, known by its header: its contacts, each at its line.

use crate::domain::table::contacts::{cell, find, Contact, Places};
use crate::domain::table::Table;

/// The contacts of a Google CSV export, or `None` when the header is not Google's.
pub fn contacts(table: &Table) -> Option<Vec<Contact>> {
    let h = &table.header;
    let emails: Vec<(usize, Option<usize>)> = (1..)
        .map_while(|n| {
            let value = find(h, &format!("E-mail {n} - Value"))?;
            let label = find(h, &format!("E-mail {n} - Label"))
                .or_else(|| find(h, &format!("E-mail {n} - Type")));
            Some((value, label))
        })
        .collect();
    if emails.is_empty() {
        return None;
    }
    let either = |new: &str, old: &str| find(h, new).or_else(|| find(h, old));
    let full = find(h, "Name");
    let places = Places {
        given: either("First Name", "Given Name"),
        middle: either("Middle Name", "Additional Name"),
        family: either("Last Name", "Family Name"),
        note: find(h, "Notes"),
        company: either("Organization Name", "Organization 1 - Name"),
    };
    let contacts = table
        .rows
        .iter()
        .map(|(pos, cells)| {
            let mut c = Contact::of_row(*pos, cells, &places);
            if c.given.is_empty() && c.family.is_empty() {
                c.full = cell(cells, full).to_string();
            }
            for &(value, label) in &emails {
                // Google marks the primary address's label with a star: `* Home`.
                let preferred = cell(cells, label).starts_with('*');
                c.add_emails(cell(cells, Some(value)), preferred);
            }
            c
        })
        .collect();
    Some(contacts)
}

#[cfg(test)]
mod tests {
    use crate::domain::table::read_csv;

    #[test]
    fn a_google_csv_gives_names_addresses_notes_and_companies() {
        let csv = "First Name,Middle Name,Last Name,Phonetic First Name,Nickname,File As,Organization Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value\n\
José María,,Peña,,,,Peña y Cía,,,\"Nos vimos en Oviedo, \"\"por fin\"\"\",* myContacts,* Work,jm@example.com ::: pena@example.com,Home,casa@example.com,Mobile,+34 600\n\
Fontanero,,,,,,,,,,* myContacts,,,,,Mobile,+34 611\n";
        let t = read_csv(csv.as_bytes(), "contacts.csv");
        assert_eq!(t.origin, Some(super::super::Export::Google));
        assert_eq!(t.header, ["name", "email", "note", "company", "given_name"]);
        assert_eq!(t.rows.len(), 1);
        let (pos, cells) = &t.rows[0];
        assert_eq!(*pos, crate::diag::Pos::Line(2));
        assert_eq!(cells[0], "José María Peña");
        assert_eq!(cells[1], "jm@example.com");
        assert_eq!(cells[2], "Nos vimos en Oviedo, \"por fin\"");
        assert_eq!(cells[3], "Peña y Cía");
        assert_eq!(cells[4], "José María");
        let said: Vec<String> = t.notices.iter().map(|p| p.to_string()).collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said[0].contains("left out: Fontanero"), "{said:?}");
        assert!(
            said[1].contains("(jm@example.com, not pena@example.com, casa@example.com)"),
            "{said:?}"
        );
    }

    #[test]
    fn an_older_google_csv_with_given_and_family_names() {
        let csv = "Name,Given Name,Additional Name,Family Name,Yomi Name,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Organization 1 - Type,Organization 1 - Name\r\n\
Ana Ruiz,Ana,,Ruiz,,,* My Contacts,Home,ana@example.com,* Work,ana@work.example.com,,Acme\r\n\
Pepe,,,,,,* My Contacts,,pepe@example.com,,,,\r\n";
        let t = read_csv(csv.as_bytes(), "google.csv");
        assert_eq!(t.rows.len(), 2, "{:?}", t.notices);
        assert_eq!(
            t.rows[0].1[..5],
            ["Ana Ruiz", "ana@work.example.com", "", "Acme", "Ana"]
        );
        assert_eq!(t.rows[1].1[..2], ["Pepe", "pepe@example.com"]);
        assert_eq!(t.rows[1].1[4], "");
    }
}

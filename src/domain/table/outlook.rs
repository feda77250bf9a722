//! Outlook's CSV export of contacts, with English or Spanish headers, known by its header.

use crate::domain::table::contacts::{cell, find, Contact, Places};
use crate::domain::table::Table;

/// The column names of one language of Outlook's export.
struct Names {
    given: &'static str,
    middle: &'static str,
    family: &'static str,
    /// The first address's column; the next ones are it with ` 2`, ` 3`.
    email: &'static str,
    more: [&'static str; 2],
    note: &'static str,
    company: &'static str,
}

const ENGLISH: Names = Names {
    given: "First Name",
    middle: "Middle Name",
    family: "Last Name",
    email: "E-mail Address",
    more: ["E-mail 2 Address", "E-mail 3 Address"],
    note: "Notes",
    company: "Company",
};

const SPANISH: Names = Names {
    given: "Nombre",
    middle: "Segundo nombre",
    family: "Apellidos",
    email: "Dirección de correo electrónico",
    more: [
        "Dirección de correo electrónico 2",
        "Dirección de correo electrónico 3",
    ],
    note: "Notas",
    company: "Organización",
};

/// The contacts of an Outlook export, or `None` when the header is not Outlook's: its address
/// column and a given or family name column, in either language.
pub fn contacts(table: &Table) -> Option<Vec<Contact>> {
    let h = &table.header;
    let names = [ENGLISH, SPANISH].into_iter().find(|n| {
        find(h, n.email).is_some() && (find(h, n.middle).is_some() || find(h, n.family).is_some())
    })?;
    let emails: Vec<Option<usize>> = std::iter::once(names.email)
        .chain(names.more)
        .map(|e| find(h, e))
        .collect();
    let places = Places {
        given: find(h, names.given),
        middle: find(h, names.middle),
        family: find(h, names.family),
        note: find(h, names.note),
        company: find(h, names.company),
    };
    let contacts = table
        .rows
        .iter()
        .map(|(pos, cells)| {
            let mut c = Contact::of_row(*pos, cells, &places);
            for &e in &emails {
                c.add_emails(cell(cells, e), false);
            }
            c
        })
        .collect();
    Some(contacts)
}

#[cfg(test)]
mod tests {
    use crate::diag::Pos;
    use crate::domain::table::read_csv;

    /// Text as Outlook saves it: Windows-1252, every field quoted, CRLF.
    fn outlook(rows: &[&[&str]]) -> Vec<u8> {
        let text: String = rows
            .iter()
            .map(|r| {
                let cells: Vec<String> = r
                    .iter()
                    .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                    .collect();
                cells.join(",") + "\r\n"
            })
            .collect();
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    #[test]
    fn a_spanish_outlook_export_in_windows_1252() {
        let bytes = outlook(&[
            &[
                "Tratamiento",
                "Nombre",
                "Segundo nombre",
                "Apellidos",
                "Sufijo",
                "Organización",
                "Notas",
                "Dirección de correo electrónico",
                "Tipo de correo electrónico",
                "Dirección de correo electrónico 2",
            ],
            &[
                "",
                "José María",
                "",
                "Peña",
                "",
                "Peña y Cía",
                "Año de obras,\r\nal fin",
                "jm@example.com",
                "SMTP",
                "otro@example.com",
            ],
            &["", "Mamá", "", "", "", "", "", "", "", ""],
            &[
                "",
                "Íñigo",
                "",
                "Núñez",
                "",
                "",
                "",
                "inigo@example.com",
                "SMTP",
                "",
            ],
        ]);
        let t = read_csv(&bytes, "contactos.csv");
        assert_eq!(t.origin, Some(super::super::Export::Outlook));
        assert_eq!(t.rows.len(), 2, "{:?}", t.notices);
        assert_eq!(
            t.rows[0].1,
            [
                "José María Peña",
                "jm@example.com",
                "Año de obras,\r\nal fin",
                "Peña y Cía",
                "José María"
            ]
        );
        assert_eq!(t.rows[1].0, Pos::Line(5));
        assert_eq!(t.rows[1].1[0], "Íñigo Núñez");
        let said: Vec<String> = t.notices.iter().map(|p| p.to_string()).collect();
        // No advice to save as UTF-8: Outlook cannot, and the file was read right.
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said[0].contains("left out: Mamá"), "{said:?}");
        assert!(
            said[1].contains("José María Peña (jm@example.com, not otro@example.com)"),
            "{said:?}"
        );
    }

    #[test]
    fn an_english_outlook_export() {
        let bytes = outlook(&[
            &[
                "Title",
                "First Name",
                "Middle Name",
                "Last Name",
                "Suffix",
                "Company",
                "Notes",
                "E-mail Address",
                "E-mail Type",
                "E-mail Display Name",
                "E-mail 2 Address",
            ],
            &[
                "",
                "Mary",
                "Ann",
                "O'Neil",
                "",
                "Acme",
                "Met in \"Cork\"",
                "mary@example.com",
                "SMTP",
                "Mary (mary@example.com)",
                "",
            ],
        ]);
        let t = read_csv(&bytes, "contacts.csv");
        assert_eq!(
            t.rows[0].1,
            [
                "Mary Ann O'Neil",
                "mary@example.com",
                "Met in \"Cork\"",
                "Acme",
                "Mary"
            ]
        );
        assert!(t.notices.is_empty(), "{:?}", t.notices);
    }
}

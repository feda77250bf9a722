//! vCard files (2.1, 3.0, 4.0) as Apple, Google, Android and Outlook write them: each card a
//! contact at the line of its `BEGIN:VCARD`.
//!
//! Written here rather than taken from a crate: the parsers on crates.io read lines as UTF-8
//! strings (Apple folds at 75 bytes, inside a character), or know 4.0 alone (no 2.1
//! quoted-printable), or bring a whole calendar library and no line numbers.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::diag::Pos;
use crate::domain::table::contacts::Contact;

/// Whether these bytes are vCards: the first line that is not blank is `BEGIN:VCARD`.
pub fn is_vcard(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    start.is_some_and(|s| {
        bytes[s..]
            .get(..11)
            .is_some_and(|b| b.eq_ignore_ascii_case(b"BEGIN:VCARD"))
    })
}

/// One logical line: its first physical line's number and its bytes, unfolded.
struct Line {
    number: usize,
    bytes: Vec<u8>,
}

/// The physical lines (ending in CRLF, LF or a lone CR), with their 1-based numbers.
fn physical_lines(bytes: &[u8]) -> Vec<(usize, &[u8])> {
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] == b'\r' || bytes[i] == b'\n' {
            lines.push((lines.len() + 1, &bytes[start..i]));
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < bytes.len() {
        lines.push((lines.len() + 1, &bytes[start..]));
    }
    lines
}

/// Unfolds on bytes, before anything is decoded: a line that starts with a space or tab goes
/// on the previous one without it, and a quoted-printable value ending in a soft break `=`
/// (vCard 2.1) takes the next line whole.
fn logical_lines(bytes: &[u8]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut soft_break = false;
    for (number, line) in physical_lines(bytes) {
        match lines.last_mut() {
            Some(last) if soft_break => last.bytes.extend_from_slice(line),
            Some(last) if line.first().is_some_and(|b| *b == b' ' || *b == b'\t') => {
                last.bytes.extend_from_slice(&line[1..])
            }
            _ => lines.push(Line {
                number,
                bytes: line.to_vec(),
            }),
        }
        let last = lines.last_mut().expect("a line was just pushed");
        soft_break = is_quoted_printable(&last.bytes) && last.bytes.ends_with(b"=");
        if soft_break {
            last.bytes.pop();
        }
    }
    lines
}

/// Whether a line's parameters say its value is quoted-printable (before its first `:`).
fn is_quoted_printable(line: &[u8]) -> bool {
    let head = line.split(|b| *b == b':').next().unwrap_or(line);
    String::from_utf8_lossy(head)
        .to_ascii_uppercase()
        .contains("QUOTED-PRINTABLE")
}

/// A property: its name (without a group), its parameters, and its value decoded to text.
struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn parse(line: &[u8]) -> Option<Property> {
        // The value starts at the first `:` outside a quoted parameter value.
        let mut quoted = false;
        let colon = line.iter().position(|&b| {
            if b == b'"' {
                quoted = !quoted;
            }
            b == b':' && !quoted
        })?;
        let head = String::from_utf8_lossy(&line[..colon]);
        let mut parts = head.split(';');
        let name = parts.next()?.trim();
        let name = name.rsplit('.').next().unwrap_or(name).to_ascii_uppercase();
        let params: Vec<(String, String)> = parts
            .map(|p| match p.split_once('=') {
                Some((k, v)) => (
                    k.trim().to_ascii_uppercase(),
                    v.trim().trim_matches('"').to_string(),
                ),
                // vCard 2.1 writes bare values: `EMAIL;PREF;INTERNET`, `;QUOTED-PRINTABLE`.
                None => (String::from("TYPE"), p.trim().to_string()),
            })
            .collect();
        let raw = &line[colon + 1..];
        let qp = params.iter().any(|(k, v)| {
            (k == "ENCODING" || k == "TYPE") && v.eq_ignore_ascii_case("QUOTED-PRINTABLE")
        });
        let bytes = if qp {
            unquote_printable(raw)
        } else {
            raw.to_vec()
        };
        let charset = params
            .iter()
            .find(|(k, _)| k == "CHARSET")
            .and_then(|(_, v)| Encoding::for_label(v.as_bytes()));
        Some(Property {
            name,
            value: decode(&bytes, charset),
            params,
        })
    }

    /// Whether the card prefers this one: `TYPE=pref` (3.0, 2.1's bare `PREF`) or `PREF=1` (4.0).
    fn preferred(&self) -> bool {
        self.params.iter().any(|(k, v)| {
            (k == "TYPE" && v.split(',').any(|t| t.trim().eq_ignore_ascii_case("pref")))
                || (k == "PREF" && v.trim() == "1")
        })
    }
}

/// `=C3=A9` into its bytes; a `=` not followed by two hex digits stays as it is.
fn unquote_printable(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'=' {
            if let (Some(h), Some(l)) = (
                raw.get(i + 1).and_then(|&b| hex(b)),
                raw.get(i + 2).and_then(|&b| hex(b)),
            ) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

/// Text in the charset the property names, else UTF-8, else Windows-1252 (older Outlook).
fn decode(bytes: &[u8], charset: Option<&'static Encoding>) -> String {
    let encoding = match charset {
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// A value split at its unescaped `;` (the components of `N` and `ORG`), each unescaped.
fn components(value: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => parts.last_mut().unwrap().push('\n'),
                Some(other) => parts.last_mut().unwrap().push(other),
                None => {}
            },
            ';' => parts.push(String::new()),
            c => parts.last_mut().unwrap().push(c),
        }
    }
    parts
}

/// A text value with its escapes undone: `\,` `\;` `\\` and `\n` (or `\N`) for a line break.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    // Line breaks as QP 2.1 writes them (`=0D=0A`) are just line breaks.
    out.replace("\r\n", "\n")
}

/// The contacts of a vCard file, each at the line of its `BEGIN:VCARD`.
#[cfg(test)]
pub fn contacts(bytes: &[u8]) -> Vec<Contact> {
    read(bytes).0
}

/// The contacts of a vCard file, and the lines of the cards with no `END:VCARD` of their own
/// (each read up to the next card, or to the end of the file).
pub fn read(bytes: &[u8]) -> (Vec<Contact>, Vec<usize>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut contacts = Vec::new();
    let mut unended = Vec::new();
    let mut card: Option<Contact> = None;
    let mut depth: usize = 0;
    // Only right after an `AGENT` property is a card inside a card someone else (2.1); any other
    // `BEGIN:VCARD` in a card means its `END:VCARD` is missing: the next contact begins.
    let mut agent = false;
    for line in logical_lines(bytes) {
        let Some(p) = Property::parse(&line.bytes) else {
            continue;
        };
        let value = p.value.trim();
        match p.name.as_str() {
            "BEGIN" if value.eq_ignore_ascii_case("VCARD") => {
                if depth == 1 && !agent {
                    if let Some(open) = card.take() {
                        unended.extend(line_of(&open));
                        contacts.push(open);
                    }
                    depth = 0;
                }
                depth += 1;
                if depth == 1 {
                    card = Some(Contact {
                        pos: Some(Pos::Line(line.number)),
                        ..Contact::default()
                    });
                }
            }
            "END" if value.eq_ignore_ascii_case("VCARD") => {
                // A stray `END:VCARD` ends nothing.
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    contacts.extend(card.take());
                }
            }
            // A card inside a card (2.1's `AGENT`) is someone else.
            _ if depth != 1 => {}
            name => {
                if let Some(c) = card.as_mut() {
                    take(c, name, &p, value);
                }
            }
        }
        agent = p.name == "AGENT" && value.is_empty();
    }
    // A card cut off before its `END:VCARD` is still read, and said.
    if let Some(open) = card {
        unended.extend(line_of(&open));
        contacts.push(open);
    }
    (contacts, unended)
}

fn line_of(c: &Contact) -> Option<usize> {
    match c.pos {
        Some(Pos::Line(n)) => Some(n),
        _ => None,
    }
}

/// What a property says of the contact.
fn take(c: &mut Contact, name: &str, p: &Property, value: &str) {
    match name {
        "FN" => c.full = unescape(value).trim().to_string(),
        "N" => {
            let n = components(value);
            let part = |i: usize| n.get(i).map_or("", |s| s.trim()).replace(',', " ");
            c.family = part(0);
            c.given = part(1);
            c.middle = part(2);
        }
        "EMAIL" => {
            let address = unescape(value);
            let address = address.trim();
            let address = address.strip_prefix("mailto:").unwrap_or(address);
            c.add_emails(address, p.preferred());
        }
        "NOTE" => c.note = unescape(value).trim().to_string(),
        "ORG" => c.company = components(value).swap_remove(0).trim().to_string(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folds a line as Apple does: at 75 bytes, wherever that falls, even inside a character.
    fn fold(line: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, chunk) in line.as_bytes().chunks(75).enumerate() {
            if i > 0 {
                out.extend_from_slice(b"\r\n ");
            }
            out.extend_from_slice(chunk);
        }
        out.extend_from_slice(b"\r\n");
        out
    }

    fn apple() -> Vec<u8> {
        let mut v = Vec::new();
        for line in [
            "BEGIN:VCARD",
            "VERSION:3.0",
            "PRODID:-//Apple Inc.//macOS 14.0//EN",
            "N:Peña;José María;;;",
            "FN:José María Peña",
            "ORG:Peña y Cía\\, S.L.;Obras",
            "item1.EMAIL;type=INTERNET;type=HOME:casa@example.com",
            "EMAIL;type=INTERNET;type=WORK;type=pref:jm@example.com",
            // 69 letters after `NOTE:` put the `ñ` across the fold at byte 75.
            "NOTE:Recuerdo el año de obras en la casa de Oviedo\\, con la grúa y la señora de las vigas\\; al final salió todo bien\\nY la cena: ¡qué cena!",
            "END:VCARD",
            "BEGIN:VCARD",
            "VERSION:3.0",
            "N:;Fontanero;;;",
            "FN:Fontanero",
            "TEL;type=CELL:+34 600 000 000",
            "END:VCARD",
        ] {
            v.extend(fold(line));
        }
        v
    }

    #[test]
    fn apple_folds_inside_characters_and_marks_the_preferred_address() {
        let bytes = apple();
        // The fold falls inside a character: that is the point of this test.
        assert!(std::str::from_utf8(&bytes).is_err());
        assert!(is_vcard(&bytes));
        let c = contacts(&bytes);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].pos, Some(Pos::Line(1)));
        assert_eq!(c[0].name(), "José María Peña");
        assert_eq!(c[0].given, "José María");
        assert_eq!(c[0].email(), Some("jm@example.com"));
        assert_eq!(c[0].company, "Peña y Cía, S.L.");
        assert_eq!(
            c[0].note,
            "Recuerdo el año de obras en la casa de Oviedo, con la grúa y la señora de las vigas; al final salió todo bien\nY la cena: ¡qué cena!"
        );
        assert_eq!(c[1].pos, Some(Pos::Line(12)));
        assert!(c[1].emails.is_empty());
    }

    #[test]
    fn vcard_4_with_pref_1_and_escaped_backslashes() {
        let text = "BEGIN:VCARD\nVERSION:4.0\nFN:Ana Ruiz\nN:Ruiz;Ana;;;\nEMAIL;TYPE=home:ana@example.com\nEMAIL;PREF=1;TYPE=work:ana@work.example.com\nNOTE:C:\\\\datos\\Nfin\nEND:VCARD\n";
        let c = contacts(text.as_bytes());
        assert_eq!(c[0].email(), Some("ana@work.example.com"));
        assert_eq!(c[0].note, "C:\\datos\nfin");
        assert_eq!(c[0].given, "Ana");
    }

    #[test]
    fn outlook_2_1_quoted_printable_in_windows_1252_with_soft_breaks() {
        let bytes: &[u8] = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:N=FA=F1ez;=CD=F1igo\r\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:=CD=F1igo N=FA=F1ez\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Primera l=C3=ADnea=0D=0ASegunda, muy larga, que Outlook parte =\r\ncon un igual al final\r\nEMAIL;PREF;INTERNET:inigo@example.com\r\nEMAIL;INTERNET:otro@example.com\r\nEND:VCARD\r\n";
        let c = contacts(bytes);
        assert_eq!(c[0].name(), "Íñigo Núñez");
        assert_eq!(c[0].family, "Núñez");
        assert_eq!(
            c[0].note,
            "Primera línea\nSegunda, muy larga, que Outlook parte con un igual al final"
        );
        assert_eq!(c[0].email(), Some("inigo@example.com"));
    }

    #[test]
    fn a_stray_end_and_a_card_cut_off_are_still_read() {
        let c = contacts(b"END:VCARD\nBEGIN:VCARD\nFN:Ana\nEMAIL:a@example.com\nEND:VCARD\nBEGIN:VCARD\nFN:Bo\nEMAIL:b@example.com\n");
        // A card whose END:VCARD is missing ends where the next one begins: no one is lost.
        let (c2, unended) = read(b"BEGIN:VCARD\nFN:Uno\nEMAIL:uno@example.com\nBEGIN:VCARD\nFN:Dos\nEMAIL:dos@example.com\nEND:VCARD\nBEGIN:VCARD\nFN:Tres\nEMAIL:tres@example.com\nEND:VCARD\n");
        let names: Vec<String> = c2.iter().map(|c| c.name()).collect();
        assert_eq!(names, ["Uno", "Dos", "Tres"]);
        assert_eq!(unended, [1]);
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].pos, Some(Pos::Line(6)));
        assert_eq!(c[1].email(), Some("b@example.com"));
    }

    #[test]
    fn n_alone_makes_the_name() {
        let c = contacts(
            b"BEGIN:VCARD\nVERSION:3.0\nN:Vidal;Carmen;Luisa;;\nEMAIL:c@example.com\nEND:VCARD\n",
        );
        assert_eq!(c[0].name(), "Carmen Luisa Vidal");
        assert_eq!(c[0].given, "Carmen");
    }
}

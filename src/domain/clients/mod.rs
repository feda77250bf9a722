//! The client list: CSV as spreadsheets export it, or .xlsx/.ods, into validated `Client`s.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::str::FromStr;

use anyhow::Result;
use lettre::message::Mailbox;
use lettre::Address;

use crate::diag::{Pos, Problem};
use crate::domain::table::{read_csv, Table};
use crate::text::{clean_line, clean_text};

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
    /// What earlier years left: the letters this client got, what was remembered since.
    pub past: Past,
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
    let table = crate::domain::table::read(path, sheet)?;
    Ok(validate(table, &label))
}

/// Parses a CSV client list from memory: the pure core of `load`.
pub fn parse_csv(bytes: &[u8], label: &str) -> ClientList {
    validate(read_csv(bytes, label), label)
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
    let columns = Columns::from_header(&table.header, header_pos, label, &mut list.problems);
    if list.has_errors() {
        return list;
    }
    let mut by_key: HashMap<String, Pos> = HashMap::new();
    for (pos, cells) in table.rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row = client_from_row(&columns, pos, &cells, label, list.clients.len() + 1);
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
        list.problems.push(Problem::error(
            label,
            "there are no clients below the first line",
        ));
    }
    list
}

/// A second row with an address already on the list.
fn duplicate(columns: &Columns, cells: &[String], label: &str, pos: Pos, first: Pos) -> Problem {
    let first = match first {
        Pos::Row(n) => format!("row {n}"),
        Pos::Line(n) | Pos::LineCol(n, _) => format!("line {n}"),
    };
    let email = cells
        .get(columns.email)
        .map(|e| e.trim())
        .unwrap_or_default();
    let p = Problem::error(
        label,
        format!("`{email}` is also on {first}: that person would get two emails; keep one row"),
    )
    .at(pos)
    .column("email");
    match who(columns, cells) {
        Some(who) => p.client(clean_line(&clean_text(who))),
        None => p,
    }
}

/// What each column of the list is: a known column, a template variable, or nothing.
struct Columns {
    /// Each column's trimmed name (lowercased when known) and what it is.
    all: Vec<(String, Option<Known>)>,
    email: usize,
    name: usize,
}

impl Columns {
    /// Reads the header line, reporting what is wrong with it; errors leave the list unread.
    fn from_header(
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

/// A row read: the client when it makes one, the address when that much parsed (so that a
/// second row with it is still seen as a duplicate), and what is wrong with it.
struct Row {
    client: Option<Client>,
    key: Option<String>,
    problems: Vec<Problem>,
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
    for ((name, kind), cell) in columns.all.iter().zip(cells) {
        let value = clean_text(cell);
        if value.is_empty() || name.is_empty() {
            continue;
        }
        match kind {
            Some(k) => {
                known.insert(*k, value);
            }
            None => {
                fields.insert(name.clone(), value);
            }
        }
    }
    (known, fields)
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
    Err(format!(
        "this row has {} cells but the first line names {} columns: {} left over; is there a stray delimiter, or a cell that needs quotes?",
        cells.len(),
        columns.all.len(),
        extra.join(", ")
    ))
}

fn affinity_field(text: &str) -> Result<u8, String> {
    parse_affinity(text).ok_or_else(|| {
        format!(
            "affinity `{}` is not a whole number from 0 (hated) to 10 (loved)",
            clean_line(text)
        )
    })
}

fn language_field(text: &str) -> Result<String, String> {
    let code = text.trim().to_lowercase();
    if is_language(&code) {
        return Ok(code);
    }
    let known: Vec<&str> = LANGUAGES.iter().map(|(c, _)| *c).collect();
    Err(format!(
        "language `{}` is not one cartero writes dates in; use one of {}",
        clean_line(&code),
        known.join(", ")
    ))
}

fn template_field(text: &str) -> Result<String, String> {
    let t = text.trim().to_string();
    if t.contains(['/', '\\']) || t.starts_with('.') {
        return Err(format!(
            "template `{}` must be a file name in the templates folder, without a folder",
            clean_line(&t)
        ));
    }
    Ok(t)
}

fn name_field(text: Option<&String>) -> Result<String, String> {
    let name = text.map(|n| clean_line(n)).unwrap_or_default();
    if name.is_empty() {
        return Err("no name: every client needs one, the email greets them by it".into());
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
        format!(
            "the name holds invisible control characters ({}), left out of the letter; check the cell in your spreadsheet",
            hidden.join(", ")
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
fn client_from_row(
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
    let affinity = known
        .get(&Known::Affinity)
        .and_then(|a| problems.field("affinity", affinity_field(a)));
    let language = known
        .get(&Known::Language)
        .and_then(|l| problems.field("language", language_field(l)));
    let template = known
        .get(&Known::Template)
        .and_then(|t| problems.field("template", template_field(t)));
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
                affinity,
                template,
                language,
                fields,
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

/// An address from a cell: exactly one, one that mail servers take. A domain written in its
/// own letters (`münchen.de`) is kept in its ASCII form (`xn--mnchen-3ya.de`) when the part
/// before the `@` is plain ASCII, so that any server can take it.
pub fn parse_address(email: &str) -> Result<Address, String> {
    let shown = clean_line(email);
    if email.is_empty() {
        return Err("no email address: every client needs one".into());
    }
    if email.contains([',', ';']) || email.split_whitespace().count() > 1 {
        return Err(format!(
            "`{shown}` holds more than one address: a client gets exactly one email at one address"
        ));
    }
    if let Some(why) = hidden_in_address(email) {
        return Err(why);
    }
    let address =
        Address::from_str(email).map_err(|_| format!("`{shown}` is not a valid email address"))?;
    if address.domain().starts_with('[') {
        return Err(format!(
            "`{shown}` sends to a machine's number rather than a domain: mail providers refuse such addresses; ask the client for the address they use"
        ));
    }
    if !address.domain().contains('.') {
        return Err(format!(
            "`{shown}` has no dot after the `@`: a domain such as `example.com` is missing"
        ));
    }
    let domain = address.domain();
    if domain.is_ascii() && !domain.to_ascii_lowercase().contains("xn--") {
        return Ok(address);
    }
    let ascii = idna::domain_to_ascii(domain)
        .map_err(|_| format!("`{shown}`: the part after the `@` is not a valid domain"))?;
    if !address.user().is_ascii() {
        return Ok(address);
    }
    Address::new(address.user(), ascii)
        .map_err(|_| format!("`{shown}`: the part after the `@` is not a valid domain"))
}

/// Characters that cannot be seen, or that only look like `.` or `@`: pasted from a web page
/// or a document, they make an address that looks right and is not.
fn hidden_in_address(email: &str) -> Option<String> {
    let odd = |c: char| {
        matches!(c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}' | '\u{2024}' | '\u{FE52}' | '\u{FF0E}' | '\u{3002}' | '\u{FF20}' | '\u{FE6B}')
    };
    let found: Vec<String> = email
        .chars()
        .filter(|&c| odd(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    if found.is_empty() {
        return None;
    }
    let shown: String = email
        .chars()
        .map(|c| if odd(c) { '�' } else { c })
        .collect();
    Some(format!(
        "`{shown}` holds characters that cannot be seen or only look like `.` or `@` ({}, marked �): type the address again by hand",
        found.join(", ")
    ))
}

/// What identifies a client: the address lowercased, its domain in its own letters, so that
/// `ana@münchen.de` and `ana@xn--mnchen-3ya.de` are one person.
pub fn address_key(address: &Address) -> String {
    let (domain, result) = idna::domain_to_unicode(address.domain());
    let domain = if result.is_ok() {
        domain
    } else {
        address.domain().to_string()
    };
    format!("{}@{}", address.user(), domain).to_lowercase()
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

    #[test]
    fn addresses_servers_refuse_are_refused_here() {
        for (email, says) in [
            ("ana@[192.168.1.10]", "a machine's number"),
            ("ana@[IPv6:2001:db8::1]", ""),
            ("ana@localhost", "no dot after the `@`"),
            ("ana@example.com, bo@example.com", "more than one address"),
            ("", "no email address"),
            ("ana@", "not a valid email address"),
            (
                "jmpena\u{200B}@example.com",
                "`jmpena�@example.com` holds characters that cannot be seen",
            ),
            ("ana@example\u{2024}com", "U+2024"),
        ] {
            let err = parse_address(email).unwrap_err();
            assert!(err.contains(says), "{email}: {err}");
        }
    }

    #[test]
    fn a_domain_in_its_own_letters_and_in_ascii_is_one_client() {
        let unicode = parse_address("Ana@München.de").unwrap();
        let ascii = parse_address("ana@xn--mnchen-3ya.de").unwrap();
        assert_eq!(unicode.domain(), "xn--mnchen-3ya.de", "sent in ASCII");
        assert_eq!(address_key(&unicode), "ana@münchen.de");
        assert_eq!(address_key(&ascii), address_key(&unicode));
        // A local part in its own letters needs SMTPUTF8 anyway: kept as written.
        assert_eq!(
            parse_address("josé@correo.es").unwrap().to_string(),
            "josé@correo.es"
        );
        let list = parse_csv(
            "email,name\nana@münchen.de,Ana\nANA@xn--mnchen-3ya.de,Ana bis\n".as_bytes(),
            "c.csv",
        );
        assert!(
            errors(&list)
                .iter()
                .any(|e| e.contains("c.csv:3, column `email`, client `Ana bis`")
                    && e.contains("also on line 2")),
            "{:?}",
            list.problems
        );
    }

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

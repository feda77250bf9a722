//! CSV as spreadsheets export it, and .xlsx/.xls/.ods sheets, into rows of text cells with positions.

mod contacts;
mod google;
mod outlook;
mod sheet;
mod text;
mod vcard;

use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::diag::{Pos, Problem};
use sheet::{Format, Kind};

/// A header and rows of cells, whatever the file format was.
#[derive(Debug, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub header_pos: Option<Pos>,
    pub rows: Vec<(Pos, Vec<String>)>,
    /// What a spreadsheet cell held before it became text, by its row (in `rows`) and column:
    /// numbers with decimals and dates, which a letter writes in its client's language.
    pub typed: std::collections::BTreeMap<(usize, usize), Typed>,
    pub notices: Vec<Problem>,
    /// The contact export it was read as, when it was one.
    pub origin: Option<Export>,
}

/// The contact exports cartero reads as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    VCard,
    Google,
    Outlook,
}

impl Export {
    /// How a person calls it (`a vCard file`), in this run's language.
    pub fn name(self) -> String {
        match self {
            Export::VCard => tr!("table-export-vcard"),
            Export::Google => tr!("table-export-google"),
            Export::Outlook => tr!("table-export-outlook"),
        }
    }
}

/// A spreadsheet cell's value that is not text, kept as it was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Typed {
    /// A number with decimals (whole numbers stay as typed: an id, an affinity, a year).
    Number(f64),
    Date(chrono::NaiveDate),
    DateTime(chrono::NaiveDateTime),
}

/// The delimiter is whichever of `,` `;` tab occurs most in the header line, outside quotes.
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// The byte offset of a quote that opens a cell and is never closed, as csv reads quotes:
/// only at the start of a cell, with `""` inside standing for one quote.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let b = text.as_bytes();
    let (mut quoted, mut open, mut cell_start) = (false, 0, true);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if quoted {
            if c == b'"' {
                if b.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                quoted = false;
            }
        } else {
            if c == b'"' && cell_start {
                quoted = true;
                open = i;
            }
            cell_start = c == delimiter || c == b'\n' || c == b'\r';
        }
        i += 1;
    }
    quoted.then_some(open)
}

/// Reads the client list at `path`. What the bytes are decides how, not the name: a workbook
/// named `.csv` or text named `.xlsx` is said plainly. Only a file that cannot be read at all is
/// an `Err`; every other problem is a notice in the table.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Table> {
    let label = path.display().to_string();
    let bytes = read_file(path, &label)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let Some(by_name) = Format::from_extension(&ext) else {
        if let (Some(what), Kind::Other) = (not_text(&bytes), Kind::of(&bytes)) {
            bail!(tr!(
                "table-list-unreadable",
                file = &label,
                why = not_text_message(what)
            ));
        }
        let mut table = read_csv(&bytes, &label);
        if let (Some(wanted), Kind::Other) = (sheet, Kind::of(&bytes)) {
            table.notices.push(Problem::warning(
                &label,
                tr!("table-csv-has-no-sheets", sheet = wanted),
            ));
        }
        return Ok(table);
    };
    let mut table = match Kind::of(&bytes) {
        Kind::Empty => bail!(tr!("table-sheet-empty-file", file = &label)),
        Kind::Other => bail!(tr!(
            "table-sheet-unreadable",
            file = &label,
            why = not_a_workbook(&bytes, &label)
        )),
        kind => sheet::read(&bytes, kind, Some(by_name), &label, sheet)?,
    };
    // An export opened and saved as a workbook is still one.
    if let Some(exported) = contact_export(&mut table, None, &label) {
        return Ok(exported);
    }
    check_header(&mut table, &label);
    Ok(table)
}

/// The bytes of the file, or an error that says what to pass instead.
fn read_file(path: &Path, label: &str) -> Result<Vec<u8>> {
    let hint = tr!("table-list-hint");
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!(tr!("table-list-missing", file = label, hint = hint))
        }
        Ok(meta) if meta.is_dir() => {
            let mut lists: Vec<String> = std::fs::read_dir(path)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| {
                    let ext = Path::new(n).extension().and_then(|e| e.to_str());
                    let ext = ext.unwrap_or("").to_ascii_lowercase();
                    ["csv", "tsv", "txt"].contains(&ext.as_str())
                        || Format::from_extension(&ext).is_some()
                })
                .collect();
            lists.sort();
            match lists.first() {
                Some(first) => bail!(tr!(
                    "table-list-is-folder-of-lists",
                    file = label,
                    lists = lists
                        .iter()
                        .take(5)
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    first = path.join(first).display()
                )),
                None => bail!(tr!("table-list-is-folder", file = label, hint = hint)),
            }
        }
        _ => {}
    }
    std::fs::read(path).with_context(|| tr!("table-list-read-failed", file = label))
}

/// What a file that is neither text nor a workbook seems to be (a PDF, a picture, something
/// else), by its first bytes; `None` for text.
fn not_text(bytes: &[u8]) -> Option<&'static str> {
    let magic: &[(&[u8], &str)] = &[
        (b"%PDF", "pdf"),
        (b"\x89PNG", "png"),
        (b"\xFF\xD8\xFF", "jpeg"),
        (b"GIF8", "gif"),
    ];
    if let Some((_, what)) = magic.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    let head = &bytes[..bytes.len().min(1024)];
    // NUL bytes are UTF-16's, said elsewhere; other control bytes are never in text.
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, 0 | b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    (control >= 8 && control * 20 > head.len()).then_some("not text")
}

/// Why a file is not a client list, when it is neither text nor a workbook.
fn not_text_message(what: &str) -> String {
    let what = match what {
        "pdf" => tr!("table-a-pdf"),
        "png" => tr!("table-a-png"),
        "jpeg" => tr!("table-a-jpeg"),
        "gif" => tr!("table-a-gif"),
        _ => return tr!("table-not-text"),
    };
    tr!("table-not-a-list", what = what)
}

/// Why text named like a workbook is not one, and what to do.
fn not_a_workbook(bytes: &[u8], label: &str) -> String {
    if let Some(what) = not_text(bytes) {
        return not_text_message(what);
    }
    let start: String = String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(200)
        .collect();
    let lower = start.to_ascii_lowercase();
    let first_line = start.lines().next().unwrap_or("");
    if lower.starts_with('<') && (lower.contains("<html") || lower.contains("<table")) {
        tr!("table-html-as-workbook")
    } else if first_line.contains([',', ';', '\t']) || bytes.contains(&0) {
        tr!(
            "table-csv-as-workbook",
            renamed = Path::new(label).with_extension("csv").display()
        )
    } else {
        tr!(
            "table-text-as-workbook",
            renamed = Path::new(label).with_extension("csv").display()
        )
    }
}

/// What a workbook read as CSV is, and what to do about it.
fn workbook_as_csv(kind: Kind, label: &str) -> Option<String> {
    let renamed = |ext: &str| Path::new(label).with_extension(ext).display().to_string();
    Some(match kind {
        Kind::Zip(Some(f)) => tr!(
            "table-workbook-as-csv",
            ext = f.extension(),
            renamed = renamed(f.extension())
        ),
        Kind::Zip(None) => tr!("table-zip-as-csv"),
        Kind::Ole { encrypted: true } => tr!("table-locked-workbook-as-csv"),
        Kind::Ole { encrypted: false } => tr!("table-xls-as-csv", renamed = renamed("xls")),
        Kind::Empty | Kind::Other => return None,
    })
}

/// Reads CSV text in any of the encodings and delimiters spreadsheets export.
pub fn read_csv(bytes: &[u8], label: &str) -> Table {
    let mut table = Table::default();
    if let Some(message) = workbook_as_csv(Kind::of(bytes), label) {
        table.notices.push(Problem::error(label, message));
        return table;
    }
    if vcard::is_vcard(bytes) {
        let (found, unended) = vcard::read(bytes);
        let notices = unended
            .into_iter()
            .map(|line| Problem::warning(label, tr!("table-vcard-unended")).at(Pos::Line(line)))
            .collect();
        return contacts::table(found, Export::VCard, Pos::Line(1), label, notices);
    }
    let decoded = match text::decode(bytes) {
        Ok(decoded) => decoded,
        Err(text::NotText { line }) => {
            table
                .notices
                .push(Problem::error(label, tr!("table-nul-bytes")).at(Pos::Line(line)));
            return table;
        }
    };
    let text = decoded.text;
    let (odd_lines, legacy) = encoding_notices(decoded.notes, label, &mut table);
    read_records(&text, label, &mut table);
    for (i, line) in odd_lines {
        if let Some(client) = client_on_line(&table, line) {
            table.notices[i].client = Some(client);
        }
    }
    if let Some(exported) = contact_export(&mut table, legacy, label) {
        return exported;
    }
    check_header(&mut table, label);
    table
}

/// What decoding found, said: the notices' places of lines read as Windows-1252 (to name their
/// clients once the rows are read), and of the note that the whole file was.
fn encoding_notices(
    notes: Vec<text::Note>,
    label: &str,
    table: &mut Table,
) -> (Vec<(usize, usize)>, Option<usize>) {
    let mut odd_lines = Vec::new();
    let mut legacy = None;
    for note in notes {
        match note {
            text::Note::Legacy(name) => {
                legacy = Some(table.notices.len());
                table.notices.push(Problem::warning(
                    label,
                    tr!("table-legacy-encoding", encoding = name),
                ))
            }
            text::Note::Utf16(name) => table.notices.push(Problem::warning(
                label,
                tr!("table-utf16-without-bom", encoding = name),
            )),
            text::Note::Line { line, words } => {
                let message = if words.is_empty() {
                    tr!("table-line-not-utf8")
                } else {
                    let words: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
                    tr!("table-line-not-utf8-words", words = words.join(", "))
                };
                odd_lines.push((table.notices.len(), line));
                table
                    .notices
                    .push(Problem::warning(label, message).at(Pos::Line(line)));
            }
        }
    }
    (odd_lines, legacy)
}

/// A Google or Outlook export of contacts, known by its header, as a plain list's table.
/// Outlook cannot save UTF-8, so the advice to do so is not given for its export.
fn contact_export(table: &mut Table, legacy: Option<usize>, label: &str) -> Option<Table> {
    let header_pos = table.header_pos?;
    let (origin, found) = google::contacts(table)
        .map(|c| (Export::Google, c))
        .or_else(|| outlook::contacts(table).map(|c| (Export::Outlook, c)))?;
    let mut notices = std::mem::take(&mut table.notices);
    if let Some(i) = legacy {
        notices.remove(i);
    }
    Some(contacts::table(found, origin, header_pos, label, notices))
}

/// The records of CSV text, the first being the header, each at the line it starts on.
fn read_records(text: &str, label: &str, table: &mut Table) {
    // Line numbers come from byte offsets, not from csv's own count, which is one too low
    // after CRLF line ends (rust-csv #395) and does not count a lone CR.
    let line_starts = text::line_starts(text.as_bytes());
    let line_of = |byte: u64| {
        // csv may leave a record's start on the line end before it: step over it.
        let at = (byte as usize).min(text.len());
        let skip = text.as_bytes()[at..]
            .iter()
            .take_while(|b| **b == b'\r' || **b == b'\n')
            .count();
        text::line_of(&line_starts, at + skip)
    };

    let delimiter = sniff_delimiter(text);
    if let Some(open) = unclosed_quote(text, delimiter) {
        table.notices.push(
            Problem::error(label, tr!("table-unclosed-quote")).at(Pos::Line(line_of(open as u64))),
        );
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    loop {
        let start = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let pos = Pos::Line(line_of(record.position().map_or(start, |p| p.byte())));
                let cells: Vec<String> = record.iter().map(str::to_string).collect();
                if table.header_pos.is_none() {
                    table.header = cells;
                    table.header_pos = Some(pos);
                } else {
                    table.rows.push((pos, cells));
                }
            }
            Err(err) => {
                let pos = err
                    .position()
                    .map(|p| Pos::Line(line_of(p.byte())))
                    .unwrap_or(Pos::Line(line_of(start)));
                table.notices.push(
                    Problem::error(label, tr!("table-bad-csv-line", why = err.to_string())).at(pos),
                );
                break;
            }
        }
    }
}

/// Who the record spanning `line` is about, by its `name` (or else `email`) cell.
fn client_on_line(table: &Table, line: usize) -> Option<String> {
    let column = |wanted: &str| {
        table
            .header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(wanted))
    };
    let (pos, cells) = table
        .rows
        .iter()
        .rev()
        .find(|(pos, _)| matches!(pos, Pos::Line(start) if *start <= line))?;
    let Pos::Line(start) = *pos else { return None };
    let breaks: usize = cells
        .iter()
        .map(|c| text::line_starts(c.as_bytes()).len() - 1)
        .sum();
    if line > start + breaks {
        return None;
    }
    [column("name"), column("email")]
        .into_iter()
        .flatten()
        .filter_map(|i| cells.get(i))
        .map(|c| {
            c.split(|ch: char| ch.is_whitespace() || ch.is_control())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .find(|c| !c.is_empty())
}

/// A header's invisible characters go; a column with no name but cells below is said, since
/// what is in it would go into no letter.
fn check_header(table: &mut Table, label: &str) {
    let Some(header_pos) = table.header_pos else {
        return;
    };
    for name in &mut table.header {
        if name.chars().any(|c| c.is_control() && !c.is_whitespace()) {
            *name = name
                .chars()
                .filter(|c| !c.is_control() || c.is_whitespace())
                .collect();
            table.notices.push(
                Problem::warning(label, tr!("table-header-control-characters"))
                    .at(header_pos)
                    .column(name.trim()),
            );
        }
    }
    for (i, name) in table.header.iter().enumerate() {
        if !name.trim().is_empty() {
            continue;
        }
        let used = table
            .rows
            .iter()
            .filter(|(_, cells)| cells.get(i).is_some_and(|c| !c.trim().is_empty()))
            .count();
        if used > 0 {
            let column = match header_pos {
                Pos::Row(_) => column_letters(i),
                _ => (i + 1).to_string(),
            };
            table.notices.push(
                Problem::warning(
                    label,
                    tr!("table-unnamed-column", column = column, cells = used),
                )
                .at(header_pos),
            );
        }
    }
}

/// `A`, `B`, … `Z`, `AA`: a spreadsheet's name for the column at this 0-based index.
fn column_letters(mut i: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_quotes_are_found() {
        assert_eq!(unclosed_quote("a,b\n\"x,y\n", b','), Some(4));
        assert_eq!(unclosed_quote("a,\"b \"\"q\"\" c\"\nd,e\"f\n", b','), None);
        assert_eq!(unclosed_quote("a;\"multi\nline\";x\n", b';'), None);
    }
}

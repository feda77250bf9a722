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
    /// The contact export it was read as (`a vCard file`), when it was one.
    pub origin: Option<&'static str>,
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
            bail!(
                "failed to read the client list `{label}`: {}",
                not_text_message(what)
            );
        }
        let mut table = read_csv(&bytes, &label);
        if let (Some(wanted), Kind::Other) = (sheet, Kind::of(&bytes)) {
            table.notices.push(Problem::warning(
                &label,
                format!("sheet `{wanted}` was asked for, but this is a CSV file, which has no sheets: the setting is ignored"),
            ));
        }
        return Ok(table);
    };
    let mut table = match Kind::of(&bytes) {
        Kind::Empty => bail!(
            "failed to read `{label}` as a spreadsheet: the file is empty (0 bytes): save the workbook again from Excel or LibreOffice"
        ),
        Kind::Other => bail!(
            "failed to read `{label}` as a spreadsheet: {}",
            not_a_workbook(&bytes, &label)
        ),
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
    let hint = "pass `--clients FILE` or set `clients` in cartero.toml";
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("failed to read the client list `{label}`: there is no such file: {hint}")
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
                Some(first) => bail!(
                    "failed to read the client list `{label}`: it is a folder, not a file; it holds {}: pass the list itself, such as `--clients {}`",
                    lists.iter().take(5).map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "),
                    path.join(first).display()
                ),
                None => bail!("failed to read the client list `{label}`: it is a folder, not a file: {hint}"),
            }
        }
        _ => {}
    }
    std::fs::read(path).with_context(|| format!("failed to read the client list `{label}`"))
}

/// What a file that is neither text nor a workbook seems to be (a PDF, a picture, something
/// else), by its first bytes; `None` for text.
fn not_text(bytes: &[u8]) -> Option<&'static str> {
    let magic: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG picture"),
        (b"\xFF\xD8\xFF", "a JPEG picture"),
        (b"GIF8", "a GIF picture"),
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
    match what {
        "not text" => "it is neither a spreadsheet nor text (it holds bytes no text has): pass the client list itself, saved from Excel as .xlsx or CSV UTF-8".to_string(),
        what => format!("it is {what}, not a client list: pass the list itself, saved from Excel as .xlsx or CSV UTF-8"),
    }
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
        "it is a web page (HTML) with a spreadsheet's name, as some programs export \"Excel\" files: open it in Excel or LibreOffice and save it as .xlsx".to_string()
    } else if first_line.contains([',', ';', '\t']) || bytes.contains(&0) {
        format!(
            "it is not a workbook but CSV text: rename it to `{}`",
            Path::new(label).with_extension("csv").display()
        )
    } else {
        format!(
            "it is not a workbook but plain text: if it is the list as CSV, rename it to `{}`; if not, save the list from Excel as .xlsx",
            Path::new(label).with_extension("csv").display()
        )
    }
}

/// What a workbook read as CSV is, and what to do about it.
fn workbook_as_csv(kind: Kind, label: &str) -> Option<String> {
    let renamed = |ext: &str| Path::new(label).with_extension(ext).display().to_string();
    Some(match kind {
        Kind::Zip(Some(f)) => format!(
            "this is a spreadsheet workbook (.{ext}), not CSV text: rename it to `{}`",
            renamed(f.extension()),
            ext = f.extension()
        ),
        Kind::Zip(None) => "this is a zip archive, not CSV text: unpack it, or save the list from Excel as CSV UTF-8".to_string(),
        Kind::Ole { encrypted: true } => "this is an Excel workbook protected with a password, not CSV text: open it in Excel, remove the password (File > Info > Protect Workbook), and save it as CSV UTF-8 or .xlsx".to_string(),
        Kind::Ole { encrypted: false } => format!(
            "this is an old Excel workbook (.xls), not CSV text: rename it to `{}`",
            renamed("xls")
        ),
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
            .map(|line| {
                Problem::warning(
                    label,
                    "this card has no `END:VCARD`: it was read up to the next card (or the end of the file); check that contact in your address book",
                )
                .at(Pos::Line(line))
            })
            .collect();
        return contacts::table(found, "a vCard file", Pos::Line(1), label, notices);
    }
    let decoded = match text::decode(bytes) {
        Ok(decoded) => decoded,
        Err(text::NotText { line }) => {
            table.notices.push(
                Problem::error(
                    label,
                    "this line holds NUL bytes, which CSV text never has: the file is not CSV text or is damaged; open it in Excel or LibreOffice and save it as CSV UTF-8",
                )
                .at(Pos::Line(line)),
            );
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
                format!("the file is not saved as UTF-8; it was read as {name} (as older Excel saves CSV): if accented letters look wrong, save it as CSV UTF-8"),
            ))
            }
            text::Note::Utf16(name) => table.notices.push(Problem::warning(
                label,
                format!("the file is {name} text without a byte-order mark; it was read as such: to be sure, save it as CSV UTF-8"),
            )),
            text::Note::Line { line, words } => {
                let shown = if words.is_empty() {
                    String::new()
                } else {
                    let words: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
                    format!(" ({})", words.join(", "))
                };
                odd_lines.push((table.notices.len(), line));
                table.notices.push(
                    Problem::warning(
                        label,
                        format!("this line is not UTF-8 like the rest of the file; it was read as Windows-1252{shown}: if that is wrong, fix it there, and save the file as CSV UTF-8"),
                    )
                    .at(Pos::Line(line)),
                );
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
        .map(|c| ("a Google Contacts export", c))
        .or_else(|| outlook::contacts(table).map(|c| ("an Outlook export", c)))?;
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
            Problem::error(
                label,
                "a quote `\"` opened on this line is never closed, so the rest of the file reads as one cell: close it, or remove it",
            )
            .at(Pos::Line(line_of(open as u64))),
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
                    Problem::error(label, format!("this line cannot be read as CSV: {err}"))
                        .at(pos),
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
                Problem::warning(
                    label,
                    "the column name holds invisible control characters; they are ignored",
                )
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
                    format!("column {column} has no name in the first line, so what is below it ({}) goes into no letter: name it (such as `note` or `city`), or delete the column", crate::text::count(used, "cell")),
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

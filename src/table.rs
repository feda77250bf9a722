//! CSV as spreadsheets export it, and .xlsx/.ods sheets, into rows of text cells with positions.

use std::path::Path;

use anyhow::{Context, Result};

use crate::diag::{Pos, Problem};

/// A header and rows of cells, whatever the file format was.
#[derive(Debug, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub header_pos: Option<Pos>,
    pub rows: Vec<(Pos, Vec<String>)>,
    pub notices: Vec<Problem>,
}

/// UTF-8 with or without BOM, UTF-16 with BOM, or whatever legacy encoding chardetng sees
/// (in practice Windows-1252 from a Spanish Excel).
fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), None);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(_) => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let encoding = detector.guess(None, true);
            let (text, _, _) = encoding.decode(bytes);
            (text.into_owned(), Some(encoding.name()))
        }
    }
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

pub fn read_csv(bytes: &[u8], label: &str) -> Table {
    let (text, encoding) = decode(bytes);
    let mut table = Table::default();
    if let Some(name) = encoding {
        table.notices.push(Problem::warning(
            label,
            format!("the file is not UTF-8; it was read as {name} (as Excel saves it)"),
        ));
    }
    // Line numbers come from byte offsets, not from csv's own count, which is one too low
    // after CRLF line ends (rust-csv #395).
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |byte: u64| {
        // csv may leave a record's start on the line end before it: step over it.
        let skip = text.as_bytes()[(byte as usize).min(text.len())..]
            .iter()
            .take_while(|b| **b == b'\r' || **b == b'\n')
            .count() as u64;
        line_starts.partition_point(|&s| s as u64 <= byte + skip)
    };

    let delimiter = sniff_delimiter(&text);
    if let Some(open) = unclosed_quote(&text, delimiter) {
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
    table
}

pub fn read_spreadsheet(path: &Path, sheet: Option<&str>) -> Result<Table> {
    use calamine::{open_workbook_auto, Data, Reader};
    let label = path.display().to_string();
    match path.try_exists() {
        Ok(true) => {}
        Ok(false) => anyhow::bail!("failed to read the client list `{label}`: no such file"),
        Err(e) => anyhow::bail!("failed to read the client list `{label}`: {e}"),
    }
    let mut workbook = open_workbook_auto(path)
        .with_context(|| format!("failed to read `{label}` as a spreadsheet (is it an .xlsx or .ods file, and not open or damaged?)"))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .with_context(|| {
                format!(
                    "`{label}` has no sheet `{wanted}`; its sheets are: {}",
                    names.join(", ")
                )
            })?,
        None => names
            .first()
            .cloned()
            .with_context(|| format!("`{label}` has no sheets"))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .with_context(|| format!("failed to read sheet `{name}` of `{label}`"))?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);

    let mut table = Table::default();
    for (i, row) in range.rows().enumerate() {
        let pos = Pos::Row(first_row + i + 1);
        let mut cells = vec![String::new(); first_col];
        for cell in row {
            cells.push(match cell {
                Data::Empty => String::new(),
                Data::String(s) => s.clone(),
                Data::Int(n) => n.to_string(),
                Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
                Data::Float(f) => f.to_string(),
                Data::Bool(b) => b.to_string(),
                Data::DateTime(dt) => match dt.as_datetime() {
                    Some(t) if t.time() == chrono::NaiveTime::MIN => {
                        t.format("%Y-%m-%d").to_string()
                    }
                    Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
                    None => dt.to_string(),
                },
                Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                Data::Error(e) => {
                    table.notices.push(
                        Problem::warning(
                            &label,
                            format!("a cell holds the spreadsheet error {e}; it is read as empty"),
                        )
                        .at(pos),
                    );
                    String::new()
                }
            });
        }
        if table.header_pos.is_none() {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            table.header = cells;
            table.header_pos = Some(pos);
        } else {
            table.rows.push((pos, cells));
        }
    }
    Ok(table)
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

//! .xlsx, .xlsb, .xls and .ods workbooks, told apart by what the bytes are, into a `Table`.

use std::io::Cursor;

use anyhow::{bail, Result};
use calamine::{Data, Dimensions, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};

use super::{Table, Typed};
use crate::diag::{Pos, Problem};

/// What a file is, by its first bytes (and, for a zip, the names inside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Empty,
    /// A zip: .xlsx, .xlsb and .ods all are.
    Zip(Option<Format>),
    /// An OLE2 compound file: an old .xls, or an .xlsx encrypted with a password.
    Ole {
        encrypted: bool,
    },
    /// Anything else: text, we hope.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xlsb,
    Ods,
    Xls,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xlsb => "xlsb",
            Format::Ods => "ods",
            Format::Xls => "xls",
        }
    }

    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext {
            "xlsx" | "xlsm" => Format::Xlsx,
            "xlsb" => Format::Xlsb,
            "ods" => Format::Ods,
            "xls" => Format::Xls,
            _ => return None,
        })
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

impl Kind {
    pub fn of(bytes: &[u8]) -> Kind {
        if bytes.is_empty() {
            Kind::Empty
        } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            // The names of a zip's entries are in the clear, in each entry's local header.
            // Workbook parts first: a cell of an .xlsx could hold the words of an ODS mimetype.
            let format = if contains(bytes, b"xl/workbook.bin") {
                Some(Format::Xlsb)
            } else if contains(bytes, b"xl/workbook.xml") {
                Some(Format::Xlsx)
            } else if contains(
                bytes,
                b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
            ) {
                Some(Format::Ods)
            } else if contains(bytes, b"xl/") {
                Some(Format::Xlsx)
            } else {
                None
            };
            Kind::Zip(format)
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            let name: Vec<u8> = "EncryptedPackage"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect();
            Kind::Ole {
                encrypted: contains(bytes, &name),
            }
        } else {
            Kind::Other
        }
    }
}

fn password(label: &str) -> anyhow::Error {
    anyhow::anyhow!(tr!("table-sheet-password", file = label))
}

fn damaged(label: &str) -> anyhow::Error {
    anyhow::anyhow!(tr!("table-sheet-damaged", file = label))
}

/// Opens the workbook; a calamine error is never passed on as it is, since its text repeats
/// its own cause (`Xlsx error: Zip error: …: Zip error: …`) and says nothing a person can do.
fn open(bytes: &[u8], format: Format, label: &str) -> Result<Sheets<Cursor<Vec<u8>>>> {
    let cursor = Cursor::new(bytes.to_vec());
    let protected = match format {
        Format::Xlsx => match Xlsx::new(cursor) {
            Ok(w) => return Ok(Sheets::Xlsx(w)),
            Err(e) => matches!(e, calamine::XlsxError::Password),
        },
        Format::Xlsb => match Xlsb::new(cursor) {
            Ok(w) => return Ok(Sheets::Xlsb(w)),
            Err(e) => matches!(e, calamine::XlsbError::Password),
        },
        Format::Ods => match Ods::new(cursor) {
            Ok(w) => return Ok(Sheets::Ods(w)),
            Err(e) => matches!(e, calamine::OdsError::Password),
        },
        Format::Xls => match Xls::new(cursor) {
            Ok(w) => return Ok(Sheets::Xls(w)),
            Err(e) => matches!(e, calamine::XlsError::Password),
        },
    };
    Err(if protected {
        password(label)
    } else {
        damaged(label)
    })
}

/// Runs `f`, turning a panic inside the spreadsheet reader into the error "damaged", quietly:
/// a damaged file must not print a backtrace at a person.
fn guarded<T>(label: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    result.unwrap_or_else(|_| Err(damaged(label)))
}

/// Reads one sheet of a workbook whose bytes are a zip or an OLE2 file.
pub fn read(
    bytes: &[u8],
    kind: Kind,
    by_name: Option<Format>,
    label: &str,
    sheet: Option<&str>,
) -> Result<Table> {
    let format = match kind {
        Kind::Ole { encrypted: true } => return Err(password(label)),
        Kind::Ole { encrypted: false } => Format::Xls,
        Kind::Zip(found) => found.or(by_name).unwrap_or(Format::Xlsx),
        Kind::Empty | Kind::Other => return Err(damaged(label)),
    };
    guarded(label, || read_format(bytes, format, label, sheet))
}

fn read_format(bytes: &[u8], format: Format, label: &str, sheet: Option<&str>) -> Result<Table> {
    let mut workbook = open(bytes, format, label)?;
    let names = workbook.sheet_names();
    let name = chosen_sheet(&names, sheet, label)?;
    let range = workbook.worksheet_range(&name).map_err(|_| {
        anyhow::anyhow!(tr!(
            "table-sheet-damaged-sheet",
            sheet = &name,
            file = label
        ))
    })?;
    let mut table = table_of(&range, label);
    // Only .xlsx and .xls say which cells are merged; calamine does not read it from the others.
    let merged = match &mut workbook {
        Sheets::Xlsx(w) => w.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        Sheets::Xls(w) => w.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        Sheets::Xlsb(_) | Sheets::Ods(_) => Vec::new(),
    };
    let notices = merged_cells(&merged, &table, label);
    table.notices.extend(notices);
    if table.header_pos.is_none() {
        let others: Vec<&String> = names
            .iter()
            .filter(|n| **n != name)
            .filter(|n| {
                workbook
                    .worksheet_range(n)
                    .is_ok_and(|r| r.used_cells().any(|(_, _, c)| !is_blank(c)))
            })
            .collect();
        let message = empty_sheet(&name, sheet, others.first().copied());
        table.notices.push(Problem::error(label, message));
    }
    Ok(table)
}

/// The sheet to read: the one asked for, else the first; the error names the sheets there are.
fn chosen_sheet(names: &[String], sheet: Option<&str>, label: &str) -> Result<String> {
    Ok(match sheet {
        Some(wanted) => match names.iter().find(|n| n.as_str() == wanted) {
            Some(n) => n.clone(),
            None => {
                let close = names
                    .iter()
                    .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()));
                match close {
                    Some(n) => bail!(tr!(
                        "table-no-such-sheet-close",
                        file = label,
                        sheet = wanted,
                        sheets = names.join(", "),
                        close = n
                    )),
                    None => bail!(tr!(
                        "table-no-such-sheet",
                        file = label,
                        sheet = wanted,
                        sheets = names.join(", ")
                    )),
                }
            }
        },
        None => match names.first() {
            Some(n) => n.clone(),
            None => bail!(tr!("table-no-sheets", file = label)),
        },
    })
}

/// What to say of a sheet with nothing on it, naming another sheet that has something.
fn empty_sheet(name: &str, sheet: Option<&str>, other: Option<&String>) -> String {
    match (sheet, other) {
        (None, Some(other)) => tr!("table-first-sheet-empty-other", sheet = name, other = other),
        (None, None) => tr!("table-first-sheet-empty", sheet = name),
        (Some(_), _) => tr!("table-sheet-empty", sheet = name),
    }
}

fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// `C`, `AB`: a column as a spreadsheet names it, from 0.
fn column_letters(col: u32) -> String {
    let mut n = col as usize + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.iter().rev().map(|&b| b as char).collect()
}

/// A warning for each merged region on the list's rows: only its first cell holds the value,
/// the others are read as empty.
fn merged_cells(merged: &[Dimensions], table: &Table, label: &str) -> Vec<Problem> {
    let Some(Pos::Row(header)) = table.header_pos else {
        return Vec::new();
    };
    let cell = |(r, c): (u32, u32)| format!("{}{}", column_letters(c), r + 1);
    let named = |c: u32| {
        table
            .header
            .get(c as usize)
            .map(|h| h.trim())
            .filter(|h| !h.is_empty())
            .map_or(
                tr!("table-column-letters", letters = column_letters(c)),
                |h| format!("`{h}`"),
            )
    };
    let mut notices = Vec::new();
    for m in merged.iter().filter(|m| m.end.0 as usize + 1 >= header) {
        let ((r0, c0), (r1, c1)) = (m.start, m.end);
        let message = if r0 == r1 {
            let others: Vec<String> = (c0 + 1..=c1).map(named).collect();
            tr!(
                "table-merged-in-a-row",
                first = column_letters(c0),
                last = column_letters(c1),
                kept = named(c0),
                others = others.join(", "),
                count = others.len()
            )
        } else {
            tr!(
                "table-merged-across-rows",
                first = cell(m.start),
                last = cell(m.end),
                rows = match r1 - r0 {
                    1 => tr!("table-merged-row", row = r1 as usize + 1),
                    _ => tr!(
                        "table-merged-rows",
                        first = r0 as usize + 2,
                        last = r1 as usize + 1
                    ),
                },
                columns = (c0..=c1).map(named).collect::<Vec<_>>().join(", ")
            )
        };
        notices.push(Problem::warning(label, message).at(Pos::Row(r0 as usize + 1)));
    }
    notices
}

/// What a cell held, kept beside its text when a letter may write it in the client's language.
fn typed(cell: &Data) -> Option<Typed> {
    match cell {
        Data::Float(f) if f.fract() != 0.0 && f.is_finite() => Some(Typed::Number(*f)),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map(|t| match t.time() == chrono::NaiveTime::MIN {
                true => Typed::Date(t.date()),
                false => Typed::DateTime(t),
            }),
        Data::DateTimeIso(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Typed::Date)
            .or_else(|_| {
                chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").map(Typed::DateTime)
            })
            .ok(),
        _ => None,
    }
}

/// The cells of a sheet as text, the way a person typed them; numbers and dates also as they
/// were (`typed`).
fn table_of(range: &calamine::Range<Data>, label: &str) -> Table {
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut table = Table::default();
    for (i, row) in range.rows().enumerate() {
        let pos = Pos::Row(first_row + i + 1);
        let mut cells = vec![String::new(); first_col];
        let mut kept = Vec::new();
        for cell in row {
            if let Some(t) = typed(cell) {
                kept.push((cells.len(), t));
            }
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
                        Problem::warning(label, tr!("table-cell-error", error = e.to_string()))
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
            let at = table.rows.len();
            table
                .typed
                .extend(kept.into_iter().map(|(c, t)| ((at, c), t)));
            table.rows.push((pos, cells));
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_cells_are_named_with_the_columns_read_as_empty() {
        let table = Table {
            header: vec!["email".into(), "name".into(), "note".into(), "city".into()],
            header_pos: Some(Pos::Row(1)),
            ..Table::default()
        };
        let wide = Dimensions {
            start: (3, 1),
            end: (3, 3),
        };
        let tall = Dimensions {
            start: (1, 2),
            end: (2, 2),
        };
        let notices = merged_cells(&[wide, tall], &table, "c.xlsx");
        assert_eq!(notices[0].pos, Some(Pos::Row(4)));
        assert_eq!(notices[0].message, "cells B–D are merged; only the first (`name`) holds the value, so `note`, `city` are read as empty: unmerge them in the spreadsheet and fill each cell");
        assert!(notices[1].message.starts_with("cells C2–C3 are merged; only the first (C2) holds the value, the others are read as empty (row 3 of `note`)"), "{}", notices[1].message);
        assert_eq!(column_letters(27), "AB");
    }

    #[test]
    fn kinds_by_content() {
        assert_eq!(Kind::of(b""), Kind::Empty);
        assert_eq!(Kind::of(b"email,name\n"), Kind::Other);
        assert_eq!(
            Kind::of(b"PK\x03\x04....[Content_Types].xml....xl/workbook.xml"),
            Kind::Zip(Some(Format::Xlsx))
        );
        assert_eq!(
            Kind::of(b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
            Kind::Zip(Some(Format::Ods))
        );
        assert_eq!(Kind::of(b"PK\x03\x04notes.txt"), Kind::Zip(None));
        assert_eq!(
            Kind::of(b"PK\x03\x04xl/workbook.xml...mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
            Kind::Zip(Some(Format::Xlsx))
        );
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        assert_eq!(Kind::of(&ole), Kind::Ole { encrypted: false });
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(Kind::of(&ole), Kind::Ole { encrypted: true });
    }

    #[test]
    fn a_truncated_workbook_is_damaged_not_a_panic() {
        let err = read(
            b"PK\x03\x04\x14\x00xl/workbook.xml",
            Kind::Zip(Some(Format::Xlsx)),
            None,
            "c.xlsx",
            None,
        )
        .unwrap_err();
        assert!(format!("{err:#}").contains("is damaged"), "{err:#}");
    }
}

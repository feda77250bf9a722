//! What text a CSV file's bytes hold: UTF-8, UTF-16 (with or without a BOM), or a legacy
//! encoding, decided by evidence, line by line where the file is UTF-8 but for a few lines.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The text, and what was assumed on the way.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub notes: Vec<Note>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Note {
    /// The whole file is in this legacy encoding.
    Legacy(&'static str),
    /// UTF-16 without a byte-order mark, in this byte order.
    Utf16(&'static str),
    /// This line (1-based) alone is not UTF-8 and was read as Windows-1252, giving these words.
    Line { line: usize, words: Vec<String> },
}

/// Bytes that are not text at all: a NUL (not UTF-16) on this line.
#[derive(Debug, PartialEq, Eq)]
pub struct NotText {
    pub line: usize,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    let decoded = |text: String, notes| Ok(Decoded { text, notes });
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        if encoding == encoding_rs::UTF_8 {
            return decode_8bit(&bytes[bom..]);
        }
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return decoded(text.into_owned(), Vec::new());
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return decoded(text.into_owned(), vec![Note::Utf16(encoding.name())]);
    }
    decode_8bit(bytes)
}

/// UTF-8, or Windows-1252 (or what chardetng sees) where there is no UTF-8 to be seen.
fn decode_8bit(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(NotText {
            line: line_of(&line_starts(bytes), at),
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            notes: Vec::new(),
        });
    }
    let lines = split_lines(bytes);
    // Evidence of UTF-8: a line with a multi-byte sequence that is all valid. A Windows-1252
    // file almost never has one (it would take `Ã©`-like pairs and nothing else high on a line).
    let utf8_seen = lines
        .iter()
        .any(|l| !l.is_ascii() && std::str::from_utf8(l).is_ok());
    if !utf8_seen {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        // The lists of a Spanish or English user: Western unless the bytes say otherwise
        // clearly. Without the hint, a short list (`Álvaro` and `Peña`) reads as Central
        // European, and `Peña` comes out `Peńa`.
        let encoding = detector.guess(Some(b"es"), true);
        let (text, _, _) = encoding.decode(bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            notes: vec![Note::Legacy(encoding.name())],
        });
    }
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut notes = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match std::str::from_utf8(line) {
            Ok(s) => text.push_str(s),
            Err(_) => {
                let s = decode_mixed(line);
                notes.push(Note::Line {
                    line: i + 1,
                    words: odd_words(&s),
                });
                text.push_str(&s);
            }
        }
    }
    Ok(Decoded { text, notes })
}

/// A line of a UTF-8 file that has a few bytes that are not: what is valid UTF-8 stays so
/// (`Sé`, `año`), and only the stray bytes are read as Windows-1252 (`\xed` as `í`).
fn decode_mixed(mut line: &[u8]) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    loop {
        match std::str::from_utf8(line) {
            Ok(rest) => {
                out.push_str(rest);
                return out;
            }
            Err(e) => {
                let (valid, after) = line.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = e.error_len().unwrap_or(after.len()).max(1);
                let (stray, rest) = after.split_at(bad.min(after.len()));
                out.push_str(&WINDOWS_1252.decode_without_bom_handling(stray).0);
                line = rest;
            }
        }
    }
}

/// UTF-16 text without a BOM shows itself by NULs in every other byte: the high byte of the
/// letters of western text (LE: after each letter; BE: before).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let nuls = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nuls(0), nuls(1));
    if odd * 2 >= pairs && even * 8 <= odd {
        Some(UTF_16LE)
    } else if even * 2 >= pairs && odd * 8 <= even {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Where each line starts, by byte offset; a line ends with `\n`, `\r\n`, or a lone `\r`
/// (old Mac Excel), as csv reads them.
pub fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    starts
}

/// The 1-based line holding byte `at`.
pub fn line_of(starts: &[usize], at: usize) -> usize {
    starts.partition_point(|&s| s <= at).max(1)
}

/// Lines with their line ends, split as `line_starts` counts them.
fn split_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let starts = line_starts(bytes);
    let mut lines = Vec::with_capacity(starts.len());
    for (i, &s) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(bytes.len());
        if s < end {
            lines.push(&bytes[s..end]);
        }
    }
    lines
}

/// Up to three words with letters outside ASCII, to show what the guess made of them.
fn odd_words(line: &str) -> Vec<String> {
    line.split(|c: char| c.is_whitespace() || c.is_control() || ",;\"".contains(c))
        .filter(|w| !w.is_ascii())
        .take(3)
        .map(|w| w.chars().take(30).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bad_byte_leaves_the_utf8_lines_alone() {
        let d =
            decode(b"email,name,note\nj@x.es,Jos\xc3\xa9,ok\nb@x.es,Bea,caf\xe9 solo\n").unwrap();
        assert_eq!(
            d.text,
            "email,name,note\nj@x.es,José,ok\nb@x.es,Bea,café solo\n"
        );
        assert_eq!(
            d.notes,
            vec![Note::Line {
                line: 3,
                words: vec!["café".into()]
            }]
        );
    }

    #[test]
    fn a_stray_byte_on_a_utf8_line_does_not_garble_its_accents() {
        let d = decode(b"email,name,note\nj@x.es,Jos\xc3\xa9,ok\nm@x.es,Mar\xeda,S\xc3\xa9 que este a\xc3\xb1o\n")
            .unwrap();
        assert_eq!(
            d.text,
            "email,name,note\nj@x.es,José,ok\nm@x.es,María,Sé que este año\n"
        );
    }

    #[test]
    fn a_windows_1252_file_is_read_whole() {
        let d = decode(b"email,name\nj@x.es,Jos\xe9\nb@x.es,Pe\xf1a\n").unwrap();
        assert_eq!(d.text, "email,name\nj@x.es,José\nb@x.es,Peña\n");
        assert!(matches!(d.notes[..], [Note::Legacy(_)]), "{:?}", d.notes);
    }

    #[test]
    fn a_short_windows_1252_list_is_not_taken_for_central_european() {
        let d = decode(b"email,name,note\nc0.a@a.com,\"\xc1lvaro\",\"Pe\xf1a\"\n").unwrap();
        assert_eq!(d.text, "email,name,note\nc0.a@a.com,\"Álvaro\",\"Peña\"\n");
        assert!(
            matches!(d.notes[..], [Note::Legacy("windows-1252")]),
            "{:?}",
            d.notes
        );
    }

    #[test]
    fn utf16_without_bom_either_order() {
        let text = "email,name\nj@x.es,José\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = decode(&bytes).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(d.notes, vec![Note::Utf16(name)]);
        }
    }

    #[test]
    fn nul_bytes_that_are_not_utf16_are_not_text() {
        assert_eq!(
            decode(b"email,name\na@x.es,A\r\nb\0@x.es,B\n").unwrap_err(),
            NotText { line: 3 }
        );
    }

    #[test]
    fn lines_end_with_lf_crlf_or_a_lone_cr() {
        let starts = line_starts(b"a\r\nb\rc\nd");
        assert_eq!(starts, vec![0, 3, 5, 7]);
        assert_eq!(line_of(&starts, 0), 1);
        assert_eq!(line_of(&starts, 2), 1);
        assert_eq!(line_of(&starts, 4), 2);
        assert_eq!(line_of(&starts, 7), 4);
    }
}

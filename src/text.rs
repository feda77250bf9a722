//! Text a person reads: cleaned lines, file-name slugs, mailboxes as written, counted nouns.

use lettre::message::Mailbox;

/// One line, no control characters: safe for a header and for lettre's display names.
pub fn clean_line(text: &str) -> String {
    let plain = |c: char| !c.is_control() && (c == ' ' || !c.is_whitespace());
    if text.chars().all(plain)
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
    {
        return text.to_string();
    }
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Unicode's embedding and override marks (U+202A…U+202E, U+2066…U+2069): in a terminal they
/// turn the rest of the line around, so a memory could print as other words.
fn turns_text_around(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A multi-line value: line ends made `\n`, other control characters (and the marks that turn
/// text around) dropped.
pub fn clean_text(text: &str) -> String {
    let unwanted = |c: char| (c.is_control() && c != '\n' && c != '\t') || turns_text_around(c);
    if !text.contains(unwanted) {
        return text.trim().to_string();
    }
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !unwanted(c))
        .collect::<String>()
        .trim()
        .to_string()
}

/// `Name <addr>` as a person writes it, unencoded (lettre encodes when it builds the message).
pub fn display_mailbox(m: &Mailbox) -> String {
    match &m.name {
        Some(name) if !name.is_empty() => {
            if name.chars().any(|c| {
                matches!(
                    c,
                    ',' | '"' | '<' | '>' | '@' | ';' | ':' | '(' | ')' | '[' | ']' | '\\'
                )
            }) {
                format!(
                    "\"{}\" <{}>",
                    name.replace('\\', "\\\\").replace('"', "\\\""),
                    m.email
                )
            } else {
                format!("{name} <{}>", m.email)
            }
        }
        _ => m.email.to_string(),
    }
}

/// `José María Peña` → `jose-maria-pena`.
pub fn slug(name: &str, email: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() && !email.is_empty() {
        return slug(email.split('@').next().unwrap_or(""), "");
    }
    if out.is_empty() {
        "client".into()
    } else {
        out
    }
}

/// `1 client`, `2 clients`.
pub fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `no errors`, `1 error`, `2 errors`: a count that reads the same whatever the number.
pub fn tally(n: usize, word: &str) -> String {
    match n {
        0 => format!("no {word}s"),
        n => count(n, word),
    }
}

/// Fields in lines of at most `width` columns, each line `── a ── b`: broken between fields,
/// never inside one; a field too long for a line of its own (a deep path) keeps its end.
pub fn fields_in_width(fields: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for field in fields {
        let room = width.saturating_sub(3).max(8);
        let field = match field.chars().count() {
            n if n > room => {
                let tail: String = field.chars().skip(n - (room - 1)).collect();
                format!("…{tail}")
            }
            _ => field.clone(),
        };
        let wide = line.chars().count() + 4 + field.chars().count();
        if !line.is_empty() && wide > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str("── ");
        line.push_str(&field);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `NNNN-slug`, the stem of a client's preview and draft files.
pub fn file_stem(index: usize, name: &str, email: &str) -> String {
    format!("{index:04}-{}", slug(name, email))
}

/// How many characters must be added, removed or changed to make `a` into `b` (Levenshtein).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The one of `known` closest to `typed`, when it is close enough to be what was meant (at
/// most a third of its characters away); the first of equals.
pub fn closest<'k>(typed: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let most = typed.chars().count().div_ceil(3);
    known
        .into_iter()
        .map(|k| (edit_distance(typed, k), k))
        .filter(|(d, _)| *d <= most)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// `3h 05m`, `4m 10s`, `12s` (in Spanish `3 h 05 min`, `4 min 10 s`, `12 s`): how long until
/// something, for a person.
pub fn how_long(d: std::time::Duration) -> String {
    let s = d.as_secs();
    let two = |n: u64| format!("{n:02}");
    match s {
        0..=59 => tr!("text-seconds", seconds = s),
        60..=3599 => tr!(
            "text-minutes-seconds",
            minutes = s / 60,
            seconds = two(s % 60)
        ),
        _ => tr!(
            "text-hours-minutes",
            hours = s / 3600,
            minutes = two(s % 3600 / 60)
        ),
    }
}

/// A file's size as a person reads it, in this run's language: `840 bytes`, `12 KB`, `1.2 MB`
/// (`1,2 MB` in Spanish).
pub fn size(bytes: u64) -> String {
    let decimal = |x: f64| {
        let s = format!("{x:.1}");
        match crate::i18n::lang() {
            crate::i18n::Lang::Es => s.replace('.', ","),
            crate::i18n::Lang::En => s,
        }
    };
    if bytes < 1000 {
        tr!("size-bytes", n = bytes)
    } else if bytes < 1_000_000 {
        tr!("size-kb", n = bytes.div_ceil(1000))
    } else {
        tr!("size-mb", n = decimal(bytes as f64 / 1_000_000.0))
    }
}

/// What the operating system said of a file, in the reader's language where cartero knows the
/// case (its own words, "File exists (os error 17)", are English whatever the locale).
pub fn os_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => tr!("os-not-found"),
        ErrorKind::PermissionDenied => tr!("os-permission-denied"),
        ErrorKind::AlreadyExists => tr!("os-already-exists"),
        ErrorKind::IsADirectory => tr!("os-is-a-directory"),
        ErrorKind::NotADirectory => tr!("os-not-a-directory"),
        ErrorKind::DirectoryNotEmpty => tr!("os-directory-not-empty"),
        ErrorKind::ReadOnlyFilesystem => tr!("os-read-only"),
        ErrorKind::StorageFull => tr!("os-disk-full"),
        ErrorKind::InvalidFilename => tr!("os-bad-name"),
        ErrorKind::FileTooLarge => tr!("os-file-too-large"),
        ErrorKind::ResourceBusy => tr!("os-busy"),
        _ => e.to_string(),
    }
}

/// An error and its causes, joined as anyhow's `{:#}` joins them, what the operating system
/// said in the reader's language (`os_words`).
pub fn error_chain(err: &anyhow::Error) -> String {
    err.chain()
        .map(|cause| match cause.downcast_ref::<std::io::Error>() {
            Some(io) => os_words(io),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_address_is_the_one_a_typo_meant() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("añá", "ana"), 2);
        let known = ["ana.garcia@example.com", "bo@example.com"];
        assert_eq!(
            closest("ana.garcai@example.com", known),
            Some("ana.garcia@example.com")
        );
        assert_eq!(closest("zz@elsewhere.org", known), None);
    }

    #[test]
    fn fields_break_between_not_inside() {
        let f = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let fields = f(&[
            "1 of 13",
            "Pepi Ruiz <pepi@example.com>",
            "drafts/0001-pepi-ruiz.txt",
            "drafted",
            "personal 40%",
        ]);
        assert_eq!(
            fields_in_width(&fields, 200),
            ["── 1 of 13 ── Pepi Ruiz <pepi@example.com> ── drafts/0001-pepi-ruiz.txt ── drafted ── personal 40%"]
        );
        let lines = fields_in_width(&fields, 50);
        assert_eq!(
            lines,
            [
                "── 1 of 13 ── Pepi Ruiz <pepi@example.com>",
                "── drafts/0001-pepi-ruiz.txt ── drafted",
                "── personal 40%"
            ]
        );
        let long = f(&[&format!("/home/{}/drafts/0001-a.txt", "x".repeat(60))]);
        let lines = fields_in_width(&long, 40);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].chars().count(), 40, "{lines:?}");
        assert!(lines[0].ends_with("/drafts/0001-a.txt"), "{lines:?}");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("José María Peña", ""), "jose-maria-pena");
        assert_eq!(slug("  ", "pepi@example.com"), "pepi");
    }

    #[test]
    fn names_with_specials_are_quoted_in_drafts() {
        let m: Mailbox = "\"O'Connor, Sarah\" <s@example.com>".parse().unwrap();
        assert_eq!(display_mailbox(&m), "\"O'Connor, Sarah\" <s@example.com>");
        let back: Mailbox = display_mailbox(&m).parse().unwrap();
        assert_eq!(back, m);
    }
}

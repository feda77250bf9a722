//! A template file's text: its header lines (`Subject:`, `Reply-To:`), body, and what it includes.

use crate::diag::{Pos, Problem};
use crate::domain::headers::{did_you_mean, named, Named};

/// A header a template may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Header {
    Subject,
    ReplyTo,
}

/// A header line: which header, its text padded to its place in the file, its line.
pub(super) type HeaderLine = (Header, String, usize);

/// A template file split into its header lines and its body, each a Tera template of its own
/// whose line and column numbers are those of the file.
#[derive(Debug)]
pub(super) struct TemplateFile {
    pub(super) label: String,
    pub(super) source: String,
    pub(super) headers: Vec<HeaderLine>,
    pub(super) body: String,
}

/// Reads a template file's text; the problem is at the line to fix.
pub(super) fn parse_template(label: &str, source: String) -> Result<TemplateFile, Problem> {
    let source = normalize(&source);
    let lines: Vec<&str> = source.split('\n').collect();
    let err = |line: usize, message: String| Problem::error(label, message).at(Pos::Line(line));
    let (headers, body_line) = read_headers(&lines).map_err(|(line, why)| err(line, why))?;
    let Some(body_line) = body_line else {
        return Err(err(lines.len(), tr!("compose-no-blank-line")));
    };
    if !headers.iter().any(|(h, _, _)| *h == Header::Subject) {
        return Err(err(1, tr!("compose-no-subject")));
    }
    let body = format!(
        "{}{}",
        "\n".repeat(body_line - 1),
        lines[body_line - 1..].join("\n")
    );
    Ok(TemplateFile {
        label: label.to_string(),
        source,
        headers,
        body,
    })
}

/// The header lines at the top of a template, each padded to its place in the file, and the
/// line the body starts on (`None` when no blank line ends them); an error is at its line.
#[allow(clippy::type_complexity)]
fn read_headers(lines: &[&str]) -> Result<(Vec<HeaderLine>, Option<usize>), (usize, String)> {
    let mut headers: Vec<HeaderLine> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            return Ok((headers, Some(n + 1)));
        }
        if line.starts_with([' ', '\t']) && !headers.is_empty() {
            // A folded header line continues the previous one.
            let last = &mut headers.last_mut().expect("checked").1;
            last.push('\n');
            last.push_str(line);
            continue;
        }
        let Some((name, value)) = line.split_once(':').filter(|(n, _)| {
            let word = |c: char| c.is_ascii_alphanumeric() || c == '-';
            // `Responder a:` is the one name with a space.
            !n.is_empty() && (n.chars().all(word) || n.eq_ignore_ascii_case("responder a"))
        }) else {
            return Err((n, tr!("compose-not-a-header", line = n)));
        };
        let header = header_named(name).map_err(|why| (n, why))?;
        if headers.iter().any(|(h, _, _)| *h == header) {
            return Err((n, tr!("compose-header-twice", header = name)));
        }
        // Pad with the file's own lines and columns, so Tera's positions are the file's.
        let col = name.len() + 1 + (value.len() - value.trim_start().len());
        let padded = format!(
            "{}{}{}",
            "\n".repeat(i),
            " ".repeat(col),
            value.trim_start()
        );
        headers.push((header, padded, n));
    }
    Ok((headers, None))
}

/// The header a line names (in English or Spanish), or why a template cannot set it.
fn header_named(name: &str) -> Result<Header, String> {
    match named(name, &[Named::Subject, Named::ReplyTo]) {
        Named::Subject => Ok(Header::Subject),
        Named::ReplyTo => Ok(Header::ReplyTo),
        Named::To | Named::Cc | Named::Bcc => Err(tr!("compose-recipient-header", header = name)),
        Named::From => Err(tr!("compose-from-header", header = name)),
        Named::Attachments => Err(tr!("compose-attachments-header", header = name)),
        Named::Format => Err(tr!("compose-format-header", header = name)),
        unknown @ Named::Unknown(_) => Err(tr!(
            "compose-unknown-header",
            header = name,
            suggestion = did_you_mean(unknown)
        )),
    }
}

/// Without a byte-order mark, with `\n` line ends.
pub(super) fn normalize(source: &str) -> String {
    source
        .strip_prefix('\u{feff}')
        .unwrap_or(source)
        .replace("\r\n", "\n")
}

/// The files a template names in `{% include "…" %}` and `{% extends "…" %}` tags (outside
/// comments and raw blocks), in order.
pub(super) fn references(source: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut rest = source;
    while let Some((tag, after)) = next_tag(rest) {
        rest = after;
        if let Some(name) = tag.and_then(file_named) {
            if !found.iter().any(|f| f == name) {
                found.push(name.to_string());
            }
        }
    }
    found
}

/// The inside of the next `{% … %}` tag, and the text after it; `None` for a comment or a raw
/// block, each passed over whole.
fn next_tag(rest: &str) -> Option<(Option<&str>, &str)> {
    let (at, comment) = match (rest.find("{%"), rest.find("{#")) {
        (Some(t), Some(c)) if c < t => (c, true),
        (None, Some(c)) => (c, true),
        (t, _) => (t?, false),
    };
    let inner = &rest[at + 2..];
    if comment {
        return Some((None, inner.find("#}").map_or("", |e| &inner[e + 2..])));
    }
    let end = inner.find("%}").unwrap_or(inner.len());
    let tag = inner[..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
    let rest = &inner[end..];
    if tag == "raw" {
        return Some((None, rest.find("endraw").map_or("", |e| &rest[e..])));
    }
    Some((Some(tag), rest))
}

/// The file an `include` or `extends` tag names: `include "footer.txt"` → `footer.txt`.
fn file_named(tag: &str) -> Option<&str> {
    let (word, arg) = tag.split_once(char::is_whitespace)?;
    if !matches!(word, "include" | "extends") {
        return None;
    }
    let arg = arg.trim_start();
    let quote = arg.chars().next().filter(|c| "\"'`".contains(*c))?;
    arg[1..].split_once(quote).map(|(name, _)| name)
}

/// The template without `{{ }}`, `{% %}` and `{# #}` tags, each replaced by a line break.
pub(super) fn strip_tags(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find('{') {
        let close = match rest[start..].chars().nth(1) {
            Some('{') => "}}",
            Some('%') => "%}",
            Some('#') => "#}",
            _ => {
                out.push_str(&rest[..=start]);
                rest = &rest[start + 1..];
                continue;
            }
        };
        out.push_str(&rest[..start]);
        out.push('\n');
        match rest[start + 2..].find(close) {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_recipient_headers() {
        for h in ["Bcc", "cc", "To", "From", "Para", "CC", "CCO", "De"] {
            let p = parse_template("t.txt", format!("Subject: x\n{h}: a@example.com\n\nbody"))
                .unwrap_err();
            assert_eq!(p.pos, Some(Pos::Line(2)), "{p}");
            assert!(p.message.contains(h), "{p}");
        }
        assert!(parse_template("t.txt", "Subject: hi\nbody without blank".into()).is_err());
        assert!(parse_template("t.txt", "Reply-To: a@example.com\n\nbody".into()).is_err());
    }

    #[test]
    fn reads_spanish_headers_and_suggests_a_near_one() {
        let t = parse_template(
            "t.txt",
            "Asunto: Hola\nResponder a: yo@example.com\n\ncuerpo".into(),
        )
        .unwrap();
        let names: Vec<Header> = t.headers.iter().map(|(h, _, _)| *h).collect();
        assert_eq!(names, [Header::Subject, Header::ReplyTo]);
        let t = parse_template("t.txt", "Responder-a: y@example.com\nAsunto: x\n\nb".into());
        assert!(t.is_ok(), "{t:?}");
        let p = parse_template("t.txt", "Subjet: Hola\n\ncuerpo".into()).unwrap_err();
        assert!(p.message.contains("did you mean `Subject:`?"), "{p}");
    }

    #[test]
    fn strips_tags() {
        assert_eq!(
            strip_tags("Hola {{ name }}, {% if x %}sí{% endif %}."),
            "Hola \n, \nsí\n."
        );
    }

    #[test]
    fn finds_what_a_template_includes() {
        assert_eq!(
            references("{# {% include \"no.txt\" %} #}{% include 'a.txt' %}{% raw %}{% include \"no.txt\" %}{% endraw %}{%- extends `b.txt` -%}{% include \"a.txt\" %}"),
            ["a.txt", "b.txt"]
        );
    }
}

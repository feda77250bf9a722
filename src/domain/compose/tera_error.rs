//! Tera's errors said in a person's words, at the file's line and column, the line shown.

use crate::diag::{Pos, Problem};

/// Tera's words for an empty cell or a wrong type, in a person's: what is empty, and how to
/// write the template so it does not matter.
fn in_words(message: &str, line: &str, col: usize, width: usize) -> String {
    if message.starts_with("Variable `sender` is not defined") {
        return tr!("compose-sender-undefined");
    }
    if let Some(rest) = message.strip_prefix("Variable `") {
        if let Some((name, after)) = rest.split_once("` is not defined.") {
            let available = after
                .trim()
                .trim_start_matches("Available variables:")
                .trim();
            return tr!(
                "compose-variable-undefined",
                name = name,
                available = available
            );
        }
    }
    if message.starts_with("Invalid type for the value") && message.ends_with("but got `undefined`")
    {
        let what: String = line.chars().skip(col).take(width).collect();
        let what = if what.trim().is_empty() {
            tr!("compose-a-value")
        } else {
            format!("`{}`", what.trim())
        };
        let name = what.trim_matches('`').to_string();
        return tr!("compose-empty-value", what = what, name = name);
    }
    tera_in_words(message)
}

/// The messages of Tera's own a person may meet, in this run's language; any other is Tera's
/// own, its type names made words.
fn tera_in_words(message: &str) -> String {
    let between = |before: &str, after: &str| {
        message
            .strip_prefix(before)
            .and_then(|rest| rest.strip_suffix(after))
            .filter(|name| !name.contains('`'))
            .map(str::to_string)
    };
    if let Some(name) = between("Unknown filter `", "`") {
        return tr!("compose-unknown-filter", name = name);
    }
    if let Some(name) = between("Unknown function `", "`") {
        return tr!("compose-unknown-function", name = name);
    }
    if let Some(name) = between("Unknown test `", "`") {
        return tr!("compose-unknown-test", name = name);
    }
    if let Some(name) = between("Variable `", "` exists but its value is undefined") {
        return tr!("compose-variable-without-value", name = name);
    }
    if let Some(name) = between("Field `", "` is not defined.") {
        return tr!("compose-field-undefined", name = name);
    }
    if let Some(words) = pair_in_words(message) {
        return words;
    }
    message
        .replace("`&str`", &tr!("compose-type-text"))
        .replace("`string`", &tr!("compose-type-text"))
        .replace("`i64`", &tr!("compose-type-number"))
        .replace("`f64`", &tr!("compose-type-number"))
        .replace("`number`", &tr!("compose-type-number"))
        .replace("`undefined`", &tr!("compose-type-nothing"))
}

/// Tera's messages that name two things (a field and the fields there are, what was found and
/// what was expected, two types), as a person would say them.
fn pair_in_words(message: &str) -> Option<String> {
    if let Some((name, available)) = message
        .strip_prefix("Field `")
        .and_then(|rest| rest.split_once("` is not defined. Available fields: "))
    {
        return Some(tr!(
            "compose-field-undefined-among",
            name = name,
            available = available
        ));
    }
    if let Some((found, expected)) = message
        .strip_prefix("Found ")
        .and_then(|rest| rest.strip_suffix('.'))
        .and_then(|rest| rest.split_once(" but expected "))
    {
        let expected = match expected {
            "identifier" => tr!("compose-expected-identifier"),
            "attribute name" => tr!("compose-expected-attribute"),
            "string" => tr!("compose-expected-string"),
            token => token.to_string(),
        };
        return Some(tr!(
            "compose-found-but-expected",
            found = found,
            expected = expected
        ));
    }
    if let Some((expected, got)) = message
        .strip_prefix("Invalid type for the value, expected ")
        .and_then(|rest| rest.split_once(" but got "))
    {
        return Some(tr!(
            "compose-invalid-type",
            expected = type_in_words(expected),
            got = type_in_words(got)
        ));
    }
    None
}

/// A type as Tera names it (`` `i64` ``), as a person would: text, a number, nothing.
fn type_in_words(tera: &str) -> String {
    match tera {
        "`&str`" | "`string`" => tr!("compose-type-text"),
        "`i64`" | "`f64`" | "`number`" => tr!("compose-type-number"),
        "`undefined`" => tr!("compose-type-nothing"),
        other => other.to_string(),
    }
}

/// A Tera error as a problem at the file's line and column, with the line itself shown.
pub(super) fn tera_problem(label: &str, source: &str, err: tera::Error) -> Problem {
    match err.kind() {
        // Tera says where the file ended, not which tag is still open: that is found here.
        tera::ErrorKind::SyntaxError(r) => match unbalanced(source) {
            Some(why) => at_tag(label, source, why),
            None => at_span(label, source, r),
        },
        tera::ErrorKind::RenderingError(r) => at_span(label, source, r),
        _ => written_report(label, &err),
    }
}

/// A report with its span: the message in words, over the line with the span marked.
fn at_span(label: &str, source: &str, r: &tera::ReportError) -> Problem {
    let span = r.span();
    let line = span.start_line.max(1);
    let text = source.split('\n').nth(line - 1).unwrap_or("");
    let width = if span.end_line == span.start_line && span.end_col > span.start_col {
        span.end_col - span.start_col
    } else {
        1
    };
    let gutter = " ".repeat(line.to_string().len());
    let message = format!(
        "{}\n {gutter} |\n {line} | {text}\n {gutter} | {}{}",
        in_words(r.message(), text, span.start_col, width),
        " ".repeat(span.start_col),
        "^".repeat(width)
    );
    Problem::error(label, message).at(Pos::LineCol(line, span.start_col + 1))
}

/// A block tag (`{% if %}`, `{% for %}`, …) left open, or closed by the wrong end tag.
#[derive(Debug, PartialEq, Eq)]
enum Unbalanced {
    /// The tag (`if`), its line and column (from 0), never closed before the file ends.
    Unclosed(String, usize, usize),
    /// An end tag (`endfor`, its line and column) while another tag (`if`, its line) is open.
    WrongEnd(String, usize, usize, String, usize),
    /// An end tag (`endif`, its line and column) with nothing open for it to close.
    Stray(String, usize, usize),
}

/// The tags that open a block closed by `end` + their name.
// Tera 2 has components where Tera 1 had macros.
const BLOCKS: &[&str] = &[
    "if",
    "for",
    "block",
    "component",
    "filter",
    "set",
    "set_global",
];

/// The first block tag in a template left open or closed wrongly, if any: each `{% … %}` tag
/// read in order (comments and raw blocks passed over), the open ones kept on a stack.
fn unbalanced(source: &str) -> Option<Unbalanced> {
    let mut open: Vec<(String, usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(found) = source[at..].find('{') {
        let start = at + found;
        let rest = &source[start..];
        if rest.starts_with("{#") {
            at = rest.find("#}").map_or(source.len(), |e| start + e + 2);
            continue;
        }
        if !rest.starts_with("{%") {
            at = start + 1;
            continue;
        }
        let end = rest[2..].find("%}")?;
        let inner =
            rest[2..2 + end].trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
        at = start + 2 + end + 2;
        let word = inner.split_whitespace().next().unwrap_or("");
        let line = source[..start].matches('\n').count() + 1;
        let col = source[..start]
            .rsplit('\n')
            .next()
            .unwrap_or("")
            .chars()
            .count();
        if word == "raw" {
            at = source[at..]
                .find("endraw")
                .and_then(|e| source[at + e..].find("%}").map(|c| at + e + c + 2))
                .unwrap_or(source.len());
            continue;
        }
        // `{% set x = 1 %}` is whole; only `{% set x %}…{% endset %}` opens a block.
        let opens = BLOCKS.contains(&word) && !(word.starts_with("set") && inner.contains('='));
        if opens {
            open.push((word.trim_end_matches("_global").to_string(), line, col));
        } else if let Some(closed) = word.strip_prefix("end") {
            match open.pop() {
                Some((o, _, _)) if o == closed => {}
                Some((o, l, _)) => {
                    return Some(Unbalanced::WrongEnd(word.to_string(), line, col, o, l))
                }
                None => return Some(Unbalanced::Stray(word.to_string(), line, col)),
            }
        }
    }
    open.pop().map(|(o, l, c)| Unbalanced::Unclosed(o, l, c))
}

/// An unbalanced block tag said by name, over its line with the tag marked.
fn at_tag(label: &str, source: &str, why: Unbalanced) -> Problem {
    let (message, line, col) = match why {
        Unbalanced::Unclosed(tag, line, col) => (
            tr!("compose-tag-unclosed", tag = &tag, line = line),
            line,
            col,
        ),
        Unbalanced::WrongEnd(end, line, col, tag, opened) => (
            tr!(
                "compose-tag-wrong-end",
                end = &end,
                tag = &tag,
                opened = opened
            ),
            line,
            col,
        ),
        Unbalanced::Stray(end, line, col) => (
            tr!("compose-tag-stray", end = &end, tag = &end[3..]),
            line,
            col,
        ),
    };
    let text = source.split('\n').nth(line - 1).unwrap_or("");
    let gutter = " ".repeat(line.to_string().len());
    let message = format!(
        "{message}\n {gutter} |\n {line} | {text}\n {gutter} | {}^^",
        " ".repeat(col)
    );
    Problem::error(label, message).at(Pos::LineCol(line, col + 1))
}

/// Some of Tera's errors (an unknown filter, function or template) come as a report already
/// written: its position is taken from its `--> name:line:col` line, which is then left out.
fn written_report(label: &str, err: &tera::Error) -> Problem {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        message.push_str(&format!(": {s}"));
        source = s.source();
    }
    let message = message
        .strip_prefix("error: ")
        .unwrap_or(&message)
        .to_string();
    let pos = message.lines().find_map(|l| {
        let at = l.trim_start().strip_prefix("--> ")?;
        let mut parts = at.rsplitn(3, ':');
        let col = parts.next()?.parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        Some(Pos::LineCol(line, col))
    });
    let message: Vec<&str> = message
        .lines()
        .filter(|l| !l.trim_start().starts_with("--> "))
        .collect();
    let problem = Problem::error(label, message.join("\n"));
    match pos {
        Some(pos) => problem.at(pos),
        None => problem,
    }
}

/// The `name:line:col` of a written report's `--> ` line.
pub(super) fn arrow(report: &str) -> Option<&str> {
    report
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_block_tag_left_open() {
        let t = "Subject: x\n\n{% for c in cs %}\n{%- if c %}{{ c }}\n{% endfor %}\n";
        assert_eq!(
            unbalanced(t),
            Some(Unbalanced::WrongEnd("endfor".into(), 5, 0, "if".into(), 4))
        );
        assert_eq!(
            unbalanced("a\n{% block b %}{% if x %}y{% endif %}\n"),
            Some(Unbalanced::Unclosed("block".into(), 2, 0))
        );
        assert_eq!(
            unbalanced("{# {% if %} #}{% raw %}{% for %}{% endraw %}{% set x = 1 %}ok"),
            None
        );
        assert_eq!(
            unbalanced("{% set x %}y{% endset %}{% endif %}"),
            Some(Unbalanced::Stray("endif".into(), 1, 24))
        );
    }
}

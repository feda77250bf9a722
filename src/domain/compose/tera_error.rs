//! Tera's errors said in a person's words, at the file's line and column, the line shown.

use crate::diag::{Pos, Problem};

/// Tera's words for an empty cell or a wrong type, in a person's: what is empty, and how to
/// write the template so it does not matter.
fn in_words(message: &str, line: &str, col: usize, width: usize) -> String {
    if message.starts_with("Variable `sender` is not defined") {
        return "`sender` is not defined: add `[sender]` with `name` and `email` to cartero.toml, or pass `--from \"Your Name <you@example.com>\"`".to_string();
    }
    if let Some(rest) = message.strip_prefix("Variable `") {
        if let Some((name, after)) = rest.split_once("` is not defined.") {
            let available = after
                .trim()
                .trim_start_matches("Available variables:")
                .trim();
            return format!(
                "`{name}` is not defined for this client: its cell is empty, or there is no such column; fill it, or write `{{{{ {name} | default(value=\"…\") }}}}` for when it is empty (what there is: {available})"
            );
        }
    }
    if message.starts_with("Invalid type for the value") && message.ends_with("but got `undefined`")
    {
        let what: String = line.chars().skip(col).take(width).collect();
        let what = if what.trim().is_empty() {
            "a value".to_string()
        } else {
            format!("`{}`", what.trim())
        };
        return format!(
            "{what} is empty for this client, and what follows needs text: fill the column, or write `{{{{ {} | default(value=\"…\") | … }}}}`",
            what.trim_matches('`')
        );
    }
    message
        .replace("`&str`", "text")
        .replace("`string`", "text")
        .replace("`i64`", "a number")
        .replace("`f64`", "a number")
        .replace("`number`", "a number")
        .replace("`undefined`", "nothing (an empty cell)")
}

/// A Tera error as a problem at the file's line and column, with the line itself shown.
pub(super) fn tera_problem(label: &str, source: &str, err: tera::Error) -> Problem {
    match err.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            at_span(label, source, r)
        }
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

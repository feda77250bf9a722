//! One client's letter rendered: their context, each header checked, the body tidied.

use lettre::message::Mailbox;
use tera::{Context, Value};

use crate::diag::{Pos, Problem};
use crate::domain::clients::{Circle, Client};
use crate::domain::compose::cells::in_language;
use crate::domain::compose::template_file::Header;
use crate::domain::compose::{Email, Templates};
use crate::settings::parse_mailbox;
use crate::text::clean_line;

/// The longest run without a space a subject may have: with `Subject: ` it fits the 998
/// octets RFC 5322 allows on a line, which no folding can shorten.
const MAX_WORD: usize = 900;

impl Templates {
    /// Renders with a template already chosen by `template_for`: `&self`, so clients can be
    /// rendered on several threads.
    pub fn render_loaded(&self, client: &Client, name: &str) -> Result<(String, Email), Problem> {
        let context = self.context(client, name);
        self.render_with(client, name, &context)
    }

    /// The letter a template makes with this context, each header checked.
    fn render_with(
        &self,
        client: &Client,
        name: &str,
        context: &Context,
    ) -> Result<(String, Email), Problem> {
        let file = &self.files[name];
        let fail = |e: tera::Error| self.problem(e, name).client(&client.name);
        let at = |line: usize, message: String| {
            Problem::error(&file.label, message)
                .at(Pos::Line(line))
                .client(&client.name)
        };
        let mut subject = None;
        let mut reply_to = None;
        for (header, _, line) in &file.headers {
            let text = self
                .tera
                .render(&format!("{name}#{header:?}"), context)
                .map_err(fail)?;
            let text = clean_line(&text);
            match header {
                Header::Subject => subject = Some(checked_subject(text).map_err(|m| at(*line, m))?),
                Header::ReplyTo => {
                    reply_to = Some(checked_reply_to(&text).map_err(|m| at(*line, m))?)
                }
            }
        }
        let body = tidy_body(&self.tera.render(name, context).map_err(fail)?);
        if body.trim().is_empty() {
            let line = file
                .headers
                .iter()
                .map(|(_, _, l)| l + 2)
                .max()
                .unwrap_or(1);
            return Err(at(line, tr!("compose-empty-letter")));
        }
        let markdown = crate::domain::markdown::is_markdown_name(name);
        let mut attachments = self.additions.attachments.clone();
        attachments.extend(client.attachments.iter().cloned());
        Ok((
            name.to_string(),
            Email {
                subject: subject.unwrap_or_default(),
                reply_to,
                body: self.signed(body, markdown),
                markdown,
                attachments,
            },
        ))
    }

    /// The body with the signature below a `-- ` line: Markdown in a Markdown letter, its plain
    /// text in a plain one.
    fn signed(&self, mut body: String, markdown: bool) -> String {
        let Some((signature, signature_md)) = &self.additions.signature else {
            return body;
        };
        let signature = match (markdown, signature_md) {
            (false, true) => crate::domain::markdown::to_plain(signature),
            // A plain signature in a Markdown letter: its words as written.
            (true, false) => tidy_body(&crate::domain::markdown::escaped(signature)),
            _ => tidy_body(signature),
        };
        // Its own `-- ` line, if it has one: cartero writes one above it.
        let signature = match signature.split_once('\n') {
            Some((first, rest)) if crate::domain::markdown::is_signature_line(first) => {
                rest.to_string()
            }
            _ => signature,
        };
        if signature.trim().is_empty() {
            return body;
        }
        body.push_str("\n-- \n");
        body.push_str(&signature);
        body
    }

    /// What the template sees of a client: their columns, then what cartero fills in.
    fn context(&self, client: &Client, template: &str) -> Context {
        let mut ctx = self.common.clone();
        let language = self.language_of(client, template);
        for (k, v) in &client.fields {
            match client.typed.get(k) {
                Some(t) => ctx.insert_value(k.clone(), Value::from(in_language(*t, language))),
                None => ctx.insert_value(k.clone(), Value::from(v.as_str())),
            }
        }
        ctx.insert_value("name", Value::from(client.name.as_str()));
        ctx.insert_value("first_name", Value::from(client.first_name()));
        ctx.insert_value("email", Value::from(client.email.as_str()));
        if let Some(note) = &client.note {
            ctx.insert_value("note", Value::from(note.as_str()));
        }
        if let Some(a) = client.affinity {
            ctx.insert_value("affinity", Value::from(a));
            ctx.insert_value("circle", Value::from(Circle::of(a).as_str()));
        }
        ctx.insert_value("language", Value::from(language.code()));
        // What earlier years left (empty lists in a first year, so `{% for %}` just works).
        ctx.insert("letters", &client.past.letters);
        ctx.insert("memories", &client.past.memories);
        if let Some(year) = client.past.first_year() {
            ctx.insert_value("first_letter_year", Value::from(year));
        }
        // Built-ins beat a column of the same name.
        ctx.extend(self.common.clone());
        ctx
    }
}

/// A rendered `Subject:`, or why no mail server or person could take it.
fn checked_subject(text: String) -> Result<String, String> {
    if text.is_empty() {
        return Err(tr!("compose-empty-subject"));
    }
    if let Some(word) = text
        .split_whitespace()
        .find(|w| w.is_ascii() && w.len() > MAX_WORD)
    {
        return Err(tr!(
            "compose-long-subject-word",
            count = word.chars().count()
        ));
    }
    Ok(text)
}

/// A rendered `Reply-To:` as an address, or why it is not one.
fn checked_reply_to(text: &str) -> Result<Mailbox, String> {
    if text.is_empty() {
        return Err(tr!("compose-empty-reply-to"));
    }
    parse_mailbox(text).map_err(|e| tr!("compose-bad-reply-to", why = format!("{e:#}")))
}

/// Leading blank lines (the padding) gone, line ends `\n`, one final newline.
fn tidy_body(body: &str) -> String {
    let body = body.trim_start_matches('\n');
    if !body.contains(|c: char| c.is_control() && c != '\n' && c != '\t')
        && !body.contains(" \n")
        && body.ends_with('\n')
        && !body.ends_with("\n\n")
    {
        return body.to_string();
    }
    let body = body.replace("\r\n", "\n");
    let body: String = body
        .trim_start_matches('\n')
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    let mut lines: Vec<&str> = body.split('\n').map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_tidied() {
        assert_eq!(tidy_body("\n\n\nHola  \r\n\n\n"), "Hola\n");
    }
}

//! One rendered email as a message: the draft's text, and the exact RFC 5322 bytes sent.

use std::time::SystemTime;

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};
use lettre::Message;

use std::borrow::Cow;
use std::str::FromStr;

use crate::domain::compose::Email;
use crate::domain::headers::{did_you_mean, named, Named};
use crate::domain::letter::{self, Files, Piece};
use crate::domain::markdown;
use crate::text::{clean_line, display_mailbox};

/// The draft's text: `To:`, `Subject:`, optional `Reply-To:`, `Attachments:` (the files, `; `
/// between them) and `Format: markdown`, a blank line, the body.
pub fn draft_text(to: &Mailbox, email: &Email) -> String {
    let mut text = format!("To: {}\nSubject: {}\n", display_mailbox(to), email.subject);
    if let Some(r) = &email.reply_to {
        text.push_str(&format!("Reply-To: {}\n", display_mailbox(r)));
    }
    if !email.attachments.is_empty() {
        text.push_str(&format!("Attachments: {}\n", email.attachments.join("; ")));
    }
    if email.markdown {
        text.push_str("Format: markdown\n");
    }
    text.push('\n');
    text.push_str(&email.body);
    text
}

/// One message, one recipient: the exact bytes preview writes and send sends. `files` are the
/// letter's, read (`letter::load`): a plain letter without files is one `text/plain` part.
pub fn build_message(
    from: &Mailbox,
    to: &Mailbox,
    email: &Email,
    files: &Files,
    date: DateTime<FixedOffset>,
    message_id: &str,
) -> Result<Message> {
    // An explicit envelope: the client alone, and lettre need not parse the headers back.
    let envelope = lettre::address::Envelope::new(Some(from.email.clone()), vec![to.email.clone()])
        .with_context(|| tr!("message-envelope-failed"))?;
    let mut builder = Message::builder()
        .envelope(envelope)
        .from(clean_mailbox(from))
        .to(clean_mailbox(to))
        .subject(clean_line(&email.subject))
        .date(SystemTime::from(date))
        .message_id(Some(message_id.to_string()))
        .header(lettre::message::header::MIME_VERSION_1_0);
    if let Some(r) = &email.reply_to {
        builder = builder.reply_to(clean_mailbox(r));
    }
    let built = if !email.markdown && files.pieces.is_empty() {
        builder
            .header(ContentType::TEXT_PLAIN)
            .body(email.body.clone())
    } else {
        builder.multipart(parts(from, email, files, message_id))
    };
    built.with_context(|| tr!("message-build-failed", address = to.email.to_string()))
}

/// The letter's parts: its words (plain, or plain and HTML with the images inside), then its
/// attachments. The boundaries come from the Message-ID, so every build gives the same bytes.
fn parts(from: &Mailbox, email: &Email, files: &Files, message_id: &str) -> MultiPart {
    let boundary = |n: u8| {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(message_id.as_bytes());
        let tag: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
        format!("=_cartero_{n}_{tag}")
    };
    let attached: Vec<&Piece> = files.pieces.iter().filter(|p| !p.inline).collect();
    let mixed = MultiPart::mixed().boundary(boundary(0));
    let mut whole = if email.markdown {
        let words = html_and_plain(from, email, files, message_id, &boundary);
        if attached.is_empty() {
            return words;
        }
        mixed.multipart(words)
    } else {
        mixed.singlepart(SinglePart::plain(email.body.clone()))
    };
    for p in attached {
        whole = whole.singlepart(match disposition("attachment", &p.file_name) {
            Some(d) => SinglePart::builder()
                .header(d)
                .header(content_type(p))
                .body(carried(p)),
            None => Attachment::new(p.file_name.clone()).body(carried(p), content_type(p)),
        });
    }
    whole
}

/// `Content-Disposition` for a file whose name reads like an encoded word (`=?utf-8?B?…?=`):
/// written percent-encoded (RFC 2231) always, so that no mail app decodes it into another name.
/// `None` for every other name, which lettre writes as RFC 2231 asks.
fn disposition(kind: &str, file_name: &str) -> Option<Disposition> {
    if !file_name.contains("=?") {
        return None;
    }
    const SAFE: &[u8] = b"!#$&+-.^_`|~";
    // A character at a time, so that no section cuts a character's bytes apart.
    let encoded: Vec<String> = file_name
        .chars()
        .map(|c| {
            let mut utf8 = [0; 4];
            c.encode_utf8(&mut utf8)
                .bytes()
                .map(|b| match b.is_ascii_alphanumeric() || SAFE.contains(&b) {
                    true => (b as char).to_string(),
                    false => format!("%{b:02X}"),
                })
                .collect()
        })
        .collect();
    // Lines under 78 characters: a few dozen encoded characters a section.
    let mut value = format!("{kind};");
    let mut section = String::new();
    let mut n = 0;
    for (i, piece) in encoded.iter().enumerate() {
        section.push_str(piece);
        if section.len() >= 50 || i + 1 == encoded.len() {
            let charset = if n == 0 { "utf-8''" } else { "" };
            let end = if i + 1 == encoded.len() { "" } else { ";" };
            value.push_str(&format!("\r\n filename*{n}*={charset}{section}{end}"));
            section.clear();
            n += 1;
        }
    }
    let raw = format!("{kind}; filename=\"{file_name}\"");
    Some(Disposition(
        lettre::message::header::HeaderValue::dangerous_new_pre_encoded(
            <Disposition as lettre::message::header::Header>::name(),
            raw,
            value,
        ),
    ))
}

/// A `Content-Disposition` written here (see [`disposition`]).
#[derive(Debug, Clone)]
struct Disposition(lettre::message::header::HeaderValue);

impl lettre::message::header::Header for Disposition {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("Content-Disposition")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Err("cartero writes this header, never reads it".into())
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        self.0.clone()
    }
}

/// A Markdown letter's words: plain text, then HTML with its images by `Content-ID`.
fn html_and_plain(
    from: &Mailbox,
    email: &Email,
    files: &Files,
    message_id: &str,
    boundary: &dyn Fn(u8) -> String,
) -> MultiPart {
    let domain = from.email.domain().to_string();
    let inline: Vec<&Piece> = files.pieces.iter().filter(|p| p.inline).collect();
    let cid = |dest: &str| {
        inline
            .iter()
            .find(|p| p.name == dest)
            .map(|p| p.content_id(message_id, &domain))
    };
    let plain = SinglePart::plain(markdown::to_plain(&email.body));
    let html = SinglePart::html(markdown::to_html(&email.body, &cid));
    let alternative = MultiPart::alternative()
        .boundary(boundary(1))
        .singlepart(plain);
    if inline.is_empty() {
        return alternative.singlepart(html);
    }
    let mut related = MultiPart::related().boundary(boundary(2)).singlepart(html);
    for p in inline {
        let cid = p.content_id(message_id, &domain);
        related = related.singlepart(match disposition("inline", &p.file_name) {
            Some(d) => SinglePart::builder()
                .header(lettre::message::header::ContentId::from(format!("<{cid}>")))
                .header(d)
                .header(content_type(p))
                .body(carried(p)),
            None => Attachment::new_inline_with_name(cid, p.file_name.clone())
                .body(carried(p), content_type(p)),
        });
    }
    alternative.multipart(related)
}

/// A file's bytes as they travel: always base64, whatever they hold (bare line ends, NUL, a
/// line of a single dot), so that every server passes them on unchanged.
fn carried(p: &Piece) -> Body {
    Body::new_with_encoding(p.bytes.clone(), ContentTransferEncoding::Base64)
        .unwrap_or_else(|_| unreachable!("base64 takes any bytes"))
}

/// A piece's type as lettre writes it (a name that says nothing is a stream of bytes).
fn content_type(p: &Piece) -> ContentType {
    ContentType::parse(&p.content_type)
        .unwrap_or_else(|_| ContentType::parse("application/octet-stream").expect("a valid type"))
}

/// lettre panics on a display name with a line break: never hand it one.
fn clean_mailbox(m: &Mailbox) -> Mailbox {
    Mailbox::new(m.name.as_deref().map(clean_line), m.email.clone())
}

/// `<20261122T100000.3f9a0c1e2d4b5a69@example.com>`, under the sender's domain.
pub fn message_id(
    sender: &Mailbox,
    client_key: &str,
    now: DateTime<FixedOffset>,
    salt: u64,
) -> String {
    use sha2::{Digest, Sha256};
    // A stable hash (not std's, which may change between Rust releases): reproducible under a
    // fixed clock and salt, unique otherwise.
    let mut h = Sha256::new();
    h.update(client_key.as_bytes());
    h.update(now.timestamp_nanos_opt().unwrap_or_default().to_le_bytes());
    h.update(salt.to_le_bytes());
    let digest = h.finalize();
    let tag = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
    format!(
        "<{}.{:016x}@{}>",
        now.format("%Y%m%dT%H%M%S"),
        tag,
        sender.email.domain()
    )
}

/// A draft file read back: what will be sent if it is approved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub to: Mailbox,
    pub email: Email,
}

/// A draft's body: what is below its first blank line (the whole text when there is none).
pub fn body_of(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match (text.find("\n\n"), text.find("\r\n\r\n")) {
        (Some(lf), Some(crlf)) if crlf < lf => &text[crlf + 4..],
        (Some(lf), _) => &text[lf + 2..],
        (None, Some(crlf)) => &text[crlf + 4..],
        (None, None) => text,
    }
}

/// A draft as the personal share and the anecdote check read it: its words as a person reads
/// them, without the signature every letter shares, nor Markdown's marks (never the HTML).
pub fn measured(text: &str) -> Cow<'_, str> {
    let body = body_of(text);
    let head = &text[..text.len() - body.len()];
    let markdown = head.lines().any(|l| {
        l.split_once(':').is_some_and(|(n, v)| {
            named(n, &[]) == Named::Format && format_is_markdown(v).unwrap_or(false)
        })
    });
    let (letter, signature) = markdown::split_signature(body);
    if !markdown && signature.is_none() {
        return Cow::Borrowed(text);
    }
    let words = if markdown {
        markdown::to_plain(letter)
    } else {
        letter.to_string()
    };
    Cow::Owned(format!("{head}{words}"))
}

/// `goes with it: presupuesto.pdf (12 KB), logo.png (inside the letter, 3 KB)`: the files
/// there (one that is not is among the warnings).
pub fn goes_with(text: &str, base: &std::path::Path) -> Option<String> {
    let draft = parse(text).ok()?;
    let files: Vec<String> = letter::listed(&draft.email, base)
        .into_iter()
        .filter_map(|(name, inline, size)| {
            let size = crate::text::size(size?);
            Some(match inline {
                true => tr!("letter-file-inside", name = &name, size = size),
                false => tr!("letter-file", name = &name, size = size),
            })
        })
        .collect();
    (!files.is_empty()).then(|| tr!("letter-goes-with", files = files.join(", ")))
}

/// The longest word a subject may hold, in bytes, well under a header line's 998.
const LONGEST_WORD: usize = 900;

/// Reads a draft's text; the error says what to fix in the file.
pub fn parse(text: &str) -> Result<Draft, String> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err(tr!("message-empty"));
    }
    let (head, body) = match text.split_once("\n\n") {
        Some((h, b)) => (h, b),
        None => return Err(tr!("message-no-blank-line")),
    };
    let head = Head::read(head)?;
    let to = head.to.ok_or_else(|| tr!("message-no-to"))?;
    let subject = head
        .subject
        .filter(|s| !s.is_empty())
        .ok_or_else(|| tr!("message-no-subject"))?;
    // A header line is folded at its spaces; a word longer than a line can be is refused by
    // servers (998 characters, RFC 5322).
    if let Some(word) = subject.split_whitespace().find(|w| w.len() > LONGEST_WORD) {
        return Err(tr!(
            "message-subject-word-too-long",
            count = word.chars().count()
        ));
    }
    if body.trim().is_empty() {
        return Err(tr!("message-empty-body"));
    }
    Ok(Draft {
        to,
        email: Email {
            subject,
            reply_to: head.reply_to,
            body: body.to_string(),
            markdown: head.markdown,
            attachments: head.attachments,
        },
    })
}

/// A draft's header lines, as read.
#[derive(Default)]
struct Head {
    to: Option<Mailbox>,
    subject: Option<String>,
    reply_to: Option<Mailbox>,
    attachments: Vec<String>,
    markdown: bool,
}

impl Head {
    /// Reads the lines above the blank line; the error says which to fix.
    fn read(head: &str) -> Result<Head, String> {
        let mut read = Head::default();
        for (i, line) in head.lines().enumerate() {
            let Some((name, value)) = line.split_once(':') else {
                return Err(tr!("message-not-a-header", line = i + 1));
            };
            read.set(name, clean_line(value))?;
        }
        Ok(read)
    }

    /// One header line's value, kept; or why a draft cannot have it. cartero writes the
    /// English names; a person may write the Spanish ones (`Para:`, `Asunto:`, `Responder-a:`).
    fn set(&mut self, name: &str, value: String) -> Result<(), String> {
        let allowed = [
            Named::To,
            Named::Subject,
            Named::ReplyTo,
            Named::Attachments,
            Named::Format,
        ];
        match named(name, &allowed) {
            Named::To => {
                self.to = Some(
                    Mailbox::from_str(&value).map_err(|_| tr!("message-bad-to", value = &value))?,
                )
            }
            Named::Subject => self.subject = Some(value),
            Named::ReplyTo if value.is_empty() => {}
            Named::ReplyTo => {
                self.reply_to = Some(
                    Mailbox::from_str(&value)
                        .map_err(|_| tr!("message-bad-reply-to", value = &value))?,
                )
            }
            Named::Attachments => self.attachments.extend(
                value
                    .split(';')
                    .map(|n| n.trim().replace('\\', "/"))
                    .filter(|n| !n.is_empty()),
            ),
            Named::Format => self.markdown = format_is_markdown(&value)?,
            Named::Cc | Named::Bcc => return Err(tr!("message-copy-header", header = name.trim())),
            Named::From => return Err(tr!("message-from-header", header = name.trim())),
            unknown @ Named::Unknown(_) => {
                return Err(tr!(
                    "message-unknown-header",
                    header = name.trim(),
                    suggestion = did_you_mean(unknown)
                ))
            }
        }
        Ok(())
    }
}

/// `Format: markdown` (`text` for plain): anything else is a mistake to fix.
fn format_is_markdown(value: &str) -> Result<bool, String> {
    match value.trim().to_lowercase().as_str() {
        "markdown" | "md" => Ok(true),
        "text" | "texto" | "plain" | "" => Ok(false),
        _ => Err(tr!("message-bad-format", value = value)),
    }
}

/// Checks a draft for a client: it parses and still goes to that client's address.
pub fn validate(text: &str, client_key: &str) -> Result<Draft, String> {
    let draft = parse(text)?;
    if crate::domain::clients::address_key(&draft.to.email) != client_key {
        return Err(tr!(
            "message-other-client",
            to = draft.to.email.to_string(),
            address = client_key
        ));
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_parse_back() {
        let d = parse("To: Ana <ana@example.com>\nSubject: Hola\n\nCuerpo\n").unwrap();
        assert_eq!(d.to.email.to_string(), "ana@example.com");
        assert_eq!(d.email.body, "Cuerpo\n");
        assert!(validate(
            "To: Ana <ana@example.com>\nSubject: Hola\n\nx",
            "bo@example.com"
        )
        .is_err());
        assert!(parse("Subject: Hola\n\nCuerpo")
            .unwrap_err()
            .contains("To:"));
        assert!(parse("  \n \n")
            .unwrap_err()
            .contains("the letter is empty"));
        let long = format!("To: a@example.com\nSubject: Hola {}\n\nb", "x".repeat(1200));
        assert!(parse(&long)
            .unwrap_err()
            .contains("a word of 1200 characters"));
        let fine = format!(
            "To: a@example.com\nSubject: {}\n\nb",
            "palabra ".repeat(200)
        );
        assert!(parse(&fine).is_ok());
        assert!(parse("To: a@example.com\nBcc: b@example.com\nSubject: x\n\nb").is_err());
        assert!(parse("To: a@example.com\nCCO: b@example.com\nSubject: x\n\nb").is_err());
        let es = parse(
            "Para: Ana <ana@example.com>\nAsunto: Hola\nResponder a: yo@example.com\n\nCuerpo",
        )
        .unwrap();
        assert_eq!(es.email.subject, "Hola");
        assert_eq!(
            es.email.reply_to.map(|m| m.email.to_string()).as_deref(),
            Some("yo@example.com")
        );
        assert!(parse("To: a@example.com\nSubjet: x\n\nb")
            .unwrap_err()
            .contains("did you mean `Subject:`?"));
        assert!(parse("To: a@example.com\nSubject: x\n\n  \n\n")
            .unwrap_err()
            .contains("no letter below the blank line"));
    }

    #[test]
    fn a_letter_is_measured_by_its_words_without_its_signature() {
        let md = "To: a@example.com\nSubject: x\nFormat: markdown\n\nHola **Ana**, [mira](https://x.example).\n\n-- \nPepe\n![logo](logo.png)\n";
        assert_eq!(
            measured(md),
            "To: a@example.com\nSubject: x\nFormat: markdown\n\nHola Ana, mira (https://x.example).\n"
        );
        let txt = "To: a@example.com\nSubject: x\n\nHola **Ana**\n--\nPepe\n";
        assert_eq!(
            measured(txt),
            "To: a@example.com\nSubject: x\n\nHola **Ana**\n"
        );
        let plain = "To: a@example.com\nSubject: x\n\nHola\n";
        assert!(matches!(measured(plain), Cow::Borrowed(_)));
        let d = parse(
            "To: a@example.com\nSubject: x\nAdjuntos: a.pdf;  b/c.pdf ;\nFormato: Markdown\n\nb",
        )
        .unwrap();
        assert_eq!(d.email.attachments, ["a.pdf", "b/c.pdf"]);
        assert!(d.email.markdown);
        assert!(parse("To: a@example.com\nSubject: x\nFormat: html\n\nb")
            .unwrap_err()
            .contains("Format: html"));
    }
}

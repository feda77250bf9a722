//! One rendered email as a message: the draft's text, and the exact RFC 5322 bytes sent.

use std::time::SystemTime;

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset};
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::Message;

use std::str::FromStr;

use crate::domain::compose::Email;
use crate::domain::headers::{did_you_mean, named, Named};
use crate::text::{clean_line, display_mailbox};

/// The draft's text: `To:`, `Subject:`, optional `Reply-To:`, a blank line, the body.
pub fn draft_text(to: &Mailbox, email: &Email) -> String {
    let mut text = format!("To: {}\nSubject: {}\n", display_mailbox(to), email.subject);
    if let Some(r) = &email.reply_to {
        text.push_str(&format!("Reply-To: {}\n", display_mailbox(r)));
    }
    text.push('\n');
    text.push_str(&email.body);
    text
}

/// One message, one recipient: the exact bytes preview writes and send sends.
pub fn build_message(
    from: &Mailbox,
    to: &Mailbox,
    email: &Email,
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
        .header(lettre::message::header::MIME_VERSION_1_0)
        .header(ContentType::TEXT_PLAIN);
    if let Some(r) = &email.reply_to {
        builder = builder.reply_to(clean_mailbox(r));
    }
    builder
        .body(email.body.clone())
        .with_context(|| tr!("message-build-failed", address = to.email.to_string()))
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

/// Reads a draft's text; the error says what to fix in the file.
pub fn parse(text: &str) -> Result<Draft, String> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
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
    if body.trim().is_empty() {
        return Err(tr!("message-empty-body"));
    }
    Ok(Draft {
        to,
        email: Email {
            subject,
            reply_to: head.reply_to,
            body: body.to_string(),
        },
    })
}

/// A draft's header lines, as read.
#[derive(Default)]
struct Head {
    to: Option<Mailbox>,
    subject: Option<String>,
    reply_to: Option<Mailbox>,
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
        let allowed = [Named::To, Named::Subject, Named::ReplyTo];
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
}

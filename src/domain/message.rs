//! One rendered email as a message: the draft's text, and the exact RFC 5322 bytes sent.

use std::time::SystemTime;

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset};
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::Message;

use crate::text::{clean_line, display_mailbox};
use crate::domain::compose::Email;

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
        .context("failed to build the envelope")?;
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
        .with_context(|| format!("failed to build the message to `{}`", to.email))
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

//! Where messages go: an SMTP server driven step by step through lettre, or `.eml` files.
//!
//! A message goes in two stages that cartero can tell apart, because exactly once depends on it
//! (RFC 5321 section 4.1.1.4, RFC 1047): `begin` (MAIL, RCPT, DATA) hands the server nothing it
//! could deliver, so any failure there is safe to retry; `finish` writes the body and the final
//! ".", and once that "." may have gone, a failure without a reply leaves the letter
//! `Uncertain`: it may have arrived, and it is never retried on its own.

pub mod replies;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result};
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use lettre::transport::smtp::response::Response;

use crate::settings::{Auth, Security, Smtp};
use replies::{about_the_account, Stage};

/// How a delivery attempt ended, as far as what to do next is concerned.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The server has no letter (a 4xx reply, or a link lost before the final "."): try again.
    #[error("{0}")]
    Transient(String),
    /// The server refused this message or recipient (5xx): the next client may still go.
    #[error("{0}")]
    Permanent(String),
    /// The final "." went and no reply came: the letter may have arrived. Never retried alone.
    #[error("{0}")]
    Uncertain(String),
    /// The server refused the sender, not this letter (a quota, a rate, a throttle): stop the
    /// run; the letter stays approved for the next one.
    #[error("{0}")]
    Account(String),
    /// The server could not be reached again mid-run: worth another try, then stop the run.
    #[error("{0}")]
    Unreachable(String),
    /// Nothing will go through this server as configured (TLS, authentication): stop the run.
    #[error("{0}")]
    Fatal(String),
    /// The server's TLS certificate could not be verified: as `Fatal`, and worth a closer look
    /// at the certificate (`check --connect` says whose it is).
    #[error("{0}")]
    Untrusted(String),
}

/// Where messages go: an SMTP server, or a folder of `.eml` files for a dry run.
pub trait Outbox {
    /// Everything before the message itself (MAIL, RCPT, DATA): a failure here is safe.
    fn begin(&mut self, envelope: &Envelope, bytes: &[u8]) -> Result<(), SendError>;
    /// The message and the final "."; `Ok` carries the server's reply.
    fn finish(&mut self, stem: &str, bytes: &[u8]) -> Result<String, SendError>;
    /// Gives up the transaction `begin` opened (the journal could not be written).
    fn abandon(&mut self);
    fn describe(&self) -> String;
}

/// One SMTP connection for the whole run, reopened only when it was lost.
pub struct SmtpOutbox {
    smtp: Smtp,
    tls: Option<TlsParameters>,
    credentials: Option<Credentials>,
    hello: ClientId,
    conn: Option<SmtpConnection>,
    name: String,
    /// The recipient of the letter in flight: a refusal naming them is about them.
    recipient: String,
}

impl SmtpOutbox {
    /// Connects, upgrades to TLS and logs in, so that a wrong setting stops before anything goes.
    pub fn connect(smtp: &Smtp, password: Option<String>) -> Result<SmtpOutbox> {
        let tls = match smtp.server.security {
            Security::None => None,
            Security::Starttls | Security::Tls => Some(tls_parameters(smtp)?),
        };
        let credentials = smtp
            .username
            .as_ref()
            .map(|user| Credentials::new(user.clone(), password.unwrap_or_default()));
        let mut outbox = SmtpOutbox {
            smtp: smtp.clone(),
            tls,
            credentials,
            hello: ClientId::default(),
            conn: None,
            name: format!("{}:{}", smtp.server.host, smtp.server.port),
            recipient: String::new(),
        };
        outbox
            .open()
            .map_err(|e| anyhow::anyhow!(e))
            .with_context(|| {
                tr!(
                    "smtp-connect-failed",
                    server = &outbox.name,
                    security = smtp.server.security.to_string()
                )
            })?;
        Ok(outbox)
    }

    /// Opens the connection: greeting and EHLO, STARTTLS when asked for, then AUTH.
    fn open(&mut self) -> Result<(), SendError> {
        let wrapper = match self.smtp.server.security {
            Security::Tls => self.tls.as_ref(),
            _ => None,
        };
        let mut conn = SmtpConnection::connect(
            (self.smtp.server.host.as_str(), self.smtp.server.port),
            Some(self.smtp.server.timeout),
            &self.hello,
            wrapper,
            None,
        )
        .map_err(|e| connect_error(&e))?;
        if let (Security::Starttls, Some(tls)) = (self.smtp.server.security, &self.tls) {
            if !conn.can_starttls() {
                conn.abort();
                return Err(SendError::Fatal(tr!("smtp-no-starttls")));
            }
            conn.starttls(tls, &self.hello)
                .map_err(|e| connect_error(&e))?;
        }
        if let Some(credentials) = &self.credentials {
            let mechanisms: &[Mechanism] = match self.smtp.server.auth {
                Auth::Password => &[Mechanism::Plain, Mechanism::Login],
                Auth::Xoauth2 => &[Mechanism::Xoauth2],
            };
            let token = match self.smtp.server.auth {
                Auth::Password => "no",
                Auth::Xoauth2 => "yes",
            };
            conn.auth(mechanisms, credentials).map_err(|e| {
                match e.status().map(|c| c.to_string()) {
                    Some(code) if code.starts_with('5') => SendError::Fatal(tr!(
                        "smtp-login-refused",
                        token = token,
                        reply = chain(&e)
                    )),
                    // A refused XOAUTH2 token comes back as a challenge (RFC 7628 3.2.2) that
                    // lettre cannot answer: it is the server's refusal all the same.
                    None if self.smtp.server.auth == Auth::Xoauth2
                        && chain(&e).contains("does not expect a challenge") =>
                    {
                        SendError::Fatal(tr!("smtp-token-refused"))
                    }
                    _ => connect_error(&e),
                }
            })?;
        }
        disable_nagle();
        self.conn = Some(conn);
        Ok(())
    }

    /// A connection lost mid-run is opened again; one that cannot be is the server's trouble,
    /// not this client's: retried, and then the run stops with the letter approved.
    fn reopen_if_lost(&mut self) -> Result<(), SendError> {
        if self.conn.as_ref().is_none_or(SmtpConnection::has_broken) {
            self.conn = None;
            self.open().map_err(|e| match e {
                SendError::Transient(why) => SendError::Unreachable(why),
                other => other,
            })?;
        }
        Ok(())
    }

    /// What MAIL, RCPT and DATA came to: `Ok` where the server waits for the message itself.
    fn after_data(
        &mut self,
        result: Result<(Response, bool), lettre::transport::smtp::Error>,
        stage: Stage,
    ) -> Result<(), SendError> {
        match result {
            Ok((r, true)) if is_class(&r, '3') => Ok(()),
            // An answer out of place (lettre takes 2xx and 3xx alike): nothing was handed over,
            // but the conversation is out of step.
            Ok((r, _)) => {
                self.drop_connection();
                Err(SendError::Transient(tr!(
                    "smtp-answer-out-of-place",
                    reply = reply_text(&r)
                )))
            }
            Err(e) => {
                let err = delivery_error(&e, false, stage, &self.recipient);
                // A refusal leaves the connection usable once the transaction is reset.
                let conn = self.conn.as_mut().expect("opened above");
                let reusable = e.status().is_some_and(|c| c.to_string() != "421")
                    && conn.command(Rset).is_ok();
                if !reusable {
                    self.drop_connection();
                }
                Err(err)
            }
        }
    }

    /// Closes a connection that can no longer be trusted; the next message opens a new one.
    fn drop_connection(&mut self) {
        if let Some(mut conn) = self.conn.take() {
            conn.abort();
        }
    }
}

impl Drop for SmtpOutbox {
    fn drop(&mut self) {
        if let Some(mut conn) = self.conn.take() {
            let _ = conn.quit();
        }
    }
}

fn tls_parameters(smtp: &Smtp) -> Result<TlsParameters> {
    let mut b = TlsParameters::builder(smtp.server.host.clone());
    if let Some(ca) = &smtp.server.ca_file {
        let pem = std::fs::read(ca)
            .with_context(|| tr!("smtp-ca-file-unreadable", file = ca.display()))?;
        let cert = Certificate::from_pem(&pem)
            .with_context(|| tr!("smtp-ca-file-not-pem", file = ca.display()))?;
        b = b.add_root_certificate(cert);
        // lettre's rustls refuses a self-signed certificate as the server's own, even when
        // `ca-file` names it: a handshake of cartero's checks that the server shows exactly that
        // certificate, and only then is lettre told not to check it again.
        let pem_certs = rustls::pki_types::CertificateDer::pem_slice_iter(&pem);
        use rustls::pki_types::pem::PemObject;
        if pem_certs.flatten().any(|c| crate::tls::self_signed(&c)) {
            let probe = crate::tls::probe(
                &smtp.server.host,
                smtp.server.port,
                smtp.server.security == Security::Starttls,
                Some(ca),
                "[smtp]",
                smtp.server.timeout,
            );
            if probe == crate::tls::Probe::Pinned {
                b = b
                    .dangerous_accept_invalid_certs(true)
                    .dangerous_accept_invalid_hostnames(true);
            }
        }
    }
    b.build().with_context(|| tr!("tls-setup-failed"))
}

/// A failure while connecting: TLS and refusals are for the user to fix; a lost link is worth
/// another try.
fn connect_error(e: &lettre::transport::smtp::Error) -> SendError {
    let text = chain(e);
    if text.contains("failed to lookup address") || text.contains("Name or service not known") {
        return SendError::Fatal(tr!("smtp-host-not-found"));
    }
    if text.contains("InvalidContentType") || text.contains("corrupt message") {
        return SendError::Fatal(tr!("smtp-not-tls"));
    }
    if text.contains("No compatible authentication mechanism") {
        return SendError::Fatal(tr!("smtp-no-login-mechanism"));
    }
    if e.is_tls() || text.contains("certificate") {
        SendError::Untrusted(tr!("smtp-untrusted", why = text))
    } else if e.is_permanent() || e.is_client() {
        SendError::Fatal(text)
    } else {
        SendError::Transient(text)
    }
}

/// What a reply, or its absence, means; `dot_sent` says whether the final "." may have gone.
fn delivery_error(
    e: &lettre::transport::smtp::Error,
    dot_sent: bool,
    stage: Stage,
    recipient: &str,
) -> SendError {
    let text = chain(e);
    let Some(code) = e.status().map(|c| c.to_string()) else {
        return if dot_sent {
            SendError::Uncertain(tr!("smtp-no-answer-after-letter", why = text))
        } else {
            SendError::Transient(text)
        };
    };
    // "421 4.3.2 …" as the server said it, not lettre's "transient error (421): 4.3.2 …".
    let text = match text.split_once("): ") {
        Some((_, said)) => format!("{code} {said}"),
        None => text,
    };
    let number: u16 = code.parse().unwrap_or(0);
    if matches!(number, 530 | 534 | 535 | 538) {
        return SendError::Fatal(text);
    }
    // A reply is an answer: the server has no letter, whatever the stage. Whose problem it is
    // decides what follows.
    if about_the_account(stage, number, &text, recipient) {
        SendError::Account(text)
    } else if code.starts_with('5') {
        SendError::Permanent(text)
    } else {
        SendError::Transient(text)
    }
}

/// The error and its causes; a lost or silent link in a person's words, not the OS's.
fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    use std::io::ErrorKind;
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(inner) = source {
        if let Some(io) = inner.downcast_ref::<std::io::Error>() {
            let plain = match io.kind() {
                ErrorKind::WouldBlock | ErrorKind::TimedOut => Some(tr!("smtp-timed-out")),
                ErrorKind::ConnectionRefused => Some(tr!("smtp-connection-refused")),
                ErrorKind::ConnectionReset
                | ErrorKind::ConnectionAborted
                | ErrorKind::BrokenPipe
                | ErrorKind::UnexpectedEof => Some(tr!("smtp-connection-closed")),
                _ => None,
            };
            if let Some(plain) = plain {
                return plain;
            }
        }
        source = inner.source();
    }
    let raw = raw_chain(e);
    if raw.contains("incomplete response") {
        // lettre's words for a connection closed where a reply should have been.
        return tr!("smtp-connection-closed");
    }
    raw
}

fn raw_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        let t = inner.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        source = inner.source();
    }
    s
}

/// MAIL's parameters for this letter: SMTPUTF8 for an address beyond ASCII, 8BITMIME for
/// text beyond it; an error where the server (`supports`) does not take them.
fn mail_parameters(
    envelope: &Envelope,
    bytes: &[u8],
    name: &str,
    supports: impl Fn(Extension) -> bool,
) -> Result<Vec<MailParameter>, SendError> {
    let mut params = Vec::new();
    let wide = envelope
        .to()
        .iter()
        .chain(envelope.from())
        .find(|a| !AsRef::<str>::as_ref(*a).is_ascii());
    if let Some(address) = wide {
        if !supports(Extension::SmtpUtfEight) {
            return Err(SendError::Permanent(tr!(
                "smtp-no-smtputf8",
                address = address.to_string(),
                server = name
            )));
        }
        params.push(MailParameter::SmtpUtfEight);
    }
    if !bytes.is_ascii() {
        if !supports(Extension::EightBitMime) {
            return Err(SendError::Fatal(tr!("smtp-no-8bitmime", server = name)));
        }
        params.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    Ok(params)
}

/// MAIL, RCPT and DATA, noting in `stage` how far it got; `true` with the reply once DATA was
/// asked for, `false` with a reply that stopped it before.
fn transaction(
    conn: &mut SmtpConnection,
    envelope: &Envelope,
    params: Vec<MailParameter>,
    stage: &mut Stage,
) -> Result<(Response, bool), lettre::transport::smtp::Error> {
    let mut last = conn.command(Mail::new(envelope.from().cloned(), params))?;
    *stage = Stage::Rcpt;
    for to in envelope.to() {
        if !is_class(&last, '2') {
            return Ok((last, false));
        }
        last = conn.command(Rcpt::new(to.clone(), Vec::new()))?;
    }
    if !is_class(&last, '2') {
        return Ok((last, false));
    }
    *stage = Stage::Data;
    conn.command(Data).map(|r| (r, true))
}

/// Whether a reply's code starts with `digit`, as `2` for 250.
fn is_class(response: &Response, digit: char) -> bool {
    response.code().to_string().starts_with(digit)
}

fn reply_text(response: &Response) -> String {
    format!(
        "{} {}",
        response.code(),
        response.message().collect::<Vec<_>>().join(" ")
    )
}

impl Outbox for SmtpOutbox {
    fn begin(&mut self, envelope: &Envelope, bytes: &[u8]) -> Result<(), SendError> {
        self.reopen_if_lost()?;
        let conn = self.conn.as_mut().expect("opened above");
        let info = conn.server_info();
        let params = mail_parameters(envelope, bytes, &self.name, |e| info.supports_feature(e))?;
        let mut stage = Stage::Mail;
        let result = transaction(conn, envelope, params, &mut stage);
        self.recipient = envelope
            .to()
            .first()
            .map(|a| a.to_string())
            .unwrap_or_default();
        self.after_data(result, stage)
    }

    fn finish(&mut self, _stem: &str, bytes: &[u8]) -> Result<String, SendError> {
        let Some(conn) = self.conn.as_mut() else {
            return Err(SendError::Transient(tr!("smtp-no-connection")));
        };
        // lettre writes the parts, then CRLF and the final "."; the part iterator running dry is
        // the moment just before that ".", so from there on a silent failure is uncertain. The
        // letter's own last line end is the one lettre writes (RFC 5321 4.1.1.4): sent twice, the
        // server would keep an empty line the preview and the copy in Sent do not have.
        let bytes = bytes.strip_suffix(b"\r\n").unwrap_or(bytes);
        let dot = AtomicBool::new(false);
        let parts = bytes.chunks(64 * 1024).chain(std::iter::from_fn(|| {
            dot.store(true, Ordering::SeqCst);
            None
        }));
        match conn.message_iter(parts) {
            Ok(response) if is_class(&response, '2') => Ok(reply_text(&response)),
            // lettre takes any 2xx or 3xx as positive; only a 2xx means the letter was taken.
            Ok(response) => {
                self.drop_connection();
                Err(SendError::Uncertain(tr!(
                    "smtp-answer-out-of-place-at-end",
                    reply = reply_text(&response)
                )))
            }
            Err(e) => {
                let err =
                    delivery_error(&e, dot.load(Ordering::SeqCst), Stage::End, &self.recipient);
                let err = match err {
                    SendError::Permanent(reply) if replies::too_big(&reply) => {
                        SendError::Permanent(tr!(
                            "smtp-too-big-for-server",
                            size = crate::text::size(bytes.len() as u64),
                            reply = reply
                        ))
                    }
                    other => other,
                };
                if e.status().is_none_or(|c| c.to_string() == "421") {
                    self.drop_connection();
                }
                Err(err)
            }
        }
    }

    fn abandon(&mut self) {
        // Inside DATA nothing but the final "." ends the message: closing without it is safe.
        self.drop_connection();
    }

    fn describe(&self) -> String {
        tr!("smtp-describe", server = &self.name)
    }
}

/// Turns Nagle's algorithm off on this process's TCP sockets.
///
/// lettre 0.11.23 writes a message's body and its final `.` in two writes with Nagle on, so
/// each message waits for the server's delayed ACK: 40 ms on Linux, 23 messages a second at
/// best (lettre pull request #1159, merged upstream, not yet released). lettre does not hand out
/// its socket, so the option is set on every socket the process has; on a socket that is not
/// TCP, `setsockopt` fails harmlessly. Remove this when lettre sets TCP_NODELAY itself.
#[cfg(target_os = "linux")]
fn disable_nagle() {
    let Ok(dir) = std::fs::read_dir("/proc/self/fd") else {
        return;
    };
    for entry in dir.flatten() {
        let Ok(target) = std::fs::read_link(entry.path()) else {
            continue;
        };
        if !target.to_string_lossy().starts_with("socket:") {
            continue;
        }
        let Some(fd) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<libc::c_int>().ok())
        else {
            continue;
        };
        let one: libc::c_int = 1;
        // SAFETY: `fd` is open in this process, and the option value outlives the call.
        unsafe {
            libc::setsockopt(
                fd,
                libc::IPPROTO_TCP,
                libc::TCP_NODELAY,
                (&one as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn disable_nagle() {}

/// `--dry-run`: the bytes that would be sent, written as `.eml` files.
pub struct FileOutbox {
    pub dir: PathBuf,
}

impl Outbox for FileOutbox {
    fn begin(&mut self, _envelope: &Envelope, _bytes: &[u8]) -> Result<(), SendError> {
        Ok(())
    }

    fn finish(&mut self, stem: &str, bytes: &[u8]) -> Result<String, SendError> {
        let path = self.dir.join(format!("{stem}.eml"));
        std::fs::write(&path, bytes).map_err(|e| {
            SendError::Fatal(tr!(
                "outbox-write-failed-because",
                file = path.display(),
                why = crate::text::os_words(&e)
            ))
        })?;
        Ok(tr!("outbox-written-to", file = path.display()))
    }

    fn abandon(&mut self) {}

    fn describe(&self) -> String {
        tr!("outbox-describe-folder", folder = self.dir.display())
    }
}

/// `NNNN-….eml`, by bytes: a name may start with any character (`Café.eml`).
fn looks_like_ours(name: &str) -> bool {
    let b = name.as_bytes();
    name.ends_with(".eml") && b.len() > 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
}

/// Writes `NNNN-slug.eml` files. The `.eml` files an earlier run left in a folder cartero made
/// (it holds `.cartero-preview`) are removed first, so the folder holds exactly this run's
/// messages; in any other folder nothing is deleted, and stale files are only reported.
/// Returns how many other `.eml` files it found and left, in a folder cartero did not make.
pub fn write_emls(out: &Path, messages: &[(String, Vec<u8>)]) -> Result<usize> {
    let marker = out.join(".cartero-preview");
    let ours = !out.exists() || marker.exists();
    std::fs::create_dir_all(out)
        .with_context(|| tr!("outbox-create-failed", folder = out.display()))?;
    if ours {
        std::fs::write(&marker, format!("{}\n", tr!("outbox-marker-note")))
            .with_context(|| tr!("outbox-write-failed", file = marker.display()))?;
    }
    let fresh: std::collections::HashSet<String> = messages
        .iter()
        .map(|(stem, _)| format!("{stem}.eml"))
        .collect();
    let old = std::fs::read_dir(out)
        .with_context(|| tr!("outbox-read-failed", folder = out.display()))?;
    let mut stale = 0;
    for entry in old.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let like_ours = looks_like_ours(&name);
        if like_ours && !fresh.contains(&name) {
            if ours {
                let _ = std::fs::remove_file(entry.path());
            } else {
                stale += 1;
            }
        }
    }
    // One thread: on the disks measured here, creating files from several threads was slower.
    for (stem, bytes) in messages {
        let path = out.join(format!("{stem}.eml"));
        std::fs::write(&path, bytes)
            .with_context(|| tr!("outbox-write-failed", file = path.display()))?;
    }
    Ok(stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_names_with_accents_do_not_panic() {
        assert!(looks_like_ours("0001-ana.eml"));
        for name in [
            "Café.eml",
            "é.eml",
            "ééé.eml",
            "0001é.eml",
            "000é-.eml",
            ".eml",
            "1.eml",
        ] {
            assert!(!looks_like_ours(name), "{name}");
        }
    }

    #[test]
    fn mail_parameters_ask_for_what_the_letter_needs() {
        let envelope = |to: &str| {
            Envelope::new(
                Some("yo@example.com".parse().unwrap()),
                vec![to.parse().unwrap()],
            )
            .unwrap()
        };
        let all = |_: Extension| true;
        let none = |_: Extension| false;
        let plain = envelope("pepi@example.com");
        assert!(mail_parameters(&plain, b"Hola", "s", none)
            .unwrap()
            .is_empty());
        let accented = mail_parameters(&plain, "Año".as_bytes(), "s", all).unwrap();
        assert_eq!(accented.len(), 1);
        assert!(matches!(
            mail_parameters(&plain, "Año".as_bytes(), "s", none),
            Err(SendError::Fatal(_))
        ));
        let wide = envelope("pepí@example.com");
        assert_eq!(mail_parameters(&wide, b"Hola", "s", all).unwrap().len(), 1);
        assert!(matches!(
            mail_parameters(&wide, b"Hola", "s", none),
            Err(SendError::Permanent(_))
        ));
    }
}

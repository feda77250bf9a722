//! The sender's own mailbox over IMAP: one session per run, to put each letter's exact bytes in
//! Sent, to look letters up there, and to read (never change) the headers of what came back.
//!
//! The `imap` crate (3.0, synchronous, like lettre's `SmtpConnection`) speaks the protocol over a
//! stream of ours: TCP, or rustls with the same ring provider lettre uses.

pub mod copies;

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use chrono::{DateTime, FixedOffset, NaiveDate};
use imap::types::Flag;
use imap_proto::NameAttribute;
use rustls::pki_types::ServerName;
use rustls::{ClientConnection, StreamOwned};

use crate::settings::{Auth, Imap, Security};
use crate::tls;

/// The byte stream under the IMAP session.
pub enum Stream {
    Plain(TcpStream),
    Tls(Box<StreamOwned<ClientConnection, TcpStream>>),
}

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Stream::Plain(_) => "plain",
            Stream::Tls(_) => "tls",
        })
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf),
            Stream::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(buf),
            Stream::Tls(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
        }
    }
}

/// The headers of one message in a folder, as far as cartero reads them.
#[derive(Debug, Clone, Default)]
pub struct Headers {
    pub uid: u32,
    pub message_id: Option<String>,
    /// In-Reply-To and References together, each `<id>` without its brackets' spaces.
    pub refers_to: Vec<String>,
    pub from: Vec<String>,
    pub to: Vec<String>,
    pub subject: String,
    pub date: Option<DateTime<FixedOffset>>,
    /// Written by a program, not a person: an out-of-office reply (RFC 3834 `Auto-Submitted`,
    /// `Precedence: auto_reply`, `X-Autoreply`).
    pub automatic: bool,
    /// When the server got it (INTERNALDATE).
    pub arrived: Option<DateTime<FixedOffset>>,
}

/// What the mailbox work of a run came to, for its summary.
#[derive(Default, Debug)]
pub struct Filing {
    pub appended: usize,
    /// Filed by the server itself.
    pub found: usize,
    /// Found there by a later run (a copy whose `filed` was lost with a crash).
    pub already: usize,
    pub failed: Vec<String>,
    /// The size in bytes of each copy refused for want of room (`[OVERQUOTA]`).
    pub no_room: Vec<u64>,
    /// Uncertain letters found in Sent: sent after all.
    pub resolved: Vec<String>,
    /// Uncertain letters not found there.
    pub unresolved: Vec<String>,
    pub folder: String,
    pub server_files: Option<bool>,
}

/// A logged-in IMAP session.
pub struct Mailbox {
    session: imap::Session<Stream>,
    pub name: String,
    selected: Option<String>,
    /// The server takes several messages in one APPEND (RFC 3502) without waiting between
    /// them (LITERAL+, RFC 7888): one round trip, one transaction for a batch of copies.
    multiappend: bool,
}

struct XOAuth2<'a> {
    user: &'a str,
    token: &'a str,
}

impl imap::Authenticator for XOAuth2<'_> {
    type Response = String;
    fn process(&self, _challenge: &[u8]) -> String {
        format!("user={}\x01auth=Bearer {}\x01\x01", self.user, self.token)
    }
}

impl Mailbox {
    /// Connects, secures and logs in; every failure in the user's words, naming `[imap]`.
    pub fn connect(imap: &Imap, secret: &str) -> Result<Mailbox> {
        let name = format!("{}:{}", imap.server.host, imap.server.port);
        let client = open(imap).with_context(|| {
            format!(
                "failed to reach the IMAP server `{name}` ({})",
                imap.server.security
            )
        })?;
        let session = match imap.server.auth {
            Auth::Password => client.login(&imap.username, secret).map_err(|(e, _)| e),
            Auth::Xoauth2 => client
                .authenticate(
                    "XOAUTH2",
                    &XOAuth2 {
                        user: &imap.username,
                        token: secret,
                    },
                )
                .map_err(|(e, _)| e),
        }
        .map_err(|e| refused_login(imap, &e))?;
        let mut session = session;
        let multiappend = session
            .capabilities()
            .map(|c| c.has_str("MULTIAPPEND") && c.has_str("LITERAL+"))
            .unwrap_or(false);
        Ok(Mailbox {
            session,
            name,
            selected: None,
            multiappend,
        })
    }

    /// The folder for sent letters: `sent-folder`, else the one the server marks `\Sent`
    /// (RFC 6154), else one with a usual name; an error listing the folders otherwise.
    pub fn sent_folder(&mut self, configured: Option<&str>) -> Result<String> {
        let names = self
            .session
            .list(Some(""), Some("*"))
            .map_err(|e| said(&e, "list your folders"))?;
        let folders: Vec<(String, bool)> = names
            .iter()
            .filter(|n| !n.attributes().contains(&NameAttribute::NoSelect))
            .map(|n| {
                let sent = n.attributes().contains(&NameAttribute::Sent);
                (n.name().to_string(), sent)
            })
            .collect();
        let all = || {
            folders
                .iter()
                .map(|(n, _)| format!("\"{}\"", folder_shown(n)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(wanted) = configured {
            return folders
                .iter()
                .find(|(n, _)| is_folder(n, wanted))
                .or_else(|| {
                    folders
                        .iter()
                        .find(|(n, _)| folder_shown(n).eq_ignore_ascii_case(wanted))
                })
                .map(|(n, _)| n.clone())
                .with_context(|| {
                    format!(
                        "there is no folder \"{wanted}\" (`sent-folder` under `[imap]`) in this mailbox; its folders are {}",
                        all()
                    )
                });
        }
        if let Some((n, _)) = folders.iter().find(|(_, sent)| *sent) {
            return Ok(n.clone());
        }
        const USUAL: &[&str] = &[
            "Sent",
            "INBOX.Sent",
            "INBOX/Sent",
            "Sent Items",
            "Sent Messages",
            "Sent Mail",
            "[Gmail]/Sent Mail",
            "Enviados",
            "INBOX.Enviados",
            "Elementos enviados",
        ];
        USUAL
            .iter()
            .find_map(|u| {
                folders
                    .iter()
                    .find(|(n, _)| folder_shown(n).eq_ignore_ascii_case(u))
            })
            .map(|(n, _)| n.clone())
            .with_context(|| {
                format!(
                    "no folder in this mailbox is marked as the one for sent mail; name it with `sent-folder = \"...\"` under `[imap]` (its folders are {})",
                    all()
                )
            })
    }

    /// Puts `bytes` in `folder`, marked as read. An `Err` after the bytes went may still have
    /// stored them: the caller looks before trying again.
    pub fn append(&mut self, folder: &str, bytes: &[u8]) -> Result<()> {
        // With LITERAL+ the server answers the whole command, in its own words: Dovecot refuses a
        // full folder before the message, which the `imap` crate then reports without them
        // (`[OVERQUOTA]`).
        if let (true, Ok(text)) = (self.multiappend, std::str::from_utf8(bytes)) {
            let command = format!(
                "APPEND {} (\\Seen) {{{}+}}\r\n{text}",
                quoted(folder),
                text.len()
            );
            self.session
                .run_command_and_read_response(command)
                .map_err(|e| said(&e, &format!("put the copy in \"{folder}\"")))?;
            return Ok(());
        }
        self.session
            .append(folder, bytes)
            .flag(Flag::Seen)
            .finish()
            .map_err(|e| said(&e, &format!("put the copy in \"{folder}\"")))?;
        Ok(())
    }

    /// Puts every message of `batch` in `folder`, marked as read: in one APPEND when the server
    /// allows it (all or none are stored, RFC 3502), else one by one. An `Err` after the bytes
    /// went may still have stored them: the caller looks before trying again. The error comes
    /// with how many of the batch were stored for sure before it.
    pub fn append_all(
        &mut self,
        folder: &str,
        batch: &[&[u8]],
    ) -> std::result::Result<(), (usize, anyhow::Error)> {
        let texts: Option<Vec<&str>> = batch.iter().map(|b| std::str::from_utf8(b).ok()).collect();
        match texts {
            Some(texts) if self.multiappend && batch.len() > 1 => {
                let mut command = format!("APPEND {}", quoted(folder));
                for t in texts {
                    command.push_str(&format!(" (\\Seen) {{{}+}}\r\n{t}", t.len()));
                }
                self.session
                    .run_command_and_read_response(command)
                    .map_err(|e| (0, said(&e, &format!("put the copies in \"{folder}\""))))?;
                Ok(())
            }
            _ => {
                for (done, b) in batch.iter().enumerate() {
                    self.append(folder, b).map_err(|e| (done, e))?;
                }
                Ok(())
            }
        }
    }

    /// The headers of every message in `folder` that arrived on `since` or after, read-only
    /// (EXAMINE and BODY.PEEK: no flag changes).
    pub fn headers_since(&mut self, folder: &str, since: NaiveDate) -> Result<Vec<Headers>> {
        if self.selected.as_deref() != Some(folder) {
            self.session
                .examine(folder)
                .map_err(|e| said(&e, &format!("open \"{folder}\"")))?;
            self.selected = Some(folder.to_string());
        } else {
            // New messages since the last look are announced by a NOOP.
            self.session
                .noop()
                .map_err(|e| said(&e, &format!("look in \"{folder}\" again")))?;
        }
        let uids: BTreeSet<u32> = self
            .session
            .uid_search(format!("SINCE {}", since.format("%-d-%b-%Y")))
            .map_err(|e| said(&e, &format!("search \"{folder}\"")))?
            .into_iter()
            .collect();
        let uids: Vec<u32> = uids.into_iter().collect();
        let mut out = Vec::with_capacity(uids.len());
        for chunk in uids.chunks(2000) {
            let fetches = self
                .session
                .uid_fetch(
                    uid_set(chunk),
                    "(UID INTERNALDATE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO REFERENCES FROM TO SUBJECT DATE AUTO-SUBMITTED PRECEDENCE X-AUTOREPLY X-AUTORESPOND)])",
                )
                .map_err(|e| said(&e, &format!("read \"{folder}\"")))?;
            for f in fetches.iter() {
                let (Some(uid), Some(header)) = (f.uid, f.header()) else {
                    continue;
                };
                let mut h = parse_headers(uid, header);
                h.arrived = f.internal_date();
                out.push(h);
            }
        }
        Ok(out)
    }

    /// Every folder that can hold messages.
    pub fn folders(&mut self) -> Result<Vec<String>> {
        let names = self
            .session
            .list(Some(""), Some("*"))
            .map_err(|e| said(&e, "list your folders"))?;
        Ok(names
            .iter()
            .filter(|n| !n.attributes().contains(&NameAttribute::NoSelect))
            .map(|n| n.name().to_string())
            .collect())
    }

    pub fn logout(mut self) {
        let _ = self.session.logout();
    }
}

/// A folder's name as IMAP writes it (modified UTF-7, RFC 3501 5.1.3: "Clientes A&APE-o"), as
/// a person reads it ("Clientes Año").
pub fn folder_shown(raw: &str) -> String {
    use base64::Engine;
    let mut out = String::new();
    let mut rest = raw;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('-') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let chunk = &after[..end];
        let bytes =
            base64::engine::general_purpose::STANDARD_NO_PAD.decode(chunk.replace(',', "/"));
        match bytes {
            _ if chunk.is_empty() => out.push('&'),
            Ok(b) if b.len() % 2 == 0 => {
                let units: Vec<u16> = b
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                out.push_str(&String::from_utf16_lossy(&units));
            }
            _ => {
                out.push('&');
                out.push_str(chunk);
                out.push('-');
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether a folder's name as IMAP writes it is the one the user wrote.
pub fn is_folder(raw: &str, written: &str) -> bool {
    raw == written || folder_shown(raw) == written
}

/// A Message-ID without its angle brackets, as mail-parser gives them.
pub fn bare_id(id: &str) -> &str {
    id.trim().trim_matches(|c| c == '<' || c == '>')
}

/// An IMAP quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `1:5,7,9:12` for sorted UIDs.
fn uid_set(uids: &[u32]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < uids.len() {
        let start = uids[i];
        let mut end = start;
        while i + 1 < uids.len() && uids[i + 1] == end + 1 {
            i += 1;
            end = uids[i];
        }
        if !out.is_empty() {
            out.push(',');
        }
        if start == end {
            out.push_str(&start.to_string());
        } else {
            out.push_str(&format!("{start}:{end}"));
        }
        i += 1;
    }
    out
}

/// The headers cartero reads, decoded (RFC 2047 words, folded lines) by mail-parser.
pub fn parse_headers(uid: u32, header: &[u8]) -> Headers {
    use mail_parser::{Address, HeaderValue, MessageParser};
    let Some(m) = MessageParser::default().parse_headers(header) else {
        return Headers {
            uid,
            ..Headers::default()
        };
    };
    let addresses = |a: Option<&Address>| -> Vec<String> {
        a.map(|a| {
            a.iter()
                .filter_map(|x| x.address())
                .map(|s| s.trim().to_lowercase())
                .collect()
        })
        .unwrap_or_default()
    };
    let ids = |v: &HeaderValue| -> Vec<String> {
        match v {
            HeaderValue::Text(t) => vec![t.to_string()],
            HeaderValue::TextList(l) => l.iter().map(|t| t.to_string()).collect(),
            _ => Vec::new(),
        }
    };
    let header = |name: &str| {
        m.header_raw(name)
            .map(|v| v.trim().to_ascii_lowercase())
            .unwrap_or_default()
    };
    let submitted = header("Auto-Submitted");
    // `Auto-Submitted: no` (a comment may follow) is a person's.
    let automatic = (!submitted.is_empty() && !submitted.starts_with("no"))
        || matches!(
            header("Precedence").as_str(),
            "auto_reply" | "bulk" | "junk"
        )
        || !header("X-Autoreply").is_empty()
        || !header("X-Autorespond").is_empty();
    let mut refers_to = ids(m.in_reply_to());
    refers_to.extend(ids(m.references()));
    Headers {
        uid,
        message_id: m.message_id().map(str::to_string),
        refers_to,
        from: addresses(m.from()),
        to: addresses(m.to()),
        subject: m.subject().unwrap_or_default().trim().to_string(),
        date: m
            .date()
            .and_then(|d| DateTime::parse_from_rfc3339(&d.to_rfc3339()).ok()),
        automatic,
        arrived: None,
    }
}

/// Connects and secures the connection as `security` says; no login yet.
fn open(imap: &Imap) -> Result<imap::Client<Stream>> {
    let addrs: Vec<_> = (imap.server.host.as_str(), imap.server.port)
        .to_socket_addrs()
        .map_err(|_| {
            anyhow::anyhow!(
                "the server's name `{}` was not found: check `host` under `[imap]` (and that this computer is online)",
                imap.server.host
            )
        })?
        .collect();
    let mut last = None;
    let mut tcp = None;
    for addr in &addrs {
        match TcpStream::connect_timeout(addr, imap.server.timeout) {
            Ok(s) => {
                tcp = Some(s);
                break;
            }
            Err(e) => last = Some(e),
        }
    }
    let Some(tcp) = tcp else {
        let e = last.map_or_else(|| "no address".to_string(), |e| e.to_string());
        bail!(
            "nothing answers at port {} of `{}` ({e}): check `port` under `[imap]` (993 is usual with `security = \"tls\"`, 143 with `\"starttls\"`)",
            imap.server.port,
            imap.server.host
        );
    };
    tcp.set_read_timeout(Some(imap.server.timeout))?;
    tcp.set_write_timeout(Some(imap.server.timeout))?;
    let _ = tcp.set_nodelay(true);
    let stream = match imap.server.security {
        Security::Tls => secure(imap, tcp)?,
        Security::Starttls => secure(imap, starttls(imap, tcp)?)?,
        Security::None => Stream::Plain(tcp),
    };
    let mut client = imap::Client::new(stream);
    if imap.server.security == Security::Starttls {
        // The greeting came before STARTTLS; none follows it.
        return Ok(client);
    }
    client.read_greeting().map_err(|e| match e {
        imap::Error::Io(ref io) if io.kind() == std::io::ErrorKind::InvalidData => {
            anyhow::anyhow!(tls_words(imap, io))
        }
        imap::Error::Io(ref io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ) =>
        {
            anyhow::anyhow!(
                "the server sent no greeting within {} seconds: is this port for IMAP? (993 with `security = \"tls\"`, 143 with `\"starttls\"`)",
                imap.server.timeout.as_secs()
            )
        }
        e => said(&e, "greet it"),
    })?;
    Ok(client)
}

/// The greeting and STARTTLS, read by hand on the bare connection (the `imap` crate does this
/// only with a TLS library of its own).
fn starttls(imap: &Imap, mut tcp: TcpStream) -> Result<TcpStream> {
    use std::io::BufRead;
    let waited = imap.server.timeout.min(std::time::Duration::from_secs(10));
    let timeout = || {
        anyhow::anyhow!(
            "the server sent nothing within {} seconds: is this port for IMAP, without TLS first? (143 with `security = \"starttls\"`, 993 with `\"tls\"`)",
            waited.as_secs()
        )
    };
    // A port that speaks TLS first says nothing: no need to wait the whole timeout for that.
    tcp.set_read_timeout(Some(waited))?;
    let mut reader = std::io::BufReader::new(tcp.try_clone()?);
    let mut line = String::new();
    let mut read_line = |line: &mut String| -> Result<()> {
        line.clear();
        match reader.read_line(line) {
            Ok(0) => bail!("the server closed the connection at once: is this port for IMAP?"),
            Ok(_) => Ok(()),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                Err(timeout())
            }
            Err(e) => bail!("the connection failed ({e})"),
        }
    };
    read_line(&mut line)?;
    if line.starts_with('\u{16}') || !line.starts_with('*') {
        bail!(
            "the server does not greet as IMAP does on port {} (with port 993 use `security = \"tls\"`)",
            imap.server.port
        );
    }
    if line.starts_with("* BYE") {
        bail!("the server said goodbye at once: {}", line.trim());
    }
    tcp.set_read_timeout(Some(imap.server.timeout))?;
    tcp.write_all(b"s0 STARTTLS\r\n")?;
    loop {
        read_line(&mut line)?;
        if line.starts_with("s0 OK") {
            break;
        }
        if line.starts_with("s0 ") {
            bail!("the server does not offer STARTTLS ({}), so your password would cross the network unencrypted; check `port` and `security` under `[imap]` (993 with `security = \"tls\"`)", line.trim());
        }
    }
    Ok(tcp)
}

/// The TLS handshake, done now so that a refused certificate is said as such.
fn secure(imap: &Imap, tcp: TcpStream) -> Result<Stream> {
    let (config, verdict) = tls::config(imap.server.ca_file.as_deref(), "[imap]")?;
    let name = ServerName::try_from(
        imap.server
            .host
            .trim_matches(|c| c == '[' || c == ']')
            .to_string(),
    )
    .with_context(|| format!("`{}` is not a host name", imap.server.host))?;
    let conn = ClientConnection::new(Arc::clone(&config), name).context("failed to start TLS")?;
    let mut stream = StreamOwned::new(conn, tcp);
    while stream.conn.is_handshaking() {
        if let Err(e) = stream.conn.complete_io(&mut stream.sock) {
            let words = verdict
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .words
                .take();
            match words {
                Some(w) => bail!("{w}"),
                None => bail!(tls_words(imap, &e)),
            }
        }
    }
    Ok(Stream::Tls(Box::new(stream)))
}

fn tls_words(imap: &Imap, e: &std::io::Error) -> String {
    let text = e.to_string();
    if text.contains("InvalidContentType") || text.contains("corrupt message") {
        format!(
            "the server does not speak TLS from the first byte on port {}: with port 143 use `security = \"starttls\"`; `security = \"tls\"` goes with port 993",
            imap.server.port
        )
    } else {
        format!("the secure connection failed ({text})")
    }
}

/// A refused login, in words: the username or the password, or the token.
fn refused_login(imap: &Imap, e: &imap::Error) -> anyhow::Error {
    match e {
        imap::Error::No(_) | imap::Error::Bad(_) => match imap.server.auth {
            Auth::Password => anyhow::anyhow!(
                "the IMAP server `{}` refused the username `{}` or its password ({}): check `username` under `[imap]` and the password (Gmail, iCloud, Fastmail and Zoho want an app password, not your usual one)",
                imap.server.host,
                imap.username,
                server_words(e)
            ),
            Auth::Xoauth2 => anyhow::anyhow!(
                "the IMAP server `{}` refused the access token for `{}` ({}): the token `password-command` printed may have expired, or lack the IMAP permission",
                imap.server.host,
                imap.username,
                server_words(e)
            ),
        },
        e => said(e, "log in"),
    }
}

/// The server's own words in an IMAP error, without the protocol's.
fn server_words(e: &imap::Error) -> String {
    match e {
        imap::Error::No(no) => no.information.clone(),
        imap::Error::Bad(bad) => bad.information.clone(),
        imap::Error::Bye(bye) => bye.information.clone(),
        e => e.to_string(),
    }
}

/// What went wrong with an IMAP command, as far as what to do next is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The connection was lost, or the server did not answer in time: nothing more goes
    /// through this session.
    Lost,
    /// The server said the mailbox has no room (`[OVERQUOTA]`, RFC 5530).
    Full,
    /// Any other refusal or unreadable answer.
    Refused,
}

/// An IMAP error in words, with what it means for the caller.
#[derive(Debug, thiserror::Error)]
#[error("{words}")]
pub struct ImapError {
    pub failure: Failure,
    words: String,
}

/// What an error from this module means; `Refused` for any other error.
pub fn failure_of(e: &anyhow::Error) -> Failure {
    e.downcast_ref::<ImapError>()
        .map_or(Failure::Refused, |i| i.failure)
}

/// An IMAP error while trying `to`, in words.
pub fn said(e: &imap::Error, to: &str) -> anyhow::Error {
    let (failure, words) = match e {
        imap::Error::Io(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ) =>
        {
            (
                Failure::Lost,
                format!("the IMAP server did not answer in time when cartero tried to {to}"),
            )
        }
        imap::Error::Io(_) | imap::Error::ConnectionLost => (
            Failure::Lost,
            format!("the connection to the IMAP server was lost when cartero tried to {to}"),
        ),
        imap::Error::Append => (
            Failure::Refused,
            format!("the IMAP server refused when cartero tried to {to} (a full mailbox, or a folder it does not allow)"),
        ),
        imap::Error::No(_) | imap::Error::Bad(_) | imap::Error::Bye(_) => (
            if over_quota(e) {
                Failure::Full
            } else {
                Failure::Refused
            },
            format!(
                "the IMAP server refused when cartero tried to {to}: {}",
                server_words(e)
            ),
        ),
        e => (
            Failure::Refused,
            format!("the IMAP server's answer could not be read when cartero tried to {to} ({e})"),
        ),
    };
    ImapError { failure, words }.into()
}

/// The server's refusal says the mailbox is full: RFC 5530's `[OVERQUOTA]`, which the IMAP
/// library does not parse as a code of its own, so it is in the server's words.
fn over_quota(e: &imap::Error) -> bool {
    server_words(e).to_ascii_uppercase().contains("OVERQUOTA")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_shown_as_people_write_them() {
        assert_eq!(folder_shown("Clientes A&APE-o"), "Clientes Año");
        assert_eq!(
            folder_shown("[Gmail]/Messages envoy&AOk-s"),
            "[Gmail]/Messages envoyés"
        );
        assert_eq!(folder_shown("Tom &- Jerry"), "Tom & Jerry");
        assert_eq!(folder_shown("&ZeVnLIqe-"), "日本語");
        assert_eq!(folder_shown("Sent"), "Sent");
        assert_eq!(folder_shown("broken &AOk"), "broken &AOk");
        assert!(is_folder("Clientes A&APE-o", "Clientes Año"));
    }

    #[test]
    fn uid_sets_are_ranges() {
        assert_eq!(uid_set(&[1, 2, 3, 5, 7, 8]), "1:3,5,7:8");
        assert_eq!(uid_set(&[4]), "4");
        assert_eq!(uid_set(&[]), "");
    }

    #[test]
    fn headers_are_decoded() {
        let h = parse_headers(
            7,
            b"Message-ID: <a@x>\r\nIn-Reply-To: <b@y>\r\nReferences: <c@z> <b@y>\r\nFrom: =?utf-8?q?Pepi_R=C3=BAiz?= <Pepi@Example.com>\r\nSubject: =?utf-8?b?RmVsaXogYcOxbw==?=\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n\r\n",
        );
        assert_eq!(h.message_id.as_deref(), Some("a@x"));
        assert_eq!(h.refers_to, ["b@y", "c@z", "b@y"]);
        assert_eq!(h.from, ["pepi@example.com"]);
        assert_eq!(h.subject, "Feliz año");
        assert!(h.date.is_some());
    }
}

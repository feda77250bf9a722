//! A small IMAP4rev1 server on 127.0.0.1, in the test process (RFC 3501 with LITERAL+,
//! SPECIAL-USE, UIDPLUS, UNSELECT, ID and SASL-IR), so that the tests of cartero's IMAP side need
//! nothing but Rust. One thread accepts, one thread per connection serves; the folders and their
//! messages are shared, so a test can put letters in (`deliver`) and look at what a client
//! stored (`messages`) or asked (`commands`).
//!
//! It is simple on purpose: message sequence numbers are positions in the folder at the time of
//! each command (no per-session snapshot), `\Recent` is never set, BODYSTRUCTURE is not offered,
//! and numbered body parts other than `1` come back as NIL. Everything else a sending client and
//! a reading client ask is answered as a real server would, and garbage gets a BAD, never a panic.

#![allow(dead_code)]

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::support::REPO;

/// How the server protects the connection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ImapTls {
    /// Plain text throughout.
    #[default]
    None,
    /// Plain text until STARTTLS; LOGIN and AUTHENTICATE are refused before it.
    Starttls,
    /// TLS from the first byte (port-993 style).
    Implicit,
}

/// A way for the server to misbehave. APPEND commands are counted across all connections, from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImapFault {
    /// The nth APPEND: read the message and store it, then close without the tagged OK.
    DropAfterAppendLiteral { nth: usize },
    /// Every APPEND: read the message, store nothing, answer `NO [OVERQUOTA] Mailbox is full`.
    RefuseAppend,
    /// The nth APPEND: close the connection upon its command line; nothing is read or stored.
    DropBeforeAppend { nth: usize },
    /// Send this line instead of the greeting; unless it starts with `* OK`, then close.
    Greeting(String),
}

#[derive(Clone, Debug)]
pub struct ImapOptions {
    /// LOGIN and AUTHENTICATE PLAIN check these.
    pub user: String,
    pub password: String,
    /// With Some, AUTHENTICATE XOAUTH2 is offered and accepts `user` with this bearer token.
    pub token: Option<String>,
    pub tls: ImapTls,
    /// The folder LIST marks `\Sent`; None: no folder is marked (and none called "Sent" exists
    /// unless it is in `folders`).
    pub sent_folder: Option<String>,
    /// Other folders; INBOX always exists. A name with "/" implies its parents (\Noselect).
    pub folders: Vec<String>,
    pub fault: Option<ImapFault>,
    /// Show `tests/fixtures/selfsigned.pem`, a certificate that signed itself (CA:TRUE), instead
    /// of the test CA's.
    pub self_signed: bool,
    /// Offer MULTIAPPEND (RFC 3502): several messages in one APPEND, all stored or none.
    pub multiappend: bool,
}

impl ImapOptions {
    /// No TLS, no token, "Sent" marked `\Sent`, no other folder, no fault.
    pub fn new(user: &str, password: &str) -> ImapOptions {
        ImapOptions {
            user: user.into(),
            password: password.into(),
            token: None,
            tls: ImapTls::None,
            sent_folder: Some("Sent".into()),
            folders: Vec::new(),
            fault: None,
            self_signed: false,
            multiappend: false,
        }
    }
}

/// A message as the server holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub uid: u32,
    /// Such as `\Seen`.
    pub flags: Vec<String>,
    pub bytes: Vec<u8>,
    /// As IMAP shows it: `22-Nov-2026 10:30:00 +0100`.
    pub internal_date: String,
}

#[derive(Clone)]
pub struct ImapServer {
    pub port: u16,
    shared: Arc<Shared>,
}

struct Shared {
    options: ImapOptions,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    folders: Vec<Folder>,
    commands: Vec<String>,
    sessions: usize,
    appends: usize,
    /// Folders that hold at most so many messages (`set_room`).
    room: Vec<(String, usize)>,
}

struct Folder {
    name: String,
    uid_validity: u32,
    uid_next: u32,
    messages: Vec<Message>,
}

#[derive(Clone)]
struct Message {
    uid: u32,
    flags: Vec<String>,
    bytes: Vec<u8>,
    date: DateTime<FixedOffset>,
}

const INTERNALDATE: &str = "%d-%b-%Y %H:%M:%S %z";
const MAX_LINE: u64 = 1 << 20;
const MAX_LITERAL: usize = 64 << 20;
const MAX_DEPTH: usize = 32;
/// `{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}`, as Gmail says it.
const XOAUTH2_ERROR: &str =
    r#"{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}"#;

impl State {
    fn folder(&self, name: &str) -> Option<&Folder> {
        self.folders.iter().find(|f| same_folder(&f.name, name))
    }

    fn folder_mut(&mut self, name: &str) -> Option<&mut Folder> {
        self.folders.iter_mut().find(|f| same_folder(&f.name, name))
    }
}

impl Folder {
    fn new(name: &str, index: usize) -> Folder {
        Folder {
            name: name.to_string(),
            uid_validity: 1_700_000_001 + index as u32,
            uid_next: 1,
            messages: Vec::new(),
        }
    }

    fn add(&mut self, bytes: Vec<u8>, flags: Vec<String>, date: DateTime<FixedOffset>) -> u32 {
        let uid = self.uid_next;
        self.uid_next += 1;
        self.messages.push(Message {
            uid,
            flags,
            bytes,
            date,
        });
        uid
    }

    fn max_uid(&self) -> u32 {
        self.messages.last().map_or(0, |m| m.uid)
    }
}

fn same_folder(a: &str, b: &str) -> bool {
    a == b || (a.eq_ignore_ascii_case("INBOX") && b.eq_ignore_ascii_case("INBOX"))
}

fn lock(shared: &Shared) -> MutexGuard<'_, State> {
    shared.state.lock().unwrap_or_else(|e| e.into_inner())
}

fn tls_config(self_signed: bool) -> Arc<rustls::ServerConfig> {
    static CONFIG: OnceLock<Arc<rustls::ServerConfig>> = OnceLock::new();
    static SELF_SIGNED: OnceLock<Arc<rustls::ServerConfig>> = OnceLock::new();
    let (cell, cert, key) = match self_signed {
        false => (&CONFIG, "cert.pem", "key.pem"),
        true => (&SELF_SIGNED, "selfsigned.pem", "selfsigned-key.pem"),
    };
    cell.get_or_init(|| crate::support::server_tls(cert, key))
        .clone()
}

impl ImapServer {
    /// Another handle on the same server, for a thread of the test.
    pub fn handle(&self) -> ImapServer {
        self.clone()
    }

    /// A server on 127.0.0.1 on a free port.
    pub fn start(options: ImapOptions) -> ImapServer {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut names = vec!["INBOX".to_string()];
        names.extend(options.sent_folder.iter().cloned());
        names.extend(options.folders.iter().cloned());
        let mut state = State::default();
        for name in names {
            if state.folder(&name).is_none() {
                let index = state.folders.len();
                state.folders.push(Folder::new(&name, index));
            }
        }
        let shared = Arc::new(Shared {
            options,
            state: Mutex::new(state),
        });
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let accepting = Arc::clone(&shared);
        std::thread::spawn(move || {
            for tcp in listener.incoming() {
                let Ok(tcp) = tcp else { continue };
                let shared = Arc::clone(&accepting);
                std::thread::spawn(move || serve(shared, tcp));
            }
        });
        ImapServer { port, shared }
    }

    /// No TLS, "Sent" marked `\Sent`.
    pub fn plain(user: &str, password: &str) -> ImapServer {
        ImapServer::start(ImapOptions::new(user, password))
    }

    /// Puts a message in `folder` (which must exist) and returns its UID. Its INTERNALDATE is
    /// its Date header, or now.
    pub fn deliver(&self, folder: &str, bytes: &[u8], flags: &[&str]) -> u32 {
        let date = header_values(bytes, "Date")
            .first()
            .and_then(|d| DateTime::parse_from_rfc2822(d).ok())
            .unwrap_or_else(now);
        self.deliver_at(folder, bytes, flags, &date.to_rfc3339())
    }

    /// As `deliver`, arrived at `arrived` (RFC 3339: its INTERNALDATE), whatever its Date says.
    pub fn deliver_at(&self, folder: &str, bytes: &[u8], flags: &[&str], arrived: &str) -> u32 {
        let date = DateTime::parse_from_rfc3339(arrived).expect("an RFC 3339 time");
        let mut state = lock(&self.shared);
        let Some(f) = state.folder_mut(folder) else {
            panic!("the IMAP server has no folder {folder:?}: list it in ImapOptions::folders")
        };
        f.add(
            bytes.to_vec(),
            flags.iter().map(|f| f.to_string()).collect(),
            date,
        )
    }

    /// `folder` holds at most `messages` (None: no limit): an APPEND past it stores nothing and
    /// is refused `NO [OVERQUOTA]`, as Dovecot's quota plugin refuses it.
    pub fn set_room(&self, folder: &str, messages: Option<usize>) {
        let mut state = lock(&self.shared);
        state.room.retain(|(f, _)| !same_folder(f, folder));
        if let Some(n) = messages {
            state.room.push((folder.to_string(), n));
        }
    }

    /// The messages in `folder`, in order (none if there is no such folder).
    pub fn messages(&self, folder: &str) -> Vec<Stored> {
        let state = lock(&self.shared);
        state.folder(folder).map_or_else(Vec::new, |f| {
            f.messages
                .iter()
                .map(|m| Stored {
                    uid: m.uid,
                    flags: m.flags.clone(),
                    bytes: m.bytes.clone(),
                    internal_date: m.date.format(INTERNALDATE).to_string(),
                })
                .collect()
        })
    }

    /// Every command received, in order, without its tag, a literal shown as `{N}`:
    /// `APPEND "Sent" (\Seen) {1234}`, `UID FETCH 1:* (UID FLAGS)`.
    pub fn commands(&self) -> Vec<String> {
        lock(&self.shared).commands.clone()
    }

    /// How many connections got past the greeting.
    pub fn sessions(&self) -> usize {
        lock(&self.shared).sessions
    }

    /// The `[imap]` table for cartero to reach this server as `user`.
    pub fn config(&self) -> String {
        let o = &self.shared.options;
        let user = o.user.replace('\\', "\\\\").replace('"', "\\\"");
        let (host, security) = match o.tls {
            ImapTls::None => ("127.0.0.1", "none"),
            ImapTls::Starttls => ("localhost", "starttls"),
            ImapTls::Implicit => ("localhost", "tls"),
        };
        let ca = match o.tls {
            ImapTls::None => String::new(),
            _ => format!("ca-file = \"{REPO}/tests/fixtures/ca.pem\"\n"),
        };
        format!(
            "\n[imap]\nhost = \"{host}\"\nport = {}\nsecurity = \"{security}\"\n{ca}username = \"{user}\"\n",
            self.port
        )
    }
}

fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

// ------------------------------------------------------------------------------ the connection

enum Stream {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ServerConnection, TcpStream>>),
    Gone,
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf),
            Stream::Tls(s) => s.read(buf),
            Stream::Gone => Ok(0),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(buf),
            Stream::Tls(s) => s.write(buf),
            Stream::Gone => Err(io::ErrorKind::NotConnected.into()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
            Stream::Gone => Ok(()),
        }
    }
}

fn tls_stream(tcp: TcpStream, self_signed: bool) -> io::Result<Stream> {
    let conn = rustls::ServerConnection::new(tls_config(self_signed)).map_err(io::Error::other)?;
    Ok(Stream::Tls(Box::new(rustls::StreamOwned::new(conn, tcp))))
}

fn serve(shared: Arc<Shared>, tcp: TcpStream) {
    let _ = tcp.set_nodelay(true);
    let tls = shared.options.tls == ImapTls::Implicit;
    let stream = if tls {
        match tls_stream(tcp, shared.options.self_signed) {
            Ok(s) => s,
            Err(_) => return,
        }
    } else {
        Stream::Plain(tcp)
    };
    let mut session = Session {
        shared,
        reader: BufReader::new(stream),
        tls,
        authed: false,
        selected: None,
        append_no: 0,
    };
    let _ = session.run();
}

struct Session {
    shared: Arc<Shared>,
    reader: BufReader<Stream>,
    tls: bool,
    authed: bool,
    selected: Option<Selected>,
    /// The global number of the APPEND being read, from 1.
    append_no: usize,
}

struct Selected {
    folder: String,
    read_only: bool,
    exists: usize,
}

/// A parsed argument.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Value {
    Atom(String),
    /// A quoted string or a literal.
    Str(Vec<u8>),
    List(Vec<Value>),
}

#[derive(Debug)]
enum Token {
    Atom(String),
    Str(Vec<u8>),
    Open,
    Close,
}

struct Command {
    tag: String,
    name: String,
    args: Vec<Value>,
}

enum Incoming {
    Command(Command),
    /// Answer this (a whole line) and go on.
    Bad(String),
    Close,
}

enum Flow {
    Go,
    Close,
}

/// What a command answers: untagged lines, then the tagged status.
type Reply = Result<String, String>;

impl Session {
    fn options(&self) -> &ImapOptions {
        &self.shared.options
    }

    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        let w = self.reader.get_mut();
        w.write_all(bytes)?;
        w.flush()
    }

    fn run(&mut self) -> io::Result<()> {
        let greeting = match &self.options().fault {
            Some(ImapFault::Greeting(line)) => line.clone(),
            _ => format!(
                "* OK [CAPABILITY {}] cartero test IMAP ready",
                self.capabilities()
            ),
        };
        self.send(format!("{greeting}\r\n").as_bytes())?;
        if !greeting.to_ascii_uppercase().starts_with("* OK") {
            self.close_tls();
            return Ok(());
        }
        lock(&self.shared).sessions += 1;
        loop {
            let command = match self.read_command()? {
                Incoming::Command(c) => c,
                Incoming::Bad(line) => {
                    self.send(line.as_bytes())?;
                    continue;
                }
                Incoming::Close => return Ok(()),
            };
            if let Flow::Close = self.execute(command)? {
                return Ok(());
            }
        }
    }

    /// Ends TLS cleanly (close_notify), so that a client reads the end of the stream rather
    /// than a truncation error. The faults that drop the connection do not do this.
    fn close_tls(&mut self) {
        if let Stream::Tls(s) = self.reader.get_mut() {
            s.conn.send_close_notify();
            let _ = s.flush();
        }
    }

    fn capabilities(&self) -> String {
        let mut caps = String::from("IMAP4rev1 LITERAL+ SPECIAL-USE UIDPLUS UNSELECT ID SASL-IR");
        if self.options().multiappend {
            caps.push_str(" MULTIAPPEND");
        }
        if self.options().tls == ImapTls::Starttls && !self.tls {
            caps.push_str(" STARTTLS LOGINDISABLED");
        }
        caps.push_str(" AUTH=PLAIN");
        if self.options().token.is_some() {
            caps.push_str(" AUTH=XOAUTH2");
        }
        caps
    }

    /// A line without its line end; None at the end of the stream or past `MAX_LINE`.
    fn read_line(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        let n = (&mut self.reader)
            .take(MAX_LINE)
            .read_until(b'\n', &mut line)?;
        if n == 0 || !line.ends_with(b"\n") {
            return Ok(None);
        }
        line.pop();
        if line.ends_with(b"\r") {
            line.pop();
        }
        Ok(Some(line))
    }

    /// Reads a whole command, literals included (answering `+` to synchronizing ones), and
    /// records it.
    /// The folder of `APPEND folder ...` holds all `set_room` allows.
    fn no_room(&self, append: &str) -> bool {
        let folder = append
            .split_whitespace()
            .nth(1)
            .unwrap_or("")
            .trim_matches('"');
        let state = lock(&self.shared);
        let room = state
            .room
            .iter()
            .find(|(f, _)| same_folder(f, folder))
            .map(|(_, n)| *n);
        room.is_some_and(|n| state.folder(folder).is_some_and(|f| f.messages.len() >= n))
    }

    fn read_command(&mut self) -> io::Result<Incoming> {
        let Some(first) = self.read_line()? else {
            return Ok(Incoming::Close);
        };
        let text = String::from_utf8_lossy(&first).into_owned();
        let (tag, rest) = text.split_once(' ').unwrap_or((&text, ""));
        let tag = tag.to_string();
        if !tag_ok(&tag) {
            return Ok(Incoming::Bad("* BAD Invalid tag\r\n".into()));
        }
        let name = rest
            .split([' ', '('])
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let mut raw = String::new();
        if name == "APPEND" {
            let n = {
                let mut state = lock(&self.shared);
                state.appends += 1;
                state.appends
            };
            self.append_no = n;
            if matches!(self.options().fault, Some(ImapFault::DropBeforeAppend { nth }) if nth == n)
            {
                lock(&self.shared).commands.push(literal_shown(rest));
                return Ok(Incoming::Close);
            }
        }
        let mut tokens = Vec::new();
        let mut segment = first[tag.len().min(first.len())..].to_vec();
        let mut error = None;
        loop {
            let literal = match lex(&segment, &mut tokens) {
                Ok(literal) => literal,
                Err(e) => {
                    error.get_or_insert(e);
                    None
                }
            };
            raw.push_str(&literal_shown(&String::from_utf8_lossy(&segment)));
            let Some((n, sync)) = literal else { break };
            if n > MAX_LITERAL {
                lock(&self.shared)
                    .commands
                    .push(raw.trim_start().to_string());
                if sync {
                    return Ok(Incoming::Bad(format!("{tag} BAD Literal too large\r\n")));
                }
                self.send(
                    format!("* BYE Literal too large\r\n{tag} BAD Literal too large\r\n")
                        .as_bytes(),
                )?;
                return Ok(Incoming::Close);
            }
            if sync && name == "APPEND" && self.no_room(rest) {
                // As Dovecot: a full folder is said before the message is sent.
                lock(&self.shared)
                    .commands
                    .push(raw.trim_start().to_string());
                return Ok(Incoming::Bad(format!(
                    "{tag} NO [OVERQUOTA] Quota exceeded (mailbox for user is full)\r\n"
                )));
            }
            if sync {
                self.send(b"+ go ahead\r\n")?;
            }
            let mut bytes = vec![0; n];
            if self.reader.read_exact(&mut bytes).is_err() {
                return Ok(Incoming::Close);
            }
            tokens.push(Token::Str(bytes));
            let Some(next) = self.read_line()? else {
                return Ok(Incoming::Close);
            };
            segment = next;
        }
        lock(&self.shared)
            .commands
            .push(raw.trim_start().to_string());
        if let Some(e) = error {
            return Ok(Incoming::Bad(format!("{tag} BAD {e}\r\n")));
        }
        let mut values = match tree(&tokens) {
            Ok(v) => v,
            Err(e) => return Ok(Incoming::Bad(format!("{tag} BAD {e}\r\n"))),
        };
        let name = match values.first() {
            Some(Value::Atom(a)) => a.to_ascii_uppercase(),
            _ => return Ok(Incoming::Bad(format!("{tag} BAD Missing command\r\n"))),
        };
        values.remove(0);
        Ok(Incoming::Command(Command {
            tag,
            name,
            args: values,
        }))
    }

    fn execute(&mut self, c: Command) -> io::Result<Flow> {
        let tag = c.tag.clone();
        let mut out = Vec::new();
        let result = match c.name.as_str() {
            "CAPABILITY" => {
                out.extend(format!("* CAPABILITY {}\r\n", self.capabilities()).as_bytes());
                Ok("OK CAPABILITY completed".to_string())
            }
            "NOOP" | "CHECK" => {
                self.report_exists(&mut out);
                Ok(format!("OK {} completed", c.name))
            }
            "LOGOUT" => {
                self.send(
                    format!("* BYE Logging out\r\n{tag} OK LOGOUT completed\r\n").as_bytes(),
                )?;
                self.close_tls();
                return Ok(Flow::Close);
            }
            "ID" => {
                out.extend(b"* ID (\"name\" \"cartero-test-imap\" \"version\" \"1\")\r\n");
                Ok("OK ID completed".to_string())
            }
            "STARTTLS" => return self.starttls(&tag),
            "LOGIN" => self.login(&c.args),
            "AUTHENTICATE" => return self.authenticate(&tag, &c.args),
            _ if !self.authed => Err(format!("BAD {} needs you to log in first", c.name)),
            "LIST" | "LSUB" => self.list(&c.name, &c.args, &mut out),
            "SELECT" | "EXAMINE" => self.select(c.name == "EXAMINE", &c.args, &mut out),
            "STATUS" => self.status(&c.args, &mut out),
            "CREATE" => self.create(&c.args),
            "DELETE" => self.delete(&c.args),
            "SUBSCRIBE" | "UNSUBSCRIBE" => Ok(format!("OK {} completed", c.name)),
            "APPEND" => match self.append(&c.args, &mut out) {
                Ok(None) => return Ok(Flow::Close),
                Ok(Some(ok)) => Ok(ok),
                Err(e) => Err(e),
            },
            _ if self.selected.is_none() => Err(format!("BAD {}: no mailbox selected", c.name)),
            "CLOSE" | "UNSELECT" => {
                let s = self.selected.take();
                if let Some(s) = s.filter(|s| c.name == "CLOSE" && !s.read_only) {
                    let mut state = lock(&self.shared);
                    if let Some(f) = state.folder_mut(&s.folder) {
                        f.messages.retain(|m| !has_flag(&m.flags, "\\Deleted"));
                    }
                }
                Ok(format!("OK {} completed", c.name))
            }
            "EXPUNGE" => self.expunge(None, &mut out),
            "SEARCH" => self.search(false, &c.args, &mut out),
            "FETCH" => self.fetch(false, &c.args, &mut out),
            "STORE" => self.store(false, &c.args, &mut out),
            "COPY" => self.copy(false, &c.args),
            "UID" => {
                let sub = match c.args.first() {
                    Some(Value::Atom(a)) => a.to_ascii_uppercase(),
                    _ => String::new(),
                };
                let args = c.args.get(1..).unwrap_or(&[]);
                match sub.as_str() {
                    "SEARCH" => self.search(true, args, &mut out),
                    "FETCH" => self.fetch(true, args, &mut out),
                    "STORE" => self.store(true, args, &mut out),
                    "COPY" => self.copy(true, args),
                    "EXPUNGE" => match args.first().and_then(atom).map(|s| SeqSet::parse(&s)) {
                        Some(Some(set)) => self.expunge(Some(set), &mut out),
                        _ => Err("BAD UID EXPUNGE needs a UID set".to_string()),
                    },
                    _ => Err("BAD Unknown UID command".to_string()),
                }
            }
            _ => Err(format!("BAD Unknown command {}", c.name)),
        };
        let status = result.unwrap_or_else(|e| e);
        out.extend(format!("{tag} {status}\r\n").as_bytes());
        self.send(&out)?;
        Ok(Flow::Go)
    }

    fn report_exists(&mut self, out: &mut Vec<u8>) {
        let Some(s) = &self.selected else { return };
        let n = lock(&self.shared)
            .folder(&s.folder)
            .map_or(0, |f| f.messages.len());
        if n != s.exists {
            out.extend(format!("* {n} EXISTS\r\n").as_bytes());
            if let Some(s) = &mut self.selected {
                s.exists = n;
            }
        }
    }

    fn starttls(&mut self, tag: &str) -> io::Result<Flow> {
        if self.options().tls != ImapTls::Starttls || self.tls {
            self.send(format!("{tag} BAD STARTTLS is not available\r\n").as_bytes())?;
            return Ok(Flow::Go);
        }
        self.send(format!("{tag} OK Begin TLS negotiation now\r\n").as_bytes())?;
        if !self.reader.buffer().is_empty() {
            // Bytes sent before the handshake would be a command injection: hang up.
            return Ok(Flow::Close);
        }
        let Stream::Plain(tcp) = std::mem::replace(self.reader.get_mut(), Stream::Gone) else {
            return Ok(Flow::Close);
        };
        *self.reader.get_mut() = tls_stream(tcp, self.shared.options.self_signed)?;
        self.tls = true;
        Ok(Flow::Go)
    }

    fn cleartext_refused(&self) -> bool {
        self.options().tls == ImapTls::Starttls && !self.tls
    }

    fn login(&mut self, args: &[Value]) -> Reply {
        if self.authed {
            return Err("BAD Already logged in".into());
        }
        if self.cleartext_refused() {
            return Err("NO [PRIVACYREQUIRED] LOGIN is disabled until STARTTLS".into());
        }
        let [user, password] = args else {
            return Err("BAD LOGIN needs a user name and a password".into());
        };
        let (Some(user), Some(password)) = (astring(user), astring(password)) else {
            return Err("BAD LOGIN needs a user name and a password".into());
        };
        if user == self.options().user && password == self.options().password {
            self.authed = true;
            Ok(format!(
                "OK [CAPABILITY {}] LOGIN completed",
                self.capabilities()
            ))
        } else {
            Err("NO [AUTHENTICATIONFAILED] Invalid credentials".into())
        }
    }

    fn authenticate(&mut self, tag: &str, args: &[Value]) -> io::Result<Flow> {
        let answer = |s: &mut Session, text: &str| -> io::Result<Flow> {
            s.send(format!("{tag} {text}\r\n").as_bytes())?;
            Ok(Flow::Go)
        };
        if self.authed {
            return answer(self, "BAD Already logged in");
        }
        let mechanism = args.first().and_then(atom).unwrap_or_default();
        let mechanism = mechanism.to_ascii_uppercase();
        let xoauth2 = mechanism == "XOAUTH2" && self.options().token.is_some();
        if mechanism != "PLAIN" && !xoauth2 {
            return answer(self, "NO [CANNOT] Unsupported authentication mechanism");
        }
        if self.cleartext_refused() {
            return answer(
                self,
                "NO [PRIVACYREQUIRED] Authentication is disabled until STARTTLS",
            );
        }
        let response = match args.get(1) {
            Some(v) if args.len() == 2 => astring(v).unwrap_or_default(),
            None => {
                self.send(b"+ \r\n")?;
                let Some(line) = self.read_line()? else {
                    return Ok(Flow::Close);
                };
                String::from_utf8_lossy(&line).into_owned()
            }
            _ => return answer(self, "BAD Too many arguments"),
        };
        let response = response.trim();
        if response == "*" {
            return answer(self, "BAD Authentication cancelled");
        }
        let decoded = if response == "=" {
            Some(Vec::new())
        } else {
            base64_decode(response)
        };
        let Some(decoded) = decoded else {
            return answer(self, "BAD Invalid base64 in the response");
        };
        let o = self.options();
        let ok = if xoauth2 {
            let text = String::from_utf8_lossy(&decoded);
            let mut user = None;
            let mut bearer = None;
            for part in text.split('\x01') {
                if let Some(u) = part.strip_prefix("user=") {
                    user = Some(u.to_string());
                } else if let Some(a) = part.strip_prefix("auth=") {
                    if a.get(..7)
                        .is_some_and(|b| b.eq_ignore_ascii_case("bearer "))
                    {
                        bearer = Some(a[7..].to_string());
                    }
                }
            }
            user.as_deref() == Some(o.user.as_str())
                && bearer.is_some()
                && bearer.as_deref() == o.token.as_deref()
        } else {
            let parts: Vec<&[u8]> = decoded.split(|&b| b == 0).collect();
            parts.len() == 3 && parts[1] == o.user.as_bytes() && parts[2] == o.password.as_bytes()
        };
        if ok {
            self.authed = true;
            let caps = self.capabilities();
            return answer(
                self,
                &format!("OK [CAPABILITY {caps}] AUTHENTICATE completed"),
            );
        }
        if xoauth2 {
            self.send(format!("+ {}\r\n", base64_encode(XOAUTH2_ERROR.as_bytes())).as_bytes())?;
            if self.read_line()?.is_none() {
                return Ok(Flow::Close);
            }
            return answer(
                self,
                "NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)",
            );
        }
        answer(self, "NO [AUTHENTICATIONFAILED] Invalid credentials")
    }

    fn list(&mut self, verb: &str, args: &[Value], out: &mut Vec<u8>) -> Reply {
        let mut args = args;
        let mut special_only = false;
        if let Some(Value::List(selection)) = args.first() {
            special_only = selection.iter().any(|v| is_atom(v, "SPECIAL-USE"));
            args = &args[1..];
        }
        let (Some(reference), Some(patterns)) = (args.first().and_then(astring), args.get(1))
        else {
            return Err(format!("BAD {verb} needs a reference and a pattern"));
        };
        let patterns: Vec<String> = match patterns {
            Value::List(l) => l.iter().filter_map(astring).collect(),
            v => astring(v).into_iter().collect(),
        };
        match args.get(2..) {
            Some([]) => {}
            Some([r, Value::List(_)]) if is_atom(r, "RETURN") => {}
            _ => return Err(format!("BAD Unexpected {verb} arguments")),
        }
        if patterns.len() == 1 && patterns[0].is_empty() {
            out.extend(format!("* {verb} (\\Noselect) \"/\" \"\"\r\n").as_bytes());
            return Ok(format!("OK {verb} completed"));
        }
        let names: Vec<String> = lock(&self.shared)
            .folders
            .iter()
            .map(|f| f.name.clone())
            .collect();
        let mut all: Vec<(String, bool)> = names.iter().map(|n| (n.clone(), true)).collect();
        for n in &names {
            let mut at = 0;
            while let Some(p) = n[at..].find('/') {
                let parent = &n[..at + p];
                if !all.iter().any(|(m, _)| m == parent) {
                    all.push((parent.to_string(), false));
                }
                at += p + 1;
            }
        }
        let sent = self.options().sent_folder.clone();
        for (name, selectable) in &all {
            let pattern_hit = patterns
                .iter()
                .any(|p| wildcard(&format!("{reference}{p}"), name));
            let is_sent = sent.as_deref() == Some(name.as_str());
            if !pattern_hit || (special_only && !is_sent) {
                continue;
            }
            let prefix = format!("{name}/");
            let mut attrs = vec![];
            if !selectable {
                attrs.push("\\Noselect");
            }
            attrs.push(if all.iter().any(|(m, _)| m.starts_with(&prefix)) {
                "\\HasChildren"
            } else {
                "\\HasNoChildren"
            });
            if is_sent {
                attrs.push("\\Sent");
            }
            out.extend(
                format!("* {verb} ({}) \"/\" {}\r\n", attrs.join(" "), quote(name)).as_bytes(),
            );
        }
        Ok(format!("OK {verb} completed"))
    }

    fn select(&mut self, read_only: bool, args: &[Value], out: &mut Vec<u8>) -> Reply {
        self.selected = None;
        let verb = if read_only { "EXAMINE" } else { "SELECT" };
        let Some(name) = args.first().and_then(astring) else {
            return Err(format!("BAD {verb} needs a mailbox"));
        };
        let state = lock(&self.shared);
        let Some(f) = state.folder(&name) else {
            return Err(format!("NO [NONEXISTENT] Mailbox doesn't exist: {name}"));
        };
        let exists = f.messages.len();
        out.extend(b"* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n");
        if read_only {
            out.extend(b"* OK [PERMANENTFLAGS ()] Read-only mailbox\r\n");
        } else {
            out.extend(
                b"* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted\r\n",
            );
        }
        out.extend(format!("* {exists} EXISTS\r\n* 0 RECENT\r\n").as_bytes());
        if let Some(i) = f
            .messages
            .iter()
            .position(|m| !has_flag(&m.flags, "\\Seen"))
        {
            out.extend(format!("* OK [UNSEEN {}] First unseen\r\n", i + 1).as_bytes());
        }
        out.extend(
            format!(
                "* OK [UIDVALIDITY {}] UIDs valid\r\n* OK [UIDNEXT {}] Predicted next UID\r\n",
                f.uid_validity, f.uid_next
            )
            .as_bytes(),
        );
        let folder = f.name.clone();
        drop(state);
        self.selected = Some(Selected {
            folder,
            read_only,
            exists,
        });
        Ok(if read_only {
            "OK [READ-ONLY] EXAMINE completed".into()
        } else {
            "OK [READ-WRITE] SELECT completed".into()
        })
    }

    fn status(&mut self, args: &[Value], out: &mut Vec<u8>) -> Reply {
        let (Some(name), Some(Value::List(items))) = (args.first().and_then(astring), args.get(1))
        else {
            return Err("BAD STATUS needs a mailbox and a list of items".into());
        };
        let state = lock(&self.shared);
        let Some(f) = state.folder(&name) else {
            return Err(format!("NO [NONEXISTENT] Mailbox doesn't exist: {name}"));
        };
        let mut parts = Vec::new();
        for item in items {
            let item = atom(item).unwrap_or_default().to_ascii_uppercase();
            let n = match item.as_str() {
                "MESSAGES" => f.messages.len(),
                "RECENT" => 0,
                "UIDNEXT" => f.uid_next as usize,
                "UIDVALIDITY" => f.uid_validity as usize,
                "UNSEEN" => f
                    .messages
                    .iter()
                    .filter(|m| !has_flag(&m.flags, "\\Seen"))
                    .count(),
                _ => return Err(format!("BAD Unknown STATUS item {item}")),
            };
            parts.push(format!("{item} {n}"));
        }
        out.extend(format!("* STATUS {} ({})\r\n", quote(&f.name), parts.join(" ")).as_bytes());
        Ok("OK STATUS completed".into())
    }

    fn create(&mut self, args: &[Value]) -> Reply {
        let Some(name) = args.first().and_then(astring) else {
            return Err("BAD CREATE needs a mailbox".into());
        };
        let name = name.trim_end_matches('/').to_string();
        let mut state = lock(&self.shared);
        if name.is_empty() || state.folder(&name).is_some() {
            return Err("NO [ALREADYEXISTS] Mailbox already exists".into());
        }
        let index = state.folders.len();
        state.folders.push(Folder::new(&name, index));
        Ok("OK CREATE completed".into())
    }

    fn delete(&mut self, args: &[Value]) -> Reply {
        let Some(name) = args.first().and_then(astring) else {
            return Err("BAD DELETE needs a mailbox".into());
        };
        let mut state = lock(&self.shared);
        if name.eq_ignore_ascii_case("INBOX") || state.folder(&name).is_none() {
            return Err("NO [NONEXISTENT] No such mailbox, or INBOX".into());
        }
        state.folders.retain(|f| f.name != name);
        Ok("OK DELETE completed".into())
    }

    /// None: close the connection without an answer (the fault). With MULTIAPPEND, every
    /// message of the command is stored, or none.
    fn append(&mut self, args: &[Value], out: &mut Vec<u8>) -> Result<Option<String>, String> {
        let bad =
            || "BAD APPEND needs a mailbox, optional flags and date, and a literal".to_string();
        let (true, Some(name)) = (args.len() >= 2, args.first().and_then(astring)) else {
            return Err(bad());
        };
        let mut messages = Vec::new();
        let mut rest = args[1..].iter().peekable();
        while rest.peek().is_some() {
            let mut flags = Vec::new();
            let mut date = None;
            if let Some(Value::List(l)) = rest.peek() {
                for f in l {
                    match atom(f) {
                        Some(f) if f.eq_ignore_ascii_case("\\Recent") => {}
                        Some(f) if !f.is_empty() => flags.push(f),
                        _ => return Err(bad()),
                    }
                }
                rest.next();
            }
            let Some(Value::Str(first)) = rest.next() else {
                return Err(bad());
            };
            // A date-time is a string followed by the message's literal.
            let message = match rest.peek() {
                Some(Value::Str(m)) => {
                    let d = String::from_utf8_lossy(first);
                    match DateTime::parse_from_str(d.trim_start(), INTERNALDATE) {
                        Ok(d) => date = Some(d),
                        Err(_) => return Err(format!("BAD Invalid date-time {d:?}")),
                    }
                    let m = m.clone();
                    rest.next();
                    m
                }
                _ => first.clone(),
            };
            messages.push((message, flags, date));
        }
        if messages.is_empty() || (messages.len() > 1 && !self.options().multiappend) {
            return Err(bad());
        }
        if self.options().fault == Some(ImapFault::RefuseAppend) {
            return Err("NO [OVERQUOTA] Mailbox is full".into());
        }
        let mut state = lock(&self.shared);
        let room = state
            .room
            .iter()
            .find(|(f, _)| same_folder(f, &name))
            .map(|(_, n)| *n);
        let Some(f) = state.folder_mut(&name) else {
            return Err(format!("NO [TRYCREATE] Mailbox doesn't exist: {name}"));
        };
        if room.is_some_and(|n| f.messages.len() + messages.len() > n) {
            return Err("NO [OVERQUOTA] Quota exceeded (mailbox for user is full)".into());
        }
        let uids: Vec<u32> = messages
            .into_iter()
            .map(|(m, flags, date)| f.add(m, flags, date.unwrap_or_else(now)))
            .collect();
        let validity = f.uid_validity;
        let folder = f.name.clone();
        drop(state);
        if matches!(self.options().fault, Some(ImapFault::DropAfterAppendLiteral { nth }) if nth == self.append_no)
        {
            return Ok(None);
        }
        if self.selected.as_ref().is_some_and(|s| s.folder == folder) {
            self.report_exists(out);
        }
        let uids = match (uids.first(), uids.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}:{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        Ok(Some(format!(
            "OK [APPENDUID {validity} {uids}] APPEND completed"
        )))
    }

    /// The positions in the selected folder of the messages in `set`.
    fn positions(folder: &Folder, uid: bool, set: &SeqSet) -> Vec<usize> {
        let n = folder.messages.len();
        if uid {
            let max = folder.max_uid();
            (0..n)
                .filter(|&i| set.contains(folder.messages[i].uid, max))
                .collect()
        } else {
            (0..n)
                .filter(|&i| set.contains(i as u32 + 1, n as u32))
                .collect()
        }
    }

    fn search(&mut self, uid: bool, args: &[Value], out: &mut Vec<u8>) -> Reply {
        let mut args = args;
        if args.first().is_some_and(|v| is_atom(v, "CHARSET")) {
            args = args.get(2..).unwrap_or(&[]);
        }
        if args.is_empty() {
            return Err("BAD SEARCH needs criteria".into());
        }
        let mut keys = Vec::new();
        let mut i = 0;
        while i < args.len() {
            keys.push(parse_key(args, &mut i, 0).map_err(|e| format!("BAD {e}"))?);
        }
        let key = Key::And(keys);
        let folder = self
            .selected
            .as_ref()
            .map(|s| s.folder.clone())
            .unwrap_or_default();
        let state = lock(&self.shared);
        let mut line = String::from("* SEARCH");
        if let Some(f) = state.folder(&folder) {
            let max_uid = f.max_uid();
            let n = f.messages.len() as u32;
            for (i, m) in f.messages.iter().enumerate() {
                let seq = i as u32 + 1;
                if key.matches(m, seq, n, max_uid) {
                    line.push_str(&format!(" {}", if uid { m.uid } else { seq }));
                }
            }
        }
        out.extend(line.as_bytes());
        out.extend(b"\r\n");
        Ok(format!(
            "OK {}SEARCH completed",
            if uid { "UID " } else { "" }
        ))
    }

    fn fetch(&mut self, uid: bool, args: &[Value], out: &mut Vec<u8>) -> Reply {
        let [set, items] = args else {
            return Err("BAD FETCH needs a sequence set and items".into());
        };
        let Some(set) = atom(set).and_then(|s| SeqSet::parse(&s)) else {
            return Err("BAD Invalid sequence set".into());
        };
        let mut wanted = match items {
            Value::List(l) => l.iter().map(FetchItem::parse).collect::<Option<Vec<_>>>(),
            v => FetchItem::parse_macro(v),
        }
        .filter(|w| !w.is_empty())
        .ok_or("BAD Invalid or unsupported FETCH item")?;
        if uid && !wanted.contains(&FetchItem::Uid) {
            wanted.insert(0, FetchItem::Uid);
        }
        let Some(selected) = &self.selected else {
            return Err("BAD No mailbox selected".into());
        };
        let read_only = selected.read_only;
        let folder = selected.folder.clone();
        let mut state = lock(&self.shared);
        let Some(f) = state.folder_mut(&folder) else {
            return Ok("OK FETCH completed".into());
        };
        let marks_seen = !read_only && wanted.iter().any(FetchItem::sets_seen);
        for i in Self::positions(f, uid, &set) {
            let m = &mut f.messages[i];
            let mut newly_seen = false;
            if marks_seen && !has_flag(&m.flags, "\\Seen") {
                m.flags.push("\\Seen".into());
                newly_seen = true;
            }
            out.extend(format!("* {} FETCH (", i + 1).as_bytes());
            for (k, item) in wanted.iter().enumerate() {
                if k > 0 {
                    out.push(b' ');
                }
                item.write(m, out);
            }
            if newly_seen && !wanted.contains(&FetchItem::Flags) {
                out.push(b' ');
                FetchItem::Flags.write(m, out);
            }
            out.extend(b")\r\n");
        }
        Ok(format!(
            "OK {}FETCH completed",
            if uid { "UID " } else { "" }
        ))
    }

    fn store(&mut self, uid: bool, args: &[Value], out: &mut Vec<u8>) -> Reply {
        let bad = || "BAD STORE needs a sequence set, FLAGS/+FLAGS/-FLAGS[.SILENT] and flags";
        let (Some(set), Some(item)) = (
            args.first().and_then(atom).and_then(|s| SeqSet::parse(&s)),
            args.get(1).and_then(atom),
        ) else {
            return Err(bad().into());
        };
        let mut flags = Vec::new();
        for v in args.get(2..).unwrap_or(&[]) {
            match v {
                Value::List(l) => flags.extend(l.iter().filter_map(atom)),
                v => flags.extend(atom(v)),
            }
        }
        let item = item.to_ascii_uppercase();
        let (mode, silent) = match item.strip_suffix(".SILENT") {
            Some(m) => (m.to_string(), true),
            None => (item.clone(), false),
        };
        if !["FLAGS", "+FLAGS", "-FLAGS"].contains(&mode.as_str()) {
            return Err(bad().into());
        }
        let Some(selected) = &self.selected else {
            return Err("BAD No mailbox selected".into());
        };
        if selected.read_only {
            return Err("NO [READ-ONLY] The mailbox is read-only".into());
        }
        let folder = selected.folder.clone();
        let mut state = lock(&self.shared);
        if let Some(f) = state.folder_mut(&folder) {
            for i in Self::positions(f, uid, &set) {
                let m = &mut f.messages[i];
                match mode.as_str() {
                    "FLAGS" => m.flags.clone_from(&flags),
                    "+FLAGS" => {
                        for flag in &flags {
                            if !has_flag(&m.flags, flag) {
                                m.flags.push(flag.clone());
                            }
                        }
                    }
                    _ => m.flags.retain(|f| !has_flag(&flags, f)),
                }
                if !silent {
                    out.extend(format!("* {} FETCH (", i + 1).as_bytes());
                    if uid {
                        out.extend(format!("UID {} ", m.uid).as_bytes());
                    }
                    FetchItem::Flags.write(m, out);
                    out.extend(b")\r\n");
                }
            }
        }
        Ok(format!(
            "OK {}STORE completed",
            if uid { "UID " } else { "" }
        ))
    }

    fn copy(&mut self, uid: bool, args: &[Value]) -> Reply {
        let (Some(set), Some(target)) = (
            args.first().and_then(atom).and_then(|s| SeqSet::parse(&s)),
            args.get(1).and_then(astring),
        ) else {
            return Err("BAD COPY needs a sequence set and a mailbox".into());
        };
        let folder = self
            .selected
            .as_ref()
            .map(|s| s.folder.clone())
            .unwrap_or_default();
        let mut state = lock(&self.shared);
        let Some(source) = state.folder(&folder) else {
            return Err("NO The selected mailbox is gone".into());
        };
        let copies: Vec<Message> = Self::positions(source, uid, &set)
            .into_iter()
            .map(|i| source.messages[i].clone())
            .collect();
        let Some(dest) = state.folder_mut(&target) else {
            return Err(format!("NO [TRYCREATE] Mailbox doesn't exist: {target}"));
        };
        if copies.is_empty() {
            return Ok("OK COPY completed (nothing)".into());
        }
        let mut from = Vec::new();
        let mut to = Vec::new();
        for m in copies {
            from.push(m.uid.to_string());
            to.push(dest.add(m.bytes, m.flags, m.date).to_string());
        }
        Ok(format!(
            "OK [COPYUID {} {} {}] COPY completed",
            dest.uid_validity,
            from.join(","),
            to.join(",")
        ))
    }

    fn expunge(&mut self, only: Option<SeqSet>, out: &mut Vec<u8>) -> Reply {
        let Some(selected) = &self.selected else {
            return Err("BAD No mailbox selected".into());
        };
        if selected.read_only {
            return Err("NO [READ-ONLY] The mailbox is read-only".into());
        }
        let folder = selected.folder.clone();
        let mut state = lock(&self.shared);
        let mut gone = Vec::new();
        if let Some(f) = state.folder_mut(&folder) {
            let max = f.max_uid();
            let mut kept = 0;
            f.messages.retain(|m| {
                let remove = has_flag(&m.flags, "\\Deleted")
                    && only.as_ref().is_none_or(|s| s.contains(m.uid, max));
                if remove {
                    gone.push(kept + 1);
                } else {
                    kept += 1;
                }
                !remove
            });
        }
        drop(state);
        for seq in &gone {
            out.extend(format!("* {seq} EXPUNGE\r\n").as_bytes());
        }
        if let Some(s) = &mut self.selected {
            s.exists -= gone.len().min(s.exists);
        }
        Ok("OK EXPUNGE completed".into())
    }
}

// ---------------------------------------------------------------------------- the command text

fn tag_ok(tag: &str) -> bool {
    !tag.is_empty()
        && tag
            .bytes()
            .all(|b| b > b' ' && b < 0x7f && !b"(){%*\"\\]+".contains(&b))
}

/// `{N+}` shown as `{N}`.
fn literal_shown(text: &str) -> String {
    match text.strip_suffix("+}") {
        Some(head)
            if head
                .rfind('{')
                .is_some_and(|o| head[o + 1..].bytes().all(|b| b.is_ascii_digit())) =>
        {
            format!("{head}}}")
        }
        _ => text.to_string(),
    }
}

/// Splits one line of a command into tokens; a literal announced at its end comes back as
/// (length, synchronizing).
fn lex(line: &[u8], tokens: &mut Vec<Token>) -> Result<Option<(usize, bool)>, String> {
    let mut i = 0;
    while i < line.len() {
        match line[i] {
            b' ' => i += 1,
            b'(' => {
                tokens.push(Token::Open);
                i += 1;
            }
            b')' => {
                tokens.push(Token::Close);
                i += 1;
            }
            b'"' => {
                let mut s = Vec::new();
                i += 1;
                loop {
                    match line.get(i) {
                        None => return Err("Unterminated quoted string".into()),
                        Some(b'"') => break,
                        Some(b'\\') => {
                            let Some(&c) = line.get(i + 1) else {
                                return Err("Unterminated quoted string".into());
                            };
                            s.push(c);
                            i += 2;
                        }
                        Some(&c) => {
                            s.push(c);
                            i += 1;
                        }
                    }
                }
                tokens.push(Token::Str(s));
                i += 1;
            }
            b'{' => {
                let rest = &line[i + 1..];
                let Some(end) = rest.strip_suffix(b"}") else {
                    return Err("A literal must end its line".into());
                };
                let (digits, sync) = match end.strip_suffix(b"+") {
                    Some(d) => (d, false),
                    None => (end, true),
                };
                if digits.is_empty() || digits.len() > 12 || !digits.iter().all(u8::is_ascii_digit)
                {
                    return Err("Invalid literal length".into());
                }
                let n: usize = String::from_utf8_lossy(digits)
                    .parse()
                    .unwrap_or(usize::MAX);
                return Ok(Some((n, sync)));
            }
            _ => {
                let start = i;
                while i < line.len() && !b" ()".contains(&line[i]) {
                    if line[i] == b'[' {
                        // A section: spaces, parentheses and quotes belong to the atom.
                        let mut quoted = false;
                        i += 1;
                        loop {
                            match line.get(i) {
                                None => return Err("Unterminated [ in an atom".into()),
                                Some(b'"') => quoted = !quoted,
                                Some(b'\\') if quoted => i += 1,
                                Some(b']') if !quoted => break,
                                _ => {}
                            }
                            i += 1;
                        }
                    }
                    i += 1;
                }
                let text = String::from_utf8_lossy(&line[start..i.min(line.len())]).into_owned();
                tokens.push(Token::Atom(text));
            }
        }
    }
    Ok(None)
}

fn tree(tokens: &[Token]) -> Result<Vec<Value>, String> {
    let mut stack: Vec<Vec<Value>> = vec![Vec::new()];
    for t in tokens {
        match t {
            Token::Atom(a) => stack.last_mut().unwrap().push(Value::Atom(a.clone())),
            Token::Str(s) => stack.last_mut().unwrap().push(Value::Str(s.clone())),
            Token::Open => {
                if stack.len() > MAX_DEPTH {
                    return Err("Too deeply nested".into());
                }
                stack.push(Vec::new());
            }
            Token::Close => {
                if stack.len() == 1 {
                    return Err("Unbalanced )".into());
                }
                let list = stack.pop().unwrap();
                stack.last_mut().unwrap().push(Value::List(list));
            }
        }
    }
    if stack.len() != 1 {
        return Err("Unbalanced (".into());
    }
    Ok(stack.pop().unwrap())
}

fn atom(v: &Value) -> Option<String> {
    match v {
        Value::Atom(a) => Some(a.clone()),
        _ => None,
    }
}

fn astring(v: &Value) -> Option<String> {
    match v {
        Value::Atom(a) => Some(a.clone()),
        Value::Str(s) => Some(String::from_utf8_lossy(s).into_owned()),
        Value::List(_) => None,
    }
}

fn is_atom(v: &Value, word: &str) -> bool {
    matches!(v, Value::Atom(a) if a.eq_ignore_ascii_case(word))
}

fn has_flag(flags: &[String], flag: &str) -> bool {
    flags.iter().any(|f| f.eq_ignore_ascii_case(flag))
}

/// A quoted string for a response.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// An nstring: NIL, a quoted string, or a literal when it has to be one.
fn nstring(out: &mut Vec<u8>, s: Option<&[u8]>) {
    match s {
        None => out.extend(b"NIL"),
        Some(b) if b.iter().all(|&c| (0x20..0x7f).contains(&c)) => {
            out.extend(quote(&String::from_utf8_lossy(b)).as_bytes())
        }
        Some(b) => literal(out, b),
    }
}

fn literal(out: &mut Vec<u8>, b: &[u8]) {
    out.extend(format!("{{{}}}\r\n", b.len()).as_bytes());
    out.extend(b);
}

/// LIST pattern matching: `*` is anything, `%` anything but the "/" delimiter; INBOX matches
/// in any case.
fn wildcard(pattern: &str, name: &str) -> bool {
    let fold = name.eq_ignore_ascii_case("INBOX");
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let same = |a: char, b: char| a == b || (fold && a.eq_ignore_ascii_case(&b));
    // can[j]: the pattern read so far matches n[..j].
    let mut can = vec![false; n.len() + 1];
    can[0] = true;
    for &pc in &p {
        let mut next = vec![false; n.len() + 1];
        for j in 0..=n.len() {
            match pc {
                '*' => next[j] = can[j] || (j > 0 && next[j - 1]),
                '%' => next[j] = can[j] || (j > 0 && n[j - 1] != '/' && next[j - 1]),
                c => next[j] = j > 0 && can[j - 1] && same(c, n[j - 1]),
            }
        }
        can = next;
    }
    can[n.len()]
}

// ---------------------------------------------------------------------------- sequence sets

#[derive(Clone, Copy, Debug)]
enum Bound {
    N(u32),
    Star,
}

#[derive(Clone, Debug)]
struct SeqSet(Vec<(Bound, Bound)>);

impl SeqSet {
    fn parse(s: &str) -> Option<SeqSet> {
        let bound = |b: &str| match b {
            "*" => Some(Bound::Star),
            b if !b.is_empty() && b.bytes().all(|c| c.is_ascii_digit()) => {
                b.parse().ok().map(Bound::N)
            }
            _ => None,
        };
        let mut ranges = Vec::new();
        for part in s.split(',') {
            let range = match part.split_once(':') {
                Some((a, b)) => (bound(a)?, bound(b)?),
                None => (bound(part)?, bound(part)?),
            };
            ranges.push(range);
        }
        Some(SeqSet(ranges))
    }

    /// Whether `n` is in the set, `*` being `star` (the largest number in use; 0 when empty).
    fn contains(&self, n: u32, star: u32) -> bool {
        let value = |b: Bound| match b {
            Bound::N(v) => v,
            Bound::Star => star,
        };
        self.0.iter().any(|&(a, b)| {
            let (a, b) = (value(a), value(b));
            a.min(b) <= n && n <= a.max(b)
        })
    }
}

// --------------------------------------------------------------------------------- SEARCH

#[derive(Debug)]
enum DateKey {
    Before,
    On,
    Since,
}

#[derive(Debug)]
enum Key {
    All,
    Nothing,
    Seq(SeqSet),
    Uid(SeqSet),
    Flag(String, bool),
    Header(String, String),
    Body(String),
    Text(String),
    Internal(DateKey, NaiveDate),
    Sent(DateKey, NaiveDate),
    Larger(usize),
    Smaller(usize),
    Not(Box<Key>),
    Or(Box<Key>, Box<Key>),
    And(Vec<Key>),
}

fn parse_key(args: &[Value], i: &mut usize, depth: usize) -> Result<Key, String> {
    if depth > MAX_DEPTH {
        return Err("Search criteria nested too deeply".into());
    }
    let v = args.get(*i).ok_or("Missing search key")?;
    *i += 1;
    let mut string = |what: &str| -> Result<String, String> {
        let s = args
            .get(*i)
            .and_then(astring)
            .ok_or(format!("{what} needs an argument"))?;
        *i += 1;
        Ok(s)
    };
    let word = match v {
        Value::List(items) => {
            let mut keys = Vec::new();
            let mut j = 0;
            while j < items.len() {
                keys.push(parse_key(items, &mut j, depth + 1)?);
            }
            return Ok(Key::And(keys));
        }
        Value::Str(_) => return Err("Unexpected string in the search criteria".into()),
        Value::Atom(a) => a.to_ascii_uppercase(),
    };
    let flag = |f: &str, has: bool| Ok(Key::Flag(f.into(), has));
    let date = |s: String| {
        NaiveDate::parse_from_str(&s, "%d-%b-%Y").map_err(|_| format!("Invalid date {s:?}"))
    };
    match word.as_str() {
        "ALL" | "OLD" => Ok(Key::All),
        "NEW" | "RECENT" => Ok(Key::Nothing),
        "SEEN" => flag("\\Seen", true),
        "UNSEEN" => flag("\\Seen", false),
        "ANSWERED" => flag("\\Answered", true),
        "UNANSWERED" => flag("\\Answered", false),
        "DELETED" => flag("\\Deleted", true),
        "UNDELETED" => flag("\\Deleted", false),
        "DRAFT" => flag("\\Draft", true),
        "UNDRAFT" => flag("\\Draft", false),
        "FLAGGED" => flag("\\Flagged", true),
        "UNFLAGGED" => flag("\\Flagged", false),
        "KEYWORD" => Ok(Key::Flag(string(&word)?, true)),
        "UNKEYWORD" => Ok(Key::Flag(string(&word)?, false)),
        "FROM" | "TO" | "CC" | "BCC" | "SUBJECT" => Ok(Key::Header(word.clone(), string(&word)?)),
        "HEADER" => {
            let name = string(&word)?;
            Ok(Key::Header(name, string(&word)?))
        }
        "BODY" => Ok(Key::Body(string(&word)?)),
        "TEXT" => Ok(Key::Text(string(&word)?)),
        "BEFORE" => Ok(Key::Internal(DateKey::Before, date(string(&word)?)?)),
        "ON" => Ok(Key::Internal(DateKey::On, date(string(&word)?)?)),
        "SINCE" => Ok(Key::Internal(DateKey::Since, date(string(&word)?)?)),
        "SENTBEFORE" => Ok(Key::Sent(DateKey::Before, date(string(&word)?)?)),
        "SENTON" => Ok(Key::Sent(DateKey::On, date(string(&word)?)?)),
        "SENTSINCE" => Ok(Key::Sent(DateKey::Since, date(string(&word)?)?)),
        "LARGER" | "SMALLER" => {
            let s = string(&word)?;
            let n = s.parse().map_err(|_| format!("Invalid number {s:?}"))?;
            Ok(if word == "LARGER" {
                Key::Larger(n)
            } else {
                Key::Smaller(n)
            })
        }
        "UID" => {
            let s = string(&word)?;
            Ok(Key::Uid(SeqSet::parse(&s).ok_or("Invalid UID set")?))
        }
        "NOT" => Ok(Key::Not(Box::new(parse_key(args, i, depth + 1)?))),
        "OR" => {
            let a = parse_key(args, i, depth + 1)?;
            let b = parse_key(args, i, depth + 1)?;
            Ok(Key::Or(Box::new(a), Box::new(b)))
        }
        _ => match SeqSet::parse(&word) {
            Some(set) => Ok(Key::Seq(set)),
            None => Err(format!("Unknown search key {word}")),
        },
    }
}

impl Key {
    fn matches(&self, m: &Message, seq: u32, count: u32, max_uid: u32) -> bool {
        let on_date = |k: &DateKey, day: NaiveDate, d: NaiveDate| match k {
            DateKey::Before => day < d,
            DateKey::On => day == d,
            DateKey::Since => day >= d,
        };
        match self {
            Key::All => true,
            Key::Nothing => false,
            Key::Seq(set) => set.contains(seq, count),
            Key::Uid(set) => set.contains(m.uid, max_uid),
            Key::Flag(f, has) => has_flag(&m.flags, f) == *has,
            Key::Header(name, needle) => header_contains(&m.bytes, name, needle),
            Key::Body(needle) => contains_folded(&m.bytes[header_end(&m.bytes)..], needle),
            Key::Text(needle) => contains_folded(&m.bytes, needle),
            Key::Internal(k, d) => on_date(k, m.date.date_naive(), *d),
            Key::Sent(k, d) => header_values(&m.bytes, "Date")
                .first()
                .and_then(|v| DateTime::parse_from_rfc2822(v).ok())
                .is_some_and(|sent| on_date(k, sent.date_naive(), *d)),
            Key::Larger(n) => m.bytes.len() > *n,
            Key::Smaller(n) => m.bytes.len() < *n,
            Key::Not(k) => !k.matches(m, seq, count, max_uid),
            Key::Or(a, b) => a.matches(m, seq, count, max_uid) || b.matches(m, seq, count, max_uid),
            Key::And(keys) => keys.iter().all(|k| k.matches(m, seq, count, max_uid)),
        }
    }
}

fn contains_folded(hay: &[u8], needle: &str) -> bool {
    String::from_utf8_lossy(hay)
        .to_lowercase()
        .contains(&needle.to_lowercase())
}

/// Whether a header `name` of the message contains `needle`, in any case, as written or with
/// its encoded words decoded. An empty needle matches any message that has the header.
fn header_contains(bytes: &[u8], name: &str, needle: &str) -> bool {
    let needle = needle.to_lowercase();
    header_values(bytes, name).iter().any(|v| {
        v.to_lowercase().contains(&needle)
            || (v.contains("=?") && decode_words(v).to_lowercase().contains(&needle))
    })
}

fn decode_words(value: &str) -> String {
    let fake = format!("Subject: {value}\r\n\r\n");
    mail_parser::MessageParser::default()
        .parse_headers(fake.as_bytes())
        .and_then(|m| m.subject().map(str::to_string))
        .unwrap_or_default()
}

// ------------------------------------------------------------------------- message headers

/// Where the header fields end and where the body starts (just past the first empty line;
/// the whole message is header if there is none).
fn split_header(b: &[u8]) -> (usize, usize) {
    if b.starts_with(b"\r\n") {
        return (0, 2);
    }
    if b.starts_with(b"\n") {
        return (0, 1);
    }
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&c| c == b'\n') {
        let j = i + p + 1;
        if b[j..].starts_with(b"\r\n") {
            return (j, j + 2);
        }
        if b[j..].starts_with(b"\n") {
            return (j, j + 1);
        }
        i = j;
    }
    (b.len(), b.len())
}

fn header_end(b: &[u8]) -> usize {
    split_header(b).1
}

/// The header fields, each as (name, the field's bytes with its folded lines and line ends).
fn fields(b: &[u8]) -> Vec<(&[u8], &[u8])> {
    let header = &b[..split_header(b).0];
    let mut out: Vec<(&[u8], &[u8])> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < header.len() {
        let line_end = header[i..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(header.len(), |p| i + p + 1);
        let continuation = matches!(header.get(line_end), Some(b' ') | Some(b'\t'));
        if !continuation {
            let field = &header[start..line_end];
            let name = field
                .iter()
                .position(|&c| c == b':')
                .map_or(&field[..0], |p| field[..p].trim_ascii());
            out.push((name, field));
            start = line_end;
        }
        i = line_end;
    }
    out
}

/// The values of the fields called `name`, unfolded and trimmed.
fn header_values(b: &[u8], name: &str) -> Vec<String> {
    fields(b)
        .into_iter()
        .filter(|(n, _)| !n.is_empty() && n.eq_ignore_ascii_case(name.as_bytes()))
        .map(|(_, field)| {
            let colon = field.iter().position(|&c| c == b':').map_or(0, |p| p + 1);
            let value = String::from_utf8_lossy(&field[colon..]);
            value
                .replace("\r\n", "")
                .replace('\n', "")
                .trim()
                .to_string()
        })
        .collect()
}

// ------------------------------------------------------------------------------------ FETCH

#[derive(Clone, Debug, PartialEq, Eq)]
enum Section {
    Full,
    Header,
    Fields(Vec<String>, bool),
    Text,
    Nil,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum FetchItem {
    Uid,
    Flags,
    InternalDate,
    Size,
    Envelope,
    Rfc822,
    Rfc822Header,
    Rfc822Text,
    Body {
        peek: bool,
        section: Section,
        partial: Option<(usize, usize)>,
        label: String,
    },
}

impl FetchItem {
    fn parse_macro(v: &Value) -> Option<Vec<FetchItem>> {
        use FetchItem::*;
        let a = atom(v)?;
        match a.to_ascii_uppercase().as_str() {
            "ALL" => Some(vec![Flags, InternalDate, Size, Envelope]),
            "FAST" => Some(vec![Flags, InternalDate, Size]),
            _ => Some(vec![FetchItem::parse(v)?]),
        }
    }

    fn parse(v: &Value) -> Option<FetchItem> {
        let a = atom(v)?;
        let up = a.to_ascii_uppercase();
        Some(match up.as_str() {
            "UID" => FetchItem::Uid,
            "FLAGS" => FetchItem::Flags,
            "INTERNALDATE" => FetchItem::InternalDate,
            "RFC822.SIZE" => FetchItem::Size,
            "ENVELOPE" => FetchItem::Envelope,
            "RFC822" => FetchItem::Rfc822,
            "RFC822.HEADER" => FetchItem::Rfc822Header,
            "RFC822.TEXT" => FetchItem::Rfc822Text,
            _ => {
                let (peek, rest) = if let Some(r) = up.strip_prefix("BODY.PEEK[") {
                    (true, r)
                } else {
                    (false, up.strip_prefix("BODY[")?)
                };
                let offset = a.len() - rest.len();
                let close = rest.find(']')?;
                let inside = a[offset..offset + close].trim().to_string();
                let after = &rest[close + 1..];
                let partial = match after {
                    "" => None,
                    p => {
                        let p = p.strip_prefix('<')?.strip_suffix('>')?;
                        let (start, len) = p.split_once('.')?;
                        Some((start.parse().ok()?, len.parse().ok()?))
                    }
                };
                let upper = inside.to_ascii_uppercase();
                let (section, shown) = if upper.is_empty() {
                    (Section::Full, String::new())
                } else if upper == "HEADER" || upper == "TEXT" {
                    let s = if upper == "HEADER" {
                        Section::Header
                    } else {
                        Section::Text
                    };
                    (s, upper.clone())
                } else if let Some(list) = upper.strip_prefix("HEADER.FIELDS") {
                    let (not, list) = match list.strip_prefix(".NOT") {
                        Some(l) => (true, l),
                        None => (false, list),
                    };
                    let list = list.trim();
                    let start = inside.len() - list.len();
                    let names = inside[start..]
                        .strip_prefix('(')?
                        .strip_suffix(')')?
                        .split_whitespace()
                        .map(|n| n.trim_matches('"').to_string())
                        .collect::<Vec<_>>();
                    if names.is_empty() {
                        return None;
                    }
                    let word = if not {
                        "HEADER.FIELDS.NOT"
                    } else {
                        "HEADER.FIELDS"
                    };
                    let shown = format!("{word} ({})", names.join(" "));
                    (Section::Fields(names, not), shown)
                } else if upper == "1" || upper == "1.TEXT" {
                    (Section::Text, upper.clone())
                } else if upper
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'.')
                {
                    (Section::Nil, upper.clone())
                } else {
                    return None;
                };
                let label = match partial {
                    Some((start, _)) => format!("BODY[{shown}]<{start}>"),
                    None => format!("BODY[{shown}]"),
                };
                FetchItem::Body {
                    peek,
                    section,
                    partial,
                    label,
                }
            }
        })
    }

    fn sets_seen(&self) -> bool {
        matches!(
            self,
            FetchItem::Rfc822 | FetchItem::Rfc822Text | FetchItem::Body { peek: false, .. }
        )
    }

    fn write(&self, m: &Message, out: &mut Vec<u8>) {
        let b = &m.bytes[..];
        let he = header_end(b);
        match self {
            FetchItem::Uid => out.extend(format!("UID {}", m.uid).as_bytes()),
            FetchItem::Flags => out.extend(format!("FLAGS ({})", m.flags.join(" ")).as_bytes()),
            FetchItem::InternalDate => {
                out.extend(format!("INTERNALDATE \"{}\"", m.date.format(INTERNALDATE)).as_bytes())
            }
            FetchItem::Size => out.extend(format!("RFC822.SIZE {}", b.len()).as_bytes()),
            FetchItem::Envelope => {
                out.extend(b"ENVELOPE ");
                envelope(b, out);
            }
            FetchItem::Rfc822 => {
                out.extend(b"RFC822 ");
                literal(out, b);
            }
            FetchItem::Rfc822Header => {
                out.extend(b"RFC822.HEADER ");
                literal(out, &b[..he]);
            }
            FetchItem::Rfc822Text => {
                out.extend(b"RFC822.TEXT ");
                literal(out, &b[he..]);
            }
            FetchItem::Body {
                section,
                partial,
                label,
                ..
            } => {
                out.extend(label.as_bytes());
                out.push(b' ');
                let data: Vec<u8> = match section {
                    Section::Full => b.to_vec(),
                    Section::Header => b[..he].to_vec(),
                    Section::Text => b[he..].to_vec(),
                    Section::Fields(names, not) => {
                        let mut d = Vec::new();
                        for (name, field) in fields(b) {
                            let listed = names
                                .iter()
                                .any(|n| n.as_bytes().eq_ignore_ascii_case(name));
                            if listed != *not {
                                d.extend(field);
                                if !field.ends_with(b"\n") {
                                    d.extend(b"\r\n");
                                }
                            }
                        }
                        d.extend(b"\r\n");
                        d
                    }
                    Section::Nil => {
                        out.extend(b"NIL");
                        return;
                    }
                };
                match partial {
                    Some((start, len)) => {
                        let start = (*start).min(data.len());
                        let end = start.saturating_add(*len).min(data.len());
                        literal(out, &data[start..end]);
                    }
                    None => literal(out, &data),
                }
            }
        }
    }
}

fn envelope(b: &[u8], out: &mut Vec<u8>) {
    let first = |name: &str| header_values(b, name).into_iter().next();
    let addresses = |name: &str| {
        first(name)
            .map(|v| parse_addresses(&v))
            .filter(|a| !a.is_empty())
    };
    out.push(b'(');
    nstring(out, first("Date").as_deref().map(str::as_bytes));
    out.push(b' ');
    nstring(out, first("Subject").as_deref().map(str::as_bytes));
    let from = addresses("From");
    for list in [
        from.clone(),
        addresses("Sender").or_else(|| from.clone()),
        addresses("Reply-To").or_else(|| from.clone()),
        addresses("To"),
        addresses("Cc"),
        addresses("Bcc"),
    ] {
        out.push(b' ');
        match list {
            None => out.extend(b"NIL"),
            Some(list) => {
                out.push(b'(');
                for (name, mailbox, host) in list {
                    out.push(b'(');
                    nstring(out, name.as_deref().map(str::as_bytes));
                    out.extend(b" NIL ");
                    nstring(out, Some(mailbox.as_bytes()));
                    out.push(b' ');
                    nstring(out, host.as_deref().map(str::as_bytes));
                    out.push(b')');
                }
                out.push(b')');
            }
        }
    }
    out.push(b' ');
    nstring(out, first("In-Reply-To").as_deref().map(str::as_bytes));
    out.push(b' ');
    nstring(out, first("Message-ID").as_deref().map(str::as_bytes));
    out.push(b')');
}

/// (display name, mailbox, host) for each address of a header value.
fn parse_addresses(v: &str) -> Vec<(Option<String>, String, Option<String>)> {
    let mut parts = Vec::new();
    let (mut quoted, mut angle, mut comment) = (false, false, 0usize);
    let mut current = String::new();
    let mut escaped = false;
    for c in v.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' && quoted {
            escaped = true;
        } else if c == '"' && comment == 0 {
            quoted = !quoted;
        } else if !quoted && c == '(' {
            comment += 1;
        } else if !quoted && c == ')' {
            comment = comment.saturating_sub(1);
        } else if !quoted && comment == 0 && c == '<' {
            angle = true;
        } else if !quoted && comment == 0 && c == '>' {
            angle = false;
        } else if !quoted && comment == 0 && !angle && c == ',' {
            parts.push(std::mem::take(&mut current));
            continue;
        }
        current.push(c);
    }
    parts.push(current);
    parts
        .into_iter()
        .filter_map(|p| {
            let p = p.trim();
            let (name, addr) = match (p.find('<'), p.rfind('>')) {
                (Some(a), Some(b)) if a < b => {
                    let name = p[..a].trim().trim_matches('"').replace("\\\"", "\"");
                    (
                        Some(name).filter(|n| !n.is_empty()),
                        p[a + 1..b].trim().to_string(),
                    )
                }
                _ => (None, p.to_string()),
            };
            if addr.is_empty() || addr.ends_with(';') || (addr.contains(':') && !addr.contains('@'))
            {
                return None;
            }
            Some(match addr.rsplit_once('@') {
                Some((mailbox, host)) => (name, mailbox.to_string(), Some(host.to_string())),
                None => (name, addr, None),
            })
        })
        .collect()
}

// ----------------------------------------------------------------------------------- base64

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(data: &[u8]) -> String {
    let mut s = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                s.push(B64[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = B64.iter().position(|&x| x == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

// --------------------------------------------------------------------------------- self-tests

/// A bare client for the self-tests: it writes what it is told and reads lines, literals
/// included.
struct Raw<S: Read + Write> {
    s: BufReader<S>,
    n: u32,
}

impl<S: Read + Write> Raw<S> {
    fn new(s: S) -> Raw<S> {
        Raw {
            s: BufReader::new(s),
            n: 0,
        }
    }

    fn write(&mut self, bytes: impl AsRef<[u8]>) {
        self.s.get_mut().write_all(bytes.as_ref()).unwrap();
        self.s.get_mut().flush().unwrap();
    }

    /// One response line with its literals and its line end; "" at the end of the stream.
    fn line(&mut self) -> String {
        let mut all = Vec::new();
        loop {
            let start = all.len();
            if self.s.read_until(b'\n', &mut all).unwrap_or(0) == 0 {
                break;
            }
            let line = String::from_utf8_lossy(&all[start..]).into_owned();
            let announced = line
                .strip_suffix("}\r\n")
                .and_then(|h| h.rfind('{').map(|o| &h[o + 1..]))
                .and_then(|n| n.parse::<usize>().ok());
            let Some(n) = announced else { break };
            let mut literal = vec![0; n];
            self.s.read_exact(&mut literal).unwrap();
            all.extend(literal);
        }
        String::from_utf8_lossy(&all).into_owned()
    }

    /// Sends a command with a fresh tag; everything up to and with the tagged line.
    fn cmd(&mut self, command: &str) -> String {
        self.n += 1;
        let tag = format!("t{}", self.n);
        self.write(format!("{tag} {command}\r\n"));
        self.until(&tag)
    }

    fn until(&mut self, tag: &str) -> String {
        let mut text = String::new();
        loop {
            let line = self.line();
            assert!(!line.is_empty(), "the server hung up; so far: {text}");
            text.push_str(&line);
            if line.starts_with(&format!("{tag} ")) {
                return text;
            }
        }
    }

    /// A command that must succeed.
    fn ok(&mut self, command: &str) -> String {
        let text = self.cmd(command);
        let last = text.lines().last().unwrap_or("");
        assert!(
            last.starts_with(&format!("t{} OK", self.n)),
            "{command}: {text}"
        );
        text
    }

    /// The status of the tagged line: "OK", "NO" or "BAD", with the rest.
    fn status(&mut self, command: &str) -> String {
        let text = self.cmd(command);
        let last = text.lines().last().unwrap_or("").to_string();
        last.split_once(' ')
            .map_or(last.clone(), |(_, s)| s.to_string())
    }
}

const USER: &str = "ana@example.com";
const PASSWORD: &str = "s3cret \"quoted\"";

/// A client connected to `server` (plain text), with its greeting.
fn connect(server: &ImapServer) -> (Raw<TcpStream>, String) {
    let tcp = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    tcp.set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    tcp.set_nodelay(true).unwrap();
    let mut c = Raw::new(tcp);
    let greeting = c.line();
    (c, greeting)
}

fn logged_in(server: &ImapServer) -> Raw<TcpStream> {
    let (mut c, _) = connect(server);
    c.ok(&format!("LOGIN {} {}", quote(USER), quote(PASSWORD)));
    c
}

fn tls_client(tcp: TcpStream) -> rustls::StreamOwned<rustls::ClientConnection, TcpStream> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, ServerName};
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(CertificateDer::from_pem_file(format!("{REPO}/tests/fixtures/ca.pem")).unwrap())
        .unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = ServerName::try_from("localhost").unwrap();
    let conn = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
    rustls::StreamOwned::new(conn, tcp)
}

fn letter(n: usize, subject: &str) -> Vec<u8> {
    format!(
        "Date: Sun, 22 Nov 2026 10:30:{:02} +0100\r\nFrom: =?utf-8?q?Ana_Garc=C3=ADa?= <ana@example.com>\r\n\
         To: \"Pérez, Luis\" <luis@example.org>, marta@example.net\r\nSubject: {subject}\r\n\
         References: <first-{n}@example.com>\r\n <second-{n}@example.com>\r\nMessage-ID: <letter-{n}@example.com>\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHola, Luis:\r\n\r\nUn abrazo, {n}.\r\n",
        n % 60
    )
    .into_bytes()
}

#[test]
fn imap_greeting_capabilities_and_login() {
    let server = ImapServer::plain(USER, PASSWORD);
    let (mut c, greeting) = connect(&server);
    assert!(
        greeting.starts_with("* OK [CAPABILITY IMAP4rev1 "),
        "{greeting}"
    );
    assert!(!greeting.contains("STARTTLS") && !greeting.contains("XOAUTH2"));
    let caps = c.ok("CAPABILITY");
    for cap in [
        "LITERAL+",
        "SPECIAL-USE",
        "UIDPLUS",
        "ID",
        "AUTH=PLAIN",
        "UNSELECT",
    ] {
        assert!(caps.contains(&format!(" {cap}")), "{cap}: {caps}");
    }
    assert!(c.status("SELECT INBOX").starts_with("BAD"));
    assert_eq!(
        c.status(&format!("LOGIN {USER} wrong")),
        "NO [AUTHENTICATIONFAILED] Invalid credentials"
    );
    c.ok(&format!("LOGIN {} {}", quote(USER), quote(PASSWORD)));
    assert!(c.ok("ID (\"name\" \"cartero\")").contains("* ID ("));
    c.ok("NOOP");
    let bye = c.cmd("LOGOUT");
    assert!(
        bye.starts_with("* BYE ") && bye.contains("\r\nt7 OK "),
        "{bye}"
    );
    assert_eq!(c.line(), "");
    assert_eq!(server.sessions(), 1);
    assert_eq!(
        server.commands(),
        [
            "CAPABILITY".to_string(),
            "SELECT INBOX".into(),
            format!("LOGIN {USER} wrong"),
            format!("LOGIN {} {}", quote(USER), quote(PASSWORD)),
            "ID (\"name\" \"cartero\")".into(),
            "NOOP".into(),
            "LOGOUT".into(),
        ]
    );
    assert_eq!(
        server.config(),
        format!(
            "\n[imap]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\nusername = \"{USER}\"\n",
            server.port
        )
    );
}

#[test]
fn imap_list_marks_the_sent_folder() {
    let server = ImapServer::plain(USER, PASSWORD);
    let mut c = logged_in(&server);
    let list = c.ok("LIST \"\" \"*\"");
    assert!(
        list.contains("* LIST (\\HasNoChildren) \"/\" \"INBOX\"\r\n"),
        "{list}"
    );
    assert!(
        list.contains("* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent\"\r\n"),
        "{list}"
    );
    assert_eq!(
        c.ok("LIST \"\" \"\""),
        "* LIST (\\Noselect) \"/\" \"\"\r\nt3 OK LIST completed\r\n"
    );

    let server = ImapServer::start(ImapOptions {
        sent_folder: Some("[Gmail]/Sent Mail".into()),
        folders: vec!["Archive".into(), "[Gmail]/All Mail".into()],
        ..ImapOptions::new(USER, PASSWORD)
    });
    let mut c = logged_in(&server);
    let all = c.ok("LIST \"\" *");
    assert!(
        all.contains("* LIST (\\Noselect \\HasChildren) \"/\" \"[Gmail]\"\r\n"),
        "{all}"
    );
    assert!(all.contains("* LIST (\\HasNoChildren \\Sent) \"/\" \"[Gmail]/Sent Mail\"\r\n"));
    assert!(all.contains("* LIST (\\HasNoChildren) \"/\" \"Archive\"\r\n"));
    assert_eq!(all.matches("* LIST").count(), 5, "{all}");
    let top = c.ok("LIST \"\" %");
    assert_eq!(top.matches("* LIST").count(), 3, "{top}");
    assert!(!top.contains("Sent Mail"));
    assert_eq!(
        c.ok("LIST (SPECIAL-USE) \"\" \"*\""),
        "* LIST (\\HasNoChildren \\Sent) \"/\" \"[Gmail]/Sent Mail\"\r\nt4 OK LIST completed\r\n"
    );
    assert!(c
        .ok("LIST \"\" \"*\" RETURN (SPECIAL-USE)")
        .contains("\\Sent"));
    assert!(c
        .ok("LIST \"[Gmail]/\" \"%\"")
        .contains("\"[Gmail]/All Mail\""));
    assert!(c.ok("LIST \"\" inbox").contains("\"INBOX\""));
    assert!(c.status("SELECT [Gmail]").starts_with("NO [NONEXISTENT]"));
    c.ok("SELECT \"[Gmail]/Sent Mail\"");

    let server = ImapServer::start(ImapOptions {
        sent_folder: None,
        folders: vec!["Sent".into()],
        ..ImapOptions::new(USER, PASSWORD)
    });
    let mut c = logged_in(&server);
    let list = c.ok("LIST \"\" \"*\"");
    assert!(
        list.contains("* LIST (\\HasNoChildren) \"/\" \"Sent\"\r\n"),
        "{list}"
    );
    assert!(!list.contains("\\Sent"));
    assert_eq!(
        c.ok("LIST (SPECIAL-USE) \"\" \"*\"")
            .matches("* LIST")
            .count(),
        0
    );
}

#[test]
fn imap_append_fetch_and_search() {
    let server = ImapServer::plain(USER, PASSWORD);
    let mut c = logged_in(&server);
    let message = letter(7, "Feliz =?utf-8?q?a=C3=B1o?= nuevo");
    c.write(format!(
        "a1 APPEND Sent (\\Seen) \"22-Nov-2026 10:30:00 +0100\" {{{}}}\r\n",
        message.len()
    ));
    assert_eq!(c.line(), "+ go ahead\r\n");
    c.write(&message);
    c.write("\r\n");
    assert_eq!(
        c.line(),
        "a1 OK [APPENDUID 1700000002 1] APPEND completed\r\n"
    );
    let stored = server.messages("Sent");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].bytes, message);
    assert_eq!(stored[0].flags, ["\\Seen"]);
    assert_eq!(stored[0].internal_date, "22-Nov-2026 10:30:00 +0100");
    assert_eq!(
        server.commands().last().unwrap(),
        &format!(
            "APPEND Sent (\\Seen) \"22-Nov-2026 10:30:00 +0100\" {{{}}}",
            message.len()
        )
    );

    let select = c.ok("SELECT Sent");
    for part in [
        "* 1 EXISTS\r\n",
        "[UIDVALIDITY 1700000002]",
        "[UIDNEXT 2]",
        "[READ-WRITE]",
    ] {
        assert!(select.contains(part), "{part}: {select}");
    }
    let mut expected = format!("* 1 FETCH (UID 1 BODY[] {{{}}}\r\n", message.len()).into_bytes();
    expected.extend(&message);
    expected.extend(b" FLAGS (\\Seen))\r\n");
    assert!(c
        .ok("UID FETCH 1 (BODY.PEEK[] FLAGS)")
        .starts_with(&*String::from_utf8_lossy(&expected)));
    assert_eq!(
        c.ok("UID SEARCH HEADER Message-ID \"<letter-7@example.com>\""),
        "* SEARCH 1\r\nt4 OK UID SEARCH completed\r\n"
    );
    assert!(c
        .ok("UID SEARCH HEADER Message-ID \"<letter-8@example.com>\"")
        .starts_with("* SEARCH\r\n"));
    assert!(c
        .ok("SEARCH SUBJECT \"AÑO NUEVO\"")
        .starts_with("* SEARCH 1\r\n"));
    assert!(c
        .ok("SEARCH CHARSET UTF-8 FROM \"Ana García\" TO luis@EXAMPLE.org")
        .starts_with("* SEARCH 1\r\n"));
    assert!(c.ok("SEARCH TO \"pérez\"").starts_with("* SEARCH 1\r\n"));
    assert!(c
        .ok("SEARCH SINCE 22-Nov-2026")
        .starts_with("* SEARCH 1\r\n"));
    assert!(c.ok("SEARCH SINCE 23-nov-2026").starts_with("* SEARCH\r\n"));
    assert!(c
        .ok("SEARCH BEFORE 23-Nov-2026 ON 22-Nov-2026 SEEN")
        .starts_with("* SEARCH 1\r\n"));
    assert!(c
        .ok("SEARCH OR UNSEEN NOT (SEEN)")
        .starts_with("* SEARCH\r\n"));
    assert!(c
        .ok("SEARCH OR UNSEEN UID 1:*")
        .starts_with("* SEARCH 1\r\n"));
    assert!(c.ok("UID SEARCH UID 5:*").starts_with("* SEARCH 1\r\n"));
    assert!(c
        .ok("SEARCH BODY \"un abrazo\"")
        .starts_with("* SEARCH 1\r\n"));

    let fields = "References: <first-7@example.com>\r\n <second-7@example.com>\r\nMessage-ID: <letter-7@example.com>\r\n\r\n";
    assert_eq!(
        c.ok("FETCH 1 (BODY.PEEK[HEADER.FIELDS (MESSAGE-ID References)])"),
        format!(
            "* 1 FETCH (BODY[HEADER.FIELDS (MESSAGE-ID References)] {{{}}}\r\n{fields})\r\nt{} OK FETCH completed\r\n",
            fields.len(),
            c.n
        )
    );
    let header = c.ok("UID FETCH 1:* (RFC822.HEADER RFC822.SIZE INTERNALDATE)");
    assert!(
        header.starts_with("* 1 FETCH (UID 1 RFC822.HEADER {"),
        "{header}"
    );
    assert!(header.contains(&format!(
        "\r\n\r\n RFC822.SIZE {} INTERNALDATE \"22-Nov-2026 10:30:00 +0100\")",
        message.len()
    )));
    let not = c.ok("FETCH * BODY.PEEK[HEADER.FIELDS.NOT (References Message-ID To From Date)]");
    assert!(
        not.contains("Subject: Feliz") && !not.contains("letter-7"),
        "{not}"
    );
    assert!(c
        .ok("FETCH 1 (BODY.PEEK[TEXT]<0.4>)")
        .contains("BODY[TEXT]<0> {4}\r\nHola)"));
    let envelope = c.ok("FETCH 1 ENVELOPE");
    assert!(
        envelope.contains("(\"=?utf-8?q?Ana_Garc=C3=ADa?=\" NIL \"ana\" \"example.com\")"),
        "{envelope}"
    );
    assert!(
        envelope.contains(" \"<letter-7@example.com>\"))"),
        "{envelope}"
    );
}

#[test]
fn imap_literals_synchronizing_and_not() {
    let server = ImapServer::plain(USER, PASSWORD);
    let (mut c, _) = connect(&server);
    c.write(format!("a1 LOGIN {{{}}}\r\n", USER.len()));
    assert_eq!(c.line(), "+ go ahead\r\n");
    c.write(format!("{USER} {{{}}}\r\n", PASSWORD.len()));
    assert_eq!(c.line(), "+ go ahead\r\n");
    c.write(format!("{PASSWORD}\r\n"));
    assert!(c.line().starts_with("a1 OK "));
    c.write("a2 APPEND INBOX {5+}\r\nHello\r\na3 APPEND Nope {5+}\r\nHello\r\n");
    assert_eq!(
        c.line(),
        "a2 OK [APPENDUID 1700000001 1] APPEND completed\r\n"
    );
    assert!(c.line().starts_with("a3 NO [TRYCREATE] "));
    assert_eq!(server.messages("INBOX")[0].bytes, b"Hello");
    assert!(server.messages("INBOX")[0].flags.is_empty());
    assert_eq!(
        server.commands(),
        [
            format!("LOGIN {{{}}} {{{}}}", USER.len(), PASSWORD.len()),
            "APPEND INBOX {5}".into(),
            "APPEND Nope {5}".into()
        ]
    );
}

#[test]
fn imap_examine_is_read_only() {
    let server = ImapServer::plain(USER, PASSWORD);
    let a = server.deliver("INBOX", &letter(1, "Re: hola"), &[]);
    let b = server.deliver("INBOX", &letter(2, "Re: adiós"), &["\\Flagged"]);
    assert_eq!((a, b), (1, 2));
    assert_eq!(
        server.messages("INBOX")[1].internal_date,
        "22-Nov-2026 10:30:02 +0100"
    );
    let mut c = logged_in(&server);
    let examine = c.ok("EXAMINE INBOX");
    assert!(
        examine.contains("* 2 EXISTS\r\n")
            && examine.ends_with("OK [READ-ONLY] EXAMINE completed\r\n")
    );
    let body = c.ok("FETCH 1 BODY[]");
    assert!(!body.contains("FLAGS"), "{body}");
    assert!(c
        .status("STORE 1 +FLAGS (\\Seen)")
        .starts_with("NO [READ-ONLY]"));
    assert!(server.messages("INBOX")[0].flags.is_empty());
    assert!(c.ok("SEARCH FLAGGED").starts_with("* SEARCH 2\r\n"));
    assert!(c
        .ok("STATUS INBOX (MESSAGES UNSEEN UIDNEXT)")
        .starts_with("* STATUS \"INBOX\" (MESSAGES 2 UNSEEN 2 UIDNEXT 3)\r\n"));
    c.ok("UNSELECT");
    assert!(c.status("FETCH 1 FLAGS").starts_with("BAD"));

    assert!(c.ok("SELECT inbox").contains("[READ-WRITE]"));
    assert!(c.ok("FETCH 1 BODY[]").contains(" FLAGS (\\Seen))\r\n"));
    assert_eq!(server.messages("INBOX")[0].flags, ["\\Seen"]);
    assert_eq!(
        c.ok("UID STORE 2 +FLAGS (\\Deleted)"),
        format!(
            "* 2 FETCH (UID 2 FLAGS (\\Flagged \\Deleted))\r\nt{} OK UID STORE completed\r\n",
            c.n
        )
    );
    assert!(c.ok("EXPUNGE").starts_with("* 2 EXPUNGE\r\n"));
    server.deliver("INBOX", &letter(3, "later"), &[]);
    assert!(c.ok("NOOP").starts_with("* 2 EXISTS\r\n"));
    assert!(c
        .ok("COPY 1:* Sent")
        .contains("[COPYUID 1700000002 1,3 1,2]"));
    assert_eq!(server.messages("Sent").len(), 2);
    let commands = server.commands();
    assert!(commands.contains(&"EXAMINE INBOX".to_string()));
    assert!(commands.contains(&"UID STORE 2 +FLAGS (\\Deleted)".to_string()));
}

#[test]
fn imap_starttls_then_login() {
    let server = ImapServer::start(ImapOptions {
        tls: ImapTls::Starttls,
        ..ImapOptions::new(USER, PASSWORD)
    });
    let (mut c, greeting) = connect(&server);
    assert!(greeting.contains(" STARTTLS LOGINDISABLED"), "{greeting}");
    assert!(c
        .status(&format!("LOGIN {USER} x"))
        .starts_with("NO [PRIVACYREQUIRED]"));
    assert!(c
        .status("AUTHENTICATE PLAIN AGFuYQBz")
        .starts_with("NO [PRIVACYREQUIRED]"));
    c.ok("STARTTLS");
    let tcp = c.s.into_inner();
    let mut c = Raw::new(tls_client(tcp));
    let caps = c.ok("CAPABILITY");
    assert!(
        !caps.contains("STARTTLS") && !caps.contains("LOGINDISABLED"),
        "{caps}"
    );
    assert!(c.status("STARTTLS").starts_with("BAD"));
    c.ok(&format!("LOGIN {} {}", quote(USER), quote(PASSWORD)));
    c.ok("SELECT Sent");
    assert!(server.config().contains(&format!(
        "host = \"localhost\"\nport = {}\nsecurity = \"starttls\"\nca-file = \"{REPO}/tests/fixtures/ca.pem\"\n",
        server.port
    )));
}

#[test]
fn imap_implicit_tls() {
    let server = ImapServer::start(ImapOptions {
        tls: ImapTls::Implicit,
        ..ImapOptions::new(USER, PASSWORD)
    });
    let tcp = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    tcp.set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    let mut c = Raw::new(tls_client(tcp));
    let greeting = c.line();
    assert!(greeting.starts_with("* OK [CAPABILITY IMAP4rev1 ") && !greeting.contains("STARTTLS"));
    c.ok(&format!("LOGIN {} {}", quote(USER), quote(PASSWORD)));
    assert!(server.config().contains("security = \"tls\""));
    assert_eq!(server.sessions(), 1);
}

#[test]
fn imap_authenticate_plain_and_xoauth2() {
    let server = ImapServer::start(ImapOptions {
        token: Some("ya29.token".into()),
        ..ImapOptions::new(USER, PASSWORD)
    });
    let oauth = |token: &str| {
        base64_encode(format!("user={USER}\x01auth=Bearer {token}\x01\x01").as_bytes())
    };
    let (mut c, greeting) = connect(&server);
    assert!(greeting.contains(" AUTH=XOAUTH2"));
    c.ok(&format!("AUTHENTICATE XOAUTH2 {}", oauth("ya29.token")));
    assert!(c.status("LOGIN a b").starts_with("BAD"));

    let (mut c, _) = connect(&server);
    c.write("a1 AUTHENTICATE XOAUTH2\r\n");
    assert_eq!(c.line(), "+ \r\n");
    c.write(format!("{}\r\n", oauth("ya29.token")));
    assert!(c.line().starts_with("a1 OK "));

    let (mut c, _) = connect(&server);
    c.write(format!("a1 AUTHENTICATE XOAUTH2 {}\r\n", oauth("expired")));
    let challenge = c.line();
    assert!(
        challenge.starts_with("+ eyJzdGF0dXMiOiI0MDEi"),
        "{challenge}"
    );
    let json = base64_decode(challenge[2..].trim()).unwrap();
    assert!(String::from_utf8(json)
        .unwrap()
        .contains("\"status\":\"401\""));
    c.write("\r\n");
    assert!(c.line().starts_with("a1 NO [AUTHENTICATIONFAILED] "));
    c.write("a2 AUTHENTICATE PLAIN\r\n");
    assert_eq!(c.line(), "+ \r\n");
    c.write("*\r\n");
    assert!(c.line().starts_with("a2 BAD "));
    let plain = |p: &str| base64_encode(format!("\0{USER}\0{p}").as_bytes());
    assert!(c
        .status(&format!("AUTHENTICATE PLAIN {}", plain("nope")))
        .starts_with("NO [AUTHENTICATIONFAILED]"));
    c.ok(&format!("AUTHENTICATE PLAIN {}", plain(PASSWORD)));

    let server = ImapServer::plain(USER, PASSWORD);
    let (mut c, _) = connect(&server);
    assert!(c
        .status(&format!("AUTHENTICATE XOAUTH2 {}", oauth("ya29.token")))
        .starts_with("NO "));
}

#[test]
fn imap_faults() {
    let message = letter(1, "hola");
    let append = |c: &mut Raw<TcpStream>, tag: &str| -> String {
        c.write(format!(
            "{tag} APPEND Sent (\\Seen) {{{}}}\r\n",
            message.len()
        ));
        let go = c.line();
        if go != "+ go ahead\r\n" {
            return go;
        }
        c.write(&message);
        c.write("\r\n");
        c.line()
    };
    let faulty = |fault| {
        ImapServer::start(ImapOptions {
            fault: Some(fault),
            ..ImapOptions::new(USER, PASSWORD)
        })
    };

    let server = faulty(ImapFault::DropAfterAppendLiteral { nth: 2 });
    let mut c = logged_in(&server);
    assert!(append(&mut c, "a1").starts_with("a1 OK [APPENDUID"));
    assert_eq!(append(&mut c, "a2"), "");
    assert_eq!(server.messages("Sent").len(), 2);
    let mut c = logged_in(&server);
    assert!(append(&mut c, "a3").starts_with("a3 OK [APPENDUID 1700000002 3]"));

    let server = faulty(ImapFault::DropBeforeAppend { nth: 1 });
    let mut c = logged_in(&server);
    assert_eq!(append(&mut c, "a1"), "");
    assert!(server.messages("Sent").is_empty());
    assert_eq!(
        server.commands().last().unwrap(),
        &format!("APPEND Sent (\\Seen) {{{}}}", message.len())
    );
    let mut c = logged_in(&server);
    assert!(append(&mut c, "a2").starts_with("a2 OK"));

    let server = faulty(ImapFault::RefuseAppend);
    let mut c = logged_in(&server);
    assert_eq!(
        append(&mut c, "a1"),
        "a1 NO [OVERQUOTA] Mailbox is full\r\n"
    );
    assert!(server.messages("Sent").is_empty());

    let server = faulty(ImapFault::Greeting("* BYE too busy".into()));
    let (mut c, greeting) = connect(&server);
    assert_eq!(greeting, "* BYE too busy\r\n");
    assert_eq!(c.line(), "");
    assert_eq!(server.sessions(), 0);
}

#[test]
fn imap_garbage_gets_bad_never_a_panic() {
    let server = ImapServer::plain(USER, PASSWORD);
    server.deliver("INBOX", &letter(1, "x"), &[]);
    let (mut c, _) = connect(&server);
    let deep_not = format!("a1 SEARCH {}ALL", "NOT ".repeat(5000));
    let deep_parens = format!("a1 SEARCH {}ALL{}", "(".repeat(5000), ")".repeat(5000));
    let mut lines: Vec<Vec<u8>> = [
        "",
        " ",
        "garbage",
        "a1",
        "*",
        "+ x",
        "a1 \"unterminated",
        "a1 (((",
        "a1 ))",
        "a1 {abc}",
        "a1 {99999999999999}",
        "a1 {999999999}",
        "a1 LOGIN",
        "a1 LOGIN a",
        "a1 LOGIN (a) b",
        "a1 AUTHENTICATE",
        "a1 AUTHENTICATE PLAIN !!!!",
        "a1 AUTHENTICATE PLAIN a b",
        "a1 UID",
        "a1 FETCH 1 FLAGS",
        "a1 BLURB",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    lines.push(vec![0, 0xff, 0xfe, b'(', b'"', 0x80, b'[']);
    c.ok(&format!("LOGIN {} {}", quote(USER), quote(PASSWORD)));
    let selected: Vec<Vec<u8>> = [
        "a1 SELECT",
        "a1 SELECT ()",
        "a1 SELECT Nope",
        "a1 EXAMINE INBOX",
        "a1 SELECT INBOX",
        "a1 FETCH",
        "a1 FETCH x FLAGS",
        "a1 FETCH 1 ()",
        "a1 FETCH 1 (BODY[)",
        "a1 FETCH 1 BODY[HEADER.FIELDS ()]",
        "a1 FETCH 1 BODY[HEADER.FIELDS]",
        "a1 FETCH 1 BODY[]<x.y>",
        "a1 FETCH 1 BODY[]<5.9999999>",
        "a1 FETCH 0:4294967295 (FLAGS BODY.PEEK[2.MIME] BODY.PEEK[1])",
        "a1 FETCH 99999999999 FLAGS",
        "a1 FETCH 1:* BODYSTRUCTURE",
        "a1 FETCH 1 (UID",
        "a1 SEARCH",
        "a1 SEARCH HEADER",
        "a1 SEARCH HEADER x",
        "a1 SEARCH SINCE 99-Foo-2026",
        "a1 SEARCH OR ALL",
        "a1 SEARCH NOT",
        "a1 SEARCH \"x\"",
        "a1 SEARCH UID x",
        "a1 SEARCH CHARSET",
        "a1 SEARCH LARGER -1",
        "a1 SEARCH ,,,",
        "a1 SEARCH 1:2:3",
        "a1 STORE",
        "a1 STORE 1 FLAGS",
        "a1 STORE 1 XFLAGS (\\Seen)",
        "a1 UID STORE x +FLAGS \\Seen",
        "a1 UID EXPUNGE",
        "a1 UID NOPE",
        "a1 COPY 1",
        "a1 COPY 1 Nope",
        "a1 STATUS",
        "a1 STATUS INBOX (NOPE)",
        "a1 LIST",
        "a1 LIST \"\"",
        "a1 LIST \"\" * RETURN",
        "a1 LIST \"\" %%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%*",
        "a1 APPEND",
        "a1 APPEND INBOX",
        "a1 APPEND INBOX (\\Seen) \"not a date\" {0+}\r\n",
        "a1 APPEND INBOX ((x)) {0+}\r\n",
        "a1 APPEND INBOX \"x\"",
        "a1 CREATE",
        "a1 DELETE INBOX",
        "a1 CLOSE x",
        "a1 ID",
        "a1 LOGIN a b",
        "a1 STARTTLS",
        "a1 AUTHENTICATE PLAIN",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    lines.extend(selected);
    lines.push(deep_not.into_bytes());
    lines.push(deep_parens.into_bytes());
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..300 {
        let len = (seed % 80) as usize;
        let mut line = Vec::new();
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let b = (seed >> 24) as u8;
            line.push(if b == b'{' || b == b'\n' { b'x' } else { b });
        }
        lines.push(line);
    }
    for (k, line) in lines.iter().enumerate() {
        let mut bytes = line.clone();
        bytes.extend(format!("\r\nz{k} NOOP\r\n").as_bytes());
        c.write(bytes);
        let text = c.until(&format!("z{k}"));
        assert!(
            text.ends_with(&format!("z{k} OK NOOP completed\r\n")),
            "{:?}: {text}",
            String::from_utf8_lossy(line)
        );
    }
    // Still serving, and so is the server.
    c.ok("SELECT INBOX");
    assert!(c.ok("FETCH 1 (FLAGS)").starts_with("* 1 FETCH (FLAGS ("));
    let mut other = logged_in(&server);
    other.ok("SELECT INBOX");
    assert!(server.messages("INBOX").len() >= 2);
}

#[test]
fn imap_five_thousand_headers_in_one_fetch() {
    let server = ImapServer::plain(USER, PASSWORD);
    let start = std::time::Instant::now();
    for n in 0..5000 {
        server.deliver("INBOX", &letter(n, &format!("Re: letter {n}")), &[]);
    }
    let delivered = start.elapsed();
    let mut c = logged_in(&server);
    assert!(c.ok("EXAMINE INBOX").contains("* 5000 EXISTS\r\n"));
    let start = std::time::Instant::now();
    let text = c.ok("UID FETCH 1:* (UID FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO REFERENCES FROM SUBJECT)])");
    let fetched = start.elapsed();
    assert_eq!(text.matches(" FETCH (UID ").count(), 5000);
    assert!(text.contains("* 5000 FETCH (UID 5000 FLAGS () BODY[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO REFERENCES FROM SUBJECT)] {"));
    assert!(text.contains("Subject: Re: letter 4999\r\nReferences: <first-4999@example.com>\r\n <second-4999@example.com>\r\nMessage-ID: <letter-4999@example.com>\r\n\r\n)"));
    let start = std::time::Instant::now();
    assert!(c
        .ok("UID SEARCH HEADER Message-ID \"<letter-4321@example.com>\"")
        .starts_with("* SEARCH 4322\r\n"));
    let searched = start.elapsed();
    eprintln!("5,000 messages: delivered in {delivered:?}, headers fetched in {fetched:?}, searched in {searched:?}");
    assert!(fetched < std::time::Duration::from_secs(3), "{fetched:?}");
}

#[test]
fn imap_against_the_imap_crate() {
    struct OAuth(String);
    impl imap::Authenticator for OAuth {
        type Response = String;
        fn process(&self, _: &[u8]) -> String {
            format!("user={USER}\x01auth=Bearer {}\x01\x01", self.0)
        }
    }
    let server = ImapServer::start(ImapOptions {
        token: Some("tok".into()),
        ..ImapOptions::new(USER, PASSWORD)
    });
    let client = |server: &ImapServer| {
        let tcp = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        let mut client = imap::Client::new(tcp);
        client.read_greeting().unwrap();
        client
    };
    let mut s = client(&server)
        .login(USER, PASSWORD)
        .map_err(|e| e.0)
        .unwrap();
    let names = s.list(Some(""), Some("*")).unwrap();
    let sent: Vec<&str> = names
        .iter()
        .filter(|n| format!("{:?}", n.attributes()).contains("Sent"))
        .map(|n| n.name())
        .collect();
    assert_eq!(sent, ["Sent"]);
    let message = letter(3, "Feliz año");
    let start = std::time::Instant::now();
    for _ in 0..100 {
        s.append("Sent", &message)
            .flag(imap::types::Flag::Seen)
            .finish()
            .unwrap();
    }
    let appended = s
        .append("Sent", &message)
        .flag(imap::types::Flag::Seen)
        .finish()
        .unwrap();
    eprintln!("101 APPENDs with the imap crate: {:?}", start.elapsed());
    assert_eq!(appended.uid_validity, Some(1_700_000_002));
    assert_eq!(format!("{:?}", appended.uids), "Some([Uid(101)])");
    assert_eq!(s.select("Sent").unwrap().exists, 101);
    let found = s
        .uid_search("HEADER Message-ID \"<letter-3@example.com>\"")
        .unwrap();
    assert_eq!(found.len(), 101);
    let fetches = s
        .uid_fetch("101", "(UID FLAGS INTERNALDATE BODY.PEEK[])")
        .unwrap();
    let f = fetches.iter().next().unwrap();
    assert_eq!(f.uid, Some(101));
    assert_eq!(f.body(), Some(&message[..]));
    assert!(f.flags().contains(&imap::types::Flag::Seen));
    assert!(f.internal_date().is_some());
    let fetches = s
        .uid_fetch("1:*", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]")
        .unwrap();
    assert_eq!(fetches.len(), 101);
    for f in fetches.iter() {
        assert_eq!(
            f.header(),
            Some(&b"Message-ID: <letter-3@example.com>\r\n\r\n"[..])
        );
        assert!(f.uid.is_some());
    }
    let fetches = s.fetch("1", "ENVELOPE").unwrap();
    let envelope = fetches.iter().next().unwrap().envelope().unwrap();
    assert_eq!(
        envelope.message_id.as_deref(),
        Some(&b"<letter-3@example.com>"[..])
    );
    assert_eq!(envelope.to.as_ref().map(Vec::len), Some(2));
    s.examine("INBOX").unwrap();
    s.logout().unwrap();

    let mut s = client(&server)
        .authenticate("XOAUTH2", &OAuth("tok".into()))
        .map_err(|e| e.0)
        .unwrap();
    s.select("INBOX").unwrap();
    assert!(client(&server)
        .authenticate("XOAUTH2", &OAuth("bad".into()))
        .is_err());
    assert_eq!(server.sessions(), 3);
}

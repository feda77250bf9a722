//! A campaign folder builder, a way to run cartero in it, and an SMTP server on loopback.

/// The IMAP server on loopback.
pub mod imap;

use std::collections::HashSet;
use std::net::{IpAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, Instant};

use mailin_embedded::{response, AuthMechanism, Handler, Response, Server, SslConfig};

pub const NOW: &str = "2026-11-22T10:30:00+01:00";
pub const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// A campaign folder in a temporary directory.
pub struct Campaign {
    pub dir: tempfile::TempDir,
}

impl Campaign {
    /// An empty folder.
    pub fn empty() -> Campaign {
        Campaign {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// The shipped example: `cartero init`'s files.
    pub fn example() -> Campaign {
        let c = Campaign::empty();
        c.run(&["init", "."]).success();
        c
    }

    /// A small campaign: a config, `clients` as the CSV, and `template` as `templates/t.txt`.
    pub fn with(clients: &str, template: &str) -> Campaign {
        let c = Campaign::empty();
        c.write(
            "cartero.toml",
            "[sender]\nname = \"Ana García\"\nemail = \"ana@example.com\"\n\n[campaign]\nclients = \"clients.csv\"\ntemplate = \"templates/t.txt\"\n",
        );
        c.write("clients.csv", clients);
        c.write("templates/t.txt", template);
        c
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> &Campaign {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
        self
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    pub fn append(&self, name: &str, content: &str) {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(self.path(name))
            .unwrap();
        f.write_all(content.as_bytes()).unwrap();
    }

    /// `cartero ARGS` in the folder, with a fixed clock and no editor or password from outside.
    pub fn cmd(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("cartero").unwrap();
        cmd.current_dir(self.dir.path())
            .args(args)
            .env("CARTERO_NOW", NOW)
            // English, whatever the tester's locale: the tests of the languages set their own.
            .env("CARTERO_LANG", "en")
            // The archive goes in the campaign's folder, never in the tester's own data folder.
            .env("XDG_DATA_HOME", self.path(".data"))
            .env("NO_COLOR", "1")
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .env_remove("CARTERO_SMTP_PASSWORD")
            .env_remove("CARTERO_IMAP_PASSWORD")
            // How long `send` waits for a server to file its own copy in Sent: a test server
            // that does files it within milliseconds.
            .env("CARTERO_SENT_GRACE_MS", "400")
            .timeout(Duration::from_secs(120));
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run(self.cmd(args).output().unwrap())
    }

    /// `cartero ARGS` with `CARTERO_SMTP_PASSWORD` set.
    pub fn run_with_password(&self, args: &[&str], password: &str) -> Run {
        Run(self
            .cmd(args)
            .env("CARTERO_SMTP_PASSWORD", password)
            .output()
            .unwrap())
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        Run(self
            .cmd(args)
            .write_stdin(stdin.to_string())
            .output()
            .unwrap())
    }

    /// `status --json`, parsed.
    pub fn status(&self) -> Vec<serde_json::Value> {
        let out = self.run(&["status", "--json"]).success();
        serde_json::from_str(&out.stdout()).unwrap()
    }

    pub fn states(&self) -> Vec<String> {
        self.status()
            .iter()
            .map(|c| c["state"].as_str().unwrap().to_string())
            .collect()
    }

    pub fn draft_path(&self, index: usize) -> PathBuf {
        let s = &self.status()[index];
        PathBuf::from(s["draft"].as_str().unwrap())
    }

    pub fn draft_file(&self, index: usize) -> PathBuf {
        self.dir.path().join(self.draft_path(index))
    }
}

pub struct Run(pub Output);

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    pub fn code(&self) -> Option<i32> {
        self.0.status.code()
    }

    #[track_caller]
    pub fn success(self) -> Run {
        assert!(
            self.0.status.success(),
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }

    #[track_caller]
    pub fn failure(self) -> Run {
        assert_eq!(
            self.code(),
            Some(1),
            "expected exit 1\nstdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        assert!(!self.stderr().contains("panicked"), "{}", self.stderr());
        self
    }

    #[track_caller]
    pub fn stderr_has(self, text: &str) -> Run {
        assert!(
            self.stderr().contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr()
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(self, text: &str) -> Run {
        assert!(
            self.stdout().contains(text),
            "stdout lacks {text:?}:\n{}",
            self.stdout()
        );
        self
    }
}

/// Every `.eml` in a folder, sorted by name, parsed back.
pub fn emls(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

pub fn parse(bytes: &[u8]) -> mail_parser::Message<'_> {
    mail_parser::MessageParser::default()
        .parse(bytes)
        .expect("the message parses")
}

/// The addresses of a header such as To, as plain strings.
pub fn addresses(a: Option<&mail_parser::Address>) -> Vec<String> {
    a.map(|a| {
        a.iter()
            .filter_map(|x| x.address().map(str::to_string))
            .collect()
    })
    .unwrap_or_default()
}

// ---------------------------------------------------------------- an SMTP server on 127.0.0.1

/// One message as the server received it.
#[derive(Debug, Clone, Default)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: Vec<u8>,
    pub user: Option<String>,
    /// When its MAIL FROM arrived: the start of the message, as cartero paces it.
    pub at: Option<Instant>,
}

/// How the test server behaves.
#[derive(Default)]
pub struct Rules {
    /// RCPT TO these gets 550.
    pub reject: Vec<String>,
    /// The first RCPT TO for these gets 451 (as greylisting does); the next one is accepted.
    pub transient_once: Mutex<HashSet<String>>,
    /// AUTH with this user and password is required.
    pub login: Option<(String, String)>,
    /// Accepting a message takes this long (to kill cartero mid-run).
    pub delay: Duration,
    /// RCPT TO these always gets 451.
    pub transient_always: Vec<String>,
    /// Offer only AUTH LOGIN (with TLS), not PLAIN.
    pub login_only: bool,
    /// How many sessions (EHLO) the server saw.
    pub sessions: std::sync::atomic::AtomicUsize,
    /// With TLS, show `tests/fixtures/selfsigned.pem` (a certificate that signed itself).
    pub self_signed: bool,
}

#[derive(Clone)]
struct Recorder {
    rules: Arc<Rules>,
    inbox: Arc<Mutex<Vec<Received>>>,
    current: Received,
    user: Option<String>,
}

impl Handler for Recorder {
    fn helo(&mut self, _ip: IpAddr, _domain: &str) -> Response {
        self.rules
            .sessions
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        response::OK
    }

    fn mail(&mut self, _ip: IpAddr, _domain: &str, from: &str) -> Response {
        if self.rules.login.is_some() && self.user.is_none() {
            return response::AUTHENTICATION_REQUIRED;
        }
        self.current = Received {
            from: from.to_string(),
            user: self.user.clone(),
            at: Some(Instant::now()),
            ..Received::default()
        };
        response::OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        if self.rules.reject.iter().any(|r| r == to) {
            return response::NO_MAILBOX;
        }
        if self.rules.transient_always.iter().any(|r| r == to)
            || self.rules.transient_once.lock().unwrap().remove(to)
        {
            return response::INTERNAL_ERROR;
        }
        self.current.to.push(to.to_string());
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        std::thread::sleep(self.rules.delay);
        let msg = std::mem::take(&mut self.current);
        self.inbox.lock().unwrap().push(msg);
        response::OK
    }

    fn auth_plain(&mut self, _authz: &str, user: &str, password: &str) -> Response {
        self.auth_login(user, password)
    }

    fn auth_login(&mut self, user: &str, password: &str) -> Response {
        match &self.rules.login {
            Some((u, p)) if u == user && p == password => {
                self.user = Some(user.to_string());
                response::AUTH_OK
            }
            _ => response::INVALID_CREDENTIALS,
        }
    }
}

pub struct SmtpServer {
    pub port: u16,
    inbox: Arc<Mutex<Vec<Received>>>,
    rules: Arc<Rules>,
}

impl SmtpServer {
    /// A STARTTLS server requiring AUTH as `user` with `password`.
    pub fn with_login(user: &str, password: &str, login_only: bool) -> SmtpServer {
        let rules = Rules {
            login: Some((user.into(), password.into())),
            login_only,
            ..Rules::default()
        };
        SmtpServer::start_with(rules, true)
    }

    pub fn start(rules: Rules) -> SmtpServer {
        SmtpServer::start_with(rules, false)
    }

    /// A server on 127.0.0.1 on a free port, in a thread of the test; with `tls`, it offers
    /// STARTTLS with the test certificate (signed by `tests/fixtures/ca.pem`) and AUTH.
    pub fn start_with(rules: Rules, tls: bool) -> SmtpServer {
        static CRYPTO: Once = Once::new();
        CRYPTO.call_once(|| {
            // mailin brings rustls with aws-lc-rs and lettre with ring: pick one for the process.
            let _ = rustls::crypto::ring::default_provider().install_default();
        });
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let login_only = rules.login_only;
        let (cert, key) = match rules.self_signed {
            false => ("cert.pem", "key.pem"),
            true => ("selfsigned.pem", "selfsigned-key.pem"),
        };
        let rules = Arc::new(rules);
        let handler = Recorder {
            rules: Arc::clone(&rules),
            inbox: Arc::clone(&inbox),
            current: Received::default(),
            user: None,
        };
        let mut server = Server::new(handler);
        server
            .with_name("localhost")
            .with_num_threads(4)
            .with_tcp_listener(listener);
        if tls {
            let fixture = |f: &str| format!("{REPO}/tests/fixtures/{f}");
            server
                .with_ssl(SslConfig::SelfSigned {
                    cert_path: fixture(cert),
                    key_path: fixture(key),
                })
                .unwrap();
            if !login_only {
                server.with_auth(AuthMechanism::Plain);
            }
            server.with_auth(AuthMechanism::Login);
        }
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpServer { port, inbox, rules }
    }

    /// How many SMTP sessions were opened.
    pub fn sessions(&self) -> usize {
        self.rules
            .sessions
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }

    /// The letters the server holds, shared with a thread of the test.
    pub fn inbox_handle(&self) -> Arc<Mutex<Vec<Received>>> {
        Arc::clone(&self.inbox)
    }

    /// The `[smtp]` table for STARTTLS to this server, trusting the test CA, plus `extra` lines.
    pub fn tls_config(&self, extra: &str) -> String {
        format!(
            "\n[smtp]\nhost = \"localhost\"\nport = {}\nsecurity = \"starttls\"\nca-file = \"{REPO}/tests/fixtures/ca.pem\"\n{extra}",
            self.port
        )
    }

    /// The `[smtp]` table for a plain connection to this server.
    pub fn config(&self) -> String {
        format!(
            "\n[smtp]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\nretry-delay-ms = 50\n",
            self.port
        )
    }
}

/// A proxy on 127.0.0.1 in front of a server that drops the client's connection in the
/// middle of the `n`th message's DATA, once.
pub fn dropping_proxy(upstream: u16, n: usize) -> u16 {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let datas = Arc::new(Mutex::new(0usize));
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(mut client) = client else { continue };
            let Ok(mut server) = TcpStream::connect(("127.0.0.1", upstream)) else {
                continue;
            };
            let mut client_r = client.try_clone().unwrap();
            let mut server_w = server.try_clone().unwrap();
            let datas = Arc::clone(&datas);
            // server → client
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(k) = server.read(&mut buf) {
                    if k == 0 || client.write_all(&buf[..k]).is_err() {
                        break;
                    }
                }
                let _ = client.shutdown(std::net::Shutdown::Both);
            });
            // client → server, cut during the nth DATA
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(k) = client_r.read(&mut buf) {
                    if k == 0 {
                        break;
                    }
                    let chunk = &buf[..k];
                    if chunk.starts_with(b"DATA") {
                        let mut d = datas.lock().unwrap();
                        *d += 1;
                        if *d == n {
                            let _ = client_r.shutdown(std::net::Shutdown::Both);
                            let _ = server_w.shutdown(std::net::Shutdown::Both);
                            return;
                        }
                    }
                    if server_w.write_all(chunk).is_err() {
                        break;
                    }
                }
                let _ = server_w.shutdown(std::net::Shutdown::Both);
            });
        }
    });
    port
}

/// A minimal SMTP server that speaks TLS from the first byte (port-465 style, which mailin does
/// not offer), on 127.0.0.1, with the test certificate. SMTP is lockstep, so one thread per
/// connection reads a command and answers it. Returns the port and the envelope recipients of
/// each message it accepted.
pub fn implicit_tls_server() -> (u16, Arc<Mutex<Vec<Vec<String>>>>) {
    use std::io::{BufRead, BufReader, Write};
    static CRYPTO: Once = Once::new();
    CRYPTO.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
    let config = server_tls("cert.pem", "key.pem");
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&inbox);
    std::thread::spawn(move || {
        for tcp in listener.incoming().flatten() {
            let config = Arc::clone(&config);
            let seen = Arc::clone(&seen);
            std::thread::spawn(move || {
                let conn = rustls::ServerConnection::new(config).unwrap();
                let mut tls = BufReader::new(rustls::StreamOwned::new(conn, tcp));
                let say = |tls: &mut BufReader<
                    rustls::StreamOwned<rustls::ServerConnection, std::net::TcpStream>,
                >,
                           text: &str| {
                    tls.get_mut()
                        .write_all(text.as_bytes())
                        .and_then(|_| tls.get_mut().flush())
                };
                if say(&mut tls, "220 localhost ready\r\n").is_err() {
                    return;
                }
                let mut rcpt = Vec::new();
                let mut line = String::new();
                loop {
                    line.clear();
                    if tls.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    let reply = match verb.as_str() {
                        "EHLO" => "250-localhost\r\n250 8BITMIME\r\n".to_string(),
                        "HELO" | "MAIL" | "RSET" | "NOOP" => "250 OK\r\n".to_string(),
                        "RCPT" => {
                            rcpt.push(
                                line.trim()
                                    .trim_start_matches("RCPT TO:")
                                    .trim_matches(['<', '>'])
                                    .to_string(),
                            );
                            "250 OK\r\n".to_string()
                        }
                        "DATA" => {
                            if say(&mut tls, "354 go ahead\r\n").is_err() {
                                return;
                            }
                            loop {
                                line.clear();
                                if tls.read_line(&mut line).unwrap_or(0) == 0 {
                                    return;
                                }
                                if line == ".\r\n" {
                                    break;
                                }
                            }
                            seen.lock().unwrap().push(std::mem::take(&mut rcpt));
                            "250 queued\r\n".to_string()
                        }
                        "QUIT" => {
                            let _ = say(&mut tls, "221 bye\r\n");
                            return;
                        }
                        _ => "502 unknown\r\n".to_string(),
                    };
                    if say(&mut tls, &reply).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (port, inbox)
}

// ------------------------------------------- a scripted SMTP server that breaks on purpose

/// Where the scripted server misbehaves, on one attempt (counted by MAIL FROM, from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Answer nothing at MAIL FROM until released: the test kills cartero there.
    HoldAtMail,
    /// After 354, read this many bytes of the message, then close the connection.
    DropMidBody(usize),
    /// Take the whole message with its final ".", keep it, and close without a reply.
    DropAfterDot,
    /// Take the whole message, keep it, and answer 354: a reply SMTP does not allow there.
    Reply354AfterDot,
    /// Take the whole message, then answer 421 and close: the server keeps nothing.
    Reply421AfterDot,
    /// Take the whole message, keep it, and answer nothing until released; then 250.
    HoldAfterDot,
}

/// A provider's sending limit: once the server holds `after` letters, it refuses every further
/// one with `reply` (a whole reply line, such as `550 5.4.5 Daily user sending quota exceeded.`),
/// at MAIL FROM or in answer to the final ".", until the test lifts it.
#[derive(Clone)]
pub struct Quota {
    pub after: usize,
    pub at_mail: bool,
    pub reply: String,
}

/// What the test tells a scripted server.
#[derive(Default)]
pub struct Script {
    pub faults: Vec<(usize, Fault)>,
    pub quota: Option<Quota>,
    /// Once it holds this many letters, the server goes away: it closes the connection and
    /// every new one at once.
    pub dies_after: Option<usize>,
    /// EHLO keywords besides 8BITMIME, such as `SMTPUTF8`.
    pub extensions: Vec<String>,
}

#[derive(Default)]
struct ScriptState {
    attempts: usize,
    letters: Vec<Received>,
    /// MAIL FROM lines as the server read them, parameters and all.
    mail_lines: Vec<String>,
    holding: bool,
    released: bool,
    quota_lifted: bool,
}

/// A lockstep SMTP server on 127.0.0.1, written here so that it can break at exact protocol
/// points that a real server only reaches by accident.
pub struct ScriptedSmtp {
    pub port: u16,
    state: Arc<(Mutex<ScriptState>, std::sync::Condvar)>,
}

impl ScriptedSmtp {
    pub fn start(script: Script) -> ScriptedSmtp {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        if script
            .faults
            .iter()
            .any(|(_, f)| matches!(f, Fault::DropMidBody(_)))
        {
            small_receive_buffer(&listener);
        }
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new((
            Mutex::new(ScriptState::default()),
            std::sync::Condvar::new(),
        ));
        let script = Arc::new(script);
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for tcp in listener.incoming().flatten() {
                let (state, script) = (Arc::clone(&shared), Arc::clone(&script));
                std::thread::spawn(move || {
                    let _ = serve_scripted(tcp, &state, &script);
                });
            }
        });
        ScriptedSmtp { port, state }
    }

    /// The `[smtp]` table for a plain connection, with quick retries.
    pub fn config(&self) -> String {
        format!(
            "\n[smtp]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\nretry-delay-ms = 20\ntimeout-seconds = 5\n",
            self.port
        )
    }

    /// The letters the server kept, in order.
    pub fn letters(&self) -> Vec<Received> {
        self.state.0.lock().unwrap().letters.clone()
    }

    pub fn mail_lines(&self) -> Vec<String> {
        self.state.0.lock().unwrap().mail_lines.clone()
    }

    /// How many letters went to `to`.
    pub fn count_to(&self, to: &str) -> usize {
        self.letters().iter().filter(|m| m.to == [to]).count()
    }

    /// Waits until the server holds at a `Hold…` fault (panics after 30 s).
    pub fn wait_until_holding(&self) {
        let (lock, cv) = &*self.state;
        let mut s = lock.lock().unwrap();
        let start = Instant::now();
        while !s.holding {
            assert!(start.elapsed() < Duration::from_secs(30), "never held");
            s = cv.wait_timeout(s, Duration::from_millis(50)).unwrap().0;
        }
    }

    /// The provider's next day: the quota no longer refuses.
    pub fn lift_quota(&self) {
        self.state.0.lock().unwrap().quota_lifted = true;
    }

    /// Lets a held connection go on.
    pub fn release(&self) {
        let (lock, cv) = &*self.state;
        lock.lock().unwrap().released = true;
        cv.notify_all();
    }
}

/// A small receive buffer on the accepted connections, so that a letter of a few megabytes
/// cannot sit whole in the buffers between cartero and the server.
fn small_receive_buffer(listener: &TcpListener) {
    use std::os::fd::AsRawFd;
    let size: libc::c_int = 4096;
    // SAFETY: the listener's descriptor is open, and the option value outlives the call.
    unsafe {
        libc::setsockopt(
            listener.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_RCVBUF,
            (&size as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        );
    }
}

fn serve_scripted(
    tcp: std::net::TcpStream,
    state: &(Mutex<ScriptState>, std::sync::Condvar),
    script: &Script,
) -> std::io::Result<()> {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut out = tcp.try_clone()?;
    let mut input = BufReader::new(tcp);
    let hold = || {
        let (lock, cv) = state;
        let mut s = lock.lock().unwrap();
        s.holding = true;
        cv.notify_all();
        while !s.released {
            s = cv.wait(s).unwrap();
        }
    };
    let dead = || {
        let s = state.0.lock().unwrap();
        script.dies_after.is_some_and(|n| s.letters.len() >= n)
    };
    if dead() {
        return Ok(());
    }
    let over_quota = || {
        let s = state.0.lock().unwrap();
        script
            .quota
            .as_ref()
            .filter(|q| !s.quota_lifted && s.letters.len() >= q.after)
            .map(|q| format!("{}\r\n", q.reply))
    };
    out.write_all(b"220 localhost scripted ready\r\n")?;
    let mut current = Received::default();
    let mut fault = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
        if dead() {
            return Ok(());
        }
        match verb.as_str() {
            "EHLO" => {
                let mut reply = String::from("250-localhost\r\n");
                for e in &script.extensions {
                    reply.push_str(&format!("250-{e}\r\n"));
                }
                reply.push_str("250 8BITMIME\r\n");
                out.write_all(reply.as_bytes())?;
            }
            "MAIL" => {
                let n = {
                    let mut s = state.0.lock().unwrap();
                    s.attempts += 1;
                    s.mail_lines.push(line.trim_end().to_string());
                    s.attempts
                };
                fault = script
                    .faults
                    .iter()
                    .find(|(at, _)| *at == n)
                    .map(|(_, f)| *f);
                if fault == Some(Fault::HoldAtMail) {
                    hold();
                    return Ok(());
                }
                if let Some(reply) =
                    over_quota().filter(|_| script.quota.as_ref().is_some_and(|q| q.at_mail))
                {
                    out.write_all(reply.as_bytes())?;
                    continue;
                }
                let from = line[10..].split('>').next().unwrap_or("");
                current = Received {
                    from: from.trim_start_matches('<').to_string(),
                    at: Some(Instant::now()),
                    ..Received::default()
                };
                out.write_all(b"250 OK\r\n")?;
            }
            "RCPT" => {
                let to = line[8..].split('>').next().unwrap_or("");
                current.to.push(to.trim_start_matches('<').to_string());
                out.write_all(b"250 OK\r\n")?;
            }
            "DATA" => {
                out.write_all(b"354 go ahead\r\n")?;
                if let Some(Fault::DropMidBody(n)) = fault {
                    let mut buf = vec![0u8; n];
                    input.read_exact(&mut buf)?;
                    // Closing with unread data resets the connection at once.
                    return Ok(());
                }
                loop {
                    line.clear();
                    if input.read_line(&mut line)? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    let text = line.strip_prefix('.').unwrap_or(&line);
                    current.data.extend_from_slice(text.as_bytes());
                }
                let letter = std::mem::take(&mut current);
                if let Some(reply) = over_quota() {
                    out.write_all(reply.as_bytes())?;
                    continue;
                }
                match fault {
                    Some(Fault::Reply421AfterDot) => {
                        out.write_all(b"421 4.3.2 shutting down, try again later\r\n")?;
                        return Ok(());
                    }
                    Some(Fault::Reply354AfterDot) => {
                        state.0.lock().unwrap().letters.push(letter);
                        out.write_all(b"354 more, please\r\n")?;
                        continue;
                    }
                    Some(Fault::DropAfterDot) => {
                        state.0.lock().unwrap().letters.push(letter);
                        return Ok(());
                    }
                    Some(Fault::HoldAfterDot) => {
                        state.0.lock().unwrap().letters.push(letter);
                        hold();
                    }
                    _ => state.0.lock().unwrap().letters.push(letter),
                }
                out.write_all(b"250 2.0.0 queued\r\n")?;
            }
            "RSET" | "NOOP" => out.write_all(b"250 OK\r\n")?,
            "QUIT" => {
                out.write_all(b"221 bye\r\n")?;
                return Ok(());
            }
            _ => out.write_all(b"502 5.5.2 unknown command\r\n")?,
        }
    }
}

/// `cartero ARGS` started in the background, as a person's terminal would run it.
pub fn spawn(c: &Campaign, args: &[&str]) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("cartero"))
        .current_dir(c.dir.path())
        .args(args)
        .env("CARTERO_NOW", NOW)
        .env("CARTERO_LANG", "en")
        .env("XDG_DATA_HOME", c.path(".data"))
        .env_remove("CARTERO_SMTP_PASSWORD")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// A rustls server configuration showing `tests/fixtures/{cert}` with its `key`.
pub fn server_tls(cert: &str, key: &str) -> Arc<rustls::ServerConfig> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let fixture = |f: &str| format!("{REPO}/tests/fixtures/{f}");
    let certs = vec![CertificateDer::from_pem_file(fixture(cert)).unwrap()];
    let key = PrivateKeyDer::from_pem_file(fixture(key)).unwrap();
    Arc::new(
        rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap(),
    )
}

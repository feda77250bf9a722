//! `cartero send`: each approved draft as its own message over SMTP, exactly once around the journal.
//!
//! For every message, `sending` (with its Message-ID) is on disk before the first byte goes to
//! the server, and `sent` (with the server's reply) after it accepted. A `sending` with no outcome
//! after a crash is `uncertain`: reported, and never sent again unless the user names it.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::transport::smtp::PoolConfig;
use lettre::{SmtpTransport, Transport};

use crate::cli::SendArgs;
use crate::compose::{build_message, message_id};
use crate::drafts::{validate, Draft, Entry, State, Survey};
use crate::journal::{Delivery, Event, Journal, Kind};
use crate::settings::{Security, Settings, Smtp};

/// How a delivery attempt ended, as far as what to do next is concerned.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// 4xx, a dropped connection, a timeout: worth another try.
    #[error("{0}")]
    Transient(String),
    /// 5xx about this message or recipient: the next client may still go.
    #[error("{0}")]
    Permanent(String),
    /// Nothing will go through this server as configured (TLS, authentication): stop the run.
    #[error("{0}")]
    Fatal(String),
}

/// Where messages go: an SMTP server, or a folder of `.eml` files for a dry run.
pub trait Outbox {
    fn deliver(
        &mut self,
        envelope: &Envelope,
        stem: &str,
        bytes: &[u8],
    ) -> Result<String, SendError>;
    fn describe(&self) -> String;
}

pub struct SmtpOutbox {
    transport: SmtpTransport,
    name: String,
}

impl SmtpOutbox {
    pub fn connect(smtp: &Smtp, password: Option<String>) -> Result<SmtpOutbox> {
        let tls_parameters = || -> Result<TlsParameters> {
            let mut b = TlsParameters::builder(smtp.host.clone());
            if let Some(ca) = &smtp.ca_file {
                let pem = std::fs::read(ca)
                    .with_context(|| format!("failed to read `ca-file` `{}`", ca.display()))?;
                let cert = Certificate::from_pem(&pem)
                    .with_context(|| format!("`{}` is not a PEM certificate", ca.display()))?;
                b = b.add_root_certificate(cert);
            }
            b.build().context("failed to set up TLS")
        };
        let mut builder = SmtpTransport::builder_dangerous(smtp.host.clone())
            .port(smtp.port)
            .timeout(Some(smtp.timeout))
            .pool_config(PoolConfig::new().max_size(1));
        builder = match smtp.security {
            Security::None => builder.tls(Tls::None),
            Security::Starttls => builder.tls(Tls::Required(tls_parameters()?)),
            Security::Tls => builder.tls(Tls::Wrapper(tls_parameters()?)),
        };
        if let Some(user) = &smtp.username {
            builder =
                builder.credentials(Credentials::new(user.clone(), password.unwrap_or_default()));
        }
        let transport = builder.build();
        let name = format!("{}:{}", smtp.host, smtp.port);
        match transport.test_connection() {
            Ok(true) => {}
            Ok(false) => bail!("the SMTP server `{name}` did not answer as a mail server should"),
            Err(e) => {
                return Err(anyhow::anyhow!(chain(&e))).with_context(|| {
                    format!(
                        "failed to connect to the SMTP server `{name}` ({}){}",
                        smtp.security,
                        if e.is_tls() || chain(&e).contains("certificate") {
                            ": its TLS certificate could not be verified for this host name (a server with its own certificate authority needs `ca-file` under `[smtp]`)"
                        } else {
                            ""
                        }
                    )
                })
            }
        }
        Ok(SmtpOutbox { transport, name })
    }
}

fn chain(e: &dyn std::error::Error) -> String {
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

impl Outbox for SmtpOutbox {
    fn deliver(
        &mut self,
        envelope: &Envelope,
        _stem: &str,
        bytes: &[u8],
    ) -> Result<String, SendError> {
        // The pool may have opened a new connection since the last message.
        disable_nagle();
        match self.transport.send_raw(envelope, bytes) {
            Ok(response) => Ok(format!(
                "{} {}",
                response.code(),
                response.message().collect::<Vec<_>>().join(" ")
            )),
            Err(e) => {
                let text = chain(&e);
                let code = e.status().map(|c| c.to_string());
                Err(
                    if e.is_tls() || matches!(code.as_deref(), Some("530" | "534" | "535" | "538"))
                    {
                        SendError::Fatal(text)
                    } else if e.is_permanent() {
                        SendError::Permanent(text)
                    } else {
                        SendError::Transient(text)
                    },
                )
            }
        }
    }

    fn describe(&self) -> String {
        format!("the SMTP server {}", self.name)
    }
}

/// `--dry-run`: the bytes that would be sent, written as `.eml` files.
pub struct FileOutbox {
    dir: PathBuf,
}

impl Outbox for FileOutbox {
    fn deliver(
        &mut self,
        _envelope: &Envelope,
        stem: &str,
        bytes: &[u8],
    ) -> Result<String, SendError> {
        let path = self.dir.join(format!("{stem}.eml"));
        std::fs::write(&path, bytes)
            .map_err(|e| SendError::Fatal(format!("failed to write `{}`: {e}", path.display())))?;
        Ok(format!("written to {}", path.display()))
    }

    fn describe(&self) -> String {
        format!("the folder `{}`", self.dir.display())
    }
}

/// `drafts/send.lock` holds the pid of the one `send` allowed to run at a time.
struct Lock(PathBuf);

impl Lock {
    fn take(drafts: &Path) -> Result<Lock> {
        let path = drafts.join("send.lock");
        for _ in 0..2 {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Lock(path));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    if let Some(pid) = holder(&path) {
                        bail!("another `cartero send` (process {pid}) is sending this campaign; wait for it to finish");
                    }
                    // Left by a run that was killed: nobody holds it.
                    let _ = std::fs::remove_file(&path);
                }
                Err(e) => {
                    return Err(e).with_context(|| format!("failed to create `{}`", path.display()))
                }
            }
        }
        bail!("failed to take `{}`", path.display())
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn holder(path: &Path) -> Option<u32> {
    let pid: u32 = std::fs::read_to_string(path).ok()?.trim().parse().ok()?;
    let alive = Path::new(&format!("/proc/{pid}")).exists() || !Path::new("/proc/self").exists();
    (alive && pid != std::process::id()).then_some(pid)
}

/// True while some `cartero send` is running on this drafts folder.
pub fn lock_is_held(drafts: &Path) -> bool {
    holder(&drafts.join("send.lock")).is_some()
}

fn password(smtp: &Smtp) -> Result<Option<String>> {
    let Some(user) = &smtp.username else {
        return Ok(None);
    };
    if let Ok(p) = std::env::var("CARTERO_SMTP_PASSWORD") {
        return Ok(Some(p));
    }
    if let Some(cmd) = &smtp.password_command {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .stderr(std::process::Stdio::inherit())
            .output()
            .with_context(|| format!("failed to run `password-command` `{cmd}`"))?;
        if !out.status.success() {
            bail!("`password-command` `{cmd}` failed ({})", out.status);
        }
        let text = String::from_utf8(out.stdout)
            .context("`password-command` printed something that is not text")?;
        return Ok(Some(text.trim_end_matches(['\n', '\r']).to_string()));
    }
    if std::io::stdin().is_terminal() {
        let p = rpassword::prompt_password(format!("SMTP password for {user} at {}: ", smtp.host))
            .context("failed to read the password")?;
        return Ok(Some(p));
    }
    bail!(
        "no SMTP password for `{user}`: set CARTERO_SMTP_PASSWORD, or `password-command` under `[smtp]`, or run `cartero send` at a terminal to type it"
    )
}

/// One message to go: which client, the approved draft, and the hash it was approved with.
struct Job {
    index: usize,
    key: String,
    stem: String,
    draft: Draft,
    hash: String,
}

pub fn run(settings: Settings, args: &SendArgs) -> Result<ExitCode> {
    let survey = Survey::take(settings)?;
    let settings = survey.campaign.settings.clone();
    let sender = settings.sender()?.clone();
    for w in &survey.journal_warnings {
        eprintln!("warning: {w}");
    }

    let mut resend: Vec<String> = args
        .resend
        .iter()
        .map(|e| e.trim().to_lowercase())
        .collect();
    resend.sort();
    resend.dedup();
    for r in &resend {
        let Some(e) = survey.entries.iter().find(|e| &e.client.key == r) else {
            bail!("`--resend {r}`: there is no such client in the list");
        };
        if e.state == State::Sent {
            let id = e
                .record
                .as_ref()
                .and_then(|r| r.sent.as_ref())
                .map(|s| s.0.clone())
                .unwrap_or_default();
            bail!("`--resend {r}`: that email was sent and accepted by the server ({id}); cartero never sends a client the same email twice");
        }
        if !approved_now(e) {
            bail!("`--resend {r}`: the draft as it is now was not approved; run `cartero review` first");
        }
    }

    let mut jobs = Vec::new();
    let mut invalid = Vec::new();
    let mut uncertain = Vec::new();
    for e in &survey.entries {
        let named = resend.contains(&e.client.key);
        let go = match e.state {
            State::Approved => true,
            State::Failed => named || !failed_permanently(e),
            State::Uncertain => {
                if !named {
                    uncertain.push(e);
                }
                named && approved_now(e)
            }
            _ => false,
        };
        if !go {
            continue;
        }
        let (Some(text), Some(hash), Some(path)) = (&e.text, &e.hash, &e.path) else {
            continue;
        };
        match validate(text, &e.client.key) {
            Ok(draft) => jobs.push(Job {
                index: e.client.index,
                key: e.client.key.clone(),
                stem: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                draft,
                hash: hash.clone(),
            }),
            Err(why) => invalid.push(format!("`{}`: {why}", path.display())),
        }
    }
    for e in &uncertain {
        let id = match e.record.as_ref().and_then(|r| r.delivery.as_ref()) {
            Some(Delivery::Pending { message_id }) => message_id.clone(),
            _ => String::new(),
        };
        eprintln!(
            "uncertain: {} <{}>: an earlier send was interrupted; message {id} may have arrived. Not sent again: check your sent folder, and pass `--resend {}` only if it is not there",
            e.client.name, e.client.email, e.client.email
        );
    }
    for i in &invalid {
        eprintln!("warning: not sent, the draft is broken: {i}");
    }
    let unreviewed = survey
        .entries
        .iter()
        .filter(|e| e.state.needs_review() || e.state == State::New)
        .count();
    let limit = args.limit.unwrap_or(usize::MAX);
    jobs.truncate(limit);

    if jobs.is_empty() {
        let sent = survey
            .entries
            .iter()
            .filter(|e| e.state == State::Sent)
            .count();
        println!(
            "nothing to send: {sent} already sent, {unreviewed} waiting for review{}",
            if unreviewed > 0 {
                "; run `cartero review`"
            } else {
                ""
            }
        );
        return Ok(if uncertain.is_empty() && invalid.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }

    let mode = if args.dry_run {
        Mode::DryRun
    } else if args.to_self {
        Mode::ToSelf
    } else {
        Mode::Real
    };
    let smtp = match mode {
        Mode::DryRun => None,
        _ => Some(settings.smtp.clone().context(
            "no SMTP server: add `[smtp]` with `host` (and `port`, `username`) to cartero.toml; `cartero send --dry-run` needs none",
        )?),
    };

    // Say what is about to happen, and ask.
    let server = match &smtp {
        Some(s) => format!("{}:{} ({})", s.host, s.port, s.security),
        None => "no server (dry run)".into(),
    };
    let whom = match mode {
        Mode::ToSelf => format!(
            "to yourself ({}), subjects tagged [test], recorded as nothing",
            sender.email
        ),
        Mode::DryRun => "as .eml files, recorded as nothing".into(),
        Mode::Real => "one message per client".into(),
    };
    eprintln!(
        "about to send {} message(s) {whom}, through {server}, as {}{}",
        jobs.len(),
        crate::compose::display_mailbox(&sender),
        if unreviewed > 0 {
            format!("; {unreviewed} draft(s) are still unreviewed and will not go")
        } else {
            String::new()
        }
    );
    if let Some(rate) = smtp.as_ref().and_then(|s| s.rate.clone()) {
        eprintln!("at most {rate}");
    }
    if !args.yes && mode != Mode::DryRun {
        if !std::io::stdin().is_terminal() {
            bail!("not sending without a confirmation, and there is no terminal to ask on: check `cartero status`, then run `cartero send --yes`");
        }
        eprint!("send them? [y/N] ");
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        if !matches!(
            answer.trim().to_lowercase().as_str(),
            "y" | "yes" | "s" | "si" | "sí"
        ) {
            eprintln!("nothing sent");
            return Ok(ExitCode::SUCCESS);
        }
    }

    let _lock = Lock::take(&settings.drafts)?;
    let mut outbox: Box<dyn Outbox> = match (&smtp, mode) {
        (Some(s), _) => {
            let pw = password(s)?;
            Box::new(SmtpOutbox::connect(s, pw)?)
        }
        (None, _) => {
            let dir = args
                .out
                .clone()
                .unwrap_or_else(|| settings.drafts.join("dry-run"));
            crate::commands::write_emls(&dir, &[])?;
            Box::new(FileOutbox { dir })
        }
    };
    let mut journal = Journal::open(&settings.journal_path())?;

    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // A second Ctrl-C ends at once; the message in flight is then `uncertain`, never lost.
        let _ = signal_hook::flag::register_conditional_shutdown(sig, 130, Arc::clone(&stop));
        let _ = signal_hook::flag::register(sig, Arc::clone(&stop));
    }

    let progress = progress_bar(jobs.len() as u64);
    let interval = smtp.as_ref().and_then(|s| s.interval);
    let (retries, retry_delay) = smtp
        .as_ref()
        .map_or((0, Duration::ZERO), |s| (s.retries, s.retry_delay));
    let mut last_start: Option<Instant> = None;
    let mut tally = Tally::default();
    for job in &jobs {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        if let (Some(interval), Some(last)) = (interval, last_start) {
            if !sleep_until(last + interval, &stop) {
                break;
            }
        }
        last_start = Some(Instant::now());
        let now = settings.clock();
        let (to, email) = match mode {
            Mode::ToSelf => {
                let mut email = job.draft.email.clone();
                email.subject = format!("[test] {}", email.subject);
                (sender.clone(), email)
            }
            _ => (job.draft.to.clone(), job.draft.email.clone()),
        };
        let id = message_id(&sender, &job.key, now, settings.salt ^ (job.index as u64));
        let message = build_message(&sender, &to, &email, now, &id)?;
        let envelope = Envelope::new(Some(sender.email.clone()), vec![to.email.clone()])
            .context("failed to build the envelope")?;
        let bytes = message.formatted();
        let record = mode == Mode::Real;
        if record {
            let mut e = Event::new(now, &job.key, Kind::Sending).hash(&job.hash);
            e.message_id = Some(id.clone());
            journal.append(e)?;
        }
        let mut attempt = 0;
        let result = loop {
            match outbox.deliver(&envelope, &job.stem, &bytes) {
                Err(SendError::Transient(why))
                    if attempt < retries && !stop.load(Ordering::SeqCst) =>
                {
                    attempt += 1;
                    progress.println(format!("retrying {} in a moment: {why}", job.key));
                    std::thread::sleep(retry_delay * 2u32.pow(attempt - 1));
                }
                other => break other,
            }
        };
        let label = format!(
            "{} {}",
            job.key,
            if mode == Mode::ToSelf {
                "(to yourself)"
            } else {
                ""
            }
        );
        match result {
            Ok(reply) => {
                if record {
                    let mut e = Event::new(settings.clock(), &job.key, Kind::Sent).hash(&job.hash);
                    e.message_id = Some(id.clone());
                    e.reply = Some(reply.clone());
                    // Losing this line in a power cut leaves the client `uncertain`, never resent;
                    // the next `sending` (or the end of the run) makes it durable.
                    journal.append_lazy(e)?;
                }
                tally.sent += 1;
                progress.println(format!(
                    "sent    {} {}",
                    label.trim_end(),
                    reply_short(&reply)
                ));
            }
            Err(err) => {
                let (permanent, fatal) = match &err {
                    SendError::Permanent(_) => (true, false),
                    SendError::Transient(_) => (false, false),
                    SendError::Fatal(_) => (false, true),
                };
                if record {
                    let mut e =
                        Event::new(settings.clock(), &job.key, Kind::Failed).hash(&job.hash);
                    e.message_id = Some(id.clone());
                    e.reply = Some(err.to_string());
                    e.permanent = Some(permanent);
                    journal.append(e)?;
                }
                tally.failed.push(format!("{}: {err}", job.key));
                progress.println(format!("failed  {} {err}", label.trim_end()));
                if fatal {
                    tally.stopped = Some(format!("stopped: {err}"));
                    break;
                }
            }
        }
        progress.inc(1);
    }
    journal.sync()?;
    progress.finish_and_clear();
    if stop.load(Ordering::SeqCst) && tally.stopped.is_none() {
        tally.stopped = Some("stopped by Ctrl-C after the message in flight was recorded".into());
    }

    let left = jobs.len() - tally.sent - tally.failed.len();
    match mode {
        Mode::Real => println!(
            "sent {}, failed {}, not attempted {left}, uncertain {} through {}",
            tally.sent,
            tally.failed.len(),
            uncertain.len(),
            outbox.describe()
        ),
        Mode::ToSelf => println!(
            "sent {} test message(s) to {}; nothing is recorded as sent",
            tally.sent, sender.email
        ),
        Mode::DryRun => println!(
            "wrote {} message(s) to {}; nothing was sent",
            tally.sent,
            outbox.describe()
        ),
    }
    for f in &tally.failed {
        eprintln!("failed: {f}");
    }
    if let Some(why) = &tally.stopped {
        eprintln!("{why}");
    }
    let more = survey
        .entries
        .iter()
        .filter(|e| e.state == State::Approved)
        .count()
        + survey
            .entries
            .iter()
            .filter(|e| e.state == State::Failed)
            .count();
    match mode {
        Mode::Real if left > 0 || !tally.failed.is_empty() => {
            println!("next: `cartero status` shows who is left; `cartero send` again sends only what has not gone")
        }
        Mode::Real => println!("next: `cartero status` to see every client's state"),
        _ => println!("next: when the test looks right, `cartero send` sends the {more} approved draft(s) for real"),
    }
    let ok = tally.failed.is_empty()
        && tally.stopped.is_none()
        && invalid.is_empty()
        && uncertain.is_empty();
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Real,
    ToSelf,
    DryRun,
}

#[derive(Default)]
struct Tally {
    sent: usize,
    failed: Vec<String>,
    stopped: Option<String>,
}

fn approved_now(e: &Entry) -> bool {
    match (e.record.as_ref().and_then(|r| r.decision.as_ref()), &e.hash) {
        (Some((Kind::Approved, h)), Some(current)) => h == current,
        _ => false,
    }
}

fn failed_permanently(e: &Entry) -> bool {
    matches!(
        e.record.as_ref().and_then(|r| r.delivery.as_ref()),
        Some(Delivery::Failed {
            permanent: true,
            ..
        })
    )
}

fn reply_short(reply: &str) -> String {
    let r: String = reply.chars().take(60).collect();
    format!("({r})")
}

/// Sleeps until `deadline`, waking to notice Ctrl-C; false if it came.
fn sleep_until(deadline: Instant, stop: &AtomicBool) -> bool {
    while Instant::now() < deadline {
        if stop.load(Ordering::SeqCst) {
            return false;
        }
        std::thread::sleep((deadline - Instant::now()).min(Duration::from_millis(50)));
    }
    true
}

/// A bar on a terminal, plain lines otherwise.
enum Progress {
    Bar(indicatif::ProgressBar),
    Plain,
}

impl Progress {
    fn println(&self, line: String) {
        match self {
            Progress::Bar(b) => b.println(line),
            Progress::Plain => eprintln!("{line}"),
        }
    }

    fn inc(&self, n: u64) {
        if let Progress::Bar(b) = self {
            b.inc(n)
        }
    }

    fn finish_and_clear(&self) {
        if let Progress::Bar(b) = self {
            b.finish_and_clear()
        }
    }
}

fn progress_bar(len: u64) -> Progress {
    if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(len);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} ({eta} left)")
        {
            bar.set_style(style);
        }
        Progress::Bar(bar)
    } else {
        Progress::Plain
    }
}

//! Sending and reading replies from the desk: the very `cartero send --yes` and
//! `cartero replies` a person would type, run by the desk as a child process with the same
//! campaign, so that everything they promise (exactly once, uncertain letters, the daily limit,
//! the copies in Sent, the archive) holds as it does in a terminal. The desk hands them the
//! drafts folder's lock itself (a descriptor of it, so that the folder is never free between
//! the two) and writes its own name back in it when they end; what they print is the page's
//! progress.
//! A password the page asked for goes to the child in its environment, is held for that run
//! only, and is never written.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Serialize;

use super::work::Work;
use super::Shared;
use crate::settings::Settings;
use crate::state::lock::Lock;

/// Which command a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Send,
    Replies,
}

/// A run, as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub kind: Kind,
    pub lines: Vec<String>,
    /// The exit code once it ended (-1 for a child that could not say).
    pub code: Option<i32>,
    /// The drafts folder is the desk's again.
    pub back: bool,
}

/// The flags that make a child read the campaign the desk reads, whatever folder it runs in.
fn campaign_flags(settings: &Settings) -> Vec<OsString> {
    let mut args: Vec<OsString> = Vec::new();
    let mut flag = |name: &str, value: OsString| {
        args.push(OsString::from(name));
        args.push(value);
    };
    if let Some(config) = &settings.config {
        flag("--config", config.clone().into_os_string());
    }
    flag("--clients", settings.clients.clone().into_os_string());
    flag("--drafts", settings.drafts.clone().into_os_string());
    if let Some(template) = &settings.template {
        flag("--template", template.clone().into_os_string());
    }
    if let Some(sheet) = &settings.sheet {
        flag("--sheet", sheet.into());
    }
    if let Some(archive) = &settings.archive {
        flag("--archive", archive.clone().into_os_string());
    }
    if let Some(sender) = &settings.sender {
        flag("--from", sender.to_string().into());
    }
    flag("--lang", crate::i18n::lang().code().into());
    args
}

/// Whether `[smtp]` has its password from somewhere other than a person: the page asks for
/// it otherwise.
pub fn needs_smtp_password(settings: &Settings) -> bool {
    let Some(smtp) = &settings.smtp else {
        return false;
    };
    smtp.username.is_some()
        && smtp.server.password_command.is_none()
        && std::env::var_os("CARTERO_SMTP_PASSWORD").is_none()
}

/// Whether `[imap]` needs a password of its own from a person (not `[smtp]`'s).
pub fn needs_imap_password(settings: &Settings) -> bool {
    let Some(imap) = &settings.imap else {
        return false;
    };
    !imap.smtp_password
        && imap.server.password_command.is_none()
        && std::env::var_os("CARTERO_IMAP_PASSWORD").is_none()
}

/// The passwords the page asked for, for one run.
#[derive(Default)]
pub struct Passwords {
    pub smtp: Option<String>,
    pub imap: Option<String>,
}

/// Starts `kind` unless a run is under way: the desk's lock goes to the child, and comes back
/// when it ends, with the campaign read again.
pub fn start(shared: &Arc<Shared>, kind: Kind, passwords: Passwords) -> Result<()> {
    let mut lock = shared.lock.lock().unwrap_or_else(|p| p.into_inner());
    if busy(shared) {
        return Ok(());
    }
    let settings = shared.settings;
    let mut command = child_command(settings, kind, passwords)?;
    // Handed over: the child takes this very lock, never a free folder.
    let handed = hand_over(&mut lock)?;
    #[cfg(unix)]
    if let Some(fd) = &handed {
        use std::os::fd::AsRawFd;
        command.env(crate::state::lock::HANDED, fd.as_raw_fd().to_string());
    }
    let spawned = command.spawn();
    drop(handed);
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => {
            if lock.is_none() {
                *lock = Some(Lock::take(&settings.drafts, "web")?);
            }
            return Err(e).context(tr!("desk-no-exe"));
        }
    };
    *shared.run.lock().unwrap_or_else(|p| p.into_inner()) = Some(Run {
        kind,
        lines: Vec::new(),
        code: None,
        back: false,
    });
    let out = child.stdout.take().expect("a piped stdout");
    let err = child.stderr.take().expect("a piped stderr");
    let readers = [collect(shared.clone(), out), collect(shared.clone(), err)];
    let shared = shared.clone();
    std::thread::spawn(move || {
        let code = child.wait().ok().and_then(|s| s.code()).unwrap_or(-1);
        for reader in readers {
            let _ = reader.join();
        }
        take_back(&shared, code);
    });
    Ok(())
}

/// The command line and environment of the child: the campaign's flags, the command, the
/// passwords the page was given.
fn child_command(settings: &Settings, kind: Kind, passwords: Passwords) -> Result<Command> {
    let mut command = Command::new(std::env::current_exe().context(tr!("desk-no-exe"))?);
    command.args(campaign_flags(settings));
    match kind {
        Kind::Send => command.args(["send", "--yes"]),
        Kind::Replies => command.arg("replies"),
    };
    if let Some(password) = passwords.smtp.filter(|p| !p.is_empty()) {
        if settings.imap.as_ref().is_some_and(|i| i.smtp_password) {
            command.env("CARTERO_IMAP_PASSWORD", &password);
        }
        command.env("CARTERO_SMTP_PASSWORD", password);
    }
    if let Some(password) = passwords.imap.filter(|p| !p.is_empty()) {
        command.env("CARTERO_IMAP_PASSWORD", password);
    }
    command
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    Ok(command)
}

/// Each line a child prints, into the run as it comes.
fn collect(shared: Arc<Shared>, stream: impl Read + Send + 'static) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if let Some(run) = shared
                .run
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .as_mut()
            {
                run.lines.push(line);
            }
        }
    })
}

/// A descriptor of the desk's lock for the child (on Unix); elsewhere the lock is let go for
/// the child to take, as a second command would.
#[cfg(unix)]
fn hand_over(lock: &mut Option<Lock>) -> Result<Option<std::os::fd::OwnedFd>> {
    match lock.as_ref() {
        Some(held) => Ok(Some(held.hand_over()?)),
        None => Ok(None),
    }
}

#[cfg(not(unix))]
fn hand_over(lock: &mut Option<Lock>) -> Result<Option<()>> {
    drop(lock.take());
    Ok(None)
}

/// The child ended: the lock the desk's again (its name back in it, or taken again where it
/// was let go), the campaign read again, the run marked done.
fn take_back(shared: &Arc<Shared>, code: i32) {
    let settings = shared.settings;
    let mut said = false;
    loop {
        let mut lock = shared.lock.lock().unwrap_or_else(|p| p.into_inner());
        let back = match lock.as_mut() {
            Some(held) => held.write_holder("web"),
            None => Lock::take(&settings.drafts, "web").map(|taken| *lock = Some(taken)),
        };
        match back {
            Ok(()) => break,
            Err(e) => {
                drop(lock);
                if !said {
                    said = true;
                    push(shared, tr!("desk-waiting-for-lock", why = format!("{e:#}")));
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        }
    }
    match Work::open(settings) {
        Ok(work) => *shared.work.lock().unwrap_or_else(|p| p.into_inner()) = work,
        Err(e) => push(shared, tr!("desk-failed", why = format!("{e:#}"))),
    }
    if let Some(run) = shared
        .run
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_mut()
    {
        run.code = Some(code);
        run.back = true;
    }
}

fn push(shared: &Shared, line: String) {
    if let Some(run) = shared
        .run
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_mut()
    {
        run.lines.push(line);
    }
}

/// The run under way or last ended, as the page shows it.
pub fn current(shared: &Shared) -> Option<Run> {
    shared.run.lock().unwrap_or_else(|p| p.into_inner()).clone()
}

/// Whether a `send` or `replies` the desk started has the drafts folder now: the desk changes
/// nothing meanwhile.
pub fn busy(shared: &Shared) -> bool {
    shared
        .run
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_ref()
        .is_some_and(|r| !r.back)
}

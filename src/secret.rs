//! Passwords and access tokens: where each comes from, in order; found or asked for once a run,
//! kept in memory only, never written anywhere.
//!
//! SMTP: `CARTERO_SMTP_PASSWORD`, `password-command`, a prompt. IMAP: `CARTERO_IMAP_PASSWORD`,
//! its `password-command`, `[smtp]`'s when both are one provider and one login, a prompt.

use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// Which server a secret is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Smtp,
    Imap,
}

impl Protocol {
    fn name(self) -> &'static str {
        match self {
            Protocol::Smtp => "SMTP",
            Protocol::Imap => "IMAP",
        }
    }

    fn section(self) -> &'static str {
        match self {
            Protocol::Smtp => "[smtp]",
            Protocol::Imap => "[imap]",
        }
    }

    fn variable(self) -> &'static str {
        match self {
            Protocol::Smtp => "CARTERO_SMTP_PASSWORD",
            Protocol::Imap => "CARTERO_IMAP_PASSWORD",
        }
    }
}

/// A login that needs a secret, as the settings describe it.
#[derive(Debug, Clone)]
pub struct Login {
    pub protocol: Protocol,
    pub user: String,
    pub host: String,
    pub password_command: Option<String>,
    /// How long the password command may take (it may be asking a person, as pinentry does).
    pub limit: Duration,
    /// An OAuth2 access token rather than a password.
    pub token: bool,
}

/// Asks a person at the terminal without echoing; `None` when there is no terminal.
pub type Ask<'a> = &'a dyn Fn(&str) -> Result<Option<String>>;

/// The run's secrets, each found (or asked for) once, while the person is here.
pub struct Secrets<'a> {
    ask: Ask<'a>,
    smtp: Option<Option<String>>,
    imap: Option<String>,
}

impl<'a> Secrets<'a> {
    pub fn new(ask: Ask<'a>) -> Secrets<'a> {
        Secrets {
            ask,
            smtp: None,
            imap: None,
        }
    }

    /// The SMTP password; `None` for a server that wants no login.
    pub fn smtp(&mut self, login: Option<&Login>) -> Result<Option<String>> {
        if let Some(known) = &self.smtp {
            return Ok(known.clone());
        }
        let found = match login {
            None => None,
            Some(login) => Some(self.find(login, None)?),
        };
        self.smtp = Some(found.clone());
        Ok(found)
    }

    /// The IMAP password or token; `smtp` is `[smtp]`'s login when the mailbox shares it.
    pub fn imap(&mut self, login: &Login, smtp: Option<&Login>) -> Result<String> {
        if let Some(known) = &self.imap {
            return Ok(known.clone());
        }
        let found = self.find(login, smtp)?;
        self.imap = Some(found.clone());
        Ok(found)
    }

    /// The variable, the command, the shared login's secret, then the prompt.
    fn find(&mut self, login: &Login, shared: Option<&Login>) -> Result<String> {
        let p = login.protocol;
        if let Ok(secret) = std::env::var(p.variable()) {
            return Ok(secret);
        }
        if let Some(cmd) = &login.password_command {
            return run_password_command(cmd, login.limit, p.section());
        }
        if let Some(shared) = shared {
            // Without `[smtp]`'s password, the mailbox asks for its own.
            if let Ok(Some(secret)) = self.smtp(Some(shared)) {
                return Ok(secret);
            }
        }
        let what = if login.token {
            "access token"
        } else {
            "password"
        };
        let question = format!("{} {what} for {} at {}: ", p.name(), login.user, login.host);
        if let Some(secret) = (self.ask)(&question)? {
            return Ok(secret);
        }
        match p {
            Protocol::Smtp => bail!(
                "no SMTP password for `{}`: set CARTERO_SMTP_PASSWORD, or `password-command` under `[smtp]`, or run `cartero send` at a terminal to type it",
                login.user
            ),
            Protocol::Imap => bail!(
                "no IMAP {what} for `{}`: set CARTERO_IMAP_PASSWORD, or `password-command` under `[imap]`, or run cartero at a terminal to type it",
                login.user
            ),
        }
    }
}

/// Runs `password-command` and takes the first line it prints; it may take `limit` at most.
pub fn run_password_command(cmd: &str, limit: Duration, section: &str) -> Result<String> {
    use std::io::Read;
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(std::process::Stdio::inherit())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .with_context(|| format!("failed to run `password-command` `{cmd}`"))?;
    let mut stdout = child
        .stdout
        .take()
        .context("no output from `password-command`")?;
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout.read_to_end(&mut bytes).map(|_| bytes)
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child
            .try_wait()
            .with_context(|| format!("failed to run `password-command` `{cmd}`"))?
        {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "`password-command` `{cmd}` did not finish within {} seconds, so nothing was sent: run it yourself to see what it waits for (raise `password-command-seconds` under `{section}` if it needs longer)",
                limit.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if !status.success() {
        bail!("`password-command` `{cmd}` failed ({status}), so nothing was sent: run it yourself to see why");
    }
    let bytes = reader
        .join()
        .map_err(|_| anyhow::anyhow!("failed to read what `password-command` printed"))?
        .with_context(|| format!("failed to read what `password-command` `{cmd}` printed"))?;
    let text = String::from_utf8(bytes).with_context(|| {
        format!("`password-command` `{cmd}` printed something that is not text")
    })?;
    let password = text.lines().next().unwrap_or("").to_string();
    if password.is_empty() {
        bail!("`password-command` `{cmd}` printed nothing, so there is no password to log in with: run it yourself and check that it prints the password on its first line");
    }
    Ok(password)
}

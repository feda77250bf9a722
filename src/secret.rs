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
        let token = if login.token { "yes" } else { "no" };
        // The answer follows on the same line, after a space.
        let question = format!(
            "{} ",
            tr!(
                "secret-prompt",
                protocol = p.name(),
                token = token,
                user = &login.user,
                host = &login.host
            )
        );
        if let Some(secret) = (self.ask)(&question)? {
            return Ok(secret);
        }
        match p {
            Protocol::Smtp => bail!(tr!("secret-no-smtp-password", user = &login.user)),
            Protocol::Imap => bail!(tr!(
                "secret-no-imap-password",
                token = token,
                user = &login.user
            )),
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
        .with_context(|| tr!("secret-command-failed-to-run", command = cmd))?;
    let mut stdout = child
        .stdout
        .take()
        .with_context(|| tr!("secret-command-no-output"))?;
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout.read_to_end(&mut bytes).map(|_| bytes)
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child
            .try_wait()
            .with_context(|| tr!("secret-command-failed-to-run", command = cmd))?
        {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            bail!(tr!(
                "secret-command-too-slow",
                command = cmd,
                seconds = limit.as_secs(),
                section = section
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if !status.success() {
        bail!(tr!(
            "secret-command-failed",
            command = cmd,
            status = status.to_string()
        ));
    }
    let bytes = reader
        .join()
        .map_err(|_| anyhow::anyhow!(tr!("secret-command-unreadable")))?
        .with_context(|| tr!("secret-command-output-unreadable", command = cmd))?;
    let text =
        String::from_utf8(bytes).with_context(|| tr!("secret-command-not-text", command = cmd))?;
    let password = text.lines().next().unwrap_or("").to_string();
    if password.is_empty() {
        bail!(tr!("secret-command-printed-nothing", command = cmd));
    }
    Ok(password)
}

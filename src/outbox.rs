//! Where messages go: an SMTP server through lettre, or a folder of `.eml` files for a dry run.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::transport::smtp::PoolConfig;
use lettre::{SmtpTransport, Transport};

use crate::settings::{Security, Smtp};

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
    pub dir: PathBuf,
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

/// The SMTP password: `CARTERO_SMTP_PASSWORD`, the `password-command`, or a prompt; never stored.
pub fn password(smtp: &Smtp) -> Result<Option<String>> {
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

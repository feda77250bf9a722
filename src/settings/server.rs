//! The servers of `[smtp]` and `[imap]`: what both say the same way (where the server is, how
//! to reach it safely, how to log in) in one `Server`, and what each says of its own.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use super::{ImapConfig, SmtpConfig};
use crate::secret::{Login, Protocol};

/// How cartero logs in: a password (or an app password), or an OAuth2 access token that
/// `password-command` prints (Microsoft 365, Outlook.com).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Auth {
    #[default]
    Password,
    Xoauth2,
}

/// `save-sent`: whether a copy of each letter goes into the Sent folder.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SaveSent {
    /// Look first whether the server filed it itself, and append only what is missing.
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    #[default]
    Starttls,
    Tls,
    None,
}

impl std::fmt::Display for Security {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Security::Starttls => "STARTTLS",
            Security::Tls => "TLS",
            Security::None => return f.write_str(&tr!("settings-security-none")),
        })
    }
}

/// Where a server is, how to reach it, and how to log in: the same in `[smtp]` and `[imap]`.
#[derive(Debug, Clone)]
pub struct Server {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub password_command: Option<String>,
    /// How long the password command may take (it may be asking a person, as pinentry does).
    pub password_command_limit: Duration,
    pub auth: Auth,
    /// A private certificate authority, or the server's own self-signed certificate.
    pub ca_file: Option<PathBuf>,
    pub timeout: Duration,
}

/// `[smtp]`, resolved.
#[derive(Debug, Clone)]
pub struct Smtp {
    pub server: Server,
    pub username: Option<String>,
    /// The shortest time between two messages.
    pub interval: Option<Duration>,
    pub rate: Option<String>,
    pub retries: u32,
    pub retry_delay: Duration,
    /// The most letters to send in any 24 hours, as the user's provider allows.
    pub daily_limit: Option<usize>,
}

/// `[imap]`, resolved.
#[derive(Debug, Clone)]
pub struct Imap {
    pub server: Server,
    pub username: String,
    /// The password (or token) is `[smtp]`'s: the same provider, and no password of its own.
    pub smtp_password: bool,
    pub sent_folder: Option<String>,
    pub save_sent: SaveSent,
    pub reply_folders: Vec<String>,
}

/// What a section says of its server, as written.
struct Written<'a> {
    protocol: Protocol,
    host: &'a str,
    port: Option<u16>,
    security: Security,
    password_command: &'a Option<String>,
    password_command_seconds: Option<u64>,
    auth: Auth,
    ca_file: &'a Option<PathBuf>,
    timeout_seconds: Option<u64>,
}

/// The keys `[smtp]` and `[imap]` share, as written in section `$c`.
macro_rules! written {
    ($c:expr, $protocol:expr) => {
        Written {
            protocol: $protocol,
            host: &$c.host,
            port: $c.port,
            security: $c.security,
            password_command: &$c.password_command,
            password_command_seconds: $c.password_command_seconds,
            auth: $c.auth,
            ca_file: &$c.ca_file,
            timeout_seconds: $c.timeout_seconds,
        }
    };
}

impl Written<'_> {
    /// What no server's keys may say: no TLS to a server elsewhere, no host, port 0.
    fn check(&self) -> Result<()> {
        if self.security == Security::None && !is_loopback(self.host) {
            match self.protocol {
                Protocol::Smtp => bail!(tr!("settings-smtp-unencrypted", host = self.host)),
                Protocol::Imap => bail!(tr!("settings-imap-unencrypted", host = self.host)),
            }
        }
        if self.host.trim().is_empty() {
            match self.protocol {
                Protocol::Smtp => bail!(tr!("settings-smtp-no-host")),
                Protocol::Imap => bail!(tr!("settings-imap-no-host")),
            }
        }
        if self.port == Some(0) {
            match self.protocol {
                Protocol::Smtp => bail!(tr!("settings-smtp-port-zero")),
                Protocol::Imap => bail!(tr!("settings-imap-port-zero")),
            }
        }
        Ok(())
    }
}

/// The port a protocol uses with `security` when none is written.
fn default_port(protocol: Protocol, security: Security) -> u16 {
    match (protocol, security) {
        (Protocol::Smtp, Security::Starttls) => 587,
        (Protocol::Smtp, Security::Tls) => 465,
        (Protocol::Smtp, Security::None) => 25,
        (Protocol::Imap, Security::Starttls | Security::None) => 143,
        (Protocol::Imap, Security::Tls) => 993,
    }
}

impl Server {
    fn resolve(w: Written, base: &Path) -> Result<Server> {
        w.check()?;
        let port = w.port.unwrap_or(default_port(w.protocol, w.security));
        let timeout = bounded(
            "timeout-seconds",
            w.timeout_seconds,
            30,
            (1, 3600),
            Unit::Seconds,
        )?;
        let password_command_seconds = bounded(
            "password-command-seconds",
            w.password_command_seconds,
            120,
            (1, 3600),
            Unit::Seconds,
        )?;
        Ok(Server {
            host: w.host.to_string(),
            port,
            security: w.security,
            password_command: w.password_command.clone(),
            password_command_limit: Duration::from_secs(password_command_seconds),
            auth: w.auth,
            ca_file: w.ca_file.as_ref().map(|p| base.join(p)),
            timeout: Duration::from_secs(timeout),
        })
    }

    /// The login that needs a secret, as `user`.
    fn login(&self, protocol: Protocol, user: &str) -> Login {
        Login {
            protocol,
            user: user.to_string(),
            host: self.host.clone(),
            password_command: self.password_command.clone(),
            limit: self.password_command_limit,
            token: self.auth == Auth::Xoauth2,
        }
    }
}

impl Smtp {
    /// The login that needs a secret; `None` for a server that wants none.
    pub fn login(&self) -> Option<Login> {
        let user = self.username.as_deref()?;
        Some(self.server.login(Protocol::Smtp, user))
    }

    fn resolve(c: SmtpConfig, base: &Path) -> Result<Smtp> {
        let server = Server::resolve(written!(c, Protocol::Smtp), base)?;
        if c.username.as_deref().is_some_and(|u| u.trim().is_empty()) {
            bail!(tr!("settings-smtp-empty-username"));
        }
        let interval = c.rate.as_deref().map(parse_rate).transpose()?;
        let retries = bounded("retries", c.retries, 3, (0, 10), Unit::Tries)?;
        let retry_delay = bounded(
            "retry-delay-ms",
            c.retry_delay_ms,
            2000,
            (0, 600_000),
            Unit::Milliseconds,
        )?;
        Ok(Smtp {
            server,
            username: c.username,
            interval,
            rate: c.rate,
            retries,
            retry_delay: Duration::from_millis(retry_delay),
            daily_limit: c.daily_limit.map(daily_limit).transpose()?,
        })
    }
}

impl Imap {
    /// The login that needs a secret.
    pub fn login(&self) -> Login {
        self.server.login(Protocol::Imap, &self.username)
    }

    /// `[smtp]`'s login, when the mailbox takes its password from it.
    pub fn shared(&self, smtp: Option<&Smtp>) -> Option<Login> {
        smtp.filter(|_| self.smtp_password).and_then(Smtp::login)
    }

    fn resolve(c: ImapConfig, smtp: Option<&Smtp>, base: &Path) -> Result<Imap> {
        let mut server = Server::resolve(written!(c, Protocol::Imap), base)?;
        if c.username.as_deref().is_some_and(|u| u.trim().is_empty()) {
            bail!(tr!("settings-imap-empty-username"));
        }
        // The same provider (smtp.gmail.com and imap.gmail.com): the same login, unless given.
        let same = smtp.filter(|s| same_provider(&s.server.host, &c.host));
        let username = match (c.username, same.and_then(|s| s.username.clone())) {
            (Some(u), _) | (None, Some(u)) => u,
            (None, None) => bail!(tr!("settings-imap-no-username", host = &c.host)),
        };
        let smtp_password = c.password_command.is_none()
            && same.is_some_and(|s| s.username.as_deref() == Some(username.as_str()));
        if let (Auth::Password, Some(s), true) = (c.auth, same, smtp_password) {
            server.auth = s.server.auth;
        }
        folder_names(c.sent_folder.as_deref(), &c.reply_folders)?;
        Ok(Imap {
            server,
            username,
            smtp_password,
            sent_folder: c.sent_folder,
            save_sent: c.save_sent,
            reply_folders: c.reply_folders,
        })
    }
}

/// `sent-folder` and `reply-folders`, checked as folder names.
fn folder_names(sent: Option<&str>, replies: &[String]) -> Result<()> {
    if let Some(folder) = sent {
        folder_name("sent-folder", folder)?;
    }
    for folder in replies {
        folder_name("reply-folders", folder)?;
    }
    Ok(())
}

/// `[smtp]` and `[imap]`, resolved; `[imap]` may borrow `[smtp]`'s login.
pub(super) fn servers(
    smtp: Option<SmtpConfig>,
    imap: Option<ImapConfig>,
    base: &Path,
    label: &str,
) -> Result<(Option<Smtp>, Option<Imap>)> {
    let smtp = smtp
        .map(|s| Smtp::resolve(s, base))
        .transpose()
        .with_context(|| tr!("settings-smtp-failed", file = label))?;
    let imap = imap
        .map(|i| Imap::resolve(i, smtp.as_ref(), base))
        .transpose()
        .with_context(|| tr!("settings-imap-failed", file = label))?;
    Ok((smtp, imap))
}

/// Whether two server names belong to one provider: the same host, or the same name once the
/// first label is off (`smtp.gmail.com` and `imap.gmail.com`, `smtp.office365.com` and
/// `outlook.office365.com`).
pub fn same_provider(a: &str, b: &str) -> bool {
    fn domain(host: &str) -> String {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let labels: Vec<&str> = host.split('.').collect();
        if labels.len() > 2 && host.parse::<std::net::IpAddr>().is_err() {
            labels[1..].join(".")
        } else {
            host
        }
    }
    a.eq_ignore_ascii_case(b) || (is_loopback(a) && is_loopback(b)) || domain(a) == domain(b)
}

/// A folder name as the user wrote it: not empty, no line breaks.
fn folder_name(key: &str, name: &str) -> Result<()> {
    if name.trim().is_empty() || name.chars().any(|c| c == '\r' || c == '\n' || c == '\0') {
        bail!(tr!("settings-folder-name", key = key));
    }
    Ok(())
}

pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(|c| c == '[' || c == ']')
            .parse::<std::net::IpAddr>()
            .map(|ip| ip.is_loopback())
            .unwrap_or(false)
}

/// The slowest and the fastest `rate` accepted: one message a day, a hundred a second.
const SLOWEST: Duration = Duration::from_secs(86400);
const FASTEST: Duration = Duration::from_millis(10);

/// `"30/min"` → two seconds between messages.
pub fn parse_rate(text: &str) -> Result<Duration> {
    let bad = || anyhow::anyhow!(tr!("settings-rate-not-a-rate", rate = text));
    let (count, unit) = text.split_once('/').ok_or_else(bad)?;
    let count: f64 = count.trim().parse().map_err(|_| bad())?;
    let per = match unit.trim() {
        "s" | "sec" | "second" => 1.0,
        "m" | "min" | "minute" => 60.0,
        "h" | "hour" => 3600.0,
        "d" | "day" => 86400.0,
        _ => return Err(bad()),
    };
    if count.is_nan() || count <= 0.0 || count.is_infinite() {
        return Err(bad());
    }
    // Compared as seconds before a `Duration` is made: `from_secs_f64` panics past its range.
    let seconds = per / count;
    if !(FASTEST.as_secs_f64()..=SLOWEST.as_secs_f64()).contains(&seconds) {
        bail!(tr!("settings-rate-out-of-range", rate = text));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// A number from `[smtp]`, or an error naming the key, the value and what is accepted.
fn bounded<T: PartialOrd + std::fmt::Display + Copy>(
    key: &str,
    value: Option<T>,
    default: T,
    (min, max): (T, T),
    unit: Unit,
) -> Result<T> {
    match value {
        None => Ok(default),
        Some(v) if v >= min && v <= max => Ok(v),
        Some(v) => {
            let (value, min, max, default) = (
                v.to_string(),
                min.to_string(),
                max.to_string(),
                default.to_string(),
            );
            bail!(match unit {
                Unit::Seconds => tr!(
                    "settings-out-of-range-seconds",
                    key = key,
                    value = value,
                    min = min,
                    max = max,
                    default = default
                ),
                Unit::Milliseconds => tr!(
                    "settings-out-of-range-milliseconds",
                    key = key,
                    value = value,
                    min = min,
                    max = max,
                    default = default
                ),
                Unit::Tries => tr!(
                    "settings-out-of-range-tries",
                    key = key,
                    value = value,
                    min = min,
                    max = max,
                    default = default
                ),
            })
        }
    }
}

/// What a bounded number counts.
#[derive(Clone, Copy)]
enum Unit {
    Seconds,
    Milliseconds,
    Tries,
}

/// `daily-limit = N`: a number of letters a day, 1 or more.
fn daily_limit(n: u32) -> Result<usize> {
    if n == 0 {
        bail!(tr!("settings-daily-limit-zero"));
    }
    Ok(n as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates() {
        assert_eq!(parse_rate("30/min").unwrap(), Duration::from_secs(2));
        assert_eq!(parse_rate("2/s").unwrap(), Duration::from_millis(500));
        assert!(parse_rate("fast").is_err());
        assert!(parse_rate("0/min").is_err());
    }

    #[test]
    fn absurd_rates_are_errors_not_panics() {
        for rate in [
            "1e-20/s",
            "1e-300/day",
            "1e300/s",
            "1e999/s",
            "NaN/s",
            "nan/min",
            "inf/s",
            "-inf/s",
            "-1/s",
            "-0/s",
            "101/s",
            "0.5/day",
            "1e-320/s",
        ] {
            let err = parse_rate(rate).unwrap_err().to_string();
            assert!(err.contains(&format!("`rate = \"{rate}\"`")), "{err}");
        }
        assert_eq!(parse_rate("1/day").unwrap(), Duration::from_secs(86400));
        assert_eq!(parse_rate("100/s").unwrap(), Duration::from_millis(10));
    }

    #[test]
    fn smtp_numbers_are_bounded() {
        let smtp = |extra: &str| {
            let c = super::super::Config::parse(&format!("[smtp]\nhost = \"localhost\"\n{extra}"))
                .unwrap();
            Smtp::resolve(c.smtp.unwrap(), Path::new(""))
        };
        assert_eq!(smtp("").unwrap().retries, 3);
        for (line, key) in [
            ("retries = 4000000000", "retries"),
            ("retries = 11", "retries"),
            ("retry-delay-ms = 9223372036854775807", "retry-delay-ms"),
            ("retry-delay-ms = 600001", "retry-delay-ms"),
            ("timeout-seconds = 0", "timeout-seconds"),
            ("timeout-seconds = 9223372036854775807", "timeout-seconds"),
            ("rate = \"1e-20/s\"", "rate"),
        ] {
            match smtp(line) {
                Ok(_) => panic!("{line} was accepted"),
                Err(e) => assert!(format!("{e:#}").contains(key), "{line}: {e:#}"),
            }
        }
        let s = smtp("retries = 10\nretry-delay-ms = 0\ntimeout-seconds = 3600").unwrap();
        assert_eq!(
            (s.retries, s.retry_delay, s.server.timeout.as_secs()),
            (10, Duration::ZERO, 3600)
        );
    }

    #[test]
    fn loopback() {
        assert!(is_loopback("127.0.0.1"));
        assert!(is_loopback("localhost"));
        assert!(is_loopback("[::1]"));
        assert!(!is_loopback("smtp.example.com"));
    }
}

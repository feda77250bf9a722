//! `cartero.toml` and the command-line flags, merged once into `Settings`.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use chrono::{DateTime, FixedOffset};
use lettre::message::Mailbox;
use serde::Deserialize;

use crate::cli::Common;
use crate::clock::Clock;
use crate::secret::{Login, Protocol};

/// The file as written by the user; unknown keys are errors, so a typo never goes unnoticed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub sender: SenderConfig,
    #[serde(default)]
    pub campaign: CampaignConfig,
    pub smtp: Option<SmtpConfig>,
    pub imap: Option<ImapConfig>,
    #[serde(default)]
    pub archive: ArchiveConfig,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ArchiveConfig {
    pub path: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SenderConfig {
    pub name: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CampaignConfig {
    pub clients: Option<PathBuf>,
    pub sheet: Option<String>,
    pub template: Option<PathBuf>,
    pub drafts: Option<PathBuf>,
    pub language: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SmtpConfig {
    pub host: String,
    pub port: Option<u16>,
    #[serde(default)]
    pub security: Security,
    pub username: Option<String>,
    pub password_command: Option<String>,
    pub password_command_seconds: Option<u64>,
    pub rate: Option<String>,
    pub ca_file: Option<PathBuf>,
    pub timeout_seconds: Option<u64>,
    pub retries: Option<u32>,
    pub retry_delay_ms: Option<u64>,
    pub daily_limit: Option<u32>,
    #[serde(default)]
    pub auth: Auth,
}

/// `[imap]`: the sender's own mailbox, for the copy in Sent and the replies.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ImapConfig {
    pub host: String,
    pub port: Option<u16>,
    #[serde(default)]
    pub security: Security,
    pub username: Option<String>,
    pub password_command: Option<String>,
    pub password_command_seconds: Option<u64>,
    #[serde(default)]
    pub auth: Auth,
    pub ca_file: Option<PathBuf>,
    pub sent_folder: Option<String>,
    #[serde(default)]
    pub save_sent: SaveSent,
    #[serde(default)]
    pub reply_folders: Vec<String>,
    pub timeout_seconds: Option<u64>,
}

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
            Security::None => "unencrypted",
        })
    }
}

impl Config {
    pub fn parse(text: &str) -> Result<Config> {
        toml::from_str(text).map_err(|e| anyhow::anyhow!(plain_toml_error(&e.to_string())))
    }

    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("failed to read `{}`", path.display()))?;
        Config::parse(&text).with_context(|| format!("failed to read `{}`", path.display()))
    }
}

/// What a `send` does with the letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// To the clients, recorded in the journal.
    Real,
    /// Every letter to the sender, subject tagged, nothing recorded.
    ToSelf,
    /// `.eml` files, nothing sent.
    DryRun,
}

/// Whether `send` asks before it sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Ask,
    /// `--yes`, or a later pass of a run the person already said yes to.
    Given,
}

/// What `send` is asked to do, from its flags.
#[derive(Debug, Clone)]
pub struct SendRequest {
    pub mode: Mode,
    /// Where a dry run writes.
    pub out: Option<PathBuf>,
    pub limit: Option<usize>,
    pub confirm: Confirm,
    /// Clients to send to again although an earlier letter may have arrived.
    pub resend: Vec<String>,
    /// `--at`, as written.
    pub at: Option<String>,
    /// Day after day within `daily-limit` until every letter is sent.
    pub spread: bool,
}

impl SendRequest {
    pub fn from_flags(args: &crate::cli::SendArgs) -> SendRequest {
        SendRequest {
            mode: match (args.dry_run, args.to_self) {
                (true, _) => Mode::DryRun,
                (false, true) => Mode::ToSelf,
                (false, false) => Mode::Real,
            },
            out: args.out.clone(),
            limit: args.limit,
            confirm: if args.yes {
                Confirm::Given
            } else {
                Confirm::Ask
            },
            resend: args.resend.clone(),
            at: args.at.clone(),
            spread: args.spread,
        }
    }
}

/// Everything a command needs, resolved once: flags beat the file, the file beats defaults.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The config file read, if there was one: problems name it only then.
    pub config: Option<PathBuf>,
    pub sender: Option<Mailbox>,
    pub clients: PathBuf,
    pub sheet: Option<String>,
    pub template: Option<PathBuf>,
    pub drafts: PathBuf,
    pub language: Option<String>,
    pub smtp: Option<Smtp>,
    pub imap: Option<Imap>,
    /// The clock, injectable (`CARTERO_NOW`) so output can be compared byte for byte.
    pub clock: Clock,
    /// Mixed into Message-IDs: random, or 0 under `CARTERO_NOW` so tests are reproducible.
    pub salt: u64,
    /// The archive of every letter sent, across campaigns: `--archive`, `[archive] path`, or
    /// the platform's data folder (`None` only where there is none).
    pub archive: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct Smtp {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: Option<String>,
    pub password_command: Option<String>,
    /// How long the password command may take (it may be asking a person, as pinentry does).
    pub password_command_limit: Duration,
    /// The shortest time between two messages.
    pub interval: Option<Duration>,
    pub rate: Option<String>,
    pub ca_file: Option<PathBuf>,
    pub timeout: Duration,
    pub retries: u32,
    pub retry_delay: Duration,
    /// The most letters to send in any 24 hours, as the user's provider allows.
    pub daily_limit: Option<usize>,
    pub auth: Auth,
}

/// `[imap]`, resolved.
#[derive(Debug, Clone)]
pub struct Imap {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: String,
    /// The password (or token) is `[smtp]`'s: the same provider, and no password of its own.
    pub smtp_password: bool,
    pub password_command: Option<String>,
    pub password_command_limit: Duration,
    pub auth: Auth,
    pub ca_file: Option<PathBuf>,
    pub sent_folder: Option<String>,
    pub save_sent: SaveSent,
    pub reply_folders: Vec<String>,
    pub timeout: Duration,
}

impl Settings {
    pub fn resolve(common: &Common) -> Result<Settings> {
        let default = Path::new("cartero.toml");
        let (config, base, label, config_path) = match &common.config {
            Some(path) => (
                Config::load(path)?,
                parent_of(path),
                path.display(),
                Some(path.clone()),
            ),
            // A file there that cannot even be looked at is the user's, and loading it says why.
            None if !matches!(default.try_exists(), Ok(false)) => (
                Config::load(default)?,
                PathBuf::new(),
                default.display(),
                Some(default.to_path_buf()),
            ),
            None => (Config::default(), PathBuf::new(), default.display(), None),
        };
        let in_config = |p: &Path| base.join(p);

        let sender = match (&common.from, &config.sender.email) {
            (Some(from), _) => Some(parse_mailbox(from).context("failed to read `--from`")?),
            (None, Some(email)) => {
                let text = match &config.sender.name {
                    Some(name) => format!("{} <{}>", quote_name(name), email.trim()),
                    None => email.trim().to_string(),
                };
                Some(
                    parse_mailbox(&text)
                        .with_context(|| format!("failed to read `[sender]` in `{label}`"))?,
                )
            }
            (None, None) => {
                if config.sender.name.is_some() {
                    bail!(
                        "`[sender]` in `{label}` has a `name` but no `email`: add `email = \"you@example.com\"`"
                    );
                }
                None
            }
        };

        let clients = match (&common.clients, &config.campaign.clients) {
            (Some(p), _) => p.clone(),
            (None, Some(p)) => in_config(p),
            (None, None) => default_clients(&base),
        };
        let template = match (&common.template, &config.campaign.template) {
            (Some(p), _) => Some(p.clone()),
            (None, Some(p)) => Some(in_config(p)),
            (None, None) => None,
        };
        let drafts = match (&common.drafts, &config.campaign.drafts) {
            (Some(p), _) => p.clone(),
            (None, Some(p)) => in_config(p),
            (None, None) => in_config(Path::new("drafts")),
        };
        let (smtp, imap) = servers(config.smtp, config.imap, &base, &label.to_string())?;
        let clock = Clock::from_env()?;

        Ok(Settings {
            config: config_path,
            sender,
            clients,
            sheet: common.sheet.clone().or(config.campaign.sheet),
            template,
            drafts,
            language: config.campaign.language,
            smtp,
            imap,
            clock,
            salt: salt(clock),
            archive: archive_path(common, config.archive.path.map(|p| in_config(&p))),
        })
    }

    /// The archive's file, or an error that says how to give one.
    pub fn archive_path(&self) -> Result<&Path> {
        self.archive.as_deref().context(
            "there is no data folder on this system for the archive: give one with `--archive FILE` or `[archive] path` in cartero.toml",
        )
    }

    /// The sender, or an error that says how to give one.
    pub fn sender(&self) -> Result<&Mailbox> {
        self.sender.as_ref().context(
            "no sender: add `[sender]` with `name` and `email` to cartero.toml, or pass `--from \"Your Name <you@example.com>\"`",
        )
    }

    /// The time now, for a message's `Date:` (fixed under `CARTERO_NOW`).
    pub fn clock(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    pub fn journal_path(&self) -> PathBuf {
        self.drafts.join("journal.jsonl")
    }
}

impl Smtp {
    /// The login that needs a secret; `None` for a server that wants none.
    pub fn login(&self) -> Option<Login> {
        Some(Login {
            protocol: Protocol::Smtp,
            user: self.username.clone()?,
            host: self.host.clone(),
            password_command: self.password_command.clone(),
            limit: self.password_command_limit,
            token: self.auth == Auth::Xoauth2,
        })
    }

    fn resolve(c: SmtpConfig, base: &Path) -> Result<Smtp> {
        let port = c.port.unwrap_or(match c.security {
            Security::Starttls => 587,
            Security::Tls => 465,
            Security::None => 25,
        });
        if c.security == Security::None && !is_loopback(&c.host) {
            bail!(
                "`security = \"none\"` would send your password and your clients' emails unencrypted to `{}`; it is only allowed for a server on this machine (127.0.0.1 or localhost): use `starttls` or `tls`",
                c.host
            );
        }
        if c.username.as_deref().is_some_and(|u| u.trim().is_empty()) {
            bail!("`username` is empty: write the login your provider gave you (usually your address), or leave the line out for a server that wants none");
        }
        let interval = c.rate.as_deref().map(parse_rate).transpose()?;
        let timeout = bounded(
            "timeout-seconds",
            c.timeout_seconds,
            30,
            (1, 3600),
            "seconds",
        )?;
        let retries = bounded("retries", c.retries, 3, (0, 10), "tries")?;
        let password_command_seconds = bounded(
            "password-command-seconds",
            c.password_command_seconds,
            120,
            (1, 3600),
            "seconds",
        )?;
        let retry_delay = bounded(
            "retry-delay-ms",
            c.retry_delay_ms,
            2000,
            (0, 600_000),
            "milliseconds",
        )?;
        Ok(Smtp {
            host: c.host,
            port,
            security: c.security,
            username: c.username,
            password_command: c.password_command,
            password_command_limit: Duration::from_secs(password_command_seconds),
            interval,
            rate: c.rate,
            ca_file: c.ca_file.map(|p| base.join(p)),
            timeout: Duration::from_secs(timeout),
            retries,
            retry_delay: Duration::from_millis(retry_delay),
            daily_limit: c.daily_limit.map(daily_limit).transpose()?,
            auth: c.auth,
        })
    }
}

impl Imap {
    /// The login that needs a secret.
    pub fn login(&self) -> Login {
        Login {
            protocol: Protocol::Imap,
            user: self.username.clone(),
            host: self.host.clone(),
            password_command: self.password_command.clone(),
            limit: self.password_command_limit,
            token: self.auth == Auth::Xoauth2,
        }
    }

    /// `[smtp]`'s login, when the mailbox takes its password from it.
    pub fn shared(&self, smtp: Option<&Smtp>) -> Option<Login> {
        smtp.filter(|_| self.smtp_password).and_then(Smtp::login)
    }

    fn resolve(c: ImapConfig, smtp: Option<&Smtp>, base: &Path) -> Result<Imap> {
        let port = c.port.unwrap_or(match c.security {
            Security::Starttls | Security::None => 143,
            Security::Tls => 993,
        });
        if c.security == Security::None && !is_loopback(&c.host) {
            bail!(
                "`security = \"none\"` would send your password and read your mail unencrypted from `{}`; it is only allowed for a server on this machine (127.0.0.1 or localhost): use `tls` (port 993) or `starttls` (port 143)",
                c.host
            );
        }
        if c.host.trim().is_empty() {
            bail!("`host` is empty: write your provider's IMAP server, like \"imap.gmail.com\"");
        }
        if c.port == Some(0) {
            bail!("`port = 0` is not a port: 993 is usual with `security = \"tls\"`, 143 with `\"starttls\"`");
        }
        if c.username.as_deref().is_some_and(|u| u.trim().is_empty()) {
            bail!("`username` is empty: write the login of your mailbox, usually your address");
        }
        // The same provider (smtp.gmail.com and imap.gmail.com): the same login, unless given.
        let same = smtp.filter(|s| same_provider(&s.host, &c.host));
        let username = match (c.username, same.and_then(|s| s.username.clone())) {
            (Some(u), _) | (None, Some(u)) => u,
            (None, None) => bail!(
                "no `username`: add `username = \"you@example.com\"` (the login of your mailbox at `{}`)",
                c.host
            ),
        };
        let smtp_password = c.password_command.is_none()
            && same.is_some_and(|s| s.username.as_deref() == Some(username.as_str()));
        let auth = match (c.auth, same) {
            (Auth::Password, Some(s)) if smtp_password => s.auth,
            (auth, _) => auth,
        };
        if let Some(folder) = c.sent_folder.as_deref() {
            folder_name("sent-folder", folder)?;
        }
        for folder in &c.reply_folders {
            folder_name("reply-folders", folder)?;
        }
        let timeout = bounded(
            "timeout-seconds",
            c.timeout_seconds,
            30,
            (1, 3600),
            "seconds",
        )?;
        let password_command_seconds = bounded(
            "password-command-seconds",
            c.password_command_seconds,
            120,
            (1, 3600),
            "seconds",
        )?;
        Ok(Imap {
            host: c.host,
            port,
            security: c.security,
            username,
            smtp_password,
            password_command: c.password_command,
            password_command_limit: Duration::from_secs(password_command_seconds),
            auth,
            ca_file: c.ca_file.map(|p| base.join(p)),
            sent_folder: c.sent_folder,
            save_sent: c.save_sent,
            reply_folders: c.reply_folders,
            timeout: Duration::from_secs(timeout),
        })
    }
}

/// `[smtp]` and `[imap]`, resolved; `[imap]` may borrow `[smtp]`'s login.
fn servers(
    smtp: Option<SmtpConfig>,
    imap: Option<ImapConfig>,
    base: &Path,
    label: &str,
) -> Result<(Option<Smtp>, Option<Imap>)> {
    let smtp = smtp
        .map(|s| Smtp::resolve(s, base))
        .transpose()
        .with_context(|| format!("failed to read `[smtp]` in `{label}`"))?;
    let imap = imap
        .map(|i| Imap::resolve(i, smtp.as_ref(), base))
        .transpose()
        .with_context(|| format!("failed to read `[imap]` in `{label}`"))?;
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
        bail!("`{key}` names a folder: write its name as your mail app shows it, like \"Sent\" or \"[Gmail]/Sent Mail\"");
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
    let bad = || {
        anyhow::anyhow!(
            "`rate = \"{text}\"` is not a rate: write it like \"30/min\", \"1/s\" or \"500/hour\""
        )
    };
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
        bail!(
            "`rate = \"{text}\"` is out of range: cartero sends between 1 message a day (\"1/day\") and 100 a second (\"100/s\"); write a rate in between, like \"30/min\""
        );
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// A number from `[smtp]`, or an error naming the key, the value and what is accepted.
fn bounded<T: PartialOrd + std::fmt::Display + Copy>(
    key: &str,
    value: Option<T>,
    default: T,
    (min, max): (T, T),
    unit: &str,
) -> Result<T> {
    match value {
        None => Ok(default),
        Some(v) if v >= min && v <= max => Ok(v),
        Some(v) => bail!(
            "`{key} = {v}` is out of range: write a number of {unit} from {min} to {max} (or leave it out for {default})"
        ),
    }
}

/// serde's words for types, in a person's: `expected u16` means a whole number.
fn plain_toml_error(text: &str) -> String {
    let mut text = text.to_string();
    for (machine, person) in [
        ("expected u8", "expected a whole number (no quotes)"),
        ("expected u16", "expected a whole number (no quotes)"),
        ("expected u32", "expected a whole number (no quotes)"),
        ("expected u64", "expected a whole number (no quotes)"),
        ("expected a string", "expected text in quotes"),
        ("expected a boolean", "expected true or false"),
    ] {
        text = text.replace(machine, person);
    }
    text
}

/// The archive: `--archive`, `[archive] path`, or the platform's data folder.
fn archive_path(common: &Common, in_config: Option<PathBuf>) -> Option<PathBuf> {
    common.archive.clone().or(in_config).or_else(|| {
        directories::ProjectDirs::from("", "", "cartero")
            .map(|d| d.data_dir().join("archive.sqlite3"))
    })
}

/// `daily-limit = N`: a number of letters a day, 1 or more.
fn daily_limit(n: u32) -> Result<usize> {
    if n == 0 {
        bail!("`daily-limit = 0` would send nothing: write how many letters your provider lets you send in a day (500 for a Gmail account), or leave it out for no limit");
    }
    Ok(n as usize)
}

fn parent_of(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

fn default_clients(base: &Path) -> PathBuf {
    for name in ["clients.csv", "clients.xlsx", "clients.ods"] {
        // Unreadable is not absent: that file is the list, and loading it says what is wrong.
        if !matches!(base.join(name).try_exists(), Ok(false)) {
            return base.join(name);
        }
    }
    base.join("clients.csv")
}

fn quote_name(name: &str) -> String {
    let clean = crate::text::clean_line(name);
    format!("\"{}\"", clean.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A mailbox from `Name <addr>` or a bare address, with a message a person can act on.
pub fn parse_mailbox(text: &str) -> Result<Mailbox> {
    let clean = crate::text::clean_line(text);
    Mailbox::from_str(&clean).map_err(|e| {
        anyhow::anyhow!(
            "`{clean}` is not an email address like \"Ana García <ana@example.com>\" ({e})"
        )
    })
}

fn salt(clock: Clock) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    if clock.is_fixed() {
        return 0;
    }
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_errors_are_in_words() {
        let err = Config::parse("[smtp]\nhost = \"x\"\nport = \"587\"\n").unwrap_err();
        let text = format!("{err:#}");
        assert!(
            text.contains("expected a whole number (no quotes)"),
            "{text}"
        );
        assert!(text.contains("line 3"), "{text}");
        let err = Config::parse("[sender]\nname = 3\n").unwrap_err();
        assert!(
            format!("{err:#}").contains("expected text in quotes"),
            "{err:#}"
        );
    }

    #[test]
    fn unknown_keys_are_errors() {
        let err = Config::parse("[sender]\nnmae = \"Ana\"\n").unwrap_err();
        assert!(format!("{err:#}").contains("nmae"), "{err:#}");
    }

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
            let c = Config::parse(&format!("[smtp]\nhost = \"localhost\"\n{extra}")).unwrap();
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
            (s.retries, s.retry_delay, s.timeout.as_secs()),
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

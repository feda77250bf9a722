//! `cartero.toml` and the command-line flags, merged once into `Settings`.

mod send;
mod server;

pub use send::{Confirm, Mode, SendRequest};
pub use server::{
    is_loopback, parse_rate, same_provider, Auth, Imap, SaveSent, Security, Server, Smtp,
};

use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{bail, Context, Result};
use chrono::{DateTime, FixedOffset};
use lettre::message::Mailbox;
use serde::Deserialize;

use crate::cli::Common;
use crate::clock::Clock;

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
    /// A file (`.md` or `.txt`) added below every letter.
    pub signature: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CampaignConfig {
    pub clients: Option<PathBuf>,
    pub sheet: Option<String>,
    pub template: Option<PathBuf>,
    pub drafts: Option<PathBuf>,
    pub language: Option<String>,
    /// Files every letter carries, relative to this file's folder.
    #[serde(default)]
    pub attachments: Vec<PathBuf>,
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
    /// The largest letter the provider takes, in MB, as it is sent (base64 included).
    pub max_message_size: Option<Megabytes>,
}

/// A size in MB as a person writes it: `20`, `20.5`, or in quotes, `"20,5"`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Megabytes {
    Number(f64),
    Text(String),
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

impl Config {
    pub fn parse(text: &str) -> Result<Config> {
        toml::from_str(text).map_err(|e| anyhow::anyhow!(plain_toml_error(&e)))
    }

    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path)
            .with_context(|| tr!("settings-read-failed", file = path.display()))?;
        Config::parse(&text).with_context(|| tr!("settings-read-failed", file = path.display()))
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
    /// Where the campaign's relative paths start: cartero.toml's folder (attachments, images).
    pub base: PathBuf,
    /// `[sender] signature`, resolved.
    pub signature: Option<PathBuf>,
    /// `[campaign] attachments`, as written (relative to `base`).
    pub attachments: Vec<String>,
    /// `[smtp] max-message-size`, in bytes.
    pub max_message_bytes: u64,
}

/// Under Gmail's 25 MB once base64 has grown the files.
pub const DEFAULT_MAX_MESSAGE_MB: f64 = 20.0;

impl Settings {
    pub fn resolve(common: &Common) -> Result<Settings> {
        let Found {
            config,
            base,
            label,
            path: config_path,
        } = Found::read(common.config.as_deref())?;
        let in_config = |p: &Path| base.join(p);
        let sender = sender_of(common.from.as_deref(), &config.sender, &label)?;

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
        let max_message_bytes = max_message_bytes(config.smtp.as_ref(), &label)?;
        let signature = config.sender.signature.as_deref().map(in_config);
        let attachments = config
            .campaign
            .attachments
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let (smtp, imap) = server::servers(config.smtp, config.imap, &base, &label)?;
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
            base,
            signature,
            attachments,
            max_message_bytes,
        })
    }

    /// The archive's file, or an error that says how to give one.
    pub fn archive_path(&self) -> Result<&Path> {
        self.archive
            .as_deref()
            .with_context(|| tr!("settings-no-archive-folder"))
    }

    /// The sender, or an error that says how to give one.
    pub fn sender(&self) -> Result<&Mailbox> {
        self.sender
            .as_ref()
            .with_context(|| tr!("settings-no-sender"))
    }

    /// The time now, for a message's `Date:` (fixed under `CARTERO_NOW`).
    pub fn clock(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    pub fn journal_path(&self) -> PathBuf {
        self.drafts.join("journal.jsonl")
    }
}

/// `[smtp] max-message-size` in bytes: a number of MB above nothing.
fn max_message_bytes(smtp: Option<&SmtpConfig>, label: &str) -> Result<u64> {
    let (mb, written) = match smtp.and_then(|s| s.max_message_size.clone()) {
        None => (DEFAULT_MAX_MESSAGE_MB, String::new()),
        Some(Megabytes::Number(n)) => (n, n.to_string()),
        Some(Megabytes::Text(t)) => {
            let n = t.trim().replace(',', ".").parse().unwrap_or(f64::NAN);
            (n, format!("{t:?}"))
        }
    };
    if !mb.is_finite() || mb <= 0.0 {
        anyhow::bail!(tr!(
            "settings-bad-max-message-size",
            file = label,
            value = written
        ));
    }
    Ok((mb * 1_000_000.0) as u64)
}

/// The config file read: `--config`, else `cartero.toml` here if there is one, else none.
struct Found {
    config: Config,
    /// Where the file's relative paths start.
    base: PathBuf,
    /// The file's name in messages.
    label: String,
    path: Option<PathBuf>,
}

impl Found {
    fn read(given: Option<&Path>) -> Result<Found> {
        let default = Path::new("cartero.toml");
        Ok(match given {
            Some(path) => Found {
                config: Config::load(path)?,
                base: parent_of(path),
                label: path.display().to_string(),
                path: Some(path.to_path_buf()),
            },
            // A file there that cannot even be looked at is the user's, and loading it says why.
            None if !matches!(default.try_exists(), Ok(false)) => Found {
                config: Config::load(default)?,
                base: PathBuf::new(),
                label: default.display().to_string(),
                path: Some(default.to_path_buf()),
            },
            None => Found {
                config: Config::default(),
                base: PathBuf::new(),
                label: default.display().to_string(),
                path: None,
            },
        })
    }
}

/// The sender: `--from`, else `[sender]` in the file labelled `label`, else none.
fn sender_of(from: Option<&str>, sender: &SenderConfig, label: &str) -> Result<Option<Mailbox>> {
    Ok(match (from, &sender.email) {
        (Some(from), _) => Some(parse_mailbox(from).with_context(|| tr!("settings-from-failed"))?),
        (None, Some(email)) => {
            let text = match &sender.name {
                Some(name) => format!("{} <{}>", quote_name(name), email.trim()),
                None => email.trim().to_string(),
            };
            Some(
                parse_mailbox(&text)
                    .with_context(|| tr!("settings-sender-failed", file = label))?,
            )
        }
        (None, None) => {
            if sender.name.is_some() {
                bail!(tr!("settings-sender-no-email", file = label));
            }
            None
        }
    })
}

/// toml's error in a person's words and language: where, then what. serde's words for types
/// (`expected u16`) become a person's (a whole number); a message toml words in ways not known
/// here is kept as toml said it.
fn plain_toml_error(error: &toml::de::Error) -> String {
    let text = error.to_string();
    let message = error.message();
    // toml writes the place first (four lines), then the message, then a line break.
    let (place, rest) = match text.strip_suffix('\n').unwrap_or(&text).rfind(message) {
        Some(at) if !message.is_empty() => text.split_at(at),
        _ => ("", text.as_str()),
    };
    let place = match place.split_once('\n') {
        Some((first, snippet)) => format!("{}\n{snippet}", toml_position(first)),
        None => place.to_string(),
    };
    let rest = match rest.strip_prefix(message) {
        Some(after) => format!("{}{after}", toml_message(message)),
        None => rest.to_string(),
    };
    format!("{place}{rest}")
}

/// `TOML parse error at line 3, column 6`, in this run's language.
fn toml_position(line: &str) -> String {
    let numbers = line
        .strip_prefix("TOML parse error at line ")
        .and_then(|r| r.split_once(", column "))
        .and_then(|(l, c)| Some((l.parse::<usize>().ok()?, c.parse::<usize>().ok()?)));
    match numbers {
        Some((line, column)) => tr!("settings-toml-at", line = line, column = column),
        None => line.to_string(),
    }
}

/// serde's message (`unknown field `x`, expected one of `a`, `b``) in this run's language.
fn toml_message(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((key, expected)) = rest.split_once("`, expected ") {
            let names = expected.strip_prefix("one of ").unwrap_or(expected);
            let count = names.matches("`, `").count() + 1;
            return tr!(
                "settings-toml-unknown-key",
                key = key,
                keys = names,
                count = count
            );
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((value, expected)) = rest.split_once("`, expected ") {
            let names = expected.strip_prefix("one of ").unwrap_or(expected);
            let count = names.matches("`, `").count() + 1;
            return tr!(
                "settings-toml-unknown-value",
                value = value,
                values = names,
                count = count
            );
        }
    }
    if let Some(key) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return tr!("settings-toml-missing-key", key = key);
    }
    if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|r| r.split_once(", expected "))
    {
        return tr!(
            "settings-toml-wrong-type",
            found = toml_found(found),
            expected = toml_expected(expected)
        );
    }
    if let Some((found, expected)) = message
        .strip_prefix("invalid value: ")
        .and_then(|r| r.split_once(", expected "))
    {
        return tr!(
            "settings-toml-wrong-value",
            found = toml_found(found),
            expected = toml_expected(expected)
        );
    }
    message.to_string()
}

/// serde's `string "a"`, `integer `5``, `boolean `true``: kept as serde wrote them in English,
/// said in other words elsewhere.
fn toml_found(found: &str) -> String {
    if let Some(v) = found.strip_prefix("string ") {
        tr!("settings-toml-found-text", value = v)
    } else if let Some(v) = found.strip_prefix("integer ") {
        tr!("settings-toml-found-number", value = v)
    } else if let Some(v) = found.strip_prefix("floating point ") {
        tr!("settings-toml-found-decimal", value = v)
    } else if let Some(v) = found.strip_prefix("boolean ") {
        tr!("settings-toml-found-boolean", value = v)
    } else {
        found.to_string()
    }
}

/// serde's name of the type wanted, in a person's words: `u16` means a whole number.
fn toml_expected(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" => tr!("settings-toml-expected-whole-number"),
        "a string" => tr!("settings-toml-expected-text"),
        "a boolean" => tr!("settings-toml-expected-boolean"),
        "a sequence" => tr!("settings-toml-expected-list"),
        other => other.to_string(),
    }
}

/// The archive: `--archive`, `[archive] path`, or the platform's data folder.
fn archive_path(common: &Common, in_config: Option<PathBuf>) -> Option<PathBuf> {
    common.archive.clone().or(in_config).or_else(|| {
        directories::ProjectDirs::from("", "", "cartero")
            .map(|d| d.data_dir().join("archive.sqlite3"))
    })
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
        anyhow::anyhow!(tr!(
            "settings-not-an-address",
            text = &clean,
            why = e.to_string()
        ))
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
    use super::Config;

    /// What cartero said of toml's errors before the catalogs: toml's own text, with serde's
    /// type names in a person's words. English must stay exactly that.
    fn as_before(text: &str) -> String {
        let mut text = toml::from_str::<Config>(text).unwrap_err().to_string();
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

    #[test]
    fn toml_errors_read_in_english_as_they_always_did() {
        for text in [
            "tempalte = \"x\"\n",
            "[campaign]\ntempalte = \"x\"\n",
            "[smtp]\nhost = \"x\"\nport = \"a\"\n",
            "[smtp]\nhost = \"x\"\nport = 70000\n",
            "[smtp]\nhost = \"x\"\nsecurity = \"foo\"\n",
            "[smtp]\nport = 25\n",
            "[smtp]\nhost = 5\n",
            "[sender]\nname = true\n",
            "[smtp]\nhost = \"x\"\nretries = 1.5\n",
            "[archive]\nwhere = 1\n",
            "[imap]\nhost = \"x\"\nreply-folders = \"Inbox\"\n",
            "[sender\n",
            "x = \n",
        ] {
            let now = Config::parse(text).unwrap_err().to_string();
            assert_eq!(now, as_before(text), "{text}");
        }
    }
}

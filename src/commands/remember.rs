//! `cartero remember EMAIL TEXT`: a dated memory of a client, kept in the archive during the
//! year, for next December's letter.

use std::process::ExitCode;

use anyhow::{bail, Result};
use chrono::SecondsFormat;

use crate::domain::clients::{self, address_key, parse_address};
use crate::report;
use crate::settings::Settings;
use crate::state::archive::Archive;

pub fn run(settings: Settings, email: &str, text: &str, force: bool) -> Result<ExitCode> {
    let address = parse_address(email.trim()).map_err(anyhow::Error::msg)?;
    let key = address_key(&address);
    let text = crate::text::clean_text(text);
    if text.is_empty() {
        bail!(tr!("cmd-remember-nothing"));
    }
    let path = settings.archive_path()?;
    let mut archive = Archive::open(path)?;
    if !force {
        refuse_unknown(&settings, &archive, &key)?;
    }
    let at = settings
        .clock()
        .to_rfc3339_opts(SecondsFormat::Millis, false);
    archive.remember(&key, &at, &text)?;
    report::remembered(&key, &text, path);
    Ok(ExitCode::SUCCESS)
}

/// A memory of an address no list and no letter knows is most likely a typo, and would be
/// lost: refused, naming the known address closest to it.
fn refuse_unknown(settings: &Settings, archive: &Archive, key: &str) -> Result<()> {
    let mut known = archive.addresses()?;
    known.extend(on_the_list(settings));
    if known.iter().any(|k| k == key) {
        return Ok(());
    }
    match crate::text::closest(key, known.iter().map(String::as_str)) {
        Some(guess) => bail!(tr!("cmd-remember-unknown-guess", key = key, guess = guess)),
        None => bail!(tr!("cmd-remember-unknown", key = key)),
    }
}

/// The addresses on the campaign's client list, when there is one to read.
fn on_the_list(settings: &Settings) -> Vec<String> {
    if !settings.clients.is_file() {
        return Vec::new();
    }
    clients::load(&settings.clients, settings.sheet.as_deref())
        .map(|list| list.clients.into_iter().map(|c| c.key).collect())
        .unwrap_or_default()
}

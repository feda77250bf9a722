//! `cartero history EMAIL`: every letter ever sent to a client, from the archive, newest first.

use std::process::ExitCode;

use anyhow::Result;

use crate::domain::clients::{address_key, parse_address};
use crate::report;
use crate::settings::Settings;
use crate::state::archive::Archive;

pub fn run(settings: Settings, email: &str, json: bool) -> Result<ExitCode> {
    let key = client_key(email)?;
    let path = settings.archive_path()?;
    if !path.exists() {
        report::no_archive_yet(path);
        return Ok(ExitCode::SUCCESS);
    }
    let archive = Archive::open(path)?;
    let letters = archive.history(&key)?;
    let memories = archive.memories(&key, letters.first().map(|l| l.sent_at.as_str()))?;
    if json {
        report::history_json(&letters)?;
    } else {
        let alone = letters
            .iter()
            .map(|l| Ok(archive.letters_in(&l.campaign)? < 2))
            .collect::<Result<Vec<bool>>>()?;
        report::history(&key, &letters, &alone, &memories);
    }
    Ok(ExitCode::SUCCESS)
}

/// A client as the archive knows them: the address as cartero keys it.
pub fn client_key(email: &str) -> Result<String> {
    let address = parse_address(email.trim()).map_err(anyhow::Error::msg)?;
    Ok(address_key(&address))
}

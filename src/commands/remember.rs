//! `cartero remember EMAIL TEXT`: a dated memory of a client, kept in the archive during the
//! year, for next December's letter.

use std::process::ExitCode;

use anyhow::{bail, Result};
use chrono::SecondsFormat;

use crate::domain::clients::{address_key, parse_address};
use crate::report;
use crate::settings::Settings;
use crate::state::archive::Archive;

pub fn run(settings: Settings, email: &str, text: &str) -> Result<ExitCode> {
    let address = parse_address(email.trim()).map_err(anyhow::Error::msg)?;
    let text = crate::text::clean_text(text);
    if text.is_empty() {
        bail!("there is nothing to remember: write it after the address, such as `cartero remember ana@example.com \"opened the new shop in Getafe\"`");
    }
    let path = settings.archive_path()?;
    let mut archive = Archive::open(path)?;
    let at = settings
        .clock()
        .to_rfc3339_opts(SecondsFormat::Millis, false);
    archive.remember(&address_key(&address), &at, &text)?;
    report::remembered(&address_key(&address), &text, path);
    Ok(ExitCode::SUCCESS)
}

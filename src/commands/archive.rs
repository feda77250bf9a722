//! `cartero archive import DIR`: an older campaign's sent letters into the archive, once each.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Result};

use crate::report;
use crate::settings::Settings;
use crate::state::archive::{letters_of_campaign, Archive};

pub fn import(settings: Settings, dir: &Path) -> Result<ExitCode> {
    let drafts = drafts_folder(dir)?;
    let path = settings.archive_path()?;
    // The campaign folder, where its letters' files were: the one holding its drafts folder.
    let base = match drafts == dir {
        true => drafts.parent().unwrap_or(dir),
        false => dir,
    };
    let (letters, missing) = letters_of_campaign(&drafts, base)?;
    let mut archive = Archive::open(path)?;
    let added = archive.keep(&letters)?;
    report::imported(dir, letters.len(), added, missing, path);
    Ok(ExitCode::SUCCESS)
}

/// The drafts folder of `dir`: `dir` itself when it holds the journal, else its `drafts/`.
fn drafts_folder(dir: &Path) -> Result<PathBuf> {
    for candidate in [dir.to_path_buf(), dir.join("drafts")] {
        if candidate.join("journal.jsonl").is_file() {
            return Ok(candidate);
        }
    }
    bail!(tr!("cmd-archive-no-journal", dir = dir.display()))
}

//! `cartero status`: where every client stands, as a table or as JSON.

use std::process::ExitCode;

use anyhow::Result;

use crate::report::{self, StatusRow};
use crate::settings::Settings;

pub fn run(settings: Settings, json: bool) -> Result<ExitCode> {
    let survey = report::survey(settings)?;
    for w in &survey.journal_warnings {
        tell!("warning: {w}");
    }
    let rows: Vec<StatusRow> = survey.entries.iter().map(StatusRow::of).collect();
    if json {
        report::status_json(&rows)?;
    } else {
        report::status_table(&rows, &survey.removed);
    }
    Ok(ExitCode::SUCCESS)
}

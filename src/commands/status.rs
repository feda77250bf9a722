//! `cartero status`: where every client stands, as a table or as JSON.

use std::process::ExitCode;

use anyhow::Result;

use crate::mailbox::copies::{self, Copies};
use crate::report::{self, StatusRow};
use crate::secret::Secrets;
use crate::settings::{Imap, Settings};
use crate::state::journal::Journal;
use crate::state::lock::Lock;
use crate::state::survey::Survey;

pub fn run(settings: Settings, json: bool) -> Result<ExitCode> {
    let mut survey = report::survey(&settings)?;
    if let Some(imap) = &settings.imap {
        if copies::owed_work(&survey, imap, false) {
            match look_up_uncertain(&survey, imap) {
                Ok(Some(filing)) => {
                    report::mailbox_before(&filing);
                    if !filing.resolved.is_empty() {
                        survey = Survey::take(&settings)?;
                    }
                }
                Ok(None) => {}
                Err(e) => tell!(
                    "{}",
                    tr!("cmd-status-sent-not-read", why = format!("{e:#}"))
                ),
            }
        }
    }
    for w in &survey.journal_warnings {
        tell!("{}", tr!("cmd-warning", what = w.to_string()));
    }
    let rows: Vec<StatusRow> = survey.entries.iter().map(StatusRow::of).collect();
    if json {
        report::status_json(&rows)?;
    } else {
        report::status_table(&rows, &survey.removed);
    }
    Ok(ExitCode::SUCCESS)
}

/// An uncertain letter found in Sent is sent: looked up while no `send` runs (`None` when one
/// does: it looks itself).
fn look_up_uncertain(survey: &Survey, imap: &Imap) -> Result<Option<crate::mailbox::Filing>> {
    let settings = &survey.campaign.settings;
    let Ok(_lock) = Lock::take(&settings.drafts, "status") else {
        return Ok(None);
    };
    let secret = Secrets::new(&report::ask_secret)
        .imap(&imap.login(), imap.shared(settings.smtp.as_ref()).as_ref())?;
    let mut c = Copies::open(imap, &secret, &survey.events, settings)?;
    let mut journal = Journal::open(&settings.journal_path())?;
    c.catch_up(survey, &mut journal, false)?;
    journal.sync()?;
    Ok(Some(c.logout()))
}

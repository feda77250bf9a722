//! `cartero check`: every problem of the campaign at once, and a summary of it.

use std::process::ExitCode;

use anyhow::Result;

use crate::domain::campaign::Campaign;
use crate::settings::Settings;

pub fn run(settings: Settings) -> Result<ExitCode> {
    let mut campaign = Campaign::load(settings)?;
    let rendered = campaign.render_all();
    let shares = campaign.shares(&rendered);
    let letters = campaign.letter_problems(&rendered, &shares);
    campaign.problems.extend(letters);
    let failed = crate::report::problems(&mut campaign.problems);
    crate::report::check_summary(&campaign.summary(&shares));
    let errors = campaign.problems.iter().filter(|p| p.is_error()).count();
    let warnings = campaign.problems.len() - errors;
    if failed {
        say!("{errors} error(s), {warnings} warning(s): fix the errors above, then run `cartero check` again");
        Ok(ExitCode::from(1))
    } else {
        say!("no errors, {warnings} warning(s); next: `cartero preview --out preview` or `cartero draft`");
        Ok(ExitCode::SUCCESS)
    }
}

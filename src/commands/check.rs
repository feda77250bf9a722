//! `cartero check`: every problem of the campaign at once, and a summary of it.

use std::process::ExitCode;

use anyhow::Result;

use crate::diag::Problem;
use crate::domain::campaign::Campaign;
use crate::domain::message::validate;
use crate::settings::Settings;
use crate::state::drafts::State;
use crate::state::survey::Survey;

pub fn run(settings: Settings) -> Result<ExitCode> {
    let mut campaign = Campaign::load(settings)?;
    crate::state::archive::recall(&mut campaign);
    let rendered = campaign.render_all();
    let shares = campaign.shares(&rendered);
    let letters = campaign.letter_problems(&rendered, &shares);
    campaign.problems.extend(letters);
    let summary = campaign.summary(&shares);
    let mut campaign = with_draft_problems(campaign)?;
    let failed = crate::report::problems(&mut campaign.problems);
    crate::report::check_summary(&summary);
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

/// Drafts already written and edited since: what review or send would refuse in them is said
/// now too, naming the file.
fn with_draft_problems(campaign: Campaign) -> Result<Campaign> {
    if !campaign.settings.journal_path().exists() || campaign.clients.is_empty() {
        return Ok(campaign);
    }
    let survey = Survey::of(campaign)?;
    let mut problems = Vec::new();
    for e in survey.entries.iter().filter(|e| e.state != State::Sent) {
        let (Some(text), Some(path)) = (&e.text, &e.path) else {
            continue;
        };
        if let Err(why) = validate(text, &e.client.key) {
            problems.push(
                Problem::error(
                    path.display().to_string(),
                    format!("this draft cannot be approved or sent as it is: {why}"),
                )
                .client(&e.client.name),
            );
        }
    }
    let mut campaign = survey.campaign;
    campaign.problems.extend(problems);
    Ok(campaign)
}

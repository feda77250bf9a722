//! `cartero preview`: the exact `.eml` bytes of every letter, written to a folder.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::diag::Problem;
use crate::domain::campaign::{Campaign, Rendered};
use crate::domain::letter;
use crate::domain::message::{build_message, message_id};
use crate::outbox::write_emls;
use crate::settings::Settings;
use crate::text::file_stem;

pub fn run(settings: Settings, out: &Path) -> Result<ExitCode> {
    let mut campaign = Campaign::load(&settings)?;
    crate::state::archive::recall(&mut campaign);
    let (now, salt) = (campaign.settings.clock.started(), campaign.settings.salt);
    let Some(sender) = campaign.settings.sender.clone() else {
        // Load already reported it; render anyway, to report every other problem too.
        campaign.render_all();
        crate::report::problems(&mut campaign.problems);
        tell!("{}", tr!("cmd-preview-nothing-written"));
        return Ok(ExitCode::from(1));
    };
    // Every message is built in memory before any file is written, so one bad row never
    // leaves half a preview; each is kept only as its bytes.
    let campaign_base = campaign.settings.base.clone();
    let places = campaign.places();
    let messages = campaign.render_map(|client, Rendered { email, .. }| {
        let id = message_id(&sender, &client.key, now, salt);
        let files = letter::load(&email, &campaign_base)
            .map_err(|f| places.problem(client, &f.name, Problem::error, f.why))?;
        let message =
            build_message(&sender, &client.mailbox, &email, &files, now, &id).map_err(|e| {
                Problem::error(client.email.clone(), format!("{e:#}")).client(&client.name)
            })?;
        Ok((
            file_stem(client.index, &client.name, &client.email),
            message.formatted(),
        ))
    });
    if crate::report::problems(&mut campaign.problems) {
        tell!("{}", tr!("cmd-preview-nothing-written"));
        return Ok(ExitCode::from(1));
    }
    let messages: Vec<(String, Vec<u8>)> = messages.into_iter().flatten().collect();
    let stale = write_emls(out, &messages)?;
    crate::report::stale_emls(out, stale);
    say!(
        "{}",
        tr!(
            "cmd-preview-written",
            count = messages.len(),
            dir = out.display()
        )
    );
    Ok(ExitCode::SUCCESS)
}

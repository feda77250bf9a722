//! `cartero check`: every problem of the campaign at once, and a summary of it.

use std::process::ExitCode;

use anyhow::Result;

use crate::diag::Problem;
use crate::domain::campaign::Campaign;
use crate::domain::letter;
use crate::domain::message::validate;
use crate::mailbox::{self, Mailbox};
use crate::outbox::{SendError, SmtpOutbox};
use crate::report;
use crate::secret::Secrets;
use crate::settings::{Imap, Security, Settings, Smtp};
use crate::state::drafts::State;
use crate::state::survey::{Entry, Survey};
use crate::tls::{probe, Probe};

pub fn run(settings: Settings, connect: bool) -> Result<ExitCode> {
    let reached = match connect {
        true => Some(connections(&settings)),
        false => None,
    };
    let mut campaign = Campaign::load(&settings)?;
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
    if reached == Some(false) {
        say!(
            "{}",
            tr!(
                "cmd-check-connection-failed",
                errors = errors,
                warnings = warnings
            )
        );
        Ok(ExitCode::from(1))
    } else if failed {
        say!(
            "{}",
            tr!("cmd-check-failed", errors = errors, warnings = warnings)
        );
        Ok(ExitCode::from(1))
    } else {
        say!(
            "{}",
            tr!("cmd-check-passed", errors = errors, warnings = warnings)
        );
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
    for e in survey.entries.iter().filter(|e| !State::went(e.state)) {
        let (Some(text), Some(path)) = (&e.text, &e.path) else {
            continue;
        };
        // A file the draft's `Attachments:` line (or its Markdown) names that is not there.
        let why = validate(text, &e.client.key)
            .err()
            .or_else(|| e.unreadable.as_ref().map(|p| p.why.clone()));
        if let Some(why) = why {
            problems.push(
                Problem::error(
                    path.display().to_string(),
                    tr!("cmd-check-draft-invalid", why = why),
                )
                .client(&e.client.name),
            );
        } else if let Some(draft) = validate(text, &e.client.key)
            .ok()
            .filter(|d| files_changed_by_hand(&survey, e, &d.email.attachments))
        {
            // Files added to the draft by hand: still within the provider's size.
            let base = &survey.campaign.settings.base;
            if let Ok(files) = letter::load(&draft.email, base) {
                problems.extend(survey.campaign.too_big(&e.client, &draft.email, &files));
            }
        }
    }
    let mut campaign = survey.into_campaign();
    campaign.problems.extend(problems);
    Ok(campaign)
}

/// Whether a draft names other files than the list and cartero.toml give its client (what
/// the campaign's own check already measured).
fn files_changed_by_hand(survey: &Survey, e: &Entry, named: &[String]) -> bool {
    let given = survey.campaign.settings.attachments.iter();
    !named.iter().eq(given.chain(&e.client.attachments))
}

/// `--connect`: logs in to the SMTP server and out (nothing sent), then to the mailbox (finding
/// Sent); each line says what works or what to fix. True when everything did.
fn connections(settings: &Settings) -> bool {
    let Some(smtp) = &settings.smtp else {
        tell!("{}", tr!("cmd-check-no-smtp"));
        return false;
    };
    let mut secrets = Secrets::new(&report::ask_secret);
    let smtp_ok = smtp_connects(smtp, &mut secrets);
    match &settings.imap {
        Some(imap) => imap_connects(imap, smtp, &mut secrets) && smtp_ok,
        None => smtp_ok,
    }
}

/// SMTP: connected, TLS trusted, logged in and out, nothing sent; or why not.
fn smtp_connects(smtp: &Smtp, secrets: &mut Secrets) -> bool {
    let label = format!(
        "SMTP {}:{} ({})",
        smtp.server.host, smtp.server.port, smtp.server.security
    );
    match secrets
        .smtp(smtp.login().as_ref())
        .and_then(|p| SmtpOutbox::connect(smtp, p))
    {
        Ok(outbox) => {
            drop(outbox);
            let user = match &smtp.username {
                Some(user) => user.clone(),
                None => tr!("cmd-check-nobody"),
            };
            let said = match smtp.server.security {
                Security::None => tr!("cmd-check-smtp-ok", label = &label, user = user),
                _ => tr!("cmd-check-smtp-ok-trusted", label = &label, user = user),
            };
            say!("{said}");
            true
        }
        Err(e) => {
            let mut why = format!("{e:#}");
            let untrusted = matches!(e.downcast_ref::<SendError>(), Some(SendError::Untrusted(_)));
            if untrusted && smtp.server.security != Security::None {
                // Whose certificate it is, and what to do about it.
                if let Probe::Refused(words) = probe(
                    &smtp.server.host,
                    smtp.server.port,
                    smtp.server.security == Security::Starttls,
                    smtp.server.ca_file.as_deref(),
                    "[smtp]",
                    smtp.server.timeout,
                ) {
                    why = words;
                }
            }
            tell!("{label}: {why}");
            false
        }
    }
}

/// IMAP: logged in, Sent found, every reply folder there, logged out; or why not.
fn imap_connects(imap: &Imap, smtp: &Smtp, secrets: &mut Secrets) -> bool {
    let label = format!(
        "IMAP {}:{} ({})",
        imap.server.host, imap.server.port, imap.server.security
    );
    let shared = imap.shared(Some(smtp));
    let tried = secrets.imap(&imap.login(), shared.as_ref()).and_then(|p| {
        let mut m = Mailbox::connect(imap, &p)?;
        let sent = m.sent_folder(imap.sent_folder.as_deref());
        let mut missing = Vec::new();
        if let Ok(folders) = m.folders() {
            for f in &imap.reply_folders {
                if !folders.iter().any(|x| mailbox::is_folder(x, f)) {
                    missing.push(f.clone());
                }
            }
        }
        m.logout();
        Ok((mailbox::folder_shown(&sent?), missing))
    });
    match tried {
        Ok((sent, missing)) => {
            say!(
                "{}",
                tr!(
                    "cmd-check-imap-ok",
                    label = &label,
                    user = &imap.username,
                    sent = sent,
                    save = format!("{:?}", imap.save_sent).to_lowercase()
                )
            );
            for f in &missing {
                tell!(
                    "{}",
                    tr!("cmd-check-no-such-folder", label = &label, folder = f)
                );
            }
            missing.is_empty()
        }
        Err(e) => {
            tell!("{label}: {e:#}");
            false
        }
    }
}

//! Runs a parsed command line: `init`, `check` and `preview` here, the rest in their own modules.

pub mod init;
pub mod review;
pub mod send;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::domain::campaign::{Campaign, Rendered};
use crate::cli::{Cli, Command};
use crate::diag::{self, Problem};
use crate::state::drafts::validate;
use crate::domain::message::{build_message, draft_text, message_id};
use crate::domain::personal::mass_mail_warning;
use crate::text::{count, file_stem};
use crate::domain::personal::reads_like_mass_mail;
use crate::settings::Settings;

pub fn run(cli: Cli) -> Result<ExitCode> {
    if let Command::Init { dir } = &cli.command {
        return init(dir.as_deref().unwrap_or(Path::new(".")));
    }
    let settings = Settings::resolve(&cli.common)?;
    match cli.command {
        Command::Init { .. } => unreachable!("handled above"),
        Command::Check => check(settings),
        Command::Preview { out } => preview(settings, &out),
        Command::Draft => crate::state::drafts::run(settings),
        Command::Review => crate::commands::review::run(settings),
        Command::Send(args) => crate::commands::send::run(settings, &args),
        Command::Status { json } => crate::state::survey::run(settings, json),
    }
}

fn init(dir: &Path) -> Result<ExitCode> {
    let mut kept = 0;
    for outcome in crate::commands::init::run(dir)? {
        match outcome {
            crate::commands::init::Outcome::Written(p) => say!("wrote {}", p.display()),
            crate::commands::init::Outcome::Kept(p) => {
                kept += 1;
                say!(
                    "kept  {} (it exists; cartero never overwrites a file)",
                    p.display()
                )
            }
        }
    }
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", dir.display())
    };
    if kept > 0 {
        say!("{kept} file(s) already existed and were left as they were");
    }
    say!(
        "next: put your clients in clients.csv (one personal note each), your name in cartero.toml, then `{cd}cartero check`"
    );
    Ok(ExitCode::SUCCESS)
}

/// Prints problems to stderr, errors first; true when there was an error.
pub fn report(problems: &mut [Problem]) -> bool {
    diag::sort(problems);
    let mut err = std::io::stderr().lock();
    for p in problems.iter() {
        let _ = writeln!(err, "{p}");
    }
    problems.iter().any(Problem::is_error)
}

fn check(settings: Settings) -> Result<ExitCode> {
    let mut campaign = Campaign::load(settings)?;
    let rendered = campaign.render_all();
    let shares = campaign.shares(&rendered);
    let mut warnings = Vec::new();
    let mut mass: std::collections::BTreeMap<String, Vec<(&str, f64)>> = Default::default();
    let mut no_note = Vec::new();
    for ((client, share), r) in campaign.clients.iter().zip(&shares).zip(&rendered) {
        if Campaign::note_warning(client).is_some() {
            no_note.push(client);
        }
        // What review and send would refuse, refused now: the letter as its draft will read.
        if let Some(r) = r {
            if let Err(why) = validate(&draft_text(&client.mailbox, &r.email), &client.key) {
                warnings.push(
                    Problem::error(
                        campaign.templates.label(&r.template),
                        format!("this letter could not be approved or sent as it renders: {why}"),
                    )
                    .client(&client.name),
                );
            }
        }
        if let (Some(share), Some(r)) = (share, r) {
            if reads_like_mass_mail(*share) {
                mass.entry(campaign.templates.label(&r.template))
                    .or_default()
                    .push((client.name.as_str(), *share));
            }
        }
    }
    warnings.extend(no_note_problems(
        &campaign.settings.clients.display().to_string(),
        &no_note,
    ));
    warnings.extend(mass_mail_problems(mass));
    campaign.problems.extend(warnings);
    let failed = report(&mut campaign.problems);

    let clients = &campaign.clients;
    let in_circle = |circle: &str| {
        clients
            .iter()
            .filter(|c| c.circle() == Some(circle))
            .count()
    };
    let no_affinity = clients.iter().filter(|c| c.affinity.is_none()).count();
    let no_note: Vec<&str> = clients
        .iter()
        .filter(|c| c.note.is_none())
        .map(|c| c.name.as_str())
        .collect();
    let measured: Vec<f64> = shares.iter().flatten().copied().collect();
    let mass = measured
        .iter()
        .filter(|s| reads_like_mass_mail(**s))
        .count();
    say!(
        "{} in `{}`",
        count(clients.len(), "client"),
        campaign.settings.clients.display()
    );
    say!(
        "  circles: {} loved, {} ignored, {} hated{}",
        in_circle("loved"),
        in_circle("ignored"),
        in_circle("hated"),
        if no_affinity > 0 {
            format!(", {no_affinity} without affinity")
        } else {
            String::new()
        }
    );
    if no_note.is_empty() {
        say!("  every client has a personal note");
    } else {
        let more = no_note.len().saturating_sub(10);
        say!(
            "  without a personal note: {} ({}{})",
            no_note.len(),
            no_note[..no_note.len().min(10)].join(", "),
            if more > 0 {
                format!(", and {more} more")
            } else {
                String::new()
            }
        );
    }
    if !measured.is_empty() {
        let mean = measured.iter().sum::<f64>() / measured.len() as f64;
        say!(
            "  personal share: {:.0}% on average; {mass} of {} emails read like a mass mail",
            mean * 100.0,
            measured.len()
        );
    }
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

/// Clients with no personal note: each named when they are few, said once when they are many.
fn no_note_problems(list: &str, clients: &[&crate::domain::clients::Client]) -> Vec<Problem> {
    if clients.len() <= 3 {
        return clients
            .iter()
            .filter_map(|c| {
                Campaign::note_warning(c).map(|w| {
                    Problem::warning(list, w)
                        .at(c.pos)
                        .column("note")
                        .client(&c.name)
                })
            })
            .collect();
    }
    let named: Vec<&str> = clients.iter().take(5).map(|c| c.name.as_str()).collect();
    let more = clients.len().saturating_sub(5);
    vec![Problem::warning(
        list,
        format!(
            "{} clients have no personal note ({}{}): add one to the `note` column for each (a memory, an anecdote, something you solved together)",
            clients.len(),
            named.join(", "),
            if more > 0 { format!(", and {more} more") } else { String::new() }
        ),
    )
    .column("note")]
}

/// The letters that read like a mass mail, by template: each named when they are few, said
/// once for the template when they are many (a name-only template on 50,000 clients).
fn mass_mail_problems(mass: std::collections::BTreeMap<String, Vec<(&str, f64)>>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (template, clients) in mass {
        if clients.len() <= 3 {
            problems.extend(clients.into_iter().map(|(name, share)| {
                Problem::warning(template.clone(), mass_mail_warning(share)).client(name)
            }));
            continue;
        }
        let named: Vec<String> = clients
            .iter()
            .take(5)
            .map(|(name, share)| format!("{name} {:.0}%", share * 100.0))
            .collect();
        let more = clients.len().saturating_sub(5);
        problems.push(Problem::warning(
            template,
            format!(
                "{} letters read like a mass mail: little of each is about its client alone ({}{}); add something personal to their notes, or to the template",
                clients.len(),
                named.join(", "),
                if more > 0 { format!(", and {more} more") } else { String::new() }
            ),
        ));
    }
    problems
}

fn preview(settings: Settings, out: &Path) -> Result<ExitCode> {
    let mut campaign = Campaign::load(settings)?;
    let (now, salt) = (campaign.settings.now, campaign.settings.salt);
    let Some(sender) = campaign.settings.sender.clone() else {
        // Load already reported it; render anyway, to report every other problem too.
        campaign.render_all();
        report(&mut campaign.problems);
        tell!("nothing was written: fix the errors above first");
        return Ok(ExitCode::from(1));
    };
    // Every message is built in memory before any file is written, so one bad row never
    // leaves half a preview; each is kept only as its bytes.
    let messages = campaign.render_map(|client, Rendered { email, .. }| {
        let id = message_id(&sender, &client.key, now, salt);
        let message = build_message(&sender, &client.mailbox, &email, now, &id).map_err(|e| {
            Problem::error(client.email.clone(), format!("{e:#}")).client(&client.name)
        })?;
        Ok((
            file_stem(client.index, &client.name, &client.email),
            message.formatted(),
        ))
    });
    if report(&mut campaign.problems) {
        tell!("nothing was written: fix the errors above first");
        return Ok(ExitCode::from(1));
    }
    let messages: Vec<(String, Vec<u8>)> = messages.into_iter().flatten().collect();
    write_emls(out, &messages)?;
    say!(
        "wrote {} to `{}`",
        count(messages.len(), "email"),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `NNNN-….eml`, by bytes: a name may start with any character (`Café.eml`).
fn looks_like_ours(name: &str) -> bool {
    let b = name.as_bytes();
    name.ends_with(".eml") && b.len() > 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
}

/// Writes `NNNN-slug.eml` files. The `.eml` files an earlier run left in a folder cartero made
/// (it holds `.cartero-preview`) are removed first, so the folder holds exactly this run's
/// messages; in any other folder nothing is deleted, and stale files are only reported.
pub fn write_emls(out: &Path, messages: &[(String, Vec<u8>)]) -> Result<()> {
    let marker = out.join(".cartero-preview");
    let ours = !out.exists() || marker.exists();
    std::fs::create_dir_all(out)
        .with_context(|| format!("failed to create `{}`", out.display()))?;
    if ours {
        std::fs::write(
            &marker,
            "written by cartero: its .eml files are replaced on every run\n",
        )
        .with_context(|| format!("failed to write `{}`", marker.display()))?;
    }
    let fresh: std::collections::HashSet<String> = messages
        .iter()
        .map(|(stem, _)| format!("{stem}.eml"))
        .collect();
    let old =
        std::fs::read_dir(out).with_context(|| format!("failed to read `{}`", out.display()))?;
    let mut stale = 0;
    for entry in old.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let like_ours = looks_like_ours(&name);
        if like_ours && !fresh.contains(&name) {
            if ours {
                let _ = std::fs::remove_file(entry.path());
            } else {
                stale += 1;
            }
        }
    }
    if stale > 0 {
        tell!(
            "note: `{}` holds {stale} other .eml file(s) that cartero did not write there; they were left as they were",
            out.display()
        );
    }
    // One thread: on the disks measured here, creating files from several threads was slower.
    for (stem, bytes) in messages {
        let path = out.join(format!("{stem}.eml"));
        std::fs::write(&path, bytes)
            .with_context(|| format!("failed to write `{}`", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_names_with_accents_do_not_panic() {
        assert!(looks_like_ours("0001-ana.eml"));
        for name in [
            "Café.eml",
            "é.eml",
            "ééé.eml",
            "0001é.eml",
            "000é-.eml",
            ".eml",
            "1.eml",
        ] {
            assert!(!looks_like_ours(name), "{name}");
        }
    }
}

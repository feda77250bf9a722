//! `cartero draft`: one editable draft per client, never overwriting one the user edited.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::domain::campaign::Campaign;
use crate::domain::clients::Client;
use crate::domain::message::draft_text;
use crate::settings::Settings;
use crate::state::drafts::{conflict_path, read_draft, state_of, write_atomic, State};
use crate::state::journal::{self, Event, Journal, Kind};
use crate::state::survey::Survey;

/// What `draft` did for one client.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Written,
    Refreshed,
    Unchanged,
    KeptEdited,
    Conflict(PathBuf),
    Recreated,
    Untouchable(State),
}

/// `cartero draft`: a draft per client, never overwriting one the user edited.
pub fn run(settings: Settings) -> Result<std::process::ExitCode> {
    use std::process::ExitCode;
    let mut campaign = Campaign::load(settings)?;
    let rendered = campaign.render_all();
    if crate::report::problems(&mut campaign.problems) {
        tell!("no draft was written: fix the errors above first");
        return Ok(ExitCode::from(1));
    }
    let dir = campaign.settings.drafts.clone();
    let _lock = crate::state::lock::Lock::take(&dir, "draft")?;
    let mut journal = Journal::open(&campaign.settings.journal_path())?;
    for w in &journal.warnings {
        tell!("warning: {w}");
    }
    let records = journal::fold(&journal.events);
    let taken: HashSet<String> = records.values().filter_map(|r| r.draft.clone()).collect();
    let now = campaign.settings.now;
    let mut outcomes: Vec<(usize, Outcome)> = Vec::new();
    for (i, (client, r)) in campaign.clients.iter().zip(&rendered).enumerate() {
        let Some(r) = r else { continue };
        let text = draft_text(&client.mailbox, &r.email);
        let hash = journal::hash(&text);
        let record = records.get(&client.key);
        let drafted = |name: &str| {
            let mut e = Event::new(now, &client.key, Kind::Drafted).hash(&hash);
            e.draft = Some(name.to_string());
            e
        };
        let outcome = match record.and_then(|r| r.draft.clone().map(|d| (r, d))) {
            None => {
                let (name, holds_it) = free_name(&dir, &taken, client, &hash)?;
                if !holds_it {
                    write_atomic(&dir.join(&name), &text)?;
                }
                let first = format!(
                    "{}.txt",
                    crate::text::file_stem(client.index, &client.name, &client.email)
                );
                if name != first && !taken.contains(&first) {
                    tell!(
                        "note: `{}` was already there and the journal does not know it (was `journal.jsonl` moved or deleted?); it is kept as it is, and the draft cartero will use for {} is `{name}`: copy anything you wrote into it",
                        dir.join(&first).display(),
                        client.email
                    );
                }
                journal.append_lazy(drafted(&name))?;
                Outcome::Written
            }
            Some((record, name)) => {
                let path = dir.join(&name);
                let current = read_draft(&path)
                    .with_context(|| {
                        format!(
                            "failed to read the draft of `{}` ({})",
                            client.name, client.email
                        )
                    })?
                    .map(|f| f.hash);
                match state_of(Some(record), current.as_deref(), false) {
                    s @ (State::Sent | State::Uncertain | State::Sending) => {
                        Outcome::Untouchable(s)
                    }
                    _ if current.is_none() => {
                        write_atomic(&path, &text)?;
                        journal.append_lazy(drafted(&name))?;
                        Outcome::Recreated
                    }
                    _ if current == record.written => {
                        if record.written.as_deref() == Some(hash.as_str()) {
                            Outcome::Unchanged
                        } else {
                            write_atomic(&path, &text)?;
                            journal.append_lazy(drafted(&name))?;
                            Outcome::Refreshed
                        }
                    }
                    // The file already holds this very render (cartero wrote it, then stopped
                    // before journaling it): adopt it rather than call it the user's edit.
                    _ if current.as_deref() == Some(hash.as_str()) => {
                        journal.append_lazy(drafted(&name))?;
                        Outcome::Refreshed
                    }
                    _ if record.render.as_deref() == Some(hash.as_str()) => Outcome::KeptEdited,
                    _ => {
                        let new = conflict_path(&path, record.render.as_deref())?;
                        write_atomic(&new, &text)?;
                        let mut e = Event::new(now, &client.key, Kind::Conflict).hash(&hash);
                        e.draft = new.file_name().map(|n| n.to_string_lossy().into_owned());
                        journal.append_lazy(e)?;
                        Outcome::Conflict(new)
                    }
                }
            }
        };
        outcomes.push((i, outcome));
    }
    journal.sync()?;

    let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|(_, o)| f(o)).count();
    let written = count(|o| matches!(o, Outcome::Written | Outcome::Recreated));
    let refreshed = count(|o| matches!(o, Outcome::Refreshed));
    let kept = count(|o| matches!(o, Outcome::KeptEdited | Outcome::Conflict(_)));
    let unchanged = count(|o| matches!(o, Outcome::Unchanged | Outcome::Untouchable(_)));
    for (i, o) in &outcomes {
        if let Outcome::Conflict(new) = o {
            let c = &campaign.clients[*i];
            tell!(
                "conflict: `{}` ({}) changed in the client list after you edited the draft; your draft is kept, the new version is in `{}`",
                c.name,
                c.email,
                new.display()
            );
        }
    }
    let on_list: HashSet<&str> = campaign.clients.iter().map(|c| c.key.as_str()).collect();
    for (key, record) in &records {
        if !on_list.contains(key.as_str()) {
            tell!(
                "note: `{key}` is no longer in the client list; its draft `{}` is kept and will not be sent",
                record.draft.as_deref().unwrap_or("-")
            );
        }
    }
    say!(
        "{} in `{}`: {written} new, {refreshed} refreshed, {kept} edited by you and kept, {unchanged} unchanged",
        crate::text::count(outcomes.len(), "draft"),
        dir.display()
    );
    drop(journal);
    // The list is loaded already: only the drafts are read again, as they are now on disk.
    let survey = Survey::of(campaign)?;
    crate::report::share_summary(&survey);
    say!("next: read them with `cartero review` (or open them in any editor first)");
    Ok(ExitCode::SUCCESS)
}

/// `NNNN-slug.txt`, unless another client's draft already has that name; true when the file is
/// there already holding exactly this render.
fn free_name(
    dir: &Path,
    taken: &HashSet<String>,
    client: &Client,
    hash: &str,
) -> Result<(String, bool)> {
    let stem = crate::text::file_stem(client.index, &client.name, &client.email);
    for n in 1.. {
        let name = if n == 1 {
            format!("{stem}.txt")
        } else {
            format!("{stem}-{n}.txt")
        };
        let path = dir.join(&name);
        if taken.contains(&name) {
            continue;
        }
        // A file no journal line claims is ours only if it holds exactly this render
        // (a crash between writing it and journaling it); anything else is somebody's.
        match read_draft(&path)? {
            None => return Ok((name, false)),
            Some(f) if f.hash == hash => return Ok((name, true)),
            Some(_) => continue,
        }
    }
    unreachable!()
}

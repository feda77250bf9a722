//! `cartero draft`: one editable draft per client, never overwriting one the user edited.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};

use crate::domain::campaign::Campaign;
use crate::domain::clients::Client;
use crate::domain::message::draft_text;
use crate::settings::Settings;
use crate::state::drafts::{
    conflict_path, read_draft, state_of, write_atomic, Numbers, Outcome, State,
};
use crate::state::journal::{self, Event, Journal, Record, What};
use crate::state::lock::Lock;
use crate::state::survey::Survey;
use crate::text::file_stem;

/// `cartero draft`: a draft per client, never overwriting one the user edited.
pub fn run(settings: Settings) -> Result<ExitCode> {
    let mut campaign = Campaign::load(&settings)?;
    crate::state::archive::recall(&mut campaign);
    let rendered = campaign.render_all();
    let repeats = campaign.repeat_problems(&rendered);
    campaign.problems.extend(repeats);
    if crate::report::problems(&mut campaign.problems) {
        tell!("{}", tr!("cmd-draft-nothing-written"));
        return Ok(ExitCode::from(1));
    }
    let dir = campaign.settings.drafts.clone();
    let _lock = Lock::take(&dir, "draft")?;
    let journal = Journal::open(&campaign.settings.journal_path())?;
    for w in &journal.warnings {
        tell!("{}", tr!("cmd-warning", what = w.to_string()));
    }
    let records = journal::fold(&journal.events);
    let taken: HashSet<String> = records.values().filter_map(|r| r.draft.clone()).collect();
    let mut drafter = Drafter {
        numbers: Numbers::read(&dir, taken.iter().map(String::as_str))?,
        taken,
        records,
        journal,
        dir,
        now: campaign.settings.clock.started(),
    };
    let mut outcomes: Vec<(usize, Outcome)> = Vec::new();
    for (i, (client, r)) in campaign.clients.iter().zip(&rendered).enumerate() {
        if let Some(r) = r {
            let text = draft_text(&client.mailbox, &r.email);
            outcomes.push((i, drafter.draft(client, &text)?));
        }
    }
    drafter.journal.sync()?;
    crate::report::draft_outcomes(&outcomes, &campaign.clients, &drafter.records, &drafter.dir);
    drop(drafter);
    // The list is loaded already: only the drafts are read again, as they are now on disk.
    let survey = Survey::of(campaign)?;
    crate::report::share_summary(&survey);
    say!("{}", tr!("cmd-draft-next"));
    Ok(ExitCode::SUCCESS)
}

/// The drafts folder as `draft` finds it, and the journal its writes go to.
struct Drafter {
    dir: PathBuf,
    journal: Journal,
    records: HashMap<String, Record>,
    /// Draft file names the journal already gives to clients.
    taken: HashSet<String>,
    /// The numbers drafts have, so a new client gets one no draft has.
    numbers: Numbers,
    now: DateTime<FixedOffset>,
}

impl Drafter {
    /// One client's draft: written, refreshed, or left as the user made it.
    fn draft(&mut self, client: &Client, text: &str) -> Result<Outcome> {
        let hash = journal::hash(text);
        let known = self
            .records
            .get(&client.key)
            .and_then(|r| r.draft.clone().map(|d| (r.clone(), d)));
        match known {
            None => self.first_draft(client, text, &hash),
            Some((record, name)) => self.redraft(client, &record, &name, text, &hash),
        }
    }

    fn drafted(&mut self, client: &Client, name: &str, hash: &str) -> Result<()> {
        let what = What::Drafted {
            hash: hash.to_string(),
            draft: Some(name.to_string()),
        };
        self.journal
            .append_lazy(Event::new(self.now, &client.key, what))
    }

    /// A client the journal has no draft for.
    fn first_draft(&mut self, client: &Client, text: &str, hash: &str) -> Result<Outcome> {
        let place = file_stem(client.index, &client.name, &client.email);
        let number = self.numbers.give(client.index, &place);
        let stem = file_stem(number, &client.name, &client.email);
        let (name, holds_it) = free_name(&self.dir, &self.taken, &stem, hash)?;
        if !holds_it {
            write_atomic(&self.dir.join(&name), text)?;
        }
        self.taken.insert(name.clone());
        let first = format!("{stem}.txt");
        if name != first && !self.taken.contains(&first) {
            tell!(
                "{}",
                tr!(
                    "cmd-draft-unknown-file-kept",
                    file = self.dir.join(&first).display(),
                    email = &client.email,
                    draft = &name
                )
            );
        }
        self.drafted(client, &name, hash)?;
        Ok(Outcome::Written)
    }

    /// A client with a draft: refreshed when untouched, never overwritten when edited.
    fn redraft(
        &mut self,
        client: &Client,
        record: &Record,
        name: &str,
        text: &str,
        hash: &str,
    ) -> Result<Outcome> {
        let path = self.dir.join(name);
        let current = read_draft(&path)
            .with_context(|| {
                tr!(
                    "cmd-draft-unreadable",
                    name = &client.name,
                    email = &client.email
                )
            })?
            .map(|f| f.hash);
        // Only whether it went matters here, which no file's hash changes.
        let both = current.as_deref().map(|h| (h, h));
        Ok(match state_of(Some(record), both, false) {
            s @ (State::Sent | State::Bounced | State::Uncertain | State::Sending) => {
                Outcome::Untouchable(s)
            }
            _ if current.is_none() => {
                write_atomic(&path, text)?;
                self.drafted(client, name, hash)?;
                Outcome::Recreated
            }
            _ if current == record.written && record.written.as_deref() == Some(hash) => {
                Outcome::Unchanged
            }
            _ if current == record.written => {
                let before = state_of(Some(record), both, false);
                write_atomic(&path, text)?;
                self.drafted(client, name, hash)?;
                refreshed(before, record)
            }
            // The file already holds this very render (cartero wrote it, then stopped before
            // journaling it): adopt it rather than call it the user's edit.
            _ if current.as_deref() == Some(hash) => {
                self.drafted(client, name, hash)?;
                Outcome::Refreshed
            }
            _ if record.render.as_deref() == Some(hash) => Outcome::KeptEdited,
            _ => {
                let new = conflict_path(&path, record.render.as_deref())?;
                write_atomic(&new, text)?;
                let what = What::Conflict {
                    hash: hash.to_string(),
                    draft: new.file_name().map(|n| n.to_string_lossy().into_owned()),
                };
                self.journal
                    .append_lazy(Event::new(self.now, &client.key, what))?;
                Outcome::Conflict(new)
            }
        })
    }
}

/// `NNNN-slug.txt`, unless another client's draft already has that name; true when the file is
/// there already holding exactly this render.
fn free_name(
    dir: &Path,
    taken: &HashSet<String>,
    stem: &str,
    hash: &str,
) -> Result<(String, bool)> {
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

/// An untouched draft written again: a decision taken on it before no longer holds, and is said.
fn refreshed(before: State, record: &Record) -> Outcome {
    match (before, record.decision.as_ref()) {
        (State::Approved | State::Skipped | State::Rejected, Some(decision)) => {
            Outcome::Reopened(decision.verdict)
        }
        _ => Outcome::Refreshed,
    }
}

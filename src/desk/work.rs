//! What a page does, under the lock the desk holds: the same files, journal and archive the
//! commands write, through the same functions. A page always says which text it showed (its
//! hash): an edit or an answer about another text is a conflict, never a silent overwrite.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::SecondsFormat;

use crate::domain::letter;
use crate::domain::message::{parse, validate};
use crate::settings::Settings;
use crate::state::archive::{Archive, Letter, Memory};
use crate::state::drafts::{read_draft, write_atomic, DraftFile};
use crate::state::journal::{self, Event, Journal, Verdict};
use crate::state::survey::{Entry, Survey};

/// The campaign as the desk holds it.
pub struct Work {
    pub survey: Survey<'static>,
    journal: Journal,
    pub settings: &'static Settings,
    /// Each draft file's size and time of change when last read: an editor beside the desk is
    /// noticed by them without reading every draft again.
    stamps: Vec<Option<Stamp>>,
    /// The files each letter carries, with their stamps when last read: a file changed beside
    /// the desk takes back the approval of the letters carrying it.
    /// (Only the letters that carry files: most carry none.)
    files: HashMap<usize, Vec<(PathBuf, Option<Stamp>)>>,
    /// When every draft was last looked at: the list looks again at most once a second (a
    /// client's page and every change look at their own draft each time).
    looked: Option<std::time::Instant>,
}

type Stamp = (std::time::SystemTime, u64);

fn stamp_of(path: Option<&std::path::Path>) -> Option<Stamp> {
    let meta = std::fs::metadata(path?).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The files an entry's letter carries, stamped now (none when its approval binds to its text
/// alone).
fn files_of(e: &Entry, base: &Path) -> Vec<(PathBuf, Option<Stamp>)> {
    if e.bound() == e.hash.as_deref() {
        return Vec::new();
    }
    let Some(draft) = e.text.as_deref().and_then(|t| parse(t).ok()) else {
        return Vec::new();
    };
    letter::named(&draft.email)
        .into_iter()
        .map(|(name, _)| {
            let path = base.join(name);
            let stamp = stamp_of(Some(&path));
            (path, stamp)
        })
        .collect()
}

/// What a page asks for a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Save,
    Approve,
    Skip,
    Reject,
}

/// What came of it.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Saved (when the text changed) and, for a decision, journaled.
    Done,
    /// The file on disk is no longer the text the page showed, and the page sends another:
    /// both are kept for the person to choose; nothing was written.
    Conflict {
        yours: String,
        theirs: String,
        theirs_hash: String,
    },
    /// Saved, but not approved: why the text cannot be sent.
    Unsendable(String),
    /// The draft file is gone (or the client has none): nothing to decide.
    Gone,
    /// The letter went (or may have: sending, uncertain): its draft is what was sent, and
    /// stays so.
    Closed,
}

/// Whether the letter of an entry in `state` went or may have: its draft is kept as sent.
pub fn closed(state: crate::state::drafts::State) -> bool {
    use crate::state::drafts::State;
    matches!(
        state,
        State::Sent | State::Bounced | State::Sending | State::Uncertain
    )
}

impl Work {
    pub fn open(settings: &'static Settings) -> Result<Work> {
        // The journal is read once: for the survey, and open to write the desk's decisions.
        let (survey, journal) = Survey::take_and_open(settings)?;
        let stamps = crate::par::parallel_map(&survey.entries, |e| stamp_of(e.path.as_deref()));
        let files = survey
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (i, files_of(e, &settings.base)))
            .filter(|(_, f)| !f.is_empty())
            .collect();
        Ok(Work {
            survey,
            journal,
            settings,
            stamps,
            files,
            // Every draft was just read.
            looked: Some(std::time::Instant::now()),
        })
    }

    /// Every draft changed on disk since it was last read, read again.
    pub fn look_all(&mut self) -> Result<()> {
        if self
            .looked
            .is_some_and(|t| t.elapsed() < std::time::Duration::from_secs(1))
        {
            return Ok(());
        }
        self.looked = Some(std::time::Instant::now());
        for i in 0..self.survey.entries.len() {
            let now = stamp_of(self.survey.entries[i].path.as_deref());
            let files_changed = self
                .files
                .get(&i)
                .is_some_and(|f| f.iter().any(|(p, s)| stamp_of(Some(p)) != *s));
            if now != self.stamps[i] || files_changed {
                self.look(i)?;
            }
        }
        Ok(())
    }

    /// The draft of client `i` as it is on disk now (an editor beside the desk may have changed
    /// it since the survey).
    pub fn look(&mut self, i: usize) -> Result<()> {
        let e = &self.survey.entries[i];
        let Some(path) = &e.path else {
            return Ok(());
        };
        self.stamps[i] = stamp_of(Some(path));
        let base = &self.settings.base;
        let now = read_draft(path)?.map(|f| f.bind(base));
        let now = now.as_ref().map(|f| (f.hash.as_str(), f.bound()));
        if now != e.hash.as_deref().zip(e.bound()) {
            self.survey.refresh(i)?;
        }
        self.stamp_files(i);
        Ok(())
    }

    /// `act` on the draft of client `i`, whose page showed the text hashed `base` and sends
    /// `text`.
    /// `bound`: what an approval of the draft on disk bound to when the page showed it (its
    /// files as the page listed them).
    pub fn act(
        &mut self,
        i: usize,
        act: Act,
        text: &str,
        (base, bound): (&str, Option<&str>),
    ) -> Result<Outcome> {
        self.look(i)?;
        let e = &self.survey.entries[i];
        if closed(e.state) {
            return Ok(Outcome::Closed);
        }
        let Some(path) = e.path.clone() else {
            return Ok(Outcome::Gone);
        };
        let key = e.client.key.clone();
        let Some(on_disk) = read_draft(&path)? else {
            return Ok(Outcome::Gone);
        };
        if on_disk.hash != base && on_disk.text != text {
            return Ok(Outcome::Conflict {
                yours: text.to_string(),
                theirs: on_disk.text,
                theirs_hash: on_disk.hash,
            });
        }
        // The files the page listed must be the ones there now.
        let as_shown = on_disk.clone().bind(&self.settings.base);
        let files_changed = bound.is_some_and(|b| b != as_shown.bound());
        if on_disk.text != text {
            write_atomic(&path, text)?;
        }
        self.stamps[i] = stamp_of(Some(&path));
        // What an approval binds to: this text, and the files its letter names as they are now.
        let letter = DraftFile::from_bytes(text.as_bytes().to_vec()).bind(&self.settings.base);
        let verdict = match act {
            Act::Save => {
                self.survey.refresh(i)?;
                self.stamp_files(i);
                return Ok(Outcome::Done);
            }
            Act::Approve => match validate(text, &key)
                .err()
                .or_else(|| letter.unreadable.as_ref().map(|p| p.why.clone()))
                .or_else(|| files_changed.then(|| tr!("desk-file-changed")))
            {
                None => Verdict::Approved,
                Some(why) => {
                    self.survey.refresh(i)?;
                    return Ok(Outcome::Unsendable(why));
                }
            },
            Act::Skip => Verdict::Skipped,
            Act::Reject => Verdict::Rejected,
        };
        self.decide(i, &key, verdict, (&letter.hash, letter.bound()))
    }

    /// A decision on client `i`'s letter, journaled, and the entry as it now stands.
    fn decide(
        &mut self,
        i: usize,
        key: &str,
        verdict: Verdict,
        letter: (&str, &str),
    ) -> Result<Outcome> {
        let event = Event::decision(self.settings.clock(), key, verdict, letter);
        self.journal.append(event.clone())?;
        self.survey.events.push(event);
        self.refold(i);
        self.survey.refresh(i)?;
        self.stamp_files(i);
        Ok(Outcome::Done)
    }

    /// The files client `i`'s letter carries, stamped as they are now.
    fn stamp_files(&mut self, i: usize) {
        let files = files_of(&self.survey.entries[i], &self.settings.base);
        match files.is_empty() {
            true => self.files.remove(&i),
            false => self.files.insert(i, files),
        };
    }

    /// Client `i`'s record again from the journal's events, with the ones this desk added.
    fn refold(&mut self, i: usize) {
        let key = &self.survey.entries[i].client.key;
        let theirs: Vec<Event> = self
            .survey
            .events
            .iter()
            .filter(|e| &e.client == key)
            .cloned()
            .collect();
        let mut records: HashMap<_, _> = journal::fold(&theirs);
        self.survey.entries[i].record = records.remove(key);
    }

    /// A dated memory of client `i`, in the archive, as `cartero remember` keeps it.
    pub fn remember(&mut self, i: usize, text: &str) -> Result<bool> {
        let text = crate::text::clean_text(text);
        if text.is_empty() {
            return Ok(false);
        }
        let key = self.survey.entries[i].client.key.clone();
        let at = self
            .settings
            .clock()
            .to_rfc3339_opts(SecondsFormat::Millis, false);
        Archive::open(self.settings.archive_path()?)?.remember(&key, &at, &text)?;
        Ok(true)
    }

    /// Client `i`'s past in the archive: every letter (newest first) and every memory (oldest
    /// first). No archive yet is no past.
    pub fn past(&self, i: usize) -> Result<(Vec<Letter>, Vec<Memory>)> {
        let Some(path) = self.settings.archive.as_deref().filter(|p| p.exists()) else {
            return Ok((Vec::new(), Vec::new()));
        };
        let key = &self.survey.entries[i].client.key;
        let archive = Archive::open(path)?;
        Ok((archive.history(key)?, archive.memories(key, None)?))
    }
}

//! The copy of each letter in the sender's Sent folder, exactly once: `sent` is journaled before
//! the copy; the server's own copy is looked for before cartero puts one there (`save-sent =
//! "auto"`); a failed copy is journaled and tried again by the next `send`, looking first, and
//! never sends the letter again. A letter left `uncertain` is looked up in Sent: there means sent.

use std::time::{Duration, Instant};

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use super::{Failure, Filing, Headers, Mailbox};
use crate::clock::Clock;
use crate::domain::letter;
use crate::domain::message::{build_message, validate};
use crate::settings::{Imap, SaveSent, Settings};
use crate::state::journal::{self, Delivery, Event, FiledBy, Filer, Handed, Journal, Proof, What};
use crate::state::survey::Survey;
use crate::state::went;

/// What a batch's APPEND came to, on its thread: the session back, the copies, and for each
/// why it was not stored (`None`: stored for sure).
type Appended = (Mailbox, Vec<Copy>, Vec<Option<(Failure, String)>>);

/// How many copies go in one APPEND (Dovecot stores a batch of 200 in about 75 ms).
const BATCH: usize = 200;

/// How long a copy waits for its batch to fill: in a long run, the copies go as the run goes,
/// and Sent shows what went within seconds, not at the end.
const BATCH_WAIT: Duration = Duration::from_secs(2);

/// One letter to find in Sent, or to put there.
#[derive(Clone)]
pub struct Copy {
    pub key: String,
    pub id: String,
    pub to: String,
    pub subject: String,
    pub date: DateTime<FixedOffset>,
    pub hash: Option<String>,
    pub bytes: Option<Vec<u8>>,
}

/// The run's IMAP session and what it has found out.
pub struct Copies {
    /// `None` while a batch is being appended on a thread of its own.
    mailbox: Option<Mailbox>,
    in_flight: Option<std::thread::JoinHandle<Appended>>,
    mode: SaveSent,
    pub filing: Filing,
    /// Letters sent this run whose copy the server is expected to file.
    waiting: Vec<Copy>,
    /// Copies to make with the next batch.
    queued: Vec<Copy>,
    /// When the oldest queued copy was queued.
    queued_since: Option<Instant>,
    /// Why copies can't be made any more in this run (the connection was lost).
    broken: Option<String>,
    grace: Duration,
    started: DateTime<FixedOffset>,
    clock: Clock,
}

impl Copies {
    /// Logs in and finds the Sent folder; `events` tell what this campaign found out already.
    pub fn open(
        imap: &Imap,
        secret: &str,
        events: &[Event],
        settings: &Settings,
    ) -> Result<Copies> {
        let mut mailbox = Mailbox::connect(imap, secret)?;
        let folder = mailbox.sent_folder(imap.sent_folder.as_deref())?;
        Ok(Copies {
            mailbox: Some(mailbox),
            in_flight: None,
            mode: imap.save_sent,
            filing: Filing {
                folder,
                server_files: journal::server_files(events),
                ..Filing::default()
            },
            waiting: Vec::new(),
            queued: Vec::new(),
            queued_since: None,
            broken: None,
            grace: grace(),
            started: settings.clock(),
            clock: settings.clock,
        })
    }

    /// Before the run: uncertain letters looked up in Sent (found = sent), and the copies
    /// earlier runs did not make (crash, failure), looked for and then made.
    /// With `copies` false, only the uncertain letters are looked up (`status`).
    pub fn catch_up(
        &mut self,
        survey: &Survey,
        journal: &mut Journal,
        copies: bool,
    ) -> Result<bool> {
        let (uncertain, mut unfiled) = owed(survey, self.mode);
        if !copies {
            unfiled.clear();
        }
        if uncertain.is_empty() && unfiled.is_empty() {
            return Ok(false);
        }
        let since = uncertain
            .iter()
            .chain(&unfiled)
            .map(|c| c.date)
            .min()
            .unwrap_or(self.started);
        let seen = self.look(since)?;
        let there = self.in_sent(&uncertain, &seen)?;
        self.resolve(journal, &uncertain, there)?;
        self.make_missing(journal, survey, unfiled, &seen)?;
        self.flush(journal)?;
        self.settle(journal)?;
        Ok(!self.filing.resolved.is_empty())
    }

    /// Which uncertain letters are in Sent: in what was `seen`, or filed by the server soon.
    fn in_sent(&mut self, uncertain: &[Copy], seen: &[Headers]) -> Result<Vec<bool>> {
        let mut there: Vec<bool> = uncertain
            .iter()
            .map(|c| seen.iter().any(|h| matches(h, c)))
            .collect();
        if self.filing.server_files == Some(true) && there.contains(&false) {
            // Right after a crash the server may still be filing its copy: give it the time
            // the first letter of the campaign was given.
            let missing: Vec<usize> = (0..uncertain.len()).filter(|&i| !there[i]).collect();
            let late: Vec<Copy> = missing.iter().map(|&i| uncertain[i].clone()).collect();
            for k in self.wait_for(&late)? {
                there[missing[k]] = true;
            }
        }
        Ok(there)
    }

    /// Uncertain letters found in Sent were sent after all; the others stay uncertain.
    fn resolve(
        &mut self,
        journal: &mut Journal,
        uncertain: &[Copy],
        there: Vec<bool>,
    ) -> Result<()> {
        for (c, there) in uncertain.iter().zip(there) {
            if there {
                // Sent when it went, not when it was found.
                let sent = What::Sent {
                    hash: c.hash.clone(),
                    message_id: c.id.clone(),
                    reply: None,
                    proof: Proof::FoundInSent,
                };
                journal.append(Event::new(c.date, &c.key, sent))?;
                self.filed(journal, c, FiledBy::Found)?;
                self.filing.resolved.push(c.key.clone());
            } else {
                self.filing.unresolved.push(c.key.clone());
            }
        }
        Ok(())
    }

    /// The copies earlier runs did not make: found in what was `seen`, else rebuilt and queued.
    fn make_missing(
        &mut self,
        journal: &mut Journal,
        survey: &Survey,
        unfiled: Vec<Copy>,
        seen: &[Headers],
    ) -> Result<()> {
        let settings = &survey.campaign.settings;
        for mut c in unfiled {
            if seen.iter().any(|h| matches(h, &c)) {
                self.filed(journal, &c, FiledBy::Found)?;
                self.filing.already += 1;
                continue;
            }
            c.bytes = rebuild(settings, survey, &c);
            self.queue(journal, c)?;
        }
        Ok(())
    }

    /// Whether the next letter's copy waits to see if the server files it itself (once per
    /// campaign, up to a few seconds).
    pub fn will_look(&self) -> bool {
        self.mode == SaveSent::Auto && self.filing.server_files.is_none() && self.broken.is_none()
    }

    /// Right after a letter was journaled `sent`.
    pub fn after_sent(&mut self, journal: &mut Journal, c: Copy) -> Result<()> {
        match (self.mode, self.filing.server_files) {
            (SaveSent::Never, _) => Ok(()),
            (SaveSent::Always, _) | (SaveSent::Auto, Some(false)) => self.queue(journal, c),
            (SaveSent::Auto, Some(true)) => {
                self.waiting.push(c);
                Ok(())
            }
            (SaveSent::Auto, None) => {
                // The first letter of the campaign: does the server file it itself?
                let found = self.wait_for(std::slice::from_ref(&c))?;
                if self.broken.is_some() {
                    // The look itself failed: nothing is known of the server, and nothing is
                    // kept for the campaign; the copy waits for the next run, which looks again.
                    return self.queue(journal, c);
                }
                let server = !found.is_empty();
                let what = What::Mailbox {
                    filer: if server {
                        Filer::Server
                    } else {
                        Filer::Cartero
                    },
                    folder: Some(self.filing.folder.clone()),
                };
                journal.append(Event::new(c.date, "", what))?;
                self.filing.server_files = Some(server);
                if server {
                    self.filing.found += 1;
                    self.filed(journal, &c, FiledBy::Found)
                } else {
                    self.queue(journal, c)
                }
            }
        }
    }

    /// After the run: the letters the server should have filed, looked for; what it missed,
    /// put there.
    pub fn finish(&mut self, journal: &mut Journal) -> Result<()> {
        self.settle(journal)?;
        let waiting = std::mem::take(&mut self.waiting);
        if !waiting.is_empty() {
            let found = self.wait_for(&waiting)?;
            for (i, c) in waiting.into_iter().enumerate() {
                if found.contains(&i) {
                    self.filing.found += 1;
                    self.filed(journal, &c, FiledBy::Found)?;
                } else {
                    self.queue(journal, c)?;
                }
            }
        }
        self.flush(journal)?;
        self.settle(journal)
    }

    pub fn logout(self) -> Filing {
        if let Some(m) = self.mailbox {
            m.logout();
        }
        self.filing
    }

    /// Looks in Sent until each of `copies` is there or the grace is over; the indexes found.
    fn wait_for(&mut self, copies: &[Copy]) -> Result<Vec<usize>> {
        let deadline = Instant::now() + self.grace;
        let since = copies.iter().map(|c| c.date).min().unwrap_or(self.started);
        loop {
            let seen = match self.look(since) {
                Ok(seen) => seen,
                Err(e) => {
                    self.broken = Some(format!("{e:#}"));
                    return Ok(Vec::new());
                }
            };
            let found: Vec<usize> = (0..copies.len())
                .filter(|&i| seen.iter().any(|h| matches(h, &copies[i])))
                .collect();
            if found.len() == copies.len() || Instant::now() >= deadline {
                return Ok(found);
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// The headers in Sent since the day before `since` (servers date by their own clock).
    fn look(&mut self, since: DateTime<FixedOffset>) -> Result<Vec<Headers>> {
        if let Some(why) = &self.broken {
            anyhow::bail!("{why}");
        }
        let day = since.date_naive().pred_opt().unwrap_or(since.date_naive());
        let folder = self.filing.folder.clone();
        match self.mailbox.as_mut() {
            Some(m) => m.headers_since(&folder, day),
            None => anyhow::bail!(tr!("imap-busy-with-copies")),
        }
    }

    /// A copy to make: made with the next batch (`BATCH` at a time, and at the end of the
    /// run). A crash before then leaves it to the next `send`, which looks first.
    fn queue(&mut self, journal: &mut Journal, c: Copy) -> Result<()> {
        self.queued.push(c);
        let since = *self.queued_since.get_or_insert_with(Instant::now);
        // A batch on its way is not waited for: the next letter would wait with it.
        let idle = self.in_flight.as_ref().is_none_or(|h| h.is_finished());
        if self.queued.len() >= BATCH || (idle && since.elapsed() >= BATCH_WAIT) {
            self.flush(journal)?;
        }
        Ok(())
    }

    /// Puts the queued copies in Sent and journals how it went for each.
    fn flush(&mut self, journal: &mut Journal) -> Result<()> {
        let queued = std::mem::take(&mut self.queued);
        self.queued_since = None;
        let (ready, lost): (Vec<Copy>, Vec<Copy>) =
            queued.into_iter().partition(|c| c.bytes.is_some());
        for c in &lost {
            self.copy_failed(journal, c, &tr!("imap-copy-draft-changed"))?;
        }
        if ready.is_empty() {
            return Ok(());
        }
        self.settle(journal)?;
        if let Some(why) = self.broken.clone() {
            for c in &ready {
                self.copy_failed(journal, c, &why)?;
            }
            return Ok(());
        }
        let ready = self.not_there(journal, ready)?;
        if ready.is_empty() {
            return Ok(());
        }
        let Some(mut mailbox) = self.mailbox.take() else {
            for c in &ready {
                self.copy_failed(journal, c, &tr!("imap-copy-session-gone"))?;
            }
            return Ok(());
        };
        let folder = self.filing.folder.clone();
        // The copies go on a thread of their own while the next letters go by SMTP: the server
        // stores them at its own pace (Dovecot syncs each to disk).
        self.in_flight = Some(std::thread::spawn(move || {
            let batch: Vec<&[u8]> = ready.iter().filter_map(|c| c.bytes.as_deref()).collect();
            let outcomes = append(&mut mailbox, &folder, &batch);
            (mailbox, ready, outcomes)
        }));
        Ok(())
    }

    /// `auto`, once the campaign's first letter was not found filed by the server: the copies
    /// it filed itself after all, journaled as found; the others. A server that missed (or was
    /// slower than the grace with) the first letter may still file later ones: looking before
    /// each batch keeps every letter in Sent once.
    fn not_there(&mut self, journal: &mut Journal, ready: Vec<Copy>) -> Result<Vec<Copy>> {
        if self.mode != SaveSent::Auto || self.filing.server_files != Some(false) {
            return Ok(ready);
        }
        let since = ready.iter().map(|c| c.date).min().unwrap_or(self.started);
        let Ok(seen) = self.look(since) else {
            // The APPEND that follows meets the same trouble and says so for each copy.
            return Ok(ready);
        };
        let mut left = Vec::new();
        for c in ready {
            if seen.iter().any(|h| matches(h, &c)) {
                self.filing.found += 1;
                self.filed(journal, &c, FiledBy::Found)?;
            } else {
                left.push(c);
            }
        }
        Ok(left)
    }

    /// Waits for the batch on its way, and journals how it went for each copy.
    fn settle(&mut self, journal: &mut Journal) -> Result<()> {
        let Some(handle) = self.in_flight.take() else {
            return Ok(());
        };
        let Ok((mailbox, ready, outcomes)) = handle.join() else {
            self.broken = Some(tr!("imap-copies-failed-inside"));
            return Ok(());
        };
        self.mailbox = Some(mailbox);
        for (c, why) in ready.iter().zip(outcomes) {
            match why {
                None => {
                    self.filing.appended += 1;
                    self.filed(journal, c, FiledBy::Appended)?;
                }
                Some((failure, why)) => {
                    if failure == Failure::Lost {
                        self.broken = Some(why.clone());
                    }
                    if failure == Failure::Full {
                        let size = c.bytes.as_ref().map_or(0, |b| b.len() as u64);
                        self.filing.no_room.push(size);
                    }
                    self.copy_failed(journal, c, &why)?;
                }
            }
        }
        Ok(())
    }

    fn copy_failed(&mut self, journal: &mut Journal, c: &Copy, why: &str) -> Result<()> {
        let what = What::CopyFailed {
            message_id: Some(c.id.clone()),
            why: why.to_string(),
        };
        journal.append(Event::new(self.clock.now(), &c.key, what))?;
        self.filing.failed.push(format!("{}: {why}", c.key));
        Ok(())
    }

    fn filed(&mut self, journal: &mut Journal, c: &Copy, by: FiledBy) -> Result<()> {
        let what = What::Filed {
            message_id: Some(c.id.clone()),
            folder: self.filing.folder.clone(),
            by,
        };
        journal.append_lazy(Event::new(self.clock.now(), &c.key, what))
    }
}

/// Puts `batch` in `folder`; for each copy, why it was not stored (`None`: stored). A batch
/// refused for want of room (one APPEND of several is all or none, RFC 3502) goes again one by
/// one: what fits is kept, and each that does not is said.
fn append(mailbox: &mut Mailbox, folder: &str, batch: &[&[u8]]) -> Vec<Option<(Failure, String)>> {
    let (stored, e) = match mailbox.append_all(folder, batch) {
        Ok(()) => return vec![None; batch.len()],
        Err(failed) => failed,
    };
    let mut outcomes = vec![None; stored];
    let mut why = (super::failure_of(&e), format!("{e:#}"));
    for b in &batch[stored..] {
        if why.0 != Failure::Full {
            // Lost: nothing more goes through this session; refused: as the batch was.
            outcomes.push(Some(why.clone()));
            continue;
        }
        match mailbox.append(folder, b) {
            Ok(()) => outcomes.push(None),
            // Full again: the next, smaller copy may still fit.
            Err(e) => {
                why = (super::failure_of(&e), format!("{e:#}"));
                outcomes.push(Some(why.clone()));
            }
        }
    }
    outcomes
}

/// How long the server may take to file its own copy: `CARTERO_SENT_GRACE_MS`, or 5 seconds.
fn grace() -> Duration {
    std::env::var("CARTERO_SENT_GRACE_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(Duration::from_secs(5), Duration::from_millis)
}

/// The server's copy of a letter: the same Message-ID, or (Outlook rewrites Message-IDs) the
/// same recipient and subject.
fn matches(h: &Headers, c: &Copy) -> bool {
    if h.message_id.as_deref() == Some(super::bare_id(&c.id)) {
        return true;
    }
    // The same recipient and subject, dated as this very attempt was (an older letter with the
    // same subject is not this one).
    h.to.iter().any(|t| t.eq_ignore_ascii_case(&c.to))
        && h.subject == c.subject
        && h.date
            .is_some_and(|d| (d - c.date).num_seconds().abs() <= 2)
}

/// The uncertain letters and the sent letters with no copy in Sent yet.
fn owed(survey: &Survey, mode: SaveSent) -> (Vec<Copy>, Vec<Copy>) {
    let mut uncertain = Vec::new();
    let mut unfiled = Vec::new();
    for e in &survey.entries {
        let Some(r) = &e.record else { continue };
        let Some(Handed { hash, date }) = &r.letter else {
            continue;
        };
        let date = *date;
        let draft = e
            .text
            .as_deref()
            .and_then(|t| validate(t, &e.client.key).ok());
        let copy = |id: &str| Copy {
            key: e.client.key.clone(),
            id: id.to_string(),
            to: draft
                .as_ref()
                .map_or(e.client.key.clone(), |d| d.to.email.to_string()),
            subject: draft
                .as_ref()
                .map(|d| d.email.subject.clone())
                .unwrap_or_default(),
            date,
            hash: Some(hash.clone()),
            bytes: None,
        };
        match &r.delivery {
            // A `sending` with no outcome is a crash's uncertain letter (this run holds the
            // lock: no other send is on its way).
            Some(Delivery::Uncertain { message_id, .. } | Delivery::Pending { message_id }) => {
                uncertain.push(copy(message_id))
            }
            Some(Delivery::Sent { message_id, .. }) if mode != SaveSent::Never && !r.filed() => {
                unfiled.push(copy(message_id))
            }
            _ => {}
        }
    }
    (uncertain, unfiled)
}

/// The exact bytes a letter went with, built again from its draft, its `Date:` and its
/// Message-ID, while the draft is still what was sent (or from the words kept as it went,
/// `state::went`, when the draft changed since).
fn rebuild(settings: &Settings, survey: &Survey, c: &Copy) -> Option<Vec<u8>> {
    let entry = survey.entries.iter().find(|e| e.client.key == c.key)?;
    let text = match entry.bound() == c.hash.as_deref() {
        true => entry.text.clone()?,
        false => {
            let path = entry.path.as_ref()?;
            let file = path.file_name()?.to_string_lossy();
            let hash = c.hash.as_deref()?;
            went::verified(&settings.drafts, &settings.base, &file, &c.id, hash).ok()??
        }
    };
    let draft = validate(&text, &c.key).ok()?;
    let sender = settings.sender().ok()?;
    // The files as they were sent: the hash above holds their bytes too.
    let files = letter::load(&draft.email, &settings.base).ok()?;
    build_message(sender, &draft.to, &draft.email, &files, c.date, &c.id)
        .ok()
        .map(|m| m.formatted())
}

/// Whether the mailbox is owed work before anything is planned: an uncertain letter to look up,
/// or (with `copies`) a copy an earlier run did not make.
pub fn owed_work(survey: &Survey, imap: &Imap, copies: bool) -> bool {
    survey
        .entries
        .iter()
        .filter_map(|e| e.record.as_ref())
        .any(|r| {
            r.letter.is_some()
                && match &r.delivery {
                    Some(Delivery::Uncertain { .. } | Delivery::Pending { .. }) => true,
                    Some(Delivery::Sent { .. }) => {
                        copies && imap.save_sent != SaveSent::Never && !r.filed()
                    }
                    _ => false,
                }
        })
}

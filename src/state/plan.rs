//! Which approved letters a `send` takes and which it leaves, with why: decided before anything
//! goes, from the survey of the drafts folder.

use anyhow::{bail, Result};
use chrono::{DateTime, FixedOffset};

use crate::domain::clients::{address_key, parse_address};
use crate::domain::message::{validate, Draft};
pub use crate::settings::Mode;
use crate::state::drafts::State;
use crate::state::journal::{Delivery, Event, Proof, What};
use crate::state::limits::Day;
use crate::state::survey::{Entry, Survey};

/// One message to go: which client, the approved draft, and the hash it was approved with.
pub struct Job {
    pub key: String,
    /// The Message-ID of an earlier attempt that may have arrived: a resend keeps it, so a
    /// receiving server can recognise the duplicate.
    pub message_id: Option<String>,
    /// The draft file's stem, for a dry run's `.eml` name.
    pub stem: String,
    /// The draft file's name, for the copy of the letter as it goes (`state::went`).
    pub file: String,
    pub draft: Draft,
    /// The draft's text, which with the files' bytes must still hash as `hash` when it goes.
    pub text: String,
    /// What the approval bound: the text, and the letter's files when it carries any.
    pub hash: String,
}

/// What a run will do, decided before anything goes.
pub struct Plan<'a> {
    pub jobs: Vec<Job>,
    /// Interrupted earlier and not named by `--resend`: reported, never sent.
    pub uncertain: Vec<&'a Entry>,
    /// Approved, but the file no longer reads as a draft for its client.
    pub invalid: Vec<String>,
    /// Refused by the server for good in an earlier run, and not named by `--resend`.
    pub refused: Vec<&'a Entry>,
    /// Approved, but not on the client list as it reads now.
    pub off_list: Vec<&'a str>,
    /// Approved and ready, but beyond `--limit`.
    pub held: usize,
    /// Approved and ready, but beyond what `daily-limit` lets go today.
    pub held_by_day: usize,
    pub unreviewed: usize,
}

/// The daily limit as it holds this run back.
pub struct DayHold {
    pub limit: usize,
    /// Letters the journal shows sent in the last 24 hours.
    pub sent: usize,
    pub held: usize,
    /// When the first letter held back may go.
    pub from: Option<DateTime<FixedOffset>>,
}

impl<'a> Plan<'a> {
    /// Which drafts go: approved ones, failed ones worth another try, and uncertain ones only
    /// when the user names them with `--resend`.
    pub fn of(survey: &'a Survey, resend: &[String]) -> Result<Plan<'a>> {
        let resend = resend_keys(survey, resend)?;
        let mut plan = Plan {
            jobs: Vec::new(),
            uncertain: Vec::new(),
            invalid: Vec::new(),
            refused: Vec::new(),
            off_list: survey
                .removed
                .iter()
                .filter(|r| r.approved_unsent)
                .map(|r| r.key.as_str())
                .collect(),
            held: 0,
            held_by_day: 0,
            unreviewed: survey
                .entries
                .iter()
                .filter(|e| e.state.needs_review() || e.state == State::New)
                .filter(|e| e.approved_but_broken().is_none())
                .count(),
        };
        for e in &survey.entries {
            if plan.goes(e, resend.contains(&e.client.key)) {
                plan.take(e);
            }
        }
        Ok(plan)
    }

    /// Whether this entry's letter goes, noting why when it is held back.
    fn goes(&mut self, e: &'a Entry, named: bool) -> bool {
        match e.state {
            State::Approved => true,
            State::Failed if named || !failed_permanently(e) => true,
            State::Failed => {
                self.refused.push(e);
                false
            }
            State::Uncertain if named => approved_now(e),
            State::Uncertain => {
                self.uncertain.push(e);
                false
            }
            _ => {
                // Approved, but a file of the letter cannot be read: said, never silently left.
                if let (Some(problem), Some(path)) = (e.approved_but_broken(), &e.path) {
                    self.invalid.push(tr!(
                        "plan-invalid-draft",
                        file = path.display(),
                        why = &problem.why
                    ));
                }
                false
            }
        }
    }

    /// The job for an entry whose letter goes, if its draft still reads as one.
    fn take(&mut self, e: &Entry) {
        let (Some(text), Some(hash), Some(path)) = (&e.text, e.bound(), &e.path) else {
            return;
        };
        let valid = validate(text, &e.client.key).and_then(|d| match &e.unreadable {
            Some(p) => Err(p.why.clone()),
            None => Ok(d),
        });
        match valid {
            Ok(draft) => self.jobs.push(Job {
                key: e.client.key.clone(),
                message_id: e
                    .record
                    .as_ref()
                    .and_then(|r| r.delivery.as_ref())
                    .and_then(Delivery::message_id)
                    .map(str::to_string),
                stem: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                file: path
                    .file_name()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                draft,
                text: text.clone(),
                hash: hash.to_string(),
            }),
            Err(why) => self.invalid.push(tr!(
                "plan-invalid-draft",
                file = path.display(),
                why = why.to_string()
            )),
        }
    }

    /// Approved letters this run leaves behind before it sends anything.
    pub fn left_behind(&self) -> usize {
        self.uncertain.len()
            + self.invalid.len()
            + self.refused.len()
            + self.off_list.len()
            + self.held
            + self.held_by_day
    }

    /// `--limit N`: at most N go.
    pub fn hold_beyond(&mut self, limit: usize) {
        self.held = self.jobs.len().saturating_sub(limit);
        self.jobs.truncate(limit);
    }

    /// Keeps this run within `daily-limit`: what the journal shows sent in the last 24 hours
    /// counts. `None` when everything fits.
    pub fn hold_for_the_day(
        &mut self,
        events: &[Event],
        limit: usize,
        now: DateTime<FixedOffset>,
    ) -> Option<DayHold> {
        let day = Day::of(events, limit, now);
        let room = day.left();
        if self.jobs.len() <= room {
            return None;
        }
        self.held_by_day = self.jobs.len() - room;
        self.jobs.truncate(room);
        // The day as it will be once these went: when the first of the others may go.
        let mut after = day.clone();
        after.sent.extend(std::iter::repeat_n(now, room));
        Some(DayHold {
            limit,
            sent: day.sent.len(),
            held: self.held_by_day,
            from: after.next_free(),
        })
    }
}

/// Clients named on the command line, as keys, each once.
fn keys_of(named: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = named
        .iter()
        .map(|e| match parse_address(e.trim()) {
            Ok(a) => address_key(&a),
            Err(_) => e.trim().to_lowercase(),
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// What `--arrived` does for one client.
pub enum Arrival {
    /// The uncertain letter, now journaled as sent on the user's word with this event.
    Settled { key: String, event: Event },
    /// Already sent: nothing to settle.
    AlreadySent { key: String },
}

/// `--arrived`: the `sent` event that settles each named client's uncertain letter on the
/// user's word, dated when the letter went; an error when one has no uncertain letter.
pub fn arrivals(
    survey: &Survey,
    arrived: &[String],
    resend: &[String],
    now: DateTime<FixedOffset>,
) -> Result<Vec<Arrival>> {
    let resend = keys_of(resend);
    let mut out = Vec::new();
    for key in keys_of(arrived) {
        let e = entry_of(survey, &key)?;
        if resend.contains(&key) {
            bail!(tr!("plan-arrived-and-resend", key = &key));
        }
        if let Some(other) = resend.first() {
            bail!(tr!("plan-arrived-sends-nothing", other = other));
        }
        let uncertain = e
            .record
            .as_ref()
            .and_then(|r| r.delivery.as_ref())
            .filter(|_| e.state == State::Uncertain)
            .and_then(Delivery::message_id);
        match (e.state, uncertain) {
            (State::Sent | State::Bounced, _) => out.push(Arrival::AlreadySent { key }),
            (_, Some(message_id)) => {
                let base = &survey.campaign.settings.base;
                out.push(settled(e, key, message_id, base, now)?)
            }
            (state, _) => bail!(tr!(
                "plan-arrived-not-uncertain",
                key = &key,
                state = state.word()
            )),
        }
    }
    Ok(out)
}

/// The client `--arrived` names, or an error naming the closest one.
fn entry_of<'a>(survey: &'a Survey, key: &str) -> Result<&'a super::survey::Entry> {
    if let Some(e) = survey.entries.iter().find(|e| e.client.key == key) {
        return Ok(e);
    }
    let keys = survey.entries.iter().map(|e| e.client.key.as_str());
    match crate::text::closest(key, keys) {
        Some(close) => bail!(tr!(
            "plan-arrived-no-such-client-close",
            key = key,
            close = close.to_string()
        )),
        None => bail!(tr!("plan-arrived-no-such-client", key = key)),
    }
}

/// The uncertain letter `message_id` to `e`, recorded as sent on the user's word; refused when
/// its draft is no longer what went (what went must still be at hand: its copy in Sent and the
/// archive keep it).
fn settled(
    e: &super::survey::Entry,
    key: String,
    message_id: &str,
    base: &std::path::Path,
    now: DateTime<FixedOffset>,
) -> Result<Arrival> {
    let letter = e.record.as_ref().and_then(|r| r.letter.as_ref());
    // The draft changed since, but the words as they went were kept: those are what went.
    let kept = |hash: &str| -> Result<bool> {
        let Some(path) = &e.path else {
            return Ok(false);
        };
        let (Some(drafts), Some(file)) = (path.parent(), path.file_name()) else {
            return Ok(false);
        };
        let file = file.to_string_lossy();
        Ok(super::went::verified(drafts, base, &file, message_id, hash)?.is_some())
    };
    let changed = letter.filter(|l| e.bound() != Some(l.hash.as_str()));
    let lost = match changed {
        Some(l) if !kept(&l.hash)? => Some(l),
        _ => None,
    };
    if let Some(went) = lost {
        let sha = went.hash.chars().take(12).collect::<String>();
        bail!(match &e.path {
            Some(p) if e.hash.is_some() => tr!(
                "plan-arrived-draft-changed",
                key = &key,
                file = p.display(),
                sha = sha
            ),
            Some(p) => tr!(
                "plan-arrived-draft-file-gone",
                key = &key,
                file = p.display(),
                sha = sha
            ),
            None => tr!("plan-arrived-draft-gone", key = &key, sha = sha),
        });
    }
    let sent = What::Sent {
        hash: letter.map(|l| l.hash.clone()),
        message_id: message_id.to_string(),
        reply: None,
        proof: Proof::UserSaid,
    };
    let at = letter.map_or(now, |l| l.date);
    Ok(Arrival::Settled {
        event: Event::new(at, &key, sent),
        key,
    })
}

/// The clients `--resend` names, as keys; an error when one cannot be resent.
fn resend_keys(survey: &Survey, resend: &[String]) -> Result<Vec<String>> {
    let keys = keys_of(resend);
    for r in &keys {
        let Some(e) = survey.entries.iter().find(|e| &e.client.key == r) else {
            bail!(tr!("plan-resend-no-such-client", key = r));
        };
        if e.state.went() {
            let id = e
                .record
                .as_ref()
                .and_then(|r| r.sent.as_ref())
                .map(|s| s.message_id.clone())
                .unwrap_or_default();
            let gone = e.record.as_ref().and_then(|r| r.sent.as_ref());
            if gone.is_some_and(|g| g.proof == Proof::UserSaid) {
                bail!(tr!(
                    "plan-resend-sent-on-your-word",
                    key = r,
                    message_id = &id
                ));
            }
            bail!(tr!("plan-resend-already-sent", key = r, message_id = &id));
        }
        if !approved_now(e) {
            // An uncertain letter edited since it went: review leaves it alone; what went is at
            // hand to put back.
            let base = &survey.campaign.settings.base;
            if let Some(kept) = e.kept_as_went(base).filter(|_| e.state == State::Uncertain) {
                bail!(tr!(
                    "plan-resend-changed-since-it-went",
                    key = r,
                    kept = kept.display(),
                    file = e.path.as_deref().unwrap_or(&kept).display()
                ));
            }
            bail!(tr!("plan-resend-not-approved", key = r));
        }
    }
    Ok(keys)
}

/// Approved, and the draft on disk is still what was approved.
pub fn approved_now(e: &Entry) -> bool {
    match (&e.record, e.bound()) {
        (Some(r), Some(current)) => r.approved(current),
        _ => false,
    }
}

/// The server refused it for good (a 5xx about this client) in an earlier run.
pub fn failed_permanently(e: &Entry) -> bool {
    matches!(
        e.record.as_ref().and_then(|r| r.delivery.as_ref()),
        Some(Delivery::Failed {
            permanent: true,
            ..
        })
    )
}

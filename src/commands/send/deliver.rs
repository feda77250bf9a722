//! The letters of a run, one by one, exactly once around the journal: `sending` on disk before
//! the message goes, the outcome after it; a refusal about the sender stops the run.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use lettre::address::Envelope;

use crate::domain::letter;
use crate::domain::message::{build_message, message_id};
use crate::mailbox::copies::{Copies, Copy};
use crate::outbox::replies::{same_refusal, when_to_retry};
use crate::outbox::{Outbox, SendError};
use crate::report::Progress;
use crate::settings::Settings;
use crate::state::journal::{Event, Journal, Proof, What};
use crate::state::lock::Lock;
use crate::state::plan::{Job, Mode};
use crate::state::went;

/// What a run did.
#[derive(Default)]
pub struct Tally {
    pub sent: usize,
    /// Who the server refused, and its words.
    pub failed: Vec<(String, String)>,
    /// The final "." went and no answer came: listed, never retried by themselves.
    pub uncertain: Vec<String>,
    pub stopped: Option<String>,
    /// The journal could not be written: the run's error, said after its summary.
    pub broken: Option<anyhow::Error>,
}

/// Where the letters go and what the run may write.
pub struct Run<'a> {
    pub mode: Mode,
    pub settings: &'a Settings,
    pub outbox: &'a mut dyn Outbox,
    pub journal: &'a mut Journal,
    pub lock: Option<&'a Lock>,
    /// The sender's mailbox, for the copy in Sent.
    pub copies: Option<&'a mut Copies>,
}

/// One letter, built: its bytes, envelope and Message-ID.
pub struct Letter {
    pub id: String,
    /// The `Date:` it carries.
    pub date: chrono::DateTime<chrono::FixedOffset>,
    pub bytes: Vec<u8>,
    pub subject: String,
    pub to: String,

    envelope: Envelope,
    label: String,
}

/// The last letter that failed: when the next fails the same way, it is not about them.
struct LastFailure {
    key: String,
    reply: String,
}

impl Run<'_> {
    fn record(&self) -> bool {
        self.mode == Mode::Real
    }

    fn event(&self, job: &Job, what: What) -> Event {
        Event::new(self.settings.clock(), &job.key, what)
    }

    /// Sends each job in turn; stops at Ctrl-C, at a refusal about the sender, and when the
    /// journal cannot be written (an `Err`).
    pub fn deliver_all(&mut self, jobs: &[Job]) -> Result<Tally> {
        let stop = Arc::new(AtomicBool::new(false));
        for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
            // A second Ctrl-C ends at once; the message in flight is then `uncertain`, never lost.
            let _ = signal_hook::flag::register_conditional_shutdown(sig, 130, Arc::clone(&stop));
            let _ = signal_hook::flag::register(sig, Arc::clone(&stop));
        }
        let progress = Progress::new(jobs.len() as u64);
        let interval = self.settings.smtp.as_ref().and_then(|s| s.interval);
        let mut last_start: Option<Instant> = None;
        let mut last_failure = None;
        let mut tally = Tally::default();
        for job in jobs {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            if let (Some(interval), Some(last)) = (interval, last_start) {
                if !sleep_until(last + interval, &stop) {
                    break;
                }
            }
            last_start = Some(Instant::now());
            let Some(letter) = self.ready(job, &progress) else {
                continue;
            };
            let done = letter.and_then(|letter| {
                let result = self.with_retries(job, &letter, &progress, &stop)?;
                self.outcome(
                    job,
                    &letter,
                    result,
                    &progress,
                    &mut tally,
                    &mut last_failure,
                )
            });
            if let Err(e) = done {
                // The journal could not be written (a full disk): stop, and say where it stands.
                tally.stopped = Some(tr!("cmd-send-journal-not-written", key = &job.key));
                tally.broken = Some(e);
                break;
            }
            if tally.stopped.is_some() {
                break;
            }
            progress.inc(1);
        }
        if let Err(e) = self.journal.sync() {
            tally.broken.get_or_insert(e);
        }
        progress.finish_and_clear();
        if stop.load(Ordering::SeqCst) && tally.stopped.is_none() {
            tally.stopped = Some(tr!("cmd-send-stopped-by-signal"));
        }
        Ok(tally)
    }

    /// The letter, built; `None` (said) when a file of it changed or went since the survey:
    /// it is not the letter approved.
    fn ready(&self, job: &Job, progress: &Progress) -> Option<Result<Letter>> {
        match self.letter(job) {
            Ok(Ok(letter)) => Some(Ok(letter)),
            Err(e) => Some(Err(e)),
            Ok(Err(changed)) => {
                progress.println(changed);
                progress.inc(1);
                None
            }
        }
    }

    /// The letter as it goes: to the client, or to yourself tagged `[test]`.
    fn letter(&self, job: &Job) -> Result<Result<Letter, String>> {
        let sender = self.settings.sender()?;
        // The files as they are now, which must be the ones approved.
        let files = match letter::load(&job.draft.email, &self.settings.base) {
            Ok(files) if letter::bound_hash(&job.text, &files) == job.hash => files,
            Ok(_) => return Ok(Err(tr!("cmd-send-file-changed", key = &job.key))),
            Err(p) => return Ok(Err(tr!("cmd-send-file-gone", key = &job.key, why = p.why))),
        };
        let (to, mut email) = match self.mode {
            Mode::ToSelf => (sender.clone(), job.draft.email.clone()),
            _ => (job.draft.to.clone(), job.draft.email.clone()),
        };
        if self.mode == Mode::ToSelf {
            email.subject = format!("[test] {}", email.subject);
        }
        let now = self.settings.clock();
        let salt = self.settings.salt;
        // The same Message-ID `preview` shows, and an uncertain letter's own on a resend; a
        // test letter to yourself gets one of its own.
        let id = match (self.mode, &job.message_id) {
            (Mode::ToSelf, _) => message_id(sender, &format!("test:{}", job.key), now, salt),
            (_, Some(id)) => id.clone(),
            (_, None) => message_id(sender, &job.key, now, salt),
        };
        let bytes = build_message(sender, &to, &email, &files, now, &id)?.formatted();
        let limit = self.settings.max_message_bytes;
        if bytes.len() as u64 > limit {
            return Ok(Err(tr!(
                "cmd-send-too-big",
                key = &job.key,
                size = crate::text::size(bytes.len() as u64),
                limit = crate::text::size(limit)
            )));
        }
        let envelope = Envelope::new(Some(sender.email.clone()), vec![to.email.clone()])
            .with_context(|| tr!("cmd-send-no-envelope"))?;
        let label = match self.mode {
            Mode::ToSelf => tr!("cmd-send-label-to-self", key = &job.key),
            _ => job.key.clone(),
        };
        Ok(Ok(Letter {
            id,
            date: now,
            bytes,
            subject: email.subject.clone(),
            to: to.email.to_string(),
            envelope,
            label,
        }))
    }

    /// Tries a letter, and again after a failure that is safe to retry, waiting longer each time.
    fn with_retries(
        &mut self,
        job: &Job,
        letter: &Letter,
        progress: &Progress,
        stop: &AtomicBool,
    ) -> Result<Result<String, SendError>> {
        let (retries, delay) = self
            .settings
            .smtp
            .as_ref()
            .map_or((0, Duration::ZERO), |s| (s.retries, s.retry_delay));
        let mut attempt = 0;
        loop {
            match self.deliver(job, letter)? {
                Err(SendError::Transient(why))
                    if attempt < retries && !stop.load(Ordering::SeqCst) =>
                {
                    attempt += 1;
                    progress.println(tr!("cmd-send-retrying", key = &job.key, why = &why));
                    if !sleep_until(Instant::now() + backoff(delay, attempt), stop) {
                        return Ok(Err(SendError::Transient(why)));
                    }
                }
                other => return Ok(other),
            }
        }
    }

    /// One attempt, in stages: MAIL, RCPT and DATA; then `sending` on disk; then the message and
    /// the final ".". Only a journal that cannot be written is an `Err` of the run.
    fn deliver(&mut self, job: &Job, letter: &Letter) -> Result<Result<String, SendError>> {
        if let Err(e) = self.outbox.begin(&letter.envelope, &letter.bytes) {
            return Ok(Err(e));
        }
        if self.record() {
            // The words as they go, kept before they may have gone: what the archive keeps.
            if let Err(e) = went::keep(&self.settings.drafts, &job.file, &letter.id, &job.text) {
                // Nothing went: the run stops here, this letter and the rest still approved.
                self.outbox.abandon();
                let why = tr!("cmd-send-not-kept", why = crate::text::error_chain(&e));
                return Ok(Err(SendError::Fatal(why)));
            }
            let sending = What::Sending {
                hash: job.hash.clone(),
                message_id: letter.id.clone(),
                date: Some(letter.date),
            };
            if let Err(e) = self.journal.append(self.event(job, sending)) {
                self.outbox.abandon();
                return Err(e);
            }
        }
        // Checked after `sending` is on disk: a second send that started since then sees this
        // letter as uncertain and leaves it; one that started before sends it, and this one not.
        if let Some(lock) = self.lock.filter(|l| !l.still_held()) {
            self.outbox.abandon();
            return Ok(Err(SendError::Fatal(tr!(
                "cmd-send-lock-deleted",
                file = lock.path().display()
            ))));
        }
        Ok(self.outbox.finish(&job.stem, &letter.bytes))
    }

    /// Journals and counts how a letter ended.
    fn outcome(
        &mut self,
        job: &Job,
        letter: &Letter,
        result: Result<String, SendError>,
        progress: &Progress,
        tally: &mut Tally,
        last_failure: &mut Option<LastFailure>,
    ) -> Result<()> {
        let stopped = match result {
            Ok(reply) => return self.delivered(job, letter, &reply, progress, tally, last_failure),
            Err(SendError::Uncertain(why)) => {
                return self.uncertain(job, letter, &why, progress, tally)
            }
            Err(SendError::Account(why)) => {
                let words = tr!(
                    "cmd-send-stopped-account",
                    why = &why,
                    advice = when_to_retry(&why),
                    key = &job.key
                );
                (why, words)
            }
            Err(SendError::Unreachable(why)) => {
                let words = tr!("cmd-send-stopped-unreachable", why = &why, key = &job.key);
                (why, words)
            }
            // About the server or the settings, not the client: it stays approved.
            Err(SendError::Fatal(why) | SendError::Untrusted(why)) => {
                let words = tr!("cmd-send-stopped-fatal", why = &why, key = &job.key);
                (why, words)
            }
            Err(err) => return self.failed(job, letter, err, progress, tally, last_failure),
        };
        let (why, words) = stopped;
        self.defer(job, letter, &why)?;
        progress.live(tr!(
            "cmd-send-live-stopped",
            label = &letter.label,
            why = &why
        ));
        tally.stopped = Some(words);
        Ok(())
    }

    /// The final "." went and no answer came: the letter may have arrived.
    fn uncertain(
        &mut self,
        job: &Job,
        letter: &Letter,
        why: &str,
        progress: &Progress,
        tally: &mut Tally,
    ) -> Result<()> {
        if self.record() {
            let e = self.event(
                job,
                What::Uncertain {
                    hash: Some(job.hash.clone()),
                    message_id: letter.id.clone(),
                    why: why.to_string(),
                },
            );
            self.journal.append(e)?;
        }
        tally.uncertain.push(if self.record() {
            tr!(
                "cmd-send-uncertain",
                key = &job.key,
                why = why,
                id = &letter.id
            )
        } else {
            tr!("cmd-send-uncertain-test", key = &job.key, why = why)
        });
        progress.live(tr!(
            "cmd-send-live-uncertain",
            label = &letter.label,
            why = why
        ));
        Ok(())
    }

    /// A letter the server took: `sent` in the journal, then its copy in Sent.
    fn delivered(
        &mut self,
        job: &Job,
        letter: &Letter,
        reply: &str,
        progress: &Progress,
        tally: &mut Tally,
        last_failure: &mut Option<LastFailure>,
    ) -> Result<()> {
        if self.record() {
            // Losing this line in a power cut leaves the client `uncertain`, never
            // resent; the next `sending` (or the end of the run) makes it durable.
            let sent = What::Sent {
                hash: Some(job.hash.clone()),
                message_id: letter.id.clone(),
                reply: Some(reply.to_string()),
                proof: Proof::Server,
            };
            self.journal.append_lazy(self.event(job, sent))?;
        }
        tally.sent += 1;
        *last_failure = None;
        let (nth, reply_short) = (progress.nth(), reply_short(reply));
        progress.println(if self.mode == Mode::DryRun {
            tr!(
                "cmd-send-live-written",
                nth = nth,
                label = &letter.label,
                reply = reply_short
            )
        } else {
            tr!(
                "cmd-send-live-sent",
                nth = nth,
                label = &letter.label,
                reply = reply_short
            )
        });
        if self.record() {
            if let Some(copies) = self.copies.as_deref_mut() {
                if copies.will_look() {
                    progress.println(tr!("cmd-send-looking-in-sent", label = &letter.label));
                }
                copies.after_sent(
                    self.journal,
                    Copy {
                        key: job.key.clone(),
                        id: letter.id.clone(),
                        to: letter.to.clone(),
                        subject: letter.subject.clone(),
                        date: letter.date,
                        hash: Some(job.hash.clone()),
                        bytes: Some(letter.bytes.clone()),
                    },
                )?;
            }
        }
        Ok(())
    }

    /// A failure of this client; the same failure for the client before it means neither is to
    /// blame (the account, the server): both stay approved and the run stops.
    fn failed(
        &mut self,
        job: &Job,
        letter: &Letter,
        err: SendError,
        progress: &Progress,
        tally: &mut Tally,
        last_failure: &mut Option<LastFailure>,
    ) -> Result<()> {
        let reply = err.to_string();
        let to = letter
            .envelope
            .to()
            .first()
            .map(|a| a.to_string())
            .unwrap_or_default();
        if let Some(last) = last_failure
            .take()
            .filter(|l| same_refusal(&l.reply, &reply, &to))
        {
            return self.refused_twice(job, letter, &reply, &last, progress, tally);
        }
        if self.record() {
            let failed = What::Failed {
                hash: Some(job.hash.clone()),
                message_id: Some(letter.id.clone()),
                reply: reply.clone(),
                permanent: matches!(err, SendError::Permanent(_)),
            };
            self.journal.append(self.event(job, failed))?;
        }
        tally.failed.push((job.key.clone(), err.to_string()));
        progress.live(tr!(
            "cmd-send-live-failed",
            label = &letter.label,
            why = err.to_string()
        ));
        *last_failure = Some(LastFailure {
            key: job.key.clone(),
            reply: with_recipient(&reply, &to),
        });
        Ok(())
    }

    /// The same refusal for this client and the one before it: neither is to blame; both stay
    /// approved (the one before deferred in the journal) and the run stops.
    fn refused_twice(
        &mut self,
        job: &Job,
        letter: &Letter,
        reply: &str,
        last: &LastFailure,
        progress: &Progress,
        tally: &mut Tally,
    ) -> Result<()> {
        self.defer(job, letter, reply)?;
        if self.record() {
            let what = What::Deferred {
                hash: None,
                message_id: None,
                why: reply.to_string(),
            };
            let e = Event::new(self.settings.clock(), &last.key, what);
            self.journal.append(e)?;
        }
        tally.failed.retain(|(key, _)| *key != last.key);
        progress.live(tr!(
            "cmd-send-live-stopped",
            label = &letter.label,
            why = reply
        ));
        tally.stopped = Some(tr!(
            "cmd-send-same-refusal",
            first = &last.key,
            second = &job.key,
            why = reply,
            advice = when_to_retry(reply)
        ));
        Ok(())
    }

    /// The letter stays approved: the refusal is journaled as about the sender.
    fn defer(&mut self, job: &Job, letter: &Letter, why: &str) -> Result<()> {
        if self.record() {
            let deferred = What::Deferred {
                hash: Some(job.hash.clone()),
                message_id: Some(letter.id.clone()),
                why: why.to_string(),
            };
            self.journal.append(self.event(job, deferred))?;
        }
        Ok(())
    }
}

/// A reply kept with the recipient it was about, so `same_refusal` can take them out.
fn with_recipient(reply: &str, to: &str) -> String {
    format!("{to}\n{reply}")
}

/// The wait before retry number `attempt`: doubling from `base`, never more than a minute.
pub fn backoff(base: Duration, attempt: u32) -> Duration {
    base.saturating_mul(1 << attempt.saturating_sub(1).min(16))
        .min(Duration::from_secs(60))
}

fn reply_short(reply: &str) -> String {
    let r: String = reply.chars().take(60).collect();
    format!("({r})")
}

/// Sleeps until `deadline`, waking to notice Ctrl-C; false if it came.
fn sleep_until(deadline: Instant, stop: &AtomicBool) -> bool {
    while Instant::now() < deadline {
        if stop.load(Ordering::SeqCst) {
            return false;
        }
        std::thread::sleep((deadline - Instant::now()).min(Duration::from_millis(50)));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_retry_backoff_doubles_and_is_capped() {
        let base = Duration::from_millis(2000);
        assert_eq!(backoff(base, 1), Duration::from_secs(2));
        assert_eq!(backoff(base, 2), Duration::from_secs(4));
        assert_eq!(backoff(base, 3), Duration::from_secs(8));
        assert_eq!(backoff(base, 30), Duration::from_secs(60));
        assert_eq!(backoff(base, u32::MAX), Duration::from_secs(60));
        assert_eq!(backoff(Duration::MAX, 5), Duration::from_secs(60));
    }
}

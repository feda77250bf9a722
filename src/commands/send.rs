//! `cartero send`: each approved draft as its own message over SMTP, exactly once around the journal.
//!
//! For every message, `sending` (with its Message-ID) is on disk before the first byte goes to
//! the server, and `sent` (with the server's reply) after it accepted. A `sending` with no outcome
//! after a crash is `uncertain`: reported, and never sent again unless the user names it.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use chrono::{DateTime, FixedOffset, Local};
use lettre::address::Envelope;
use lettre::message::Mailbox;

use crate::cli::SendArgs;
use crate::domain::message::{build_message, message_id};
use crate::domain::message::{validate, Draft};
use crate::outbox::{password, FileOutbox, Outbox, SendError, SmtpOutbox};
use crate::settings::{Settings, Smtp};
use crate::state::drafts::State;
use crate::state::journal::{Delivery, Event, Journal, Kind};
use crate::state::limits::{how_long, parse_at, when_to_retry, Day};
use crate::state::lock::Lock;
use crate::state::survey::{Entry, Survey};

/// One message to go: which client, the approved draft, and the hash it was approved with.
struct Job {
    key: String,
    /// The Message-ID of an earlier attempt that may have arrived: a resend keeps it, so a
    /// receiving server can recognise the duplicate.
    message_id: Option<String>,
    stem: String,
    draft: Draft,
    hash: String,
}

/// What a run will do, decided before anything goes.
struct Plan<'a> {
    jobs: Vec<Job>,
    /// Interrupted earlier and not named by `--resend`: reported, never sent.
    uncertain: Vec<&'a Entry>,
    /// Approved, but the file no longer reads as a draft for its client.
    invalid: Vec<String>,
    /// Refused by the server for good in an earlier run, and not named by `--resend`.
    refused: Vec<&'a Entry>,
    /// Approved, but not on the client list as it reads now.
    off_list: Vec<&'a str>,
    /// Approved and ready, but beyond `--limit`.
    held: usize,
    /// Approved and ready, but beyond what `daily-limit` lets go today.
    held_by_day: usize,
    unreviewed: usize,
}

impl Plan<'_> {
    /// Approved letters this run leaves behind before it sends anything.
    fn left_behind(&self) -> usize {
        self.uncertain.len()
            + self.invalid.len()
            + self.refused.len()
            + self.off_list.len()
            + self.held
            + self.held_by_day
    }
}

/// `cartero send`: now, at `--at`, or day after day with `--spread`.
pub fn run(settings: Settings, args: &SendArgs) -> Result<ExitCode> {
    let at = args
        .at
        .as_deref()
        .map(parse_at)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let daily_limit = settings.smtp.as_ref().and_then(|s| s.daily_limit);
    if args.spread && (daily_limit.is_none() || args.dry_run || args.to_self) {
        bail!("`--spread` goes on day after day within your daily limit: add `daily-limit = N` under `[smtp]` in cartero.toml (it is for real sends, not `--dry-run` or `--to-self`)");
    }
    let mut args = args.clone();
    if let Some(at) = at {
        if at < Local::now().fixed_offset() - chrono::Duration::minutes(1) {
            bail!(
                "`--at {}` is in the past: give a time still to come, or leave `--at` out to send now",
                args.at.as_deref().unwrap_or_default()
            );
        }
        // Asked now, while the person is here; the letters go when the time comes.
        if !args.yes && !args.dry_run {
            let pass = run_once(settings.clone(), &args, true)?;
            if !pass.confirmed {
                return Ok(pass.code);
            }
            args.yes = true;
        }
        if !wait_until(at, "send")? {
            tell!("cancelled while waiting: nothing was sent");
            return Ok(ExitCode::from(1));
        }
    }
    loop {
        let pass = run_once(settings.clone(), &args, false)?;
        let next = match (args.spread, pass.held_by_day, pass.stopped) {
            (true, true, false) => next_free(&settings, daily_limit)?,
            _ => None,
        };
        let Some(next) = next else {
            return Ok(pass.code);
        };
        args.yes = true;
        say!(
            "the daily limit is reached; going on at {} (`--spread`); Ctrl-C stops, and `cartero send` goes on later",
            next.format("%Y-%m-%d %H:%M")
        );
        if !wait_until(next, "go on")? {
            tell!("stopped while waiting for the next day: the letters left stay approved");
            return Ok(ExitCode::from(1));
        }
    }
}

/// When the journal, read anew, lets the next letter go.
fn next_free(settings: &Settings, limit: Option<usize>) -> Result<Option<DateTime<FixedOffset>>> {
    let Some(limit) = limit else { return Ok(None) };
    let (events, _) = Journal::read(&settings.journal_path())?;
    Ok(Day::of(&events, limit, settings.clock()).next_free())
}

/// Waits in the foreground until `when`, a countdown on a terminal; false if Ctrl-C came.
fn wait_until(when: DateTime<FixedOffset>, what: &str) -> Result<bool> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&stop));
    }
    let bar = std::io::stderr()
        .is_terminal()
        .then(indicatif::ProgressBar::new_spinner);
    tell!(
        "waiting to {what} at {} (this machine's time); Ctrl-C cancels",
        when.format("%Y-%m-%d %H:%M:%S")
    );
    loop {
        if stop.load(Ordering::SeqCst) {
            if let Some(bar) = &bar {
                bar.finish_and_clear();
            }
            return Ok(false);
        }
        let left = (when - Local::now().fixed_offset())
            .to_std()
            .unwrap_or_default();
        if left.is_zero() {
            break;
        }
        if let Some(bar) = &bar {
            bar.set_message(format!("{} left; Ctrl-C cancels", how_long(left)));
            bar.tick();
        }
        std::thread::sleep(left.min(Duration::from_millis(200)));
    }
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    Ok(true)
}

/// How one pass of `send` ended.
struct Pass {
    code: ExitCode,
    /// The user said yes (or `--yes`).
    confirmed: bool,
    /// Some approved letters wait for the daily limit.
    held_by_day: bool,
    /// The server or the user stopped the run.
    stopped: bool,
}

impl Pass {
    fn ended(code: ExitCode) -> Pass {
        Pass {
            code,
            confirmed: false,
            held_by_day: false,
            stopped: false,
        }
    }
}

/// One pass: plan, ask, send. With `confirm_only`, it stops after the question.
fn run_once(settings: Settings, args: &SendArgs, confirm_only: bool) -> Result<Pass> {
    // The lock comes before reading any state: a send that ends while this one starts must not
    // leave us working from what it had not yet sent.
    let lock = if args.dry_run {
        None
    } else {
        Some(Lock::take(&settings.drafts, "send")?)
    };
    let survey = crate::report::survey(settings)?;
    let settings = survey.campaign.settings.clone();
    let sender = settings.sender()?.clone();
    for w in &survey.journal_warnings {
        tell!("warning: {w}");
    }
    let mode = if args.dry_run {
        Mode::DryRun
    } else if args.to_self {
        Mode::ToSelf
    } else {
        Mode::Real
    };
    let mut plan = plan(&survey, &args.resend)?;
    say_left_behind(&plan);
    let limit = args.limit.unwrap_or(usize::MAX);
    plan.held = plan.jobs.len().saturating_sub(limit);
    plan.jobs.truncate(limit);
    if plan.held > 0 {
        tell!(
            "held back by `--limit {limit}`: {} approved letter(s); `cartero send` sends them",
            plan.held
        );
    }
    let daily = settings.smtp.as_ref().and_then(|s| s.daily_limit);
    if let (Some(daily), Mode::Real) = (daily, mode) {
        hold_for_the_day(&mut plan, &survey.events, daily, settings.clock());
    }
    if plan.jobs.is_empty() {
        let sent = survey
            .entries
            .iter()
            .filter(|e| e.state == State::Sent)
            .count();
        let hint = if plan.unreviewed > 0 {
            "; run `cartero review`"
        } else {
            ""
        };
        say!(
            "nothing to send: {sent} already sent, {} waiting for review{hint}",
            plan.unreviewed
        );
        return Ok(Pass {
            held_by_day: plan.held_by_day > 0,
            ..Pass::ended(left_behind_code(plan.left_behind()))
        });
    }

    let smtp = match mode {
        Mode::DryRun => None,
        _ => Some(settings.smtp.clone().context(
            "no SMTP server: add `[smtp]` with `host` (and `port`, `username`) to cartero.toml; `cartero send --dry-run` needs none",
        )?),
    };
    if !confirm(&plan, mode, smtp.as_ref(), &sender, args.yes)? {
        tell!("nothing sent");
        return Ok(Pass::ended(ExitCode::SUCCESS));
    }
    if confirm_only {
        return Ok(Pass {
            confirmed: true,
            ..Pass::ended(ExitCode::SUCCESS)
        });
    }
    let mut outbox: Box<dyn Outbox> = match &smtp {
        Some(s) => Box::new(SmtpOutbox::connect(s, password(s)?)?),
        None => {
            let dir = args
                .out
                .clone()
                .unwrap_or_else(|| settings.drafts.join("dry-run"));
            crate::outbox::write_emls(&dir, &[])?;
            Box::new(FileOutbox { dir })
        }
    };
    let mut journal = Journal::open(&settings.journal_path())?;
    let tally = deliver_all(
        &plan.jobs,
        mode,
        &settings,
        smtp.as_ref(),
        outbox.as_mut(),
        &mut journal,
        lock.as_ref(),
    )?;

    let left = plan.jobs.len() - tally.sent - tally.failed.len() - tally.uncertain.len();
    let behind = plan.left_behind() + left + tally.failed.len() + tally.uncertain.len();
    match mode {
        Mode::Real => say!(
            "sent {}, failed {}, not attempted {left}, uncertain {} through {}",
            tally.sent,
            tally.failed.len(),
            plan.uncertain.len() + tally.uncertain.len(),
            outbox.describe()
        ),
        Mode::ToSelf => say!(
            "sent {} test message(s) to {}; nothing is recorded as sent",
            tally.sent,
            sender.email
        ),
        Mode::DryRun => say!(
            "wrote {} message(s) to {}; nothing was sent",
            tally.sent,
            outbox.describe()
        ),
    }
    for f in &tally.failed {
        tell!("failed: {f}");
    }
    for u in &tally.uncertain {
        tell!("uncertain: {u}");
    }
    if mode == Mode::Real && behind > 0 {
        say!("not sent: {behind} approved letter(s) did not go in this run; the reasons are above");
    }
    if let Some(why) = &tally.stopped {
        tell!("{why}");
    }
    match mode {
        Mode::Real if behind > 0 => {
            say!("next: `cartero status` shows who is left; `cartero send` again sends only what has not gone")
        }
        Mode::Real => say!("next: `cartero status` to see every client's state"),
        _ => say!(
            "next: when the test looks right, `cartero send` sends the {} approved draft(s) for real",
            plan.jobs.len()
        ),
    }
    let ok = behind == 0 && tally.stopped.is_none();
    Ok(Pass {
        code: if ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        },
        confirmed: true,
        held_by_day: plan.held_by_day > 0,
        stopped: tally.stopped.is_some(),
    })
}

/// What this run will not send and why, said before anything goes.
fn say_left_behind(plan: &Plan) {
    for e in &plan.uncertain {
        let id = e
            .record
            .as_ref()
            .and_then(|r| r.delivery.as_ref())
            .and_then(Delivery::message_id)
            .unwrap_or_default();
        tell!(
            "uncertain: {} <{}>: an earlier send was interrupted; message {id} may have arrived. Not sent again: check your sent folder, and pass `--resend {}` only if it is not there",
            e.client.name, e.client.email, e.client.email
        );
    }
    for i in &plan.invalid {
        tell!("not sent: the draft is broken: {i}");
    }
    for e in &plan.refused {
        tell!(
            "not sent: {} <{}> was refused by the server in an earlier run and is not tried again by itself: fix the address or the draft and approve it again, or pass `--resend {}`",
            e.client.name,
            e.client.email,
            e.client.email
        );
    }
    for key in &plan.off_list {
        tell!("not sent: `{key}` was approved but is not on the client list as it reads now (its row was removed, or has an error shown above)");
    }
}

/// Keeps this run within `daily-limit`: what the journal shows sent in the last 24 hours counts.
fn hold_for_the_day(plan: &mut Plan, events: &[Event], limit: usize, now: DateTime<FixedOffset>) {
    let day = Day::of(events, limit, now);
    let room = day.left();
    if plan.jobs.len() <= room {
        return;
    }
    plan.held_by_day = plan.jobs.len() - room;
    plan.jobs.truncate(room);
    // The day as it will be once these went: when the first of the others may go.
    let mut after = day.clone();
    after.sent.extend(std::iter::repeat_n(now, room));
    let from = after.next_free().map_or("tomorrow".into(), |t| {
        t.format("%Y-%m-%d %H:%M").to_string()
    });
    tell!(
        "held back by the daily limit ({limit} letters in 24 hours, {} already sent in the last 24): {} approved letter(s) wait; the next may go from {from} (`cartero send` then, or `--spread` to go on by itself)",
        day.sent.len(),
        plan.held_by_day
    );
}

/// 0 when every approved letter went (or nothing was waiting), 1 when some did not.
fn left_behind_code(left_behind: usize) -> ExitCode {
    if left_behind == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Which drafts go: approved ones, failed ones worth another try, and uncertain ones only when
/// the user names them.
fn plan<'a>(survey: &'a Survey, resend: &[String]) -> Result<Plan<'a>> {
    let mut resend: Vec<String> = resend
        .iter()
        .map(|e| match crate::domain::clients::parse_address(e.trim()) {
            Ok(a) => crate::domain::clients::address_key(&a),
            Err(_) => e.trim().to_lowercase(),
        })
        .collect();
    resend.sort();
    resend.dedup();
    for r in &resend {
        let Some(e) = survey.entries.iter().find(|e| &e.client.key == r) else {
            bail!("`--resend {r}`: there is no such client in the list");
        };
        if e.state == State::Sent {
            let id = e
                .record
                .as_ref()
                .and_then(|r| r.sent.as_ref())
                .map(|s| s.0.clone())
                .unwrap_or_default();
            bail!("`--resend {r}`: that email was sent and accepted by the server ({id}); cartero never sends a client the same email twice");
        }
        if !approved_now(e) {
            bail!("`--resend {r}`: the draft as it is now was not approved; run `cartero review` first");
        }
    }
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
            .count(),
    };
    for e in &survey.entries {
        let named = resend.contains(&e.client.key);
        let go = match e.state {
            State::Approved => true,
            State::Failed if named || !failed_permanently(e) => true,
            State::Failed => {
                plan.refused.push(e);
                false
            }
            State::Uncertain if named => approved_now(e),
            State::Uncertain => {
                plan.uncertain.push(e);
                false
            }
            _ => false,
        };
        let (true, Some(text), Some(hash), Some(path)) = (go, &e.text, &e.hash, &e.path) else {
            continue;
        };
        match validate(text, &e.client.key) {
            Ok(draft) => plan.jobs.push(Job {
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
                draft,
                hash: hash.clone(),
            }),
            Err(why) => plan.invalid.push(format!("`{}`: {why}", path.display())),
        }
    }
    Ok(plan)
}

/// Says what is about to happen and, without `--yes`, asks on the terminal.
fn confirm(
    plan: &Plan,
    mode: Mode,
    smtp: Option<&Smtp>,
    sender: &Mailbox,
    yes: bool,
) -> Result<bool> {
    let server = match smtp {
        Some(s) => format!("{}:{} ({})", s.host, s.port, s.security),
        None => "no server (dry run)".into(),
    };
    let whom = match mode {
        Mode::ToSelf => format!(
            "to yourself ({}), subjects tagged [test], recorded as nothing",
            sender.email
        ),
        Mode::DryRun => "as .eml files, recorded as nothing".into(),
        Mode::Real => "one message per client".into(),
    };
    let unreviewed = match plan.unreviewed {
        0 => String::new(),
        n => format!("; {n} draft(s) are still unreviewed and will not go"),
    };
    tell!(
        "about to send {} message(s) {whom}, through {server}, as {}{unreviewed}",
        plan.jobs.len(),
        crate::text::display_mailbox(sender),
    );
    if let Some(rate) = smtp.and_then(|s| s.rate.as_deref()) {
        tell!("at most {rate}");
    }
    if yes || mode == Mode::DryRun {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        bail!("not sending without a confirmation, and there is no terminal to ask on: check `cartero status`, then run `cartero send --yes`");
    }
    {
        use std::io::Write as _;
        let mut err = std::io::stderr();
        let _ = write!(err, "send them? [y/N] ").and_then(|_| err.flush());
    }
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "s" | "si" | "sí"
    ))
}

/// One attempt at one message, in stages: MAIL, RCPT and DATA; then `sending` on disk; then the
/// message and the final ".". Only a journal that cannot be written is an `Err` of the run.
#[allow(clippy::too_many_arguments)]
fn deliver(
    outbox: &mut dyn Outbox,
    journal: &mut Journal,
    lock: Option<&Lock>,
    record: bool,
    envelope: &Envelope,
    job: &Job,
    bytes: &[u8],
    sending: impl Fn() -> Event,
) -> Result<Result<String, SendError>> {
    if let Err(e) = outbox.begin(envelope, bytes) {
        return Ok(Err(e));
    }
    if record {
        if let Err(e) = journal.append(sending()) {
            outbox.abandon();
            return Err(e);
        }
    }
    // Checked after `sending` is on disk: a second send that started since then sees this
    // letter as uncertain and leaves it; one that started before sends it, and this one not.
    // Fatal: journaled as failed (the letter did not go: no final "."), and the run stops.
    if let Some(lock) = lock.filter(|l| !l.still_held()) {
        outbox.abandon();
        return Ok(Err(SendError::Fatal(format!(
            "`{}` was deleted while this send ran, so another cartero may be sending this campaign too; stopped before this letter went, so that no one gets a letter twice: run `cartero status`, then `cartero send` again",
            lock.path().display()
        ))));
    }
    Ok(outbox.finish(&job.stem, bytes))
}

/// The wait before retry number `attempt`: doubling from `base`, never more than a minute.
fn backoff(base: Duration, attempt: u32) -> Duration {
    base.saturating_mul(1 << attempt.saturating_sub(1).min(16))
        .min(Duration::from_secs(60))
}

/// Sends each job in turn, around the journal: `sending` on disk before, the outcome after.
fn deliver_all(
    jobs: &[Job],
    mode: Mode,
    settings: &Settings,
    smtp: Option<&Smtp>,
    outbox: &mut dyn Outbox,
    journal: &mut Journal,
    lock: Option<&Lock>,
) -> Result<Tally> {
    let sender = settings.sender()?;
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // A second Ctrl-C ends at once; the message in flight is then `uncertain`, never lost.
        let _ = signal_hook::flag::register_conditional_shutdown(sig, 130, Arc::clone(&stop));
        let _ = signal_hook::flag::register(sig, Arc::clone(&stop));
    }
    let progress = progress_bar(jobs.len() as u64);
    let interval = smtp.and_then(|s| s.interval);
    let (retries, retry_delay) = smtp.map_or((0, Duration::ZERO), |s| (s.retries, s.retry_delay));
    let record = mode == Mode::Real;
    let mut last_start: Option<Instant> = None;
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
        let (to, mut email) = match mode {
            Mode::ToSelf => (sender.clone(), job.draft.email.clone()),
            _ => (job.draft.to.clone(), job.draft.email.clone()),
        };
        if mode == Mode::ToSelf {
            email.subject = format!("[test] {}", email.subject);
        }
        let now = settings.clock();
        // The same Message-ID `preview` shows, and an uncertain letter's own on a resend; a test
        // letter to yourself gets one of its own.
        let id = match (mode, &job.message_id) {
            (Mode::ToSelf, _) => {
                message_id(sender, &format!("test:{}", job.key), now, settings.salt)
            }
            (_, Some(id)) => id.clone(),
            (_, None) => message_id(sender, &job.key, now, settings.salt),
        };
        let bytes = build_message(sender, &to, &email, now, &id)?.formatted();
        let envelope = Envelope::new(Some(sender.email.clone()), vec![to.email.clone()])
            .context("failed to build the envelope")?;
        let event = |kind: Kind, reply: Option<String>| {
            let mut e = Event::new(settings.clock(), &job.key, kind).hash(&job.hash);
            e.message_id = Some(id.clone());
            e.reply = reply;
            e
        };
        let label = if mode == Mode::ToSelf {
            format!("{} (to yourself)", job.key)
        } else {
            job.key.clone()
        };
        let mut attempt = 0;
        let result = loop {
            let outcome = deliver(
                outbox,
                journal,
                lock,
                record,
                &envelope,
                job,
                &bytes,
                || event(Kind::Sending, None),
            )?;
            match outcome {
                Err(SendError::Transient(why))
                    if attempt < retries && !stop.load(Ordering::SeqCst) =>
                {
                    attempt += 1;
                    progress.println(format!("retrying {} in a moment: {why}", job.key));
                    if !sleep_until(Instant::now() + backoff(retry_delay, attempt), &stop) {
                        break Err(SendError::Transient(why));
                    }
                }
                other => break other,
            }
        };
        match result {
            Ok(reply) => {
                if record {
                    // Losing this line in a power cut leaves the client `uncertain`, never resent;
                    // the next `sending` (or the end of the run) makes it durable.
                    journal.append_lazy(event(Kind::Sent, Some(reply.clone())))?;
                }
                tally.sent += 1;
                progress.println(format!("sent    {label} {}", reply_short(&reply)));
            }
            Err(SendError::Account(why)) => {
                // Not this client's failure: it stays approved, and nothing more is tried now.
                if record {
                    journal.append(event(Kind::Deferred, Some(why.clone())))?;
                }
                progress.println(format!("stopped {label} {why}"));
                tally.stopped = Some(format!(
                    "stopped: the server refused to take more letters from your account ({why}); {}. Nothing more was sent: {} and the letters after it stay approved, and `cartero send` goes on from there, each exactly once",
                    when_to_retry(&why),
                    job.key
                ));
                break;
            }
            Err(SendError::Uncertain(why)) => {
                if record {
                    journal.append(event(Kind::Uncertain, Some(why.clone())))?;
                }
                tally.uncertain.push(if record {
                    format!(
                        "{}: {why}; message {id} may have arrived: it is not sent again unless you pass `--resend {}`",
                        job.key, job.key
                    )
                } else {
                    format!("{}: {why}; a test letter, so nothing is recorded", job.key)
                });
                progress.println(format!("uncertain {label} {why}"));
            }
            Err(err) => {
                if record {
                    let mut e = event(Kind::Failed, Some(err.to_string()));
                    e.permanent = Some(matches!(err, SendError::Permanent(_)));
                    journal.append(e)?;
                }
                tally.failed.push(format!("{}: {err}", job.key));
                progress.println(format!("failed  {label} {err}"));
                if matches!(err, SendError::Fatal(_)) {
                    tally.stopped = Some(format!("stopped: {err}"));
                    break;
                }
            }
        }
        progress.inc(1);
    }
    journal.sync()?;
    progress.finish_and_clear();
    if stop.load(Ordering::SeqCst) && tally.stopped.is_none() {
        tally.stopped = Some(
            "stopped by Ctrl-C (or a stop signal) after the message in flight was recorded".into(),
        );
    }
    Ok(tally)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Real,
    ToSelf,
    DryRun,
}

#[derive(Default)]
struct Tally {
    sent: usize,
    failed: Vec<String>,
    /// The final "." went and no answer came: listed, never retried by themselves.
    uncertain: Vec<String>,
    stopped: Option<String>,
}

fn approved_now(e: &Entry) -> bool {
    match (e.record.as_ref().and_then(|r| r.decision.as_ref()), &e.hash) {
        (Some((Kind::Approved, h)), Some(current)) => h == current,
        _ => false,
    }
}

fn failed_permanently(e: &Entry) -> bool {
    matches!(
        e.record.as_ref().and_then(|r| r.delivery.as_ref()),
        Some(Delivery::Failed {
            permanent: true,
            ..
        })
    )
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

/// A bar on a terminal, plain lines otherwise.
enum Progress {
    Bar(indicatif::ProgressBar),
    Plain,
}

impl Progress {
    fn println(&self, line: String) {
        match self {
            Progress::Bar(b) => b.println(line),
            Progress::Plain => tell!("{line}"),
        }
    }

    fn inc(&self, n: u64) {
        if let Progress::Bar(b) = self {
            b.inc(n)
        }
    }

    fn finish_and_clear(&self) {
        if let Progress::Bar(b) = self {
            b.finish_and_clear()
        }
    }
}

fn progress_bar(len: u64) -> Progress {
    if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(len);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} ({eta} left)")
        {
            bar.set_style(style);
        }
        Progress::Bar(bar)
    } else {
        Progress::Plain
    }
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

//! `cartero send`: each approved draft as its own message over SMTP, exactly once around the
//! journal; now, at `--at`, or day after day within `daily-limit` with `--spread`.

mod deliver;

use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use chrono::{DateTime, FixedOffset, Local};

use crate::mailbox;
use crate::mailbox::copies::{self, Copies};
use crate::outbox::{write_emls, FileOutbox, Outbox, SmtpOutbox};
use crate::report::{self, Countdown, SendSummary, Then};
use crate::secret::Secrets;
use crate::settings::{Confirm, SaveSent, SendRequest, Settings, Smtp};
use crate::state::archive::keep_campaign;
use crate::state::drafts::State;
use crate::state::journal::Journal;
use crate::state::limits::{parse_at, Day};
use crate::state::lock::Lock;
use crate::state::plan::{self, Arrival, Mode, Plan};
use crate::state::survey::Survey;

/// `cartero send`: now, at `--at`, or day after day with `--spread`.
pub fn run(settings: Settings, args: &SendRequest) -> Result<ExitCode> {
    let daily_limit = settings.smtp.as_ref().and_then(|s| s.daily_limit);
    if args.spread && (daily_limit.is_none() || args.mode != Mode::Real) {
        bail!(tr!("cmd-send-spread-needs-limit"));
    }
    if !args.arrived.is_empty() {
        // The user's word, recorded; nothing else is sent by it.
        return settle_arrivals(&settings, args);
    }
    let mut args = args.clone();
    // The password is asked for once, while the person is here: never after a wait.
    let mut secret = Secrets::new(&report::ask_secret);
    if let Some(at) = args.at.clone() {
        if let Some(code) = wait_for_at(&settings, &mut args, &at, &mut secret)? {
            return Ok(code);
        }
    }
    loop {
        let pass = run_once(&settings, &args, false, &mut secret);
        if args.mode == Mode::Real {
            // After the journal, whatever the pass did: also what a crash kept out last time.
            if let Err(e) = keep_campaign(&settings) {
                report::archive_not_written(&e);
            }
        }
        let pass = pass?;
        let next = match (args.spread, pass.held_by_day, pass.stopped) {
            (true, true, false) => next_free(&settings, daily_limit)?,
            _ => None,
        };
        let Some(next) = next else {
            return Ok(pass.code);
        };
        args.confirm = Confirm::Given;
        say!(
            "{}",
            tr!(
                "cmd-send-limit-reached-going-on",
                at = next.format("%Y-%m-%d %H:%M").to_string()
            )
        );
        if !Countdown::until(next, Then::GoOn).wait() {
            tell!("{}", tr!("cmd-send-stopped-waiting-for-day"));
            return Ok(ExitCode::from(1));
        }
    }
}

/// `--arrived`: each uncertain letter the user says arrived is journaled as sent on their word,
/// before anything else; its copy in Sent and its place in the archive follow as for any letter.
fn settle_arrivals(settings: &Settings, args: &SendRequest) -> Result<ExitCode> {
    let _lock = Lock::take(&settings.drafts, "send")?;
    let mut survey = report::survey(settings)?;
    let arrivals = plan::arrivals(&survey, &args.arrived, &args.resend, settings.clock())?;
    let mut journal = Journal::open(&settings.journal_path())?;
    let copies = settings
        .imap
        .as_ref()
        .is_some_and(|i| i.save_sent != SaveSent::Never);
    for a in arrivals {
        match a {
            Arrival::Settled { key, event } => {
                journal.append(event)?;
                report::arrived_on_your_word(&key, copies);
            }
            Arrival::AlreadySent { key } => report::already_sent(&key),
        }
    }
    drop(journal);
    // Their copies in Sent, and their place in the archive, as for any letter that went.
    survey = Survey::take(settings)?;
    let mut secret = Secrets::new(&report::ask_secret);
    if let Some(c) = mailbox_first(&mut survey, &mut secret)? {
        let mut journal = Journal::open(&settings.journal_path())?;
        report::mailbox_after(&finish_copies(c, &mut journal)?);
    }
    if let Err(e) = keep_campaign(settings) {
        report::archive_not_written(&e);
    }
    let waiting = survey
        .entries
        .iter()
        .filter(|e| e.state == State::Approved)
        .count();
    report::after_arrivals(waiting);
    Ok(ExitCode::SUCCESS)
}

/// `--at`: everything that can be found out now is, while the person is here (what will go,
/// their yes, the password, that the server takes the login), then it waits. `Some` exit code
/// when the run ends before sending.
fn wait_for_at(
    settings: &Settings,
    args: &mut SendRequest,
    at: &str,
    secret: &mut Secrets,
) -> Result<Option<ExitCode>> {
    let when = parse_at(at).map_err(anyhow::Error::msg)?;
    if when < Local::now().fixed_offset() - chrono::Duration::minutes(1) {
        bail!(tr!("cmd-send-at-in-the-past", at = at));
    }
    let pass = run_once(settings, args, true, secret)?;
    if !pass.confirmed {
        return Ok(Some(pass.code));
    }
    args.confirm = Confirm::Given;
    if let (Some(smtp), false) = (&settings.smtp, args.mode == Mode::DryRun) {
        // Logged in and out now: a wrong password or port is said before the wait, not after.
        drop(SmtpOutbox::connect(
            smtp,
            secret.smtp(smtp.login().as_ref())?,
        )?);
        if let Some(imap) = settings
            .imap
            .as_ref()
            .filter(|i| i.save_sent != SaveSent::Never)
        {
            let key = secret.imap(&imap.login(), imap.shared(Some(smtp)).as_ref())?;
            mailbox::Mailbox::connect(imap, &key)?.logout();
        }
    }
    if !Countdown::until(when, Then::Send).wait() {
        tell!("{}", tr!("cmd-send-cancelled-waiting"));
        return Ok(Some(ExitCode::from(1)));
    }
    Ok(None)
}

/// When the journal, read anew, lets the next letter go.
fn next_free(settings: &Settings, limit: Option<usize>) -> Result<Option<DateTime<FixedOffset>>> {
    let Some(limit) = limit else { return Ok(None) };
    let (events, _) = Journal::read(&settings.journal_path())?;
    Ok(Day::of(&events, limit, settings.clock()).next_free())
}

/// The run's IMAP session, opened once: before the plan when an uncertain letter or a missing
/// copy waits in the mailbox, else after the confirmation.
fn open_copies(settings: &Settings, survey: &Survey, secret: &mut Secrets) -> Result<Copies> {
    let imap = settings.imap.as_ref().context("no `[imap]`")?;
    let key = secret.imap(&imap.login(), imap.shared(settings.smtp.as_ref()).as_ref())?;
    Copies::open(imap, &key, &survey.events, settings)
        .map_err(|e| e.context(tr!("cmd-send-mailbox-not-opened")))
}

/// A pass with nothing to send says so (and what the mailbox did before).
fn nothing_to_send(survey: &Survey, plan: &Plan, copies: Option<Copies>) -> Pass {
    if let Some(c) = copies {
        report::mailbox_after(&c.logout());
    }
    let sent = survey.entries.iter().filter(|e| e.state.went()).count();
    report::nothing_to_send(sent, plan.unreviewed);
    Pass {
        held_by_day: plan.held_by_day > 0,
        ..Pass::ended(exit_code(plan.left_behind() == 0))
    }
}

/// After the letters: the copies still to make, made; the session closed.
fn finish_copies(mut c: Copies, journal: &mut Journal) -> Result<crate::mailbox::Filing> {
    let finished = c.finish(journal).and_then(|_| journal.sync());
    let filing = c.logout();
    finished.map(|_| filing)
}

/// Before the plan: the uncertain letters looked up in Sent (found = sent, and the survey is
/// taken again) and the copies earlier runs owe, when there are any.
fn mailbox_first<'s>(survey: &mut Survey<'s>, secret: &mut Secrets) -> Result<Option<Copies>> {
    let settings = survey.campaign.settings;
    let Some(imap) = &settings.imap else {
        return Ok(None);
    };
    if !copies::owed_work(survey, imap, true) {
        return Ok(None);
    }
    let mut c = open_copies(settings, survey, secret)?;
    let mut journal = Journal::open(&settings.journal_path())?;
    if c.catch_up(survey, &mut journal, true)? {
        // Uncertain letters found in Sent are sent: the plan is made from that.
        *survey = Survey::take(settings)?;
    }
    journal.sync()?;
    report::mailbox_before(&c.filing);
    Ok(Some(c))
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
fn run_once(
    settings: &Settings,
    args: &SendRequest,
    confirm_only: bool,
    secret: &mut Secrets,
) -> Result<Pass> {
    // The lock comes before reading any state: a send that ends while this one starts must not
    // leave us working from what it had not yet sent.
    let lock = match args.mode {
        Mode::DryRun => None,
        Mode::Real | Mode::ToSelf => Some(Lock::take(&settings.drafts, "send")?),
    };
    let mut survey = report::survey(settings)?;
    for w in &survey.journal_warnings {
        tell!("{}", tr!("cmd-warning", what = w.to_string()));
    }
    let mode = args.mode;
    let mut copies = None;
    if mode == Mode::Real && !confirm_only {
        copies = mailbox_first(&mut survey, secret)?;
    }
    let plan = plan_run(&survey, args, mode)?;
    if plan.jobs.is_empty() {
        return Ok(nothing_to_send(&survey, &plan, copies));
    }
    let smtp = server_for(settings, mode)?;
    if !confirm(&plan, mode, smtp.as_ref(), settings, args.confirm)? {
        tell!("{}", tr!("cmd-send-nothing-sent"));
        return Ok(Pass::ended(ExitCode::SUCCESS));
    }
    if confirm_only {
        return Ok(Pass {
            confirmed: true,
            ..Pass::ended(ExitCode::SUCCESS)
        });
    }
    let mut outbox = open_outbox(smtp.as_ref(), args, settings, secret)?;
    let wants_copies = settings
        .imap
        .as_ref()
        .is_some_and(|i| i.save_sent != SaveSent::Never);
    if copies.is_none() && wants_copies && mode == Mode::Real {
        copies = Some(open_copies(settings, &survey, secret)?);
    }
    deliver(
        settings,
        mode,
        &plan,
        outbox.as_mut(),
        lock.as_ref(),
        copies,
    )
}

/// The SMTP server a run sends through: none for a dry run, else `[smtp]`, which must be there.
fn server_for(settings: &Settings, mode: Mode) -> Result<Option<Smtp>> {
    Ok(match mode {
        Mode::DryRun => None,
        _ => Some(
            settings
                .smtp
                .clone()
                .with_context(|| tr!("cmd-send-no-smtp"))?,
        ),
    })
}

/// The letters of the plan, through the outbox, their copies made; the summary said.
fn deliver(
    settings: &Settings,
    mode: Mode,
    plan: &Plan,
    outbox: &mut dyn Outbox,
    lock: Option<&Lock>,
    mut copies: Option<Copies>,
) -> Result<Pass> {
    let mut journal = Journal::open(&settings.journal_path())?;
    let tally = deliver::Run {
        mode,
        settings,
        outbox,
        journal: &mut journal,
        lock,
        copies: copies.as_mut(),
    }
    .deliver_all(&plan.jobs)?;
    let filing = copies.map(|c| finish_copies(c, &mut journal)).transpose()?;
    ended(mode, plan, tally, outbox, settings, filing)
}

/// The run's summary, said; how the pass ended.
fn ended(
    mode: Mode,
    plan: &Plan,
    tally: deliver::Tally,
    outbox: &dyn Outbox,
    settings: &Settings,
    filing: Option<crate::mailbox::Filing>,
) -> Result<Pass> {
    let summary = SendSummary {
        mode,
        planned: plan.jobs.len(),
        approved: plan.jobs.len() + plan.held + plan.held_by_day,
        left_before: plan.left_behind(),
        uncertain_before: plan.uncertain.len(),
        sent: tally.sent,
        failed: &tally.failed,
        uncertain: &tally.uncertain,
        stopped: tally.stopped.as_deref(),
        through: outbox.describe(),
        sender: settings.sender()?.email.to_string(),
    };
    let behind = report::send_summary(&summary);
    if let Some(filing) = &filing {
        report::mailbox_after(filing);
    }
    if let Some(e) = tally.broken {
        return Err(e);
    }
    Ok(Pass {
        code: exit_code(behind == 0 && tally.stopped.is_none()),
        confirmed: true,
        held_by_day: plan.held_by_day > 0,
        stopped: tally.stopped.is_some(),
    })
}

/// What this run sends and what it holds back: `--limit`, and `daily-limit` for real sends.
fn plan_run<'a>(survey: &'a Survey, args: &SendRequest, mode: Mode) -> Result<Plan<'a>> {
    let mut plan = Plan::of(survey, &args.resend)?;
    report::left_behind(&plan);
    if let Some(limit) = args.limit {
        plan.hold_beyond(limit);
        report::held_by_limit(limit, plan.held);
    }
    let settings = &survey.campaign.settings;
    let daily = settings.smtp.as_ref().and_then(|s| s.daily_limit);
    if let (Some(daily), Mode::Real) = (daily, mode) {
        if let Some(hold) = plan.hold_for_the_day(&survey.events, daily, settings.clock()) {
            report::held_for_the_day(&hold);
        }
    }
    Ok(plan)
}

fn exit_code(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The SMTP server, logged in; or the folder a dry run writes to.
fn open_outbox(
    smtp: Option<&Smtp>,
    args: &SendRequest,
    settings: &Settings,
    secret: &mut Secrets,
) -> Result<Box<dyn Outbox>> {
    Ok(match smtp {
        Some(s) => Box::new(SmtpOutbox::connect(s, secret.smtp(s.login().as_ref())?)?),
        None => {
            let dir = args
                .out
                .clone()
                .unwrap_or_else(|| settings.drafts.join("dry-run"));
            write_emls(&dir, &[])?;
            Box::new(FileOutbox { dir })
        }
    })
}

/// Says what is about to happen and, without `--yes`, asks on the terminal.
fn confirm(
    plan: &Plan,
    mode: Mode,
    smtp: Option<&Smtp>,
    settings: &Settings,
    confirm: Confirm,
) -> Result<bool> {
    let sender = settings.sender()?;
    let whom = match mode {
        Mode::ToSelf => tr!("cmd-send-whom-self", email = sender.email.to_string()),
        Mode::DryRun => tr!("cmd-send-whom-files"),
        Mode::Real => tr!("cmd-send-whom-clients"),
    };
    report::about_to_send(plan.jobs.len(), &whom, smtp, sender, plan.unreviewed);
    if confirm == Confirm::Given || mode == Mode::DryRun {
        return Ok(true);
    }
    let Some(answer) = report::ask(&format!("{} ", tr!("cmd-send-confirm")))? else {
        bail!(tr!("cmd-send-no-terminal"));
    };
    Ok(matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "s" | "si" | "sí"
    ))
}

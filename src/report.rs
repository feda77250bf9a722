//! The one printer: problems, counts, summaries, progress, prompts, the status table and its
//! `--json`. Every line cartero says goes through here, and a closed pipe is never a panic.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset, Local};
use lettre::message::Mailbox;

use crate::diag::{self, Problem};
use crate::domain::campaign::Summary;
use crate::domain::clients::{Circle, Client};
use crate::domain::personal;
use crate::settings::Settings;
use crate::settings::Smtp;
use crate::state::archive::{Letter, Memory};
use crate::state::drafts::Outcome;
use crate::state::drafts::State;
use crate::state::journal::{stamp, Delivery, Proof, Record, SentCopy};
use crate::state::plan::{DayHold, Mode, Plan};
use crate::state::survey::{Entry, Removed, Survey};
use crate::text::{count, display_mailbox, how_long};

/// A line on stdout. A closed pipe (`cartero send | head -1`) is not worth a panic, nor an
/// error that stops a send halfway: what was to be said is dropped, the work goes on.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::report::out(format_args!($($arg)*))
    };
}

/// A line on stderr, as `say!` for stdout.
macro_rules! tell {
    ($($arg:tt)*) => {
        $crate::report::err(format_args!($($arg)*))
    };
}

/// Bytes for another program (a completion script, a manual page), on stdout as they are.
pub fn raw(bytes: &[u8]) {
    noted(std::io::stdout().write_all(bytes));
}

/// `say!`'s line.
pub fn out(line: fmt::Arguments) {
    noted(writeln!(std::io::stdout(), "{line}"));
}

/// `tell!`'s line.
pub fn err(line: fmt::Arguments) {
    noted(writeln!(std::io::stderr(), "{line}"));
}

/// A write that failed for another reason than a closed pipe (a full disk): remembered, so
/// the command ends in an error instead of a "success" with its output cut short.
static LOST: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

fn noted(result: std::io::Result<()>) {
    if let Err(e) = result.and_then(|_| std::io::stdout().flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            if let Ok(mut lost) = LOST.lock() {
                lost.get_or_insert_with(|| e.to_string());
            }
        }
    }
}

/// Why some output could not be written, if it could not.
pub fn output_lost() -> Option<String> {
    LOST.lock().ok().and_then(|l| l.clone())
}

/// Where `review` writes its prompts: stderr, so that stdout stays data.
pub fn prompts() -> impl Write {
    std::io::stderr()
}

/// How many columns the prompts have: the terminal's when stderr is one, 80 otherwise.
pub fn prompt_width() -> usize {
    if !std::io::stderr().is_terminal() {
        return 80;
    }
    terminal_columns().filter(|&c| c >= 20).unwrap_or(80)
}

#[cfg(unix)]
fn terminal_columns() -> Option<usize> {
    // SAFETY: TIOCGWINSZ only writes a `winsize` into the struct handed to it.
    unsafe {
        let mut size: libc::winsize = std::mem::zeroed();
        match libc::ioctl(libc::STDERR_FILENO, libc::TIOCGWINSZ, &mut size) {
            0 => Some(usize::from(size.ws_col)),
            _ => None,
        }
    }
}

#[cfg(not(unix))]
fn terminal_columns() -> Option<usize> {
    None
}

/// Asks on the terminal and reads the answer; `None` when there is no terminal to ask on.
pub fn ask(question: &str) -> Result<Option<String>> {
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let mut stderr = std::io::stderr();
    let _ = write!(stderr, "{question}").and_then(|_| stderr.flush());
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .context("failed to read the answer")?;
    Ok(Some(answer))
}

/// Asks for a secret on the terminal without echoing it; `None` when there is no terminal.
pub fn ask_secret(question: &str) -> Result<Option<String>> {
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    rpassword::prompt_password(question)
        .map(Some)
        .context("failed to read the password")
}

/// The drafts folder surveyed, with the client list's problems said first: when no client is
/// left, that is an error; when some rows are broken, their clients are said to be left out.
pub fn survey(settings: &Settings) -> Result<Survey<'_>> {
    let mut survey = Survey::take(settings)?;
    if survey.campaign.clients.is_empty() && survey.campaign.has_errors() {
        problems(&mut survey.campaign.problems);
        anyhow::bail!("the client list has errors: fix them, then try again");
    }
    if survey.campaign.clients_have_errors() {
        // The rows with errors are left out: say so, or their drafts would silently vanish.
        survey.campaign.problems.retain(|p| p.is_error());
        problems(&mut survey.campaign.problems);
        tell!("warning: the clients on the rows above are left out until the list is fixed (`cartero check`)");
    }
    Ok(survey)
}

/// Prints problems to stderr, errors first; true when there was an error.
pub fn problems(problems: &mut [Problem]) -> bool {
    diag::sort(problems);
    let mut err = std::io::stderr().lock();
    for (first, others) in diag::alike(problems) {
        let _ = writeln!(err, "{first}");
        if !others.is_empty() {
            let _ = writeln!(err, "  the same on {}", some_of(&others, 5));
        }
    }
    problems.iter().any(Problem::is_error)
}

/// The personal share of the drafts as they are on disk, in one line.
pub fn share_summary(survey: &Survey) {
    let shares: Vec<f64> = survey.entries.iter().filter_map(|e| e.share).collect();
    if shares.is_empty() {
        return;
    }
    let mass: Vec<&str> = survey
        .entries
        .iter()
        .filter(|e| e.share.is_some_and(personal::reads_like_mass_mail))
        .map(|e| e.client.name.as_str())
        .collect();
    let no_note = survey
        .entries
        .iter()
        .filter(|e| e.client.note.is_none())
        .count();
    say!(
        "personal share: {:.0}% on average; {} read like a mass mail{}; {no_note} without a personal note",
        shares.iter().sum::<f64>() / shares.len() as f64 * 100.0,
        mass.len(),
        if mass.is_empty() || mass.len() > 10 { String::new() } else { format!(" ({})", mass.join(", ")) }
    );
}

/// `check`'s summary of the campaign, after its problems.
pub fn check_summary(s: &Summary) {
    say!(
        "{} in `{}`",
        tr!("clients-count", count = s.clients),
        s.list
    );
    if let Some(export) = s.read_as.export {
        say!("  read as {export}: name, email, note and company from its own columns");
    }
    let renamed: Vec<String> = s
        .read_as
        .renamed
        .iter()
        .map(|(what, theirs)| format!("{what} ← {theirs}"))
        .collect();
    if !renamed.is_empty() {
        say!("  columns: {}", renamed.join(", "));
    }
    say!(
        "  circles: {} loved, {} ignored, {} hated{}",
        s.circles[0],
        s.circles[1],
        s.circles[2],
        if s.no_affinity > 0 {
            format!(", {} without affinity", s.no_affinity)
        } else {
            String::new()
        }
    );
    if s.no_note.is_empty() {
        say!("  every client has a personal note");
    } else {
        say!(
            "  without a personal note: {} ({})",
            s.no_note.len(),
            some_of(&s.no_note, 10)
        );
    }
    if !s.shares.is_empty() {
        let mean = s.shares.iter().sum::<f64>() / s.shares.len() as f64;
        let mass = s
            .shares
            .iter()
            .filter(|x| personal::reads_like_mass_mail(**x))
            .count();
        say!(
            "  personal share: {:.0}% on average; {mass} of {} emails read like a mass mail",
            mean * 100.0,
            s.shares.len()
        );
    }
}

/// `A, B, C, and 7 more`: the first `n` names, and how many others.
pub fn some_of(names: &[String], n: usize) -> String {
    let shown = names[..names.len().min(n)].join(", ");
    match names.len().saturating_sub(n) {
        0 => shown,
        more => format!("{shown}, and {more} more"),
    }
}

/// One client as `status` shows them: the same row makes the table and the JSON.
#[derive(serde::Serialize)]
pub struct StatusRow<'a> {
    pub index: usize,
    pub email: &'a str,
    pub name: &'a str,
    #[serde(serialize_with = "state_name")]
    pub state: State,
    pub draft: Option<String>,
    #[serde(serialize_with = "three_places")]
    pub personal_share: Option<f64>,
    pub warnings: &'a [String],
    pub message_id: Option<&'a str>,
    pub sent_at: Option<String>,
    /// A copy in the Sent folder: true, false (the copy failed), null (not known).
    pub in_sent_folder: Option<bool>,
    pub replied_at: Option<String>,
    /// How the letter is known to have gone, when not by the server's word: `found-in-sent`,
    /// `answered`, `user-said` (`send --arrived`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proof: Option<&'static str>,
    #[serde(skip)]
    pub copy_failed: Option<&'a str>,
    #[serde(skip)]
    pub waiting: bool,
}

fn three_places<S: serde::Serializer>(
    share: &Option<f64>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&share.map(|x| (x * 1000.0).round() / 1000.0), s)
}

fn state_name<S: serde::Serializer>(state: &State, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(state.as_str())
}

impl<'a> StatusRow<'a> {
    pub fn of(e: &'a Entry) -> StatusRow<'a> {
        let record = e.record.as_ref();
        StatusRow {
            index: e.client.index,
            email: &e.client.email,
            name: &e.client.name,
            state: e.state,
            draft: e.path.as_ref().map(|p| p.display().to_string()),
            personal_share: e.share,
            warnings: &e.warnings,
            message_id: e
                .record
                .as_ref()
                .and_then(|r| r.delivery.as_ref())
                .and_then(Delivery::message_id),
            sent_at: record
                .and_then(|r| r.sent.as_ref())
                .map(|s| stamp::format(&s.at)),
            in_sent_folder: record
                .and_then(|r| r.copy.as_ref())
                .map(|c| matches!(c, SentCopy::Filed { .. })),
            replied_at: record
                .and_then(|r| r.replied.as_ref())
                .map(|a| a.at.to_rfc3339()),
            proof: record
                .and_then(|r| r.sent.as_ref())
                .and_then(|s| match s.proof {
                    Proof::Server => None,
                    Proof::FoundInSent => Some("found-in-sent"),
                    Proof::Answered => Some("answered"),
                    Proof::UserSaid => Some("user-said"),
                }),
            copy_failed: match record.and_then(|r| r.copy.as_ref()) {
                Some(SentCopy::Failed { why }) => Some(why),
                _ => None,
            },
            waiting: e.waiting,
        }
    }
}

/// `status --json`: a stable array of objects, one per client.
pub fn status_json(rows: &[StatusRow]) -> Result<()> {
    say!("{}", serde_json::to_string_pretty(rows)?);
    Ok(())
}

/// `status`: a table, each client's warnings under their row, a count by state, the next step.
pub fn status_table(rows: &[StatusRow], removed: &[Removed]) {
    let width = rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 30);
    say!(
        "{:>4}  {:<9}  {:>8}  {:<width$}  draft",
        "#",
        "state",
        "personal",
        "name"
    );
    for r in rows {
        let share = r
            .personal_share
            .map_or("-".to_string(), |s| format!("{:.0}%", s * 100.0));
        let name: String = r.name.chars().take(width).collect();
        say!(
            "{:>4}  {:<9}  {:>8}  {:<width$}  {}",
            r.index,
            r.state.as_str(),
            share,
            name,
            r.draft.as_deref().unwrap_or("-")
        );
        for w in r.warnings {
            say!("{:>4}  └ {w}", "");
        }
        if let Some(at) = &r.replied_at {
            say!("{:>4}  └ answered on {}", "", at.get(..10).unwrap_or(at));
        }
        if let Some(why) = r.copy_failed {
            say!(
                "{:>4}  └ no copy in Sent yet ({why}); the next `cartero send` tries again",
                ""
            );
        }
    }
    no_longer_on_the_list(removed);
    let counts = status_counts(rows);
    for line in next_step(&counts, rows) {
        say!("{line}");
    }
}

/// Clients the journal knows who are not on the list any more.
fn no_longer_on_the_list(removed: &[Removed]) {
    for r in removed {
        say!(
            "      no longer on the list: {} (draft `{}` kept, not sent{})",
            r.key,
            r.draft.as_deref().unwrap_or("-"),
            if r.approved_unsent {
                "; it was approved"
            } else {
                ""
            }
        );
    }
}

/// The count by state, and of what the clients' lines say (answered, no copy in Sent yet,
/// waiting), in one line; the counts for the next step.
fn status_counts(rows: &[StatusRow]) -> HashMap<State, usize> {
    let mut counts: HashMap<State, usize> = HashMap::new();
    for r in rows {
        *counts.entry(r.state).or_default() += 1;
    }
    let states: Vec<String> = State::ALL
        .iter()
        .filter_map(|s| counts.get(s).map(|n| format!("{n} {}", s.as_str())))
        .collect();
    let mut summary = vec![states.join(", ")];
    let mut also = Vec::new();
    let count_of = |f: fn(&StatusRow) -> bool| rows.iter().filter(|r| f(r)).count();
    for (n, what) in [
        (count_of(|r| r.replied_at.is_some()), "answered"),
        (count_of(|r| r.waiting), "waiting"),
        (
            count_of(|r| r.copy_failed.is_some()),
            "without a copy in Sent yet",
        ),
    ] {
        if n > 0 {
            also.push(format!("{n} {what}"));
        }
    }
    if !also.is_empty() {
        summary.push(also.join(", "));
    }
    say!("{}: {}", count(rows.len(), "client"), summary.join("; "));
    counts
}

/// What to do next, from the states and what the clients' lines say.
/// What to do next, from the states and what the clients' lines say: the first step, and the
/// uncertain letters besides when they are not it (they wait for the user's word whatever else
/// is done).
fn next_step(counts: &HashMap<State, usize>, rows: &[StatusRow]) -> Vec<String> {
    let uncertain = counts.get(&State::Uncertain).copied().unwrap_or(0);
    let no_copy = rows.iter().filter(|r| r.copy_failed.is_some()).count();
    let ask = format!(
        "{} may or may not have arrived (see above): ask those clients, then `cartero send --arrived EMAIL` for each that did, or `cartero send --resend EMAIL` for each that did not",
        count(uncertain, "letter")
    );
    let first = if counts.contains_key(&State::New) {
        "next: `cartero draft` writes the missing drafts".to_string()
    } else if State::ALL
        .iter()
        .any(|s| s.needs_review() && counts.contains_key(s))
    {
        "next: `cartero review` to read and approve the drafts".into()
    } else if counts.contains_key(&State::Approved) || counts.contains_key(&State::Failed) {
        "next: `cartero send --to-self` for a test run, then `cartero send`".into()
    } else if uncertain > 0 {
        return vec![format!("next: {ask}")];
    } else if no_copy > 0 {
        format!(
            "next: {} no copy in your Sent folder yet: `cartero send` makes the copies (it sends no letter again)",
            match no_copy {
                1 => "1 letter has".to_string(),
                n => format!("{n} letters have"),
            }
        )
    } else if counts.contains_key(&State::Sending) {
        "next: a `cartero send` is running; `cartero status` again shows how it went".into()
    } else {
        "nothing waits for you".into()
    };
    match uncertain {
        0 => vec![first],
        _ => vec![first, format!("also: {ask}")],
    }
}

/// What a `send` will not send and why, said before anything goes.
pub fn left_behind(plan: &Plan) {
    for e in &plan.uncertain {
        let id = e
            .record
            .as_ref()
            .and_then(|r| r.delivery.as_ref())
            .and_then(Delivery::message_id)
            .unwrap_or_default();
        tell!(
            "uncertain: {} <{}>: an earlier send was interrupted; message {id} may have arrived. Not sent again: {}",
            e.client.name,
            e.client.email,
            crate::state::survey::how_to_check(&e.client.email)
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

/// A folder cartero did not make holds other `.eml` files: left, and said.
pub fn stale_emls(out: &Path, stale: usize) {
    if stale > 0 {
        tell!(
            "note: `{}` holds {} that cartero did not write there; {} left as {} {}",
            out.display(),
            count(stale, "other .eml file"),
            if stale == 1 { "it was" } else { "they were" },
            if stale == 1 { "it" } else { "they" },
            if stale == 1 { "was" } else { "were" }
        );
    }
}

/// `--limit` held some back.
pub fn held_by_limit(limit: usize, held: usize) {
    if held > 0 {
        tell!(
            "held back by `--limit {limit}`: {}; `cartero send` sends {}",
            count(held, "approved letter"),
            if held == 1 { "it" } else { "them" }
        );
    }
}

/// `daily-limit` held some back.
pub fn held_for_the_day(hold: &DayHold) {
    let from = hold.from.map_or("tomorrow".into(), |t| {
        t.format("%Y-%m-%d %H:%M").to_string()
    });
    tell!(
        "held back by the daily limit ({} letters in 24 hours, {} already sent in the last 24): {} {}; the next may go from {from} (`cartero send` then, or `--spread` to go on by itself)",
        hold.limit,
        hold.sent,
        count(hold.held, "approved letter"),
        if hold.held == 1 { "waits" } else { "wait" }
    );
}

pub fn nothing_to_send(sent: usize, unreviewed: usize) {
    let hint = if unreviewed > 0 {
        "; run `cartero review`"
    } else {
        ""
    };
    say!("nothing to send: {sent} already sent, {unreviewed} waiting for review{hint}");
}

/// What `send` is about to do: how many, to whom, through which server, as whom.
pub fn about_to_send(
    letters: usize,
    whom: &str,
    smtp: Option<&Smtp>,
    sender: &Mailbox,
    unreviewed: usize,
) {
    let server = match smtp {
        Some(s) => format!(
            "{}:{} ({})",
            s.server.host, s.server.port, s.server.security
        ),
        None => "no server (dry run)".into(),
    };
    let unreviewed = match unreviewed {
        0 => String::new(),
        1 => "; 1 draft is still unreviewed and will not go".to_string(),
        n => format!("; {n} drafts are still unreviewed and will not go"),
    };
    tell!(
        "about to send {} {whom}, through {server}, as {}{unreviewed}",
        count(letters, "message"),
        display_mailbox(sender),
    );
    if let Some(rate) = smtp.and_then(|s| s.rate.as_deref()) {
        tell!("at most {rate}");
    }
}

/// How a `send` went, for its summary.
pub struct SendSummary<'a> {
    pub mode: Mode,
    /// Letters this run set out to send.
    pub planned: usize,
    /// Approved letters left behind before anything went.
    pub left_before: usize,
    pub uncertain_before: usize,
    pub sent: usize,
    /// Who the server refused, and its words.
    pub failed: &'a [(String, String)],
    pub uncertain: &'a [String],
    pub stopped: Option<&'a str>,
    pub through: String,
    pub sender: String,
}

/// Says how a `send` went; the count of approved letters that did not go.
pub fn send_summary(s: &SendSummary) -> usize {
    let left = s.planned - s.sent - s.failed.len() - s.uncertain.len();
    let behind = s.left_before + left + s.failed.len() + s.uncertain.len();
    match s.mode {
        Mode::Real => say!(
            "sent {}, failed {}, not attempted {left}, uncertain {} through {}",
            s.sent,
            s.failed.len(),
            s.uncertain_before + s.uncertain.len(),
            s.through
        ),
        Mode::ToSelf => say!(
            "sent {} to {}; nothing is recorded as sent",
            count(s.sent, "test message"),
            s.sender
        ),
        Mode::DryRun => say!(
            "wrote {} to {}; nothing was sent",
            count(s.sent, "message"),
            s.through
        ),
    }
    for (key, why) in s.failed {
        tell!("failed: {key}: {why}");
    }
    for u in s.uncertain {
        tell!("uncertain: {u}");
    }
    if s.mode == Mode::Real && behind > 0 {
        say!(
            "not sent: {} did not go in this run; the reasons are above",
            count(behind, "approved letter")
        );
    }
    if let Some(why) = s.stopped {
        tell!("{why}");
    }
    match s.mode {
        Mode::Real if behind > 0 => {
            say!("next: `cartero status` shows who is left; `cartero send` again sends only what has not gone")
        }
        Mode::Real => say!("next: `cartero status` to see every client's state"),
        _ => say!(
            "next: when the test looks right, `cartero send` sends the {} for real",
            match s.planned {
                1 => "approved draft".to_string(),
                n => format!("{n} approved drafts"),
            }
        ),
    }
    behind
}

/// A bar on a terminal, plain lines otherwise.
pub enum Progress {
    Bar(indicatif::ProgressBar),
    /// Without a bar, each letter's line says how far the run is: `12 of 480`.
    Plain {
        done: std::cell::Cell<u64>,
        len: u64,
    },
}

impl Progress {
    pub fn new(len: u64) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress::Plain {
                done: std::cell::Cell::new(0),
                len,
            };
        }
        let bar = indicatif::ProgressBar::new(len);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} ({eta} left)")
        {
            bar.set_style(style);
        }
        Progress::Bar(bar)
    }

    pub fn println(&self, line: String) {
        match self {
            Progress::Bar(b) => b.println(line),
            Progress::Plain { .. } => tell!("{line}"),
        }
    }

    /// ` 12 of 480  ` for the letter in flight in plain lines (numbers aligned); nothing beside
    /// a bar, which shows it.
    pub fn nth(&self) -> String {
        match self {
            Progress::Bar(_) => String::new(),
            Progress::Plain { done, len } => {
                let width = len.to_string().len();
                format!("{:>width$} of {len}  ", done.get() + 1)
            }
        }
    }

    /// A line while the bar runs; without a bar (a log) it waits for the summary, which says
    /// it once with what to do.
    pub fn live(&self, line: String) {
        if let Progress::Bar(b) = self {
            b.println(line)
        }
    }

    pub fn inc(&self, n: u64) {
        match self {
            Progress::Bar(b) => b.inc(n),
            Progress::Plain { done, .. } => done.set(done.get() + n),
        }
    }

    pub fn finish_and_clear(&self) {
        if let Progress::Bar(b) = self {
            b.finish_and_clear()
        }
    }
}

/// Waiting in the foreground until a time, a countdown on a terminal; Ctrl-C cancels.
pub struct Countdown {
    when: DateTime<FixedOffset>,
    what: &'static str,
}

impl Countdown {
    pub fn until(when: DateTime<FixedOffset>, what: &'static str) -> Countdown {
        Countdown { when, what }
    }

    /// Waits; false if Ctrl-C (or a stop signal) came first.
    pub fn wait(&self) -> bool {
        let stop = Arc::new(AtomicBool::new(false));
        let handlers: Vec<signal_hook::SigId> =
            [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM]
                .into_iter()
                .filter_map(|sig| signal_hook::flag::register(sig, Arc::clone(&stop)).ok())
                .collect();
        let bar = std::io::stderr()
            .is_terminal()
            .then(indicatif::ProgressBar::new_spinner);
        tell!(
            "waiting to {} at {} (this machine's time); Ctrl-C cancels",
            self.what,
            self.when.format("%Y-%m-%d %H:%M:%S")
        );
        let done = loop {
            if stop.load(Ordering::SeqCst) {
                break false;
            }
            let left = (self.when - Local::now().fixed_offset())
                .to_std()
                .unwrap_or_default();
            if left.is_zero() {
                break true;
            }
            if let Some(bar) = &bar {
                bar.set_message(format!("{} left; Ctrl-C cancels", how_long(left)));
                bar.tick();
            }
            std::thread::sleep(left.min(Duration::from_millis(200)));
        };
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        // After the wait, Ctrl-C is what it was before it.
        for id in handlers {
            signal_hook::low_level::unregister(id);
        }
        done
    }
}

/// What `draft` did: conflicts, clients no longer on the list, and the counts.
pub fn draft_outcomes(
    outcomes: &[(usize, Outcome)],
    clients: &[Client],
    records: &HashMap<String, Record>,
    dir: &Path,
) {
    let count_of = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|(_, o)| f(o)).count();
    let written = count_of(|o| matches!(o, Outcome::Written | Outcome::Recreated));
    let refreshed = count_of(|o| matches!(o, Outcome::Refreshed));
    let kept = count_of(|o| matches!(o, Outcome::KeptEdited | Outcome::Conflict(_)));
    let unchanged = count_of(|o| matches!(o, Outcome::Unchanged | Outcome::Untouchable(_)));
    for (i, o) in outcomes {
        if let Outcome::Conflict(new) = o {
            let c = &clients[*i];
            tell!(
                "conflict: `{}` ({}) changed in the client list after you edited the draft; your draft is kept, the new version is in `{}`",
                c.name,
                c.email,
                new.display()
            );
        }
    }
    let on_list: HashSet<&str> = clients.iter().map(|c| c.key.as_str()).collect();
    for (key, record) in records {
        if !on_list.contains(key.as_str()) {
            tell!(
                "note: `{key}` is no longer in the client list; its draft `{}` is kept and will not be sent",
                record.draft.as_deref().unwrap_or("-")
            );
        }
    }
    say!(
        "{} in `{}`: {written} new, {refreshed} refreshed, {kept} edited by you and kept, {unchanged} unchanged",
        count(outcomes.len(), "draft"),
        dir.display()
    );
}

/// `history` before anything was ever sent.
pub fn no_archive_yet(path: &Path) {
    say!(
        "no letters yet: the archive `{}` fills up as `cartero send` sends (or with `cartero archive import DIR`)",
        path.display()
    );
}

/// `history`: each letter, newest first, with its personal part and whether they answered; a
/// letter `alone` in its campaign has no others to tell its personal part from, so its text
/// is shown as it is.
pub fn history(email: &str, letters: &[Letter], alone: &[bool], memories: &[Memory]) {
    if letters.is_empty() {
        say!("no letter to {email} in the archive yet");
    }
    for (i, l) in letters.iter().enumerate() {
        let day = l.sent_at.get(..10).unwrap_or(&l.sent_at);
        let answered = match &l.replied_at {
            Some(at) => format!("answered {}", at.get(..10).unwrap_or(at)),
            None => "no answer recorded".to_string(),
        };
        say!("{day}  {}  ({answered})", l.subject);
        if l.proof.as_deref() == Some("user-said") {
            say!("    (recorded as sent on your word, `cartero send --arrived`: no server confirmed it)");
        }
        let shown = match alone.get(i) {
            Some(true) if !l.body.trim().is_empty() => {
                say!("    (the only letter of its campaign: no other to tell its personal part from; its beginning follows)");
                &l.body
            }
            _ => &l.personal,
        };
        for line in shown.lines().filter(|l| !l.trim().is_empty()).take(4) {
            say!("    {line}");
        }
    }
    if !memories.is_empty() {
        say!("remembered since the last letter:");
        for m in memories {
            say!("  {}  {}", m.at.get(..10).unwrap_or(&m.at), m.text);
        }
    }
}

pub fn history_json(letters: &[Letter]) -> Result<()> {
    say!("{}", serde_json::to_string_pretty(letters)?);
    Ok(())
}

pub fn remembered(email: &str, text: &str, path: &Path) {
    say!("kept for {email}: {text}");
    say!(
        "(in `{}`; `cartero history {email}` shows it until the next letter)",
        path.display()
    );
}

pub fn imported(dir: &Path, found: usize, added: usize, missing: usize, path: &Path) {
    say!(
        "{} sent from `{}`: {added} new in the archive `{}`, {} there already",
        count(found, "letter"),
        dir.display(),
        path.display(),
        found - added
    );
    if missing > 0 {
        tell!(
            "note: {} no draft file left, so {} text could not be kept",
            match missing {
                1 => "1 sent letter has".to_string(),
                n => format!("{n} sent letters have"),
            },
            if missing == 1 { "its" } else { "their" }
        );
    }
}

/// The archive could not take this run's letters: they are safe in the journal.
pub fn archive_not_written(e: &anyhow::Error) {
    tell!("warning: {e:#}; the letters are safe in the journal, and the next `cartero send` adds them to the archive");
}

/// What the mailbox said before the run: uncertain letters found in Sent, or not.
pub fn mailbox_before(f: &crate::mailbox::Filing) {
    for key in &f.resolved {
        tell!(
            "{key}: found in your \"{}\" folder, so the server had taken it: now `sent`, and not sent again",
            crate::mailbox::folder_shown(&f.folder)
        );
    }
    for key in &f.unresolved {
        tell!(
            "{key}: still uncertain: the letter is not in your \"{}\" folder{}. Ask them whether it arrived: if it did, `cartero send --arrived {key}` records it as sent (never sent again); if not, `cartero send --resend {key}` sends it again, with the same Message-ID",
            crate::mailbox::folder_shown(&f.folder),
            match f.server_files {
                Some(false) => " (your server does not keep copies of what it sends, so that proves nothing)",
                _ => "",
            }
        );
    }
}

/// The copies in Sent, after the run.
pub fn mailbox_after(f: &crate::mailbox::Filing) {
    if f.appended + f.found + f.already > 0 {
        let mut parts = Vec::new();
        if f.appended > 0 {
            parts.push(format!("{} put there by cartero", f.appended));
        }
        if f.found > 0 {
            parts.push(format!("{} filed by your server itself", f.found));
        }
        if f.already > 0 {
            parts.push(format!("{} there already", f.already));
        }
        say!(
            "copies in \"{}\": {}",
            crate::mailbox::folder_shown(&f.folder),
            parts.join(", ")
        );
    }
    if !f.failed.is_empty() {
        let full = f.no_room.len() == f.failed.len();
        tell!(
            "{} {} not copied to \"{}\"{} (the letters did go; the next `cartero send` tries the copies again, never the letters):",
            f.failed.len(),
            if f.failed.len() == 1 { "letter was" } else { "letters were" },
            crate::mailbox::folder_shown(&f.folder),
            if full {
                format!(
                    ": your mailbox is full (about {} more room is needed); make room there",
                    size_shown(f.no_room.iter().sum())
                )
            } else {
                String::new()
            }
        );
        for why in &f.failed {
            tell!("  {why}");
        }
    }
}

/// A size as people read it: "35 KB", "1.4 MB" (rounded up: room enough, not almost).
fn size_shown(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    } else {
        format!("{:.1} MB", (bytes.div_ceil(MB / 10)) as f64 / 10.0)
    }
}

/// One sent letter, as `replies` shows it.
pub struct Answer<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub circle: Option<Circle>,
    pub replied_at: Option<String>,
    /// Seen for the first time by this run.
    pub new: bool,
}

/// `replies`: who answered, then who has not, circle by circle.
pub fn replies(answers: &[Answer], new: usize, folders: &[String], looked_at: usize) {
    let folders: Vec<String> = folders
        .iter()
        .map(|f| format!("\"{}\"", crate::mailbox::folder_shown(f)))
        .collect();
    say!(
        "looked at {} in {} (read only: nothing was changed there)",
        count(looked_at, "message"),
        folders.join(", ")
    );
    let mut answered: Vec<&Answer> = answers.iter().filter(|a| a.replied_at.is_some()).collect();
    answered.sort_by(|a, b| a.replied_at.cmp(&b.replied_at));
    say!(
        "answered: {} of {}{}",
        answered.len(),
        answers.len(),
        match new {
            0 => String::new(),
            n => format!(" ({n} new since the last look)"),
        }
    );
    for a in &answered {
        let at = a.replied_at.as_deref().unwrap_or("");
        say!(
            "  {} <{}>  on {}{}",
            a.name,
            a.email,
            at.get(..10).unwrap_or(at),
            if a.new { "  (new)" } else { "" }
        );
    }
    let waiting: Vec<&Answer> = answers.iter().filter(|a| a.replied_at.is_none()).collect();
    if waiting.is_empty() {
        say!("everyone answered");
        return;
    }
    say!("not answered yet, circle by circle:");
    for circle in Circle::ALL.map(Some).into_iter().chain([None]) {
        let names: Vec<String> = waiting
            .iter()
            .filter(|a| a.circle == circle)
            .map(|a| format!("{} <{}>", a.name, a.email))
            .collect();
        if names.is_empty() {
            continue;
        }
        say!(
            "  {} ({}): {}",
            circle.map_or("no circle", Circle::as_str),
            names.len(),
            names.join(", ")
        );
    }
}

/// `--arrived`: an uncertain letter recorded as sent on the user's word.
pub fn arrived_on_your_word(key: &str, copies: bool) {
    if copies {
        tell!("{key}: recorded as sent on your word (`--arrived`): it is not sent again, and goes into your Sent folder and the archive like any letter");
    } else {
        tell!("{key}: recorded as sent on your word (`--arrived`): it is not sent again, and goes into the archive like any letter");
    }
}

/// After `--arrived`, which sends nothing: what else waits.
pub fn after_arrivals(approved: usize) {
    if approved > 0 {
        let (letters, them) = match approved {
            1 => ("1 letter is".to_string(), "it"),
            n => (format!("{n} letters are"), "them"),
        };
        say!("nothing was sent; {letters} approved and not sent yet: `cartero send` sends {them}");
    } else {
        say!("nothing was sent; `cartero status` shows every client's state");
    }
}

/// `--arrived` for a letter already sent.
pub fn already_sent(key: &str) {
    tell!("{key}: that letter is already recorded as sent; nothing to do");
}

/// An uncertain letter the client answered: it arrived.
pub fn arrived_after_all(key: &str) {
    tell!(
        "{key}: answered the letter left uncertain, so it arrived: now `sent`, and not sent again"
    );
}

/// A message that answers a letter of an earlier campaign: kept with that letter in the archive.
pub fn answered_earlier(email: &str, sent_at: &str) {
    say!(
        "{email} answered your letter of {}, not this year's: kept with that letter in the archive",
        sent_at.get(..10).unwrap_or(sent_at)
    );
}

/// The archive could not be read or written while looking for answers to earlier letters.
pub fn archive_not_read(e: &anyhow::Error) {
    tell!("warning: {e:#}; answers to letters of earlier years are not recorded this time");
}

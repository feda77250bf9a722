//! The one printer: problems, counts, summaries, progress, prompts, the status table and its
//! `--json`. Every line cartero says goes through here, and a closed pipe is never a panic.
//! Each area's printer is a file of its own; this one holds the macros, the streams, the
//! prompts and what they share.

use std::fmt;
use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, Result};

use crate::diag::{self, Problem};
use crate::settings::Settings;
use crate::state::survey::Survey;

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

mod archive;
mod check;
mod drafts;
mod mailbox;
mod progress;
mod send;
mod status;

pub use archive::{
    archive_not_written, bounced_last_time, history, history_json, imported, no_archive_yet,
    remembered,
};
pub use check::{check_summary, share_summary};
pub use drafts::draft_outcomes;
pub use mailbox::{
    answered_earlier, archive_not_read, arrived_after_all, mailbox_after, mailbox_before, replies,
    returned, went_after_all, Answer, Returned,
};
pub use progress::{Countdown, Progress, Then};
pub use send::{
    about_to_send, after_arrivals, already_sent, arrived_on_your_word, held_by_limit,
    held_for_the_day, left_behind, nothing_to_send, send_summary, stale_emls, SendSummary,
};
pub use status::{state_shown, status_json, status_table, StatusRow};

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
        .with_context(|| tr!("report-answer-unreadable"))?;
    Ok(Some(answer))
}

/// Asks for a secret on the terminal without echoing it; `None` when there is no terminal.
pub fn ask_secret(question: &str) -> Result<Option<String>> {
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    rpassword::prompt_password(question)
        .map(Some)
        .with_context(|| tr!("report-password-unreadable"))
}

/// The drafts folder surveyed, with the client list's problems said first: when no client is
/// left, that is an error; when some rows are broken, their clients are said to be left out.
pub fn survey(settings: &Settings) -> Result<Survey<'_>> {
    let mut survey = Survey::take(settings)?;
    if survey.no_clients() && survey.campaign.has_errors() {
        problems(&mut survey.campaign.problems);
        anyhow::bail!(tr!("report-list-has-errors"));
    }
    if survey.campaign.clients_have_errors() {
        // The rows with errors are left out: say so, or their drafts would silently vanish.
        survey.campaign.problems.retain(|p| p.is_error());
        problems(&mut survey.campaign.problems);
        tell!("{}", tr!("report-rows-left-out"));
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
            let _ = writeln!(
                err,
                "  {}",
                tr!("report-same-on", places = some_of(&others, 5))
            );
        }
    }
    problems.iter().any(Problem::is_error)
}

/// `A, B, C, and 7 more`: the first `n` names, and how many others.
pub fn some_of(names: &[String], n: usize) -> String {
    let shown = names[..names.len().min(n)].join(", ");
    match names.len().saturating_sub(n) {
        0 => shown,
        more => tr!("report-and-more", shown = shown, more = more),
    }
}

/// How many columns `text` takes on a terminal: one a character, none for a combining accent
/// (the Spanish words of the table are as wide as they read).
pub(crate) fn columns(text: &str) -> usize {
    text.chars()
        .filter(|c| !matches!(*c as u32, 0x0300..=0x036F | 0x200B..=0x200F))
        .count()
}

/// `text` padded with spaces to `width` columns, on the right (`left` true) or on the left.
pub(crate) fn padded(text: &str, width: usize, left: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(columns(text)));
    if left {
        format!("{text}{fill}")
    } else {
        format!("{fill}{text}")
    }
}

/// A circle's name as a person reads it, in this run's language (`status --json` and the
/// templates keep `loved`, `ignored`, `hated`).
pub(crate) fn circle_shown(circle: Option<crate::domain::clients::Circle>) -> String {
    use crate::domain::clients::Circle;
    match circle {
        Some(Circle::Loved) => tr!("report-circle-loved"),
        Some(Circle::Ignored) => tr!("report-circle-ignored"),
        Some(Circle::Hated) => tr!("report-circle-hated"),
        None => tr!("report-circle-none"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English of the catalog is the English cartero always said, word for word, in the
    /// sentences whose shape changes with a number.
    #[test]
    fn english_sentences_with_counts_read_as_before() {
        let about = |unreviewed: usize| {
            tr!(
                "send-about-to",
                count = 2usize,
                whom = "each to its client alone",
                server = "smtp.example.com:465 (tls)",
                sender = "Ana <ana@example.com>",
                unreviewed = unreviewed
            )
        };
        let start = "about to send 2 messages each to its client alone, through smtp.example.com:465 (tls), as Ana <ana@example.com>";
        assert_eq!(about(0), start);
        assert_eq!(
            about(1),
            format!("{start}; 1 draft is still unreviewed and will not go")
        );
        assert_eq!(
            about(3),
            format!("{start}; 3 drafts are still unreviewed and will not go")
        );
        assert_eq!(
            tr!("send-stale-emls", dir = "out", count = 1usize),
            "note: `out` holds 1 other .eml file that cartero did not write there; it was left as it was"
        );
        assert_eq!(
            tr!("archive-without-text", count = 2usize),
            "note: 2 sent letters have no draft file left, so their text could not be kept"
        );
        assert_eq!(
            tr!("send-next-for-real", count = 1usize),
            "next: when the test looks right, `cartero send` sends the approved draft for real"
        );
        assert_eq!(
            some_of(&["a".into(), "b".into(), "c".into()], 2),
            "a, b, and 1 more"
        );
    }

    #[test]
    fn padding_counts_what_a_terminal_shows() {
        assert_eq!(padded("José", 6, true), "José  ");
        assert_eq!(padded("Jose\u{301}", 6, true), "Jose\u{301}  ");
        assert_eq!(padded("8%", 4, false), "  8%");
    }
}

//! `send`'s printer: what will not go and why, what is about to go, how it went, and what
//! `--arrived` recorded.

use std::path::Path;

use lettre::message::Mailbox;

use crate::settings::Smtp;
use crate::state::journal::Delivery;
use crate::state::plan::{DayHold, Mode, Plan};
use crate::text::display_mailbox;

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
            "{}",
            tr!(
                "send-uncertain-before",
                name = &e.client.name,
                email = &e.client.email,
                id = id,
                how = crate::state::survey::how_to_check(&e.client.email)
            )
        );
    }
    for i in &plan.invalid {
        tell!("{}", tr!("send-broken-draft", why = i.to_string()));
    }
    for e in &plan.refused {
        tell!(
            "{}",
            tr!(
                "send-refused-before",
                name = &e.client.name,
                email = &e.client.email
            )
        );
    }
    for key in &plan.off_list {
        tell!("{}", tr!("send-off-list", key = key));
    }
}

/// A folder cartero did not make holds other `.eml` files: left, and said.
pub fn stale_emls(out: &Path, stale: usize) {
    if stale > 0 {
        tell!("{}", tr!("send-stale-emls", dir = out, count = stale));
    }
}

/// `--limit` held some back.
pub fn held_by_limit(limit: usize, held: usize) {
    if held > 0 {
        tell!("{}", tr!("send-held-by-limit", limit = limit, count = held));
    }
}

/// `daily-limit` held some back.
pub fn held_for_the_day(hold: &DayHold) {
    let from = hold.from.map_or(tr!("send-tomorrow"), |t| {
        t.format("%Y-%m-%d %H:%M").to_string()
    });
    tell!(
        "{}",
        tr!(
            "send-held-for-the-day",
            limit = hold.limit,
            sent = hold.sent,
            count = hold.held,
            from = from
        )
    );
}

pub fn nothing_to_send(sent: usize, unreviewed: usize) {
    let line = if unreviewed > 0 {
        tr!("send-nothing-review", sent = sent, unreviewed = unreviewed)
    } else {
        tr!("send-nothing", sent = sent, unreviewed = unreviewed)
    };
    say!("{line}");
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
        None => tr!("send-no-server"),
    };
    tell!(
        "{}",
        tr!(
            "send-about-to",
            count = letters,
            whom = whom,
            server = server,
            sender = display_mailbox(sender),
            unreviewed = unreviewed
        )
    );
    if let Some(rate) = smtp.and_then(|s| s.rate.as_deref()) {
        tell!("{}", tr!("send-at-most", rate = rate));
    }
}

/// How a `send` went, for its summary.
pub struct SendSummary<'a> {
    pub mode: Mode,
    /// Letters this run set out to send.
    pub planned: usize,
    /// Approved letters a real run would send, those `--limit` or the daily limit held back
    /// among them.
    pub approved: usize,
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
    say!("{}", sent_line(s, left));
    for (key, why) in s.failed {
        tell!("{}", tr!("send-failed-one", key = key, why = why));
    }
    for u in s.uncertain {
        tell!("{}", tr!("send-uncertain-one", what = u));
    }
    // Why the run stopped comes before the count that points "above" to it.
    if let Some(why) = s.stopped {
        tell!("{why}");
    }
    if s.mode == Mode::Real && behind > 0 {
        say!("{}", tr!("send-not-sent-behind", count = behind));
    }
    match s.mode {
        Mode::Real if behind > 0 => say!("{}", tr!("send-next-status-left")),
        Mode::Real => say!("{}", tr!("send-next-status")),
        _ => say!("{}", tr!("send-next-for-real", count = s.approved)),
    }
    behind
}

/// The summary's first line: how many went, in each mode's words.
fn sent_line(s: &SendSummary, left: usize) -> String {
    match s.mode {
        Mode::Real => tr!(
            "send-summary-real",
            sent = s.sent,
            failed = s.failed.len(),
            left = left,
            uncertain = s.uncertain_before + s.uncertain.len(),
            through = &s.through
        ),
        Mode::ToSelf => tr!("send-summary-to-self", count = s.sent, sender = &s.sender),
        Mode::DryRun => tr!("send-summary-dry-run", count = s.sent, through = &s.through),
    }
}

/// `--arrived`: an uncertain letter recorded as sent on the user's word.
pub fn arrived_on_your_word(key: &str, copies: bool) {
    if copies {
        tell!("{}", tr!("send-arrived-with-copy", key = key));
    } else {
        tell!("{}", tr!("send-arrived", key = key));
    }
}

/// After `--arrived`, which sends nothing: what else waits.
pub fn after_arrivals(approved: usize) {
    if approved > 0 {
        say!("{}", tr!("send-after-arrivals", count = approved));
    } else {
        say!("{}", tr!("send-after-arrivals-none"));
    }
}

/// `--arrived` for a letter already sent.
pub fn already_sent(key: &str) {
    tell!("{}", tr!("send-already-sent", key = key));
}

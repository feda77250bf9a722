//! `status`'s printer: the table (headings and states in this run's language), each client's
//! lines under their row, the count by state and the next step; and `--json`, which never
//! changes with the language.

use std::collections::HashMap;

use anyhow::Result;

use crate::state::drafts::State;
use crate::state::journal::{stamp, Delivery, Proof, SentCopy};
use crate::state::survey::{Entry, Removed};

use super::{columns, padded};

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
    /// `answered`, `user-said` (`send --arrived`), `notice` (a delivery notice came back).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proof: Option<&'static str>,
    /// The server's reason, when the letter came back (state `bounced`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bounce: Option<&'a str>,
    /// When it came back: the notice's date, RFC 3339.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bounced_at: Option<String>,
    /// The server's words, when a delay notice said the letter is late and still being tried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delay: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delayed_at: Option<String>,
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
        let went = e.state.went();
        let bounced = record.and_then(|r| r.bounced.as_ref()).filter(|_| went);
        let delayed = record
            .and_then(|r| r.delayed.as_ref())
            .filter(|_| went && bounced.is_none());
        StatusRow {
            index: e.client.index,
            email: &e.client.email,
            name: &e.client.name,
            state: e.state,
            draft: e.path.as_ref().map(|p| p.display().to_string()),
            personal_share: e.share,
            warnings: &e.warnings,
            message_id: record
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
                .and_then(|s| proof_name(s.proof)),
            bounce: bounced.map(|b| b.reason.as_str()),
            bounced_at: bounced.map(|b| b.at.to_rfc3339()),
            delay: delayed.map(|d| d.reason.as_str()),
            delayed_at: delayed.map(|d| d.at.to_rfc3339()),
            copy_failed: match record.and_then(|r| r.copy.as_ref()) {
                Some(SentCopy::Failed { why }) => Some(why),
                _ => None,
            },
            waiting: e.waiting,
        }
    }
}

/// How a letter is known to have gone, as `--json` says it; `None` by the server's word.
fn proof_name(proof: Proof) -> Option<&'static str> {
    match proof {
        Proof::Server => None,
        Proof::FoundInSent => Some("found-in-sent"),
        Proof::Answered => Some("answered"),
        Proof::UserSaid => Some("user-said"),
        Proof::Notice => Some("notice"),
    }
}

/// `status --json`: a stable array of objects, one per client.
pub fn status_json(rows: &[StatusRow]) -> Result<()> {
    say!("{}", serde_json::to_string_pretty(rows)?);
    Ok(())
}

/// A state's word for a person (the status table, review), in this run's language (`--json`
/// keeps `State::as_str`).
pub fn state_shown(state: State) -> String {
    state.word()
}

/// `n` clients in a state, as the count line says it: `5 drafted`.
fn state_count(state: State, n: usize) -> String {
    match state {
        State::New => tr!("status-count-new", count = n),
        State::Drafted => tr!("status-count-drafted", count = n),
        State::Edited => tr!("status-count-edited", count = n),
        State::Approved => tr!("status-count-approved", count = n),
        State::Skipped => tr!("status-count-skipped", count = n),
        State::Rejected => tr!("status-count-rejected", count = n),
        State::Sending => tr!("status-count-sending", count = n),
        State::Sent => tr!("status-count-sent", count = n),
        State::Bounced => tr!("status-count-bounced", count = n),
        State::Failed => tr!("status-count-failed", count = n),
        State::Uncertain => tr!("status-count-uncertain", count = n),
        State::Missing => tr!("status-count-missing", count = n),
    }
}

/// The widths of the table's columns: each at least as wide as its heading and its widest
/// word, measured in the columns a terminal gives them.
struct Widths {
    state: usize,
    share: usize,
    name: usize,
}

impl Widths {
    fn of(rows: &[StatusRow], headings: &[String; 4]) -> Widths {
        let state = State::ALL
            .iter()
            .map(|s| columns(&state_shown(*s)))
            .chain([columns(&headings[0])])
            .max()
            .unwrap_or(9);
        let name = rows
            .iter()
            .map(|r| columns(r.name))
            .max()
            .unwrap_or(0)
            .clamp(columns(&headings[2]).min(30), 30);
        Widths {
            state,
            share: columns(&headings[1]).max(5),
            name,
        }
    }
}

/// `status`: a table, each client's warnings under their row, a count by state, the next step.
pub fn status_table(rows: &[StatusRow], removed: &[Removed]) {
    let headings = [
        tr!("status-heading-state"),
        tr!("status-heading-personal"),
        tr!("status-heading-name"),
        tr!("status-heading-draft"),
    ];
    let w = Widths::of(rows, &headings);
    say!(
        "{:>4}  {}  {}  {}  {}",
        "#",
        padded(&headings[0], w.state, true),
        padded(&headings[1], w.share, false),
        padded(&headings[2], w.name, true),
        headings[3]
    );
    for r in rows {
        status_row(r, &w);
    }
    no_longer_on_the_list(removed);
    let counts = status_counts(rows);
    for line in next_step(&counts, rows) {
        say!("{line}");
    }
}

/// One client's row, and the lines under it.
fn status_row(r: &StatusRow, w: &Widths) {
    let share = r
        .personal_share
        .map_or("-".to_string(), |s| format!("{:.0}%", s * 100.0));
    let name: String = r.name.chars().take(w.name).collect();
    say!(
        "{:>4}  {}  {}  {}  {}",
        r.index,
        padded(&state_shown(r.state), w.state, true),
        padded(&share, w.share, false),
        padded(&name, w.name, true),
        r.draft.as_deref().unwrap_or("-")
    );
    for warning in r.warnings {
        say!("{:>4}  └ {warning}", "");
    }
    if let Some(at) = &r.replied_at {
        let day = at.get(..10).unwrap_or(at);
        say!("{:>4}  └ {}", "", tr!("status-answered-on", day = day));
    }
    if let Some(why) = r.copy_failed {
        say!("{:>4}  └ {}", "", tr!("status-no-copy-yet", why = why));
    }
    if let (Some(reason), Some(at)) = (r.bounce, &r.bounced_at) {
        let day = at.get(..10).unwrap_or(at);
        let line = tr!("status-bounced-on", day = day, reason = reason);
        say!("{:>4}  └ {line}", "");
    }
    if let (Some(reason), Some(at)) = (r.delay, &r.delayed_at) {
        let day = at.get(..10).unwrap_or(at);
        say!(
            "{:>4}  └ {}",
            "",
            tr!("status-delayed-on", day = day, reason = reason)
        );
    }
}

/// Clients the journal knows who are not on the list any more.
fn no_longer_on_the_list(removed: &[Removed]) {
    for r in removed {
        let draft = r.draft.as_deref().unwrap_or("-");
        let line = match (&r.sent_on, r.approved_unsent) {
            (Some(day), _) => tr!("status-removed-sent", key = &r.key, day = day),
            (None, true) => tr!("status-removed-approved", key = &r.key, draft = draft),
            (None, false) => tr!("status-removed", key = &r.key, draft = draft),
        };
        say!("      {line}");
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
        .filter_map(|s| counts.get(s).map(|n| state_count(*s, *n)))
        .collect();
    let mut summary = vec![states.join(", ")];
    let count_of = |f: fn(&StatusRow) -> bool| rows.iter().filter(|r| f(r)).count();
    let also: Vec<String> = [
        (count_of(|r| r.replied_at.is_some()), 0),
        (count_of(|r| r.waiting), 1),
        (count_of(|r| r.copy_failed.is_some()), 2),
        (count_of(|r| r.delay.is_some()), 3),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| match what {
        0 => tr!("status-count-answered", count = n),
        1 => tr!("status-count-waiting", count = n),
        2 => tr!("status-count-no-copy", count = n),
        _ => tr!("status-count-delayed", count = n),
    })
    .collect();
    if !also.is_empty() {
        summary.push(also.join(", "));
    }
    say!(
        "{}",
        tr!(
            "status-count",
            clients = tr!("clients-count", count = rows.len()),
            states = summary.join("; ")
        )
    );
    counts
}

/// What to do next, from the states and what the clients' lines say: the first step, and the
/// uncertain letters besides when they are not it (they wait for the user's word whatever else
/// is done).
fn next_step(counts: &HashMap<State, usize>, rows: &[StatusRow]) -> Vec<String> {
    let uncertain = counts.get(&State::Uncertain).copied().unwrap_or(0);
    let no_copy = rows.iter().filter(|r| r.copy_failed.is_some()).count();
    let ask = || tr!("status-ask-uncertain", count = uncertain);
    let first = if counts.contains_key(&State::New) {
        tr!("status-next-draft")
    } else if State::ALL
        .iter()
        .any(|s| s.needs_review() && counts.contains_key(s))
    {
        tr!("status-next-review")
    } else if counts.contains_key(&State::Approved) || counts.contains_key(&State::Failed) {
        tr!("status-next-send")
    } else if uncertain > 0 {
        return vec![tr!("status-next", step = ask())];
    } else if no_copy > 0 {
        tr!("status-next-copies", count = no_copy)
    } else if counts.contains_key(&State::Sending) {
        tr!("status-next-sending")
    } else if let Some(n) = counts.get(&State::Bounced) {
        tr!("status-next-fix-bounced", count = *n)
    } else {
        tr!("status-nothing-waits")
    };
    match uncertain {
        0 => vec![first],
        _ => vec![first, tr!("status-also", step = ask())],
    }
}

//! `draft`'s and `review`'s printer: what drafting did, and review's question.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::domain::clients::Client;
use crate::state::drafts::Outcome;
use crate::state::journal::{Record, Verdict};

/// What `draft` did: conflicts, clients no longer on the list, and the counts.
pub fn draft_outcomes(
    outcomes: &[(usize, Outcome)],
    clients: &[Client],
    records: &HashMap<String, Record>,
    dir: &Path,
) {
    for (i, o) in outcomes {
        if let Outcome::Reopened(verdict) = o {
            let c = &clients[*i];
            let was = match verdict {
                Verdict::Approved => tr!("draft-was-approved"),
                Verdict::Skipped => tr!("draft-was-skipped"),
                Verdict::Rejected => tr!("draft-was-rejected"),
            };
            tell!(
                "{}",
                tr!(
                    "draft-reopened",
                    name = &c.name,
                    email = c.email.to_string(),
                    was = was
                )
            );
        }
        if let Outcome::Conflict(new) = o {
            let c = &clients[*i];
            tell!(
                "{}",
                tr!(
                    "draft-conflict",
                    name = &c.name,
                    email = c.email.to_string(),
                    new = new.display()
                )
            );
        }
    }
    let on_list: HashSet<&str> = clients.iter().map(|c| c.key.as_str()).collect();
    for (key, record) in records {
        if !on_list.contains(key.as_str()) {
            tell!(
                "{}",
                tr!(
                    "draft-off-list",
                    key = key,
                    draft = record.draft.as_deref().unwrap_or("-")
                )
            );
        }
    }
    draft_counts(outcomes, dir);
}

/// `13 drafts in `drafts`: 13 new, 0 refreshed, …`.
fn draft_counts(outcomes: &[(usize, Outcome)], dir: &Path) {
    let count_of = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|(_, o)| f(o)).count();
    let written = count_of(|o| matches!(o, Outcome::Written | Outcome::Recreated));
    let refreshed = count_of(|o| matches!(o, Outcome::Refreshed | Outcome::Reopened(_)));
    let kept = count_of(|o| matches!(o, Outcome::KeptEdited | Outcome::Conflict(_)));
    let unchanged = count_of(|o| matches!(o, Outcome::Unchanged | Outcome::Untouchable(_)));
    say!(
        "{}",
        tr!(
            "draft-summary",
            count = outcomes.len(),
            dir = dir.display(),
            written = written,
            refreshed = refreshed,
            kept = kept,
            unchanged = unchanged
        )
    );
}

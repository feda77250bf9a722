//! The archive's printer: `history`, `remember`, `archive import`, and the archive's troubles.

use std::path::Path;

use anyhow::Result;

use crate::state::archive::{Letter, Memory};

/// `history` before anything was ever sent.
pub fn no_archive_yet(path: &Path) {
    say!("{}", tr!("history-no-archive", path = path));
}

/// `history`: each letter, newest first, with its personal part and whether they answered; a
/// letter `alone` in its campaign has no others to tell its personal part from, so its text
/// is shown as it is.
pub fn history(email: &str, letters: &[Letter], alone: &[bool], memories: &[Memory]) {
    if letters.is_empty() {
        say!("{}", tr!("history-none-to", email = email));
    }
    for (i, l) in letters.iter().enumerate() {
        letter(l, alone.get(i) == Some(&true));
    }
    if !memories.is_empty() {
        say!("{}", tr!("history-remembered"));
        for m in memories {
            // Each line of a memory under the first, and nothing that turns a line around.
            let text = crate::text::clean_text(&m.text).replace('\n', "\n              ");
            say!("  {}  {}", m.at.get(..10).unwrap_or(&m.at), text);
        }
    }
}

/// One letter of `history`: its day, subject, answer, and its first lines.
fn letter(l: &Letter, alone: bool) {
    let day = l.sent_at.get(..10).unwrap_or(&l.sent_at);
    let answered = match (&l.replied_at, &l.bounced_at) {
        (Some(at), _) => tr!("history-answered", day = at.get(..10).unwrap_or(at)),
        (None, Some(at)) => tr!(
            "history-bounced",
            day = at.get(..10).unwrap_or(at),
            reason = l.bounce.as_deref().unwrap_or("")
        ),
        (None, None) => tr!("history-no-answer"),
    };
    say!("{day}  {}  ({answered})", l.subject);
    if l.proof.as_deref() == Some("user-said") {
        say!("    {}", tr!("history-on-your-word"));
    }
    if !l.attachments.is_empty() {
        say!(
            "    {}",
            tr!("history-attachments", files = l.attachments.join("; "))
        );
    }
    let shown = if alone && !l.body.trim().is_empty() {
        say!("    {}", tr!("history-only-letter"));
        &l.body
    } else {
        &l.personal
    };
    for line in shown.lines().filter(|l| !l.trim().is_empty()).take(4) {
        say!("    {line}");
    }
}

pub fn history_json(letters: &[Letter]) -> Result<()> {
    say!("{}", serde_json::to_string_pretty(letters)?);
    Ok(())
}

pub fn remembered(email: &str, text: &str, path: &Path) {
    say!("{}", tr!("history-kept-for", email = email, text = text));
    say!("{}", tr!("history-kept-where", path = path, email = email));
}

pub fn imported(dir: &Path, found: usize, added: usize, missing: usize, path: &Path) {
    say!(
        "{}",
        tr!(
            "archive-imported",
            count = found,
            dir = dir,
            added = added,
            path = path,
            there = found - added
        )
    );
    if missing > 0 {
        tell!("{}", tr!("archive-without-text", count = missing));
    }
}

/// `init --from-archive`: a client whose last letter came back, so the user fixes the address.
pub fn bounced_last_time(name: &str, email: &str, at: &str, reason: &str) {
    let day = at.get(..10).unwrap_or(at);
    tell!(
        "{}",
        tr!(
            "init-bounced",
            name = name,
            email = email,
            day = day,
            reason = reason
        )
    );
}

/// The archive could not take this run's letters: they are safe in the journal.
pub fn archive_not_written(e: &anyhow::Error) {
    tell!("{}", tr!("archive-not-written", error = format!("{e:#}")));
}

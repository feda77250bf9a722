//! The mailbox's printer: uncertain letters looked for in Sent, the copies filed there, and
//! `replies` (who answered, who has not, circle by circle).

use crate::domain::clients::Circle;
use crate::mailbox::{folder_shown, Filing};

use super::circle_shown;

/// What the mailbox said before the run: uncertain letters found in Sent, or not.
pub fn mailbox_before(f: &Filing) {
    let folder = folder_shown(&f.folder);
    for key in &f.resolved {
        tell!(
            "{}",
            tr!("mailbox-found-in-sent", key = key, folder = &folder)
        );
    }
    for key in &f.unresolved {
        let line = match f.server_files {
            Some(false) => tr!(
                "mailbox-still-uncertain-no-copies",
                key = key,
                folder = &folder
            ),
            _ => tr!("mailbox-still-uncertain", key = key, folder = &folder),
        };
        tell!("{line}");
    }
}

/// The copies in Sent, after the run.
pub fn mailbox_after(f: &Filing) {
    let folder = folder_shown(&f.folder);
    if f.appended + f.found + f.already > 0 {
        let mut parts = Vec::new();
        if f.appended > 0 {
            parts.push(tr!("mailbox-copies-appended", count = f.appended));
        }
        if f.found > 0 {
            parts.push(tr!("mailbox-copies-found", count = f.found));
        }
        if f.already > 0 {
            parts.push(tr!("mailbox-copies-already", count = f.already));
        }
        say!(
            "{}",
            tr!("mailbox-copies", folder = &folder, parts = parts.join(", "))
        );
    }
    if !f.failed.is_empty() {
        let line = if f.no_room.len() == f.failed.len() {
            tr!(
                "mailbox-not-copied-full",
                count = f.failed.len(),
                folder = &folder,
                room = size_shown(f.no_room.iter().sum())
            )
        } else {
            tr!(
                "mailbox-not-copied",
                count = f.failed.len(),
                folder = &folder
            )
        };
        tell!("{line}");
        for why in &f.failed {
            tell!("  {why}");
        }
    }
}

/// A size as people read it: "35 KB", "1.4 MB" (rounded up: room enough, not almost).
fn size_shown(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        tr!("mailbox-size-kb", size = bytes.div_ceil(1024).max(1))
    } else {
        let tenths = bytes.div_ceil(MB / 10);
        tr!("mailbox-size-mb", whole = tenths / 10, tenth = tenths % 10)
    }
}

/// One sent letter, as `replies` shows it.
#[derive(Clone)]
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
        .map(|f| format!("\"{}\"", folder_shown(f)))
        .collect();
    say!(
        "{}",
        tr!(
            "mailbox-looked-at",
            count = looked_at,
            folders = folders.join(", ")
        )
    );
    let mut answered: Vec<&Answer> = answers.iter().filter(|a| a.replied_at.is_some()).collect();
    answered.sort_by(|a, b| a.replied_at.cmp(&b.replied_at));
    let line = match new {
        0 => tr!(
            "mailbox-answered",
            count = answered.len(),
            total = answers.len()
        ),
        n => tr!(
            "mailbox-answered-new",
            count = answered.len(),
            total = answers.len(),
            new = n
        ),
    };
    say!("{line}");
    for a in &answered {
        let at = a.replied_at.as_deref().unwrap_or("");
        let day = at.get(..10).unwrap_or(at);
        let line = if a.new {
            tr!(
                "mailbox-answer-new",
                name = a.name,
                email = a.email,
                day = day
            )
        } else {
            tr!("mailbox-answer", name = a.name, email = a.email, day = day)
        };
        say!("  {line}");
    }
    not_answered(answers);
}

/// Who has not answered yet, circle by circle; or that everyone did.
fn not_answered(answers: &[Answer]) {
    let waiting: Vec<&Answer> = answers.iter().filter(|a| a.replied_at.is_none()).collect();
    if waiting.is_empty() {
        say!("{}", tr!("mailbox-everyone-answered"));
        return;
    }
    say!("{}", tr!("mailbox-not-answered-yet"));
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
            circle_shown(circle),
            names.len(),
            names.join(", ")
        );
    }
}

/// What a delivery notice said of a letter: the server's reason, and the day.
#[derive(Debug, Clone)]
pub struct Returned {
    pub reason: String,
    pub day: String,
}

/// `  (new)` after a notice this look found first.
fn new_mark(a: &Answer) -> String {
    match a.new {
        true => format!("  {}", tr!("bounce-new")),
        false => String::new(),
    }
}

/// `replies`, after the answers: the letters that came back (the address does not work), the
/// letters still late, and the notices about no letter of this campaign. Nothing when there
/// were none.
pub fn returned(bounced: &[(Answer, Returned)], delayed: &[(Answer, Returned)], ignored: usize) {
    if !bounced.is_empty() {
        say!("{}", tr!("bounce-came-back", count = bounced.len()));
        for (a, r) in bounced {
            let line = tr!(
                "bounce-one",
                name = a.name,
                email = a.email,
                day = &r.day,
                reason = &r.reason
            );
            say!("  {line}{}", new_mark(a));
        }
        say!("{}", tr!("bounce-fix-the-address"));
    }
    if !delayed.is_empty() {
        say!("{}", tr!("bounce-delayed", count = delayed.len()));
        for (a, r) in delayed {
            let line = tr!(
                "bounce-delayed-one",
                name = a.name,
                email = a.email,
                day = &r.day,
                reason = &r.reason
            );
            say!("  {line}{}", new_mark(a));
        }
    }
    if ignored > 0 {
        say!("{}", tr!("bounce-about-no-letter", count = ignored));
    }
}

/// An uncertain letter a delivery notice came back about: the server had taken it.
pub fn went_after_all(key: &str) {
    tell!("{}", tr!("bounce-went-after-all", key = key));
}

/// An uncertain letter the client answered: it arrived.
pub fn arrived_after_all(key: &str) {
    tell!("{}", tr!("mailbox-arrived-after-all", key = key));
}

/// A message that answers a letter of an earlier campaign: kept with that letter in the archive.
pub fn answered_earlier(email: &str, sent_at: &str) {
    say!(
        "{}",
        tr!(
            "mailbox-answered-earlier",
            email = email,
            day = sent_at.get(..10).unwrap_or(sent_at)
        )
    );
}

/// The archive could not be read or written while looking for answers to earlier letters.
pub fn archive_not_read(e: &anyhow::Error) {
    tell!("{}", tr!("archive-not-read", error = format!("{e:#}")));
}

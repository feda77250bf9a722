//! The drafts folder: one editable `NNNN-slug.txt` per client; writing them, reading them back,
//! and telling what state each client is in.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, Result};
use lettre::message::Mailbox;

use crate::domain::campaign::Campaign;
use crate::domain::clients::Client;
use crate::text::clean_line;
use crate::domain::compose::Email;
use crate::state::journal::{self, Delivery, Event, Journal, Kind, Record};
use crate::domain::message::draft_text;
use crate::settings::Settings;

/// A draft file read back: what will be sent if it is approved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub to: Mailbox,
    pub email: Email,
}

/// Reads a draft's text; the error says what to fix in the file.
pub fn parse(text: &str) -> Result<Draft, String> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let (head, body) = match text.split_once("\n\n") {
        Some((h, b)) => (h, b),
        None => {
            return Err(
                "there is no blank line between the `To:`/`Subject:` lines and the body".into(),
            )
        }
    };
    let mut to = None;
    let mut subject = None;
    let mut reply_to = None;
    for (i, line) in head.lines().enumerate() {
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("line {} is not a header like `Subject: …`", i + 1));
        };
        let value = clean_line(value);
        match name.trim().to_ascii_lowercase().as_str() {
            "to" => {
                to = Some(Mailbox::from_str(&value).map_err(|_| {
                    format!("`To: {value}` is not one address like `Name <name@example.com>`")
                })?)
            }
            "subject" => subject = Some(value),
            "reply-to" if value.is_empty() => {}
            "reply-to" => {
                reply_to = Some(
                    Mailbox::from_str(&value)
                        .map_err(|_| format!("`Reply-To: {value}` is not an address"))?,
                )
            }
            "cc" | "bcc" => {
                return Err(format!(
                    "`{name}:` is not allowed: each email goes to its client alone; remove the line"
                ))
            }
            other => {
                return Err(format!(
                "unknown header `{other}:`: a draft has `To:`, `Subject:` and maybe `Reply-To:`"
            ))
            }
        }
    }
    let to = to.ok_or("there is no `To:` line")?;
    let subject = subject
        .filter(|s| !s.is_empty())
        .ok_or("there is no `Subject:` line, or it is empty")?;
    Ok(Draft {
        to,
        email: Email {
            subject,
            reply_to,
            body: body.to_string(),
        },
    })
}

/// Checks a draft for a client: it parses and still goes to that client's address.
pub fn validate(text: &str, client_key: &str) -> Result<Draft, String> {
    let draft = parse(text)?;
    if crate::domain::clients::address_key(&draft.to.email) != client_key {
        return Err(format!(
            "the `To:` line is `{}`, not this client's address `{client_key}`: a draft goes to its own client",
            draft.to.email
        ));
    }
    Ok(draft)
}

/// A draft file as it is on disk: what the user wrote, and the hash approvals bind to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftFile {
    /// The text, decoded from `encoding` when the file was not UTF-8.
    pub text: String,
    /// The hash of `text`: when the file was not UTF-8, of the decoded text, which is what is
    /// shown, approved and sent.
    pub hash: String,
    /// The encoding the file was read as when it was not UTF-8 (`windows-1252`, `UTF-16LE`).
    pub encoding: Option<&'static str>,
}

impl DraftFile {
    pub fn from_bytes(bytes: Vec<u8>) -> DraftFile {
        let (text, encoding) = decode(bytes);
        DraftFile {
            hash: journal::hash(&text),
            text,
            encoding,
        }
    }

    /// The warning a draft read as `encoding` (not UTF-8) gets.
    pub fn encoding_warning(encoding: &str) -> String {
        format!(
            "this draft is not saved as UTF-8; it was read as {encoding} (as some Windows editors save it): check its accents, then save it as UTF-8"
        )
    }
}

/// A draft's bytes as text. Not UTF-8 is still the user's edit: UTF-16 when it has a byte-order
/// mark (Notepad's "Unicode"), otherwise Windows-1252, which decodes every byte.
fn decode(bytes: Vec<u8>) -> (String, Option<&'static str>) {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return (text, None),
        Err(e) => e.into_bytes(),
    };
    let encoding = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((e, _)) if e != encoding_rs::UTF_8 => e,
        _ => encoding_rs::WINDOWS_1252,
    };
    let (text, used, _) = encoding.decode(&bytes);
    (text.into_owned(), Some(used.name()))
}

/// Reads a draft file (or a `.new` beside it): `None` only when there is no such file. A file
/// that is there but cannot be read is an error, never "missing": taking it for missing would
/// let `draft` write over what the user wrote.
pub fn read_draft(path: &Path) -> Result<Option<DraftFile>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(DraftFile::from_bytes(bytes))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(_) if path.is_dir() => Err(anyhow::anyhow!(
            "`{}` is a folder, where cartero keeps a draft file: move the folder elsewhere and try again",
            path.display()
        )),
        Err(e) => Err(anyhow::anyhow!(
            "cannot read `{}` ({e}): make it readable again (for example `chmod u+rw {}`) and try again; cartero leaves it as it is and writes nothing over it",
            path.display(),
            shell_words::quote(&path.display().to_string())
        )),
    }
}

/// Where a client stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// On the list, never drafted.
    New,
    Drafted,
    Edited,
    Approved,
    Skipped,
    Rejected,
    Sending,
    Sent,
    Failed,
    Uncertain,
    /// The journal knows a draft the folder no longer has.
    Missing,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::New => "new",
            State::Drafted => "drafted",
            State::Edited => "edited",
            State::Approved => "approved",
            State::Skipped => "skipped",
            State::Rejected => "rejected",
            State::Sending => "sending",
            State::Sent => "sent",
            State::Failed => "failed",
            State::Uncertain => "uncertain",
            State::Missing => "missing",
        }
    }

    /// Waiting for a person's decision in `review`.
    pub fn needs_review(self) -> bool {
        matches!(self, State::Drafted | State::Edited | State::Skipped)
    }

    pub const ALL: [State; 11] = [
        State::New,
        State::Drafted,
        State::Edited,
        State::Skipped,
        State::Approved,
        State::Rejected,
        State::Sending,
        State::Sent,
        State::Failed,
        State::Uncertain,
        State::Missing,
    ];
}

/// A client's state from the journal's record and the hash of the draft file as it is now.
pub fn state_of(record: Option<&Record>, current: Option<&str>, send_running: bool) -> State {
    let Some(r) = record.filter(|r| r.draft.is_some()) else {
        return State::New;
    };
    if r.sent.is_some() {
        return State::Sent;
    }
    match r.delivery {
        Some(Delivery::Pending { .. }) if send_running => return State::Sending,
        Some(Delivery::Pending { .. } | Delivery::Uncertain { .. }) => return State::Uncertain,
        _ => {}
    }
    let Some(current) = current else {
        return State::Missing;
    };
    if let Some((kind, hash)) = &r.decision {
        if hash == current {
            if let Some(Delivery::Failed { .. }) = r.delivery {
                return State::Failed;
            }
            return match kind {
                Kind::Approved => State::Approved,
                Kind::Rejected => State::Rejected,
                _ => State::Skipped,
            };
        }
    }
    if r.written.as_deref() == Some(current) {
        State::Drafted
    } else {
        State::Edited
    }
}

/// Where a conflicting fresh render goes: `0003-lucia.txt.new`, unless that file holds something
/// other than cartero's last render there (the user merged into it): then `.new2`, `.new3`…
pub fn conflict_path(path: &Path, last_render: Option<&str>) -> Result<PathBuf> {
    for n in 1.. {
        let mut s = path.as_os_str().to_os_string();
        s.push(if n == 1 {
            ".new".to_string()
        } else {
            format!(".new{n}")
        });
        let candidate = PathBuf::from(s);
        match read_draft(&candidate)? {
            None => return Ok(candidate),
            Some(f) if Some(f.hash.as_str()) == last_render => return Ok(candidate),
            Some(_) => continue,
        }
    }
    unreachable!()
}

/// Writes a file whole or not at all: a crash never leaves half a draft.
pub fn write_atomic(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("tmp~");
    let mut f = std::fs::File::create(&tmp)
        .with_context(|| format!("failed to write `{}`", tmp.display()))?;
    f.write_all(text.as_bytes())
        .and_then(|_| f.sync_all())
        .with_context(|| format!("failed to write `{}`", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("failed to write `{}`", path.display()))
}

/// What `draft` did for one client.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Written,
    Refreshed,
    Unchanged,
    KeptEdited,
    Conflict(PathBuf),
    Recreated,
    Untouchable(State),
}

/// `cartero draft`: a draft per client, never overwriting one the user edited.
pub fn run(settings: Settings) -> Result<std::process::ExitCode> {
    use std::process::ExitCode;
    let mut campaign = Campaign::load(settings)?;
    let rendered = campaign.render_all();
    if crate::commands::report(&mut campaign.problems) {
        tell!("no draft was written: fix the errors above first");
        return Ok(ExitCode::from(1));
    }
    let dir = campaign.settings.drafts.clone();
    let _lock = crate::state::lock::Lock::take(&dir, "draft")?;
    let mut journal = Journal::open(&campaign.settings.journal_path())?;
    for w in &journal.warnings {
        tell!("warning: {w}");
    }
    let records = journal::fold(&journal.events);
    let taken: HashSet<String> = records.values().filter_map(|r| r.draft.clone()).collect();
    let now = campaign.settings.now;
    let mut outcomes: Vec<(usize, Outcome)> = Vec::new();
    for (i, (client, r)) in campaign.clients.iter().zip(&rendered).enumerate() {
        let Some(r) = r else { continue };
        let text = draft_text(&client.mailbox, &r.email);
        let hash = journal::hash(&text);
        let record = records.get(&client.key);
        let drafted = |name: &str| {
            let mut e = Event::new(now, &client.key, Kind::Drafted).hash(&hash);
            e.draft = Some(name.to_string());
            e
        };
        let outcome = match record.and_then(|r| r.draft.clone().map(|d| (r, d))) {
            None => {
                let (name, holds_it) = free_name(&dir, &taken, client, &hash)?;
                if !holds_it {
                    write_atomic(&dir.join(&name), &text)?;
                }
                let first = format!(
                    "{}.txt",
                    crate::text::file_stem(client.index, &client.name, &client.email)
                );
                if name != first && !taken.contains(&first) {
                    tell!(
                        "note: `{}` was already there and the journal does not know it (was `journal.jsonl` moved or deleted?); it is kept as it is, and the draft cartero will use for {} is `{name}`: copy anything you wrote into it",
                        dir.join(&first).display(),
                        client.email
                    );
                }
                journal.append_lazy(drafted(&name))?;
                Outcome::Written
            }
            Some((record, name)) => {
                let path = dir.join(&name);
                let current = read_draft(&path)
                    .with_context(|| {
                        format!(
                            "failed to read the draft of `{}` ({})",
                            client.name, client.email
                        )
                    })?
                    .map(|f| f.hash);
                match state_of(Some(record), current.as_deref(), false) {
                    s @ (State::Sent | State::Uncertain | State::Sending) => {
                        Outcome::Untouchable(s)
                    }
                    _ if current.is_none() => {
                        write_atomic(&path, &text)?;
                        journal.append_lazy(drafted(&name))?;
                        Outcome::Recreated
                    }
                    _ if current == record.written => {
                        if record.written.as_deref() == Some(hash.as_str()) {
                            Outcome::Unchanged
                        } else {
                            write_atomic(&path, &text)?;
                            journal.append_lazy(drafted(&name))?;
                            Outcome::Refreshed
                        }
                    }
                    // The file already holds this very render (cartero wrote it, then stopped
                    // before journaling it): adopt it rather than call it the user's edit.
                    _ if current.as_deref() == Some(hash.as_str()) => {
                        journal.append_lazy(drafted(&name))?;
                        Outcome::Refreshed
                    }
                    _ if record.render.as_deref() == Some(hash.as_str()) => Outcome::KeptEdited,
                    _ => {
                        let new = conflict_path(&path, record.render.as_deref())?;
                        write_atomic(&new, &text)?;
                        let mut e = Event::new(now, &client.key, Kind::Conflict).hash(&hash);
                        e.draft = new.file_name().map(|n| n.to_string_lossy().into_owned());
                        journal.append_lazy(e)?;
                        Outcome::Conflict(new)
                    }
                }
            }
        };
        outcomes.push((i, outcome));
    }
    journal.sync()?;

    let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|(_, o)| f(o)).count();
    let written = count(|o| matches!(o, Outcome::Written | Outcome::Recreated));
    let refreshed = count(|o| matches!(o, Outcome::Refreshed));
    let kept = count(|o| matches!(o, Outcome::KeptEdited | Outcome::Conflict(_)));
    let unchanged = count(|o| matches!(o, Outcome::Unchanged | Outcome::Untouchable(_)));
    for (i, o) in &outcomes {
        if let Outcome::Conflict(new) = o {
            let c = &campaign.clients[*i];
            tell!(
                "conflict: `{}` ({}) changed in the client list after you edited the draft; your draft is kept, the new version is in `{}`",
                c.name,
                c.email,
                new.display()
            );
        }
    }
    let on_list: HashSet<&str> = campaign.clients.iter().map(|c| c.key.as_str()).collect();
    for (key, record) in &records {
        if !on_list.contains(key.as_str()) {
            tell!(
                "note: `{key}` is no longer in the client list; its draft `{}` is kept and will not be sent",
                record.draft.as_deref().unwrap_or("-")
            );
        }
    }
    say!(
        "{} in `{}`: {written} new, {refreshed} refreshed, {kept} edited by you and kept, {unchanged} unchanged",
        crate::text::count(outcomes.len(), "draft"),
        dir.display()
    );
    drop(journal);
    let survey = crate::state::survey::Survey::take(campaign.settings.clone())?;
    crate::state::survey::print_share_summary(&survey);
    say!("next: read them with `cartero review` (or open them in any editor first)");
    Ok(ExitCode::SUCCESS)
}

/// `NNNN-slug.txt`, unless another client's draft already has that name; true when the file is
/// there already holding exactly this render.
fn free_name(
    dir: &Path,
    taken: &HashSet<String>,
    client: &Client,
    hash: &str,
) -> Result<(String, bool)> {
    let stem = crate::text::file_stem(client.index, &client.name, &client.email);
    for n in 1.. {
        let name = if n == 1 {
            format!("{stem}.txt")
        } else {
            format!("{stem}-{n}.txt")
        };
        let path = dir.join(&name);
        if taken.contains(&name) {
            continue;
        }
        // A file no journal line claims is ours only if it holds exactly this render
        // (a crash between writing it and journaling it); anything else is somebody's.
        match read_draft(&path)? {
            None => return Ok((name, false)),
            Some(f) if f.hash == hash => return Ok((name, true)),
            Some(_) => continue,
        }
    }
    unreachable!()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_parse_back() {
        let d = parse("To: Ana <ana@example.com>\nSubject: Hola\n\nCuerpo\n").unwrap();
        assert_eq!(d.to.email.to_string(), "ana@example.com");
        assert_eq!(d.email.body, "Cuerpo\n");
        assert!(validate(
            "To: Ana <ana@example.com>\nSubject: Hola\n\nx",
            "bo@example.com"
        )
        .is_err());
        assert!(parse("Subject: Hola\n\nCuerpo")
            .unwrap_err()
            .contains("To:"));
        assert!(parse("To: a@example.com\nBcc: b@example.com\nSubject: x\n\nb").is_err());
    }

    #[test]
    fn drafts_not_in_utf8_are_decoded_not_lost() {
        let f = DraftFile::from_bytes(b"To: a@example.com\nSubject: x\n\nJos\xe9\n".to_vec());
        assert_eq!(
            (f.text.as_str(), f.encoding),
            (
                "To: a@example.com\nSubject: x\n\nJos\u{e9}\n",
                Some("windows-1252")
            )
        );
        assert_eq!(f.hash, journal::hash(&f.text));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Jos\u{e9}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let f = DraftFile::from_bytes(utf16);
        assert_eq!(
            (f.text.as_str(), f.encoding),
            ("Jos\u{e9}", Some("UTF-16LE"))
        );
        let f = DraftFile::from_bytes("\u{feff}Jos\u{e9}".as_bytes().to_vec());
        assert_eq!((f.text.as_str(), f.encoding), ("\u{feff}Jos\u{e9}", None));
    }

    #[test]
    fn only_an_absent_draft_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_draft(&dir.path().join("nope.txt")).unwrap(), None);
        let err = read_draft(dir.path()).unwrap_err().to_string();
        assert!(err.contains("is a folder"), "{err}");
    }

    #[test]
    fn approval_binds_to_content() {
        let r = Record {
            draft: Some("0001-a.txt".into()),
            written: Some("h1".into()),
            render: Some("h1".into()),
            decision: Some((Kind::Approved, "h1".into())),
            ..Record::default()
        };
        assert_eq!(state_of(Some(&r), Some("h1"), false), State::Approved);
        assert_eq!(state_of(Some(&r), Some("h2"), false), State::Edited);
        assert_eq!(state_of(Some(&r), None, false), State::Missing);
    }
}

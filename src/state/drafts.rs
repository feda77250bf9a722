//! The drafts folder: one editable `NNNN-slug.txt` per client; writing them, reading them back,
//! and telling what state each client is in.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::domain::letter::{self, FileProblem};
use crate::domain::message::parse;
use crate::state::journal::{self, Decision, Delivery, Record, Verdict};

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
    /// What an approval binds to when the letter carries files: the text and every file's
    /// bytes (`bind`), so a file changed after approval sends it back to review. `None`: the
    /// text alone (`bound()`).
    bound: Option<String>,
    /// A file the letter names that cannot be read: the letter cannot go as it is.
    pub unreadable: Option<Box<FileProblem>>,
}

impl DraftFile {
    pub fn from_bytes(bytes: Vec<u8>) -> DraftFile {
        let (text, encoding) = decode(bytes);
        let hash = journal::hash(&text);
        DraftFile {
            bound: None,
            hash,
            text,
            encoding,
            unreadable: None,
        }
    }

    /// Binds the draft to the files its letter names, read from `base` (the campaign folder).
    pub fn bind(mut self, base: &Path) -> DraftFile {
        let Ok(draft) = parse(&self.text) else {
            return self;
        };
        if letter::named(&draft.email).is_empty() {
            return self;
        }
        match letter::load(&draft.email, base) {
            Ok(files) => self.bound = Some(letter::bound_hash(&self.text, &files)),
            Err(problem) => {
                // Never the hash of an approval: the file is not there to be approved.
                self.bound = Some(format!("unreadable:{}", problem.name));
                self.unreadable = Some(Box::new(problem));
            }
        }
        self
    }

    /// What an approval of this draft binds to: its text, and its letter's files if any.
    pub fn bound(&self) -> &str {
        self.bound.as_deref().unwrap_or(&self.hash)
    }

    /// As `bound`, kept only when it is not the text's hash.
    pub fn own_bound(&self) -> Option<&String> {
        self.bound.as_ref()
    }

    /// The warning a draft read as `encoding` (not UTF-8) gets.
    pub fn encoding_warning(encoding: &str) -> String {
        tr!("state-draft-not-utf8", encoding = encoding)
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
    // A named pipe (or a device) would block the read, or never end it: said, never read.
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() && !meta.is_dir() {
            anyhow::bail!(tr!("state-draft-not-a-file", file = path.display()));
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(DraftFile::from_bytes(bytes))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(_) if path.is_dir() => Err(anyhow::anyhow!(tr!(
            "state-draft-is-a-folder",
            file = path.display()
        ))),
        Err(e) => Err(anyhow::anyhow!(tr!(
            "state-draft-unreadable",
            file = path.display(),
            why = crate::text::os_words(&e),
            quoted = shell_words::quote(&path.display().to_string())
        ))),
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
    /// Sent, and a mail server sent it back: the address does not work.
    Bounced,
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
            State::Bounced => "bounced",
            State::Failed => "failed",
            State::Uncertain => "uncertain",
            State::Missing => "missing",
        }
    }

    /// The state's name for a person, in this run's language (`as_str` is for machines).
    pub fn word(self) -> String {
        match self {
            State::New => tr!("state-new"),
            State::Drafted => tr!("state-drafted"),
            State::Edited => tr!("state-edited"),
            State::Approved => tr!("state-approved"),
            State::Skipped => tr!("state-skipped"),
            State::Rejected => tr!("state-rejected"),
            State::Sending => tr!("state-sending"),
            State::Sent => tr!("state-sent"),
            State::Bounced => tr!("state-bounced"),
            State::Failed => tr!("state-failed"),
            State::Uncertain => tr!("state-uncertain"),
            State::Missing => tr!("state-missing"),
        }
    }

    /// Waiting for a person's decision in `review`.
    pub fn needs_review(self) -> bool {
        matches!(self, State::Drafted | State::Edited | State::Skipped)
    }

    /// The letter went (whether it arrived or came back): it is never sent again by itself,
    /// and its draft stays what was sent.
    pub fn went(self) -> bool {
        matches!(self, State::Sent | State::Bounced)
    }

    pub const ALL: [State; 12] = [
        State::New,
        State::Drafted,
        State::Edited,
        State::Skipped,
        State::Approved,
        State::Rejected,
        State::Sending,
        State::Sent,
        State::Bounced,
        State::Failed,
        State::Uncertain,
        State::Missing,
    ];
}

/// A client's state from the journal's record and the draft file as it is now: the hash of its
/// text, and the hash approvals bind to (`DraftFile::bound`).
pub fn state_of(
    record: Option<&Record>,
    current: Option<(&str, &str)>,
    send_running: bool,
) -> State {
    let Some(r) = record.filter(|r| r.draft.is_some()) else {
        return State::New;
    };
    if r.sent.is_some() {
        return match r.bounced {
            Some(_) => State::Bounced,
            None => State::Sent,
        };
    }
    match r.delivery {
        Some(Delivery::Pending { .. }) if send_running => return State::Sending,
        Some(Delivery::Pending { .. } | Delivery::Uncertain { .. }) => return State::Uncertain,
        _ => {}
    }
    let Some((current, bound)) = current else {
        return State::Missing;
    };
    // An approval binds to the letter as it would go (files and all); a skip or a rejection
    // to the text (nothing goes).
    let holds = |d: &&Decision| match d.verdict {
        Verdict::Approved => d.hash == bound,
        Verdict::Skipped | Verdict::Rejected => d.hash == current,
    };
    if let Some(d) = r.decision.as_ref().filter(holds) {
        if let Some(Delivery::Failed { .. }) = r.delivery {
            return State::Failed;
        }
        return match d.verdict {
            Verdict::Approved => State::Approved,
            Verdict::Rejected => State::Rejected,
            Verdict::Skipped => State::Skipped,
        };
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
        .with_context(|| tr!("state-write-failed", file = tmp.display()))?;
    f.write_all(text.as_bytes())
        .and_then(|_| f.sync_all())
        .with_context(|| tr!("state-write-failed", file = tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| tr!("state-write-failed", file = path.display()))
}

/// The numbers drafts go by (`NNNN-slug.txt`): those the journal gives to clients and those of
/// the files in the drafts folder, so that a new client never gets a number a draft has.
#[derive(Debug, Default)]
pub struct Numbers {
    /// Numbers of drafts the journal gives to clients (and those given since).
    claimed: std::collections::HashSet<usize>,
    /// The folder's numbered files, by number: a file the journal does not know may be the
    /// very draft of a client whose journal was lost.
    on_disk: std::collections::HashMap<usize, Vec<String>>,
    highest: usize,
}

impl Numbers {
    /// The numbers of `claimed` (draft names the journal knows) and of the files in `dir`.
    pub fn read<'a>(dir: &Path, claimed: impl IntoIterator<Item = &'a str>) -> Result<Numbers> {
        let mut numbers = Numbers::default();
        for name in claimed {
            if let Some(n) = number_of(name) {
                numbers.claim(n);
            }
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(numbers),
            Err(e) => {
                return Err(e).with_context(|| tr!("state-read-failed", folder = dir.display()))
            }
        };
        for entry in entries {
            let entry = entry.with_context(|| tr!("state-read-failed", folder = dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(n) = number_of(&name) {
                numbers.highest = numbers.highest.max(n);
                numbers.on_disk.entry(n).or_default().push(name);
            }
        }
        Ok(numbers)
    }

    /// The number for a client new to the journal, claimed: their place on the list when no
    /// other draft has it (so a first `draft` numbers them in list order), else the next
    /// after the highest. `stem` names the client's draft at their place (`0002-ana`): a file
    /// of that name there is theirs, not another's.
    pub fn give(&mut self, place: usize, stem: &str) -> usize {
        let theirs = |name: &String| {
            name.strip_prefix(stem)
                .is_some_and(|rest| rest.starts_with(['.', '-']))
        };
        let free = !self.claimed.contains(&place)
            && self
                .on_disk
                .get(&place)
                .is_none_or(|names| names.iter().all(theirs));
        let n = if free { place } else { self.highest + 1 };
        self.claim(n);
        n
    }

    fn claim(&mut self, n: usize) {
        self.claimed.insert(n);
        self.highest = self.highest.max(n);
    }
}

/// The number a draft's file name starts with, as in `0002-ana.txt`.
fn number_of(name: &str) -> Option<usize> {
    let (digits, _) = name.split_once('-')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// What `draft` did for one client.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Written,
    Refreshed,
    /// Refreshed, and the decision taken on the draft before (approved, skipped, rejected) no
    /// longer holds: the new draft is to be read again.
    Reopened(Verdict),
    Unchanged,
    KeptEdited,
    Conflict(PathBuf),
    Recreated,
    Untouchable(State),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::journal::strategies::any_event;
    use crate::state::journal::{Decision, Event, What};
    use proptest::prelude::*;

    #[test]
    fn a_new_client_gets_a_number_no_draft_has() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("0003-cy.txt"), "").unwrap();
        std::fs::write(dir.path().join("0001-ana.txt.new"), "").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        let mut numbers = Numbers::read(dir.path(), ["0001-ana.txt", "0002-bo.txt"]).unwrap();
        // Their place is another's: the next after the highest, then the one after.
        assert_eq!(numbers.give(2, "0002-eva"), 4);
        assert_eq!(numbers.give(3, "0003-fe"), 5);
        // Their place is free, or holds only their own file (a journal lost): kept.
        assert_eq!(numbers.give(6, "0006-gil"), 6);
        assert_eq!(numbers.give(4, "0004-hu"), 7, "given to Eva by now");
        // Cy's own file, the journal lost: theirs, not another's.
        assert_eq!(numbers.give(3, "0003-cy"), 3);
        assert_eq!(number_of("0012-x.txt"), Some(12));
        assert_eq!(number_of("journal.jsonl"), None);
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
            decision: Some(Decision {
                verdict: Verdict::Approved,
                hash: "h1".into(),
                text: None,
            }),
            ..Record::default()
        };
        assert_eq!(
            state_of(Some(&r), Some(("h1", "h1")), false),
            State::Approved
        );
        assert_eq!(state_of(Some(&r), Some(("h2", "h2")), false), State::Edited);
        assert_eq!(state_of(Some(&r), None, false), State::Missing);
    }

    /// What the journal says of a letter, worked out the slow way, event by event.
    #[derive(Default)]
    struct Model {
        /// The Message-ID of the last `sent`, once there was one.
        sent: Option<String>,
        /// A `sending` (or `uncertain`) with no `sent`, `failed` or `deferred` after it.
        open: bool,
        /// A `bounced` since the letter of the last `sent` went.
        bounced: bool,
    }

    fn model(events: &[Event], client: &str) -> Model {
        let mut m = Model::default();
        for e in events.iter().filter(|e| e.client == client) {
            match &e.what {
                What::Sending { .. } | What::Uncertain { .. } => m.open = true,
                What::Sent { message_id, .. } => {
                    if m.sent.as_ref() != Some(message_id) {
                        m.bounced = false;
                    }
                    m.sent = Some(message_id.clone());
                    m.open = false;
                }
                What::Bounced { .. } => m.bounced = true,
                What::Failed { .. } | What::Deferred { .. } => m.open = false,
                _ => {}
            }
        }
        m
    }

    proptest! {
        #[test]
        fn the_journal_keeps_its_promises(
            events in proptest::collection::vec(any_event(), 0..40),
            running in any::<bool>(),
        ) {
            // Written and read back, as a later run reads them.
            let text: String = events
                .iter()
                .map(|e| serde_json::to_string(e).unwrap() + "\n")
                .collect();
            let (read, warnings, _) = journal::parse(&text, "journal.jsonl");
            prop_assert!(warnings.is_empty(), "{warnings:?}");
            prop_assert_eq!(&read, &events);
            let records = journal::fold(&read);
            for client in ["c0@x", "c1@x", "c2@x"] {
                let m = model(&events, client);
                let r = records.get(client);
                // Never a `sent` that was not journaled, and always the Message-ID it named.
                prop_assert_eq!(
                    r.and_then(|r| r.sent.as_ref()).map(|s| s.message_id.clone()),
                    m.sent.clone()
                );
                for current in ["h0", "h1", "h2"] {
                    let state = state_of(r, Some((current, current)), running);
                    let drafted = r.is_some_and(|r| r.draft.is_some());
                    prop_assert_eq!(state.went(), drafted && m.sent.is_some());
                    // Bounced exactly when the letter that went last came back.
                    prop_assert_eq!(state == State::Bounced, drafted && m.sent.is_some() && m.bounced);
                    if m.sent.is_none() && m.open && r.is_some_and(|r| r.draft.is_some()) {
                        // An uncertain letter is never approved again, whatever follows.
                        prop_assert!(
                            matches!(state, State::Uncertain | State::Sending),
                            "{client} is {state:?} after an open sending: {events:#?}"
                        );
                        prop_assert!(state != State::Sending || running);
                    }
                }
            }
        }
    }
}

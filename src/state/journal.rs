//! `drafts/journal.jsonl`: append-only events, each flushed to disk; every state is derived from it.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// cartero wrote the draft file (new, refreshed or recreated).
    Drafted,
    /// The client's data changed under an edited draft; the new render went to `.new`.
    Conflict,
    Approved,
    Skipped,
    Rejected,
    /// About to hand the message to the server: on disk before a byte is sent.
    Sending,
    Sent,
    Failed,
    /// The final "." went and no reply came: the message may have arrived.
    Uncertain,
    /// The server refused it for the sender's account (a quota, a rate): it is still approved,
    /// and waits for the next `send`.
    Deferred,
    /// A copy of the sent letter is in the sender's Sent folder (`folder`): put there by
    /// cartero, or found there, filed by the server itself (`reply` says which).
    Filed,
    /// Putting the copy in Sent failed (`reply` says why): the next `send` tries again, looking
    /// first, and never sends the letter again.
    #[serde(rename = "copy-failed")]
    CopyFailed,
    /// The client answered: `at` is when, `reply` the answer's Message-ID, `folder` where.
    Replied,
    /// What cartero found out about the mailbox, for the whole campaign (client ""): `reply`
    /// is `server` when the server files sent letters in Sent itself, `cartero` when not.
    Mailbox,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub time: String,
    pub client: String,
    pub event: Kind,
    /// sha256 of the draft file's content the event is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permanent: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

impl Event {
    pub fn new(now: DateTime<FixedOffset>, client: &str, event: Kind) -> Event {
        Event {
            time: now.to_rfc3339_opts(SecondsFormat::Millis, false),
            client: client.to_string(),
            event,
            hash: None,
            draft: None,
            message_id: None,
            reply: None,
            permanent: None,
            folder: None,
            at: None,
        }
    }

    pub fn hash(mut self, hash: &str) -> Event {
        self.hash = Some(hash.to_string());
        self
    }
}

/// The outcome of the last attempt to send a client's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// `sending` with no outcome after it.
    Pending {
        message_id: String,
    },
    Sent {
        message_id: String,
        reply: String,
    },
    Failed {
        reply: String,
        permanent: bool,
    },
    /// The whole message was handed over and the link was lost before the server answered.
    Uncertain {
        message_id: String,
        why: String,
    },
}

impl Delivery {
    /// The Message-ID of the message this delivery is about, if one went (or may have).
    pub fn message_id(&self) -> Option<&str> {
        match self {
            Delivery::Pending { message_id }
            | Delivery::Sent { message_id, .. }
            | Delivery::Uncertain { message_id, .. } => Some(message_id),
            Delivery::Failed { .. } => None,
        }
    }
}

/// Everything the journal says about one client.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// The draft's file name inside the drafts folder.
    pub draft: Option<String>,
    /// The hash of what cartero last wrote into the draft file.
    pub written: Option<String>,
    /// The hash of the newest render shown to the user (in the draft or in a `.new` beside it).
    pub render: Option<String>,
    /// The last review decision and the hash of the content it was about.
    pub decision: Option<(Kind, String)>,
    pub delivery: Option<Delivery>,
    /// The file beside the draft holding the newest render, after a conflict.
    pub conflict: Option<String>,
    /// Set once a message was accepted by a server: never cleared.
    pub sent: Option<(String, String)>,
    /// The last time the server refused it for the sender's account, and its words; cleared
    /// when the letter goes.
    pub deferred: Option<(String, String)>,
    /// The sent letter's copy: `Ok(folder)` once it is in Sent, `Err(why)` while it failed.
    pub copy: Option<std::result::Result<String, String>>,
    /// The first answer seen: when, and its Message-ID.
    pub replied: Option<(String, String)>,
    /// The last letter handed to the server: the draft's hash and the `Date:` it carried, so its
    /// exact bytes can be built again for the copy in Sent.
    pub letter: Option<(String, String)>,
    /// When the server took the letter.
    pub sent_at: Option<String>,
}

pub fn fold(events: &[Event]) -> HashMap<String, Record> {
    let mut records: HashMap<String, Record> = HashMap::new();
    for e in events {
        if e.event == Kind::Mailbox {
            continue;
        }
        let r = records.entry(e.client.clone()).or_default();
        match e.event {
            Kind::Drafted => {
                if e.draft.is_some() {
                    r.draft = e.draft.clone();
                }
                r.written = e.hash.clone();
                r.render = e.hash.clone();
            }
            Kind::Conflict => {
                r.render = e.hash.clone();
                r.conflict = e.draft.clone();
            }
            Kind::Approved | Kind::Skipped | Kind::Rejected => {
                r.decision = e.hash.clone().map(|h| (e.event, h));
                // A new approval makes a failed message worth another try.
                if matches!(r.delivery, Some(Delivery::Failed { .. })) {
                    r.delivery = None;
                }
            }
            Kind::Deferred => {
                // A refusal is an answer: the server has no letter, as before the attempt; and it
                // was about the sender, so a failure it follows was not the client's either.
                if matches!(
                    r.delivery,
                    Some(Delivery::Pending { .. } | Delivery::Failed { .. })
                ) {
                    r.delivery = None;
                }
                r.deferred = Some((e.time.clone(), e.reply.clone().unwrap_or_default()));
            }
            Kind::Sending => {
                if let (Some(hash), Some(at)) = (&e.hash, &e.at) {
                    r.letter = Some((hash.clone(), at.clone()));
                }
                r.delivery = Some(Delivery::Pending {
                    message_id: e.message_id.clone().unwrap_or_default(),
                })
            }
            Kind::Sent => {
                let message_id = e.message_id.clone().unwrap_or_default();
                let reply = e.reply.clone().unwrap_or_default();
                r.sent = Some((message_id.clone(), reply.clone()));
                r.sent_at = Some(e.time.clone());
                r.deferred = None;
                r.delivery = Some(Delivery::Sent { message_id, reply });
            }
            Kind::Uncertain => {
                r.delivery = Some(Delivery::Uncertain {
                    message_id: e.message_id.clone().unwrap_or_default(),
                    why: e.reply.clone().unwrap_or_default(),
                })
            }
            Kind::Filed | Kind::CopyFailed | Kind::Replied | Kind::Mailbox => mailbox(r, e),
            Kind::Failed => {
                r.delivery = Some(Delivery::Failed {
                    reply: e.reply.clone().unwrap_or_default(),
                    permanent: e.permanent.unwrap_or(true),
                })
            }
        }
    }
    records
}

/// What the sender's mailbox said of a sent letter: its copy in Sent, and the first answer.
fn mailbox(r: &mut Record, e: &Event) {
    match e.event {
        Kind::Filed => r.copy = Some(Ok(e.folder.clone().unwrap_or_default())),
        Kind::CopyFailed if !matches!(r.copy, Some(Ok(_))) => {
            r.copy = Some(Err(e.reply.clone().unwrap_or_default()));
        }
        Kind::Replied if r.replied.is_none() => {
            r.replied = Some((
                e.at.clone().unwrap_or_else(|| e.time.clone()),
                e.reply.clone().unwrap_or_default(),
            ));
        }
        _ => {}
    }
}

/// The events in a journal's text; a line that cannot be read is skipped and reported.
pub fn parse(text: &str, label: &str) -> (Vec<Event>, Vec<String>, usize) {
    let mut events = Vec::new();
    let mut warnings = Vec::new();
    // A journal saved by Windows Notepad starts with a byte-order mark: not part of the event.
    let (text, mut offset) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, '\u{feff}'.len_utf8()),
        None => (text, 0),
    };
    let mut good_len = offset;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        offset += line.len();
        // A last line with no line end is kept when it is a whole event (an editor saved the
        // file without a final line end); cut short, it is torn.
        match serde_json::from_str::<Event>(line.trim_end()) {
            Ok(e) => {
                events.push(e);
                good_len = offset;
            }
            _ if line.trim().is_empty() => good_len = offset,
            _ if i + 1 == lines.len() => warnings.push(format!(
                "{label}:{}: the last line was cut short (cartero was stopped while writing it?); it is ignored",
                i + 1
            )),
            Err(e) => warnings.push(format!("{label}:{}: this line is not a journal event ({e}); it is ignored", i + 1)),
        }
    }
    (events, warnings, good_len)
}

/// The journal open for appending: every `append` is on disk before it returns.
pub struct Journal {
    path: PathBuf,
    file: File,
    pub events: Vec<Event>,
    pub warnings: Vec<String>,
}

impl Journal {
    /// Reads the journal without changing it (a missing one is empty).
    pub fn read(path: &Path) -> Result<(Vec<Event>, Vec<String>)> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let (events, warnings, _) = parse(&text, &path.display().to_string());
                Ok((events, warnings))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((Vec::new(), Vec::new())),
            Err(e) => {
                Err(e).with_context(|| format!("failed to read the journal `{}`", path.display()))
            }
        }
    }

    /// Opens (creating) the journal for appending; a torn last line is cut off so the next event
    /// starts on a line of its own.
    pub fn open(path: &Path) -> Result<Journal> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("failed to create `{}`", dir.display()))?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .with_context(|| format!("failed to open the journal `{}`", path.display()))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .with_context(|| format!("failed to read the journal `{}`", path.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let (events, warnings, _) = parse(&text, &path.display().to_string());
        // A last line with no line end: a whole event gets its line end; a torn one is cut,
        // counting in bytes, so the next event starts on a line of its own and is read back.
        let whole = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let tail = String::from_utf8_lossy(&bytes[whole..]);
        if whole < bytes.len()
            && serde_json::from_str::<Event>(tail.trim_start_matches('\u{feff}').trim()).is_ok()
        {
            file.write_all(b"\n")
                .and_then(|_| file.sync_all())
                .with_context(|| format!("failed to repair the journal `{}`", path.display()))?;
        } else if whole < bytes.len() {
            file.set_len(whole as u64)
                .and_then(|_| file.seek(SeekFrom::End(0)).map(|_| ()))
                .and_then(|_| file.sync_all())
                .with_context(|| format!("failed to repair the journal `{}`", path.display()))?;
        }
        Ok(Journal {
            path: path.to_path_buf(),
            file,
            events,
            warnings,
        })
    }

    pub fn append(&mut self, event: Event) -> Result<()> {
        self.append_inner(event, true)
    }

    /// Appends without waiting for the disk: for an event whose loss is safe (the next synced
    /// append, or the end of the run, makes it durable).
    pub fn append_lazy(&mut self, event: Event) -> Result<()> {
        self.append_inner(event, false)
    }

    fn append_inner(&mut self, event: Event, sync: bool) -> Result<()> {
        let mut line = serde_json::to_string(&event).context("failed to encode a journal event")?;
        line.push('\n');
        self.file
            .write_all(line.as_bytes())
            .and_then(|_| if sync { self.file.sync_data() } else { Ok(()) })
            .with_context(|| format!("failed to write to the journal `{}`", self.path.display()))?;
        self.events.push(event);
        Ok(())
    }

    pub fn sync(&mut self) -> Result<()> {
        self.file
            .sync_data()
            .with_context(|| format!("failed to write to the journal `{}`", self.path.display()))
    }
}

/// Whether the server files sent letters in Sent itself, as found out for this campaign.
pub fn server_files(events: &[Event]) -> Option<bool> {
    events
        .iter()
        .rev()
        .find(|e| e.event == Kind::Mailbox)
        .and_then(|e| match e.reply.as_deref() {
            Some("server") => Some(true),
            Some("cartero") => Some(false),
            _ => None,
        })
}

pub fn hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap()
    }

    /// A journal holding one approval, in `dir`.
    fn one_approval(dir: &Path) -> PathBuf {
        let path = dir.join("journal.jsonl");
        let mut j = Journal::open(&path).unwrap();
        j.append(Event::new(now(), "a@example.com", Kind::Approved).hash("h1"))
            .unwrap();
        path
    }

    #[test]
    fn a_torn_last_line_is_reported_and_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = one_approval(dir.path());
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"time\":\"2026-11-22T10:00:00\",\"cli")
            .unwrap();
        let (events, warnings) = Journal::read(&path).unwrap();
        assert_eq!(events.len(), 1);
        assert!(warnings[0].contains("cut short"), "{warnings:?}");
        let mut j = Journal::open(&path).unwrap();
        j.append(Event::new(now(), "a@example.com", Kind::Rejected).hash("h1"))
            .unwrap();
        let (events, warnings) = Journal::read(&path).unwrap();
        assert_eq!(events.len(), 2);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn an_event_appended_after_a_torn_line_following_junk_is_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let approved = Event::new(now(), "a@example.com", Kind::Approved).hash("h1");
        let line = serde_json::to_string(&approved).unwrap();
        // A line that is not an event, then a torn one; or invalid UTF-8, whose lossy
        // decoding is longer than its bytes, before a torn line.
        for damage in [
            b"not an event\n{\"time\":".to_vec(),
            [&b"\xff\xfe\n"[..], line.as_bytes(), b"\n{\"ti"].concat(),
            b"\n\xe9".to_vec(),
        ] {
            std::fs::write(&path, &damage).unwrap();
            let before = Journal::read(&path).unwrap().0;
            let mut j = Journal::open(&path).unwrap();
            j.append(approved.clone()).unwrap();
            drop(j);
            let (after, _) = Journal::read(&path).unwrap();
            assert_eq!(after.last(), Some(&approved), "{damage:?}");
            assert_eq!(after.len(), before.len() + 1, "{damage:?}");
        }
    }

    #[test]
    fn a_whole_last_line_without_a_line_end_is_kept_not_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = one_approval(dir.path());
        // As an editor saves it: no final line end, and a byte-order mark in front.
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("\u{feff}{}", text.trim_end())).unwrap();
        let (events, warnings) = Journal::read(&path).unwrap();
        assert_eq!(events.len(), 1, "{warnings:?}");
        assert!(warnings.is_empty(), "{warnings:?}");
        let mut j = Journal::open(&path).unwrap();
        j.append(Event::new(now(), "a@example.com", Kind::Rejected).hash("h1"))
            .unwrap();
        let (events, warnings) = Journal::read(&path).unwrap();
        assert_eq!(events.len(), 2, "the approval is not lost: {warnings:?}");
        assert_eq!(events[0].event, Kind::Approved);
    }

    #[test]
    fn a_deferral_leaves_the_letter_approved() {
        let e = vec![
            Event::new(now(), "a", Kind::Drafted).hash("h"),
            Event::new(now(), "a", Kind::Approved).hash("h"),
            Event::new(now(), "a", Kind::Sending),
            Event::new(now(), "a", Kind::Deferred),
        ];
        let r = &fold(&e)["a"];
        assert_eq!(r.delivery, None);
        assert!(r.deferred.is_some());
    }

    #[test]
    fn approval_after_failure_clears_it() {
        let mut e = vec![
            Event::new(now(), "a", Kind::Approved).hash("h"),
            Event::new(now(), "a", Kind::Sending),
            Event {
                permanent: Some(true),
                ..Event::new(now(), "a", Kind::Failed)
            },
        ];
        assert!(matches!(
            fold(&e)["a"].delivery,
            Some(Delivery::Failed { .. })
        ));
        e.push(Event::new(now(), "a", Kind::Approved).hash("h2"));
        assert_eq!(fold(&e)["a"].delivery, None);
    }
}

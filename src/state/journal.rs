//! `drafts/journal.jsonl`: append-only events, each flushed to disk; every state is derived from it.
//!
//! A line is one [`Event`]: when, about whom, and [`What`] happened, each kind with the fields it
//! needs and nothing else. The words on disk are those cartero has always written (`"event":
//! "sent"`, `"reply"`), so a journal written by any earlier cartero reads the same.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    #[serde(with = "stamp")]
    pub time: DateTime<FixedOffset>,
    /// The client's key (their lowercased address); `""` for the whole campaign.
    pub client: String,
    #[serde(flatten)]
    pub what: What,
}

/// What happened, each kind with its own fields. `hash` is the sha256 of the draft file's
/// content the event is about; for a decision and a letter that went, of the letter as it goes
/// (`letter::bound_hash`: the same when it carries no file, else its files' bytes too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum What {
    /// cartero wrote the draft file `draft` (new, refreshed or recreated).
    Drafted {
        hash: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        draft: Option<String>,
    },
    /// The client's data changed under an edited draft; the new render went to `draft` (the
    /// `.new` file beside it).
    Conflict {
        hash: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        draft: Option<String>,
    },
    Approved {
        hash: String,
        /// When the letter carries files: the hash of its text alone (`hash` binds the files
        /// too), so that a file changed since can be told from an edit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
    },
    Skipped {
        hash: String,
    },
    Rejected {
        hash: String,
    },
    /// About to hand the message to the server: on disk before a byte of it is sent. `date` is
    /// the `Date:` it carries, so its exact bytes can be built again for the copy in Sent.
    Sending {
        #[serde(default)]
        hash: String,
        #[serde(default)]
        message_id: String,
        #[serde(
            rename = "at",
            default,
            with = "stamp_opt",
            skip_serializing_if = "Option::is_none"
        )]
        date: Option<DateTime<FixedOffset>>,
    },
    /// The letter went: the server took it (`reply` is its answer), or it was proved to have
    /// gone (`proof`).
    Sent {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hash: Option<String>,
        #[serde(default)]
        message_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reply: Option<String>,
        #[serde(default, skip_serializing_if = "Proof::is_server")]
        proof: Proof,
    },
    /// The server refused the letter (`reply`); `permanent` for a 5xx about this client.
    Failed {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hash: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message_id: Option<String>,
        #[serde(default)]
        reply: String,
        #[serde(default = "yes")]
        permanent: bool,
    },
    /// The final "." went and no reply came: the message may have arrived.
    Uncertain {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hash: Option<String>,
        #[serde(default)]
        message_id: String,
        #[serde(rename = "reply", default)]
        why: String,
    },
    /// The server refused it for the sender's account (a quota, a rate): it is still approved,
    /// and waits for the next `send`.
    Deferred {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hash: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message_id: Option<String>,
        #[serde(rename = "reply", default)]
        why: String,
    },
    /// A copy of the sent letter is in the sender's Sent folder `folder`.
    Filed {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message_id: Option<String>,
        #[serde(default)]
        folder: String,
        #[serde(rename = "reply", default)]
        by: FiledBy,
    },
    /// Putting the copy in Sent failed: the next `send` tries again, looking first, and never
    /// sends the letter again.
    CopyFailed {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message_id: Option<String>,
        #[serde(rename = "reply", default)]
        why: String,
    },
    /// The client answered: `at` is when the answer arrived, `answer` its Message-ID, `folder`
    /// where it was found.
    Replied {
        #[serde(default, with = "stamp_opt", skip_serializing_if = "Option::is_none")]
        at: Option<DateTime<FixedOffset>>,
        #[serde(rename = "reply", default, skip_serializing_if = "Option::is_none")]
        answer: Option<String>,
        #[serde(default)]
        folder: String,
    },
    /// The letter came back: a mail server gave up delivering it. `at` is the notice's date,
    /// `status` its enhanced code (`5.1.1`), `reason` the server's words, `notice` the notice's
    /// own Message-ID.
    Bounced {
        #[serde(default)]
        message_id: String,
        #[serde(default, with = "stamp_opt", skip_serializing_if = "Option::is_none")]
        at: Option<DateTime<FixedOffset>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<String>,
        #[serde(rename = "reply", default)]
        reason: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notice: Option<String>,
    },
    /// A mail server is late delivering the letter and still trying (a 4.x.x notice): not a
    /// bounce.
    Delayed {
        #[serde(default)]
        message_id: String,
        #[serde(default, with = "stamp_opt", skip_serializing_if = "Option::is_none")]
        at: Option<DateTime<FixedOffset>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<String>,
        #[serde(rename = "reply", default)]
        reason: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notice: Option<String>,
    },
    /// What cartero found out about the mailbox, for the whole campaign (client `""`).
    Mailbox {
        #[serde(rename = "reply")]
        filer: Filer,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        folder: Option<String>,
    },
}

fn yes() -> bool {
    true
}

/// How a letter is known to have gone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Proof {
    /// The server said so, after the final ".".
    #[default]
    Server,
    /// An uncertain letter, found in the sender's Sent folder.
    FoundInSent,
    /// An uncertain letter the client answered.
    Answered,
    /// An uncertain letter the user says arrived (`send --arrived`).
    UserSaid,
    /// An uncertain letter a delivery notice came back about (a bounce or a delay): the server
    /// had taken it.
    Notice,
}

impl Proof {
    fn is_server(&self) -> bool {
        *self == Proof::Server
    }
}

/// Who put the copy in Sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FiledBy {
    /// The server filed it itself, and cartero found it there.
    Found,
    /// cartero appended it.
    #[default]
    Appended,
}

/// Who files sent letters in Sent, as found out for a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Filer {
    Server,
    Cartero,
}

/// A review decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Approved,
    Skipped,
    Rejected,
}

impl What {
    /// The kind's word in the journal (`sending`, `copy-failed`).
    pub fn name(&self) -> &'static str {
        match self {
            What::Drafted { .. } => "drafted",
            What::Conflict { .. } => "conflict",
            What::Approved { .. } => "approved",
            What::Skipped { .. } => "skipped",
            What::Rejected { .. } => "rejected",
            What::Sending { .. } => "sending",
            What::Sent { .. } => "sent",
            What::Failed { .. } => "failed",
            What::Uncertain { .. } => "uncertain",
            What::Deferred { .. } => "deferred",
            What::Filed { .. } => "filed",
            What::CopyFailed { .. } => "copy-failed",
            What::Replied { .. } => "replied",
            What::Bounced { .. } => "bounced",
            What::Delayed { .. } => "delayed",
            What::Mailbox { .. } => "mailbox",
        }
    }
}

impl Event {
    pub fn new(now: DateTime<FixedOffset>, client: &str, what: What) -> Event {
        Event {
            time: now,
            client: client.to_string(),
            what,
        }
    }

    /// A review decision about the draft whose content hashes to `hash`.
    /// A decision on a draft whose text hashes as `text` and whose letter, files and all, as
    /// `bound` (the same when it carries none): an approval binds to the letter that would go,
    /// a skip or a rejection to the text (nothing goes).
    pub fn decision(
        now: DateTime<FixedOffset>,
        client: &str,
        verdict: Verdict,
        (text, bound): (&str, &str),
    ) -> Event {
        let what = match verdict {
            Verdict::Approved => What::Approved {
                hash: bound.to_string(),
                text: (text != bound).then(|| text.to_string()),
            },
            Verdict::Skipped => What::Skipped {
                hash: text.to_string(),
            },
            Verdict::Rejected => What::Rejected {
                hash: text.to_string(),
            },
        };
        Event::new(now, client, what)
    }

    /// A letter that went, as the server took it.
    pub fn is_sent(&self) -> bool {
        matches!(self.what, What::Sent { .. })
    }
}

/// Times as the journal writes them: RFC 3339 with milliseconds and the offset.
pub mod stamp {
    use chrono::{DateTime, FixedOffset, SecondsFormat};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn format(t: &DateTime<FixedOffset>) -> String {
        t.to_rfc3339_opts(SecondsFormat::Millis, false)
    }

    /// RFC 3339, or with a space for the `T` (as a person may type it in a hand-edited line).
    pub fn parse(text: &str) -> Option<DateTime<FixedOffset>> {
        DateTime::parse_from_rfc3339(text.trim()).ok()
    }

    pub fn serialize<S: Serializer>(t: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(d)?;
        parse(&text)
            .ok_or_else(|| serde::de::Error::custom(tr!("journal-not-a-time", text = &text)))
    }
}

/// An optional time, as [`stamp`].
mod stamp_opt {
    use chrono::{DateTime, FixedOffset};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        t: &Option<DateTime<FixedOffset>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::stamp::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => super::stamp::parse(&text)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(tr!("journal-not-a-time", text = &text))),
        }
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

/// The last review decision, and the hash of the content it was about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub verdict: Verdict,
    pub hash: String,
    /// An approval of a letter with files: the hash of its text alone.
    pub text: Option<String>,
}

/// A letter that went: set once, never cleared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gone {
    pub message_id: String,
    /// The server's answer, when it gave one.
    pub reply: Option<String>,
    pub proof: Proof,
    /// When it went.
    pub at: DateTime<FixedOffset>,
}

/// The last time the server refused the letter for the sender's account, and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deferral {
    pub at: DateTime<FixedOffset>,
    pub why: String,
}

/// The sent letter's copy in the Sent folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SentCopy {
    Filed {
        folder: String,
    },
    /// The last try failed, and why; the next `send` tries again.
    Failed {
        why: String,
    },
}

/// The first answer seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub at: DateTime<FixedOffset>,
    pub message_id: Option<String>,
}

/// A notice about the sent letter: it came back (a bounce), or it is late (a delay).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returned {
    /// The notice's date, else when it was seen.
    pub at: DateTime<FixedOffset>,
    pub status: Option<String>,
    /// The server's words.
    pub reason: String,
    /// The letter it is about.
    pub message_id: String,
}

/// The last letter handed to the server: the draft's hash and the `Date:` it carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handed {
    pub hash: String,
    pub date: DateTime<FixedOffset>,
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
    pub decision: Option<Decision>,
    pub delivery: Option<Delivery>,
    /// The file beside the draft holding the newest render, after a conflict.
    pub conflict: Option<String>,
    pub sent: Option<Gone>,
    /// Cleared when the letter goes.
    pub deferred: Option<Deferral>,
    pub copy: Option<SentCopy>,
    pub replied: Option<Answer>,
    pub letter: Option<Handed>,
    /// The sent letter came back (the first notice that said so). Cleared when another letter
    /// goes.
    pub bounced: Option<Box<Returned>>,
    /// The sent letter is late (the last delay notice), while it has not bounced.
    pub delayed: Option<Box<Returned>>,
}

impl Record {
    /// Approved, and still the content `hash`.
    pub fn approved(&self, hash: &str) -> bool {
        matches!(&self.decision, Some(d) if d.verdict == Verdict::Approved && d.hash == hash)
    }

    /// The copy is in Sent.
    pub fn filed(&self) -> bool {
        matches!(self.copy, Some(SentCopy::Filed { .. }))
    }
}

/// Each client's record, from the events in order.
pub fn fold(events: &[Event]) -> HashMap<String, Record> {
    let mut records: HashMap<String, Record> = HashMap::new();
    for e in events {
        if matches!(e.what, What::Mailbox { .. }) {
            continue;
        }
        let r = records.entry(e.client.clone()).or_default();
        match &e.what {
            What::Drafted { .. } | What::Conflict { .. } => drafts(r, &e.what),
            What::Approved { hash, text } => decide(r, Verdict::Approved, hash, text.clone()),
            What::Skipped { hash } => decide(r, Verdict::Skipped, hash, None),
            What::Rejected { hash } => decide(r, Verdict::Rejected, hash, None),
            _ => delivery(r, e),
        }
    }
    records
}

/// What `draft` wrote.
fn drafts(r: &mut Record, what: &What) {
    match what {
        What::Drafted { hash, draft } => {
            if draft.is_some() {
                r.draft = draft.clone();
            }
            r.written = Some(hash.clone());
            r.render = Some(hash.clone());
        }
        What::Conflict { hash, draft } => {
            r.render = Some(hash.clone());
            r.conflict = draft.clone();
        }
        _ => {}
    }
}

fn decide(r: &mut Record, verdict: Verdict, hash: &str, text: Option<String>) {
    r.decision = Some(Decision {
        verdict,
        hash: hash.to_string(),
        text,
    });
    // A new approval makes a failed message worth another try.
    if matches!(r.delivery, Some(Delivery::Failed { .. })) {
        r.delivery = None;
    }
}

/// What a send, and the sender's mailbox, said of the letter.
fn delivery(r: &mut Record, e: &Event) {
    match &e.what {
        What::Deferred { why, .. } => deferred(r, e.time, why),
        What::Sending {
            hash,
            message_id,
            date,
        } => {
            if let Some(date) = date {
                r.letter = Some(Handed {
                    hash: hash.clone(),
                    date: *date,
                });
            }
            r.delivery = Some(Delivery::Pending {
                message_id: message_id.clone(),
            })
        }
        What::Sent {
            message_id,
            reply,
            proof,
            ..
        } => {
            if r.sent.as_ref().map(|s| &s.message_id) != Some(message_id) {
                // Another letter went: what came back was about the one before.
                r.bounced = None;
                r.delayed = None;
            }
            r.sent = Some(Gone {
                message_id: message_id.clone(),
                reply: reply.clone(),
                proof: *proof,
                at: e.time,
            });
            r.deferred = None;
            r.delivery = Some(Delivery::Sent {
                message_id: message_id.clone(),
            });
        }
        What::Uncertain {
            message_id, why, ..
        } => {
            r.delivery = Some(Delivery::Uncertain {
                message_id: message_id.clone(),
                why: why.clone(),
            })
        }
        What::Failed {
            reply, permanent, ..
        } => {
            r.delivery = Some(Delivery::Failed {
                reply: reply.clone(),
                permanent: *permanent,
            })
        }
        _ => mailbox(r, e),
    }
}

/// A refusal about the sender's account: the letter stays approved.
fn deferred(r: &mut Record, at: DateTime<FixedOffset>, why: &str) {
    // A refusal is an answer: the server has no letter, as before the attempt; and it was
    // about the sender, so a failure it follows was not the client's either.
    if matches!(
        r.delivery,
        Some(Delivery::Pending { .. } | Delivery::Failed { .. })
    ) {
        r.delivery = None;
    }
    r.deferred = Some(Deferral {
        at,
        why: why.to_string(),
    });
}

/// What the sender's mailbox said of a sent letter: its copy in Sent, and the first answer.
fn mailbox(r: &mut Record, e: &Event) {
    match &e.what {
        What::Filed { folder, .. } => {
            r.copy = Some(SentCopy::Filed {
                folder: folder.clone(),
            })
        }
        What::CopyFailed { why, .. } if !r.filed() => {
            r.copy = Some(SentCopy::Failed { why: why.clone() });
        }
        What::Replied { at, answer, .. } if r.replied.is_none() => {
            r.replied = Some(Answer {
                at: at.unwrap_or(e.time),
                message_id: answer.clone(),
            });
        }
        What::Bounced { .. } if r.bounced.is_none() => r.bounced = returned(e),
        What::Delayed { .. } if r.bounced.is_none() => r.delayed = returned(e),
        _ => {}
    }
}

/// What a bounce or delay event says, dated by its notice (else by when it was seen).
fn returned(e: &Event) -> Option<Box<Returned>> {
    let (What::Bounced {
        message_id,
        at,
        status,
        reason,
        ..
    }
    | What::Delayed {
        message_id,
        at,
        status,
        reason,
        ..
    }) = &e.what
    else {
        return None;
    };
    Some(Box::new(Returned {
        at: at.unwrap_or(e.time),
        status: status.clone(),
        reason: reason.clone(),
        message_id: message_id.clone(),
    }))
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
            Err(e) => match salvage(line) {
                // A whole line about a letter on its way, damaged (a hand edit): read as what it
                // says, so that letter is never taken for one that did not go.
                Some(event) => {
                    warnings.push(tr!(
                        "journal-line-salvaged",
                        file = label,
                        line = i + 1,
                        why = e.to_string(),
                        event = event.what.name(),
                        client = &event.client
                    ));
                    events.push(event);
                    good_len = offset;
                }
                None if i + 1 == lines.len() => {
                    warnings.push(tr!("journal-last-line-torn", file = label, line = i + 1))
                }
                None => warnings.push(tr!(
                    "journal-line-unreadable",
                    file = label,
                    line = i + 1,
                    why = e.to_string()
                )),
            },
        }
    }
    (events, warnings, good_len)
}

/// A whole JSON line that says a letter was on its way (`sending`, `uncertain`) or went
/// (`sent`), whatever else is wrong with it (a time or a field edited by hand).
fn salvage(line: &str) -> Option<Event> {
    let v: serde_json::Value = serde_json::from_str(line.trim_end()).ok()?;
    let text = |key: &str| v.get(key).and_then(|x| x.as_str()).map(str::to_string);
    let client = text("client")?;
    let message_id = text("message_id").unwrap_or_default();
    let what = match text("event")?.as_str() {
        "sending" => What::Sending {
            hash: text("hash").unwrap_or_default(),
            message_id,
            date: None,
        },
        "uncertain" => What::Uncertain {
            hash: text("hash"),
            message_id,
            why: text("reply").unwrap_or_default(),
        },
        "sent" => What::Sent {
            hash: text("hash"),
            message_id,
            reply: text("reply"),
            proof: Proof::Server,
        },
        _ => return None,
    };
    let time = text("time")
        .and_then(|t| stamp::parse(&t))
        .unwrap_or_default();
    Some(Event { time, client, what })
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
            Err(e) => Err(e).with_context(|| tr!("journal-read-failed", file = path.display())),
        }
    }

    /// Opens (creating) the journal for appending; a torn last line is cut off so the next event
    /// starts on a line of its own.
    pub fn open(path: &Path) -> Result<Journal> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| tr!("journal-create-failed", folder = dir.display()))?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .with_context(|| tr!("journal-open-failed", file = path.display()))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .with_context(|| tr!("journal-read-failed", file = path.display()))?;
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
                .with_context(|| tr!("journal-repair-failed", file = path.display()))?;
        } else if whole < bytes.len() {
            file.set_len(whole as u64)
                .and_then(|_| file.seek(SeekFrom::End(0)).map(|_| ()))
                .and_then(|_| file.sync_all())
                .with_context(|| tr!("journal-repair-failed", file = path.display()))?;
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
        let mut line =
            serde_json::to_string(&event).with_context(|| tr!("journal-encode-failed"))?;
        line.push('\n');
        self.file
            .write_all(line.as_bytes())
            .and_then(|_| if sync { self.file.sync_data() } else { Ok(()) })
            .with_context(|| tr!("journal-write-failed", file = self.path.display()))?;
        self.events.push(event);
        Ok(())
    }

    pub fn sync(&mut self) -> Result<()> {
        self.file
            .sync_data()
            .with_context(|| tr!("journal-write-failed", file = self.path.display()))
    }
}

/// Whether the server files sent letters in Sent itself, as found out for this campaign.
pub fn server_files(events: &[Event]) -> Option<bool> {
    events.iter().rev().find_map(|e| match e.what {
        What::Mailbox { filer, .. } => Some(filer == Filer::Server),
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

    fn approved(client: &str, hash: &str) -> Event {
        Event::decision(now(), client, Verdict::Approved, (hash, hash))
    }

    /// Opens the journal at `path` again, as the next run does, and appends a rejection.
    fn reject_after_reopening(path: &Path) {
        let mut j = Journal::open(path).unwrap();
        j.append(Event::decision(
            now(),
            "a@example.com",
            Verdict::Rejected,
            ("h1", "h1"),
        ))
        .unwrap();
    }

    /// A journal holding one approval, in `dir`.
    fn one_approval(dir: &Path) -> PathBuf {
        let path = dir.join("journal.jsonl");
        let mut j = Journal::open(&path).unwrap();
        j.append(approved("a@example.com", "h1")).unwrap();
        path
    }

    /// Every kind of line as cartero 0.1 wrote them, before the events were typed.
    const TODAYS_JOURNAL: &str = r#"{"time":"2026-11-22T10:30:00.000+01:00","client":"a@x.es","event":"drafted","hash":"h1","draft":"0001-a.txt"}
{"time":"2026-11-22T10:31:00.000+01:00","client":"a@x.es","event":"conflict","hash":"h2","draft":"0001-a.txt.new"}
{"time":"2026-11-22T10:32:00.000+01:00","client":"a@x.es","event":"skipped","hash":"h1"}
{"time":"2026-11-22T10:32:30.000+01:00","client":"a@x.es","event":"rejected","hash":"h1"}
{"time":"2026-11-22T10:33:00.000+01:00","client":"a@x.es","event":"approved","hash":"h1"}
{"time":"2026-11-22T10:34:00.000+01:00","client":"a@x.es","event":"sending","hash":"h1","message_id":"<1.a@x.es>","at":"2026-11-22T10:34:00+01:00"}
{"time":"2026-11-22T10:34:01.000+01:00","client":"a@x.es","event":"failed","hash":"h1","message_id":"<1.a@x.es>","reply":"450 4.2.0 try later","permanent":false}
{"time":"2026-11-22T10:35:00.000+01:00","client":"a@x.es","event":"deferred","hash":"h1","message_id":"<1.a@x.es>","reply":"550 5.4.5 Daily user sending quota exceeded"}
{"time":"2026-11-22T10:35:01.000+01:00","client":"b@x.es","event":"deferred","reply":"550 5.4.5 Daily user sending quota exceeded"}
{"time":"2026-11-22T10:36:00.000+01:00","client":"a@x.es","event":"sending","hash":"h1","message_id":"<2.a@x.es>","at":"2026-11-22T10:36:00+01:00"}
{"time":"2026-11-22T10:36:01.000+01:00","client":"a@x.es","event":"uncertain","hash":"h1","message_id":"<2.a@x.es>","reply":"the connection was lost after the final \".\""}
{"time":"2026-11-22T10:36:00.000+01:00","client":"a@x.es","event":"sent","hash":"h1","message_id":"<2.a@x.es>","reply":"found in your \"Sent\" folder: the server had taken it"}
{"time":"2026-11-22T10:37:00.000+01:00","client":"","event":"mailbox","reply":"server","folder":"Sent"}
{"time":"2026-11-22T10:37:01.000+01:00","client":"a@x.es","event":"copy-failed","message_id":"<2.a@x.es>","reply":"[OVERQUOTA] Quota exceeded"}
{"time":"2026-11-22T10:38:00.000+01:00","client":"a@x.es","event":"filed","message_id":"<2.a@x.es>","reply":"found","folder":"Sent"}
{"time":"2026-11-22T10:39:00.000+01:00","client":"a@x.es","event":"replied","reply":"<answer@x.es>","folder":"INBOX","at":"2026-11-23T09:00:00+01:00"}
{"time":"2026-11-22T10:40:00.000+01:00","client":"c@x.es","event":"failed","reply":"550 5.1.1 no such user"}
{"time":"2026-11-22T10:41:00.000+01:00","client":"c@x.es","event":"replied","folder":"INBOX"}
"#;

    #[test]
    fn a_journal_written_before_the_events_were_typed_reads_every_kind() {
        let (events, warnings, _) = parse(TODAYS_JOURNAL, "journal.jsonl");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(events.len(), TODAYS_JOURNAL.lines().count());
        let t = |s: &str| stamp::parse(s).unwrap();
        assert_eq!(
            events[5].what,
            What::Sending {
                hash: "h1".into(),
                message_id: "<1.a@x.es>".into(),
                date: Some(t("2026-11-22T10:34:00+01:00")),
            }
        );
        assert!(matches!(
            events[6].what,
            What::Failed {
                permanent: false,
                ..
            }
        ));
        assert!(
            matches!(&events[8].what, What::Deferred { hash: None, why, .. } if why.contains("5.4.5"))
        );
        assert!(matches!(
            events[12].what,
            What::Mailbox {
                filer: Filer::Server,
                ..
            }
        ));
        assert!(matches!(
            events[14].what,
            What::Filed {
                by: FiledBy::Found,
                ..
            }
        ));
        // A failure written without `permanent` was a permanent one.
        assert!(matches!(
            events[16].what,
            What::Failed {
                permanent: true,
                ..
            }
        ));
        assert_eq!(server_files(&events), Some(true));

        let records = fold(&events);
        let a = &records["a@x.es"];
        assert_eq!(a.draft.as_deref(), Some("0001-a.txt"));
        assert_eq!(a.written.as_deref(), Some("h1"));
        assert_eq!(a.render.as_deref(), Some("h2"));
        assert_eq!(a.conflict.as_deref(), Some("0001-a.txt.new"));
        assert!(a.approved("h1"));
        let gone = a.sent.as_ref().unwrap();
        assert_eq!(gone.message_id, "<2.a@x.es>");
        assert_eq!(gone.at, t("2026-11-22T10:36:00+01:00"));
        assert_eq!(a.deferred, None, "a letter gone waits no more");
        assert_eq!(
            a.copy,
            Some(SentCopy::Filed {
                folder: "Sent".into()
            })
        );
        assert_eq!(
            a.replied,
            Some(Answer {
                at: t("2026-11-23T09:00:00+01:00"),
                message_id: Some("<answer@x.es>".into()),
            })
        );
        assert_eq!(
            a.letter,
            Some(Handed {
                hash: "h1".into(),
                date: t("2026-11-22T10:36:00+01:00"),
            })
        );
        assert!(records["b@x.es"].deferred.is_some());
        assert_eq!(
            records["c@x.es"].replied.as_ref().map(|r| r.at),
            Some(t("2026-11-22T10:41:00+01:00")),
            "an answer with no time of its own is dated when it was seen"
        );
    }

    #[test]
    fn typed_events_are_written_as_before_and_read_back_the_same() {
        let (events, _, _) = parse(TODAYS_JOURNAL, "journal.jsonl");
        for (e, line) in events.iter().zip(TODAYS_JOURNAL.lines()) {
            let written = serde_json::to_string(e).unwrap();
            let back: Event = serde_json::from_str(&written).unwrap();
            assert_eq!(&back, e, "{written}");
            let old: serde_json::Value = serde_json::from_str(line).unwrap();
            let new: serde_json::Value = serde_json::from_str(&written).unwrap();
            for key in ["event", "client", "hash", "message_id", "reply", "folder"] {
                assert_eq!(old.get(key), new.get(key), "{key} in {line}");
            }
        }
    }

    #[test]
    fn a_damaged_line_about_a_letter_on_its_way_still_holds_it_back() {
        let text = "{\"time\":\"yesterday\",\"client\":\"a@x.es\",\"event\":\"sending\",\"message_id\":\"<1@x>\"}\n{\"time\":\"2026-11-22T10:00:00+01:00\",\"client\":\"b@x.es\",\"event\":\"sent\",\"message_id\":7}\n";
        let (events, warnings, _) = parse(text, "journal.jsonl");
        assert_eq!(events.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].contains("read as `sending` for `a@x.es`"),
            "{warnings:?}"
        );
        let records = fold(&events);
        assert_eq!(
            records["a@x.es"].delivery,
            Some(Delivery::Pending {
                message_id: "<1@x>".into()
            })
        );
        assert!(records["b@x.es"].sent.is_some());
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
        reject_after_reopening(&path);
        let (events, warnings) = Journal::read(&path).unwrap();
        assert_eq!(events.len(), 2);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn an_event_appended_after_a_torn_line_following_junk_is_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let approved = approved("a@example.com", "h1");
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
        reject_after_reopening(&path);
        let (events, warnings) = Journal::read(&path).unwrap();
        assert_eq!(events.len(), 2, "the approval is not lost: {warnings:?}");
        assert!(matches!(events[0].what, What::Approved { .. }));
    }

    fn sending(client: &str, hash: &str, id: &str) -> Event {
        Event::new(
            now(),
            client,
            What::Sending {
                hash: hash.into(),
                message_id: id.into(),
                date: Some(now()),
            },
        )
    }

    #[test]
    fn a_deferral_leaves_the_letter_approved() {
        let e = vec![
            Event::new(
                now(),
                "a",
                What::Drafted {
                    hash: "h".into(),
                    draft: None,
                },
            ),
            approved("a", "h"),
            sending("a", "h", "<1@x>"),
            Event::new(
                now(),
                "a",
                What::Deferred {
                    hash: None,
                    message_id: None,
                    why: "quota".into(),
                },
            ),
        ];
        let r = &fold(&e)["a"];
        assert_eq!(r.delivery, None);
        assert!(r.deferred.is_some());
    }

    fn returned_event(client: &str, bounced: bool, id: &str, reason: &str) -> Event {
        let (message_id, reason) = (id.to_string(), reason.to_string());
        let what = if bounced {
            What::Bounced {
                message_id,
                at: Some(now()),
                status: Some("5.1.1".into()),
                reason,
                notice: Some("<n@mx>".into()),
            }
        } else {
            What::Delayed {
                message_id,
                at: None,
                status: Some("4.4.1".into()),
                reason,
                notice: None,
            }
        };
        Event::new(now(), client, what)
    }

    #[test]
    fn a_bounce_is_kept_once_and_a_delay_until_it_bounces() {
        let sent = |id: &str| {
            Event::new(
                now(),
                "a",
                What::Sent {
                    hash: None,
                    message_id: id.into(),
                    reply: None,
                    proof: Proof::Server,
                },
            )
        };
        let mut e = vec![sent("<1@x>"), returned_event("a", false, "<1@x>", "late")];
        assert_eq!(fold(&e)["a"].delayed.as_ref().unwrap().reason, "late");
        assert_eq!(fold(&e)["a"].bounced, None, "a delay is no bounce");
        e.push(returned_event("a", true, "<1@x>", "550 user unknown"));
        e.push(returned_event("a", true, "<1@x>", "550 again"));
        e.push(returned_event("a", false, "<1@x>", "late again"));
        let r = &fold(&e)["a"];
        let b = r.bounced.as_ref().unwrap();
        assert_eq!((b.reason.as_str(), b.at), ("550 user unknown", now()));
        assert_eq!(r.delayed.as_ref().unwrap().reason, "late", "once bounced");
        // Written and read back the same, with the journal's words.
        for ev in &e {
            let line = serde_json::to_string(ev).unwrap();
            assert_eq!(&serde_json::from_str::<Event>(&line).unwrap(), ev, "{line}");
        }
        let line = serde_json::to_string(&e[2]).unwrap();
        assert!(line.contains(r#""event":"bounced""#), "{line}");
        assert!(line.contains(r#""reply":"550 user unknown""#), "{line}");
        // Another letter went: what came back was about the one before.
        e.push(sent("<2@x>"));
        assert_eq!(fold(&e)["a"].bounced, None);
        assert_eq!(fold(&e)["a"].delayed, None);
    }

    #[test]
    fn approval_after_failure_clears_it() {
        let mut e = vec![
            approved("a", "h"),
            sending("a", "h", "<1@x>"),
            Event::new(
                now(),
                "a",
                What::Failed {
                    hash: Some("h".into()),
                    message_id: None,
                    reply: "550".into(),
                    permanent: true,
                },
            ),
        ];
        assert!(matches!(
            fold(&e)["a"].delivery,
            Some(Delivery::Failed { .. })
        ));
        e.push(approved("a", "h2"));
        assert_eq!(fold(&e)["a"].delivery, None);
    }
}

/// Random journal events, for the property tests of what is derived from them.
#[cfg(test)]
pub mod strategies {
    use super::*;
    use proptest::prelude::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap()
    }

    /// Any event of any kind, about one of three clients, three drafts' contents and three
    /// Message-IDs, so that a `sent` may name another Message-ID than its `sending`.
    pub fn any_event() -> impl Strategy<Value = Event> {
        let what = (0..16u8, 0..3u8, 0..3u8, any::<bool>(), 0..5u8).prop_map(
            |(kind, h, id, flag, proof)| {
                let hash = format!("h{h}");
                let message_id = format!("<{id}@x>");
                match kind {
                    0 => What::Drafted {
                        hash,
                        draft: flag.then(|| "0001-a.txt".into()),
                    },
                    1 => What::Conflict {
                        hash,
                        draft: Some("0001-a.txt.new".into()),
                    },
                    2 => What::Approved {
                        text: flag.then(|| format!("t{hash}")),
                        hash,
                    },
                    3 => What::Skipped { hash },
                    4 => What::Rejected { hash },
                    5 => What::Sending {
                        hash,
                        message_id,
                        date: flag.then(now),
                    },
                    6 => What::Sent {
                        hash: flag.then_some(hash),
                        message_id,
                        reply: Some("250 ok".into()),
                        proof: [
                            Proof::Server,
                            Proof::FoundInSent,
                            Proof::Answered,
                            Proof::UserSaid,
                            Proof::Notice,
                        ][proof as usize % 5],
                    },
                    7 => What::Failed {
                        hash: Some(hash),
                        message_id: Some(message_id),
                        reply: "550 no".into(),
                        permanent: flag,
                    },
                    8 => What::Uncertain {
                        hash: Some(hash),
                        message_id,
                        why: "lost".into(),
                    },
                    9 => What::Deferred {
                        hash: flag.then_some(hash),
                        message_id: flag.then_some(message_id),
                        why: "quota".into(),
                    },
                    10 => What::Filed {
                        message_id: Some(message_id),
                        folder: "Sent".into(),
                        by: if flag {
                            FiledBy::Found
                        } else {
                            FiledBy::Appended
                        },
                    },
                    11 => What::CopyFailed {
                        message_id: Some(message_id),
                        why: "full".into(),
                    },
                    12 => What::Replied {
                        at: flag.then(now),
                        answer: Some(message_id),
                        folder: "INBOX".into(),
                    },
                    13 => What::Bounced {
                        message_id,
                        at: flag.then(now),
                        status: flag.then(|| "5.1.1".into()),
                        reason: "550 5.1.1 user unknown".into(),
                        notice: flag.then(|| "<n@mx>".into()),
                    },
                    14 => What::Delayed {
                        message_id,
                        at: flag.then(now),
                        status: Some("4.4.1".into()),
                        reason: "connection timed out".into(),
                        notice: None,
                    },
                    _ => What::Mailbox {
                        filer: if flag { Filer::Server } else { Filer::Cartero },
                        folder: Some("Sent".into()),
                    },
                }
            },
        );
        (0..3u8, what, 0..600i64).prop_map(|(client, what, seconds)| {
            let client = match what {
                What::Mailbox { .. } => String::new(),
                _ => format!("c{client}@x"),
            };
            Event::new(now() + chrono::Duration::seconds(seconds), &client, what)
        })
    }
}

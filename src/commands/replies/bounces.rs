//! Delivery notices in the mailbox: each tied to the letter it returns (by that letter's
//! Message-ID, else by the failed address and a letter sent to it before), bounces and delays
//! journaled once each. A notice is never an answer.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use chrono::{DateTime, Duration, FixedOffset};

use super::Sent;
use crate::domain::bounce::{self, Kind, Notice, Recipient};
use crate::mailbox::{bare_id, Headers, Mailbox};
use crate::report::{self, Returned};
use crate::settings::Settings;
use crate::state::archive;
use crate::state::journal::{Event, Journal, Proof, What};
use crate::state::survey::Survey;

/// A notice found in the mailbox.
pub struct Came {
    pub notice: Notice,
    /// When it is dated: its `Date:`, unless missing or in the future (then when it arrived).
    pub at: DateTime<FixedOffset>,
    /// When the server got it (INTERNALDATE), if known.
    pub arrived: Option<DateTime<FixedOffset>>,
    /// Its own Message-ID.
    pub id: Option<String>,
    /// Where it is.
    pub folder: String,
    pub uid: u32,
}

/// Whether a message may be a delivery notice, from its headers: worth reading whole.
fn may_be_notice(h: &Headers) -> bool {
    bounce::might_be(&h.from, &h.subject, &h.content_type)
}

/// Whether a message in `folder` is a delivery notice (read as one, or from a mail system):
/// never an answer, even when it names the letter.
pub fn is_notice(folder: &str, h: &Headers, came: &[Came]) -> bool {
    bounce::from_mail_system(&h.from, &h.content_type)
        || came.iter().any(|c| c.uid == h.uid && c.folder == folder)
}

/// The notices among the messages of `folder` whose headers look like one, read whole.
pub fn read(
    mailbox: &mut Mailbox,
    folder: &str,
    headers: &[Headers],
    now: DateTime<FixedOffset>,
) -> Result<Vec<Came>> {
    let uids: Vec<u32> = headers
        .iter()
        .filter(|h| may_be_notice(h))
        .map(|h| h.uid)
        .collect();
    if uids.is_empty() {
        return Ok(Vec::new());
    }
    let by_uid: HashMap<u32, &Headers> = headers.iter().map(|h| (h.uid, h)).collect();
    let mut out = Vec::new();
    for (uid, bytes) in mailbox.messages(folder, &uids)? {
        let Some(notice) = bounce::read(&bytes) else {
            continue;
        };
        let h = by_uid.get(&uid);
        let arrived = h.and_then(|h| h.arrived);
        let at = notice
            .date
            .filter(|d| *d <= now + Duration::days(1))
            .or(arrived)
            .unwrap_or(now);
        out.push(Came {
            notice,
            at,
            arrived,
            id: h.and_then(|h| h.message_id.clone()),
            folder: folder.to_string(),
            uid,
        });
    }
    Ok(out)
}

/// One recipient of a notice, tied to the letter (by its index in `sent`) it returns.
struct Tied<'a> {
    letter: usize,
    recipient: &'a Recipient,
    came: &'a Came,
}

/// The Message-IDs the notices return that are letters of earlier campaigns, as the archive
/// knows them (none when it cannot be read: said as a warning).
fn of_earlier_campaigns(settings: &Settings, came: &[Came], sent: &[Sent]) -> HashSet<String> {
    let own: HashSet<&str> = sent.iter().map(|s| s.message_id.as_str()).collect();
    let named: Vec<&str> = came
        .iter()
        .filter_map(|c| c.notice.original_id.as_deref())
        .filter(|id| !own.contains(id))
        .collect();
    if named.is_empty() {
        return HashSet::new();
    }
    match archive::earlier_letters(settings, &named) {
        Ok(found) => found.into_keys().collect(),
        Err(e) => {
            report::archive_not_read(&e);
            HashSet::new()
        }
    }
}

/// Each notice's recipients tied to the letters they return: by the returned letter's
/// Message-ID, else (a provider may rewrite it) by the recipient's address and a letter sent to
/// it before the notice arrived; an uncertain letter only by its Message-ID, and a notice
/// returning a letter of an earlier campaign (`earlier`) to none. Also how many notices
/// returned no letter here.
fn tie<'a>(
    came: &'a [Came],
    sent: &[Sent],
    survey: &Survey,
    earlier: &HashSet<String>,
) -> (Vec<Tied<'a>>, usize) {
    let by_id: HashMap<&str, usize> = sent
        .iter()
        .enumerate()
        .map(|(i, s)| (s.message_id.as_str(), i))
        .collect();
    let address = |i: usize| survey.entries[sent[i].index].client.key.as_str();
    let by_address: HashMap<&str, usize> = by_id
        .values()
        .filter(|&&i| !sent[i].uncertain)
        .map(|&i| (address(i), i))
        .collect();
    let mut tied = Vec::new();
    let mut ignored = 0;
    for c in came {
        if c.notice
            .original_id
            .as_ref()
            .is_some_and(|id| earlier.contains(id))
        {
            ignored += 1;
            continue;
        }
        let by_letter = c
            .notice
            .original_id
            .as_deref()
            .and_then(|id| by_id.get(id).copied());
        let before = tied.len();
        for r in &c.notice.recipients {
            let letter = match by_letter {
                // The letter named, for its own recipient (or the notice's only one).
                Some(i) if address(i) == r.address || c.notice.recipients.len() == 1 => Some(i),
                Some(_) => None,
                None => by_address
                    .get(r.address.as_str())
                    .copied()
                    .filter(|&i| c.arrived.unwrap_or(c.at) > sent[i].at),
            };
            if let Some(letter) = letter {
                tied.push(Tied {
                    letter,
                    recipient: r,
                    came: c,
                });
            }
        }
        if tied.len() == before {
            ignored += 1;
        }
    }
    (tied, ignored)
}

/// What the notices came to: each letter that came back and each that is late, with whether
/// this run saw it first; how many notices returned no letter of this campaign.
pub struct Outcome {
    /// `(index in sent, what came back, new)`.
    pub bounced: Vec<(usize, Returned, bool)>,
    pub delayed: Vec<(usize, Returned, bool)>,
    pub ignored: usize,
}

/// The notices tied to letters, and those not yet journaled journaled: the first bounce of
/// each letter, and its latest delay while it has not bounced.
pub fn record(
    sent: &mut [Sent],
    came: &[Came],
    survey: &Survey,
    settings: &Settings,
) -> Result<Outcome> {
    let earlier = of_earlier_campaigns(settings, came, sent);
    let (tied, ignored) = tie(came, sent, survey, &earlier);
    let (bounce, delay) = each_letters(&tied);
    let mut journal = Journal::open(&settings.journal_path())?;
    let mut out = Outcome {
        bounced: Vec::new(),
        delayed: Vec::new(),
        ignored,
    };
    for (i, s) in sent.iter_mut().enumerate() {
        if s.uncertain && (bounce.contains_key(&i) || delay.contains_key(&i)) {
            went_after_all(&mut journal, s, survey)?;
        }
        let record = survey.entries[s.index].record.as_ref();
        let known = record.and_then(|r| r.bounced.as_ref());
        if let Some(b) = known.filter(|b| bare_id(&b.message_id) == s.message_id) {
            out.bounced.push((i, shown(&b.reason, b.at), false));
        } else if let Some(t) = bounce.get(&i) {
            journal.append_lazy(event(settings, s, survey, t, true))?;
            out.bounced
                .push((i, shown(&t.recipient.reason, t.came.at), true));
        } else if let Some(t) = delay.get(&i) {
            let seen = record
                .and_then(|r| r.delayed.as_ref())
                .is_some_and(|d| d.at >= t.came.at);
            if !seen {
                journal.append_lazy(event(settings, s, survey, t, false))?;
            }
            out.delayed
                .push((i, shown(&t.recipient.reason, t.came.at), !seen));
        } else if let Some(d) = record.and_then(|r| r.delayed.as_ref()) {
            out.delayed.push((i, shown(&d.reason, d.at), false));
        }
    }
    journal.sync()?;
    Ok(out)
}

/// The first bounce and the latest delay of each letter (by its index in `sent`).
type Strongest<'t, 'a> = HashMap<usize, &'t Tied<'a>>;

fn each_letters<'t, 'a>(tied: &'t [Tied<'a>]) -> (Strongest<'t, 'a>, Strongest<'t, 'a>) {
    let mut bounce: Strongest = HashMap::new();
    let mut delay: Strongest = HashMap::new();
    for t in tied {
        let (map, earlier) = match t.recipient.kind {
            Kind::Failed => (&mut bounce, true),
            Kind::Delayed => (&mut delay, false),
        };
        let keep = map
            .get(&t.letter)
            .is_none_or(|o| (t.came.at < o.came.at) == earlier);
        if keep {
            map.insert(t.letter, t);
        }
    }
    (bounce, delay)
}

/// A letter left uncertain that a notice names: the server had taken it. Journaled sent (known
/// by the notice), never to be sent again, and said.
fn went_after_all(journal: &mut Journal, s: &mut Sent, survey: &Survey) -> Result<()> {
    let e = &survey.entries[s.index];
    let sent = What::Sent {
        hash: e
            .record
            .as_ref()
            .and_then(|r| r.letter.as_ref())
            .map(|l| l.hash.clone()),
        message_id: format!("<{}>", s.message_id),
        reply: None,
        proof: Proof::Notice,
    };
    journal.append(Event::new(s.at, &e.client.key, sent))?;
    s.uncertain = false;
    report::went_after_all(&e.client.key);
    Ok(())
}

fn shown(reason: &str, at: DateTime<FixedOffset>) -> Returned {
    Returned {
        reason: reason.to_string(),
        day: at.format("%Y-%m-%d").to_string(),
    }
}

/// The journal's event for a letter that came back (`bounced`) or is late.
fn event(settings: &Settings, s: &Sent, survey: &Survey, t: &Tied, bounced: bool) -> Event {
    let key = &survey.entries[s.index].client.key;
    let message_id = format!("<{}>", s.message_id);
    let (at, status) = (Some(t.came.at), t.recipient.status.clone());
    let (reason, notice) = (t.recipient.reason.clone(), t.came.id.clone());
    let what = if bounced {
        What::Bounced {
            message_id,
            at,
            status,
            reason,
            notice,
        }
    } else {
        What::Delayed {
            message_id,
            at,
            status,
            reason,
            notice,
        }
    };
    Event::new(settings.clock(), key, what)
}

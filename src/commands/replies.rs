//! `cartero replies`: who answered. The mailbox is only read (EXAMINE, BODY.PEEK: no flag
//! changes); an answer arrived (the server's INTERNALDATE) after the letter went, and names its
//! Message-ID (In-Reply-To, References) or comes from the client's address. Each is journaled
//! `replied` once. A message naming a letter of an earlier campaign answers that one: the
//! archive keeps it with that letter. A delivery notice is no answer: a bounce makes the client
//! `bounced`, a delay is said (see `bounces`).

mod bounces;

use std::collections::{HashMap, HashSet};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};

use crate::mailbox::{self, Headers, Mailbox};
use crate::report::{self, Answer, Returned};
use crate::secret::Secrets;
use crate::settings::Settings;
use crate::state::archive::{self, keep_campaign, Letter};
use crate::state::journal::{Delivery, Event, Journal, Proof, What};
use crate::state::lock::Lock;
use crate::state::survey::Survey;

/// The messages looked at, each with its folder.
type Seen = Vec<(String, Headers)>;

/// A letter that went, and what is known of its answer.
pub(crate) struct Sent {
    index: usize,
    message_id: String,
    at: DateTime<FixedOffset>,
    answer: Option<(String, bool)>,
    /// Left uncertain: only an answer naming its Message-ID counts, and proves it arrived.
    uncertain: bool,
}

pub fn run(settings: Settings) -> Result<ExitCode> {
    let imap = settings
        .imap
        .clone()
        .with_context(|| tr!("cmd-replies-no-imap"))?;
    let _lock = Lock::take(&settings.drafts, "replies")?;
    let survey = report::survey(&settings)?;
    for w in &survey.journal_warnings {
        tell!("{}", tr!("cmd-warning", what = w.to_string()));
    }
    let mut sent = letters_sent(&survey);
    if sent.is_empty() {
        say!("{}", tr!("cmd-replies-nothing-sent"));
        return Ok(ExitCode::SUCCESS);
    }
    let since = sent.iter().map(|s| s.at).min().unwrap_or(settings.clock());
    let (folders, seen, came) = read_mailbox(&settings, &imap, since)?;
    // A delivery notice is never an answer, even when it names the letter.
    let people: Seen = seen
        .iter()
        .filter(|(folder, h)| !bounces::is_notice(folder, h, &came))
        .cloned()
        .collect();
    let earlier = earlier_letters(&settings, &sent, &people);
    let found = first_answers(&sent, &survey, &people, &earlier, settings.clock());
    let new = record_answers(&mut sent, &found, &survey, &settings)?;
    let returned = bounces::record(&mut sent, &came, &survey, &settings)?;
    if let Err(e) = keep_campaign(&settings) {
        report::archive_not_written(&e);
    }
    record_earlier_answers(&settings, &earlier, &people);
    let back: HashSet<usize> = returned.bounced.iter().map(|(i, _, _)| *i).collect();
    let answers = answers_of(&sent, &survey, &back);
    report::replies(&answers, new, &folders, seen.len());
    let shown = |list: &[(usize, Returned, bool)]| -> Vec<(Answer, Returned)> {
        list.iter()
            .map(|(i, r, new)| {
                let mut a = answer_of(&sent[*i], &survey);
                a.new = *new;
                (a, r.clone())
            })
            .collect()
    };
    report::returned(
        &shown(&returned.bounced),
        &shown(&returned.delayed),
        returned.ignored,
    );
    Ok(ExitCode::SUCCESS)
}

/// Each answer seen for the first time, journaled; an uncertain letter answered arrived. How
/// many answers are new.
fn record_answers(
    sent: &mut [Sent],
    found: &HashMap<usize, (DateTime<FixedOffset>, &Headers, &str)>,
    survey: &Survey,
    settings: &Settings,
) -> Result<usize> {
    let mut journal = Journal::open(&settings.journal_path())?;
    let mut new = 0;
    for (i, (at, h, folder)) in found {
        let s = &mut sent[*i];
        if s.answer.is_some() {
            continue;
        }
        let key = &survey.entries[s.index].client.key;
        if s.uncertain {
            // They answered this very letter: it arrived.
            let sent = What::Sent {
                hash: survey.entries[s.index]
                    .record
                    .as_ref()
                    .and_then(|r| r.letter.as_ref())
                    .map(|l| l.hash.clone()),
                message_id: format!("<{}>", s.message_id),
                reply: None,
                proof: Proof::Answered,
            };
            journal.append(Event::new(s.at, key, sent))?;
            s.uncertain = false;
            report::arrived_after_all(key);
        }
        let replied = What::Replied {
            at: Some(*at),
            answer: h.message_id.clone(),
            folder: folder.to_string(),
        };
        journal.append_lazy(Event::new(settings.clock(), key, replied))?;
        s.answer = Some((at.to_rfc3339(), true));
        new += 1;
    }
    journal.sync()?;
    Ok(new)
}

/// Every letter that went, as `replies` shows it, but for those that came back (`back`, by
/// index in `sent`): no answer is waited for from an address that does not work.
fn answers_of<'a>(sent: &[Sent], survey: &'a Survey, back: &HashSet<usize>) -> Vec<Answer<'a>> {
    sent.iter()
        .enumerate()
        .filter(|(i, s)| !s.uncertain && !back.contains(i))
        .map(|(_, s)| answer_of(s, survey))
        .collect()
}

/// A letter that went, as `replies` shows it.
fn answer_of<'a>(s: &Sent, survey: &'a Survey) -> Answer<'a> {
    let c = &survey.entries[s.index].client;
    Answer {
        name: &c.name,
        email: &c.email,
        circle: c.circle(),
        replied_at: s.answer.as_ref().map(|(at, _)| at.clone()),
        new: s.answer.as_ref().is_some_and(|(_, new)| *new),
    }
}

/// The headers of INBOX and `reply-folders` since the day before `since`, read only.
fn read_mailbox(
    settings: &Settings,
    imap: &crate::settings::Imap,
    since: DateTime<FixedOffset>,
) -> Result<(Vec<String>, Seen, Vec<bounces::Came>)> {
    let secret = Secrets::new(&report::ask_secret)
        .imap(&imap.login(), imap.shared(settings.smtp.as_ref()).as_ref())?;
    let mut mailbox = Mailbox::connect(imap, &secret)?;
    let day = since.date_naive().pred_opt().unwrap_or(since.date_naive());
    // The folders as the server names them (INBOX, then each of `reply-folders` once).
    let mut folders = vec!["INBOX".to_string()];
    if !imap.reply_folders.is_empty() {
        let there = mailbox.folders()?;
        for f in &imap.reply_folders {
            let Some(raw) = there.iter().find(|r| mailbox::is_folder(r, f)) else {
                mailbox.logout();
                let folders = there
                    .iter()
                    .map(|r| format!("\"{}\"", mailbox::folder_shown(r)))
                    .collect::<Vec<_>>()
                    .join(", ");
                anyhow::bail!(tr!(
                    "cmd-replies-no-such-folder",
                    folder = f,
                    folders = folders
                ));
            };
            if !folders.contains(raw) {
                folders.push(raw.clone());
            }
        }
    }
    let mut seen = Vec::new();
    let mut came = Vec::new();
    for folder in &folders {
        let headers = mailbox.headers_since(folder, day)?;
        came.extend(bounces::read(
            &mut mailbox,
            folder,
            &headers,
            settings.clock(),
        )?);
        seen.extend(headers.into_iter().map(|h| (folder.clone(), h)));
    }
    mailbox.logout();
    Ok((folders, seen, came))
}

/// The letters of the campaign that went, with the answer already seen.
fn letters_sent(survey: &Survey) -> Vec<Sent> {
    let mut sent: Vec<Sent> = Vec::new();
    for (index, e) in survey.entries.iter().enumerate() {
        let Some(r) = &e.record else { continue };
        let (message_id, at, uncertain) = match &r.delivery {
            Some(Delivery::Sent { message_id }) => {
                (message_id, r.sent.as_ref().map(|s| s.at), false)
            }
            Some(Delivery::Uncertain { message_id, .. } | Delivery::Pending { message_id })
                if e.state == crate::state::drafts::State::Uncertain =>
            {
                (message_id, r.letter.as_ref().map(|l| l.date), true)
            }
            _ => continue,
        };
        let Some(at) = at else {
            continue;
        };
        sent.push(Sent {
            index,
            message_id: mailbox::bare_id(message_id).to_string(),
            at,
            answer: r.replied.as_ref().map(|a| (a.at.to_rfc3339(), false)),
            uncertain,
        });
    }
    sent
}

/// The letters of earlier campaigns the messages seen name (In-Reply-To, References), by bare
/// Message-ID; none when the archive cannot be read (said as a warning).
fn earlier_letters(settings: &Settings, sent: &[Sent], seen: &Seen) -> HashMap<String, Letter> {
    let own: HashSet<&str> = sent.iter().map(|s| s.message_id.as_str()).collect();
    let named: Vec<&str> = seen
        .iter()
        .flat_map(|(_, h)| h.refers_to.iter())
        .map(|r| mailbox::bare_id(r))
        .filter(|r| !own.contains(r))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    if named.is_empty() {
        return HashMap::new();
    }
    archive::earlier_letters(settings, &named).unwrap_or_else(|e| {
        report::archive_not_read(&e);
        HashMap::new()
    })
}

/// Answers to letters of earlier campaigns, kept in the archive with those letters (the earliest
/// one each), and said.
fn record_earlier_answers(settings: &Settings, earlier: &HashMap<String, Letter>, seen: &Seen) {
    if earlier.is_empty() {
        return;
    }
    let now = settings.clock();
    let mut first: HashMap<&str, DateTime<FixedOffset>> = HashMap::new();
    for (_, h) in seen.iter().filter(|(_, h)| !h.automatic) {
        let Some(letter) = h
            .refers_to
            .iter()
            .find_map(|r| earlier.get(mailbox::bare_id(r)))
        else {
            continue;
        };
        let at = when(h, now);
        let id = letter.message_id.as_str();
        if first.get(id).is_none_or(|t| at < *t) {
            first.insert(id, at);
        }
    }
    let answers: Vec<(String, String)> = first
        .iter()
        .filter(|(id, _)| {
            earlier
                .values()
                .any(|l| l.message_id == **id && l.replied_at.is_none())
        })
        .map(|(id, at)| (id.to_string(), at.to_rfc3339()))
        .collect();
    if let Err(e) = archive::keep_earlier_answers(settings, &answers) {
        report::archive_not_read(&e);
        return;
    }
    let mut told: Vec<&Letter> = earlier
        .values()
        .filter(|l| answers.iter().any(|(id, _)| *id == l.message_id))
        .collect();
    told.sort_by(|a, b| (&a.email, &a.sent_at).cmp(&(&b.email, &b.sent_at)));
    for l in told {
        report::answered_earlier(&l.email, &l.sent_at);
    }
}

/// When a message came, as an answer is dated: its Date, unless missing or in the future (then
/// when the server got it).
fn when(h: &Headers, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    h.date
        .filter(|d| *d <= now + chrono::Duration::days(1))
        .or(h.arrived)
        .unwrap_or(now)
}

/// The earliest answer to each letter, by its index in `sent`.
fn first_answers<'a>(
    sent: &[Sent],
    survey: &Survey,
    seen: &'a [(String, Headers)],
    earlier: &HashMap<String, Letter>,
    now: DateTime<FixedOffset>,
) -> HashMap<usize, (DateTime<FixedOffset>, &'a Headers, &'a str)> {
    let own: HashSet<&str> = sent.iter().map(|s| s.message_id.as_str()).collect();
    let by_id: HashMap<&str, usize> = sent
        .iter()
        .enumerate()
        .map(|(i, s)| (s.message_id.as_str(), i))
        .collect();
    let by_address: HashMap<String, usize> = sent
        .iter()
        .enumerate()
        .map(|(i, s)| (survey.entries[s.index].client.email.to_lowercase(), i))
        .collect();
    // The earliest answer to each letter.
    let mut found: HashMap<usize, (DateTime<FixedOffset>, &Headers, &str)> = HashMap::new();
    for (folder, h) in seen {
        // Our own letters (a copy in a folder looked at), and out-of-office replies.
        if h.automatic || h.message_id.as_deref().is_some_and(|id| own.contains(id)) {
            continue;
        }
        let Some(i) = answered(h, sent, &by_id, &by_address, earlier) else {
            continue;
        };
        // Dated by its Date (the server's arrival when missing or in the future), never before
        // its letter (a client's clock may be a little off).
        let at = when(h, now).max(sent[i].at);
        if found.get(&i).is_none_or(|(t, _, _)| at < *t) {
            found.insert(i, (at, h, folder.as_str()));
        }
    }
    found
}

/// The sent letter a message answers, if it does: it arrived after the letter went (the
/// server's time, INTERNALDATE: a message written before is no answer, whatever its Date says),
/// and names it, or comes from the client without naming a letter of an earlier campaign.
fn answered(
    h: &Headers,
    sent: &[Sent],
    by_id: &HashMap<&str, usize>,
    by_address: &HashMap<String, usize>,
    earlier: &HashMap<String, Letter>,
) -> Option<usize> {
    let arrived = h.arrived.or(h.date)?;
    let after = |i: usize| (arrived > sent[i].at).then_some(i);
    if let Some(i) = h
        .refers_to
        .iter()
        .find_map(|r| by_id.get(mailbox::bare_id(r)))
    {
        return after(*i);
    }
    if h.refers_to
        .iter()
        .any(|r| earlier.contains_key(mailbox::bare_id(r)))
    {
        // An answer to last year's letter, kept with it in the archive.
        return None;
    }
    let i = h.from.iter().find_map(|a| by_address.get(a.as_str()))?;
    if sent[*i].uncertain {
        return None;
    }
    after(*i)
}

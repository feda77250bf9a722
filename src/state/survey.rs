//! What every client's state is, from the journal and the drafts folder; `cartero status`.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::domain::campaign::Campaign;
use crate::domain::clients::Client;
use crate::domain::message::{body_of, validate};
use crate::domain::personal::{self, TemplateWords};
use crate::settings::Settings;
use crate::state::archive::Recall;
use crate::state::drafts::{read_draft, state_of, DraftFile, State};
use crate::state::journal::{self, Delivery, Journal, Proof, Record, Verdict};
use crate::state::limits::Day;

/// One client as the drafts folder and the journal show them now.
pub struct Entry {
    pub client: Client,
    pub record: Option<Record>,
    pub path: Option<PathBuf>,
    pub text: Option<String>,
    pub hash: Option<String>,
    /// The encoding the draft was read as when it was not UTF-8.
    pub encoding: Option<&'static str>,
    pub state: State,
    pub share: Option<f64>,
    pub warnings: Vec<String>,
    /// Approved, and held back for now: refused for the sender's account, or past the daily
    /// limit.
    pub waiting: bool,
    /// The draft tells again what an earlier letter to this client told (one of `warnings`).
    pub retold: bool,
}

/// A client the journal knows who is not on the list as it reads now.
pub struct Removed {
    pub key: String,
    pub draft: Option<String>,
    /// Approved and never sent: a letter the user wanted to go.
    pub approved_unsent: bool,
}

/// Everything `status`, `review` and `send` need: the campaign and each client's entry.
pub struct Survey<'s> {
    /// The campaign, its clients moved into `entries` (`into_campaign` gives them back).
    pub campaign: Campaign<'s>,
    pub entries: Vec<Entry>,
    /// Clients in the journal but not on the list as it is now (removed, or a row with errors).
    pub removed: Vec<Removed>,
    pub journal_warnings: Vec<String>,
    /// The journal's events, as read: what `send` counts a day's letters from.
    pub events: Vec<journal::Event>,
    literals: Vec<String>,
    /// The templates' words, which no draft repeats from an earlier letter as an anecdote.
    template_words: TemplateWords,
}

impl<'s> Survey<'s> {
    pub fn take(settings: &'s Settings) -> Result<Survey<'s>> {
        // The archive and the journal are read while the list and the drafts are.
        // No template is rendered from a survey: the past letters' subjects are not read.
        let recall = Recall::start_with(settings, false);
        let (campaign, journal) = std::thread::scope(|scope| {
            let journal = scope.spawn(|| Journal::read(&settings.journal_path()));
            let campaign = Campaign::load(settings);
            let journal = journal
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (campaign, journal)
        });
        Survey::of_with(campaign?, recall, Some(journal))
    }

    /// The survey, and the journal open for appending, read once for both (the desk's, which
    /// writes as it goes).
    pub fn take_and_open(settings: &'s Settings) -> Result<(Survey<'s>, Journal)> {
        let recall = Recall::start_with(settings, false);
        let (campaign, journal) = std::thread::scope(|scope| {
            let journal = scope.spawn(|| Journal::open(&settings.journal_path()));
            let campaign = Campaign::load(settings);
            let journal = journal
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (campaign, journal)
        });
        let mut journal = journal?;
        let read = (
            std::mem::take(&mut journal.events),
            journal.warnings.clone(),
        );
        let survey = Survey::of_with(campaign?, recall, Some(Ok(read)))?;
        Ok((survey, journal))
    }

    /// The survey of a campaign already loaded (its clients' past already given, if any).
    pub fn of(campaign: Campaign<'s>) -> Result<Survey<'s>> {
        Survey::of_with(campaign, None, None)
    }

    /// The survey, the clients' past arriving from `recall` before their warnings are made;
    /// the journal as already read, or read now.
    fn of_with(
        mut campaign: Campaign<'s>,
        recall: Option<Recall>,
        journal: Option<Result<(Vec<journal::Event>, Vec<String>)>>,
    ) -> Result<Survey<'s>> {
        if campaign.clients.is_empty() && campaign.has_errors() {
            // Nothing to survey: the caller says the list's problems.
            return Ok(Survey {
                campaign,
                entries: Vec::new(),
                removed: Vec::new(),
                journal_warnings: Vec::new(),
                events: Vec::new(),
                literals: Vec::new(),
                template_words: TemplateWords::default(),
            });
        }
        let (events, journal_warnings) = match journal {
            Some(read) => read?,
            None => Journal::read(&campaign.settings.journal_path())?,
        };
        let records = journal::fold(&events);
        let mut templates_used = Vec::new();
        for client in &campaign.clients {
            if let Ok(name) = campaign.templates.template_for(client) {
                templates_used.push(name);
            }
        }
        let removed = removed_from_list(&campaign, &records);
        let literals = campaign.literals(templates_used.iter().map(String::as_str));
        // The clients and their records move into the entries: one copy of each.
        let entries = entries_of(&mut campaign, records)?;
        let mut survey = Survey {
            campaign,
            entries,
            removed,
            journal_warnings,
            events,
            literals: Vec::new(),
            template_words: TemplateWords::new(&literals),
        };
        if let Some(recall) = recall {
            let mut clients: Vec<&mut Client> =
                survey.entries.iter_mut().map(|e| &mut e.client).collect();
            recall.finish(&mut survey.campaign, &mut clients);
        }
        survey.measure(&literals);
        survey.literals = literals;
        let words = &survey.template_words;
        let warnings = crate::par::parallel_map(&survey.entries, |e| warnings_for(e, words));
        for (entry, (w, retold)) in survey.entries.iter_mut().zip(warnings) {
            entry.warnings = w;
            entry.retold = retold;
        }
        survey.mark_waiting();
        Ok(survey)
    }

    /// The campaign with its clients given back (a survey holds them in its entries).
    pub fn into_campaign(self) -> Campaign<'s> {
        let mut campaign = self.campaign;
        if campaign.clients.is_empty() {
            campaign.clients = self.entries.into_iter().map(|e| e.client).collect();
        }
        campaign
    }

    /// Whether the list had no client to survey (its problems say why).
    pub fn no_clients(&self) -> bool {
        self.entries.is_empty()
    }

    /// Personal shares of the drafts as they are on disk now.
    fn measure(&mut self, literals: &[String]) {
        let docs: Vec<(usize, &str, &str)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.text.as_deref().map(|t| (i, t, e.client.name.as_str())))
            .collect();
        let pairs: Vec<(&str, &str)> = docs.iter().map(|(_, t, n)| (*t, *n)).collect();
        let shares = personal::shares(&pairs, literals);
        let indices: Vec<usize> = docs.iter().map(|(i, _, _)| *i).collect();
        for (i, share) in indices.into_iter().zip(shares) {
            self.entries[i].share = Some(share);
        }
    }

    /// Approved letters that a limit holds back, said as waiting, with why and until when.
    fn mark_waiting(&mut self) {
        let settings = self.campaign.settings;
        let day = settings
            .smtp
            .as_ref()
            .and_then(|s| s.daily_limit)
            .map(|limit| Day::of(&self.events, limit, settings.clock()));
        let mut room = day.as_ref().map_or(usize::MAX, Day::left);
        for e in self
            .entries
            .iter_mut()
            .filter(|e| e.state == State::Approved)
        {
            if let Some(d) = e.record.as_ref().and_then(|r| r.deferred.as_ref()) {
                e.warnings.push(tr!(
                    "survey-waiting-refused",
                    at = d.at.format("%Y-%m-%d %H:%M").to_string(),
                    why = &d.why
                ));
                e.waiting = true;
                // The server's refusal is why it waits: it goes first when `send` tries again.
                room = room.saturating_sub(1);
                continue;
            }
            if room > 0 {
                room -= 1;
                continue;
            }
            if let Some(day) = &day {
                e.warnings.push(beyond_the_limit(day, settings.clock()));
                e.waiting = true;
            }
        }
    }

    /// Recomputes one entry after its file changed (an edit in review).
    pub fn refresh(&mut self, index: usize) -> Result<()> {
        let send_running = false;
        let e = &mut self.entries[index];
        let file = read_entry(&e.client, e.path.as_deref())?;
        e.hash = file.as_ref().map(|f| f.hash.clone());
        e.encoding = file.as_ref().and_then(|f| f.encoding);
        e.text = file.map(|f| f.text);
        e.state = state_of(e.record.as_ref(), e.hash.as_deref(), send_running);
        let literals = std::mem::take(&mut self.literals);
        self.measure(&literals);
        self.literals = literals;
        let e = &mut self.entries[index];
        (e.warnings, e.retold) = warnings_for(e, &self.template_words);
        Ok(())
    }

    /// Entry `index`'s personal share and warnings as they would be with `text` for its draft
    /// (the desk, as the person types); nothing changes.
    pub fn as_if(&mut self, index: usize, text: &str) -> (Option<f64>, Vec<String>) {
        let shown = self.entries[index].text.replace(text.to_string());
        let docs: Vec<(&str, &str)> = self
            .entries
            .iter()
            .filter_map(|e| e.text.as_deref().map(|t| (t, e.client.name.as_str())))
            .collect();
        let at = self.entries[..index]
            .iter()
            .filter(|e| e.text.is_some())
            .count();
        let share = personal::shares(&docs, &self.literals).get(at).copied();
        let before = std::mem::replace(&mut self.entries[index].share, share);
        let (warnings, _) = warnings_for(&self.entries[index], &self.template_words);
        let e = &mut self.entries[index];
        e.share = before;
        e.text = shown;
        (share, warnings)
    }
}

/// Each client as the journal and their draft file show them: the campaign's clients and their
/// records moved into the entries, not copied.
fn entries_of(
    campaign: &mut Campaign,
    mut records: HashMap<String, Record>,
) -> Result<Vec<Entry>> {
    let send_running =
        crate::state::lock::holder(&campaign.settings.drafts).is_some_and(|h| h.command == "send");
    let drafts_dir = &campaign.settings.drafts;
    // Reading and hashing ten thousand drafts is most of the work: on every core.
    let mut read = crate::par::parallel_map(&campaign.clients, |client| {
        let path = records
            .get(&client.key)
            .and_then(|r| r.draft.as_ref())
            .map(|d| drafts_dir.join(d));
        let file = read_entry(client, path.as_deref());
        (path, file)
    });
    let mut clients = std::mem::take(&mut campaign.clients);
    let mut entries = Vec::with_capacity(clients.len());
    // Taken from the end, and their room given back as it empties: the list, the records and
    // the entries are never all held at once (a hundred thousand clients' worth each).
    clients.reverse();
    read.reverse();
    while let (Some(client), Some((path, file))) = (clients.pop(), read.pop()) {
        let record = records.remove(&client.key);
        entries.push(entry_of(client, record, path, file?, send_running));
        if clients.len() < clients.capacity() / 2 {
            clients.shrink_to_fit();
            read.shrink_to_fit();
        }
        if records.len() < records.capacity() / 2 {
            records.shrink_to_fit();
        }
    }
    Ok(entries)
}

/// A client's entry, from their record and their draft file as read.
fn entry_of(
    client: Client,
    record: Option<Record>,
    path: Option<PathBuf>,
    file: Option<DraftFile>,
    send_running: bool,
) -> Entry {
    let (text, hash, encoding) = match file {
        Some(f) => (Some(f.text), Some(f.hash), f.encoding),
        None => (None, None, None),
    };
    let state = state_of(record.as_ref(), hash.as_deref(), send_running);
    Entry {
        client,
        record,
        path,
        encoding,
        text,
        hash,
        state,
        share: None,
        warnings: Vec::new(),
        waiting: false,
        retold: false,
    }
}

/// A client's draft file, if the journal names one and it is there.
fn read_entry(client: &Client, path: Option<&std::path::Path>) -> Result<Option<DraftFile>> {
    let Some(path) = path else { return Ok(None) };
    read_draft(path).with_context(|| {
        tr!(
            "survey-draft-unreadable",
            name = &client.name,
            email = client.email.to_string()
        )
    })
}

/// Clients the journal knows who are not on the list as it reads now.
fn removed_from_list(campaign: &Campaign, records: &HashMap<String, Record>) -> Vec<Removed> {
    let on_list: HashSet<&str> = campaign.clients.iter().map(|c| c.key.as_str()).collect();
    let mut removed: Vec<Removed> = records
        .iter()
        .filter(|(k, _)| !on_list.contains(k.as_str()))
        .map(|(k, r)| Removed {
            key: k.clone(),
            draft: r.draft.clone(),
            approved_unsent: r.sent.is_none()
                && r.decision
                    .as_ref()
                    .is_some_and(|d| d.verdict == Verdict::Approved),
        })
        .collect();
    removed.sort_by(|a, b| a.key.cmp(&b.key));
    removed
}

/// An entry's warnings, and whether one of them is a retold anecdote.
fn warnings_for(e: &Entry, template_words: &TemplateWords) -> (Vec<String>, bool) {
    let mut w = Vec::new();
    let mut retold = false;
    if let Some(note) = Campaign::note_warning(&e.client) {
        w.push(note);
    }
    // A letter gone is not warned about again (and not compared with every earlier one).
    // The draft as it is on disk now: an edit that takes the repeated words out takes the
    // warning with them.
    if let (Some(text), true) = (&e.text, e.state != State::Sent) {
        if let Some(repeat) = Campaign::repeated_anecdote(&e.client, body_of(text), template_words)
        {
            w.push(repeat);
            retold = true;
        }
    }
    let gone = e.record.as_ref().and_then(|r| r.sent.as_ref());
    if gone.is_some_and(|g| g.proof == Proof::UserSaid) {
        w.push(tr!("survey-sent-on-your-word"));
    }
    if let Some(share) = e.share {
        if personal::reads_like_mass_mail(share) {
            w.push(crate::domain::personal::mass_mail_warning(share));
        }
    }
    if let Some(name) = e.encoding {
        w.push(DraftFile::encoding_warning(name));
    }
    let conflict = e.record.as_ref().and_then(|r| r.conflict.as_ref());
    if let (Some(path), Some(name)) = (&e.path, conflict) {
        let new = path.with_file_name(name);
        if new.exists() {
            w.push(tr!("survey-data-changed", file = new.display()));
        }
    }
    if let (Some(text), true) = (&e.text, e.state != State::Sent) {
        if let Err(why) = validate(text, &e.client.key) {
            w.push(tr!("survey-cannot-send", why = why.to_string()));
        }
    }
    if let Some(said) = delivery_warning(e) {
        w.push(said);
    }
    let went = e.record.as_ref().and_then(|r| r.letter.as_ref());
    if e.state == State::Uncertain
        && went.is_some_and(|l| e.hash.as_deref() != Some(l.hash.as_str()))
    {
        w.push(tr!("survey-draft-changed-after-send"));
    }
    (w, retold)
}

/// What the last attempt to send left to say: uncertain, refused, or the draft gone.
fn delivery_warning(e: &Entry) -> Option<String> {
    match (
        &e.state,
        e.record.as_ref().and_then(|r| r.delivery.as_ref()),
    ) {
        (State::Uncertain, Some(Delivery::Pending { message_id })) => Some(tr!(
            "survey-send-interrupted",
            message_id = message_id,
            how_to_check = how_to_check(&e.client.email)
        )),
        (State::Uncertain, Some(Delivery::Uncertain { message_id, why })) => Some(tr!(
            "survey-uncertain",
            why = why,
            message_id = message_id,
            how_to_check = how_to_check(&e.client.email)
        )),
        (State::Failed, Some(Delivery::Failed { reply, permanent })) => Some(if *permanent {
            tr!("survey-refused-for-good", reply = reply)
        } else {
            tr!("survey-refused-for-now", reply = reply)
        }),
        (State::Missing, _) => Some(tr!("survey-draft-gone")),
        _ => None,
    }
}

/// What to do about a letter that may or may not have arrived.
pub fn how_to_check(email: &str) -> String {
    tr!("survey-how-to-check", email = email)
}
/// Why a letter past today's room under `daily-limit` waits: the limit reached, or the room
/// left taken by the letters before it (a server's refusal does not reach the limit).
fn beyond_the_limit(day: &Day, now: chrono::DateTime<chrono::FixedOffset>) -> String {
    // The day once the letters that fit today went: when the next place frees up.
    let mut after = day.clone();
    after.sent.extend(std::iter::repeat_n(now, day.left()));
    // `none` when no time is known: the catalog says "tomorrow".
    let from = after.next_free().map_or("none".to_string(), |t| {
        t.format("%Y-%m-%d %H:%M").to_string()
    });
    match day.left() {
        0 => tr!("survey-limit-reached", limit = day.limit, from = from),
        left => tr!(
            "survey-limit-room-taken",
            limit = day.limit,
            left = left,
            sent = day.sent.len(),
            from = from
        ),
    }
}

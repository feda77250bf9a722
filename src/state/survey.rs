//! What every client's state is, from the journal and the drafts folder; `cartero status`.

use std::borrow::Cow;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::domain::campaign::Campaign;
use crate::domain::clients::{Client, Past};
use crate::domain::letter::FileProblem;
use crate::domain::message::{body_of, measured, validate};
use crate::domain::personal::{self, TemplateWords};
use crate::settings::Settings;
use crate::state::archive::{self, PastReading};
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
    /// What an approval binds to when the letter carries files (the text's and their bytes'
    /// hash); `None` when it binds to the text alone: see `bound()`.
    bound: Option<String>,
    /// A file the draft's letter names that cannot be read.
    pub unreadable: Option<Box<FileProblem>>,
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
    /// Its letter went (on the day given, as the journal writes it): it stays sent.
    pub sent_on: Option<String>,
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
    /// Whether the clients' past is in their entries (as the campaign came with it), or was
    /// read by the survey for its warnings alone and not kept (`past` reads a client's again).
    past_held: bool,
}

impl<'s> Survey<'s> {
    pub fn take(settings: &'s Settings) -> Result<Survey<'s>> {
        // The archive and the journal are read while the list and the drafts are.
        // No template is rendered from a survey: the past letters' subjects are not read.
        let recall = PastReading::start(settings);
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
        let recall = PastReading::start(settings);
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
        recall: Option<PastReading>,
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
                past_held: true,
            });
        }
        let (events, journal_warnings) = match journal {
            Some(read) => read?,
            None => Journal::read(&campaign.settings.journal_path())?,
        };
        let mut templates_used = Vec::new();
        for client in &campaign.clients {
            if let Ok(name) = campaign.templates.template_for(client) {
                templates_used.push(name);
            }
        }
        let literals = campaign.literals(templates_used.iter().map(String::as_str));
        // The clients and their records move into the entries: one copy of each.
        let (entries, removed) = entries_of(&mut campaign, &events)?;
        let mut survey = Survey {
            campaign,
            entries,
            removed,
            journal_warnings,
            events,
            literals: Vec::new(),
            template_words: TemplateWords::new(&literals),
            past_held: true,
        };
        let repeats = survey.recall(recall);
        survey.measure(&literals);
        survey.literals = literals;
        let with_repeats: Vec<(&Entry, Option<String>)> =
            survey.entries.iter().zip(repeats).collect();
        let note = survey.campaign.read_as.theirs("note");
        let base = survey.campaign.settings.base.as_path();
        let warnings = crate::par::parallel_map(&with_repeats, |(e, repeat)| {
            warnings_for(e, repeat.clone(), (note, base))
        });
        drop(with_repeats);
        for (entry, (w, retold)) in survey.entries.iter_mut().zip(warnings) {
            entry.warnings = w;
            entry.retold = retold;
        }
        survey.mark_waiting();
        Ok(survey)
    }

    /// Each draft's anecdote told again, from the clients' past as the campaign gave it, or as
    /// `recall` reads it: that past is not kept (a hundred thousand clients' letters), and what
    /// needs it again reads one client's (`past`).
    fn recall(&mut self, recall: Option<PastReading>) -> Vec<Option<String>> {
        let words = &self.template_words;
        let Some(recall) = recall else {
            return crate::par::parallel_map(&self.entries, |e| {
                repeat_of(e, &e.client.past, words)
            });
        };
        self.past_held = false;
        let letters = recall.finish(&mut self.campaign);
        let words = &self.template_words;
        crate::par::parallel_map(&self.entries, |e| {
            told_again(e).then(|| repeat_of(e, &letters.of(&e.client.key), words))?
        })
    }

    /// Client `i`'s past: as the survey holds it, or read from the archive when the survey
    /// kept none.
    pub fn past(&self, i: usize) -> Past {
        let client = &self.entries[i].client;
        match self.past_held {
            true => client.past.clone(),
            false => archive::past_of(self.campaign.settings, &client.key),
        }
    }

    /// The anecdote entry `i`'s draft tells again, its client's past read again if need be.
    fn repeat_at(&self, i: usize) -> Option<String> {
        let e = &self.entries[i];
        if !told_again(e) {
            return None;
        }
        match self.past_held {
            true => repeat_of(e, &e.client.past, &self.template_words),
            false => repeat_of(e, &self.past(i), &self.template_words),
        }
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
        let docs: Vec<(usize, Cow<str>, &str)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                e.text
                    .as_deref()
                    .map(|t| (i, measured(t), e.client.name.as_str()))
            })
            .collect();
        let pairs: Vec<(&str, &str)> = docs.iter().map(|(_, t, n)| (t.as_ref(), *n)).collect();
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
        let file = read_entry(&e.client, e.path.as_deref(), &self.campaign.settings.base)?;
        e.hash = file.as_ref().map(|f| f.hash.clone());
        e.bound = file.as_ref().and_then(own_bound);
        e.unreadable = file.as_ref().and_then(|f| f.unreadable.clone());
        e.encoding = file.as_ref().and_then(|f| f.encoding);
        e.text = file.map(|f| f.text);
        e.state = state_of(e.record.as_ref(), current(e), send_running);
        let literals = std::mem::take(&mut self.literals);
        self.measure(&literals);
        self.literals = literals;
        let repeat = self.repeat_at(index);
        let note = self.campaign.read_as.theirs("note");
        let base = self.campaign.settings.base.as_path();
        let e = &mut self.entries[index];
        (e.warnings, e.retold) = warnings_for(e, repeat, (note, base));
        Ok(())
    }

    /// Entry `index`'s personal share and warnings as they would be with `text` for its draft
    /// (the desk, as the person types); nothing changes.
    pub fn as_if(&mut self, index: usize, text: &str) -> (Option<f64>, Vec<String>) {
        let shown = self.entries[index].text.replace(text.to_string());
        let docs: Vec<(Cow<str>, &str)> = self
            .entries
            .iter()
            .filter_map(|e| {
                e.text
                    .as_deref()
                    .map(|t| (measured(t), e.client.name.as_str()))
            })
            .collect();
        let docs: Vec<(&str, &str)> = docs.iter().map(|(t, n)| (t.as_ref(), *n)).collect();
        let at = self.entries[..index]
            .iter()
            .filter(|e| e.text.is_some())
            .count();
        let share = personal::shares(&docs, &self.literals).get(at).copied();
        let before = std::mem::replace(&mut self.entries[index].share, share);
        let repeat = self.repeat_at(index);
        let note = self.campaign.read_as.theirs("note");
        let base = self.campaign.settings.base.as_path();
        let (warnings, _) = warnings_for(&self.entries[index], repeat, (note, base));
        let e = &mut self.entries[index];
        e.share = before;
        e.text = shown;
        (share, warnings)
    }
}

/// Each client as the journal and their draft file show them: the campaign's clients and their
/// records moved into the entries, not copied; and the clients the journal knows who are not on
/// the list.
fn entries_of(
    campaign: &mut Campaign,
    events: &[journal::Event],
) -> Result<(Vec<Entry>, Vec<Removed>)> {
    let send_running =
        crate::state::lock::holder(&campaign.settings.drafts).is_some_and(|h| h.command == "send");
    let mut entries = bare_entries(std::mem::take(&mut campaign.clients));
    let removed = give_records(&mut entries, events);
    let drafts_dir = &campaign.settings.drafts;
    // Reading and hashing ten thousand drafts is most of the work: on every core.
    let read = crate::par::parallel_map(&entries, |e| {
        let path = e
            .record
            .as_ref()
            .and_then(|r| r.draft.as_ref())
            .map(|d| drafts_dir.join(d));
        let file = read_entry(&e.client, path.as_deref(), &campaign.settings.base);
        (path, file)
    });
    for (e, (path, file)) in entries.iter_mut().zip(read) {
        (e.text, e.hash, e.bound, e.unreadable, e.encoding) = match file? {
            Some(f) => {
                let bound = own_bound(&f);
                let unreadable = f.unreadable;
                (Some(f.text), Some(f.hash), bound, unreadable, f.encoding)
            }
            None => (None, None, None, None, None),
        };
        e.path = path;
        e.state = state_of(e.record.as_ref(), current(e), send_running);
    }
    Ok((entries, removed))
}

/// An entry for each client, nothing known yet of their draft. Taken from the end of the list,
/// its room given back as it empties: the list and the entries are never both held whole.
fn bare_entries(mut clients: Vec<Client>) -> Vec<Entry> {
    let mut entries = Vec::with_capacity(clients.len());
    clients.reverse();
    while let Some(client) = clients.pop() {
        entries.push(Entry {
            client,
            record: None,
            path: None,
            text: None,
            hash: None,
            bound: None,
            unreadable: None,
            encoding: None,
            state: State::New,
            share: None,
            warnings: Vec::new(),
            waiting: false,
            retold: false,
        });
        if clients.len() < clients.capacity() / 2 {
            clients.shrink_to_fit();
        }
    }
    entries
}

/// Clients whose records are folded from the journal together: the records of a hundred
/// thousand clients folded at once would be held twice for a while, folded and in the entries.
const FOLD_GROUP: usize = 16_384;

/// Each entry's record from the journal's events, a group of clients at a time; the records of
/// clients not on the list, as removed (by address).
fn give_records(entries: &mut [Entry], events: &[journal::Event]) -> Vec<Removed> {
    give_records_by(entries, events, FOLD_GROUP)
}

/// As `give_records`, `group` clients at a time.
fn give_records_by(entries: &mut [Entry], events: &[journal::Event], group: usize) -> Vec<Removed> {
    let groups = (entries.len() / group).max(1);
    let group_of = |key: &str| {
        let h = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        (h % groups as u64) as usize
    };
    let mut removed = Vec::new();
    for g in 0..groups {
        let mut records = match groups {
            1 => journal::fold(events),
            _ => {
                let theirs: Vec<journal::Event> = events
                    .iter()
                    .filter(|e| group_of(&e.client) == g)
                    .cloned()
                    .collect();
                journal::fold(&theirs)
            }
        };
        for e in entries.iter_mut().filter(|e| group_of(&e.client.key) == g) {
            e.record = records.remove(&e.client.key);
        }
        removed.extend(records.into_iter().map(|(key, r)| removed_of(key, &r)));
    }
    removed.sort_by(|a, b| a.key.cmp(&b.key));
    removed
}

/// A client's draft file, if the journal names one and it is there.
fn read_entry(
    client: &Client,
    path: Option<&std::path::Path>,
    base: &std::path::Path,
) -> Result<Option<DraftFile>> {
    let Some(path) = path else { return Ok(None) };
    let file = read_draft(path).with_context(|| {
        tr!(
            "survey-draft-unreadable",
            name = &client.name,
            email = client.email.to_string()
        )
    })?;
    Ok(file.map(|f| f.bind(base)))
}

/// Approved with its text as it is, but a file it carries is no longer the one approved: why
/// it is back to review.
fn files_changed_since_approved(e: &Entry) -> bool {
    let decision = e.record.as_ref().and_then(|r| r.decision.as_ref());
    decision.is_some_and(|d| {
        d.verdict == Verdict::Approved
            && d.text.is_some()
            && d.text == e.hash
            && e.bound() != Some(d.hash.as_str())
            && e.unreadable.is_none()
    })
}

/// An entry's draft as `state_of` takes it: its text's hash, and what approvals bind to.
fn current(e: &Entry) -> Option<(&str, &str)> {
    e.hash.as_deref().zip(e.bound())
}

/// What an approval of a draft binds to, kept only when it is not its text's hash (a letter
/// with files): a hundred thousand entries hold no second copy of their hashes.
fn own_bound(f: &DraftFile) -> Option<String> {
    f.own_bound().cloned()
}

impl Entry {
    /// Where the words of the letter that went (or may have) are kept, when they are
    /// (`state::went`).
    /// Only a copy that is what went, with the letter's files read from `base`, is named.
    pub fn kept_as_went(&self, base: &std::path::Path) -> Option<PathBuf> {
        let path = self.path.as_ref()?;
        let r = self.record.as_ref()?;
        let id = r
            .sent
            .as_ref()
            .map(|s| s.message_id.as_str())
            .or_else(|| r.delivery.as_ref().and_then(Delivery::message_id))?;
        let hash = r.letter.as_ref()?.hash.as_str();
        let (drafts, file) = (path.parent()?, path.file_name()?.to_string_lossy());
        super::went::verified(drafts, base, &file, id, hash).ok()??;
        Some(super::went::path(drafts, &file, id))
    }

    /// Why a letter approved as its text still is cannot go: a file it names cannot be read now
    /// (gone, moved, a folder). Such a letter is not one to read again but one to fix.
    pub fn approved_but_broken(&self) -> Option<&FileProblem> {
        let d = self.record.as_ref()?.decision.as_ref()?;
        let approved = d.verdict == Verdict::Approved && d.text.is_some() && d.text == self.hash;
        if !approved || self.state.went() {
            return None;
        }
        self.unreadable.as_deref()
    }

    /// What an approval of the draft binds to: the text, and the letter's files when it carries
    /// any (`DraftFile::bound`).
    pub fn bound(&self) -> Option<&str> {
        self.bound.as_deref().or(self.hash.as_deref())
    }
}

/// A client the journal knows who is not on the list as it reads now.
fn removed_of(key: String, r: &Record) -> Removed {
    Removed {
        key,
        draft: r.draft.clone(),
        sent_on: r.sent.as_ref().map(|s| s.at.format("%Y-%m-%d").to_string()),
        approved_unsent: r.sent.is_none()
            && r.decision
                .as_ref()
                .is_some_and(|d| d.verdict == Verdict::Approved),
    }
}

/// Whether an entry's draft is looked at for anecdotes told again: a letter gone is not warned
/// about again (and not compared with every earlier one).
fn told_again(e: &Entry) -> bool {
    e.text.is_some() && !e.state.went()
}

/// The anecdote of an earlier letter in `past` that an entry's draft tells again, as a warning.
fn repeat_of(e: &Entry, past: &Past, template_words: &TemplateWords) -> Option<String> {
    // The draft as it is on disk now: an edit that takes the repeated words out takes the
    // warning with them.
    match (&e.text, told_again(e)) {
        (Some(text), true) => {
            Campaign::repeated_anecdote(past, body_of(&measured(text)), template_words)
        }
        _ => None,
    }
}

/// An entry's warnings, `repeat` (`repeat_of`) among them, and whether one of them is a retold
/// anecdote; `note_column` is the list's name for the note.
fn warnings_for(
    e: &Entry,
    repeat: Option<String>,
    (note_column, base): (&str, &std::path::Path),
) -> (Vec<String>, bool) {
    let mut w = Vec::new();
    if let Some(note) = Campaign::note_warning(&e.client, note_column) {
        w.push(note);
    }
    let retold = repeat.is_some();
    w.extend(repeat);
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
    if let (Some(text), true) = (&e.text, !e.state.went()) {
        if let Err(why) = validate(text, &e.client.key) {
            w.push(tr!("survey-cannot-send", why = why.to_string()));
        }
        if let Some(problem) = &e.unreadable {
            w.push(tr!("survey-cannot-send", why = problem.why.clone()));
        }
        if files_changed_since_approved(e) {
            w.push(tr!("survey-file-changed-since-approved"));
        }
    }
    if let Some(said) = delivery_warning(e) {
        w.push(said);
    }
    w.extend(changed_since_it_went(e, base));
    (w, retold)
}

/// A letter that went (or may have) whose draft changed since: said, with where its words as
/// they went are kept when they are.
fn changed_since_it_went(e: &Entry, base: &std::path::Path) -> Option<String> {
    let went = e.record.as_ref().and_then(|r| r.letter.as_ref())?;
    let gone_or_may_have = e.state.went() || e.state == State::Uncertain;
    if !gone_or_may_have || e.bound() == Some(went.hash.as_str()) {
        return None;
    }
    Some(match (e.state, e.kept_as_went(base)) {
        (State::Uncertain, None) => tr!("survey-draft-changed-after-send"),
        (State::Uncertain, Some(kept)) => tr!(
            "survey-draft-changed-after-send-kept",
            kept = kept.display()
        ),
        (_, Some(kept)) => tr!("survey-sent-draft-changed-kept", kept = kept.display()),
        (_, None) => tr!("survey-sent-draft-changed"),
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::journal::{Event, What};

    /// Each client's events: drafted, and every third approved; and a client gone from the list.
    fn events(keys: &[String]) -> Vec<Event> {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").unwrap();
        let mut events = Vec::new();
        for (i, key) in keys
            .iter()
            .chain([&"gone@example.com".to_string()])
            .enumerate()
        {
            let what = What::Drafted {
                hash: format!("h{i}"),
                draft: Some(format!("{i:04}.txt")),
            };
            events.push(Event::new(now, key, what));
            if i % 3 == 0 {
                let hash = format!("h{i}");
                events.push(Event::decision(now, key, Verdict::Approved, (&hash, &hash)));
            }
        }
        events
    }

    #[test]
    fn records_folded_a_group_at_a_time_are_those_folded_at_once() {
        let csv: String = std::iter::once("email,name\n".to_string())
            .chain((0..40).map(|i| format!("c{i}@example.com,Client {i}\n")))
            .collect();
        let clients = || crate::domain::clients::parse_csv(csv.as_bytes(), "c.csv").clients;
        let keys: Vec<String> = clients().iter().map(|c| c.key.clone()).collect();
        let events = events(&keys);
        let mut whole = bare_entries(clients());
        let removed_whole = give_records_by(&mut whole, &events, 1000);
        let mut grouped = bare_entries(clients());
        // Forty groups of one: each client's record folded from their own events.
        let removed_grouped = give_records_by(&mut grouped, &events, 1);
        let all = journal::fold(&events);
        for (a, b) in whole.iter().zip(&grouped) {
            assert_eq!(a.client.key, b.client.key);
            assert_eq!(a.record, b.record);
            assert_eq!(a.record.as_ref(), all.get(&a.client.key));
        }
        let said = |r: &[Removed]| -> Vec<(String, Option<String>, bool)> {
            r.iter()
                .map(|r| (r.key.clone(), r.draft.clone(), r.approved_unsent))
                .collect()
        };
        assert_eq!(said(&removed_whole), said(&removed_grouped));
        assert_eq!(
            said(&removed_grouped),
            vec![("gone@example.com".into(), Some("0040.txt".into()), false)]
        );
    }
}

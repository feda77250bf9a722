//! What every client's state is, from the journal and the drafts folder; `cartero status`.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::domain::campaign::Campaign;
use crate::domain::clients::Client;
use crate::state::drafts::{read_draft, state_of, validate, DraftFile, State};
use crate::state::journal::{self, Delivery, Journal, Record};
use crate::state::limits::Day;
use crate::domain::personal;
use crate::settings::Settings;

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
}

/// A client the journal knows who is not on the list as it reads now.
pub struct Removed {
    pub key: String,
    pub draft: Option<String>,
    /// Approved and never sent: a letter the user wanted to go.
    pub approved_unsent: bool,
}

/// Everything `status`, `review` and `send` need: the campaign and each client's entry.
pub struct Survey {
    pub campaign: Campaign,
    pub entries: Vec<Entry>,
    /// Clients in the journal but not on the list as it is now (removed, or a row with errors).
    pub removed: Vec<Removed>,
    pub journal_warnings: Vec<String>,
    /// The journal's events, as read: what `send` counts a day's letters from.
    pub events: Vec<journal::Event>,
    literals: Vec<String>,
}

impl Survey {
    pub fn take(settings: Settings) -> Result<Survey> {
        let mut campaign = Campaign::load(settings)?;
        if campaign.clients.is_empty() && campaign.has_errors() {
            crate::commands::report(&mut campaign.problems);
            anyhow::bail!("the client list has errors: fix them, then try again");
        }
        if campaign.clients_have_errors() {
            // The rows with errors are left out: say so, or their drafts would silently vanish.
            campaign.problems.retain(|p| p.is_error());
            crate::commands::report(&mut campaign.problems);
            tell!("warning: the clients on the rows above are left out until the list is fixed (`cartero check`)");
        }
        let (events, journal_warnings) = Journal::read(&campaign.settings.journal_path())?;
        let records = journal::fold(&events);
        let send_running =
            crate::state::lock::holder(&campaign.settings.drafts).is_some_and(|h| h.command == "send");
        let drafts_dir = campaign.settings.drafts.clone();
        let mut entries = Vec::with_capacity(campaign.clients.len());
        let mut templates_used = Vec::new();
        for client in &campaign.clients {
            if let Ok(name) = campaign.templates.template_for(client) {
                templates_used.push(name);
            }
        }
        // Reading and hashing ten thousand drafts is most of the work: on every core.
        let read = crate::par::parallel_map(&campaign.clients, |client| {
            let record = records.get(&client.key).cloned();
            let path = record
                .as_ref()
                .and_then(|r| r.draft.as_ref())
                .map(|d| drafts_dir.join(d));
            let file = read_entry(client, path.as_deref());
            (record, path, file)
        });
        for (client, (record, path, file)) in campaign.clients.iter().zip(read) {
            let file = file?;
            let hash = file.as_ref().map(|f| f.hash.clone());
            let state = state_of(record.as_ref(), hash.as_deref(), send_running);
            entries.push(Entry {
                client: client.clone(),
                record,
                path,
                encoding: file.as_ref().and_then(|f| f.encoding),
                text: file.map(|f| f.text),
                hash,
                state,
                share: None,
                warnings: Vec::new(),
            });
        }
        let on_list: HashSet<&str> = campaign.clients.iter().map(|c| c.key.as_str()).collect();
        let mut removed: Vec<Removed> = records
            .iter()
            .filter(|(k, _)| !on_list.contains(k.as_str()))
            .map(|(k, r)| Removed {
                key: k.clone(),
                draft: r.draft.clone(),
                approved_unsent: r.sent.is_none()
                    && matches!(r.decision, Some((journal::Kind::Approved, _))),
            })
            .collect();
        removed.sort_by(|a, b| a.key.cmp(&b.key));
        let literals = campaign.literals(templates_used.iter().map(String::as_str));
        let mut survey = Survey {
            campaign,
            entries,
            removed,
            journal_warnings,
            events,
            literals: Vec::new(),
        };
        survey.measure(&literals);
        survey.literals = literals;
        let warnings = crate::par::parallel_map(&survey.entries, warnings_for);
        for (entry, w) in survey.entries.iter_mut().zip(warnings) {
            entry.warnings = w;
        }
        survey.mark_waiting();
        Ok(survey)
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
        let settings = &self.campaign.settings;
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
            if let Some((time, reply)) = e.record.as_ref().and_then(|r| r.deferred.as_ref()) {
                e.warnings.push(format!(
                    "waiting: at {time} the server refused more letters from your account ({reply}); `cartero send` tries again"
                ));
            }
            if room > 0 {
                room -= 1;
                continue;
            }
            if let Some(day) = &day {
                let from = day.next_free().map_or("tomorrow".to_string(), |t| {
                    format!("from {}", t.format("%Y-%m-%d %H:%M"))
                });
                e.warnings.push(format!(
                    "waiting: the daily limit of {} letters (`daily-limit` under `[smtp]`) is reached; letters may go again {from}",
                    day.limit
                ));
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
        e.warnings = warnings_for(e);
        Ok(())
    }
}

/// A client's draft file, if the journal names one and it is there.
fn read_entry(client: &Client, path: Option<&std::path::Path>) -> Result<Option<DraftFile>> {
    let Some(path) = path else { return Ok(None) };
    read_draft(path).with_context(|| {
        format!(
            "failed to read the draft of `{}` ({})",
            client.name, client.email
        )
    })
}

fn warnings_for(e: &Entry) -> Vec<String> {
    let mut w = Vec::new();
    if let Some(note) = Campaign::note_warning(&e.client) {
        w.push(note);
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
            w.push(format!(
                "the client's data changed after you edited this draft: the fresh version is in `{}`; merge what you want, then delete it",
                new.display()
            ));
        }
    }
    if let (Some(text), true) = (&e.text, e.state != State::Sent) {
        if let Err(why) = validate(text, &e.client.key) {
            w.push(format!("this draft cannot be sent as it is: {why}"));
        }
    }
    match (&e.state, e.record.as_ref().and_then(|r| r.delivery.as_ref())) {
        (State::Uncertain, Some(Delivery::Pending { message_id })) => w.push(format!(
            "a send was interrupted: the message {message_id} may or may not have arrived; look for it in your sent folder, and use `cartero send --resend {}` only if it did not",
            e.client.email
        )),
        (State::Uncertain, Some(Delivery::Uncertain { message_id, why })) => w.push(format!(
            "{why}: the message {message_id} may or may not have arrived; look for it in your sent folder, and use `cartero send --resend {}` only if it did not",
            e.client.email
        )),
        (State::Failed, Some(Delivery::Failed { reply, permanent })) => w.push(format!(
            "the server refused it: {reply}{}",
            if *permanent { " (fix the address or the draft, approve it again, or `--resend` it)" } else { " (it will be tried again on the next `cartero send`)" }
        )),
        (State::Missing, _) => w.push("the draft file is gone: `cartero draft` writes it again".into()),
        _ => {}
    }
    w
}

pub fn print_share_summary(survey: &Survey) {
    let shares: Vec<f64> = survey.entries.iter().filter_map(|e| e.share).collect();
    if shares.is_empty() {
        return;
    }
    let mass: Vec<&str> = survey
        .entries
        .iter()
        .filter(|e| e.share.is_some_and(personal::reads_like_mass_mail))
        .map(|e| e.client.name.as_str())
        .collect();
    let no_note = survey
        .entries
        .iter()
        .filter(|e| e.client.note.is_none())
        .count();
    say!(
        "personal share: {:.0}% on average; {} read like a mass mail{}; {no_note} without a personal note",
        shares.iter().sum::<f64>() / shares.len() as f64 * 100.0,
        mass.len(),
        if mass.is_empty() || mass.len() > 10 { String::new() } else { format!(" ({})", mass.join(", ")) }
    );
}

/// `cartero status`: every client's state, as a table or as JSON.
pub fn run(settings: Settings, json: bool) -> Result<std::process::ExitCode> {
    let survey = Survey::take(settings)?;
    for w in &survey.journal_warnings {
        tell!("warning: {w}");
    }
    if json {
        let items: Vec<serde_json::Value> = survey
            .entries
            .iter()
            .map(|e| {
                let message_id = e
                    .record
                    .as_ref()
                    .and_then(|r| r.delivery.as_ref())
                    .and_then(Delivery::message_id);
                serde_json::json!({
                    "index": e.client.index,
                    "email": e.client.email,
                    "name": e.client.name,
                    "state": e.state.as_str(),
                    "draft": e.path.as_ref().map(|p| p.display().to_string()),
                    "personal_share": e.share.map(|s| (s * 1000.0).round() / 1000.0),
                    "warnings": e.warnings,
                    "message_id": message_id,
                })
            })
            .collect();
        say!("{}", serde_json::to_string_pretty(&items)?);
        return Ok(std::process::ExitCode::SUCCESS);
    }
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let width = survey
        .entries
        .iter()
        .map(|e| e.client.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 30);
    writeln!(
        out,
        "{:>4}  {:<9}  {:>8}  {:<width$}  draft",
        "#", "state", "personal", "name"
    )?;
    for e in &survey.entries {
        let share = e
            .share
            .map_or("-".to_string(), |s| format!("{:.0}%", s * 100.0));
        let name: String = e.client.name.chars().take(width).collect();
        let draft = e
            .path
            .as_ref()
            .map_or("-".to_string(), |p| p.display().to_string());
        writeln!(
            out,
            "{:>4}  {:<9}  {:>8}  {:<width$}  {draft}",
            e.client.index,
            e.state.as_str(),
            share,
            name
        )?;
        for w in &e.warnings {
            writeln!(out, "{:>4}  └ {w}", "")?;
        }
    }
    for r in &survey.removed {
        writeln!(
            out,
            "      no longer on the list: {} (draft `{}` kept, not sent{})",
            r.key,
            r.draft.as_deref().unwrap_or("-"),
            if r.approved_unsent {
                "; it was approved"
            } else {
                ""
            }
        )?;
    }
    let mut counts: HashMap<State, usize> = HashMap::new();
    for e in &survey.entries {
        *counts.entry(e.state).or_default() += 1;
    }
    let summary: Vec<String> = State::ALL
        .iter()
        .filter_map(|s| counts.get(s).map(|n| format!("{n} {}", s.as_str())))
        .collect();
    writeln!(
        out,
        "{}: {}",
        crate::text::count(survey.entries.len(), "client"),
        summary.join(", ")
    )?;
    let hint = if counts.contains_key(&State::New) {
        "next: `cartero draft` writes the missing drafts"
    } else if State::ALL
        .iter()
        .any(|s| s.needs_review() && counts.contains_key(s))
    {
        "next: `cartero review` to read and approve the drafts"
    } else if counts.contains_key(&State::Approved) || counts.contains_key(&State::Failed) {
        "next: `cartero send --to-self` for a test run, then `cartero send`"
    } else {
        "nothing waits for you"
    };
    writeln!(out, "{hint}")?;
    Ok(std::process::ExitCode::SUCCESS)
}

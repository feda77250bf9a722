//! The drafts folder: one editable `NNNN-slug.txt` per client; writing them, reading them back,
//! and telling what state each client is in.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, Result};
use lettre::message::Mailbox;

use crate::campaign::Campaign;
use crate::clients::{clean_line, Client};
use crate::compose::{draft_text, Email};
use crate::journal::{self, Delivery, Event, Journal, Kind, Record};
use crate::personal;
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
    if draft.to.email.to_string().to_lowercase() != client_key {
        return Err(format!(
            "the `To:` line is `{}`, not this client's address `{client_key}`: a draft goes to its own client",
            draft.to.email
        ));
    }
    Ok(draft)
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
    if let Some(Delivery::Pending { .. }) = r.delivery {
        return if send_running {
            State::Sending
        } else {
            State::Uncertain
        };
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

/// One client as the drafts folder and the journal show them now.
pub struct Entry {
    pub client: Client,
    pub record: Option<Record>,
    pub path: Option<PathBuf>,
    pub text: Option<String>,
    pub hash: Option<String>,
    pub state: State,
    pub share: Option<f64>,
    pub warnings: Vec<String>,
}

/// Everything `status`, `review` and `send` need: the campaign and each client's entry.
pub struct Survey {
    pub campaign: Campaign,
    pub entries: Vec<Entry>,
    /// Clients in the journal but no longer on the list: (address, draft file).
    pub removed: Vec<(String, Option<String>)>,
    pub journal_warnings: Vec<String>,
    literals: Vec<String>,
}

impl Survey {
    pub fn take(settings: Settings) -> Result<Survey> {
        let mut campaign = Campaign::load(settings)?;
        if campaign.clients.is_empty() && campaign.has_errors() {
            crate::commands::report(&mut campaign.problems);
            anyhow::bail!("the client list has errors: fix them, then try again");
        }
        let (events, journal_warnings) = Journal::read(&campaign.settings.journal_path())?;
        let records = journal::fold(&events);
        let send_running = crate::send::lock_is_held(&campaign.settings.drafts);
        let drafts_dir = campaign.settings.drafts.clone();
        let mut entries = Vec::with_capacity(campaign.clients.len());
        let mut templates_used = Vec::new();
        for client in &campaign.clients {
            if let Ok(name) = campaign.templates.template_for(client) {
                templates_used.push(name);
            }
        }
        // Reading and hashing ten thousand drafts is most of the work: on every core.
        let read = crate::campaign::parallel_map(&campaign.clients, |client| {
            let record = records.get(&client.key).cloned();
            let path = record
                .as_ref()
                .and_then(|r| r.draft.as_ref())
                .map(|d| drafts_dir.join(d));
            let text = path.as_ref().and_then(|p| std::fs::read_to_string(p).ok());
            let hash = text.as_deref().map(journal::hash);
            (record, path, text, hash)
        });
        for (client, (record, path, text, hash)) in campaign.clients.iter().zip(read) {
            let state = state_of(record.as_ref(), hash.as_deref(), send_running);
            entries.push(Entry {
                client: client.clone(),
                record,
                path,
                text,
                hash,
                state,
                share: None,
                warnings: Vec::new(),
            });
        }
        let on_list: HashSet<&str> = campaign.clients.iter().map(|c| c.key.as_str()).collect();
        let mut removed: Vec<(String, Option<String>)> = records
            .iter()
            .filter(|(k, _)| !on_list.contains(k.as_str()))
            .map(|(k, r)| (k.clone(), r.draft.clone()))
            .collect();
        removed.sort();
        let literals = campaign.literals(templates_used.iter().map(String::as_str));
        let mut survey = Survey {
            campaign,
            entries,
            removed,
            journal_warnings,
            literals: Vec::new(),
        };
        survey.measure(&literals);
        survey.literals = literals;
        let warnings = crate::campaign::parallel_map(&survey.entries, warnings_for);
        for (entry, w) in survey.entries.iter_mut().zip(warnings) {
            entry.warnings = w;
        }
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

    /// Recomputes one entry after its file changed (an edit in review).
    pub fn refresh(&mut self, index: usize) {
        let send_running = false;
        let e = &mut self.entries[index];
        e.text = e
            .path
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok());
        e.hash = e.text.as_deref().map(journal::hash);
        e.state = state_of(e.record.as_ref(), e.hash.as_deref(), send_running);
        let literals = std::mem::take(&mut self.literals);
        self.measure(&literals);
        self.literals = literals;
        let e = &mut self.entries[index];
        e.warnings = warnings_for(e);
    }
}

fn warnings_for(e: &Entry) -> Vec<String> {
    let mut w = Vec::new();
    if let Some(note) = Campaign::note_warning(&e.client) {
        w.push(note);
    }
    if let Some(share) = e.share {
        if personal::reads_like_mass_mail(share) {
            w.push(crate::commands::mass_mail_warning(share));
        }
    }
    if let Some(path) = &e.path {
        let new = new_path(path);
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
        (State::Failed, Some(Delivery::Failed { reply, permanent })) => w.push(format!(
            "the server refused it: {reply}{}",
            if *permanent { " (fix the address or the draft, approve it again, or `--resend` it)" } else { " (it will be tried again on the next `cartero send`)" }
        )),
        (State::Missing, _) => w.push("the draft file is gone: `cartero draft` writes it again".into()),
        _ => {}
    }
    w
}

/// `0003-lucia.txt` → `0003-lucia.txt.new`.
pub fn new_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(".new");
    PathBuf::from(s)
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
        eprintln!("no draft was written: fix the errors above first");
        return Ok(ExitCode::from(1));
    }
    let dir = campaign.settings.drafts.clone();
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("failed to create `{}`", dir.display()))?;
    let mut journal = Journal::open(&campaign.settings.journal_path())?;
    for w in &journal.warnings {
        eprintln!("warning: {w}");
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
                let name = free_name(&dir, &taken, client, &hash);
                let path = dir.join(&name);
                if !path.exists() {
                    write_atomic(&path, &text)?;
                }
                journal.append_lazy(drafted(&name))?;
                Outcome::Written
            }
            Some((record, name)) => {
                let path = dir.join(&name);
                let current = std::fs::read_to_string(&path)
                    .ok()
                    .map(|t| journal::hash(&t));
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
                    _ if record.render.as_deref() == Some(hash.as_str()) => Outcome::KeptEdited,
                    _ => {
                        let new = new_path(&path);
                        write_atomic(&new, &text)?;
                        journal.append_lazy(
                            Event::new(now, &client.key, Kind::Conflict).hash(&hash),
                        )?;
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
            eprintln!(
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
            eprintln!(
                "note: `{key}` is no longer in the client list; its draft `{}` is kept and will not be sent",
                record.draft.as_deref().unwrap_or("-")
            );
        }
    }
    println!(
        "{} drafts in `{}`: {written} new, {refreshed} refreshed, {kept} edited by you and kept, {unchanged} unchanged",
        outcomes.len(),
        dir.display()
    );
    drop(journal);
    let survey = Survey::take(campaign.settings.clone())?;
    print_share_summary(&survey);
    println!("next: read them with `cartero review` (or open them in any editor first)");
    Ok(ExitCode::SUCCESS)
}

fn print_share_summary(survey: &Survey) {
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
    println!(
        "personal share: {:.0}% on average; {} read like a mass mail{}; {no_note} without a personal note",
        shares.iter().sum::<f64>() / shares.len() as f64 * 100.0,
        mass.len(),
        if mass.is_empty() || mass.len() > 10 { String::new() } else { format!(" ({})", mass.join(", ")) }
    );
}

/// `NNNN-slug.txt`, unless another client's draft already has that name.
fn free_name(dir: &Path, taken: &HashSet<String>, client: &Client, hash: &str) -> String {
    let stem = crate::commands::file_stem(client.index, &client.name, &client.email);
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
        match std::fs::read_to_string(&path) {
            Err(_) => return name,
            Ok(t) if journal::hash(&t) == hash => return name,
            Ok(_) => continue,
        }
    }
    unreachable!()
}

/// `cartero status`: every client's state, as a table or as JSON.
pub fn status(settings: Settings, json: bool) -> Result<std::process::ExitCode> {
    let survey = Survey::take(settings)?;
    for w in &survey.journal_warnings {
        eprintln!("warning: {w}");
    }
    if json {
        let items: Vec<serde_json::Value> = survey
            .entries
            .iter()
            .map(|e| {
                let message_id = e.record.as_ref().and_then(|r| match &r.delivery {
                    Some(Delivery::Pending { message_id })
                    | Some(Delivery::Sent { message_id, .. }) => Some(message_id.clone()),
                    _ => None,
                });
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
        println!("{}", serde_json::to_string_pretty(&items)?);
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
    for (key, draft) in &survey.removed {
        writeln!(
            out,
            "      no longer on the list: {key} (draft `{}` kept, not sent)",
            draft.as_deref().unwrap_or("-")
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
        "{} clients: {}",
        survey.entries.len(),
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

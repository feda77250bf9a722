//! The archive: every letter sent, across campaigns and years, and what the user remembered of
//! each client, in one SQLite file per user. The journal stays the truth for a campaign; the
//! archive is filled from it after a send (and again on the next one, so a crash between the
//! two is repaired, never duplicated: a letter is kept once, by its Message-ID).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use rusqlite::{params, Connection, OpenFlags};

use crate::diag::Problem;
use crate::domain::campaign::Campaign;
use crate::domain::clients::{Past, PastLetter};
use crate::domain::message::parse;
use crate::settings::Settings;
use crate::state::journal::{self, Event, Proof, What};

/// `PRAGMA application_id`: "cart", so a file is known for a cartero archive.
const APPLICATION_ID: i64 = 0x6361_7274;
/// The schema this cartero writes; an archive from a newer one is left alone.
const SCHEMA: i64 = 5;

/// One letter as the archive keeps it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Letter {
    pub message_id: String,
    pub email: String,
    pub name: String,
    /// RFC 3339, as the journal wrote it.
    pub sent_at: String,
    pub subject: String,
    pub body: String,
    /// What in the letter belonged to this client alone (the paragraphs no other letter of the
    /// campaign had).
    pub personal: String,
    /// The campaign's drafts folder it came from.
    pub campaign: String,
    pub replied_at: Option<String>,
    /// How it is known to have gone, when not by the server's word: `found-in-sent`,
    /// `answered`, `user-said` (`cartero send --arrived`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proof: Option<String>,
    /// The names of the files that went with it (not their bytes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
    /// When it came back (the notice's date, RFC 3339), if a mail server returned it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bounced_at: Option<String>,
    /// The server's reason, when it came back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bounce: Option<String>,
}

/// A memory kept with `cartero remember`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Memory {
    pub email: String,
    pub at: String,
    pub text: String,
}

pub struct Archive {
    conn: Connection,
    path: PathBuf,
}

/// Where the archive is when nothing says: the platform's data folder.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "cartero").map(|d| d.data_dir().join("archive.sqlite3"))
}

impl Archive {
    /// Opens (creating) the archive; an error names the file and says what to do.
    pub fn open(path: &Path) -> Result<Archive> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| tr!("archive-db-create-folder-failed", folder = dir.display()))?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )
        .with_context(|| tr!("archive-db-open-failed", file = path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let mut archive = Archive {
            conn,
            path: path.to_path_buf(),
        };
        archive
            .prepare()
            .with_context(|| tr!("archive-db-open-failed", file = path.display()))?;
        Ok(archive)
    }

    /// Checks the file is a cartero archive this cartero can read, and migrates it.
    fn prepare(&mut self) -> Result<()> {
        let id: i64 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|_| anyhow::anyhow!(tr!("archive-db-not-sqlite")))?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if id != APPLICATION_ID && tables > 0 {
            bail!(tr!("archive-db-not-cartero"));
        }
        if version > SCHEMA {
            bail!(tr!(
                "archive-db-newer",
                version = version.to_string(),
                reads = SCHEMA.to_string()
            ));
        }
        let _ = self.conn.pragma_update(None, "journal_mode", "WAL");
        // Read through SQLite's own small page cache, not mapped into memory: a mapped archive's
        // pages count in cartero's memory, and a hundred thousand clients' past is 300 MB of it.
        if version < 1 {
            self.conn.execute_batch(&format!(
                "BEGIN;
                 CREATE TABLE letters (
                     message_id TEXT PRIMARY KEY,
                     email TEXT NOT NULL,
                     name TEXT NOT NULL,
                     sent_at TEXT NOT NULL,
                     subject TEXT NOT NULL,
                     personal TEXT NOT NULL,
                     campaign TEXT NOT NULL,
                     replied_at TEXT
                 );
                 CREATE INDEX letters_by_client ON letters (email, sent_at);
                 -- The whole texts apart: reading every client's past reads only what it needs.
                 CREATE TABLE bodies (
                     message_id TEXT PRIMARY KEY,
                     body TEXT NOT NULL
                 );
                 CREATE TABLE memories (
                     id INTEGER PRIMARY KEY,
                     email TEXT NOT NULL,
                     at TEXT NOT NULL,
                     text TEXT NOT NULL
                 );
                 CREATE INDEX memories_by_client ON memories (email, at);
                 PRAGMA application_id = {APPLICATION_ID};
                 PRAGMA user_version = 1;
                 COMMIT;"
            ))?;
        }
        self.migrate(version)
    }

    /// The changes of the schema since version 1, each once.
    fn migrate(&self, version: i64) -> Result<()> {
        if version < 2 {
            // Version 2: everything a survey reads of the past in one index, in the order it
            // reads it, so that reading is one pass over the index alone.
            self.conn.execute_batch(
                "BEGIN;
                 CREATE INDEX letters_past ON letters
                     (email, sent_at, campaign, replied_at, personal, subject);
                 PRAGMA user_version = 2;
                 COMMIT;",
            )?;
        }
        if version < 3 {
            // Version 3: how a letter is known to have gone, when not by the server's word.
            self.conn.execute_batch(
                "BEGIN;
                 ALTER TABLE letters ADD COLUMN proof TEXT;
                 PRAGMA user_version = 3;
                 COMMIT;",
            )?;
        }
        if version < 4 {
            // Version 4: a letter that came back, when and why (each column once, whatever
            // version the file says it is).
            let mut add = String::new();
            for column in ["bounced_at", "bounce"] {
                if !self.has_column("letters", column)? {
                    add.push_str(&format!("ALTER TABLE letters ADD COLUMN {column} TEXT;"));
                }
            }
            self.conn
                .execute_batch(&format!("BEGIN; {add} PRAGMA user_version = 4; COMMIT;"))?;
        }
        if version < 5 {
            // Version 5: the names of the files a letter carried, beside its text.
            let add = match self.has_column("bodies", "attachments")? {
                true => "",
                false => "ALTER TABLE bodies ADD COLUMN attachments TEXT;",
            };
            self.conn
                .execute_batch(&format!("BEGIN; {add} PRAGMA user_version = 5; COMMIT;"))?;
        }
        Ok(())
    }

    /// Whether `table` has `column`.
    fn has_column(&self, table: &str, column: &str) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2",
            params![table, column],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Keeps letters not kept yet; a letter already there (by Message-ID) is left as it is.
    /// Returns how many were new.
    pub fn keep(&mut self, letters: &[Letter]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut added = 0;
        {
            let mut insert = tx.prepare(
                "INSERT OR IGNORE INTO letters
                 (message_id, email, name, sent_at, subject, personal, campaign, replied_at, proof,
                  bounced_at, bounce)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            let mut body = tx.prepare(
                "INSERT OR IGNORE INTO bodies (message_id, body, attachments) VALUES (?1, ?2, ?3)",
            )?;
            let mut replied = tx.prepare(
                "UPDATE letters SET replied_at = ?2 WHERE message_id = ?1 AND replied_at IS NULL",
            )?;
            let mut bounced = tx.prepare(
                "UPDATE letters SET bounced_at = ?2, bounce = ?3
                 WHERE message_id = ?1 AND bounced_at IS NULL",
            )?;
            for l in letters {
                let new = insert.execute(params![
                    l.message_id,
                    l.email,
                    l.name,
                    l.sent_at,
                    l.subject,
                    l.personal,
                    l.campaign,
                    l.replied_at,
                    l.proof,
                    l.bounced_at,
                    l.bounce
                ])?;
                if new > 0 {
                    let files = (!l.attachments.is_empty()).then(|| l.attachments.join("\n"));
                    body.execute(params![l.message_id, l.body, files])?;
                    added += new;
                    continue;
                }
                if let Some(at) = &l.replied_at {
                    replied.execute(params![l.message_id, at])?;
                }
                if let Some(at) = &l.bounced_at {
                    bounced.execute(params![l.message_id, at, l.bounce])?;
                }
            }
        }
        tx.commit()
            .with_context(|| tr!("archive-db-write-failed", file = self.path.display()))?;
        Ok(added)
    }

    /// Every letter to a client, newest first.
    pub fn history(&self, email: &str) -> Result<Vec<Letter>> {
        let mut q = self.conn.prepare(
            "SELECT l.message_id, email, name, sent_at, subject, coalesce(b.body, ''), personal, campaign, replied_at, proof, bounced_at, bounce, b.attachments AS attachments
             FROM letters l LEFT JOIN bodies b ON b.message_id = l.message_id
             WHERE email = ?1 ORDER BY sent_at DESC",
        )?;
        let rows = q.query_map([email], letter_of_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// How many letters the archive holds from a campaign: with one, nothing tells its
    /// personal part from the template's.
    pub fn letters_in(&self, campaign: &str) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM letters WHERE campaign = ?1",
            [campaign],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Keeps a memory of a client, dated.
    pub fn remember(&mut self, email: &str, at: &str, text: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO memories (email, at, text) VALUES (?1, ?2, ?3)",
                params![email, at, text],
            )
            .with_context(|| tr!("archive-db-write-failed", file = self.path.display()))?;
        Ok(())
    }

    /// A client's memories kept after `since` (all of them when `None`), oldest first.
    pub fn memories(&self, email: &str, since: Option<&str>) -> Result<Vec<Memory>> {
        let mut q = self.conn.prepare(
            "SELECT email, at, text FROM memories WHERE email = ?1 AND at >= ?2 ORDER BY at",
        )?;
        let rows = q.query_map(params![email, since.unwrap_or("")], |r| {
            Ok(Memory {
                email: r.get(0)?,
                at: r.get(1)?,
                text: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Every address a letter was ever sent to, in order.
    pub fn addresses(&self) -> Result<Vec<String>> {
        let mut q = self
            .conn
            .prepare("SELECT DISTINCT email FROM letters ORDER BY email")?;
        let rows = q.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
    }

    /// Everyone ever written to, each with their newest letter, by address.
    pub fn everyone(&self) -> Result<Vec<Letter>> {
        let mut q = self.conn.prepare(
            "SELECT message_id, email, name, max(sent_at), subject, '', personal, campaign, replied_at, proof, bounced_at, bounce
             FROM letters GROUP BY email ORDER BY email",
        )?;
        let rows = q.query_map([], letter_of_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// A letter from a row of `message_id, email, name, sent_at, subject, body, personal, campaign,
/// replied_at`.
fn letter_of_row(r: &rusqlite::Row) -> rusqlite::Result<Letter> {
    Ok(Letter {
        message_id: r.get(0)?,
        email: r.get(1)?,
        name: r.get(2)?,
        sent_at: r.get(3)?,
        subject: r.get(4)?,
        body: r.get(5)?,
        personal: r.get(6)?,
        campaign: r.get(7)?,
        replied_at: r.get(8)?,
        proof: r.get(9)?,
        bounced_at: r.get(10)?,
        bounce: r.get(11)?,
        // Only a letter's own history reads them.
        attachments: r
            .get::<_, Option<String>>("attachments")
            .ok()
            .flatten()
            .map(|a| a.lines().map(str::to_string).collect())
            .unwrap_or_default(),
    })
}

/// The letters a campaign's drafts folder shows sent: from its journal, each with the text of
/// its draft file (a sent draft is never rewritten). A letter whose draft file is gone is left
/// out, and counted.
/// `base` is the campaign folder, where the letters' files are read from.
pub fn letters_of_campaign(drafts: &Path, base: &Path) -> Result<(Vec<Letter>, usize)> {
    let (events, _) = journal::Journal::read(&drafts.join("journal.jsonl"))?;
    let records = journal::fold(&events);
    let campaign = campaign_name(drafts);
    let mut letters = Vec::new();
    let mut missing = 0;
    for e in &events {
        let What::Sent {
            message_id, proof, ..
        } = &e.what
        else {
            continue;
        };
        let sent = (message_id.as_str(), *proof);
        let Some(letter) = letter_of(e, sent, &records, (drafts, base), &campaign)? else {
            missing += 1;
            continue;
        };
        letters.push(letter);
    }
    mark_personal(&mut letters);
    Ok((letters, missing))
}

/// How a letter is known to have gone, as the archive writes it; `None` for the server's word.
fn proof_name(proof: Proof) -> Option<String> {
    match proof {
        Proof::Server => None,
        Proof::FoundInSent => Some("found-in-sent".into()),
        Proof::Answered => Some("answered".into()),
        Proof::UserSaid => Some("user-said".into()),
        Proof::Notice => Some("notice".into()),
    }
}

/// How the archive names a campaign: its drafts folder, in full.
fn campaign_name(drafts: &Path) -> String {
    drafts
        .canonicalize()
        .unwrap_or_else(|_| drafts.to_path_buf())
        .display()
        .to_string()
}

fn letter_of(
    e: &Event,
    (message_id, proof): (&str, Proof),
    records: &HashMap<String, journal::Record>,
    (drafts, base): (&Path, &Path),
    campaign: &str,
) -> Result<Option<Letter>> {
    let Some(file) = records.get(&e.client).and_then(|r| r.draft.as_ref()) else {
        return Ok(None);
    };
    // The words as they went: the kept copy or the draft, whichever is what went.
    let draft = crate::state::drafts::read_draft(&drafts.join(file))?.map(|d| d.text);
    let hash = match &e.what {
        What::Sent { hash, .. } => hash.as_deref(),
        _ => None,
    };
    let went = crate::state::went::as_went(drafts, base, file, message_id, hash, draft.as_deref());
    let Some(text) = went else {
        return Ok(None);
    };
    let Ok(parsed) = parse(&text) else {
        return Ok(None);
    };
    // What the journal says of this very letter (not of one sent after it).
    let this_letter = || {
        records
            .get(&e.client)
            .filter(|r| r.sent.as_ref().map(|s| s.message_id.as_str()) == Some(message_id))
    };
    let bounced = this_letter()
        .and_then(|r| r.bounced.as_ref())
        .filter(|b| b.message_id == message_id);
    Ok(Some(Letter {
        message_id: message_id.to_string(),
        email: e.client.clone(),
        name: parsed.to.name.clone().unwrap_or_default(),
        sent_at: journal::stamp::format(&e.time),
        subject: parsed.email.subject,
        // The words as a person reads them: a Markdown letter's plain text.
        body: match parsed.email.markdown {
            true => crate::domain::markdown::to_plain(&parsed.email.body),
            false => parsed.email.body,
        },
        attachments: parsed.email.attachments,
        personal: String::new(),
        campaign: campaign.to_string(),
        // The answer `replies` saw, to this letter.
        replied_at: this_letter()
            .and_then(|r| r.replied.as_ref())
            .map(|a| a.at.to_rfc3339()),
        proof: proof_name(proof),
        bounced_at: bounced.map(|b| b.at.to_rfc3339()),
        bounce: bounced.map(|b| b.reason.clone()),
    }))
}

/// A campaign's sent letters into the archive, after the journal: those a crash kept out last
/// time too; a letter already there is not kept twice, and gains the answer seen since.
pub fn keep_campaign(settings: &crate::settings::Settings) -> Result<()> {
    let Some(path) = &settings.archive else {
        return Ok(());
    };
    let (letters, _) = letters_of_campaign(&settings.drafts, &settings.base)?;
    if !letters.is_empty() {
        Archive::open(path)?.keep(&letters)?;
    }
    Ok(())
}

/// The letters of earlier campaigns (not the one in `settings`' drafts folder) among `ids`
/// (Message-IDs, with or without their brackets), by bare Message-ID; none without an archive.
pub fn earlier_letters(
    settings: &crate::settings::Settings,
    ids: &[&str],
) -> Result<HashMap<String, Letter>> {
    let Some(path) = settings.archive.as_ref().filter(|p| p.exists()) else {
        return Ok(HashMap::new());
    };
    let archive = Archive::open(path)?;
    let this = campaign_name(&settings.drafts);
    let mut q = archive.conn.prepare(
        "SELECT message_id, email, name, sent_at, subject, '', personal, campaign, replied_at, proof, bounced_at, bounce
         FROM letters WHERE message_id IN (?1, '<' || ?1 || '>') AND campaign != ?2",
    )?;
    let mut found = HashMap::new();
    for id in ids {
        let bare = id.trim().trim_matches(|c| c == '<' || c == '>');
        if found.contains_key(bare) {
            continue;
        }
        if let Some(l) = q.query_map(params![bare, this], letter_of_row)?.next() {
            found.insert(bare.to_string(), l?);
        }
    }
    Ok(found)
}

/// Answers to letters of earlier campaigns, `(message_id as kept, when)`: each letter's
/// `replied_at`, unless it has one. How many letters gained one.
pub fn keep_earlier_answers(
    settings: &crate::settings::Settings,
    answers: &[(String, String)],
) -> Result<usize> {
    let Some(path) = &settings.archive else {
        return Ok(0);
    };
    if answers.is_empty() {
        return Ok(0);
    }
    let mut archive = Archive::open(path)?;
    let tx = archive.conn.transaction()?;
    let mut changed = 0;
    {
        let mut replied = tx.prepare(
            "UPDATE letters SET replied_at = ?2 WHERE message_id = ?1 AND replied_at IS NULL",
        )?;
        for (id, at) in answers {
            changed += replied.execute(params![id, at])?;
        }
    }
    tx.commit()
        .with_context(|| tr!("archive-db-write-failed", file = path.display()))?;
    Ok(changed)
}

/// Each letter's personal part: its paragraphs that no other letter of the campaign has, once
/// the client's own name is taken out (a greeting that only swaps the name is not personal).
fn mark_personal(letters: &mut [Letter]) {
    let shape = |l: &Letter, p: &str| {
        let mut p = p.trim().to_string();
        for word in l.name.split_whitespace().filter(|w| w.chars().count() > 1) {
            p = p.replace(word, "·");
        }
        p
    };
    // Shared: the same words in another letter, as written or once the names are out (a
    // signature with the sender's name is shared, a greeting that swaps the name too).
    let mut seen: HashMap<String, usize> = HashMap::new();
    for l in letters.iter() {
        for p in paragraphs(&l.body) {
            *seen.entry(p.to_string()).or_default() += 1;
            let shaped = shape(l, p);
            if shaped != p {
                *seen.entry(shaped).or_default() += 1;
            }
        }
    }
    let alone = letters.len() < 2;
    for l in letters.iter_mut() {
        let own: Vec<&str> = paragraphs(&l.body)
            .filter(|p| alone || (seen.get(*p) == Some(&1) && seen.get(&shape(l, p)) == Some(&1)))
            .collect();
        l.personal = own.join("\n\n");
    }
}

fn paragraphs(body: &str) -> impl Iterator<Item = &str> {
    body.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

impl Archive {
    /// Every client's past among `keys`: letters newest first, memories since the last letter.
    /// Every client's past: letters newest first, memories since the last letter. The letters
    /// of `campaign` itself (this year's) are not its past.
    pub fn pasts(&self, campaign: &str) -> Result<HashMap<String, Past>> {
        self.pasts_with(campaign, true)
    }

    /// As `pasts`; without `subjects` only each client's last letter has its subject (review
    /// shows it; only a template shows the others, and reading them costs a string a letter).
    pub fn pasts_with(&self, campaign: &str, subjects: bool) -> Result<HashMap<String, Past>> {
        let mut pasts: HashMap<String, Past> = HashMap::new();
        // In the index's order: each client's letters together, newest first, so a client is
        // looked up once, not once a letter, and nothing is sorted here.
        let mut q = self.conn.prepare(
            "SELECT email, sent_at, subject, personal, replied_at IS NOT NULL FROM letters
             WHERE campaign != ?1 ORDER BY email DESC, sent_at DESC",
        )?;
        let mut rows = q.query([campaign])?;
        let mut current: Option<(String, Past)> = None;
        while let Some(r) = rows.next()? {
            let email = r.get_ref(0)?.as_str()?;
            let first = !matches!(&current, Some((key, _)) if key == email);
            let letter = past_letter(r, subjects || first)?;
            match &mut current {
                Some((key, past)) if key == email => past.letters.push(letter),
                _ => {
                    if let Some((key, mut past)) = current.take() {
                        // A hundred thousand clients' letters, each list as long as it is.
                        past.letters.shrink_to_fit();
                        pasts.insert(key, past);
                    }
                    let past = Past {
                        letters: vec![letter],
                        memories: Vec::new(),
                    };
                    current = Some((email.to_string(), past));
                }
            }
        }
        if let Some((key, mut past)) = current {
            past.letters.shrink_to_fit();
            pasts.insert(key, past);
        }
        let mut q = self
            .conn
            .prepare("SELECT email, at, text FROM memories ORDER BY at")?;
        let mut rows = q.query([])?;
        while let Some(r) = rows.next()? {
            let at: String = r.get(1)?;
            let past = pasts.entry(r.get(0)?).or_default();
            // Since the last letter: the memories of that day on.
            if past.letters.first().is_some_and(|last| at < last.date) {
                continue;
            }
            past.memories.push(r.get(2)?);
        }
        Ok(pasts)
    }
}

/// A past letter from a row of `email, sent_at, subject, personal, answered`; its subject only
/// when `subject`.
fn past_letter(r: &rusqlite::Row, subject: bool) -> rusqlite::Result<PastLetter> {
    let sent_at = r.get_ref(1)?.as_str()?;
    Ok(PastLetter {
        date: sent_at.get(..10).unwrap_or(sent_at).to_string(),
        subject: if subject { r.get(2)? } else { String::new() },
        personal: r.get(3)?,
        answered: r.get(4)?,
    })
}

impl Archive {
    /// One client's past, as `pasts_with` reads everyone's: what a survey, which keeps no past
    /// once its warnings are made, reads for the one client an edit or `review` needs.
    pub fn past_with(&self, email: &str, campaign: &str, subjects: bool) -> Result<Past> {
        // The same order as everyone's (the same index read): the same letter first.
        let mut q = self.conn.prepare(
            "SELECT email, sent_at, subject, personal, replied_at IS NOT NULL FROM letters
             WHERE email = ?1 AND campaign != ?2 ORDER BY email DESC, sent_at DESC",
        )?;
        let mut rows = q.query([email, campaign])?;
        let mut past = Past::default();
        while let Some(r) = rows.next()? {
            let first = past.letters.is_empty();
            past.letters.push(past_letter(r, subjects || first)?);
        }
        let mut q = self
            .conn
            .prepare("SELECT at, text FROM memories WHERE email = ?1 ORDER BY at")?;
        let mut rows = q.query([email])?;
        while let Some(r) = rows.next()? {
            let at: String = r.get(0)?;
            // Since the last letter: the memories of that day on.
            if past.letters.first().is_some_and(|last| at < last.date) {
                continue;
            }
            past.memories.push(r.get(1)?);
        }
        Ok(past)
    }
}

/// A client's past as a survey reads it (the last letter's subject alone), read again from the
/// archive; none when there is no archive or it cannot be read now (a survey said so already).
pub fn past_of(settings: &Settings, email: &str) -> Past {
    let Some(path) = settings.archive.as_ref().filter(|p| p.exists()) else {
        return Past::default();
    };
    let campaign = campaign_name(&settings.drafts);
    Archive::open(path)
        .and_then(|a| a.past_with(email, &campaign, false))
        .unwrap_or_default()
}

/// Gives every client of the campaign their past from the archive, when there is one; an
/// archive that cannot be read is a warning (the letters are made without the past), never a
/// reason not to work.
pub fn recall(campaign: &mut Campaign) {
    if let Some(pending) = Recall::start(campaign.settings) {
        pending.finish(campaign);
    }
}

/// The archive read on a thread of its own while the drafts folder is read.
pub struct Recall {
    path: PathBuf,
    reading: std::thread::JoinHandle<Result<HashMap<String, Past>>>,
}

impl Recall {
    /// Starts reading everyone's past, before the list is even read; `None` when there is no
    /// archive.
    pub fn start(settings: &Settings) -> Option<Recall> {
        let path = settings.archive.clone()?;
        if !path.exists() {
            return None;
        }
        let this = campaign_name(&settings.drafts);
        let at = path.clone();
        let reading = std::thread::spawn(move || Archive::open(&at)?.pasts(&this));
        Some(Recall { path, reading })
    }

    /// The past given to the campaign's clients, moved, not copied.
    pub fn finish(self, campaign: &mut Campaign) {
        let result = self
            .reading
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!(tr!("archive-db-reading-failed"))));
        match result {
            Ok(mut pasts) => {
                for client in campaign.clients.iter_mut() {
                    client.past = pasts.remove(&client.key).unwrap_or_default();
                }
            }
            Err(e) => campaign.problems.push(Problem::warning(
                self.path.display().to_string(),
                tr!("archive-db-recall-failed", why = format!("{e:#}")),
            )),
        }
    }
}

/// What a survey needs of the clients' past, read on a thread of its own while the drafts
/// folder is: each letter's date and personal part, to tell an anecdote told again.
pub struct PastReading {
    path: PathBuf,
    reading: std::thread::JoinHandle<Result<PastLetters>>,
}

/// Each client's earlier letters as a survey needs them, by address, packed: a client's dates
/// and personal parts end to end in one string (a hundred thousand clients' five letters each
/// would be a million strings).
#[derive(Default)]
pub struct PastLetters(HashMap<String, Packed>);

/// One client's letters, newest first: letter `k`'s date ends at `ends[2k]`, its personal part
/// at `ends[2k + 1]`.
struct Packed {
    text: String,
    ends: Vec<u32>,
}

impl PastReading {
    /// Starts reading; `None` when there is no archive.
    pub fn start(settings: &Settings) -> Option<PastReading> {
        let path = settings.archive.clone()?;
        if !path.exists() {
            return None;
        }
        let this = campaign_name(&settings.drafts);
        let at = path.clone();
        let reading = std::thread::spawn(move || Archive::open(&at)?.past_letters(&this));
        Some(PastReading { path, reading })
    }

    /// The letters read; none, and a warning in the campaign's problems, when the archive
    /// could not be read.
    pub fn finish(self, campaign: &mut Campaign) -> PastLetters {
        let result = self
            .reading
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!(tr!("archive-db-reading-failed"))));
        result.unwrap_or_else(|e| {
            campaign.problems.push(Problem::warning(
                self.path.display().to_string(),
                tr!("archive-db-recall-failed", why = format!("{e:#}")),
            ));
            PastLetters::default()
        })
    }
}

impl PastLetters {
    /// The past letters of the client `key`, newest first, with their dates and personal parts
    /// (not their subjects, nor whether they were answered); no memories.
    pub fn of(&self, key: &str) -> Past {
        let Some(p) = self.0.get(key) else {
            return Past::default();
        };
        let mut start = 0;
        let letters = p
            .ends
            .chunks(2)
            .map(|end| {
                let (date, personal) = (end[0] as usize, end[1] as usize);
                let letter = PastLetter {
                    date: p.text[start..date].to_string(),
                    subject: String::new(),
                    personal: p.text[date..personal].to_string(),
                    answered: false,
                };
                start = personal;
                letter
            })
            .collect();
        Past {
            letters,
            memories: Vec::new(),
        }
    }
}

impl Archive {
    /// Every client's past letters but `campaign`'s, packed, in the order `pasts_with` reads.
    fn past_letters(&self, campaign: &str) -> Result<PastLetters> {
        let mut pasts: HashMap<String, Packed> = HashMap::new();
        let mut q = self.conn.prepare(
            "SELECT email, sent_at, personal FROM letters
             WHERE campaign != ?1 ORDER BY email DESC, sent_at DESC",
        )?;
        let mut rows = q.query([campaign])?;
        let mut current: Option<(String, Packed)> = None;
        while let Some(r) = rows.next()? {
            let email = r.get_ref(0)?.as_str()?;
            if !matches!(&current, Some((key, _)) if key == email) {
                if let Some((key, mut p)) = current.take() {
                    p.text.shrink_to_fit();
                    p.ends.shrink_to_fit();
                    pasts.insert(key, p);
                }
                let p = Packed {
                    text: String::new(),
                    ends: Vec::new(),
                };
                current = Some((email.to_string(), p));
            }
            let Some((_, p)) = &mut current else { continue };
            let sent_at = r.get_ref(1)?.as_str()?;
            p.text.push_str(sent_at.get(..10).unwrap_or(sent_at));
            p.ends.push(p.text.len() as u32);
            p.text.push_str(r.get_ref(2)?.as_str()?);
            p.ends.push(p.text.len() as u32);
        }
        if let Some((key, mut p)) = current {
            p.text.shrink_to_fit();
            p.ends.shrink_to_fit();
            pasts.insert(key, p);
        }
        Ok(PastLetters(pasts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(email: &str, year: i32, campaign: &str, personal: &str) -> Letter {
        Letter {
            message_id: format!("<{year}.{email}>"),
            email: email.into(),
            name: "X".into(),
            sent_at: format!("{year}-12-20T10:00:00.000+01:00"),
            subject: format!("Gracias {year}"),
            body: String::new(),
            personal: personal.into(),
            campaign: campaign.into(),
            replied_at: (year % 2 == 0).then(|| format!("{year}-12-22T09:00:00.000+01:00")),
            proof: None,
            bounced_at: None,
            bounce: None,
            attachments: Vec::new(),
        }
    }

    #[test]
    fn one_client_s_past_and_the_packed_letters_are_everyone_s_past_as_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut archive = Archive::open(&dir.path().join("a.sqlite3")).unwrap();
        let mut letters = Vec::new();
        for year in 2021..2026 {
            letters.push(letter(
                "ana@x.es",
                year,
                "/old",
                &format!("La paella de {year}."),
            ));
            letters.push(letter(
                "bo@x.es",
                year,
                "/old",
                &format!("La tienda, año {year}."),
            ));
        }
        // This campaign's own letter is no one's past; a client with memories only has some.
        letters.push(letter("ana@x.es", 2026, "/this", "Este año."));
        archive.keep(&letters).unwrap();
        archive
            .remember("ana@x.es", "2025-12-21", "abrió otra tienda")
            .unwrap();
        archive
            .remember("ana@x.es", "2024-01-01", "antes de la última carta")
            .unwrap();
        archive
            .remember("cris@x.es", "2026-01-01", "nueva clienta")
            .unwrap();
        let whole = archive.pasts_with("/this", false).unwrap();
        let packed = archive.past_letters("/this").unwrap();
        for email in ["ana@x.es", "bo@x.es", "cris@x.es", "nobody@x.es"] {
            let past = whole.get(email).cloned().unwrap_or_default();
            assert_eq!(archive.past_with(email, "/this", false).unwrap(), past);
            let dates = |p: &Past| -> Vec<(String, String)> {
                p.letters
                    .iter()
                    .map(|l| (l.date.clone(), l.personal.clone()))
                    .collect()
            };
            assert_eq!(dates(&packed.of(email)), dates(&past), "{email}");
        }
        let ana = &whole["ana@x.es"];
        assert_eq!(ana.letters.len(), 5);
        assert_eq!(ana.letters[0].personal, "La paella de 2025.");
        assert_eq!(ana.memories, vec!["abrió otra tienda".to_string()]);
    }
}

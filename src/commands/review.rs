//! `cartero review`: each draft that needs a decision, shown whole, then approve, edit, skip,
//! reject or quit. Prompts on stderr, answers line by line from stdin; every answer is journaled
//! at once, so a review stopped anywhere resumes where it stopped.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::domain::message::{self, validate};
use crate::settings::Settings;
use crate::state::drafts::{read_draft, State};
use crate::state::journal::{Event, Journal, Verdict};
use crate::state::lock::Lock;
use crate::state::survey::Survey;
use crate::text::fields_in_width;

pub fn run(settings: Settings) -> Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = crate::report::prompts();
    run_with(settings, &mut input, &mut out)
}

enum Answer {
    Approve,
    Edit,
    Skip,
    Reject,
    Quit,
}

fn read_answer(input: &mut dyn BufRead, out: &mut dyn Write) -> Result<Answer> {
    loop {
        write!(out, "{} ", tr!("cmd-review-prompt"))?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(Answer::Quit);
        }
        // The English letters and the Spanish ones, whatever the language: `s` is skip (so
        // Spanish quits with `l`, sa[l]ir), `o` omitir, `l` salir.
        match line.trim().to_lowercase().as_str() {
            "a" | "approve" | "y" | "yes" | "aprobar" => return Ok(Answer::Approve),
            "e" | "edit" | "editar" => return Ok(Answer::Edit),
            "s" | "skip" | "o" | "omitir" => return Ok(Answer::Skip),
            "r" | "reject" | "rechazar" => return Ok(Answer::Reject),
            "q" | "quit" | "l" | "salir" => return Ok(Answer::Quit),
            "" => writeln!(out, "{}", tr!("cmd-review-type-a-letter"))?,
            other => writeln!(out, "{}", tr!("cmd-review-not-an-answer", answer = other))?,
        }
    }
}

/// What the archive knows of the client: their last letter, and what was remembered since.
fn show_past(out: &mut dyn Write, past: &crate::domain::clients::Past) -> Result<()> {
    if let Some(last) = past.letters.first() {
        let said = match last.answered {
            true => tr!(
                "cmd-review-last-letter-answered",
                date = &last.date,
                subject = &last.subject
            ),
            false => tr!(
                "cmd-review-last-letter",
                date = &last.date,
                subject = &last.subject
            ),
        };
        writeln!(out, "{said}")?;
        for line in last
            .personal
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(3)
        {
            writeln!(out, "    {line}")?;
        }
    }
    for m in &past.memories {
        writeln!(
            out,
            "{}",
            tr!("cmd-review-remembered", memory = m.to_string())
        )?;
    }
    Ok(())
}

/// `review` with its answers from `input` and its prompts to `out`.
pub fn run_with(
    settings: Settings,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let _lock = Lock::take(&settings.drafts, "review")?;
    let survey = crate::report::survey(&settings)?;
    let journal = Journal::open(&settings.journal_path())?;
    for w in &journal.warnings {
        writeln!(out, "{}", tr!("cmd-warning", what = w.to_string()))?;
    }
    let queue: Vec<usize> = (0..survey.entries.len())
        .filter(|&i| survey.entries[i].state.needs_review())
        .collect();
    let approved_before = count(&survey, State::Approved);
    if queue.is_empty() {
        writeln!(
            out,
            "{}",
            tr!("cmd-review-nothing-to-decide", approved = approved_before)
        )?;
        let new = count(&survey, State::New);
        if new > 0 {
            writeln!(out, "{}", tr!("cmd-review-no-draft-yet", count = new))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut session = Session {
        survey,
        journal,
        input,
        out,
        counts: Counts::default(),
    };
    for (n, &i) in queue.iter().enumerate() {
        if !session.review(i, n + 1, queue.len())? {
            break;
        }
    }
    session.summary(queue.len(), approved_before)?;
    Ok(ExitCode::SUCCESS)
}

fn count(survey: &Survey, state: State) -> usize {
    survey.entries.iter().filter(|e| e.state == state).count()
}

/// The answers of this session.
#[derive(Default)]
struct Counts {
    approved: usize,
    skipped: usize,
    rejected: usize,
}

/// A review under way: the drafts, the journal its answers go to, and the person.
struct Session<'a> {
    survey: Survey<'a>,
    journal: Journal,
    input: &'a mut dyn BufRead,
    out: &'a mut dyn Write,
    counts: Counts,
}

/// A draft as it was shown: what an answer is about.
struct Shown {
    text: String,
    hash: String,
    /// What an approval of it binds to, as shown: the text and its files' bytes.
    bound: String,
    path: PathBuf,
    key: String,
}

impl Session<'_> {
    /// One draft, shown again after each edit, until it has an answer; false when the person
    /// quit.
    fn review(&mut self, i: usize, n: usize, total: usize) -> Result<bool> {
        loop {
            let Some(shown) = self.show(i, n, total)? else {
                return Ok(true);
            };
            match read_answer(self.input, self.out)? {
                Answer::Quit => return Ok(false),
                Answer::Edit => self.edit(i, &shown)?,
                answer => {
                    if self.decide(i, &shown, answer)? {
                        return Ok(true);
                    }
                }
            }
        }
    }

    /// The whole draft, its warnings, and where it stands; `None` when its file is gone.
    fn show(&mut self, i: usize, n: usize, total: usize) -> Result<Option<Shown>> {
        let e = &self.survey.entries[i];
        let (Some(text), Some(hash), Some(path)) = (e.text.clone(), e.hash.clone(), e.path.clone())
        else {
            // The file went away (an editor that deleted it, another window): say so.
            if let Some(path) = &e.path {
                writeln!(
                    self.out,
                    "\n{}",
                    tr!(
                        "cmd-review-draft-gone",
                        file = path.display(),
                        name = &e.client.name,
                        email = &e.client.email
                    )
                )?;
            }
            return Ok(None);
        };
        let share = e.share.map_or("-".into(), |s| {
            tr!("cmd-review-percent", share = format!("{:.0}", s * 100.0))
        });
        let fields = [
            tr!("cmd-review-nth", n = n, total = total),
            format!("{} <{}>", e.client.name, e.client.email),
            path.display().to_string(),
            crate::report::state_shown(e.state),
            tr!("cmd-review-personal", share = share),
        ];
        writeln!(self.out)?;
        for line in fields_in_width(&fields, crate::report::prompt_width()) {
            writeln!(self.out, "{line}")?;
        }
        write!(self.out, "{text}")?;
        if !text.ends_with('\n') {
            writeln!(self.out)?;
        }
        writeln!(self.out, "──")?;
        if let Some(files) = message::goes_with(&text, &self.survey.campaign.settings.base) {
            writeln!(self.out, "{files}")?;
        }
        for w in &e.warnings {
            writeln!(self.out, "{}", tr!("cmd-warning", what = w.to_string()))?;
        }
        show_past(self.out, &self.survey.past(i))?;
        let key = e.client.key.clone();
        let bound = e.bound().unwrap_or(&hash).to_string();
        Ok(Some(Shown {
            text,
            hash,
            bound,
            path,
            key,
        }))
    }

    /// The editor, then the draft read again; a draft the edit broke is said, and kept.
    fn edit(&mut self, i: usize, shown: &Shown) -> Result<()> {
        if let Err(e) = edit(&shown.path) {
            writeln!(self.out, "{}: {e:#}", tr!("error-prefix"))?;
        }
        self.survey.refresh(i)?;
        let e = &self.survey.entries[i];
        if let Some(Err(why)) = e.text.as_deref().map(|t| validate(t, &shown.key)) {
            writeln!(
                self.out,
                "{}",
                tr!("cmd-review-edit-broke-it", why = why.to_string())
            )?;
        }
        Ok(())
    }

    /// Journals an answer about the draft as shown; false when it must be shown again.
    fn decide(&mut self, i: usize, shown: &Shown, answer: Answer) -> Result<bool> {
        // What is on disk must still be what was shown: an editor elsewhere may have changed it.
        let base = &self.survey.campaign.settings.base;
        let on_disk = read_draft(&shown.path)?.map(|f| f.bind(base));
        let Some(on_disk) = on_disk.filter(|f| f.hash == shown.hash) else {
            writeln!(self.out, "{}", tr!("cmd-review-changed-on-disk"))?;
            self.survey.refresh(i)?;
            return Ok(false);
        };
        // And the files it carries must be the ones shown (their sizes on the screen).
        if on_disk.bound() != shown.bound && on_disk.unreadable.is_none() {
            writeln!(self.out, "{}", tr!("cmd-review-file-changed"))?;
            self.survey.refresh(i)?;
            return Ok(false);
        }
        let verdict = match answer {
            Answer::Approve => {
                // The letter as it goes: its text, and every file it names, there to be read.
                let why = validate(&shown.text, &shown.key)
                    .err()
                    .or_else(|| on_disk.unreadable.as_ref().map(|p| p.why.clone()));
                if let Some(why) = why {
                    writeln!(self.out, "{}", tr!("cmd-review-cannot-approve", why = why))?;
                    return Ok(false);
                }
                self.counts.approved += 1;
                Verdict::Approved
            }
            Answer::Skip => {
                self.counts.skipped += 1;
                Verdict::Skipped
            }
            _ => {
                self.counts.rejected += 1;
                Verdict::Rejected
            }
        };
        let now = self.survey.campaign.settings.clock();
        self.journal.append(Event::decision(
            now,
            &shown.key,
            verdict,
            (&on_disk.hash, on_disk.bound()),
        ))?;
        Ok(true)
    }

    /// What this session decided, what is left, and the next step.
    fn summary(&mut self, total: usize, approved_before: usize) -> Result<()> {
        let c = &self.counts;
        let left = total - c.approved - c.skipped - c.rejected;
        let (approved, skipped, rejected) = (c.approved, c.skipped, c.rejected);
        let summary = match (left, c.skipped) {
            (0, 0) => tr!(
                "cmd-review-summary",
                approved = approved,
                skipped = skipped,
                rejected = rejected
            ),
            (0, _) => tr!(
                "cmd-review-summary-skipped-again",
                approved = approved,
                skipped = skipped,
                rejected = rejected
            ),
            (left, 0) => tr!(
                "cmd-review-summary-left",
                approved = approved,
                skipped = skipped,
                rejected = rejected,
                left = left
            ),
            (left, _) => tr!(
                "cmd-review-summary-left-and-skipped",
                approved = approved,
                skipped = skipped,
                rejected = rejected,
                left = left
            ),
        };
        writeln!(self.out, "\n{summary}")?;
        // The queue held no approved draft: those before it, and this session's.
        let all_approved = approved_before + c.approved;
        if all_approved > 0 {
            writeln!(
                self.out,
                "{}",
                tr!("cmd-review-approved-in-all", count = all_approved)
            )?;
        }
        Ok(())
    }
}

/// Opens the draft in `$VISUAL` or `$EDITOR` and waits for it.
fn edit(path: &Path) -> Result<()> {
    let (var, command) = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| {
            std::env::var(v)
                .ok()
                .filter(|c| !c.trim().is_empty())
                .map(|c| (*v, c))
        })
        .with_context(|| tr!("cmd-review-no-editor"))?;
    let words = shell_words::split(&command).with_context(|| {
        tr!(
            "cmd-review-editor-unreadable",
            var = var,
            command = &command
        )
    })?;
    let Some((program, args)) = words.split_first() else {
        bail!(tr!("cmd-review-editor-empty", var = var));
    };
    if find_program(program).is_none() {
        bail!(tr!(
            "cmd-review-editor-missing",
            var = var,
            command = &command,
            program = program
        ));
    }
    let status = std::process::Command::new(program)
        .args(args)
        .arg(path)
        .status()
        .with_context(|| tr!("cmd-review-editor-not-started", program = program))?;
    if !status.success() {
        bail!(tr!(
            "cmd-review-editor-failed",
            program = program,
            status = status.to_string()
        ));
    }
    Ok(())
}

fn find_program(program: &str) -> Option<PathBuf> {
    let p = Path::new(program);
    if p.components().count() > 1 {
        return p.is_file().then(|| p.to_path_buf());
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(program))
            .find(|c| c.is_file())
    })
}

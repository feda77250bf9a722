//! `cartero review`: each draft that needs a decision, shown whole, then approve, edit, skip,
//! reject or quit. Prompts on stderr, answers line by line from stdin; every answer is journaled
//! at once, so a review stopped anywhere resumes where it stopped.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::domain::message::validate;
use crate::settings::Settings;
use crate::state::drafts::{read_draft, State};
use crate::state::journal::{Event, Journal, Kind};

pub fn run(settings: Settings) -> Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut err = std::io::stderr();
    run_with(settings, &mut input, &mut err)
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
        write!(out, "[a]pprove [e]dit [s]kip [r]eject [q]uit: ")?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(Answer::Quit);
        }
        match line.trim().to_lowercase().as_str() {
            "a" | "approve" | "y" | "yes" => return Ok(Answer::Approve),
            "e" | "edit" => return Ok(Answer::Edit),
            "s" | "skip" => return Ok(Answer::Skip),
            "r" | "reject" => return Ok(Answer::Reject),
            "q" | "quit" => return Ok(Answer::Quit),
            "" => writeln!(out, "type a, e, s, r or q, then Enter")?,
            other => writeln!(
                out,
                "`{other}` is not an answer: type a, e, s, r or q, then Enter"
            )?,
        }
    }
}

pub fn run_with(
    settings: Settings,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let _lock = crate::state::lock::Lock::take(&settings.drafts, "review")?;
    let mut survey = crate::report::survey(settings)?;
    let mut journal = Journal::open(&survey.campaign.settings.journal_path())?;
    for w in &journal.warnings {
        writeln!(out, "warning: {w}")?;
    }
    let approved_before = survey
        .entries
        .iter()
        .filter(|e| e.state == State::Approved)
        .count();
    let queue: Vec<usize> = (0..survey.entries.len())
        .filter(|&i| survey.entries[i].state.needs_review())
        .collect();
    let new = survey
        .entries
        .iter()
        .filter(|e| e.state == State::New)
        .count();
    if queue.is_empty() {
        let approved = survey
            .entries
            .iter()
            .filter(|e| e.state == State::Approved)
            .count();
        writeln!(out, "no draft needs a decision ({approved} approved)")?;
        if new > 0 {
            writeln!(out, "{new} clients have no draft yet: run `cartero draft`")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let settings = survey.campaign.settings.clone();
    let total = queue.len();
    let (mut approved, mut skipped, mut rejected, mut seen) = (0, 0, 0, 0);
    'drafts: for (n, &i) in queue.iter().enumerate() {
        loop {
            let e = &survey.entries[i];
            let (Some(text), Some(hash), Some(path)) =
                (e.text.clone(), e.hash.clone(), e.path.clone())
            else {
                // The file went away (an editor that deleted it, another window): say so.
                if let Some(path) = &e.path {
                    writeln!(
                        out,
                        "\nthe draft `{}` for {} <{}> is gone, so there is nothing to review; `cartero draft` writes it again",
                        path.display(),
                        e.client.name,
                        e.client.email
                    )?;
                }
                continue 'drafts;
            };
            let share = e.share.map_or("-".into(), |s| format!("{:.0}%", s * 100.0));
            writeln!(
                out,
                "\n── {} of {total} ── {} <{}> ── {} ── {} ── personal {share}",
                n + 1,
                e.client.name,
                e.client.email,
                path.display(),
                e.state.as_str()
            )?;
            write!(out, "{text}")?;
            if !text.ends_with('\n') {
                writeln!(out)?;
            }
            writeln!(out, "──")?;
            for w in &e.warnings {
                writeln!(out, "warning: {w}")?;
            }
            let key = e.client.key.clone();
            let record = |kind: Kind| Event::new(settings.clock(), &key, kind).hash(&hash);
            match read_answer(input, out)? {
                Answer::Quit => break 'drafts,
                Answer::Edit => {
                    if let Err(e) = edit(&path) {
                        writeln!(out, "error: {e:#}")?;
                    }
                    survey.refresh(i)?;
                    let e = &survey.entries[i];
                    if let Some(Err(why)) = e.text.as_deref().map(|t| validate(t, &key)) {
                        writeln!(out, "error: the edited draft cannot be sent: {why}; it is kept as you left it, edit it again")?;
                    }
                    continue;
                }
                answer => {
                    // What is on disk must still be what was shown: an editor elsewhere may have changed it.
                    let on_disk = read_draft(&path)?.map(|f| f.hash);
                    if on_disk.as_deref() != Some(hash.as_str()) {
                        writeln!(
                            out,
                            "the draft changed on disk while you read it; here it is again"
                        )?;
                        survey.refresh(i)?;
                        continue;
                    }
                    seen += 1;
                    match answer {
                        Answer::Approve => {
                            if let Err(why) = validate(&text, &key) {
                                writeln!(
                                    out,
                                    "error: this draft cannot be approved: {why}; [e]dit it first"
                                )?;
                                seen -= 1;
                                continue;
                            }
                            journal.append(record(Kind::Approved))?;
                            approved += 1;
                        }
                        Answer::Skip => {
                            journal.append(record(Kind::Skipped))?;
                            skipped += 1;
                        }
                        _ => {
                            journal.append(record(Kind::Rejected))?;
                            rejected += 1;
                        }
                    }
                    continue 'drafts;
                }
            }
        }
    }
    let left = total - seen;
    writeln!(
        out,
        "\n{approved} approved, {skipped} skipped, {rejected} rejected{}",
        if left > 0 {
            format!("; {left} still to review (`cartero review` resumes there)")
        } else {
            String::new()
        }
    )?;
    // The queue held no approved draft: those before it, and this session's.
    let all_approved = approved_before + approved;
    if all_approved > 0 {
        writeln!(out, "{all_approved} drafts approved in all; next: `cartero send --to-self` for a test run, then `cartero send`")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the draft in `$VISUAL` or `$EDITOR` and waits for it.
fn edit(path: &Path) -> Result<()> {
    let (var, command) = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|c| !c.trim().is_empty()).map(|c| (*v, c)))
        .context("no editor: set `VISUAL` or `EDITOR` to the program you write with, for example `export EDITOR=nano`")?;
    let words = shell_words::split(&command)
        .with_context(|| format!("`{var}={command}` cannot be read as a command"))?;
    let Some((program, args)) = words.split_first() else {
        bail!("`{var}` is empty: set it to the program you write with, for example `export EDITOR=nano`");
    };
    if find_program(program).is_none() {
        bail!("`{var}={command}`: there is no program `{program}`; set `{var}` to an editor that is installed, such as nano");
    }
    let status = std::process::Command::new(program)
        .args(args)
        .arg(path)
        .status()
        .with_context(|| format!("failed to start the editor `{program}`"))?;
    if !status.success() {
        bail!("the editor `{program}` stopped with {status}; the draft is kept as it is on disk");
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

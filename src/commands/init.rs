//! `cartero init`: a working example campaign folder, never overwriting a file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::report;
use crate::state::archive::Archive;

/// The example campaign's settings, their comments in the run's language.
fn config() -> &'static str {
    match crate::i18n::lang() {
        crate::i18n::Lang::Es => include_str!("../../examples/init/cartero.es.toml"),
        crate::i18n::Lang::En => include_str!("../../examples/init/cartero.en.toml"),
    }
}

pub const TEMPLATE_ES: &str = include_str!("../../templates/year-end.es.txt");
pub const TEMPLATE_EN: &str = include_str!("../../templates/year-end.en.txt");
pub const CLIENTS: &str = include_str!("../../examples/clients.csv");

/// `email,name,note,last_note`: everyone in the archive, the note left empty for this year,
/// last year's personal part beside it to jog the memory. When a client's last letter came
/// back, a `bounced` column says when and why, and a warning names them: the address wants
/// fixing before this year's letter.
fn clients_from_archive(path: &Path) -> Result<String> {
    if !path.exists() {
        bail!(tr!("cmd-init-no-archive", file = path.display()));
    }
    let clients = Archive::open(path)?.everyone()?;
    if clients.is_empty() {
        bail!(tr!("cmd-init-empty-archive", file = path.display()));
    }
    let any_bounced = clients.iter().any(|c| c.bounced_at.is_some());
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["email", "name", "note", "last_note"];
    if any_bounced {
        header.push("bounced");
    }
    out.write_record(&header)?;
    for c in &clients {
        let mut row = vec![
            c.email.clone(),
            c.name.clone(),
            String::new(),
            c.personal.clone(),
        ];
        if let Some(at) = &c.bounced_at {
            let reason = c.bounce.as_deref().unwrap_or("");
            report::bounced_last_time(&c.name, &c.email, at, reason);
            row.push(format!("{}: {reason}", at.get(..10).unwrap_or(at)));
        } else if any_bounced {
            row.push(String::new());
        }
        out.write_record(&row)?;
    }
    Ok(String::from_utf8(out.into_inner()?)?)
}

pub enum Outcome {
    Written(PathBuf),
    Kept(PathBuf),
}

/// Writes a new file; `false` when one is there already, which is never overwritten (even one
/// that appeared since anybody looked: `create_new`).
fn write_new(path: &Path, content: &str) -> Result<bool> {
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(mut file) => {
            use std::io::Write;
            file.write_all(content.as_bytes())
                .with_context(|| tr!("cmd-init-not-written", file = path.display()))?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e).with_context(|| tr!("cmd-init-not-written", file = path.display())),
    }
}

/// The example campaign's files in `dir`; `clients` for the example's client list.
pub fn scaffold(dir: &Path, clients: &str) -> Result<Vec<Outcome>> {
    let files = [
        ("cartero.toml", config()),
        ("clients.csv", clients),
        ("templates/year-end.es.txt", TEMPLATE_ES),
        ("templates/year-end.en.txt", TEMPLATE_EN),
    ];
    let mut outcomes = Vec::new();
    for (name, content) in files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| tr!("cmd-init-no-folder", dir = parent.display()))?;
        }
        match write_new(&path, content)? {
            true => outcomes.push(Outcome::Written(path)),
            false => outcomes.push(Outcome::Kept(path)),
        }
    }
    Ok(outcomes)
}

/// The list from the archive written beside a `clients.csv` that was there already:
/// `clients-from-archive.csv` (or `-2`, `-3`… when that one is there too).
fn beside(dir: &Path, clients: &str) -> Result<PathBuf> {
    for n in 1.. {
        let name = match n {
            1 => "clients-from-archive.csv".to_string(),
            n => format!("clients-from-archive-{n}.csv"),
        };
        let path = dir.join(name);
        if write_new(&path, clients)? {
            return Ok(path);
        }
    }
    unreachable!("some name is free")
}

/// `cartero init`: the example campaign, or with `from_archive` this year's client list made
/// from everyone written to before.
pub fn run(dir: &Path, from_archive: Option<&Path>) -> Result<ExitCode> {
    let clients = match from_archive {
        Some(path) => clients_from_archive(path)?,
        None => CLIENTS.to_string(),
    };
    let mut kept = 0;
    let mut list_kept = false;
    for outcome in scaffold(dir, &clients)? {
        match outcome {
            Outcome::Written(p) => say!("{}", tr!("cmd-init-wrote", file = p.display())),
            Outcome::Kept(p) => {
                kept += 1;
                list_kept |= p.ends_with("clients.csv");
                say!("{}", tr!("cmd-init-kept", file = p.display()))
            }
        }
    }
    // The list from the archive beside the one there, never over it.
    if from_archive.is_some() && list_kept {
        let beside = beside(dir, &clients)?;
        say!(
            "{}",
            tr!("cmd-init-archive-list-beside", file = beside.display())
        );
    }
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", dir.display())
    };
    if kept > 0 {
        say!("{}", tr!("cmd-init-kept-count", count = kept));
    }
    say!("{}", tr!("cmd-init-next", cd = cd));
    Ok(ExitCode::SUCCESS)
}

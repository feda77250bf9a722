//! The commands, one file each; none imports another. This dispatcher runs the one asked for.

pub mod archive;
pub mod check;
pub mod completions;
pub mod draft;
pub mod history;
pub mod init;
pub mod preview;
pub mod remember;
pub mod replies;
pub mod review;
pub mod send;
pub mod status;
pub mod web;

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{ArchiveAction, Cli, Command};
use crate::settings::{SendRequest, Settings};

pub fn run(cli: Cli) -> Result<ExitCode> {
    if let Command::Init { dir, from_archive } = &cli.command {
        let dir = dir.as_deref().unwrap_or(Path::new("."));
        if *from_archive {
            let settings = Settings::resolve(&cli.common)?;
            return init::run(dir, Some(settings.archive_path()?));
        }
        return init::run(dir, None);
    }
    match &cli.command {
        Command::Completions { shell } => return completions::completions(*shell),
        Command::Man => return completions::man(),
        _ => {}
    }
    let settings = Settings::resolve(&cli.common)?;
    match cli.command {
        Command::Init { .. } | Command::Completions { .. } | Command::Man => {
            unreachable!("handled above")
        }
        Command::Check { connect } => check::run(settings, connect),
        Command::Preview { out } => preview::run(settings, &out),
        Command::Draft => draft::run(settings),
        Command::Review => review::run(settings),
        Command::Send(args) => send::run(settings, &SendRequest::from_flags(&args)),
        Command::Status { json } => status::run(settings, json),
        Command::Web { port, no_open } => web::run(settings, port, no_open),
        Command::Replies => replies::run(settings),
        Command::History { email, json } => history::run(settings, &email, json),
        Command::Remember { email, text, force } => {
            remember::run(settings, &email, &text.join(" "), force)
        }
        Command::Archive {
            action: ArchiveAction::Import { dir },
        } => archive::import(settings, &dir),
    }
}

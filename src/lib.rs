//! The cartero library: every stage of the pipeline, and `main` to run a command line.

pub mod campaign;
pub mod cli;
pub mod clients;
pub mod commands;
pub mod compose;
pub mod diag;
pub mod drafts;
pub mod init;
pub mod journal;
pub mod message;
pub mod outbox;
pub mod personal;
pub mod review;
pub mod send;
pub mod settings;
pub mod status;
pub mod table;

use std::process::ExitCode;

use clap::Parser;

/// Parses the command line, runs it, prints the error chain; the exit code is 0, 1, or 2 (usage).
pub fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    if !matches!(cli.command, cli::Command::Send(_)) {
        // `cartero status | head` ends quietly; `send` instead never dies mid-message on a pipe.
        reset_sigpipe();
    }
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}

#[cfg(unix)]
fn reset_sigpipe() {
    // SAFETY: setting SIGPIPE back to its default action before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn reset_sigpipe() {}

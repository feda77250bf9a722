//! The cartero library: every stage of the pipeline, and `main` to run a command line.

#[macro_use]
pub mod i18n;
#[macro_use]
pub mod report;

pub mod cli;
pub mod clock;
pub mod commands;
pub mod desk;
pub mod diag;
pub mod domain;
pub mod mailbox;
pub mod outbox;
pub mod par;
pub mod secret;
pub mod settings;
pub mod state;
pub mod text;
pub mod tls;

use std::process::ExitCode;

/// Parses the command line, runs it, prints the error chain; the exit code is 0, 1, or 2 (usage).
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = i18n::choose(&args);
    let cli = match cli::parse(&args) {
        Ok(cli) => cli,
        Err(e) => {
            // English is clap's own words; another language has ours for the usual mistakes.
            match cli::usage_error(&e) {
                Some(words) if lang != i18n::Lang::En => tell!("{words}"),
                _ => {
                    let _ = e.print();
                }
            }
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    if matches!(
        cli.command,
        cli::Command::Status { json: true } | cli::Command::History { json: true, .. }
    ) {
        // What scripts read is the same in every language, the warnings' words included.
        i18n::speak(i18n::Lang::En);
    }
    if matches!(
        cli.command,
        cli::Command::Status { .. } | cli::Command::Check { .. }
    ) {
        // `cartero status | head` ends quietly. The commands that write files or the journal
        // never die halfway on a closed pipe: they print through `say!`, which ignores it.
        reset_sigpipe();
    }
    match commands::run(cli) {
        Ok(code) => match report::output_lost() {
            Some(why) => {
                tell!(
                    "{}: {}",
                    tr!("error-prefix"),
                    tr!("error-output-lost", why = why)
                );
                ExitCode::from(1)
            }
            None => code,
        },
        Err(err) => {
            tell!(
                "{}: {}",
                tr!("error-prefix"),
                crate::text::error_chain(&err)
            );
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

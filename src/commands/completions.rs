//! `cartero completions SHELL` and `cartero man`: what a shell and `man` need, from the same
//! clap definitions `--help` comes from.

use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::{Cli, Shell};
use crate::report;

/// The completion script for `shell`, on stdout.
pub fn completions(shell: Shell) -> Result<ExitCode> {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "cartero", &mut bytes);
    report::raw(&bytes);
    Ok(ExitCode::SUCCESS)
}

/// The manual page, in roff, on stdout.
pub fn man() -> Result<ExitCode> {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut bytes)
        .context("failed to write the manual page")?;
    report::raw(&bytes);
    Ok(ExitCode::SUCCESS)
}

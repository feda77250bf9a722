//! `cartero completions SHELL` and `cartero man`: what a shell and `man` need, from the same
//! clap definitions `--help` comes from.

use std::process::ExitCode;

use crate::cli::{self, Shell};
use crate::report;
use anyhow::{Context, Result};

/// The completion script for `shell`, on stdout.
pub fn completions(shell: Shell) -> Result<ExitCode> {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut cli::for_pages(), "cartero", &mut bytes);
    report::raw(&bytes);
    Ok(ExitCode::SUCCESS)
}

/// The manual page, in roff, on stdout: cartero's, then each command's (`cartero-send`, which
/// the first names), one after the other as `man` shows them.
pub fn man() -> Result<ExitCode> {
    let mut bytes = Vec::new();
    let cli = cli::for_pages();
    clap_mangen::Man::new(cli.clone())
        .render(&mut bytes)
        .with_context(|| tr!("cmd-man-not-written"))?;
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("cartero-{}", sub.get_name());
        let page = sub.clone().display_name(name);
        clap_mangen::Man::new(page)
            .render(&mut bytes)
            .with_context(|| tr!("cmd-man-not-written"))?;
    }
    report::raw(&bytes);
    Ok(ExitCode::SUCCESS)
}

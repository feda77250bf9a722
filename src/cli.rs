//! The command line: clap definitions, whose doc comments are the `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Write a personal year-end email to every client.
///
/// cartero drafts one email per client from a client list and a template, lets you read and
/// edit every draft, and sends only the ones you approved, one message per client.
#[derive(Debug, Parser)]
#[command(
    name = "cartero",
    version,
    propagate_version = true,
    after_long_help = ABOUT_RUNNING
)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Command,
}

/// What `--help` and the manual page say after the options: the environment, the exit codes,
/// the files.
const ABOUT_RUNNING: &str = "\
Environment:
  CARTERO_SMTP_PASSWORD   the SMTP password (else `password-command`, else a prompt)
  CARTERO_IMAP_PASSWORD   the IMAP password or token (else its `password-command`, [smtp]'s, a prompt)
  VISUAL, EDITOR          the editor `review` opens with [e]dit
  NO_COLOR                no colours

Exit codes: 0 ok, 1 an error (or letters that did not go), 2 a usage error.

Files: cartero.toml (the campaign's settings), the client list, templates/, drafts/ (one draft
a client and journal.jsonl), and the archive of every letter (the platform's data folder,
cartero/archive.sqlite3). No password is ever written.

Each command has its own --help: `cartero send --help`.";

/// Flags every command understands; each beats the same setting in `cartero.toml`.
#[derive(Debug, Args, Default, Clone)]
pub struct Common {
    /// The campaign's settings file [default: ./cartero.toml when it exists]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The client list: .csv, .xlsx or .ods
    #[arg(long, global = true, value_name = "FILE")]
    pub clients: Option<PathBuf>,
    /// The sheet to read in a spreadsheet [default: the first one]
    #[arg(long, global = true, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The template every client gets, unless their `template` column names another
    #[arg(long, global = true, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// The folder holding the drafts and the journal
    #[arg(long, global = true, value_name = "DIR")]
    pub drafts: Option<PathBuf>,
    /// Who the emails come from, as "Name <address>"
    #[arg(long, global = true, value_name = "MAILBOX")]
    pub from: Option<String>,
    /// The archive of every letter sent, across campaigns [default: the platform's data folder]
    #[arg(long, global = true, value_name = "FILE")]
    pub archive: Option<PathBuf>,
    /// The language cartero speaks: es or en [default: CARTERO_LANG, else the locale's]
    #[arg(long, global = true, value_name = "LANG", value_parser = ["es", "en"])]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a working example campaign folder (never overwrites a file)
    Init {
        /// Where to create it [default: the current folder]
        dir: Option<PathBuf>,
        /// Make clients.csv from everyone written to before (the archive), with last year's
        /// personal part in `last_note` and an empty `note` to write this year's
        #[arg(long)]
        from_archive: bool,
    },
    /// Load the clients and templates, render every email in memory, and report every problem
    Check {
        /// Also log in to the SMTP server (and the IMAP one, if configured) and out again,
        /// sending nothing
        #[arg(long)]
        connect: bool,
    },
    /// Write one .eml file per client: the exact bytes sending would use
    Preview {
        /// The folder to write the .eml files into
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Write one editable draft per client into the drafts folder
    Draft,
    /// Read each draft that needs a decision, and approve, edit, skip or reject it
    Review,
    /// Send the approved drafts, one message per client
    Send(SendArgs),
    /// Show each client's state
    Status {
        /// Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Read your mailbox over IMAP (read only) and record which clients answered
    Replies,
    /// Every letter ever sent to a client, from the archive, newest first
    History {
        /// The client's address
        email: String,
        /// Print a JSON array instead of text
        #[arg(long)]
        json: bool,
    },
    /// Keep a dated memory of a client in the archive, for next year's letter
    Remember {
        /// The client's address
        email: String,
        /// What to remember, in your words
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        /// Keep it although the address is in no client list and no letter of the archive
        /// (without it, such an address is taken for a typo and refused)
        #[arg(long)]
        force: bool,
    },
    /// Open the writing desk: every client's letter, past and memories in a page on this machine
    Web {
        /// The port on 127.0.0.1 [default: any free one]
        #[arg(long, default_value_t = 0, hide_default_value = true)]
        port: u16,
        /// Print the address only; do not open a browser
        #[arg(long)]
        no_open: bool,
    },
    /// The archive of every letter sent
    Archive {
        #[command(subcommand)]
        action: ArchiveAction,
    },
    /// Print the shell's completions for cartero (see the README for where to put them)
    Completions {
        /// bash, zsh, fish, powershell or elvish
        shell: Shell,
    },
    /// Print cartero's manual page (roff), for `man`
    Man,
}

/// A shell `cartero completions` writes for.
pub use clap_complete::Shell;

#[derive(Debug, Subcommand)]
pub enum ArchiveAction {
    /// Bring an older campaign's sent letters (its folder, or its drafts folder) into the archive
    Import {
        /// The campaign folder, or its drafts folder
        dir: PathBuf,
    },
}

#[derive(Debug, Args, Default, Clone)]
pub struct SendArgs {
    /// Write the .eml files that would be sent into --out, and send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Where --dry-run writes [default: <drafts>/dry-run]
    #[arg(long, value_name = "DIR", requires = "dry_run")]
    pub out: Option<PathBuf>,
    /// Send every approved draft to yourself, subject tagged, and record nothing as sent
    #[arg(long, conflicts_with = "dry_run")]
    pub to_self: bool,
    /// Send at most N messages
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Send again to this client although a previous attempt may have arrived (uncertain or failed)
    #[arg(long, value_name = "EMAIL")]
    pub resend: Vec<String>,
    /// The letter to this client, left uncertain, arrived (they told you): record it as sent,
    /// file its copy in Sent, and never send it again
    #[arg(
        long,
        value_name = "EMAIL",
        conflicts_with_all = ["dry_run", "to_self", "limit", "at", "spread"]
    )]
    pub arrived: Vec<String>,
    /// Wait until then, then send: "2026-12-22 09:00" (your local time) or RFC 3339
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// With `daily-limit` under [smtp]: go on day after day until every approved letter is sent
    #[arg(long)]
    pub spread: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli() {
        Cli::command().debug_assert();
    }
}

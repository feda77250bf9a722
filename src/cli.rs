//! The command line: clap definitions, and their `--help` in the language of the run.
//!
//! The help is no doc comment here (the `//` comments are for developers): every command's and
//! argument's sentence is in the catalogs (`i18n/<language>/cli.ftl`), under a key made of its
//! place in the tree: `cli-<command path>-about` (`cli-cartero-about` for cartero itself,
//! `cli-archive-import-about`), `cli-<command path>-<argument>` (`cli-send-dry-run`), and
//! `cli-global-<argument>` for the flags every command takes. [`command`] builds clap's
//! command from the derive and sets them, with headings of our own in place of clap's English;
//! [`parse`] says clap's usage errors in the language too.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::i18n::{self, Lang};

// Write a personal year-end email to every client.
//
// cartero drafts one email per client from a client list and a template, lets you read and
// edit every draft, and sends only the ones you approved, one message per client.
#[derive(Debug, Parser)]
#[command(name = "cartero", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Command,
}

// Flags every command understands; each beats the same setting in `cartero.toml`.
#[derive(Debug, Args, Default, Clone)]
pub struct Common {
    // The campaign's settings file [default: ./cartero.toml when it exists]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    // The client list: .csv, .xlsx or .ods
    #[arg(long, global = true, value_name = "FILE")]
    pub clients: Option<PathBuf>,
    // The sheet to read in a spreadsheet [default: the first one]
    #[arg(long, global = true, value_name = "NAME")]
    pub sheet: Option<String>,
    // The template every client gets, unless their `template` column names another
    #[arg(long, global = true, value_name = "FILE")]
    pub template: Option<PathBuf>,
    // The folder holding the drafts and the journal
    #[arg(long, global = true, value_name = "DIR")]
    pub drafts: Option<PathBuf>,
    // Who the emails come from, as "Name <address>"
    #[arg(long, global = true, value_name = "MAILBOX")]
    pub from: Option<String>,
    // The archive of every letter sent, across campaigns [default: the platform's data folder]
    #[arg(long, global = true, value_name = "FILE")]
    pub archive: Option<PathBuf>,
    // The language cartero speaks: es or en [default: CARTERO_LANG, else the locale's]
    #[arg(long, global = true, value_name = "LANG", value_parser = ["es", "en"])]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    // Create a working example campaign folder (never overwrites a file)
    Init {
        // Where to create it [default: the current folder]
        dir: Option<PathBuf>,
        // Make clients.csv from everyone written to before (the archive), with last year's
        // personal part in `last_note` and an empty `note` to write this year's
        #[arg(long)]
        from_archive: bool,
    },
    // Load the clients and templates, render every email in memory, and report every problem
    Check {
        // Also log in to the SMTP server (and the IMAP one, if configured) and out again,
        // sending nothing
        #[arg(long)]
        connect: bool,
    },
    // Write one .eml file per client: the exact bytes sending would use
    Preview {
        // The folder to write the .eml files into
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    // Write one editable draft per client into the drafts folder
    Draft,
    // Read each draft that needs a decision, and approve, edit, skip or reject it
    Review,
    // Send the approved drafts, one message per client
    Send(SendArgs),
    // Show each client's state
    Status {
        // Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
    // Read your mailbox over IMAP (read only) and record which clients answered
    Replies,
    // Every letter ever sent to a client, from the archive, newest first
    History {
        // The client's address
        email: String,
        // Print a JSON array instead of text
        #[arg(long)]
        json: bool,
    },
    // Keep a dated memory of a client in the archive, for next year's letter
    Remember {
        // The client's address
        email: String,
        // What to remember, in your words
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        // Keep it although the address is in no client list and no letter of the archive
        // (without it, such an address is taken for a typo and refused)
        #[arg(long)]
        force: bool,
    },
    // Open the writing desk: every client's letter, past and memories in a page on this machine
    Web {
        // The port on 127.0.0.1 [default: any free one]
        #[arg(
            long,
            default_value_t = 0,
            hide_default_value = true,
            value_name = "PORT"
        )]
        port: u16,
        // Print the address only; do not open a browser
        #[arg(long)]
        no_open: bool,
    },
    // The archive of every letter sent
    Archive {
        #[command(subcommand)]
        action: ArchiveAction,
    },
    // Print the shell's completions for cartero (see the README for where to put them)
    Completions {
        // bash, zsh, fish, powershell or elvish
        shell: Shell,
    },
    // Print cartero's manual page (roff), for `man`
    Man,
}

/// A shell `cartero completions` writes for.
pub use clap_complete::Shell;

#[derive(Debug, Subcommand)]
pub enum ArchiveAction {
    // Bring an older campaign's sent letters (its folder, or its drafts folder) into the archive
    Import {
        // The campaign folder, or its drafts folder
        dir: PathBuf,
    },
}

#[derive(Debug, Args, Default, Clone)]
pub struct SendArgs {
    // Write the .eml files that would be sent into --out, and send nothing
    #[arg(long)]
    pub dry_run: bool,
    // Where --dry-run writes [default: <drafts>/dry-run]
    #[arg(long, value_name = "DIR", requires = "dry_run")]
    pub out: Option<PathBuf>,
    // Send every approved draft to yourself, subject tagged, and record nothing as sent
    #[arg(long, conflicts_with = "dry_run")]
    pub to_self: bool,
    // Send at most N messages
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    // Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
    // Send again to this client although a previous attempt may have arrived (uncertain or failed)
    #[arg(long, value_name = "EMAIL")]
    pub resend: Vec<String>,
    // The letter to this client, left uncertain, arrived (they told you): record it as sent,
    // file its copy in Sent, and never send it again
    #[arg(
        long,
        value_name = "EMAIL",
        conflicts_with_all = ["dry_run", "to_self", "limit", "at", "spread"]
    )]
    pub arrived: Vec<String>,
    // Wait until then, then send: "2026-12-22 09:00" (your local time) or RFC 3339
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    // With `daily-limit` under [smtp]: go on day after day until every approved letter is sent
    #[arg(long)]
    pub spread: bool,
}

/// The command line as clap reads it, its help in this run's language.
pub fn command() -> clap::Command {
    command_in(i18n::lang(), false)
}

/// The command line for the manual page and the shells' completions, in this run's language.
pub fn for_pages() -> clap::Command {
    command_in(i18n::lang(), true)
}

/// The command line with every sentence of its help in `lang`, built: clap's own `-h`, `-V` and
/// `help` are there, and said in `lang` too. `for_pages`: for the manual page and the shells'
/// completions, which list an argument's possible values themselves (in English: clap's words).
pub fn command_in(lang: Lang, for_pages: bool) -> clap::Command {
    let ours = !(for_pages && lang == Lang::En);
    let mut cmd = with_words(Cli::command(), "cartero", true, lang, ours);
    cmd.build();
    if !ours {
        return with_clap_words(cmd, lang);
    }
    // Built first, so that the long form is cartero's own and not each command's copy of it
    // (which would make every command's `--help` the long one).
    let cmd = cmd.mut_args(|arg| match possible_values(&arg) {
        Some(values) => {
            let help = text(lang, &arg_key("cartero", &arg));
            arg.long_help(format!("{help}\n\n{}", listed(lang, &values)))
        }
        None => arg,
    });
    with_clap_words(cmd, lang)
}

/// The catalog key of an argument's help: `cli-global-<id>` for a flag every command takes,
/// else `cli-<command path>-<id>` (`_` in the id is `-` in the key).
pub fn arg_key(path: &str, arg: &clap::Arg) -> String {
    let id = arg.get_id().as_str().replace('_', "-");
    if arg.is_global_set() {
        format!("cli-global-{id}")
    } else {
        format!("cli-{path}-{id}")
    }
}

fn text(lang: Lang, key: &str) -> String {
    i18n::text_in(lang, key, &[])
}

/// The values an argument takes, when it names them (`--lang`, the shell).
fn possible_values(arg: &clap::Arg) -> Option<String> {
    let values = arg.get_possible_values();
    (arg.get_action().takes_values() && !values.is_empty()).then(|| {
        values
            .iter()
            .map(|v| v.get_name())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// `[possible values: es, en]`, in `lang`.
fn listed(lang: Lang, values: &str) -> String {
    i18n::text_in(
        lang,
        "cli-possible-values",
        &[("values", i18n::IntoArg::into_arg(values))],
    )
}

/// About, long about, the text after the long help and every argument's help from the
/// catalogs; then the same for each subcommand, whose path is its names joined by `-`. `ours`:
/// the possible values in our words (clap would say `[possible values: …]`).
fn with_words(cmd: clap::Command, path: &str, root: bool, lang: Lang, ours: bool) -> clap::Command {
    let key = |what: &str| format!("cli-{path}-{what}");
    let mut cmd = cmd.about(text(lang, &key("about")));
    if i18n::has(lang, &key("long-about")) {
        cmd = cmd.long_about(text(lang, &key("long-about")));
    }
    if i18n::has(lang, &key("after-long-help")) {
        cmd = cmd.after_long_help(text(lang, &key("after-long-help")));
    }
    cmd = with_command_name(cmd, lang);
    cmd = cmd.mut_args(|arg| {
        let help = text(lang, &arg_key(path, &arg));
        let arg = with_value_name(arg, lang);
        match possible_values(&arg) {
            Some(values) if ours => {
                let help = format!("{help} {}", listed(lang, &values));
                arg.help(help).hide_possible_values(true)
            }
            _ => arg.help(help),
        }
    });
    cmd.mut_subcommands(|sub| {
        let path = match root {
            true => sub.get_name().to_string(),
            false => format!("{path}-{}", sub.get_name()),
        };
        with_words(sub, &path, false, lang, ours)
    })
}

/// The placeholder of an argument's value (`<FILE>`) in `lang`: `cli-value-<name>`, when the
/// catalog has one (`N` and `SHELL` are the same in every language).
fn with_value_name(arg: clap::Arg, lang: Lang) -> clap::Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let names: Vec<String> = match arg.get_value_names() {
        Some(names) => names.iter().map(|n| n.to_string()).collect(),
        None => vec![arg.get_id().as_str().to_uppercase()],
    };
    let said: Vec<String> = names
        .iter()
        .map(|name| {
            let key = format!("cli-value-{}", name.to_lowercase());
            match i18n::has(lang, &key) {
                true => text(lang, &key),
                false => name.clone(),
            }
        })
        .collect();
    match said.as_slice() {
        _ if said == names => arg,
        [one] => arg.value_name(leaked(one.clone())),
        _ => arg.value_names(said.into_iter().map(leaked)),
    }
}

/// `<COMMAND>` in `lang`; left to clap when it is clap's own word (the manual page says
/// `subcommands` then).
fn with_command_name(cmd: clap::Command, lang: Lang) -> clap::Command {
    let name = text(lang, "cli-value-command");
    match cmd.has_subcommands() && name != "COMMAND" {
        true => cmd.subcommand_value_name(leaked(name)),
        false => cmd,
    }
}

/// A name for clap, which takes only `&'static str` for names (without its `string` feature):
/// a few words, once a run.
fn leaked(name: String) -> &'static str {
    Box::leak(name.into_boxed_str())
}

/// What clap adds by itself, in `lang`: the headings, `-h`, `-V`, and the `help` command.
fn with_clap_words(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    if cmd.get_name() == "help" {
        cmd = with_command_name(cmd, lang)
            .about(text(lang, "cli-help-about"))
            .mut_args(|arg| match arg.get_id().as_str() {
                "subcommand" => arg
                    .help(text(lang, "cli-help-subcommand"))
                    .value_name(leaked(text(lang, "cli-value-command"))),
                _ => arg,
            });
    }
    // `[OPTIONS]` in the usage line is clap's own: the usage is ours where the word differs
    // (a usage error then shows the whole usage, not only the flags it is about).
    let options = text(lang, "cli-usage-options");
    if options != "[OPTIONS]" {
        let usage = cmd.render_usage().to_string();
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
        cmd = cmd.override_usage(usage.replace("[OPTIONS]", &options));
    }
    let template = template(&cmd, lang);
    cmd.help_template(template)
        .mut_args(|arg| {
            match (arg.get_id().as_str(), arg.get_action()) {
                // clap gives `-h` a long form when the command has a long help: so do we.
                ("help", clap::ArgAction::Help) if arg.get_long_help().is_some() => arg
                    .help(text(lang, "cli-global-help-more"))
                    .long_help(text(lang, "cli-global-help-summary")),
                ("help", clap::ArgAction::Help) => arg.help(text(lang, "cli-global-help")),
                ("version", clap::ArgAction::Version) => arg.help(text(lang, "cli-global-version")),
                _ => arg,
            }
        })
        .mut_subcommands(|sub| with_clap_words(sub, lang))
}

/// clap's own layout of the help, with our headings, and only the sections the command has.
fn template(cmd: &clap::Command, lang: Lang) -> String {
    let styles = cmd.get_styles();
    let heading = |style: &clap::builder::styling::Style, key: &str| {
        format!(
            "{}{}{}",
            style.render(),
            text(lang, key),
            style.render_reset()
        )
    };
    let header = styles.get_header();
    let mut sections = vec![];
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push(format!(
            "{}\n{{subcommands}}",
            heading(header, "cli-heading-commands")
        ));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(format!(
            "{}\n{{positionals}}",
            heading(header, "cli-heading-arguments")
        ));
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        sections.push(format!(
            "{}\n{{options}}",
            heading(header, "cli-heading-options")
        ));
    }
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{}{{after-help}}",
        heading(styles.get_usage(), "cli-heading-usage"),
        sections.join("\n\n")
    )
}

/// The command line read, or clap's error: `--help` and `--version` too (its exit code 0, on
/// stdout), or a usage error (2), which [`usage_error`] says in the language of the run.
pub fn parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    let mut cmd = command();
    let matches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// The usual usage mistakes in the catalog's words (clap's own are English): an unknown flag or command, a missing
/// argument, a wrong value, flags that exclude each other. `None` for the others.
pub fn usage_error(e: &clap::Error) -> Option<String> {
    let mut words = mistake(e)?;
    let values = context_all(e, ContextKind::ValidValue);
    if !values.is_empty() {
        words.push_str("\n  ");
        words.push_str(&tr!("cli-possible-values", values = values.join(", ")));
    }
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let similar = context_all(e, kind);
        if !similar.is_empty() {
            words.push_str("\n\n  ");
            words.push_str(&tr!("cli-error-similar", similar = quoted(similar)));
        }
    }
    if let Some(usage) = context_one(e, ContextKind::Usage) {
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
        words.push_str("\n\n");
        words.push_str(&tr!("cli-error-usage", usage = usage));
    }
    words.push_str("\n\n");
    words.push_str(&tr!("cli-error-more"));
    Some(format!("{}: {words}", tr!("error-prefix")))
}

/// Every value clap gave an error for `kind`.
fn context_all(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        _ => vec![],
    }
}

fn context_one(e: &clap::Error, kind: ContextKind) -> Option<String> {
    context_all(e, kind).into_iter().next()
}

/// `'a', 'b'`.
fn quoted(words: Vec<String>) -> String {
    words
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The mistake itself, in the catalog's words; `None` for a kind of error not translated.
fn mistake(e: &clap::Error) -> Option<String> {
    let arg = || context_one(e, ContextKind::InvalidArg);
    Some(match e.kind() {
        ErrorKind::UnknownArgument => tr!("cli-error-unknown-argument", arg = arg()?),
        ErrorKind::InvalidSubcommand => tr!(
            "cli-error-unknown-command",
            command = context_one(e, ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::MissingRequiredArgument => {
            let missing = context_all(e, ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            tr!("cli-error-missing", args = missing.join("\n  "))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = arg()?;
            match context_one(e, ContextKind::InvalidValue) {
                Some(value) if !value.is_empty() => {
                    tr!("cli-error-invalid-value", value = value, arg = arg)
                }
                _ => tr!("cli-error-no-value", arg = arg),
            }
        }
        ErrorKind::ArgumentConflict => tr!(
            "cli-error-conflict",
            arg = arg()?,
            others = quoted(context_all(e, ContextKind::PriorArg))
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli() {
        Cli::command().debug_assert();
        for lang in Lang::ALL {
            command_in(lang, false).debug_assert();
            command_in(lang, true).debug_assert();
        }
    }

    #[test]
    fn help_in_spanish_has_our_headings_and_no_key_left() {
        let help = command_in(Lang::Es, false).render_long_help().to_string();
        assert!(help.contains("Uso: cartero [OPCIONES] <ORDEN>"), "{help}");
        assert!(help.contains("Órdenes:\n  init"), "{help}");
        assert!(!help.contains("cli-"), "{help}");
        assert!(!help.contains("Usage:"), "{help}");
    }
}

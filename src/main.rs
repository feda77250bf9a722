//! cartero: one personal year-end email per client, drafted, reviewed by a person, sent one by one.
//!
//! ```text
//! clients .csv/.xlsx/.ods/.vcf ─► domain::table ─► clients ─► compose ─► message (draft, .eml)
//!   (Google, Outlook exports)        templates/*.txt ──────────┘
//! drafts/*.txt + journal.jsonl + cartero.lock ◄─ state (drafts, journal, lock, survey, plan, limits)
//! commands/{init,check,preview,draft,review,send,status,web} ─► outbox (SMTP, or .eml files)
//!                            send, status, replies, check ─► mailbox (IMAP: Sent, answers)
//! history, remember, archive, init --from-archive ─► state::archive (SQLite, across years)
//! ```
//!
//! Layers, each importing only those below it (`tests/cli/architecture.rs` keeps it so):
//! 0. leaves: `diag` (Problem), `text` (cleaning, slugs, mailboxes, counts), `par` (the parallel
//!    map), `cli` (clap, its help from the catalogs), `clock` (now, or `CARTERO_NOW`), `secret`
//!    (passwords and tokens: their order, the prompt, once a run), `tls` (our rustls
//!    configuration and the certificate probe), `i18n` (the language of the run and `tr!`: every
//!    sentence from `i18n/en.ftl` or `i18n/es.ftl`);
//! 1. `settings/`: `cartero.toml` and flags, merged once (`server`: `[smtp]`, `[imap]`; `send`:
//!    what `send` is asked to do);
//! 2. `domain/`: inputs in, letters out, never prints: `table/` (bytes into cells: CSV, sheets,
//!    vCard, Google and Outlook exports), `clients/` (columns, rows, addresses, languages),
//!    `compose/` (templates, their files, Tera's errors in words, dates and cells in a
//!    language), `headers` (the header names a template or draft may use), `message` (draft text
//!    and MIME), `personal` (the personal share, retold anecdotes), `campaign/` (all of it, and
//!    its problems in words);
//! 3. `state/`: the drafts folder, never prints: `journal` (typed events), `drafts`, `lock`,
//!    `survey` (each client's state), `plan` (what a send takes), `limits` (the daily limit),
//!    `archive` (SQLite, across years);
//! 4. `outbox/`: where letters go: SMTP through lettre's `SmtpConnection`, stage by stage, so a
//!    failure after the final "." is told from one before it (`replies`: what a server's reply
//!    means); or `.eml` files. Beside it `mailbox/`: the sender's own mailbox over IMAP
//!    (`connection`, `session`, `folder` names, `headers`, `failure` in words), and `copies`:
//!    each letter in Sent exactly once, uncertain letters looked up there;
//! 5. `report/`: the one printer, one file an area (check, drafts and review, send, mailbox,
//!    archive, status, progress); beside it `desk/`: `cartero web`'s pages (`guard`: the token,
//!    cookie, Host and Origin; `pages`: Tera templates and assets in the binary; `work`: saving
//!    and deciding through `state`; `runs`: `send` and `replies` as the commands themselves);
//! 6. `commands/`: one file a command, none importing another; `commands::run` dispatches.
//!
//! Files written: the drafts folder, the archive, and what `init`/`preview` are asked to write.
//! No password is ever written.

use std::process::ExitCode;

fn main() -> ExitCode {
    cartero::main()
}

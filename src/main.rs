//! cartero: one personal year-end email per client, drafted, reviewed by a person, sent one by one.
//!
//! ```text
//! clients.csv/.xlsx/.ods ─► domain::table ─► clients ─► compose ─► message (draft text, .eml bytes)
//!        templates/*.txt ──────────────────────────────┘
//! drafts/*.txt + journal.jsonl + cartero.lock ◄─ state (drafts, journal, lock, survey, plan, limits)
//! commands/{init,check,preview,draft,review,send,status} ─► outbox (SMTP in stages, or .eml files)
//!                            send, status, replies, check ─► mailbox (IMAP: Sent, answers)
//! history, remember, archive, init --from-archive ─► state::archive (SQLite, across years)
//! ```
//!
//! Layers, each importing only those below it (`tests/cli/architecture.rs` keeps it so):
//! 0. leaves: `diag` (Problem), `text` (cleaning, slugs, mailboxes), `par`, `cli` (clap),
//!    `secret` (running `password-command`);
//! 1. `settings`: `cartero.toml` and flags, merged once;
//! 2. `domain/`: client lists and templates in, letters out; never prints;
//! 3. `state/`: the drafts folder (journal, draft files, lock, each client's state, what a send
//!    takes, the daily limit); never prints;
//! 4. `outbox`: where letters go: SMTP through lettre's `SmtpConnection`, stage by stage, so a
//!    failure after the final "." is told from one before it; or `.eml` files. Beside it
//!    `mailbox`: the sender's own mailbox over IMAP (the `imap` crate on our rustls stream):
//!    the copy of each letter in Sent exactly once (`mailbox::copies`), uncertain letters
//!    looked up there, answers read without changing anything;
//! 5. `report`: the one printer: problems, summaries, progress, prompts, status rows and JSON;
//! 6. `commands/`: one file a command, none importing another; `commands::run` dispatches.
//!
//! Files written: the drafts folder and what `init`/`preview` are asked to write. No password
//! is ever written.

use std::process::ExitCode;

fn main() -> ExitCode {
    cartero::main()
}

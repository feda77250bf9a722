//! cartero: one personal year-end email per client, drafted, reviewed by a person, sent one by one.
//!
//! The pipeline, one module per stage, each reading what the previous one wrote:
//!
//! ```text
//! clients.csv/.xlsx/.ods ─► clients ─► compose ─► drafts + journal ─► review ─► send (SMTP)
//!        templates/*.txt ───────────────┘             │
//!                      personal: how much of each draft belongs to its client alone
//! ```
//!
//! - `cli` parses flags, `settings` merges them over `cartero.toml` once.
//! - `clients` loads and validates the list; `compose` renders templates into `Email`s and
//!   builds the exact RFC 5322 message; `campaign` ties both together for `check` and `preview`.
//! - `drafts` owns `drafts/NNNN-slug.txt`; `journal` owns `drafts/journal.jsonl`, the
//!   append-only record from which every client's state is derived.
//! - `review` is the prompt loop; `send` talks SMTP through lettre, exactly once around the journal.
//!
//! Files on disk: `cartero.toml`, the client list, `templates/*.txt`, `drafts/*.txt`,
//! `drafts/journal.jsonl`. Nothing else is written, and no password ever is.

use std::process::ExitCode;

fn main() -> ExitCode {
    cartero::main()
}

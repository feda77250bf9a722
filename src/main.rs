//! cartero: one personal year-end email per client, drafted, reviewed by a person, sent one by one.
//!
//! ```text
//! clients.csv/.xlsx/.ods ─► table ─► clients ─► compose ─► message (.eml: preview, send)
//!        templates/*.txt ────────────────────────┘   │
//!                              drafts/*.txt + drafts/journal.jsonl ─► review ─► send ─► outbox (SMTP)
//! ```
//!
//! - `cli` parses flags; `settings` merges them over `cartero.toml` once; `commands` runs a
//!   command and is the one place that prints.
//! - `table` reads CSV and spreadsheets into cells; `clients` validates them into `Client`s;
//!   `compose` renders Tera templates into an `Email`; `message` makes its draft text and the
//!   exact RFC 5322 bytes; `campaign` ties these together for `check`, `preview` and `draft`.
//! - `drafts` owns `drafts/NNNN-slug.txt`; `journal` owns the append-only `journal.jsonl`;
//!   `lock` owns `drafts/cartero.lock`, the OS lock `draft`, `review` and `send` hold;
//!   `status` derives every client's state from both; `personal` measures each draft's share.
//! - `review` is the prompt loop; `send` goes through the approved drafts exactly once around
//!   the journal; `outbox` is where messages go (SMTP driven in stages through lettre's
//!   `SmtpConnection`, so a failure after the final "." is told from one before it, or `.eml`
//!   files).
//!
//! Files written: the drafts folder and what `init`/`preview` are asked to write. No password
//! is ever written.

use std::process::ExitCode;

fn main() -> ExitCode {
    cartero::main()
}

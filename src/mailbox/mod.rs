//! The sender's own mailbox over IMAP: one session per run, to put each letter's exact bytes in
//! Sent, to look letters up there, and to read (never change) the headers of what came back.
//!
//! The `imap` crate (3.0, synchronous, like lettre's `SmtpConnection`) speaks the protocol over a
//! stream of ours: TCP, or rustls with the same ring provider lettre uses.

mod connection;
pub mod copies;
mod failure;
mod folder;
mod headers;
mod session;

pub use failure::{failure_of, said, Failure, ImapError};
pub use folder::{folder_shown, is_folder};
pub use headers::{bare_id, parse_headers, Headers};
pub use session::Mailbox;

/// What the mailbox work of a run came to, for its summary.
#[derive(Default, Debug)]
pub struct Filing {
    pub appended: usize,
    /// Filed by the server itself.
    pub found: usize,
    /// Found there by a later run (a copy whose `filed` was lost with a crash).
    pub already: usize,
    pub failed: Vec<String>,
    /// The size in bytes of each copy refused for want of room (`[OVERQUOTA]`).
    pub no_room: Vec<u64>,
    /// Uncertain letters found in Sent: sent after all.
    pub resolved: Vec<String>,
    /// Uncertain letters not found there.
    pub unresolved: Vec<String>,
    pub folder: String,
    pub server_files: Option<bool>,
}

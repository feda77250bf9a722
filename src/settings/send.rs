//! What `cartero send` is asked to do, from its flags: a mode and a confirmation, not booleans.

use std::path::PathBuf;

/// What a `send` does with the letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// To the clients, recorded in the journal.
    Real,
    /// Every letter to the sender, subject tagged, nothing recorded.
    ToSelf,
    /// `.eml` files, nothing sent.
    DryRun,
}

/// Whether `send` asks before it sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Ask,
    /// `--yes`, or a later pass of a run the person already said yes to.
    Given,
}

/// What `send` is asked to do, from its flags.
#[derive(Debug, Clone)]
pub struct SendRequest {
    pub mode: Mode,
    /// Where a dry run writes.
    pub out: Option<PathBuf>,
    pub limit: Option<usize>,
    pub confirm: Confirm,
    /// Clients to send to again although an earlier letter may have arrived.
    pub resend: Vec<String>,
    /// Clients whose uncertain letter the user says arrived.
    pub arrived: Vec<String>,
    /// `--at`, as written.
    pub at: Option<String>,
    /// Day after day within `daily-limit` until every letter is sent.
    pub spread: bool,
}

impl SendRequest {
    pub fn from_flags(args: &crate::cli::SendArgs) -> SendRequest {
        SendRequest {
            mode: match (args.dry_run, args.to_self) {
                (true, _) => Mode::DryRun,
                (false, true) => Mode::ToSelf,
                (false, false) => Mode::Real,
            },
            out: args.out.clone(),
            limit: args.limit,
            confirm: if args.yes {
                Confirm::Given
            } else {
                Confirm::Ask
            },
            resend: args.resend.clone(),
            arrived: args.arrived.clone(),
            at: args.at.clone(),
            spread: args.spread,
        }
    }
}

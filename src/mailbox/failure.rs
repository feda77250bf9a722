//! IMAP errors in words, with what each means for the caller: lost, full or refused.

use crate::settings::{Auth, Imap};

/// What went wrong with an IMAP command, as far as what to do next is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The connection was lost, or the server did not answer in time: nothing more goes
    /// through this session.
    Lost,
    /// The server said the mailbox has no room (`[OVERQUOTA]`, RFC 5530).
    Full,
    /// Any other refusal or unreadable answer.
    Refused,
}

/// An IMAP error in words, with what it means for the caller.
#[derive(Debug, thiserror::Error)]
#[error("{words}")]
pub struct ImapError {
    pub failure: Failure,
    words: String,
}

/// What an error from this module means; `Refused` for any other error.
pub fn failure_of(e: &anyhow::Error) -> Failure {
    e.downcast_ref::<ImapError>()
        .map_or(Failure::Refused, |i| i.failure)
}

/// An IMAP error while trying `to` (what cartero was doing, in this run's language), in words.
pub fn said(e: &imap::Error, to: &str) -> anyhow::Error {
    let (failure, words) = match e {
        imap::Error::Io(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ) =>
        {
            (Failure::Lost, tr!("imap-timed-out", doing = to))
        }
        imap::Error::Io(_) | imap::Error::ConnectionLost => {
            (Failure::Lost, tr!("imap-connection-lost", doing = to))
        }
        imap::Error::Append => (Failure::Refused, tr!("imap-append-refused", doing = to)),
        imap::Error::No(_) | imap::Error::Bad(_) | imap::Error::Bye(_) => (
            if over_quota(e) {
                Failure::Full
            } else {
                Failure::Refused
            },
            tr!("imap-refused", doing = to, reply = server_words(e)),
        ),
        e => (
            Failure::Refused,
            tr!("imap-answer-unreadable", doing = to, why = e.to_string()),
        ),
    };
    ImapError { failure, words }.into()
}

/// The server's refusal says the mailbox is full: RFC 5530's `[OVERQUOTA]`, which the IMAP
/// library does not parse as a code of its own, so it is in the server's words.
fn over_quota(e: &imap::Error) -> bool {
    server_words(e).to_ascii_uppercase().contains("OVERQUOTA")
}

/// A refused login, in words: the username or the password, or the token.
pub(super) fn refused_login(imap: &Imap, e: &imap::Error) -> anyhow::Error {
    match e {
        imap::Error::No(_) | imap::Error::Bad(_) => match imap.server.auth {
            Auth::Password => anyhow::anyhow!(tr!(
                "imap-login-refused",
                host = &imap.server.host,
                user = &imap.username,
                reply = server_words(e)
            )),
            Auth::Xoauth2 => anyhow::anyhow!(tr!(
                "imap-token-refused",
                host = &imap.server.host,
                user = &imap.username,
                reply = server_words(e)
            )),
        },
        e => said(e, &tr!("imap-doing-log-in")),
    }
}

/// The server's own words in an IMAP error, without the protocol's.
fn server_words(e: &imap::Error) -> String {
    match e {
        imap::Error::No(no) => no.information.clone(),
        imap::Error::Bad(bad) => bad.information.clone(),
        imap::Error::Bye(bye) => bye.information.clone(),
        e => e.to_string(),
    }
}

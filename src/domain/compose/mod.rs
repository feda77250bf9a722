//! Tera templates into one rendered `Email` per client.

mod cells;
mod date;
mod render;
mod template_file;
mod templates;
mod tera_error;

use lettre::message::Mailbox;

use crate::diag::Problem;

pub use date::format_date;
pub use templates::Templates;

/// Past this, mail apps cut the subject short.
pub const LONG_SUBJECT: usize = 200;

/// What a template makes for one client: the headers it may set, and the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub subject: String,
    pub reply_to: Option<Mailbox>,
    pub body: String,
    /// Written in Markdown (a `.md` template): sent as plain text and HTML from the same words.
    pub markdown: bool,
    /// The files that go with it, as named (relative to the campaign folder).
    pub attachments: Vec<String>,
}

/// What every letter of the campaign gets besides its template: the signature (its text as
/// written, and whether it is Markdown) and the files every letter carries.
#[derive(Debug, Clone, Default)]
pub struct Additions {
    pub signature: Option<(String, bool)>,
    pub attachments: Vec<String>,
}

/// Why a client's email could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// The template itself is wrong: report once, not once per client.
    Template(Problem),
    /// The template's problem was reported for an earlier client.
    AlreadyReported,
    /// This client's data does not fit the template.
    Client(Problem),
}

/// Which template a client gets, decided before anything is loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Render with this file. `from_column` when the client's `template` column named it;
    /// `missing_variant` names the language variant that would have been chosen had it existed.
    Template {
        name: String,
        from_column: bool,
        missing_variant: Option<String>,
    },
    /// No `template` column value and no default template.
    Unset,
}

/// Why a template could not be loaded.
#[derive(Debug, Clone)]
pub enum LoadError {
    /// There is no such file: the caller knows who named it, and says so.
    Missing,
    /// It is there but cannot be used.
    Broken(Problem),
}

//! The drafts folder: the journal, the draft files, the lock, and every client's state derived
//! from them. Never prints.

pub mod archive;
pub mod drafts;
pub mod journal;
pub mod limits;
pub mod lock;
pub mod plan;
pub mod survey;
pub mod went;

//! The domain: client lists and templates in, letters out. Reads files; never prints, never
//! touches the drafts folder.

pub mod bounce;
pub mod campaign;
pub mod clients;
pub mod compose;
pub mod headers;
pub mod letter;
pub mod markdown;
pub mod message;
pub mod personal;
pub mod table;

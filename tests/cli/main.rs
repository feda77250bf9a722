//! End-to-end tests: the real `cartero` binary in a temporary campaign folder, against real
//! SMTP servers on 127.0.0.1, its output parsed back with an independent parser (mail-parser).

mod architecture;
mod archive;
mod arrived;
mod catalogs;
mod check;
mod commands_es;
mod completions;
mod desk;
mod domain_es;
mod drafting;
mod engine_es;
mod errors;
mod exactly_once;
mod help_es;
mod history;
mod init;
mod languages;
mod limits;
mod lists;
mod locking;
mod mailbox;
mod preview;
mod promises;
mod props;
mod remember;
mod replies;
mod report_es;
mod review;
mod secrets;
mod send;
mod status;
mod support;
mod templates;
mod watch;
mod whole_output;

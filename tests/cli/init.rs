//! `cartero init`: the example campaign, never over a file that exists, and next year's list
//! from the archive.

use crate::archive::sent_on;
use crate::support::*;

#[test]
fn init_never_overwrites() {
    let c = Campaign::empty();
    c.write("clients.csv", "email,name\nmine@example.com,Mine\n");
    c.run(&["init", "."]).success().stdout_has("kept");
    assert_eq!(c.read("clients.csv"), "email,name\nmine@example.com,Mine\n");
    assert!(c.path("templates/year-end.es.txt").exists());
    assert!(c.read("cartero.toml").contains("[sender]"));
}

#[test]
fn init_from_the_archive_lists_everyone_written_to_with_last_years_note() {
    let server = ScriptedSmtp::start(Script::default());
    let shared = tempfile::tempdir().unwrap();
    let archive = shared.path().join("archive.sqlite3");
    sent_on("2025-12-20T10:00:00+01:00", 2, &archive, &server);
    let next = Campaign::empty();
    let archive_arg = archive.to_str().unwrap();
    next.run(&["--archive", archive_arg, "init", "2026", "--from-archive"])
        .success()
        .stdout_has("wrote")
        .stdout_has("clients.csv");
    let csv = next.read("2026/clients.csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("email,name,note,last_note"));
    assert_eq!(
        lines.next(),
        Some("c1@example.com,Cliente 1,,Recuerdo especial número 1")
    );
    assert!(csv.contains("c2@example.com,Cliente 2,,"), "{csv}");
    // Never over a list already there; and an empty archive is said.
    next.write("2026/clients.csv", "email,name\nmine@example.com,Mine\n");
    next.run(&["--archive", archive_arg, "init", "2026", "--from-archive"])
        .success()
        .stdout_has("kept")
        .stdout_has("the list made from the archive is in 2026/clients-from-archive.csv");
    assert_eq!(
        next.read("2026/clients.csv"),
        "email,name\nmine@example.com,Mine\n"
    );
    assert_eq!(next.read("2026/clients-from-archive.csv"), csv);
    next.run(&["--archive", archive_arg, "init", "2026", "--from-archive"])
        .success()
        .stdout_has("2026/clients-from-archive-2.csv");
    next.run(&["--archive", "none.sqlite3", "init", "x", "--from-archive"])
        .failure()
        .stderr_has("there is no archive at `none.sqlite3` yet");
}

//! `cartero status`: each client's state, as a table and as `--json`.

use crate::drafting::{drafted, CLIENTS, TEMPLATE};
use crate::support::*;

#[test]
fn status_table_counts_states_and_hints_the_next_step() {
    let c = Campaign::with(CLIENTS, TEMPLATE);
    c.run(&["status"])
        .success()
        .stdout_has("2 clients: 2 new")
        .stdout_has("cartero draft");
    c.run(&["draft"]).success();
    c.run(&["status"])
        .success()
        .stdout_has("2 clients: 2 drafted")
        .stdout_has("cartero review");
}

#[test]
fn a_row_broken_after_drafting_is_reported_by_status_not_silently_dropped() {
    let c = drafted();
    c.write(
        "clients.csv",
        CLIENTS.replace("bo@example.com", "bo@@example"),
    );
    c.run(&["status"])
        .success()
        .stderr_has("clients.csv:3, column `email`, client `Bo Li`")
        .stderr_has("left out until the list is fixed")
        .stdout_has("no longer on the list: bo@example.com");
}

#[test]
fn status_table_on_the_example() {
    let c = Campaign::example();
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\ns\nr\n").success();
    insta::assert_snapshot!(c.run(&["status"]).success().stdout());
}

#[test]
fn output_that_cannot_be_written_is_an_error_not_a_short_success() {
    let c = drafted();
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(full) = full else { return }; // not every system has one
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("cartero"))
        .current_dir(c.dir.path())
        .args(["status", "--json"])
        .env("CARTERO_NOW", NOW)
        // English, whatever the tester's locale: the tests of the languages set their own.
        .env("CARTERO_LANG", "en")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("could not be written"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_client_taken_off_the_list_after_their_letter_went_is_still_said_sent() {
    let smtp = SmtpServer::start(Rules::default());
    let c = crate::send::approved(2, &smtp.config());
    c.run(&["send", "--yes"]).success();
    let list = c.read("clients.csv");
    let kept: Vec<&str> = list.lines().filter(|l| !l.contains("c2@")).collect();
    c.write("clients.csv", kept.join("\n") + "\n");
    let out = c.run(&["status"]).success().stdout();
    assert!(
        out.contains("no longer on the list: c2@example.com (its letter went on 2026-11-22"),
        "{out}"
    );
    assert!(!out.contains("not sent"), "{out}");
}

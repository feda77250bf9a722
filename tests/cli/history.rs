//! `cartero history`: every letter a client got, from the archive, newest first.

use crate::archive::sent_on;
use crate::support::*;

#[test]
fn letters_of_two_years_are_kept_and_history_shows_them_newest_first() {
    let server = ScriptedSmtp::start(Script::default());
    let shared = tempfile::tempdir().unwrap();
    let archive = shared.path().join("archive.sqlite3");
    sent_on("2025-12-20T10:00:00+01:00", 2, &archive, &server);
    let c = sent_on("2026-12-21T10:00:00+01:00", 3, &archive, &server);
    let run = c.run(&["history", "C1@example.com"]).success();
    let out = run.stdout();
    let y2026 = out.find("2026-12-21  Gracias, Cliente").expect(&out);
    let y2025 = out.find("2025-12-20  Gracias, Cliente").expect(&out);
    assert!(y2026 < y2025, "newest first:\n{out}");
    // The personal part: the client's own note, not the template's words.
    assert!(out.contains("    Recuerdo especial número 1"), "{out}");
    assert!(!out.contains("    Un abrazo"), "{out}");
    let json: Vec<serde_json::Value> = serde_json::from_str(
        &c.run(&["history", "c1@example.com", "--json"])
            .success()
            .stdout(),
    )
    .unwrap();
    assert_eq!(json.len(), 2);
    assert_eq!(json[0]["email"], "c1@example.com");
    assert!(json[0]["message_id"].as_str().unwrap().starts_with('<'));
    assert_eq!(json[1]["sent_at"].as_str().unwrap().get(..4), Some("2025"));
    // Once each: sending again (nothing to send) keeps nothing twice.
    c.run(&["send", "--yes"]).success();
    let json: Vec<serde_json::Value> = serde_json::from_str(
        &c.run(&["history", "c1@example.com", "--json"])
            .success()
            .stdout(),
    )
    .unwrap();
    assert_eq!(json.len(), 2);
}

#[test]
fn a_campaign_of_one_letter_does_not_call_the_whole_letter_personal() {
    let server = ScriptedSmtp::start(Script::default());
    let shared = tempfile::tempdir().unwrap();
    let archive = shared.path().join("archive.sqlite3");
    let c = sent_on("2026-12-21T10:00:00+01:00", 1, &archive, &server);
    let out = c.run(&["history", "c1@example.com"]).success().stdout();
    assert!(
        out.contains("the only letter of its campaign: no other to tell its personal part from"),
        "{out}"
    );
    assert!(out.contains("    Hola, Cliente:"), "{out}");
}

//! `cartero remember`: a dated memory of a client, kept in the archive.

use crate::send::approved;
use crate::support::*;

#[test]
fn remember_keeps_a_dated_memory_that_history_shows() {
    let (_server, c) = sent_to_one();
    c.run(&[
        "remember",
        "c1@example.com",
        "abrió",
        "la nave nueva de Getafe",
    ])
    .success()
    .stdout_has("kept for c1@example.com: abrió la nave nueva de Getafe");
    c.run(&["history", "c1@example.com"])
        .success()
        .stdout_has("remembered since the last letter:")
        .stdout_has("abrió la nave nueva de Getafe");
    c.run(&["remember", "not-an-address", "x"])
        .failure()
        .stderr_has("is not a valid email address");
}

#[test]
fn remember_for_an_address_never_seen_is_refused_as_a_typo_unless_forced() {
    let c = Campaign::with(
        "email,name,note\nana.garcia@example.com,Ana García,Paella en junio\n",
        crate::drafting::TEMPLATE,
    );
    // A typo: on no list and in no letter, the memory would reach no letter.
    let refused = c
        .run(&["remember", "ana.garcai@example.com", "abrió la nave"])
        .failure()
        .stderr_has("`ana.garcai@example.com` is in no client list of this campaign and in no letter of the archive")
        .stderr_has("did you mean `ana.garcia@example.com`?")
        .stderr_has("`--force`");
    assert_eq!(refused.code(), Some(1));
    // The address on the list is kept without a word more.
    c.run(&["remember", "ana.garcia@example.com", "abrió la nave"])
        .success()
        .stdout_has("kept for ana.garcia@example.com: abrió la nave");
    // Nothing close: no guess, and `--force` keeps it anyway.
    let far = c
        .run(&["remember", "zoe@elsewhere.org", "vino a la feria"])
        .failure();
    assert!(!far.stderr().contains("did you mean"), "{}", far.stderr());
    c.run(&[
        "remember",
        "--force",
        "zoe@elsewhere.org",
        "vino a la feria",
    ])
    .success()
    .stdout_has("kept for zoe@elsewhere.org: vino a la feria");
    c.run(&["history", "zoe@elsewhere.org"])
        .success()
        .stdout_has("vino a la feria");
    // The refused typo kept nothing.
    let typo = c.run(&["history", "ana.garcai@example.com"]);
    assert!(
        !typo.stdout().contains("abrió la nave"),
        "{}",
        typo.stdout()
    );
}

#[test]
fn remember_knows_an_address_from_the_archive_alone() {
    let (_server, c) = sent_to_one();
    // The list no longer has them; the archive's letter does.
    c.write("clients.csv", "email,name,note\nzed@example.com,Zed,Hola\n");
    c.run(&["remember", "c1@example.com", "se jubila en marzo"])
        .success();
    c.run(&["remember", "c2@example.com", "se jubila en marzo"])
        .failure()
        .stderr_has("did you mean `c1@example.com`?");
}

#[test]
fn a_memory_of_several_lines_prints_under_its_day_and_nothing_in_it_turns_the_line_around() {
    let (_server, c) = sent_to_one();
    c.run(&[
        "remember",
        "c1@example.com",
        "su hija empieza la carrera\nen Valladolid \u{202e}ovitca",
    ])
    .success();
    let out = c.run(&["history", "c1@example.com"]).success().stdout();
    assert!(
        out.contains("su hija empieza la carrera\n              en Valladolid ovitca"),
        "{out}"
    );
    assert!(!out.contains('\u{202e}'), "{out}");
}

/// One client's letter sent (the server kept alive for the test's length).
fn sent_to_one() -> (ScriptedSmtp, Campaign) {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(1, &server.config());
    c.run(&["send", "--yes"]).success();
    (server, c)
}

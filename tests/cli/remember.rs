//! `cartero remember`: a dated memory of a client, kept in the archive.

use crate::send::approved;
use crate::support::*;

#[test]
fn remember_keeps_a_dated_memory_that_history_shows() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(1, &server.config());
    c.run(&["send", "--yes"]).success();
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

//! One command at a time writes a campaign's drafts folder: a second `send`, or a `review`,
//! started while a send is held at an exact protocol point is refused, naming the first.

use crate::send::approved;
use crate::support::*;

#[test]
fn a_second_send_and_a_review_are_refused_while_a_send_is_held_at_mail_from() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::HoldAtMail)],
        ..Script::default()
    });
    let c = approved(2, &server.config());
    let mut first = spawn(&c, &["send", "--yes"]);
    server.wait_until_holding();
    let holder = format!("`cartero send` (process {})", first.id());
    c.run(&["send", "--yes"])
        .failure()
        .stderr_has(&format!(
            "{holder} is working on this campaign's drafts right now"
        ))
        .stderr_has("then run `cartero send` again");
    assert_eq!(
        server.mail_lines().len(),
        1,
        "the second send began no letter: {:?}",
        server.mail_lines()
    );
    c.run_with_stdin(&["review"], "a\na\n")
        .failure()
        .stderr_has(&format!(
            "{holder} is working on this campaign's drafts right now"
        ))
        .stderr_has("then run `cartero review` again");
    first.kill().unwrap();
    first.wait().unwrap();
    server.release();
    assert!(server.letters().is_empty());
    assert_eq!(c.states(), ["approved", "approved"]);
}

//! Exactly once, at every point where a send can break: a scripted server on 127.0.0.1 breaks at
//! an exact protocol point, and each test asserts the state and the letters the server holds.

use crate::send::{approved, clients, sent_events, TEMPLATE};
use crate::support::*;

fn kill(child: &mut std::process::Child) {
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
}

fn journal_has(c: &Campaign, event: &str, client: &str) -> bool {
    c.read("drafts/journal.jsonl").lines().any(|l| {
        let e: serde_json::Value = serde_json::from_str(l).unwrap_or_default();
        e["event"] == event && e["client"] == client
    })
}

#[test]
fn killed_before_data_the_letter_is_still_approved_and_goes_once() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(2, Fault::HoldAtMail)],
        ..Script::default()
    });
    let c = approved(3, &server.config());
    let mut child = spawn(&c, &["send", "--yes"]);
    server.wait_until_holding();
    // The point: c2's MAIL FROM is at the server, nothing of its letter is.
    assert!(journal_has(&c, "sent", "c1@example.com"));
    assert!(!journal_has(&c, "sending", "c2@example.com"));
    kill(&mut child);
    server.release();
    assert_eq!(server.letters().len(), 1);
    assert_eq!(c.states(), ["sent", "approved", "approved"]);
    c.run(&["send", "--yes"]).success().stdout_has("sent 2");
    for i in 1..=3 {
        assert_eq!(server.count_to(&format!("c{i}@example.com")), 1);
    }
    assert_eq!(c.states(), ["sent"; 3]);
}

#[test]
fn killed_after_the_server_took_the_letter_it_is_uncertain_and_never_resent_unasked() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(2, Fault::HoldAfterDot)],
        ..Script::default()
    });
    let c = approved(3, &server.config());
    let mut child = spawn(&c, &["send", "--yes"]);
    server.wait_until_holding();
    // The point: the server holds c2's whole letter; cartero has not read its reply.
    assert_eq!(server.count_to("c2@example.com"), 1);
    assert!(journal_has(&c, "sending", "c2@example.com"));
    assert!(!journal_has(&c, "sent", "c2@example.com"));
    kill(&mut child);
    server.release();
    assert_eq!(c.states(), ["sent", "uncertain", "approved"]);
    let first_id = c.status()[1]["message_id"].as_str().unwrap().to_string();

    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 1")
        .stderr_has("uncertain: Cliente 2 <c2@example.com>")
        .stderr_has(&first_id)
        .stderr_has("--resend c2@example.com");
    assert_eq!(server.count_to("c2@example.com"), 1);
    assert_eq!(server.count_to("c3@example.com"), 1);
    assert_eq!(c.states(), ["sent", "uncertain", "sent"]);

    // Named by the user, it goes again, with the same Message-ID, so the receiving server can
    // tell it is the same letter.
    c.run(&["send", "--yes", "--resend", "c2@example.com"])
        .success()
        .stdout_has("sent 1");
    let to_c2: Vec<_> = server
        .letters()
        .into_iter()
        .filter(|m| m.to == ["c2@example.com"])
        .collect();
    assert_eq!(to_c2.len(), 2);
    for m in &to_c2 {
        assert_eq!(
            format!("<{}>", parse(&m.data).message_id().unwrap()),
            first_id
        );
    }
    assert_eq!(c.states(), ["sent"; 3]);
}

#[test]
fn a_link_lost_after_the_final_dot_leaves_the_letter_uncertain_not_retried() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(2, Fault::DropAfterDot)],
        ..Script::default()
    });
    let c = approved(3, &server.config());
    let run = c.run(&["send", "--yes"]).failure();
    let run = run
        .stdout_has("sent 2, failed 0, not attempted 0, uncertain 1")
        .stderr_has("uncertain: c2@example.com: no answer came after the whole letter was handed to the server (the server closed the connection)");
    assert!(!run.stderr().contains("retrying"), "{}", run.stderr());
    // The server has it once, and the next client went on a new connection.
    for i in 1..=3 {
        assert_eq!(server.count_to(&format!("c{i}@example.com")), 1);
    }
    assert_eq!(c.states(), ["sent", "uncertain", "sent"]);
    assert!(journal_has(&c, "uncertain", "c2@example.com"));
    let status = c.status();
    assert!(status[1]["warnings"]
        .to_string()
        .contains("--resend c2@example.com"));
    // Not on its own, ever.
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("nothing to send");
    assert_eq!(server.letters().len(), 3);
    c.run(&["send", "--yes", "--resend", "c2@example.com"])
        .success();
    assert_eq!(server.count_to("c2@example.com"), 2);
}

#[test]
fn a_421_after_the_final_dot_is_an_answer_the_run_stops_and_the_letter_waits() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(2, Fault::Reply421AfterDot)],
        ..Script::default()
    });
    let c = approved(3, &server.config());
    // 421 is the server closing on the sender: no retry hammering it, and no one failed.
    let run = c
        .run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 1, failed 0")
        .stderr_has("stopped: the server refused to take more letters from your account (421");
    assert!(!run.stderr().contains("retrying"), "{}", run.stderr());
    assert_eq!(c.states(), ["sent", "approved", "approved"]);
    assert_eq!(server.count_to("c2@example.com"), 0);
    c.run(&["send", "--yes"]).success().stdout_has("sent 2");
    for i in 1..=3 {
        assert_eq!(server.count_to(&format!("c{i}@example.com")), 1);
    }
}

#[test]
fn a_link_lost_mid_body_is_retried_and_the_letter_goes_once() {
    // A letter larger than every buffer on the way (the server's is made small, and Linux never
    // lets cartero's send buffer grow past 4 MiB), so the link breaks while cartero is still
    // writing it, well before the final ".".
    let big = "Subject: Gracias, {{ first_name }}\n\n{{ note }}\n{% for i in range(end=260) %}{% for j in range(end=260) %}una linea larga del informe anual, sin nada personal, para llenar {{ i }} {{ j }}\n{% endfor %}{% endfor %}";
    let c = Campaign::with(&clients(1), big);
    let server = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::DropMidBody(64 * 1024))],
        ..Script::default()
    });
    c.append("cartero.toml", &server.config());
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\n").success();
    c.run(&["send", "--yes"])
        .success()
        .stdout_has("sent 1, failed 0")
        .stderr_has("retrying c1@example.com");
    assert_eq!(server.count_to("c1@example.com"), 1);
    assert!(server.letters()[0].data.len() > 4_500_000);
    assert_eq!(c.states(), ["sent"]);
}

#[test]
fn a_journal_edited_by_hand_never_turns_into_a_second_letter() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(3, &server.config());
    c.run(&["send", "--yes", "--limit", "2"])
        .failure()
        .stdout_has("sent 2");
    let journal = c.read("drafts/journal.jsonl");
    // c2's `sent` line lost (as by a hand edit), and a stray `sending` for c3 with no outcome.
    let mut kept: Vec<&str> = journal
        .lines()
        .filter(|l| !(l.contains("\"sent\"") && l.contains("c2@example.com")))
        .collect();
    let stray = "{\"time\":\"2026-11-22T10:30:00.000+01:00\",\"client\":\"c3@example.com\",\"event\":\"sending\",\"message_id\":\"<hand@example.com>\"}";
    kept.push(stray);
    // And a duplicated `sending` for c1 after its `sent`: still sent.
    let c1_sending = journal
        .lines()
        .find(|l| l.contains("\"sending\"") && l.contains("c1@example.com"))
        .unwrap();
    kept.push(c1_sending);
    c.write("drafts/journal.jsonl", kept.join("\n") + "\n");
    assert_eq!(c.states(), ["sent", "uncertain", "uncertain"]);
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("nothing to send")
        .stderr_has("uncertain: Cliente 2")
        .stderr_has("uncertain: Cliente 3")
        .stderr_has("<hand@example.com>");
    assert_eq!(server.letters().len(), 2);
}

#[test]
fn two_sends_started_together_send_every_client_once() {
    let server = SmtpServer::start(Rules::default());
    let c = approved(50, &server.config());
    let a = spawn(&c, &["send", "--yes"]);
    let b = spawn(&c, &["send", "--yes"]);
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    let said = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    for o in [&a, &b] {
        let text = said(o);
        assert!(!text.contains("panicked"), "{text}");
        assert!(
            o.status.success() || text.contains("`cartero send` (process"),
            "the loser names who holds the campaign: {text}"
        );
    }
    let mut to: Vec<String> = server.received().iter().map(|m| m.to[0].clone()).collect();
    to.sort();
    let mut want: Vec<String> = (1..=50).map(|i| format!("c{i}@example.com")).collect();
    want.sort();
    assert_eq!(to, want, "every client exactly once");
    assert!(c.states().iter().all(|s| s == "sent"));
}

#[test]
fn draft_and_review_wait_their_turn_while_a_send_runs() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::HoldAfterDot)],
        ..Script::default()
    });
    let c = approved(2, &server.config());
    let child = spawn(&c, &["send", "--yes"]);
    server.wait_until_holding();
    c.run(&["draft"])
        .failure()
        .stderr_has("`cartero send` (process")
        .stderr_has("is working on this campaign's drafts");
    c.run_with_stdin(&["review"], "a\n")
        .failure()
        .stderr_has("`cartero send` (process");
    // Reading is always allowed, and shows the letter in flight as such.
    assert_eq!(c.states(), ["sending", "approved"]);
    server.release();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(c.states(), ["sent", "sent"]);
    assert_eq!(server.letters().len(), 2);
    // A lock left by a process killed with SIGKILL blocks nobody: the kernel let go of it.
    let server = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::HoldAtMail)],
        ..Script::default()
    });
    let c = approved(1, &server.config());
    let mut child = spawn(&c, &["send", "--yes"]);
    server.wait_until_holding();
    kill(&mut child);
    assert!(c.path("drafts/cartero.lock").exists());
    c.run(&["draft"]).success();
}

#[test]
fn ctrl_c_waits_for_the_answer_to_the_letter_in_flight_then_stops() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(3, Fault::HoldAfterDot)],
        ..Script::default()
    });
    let c = approved(6, &server.config());
    let child = spawn(&c, &["send", "--yes"]);
    server.wait_until_holding();
    // The third letter is at the server, its answer not yet given.
    // SAFETY: signalling our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    // Released only once cartero has taken the signal: else it could go on to the next letter.
    crate::watch::signals_taken(child.id());
    server.release();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("stopped by Ctrl-C"), "{stderr}");
    assert_eq!(
        server.letters().len(),
        3,
        "the letter in flight was finished"
    );
    assert_eq!(
        c.states(),
        ["sent", "sent", "sent", "approved", "approved", "approved"],
        "and recorded"
    );
    c.run(&["send", "--yes"]).success().stdout_has("sent 3");
    assert_eq!(server.letters().len(), 6);
}

#[test]
fn starttls_required_but_not_offered_is_refused_before_anything_goes() {
    let server = ScriptedSmtp::start(Script::default());
    let smtp = format!(
        "\n[smtp]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"starttls\"\n",
        server.port
    );
    let c = approved(2, &smtp);
    c.run(&["send", "--yes"])
        .failure()
        .stderr_has("does not offer STARTTLS")
        .stderr_has("nothing was sent");
    assert!(server.mail_lines().is_empty());
    assert_eq!(c.states(), ["approved", "approved"]);
}

fn international(server: &ScriptedSmtp) -> Campaign {
    let c = Campaign::with(
        "email,name,note\njosé@correo.es,José,La nave de Getafe\nana@example.org,Ana,El viaje\n",
        TEMPLATE,
    );
    c.append("cartero.toml", &server.config());
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\na\n").success();
    c
}

#[test]
fn a_non_ascii_address_goes_with_smtputf8_when_the_server_offers_it() {
    let server = ScriptedSmtp::start(Script {
        extensions: vec!["SMTPUTF8".into()],
        ..Script::default()
    });
    let c = international(&server);
    c.run(&["send", "--yes"]).success().stdout_has("sent 2");
    assert_eq!(server.count_to("josé@correo.es"), 1);
    let mail = server.mail_lines();
    assert!(mail[0].contains("SMTPUTF8"), "{mail:?}");
    assert!(!mail[1].contains("SMTPUTF8"), "{mail:?}");
}

#[test]
fn a_non_ascii_address_fails_once_with_a_reason_when_the_server_cannot_take_it() {
    let server = ScriptedSmtp::start(Script::default());
    let c = international(&server);
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 1, failed 1")
        .stderr_has("`josé@correo.es` has letters outside plain ASCII")
        .stderr_has("does not offer SMTPUTF8");
    assert_eq!(c.states(), ["failed", "sent"]);
    assert!(server.mail_lines().iter().all(|l| !l.contains("jos")));
    // A permanent failure: not tried again on every run, and not hidden either.
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("nothing to send")
        .stderr_has("not sent: José <josé@correo.es> was refused by the server in an earlier run");
    assert_eq!(server.mail_lines().len(), 1);
}

#[test]
fn preview_is_byte_for_byte_what_the_server_receives() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(3, &server.config());
    c.run(&["preview", "--out", "preview"]).success();
    c.run(&["send", "--yes"]).success();
    let preview = emls(&c.path("preview"));
    let letters = server.letters();
    assert_eq!(preview.len(), 3);
    let events = sent_events(&c);
    for (i, ((_, eml), letter)) in preview.iter().zip(&letters).enumerate() {
        assert_eq!(
            String::from_utf8_lossy(eml),
            String::from_utf8_lossy(&letter.data),
            "client {i}"
        );
        assert_eq!(
            format!("<{}>", parse(eml).message_id().unwrap()),
            events[i]["message_id"].as_str().unwrap()
        );
    }
}

#[test]
fn a_closed_stdout_never_panics_a_send_and_the_journal_stays_whole() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(5, &server.config());
    let mut child = spawn(&c, &["send", "--yes"]);
    drop(child.stdout.take()); // as `| head -0` would
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(server.letters().len(), 5);
    assert_eq!(c.states(), ["sent"; 5]);
    // Both streams closed.
    let c = approved(2, &server.config());
    let mut child = spawn(&c, &["send", "--yes"]);
    drop(child.stdout.take());
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_eq!(c.states(), ["sent"; 2]);
    // `status` and `draft` too.
    for args in [&["status"][..], &["draft"], &["check"]] {
        let mut child = spawn(&c, args);
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{args:?}"
        );
    }
}

#[test]
fn a_server_silent_after_the_final_dot_leaves_the_letter_uncertain_in_plain_words() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::HoldAfterDot)],
        ..Script::default()
    });
    let c = approved(
        2,
        &server
            .config()
            .replace("timeout-seconds = 5", "timeout-seconds = 1"),
    );
    let run = c.run(&["send", "--yes"]).failure();
    server.release();
    let run = run
        .stderr_has("uncertain: c1@example.com: no answer came after the whole letter was handed to the server (the server did not answer in time");
    assert!(!run.stderr().contains("os error 11"), "{}", run.stderr());
    assert_eq!(c.states(), ["uncertain", "sent"]);
    assert_eq!(server.count_to("c1@example.com"), 1);
}

#[test]
fn a_3xx_answer_to_the_final_dot_is_not_taken_for_delivery() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::Reply354AfterDot)],
        ..Script::default()
    });
    let c = approved(2, &server.config());
    c.run(&["send", "--yes"])
        .failure()
        .stderr_has("the server answered `354 more, please` to the end of the letter");
    assert_eq!(c.states(), ["uncertain", "sent"]);
    assert_eq!(server.count_to("c1@example.com"), 1);
}

#[test]
fn a_lock_file_deleted_during_a_send_stops_it_before_a_letter_goes_twice() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::HoldAfterDot)],
        ..Script::default()
    });
    let c = approved(3, &server.config());
    let first = spawn(&c, &["send", "--yes"]);
    server.wait_until_holding();
    // Taken for a stale lock and deleted: a second send can start.
    std::fs::remove_file(c.path("drafts/cartero.lock")).unwrap();
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 2")
        .stderr_has("uncertain: Cliente 1");
    server.release();
    let out = first.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("was deleted while this send ran"),
        "{stderr}"
    );
    for i in 1..=3 {
        assert_eq!(server.count_to(&format!("c{i}@example.com")), 1, "{stderr}");
    }
    assert_eq!(c.states(), ["sent"; 3]);
}

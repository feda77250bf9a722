//! `cartero send` against real SMTP servers on 127.0.0.1, started by the test.

use std::time::Duration;

use crate::support::*;

pub const TEMPLATE: &str = "Subject: Gracias, {{ first_name }}\n\nHola, {{ first_name }}:\n\n{{ note }}\n\nUn abrazo,\n{{ sender.name }}\n";

pub fn clients(n: usize) -> String {
    let mut csv = String::from("email,name,note\n");
    for i in 1..=n {
        csv.push_str(&format!(
            "c{i}@example.com,Cliente {i},Recuerdo especial número {i}\n"
        ));
    }
    csv
}

/// `n` clients, drafted and all approved, sending to `server`.
pub fn approved(n: usize, smtp: &str) -> Campaign {
    let c = Campaign::with(&clients(n), TEMPLATE);
    c.append("cartero.toml", smtp);
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], &"a\n".repeat(n)).success();
    assert!(c.states().iter().all(|s| s == "approved"));
    c
}

pub fn sent_events(c: &Campaign) -> Vec<serde_json::Value> {
    c.read("drafts/journal.jsonl")
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|e| e["event"] == "sent")
        .collect()
}

#[test]
fn each_approved_draft_goes_as_its_own_message_with_the_approved_bytes() {
    let server = SmtpServer::start(Rules::default());
    let c = approved(3, &server.config());
    // One more client, never reviewed: it must not go.
    c.write("clients.csv", clients(4));
    c.run(&["draft"]).success();
    let run = c.run(&["send", "--yes"]).success();
    assert!(
        run.stdout().contains("sent 3, failed 0"),
        "{}",
        run.stdout()
    );
    assert!(
        run.stderr().contains("1 draft is still unreviewed"),
        "{}",
        run.stderr()
    );
    let got = server.received();
    assert_eq!(got.len(), 3);
    let events = sent_events(&c);
    for (i, msg) in got.iter().enumerate() {
        let draft = c.read(&format!("drafts/{:04}-cliente-{}.txt", i + 1, i + 1));
        assert_eq!(
            msg.to,
            vec![format!("c{}@example.com", i + 1)],
            "the envelope has the client alone"
        );
        assert_eq!(msg.from, "ana@example.com");
        let m = parse(&msg.data);
        assert_eq!(addresses(m.to()), msg.to);
        assert!(m.cc().is_none() && m.bcc().is_none());
        let (head, body) = draft.split_once("\n\n").unwrap();
        assert_eq!(
            Some(head.lines().nth(1).unwrap().trim_start_matches("Subject: ")),
            m.subject()
        );
        assert_eq!(
            m.body_text(0).unwrap().replace("\r\n", "\n").trim_end(),
            body.trim_end()
        );
        assert_eq!(
            format!("<{}>", m.message_id().unwrap()),
            events[i]["message_id"].as_str().unwrap()
        );
        assert!(events[i]["reply"].as_str().unwrap().starts_with("250"));
    }
    assert_eq!(c.states(), ["sent", "sent", "sent", "drafted"]);
    assert_eq!(server.sessions(), 1, "one connection for the whole run");
    // A rerun sends nothing.
    c.run(&["send", "--yes"])
        .success()
        .stdout_has("nothing to send: 3 already sent, 1 waiting for review");
    assert_eq!(server.received().len(), 3);
}

#[test]
fn starttls_with_a_verified_certificate_and_auth() {
    let server = SmtpServer::with_login("ana", "s3cret", false);
    let smtp = server.tls_config("username = \"ana\"\nretry-delay-ms = 10\n");
    let c = approved(2, &smtp);
    // No password anywhere and no terminal: a clear refusal, nothing recorded.
    c.run(&["send", "--yes"])
        .failure()
        .stderr_has("no SMTP password for `ana`");
    // A wrong one: a clear error, not a retry loop.
    c.run_with_password(&["send", "--yes"], "wrong")
        .failure()
        .stderr_has("failed to connect to the SMTP server `localhost:");
    assert_eq!(c.states(), ["approved", "approved"]);
    c.run_with_password(&["send", "--yes"], "s3cret").success();
    let got = server.received();
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|m| m.user.as_deref() == Some("ana")));
    assert_eq!(c.states(), ["sent", "sent"]);
}

#[test]
fn password_command_is_used() {
    let server = SmtpServer::with_login("ana", "from-command", false);
    let smtp = server.tls_config("username = \"ana\"\npassword-command = \"echo from-command\"\n");
    let c = approved(1, &smtp);
    c.run(&["send", "--yes"]).success();
    assert_eq!(server.received().len(), 1);
}

#[test]
fn an_untrusted_certificate_is_a_clear_error() {
    let server = SmtpServer::start_with(Rules::default(), true);
    let smtp = format!(
        "\n[smtp]\nhost = \"localhost\"\nport = {}\nsecurity = \"starttls\"\n",
        server.port
    );
    let c = approved(1, &smtp);
    c.run(&["send", "--yes"])
        .failure()
        .stderr_has("TLS certificate could not be verified");
    assert!(server.received().is_empty());
    assert_eq!(c.states(), ["approved"]);
}

#[test]
fn a_550_fails_that_client_and_the_others_go_on() {
    let server = SmtpServer::start(Rules {
        reject: vec!["c2@example.com".into()],
        ..Rules::default()
    });
    let c = approved(3, &server.config());
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 2, failed 1")
        .stderr_has("c2@example.com");
    assert_eq!(server.received().len(), 2);
    assert_eq!(c.states(), ["sent", "failed", "sent"]);
    let status = c.status();
    assert!(
        status[1]["warnings"].to_string().contains("550"),
        "{}",
        status[1]
    );
    // A permanent failure is not retried by itself, and not hidden either.
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("nothing to send")
        .stderr_has("not sent: Cliente 2 <c2@example.com> was refused by the server")
        .stderr_has("--resend c2@example.com");
    assert_eq!(server.received().len(), 2);
}

#[test]
fn a_451_is_retried_and_delivered_once() {
    let rules = Rules::default();
    rules
        .transient_once
        .lock()
        .unwrap()
        .insert("c2@example.com".into());
    let server = SmtpServer::start(rules);
    let c = approved(3, &server.config());
    c.run(&["send", "--yes"])
        .success()
        .stderr_has("retrying c2@example.com");
    let to: Vec<String> = server.received().iter().map(|m| m.to[0].clone()).collect();
    assert_eq!(to, ["c1@example.com", "c2@example.com", "c3@example.com"]);
    assert_eq!(c.states(), ["sent", "sent", "sent"]);
}

#[test]
fn a_connection_dropped_mid_run_is_reopened() {
    let server = SmtpServer::start(Rules::default());
    let proxy = dropping_proxy(server.port, 2);
    let smtp = format!("\n[smtp]\nhost = \"127.0.0.1\"\nport = {proxy}\nsecurity = \"none\"\nretry-delay-ms = 10\n");
    let c = approved(4, &smtp);
    c.run(&["send", "--yes"])
        .success()
        .stderr_has("retrying c2@example.com");
    let mut to: Vec<String> = server.received().iter().map(|m| m.to[0].clone()).collect();
    to.sort();
    assert_eq!(
        to,
        [
            "c1@example.com",
            "c2@example.com",
            "c3@example.com",
            "c4@example.com"
        ]
    );
    assert_eq!(c.states(), ["sent"; 4]);
}

#[test]
fn to_self_sends_everything_to_the_sender_and_records_nothing() {
    let server = SmtpServer::start(Rules::default());
    let c = approved(2, &server.config());
    c.run(&["send", "--to-self", "--yes"])
        .success()
        .stdout_has("sent 2 test messages to ana@example.com");
    let got = server.received();
    assert_eq!(got.len(), 2);
    for m in &got {
        assert_eq!(m.to, ["ana@example.com"]);
        assert!(parse(&m.data)
            .subject()
            .unwrap()
            .starts_with("[test] Gracias, Cliente"));
    }
    assert_eq!(c.states(), ["approved", "approved"]);
    c.run(&["send", "--yes"]).success();
    assert_eq!(server.received().len(), 4);
}

#[test]
fn limit_sends_at_most_n() {
    let server = SmtpServer::start(Rules::default());
    let c = approved(3, &server.config());
    // What the user approved and did not go is said, and the run is not a success.
    c.run(&["send", "--yes", "--limit", "2"])
        .failure()
        .stdout_has("sent 2")
        .stderr_has("held back by `--limit 2`: 1 approved letter")
        .stdout_has("not sent: 1 approved letter did not go");
    assert_eq!(c.states(), ["sent", "sent", "approved"]);
    c.run(&["send", "--yes", "--limit", "2"])
        .success()
        .stdout_has("sent 1");
    assert_eq!(server.received().len(), 3);
}

#[test]
fn the_rate_limit_spaces_messages() {
    let server = SmtpServer::start(Rules::default());
    let c = approved(3, &format!("{}rate = \"300/min\"\n", server.config()));
    c.run(&["send", "--yes"])
        .success()
        .stderr_has("at most 300/min");
    let at: Vec<_> = server.received().iter().map(|m| m.at.unwrap()).collect();
    assert_eq!(at.len(), 3);
    for pair in at.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(
            // 200 ms apart as cartero sends them; the server's clock may see a busy machine's
            // jitter, never no gap at all.
            gap >= Duration::from_millis(120),
            "300/min is one message each 200 ms, got {gap:?}"
        );
    }
}

#[test]
fn dry_run_writes_the_approved_messages_only() {
    let c = Campaign::with(&clients(3), TEMPLATE);
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\ns\na\n").success();
    c.run(&["send", "--dry-run", "--out", "out"])
        .success()
        .stdout_has("wrote 2 messages");
    let emls = emls(&c.path("out"));
    let names: Vec<&str> = emls.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["0001-cliente-1.eml", "0003-cliente-3.eml"]);
    assert_eq!(addresses(parse(&emls[1].1).to()), ["c3@example.com"]);
    assert_eq!(c.states(), ["approved", "skipped", "approved"]);
}

#[test]
fn without_yes_and_without_a_terminal_it_refuses() {
    let server = SmtpServer::start(Rules::default());
    let c = approved(1, &server.config());
    c.run(&["send"])
        .failure()
        .stderr_has("cartero send --yes")
        .stderr_has("about to send 1 message");
    assert!(server.received().is_empty());
}

#[test]
fn unencrypted_smtp_is_refused_unless_on_this_machine() {
    let c = approved(1, "");
    c.append(
        "cartero.toml",
        "\n[smtp]\nhost = \"smtp.example.com\"\nsecurity = \"none\"\n",
    );
    c.run(&["send", "--yes"])
        .failure()
        .stderr_has("only allowed for a server on this machine");
}

#[test]
fn resend_refuses_a_message_the_server_accepted() {
    let server = SmtpServer::start(Rules::default());
    let c = approved(1, &server.config());
    c.run(&["send", "--yes"]).success();
    c.run(&["send", "--yes", "--resend", "c1@example.com"])
        .failure()
        .stderr_has("never sends a client the same email twice");
    assert_eq!(server.received().len(), 1);
}

#[test]
fn auth_login_when_the_server_offers_only_login() {
    let server = SmtpServer::with_login("ana", "s3cret", true);
    let smtp = server.tls_config("username = \"ana\"\n");
    let c = approved(1, &smtp);
    c.run_with_password(&["send", "--yes"], "s3cret").success();
    assert_eq!(server.received()[0].user.as_deref(), Some("ana"));
}

#[test]
fn a_transient_failure_that_persists_fails_and_is_retried_next_run() {
    let server = SmtpServer::start(Rules {
        transient_always: vec!["c1@example.com".into()],
        ..Rules::default()
    });
    let c = approved(2, &server.config());
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 1, failed 1");
    assert_eq!(c.states(), ["failed", "sent"]);
    assert!(c.status()[0]["warnings"]
        .to_string()
        .contains("tried again on the next"));
    // Still failing: tried again (it is not a permanent refusal), still not sent twice to anyone.
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 0, failed 1");
    assert_eq!(server.received().len(), 1);
}

#[test]
fn implicit_tls_on_a_465_style_port() {
    let (port, inbox) = implicit_tls_server();
    let smtp = format!(
        "\n[smtp]\nhost = \"localhost\"\nport = {port}\nsecurity = \"tls\"\nca-file = \"{REPO}/tests/fixtures/ca.pem\"\n"
    );
    let c = approved(2, &smtp);
    c.run(&["send", "--yes"])
        .success()
        .stdout_has("sent 2, failed 0");
    assert_eq!(
        *inbox.lock().unwrap(),
        [
            vec!["c1@example.com".to_string()],
            vec!["c2@example.com".to_string()]
        ]
    );
    assert_eq!(c.states(), ["sent", "sent"]);
}

#[test]
fn a_password_command_that_prints_nothing_is_an_error_not_an_empty_password() {
    let server = SmtpServer::with_login("ana", "s3cret", false);
    let smtp = server.tls_config("username = \"ana\"\npassword-command = \"printf ''\"\n");
    let c = approved(1, &smtp);
    c.run(&["send", "--yes"])
        .failure()
        .stderr_has("`password-command` `printf ''` printed nothing");
    assert!(server.received().is_empty());
    assert_eq!(c.states(), ["approved"]);
}

#[test]
fn a_password_command_that_hangs_is_stopped_at_its_time_limit() {
    let server = SmtpServer::with_login("ana", "s3cret", false);
    // `exec`, so the process cartero stops is the one holding the test's pipes.
    let smtp = server.tls_config(
        "username = \"ana\"\npassword-command = \"exec sleep 30\"\npassword-command-seconds = 1\n",
    );
    let c = approved(1, &smtp);
    let start = std::time::Instant::now();
    c.run(&["send", "--yes"])
        .failure()
        .stderr_has("did not finish within 1 seconds")
        .stderr_has("password-command-seconds");
    assert!(start.elapsed() < Duration::from_secs(20));
    assert!(server.received().is_empty());
    assert_eq!(c.states(), ["approved"]);
}

#[test]
fn limit_zero_says_what_it_holds_back() {
    let server = SmtpServer::start(Rules::default());
    let c = approved(3, &server.config());
    c.run(&["send", "--yes", "--limit", "0"])
        .failure()
        .stdout_has("nothing to send")
        .stderr_has("held back by `--limit 0`: 3 approved letters");
    assert!(server.received().is_empty());
}

#[test]
fn an_approved_client_whose_row_broke_is_counted_not_forgotten() {
    let server = SmtpServer::start(Rules::default());
    let c = approved(3, &server.config());
    c.write(
        "clients.csv",
        clients(3).replace("c2@example.com", "c2@example"),
    );
    let run = c.run(&["send", "--yes"]).failure();
    run.stdout_has("sent 2")
        .stderr_has(
            "not sent: `c2@example.com` was approved but is not on the client list as it reads now",
        )
        .stdout_has("not sent: 1 approved letter did not go");
    assert_eq!(server.received().len(), 2);
}

#[test]
fn each_sent_line_says_how_far_the_run_is() {
    let server = SmtpServer::start(Rules::default());
    let c = approved(3, &server.config());
    c.run(&["send", "--yes"])
        .success()
        .stderr_has("sent    1 of 3  c1@example.com")
        .stderr_has("sent    3 of 3  c3@example.com");
}

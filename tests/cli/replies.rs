//! `cartero replies`: the mailbox read over IMAP (the in-process server in `support/imap.rs`)
//! without changing it, and which clients answered a sent letter.

use crate::mailbox::{events, imap_config, with_mailbox, PASSWORD, USER};
use crate::send::TEMPLATE;
use crate::support::imap::*;
use crate::support::*;

/// A reply to `message_id` from `from`, written at `date`.
fn reply(from: &str, message_id: Option<&str>, date: &str, subject: &str) -> Vec<u8> {
    let refs = message_id
        .map(|id| format!("In-Reply-To: {id}\r\nReferences: {id}\r\n"))
        .unwrap_or_default();
    format!(
        "From: Someone <{from}>\r\nTo: {USER}\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <{}@example.com>\r\n{refs}\r\nGracias!\r\n",
        from.replace('@', ".")
    )
    .into_bytes()
}

#[test]
fn replies_are_found_by_reference_or_by_sender_and_the_mailbox_is_not_changed() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::start(ImapOptions {
        folders: vec!["Clientes".into()],
        ..ImapOptions::new(USER, PASSWORD)
    });
    let c = Campaign::with(
        "email,name,note,affinity\nc1@example.com,Cliente 1,Uno,9\nc2@example.com,Cliente 2,Dos,5\nc3@example.com,Cliente 3,Tres,1\nc4@example.com,Cliente 4,Cuatro,9\n",
        TEMPLATE,
    );
    c.append(
        "cartero.toml",
        &format!(
            "{}{}",
            smtp.config(),
            imap_config(&imap, "reply-folders = [\"Clientes\"]\n")
        ),
    );
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\na\na\na\n").success();
    c.run(&["send", "--yes"]).success();
    let ids: Vec<String> = c
        .status()
        .iter()
        .map(|r| r["message_id"].as_str().unwrap().to_string())
        .collect();
    // c1 answers the letter from another address; c2 writes anew after it, into a folder
    // of replies; c3 wrote before the letter went; and a stranger writes.
    imap.deliver(
        "INBOX",
        &reply(
            "c1.private@example.org",
            Some(&ids[0]),
            "Mon, 23 Nov 2026 09:00:00 +0100",
            "Re: Gracias",
        ),
        &[],
    );
    imap.deliver(
        "Clientes",
        &reply(
            "C2@Example.com",
            None,
            "Tue, 24 Nov 2026 18:00:00 +0100",
            "Feliz navidad",
        ),
        &[],
    );
    imap.deliver(
        "INBOX",
        &reply(
            "c3@example.com",
            None,
            "Sat, 21 Nov 2026 09:00:00 +0100",
            "Pedido",
        ),
        &[],
    );
    imap.deliver(
        "INBOX",
        &reply(
            "stranger@example.net",
            None,
            "Mon, 23 Nov 2026 09:00:00 +0100",
            "Hola",
        ),
        &[],
    );
    // c4 wrote two minutes before their letter went, and their out-of-office answered it.
    imap.deliver(
        "INBOX",
        &reply(
            "c4@example.com",
            None,
            "Sun, 22 Nov 2026 10:28:00 +0100",
            "Pedido",
        ),
        &[],
    );
    let mut away = reply(
        "c4@example.com",
        Some(&ids[3]),
        "Mon, 23 Nov 2026 09:00:00 +0100",
        "Fuera de la oficina",
    );
    away.splice(0..0, b"Auto-Submitted: auto-replied\r\n".iter().copied());
    imap.deliver("INBOX", &away, &[]);
    let before = imap.commands().len();
    let run = c.run(&["replies"]).success();
    let out = run.stdout();
    assert!(
        out.contains("answered: 2 of 4 (2 new since the last look)"),
        "{out}"
    );
    assert!(
        out.contains("Cliente 1 <c1@example.com>  on 2026-11-23  (new)"),
        "{out}"
    );
    assert!(
        out.contains("Cliente 2 <c2@example.com>  on 2026-11-24"),
        "{out}"
    );
    assert!(out.contains("not answered yet, circle by circle:"), "{out}");
    assert!(
        out.contains("loved (1): Cliente 4 <c4@example.com>"),
        "{out}"
    );
    assert!(
        out.contains("hated (1): Cliente 3 <c3@example.com>"),
        "{out}"
    );
    // Read only: EXAMINE, BODY.PEEK, never a flag changed or a message moved.
    let commands = imap.commands()[before..].to_vec();
    for c in &commands {
        for banned in [
            "SELECT", "STORE", "APPEND", "EXPUNGE", "COPY", "MOVE", "DELETE",
        ] {
            assert!(
                !c.starts_with(banned) && !c.starts_with(&format!("UID {banned}")),
                "{c}"
            );
        }
        if c.contains("FETCH") {
            assert!(c.contains("BODY.PEEK"), "{c}");
        }
    }
    assert!(
        commands.iter().any(|c| c.starts_with("EXAMINE")),
        "{commands:?}"
    );
    assert!(imap.messages("INBOX").iter().all(|m| m.flags.is_empty()));
    let status = c.status();
    assert!(status[0]["replied_at"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-23T09:00:00"));
    assert!(status[1]["replied_at"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-24T18:00:00"));
    assert!(status[2]["replied_at"].is_null());
    assert!(status[3]["replied_at"].is_null());
    let table = c.run(&["status"]).success().stdout();
    assert!(table.contains("answered on 2026-11-23"), "{table}");
    assert!(table.contains("; 2 answered"), "{table}");
    // Once each: a second look finds nothing new, and the journal holds two `replied`.
    c.run(&["replies"])
        .success()
        .stdout_has("answered: 2 of 4\n");
    assert_eq!(events(&c, "replied").len(), 2);
    // And the archive knows who answered.
    let history = c
        .run(&["history", "c1@example.com", "--json"])
        .success()
        .stdout();
    assert!(history.contains("2026-11-23T09:00:00"), "{history}");
}

#[test]
fn an_answer_to_an_uncertain_letter_proves_it_arrived() {
    let smtp = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::DropAfterDot)],
        ..Script::default()
    });
    let imap = ImapServer::plain(USER, PASSWORD);
    let c = with_mailbox(2, &smtp.config(), &imap, "save-sent = \"never\"\n");
    c.run(&["send", "--yes"]).failure();
    assert_eq!(c.states(), ["uncertain", "sent"]);
    let id = c.status()[0]["message_id"].as_str().unwrap().to_string();
    // A message from them that does not name the letter proves nothing.
    imap.deliver(
        "INBOX",
        &reply(
            "c1@example.com",
            None,
            "Mon, 23 Nov 2026 09:00:00 +0100",
            "Hola",
        ),
        &[],
    );
    c.run(&["replies"]).success().stdout_has("answered: 0 of 1");
    assert_eq!(c.states(), ["uncertain", "sent"]);
    imap.deliver(
        "INBOX",
        &reply(
            "c1@example.com",
            Some(&id),
            "Mon, 23 Nov 2026 10:00:00 +0100",
            "Re: Gracias",
        ),
        &[],
    );
    c.run(&["replies"])
        .success()
        .stderr_has("c1@example.com: answered the letter left uncertain, so it arrived")
        .stdout_has("answered: 1 of 2");
    assert_eq!(c.states(), ["sent", "sent"]);
    assert!(c.status()[0]["replied_at"].is_string());
    c.run(&["send", "--yes"]).stdout_has("nothing to send");
    assert_eq!(smtp.count_to("c1@example.com"), 1);
}

#[test]
fn folders_with_letters_outside_ascii_are_named_as_people_write_them() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::start(ImapOptions {
        sent_folder: Some("Elementos enviados".into()),
        folders: vec!["Clientes A&APE-o".into()],
        ..ImapOptions::new(USER, PASSWORD)
    });
    let c = with_mailbox(
        1,
        &smtp.config(),
        &imap,
        "reply-folders = [\"Clientes Año\"]\n",
    );
    c.run(&["check", "--connect"]).success();
    c.run(&["send", "--yes"]).success();
    let id = c.status()[0]["message_id"].as_str().unwrap().to_string();
    imap.deliver(
        "Clientes A&APE-o",
        &reply(
            "c1@example.com",
            Some(&id),
            "Mon, 23 Nov 2026 10:00:00 +0100",
            "Re: Gracias",
        ),
        &[],
    );
    c.run(&["replies"])
        .success()
        .stdout_has("in \"INBOX\", \"Clientes Año\"")
        .stdout_has("answered: 1 of 1");
}

#[test]
fn a_message_that_arrived_before_the_letter_went_is_no_answer() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, PASSWORD);
    let c = with_mailbox(2, &smtp.config(), &imap, "");
    c.run(&["send", "--yes"]).success();
    // The letters went at 10:30:00. c1's message arrived 30 s before, though its Date (a clock
    // a little fast) says after; c2 answered an hour later.
    imap.deliver_at(
        "INBOX",
        &reply(
            "c1@example.com",
            None,
            "Sun, 22 Nov 2026 10:30:20 +0100",
            "Pedido",
        ),
        &[],
        "2026-11-22T10:29:30+01:00",
    );
    imap.deliver_at(
        "INBOX",
        &reply(
            "c2@example.com",
            None,
            "Sun, 22 Nov 2026 11:30:00 +0100",
            "Gracias",
        ),
        &[],
        "2026-11-22T11:30:05+01:00",
    );
    c.run(&["replies"])
        .success()
        .stdout_has("answered: 1 of 2 (1 new since the last look)")
        .stdout_has("Cliente 2 <c2@example.com>  on 2026-11-22  (new)")
        .stdout_has(": Cliente 1 <c1@example.com>");
    let status = c.status();
    assert!(status[0]["replied_at"].is_null(), "{status:?}");
    assert!(status[1]["replied_at"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-22T11:30:00"));
}

#[test]
fn a_reply_to_last_years_letter_is_kept_with_that_letter_not_taken_for_this_years() {
    let shared = tempfile::tempdir().unwrap();
    let (c, old_id, imap, _smtp) = this_year_after_last(&shared);
    let new_id = c.status()[0]["message_id"].as_str().unwrap().to_string();
    assert_ne!(old_id, new_id);
    // c1 answers last year's letter this morning, before this year's went at 10:30, and again
    // the next day; c2 answers this year's.
    imap.deliver_at(
        "INBOX",
        &reply(
            "c1@example.com",
            Some(&old_id),
            "Sun, 22 Nov 2026 09:00:00 +0100",
            "Re: Gracias, Cliente",
        ),
        &[],
        "2026-11-22T09:00:02+01:00",
    );
    imap.deliver_at(
        "INBOX",
        &reply(
            "c1@example.com",
            Some(&old_id),
            "Mon, 23 Nov 2026 09:00:00 +0100",
            "Re: Gracias, Cliente",
        ),
        &[],
        "2026-11-23T09:00:02+01:00",
    );
    imap.deliver_at(
        "INBOX",
        &reply(
            "c2@example.com",
            c.status()[1]["message_id"].as_str(),
            "Mon, 23 Nov 2026 12:00:00 +0100",
            "Re: Gracias, Cliente",
        ),
        &[],
        "2026-11-23T12:00:02+01:00",
    );
    c.run(&["replies"])
        .success()
        .stdout_has("answered: 1 of 2 (1 new since the last look)")
        .stdout_has(
            "c1@example.com answered your letter of 2025-12-20, not this year's: kept with that letter in the archive",
        );
    let status = c.status();
    assert!(status[0]["replied_at"].is_null(), "{status:?}");
    assert!(status[1]["replied_at"].is_string(), "{status:?}");
    let history: Vec<serde_json::Value> = serde_json::from_str(
        &c.run(&["history", "c1@example.com", "--json"])
            .success()
            .stdout(),
    )
    .unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(history[0]["message_id"], new_id.as_str());
    assert!(history[0]["replied_at"].is_null(), "{history:?}");
    assert_eq!(history[1]["message_id"], old_id.as_str());
    assert!(
        history[1]["replied_at"]
            .as_str()
            .is_some_and(|at| at.starts_with("2026-11-22T09:00:00")),
        "{history:?}"
    );
    // Once: a second look says nothing new of either year.
    let again = c.run(&["replies"]).success().stdout();
    assert!(again.contains("answered: 1 of 2\n"), "{again}");
    assert!(!again.contains("2025-12-20"), "{again}");
    assert_eq!(events(&c, "replied").len(), 1);
}

/// A notice from `tests/fixtures/bounces/`, made about `to` and the letter `id` (its
/// recipient and the returned letter's Message-ID put in place of the fixture's own).
fn notice(name: &str, fixture_to: &str, fixture_id: &str, to: &str, id: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/bounces/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path)
        .unwrap()
        .replace(fixture_to, to)
        .replace(fixture_id, id.trim_matches(['<', '>']))
        .replace('\n', "\r\n")
        .into_bytes()
}

#[test]
fn a_letter_that_came_back_makes_its_client_bounced_everywhere_and_is_never_an_answer() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, PASSWORD);
    let c = Campaign::example();
    c.append(
        "cartero.toml",
        &format!("{}{}", smtp.config(), imap_config(&imap, "")),
    );
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], &"a\n".repeat(40)).success();
    c.run(&["send", "--yes"]).success();
    let status = c.status();
    let total = status.len();
    assert!(status.iter().all(|r| r["state"] == "sent"), "{status:?}");
    let email = |i: usize| status[i]["email"].as_str().unwrap().to_string();
    let id = |i: usize| status[i]["message_id"].as_str().unwrap().to_string();
    let at = "2026-11-22T10:45:00+01:00";
    // Pepi's letter comes back from Postfix, naming it; Mario's from Exchange, which also
    // names it as the message it replies to, and does not say it was written by a program;
    // Sofía's from qmail, whose copy names a letter unknown here: tied by her address. José
    // María answers; Lucía's letter is late.
    let postfix = "cartero.7f3a9c.0003@ferreteria-garcia.es";
    let bounces = [
        notice("postfix.eml", "pepi@dead.test", postfix, &email(0), &id(0)),
        notice(
            "exchange.eml",
            "juan.old@contoso-viejo.com",
            "cartero.7f3a9c.0004@ferreteria-garcia.es",
            &email(4),
            &id(4),
        ),
        notice(
            "qmail.eml",
            "maria@closed.test",
            "cartero.7f3a9c.0007@ferreteria-garcia.es",
            &email(5),
            "gone@elsewhere.example",
        ),
        notice(
            "postfix-delay.eml",
            "lola@slow.test",
            "cartero.7f3a9c.0005@ferreteria-garcia.es",
            &email(2),
            &id(2),
        ),
        // About a letter of no campaign here.
        notice("gmail.eml", "", "", "", ""),
    ];
    for b in &bounces {
        imap.deliver_at("INBOX", b, &[], at);
    }
    // A notice about Andrea's address that arrived before her letter went returns an older
    // letter, not this one.
    let before = notice(
        "qmail.eml",
        "maria@closed.test",
        "cartero.7f3a9c.0007@ferreteria-garcia.es",
        &email(3),
        "older@elsewhere.example",
    );
    imap.deliver_at("INBOX", &before, &[], "2026-11-22T10:29:00+01:00");
    let answer = reply(
        &email(1),
        Some(&id(1)),
        "Sun, 22 Nov 2026 12:00:00 +0100",
        "Re: Feliz año",
    );
    imap.deliver_at("INBOX", &answer, &[], "2026-11-22T12:00:02+01:00");

    let out = c.run(&["replies"]).success().stdout();
    assert!(
        out.contains(&format!(
            "answered: 1 of {} (1 new since the last look)",
            total - 3
        )),
        "{out}"
    );
    assert!(
        out.contains("3 letters came back (the address does not work):"),
        "{out}"
    );
    assert!(
        out.contains(&format!("Pepi Ruiz <{}>  on 2026-11-22: 550 5.1.1 <{}>: Recipient address rejected: User unknown in virtual mailbox table  (new)", email(0), email(0))),
        "{out}"
    );
    assert!(
        out.contains("1 letter is late (the server is still trying; nothing to resend):"),
        "{out}"
    );
    assert!(
        out.contains("2 delivery notices are about no letter of this campaign: left alone"),
        "{out}"
    );

    let status = c.status();
    let states: Vec<&str> = status
        .iter()
        .map(|r| r["state"].as_str().unwrap())
        .collect();
    for (i, state) in states.iter().enumerate() {
        let expected = if [0, 4, 5].contains(&i) {
            "bounced"
        } else {
            "sent"
        };
        assert_eq!(*state, expected, "{i}: {status:?}");
    }
    assert!(
        status[0]["bounce"]
            .as_str()
            .is_some_and(|b| b.starts_with("550 5.1.1 <") && b.contains("User unknown")),
        "{status:?}"
    );
    assert!(status[0]["bounced_at"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-22T10:45:00"));
    assert!(status[5]["bounce"]
        .as_str()
        .unwrap()
        .contains("User unknown"));
    assert!(
        status[4]["replied_at"].is_null(),
        "a bounce is never an answer: {status:?}"
    );
    assert!(status[1]["replied_at"].is_string());
    assert!(status[1]["bounce"].is_null());
    assert!(status[2]["bounce"].is_null(), "a delay is no bounce");
    assert!(status[2]["delay"]
        .as_str()
        .unwrap()
        .contains("Connection timed out"));

    let table = c.run(&["status"]).success().stdout();
    assert!(table.contains("3 bounced"), "{table}");
    assert!(
        table.contains("next: fix the 3 addresses that came back (see above) in the client list"),
        "{table}"
    );
    assert!(
        table.contains("came back on 2026-11-22: 550 5.1.1"),
        "{table}"
    );
    assert!(
        table.contains("late since 2026-11-22: connect to mx.slow.test"),
        "{table}"
    );
    let es = c
        .cmd(&["status"])
        .env("CARTERO_LANG", "es")
        .output()
        .unwrap();
    let es = String::from_utf8(es.stdout).unwrap();
    assert!(es.contains("3 devueltos"), "{es}");
    assert!(es.contains("devuelto el 2026-11-22: 550 5.1.1"), "{es}");

    let history = c.run(&["history", &email(0)]).success().stdout();
    assert!(
        history.contains("(came back 2026-11-22: 550 5.1.1"),
        "{history}"
    );
    let json = c.run(&["history", &email(0), "--json"]).success().stdout();
    assert!(
        json.contains("\"bounced_at\": \"2026-11-22T10:45:00"),
        "{json}"
    );
    assert!(
        json.contains("User unknown in virtual mailbox table"),
        "{json}"
    );

    // Once: a second look records nothing again; nothing is sent again by itself.
    let again = c.run(&["replies"]).success().stdout();
    assert!(!again.contains("(new)"), "{again}");
    let es = c
        .cmd(&["replies"])
        .env("CARTERO_LANG", "es")
        .output()
        .unwrap();
    let es = String::from_utf8(es.stdout).unwrap();
    assert!(
        es.contains("3 cartas devueltas (la dirección no funciona):"),
        "{es}"
    );
    assert!(es.contains("1 carta va con retraso"), "{es}");
    assert!(
        es.contains("corrige esas direcciones en la lista de clientes"),
        "{es}"
    );
    assert_eq!(events(&c, "bounced").len(), 3);
    assert_eq!(events(&c, "delayed").len(), 1);
    assert_eq!(events(&c, "replied").len(), 1);
    c.run(&["send", "--yes"])
        .success()
        .stdout_has("nothing to send");
    // Its draft stays what was sent, whatever `draft` is asked.
    let draft = c.read("drafts/0001-pepi-ruiz.txt");
    c.run(&["draft"]).success();
    assert_eq!(c.read("drafts/0001-pepi-ruiz.txt"), draft);
    assert_eq!(c.status()[0]["state"], "bounced");
    // Nor when named: the letter went.
    c.run(&["send", "--yes", "--resend", &email(0)])
        .failure()
        .stderr_has("that email was sent and accepted by the server");
    assert_eq!(
        smtp.received()
            .iter()
            .filter(|r| r.to.contains(&email(0)))
            .count(),
        1
    );
}

#[test]
fn next_years_list_from_the_archive_marks_the_address_that_came_back() {
    let shared = tempfile::tempdir().unwrap();
    let archive = shared.path().join("archive.sqlite3");
    let (c, imap, _smtp) = sent_with_archive(&archive);
    let id = c.status()[1]["message_id"].as_str().unwrap().to_string();
    let exim = notice(
        "exim.eml",
        "pepi@dead.test",
        "cartero.7f3a9c.0003@ferreteria-garcia.es",
        "c2@example.com",
        &id,
    );
    imap.deliver_at("INBOX", &exim, &[], "2026-11-22T11:00:00+01:00");
    c.run(&["replies"])
        .success()
        .stdout_has("1 letter came back");
    assert_eq!(c.states(), ["sent", "bounced"]);
    // Next year: the list made from the archive says which address came back, and why.
    let next = Campaign::empty();
    let run = next
        .run(&[
            "--archive",
            archive.to_str().unwrap(),
            "init",
            "2027",
            "--from-archive",
        ])
        .success();
    run.stderr_has(
        "warning: the last letter to Cliente 2 <c2@example.com> came back (2026-11-22: 550 5.1.1 <c2@example.com>: user unknown): fix the address in clients.csv",
    );
    let csv = next.read("2027/clients.csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("email,name,note,last_note,bounced"));
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("c1@example.com,Cliente 1,,"),
        "{csv}"
    );
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",2026-11-22: 550 5.1.1 <c2@example.com>: user unknown"),
        "{csv}"
    );
}

#[test]
fn a_bounce_of_a_letter_left_uncertain_proves_the_server_took_it_and_it_is_not_sent_again() {
    let smtp = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::DropAfterDot)],
        ..Script::default()
    });
    let imap = ImapServer::plain(USER, PASSWORD);
    let c = with_mailbox(2, &smtp.config(), &imap, "save-sent = \"never\"\n");
    c.run(&["send", "--yes"]).failure();
    assert_eq!(c.states(), ["uncertain", "sent"]);
    let id = c.status()[0]["message_id"].as_str().unwrap().to_string();
    let bounce = notice(
        "postfix.eml",
        "pepi@dead.test",
        "cartero.7f3a9c.0003@ferreteria-garcia.es",
        "c1@example.com",
        &id,
    );
    imap.deliver_at("INBOX", &bounce, &[], "2026-11-22T11:00:00+01:00");
    c.run(&["replies"])
        .success()
        .stderr_has("c1@example.com: a delivery notice came back about the letter left uncertain, so the server had taken it")
        .stdout_has("1 letter came back");
    assert_eq!(c.states(), ["bounced", "sent"]);
    assert_eq!(c.status()[0]["proof"], "notice");
    c.run(&["send", "--yes"]).stdout_has("nothing to send");
    assert_eq!(smtp.count_to("c1@example.com"), 1);
}

#[test]
fn a_late_bounce_of_last_years_letter_does_not_bounce_this_years() {
    let shared = tempfile::tempdir().unwrap();
    let (c, old_id, imap, _smtp) = this_year_after_last(&shared);
    // It names last year's letter to c1, and arrives after this year's went.
    let late = notice(
        "postfix.eml",
        "pepi@dead.test",
        "cartero.7f3a9c.0003@ferreteria-garcia.es",
        "c1@example.com",
        &old_id,
    );
    imap.deliver_at("INBOX", &late, &[], "2026-11-22T11:00:00+01:00");
    c.run(&["replies"])
        .success()
        .stdout_has("1 delivery notice is about no letter of this campaign: left alone");
    assert_eq!(c.states(), ["sent", "sent"]);
    assert!(events(&c, "bounced").is_empty());
}

/// Two clients written to last year (Message-ID of c1's letter returned) and this year, sharing
/// an archive in `shared`: this year's campaign, sent, its mailbox and its server.
fn this_year_after_last(shared: &tempfile::TempDir) -> (Campaign, String, ImapServer, SmtpServer) {
    let archive = shared.path().join("archive.sqlite3");
    let old_smtp = ScriptedSmtp::start(Script::default());
    let last_year = crate::archive::sent_on("2025-12-20T10:00:00+01:00", 2, &archive, &old_smtp);
    let old_id = last_year.status()[0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    let (c, imap, smtp) = sent_with_archive(&archive);
    (c, old_id, imap, smtp)
}

/// Two clients sent to, with their mailbox, keeping their letters in the archive `archive`.
fn sent_with_archive(archive: &std::path::Path) -> (Campaign, ImapServer, SmtpServer) {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, PASSWORD);
    let c = with_mailbox(
        2,
        &format!(
            "{}\n[archive]\npath = \"{}\"\n",
            smtp.config(),
            archive.display()
        ),
        &imap,
        "",
    );
    c.run(&["send", "--yes"]).success();
    (c, imap, smtp)
}

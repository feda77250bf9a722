//! Every command's whole output on the example campaign, as a person sees it: stdout, stderr
//! and the exit code of each step of one campaign, from `init` to `replies`, snapshotted.
//! The clock is fixed (`CARTERO_NOW`); the folder and the servers' ports are the only things
//! that vary from run to run, and are written `[DIR]`, `[SMTP PORT]` and `[IMAP PORT]`.

use crate::mailbox::{imap_config, USER};
use crate::support::imap::*;
use crate::support::*;

/// What a person saw of a run, with what varies between runs put in words.
fn seen(run: &Run, c: &Campaign, ports: &[(u16, &str)]) -> String {
    let text = format!(
        "--- exit {}\n--- stdout\n{}--- stderr\n{}",
        run.code().map_or("none".to_string(), |c| c.to_string()),
        run.stdout(),
        run.stderr()
    );
    scrub(&text, c, ports)
}

fn scrub(text: &str, c: &Campaign, ports: &[(u16, &str)]) -> String {
    let dir = c.dir.path();
    let mut text = text.to_string();
    for d in [dir.canonicalize().unwrap(), dir.to_path_buf()] {
        text = text.replace(d.to_str().unwrap(), "[DIR]");
    }
    for (port, name) in ports {
        for (before, after) in [
            (format!(":{port}"), format!(":[{name}]")),
            (format!("port {port}"), format!("port [{name}]")),
            (format!("port = {port}"), format!("port = [{name}]")),
        ] {
            text = text.replace(&before, &after);
        }
    }
    text
}

/// A reply to the letter `message_id`, from its client.
fn answer(from: &str, message_id: &str) -> Vec<u8> {
    format!(
        "From: Pepi Ruiz <{from}>\r\nTo: {USER}\r\nSubject: Re: Pepi, gracias por este 2026\r\nDate: Mon, 23 Nov 2026 09:00:00 +0100\r\nMessage-ID: <respuesta.1@example.com>\r\nIn-Reply-To: {message_id}\r\nReferences: {message_id}\r\n\r\n¡Gracias a ti, Ana!\r\n"
    )
    .into_bytes()
}

#[test]
fn every_command_on_the_example_campaign() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, "s3cret");
    let ports = [(smtp.port, "SMTP PORT"), (imap.port, "IMAP PORT")];
    let c = Campaign::empty();
    let step = |run: Run| seen(&run, &c, &ports);

    insta::assert_snapshot!("init", step(c.run(&["init", "."])));
    // The example's own settings, with the test's servers where its commented-out ones are.
    c.append(
        "cartero.toml",
        &format!("{}{}", smtp.config(), imap_config(&imap, "")),
    );
    insta::assert_snapshot!("check", step(c.run(&["check"])));
    insta::assert_snapshot!("preview", step(c.run(&["preview", "--out", "preview"])));
    insta::assert_snapshot!("draft", step(c.run(&["draft"])));
    // Approve three, skip one, reject one, approve three more, and stop at the draft with
    // warnings (Luis Gómez, who has no note).
    insta::assert_snapshot!(
        "review",
        step(c.run_with_stdin(&["review"], "a\na\na\ns\nr\na\na\na\nq\n"))
    );
    insta::assert_snapshot!("status", step(c.run(&["status"])));
    insta::assert_snapshot!("status_json", step(c.run(&["status", "--json"])));
    insta::assert_snapshot!(
        "send_dry_run",
        step(c.run(&["send", "--dry-run", "--out", "dry-run"]))
    );
    insta::assert_snapshot!("send", step(c.run(&["send", "--yes"])));
    assert_eq!(smtp.received().len(), 6);
    insta::assert_snapshot!("status_after_send", step(c.run(&["status"])));
    let pepi = c.status()[0]["message_id"].as_str().unwrap().to_string();
    imap.deliver("INBOX", &answer("pepi.ruiz@example.com", &pepi), &[]);
    insta::assert_snapshot!("replies", step(c.run(&["replies"])));
    insta::assert_snapshot!(
        "remember",
        step(c.run(&[
            "remember",
            "pepi.ruiz@example.com",
            "abrió una segunda tienda en Vigo"
        ]))
    );
    insta::assert_snapshot!(
        "history",
        step(c.run(&["history", "pepi.ruiz@example.com"]))
    );
    insta::assert_snapshot!(
        "history_json",
        step(c.run(&["history", "pepi.ruiz@example.com", "--json"]))
    );
    insta::assert_snapshot!(
        "archive_import",
        step(c.run(&["--archive", "other.sqlite3", "archive", "import", "."]))
    );
}

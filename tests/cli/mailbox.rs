//! The sender's mailbox over IMAP, against the in-process IMAP server (`support/imap.rs`): the
//! copy of each letter in Sent exactly once, uncertain letters found there, XOAUTH2, and
//! `check --connect` in the user's words. What `replies` reads there: `replies.rs`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::send::{approved, clients};
use crate::support::imap::*;
use crate::support::*;

pub const USER: &str = "ana@example.com";
pub const PASSWORD: &str = "s3cret";

/// The `[imap]` table for `server`, its password from a command.
pub fn imap_config(server: &ImapServer, extra: &str) -> String {
    format!(
        "{}password-command = \"echo {PASSWORD}\"\n{extra}",
        server.config()
    )
}

/// `n` clients, approved, sending through `smtp` with `imap` as the mailbox (plus `extra`).
pub fn with_mailbox(n: usize, smtp: &str, imap: &ImapServer, extra: &str) -> Campaign {
    approved(n, &format!("{smtp}{}", imap_config(imap, extra)))
}

pub fn events(c: &Campaign, kind: &str) -> Vec<serde_json::Value> {
    c.read("drafts/journal.jsonl")
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|e| e["event"] == kind)
        .collect()
}

/// Copies every letter the SMTP server takes into the IMAP server's Sent, as Gmail and
/// Microsoft 365 do; stops when dropped.
struct FilesItself(Arc<AtomicBool>);

impl FilesItself {
    fn start(smtp: &SmtpServer, imap: &ImapServer) -> FilesItself {
        FilesItself::rewriting(smtp, imap, |bytes| bytes.to_vec())
    }

    /// As `start`, each copy first changed by `rewrite`, as a provider may.
    fn rewriting(
        smtp: &SmtpServer,
        imap: &ImapServer,
        rewrite: fn(&[u8]) -> Vec<u8>,
    ) -> FilesItself {
        let stop = Arc::new(AtomicBool::new(false));
        let received = smtp.inbox_handle();
        let sent = imap.handle();
        let flag = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut filed = 0;
            while !flag.load(Ordering::SeqCst) {
                let letters = received.lock().unwrap().clone();
                for l in &letters[filed..] {
                    sent.deliver("Sent", &rewrite(&l.data), &["\\Seen"]);
                }
                filed = letters.len();
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        FilesItself(stop)
    }
}

impl Drop for FilesItself {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

#[test]
fn each_letter_goes_into_sent_once_with_the_bytes_sent_and_marked_read() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, PASSWORD);
    let c = with_mailbox(3, &smtp.config(), &imap, "");
    c.run(&["send", "--yes"])
        .success()
        .stdout_has("copies in \"Sent\": 3 put there by cartero");
    let sent = imap.messages("Sent");
    let received = smtp.received();
    assert_eq!(sent.len(), 3);
    for (copy, letter) in sent.iter().zip(&received) {
        assert_eq!(&copy.bytes[..], &letter.data[..], "the exact bytes sent");
        assert!(copy.flags.iter().any(|f| f == "\\Seen"), "{:?}", copy.flags);
    }
    assert_eq!(imap.sessions(), 1, "one IMAP session per run");
    for row in c.status() {
        assert_eq!(row["in_sent_folder"], true, "{row}");
        assert!(row["sent_at"].is_string(), "{row}");
        assert_eq!(row["replied_at"], serde_json::Value::Null);
    }
    // The finding is kept for the campaign: this server does not file copies itself.
    let found = events(&c, "mailbox");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["reply"], "cartero");
    // A second run sends nothing and copies nothing.
    c.run(&["send", "--yes"]).stdout_has("nothing to send");
    assert_eq!(imap.messages("Sent").len(), 3);
    assert_eq!(smtp.received().len(), 3);
}

#[test]
fn a_server_that_files_its_own_copies_gets_none_from_cartero() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, PASSWORD);
    let _files = FilesItself::start(&smtp, &imap);
    let c = with_mailbox(4, &smtp.config(), &imap, "");
    c.run(&["send", "--yes"])
        .success()
        .stdout_has("4 filed by your server itself");
    assert_eq!(imap.messages("Sent").len(), 4, "no letter twice in Sent");
    assert!(
        !imap.commands().iter().any(|c| c.starts_with("APPEND")),
        "{:?}",
        imap.commands()
    );
    assert_eq!(events(&c, "mailbox")[0]["reply"], "server");
    assert!(c.status().iter().all(|r| r["in_sent_folder"] == true));
    // New clients later in the campaign: the finding holds, nothing is appended.
    c.write("clients.csv", clients(6));
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\na\n").success();
    c.run(&["send", "--yes"]).success();
    assert_eq!(imap.messages("Sent").len(), 6);
    assert!(!imap.commands().iter().any(|c| c.starts_with("APPEND")));
}

#[test]
fn a_server_that_rewrites_message_ids_is_matched_by_recipient_and_subject() {
    // Outlook files its copy under a Message-ID of its own.
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, PASSWORD);
    let _files = FilesItself::rewriting(&smtp, &imap, |bytes| {
        String::from_utf8_lossy(bytes)
            .replace("Message-ID: <", "Message-ID: <rewritten.by.outlook.")
            .into_bytes()
    });
    let c = with_mailbox(2, &smtp.config(), &imap, "");
    c.run(&["send", "--yes"]).success();
    assert_eq!(imap.messages("Sent").len(), 2);
    assert!(!imap.commands().iter().any(|c| c.starts_with("APPEND")));
}

#[test]
fn save_sent_never_puts_nothing_in_sent_and_always_does_not_look_first() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, PASSWORD);
    let c = with_mailbox(2, &smtp.config(), &imap, "save-sent = \"never\"\n");
    c.run(&["send", "--yes"]).success();
    assert_eq!(smtp.received().len(), 2);
    assert!(imap.messages("Sent").is_empty());
    assert_eq!(imap.sessions(), 0, "no reason to open the mailbox");
    assert!(c.status().iter().all(|r| r["in_sent_folder"].is_null()));

    let imap = ImapServer::plain(USER, PASSWORD);
    let c = with_mailbox(2, &smtp.config(), &imap, "save-sent = \"always\"\n");
    c.run(&["send", "--yes"]).success();
    assert_eq!(imap.messages("Sent").len(), 2);
    assert!(!imap.commands().iter().any(|c| c.starts_with("UID SEARCH")));
}

#[test]
fn a_copy_lost_with_the_connection_is_looked_for_then_made_by_the_next_send_never_the_letter() {
    let smtp = SmtpServer::start(Rules::default());
    // The second copy is stored, and the link dies before the server says so.
    let imap = ImapServer::start(ImapOptions {
        fault: Some(ImapFault::DropAfterAppendLiteral { nth: 2 }),
        ..ImapOptions::new(USER, PASSWORD)
    });
    let c = with_mailbox(4, &smtp.config(), &imap, "");
    let run = c.run(&["send", "--yes"]).success();
    run.stderr_has("not copied to \"Sent\"")
        .stderr_has("the next `cartero send` tries the copies again, never the letters");
    assert_eq!(smtp.received().len(), 4, "every letter went, once");
    let status = c.status();
    assert_eq!(status[0]["in_sent_folder"], true);
    assert_eq!(status[1]["in_sent_folder"], false);
    let table = c.run(&["status"]).success().stdout();
    assert!(table.contains("no copy in Sent yet"), "{table}");
    // The next send looks before it copies: the second letter is there already.
    c.run(&["send", "--yes"])
        .stdout_has("nothing to send")
        .stdout_has("copies in \"Sent\": 2 put there by cartero, 1 there already");
    assert_eq!(smtp.received().len(), 4, "no letter sent twice");
    let sent = imap.messages("Sent");
    assert_eq!(sent.len(), 4, "each letter in Sent exactly once");
    let mut bytes: Vec<_> = sent.iter().map(|m| m.bytes.to_vec()).collect();
    let mut want: Vec<_> = smtp.received().iter().map(|r| r.data.to_vec()).collect();
    bytes.sort();
    want.sort();
    assert_eq!(
        bytes, want,
        "the copies are the bytes sent, rebuilt exactly"
    );
    assert!(c.status().iter().all(|r| r["in_sent_folder"] == true));
}

#[test]
fn a_refused_copy_is_said_and_the_letters_still_go() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::start(ImapOptions {
        fault: Some(ImapFault::RefuseAppend),
        ..ImapOptions::new(USER, PASSWORD)
    });
    let c = with_mailbox(2, &smtp.config(), &imap, "");
    c.run(&["send", "--yes"])
        .success()
        .stderr_has("2 letters were not copied")
        .stderr_has("Mailbox is full");
    assert_eq!(smtp.received().len(), 2);
    assert_eq!(c.states(), ["sent", "sent"]);
}

#[test]
fn an_uncertain_letter_found_in_sent_is_sent_and_one_not_found_stays_uncertain() {
    let smtp = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::DropAfterDot), (2, Fault::DropAfterDot)],
        ..Script::default()
    });
    let imap = ImapServer::plain(USER, PASSWORD);
    let c = with_mailbox(3, &smtp.config(), &imap, "save-sent = \"never\"\n");
    c.run(&["send", "--yes"]).failure();
    assert_eq!(c.states(), ["uncertain", "uncertain", "sent"]);
    // The server did take the first: its copy is in Sent (a provider filing it itself).
    let first = smtp
        .letters()
        .into_iter()
        .find(|l| l.to == ["c1@example.com"])
        .unwrap();
    imap.deliver("Sent", &first.data, &["\\Seen"]);
    let run = c.run(&["status"]).success();
    run.stderr_has("c1@example.com: found in your \"Sent\" folder")
        .stderr_has("c2@example.com: still uncertain");
    assert_eq!(c.states(), ["sent", "uncertain", "sent"]);
    let sent = events(&c, "sent");
    assert!(sent
        .iter()
        .any(|e| e["client"] == "c1@example.com" && e["proof"] == "found-in-sent"));
    // And `send` never sends it again; the other one waits for `--resend`.
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("nothing to send");
    assert_eq!(smtp.count_to("c1@example.com"), 1);
}

#[test]
fn send_looks_up_uncertain_letters_before_it_plans() {
    let smtp = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::DropAfterDot)],
        ..Script::default()
    });
    let imap = ImapServer::plain(USER, PASSWORD);
    let c = with_mailbox(2, &smtp.config(), &imap, "");
    c.run(&["send", "--yes"]).failure();
    assert_eq!(c.states(), ["uncertain", "sent"]);
    let first = smtp.letters().into_iter().next().unwrap();
    imap.deliver("Sent", &first.data, &["\\Seen"]);
    c.run(&["send", "--yes", "--resend", "c1@example.com"])
        .stderr_has("found in your \"Sent\" folder");
    assert_eq!(
        smtp.count_to("c1@example.com"),
        1,
        "found, so not sent again"
    );
    assert_eq!(c.states(), ["sent", "sent"]);
}

#[test]
fn xoauth2_logs_in_with_the_token_the_command_prints() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::start(ImapOptions {
        token: Some("ya29.token".into()),
        ..ImapOptions::new(USER, "not-this")
    });
    let config = format!(
        "{}{}auth = \"xoauth2\"\npassword-command = \"echo ya29.token\"\n",
        smtp.config(),
        imap.config()
    );
    let c = approved(1, &config);
    c.run(&["send", "--yes"]).success();
    assert_eq!(imap.messages("Sent").len(), 1);
    assert!(imap
        .commands()
        .iter()
        .any(|c| c.starts_with("AUTHENTICATE XOAUTH2")));
    // An expired token is said as such.
    let c = approved(
        1,
        &format!(
            "{}{}auth = \"xoauth2\"\npassword-command = \"echo expired\"\n",
            smtp.config(),
            imap.config()
        ),
    );
    c.run(&["send", "--yes"])
        .failure()
        .stderr_has("refused the access token")
        .stderr_has("nothing was sent");
}

#[test]
fn a_wrong_imap_password_stops_send_before_any_letter_goes() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, "right");
    let c = with_mailbox(2, &smtp.config(), &imap, "");
    c.run(&["send", "--yes"])
        .failure()
        .stderr_has("refused the username `ana@example.com` or its password")
        .stderr_has("nothing was sent");
    assert!(smtp.received().is_empty());
    assert_eq!(c.states(), ["approved", "approved"]);
}

#[test]
fn check_connect_says_what_works_and_sends_nothing() {
    let smtp = SmtpServer::with_login(USER, PASSWORD, false);
    let imap = ImapServer::start(ImapOptions {
        tls: ImapTls::Starttls,
        ..ImapOptions::new(USER, PASSWORD)
    });
    let c = Campaign::example();
    c.append(
        "cartero.toml",
        &format!(
            "{}{}",
            smtp.tls_config(&format!(
                "username = \"{USER}\"\npassword-command = \"echo {PASSWORD}\"\n"
            )),
            imap.config()
        ),
    );
    let run = c.run(&["check", "--connect"]).success();
    run.stdout_has(&format!("SMTP localhost:{} (STARTTLS): connected, the certificate trusted, logged in as {USER}, and out again; nothing was sent", smtp.port))
        .stdout_has(&format!("IMAP localhost:{} (STARTTLS): logged in as {USER}, sent letters go to \"Sent\"", imap.port));
    assert!(smtp.received().is_empty());
    assert!(!imap.commands().iter().any(|c| c.starts_with("APPEND")));
}

#[test]
fn check_connect_explains_every_broken_setting() {
    let smtp = SmtpServer::with_login(USER, PASSWORD, false);
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed_port = closed.local_addr().unwrap().port();
    drop(closed);
    let check = |smtp_extra: &str, imap_table: &str| {
        let c = Campaign::example();
        c.append(
            "cartero.toml",
            &format!(
                "{}{imap_table}",
                smtp.tls_config(&format!("username = \"{USER}\"\n{smtp_extra}"))
            ),
        );
        c.run(&["check", "--connect"]).failure().stderr()
    };
    let ok = format!("password-command = \"echo {PASSWORD}\"\n");
    // A wrong SMTP password.
    let out = check("password-command = \"echo wrong\"\n", "");
    assert!(
        out.contains("the server refused the username or password"),
        "{out}"
    );
    // A wrong IMAP password.
    let imap = ImapServer::plain(USER, PASSWORD);
    let out = check(
        &ok,
        &format!("{}password-command = \"echo wrong\"\n", imap.config()),
    );
    assert!(
        out.contains("refused the username `ana@example.com` or its password"),
        "{out}"
    );
    // A port where nothing listens.
    let out = check(
        &ok,
        &format!("\n[imap]\nhost = \"127.0.0.1\"\nport = {closed_port}\nsecurity = \"none\"\nusername = \"{USER}\"\npassword-command = \"echo x\"\n"),
    );
    assert!(
        out.contains(&format!("nothing answers at port {closed_port}")),
        "{out}"
    );
    assert!(out.contains("check `port` under `[imap]`"), "{out}");
    // A certificate from an authority this computer does not know (no `ca-file`).
    let imap = ImapServer::start(ImapOptions {
        tls: ImapTls::Starttls,
        ..ImapOptions::new(USER, PASSWORD)
    });
    let table = imap
        .config()
        .lines()
        .filter(|l| !l.starts_with("ca-file"))
        .collect::<Vec<_>>()
        .join("\n");
    let out = check(
        &ok,
        &format!("{table}\npassword-command = \"echo {PASSWORD}\"\n"),
    );
    assert!(
        out.contains("the server's certificate is not trusted"),
        "{out}"
    );
    assert!(out.contains("`ca-file` under `[imap]`"), "{out}");
    // TLS from the first byte on a STARTTLS port.
    let plain = ImapServer::plain(USER, PASSWORD);
    let out = check(
        &ok,
        &format!("\n[imap]\nhost = \"localhost\"\nport = {}\nsecurity = \"tls\"\nusername = \"{USER}\"\npassword-command = \"echo x\"\n", plain.port),
    );
    assert!(
        out.contains("security = \\\"starttls\\\"") || out.contains("security = \"starttls\""),
        "{out}"
    );
    // No folder marked for sent mail, and none by a usual name.
    let imap = ImapServer::start(ImapOptions {
        sent_folder: None,
        folders: vec!["Cosas".into()],
        ..ImapOptions::new(USER, PASSWORD)
    });
    let out = check(&ok, &imap_config(&imap, ""));
    assert!(
        out.contains("no folder in this mailbox is marked as the one for sent mail"),
        "{out}"
    );
    assert!(out.contains("sent-folder = "), "{out}");
    // A `sent-folder` that does not exist.
    let imap = ImapServer::plain(USER, PASSWORD);
    let out = check(&ok, &imap_config(&imap, "sent-folder = \"Enviados\"\n"));
    assert!(out.contains("there is no folder \"Enviados\""), "{out}");
    // Without STARTTLS on the IMAP server, `starttls` refuses to send the password in clear.
    let out = check(
        &ok,
        &format!("\n[imap]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"starttls\"\nusername = \"{USER}\"\npassword-command = \"echo x\"\n", plain.port),
    );
    assert!(out.contains("does not offer STARTTLS"), "{out}");
}

#[test]
fn imap_settings_are_strict_and_borrow_the_smtp_login_from_the_same_provider() {
    let c = Campaign::example();
    c.append(
        "cartero.toml",
        "\n[smtp]\nhost = \"smtp.example.com\"\nusername = \"ana@example.com\"\n\n[imap]\nhost = \"imap.example.com\"\nsave-sent = \"sometimes\"\n",
    );
    c.run(&["check"]).failure().stderr_has("save-sent");
    let c = Campaign::example();
    c.append(
        "cartero.toml",
        "\n[imap]\nhost = \"imap.example.com\"\nsecurity = \"none\"\nusername = \"a\"\n",
    );
    c.run(&["check"])
        .failure()
        .stderr_has("only allowed for a server on this machine");
    let c = Campaign::example();
    c.append("cartero.toml", "\n[imap]\nhost = \"imap.other.org\"\n");
    c.run(&["check"]).failure().stderr_has("no `username`");
}

#[test]
fn the_readme_recipes_are_settings_cartero_takes() {
    let readme = std::fs::read_to_string(format!("{REPO}/README.md")).unwrap();
    let recipes = readme
        .split("Recipes (each parses as written")
        .nth(1)
        .expect("the README's recipes")
        .split("\n## ")
        .next()
        .unwrap();
    let blocks: Vec<&str> = recipes
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert_eq!(
        blocks.len(),
        4,
        "Gmail, Microsoft, Fastmail/iCloud/Zoho, Postfix + Dovecot"
    );
    for block in blocks {
        let c = Campaign::example();
        c.write(
            "company-ca.pem",
            std::fs::read(format!("{REPO}/tests/fixtures/ca.pem")).unwrap(),
        );
        c.append("cartero.toml", &format!("\n{block}"));
        c.run(&["check"]).success();
        assert!(block.contains("[imap]"), "{block}");
    }
}

#[test]
fn the_spanish_guide_s_recipes_are_settings_cartero_takes() {
    let guide = std::fs::read_to_string(format!("{REPO}/LEEME.md")).unwrap();
    // The mailbox's recipes (the letters' settings are `letters::…guides…`).
    let blocks: Vec<&str> = guide
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .filter(|b| b.contains("[imap]"))
        .collect();
    assert_eq!(blocks.len(), 3, "Gmail, Microsoft, Fastmail/iCloud/Zoho");
    for block in blocks {
        let c = Campaign::example();
        c.append("cartero.toml", &format!("\n{block}"));
        c.cmd(&["check"])
            .env("CARTERO_LANG", "es")
            .assert()
            .success();
        assert!(block.contains("[imap]"), "{block}");
    }
}

#[test]
fn a_self_signed_certificate_is_named_as_such_and_trusted_once_ca_file_names_it() {
    let imap = ImapServer::start(ImapOptions {
        tls: ImapTls::Starttls,
        self_signed: true,
        ..ImapOptions::new(USER, PASSWORD)
    });
    let smtp = SmtpServer::start(Rules::default());
    let table = |ca: &str| {
        format!(
            "{}\n[imap]\nhost = \"localhost\"\nport = {}\nsecurity = \"starttls\"\nusername = \"{USER}\"\npassword-command = \"echo {PASSWORD}\"\n{ca}",
            smtp.config(),
            imap.port
        )
    };
    let c = Campaign::example();
    c.append("cartero.toml", &table(""));
    c.run(&["check", "--connect"])
        .failure()
        .stderr_has("the server's certificate is its own, self-signed one")
        .stderr_has("name it with `ca-file` under `[imap]`");
    // Named by `ca-file`, that very certificate is trusted (rustls alone would refuse a CA
    // certificate as the server's own).
    let c = Campaign::example();
    c.append(
        "cartero.toml",
        &table(&format!(
            "ca-file = \"{REPO}/tests/fixtures/selfsigned.pem\"\n"
        )),
    );
    c.run(&["check", "--connect"])
        .success()
        .stdout_has("sent letters go to \"Sent\"");
    // Another self-signed certificate in `ca-file` is not this one.
    let c = Campaign::example();
    c.append(
        "cartero.toml",
        &table(&format!("ca-file = \"{REPO}/tests/fixtures/ca.pem\"\n")),
    );
    c.run(&["check", "--connect"])
        .failure()
        .stderr_has("self-signed");
}

#[test]
fn an_smtp_server_with_its_own_self_signed_certificate_is_trusted_once_ca_file_names_it() {
    let smtp = SmtpServer::start_with(
        Rules {
            login: Some((USER.into(), PASSWORD.into())),
            self_signed: true,
            ..Rules::default()
        },
        true,
    );
    let table = |ca: &str| {
        format!(
            "\n[smtp]\nhost = \"localhost\"\nport = {}\nusername = \"{USER}\"\npassword-command = \"echo {PASSWORD}\"\n{ca}",
            smtp.port
        )
    };
    let c = Campaign::example();
    c.append("cartero.toml", &table(""));
    c.run(&["check", "--connect"])
        .failure()
        .stderr_has("the server's certificate is its own, self-signed one")
        .stderr_has("`ca-file` under `[smtp]`");
    let c = approved(
        1,
        &table(&format!(
            "ca-file = \"{REPO}/tests/fixtures/selfsigned.pem\"\n"
        )),
    );
    c.run(&["check", "--connect"]).success();
    c.run(&["send", "--yes"]).success();
    assert_eq!(smtp.received().len(), 1);
}

#[test]
fn a_letter_cut_off_by_a_crash_is_looked_up_in_sent_and_an_older_copy_is_not_taken_for_it() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, PASSWORD);
    let c = with_mailbox(2, &smtp.config(), &imap, "save-sent = \"never\"\n");
    c.run(&["send", "--yes"]).success();
    // As a crash leaves it: `sending` on disk, the outcome never written.
    let journal = c.read("drafts/journal.jsonl");
    let kept: Vec<&str> = journal
        .lines()
        .filter(|l| !(l.contains("\"event\":\"sent\"") && l.contains("c1@example.com")))
        .collect();
    c.write("drafts/journal.jsonl", kept.join("\n") + "\n");
    assert_eq!(c.states(), ["uncertain", "sent"]);
    // An older letter to them with the same subject, under another Message-ID and date: not it.
    let letter = smtp.received()[0].data.clone();
    let older = String::from_utf8_lossy(&letter)
        .replace("Message-ID: <", "Message-ID: <older.")
        .replace("Date: Sun, 22 Nov 2026", "Date: Sat, 21 Nov 2026");
    imap.deliver("Sent", older.as_bytes(), &["\\Seen"]);
    c.run(&["status"])
        .success()
        .stderr_has("c1@example.com: still uncertain");
    assert_eq!(c.states(), ["uncertain", "sent"]);
    // The letter itself, filed by the server: found, and sent when it went.
    imap.deliver("Sent", &letter, &["\\Seen"]);
    c.run(&["send", "--yes"])
        .stderr_has("c1@example.com: found in your \"Sent\" folder");
    assert_eq!(c.states(), ["sent", "sent"]);
    assert_eq!(smtp.received().len(), 2, "never sent twice");
    assert!(c.status()[0]["sent_at"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-22T10:30:00"));
}

#[test]
fn send_at_a_later_time_tries_the_mailbox_login_before_it_waits() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, "right");
    let c = with_mailbox(2, &smtp.config(), &imap, "");
    let at = (chrono::Local::now() + chrono::Duration::seconds(3600))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string();
    let start = std::time::Instant::now();
    c.run(&["send", "--yes", "--at", &at])
        .failure()
        .stderr_has("refused the username `ana@example.com` or its password");
    assert!(start.elapsed() < Duration::from_secs(60), "it did not wait");
    assert!(smtp.received().is_empty());
}

#[test]
fn copies_go_two_hundred_to_an_append_where_the_server_takes_several() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::start(ImapOptions {
        multiappend: true,
        ..ImapOptions::new(USER, PASSWORD)
    });
    let c = with_mailbox(210, &smtp.config(), &imap, "save-sent = \"always\"\n");
    c.run(&["send", "--yes"])
        .success()
        .stdout_has("copies in \"Sent\": 210 put there by cartero");
    let appends: Vec<String> = imap
        .commands()
        .into_iter()
        .filter(|c| c.starts_with("APPEND"))
        .collect();
    assert_eq!(appends.len(), 2, "{appends:?}");
    assert_eq!(appends[0].matches("(\\Seen)").count(), 200);
    assert_eq!(appends[1].matches("(\\Seen)").count(), 10);
    let mut copies: Vec<Vec<u8>> = imap
        .messages("Sent")
        .iter()
        .map(|m| m.bytes.to_vec())
        .collect();
    let mut letters: Vec<Vec<u8>> = smtp.received().iter().map(|l| l.data.to_vec()).collect();
    copies.sort();
    letters.sort();
    assert_eq!(copies, letters, "each letter once, as sent");
    assert!(imap
        .messages("Sent")
        .iter()
        .all(|m| m.flags.iter().any(|f| f == "\\Seen")));
    assert!(c.status().iter().all(|r| r["in_sent_folder"] == true));
}

#[test]
fn a_batch_refused_whole_is_journaled_for_each_letter() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::start(ImapOptions {
        multiappend: true,
        fault: Some(ImapFault::RefuseAppend),
        ..ImapOptions::new(USER, PASSWORD)
    });
    let c = with_mailbox(3, &smtp.config(), &imap, "save-sent = \"always\"\n");
    c.run(&["send", "--yes"])
        .success()
        .stderr_has("3 letters were not copied");
    assert_eq!(smtp.received().len(), 3);
    assert!(c.status().iter().all(|r| r["in_sent_folder"] == false));
    assert_eq!(events(&c, "copy-failed").len(), 3);
}

#[test]
fn a_nearly_full_sent_folder_keeps_the_copies_that_fit_and_gets_the_rest_once_there_is_room() {
    let smtp = SmtpServer::start(Rules::default());
    // One APPEND of several is stored whole or refused whole (RFC 3502): a batch of 8 copies
    // into room for 6 stores none.
    let imap = ImapServer::start(ImapOptions {
        multiappend: true,
        ..ImapOptions::new(USER, PASSWORD)
    });
    imap.set_room("Sent", Some(6));
    let c = with_mailbox(8, &smtp.config(), &imap, "save-sent = \"always\"\n");
    let run = c.run(&["send", "--yes"]).success();
    assert_eq!(smtp.received().len(), 8, "every letter went, once");
    assert_eq!(imap.messages("Sent").len(), 6, "what fits is kept");
    assert_eq!(events(&c, "filed").len(), 6);
    assert_eq!(events(&c, "copy-failed").len(), 2);
    let filed: Vec<bool> = c
        .status()
        .iter()
        .map(|r| r["in_sent_folder"] == true)
        .collect();
    assert_eq!(filed.iter().filter(|f| **f).count(), 6);
    // The room missing is the size of the two copies that did not fit.
    let left: Vec<Vec<u8>> = smtp
        .received()
        .iter()
        .map(|l| l.data.to_vec())
        .filter(|l| !imap.messages("Sent").iter().any(|m| m.bytes[..] == l[..]))
        .collect();
    assert_eq!(left.len(), 2);
    let kb = (left.iter().map(|l| l.len()).sum::<usize>()).div_ceil(1024);
    run.stdout_has("copies in \"Sent\": 6 put there by cartero")
        .stderr_has(&format!(
            "2 letters were not copied to \"Sent\": your mailbox is full (about {kb} KB more room is needed)"
        ))
        .stderr_has("OVERQUOTA");
    // Room is made: the next send looks, files the two, and sends nothing.
    imap.set_room("Sent", None);
    c.run(&["send", "--yes"])
        .success()
        .stdout_has("nothing to send")
        .stdout_has("copies in \"Sent\": 2 put there by cartero");
    assert_eq!(smtp.received().len(), 8, "no letter sent twice");
    let mut copies: Vec<Vec<u8>> = imap
        .messages("Sent")
        .iter()
        .map(|m| m.bytes.to_vec())
        .collect();
    let mut letters: Vec<Vec<u8>> = smtp.received().iter().map(|l| l.data.to_vec()).collect();
    copies.sort();
    letters.sort();
    assert_eq!(copies, letters, "each letter once in Sent, as sent");
    assert!(c.status().iter().all(|r| r["in_sent_folder"] == true));
}

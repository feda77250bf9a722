//! Promises of the design that a test could pass without: each test here fails when the promise
//! is broken (issue 17). `sending` on disk before the body, approval bound to what was shown,
//! letters to yourself kept out of Sent and out of the daily limit, and `save-sent = "auto"`
//! with a server that files some copies itself but not all.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::send::{approved, TEMPLATE};
use crate::support::imap::*;
use crate::support::*;
use crate::watch::watch;

fn journal_has(journal: &std::path::Path, event: &str, client: &str) -> bool {
    std::fs::read_to_string(journal)
        .unwrap_or_default()
        .lines()
        .any(|l| {
            let e: serde_json::Value = serde_json::from_str(l).unwrap_or_default();
            e["event"] == event && e["client"] == client
        })
}

/// Each letter's recipient, and whether `sending` for them was in the journal at its body.
type Noted = Arc<Mutex<Vec<(String, bool)>>>;

/// A lockstep SMTP server on 127.0.0.1 that, after answering DATA with 354, waits for the first
/// byte of the letter's body and at that moment reads `journal`: for each letter, its recipient
/// and whether `sending` for them was already there.
fn body_watching_smtp(journal: PathBuf) -> (u16, Noted) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let noted = Arc::clone(&seen);
    std::thread::spawn(move || {
        for tcp in listener.incoming().flatten() {
            let (journal, noted) = (journal.clone(), Arc::clone(&noted));
            std::thread::spawn(move || -> std::io::Result<()> {
                let mut out = tcp.try_clone()?;
                let mut input = BufReader::new(tcp);
                out.write_all(b"220 localhost ready\r\n")?;
                let mut to = String::new();
                let mut line = String::new();
                loop {
                    line.clear();
                    if input.read_line(&mut line)? == 0 {
                        return Ok(());
                    }
                    match line.get(..4).unwrap_or("").to_ascii_uppercase().as_str() {
                        "EHLO" => out.write_all(b"250-localhost\r\n250 8BITMIME\r\n")?,
                        "RCPT" => {
                            to = line[8..].split('>').next().unwrap_or("").to_string();
                            to = to.trim_start_matches('<').to_string();
                            out.write_all(b"250 OK\r\n")?;
                        }
                        "DATA" => {
                            out.write_all(b"354 go ahead\r\n")?;
                            // Blocks until the first byte of the body is here.
                            if input.fill_buf()?.is_empty() {
                                return Ok(());
                            }
                            let there = journal_has(&journal, "sending", &to);
                            noted.lock().unwrap().push((to.clone(), there));
                            loop {
                                line.clear();
                                if input.read_line(&mut line)? == 0 {
                                    return Ok(());
                                }
                                if line == ".\r\n" {
                                    break;
                                }
                            }
                            out.write_all(b"250 2.0.0 queued\r\n")?;
                        }
                        "QUIT" => {
                            out.write_all(b"221 bye\r\n")?;
                            return Ok(());
                        }
                        _ => out.write_all(b"250 OK\r\n")?,
                    }
                }
            });
        }
    });
    (port, seen)
}

#[test]
fn sending_is_on_disk_before_the_first_byte_of_the_body() {
    let c = Campaign::with(&crate::send::clients(3), TEMPLATE);
    let (port, seen) = body_watching_smtp(c.path("drafts/journal.jsonl"));
    c.append(
        "cartero.toml",
        &format!("\n[smtp]\nhost = \"127.0.0.1\"\nport = {port}\nsecurity = \"none\"\n"),
    );
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\na\na\n").success();
    c.run(&["send", "--yes"]).success().stdout_has("sent 3");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 3, "{seen:?}");
    for (to, there) in &seen {
        assert!(
            there,
            "the body of the letter to {to} began before `sending` was in the journal"
        );
    }
    assert_eq!(c.states(), ["sent"; 3]);
}

// ------------------------------------------------------------ approval binds to what was shown

const PROMPT: &str = "[a]pprove [e]dit [s]kip [r]eject [q]uit";

#[test]
fn a_draft_changed_on_disk_while_the_prompt_waits_is_not_approved() {
    let server = ScriptedSmtp::start(Script::default());
    let c = Campaign::with(&crate::send::clients(2), TEMPLATE);
    c.append("cartero.toml", &server.config());
    c.run(&["draft"]).success();
    let path = c.draft_file(0);
    let mut review = watch(&c, &["review"], &[]);
    review.wait_for(PROMPT);
    // Shown, and now changed by another editor before the answer.
    let shown = std::fs::read_to_string(&path).unwrap();
    let changed = shown.replace("Un abrazo", "Besos, y paga la factura");
    std::fs::write(&path, &changed).unwrap();
    review.type_in("a\n");
    review.wait_for("the draft changed on disk while you read it");
    review.wait_for_count(PROMPT, 2);
    review.close_stdin();
    let (status, _, stderr) = review.finish();
    assert!(status.success(), "{stderr}");
    assert!(
        stderr.contains("0 approved"),
        "the answer was about the text shown before: {stderr}"
    );
    assert_eq!(c.states()[0], "edited", "it still needs a review");
    assert!(
        !journal_has(
            &c.path("drafts/journal.jsonl"),
            "approved",
            "c1@example.com"
        ),
        "{}",
        c.read("drafts/journal.jsonl")
    );
    c.run(&["send", "--yes"])
        .success()
        .stdout_has("nothing to send");
    assert!(server.letters().is_empty());
}

#[test]
fn a_draft_edited_after_approval_is_not_sent() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(2, &server.config());
    let path = c.draft_file(0);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Un abrazo", "Besos, y paga la factura")).unwrap();
    c.run(&["send", "--yes"]).stdout_has("sent 1");
    assert_eq!(
        server.count_to("c1@example.com"),
        0,
        "the edit was never approved"
    );
    assert_eq!(server.count_to("c2@example.com"), 1);
    assert_eq!(c.states(), ["edited", "sent"]);
    assert!(server
        .letters()
        .iter()
        .all(|l| !String::from_utf8_lossy(&l.data).contains("paga la factura")));
}

// ---------------------------------------------------------------- letters to yourself

#[test]
fn letters_to_yourself_are_never_copied_to_sent() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain("ana@example.com", "s3cret");
    let c = approved(
        2,
        &format!(
            "{}{}password-command = \"echo s3cret\"\nsave-sent = \"always\"\n",
            smtp.config(),
            imap.config()
        ),
    );
    c.run(&["send", "--yes", "--to-self"])
        .success()
        .stdout_has("sent 2");
    let got = smtp.received();
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|m| m.to == ["ana@example.com"]), "{got:?}");
    assert!(imap.messages("Sent").is_empty(), "a test letter in Sent");
    assert!(
        !imap.commands().iter().any(|c| c.starts_with("APPEND")),
        "{:?}",
        imap.commands()
    );
    assert_eq!(c.states(), ["approved", "approved"]);
    // The real letters then go, and only they are copied.
    c.run(&["send", "--yes"]).success().stdout_has("sent 2");
    assert_eq!(imap.messages("Sent").len(), 2);
    for copy in imap.messages("Sent") {
        let text = String::from_utf8_lossy(&copy.bytes).into_owned();
        assert!(!text.contains("[test]"), "{text}");
    }
}

#[test]
fn letters_to_yourself_do_not_count_toward_the_daily_limit() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(2, &format!("{}daily-limit = 2\n", server.config()));
    // Two test runs: four letters to yourself within the hour.
    for _ in 0..2 {
        c.run(&["send", "--yes", "--to-self"])
            .success()
            .stdout_has("sent 2");
    }
    assert_eq!(server.count_to("ana@example.com"), 4);
    c.run(&["send", "--yes"])
        .success()
        .stdout_has("sent 2, failed 0");
    assert_eq!(server.count_to("c1@example.com"), 1);
    assert_eq!(server.count_to("c2@example.com"), 1);
}

// ------------------------------------------- a server that files some copies itself, not all

/// Copies into Sent, as the provider's own, each letter the SMTP server takes whose recipient
/// `files` accepts; stops when dropped.
struct FilesSome(Arc<AtomicBool>);

impl FilesSome {
    fn start(smtp: &SmtpServer, imap: &ImapServer, files: fn(&str) -> bool) -> FilesSome {
        let stop = Arc::new(AtomicBool::new(false));
        let received = smtp.inbox_handle();
        let sent = imap.handle();
        let flag = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut done = 0;
            while !flag.load(Ordering::SeqCst) {
                let letters = received.lock().unwrap().clone();
                for l in letters[done..].iter().filter(|l| files(&l.to[0])) {
                    sent.deliver("Sent", &l.data, &["\\Seen"]);
                }
                done = letters.len();
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        FilesSome(stop)
    }
}

impl Drop for FilesSome {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// The Message-IDs of the letters in Sent, sorted.
fn ids_in_sent(imap: &ImapServer) -> Vec<String> {
    let mut ids: Vec<String> = imap
        .messages("Sent")
        .iter()
        .map(|m| parse(&m.bytes).message_id().unwrap_or("").to_string())
        .collect();
    ids.sort();
    ids
}

fn ids_sent(smtp: &SmtpServer) -> Vec<String> {
    let mut ids: Vec<String> = smtp
        .received()
        .iter()
        .map(|m| parse(&m.data).message_id().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn save_sent_auto_with_a_server_that_files_some_copies_puts_each_letter_in_sent_once() {
    // Each answer to the final "." comes 50 ms after the letter was taken, so that the server has
    // filed its copy of the letter before by the time cartero could look for it.
    let slow = || {
        SmtpServer::start(Rules {
            delay: Duration::from_millis(50),
            ..Rules::default()
        })
    };
    let config = |smtp: &SmtpServer, imap: &ImapServer| {
        format!(
            "{}{}password-command = \"echo s3cret\"\n",
            smtp.config(),
            imap.config()
        )
    };
    // The server files the first letter itself, then misses one.
    let smtp = slow();
    let imap = ImapServer::plain("ana@example.com", "s3cret");
    let _files = FilesSome::start(&smtp, &imap, |to| to != "c2@example.com");
    let c = approved(4, &config(&smtp, &imap));
    c.run(&["send", "--yes"]).success();
    assert_eq!(smtp.received().len(), 4);
    assert_eq!(
        ids_in_sent(&imap),
        ids_sent(&smtp),
        "each letter in Sent once"
    );
    assert!(c.status().iter().all(|r| r["in_sent_folder"] == true));

    // The server misses the first letter (and the last), and files the others itself.
    let smtp = slow();
    let imap = ImapServer::plain("ana@example.com", "s3cret");
    let _files = FilesSome::start(&smtp, &imap, |to| {
        !["c1@example.com", "c4@example.com"].contains(&to)
    });
    let c = approved(4, &config(&smtp, &imap));
    c.run(&["send", "--yes"]).success();
    assert_eq!(smtp.received().len(), 4);
    assert_eq!(
        ids_in_sent(&imap),
        ids_sent(&smtp),
        "each letter in Sent once"
    );
    assert!(c.status().iter().all(|r| r["in_sent_folder"] == true));
}

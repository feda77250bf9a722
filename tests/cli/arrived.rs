//! Settling an uncertain letter: `send --arrived` records it as sent on the user's word (filed
//! in Sent, kept in the archive, never sent again); `status` says what still waits.

use crate::mailbox::{events, with_mailbox, PASSWORD, USER};
use crate::support::imap::*;
use crate::support::*;

/// Three letters, the first two left uncertain (the link dropped after their final "."), with
/// a mailbox that keeps nothing by itself.
fn two_uncertain() -> (ScriptedSmtp, ImapServer, Campaign) {
    let smtp = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::DropAfterDot), (2, Fault::DropAfterDot)],
        ..Script::default()
    });
    let imap = ImapServer::plain(USER, PASSWORD);
    let c = with_mailbox(3, &smtp.config(), &imap, "save-sent = \"always\"\n");
    c.run(&["send", "--yes"]).failure();
    assert_eq!(c.states(), ["uncertain", "uncertain", "sent"]);
    (smtp, imap, c)
}

#[test]
fn an_uncertain_letter_the_user_says_arrived_is_sent_filed_and_archived_never_sent_again() {
    let (smtp, imap, c) = two_uncertain();
    let before = smtp.letters().len();
    // The advice names both ways out, and what each does.
    c.run(&["status"])
        .success()
        .stdout_has("`cartero send --arrived c1@example.com` records it as sent")
        .stdout_has("`cartero send --resend c1@example.com` sends it again");
    c.run(&["send", "--yes", "--arrived", "c1@example.com"])
        .success()
        .stderr_has("c1@example.com: recorded as sent on your word (`--arrived`)")
        .stdout_has("nothing was sent");
    assert_eq!(c.states(), ["sent", "uncertain", "sent"]);
    assert_eq!(smtp.letters().len(), before, "nothing was sent again");
    let sent = events(&c, "sent");
    let c1 = sent
        .iter()
        .find(|e| e["client"] == "c1@example.com")
        .expect("a sent event for c1");
    assert_eq!(c1["proof"], "user-said");
    // The same Message-ID the interrupted attempt carried, dated when it went.
    let sending = events(&c, "sending");
    let first = sending
        .iter()
        .find(|e| e["client"] == "c1@example.com")
        .unwrap();
    assert_eq!(c1["message_id"], first["message_id"]);
    assert_eq!(c1["time"], first["time"]);
    // Its copy is in Sent, once, with that Message-ID.
    let id = first["message_id"]
        .as_str()
        .unwrap()
        .trim_matches(['<', '>']);
    let copies = imap
        .messages("Sent")
        .iter()
        .filter(|m| String::from_utf8_lossy(&m.bytes).contains(id))
        .count();
    assert_eq!(copies, 1, "the settled letter is in Sent once");
    // status and history say it went on the user's word.
    let status = c.status();
    assert_eq!(status[0]["state"], "sent");
    assert_eq!(status[0]["proof"], "user-said");
    c.run(&["status"])
        .success()
        .stdout_has("recorded as sent on your word");
    c.run(&["history", "c1@example.com"])
        .success()
        .stdout_has("recorded as sent on your word");
    let history = c.run(&["history", "c1@example.com", "--json"]).success();
    let letters: serde_json::Value = serde_json::from_str(&history.stdout()).unwrap();
    assert_eq!(letters[0]["proof"], "user-said");
    // Never sent again, not even when named by `--resend`.
    c.run(&["send", "--yes", "--resend", "c1@example.com"])
        .failure()
        .stderr_has("recorded as sent on your word (`--arrived`")
        .stderr_has("never sends a client the same email twice");
    assert_eq!(smtp.letters().len(), before);
    // Saying it again is harmless.
    c.run(&["send", "--yes", "--arrived", "c1@example.com"])
        .stderr_has("already recorded as sent");
    assert_eq!(events(&c, "sent").len(), sent.len());
}

#[test]
fn arrived_for_a_letter_that_is_not_uncertain_is_refused_and_records_nothing() {
    let (smtp, _imap, c) = two_uncertain();
    let journal = c.read("drafts/journal.jsonl");
    c.run(&["send", "--yes", "--arrived", "nobody@example.com"])
        .failure()
        .stderr_has("there is no such client in the list");
    c.run(&[
        "send",
        "--yes",
        "--arrived",
        "c2@example.com",
        "--resend",
        "c2@example.com",
    ])
    .failure()
    .stderr_has("say opposite things");
    assert_eq!(c.read("drafts/journal.jsonl"), journal);
    assert_eq!(c.states(), ["uncertain", "uncertain", "sent"]);
    let n = smtp.letters().len();
    // A letter the user is told to resend goes, once more (c1 still waits for a word: exit 1).
    c.run(&["send", "--yes", "--resend", "c2@example.com"])
        .failure()
        .stdout_has("sent 1");
    assert_eq!(smtp.letters().len(), n + 1);
}

#[test]
fn status_does_not_say_nothing_waits_while_letters_are_uncertain() {
    let (_smtp, _imap, c) = two_uncertain();
    let out = c.run(&["status"]).success().stdout();
    assert!(!out.contains("nothing waits for you"), "{out}");
    assert!(
        out.contains("next: 2 letters may or may not have arrived"),
        "{out}"
    );
    c.run(&[
        "send",
        "--yes",
        "--arrived",
        "c1@example.com",
        "--arrived",
        "c2@example.com",
    ])
    .success();
    c.run(&["status"])
        .success()
        .stdout_has("3 clients: 3 sent")
        .stdout_has("nothing waits for you");
}

#[test]
fn status_counts_the_copies_missing_from_sent_and_says_what_makes_them() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::start(ImapOptions {
        fault: Some(ImapFault::RefuseAppend),
        ..ImapOptions::new(USER, PASSWORD)
    });
    let c = with_mailbox(2, &smtp.config(), &imap, "save-sent = \"always\"\n");
    c.run(&["send", "--yes"]).success();
    let out = c.run(&["status"]).success().stdout();
    assert!(
        out.contains("2 clients: 2 sent; 2 without a copy in Sent yet"),
        "{out}"
    );
    assert!(
        out.contains("next: 2 letters have no copy in your Sent folder yet"),
        "{out}"
    );
    assert!(!out.contains("nothing waits for you"), "{out}");
}

#[test]
fn in_a_long_run_the_copies_reach_sent_while_the_letters_still_go() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, PASSWORD);
    // Twelve letters, two a second: six seconds of sending.
    let c = with_mailbox(
        12,
        &format!("{}rate = \"2/s\"\n", smtp.config()),
        &imap,
        "save-sent = \"always\"\n",
    );
    let mut child = spawn(&c, &["send", "--yes"]);
    let started = std::time::Instant::now();
    let mut copied_while_running = None;
    while child.try_wait().unwrap().is_none() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the send never ended"
        );
        let in_sent = imap.messages("Sent").len();
        if in_sent > 0 && copied_while_running.is_none() {
            copied_while_running = Some((in_sent, smtp.received().len()));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(child.wait().unwrap().success());
    let (copies, letters) = copied_while_running.expect("no copy was in Sent before the run ended");
    assert!(
        letters < 12,
        "the first copies reached Sent only after the last letter ({copies} copies, {letters} letters)"
    );
    assert_eq!(imap.messages("Sent").len(), 12, "each letter in Sent once");
    assert_eq!(smtp.received().len(), 12);
}

#[test]
fn arrived_records_the_users_word_and_sends_nothing_else() {
    let (smtp, _imap, c) = two_uncertain();
    // Another client approved since, waiting to go.
    c.append(
        "clients.csv",
        "c4@example.com,Cliente 4,Gracias por lo de este año\n",
    );
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\n").success();
    assert_eq!(c.states(), ["uncertain", "uncertain", "sent", "approved"]);
    let n = smtp.letters().len();
    c.run(&["send", "--yes", "--arrived", "c1@example.com"])
        .success()
        .stdout_has(
            "nothing was sent; 1 letter is approved and not sent yet: `cartero send` sends it",
        );
    assert_eq!(smtp.letters().len(), n, "--arrived sent a letter");
    assert_eq!(c.states(), ["sent", "uncertain", "sent", "approved"]);
}

#[test]
fn arrived_for_a_letter_whose_draft_changed_since_it_went_files_the_letter_as_it_went() {
    let (_smtp, imap, c) = two_uncertain();
    let draft = c.draft_file(0);
    let text = std::fs::read_to_string(&draft).unwrap();
    std::fs::write(&draft, text.replace("Hola", "HOLA EDITADO")).unwrap();
    c.run(&["status"]).success().stdout_has(
        "its draft was changed after this letter went; cartero kept the letter as it went",
    );
    // The words as they went were kept when it went: those are filed and archived.
    settled_as_it_went(&c);
    let sent: Vec<String> = imap
        .messages("Sent")
        .iter()
        .map(|m| String::from_utf8_lossy(&m.bytes).into_owned())
        .collect();
    assert!(
        sent.iter()
            .any(|m| m.contains("To: ") && m.contains("c1@example.com")),
        "the letter is filed in Sent: {sent:?}"
    );
    assert!(
        sent.iter().all(|m| !m.contains("EDITADO")),
        "Sent holds the letter as it went"
    );
}

#[test]
fn arrived_for_a_letter_whose_draft_changed_and_whose_copy_is_gone_is_refused() {
    let (_smtp, _imap, c) = two_uncertain();
    let draft = c.draft_file(0);
    let text = std::fs::read_to_string(&draft).unwrap();
    std::fs::write(&draft, text.replace("Hola", "HOLA EDITADO")).unwrap();
    // A letter sent before cartero kept the words as they went, or a copy lost with the power.
    std::fs::remove_dir_all(c.path("drafts/sent-as")).unwrap();
    c.run(&["status"])
        .success()
        .stdout_has("its draft was changed after this letter went");
    let journal = c.read("drafts/journal.jsonl");
    c.run(&["send", "--yes", "--arrived", "c1@example.com"])
        .failure()
        .stderr_has("was changed after it went")
        .stderr_has("put the draft back as it went");
    assert_eq!(c.read("drafts/journal.jsonl"), journal, "nothing recorded");
    // Put back as it went, the word is taken.
    std::fs::write(&draft, text).unwrap();
    settled_as_it_went(&c);
}

#[test]
fn status_names_the_uncertain_letters_beside_the_approved_ones() {
    let (_smtp, _imap, c) = two_uncertain();
    c.append(
        "clients.csv",
        "c4@example.com,Cliente 4,Gracias por lo de este año\n",
    );
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\n").success();
    c.run(&["status"])
        .success()
        .stdout_has("next: `cartero send --to-self` for a test run, then `cartero send`")
        .stdout_has("also: 2 letters may or may not have arrived");
}

/// `--arrived c1` taken, and the archive keeps the words that went, not the edit.
fn settled_as_it_went(c: &Campaign) {
    c.run(&["send", "--yes", "--arrived", "c1@example.com"])
        .success()
        .stderr_has("recorded as sent on your word");
    let history = c.run(&["history", "c1@example.com", "--json"]).success();
    assert!(history.stdout().contains("Hola"), "{}", history.stdout());
    assert!(
        !history.stdout().contains("EDITADO"),
        "{}",
        history.stdout()
    );
}

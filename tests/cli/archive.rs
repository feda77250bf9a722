//! The archive: every letter sent, across campaigns and years; `archive import`, and an archive
//! that is not one. Its readers have their own files: `history.rs`, `remember.rs`, `init.rs`.

use crate::send::{approved, clients, TEMPLATE};
use crate::support::*;

/// A campaign of `n` clients sent on `now`, its letters kept in `archive`.
pub fn sent_on(now: &str, n: usize, archive: &std::path::Path, server: &ScriptedSmtp) -> Campaign {
    let c = Campaign::with(&clients(n), TEMPLATE);
    c.append(
        "cartero.toml",
        &format!(
            "{}\n[archive]\npath = \"{}\"\n",
            server.config(),
            archive.display()
        ),
    );
    let at = |args: &[&str]| Run(c.cmd(args).env("CARTERO_NOW", now).output().unwrap());
    at(&["draft"]).success();
    Run(c
        .cmd(&["review"])
        .env("CARTERO_NOW", now)
        .write_stdin("a\n".repeat(n))
        .output()
        .unwrap())
    .success();
    at(&["send", "--yes"]).success();
    c
}

#[test]
fn an_older_campaign_is_imported_once() {
    let server = ScriptedSmtp::start(Script::default());
    let old = approved(3, &server.config());
    old.run(&["send", "--yes"]).success();
    let other = Campaign::empty();
    let archive = other.path("mine.sqlite3");
    let archive = archive.to_str().unwrap();
    let dir = old.dir.path().to_str().unwrap();
    other
        .run(&["--archive", archive, "archive", "import", dir])
        .success()
        .stdout_has("3 letters sent from")
        .stdout_has("3 new in the archive");
    other
        .run(&[
            "--archive",
            archive,
            "archive",
            "import",
            &format!("{dir}/drafts"),
        ])
        .success()
        .stdout_has("0 new in the archive")
        .stdout_has("3 there already");
    other
        .run(&["--archive", archive, "history", "c2@example.com"])
        .success()
        .stdout_has("Gracias, Cliente");
    other
        .run(&[
            "--archive",
            archive,
            "archive",
            "import",
            other.dir.path().to_str().unwrap(),
        ])
        .failure()
        .stderr_has("holds no `journal.jsonl`");
}

#[test]
fn an_archive_that_is_not_one_is_said_and_the_campaign_is_untouched() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(1, &server.config());
    c.write(
        "not-an-archive.txt",
        "hello, this is a shopping list\n".repeat(100),
    );
    c.run(&[
        "--archive",
        "not-an-archive.txt",
        "history",
        "c1@example.com",
    ])
    .failure()
    .stderr_has("failed to open the archive `not-an-archive.txt`")
    .stderr_has("not a cartero archive");
    // One written by a newer cartero.
    let newer = c.path("newer.sqlite3");
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.execute_batch("PRAGMA application_id = 1667330676; PRAGMA user_version = 99; CREATE TABLE letters (x);")
            .unwrap();
    }
    c.run(&["--archive", "newer.sqlite3", "history", "c1@example.com"])
        .failure()
        .stderr_has("written by a newer cartero");
    // A send whose archive cannot be written still sends, journals, and says so.
    c.run(&["--archive", "not-an-archive.txt", "send", "--yes"])
        .success()
        .stdout_has("sent 1")
        .stderr_has("the letters are safe in the journal");
    assert_eq!(c.states(), ["sent"]);
    // Fixed, the next send keeps what the last one could not.
    c.run(&["send", "--yes"]).success();
    c.run(&["history", "c1@example.com"])
        .success()
        .stdout_has("Gracias, Cliente");
}

#[test]
fn a_two_year_story_repeats_are_warned_memories_reach_the_letter_and_history_has_both() {
    let server = ScriptedSmtp::start(Script::default());
    let shared = tempfile::tempdir().unwrap();
    let archive = shared.path().join("archive.sqlite3");
    let config = |c: &Campaign| {
        c.append(
            "cartero.toml",
            &format!(
                "{}\n[archive]\npath = \"{}\"\n",
                server.config(),
                archive.display()
            ),
        )
    };
    let at = |c: &Campaign, now: &str, args: &[&str], stdin: &str| {
        Run(c
            .cmd(args)
            .env("CARTERO_NOW", now)
            .write_stdin(stdin.to_string())
            .output()
            .unwrap())
    };
    // December 2025.
    let y2025 = "2025-12-20T10:00:00+01:00";
    let first = Campaign::with(
        "email,name,note\nana@example.com,Ana Ruiz,Gracias por la paella de junio en la terraza de Vigo\nbo@example.com,Bo Li,Suerte con la tienda nueva de Lugo\n",
        TEMPLATE,
    );
    config(&first);
    at(&first, y2025, &["draft"], "").success();
    at(&first, y2025, &["review"], "a\na\n").success();
    at(&first, y2025, &["send", "--yes"], "").success();
    // During 2026.
    at(
        &first,
        "2026-06-01T10:00:00+02:00",
        &[
            "remember",
            "bo@example.com",
            "abrió la nave nueva de Getafe",
        ],
        "",
    )
    .success();
    // December 2026: Ana's note tells the 2025 anecdote again; Bo's letter asks about the memory.
    let template = "Subject: Gracias, {{ first_name }}\n\nHola, {{ first_name }}:\n\n{{ note }}\n{% for m in memories %}¿Qué tal? Me contaron: {{ m }}.\n{% endfor %}{% if first_letter_year %}Ya van desde {{ first_letter_year }}, {{ letters | length }} carta(s).{% endif %}\n\nUn abrazo,\n{{ sender.name }}\n";
    // This year's list made from the archive: everyone written to, last year's note beside
    // an empty one; the user writes this year's notes into it.
    let scratch = Campaign::empty();
    scratch
        .run(&[
            "--archive",
            archive.to_str().unwrap(),
            "init",
            ".",
            "--from-archive",
        ])
        .success();
    let list = scratch.read("clients.csv");
    assert!(
        list.contains(
            "ana@example.com,Ana Ruiz,,Gracias por la paella de junio en la terraza de Vigo"
        ),
        "{list}"
    );
    let list = list
        .replace(
            "ana@example.com,Ana Ruiz,,",
            "ana@example.com,Ana Ruiz,Gracias por la paella de junio en la terraza,",
        )
        .replace(
            "bo@example.com,Bo Li,,",
            "bo@example.com,Bo Li,Este año nos vimos poco,",
        );
    let second = Campaign::with(&list, template);
    config(&second);
    let y2026 = "2026-12-21T10:00:00+01:00";
    at(&second, y2026, &["check"], "")
        .success()
        .stderr_has("client `Ana Ruiz`: this draft repeats what you wrote to them in 2025");
    at(&second, y2026, &["draft"], "")
        .success()
        .stderr_has("this draft repeats what you wrote to them in 2025");
    let bo = second.read("drafts/0002-bo-li.txt");
    assert!(
        bo.contains("Me contaron: abrió la nave nueva de Getafe."),
        "{bo}"
    );
    assert!(bo.contains("Ya van desde 2025, 1 carta(s)."), "{bo}");
    let status = at(&second, y2026, &["status", "--json"], "").success();
    let status: Vec<serde_json::Value> = serde_json::from_str(&status.stdout()).unwrap();
    assert!(
        status[0]["warnings"].to_string().contains("in 2025"),
        "{}",
        status[0]
    );
    at(&second, y2026, &["review"], "s\ns\n")
        .success()
        .stderr_has("last letter: 2025-12-20 «Gracias, Ana»")
        .stderr_has("Gracias por la paella de junio en la terraza de Vigo")
        .stderr_has("remembered: abrió la nave nueva de Getafe");
    at(&second, y2026, &["review"], "a\na\n").success();
    at(&second, y2026, &["send", "--yes"], "").success();
    let history = at(&second, y2026, &["history", "bo@example.com"], "").success();
    let out = history.stdout();
    assert!(out.contains("2026-12-21  Gracias, Bo"), "{out}");
    assert!(out.contains("2025-12-20  Gracias, Bo"), "{out}");
    assert!(
        out.contains("Me contaron: abrió la nave nueva de Getafe."),
        "{out}"
    );
}

#[test]
fn an_archive_of_the_first_version_is_brought_up_to_date_and_keeps_its_letters() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(1, &server.config());
    c.run(&["send", "--yes"]).success();
    let path = c.path(".data/cartero/archive.sqlite3");
    // As the first version left it: no index of the past, no `proof`, no bounces, version 1.
    {
        let db = rusqlite::Connection::open(&path).unwrap();
        db.execute_batch(
            "DROP INDEX letters_past; ALTER TABLE letters DROP COLUMN proof; \
             ALTER TABLE letters DROP COLUMN bounced_at; ALTER TABLE letters DROP COLUMN bounce; \
             ALTER TABLE bodies DROP COLUMN attachments; PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    c.run(&["history", "c1@example.com"])
        .success()
        .stdout_has("Gracias, Cliente");
    let db = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = db
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let index: i64 = db
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'letters_past'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let proof: i64 = db
        .query_row(
            "SELECT count(*) FROM pragma_table_info('letters') WHERE name = 'proof'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let files: i64 = db
        .query_row(
            "SELECT count(*) FROM pragma_table_info('bodies') WHERE name = 'attachments'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let bounce: i64 = db
        .query_row(
            "SELECT count(*) FROM pragma_table_info('letters') WHERE name IN ('bounced_at', 'bounce')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!((version, index, proof, bounce, files), (5, 1, 1, 2, 1));
}

#[test]
fn a_repeated_anecdote_quotes_the_earlier_letter_and_goes_when_the_draft_drops_it() {
    let server = ScriptedSmtp::start(Script::default());
    let shared = tempfile::tempdir().unwrap();
    let archive = shared.path().join("archive.sqlite3");
    let campaign = |list: &str| {
        let c = Campaign::with(list, TEMPLATE);
        c.append(
            "cartero.toml",
            &format!(
                "{}\n[archive]\npath = \"{}\"\n",
                server.config(),
                archive.display()
            ),
        );
        c
    };
    let at = |c: &Campaign, now: &str, args: &[&str], stdin: &str| {
        Run(c
            .cmd(args)
            .env("CARTERO_NOW", now)
            .env(
                "EDITOR",
                "sed -i s/paella\\ de\\ junio\\ en\\ la\\ terraza/tortilla\\ de\\ Navidad/",
            )
            .write_stdin(stdin.to_string())
            .output()
            .unwrap())
    };
    let y2025 = "2025-12-20T10:00:00+01:00";
    let first = campaign("email,name,note\nana@example.com,Ana Ruiz,Gracias por la paella de junio en la terraza de Vigo\nbo@example.com,Bo Li,Suerte con la tienda nueva de Lugo\n");
    at(&first, y2025, &["draft"], "").success();
    at(&first, y2025, &["review"], "a\na\n").success();
    at(&first, y2025, &["send", "--yes"], "").success();
    // This year Ana's note shortens last year's anecdote; Bo's is new.
    let y2026 = "2026-12-21T10:00:00+01:00";
    let second = campaign("email,name,note\nana@example.com,Ana Ruiz,Gracias por la paella de junio en la terraza\nbo@example.com,Bo Li,Este año nos vimos poco\n");
    // The earlier letter's words are quoted, not this year's.
    let said = "this draft repeats what you wrote to them in 2025 («Gracias por la paella de junio en la terraza de Vigo»)";
    at(&second, y2026, &["check"], "")
        .success()
        .stderr_has(said);
    at(&second, y2026, &["draft"], "")
        .success()
        .stderr_has(said);
    let warnings = |c: &Campaign| -> Vec<String> {
        let run = at(c, y2026, &["status", "--json"], "").success();
        let status: Vec<serde_json::Value> = serde_json::from_str(&run.stdout()).unwrap();
        status.iter().map(|s| s["warnings"].to_string()).collect()
    };
    let before = warnings(&second);
    assert!(before[0].contains(said), "{before:?}");
    assert!(!before[1].contains("repeats"), "{before:?}");
    // Bo's draft, edited to tell last year's words again: it is the draft that is read.
    second.append(
        "drafts/0002-bo-li.txt",
        "\nSuerte con la tienda nueva de Lugo\n",
    );
    let after = warnings(&second);
    assert!(
        after[1].contains(
            "repeats what you wrote to them in 2025 («Suerte con la tienda nueva de Lugo»)"
        ),
        "{after:?}"
    );
    // Ana's anecdote replaced in review: the warning goes with it.
    let review = at(&second, y2026, &["review"], "e\ns\nq\n").success();
    let out = review.stderr();
    assert!(out.contains("Gracias por la tortilla de Navidad"), "{out}");
    assert_eq!(out.matches(said).count(), 1, "{out}");
    let after = warnings(&second);
    assert!(!after[0].contains("repeats"), "{after:?}");
}

#[test]
fn the_archive_keeps_the_words_that_went_though_the_draft_is_edited_during_the_send() {
    let smtp = SmtpServer::start(Rules {
        delay: std::time::Duration::from_millis(300),
        ..Rules::default()
    });
    let c = approved(3, &smtp.config());
    let child = spawn(&c, &["send", "--yes"]);
    for _ in 0..200 {
        if !smtp.received().is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    assert!(!smtp.received().is_empty(), "the first letter never came");
    // The first letter has gone; its draft is edited while the send goes on.
    let first = c.draft_file(0);
    let went = std::fs::read_to_string(&first).unwrap();
    std::fs::write(&first, format!("{went}EDITED AFTER IT WENT\n")).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(smtp.received().len(), 3);
    let history = c.run(&["history", "c1@example.com"]).success().stdout();
    assert!(
        !history.contains("EDITED"),
        "the archive keeps what went: {history}"
    );
    let status = c.run(&["status"]).stdout();
    assert!(
        status.contains(
            "its draft was changed after this letter went: the archive keeps the letter as it went"
        ),
        "{status}"
    );
    // Next year's list remembers what the client read.
    let next = c.run(&["init", "--from-archive", "next"]).success();
    let list = std::fs::read_to_string(c.path("next/clients.csv")).unwrap();
    assert!(!list.contains("EDITED"), "{list}\n{}", next.stderr());
}

#[test]
fn an_uncertain_letter_edited_since_it_went_can_still_be_settled_or_put_back() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::DropAfterDot)],
        ..Script::default()
    });
    let c = approved(2, &server.config());
    c.run(&["send", "--yes"]).failure();
    assert_eq!(c.states(), ["uncertain", "sent"]);
    let first = c.draft_file(0);
    let went = std::fs::read_to_string(&first).unwrap();
    std::fs::write(&first, format!("{went}EDITED AFTER IT WENT\n")).unwrap();
    let kept = std::fs::read_dir(c.path("drafts/sent-as"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("0001-cliente-1."))
        .map(|n| format!("drafts/sent-as/{n}"))
        .unwrap();
    let kept = kept.as_str();
    let status = c.run(&["status"]).stdout();
    assert!(
        status.contains(&format!("cartero kept the letter as it went in `{kept}`")),
        "{status}"
    );
    // Sending it again means putting it back first: the way is said.
    let err = c
        .run(&["send", "--yes", "--resend", "c1@example.com"])
        .stderr();
    assert!(
        err.contains("copy it back over") && err.contains(kept),
        "{err}"
    );
    // The advice followed to the letter: the kept copy back over the draft, and it goes again
    // as it went, with its Message-ID.
    std::fs::copy(c.path(kept), &first).unwrap();
    assert_eq!(std::fs::read_to_string(&first).unwrap(), went);
    c.run(&["send", "--yes", "--resend", "c1@example.com"])
        .success();
    assert_eq!(c.states(), ["sent", "sent"]);
    let letters = server.letters();
    assert_eq!(letters.len(), 3);
    assert_eq!(
        parse(&letters[2].data).message_id(),
        parse(&letters[0].data).message_id()
    );
    let history = c.run(&["history", "c1@example.com"]).success().stdout();
    assert!(!history.contains("EDITED"), "{history}");
}

#[test]
fn a_kept_copy_counts_only_as_what_went_and_a_broken_one_stops_nothing() {
    let smtp = SmtpServer::start(Rules::default());
    let c = approved(3, &smtp.config());
    c.run(&["send", "--yes", "--limit", "2"]);
    let copies: Vec<std::path::PathBuf> = std::fs::read_dir(c.path("drafts/sent-as"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(copies.len(), 2);
    // One copy altered (its draft as it went), the other a folder: the archive keeps what went
    // for both, and every letter of the campaign.
    let mut copies = copies;
    copies.sort();
    let altered = std::fs::read_to_string(&copies[0])
        .unwrap()
        .replace("Gracias", "TAMPERED");
    std::fs::write(&copies[0], altered).unwrap();
    std::fs::remove_file(&copies[1]).unwrap();
    std::fs::create_dir(&copies[1]).unwrap();
    c.run(&["send", "--yes"]).success();
    for who in ["c1@example.com", "c2@example.com", "c3@example.com"] {
        let h = c.run(&["history", who]).success().stdout();
        assert!(
            h.contains("Gracias") && !h.contains("TAMPERED"),
            "{who}: {h}"
        );
    }
    // A folder for the copies that cannot be one: nothing goes, and that is what is said.
    let smtp = SmtpServer::start(Rules::default());
    let c = approved(1, &smtp.config());
    c.write("drafts/sent-as", "not a folder");
    let out = c.run(&["send", "--yes"]).failure();
    let said = format!("{}{}", out.stdout(), out.stderr());
    assert!(
        said.contains(
            "nothing went: cartero keeps each letter's words as it goes, in `drafts/sent-as/`"
        ) && !said.contains("journal could not be written"),
        "{said}"
    );
    assert!(smtp.received().is_empty());
    assert_eq!(c.states(), ["approved"]);
}

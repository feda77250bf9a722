//! `cartero review`, driven by a script on stdin, as a person would at a terminal.

use crate::support::*;

const CLIENTS: &str = "email,name,note\na@example.com,Ana,La paella de junio\nb@example.com,Bea,El viaje a Lugo\nc@example.com,Cy,La feria de Reus\nd@example.com,Dani,El piano nuevo\ne@example.com,Eva,\n";
const TEMPLATE: &str = "Subject: Hola {{ first_name }}\n\nHola {{ first_name }}:\n\n{{ note | default(value=\"\") }}\n\nUn abrazo,\n{{ sender.name }}\n";

/// Five clients drafted, the last without a note (also `commands_es.rs`'s).
pub fn drafted() -> Campaign {
    let c = Campaign::with(CLIENTS, TEMPLATE);
    c.run(&["draft"]).success();
    c
}

#[test]
fn scripted_review_approve_skip_reject_edit_quit() {
    let c = drafted();
    let run = c
        .cmd(&["review"])
        .env("VISUAL", "sed -i s/Hola/Querida/")
        .write_stdin("a\ns\nr\ne\na\nq\n")
        .output()
        .unwrap();
    let run = Run(run).success();
    let err = run.stderr();
    assert!(err.contains("── 1 of 5 ── Ana <a@example.com>"), "{err}");
    assert!(
        err.contains(
            "To: Ana <a@example.com>\nSubject: Hola Ana\n\nHola Ana:\n\nLa paella de junio"
        ),
        "the whole draft: {err}"
    );
    assert!(err.contains("personal "), "the share is shown: {err}");
    assert!(
        err.contains("[a]pprove [e]dit [s]kip [r]eject [q]uit"),
        "{err}"
    );
    assert!(
        err.contains("Subject: Querida Dani"),
        "the edited draft is shown again: {err}"
    );
    assert!(
        err.contains("2 approved, 1 skipped, 1 rejected; 1 still to review"),
        "{err}"
    );
    assert_eq!(
        c.states(),
        ["approved", "skipped", "rejected", "approved", "drafted"]
    );
    assert!(c.read("drafts/0004-dani.txt").contains("Querida Dani"));

    // Resuming: the skipped draft comes back, then the one not reached; rejected and approved do not.
    let run = c.run_with_stdin(&["review"], "a\n").success();
    assert!(
        run.stderr().contains("── 1 of 2 ── Bea"),
        "{}",
        run.stderr()
    );
    // End of input means quit: Eva is still to review.
    assert_eq!(
        c.states(),
        ["approved", "approved", "rejected", "approved", "drafted"]
    );
    let run = c.run_with_stdin(&["review"], "").success();
    assert!(
        run.stderr().contains("── 1 of 1 ── Eva"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("warning: no personal note"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("1 still to review"),
        "{}",
        run.stderr()
    );
}

#[test]
fn approval_is_invalidated_by_a_later_edit_in_another_editor() {
    let c = drafted();
    c.run_with_stdin(&["review"], "a\nq\n").success();
    assert_eq!(c.states()[0], "approved");
    let path = c.draft_file(0);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Un abrazo", "Un beso")).unwrap();
    assert_eq!(c.states()[0], "edited");
    let run = c.run_with_stdin(&["review"], "a\nq\n").success();
    assert!(
        run.stderr().contains("── 1 of 5 ── Ana"),
        "{}",
        run.stderr()
    );
    assert!(run.stderr().contains("Un beso"), "{}", run.stderr());
    assert_eq!(c.states()[0], "approved");
    // Approval records the hash of what was shown.
    let last = c
        .read("drafts/journal.jsonl")
        .lines()
        .last()
        .unwrap()
        .to_string();
    let event: serde_json::Value = serde_json::from_str(&last).unwrap();
    assert_eq!(event["event"], "approved");
    assert_eq!(
        event["hash"].as_str().unwrap(),
        sha256(&std::fs::read_to_string(&path).unwrap())
    );
}

fn sha256(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn an_edit_that_breaks_the_draft_is_refused_and_kept_for_another_edit() {
    let c = drafted();
    let run = c
        .cmd(&["review"])
        .env("EDITOR", "sed -i s/^To:.*/To:\\ mallory@example.com/")
        .write_stdin("e\na\nq\n")
        .output()
        .unwrap();
    let run = Run(run).success();
    assert!(
        run.stderr().contains("the edited draft cannot be sent"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("cannot be approved"),
        "{}",
        run.stderr()
    );
    assert!(
        c.read("drafts/0001-ana.txt")
            .contains("mallory@example.com"),
        "the file is kept as left"
    );
    assert_eq!(c.states()[0], "edited");
}

#[test]
fn a_missing_editor_is_a_clear_error_not_vim() {
    let c = drafted();
    let run = c
        .cmd(&["review"])
        .env("VISUAL", "no-such-editor-anywhere --wait")
        .write_stdin("e\nq\n")
        .output()
        .unwrap();
    let run = Run(run).success();
    assert!(
        run.stderr()
            .contains("there is no program `no-such-editor-anywhere`"),
        "{}",
        run.stderr()
    );
    let run = Run(c.cmd(&["review"]).write_stdin("e\nq\n").output().unwrap()).success();
    assert!(
        run.stderr().contains("no editor: set `VISUAL` or `EDITOR`"),
        "{}",
        run.stderr()
    );
    assert_eq!(c.states()[0], "drafted");
}

#[test]
fn nothing_to_review_says_so() {
    let c = Campaign::with(CLIENTS, TEMPLATE);
    c.run_with_stdin(&["review"], "")
        .success()
        .stderr_has("5 clients have no draft yet: run `cartero draft`");
}

#[test]
fn an_editor_that_deletes_the_draft_is_said_not_silently_passed_over() {
    let c = drafted();
    let run = Run(c
        .cmd(&["review"])
        .env("EDITOR", "rm")
        .write_stdin("e\nq\n")
        .output()
        .unwrap())
    .success();
    assert!(
        run.stderr()
            .contains("the draft `drafts/0001-ana.txt` for Ana")
            && run
                .stderr()
                .contains("is gone, so there is nothing to review"),
        "{}",
        run.stderr()
    );
    assert_eq!(c.states()[0], "missing");
}

#[test]
fn an_empty_answer_asks_again_in_words() {
    let c = drafted();
    let run = c.run_with_stdin(&["review"], "\nq\n").success();
    assert!(
        run.stderr().contains("type a, e, s, r or q, then Enter")
            && !run.stderr().contains("`` is not an answer"),
        "{}",
        run.stderr()
    );
}

#[test]
fn the_review_header_fits_80_columns_breaking_between_fields() {
    let c = Campaign::with(
        "email,name,note\nmaria.de.los.angeles@example.com,María de los Ángeles Fernández-Villaverde,la feria\n",
        TEMPLATE,
    );
    c.run(&["draft"]).success();
    let run = c.run_with_stdin(&["review"], "q\n").success();
    let err = run.stderr();
    let header: Vec<&str> = err.lines().filter(|l| l.starts_with("── ")).collect();
    assert!(header.len() >= 2, "{err}");
    assert!(
        header.iter().all(|l| l.chars().count() <= 80),
        "{header:#?}"
    );
    assert!(
        header.contains(
            &"── María de los Ángeles Fernández-Villaverde <maria.de.los.angeles@example.com>"
        ),
        "{header:#?}"
    );
}

//! The whole example campaign in each language, as a person runs it: in Spanish (`LANG=es_ES`)
//! no line says a sentence of the English catalog, in English none of the Spanish one. Every
//! line of every step is checked against what the other language's catalog holds, and the
//! Spanish run against the small words every English sentence is made of, so that a sentence
//! still written in the code (in no catalog) is caught as well.

use std::collections::BTreeSet;

use fluent_syntax::ast;
use fluent_syntax::parser;

use crate::mailbox::{imap_config, USER};
use crate::support::imap::*;
use crate::support::*;

/// The locale a person's terminal has, and nothing of the tests' own choice.
fn in_locale(mut cmd: assert_cmd::Command, lang: &str) -> Run {
    cmd.env_remove("CARTERO_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang);
    Run(cmd.output().unwrap())
}

fn answer(message_id: &str) -> Vec<u8> {
    format!(
        "From: Pepi Ruiz <pepi.ruiz@example.com>\r\nTo: {USER}\r\nSubject: Re: gracias\r\nDate: Mon, 23 Nov 2026 09:00:00 +0100\r\nMessage-ID: <respuesta.1@example.com>\r\nIn-Reply-To: {message_id}\r\n\r\n¡Gracias a ti, Ana!\r\n"
    )
    .into_bytes()
}

/// What a campaign left for scripts: each step's exit code, `status --json`, `history --json`
/// and the journal.
#[derive(Debug, PartialEq)]
struct ForScripts {
    codes: Vec<(String, Option<i32>)>,
    status: String,
    history: String,
    journal: String,
}

/// Every step of the example campaign in `lang` (a `LANG` value): each step's name and what it
/// printed, stdout and stderr. `review` is typed with `keys`.
fn campaign_in(lang: &str, keys: &str) -> (Vec<(String, String)>, ForScripts) {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, "s3cret");
    let c = Campaign::empty();
    let mut seen = vec![];
    let mut codes = vec![];
    let mut step = |name: &str, run: Run| {
        seen.push((
            name.to_string(),
            format!("{}{}", run.stdout(), run.stderr()),
        ));
        codes.push((name.to_string(), run.code()));
        run
    };
    step("init", in_locale(c.cmd(&["init", "."]), lang)).success();
    c.append(
        "cartero.toml",
        &format!("{}{}", smtp.config(), imap_config(&imap, "")),
    );
    step("check", in_locale(c.cmd(&["check"]), lang)).success();
    step(
        "preview",
        in_locale(c.cmd(&["preview", "--out", "preview"]), lang),
    )
    .success();
    step("draft", in_locale(c.cmd(&["draft"]), lang)).success();
    let mut review = c.cmd(&["review"]);
    review.write_stdin(keys);
    step("review", in_locale(review, lang)).success();
    step("status", in_locale(c.cmd(&["status"]), lang)).success();
    step(
        "send --dry-run",
        in_locale(c.cmd(&["send", "--dry-run", "--out", "dry-run"]), lang),
    )
    .success();
    step("send", in_locale(c.cmd(&["send", "--yes"]), lang)).success();
    assert_eq!(smtp.received().len(), 6, "six letters approved, six sent");
    step("status after send", in_locale(c.cmd(&["status"]), lang)).success();
    let pepi = c.status()[0]["message_id"].as_str().unwrap().to_string();
    imap.deliver("INBOX", &answer(&pepi), &[]);
    step("replies", in_locale(c.cmd(&["replies"]), lang)).success();
    step(
        "remember",
        in_locale(
            c.cmd(&[
                "remember",
                "pepi.ruiz@example.com",
                "abrió una tienda en Vigo",
            ]),
            lang,
        ),
    )
    .success();
    step(
        "history",
        in_locale(c.cmd(&["history", "pepi.ruiz@example.com"]), lang),
    )
    .success();
    // And a mistake, as people make them: a client nobody has written to.
    step(
        "history of a stranger",
        in_locale(c.cmd(&["history", "nadie@example.com"]), lang),
    );
    step("help", in_locale(c.cmd(&["send", "--help"]), lang)).success();
    let status = in_locale(c.cmd(&["status", "--json"]), lang)
        .success()
        .stdout();
    let history = in_locale(c.cmd(&["history", "pepi.ruiz@example.com", "--json"]), lang)
        .success()
        .stdout();
    let scrub = |text: String| text.replace(c.dir.path().to_str().unwrap(), "[DIR]");
    let scripts = ForScripts {
        codes,
        status: scrub(status),
        history: scrub(history),
        journal: scrub(c.read("drafts/journal.jsonl")),
    };
    (seen, scripts)
}

/// The text of every message of a language's catalogs, cut at its placeholders: the pieces a
/// person would read word for word.
fn pieces(language: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let file = std::path::Path::new(REPO)
        .join("i18n")
        .join(format!("{language}.ftl"));
    let text = std::fs::read_to_string(file).unwrap();
    let resource = parser::parse(text.as_str()).unwrap();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            if let Some(value) = &m.value {
                pattern_pieces(value, &mut found);
            }
        }
    }
    found
}

fn pattern_pieces(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                for line in value.lines() {
                    found.insert(line.trim().to_string());
                }
            }
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for variant in variants {
                    pattern_pieces(&variant.value, found);
                }
            }
            _ => {}
        }
    }
}

/// A piece that says something in its language: three words or more, not also in the other
/// catalog (`cartero.toml`, `SMTP`, a command's name are the same in both).
fn sentences(language: &str, other: &str) -> Vec<String> {
    let theirs = pieces(other);
    pieces(language)
        .into_iter()
        .filter(|p| {
            p.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
                >= 3
        })
        .filter(|p| !theirs.iter().any(|t| t.contains(p.as_str())))
        .collect()
}

/// Lines of `seen` holding any of `sentences`.
fn lines_with(seen: &[(String, String)], sentences: &[String]) -> Vec<String> {
    let mut wrong = vec![];
    for (step, text) in seen {
        for line in text.lines() {
            if let Some(s) = sentences.iter().find(|s| line.contains(s.as_str())) {
                wrong.push(format!("{step}: {line:?} says {s:?}"));
            }
        }
    }
    wrong
}

/// English's smallest words: a line holding two of them is an English sentence, whichever
/// catalog it came from or none.
const ENGLISH: &[&str] = &[
    "the", "and", "with", "your", "you", "not", "was", "were", "from", "this", "that", "which",
    "will", "have", "has", "are", "is", "of", "to", "in", "for", "each", "every", "or", "by", "it",
    "its", "one", "run", "them", "they", "what", "when", "sent", "send", "client", "clients",
    "draft", "drafts", "letter", "letters", "approved", "next",
];

/// A line without what is the same in every language: `code`, `--flags`, file names.
fn prose(line: &str) -> String {
    let mut out = String::new();
    for (i, part) in line.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
            out.push(' ');
        }
    }
    out.split_whitespace()
        .filter(|w| !w.starts_with('-') && !w.contains('/') && !w.contains('.'))
        .collect::<Vec<_>>()
        .join(" ")
}

fn english_lines(seen: &[(String, String)]) -> Vec<String> {
    let mut wrong = vec![];
    for (step, text) in seen {
        for line in text.lines() {
            let words: Vec<String> = prose(line)
                .split(|c: char| !c.is_alphabetic() && c != '\'')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            let english = words
                .iter()
                .filter(|w| ENGLISH.contains(&w.as_str()))
                .count();
            if english >= 2 {
                wrong.push(format!("{step}: {line:?}"));
            }
        }
    }
    wrong
}

#[test]
fn in_spanish_the_whole_campaign_says_no_english_sentence() {
    // Approve, approve, approve, skip (omitir), reject (rechazar), approve three, then stop
    // (salir): the Spanish keys.
    let (seen, _) = campaign_in("es_ES.UTF-8", "a\na\na\no\nr\na\na\na\nl\n");
    let mut wrong = lines_with(&seen, &sentences("en", "es"));
    wrong.extend(english_lines(&seen));
    assert!(
        wrong.is_empty(),
        "English in a Spanish run:\n{}",
        wrong.join("\n")
    );
    let all: String = seen.iter().map(|(_, t)| t.as_str()).collect();
    assert!(all.contains("Uso:"), "the help is in Spanish");
}

#[test]
fn in_english_the_whole_campaign_says_no_spanish_sentence() {
    let (seen, _) = campaign_in("en_US.UTF-8", "a\na\na\ns\nr\na\na\na\nq\n");
    let wrong = lines_with(&seen, &sentences("es", "en"));
    assert!(
        wrong.is_empty(),
        "Spanish in an English run:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn what_scripts_read_is_the_same_in_both_languages() {
    // The same campaign, the same answers, typed with each language's own keys.
    let (_, spanish) = campaign_in("es_ES.UTF-8", "a\na\na\no\nr\na\na\na\nl\n");
    let (_, english) = campaign_in("en_US.UTF-8", "a\na\na\ns\nr\na\na\na\nq\n");
    assert!(
        english.status.contains("\"state\": \"sent\""),
        "{}",
        english.status
    );
    assert!(english.journal.contains("\"event\":\"approved\""));
    assert_eq!(spanish.codes, english.codes, "exit codes");
    assert_eq!(spanish.status, english.status, "status --json");
    assert_eq!(spanish.history, english.history, "history --json");
    assert_eq!(spanish.journal, english.journal, "the journal");
}

#[test]
fn init_writes_its_settings_with_comments_in_the_person_s_language() {
    for (lang, comment) in [
        (
            "es_ES.UTF-8",
            "# Quién firma las cartas. Pon aquí tu nombre",
        ),
        (
            "en_US.UTF-8",
            "# Who the emails come from. Replace with your own name",
        ),
    ] {
        let c = Campaign::empty();
        in_locale(c.cmd(&["init", "."]), lang).success();
        assert!(c.read("cartero.toml").contains(comment), "{lang}");
        in_locale(c.cmd(&["check"]), lang).success();
    }
}

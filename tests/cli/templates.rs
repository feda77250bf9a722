//! Templates: every problem in them found by `check`, said once, with file, line, column and
//! client; never a panic, never a wrong letter that passes.

use crate::support::*;

const TWO: &str = "email,name,note\na@example.com,Ana,x\nb@example.com,Bea,y\n";

fn check_body(body: &str) -> Run {
    Campaign::with(TWO, &format!("Subject: hola\n\nHola,\n{body}\n"))
        .run(&["check"])
        .failure()
}

#[test]
fn date_filter_with_a_format_that_is_not_text_is_an_error_not_a_silent_guess() {
    check_body("{{ today | date(format=3) }}")
        .stderr_has("error: templates/t.txt:4:12, client `Ana`")
        .stderr_has("`format=` of the `date` filter takes text in quotes")
        .stderr_has("not the number `3`");
    check_body("{{ today | date(lang=3) }}")
        .stderr_has("error: templates/t.txt:4:12, client `Ana`")
        .stderr_has("`lang=` of the `date` filter takes text in quotes");
}

#[test]
fn date_filter_with_an_unknown_language_or_argument_is_an_error() {
    check_body("{{ today | date(lang=\"xx\") }}")
        .stderr_has("templates/t.txt:4:12")
        .stderr_has("`lang=\"xx\"` is not a language the `date` filter knows: use one of es, en");
    check_body("{{ today | date(fromat=\"%Y\") }}")
        .stderr_has("templates/t.txt:4:12")
        .stderr_has("the `date` filter takes only `format` and `lang`, not `fromat`");
}

#[test]
fn date_filter_on_a_number_or_nothing_says_it_needs_a_date() {
    check_body("{{ year | date }}")
        .stderr_has("error: templates/t.txt:4:11, client `Ana`")
        .stderr_has("the `date` filter needs a date, such as `today` or a column holding 2026-11-22, not the number `2026`");
    check_body("{{ 3.5 | date }}").stderr_has("not the number `3.5`");
    check_body("{{ none | date }}").stderr_has("not an empty value");
    check_body("{{ [1, 2] | date }}").stderr_has("not a list");
}

#[test]
fn date_filter_on_a_string_that_is_not_a_date_names_it() {
    check_body("{{ name | date }}")
        .stderr_has("error: templates/t.txt:4:11, client `Ana`")
        .stderr_has("`Ana` is not a date the `date` filter understands; write dates as 2026-11-22");
    Campaign::with(
        "email,name,note,since\na@example.com,Ana,x,2019-02-30\n",
        "Subject: hola\n\nDesde {{ since | date }}\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has("templates/t.txt:3:18, client `Ana`: `2019-02-30` is not a date");
}

#[test]
fn date_filter_with_good_arguments_still_works() {
    let c = Campaign::with(
        "email,name,note,language\na@example.com,Ana,x,es\n",
        "Subject: hola\n\n{{ today | date }} / {{ today | date(lang=\"en\", format=\"%B\") }}\n",
    );
    c.run(&["check"]).success();
    c.run(&["preview", "--out", "out"]).success();
    let emls = emls(&c.path("out"));
    let m = parse(&emls[0].1);
    assert_eq!(
        m.body_text(0).unwrap().trim(),
        "22 de noviembre de 2026 / November"
    );
}

/// `n` clients, all with a note.
fn many(n: usize, template_column: Option<&str>) -> String {
    let mut csv = String::from(if template_column.is_some() {
        "email,name,note,template\n"
    } else {
        "email,name,note\n"
    });
    for i in 0..n {
        csv.push_str(&format!("c{i}@example.com,Client {i},nota {i}"));
        if let Some(t) = template_column {
            csv.push_str(&format!(",{t}"));
        }
        csv.push('\n');
    }
    csv
}

#[test]
fn no_template_is_said_once_not_once_per_client() {
    let c = Campaign::with(&many(300, None), "Subject: x\n\nhola\n");
    c.write(
        "cartero.toml",
        "[sender]\nname = \"Ana\"\nemail = \"ana@example.com\"\n",
    );
    let run = c
        .run(&["check"])
        .failure()
        .stderr_has("error: cartero.toml: no template: add `template = \"templates/year-end.txt\"` under `[campaign]` in `cartero.toml`, or pass `--template templates/year-end.txt`; `templates/` holds t.txt");
    assert_eq!(
        run.stderr().matches("error:").count(),
        1,
        "{}",
        run.stderr()
    );
}

#[test]
fn no_template_and_no_config_says_to_create_it_without_naming_a_missing_file() {
    let c = Campaign::with(&many(300, None), "Subject: x\n\nhola\n");
    std::fs::remove_file(c.path("cartero.toml")).unwrap();
    let run = c
        .run(&["--from", "Ana <ana@example.com>", "check"])
        .failure()
        .stderr_has("error: clients.csv: no template, and there is no `cartero.toml` to name one: create `cartero.toml`");
    assert_eq!(
        run.stderr().matches("error:").count(),
        1,
        "{}",
        run.stderr()
    );
    assert!(
        !run.stderr().contains("error: cartero.toml"),
        "{}",
        run.stderr()
    );
    // Nor for the sender.
    let run = c.run(&["--template", "templates/t.txt", "check"]).failure();
    assert!(
        !run.stderr().contains("error: cartero.toml"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr()
            .contains("no sender, and there is no `cartero.toml`"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_missing_template_column_file_is_said_once_naming_its_clients() {
    let mut csv = many(300, Some("otra.txt"));
    csv.push_str("z@example.com,Zoe,nota,\n");
    let run = Campaign::with(&csv, "Subject: x\n\nhola\n")
        .run(&["check"])
        .failure()
        .stderr_has("error: clients.csv:2, column `template`, client `Client 0`: there is no template `templates/otra.txt`, and 300 clients name it (`Client 0`, `Client 1`, `Client 2`, `Client 3`, `Client 4` and 295 more): create it, or correct the `template` column; `templates/` holds t.txt");
    assert_eq!(
        run.stderr().matches("error:").count(),
        1,
        "{}",
        run.stderr()
    );
}

#[test]
fn a_missing_default_template_is_said_once() {
    let c = Campaign::with(&many(300, None), "Subject: x\n\nhola\n");
    let run = c
        .run(&["--template", "templates/nope.txt", "check"])
        .failure()
        .stderr_has("error: templates/nope.txt: there is no such template: create it, or correct `template` under `[campaign]` in `cartero.toml` (or `--template`)");
    assert_eq!(
        run.stderr().matches("error:").count(),
        1,
        "{}",
        run.stderr()
    );
}

#[test]
fn a_template_error_the_same_for_every_client_is_said_once_naming_them() {
    let run = Campaign::with(&many(300, None), "Subject: x\n\n{{ today | date(format=3) }}\n")
        .run(&["check"])
        .failure()
        .stderr_has("error: templates/t.txt:3:12, client `Client 0`")
        .stderr_has("= the same for 299 other clients: `Client 1`, `Client 2`, `Client 3`, `Client 4`, `Client 5` and 294 others");
    assert_eq!(
        run.stderr().matches("error:").count(),
        1,
        "{}",
        run.stderr()
    );
    let run = Campaign::with(&many(3, None), "Subject: x\n\n{{ nickname }}\n")
        .run(&["check"])
        .failure()
        .stderr_has("= the same for 2 other clients: `Client 1`, `Client 2`");
    assert_eq!(
        run.stderr().matches("error:").count(),
        1,
        "{}",
        run.stderr()
    );
}

#[test]
fn a_syntax_error_in_a_template_column_file_is_said_once() {
    let c = Campaign::with(&many(300, Some("otra.txt")), "Subject: x\n\nhola\n");
    c.write("templates/otra.txt", "Subject: x\n\n{% if %}\n");
    let run = c
        .run(&["check"])
        .failure()
        .stderr_has("error: templates/otra.txt:3:");
    assert_eq!(
        run.stderr().matches("error:").count(),
        1,
        "{}",
        run.stderr()
    );
}

#[test]
fn a_campaign_language_cartero_does_not_know_is_an_error_naming_the_config() {
    let c = Campaign::with(TWO, "Subject: hola\n\nHola, {{ today | date }}\n");
    c.append("cartero.toml", "language = \"spanish\"\n");
    c.run(&["check"]).failure().stderr_has(
        "cartero.toml: `language = \"spanish\"` under `[campaign]` is not a language cartero writes dates in: use one of es, en, pt, fr, it, de, ca",
    );
    // Written in capitals, it is still Spanish.
    c.write(
        "cartero.toml",
        "[sender]\nname = \"Ana\"\nemail = \"ana@example.com\"\n\n[campaign]\ntemplate = \"templates/t.txt\"\nlanguage = \"ES\"\n",
    );
    c.run(&["draft"]).success();
    let draft = std::fs::read_to_string(c.draft_file(0)).unwrap();
    assert!(draft.contains("Hola, 22 de noviembre de 2026"), "{draft}");
}

#[test]
fn a_missing_language_variant_is_a_warning_said_once_naming_its_clients() {
    let c = Campaign::with(
        "email,name,note,language\na@example.com,Ana,x,fr\nb@example.com,Bea,y,fr\nc@example.com,Cy,z,es\n",
        "",
    );
    c.write(
        "cartero.toml",
        "[sender]\nname = \"Ana\"\nemail = \"ana@example.com\"\n\n[campaign]\ntemplate = \"templates/year-end.es.txt\"\n",
    );
    c.write(
        "templates/year-end.es.txt",
        "Subject: hola\n\nHola {{ name }}\n",
    );
    let run = c
        .run(&["check"])
        .success()
        .stderr_has("warning: templates/year-end.fr.txt: there is no such template, so 2 clients written to in `fr` (`Ana`, `Bea`) get `year-end.es.txt` instead: create `templates/year-end.fr.txt` for them");
    assert_eq!(
        run.stderr().matches("warning:").count(),
        1,
        "{}",
        run.stderr()
    );
}

/// A campaign whose `t.txt` includes `firma.txt`, a letter template another client uses.
fn including(rows: &str) -> Campaign {
    let c = Campaign::with(
        &format!("email,name,note,template\n{rows}"),
        "Subject: hola\n\nHola {{ name }}\n{% include \"firma.txt\" %}",
    );
    c.write(
        "templates/firma.txt",
        "Subject: firma\n\nAna, de la tienda\n",
    );
    c
}

#[test]
fn an_include_of_another_clients_template_works_whatever_the_row_order() {
    let mut seen = Vec::new();
    for rows in [
        "a@example.com,Ana,x,t.txt\nb@example.com,Bea,y,firma.txt\n",
        "b@example.com,Bea,y,firma.txt\na@example.com,Ana,x,t.txt\n",
    ] {
        let c = including(rows);
        c.run(&["check"]).success();
        c.run(&["preview", "--out", "out"]).success();
        let mut bodies: Vec<String> = emls(&c.path("out"))
            .iter()
            .map(|(_, b)| parse(b).body_text(0).unwrap().into_owned())
            .collect();
        bodies.sort();
        let ana = bodies.iter().find(|b| b.starts_with("Hola Ana")).unwrap();
        assert!(ana.contains("Ana, de la tienda"), "{bodies:?}");
        seen.push(bodies);
    }
    assert_eq!(seen[0], seen[1]);
}

#[test]
fn an_include_of_a_plain_file_or_an_extends_works_without_any_client_naming_it() {
    let c = Campaign::with(
        "email,name,note\na@example.com,Ana,x\n",
        "Subject: hola\n\nHola {{ name }}\n{% include \"parts/firma.txt\" %}",
    );
    c.write("templates/parts/firma.txt", "-- \n{{ sender.name }}\n");
    c.run(&["check"]).success();
    let c = Campaign::with(
        "email,name,note\na@example.com,Ana,x\n",
        "Subject: hola\n\n{% extends \"base.txt\" %}{% block saludo %}Hola {{ name }}{% endblock %}",
    );
    c.write(
        "templates/base.txt",
        "{% block saludo %}{% endblock %}\nUn abrazo\n",
    );
    c.run(&["preview", "--out", "out"]).success();
    let m = parse(&emls(&c.path("out"))[0].1)
        .body_text(0)
        .unwrap()
        .into_owned();
    assert!(m.contains("Hola Ana") && m.contains("Un abrazo"), "{m}");
}

#[test]
fn an_include_of_a_missing_or_broken_file_names_it() {
    let c = Campaign::with(
        "email,name,note\na@example.com,Ana,x\n",
        "Subject: hola\n\nHola\n{% include \"nada.txt\" %}\n",
    );
    c.run(&["check"])
        .failure()
        .stderr_has("error: templates/t.txt:4:")
        .stderr_has("Unknown template `nada.txt`: there is no `templates/nada.txt`; create it, or correct the name");
    c.write("templates/nada.txt", "{{ oops }\n");
    c.run(&["check"])
        .failure()
        .stderr_has("error: templates/nada.txt:1:");
}

fn subject(text: &str) -> Campaign {
    Campaign::with(TWO, &format!("Subject: {text}\n\nHola {{{{ name }}}}\n"))
}

#[test]
fn a_subject_too_long_for_one_line_is_an_error_said_once() {
    let run = subject(&"a".repeat(1000))
        .run(&["check"])
        .failure()
        .stderr_has("error: templates/t.txt:1, client `Ana`: the subject has 1000 characters without a space, more than a mail server takes on one line")
        .stderr_has("the same for 1 other client: `Bea`");
    assert_eq!(
        run.stderr().matches("error:").count(),
        1,
        "{}",
        run.stderr()
    );
}

#[test]
fn a_long_subject_is_a_warning_and_every_line_sent_fits_the_rfc() {
    for text in [
        "palabra ".repeat(40),
        "á".repeat(400),
        format!("Hola {}", "x".repeat(300)),
    ] {
        let c = subject(&text);
        let run = c
            .run(&["check"])
            .success()
            .stderr_has("warning: templates/t.txt:1, client `Ana`: the subject is longer than 200 characters: mail apps cut it short");
        assert_eq!(
            run.stderr().matches("longer than 200").count(),
            1,
            "{}",
            run.stderr()
        );
        c.run(&["preview", "--out", "out"]).success();
        for (_, bytes) in emls(&c.path("out")) {
            let head = &bytes[..bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap()];
            for line in head.split(|&b| b == b'\n') {
                assert!(line.len() <= 998, "{}", String::from_utf8_lossy(line));
            }
            assert_eq!(parse(&bytes).subject().unwrap(), text.trim());
        }
    }
}

#[test]
fn a_subject_or_reply_to_that_comes_out_empty_is_an_error() {
    Campaign::with(
        "email,name,note,apodo\na@example.com,Ana,x,\n",
        "Subject: {{ apodo | default(value=\"\") }}\n\nHola\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has(
        "error: templates/t.txt:1, client `Ana`: the subject came out empty for this client",
    );
    Campaign::with(
        "email,name,note,gestor\na@example.com,Ana,x,\n",
        "Subject: hola\nReply-To: {{ gestor | default(value=\"\") }}\n\nHola\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has(
        "error: templates/t.txt:2, client `Ana`: the `Reply-To:` came out empty for this client",
    );
    Campaign::with(
        "email,name,note,gestor\na@example.com,Ana,x,nadie\n",
        "Subject: hola\nReply-To: {{ gestor }}\n\nHola\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has("error: templates/t.txt:2, client `Ana`: the rendered `Reply-To:` is not usable");
}

#[test]
fn a_letter_that_comes_out_empty_is_an_error_not_an_empty_email() {
    for template in [
        "Subject: hola\n\n",
        "Subject: hola\n\n{% if false %}x{% endif %}\n  \n",
    ] {
        let c = Campaign::with(TWO, template);
        let run = c
            .run(&["check"])
            .failure()
            .stderr_has("error: templates/t.txt:3, client `Ana`: the letter came out empty for this client: an empty letter is never sent");
        assert_eq!(
            run.stderr().matches("error:").count(),
            1,
            "{}",
            run.stderr()
        );
        c.run(&["preview", "--out", "out"]).failure();
    }
}

#[test]
fn an_unclosed_block_tag_is_named_with_its_line() {
    check_body("{% if note %}\n{{ note }}\n\nUn abrazo")
        .stderr_has("error: templates/t.txt:4:1")
        .stderr_has("`{% if … %}` on line 4 is never closed: add `{% endif %}`");
    check_body("{% for l in [1] %}\n{% if note %}{{ note }}\n{% endfor %}")
        .stderr_has("templates/t.txt:6:1")
        .stderr_has("`{% endfor %}` comes while `{% if … %}` from line 5 is still open");
    check_body("hola\n{% component m() %}x")
        .stderr_has("`{% component … %}` on line 5 is never closed");
}

#[test]
fn spanish_header_names_are_read_and_a_misspelt_one_gets_a_suggestion() {
    Campaign::with(
        TWO,
        "Asunto: Hola {{ name }}\nResponder a: yo@example.com\n\n{{ note }}\n",
    )
    .run(&["check"])
    .success();
    Campaign::with(TWO, "Asunto: Hola\nCCO: jefe@example.com\n\n{{ note }}\n")
        .run(&["check"])
        .failure()
        .stderr_has("templates/t.txt:2")
        .stderr_has("a template cannot set `CCO:`");
    Campaign::with(TWO, "Subjet: Hola\n\n{{ note }}\n")
        .run(&["check"])
        .failure()
        .stderr_has("unknown header `Subjet:` (did you mean `Subject:`?)");
}

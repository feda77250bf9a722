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

//! Bad input: a clear error naming the file, the line, the column and the client; exit 1; no panic.

use crate::support::*;

const TEMPLATE: &str = "Subject: Hola {{ first_name }}\n\n{{ note }}\n";

#[test]
fn missing_client_file() {
    let c = Campaign::with("", TEMPLATE);
    std::fs::remove_file(c.path("clients.csv")).unwrap();
    c.run(&["check"])
        .failure()
        .stderr_has("failed to read the client list `clients.csv`");
}

#[test]
fn no_email_column() {
    Campaign::with("direccion,name\nx@example.com,X\n", TEMPLATE)
        .run(&["check"])
        .failure()
        .stderr_has("clients.csv:1, column `email`: there is no `email` column (or `correo`); the first line names these columns: direccion, name");
}

#[test]
fn invalid_address_names_its_line() {
    Campaign::with("email,name,note\na@example.com,Ana,x\npepi@@example,Pepi,y\n", TEMPLATE)
        .run(&["check"])
        .failure()
        .stderr_has("error: clients.csv:3, column `email`, client `Pepi`: `pepi@@example` is not a valid email address");
}

#[test]
fn duplicate_address_names_both_lines() {
    Campaign::with("email,name,note\nana@example.com,Ana,x\nbo@example.com,Bo,y\nANA@example.com,Ana Two,z\n", TEMPLATE)
        .run(&["check"])
        .failure()
        .stderr_has("clients.csv:4, column `email`, client `Ana Two`: `ANA@example.com` is also on line 2: that person would get two emails");
}

#[test]
fn crlf_files_report_the_right_line() {
    Campaign::with(
        "email,name\r\na@example.com,A\r\nb@example.com,B\r\nbad,C\r\n",
        TEMPLATE,
    )
    .run(&["check"])
    .failure()
    .stderr_has("clients.csv:4, column `email`, client `C`");
}

#[test]
fn template_with_bcc_is_refused_with_why() {
    Campaign::with(
        "email,name,note\na@example.com,Ana,x\n",
        "Subject: hola\nBcc: boss@example.com\n\nbody\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has(
        "templates/t.txt:2: a template cannot set `Bcc:`: each email goes to its client alone",
    );
}

#[test]
fn template_syntax_error_names_file_line_and_column() {
    Campaign::with(
        "email,name,note\na@example.com,Ana,x\n",
        "Subject: hola\n\nHola {{ name }},\n\n{% if note %}{{ note }\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has("error: templates/t.txt:5:");
}

#[test]
fn undefined_variable_names_it_the_client_and_what_is_available() {
    let run = Campaign::with(
        "email,name,note\na@example.com,Ana,x\n",
        "Subject: hola\n\nHola {{ nickname }}\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has("templates/t.txt:3:9, client `Ana`")
    .stderr_has("`nickname` is not defined");
    assert!(
        run.stderr().contains("first_name") && run.stderr().contains("note"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_missing_note_used_without_default_fails_naming_the_client() {
    Campaign::with(
        "email,name,note\na@example.com,Ana,x\nb@example.com,Bea,\n",
        TEMPLATE,
    )
    .run(&["check"])
    .failure()
    .stderr_has("client `Bea`")
    .stderr_has("`note` is not defined");
}

#[test]
fn affinity_outside_0_to_10() {
    Campaign::with("email,name,affinity\na@example.com,Ana,11\n", TEMPLATE)
        .run(&["check"])
        .failure()
        .stderr_has("clients.csv:2, column `affinity`, client `Ana`: affinity `11` is not a whole number from 0 (hated) to 10 (loved)");
}

#[test]
fn unreadable_xlsx() {
    let c = Campaign::with("", TEMPLATE);
    c.write("clients.xlsx", "this is not a spreadsheet");
    c.run(&["--clients", "clients.xlsx", "check"])
        .failure()
        .stderr_has("failed to read `clients.xlsx` as a spreadsheet");
}

#[test]
fn every_problem_is_reported_at_once_and_preview_writes_nothing() {
    let c = Campaign::with(
        "email,name,affinity,note\nbad,Ana,3,x\nb@example.com,Bea,12,y\nc@example.com,,5,z\n",
        TEMPLATE,
    );
    let run = c.run(&["check"]).failure();
    assert_eq!(
        run.stderr().matches("error:").count(),
        3,
        "{}",
        run.stderr()
    );
    c.run(&["preview", "--out", "out"])
        .failure()
        .stderr_has("nothing was written");
    assert!(!c.path("out").exists());
}

#[test]
fn unknown_config_key() {
    let c = Campaign::with("email,name\na@example.com,A\n", TEMPLATE);
    c.append("cartero.toml", "tempalte = \"x\"\n");
    c.run(&["check"])
        .failure()
        .stderr_has("cartero.toml")
        .stderr_has("tempalte");
}

#[test]
fn no_sender_says_how_to_give_one() {
    let c = Campaign::with("email,name,note\na@example.com,A,hola\n", TEMPLATE);
    c.write(
        "cartero.toml",
        "[campaign]\nclients = \"clients.csv\"\ntemplate = \"templates/t.txt\"\n",
    );
    c.run(&["preview", "--out", "out"])
        .failure()
        .stderr_has("--from");
    c.run(&["--from", "Ana <ana@example.com>", "preview", "--out", "out"])
        .success();
    let emls = emls(&c.path("out"));
    assert_eq!(emls.len(), 1);
    let m = parse(&emls[0].1);
    let from = m.from().unwrap().first().unwrap();
    assert_eq!(from.address(), Some("ana@example.com"));
    assert_eq!(from.name(), Some("Ana"));
}

#[test]
fn usage_errors_exit_2() {
    let c = Campaign::empty();
    assert_eq!(c.run(&["preview"]).code(), Some(2));
    assert_eq!(c.run(&["frobnicate"]).code(), Some(2));
}

#[test]
fn an_unclosed_quote_names_the_line_it_opens_on() {
    Campaign::with("email,name,note\na@example.com,Ana,ok\nb@example.com,Bea,\"no closing quote\nc@example.com,Cy,x\n", TEMPLATE)
        .run(&["check"])
        .failure()
        .stderr_has("clients.csv:3: a quote `\"` opened on this line is never closed");
}

#[test]
fn a_row_with_leftover_cells_is_one_error_and_the_client_is_left_out() {
    let run = Campaign::with("email,name,note\na@example.com,Ana,Gracias, de verdad\n", TEMPLATE)
        .run(&["check"])
        .failure()
        .stderr_has("clients.csv:2: this row has 4 cells but the first line names 3 columns: `de verdad` left over")
        .stdout_has("0 clients");
    assert_eq!(
        run.stderr().matches("error:").count(),
        1,
        "{}",
        run.stderr()
    );
}

#[test]
fn an_unknown_filter_names_file_line_and_column() {
    Campaign::with(
        "email,name,note\na@example.com,Ana,x\n",
        "Subject: hola\n\nHola {{ name | shout }}\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has("error: templates/t.txt:3:16: Unknown filter `shout`");
}

#[test]
fn an_absurd_rate_is_an_error_naming_the_key_not_a_panic() {
    let c = Campaign::with("email,name,note\na@example.com,Ana,x\n", TEMPLATE);
    c.append(
        "cartero.toml",
        "\n[smtp]\nhost = \"127.0.0.1\"\nsecurity = \"none\"\nrate = \"1e-20/s\"\n",
    );
    for command in ["check", "status", "draft"] {
        c.run(&[command])
            .failure()
            .stderr_has("failed to read `[smtp]` in `cartero.toml`")
            .stderr_has("`rate = \"1e-20/s\"` is out of range")
            .stderr_has("\"1/day\"");
    }
}

#[test]
fn huge_retries_are_an_error_naming_the_key() {
    let c = Campaign::with("email,name,note\na@example.com,Ana,x\n", TEMPLATE);
    c.append(
        "cartero.toml",
        "\n[smtp]\nhost = \"127.0.0.1\"\nsecurity = \"none\"\nretries = 4000000000\n",
    );
    c.run(&["check"])
        .failure()
        .stderr_has("`retries = 4000000000` is out of range");
}

#[test]
fn a_template_not_in_utf8_says_to_save_it_as_utf8() {
    let c = Campaign::with("email,name,note\na@example.com,Ana,x\n", "");
    c.write("templates/t.txt", b"Subject: hola\n\nJos\xe9\n");
    c.run(&["check"])
        .failure()
        .stderr_has("templates/t.txt: failed to read the template: it is not saved as UTF-8");
}

#[test]
fn a_bad_date_format_is_a_template_error_naming_the_line_not_a_panic() {
    Campaign::with(
        "email,name,note\na@example.com,Ana,x\n",
        "Subject: hola\n\nHola {{ name }},\nhoy es {{ today | date(format=\"%Q %\") }}\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has("error: templates/t.txt:4:")
    .stderr_has("client `Ana`")
    .stderr_has("`format=\"%Q %\"` is not a date format");
}

#[test]
fn a_sender_name_without_email_names_the_config_file() {
    let c = Campaign::with("email,name,note\na@example.com,Ana,x\n", TEMPLATE);
    c.write("otro.toml", "[sender]\nname = \"Ana\"\n");
    c.run(&["--config", "otro.toml", "check"])
        .failure()
        .stderr_has("`[sender]` in `otro.toml` has a `name` but no `email`");
}

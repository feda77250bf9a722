//! `check` finds, once, what review or send would refuse later.

use crate::support::*;

const TEMPLATE: &str = "Subject: Hola {{ first_name }}\n\n{{ note }}\n";

#[test]
fn an_address_review_or_send_would_refuse_is_refused_by_check() {
    let run = Campaign::with(
        "email,name,note\nana@[192.168.1.10],Ana,la feria\nbo@intranet,Bo,el viaje\ncy@example.com,Cy,la nave\n",
        TEMPLATE,
    )
    .run(&["check"])
    .failure();
    let run = run
        .stderr_has("clients.csv:2, column `email`, client `Ana`: `ana@[192.168.1.10]` sends to a machine's number")
        .stderr_has("clients.csv:3, column `email`, client `Bo`: `bo@intranet` has no dot after the `@`");
    assert_eq!(
        run.stderr().matches("error:").count(),
        2,
        "{}",
        run.stderr()
    );
}

#[test]
fn one_address_in_two_spellings_of_its_domain_is_a_duplicate() {
    Campaign::with(
        "email,name,note\nana@münchen.de,Ana,la feria\nANA@xn--mnchen-3ya.de,Ana M.,el viaje\n",
        TEMPLATE,
    )
    .run(&["check"])
    .failure()
    .stderr_has(
        "clients.csv:3, column `email`, client `Ana M.`: `ANA@xn--mnchen-3ya.de` is also on line 2",
    );
}

#[test]
fn a_domain_in_its_own_letters_goes_in_ascii_to_any_server() {
    let server = ScriptedSmtp::start(Script::default()); // no SMTPUTF8
    let c = Campaign::with("email,name,note\nana@münchen.de,Ana,la feria\n", TEMPLATE);
    c.append("cartero.toml", &server.config());
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\n").success();
    c.run(&["send", "--yes"]).success().stdout_has("sent 1");
    assert_eq!(server.count_to("ana@xn--mnchen-3ya.de"), 1);
    // Named either way, it is the same client.
    c.run(&["send", "--yes", "--resend", "ana@MÜNCHEN.de"])
        .failure()
        .stderr_has("was sent and accepted by the server");
}

#[test]
fn columns_hidden_by_built_ins_are_warned_once_each_not_per_client() {
    let mut csv = String::from("email,name,note,circle,year\n");
    for i in 0..50 {
        csv.push_str(&format!("c{i}@example.com,Cliente {i},nota {i},VIP,2019\n"));
    }
    let run = Campaign::with(&csv, TEMPLATE).run(&["check"]).success();
    let stderr = run.stderr();
    assert_eq!(
        stderr.matches("templates cannot see this column").count(),
        2,
        "{stderr}"
    );
    assert!(stderr.contains("clients.csv:1, column `circle`: templates cannot see this column: `{{ circle }}` is `loved`, `ignored` or `hated`"), "{stderr}");
    assert!(
        stderr.contains("rename it, for example to `my_year`"),
        "{stderr}"
    );
}

#[test]
fn a_letter_whose_subject_renders_empty_is_one_error_at_check_not_at_review() {
    let run = Campaign::with(
        "email,name,note,apodo\nana@example.com,Ana,la feria,\nbo@example.com,Bo,el viaje,Bobby\n",
        "Subject: {% if apodo %}{{ apodo }}{% endif %}\n\n{{ note }}\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has("templates/t.txt:1, client `Ana`: the subject came out empty for this client");
    assert_eq!(
        run.stderr().matches("error:").count(),
        1,
        "{}",
        run.stderr()
    );
}

#[test]
fn check_on_a_campaign_with_every_kind_of_problem_says_each_once() {
    let mut csv: Vec<u8> = b"email,name,note,circle,template,lang_fecha\n".to_vec();
    csv.extend_from_slice(b"ana@example.com,Ana,La paella de junio,VIP,,es\n");
    // One Windows-1252 byte in an otherwise UTF-8 file: only this line is read so.
    csv.extend_from_slice(b"bea@example.com,Bea,El caf\xe9 de la esquina,,,es\n");
    csv.extend_from_slice("ana@münchen.de,Ana M.,La feria,,,es\n".as_bytes());
    csv.extend_from_slice(b"ana@xn--mnchen-3ya.de,Ana Bis,El viaje,,,es\n");
    csv.extend_from_slice(b"ip@[10.0.0.1],Ip,Nota,,,es\n");
    for i in 0..40 {
        csv.extend_from_slice(
            format!("c{i}@example.com,Cliente {i},Nota {i},,otra.txt,es\n").as_bytes(),
        );
    }
    let c = Campaign::with(
        std::str::from_utf8(&csv).unwrap_or_default(),
        "Subject: Hola {{ first_name }}\n\n{{ note }}\n{{ today | date(format=3) }}\n",
    );
    c.write("clients.csv", &csv);
    let run = c.run(&["check"]).failure();
    let stderr = run.stderr();
    for (what, text) in [
        (
            "bad byte",
            "clients.csv:3, client `Bea`: this line is not UTF-8",
        ),
        ("IP literal", "`ip@[10.0.0.1]` sends to a machine's number"),
        ("IDN duplicate", "`ana@xn--mnchen-3ya.de` is also on line 4"),
        (
            "hidden column",
            "column `circle`: templates cannot see this column",
        ),
        ("missing template", "otra.txt"),
        (
            "date filter",
            "`format=` of the `date` filter takes text in quotes",
        ),
    ] {
        assert_eq!(
            stderr.matches(text).count(),
            1,
            "{what} said once:\n{stderr}"
        );
    }
    assert!(
        stderr.contains("José") || !stderr.contains("JosÃ"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn fifty_clients_with_no_note_and_a_name_only_template_are_two_warnings_not_a_hundred() {
    let mut csv = String::from("email,name\n");
    for i in 1..=50 {
        csv.push_str(&format!("c{i}@example.com,Cliente {i}\n"));
    }
    let template = "Subject: Hola {{ first_name }}\n\nQuerido {{ first_name }}:\n\nTe escribo para desearte un feliz año nuevo y agradecerte la confianza que has depositado en nosotros durante estos doce meses. Ha sido un placer trabajar contigo.\n\nUn abrazo de todo el equipo.\n";
    let run = Campaign::with(&csv, template)
        .run(&["check"])
        .success()
        .stdout_has("without a personal note: 50 (Cliente 1, Cliente 2")
        .stdout_has(", and 40 more)");
    let stderr = run.stderr();
    assert_eq!(stderr.matches("warning:").count(), 2, "{stderr}");
    assert!(
        stderr.contains("50 clients have no personal note"),
        "{stderr}"
    );
    assert!(
        stderr.contains("50 letters read like a mass mail"),
        "{stderr}"
    );
}

#[test]
fn a_draft_edited_into_something_unsendable_is_found_by_check() {
    let c = Campaign::with(
        "email,name,note\nana@example.com,Ana,la feria\nbo@example.com,Bo,el viaje\n",
        TEMPLATE,
    );
    c.run(&["draft"]).success();
    c.write(
        "drafts/0001-ana.txt",
        "To: Ana <ana@example.com>\nSubject: Hola Ana\n\n\n",
    );
    c.write(
        "drafts/0002-bo.txt",
        "To: Bo <bo@example.com>\nBcc: otro@example.com\nSubject: Hola\n\nHola\n",
    );
    c.run(&["check"])
        .failure()
        .stderr_has("drafts/0001-ana.txt, client `Ana`: this draft cannot be approved or sent as it is: there is no letter below the blank line")
        .stderr_has("drafts/0002-bo.txt, client `Bo`: this draft cannot be approved or sent as it is: `Bcc:` is not allowed");
    // Nor can it be approved.
    c.run_with_stdin(&["review"], "a\nq\n")
        .success()
        .stderr_has("cannot be approved");
}

#[test]
fn the_same_bad_value_on_many_rows_is_one_error_with_where_else() {
    let mut csv = String::from("email,name,note,language\n");
    for i in 1..=40 {
        csv.push_str(&format!("c{i}@example.com,Cliente {i},Nota {i},spanish\n"));
    }
    let run = Campaign::with(&csv, TEMPLATE).run(&["check"]).failure();
    let stderr = run.stderr();
    assert_eq!(stderr.matches("language `spanish`").count(), 1, "{stderr}");
    assert!(
        stderr.contains("clients.csv:2, column `language`, client `Cliente 1`: language `spanish` is not one cartero writes dates in"),
        "{stderr}"
    );
    assert!(
        stderr.contains("  the same on line 3 (Cliente 2), line 4 (Cliente 3), line 5 (Cliente 4), line 6 (Cliente 5), line 7 (Cliente 6), and 34 more"),
        "{stderr}"
    );
}

#[test]
fn an_empty_cell_is_said_in_words_not_in_tera_types() {
    let run = Campaign::with(
        "email,name,note,city\nana@example.com,Ana,la feria,\nbo@example.com,Bo,el viaje,Vigo\n",
        "Subject: Hola {{ name }}\n\n{{ note }} en {{ city | upper }}\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has("client `Ana`: `city` is empty for this client, and what follows needs text")
    .stderr_has("`{{ city | default(value=\"…\") | … }}`");
    assert!(!run.stderr().contains("undefined"), "{}", run.stderr());
    Campaign::with(
        "email,name,note,city\nana@example.com,Ana,la feria,\n",
        "Subject: Hola {{ name }}\n\n{{ note }} en {{ city }}\n",
    )
    .run(&["check"])
    .failure()
    .stderr_has(
        "`city` is not defined for this client: its cell is empty, or there is no such column",
    );
}

#[test]
fn check_summarises_circles_notes_and_mass_mail() {
    let c = Campaign::example();
    c.run(&["check"])
        .success()
        .stdout_has("13 clients")
        .stdout_has("5 loved, 5 ignored, 3 hated")
        .stdout_has("without a personal note: 1 (Luis Gómez)")
        .stdout_has("1 of 13 emails read like a mass mail")
        .stderr_has("client `Luis Gómez`: no personal note");
}

#[test]
fn check_output_on_the_example() {
    let c = Campaign::example();
    let run = c.run(&["check"]).success();
    insta::assert_snapshot!(format!(
        "--- stdout\n{}--- stderr\n{}",
        run.stdout(),
        run.stderr()
    ));
}

#[test]
fn the_summary_counts_errors_in_words_not_error_s() {
    let run = Campaign::with(
        "email,name,note\nana@intranet,Ana,la feria\ncy@example.com,Cy,la nave\n",
        TEMPLATE,
    )
    .run(&["check"])
    .failure();
    let run = run.stdout_has("1 error, ");
    assert!(!run.stdout().contains("(s)"), "{}", run.stdout());
    Campaign::with("email,name,note\ncy@example.com,Cy,la nave\n", TEMPLATE)
        .run(&["check"])
        .success()
        .stdout_has("no errors, ");
}

#[test]
fn a_problem_names_the_column_as_the_list_calls_it() {
    let c = Campaign::with(
        "email,nombre,nota\nana@example.com,Ana Ruiz,\nbo@example.com,Bo Li,La feria de Zaragoza\n",
        "Subject: Hola\n\nHola {{ first_name }}, {{ note | default(value=\"\") }}\n",
    );
    let err = c.run(&["check"]).stderr();
    assert!(
        err.contains("clients.csv:2, column `nota`, client `Ana Ruiz`: no personal note: add one to the `nota` column"),
        "{err}"
    );
    assert!(!err.contains("`note`"), "{err}");
}

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

//! The engine's sentences in Spanish (`CARTERO_LANG=es`): the settings error, what a server's
//! refusal means, the drafts folder's lock. The server's own reply stays as the server said it.

use crate::send::{approved, TEMPLATE};
use crate::support::*;

/// `cartero ARGS` in Spanish.
fn run_es(c: &Campaign, args: &[&str]) -> Run {
    Run(c.cmd(args).env("CARTERO_LANG", "es").output().unwrap())
}

#[test]
fn an_unknown_key_in_cartero_toml_is_said_in_spanish() {
    let c = Campaign::with("email,name,note\na@example.com,Ana,hola\n", TEMPLATE);
    c.append("cartero.toml", "tempalte = \"x\"\n");
    run_es(&c, &["check"])
        .failure()
        .stderr_has("no se pudo leer `cartero.toml`: error en la línea 8, columna 1")
        .stderr_has(
            "`tempalte` no es una clave que cartero conozca aquí; las que valen son `clients`, `sheet`, `template`, `drafts`, `language`",
        );
}

#[test]
fn a_refused_recipient_is_said_in_spanish_with_the_servers_own_words() {
    let server = SmtpServer::start(Rules {
        reject: vec!["c2@example.com".into()],
        ..Rules::default()
    });
    let c = approved(2, &server.config());
    run_es(&c, &["send", "--yes"])
        .failure()
        .stderr_has("c2@example.com: 550 Mailbox unavailable");
    assert_eq!(c.states(), ["sent", "failed"]);
    // What the refusal means, in Spanish; the server's reply quoted as it said it.
    run_es(&c, &["status"]).stdout_has(
        "el servidor la rechazó: 550 Mailbox unavailable (corrige la dirección o el borrador y apruébalo de nuevo, o usa `--resend`)",
    );
}

#[test]
fn a_second_send_is_refused_in_spanish_while_a_send_holds_the_lock() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::HoldAtMail)],
        ..Script::default()
    });
    let c = approved(2, &server.config());
    let mut first = spawn(&c, &["send", "--yes"]);
    server.wait_until_holding();
    run_es(&c, &["send", "--yes"]).failure().stderr_has(&format!(
        "`cartero send` (proceso {}) está trabajando ahora mismo con los borradores de esta campaña: espera a que termine y vuelve a ejecutar `cartero send`",
        first.id()
    ));
    first.kill().unwrap();
    first.wait().unwrap();
    server.release();
    assert!(server.letters().is_empty());
}

#[test]
fn a_server_nobody_answers_at_is_said_in_spanish() {
    // Port 1 (tcpmux) is free on any machine that runs these tests: a port picked free and let
    // go could be taken by another test's server before cartero knocks.
    let port = 1;
    let c = approved(
        1,
        &format!("\n[smtp]\nhost = \"127.0.0.1\"\nport = {port}\nsecurity = \"none\"\n"),
    );
    run_es(&c, &["send", "--yes"]).failure().stderr_has(&format!(
        "no se pudo conectar con el servidor SMTP `127.0.0.1:{port}` (sin cifrar): nadie responde en esa dirección y puerto: revisa `host` y `port` en `[smtp]`"
    ));
    assert_eq!(c.states(), ["approved"]);
}

#[test]
fn a_wrong_mailbox_password_is_said_in_spanish() {
    use crate::mailbox::{with_mailbox, USER};
    use crate::support::imap::ImapServer;
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, "right");
    let c = with_mailbox(1, &smtp.config(), &imap, "");
    // The server's own words (`[AUTHENTICATIONFAILED] Invalid credentials`) as it said them.
    run_es(&c, &["send", "--yes"]).failure().stderr_has(
        "el servidor IMAP `127.0.0.1` rechazó el usuario `ana@example.com` o su contraseña ([AUTHENTICATIONFAILED] Invalid credentials): revisa `username` en `[imap]` y la contraseña",
    );
    assert!(smtp.received().is_empty());
}

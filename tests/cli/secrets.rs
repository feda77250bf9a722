//! The SMTP and IMAP passwords: never written anywhere, the first line of a `password-command`,
//! no wait for a prompt nobody can answer, and which source wins.

use crate::send::{approved, clients, TEMPLATE};
use crate::support::imap::*;
use crate::support::*;
use crate::watch::watch;

const USER: &str = "ana@example.com";

/// Every file under `dir`, with its bytes.
fn files_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    out
}

fn holds(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The ways a password can be written down: as it is, and as SMTP's and IMAP's AUTH PLAIN and
/// LOGIN carry it (base64).
fn forms(user: &str, password: &str) -> Vec<String> {
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    vec![
        password.to_string(),
        b64(password),
        b64(&format!("\0{user}\0{password}")),
        b64(&format!("{user}\0{user}\0{password}")),
    ]
}

#[test]
fn the_passwords_are_never_written_in_the_journal_drafts_archive_or_output() {
    let smtp_secret = "smtp-Zq7w-not-anywhere-3141";
    let imap_secret = "imap-Kx9p-not-anywhere-2718";
    let smtp = SmtpServer::with_login(USER, smtp_secret, false);
    let imap = ImapServer::plain(USER, imap_secret);
    let c = Campaign::with(&clients(2), TEMPLATE);
    c.append(
        "cartero.toml",
        &format!(
            "{}{}",
            smtp.tls_config(&format!("username = \"{USER}\"\n")),
            imap.config()
        ),
    );
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\na\n").success();
    let with_secrets = |args: &[&str]| {
        Run(c
            .cmd(args)
            .env("CARTERO_SMTP_PASSWORD", smtp_secret)
            .env("CARTERO_IMAP_PASSWORD", imap_secret)
            .output()
            .unwrap())
    };
    let mut said = Vec::new();
    for args in [
        &["send", "--yes"][..],
        &["status", "--json"],
        &["history", "c1@example.com"],
        &["replies"],
        &["check", "--connect"],
    ] {
        let run = with_secrets(args);
        said.push((format!("stdout of {args:?}"), run.stdout()));
        said.push((format!("stderr of {args:?}"), run.stderr()));
    }
    assert_eq!(smtp.received().len(), 2, "{said:?}");
    assert_eq!(imap.messages("Sent").len(), 2, "{said:?}");
    assert!(c.path(".data/cartero/archive.sqlite3").exists());
    let files = files_under(c.dir.path());
    assert!(
        files
            .iter()
            .any(|(p, _)| p.ends_with("drafts/journal.jsonl")),
        "{:?}",
        files.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    for secret in forms(USER, smtp_secret)
        .into_iter()
        .chain(forms(USER, imap_secret))
    {
        for (what, text) in &said {
            assert!(!text.contains(&secret), "{what} holds {secret:?}:\n{text}");
        }
        for (path, bytes) in &files {
            assert!(
                !holds(bytes, secret.as_bytes()),
                "`{}` holds {secret:?}",
                path.display()
            );
        }
    }
}

#[test]
fn password_command_gives_the_first_line_it_prints() {
    let smtp = SmtpServer::with_login(USER, "first-line", false);
    let c = approved(
        1,
        &smtp.tls_config(&format!(
            "username = \"{USER}\"\npassword-command = 'printf \"first-line\\nsecond-line\\n\"'\n"
        )),
    );
    c.run(&["send", "--yes"]).success().stdout_has("sent 1");
    assert_eq!(smtp.received().len(), 1);
}

#[test]
fn with_no_terminal_a_missing_password_is_a_clear_error_not_a_wait() {
    let smtp = SmtpServer::with_login(USER, "s3cret", false);
    let c = approved(1, &smtp.tls_config(&format!("username = \"{USER}\"\n")));
    // stdin a pipe that stays open and never says anything, as under a script: no terminal.
    let (status, _, stderr) = watch(&c, &["send", "--yes"], &[]).finish();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no SMTP password for `ana@example.com`: set CARTERO_SMTP_PASSWORD"),
        "{stderr}"
    );
    assert!(smtp.received().is_empty());
    // The mailbox's, under another login (nothing to borrow from `[smtp]`): the same.
    let imap = ImapServer::plain("archivo@example.com", "other");
    let c = approved(
        1,
        &format!(
            "{}{}",
            smtp.tls_config(&format!("username = \"{USER}\"\n")),
            imap.config()
        ),
    );
    let (status, _, stderr) = watch(
        &c,
        &["send", "--yes"],
        &[("CARTERO_SMTP_PASSWORD", "s3cret")],
    )
    .finish();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no IMAP password for `archivo@example.com`: set CARTERO_IMAP_PASSWORD"),
        "{stderr}"
    );
    assert!(smtp.received().is_empty());
    assert_eq!(c.states(), ["approved"]);
}

#[test]
fn the_imap_password_is_the_environment_s_then_the_command_s_then_smtp_s() {
    let smtp = SmtpServer::with_login(USER, "smtp-pw", false);
    let base = smtp.tls_config(&format!("username = \"{USER}\"\n"));
    let send = |c: &Campaign, imap_env: Option<&str>| {
        let mut cmd = c.cmd(&["send", "--yes"]);
        cmd.env("CARTERO_SMTP_PASSWORD", "smtp-pw");
        if let Some(p) = imap_env {
            cmd.env("CARTERO_IMAP_PASSWORD", p);
        }
        Run(cmd.output().unwrap()).success()
    };
    // CARTERO_IMAP_PASSWORD beats `password-command` and `[smtp]`'s.
    let imap = ImapServer::plain(USER, "from-env");
    let c = approved(
        1,
        &format!(
            "{base}{}password-command = \"echo from-command\"\n",
            imap.config()
        ),
    );
    send(&c, Some("from-env"));
    assert_eq!(imap.messages("Sent").len(), 1);
    // `password-command` beats `[smtp]`'s (same provider, same login).
    let imap = ImapServer::plain(USER, "from-command");
    let c = approved(
        1,
        &format!(
            "{base}{}password-command = \"echo from-command\"\n",
            imap.config()
        ),
    );
    send(&c, None);
    assert_eq!(imap.messages("Sent").len(), 1);
    // `[smtp]`'s when there is nothing else.
    let imap = ImapServer::plain(USER, "smtp-pw");
    let c = approved(1, &format!("{base}{}", imap.config()));
    send(&c, None);
    assert_eq!(imap.messages("Sent").len(), 1);
    assert_eq!(smtp.received().len(), 3);
}

//! Within the provider's limits: a quota reply stops the run and fails no one; `daily-limit`,
//! `--at` and `--spread`.

use std::time::{Duration, Instant};

use crate::send::{approved, clients, TEMPLATE};
use crate::support::*;
use crate::watch::watch;

fn quota(after: usize, at_mail: bool, reply: &str) -> ScriptedSmtp {
    ScriptedSmtp::start(Script {
        quota: Some(Quota {
            after,
            at_mail,
            reply: reply.into(),
        }),
        ..Script::default()
    })
}

fn each_once(server: &ScriptedSmtp, n: usize) {
    for i in 1..=n {
        assert_eq!(
            server.count_to(&format!("c{i}@example.com")),
            1,
            "c{i} gets exactly one letter"
        );
    }
    assert_eq!(server.letters().len(), n);
}

/// Providers' real replies once the account's limit is reached (see `limits.rs`).
const QUOTA_REPLIES: &[(&str, bool)] = &[
    ("550-5.4.5 Daily user sending limit exceeded. For more information on Gmail\r\n550 5.4.5 sending limits go to https://support.google.com/a/answer/166852 d2e1a72fcca58 - gsmtp", true),
    ("550 5.4.5 Daily user sending quota exceeded. o65sm25351206pga.71 - gsmtp", false),
    ("554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception", false),
    ("421 4.7.0 Try again later, closing connection. (MAIL) g4sm240722pgs.42 - gsmtp", true),
    ("454 Throttling failure: Daily message quota exceeded.", false),
];

#[test]
fn a_quota_reply_stops_the_run_fails_no_one_and_the_next_send_goes_on() {
    for (reply, at_mail) in QUOTA_REPLIES {
        let server = quota(3, *at_mail, reply);
        let c = approved(10, &server.config());
        let run = c.run(&["send", "--yes"]).failure();
        let run = run
            .stdout_has("sent 3, failed 0")
            .stderr_has("stopped: the server refused to take more letters from your account");
        assert!(
            !run.stderr().contains("retrying"),
            "{reply}: {}",
            run.stderr()
        );
        // One attempt past the limit, not seven: the account is not hammered.
        assert!(
            server.mail_lines().len() <= 4,
            "{reply}: {:?}",
            server.mail_lines()
        );
        let states = c.states();
        assert_eq!(&states[..3], ["sent"; 3], "{reply}");
        assert!(
            states[3..].iter().all(|s| s == "approved"),
            "{reply}: {states:?}"
        );
        let status = c.status();
        assert!(
            status[3]["warnings"].to_string().contains("waiting: at"),
            "{reply}: {}",
            status[3]
        );
        // The next day.
        server.lift_quota();
        c.run(&["send", "--yes"])
            .success()
            .stdout_has("sent 7, failed 0");
        each_once(&server, 10);
        assert!(c.states().iter().all(|s| s == "sent"));
    }
}

#[test]
fn a_refusal_of_one_recipient_still_fails_only_that_client() {
    let server = SmtpServer::start(Rules {
        reject: vec!["c2@example.com".into()],
        ..Rules::default()
    });
    let c = approved(3, &server.config());
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 2, failed 1");
    assert_eq!(c.states(), ["sent", "failed", "sent"]);
}

#[test]
fn six_hundred_letters_on_an_account_of_five_hundred_a_day_go_in_two_runs() {
    let server = quota(500, true, "550 5.4.5 Daily user sending quota exceeded.");
    let c = approved(600, &server.config());
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 500, failed 0");
    server.lift_quota();
    c.run(&["send", "--yes"])
        .success()
        .stdout_has("sent 100, failed 0");
    each_once(&server, 600);
}

#[test]
fn daily_limit_keeps_each_day_within_it() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(5, &format!("{}daily-limit = 3\n", server.config()));
    let day = |now: &str, args: &[&str]| Run(c.cmd(args).env("CARTERO_NOW", now).output().unwrap());
    day("2026-12-01T09:00:00+01:00", &["send", "--yes"])
        .failure()
        .stdout_has("sent 3, failed 0")
        .stderr_has("held back by the daily limit (3 letters in 24 hours, 0 already sent in the last 24): 2 approved letters wait; the next may go from 2026-12-02 09:00");
    // Later the same day: nothing more.
    day("2026-12-01T18:00:00+01:00", &["send", "--yes"])
        .failure()
        .stdout_has("nothing to send")
        .stderr_has("3 already sent in the last 24");
    let status = Run(c
        .cmd(&["status", "--json"])
        .env("CARTERO_NOW", "2026-12-01T18:00:00+01:00")
        .output()
        .unwrap())
    .success();
    let status: Vec<serde_json::Value> = serde_json::from_str(&status.stdout()).unwrap();
    assert!(
        status[4]["warnings"]
            .to_string()
            .contains("waiting: the daily limit of 3 letters"),
        "{}",
        status[4]
    );
    assert_eq!(server.letters().len(), 3);
    // The next day, past 09:00: the rest.
    day("2026-12-02T09:30:00+01:00", &["send", "--yes"])
        .success()
        .stdout_has("sent 2, failed 0");
    each_once(&server, 5);
}

#[test]
fn at_waits_until_then_sends() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(2, &server.config());
    let when = chrono::Local::now() + chrono::Duration::seconds(2);
    let at = when.format("%Y-%m-%d %H:%M:%S").to_string();
    let send = watch(&c, &["send", "--yes", "--at", &at], &[]);
    send.wait_for("waiting to send at");
    assert!(
        server.mail_lines().is_empty(),
        "nothing goes before the time"
    );
    let (status, stdout, stderr) = send.finish();
    assert!(status.success(), "{stderr}");
    assert!(stdout.contains("sent 2"), "{stdout}");
    // Each letter began at the time or after it, on this machine's clock.
    let at = chrono::NaiveDateTime::parse_from_str(&at, "%Y-%m-%d %H:%M:%S").unwrap();
    let at = at.and_local_timezone(chrono::Local).earliest().unwrap();
    let now = chrono::Local::now();
    assert!(
        now >= at,
        "the letters went {:?} before the time",
        (at - now).to_std().unwrap()
    );
    let at = Instant::now() - (now - at).to_std().unwrap();
    for letter in server.letters() {
        assert!(
            letter.at.unwrap() + Duration::from_millis(50) >= at,
            "a letter began {:?} before the time",
            at - letter.at.unwrap()
        );
    }
    each_once(&server, 2);
    // A time gone by is refused, not taken as now.
    c.run(&["send", "--yes", "--at", "2020-01-01 09:00"])
        .failure()
        .stderr_has("is in the past");
    c.run(&["send", "--yes", "--at", "tomorrow"])
        .failure()
        .stderr_has("is not a time");
}

#[test]
fn ctrl_c_while_waiting_for_at_sends_nothing() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(2, &server.config());
    let at = (chrono::Local::now() + chrono::Duration::seconds(60))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string();
    let send = watch(&c, &["send", "--yes", "--at", &at], &[]);
    send.wait_for("waiting to send at");
    send.signal(libc::SIGINT);
    let (status, _, stderr) = send.finish();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("nothing was sent"), "{stderr}");
    assert!(server.mail_lines().is_empty());
    assert_eq!(c.states(), ["approved", "approved"]);
}

#[test]
fn spread_goes_on_when_the_day_frees_a_place() {
    let server = ScriptedSmtp::start(Script::default());
    let c = Campaign::with(&clients(5), TEMPLATE);
    c.append(
        "cartero.toml",
        &format!("{}daily-limit = 3\n", server.config()),
    );
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], &"a\n".repeat(5)).success();
    let then = "2026-12-01T09:00:00.000+01:00";
    Run(c
        .cmd(&["send", "--yes"])
        .env("CARTERO_NOW", then)
        .output()
        .unwrap())
    .failure()
    .stdout_has("sent 3");
    // Those three letters dated (almost) a day ago, just before the next run starts, however
    // long the first took: their places free up in three seconds.
    let almost_a_day_ago = (chrono::Local::now() - chrono::Duration::hours(24)
        + chrono::Duration::seconds(3))
    .to_rfc3339_opts(chrono::SecondsFormat::Millis, false);
    let journal = c.read("drafts/journal.jsonl");
    let sent_then = journal
        .lines()
        .filter(|l| l.contains(then) && l.contains("\"event\":\"sent\""))
        .count();
    assert_eq!(sent_then, 3, "{journal}");
    c.write(
        "drafts/journal.jsonl",
        journal.replace(then, &almost_a_day_ago),
    );
    let start = Instant::now();
    Run(c
        .cmd(&["send", "--yes", "--spread"])
        .env_remove("CARTERO_NOW")
        .output()
        .unwrap())
    .success()
    .stdout_has("going on at")
    .stdout_has("sent 2, failed 0");
    assert!(start.elapsed() >= Duration::from_secs(1));
    each_once(&server, 5);
    // Without a daily limit, --spread has nothing to go by.
    let c = approved(1, &server.config());
    c.run(&["send", "--yes", "--spread"])
        .failure()
        .stderr_has("add `daily-limit = N` under `[smtp]`");
}

#[test]
fn the_same_refusal_for_two_clients_in_a_row_stops_the_run_and_fails_neither() {
    for reply in [
        "550 5.7.1 Message refused by local policy q1sm234 - example",
        "451 4.4.2 Timeout - closing connection",
    ] {
        let server = quota(2, false, reply);
        let c = approved(6, &server.config());
        c.run(&["send", "--yes"]).failure().stderr_has(
            "stopped: the server gave c3@example.com and c4@example.com the same refusal",
        );
        assert_eq!(
            c.states(),
            ["sent", "sent", "approved", "approved", "approved", "approved"],
            "{reply}"
        );
        server.lift_quota();
        c.run(&["send", "--yes"]).success().stdout_has("sent 4");
        each_once(&server, 6);
    }
}

#[test]
fn two_unknown_mailboxes_in_a_row_are_two_failures_not_a_stop() {
    let server = SmtpServer::start(Rules {
        reject: vec!["c2@example.com".into(), "c3@example.com".into()],
        ..Rules::default()
    });
    let c = approved(4, &server.config());
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 2, failed 2");
    assert_eq!(c.states(), ["sent", "failed", "failed", "sent"]);
}

#[test]
fn authentication_required_at_mail_from_fails_no_one() {
    let server = quota(1, true, "530 5.7.0 Authentication required");
    let c = approved(3, &server.config());
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 1, failed 0")
        .stderr_has("530");
    assert_eq!(c.states(), ["sent", "approved", "approved"]);
}

#[test]
fn a_server_that_goes_away_mid_run_stops_it_and_fails_no_one() {
    let server = ScriptedSmtp::start(Script {
        dies_after: Some(2),
        ..Script::default()
    });
    let c = approved(5, &server.config());
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 2, failed 0")
        .stderr_has("stopped: the server could not be reached again");
    assert_eq!(
        c.states(),
        ["sent", "sent", "approved", "approved", "approved"]
    );
}

#[test]
fn the_password_is_got_before_waiting_for_at_never_after() {
    let server = SmtpServer::with_login("ana", "s3cret", false);
    let asked = "password-asked";
    let smtp = server.tls_config(&format!(
        "username = \"ana\"\npassword-command = \"echo asked >> {asked}; echo s3cret\"\n"
    ));
    let c = approved(1, &smtp);
    let at = (chrono::Local::now() + chrono::Duration::seconds(2))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string();
    let send = watch(&c, &["send", "--yes", "--at", &at], &[]);
    send.wait_for("waiting to send at");
    assert_eq!(
        c.read(asked),
        "asked\n",
        "the password was got before the wait"
    );
    let (status, stdout, stderr) = send.finish();
    assert!(status.success(), "{stderr}");
    assert!(stdout.contains("sent 1"), "{stdout}");
    assert_eq!(
        c.read(asked),
        "asked\n",
        "and never asked for again after it"
    );
    assert_eq!(server.received().len(), 1);
}

#[test]
fn at_says_before_waiting_what_would_stop_it_after() {
    let at = (chrono::Local::now() + chrono::Duration::seconds(30))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string();
    // Nothing approved: said at once.
    let c = Campaign::with(&clients(2), TEMPLATE);
    c.append(
        "cartero.toml",
        "\n[smtp]\nhost = \"127.0.0.1\"\nport = 9\nsecurity = \"none\"\n",
    );
    c.run(&["draft"]).success();
    let start = Instant::now();
    c.run(&["send", "--yes", "--at", &at])
        .success()
        .stdout_has("nothing to send");
    assert!(start.elapsed() < Duration::from_secs(20));
    // A server that is not there: said at once, not after the wait.
    c.run_with_stdin(&["review"], "a\na\n").success();
    let start = Instant::now();
    c.run(&["send", "--yes", "--at", &at])
        .failure()
        .stderr_has("failed to connect to the SMTP server");
    assert!(start.elapsed() < Duration::from_secs(20));
    assert_eq!(c.states(), ["approved", "approved"]);
}

#[test]
fn a_refusal_under_a_daily_limit_is_not_called_the_limit_reached() {
    let server = quota(2, false, QUOTA_REPLIES[1].0);
    let c = approved(5, &format!("{}daily-limit = 3\n", server.config()));
    c.run(&["send", "--yes"])
        .failure()
        .stdout_has("sent 2, failed 0");
    let status = c.status();
    let warnings = |s: &serde_json::Value| s["warnings"].to_string();
    assert!(
        warnings(&status[2]).contains("waiting: at"),
        "{}",
        status[2]
    );
    assert!(
        !warnings(&status[2]).contains("daily limit"),
        "{}",
        status[2]
    );
    for s in &status[3..5] {
        assert!(!warnings(s).contains("is reached"), "{s}");
        assert!(
            warnings(s)
                .contains("leaves room for 1 more letter today (2 sent in the last 24 hours)"),
            "{s}"
        );
    }
}

#[test]
fn a_letter_too_big_for_the_server_is_said_so_with_its_size_and_the_setting() {
    let server = quota(0, false, "552 5.3.4 Message size exceeds fixed limit");
    let c = approved(1, &server.config());
    let out = c.run(&["send", "--yes"]).failure();
    let said = format!("{}{}", out.stdout(), out.stderr());
    assert!(
        said.contains("as sent, is bigger than this server takes (552 5.3.4 Message size exceeds fixed limit)")
            && said.contains("`[smtp] max-message-size`"),
        "{said}"
    );
    let status = c.run(&["status"]).stdout();
    assert!(status.contains("bigger than this server takes"), "{status}");
}

#[test]
fn a_limited_test_run_counts_every_approved_letter_in_its_next_step() {
    let server = ScriptedSmtp::start(Script::default());
    let c = approved(3, &server.config());
    c.run(&["send", "--yes", "--to-self", "--limit", "1"])
        .stdout_has("`cartero send` sends the 3 approved drafts for real");
}

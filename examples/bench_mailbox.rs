//! Benchmark: the sender's mailbox against a real Postfix + Dovecot (`.ci/mailsystem start DIR`).
//!
//! 1. `send` of N letters (default 1,000) through Postfix's submission port (STARTTLS, AUTH),
//!    without a copy in Sent, then N more with a copy of each put in Dovecot's Sent over IMAP
//!    (`save-sent = "always"`): the copies may cost at most 1.5x.
//! 2. `replies` over those N sent letters with 5,000 messages in the INBOX (every tenth client
//!    answers): under 2 s.
//!
//! `.ci/mailsystem start /tmp/ms && cargo run --release --example bench_mailbox -- /tmp/ms 1000`

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use clap::Parser;

fn cartero(args: &[&str]) -> anyhow::Result<()> {
    let mut all = vec!["cartero"];
    all.extend_from_slice(args);
    let code = cartero::commands::run(cartero::cli::Cli::parse_from(all))?;
    anyhow::ensure!(
        code == std::process::ExitCode::SUCCESS,
        "cartero {args:?} failed"
    );
    Ok(())
}

/// `DIR/env` as written by `.ci/mailsystem start`.
fn env_of(dir: &Path) -> anyhow::Result<HashMap<String, String>> {
    let text = std::fs::read_to_string(dir.join("env"))?;
    Ok(text
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().trim_matches('"').to_string()))
        .collect())
}

/// A campaign of `n` clients, drafted and approved, sending as `sender`.
fn campaign(
    root: &Path,
    env: &HashMap<String, String>,
    n: usize,
    tag: &str,
    sender: &str,
    save_sent: &str,
) -> anyhow::Result<String> {
    std::fs::create_dir_all(root.join("templates"))?;
    let mut csv = String::from("email,name,note\n");
    for i in 0..n {
        csv.push_str(&format!(
            "{tag}{i}@example.org,Cliente{i} Pérez,Gracias por el café del día {i} y por la charla\n"
        ));
    }
    std::fs::write(root.join("clients.csv"), csv)?;
    std::fs::write(
        root.join("templates/t.txt"),
        "Subject: Gracias, {{ first_name }}\n\nHola, {{ first_name }}:\n\n{{ note }}.\n\nUn abrazo,\n{{ sender.name }}\n",
    )?;
    let config = root.join("cartero.toml");
    std::fs::write(
        &config,
        format!(
            "[sender]\nname = \"Ana García\"\nemail = \"{sender}\"\n[campaign]\nclients = \"clients.csv\"\ntemplate = \"templates/t.txt\"\n\
             [smtp]\nhost = \"localhost\"\nport = {}\nsecurity = \"starttls\"\nusername = \"{sender}\"\nca-file = \"{}\"\n\
             [imap]\nhost = \"localhost\"\nport = {}\nsecurity = \"starttls\"\nca-file = \"{}\"\nsave-sent = \"{save_sent}\"\n\
             [archive]\npath = \"archive.sqlite3\"\n",
            env["SUBMISSION_PORT"], env["CA_FILE"], env["IMAP_PORT"], env["CA_FILE"]
        ),
    )?;
    let config = config.to_str().unwrap().to_string();
    cartero(&["--config", &config, "draft"])?;
    let settings = cartero::settings::Settings::resolve(&cartero::cli::Common {
        config: Some(config.clone().into()),
        ..Default::default()
    })?;
    let answers = "a\n".repeat(n);
    cartero::commands::review::run_with(settings, &mut answers.as_bytes(), &mut std::io::sink())?;
    Ok(config)
}

/// Waits until Postfix has delivered everything it holds.
fn drain(env: &HashMap<String, String>) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let out = std::process::Command::new("postqueue")
            .args(["-c", &env["POSTFIX_CONFIG"], "-p"])
            .output()?;
        if String::from_utf8_lossy(&out.stdout).contains("is empty") {
            return Ok(());
        }
        anyhow::ensure!(Instant::now() < deadline, "Postfix's queue never emptied");
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn main() -> anyhow::Result<()> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let dir = std::env::args().nth(1).ok_or_else(|| {
        anyhow::anyhow!("usage: bench_mailbox DIR [N] (DIR: `.ci/mailsystem start DIR`)")
    })?;
    let n: usize = std::env::args()
        .nth(2)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(1000);
    let env = env_of(Path::new(&dir))?;
    std::env::set_var("CARTERO_SMTP_PASSWORD", &env["PASSWORD"]);
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_millis();
    let sender = format!("bench{stamp}@example.com");
    let work = tempfile::tempdir_in(std::env::var_os("BENCH_DIR").unwrap_or_else(|| ".".into()))?;

    // Three rounds, the two kinds taking turns, each starting with Postfix's queue empty (its
    // deliveries of the round before would compete with the next for the machine).
    let mut times: Vec<(String, &str, Duration)> = Vec::new();
    for round in 0..3 {
        let kinds = match round % 2 {
            0 => [("a", "never"), ("b", "always")],
            _ => [("b", "always"), ("a", "never")],
        };
        for (tag, save) in kinds {
            let root = work.path().join(format!("{save}{round}"));
            let config = campaign(
                &root,
                &env,
                n,
                &format!("{tag}{round}x{stamp}-"),
                &sender,
                save,
            )?;
            drain(&env)?;
            let start = Instant::now();
            cartero(&["--config", &config, "send", "--yes"])?;
            let t = start.elapsed();
            eprintln!(
                "bench_mailbox: send of {n} letters, save-sent = {save}: {:.3} s",
                t.as_secs_f64()
            );
            times.push((config, save, t));
        }
    }
    let median = |save: &str| {
        let mut t: Vec<f64> = times
            .iter()
            .filter(|x| x.1 == save)
            .map(|x| x.2.as_secs_f64())
            .collect();
        t.sort_by(f64::total_cmp);
        t[t.len() / 2]
    };
    let (never, always) = (median("never"), median("always"));
    eprintln!(
        "bench_mailbox: medians: {never:.3} s without copies, {always:.3} s with: the copies in Sent cost {:.2}x (target: at most 1.5x)",
        always / never
    );
    let times: Vec<(String, Duration)> = times
        .into_iter()
        .filter(|x| x.1 == "always")
        .map(|x| (x.0, x.2))
        .collect();
    drain(&env)?;

    // 5,000 messages in the INBOX: every tenth client of the second campaign answers, by
    // In-Reply-To; the rest is other mail.
    let settings = cartero::settings::Settings::resolve(&cartero::cli::Common {
        config: Some(times[0].0.clone().into()),
        ..Default::default()
    })?;
    let imap = settings.imap.clone().unwrap();
    let mut mailbox = cartero::mailbox::Mailbox::connect(&imap, &env["PASSWORD"])?;
    let survey = cartero::state::survey::Survey::take(&settings)?;
    let ids: Vec<(String, String)> = survey
        .entries
        .iter()
        .filter_map(|e| {
            let id = e.record.as_ref()?.sent.as_ref()?.message_id.clone();
            Some((e.client.email.clone(), id))
        })
        .collect();
    let start = Instant::now();
    for i in 0..5000 {
        let (from, refs) = match ids.get(i / 10).filter(|_| i % 10 == 0) {
            Some((email, id)) => (
                email.clone(),
                format!("In-Reply-To: {id}\r\nReferences: {id}\r\n"),
            ),
            None => (format!("someone{i}@example.net"), String::new()),
        };
        let msg = format!(
            "From: <{from}>\r\nTo: <{sender}>\r\nSubject: Re: Gracias {i}\r\nDate: {}\r\nMessage-ID: <bench.{stamp}.{i}@example.net>\r\n{refs}\r\nGracias a ti.\r\n",
            chrono::Local::now().to_rfc2822()
        );
        mailbox.append("INBOX", msg.as_bytes())?;
    }
    mailbox.logout();
    eprintln!(
        "bench_mailbox: 5,000 messages put in the INBOX in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    std::thread::sleep(Duration::from_millis(200));
    let start = Instant::now();
    cartero(&["--config", &times[0].0, "replies"])?;
    eprintln!(
        "bench_mailbox: replies over {n} sent letters and 5,000+ INBOX messages: {:.3} s (target: under 2 s)",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

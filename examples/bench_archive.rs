//! Benchmark: the archive with N clients (default 10,000) and five years of letters each:
//! `cartero history` on one client, and `review`'s first prompt with and without the archive.
//!
//! `cargo build --release && cargo run --release --example bench_archive -- 10000`

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cartero::state::archive::{Archive, Letter};

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let exe = std::env::current_exe()?;
    let cartero = exe
        .parent()
        .and_then(|p| p.parent())
        .map(|p| p.join("cartero"))
        .unwrap();
    anyhow::ensure!(
        cartero.exists(),
        "build the binary first: cargo build --release"
    );
    let dir = tempfile::tempdir_in(std::env::var_os("BENCH_DIR").unwrap_or_else(|| ".".into()))?;
    let root = dir.path();
    let archive = root.join("archive.sqlite3");

    let start = Instant::now();
    let mut a = Archive::open(&archive)?;
    for year in 2021..2026 {
        let letters: Vec<Letter> = (0..n)
            .map(|i| Letter {
                message_id: format!("<{year}.{i}@example.com>"),
                email: format!("c{i}@example.com"),
                name: format!("Cliente{i} Pérez"),
                sent_at: format!("{year}-12-20T10:00:00.000+01:00"),
                subject: format!("Gracias, Cliente{i}"),
                body: format!("Hola, Cliente{i}:\n\nLo del año {year}: la charla del día {i}.\n\nUn abrazo,\nAna"),
                personal: format!("Lo del año {year}: la charla del día {i}."),
                campaign: format!("/campaigns/{year}/drafts"),
                replied_at: None,
                proof: None,
                attachments: Vec::new(),
                bounced_at: None,
                bounce: None,
            })
            .collect();
        a.keep(&letters)?;
    }
    drop(a);
    eprintln!(
        "bench_archive: {} letters kept in {:.3} s",
        n * 5,
        start.elapsed().as_secs_f64()
    );

    let start = Instant::now();
    let opened = Archive::open(&archive)?;
    let open = start.elapsed();
    let pasts = opened.pasts("this campaign")?;
    eprintln!(
        "bench_archive: the past of {} clients read in {:.1} ms ({:.1} ms of it opening)",
        pasts.len(),
        start.elapsed().as_secs_f64() * 1000.0,
        open.as_secs_f64() * 1000.0
    );
    {
        let conn = rusqlite::Connection::open(&archive)?;
        let start = Instant::now();
        let mut q = conn.prepare("SELECT email, sent_at, subject, personal FROM letters")?;
        let mut rows = q.query([])?;
        let mut k = 0usize;
        while let Some(r) = rows.next()? {
            k += r.get_ref(3)?.as_str()?.len();
        }
        eprintln!(
            "bench_archive: a bare scan: {k} bytes in {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    let who = format!("c{}@example.com", n / 2);
    let mut times: Vec<Duration> = (0..7)
        .map(|_| {
            let start = Instant::now();
            let out = Command::new(&cartero)
                .args(["--archive", archive.to_str().unwrap(), "history", &who])
                .stdout(Stdio::piped())
                .output()
                .expect("history runs");
            assert!(out.status.success());
            start.elapsed()
        })
        .collect();
    times.sort();
    eprintln!(
        "bench_archive: `history` of one client of {n} (5 letters each) in {:.1} ms (median of 7, the whole process)",
        times[3].as_secs_f64() * 1000.0
    );

    let config = campaign(root, n)?;
    // Seven of each, taking turns (one run alone is at the mercy of the machine), medians.
    let none = root.join("none.sqlite3");
    let (mut without, mut with) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        without.push(first_prompt(&cartero, &config, &none)?);
        with.push(first_prompt(&cartero, &config, &archive)?);
    }
    without.sort();
    with.sort();
    let (without, with) = (without[3], with[3]);
    eprintln!(
        "bench_archive: `review`'s first prompt on {n} drafts (medians of 7): {:.3} s without an archive, {:.3} s with it ({:+.0} ms)",
        without.as_secs_f64(),
        with.as_secs_f64(),
        (with.as_secs_f64() - without.as_secs_f64()) * 1000.0
    );
    Ok(())
}

/// A drafted campaign of `n` clients, the archive's same clients; its config file.
fn campaign(root: &Path, n: usize) -> anyhow::Result<String> {
    let mut csv = String::from("email,name,note\n");
    for i in 0..n {
        csv.push_str(&format!(
            "c{i}@example.com,Cliente{i} Pérez,Este año: el café {i}\n"
        ));
    }
    std::fs::write(root.join("clients.csv"), csv)?;
    std::fs::create_dir_all(root.join("templates"))?;
    std::fs::copy(
        format!("{}/templates/year-end.es.txt", env!("CARGO_MANIFEST_DIR")),
        root.join("templates/year-end.es.txt"),
    )?;
    std::fs::write(
        root.join("cartero.toml"),
        "[sender]\nname = \"Ana García\"\nemail = \"ana@example.com\"\n[campaign]\ntemplate = \"templates/year-end.es.txt\"\n[archive]\npath = \"none.sqlite3\"\n",
    )?;
    Ok(root.join("cartero.toml").to_str().unwrap().to_string())
}

/// How long `review` takes to show its first prompt, with `archive`.
fn first_prompt(cartero: &Path, config: &str, archive: &Path) -> anyhow::Result<Duration> {
    let status = Command::new(cartero)
        .args([
            "--config",
            config,
            "--archive",
            archive.to_str().unwrap(),
            "draft",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    anyhow::ensure!(status.success(), "draft failed");
    let start = Instant::now();
    let mut child = Command::new(cartero)
        .args([
            "--config",
            config,
            "--archive",
            archive.to_str().unwrap(),
            "review",
        ])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stderr = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("[a]pprove") {
        let k = stderr.read(&mut buf)?;
        anyhow::ensure!(k > 0, "review ended before its first prompt");
        seen.extend_from_slice(&buf[..k]);
    }
    let elapsed = start.elapsed();
    drop(child.stdin.take());
    child.wait()?;
    Ok(elapsed)
}

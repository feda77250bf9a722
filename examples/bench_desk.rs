//! Benchmark: the writing desk on N clients (default 10,000), drafted, with five years of letters
//! each in the archive: how long until `cartero web` serves its first page, how long the list and
//! a client's page take after that (p50, p95), and the desk's peak memory. Targets (issue 19):
//! the first page under 300 ms, the next ones under 50 ms (p95), under 100 MB for 10,000 clients
//! and 400 MB for 100,000.
//!
//! `cargo build --release && cargo run --release --example bench_desk -- 10000`
//! (`BENCH_KEEP=1` keeps the campaign made; `BENCH_REUSE=DIR` measures a kept one again).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
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
    // BENCH_REUSE=DIR: the folder a run with BENCH_KEEP=1 kept, for the same N, measured again.
    let reused = std::env::var_os("BENCH_REUSE").map(std::path::PathBuf::from);
    let root = reused.as_deref().unwrap_or(dir.path());
    if reused.is_none() {
        prepare(root, n, &cartero)?;
    }

    let start = Instant::now();
    let mut desk = Command::new(&cartero)
        .current_dir(root)
        .args(["--archive", "archive.sqlite3", "web", "--no-open"])
        .env("CARTERO_LANG", "en")
        .stdout(Stdio::piped())
        .spawn()?;
    let mut out = BufReader::new(desk.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line)?;
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .ok_or_else(|| anyhow::anyhow!("no address in {line:?}"))?;
    let (port, token) = url
        .trim_start_matches("http://127.0.0.1:")
        .split_once("/?token=")
        .unwrap();
    let port: u16 = port.parse()?;
    let cookie = format!("cartero_desk_{port}={token}");
    let listening = start.elapsed();
    let (status, body) = get(port, "/", &cookie)?;
    anyhow::ensure!(status == 200, "the list: {status}");
    let first = start.elapsed();
    anyhow::ensure!(
        body.contains(&format!("0 of {n} decided")),
        "the list's counts"
    );

    let mut lists = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        get(port, "/?show=decide", &cookie)?;
        lists.push(t.elapsed());
    }
    let mut pages = Vec::new();
    let mut k = 7usize;
    for _ in 0..200 {
        k = (k * 7919 + 13) % n;
        let t = Instant::now();
        let (status, body) = get(port, &format!("/client/{}", k + 1), &cookie)?;
        pages.push(t.elapsed());
        anyhow::ensure!(
            status == 200 && body.contains("Lo del año 2025"),
            "client {k}"
        );
    }
    let peak = peak_kib(desk.id());
    desk.kill()?;
    desk.wait()?;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let pct = |v: &mut Vec<Duration>, p: f64| {
        v.sort();
        v[((v.len() as f64 * p) as usize).min(v.len() - 1)]
    };
    eprintln!(
        "bench_desk: {n} clients, 5 years of letters: listening after {:.0} ms, the first page after {:.0} ms (target < 300 ms)",
        ms(listening),
        ms(first)
    );
    eprintln!(
        "bench_desk: the list (first 500 rows): p50 {:.1} ms, p95 {:.1} ms; a client's page: p50 {:.1} ms, p95 {:.1} ms (target < 50 ms)",
        ms(pct(&mut lists, 0.5)),
        ms(pct(&mut lists, 0.95)),
        ms(pct(&mut pages, 0.5)),
        ms(pct(&mut pages, 0.95))
    );
    match peak {
        Some(kib) => eprintln!(
            "bench_desk: peak memory {:.0} MB (target < {} MB)",
            kib as f64 / 1024.0,
            if n <= 10_000 { 100 } else { 400 }
        ),
        None => eprintln!("bench_desk: peak memory not known on this system"),
    }
    if std::env::var_os("BENCH_KEEP").is_some() && reused.is_none() {
        eprintln!("bench_desk: kept {}", dir.keep().display());
    }
    Ok(())
}

/// The desk's peak resident memory, from Linux's `/proc`.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One GET with the desk's cookie: its status and body.
fn get(port: u16, path: &str, cookie: &str) -> anyhow::Result<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = String::new();
    s.read_to_string(&mut raw)?;
    let status = raw
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Ok((status, raw))
}

/// The campaign of N clients, drafted, and its archive.
fn prepare(root: &Path, n: usize, cartero: &Path) -> anyhow::Result<()> {
    archive(&root.join("archive.sqlite3"), n)?;
    campaign(root, n)?;
    let status = Command::new(cartero)
        .current_dir(root)
        .args(["--archive", "archive.sqlite3", "draft"])
        .stdout(Stdio::null())
        .status()?;
    anyhow::ensure!(status.success(), "draft failed");
    Ok(())
}

fn archive(path: &Path, n: usize) -> anyhow::Result<()> {
    let mut a = Archive::open(path)?;
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
                replied_at: (i % 3 == 0).then(|| format!("{year}-12-22T09:00:00.000+01:00")),
                proof: None,
                attachments: Vec::new(),
                bounced_at: None,
                bounce: None,
            })
            .collect();
        a.keep(&letters)?;
    }
    Ok(())
}

fn campaign(root: &Path, n: usize) -> anyhow::Result<()> {
    let mut csv = String::from("email,name,note,affinity,company\n");
    for i in 0..n {
        csv.push_str(&format!(
            "c{i}@example.com,Cliente{i} Pérez,Este año: el café {i},{},Empresa {i}\n",
            i % 11
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
        "[sender]\nname = \"Ana García\"\nemail = \"ana@example.com\"\n[campaign]\nclients = \"clients.csv\"\ntemplate = \"templates/year-end.es.txt\"\n",
    )?;
    Ok(())
}

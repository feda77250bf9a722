//! Benchmark: `cartero status` and the time to `review`'s first prompt on N drafts (default 10,000).
//!
//! `cargo build --release && cargo run --release --example bench_status -- 10000`

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Instant;

use clap::Parser;

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
    let mut csv = String::from("email,name,affinity,note\n");
    for i in 0..n {
        csv.push_str(&format!(
            "c{i}@example.com,Cliente{i} Pérez,{},Gracias por la charla del día {i} y por el café de la esquina {}\n",
            i % 11,
            i * 7
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
        "[sender]\nname = \"Ana García\"\nemail = \"ana@example.com\"\n[campaign]\ntemplate = \"templates/year-end.es.txt\"\n",
    )?;
    let config = root.join("cartero.toml");
    let config = config.to_str().unwrap();
    let start = Instant::now();
    cartero::commands::run(cartero::cli::Cli::parse_from([
        "cartero", "--config", config, "draft",
    ]))?;
    eprintln!(
        "bench_status: draft of {n} clients took {:.3} s",
        start.elapsed().as_secs_f64()
    );

    let start = Instant::now();
    let out = Command::new(&cartero)
        .args(["--config", config, "status"])
        .stdout(Stdio::piped())
        .output()?;
    anyhow::ensure!(out.status.success(), "status failed");
    eprintln!(
        "bench_status: `status` on {n} drafts took {:.3} s",
        start.elapsed().as_secs_f64()
    );

    let start = Instant::now();
    let out = Command::new(&cartero)
        .args(["--config", config, "status", "--json"])
        .stdout(Stdio::piped())
        .output()?;
    anyhow::ensure!(out.status.success(), "status --json failed");
    eprintln!(
        "bench_status: `status --json` on {n} drafts took {:.3} s",
        start.elapsed().as_secs_f64()
    );

    let start = Instant::now();
    let mut child = Command::new(&cartero)
        .args(["--config", config, "review"])
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
    let first_prompt = start.elapsed();
    drop(child.stdin.take()); // end of input: quit
    child.wait()?;
    eprintln!(
        "bench_status: `review`'s first prompt on {n} drafts after {:.3} s",
        first_prompt.as_secs_f64()
    );
    Ok(())
}

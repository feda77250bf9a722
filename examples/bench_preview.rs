//! Benchmark: `cartero preview` of N generated clients (default 10,000), timed, with peak memory.
//!
//! `cargo run --release --example bench_preview -- 10000`

use std::time::Instant;

use clap::Parser;

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let dir = tempfile::tempdir()?;
    let root = dir.path();
    let mut csv = String::from("email,name,affinity,language,note,company\n");
    let words = [
        "paella",
        "feria",
        "mudanza",
        "tienda",
        "viaje",
        "concierto",
        "furgoneta",
        "piano",
        "huerto",
        "boda",
    ];
    for i in 0..n {
        let note = format!(
            "Me acuerdo de la {} de {} y del {} número {i}, cuando todo salió al revés.",
            words[i % 10],
            words[(i / 10) % 10],
            words[(i / 100) % 10]
        );
        csv.push_str(&format!(
            "cliente{i}@example.com,Cliente{i} Pérez,{},{},\"{note}\",Empresa {i}\n",
            i % 11,
            if i % 4 == 0 { "en" } else { "es" }
        ));
    }
    std::fs::write(root.join("clients.csv"), csv)?;
    let repo = env!("CARGO_MANIFEST_DIR");
    std::fs::create_dir_all(root.join("templates"))?;
    for t in ["year-end.es.txt", "year-end.en.txt"] {
        std::fs::copy(
            format!("{repo}/templates/{t}"),
            root.join("templates").join(t),
        )?;
    }
    let out = root.join("out");
    let (clients, template) = (
        root.join("clients.csv"),
        root.join("templates/year-end.es.txt"),
    );
    let args = [
        "cartero",
        "--clients",
        clients.to_str().unwrap(),
        "--template",
        template.to_str().unwrap(),
        "--from",
        "Ana García <ana@example.com>",
        "preview",
        "--out",
        out.to_str().unwrap(),
    ];
    let start = Instant::now();
    let code = cartero::commands::run(cartero::cli::Cli::parse_from(args))?;
    let elapsed = start.elapsed();
    let files = std::fs::read_dir(&out)?.count();
    let bytes: u64 = std::fs::read_dir(&out)?
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    eprintln!(
        "bench_preview: {n} clients, {files} .eml files ({:.1} MiB) in {:.3} s ({:.0} emails/s), peak memory {} ({code:?})",
        bytes as f64 / 1048576.0,
        elapsed.as_secs_f64(),
        files as f64 / elapsed.as_secs_f64(),
        peak_memory()
    );
    Ok(())
}

/// The process's peak resident memory, from /proc (Linux).
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l[6..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

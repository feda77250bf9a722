//! Benchmark: reading delivery notices. Each fixture of `tests/fixtures/bounces/` (and a
//! person's answer, which is no notice) read N times (default 2,000) by `domain::bounce::read`;
//! prints the time per message, and how big each is.
//!
//! `cargo run --release --example bench_bounces -- 2000`

use std::time::Instant;

use cartero::domain::bounce;

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(2_000);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bounces");
    let mut messages: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        messages.push((name, std::fs::read(&path)?));
    }
    messages.sort();
    messages.push((
        "an answer".into(),
        b"From: Pepi <pepi@example.com>\r\nSubject: Re: Feliz a\xc3\xb1o\r\n\r\nGracias!\r\n"
            .to_vec(),
    ));
    let mut total = 0.0;
    for (name, bytes) in &messages {
        let start = Instant::now();
        let mut found = 0;
        for _ in 0..n {
            found += usize::from(bounce::read(bytes).is_some());
        }
        let each = start.elapsed().as_secs_f64() / n as f64 * 1e6;
        total += each;
        println!(
            "{name:20} {:6} bytes  {each:8.1} µs each  (a notice: {})",
            bytes.len(),
            found == n
        );
    }
    println!(
        "{} messages, {:.1} µs each on average",
        messages.len(),
        total / messages.len() as f64
    );
    Ok(())
}

//! Benchmark: `cartero send` of N approved drafts (default 1,000) to an SMTP server on 127.0.0.1,
//! with the journal fsync'ed for every message.
//!
//! `cargo run --release --example bench_send -- 1000`          (an in-process server)
//! `cargo run --release --example bench_send -- 1000 8025`     (a server already on 127.0.0.1:8025)

use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use clap::Parser;
use mailin_embedded::{response, Handler, Response, Server};

#[derive(Clone)]
struct Counter(Arc<AtomicUsize>);

impl Handler for Counter {
    fn data_end(&mut self) -> Response {
        self.0.fetch_add(1, Ordering::SeqCst);
        response::OK
    }
}

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

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(1000);
    let external: Option<u16> = std::env::args().nth(2).map(|a| a.parse()).transpose()?;
    let received = Arc::new(AtomicUsize::new(0));
    let port = match external {
        Some(p) => p,
        None => {
            let listener = TcpListener::bind("127.0.0.1:0")?;
            let port = listener.local_addr()?.port();
            let mut server = Server::new(Counter(Arc::clone(&received)));
            server.with_name("localhost").with_tcp_listener(listener);
            std::thread::spawn(move || {
                let _ = server.serve();
            });
            port
        }
    };

    let dir = tempfile::tempdir_in(std::env::var_os("BENCH_DIR").unwrap_or_else(|| ".".into()))?;
    let root = dir.path();
    let mut csv = String::from("email,name,note\n");
    for i in 0..n {
        csv.push_str(&format!(
            "c{i}@example.com,Cliente{i} Pérez,Gracias por el café del día {i} y por la charla\n"
        ));
    }
    std::fs::write(root.join("clients.csv"), csv)?;
    std::fs::create_dir_all(root.join("templates"))?;
    std::fs::write(
        root.join("templates/t.txt"),
        "Subject: Gracias, {{ first_name }}\n\nHola, {{ first_name }}:\n\n{{ note }}.\n\nUn abrazo,\n{{ sender.name }}\n",
    )?;
    let config = root.join("cartero.toml");
    std::fs::write(
        &config,
        format!(
            "[sender]\nname = \"Ana García\"\nemail = \"ana@example.com\"\n[campaign]\nclients = \"clients.csv\"\ntemplate = \"templates/t.txt\"\n[smtp]\nhost = \"127.0.0.1\"\nport = {port}\nsecurity = \"none\"\n[archive]\npath = \"archive.sqlite3\"\n"
        ),
    )?;
    let config = config.to_str().unwrap();
    cartero(&["--config", config, "draft"])?;
    let settings = cartero::settings::Settings::resolve(&cartero::cli::Common {
        config: Some(config.into()),
        ..Default::default()
    })?;
    let answers = "a\n".repeat(n);
    cartero::commands::review::run_with(settings, &mut answers.as_bytes(), &mut std::io::sink())?;

    let start = Instant::now();
    cartero(&["--config", config, "send", "--yes"])?;
    let elapsed = start.elapsed();
    if external.is_none() {
        anyhow::ensure!(
            received.load(Ordering::SeqCst) == n,
            "the server got {} of {n}",
            received.load(Ordering::SeqCst)
        );
    }
    eprintln!(
        "bench_send: {n} messages to 127.0.0.1:{port} in {:.3} s ({:.0} messages/s), one connection, journal fsync'ed per message",
        elapsed.as_secs_f64(),
        n as f64 / elapsed.as_secs_f64()
    );
    Ok(())
}

//! `password-command`: a program that prints the password (or an OAuth2 access token).

use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// Runs `password-command` and takes the first line it prints; it may take `limit` at most.
pub fn run_password_command(cmd: &str, limit: Duration, section: &str) -> Result<String> {
    use std::io::Read;
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(std::process::Stdio::inherit())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .with_context(|| format!("failed to run `password-command` `{cmd}`"))?;
    let mut stdout = child
        .stdout
        .take()
        .context("no output from `password-command`")?;
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout.read_to_end(&mut bytes).map(|_| bytes)
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child
            .try_wait()
            .with_context(|| format!("failed to run `password-command` `{cmd}`"))?
        {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "`password-command` `{cmd}` did not finish within {} seconds, so nothing was sent: run it yourself to see what it waits for (raise `password-command-seconds` under `{section}` if it needs longer)",
                limit.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if !status.success() {
        bail!("`password-command` `{cmd}` failed ({status}), so nothing was sent: run it yourself to see why");
    }
    let bytes = reader
        .join()
        .map_err(|_| anyhow::anyhow!("failed to read what `password-command` printed"))?
        .with_context(|| format!("failed to read what `password-command` `{cmd}` printed"))?;
    let text = String::from_utf8(bytes).with_context(|| {
        format!("`password-command` `{cmd}` printed something that is not text")
    })?;
    let password = text.lines().next().unwrap_or("").to_string();
    if password.is_empty() {
        bail!("`password-command` `{cmd}` printed nothing, so there is no password to log in with: run it yourself and check that it prints the password on its first line");
    }
    Ok(password)
}

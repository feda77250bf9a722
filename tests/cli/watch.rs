//! A cartero process whose stderr the test reads as it comes, so that a test waits for the line
//! that says cartero got somewhere instead of sleeping and hoping it did.

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::support::{Campaign, NOW};

/// How long a test waits for a line before it fails, saying what it saw instead.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// What the process has written to stderr so far, and whether it is done writing.
#[derive(Default)]
struct Seen {
    text: String,
    closed: bool,
}

/// `cartero ARGS` running in the background, its stderr read as it comes.
pub struct Watched {
    pub child: Child,
    stderr: Arc<(Mutex<Seen>, Condvar)>,
    stdout: std::thread::JoinHandle<String>,
}

/// `cartero ARGS` in the campaign folder, with the environment `Campaign::cmd` gives, plus
/// `env`; stdin a pipe the test writes to (`stdin`) or closes.
pub fn watch(c: &Campaign, args: &[&str], env: &[(&str, &str)]) -> Watched {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("cartero"));
    cmd.current_dir(c.dir.path())
        .args(args)
        .env("CARTERO_NOW", NOW)
        // English, whatever the tester's locale: the tests of the languages set their own.
        .env("CARTERO_LANG", "en")
        .env("XDG_DATA_HOME", c.path(".data"))
        .env("NO_COLOR", "1")
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .env_remove("CARTERO_SMTP_PASSWORD")
        .env_remove("CARTERO_IMAP_PASSWORD")
        .env("CARTERO_SENT_GRACE_MS", "400")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let mut out = child.stdout.take().unwrap();
    // Read as it comes too, so that a full pipe never stops the process.
    let stdout = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = out.read_to_string(&mut text);
        text
    });
    let mut pipe = child.stderr.take().unwrap();
    let stderr = Arc::new((Mutex::new(Seen::default()), Condvar::new()));
    let shared = Arc::clone(&stderr);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        loop {
            let n = pipe.read(&mut buf).unwrap_or(0);
            let (lock, cv) = &*shared;
            let mut seen = lock.lock().unwrap();
            if n == 0 {
                seen.closed = true;
            } else {
                seen.text.push_str(&String::from_utf8_lossy(&buf[..n]));
            }
            cv.notify_all();
            if n == 0 {
                return;
            }
        }
    });
    Watched {
        child,
        stderr,
        stdout,
    }
}

impl Watched {
    /// Waits until stderr holds `text` (a prompt need not end its line); fails the test, with
    /// what was said, if it never comes.
    #[track_caller]
    pub fn wait_for(&self, text: &str) {
        self.wait_for_count(text, 1)
    }

    /// Waits until stderr holds `text` `n` times.
    #[track_caller]
    pub fn wait_for_count(&self, text: &str, n: usize) {
        let (lock, cv) = &*self.stderr;
        let start = Instant::now();
        let mut seen = lock.lock().unwrap();
        while seen.text.matches(text).count() < n {
            let why = match (seen.closed, start.elapsed() >= PATIENCE) {
                (true, _) => "ended without saying",
                (_, true) => "did not, within a minute, say",
                _ => {
                    seen = cv.wait_timeout(seen, Duration::from_millis(50)).unwrap().0;
                    continue;
                }
            };
            let said = seen.text.clone();
            drop(seen);
            panic!("cartero {why} {text:?} ({n} times); it said:\n{said}");
        }
    }

    /// Writes `text` to the process's stdin.
    pub fn type_in(&mut self, text: &str) {
        let stdin: &mut ChildStdin = self.child.stdin.as_mut().unwrap();
        stdin.write_all(text.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Closes stdin (end of input).
    pub fn close_stdin(&mut self) {
        drop(self.child.stdin.take());
    }

    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: signalling our own child process.
        unsafe { libc::kill(self.child.id() as i32, signal) };
    }

    /// Waits for the process to end (failing the test after `PATIENCE`, the process killed);
    /// its exit status, stdout and whole stderr.
    #[track_caller]
    pub fn finish(mut self) -> (ExitStatus, String, String) {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "cartero did not end within {PATIENCE:?}; it said:\n{}",
                    self.stderr_so_far()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let stdout = self.stdout.join().unwrap();
        let (lock, cv) = &*self.stderr;
        let mut seen = lock.lock().unwrap();
        while !seen.closed {
            seen = cv.wait_timeout(seen, Duration::from_millis(50)).unwrap().0;
        }
        (status, stdout, seen.text.clone())
    }

    pub fn stderr_so_far(&self) -> String {
        self.stderr.0.lock().unwrap().text.clone()
    }
}

/// Waits until the signals sent to process `pid` with kill(2) were all taken by it (none is
/// pending any more): its handlers have run, or are running in the thread that took them.
#[track_caller]
pub fn signals_taken(pid: u32) {
    let start = Instant::now();
    loop {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        // Gone, or ended and not yet waited for: nothing is pending any more.
        if status.is_empty() || status.contains("State:\tZ") {
            return;
        }
        let pending = status
            .lines()
            .find_map(|l| l.strip_prefix("ShdPnd:"))
            .map(|m| m.trim().chars().any(|ch| ch != '0'));
        if pending == Some(false) {
            return;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "process {pid} never took its signal: {status}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

//! `drafts/cartero.lock`: an OS advisory lock held by the one command writing the drafts folder.
//!
//! The kernel releases it when the process ends, however it ends (`kill -9` included), so a
//! lock is never left behind; the file keeps who holds it, to name them when another is refused.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
}

/// Who holds the lock: the command and its process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub command: String,
    pub pid: Option<u32>,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.pid {
            Some(pid) => f.write_str(&tr!(
                "lock-holder",
                command = &self.command,
                pid = pid.to_string()
            )),
            None => f.write_str(&tr!("lock-holder-unknown")),
        }
    }
}

fn path(drafts: &Path) -> PathBuf {
    drafts.join("cartero.lock")
}

fn open(path: &Path) -> Result<File> {
    if path.is_dir() {
        anyhow::bail!(tr!("lock-file-is-a-folder", file = path.display()));
    }
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .with_context(|| {
            tr!(
                "lock-open-failed",
                file = path.display(),
                folder = path.parent().unwrap_or(Path::new(".")).display()
            )
        })
}

/// The variable through which `cartero web` hands the lock it holds to the `send` or `replies`
/// it runs: the number of an open descriptor of that very lock, so that the drafts folder is
/// never free between the two, not for an instant.
pub const HANDED: &str = "CARTERO_LOCK_FD";

impl Lock {
    /// Takes the drafts folder for `command` (`draft`, `review`, `send`), or says who has it.
    pub fn take(drafts: &Path, command: &str) -> Result<Lock> {
        if drafts.exists() && !drafts.is_dir() {
            bail!(tr!("lock-drafts-is-a-file", folder = drafts.display()));
        }
        std::fs::create_dir_all(drafts)
            .with_context(|| tr!("lock-create-failed", folder = drafts.display()))?;
        let path = path(drafts);
        if let Some(mut handed) = handed(&path) {
            handed.write_holder(command)?;
            return Ok(handed);
        }
        let mut file = open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let who = read_holder(&mut file);
                if who.command == "web" {
                    bail!(tr!(
                        "lock-held-by-desk",
                        who = who.to_string(),
                        command = command
                    ));
                }
                bail!(tr!("lock-held", who = who.to_string(), command = command));
            }
            Err(TryLockError::Error(e)) => {
                return Err(e).with_context(|| tr!("lock-lock-failed", file = path.display()));
            }
        }
        let mut lock = Lock { file, path };
        lock.write_holder(command)?;
        Ok(lock)
    }

    /// Says in the file who holds the lock now: this process, for `command`. Only the holder
    /// writes here; a reader refused the lock reads who it is, and this process knows itself by
    /// it (its own `sending` is not another's).
    pub fn write_holder(&mut self, command: &str) -> Result<()> {
        self.file
            .set_len(0)
            .and_then(|_| self.file.seek(SeekFrom::Start(0)))
            .and_then(|_| writeln!(self.file, "{} {command}", std::process::id()))
            .and_then(|_| self.file.flush())
            .with_context(|| tr!("lock-write-failed", file = self.path.display()))
    }

    /// A descriptor of this very lock for a child process to take over with `HANDED` (the
    /// lock stays held by both until both have closed it); the caller closes it once the child
    /// has started.
    #[cfg(unix)]
    pub fn hand_over(&self) -> Result<std::os::fd::OwnedFd> {
        use std::os::fd::{AsRawFd, FromRawFd};
        // SAFETY: `dup` of a descriptor this lock owns; the copy is owned by the `OwnedFd`, and
        // has no close-on-exec flag, so a child started now inherits it.
        let fd = unsafe { libc::dup(self.file.as_raw_fd()) };
        if fd < 0 {
            return Err(std::io::Error::last_os_error())
                .with_context(|| tr!("lock-lock-failed", file = self.path.display()));
        }
        Ok(unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) })
    }

    /// True while the file at the lock's path is still the one locked. Someone who deletes
    /// `cartero.lock` while a send runs lets a second send take a new one: the first must notice
    /// and stop, or both would send the same letters.
    pub fn still_held(&self) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            match (self.file.metadata(), std::fs::metadata(&self.path)) {
                (Ok(ours), Ok(there)) => ours.dev() == there.dev() && ours.ino() == there.ino(),
                _ => false,
            }
        }
        #[cfg(not(unix))]
        {
            self.path.exists()
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The lock a parent handed over (`HANDED`): adopted only when the descriptor is this very
/// lock file, and never passed further on (to a password command, say).
#[cfg(unix)]
fn handed(path: &Path) -> Option<Lock> {
    use std::os::fd::FromRawFd;
    use std::os::unix::fs::MetadataExt;
    let fd: i32 = std::env::var(HANDED).ok()?.trim().parse().ok()?;
    // SAFETY: only reads the descriptor's metadata; a number that is not open fails.
    let mut stat: libc::stat = unsafe { std::mem::zeroed() };
    if fd < 3 || unsafe { libc::fstat(fd, &mut stat) } != 0 {
        return None;
    }
    let there = std::fs::metadata(path).ok()?;
    if stat.st_dev as u64 != there.dev() || stat.st_ino as u64 != there.ino() {
        return None;
    }
    // SAFETY: the descriptor is open, is the lock file, and was handed to this process to own.
    unsafe {
        libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC);
    }
    let file = unsafe { File::from_raw_fd(fd) };
    Some(Lock {
        file,
        path: path.to_path_buf(),
    })
}

#[cfg(not(unix))]
fn handed(_: &Path) -> Option<Lock> {
    None
}

/// Who holds the drafts folder now, other than this process; `None` when nobody does.
pub fn holder(drafts: &Path) -> Option<Holder> {
    let mut file = File::open(path(drafts)).ok()?;
    match file.try_lock_shared() {
        Ok(()) => None,
        Err(TryLockError::WouldBlock) => {
            let who = read_holder(&mut file);
            (who.pid != Some(std::process::id())).then_some(who)
        }
        Err(TryLockError::Error(_)) => None,
    }
}

fn read_holder(file: &mut File) -> Holder {
    let mut text = String::new();
    // The holder writes its name just after it took the lock: give it a moment to.
    for _ in 0..20 {
        text.clear();
        let _ = file
            .seek(SeekFrom::Start(0))
            .and_then(|_| file.read_to_string(&mut text));
        if !text.trim().is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let mut words = text.split_whitespace();
    let pid = words.next().and_then(|p| p.parse().ok());
    let command = words.next().unwrap_or("").to_string();
    if command.is_empty() {
        return Holder { command, pid: None };
    }
    Holder { command, pid }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_refused_and_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let lock = Lock::take(dir.path(), "send").unwrap();
        // This process holds it: not reported as someone else.
        assert_eq!(holder(dir.path()), None);
        let err = Lock::take(dir.path(), "review").unwrap_err();
        let text = format!("{err:#}");
        assert!(text.contains("`cartero send` (process"), "{text}");
        assert!(lock.still_held());
        let other = tempfile::tempdir().unwrap();
        let file = other.path().join("a-file");
        std::fs::write(&file, "").unwrap();
        let err = format!("{:#}", Lock::take(&file, "draft").unwrap_err());
        assert!(err.contains("is a file, not a folder"), "{err}");
        std::fs::create_dir(other.path().join("cartero.lock")).unwrap();
        let err = format!("{:#}", Lock::take(other.path(), "draft").unwrap_err());
        assert!(
            err.contains("is a folder, where cartero keeps its lock file"),
            "{err}"
        );
        std::fs::remove_file(dir.path().join("cartero.lock")).unwrap();
        assert!(!lock.still_held(), "a deleted lock file is noticed");
        drop(lock);
        Lock::take(dir.path(), "review").unwrap();
    }
}

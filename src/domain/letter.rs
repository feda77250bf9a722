//! The files a letter carries: its attachments and the images its Markdown shows, read from the
//! campaign folder; and the hash an approval binds to (the text and every file's bytes).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::domain::compose::Email;
use crate::domain::markdown;

/// One file that goes with a letter, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// As the draft names it: `presupuestos/ana.pdf`.
    pub name: String,
    /// What the client's mail app calls it: `ana.pdf`.
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// `application/pdf`, from the file's name.
    pub content_type: String,
    /// An image the HTML shows (by its `Content-ID`), not an attachment.
    pub inline: bool,
}

impl Piece {
    /// The `Content-ID` an inline image goes by: from its bytes and the letter's Message-ID, so
    /// every build of the letter gives the same one and no two letters share one (RFC 2392).
    pub fn content_id(&self, message_id: &str, domain: &str) -> String {
        let mut h = Sha256::new();
        h.update(message_id.as_bytes());
        h.update([0]);
        // Its name too: two images with the same bytes are still two parts, each its own id.
        h.update(self.name.as_bytes());
        h.update([0]);
        h.update(&self.bytes);
        let digest = h.finalize();
        let tag: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        format!("{tag}@{domain}")
    }
}

/// Every file a letter carries, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Files {
    pub pieces: Vec<Piece>,
}

/// A file a letter names that cannot go with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub name: String,
    pub why: String,
}

/// The files a letter names: its attachments, then (Markdown) the images it shows; a file
/// named twice goes once.
pub fn named(email: &Email) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for a in &email.attachments {
        if !out.iter().any(|(n, _)| n == a) {
            out.push((a.clone(), false));
        }
    }
    if email.markdown {
        for image in markdown::images(&email.body) {
            if !out.iter().any(|(n, inline)| *inline && *n == image) {
                out.push((image, true));
            }
        }
    }
    out
}

/// Each file the letter names, whether it goes inside the letter, and its size when it is
/// there: what review and the desk show beside the text.
pub fn listed(email: &Email, base: &Path) -> Vec<(String, bool, Option<u64>)> {
    named(email)
        .into_iter()
        .map(|(name, inline)| {
            let size = std::fs::metadata(base.join(&name))
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len());
            (name, inline, size)
        })
        .collect()
}

/// Reads every file the letter names, relative to `base` (the campaign folder); the first that
/// cannot go is the answer.
pub fn load(email: &Email, base: &Path) -> Result<Files, FileProblem> {
    let pieces = named(email)
        .into_iter()
        .map(|(name, inline)| piece(base, name, inline))
        .collect::<Result<_, _>>()?;
    Ok(Files { pieces })
}

/// Every file the letter names that cannot go with it, each with why (`check` says them all at
/// once); the files when all can.
pub fn load_all(email: &Email, base: &Path) -> Result<Files, Vec<FileProblem>> {
    let mut pieces = Vec::new();
    let mut problems = Vec::new();
    for (name, inline) in named(email) {
        match piece(base, name, inline) {
            Ok(p) => pieces.push(p),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(Files { pieces })
    } else {
        Err(problems)
    }
}

/// One file of the letter, read: from inside the campaign folder, and an image where the
/// letter shows it.
fn piece(base: &Path, name: String, inline: bool) -> Result<Piece, FileProblem> {
    let problem = |why: String| FileProblem {
        name: name.clone(),
        why,
    };
    let path = inside(base, &name).map_err(problem)?;
    let bytes = read(&path).map_err(problem)?;
    let content_type = content_type(&name);
    if inline && !content_type.starts_with("image/") {
        return Err(problem(tr!("letter-not-an-image", file = &name)));
    }
    if !holds(&content_type, &bytes) {
        return Err(problem(tr!("letter-not-what-named", file = &name)));
    }
    Ok(Piece {
        file_name: file_name(&name),
        content_type,
        name,
        bytes,
        inline,
    })
}

/// Whether the bytes are what the name says, for the images mail apps show: a PNG, JPEG, GIF or
/// WebP must begin as one (a text renamed `logo.png` would show as a broken image). Any other
/// kind is taken as named.
fn holds(content_type: &str, bytes: &[u8]) -> bool {
    match content_type {
        "image/png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "image/jpeg" => bytes.starts_with(&[0xff, 0xd8, 0xff]),
        "image/gif" => bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a"),
        "image/webp" => bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP",
        _ => true,
    }
}

/// Where a file the letter names is: only the campaign's own files, so a list or a note never
/// sends one from elsewhere on the computer (an absolute path, `..`, a drive, an address, or a
/// link inside the folder that leads out of it).
fn inside(base: &Path, name: &str) -> Result<PathBuf, String> {
    let relative = Path::new(name);
    let drive = name.as_bytes().get(1) == Some(&b':');
    if relative.has_root()
        || drive
        || name.contains("://")
        || relative
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return Err(tr!("letter-file-outside", file = name));
    }
    let path = base.join(name);
    // A link is followed to where it leads, which must be inside the folder too.
    let root = match base.as_os_str().is_empty() {
        true => Path::new("."),
        false => base,
    };
    if let (Ok(real), Ok(root)) = (path.canonicalize(), root.canonicalize()) {
        if !real.starts_with(&root) {
            return Err(tr!(
                "letter-file-link-outside",
                file = name,
                target = real.display()
            ));
        }
    }
    Ok(path)
}

/// A file's bytes; or why not, in words.
fn read(path: &Path) -> Result<Vec<u8>, String> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(tr!("letter-file-missing", file = path.display()))
        }
        Ok(meta) if meta.is_dir() => {
            return Err(tr!("letter-file-is-folder", file = path.display()))
        }
        // A pipe or a device would block the read, or never end it.
        Ok(meta) if !meta.is_file() => {
            return Err(tr!("letter-file-not-a-file", file = path.display()))
        }
        _ => {}
    }
    std::fs::read(path).map_err(|e| {
        tr!(
            "letter-file-unreadable",
            file = path.display(),
            why = crate::text::os_words(&e)
        )
    })
}

/// The last part of a name written with `/` (or `\`).
fn file_name(name: &str) -> String {
    name.rsplit(['/', '\\']).next().unwrap_or(name).to_string()
}

/// The file's type from its name; `application/octet-stream` when nothing says.
pub fn content_type(name: &str) -> String {
    mime_guess::from_path(name)
        .first_or_octet_stream()
        .essence_str()
        .to_string()
}

/// Kinds of file mail providers refuse to carry (Gmail's list, most of Outlook's).
const BLOCKED: &[&str] = &[
    "ade", "adp", "apk", "appx", "bat", "cab", "chm", "cmd", "com", "cpl", "dll", "dmg", "exe",
    "hta", "ins", "isp", "iso", "jar", "js", "jse", "lib", "lnk", "mde", "msc", "msi", "msix",
    "msp", "mst", "nsh", "pif", "ps1", "scr", "sct", "shb", "sys", "vb", "vbe", "vbs", "vxd",
    "wsc", "wsf", "wsh",
];

/// Whether providers block a file of this name (`.exe`, `.bat`, `.js`…).
pub fn blocked(name: &str) -> bool {
    let ext = file_name(name)
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase());
    ext.is_some_and(|e| BLOCKED.contains(&e.as_str()))
}

/// What an approval binds to: the draft's text, and when the letter carries files, each one's
/// name and bytes. A letter without files hashes as its text alone (the journal's `hash`).
pub fn bound_hash(text: &str, files: &Files) -> String {
    let mut h = Sha256::new();
    h.update(text.as_bytes());
    if !files.pieces.is_empty() {
        h.update(b"\0cartero files\0");
        for p in &files.pieces {
            h.update((p.name.len() as u64).to_le_bytes());
            h.update(p.name.as_bytes());
            h.update(Sha256::digest(&p.bytes));
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_blocked_kinds_and_names() {
        assert_eq!(content_type("a/presupuesto.PDF"), "application/pdf");
        assert_eq!(content_type("logo.png"), "image/png");
        assert_eq!(content_type("sin-extension"), "application/octet-stream");
        assert!(blocked("instalar.EXE") && blocked("x/y.js") && !blocked("carta.pdf"));
        assert_eq!(file_name("planos/casa año.pdf"), "casa año.pdf");
    }

    #[test]
    fn a_letter_without_files_hashes_as_its_text() {
        let text = "To: a@example.com\nSubject: x\n\nHola\n";
        let plain: String = Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(bound_hash(text, &Files::default()), plain);
        let piece = |bytes: &[u8]| Files {
            pieces: vec![Piece {
                name: "a.pdf".into(),
                file_name: "a.pdf".into(),
                bytes: bytes.to_vec(),
                content_type: "application/pdf".into(),
                inline: false,
            }],
        };
        assert_ne!(bound_hash(text, &piece(b"1")), plain);
        assert_ne!(
            bound_hash(text, &piece(b"1")),
            bound_hash(text, &piece(b"2"))
        );
    }
}

//! The letters as they went: a copy of each draft's text, kept as its letter goes, so that the
//! archive keeps the words that went even when the draft is edited afterwards, and a person
//! who must put a draft back as it went has it at hand: a copy of a draft is the draft's text
//! exactly.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The folder of the copies, inside the drafts folder.
const FOLDER: &str = "sent-as";

/// Where the copy of letter `message_id` of draft `file` (`0004-andrea-molina.txt`) is kept:
/// `drafts/sent-as/0004-andrea-molina.3f9a0c1e.txt`, named by its Message-ID (a letter sent
/// again after a change is another), holding the draft's text exactly, so that it can be
/// copied back over the draft as it is.
pub fn path(drafts: &Path, file: &str, message_id: &str) -> PathBuf {
    use sha2::{Digest, Sha256};
    let stem = file.strip_suffix(".txt").unwrap_or(file);
    let digest = Sha256::digest(message_id.as_bytes());
    let tag: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    drafts.join(FOLDER).join(format!("{stem}.{tag}.txt"))
}

/// Keeps `text` as letter `message_id` goes. Written whole and renamed (never torn), not synced:
/// a program killed keeps it; a machine that loses its power may lose it, and then the draft
/// itself is read, as it always was.
pub fn keep(drafts: &Path, file: &str, message_id: &str, text: &str) -> Result<()> {
    let path = path(drafts, file, message_id);
    let folder = drafts.join(FOLDER);
    std::fs::create_dir_all(&folder)
        .with_context(|| tr!("state-write-failed", file = folder.display()))?;
    let tmp = path.with_extension("tmp~");
    std::fs::write(&tmp, text).with_context(|| tr!("state-write-failed", file = tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| tr!("state-write-failed", file = path.display()))
}

/// The text letter `message_id` went with, when its copy was kept (`None` when there is none);
/// a copy that cannot be read is an error.
pub fn text_of(drafts: &Path, file: &str, message_id: &str) -> Result<Option<String>> {
    let path = path(drafts, file, message_id);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| tr!("state-went-unreadable", file = path.display())),
    }
}

/// The kept text of letter `message_id` when, with the letter's files as they are now, it is
/// still exactly what went (`hash`, the journal's hash of the text and the files' bytes).
pub fn verified(
    drafts: &Path,
    base: &Path,
    file: &str,
    message_id: &str,
    hash: &str,
) -> Result<Option<String>> {
    let kept = text_of(drafts, file, message_id)?;
    Ok(kept.filter(|text| hashes_as(text, base, hash)))
}

/// The words letter `message_id` went with, as the archive and the desk show them: the draft
/// while it is still the kept copy (nothing changed), else whichever of the two still hashes,
/// with the letter's files, as what went (`hash`), else the kept copy (the files changed too),
/// else the draft. A copy that cannot be read is passed over (`None` only without both).
pub fn as_went(
    drafts: &Path,
    base: &Path,
    file: &str,
    message_id: &str,
    hash: Option<&str>,
    draft: Option<&str>,
) -> Option<String> {
    let kept = text_of(drafts, file, message_id).ok().flatten();
    let (kept, draft) = match (kept, draft) {
        (None, draft) => return draft.map(str::to_string),
        (Some(kept), Some(draft)) if kept == draft => return Some(kept),
        (Some(kept), None) => return Some(kept),
        (Some(kept), Some(draft)) => (kept, draft),
    };
    let went = |text: &str| hash.is_some_and(|h| hashes_as(text, base, h));
    if went(&kept) {
        return Some(kept);
    }
    if went(draft) {
        return Some(draft.to_string());
    }
    Some(kept)
}

/// Whether `text`, with the files it names read from `base`, hashes as `hash` (the journal's).
fn hashes_as(text: &str, base: &Path, hash: &str) -> bool {
    let Ok(draft) = crate::domain::message::parse(text) else {
        return false;
    };
    let files = match crate::domain::letter::named(&draft.email).is_empty() {
        true => crate::domain::letter::Files::default(),
        false => match crate::domain::letter::load(&draft.email, base) {
            Ok(files) => files,
            Err(_) => return false,
        },
    };
    crate::domain::letter::bound_hash(text, &files) == hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_the_text_of_its_own_letter_only() {
        let dir = tempfile::tempdir().unwrap();
        let text = "To: ana@x\nSubject: Hola\n\nHola\n";
        keep(dir.path(), "0001-ana.txt", "<1@x>", text).unwrap();
        assert_eq!(
            text_of(dir.path(), "0001-ana.txt", "<1@x>")
                .unwrap()
                .as_deref(),
            Some(text)
        );
        // The copy is the draft's text exactly: copied back, it is the draft again.
        let kept = path(dir.path(), "0001-ana.txt", "<1@x>");
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), text);
        assert_eq!(text_of(dir.path(), "0001-ana.txt", "<2@x>").unwrap(), None);
        assert_eq!(text_of(dir.path(), "0002-bo.txt", "<1@x>").unwrap(), None);
        std::fs::remove_file(&kept).unwrap();
        std::fs::create_dir(&kept).unwrap();
        assert!(text_of(dir.path(), "0001-ana.txt", "<1@x>").is_err());
    }
}

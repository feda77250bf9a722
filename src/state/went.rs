//! The letters as they went: a copy of each draft's text, kept as its letter goes, so that the
//! archive keeps the words that went even when the draft is edited afterwards, and a person
//! who must put a draft back as it went has it at hand.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The folder of the copies, inside the drafts folder.
const FOLDER: &str = "sent-as";

/// Where the copy of draft `file` (`0004-andrea-molina.txt`) is kept:
/// `drafts/sent-as/0004-andrea-molina.txt`.
pub fn path(drafts: &Path, file: &str) -> PathBuf {
    drafts.join(FOLDER).join(file)
}

/// Keeps `text` as letter `message_id` goes. Written whole and renamed (never torn), not synced:
/// a program killed keeps it; a machine that loses its power may lose it, and then the draft
/// itself is read, as it always was.
pub fn keep(drafts: &Path, file: &str, message_id: &str, text: &str) -> Result<()> {
    let path = path(drafts, file);
    let folder = drafts.join(FOLDER);
    std::fs::create_dir_all(&folder)
        .with_context(|| tr!("state-write-failed", file = folder.display()))?;
    let tmp = path.with_extension("tmp~");
    std::fs::write(&tmp, format!("Message-ID: {message_id}\n{text}"))
        .with_context(|| tr!("state-write-failed", file = tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| tr!("state-write-failed", file = path.display()))
}

/// The text letter `message_id` went with, when its copy was kept (`None` when there is none,
/// or the copy is of a later letter); a copy that cannot be read is an error.
pub fn text_of(drafts: &Path, file: &str, message_id: &str) -> Result<Option<String>> {
    let path = path(drafts, file);
    let kept = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(e).with_context(|| tr!("state-went-unreadable", file = path.display()))
        }
    };
    let Some((first, text)) = kept.split_once('\n') else {
        return Ok(None);
    };
    Ok((first.strip_prefix("Message-ID: ") == Some(message_id)).then(|| text.to_string()))
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
    let Some(text) = text_of(drafts, file, message_id)? else {
        return Ok(None);
    };
    let Ok(draft) = crate::domain::message::parse(&text) else {
        return Ok(None);
    };
    let files = match crate::domain::letter::named(&draft.email).is_empty() {
        true => crate::domain::letter::Files::default(),
        false => match crate::domain::letter::load(&draft.email, base) {
            Ok(files) => files,
            Err(_) => return Ok(None),
        },
    };
    Ok((crate::domain::letter::bound_hash(&text, &files) == hash).then_some(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_the_text_of_its_own_letter_only() {
        let dir = tempfile::tempdir().unwrap();
        keep(
            dir.path(),
            "0001-ana.txt",
            "<1@x>",
            "To: ana@x\nSubject: Hola\n\nHola\n",
        )
        .unwrap();
        assert_eq!(
            text_of(dir.path(), "0001-ana.txt", "<1@x>")
                .unwrap()
                .as_deref(),
            Some("To: ana@x\nSubject: Hola\n\nHola\n")
        );
        assert_eq!(text_of(dir.path(), "0001-ana.txt", "<2@x>").unwrap(), None);
        assert_eq!(text_of(dir.path(), "0002-bo.txt", "<1@x>").unwrap(), None);
        std::fs::remove_file(path(dir.path(), "0001-ana.txt")).unwrap();
        std::fs::create_dir(path(dir.path(), "0001-ana.txt")).unwrap();
        assert!(text_of(dir.path(), "0001-ana.txt", "<1@x>").is_err());
    }
}

//! Folder names: as IMAP writes them (modified UTF-7) and as a person reads them; which is Sent.

use anyhow::{Context, Result};

/// A folder's name as IMAP writes it (modified UTF-7, RFC 3501 5.1.3: "Clientes A&APE-o"), as
/// a person reads it ("Clientes Año").
pub fn folder_shown(raw: &str) -> String {
    use base64::Engine;
    let mut out = String::new();
    let mut rest = raw;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('-') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let chunk = &after[..end];
        let bytes =
            base64::engine::general_purpose::STANDARD_NO_PAD.decode(chunk.replace(',', "/"));
        match bytes {
            _ if chunk.is_empty() => out.push('&'),
            Ok(b) if b.len() % 2 == 0 => {
                let units: Vec<u16> = b
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                out.push_str(&String::from_utf16_lossy(&units));
            }
            _ => {
                out.push('&');
                out.push_str(chunk);
                out.push('-');
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether a folder's name as IMAP writes it is the one the user wrote.
pub fn is_folder(raw: &str, written: &str) -> bool {
    raw == written || folder_shown(raw) == written
}

/// An IMAP quoted string.
pub(super) fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A folder that can hold messages, as the server lists it.
pub(super) struct Listed {
    pub name: String,
    /// Marked `\Sent` (RFC 6154).
    pub sent: bool,
}

/// The names sent folders usually have, when the server marks none.
const USUAL: &[&str] = &[
    "Sent",
    "INBOX.Sent",
    "INBOX/Sent",
    "Sent Items",
    "Sent Messages",
    "Sent Mail",
    "[Gmail]/Sent Mail",
    "Enviados",
    "INBOX.Enviados",
    "Elementos enviados",
];

/// The folder `sent-folder` names, as IMAP writes it or as a person reads it.
pub(super) fn configured(folders: &[Listed], wanted: &str) -> Result<String> {
    let found = folders
        .iter()
        .find(|f| is_folder(&f.name, wanted))
        .or_else(|| read_as(folders, wanted));
    found.map(|f| f.name.clone()).with_context(|| {
        tr!(
            "imap-no-such-folder",
            folder = wanted,
            folders = all(folders)
        )
    })
}

/// The folder the server marks `\Sent`, else the first with a usual name.
pub(super) fn for_sent(folders: &[Listed]) -> Result<String> {
    let found = folders
        .iter()
        .find(|f| f.sent)
        .or_else(|| USUAL.iter().find_map(|u| read_as(folders, u)));
    found
        .map(|f| f.name.clone())
        .with_context(|| tr!("imap-no-sent-folder", folders = all(folders)))
}

/// The folder a person reads as `name`, in any case.
fn read_as<'a>(folders: &'a [Listed], name: &str) -> Option<&'a Listed> {
    folders
        .iter()
        .find(|f| folder_shown(&f.name).eq_ignore_ascii_case(name))
}

/// The folders as a person reads them, quoted: `"Sent", "Clientes Año"`.
fn all(folders: &[Listed]) -> String {
    folders
        .iter()
        .map(|f| format!("\"{}\"", folder_shown(&f.name)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_shown_as_people_write_them() {
        assert_eq!(folder_shown("Clientes A&APE-o"), "Clientes Año");
        assert_eq!(
            folder_shown("[Gmail]/Messages envoy&AOk-s"),
            "[Gmail]/Messages envoyés"
        );
        assert_eq!(folder_shown("Tom &- Jerry"), "Tom & Jerry");
        assert_eq!(folder_shown("&ZeVnLIqe-"), "日本語");
        assert_eq!(folder_shown("Sent"), "Sent");
        assert_eq!(folder_shown("broken &AOk"), "broken &AOk");
        assert!(is_folder("Clientes A&APE-o", "Clientes Año"));
    }

    fn listed(names: &[(&str, bool)]) -> Vec<Listed> {
        names
            .iter()
            .map(|&(name, sent)| Listed {
                name: name.to_string(),
                sent,
            })
            .collect()
    }

    #[test]
    fn the_sent_folder_is_the_marked_one_else_a_usual_name() {
        let marked = listed(&[("INBOX", false), ("Sent", false), ("Outbox", true)]);
        assert_eq!(for_sent(&marked).unwrap(), "Outbox");
        let usual = listed(&[("INBOX", false), ("INBOX.Enviados", false)]);
        assert_eq!(for_sent(&usual).unwrap(), "INBOX.Enviados");
        let none = listed(&[("INBOX", false), ("Clientes A&APE-o", false)]);
        let e = for_sent(&none).unwrap_err().to_string();
        assert!(
            e.ends_with(r#"(its folders are "INBOX", "Clientes Año")"#),
            "{e}"
        );
    }

    #[test]
    fn the_configured_folder_is_found_as_written_or_as_read() {
        let folders = listed(&[("INBOX", false), ("Clientes A&APE-o", false)]);
        assert_eq!(
            configured(&folders, "Clientes Año").unwrap(),
            "Clientes A&APE-o"
        );
        assert_eq!(configured(&folders, "inbox").unwrap(), "INBOX");
        let e = configured(&folders, "Archivo").unwrap_err().to_string();
        assert!(e.starts_with("there is no folder \"Archivo\""), "{e}");
    }
}

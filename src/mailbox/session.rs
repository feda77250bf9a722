//! A logged-in IMAP session: login (password or XOAUTH2), the Sent folder, copies put there,
//! headers read, folders listed.

use std::collections::BTreeSet;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use imap::types::Flag;
use imap_proto::NameAttribute;

use super::connection::{open, Stream};
use super::failure::{refused_login, said};
use super::folder::{self, quoted, Listed};
use super::headers::{parse_headers, uid_set, Headers};
use crate::settings::{Auth, Imap};

/// A logged-in IMAP session.
pub struct Mailbox {
    session: imap::Session<Stream>,
    pub name: String,
    selected: Option<String>,
    /// The server takes several messages in one APPEND (RFC 3502) without waiting between
    /// them (LITERAL+, RFC 7888): one round trip, one transaction for a batch of copies.
    multiappend: bool,
}

struct XOAuth2<'a> {
    user: &'a str,
    token: &'a str,
}

impl imap::Authenticator for XOAuth2<'_> {
    type Response = String;
    fn process(&self, _challenge: &[u8]) -> String {
        format!("user={}\x01auth=Bearer {}\x01\x01", self.user, self.token)
    }
}

impl Mailbox {
    /// Connects, secures and logs in; every failure in the user's words, naming `[imap]`.
    pub fn connect(imap: &Imap, secret: &str) -> Result<Mailbox> {
        let name = format!("{}:{}", imap.server.host, imap.server.port);
        let client = open(imap).with_context(|| {
            tr!(
                "imap-reach-failed",
                server = &name,
                security = imap.server.security.to_string()
            )
        })?;
        let session = match imap.server.auth {
            Auth::Password => client.login(&imap.username, secret).map_err(|(e, _)| e),
            Auth::Xoauth2 => client
                .authenticate(
                    "XOAUTH2",
                    &XOAuth2 {
                        user: &imap.username,
                        token: secret,
                    },
                )
                .map_err(|(e, _)| e),
        }
        .map_err(|e| refused_login(imap, &e))?;
        let mut session = session;
        let multiappend = session
            .capabilities()
            .map(|c| c.has_str("MULTIAPPEND") && c.has_str("LITERAL+"))
            .unwrap_or(false);
        Ok(Mailbox {
            session,
            name,
            selected: None,
            multiappend,
        })
    }

    /// The folder for sent letters: `sent-folder`, else the one the server marks `\Sent`
    /// (RFC 6154), else one with a usual name; an error listing the folders otherwise.
    pub fn sent_folder(&mut self, configured: Option<&str>) -> Result<String> {
        let folders = self.listed()?;
        match configured {
            Some(wanted) => folder::configured(&folders, wanted),
            None => folder::for_sent(&folders),
        }
    }

    /// Puts `bytes` in `folder`, marked as read. An `Err` after the bytes went may still have
    /// stored them: the caller looks before trying again.
    pub fn append(&mut self, folder: &str, bytes: &[u8]) -> Result<()> {
        // With LITERAL+ the server answers the whole command, in its own words: Dovecot refuses a
        // full folder before the message, which the `imap` crate then reports without them
        // (`[OVERQUOTA]`).
        if let (true, Ok(text)) = (self.multiappend, std::str::from_utf8(bytes)) {
            let command = format!(
                "APPEND {} (\\Seen) {{{}+}}\r\n{text}",
                quoted(folder),
                text.len()
            );
            self.session
                .run_command_and_read_response(command)
                .map_err(|e| said(&e, &tr!("imap-doing-put-copy", folder = folder)))?;
            return Ok(());
        }
        self.session
            .append(folder, bytes)
            .flag(Flag::Seen)
            .finish()
            .map_err(|e| said(&e, &tr!("imap-doing-put-copy", folder = folder)))?;
        Ok(())
    }

    /// Puts every message of `batch` in `folder`, marked as read: in one APPEND when the server
    /// allows it (all or none are stored, RFC 3502), else one by one. An `Err` after the bytes
    /// went may still have stored them: the caller looks before trying again. The error comes
    /// with how many of the batch were stored for sure before it.
    pub fn append_all(
        &mut self,
        folder: &str,
        batch: &[&[u8]],
    ) -> std::result::Result<(), (usize, anyhow::Error)> {
        let texts: Option<Vec<&str>> = batch.iter().map(|b| std::str::from_utf8(b).ok()).collect();
        match texts {
            Some(texts) if self.multiappend && batch.len() > 1 => {
                let mut command = format!("APPEND {}", quoted(folder));
                for t in texts {
                    command.push_str(&format!(" (\\Seen) {{{}+}}\r\n{t}", t.len()));
                }
                self.session
                    .run_command_and_read_response(command)
                    .map_err(|e| (0, said(&e, &tr!("imap-doing-put-copies", folder = folder))))?;
                Ok(())
            }
            _ => {
                for (done, b) in batch.iter().enumerate() {
                    self.append(folder, b).map_err(|e| (done, e))?;
                }
                Ok(())
            }
        }
    }

    /// The headers of every message in `folder` that arrived on `since` or after, read-only
    /// (EXAMINE and BODY.PEEK: no flag changes).
    pub fn headers_since(&mut self, folder: &str, since: NaiveDate) -> Result<Vec<Headers>> {
        if self.selected.as_deref() != Some(folder) {
            self.session
                .examine(folder)
                .map_err(|e| said(&e, &tr!("imap-doing-open", folder = folder)))?;
            self.selected = Some(folder.to_string());
        } else {
            // New messages since the last look are announced by a NOOP.
            self.session
                .noop()
                .map_err(|e| said(&e, &tr!("imap-doing-look-again", folder = folder)))?;
        }
        let uids: BTreeSet<u32> = self
            .session
            .uid_search(format!("SINCE {}", since.format("%-d-%b-%Y")))
            .map_err(|e| said(&e, &tr!("imap-doing-search", folder = folder)))?
            .into_iter()
            .collect();
        let uids: Vec<u32> = uids.into_iter().collect();
        let mut out = Vec::with_capacity(uids.len());
        for chunk in uids.chunks(2000) {
            let fetches = self
                .session
                .uid_fetch(
                    uid_set(chunk),
                    "(UID INTERNALDATE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO REFERENCES FROM TO SUBJECT DATE CONTENT-TYPE AUTO-SUBMITTED PRECEDENCE X-AUTOREPLY X-AUTORESPOND)])",
                )
                .map_err(|e| said(&e, &tr!("imap-doing-read", folder = folder)))?;
            for f in fetches.iter() {
                let (Some(uid), Some(header)) = (f.uid, f.header()) else {
                    continue;
                };
                let mut h = parse_headers(uid, header);
                h.arrived = f.internal_date();
                out.push(h);
            }
        }
        Ok(out)
    }

    /// The messages `uids` of `folder`, read-only (BODY.PEEK: no flag changes), each with its
    /// UID: the few that may be delivery notices. Their first 256 KiB: a notice says what it
    /// is, and the returned letter's headers, before any attachment the letter carried.
    pub fn messages(&mut self, folder: &str, uids: &[u32]) -> Result<Vec<(u32, Vec<u8>)>> {
        if self.selected.as_deref() != Some(folder) {
            self.session
                .examine(folder)
                .map_err(|e| said(&e, &tr!("imap-doing-open", folder = folder)))?;
            self.selected = Some(folder.to_string());
        }
        let mut sorted = uids.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut out = Vec::with_capacity(sorted.len());
        for chunk in sorted.chunks(50) {
            let fetches = self
                .session
                .uid_fetch(uid_set(chunk), "(UID BODY.PEEK[]<0.262144>)")
                .map_err(|e| said(&e, &tr!("imap-doing-read", folder = folder)))?;
            for f in fetches.iter() {
                if let (Some(uid), Some(body)) = (f.uid, f.body()) {
                    out.push((uid, body.to_vec()));
                }
            }
        }
        Ok(out)
    }

    /// Every folder that can hold messages.
    pub fn folders(&mut self) -> Result<Vec<String>> {
        Ok(self.listed()?.into_iter().map(|f| f.name).collect())
    }

    /// Every folder that can hold messages, with whether the server marks it `\Sent`.
    fn listed(&mut self) -> Result<Vec<Listed>> {
        let names = self
            .session
            .list(Some(""), Some("*"))
            .map_err(|e| said(&e, &tr!("imap-doing-list-folders")))?;
        Ok(names
            .iter()
            .filter(|n| !n.attributes().contains(&NameAttribute::NoSelect))
            .map(|n| Listed {
                name: n.name().to_string(),
                sent: n.attributes().contains(&NameAttribute::Sent),
            })
            .collect())
    }

    pub fn logout(mut self) {
        let _ = self.session.logout();
    }
}

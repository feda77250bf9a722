//! The headers of a message in a folder, as far as cartero reads them, and the UIDs that name it.

use chrono::{DateTime, FixedOffset};

/// The headers of one message in a folder, as far as cartero reads them.
#[derive(Debug, Clone, Default)]
pub struct Headers {
    pub uid: u32,
    pub message_id: Option<String>,
    /// In-Reply-To and References together, each `<id>` without its brackets' spaces.
    pub refers_to: Vec<String>,
    pub from: Vec<String>,
    pub to: Vec<String>,
    pub subject: String,
    pub date: Option<DateTime<FixedOffset>>,
    /// Written by a program, not a person: an out-of-office reply (RFC 3834 `Auto-Submitted`,
    /// `Precedence: auto_reply`, `X-Autoreply`).
    pub automatic: bool,
    /// When the server got it (INTERNALDATE).
    pub arrived: Option<DateTime<FixedOffset>>,
    /// `Content-Type`, as written (a delivery report says so there).
    pub content_type: String,
}

/// A Message-ID without its angle brackets, as mail-parser gives them.
pub fn bare_id(id: &str) -> &str {
    id.trim().trim_matches(|c| c == '<' || c == '>')
}

/// `1:5,7,9:12` for sorted UIDs.
pub(super) fn uid_set(uids: &[u32]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < uids.len() {
        let start = uids[i];
        let mut end = start;
        while i + 1 < uids.len() && uids[i + 1] == end + 1 {
            i += 1;
            end = uids[i];
        }
        if !out.is_empty() {
            out.push(',');
        }
        if start == end {
            out.push_str(&start.to_string());
        } else {
            out.push_str(&format!("{start}:{end}"));
        }
        i += 1;
    }
    out
}

/// The headers cartero reads, decoded (RFC 2047 words, folded lines) by mail-parser.
pub fn parse_headers(uid: u32, header: &[u8]) -> Headers {
    use mail_parser::{Address, HeaderValue, MessageParser};
    let Some(m) = MessageParser::default().parse_headers(header) else {
        return Headers {
            uid,
            ..Headers::default()
        };
    };
    let addresses = |a: Option<&Address>| -> Vec<String> {
        a.map(|a| {
            a.iter()
                .filter_map(|x| x.address())
                .map(|s| s.trim().to_lowercase())
                .collect()
        })
        .unwrap_or_default()
    };
    let ids = |v: &HeaderValue| -> Vec<String> {
        match v {
            HeaderValue::Text(t) => vec![t.to_string()],
            HeaderValue::TextList(l) => l.iter().map(|t| t.to_string()).collect(),
            _ => Vec::new(),
        }
    };
    let header = |name: &str| {
        m.header_raw(name)
            .map(|v| v.trim().to_ascii_lowercase())
            .unwrap_or_default()
    };
    let submitted = header("Auto-Submitted");
    // `Auto-Submitted: no` (a comment may follow) is a person's.
    let automatic = (!submitted.is_empty() && !submitted.starts_with("no"))
        || matches!(
            header("Precedence").as_str(),
            "auto_reply" | "bulk" | "junk"
        )
        || !header("X-Autoreply").is_empty()
        || !header("X-Autorespond").is_empty();
    let mut refers_to = ids(m.in_reply_to());
    refers_to.extend(ids(m.references()));
    Headers {
        uid,
        message_id: m.message_id().map(str::to_string),
        refers_to,
        from: addresses(m.from()),
        to: addresses(m.to()),
        subject: m.subject().unwrap_or_default().trim().to_string(),
        date: m
            .date()
            .and_then(|d| DateTime::parse_from_rfc3339(&d.to_rfc3339()).ok()),
        automatic,
        arrived: None,
        content_type: m
            .header_raw("Content-Type")
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_sets_are_ranges() {
        assert_eq!(uid_set(&[1, 2, 3, 5, 7, 8]), "1:3,5,7:8");
        assert_eq!(uid_set(&[4]), "4");
        assert_eq!(uid_set(&[]), "");
    }

    #[test]
    fn headers_are_decoded() {
        let h = parse_headers(
            7,
            b"Message-ID: <a@x>\r\nIn-Reply-To: <b@y>\r\nReferences: <c@z> <b@y>\r\nFrom: =?utf-8?q?Pepi_R=C3=BAiz?= <Pepi@Example.com>\r\nSubject: =?utf-8?b?RmVsaXogYcOxbw==?=\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n\r\n",
        );
        assert_eq!(h.message_id.as_deref(), Some("a@x"));
        assert_eq!(h.refers_to, ["b@y", "c@z", "b@y"]);
        assert_eq!(h.from, ["pepi@example.com"]);
        assert_eq!(h.subject, "Feliz año");
        assert!(h.date.is_some());
    }
}

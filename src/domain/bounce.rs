//! Delivery status notifications: the message a mail server sends back when a letter could not
//! be delivered (a bounce) or is late (a delay). RFC 3464 `multipart/report;
//! report-type=delivery-status`, as Postfix, Exim and Microsoft Exchange write them, and the
//! common unstructured ones (Exchange's "Undeliverable:", Gmail's "Delivery Status Notification
//! (Failure)", Exim's "Mail delivery failed", qmail's "failure notice"). Pure: bytes in, a
//! [`Notice`] out.

use chrono::{DateTime, FixedOffset};
use mail_parser::{Message, MessageParser, MimeHeaders, PartType};

/// What a notice says of one recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Given up: the letter will never arrive (`Action: failed`, a 5.x.x status).
    Failed,
    /// Still being tried (`Action: delayed`, a 4.x.x status): not a bounce.
    Delayed,
}

/// One recipient a notice is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// Lowercased.
    pub address: String,
    pub kind: Kind,
    /// The enhanced status code (`5.1.1`), when the notice gives one.
    pub status: Option<String>,
    /// The server's own words (`Diagnostic-Code`, or the line of the text that says why).
    pub reason: String,
}

/// A delivery status notification, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub recipients: Vec<Recipient>,
    /// The returned letter's Message-ID, without brackets, when the notice carries its headers.
    pub original_id: Option<String>,
    /// The notice's own `Date:`.
    pub date: Option<DateTime<FixedOffset>>,
}

impl Notice {
    /// The notice's kind: failed when any recipient failed.
    pub fn kind(&self) -> Kind {
        if self.recipients.iter().any(|r| r.kind == Kind::Failed) {
            Kind::Failed
        } else {
            Kind::Delayed
        }
    }
}

/// Subjects of unstructured notices (lowercased), from the servers that send them.
const SUBJECTS: &[&str] = &[
    "undeliverable",
    "undelivered mail",
    "delivery status notification",
    "mail delivery failed",
    "failure notice",
    "returned mail",
    "delivery failure",
    "delivery has failed",
    "delayed mail",
    "delivery delayed",
    "mail delivery system",
    "no se puede entregar",
    "no entregado",
];

/// Local parts of the addresses notices come from.
const SENDERS: &[&str] = &["mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"];

/// Whether a message's headers make it worth reading whole as a possible notice: its sender is a
/// mail system, its type a delivery report, or its subject a notice's.
pub fn might_be(from: &[String], subject: &str, content_type: &str) -> bool {
    from_mail_system(from, content_type) || notice_subject(subject)
}

/// Whether a message comes from a mail system (MAILER-DAEMON, postmaster) or is a delivery
/// report: never a person's answer, whatever its body turns out to be.
pub fn from_mail_system(from: &[String], content_type: &str) -> bool {
    let from_system = from.iter().any(|a| {
        let local = a.split('@').next().unwrap_or("").to_lowercase();
        SENDERS.contains(&local.as_str())
    });
    let ct = content_type.to_lowercase();
    from_system || (ct.contains("multipart/report") && ct.contains("delivery-status"))
}

fn notice_subject(subject: &str) -> bool {
    let subject = subject.to_lowercase();
    SUBJECTS.iter().any(|s| subject.contains(s))
}

/// Sentences of unstructured notices: a message with a notice's subject that is not from a mail
/// system is read as one only when it says one of these (a person may write "Undeliverable").
const NOTICE_WORDS: &[&str] = &[
    "this is the qmail-send program",
    "could not be delivered",
    "couldn't be delivered",
    "wasn't delivered",
    "was not delivered",
    "delivery has failed",
    "delivery to the following recipient",
    "permanent error",
    "mail delivery software",
];

/// The notice a message is, if it is one.
pub fn read(bytes: &[u8]) -> Option<Notice> {
    let m = MessageParser::default().parse(bytes)?;
    let date = m
        .date()
        .and_then(|d| DateTime::parse_from_rfc3339(&d.to_rfc3339()).ok());
    let recipients = match report_fields(&m) {
        Some(fields) => structured(&fields),
        None if unstructured_subject(&m) => unstructured_notice(&text_of(&m), &m),
        None => Vec::new(),
    };
    if recipients.is_empty() {
        return None;
    }
    Some(Notice {
        recipients,
        original_id: original_id(&m),
        date,
    })
}

/// The `message/delivery-status` part's text, when the message has one.
fn report_fields(m: &Message) -> Option<String> {
    m.parts.iter().find_map(|p| {
        let ct = p.content_type()?;
        let sub = ct.subtype().unwrap_or("").to_ascii_lowercase();
        let is_report = ct.ctype().eq_ignore_ascii_case("message")
            && (sub == "delivery-status" || sub == "global-delivery-status");
        is_report.then(|| String::from_utf8_lossy(p.contents()).into_owned())
    })
}

fn unstructured_subject(m: &Message) -> bool {
    let subject = m.subject().unwrap_or_default().to_lowercase();
    let from: Vec<String> = m
        .from()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.address())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    might_be(&from, &subject, "")
}

/// The recipients of an unstructured notice, when it is one: from a mail system, or saying
/// what a notice says.
fn unstructured_notice(text: &str, m: &Message) -> Vec<Recipient> {
    let from: Vec<String> = m
        .from()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.address())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let lower = explanation_of(text).to_lowercase();
    if from_mail_system(&from, "") || NOTICE_WORDS.iter().any(|w| lower.contains(w)) {
        unstructured(text)
    } else {
        Vec::new()
    }
}

/// The notice's readable text: its text parts, the returned letter left out.
fn text_of(m: &Message) -> String {
    let mut out = String::new();
    for i in 0..m.text_body.len() {
        if let Some(t) = m.body_text(i) {
            out.push_str(&t);
            out.push('\n');
        }
    }
    out
}

/// The fields of a delivery-status body, in groups: the message's, then one per recipient.
/// Folded lines are joined; names are lowercased.
fn field_groups(text: &str) -> Vec<Vec<(String, String)>> {
    let mut groups: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if groups.last().is_some_and(|g| !g.is_empty()) {
                groups.push(Vec::new());
            }
            continue;
        }
        let group = groups.last_mut().expect("one group at least");
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = group.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            group.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// The recipients of a structured report, as its per-recipient groups say.
fn structured(text: &str) -> Vec<Recipient> {
    let mut out = Vec::new();
    for group in field_groups(text) {
        let get = |name: &str| {
            group
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let Some(recipient) = get("final-recipient").or(get("original-recipient")) else {
            continue;
        };
        let status = get("status").and_then(enhanced_code);
        let action = get("action").unwrap_or("").to_ascii_lowercase();
        let kind = if action.starts_with("failed") {
            Kind::Failed
        } else if action.starts_with("delayed") {
            Kind::Delayed
        } else {
            match status.as_deref().map(|s| &s[..1]) {
                Some("5") if action.is_empty() => Kind::Failed,
                Some("4") if action.is_empty() => Kind::Delayed,
                // delivered, relayed, expanded: not a problem.
                _ => continue,
            }
        };
        let reason = get("diagnostic-code")
            .map(without_type)
            .or_else(|| status.clone())
            .unwrap_or_default();
        out.push(Recipient {
            address: without_type(recipient)
                .trim_matches(['<', '>'])
                .to_lowercase(),
            kind,
            status,
            reason: squeeze(&reason),
        });
    }
    out
}

/// `rfc822; ana@x.es` as `ana@x.es`; `smtp; 550 …` as `550 …`.
fn without_type(value: &str) -> String {
    match value.split_once(';') {
        Some((kind, rest)) if !kind.contains(' ') => rest.trim().to_string(),
        _ => value.trim().to_string(),
    }
}

/// Runs of spaces (a folded line's) as one.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The enhanced status code in a text (`5.1.1`), the first one there.
fn enhanced_code(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '#' | ',' | ';' | '<'))
        .map(|w| w.trim_end_matches(['.', ':']))
        .find(|w| {
            let parts: Vec<&str> = w.split('.').collect();
            parts.len() == 3
                && matches!(parts[0], "2" | "4" | "5")
                && parts[1..]
                    .iter()
                    .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
        })
        .map(str::to_string)
}

/// Words that say a notice is about a delay, not a failure.
const DELAY_WORDS: &[&str] = &[
    "delayed",
    "has not yet been delivered",
    "not yet been delivered",
    "will continue to try",
    "still trying",
    "will retry",
];

/// The recipients of an unstructured notice: the addresses it names in its explanation (before
/// the copy of the letter), with the line that says why.
fn unstructured(text: &str) -> Vec<Recipient> {
    let explanation = explanation_of(text);
    let lower = explanation.to_lowercase();
    let status = enhanced_code(explanation);
    let delayed = status.as_deref().is_some_and(|s| s.starts_with('4'))
        || (status.is_none() && DELAY_WORDS.iter().any(|w| lower.contains(w)));
    let kind = if delayed { Kind::Delayed } else { Kind::Failed };
    let reason = reason_line(explanation).unwrap_or_default();
    let mut addresses: Vec<String> = Vec::new();
    for a in addresses_in(explanation) {
        if !addresses.contains(&a) && !SENDERS.contains(&a.split('@').next().unwrap_or("")) {
            addresses.push(a);
        }
    }
    addresses
        .into_iter()
        .map(|address| Recipient {
            address,
            kind,
            status: status.clone(),
            reason: reason.clone(),
        })
        .collect()
}

/// The notice's own words, before the copy of the returned letter.
fn explanation_of(text: &str) -> &str {
    const MARKS: &[&str] = &[
        "--- Below this line is a copy of the message",
        "------ This is a copy of the message",
        "----- Original message -----",
        "Original message headers:",
        "----- Message header follows -----",
        "The original message was received",
        "Return-Path:",
        "Received:",
    ];
    let end = MARKS
        .iter()
        .filter_map(|m| text.find(m))
        .min()
        .unwrap_or(text.len());
    &text[..end]
}

/// Every address in a text, lowercased, in order: `<ana@x.es>`, `ana@x.es:`, `(ana@x.es)`.
fn addresses_in(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | '"' | ',' | ';'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            let Some((local, domain)) = w.split_once('@') else {
                return false;
            };
            !local.is_empty() && domain.contains('.') && !domain.contains('@')
        })
        .map(str::to_lowercase)
        .collect()
}

/// The line of an explanation that gives the server's reason: one with a reply or status code,
/// else one saying the address is wrong.
fn reason_line(explanation: &str) -> Option<String> {
    let lines: Vec<&str> = explanation
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let coded = lines.iter().find(|l| {
        let l = l.strip_prefix("Remote host said:").unwrap_or(l).trim();
        let code = l.get(..3).unwrap_or("");
        (code.starts_with(['4', '5']) && code.chars().all(|c| c.is_ascii_digit()))
            || enhanced_code(l).is_some()
    });
    let worded = || {
        lines.iter().find(|l| {
            let l = l.to_lowercase();
            [
                "does not exist",
                "doesn't exist",
                "user unknown",
                "no mailbox",
                "wasn't found",
                "couldn't be found",
                "not found",
                "does not like recipient",
            ]
            .iter()
            .any(|w| l.contains(w))
        })
    };
    coded
        .or_else(worded)
        .map(|l| first_sentence(&squeeze(l.strip_prefix("Remote host said:").unwrap_or(l))))
}

/// A long reason to its first sentence: Gmail follows its own with advice and a link.
fn first_sentence(text: &str) -> String {
    if text.chars().count() <= 120 {
        return text.to_string();
    }
    match text.find(". ") {
        Some(end) if end > 12 => text[..=end].to_string(),
        _ => text.to_string(),
    }
}

/// The returned letter's Message-ID: from the `message/rfc822` part, or the
/// `text/rfc822-headers` one, or a `Message-ID:` line in the copy at the end of the text.
fn original_id(m: &Message) -> Option<String> {
    let bare = |id: &str| id.trim().trim_matches(['<', '>']).to_string();
    for p in &m.parts {
        if let PartType::Message(inner) = &p.body {
            if let Some(id) = inner.message_id() {
                return Some(bare(id));
            }
        }
        let is_headers = p.content_type().is_some_and(|ct| {
            ct.subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("rfc822-headers"))
        });
        if is_headers {
            let headers = MessageParser::default().parse_headers(p.contents());
            if let Some(id) = headers.as_ref().and_then(|h| h.message_id()) {
                return Some(bare(id));
            }
        }
    }
    let text = text_of(m);
    let copy = &text[explanation_of(&text).len()..];
    let in_copy = copy.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("message-id")
            .then(|| bare(value))
            .filter(|id| !id.is_empty())
    });
    // Gmail and Exchange also name the letter the notice is about as the one it replies to.
    in_copy.or_else(|| match m.in_reply_to() {
        mail_parser::HeaderValue::Text(t) => Some(bare(t)),
        mail_parser::HeaderValue::TextList(l) => l.first().map(|t| bare(t)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Notice {
        let path = format!(
            "{}/tests/fixtures/bounces/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).unwrap();
        read(&bytes).unwrap_or_else(|| panic!("{name} is not read as a notice"))
    }

    /// (fixture, recipient, kind, status, words of the reason, the returned letter's id)
    const NOTICES: &[(&str, &str, Kind, &str, &str, &str)] = &[
        ("postfix.eml", "pepi@dead.test", Kind::Failed, "5.1.1", "550 5.1.1 <pepi@dead.test>: Recipient address rejected: User unknown in virtual mailbox table", "cartero.7f3a9c.0003@ferreteria-garcia.es"),
        ("postfix-delay.eml", "lola@slow.test", Kind::Delayed, "4.4.1", "connect to mx.slow.test[198.51.100.7]:25: Connection timed out", "cartero.7f3a9c.0005@ferreteria-garcia.es"),
        ("exim.eml", "pepi@dead.test", Kind::Failed, "5.0.0", "550 5.1.1 <pepi@dead.test>: user unknown", "cartero.7f3a9c.0003@ferreteria-garcia.es"),
        ("exim-text.eml", "pepi@dead.test", Kind::Failed, "5.1.1", "host mx.dead.test [192.0.2.25]: 550 5.1.1 <pepi@dead.test>: user unknown", "cartero.7f3a9c.0003@ferreteria-garcia.es"),
        ("exchange.eml", "juan.old@contoso-viejo.com", Kind::Failed, "5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient juan.old@contoso-viejo.com not found by SMTP address lookup", "cartero.7f3a9c.0004@ferreteria-garcia.es"),
        ("gmail.eml", "rosa@nodomain-here.test", Kind::Failed, "5.1.1", "550 5.1.1 The email account that you tried to reach does not exist.", "cartero.7f3a9c.0006@gmail.com"),
        ("qmail.eml", "maria@closed.test", Kind::Failed, "5.1.1", "550 5.1.1 <maria@closed.test>... User unknown", "cartero.7f3a9c.0007@ferreteria-garcia.es"),
    ];

    #[test]
    fn every_kind_of_notice_is_read() {
        for (name, address, kind, status, reason, id) in NOTICES {
            let n = fixture(name);
            assert_eq!(n.recipients.len(), 1, "{name}: {n:?}");
            let r = &n.recipients[0];
            assert_eq!(&r.address, address, "{name}");
            assert_eq!(r.kind, *kind, "{name}");
            assert_eq!(n.kind(), *kind, "{name}");
            assert_eq!(r.status.as_deref(), Some(*status), "{name}");
            assert!(r.reason.starts_with(reason), "{name}: {}", r.reason);
            assert_eq!(n.original_id.as_deref(), Some(*id), "{name}");
            assert!(n.date.is_some(), "{name}");
        }
    }

    #[test]
    fn every_notice_is_looked_at_from_its_headers_alone() {
        for (name, ..) in NOTICES {
            let path = format!(
                "{}/tests/fixtures/bounces/{name}",
                env!("CARGO_MANIFEST_DIR")
            );
            let bytes = std::fs::read(&path).unwrap();
            let m = MessageParser::default().parse_headers(&bytes[..]).unwrap();
            let from: Vec<String> = m
                .from()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.address())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            let ct = m.header_raw("Content-Type").unwrap_or_default();
            assert!(
                might_be(&from, m.subject().unwrap_or_default(), ct),
                "{name}"
            );
        }
    }

    #[test]
    fn a_persons_message_is_no_notice() {
        let answer = b"From: Pepi <pepi@example.com>\r\nSubject: Re: Feliz a\xc3\xb1o\r\nIn-Reply-To: <cartero.1@x.es>\r\n\r\nGracias, igualmente. Mi correo nuevo es pepi@otro.es; el 550 5.1.1 de antes era un error.\r\n";
        assert!(!might_be(
            &["pepi@example.com".into()],
            "Re: Feliz año",
            "text/plain"
        ));
        assert_eq!(read(answer), None);
    }

    #[test]
    fn a_notice_cut_short_inside_the_returned_letter_is_still_read() {
        // As a partial fetch gives it: the report whole, the returned letter cut.
        let path = format!(
            "{}/tests/fixtures/bounces/postfix.eml",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let cut = text.find("Hola Pepi").unwrap();
        let n = read(&bytes[..cut]).expect("read");
        assert_eq!(n.recipients[0].address, "pepi@dead.test");
        assert_eq!(
            n.original_id.as_deref(),
            Some("cartero.7f3a9c.0003@ferreteria-garcia.es")
        );
    }

    #[test]
    fn a_person_writing_undeliverable_is_no_notice() {
        let answer = b"From: Pepi <pepi@example.com>\r\nSubject: Re: Undeliverable parcel\r\n\r\nThe courier says 550 5.1.1 for ana@example.com, funny.\r\n";
        assert_eq!(read(answer), None);
        assert!(!from_mail_system(
            &["pepi@example.com".into()],
            "text/plain"
        ));
    }

    #[test]
    fn a_delivered_report_is_not_a_problem() {
        let text = "Reporting-MTA: dns; a\n\nFinal-Recipient: rfc822; a@b.es\nAction: delivered\nStatus: 2.0.0\n";
        assert!(structured(text).is_empty());
        assert_eq!(
            enhanced_code("smtp; 550 5.1.1 <a@b.es>"),
            Some("5.1.1".into())
        );
        assert_eq!(enhanced_code("192.0.2.80 does not like"), None);
    }
}

//! The server's replies read: a refusal about the sender's account (a quota, a rate, a throttle)
//! told from one about a client, and when to try again.

/// Where in the conversation a reply came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Mail,
    Rcpt,
    Data,
    /// The reply to the final ".".
    End,
}

/// Words providers use when they refuse the sender, not the recipient: Gmail's "Daily user
/// sending quota exceeded" (550 5.4.5) and "Try again later, closing connection" (421 4.7.0),
/// Microsoft's "SubmissionQuotaExceededException" (554 5.2.0), Amazon SES's "Throttling
/// failure: Daily message quota exceeded" (454), relays' "over your relay quota".
const ACCOUNT_WORDS: &[&str] = &[
    "sending quota",
    "sending limit",
    "daily user",
    "submissionquota",
    "quota exceeded",
    "relay quota",
    "message quota",
    "rate limit",
    "throttl",
    "too many messages",
    "messages per day",
    "messages per hour",
    "sender thread limit",
    "too many login",
    "try again later",
    "ratelimit",
    "account",
    "suspended",
    "sending paused",
    "unusual sending",
    "outbound sender",
    "from this ip",
    "send as this sender",
    "relay",
    "not authorized to send",
];

/// Words servers use when a letter is bigger than they take: Postfix's "552 5.3.4 Message size
/// exceeds fixed limit", Gmail's "552 5.3.4 Your message exceeded Google's message size limits",
/// Exchange's "552 5.3.4 Message size exceeds fixed maximum message size", aiosmtpd's "552
/// Error: Too much mail data".
const SIZE_WORDS: &[&str] = &[
    "5.3.4",
    "too much mail data",
    "message size",
    "size limit",
    "too big",
    "too large",
    "maximum size",
];

/// Whether the reply to the final "." refuses the letter for its size (not a full mailbox).
pub fn too_big(reply: &str) -> bool {
    let lower = reply.to_lowercase();
    lower.starts_with('5')
        && !lower.contains("quota")
        && SIZE_WORDS.iter().any(|w| lower.contains(w))
}

/// True when two clients in a row got the same refusal (their own addresses aside) and it is
/// not one about a mailbox: then it is about the sender or the server, whoever the client.
/// `previous` is the earlier reply with its recipient on the line before it.
pub fn same_refusal(previous: &str, reply: &str, recipient: &str) -> bool {
    let Some((previous_to, previous)) = previous.split_once('\n') else {
        return false;
    };
    let a = refusal_shape(previous, previous_to);
    let b = refusal_shape(reply, recipient);
    let lower = reply.to_lowercase();
    let about_mailbox = enhanced_code(&lower).is_some_and(about_the_recipient)
        || RECIPIENT_WORDS.iter().any(|w| lower.contains(w));
    !a.is_empty() && a == b && !about_mailbox
}

/// A reply without its recipient and its one-off tokens (queue ids, addresses, numbers).
fn refusal_shape(reply: &str, recipient: &str) -> String {
    let lower = reply.to_lowercase();
    let lower = if recipient.is_empty() {
        lower
    } else {
        lower.replace(&recipient.to_lowercase(), "")
    };
    lower
        .split_whitespace()
        .enumerate()
        .filter(|(i, w)| *i < 2 || !w.chars().any(|c| c.is_ascii_digit() || c == '@'))
        .map(|(_, w)| w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Enhanced status codes about the sender's account or its rate (RFC 3463 and providers' use).
const ACCOUNT_CODES: &[&str] = &["5.4.5", "4.7.28", "5.2.0", "4.5.3", "4.3.2"];

/// Words that say a recipient's own mailbox is the problem, whatever else the reply says.
const RECIPIENT_WORDS: &[&str] = &[
    "mailbox full",
    "mailbox is full",
    "over quota",
    "storage",
    "no such user",
    "user unknown",
    "unknown user",
    "does not exist",
    "mailbox unavailable",
    "invalid recipient",
    "recipient address rejected",
];

/// Enhanced codes about the recipient's address or mailbox (RFC 3463 X.1.x and X.2.1/X.2.2),
/// but for X.1.7 and X.1.8, which are about the sender's.
fn about_the_recipient(enhanced: &str) -> bool {
    let mut parts = enhanced.splitn(3, '.').skip(1);
    match (parts.next(), parts.next()) {
        (Some("1"), Some(detail)) => !matches!(detail, "7" | "8"),
        (Some("2"), Some(detail)) => matches!(detail, "1" | "2"),
        _ => false,
    }
}

/// True when a refusal is about the sender's account (a quota, a rate, a throttle) rather than
/// this letter or this recipient: the run must stop, and the letter stays approved.
pub fn about_the_account(stage: Stage, code: u16, text: &str, recipient: &str) -> bool {
    let lower = text.to_lowercase();
    if code == 421 || stage == Stage::Mail {
        return true;
    }
    let names_recipient = !recipient.is_empty() && lower.contains(&recipient.to_lowercase());
    if names_recipient || RECIPIENT_WORDS.iter().any(|w| lower.contains(w)) {
        return false;
    }
    let enhanced = enhanced_code(&lower);
    if enhanced.is_some_and(about_the_recipient) {
        return false;
    }
    if enhanced.is_some_and(|c| ACCOUNT_CODES.contains(&c)) {
        return true;
    }
    // 4.7.x at RCPT is mostly a recipient's greylisting; elsewhere it is a policy on the sender.
    if stage != Stage::Rcpt && enhanced.is_some_and(|c| c.starts_with("4.7.")) {
        return true;
    }
    ACCOUNT_WORDS.iter().any(|w| lower.contains(w))
}

/// The enhanced status code in a reply's text (`5.4.5`), after the reply code if it is there:
/// `550 5.4.5 …`, `550-5.4.5 …` and `5.4.5 …` all give `5.4.5`.
fn enhanced_code(text: &str) -> Option<&str> {
    text.split_whitespace().take(2).find_map(|word| {
        let word = match word.split_once('-') {
            Some((code, rest)) if code.len() == 3 && code.chars().all(|c| c.is_ascii_digit()) => {
                rest
            }
            _ => word,
        };
        let word = word.trim_end_matches([',', ';', ':', '.']);
        let mut parts = word.split('.');
        let number = |p: Option<&str>| {
            p.is_some_and(|p| {
                !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit())
            })
        };
        let ok = parts.next().is_some_and(|p| matches!(p, "2" | "4" | "5"))
            && number(parts.next())
            && number(parts.next())
            && parts.next().is_none();
        ok.then_some(word)
    })
}

/// When to try again, as far as the reply says: "in 15 seconds", or a day for a daily quota.
pub fn when_to_retry(text: &str) -> String {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    for pair in words.windows(3) {
        if pair[0] == "in" {
            if let Ok(n) = pair[1].parse::<u64>() {
                let unit = pair[2].trim_matches(|c: char| !c.is_alphabetic());
                if ["second", "seconds", "minute", "minutes", "hour", "hours"].contains(&unit) {
                    let base = unit.trim_end_matches('s');
                    return tr!("smtp-retry-in", count = n, unit = base, word = unit);
                }
            }
        }
    }
    if lower.contains("daily") || lower.contains("5.4.5") || lower.contains("per day") {
        tr!("smtp-retry-daily-limit")
    } else {
        tr!("smtp-retry-later")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replies providers really give (collected from their users' reports), and what they are.
    const REPLIES: &[(Stage, u16, &str, bool)] = &[
        (Stage::End, 550, "5.4.5 Daily user sending quota exceeded. o65sm25351206pga.71 - gsmtp", true),
        (Stage::Mail, 550, "5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852", true),
        (Stage::Mail, 421, "4.7.0 Try again later, closing connection. (MAIL) g4sm240722pgs.42 - gsmtp", true),
        (Stage::Data, 421, "4.3.0 Temporary System Problem.  Try again later (10). cx5sm2332009pjb.32 - gsmtp", true),
        (Stage::End, 421, "4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address", true),
        (Stage::End, 554, "5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException", true),
        (Stage::End, 432, "4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded", true),
        (Stage::Rcpt, 454, "Throttling failure: Daily message quota exceeded.", true),
        (Stage::End, 552, "Message would take you over your relay quota of 500 Current quota used: 487", true),
        (Stage::Data, 554, "5.7.1 <DATA>: Data command rejected: only 10 messages per day", true),
        (Stage::Rcpt, 452, "4.5.3 Too many recipients", true),
        (Stage::End, 451, "4.7.500 Server busy. Please try again later", true),
        // About the recipient: that client fails, the run goes on.
        (Stage::Rcpt, 550, "5.1.1 The email account that you tried to reach does not exist", false),
        (Stage::Rcpt, 552, "<jdoe@juno.com>... Mail quota exceeded", false),
        (Stage::Rcpt, 452, "4.2.2 The email account that you tried to reach is over quota", false),
        (Stage::Rcpt, 451, "4.7.1 Greylisted, please try again in 300 seconds", false),
        (Stage::End, 550, "5.7.1 This message has been blocked because it contains a virus", false),
        (Stage::Rcpt, 550, "5.1.1 <c2@example.com>: Recipient address rejected: User unknown", false),
        (Stage::Rcpt, 550, "5.1.1 The email account that you tried to reach does not exist", false),
        // Reported by users of other providers: the account, not the recipient.
        (Stage::End, 554, "Message rejected: Sending paused for this account.", true),
        (Stage::End, 550, "5.1.8 Access denied, bad outbound sender", true),
        (Stage::End, 550, "5.7.708 Service unavailable. Access denied, traffic not accepted from this IP", true),
        (Stage::End, 550, "5.7.60 SMTP; Client does not have permissions to send as this sender", true),
        (Stage::End, 550, "5.7.0 Your account has been suspended", true),
        (Stage::End, 550, "5.4.6 Unusual sending activity detected", true),
        (Stage::Rcpt, 550, "5.7.1 Relaying denied", true),
        (Stage::Rcpt, 451, "4.7.1 Ratelimit exceeded for user ana@example.com", true),
    ];

    #[test]
    fn refusals_about_the_account_are_told_from_refusals_about_a_client() {
        for (stage, code, text, account) in REPLIES {
            // As the server writes it, and as cartero words it: the code in front.
            for reply in [text.to_string(), format!("{code} {text}")] {
                assert_eq!(
                    about_the_account(*stage, *code, &reply, "jdoe@juno.com"),
                    *account,
                    "{stage:?} {reply}"
                );
            }
        }
    }

    #[test]
    fn the_same_refusal_twice_is_told_from_two_bad_mailboxes() {
        // (the first client's reply, the second's, the same refusal?)
        let cases = [
            (
                "451 4.4.2 Timeout - closing connection q1sm2 - gsmtp",
                "451 4.4.2 Timeout - closing connection z9sm7 - gsmtp",
                true,
            ),
            (
                "nothing answers at that address and port",
                "nothing answers at that address and port",
                true,
            ),
            (
                "550 5.1.1 <a@x.es>: user unknown",
                "550 5.1.1 <b@y.es>: user unknown",
                false,
            ),
            ("550 No such user here", "550 No such user here", false),
            ("550 blocked", "451 later", false),
        ];
        for (first, second, same) in cases {
            let previous = format!("a@x.es\n{first}");
            assert_eq!(
                same_refusal(&previous, second, "b@y.es"),
                same,
                "{first} / {second}"
            );
        }
    }

    #[test]
    fn when_to_retry_reads_the_reply() {
        assert!(when_to_retry("4.7.1 Greylisted, try again in 300 seconds").contains("300 seconds"));
        assert!(when_to_retry("422 try again in 15 seconds.").contains("15 seconds"));
        assert!(when_to_retry("5.4.5 Daily user sending quota exceeded").contains("24 hours"));
        assert!(when_to_retry("4.7.0 Try again later").contains("later"));
    }

    #[test]
    fn a_letter_too_big_for_the_server_is_told_from_a_full_mailbox() {
        for big in [
            "552 5.3.4 Message size exceeds fixed limit",
            "552 5.3.4 Your message exceeded Google's message size limits.",
            "552 Error: Too much mail data",
            "554 5.3.4 Message too big for system",
        ] {
            assert!(too_big(big), "{big}");
        }
        for other in [
            "552 5.2.2 Mailbox full: quota exceeded",
            "550 5.1.1 User unknown",
            "452 4.3.1 Insufficient system storage",
        ] {
            assert!(!too_big(other), "{other}");
        }
    }
}

//! The header names a person writes above a template's or a draft's body, in English or Spanish.

/// What a header line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Subject,
    ReplyTo,
    To,
    Cc,
    Bcc,
    From,
    /// The files that go with a draft's letter.
    Attachments,
    /// How a draft's body is written: `markdown`.
    Format,
    /// No header cartero knows; the closest known name, when one is near.
    Unknown(Option<&'static str>),
}

/// Every name known, as written, with what it names: English first, then Spanish.
const NAMES: &[(&str, Named)] = &[
    ("Subject", Named::Subject),
    ("Reply-To", Named::ReplyTo),
    ("To", Named::To),
    ("Cc", Named::Cc),
    ("Bcc", Named::Bcc),
    ("From", Named::From),
    ("Attachments", Named::Attachments),
    ("Format", Named::Format),
    ("Asunto", Named::Subject),
    ("Responder-a", Named::ReplyTo),
    ("Responder a", Named::ReplyTo),
    ("Para", Named::To),
    ("CC", Named::Cc),
    ("CCO", Named::Bcc),
    ("De", Named::From),
    ("Adjuntos", Named::Attachments),
    ("Adjunto", Named::Attachments),
    ("Formato", Named::Format),
];

/// The header a name (before its `:`) names, without regard to case or surrounding spaces;
/// for an unknown one, the closest name among `suggest` (which a caller may set).
pub fn named(name: &str, suggest: &[Named]) -> Named {
    let name = name.trim();
    if let Some((_, n)) = NAMES.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
        return *n;
    }
    let lower = name.to_lowercase();
    let closest = NAMES
        .iter()
        .filter(|(_, n)| suggest.contains(n))
        .map(|(k, _)| (distance(&lower, &k.to_lowercase()), *k))
        .filter(|(d, k)| *d <= 1 + k.len() / 4)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k);
    Named::Unknown(closest)
}

/// `, did you mean `Subject:`?` for an unknown header near a known one; empty otherwise.
pub fn did_you_mean(named: Named) -> String {
    match named {
        Named::Unknown(Some(k)) => format!(" {}", tr!("headers-did-you-mean", header = k)),
        _ => String::new(),
    }
}

/// Levenshtein's edit distance: letters added, removed or changed to make one word the other.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALLOWED: &[Named] = &[Named::Subject, Named::ReplyTo];

    #[test]
    fn spanish_names_are_the_english_ones() {
        assert_eq!(named("Asunto", ALLOWED), Named::Subject);
        assert_eq!(named("responder a", ALLOWED), Named::ReplyTo);
        assert_eq!(named("Responder-A", ALLOWED), Named::ReplyTo);
        assert_eq!(named("Para", ALLOWED), Named::To);
        assert_eq!(named("CCO", ALLOWED), Named::Bcc);
        assert_eq!(named("De", ALLOWED), Named::From);
    }

    #[test]
    fn an_unknown_name_suggests_the_closest() {
        assert_eq!(named("Subjet", ALLOWED), Named::Unknown(Some("Subject")));
        assert_eq!(named("Asuntos", ALLOWED), Named::Unknown(Some("Asunto")));
        assert_eq!(named("Reply-to-all", ALLOWED), Named::Unknown(None));
        assert_eq!(named("X-Mailer", ALLOWED), Named::Unknown(None));
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}

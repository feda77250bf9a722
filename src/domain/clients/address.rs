//! Addresses from cells: one, that servers take, nothing hidden in it; and the key of a client.

use std::str::FromStr;

use lettre::Address;

use crate::text::clean_line;

/// An address from a cell: exactly one, one that mail servers take. A domain written in its
/// own letters (`münchen.de`) is kept in its ASCII form (`xn--mnchen-3ya.de`) when the part
/// before the `@` is plain ASCII, so that any server can take it.
pub fn parse_address(email: &str) -> Result<Address, String> {
    let shown = clean_line(email);
    if email.is_empty() {
        return Err(tr!("clients-no-address"));
    }
    let parts: Vec<&str> = email
        .split([',', ';', ' ', '\t'])
        .filter(|p| !p.is_empty())
        .collect();
    let separated = parts.len() > 1 || email.contains([',', ';']);
    if separated && parts.iter().filter(|p| p.contains('@')).count() < 2 {
        return Err(tr!("clients-address-with-space", address = &shown));
    }
    if separated {
        return Err(tr!("clients-several-addresses", address = &shown));
    }
    if let Some(why) = hidden_in_address(email) {
        return Err(why);
    }
    let address =
        Address::from_str(email).map_err(|_| tr!("clients-bad-address", address = &shown))?;
    if address.domain().starts_with('[') {
        return Err(tr!("clients-address-literal", address = &shown));
    }
    if !address.domain().contains('.') {
        return Err(tr!("clients-address-without-dot", address = &shown));
    }
    let domain = address.domain();
    if domain.is_ascii() && !domain.to_ascii_lowercase().contains("xn--") {
        return Ok(address);
    }
    let ascii =
        idna::domain_to_ascii(domain).map_err(|_| tr!("clients-bad-domain", address = &shown))?;
    if !address.user().is_ascii() {
        return Ok(address);
    }
    Address::new(address.user(), ascii).map_err(|_| tr!("clients-bad-domain", address = &shown))
}

/// Characters that cannot be seen, or that only look like `.` or `@`: pasted from a web page
/// or a document, they make an address that looks right and is not.
fn hidden_in_address(email: &str) -> Option<String> {
    let odd = |c: char| {
        matches!(c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}' | '\u{2024}' | '\u{FE52}' | '\u{FF0E}' | '\u{3002}' | '\u{FF20}' | '\u{FE6B}')
    };
    let found: Vec<String> = email
        .chars()
        .filter(|&c| odd(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    if found.is_empty() {
        return None;
    }
    let shown: String = email
        .chars()
        .map(|c| if odd(c) { '�' } else { c })
        .collect();
    Some(tr!(
        "clients-address-hidden-characters",
        address = shown,
        characters = found.join(", ")
    ))
}

/// What identifies a client: the address lowercased, its domain in its own letters, so that
/// `ana@münchen.de` and `ana@xn--mnchen-3ya.de` are one person.
pub fn address_key(address: &Address) -> String {
    let (domain, result) = idna::domain_to_unicode(address.domain());
    let domain = if result.is_ok() {
        domain
    } else {
        address.domain().to_string()
    };
    format!("{}@{}", address.user(), domain).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clients::parse_csv;
    use crate::domain::clients::tests::errors;

    #[test]
    fn addresses_servers_refuse_are_refused_here() {
        for (email, says) in [
            ("ana@[192.168.1.10]", "a machine's number"),
            ("ana@[IPv6:2001:db8::1]", ""),
            ("ana@localhost", "no dot after the `@`"),
            ("ana@example.com, bo@example.com", "more than one address"),
            ("", "no email address"),
            ("ana@", "not a valid email address"),
            (
                "jmpena\u{200B}@example.com",
                "`jmpena�@example.com` holds characters that cannot be seen",
            ),
            ("ana@example\u{2024}com", "U+2024"),
        ] {
            let err = parse_address(email).unwrap_err();
            assert!(err.contains(says), "{email}: {err}");
        }
    }

    #[test]
    fn a_domain_in_its_own_letters_and_in_ascii_is_one_client() {
        let unicode = parse_address("Ana@München.de").unwrap();
        let ascii = parse_address("ana@xn--mnchen-3ya.de").unwrap();
        assert_eq!(unicode.domain(), "xn--mnchen-3ya.de", "sent in ASCII");
        assert_eq!(address_key(&unicode), "ana@münchen.de");
        assert_eq!(address_key(&ascii), address_key(&unicode));
        // A local part in its own letters needs SMTPUTF8 anyway: kept as written.
        assert_eq!(
            parse_address("josé@correo.es").unwrap().to_string(),
            "josé@correo.es"
        );
        let list = parse_csv(
            "email,name\nana@münchen.de,Ana\nANA@xn--mnchen-3ya.de,Ana bis\n".as_bytes(),
            "c.csv",
        );
        assert!(
            errors(&list)
                .iter()
                .any(|e| e.contains("c.csv:3, column `email`, client `Ana bis`")
                    && e.contains("also on line 2")),
            "{:?}",
            list.problems
        );
    }
}

//! The languages a client may be written to in, each with the locale and long form of its dates.

use chrono::Locale;

use crate::text::clean_line;

/// A language cartero writes dates in: what a client's `language` column, `[campaign]
/// language` and a template's `.es.txt` name may say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Es,
    En,
    Pt,
    Fr,
    It,
    De,
    Ca,
}

impl Language {
    /// Every language, in the order messages list them.
    pub const ALL: [Language; 7] = [
        Language::Es,
        Language::En,
        Language::Pt,
        Language::Fr,
        Language::It,
        Language::De,
        Language::Ca,
    ];

    /// `es`: what files, columns and templates call it.
    pub fn code(self) -> &'static str {
        match self {
            Language::Es => "es",
            Language::En => "en",
            Language::Pt => "pt",
            Language::Fr => "fr",
            Language::It => "it",
            Language::De => "de",
            Language::Ca => "ca",
        }
    }

    /// The locale its dates are written in.
    pub fn locale(self) -> Locale {
        match self {
            Language::Es => Locale::es_ES,
            Language::En => Locale::en_US,
            Language::Pt => Locale::pt_PT,
            Language::Fr => Locale::fr_FR,
            Language::It => Locale::it_IT,
            Language::De => Locale::de_DE,
            Language::Ca => Locale::ca_ES,
        }
    }

    /// A date written out in full, in chrono's `%` codes: `22 de noviembre de 2026`.
    pub fn long_date(self) -> &'static str {
        match self {
            Language::Es | Language::Pt | Language::Ca => "%-d de %B de %Y",
            Language::Fr | Language::It => "%-d %B %Y",
            Language::De => "%-d. %B %Y",
            Language::En => "%B %-d, %Y",
        }
    }

    /// The language with exactly this code.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language a person wrote (`ES`, ` es `); the error says which there are.
    pub fn parse(text: &str) -> Result<Language, String> {
        let code = text.trim().to_lowercase();
        Language::from_code(&code).ok_or_else(|| {
            tr!(
                "clients-unknown-language",
                language = clean_line(&code),
                known = Language::known()
            )
        })
    }

    /// `es, en, pt, fr, it, de, ca`.
    pub fn known() -> String {
        Language::ALL.map(Language::code).join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::parse(" ES "), Ok(Language::Es));
        assert_eq!(
            Language::parse("spanish").unwrap_err(),
            "language `spanish` is not one cartero writes dates in; use one of es, en, pt, fr, it, de, ca"
        );
    }
}

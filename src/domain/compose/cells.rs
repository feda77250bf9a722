//! A spreadsheet's numbers and dates written as the client's language writes them.

use crate::domain::clients::Language;
use crate::domain::compose::date::format_date;
use crate::domain::table::Typed;

/// `1.234.567,89` (es), `1,234,567.89` (en), `1 de enero de 2024`, `January 1, 2024`.
pub(super) fn in_language(value: Typed, lang: Language) -> String {
    match value {
        Typed::Number(n) => number(n, lang),
        Typed::Date(d) => format_date(d, lang, None).unwrap_or_else(|| d.to_string()),
        Typed::DateTime(t) => {
            let day = format_date(t.date(), lang, None).unwrap_or_else(|| t.date().to_string());
            format!("{day} {}", t.format("%H:%M"))
        }
    }
}

/// The thousands separator and the decimal mark of a language.
fn separators(lang: Language) -> (&'static str, &'static str) {
    match lang {
        Language::En => (",", "."),
        // A no-break space: the number never breaks across lines.
        Language::Fr | Language::Pt => ("\u{a0}", ","),
        Language::Es | Language::It | Language::De | Language::Ca => (".", ","),
    }
}

/// A number with decimals, its digits grouped by thousands, as short as it reads back.
fn number(n: f64, lang: Language) -> String {
    let (thousands, mark) = separators(lang);
    let text = n.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push_str(thousands);
        }
        grouped.push(digit);
    }
    let sign = if n < 0.0 { "-" } else { "" };
    match fraction {
        "" => format!("{sign}{grouped}"),
        f => format!("{sign}{grouped}{mark}{f}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_in_the_clients_language() {
        assert_eq!(
            in_language(Typed::Number(1234567.89), Language::Es),
            "1.234.567,89"
        );
        assert_eq!(
            in_language(Typed::Number(1234567.89), Language::En),
            "1,234,567.89"
        );
        assert_eq!(in_language(Typed::Number(-0.5), Language::Es), "-0,5");
        assert_eq!(in_language(Typed::Number(123.25), Language::En), "123.25");
        let d = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        assert_eq!(
            in_language(Typed::Date(d), Language::Es),
            "1 de enero de 2024"
        );
        assert_eq!(in_language(Typed::Date(d), Language::En), "January 1, 2024");
    }
}

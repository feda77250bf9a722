//! The `date` filter: a date in the client's language, as templates write `{{ today | date }}`.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use tera::{Kwargs, State, Value};

use crate::domain::clients::Language;

/// `{{ today | date }}` → "22 de noviembre de 2026" in the client's language;
/// `date(format="%B")`, `date(lang="en")` to choose. Anything else is an error that says what
/// was expected, never a silent guess: `format=3` is not a format, `lang="xx"` not a language.
pub(super) fn date_filter(
    value: &Value,
    kwargs: Kwargs,
    state: &State,
) -> tera::TeraResult<String> {
    for (key, _) in kwargs.iter() {
        if !matches!(key.as_str(), Some("format" | "lang")) {
            return Err(tera::Error::message(tr!(
                "compose-date-unknown-argument",
                argument = key.to_string()
            )));
        }
    }
    let format = text_argument(&kwargs, "format", "%d/%m/%Y")?;
    let lang = date_language(&kwargs, state)?;
    let Some(text) = value.as_str() else {
        return Err(tera::Error::message(tr!(
            "compose-date-not-a-date",
            value = describe(value)
        )));
    };
    let date = parse_date(text.trim())
        .ok_or_else(|| tera::Error::message(tr!("compose-date-unreadable", text = text)))?;
    format_date(date, lang, format.as_deref()).ok_or_else(|| {
        tera::Error::message(tr!(
            "compose-date-bad-format",
            format = format.as_deref().unwrap_or_default()
        ))
    })
}

/// A text argument of the filter, if given; any other value is an error with an example.
fn text_argument(kwargs: &Kwargs, key: &str, example: &str) -> tera::TeraResult<Option<String>> {
    match kwargs.get::<&Value>(key)? {
        None => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(tera::Error::message(tr!(
                "compose-date-argument-not-text",
                argument = key,
                example = example,
                value = describe(v)
            ))),
        },
    }
}

/// The language of `lang="…"`, else the client's.
fn date_language(kwargs: &Kwargs, state: &State) -> tera::TeraResult<Language> {
    let lang = match text_argument(kwargs, "lang", "es")? {
        Some(l) => Language::from_code(&l).ok_or_else(|| {
            tera::Error::message(tr!(
                "compose-date-unknown-language",
                language = &l,
                known = Language::known()
            ))
        })?,
        None => state
            .get::<Value>("language")?
            .and_then(|v| v.as_str().and_then(Language::from_code))
            .unwrap_or(Language::En),
    };
    Ok(lang)
}

/// A date as a cell may hold one: `2026-11-22`, with a time, RFC 3339, or `22/11/2026`.
fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").map(|d| d.date()))
        .or_else(|_| DateTime::parse_from_rfc3339(text).map(|d| d.date_naive()))
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
        .or_else(|| long_date(text))
}

/// A date written out in full in any language cartero writes, as a spreadsheet's date cell
/// reaches a template (`1 de enero de 2024`, `January 1, 2024`): its month's name made a
/// number, then read in that language's long form.
fn long_date(text: &str) -> Option<NaiveDate> {
    let lower = text.to_lowercase();
    Language::ALL.into_iter().find_map(|lang| {
        let form = lang.long_date().replace("%B", "%m").replace("%-d", "%d");
        (1..=12).rev().find_map(|month| {
            let first = NaiveDate::from_ymd_opt(2000, month, 1)?;
            let name = first
                .format_localized("%B", lang.locale())
                .to_string()
                .to_lowercase();
            lower
                .contains(&name)
                .then(|| lower.replacen(&name, &month.to_string(), 1))
                .and_then(|numeric| NaiveDate::parse_from_str(&numeric, &form).ok())
        })
    })
}

/// A template value as a person would name it: "the number `3`", "a list".
fn describe(value: &Value) -> String {
    if value.is_undefined() || value.is_none() {
        tr!("compose-value-empty")
    } else if value.is_number() {
        tr!("compose-value-number", value = value.to_string())
    } else if value.is_bool() {
        tr!("compose-value-yes-no", value = value.to_string())
    } else if value.is_array() {
        tr!("compose-value-list")
    } else if value.is_map() {
        tr!("compose-value-map")
    } else {
        format!("`{value}`")
    }
}

/// The date in that language, in `format` (chrono's `%` codes) or the language's long form;
/// `None` when the format has a code chrono does not know.
pub fn format_date(date: NaiveDate, lang: Language, format: Option<&str>) -> Option<String> {
    use std::fmt::Write;
    // `to_string` would panic on a bad format: chrono reports it as a `fmt::Error`.
    let mut out = String::new();
    write!(
        out,
        "{}",
        date.format_localized(format.unwrap_or(lang.long_date()), lang.locale())
    )
    .ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            format_date(d, Language::Es, None).as_deref(),
            Some("22 de noviembre de 2026")
        );
        assert_eq!(
            format_date(d, Language::En, None).as_deref(),
            Some("November 22, 2026")
        );
        assert_eq!(format_date(d, Language::Es, Some("%Q")), None);
        for lang in Language::ALL {
            let long = format_date(d, lang, None).unwrap();
            assert_eq!(parse_date(&long), Some(d), "{long}");
        }
        assert_eq!(format_date(d, Language::Es, Some("%")), None);
    }
}

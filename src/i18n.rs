//! The languages cartero speaks: every sentence a person reads comes from a catalog,
//! `i18n/<language>.ftl` (Fluent), compiled into the binary.
//!
//! The language is chosen once a run ([`choose`]): `--lang`, else `CARTERO_LANG`, else the
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `es…` is Spanish), else English. What scripts read
//! (`--json`, exit codes, the journal) never goes through here.
//!
//! ```ignore
//! say!("{}", tr!("send-summary", sent = 3, failed = 0));
//! ```

use std::borrow::Cow;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// Its code, as `--lang` takes it and the catalogs' folders are named.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// `es`, `es_ES.UTF-8`, `es-MX` are Spanish; `en…` is English; anything else is nothing.
    pub fn of(value: &str) -> Option<Lang> {
        let value = value.trim().to_ascii_lowercase();
        if value.starts_with("es") {
            Some(Lang::Es)
        } else if value.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// This language's catalog, in Fluent's syntax.
    pub fn catalog(self) -> &'static str {
        match self {
            Lang::En => include_str!("../i18n/en.ftl"),
            Lang::Es => include_str!("../i18n/es.ftl"),
        }
    }
}

/// The language chosen for this run: 0 none yet, else `Lang` + 1.
static CHOSEN: AtomicU8 = AtomicU8::new(0);

/// The language of this run, chosen from the command line's words (before clap reads them, so
/// that `--help` itself is in it) and the environment. Called once, first thing.
pub fn choose(args: &[OsString]) -> Lang {
    let lang = from_flag(args).unwrap_or_else(from_environment);
    speak(lang);
    lang
}

/// From now on, this run speaks `lang`: English for what scripts read (`--json`), whose words
/// are the same in every language.
pub fn speak(lang: Lang) {
    CHOSEN.store(lang as u8 + 1, Ordering::Relaxed);
}

/// The language of this run (the environment's, when `choose` was not called: a library user).
pub fn lang() -> Lang {
    match CHOSEN.load(Ordering::Relaxed) {
        1 => Lang::En,
        2 => Lang::Es,
        // The unit tests read English sentences, whatever the tester's locale.
        _ if cfg!(test) => Lang::En,
        _ => {
            let lang = from_environment();
            speak(lang);
            lang
        }
    }
}

/// `--lang es` or `--lang=es` anywhere before a lone `--`.
fn from_flag(args: &[OsString]) -> Option<Lang> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--lang" {
            return words.next().and_then(|v| Lang::of(&v));
        }
        if let Some(value) = word.strip_prefix("--lang=") {
            return Lang::of(value);
        }
    }
    None
}

/// `CARTERO_LANG`, then the locale as POSIX orders it: the first of `LC_ALL`, `LC_MESSAGES`,
/// `LANG` that is set and not empty decides (`C` and `POSIX` are English).
pub fn from_environment() -> Lang {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    if let Some(lang) = var("CARTERO_LANG").and_then(|v| Lang::of(&v)) {
        return lang;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| var(name))
        .and_then(|v| Lang::of(&v))
        .unwrap_or(Lang::En)
}

type Bundle = FluentBundle<FluentResource>;

/// One language's catalog, read once. A catalog that does not parse is a bug the tests catch
/// (`tests/cli/catalogs.rs`); here its good entries still serve.
fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static ES: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    };
    cell.get_or_init(|| {
        let id = lang.code().parse().expect("a language code");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No invisible Unicode isolation marks around placeholders: a terminal shows them.
        bundle.set_use_isolating(false);
        let resource = match FluentResource::try_new(lang.catalog().to_string()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        bundle.add_resource_overriding(resource);
        bundle
    })
}

/// The sentence `key` in this run's language, with its placeholders filled. A key missing from
/// the catalog gives the key itself (the tests make sure none is).
pub fn text(key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    text_in(lang(), key, args)
}

/// As [`text`], in a given language.
pub fn text_in(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = vec![];
    let args = (!args.is_empty()).then_some(&fluent_args);
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// Whether the catalog of `lang` holds `key` (for keys made at run time: clap's help).
pub fn has(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(key)
}

/// A value for a placeholder: numbers stay numbers (so that plurals choose right), the rest is
/// text.
pub trait IntoArg {
    fn into_arg(self) -> FluentValue<'static>;
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
        impl IntoArg for &$t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
numbers!(usize, u64, u32, u16, u8, i64, i32, isize, f64);

impl IntoArg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl IntoArg for &String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl IntoArg for &str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl IntoArg for &&str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl IntoArg for Cow<'_, str> {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.into_owned())
    }
}

impl IntoArg for &Path {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.display().to_string())
    }
}

impl IntoArg for &PathBuf {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.display().to_string())
    }
}

impl IntoArg for std::path::Display<'_> {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl IntoArg for &std::sync::Arc<str> {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

/// A sentence from the catalog: `tr!("key")`, `tr!("key", count = n, file = path)`. The key is
/// a literal, so that `tests/cli/catalogs.rs` can find every one used and its placeholders.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $key,
            &[$((stringify!($name), $crate::i18n::IntoArg::into_arg($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flag_beats_the_environment_and_stops_at_a_double_dash() {
        let args = |words: &[&str]| words.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            from_flag(&args(&["cartero", "--lang", "es", "check"])),
            Some(Lang::Es)
        );
        assert_eq!(
            from_flag(&args(&["cartero", "check", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(from_flag(&args(&["cartero", "--", "--lang=es"])), None);
        assert_eq!(Lang::of("es_ES.UTF-8"), Some(Lang::Es));
        assert_eq!(Lang::of("C"), None);
    }

    #[test]
    fn plurals_choose_by_the_number() {
        assert_eq!(
            text_in(Lang::Es, "clients-count", &[("count", 1.into_arg())]),
            "1 cliente"
        );
        assert_eq!(
            text_in(Lang::Es, "clients-count", &[("count", 3.into_arg())]),
            "3 clientes"
        );
        assert_eq!(
            text_in(Lang::En, "clients-count", &[("count", 1.into_arg())]),
            "1 client"
        );
        assert_eq!(
            text_in(Lang::En, "clients-count", &[("count", 0usize.into_arg())]),
            "0 clients"
        );
    }
}

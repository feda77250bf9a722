//! The language catalogs (`i18n/<language>.ftl`): every one parses, every language has every
//! key with the same placeholders, every `tr!` in the source names a key that exists with exactly
//! the placeholders it fills, and no catalog entry is left unused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use fluent_syntax::parser;

const LANGUAGES: [&str; 2] = ["en", "es"];

/// Keys made at run time rather than written in a `tr!`: the help of each command and flag
/// (`cli-…`), checked against the command line's own tree in `cli_help_has_every_command`.
const MADE_AT_RUN_TIME: &[&str] = &["cli-"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Each key of a language's catalogs, with the variables its message uses.
pub fn catalog(language: &str) -> BTreeMap<String, BTreeSet<String>> {
    let file = root().join("i18n").join(format!("{language}.ftl"));
    let mut keys = BTreeMap::new();
    let text = std::fs::read_to_string(&file).unwrap();
    let resource = parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", file.display()));
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let key = message.id.name.to_string();
            let value = message
                .value
                .as_ref()
                .unwrap_or_else(|| panic!("{key} in {} has no text", file.display()));
            let mut vars = BTreeSet::new();
            pattern_vars(value, &mut vars);
            let previous = keys.insert(key.clone(), vars);
            assert!(
                previous.is_none(),
                "{key} is twice in the {language} catalog"
            );
        }
    }
    keys
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// Every `tr!("key", a = …, b = …)` in `src/`: key → (file, the placeholders it fills).
pub fn uses() -> Vec<(String, String, BTreeSet<String>)> {
    let mut found = vec![];
    for file in rust_files(&root().join("src")) {
        if file.ends_with("i18n.rs") {
            continue; // the macro itself and its example
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(root()).unwrap().display().to_string();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("tr!(") {
            // `macro_rules! tr` and the like are not uses.
            let before = rest[..at].chars().last();
            rest = &rest[at + 4..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let call = rest.trim_start();
            let Some(after_quote) = call.strip_prefix('"') else {
                continue; // the macro's own definition: `($key:literal)`
            };
            let end = after_quote.find('"').unwrap();
            let key = after_quote[..end].to_string();
            let args = arguments(&after_quote[end + 1..]);
            found.push((key, name.clone(), args));
        }
    }
    found
}

/// The names before `=` at the top level of a macro call's remaining text, up to its `)`.
fn arguments(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut depth = 0i32;
    let mut in_string = false;
    let mut chars = text.char_indices().peekable();
    let mut after_comma = false;
    while let Some((i, c)) = chars.next() {
        if in_string {
            if c == '\\' {
                chars.next();
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => after_comma = true,
            c if after_comma && depth == 0 && !c.is_whitespace() => {
                after_comma = false;
                let word: String = text[i..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let tail = text[i + word.len()..].trim_start();
                if !word.is_empty() && tail.starts_with('=') && !tail.starts_with("==") {
                    names.insert(word);
                }
            }
            _ => {}
        }
    }
    names
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    let english = catalog("en");
    for language in &LANGUAGES[1..] {
        let other = catalog(language);
        let only_en: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let only_other: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "missing from {language}: {only_en:?}");
        assert!(only_other.is_empty(), "only in {language}: {only_other:?}");
        for (key, vars) in &english {
            assert_eq!(
                vars, &other[key],
                "{key}: placeholders differ between en and {language}"
            );
        }
    }
}

#[test]
fn every_tr_names_a_key_with_exactly_its_placeholders() {
    let english = catalog("en");
    let mut wrong = vec![];
    for (key, file, args) in uses() {
        match english.get(&key) {
            None => wrong.push(format!("{file}: {key} is in no catalog")),
            Some(vars) if vars != &args => wrong.push(format!(
                "{file}: {key} is given {args:?} but its text uses {vars:?}"
            )),
            Some(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_catalog_entry_is_unused() {
    let used: BTreeSet<String> = uses().into_iter().map(|(key, _, _)| key).collect();
    let unused: Vec<_> = catalog("en")
        .into_keys()
        .filter(|k| !used.contains(k))
        .filter(|k| !MADE_AT_RUN_TIME.iter().any(|prefix| k.starts_with(prefix)))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogs but used nowhere: {unused:?}"
    );
}

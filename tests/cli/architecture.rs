//! The layers of `src/`, kept: every `crate::` path read, and each must point down (or across,
//! but never from one command to another); no import circle; one module prints.
//!
//! From the bottom: the leaves (`diag`, `text`, `par`, `cli`, `i18n`…), `settings`, `domain/`
//! (inputs in, letters out), `state/` (the drafts folder), `outbox`, `report` (the one printer)
//! and beside it `desk/` (the web pages), each command in `commands/`, and at the top the
//! dispatcher and the crate root.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::REPO;

/// The layer of a module, from 0 at the bottom; `None` for a module no layer names.
fn layer(module: &[String]) -> Option<usize> {
    let first = module.first().map(String::as_str);
    Some(match (first, module.len()) {
        (None, _) => 7,
        (Some("diag" | "text" | "par" | "cli" | "clock" | "secret" | "tls" | "i18n"), 1) => 0,
        (Some("settings"), _) => 1,
        (Some("domain"), _) => 2,
        (Some("state"), _) => 3,
        (Some("outbox" | "mailbox"), _) => 4,
        (Some("report"), _) => 5,
        // The writing desk: pages over `state/` and `domain/`, beside the printer.
        (Some("desk"), _) => 5,
        (Some("commands"), 1) => 7,
        (Some("commands"), _) => 6,
        _ => return None,
    })
}

/// Which command a module belongs to, if any: `commands::send::deliver` is `send`'s.
fn command(module: &[String]) -> Option<&str> {
    match module {
        [first, name, ..] if first == "commands" => Some(name),
        _ => None,
    }
}

/// The only module that writes to the terminal (with its files, `report/status.rs` and the rest).
const PRINTER: &str = "report";

/// What only the printer may use.
const PRINTING: &[&str] = &[
    "std::io::stdout",
    "std::io::stderr",
    "println!",
    "eprintln!",
    "print!(",
    "eprint!(",
    "indicatif",
    "rpassword",
];

/// Whether `code` has `word` on its own (`println!` is not in `eprintln!`).
fn mentions(code: &str, word: &str) -> bool {
    code.match_indices(word).any(|(at, _)| {
        !code[..at]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// A module's path from its file's, inside `src/`: `domain/table/text.rs` is `domain::table::text`.
fn module_of(path: &str) -> Vec<String> {
    let mut parts: Vec<String> = path
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The text without comments, strings and char literals, where a `crate::` never means a path.
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if rest.starts_with(&['/', '*']) {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if chars[i] == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if chars[i] == '\'' && (rest.get(2) == Some(&'\'') || rest.get(1) == Some(&'\\')) {
            // A char literal ('"', '\n'); a lifetime ('a) is left as it is.
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Every `crate::` path in the code, `use crate::{a, b::{c, d}}` groups opened; `say!` and
/// `tell!` are the printer's, and count as using it.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c == '$' || c.is_alphanumeric() || c == '_') {
            continue;
        }
        match rest.strip_prefix('{') {
            Some(group) => {
                for item in split_group(group) {
                    expand(&[], item.trim(), &mut paths);
                }
            }
            None => expand(&[], rest, &mut paths),
        }
    }
    for mac in ["say!", "tell!"] {
        if mentions(code, mac) {
            paths.push(vec![PRINTER.to_string()]);
        }
    }
    paths.retain(|p| !p.is_empty());
    paths
}

/// The paths at the start of `text` under `prefix`: `a::b`, or a `{…}` group, nested.
fn expand(prefix: &[String], text: &str, out: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    let mut rest = text.trim_start();
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end > 0 {
            path.push(rest[..end].to_string());
            rest = &rest[end..];
        }
        match rest.trim_start().strip_prefix("::") {
            Some(next) => rest = next.trim_start(),
            None => break,
        }
        if let Some(group) = rest.strip_prefix('{') {
            for item in split_group(group) {
                expand(&path, item.trim(), out);
            }
            return;
        }
    }
    out.push(path);
}

/// The items of a `{…}` group (the text after its `{`), split at its own commas.
fn split_group(group: &str) -> Vec<&str> {
    let (mut depth, mut start, mut items) = (0usize, 0, Vec::new());
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&group[start..]);
    items
}

/// Every breach of the layers in a tree of `(path inside src/, text)`.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(p, _)| module_of(p)).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    let mut found = Vec::new();
    for (path, text) in files {
        let from = module_of(path);
        let Some(from_layer) = layer(&from) else {
            found.push(format!(
                "src/{path}: `{}` is in no layer: put it in one, and in this test",
                from.join("::")
            ));
            continue;
        };
        let code = code(text);
        if from.first().map(String::as_str) != Some(PRINTER) && !path.ends_with("main.rs") {
            for p in PRINTING.iter().filter(|p| mentions(&code, p)) {
                found.push(format!("src/{path}: uses `{p}`: only `{PRINTER}` prints"));
            }
        }
        for target in crate_paths(&code) {
            // The module the path lands in: the longest prefix that is one.
            let Some(to) = (1..=target.len())
                .rev()
                .map(|k| target[..k].to_vec())
                .find(|m| modules.contains(m))
            else {
                continue;
            };
            if to == from || to.starts_with(&from) {
                continue;
            }
            let to_layer = layer(&to).unwrap_or(usize::MAX);
            if to_layer > from_layer {
                found.push(format!(
                    "src/{path}: `{}` imports `{}`, a higher layer",
                    from.join("::"),
                    to.join("::")
                ));
            }
            if let (Some(a), Some(b)) = (command(&from), command(&to)) {
                if a != b {
                    found.push(format!(
                        "src/{path}: the command `{a}` imports the command `{b}`"
                    ));
                }
            }
            edges.entry(from.clone()).or_default().insert(to);
        }
    }
    found.extend(circles(&edges));
    found
}

/// Import circles, each said once by its smallest module.
fn circles(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<String> {
    let mut found = BTreeSet::new();
    for start in edges.keys() {
        // Depth-first from `start`, looking for a way back to it.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if next == start {
                    let mut circle: Vec<String> = path.iter().map(|m| m.join("::")).collect();
                    circle.sort();
                    found.insert(format!("import circle: {}", circle.join(" <-> ")));
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    found.into_iter().collect()
}

fn read_tree(dir: &Path, base: &Path, files: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read_tree(&path, base, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn src_keeps_its_layers() {
    let src = Path::new(REPO).join("src");
    let mut files = Vec::new();
    read_tree(&src, &src, &mut files);
    assert!(files.len() > 20, "read {} files", files.len());
    let found = violations(&files);
    assert!(
        found.is_empty(),
        "the layers of src/ are broken:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_planted_violation_of_each_kind_is_caught() {
    let tree = |extra: &[(&str, &str)]| -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = [
            (
                "lib.rs",
                "pub mod commands; pub mod domain; pub mod report;",
            ),
            ("domain/mod.rs", "pub mod clients;"),
            ("domain/clients.rs", "use crate::text::clean_line;"),
            ("text.rs", "pub fn clean_line() {}"),
            ("report.rs", "pub fn out() { println!(\"x\"); }"),
            ("commands/mod.rs", "pub mod send; pub mod review;"),
            (
                "commands/send.rs",
                "use crate::domain::clients::Client; use crate::report;",
            ),
            (
                "commands/review.rs",
                "use crate::{report, domain::clients};",
            ),
        ]
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
        for (p, t) in extra {
            files.retain(|(q, _)| q != p);
            files.push((p.to_string(), t.to_string()));
        }
        files
    };
    assert_eq!(
        violations(&tree(&[])),
        Vec::<String>::new(),
        "the clean tree passes"
    );
    let cases: &[(&str, &str, &str)] = &[
        (
            "domain/clients.rs",
            "use crate::commands::send::run;",
            "imports `commands::send`, a higher layer",
        ),
        (
            "domain/clients.rs",
            "fn f() { crate::report::out(); }",
            "imports `report`, a higher layer",
        ),
        (
            "commands/send.rs",
            "use crate::{report, commands::review::run};",
            "the command `send` imports the command `review`",
        ),
        (
            "text.rs",
            "// crate::report is only a comment\nuse crate::domain::clients::Client;",
            "`text` imports `domain::clients`",
        ),
        (
            "domain/clients.rs",
            "fn f() { eprintln!(\"oops\"); }",
            "uses `eprintln!`: only `report` prints",
        ),
        ("sneaky.rs", "", "`sneaky` is in no layer"),
        (
            "domain/clients.rs",
            "use crate::{text::{clean_line}, commands::{send::run}};",
            "imports `commands::send`, a higher layer",
        ),
        (
            "domain/clients.rs",
            "use crate::\n    commands::send::run;",
            "imports `commands::send`, a higher layer",
        ),
        (
            "domain/clients.rs",
            "fn f() { tell!(\"x\"); }",
            "imports `report`, a higher layer",
        ),
        (
            "domain/clients.rs",
            "fn f() { rpassword::prompt_password(\"?\"); }",
            "uses `rpassword`",
        ),
    ];
    for (file, text, says) in cases {
        let found = violations(&tree(&[(file, text)]));
        assert!(
            found.iter().any(|f| f.contains(says)),
            "{file}: {text}\nfound: {found:?}"
        );
    }
    // A circle inside one layer.
    let found = violations(&tree(&[
        ("domain/mod.rs", "pub mod clients; pub mod compose;"),
        ("domain/clients.rs", "use crate::domain::compose::x;"),
        ("domain/compose.rs", "use crate::domain::clients::y;"),
    ]));
    assert!(
        found
            .iter()
            .any(|f| f == "import circle: domain::clients <-> domain::compose"),
        "{found:?}"
    );
    // The printer's own files print, and use what is below them.
    assert_eq!(
        violations(&tree(&[(
            "report/status.rs",
            "use crate::domain::clients::Client; fn f() { println!(\"x\"); say!(\"y\"); }"
        )])),
        Vec::<String>::new()
    );
    // Strings and comments are not code.
    assert_eq!(
        violations(&tree(&[(
            "text.rs",
            "const S: &str = \"crate::commands::send\"; /* crate::report */"
        )])),
        Vec::<String>::new()
    );
}

//! Compiles the language catalogs into the binary: every `i18n/<language>/<area>.ftl`, found
//! here so that a new area's file needs no list kept by hand.

use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=i18n");
    // The crate being built, read when the script runs (not when it was compiled: a copied
    // `target/` would otherwise read another checkout's catalogs).
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("i18n");
    let mut out = String::new();
    for language in ["en", "es"] {
        let dir = root.join(language);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|entry| entry.expect("a catalog folder entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        writeln!(
            out,
            "pub const {}: &[(&str, &str)] = &[",
            language.to_uppercase()
        )
        .unwrap();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let area = file.file_stem().unwrap().to_string_lossy().into_owned();
            writeln!(
                out,
                "    ({area:?}, include_str!({:?})),",
                file.display().to_string()
            )
            .unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogs.rs");
    std::fs::write(dest, out).expect("writing the catalogs' list");
}

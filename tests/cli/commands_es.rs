//! The commands in Spanish (`CARTERO_LANG=es`): review's keys, its prompt and summary, and the
//! commands' own sentences.

use crate::review::drafted;
use crate::support::*;

#[test]
fn review_in_spanish_takes_the_spanish_keys() {
    let c = drafted();
    let run = c
        .cmd(&["review"])
        .env("CARTERO_LANG", "es")
        .write_stdin("a\no\nx\nr\nl\n")
        .output()
        .unwrap();
    let err = Run(run).success().stderr();
    assert!(
        err.contains("[a]probar [e]ditar [o]mitir [r]echazar sa[l]ir: "),
        "{err}"
    );
    assert!(err.contains("── 1 de 5 ── Ana <a@example.com>"), "{err}");
    assert!(
        err.contains("`x` no es una respuesta: escribe a, e, o, r o l, y pulsa Intro"),
        "{err}"
    );
    assert!(
        err.contains("\n1 aprobado, 1 omitido, 1 rechazado; 2 por revisar: `cartero review` sigue con ellos y con los omitidos\n"),
        "{err}"
    );
    assert!(
        err.contains("1 borrador aprobado en total; siguiente paso: `cartero send --to-self` para una prueba, luego `cartero send`"),
        "{err}"
    );
    assert!(!err.contains("approved"), "{err}");
    assert_eq!(
        c.states(),
        ["approved", "skipped", "rejected", "drafted", "drafted"]
    );
}

#[test]
fn the_english_letters_keep_their_meaning_in_spanish() {
    let c = drafted();
    let run = c
        .cmd(&["review"])
        .env("CARTERO_LANG", "es")
        .write_stdin("a\ns\nr\nq\n")
        .output()
        .unwrap();
    Run(run).success();
    assert_eq!(
        c.states(),
        ["approved", "skipped", "rejected", "drafted", "drafted"]
    );
    // And the Spanish ones in English.
    // Bea (skipped) comes back first, then Dani.
    c.run_with_stdin(&["review"], "o\no\nl\n").success();
    assert_eq!(
        c.states(),
        ["approved", "skipped", "rejected", "skipped", "drafted"]
    );
}

#[test]
fn init_and_remember_speak_spanish() {
    let c = Campaign::empty();
    let es = |args: &[&str]| Run(c.cmd(args).env("CARTERO_LANG", "es").output().unwrap());
    let first = es(&["init", "."]).success().stdout();
    assert!(first.contains("escrito    ./cartero.toml\n"), "{first}");
    assert!(
        first.contains("siguiente paso: pon tus clientes en clients.csv (con una nota personal para cada uno) y tu nombre en cartero.toml; luego `cartero check`"),
        "{first}"
    );
    let again = es(&["init", "."]).success().stdout();
    assert!(
        again.contains(
            "conservado ./cartero.toml (ya existe; cartero nunca sobrescribe un archivo)\n"
        ),
        "{again}"
    );
    assert!(
        again.contains("4 archivos ya existían y se han dejado como estaban\n"),
        "{again}"
    );
    es(&["remember", "nadie@example.org", "algo"])
        .failure()
        .stderr_has("`nadie@example.org` no está en ninguna lista de clientes de esta campaña ni en ninguna carta del archivo histórico");
    es(&["remember", "ana@example.com", " "])
        .failure()
        .stderr_has("no hay nada que recordar: escríbelo después de la dirección");
}

#[test]
fn what_the_operating_system_says_is_said_in_spanish_too() {
    let c = Campaign::empty();
    c.write("ocupado", "un archivo, no una carpeta");
    let out = Run(c
        .cmd(&["init", "ocupado"])
        .env("CARTERO_LANG", "es")
        .output()
        .unwrap());
    let err = out.stderr();
    assert!(
        err.contains("no se pudo crear la carpeta `ocupado`: ya hay algo con ese nombre"),
        "{err}"
    );
    assert!(
        !err.contains("os error") && !err.contains("File exists"),
        "{err}"
    );
    let out = Run(c
        .cmd(&["init", "ocupado"])
        .env("CARTERO_LANG", "en")
        .output()
        .unwrap());
    assert!(
        out.stderr()
            .contains("something by that name is there already"),
        "{}",
        out.stderr()
    );
}

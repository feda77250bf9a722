//! The commands in Spanish (`CARTERO_LANG=es`): review's keys, its prompt and summary, and the
//! commands' own sentences.

use crate::support::*;

const CLIENTS: &str = "email,name,note\na@example.com,Ana,La paella de junio\nb@example.com,Bea,El viaje a Lugo\nc@example.com,Cy,La feria de Reus\nd@example.com,Dani,El piano nuevo\ne@example.com,Eva,\n";
const TEMPLATE: &str = "Subject: Hola {{ first_name }}\n\nHola {{ first_name }}:\n\n{{ note | default(value=\"\") }}\n\nUn abrazo,\n{{ sender.name }}\n";

fn drafted() -> Campaign {
    let c = Campaign::with(CLIENTS, TEMPLATE);
    c.run(&["draft"]).success();
    c
}

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

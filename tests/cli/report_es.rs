//! The printer in Spanish: a run with `CARTERO_LANG=es` says check's summary, draft's summary
//! and the status table in Spanish (the catalogs' `report.ftl`), aligned as in English.

use crate::drafting::{CLIENTS, TEMPLATE};
use crate::support::*;

/// `cartero ARGS` in Spanish: its stdout's lines.
fn spanish(c: &Campaign, args: &[&str]) -> Vec<String> {
    let out = c.cmd(args).env("CARTERO_LANG", "es").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn has(lines: &[String], line: &str) {
    assert!(
        lines.iter().any(|l| l == line),
        "no line {line:?} in:\n{}",
        lines.join("\n")
    );
}

#[test]
fn check_draft_and_status_speak_spanish() {
    let c = Campaign::with(CLIENTS, TEMPLATE);
    let check = spanish(&c, &["check"]);
    has(&check, "2 clientes en `clients.csv`");
    has(
        &check,
        "  círculos: 0 queridos, 0 indiferentes, 0 odiados, 2 sin afinidad",
    );
    has(&check, "  todos los clientes tienen nota personal");
    has(
        &check,
        "  parte personal: 78 % de media; 0 de 2 correos parecen un envío masivo",
    );

    let status = spanish(&c, &["status"]);
    has(&status, "   #  estado         personal  nombre    borrador");
    has(&status, "   1  nuevo                 -  Ana Ruiz  -");
    has(&status, "2 clientes: 2 nuevos");
    has(
        &status,
        "siguiente paso: `cartero draft` escribe los borradores que faltan",
    );

    let draft = spanish(&c, &["draft"]);
    has(
        &draft,
        "2 borradores en `drafts`: 2 nuevos, 0 actualizados, 0 editados por ti y conservados, 0 sin cambios",
    );
    has(
        &draft,
        "parte personal: 78 % de media; 0 parecen un envío masivo; 0 sin nota personal",
    );

    let status = spanish(&c, &["status"]);
    has(&status, "   #  estado         personal  nombre    borrador");
    has(
        &status,
        "   1  redactado           75%  Ana Ruiz  drafts/0001-ana-ruiz.txt",
    );
    has(&status, "2 clientes: 2 redactados");
}

#[test]
fn one_client_is_said_in_the_singular() {
    let c = Campaign::with(
        "email,name,note\nana@example.com,Ana Ruiz,Gracias por la paella de junio\n",
        TEMPLATE,
    );
    has(&spanish(&c, &["check"]), "1 cliente en `clients.csv`");
    has(
        &spanish(&c, &["draft"]),
        "1 borrador en `drafts`: 1 nuevo, 0 actualizados, 0 editados por ti y conservados, 0 sin cambios",
    );
    has(&spanish(&c, &["status"]), "1 cliente: 1 redactado");
}

#[test]
fn status_json_keeps_its_words_in_spanish() {
    let c = Campaign::with(CLIENTS, TEMPLATE);
    let out = c
        .cmd(&["status", "--json"])
        .env("CARTERO_LANG", "es")
        .output()
        .unwrap();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["state"], "new");
}

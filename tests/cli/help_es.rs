//! `--help` in the language of the run, clap's own words included: every command and argument
//! of the command line has its `cli-…` sentence in every language (which backs the catalogs
//! test's leaving `cli-` keys out of its "used nowhere" check), and a Spanish run's help and
//! usage errors hold no English of clap's.

use cartero::i18n::{self, Lang};
use clap::CommandFactory;

use crate::support::*;

/// Every key the help of `cmd` (at `path`) looks up, with what it is for.
fn keys(cmd: &clap::Command, path: &str, root: bool, found: &mut Vec<String>) {
    found.push(format!("cli-{path}-about"));
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str().replace('_', "-");
        found.push(match arg.is_global_set() {
            true => format!("cli-global-{id}"),
            false => format!("cli-{path}-{id}"),
        });
    }
    for sub in cmd.get_subcommands() {
        let path = match root {
            true => sub.get_name().to_string(),
            false => format!("{path}-{}", sub.get_name()),
        };
        keys(sub, &path, false, found);
    }
}

#[test]
fn every_command_and_argument_has_its_help_in_every_language() {
    let mut found = vec![
        "cli-cartero-long-about".to_string(),
        "cli-cartero-after-long-help".to_string(),
        "cli-global-help".to_string(),
        "cli-global-help-more".to_string(),
        "cli-global-help-summary".to_string(),
        "cli-global-version".to_string(),
        "cli-help-about".to_string(),
        "cli-help-subcommand".to_string(),
    ];
    keys(&cartero::cli::Cli::command(), "cartero", true, &mut found);
    assert!(found.contains(&"cli-archive-import-dir".to_string()));
    assert!(found.contains(&"cli-send-dry-run".to_string()));
    let mut missing = vec![];
    for lang in Lang::ALL {
        for key in &found {
            if !i18n::has(lang, key) {
                missing.push(format!("{}: {key}", lang.code()));
            }
        }
    }
    assert!(missing.is_empty(), "help with no sentence: {missing:?}");
}

/// `cartero ARGS` with the locale of the test's choosing: none of the tester's own.
fn bare(c: &Campaign, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = c.cmd(args);
    cmd.env_remove("CARTERO_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    cmd
}

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn assert_spanish(help: &str) {
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Arguments:",
        "Print help",
        "possible values",
    ] {
        assert!(!help.contains(english), "`{english}` in: {help}");
    }
    assert!(help.contains("Uso: cartero"), "{help}");
    assert!(help.contains("Opciones:"), "{help}");
    assert!(help.contains("  -h, --help"), "{help}");
    assert!(help.contains("Muestra la ayuda"), "{help}");
}

#[test]
fn help_is_in_spanish_from_the_flag_the_variable_or_the_locale() {
    let c = Campaign::empty();
    let by_flag = stdout(&mut bare(&c, &["--lang", "es", "--help"]));
    assert_spanish(&by_flag);
    assert!(by_flag.contains("Órdenes:"), "{by_flag}");
    assert!(
        by_flag.contains("  send         Envía los borradores aprobados, un correo por cliente"),
        "{by_flag}"
    );
    assert!(
        by_flag.contains("Códigos de salida: 0 todo bien"),
        "{by_flag}"
    );
    assert!(by_flag.contains("[valores posibles: es, en]"), "{by_flag}");

    let by_variable = stdout(bare(&c, &["send", "--help"]).env("CARTERO_LANG", "es"));
    assert_spanish(&by_variable);
    assert!(
        by_variable.contains("      --dry-run              Escribe en --out los archivos .eml que se enviarían, y no envía nada"),
        "{by_variable}"
    );

    let by_locale = stdout(bare(&c, &["send", "--help"]).env("LANG", "es_ES.UTF-8"));
    assert_eq!(by_locale, by_variable);

    let arguments = stdout(bare(&c, &["history", "-h"]).env("CARTERO_LANG", "es"));
    assert_spanish(&arguments);
    assert!(
        arguments.contains("Argumentos:\n  <DIRECCIÓN>  La dirección del cliente"),
        "{arguments}"
    );
    let help_command = stdout(bare(&c, &["help", "remember"]).env("CARTERO_LANG", "es"));
    assert_spanish(&help_command);
}

#[test]
fn lc_all_beats_lang_and_the_flag_beats_the_variable() {
    let c = Campaign::empty();
    let english = stdout(
        bare(&c, &["send", "--help"])
            .env("LANG", "es_ES.UTF-8")
            .env("LC_ALL", "en_US.UTF-8"),
    );
    assert!(english.contains("Usage: cartero send"), "{english}");
    assert!(
        english.contains("  -h, --help             Print help"),
        "{english}"
    );
    let english = stdout(bare(&c, &["--lang", "en", "send", "--help"]).env("CARTERO_LANG", "es"));
    assert!(english.contains("Usage: cartero send"), "{english}");
    assert!(!english.contains("Uso:"), "{english}");
}

#[test]
fn usage_errors_are_in_spanish_and_still_exit_2() {
    let c = Campaign::empty();
    let cases: [(&[&str], &str); 5] = [
        (
            &["sned"],
            "error: no existe la orden 'sned'\n\n  consejo: hay una parecida: 'send'\n\nUso: cartero [OPCIONES] <ORDEN>\n\nPara saber más, prueba '--help'.\n",
        ),
        (&["send", "--frob"], "error: no conozco la opción '--frob'"),
        (
            &["preview"],
            "error: falta lo siguiente, que es obligatorio:\n  --out <CARPETA>\n\nUso: cartero preview [OPCIONES] --out <CARPETA>",
        ),
        (
            &["completions", "cmd.exe"],
            "error: el valor 'cmd.exe' no sirve para '<SHELL>'\n  [valores posibles: bash, elvish, fish, powershell, zsh]",
        ),
        (
            &["send", "--dry-run", "--to-self"],
            "error: '--dry-run' no se puede usar junto con '--to-self'",
        ),
    ];
    for (args, said) in cases {
        let run = Run(c.cmd(args).env("CARTERO_LANG", "es").output().unwrap());
        assert_eq!(run.code(), Some(2), "{args:?}");
        assert!(run.stderr().contains(said), "{args:?}: {}", run.stderr());
        assert!(!run.stderr().contains("Usage:"), "{}", run.stderr());
        assert!(run.stdout().is_empty());
    }
    // --version and --help are no error.
    let run = Run(c
        .cmd(&["--version"])
        .env("CARTERO_LANG", "es")
        .output()
        .unwrap());
    assert_eq!(run.code(), Some(0));
    assert!(run.stdout().starts_with("cartero "), "{}", run.stdout());
}

#[test]
fn the_manual_page_speaks_spanish_too() {
    let c = Campaign::empty();
    let out = stdout(c.cmd(&["man"]).env("CARTERO_LANG", "es"));
    assert!(
        out.contains("Escribe a cada cliente un correo personal de fin de año"),
        "{out}"
    );
    assert!(out.contains(".TH cartero-send 1"), "{out}");
}

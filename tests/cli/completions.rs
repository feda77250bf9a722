//! `cartero completions SHELL` and `cartero man`: what a shell and `man` read, complete.

use crate::support::*;

#[test]
fn completions_for_every_shell_name_every_command() {
    let c = Campaign::empty();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = c.run(&["completions", shell]).success().stdout();
        for command in [
            "init", "check", "preview", "draft", "review", "send", "status", "replies", "history",
            "remember", "archive",
        ] {
            assert!(
                out.contains(command),
                "{shell} completions lack `{command}`"
            );
        }
        assert!(
            out.contains("arrived"),
            "{shell} completions lack send's flags"
        );
    }
    // What bash is given reads as bash.
    let script = c.run(&["completions", "bash"]).success().stdout();
    c.write("cartero.bash", &script);
    let checked = std::process::Command::new("bash")
        .args(["-n", "cartero.bash"])
        .current_dir(c.dir.path())
        .status()
        .unwrap();
    assert!(checked.success(), "bash -n refused the completions");
}

#[test]
fn an_unknown_shell_is_a_usage_error_naming_the_shells() {
    let run = Campaign::empty().run(&["completions", "cmd.exe"]);
    assert_eq!(run.code(), Some(2));
    assert!(
        run.stderr().contains("bash, elvish, fish, powershell, zsh"),
        "{}",
        run.stderr()
    );
}

#[test]
fn the_manual_page_is_roff_for_section_1_with_every_command() {
    let out = Campaign::empty().run(&["man"]).success().stdout();
    assert!(out.contains(".TH cartero 1"), "{out}");
    assert!(out.contains("Write a personal year"), "{out}");
    for command in ["send", "review", "status", "completions"] {
        assert!(out.contains(command), "the manual page lacks `{command}`");
        // The page it names is there too, with the command's own options.
        assert!(
            out.contains(&format!(".TH cartero-{command} 1")),
            "no page for `cartero-{command}`"
        );
    }
    assert!(
        out.contains("arrived"),
        "send's options are not in the manual"
    );
    assert!(
        out.contains("CARTERO_SMTP_PASSWORD"),
        "no environment in the manual"
    );
}

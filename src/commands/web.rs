//! `cartero web`: the writing desk on 127.0.0.1, until Ctrl-C. The address it prints carries
//! the desk's secret; the browser is opened on it unless `--no-open`.

use std::process::ExitCode;

use anyhow::Result;

use crate::desk::Desk;
use crate::settings::Settings;

pub fn run(settings: Settings, port: u16, no_open: bool) -> Result<ExitCode> {
    let desk = Desk::open(settings, port)?;
    let url = desk.url();
    say!("{}", tr!("cmd-web-open", url = url.as_str()));
    say!("{}", tr!("cmd-web-stop"));
    if !no_open && !open_browser(&url) {
        say!("{}", tr!("cmd-web-no-browser"));
    }
    desk.serve()?;
    say!("{}", tr!("cmd-web-closed"));
    Ok(ExitCode::SUCCESS)
}

/// The person's browser on `url`, if this system says how to open one; a failure is not an
/// error (the address is printed).
fn open_browser(url: &str) -> bool {
    let opener: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else {
        &["xdg-open"]
    };
    let (program, args) = opener.split_first().expect("an opener");
    std::process::Command::new(program)
        .args(args)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}

//! placeholder
use anyhow::Result;
use std::process::ExitCode;
use crate::settings::Settings;
pub fn run(_s: Settings, _a: &crate::cli::SendArgs) -> Result<ExitCode> { todo!() }

//! placeholder
use anyhow::Result;
use std::process::ExitCode;
use crate::settings::Settings;
pub fn run(_s: Settings) -> Result<ExitCode> { todo!() }
pub fn status(_s: Settings, _j: bool) -> Result<ExitCode> { todo!() }

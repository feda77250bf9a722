//! placeholder
use anyhow::Result;
use std::process::ExitCode;
use crate::settings::Settings;
pub fn run(_s: Settings) -> Result<ExitCode> { todo!() }

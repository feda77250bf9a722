//! The clock: the time now, or one fixed time (`CARTERO_NOW`), so that output and messages can
//! be compared byte for byte in tests. Copied, never shared: it is two words.

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset, Local};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// When the run began (the fixed time, under `CARTERO_NOW`).
    started: DateTime<FixedOffset>,
    fixed: bool,
}

impl Clock {
    /// `CARTERO_NOW` when it is set (an RFC 3339 time), else this machine's clock.
    pub fn from_env() -> Result<Clock> {
        match std::env::var("CARTERO_NOW") {
            Ok(text) => DateTime::parse_from_rfc3339(&text)
                .map(Clock::fixed)
                .with_context(|| tr!("clock-not-a-time", value = &text)),
            Err(_) => Ok(Clock {
                started: Local::now().fixed_offset(),
                fixed: false,
            }),
        }
    }

    /// A clock that always says `at`.
    pub fn fixed(at: DateTime<FixedOffset>) -> Clock {
        Clock {
            started: at,
            fixed: true,
        }
    }

    /// The time now.
    pub fn now(&self) -> DateTime<FixedOffset> {
        if self.fixed {
            self.started
        } else {
            Local::now().fixed_offset()
        }
    }

    /// When the run began: one date for every letter a run renders.
    pub fn started(&self) -> DateTime<FixedOffset> {
        self.started
    }

    /// Whether the time is fixed: then Message-IDs are reproducible too.
    pub fn is_fixed(&self) -> bool {
        self.fixed
    }
}

//! `send`'s progress: a bar on a terminal or plain numbered lines, and the countdown of a
//! send that waits for its time.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local};

use crate::text::how_long;

/// A bar on a terminal, plain lines otherwise.
pub enum Progress {
    Bar(indicatif::ProgressBar),
    /// Without a bar, each letter's line says how far the run is: `12 of 480`.
    Plain {
        done: std::cell::Cell<u64>,
        len: u64,
    },
}

impl Progress {
    pub fn new(len: u64) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress::Plain {
                done: std::cell::Cell::new(0),
                len,
            };
        }
        let bar = indicatif::ProgressBar::new(len);
        // indicatif's own placeholders go through the catalog as they are.
        let template = format!(
            "{{bar:30}} {{pos}}/{{len}} {}",
            tr!("send-progress-left", eta = "{eta}")
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        Progress::Bar(bar)
    }

    pub fn println(&self, line: String) {
        match self {
            Progress::Bar(b) => b.println(line),
            Progress::Plain { .. } => tell!("{line}"),
        }
    }

    /// ` 12 of 480  ` for the letter in flight in plain lines (numbers aligned); nothing beside
    /// a bar, which shows it.
    pub fn nth(&self) -> String {
        match self {
            Progress::Bar(_) => String::new(),
            Progress::Plain { done, len } => {
                let width = len.to_string().len();
                let nth = format!("{:>width$}", done.get() + 1);
                format!("{}  ", tr!("send-nth", nth = nth, len = *len))
            }
        }
    }

    /// A line while the bar runs; without a bar (a log) it waits for the summary, which says
    /// it once with what to do.
    pub fn live(&self, line: String) {
        if let Progress::Bar(b) = self {
            b.println(line)
        }
    }

    pub fn inc(&self, n: u64) {
        match self {
            Progress::Bar(b) => b.inc(n),
            Progress::Plain { done, .. } => done.set(done.get() + n),
        }
    }

    pub fn finish_and_clear(&self) {
        if let Progress::Bar(b) = self {
            b.finish_and_clear()
        }
    }
}

/// What a countdown waits to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// `send --at`: the first letter.
    Send,
    /// `send --spread`: the next day's letters.
    GoOn,
}

/// Waiting in the foreground until a time, a countdown on a terminal; Ctrl-C cancels.
pub struct Countdown {
    when: DateTime<FixedOffset>,
    what: Then,
}

impl Countdown {
    pub fn until(when: DateTime<FixedOffset>, what: Then) -> Countdown {
        Countdown { when, what }
    }

    /// Waits; false if Ctrl-C (or a stop signal) came first.
    pub fn wait(&self) -> bool {
        let stop = Arc::new(AtomicBool::new(false));
        let handlers: Vec<signal_hook::SigId> =
            [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM]
                .into_iter()
                .filter_map(|sig| signal_hook::flag::register(sig, Arc::clone(&stop)).ok())
                .collect();
        let bar = std::io::stderr()
            .is_terminal()
            .then(indicatif::ProgressBar::new_spinner);
        tell!("{}", self.waiting());
        let done = self.count_down(&stop, bar.as_ref());
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        // After the wait, Ctrl-C is what it was before it.
        for id in handlers {
            signal_hook::low_level::unregister(id);
        }
        done
    }

    /// `waiting to send at …`, in this run's language.
    fn waiting(&self) -> String {
        let at = self.when.format("%Y-%m-%d %H:%M:%S").to_string();
        match self.what {
            Then::Send => tr!("send-waiting-to-send", at = at),
            Then::GoOn => tr!("send-waiting-to-go-on", at = at),
        }
    }

    /// The wait itself, the time left on the spinner; false when stopped.
    fn count_down(&self, stop: &AtomicBool, bar: Option<&indicatif::ProgressBar>) -> bool {
        loop {
            if stop.load(Ordering::SeqCst) {
                return false;
            }
            let left = (self.when - Local::now().fixed_offset())
                .to_std()
                .unwrap_or_default();
            if left.is_zero() {
                return true;
            }
            if let Some(bar) = bar {
                bar.set_message(tr!("send-countdown-left", left = how_long(left)));
                bar.tick();
            }
            std::thread::sleep(left.min(Duration::from_millis(200)));
        }
    }
}

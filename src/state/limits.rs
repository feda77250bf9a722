//! The user's own daily limit, counted from the journal, and when the next letter may go;
//! `--at` times.

use chrono::{DateTime, Duration, FixedOffset, Local, NaiveDateTime, TimeZone};

use crate::state::journal::Event;

/// What the journal shows was sent in the 24 hours before `now`, and what that leaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    pub limit: usize,
    /// The times of the letters sent in the last 24 hours, oldest first.
    pub sent: Vec<DateTime<FixedOffset>>,
}

impl Day {
    pub fn of(events: &[Event], limit: usize, now: DateTime<FixedOffset>) -> Day {
        let since = now - Duration::hours(24);
        let mut sent: Vec<DateTime<FixedOffset>> = events
            .iter()
            .filter(|e| e.is_sent())
            .map(|e| e.time)
            .filter(|t| *t > since && *t <= now)
            .collect();
        sent.sort();
        Day { limit, sent }
    }

    /// How many more may go now.
    pub fn left(&self) -> usize {
        self.limit.saturating_sub(self.sent.len())
    }

    /// When one more letter may go, if none may now: 24 hours after the letter that frees a place.
    pub fn next_free(&self) -> Option<DateTime<FixedOffset>> {
        if self.left() > 0 {
            return None;
        }
        let freeing = self.sent.len() - self.limit;
        self.sent.get(freeing).map(|t| *t + Duration::hours(24))
    }
}

/// `--at`: "2026-12-22 09:00" (this machine's time zone), with seconds or a `T`, or RFC 3339.
pub fn parse_at(text: &str) -> Result<DateTime<FixedOffset>, String> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t);
    }
    for format in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
            return Local
                .from_local_datetime(&naive)
                .earliest()
                .map(|t| t.fixed_offset())
                .ok_or_else(|| tr!("limits-at-does-not-exist", at = text));
        }
    }
    Err(tr!("limits-at-not-a-time", at = text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::journal::What;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn the_day_counts_the_last_24_hours_of_the_journal() {
        let sent = |t: &str| {
            let what = What::Sent {
                hash: None,
                message_id: "<1@x>".into(),
                reply: None,
                proof: Default::default(),
            };
            Event::new(at(t), "a", what)
        };
        let events = vec![
            sent("2026-12-01T08:00:00+01:00"),
            sent("2026-12-01T09:00:00+01:00"),
            sent("2026-12-01T10:00:00+01:00"),
            Event::new(
                at("2026-12-01T10:30:00+01:00"),
                "b",
                What::Failed {
                    hash: None,
                    message_id: None,
                    reply: "550".into(),
                    permanent: true,
                },
            ),
        ];
        let day = Day::of(&events, 2, at("2026-12-01T12:00:00+01:00"));
        assert_eq!(day.left(), 0);
        // Three sent, limit two: the second oldest must age out first.
        assert_eq!(day.next_free(), Some(at("2026-12-02T09:00:00+01:00")));
        let next_day = Day::of(&events, 2, at("2026-12-02T08:30:00+01:00"));
        assert_eq!(next_day.sent.len(), 2);
        assert_eq!(next_day.left(), 0);
        assert_eq!(
            Day::of(&events, 2, at("2026-12-02T09:30:00+01:00")).left(),
            1
        );
    }

    #[test]
    fn at_takes_local_times_and_rfc3339() {
        assert!(parse_at("2026-12-22 09:00").is_ok());
        assert!(parse_at("2026-12-22T09:00:30").is_ok());
        assert_eq!(
            parse_at("2026-12-22T09:00:00+01:00").unwrap(),
            at("2026-12-22T09:00:00+01:00")
        );
        assert!(parse_at("mañana").unwrap_err().contains("is not a time"));
    }
}

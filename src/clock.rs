//! The one source of "now": injected everywhere a date or time is needed, set by tests.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::sync::{Arc, RwLock};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The wall clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until it is set; for tests and benchmarks.
#[derive(Clone)]
pub struct FixedClock(Arc<RwLock<DateTime<Utc>>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        FixedClock(Arc::new(RwLock::new(at)))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        if let Ok(mut t) = self.0.write() {
            *t = at;
        }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
            .read()
            .map(|t| *t)
            .unwrap_or_else(|e| *e.into_inner())
    }
}

/// The clock and the country's offset: "today" is the Kazakhstan date.
#[derive(Clone)]
pub struct Time {
    clock: Arc<dyn Clock>,
    offset: FixedOffset,
}

impl Time {
    pub fn new(clock: Arc<dyn Clock>, utc_offset_hours: i32) -> Option<Time> {
        FixedOffset::east_opt(utc_offset_hours * 3600).map(|offset| Time { clock, offset })
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Kazakhstan's offset from UTC (`time.utc_offset_hours`): to show times and to read a
    /// stored UTC timestamp as a Kazakhstan date.
    pub fn offset(&self) -> FixedOffset {
        self.offset
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.now().with_timezone(&self.offset).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_kazakhstan_date() {
        let clock = FixedClock::new("2026-12-31T19:30:00Z".parse().unwrap());
        let time = Time::new(Arc::new(clock), 5).unwrap();
        assert_eq!(time.today(), "2027-01-01".parse::<NaiveDate>().unwrap());
    }
}

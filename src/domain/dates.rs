//! Date ranges and working-day arithmetic over the ministry's holiday calendar.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An inclusive range of calendar dates, `start <= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DateRange {
    /// First day, inclusive.
    pub start: NaiveDate,
    /// Last day, inclusive.
    pub end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the range ends before it starts")]
pub struct RangeError;

impl DateRange {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<DateRange, RangeError> {
        if end < start {
            return Err(RangeError);
        }
        Ok(DateRange { start, end })
    }

    /// Number of calendar days, both ends counted.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
}

/// A working day is a weekday that is not a public holiday or transferred day off in the
/// rule set's calendar (deadlines "in working days", the ministry's permit rules).
pub fn is_working_day(d: NaiveDate, holidays: &[NaiveDate]) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&d)
}

/// The date `n` working days after `start` (`start` itself is not counted), e.g. the last day
/// of a decision or fee-payment deadline.
pub fn add_working_days(start: NaiveDate, n: u32, holidays: &[NaiveDate]) -> NaiveDate {
    let mut d = start;
    let mut left = n;
    while left > 0 {
        d = d + Days::new(1);
        if is_working_day(d, holidays) {
            left -= 1;
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn ranges_count_both_ends_and_refuse_inverted_bounds() {
        let r = DateRange::new(date("2026-01-01"), date("2026-03-31")).unwrap();
        assert_eq!(r.days(), 90);
        assert!(r.contains(date("2026-03-31")));
        assert!(!r.contains(date("2026-04-01")));
        assert_eq!(
            DateRange::new(date("2026-02-01"), date("2026-01-31")),
            Err(RangeError)
        );
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Friday 2026-03-20; 21-23 March is Nauryz (Sat-Mon), so the next working day is Tue 24.
        let holidays = [date("2026-03-21"), date("2026-03-22"), date("2026-03-23")];
        assert_eq!(
            add_working_days(date("2026-03-20"), 1, &holidays),
            date("2026-03-24")
        );
        assert_eq!(
            add_working_days(date("2026-03-20"), 0, &holidays),
            date("2026-03-20")
        );
        assert!(!is_working_day(date("2026-03-23"), &holidays));
        assert!(is_working_day(date("2026-03-24"), &holidays));
    }

    #[test]
    fn seven_working_days_from_a_monday_end_on_the_next_wednesday() {
        assert_eq!(
            add_working_days(date("2026-11-30"), 7, &[]),
            date("2026-12-09")
        );
    }
}

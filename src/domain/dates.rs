//! Date ranges and working-day arithmetic over the ministry's holiday calendar.

use chrono::{Datelike, Days, FixedOffset, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};

/// DESIGN "Time": dates are Kazakhstan dates. The date in the country (UTC + `offset`) of
/// a timestamp stored in UTC: an act recorded at 20:00 UTC happened the next day there.
pub fn local_date(at_utc: NaiveDateTime, offset: FixedOffset) -> NaiveDate {
    (at_utc + offset).date()
}

/// An inclusive range of calendar dates, `start <= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

/// A calendar of days off besides ordinary weekends: weekdays that are days off (holidays,
/// holidays moved from a weekend, transferred days off) and weekend days that a Government
/// decree made working days. The rule set's holiday calendar is one.
pub trait WorkCalendar {
    /// `d`, a Monday to Friday, is a day off.
    fn is_weekday_off(&self, d: NaiveDate) -> bool;
    /// `d`, a Saturday or Sunday, is a working day.
    fn is_weekend_working_day(&self, d: NaiveDate) -> bool;
}

/// A plain list of weekday days off, with no working weekend days.
impl WorkCalendar for [NaiveDate] {
    fn is_weekday_off(&self, d: NaiveDate) -> bool {
        self.contains(&d)
    }
    fn is_weekend_working_day(&self, _: NaiveDate) -> bool {
        false
    }
}

/// A working day is a Monday to Friday that is not a day off, or a Saturday or Sunday
/// made a working day by a transfer of days off (deadlines "in working days" of the
/// ministry's permit rules; Labour Code on holidays and transferred days off).
pub fn is_working_day<C: WorkCalendar + ?Sized>(d: NaiveDate, calendar: &C) -> bool {
    match d.weekday() {
        Weekday::Sat | Weekday::Sun => calendar.is_weekend_working_day(d),
        _ => !calendar.is_weekday_off(d),
    }
}

/// `d` if it is a working day, else the first working day after it: the last day of a term
/// that falls on a day off (Civil Code of the RK, Art. 175: "if the last day of a term falls
/// on a non-working day, the term ends on the next working day after it").
pub fn working_day_on_or_after<C: WorkCalendar + ?Sized>(d: NaiveDate, calendar: &C) -> NaiveDate {
    let mut day = d;
    while !is_working_day(day, calendar) {
        day = day + Days::new(1);
    }
    day
}

/// The date `n` working days after `start` (`start` itself is not counted), e.g. the last day
/// of a decision or fee-payment deadline.
pub fn add_working_days<C: WorkCalendar + ?Sized>(
    start: NaiveDate,
    n: u32,
    calendar: &C,
) -> NaiveDate {
    let mut d = start;
    let mut left = n;
    while left > 0 {
        d = d + Days::new(1);
        if is_working_day(d, calendar) {
            left -= 1;
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ruleset::tests::seeded;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_utc_timestamp_after_19_00_is_the_next_kazakhstan_day() {
        let kz = FixedOffset::east_opt(5 * 3600).unwrap();
        let at = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        assert_eq!(
            local_date(at("2026-03-10T18:59:59"), kz),
            date("2026-03-10")
        );
        assert_eq!(
            local_date(at("2026-03-10T19:00:00"), kz),
            date("2026-03-11")
        );
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
        // Friday 2026-03-20; Monday 23 March is Nauryz, so the next working day is Tue 24.
        let holidays = [date("2026-03-23")];
        assert_eq!(
            add_working_days(date("2026-03-20"), 1, &holidays[..]),
            date("2026-03-24")
        );
        assert_eq!(
            add_working_days(date("2026-03-20"), 0, &holidays[..]),
            date("2026-03-20")
        );
        assert!(!is_working_day(date("2026-03-23"), &holidays[..]));
        assert!(is_working_day(date("2026-03-24"), &holidays[..]));
    }

    #[test]
    fn seven_working_days_from_a_monday_end_on_the_next_wednesday() {
        let none: [NaiveDate; 0] = [];
        assert_eq!(
            add_working_days(date("2026-11-30"), 7, &none[..]),
            date("2026-12-09")
        );
    }

    #[test]
    fn ten_working_days_after_2026_03_19_skip_nauryz_and_its_moved_days_and_end_on_april_7() {
        let cal = seeded().holidays;
        assert_eq!(
            add_working_days(date("2026-03-19"), 10, &cal),
            date("2026-04-07")
        );
    }

    #[test]
    fn ten_working_days_after_2026_08_20_end_on_september_3_as_30_august_is_no_longer_a_holiday() {
        let cal = seeded().holidays;
        assert!(is_working_day(date("2026-08-31"), &cal));
        assert_eq!(
            add_working_days(date("2026-08-20"), 10, &cal),
            date("2026-09-03")
        );
    }

    #[test]
    fn a_weekend_day_made_a_working_day_by_decree_counts_as_a_working_day() {
        let cal = seeded().holidays;
        // Sunday 2025-01-05 was worked in exchange for Friday 2025-01-03.
        assert!(is_working_day(date("2025-01-05"), &cal));
        assert!(!is_working_day(date("2025-01-03"), &cal));
        assert!(!is_working_day(date("2025-01-04"), &cal));
        // From Tuesday 31 Dec 2024: 1-3 Jan off, Sat 4 off, Sun 5 worked.
        assert_eq!(
            add_working_days(date("2024-12-31"), 1, &cal),
            date("2025-01-05")
        );
    }

    #[test]
    fn a_holiday_on_a_weekend_is_off_on_the_next_working_day() {
        let cal = seeded().holidays;
        // 8 March 2025 was a Saturday: Monday 10 March was off.
        assert!(!is_working_day(date("2025-03-10"), &cal));
        // 9 May 2026 is a Saturday: Monday 11 May is off.
        assert!(!is_working_day(date("2026-05-11"), &cal));
    }

    #[test]
    fn civil_code_175_a_term_ending_on_a_day_off_ends_on_the_next_working_day() {
        let cal = seeded().holidays;
        // Monday 23 March 2026 (Nauryz), 24 and 25 March off: Thursday 26 March.
        assert_eq!(
            working_day_on_or_after(date("2026-03-23"), &cal),
            date("2026-03-26")
        );
        // Saturday 14 March 2026: Monday 16 March.
        assert_eq!(
            working_day_on_or_after(date("2026-03-14"), &cal),
            date("2026-03-16")
        );
        // A working day stays.
        assert_eq!(
            working_day_on_or_after(date("2026-03-26"), &cal),
            date("2026-03-26")
        );
    }

    #[test]
    fn years_beyond_the_calendar_have_only_weekends_off() {
        let cal = seeded().holidays;
        assert!(is_working_day(date("2031-01-01"), &cal));
    }
}

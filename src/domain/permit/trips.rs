//! Business trips of permitted workers (Art. 33(3)): a permit is valid only in the ATUs
//! named in it, but the employer may send its workers to organisations elsewhere for at
//! most the rule set's number of calendar days (never above the law's 90) in one calendar
//! year; a trip across New Year counts in each year for its days there.

use crate::domain::article::*;
use crate::domain::dates::DateRange;
use crate::domain::problem::{Limit, LimitUnit};
use crate::domain::statute::MAX_BUSINESS_TRIP_DAYS_PER_YEAR;
use crate::domain::ProblemCode;
use crate::domain::{RegionCode, Violation};
use chrono::{Datelike, NaiveDate};

/// Calendar days of `trip` that fall in `year`, both ends counted.
pub fn days_in_year(trip: &DateRange, year: i32) -> i64 {
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return 0;
    };
    let start = trip.start.max(first);
    let end = trip.end.min(last);
    if end < start {
        0
    } else {
        (end - start).num_days() + 1
    }
}

/// A trip asked for, and what it is judged against.
#[derive(Debug, Clone)]
pub struct TripRequest<'a> {
    /// The trip's days, both ends counted.
    pub days: DateRange,
    /// The region the worker goes to.
    pub host_region: &'a RegionCode,
    /// The regions named in the permit.
    pub permit_regions: &'a [RegionCode],
    /// The permit's validity.
    pub validity: DateRange,
    /// The worker's earlier trips (with this employer), any year.
    pub earlier: &'a [DateRange],
    /// Calendar days a year allowed by the rule set in force (Art. 33(3)); never more
    /// than the law's 90, whatever the rule set says.
    pub max_days_per_year: u32,
}

/// Art. 33(3): a business trip goes to an ATU **not** named in the permit (there the
/// permit itself is valid), lies within the permit's validity, and keeps the worker's trip
/// days in each calendar year it touches at or below the limit; a trip across New Year
/// counts in each year for its days there. The limit is the rule set's, capped by the
/// law's 90 days. Empty when the trip is allowed.
pub fn check_trip(t: &TripRequest<'_>) -> Vec<Violation> {
    let mut out = Vec::new();
    let max = t.max_days_per_year.min(MAX_BUSINESS_TRIP_DAYS_PER_YEAR);
    if t.permit_regions.contains(t.host_region) {
        out.push(
            Violation::new(ProblemCode::TripRegionInPermit, ART_33_3).text("region", t.host_region),
        );
    }
    if !t.validity.contains(t.days.start) || !t.validity.contains(t.days.end) {
        out.push(
            Violation::new(ProblemCode::TripOutsideValidity, ART_33_3)
                .text("from", t.days.start)
                .text("to", t.days.end)
                .text("start", t.validity.start)
                .text("end", t.validity.end),
        );
    }
    for year in t.days.start.year()..=t.days.end.year() {
        let wanted = days_in_year(&t.days, year);
        let used: i64 = t.earlier.iter().map(|e| days_in_year(e, year)).sum();
        if used + wanted > i64::from(max) {
            out.push(
                Violation::new(ProblemCode::TripDaysExceeded, ART_33_3)
                    .arg("year", year)
                    .arg("used", used)
                    .arg("wanted", wanted)
                    .arg("max", max)
                    .limit(Limit::new(max, LimitUnit::Days)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn range(a: &str, b: &str) -> DateRange {
        DateRange::new(d(a), d(b)).unwrap()
    }

    fn check(days: DateRange, earlier: &[DateRange], host: &str) -> Vec<String> {
        check_with_limit(days, earlier, host, 90)
    }

    fn check_with_limit(
        days: DateRange,
        earlier: &[DateRange],
        host: &str,
        max_days_per_year: u32,
    ) -> Vec<String> {
        let regions: Vec<RegionCode> = vec!["KZ-75".parse().unwrap(), "KZ-71".parse().unwrap()];
        let host: RegionCode = host.parse().unwrap();
        check_trip(&TripRequest {
            days,
            host_region: &host,
            permit_regions: &regions,
            validity: range("2026-01-15", "2027-12-31"),
            earlier,
            max_days_per_year,
        })
        .into_iter()
        .map(|v| v.code)
        .collect()
    }

    #[test]
    fn art_33_3_exactly_90_trip_days_in_a_year_are_allowed_and_91_are_not() {
        let earlier = [range("2026-02-01", "2026-03-02")]; // 30 days
        assert!(check(range("2026-04-01", "2026-05-30"), &earlier, "KZ-35").is_empty()); // 60
        assert_eq!(
            check(range("2026-04-01", "2026-05-31"), &earlier, "KZ-35"),
            ["trip-days-exceeded"]
        );
    }

    #[test]
    fn art_33_3_a_rule_set_limit_above_90_days_is_capped_by_the_law() {
        let earlier = [range("2026-02-01", "2026-03-02")]; // 30 days
        assert_eq!(
            check_with_limit(range("2026-04-01", "2026-05-31"), &earlier, "KZ-35", 365),
            ["trip-days-exceeded"]
        );
    }

    #[test]
    fn art_33_3_a_trip_across_new_year_counts_in_each_year() {
        let trip = range("2026-12-20", "2027-01-10");
        assert_eq!(days_in_year(&trip, 2026), 12);
        assert_eq!(days_in_year(&trip, 2027), 10);
        // 80 days used in 2026: 12 more is too many there, though 2027 is free.
        let earlier = [range("2026-02-01", "2026-04-21")];
        let v = check(trip, &earlier, "KZ-35");
        assert_eq!(v, ["trip-days-exceeded"]);
        let earlier = [range("2026-02-01", "2026-04-19")]; // 78 days: 78 + 12 = 90
        assert!(check(trip, &earlier, "KZ-35").is_empty());
    }

    #[test]
    fn art_33_3_a_trip_to_a_region_named_in_the_permit_or_outside_its_validity_is_refused() {
        assert_eq!(
            check(range("2026-03-01", "2026-03-05"), &[], "KZ-71"),
            ["trip-region-in-permit"]
        );
        assert_eq!(
            check(range("2026-01-10", "2026-01-20"), &[], "KZ-35"),
            ["trip-outside-validity"]
        );
    }
}

//! Figures the ministry supervises the akimats by (Art. 36): how long decisions take, and
//! the primary statistical data employers give the local bodies (Art. 37(2)).

use super::violation::Violation;
use crate::domain::article::*;
use crate::domain::ProblemCode;
use chrono::{Datelike, NaiveDate};

/// What one permit counter counts (`permit_stats.measure`, whose CHECK constraint allows
/// exactly these): the figures of the ministry's reports (Art. 36, 37(4)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Applications filed.
    Applied,
    /// Extensions applied for.
    ExtensionApplied,
    /// Permits issued (the fee paid to every region).
    Issued,
    /// Extensions issued.
    Extended,
    /// Applications refused (one row per refusing region).
    Refused,
    /// Refusals by ground (a refusal on two grounds counts under each).
    RefusedGround,
    /// Permits revoked, by ground.
    Revoked,
    /// Permits returned by the employer.
    Returned,
    /// Permits lapsed for an unpaid fee.
    Lapsed,
    /// Units of quota used by issued permits and extensions.
    QuotaUsed,
    /// Units given back by issued permits revoked or returned.
    QuotaReleased,
    /// Fees assessed on approval, in MRP (Art. 33(4)).
    FeeAssessed,
    /// Fees paid, in tiyn (Art. 33(4)).
    FeePaid,
    /// Decisions taken, by the calendar days from filing (Art. 36).
    Decided,
    /// Decisions taken after their deadline (Art. 36).
    DecidedLate,
}

impl Measure {
    pub const ALL: [Measure; 15] = [
        Measure::Applied,
        Measure::ExtensionApplied,
        Measure::Issued,
        Measure::Extended,
        Measure::Refused,
        Measure::RefusedGround,
        Measure::Revoked,
        Measure::Returned,
        Measure::Lapsed,
        Measure::QuotaUsed,
        Measure::QuotaReleased,
        Measure::FeeAssessed,
        Measure::FeePaid,
        Measure::Decided,
        Measure::DecidedLate,
    ];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Applied => "applied",
            Measure::ExtensionApplied => "extension_applied",
            Measure::Issued => "issued",
            Measure::Extended => "extended",
            Measure::Refused => "refused",
            Measure::RefusedGround => "refused_ground",
            Measure::Revoked => "revoked",
            Measure::Returned => "returned",
            Measure::Lapsed => "lapsed",
            Measure::QuotaUsed => "quota_used",
            Measure::QuotaReleased => "quota_released",
            Measure::FeeAssessed => "fee_assessed",
            Measure::FeePaid => "fee_paid",
            Measure::Decided => "decided",
            Measure::DecidedLate => "decided_late",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// Ordered as the stored form is, so that counter keys sort as the unique index does.
impl Ord for Measure {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Measure {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl TryFrom<String> for Measure {
    type Error = super::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Measure::parse(&s).ok_or(super::demand::UnknownState(s))
    }
}

/// Art. 37(2): the first and last day of a calendar quarter (1-4) of `year`.
pub fn quarter_bounds(year: i32, quarter: u32) -> Option<(NaiveDate, NaiveDate)> {
    if !(1..=4).contains(&quarter) {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1)?;
    let next = if quarter == 4 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, quarter * 3 + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

/// Art. 37(2): an employer reports the data of a period once the period is over: a
/// quarter whose last day is not yet past is refused with the day it can be reported.
pub fn check_report_period(year: i32, quarter: u32, today: NaiveDate) -> Option<Violation> {
    let (_, last) = quarter_bounds(year, quarter)?;
    (today <= last).then(|| {
        Violation::new(ProblemCode::StatisticalReportPeriodOpen, ART_37_2)
            .arg("year", i64::from(year))
            .arg("quarter", i64::from(quarter))
            .text("from", last.succ_opt().unwrap_or(last))
    })
}

/// The quarter (1-4) a date falls in.
pub fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// Art. 36: the `pct`-th percentile (1-100, nearest rank) of days taken, from a histogram of
/// (days, decisions) in any order: the smallest number of days within which at least
/// `pct` % of the decisions were taken. `None` without decisions.
pub fn percentile(histogram: &[(i64, i64)], pct: u32) -> Option<i64> {
    let mut h: Vec<(i64, i64)> = histogram.iter().copied().filter(|(_, n)| *n > 0).collect();
    h.sort_unstable();
    let total: i64 = h.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    // The rank ⌈pct × total / 100⌉, at least 1.
    let rank = ((i64::from(pct) * total + 99) / 100).max(1);
    let mut seen = 0;
    for (days, n) in h {
        seen += n;
        if seen >= rank {
            return Some(days);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_measure_reads_back_from_its_stored_form() {
        for m in super::Measure::ALL {
            assert_eq!(super::Measure::parse(m.as_str()), Some(m));
        }
        assert_eq!(super::Measure::parse("decided_days"), None);
    }

    use super::*;

    #[test]
    fn art_37_2_a_quarter_is_reported_only_once_it_is_over() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            quarter_bounds(2026, 1),
            Some((d("2026-01-01"), d("2026-03-31")))
        );
        assert_eq!(
            quarter_bounds(2026, 4),
            Some((d("2026-10-01"), d("2026-12-31")))
        );
        assert_eq!(quarter_bounds(2026, 5), None);
        assert!(check_report_period(2026, 1, d("2026-03-31")).is_some());
        assert!(check_report_period(2026, 1, d("2026-04-01")).is_none());
        assert_eq!(quarter_of(d("2026-07-15")), 3);
    }

    #[test]
    fn art_36_the_median_and_90th_percentile_are_nearest_ranks_of_the_histogram() {
        // 10 decisions: 1 day ×4, 3 days ×4, 9 days ×2.
        let h = [(3, 4), (1, 4), (9, 2)];
        assert_eq!(percentile(&h, 50), Some(3));
        assert_eq!(percentile(&h, 40), Some(1));
        assert_eq!(percentile(&h, 90), Some(9));
        assert_eq!(percentile(&h, 80), Some(3));
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[(5, 1)], 90), Some(5));
    }
}

//! Permit fees (Art. 33(4)): a multiple of the MRP in force on the payment date, per foreign
//! worker, by worker category, permit term and the employer's OKED sector group; seasonal
//! permits by duration. The rates are the rule set's data; these functions only apply them.
//! Every amount is what is paid to the budget of **one** ATU named in the permit: a permit
//! covering several ATUs pays it to each (Art. 33(4)).

use crate::domain::article::*;
use crate::domain::ruleset::{FeeRules, SectorFeeGroup, TermUnit};
use crate::domain::ProblemCode;
use crate::domain::{Category, Money, RegionCode, SectorCode, Violation};

impl FeeRules {
    /// Art. 33(4): the fee group an employer in OKED section `sector` pays by; `None` when
    /// the rule set puts the section in no group.
    pub fn group_of(&self, sector: &SectorCode) -> Option<&SectorFeeGroup> {
        self.sector_groups
            .iter()
            .find(|g| g.sectors.contains(sector))
    }
}

/// Art. 33(4): the fee rate, in MRP per foreign worker, for a permit of `category` (1-4)
/// and `term_months` months in fee group `group`: the rate for that term where the category
/// has one (category 1: 1, 2 or 3 years), otherwise the category's rate. `None` for
/// seasonal workers (see [`seasonal_rate_mrp`]) or a group or category the table lacks.
pub fn permit_rate_mrp(
    fees: &FeeRules,
    category: Category,
    term_months: u32,
    group: u32,
) -> Option<u32> {
    if category == Category::Seasonal {
        return None;
    }
    let fee = fees
        .sector_groups
        .iter()
        .find(|g| g.group == group)?
        .fees
        .iter()
        .find(|f| f.category == category)?;
    Some(
        fee.by_term
            .iter()
            .find(|t| t.term_months == term_months)
            .map_or(fee.mrp, |t| t.mrp),
    )
}

/// Art. 33(4): the seasonal fee rate, in MRP per worker, for a seasonal permit of `days`
/// days: the rate of the shortest duration tier that covers it (a 100-day permit pays the
/// "up to 180 days" rate). `None` for 0 days or beyond the longest tier.
pub fn seasonal_rate_mrp(fees: &FeeRules, days: u32) -> Option<u32> {
    if days == 0 {
        return None;
    }
    fees.seasonal
        .iter()
        .find(|s| s.max_days >= days)
        .map(|s| s.mrp)
}

/// Art. 33(4): the fee rate in MRP per worker for one region: seasonal permits by their
/// duration in days, others by category, term and the employer's sector group. A rule set
/// that cannot price the permit is the ministry's incomplete data, never a free permit:
/// `rule-set-incomplete` (a service rule), naming the section (`fees`), the category and
/// the sector.
pub fn fee_rate(
    fees_table: &FeeRules,
    category: Category,
    unit: TermUnit,
    length: u32,
    sector: &SectorCode,
    days: u32,
) -> Result<u32, Violation> {
    let rate = match category {
        Category::Seasonal => seasonal_rate_mrp(fees_table, days),
        c => {
            let months = match unit {
                TermUnit::Months => length,
                TermUnit::Days => 0,
            };
            fees_table
                .group_of(sector)
                .and_then(|g| permit_rate_mrp(fees_table, c, months, g.group))
        }
    };
    rate.ok_or_else(|| {
        Violation::service_rule(ProblemCode::RuleSetIncomplete)
            .text("section", "fees")
            .text("category", category)
            .text("sector", sector)
    })
}

/// Art. 33(4): the fee due to one region's budget: rate × the MRP in force on the payment
/// date × workers, in tenge.
pub fn fee_due(rate_mrp: u32, mrp: Money, workers: u32) -> Money {
    mrp.times(rate_mrp).times(workers)
}

/// Art. 33(4), 36: the fee assessed to one region, in MRP, as the statistics count it
/// before the MRP of the payment date is known: rate × workers.
pub fn fee_assessed_mrp(rate_mrp: i64, workers: i64) -> i64 {
    rate_mrp.saturating_mul(workers)
}

/// Art. 33(4): a payment below the fee due (at the MRP of its date) is refused, saying the
/// amount due.
pub fn check_payment(
    paid: Money,
    due: Money,
    mrp: Money,
    region: &RegionCode,
) -> Option<Violation> {
    (paid < due).then(|| {
        Violation::new(ProblemCode::FeeUnderpaid, ART_33_4)
            .text("region", region)
            .arg("paid", paid)
            .arg("due", due)
            .arg("mrp", mrp)
            .fee_due(due)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ruleset::tests::seeded;
    use crate::domain::ruleset::TermFee;
    use rust_decimal::Decimal;

    fn tenge(n: i64) -> Money {
        Money::from_tenge(Decimal::from(n)).unwrap()
    }

    fn sector(s: &str) -> SectorCode {
        s.parse().unwrap()
    }

    #[test]
    fn art_33_4_the_seeded_table_has_three_sector_groups_with_the_2017_rates() {
        let fees = seeded().fees;
        let rates = |g| {
            [
                Category::Heads,
                Category::DivisionHeads,
                Category::Specialists,
                Category::QualifiedWorkers,
            ]
            .map(|c| permit_rate_mrp(&fees, c, 12, g).unwrap())
        };
        assert_eq!(rates(1), [137, 158, 179, 200]);
        assert_eq!(rates(2), [154, 178, 202, 225]);
        assert_eq!(rates(3), [171, 198, 224, 250]);
    }

    #[test]
    fn art_33_4_an_employer_pays_by_the_group_of_its_sector() {
        let fees = seeded().fees;
        assert_eq!(fees.group_of(&sector("B")).map(|g| g.group), Some(2));
        assert_eq!(fees.group_of(&sector("A")).map(|g| g.group), Some(1));
    }

    #[test]
    fn art_33_4_the_fee_is_the_rate_times_the_mrp_times_the_workers() {
        let fees = seeded().fees;
        // Group 2, category 4: 225 MRP x 4,325 tenge x 3 workers.
        assert_eq!(
            permit_rate_mrp(&fees, Category::QualifiedWorkers, 12, 2).map(|rate| fee_due(
                rate,
                tenge(4325),
                3
            )),
            Some(tenge(2_919_375))
        );
        assert_eq!(permit_rate_mrp(&fees, Category::Heads, 12, 9), None);
        assert_eq!(permit_rate_mrp(&fees, Category::Seasonal, 3, 1), None);
    }

    #[test]
    fn art_33_4_a_category_1_rate_can_depend_on_the_permit_term() {
        let mut fees = seeded().fees;
        fees.sector_groups[0].fees[0].by_term = vec![
            TermFee {
                term_months: 12,
                mrp: 137,
            },
            TermFee {
                term_months: 24,
                mrp: 274,
            },
            TermFee {
                term_months: 36,
                mrp: 411,
            },
        ];
        assert_eq!(permit_rate_mrp(&fees, Category::Heads, 24, 1), Some(274));
        assert_eq!(
            permit_rate_mrp(&fees, Category::Heads, 36, 1).map(|rate| fee_due(
                rate,
                tenge(4325),
                1
            )),
            Some(tenge(1_777_575))
        );
        // A term without its own rate pays the category's rate.
        assert_eq!(permit_rate_mrp(&fees, Category::Heads, 6, 1), Some(137));
    }

    #[test]
    fn art_33_4_a_seasonal_permit_pays_the_rate_of_the_tier_its_duration_falls_in() {
        let fees = seeded().fees;
        assert_eq!(seasonal_rate_mrp(&fees, 1), Some(12));
        assert_eq!(seasonal_rate_mrp(&fees, 90), Some(12));
        assert_eq!(seasonal_rate_mrp(&fees, 91), Some(24));
        assert_eq!(seasonal_rate_mrp(&fees, 365), Some(48));
        assert_eq!(seasonal_rate_mrp(&fees, 366), None);
        assert_eq!(seasonal_rate_mrp(&fees, 0), None);
        // 100 days, 2 workers, MRP 4,325: 24 x 4,325 x 2.
        assert_eq!(
            seasonal_rate_mrp(&fees, 100).map(|rate| fee_due(rate, tenge(4325), 2)),
            Some(tenge(207_600))
        );
    }

    #[test]
    fn art_33_4_the_fee_is_rate_times_mrp_times_workers_and_an_underpayment_is_refused() {
        let rules = seeded();
        let j: SectorCode = "J".parse().unwrap();
        let rate = fee_rate(
            &rules.fees,
            Category::Specialists,
            TermUnit::Months,
            12,
            &j,
            365,
        );
        assert_eq!(rate, Ok(179));
        // 179 MRP × 4,325 tenge × 2 workers = 1,548,350 tenge.
        let due = fee_due(179, tenge(4325), 2);
        assert_eq!(due, tenge(1_548_350));
        let region: RegionCode = "KZ-75".parse().unwrap();
        let v = check_payment(tenge(1_407_656), due, tenge(4325), &region).unwrap();
        assert_eq!(
            (v.code.as_str(), v.article.as_deref()),
            ("fee-underpaid", Some("Art. 33(4)"))
        );
        assert_eq!(check_payment(due, due, tenge(4325), &region), None);
    }

    #[test]
    fn a_rule_set_without_the_rate_is_incomplete_data_not_a_free_permit() {
        let mut fees = seeded().fees;
        fees.sector_groups.clear();
        let b: SectorCode = "B".parse().unwrap();
        let v = fee_rate(&fees, Category::Specialists, TermUnit::Months, 12, &b, 365).unwrap_err();
        assert_eq!(
            (v.code.as_str(), v.article.as_deref()),
            ("rule-set-incomplete", None)
        );
    }
}

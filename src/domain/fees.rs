//! Permit fees (Art. 33(4)): a multiple of the MRP in force on the payment date, per foreign
//! worker, by worker category, permit term and the employer's OKED sector group; seasonal
//! permits by duration. The rates are the rule set's data; these functions only apply them.
//! Every amount is what is paid to the budget of **one** ATU named in the permit: a permit
//! covering several ATUs pays it to each (Art. 33(4)).

use crate::domain::ruleset::{FeeRules, SectorFeeGroup};
use crate::domain::{Category, Money, SectorCode};

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

/// Art. 33(4): the fee in tenge for `workers` foreign workers of `category` (1-4) on a
/// permit of `term_months` months, for an employer in fee group `group`, with one MRP worth
/// `mrp` tenge on the payment date: rate × MRP × workers, for one ATU named in the permit.
pub fn permit_fee(
    fees: &FeeRules,
    category: Category,
    term_months: u32,
    group: u32,
    mrp: Money,
    workers: u32,
) -> Option<Money> {
    permit_rate_mrp(fees, category, term_months, group).map(|rate| mrp.times(rate).times(workers))
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

/// Art. 33(4): the fee in tenge for `workers` seasonal workers on a permit of `days` days,
/// with one MRP worth `mrp` tenge on the payment date, for one ATU named in the permit.
pub fn seasonal_fee(fees: &FeeRules, days: u32, mrp: Money, workers: u32) -> Option<Money> {
    seasonal_rate_mrp(fees, days).map(|rate| mrp.times(rate).times(workers))
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
            permit_fee(&fees, Category::QualifiedWorkers, 12, 2, tenge(4325), 3),
            Some(tenge(2_919_375))
        );
        assert_eq!(
            permit_fee(&fees, Category::Heads, 12, 9, tenge(4325), 1),
            None
        );
        assert_eq!(
            permit_fee(&fees, Category::Seasonal, 3, 1, tenge(4325), 1),
            None
        );
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
            permit_fee(&fees, Category::Heads, 36, 1, tenge(4325), 1),
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
            seasonal_fee(&fees, 100, tenge(4325), 2),
            Some(tenge(207_600))
        );
    }
}

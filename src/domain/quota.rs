//! Quota arithmetic: the national quota as a share of the labour force, its split among
//! the regions, transfers between them, and the ledger of units held and used.
//! The database enforces the same invariants atomically; these functions decide and explain.

use crate::domain::article::*;
use crate::domain::ledger::DISTRIBUTION;
use crate::domain::ProblemCode;
use crate::domain::{Category, CountryCode, RegionCode, Violation};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The quota years the service accepts (its own rule, not the law's): a year far outside
/// them is a typo, and broke PostgreSQL's date range.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Art. 32(4): the quota is set as a percentage of the labour force; a component's number
/// is that percentage of the labour force, rounded down to whole workers.
pub fn share_of_labour_force(labour_force: i64, percent: Decimal) -> Option<i64> {
    (Decimal::from(labour_force) * percent / Decimal::ONE_HUNDRED)
        .floor()
        .to_i64()
}

/// One region's (or the nation's) figures for one category and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Allocation {
    pub allocated: i64,
    /// Held by decisions awaiting payment.
    pub held: i64,
    /// Used by issued permits.
    pub used: i64,
}

impl Allocation {
    /// What can still be held: allocated − held − used.
    pub fn available(&self) -> i64 {
        self.allocated - self.held - self.used
    }
}

/// The national figures a new quota version is checked against.
#[derive(Debug, Clone)]
pub struct NationalQuotaPlan {
    pub year: i32,
    pub permit_total: i64,
    /// (category, total for the category, already distributed to regions).
    pub categories: Vec<(Category, i64, i64)>,
    pub countries: Vec<CountryPlan>,
}

/// A country-of-origin quota in a new national version, with what the reference data and
/// the ledger say of it.
#[derive(Debug, Clone)]
pub struct CountryPlan {
    pub country: CountryCode,
    /// The number of workers the version sets.
    pub number: i64,
    /// Units already held or used under the country's quota.
    pub taken: i64,
    /// Whether Kazakhstan has a ratified labour-migration treaty with the country.
    pub treaty: bool,
    /// Whether the country is a member of the Eurasian Economic Union, whose citizens need
    /// no permit (Art. 2(3)).
    pub eaeu: bool,
}

/// Checks a national quota version (Art. 32(4), 7(23)):
/// - the categories' numbers add up to at most the permit quota (Art. 32(4)(1));
/// - no category falls below what is already distributed to the regions (Art. 7(23));
/// - a country-of-origin quota only for a treaty partner whose citizens need a permit
///   (Art. 32(4)(2)): never for a member of the EAEU, whose citizens work without one
///   (Art. 2(3)), and never below what is already held or used under it.
pub fn check_national_quota(plan: &NationalQuotaPlan) -> Vec<Violation> {
    let mut out = Vec::new();
    let sum: i64 = plan.categories.iter().map(|(_, total, _)| total).sum();
    if sum > plan.permit_total {
        out.push(
            Violation::new(ProblemCode::CategorySplitExceedsQuota, ART_32_4_1)
                .arg("sum", sum)
                .arg("total", plan.permit_total)
                .arg("year", plan.year),
        );
    }
    for (category, total, distributed) in &plan.categories {
        if total < distributed {
            out.push(below_distributed(*category, *total, *distributed));
        }
    }
    for c in &plan.countries {
        if c.eaeu {
            out.push(
                Violation::resting_on(
                    ProblemCode::CountryQuotaForEaeuMember,
                    &[ART_2_3, ART_32_4_2],
                )
                .text("country", &c.country),
            );
        } else if !c.treaty {
            out.push(
                Violation::new(ProblemCode::CountryNotTreatyPartner, ART_32_4_2)
                    .text("country", &c.country),
            );
        } else if c.number < c.taken {
            out.push(
                Violation::new(ProblemCode::QuotaBelowUsed, ART_32_4_2)
                    .text("country", &c.country)
                    .arg("number", c.number)
                    .arg("taken", c.taken),
            );
        }
    }
    out
}

/// Art. 7(23): the national figure of a category cannot go below what the ministry has
/// already distributed to the regions.
pub fn below_distributed(category: Category, total: i64, distributed: i64) -> Violation {
    Violation::new(ProblemCode::QuotaBelowDistributed, ART_7_23)
        .text("category", category)
        .arg("total", total)
        .arg("distributed", distributed)
}

/// Art. 7(23): regions get their allocations out of the year's national quota, so none
/// can be set for a category the year's quota does not have yet.
pub fn quota_not_set(year: i32, category: Category) -> Violation {
    Violation::new(ProblemCode::QuotaNotSet, ART_7_23)
        .arg("year", year)
        .text("category", category)
}

/// Art. 32(4): a component of the quota is a number of workers; a share of the labour
/// force too large to count is refused.
pub fn share_out_of_range(component: QuotaComponent) -> Violation {
    let (name, article) = match component {
        QuotaComponent::Permits => ("permits", ART_32_4_1),
        QuotaComponent::LabourImmigrants => ("labour-immigrants", ART_32_4_3),
    };
    Violation::new(ProblemCode::QuotaOutOfRange, article).text("component", name)
}

/// The components of the national quota that are shares of the labour force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuotaComponent {
    /// Art. 32(4)(1): foreign workers engaged by employers.
    Permits,
    /// Art. 32(4)(3): labour immigrants.
    LabourImmigrants,
}

/// Art. 7(23), 6(2): a region's allocation of a category may change only so that the
/// regions together stay within the national figure (`reserve` is what is not distributed)
/// and the region keeps at least what it has held and used.
pub fn check_regional_allocation(
    year: i32,
    region: &RegionCode,
    category: Category,
    current: Allocation,
    new_allocated: i64,
    reserve: i64,
) -> Vec<Violation> {
    let mut out = Vec::new();
    let taken = current.held + current.used;
    if new_allocated < taken {
        out.push(
            Violation::new(ProblemCode::AllocationBelowUsed, ART_7_23)
                .text("region", region)
                .arg("number", new_allocated)
                .text("category", category)
                .arg("year", year)
                .arg("taken", taken),
        );
    }
    let increase = new_allocated - current.allocated;
    if increase > reserve {
        out.push(
            Violation::resting_on(ProblemCode::NationalQuotaExceeded, &[ART_7_23, ART_32_4_1])
                .text("region", region)
                .arg("increase", increase)
                .text("category", category)
                .arg("year", year)
                .arg("reserve", reserve)
                .quota_left(reserve),
        );
    }
    out
}

/// Where units of a transfer come from or go to: a region, or the national reserve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pool {
    Region(RegionCode),
    Reserve,
}

impl std::fmt::Display for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Pool::Region(r) => write!(f, "{r}"),
            Pool::Reserve => f.write_str("the national reserve"),
        }
    }
}

/// Art. 7(23) with 6(2): the ministry redistributes unused quota during the year by the
/// Government's rules ([`DISTRIBUTION`]); a transfer moves units between two pools and can
/// take only units its source has neither held nor used.
pub fn check_transfer(
    year: i32,
    category: Category,
    from: &Pool,
    to: &Pool,
    units: i64,
    available_at_source: i64,
) -> Vec<Violation> {
    let mut out = Vec::new();
    if from == to {
        out.push(Violation::resting_on(
            ProblemCode::TransferToItself,
            DISTRIBUTION,
        ));
    }
    if units > available_at_source {
        out.push(transfer_exceeds_unused(
            year,
            category,
            from,
            units,
            available_at_source,
        ));
    }
    out
}

/// Art. 7(23) with 6(2) ([`DISTRIBUTION`]): the units a transfer takes must be unused at
/// its source.
pub fn transfer_exceeds_unused(
    year: i32,
    category: Category,
    from: &Pool,
    units: i64,
    available: i64,
) -> Violation {
    Violation::resting_on(ProblemCode::TransferExceedsUnused, DISTRIBUTION)
        .text("source", from)
        .arg("available", available)
        .quota_left(available)
        .text("category", category)
        .arg("year", year)
        .arg("units", units)
}

/// Art. 33(2): permits are issued within the quota allocated to the region; a hold that
/// finds too few units is refused, saying what is left.
pub fn quota_exhausted(
    year: i32,
    region: &RegionCode,
    category: Category,
    left: Allocation,
    wanted: i64,
) -> Violation {
    Violation::new(ProblemCode::QuotaExhausted, ART_33_2)
        .text("region", region)
        .arg("left", left.available().max(0))
        .arg("allocated", left.allocated)
        .quota_left(left.available())
        .text("category", category)
        .arg("year", year)
        .arg("wanted", wanted)
}

/// Art. 32(4)(2): a worker of a country with a country-of-origin quota is counted
/// against it as well.
pub fn country_quota_exhausted(
    year: i32,
    country: &CountryCode,
    left: i64,
    wanted: i64,
) -> Violation {
    Violation::new(ProblemCode::CountryQuotaExhausted, ART_32_4_2)
        .arg("year", year)
        .text("country", country)
        .arg("left", left)
        .quota_left(left)
        .arg("wanted", wanted)
}

/// Art. 7(21-1): seasonal foreign workers only in professions on the ministry's seasonal
/// list, so demand for seasonal quota names one of them.
pub fn check_seasonal_profession(
    category: Category,
    profession: &str,
    seasonal_list: &[String],
) -> Option<Violation> {
    let listed = seasonal_list
        .iter()
        .any(|p| p.trim().eq_ignore_ascii_case(profession.trim()));
    (category == Category::Seasonal && !listed).then(|| {
        Violation::new(ProblemCode::ProfessionNotSeasonal, ART_7_21_1)
            .text("profession", profession)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::violation::Arg;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn kz(code: &str) -> RegionCode {
        code.parse().unwrap()
    }

    #[test]
    fn art_32_4_the_permit_quota_is_a_share_of_the_labour_force_rounded_down() {
        let pct = Decimal::from_str("0.25").unwrap();
        assert_eq!(share_of_labour_force(9_800_001, pct), Some(24_500));
        assert_eq!(share_of_labour_force(399, pct), Some(0));
    }

    #[test]
    fn art_32_4_1_categories_may_not_add_up_to_more_than_the_permit_quota() {
        let plan = NationalQuotaPlan {
            year: 2026,
            permit_total: 100,
            categories: vec![(Category::Heads, 60, 0), (Category::Specialists, 41, 0)],
            countries: vec![],
        };
        assert_eq!(
            check_national_quota(&plan)[0].code,
            "category-split-exceeds-quota"
        );
    }

    #[test]
    fn art_7_23_a_category_cannot_fall_below_what_regions_already_hold() {
        let plan = NationalQuotaPlan {
            year: 2026,
            permit_total: 100,
            categories: vec![(Category::Specialists, 30, 40)],
            countries: vec![],
        };
        let v = check_national_quota(&plan);
        assert_eq!(v[0].code, "quota-below-distributed");
        assert_eq!(v[0].article.as_deref(), Some("Art. 7(23)"));
    }

    #[test]
    fn art_32_4_2_country_quotas_only_for_treaty_partners() {
        let plan = NationalQuotaPlan {
            year: 2026,
            permit_total: 100,
            categories: vec![],
            countries: vec![country("USA", false, false), country("UZB", true, false)],
        };
        let v = check_national_quota(&plan);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].code, "country-not-treaty-partner");
    }

    fn country(code: &str, treaty: bool, eaeu: bool) -> CountryPlan {
        CountryPlan {
            country: code.parse().unwrap(),
            number: 5,
            taken: 0,
            treaty,
            eaeu,
        }
    }

    #[test]
    fn art_2_3_an_eaeu_member_never_draws_a_country_quota_even_with_a_treaty() {
        let plan = NationalQuotaPlan {
            year: 2026,
            permit_total: 100,
            categories: vec![],
            countries: vec![country("KGZ", true, true)],
        };
        let v = check_national_quota(&plan);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].code, "country-quota-for-eaeu-member");
        assert_eq!(v[0].article.as_deref(), Some("Art. 2(3), 32(4)(2)"));
    }

    #[test]
    fn art_7_23_a_region_keeps_at_least_what_it_has_held_and_used() {
        let cur = Allocation {
            allocated: 10,
            held: 3,
            used: 4,
        };
        let v = check_regional_allocation(2026, &kz("KZ-75"), Category::Specialists, cur, 6, 100);
        assert_eq!(v[0].code, "allocation-below-used");
        assert!(
            check_regional_allocation(2026, &kz("KZ-75"), Category::Specialists, cur, 7, 100)
                .is_empty()
        );
    }

    #[test]
    fn art_7_23_regions_together_stay_within_the_national_figure() {
        let cur = Allocation {
            allocated: 10,
            held: 0,
            used: 0,
        };
        let v = check_regional_allocation(2026, &kz("KZ-75"), Category::Specialists, cur, 16, 5);
        assert_eq!(v[0].code, "national-quota-exceeded");
        assert!(
            check_regional_allocation(2026, &kz("KZ-75"), Category::Specialists, cur, 15, 5)
                .is_empty()
        );
    }

    #[test]
    fn art_7_23_a_transfer_takes_only_unused_units() {
        let v = check_transfer(
            2026,
            Category::Heads,
            &Pool::Region(kz("KZ-75")),
            &Pool::Reserve,
            5,
            4,
        );
        assert_eq!(v[0].code, "transfer-exceeds-unused");
        let v = check_transfer(2026, Category::Heads, &Pool::Reserve, &Pool::Reserve, 1, 4);
        assert_eq!(v[0].code, "transfer-to-itself");
    }

    #[test]
    fn art_33_2_an_exhausted_quota_says_what_is_left() {
        let left = Allocation {
            allocated: 50,
            held: 20,
            used: 30,
        };
        let v = quota_exhausted(2026, &kz("KZ-75"), Category::Specialists, left, 1);
        assert_eq!(v.code, "quota-exhausted");
        assert_eq!(v.article.as_deref(), Some("Art. 33(2)"));
        assert_eq!(v.get("left"), Some(&Arg::Number(0)));
        assert_eq!(v.get("allocated"), Some(&Arg::Number(50)));
    }

    #[test]
    fn art_7_21_1_seasonal_demand_names_a_listed_profession() {
        let list = vec!["Fruit and vegetable picker".to_owned()];
        assert!(
            check_seasonal_profession(Category::Seasonal, "fruit and vegetable picker", &list)
                .is_none()
        );
        assert_eq!(
            check_seasonal_profession(Category::Seasonal, "Welder", &list)
                .unwrap()
                .code,
            "profession-not-seasonal"
        );
        assert!(check_seasonal_profession(Category::Specialists, "Welder", &list).is_none());
    }

    /// A model of one category's national figure and three regions, driven by the checks
    /// above exactly as the service drives the database.
    #[derive(Debug, Clone)]
    enum Op {
        Allocate(usize, i64),
        Transfer(Option<usize>, Option<usize>, i64),
        Hold(usize, i64),
        Confirm(usize),
        Release(usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0..3usize, 0..60i64).prop_map(|(r, n)| Op::Allocate(r, n)),
            (
                proptest::option::of(0..3usize),
                proptest::option::of(0..3usize),
                1..20i64
            )
                .prop_map(|(a, b, n)| Op::Transfer(a, b, n)),
            (0..3usize, 1..5i64).prop_map(|(r, n)| Op::Hold(r, n)),
            (0..3usize).prop_map(Op::Confirm),
            (0..3usize).prop_map(Op::Release),
        ]
    }

    proptest! {
        #[test]
        fn quota_invariants_hold_under_any_sequence_of_operations(
            national in 0..150i64,
            ops in proptest::collection::vec(op(), 0..80),
        ) {
            let regions = [kz("KZ-10"), kz("KZ-11"), kz("KZ-15")];
            let mut alloc = [Allocation::default(); 3];
            let mut holds: Vec<(usize, i64)> = Vec::new();
            let c = Category::Specialists;
            let distributed = |a: &[Allocation; 3]| a.iter().map(|x| x.allocated).sum::<i64>();
            // The reserve is kept as its own counter, moved only by allocations and transfers.
            let mut reserve = national;
            for op in ops {
                match op {
                    Op::Allocate(r, n) => {
                        if check_regional_allocation(2026, &regions[r], c, alloc[r], n, reserve).is_empty() {
                            reserve -= n - alloc[r].allocated;
                            alloc[r].allocated = n;
                        }
                    }
                    Op::Transfer(from, to, n) => {
                        let pool = |i: Option<usize>| i.map_or(Pool::Reserve, |i| Pool::Region(regions[i].clone()));
                        let available = from.map_or(reserve, |i| alloc[i].available());
                        if check_transfer(2026, c, &pool(from), &pool(to), n, available).is_empty() {
                            match from { Some(i) => alloc[i].allocated -= n, None => reserve -= n }
                            match to { Some(i) => alloc[i].allocated += n, None => reserve += n }
                        }
                    }
                    Op::Hold(r, n) => {
                        if alloc[r].available() >= n {
                            alloc[r].held += n;
                            holds.push((r, n));
                        } else {
                            prop_assert_eq!(quota_exhausted(2026, &regions[r], c, alloc[r], n).code, "quota-exhausted");
                        }
                    }
                    Op::Confirm(i) => {
                        if let Some(&(r, n)) = holds.get(i) {
                            alloc[r].held -= n;
                            alloc[r].used += n;
                            holds.remove(i);
                        }
                    }
                    Op::Release(i) => {
                        if let Some(&(r, n)) = holds.get(i) {
                            alloc[r].held -= n;
                            holds.remove(i);
                        }
                    }
                }
                // Regions never exceed the national figure; held + used + available = allocated.
                prop_assert!(distributed(&alloc) <= national && reserve >= 0);
                for a in &alloc {
                    prop_assert!(a.held >= 0 && a.used >= 0 && a.available() >= 0);
                    prop_assert_eq!(a.held + a.used + a.available(), a.allocated);
                }
                // Transfers conserve the total: regions plus reserve is the national figure.
                prop_assert_eq!(distributed(&alloc) + reserve, national);
            }
        }
    }
}

//! The quota calculator (Art. 32(4)–(5)): proposes a year's national quota and its split
//! among categories and regions from the figures the ministry supplies, showing every
//! step. It changes nothing: the ministry applies a proposal through the quota endpoints.
//!
//! Art. 32(4): the quota is a percentage of the labour force; the permit quota is that
//! share rounded down to whole workers ([`super::quota::share_of_labour_force`]).
//! Art. 32(5): the ministry forms it from the forecast of labour demand and the proposals
//! of local bodies and employers — here, last year's use and this year's accepted demand
//! per region and category, or the regions' labour force where no such figures exist.
//! Every split is by the largest remainder, so the parts add up to the whole exactly.

use super::quota::share_of_labour_force;
use super::Category;
use rust_decimal::Decimal;

/// One part of a split by the largest remainder: `whole × weight / total weight`, its
/// whole part, and whether it got one of the units left over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// What the part is weighted by.
    pub weight: i64,
    /// `whole × weight`, divided by the total weight, rounded down.
    pub floor: i64,
    /// The remainder of that division (ranks the parts for the units left over).
    pub remainder: i64,
    /// 1 when one of the units left over went to this part, else 0.
    pub extra: i64,
    /// floor + extra.
    pub number: i64,
}

/// Art. 32(4)–(5): splits `whole` in proportion to `weights` by the largest remainder
/// (Hamilton): each part gets `⌊whole × w / W⌋`, and the units left over go one each to
/// the parts with the largest remainders, ties to the earlier part. The parts add up to
/// `whole` exactly. With no weight at all (W = 0) every part weighs the same.
pub fn largest_remainder(whole: i64, weights: &[i64]) -> Vec<Share> {
    let equal = weights.iter().all(|w| *w <= 0);
    let w: Vec<i64> = weights
        .iter()
        .map(|x| if equal { 1 } else { (*x).max(0) })
        .collect();
    let total: i128 = w.iter().map(|x| i128::from(*x)).sum();
    if total == 0 {
        return Vec::new();
    }
    let mut shares: Vec<Share> = w
        .iter()
        .map(|x| {
            let num = i128::from(whole) * i128::from(*x);
            Share {
                weight: *x,
                floor: i64::try_from(num / total).unwrap_or(i64::MAX),
                remainder: i64::try_from(num % total).unwrap_or(i64::MAX),
                extra: 0,
                number: 0,
            }
        })
        .collect();
    let given: i64 = shares.iter().map(|s| s.floor).sum();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|a, b| {
        shares[*b]
            .remainder
            .cmp(&shares[*a].remainder)
            .then(a.cmp(b))
    });
    let left = usize::try_from(whole - given).unwrap_or(0);
    for i in order.into_iter().take(left) {
        shares[i].extra = 1;
    }
    for s in &mut shares {
        s.number = s.floor + s.extra;
    }
    shares
}

/// What a region brings to the calculation (figures the caller supplies; none invented).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionInput {
    pub region: String,
    /// The region's labour force, where known.
    pub labour_force: Option<i64>,
    /// Last year's use per category (permits' workers).
    pub last_year_used: Vec<(Category, i64)>,
    /// This year's accepted demand per category (Art. 32(5)).
    pub accepted_demand: Vec<(Category, i64)>,
}

/// The figures of a calculation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalculationInput {
    pub labour_force: i64,
    /// The permit quota's percentage of the labour force (Art. 32(4)(1)).
    pub permit_percent: Decimal,
    /// The labour immigrants' percentage (Art. 32(4)(3)), if set.
    pub immigrant_percent: Option<Decimal>,
    /// Weights of the categories in the permit quota (e.g. the published split, or last
    /// year's use); when none, the categories weigh the regions' use and demand.
    pub category_weights: Vec<(Category, i64)>,
    pub regions: Vec<RegionInput>,
}

/// How a category's number was split among the regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// By last year's use plus this year's accepted demand (Art. 32(5)).
    UseAndDemand,
    /// No region used or asked for the category: by the regions' labour force.
    LabourForce,
    /// Neither use, demand nor labour force: equally.
    Equal,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::UseAndDemand => "use_and_demand",
            Basis::LabourForce => "labour_force",
            Basis::Equal => "equal",
        }
    }
}

/// A category's number and its split among the regions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategorySplit {
    pub category: Category,
    /// The category's part of the national permit quota.
    pub share: Share,
    pub basis: Basis,
    /// Per region, in the order of the input.
    pub regions: Vec<(String, Share)>,
}

/// A proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// labour force × percent / 100, exactly.
    pub permit_exact: Decimal,
    /// Rounded down to whole workers (Art. 32(4)).
    pub permit_total: i64,
    pub immigrant_exact: Option<Decimal>,
    pub immigrant_total: Option<i64>,
    pub categories: Vec<CategorySplit>,
}

fn of(list: &[(Category, i64)], c: Category) -> i64 {
    list.iter().filter(|(x, _)| *x == c).map(|(_, n)| *n).sum()
}

/// Art. 32(4)–(5): the national permit quota is `percent` of the labour force rounded down;
/// it is split among the categories by `category_weights` (or, without them, by the
/// regions' use and demand of each), and each category among the regions by their last
/// year's use plus accepted demand — by labour force for a category nobody used or asked
/// for, equally when that is unknown too. Every split adds up exactly.
pub fn propose(input: &CalculationInput) -> Option<Proposal> {
    let permit_exact =
        Decimal::from(input.labour_force) * input.permit_percent / Decimal::ONE_HUNDRED;
    let permit_total = share_of_labour_force(input.labour_force, input.permit_percent)?;
    let immigrant_exact = input
        .immigrant_percent
        .map(|p| Decimal::from(input.labour_force) * p / Decimal::ONE_HUNDRED);
    let immigrant_total = match input.immigrant_percent {
        Some(p) => Some(share_of_labour_force(input.labour_force, p)?),
        None => None,
    };
    let need = |r: &RegionInput, c: Category| of(&r.last_year_used, c) + of(&r.accepted_demand, c);
    let weights: Vec<i64> = Category::ALL
        .into_iter()
        .map(|c| {
            if input.category_weights.is_empty() {
                input.regions.iter().map(|r| need(r, c)).sum()
            } else {
                of(&input.category_weights, c)
            }
        })
        .collect();
    let shares = largest_remainder(permit_total, &weights);
    let mut categories = Vec::new();
    for (c, share) in Category::ALL.into_iter().zip(shares) {
        let needs: Vec<i64> = input.regions.iter().map(|r| need(r, c)).collect();
        let forces: Vec<i64> = input
            .regions
            .iter()
            .map(|r| r.labour_force.unwrap_or(0))
            .collect();
        let (basis, w) = if needs.iter().any(|n| *n > 0) {
            (Basis::UseAndDemand, needs)
        } else if forces.iter().any(|n| *n > 0) {
            (Basis::LabourForce, forces)
        } else {
            (Basis::Equal, vec![1; input.regions.len()])
        };
        let split = largest_remainder(share.number, &w);
        categories.push(CategorySplit {
            category: c,
            share,
            basis,
            regions: input
                .regions
                .iter()
                .map(|r| r.region.clone())
                .zip(split)
                .collect(),
        });
    }
    Some(Proposal {
        permit_exact,
        permit_total,
        immigrant_exact,
        immigrant_total,
        categories,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published_2026() -> Vec<(Category, i64)> {
        vec![
            (Category::Heads, 726),
            (Category::DivisionHeads, 3_402),
            (Category::Specialists, 5_893),
            (Category::QualifiedWorkers, 3_131),
            (Category::Seasonal, 4_994),
        ]
    }

    #[test]
    fn the_largest_remainder_split_adds_up_to_the_whole_exactly() {
        let s = largest_remainder(10, &[1, 1, 1]);
        assert_eq!(
            s.iter().map(|x| x.number).collect::<Vec<_>>(),
            vec![4, 3, 3]
        );
        let s = largest_remainder(7, &[5, 3, 2]);
        assert_eq!(s.iter().map(|x| x.number).sum::<i64>(), 7);
        assert_eq!(
            s.iter().map(|x| x.number).collect::<Vec<_>>(),
            vec![4, 2, 1]
        );
        for whole in [0, 1, 17, 18_146] {
            for w in [vec![3, 0, 9, 1], vec![0, 0], vec![1_000_000, 1, 1]] {
                let total: i64 = largest_remainder(whole, &w).iter().map(|x| x.number).sum();
                assert_eq!(total, whole, "{whole} by {w:?}");
            }
        }
    }

    #[test]
    fn art_32_4_the_2026_percentage_of_the_labour_force_reproduces_the_published_total() {
        let input = CalculationInput {
            labour_force: 7_258_400,
            permit_percent: Decimal::new(25, 2),
            immigrant_percent: None,
            category_weights: published_2026(),
            regions: vec![
                RegionInput {
                    region: "KZ-75".into(),
                    labour_force: Some(1_200_000),
                    last_year_used: vec![(Category::Specialists, 900)],
                    accepted_demand: vec![(Category::Specialists, 300)],
                },
                RegionInput {
                    region: "KZ-71".into(),
                    labour_force: Some(700_000),
                    last_year_used: vec![(Category::Specialists, 400)],
                    accepted_demand: vec![],
                },
                RegionInput {
                    region: "KZ-23".into(),
                    labour_force: None,
                    last_year_used: vec![],
                    accepted_demand: vec![(Category::Specialists, 100)],
                },
            ],
        };
        let p = propose(&input).unwrap();
        assert_eq!(p.permit_total, 18_146);
        let by_cat: Vec<i64> = p.categories.iter().map(|c| c.share.number).collect();
        assert_eq!(by_cat, vec![726, 3_402, 5_893, 3_131, 4_994]);
        for c in &p.categories {
            let sum: i64 = c.regions.iter().map(|(_, s)| s.number).sum();
            assert_eq!(sum, c.share.number, "{:?}", c.category);
        }
        let q = &p.categories[2];
        assert_eq!(q.basis, Basis::UseAndDemand);
        // 5,893 by 1,200 : 400 : 100 = 4,159.76 / 1,386.59 / 346.65: floors 4,159 + 1,386
        // + 346 = 5,891; the 2 left go to the largest remainders (.76, .65).
        let n: Vec<i64> = q.regions.iter().map(|(_, s)| s.number).collect();
        assert_eq!(n, vec![4_160, 1_386, 347]);
        assert_eq!(p.categories[0].basis, Basis::LabourForce);
    }

    #[test]
    fn without_category_weights_the_categories_weigh_the_regions_use_and_demand() {
        let input = CalculationInput {
            labour_force: 1_000_000,
            permit_percent: Decimal::new(1, 1),
            immigrant_percent: Some(Decimal::new(29, 1)),
            category_weights: vec![],
            regions: vec![RegionInput {
                region: "KZ-75".into(),
                labour_force: None,
                last_year_used: vec![(Category::Heads, 1)],
                accepted_demand: vec![(Category::QualifiedWorkers, 3)],
            }],
        };
        let p = propose(&input).unwrap();
        assert_eq!(p.permit_total, 1_000);
        assert_eq!(p.immigrant_total, Some(29_000));
        let by_cat: Vec<i64> = p.categories.iter().map(|c| c.share.number).collect();
        assert_eq!(by_cat, vec![250, 0, 0, 750, 0]);
        assert_eq!(p.categories[1].basis, Basis::Equal);
    }
}

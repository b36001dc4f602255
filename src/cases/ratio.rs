//! The ratios of foreign to Kazakh staff judged on the employer's whole situation
//! (Art. 33(6), 35(4)): the staff its profile declares — whose foreign workers are those on
//! no permit of this service — and the foreigners on its own live permits and ICT permits,
//! which the service knows and counts itself. A permit application, an extension and an ICT
//! application run these at filing and again at decision, so two applications filed side by
//! side cannot each keep a ratio that together they break: the later decision counts the
//! earlier one's workers.

use super::CaseError;
use crate::db::permits as db;
use crate::db::workforce::{self, EmployerFacts};
use crate::db::Conn;
use crate::domain::ict::IctPosition;
use crate::domain::permit::checks::{self, Check, Workforce};
use crate::domain::ruleset::RuleSet;
use crate::domain::{Category, EmployerId};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// The permit (or extension) the Kazakh share is judged for; the foreigners already
/// engaged are those [`workforce::employer_facts`] read for its term, leaving out the
/// permits whose workers are its own (itself, the permits it extends).
#[derive(Debug, Clone, Copy)]
pub struct ShareCase {
    pub category: Category,
    /// The foreign workers this case adds.
    pub adding: u32,
}

/// The category an ICT position is counted in for the Kazakh share (Art. 33(6)): heads in
/// category 1, managers (heads of structural divisions) in 2, specialists in 3.
fn ict_category(position: &str) -> Option<Category> {
    match IctPosition::parse(position)? {
        IctPosition::Head => Some(Category::Heads),
        IctPosition::Manager => Some(Category::DivisionHeads),
        IctPosition::Specialist => Some(Category::Specialists),
    }
}

/// Art. 33(6), 35: the foreigners on the employer's other live permits and ICT permits
/// whose term shares a day with the case's ([`workforce::employer_facts`] read them), by
/// category; a worker on two of them (a permit and its pending extension) counts once.
pub fn permitted(facts: &EmployerFacts) -> Vec<(Category, u32)> {
    let mut seen = BTreeSet::new();
    let mut by_category: BTreeMap<Category, u32> = BTreeMap::new();
    let permits = facts
        .on_permits
        .iter()
        .map(|(c, passport)| (Category::from_code(c), passport));
    let ict = facts
        .on_ict_permits
        .iter()
        .map(|(p, passport)| (ict_category(p), passport));
    for (category, passport) in permits.chain(ict) {
        if let Some(c) = category.filter(|_| seen.insert(passport)) {
            *by_category.entry(c).or_default() += 1;
        }
    }
    by_category.into_iter().collect()
}

/// Art. 33(6): the Kazakh share of the employer after `case` adds its workers, on the
/// profile in force `today` and the foreigners on its other live permits and ICT permits;
/// without a profile the share cannot be judged and the check fails.
pub fn kazakh_share(
    profile: Option<&db::ProfileRow>,
    case: &ShareCase,
    facts: &EmployerFacts,
    rules: &RuleSet,
    today: NaiveDate,
) -> Result<Check, CaseError> {
    let Some(profile) = profile else {
        return Ok(checks::profile_missing(today));
    };
    let declared = super::employers::workforce(profile)?;
    let permitted = permitted(facts);
    Ok(checks::kazakh_share(
        &rules.kazakh_share,
        case.category,
        &Workforce {
            declared: &declared,
            permitted: &permitted,
            foreign_division: profile.foreign_division,
            small_business: profile.small_business,
        },
        case.adding,
        today,
    ))
}

/// Art. 35(4): the transferred managers and specialists on `bin`'s other live ICT permits
/// valid on a day of `from..=to` (not permit `except`), each worker once.
pub fn ict_transferred(
    conn: &mut Conn,
    bin: &EmployerId,
    from: NaiveDate,
    to: NaiveDate,
    except: Option<i64>,
    today: NaiveDate,
) -> Result<BTreeMap<IctPosition, u32>, CaseError> {
    let mut seen = BTreeSet::new();
    let mut out = BTreeMap::new();
    for (position, passport) in
        workforce::on_live_ict_permits(conn, bin.as_str(), from, to, except, today)?
    {
        if let Some(p) = IctPosition::parse(&position).filter(|_| seen.insert(passport)) {
            *out.entry(p).or_default() += 1;
        }
    }
    Ok(out)
}

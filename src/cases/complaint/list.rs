//! Complaint listings: the employer's own, the officials' queue by deadline, and the
//! statistics by region and kind of act.

use super::super::CaseError;
use crate::db::complaints::{self as db, CaseLink, ComplaintRow, Filter};
use crate::db::Conn;
use crate::domain::complaint::{median_days, ActKind, ComplaintState};
use crate::domain::RegionCode;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// The complaints `filter` selects (narrowed by the edge to what the caller may see).
pub fn queue(conn: &mut Conn, filter: &Filter) -> Result<Vec<ComplaintRow>, CaseError> {
    Ok(db::list(conn, filter)?)
}

/// The officials' queue: first the complaints whose annulled revocation waits for quota
/// (whatever their state; the akimat reinstates the permit once there is room, APPK Art.
/// 91(3), Art. 33(2)), then those `filter` selects; at most its `limit` in all. Each with
/// whether it waits.
pub fn officials_queue(
    conn: &mut Conn,
    filter: &Filter,
) -> Result<Vec<(ComplaintRow, bool)>, CaseError> {
    let waiting = Filter {
        waiting: Some(true),
        states: None,
        due_before: None,
        ..filter.clone()
    };
    let mut rows: Vec<(ComplaintRow, bool)> = db::list(conn, &waiting)?
        .into_iter()
        .map(|r| (r, true))
        .collect();
    let rest = Filter {
        waiting: Some(false),
        limit: filter
            .limit
            .saturating_sub(i64::try_from(rows.len()).unwrap_or(i64::MAX)),
        ..filter.clone()
    };
    if rest.limit > 0 {
        rows.extend(db::list(conn, &rest)?.into_iter().map(|r| (r, false)));
    }
    Ok(rows)
}

/// The counts of one region and kind of act.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Filed in the period.
    pub filed: u32,
    /// Of those, filed late (APPK Art. 92(1)).
    pub late: u32,
    /// Satisfied by the akimat itself (APPK Art. 91(4)).
    pub reconsidered: u32,
    /// Satisfied by the body considering complaints.
    pub satisfied: u32,
    /// Satisfied in part.
    pub partly_satisfied: u32,
    /// Refused.
    pub refused: u32,
    /// Not yet decided.
    pub open: u32,
    /// The median of calendar days from filing to decision of those decided.
    pub median_days_to_decide: Option<i64>,
}

/// One row of the statistics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatisticsRow {
    pub region: RegionCode,
    pub act: ActKind,
    pub counts: Counts,
}

/// Counts of complaints filed from `from` to `to` by region of the act and kind of act,
/// with the median time to decide; one region's alone when `region` is given.
pub fn statistics(
    conn: &mut Conn,
    from: NaiveDate,
    to: NaiveDate,
    region: Option<&RegionCode>,
) -> Result<Vec<StatisticsRow>, CaseError> {
    let rows = db::filed_between(conn, from, to, region.map(RegionCode::as_str))?;
    let mut groups: BTreeMap<(String, ActKind), (RegionCode, Counts, Vec<i64>)> = BTreeMap::new();
    for r in rows {
        let key = (r.region.as_str().to_owned(), r.act_kind);
        let (_, c, days) = groups
            .entry(key)
            .or_insert_with(|| (r.region.clone(), Counts::default(), Vec::new()));
        c.filed += 1;
        c.late += u32::from(r.late);
        match r.state {
            ComplaintState::Filed | ComplaintState::Forwarded => c.open += 1,
            ComplaintState::Reconsidered => c.reconsidered += 1,
            ComplaintState::Satisfied => c.satisfied += 1,
            ComplaintState::PartlySatisfied => c.partly_satisfied += 1,
            ComplaintState::Refused => c.refused += 1,
        }
        if let Some(d) = r.decided_on {
            days.push((d - r.filed_on).num_days());
        }
    }
    Ok(groups
        .into_iter()
        .map(|((_, act), (region, mut counts, days))| {
            counts.median_days_to_decide = median_days(days);
            StatisticsRow {
                region,
                act,
                counts,
            }
        })
        .collect())
}

/// The certificate or ICT permit each of `rows` concerns, by complaint id (a permit's
/// complaint names its permit in its own row).
pub fn cases_of(
    conn: &mut Conn,
    rows: &[ComplaintRow],
) -> Result<HashMap<i64, CaseLink>, CaseError> {
    let ids: Vec<i64> = rows
        .iter()
        .filter(|r| r.permit_id.is_none())
        .map(|r| r.id)
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(db::cases_of(conn, &ids)?)
}

//! The permit counters behind the ministry's statistics (Art. 36, 37(4)).
//!
//! What a permit adds to the counters is a function of its stored state alone
//! ([`contribution`]): the regions it names, its workers by citizenship, its decisions,
//! payments and end. Every move of a permit adds `contribution(after) −
//! contribution(before)` in the move's own transaction ([`track`], called from the one
//! place every permit command records its move), so the counters always equal the sum
//! over all permits — which `db::statistics::recount` recomputes with one GROUP BY.

use super::permit::record::Loaded;
use super::CaseError;
use crate::db::audit::{self, Actor};
use crate::db::permits as permits_db;
use crate::db::statistics::{self as db, Figures, Key};
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::permit::checks;
use crate::domain::permit::decision::decided_late;
use crate::domain::permit::{PermitKind, PermitState, RegionDecision};
use crate::domain::statistics::Measure;
use crate::domain::ProblemCode;
use crate::domain::{fees, statistics, Category, EmployerId, Message, Violation};
use chrono::NaiveDate;
use std::collections::BTreeMap;

fn month(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

/// What `l`, as stored, contributes to the counters, by key.
pub fn contribution(l: &Loaded) -> Result<BTreeMap<Key, Figures>, CaseError> {
    let p = &l.permit;
    let mut countries: BTreeMap<&str, i64> = BTreeMap::new();
    // The workers who hold the permit's units: a re-issue moves a unit, it adds none.
    for w in l.holding_workers() {
        *countries.entry(w.citizenship.as_str()).or_default() += 1;
    }
    let units: i64 = countries.values().sum();
    let extension = p.kind == PermitKind::Extension;
    let mut out: BTreeMap<Key, Figures> = BTreeMap::new();
    // Keys by country carry the sector; the coarse ones (quota use, fees, decisions) have
    // neither, so that their reports read few rows.
    let mut put = |measure: Measure,
                   region: &str,
                   m: String,
                   country: &str,
                   ground: &str,
                   days: Option<i64>,
                   f| {
        let key = Key {
            year: p.quota_year,
            measure,
            region: region.to_owned(),
            category: p.category.code().to_owned(),
            month: m,
            sector: if country.is_empty() {
                String::new()
            } else {
                l.detail.sector.clone()
            },
            country: country.to_owned(),
            ground: ground.to_owned(),
            days,
        };
        let e = out.entry(key).or_default();
        *e = e.plus(f);
    };
    let one = |workers: i64, amount: i64| Figures {
        permits: 1,
        workers,
        amount,
    };
    let issued = matches!(
        p.status,
        PermitState::Active | PermitState::Suspended | PermitState::Revoked | PermitState::Returned
    );
    let fee_due = !matches!(
        p.status,
        PermitState::Applied | PermitState::Refused | PermitState::Withdrawn
    );
    let paid_in_full = l.regions.iter().filter_map(|r| r.paid_on).max();
    for r in &l.regions {
        let region = r.region.as_str();
        // One key per country of the workers.
        macro_rules! per_country {
            ($measure:expr, $m:expr, $ground:expr) => {
                for (c, n) in &countries {
                    put(
                        $measure,
                        region,
                        $m.to_owned(),
                        c,
                        $ground,
                        None,
                        one(*n, 0),
                    );
                }
            };
        }
        let applied = if extension {
            Measure::ExtensionApplied
        } else {
            Measure::Applied
        };
        per_country!(applied, &month(p.filed_on), "");
        if let (true, Some(paid)) = (issued, paid_in_full) {
            let measure = if extension {
                Measure::Extended
            } else {
                Measure::Issued
            };
            per_country!(measure, &month(paid), "");
            put(
                Measure::QuotaUsed,
                region,
                month(paid),
                "",
                "",
                None,
                one(units, 0),
            );
        }
        let ended = match (p.status, p.ended_on) {
            (PermitState::Revoked, Some(on)) => Some((Measure::Revoked, on)),
            (PermitState::Returned, Some(on)) => Some((Measure::Returned, on)),
            (PermitState::Lapsed, Some(on)) => Some((Measure::Lapsed, on)),
            _ => None,
        };
        if let Some((measure, ended)) = ended {
            // A revocation counts under its ground; a permit revoked before grounds were
            // kept has none, and counts under the empty ground as returns and lapses do.
            let ground = match measure {
                Measure::Revoked => p.end_ground.as_deref().unwrap_or(""),
                _ => "",
            };
            per_country!(measure, &month(ended), ground);
            if measure != Measure::Lapsed {
                put(
                    Measure::QuotaReleased,
                    region,
                    month(ended),
                    "",
                    "",
                    None,
                    one(units, 0),
                );
            }
        }
        let decided = r.decided_on;
        if let (Some(d), RegionDecision::Refused) = (decided, r.decision) {
            per_country!(Measure::Refused, &month(d), "");
            let grounds: Vec<String> = match &r.grounds {
                Some(g) => serde_json::from_str(g)?,
                None => Vec::new(),
            };
            for g in &grounds {
                per_country!(Measure::RefusedGround, &month(d), g);
            }
        }
        if let (Some(d), Some(rate), true) = (decided, r.fee_rate_mrp, fee_due) {
            put(
                Measure::FeeAssessed,
                region,
                month(d),
                "",
                "",
                None,
                one(units, fees::fee_assessed_mrp(i64::from(rate), units)),
            );
        }
        if let (Some(paid), Some(on)) = (r.paid_tiyn, r.paid_on) {
            put(
                Measure::FeePaid,
                region,
                month(on),
                "",
                "",
                None,
                one(units, paid),
            );
        }
        if let Some(d) = decided {
            let days = (d - p.filed_on).num_days();
            put(
                Measure::Decided,
                region,
                month(d),
                "",
                "",
                Some(days),
                one(units, 0),
            );
            if decided_late(p.decision_due, d) {
                put(
                    Measure::DecidedLate,
                    region,
                    month(d),
                    "",
                    "",
                    None,
                    one(units, 0),
                );
            }
        }
    }
    Ok(out)
}

/// Adds to the counters what the move from `before` (`None`: the permit is new) to
/// `after` changed, in the caller's transaction.
pub fn track(conn: &mut Conn, before: Option<&Loaded>, after: &Loaded) -> Result<(), CaseError> {
    db::add(conn, &delta(before, after)?)?;
    Ok(())
}

/// What the move from `before` (`None`: the permit is new) to `after` changes in the
/// counters, by key; [`db::add`] writes it.
pub fn delta(before: Option<&Loaded>, after: &Loaded) -> Result<BTreeMap<Key, Figures>, CaseError> {
    let mut delta = contribution(after)?;
    if let Some(b) = before {
        for (k, f) in contribution(b)? {
            let e = delta.entry(k).or_default();
            *e = e.minus(f);
        }
    }
    Ok(delta)
}

/// An employer's statistical report for a quarter (Art. 37(2)), as filed.
pub use crate::db::statistics::ReportRow as FiledReport;

/// Art. 37(1), (4): the reports of a quarter (every quarter of the year when `None`),
/// narrowed to a region and an employer when given, by region, employer and quarter.
pub fn reports(
    conn: &mut Conn,
    year: i32,
    quarter: Option<i32>,
    region: Option<&str>,
    bin: Option<&str>,
) -> Result<Vec<FiledReport>, CaseError> {
    Ok(db::reports(conn, year, quarter, region, bin)?)
}

/// An employer's primary statistical data for a quarter (Art. 37(2)).
#[derive(Debug, Clone)]
pub struct FileReport {
    pub bin: EmployerId,
    pub year: i32,
    pub quarter: u32,
    /// The figures as the employer gave them (stored as JSON).
    pub figures: serde_json::Value,
    pub foreign_employed: i64,
    pub kazakh_staff: i64,
    /// The category-4 permits whose replacement commitments the report speaks of.
    pub replacement_permits: Vec<i64>,
}

/// Art. 37(2): files an employer's statistical report for a quarter that is over, under
/// the region of its profile at the quarter's end (whose akimat reads it, Art. 37(1));
/// once per quarter. The replacement commitments it reports must be of the employer's own
/// category-4 permits (Art. 33(2)).
pub fn file_report(
    conn: &mut Conn,
    cmd: &FileReport,
    today: NaiveDate,
    actor: &Actor,
) -> Result<db::ReportRow, CaseError> {
    if let Some(v) = statistics::check_report_period(cmd.year, cmd.quarter, today) {
        return Err(v.into());
    }
    let (_, last) = statistics::quarter_bounds(cmd.year, cmd.quarter)
        .ok_or_else(|| CaseError::from(Violation::service_rule(ProblemCode::QuarterInvalid)))?;
    let profile = permits_db::profile_on(conn, cmd.bin.as_str(), last)?
        .ok_or_else(|| CaseError::rules(vec![checks::profile_missing(last).finding]))?;
    for id in &cmd.replacement_permits {
        let own = permits_db::get(conn, *id)?.is_some_and(|p| {
            p.bin == cmd.bin
                && p.category == Category::QualifiedWorkers
                && p.kind == PermitKind::Permit
        });
        if !own {
            return Err(
                Violation::new(ProblemCode::ReplacementPermitUnknown, ART_33_2)
                    .text("id", *id)
                    .into(),
            );
        }
    }
    let body = serde_json::to_string(&cmd.figures)?;
    let row = db::insert_report(
        conn,
        &db::NewReport {
            bin: cmd.bin.as_str(),
            region: &profile.region,
            year: cmd.year,
            quarter: i32::try_from(cmd.quarter).map_err(|_| {
                CaseError::from(Violation::service_rule(ProblemCode::QuarterInvalid))
            })?,
            body: &body,
            foreign_employed: cmd.foreign_employed,
            kazakh_staff: cmd.kazakh_staff,
            filed_at: actor.at,
            filed_by: &actor.sub,
        },
    )?
    .ok_or_else(|| {
        CaseError::conflict(
            "statistical-report-exists",
            Message::new("conflict-statistical-report-exists")
                .arg("year", i64::from(cmd.year))
                .arg("quarter", i64::from(cmd.quarter)),
        )
    })?;
    audit::record(
        actor,
        audit::Change {
            action: "statistical_report.filed",
            entity_type: "statistical_report",
            entity_id: row.id.to_string(),
            region: Some(&row.region),
            bin: Some(&row.bin),
            before: None,
            after: Some(audit::snapshot(&serde_json::json!({
                "year": row.year, "quarter": row.quarter, "figures": cmd.figures,
            }))?),
            legal_basis: ART_37_2.cite(),
        },
    )?;
    Ok(row)
}

/// An employer that owes a quarter's report and has not given it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub bin: String,
    pub name: String,
    pub region: String,
}

/// Art. 37(2): employers with a permit or an ICT permit in force during the quarter that
/// have not reported it, under the region of their profile at the quarter's end; one
/// region's when given. An ICT employer without a profile (an ICT application asks for
/// none) is listed under its ICT permit's region, with no name.
pub fn missing_reports(
    conn: &mut Conn,
    year: i32,
    quarter: u32,
    region: Option<&str>,
    bin: Option<&str>,
) -> Result<Vec<Missing>, CaseError> {
    let (first, last) = statistics::quarter_bounds(year, quarter)
        .ok_or_else(|| CaseError::from(Violation::service_rule(ProblemCode::QuarterInvalid)))?;
    let q = i32::try_from(quarter)
        .map_err(|_| CaseError::from(Violation::service_rule(ProblemCode::QuarterInvalid)))?;
    let reported: std::collections::BTreeSet<String> =
        db::reports(conn, year, Some(q), region, bin)?
            .into_iter()
            .map(|r| r.bin)
            .collect();
    // Each employer once, with the region of an ICT permit to fall back on.
    let mut owing: BTreeMap<String, Option<String>> =
        db::employers_with_permits(conn, first, last)?
            .into_iter()
            .map(|b| (b, None))
            .collect();
    for (b, ict_region) in db::employers_with_ict_permits(conn, first, last)? {
        owing.entry(b).or_insert(Some(ict_region));
    }
    let mut out = Vec::new();
    for (b, ict_region) in owing {
        if bin.is_some_and(|x| x != b) || reported.contains(&b) {
            continue;
        }
        let (name, at) = match (permits_db::profile_on(conn, &b, last)?, ict_region) {
            (Some(p), _) => (p.name, p.region),
            (None, Some(r)) => (String::new(), r),
            (None, None) => continue,
        };
        if region.is_some_and(|r| r != at) {
            continue;
        }
        out.push(Missing {
            bin: b,
            name,
            region: at,
        });
    }
    out.sort_by(|a, b| (&a.region, &a.bin).cmp(&(&b.region, &b.bin)));
    Ok(out)
}

/// Certificates (Art. 34) or ICT permits (Art. 35) of one region, sector, country and state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OtherFigures {
    /// Certificates, or ICT permits with workers of the country.
    pub cases: i64,
    /// Holders, or ICT workers of the country.
    pub workers: i64,
    /// ICT arrival notices given after the deadline (Art. 35(3)).
    pub late_notices: i64,
    /// ICT workers whose notice is missing past the deadline (Art. 35(3)).
    pub missing_notices: i64,
}

/// (kind, region, sector, country, state).
pub type OtherKey = (&'static str, String, String, String, &'static str);

/// Art. 36: certificates and ICT permits applied for in `year`, by region, sector (an ICT
/// employer's OKED section on the application date; none for a certificate holder),
/// country of origin (the holder's or the worker's citizenship) and state, with the ICT
/// arrival notices late and missing as of `today`. Read from the cases themselves: their
/// volume is small beside the permits' (no quota, no fee) — see docs/ARCHITECTURE.md.
pub fn certificates_and_ict(
    conn: &mut Conn,
    year: i32,
    region: Option<&crate::domain::RegionCode>,
    today: NaiveDate,
) -> Result<BTreeMap<OtherKey, OtherFigures>, CaseError> {
    use crate::db::{certificates, ict, rulesets};
    use chrono::Datelike;
    let mut out: BTreeMap<OtherKey, OtherFigures> = BTreeMap::new();
    for c in certificates::list(conn, region, None, None, i64::MAX)? {
        if c.applied_on.year() != year {
            continue;
        }
        let key = (
            "certificate",
            c.region.to_string(),
            String::new(),
            c.citizenship.clone(),
            c.status.as_str(),
        );
        let e = out.entry(key).or_default();
        e.cases += 1;
        e.workers += 1;
    }
    let rules = rulesets::in_force(conn, today)?.map(|s| s.rules.ict.clone());
    for p in ict::list(conn, region, None, None, i64::MAX)? {
        if p.applied_on.year() != year {
            continue;
        }
        let sector = permits_db::profile_on(conn, p.bin.as_str(), p.applied_on)?
            .map(|x| x.sector)
            .unwrap_or_default();
        let arrivals = ict::arrivals(conn, p.id)?;
        let mut countries = std::collections::BTreeSet::new();
        for w in ict::workers(conn, p.id)? {
            let key = (
                "ict",
                p.region.to_string(),
                sector.clone(),
                w.citizenship.clone(),
                p.status.as_str(),
            );
            let e = out.entry(key).or_default();
            if countries.insert(w.citizenship.clone()) {
                e.cases += 1;
            }
            e.workers += 1;
            let arrival = w
                .arrival_id
                .and_then(|id| arrivals.iter().find(|a| a.id == id));
            match (arrival, rules.as_ref(), p.issued_on()) {
                (Some(a), _, _) if a.late => e.late_notices += 1,
                (None, Some(r), Some(issued))
                    if p.status.was_issued()
                        && crate::domain::ict::notice_missing(
                            r,
                            issued,
                            p.contract_start,
                            today,
                        ) =>
                {
                    e.missing_notices += 1;
                }
                _ => {}
            }
        }
    }
    Ok(out)
}

//! An akimat's decision for its region (Art. 33(2), 9(5)): the approval that holds the
//! region's quota, or the refusal on listed grounds.

use super::checks::{first_country, recheck, serialize_on_persons, Engager, Reread};
use super::record::{changed, load, not_found, Access, Loaded};
use super::steps::{
    advance, audit_in, check_version, claim_country, illegal, release_all, stored, Today,
};
use super::view::{self, Permit, Reading, HISTORY_LINES};
use crate::cases::{follow, ledger, statistics, CaseError};
use crate::db::audit::{self, Actor, HistoryLine};
use crate::db::permits::{self as db, Move, ProfileRow};
use crate::db::statistics::{self as counters, Figures, Key};
use crate::db::workforce::HistoryOf;
use crate::db::{standing, Conn};
use crate::domain::article::*;
use crate::domain::dates::add_working_days;
use crate::domain::hold::{QuotaClaim, Release, Units};
use crate::domain::permit::checks;
use crate::domain::permit::{may_decide, transition, PermitEvent, PermitState, RegionDecision};
use crate::domain::ruleset::RuleSet;
use crate::domain::ProblemCode;
use crate::domain::{fees, Message, RegionCode, SectorCode, Violation};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::Arc;

/// An akimat's decision for its region, and the version it read.
#[derive(Debug, Clone)]
pub struct Decide {
    /// The deciding akimat's region; one of those the permit names.
    pub region: RegionCode,
    pub decision: Decision,
    /// The version the official read (`If-Match`), if sent.
    pub expected_version: Option<i64>,
}

/// What an akimat decides.
#[derive(Debug, Clone)]
pub enum Decision {
    Approve,
    /// Refuse on grounds from the rule set's list (Art. 33(2)), with the official's note,
    /// kept as the permit's end note and in the refusal's audit event.
    Refuse {
        grounds: Vec<String>,
        note: Option<String>,
    },
}

/// Art. 33(2), 9(5): the akimat of `region`, one of those named, approves or refuses its
/// part. An approval re-runs the checks under the rule set in force today, the quota
/// checked being the deciding region's own (any failure refuses the approval with its
/// articles), holds the region's quota through the ledger and prices the fee for the
/// region. The last approval completes the decision: the fee falls due to every named
/// region the rule set's working days after it (Art. 33(4); docs/LAW.md), so no region's
/// time to pay runs while another has still to decide. A refusal names grounds from the
/// list, refuses the whole permit and gives back the quota other regions hold for it.
///
/// The command owns its transaction's order: it loads the case once, decides and writes
/// the case's own rows and audit event, then lets `answer` make what the caller returns of
/// the [`Decided`] case (as written, with the rules in force and its history, nothing read
/// again), and writes the contended rows last ([`LastWrites`]): the region's quota row,
/// then the statistics counters.
pub fn decide<R, E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Decide,
    today: Today<'_>,
    access: impl Access<E>,
    actor: &Actor,
    answer: impl FnOnce(Decided) -> Result<R, E>,
) -> Result<R, E> {
    let l = load(conn, id, access)?;
    let (decided, last) = decide_loaded(conn, l, cmd, today, &actor.as_stored())?;
    let out = answer(decided)?;
    last.write(conn)?;
    Ok(out)
}

/// A decided case as its answer shows it: changed in memory as the decision's writes
/// changed the stored rows, the rules in force today, and its history up to and including
/// the decision (an approval read the stored lines with its facts).
#[derive(Debug, Clone)]
pub struct Decided {
    pub case: Loaded,
    pub rules: Arc<RuleSet>,
    pub history: Vec<HistoryLine>,
}

impl Decided {
    /// The decided permit as `how` reads it.
    pub fn render(self, how: Reading) -> Result<Permit, CaseError> {
        view::permit(self.case, Some(&self.rules), self.history, how)
    }
}

/// The writes a decision leaves for last: the quota units an approval takes (Art. 33(2))
/// and the statistics counters (Art. 36). Every decision in a region writes the same
/// regional row and counter rows, and a row written stays locked until the commit; written
/// last, after the caller's answer is read, they are locked for a few statements, not for
/// the whole decision (the January rush). Regional row first, then counters, as every
/// other command orders them. Dropping them unwritten would leave the case's hold and
/// audit event without their figures, so the type insists they are written.
#[must_use = "a decision's quota units and counters are written only by `write`"]
#[derive(Debug)]
pub(super) struct LastWrites {
    hold: Option<ledger::Hold>,
    counters: BTreeMap<Key, Figures>,
}

impl LastWrites {
    /// Takes the approval's units, then moves the counters. Errors: `quota-exhausted`
    /// (422, Art. 33(2)), `country-quota-exhausted` (422, Art. 32(4)(2)); roll back on any.
    pub(super) fn write(self, conn: &mut Conn) -> Result<(), CaseError> {
        if let Some(hold) = self.hold {
            hold.take(conn)?;
        }
        counters::add(conn, &self.counters)?;
        Ok(())
    }
}

/// A decision and its last writes; the decided case is changed in memory as its writes
/// changed the stored rows, not read again.
pub(super) fn decide_loaded(
    conn: &mut Conn,
    l: Loaded,
    cmd: &Decide,
    today: Today<'_>,
    actor: &Actor,
) -> Result<(Decided, LastWrites), CaseError> {
    let (region, decision) = (&cmd.region, &cmd.decision);
    check_version(&l, cmd.expected_version)?;
    let asked = match decision {
        Decision::Approve => PermitEvent::Approve,
        Decision::Refuse { .. } => PermitEvent::Refuse,
    };
    follow::ensure_parent_active(conn, &l, asked, today.date)?;
    let Some(mine) = l.regions.iter().find(|r| &r.region == region) else {
        return Err(not_found(l.permit.id));
    };
    let others_pending = l
        .regions
        .iter()
        .filter(|r| &r.region != region && r.decision == RegionDecision::Pending)
        .count();
    let event = match decision {
        Decision::Approve if others_pending == 0 => PermitEvent::ApproveLast,
        Decision::Approve => PermitEvent::Approve,
        Decision::Refuse { .. } => PermitEvent::Refuse,
    };
    let to = transition(l.permit.status, event).map_err(illegal)?;
    if !may_decide(l.permit.status, mine.decision) {
        return Err(CaseError::conflict(
            "already-decided",
            Message::new("conflict-illegal-transition")
                .text("machine", "permit-region")
                .text("state", mine.decision.as_str())
                .text("event", event.name()),
        ));
    }
    let mut after = l.clone();
    after.permit.status = to;
    after.permit.version += 1;
    match decision {
        Decision::Approve => {
            // The permit's own row is written by its move, in its turn among the rows of
            // the cases naming its workers; the checks, read after, are stored below.
            serialize_on_persons(conn, &l, today.date, |c| {
                advance(c, &l, to, &Move::default())
            })?;
            // The rules, the quota and the profiles in one read after the lock, the stored
            // history with the employer's facts (issue 20).
            let start = l.permit.start_date;
            let stood = standing::standing(
                conn,
                &standing::Ask {
                    bin: l.permit.bin.as_str(),
                    today: today.date,
                    start,
                    year: l.permit.quota_year,
                    region,
                    category: l.permit.category,
                    country: first_country(&l),
                },
            )?;
            let (rules, start_list) = today.rules_with_list_of(conn, stood.rules)?;
            let (profile, on_start) = stood.profiles;
            let engager = Engager::new(on_start.as_ref(), start_list, l.permit.category, start)?;
            let employer = (&engager, profile.as_ref());
            let reread = Reread {
                quota: Some((stood.regional_left, stood.country_left, stood.fault)),
                history_of: Some(HistoryOf {
                    permit: l.permit.id,
                    limit: HISTORY_LINES,
                }),
            };
            let (found, read) = recheck(conn, &l, region, &rules, today.date, employer, reread)?;
            let failed = checks::failures(&found);
            if !failed.is_empty() {
                return Err(CaseError::rules(failed));
            }
            let units = Units::new(l.units())
                .ok_or_else(|| CaseError::rules(vec![checks::nothing_to_permit()]))?;
            let claim = QuotaClaim {
                year: l.permit.quota_year,
                region: region.clone(),
                category: l.permit.category,
                country: claim_country(&l),
                units,
            };
            let rate = fee_rate_of(profile.as_ref(), &l, &rules, today.date)?;
            let fee_rate_mrp = stored("fee rate", Some(i64::from(rate)))?;
            after.detail.checks = serde_json::to_string(&found)?;
            db::set_checks(conn, l.permit.id, &after.detail.checks)?;
            let hold = match read.fault {
                Some(fault) => {
                    crate::db::quota::sound(claim.year, fault)?;
                    let country = claim
                        .country
                        .clone()
                        .filter(|c| read.country_quotas.iter().any(|q| q == c.as_str()));
                    ledger::hold_read(conn, &claim, country, &l.case_ref(), actor)?
                }
                None => ledger::hold(conn, &claim, &l.case_ref(), actor)?,
            };
            let due =
                (to == PermitState::AwaitingPayment).then(|| fee_payment_due(&rules, today.date));
            // The only region's due date goes in its own approval; with others, every
            // approved region's is set once this one is approved.
            let alone = l.regions.len() == 1;
            let n = db::approve_region(
                conn,
                l.permit.id,
                region,
                &db::Approval {
                    hold_id: hold.id(),
                    fee_rate_mrp,
                    payment_due: due.filter(|_| alone),
                    on: today.date,
                    actor,
                },
            )?;
            if n == 0 {
                return Err(changed(l.permit.id));
            }
            if let Some(due) = due.filter(|_| !alone) {
                db::fee_falls_due(conn, l.permit.id, due)?;
            }
            for r in after.regions.iter_mut().filter(|r| &r.region == region) {
                r.decision = RegionDecision::Approved;
                r.decided_at = Some(actor.at);
                r.decided_on = Some(today.date);
                r.decided_by = Some(actor.sub.clone());
                r.hold_id = Some(hold.id());
                r.fee_rate_mrp = Some(fee_rate_mrp);
            }
            if let Some(due) = due {
                for r in after
                    .regions
                    .iter_mut()
                    .filter(|r| r.decision == RegionDecision::Approved)
                {
                    r.payment_due = Some(due);
                }
            }
            audit_in(
                actor,
                &after,
                "permit.approved",
                Some(&l),
                &cite_all(&[ART_33_2, ART_9_5]),
                Some(region.as_str()),
            )?;
            let last = LastWrites {
                hold: Some(hold),
                counters: statistics::delta(Some(&l), &after)?,
            };
            let history = audit::with_unsealed(
                read.history,
                "permit",
                &l.permit.id.to_string(),
                HISTORY_LINES,
            );
            let decided = Decided {
                case: after,
                rules,
                history,
            };
            Ok((decided, last))
        }
        Decision::Refuse { grounds, note } => {
            let rules = today.rules(conn)?;
            let list = &rules.permit_grounds;
            if grounds.is_empty() {
                return Err(Violation::service_rule(ProblemCode::GroundsRequired).into());
            }
            let mut articles = Vec::new();
            for g in grounds {
                let ground = list.refusal_ground(g).ok_or_else(|| {
                    CaseError::from(
                        Violation::new(ProblemCode::UnknownGround, ART_33_2).text("ground", g),
                    )
                })?;
                articles.push(ground.article.clone());
            }
            let words = Move {
                end_note: note.as_deref(),
                ..Move::default()
            };
            advance(conn, &l, to, &words)?;
            after.detail.end_note.clone_from(note);
            let stated = serde_json::to_string(grounds)?;
            let n = db::refuse_region(conn, l.permit.id, region, &stated, today.date, actor)?;
            if n == 0 {
                return Err(changed(l.permit.id));
            }
            release_all(conn, &l, Release::Refused, actor)?;
            for r in after.regions.iter_mut().filter(|r| &r.region == region) {
                r.decision = RegionDecision::Refused;
                r.grounds = Some(stated.clone());
                r.decided_at = Some(actor.at);
                r.decided_on = Some(today.date);
                r.decided_by = Some(actor.sub.clone());
            }
            articles.sort();
            articles.dedup();
            let basis = format!(
                "{}; {}",
                cite_all(&[ART_33_2, ART_9_5]),
                articles.join(", ")
            );
            audit_in(
                actor,
                &after,
                "permit.refused",
                Some(&l),
                &basis,
                Some(region.as_str()),
            )?;
            let last = LastWrites {
                hold: None,
                counters: statistics::delta(Some(&l), &after)?,
            };
            let history = audit::history(conn, "permit", &l.permit.id.to_string(), HISTORY_LINES)?;
            let decided = Decided {
                case: after,
                rules,
                history,
            };
            Ok((decided, last))
        }
    }
}

/// Art. 33(4): the last day to pay the fee to every named region, when the last of them
/// approves on `approved_on`: the rule set's working days after that approval.
pub(super) fn fee_payment_due(rules: &RuleSet, approved_on: NaiveDate) -> NaiveDate {
    add_working_days(
        approved_on,
        rules.deadlines.fee_payment_working_days,
        &rules.holidays,
    )
}

/// Art. 33(4): the fee rate per worker in MRP for this permit's employer, by its sector in
/// the profile in force `today`.
pub(super) fn fee_rate_of(
    profile: Option<&ProfileRow>,
    l: &Loaded,
    rules: &RuleSet,
    today: NaiveDate,
) -> Result<u32, CaseError> {
    let profile =
        profile.ok_or_else(|| CaseError::rules(vec![checks::profile_missing(today).finding]))?;
    let sector: SectorCode = profile.sector.parse().map_err(|_| {
        CaseError::from(
            Violation::service_rule(ProblemCode::UnknownSector).text("sector", &profile.sector),
        )
    })?;
    let days = (l.permit.end_date - l.permit.start_date).num_days() + 1;
    Ok(fees::fee_rate(
        &rules.fees,
        l.permit.category,
        l.detail.term_unit,
        stored("permit term length", Some(i64::from(l.detail.term_length)))?,
        &sector,
        stored("permit days", Some(days))?,
    )?)
}

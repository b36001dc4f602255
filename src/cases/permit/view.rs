//! One permit as a reader sees it (Art. 33): the read model both edges show — the API's
//! `GET /v1/permits/{id}` and every command's answer, and the console's case page. Plain
//! data in the reader's language; the edges only map it to their wire or page types.

use super::lapse::{lapse_due, lapse_if_due};
use super::record::{load, Access, Loaded};
use super::steps::stored;
use crate::cases::follow;
use crate::cases::CaseError;
use crate::db::audit::{self, Actor, HistoryLine};
use crate::db::permits::{ReplacementRow, TripRow, WorkerRow};
use crate::db::rulesets::Parsed;
use crate::db::Conn;
use crate::domain::article::SERVICE_RULE;
use crate::domain::fees::fee_due;
use crate::domain::permit::checks::{Check, Outcome};
use crate::domain::permit::{decision_overdue, EndGround, PermitState, RegionDecision};
use crate::domain::ruleset::{RuleSet, TermUnit};
use crate::domain::violation::Arg;
use crate::domain::{Category, EmployerId, Message, Money, Refusal, RegionCode};
use crate::i18n::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

/// Who reads a permit: its employer, or an official (akimat, ministry, auditor). Only an
/// official reads another employer's case id in a check (Art. 33(3)): an employer reads
/// "another employer's live permit".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Employer,
    Official,
}

/// How a permit is read: on which day, in which language, by whom.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    /// Today (Kazakhstan time): the derived state, the fee due today, overdue decisions.
    pub today: NaiveDate,
    /// The reader's language for checks and grounds.
    pub lang: Lang,
    /// Whether another employer's case ids are shown.
    pub reader: Reader,
}

/// One automatic check as last run (Art. 33), worded for the reader.
#[derive(Debug, Clone)]
pub struct CheckLine {
    /// Stable code of the check, e.g. `kazakh-share`.
    pub code: String,
    /// Pass, fail or warning.
    pub outcome: Outcome,
    /// The article it rests on; `None` for a check of the service.
    pub article: Option<String>,
    /// What was found, in the reader's language.
    pub message: String,
    /// The figures used, by name.
    pub figures: BTreeMap<String, serde_json::Value>,
}

impl CheckLine {
    /// The stored form of the outcome: `pass`, `fail` or `warning`.
    pub fn outcome_str(&self) -> &'static str {
        match self.outcome {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Warning => "warning",
        }
    }
}

/// A ground of a refusal, revocation or end, named in the reader's language.
#[derive(Debug, Clone)]
pub struct Ground {
    /// Stable code of the ground.
    pub code: String,
    /// The article it rests on.
    pub article: Option<String>,
    /// The ground in the reader's language (its code when the rule set no longer lists it).
    pub name: String,
}

/// The fee due to one region's budget and its payment (Art. 33(4)), money in tenge.
#[derive(Debug, Clone)]
pub struct Fee {
    /// Rate per worker, in MRP.
    pub rate_mrp: i32,
    /// Workers the fee is for (those holding the permit's units).
    pub workers: u32,
    /// Last day to pay; `None` until every region has approved.
    pub payment_due: Option<NaiveDate>,
    /// One MRP today.
    pub mrp_today: Option<Money>,
    /// The fee if paid today: rate × MRP today × workers.
    pub due_today: Option<Money>,
    /// Amount paid.
    pub paid: Option<Money>,
    /// The MRP in force on the payment date.
    pub mrp_paid: Option<Money>,
    /// Payment date.
    pub paid_on: Option<NaiveDate>,
    /// Payment reference.
    pub reference: Option<String>,
}

/// A region named in the permit: its decision and fee.
#[derive(Debug, Clone)]
pub struct Region {
    /// The region.
    pub region: RegionCode,
    /// `pending`, `approved` or `refused`, as stored.
    pub decision: String,
    /// Grounds of a refusal.
    pub grounds: Vec<Ground>,
    /// When the region decided.
    pub decided_at: Option<DateTime<Utc>>,
    /// Who decided (token subject).
    pub decided_by: Option<String>,
    /// The fee, once approved.
    pub fee: Option<Fee>,
}

impl Region {
    /// The region's decision, typed; `None` only for a word the schema does not allow.
    pub fn decision(&self) -> Option<RegionDecision> {
        RegionDecision::parse(&self.decision)
    }
}

/// A worker named in the permit, with what the application stated of their route and
/// what became of them.
#[derive(Debug, Clone)]
pub struct Worker {
    /// The worker as stored.
    pub row: WorkerRow,
    /// Permanently resides in Kazakhstan, as stated (Art. 32(2)(9)).
    pub permanent_resident: bool,
    /// First head of a branch or representative office, as stated (Art. 32(2)(10)).
    pub first_head: bool,
    /// The category of the Government's no-permit list, as stated (Art. 32(2)(11)).
    pub no_permit_list_category: Option<String>,
    /// The day another foreigner took this worker's place.
    pub replaced_on: Option<NaiveDate>,
    /// The worker whose place this one took.
    pub replaces_worker_id: Option<i64>,
}

/// A business trip (Art. 33(3)).
#[derive(Debug, Clone)]
pub struct Trip {
    /// Identifier of the trip.
    pub id: i64,
    /// The worker on the trip.
    pub worker_id: i64,
    /// Host region, not named in the permit.
    pub host_region: String,
    /// Host organisation.
    pub host_organisation: String,
    /// First day, inclusive.
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
}

impl From<TripRow> for Trip {
    fn from(t: TripRow) -> Trip {
        Trip {
            id: t.id,
            worker_id: t.worker_id,
            host_region: t.host_region,
            host_organisation: t.host_organisation,
            from: t.from_date,
            to: t.to_date,
        }
    }
}

/// A category-4 permit's replacement report (Art. 33(2)).
#[derive(Debug, Clone)]
pub struct Replacement {
    /// The day the employer reported the commitment met.
    pub reported_on: NaiveDate,
    /// Kazakh citizens hired.
    pub hired: i32,
}

impl From<ReplacementRow> for Replacement {
    fn from(r: ReplacementRow) -> Replacement {
        Replacement {
            reported_on: r.reported_on,
            hired: r.hired,
        }
    }
}

/// One change of the permit, from the audit trail.
#[derive(Debug, Clone)]
pub struct Change {
    /// When.
    pub at: DateTime<Utc>,
    /// What, e.g. `permit.approved`.
    pub action: String,
    /// Who (token subject).
    pub actor: String,
    /// The actor's role.
    pub role: String,
    /// The article it rests on; `None` for an act of the service's own.
    pub legal_basis: Option<String>,
}

/// A permit case as a reader sees it today: an application, a permit, or an extension.
#[derive(Debug, Clone)]
pub struct Permit {
    pub id: i64,
    /// `permit` or `extension`.
    pub kind: String,
    /// The permit an extension extends.
    pub parent_id: Option<i64>,
    pub bin: EmployerId,
    pub category: Category,
    pub profession: String,
    /// The state as of today (`expired` derived from the end date).
    pub status: PermitState,
    pub term_unit: TermUnit,
    pub term_length: u32,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub quota_year: i32,
    pub vacancy_code: Option<String>,
    pub vacancy_published_on: Option<NaiveDate>,
    pub replacement_months: Option<i32>,
    pub decision_due: NaiveDate,
    /// Undecided past its deadline (Art. 33(2)).
    pub decision_overdue: bool,
    pub regions: Vec<Region>,
    pub workers: Vec<Worker>,
    pub checks: Vec<CheckLine>,
    pub trips: Vec<Trip>,
    pub ended_on: Option<NaiveDate>,
    /// Why it ended, in the reader's language.
    pub end_ground: Option<Ground>,
    pub end_note: Option<String>,
    pub suspension_reason: Option<String>,
    pub filed_at: DateTime<Utc>,
    pub filed_by: String,
    pub replacement: Option<Replacement>,
    /// Every state change, oldest first; a move filed under each named region reads once.
    pub history: Vec<Change>,
    pub number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    /// Version; also the `ETag`.
    pub version: i64,
}

/// The most lines of history a permit's view shows (a permit's whole life is a few dozen).
pub(super) const HISTORY_LINES: i64 = 1000;

fn check_line(c: &Check, lang: Lang, reader: Reader) -> CheckLine {
    let shown;
    let c = match reader {
        Reader::Official => c,
        Reader::Employer => {
            shown = Check {
                outcome: c.outcome,
                finding: c.finding.for_employer(),
            };
            &shown
        }
    };
    CheckLine {
        code: c.finding.code.clone(),
        outcome: c.outcome,
        article: c.finding.article.clone(),
        message: lang.text(&c.message()),
        figures: c
            .finding
            .args
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    Arg::Number(n) => serde_json::json!(n),
                    Arg::Text(t) => serde_json::json!(t),
                    Arg::Words(w) => serde_json::json!(lang.pick(w)),
                    // The wire keeps decimal strings in tenge, as every amount of the API.
                    Arg::Money { tenge } => serde_json::json!(tenge.to_string()),
                };
                (k.clone(), v)
            })
            .collect(),
    }
}

/// A region's refusal ground, named by the rule set's list in the reader's language with
/// its article (Art. 33(2), 9(5)).
pub fn ground(code: &str, rules: Option<&RuleSet>, lang: Lang) -> Ground {
    let g = rules.and_then(|r| r.permit_grounds.refusal_ground(code));
    Ground {
        code: code.to_owned(),
        article: g.map(|g| g.article.clone()),
        name: g.map_or_else(|| code.to_owned(), |g| lang.pick(&g.words()).to_owned()),
    }
}

/// The ground a permit ended on ([`EndGround`]): the service's own (an unpaid fee, a
/// return, the end of the permit an extension extends) in the catalogue's words, or the
/// rule set's revocation ground, each with the article that carries it.
pub fn end_ground(code: &str, rules: Option<&RuleSet>, lang: Lang) -> Ground {
    let g = EndGround::of(code, rules.map(|r| &r.permit_grounds));
    Ground {
        code: code.to_owned(),
        article: g.and_then(EndGround::citation),
        name: g.map_or_else(|| code.to_owned(), |g| lang.text(&g.message())),
    }
}

fn region(
    r: &crate::db::permits::RegionRow,
    rules: Option<&RuleSet>,
    units: u32,
    mrp_today: Option<Money>,
    lang: Lang,
) -> Result<Region, CaseError> {
    let grounds: Vec<String> = r
        .grounds
        .as_deref()
        .map(serde_json::from_str)
        .transpose()?
        .unwrap_or_default();
    Ok(Region {
        region: r.region.clone(),
        decision: r.decision.as_str().to_owned(),
        grounds: grounds.iter().map(|g| ground(g, rules, lang)).collect(),
        decided_at: r.decided_at.map(|t| t.and_utc()),
        decided_by: r.decided_by.clone(),
        fee: r
            .fee_rate_mrp
            .map(|rate| fee(r, rate, units, mrp_today))
            .transpose()?,
    })
}

/// The fee a region's decision priced: a stored rate out of range is a fault of the data,
/// never a free permit.
fn fee(
    r: &crate::db::permits::RegionRow,
    rate: i32,
    units: u32,
    mrp_today: Option<Money>,
) -> Result<Fee, CaseError> {
    let per_worker: u32 = stored("fee rate", Some(i64::from(rate)))?;
    Ok(Fee {
        rate_mrp: rate,
        workers: units,
        payment_due: r.payment_due,
        mrp_today,
        due_today: mrp_today.map(|m| fee_due(per_worker, m, units)),
        paid: r.paid_tiyn.map(Money::from_tiyn),
        mrp_paid: r.mrp_tiyn.map(Money::from_tiyn),
        paid_on: r.paid_on,
        reference: r.payment_reference.clone(),
    })
}

fn workers(l: &Loaded) -> Vec<Worker> {
    l.workers
        .iter()
        .map(|w| {
            let route = l.route_of(w.id);
            Worker {
                permanent_resident: route.permanent_resident,
                first_head: route.first_head,
                no_permit_list_category: route.no_permit_list_category,
                replaced_on: l.replaced_on(w.id),
                replaces_worker_id: l
                    .reissues
                    .iter()
                    .find(|r| r.newcomer_id == w.id)
                    .map(|r| r.replaced_id),
                row: w.clone(),
            }
        })
        .collect()
}

fn history(lines: Vec<HistoryLine>) -> Vec<Change> {
    let mut h: Vec<Change> = lines
        .into_iter()
        .map(|e| Change {
            at: e.occurred_at.and_utc(),
            action: e.action,
            actor: e.actor,
            role: e.role,
            legal_basis: Some(e.legal_basis).filter(|b| b != SERVICE_RULE),
        })
        .collect();
    // A move filed under each named region reads once in the permit's history.
    h.dedup_by(|a, b| a.at == b.at && a.action == b.action && a.actor == b.actor);
    h
}

/// The permit `l` as `how` reads it, with the rules in force and its history.
pub fn permit(
    l: Loaded,
    rules: Option<&RuleSet>,
    lines: Vec<HistoryLine>,
    how: Reading,
) -> Result<Permit, CaseError> {
    let Reading {
        today,
        lang,
        reader,
    } = how;
    let checks = l
        .checks()?
        .iter()
        .map(|c| check_line(c, lang, reader))
        .collect();
    let units = l.units();
    let status = l.state_on(today);
    let mrp_today = rules.and_then(|r| r.mrp_on(today));
    let regions = l
        .regions
        .iter()
        .map(|r| region(r, rules, units, mrp_today, lang))
        .collect::<Result<Vec<_>, CaseError>>()?;
    let workers = workers(&l);
    let (p, d) = (l.permit, l.detail);
    Ok(Permit {
        id: p.id,
        kind: p.kind.as_str().to_owned(),
        parent_id: p.parent_id,
        bin: p.bin,
        category: p.category,
        profession: d.profession,
        status,
        term_unit: d.term_unit,
        term_length: stored("term length", Some(i64::from(d.term_length)))?,
        start_date: p.start_date,
        end_date: p.end_date,
        quota_year: p.quota_year,
        vacancy_code: d.vacancy_code,
        vacancy_published_on: d.vacancy_published_on,
        replacement_months: d.replacement_months,
        decision_due: p.decision_due,
        decision_overdue: decision_overdue(p.status, p.decision_due, today),
        regions,
        workers,
        checks,
        trips: l.trips.into_iter().map(Trip::from).collect(),
        ended_on: p.ended_on,
        end_ground: p.end_ground.as_deref().map(|g| end_ground(g, rules, lang)),
        end_note: d.end_note,
        suspension_reason: d.suspension_reason,
        filed_at: p.filed_at.and_utc(),
        filed_by: p.filed_by,
        replacement: l.replacement.map(Replacement::from),
        history: history(lines),
        number: d.number,
        issued_on: d.issued_on,
        version: p.version,
    })
}

/// Renders a loaded permit as `how` reads it, in the caller's transaction: the rule set in
/// force today from the per-process cache, and the permit's history.
pub fn render(
    conn: &mut Conn,
    rule_sets: &Parsed,
    l: Loaded,
    how: Reading,
) -> Result<Permit, CaseError> {
    let rules = rule_sets.in_force(conn, how.today)?;
    render_under(conn, rules.as_deref(), l, how)
}

/// Renders a loaded permit as `how` reads it under `rules`, the rules in force today the
/// caller already has (a decision has them): only the permit's history is read.
pub fn render_under(
    conn: &mut Conn,
    rules: Option<&RuleSet>,
    l: Loaded,
    how: Reading,
) -> Result<Permit, CaseError> {
    let lines = audit::history(conn, "permit", &l.permit.id.to_string(), HISTORY_LINES)?;
    permit(l, rules, lines, how)
}

/// Permit `id` as `how` reads it, for a reader `access` lets see it (404 otherwise), in
/// one read transaction; `None` when the permit must first lapse (its fee is overdue) or
/// end (an extension whose parent has ended): then [`settle`] it and read again.
pub fn read<E: From<CaseError>>(
    conn: &mut Conn,
    rule_sets: &Parsed,
    id: i64,
    how: Reading,
    access: impl Access<E>,
) -> Result<Option<Permit>, E> {
    let l = load(conn, id, access)?;
    if lapse_due(&l, how.today) || follow::orphaned(conn, &l, how.today)? {
        return Ok(None);
    }
    Ok(Some(render(conn, rule_sets, l, how)?))
}

/// Lapses permit `id` when its fee is overdue, and ends it when it is an extension whose
/// parent has ended (Art. 33(2), (4)), in the caller's write transaction; idempotent,
/// nothing for other permits. A permit that does not exist is left for the read to report.
pub fn settle(conn: &mut Conn, id: i64, today: NaiveDate, actor: &Actor) -> Result<(), CaseError> {
    let done = lapse_if_due(conn, id, today, actor)
        .and_then(|_| follow::end_if_orphaned(conn, id, today, actor));
    match done {
        Ok(_) | Err(CaseError::Refused(Refusal::NotFound(_))) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The grounds an official chooses from, refusal and revocation (Art. 9(5)), from the
/// rule set in force on `today` in the reader's language; 404 when none is in force.
pub fn ground_choices(
    conn: &mut Conn,
    rule_sets: &Parsed,
    today: NaiveDate,
    lang: Lang,
) -> Result<(Vec<Ground>, Vec<Ground>), CaseError> {
    let rules = rule_sets.in_force(conn, today)?.ok_or_else(|| {
        CaseError::not_found(Message::new("not-found-rule-set-on").text("date", today))
    })?;
    let choice = |g: &crate::domain::ruleset::PermitGround| Ground {
        code: g.code.clone(),
        article: Some(g.article.clone()),
        name: lang.pick(&g.words()).to_owned(),
    };
    let g = &rules.permit_grounds;
    Ok((
        g.refusal.iter().map(choice).collect(),
        g.revocation.iter().map(choice).collect(),
    ))
}

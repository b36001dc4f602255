//! Intra-corporate transfers (Art. 35, 1(25), 32(3), 33(4)): the branch, subsidiary or
//! representative office applies; the akimat of the region decides, extends once, suspends,
//! resumes and revokes; the employer notifies arrivals (Art. 35(3)) and records departures
//! (Art. 28(2)(8)). None of these commands calls `cases::ledger` or assesses a fee: ICT is
//! outside the annual quota (Art. 32(3)) and pays no fee (Art. 33(4)).

pub mod list;
pub mod view;

use super::certificates::stated_grounds;
use super::lifecycle::{CaseRow, Lifecycle};
use super::CaseError;
use crate::db::audit::{self, Actor};
use crate::db::ict::{self as db, ArrivalRow, PermitRow, WorkerRow};
use crate::db::{reference, rulesets, Conn};
use crate::domain::article::*;
use crate::domain::ict::{self, EmployerForm, IctEvent, IctPosition, IctState, SpecialCondition};
use crate::domain::person::{LatinName, PassportNumber};
use crate::domain::route::{self, EmployerType, Engagement, Facts, Position, Route, Transfer};
use crate::domain::ruleset::{GroundUse, RuleSet};
use crate::domain::ProblemCode;
use crate::domain::{CountryCode, EmployerId, Message, RegionCode, Violation};
use chrono::NaiveDate;
use std::sync::Arc;

/// The lifecycle this kind of case shares with the other akimat-decided ones.
pub(crate) const LIFE: Lifecycle = Lifecycle {
    entity_type: "ict_permit",
    conflict: "conflict-ict-changed",
};

impl CaseRow for PermitRow {
    fn id(&self) -> i64 {
        self.id
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn region(&self) -> &RegionCode {
        &self.region
    }
    fn employer(&self) -> Option<&EmployerId> {
        Some(&self.bin)
    }
}

/// A worker of an application.
#[derive(Debug, Clone)]
pub struct WorkerIn {
    pub full_name: LatinName,
    pub passport_number: PassportNumber,
    pub citizenship: CountryCode,
    pub position: IctPosition,
    pub higher_education: bool,
    pub prior_employment_months: u32,
}

/// An application for an ICT permit.
#[derive(Debug, Clone)]
pub struct Apply {
    pub region: RegionCode,
    pub bin: EmployerId,
    pub form: EmployerForm,
    pub sender_name: String,
    pub sender_country: CountryCode,
    pub special_condition: SpecialCondition,
    pub kazakh_managers: u32,
    pub kazakh_specialists: u32,
    pub contract_start: NaiveDate,
    pub contract_end: NaiveDate,
    pub workers: Vec<WorkerIn>,
}

fn country(conn: &mut Conn, code: &CountryCode) -> Result<reference::Country, CaseError> {
    reference::country(conn, code.as_str())?.ok_or_else(|| {
        CaseError::not_found(Message::new("not-found-country").text("country", code))
    })
}

fn rules_on(conn: &mut Conn, on: NaiveDate) -> Result<(i64, Arc<RuleSet>), CaseError> {
    let stored = rulesets::in_force(conn, on)?.ok_or_else(|| {
        CaseError::not_found(Message::new("not-found-rule-set-on").text("date", on))
    })?;
    Ok((stored.version, stored.rules))
}

fn position(p: IctPosition) -> Position {
    match p {
        IctPosition::Head => Position::Head,
        IctPosition::Manager => Position::Manager,
        IctPosition::Specialist => Position::Specialist,
    }
}

/// Art. 32(2)-(3), 2(3), 35: the route finder for each worker; one whose route is another
/// (an EAEU citizen, an exempt person) is refused with that route's articles.
fn worker_routes(
    conn: &mut Conn,
    cmd: &Apply,
    sender: &reference::Country,
    on: NaiveDate,
) -> Result<Vec<Violation>, CaseError> {
    let employer = match cmd.form {
        EmployerForm::Subsidiary => EmployerType::ForeignSubsidiary,
        EmployerForm::Branch | EmployerForm::RepresentativeOffice => EmployerType::ForeignBranch,
    };
    let mut out = Vec::new();
    for w in &cmd.workers {
        let citizen_of = country(conn, &w.citizenship)?;
        let facts = Facts {
            citizenship: citizen_of.code.clone(),
            citizen_of_eaeu: citizen_of.eaeu_member,
            permanent_resident: false,
            listed: None,
            on,
            engagement: Some(Engagement {
                employer,
                position: position(w.position),
                higher_education: w.higher_education,
                first_head: false,
                seasonal: false,
                transfer: Some(Transfer {
                    sender_country: sender.code.clone(),
                    sender_wto_member: sender.wto_member_since.is_some_and(|d| d <= on),
                }),
            }),
            profession: None,
        };
        let answer = route::route(&facts);
        if answer.route != Route::IctPermit {
            let kind = answer.route.kind().map_or("none", |k| k.as_str());
            out.push(
                Violation::resting_on(ProblemCode::IctWorkerRouteOther, &answer.articles)
                    .text("worker", &w.full_name)
                    .text("route", kind),
            );
        }
    }
    Ok(out)
}

/// Files an application of `today` (Art. 1(25), 35(1),(4)): the BIN agrees with the form
/// declared, the sender is in a WTO member today, the contract runs at most three years,
/// every worker works for the sender and takes the ICT route, and managers and specialists
/// — with those on the employer's other live ICT permits — keep the rule set's ratio to
/// Kazakh staff.
pub fn apply(
    conn: &mut Conn,
    cmd: &Apply,
    today: NaiveDate,
    actor: &Actor,
) -> Result<PermitRow, CaseError> {
    super::known_regions(conn, [("region".to_owned(), &cmd.region)])?;
    let sender = country(conn, &cmd.sender_country)?;
    let (version, rules) = rules_on(conn, today)?;
    let mut violations: Vec<Violation> = ict::check_employer(cmd.bin.kind(), cmd.form)
        .into_iter()
        .collect();
    let workers: Vec<ict::Worker<'_>> = cmd
        .workers
        .iter()
        .map(|w| ict::Worker {
            full_name: w.full_name.as_str(),
            position: w.position,
            prior_employment_months: w.prior_employment_months,
        })
        .collect();
    let transferred = super::ratio::ict_transferred(
        conn,
        &cmd.bin,
        cmd.contract_start,
        cmd.contract_end,
        None,
        today,
    )?;
    let count = |p: IctPosition| transferred.get(&p).copied().unwrap_or(0);
    let checked = ict::check_application(
        &rules.ict,
        &ict::Application {
            sender_country: &sender.code,
            sender_wto_since: sender.wto_member_since,
            applied_on: today,
            contract_start: cmd.contract_start,
            contract_end: cmd.contract_end,
            workers: &workers,
            kazakh_managers: cmd.kazakh_managers,
            kazakh_specialists: cmd.kazakh_specialists,
            transferred_managers: count(IctPosition::Manager),
            transferred_specialists: count(IctPosition::Specialist),
        },
    );
    let sender_refused = checked.iter().any(|v| v.code == "ict-sender-not-wto");
    violations.extend(checked);
    // A sender outside the WTO is the reason; the route finder would only repeat it.
    if !sender_refused {
        violations.extend(worker_routes(conn, cmd, &sender, today)?);
    }
    if !violations.is_empty() {
        return Err(CaseError::rules(violations));
    }
    let clamp = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
    let new_workers: Vec<db::NewWorker<'_>> = cmd
        .workers
        .iter()
        .map(|w| db::NewWorker {
            full_name: w.full_name.as_str(),
            passport_number: w.passport_number.as_str(),
            citizenship: w.citizenship.as_str(),
            position: w.position.as_str(),
            higher_education: w.higher_education,
            prior_employment_months: clamp(w.prior_employment_months),
        })
        .collect();
    let row = db::apply(
        conn,
        &db::NewPermit {
            region: &cmd.region,
            bin: &cmd.bin,
            employer_form: cmd.form.as_str(),
            sender_name: &cmd.sender_name,
            sender_country: cmd.sender_country.as_str(),
            special_condition: cmd.special_condition.as_str(),
            kazakh_managers: clamp(cmd.kazakh_managers),
            kazakh_specialists: clamp(cmd.kazakh_specialists),
            contract_start: cmd.contract_start,
            contract_end: cmd.contract_end,
            applied_on: today,
            rule_set_version: version,
        },
        &new_workers,
    )?;
    LIFE.record(actor, "ict_permit.applied", None, &row, ART_35_1.cite())?;
    Ok(row)
}

/// A permit with its workers and arrival notifications.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub permit: PermitRow,
    pub workers: Vec<WorkerRow>,
    pub arrivals: Vec<ArrivalRow>,
}

fn not_found() -> CaseError {
    CaseError::not_found(Message::new("not-found-case"))
}

/// Loads a permit and lets `access` decide on its region and BIN before anything is
/// revealed: a missing permit and another's answer the same `not-found-case`.
pub fn load<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    access: impl FnOnce(&RegionCode, &EmployerId) -> Result<(), E>,
) -> Result<Loaded, E> {
    let permit = db::get(conn, id)
        .map_err(CaseError::from)?
        .ok_or_else(not_found)?;
    access(&permit.region, &permit.bin)?;
    let workers = db::workers(conn, id).map_err(CaseError::from)?;
    let arrivals = db::arrivals(conn, id).map_err(CaseError::from)?;
    Ok(Loaded {
        permit,
        workers,
        arrivals,
    })
}

fn illegal(t: crate::domain::state::IllegalTransition) -> CaseError {
    CaseError::Refused(t.into())
}

/// The akimat's decision on an application.
#[derive(Debug, Clone)]
pub enum Decide {
    /// Issue for the contract's term (at most three years, checked on application).
    Issue,
    /// Refuse on grounds from the rule set's `case_grounds` that apply to an ICT
    /// application, with the official's note.
    Refuse {
        grounds: Vec<String>,
        note: Option<String>,
    },
}

/// Art. 1(25), 35(1),(4) at decision time: the application's checks again under the rule
/// set in force `today`, the ratio counting the managers and specialists on the employer's
/// ICT permits issued since it was filed. The violations, empty when it may be issued.
fn recheck(
    conn: &mut Conn,
    row: &PermitRow,
    today: NaiveDate,
) -> Result<Vec<Violation>, CaseError> {
    let (_, rules) = rules_on(conn, today)?;
    let code = row.sender_country.parse::<CountryCode>().map_err(|_| {
        CaseError::not_found(Message::new("not-found-country").text("country", &row.sender_country))
    })?;
    let sender = country(conn, &code)?;
    let stored = db::workers(conn, row.id)?;
    // A stored value out of its CHECK's range is a fault of the data, never a default that
    // would let the rules pass or fail on a figure nobody gave.
    let fault =
        |what: String| CaseError::Db(diesel::result::Error::DeserializationError(what.into()));
    let count_of = |field: &str, n: i32| {
        u32::try_from(n).map_err(|_| fault(format!("ICT permit {}: {field} {n}", row.id)))
    };
    let workers: Vec<ict::Worker<'_>> = stored
        .iter()
        .map(|w| {
            Ok(ict::Worker {
                full_name: &w.full_name,
                position: IctPosition::parse(&w.position).ok_or_else(|| {
                    fault(format!("ICT permit {}: position {}", row.id, w.position))
                })?,
                prior_employment_months: count_of(
                    "prior_employment_months",
                    w.prior_employment_months,
                )?,
            })
        })
        .collect::<Result<_, CaseError>>()?;
    let transferred = super::ratio::ict_transferred(
        conn,
        &row.bin,
        row.contract_start,
        row.contract_end,
        Some(row.id),
        today,
    )?;
    // A position with no worker transferred counts 0.
    let count = |p: IctPosition| transferred.get(&p).copied().unwrap_or(0);
    let kazakh_managers = count_of("kazakh_managers", row.kazakh_managers)?;
    let kazakh_specialists = count_of("kazakh_specialists", row.kazakh_specialists)?;
    Ok(ict::check_application(
        &rules.ict,
        &ict::Application {
            sender_country: &sender.code,
            sender_wto_since: sender.wto_member_since,
            applied_on: row.applied_on,
            contract_start: row.contract_start,
            contract_end: row.contract_end,
            workers: &workers,
            kazakh_managers,
            kazakh_specialists,
            transferred_managers: count(IctPosition::Manager),
            transferred_specialists: count(IctPosition::Specialist),
        },
    ))
}

/// Decides an application once (Art. 35(1)): issued from `today` to the contract's end —
/// once its checks pass again today ([`recheck`]: the ratio of Art. 35(4) counts the ICT
/// permits issued to the employer meanwhile) — or refused on grounds of the rule set's
/// list that apply to an ICT application, with the official's note. No quota is held and no
/// fee assessed (Art. 32(3), 33(4)).
pub fn decide<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Decide,
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, &EmployerId) -> Result<(), E>,
    actor: &Actor,
) -> Result<PermitRow, E> {
    let row = load(conn, id, access)?.permit;
    LIFE.stale(&row, expected_version)?;
    let event = match cmd {
        Decide::Issue => IctEvent::Issue,
        Decide::Refuse { .. } => IctEvent::Refuse,
    };
    let to = ict::transition(row.status, event).map_err(illegal)?;
    let (decision, basis) = match cmd {
        Decide::Issue => {
            if row.contract_end < today {
                return Err(CaseError::rules(vec![Violation::new(
                    ProblemCode::IctContractEnded,
                    ART_35_1,
                )
                .text("end", row.contract_end)])
                .into());
            }
            let failed = recheck(conn, &row, today)?;
            if !failed.is_empty() {
                return Err(CaseError::rules(failed).into());
            }
            let d = db::Decision {
                to,
                issued_on: Some(today),
                valid_until: Some(row.contract_end),
                refusal_reason: None,
                refusal_grounds: None,
            };
            (d, ART_35_1.cite().to_owned())
        }
        Decide::Refuse { grounds, note } => {
            let (_, rules) = rules_on(conn, today)?;
            let (stated, basis) = stated_grounds(&rules, grounds, GroundUse::Ict)?;
            let d = db::Decision {
                to,
                issued_on: None,
                valid_until: None,
                refusal_reason: Some(note.as_deref().unwrap_or("")),
                refusal_grounds: Some(stated),
            };
            (d, basis)
        }
    };
    let action = match to {
        IctState::Issued => "ict_permit.issued",
        _ => "ict_permit.refused",
    };
    let written =
        db::decide(conn, id, row.status, row.version, &decision, actor).map_err(CaseError::from)?;
    Ok(LIFE.moved(actor, action, &row, written, &basis)?)
}

/// Art. 35(1): the employer applies for the one extension of an issued permit, of at most
/// a year: judged at once ([`ict::extend`]: a second extension, or one too long, is refused
/// with the article), then left for the akimat to decide. One application at a time.
pub fn apply_extension<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    months: u32,
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, &EmployerId) -> Result<(), E>,
    actor: &Actor,
) -> Result<PermitRow, E> {
    let row = load(conn, id, access)?.permit;
    LIFE.stale(&row, expected_version)?;
    ict::extension_move(
        row.status,
        row.valid_until(),
        IctEvent::ApplyExtension,
        today,
    )
    .map_err(illegal)?;
    if pending_extension(&row).is_some() {
        return Err(CaseError::conflict(
            "ict-extension-pending",
            Message::new("conflict-ict-extension-pending").text("id", id),
        )
        .into());
    }
    let until = row.valid_until().ok_or_else(|| LIFE.changed(id))?;
    let (_, rules) = rules_on(conn, today)?;
    ict::extend(&rules.ict, until, row.extensions(), months).map_err(CaseError::rules)?;
    let asked = i32::try_from(months).unwrap_or(i32::MAX);
    let after = db::extension_request(conn, id, row.version, Some((today, asked)))
        .map_err(CaseError::from)?
        .ok_or_else(|| LIFE.changed(id))?;
    LIFE.record(
        actor,
        "ict_permit.extension_applied",
        Some(&row),
        &after,
        ART_35_1.cite(),
    )?;
    Ok(after)
}

/// Ends the pending extension application of `row` (its permit revoked, or past its last
/// day), audited with the ground and article; nothing without one.
fn end_extension_application(
    conn: &mut Conn,
    row: PermitRow,
    ground: &str,
    actor: &Actor,
) -> Result<PermitRow, CaseError> {
    let Some(asked) = pending_extension(&row) else {
        return Ok(row);
    };
    let after = db::end_extension_request(conn, row.id, row.version)?
        .ok_or_else(|| LIFE.changed(row.id))?;
    audit::record(
        actor,
        audit::Change {
            action: "ict_permit.extension_ended",
            entity_type: "ict_permit",
            entity_id: after.id.to_string(),
            region: Some(after.region.as_str()),
            bin: Some(after.bin.as_str()),
            before: Some(audit::snapshot(&row)?),
            after: Some(audit::snapshot(&serde_json::json!({
                "permit": after, "extension_ended": {"months": asked, "ground": ground},
            }))?),
            legal_basis: ART_35_1.cite(),
        },
    )?;
    Ok(after)
}

/// Whether `row` has a pending extension application though its last day is before `today`:
/// then it is to be ended before it is shown (Art. 35(1)).
pub fn extension_application_outlived(row: &PermitRow, today: NaiveDate) -> bool {
    pending_extension(row).is_some() && row.valid_until().is_some_and(|until| until < today)
}

/// Ends permit `id`'s pending extension application when its last day is before `today`;
/// nothing otherwise (idempotent). Whether it ended one.
pub fn end_extension_application_if_outlived(
    conn: &mut Conn,
    id: i64,
    today: NaiveDate,
    actor: &Actor,
) -> Result<bool, CaseError> {
    match db::get(conn, id)? {
        Some(row) if extension_application_outlived(&row, today) => {
            end_extension_application(conn, row, "parent-expired", actor).map(|_| true)
        }
        _ => Ok(false),
    }
}

/// The scheduled job's part: ends the pending extension application of every permit past
/// its last day on `today` (Art. 35(1)): there is nothing left to extend. The ids.
pub fn end_expired_extension_applications(
    conn: &mut Conn,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Vec<i64>, CaseError> {
    let mut out = Vec::new();
    for id in db::expired_extension_requests(conn, today)? {
        if let Some(row) = db::get(conn, id)? {
            end_extension_application(conn, row, "parent-expired", actor)?;
            out.push(id);
        }
    }
    Ok(out)
}

fn pending_extension(row: &PermitRow) -> Option<u32> {
    row.decision
        .as_ref()
        .and_then(|d| d.extension_requested_months)
        .and_then(|m| u32::try_from(m).ok())
}

/// The akimat's decision on an extension applied for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtensionDecision {
    /// Extend by `months` (the months applied for when `None`), at most what the employer
    /// applied for.
    Extend { months: Option<u32> },
    /// Refuse on grounds from the rule set's `case_grounds` that apply to an extension,
    /// with the official's note.
    Refuse {
        grounds: Vec<String>,
        note: Option<String>,
    },
}

/// Art. 35(1): the akimat extends an issued permit once, by at most a year from its last
/// day and at most what the employer applied for — a second extension is refused with the
/// article — or refuses the application on grounds of the rule set's list that apply to an
/// extension, with the official's note, both kept in the refusal's audit event. Without an
/// application there is nothing to decide.
pub fn extend<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    decision: &ExtensionDecision,
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, &EmployerId) -> Result<(), E>,
    actor: &Actor,
) -> Result<PermitRow, E> {
    let row = load(conn, id, access)?.permit;
    LIFE.stale(&row, expected_version)?;
    let event = match decision {
        ExtensionDecision::Extend { .. } => IctEvent::Extend,
        ExtensionDecision::Refuse { .. } => IctEvent::RefuseExtension,
    };
    ict::extension_move(row.status, row.valid_until(), event, today).map_err(illegal)?;
    let Some(asked) = pending_extension(&row) else {
        return Err(CaseError::conflict(
            "ict-extension-not-applied",
            Message::new("conflict-ict-extension-not-applied").text("id", id),
        )
        .into());
    };
    let refused = match decision {
        ExtensionDecision::Refuse { grounds, note } => {
            let (_, rules) = rules_on(conn, today)?;
            let (stated, basis) = stated_grounds(&rules, grounds, GroundUse::IctExtension)?;
            let codes: serde_json::Value =
                serde_json::from_str(&stated).map_err(CaseError::from)?;
            Some((codes, note.clone(), basis))
        }
        ExtensionDecision::Extend { .. } => None,
    };
    let after = match decision {
        ExtensionDecision::Refuse { .. } => db::extension_request(conn, id, row.version, None)
            .map_err(CaseError::from)?
            .ok_or_else(|| LIFE.changed(id))?,
        ExtensionDecision::Extend { months } => {
            let months = months.unwrap_or(asked);
            if months > asked {
                return Err(CaseError::rules(vec![Violation::service_rule(
                    ProblemCode::IctExtensionBeyondApplication,
                )
                .arg("months", months)
                .arg("asked", asked)])
                .into());
            }
            let until = row.valid_until().ok_or_else(|| LIFE.changed(id))?;
            let (_, rules) = rules_on(conn, today)?;
            let new_until = ict::extend(&rules.ict, until, row.extensions(), months)
                .map_err(CaseError::rules)?;
            let done = i32::try_from(row.extensions()).unwrap_or(i32::MAX);
            db::extend(conn, id, row.version, done, today, new_until)
                .map_err(CaseError::from)?
                .ok_or_else(|| LIFE.changed(id))?
        }
    };
    match refused {
        None => LIFE.record(
            actor,
            "ict_permit.extended",
            Some(&row),
            &after,
            ART_35_1.cite(),
        )?,
        Some((grounds, note, basis)) => audit::record(
            actor,
            audit::Change {
                action: "ict_permit.extension_refused",
                entity_type: "ict_permit",
                entity_id: after.id.to_string(),
                region: Some(after.region.as_str()),
                bin: Some(after.bin.as_str()),
                before: Some(audit::snapshot(&row)?),
                after: Some(audit::snapshot(&serde_json::json!({
                    "permit": after,
                    "extension_refused": {"months": asked, "grounds": grounds, "reason": note},
                }))?),
                legal_basis: &basis,
            },
        )
        .map_err(CaseError::from)?,
    }
    Ok(after)
}

/// A measure of the akimat of the region on an issued permit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    Suspend,
    Resume,
    /// With the code of a revocation ground from the rule set's list, as for permits.
    Revoke {
        ground: String,
    },
}

/// Suspends, resumes or revokes a permit, with the reason; a revocation names a ground of
/// the rule set's list, as for permits: the akimat's power of Art. 9(5), which names ICT
/// beside permits within the quota.
#[allow(clippy::too_many_arguments)]
pub fn measure<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    measure: &Measure,
    reason: &str,
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, &EmployerId) -> Result<(), E>,
    actor: &Actor,
) -> Result<PermitRow, E> {
    let row = load(conn, id, access)?.permit;
    LIFE.stale(&row, expected_version)?;
    let (event, action) = match measure {
        Measure::Suspend => (IctEvent::Suspend, "ict_permit.suspended"),
        Measure::Resume => (IctEvent::Resume, "ict_permit.resumed"),
        Measure::Revoke { .. } => (IctEvent::Revoke, "ict_permit.revoked"),
    };
    let to = ict::transition(row.status, event).map_err(illegal)?;
    let (ground, basis) = match measure {
        Measure::Revoke { ground } => {
            let (_, rules) = rules_on(conn, today)?;
            let g = rules
                .permit_grounds
                .revocation_ground(ground)
                .ok_or_else(|| {
                    CaseError::from(
                        Violation::new(ProblemCode::UnknownGround, ART_9_5).text("ground", ground),
                    )
                })?;
            (Some(ground.as_str()), format!("{}; {}", ART_9_5, g.article))
        }
        _ => (None, ART_9_5.cite().to_owned()),
    };
    let after = db::measure(conn, id, row.status, to, row.version, reason, ground, today)
        .map_err(CaseError::from)?
        .ok_or_else(|| LIFE.changed(id))?;
    LIFE.record(actor, action, Some(&row), &after, &basis)?;
    if to == IctState::Revoked {
        // Art. 35(1): an extension application hangs on its permit and ends with it.
        return Ok(end_extension_application(
            conn,
            after,
            "parent-revoked",
            actor,
        )?);
    }
    Ok(after)
}

/// One worker as the arrival notification describes them (Art. 35(3)(2)).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ArrivingWorker {
    pub worker_id: i64,
    pub full_name: String,
    pub education: String,
    pub qualification: String,
    pub speciality: String,
    pub experience_years: u32,
}

/// An arrival notification (Art. 35(3)).
#[derive(Debug, Clone)]
pub struct Notify {
    pub entry_date: NaiveDate,
    pub sending_country: CountryCode,
    pub sending_organisation: String,
    pub workers: Vec<ArrivingWorker>,
    pub term_from: NaiveDate,
    pub term_to: NaiveDate,
}

/// The employer notifies the arrival of workers of an issued permit on `today`; after ten
/// calendar days from entry it is accepted and marked late (Art. 35(3)).
pub fn notify_arrival<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Notify,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, &EmployerId) -> Result<(), E>,
    actor: &Actor,
) -> Result<(PermitRow, ArrivalRow), E> {
    let loaded = load(conn, id, access)?;
    let permit = &loaded.permit;
    if !permit.status.was_issued() {
        return Err(CaseError::rules(vec![Violation::new(
            ProblemCode::IctPermitNotIssued,
            ART_35_3,
        )
        .text("id", id)])
        .into());
    }
    let mut out = Vec::new();
    if cmd.entry_date > today {
        out.push(
            Violation::service_rule(ProblemCode::IctEntryInFuture).text("entry", cmd.entry_date),
        );
    }
    if cmd.term_to < cmd.term_from {
        out.push(Violation::service_rule(
            ProblemCode::ContractEndsBeforeStart,
        ));
    }
    if let Some(until) = permit.valid_until() {
        let from = permit
            .contract_start
            .max(permit.issued_on().unwrap_or(until));
        out.extend(ict::arrival_term_within(
            (cmd.term_from, cmd.term_to),
            from.min(until),
            until,
        ));
    }
    if cmd.sending_country.as_str() != permit.sender_country {
        out.push(
            Violation::service_rule(ProblemCode::IctArrivalSenderMismatch)
                .text("country", &cmd.sending_country)
                .text("sender", &permit.sender_country),
        );
    }
    let mut ids: Vec<i64> = Vec::new();
    for w in &cmd.workers {
        match loaded.workers.iter().find(|x| x.id == w.worker_id) {
            None => out.push(
                Violation::service_rule(ProblemCode::IctWorkerNotOnPermit)
                    .arg("worker", w.worker_id)
                    .text("id", id),
            ),
            Some(x) if x.arrival_id.is_some() || ids.contains(&x.id) => out.push(
                Violation::service_rule(ProblemCode::IctWorkerAlreadyNotified).arg("worker", x.id),
            ),
            Some(x) => ids.push(x.id),
        }
    }
    if !out.is_empty() {
        return Err(CaseError::rules(out).into());
    }
    let (_, rules) = rules_on(conn, today)?;
    let deadline = ict::arrival_deadline(&rules.ict, cmd.entry_date);
    let late = ict::arrival_late(&rules.ict, cmd.entry_date, today);
    let workers = serde_json::to_string(&cmd.workers).map_err(CaseError::from)?;
    let arrival = db::notify_arrival(
        conn,
        &db::NewArrival {
            permit_id: id,
            entry_date: cmd.entry_date,
            notified_on: today,
            deadline,
            late,
            sending_country: cmd.sending_country.as_str(),
            sending_organisation: &cmd.sending_organisation,
            workers: &workers,
            term_from: cmd.term_from,
            term_to: cmd.term_to,
        },
        &ids,
        actor,
    )
    .map_err(CaseError::from)?
    .ok_or_else(|| LIFE.changed(id))?;
    // What the permit shows changed (`arrivals`, `workers[].arrival_id`): so does its version.
    if !db::bump(conn, id, permit.version).map_err(CaseError::from)? {
        return Err(LIFE.changed(id).into());
    }
    audit::record(
        actor,
        audit::Change {
            action: "ict_permit.arrival_notified",
            entity_type: "ict_permit",
            entity_id: id.to_string(),
            region: Some(permit.region.as_str()),
            bin: Some(permit.bin.as_str()),
            before: None,
            after: Some(audit::snapshot(&arrival)?),
            legal_basis: ART_35_3.cite(),
        },
    )
    .map_err(CaseError::from)?;
    let permit = db::get(conn, id)
        .map_err(CaseError::from)?
        .ok_or_else(|| LIFE.changed(id))?;
    Ok((permit, arrival))
}

/// The employer records that a worker left Kazakhstan once the permit has ended — its last
/// day passed, or it was revoked — as for permits (Art. 28(2)(8)).
#[allow(clippy::too_many_arguments)]
pub fn record_departure<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    worker_id: i64,
    on: NaiveDate,
    evidence: &str,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, &EmployerId) -> Result<(), E>,
    actor: &Actor,
) -> Result<WorkerRow, E> {
    let loaded = load(conn, id, access)?;
    if !loaded.permit.status.was_issued() {
        return Err(CaseError::rules(vec![Violation::new(
            ProblemCode::IctPermitNotIssued,
            ART_28_2_8,
        )
        .text("id", id)])
        .into());
    }
    let Some(worker) = loaded.workers.iter().find(|w| w.id == worker_id) else {
        return Err(CaseError::rules(vec![Violation::service_rule(
            ProblemCode::IctWorkerNotOnPermit,
        )
        .arg("worker", worker_id)
        .text("id", id)])
        .into());
    };
    let until = loaded
        .permit
        .valid_until()
        .ok_or_else(|| LIFE.changed(id))?;
    let stay = loaded.permit.stay();
    if !ict::departure_owed(&stay, today) {
        if let (Some(on), Some(began)) = (stay.revoked_on, stay.term_began()) {
            // Revoked before its first day: no worker came on it.
            return Err(CaseError::from(
                Violation::new(ProblemCode::DepartureNotOwed, ART_28_2_8)
                    .text("start", began)
                    .text("ended", on),
            )
            .into());
        }
        return Err(CaseError::conflict(
            "ict-permit-not-ended",
            Message::new("conflict-ict-permit-not-ended")
                .text("id", id)
                .text("until", until),
        )
        .into());
    }
    if on > today {
        return Err(CaseError::rules(vec![Violation::service_rule(
            ProblemCode::IctDepartureInFuture,
        )
        .text("date", on)])
        .into());
    }
    if !db::depart(conn, id, worker_id, on, evidence, actor).map_err(CaseError::from)? {
        return Err(CaseError::conflict(
            "ict-departure-recorded",
            Message::new("conflict-ict-departure-recorded").arg("worker", worker_id),
        )
        .into());
    }
    // What the permit shows changed (`workers[].departed_on`): so does its version.
    if !db::bump(conn, id, loaded.permit.version).map_err(CaseError::from)? {
        return Err(LIFE.changed(id).into());
    }
    let mut after = worker.clone();
    after.departed_on = Some(on);
    after.departure_evidence = Some(evidence.to_owned());
    after.departure_recorded_by = Some(actor.sub.clone());
    audit::record(
        actor,
        audit::Change {
            action: "ict_permit.departure_recorded",
            entity_type: "ict_permit",
            entity_id: id.to_string(),
            region: Some(loaded.permit.region.as_str()),
            bin: Some(loaded.permit.bin.as_str()),
            before: Some(audit::snapshot(worker)?),
            after: Some(audit::snapshot(&after)?),
            legal_basis: ART_28_2_8.cite(),
        },
    )
    .map_err(CaseError::from)?;
    Ok(after)
}

#[cfg(test)]
mod tests {
    /// Art. 32(3), 33(4): ICT is outside the annual quota and pays no fee, so no ICT code
    /// may reach the quota ledger, the quota tables or the fee rules. The API tests show the
    /// ledger unchanged after an issue and an extension; this shows no path exists.
    #[test]
    fn art_32_3_33_4_no_ict_code_reaches_the_ledger_the_quota_or_fees() {
        let sources = [
            ("cases/ict.rs", include_str!("ict.rs")),
            ("db/ict.rs", include_str!("../db/ict.rs")),
            ("api/ict.rs", include_str!("../api/ict.rs")),
            ("domain/ict.rs", include_str!("../domain/ict.rs")),
        ];
        let forbidden = [
            ["ledger", "::"].concat(),
            ["fees", "::"].concat(),
            ["quota", "::"].concat(),
            ["quota_", "holds"].concat(),
            ["quota_", "ledger"].concat(),
            ["regional_", "quotas"].concat(),
            ["Quota", "Claim"].concat(),
        ];
        for (file, text) in sources {
            for f in &forbidden {
                assert!(!text.contains(f.as_str()), "{file} names {f}");
            }
        }
    }
}

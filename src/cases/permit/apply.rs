//! Filing an application (Art. 33(1), (5)) and withdrawing it before a decision.

use super::checks::{
    citizen_of, list_on, run_checks, workers_as_persons, workers_of_input, Engager, Subject,
    WorkerInput,
};
use super::record::{load, load_full, Access, Loaded};
use super::steps::{advance, check_version, illegal, record, release_all, rules_on};
use crate::cases::CaseError;
use crate::db::audit::Actor;
use crate::db::permits::{self as db, Move, NewPermit};
use crate::db::{worker_routes, Conn};
use crate::domain::article::*;
use crate::domain::dates::add_working_days;
use crate::domain::hold::Release;
use crate::domain::permit::checks::{self, Check};
use crate::domain::permit::{transition, PermitEvent, PermitKind};
use crate::domain::ruleset::TermUnit;
use crate::domain::ProblemCode;
use crate::domain::{quota, Category, EmployerId, RegionCode, Violation};
use chrono::{Datelike, NaiveDate};

/// An employer's application (Art. 33(1), (5)).
#[derive(Debug, Clone)]
pub struct Apply {
    pub bin: EmployerId,
    pub category: Category,
    pub profession: String,
    pub regions: Vec<RegionCode>,
    pub workers: Vec<WorkerInput>,
    pub term_unit: TermUnit,
    pub term_length: u32,
    pub start_date: NaiveDate,
    pub vacancy_code: Option<String>,
    pub vacancy_published_on: Option<NaiveDate>,
    pub replacement_months: Option<u32>,
}

/// Files an application (Art. 33(1), (5)): refused outright when nothing in it could be
/// permitted (every worker an EAEU citizen, Art. 2(3)), its term is one the category does
/// not allow (Art. 7(20)), a seasonal profession is not on the list (Art. 7(21-1)) or a
/// category-4 commitment is missing (Art. 33(2)); otherwise filed with every check stored.
pub fn apply(
    conn: &mut Conn,
    cmd: &Apply,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    crate::cases::known_regions(
        conn,
        cmd.regions
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("regions[{i}]"), r)),
    )?;
    let rules = rules_on(conn, today)?;
    let (profile, on_start) = db::profiles_on(conn, cmd.bin.as_str(), today, cmd.start_date)?;
    let engager = Engager::new(
        on_start.as_ref(),
        list_on(conn, cmd.start_date)?,
        cmd.category,
        cmd.start_date,
    )?;
    let workers = workers_of_input(conn, &cmd.workers, &engager)?;
    let mut refusals = workers_as_persons(&cmd.workers, cmd.start_date, today, &rules, "/workers");
    if !refusals.is_empty() {
        return Err(CaseError::rules(refusals));
    }
    if !workers.iter().any(|w| w.needs_permit) {
        // Nothing to permit: each worker is refused with the article of their own route.
        for w in &cmd.workers {
            let country = citizen_of(conn, w.citizenship.as_str())?;
            let answer = engager.route(&country, &w.education, &w.route, engager.listed(&w.route)?);
            refusals.extend(checks::why_no_permit(
                w.full_name_latin.as_str(),
                &w.citizenship,
                &answer,
            ));
        }
    }
    if cmd.start_date < today {
        refusals.push(
            Violation::service_rule(ProblemCode::StartDatePast)
                .text("start", cmd.start_date)
                .text("today", today),
        );
    }
    refusals.extend(quota::check_seasonal_profession(
        cmd.category,
        &cmd.profession,
        &rules.lists.seasonal_professions,
    ));
    let choice = rules
        .categories
        .iter()
        .find(|t| t.category == cmd.category)
        .map(|t| t.initial.clone());
    let hard = [
        choice
            .as_ref()
            .map(|c| checks::term_allowed(cmd.category, c, cmd.term_unit, cmd.term_length)),
        Some(checks::replacement_commitment(
            &rules.category_4_replacement,
            cmd.category,
            cmd.replacement_months,
        )),
    ];
    refusals.extend(checks::failures(
        &hard.into_iter().flatten().collect::<Vec<_>>(),
    ));
    let end_date = checks::end_date(cmd.start_date, cmd.term_unit, cmd.term_length);
    let Some(end_date) = end_date.filter(|_| refusals.is_empty()) else {
        return Err(CaseError::rules(refusals));
    };
    let subject = Subject {
        bin: &cmd.bin,
        category: cmd.category,
        year: cmd.start_date.year(),
        start_date: cmd.start_date,
        end_date,
        term_choice: choice.as_ref(),
        term_unit: cmd.term_unit,
        term_length: cmd.term_length,
        pending: cmd.regions.iter().collect(),
        workers: workers.iter().collect(),
        countries: &[],
        routes: cmd.workers.iter().map(|w| w.route.clone()).collect(),
        except: Vec::new(),
        labour_market: Some((today, cmd.vacancy_code.as_deref(), cmd.vacancy_published_on)),
        replacement_months: cmd.replacement_months,
        engager: &engager,
        profile: profile.as_ref(),
        quota_read: None,
        history_of: None,
    };
    let (found, _) = run_checks(conn, &subject, &rules, today)?;
    let mixed: Vec<Check> = found
        .iter()
        .filter(|c| c.finding.code == "country-quota-mixed")
        .cloned()
        .collect();
    if !checks::failures(&mixed).is_empty() {
        return Err(CaseError::rules(checks::failures(&mixed)));
    }
    let due = add_working_days(
        today,
        rules.deadlines.issue_decision_working_days,
        &rules.holidays,
    );
    let sector = profile.map(|p| p.sector).unwrap_or_default();
    let permit = db::insert_permit(
        conn,
        &NewPermit {
            kind: PermitKind::Permit,
            parent_id: None,
            bin: &cmd.bin,
            category: cmd.category,
            profession: &cmd.profession,
            term_unit: cmd.term_unit,
            term_length: i32::try_from(cmd.term_length).unwrap_or(i32::MAX),
            start_date: cmd.start_date,
            end_date,
            quota_year: cmd.start_date.year(),
            vacancy_code: cmd.vacancy_code.as_deref(),
            vacancy_published_on: cmd.vacancy_published_on,
            replacement_months: cmd
                .replacement_months
                .map(|m| i32::try_from(m).unwrap_or(i32::MAX)),
            checks: &serde_json::to_string(&found)?,
            decision_due: due,
            filed_on: today,
            sector: &sector,
        },
        actor,
    )?;
    for r in &cmd.regions {
        db::insert_region(conn, permit.id, r)?;
    }
    for (w, input) in workers.iter().zip(&cmd.workers) {
        let worker_id = db::insert_worker(conn, permit.id, w)?;
        if !input.route.is_none() {
            worker_routes::insert(
                conn,
                &worker_routes::RouteRow {
                    worker_id,
                    permanent_resident: input.route.permanent_resident,
                    first_head: input.route.first_head,
                    no_permit_list_category: input.route.no_permit_list_category.clone(),
                },
            )?;
        }
    }
    let loaded = load_full(conn, permit.id)?;
    record(
        conn,
        actor,
        &loaded,
        "permit.applied",
        None,
        &cite_all(&[ART_33_1, ART_33_5]),
    )?;
    Ok(loaded)
}

/// The employer withdraws its application before a decision (Art. 33(5)); quota any
/// region already holds for it comes back.
pub fn withdraw<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    expected_version: Option<i64>,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    check_version(&l, expected_version)?;
    let to = transition(l.permit.status, PermitEvent::Withdraw).map_err(illegal)?;
    advance(conn, &l, to, &Move::default())?;
    release_all(conn, &l, Release::Withdrawn, actor)?;
    let after = load_full(conn, id)?;
    record(
        conn,
        actor,
        &after,
        "permit.withdrawn",
        Some(&l),
        &cite_all(PermitEvent::Withdraw.legal_basis()),
    )?;
    Ok(after)
}

//! Re-issue for another foreigner in a worker's place, and the category-4 replacement
//! report (Art. 33(2)).

use super::checks::{
    citizen_of, others_naming, workers_as_persons, workers_of_input, Engager, WorkerInput,
};
use super::record::{changed, load, load_full, Access, Loaded};
use super::steps::{advance, check_version, claim_country, illegal, record, rules_on, stored};
use crate::cases::{follow, CaseError};
use crate::db::audit::Actor;
use crate::db::permits::{self as db, Move, WorkerRow};
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::permit::checks::{self, Qualification};
use crate::domain::permit::{transition, PermitEvent, PermitKind};
use crate::domain::person::PersonKey;
use crate::domain::ProblemCode;
use crate::domain::{Category, Message, Violation};
use chrono::NaiveDate;

/// A re-issue of a permit for another foreigner, as the employer asks it.
#[derive(Debug, Clone)]
pub struct Reissue {
    /// The worker who leaves (`workers[].id` of the permit).
    pub worker_id: i64,
    /// The foreigner who takes their place.
    pub newcomer: WorkerInput,
    /// The version the employer read (`If-Match`), if sent.
    pub expected_version: Option<i64>,
}

/// Re-issue for another foreigner (Order No. 279 under Art. 7(20); Art. 33(3)): on an
/// active permit, where the rule set allows, a worker who has neither left nor been
/// replaced gives way to a newcomer checked as an applicant's worker is (Art. 2(3),
/// 33(3), 33(7)), in the same occupation and country quota. The permit keeps its
/// employer, regions, term and units: nothing is held or released, no fee is assessed.
/// The worker replaced owes a departure (Art. 28(2)(8)).
pub fn reissue<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Reissue,
    today: NaiveDate,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    Ok(reissue_loaded(conn, l, cmd, today, actor)?)
}

pub(super) fn reissue_loaded(
    conn: &mut Conn,
    l: Loaded,
    cmd: &Reissue,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    let to = transition(l.state_on(today), PermitEvent::Reissue).map_err(illegal)?;
    check_version(&l, cmd.expected_version)?;
    let leaving = l
        .holding_workers()
        .find(|w| w.id == cmd.worker_id)
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-worker").text("id", cmd.worker_id))
        })?;
    let rules = rules_on(conn, today)?;
    let dates = workers_as_persons(
        std::slice::from_ref(&cmd.newcomer),
        today.max(l.permit.start_date),
        today,
        &rules,
        "/newcomer",
    );
    if !dates.is_empty() {
        return Err(CaseError::rules(dates));
    }
    let engager = Engager::of(conn, &l.permit.bin, l.permit.category, today)?;
    let newcomer = workers_of_input(conn, std::slice::from_ref(&cmd.newcomer), &engager)?
        .pop()
        .ok_or_else(|| changed(l.permit.id))?;
    let newcomer_of = citizen_of(conn, &newcomer.citizenship)?;
    let country = cmd.newcomer.citizenship.clone();
    let year = l.permit.quota_year;
    let held = claim_country(&l)
        .map(|c| db::country_left(conn, year, c.as_str()).map(|left| left.map(|_| c)))
        .transpose()?
        .flatten();
    let newcomer_quota = db::country_left(conn, year, country.as_str())?.map(|_| country.clone());
    let mut refusals = checks::reissue(
        &rules.permit_grounds.reissue,
        &checks::Reissue {
            leaving_occupation: &leaving.occupation_code,
            newcomer_occupation: &newcomer.occupation_code,
            newcomer_country: &country,
            newcomer_eaeu: newcomer_of.eaeu_member,
            held_country: held.as_ref(),
            newcomer_quota_country: newcomer_quota.as_ref(),
        },
    );
    let name = newcomer.full_name_latin.as_str();
    let key = |w: &WorkerRow| {
        PersonKey::of(
            &w.citizenship,
            &w.passport_number,
            &w.full_name_latin,
            w.birth_date,
        )
    };
    let newcomer_key = PersonKey::of(
        &newcomer.citizenship,
        &newcomer.passport_number,
        &newcomer.full_name_latin,
        newcomer.birth_date,
    );
    let named_here = l.workers.iter().any(|w| key(w).same(&newcomer_key));
    if named_here {
        let own = checks::OtherCase {
            permit: l.permit.id,
            own: true,
        };
        refusals.push(checks::worker_free(name, Some(own)).finding);
    }
    let mut except = vec![l.permit.id];
    except.extend(db::chain_of(conn, l.permit.id)?.iter().map(|p| p.id));
    // A re-issue takes effect at once, as an approval does: only a live permit naming the
    // newcomer refuses it (an application awaiting decision blocks nothing, and will fail
    // at its own decision), and the employer reads another employer's permit as such,
    // never by its id.
    let (live, _pending) = others_naming(conn, &newcomer, &l.permit.bin, &except, today)?;
    let found = vec![
        checks::qualification(
            &Qualification {
                worker: name,
                education: &newcomer.education,
                occupation_code: &newcomer.occupation_code,
                experience_years: stored(
                    "worker's experience",
                    Some(i64::from(newcomer.experience_years)),
                )?,
                reference: newcomer.qualification_ref.as_deref(),
            },
            l.permit.category,
        ),
        checks::worker_free(name, live),
    ];
    refusals.extend(checks::failures(&found).iter().map(Violation::for_employer));
    if !newcomer.needs_permit && !newcomer_of.eaeu_member {
        let facts = &cmd.newcomer.route;
        let answer = engager.route(
            &newcomer_of,
            &newcomer.education,
            facts,
            engager.listed_now(facts),
        );
        refusals.extend(checks::worker_route(name, &answer, true).map(|c| c.finding));
    }
    if !refusals.is_empty() {
        return Err(CaseError::rules(refusals));
    }
    advance(conn, &l, to, &Move::default())?;
    db::replace_worker(conn, l.permit.id, leaving.id, today, &newcomer, actor)?;
    follow::after_reissue(conn, &l, leaving, today, actor)?;
    let after = load_full(conn, l.permit.id)?;
    record(
        conn,
        actor,
        &after,
        "permit.reissued",
        Some(&l),
        &cite_all(PermitEvent::Reissue.legal_basis()),
    )?;
    Ok(after)
}

/// A Kazakh citizen hired to replace a category-4 foreign worker.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct HiredCitizen {
    pub iin: String,
    pub full_name: String,
    pub hired_on: NaiveDate,
}

/// Art. 33(2) with the ministry's category-4 duty: the employer reports, once, the Kazakh
/// citizens it hired to replace the foreigners of an issued category-4 permit — at least
/// as many as the permit's foreign workers, each hired by today. Until it does, a
/// permit whose replacement period has passed refuses the employer's new applications.
/// `expected_version`: the version the employer last read (`If-Match`); `None`: any.
pub fn report_replacement<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    citizens: &[HiredCitizen],
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    check_version(&l, expected_version)?;
    Ok(replacement_loaded(conn, l, citizens, today, actor)?)
}

pub(super) fn replacement_loaded(
    conn: &mut Conn,
    l: Loaded,
    citizens: &[HiredCitizen],
    today: NaiveDate,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    transition(l.state_on(today), PermitEvent::ReportReplacement).map_err(illegal)?;
    if l.permit.category != Category::QualifiedWorkers || l.permit.kind != PermitKind::Permit {
        return Err(
            Violation::new(ProblemCode::ReplacementNotCategory4, ART_33_2)
                .text("category", l.permit.category)
                .into(),
        );
    }
    if l.replacement.is_some() {
        return Err(CaseError::conflict(
            "replacement-reported",
            Message::new("conflict-replacement-reported").text("id", l.permit.id),
        ));
    }
    let hired: Vec<NaiveDate> = citizens.iter().map(|c| c.hired_on).collect();
    let foreign = l.holding_workers().count();
    checks::replacement_report(&hired, foreign, today)?;
    let row = db::ReplacementRow {
        permit_id: l.permit.id,
        bin: l.permit.bin.as_str().to_owned(),
        reported_on: today,
        citizens: serde_json::to_string(citizens)?,
        hired: i32::try_from(citizens.len()).unwrap_or(i32::MAX),
        created_at: actor.at,
        created_by: actor.sub.clone(),
    };
    if db::insert_replacement(conn, &row)? == 0 {
        return Err(changed(l.permit.id));
    }
    // What the permit shows changed (`replacement`): so does its version.
    db::bump(conn, l.permit.id, l.permit.version)?.ok_or_else(|| changed(l.permit.id))?;
    let after = load_full(conn, l.permit.id)?;
    record(
        conn,
        actor,
        &after,
        "permit.replacement_reported",
        Some(&l),
        ART_33_2.cite(),
    )?;
    Ok(after)
}

//! Employers' profiles and permit cases (Art. 33): one function per query. Every state
//! change is a conditional UPDATE on the row's state (and version) whose affected-row count
//! the caller checks.

use super::audit::Actor;
use super::reference::Country;
use super::schema::{
    country_quotas, employer_profiles, permit_details, permit_regions, permit_reissues,
    permit_replacements, permit_trips, permit_worker_routes, permit_workers, permits,
    regional_quotas, reopened_permits,
};
use super::worker_routes::RouteRow;
use super::AnyConnection;
use crate::domain::permit::{PermitKind, PermitState, RegionDecision};
use crate::domain::person::{name_key_sql, PersonKey};
use crate::domain::ruleset::TermUnit;
use crate::domain::search::SearchKeys;
use crate::domain::{Category, EmployerId, RegionCode};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// An employer's profile in force from `effective_from` (Art. 33(6)).
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = employer_profiles)]
pub struct ProfileRow {
    pub bin: String,
    pub effective_from: NaiveDate,
    pub name: String,
    pub legal_form: String,
    pub foreign_division: bool,
    pub sector: String,
    pub region: String,
    /// JSON of the staff per category.
    pub workforce: String,
    pub version: i64,
    pub updated_at: NaiveDateTime,
    pub updated_by: String,
    /// JSON of the employer's type (Art. 32(2)); `None` for an ordinary employer.
    pub employer_type: Option<String>,
    /// A small-business entity, as the employer states (Art. 33(6) exemption).
    pub small_business: bool,
}

/// A profile as the employer states it.
#[derive(Debug, Clone)]
pub struct NewProfile<'a> {
    pub bin: &'a EmployerId,
    pub effective_from: NaiveDate,
    pub name: &'a str,
    pub legal_form: &'a str,
    pub foreign_division: bool,
    pub sector: &'a str,
    pub region: &'a str,
    pub workforce: &'a str,
    pub employer_type: Option<&'a str>,
    pub small_business: bool,
}

/// The profile in force on `date`: the newest with `effective_from <= date`.
pub fn profile_on(
    conn: &mut AnyConnection,
    bin: &str,
    date: NaiveDate,
) -> QueryResult<Option<ProfileRow>> {
    employer_profiles::table
        .filter(employer_profiles::bin.eq(bin))
        .filter(employer_profiles::effective_from.le(date))
        .order(employer_profiles::effective_from.desc())
        .select(ProfileRow::as_select())
        .first(conn)
        .optional()
}

/// The profiles in force on `a` and on `b` (each the newest with `effective_from <=` its
/// day), in one read: the versions from the one in force on the earlier day up to the later
/// day, newest first, from which each day takes its own.
pub fn profiles_on(
    conn: &mut AnyConnection,
    bin: &str,
    a: NaiveDate,
    b: NaiveDate,
) -> QueryResult<(Option<ProfileRow>, Option<ProfileRow>)> {
    let (earlier, later) = (a.min(b), a.max(b));
    let older = diesel::alias!(employer_profiles as older);
    let floor = || {
        older
            .filter(older.field(employer_profiles::bin).eq(bin))
            .filter(older.field(employer_profiles::effective_from).le(earlier))
            .select(diesel::dsl::max(
                older.field(employer_profiles::effective_from),
            ))
            .single_value()
    };
    let rows: Vec<ProfileRow> = employer_profiles::table
        .filter(employer_profiles::bin.eq(bin))
        .filter(employer_profiles::effective_from.le(later))
        .filter(
            employer_profiles::effective_from
                .nullable()
                .ge(floor())
                .or(floor().is_null()),
        )
        .order(employer_profiles::effective_from.desc())
        .select(ProfileRow::as_select())
        .load(conn)?;
    let on = |day: NaiveDate| rows.iter().find(|p| p.effective_from <= day).cloned();
    Ok((on(a), on(b)))
}

/// Every profile of an employer, oldest first.
pub fn profile_history(conn: &mut AnyConnection, bin: &str) -> QueryResult<Vec<ProfileRow>> {
    employer_profiles::table
        .filter(employer_profiles::bin.eq(bin))
        .order(employer_profiles::effective_from.asc())
        .select(ProfileRow::as_select())
        .load(conn)
}

/// Writes the profile of a date: a new row, or the same date's row replaced when it is
/// still at `version` (`None`: no row of that date is expected). Returns the row, or
/// `None` when the row moved on (or appeared) concurrently.
pub fn put_profile(
    conn: &mut AnyConnection,
    p: &NewProfile<'_>,
    version: Option<i64>,
    actor: &Actor,
) -> QueryResult<Option<ProfileRow>> {
    let key = (p.bin.as_str(), p.effective_from);
    let n = match version {
        None => diesel::insert_into(employer_profiles::table)
            .values((
                employer_profiles::bin.eq(key.0),
                employer_profiles::effective_from.eq(key.1),
                employer_profiles::name.eq(p.name),
                employer_profiles::legal_form.eq(p.legal_form),
                employer_profiles::foreign_division.eq(p.foreign_division),
                employer_profiles::sector.eq(p.sector),
                employer_profiles::region.eq(p.region),
                employer_profiles::workforce.eq(p.workforce),
                employer_profiles::employer_type.eq(p.employer_type),
                employer_profiles::small_business.eq(p.small_business),
                employer_profiles::version.eq(1),
                employer_profiles::updated_at.eq(actor.at),
                employer_profiles::updated_by.eq(&actor.sub),
            ))
            .execute(conn)
            .or_else(|e| {
                if super::is_unique_violation(&e) {
                    Ok(0)
                } else {
                    Err(e)
                }
            })?,
        Some(v) => diesel::update(
            employer_profiles::table
                .find(key)
                .filter(employer_profiles::version.eq(v)),
        )
        .set((
            employer_profiles::name.eq(p.name),
            employer_profiles::legal_form.eq(p.legal_form),
            employer_profiles::foreign_division.eq(p.foreign_division),
            employer_profiles::sector.eq(p.sector),
            employer_profiles::region.eq(p.region),
            employer_profiles::workforce.eq(p.workforce),
            employer_profiles::employer_type.eq(p.employer_type),
            employer_profiles::small_business.eq(p.small_business),
            employer_profiles::version.eq(v + 1),
            employer_profiles::updated_at.eq(actor.at),
            employer_profiles::updated_by.eq(&actor.sub),
        ))
        .execute(conn)?,
    };
    if n == 0 {
        return Ok(None);
    }
    employer_profiles::table
        .find(key)
        .select(ProfileRow::as_select())
        .first(conn)
        .optional()
}

/// The profile of exactly `date`, if one was written.
pub fn profile_of_date(
    conn: &mut AnyConnection,
    bin: &str,
    date: NaiveDate,
) -> QueryResult<Option<ProfileRow>> {
    employer_profiles::table
        .find((bin, date))
        .select(ProfileRow::as_select())
        .first(conn)
        .optional()
}

/// A permit case as stored.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = permits)]
pub struct PermitRow {
    pub id: i64,
    #[diesel(deserialize_as = String)]
    pub kind: PermitKind,
    pub parent_id: Option<i64>,
    #[diesel(deserialize_as = String)]
    pub bin: EmployerId,
    #[diesel(deserialize_as = String)]
    pub category: Category,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub quota_year: i32,
    #[diesel(deserialize_as = String)]
    #[serde(serialize_with = "state_str")]
    pub status: PermitState,
    pub decision_due: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub end_ground: Option<String>,
    pub filed_on: NaiveDate,
    pub filed_at: NaiveDateTime,
    pub filed_by: String,
    pub version: i64,
}

/// What the employer asked for, and the checks last run, beside the case.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = permit_details)]
pub struct DetailRow {
    pub permit_id: i64,
    pub profession: String,
    #[diesel(deserialize_as = String)]
    pub term_unit: TermUnit,
    pub term_length: i32,
    pub vacancy_code: Option<String>,
    pub vacancy_published_on: Option<NaiveDate>,
    pub replacement_months: Option<i32>,
    /// JSON of the automatic checks, last run.
    #[serde(skip)]
    pub checks: String,
    pub end_note: Option<String>,
    pub suspension_reason: Option<String>,
    /// The permit's number, once issued (Art. 33(4)-(5)).
    pub number: Option<String>,
    /// The day it was issued: the day the last region's fee was paid.
    pub issued_on: Option<NaiveDate>,
    /// The employer's OKED section when it applied (counted in the statistics by it).
    pub sector: String,
}

fn state_str<S: serde::Serializer>(state: &PermitState, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(state.as_str())
}

/// A permit case as filed.
#[derive(Debug, Clone)]
pub struct NewPermit<'a> {
    pub kind: PermitKind,
    pub parent_id: Option<i64>,
    pub bin: &'a EmployerId,
    pub category: Category,
    pub profession: &'a str,
    pub term_unit: TermUnit,
    pub term_length: i32,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub quota_year: i32,
    pub vacancy_code: Option<&'a str>,
    pub vacancy_published_on: Option<NaiveDate>,
    pub replacement_months: Option<i32>,
    pub checks: &'a str,
    pub decision_due: NaiveDate,
    pub filed_on: NaiveDate,
    /// The employer's OKED section when it applied; empty without a profile.
    pub sector: &'a str,
}

pub fn insert_permit(
    conn: &mut AnyConnection,
    p: &NewPermit<'_>,
    actor: &Actor,
) -> QueryResult<PermitRow> {
    let row: PermitRow = diesel::insert_into(permits::table)
        .values((
            permits::kind.eq(p.kind.as_str()),
            permits::parent_id.eq(p.parent_id),
            permits::bin.eq(p.bin.as_str()),
            permits::category.eq(p.category.code()),
            permits::start_date.eq(p.start_date),
            permits::end_date.eq(p.end_date),
            permits::quota_year.eq(p.quota_year),
            permits::status.eq(PermitState::Applied.as_str()),
            permits::decision_due.eq(p.decision_due),
            permits::filed_on.eq(p.filed_on),
            permits::filed_at.eq(actor.at),
            permits::filed_by.eq(&actor.sub),
            permits::version.eq(1),
        ))
        .returning(permits::all_columns)
        .get_result(conn)?;
    diesel::insert_into(permit_details::table)
        .values((
            permit_details::permit_id.eq(row.id),
            permit_details::profession.eq(p.profession),
            permit_details::term_unit.eq(p.term_unit.as_str()),
            permit_details::term_length.eq(p.term_length),
            permit_details::vacancy_code.eq(p.vacancy_code),
            permit_details::vacancy_published_on.eq(p.vacancy_published_on),
            permit_details::replacement_months.eq(p.replacement_months),
            permit_details::checks.eq(p.checks),
            permit_details::sector.eq(p.sector),
        ))
        .execute(conn)?;
    Ok(row)
}

pub fn get(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<PermitRow>> {
    permits::table
        .find(id)
        .select(PermitRow::as_select())
        .first(conn)
        .optional()
}

/// A permit with what the employer asked for, in one read.
pub fn get_with_details(
    conn: &mut AnyConnection,
    id: i64,
) -> QueryResult<Option<(PermitRow, DetailRow)>> {
    permits::table
        .inner_join(permit_details::table)
        .filter(permits::id.eq(id))
        .select((PermitRow::as_select(), DetailRow::as_select()))
        .first(conn)
        .optional()
}

/// A permit case as one read returns it: the permit, its details, its regions (by code),
/// its workers (by id) with the route facts stated for each, the countries of their
/// citizenship (reference data), and the latest complaint that annulled one of its acts
/// (APPK Art. 91).
#[derive(Debug, Clone)]
pub struct CaseRows {
    pub permit: PermitRow,
    pub detail: DetailRow,
    pub regions: Vec<RegionRow>,
    pub workers: Vec<(WorkerRow, Option<RouteRow>)>,
    pub countries: Vec<Country>,
    pub reopened_by: Option<i64>,
}

/// One row of [`case_of`]'s join: a region and a worker of the permit (none when it names
/// none), the annulling complaint on every row.
type CaseRow = (
    PermitRow,
    DetailRow,
    Option<RegionRow>,
    Option<WorkerRow>,
    Option<RouteRow>,
    Option<Country>,
    Option<i64>,
);

/// Permit `id` with everything a command decides on, in one statement: the permit joined to
/// its details, to each named region and to each worker with the worker's route facts and
/// country (a row per region and worker, 1 x 1 for the usual case), and the latest complaint that
/// reconsidered or satisfied an appeal of its acts as a sub-select. `None`: no such permit.
pub fn case_of(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<CaseRows>> {
    use super::schema::{complaints, countries};
    use crate::domain::complaint::ComplaintState;
    let annulled = complaints::table
        .filter(complaints::permit_id.eq(id))
        .filter(complaints::state.eq_any([
            ComplaintState::Reconsidered.as_str(),
            ComplaintState::Satisfied.as_str(),
        ]))
        .order(complaints::id.desc())
        .select(complaints::id)
        .limit(1)
        .single_value();
    let rows: Vec<CaseRow> = permits::table
        .inner_join(permit_details::table)
        .left_join(permit_regions::table.on(permit_regions::permit_id.eq(permits::id)))
        .left_join(permit_workers::table.on(permit_workers::permit_id.eq(permits::id)))
        .left_join(
            permit_worker_routes::table.on(permit_worker_routes::worker_id.eq(permit_workers::id)),
        )
        .left_join(countries::table.on(countries::code.eq(permit_workers::citizenship)))
        .filter(permits::id.eq(id))
        .order((permit_regions::region, permit_workers::id))
        .select((
            PermitRow::as_select(),
            DetailRow::as_select(),
            Option::<RegionRow>::as_select(),
            Option::<WorkerRow>::as_select(),
            Option::<RouteRow>::as_select(),
            Option::<Country>::as_select(),
            annulled,
        ))
        .load(conn)?;
    let mut rows = rows.into_iter();
    let Some((permit, detail, region, worker, route, country, reopened_by)) = rows.next() else {
        return Ok(None);
    };
    let mut case = CaseRows {
        permit,
        detail,
        regions: region.into_iter().collect(),
        workers: worker.map(|w| (w, route)).into_iter().collect(),
        countries: country.into_iter().collect(),
        reopened_by,
    };
    for (_, _, region, worker, route, country, _) in rows {
        if let Some(r) = region.filter(|r| case.regions.iter().all(|k| k.region != r.region)) {
            case.regions.push(r);
        }
        if let Some(w) = worker.filter(|w| case.workers.iter().all(|(k, _)| k.id != w.id)) {
            case.workers.push((w, route));
        }
        if let Some(c) = country.filter(|c| case.countries.iter().all(|k| k.code != c.code)) {
            case.countries.push(c);
        }
    }
    case.workers.sort_by_key(|(w, _)| w.id);
    Ok(Some(case))
}

pub fn details(conn: &mut AnyConnection, id: i64) -> QueryResult<DetailRow> {
    permit_details::table
        .find(id)
        .select(DetailRow::as_select())
        .first(conn)
}

/// Stores the checks last run on a permit.
pub fn set_checks(conn: &mut AnyConnection, id: i64, checks: &str) -> QueryResult<()> {
    diesel::update(permit_details::table.find(id))
        .set(permit_details::checks.eq(checks))
        .execute(conn)
        .map(drop)
}

/// What a move of a permit writes besides its state.
#[derive(Debug, Clone, Default)]
pub struct Move<'a> {
    pub ended_on: Option<NaiveDate>,
    pub end_ground: Option<&'a str>,
    pub end_note: Option<&'a str>,
    /// `Some(None)` clears the suspension reason.
    pub suspension_reason: Option<Option<&'a str>>,
    pub checks: Option<&'a str>,
}

/// Moves a permit from `from` at `version` to `to`, bumping its version to `version + 1`;
/// `false` when it is no longer in that state and version (it moved on concurrently). The
/// caller knows the row it wrote: nothing is read back.
pub fn advance(
    conn: &mut AnyConnection,
    id: i64,
    from: PermitState,
    version: i64,
    to: PermitState,
    m: &Move<'_>,
) -> QueryResult<bool> {
    let target = permits::table
        .find(id)
        .filter(permits::status.eq(from.as_str()))
        .filter(permits::version.eq(version));
    // An ended permit gets its end date in the same statement (a CHECK requires it).
    let n = match m.ended_on {
        Some(d) => diesel::update(target)
            .set((
                permits::status.eq(to.as_str()),
                permits::version.eq(version + 1),
                permits::ended_on.eq(d),
                permits::end_ground.eq(m.end_ground),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set((
                permits::status.eq(to.as_str()),
                permits::version.eq(version + 1),
            ))
            .execute(conn)?,
    };
    if n == 0 {
        return Ok(false);
    }
    // An end's note, or a refusal's (which ends the application without an end date).
    if m.ended_on.is_some() || m.end_note.is_some() {
        diesel::update(permit_details::table.find(id))
            .set(permit_details::end_note.eq(m.end_note))
            .execute(conn)?;
    }
    if let Some(reason) = m.suspension_reason {
        diesel::update(permit_details::table.find(id))
            .set(permit_details::suspension_reason.eq(reason))
            .execute(conn)?;
    }
    if let Some(checks) = m.checks {
        set_checks(conn, id, checks)?;
    }
    Ok(true)
}

/// A region named in a permit: its decision, hold and fee.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = permit_regions)]
pub struct RegionRow {
    pub permit_id: i64,
    #[diesel(deserialize_as = String)]
    pub region: RegionCode,
    #[diesel(deserialize_as = String)]
    pub decision: RegionDecision,
    pub grounds: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub decided_by: Option<String>,
    pub hold_id: Option<i64>,
    pub fee_rate_mrp: Option<i32>,
    pub payment_due: Option<NaiveDate>,
    pub paid_tiyn: Option<i64>,
    pub mrp_tiyn: Option<i64>,
    pub paid_on: Option<NaiveDate>,
    pub payment_reference: Option<String>,
    /// The Kazakhstan date of the decision (`decided_at` read at the country's offset).
    pub decided_on: Option<NaiveDate>,
}

pub fn insert_region(
    conn: &mut AnyConnection,
    permit_id: i64,
    region: &RegionCode,
) -> QueryResult<()> {
    diesel::insert_into(permit_regions::table)
        .values((
            permit_regions::permit_id.eq(permit_id),
            permit_regions::region.eq(region.as_str()),
            permit_regions::decision.eq(RegionDecision::Pending.as_str()),
        ))
        .execute(conn)
        .map(drop)
}

pub fn regions_of(conn: &mut AnyConnection, permit_id: i64) -> QueryResult<Vec<RegionRow>> {
    permit_regions::table
        .filter(permit_regions::permit_id.eq(permit_id))
        .order(permit_regions::region)
        .select(RegionRow::as_select())
        .load(conn)
}

/// A region's approval: its hold and fee rate; only while pending. The fee's due date is
/// set by the last approval: in this same statement when `payment_due` is given (the
/// permit's only region), for every other approved region by [`fee_falls_due`].
pub struct Approval<'a> {
    pub hold_id: i64,
    pub fee_rate_mrp: i32,
    /// The last day to pay (Art. 33(4)), when this approval is the last.
    pub payment_due: Option<NaiveDate>,
    /// The Kazakhstan date of the approval: the first day a payment may be dated.
    pub on: NaiveDate,
    pub actor: &'a Actor,
}

pub fn approve_region(
    conn: &mut AnyConnection,
    permit_id: i64,
    region: &RegionCode,
    a: &Approval<'_>,
) -> QueryResult<usize> {
    diesel::update(
        permit_regions::table
            .find((permit_id, region.as_str()))
            .filter(permit_regions::decision.eq(RegionDecision::Pending.as_str())),
    )
    .set((
        permit_regions::decision.eq(RegionDecision::Approved.as_str()),
        permit_regions::decided_at.eq(a.actor.at),
        permit_regions::decided_on.eq(a.on),
        permit_regions::decided_by.eq(&a.actor.sub),
        permit_regions::hold_id.eq(a.hold_id),
        permit_regions::fee_rate_mrp.eq(a.fee_rate_mrp),
        permit_regions::payment_due.eq(a.payment_due),
    ))
    .execute(conn)
}

/// Art. 33(4): the last approval makes the fee due to every approved region on `due`.
pub fn fee_falls_due(
    conn: &mut AnyConnection,
    permit_id: i64,
    due: NaiveDate,
) -> QueryResult<usize> {
    diesel::update(
        permit_regions::table
            .filter(permit_regions::permit_id.eq(permit_id))
            .filter(permit_regions::decision.eq(RegionDecision::Approved.as_str())),
    )
    .set(permit_regions::payment_due.eq(due))
    .execute(conn)
}

pub fn refuse_region(
    conn: &mut AnyConnection,
    permit_id: i64,
    region: &RegionCode,
    grounds: &str,
    on: NaiveDate,
    actor: &Actor,
) -> QueryResult<usize> {
    diesel::update(
        permit_regions::table
            .find((permit_id, region.as_str()))
            .filter(permit_regions::decision.eq(RegionDecision::Pending.as_str())),
    )
    .set((
        permit_regions::decision.eq(RegionDecision::Refused.as_str()),
        permit_regions::grounds.eq(grounds),
        permit_regions::decided_at.eq(actor.at),
        permit_regions::decided_on.eq(on),
        permit_regions::decided_by.eq(&actor.sub),
    ))
    .execute(conn)
}

/// A fee payment to one region's budget (Art. 33(4)); only while unpaid.
pub struct Payment<'a> {
    pub paid_tiyn: i64,
    pub mrp_tiyn: i64,
    pub paid_on: NaiveDate,
    pub reference: &'a str,
}

pub fn pay_region(
    conn: &mut AnyConnection,
    permit_id: i64,
    region: &RegionCode,
    p: &Payment<'_>,
) -> QueryResult<usize> {
    diesel::update(
        permit_regions::table
            .find((permit_id, region.as_str()))
            .filter(permit_regions::decision.eq(RegionDecision::Approved.as_str()))
            .filter(permit_regions::paid_tiyn.is_null()),
    )
    .set((
        permit_regions::paid_tiyn.eq(p.paid_tiyn),
        permit_regions::mrp_tiyn.eq(p.mrp_tiyn),
        permit_regions::paid_on.eq(p.paid_on),
        permit_regions::payment_reference.eq(p.reference),
    ))
    .execute(conn)
}

/// A worker named in a permit.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = permit_workers)]
pub struct WorkerRow {
    pub id: i64,
    pub permit_id: i64,
    pub full_name_latin: String,
    pub full_name_cyrillic: Option<String>,
    pub citizenship: String,
    pub passport_number: String,
    pub passport_expiry: NaiveDate,
    pub birth_date: NaiveDate,
    pub education: String,
    pub profession: String,
    pub occupation_code: String,
    pub experience_years: i32,
    pub qualification_ref: Option<String>,
    pub needs_permit: bool,
    pub departed_on: Option<NaiveDate>,
    pub departure_evidence: Option<String>,
}

/// A worker as the application names them.
#[derive(Debug, Clone)]
pub struct NewWorker {
    pub full_name_latin: String,
    pub full_name_cyrillic: Option<String>,
    pub citizenship: String,
    pub passport_number: String,
    pub passport_expiry: NaiveDate,
    pub birth_date: NaiveDate,
    pub education: String,
    pub profession: String,
    pub occupation_code: String,
    pub experience_years: i32,
    pub qualification_ref: Option<String>,
    pub needs_permit: bool,
}

pub fn insert_worker(conn: &mut AnyConnection, permit_id: i64, w: &NewWorker) -> QueryResult<i64> {
    diesel::insert_into(permit_workers::table)
        .values((
            permit_workers::permit_id.eq(permit_id),
            permit_workers::full_name_latin.eq(&w.full_name_latin),
            permit_workers::full_name_cyrillic.eq(&w.full_name_cyrillic),
            permit_workers::citizenship.eq(&w.citizenship),
            permit_workers::passport_number.eq(&w.passport_number),
            permit_workers::passport_expiry.eq(w.passport_expiry),
            permit_workers::birth_date.eq(w.birth_date),
            permit_workers::education.eq(&w.education),
            permit_workers::profession.eq(&w.profession),
            permit_workers::occupation_code.eq(&w.occupation_code),
            permit_workers::experience_years.eq(w.experience_years),
            permit_workers::qualification_ref.eq(&w.qualification_ref),
            permit_workers::needs_permit.eq(w.needs_permit),
        ))
        .returning(permit_workers::id)
        .get_result(conn)
}

/// A re-issue: the worker replaced, the newcomer in their place, the day.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = permit_reissues)]
pub struct ReissueRow {
    pub replaced_id: i64,
    pub newcomer_id: i64,
    pub permit_id: i64,
    pub reissued_on: NaiveDate,
    pub created_at: NaiveDateTime,
    pub created_by: String,
}

/// Re-issue: names `newcomer` in place of `leaving` on `on`. The replaced worker's key
/// refuses a second replacement of the same worker (a unique violation, which the
/// caller's compare-and-set on the permit's version comes before).
pub fn replace_worker(
    conn: &mut AnyConnection,
    permit_id: i64,
    leaving: i64,
    on: NaiveDate,
    newcomer: &NewWorker,
    actor: &Actor,
) -> QueryResult<i64> {
    let newcomer_id = insert_worker(conn, permit_id, newcomer)?;
    diesel::insert_into(permit_reissues::table)
        .values((
            permit_reissues::replaced_id.eq(leaving),
            permit_reissues::newcomer_id.eq(newcomer_id),
            permit_reissues::permit_id.eq(permit_id),
            permit_reissues::reissued_on.eq(on),
            permit_reissues::created_at.eq(actor.at),
            permit_reissues::created_by.eq(&actor.sub),
        ))
        .execute(conn)?;
    Ok(newcomer_id)
}

/// The permit's re-issues, oldest first.
pub fn reissues_of(conn: &mut AnyConnection, permit_id: i64) -> QueryResult<Vec<ReissueRow>> {
    permit_reissues::table
        .filter(permit_reissues::permit_id.eq(permit_id))
        .order(permit_reissues::created_at)
        .select(ReissueRow::as_select())
        .load(conn)
}

/// The permit's workers, by id, each with the route facts the application stated for them
/// (none stored: none stated), in one read.
pub fn workers_with_routes(
    conn: &mut AnyConnection,
    permit_id: i64,
) -> QueryResult<Vec<(WorkerRow, Option<RouteRow>)>> {
    permit_workers::table
        .left_join(permit_worker_routes::table)
        .filter(permit_workers::permit_id.eq(permit_id))
        .order(permit_workers::id)
        .select((WorkerRow::as_select(), Option::<RouteRow>::as_select()))
        .load(conn)
}

pub fn workers_of(conn: &mut AnyConnection, permit_id: i64) -> QueryResult<Vec<WorkerRow>> {
    permit_workers::table
        .filter(permit_workers::permit_id.eq(permit_id))
        .order(permit_workers::id)
        .select(WorkerRow::as_select())
        .load(conn)
}

/// Records a worker's departure once (Art. 28(2)(8)).
pub fn record_departure(
    conn: &mut AnyConnection,
    permit_id: i64,
    worker_id: i64,
    on: NaiveDate,
    evidence: &str,
) -> QueryResult<usize> {
    diesel::update(
        permit_workers::table
            .find(worker_id)
            .filter(permit_workers::permit_id.eq(permit_id))
            .filter(permit_workers::departed_on.is_null()),
    )
    .set((
        permit_workers::departed_on.eq(on),
        permit_workers::departure_evidence.eq(evidence),
    ))
    .execute(conn)
}

/// A permit that names a person: its id, its employer, and whether a region has approved
/// it (then it is live, Art. 33(3); until then it is an application awaiting decision).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamingPermit {
    pub id: i64,
    pub bin: String,
    pub approved: bool,
}

/// The permits other than `except`, not ended by `today`, that name the person `key`
/// (the same nationality and passport number, or the same nationality, name key and date
/// of birth; [`PersonKey`]) as a worker who holds a unit: those approved and not ended
/// (awaiting payment, active, suspended, or applied with a region's approval) and the
/// applications still awaiting every decision. Oldest first.
pub fn permits_naming_person(
    conn: &mut AnyConnection,
    key: &PersonKey,
    except: &[i64],
    today: NaiveDate,
) -> QueryResult<Vec<NamingPermit>> {
    use diesel::dsl::{exists, sql};
    use diesel::sql_types::Text;
    let open: Vec<&str> = [
        PermitState::Applied,
        PermitState::AwaitingPayment,
        PermitState::Active,
        PermitState::Suspended,
    ]
    .into_iter()
    .map(PermitState::as_str)
    .collect();
    let name_key = sql::<Text>(&name_key_sql("permit_workers.full_name_latin"));
    let approved_somewhere = exists(
        permit_regions::table
            .filter(permit_regions::permit_id.eq(permits::id))
            .filter(permit_regions::decision.eq(RegionDecision::Approved.as_str())),
    );
    let rows: Vec<(i64, String, String, bool)> = permit_workers::table
        .inner_join(permits::table)
        .filter(permit_workers::citizenship.eq(&key.citizenship))
        .filter(
            permit_workers::passport_number
                .eq(&key.passport)
                .or(name_key
                    .eq(&key.name_key)
                    .and(permit_workers::birth_date.eq(key.birth_date))),
        )
        .filter(permit_workers::needs_permit.eq(true))
        .filter(diesel::dsl::not(permit_workers::id.eq_any(
            permit_reissues::table.select(permit_reissues::replaced_id),
        )))
        .filter(permits::status.eq_any(open))
        .filter(permits::end_date.ge(today))
        .filter(permits::id.ne_all(except.to_vec()))
        .select((
            permits::id,
            permits::bin,
            permits::status,
            approved_somewhere,
        ))
        .order(permits::id)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, bin, status, approved)| NamingPermit {
            id,
            bin,
            approved: approved || status != PermitState::Applied.as_str(),
        })
        .collect())
}

/// Writes the permit's row without changing it, so that this transaction holds its row
/// lock until it ends (PostgreSQL; SQLite has one writer at a time).
pub fn touch(conn: &mut AnyConnection, id: i64) -> QueryResult<usize> {
    diesel::update(permits::table.find(id))
        .set(permits::version.eq(permits::version))
        .execute(conn)
}

/// The extensions before this case in its chain: how many ancestors it has.
pub fn chain_of(conn: &mut AnyConnection, id: i64) -> QueryResult<Vec<PermitRow>> {
    let mut out = Vec::new();
    let mut next = Some(id);
    while let Some(i) = next {
        match get(conn, i)? {
            Some(row) => {
                next = row.parent_id;
                out.push(row);
            }
            None => break,
        }
    }
    Ok(out)
}

/// Extensions filed on a permit that are not refused or withdrawn.
pub fn open_extensions(conn: &mut AnyConnection, parent: i64) -> QueryResult<Vec<i64>> {
    permits::table
        .filter(permits::parent_id.eq(parent))
        .filter(permits::status.ne_all(vec![
            PermitState::Refused.as_str(),
            PermitState::Withdrawn.as_str(),
            PermitState::Lapsed.as_str(),
        ]))
        .select(permits::id)
        .load(conn)
}

/// The states of an extension not yet issued: it awaits a decision or its fee, and ends
/// with the permit it extends (Art. 33(2)).
const PENDING: [PermitState; 2] = [PermitState::Applied, PermitState::AwaitingPayment];

/// The extensions of `parent` not yet issued, oldest first.
pub fn pending_extensions(conn: &mut AnyConnection, parent: i64) -> QueryResult<Vec<i64>> {
    permits::table
        .filter(permits::parent_id.eq(parent))
        .filter(permits::status.eq_any(PENDING.map(PermitState::as_str)))
        .order(permits::id)
        .select(permits::id)
        .load(conn)
}

/// Every extension not yet issued, with the permit it extends, its state and last day:
/// the scheduled job ends those whose parent has ended (Art. 33(2)).
pub fn pending_extensions_with_parents(
    conn: &mut AnyConnection,
) -> QueryResult<Vec<(i64, PermitRow)>> {
    let pending: Vec<(i64, Option<i64>)> = permits::table
        .filter(permits::kind.eq(PermitKind::Extension.as_str()))
        .filter(permits::status.eq_any(PENDING.map(PermitState::as_str)))
        .order(permits::id)
        .select((permits::id, permits::parent_id))
        .load(conn)?;
    let ids: Vec<i64> = pending.iter().filter_map(|(_, p)| *p).collect();
    let parents: Vec<PermitRow> = permits::table
        .filter(permits::id.eq_any(ids))
        .select(PermitRow::as_select())
        .load(conn)?;
    Ok(pending
        .into_iter()
        .filter_map(|(id, parent)| {
            let row = parents.iter().find(|p| Some(p.id) == parent)?;
            Some((id, row.clone()))
        })
        .collect())
}

/// Moves the permit's version on without changing its state: a change of what the permit
/// shows (a departure, a replacement report) that no move of its state carries. `None`
/// when it is no longer at `version`.
pub fn bump(conn: &mut AnyConnection, id: i64, version: i64) -> QueryResult<Option<i64>> {
    let n = diesel::update(permits::table.find(id).filter(permits::version.eq(version)))
        .set(permits::version.eq(version + 1))
        .execute(conn)?;
    Ok((n == 1).then_some(version + 1))
}

/// A business trip (Art. 33(3)).
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = permit_trips)]
pub struct TripRow {
    pub id: i64,
    pub permit_id: i64,
    pub worker_id: i64,
    pub bin: String,
    pub passport_number: String,
    pub host_region: String,
    pub host_organisation: String,
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
    pub created_at: NaiveDateTime,
    pub created_by: String,
}

/// A trip as the employer reports it.
pub struct NewTrip<'a> {
    pub permit_id: i64,
    pub worker_id: i64,
    pub bin: &'a str,
    pub passport_number: &'a str,
    pub host_region: &'a str,
    pub host_organisation: &'a str,
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
}

pub fn insert_trip(
    conn: &mut AnyConnection,
    t: &NewTrip<'_>,
    actor: &Actor,
) -> QueryResult<TripRow> {
    diesel::insert_into(permit_trips::table)
        .values((
            permit_trips::permit_id.eq(t.permit_id),
            permit_trips::worker_id.eq(t.worker_id),
            permit_trips::bin.eq(t.bin),
            permit_trips::passport_number.eq(t.passport_number),
            permit_trips::host_region.eq(t.host_region),
            permit_trips::host_organisation.eq(t.host_organisation),
            permit_trips::from_date.eq(t.from_date),
            permit_trips::to_date.eq(t.to_date),
            permit_trips::created_at.eq(actor.at),
            permit_trips::created_by.eq(&actor.sub),
        ))
        .returning(permit_trips::all_columns)
        .get_result(conn)
}

pub fn trips_of(conn: &mut AnyConnection, permit_id: i64) -> QueryResult<Vec<TripRow>> {
    permit_trips::table
        .filter(permit_trips::permit_id.eq(permit_id))
        .order(permit_trips::id)
        .select(TripRow::as_select())
        .load(conn)
}

/// A worker's trips with one employer, any permit.
pub fn trips_of_worker(
    conn: &mut AnyConnection,
    bin: &str,
    passport: &str,
) -> QueryResult<Vec<(NaiveDate, NaiveDate)>> {
    permit_trips::table
        .filter(permit_trips::bin.eq(bin))
        .filter(permit_trips::passport_number.eq(passport))
        .select((permit_trips::from_date, permit_trips::to_date))
        .load(conn)
}

/// Units of a region's allocation left for a category and year (0 without a row).
pub fn regional_left(
    conn: &mut AnyConnection,
    year: i32,
    region: &RegionCode,
    category: Category,
) -> QueryResult<i64> {
    let row: Option<(i64, i64, i64)> = regional_quotas::table
        .find((year, region.as_str(), category.code()))
        .select((
            regional_quotas::allocated,
            regional_quotas::held,
            regional_quotas::used,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map_or(0, |(a, h, u)| a - h - u))
}

/// What the quota checks of a decision read, in one statement of three sub-selects: the
/// units of `region`'s allocation of `category` left in `year` (0 without a row), those of
/// `country`'s country-of-origin quota (`None` when it has none, or none is asked) and the
/// fault a ledger check found in the year's figures, if any (`quota_year_faults`).
pub fn quota_facts(
    conn: &mut AnyConnection,
    year: i32,
    region: &RegionCode,
    category: Category,
    country: Option<&str>,
) -> QueryResult<(i64, Option<i64>, Option<String>)> {
    use super::schema::quota_year_faults;
    let regional = regional_quotas::table
        .find((year, region.as_str(), category.code()))
        .select(regional_quotas::allocated - regional_quotas::held - regional_quotas::used)
        .single_value();
    let country = country_quotas::table
        .find((year, country.unwrap_or_default()))
        .select(country_quotas::total - country_quotas::held - country_quotas::used)
        .single_value();
    let fault = quota_year_faults::table
        .find(year)
        .select(quota_year_faults::detail)
        .single_value();
    let (regional, country, fault): (Option<i64>, Option<i64>, Option<String>) =
        diesel::select((regional, country, fault)).get_result(conn)?;
    Ok((regional.unwrap_or(0), country, fault))
}

/// Units of a country-of-origin quota left for a year; `None` when the country has none.
pub fn country_left(
    conn: &mut AnyConnection,
    year: i32,
    country: &str,
) -> QueryResult<Option<i64>> {
    let row: Option<(i64, i64, i64)> = country_quotas::table
        .find((year, country))
        .select((
            country_quotas::total,
            country_quotas::held,
            country_quotas::used,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|(t, h, u)| t - h - u))
}

/// Filters of the permit listing; `region` and `bin` also carry the caller's own scope.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub region: Option<RegionCode>,
    pub bin: Option<EmployerId>,
    pub statuses: Option<Vec<&'static str>>,
    pub category: Option<Category>,
    pub filed_from: Option<NaiveDate>,
    pub filed_to: Option<NaiveDate>,
    pub due_by: Option<NaiveDate>,
    /// Only applications whose decision in `region` is still pending.
    pub pending_in_region: bool,
    pub after_id: Option<i64>,
    /// For the deadline order: continue after this (deadline, id).
    pub after_due: Option<(NaiveDate, i64)>,
    /// Only cases a satisfied complaint reopened (`Some(true)`) or only the others.
    pub reopened: Option<bool>,
    /// Only cases one search term finds (the console's search box).
    pub search: Option<SearchKeys>,
    pub limit: i64,
}

diesel::define_sql_function! {
    /// SQL `lower(text)`: ASCII on SQLite, the database's locale on PostgreSQL.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

type Db = <AnyConnection as Connection>::Backend;
type Narrowed<'a> = permits::BoxedQuery<'a, Db>;
/// The permits `f` asks for, in no order and without its page (the id or deadline to
/// continue after and the limit).
fn narrowed(f: &Filter) -> Narrowed<'static> {
    let mut q = permits::table.into_boxed();
    if let Some(r) = &f.region {
        let decisions = if f.pending_in_region {
            vec![RegionDecision::Pending.as_str()]
        } else {
            RegionDecision::ALL.map(RegionDecision::as_str).to_vec()
        };
        let sub = permit_regions::table
            .filter(permit_regions::region.eq(r.as_str().to_owned()))
            .filter(permit_regions::decision.eq_any(decisions))
            .select(permit_regions::permit_id);
        q = q.filter(permits::id.eq_any(sub));
    }
    if let Some(b) = &f.bin {
        q = q.filter(permits::bin.eq(b.as_str().to_owned()));
    }
    if let Some(s) = &f.statuses {
        q = q.filter(permits::status.eq_any(s.clone()));
    }
    if let Some(c) = f.category {
        q = q.filter(permits::category.eq(c.code()));
    }
    if let Some(d) = f.filed_from {
        q = q.filter(permits::filed_on.ge(d));
    }
    if let Some(d) = f.filed_to {
        q = q.filter(permits::filed_on.le(d));
    }
    if let Some(d) = f.due_by {
        q = q.filter(permits::decision_due.le(d));
    }
    // APPK Art. 91(3)-(4): the cases a satisfied complaint put back before their akimat.
    let reopened = reopened_permits::table.select(reopened_permits::permit_id);
    match f.reopened {
        Some(true) => q = q.filter(permits::id.eq_any(reopened)),
        Some(false) => q = q.filter(permits::id.ne_all(reopened)),
        None => {}
    }
    if let Some(k) = &f.search {
        // One term, six keys: case id (0, which no case has, when the term is no number),
        // permit number, BIN, employer name, worker's passport number or Latin name.
        let numbered = permit_details::table
            .filter(permit_details::number.eq(k.exact.clone()))
            .select(permit_details::permit_id);
        let named = employer_profiles::table
            .filter(lower(employer_profiles::name).like(k.name_like.clone()))
            .select(employer_profiles::bin);
        let by_worker = permit_workers::table
            .filter(
                permit_workers::passport_number
                    .eq(k.passport.clone().unwrap_or_default())
                    .or(permit_workers::full_name_latin.like(k.latin_like.clone())),
            )
            .select(permit_workers::permit_id);
        q = q.filter(
            permits::id
                .eq(k.id.unwrap_or(0))
                .or(permits::bin.eq(k.exact.clone()))
                .or(permits::id.eq_any(numbered))
                .or(permits::bin.eq_any(named))
                .or(permits::id.eq_any(by_worker)),
        );
    }
    q
}

/// Permits by id, or (for officials' queues) by decision deadline, overdue first.
pub fn list(
    conn: &mut AnyConnection,
    f: &Filter,
    by_deadline: bool,
) -> QueryResult<Vec<PermitRow>> {
    let mut q = narrowed(f).limit(f.limit);
    q = if by_deadline {
        q.order((permits::decision_due, permits::id))
    } else {
        q.order(permits::id)
    };
    if let Some(id) = f.after_id {
        q = q.filter(permits::id.gt(id));
    }
    if let Some((due, id)) = f.after_due {
        q = q.filter(
            permits::decision_due
                .gt(due)
                .or(permits::decision_due.eq(due).and(permits::id.gt(id))),
        );
    }
    q.select(PermitRow::as_select()).load(conn)
}

/// How many permits `f` asks for, on every page.
pub fn count(conn: &mut AnyConnection, f: &Filter) -> QueryResult<i64> {
    narrowed(f).count().get_result(conn)
}

/// Permits awaiting payment with a region whose fee is past due on `today`.
pub fn overdue_unpaid(conn: &mut AnyConnection, today: NaiveDate) -> QueryResult<Vec<i64>> {
    let sub = permit_regions::table
        .filter(permit_regions::decision.eq(RegionDecision::Approved.as_str()))
        .filter(permit_regions::paid_tiyn.is_null())
        .filter(permit_regions::payment_due.lt(today))
        .select(permit_regions::permit_id);
    permits::table
        .filter(permits::status.eq(PermitState::AwaitingPayment.as_str()))
        .filter(permits::id.eq_any(sub))
        .select(permits::id)
        .order(permits::id)
        .load(conn)
}

/// A worker whose departure is owed and not recorded (Art. 28(2)(8)), with the permit and
/// the day the worker was replaced on it, if they were. Narrowed here to workers of
/// permits issued whose term had begun (revoked or returned on or after its first day,
/// expired, or the worker replaced on or after it); [`departure_owed`] decides each row.
///
/// [`departure_owed`]: crate::domain::permit::departure_owed
pub fn departures_owed(
    conn: &mut AnyConnection,
    region: Option<&RegionCode>,
    today: NaiveDate,
) -> QueryResult<Vec<(WorkerRow, PermitRow, Option<NaiveDate>)>> {
    let ended = vec![
        PermitState::Revoked.as_str(),
        PermitState::Returned.as_str(),
    ];
    let running = vec![
        PermitState::Active.as_str(),
        PermitState::Suspended.as_str(),
    ];
    let mut q = permit_workers::table
        .inner_join(permits::table)
        .left_join(permit_reissues::table.on(permit_reissues::replaced_id.eq(permit_workers::id)))
        .filter(permit_workers::needs_permit.eq(true))
        .filter(permit_workers::departed_on.is_null())
        .filter(
            permits::status
                .eq_any(ended)
                .and(permits::ended_on.ge(permits::start_date.nullable()))
                .or(permits::status
                    .eq_any(running)
                    .and(permits::end_date.lt(today)))
                .or(permit_reissues::reissued_on
                    .nullable()
                    .ge(permits::start_date.nullable())),
        )
        // An extension that ended with its parent (Art. 33(2)) names the parent's workers,
        // who owe their departure on the parent, once.
        .filter(
            permits::end_ground
                .is_null()
                .or(permits::end_ground.not_like("parent-%")),
        )
        .select((
            WorkerRow::as_select(),
            PermitRow::as_select(),
            permit_reissues::reissued_on.nullable(),
        ))
        .order(permit_workers::id)
        .into_boxed();
    if let Some(r) = region {
        let sub = permit_regions::table
            .filter(permit_regions::region.eq(r.as_str().to_owned()))
            .select(permit_regions::permit_id);
        q = q.filter(permits::id.eq_any(sub));
    }
    let rows: Vec<(WorkerRow, PermitRow, Option<NaiveDate>)> = q.load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, p, replaced_on)| {
            crate::domain::permit::departure_owed(&crate::domain::permit::Stay {
                state: p.status.at(p.end_date, today),
                start: p.start_date,
                ended_on: p.ended_on,
                replaced_on: *replaced_on,
            })
        })
        .collect())
}

/// A category-4 permit's replacement report (Art. 33(2)).
#[derive(Debug, Clone, Queryable, Insertable, serde::Serialize)]
#[diesel(table_name = permit_replacements)]
pub struct ReplacementRow {
    pub permit_id: i64,
    pub bin: String,
    pub reported_on: NaiveDate,
    pub citizens: String,
    pub hired: i32,
    pub created_at: NaiveDateTime,
    pub created_by: String,
}

/// Stores the report once: 0 rows when the permit already has one.
pub fn insert_replacement(conn: &mut AnyConnection, row: &ReplacementRow) -> QueryResult<usize> {
    let exists = permit_replacements::table
        .find(row.permit_id)
        .count()
        .get_result::<i64>(conn)?;
    if exists > 0 {
        return Ok(0);
    }
    diesel::insert_into(permit_replacements::table)
        .values(row)
        .execute(conn)
}

/// The permit's replacement report, if any.
pub fn replacement_of(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<ReplacementRow>> {
    permit_replacements::table.find(id).first(conn).optional()
}

/// Gives a permit its number and day of issue, once: 0 rows when it already has one.
pub fn set_number(
    conn: &mut AnyConnection,
    id: i64,
    number: &str,
    issued_on: NaiveDate,
) -> QueryResult<usize> {
    diesel::update(
        permit_details::table
            .find(id)
            .filter(permit_details::number.is_null()),
    )
    .set((
        permit_details::number.eq(number),
        permit_details::issued_on.eq(issued_on),
    ))
    .execute(conn)
}

/// Whether a number is already given (numbers are random: a draw may repeat one).
pub fn number_taken(conn: &mut AnyConnection, number: &str) -> QueryResult<bool> {
    let n = permit_details::table
        .filter(permit_details::number.eq(number))
        .count()
        .get_result::<i64>(conn)?;
    Ok(n > 0)
}

/// The permit that carries `number`, if any.
pub fn id_by_number(conn: &mut AnyConnection, number: &str) -> QueryResult<Option<i64>> {
    permit_details::table
        .filter(permit_details::number.eq(number))
        .select(permit_details::permit_id)
        .first(conn)
        .optional()
}

//! Self-employment certificates (Art. 34) and employers' reports of their holders'
//! employment (Art. 28(2)(10)). Nothing here touches the quota ledger.

use super::audit::Actor;
use super::schema::{
    self_employment_certificates as c, self_employment_decisions as d, self_employment_reports as r,
};
use super::AnyConnection;
use crate::domain::certificate::{Arrival, CertificateState, ReportKind};
use crate::domain::{EmployerId, RegionCode};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A certificate's application as stored, typed at the edge.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = c)]
struct Applied {
    id: i64,
    #[diesel(deserialize_as = String)]
    region: RegionCode,
    #[diesel(deserialize_as = String)]
    channel: Arrival,
    mission_country: Option<String>,
    full_name: String,
    passport_number: String,
    citizenship: String,
    iin: Option<String>,
    occupation_code: String,
    profession: String,
    higher_education: bool,
    experience_years: i32,
    applied_on: NaiveDate,
    rule_set_version: i64,
    #[diesel(deserialize_as = String)]
    status: CertificateState,
    version: i64,
}

/// The akimat's decision and the extension, as stored.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = d)]
pub struct DecisionRow {
    #[serde(skip)]
    pub certificate_id: i64,
    pub issued_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// The note of a refusal ('' when none was written).
    pub refusal_reason: Option<String>,
    /// The codes of a refusal's grounds from the rule set's `case_grounds`, as a JSON
    /// array; none for a refusal recorded before grounds were listed.
    pub refusal_grounds: Option<String>,
    pub decided_at: NaiveDateTime,
    pub decided_by: String,
    pub contract_bin: Option<String>,
    pub contract_start: Option<NaiveDate>,
    pub contract_end: Option<NaiveDate>,
    pub extended_on: Option<NaiveDate>,
}

/// A certificate: the application and, once decided, the decision.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CertificateRow {
    pub id: i64,
    pub region: RegionCode,
    pub channel: Arrival,
    pub mission_country: Option<String>,
    pub full_name: String,
    pub passport_number: String,
    pub citizenship: String,
    pub iin: Option<String>,
    pub occupation_code: String,
    pub profession: String,
    pub higher_education: bool,
    pub experience_years: i32,
    pub applied_on: NaiveDate,
    pub rule_set_version: i64,
    #[serde(serialize_with = "state_str")]
    pub status: CertificateState,
    pub version: i64,
    /// `None` until the akimat decides.
    pub decision: Option<DecisionRow>,
}

impl CertificateRow {
    /// The day the certificate was issued, once it was.
    pub fn issued_on(&self) -> Option<NaiveDate> {
        self.decision.as_ref().and_then(|d| d.issued_on)
    }

    /// The last day of validity, once issued (the contract's end once extended).
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.decision.as_ref().and_then(|d| d.valid_until)
    }

    fn of(a: Applied, decision: Option<DecisionRow>) -> CertificateRow {
        CertificateRow {
            id: a.id,
            region: a.region,
            channel: a.channel,
            mission_country: a.mission_country,
            full_name: a.full_name,
            passport_number: a.passport_number,
            citizenship: a.citizenship,
            iin: a.iin,
            occupation_code: a.occupation_code,
            profession: a.profession,
            higher_education: a.higher_education,
            experience_years: a.experience_years,
            applied_on: a.applied_on,
            rule_set_version: a.rule_set_version,
            status: a.status,
            version: a.version,
            decision,
        }
    }
}

/// An employer's report of a holder's employment.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = r)]
pub struct ReportRow {
    pub id: i64,
    pub certificate_id: i64,
    #[diesel(deserialize_as = String)]
    pub bin: EmployerId,
    #[diesel(deserialize_as = String)]
    pub kind: ReportKind,
    pub on_date: NaiveDate,
    pub past_validity: bool,
    pub reported_at: NaiveDateTime,
    pub reported_by: String,
}

/// An application as the akimat registers it.
#[derive(Debug, Clone)]
pub struct NewCertificate<'a> {
    pub region: &'a RegionCode,
    pub channel: Arrival,
    pub mission_country: Option<&'a str>,
    pub full_name: &'a str,
    pub passport_number: &'a str,
    pub citizenship: &'a str,
    pub iin: Option<&'a str>,
    pub occupation_code: &'a str,
    pub profession: &'a str,
    pub higher_education: bool,
    pub experience_years: i32,
    pub applied_on: NaiveDate,
    pub rule_set_version: i64,
}

pub fn apply(conn: &mut AnyConnection, n: &NewCertificate<'_>) -> QueryResult<CertificateRow> {
    let a: Applied = diesel::insert_into(c::table)
        .values((
            c::region.eq(n.region.as_str()),
            c::channel.eq(n.channel.as_str()),
            c::mission_country.eq(n.mission_country),
            c::full_name.eq(n.full_name),
            c::passport_number.eq(n.passport_number),
            c::citizenship.eq(n.citizenship),
            c::iin.eq(n.iin),
            c::occupation_code.eq(n.occupation_code),
            c::profession.eq(n.profession),
            c::higher_education.eq(n.higher_education),
            c::experience_years.eq(n.experience_years),
            c::applied_on.eq(n.applied_on),
            c::rule_set_version.eq(n.rule_set_version),
            c::status.eq(CertificateState::Applied.as_str()),
            c::version.eq(1),
        ))
        .returning(c::all_columns)
        .get_result(conn)?;
    Ok(CertificateRow::of(a, None))
}

pub fn get(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<CertificateRow>> {
    let Some(a) = c::table
        .find(id)
        .select(Applied::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let decision = d::table
        .find(id)
        .select(DecisionRow::as_select())
        .first(conn)
        .optional()?;
    Ok(Some(CertificateRow::of(a, decision)))
}

/// Moves a certificate from `from` at `version` to `to`; `false` when it is no longer
/// there (another decision came first).
fn advance(
    conn: &mut AnyConnection,
    id: i64,
    from: CertificateState,
    to: CertificateState,
    version: i64,
) -> QueryResult<bool> {
    super::lifecycle::advance!(conn, c, id, from, to, version)
}

/// APPK Art. 91(3), (4): a refusal annulled on a complaint: the certificate moves from
/// `from` at `version` to `to` (awaiting the akimat's decision again, Art. 34(1)) and the
/// refusal's decision row goes, so that it is decided anew. `None` when it moved on
/// concurrently.
pub fn reopen(
    conn: &mut AnyConnection,
    id: i64,
    from: CertificateState,
    to: CertificateState,
    version: i64,
) -> QueryResult<Option<()>> {
    if !advance(conn, id, from, to, version)? {
        return Ok(None);
    }
    diesel::delete(d::table.filter(d::certificate_id.eq(id))).execute(conn)?;
    Ok(Some(()))
}

/// A decision: the state it moves to and what it sets.
pub type Decision<'a> = super::lifecycle::Decision<'a, CertificateState>;

/// Records a decision if the certificate is still in `from` at `version`; `None` if not.
pub fn decide(
    conn: &mut AnyConnection,
    id: i64,
    from: CertificateState,
    version: i64,
    dec: &Decision<'_>,
    actor: &Actor,
) -> QueryResult<Option<CertificateRow>> {
    if !advance(conn, id, from, dec.to, version)? {
        return Ok(None);
    }
    diesel::insert_into(d::table)
        .values((
            d::certificate_id.eq(id),
            d::issued_on.eq(dec.issued_on),
            d::valid_until.eq(dec.valid_until),
            d::refusal_reason.eq(dec.refusal_reason),
            d::refusal_grounds.eq(dec.refusal_grounds.as_deref()),
            d::decided_at.eq(actor.at),
            d::decided_by.eq(&actor.sub),
        ))
        .execute(conn)?;
    get(conn, id)
}

/// The extension: the labour contract and the new last day.
#[derive(Debug, Clone)]
pub struct Extension<'a> {
    pub contract_bin: &'a EmployerId,
    pub contract_start: NaiveDate,
    pub contract_end: NaiveDate,
    pub extended_on: NaiveDate,
    pub valid_until: NaiveDate,
}

/// Records an extension if the certificate is still issued at `version`; `None` if not.
pub fn extend(
    conn: &mut AnyConnection,
    id: i64,
    version: i64,
    e: &Extension<'_>,
) -> QueryResult<Option<CertificateRow>> {
    if !advance(
        conn,
        id,
        CertificateState::Issued,
        CertificateState::Extended,
        version,
    )? {
        return Ok(None);
    }
    diesel::update(d::table.find(id))
        .set((
            d::contract_bin.eq(e.contract_bin.as_str()),
            d::contract_start.eq(e.contract_start),
            d::contract_end.eq(e.contract_end),
            d::extended_on.eq(e.extended_on),
            d::valid_until.eq(e.valid_until),
        ))
        .execute(conn)?;
    get(conn, id)
}

/// Certificates, oldest first; `region` and `reported_by` carry the caller's scope.
/// How many certificates `region` has (every region's when `None`), in `status` when
/// given: the console's total.
pub fn count(
    conn: &mut AnyConnection,
    region: Option<&RegionCode>,
    status: Option<CertificateState>,
) -> QueryResult<i64> {
    let mut q = c::table.select(diesel::dsl::count_star()).into_boxed();
    if let Some(region) = region {
        q = q.filter(c::region.eq(region.as_str()));
    }
    if let Some(status) = status {
        q = q.filter(c::status.eq(status.as_str()));
    }
    q.first(conn)
}

/// Where a page of the console's certificate list starts: after the certificate `id` in
/// the order of filing, or after (`valid_until`, `id`) in the order of deadlines (`None`:
/// among those with no last day yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    Filed(i64),
    Deadline(Option<NaiveDate>, i64),
}

/// A page of the console's certificate list: the region (every region's when `None`), the
/// status (any when `None`), deadlines first or filing order, where it starts, how many.
#[derive(Debug, Clone)]
pub struct Page {
    pub region: Option<RegionCode>,
    pub status: Option<CertificateState>,
    pub by_deadline: bool,
    pub after: Option<After>,
    pub limit: i64,
}

/// Certificates of `page`: in the order of filing, or by deadline — the certificate's last
/// day (`valid_until`, by which an issued one must be extended, Art. 34(1), (3)) soonest
/// first, then those with none (awaiting a decision, refused) oldest first.
pub fn page(conn: &mut AnyConnection, page: &Page) -> QueryResult<Vec<CertificateRow>> {
    let mut q = c::table
        .left_join(d::table)
        .select(Applied::as_select())
        .limit(page.limit)
        .into_boxed();
    if let Some(region) = &page.region {
        q = q.filter(c::region.eq(region.as_str()));
    }
    if let Some(status) = page.status {
        q = q.filter(c::status.eq(status.as_str()));
    }
    q = match page.after {
        None => q,
        Some(After::Filed(id)) => q.filter(c::id.gt(id)),
        Some(After::Deadline(Some(day), id)) => q.filter(
            d::valid_until
                .gt(day)
                .or(d::valid_until.eq(day).and(c::id.gt(id)))
                .or(d::valid_until.is_null()),
        ),
        Some(After::Deadline(None, id)) => q.filter(d::valid_until.is_null().and(c::id.gt(id))),
    };
    q = if page.by_deadline {
        q.order((d::valid_until.is_null(), d::valid_until, c::id))
    } else {
        q.order(c::id)
    };
    let applied: Vec<Applied> = q.load(conn)?;
    with_decisions(conn, applied)
}

/// The rows of `applied` with their decisions, in the same order (one read).
fn with_decisions(
    conn: &mut AnyConnection,
    applied: Vec<Applied>,
) -> QueryResult<Vec<CertificateRow>> {
    let ids: Vec<i64> = applied.iter().map(|a| a.id).collect();
    let mut decisions: std::collections::HashMap<i64, DecisionRow> = d::table
        .filter(d::certificate_id.eq_any(&ids))
        .select(DecisionRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|dr| (dr.certificate_id, dr))
        .collect();
    Ok(applied
        .into_iter()
        .map(|a| {
            let dec = decisions.remove(&a.id);
            CertificateRow::of(a, dec)
        })
        .collect())
}

pub fn list(
    conn: &mut AnyConnection,
    region: Option<&RegionCode>,
    reported_by: Option<&EmployerId>,
    after_id: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<CertificateRow>> {
    let mut q = c::table
        .select(Applied::as_select())
        .order(c::id)
        .limit(limit)
        .into_boxed();
    if let Some(region) = region {
        q = q.filter(c::region.eq(region.as_str()));
    }
    if let Some(bin) = reported_by {
        let reported: Vec<i64> = r::table
            .filter(r::bin.eq(bin.as_str()))
            .select(r::certificate_id)
            .distinct()
            .load(conn)?;
        q = q.filter(c::id.eq_any(reported));
    }
    if let Some(id) = after_id {
        q = q.filter(c::id.gt(id));
    }
    let applied: Vec<Applied> = q.load(conn)?;
    with_decisions(conn, applied)
}

/// An employer's report.
#[derive(Debug, Clone)]
pub struct NewReport<'a> {
    pub certificate_id: i64,
    pub bin: &'a EmployerId,
    pub kind: ReportKind,
    pub on_date: NaiveDate,
    pub past_validity: bool,
}

/// Moves the certificate's version on without changing its state: a report shown with it
/// (`employment`) that no move of its state carries; `false` when it is no longer at
/// `version`.
pub fn bump(conn: &mut AnyConnection, id: i64, version: i64) -> QueryResult<bool> {
    let n = diesel::update(c::table.find(id).filter(c::version.eq(version)))
        .set(c::version.eq(version + 1))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn report(
    conn: &mut AnyConnection,
    n: &NewReport<'_>,
    actor: &Actor,
) -> QueryResult<ReportRow> {
    diesel::insert_into(r::table)
        .values((
            r::certificate_id.eq(n.certificate_id),
            r::bin.eq(n.bin.as_str()),
            r::kind.eq(n.kind.as_str()),
            r::on_date.eq(n.on_date),
            r::past_validity.eq(n.past_validity),
            r::reported_at.eq(actor.at),
            r::reported_by.eq(&actor.sub),
        ))
        .returning(r::all_columns)
        .get_result(conn)
}

/// The employment history of a certificate, oldest first.
pub fn reports(conn: &mut AnyConnection, certificate_id: i64) -> QueryResult<Vec<ReportRow>> {
    r::table
        .filter(r::certificate_id.eq(certificate_id))
        .order(r::id)
        .select(ReportRow::as_select())
        .load(conn)
}

fn state_str<S: serde::Serializer>(state: &CertificateState, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(state.as_str())
}

//! The foreigners an employer already engages on this service's permits and ICT permits,
//! which the ratios of Art. 33(6) and 35(4) count besides the staff its profile declares.

use super::audit::HistoryLine;
use super::permits::NamingPermit;
use super::schema::{ict_decisions as d, ict_permits as ip, ict_workers as iw};
use super::{AnyConnection, Backend};
use crate::domain::ict::IctState;
use crate::domain::permit::{PermitKind, PermitState, RegionDecision};
use crate::domain::person::{name_key_sql, PersonKey};
use crate::domain::Category;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Integer, Nullable, Text, Timestamp};

/// The term a case asks foreigners to share a day with (Art. 33(6)), and the permits whose
/// workers are the case's own.
#[derive(Debug, Clone, Copy)]
pub struct Window<'a> {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub except: &'a [i64],
}

/// What the checks of Art. 33(2) and (6) read of an employer's cases, in one statement.
#[derive(Debug, Clone, Default)]
pub struct EmployerFacts {
    /// The foreign workers of its live permits — approved by every region and not ended
    /// (awaiting payment, active or suspended) and not past their end on `today` — whose
    /// term shares a day with the window, leaving out the window's `except`: the permit's
    /// category code and the worker's passport, once each. A worker replaced on a re-issue,
    /// one who departed and one who needs no permit are not counted.
    pub on_permits: Vec<(String, String)>,
    /// The workers of its live ICT permits — issued or suspended, not past their last day
    /// on `today` — valid on a day of the window: each one's position and passport, once
    /// each. A worker who departed is not counted.
    pub on_ict_permits: Vec<(String, String)>,
    /// The latest day a permit of the employer was revoked on one of the barring grounds.
    pub last_barring_revocation: Option<NaiveDate>,
    /// Its category-4 permits that were issued and whose replacement commitment is not
    /// reported met (id, start date, replacement months), by id.
    pub unreported_replacements: Vec<(i64, NaiveDate, Option<i32>)>,
    /// For each person asked, in order, the open permits other than the window's `except`
    /// that name them (any employer's, as [`permits_naming_person`] finds them), oldest
    /// first.
    pub naming: Vec<Vec<NamingPermit>>,
    /// The stored history of the permit asked for (a decision answers with it), oldest
    /// first; empty when none was asked.
    pub history: Vec<HistoryLine>,
}

/// The permit whose stored history a decision reads with its facts, and at most how many
/// lines.
#[derive(Debug, Clone, Copy)]
pub struct HistoryOf {
    pub permit: i64,
    pub limit: i64,
}

/// A row of [`employer_facts`]: which part it answers (1 a permit's worker, 2 an ICT
/// permit's worker, 3 a permit of the employer's record, 4 a permit naming a person: its
/// employer in `code`, the person's place in `months`, whether approved in `barred`; 5 a
/// line of the permit's history: its action in `code`, actor in `passport`, event id in
/// `permit_id`) and that part's columns.
#[derive(QueryableByName)]
struct FactRow {
    #[diesel(sql_type = Integer)]
    part: i32,
    #[diesel(sql_type = Nullable<Text>)]
    code: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    passport: Option<String>,
    #[diesel(sql_type = Nullable<BigInt>)]
    permit_id: Option<i64>,
    #[diesel(sql_type = Nullable<Date>)]
    start_date: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Integer>)]
    months: Option<i32>,
    #[diesel(sql_type = Nullable<Date>)]
    ended_on: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Bool>)]
    barred: Option<bool>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    at: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Text>)]
    role: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    basis: Option<String>,
}

/// Parameter `n` (from 1) as each database numbers it; a number may be used twice.
fn mark(backend: Backend, n: usize) -> String {
    match backend {
        Backend::Postgres => format!("${n}"),
        Backend::Sqlite => format!("?{n}"),
    }
}

/// `(m, m+1, …)`: `len` parameters from number `first`; `None` for none.
fn marks(backend: Backend, first: usize, len: usize) -> Option<String> {
    (len > 0).then(|| {
        let list: Vec<String> = (first..first + len).map(|n| mark(backend, n)).collect();
        format!("({})", list.join(", "))
    })
}

/// A part's column it leaves empty, typed as the first part's (PostgreSQL types a
/// `UNION`'s columns by it).
const NO_DAY: &str = "CAST(NULL AS DATE)";
const NO_MONTHS: &str = "CAST(NULL AS INTEGER)";
const NO_FLAG: &str = "CAST(NULL AS BOOLEAN)";
const NO_TEXT: &str = "CAST(NULL AS TEXT)";
const NO_AT: &str = "CAST(NULL AS TIMESTAMP)";

fn quoted(values: &[&str]) -> String {
    let q: Vec<String> = values.iter().map(|s| format!("'{s}'")).collect();
    q.join(", ")
}

/// [`EmployerFacts`] of `bin` on `today`: the foreigners on its live permits and ICT permits
/// sharing a day with `window`, its record of revocations on the `barring` grounds and of
/// unreported category-4 replacements, and the open cases naming each of `persons` (Art.
/// 33(3)) — one statement of four parts (`UNION ALL`) on both databases, where each was a
/// statement of its own (the ICT permits' three, one per person); with `history_of`, a
/// fifth part reads that permit's stored history, which a decision answers with (issue 20:
/// one statement fewer than reading it after the decision's event). A decision asks it
/// after writing the rows of the cases naming its workers ([`super::permits::touch`]): on
/// PostgreSQL the statement's snapshot then sees a concurrent approval of the same person.
pub fn employer_facts(
    conn: &mut AnyConnection,
    bin: &str,
    window: Window<'_>,
    barring: &[String],
    persons: &[PersonKey],
    today: NaiveDate,
    history_of: Option<HistoryOf>,
) -> QueryResult<EmployerFacts> {
    let backend = match conn {
        AnyConnection::Postgresql(_) => Backend::Postgres,
        AnyConnection::Sqlite(_) => Backend::Sqlite,
    };
    let live = quoted(
        &[
            PermitState::AwaitingPayment,
            PermitState::Active,
            PermitState::Suspended,
        ]
        .map(PermitState::as_str),
    );
    let ict_live = quoted(&[IctState::Issued, IctState::Suspended].map(IctState::as_str));
    let issued: Vec<&str> = PermitState::ALL
        .into_iter()
        .filter(|s| s.was_issued())
        .map(|s| s.as_str())
        .collect();
    let issued = quoted(&issued);
    let [bin_m, today_m, from_m, to_m] = [1, 2, 3, 4].map(|n| mark(backend, n));
    let except = marks(backend, 5, window.except.len())
        .map(|l| format!(" AND p.id NOT IN {l}"))
        .unwrap_or_default();
    let barred = marks(backend, 5 + window.except.len(), barring.len())
        .map(|l| {
            format!(
                "(p.status = '{}' AND p.end_ground IN {l})",
                PermitState::Revoked.as_str()
            )
        })
        .unwrap_or_else(|| "(1 = 0)".to_owned());
    let open = quoted(
        &[
            PermitState::Applied,
            PermitState::AwaitingPayment,
            PermitState::Active,
            PermitState::Suspended,
        ]
        .map(PermitState::as_str),
    );
    let first_person = 5 + window.except.len() + barring.len();
    let naming: String = (0..persons.len())
        .map(|i| {
            let [c, passport, name, born] =
                [0, 1, 2, 3].map(|k| mark(backend, first_person + 4 * i + k));
            format!(
                " UNION ALL \
                 SELECT 4, p.bin, p.status, p.id, CAST(NULL AS DATE), CAST({i} AS INTEGER), \
                   CAST(NULL AS DATE), (p.status <> '{applied}' OR EXISTS (SELECT 1 \
                   FROM permit_regions r WHERE r.permit_id = p.id AND r.decision = '{approved}')), \
                   {no_at}, {no_text}, {no_text} \
                 FROM permit_workers w JOIN permits p ON p.id = w.permit_id \
                 WHERE w.citizenship = {c} AND (w.passport_number = {passport} \
                   OR ({name_key} = {name} AND w.birth_date = {born})) \
                   AND w.needs_permit = TRUE \
                   AND w.id NOT IN (SELECT replaced_id FROM permit_reissues) \
                   AND p.status IN ({open}) AND p.end_date >= {today_m}{except}",
                applied = PermitState::Applied.as_str(),
                approved = RegionDecision::Approved.as_str(),
                name_key = name_key_sql("w.full_name_latin"),
                no_at = NO_AT,
                no_text = NO_TEXT,
            )
        })
        .collect();
    let history_first = first_person + 4 * persons.len();
    let history = history_of
        .map(|_| {
            let [entity, limit] = [0, 1].map(|k| mark(backend, history_first + k));
            format!(
                " UNION ALL \
                 SELECT 5, e.action, e.actor, e.id, {no_day}, {no_months}, {no_day}, \
                   {no_flag}, e.occurred_at, e.role, e.legal_basis \
                 FROM (SELECT id, action, actor, occurred_at, role, legal_basis \
                   FROM audit_events WHERE entity_type = 'permit' AND entity_id = {entity} \
                   AND action <> '{read}' ORDER BY id LIMIT {limit}) e",
                read = super::audit::PERSONAL_DATA_READ,
                no_day = NO_DAY,
                no_months = NO_MONTHS,
                no_flag = NO_FLAG,
            )
        })
        .unwrap_or_default();
    let sql = format!(
        "SELECT DISTINCT 1 AS part, p.category AS code, w.passport_number AS passport, \
           {no_id} AS permit_id, {no_day} AS start_date, {no_months} AS months, \
           {no_day} AS ended_on, {no_flag} AS barred, {no_at} AS at, {no_text} AS role, \
           {no_text} AS basis \
         FROM permit_workers w JOIN permits p ON p.id = w.permit_id \
         WHERE p.bin = {bin_m} AND p.status IN ({live}) AND p.end_date >= {today_m} \
           AND p.end_date >= {from_m} AND p.start_date <= {to_m}{except} \
           AND w.needs_permit = TRUE AND w.departed_on IS NULL \
           AND w.id NOT IN (SELECT replaced_id FROM permit_reissues) \
         UNION ALL \
         SELECT DISTINCT 2, iw.position, iw.passport_number, {no_id}, {no_day}, {no_months}, \
           {no_day}, {no_flag}, {no_at}, {no_text}, {no_text} \
         FROM ict_workers iw JOIN ict_permits ip ON ip.id = iw.permit_id \
           JOIN ict_decisions d ON d.permit_id = ip.id \
         WHERE ip.bin = {bin_m} AND ip.status IN ({ict_live}) \
           AND d.valid_until >= {today_m} AND d.valid_until >= {from_m} \
           AND d.issued_on <= {to_m} AND iw.departed_on IS NULL \
         UNION ALL \
         SELECT 3, {no_text}, {no_text}, p.id, p.start_date, d.replacement_months, \
           p.ended_on, {barred}, {no_at}, {no_text}, {no_text} \
         FROM permits p JOIN permit_details d ON d.permit_id = p.id \
           LEFT JOIN permit_replacements x ON x.permit_id = p.id \
         WHERE p.bin = {bin_m} AND ((p.kind = '{kind}' AND p.category = '{four}' \
           AND p.status IN ({issued}) AND x.permit_id IS NULL) OR {barred}){naming}{history} \
         ORDER BY 1, 4, 2, 3",
        kind = PermitKind::Permit.as_str(),
        four = Category::QualifiedWorkers.code(),
        no_id = "CAST(NULL AS BIGINT)",
        no_day = NO_DAY,
        no_months = NO_MONTHS,
        no_flag = NO_FLAG,
        no_text = NO_TEXT,
        no_at = NO_AT,
    );
    let mut q = diesel::sql_query(sql)
        .into_boxed::<<AnyConnection as Connection>::Backend>()
        .bind::<Text, _>(bin.to_owned())
        .bind::<Date, _>(today)
        .bind::<Date, _>(window.from)
        .bind::<Date, _>(window.to);
    for id in window.except {
        q = q.bind::<BigInt, _>(*id);
    }
    for ground in barring {
        q = q.bind::<Text, _>(ground.clone());
    }
    for key in persons {
        q = q
            .bind::<Text, _>(key.citizenship.clone())
            .bind::<Text, _>(key.passport.clone())
            .bind::<Text, _>(key.name_key.clone())
            .bind::<Date, _>(key.birth_date);
    }
    if let Some(h) = history_of {
        q = q
            .bind::<Text, _>(h.permit.to_string())
            .bind::<BigInt, _>(h.limit);
    }
    let rows: Vec<FactRow> = q.load(conn)?;
    let mut facts = EmployerFacts {
        naming: vec![Vec::new(); persons.len()],
        ..EmployerFacts::default()
    };
    for r in rows {
        match (r.part, r.code, r.passport, r.permit_id, r.start_date) {
            (1, Some(code), Some(passport), _, _) => facts.on_permits.push((code, passport)),
            (2, Some(position), Some(passport), _, _) => {
                facts.on_ict_permits.push((position, passport));
            }
            (3, ..) if r.barred == Some(true) => {
                facts.last_barring_revocation = facts.last_barring_revocation.max(r.ended_on);
            }
            (3, _, _, Some(id), Some(start)) => {
                facts.unreported_replacements.push((id, start, r.months));
            }
            (4, Some(bin), _, Some(id), _) => {
                let person = r.months.and_then(|i| usize::try_from(i).ok());
                if let Some(found) = person.and_then(|i| facts.naming.get_mut(i)) {
                    found.push(NamingPermit {
                        id,
                        bin,
                        approved: r.barred == Some(true),
                    });
                }
            }
            (5, Some(action), Some(actor), _, _) => {
                if let (Some(occurred_at), Some(role), Some(legal_basis)) = (r.at, r.role, r.basis)
                {
                    facts.history.push(HistoryLine {
                        occurred_at,
                        action,
                        actor,
                        role,
                        legal_basis,
                    });
                }
            }
            _ => {}
        }
    }
    Ok(facts)
}

/// The workers of `bin`'s live ICT permits — issued or suspended, not past their last day
/// on `today` — valid on a day of `from..=to`, leaving out permit `except`: each worker's
/// position and passport. A worker who departed is not counted.
pub fn on_live_ict_permits(
    conn: &mut AnyConnection,
    bin: &str,
    from: NaiveDate,
    to: NaiveDate,
    except: Option<i64>,
    today: NaiveDate,
) -> QueryResult<Vec<(String, String)>> {
    let live = [IctState::Issued, IctState::Suspended].map(IctState::as_str);
    let mut mine = ip::table
        .filter(ip::bin.eq(bin))
        .filter(ip::status.eq_any(live))
        .select(ip::id)
        .into_boxed();
    if let Some(id) = except {
        mine = mine.filter(ip::id.ne(id));
    }
    let mine: Vec<i64> = mine.load(conn)?;
    if mine.is_empty() {
        return Ok(Vec::new());
    }
    let valid: Vec<i64> = d::table
        .filter(d::permit_id.eq_any(&mine))
        .filter(d::valid_until.ge(today))
        .filter(d::valid_until.ge(from))
        .filter(d::issued_on.le(to))
        .select(d::permit_id)
        .load(conn)?;
    iw::table
        .filter(iw::permit_id.eq_any(&valid))
        .filter(iw::departed_on.is_null())
        .select((iw::position, iw::passport_number))
        .distinct()
        .load(conn)
}

//! Statistics for the ministry (Art. 36, 37(4)): the permit counters, kept by the commands
//! in the transaction of each change (`cases::statistics`), the reports read from them, and
//! the recount over the permits that they must always equal.
//!
//! The counters a change moves are written in one `INSERT … ON CONFLICT DO UPDATE` on the
//! key's unique index ([`add`]): a key not yet counted is inserted, a counted one added to.
//! Its rows go in the keys' sort order, which is the unique index's, so two transactions
//! never wait on each other's rows crosswise.

use super::schema::{permit_stats, statistical_reports};
use super::{AnyConnection, Backend};
use crate::domain::statistics::Measure;
use crate::domain::Category;
use chrono::NaiveDateTime;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};
use std::collections::BTreeMap;

/// What one counter row counts. The field order is the unique index's.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Key {
    /// The quota year the permit draws on.
    pub year: i32,
    pub measure: Measure,
    pub region: String,
    pub category: String,
    /// `YYYY-MM` of the event.
    pub month: String,
    pub sector: String,
    /// Citizenship of the workers; empty for measures of the permit as a whole.
    pub country: String,
    /// Refusal or revocation ground, or empty.
    pub ground: String,
    /// Calendar days from filing to the decision, for [`Measure::Decided`] only.
    pub days: Option<i64>,
}

/// The figures of a key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Figures {
    pub permits: i64,
    pub workers: i64,
    /// MRP for `fee_assessed`, tiyn for `fee_paid`, else 0.
    pub amount: i64,
}

impl Figures {
    pub fn is_zero(&self) -> bool {
        *self == Figures::default()
    }

    pub fn plus(self, o: Figures) -> Figures {
        Figures {
            permits: self.permits + o.permits,
            workers: self.workers + o.workers,
            amount: self.amount + o.amount,
        }
    }

    pub fn minus(self, o: Figures) -> Figures {
        Figures {
            permits: self.permits - o.permits,
            workers: self.workers - o.workers,
            amount: self.amount - o.amount,
        }
    }
}

/// Adds `deltas` to the counters, in key order; zero deltas touch nothing. Call inside the
/// write transaction of the change the deltas describe. One statement for every key: an
/// `INSERT … ON CONFLICT DO UPDATE` over the unique index, its rows in key order (the
/// order in which both databases insert or lock them), so two transactions never wait on
/// each other's rows crosswise; a key not yet counted is inserted, one a concurrent
/// transaction inserted first is added to once that one commits.
pub fn add(conn: &mut AnyConnection, deltas: &BTreeMap<Key, Figures>) -> QueryResult<()> {
    let moved: Vec<(&Key, &Figures)> = deltas.iter().filter(|(_, f)| !f.is_zero()).collect();
    if moved.is_empty() {
        return Ok(());
    }
    let backend = match conn {
        AnyConnection::Postgresql(_) => Backend::Postgres,
        AnyConnection::Sqlite(_) => Backend::Sqlite,
    };
    const COLUMNS: usize = 12;
    let rows: Vec<String> = (0..moved.len())
        .map(|i| {
            let marks: Vec<String> = (1..=COLUMNS)
                .map(|c| match backend {
                    Backend::Postgres => format!("${}", i * COLUMNS + c),
                    Backend::Sqlite => "?".to_owned(),
                })
                .collect();
            format!("({})", marks.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO permit_stats (year, measure, region, category, month, sector, country, \
         ground, days, permits, workers, amount) VALUES {} \
         ON CONFLICT (year, measure, region, category, month, sector, country, ground, \
         COALESCE(days, -1)) DO UPDATE SET permits = permit_stats.permits + excluded.permits, \
         workers = permit_stats.workers + excluded.workers, \
         amount = permit_stats.amount + excluded.amount",
        rows.join(", ")
    );
    let mut q = diesel::sql_query(sql).into_boxed::<<AnyConnection as Connection>::Backend>();
    for (k, f) in moved {
        q = q
            .bind::<Integer, _>(k.year)
            .bind::<Text, _>(k.measure.as_str())
            .bind::<Text, _>(k.region.clone())
            .bind::<Text, _>(k.category.clone())
            .bind::<Text, _>(k.month.clone())
            .bind::<Text, _>(k.sector.clone())
            .bind::<Text, _>(k.country.clone())
            .bind::<Text, _>(k.ground.clone())
            .bind::<Nullable<BigInt>, _>(k.days)
            .bind::<BigInt, _>(f.permits)
            .bind::<BigInt, _>(f.workers)
            .bind::<BigInt, _>(f.amount);
    }
    q.execute(conn).map(drop)
}

/// A counter row as read: the key's fields, then permits, workers, amount.
type CounterRow = (
    i32,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<i64>,
    i64,
    i64,
    i64,
);

/// Every counter with a non-zero figure, by key.
pub fn counters(conn: &mut AnyConnection) -> QueryResult<BTreeMap<Key, Figures>> {
    let rows: Vec<CounterRow> = permit_stats::table
        .select((
            permit_stats::year,
            permit_stats::measure,
            permit_stats::region,
            permit_stats::category,
            permit_stats::month,
            permit_stats::sector,
            permit_stats::country,
            permit_stats::ground,
            permit_stats::days,
            permit_stats::permits,
            permit_stats::workers,
            permit_stats::amount,
        ))
        .load(conn)?;
    keyed(rows)
}

/// The stored measure, typed: a measure the service does not know fails the read.
fn measure(stored: String) -> QueryResult<Measure> {
    Measure::try_from(stored).map_err(|e| diesel::result::Error::DeserializationError(e.into()))
}

fn keyed(rows: Vec<CounterRow>) -> QueryResult<BTreeMap<Key, Figures>> {
    let mut out = BTreeMap::new();
    for r in rows {
        let f = Figures {
            permits: r.9,
            workers: r.10,
            amount: r.11,
        };
        if f.is_zero() {
            continue;
        }
        let key = Key {
            year: r.0,
            measure: measure(r.1)?,
            region: r.2,
            category: r.3,
            month: r.4,
            sector: r.5,
            country: r.6,
            ground: r.7,
            days: r.8,
        };
        out.insert(key, f);
    }
    Ok(out)
}

#[derive(QueryableByName)]
struct RecountRow {
    #[diesel(sql_type = Integer)]
    year: i32,
    #[diesel(sql_type = Text)]
    measure: String,
    #[diesel(sql_type = Text)]
    region: String,
    #[diesel(sql_type = Text)]
    category: String,
    #[diesel(sql_type = Text)]
    month: String,
    #[diesel(sql_type = Text)]
    sector: String,
    #[diesel(sql_type = Text)]
    country: String,
    #[diesel(sql_type = Text)]
    ground: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
    days: Option<i64>,
    #[diesel(sql_type = BigInt)]
    permits: i64,
    #[diesel(sql_type = BigInt)]
    workers: i64,
    #[diesel(sql_type = BigInt)]
    amount: i64,
}

/// The counters recomputed from the permits with one GROUP BY, written for `backend`:
/// what `permit_stats` must hold. Used by the recount test and by the benchmark, which
/// loads its counters with `INSERT INTO permit_stats (…) <this>`.
pub fn recount_sql(backend: Backend) -> String {
    let (month, day, days, grounds) = match backend {
        Backend::Postgres => (
            "to_char({}, 'YYYY-MM')",
            "CAST({} AS DATE)",
            "CAST(r.decided_on - b.filed_on AS BIGINT)",
            "CROSS JOIN LATERAL json_array_elements_text(CAST(r.grounds AS json)) AS g(value)",
        ),
        Backend::Sqlite => (
            "strftime('%Y-%m', {})",
            "date({})",
            "CAST(julianday(r.decided_on) - julianday(b.filed_on) AS INTEGER)",
            "CROSS JOIN json_each(r.grounds) AS g",
        ),
    };
    let m = |e: &str| month.replace("{}", e);
    let decided_day = day.replace("{}", "r.decided_on");
    let m_filed = m("b.filed_on");
    let m_paid = m("pd.paid");
    let m_ended = m("b.ended_on");
    let m_decided = m(&decided_day);
    let m_paid_on = m("r.paid_on");
    format!(
        "WITH w AS (SELECT permit_id, citizenship AS country, COUNT(*) AS n FROM permit_workers \
             WHERE needs_permit AND id NOT IN (SELECT replaced_id FROM permit_reissues) \
             GROUP BY permit_id, citizenship), \
         u AS (SELECT permit_id, COUNT(*) AS n FROM permit_workers WHERE needs_permit \
             AND id NOT IN (SELECT replaced_id FROM permit_reissues) GROUP BY permit_id), \
         pd AS (SELECT permit_id, MAX(paid_on) AS paid FROM permit_regions GROUP BY permit_id), \
         b AS (SELECT p.id, p.kind, p.status, p.quota_year AS year, p.category, p.filed_on, \
             p.ended_on, p.end_ground, p.decision_due, COALESCE(d.sector, '') AS sector \
             FROM permits p LEFT JOIN permit_details d ON d.permit_id = p.id) \
         SELECT year, measure, region, category, month, sector, country, ground, days, \
             CAST(SUM(permits) AS BIGINT) AS permits, CAST(SUM(workers) AS BIGINT) AS workers, \
             CAST(SUM(amount) AS BIGINT) AS amount FROM ( \
         SELECT b.year, CASE WHEN b.kind = 'extension' THEN 'extension_applied' ELSE 'applied' END \
             AS measure, r.region, b.category, {m_filed} AS month, b.sector, w.country, \
             '' AS ground, CAST(NULL AS BIGINT) AS days, 1 AS permits, w.n AS workers, 0 AS amount \
             FROM b JOIN permit_regions r ON r.permit_id = b.id JOIN w ON w.permit_id = b.id \
         UNION ALL \
         SELECT b.year, CASE WHEN b.kind = 'extension' THEN 'extended' ELSE 'issued' END, \
             r.region, b.category, {m_paid}, b.sector, w.country, '', NULL, 1, w.n, 0 \
             FROM b JOIN pd ON pd.permit_id = b.id JOIN permit_regions r ON r.permit_id = b.id \
             JOIN w ON w.permit_id = b.id \
             WHERE b.status IN ('active', 'suspended', 'revoked', 'returned') \
         UNION ALL \
         SELECT b.year, b.status, r.region, b.category, {m_ended}, b.sector, w.country, \
             CASE WHEN b.status = 'revoked' THEN COALESCE(b.end_ground, '') ELSE '' END, NULL, 1, w.n, \
             0 \
             FROM b JOIN permit_regions r ON r.permit_id = b.id JOIN w ON w.permit_id = b.id \
             WHERE b.status IN ('revoked', 'returned', 'lapsed') \
         UNION ALL \
         SELECT b.year, 'quota_used', r.region, b.category, {m_paid}, '', '', '', NULL, 1, \
             COALESCE(u.n, 0), 0 \
             FROM b JOIN pd ON pd.permit_id = b.id JOIN permit_regions r ON r.permit_id = b.id \
             LEFT JOIN u ON u.permit_id = b.id \
             WHERE b.status IN ('active', 'suspended', 'revoked', 'returned') \
         UNION ALL \
         SELECT b.year, 'quota_released', r.region, b.category, {m_ended}, '', '', '', NULL, 1, \
             COALESCE(u.n, 0), 0 \
             FROM b JOIN permit_regions r ON r.permit_id = b.id LEFT JOIN u ON u.permit_id = b.id \
             WHERE b.status IN ('revoked', 'returned') \
         UNION ALL \
         SELECT b.year, 'refused', r.region, b.category, {m_decided}, b.sector, w.country, '', \
             NULL, 1, w.n, 0 \
             FROM b JOIN permit_regions r ON r.permit_id = b.id JOIN w ON w.permit_id = b.id \
             WHERE r.decision = 'refused' \
         UNION ALL \
         SELECT b.year, 'refused_ground', r.region, b.category, {m_decided}, b.sector, w.country, \
             g.value, NULL, 1, w.n, 0 \
             FROM b JOIN permit_regions r ON r.permit_id = b.id JOIN w ON w.permit_id = b.id \
             {grounds} WHERE r.decision = 'refused' \
         UNION ALL \
         SELECT b.year, 'fee_assessed', r.region, b.category, {m_decided}, '', '', '', NULL, 1, \
             COALESCE(u.n, 0), r.fee_rate_mrp * COALESCE(u.n, 0) \
             FROM b JOIN permit_regions r ON r.permit_id = b.id LEFT JOIN u ON u.permit_id = b.id \
             WHERE r.fee_rate_mrp IS NOT NULL \
             AND b.status NOT IN ('applied', 'refused', 'withdrawn') \
         UNION ALL \
         SELECT b.year, 'fee_paid', r.region, b.category, {m_paid_on}, '', '', '', NULL, 1, \
             COALESCE(u.n, 0), r.paid_tiyn \
             FROM b JOIN permit_regions r ON r.permit_id = b.id LEFT JOIN u ON u.permit_id = b.id \
             WHERE r.paid_tiyn IS NOT NULL \
         UNION ALL \
         SELECT b.year, 'decided', r.region, b.category, {m_decided}, '', '', '', {days}, 1, \
             COALESCE(u.n, 0), 0 \
             FROM b JOIN permit_regions r ON r.permit_id = b.id LEFT JOIN u ON u.permit_id = b.id \
             WHERE r.decided_on IS NOT NULL \
         UNION ALL \
         SELECT b.year, 'decided_late', r.region, b.category, {m_decided}, '', '', '', NULL, 1, \
             COALESCE(u.n, 0), 0 \
             FROM b JOIN permit_regions r ON r.permit_id = b.id LEFT JOIN u ON u.permit_id = b.id \
             WHERE r.decided_on IS NOT NULL AND {decided_day} > b.decision_due \
         ) x GROUP BY year, measure, region, category, month, sector, country, ground, days"
    )
}

/// Counts the permits filed before the counters existed: when there are permits and no
/// counter at all, writes the recount once (at start-up, after the migrations). Returns
/// the counter rows written.
pub fn backfill(conn: &mut AnyConnection) -> QueryResult<usize> {
    use super::schema::permits;
    let counters: i64 = permit_stats::table.count().get_result(conn)?;
    let filed: i64 = permits::table.count().get_result(conn)?;
    if counters > 0 || filed == 0 {
        return Ok(0);
    }
    let backend = match conn {
        AnyConnection::Postgresql(_) => Backend::Postgres,
        AnyConnection::Sqlite(_) => Backend::Sqlite,
    };
    diesel::sql_query(format!(
        "INSERT INTO permit_stats (year, measure, region, category, month, sector, country, \
         ground, days, permits, workers, amount) SELECT year, measure, region, category, \
         month, sector, country, ground, days, permits, workers, amount FROM ({}) x",
        recount_sql(backend)
    ))
    .execute(conn)
}

/// What the counters must hold, recounted from the permits (non-zero keys only).
pub fn recount(conn: &mut AnyConnection) -> QueryResult<BTreeMap<Key, Figures>> {
    let backend = match conn {
        AnyConnection::Postgresql(_) => Backend::Postgres,
        AnyConnection::Sqlite(_) => Backend::Sqlite,
    };
    let rows: Vec<RecountRow> = diesel::sql_query(recount_sql(backend)).load(conn)?;
    keyed(
        rows.into_iter()
            .map(|r| {
                (
                    r.year, r.measure, r.region, r.category, r.month, r.sector, r.country,
                    r.ground, r.days, r.permits, r.workers, r.amount,
                )
            })
            .collect(),
    )
}

/// One row of a report over the counters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatRow {
    pub measure: Measure,
    pub ground: String,
    /// Calendar days from filing to the decision, for [`Measure::Decided`] only.
    pub days: Option<i64>,
    pub region: String,
    pub category: Category,
    pub sector: String,
    pub country: String,
    pub month: String,
    pub figures: Figures,
}

/// A summed row's dimensions: measure, ground, days, region, category, sector, country,
/// month.
type Dims = (
    Measure,
    String,
    Option<i64>,
    String,
    String,
    String,
    String,
    String,
);

/// The year's counters of the measures named, summed over the dimensions not asked for
/// (`by_month`: keep the month; `by_detail`: keep sector and country), one region's when
/// `region` is given. Sorted by measure, ground, days, region, category, sector, country,
/// month.
pub fn summed(
    conn: &mut AnyConnection,
    year: i32,
    measures: &[Measure],
    region: Option<&str>,
    by_month: bool,
    by_detail: bool,
) -> QueryResult<Vec<StatRow>> {
    let mut q = permit_stats::table
        .filter(permit_stats::year.eq(year))
        .filter(permit_stats::measure.eq_any(measures.iter().map(|m| m.as_str())))
        .group_by((
            permit_stats::measure,
            permit_stats::ground,
            permit_stats::days,
            permit_stats::region,
            permit_stats::category,
            permit_stats::sector,
            permit_stats::country,
            permit_stats::month,
        ))
        .select((
            permit_stats::measure,
            permit_stats::ground,
            permit_stats::days,
            permit_stats::region,
            permit_stats::category,
            permit_stats::sector,
            permit_stats::country,
            permit_stats::month,
            sql::<BigInt>("CAST(SUM(permits) AS BIGINT)"),
            sql::<BigInt>("CAST(SUM(workers) AS BIGINT)"),
            sql::<BigInt>("CAST(SUM(amount) AS BIGINT)"),
        ))
        .into_boxed();
    if let Some(r) = region {
        q = q.filter(permit_stats::region.eq(r.to_owned()));
    }
    type Row = (
        String,
        String,
        Option<i64>,
        String,
        String,
        String,
        String,
        String,
        i64,
        i64,
        i64,
    );
    let rows: Vec<Row> = q.load(conn)?;
    let mut out: BTreeMap<Dims, Figures> = BTreeMap::new();
    for r in rows {
        let (sector, country) = if by_detail {
            (r.5, r.6)
        } else {
            (String::new(), String::new())
        };
        let month = if by_month { r.7 } else { String::new() };
        let f = Figures {
            permits: r.8,
            workers: r.9,
            amount: r.10,
        };
        let e = out
            .entry((measure(r.0)?, r.1, r.2, r.3, r.4, sector, country, month))
            .or_default();
        *e = e.plus(f);
    }
    out.into_iter()
        .filter(|(_, f)| !f.is_zero())
        .map(|(k, figures)| {
            Ok(StatRow {
                measure: k.0,
                ground: k.1,
                days: k.2,
                region: k.3,
                category: category(&k.4)?,
                sector: k.5,
                country: k.6,
                month: k.7,
                figures,
            })
        })
        .collect()
}

/// The stored category, typed: a code the service does not know fails the read.
fn category(stored: &str) -> QueryResult<Category> {
    Category::from_code(stored).ok_or_else(|| {
        diesel::result::Error::DeserializationError(
            format!("unknown category {stored} in the counters").into(),
        )
    })
}

impl StatRow {
    /// The calendar year of the row's month (`YYYY-MM`, kept when asked `by_month`); a
    /// month stored otherwise fails the read.
    pub fn month_year(&self) -> QueryResult<i32> {
        self.month
            .get(..4)
            .and_then(|y| y.parse().ok())
            .ok_or_else(|| {
                diesel::result::Error::DeserializationError(
                    format!("month {} of the counters is not YYYY-MM", self.month).into(),
                )
            })
    }
}

/// The movements of the year's quota use by region, category and month (Art. 36):
/// `quota_used`, the workers of permits and extensions issued, and `quota_released`, those
/// of issued permits revoked or returned — coarse counters, a few rows per region.
pub fn monthly_use(
    conn: &mut AnyConnection,
    year: i32,
    region: Option<&str>,
) -> QueryResult<Vec<StatRow>> {
    summed(
        conn,
        year,
        &[Measure::QuotaUsed, Measure::QuotaReleased],
        region,
        true,
        false,
    )
}

/// An employer's statistical report for a quarter (Art. 37(2)), as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = statistical_reports)]
pub struct ReportRow {
    pub id: i64,
    pub bin: String,
    pub region: String,
    pub year: i32,
    pub quarter: i32,
    /// JSON of the figures.
    pub body: String,
    pub foreign_employed: i64,
    pub kazakh_staff: i64,
    pub filed_at: NaiveDateTime,
    pub filed_by: String,
}

/// A report to store.
pub struct NewReport<'a> {
    pub bin: &'a str,
    pub region: &'a str,
    pub year: i32,
    pub quarter: i32,
    pub body: &'a str,
    pub foreign_employed: i64,
    pub kazakh_staff: i64,
    pub filed_at: NaiveDateTime,
    pub filed_by: &'a str,
}

/// Stores a report; `None` when the employer already reported the quarter (the unique
/// index decides, so two concurrent reports cannot both be stored).
pub fn insert_report(
    conn: &mut AnyConnection,
    r: &NewReport<'_>,
) -> QueryResult<Option<ReportRow>> {
    let stored = diesel::insert_into(statistical_reports::table)
        .values((
            statistical_reports::bin.eq(r.bin),
            statistical_reports::region.eq(r.region),
            statistical_reports::year.eq(r.year),
            statistical_reports::quarter.eq(r.quarter),
            statistical_reports::body.eq(r.body),
            statistical_reports::foreign_employed.eq(r.foreign_employed),
            statistical_reports::kazakh_staff.eq(r.kazakh_staff),
            statistical_reports::filed_at.eq(r.filed_at),
            statistical_reports::filed_by.eq(r.filed_by),
        ))
        .returning(statistical_reports::all_columns)
        .get_result(conn);
    match stored {
        Ok(row) => Ok(Some(row)),
        Err(e) if super::is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Employers with a permit in force at some time in `[from, to]` (issued, not ended
/// before `from`): those who owe a statistical report for the period.
pub fn employers_with_permits(
    conn: &mut AnyConnection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> QueryResult<Vec<String>> {
    use super::schema::permits;
    permits::table
        .filter(permits::status.eq_any(["active", "suspended", "revoked", "returned"]))
        .filter(permits::start_date.le(to))
        .filter(permits::end_date.ge(from))
        .filter(permits::ended_on.is_null().or(permits::ended_on.ge(from)))
        .select(permits::bin)
        .distinct()
        .order(permits::bin)
        .load(conn)
}

/// Employers with an ICT permit in force at some time in `[from, to]` (issued, its term
/// from the later of issue and the contract's start to its last day overlapping the
/// period, not revoked before `from`), with the permit's region, by employer: they owe a
/// statistical report for the period as permit holders do (Art. 37(2)).
pub fn employers_with_ict_permits(
    conn: &mut AnyConnection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> QueryResult<Vec<(String, String)>> {
    use super::schema::{ict_decisions as d, ict_permits as p};
    use crate::domain::ict::IctState;
    let decided: BTreeMap<i64, Option<chrono::NaiveDate>> = d::table
        .filter(d::issued_on.le(to))
        .filter(d::valid_until.ge(from))
        .select((d::permit_id, d::measure_on))
        .load::<(i64, Option<chrono::NaiveDate>)>(conn)?
        .into_iter()
        .collect();
    let ids: Vec<i64> = decided.keys().copied().collect();
    let states = [IctState::Issued, IctState::Suspended, IctState::Revoked].map(IctState::as_str);
    let permits: Vec<(i64, String, String, String)> = p::table
        .filter(p::id.eq_any(&ids))
        .filter(p::status.eq_any(states))
        .filter(p::contract_start.le(to))
        .select((p::id, p::bin, p::region, p::status))
        .load(conn)?;
    let mut out: Vec<(String, String)> = permits
        .into_iter()
        .filter(|(id, _, _, status)| {
            // Revoked before the period: not in force in it.
            status != IctState::Revoked.as_str()
                || decided
                    .get(id)
                    .copied()
                    .flatten()
                    .is_none_or(|on| on >= from)
        })
        .map(|(_, bin, region, _)| (bin, region))
        .collect();
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    Ok(out)
}

/// Reports of a quarter (every quarter of the year when `None`), narrowed to a region and
/// an employer when given, by region, employer and quarter.
pub fn reports(
    conn: &mut AnyConnection,
    year: i32,
    quarter: Option<i32>,
    region: Option<&str>,
    bin: Option<&str>,
) -> QueryResult<Vec<ReportRow>> {
    let mut q = statistical_reports::table
        .filter(statistical_reports::year.eq(year))
        .order((
            statistical_reports::region,
            statistical_reports::bin,
            statistical_reports::quarter,
        ))
        .select(ReportRow::as_select())
        .into_boxed();
    if let Some(qr) = quarter {
        q = q.filter(statistical_reports::quarter.eq(qr));
    }
    if let Some(r) = region {
        q = q.filter(statistical_reports::region.eq(r.to_owned()));
    }
    if let Some(b) = bin {
        q = q.filter(statistical_reports::bin.eq(b.to_owned()));
    }
    q.load(conn)
}

//! Where an approval stands before its checks (issue 20): the rule-set versions in force,
//! the quota left and the year's soundness, and the employer's profiles, read in one
//! statement after the approval's lock where each was a statement of its own.

use super::permits::ProfileRow;
use super::AnyConnection;
use crate::domain::{Category, RegionCode};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Integer, Nullable, Text, Timestamp};

/// What [`standing`] is asked about: the employer on two days (today and the permit's start
/// date) and the quota the approval draws on.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'a> {
    pub bin: &'a str,
    pub today: NaiveDate,
    pub start: NaiveDate,
    pub year: i32,
    pub region: &'a RegionCode,
    pub category: Category,
    /// The country whose country-of-origin quota is read (none: none is read).
    pub country: Option<&'a str>,
}

/// Where an approval stands.
#[derive(Debug, Clone)]
pub struct Standing {
    /// The rule-set versions in force today and on the start date, if any.
    pub rules: [Option<i64>; 2],
    /// Units of the region's allocation of the category left in the year (0 without a row).
    pub regional_left: i64,
    /// Units of the country's country-of-origin quota left (`None`: it has none, or none
    /// was asked).
    pub country_left: Option<i64>,
    /// The fault a ledger check found in the year's figures (`quota_year_faults`), if any.
    pub fault: Option<String>,
    /// The employer's profiles in force today and on the start date.
    pub profiles: (Option<ProfileRow>, Option<ProfileRow>),
}

/// A row of [`standing`]: the figures, the same on every row, and one profile version (or
/// none, on the one row of an employer without a profile in the range).
#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Nullable<BigInt>)]
    rules_today: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    rules_start: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    regional_left: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    country_left: Option<i64>,
    #[diesel(sql_type = Nullable<Text>)]
    fault: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    bin: Option<String>,
    #[diesel(sql_type = Nullable<Date>)]
    effective_from: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Text>)]
    name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    legal_form: Option<String>,
    #[diesel(sql_type = Nullable<Bool>)]
    foreign_division: Option<bool>,
    #[diesel(sql_type = Nullable<Text>)]
    sector: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    region: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    workforce: Option<String>,
    #[diesel(sql_type = Nullable<BigInt>)]
    version: Option<i64>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    updated_at: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Text>)]
    updated_by: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    employer_type: Option<String>,
    #[diesel(sql_type = Nullable<Bool>)]
    small_business: Option<bool>,
}

impl Row {
    /// The row's profile version, if it has one (the columns a profile's row cannot lack).
    fn profile(self) -> Option<ProfileRow> {
        Some(ProfileRow {
            bin: self.bin?,
            effective_from: self.effective_from?,
            name: self.name?,
            legal_form: self.legal_form?,
            foreign_division: self.foreign_division?,
            sector: self.sector?,
            region: self.region?,
            workforce: self.workforce?,
            version: self.version?,
            updated_at: self.updated_at?,
            updated_by: self.updated_by?,
            employer_type: self.employer_type,
            small_business: self.small_business?,
        })
    }
}

/// Where an approval stands ([`Ask`]), in one statement: the figures as sub-selects (the
/// rule-set version in force on a day is the newest with `effective_from <=` it; the
/// quota left is allocated − held − used), and beside them the employer's profile versions
/// from the one in force on the earlier day up to the later day, newest first, from which
/// each day takes its own (as [`super::permits::profiles_on`]).
pub fn standing(conn: &mut AnyConnection, a: &Ask<'_>) -> QueryResult<Standing> {
    let postgres = matches!(conn, AnyConnection::Postgresql(_));
    let m = |n: usize| {
        if postgres {
            format!("${n}")
        } else {
            format!("?{n}")
        }
    };
    let version_on = |day: String| {
        format!(
            "(SELECT version FROM rule_sets WHERE effective_from <= {day} \
             ORDER BY effective_from DESC, version DESC LIMIT 1)"
        )
    };
    let (earlier, later) = (a.today.min(a.start), a.today.max(a.start));
    let sql = format!(
        "SELECT f.rules_today, f.rules_start, f.regional_left, f.country_left, f.fault, \
           p.bin, p.effective_from, p.name, p.legal_form, p.foreign_division, p.sector, \
           p.region, p.workforce, p.version, p.updated_at, p.updated_by, p.employer_type, \
           p.small_business \
         FROM (SELECT {today} AS rules_today, {start} AS rules_start, \
           (SELECT allocated - held - used FROM regional_quotas \
             WHERE year = {year} AND region = {region} AND category = {category}) AS regional_left, \
           (SELECT total - held - used FROM country_quotas \
             WHERE year = {year} AND country = {country}) AS country_left, \
           (SELECT detail FROM quota_year_faults WHERE year = {year}) AS fault) f \
         LEFT JOIN employer_profiles p ON p.bin = {bin} AND p.effective_from <= {later} \
           AND p.effective_from >= coalesce((SELECT max(o.effective_from) \
             FROM employer_profiles o WHERE o.bin = {bin} AND o.effective_from <= {earlier}), \
             p.effective_from) \
         ORDER BY p.effective_from DESC",
        today = version_on(m(1)),
        start = version_on(m(2)),
        year = m(3),
        region = m(4),
        category = m(5),
        country = m(6),
        bin = m(7),
        earlier = m(8),
        later = m(9),
    );
    let rows: Vec<Row> = diesel::sql_query(sql)
        .into_boxed::<<AnyConnection as Connection>::Backend>()
        .bind::<Date, _>(a.today)
        .bind::<Date, _>(a.start)
        .bind::<Integer, _>(a.year)
        .bind::<Text, _>(a.region.as_str().to_owned())
        .bind::<Text, _>(a.category.code().to_owned())
        .bind::<Text, _>(a.country.unwrap_or_default().to_owned())
        .bind::<Text, _>(a.bin.to_owned())
        .bind::<Date, _>(earlier)
        .bind::<Date, _>(later)
        .load(conn)?;
    let mut rows = rows.into_iter();
    let Some(first) = rows.next() else {
        // A LEFT JOIN from one row of figures always yields a row.
        return Err(diesel::result::Error::NotFound);
    };
    let standing = Standing {
        rules: [first.rules_today, first.rules_start],
        regional_left: first.regional_left.unwrap_or(0),
        country_left: first.country_left,
        fault: first.fault.clone(),
        profiles: (None, None),
    };
    let profiles: Vec<ProfileRow> = std::iter::once(first)
        .chain(rows)
        .filter_map(Row::profile)
        .collect();
    let on = |day: NaiveDate| profiles.iter().find(|p| p.effective_from <= day).cloned();
    Ok(Standing {
        profiles: (on(a.today), on(a.start)),
        ..standing
    })
}

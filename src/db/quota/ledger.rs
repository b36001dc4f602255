//! The consumption ledger: holds of cases on a region's allocation (Art. 33(2)) and the
//! append-only lines every movement of quota writes.

use super::rows::{ledger_line, regional_row, CountryRow, Line};
use crate::db::audit::Actor;
use crate::db::schema::{country_quotas, quota_holds, quota_ledger, regional_quotas};
use crate::db::{AnyConnection, Error};
use crate::domain::hold::{self, CaseRef, HoldEvent, HoldState, QuotaClaim, Release};
use crate::domain::ledger::Movement;
use crate::domain::quota::{self, Allocation};
use crate::domain::{Category, CountryCode, Message, RegionCode};
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = quota_holds)]
pub struct HoldRow {
    pub id: i64,
    pub year: i32,
    #[diesel(deserialize_as = String)]
    pub region: RegionCode,
    #[diesel(deserialize_as = String)]
    pub category: Category,
    pub country: Option<String>,
    pub units: i64,
    /// The holding case and region, e.g. `permit:42/KZ-75`.
    pub case_ref: String,
    #[diesel(deserialize_as = String)]
    pub state: HoldState,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A hold written with its ledger line whose units are not yet counted against the
/// allocation: what [`hold`] returns. [`Hold::take`] counts them and must be the case's
/// last write before its transaction commits; a hold dropped untaken leaves a ledger line
/// the region's figures do not show, which the ledger check reports and which blocks the
/// year (Art. 33(2)), so the type insists it is used.
#[must_use = "a hold counts against the allocation only once `take` runs"]
#[derive(Debug)]
pub struct Hold {
    row: HoldRow,
    /// The country-of-origin quota the hold draws on, when it names one.
    country: Option<CountryCode>,
}

impl Hold {
    /// The hold's id, for the case's rows that name it.
    pub fn id(&self) -> i64 {
        self.row.id
    }

    /// Takes the hold's units (Art. 33(2)): one conditional UPDATE of the region's row
    /// that succeeds only while `held + used + units <= allocated`, then the same of the
    /// country-of-origin quota (Art. 32(4)(2)) when the hold names one. These rows are the
    /// ones every approval in the region writes; taken last, their locks are held only
    /// until the commit, so the January rush queues on one UPDATE and a WAL flush, not on
    /// the whole decision. Errors: `quota-exhausted` (422, Art. 33(2)),
    /// `country-quota-exhausted` (422, Art. 32(4)(2)); roll the transaction back on either.
    pub fn take(self, conn: &mut AnyConnection) -> Result<HoldRow, Error> {
        let h = self.row;
        let (year, region, category, units) = (h.year, h.region.as_str(), h.category, h.units);
        let n = diesel::update(
            regional_quotas::table
                .find((year, region, category.code()))
                .filter(
                    (regional_quotas::held + regional_quotas::used + units)
                        .le(regional_quotas::allocated),
                ),
        )
        .set(regional_quotas::held.eq(regional_quotas::held + units))
        .execute(conn)?;
        if n == 0 {
            let left = regional_row(conn, year, region, category)?
                .map(|r| r.allocation())
                .unwrap_or_default();
            return Err(Error::from(quota::quota_exhausted(
                year, &h.region, category, left, units,
            )));
        }
        // The country-of-origin quota, decided by the conditional UPDATE itself rather than
        // by the read that named it on the hold.
        let Some(country) = &self.country else {
            return Ok(h);
        };
        let n = diesel::update(country_quotas::table.find((year, country.as_str())).filter(
            (country_quotas::held + country_quotas::used + units).le(country_quotas::total),
        ))
        .set(country_quotas::held.eq(country_quotas::held + units))
        .execute(conn)?;
        if n == 1 {
            return Ok(h);
        }
        match country_quotas::table
            .find((year, country.as_str()))
            .select(CountryRow::as_select())
            .first(conn)
            .optional()?
        {
            Some(r) => Err(Error::from(quota::country_quota_exhausted(
                year,
                country,
                r.total - r.held - r.used,
                units,
            ))),
            // The ministry removed the unused country quota since the hold was written.
            None => Ok(diesel::update(quota_holds::table.find(h.id))
                .set(quota_holds::country.eq(None::<&str>))
                .returning(quota_holds::all_columns)
                .get_result(conn)?),
        }
    }
}

/// Writes a hold of the claim's units for a case (Art. 33(2)) and its ledger line, naming
/// the worker's country when it has a country-of-origin quota (Art. 32(4)(2)); the units
/// count once [`Hold::take`] runs. Errors: `case-already-holds-quota` (409) when the case
/// already holds in the region, `quota-exhausted` (422) when the region has no allocation
/// of the category. Call inside a write transaction; on error, roll it back.
pub fn hold(
    conn: &mut AnyConnection,
    claim: &QuotaClaim,
    case: &CaseRef,
    actor: &Actor,
) -> Result<Hold, Error> {
    let year = claim.year;
    super::check::ensure_sound(conn, year)?;
    let country = match &claim.country {
        Some(c) => country_quotas::table
            .find((year, c.as_str()))
            .select(country_quotas::year)
            .first::<i32>(conn)
            .optional()?
            .map(|_| c.clone()),
        None => None,
    };
    hold_read(conn, claim, country, case, actor)
}

/// [`hold`] for a caller that has read, in this transaction, that the claim's year is sound
/// ([`super::sound`]) and whether the claim's country has a country-of-origin quota:
/// `country` is the claim's country when it has one, else none. Nothing is read; the same
/// errors otherwise.
pub fn hold_read(
    conn: &mut AnyConnection,
    claim: &QuotaClaim,
    country: Option<CountryCode>,
    case: &CaseRef,
    actor: &Actor,
) -> Result<Hold, Error> {
    let (year, category, units) = (claim.year, claim.category, claim.units.get());
    let case_ref = case.in_region(&claim.region);
    let new = NewHold {
        claim,
        country: country.as_ref().map(CountryCode::as_str),
        case_ref: &case_ref,
    };
    let id = insert_hold(conn, &new, actor).map_err(|e| match e {
        e if crate::db::is_unique_violation(&e) => Error::conflict(
            "case-already-holds-quota",
            Message::new("conflict-case-already-holds-quota")
                .text("kind", case.kind.as_str())
                .text("id", case.id)
                .text("region", &claim.region),
        ),
        // The hold references the regional row: none means nothing was allocated.
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::ForeignKeyViolation,
            _,
        ) => Error::from(quota::quota_exhausted(
            year,
            &claim.region,
            category,
            Allocation::default(),
            units,
        )),
        e => Error::Db(e),
    })?;
    let row = HoldRow {
        id,
        year,
        region: claim.region.clone(),
        category,
        country: new.country.map(str::to_owned),
        units,
        case_ref,
        state: HoldState::Held,
        created_at: actor.at,
        updated_at: actor.at,
    };
    Ok(Hold { row, country })
}

/// The id of the hold [`insert_hold`] wrote.
#[derive(QueryableByName)]
struct HoldId {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

/// A hold as [`insert_hold`] writes it.
struct NewHold<'a> {
    claim: &'a QuotaClaim,
    country: Option<&'a str>,
    /// The holding case and region, e.g. `permit:42/KZ-75`: also the ledger line's note.
    case_ref: &'a str,
}

/// Writes a new hold and its ledger line (the held units, noted with the case): on
/// PostgreSQL in one statement, the line inserted from the hold's `RETURNING` in a
/// data-modifying `WITH` (issue 20); SQLite has none, so there the hold and then its line.
/// Returns the hold's id.
fn insert_hold(conn: &mut AnyConnection, h: &NewHold<'_>, actor: &Actor) -> QueryResult<i64> {
    let c = h.claim;
    let (year, region, category, units) =
        (c.year, c.region.as_str(), c.category.code(), c.units.get());
    let held = HoldState::Held.as_str();
    match conn {
        AnyConnection::Postgresql(pg) => diesel::sql_query(
            "WITH h AS (INSERT INTO quota_holds (year, region, category, country, units, \
               case_ref, state, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING *), \
             l AS (INSERT INTO quota_ledger (year, region, category, movement, allocated_delta, \
               held_delta, used_delta, hold_id, transfer_id, note, occurred_at, actor, request_id) \
               SELECT year, region, category, $9, 0, units, 0, id, NULL, case_ref, created_at, \
                 $10, $11 FROM h) \
             SELECT id FROM h",
        )
        .bind::<diesel::sql_types::Integer, _>(year)
        .bind::<diesel::sql_types::Text, _>(region)
        .bind::<diesel::sql_types::Text, _>(category)
        .bind::<diesel::sql_types::Nullable<diesel::sql_types::Text>, _>(h.country)
        .bind::<diesel::sql_types::BigInt, _>(units)
        .bind::<diesel::sql_types::Text, _>(h.case_ref)
        .bind::<diesel::sql_types::Text, _>(held)
        .bind::<diesel::sql_types::Timestamp, _>(actor.at)
        .bind::<diesel::sql_types::Text, _>(Movement::Hold.as_str())
        .bind::<diesel::sql_types::Text, _>(&actor.sub)
        .bind::<diesel::sql_types::Text, _>(&actor.request_id)
        .get_result::<HoldId>(pg)
        .map(|h| h.id),
        AnyConnection::Sqlite(_) => {
            let id: i64 = diesel::insert_into(quota_holds::table)
                .values((
                    quota_holds::year.eq(year),
                    quota_holds::region.eq(region),
                    quota_holds::category.eq(category),
                    quota_holds::country.eq(h.country),
                    quota_holds::units.eq(units),
                    quota_holds::case_ref.eq(h.case_ref),
                    quota_holds::state.eq(held),
                    quota_holds::created_at.eq(actor.at),
                    quota_holds::updated_at.eq(actor.at),
                ))
                .returning(quota_holds::id)
                .get_result(conn)?;
            ledger_line(
                conn,
                actor,
                Line {
                    year,
                    region,
                    category: c.category,
                    movement: Movement::Hold,
                    deltas: (0, units, 0),
                    hold_id: Some(id),
                    transfer_id: None,
                    note: h.case_ref,
                },
            )?;
            Ok(id)
        }
    }
}

fn hold_row(conn: &mut AnyConnection, id: i64) -> Result<HoldRow, Error> {
    quota_holds::table
        .find(id)
        .select(HoldRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| Error::not_found(Message::new("not-found-hold").text("id", id)))
}

/// Confirms held units as used: the permit was issued (its fee paid).
pub fn confirm(conn: &mut AnyConnection, hold_id: i64, actor: &Actor) -> Result<HoldRow, Error> {
    apply(conn, hold_id, HoldEvent::Confirm, actor)
}

/// Gives a hold's units back to the region: from held when the case was refused,
/// withdrawn or lapsed unpaid; from used when the permit was revoked or returned.
pub fn release(
    conn: &mut AnyConnection,
    hold_id: i64,
    why: Release,
    actor: &Actor,
) -> Result<HoldRow, Error> {
    apply(conn, hold_id, HoldEvent::Release(why), actor)
}

/// Moves a hold as its state machine allows ([`hold::transition`]): a compare-and-set on
/// its state, the region's (and country's) figures shifted by its units, and a ledger line.
fn apply(
    conn: &mut AnyConnection,
    hold_id: i64,
    event: HoldEvent,
    actor: &Actor,
) -> Result<HoldRow, Error> {
    let h = hold_row(conn, hold_id)?;
    super::check::ensure_sound(conn, h.year)?;
    let mv = hold::transition(h.state, event).map_err(|t| Error::Refused(t.into()))?;
    let n = diesel::update(
        quota_holds::table
            .find(h.id)
            .filter(quota_holds::state.eq(h.state.as_str())),
    )
    .set((
        quota_holds::state.eq(mv.to.as_str()),
        quota_holds::updated_at.eq(actor.at),
    ))
    .execute(conn)?;
    if n == 0 {
        return Err(Error::conflict(
            "hold-state-changed",
            Message::new("conflict-hold-state-changed").text("id", h.id),
        ));
    }
    let (held, used) = (mv.held * h.units, mv.used * h.units);
    diesel::update(regional_quotas::table.find((h.year, h.region.as_str(), h.category.code())))
        .set((
            regional_quotas::held.eq(regional_quotas::held + held),
            regional_quotas::used.eq(regional_quotas::used + used),
        ))
        .execute(conn)?;
    if let Some(country) = &h.country {
        diesel::update(country_quotas::table.find((h.year, country.as_str())))
            .set((
                country_quotas::held.eq(country_quotas::held + held),
                country_quotas::used.eq(country_quotas::used + used),
            ))
            .execute(conn)?;
    }
    ledger_line(
        conn,
        actor,
        Line {
            year: h.year,
            region: h.region.as_str(),
            category: h.category,
            movement: match event {
                HoldEvent::Confirm => Movement::Confirm,
                HoldEvent::Release(r) => Movement::Release(r),
            },
            deltas: (0, held, used),
            hold_id: Some(h.id),
            transfer_id: None,
            note: &h.case_ref,
        },
    )?;
    hold_row(conn, hold_id)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = quota_ledger)]
pub struct LedgerRow {
    pub id: i64,
    pub year: i32,
    pub region: String,
    #[diesel(deserialize_as = String)]
    pub category: Category,
    #[diesel(deserialize_as = String)]
    pub movement: Movement,
    pub allocated_delta: i64,
    pub held_delta: i64,
    pub used_delta: i64,
    pub hold_id: Option<i64>,
    pub transfer_id: Option<i64>,
    pub note: String,
    pub occurred_at: NaiveDateTime,
    pub actor: String,
    pub request_id: String,
}

/// Ledger lines of a year, oldest first, optionally of one region and category.
pub fn ledger(
    conn: &mut AnyConnection,
    year: i32,
    region: Option<&str>,
    category: Option<Category>,
    after_id: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<LedgerRow>> {
    let mut q = quota_ledger::table
        .filter(quota_ledger::year.eq(year))
        .order(quota_ledger::id)
        .limit(limit)
        .select(LedgerRow::as_select())
        .into_boxed();
    if let Some(r) = region {
        q = q.filter(quota_ledger::region.eq(r.to_owned()));
    }
    if let Some(c) = category {
        q = q.filter(quota_ledger::category.eq(c.code()));
    }
    if let Some(id) = after_id {
        q = q.filter(quota_ledger::id.gt(id));
    }
    q.load(conn)
}

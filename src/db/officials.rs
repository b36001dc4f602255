//! Officials' display names, by sign-in subject, as the identity provider last gave them.

use super::schema::officials;
use super::AnyConnection;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::upsert::excluded;

/// Keeps `name` as the display name of `sub`, signed in `at` (a later sign-in's name
/// replaces an earlier one).
pub fn remember(
    conn: &mut AnyConnection,
    sub: &str,
    name: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    let row = (
        officials::sub.eq(sub),
        officials::name.eq(name),
        officials::signed_in_at.eq(at),
    );
    // Both backends take `ON CONFLICT … DO UPDATE`; MultiConnection's common subset does
    // not, so each is asked in its own dialect.
    match conn {
        AnyConnection::Postgresql(c) => diesel::insert_into(officials::table)
            .values(row)
            .on_conflict(officials::sub)
            .do_update()
            .set((
                officials::name.eq(excluded(officials::name)),
                officials::signed_in_at.eq(excluded(officials::signed_in_at)),
            ))
            .execute(c)?,
        AnyConnection::Sqlite(c) => diesel::insert_into(officials::table)
            .values(row)
            .on_conflict(officials::sub)
            .do_update()
            .set((
                officials::name.eq(excluded(officials::name)),
                officials::signed_in_at.eq(excluded(officials::signed_in_at)),
            ))
            .execute(c)?,
    };
    Ok(())
}

/// The display names of those of `subs` who have one, as (subject, name).
pub fn names(conn: &mut AnyConnection, subs: &[String]) -> QueryResult<Vec<(String, String)>> {
    officials::table
        .filter(officials::sub.eq_any(subs))
        .select((officials::sub, officials::name))
        .load(conn)
}

//! The foreigners an employer already engages on this service's permits and ICT permits,
//! which the ratios of Art. 33(6) and 35(4) count besides the staff its profile declares.

use super::schema::{ict_decisions as d, ict_permits as ip, ict_workers as iw};
use super::schema::{permit_reissues, permit_workers, permits};
use super::AnyConnection;
use crate::domain::ict::IctState;
use crate::domain::permit::PermitState;
use chrono::NaiveDate;
use diesel::prelude::*;

/// The foreign workers of `bin`'s live permits — approved by every region and not ended
/// (awaiting payment, active or suspended) and not past their end on `today` — whose term
/// shares a day with `from..=to`, leaving out the permits of `except`: the permit's
/// category code and the worker's passport, once each. A worker replaced on a re-issue,
/// one who departed and one who needs no permit are not counted.
pub fn on_live_permits(
    conn: &mut AnyConnection,
    bin: &str,
    from: NaiveDate,
    to: NaiveDate,
    except: &[i64],
    today: NaiveDate,
) -> QueryResult<Vec<(String, String)>> {
    let live = [
        PermitState::AwaitingPayment,
        PermitState::Active,
        PermitState::Suspended,
    ]
    .map(PermitState::as_str);
    permit_workers::table
        .inner_join(permits::table)
        .filter(permits::bin.eq(bin))
        .filter(permits::status.eq_any(live))
        .filter(permits::end_date.ge(today))
        .filter(permits::end_date.ge(from))
        .filter(permits::start_date.le(to))
        .filter(permits::id.ne_all(except.to_vec()))
        .filter(permit_workers::needs_permit.eq(true))
        .filter(permit_workers::departed_on.is_null())
        .filter(diesel::dsl::not(permit_workers::id.eq_any(
            permit_reissues::table.select(permit_reissues::replaced_id),
        )))
        .select((permits::category, permit_workers::passport_number))
        .distinct()
        .load(conn)
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

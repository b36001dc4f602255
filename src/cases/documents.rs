//! The electronic permit (Art. 33(4)-(5)): its number, given once when the permit is
//! issued, the data its document carries, and the public verification of a number, which
//! reveals only what the document itself shows to whoever holds it — and not even that of
//! the workers.

use super::permit::record::{self as permits, Access, Loaded};
use super::CaseError;
use crate::db::audit::{self, Actor};
use crate::db::permits as db;
use crate::db::reference::{self, Region};
use crate::db::{rulesets, Conn};
use crate::domain::article::*;
use crate::domain::permit::number::PermitNumber;
use crate::domain::permit::{valid_on, EndGround, PermitKind, PermitState};
use crate::domain::{Category, Message};
use chrono::{Datelike, NaiveDate};

/// How many draws a number gets before issuing gives up: with 60 random bits, even one
/// repeat among millions of permits is unlikely; five in a row is a broken generator.
const DRAWS: usize = 5;

/// Art. 33(4)-(5): gives a permit that has just been issued (its last fee paid) its
/// number and day of issue, and records it in the audit trail. A permit that already has
/// a number keeps it.
pub fn issue(
    conn: &mut Conn,
    l: &Loaded,
    today: NaiveDate,
    actor: &Actor,
) -> Result<PermitNumber, CaseError> {
    if let Some(n) = l.detail.number.as_deref().and_then(PermitNumber::parse) {
        return Ok(n);
    }
    let mut number = None;
    for _ in 0..DRAWS {
        let n = draw(today.year());
        if !db::number_taken(conn, n.as_str())? {
            number = Some(n);
            break;
        }
    }
    let number = number.ok_or_else(|| {
        CaseError::conflict(
            "changed-concurrently",
            Message::new("conflict-permit-changed").text("id", l.permit.id),
        )
    })?;
    if db::set_number(conn, l.permit.id, number.as_str(), today)? == 0 {
        return Err(CaseError::conflict(
            "changed-concurrently",
            Message::new("conflict-permit-changed").text("id", l.permit.id),
        ));
    }
    audit::record(
        actor,
        audit::Change {
            action: "permit.issued",
            entity_type: "permit",
            entity_id: l.permit.id.to_string(),
            region: l.regions.first().map(|r| r.region.as_str()),
            bin: Some(l.permit.bin.as_str()),
            before: None,
            after: Some(serde_json::json!({
                "number": number.as_str(), "issued_on": today,
            })),
            legal_basis: &cite_all(&[ART_33_4, ART_33_5]),
        },
    )?;
    Ok(number)
}

/// A fresh random number: 8 bytes of a version-4 UUID, drawn from the operating system's
/// generator (the `uuid` crate's), of which the number keeps 60 bits.
fn draw(year: i32) -> PermitNumber {
    let uuid = uuid::Uuid::new_v4();
    let mut random = [0u8; 8];
    // Bytes 8..16 of a v4 UUID hold 62 random bits (the variant takes the top two of
    // byte 8, which the number's low 60 bits never use).
    random.copy_from_slice(&uuid.as_bytes()[8..16]);
    PermitNumber::new(year, random)
}

/// A region as the document and the verification name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionName {
    /// ISO 3166-2:KZ.
    pub code: String,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
}

/// A worker as the document names them: who they are and what identifies them, nothing
/// of their education, birth date or movements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentWorker {
    pub full_name_latin: String,
    pub full_name_cyrillic: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub citizenship: String,
    /// The citizenship's name in Kazakh and in Russian (the reference data's, Unicode
    /// CLDR); the code when the reference data has no name for it.
    pub citizenship_kk: String,
    pub citizenship_ru: String,
    pub passport_number: String,
}

/// Everything the electronic permit shows.
#[derive(Debug, Clone)]
pub struct PermitDocument {
    pub id: i64,
    pub number: PermitNumber,
    pub issued_on: NaiveDate,
    /// A first permit or an extension.
    pub kind: PermitKind,
    pub employer_bin: String,
    /// The employer's name in its profile on the day of issue, if it had one.
    pub employer_name: Option<String>,
    pub category: Category,
    pub profession: String,
    pub regions: Vec<RegionName>,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    /// The state as of the day the document is made (expiry derived from the end date).
    pub status: PermitState,
    pub valid_today: bool,
    /// The workers the permit covers now (EAEU citizens and exempt persons named in the
    /// application need none, Art. 2(3), 32(2), and a worker replaced by another foreigner
    /// has left it).
    pub workers: Vec<DocumentWorker>,
    /// The day the document is made.
    pub printed_on: NaiveDate,
    /// Why and when the permit ended, once it has (revoked, returned).
    pub ended: Option<DocumentEnd>,
}

/// The end of a permit as its document states it: the day, the ground in the catalogue's
/// words or the rule set's names, and the article that carries it (none for a ground of
/// the service's own rule).
#[derive(Debug, Clone)]
pub struct DocumentEnd {
    pub on: NaiveDate,
    pub ground: Message,
    pub article: Option<String>,
}

/// The ground a permit ended on ([`EndGround`]), named by the rule set in force that day
/// (the one its revocation was judged under); a code no rule set names any more reads as
/// stored.
fn document_end(conn: &mut Conn, l: &Loaded) -> Result<Option<DocumentEnd>, CaseError> {
    let (Some(on), Some(code)) = (l.permit.ended_on, l.permit.end_ground.as_deref()) else {
        return Ok(None);
    };
    let stored = rulesets::in_force(conn, on)?;
    let grounds = stored.as_ref().map(|s| &s.rules.permit_grounds);
    Ok(Some(match EndGround::of(code, grounds) {
        Some(g) => DocumentEnd {
            on,
            ground: g.message(),
            article: g.citation(),
        },
        None => DocumentEnd {
            on,
            ground: Message::new("ground-listed").text("name", code),
            article: None,
        },
    }))
}

/// What anyone may learn of a permit from its number (Art. 33(5)): whether it is valid
/// today, whose it is, of which category, where and for how long. No worker is named,
/// and the employer's BIN is left out (an individual entrepreneur's is a personal IIN).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicPermit {
    pub number: PermitNumber,
    pub valid_today: bool,
    pub status: PermitState,
    pub employer_name: Option<String>,
    pub category: Category,
    pub regions: Vec<RegionName>,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub issued_on: NaiveDate,
    /// The day the answer speaks of (today, Kazakhstan time).
    pub checked_on: NaiveDate,
    /// Why it is not valid that day; none when it is.
    pub not_valid: Option<crate::domain::verification::NotValid>,
}

/// The one answer to a number that is malformed, unknown, or not yet given: the same
/// message with no argument, so the answer never tells which numbers exist.
fn unknown_number() -> CaseError {
    CaseError::not_found(Message::new("not-found-permit-number"))
}

fn region_names(conn: &mut Conn, l: &Loaded) -> Result<Vec<RegionName>, CaseError> {
    let all = reference::regions(conn)?;
    Ok(l.regions
        .iter()
        .map(|r| {
            let code = r.region.to_string();
            match all.iter().find(|a| a.code == code) {
                Some(Region {
                    name_kk,
                    name_ru,
                    name_en,
                    ..
                }) => RegionName {
                    code,
                    name_kk: name_kk.clone(),
                    name_ru: name_ru.clone(),
                    name_en: name_en.clone(),
                },
                None => RegionName {
                    name_kk: code.clone(),
                    name_ru: code.clone(),
                    name_en: code.clone(),
                    code,
                },
            }
        })
        .collect())
}

fn employer_name(
    conn: &mut Conn,
    l: &Loaded,
    issued_on: NaiveDate,
) -> Result<Option<String>, CaseError> {
    Ok(db::profile_on(conn, l.permit.bin.as_str(), issued_on)?.map(|p| p.name))
}

/// The document of permit `id`, for a reader `access` lets see it: 404 as for any permit
/// the reader may not see, 409 `permit-not-issued` while it has no number.
pub fn document<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    today: NaiveDate,
    access: impl Access<E>,
) -> Result<PermitDocument, E> {
    let l = permits::load(conn, id, access)?;
    Ok(document_of(conn, l, today)?)
}

fn document_of(conn: &mut Conn, l: Loaded, today: NaiveDate) -> Result<PermitDocument, CaseError> {
    let (Some(number), Some(issued_on)) = (
        l.detail.number.as_deref().and_then(PermitNumber::parse),
        l.detail.issued_on,
    ) else {
        return Err(CaseError::conflict(
            "permit-not-issued",
            Message::new("conflict-permit-not-issued")
                .text("id", l.permit.id)
                .text("status", l.state_on(today).as_str()),
        ));
    };
    let regions = region_names(conn, &l)?;
    let employer_name = employer_name(conn, &l, issued_on)?;
    let ended = document_end(conn, &l)?;
    let countries = reference::countries(conn)?;
    let country = |code: &str| countries.iter().find(|c| c.code == code);
    let status = l.state_on(today);
    let p = &l.permit;
    Ok(PermitDocument {
        id: p.id,
        number,
        issued_on,
        kind: p.kind,
        employer_bin: p.bin.to_string(),
        employer_name,
        category: p.category,
        profession: l.detail.profession.clone(),
        regions,
        valid_from: p.start_date,
        valid_to: p.end_date,
        status,
        valid_today: valid_on(p.status, p.start_date, p.end_date, today),
        workers: l
            .holding_workers()
            .map(|w| DocumentWorker {
                full_name_latin: w.full_name_latin.clone(),
                full_name_cyrillic: w.full_name_cyrillic.clone(),
                citizenship: w.citizenship.clone(),
                citizenship_kk: country(&w.citizenship)
                    .map_or_else(|| w.citizenship.clone(), |c| c.name_kk.clone()),
                citizenship_ru: country(&w.citizenship)
                    .map_or_else(|| w.citizenship.clone(), |c| c.name_ru.clone()),
                passport_number: w.passport_number.clone(),
            })
            .collect(),
        printed_on: today,
        ended,
    })
}

/// Art. 33(5): the public verification of a permit number as typed by anyone, signed in
/// or not. A malformed number, an unknown one and one of a permit not yet issued all
/// answer the same `not-found-permit-number`. Used by `GET /v1/public/permits/{number}`
/// and the console's verification page alike.
pub fn verify_public(
    conn: &mut Conn,
    number: &str,
    today: NaiveDate,
) -> Result<PublicPermit, CaseError> {
    let number = PermitNumber::parse(number).ok_or_else(unknown_number)?;
    let id = db::id_by_number(conn, number.as_str())?.ok_or_else(unknown_number)?;
    let l = permits::load_full(conn, id)?;
    let issued_on = l.detail.issued_on.ok_or_else(unknown_number)?;
    let regions = region_names(conn, &l)?;
    let employer_name = employer_name(conn, &l, issued_on)?;
    let p = &l.permit;
    Ok(PublicPermit {
        valid_today: valid_on(p.status, p.start_date, p.end_date, today),
        not_valid: crate::domain::verification::why_not_valid(
            p.status,
            p.start_date,
            p.end_date,
            p.ended_on,
            today,
        ),
        status: l.state_on(today),
        employer_name,
        category: p.category,
        regions,
        valid_from: p.start_date,
        valid_to: p.end_date,
        issued_on,
        checked_on: today,
        number,
    })
}

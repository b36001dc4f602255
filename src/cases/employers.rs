//! Employers' profiles (Art. 33(6)): the employer states its sector, region, whether it is
//! a division of a foreign legal entity, and its workforce on a date; earlier dates are
//! kept, since the Kazakh share is judged on the workforce in force on the decision date.

use super::CaseError;
use crate::db::audit::{self, Actor};
use crate::db::permits::{self as db, NewProfile, ProfileRow};
use crate::db::{reference, rulesets, Conn};
use crate::domain::article::*;
use crate::domain::permit::checks::StaffLine;
use crate::domain::route::EmployerType;
use crate::domain::ruleset::RuleSet;
use crate::domain::ProblemCode;
use crate::domain::{EmployerId, EmployerKind, Message, RegionCode, SectorCode, Violation};
use chrono::{DateTime, NaiveDate, Utc};

/// A profile as the employer states it.
#[derive(Debug, Clone)]
pub struct PutProfile {
    pub bin: EmployerId,
    /// The date the profile is in force from.
    pub as_of: NaiveDate,
    pub name: String,
    pub legal_form: String,
    /// A branch or representative office of a foreign legal entity (Art. 33(6) exemption).
    pub foreign_division: bool,
    pub sector: SectorCode,
    pub region: RegionCode,
    pub workforce: Vec<StaffLine>,
    /// The employer's type, as far as the exemptions of Art. 32(2) turn on it.
    pub employer_type: EmployerType,
    /// A small-business entity (the small-business exemption from the Kazakh share).
    pub small_business: bool,
    /// The version the caller read (`If-Match`), if it sent one.
    pub expected_version: Option<i64>,
}

/// Art. 33(6): only a branch or a representative office — the BIN's division digit says
/// which — can be the division of a foreign legal entity the small-branch exemption is for.
pub fn check_division(bin: &EmployerId, foreign_division: bool) -> Option<Violation> {
    let kind = bin.kind();
    let can = matches!(
        kind,
        EmployerKind::Branch | EmployerKind::RepresentativeOffice
    );
    (foreign_division && !can).then(|| {
        Violation::new(ProblemCode::ForeignDivisionMismatch, ART_33_6)
            .text("bin", bin)
            .text("kind", kind.as_str())
    })
}

/// Writes the profile in force from `as_of`: a new dated row, or that date's row again.
/// Returns the row and whether it was created.
pub fn put(
    conn: &mut Conn,
    cmd: &PutProfile,
    actor: &Actor,
) -> Result<(ProfileRow, bool), CaseError> {
    super::known_regions(conn, [("region".to_owned(), &cmd.region)])?;
    let sectors = reference::sectors(conn)?;
    if !sectors.iter().any(|s| s.code == cmd.sector.as_str()) {
        return Err(Violation::service_rule(ProblemCode::UnknownSector)
            .text("sector", &cmd.sector)
            .into());
    }
    let division = cmd.foreign_division || cmd.employer_type == EmployerType::ForeignBranch;
    if let Some(v) = check_division(&cmd.bin, division) {
        return Err(v.into());
    }
    let before = db::profile_of_date(conn, cmd.bin.as_str(), cmd.as_of)?;
    if let (Some(expected), Some(b)) = (cmd.expected_version, &before) {
        if expected != b.version {
            return Err(CaseError::Refused(crate::domain::Refusal::Stale {
                current: b.version,
            }));
        }
    }
    let workforce = serde_json::to_string(&cmd.workforce)?;
    let employer_type = match cmd.employer_type {
        EmployerType::Ordinary => None,
        t => Some(serde_json::to_string(&t)?),
    };
    let row = db::put_profile(
        conn,
        &NewProfile {
            bin: &cmd.bin,
            effective_from: cmd.as_of,
            name: &cmd.name,
            legal_form: &cmd.legal_form,
            foreign_division: cmd.foreign_division,
            sector: cmd.sector.as_str(),
            region: cmd.region.as_str(),
            workforce: &workforce,
            employer_type: employer_type.as_deref(),
            small_business: cmd.small_business,
        },
        before.as_ref().map(|b| b.version),
        actor,
    )?
    .ok_or_else(|| {
        CaseError::conflict(
            "changed-concurrently",
            Message::new("conflict-profile-changed")
                .text("bin", &cmd.bin)
                .text("date", cmd.as_of),
        )
    })?;
    audit::record(
        actor,
        audit::Change {
            action: "employer_profile.put",
            entity_type: "employer_profile",
            entity_id: cmd.bin.to_string(),
            region: Some(cmd.region.as_str()),
            bin: Some(cmd.bin.as_str()),
            before: before.as_ref().map(audit::snapshot).transpose()?,
            after: Some(audit::snapshot(&row)?),
            legal_basis: ART_33_6.cite(),
        },
    )?;
    Ok((row, before.is_none()))
}

/// An employer's profiles, oldest first; 404 when it has none.
pub fn history(conn: &mut Conn, bin: &EmployerId) -> Result<Vec<ProfileRow>, CaseError> {
    let rows = db::profile_history(conn, bin.as_str())?;
    if rows.is_empty() {
        return Err(CaseError::not_found(
            Message::new("not-found-employer-profile").text("bin", bin),
        ));
    }
    Ok(rows)
}

/// The workforce of a stored profile.
pub fn workforce(row: &ProfileRow) -> Result<Vec<StaffLine>, CaseError> {
    Ok(serde_json::from_str(&row.workforce)?)
}

/// The employer's type as stored with the profile (Art. 32(2)); an ordinary employer when
/// none was stated. A branch or representative office stated as a foreign division is a
/// foreign branch for the route finder.
pub fn employer_type(row: &ProfileRow) -> Result<EmployerType, CaseError> {
    match &row.employer_type {
        Some(json) => Ok(serde_json::from_str(json)?),
        None if row.foreign_division => Ok(EmployerType::ForeignBranch),
        None => Ok(EmployerType::Ordinary),
    }
}

/// An employer's profile as it stands from one date, with what the service reads from
/// it: its staff, its type and the fee group its sector falls in.
#[derive(Debug, Clone)]
pub struct Profile {
    pub bin: String,
    /// The date the profile is in force from.
    pub as_of: NaiveDate,
    pub name: String,
    pub legal_form: String,
    pub foreign_division: bool,
    pub small_business: bool,
    /// OKED section letter.
    pub sector: String,
    /// The fee group the sector falls in under the rule set in force (Art. 33(4)); none
    /// when no rule set is in force or it prices the sector in no group.
    pub fee_group: Option<u32>,
    /// ISO 3166-2:KZ.
    pub region: String,
    pub workforce: Vec<StaffLine>,
    /// Art. 32(2).
    pub employer_type: EmployerType,
    /// Version of this dated profile; also the `ETag`.
    pub version: i64,
    /// When it was last written (UTC).
    pub updated_at: DateTime<Utc>,
}

impl Profile {
    /// The stored `row`, read under the rule set `rules` in force.
    fn of(row: ProfileRow, rules: Option<&RuleSet>) -> Result<Profile, CaseError> {
        let fee_group = row
            .sector
            .parse::<SectorCode>()
            .ok()
            .and_then(|s| rules.and_then(|r| r.fees.group_of(&s)).map(|g| g.group));
        Ok(Profile {
            workforce: workforce(&row)?,
            employer_type: employer_type(&row)?,
            fee_group,
            bin: row.bin,
            as_of: row.effective_from,
            name: row.name,
            legal_form: row.legal_form,
            foreign_division: row.foreign_division,
            small_business: row.small_business,
            sector: row.sector,
            region: row.region,
            version: row.version,
            updated_at: row.updated_at.and_utc(),
        })
    }
}

/// [`put`], read back as a [`Profile`] under the rule set in force `today`; whether it
/// created the dated profile.
pub fn put_profile(
    conn: &mut Conn,
    cmd: &PutProfile,
    actor: &Actor,
    today: NaiveDate,
) -> Result<(Profile, bool), CaseError> {
    let (row, created) = put(conn, cmd, actor)?;
    let rules = rulesets::in_force(conn, today)?.map(|r| r.rules);
    Ok((Profile::of(row, rules.as_deref())?, created))
}

/// An employer: the profile in force `today` (the earliest when all start later) and every
/// dated profile, oldest first; 404 when it has none. `access` sees the current profile's
/// region before anything is revealed.
pub fn employer<E: From<CaseError>>(
    conn: &mut Conn,
    bin: &EmployerId,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode) -> Result<(), E>,
) -> Result<(Profile, Vec<Profile>), E> {
    let rows = history(conn, bin)?;
    let latest = rows
        .iter()
        .rev()
        .find(|r| r.effective_from <= today)
        .or(rows.first())
        .cloned()
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-employer-profile").text("bin", bin))
        })?;
    let region: RegionCode = latest.region.parse().map_err(|e| {
        let stored = format!("profile of {bin} holds region {}: {e}", latest.region);
        CaseError::Db(diesel::result::Error::DeserializationError(stored.into()))
    })?;
    access(&region)?;
    let rules = rulesets::in_force(conn, today)
        .map_err(CaseError::from)?
        .map(|r| r.rules);
    let current = Profile::of(latest, rules.as_deref())?;
    let all = rows
        .into_iter()
        .map(|r| Profile::of(r, rules.as_deref()))
        .collect::<Result<_, _>>()?;
    Ok((current, all))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn art_33_6_only_a_branch_or_representative_office_is_a_foreign_division() {
        let head: EmployerId = "210340000013".parse().unwrap();
        let v = check_division(&head, true).unwrap();
        assert_eq!(v.code, "foreign-division-mismatch");
        assert_eq!(check_division(&head, false), None);
    }
}

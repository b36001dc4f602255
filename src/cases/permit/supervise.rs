//! An akimat suspends, resumes or revokes a permit (Art. 9(5), 33(2)).

use super::record::{load, load_full, Access, Loaded};
use super::steps::{advance, audit_in, check_version, illegal, release_all, rules_on};
use crate::cases::{follow, statistics, CaseError};
use crate::db::audit::Actor;
use crate::db::permits::Move;
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::hold::Release;
use crate::domain::permit::{transition, OwnGround, PermitEvent};
use crate::domain::ProblemCode;
use crate::domain::Violation;
use chrono::NaiveDate;

/// What an official or the employer does to an issued permit.
#[derive(Debug, Clone)]
pub enum Supervision {
    /// Suspend, with the reason (Art. 9(5), 33(2)).
    Suspend { reason: String },
    /// Lift the suspension.
    Resume,
    /// Revoke on a ground from the list (Art. 9(5), 33(2)); its quota comes back.
    Revoke {
        ground: String,
        note: Option<String>,
    },
    /// The employer gives the permit back; its quota comes back.
    Return { reason: Option<String> },
}

/// Art. 9(5), 33(2): suspension, resumption, revocation (quota back; a ground that bars
/// keeps the employer from new permits for the rule set's months) and voluntary return
/// (quota back), each a move of the permit's state machine judged on its state today, so
/// an expired permit is neither suspended nor revoked.
pub fn supervise<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Supervision,
    today: NaiveDate,
    expected_version: Option<i64>,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    Ok(supervise_loaded(
        conn,
        l,
        cmd,
        today,
        expected_version,
        actor,
    )?)
}

pub(super) fn supervise_loaded(
    conn: &mut Conn,
    l: Loaded,
    cmd: &Supervision,
    today: NaiveDate,
    expected_version: Option<i64>,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    check_version(&l, expected_version)?;
    let event = match cmd {
        Supervision::Suspend { .. } => PermitEvent::Suspend,
        Supervision::Resume => PermitEvent::Resume,
        Supervision::Revoke { .. } => PermitEvent::Revoke,
        Supervision::Return { .. } => PermitEvent::Return,
    };
    let to = transition(l.state_on(today), event).map_err(illegal)?;
    let (action, basis, release, m) = match cmd {
        Supervision::Suspend { reason } => (
            "permit.suspended",
            cite_all(&[ART_9_5, ART_33_2]),
            None,
            Move {
                suspension_reason: Some(Some(reason.as_str())),
                ..Move::default()
            },
        ),
        Supervision::Resume => (
            "permit.resumed",
            cite_all(&[ART_9_5, ART_33_2]),
            None,
            Move {
                suspension_reason: Some(None),
                ..Move::default()
            },
        ),
        Supervision::Revoke { ground, note } => {
            let rules = rules_on(conn, today)?;
            let g = rules
                .permit_grounds
                .revocation_ground(ground)
                .ok_or_else(|| {
                    CaseError::from(
                        Violation::new(ProblemCode::UnknownGround, ART_9_5).text("ground", ground),
                    )
                })?;
            crate::domain::ground_scope::check_revocation_ground(&g.code, l.permit.category)?;
            (
                "permit.revoked",
                format!("{}; {}", cite_all(&[ART_9_5, ART_33_2]), g.article),
                Some(Release::Revoked),
                Move {
                    ended_on: Some(today),
                    end_ground: Some(ground.as_str()),
                    end_note: note.as_deref(),
                    ..Move::default()
                },
            )
        }
        Supervision::Return { reason } => (
            "permit.returned",
            cite_all(PermitEvent::Return.legal_basis()),
            Some(Release::Returned),
            Move {
                ended_on: Some(today),
                end_ground: Some(OwnGround::Returned.code()),
                end_note: reason.as_deref(),
                ..Move::default()
            },
        ),
    };
    advance(conn, &l, to, &m)?;
    if let Some(why) = release {
        release_all(conn, &l, why, actor)?;
    }
    let after = load_full(conn, l.permit.id)?;
    statistics::track(conn, Some(&l), &after)?;
    // Every named region's akimat answers for the permit on its territory, so a
    // suspension, resumption, revocation or return is filed under each of them.
    for r in &after.regions {
        audit_in(
            actor,
            &after,
            action,
            Some(&l),
            &basis,
            Some(r.region.as_str()),
        )?;
    }
    // Art. 33(2): an extension not yet issued ends with the permit it extends.
    let ended = match cmd {
        Supervision::Revoke { .. } => Some(follow::ParentEnd::Revoked),
        Supervision::Return { .. } => Some(follow::ParentEnd::Returned),
        _ => None,
    };
    if let Some(why) = ended {
        follow::end_extensions_of(conn, after.permit.id, why, today, actor)?;
    }
    Ok(after)
}

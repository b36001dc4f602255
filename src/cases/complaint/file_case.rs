//! Filing a complaint against the refusal of a self-employment certificate (Art. 34(1))
//! or of an ICT permit (Art. 35(1)) (APPK Art. 91(1), (4), 92): with the akimat that
//! refused, on time or late, in the same queue and under the same terms as a permit's.

use super::super::{certificates, ict, CaseError};
use super::read::Complaint;
use super::view::{audit_step, rules_on, Detail, History};
use crate::db::audit::Actor;
use crate::db::complaints::{self as db, CaseLink, ComplaintRow, NewComplaint};
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::certificate::CertificateState;
use crate::domain::complaint::{self, ActKind, Relief};
use crate::domain::dates::local_date;
use crate::domain::ict::IctState;
use crate::domain::{EmployerId, Message, RegionCode};
use chrono::{FixedOffset, NaiveDate};

/// A complaint against the refusal of a certificate or an ICT permit.
#[derive(Debug, Clone)]
pub struct FileCase {
    /// The certificate or the ICT permit refused.
    pub case: CaseLink,
    pub relief: Relief,
    /// The grounds, in the complainant's words.
    pub grounds: String,
    /// References to attached documents.
    pub references: Vec<String>,
}

/// What filing needs of the case: the region of the akimat that refused, the employer
/// (an ICT permit's; none for a certificate's holder), whether it stands refused and its
/// state's name, and the audit trail's entity type.
struct Refused {
    region: RegionCode,
    bin: Option<EmployerId>,
    refused: bool,
    state: &'static str,
    entity_type: &'static str,
    id: i64,
}

/// APPK Art. 91(1), (4), 92: files a complaint against the akimat's refusal of a
/// certificate (filed by the akimat on the holder's written complaint: the holder, like
/// the applicant, has no role in the service; docs/LAW.md) or of an ICT permit (filed by
/// its employer). `access` sees the case's region and its employers (an ICT permit's, or
/// those that reported a certificate holder's employment) before anything is revealed. The
/// case must stand refused (422 `complaint-no-such-act`); the day of the refusal in the
/// audit trail starts the filing term, and a complaint after it is accepted and marked
/// late (92(3)); the akimat has the rule set's working days to satisfy it itself (91(4)).
/// One open complaint per case: 409 `complaint-exists`.
pub fn file_case<E: From<CaseError>>(
    conn: &mut Conn,
    cmd: &FileCase,
    (today, offset): (NaiveDate, FixedOffset),
    access: impl FnOnce(&RegionCode, &[EmployerId]) -> Result<(), E>,
    actor: &Actor,
) -> Result<Complaint, E> {
    let case = match cmd.case {
        CaseLink::Certificate(id) => {
            let (row, _) = certificates::load(conn, id, access)?;
            Refused {
                region: row.region,
                bin: None,
                refused: row.status == CertificateState::Refused,
                state: row.status.as_str(),
                entity_type: "self_employment_certificate",
                id,
            }
        }
        CaseLink::Ict(id) => {
            let l = ict::load(conn, id, |region, bin| {
                access(region, std::slice::from_ref(bin))
            })?;
            Refused {
                region: l.permit.region,
                bin: Some(l.permit.bin),
                refused: l.permit.status == IctState::Refused,
                state: l.permit.status.as_str(),
                entity_type: "ict_permit",
                id,
            }
        }
    };
    let row = file_loaded(conn, cmd, &case, (today, offset), actor)?;
    Ok(Complaint::of(row, Some(cmd.case), today)?)
}

fn file_loaded(
    conn: &mut Conn,
    cmd: &FileCase,
    case: &Refused,
    (today, offset): (NaiveDate, FixedOffset),
    actor: &Actor,
) -> Result<ComplaintRow, CaseError> {
    let act = match cmd.case {
        CaseLink::Certificate(_) => ActKind::CertificateRefusal,
        CaseLink::Ict(_) => ActKind::IctRefusal,
    };
    complaint::refusal_contestable(act, case.refused, case.state)?;
    complaint::relief_fits(act, cmd.relief)?;
    if db::of_case(conn, cmd.case)?
        .iter()
        .any(|c| c.state.is_open())
    {
        return Err(CaseError::conflict(
            "complaint-exists",
            Message::new("conflict-complaint-exists").text("id", case.id),
        ));
    }
    let refused_at = act
        .audit_action()
        .map(|action| db::act_recorded_on(conn, case.entity_type, case.id, action))
        .transpose()?
        .flatten();
    let act_on = refused_at.map_or(today, |at| local_date(at, offset));
    let rules = rules_on(conn, today)?;
    let terms = &rules.complaints;
    let late = complaint::filed_late(act_on, today, terms.filing_months, &rules.holidays);
    let due =
        complaint::reconsideration_due(today, terms.reconsideration_working_days, &rules.holidays);
    let detail = Detail {
        references: cmd.references.clone(),
        ..Detail::default()
    };
    let row = db::insert(
        conn,
        &NewComplaint {
            permit_id: None,
            bin: case.bin.as_ref(),
            region: &case.region,
            act_kind: act,
            act_on,
            relief: cmd.relief.as_str(),
            grounds: &cmd.grounds,
            detail: &serde_json::to_string(&detail)?,
            filed_on: today,
            late,
            decider: terms.deciding_body(act),
            due,
        },
    )?;
    db::link_case(conn, row.id, cmd.case)?;
    let basis = [
        APPK_91_1,
        APPK_91_4,
        if late { APPK_92_3 } else { APPK_92_1 },
    ];
    audit_step(
        actor,
        None,
        &row,
        ("complaint.filed", "permit.complaint_filed"),
        &cite_all(&basis),
        History::Other(cmd.case),
    )?;
    Ok(row)
}

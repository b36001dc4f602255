//! Who read whose personal data (issue 24): an official's or an auditor's successful read of
//! a case that shows a worker's passport data — a permit, its PDF, a self-employment
//! certificate, an ICT permit — is recorded as an audit event `personal_data.read` (who,
//! when, which case, which request, which route), so it is chained like every event and
//! the ministry lists the reads with `GET /v1/audit-events?action=personal_data.read`.
//! The console's case page is recorded the same way ([`record_console`], route
//! `/console/permits/{id}`). Employers' reads of their own cases are not recorded. The events carry no region, so
//! an akimat does not read who read its cases; the ministry and auditors do.

use crate::api::AppState;
use crate::auth::{Caller, Role};
use crate::db::audit;
use crate::domain::article::SERVICE_RULE;
use crate::error::ApiError;
use actix_web::{HttpMessage, HttpRequest};

/// The action of a read's audit event (in the audit trail, not in the case's history).
pub const ACTION: &str = audit::PERSONAL_DATA_READ;

/// The routes whose answers show a worker's passport data, and the entity each reads.
pub const PERSONAL_READS: [(&str, &str); 4] = [
    ("/v1/permits/{id}", "permit"),
    ("/v1/permits/{id}/document", "permit"),
    (
        "/v1/self-employment-certificates/{id}",
        "self_employment_certificate",
    ),
    ("/v1/ict-permits/{id}", "ict_permit"),
];

/// The console's pages that show a worker's passport data, and the entity each reads
/// (the console has no PDF of its own: its case page links to the API's, recorded there).
pub const CONSOLE_READS: [(&str, &str); 1] = [("/console/permits/{id}", "permit")];

/// One read to record.
#[derive(Debug, Clone)]
pub struct Read {
    caller: Caller,
    entity_type: &'static str,
    entity_id: String,
    route: &'static str,
    request_id: String,
}

impl Read {
    /// A console page of [`CONSOLE_READS`] shown to an official or an auditor: the same
    /// event as the API's read; none for an employer or a page not listed.
    pub fn console(
        caller: &Caller,
        route: &'static str,
        id: i64,
        request_id: &str,
    ) -> Option<Read> {
        let (route, entity_type) = CONSOLE_READS.iter().find(|(r, _)| *r == route)?;
        (caller.role != Role::Employer).then(|| Read {
            caller: caller.clone(),
            entity_type,
            entity_id: id.to_string(),
            route,
            request_id: request_id.to_owned(),
        })
    }
}

/// Records a console page's read ([`Read::console`]) before the page is shown: a read that
/// cannot be recorded is not shown.
pub async fn record_console(
    state: &AppState,
    caller: &Caller,
    route: &'static str,
    id: i64,
    request_id: &str,
) -> Result<(), ApiError> {
    match Read::console(caller, route, id, request_id) {
        Some(read) => record(state, read).await,
        None => Ok(()),
    }
}

/// The read `req` made, if it is one to record: a GET answered 200 on one of
/// [`PERSONAL_READS`] by an official or an auditor.
pub fn read_of(req: &HttpRequest, method_was_get: bool, status: u16) -> Option<Read> {
    if !method_was_get || status != 200 {
        return None;
    }
    let pattern = req.match_pattern()?;
    let (route, entity_type) = PERSONAL_READS.iter().find(|(r, _)| *r == pattern)?;
    let caller = req.extensions().get::<Caller>().cloned()?;
    if caller.role == Role::Employer {
        return None;
    }
    let request_id = req
        .extensions()
        .get::<crate::api::extract::RequestId>()
        .map(|r| r.0.clone())?;
    Some(Read {
        caller,
        entity_type,
        entity_id: req.match_info().get("id")?.to_owned(),
        route,
        request_id,
    })
}

/// Records the read in the audit trail (its own small transaction).
pub async fn record(state: &AppState, read: Read) -> Result<(), ApiError> {
    let actor = audit::Actor {
        sub: read.caller.sub.clone(),
        role: read.caller.role.as_str(),
        request_id: read.request_id.clone(),
        at: state.time.now().naive_utc(),
    };
    state
        .write(move |_| {
            audit::record(
                &actor,
                audit::Change {
                    action: ACTION,
                    entity_type: read.entity_type,
                    entity_id: read.entity_id,
                    region: None,
                    bin: None,
                    before: None,
                    after: Some(serde_json::json!({ "route": read.route })),
                    legal_basis: SERVICE_RULE,
                },
            )?;
            Ok(())
        })
        .await
}

/// After a request is answered: records the read if it is one ([`read_of`]). A read that
/// cannot be recorded is not shown: the answer becomes the error (in `lang`), so no
/// official reads a worker's data without a trace.
pub async fn after(
    res: actix_web::dev::ServiceResponse,
    lang: crate::i18n::Lang,
) -> actix_web::dev::ServiceResponse {
    let req = res.request();
    let was_get = req.method() == actix_web::http::Method::GET
        && req
            .extensions()
            .get::<crate::api::extract::HeadRequest>()
            .is_none();
    let Some(read) = read_of(req, was_get, res.status().as_u16()) else {
        return res;
    };
    let Some(state) = req.app_data::<actix_web::web::Data<AppState>>().cloned() else {
        return res;
    };
    match record(&state, read).await {
        Ok(()) => res,
        Err(e) => {
            log::error!("a read of personal data could not be recorded: {e:?}");
            let answer = e.response(lang);
            res.into_response(answer)
        }
    }
}

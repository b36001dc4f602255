//! The rule set: the ministry's numbers as dated versions (DESIGN principle 1).

use super::extract::{Body, IdempotencyKey, Query, RequestId};
use super::idempotency::{create, Created};
use super::AppState;
use crate::auth::{authorize, Action, Caller, Scope};
use crate::cases::rulesets::{self, NewRuleSet};
use crate::domain::Reason;
use crate::error::{ApiError, FieldError};
use crate::wire::docs::{IdempotencyConflict, IdempotencyKeyHeader};
use crate::wire::rulesets::{NewRuleSetRequest, OnQuery, RuleSetView};
use actix_web::{get, post, web, HttpResponse};

/// Read the rule set in force on a date
///
/// The rule-set version in force on `on` (today, Kazakhstan time, when absent); 404 when no
/// version is in force on that date. Any signed-in role.
#[utoipa::path(tag = "rule sets", security(("bearer" = [])), params(OnQuery),
    responses(
        (status = 200, description = "The version in force.", body = RuleSetView),
        (status = 404, description = "No version is in force on that date.", body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
#[get("/rule-sets/current")]
pub async fn current_rule_set(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<OnQuery>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::ReadRuleSets, Scope::All)?;
    let on = q.0.on.unwrap_or_else(|| state.time.today());
    let found = state.db(move |c| Ok(rulesets::in_force(c, on)?)).await?;
    Ok(HttpResponse::Ok().json(RuleSetView::from(found)))
}

super::page::cursor_page!(
    /// The rule-set versions, one page.
    RuleSetPage,
    RuleSetView,
    "Every version, oldest first."
);

/// List rule-set versions
///
/// Every version of the ministry's rule set (MRP, fee rates, terms, shares, filing
/// windows), oldest first; old versions stay readable, so a decision is checked against the
/// numbers in force on its day. Any signed-in role.
#[utoipa::path(tag = "rule sets", security(("bearer" = [])),
    responses((status = 200, description = "All versions.", body = RuleSetPage)))]
#[get("/rule-sets")]
pub async fn list_rule_sets(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::ReadRuleSets, Scope::All)?;
    let all = state.db(|c| Ok(rulesets::all(c)?)).await?;
    Ok(HttpResponse::Ok().json(RuleSetPage {
        items: all.into_iter().map(RuleSetView::from).collect(),
        next_cursor: None,
    }))
}

/// Read a rule-set version
///
/// One rule-set version by its number, in force or not. Any signed-in role.
#[utoipa::path(tag = "rule sets", security(("bearer" = [])),
    params(("version" = i64, Path, description = "Version number.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64)),
    responses(
        (status = 200, description = "The version.", body = RuleSetView),
        (status = 404, description = "No such version.", body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
#[get("/rule-sets/{version}")]
pub async fn get_rule_set(
    state: web::Data<AppState>,
    caller: Caller,
    version: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::ReadRuleSets, Scope::All)?;
    let v = version.into_inner();
    let found = state.db(move |c| Ok(rulesets::get(c, v)?)).await?;
    Ok(HttpResponse::Ok().json(RuleSetView::from(found)))
}

/// Publish a rule-set version
///
/// Publishes a new version of the ministry's rule set, in force from today or a future date
/// (ministry). A number the law fixes is checked against its statutory limit
/// (`statutory-limit-exceeded`, `statutory-minimum-not-met`, `statutory-rule-fixed`).
#[utoipa::path(tag = "rule sets", security(("bearer" = [])),
    request_body = NewRuleSetRequest,
    params(IdempotencyKeyHeader),
    responses(
        (status = 201, description = "Published.", body = RuleSetView,
            headers(("Location" = String, description = "The new version."), ("ETag" = String, description = "The version."))),
        IdempotencyConflict,
        crate::wire::refusals::RuleSetRefused,
    ))]
#[post("/rule-sets")]
pub async fn publish_rule_set(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    body: Body<NewRuleSetRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::PublishRuleSet, Scope::All)?;
    let req = body.value;
    let today = state.time.today();
    let mut errors: Vec<FieldError> = req
        .rules
        .problems()
        .into_iter()
        .map(|p| FieldError::new(p.field, p.message))
        .collect();
    if req.effective_from < today {
        errors.insert(
            0,
            FieldError::new("effective_from", Reason::NotBefore(today)),
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let beyond_the_law = req.rules.statutory_violations();
    if !beyond_the_law.is_empty() {
        return Err(ApiError::Rule(beyond_the_law));
    }
    let actor = state.actor(&caller, &rid);
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let new = NewRuleSet {
            effective_from: req.effective_from,
            source: req.source,
            rules: req.rules,
        };
        let view = RuleSetView::from(rulesets::publish(conn, &new, &actor)?);
        Ok(Created {
            location: format!("/v1/rule-sets/{}", view.version),
            version: Some(view.version),
            body: view,
        })
    })
    .await
}

impl crate::api::extract::ActionBody for NewRuleSetRequest {
    const ACTION: crate::auth::Action = crate::auth::Action::PublishRuleSet;
}

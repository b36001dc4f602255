//! The one route table, and which of its paths carry personal data. Only the OpenAPI
//! document (which is built from it) and `startup` read it; no handler imports it, so the
//! handlers and the table form no cycle.

use super::{
    audit, certificates, complaints, demands, documents, eligibility, employers, health, ict,
    permits, quotas, reference, rulesets, statistical_reports, statistics,
};
use super::{events, webhooks};
use utoipa_actix_web::service_config::ServiceConfig;

/// Whether answers under `path` carry people's names and passport numbers: a permit and
/// its document, applications, the workers of certificates and ICT permits, the ICT
/// register and overdue departures. They are sent with `Cache-Control: no-store`, so that
/// no shared or browser cache keeps a person's data (issue 19).
pub fn carries_personal_data(path: &str) -> bool {
    [
        "/v1/permits",
        "/v1/permit-applications",
        "/v1/self-employment-certificates",
        "/v1/ict-permits",
        "/v1/ict-register",
        "/v1/departures",
    ]
    .iter()
    .any(|p| {
        path.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?']))
    })
}

/// The one route table.
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(health::health_live)
        .service(health::health_ready)
        .service(
            utoipa_actix_web::scope("/v1")
                // The reads clients poll all day come first: actix tries a scope's routes in
                // order, each with a path pattern to match, and none of these three patterns
                // matches another route's path.
                .service(quotas::regional::get_regional_quota)
                .service(permits::get_permit)
                .service(permits::list_permits)
                .service(reference::list_regions)
                .service(reference::list_countries)
                .service(reference::list_sectors)
                .service(rulesets::current_rule_set)
                .service(rulesets::list_rule_sets)
                .service(rulesets::get_rule_set)
                .service(rulesets::publish_rule_set)
                .service(audit::list_audit_events)
                .service(audit::verify_audit_chain)
                .service(quotas::national::set_national_quota)
                .service(quotas::national::get_national_quota)
                .service(quotas::national::list_national_quota_versions)
                .service(quotas::regional::list_regional_quotas)
                .service(quotas::regional::set_regional_quota)
                .service(quotas::transfers::transfer_quota)
                .service(quotas::transfers::list_quota_transfers)
                .service(quotas::ledger::list_quota_ledger)
                .service(quotas::ledger::check_quota_ledger)
                .service(demands::quota_demand_summary)
                .service(demands::file_quota_demand)
                .service(demands::list_quota_demands)
                .service(demands::get_quota_demand)
                .service(demands::review_quota_demand)
                .service(eligibility::check_eligibility)
                .service(certificates::apply_certificate)
                .service(certificates::list_certificates)
                .service(certificates::get_certificate)
                .service(certificates::decide_certificate)
                .service(certificates::extend_certificate)
                .service(certificates::report_employment)
                .service(employers::put_employer_profile)
                .service(employers::get_employer_profile)
                .service(permits::file_permit_application)
                .service(permits::list_permit_applications)
                .service(permits::decide_permit)
                .service(permits::withdraw_permit)
                .service(permits::pay_permit_fee)
                .service(permits::extend_permit)
                .service(permits::suspend_permit)
                .service(permits::resume_permit)
                .service(permits::revoke_permit)
                .service(permits::return_permit)
                .service(permits::report_trip)
                .service(permits::reissue)
                .service(permits::record_departure)
                .service(permits::report_replacement)
                .service(permits::list_overdue_departures)
                .service(complaints::file_complaint)
                .service(complaints::file_ict_complaint)
                .service(complaints::file_certificate_complaint)
                .service(complaints::list_complaints)
                .service(complaints::get_complaint)
                .service(complaints::reconsider_complaint)
                .service(complaints::forward_complaint)
                .service(complaints::reinstate_complaint)
                .service(complaints::decide_complaint)
                .service(complaints::complaint_queue)
                .service(complaints::complaint_statistics)
                .service(ict::apply_ict_permit)
                .service(ict::apply_ict_extension)
                .service(ict::list_ict_permits)
                .service(ict::get_ict_permit)
                .service(ict::decide_ict_permit)
                .service(ict::extend_ict_permit)
                .service(ict::ict_permit_measure)
                .service(ict::notify_ict_arrival)
                .service(ict::record_ict_departure)
                .service(ict::ict_register)
                .service(documents::permit_document)
                .service(documents::verify_permit)
                .service(statistics::quota_utilization)
                .service(statistics::quota_use_by_month)
                .service(statistics::permit_statistics)
                .service(statistics::decision_times)
                .service(statistics::fee_statistics)
                .service(statistics::certificate_and_ict_statistics)
                .service(statistical_reports::calculate_quota)
                .service(statistical_reports::file_statistical_report)
                .service(statistical_reports::list_statistical_reports)
                .service(statistical_reports::missing_statistical_reports)
                .service(events::list_events)
                .service(webhooks::create_webhook)
                .service(webhooks::list_webhooks)
                .service(webhooks::get_webhook)
                .service(webhooks::delete_webhook)
                .service(webhooks::list_webhook_deliveries)
                .service(webhooks::replay_webhook_delivery),
        );
}

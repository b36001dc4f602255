//! Intra-corporate transfers over HTTP (Art. 35, 1(25), 32(3), 33(4), 28(2)(8)): refused for
//! a sender outside the WTO, issued for a WTO one without touching quota or fees, extended
//! once and refused a second time; arrivals notified on day 11 accepted as late; the
//! regional register with missing and late notifications and overdue departures.

use crate::helpers::*;
use serde_json::{json, Value};

/// A branch of a legal entity registered in March 2021 (6th digit 1).
pub const BIN_BRANCH: &str = "210341000019";
/// A representative office (6th digit 2).
pub const BIN_REP: &str = "210342000014";

const BASE: &str = "/v1/ict-permits";

/// An application of a branch in KZ-75 for a head, a manager and a specialist of a German
/// entity, for a three-year contract from 2027-01-01.
pub fn application() -> Value {
    json!({"region": "KZ-75", "employer_form": "branch", "sender_name": "Muster GmbH",
    "sender_country": "DEU", "special_condition": "train_kazakh_staff",
    "kazakh_managers": 2, "kazakh_specialists": 4,
    "contract_start": "2027-01-01", "contract_end": "2029-12-31",
    "workers": [
        {"full_name": "Hans Mueller", "passport_number": "C01X00T47", "citizenship": "DEU",
         "position": "head", "higher_education": true, "prior_employment_months": 60},
        {"full_name": "Anna Schmidt", "passport_number": "C01X00T48", "citizenship": "DEU",
         "position": "manager", "higher_education": true, "prior_employment_months": 24},
        {"full_name": "Jan Kowalski", "passport_number": "EA1234567", "citizenship": "POL",
         "position": "specialist", "higher_education": true, "prior_employment_months": 13}
    ]})
}

async fn ledger(app: &TestApp) -> Value {
    app.get("/v1/quotas/2026/ledger")
        .token(&app.ministry())
        .send()
        .await
        .ok(200)
        .clone()
}

async fn regional(app: &TestApp) -> Value {
    app.get("/v1/quotas/2026/regions/KZ-75")
        .token(&app.ministry())
        .send()
        .await
        .ok(200)
        .clone()
}

/// Files the application as the branch and issues it; returns the permit.
pub async fn issued(app: &TestApp) -> Value {
    let c = app
        .post(BASE)
        .token(&app.employer(BIN_BRANCH))
        .json(&application())
        .await;
    let id = c.ok(201)["id"].as_i64().unwrap();
    assert_eq!(c.body["status"], "applied");
    let d = app
        .post(&format!("{BASE}/{id}/decisions"))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"decision": "issue"}))
        .await;
    assert_eq!(d.ok(200)["status"], "issued");
    d.body.clone()
}

fn arrival(permit: &Value, entry: &str) -> Value {
    let workers: Vec<Value> = permit["workers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            json!({"worker_id": w["id"], "full_name": w["full_name"], "education": "higher",
                "qualification": "engineer", "speciality": "petroleum engineering",
                "experience_years": 8})
        })
        .collect();
    json!({"entry_date": entry, "sending_country": "DEU", "sending_organisation": "Muster GmbH",
        "workers": workers, "term_from": "2027-01-01", "term_to": "2029-12-31"})
}

#[actix_web::test]
async fn ict_refused_for_a_non_wto_sender_issued_for_a_wto_one_without_quota_or_fee_extended_once()
{
    let app = spawn_app().await;
    app.put("/v1/quotas/2026")
        .token(&app.ministry())
        .json(&crate::quotas::national_2026())
        .await
        .ok(201);
    let (ledger_before, regional_before) = (ledger(&app).await, regional(&app).await);
    let branch = app.employer(BIN_BRANCH);
    let akimat = app.akimat("KZ-75");
    // Iran is not a WTO member on the application date (Art. 1(25)).
    let mut a = application();
    a["sender_country"] = json!("IRN");
    let r = app.post(BASE).token(&branch).json(&a).await;
    assert_eq!(
        r.problem(422, "ict-sender-not-wto")["violations"][0]["article"],
        "Art. 1(25)"
    );
    // Germany is: issued for the contract's term.
    let permit = issued(&app).await;
    let id = permit["id"].as_i64().unwrap();
    assert_eq!(permit["issued_on"], "2026-12-01");
    assert_eq!(permit["valid_until"], "2029-12-31");
    assert_eq!(permit["counts_against_quota"], false);
    assert_eq!(permit["fee_due"], false);
    assert_eq!(permit["workers"].as_array().unwrap().len(), 3);
    // No quota moved and no fee was assessed: the ledger and the region are as they were.
    assert_eq!(ledger(&app).await, ledger_before);
    assert_eq!(regional(&app).await, regional_before);
    // The employer applies for the extension; more than a year is refused at once
    // (Art. 35(1)), and the akimat has nothing to decide before an application.
    let apply = format!("{BASE}/{id}/extensions");
    let r = app
        .post(&apply)
        .token(&app.employer(BIN_BRANCH))
        .json(&json!({"months": 13}))
        .await;
    assert_eq!(
        r.problem(422, "ict-extension-too-long")["violations"][0]["article"],
        "Art. 35(1)"
    );
    app.post(&format!("{BASE}/{id}/extension-decisions"))
        .token(&akimat)
        .json(&json!({"decision": "extend"}))
        .await
        .problem(409, "ict-extension-not-applied");
    // Applied for, refused by the akimat with its reason, applied for again.
    let a = app
        .post(&apply)
        .token(&app.employer(BIN_BRANCH))
        .json(&json!({"months": 12}))
        .await;
    assert_eq!(a.ok(200)["extension_applied_months"], 12);
    app.post(&apply)
        .token(&app.employer(BIN_BRANCH))
        .json(&json!({"months": 12}))
        .await
        .problem(409, "ict-extension-pending");
    // A ground of the application's decision does not refuse an extension (Art. 35(1)),
    // nor does a refusal without grounds; nothing changes.
    let wrong = app
        .post(&format!("{BASE}/{id}/extension-decisions"))
        .token(&akimat)
        .json(&json!({"decision": "refuse", "grounds": ["ict-conditions-unmet"]}))
        .await;
    let v = &wrong.problem(422, "ground-not-for-case")["violations"][0];
    assert_eq!(v["article"], "Art. 35(1)");
    app.post(&format!("{BASE}/{id}/extension-decisions"))
        .token(&akimat)
        .json(&json!({"decision": "refuse", "reason": "no grounds"}))
        .await
        .problem(422, "grounds-required");
    let refused = app
        .post(&format!("{BASE}/{id}/extension-decisions"))
        .token(&akimat)
        .json(&json!({"decision": "refuse", "grounds": ["ict-contract-not-extended"], "reason": "the training plan was not kept"}))
        .await;
    assert_eq!(refused.ok(200)["extension_applied_months"], Value::Null);
    assert_eq!(refused.body["extensions"], 0);
    app.post(&apply)
        .token(&app.employer(BIN_BRANCH))
        .json(&json!({"months": 12}))
        .await
        .ok(200);
    // The akimat grants no more than was applied for; then extends once by a year.
    app.post(&format!("{BASE}/{id}/extension-decisions"))
        .token(&akimat)
        .json(&json!({"decision": "extend", "months": 13}))
        .await
        .problem(422, "ict-extension-beyond-application");
    let e = app
        .post(&format!("{BASE}/{id}/extension-decisions"))
        .token(&akimat)
        .json(&json!({"decision": "extend"}))
        .await;
    assert_eq!(e.ok(200)["valid_until"], "2030-12-31");
    assert_eq!(e.body["extensions"], 1);
    // A second extension is refused with the article when applied for.
    let r = app
        .post(&apply)
        .token(&app.employer(BIN_BRANCH))
        .json(&json!({"months": 6}))
        .await;
    assert_eq!(
        r.problem(422, "ict-extension-limit")["violations"][0]["article"],
        "Art. 35(1)"
    );
    // Still nothing in the ledger; the audit trail names no ledger or fee action.
    assert_eq!(ledger(&app).await, ledger_before);
    let audit = app
        .get("/v1/audit-events")
        .token(&app.ministry())
        .send()
        .await;
    let actions: Vec<String> = audit.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .filter(|a| a.starts_with("ict_permit."))
        .collect();
    assert_eq!(
        actions,
        [
            "ict_permit.applied",
            "ict_permit.issued",
            "ict_permit.extension_applied",
            "ict_permit.extension_refused",
            "ict_permit.extension_applied",
            "ict_permit.extended"
        ]
    );
}

#[actix_web::test]
async fn ict_arrival_on_day_11_is_late_and_officials_list_missing_and_late_notifications() {
    let app = spawn_app().await;
    let branch = app.employer(BIN_BRANCH);
    let permit = issued(&app).await;
    let id = permit["id"].as_i64().unwrap();
    // A second permit, of a representative office, never notified.
    let mut a = application();
    a["employer_form"] = json!("representative_office");
    a["workers"] = json!([a["workers"][2].clone()]);
    let other = app.post(BASE).token(&app.employer(BIN_REP)).json(&a).await;
    let other_id = other.ok(201)["id"].as_i64().unwrap();
    app.post(&format!("{BASE}/{other_id}/decisions"))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"decision": "issue"}))
        .await
        .ok(200);
    // Entered on 2027-01-05; notified on 2027-01-16, the eleventh day after entry.
    app.set_today("2027-01-16T04:00:00Z");
    // A term of work beyond the permit's validity is refused (Art. 35(1)).
    let mut beyond = arrival(&permit, "2027-01-05");
    beyond["term_to"] = json!("2031-01-01");
    let r = app
        .post(&format!("{BASE}/{id}/arrivals"))
        .token(&branch)
        .json(&beyond)
        .await;
    assert_eq!(
        r.problem(422, "ict-arrival-term-outside-permit")["violations"][0]["article"],
        "Art. 35(1)"
    );
    let n = app
        .post(&format!("{BASE}/{id}/arrivals"))
        .token(&branch)
        .json(&arrival(&permit, "2027-01-05"))
        .await;
    assert_eq!(n.ok(201)["late"], true);
    assert_eq!(n.body["deadline"], "2027-01-15");
    assert_eq!(n.body["workers"][0]["qualification"], "engineer");
    // The same workers cannot be notified twice.
    app.post(&format!("{BASE}/{id}/arrivals"))
        .token(&branch)
        .json(&arrival(&permit, "2027-01-05"))
        .await
        .problem(422, "rule-violation");
    // Ten days after the contract's start passed on 2027-01-11: missing.
    let register = app
        .get("/v1/ict-register")
        .token(&app.akimat("KZ-75"))
        .send()
        .await;
    let items = register.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 4);
    assert!(items[..3].iter().all(|l| l["notification"] == "late"));
    assert_eq!(items[3]["notification"], "missing");
    assert_eq!(items[3]["permit_id"], other_id);
    let late = app
        .get("/v1/ict-register?attention=late_notification")
        .token(&app.ministry())
        .send()
        .await;
    assert_eq!(late.ok(200)["items"].as_array().unwrap().len(), 3);
    let missing = app
        .get("/v1/ict-register?attention=missing_notification&limit=1")
        .token(&app.auditor())
        .send()
        .await;
    let missing = missing.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0]["full_name"], "JAN KOWALSKI");
    // Another region's akimat sees none of it and may not ask for KZ-75; employers not at all.
    let elsewhere = app
        .get("/v1/ict-register")
        .token(&app.akimat("KZ-71"))
        .send()
        .await;
    assert_eq!(elsewhere.ok(200)["items"].as_array().unwrap().len(), 0);
    app.get("/v1/ict-register?region=KZ-75")
        .token(&app.akimat("KZ-71"))
        .send()
        .await
        .problem(403, "forbidden");
    app.get("/v1/ict-register")
        .token(&branch)
        .send()
        .await
        .problem(403, "forbidden");
}

#[actix_web::test]
async fn ict_application_checks_the_bin_the_term_the_ratio_and_each_workers_route() {
    let app = spawn_app().await;
    // A head office is not a branch (Art. 1(25)).
    let r = app
        .post(BASE)
        .token(&app.employer(BIN_A))
        .json(&application())
        .await;
    assert_eq!(
        r.problem(422, "ict-employer-form")["violations"][0]["article"],
        "Art. 1(25)"
    );
    // …but a subsidiary is a legal entity of its own, with a head office's BIN.
    let mut a = application();
    a["employer_form"] = json!("subsidiary");
    let c = app.post(BASE).token(&app.employer(BIN_A)).json(&a).await;
    assert_eq!(c.ok(201)["employer_form"], "subsidiary");
    assert_eq!(c.body["bin"], BIN_A);
    // An individual entrepreneur never receives a transfer.
    app.post(BASE)
        .token(&app.employer(IIN_IE))
        .json(&a)
        .await
        .problem(422, "ict-employer-form");
    // Four years are beyond three (Art. 35(1)).
    let mut a = application();
    a["contract_end"] = json!("2030-12-31");
    let r = app
        .post(BASE)
        .token(&app.employer(BIN_BRANCH))
        .json(&a)
        .await;
    assert_eq!(
        r.problem(422, "ict-term-too-long")["violations"][0]["article"],
        "Art. 35(1)"
    );
    // One ICT manager against one Kazakh manager is beyond 50 % (Art. 35(4)).
    let mut a = application();
    a["kazakh_managers"] = json!(1);
    let r = app
        .post(BASE)
        .token(&app.employer(BIN_BRANCH))
        .json(&a)
        .await;
    assert_eq!(
        r.problem(422, "ict-ratio-exceeded")["violations"][0]["article"],
        "Art. 35(4)"
    );
    // A Russian citizen works under the EAEU Treaty, not on an ICT permit (Art. 2(3)).
    let mut a = application();
    a["workers"][2]["citizenship"] = json!("RUS");
    let r = app
        .post(BASE)
        .token(&app.employer(BIN_BRANCH))
        .json(&a)
        .await;
    let v = &r.problem(422, "ict-worker-route-other")["violations"][0];
    assert_eq!(v["article"], "Art. 2(3)");
    // No prior employment with the sender (Art. 1(25)).
    let mut a = application();
    a["workers"][0]["prior_employment_months"] = json!(0);
    app.post(BASE)
        .token(&app.employer(BIN_BRANCH))
        .json(&a)
        .await
        .problem(422, "ict-not-employed-by-sender");
    // An unbounded list of workers is refused at the edge.
    let mut a = application();
    a["workers"] = json!([]);
    app.post(BASE)
        .token(&app.employer(BIN_BRANCH))
        .json(&a)
        .await
        .problem(422, "invalid-fields");
}

#[actix_web::test]
async fn ict_permit_of_another_employer_or_region_answers_as_a_missing_one() {
    let app = spawn_app().await;
    let permit = issued(&app).await;
    let id = permit["id"].as_i64().unwrap();
    let missing = app
        .get(&format!("{BASE}/{}", id + 1000))
        .token(&app.employer(BIN_B))
        .send()
        .await;
    let others = app
        .get(&format!("{BASE}/{id}"))
        .token(&app.employer(BIN_B))
        .send()
        .await;
    let region = app
        .get(&format!("{BASE}/{id}"))
        .token(&app.akimat("KZ-71"))
        .send()
        .await;
    missing.problem(404, "not-found");
    for r in [&others, &region] {
        r.problem(404, "not-found");
        for k in ["type", "title", "detail"] {
            assert_eq!(r.body[k], missing.body[k], "{k}");
        }
    }
    // `not-found-case` names no id, so it tells nothing about which ids exist.
    let detail = missing.body["detail"].as_str().unwrap();
    assert!(!detail.chars().any(|c| c.is_ascii_digit()), "{detail}");
    // The same for a notification to another's permit.
    app.post(&format!("{BASE}/{id}/arrivals"))
        .token(&app.employer(BIN_REP))
        .json(&arrival(&permit, "2027-01-05"))
        .await
        .problem(404, "not-found");
    // Listings are narrowed.
    let mine = app.get(BASE).token(&app.employer(BIN_BRANCH)).send().await;
    assert_eq!(mine.ok(200)["items"].as_array().unwrap().len(), 1);
    let theirs = app.get(BASE).token(&app.employer(BIN_B)).send().await;
    assert_eq!(theirs.ok(200)["items"].as_array().unwrap().len(), 0);
    let akimat = app.get(BASE).token(&app.akimat("KZ-71")).send().await;
    assert_eq!(akimat.ok(200)["items"].as_array().unwrap().len(), 0);
}

#[actix_web::test]
async fn ict_suspension_revocation_and_overdue_departures() {
    let app = spawn_app().await;
    let akimat = app.akimat("KZ-75");
    let branch = app.employer(BIN_BRANCH);
    let permit = issued(&app).await;
    let id = permit["id"].as_i64().unwrap();
    let measure = |m: &str| json!({"measure": m, "reason": "inspection found breaches"});
    // While the permit runs, no departure is owed yet (Art. 28(2)(8)).
    let first = permit["workers"][0]["id"].as_i64().unwrap();
    app.post(&format!("{BASE}/{id}/departures"))
        .token(&branch)
        .json(&json!({"worker_id": first, "date": "2026-12-01", "evidence": "Khorgos"}))
        .await
        .problem(409, "ict-permit-not-ended");
    let s = app
        .post(&format!("{BASE}/{id}/measures"))
        .token(&akimat)
        .json(&measure("suspend"))
        .await;
    assert_eq!(s.ok(200)["status"], "suspended");
    // A suspended permit is not extended: no application is taken.
    app.post(&format!("{BASE}/{id}/extensions"))
        .token(&app.employer(BIN_BRANCH))
        .json(&json!({"months": 12}))
        .await
        .problem(409, "ict-not-extendable");
    app.post(&format!("{BASE}/{id}/measures"))
        .token(&akimat)
        .json(&measure("resume"))
        .await
        .ok(200);
    // A revocation names a ground of the rule set's list, as for permits (Art. 9(5)). It
    // comes once the contract's term has begun, so the workers may have come.
    app.set_today("2027-01-05T04:00:00Z");
    let mut revoke = measure("revoke");
    revoke["ground"] = json!("no-such-ground");
    let r = app
        .post(&format!("{BASE}/{id}/measures"))
        .token(&akimat)
        .json(&revoke)
        .await;
    assert_eq!(
        r.problem(422, "unknown-ground")["violations"][0]["article"],
        "Art. 9(5)"
    );
    revoke["ground"] = json!("unlawful-engagement");
    let r = app
        .post(&format!("{BASE}/{id}/measures"))
        .token(&akimat)
        .json(&revoke)
        .await;
    assert_eq!(r.ok(200)["status"], "revoked");
    assert_eq!(r.body["measure_ground"], "unlawful-engagement");
    assert_eq!(r.body["measure_reason"], "inspection found breaches");
    // The akimat's power to suspend and revoke is Art. 9(5); the ground adds its own.
    let trail = app
        .get("/v1/audit-events?entity_type=ict_permit")
        .token(&app.auditor())
        .send()
        .await;
    let mut bases: Vec<(&str, &str)> = trail.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["legal_basis"].as_str().unwrap(),
            )
        })
        .filter(|(action, _)| {
            ["suspended", "resumed", "revoked"]
                .iter()
                .any(|m| action.ends_with(m))
        })
        .collect();
    bases.sort_unstable();
    assert_eq!(
        bases,
        [
            ("ict_permit.resumed", "Art. 9(5)"),
            ("ict_permit.revoked", "Art. 9(5); Art. 33(3)"),
            ("ict_permit.suspended", "Art. 9(5)"),
        ]
    );
    app.post(&format!("{BASE}/{id}/measures"))
        .token(&akimat)
        .json(&measure("resume"))
        .await
        .problem(409, "ict-measure-not-allowed");
    // Revoked after its term began: every worker must leave (Art. 28(2)(8)); all three
    // are overdue.
    let overdue = app
        .get("/v1/ict-register?attention=departure_overdue")
        .token(&akimat)
        .send()
        .await;
    let lines = overdue.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(lines.len(), 3);
    let worker = lines[0]["worker_id"].as_i64().unwrap();
    let d = app
        .post(&format!("{BASE}/{id}/departures"))
        .token(&branch)
        .json(&json!({"worker_id": worker, "date": "2027-01-05", "evidence": "Khorgos"}))
        .await;
    assert_eq!(d.ok(201)["departed_on"], "2027-01-05");
    app.post(&format!("{BASE}/{id}/departures"))
        .token(&branch)
        .json(&json!({"worker_id": worker, "date": "2027-01-05", "evidence": "Khorgos"}))
        .await
        .problem(409, "ict-departure-recorded");
    let overdue = app
        .get("/v1/ict-register?attention=departure_overdue")
        .token(&app.ministry())
        .send()
        .await;
    assert_eq!(overdue.ok(200)["items"].as_array().unwrap().len(), 2);
    // The same two in the officials' list of overdue departures, beside permits' workers.
    let listed = app
        .get("/v1/departures/overdue")
        .token(&akimat)
        .send()
        .await;
    let items = listed.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items
        .iter()
        .all(|i| i["permit_kind"] == "ict_permit" && i["permit_id"] == id));
    assert!(items.iter().all(|i| i["worker_id"] != worker));
}

#[actix_web::test]
async fn ict_application_replays_its_idempotency_key_and_a_stale_decision_is_refused() {
    let app = spawn_app().await;
    let branch = app.employer(BIN_BRANCH);
    let first = app
        .post(BASE)
        .token(&branch)
        .header("Idempotency-Key", "ict-1")
        .json(&application())
        .await;
    let id = first.ok(201)["id"].as_i64().unwrap();
    let again = app
        .post(BASE)
        .token(&branch)
        .header("Idempotency-Key", "ict-1")
        .json(&application())
        .await;
    assert_eq!(again.ok(201)["id"], id);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    let list = app.get(BASE).token(&app.ministry()).send().await;
    assert_eq!(list.ok(200)["items"].as_array().unwrap().len(), 1);
    // A decision on a version no longer current is 412; on the current one it is taken.
    app.post(&format!("{BASE}/{id}/decisions"))
        .token(&app.akimat("KZ-75"))
        .header("If-Match", "\"7\"")
        .json(&json!({"decision": "refuse", "grounds": ["ict-unreliable-documents"], "reason": "documents unreliable"}))
        .await
        .problem(412, "stale-version");
    let d = app
        .post(&format!("{BASE}/{id}/decisions"))
        .token(&app.akimat("KZ-75"))
        .header("If-Match", "\"1\"")
        .json(&json!({"decision": "refuse", "grounds": ["ict-unreliable-documents"], "reason": "documents unreliable"}))
        .await;
    assert_eq!(d.ok(200)["status"], "refused");
    assert_eq!(d.body["refusal_reason"], "documents unreliable");
    // Decided once.
    app.post(&format!("{BASE}/{id}/decisions"))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"decision": "issue"}))
        .await
        .problem(409, "already-decided");
    // A refused permit takes no arrival notification (Art. 35(3)).
    let permit = app
        .get(&format!("{BASE}/{id}"))
        .token(&branch)
        .send()
        .await
        .ok(200)
        .clone();
    app.post(&format!("{BASE}/{id}/arrivals"))
        .token(&branch)
        .json(&arrival(&permit, "2026-11-30"))
        .await
        .problem(422, "ict-permit-not-issued");
}

//! Self-employment certificates over HTTP (Art. 34, 28(2)(10)): applied for, issued for at
//! most three months, extended inside the three-month window and refused outside it or
//! beyond three years; employers report a hire and its end; no quota is touched.

use crate::helpers::*;
use serde_json::{json, Value};

/// A direct application to the akimat of `region` for a software developer (2512) with
/// higher education and four years of experience.
pub fn application(region: &str) -> Value {
    json!({"region": region, "channel": "akimat", "full_name": "Arjun Mehta",
        "passport_number": "Z1234567", "citizenship": "IND", "occupation_code": "2512",
        "higher_education": true, "experience_years": 4})
}

const BASE: &str = "/v1/self-employment-certificates";

/// Applies and issues a certificate today for three months; returns its id.
async fn issued(app: &TestApp) -> i64 {
    let akimat = app.akimat("KZ-75");
    let c = app
        .post(BASE)
        .token(&akimat)
        .json(&application("KZ-75"))
        .await;
    let id = c.ok(201)["id"].as_i64().unwrap();
    assert_eq!(c.body["status"], "applied");
    let d = app
        .post(&format!("{BASE}/{id}/decisions"))
        .token(&akimat)
        .json(&json!({"decision": "issue", "months": 3}))
        .await;
    assert_eq!(d.ok(200)["status"], "issued");
    id
}

async fn ledger(app: &TestApp) -> Value {
    app.get("/v1/quotas/2026/ledger")
        .token(&app.ministry())
        .send()
        .await
        .ok(200)
        .clone()
}

#[actix_web::test]
async fn certificate_is_issued_for_three_months_and_extended_inside_its_window_without_quota() {
    let app = spawn_app().await;
    app.put("/v1/quotas/2026")
        .token(&app.ministry())
        .json(&crate::quotas::national_2026())
        .await
        .ok(201);
    let before = ledger(&app).await;
    let akimat = app.akimat("KZ-75");
    // Today is 2026-12-01: valid until 2027-02-28.
    let id = issued(&app).await;
    let c = app.get(&format!("{BASE}/{id}")).token(&akimat).send().await;
    assert_eq!(c.ok(200)["issued_on"], "2026-12-01");
    assert_eq!(c.body["valid_until"], "2027-02-28");
    assert_eq!(c.body["profession"], "Software developer");
    // More than three months is refused (Art. 34(1)).
    let other = app
        .post(BASE)
        .token(&akimat)
        .json(&application("KZ-75"))
        .await;
    let other = other.ok(201)["id"].as_i64().unwrap();
    let r = app
        .post(&format!("{BASE}/{other}/decisions"))
        .token(&akimat)
        .json(&json!({"decision": "issue", "months": 4}))
        .await;
    assert_eq!(
        r.problem(422, "certificate-term-too-long")["violations"][0]["article"],
        "Art. 34(1)"
    );
    // Extended inside the window, for a two-year contract that starts while it is valid.
    app.set_today("2027-02-20T04:00:00Z");
    let e = app
        .post(&format!("{BASE}/{id}/extensions"))
        .token(&akimat)
        .json(&json!({"employer_bin": BIN_A, "contract_start": "2027-02-25", "contract_end": "2029-02-24"}))
        .await;
    assert_eq!(e.ok(200)["status"], "extended");
    assert_eq!(e.body["valid_until"], "2029-02-24");
    // Only once.
    app.post(&format!("{BASE}/{id}/extensions"))
        .token(&akimat)
        .json(&json!({"employer_bin": BIN_A, "contract_start": "2027-02-25", "contract_end": "2029-02-24"}))
        .await
        .problem(409, "certificate-not-extendable");
    // No quota moved: the ledger is as it was.
    assert_eq!(ledger(&app).await, before);
}

#[actix_web::test]
async fn certificate_extension_is_refused_outside_its_window_and_beyond_three_years() {
    let app = spawn_app().await;
    let akimat = app.akimat("KZ-75");
    let id = issued(&app).await;
    // A four-year contract is beyond three years (Art. 34(1)).
    app.set_today("2027-01-10T04:00:00Z");
    let r = app
        .post(&format!("{BASE}/{id}/extensions"))
        .token(&akimat)
        .json(&json!({"employer_bin": BIN_A, "contract_start": "2027-01-15", "contract_end": "2031-01-14"}))
        .await;
    assert_eq!(
        r.problem(422, "extension-beyond-three-years")["violations"][0]["article"],
        "Art. 34(1)"
    );
    // Three months after issue the window is closed (Art. 34(3)), even for a contract
    // that started while the certificate was valid.
    app.set_today("2027-03-01T04:00:00Z");
    let r = app
        .post(&format!("{BASE}/{id}/extensions"))
        .token(&akimat)
        .json(&json!({"employer_bin": BIN_A, "contract_start": "2027-02-01", "contract_end": "2028-01-31"}))
        .await;
    assert_eq!(
        r.problem(422, "extension-window-closed")["violations"][0]["article"],
        "Art. 34(3)"
    );
    // Another region's akimat does not see it.
    app.post(&format!("{BASE}/{id}/extensions"))
        .token(&app.akimat("KZ-71"))
        .json(&json!({"employer_bin": BIN_A, "contract_start": "2027-03-02", "contract_end": "2028-03-01"}))
        .await
        .problem(404, "not-found");
}

#[actix_web::test]
async fn art_34_3_a_certificate_is_extended_only_once_its_holder_is_employed_for_the_contracts_term(
) {
    let app = spawn_app().await;
    let akimat = app.akimat("KZ-75");
    // Issued on 2026-12-01 for three months: valid until 2027-02-28.
    let id = issued(&app).await;
    let extend = |start: &'static str, end: &'static str| {
        let (app, akimat) = (&app, &akimat);
        async move {
            app.post(&format!("{BASE}/{id}/extensions"))
                .token(akimat)
                .json(&json!({"employer_bin": BIN_A, "contract_start": start, "contract_end": end}))
                .await
        }
    };
    // The same day, for a three-year contract starting two years later: valid five years
    // ahead with a gap before any work. Refused: the holder is not employed.
    let r = extend("2029-01-01", "2031-12-31").await;
    let v = &r.problem(422, "certificate-holder-not-employed")["violations"][0];
    assert_eq!(v["article"], "Art. 34(3)");
    assert_eq!(
        v["message"],
        "the certificate valid from 2026-12-01 to 2027-02-28 is extended once its holder is employed: the labour contract must start while it is valid, or the employer must have reported hiring the holder while it was, and the contract may not start after 2027-02-28 (it starts on 2029-01-01)"
    );
    // The day after the certificate's last day is too late a start as well.
    extend("2027-03-01", "2028-02-29")
        .await
        .problem(422, "certificate-holder-not-employed");
    let c = app.get(&format!("{BASE}/{id}")).token(&akimat).send().await;
    assert_eq!(c.ok(200)["status"], "issued");
    assert_eq!(c.body["valid_until"], "2027-02-28");
    // A three-year contract starting while it is valid: extended for the contract's term.
    app.set_today("2027-01-10T04:00:00Z");
    let e = extend("2027-01-11", "2030-01-10").await;
    assert_eq!(e.ok(200)["status"], "extended");
    assert_eq!(e.body["valid_until"], "2030-01-10");
}

#[actix_web::test]
async fn art_34_3_a_hire_reported_while_the_certificate_is_valid_lets_it_be_extended_for_the_contracts_term_of_at_most_three_years(
) {
    let app = spawn_app().await;
    let akimat = app.akimat("KZ-75");
    // Issued on 2026-12-01 for three months: valid until 2027-02-28.
    let id = issued(&app).await;
    let extend = |start: &'static str, end: &'static str| {
        let (app, akimat) = (&app, &akimat);
        async move {
            app.post(&format!("{BASE}/{id}/extensions"))
                .token(akimat)
                .json(&json!({"employer_bin": BIN_A, "contract_start": start, "contract_end": end}))
                .await
        }
    };
    let hire = |bin: &'static str, on: &'static str| {
        let app = &app;
        async move {
            app.post(&format!("{BASE}/{id}/employment-reports"))
                .token(&app.employer(bin))
                .json(&json!({"kind": "hire", "date": on, "passport_number": "Z1234567"}))
                .await
                .ok(201);
        }
    };
    // A contract of BIN_A dated before the certificate: until BIN_A reports the hire, the
    // holder is not employed under it.
    app.set_today("2026-12-10T04:00:00Z");
    let r = extend("2026-11-20", "2029-11-19").await;
    assert_eq!(
        r.problem(422, "certificate-holder-not-employed")["violations"][0]["article"],
        "Art. 34(3)"
    );
    // Another employer's report of a hire is not BIN_A's contract.
    hire(BIN_B, "2026-12-10").await;
    extend("2026-11-20", "2029-11-19")
        .await
        .problem(422, "certificate-holder-not-employed");
    // BIN_A reports the hire while the certificate is valid: employed.
    hire(BIN_A, "2026-12-10").await;
    // Never more than three years from the contract's start: a day more is refused.
    let r = extend("2026-11-20", "2029-11-20").await;
    let v = &r.problem(422, "extension-beyond-three-years")["violations"];
    assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v[0]["article"], "Art. 34(1)");
    let c = app.get(&format!("{BASE}/{id}")).token(&akimat).send().await;
    assert_eq!(c.ok(200)["valid_until"], "2027-02-28");
    // Extended for the contract's term: to its last day, three years from its start.
    let e = extend("2026-11-20", "2029-11-19").await;
    assert_eq!(e.ok(200)["status"], "extended");
    assert_eq!(e.body["valid_until"], "2029-11-19");
}

#[actix_web::test]
async fn certificate_application_is_refused_for_a_profession_not_in_demand_or_below_its_requirements(
) {
    let app = spawn_app().await;
    let akimat = app.akimat("KZ-75");
    let mut a = application("KZ-75");
    a["occupation_code"] = json!("9629");
    let r = app.post(BASE).token(&akimat).json(&a).await;
    assert_eq!(
        r.problem(422, "profession-not-in-demand")["violations"][0]["article"],
        "Art. 34(1)"
    );
    let mut a = application("KZ-75");
    a["higher_education"] = json!(false);
    a["experience_years"] = json!(1);
    let r = app.post(BASE).token(&akimat).json(&a).await;
    assert_eq!(
        r.problem(422, "rule-violation")["violations"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // Through a foreign mission, with its country; routed to the akimat named.
    let mut a = application("KZ-71");
    a["channel"] = json!("foreign_mission");
    a["mission_country"] = json!("IND");
    let c = app.post(BASE).token(&app.akimat("KZ-71")).json(&a).await;
    assert_eq!(c.ok(201)["mission_country"], "IND");
    assert_eq!(c.body["region"], "KZ-71");
    // An akimat registers only for its own region.
    app.post(BASE)
        .token(&akimat)
        .json(&a)
        .await
        .problem(403, "forbidden");
}

#[actix_web::test]
async fn certificate_employer_reports_a_hire_and_its_end_and_sees_only_what_it_reported() {
    let app = spawn_app().await;
    let id = issued(&app).await;
    let employer = app.employer(BIN_A);
    // A number without the holder's passport proves nothing and reveals nothing: the
    // same 404 as a certificate that does not exist.
    let guessed = app
        .post(&format!("{BASE}/{id}/employment-reports"))
        .token(&app.employer(BIN_B))
        .json(&json!({"kind": "hire", "date": "2026-12-10", "passport_number": "X0000000"}))
        .await;
    let missing = app
        .post(&format!("{BASE}/{}/employment-reports", id + 1000))
        .token(&app.employer(BIN_B))
        .json(&json!({"kind": "hire", "date": "2026-12-10", "passport_number": "X0000000"}))
        .await;
    assert_eq!(guessed.status, 404);
    assert_eq!(guessed.body["type"], missing.body["type"]);
    // Before reporting, the employer does not see the certificate.
    app.get(&format!("{BASE}/{id}"))
        .token(&employer)
        .send()
        .await
        .problem(404, "not-found");
    let version = |c: &Resp| c.body["version"].as_i64().unwrap();
    let before = app
        .get(&format!("{BASE}/{id}"))
        .token(&app.akimat("KZ-75"))
        .send()
        .await;
    before.ok(200);
    let hire = app
        .post(&format!("{BASE}/{id}/employment-reports"))
        .token(&employer)
        .json(&json!({"kind": "hire", "date": "2026-12-10", "passport_number": "Z1234567"}))
        .await;
    assert_eq!(hire.ok(201)["past_validity"], false);
    // The certificate shows the report, and its version (its ETag) moved with it.
    let after = app
        .get(&format!("{BASE}/{id}"))
        .token(&app.akimat("KZ-75"))
        .send()
        .await;
    assert_eq!(after.ok(200)["employment"].as_array().unwrap().len(), 1);
    assert_eq!(version(&after), version(&before) + 1);
    assert_ne!(after.header("etag"), before.header("etag"));
    // The end, after the certificate's last day: accepted and flagged.
    let end = app
        .post(&format!("{BASE}/{id}/employment-reports"))
        .token(&employer)
        .json(&json!({"kind": "end", "date": "2027-03-15", "passport_number": "z 1234567"}))
        .await;
    assert_eq!(end.ok(201)["past_validity"], true);
    // Another employer cannot end an employment it never reported.
    app.post(&format!("{BASE}/{id}/employment-reports"))
        .token(&app.employer(BIN_B))
        .json(&json!({"kind": "end", "date": "2027-01-15", "passport_number": "Z1234567"}))
        .await
        .problem(422, "employment-end-without-hire");
    // The ministry sees the history; the employer now sees the certificate, BIN_B does not.
    let c = app
        .get(&format!("{BASE}/{id}"))
        .token(&app.ministry())
        .send()
        .await;
    let history = c.ok(200)["employment"].as_array().unwrap().clone();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["kind"], "hire");
    assert_eq!(history[1]["kind"], "end");
    app.get(&format!("{BASE}/{id}"))
        .token(&employer)
        .send()
        .await
        .ok(200);
    app.get(&format!("{BASE}/{id}"))
        .token(&app.employer(BIN_B))
        .send()
        .await
        .problem(404, "not-found");
    let mine = app.get(BASE).token(&employer).send().await;
    assert_eq!(mine.ok(200)["items"].as_array().unwrap().len(), 1);
    let theirs = app.get(BASE).token(&app.employer(BIN_B)).send().await;
    assert_eq!(theirs.ok(200)["items"].as_array().unwrap().len(), 0);
}

#[actix_web::test]
async fn certificate_refusal_names_grounds_of_the_rule_sets_list_that_refuse_a_certificate() {
    let app = spawn_app().await;
    let akimat = app.akimat("KZ-75");
    let id = app
        .post(BASE)
        .token(&akimat)
        .json(&application("KZ-75"))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    let decide = |body: Value| {
        app.post(&format!("{BASE}/{id}/decisions"))
            .token(&akimat)
            .header("Accept-Language", "ru")
            .json_owned(body)
    };
    // No ground, a ground of no list, an ICT ground: each refused under Art. 34(1).
    decide(json!({"decision": "refuse", "reason": "free text alone"}))
        .await
        .problem(422, "grounds-required");
    let r = decide(json!({"decision": "refuse", "grounds": ["quota-exhausted"]})).await;
    assert_eq!(
        r.problem(422, "unknown-ground")["violations"][0]["article"],
        "Art. 34(1)"
    );
    let r = decide(json!({"decision": "refuse", "grounds": ["ict-ratio-unmet"]})).await;
    let v = &r.problem(422, "ground-not-for-case")["violations"][0];
    assert_eq!(v["article"], "Art. 34(1)");
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("справке о самостоятельном трудоустройстве"),
        "{v}"
    );
    // An issue names no grounds.
    decide(json!({"decision": "issue", "months": 3, "grounds": ["profession-not-in-demand"]}))
        .await
        .problem(422, "invalid-fields");
    let still = app.get(&format!("{BASE}/{id}")).token(&akimat).send().await;
    assert_eq!(still.ok(200)["status"], "applied");
    // Refused on two grounds with the note: both kept, the note as refusal_reason, the
    // grounds' articles in the history's legal basis.
    let d = decide(json!({"decision": "refuse",
        "grounds": ["profession-not-in-demand", "certificate-qualification-unmet"],
        "reason": "the diploma was not legalised"}))
    .await;
    assert_eq!(d.ok(200)["status"], "refused");
    assert_eq!(
        d.body["refusal_grounds"],
        json!([
            "profession-not-in-demand",
            "certificate-qualification-unmet"
        ])
    );
    assert_eq!(d.body["refusal_reason"], "the diploma was not legalised");
    let events = app
        .get(&format!(
            "/v1/audit-events?entity_type=self_employment_certificate&entity_id={id}&limit=10"
        ))
        .token(&app.ministry())
        .send()
        .await;
    let refused = events.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "self_employment_certificate.refused")
        .expect("the refusal is in the history")
        .clone();
    assert_eq!(refused["legal_basis"], "Art. 34(1); Art. 34(2), Art. 34(4)");
    // Without a note, the refusal reads none.
    let other = app
        .post(BASE)
        .token(&akimat)
        .json(&application("KZ-75"))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    let d = app
        .post(&format!("{BASE}/{other}/decisions"))
        .token(&akimat)
        .json(&json!({"decision": "refuse", "grounds": ["certificate-unreliable-documents"]}))
        .await;
    assert_eq!(d.ok(200)["refusal_reason"], Value::Null);
    assert_eq!(
        d.body["refusal_grounds"],
        json!(["certificate-unreliable-documents"])
    );
}

//! Pre-trial complaints (APPK No. 350-VI, Art. 91-92, 99) through HTTP on the configured
//! database: a refusal annulled by the akimat itself and decided again, a revocation
//! annulled by the ministry (bar lifted, quota held again), a complaint refused with
//! reasons, a late complaint, a missed decision deadline, deadlines over holidays, access.

use crate::helpers::*;
use crate::permits::{active_permit, application, profile, quota, quota_2027, worker};
use serde_json::{json, Value};

async fn file(app: &TestApp, bin: &str, permit: &Value, act: &str, relief: &str) -> Resp {
    app.post("/v1/complaints")
        .token(&app.employer(bin))
        .json(&json!({
            "permit_id": permit, "act": act, "relief": relief,
            "grounds": "The Kazakh share was met: the profile lists 150 Kazakh staff.",
            "references": ["Letter No. 15-2/311 of 10.03.2026"]
        }))
        .await
}

async fn apply(app: &TestApp, passport: &str) -> Value {
    app.post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("KAYA MEHMET", "TUR", passport)],
        ))
        .await
        .ok(201)["id"]
        .clone()
}

pub(crate) async fn decide_permit(app: &TestApp, id: &Value, body: Value) -> Resp {
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&body)
        .await
}

async fn permit(app: &TestApp, id: &Value) -> Value {
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone()
}

fn actions(permit: &Value) -> Vec<String> {
    permit["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap().to_owned())
        .collect()
}

pub(crate) async fn forward(app: &TestApp, id: &Value) -> Value {
    app.post(&format!("/v1/complaints/{id}/forwarding"))
        .token(&app.akimat("KZ-23"))
        .send()
        .await
        .ok(200)
        .clone()
}

pub(crate) async fn decide(app: &TestApp, id: &Value, body: Value) -> Resp {
    app.post(&format!("/v1/complaints/{id}/decisions"))
        .token(&app.ministry())
        .json(&body)
        .await
}

async fn refused_permit(app: &TestApp) -> Value {
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 5)]).await;
    profile(app, BIN_A).await;
    let id = apply(app, "U1000000").await;
    let r = decide_permit(
        app,
        &id,
        json!({"decision": "refuse", "grounds": ["unreliable-documents"]}),
    )
    .await;
    assert_eq!(r.ok(200)["status"], "refused");
    id
}

#[actix_web::test]
async fn appk_91_4_a_refusal_annulled_by_the_akimat_itself_is_decided_again() {
    let app = spawn_app().await;
    let id = refused_permit(&app).await;

    let body = json!({"permit_id": id, "act": "refusal", "relief": "annul",
        "grounds": "The documents were reliable.", "references": ["Notary copy No. 77"]});
    let first = app
        .post("/v1/complaints")
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "complaint-1")
        .json(&body)
        .await;
    let c = first.ok(201).clone();
    assert_eq!(
        (&c["state"], &c["act_on"], &c["late"], &c["with_body"]),
        (
            &json!("filed"),
            &json!("2025-12-15"),
            &json!(false),
            &json!("akimat")
        )
    );
    // Three working days to satisfy it itself (APPK Art. 91(4)); 16 December is a holiday.
    assert_eq!(c["due"], "2025-12-19");
    assert_eq!(c["deciding_body"], "ministry");
    assert_eq!(c["references"], json!(["Notary copy No. 77"]));
    let again = app
        .post("/v1/complaints")
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "complaint-1")
        .json(&body)
        .await;
    assert_eq!(again.header("Idempotent-Replayed"), Some("true"));
    assert_eq!(again.ok(201)["id"], c["id"]);
    // A second complaint while one is open is a conflict.
    file(&app, BIN_A, &id, "refusal", "annul")
        .await
        .problem(409, "complaint-exists");

    let r = app
        .post(&format!("/v1/complaints/{}/reconsideration", c["id"]))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"reasons": "The notary copy shows the documents reliable."}))
        .await;
    let done = r.ok(200).clone();
    assert_eq!(
        (&done["state"], &done["decided_on"]),
        (&json!("reconsidered"), &json!("2025-12-15"))
    );
    let p = permit(&app, &id).await;
    assert_eq!(p["status"], "applied");
    assert_eq!(p["regions"][0]["decision"], "pending");
    // A new decision term of seven working days from Monday 15 December over the holiday
    // of the 16th: Thursday 25 December, not Wednesday 24.
    assert_eq!(p["decision_due"], "2025-12-25");
    let seen = actions(&p);
    for a in [
        "permit.complaint_filed",
        "permit.annulled",
        "permit.complaint_reconsidered",
    ] {
        assert!(seen.iter().any(|s| s == a), "{a} not in {seen:?}");
    }
    let annulled = p["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["action"] == "permit.annulled")
        .unwrap();
    assert_eq!(annulled["legal_basis"], "APPK Art. 91(3), APPK Art. 91(4)");

    // Decided again: approved, its quota held anew (under the complaint's reference).
    let r = decide_permit(&app, &id, json!({"decision": "approve"})).await;
    assert_eq!(r.ok(200)["status"], "awaiting_payment");
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 1, 0));
}

#[actix_web::test]
async fn appk_91_3_a_revocation_annulled_lifts_the_bar_and_holds_the_quota_again() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U1000000").await;
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 1));

    app.set_today("2026-03-10T04:00:00Z");
    app.post(&format!("/v1/permits/{id}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": "unlawful-engagement"}))
        .await
        .ok(200);
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 0));
    let barred = |p: &Value| {
        p["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == "employer-barred")
            .unwrap()["outcome"]
            .clone()
    };
    let mut a = application(&["KZ-23"], vec![worker("DEMIR ALI", "TUR", "U2000000")]);
    a["start_date"] = json!("2026-04-01");
    a["vacancy_published_on"] = json!("2026-02-01");
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&a)
        .await
        .ok(201)
        .clone();
    assert_eq!(barred(&p), "fail");
    app.post(&format!("/v1/permits/{}/withdrawal", p["id"]))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200);

    let c = file(&app, BIN_A, &id, "revocation", "annul")
        .await
        .ok(201)
        .clone();
    assert_eq!(c["act_on"], "2026-03-10");
    let f = forward(&app, &c["id"]).await;
    // Twenty working days from 10 March 2026 over Nauryz (23-25 March): 10 April, not 7.
    assert_eq!(
        (&f["state"], &f["due"], &f["forwarded_on"], &f["with_body"]),
        (
            &json!("forwarded"),
            &json!("2026-04-10"),
            &json!("2026-03-10"),
            &json!("ministry")
        )
    );
    // The ministry's queue holds it; the akimat cannot decide what the ministry decides.
    let q = app
        .get("/v1/complaint-queue")
        .token(&app.ministry())
        .send()
        .await;
    assert_eq!(q.ok(200)["items"][0]["id"], c["id"]);
    app.post(&format!("/v1/complaints/{}/decisions", c["id"]))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"outcome": "satisfied"}))
        .await
        .problem(403, "forbidden");

    app.set_today("2026-03-20T04:00:00Z");
    let d = decide(&app, &c["id"], json!({"outcome": "satisfied"})).await;
    let d = d.ok(200).clone();
    assert_eq!(
        (&d["state"], &d["decided_on"], &d["awaiting_quota"]),
        (&json!("satisfied"), &json!("2026-03-20"), &json!(false))
    );
    let p = permit(&app, &id).await;
    assert_eq!(p["status"], "active");
    assert_eq!(p["end_ground"], Value::Null);
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 1));
    let satisfied = p["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["action"] == "permit.complaint_satisfied")
        .unwrap();
    assert_eq!(satisfied["legal_basis"], "APPK Art. 91(3)");

    // The bar of Art. 33(2) is gone with the revocation.
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&a)
        .await
        .ok(201)
        .clone();
    assert_eq!(barred(&p), "pass");

    // The employer's list and the statistics count it.
    let mine = app
        .get("/v1/complaints")
        .token(&app.employer(BIN_A))
        .send()
        .await;
    assert_eq!(mine.ok(200)["items"][0]["state"], "satisfied");
    let s = app
        .get("/v1/complaint-statistics?filed_from=2026-01-01&filed_to=2026-12-31")
        .token(&app.ministry())
        .send()
        .await;
    let row = s.ok(200)["rows"][0].clone();
    assert_eq!(
        (
            &row["region"],
            &row["act"],
            &row["filed"],
            &row["satisfied"],
            &row["refused"],
            &row["median_days_to_decide"]
        ),
        (
            &json!("KZ-23"),
            &json!("revocation"),
            &json!(1),
            &json!(1),
            &json!(0),
            &json!(10)
        )
    );
}

#[actix_web::test]
async fn appk_91_3_a_complaint_refused_with_reasons_leaves_the_act_standing() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U1000000").await;
    app.set_today("2026-02-02T04:00:00Z");
    app.post(&format!("/v1/permits/{id}/suspension"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"reason": "inspection"}))
        .await
        .ok(200);
    // Only an act the permit shows can be contested.
    file(&app, BIN_A, &id, "revocation", "annul")
        .await
        .problem(422, "complaint-no-such-act");
    file(&app, BIN_A, &id, "suspension", "take_decision")
        .await
        .problem(422, "complaint-relief-mismatch");
    let c = file(&app, BIN_A, &id, "suspension", "annul")
        .await
        .ok(201)
        .clone();
    forward(&app, &c["id"]).await;
    let r = app
        .post(&format!("/v1/complaints/{}/decisions", c["id"]))
        .token(&app.ministry())
        .header("Accept-Language", "ru")
        .json(&json!({"outcome": "refused"}))
        .await;
    let v = &r.problem(422, "complaint-reasons-required")["violations"][0];
    assert_eq!(v["article"], "APPK Art. 91(3)");
    assert_eq!(
        v["message"],
        "отказ или частичное удовлетворение жалобы должны быть мотивированы"
    );
    let d = decide(
        &app,
        &c["id"],
        json!({"outcome": "refused", "reasons": "The inspection found workers outside the permit's region."}),
    )
    .await;
    let d = d.ok(200).clone();
    assert_eq!(
        (&d["state"], &d["reasons"]),
        (
            &json!("refused"),
            &json!("The inspection found workers outside the permit's region.")
        )
    );
    assert_eq!(permit(&app, &id).await["status"], "suspended");
    // Decided: it moves no more.
    decide(&app, &c["id"], json!({"outcome": "satisfied"}))
        .await
        .problem(409, "illegal-transition");
}

#[actix_web::test]
async fn appk_92_a_late_complaint_is_accepted_marked_and_satisfied_only_once_its_term_is_restored()
{
    let app = spawn_app().await;
    let id = refused_permit(&app).await;
    // 15 December + 3 months is Sunday 15 March: the term ends on Monday 16 March (APPK
    // Art. 92(1) with Civil Code Art. 175), so the 17th is late.
    app.set_today("2026-03-17T04:00:00Z");
    let c = file(&app, BIN_A, &id, "refusal", "annul")
        .await
        .ok(201)
        .clone();
    assert_eq!(c["late"], true);
    // The akimat's own term ends on the third working day (20 March).
    app.set_today("2026-03-23T04:00:00Z");
    app.post(&format!("/v1/complaints/{}/reconsideration", c["id"]))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"reasons": "x"}))
        .await
        .problem(422, "complaint-reconsideration-term-passed");
    let f = forward(&app, &c["id"]).await;
    // Twenty working days from Monday 23 March 2026, Nauryz, with 24-25 March off too:
    // 22 April.
    assert_eq!(f["due"], "2026-04-22");
    decide(&app, &c["id"], json!({"outcome": "satisfied"}))
        .await
        .problem(422, "complaint-term-restoration-required");
    decide(
        &app,
        &c["id"],
        json!({"outcome": "satisfied", "term_restored": false}),
    )
    .await
    .problem(422, "complaint-term-not-restored");
    let d = decide(
        &app,
        &c["id"],
        json!({"outcome": "satisfied", "term_restored": true, "reasons": "The director was in hospital."}),
    )
    .await;
    let d = d.ok(200).clone();
    assert_eq!(
        (&d["state"], &d["term_restored"]),
        (&json!("satisfied"), &json!(true))
    );
    assert_eq!(permit(&app, &id).await["status"], "applied");
}

#[actix_web::test]
async fn appk_92_1_a_filing_term_ending_on_a_holiday_runs_to_the_next_working_day() {
    let app = spawn_app().await;
    app.set_today("2025-12-23T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let first = apply_for(&app, "KAYA MEHMET", "U1000000", false).await;
    let second = apply_for(&app, "DEMIR ALI", "U1000001", false).await;
    for id in [&first, &second] {
        let r = decide_permit(
            &app,
            id,
            json!({"decision": "refuse", "grounds": ["unreliable-documents"]}),
        )
        .await;
        assert_eq!(r.ok(200)["status"], "refused");
    }
    // Refused on Tuesday 23 December 2025: three months end on Monday 23 March 2026,
    // Nauryz, and the rule set's calendar has 24-25 March off too, so the term runs to
    // Thursday 26 March (APPK Art. 92(1) with Civil Code Art. 175).
    app.set_today("2026-03-26T04:00:00Z");
    let c = file(&app, BIN_A, &first, "refusal", "annul")
        .await
        .ok(201)
        .clone();
    assert_eq!(
        (&c["act_on"], &c["late"]),
        (&json!("2025-12-23"), &json!(false)),
        "{c}"
    );
    // The day after it the complaint is late, still accepted (92(3)).
    app.set_today("2026-03-27T04:00:00Z");
    let c = file(&app, BIN_A, &second, "refusal", "annul")
        .await
        .ok(201)
        .clone();
    assert_eq!(
        (&c["act_on"], &c["late"]),
        (&json!("2025-12-23"), &json!(true)),
        "{c}"
    );
}

#[actix_web::test]
async fn appk_91_2_a_decision_not_taken_by_its_deadline_is_contested_as_a_refusal() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = apply(&app, "U1000000").await;
    let due = permit(&app, &id).await["decision_due"].clone();
    // Before the deadline passes there is no refusal to complain of.
    file(&app, BIN_A, &id, "missed_deadline", "take_decision")
        .await
        .problem(422, "complaint-no-such-act");

    app.set_today("2026-01-05T04:00:00Z");
    let c = file(&app, BIN_A, &id, "missed_deadline", "take_decision")
        .await
        .ok(201)
        .clone();
    let due: chrono::NaiveDate = due.as_str().unwrap().parse().unwrap();
    assert_eq!(c["act_on"], json!((due + chrono::Days::new(1)).to_string()));
    forward(&app, &c["id"]).await;
    let d = decide(&app, &c["id"], json!({"outcome": "satisfied"})).await;
    assert_eq!(d.ok(200)["state"], "satisfied");
    // The akimat decides within a new term: seven working days from 5 January 2026 over
    // the holiday of 7 January.
    let p = permit(&app, &id).await;
    assert_eq!(
        (&p["status"], &p["decision_due"]),
        (&json!("applied"), &json!("2026-01-15"))
    );
    assert!(actions(&p).iter().any(|a| a == "permit.decision_ordered"));
}

#[actix_web::test]
async fn appk_91_each_side_reaches_only_its_own_complaints() {
    let app = spawn_app().await;
    let id = refused_permit(&app).await;
    let c = file(&app, BIN_A, &id, "refusal", "annul")
        .await
        .ok(201)
        .clone();
    let path = format!("/v1/complaints/{}", c["id"]);
    // Another employer's complaint, and another's permit, do not exist for an employer.
    app.get(&path)
        .token(&app.employer(BIN_B))
        .send()
        .await
        .problem(404, "not-found");
    file(&app, BIN_B, &id, "refusal", "annul")
        .await
        .problem(404, "not-found");
    // Another region's akimat sees nothing of it and cannot act on it.
    app.get(&path)
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .problem(404, "not-found");
    app.post(&format!("{path}/forwarding"))
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .problem(404, "not-found");
    // The akimat whose act it is, the ministry and auditors read it.
    for token in [app.akimat("KZ-23"), app.ministry(), app.auditor()] {
        assert_eq!(
            app.get(&path).token(&token).send().await.ok(200)["id"],
            c["id"]
        );
    }
    // Roles that never act on a complaint are refused.
    app.post(&format!("{path}/forwarding"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .problem(403, "forbidden");
    app.post(&format!("{path}/decisions"))
        .token(&app.auditor())
        .json(&json!({"outcome": "refused", "reasons": "x"}))
        .await
        .problem(403, "forbidden");
    app.get("/v1/complaint-queue")
        .token(&app.employer(BIN_A))
        .send()
        .await
        .problem(403, "forbidden");
    // The akimat's queue holds what awaits it, overdue once its term passed.
    app.set_today("2025-12-22T04:00:00Z");
    let q = app
        .get("/v1/complaint-queue?overdue=true")
        .token(&app.akimat("KZ-23"))
        .send()
        .await;
    let item = q.ok(200)["items"][0].clone();
    assert_eq!((&item["id"], &item["overdue"]), (&c["id"], &json!(true)));
    let other = app
        .get("/v1/complaints")
        .token(&app.employer(BIN_B))
        .send()
        .await;
    assert_eq!(other.ok(200)["items"], json!([]));
    // Another region's akimat lists none of it, may not ask for that region, and cannot
    // satisfy or reinstate it.
    let listed = app
        .get("/v1/complaints")
        .token(&app.akimat("KZ-75"))
        .send()
        .await;
    assert_eq!(listed.ok(200)["items"], json!([]));
    app.get("/v1/complaints?region=KZ-23")
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .problem(403, "forbidden");
    for step in ["reconsideration", "reinstatement"] {
        app.post(&format!("{path}/{step}"))
            .token(&app.akimat("KZ-75"))
            .json(&json!({"reasons": "x"}))
            .await
            .problem(404, "not-found");
    }
    // The akimat whose act it is lists it; the ministry, which decides it, has nothing in
    // its queue until it is passed on.
    let own = app
        .get("/v1/complaints")
        .token(&app.akimat("KZ-23"))
        .send()
        .await;
    assert_eq!(own.ok(200)["items"][0]["id"], c["id"]);
    let ministry = app
        .get("/v1/complaint-queue")
        .token(&app.ministry())
        .send()
        .await;
    assert_eq!(ministry.ok(200)["items"], json!([]));
}

/// BIN_A's one-worker application in KZ-23; `spring`: filed in March 2026, starting on
/// 1 April.
pub(crate) async fn apply_for(app: &TestApp, name: &str, passport: &str, spring: bool) -> Value {
    let mut a = application(&["KZ-23"], vec![worker(name, "TUR", passport)]);
    if spring {
        a["start_date"] = json!("2026-04-01");
        a["vacancy_published_on"] = json!("2026-02-01");
    }
    app.post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&a)
        .await
        .ok(201)["id"]
        .clone()
}

async fn queue_ids(app: &TestApp, path: &str) -> Vec<Value> {
    app.get(path)
        .token(&app.akimat("KZ-23"))
        .send()
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].clone())
        .collect()
}

#[actix_web::test]
async fn appk_91_4_a_refusal_annulled_without_room_waits_first_in_the_akimats_queue() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 1)]).await;
    profile(&app, BIN_A).await;
    let refused = apply_for(&app, "KAYA MEHMET", "U1000000", false).await;
    decide_permit(
        &app,
        &refused,
        json!({"decision": "refuse", "grounds": ["unreliable-documents"]}),
    )
    .await
    .ok(200);
    // The region's one unit goes to another application, and a third waits with an
    // earlier deadline than the reopened case will have.
    let approved = apply_for(&app, "DEMIR ALI", "U2000000", false).await;
    decide_permit(&app, &approved, json!({"decision": "approve"}))
        .await
        .ok(200);
    app.set_today("2025-12-17T04:00:00Z");
    let waiting = apply_for(&app, "YILMAZ CAN", "U3000000", false).await;
    app.set_today("2025-12-18T04:00:00Z");
    let c = file(&app, BIN_A, &refused, "refusal", "annul")
        .await
        .ok(201)
        .clone();
    app.post(&format!("/v1/complaints/{}/reconsideration", c["id"]))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"reasons": "The documents were reliable."}))
        .await
        .ok(200);
    let reopened = permit(&app, &refused).await;
    assert_eq!(reopened["status"], "applied");
    assert!(
        reopened["decision_due"].as_str() > permit(&app, &waiting).await["decision_due"].as_str()
    );

    // First in the akimat's queue, ahead of an earlier deadline.
    let queue = "/v1/permit-applications";
    assert_eq!(
        queue_ids(&app, queue).await,
        vec![refused.clone(), waiting.clone()]
    );
    // The console's queue (the awaiting view, sorted by deadline) leads with it too.
    let s = crate::console::sign_in(&app, &app.akimat("KZ-23")).await;
    let (status, html) = crate::console::page(&app, &s, "/console/queue").await;
    assert_eq!(status, 200);
    let at = |id: &Value| html.find(&format!("id=\"case-{id}\"")).expect("listed");
    assert!(at(&refused) < at(&waiting), "{html}");
    // No room: the approval is refused and the case keeps its place.
    let r = decide_permit(&app, &refused, json!({"decision": "approve"})).await;
    assert_eq!(r.status, 422, "{}", r.body);
    let code = r.body["violations"][0]["code"].as_str().unwrap_or_default();
    assert!(
        ["quota-available", "quota-exhausted"].contains(&code),
        "{}",
        r.body
    );
    assert_eq!(
        queue_ids(&app, queue).await,
        vec![refused.clone(), waiting.clone()]
    );
    // A page after the first continues after the others only: nothing twice.
    let first = app
        .get(&format!("{queue}?limit=1"))
        .token(&app.akimat("KZ-23"))
        .send()
        .await
        .ok(200)
        .clone();
    assert_eq!(first["items"][0]["id"], refused);
}

#[actix_web::test]
async fn appk_91_3_a_revocation_annulled_without_room_waits_first_and_is_reinstated_once_quota_is_there(
) {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 1)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U1000000").await;
    app.set_today("2026-03-10T04:00:00Z");
    app.post(&format!("/v1/permits/{id}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": "unreliable-documents"}))
        .await
        .ok(200);
    // The freed unit goes to another permit; another complaint waits with an earlier
    // deadline.
    let other = apply_for(&app, "DEMIR ALI", "U2000000", true).await;
    decide_permit(&app, &other, json!({"decision": "approve"}))
        .await
        .ok(200);
    assert_eq!(region_units(&app, "KZ-23", "3").await, (1, 1, 0));
    let c = file(&app, BIN_A, &id, "revocation", "annul")
        .await
        .ok(201)
        .clone();
    forward(&app, &c["id"]).await;
    let refused = apply_for(&app, "YILMAZ CAN", "U3000000", true).await;
    decide_permit(
        &app,
        &refused,
        json!({"decision": "refuse", "grounds": ["unreliable-documents"]}),
    )
    .await
    .ok(200);
    let early = file(&app, BIN_A, &refused, "refusal", "annul")
        .await
        .ok(201)
        .clone();

    app.set_today("2026-03-12T04:00:00Z");
    let d = decide(&app, &c["id"], json!({"outcome": "satisfied"}))
        .await
        .ok(200)
        .clone();
    assert_eq!(
        (&d["state"], &d["awaiting_quota"]),
        (&json!("satisfied"), &json!(true))
    );
    assert_eq!(permit(&app, &id).await["status"], "revoked");
    // First in the complaint queue, ahead of an open complaint due earlier.
    assert!(early["due"].as_str() < Some("2026-04-08"));
    assert_eq!(
        queue_ids(&app, "/v1/complaint-queue").await,
        vec![c["id"].clone(), early["id"].clone()]
    );

    let reinstate = |app: &TestApp| {
        app.post(&format!("/v1/complaints/{}/reinstatement", c["id"]))
            .token(&app.akimat("KZ-23"))
            .send()
    };
    // Still no room: refused, nothing changes.
    let r = reinstate(&app).await;
    assert_eq!(r.status, 422, "{}", r.body);
    let code = r.body["violations"][0]["code"].as_str().unwrap_or_default();
    assert!(
        ["quota-available", "quota-exhausted"].contains(&code),
        "{}",
        r.body
    );
    assert_eq!(permit(&app, &id).await["status"], "revoked");
    // The ministry gives the region one more unit: the akimat reinstates the permit.
    app.put("/v1/quotas/2026/regions/KZ-23")
        .token(&app.ministry())
        .json(&json!({"categories": [{"category": "3", "allocated": 2}], "reason": "Order No. 40 of 12.03.2026"}))
        .await
        .ok(200);
    let r = reinstate(&app).await;
    let done = r.ok(200).clone();
    assert_eq!(
        (&done["state"], &done["awaiting_quota"]),
        (&json!("satisfied"), &json!(false))
    );
    let p = permit(&app, &id).await;
    assert_eq!(
        (&p["status"], &p["end_ground"]),
        (&json!("active"), &Value::Null)
    );
    assert_eq!(region_units(&app, "KZ-23", "3").await, (2, 1, 1));
    let seen = actions(&p);
    for a in ["permit.annulled", "permit.complaint_reinstated"] {
        assert!(seen.iter().any(|s| s == a), "{a} not in {seen:?}");
    }
    // Waiting no more: out of the queue's head, and not reinstated twice.
    assert_eq!(
        queue_ids(&app, "/v1/complaint-queue").await,
        vec![early["id"].clone()]
    );
    reinstate(&app)
        .await
        .problem(409, "complaint-not-awaiting-quota");
}

#[actix_web::test]
async fn appk_91_4_a_refused_extension_is_contested_and_decided_again() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let parent = active_permit(&app, "U1000000").await;
    quota_2027(&app, 3).await;
    app.set_today("2026-12-01T04:00:00Z");
    let ext = app
        .post(&format!("/v1/permits/{parent}/extensions"))
        .token(&app.employer(BIN_A))
        .json(&json!({"term": {"unit": "months", "length": 12}}))
        .await
        .ok(201)["id"]
        .clone();
    decide_permit(
        &app,
        &ext,
        json!({"decision": "refuse", "grounds": ["unreliable-documents"]}),
    )
    .await
    .ok(200);
    // Friday 4 December 2026: three working days to reconsider end on Wednesday 9
    // December (Saturday and Sunday off).
    app.set_today("2026-12-04T04:00:00Z");
    let c = file(&app, BIN_A, &ext, "refusal", "annul")
        .await
        .ok(201)
        .clone();
    assert_eq!(
        (&c["permit_id"], &c["act_on"], &c["due"]),
        (&ext, &json!("2026-12-01"), &json!("2026-12-09"))
    );
    app.post(&format!("/v1/complaints/{}/reconsideration", c["id"]))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"reasons": "The documents were reliable."}))
        .await
        .ok(200);
    let p = permit(&app, &ext).await;
    assert_eq!(
        (&p["kind"], &p["status"]),
        (&json!("extension"), &json!("applied"))
    );
    let r = decide_permit(&app, &ext, json!({"decision": "approve"})).await;
    assert_eq!(r.ok(200)["status"], "awaiting_payment");
}

#[actix_web::test]
async fn appk_92_1_the_act_is_dated_in_kazakhstan_time_not_utc() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = apply(&app, "U1000000").await;
    // 20:00 UTC on 17 December is 01:00 on the 18th in Astana.
    app.set_today("2025-12-17T20:00:00Z");
    decide_permit(
        &app,
        &id,
        json!({"decision": "refuse", "grounds": ["unreliable-documents"]}),
    )
    .await
    .ok(200);
    let c = file(&app, BIN_A, &id, "refusal", "annul")
        .await
        .ok(201)
        .clone();
    assert_eq!(
        (&c["act_on"], &c["filed_on"]),
        (&json!("2025-12-18"), &json!("2025-12-18"))
    );
}

/// BIN_A's one-worker application in `region`, refused there on the day.
async fn refused_in(app: &TestApp, region: &str, name: &str, passport: &str) -> Value {
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(&[region], vec![worker(name, "TUR", passport)]))
        .await
        .ok(201)["id"]
        .clone();
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat(region))
        .json(&json!({"decision": "refuse", "grounds": ["unreliable-documents"]}))
        .await
        .ok(200);
    id
}

#[actix_web::test]
async fn appk_complaint_statistics_count_filed_satisfied_and_refused_by_region_and_act_with_the_median_time_to_decide(
) {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5), ("KZ-75", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let mut ids = Vec::new();
    for (region, name, passport) in [
        ("KZ-23", "KAYA MEHMET", "U1000000"),
        ("KZ-23", "DEMIR ALI", "U2000000"),
        ("KZ-23", "YILMAZ CAN", "U3000000"),
        ("KZ-75", "CELIK EMRE", "U4000000"),
    ] {
        let p = refused_in(&app, region, name, passport).await;
        let c = file(&app, BIN_A, &p, "refusal", "annul").await.ok(201)["id"].clone();
        ids.push(c);
    }
    // The akimat satisfies the first itself on the day it is filed (0 days).
    app.post(&format!("/v1/complaints/{}/reconsideration", ids[0]))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"reasons": "The documents were reliable."}))
        .await
        .ok(200);
    forward(&app, &ids[1]).await;
    forward(&app, &ids[2]).await;
    app.post(&format!("/v1/complaints/{}/forwarding", ids[3]))
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .ok(200);
    // The ministry refuses the second after 4 days and satisfies the third after 10; the
    // fourth, in Almaty, stays open.
    app.set_today("2025-12-19T04:00:00Z");
    decide(
        &app,
        &ids[1],
        json!({"outcome": "refused", "reasons": "The copy was not notarised."}),
    )
    .await
    .ok(200);
    app.set_today("2025-12-25T04:00:00Z");
    decide(&app, &ids[2], json!({"outcome": "satisfied"}))
        .await
        .ok(200);

    let stats = |token: String, query: &'static str| {
        let app = &app;
        async move {
            app.get(&format!(
                "/v1/complaint-statistics?from=2025-01-01&to=2025-12-31{query}"
            ))
            .token(&token)
            .send()
            .await
        }
    };
    let row = |r: &Value| {
        json!([
            r["region"],
            r["act"],
            r["filed"],
            r["reconsidered"],
            r["satisfied"],
            r["refused"],
            r["open"],
            r["median_days_to_decide"]
        ])
    };
    let all = stats(app.ministry(), "").await;
    let rows: Vec<Value> = all.ok(200)["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(row)
        .collect();
    // The median of 0, 4 and 10 days is 4; none decided in Almaty, so no median there.
    assert_eq!(
        rows,
        vec![
            json!(["KZ-23", "refusal", 1 + 2, 1, 1, 1, 0, 4]),
            json!(["KZ-75", "refusal", 1, 0, 0, 0, 1, null]),
        ]
    );
    // An akimat counts its own region's alone, and may not ask for another's.
    let own = stats(app.akimat("KZ-75"), "").await;
    let rows: Vec<Value> = own.ok(200)["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(row)
        .collect();
    assert_eq!(rows, vec![json!(["KZ-75", "refusal", 1, 0, 0, 0, 1, null])]);
    stats(app.akimat("KZ-75"), "&region=KZ-23")
        .await
        .problem(403, "forbidden");
    // The employer reads no statistics.
    stats(app.employer(BIN_A), "")
        .await
        .problem(403, "forbidden");
}

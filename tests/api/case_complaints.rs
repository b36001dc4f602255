//! Complaints against the refusal of a self-employment certificate (Art. 34(1)) and of an
//! ICT permit (Art. 35(1)) through HTTP on the configured database (APPK No. 350-VI, Art.
//! 91-92, 101): a refused certificate contested and annulled by the akimat itself (back to
//! `applied`, decided again); a refused ICT permit contested, passed to the ministry and
//! refused with reasons, or filed late and satisfied once its term is restored; another
//! employer's complaint a 404.

use crate::helpers::*;
use crate::ict::BIN_BRANCH;
use serde_json::{json, Value};

const CERTIFICATES: &str = "/v1/self-employment-certificates";

fn complaint() -> Value {
    json!({"relief": "annul", "grounds": "The requirements were met: the diploma was apostilled.",
        "references": ["Apostille No. 12/2026"]})
}

async fn actions(app: &TestApp, entity_type: &str, id: i64) -> Vec<String> {
    let r = app
        .get(&format!(
            "/v1/audit-events?entity_type={entity_type}&entity_id={id}&limit=100"
        ))
        .token(&app.ministry())
        .send()
        .await;
    r.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

async fn refused_certificate(app: &TestApp) -> i64 {
    let akimat = app.akimat("KZ-75");
    let c = app
        .post(CERTIFICATES)
        .token(&akimat)
        .json(&crate::certificates::application("KZ-75"))
        .await;
    let id = c.ok(201)["id"].as_i64().unwrap();
    let d = app
        .post(&format!("{CERTIFICATES}/{id}/decisions"))
        .token(&akimat)
        .json(&json!({"decision": "refuse", "grounds": ["certificate-qualification-unmet"], "reason": "the diploma was not legalised"}))
        .await;
    assert_eq!(d.ok(200)["status"], "refused");
    id
}

async fn refused_ict(app: &TestApp) -> i64 {
    let c = app
        .post("/v1/ict-permits")
        .token(&app.employer(BIN_BRANCH))
        .json(&crate::ict::application())
        .await;
    let id = c.ok(201)["id"].as_i64().unwrap();
    let d = app
        .post(&format!("/v1/ict-permits/{id}/decisions"))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"decision": "refuse", "grounds": ["ict-conditions-unmet"], "reason": "the training plan was not kept"}))
        .await;
    assert_eq!(d.ok(200)["status"], "refused");
    id
}

#[actix_web::test]
async fn appk_91_4_a_refused_certificate_contested_is_annulled_by_the_akimat_and_decided_again() {
    let app = spawn_app().await;
    let id = refused_certificate(&app).await;
    let akimat = app.akimat("KZ-75");
    let path = format!("{CERTIFICATES}/{id}/complaints");
    // The holder has no role: an employer cannot file it; the akimat registers it.
    app.post(&path)
        .token(&app.employer(BIN_A))
        .json(&complaint())
        .await
        .problem(403, "forbidden");
    app.post(&path)
        .token(&app.akimat("KZ-71"))
        .json(&complaint())
        .await
        .problem(404, "not-found");
    let c = app.post(&path).token(&akimat).json(&complaint()).await;
    let c = c.ok(201).clone();
    assert_eq!(
        (&c["act"], &c["state"], &c["certificate_id"], &c["bin"]),
        (
            &json!("certificate_refusal"),
            &json!("filed"),
            &json!(id),
            &Value::Null
        )
    );
    assert_eq!((&c["permit_id"], &c["late"]), (&Value::Null, &json!(false)));
    assert_eq!(c["act_on"], "2026-12-01");
    app.post(&path)
        .token(&akimat)
        .json(&complaint())
        .await
        .problem(409, "complaint-exists");
    // No employer sees it.
    app.get(&format!("/v1/complaints/{}", c["id"]))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .problem(404, "not-found");

    let r = app
        .post(&format!("/v1/complaints/{}/reconsideration", c["id"]))
        .token(&akimat)
        .json(&json!({"reasons": "The apostille was on file."}))
        .await;
    assert_eq!(r.ok(200)["state"], "reconsidered");
    let cert = app
        .get(&format!("{CERTIFICATES}/{id}"))
        .token(&akimat)
        .send()
        .await;
    assert_eq!(cert.ok(200)["status"], "applied");
    let history = actions(&app, "self_employment_certificate", id).await;
    for a in [
        "self_employment_certificate.refused",
        "self_employment_certificate.complaint_filed",
        "self_employment_certificate.annulled",
        "self_employment_certificate.complaint_reconsidered",
    ] {
        assert!(history.iter().any(|h| h == a), "{a} in {history:?}");
    }
    // Decided again: issued this time.
    let d = app
        .post(&format!("{CERTIFICATES}/{id}/decisions"))
        .token(&akimat)
        .json(&json!({"decision": "issue", "months": 3}))
        .await;
    assert_eq!(d.ok(200)["status"], "issued");
    // An issued certificate shows no refusal to complain of.
    app.post(&path)
        .token(&akimat)
        .json(&complaint())
        .await
        .problem(422, "complaint-no-such-act");
    let stats = app
        .get("/v1/complaint-statistics?filed_from=2026-01-01")
        .token(&app.ministry())
        .send()
        .await;
    let rows = stats.ok(200)["rows"].as_array().unwrap().clone();
    let row = rows
        .iter()
        .find(|r| r["act"] == "certificate_refusal")
        .unwrap();
    assert_eq!(
        (&row["filed"], &row["reconsidered"]),
        (&json!(1), &json!(1))
    );
}

#[actix_web::test]
async fn appk_91_3_a_refused_ict_permit_contested_goes_to_the_ministry_which_refuses_with_reasons()
{
    let app = spawn_app().await;
    let id = refused_ict(&app).await;
    let path = format!("/v1/ict-permits/{id}/complaints");
    // Another employer's ICT permit answers as a missing one.
    app.post(&path)
        .token(&app.employer(BIN_A))
        .json(&complaint())
        .await
        .problem(404, "not-found");
    let mut take = complaint();
    take["relief"] = json!("take_decision");
    app.post(&path)
        .token(&app.employer(BIN_BRANCH))
        .json(&take)
        .await
        .problem(422, "complaint-relief-mismatch");
    let c = app
        .post(&path)
        .token(&app.employer(BIN_BRANCH))
        .header("Idempotency-Key", "ict-complaint-1")
        .json(&complaint())
        .await;
    let c = c.ok(201).clone();
    assert_eq!(
        (&c["act"], &c["ict_permit_id"], &c["bin"], &c["region"]),
        (
            &json!("ict_refusal"),
            &json!(id),
            &json!(BIN_BRANCH),
            &json!("KZ-75")
        )
    );
    let cid = c["id"].clone();
    // Another employer's complaint is a 404; the employer lists its own.
    app.get(&format!("/v1/complaints/{cid}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .problem(404, "not-found");
    let own = app
        .get("/v1/complaints")
        .token(&app.employer(BIN_BRANCH))
        .send()
        .await;
    assert_eq!(own.ok(200)["items"][0]["ict_permit_id"], json!(id));
    let none = app
        .get("/v1/complaints")
        .token(&app.employer(BIN_A))
        .send()
        .await;
    assert_eq!(none.ok(200)["items"], json!([]));

    let f = app
        .post(&format!("/v1/complaints/{cid}/forwarding"))
        .token(&app.akimat("KZ-75"))
        .send()
        .await;
    assert_eq!(f.ok(200)["state"], "forwarded");
    let queue = app
        .get("/v1/complaint-queue")
        .token(&app.ministry())
        .send()
        .await;
    assert_eq!(queue.ok(200)["items"][0]["ict_permit_id"], json!(id));
    let d = app
        .post(&format!("/v1/complaints/{cid}/decisions"))
        .token(&app.ministry())
        .json(&json!({"outcome": "refused"}))
        .await;
    d.problem(422, "complaint-reasons-required");
    let d = app
        .post(&format!("/v1/complaints/{cid}/decisions"))
        .token(&app.ministry())
        .json(&json!({"outcome": "refused", "reasons": "The training plan was indeed not kept."}))
        .await;
    let done = d.ok(200).clone();
    assert_eq!(
        (&done["state"], &done["reasons"]),
        (
            &json!("refused"),
            &json!("The training plan was indeed not kept.")
        )
    );
    let p = app
        .get(&format!("/v1/ict-permits/{id}"))
        .token(&app.employer(BIN_BRANCH))
        .send()
        .await;
    assert_eq!(p.ok(200)["status"], "refused");
    let history = actions(&app, "ict_permit", id).await;
    for a in [
        "ict_permit.complaint_filed",
        "ict_permit.complaint_forwarded",
        "ict_permit.complaint_refused",
    ] {
        assert!(history.iter().any(|h| h == a), "{a} in {history:?}");
    }
    assert!(!history.iter().any(|h| h == "ict_permit.annulled"));
}

#[actix_web::test]
async fn appk_92_a_late_complaint_on_a_refused_ict_permit_satisfied_by_the_ministry_awaits_its_decision_again(
) {
    let app = spawn_app().await;
    let id = refused_ict(&app).await;
    // Refused on 1 December 2026: three months end on 1 March 2027; filed on the 2nd, the
    // complaint is accepted and marked late (APPK Art. 92(1), (3)).
    app.set_today("2027-03-02T04:00:00Z");
    let c = app
        .post(&format!("/v1/ict-permits/{id}/complaints"))
        .token(&app.employer(BIN_BRANCH))
        .json(&complaint())
        .await;
    let c = c.ok(201).clone();
    assert_eq!(
        (&c["late"], &c["act_on"]),
        (&json!(true), &json!("2026-12-01"))
    );
    let cid = c["id"].clone();
    app.post(&format!("/v1/complaints/{cid}/forwarding"))
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .ok(200);
    app.post(&format!("/v1/complaints/{cid}/decisions"))
        .token(&app.ministry())
        .json(&json!({"outcome": "satisfied"}))
        .await
        .problem(422, "complaint-term-restoration-required");
    let d = app
        .post(&format!("/v1/complaints/{cid}/decisions"))
        .token(&app.ministry())
        .json(&json!({"outcome": "satisfied", "term_restored": true}))
        .await;
    assert_eq!(d.ok(200)["state"], "satisfied");
    let p = app
        .get(&format!("/v1/ict-permits/{id}"))
        .token(&app.employer(BIN_BRANCH))
        .send()
        .await;
    assert_eq!(p.ok(200)["status"], "applied");
    let again = app
        .post(&format!("/v1/ict-permits/{id}/decisions"))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"decision": "issue"}))
        .await;
    assert_eq!(again.ok(200)["status"], "issued");
}

#[actix_web::test]
async fn appk_91_4_a_certificates_and_an_ict_permits_complaint_run_their_akimats_term_over_a_holiday(
) {
    let app = spawn_app().await;
    // Refused and contested on Tuesday 15 December 2026: three working days over
    // Independence Day (16 December) end on Monday the 21st, not Friday the 18th.
    app.set_today("2026-12-15T04:00:00Z");
    let cert = refused_certificate(&app).await;
    let c = app
        .post(&format!("{CERTIFICATES}/{cert}/complaints"))
        .token(&app.akimat("KZ-75"))
        .json(&complaint())
        .await;
    let c = c.ok(201).clone();
    assert_eq!(
        (&c["act_on"], &c["due"]),
        (&json!("2026-12-15"), &json!("2026-12-21"))
    );
    let ict = refused_ict(&app).await;
    let c = app
        .post(&format!("/v1/ict-permits/{ict}/complaints"))
        .token(&app.employer(BIN_BRANCH))
        .json(&complaint())
        .await;
    let c = c.ok(201).clone();
    assert_eq!(
        (&c["act_on"], &c["due"]),
        (&json!("2026-12-15"), &json!("2026-12-21"))
    );
}

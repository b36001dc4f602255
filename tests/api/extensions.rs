//! A case that hangs on a parent follows it (Art. 33(2), 34(3), 35(1)), through HTTP on the
//! configured database: a permit's pending extension ends with the permit (revoked,
//! returned, expired, re-issued) and is decided and paid only while the permit is active;
//! the same for an ICT permit's extension application and a certificate's extension. And
//! what the permit conservation run found: one open extension per permit held by the
//! database under concurrent applications, a version that moves with everything a permit
//! shows, and quota reads that say when their figures fail the ledger check.

use crate::helpers::*;
use crate::permits::{
    active_permit, application, approved_permit, profile, quota, quota_2027, worker,
};
use serde_json::{json, Value};

/// The 2026 quota with 5 units of category 3 in KZ-23, BIN_A's profile, and BIN_A's
/// one-worker permit from 2026-01-15 to 2027-01-14, issued on 2025-12-15.
async fn issued_permit(app: &TestApp, passport: &str) -> Value {
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 5)]).await;
    profile(app, BIN_A).await;
    active_permit(app, passport).await
}

/// Another worker's one-worker permit of BIN_A, issued today: its id.
async fn another_permit(app: &TestApp, name: &str, passport: &str) -> Value {
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker(name, "TUR", passport)],
        ))
        .await
        .ok(201)["id"]
        .clone();
    decide(app, &id, "en").await.ok(200);
    app.post(&format!("/v1/permits/{id}/payments"))
        .token(&app.employer(BIN_A))
        .json(&json!({"region": "KZ-23", "amount": "100000000.00", "paid_on": "2025-12-15", "reference": "PP-1"}))
        .await
        .ok(201);
    id
}

/// Held and used units of category 3 in KZ-23 for 2027.
async fn units_2027(app: &TestApp) -> (i64, i64) {
    let r = app
        .get("/v1/quotas/2027/regions/KZ-23")
        .token(&app.ministry())
        .send()
        .await;
    let c = by_key(&r.ok(200)["categories"], "category", "3").clone();
    (c["held"].as_i64().unwrap(), c["used"].as_i64().unwrap())
}

/// Files BIN_A's extension of `id` by 12 months on 2026-12-01 (inside its window).
async fn extension(app: &TestApp, id: &Value) -> Value {
    app.set_today("2026-12-01T04:00:00Z");
    app.post(&format!("/v1/permits/{id}/extensions"))
        .token(&app.employer(BIN_A))
        .json(&json!({"term": {"unit": "months", "length": 12}}))
        .await
        .ok(201)["id"]
        .clone()
}

async fn decide(app: &TestApp, id: &Value, lang: &str) -> Resp {
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .header("Accept-Language", lang)
        .json(&json!({"decision": "approve"}))
        .await
}

async fn pay(app: &TestApp, id: &Value, lang: &str) -> Resp {
    app.post(&format!("/v1/permits/{id}/payments"))
        .token(&app.employer(BIN_A))
        .header("Accept-Language", lang)
        .json(&json!({"region": "KZ-23", "amount": "873650.00", "paid_on": "2026-12-01", "reference": "PP-2"}))
        .await
}

async fn read(app: &TestApp, id: &Value) -> Value {
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone()
}

async fn supervise(app: &TestApp, id: &Value, what: &str, body: Value) -> Resp {
    let token = if what == "return" {
        app.employer(BIN_A)
    } else {
        app.akimat("KZ-23")
    };
    app.post(&format!("/v1/permits/{id}/{what}"))
        .token(&token)
        .json(&body)
        .await
}

/// The refusal of a move on an extension whose parent is not active, in kk, ru and en.
async fn assert_parent_refusal(app: &TestApp, ext: &Value, words: [&str; 3]) {
    for (lang, word) in ["kk", "ru", "en"].into_iter().zip(words) {
        for r in [decide(app, ext, lang).await, pay(app, ext, lang).await] {
            let detail = r.problem(409, "extension-parent-not-active")["detail"]
                .as_str()
                .unwrap()
                .to_owned();
            assert!(detail.contains(word), "{lang}: {detail}");
        }
    }
}

#[actix_web::test]
async fn art_33_2_a_revoked_permits_pending_extension_ends_and_cannot_be_decided_or_paid() {
    let app = spawn_app().await;
    let id = issued_permit(&app, "U1000000").await;
    quota_2027(&app, 3).await;
    let ext = extension(&app, &id).await;
    // Approved: it holds a 2027 unit and awaits its fee.
    assert_eq!(
        decide(&app, &ext, "en").await.ok(200)["status"],
        "awaiting_payment"
    );
    assert_eq!(units_2027(&app).await, (1, 0));
    // The permit is revoked: the extension ends in the same transaction, its unit back.
    supervise(
        &app,
        &id,
        "revocation",
        json!({"ground": "unlawful-engagement"}),
    )
    .await
    .ok(200);
    assert_eq!(units_2027(&app).await, (0, 0));
    let e = read(&app, &ext).await;
    assert_eq!(e["status"], "lapsed");
    assert_eq!(e["ended_on"], "2026-12-01");
    assert_eq!(e["end_ground"]["code"], "parent-revoked");
    assert_eq!(e["end_ground"]["article"], "Art. 33(2)");
    assert_eq!(
        e["end_ground"]["name"],
        "ended with the permit it extends, which was revoked"
    );
    let ended = e["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["action"] == "permit.extension_ended")
        .unwrap_or_else(|| panic!("no end in the history: {e}"));
    assert_eq!(ended["legal_basis"], "Art. 33(2)");
    // It is neither paid (no number, no fee, no 2027 unit) nor decided, in every language.
    assert_parent_refusal(&app, &ext, ["кері қайтарып алынды", "отозвано", "revoked"]).await;
    let e = read(&app, &ext).await;
    assert_eq!(
        (&e["status"], &e["number"]),
        (&json!("lapsed"), &Value::Null)
    );
    assert_eq!(units_2027(&app).await, (0, 0));
    // The ledger names why the unit came back.
    let ledger = app
        .get("/v1/quotas/2027/ledger")
        .token(&app.ministry())
        .send()
        .await;
    assert!(
        ledger.ok(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["movement"] == "parent_ended" && l["held_delta"] == -1),
        "{}",
        ledger.body
    );
    // The worker owes one departure, on the permit: the ended extension names the same
    // foreigner and adds none.
    let worker = read(&app, &id).await["workers"][0]["id"].clone();
    let owed = app
        .get("/v1/departures/overdue")
        .token(&app.akimat("KZ-23"))
        .send()
        .await;
    let owed = owed.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(owed.len(), 1, "{owed:?}");
    assert_eq!(owed[0]["worker_id"], worker);
    app.post(&format!("/v1/permits/{id}/departures"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": worker, "date": "2026-12-01", "evidence": "Khorgos"}))
        .await
        .ok(200);
    assert_eq!(read(&app, &ext).await["status"], "lapsed");
}

#[actix_web::test]
async fn art_33_2_a_returned_permits_undecided_extension_ends_with_it() {
    let app = spawn_app().await;
    let id = issued_permit(&app, "U1000000").await;
    let ext = extension(&app, &id).await;
    supervise(&app, &id, "return", json!({"reason": "project closed"}))
        .await
        .ok(200);
    let e = read(&app, &ext).await;
    assert_eq!(
        (e["status"].as_str(), e["end_ground"]["code"].as_str()),
        (Some("lapsed"), Some("parent-returned"))
    );
    quota_2027(&app, 3).await;
    assert_parent_refusal(&app, &ext, ["қайтарылды", "возвращено", "returned"]).await;
    assert_eq!(units_2027(&app).await, (0, 0));
    // Ended, it no longer stands in the way of nothing: the permit cannot be extended
    // anyway, being returned.
    app.post(&format!("/v1/permits/{id}/extensions"))
        .token(&app.employer(BIN_A))
        .json(&json!({"term": {"unit": "months", "length": 12}}))
        .await
        .problem(409, "illegal-transition");
}

#[actix_web::test]
async fn art_33_2_a_suspended_permits_extension_waits_for_the_resumption() {
    let app = spawn_app().await;
    let id = issued_permit(&app, "U1000000").await;
    quota_2027(&app, 3).await;
    let ext = extension(&app, &id).await;
    let suspend = || supervise(&app, &id, "suspension", json!({"reason": "inspection"}));
    let resume = || supervise(&app, &id, "resumption", json!({}));
    suspend().await.ok(200);
    for lang in ["kk", "ru", "en"] {
        let r = decide(&app, &ext, lang).await;
        let detail = r.problem(409, "extension-parent-not-active")["detail"]
            .as_str()
            .unwrap()
            .to_owned();
        let word = match lang {
            "kk" => "тоқтатыла тұрды",
            "ru" => "приостановлено",
            _ => "is suspended; it can be once the permit is resumed",
        };
        assert!(detail.contains(word), "{lang}: {detail}");
    }
    assert_eq!(units_2027(&app).await, (0, 0), "nothing held while refused");
    resume().await.ok(200);
    assert_eq!(
        decide(&app, &ext, "en").await.ok(200)["status"],
        "awaiting_payment"
    );
    suspend().await.ok(200);
    pay(&app, &ext, "en")
        .await
        .problem(409, "extension-parent-not-active");
    assert_eq!(read(&app, &ext).await["status"], "awaiting_payment");
    resume().await.ok(200);
    let p = pay(&app, &ext, "en").await;
    assert_eq!(p.ok(201)["status"], "active");
    assert_eq!(units_2027(&app).await, (0, 1));
}

#[actix_web::test]
async fn art_33_2_an_expired_permits_extension_ends_when_read_and_in_the_job() {
    let app = spawn_app().await;
    let id = issued_permit(&app, "U1000000").await;
    let other = another_permit(&app, "OZTURK CAN", "U2000000").await;
    quota_2027(&app, 3).await;
    let ext = extension(&app, &id).await;
    let ext2 = app
        .post(&format!("/v1/permits/{other}/extensions"))
        .token(&app.employer(BIN_A))
        .json(&json!({"term": {"unit": "months", "length": 12}}))
        .await
        .ok(201)["id"]
        .clone();
    // Approved late, a week before the permit ends: its fee is due after the end.
    app.set_today("2027-01-06T04:00:00Z");
    assert_eq!(
        decide(&app, &ext, "en").await.ok(200)["status"],
        "awaiting_payment"
    );
    assert_eq!(units_2027(&app).await, (1, 0));
    // The permits end on 2027-01-14 with their extensions undecided or unpaid.
    app.set_today("2027-01-15T04:00:00Z");
    // Deciding or paying is refused, naming the expiry, before anything else is read.
    assert_parent_refusal(&app, &ext, ["мерзімі бітті", "истекло", "has expired"]).await;
    // Read, the extension has ended, its unit back.
    let e = read(&app, &ext).await;
    assert_eq!(
        (e["status"].as_str(), e["end_ground"]["code"].as_str()),
        (Some("lapsed"), Some("parent-expired"))
    );
    assert_eq!(e["ended_on"], "2027-01-15");
    assert_eq!(units_2027(&app).await, (0, 0));
    // The scheduled job ends the other one, unread, and then finds nothing more to do.
    let mut conn = app.pool.get().unwrap();
    let actor = permits::cases::permits::system_actor(chrono::Utc::now().naive_utc());
    let today = "2027-01-15".parse().unwrap();
    let ended = permits::db::write_tx(&mut conn, |c| {
        permits::cases::follow::end_orphaned(c, today, &actor)
    })
    .unwrap();
    assert_eq!(ended, vec![ext2.as_i64().unwrap()]);
    let again = permits::db::write_tx(&mut conn, |c| {
        permits::cases::follow::end_orphaned(c, today, &actor)
    })
    .unwrap();
    assert!(again.is_empty());
    drop(conn);
    assert_eq!(
        read(&app, &ext2).await["end_ground"]["code"],
        "parent-expired"
    );
}

#[actix_web::test]
async fn art_33_2_a_lapsed_permit_is_never_extended() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = approved_permit(&app, "U1000000").await;
    // Unpaid past its due date: lapsed on read; an extension of it is refused.
    app.set_today("2026-02-01T04:00:00Z");
    assert_eq!(read(&app, &id).await["status"], "lapsed");
    let r = app
        .post(&format!("/v1/permits/{id}/extensions"))
        .token(&app.employer(BIN_A))
        .json(&json!({"term": {"unit": "months", "length": 12}}))
        .await;
    assert!(
        r.problem(409, "illegal-transition")["detail"]
            .as_str()
            .unwrap()
            .contains("lapsed"),
        "{}",
        r.body
    );
}

#[actix_web::test]
async fn order_279_re_issuing_the_worker_an_extension_names_ends_the_extension() {
    let app = spawn_app().await;
    let id = issued_permit(&app, "U1000000").await;
    quota_2027(&app, 3).await;
    let ext = extension(&app, &id).await;
    decide(&app, &ext, "en").await.ok(200);
    let leaving = read(&app, &id).await["workers"][0]["id"].clone();
    app.post(&format!("/v1/permits/{id}/reissues"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": leaving, "newcomer": worker("DEMIR ALI", "TUR", "U9000000")}))
        .await
        .ok(201);
    let e = read(&app, &ext).await;
    assert_eq!(
        (e["status"].as_str(), e["end_ground"]["code"].as_str()),
        (Some("lapsed"), Some("parent-reissued"))
    );
    assert_eq!(units_2027(&app).await, (0, 0));
    pay(&app, &ext, "en")
        .await
        .problem(409, "illegal-transition");
    // The employer applies again, for the permit as re-issued: the newcomer.
    let again = app
        .post(&format!("/v1/permits/{id}/extensions"))
        .token(&app.employer(BIN_A))
        .json(&json!({"term": {"unit": "months", "length": 12}}))
        .await;
    assert_eq!(again.ok(201)["workers"][0]["passport_number"], "U9000000");
}

const ICT: &str = "/v1/ict-permits";

#[actix_web::test]
async fn art_35_1_an_ict_extension_application_follows_its_permit() {
    let app = spawn_app().await;
    let akimat = app.akimat("KZ-75");
    let branch = app.employer(crate::ict::BIN_BRANCH);
    let c = app
        .post(ICT)
        .token(&branch)
        .json(&crate::ict::application())
        .await;
    let id = c.ok(201)["id"].as_i64().unwrap();
    app.post(&format!("{ICT}/{id}/decisions"))
        .token(&akimat)
        .json(&json!({"decision": "issue"}))
        .await
        .ok(200);
    let apply = || {
        app.post(&format!("{ICT}/{id}/extensions"))
            .token(&branch)
            .json_owned(json!({"months": 12}))
    };
    let extend = || {
        app.post(&format!("{ICT}/{id}/extension-decisions"))
            .token(&akimat)
            .json_owned(json!({"decision": "extend"}))
    };
    let measure = |m: &str| {
        let mut b = json!({"measure": m, "reason": "inspection"});
        if m == "revoke" {
            b["ground"] = json!("unlawful-engagement");
        }
        app.post(&format!("{ICT}/{id}/measures"))
            .token(&akimat)
            .json_owned(b)
    };
    assert_eq!(apply().await.ok(200)["extension_applied_months"], 12);
    // Suspended: the application waits, undecided; resumed, it can be decided.
    measure("suspend").await.ok(200);
    let r = extend().await;
    assert!(
        r.problem(409, "ict-not-extendable")["detail"]
            .as_str()
            .unwrap()
            .contains("suspended"),
        "{}",
        r.body
    );
    measure("resume").await.ok(200);
    // Revoked: the application ends with the permit, with its ground and article.
    let revoked = measure("revoke").await;
    assert_eq!(revoked.ok(200)["status"], "revoked");
    assert_eq!(revoked.body["extension_applied_on"], Value::Null);
    assert_eq!(revoked.body["extension_applied_months"], Value::Null);
    extend().await.problem(409, "ict-not-extendable");
    let audit = app
        .get(&format!(
            "/v1/audit-events?entity_type=ict_permit&entity_id={id}"
        ))
        .token(&app.auditor())
        .send()
        .await;
    let ended = audit.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "ict_permit.extension_ended")
        .unwrap_or_else(|| panic!("{}", audit.body))
        .clone();
    assert_eq!(ended["legal_basis"], "Art. 35(1)");
}

/// The branch's ICT application with Kazakh staff enough for two such permits side by
/// side (Art. 35(4) counts the branch's other live ICT permits).
fn roomy_application() -> Value {
    let mut body = crate::ict::application();
    body["kazakh_managers"] = json!(10);
    body["kazakh_specialists"] = json!(10);
    body
}

/// An ICT permit of the branch, issued, with an extension applied for: its id.
async fn ict_with_application(app: &TestApp) -> i64 {
    let branch = app.employer(crate::ict::BIN_BRANCH);
    let id = app
        .post(ICT)
        .token(&branch)
        .json(&roomy_application())
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    app.post(&format!("{ICT}/{id}/decisions"))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"decision": "issue"}))
        .await
        .ok(200);
    app.post(&format!("{ICT}/{id}/extensions"))
        .token(&branch)
        .json(&json!({"months": 12}))
        .await
        .ok(200);
    id
}

#[actix_web::test]
async fn art_35_1_an_ict_permit_past_its_last_day_is_not_extended() {
    let app = spawn_app().await;
    let akimat = app.akimat("KZ-75");
    let branch = app.employer(crate::ict::BIN_BRANCH);
    let id = ict_with_application(&app).await;
    let unread = ict_with_application(&app).await;
    // Valid until 2029-12-31; on 2030-01-01 there is nothing left to extend.
    app.set_today("2030-01-01T04:00:00Z");
    let r = app
        .post(&format!("{ICT}/{id}/extension-decisions"))
        .token(&akimat)
        .header("Accept-Language", "ru")
        .json(&json!({"decision": "extend"}))
        .await;
    assert!(
        r.problem(409, "ict-not-extendable")["detail"]
            .as_str()
            .unwrap()
            .contains("истекло"),
        "{}",
        r.body
    );
    // Read, the application has ended, audited with its ground and article.
    let p = app.get(&format!("{ICT}/{id}")).token(&branch).send().await;
    assert_eq!(p.ok(200)["extension_applied_on"], Value::Null);
    let audit = app
        .get("/v1/audit-events?entity_type=ict_permit&action=ict_permit.extension_ended")
        .token(&app.auditor())
        .send()
        .await;
    let items = audit.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["legal_basis"], "Art. 35(1)");
    // The scheduled job ends the other one's, unread, and then finds nothing more.
    let mut conn = app.pool.get().unwrap();
    let actor = permits::cases::permits::system_actor(chrono::Utc::now().naive_utc());
    let today = "2030-01-01".parse().unwrap();
    let ended = permits::db::write_tx(&mut conn, |c| {
        permits::cases::ict::end_expired_extension_applications(c, today, &actor)
    })
    .unwrap();
    assert_eq!(ended, vec![unread]);
    let again = permits::db::write_tx(&mut conn, |c| {
        permits::cases::ict::end_expired_extension_applications(c, today, &actor)
    })
    .unwrap();
    assert!(again.is_empty());
}

#[actix_web::test]
async fn art_34_3_an_expired_certificate_is_not_extended_inside_the_window() {
    let app = spawn_app().await;
    let akimat = app.akimat("KZ-75");
    let base = "/v1/self-employment-certificates";
    let id = app
        .post(base)
        .token(&akimat)
        .json(&crate::certificates::application("KZ-75"))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    // Issued on 2026-12-01 for one month: valid until 2026-12-31.
    let d = app
        .post(&format!("{base}/{id}/decisions"))
        .token(&akimat)
        .json(&json!({"decision": "issue", "months": 1}))
        .await;
    assert_eq!(d.ok(200)["valid_until"], "2026-12-31");
    // Within three months of issue, for a contract that started while it was valid, but
    // the certificate has expired.
    app.set_today("2027-01-20T04:00:00Z");
    let r = app
        .post(&format!("{base}/{id}/extensions"))
        .token(&akimat)
        .json(&json!({"employer_bin": BIN_A, "contract_start": "2026-12-15", "contract_end": "2027-12-14"}))
        .await;
    assert!(
        r.problem(409, "certificate-not-extendable")["detail"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{}",
        r.body
    );
    let c = app.get(&format!("{base}/{id}")).token(&akimat).send().await;
    assert_eq!(c.ok(200)["status"], "issued");
}

/// Eight applications for one permit's extension at once, round after round: exactly one
/// is filed and seven are told `extension-exists`, on both databases.
#[actix_web::test]
async fn art_33_2_concurrent_extension_applications_file_one_extension_per_permit() {
    const AT_ONCE: usize = 8;
    const ROUNDS: usize = 6;
    let _turn = heavy().await;
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10)]).await;
    profile(&app, BIN_A).await;
    let mut ids = Vec::new();
    for round in 0..ROUNDS {
        let name = format!("WORKER {}", char::from(b'A' + round as u8));
        ids.push(another_permit(&app, &name, &format!("C{round}000000")).await);
    }
    app.set_today("2026-12-01T04:00:00Z");
    for (round, id) in ids.iter().enumerate() {
        let path = format!("/v1/permits/{id}/extensions");
        let token = app.employer(BIN_A);
        let answers: Vec<Resp> = futures_util::future::join_all((0..AT_ONCE).map(|_| {
            app.post(&path)
                .token(&token)
                .json_owned(json!({"term": {"unit": "months", "length": 12}}))
        }))
        .await;
        let filed = answers.iter().filter(|r| r.status == 201).count();
        let exists = answers
            .iter()
            .filter(|r| {
                r.status == 409 && r.body["type"] == "urn:kz:permits:problem:extension-exists"
            })
            .count();
        assert_eq!(
            (filed, exists),
            (1, AT_ONCE - 1),
            "round {round}: {:?}",
            answers
                .iter()
                .map(|r| (r.status, r.body["type"].clone()))
                .collect::<Vec<_>>()
        );
        let of_this: i64 = {
            use diesel::prelude::*;
            use permits::db::schema::permits as p;
            let mut conn = app.pool.get().unwrap();
            p::table
                .filter(p::parent_id.eq(id.as_i64()))
                .count()
                .get_result(&mut conn)
                .unwrap()
        };
        assert_eq!(of_this, 1, "round {round}");
    }
}

/// A second extension case of `parent` in `status`, written straight to the database.
fn insert_extension(
    conn: &mut permits::db::Conn,
    parent: i64,
    status: &str,
) -> diesel::QueryResult<usize> {
    use diesel::prelude::*;
    use permits::db::schema::permits as p;
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    diesel::insert_into(p::table)
        .values((
            p::kind.eq("extension"),
            p::parent_id.eq(Some(parent)),
            p::bin.eq(BIN_A),
            p::category.eq("3"),
            p::start_date.eq(day("2027-01-15")),
            p::end_date.eq(day("2028-01-14")),
            p::quota_year.eq(2027),
            p::status.eq(status.to_owned()),
            p::decision_due.eq(day("2026-12-04")),
            p::filed_on.eq(day("2026-12-01")),
            p::filed_at.eq(chrono::Utc::now().naive_utc()),
            p::filed_by.eq("test"),
            p::version.eq(1_i64),
        ))
        .execute(conn)
}

/// The database itself refuses a second open extension of a permit, whatever the code
/// before it read: the unique index, not the check, is what holds under load.
#[actix_web::test]
async fn art_33_2_the_database_holds_one_open_extension_per_permit() {
    let app = spawn_app().await;
    let id = issued_permit(&app, "U1000000").await;
    extension(&app, &id).await;
    let parent = id.as_i64().unwrap();
    let mut conn = app.pool.get().unwrap();
    let e = insert_extension(&mut conn, parent, "applied").unwrap_err();
    assert!(permits::db::is_unique_violation(&e), "{e:?}");
    let mut conn = app.pool.get().unwrap();
    let e = insert_extension(&mut conn, parent, "awaiting_payment").unwrap_err();
    assert!(permits::db::is_unique_violation(&e), "{e:?}");
    // A closed one (withdrawn, refused) does not count.
    let mut conn = app.pool.get().unwrap();
    insert_extension(&mut conn, parent, "withdrawn").unwrap();
    insert_extension(&mut conn, parent, "refused").unwrap();
}

/// Every change of what a permit shows moves its version, so `If-Match` sees it: a
/// departure (`workers[].departed_on`) as much as a move of its state.
#[actix_web::test]
async fn a_departure_moves_the_permits_version_and_an_if_match_read_before_it_is_stale() {
    let app = spawn_app().await;
    let id = issued_permit(&app, "U1000000").await;
    let leaving = read(&app, &id).await["workers"][0]["id"].clone();
    // Replaced on the permit's first day: the worker came, and owes a departure
    // (Art. 28(2)(8)).
    app.set_today("2026-01-15T04:00:00Z");
    app.post(&format!("/v1/permits/{id}/reissues"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": leaving, "newcomer": worker("DEMIR ALI", "TUR", "U9000000")}))
        .await
        .ok(201);
    let before = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.akimat("KZ-23"))
        .send()
        .await;
    let etag = before.header("etag").unwrap().to_owned();
    // The replaced worker leaves: the permit shows it, and its ETag moves.
    let d = app
        .post(&format!("/v1/permits/{id}/departures"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": leaving, "date": "2026-01-15", "evidence": "Khorgos"}))
        .await;
    d.ok(200);
    assert_ne!(d.header("etag").unwrap(), etag);
    assert_eq!(
        d.body["version"].as_i64().unwrap(),
        before.body["version"].as_i64().unwrap() + 1
    );
    let after = read(&app, &id).await;
    assert_eq!(
        by_key(&after["workers"], "passport_number", "U1000000")["departed_on"],
        "2026-01-15"
    );
    // An official who read the permit before the departure is told it changed.
    app.post(&format!("/v1/permits/{id}/suspension"))
        .token(&app.akimat("KZ-23"))
        .header("If-Match", &etag)
        .json(&json!({"reason": "inspection"}))
        .await
        .problem(412, "stale-version");
}

/// An ICT permit's arrivals and departures move its version too.
#[actix_web::test]
async fn an_ict_arrival_and_departure_move_the_ict_permits_version() {
    let app = spawn_app().await;
    let branch = app.employer(crate::ict::BIN_BRANCH);
    let id = app
        .post(ICT)
        .token(&branch)
        .json(&crate::ict::application())
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    let issued = app
        .post(&format!("{ICT}/{id}/decisions"))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"decision": "issue"}))
        .await;
    let v = issued.ok(200)["version"].as_i64().unwrap();
    let w = &issued.body["workers"][0];
    app.set_today("2027-01-05T04:00:00Z");
    app.post(&format!("{ICT}/{id}/arrivals"))
        .token(&branch)
        .json(&json!({"entry_date": "2027-01-02", "sending_country": "DEU",
            "sending_organisation": "Muster GmbH", "term_from": "2027-01-02", "term_to": "2027-12-31",
            "workers": [{"worker_id": w["id"], "full_name": w["full_name"], "education": "higher",
                "qualification": "engineer", "speciality": "petroleum engineering", "experience_years": 8}]}))
        .await
        .ok(201);
    let p = app.get(&format!("{ICT}/{id}")).token(&branch).send().await;
    assert_eq!(p.ok(200)["version"].as_i64().unwrap(), v + 1);
    assert_eq!(p.header("etag").unwrap(), format!("\"{}\"", v + 1));
    // Revoked (a move: v + 2), the worker's departure is recorded: v + 3.
    app.post(&format!("{ICT}/{id}/measures"))
        .token(&app.akimat("KZ-75"))
        .json(
            &json!({"measure": "revoke", "reason": "inspection", "ground": "unlawful-engagement"}),
        )
        .await
        .ok(200);
    app.post(&format!("{ICT}/{id}/departures"))
        .token(&branch)
        .json(&json!({"worker_id": w["id"], "date": "2027-01-05", "evidence": "Khorgos"}))
        .await
        .ok(201);
    let p = app.get(&format!("{ICT}/{id}")).token(&branch).send().await;
    assert_eq!(p.ok(200)["version"].as_i64().unwrap(), v + 3);
    assert!(
        p.body["workers"][0]["departed_on"].is_string(),
        "{}",
        p.body
    );
}

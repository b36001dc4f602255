//! Several regions, one permit (Art. 33(2), 33(4), 9(5)) through HTTP on the configured
//! database: each region's akimat approves within its own allocation, whatever another
//! named region has left; the fee falls due to every region the rule set's working days
//! after the last approval, and a lapse counts from there, its ground read in the
//! reader's language with its article.

use crate::helpers::*;
use crate::permits::{application, profile, quota, worker};
use serde_json::{json, Value};

/// Files an application of BIN_A for one Turkish engineer, `name`, in `regions`.
async fn apply(app: &TestApp, regions: &[&str], name: &str, passport: &str) -> Value {
    app.post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(regions, vec![worker(name, "TUR", passport)]))
        .await
        .ok(201)["id"]
        .clone()
}

async fn approve(app: &TestApp, id: &Value, region: &str) -> Resp {
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat(region))
        .json(&json!({"decision": "approve"}))
        .await
}

async fn pay(app: &TestApp, id: &Value, region: &str, amount: &str, on: &str) -> Resp {
    app.post(&format!("/v1/permits/{id}/payments"))
        .token(&app.employer(BIN_A))
        .json(&json!({"region": region, "amount": amount, "paid_on": on, "reference": "PP-1"}))
        .await
}

async fn read(app: &TestApp, id: &Value, lang: &str) -> Value {
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .header("Accept-Language", lang)
        .send()
        .await
        .ok(200)
        .clone()
}

fn region<'a>(permit: &'a Value, code: &str) -> &'a Value {
    by_key(&permit["regions"], "region", code)
}

fn quota_checks(permit: &Value) -> Vec<(String, String)> {
    permit["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"] == "quota-available")
        .map(|c| {
            (
                c["figures"]["region"].as_str().unwrap().to_owned(),
                c["outcome"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn art_9_5_a_two_region_permit_is_approved_by_a_region_with_units_while_the_other_has_none() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5), ("KZ-47", "3", 1)]).await;
    profile(&app, BIN_A).await;
    // Mangystau's one unit goes to a permit of its own: it has none left.
    let own = apply(&app, &["KZ-47"], "DEMIR ALI", "U3000000").await;
    approve(&app, &own, "KZ-47").await.ok(200);
    assert_eq!(region_units(&app, "KZ-47", "3").await, (1, 1, 0));
    let id = apply(&app, &["KZ-23", "KZ-47"], "KAYA MEHMET", "U3000001").await;

    // Atyrau's akimat decides within its own allocation: approved, one unit held there.
    let p = approve(&app, &id, "KZ-23").await.ok(200).clone();
    assert_eq!(p["status"], "applied");
    assert_eq!(region(&p, "KZ-23")["decision"], "approved");
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 1, 0));
    // The checks of the approval are the deciding region's: nothing of KZ-47's quota.
    assert_eq!(quota_checks(&p), [("KZ-23".to_owned(), "pass".to_owned())]);
    // No fee is due while a region has still to decide.
    assert_eq!(region(&p, "KZ-23")["fee"]["payment_due"], Value::Null);
    pay(&app, &id, "KZ-23", "873650.00", "2025-12-15")
        .await
        .problem(409, "illegal-transition");

    // Mangystau's akimat cannot approve beyond its own allocation, and says so of itself.
    let r = approve(&app, &id, "KZ-47").await;
    let v = &r.problem(422, "quota-available")["violations"][0];
    assert_eq!(v["article"], "Art. 33(2)");
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .starts_with("Mangystau Region has 0 units"),
        "{v}"
    );
    assert_eq!(region_units(&app, "KZ-47", "3").await, (1, 1, 0));
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 1, 0));
    let p = read(&app, &id, "en").await;
    assert_eq!(region(&p, "KZ-47")["decision"], "pending");

    // Once the ministry allocates it another unit, it approves and the fee falls due to
    // both regions.
    app.put("/v1/quotas/2026/regions/KZ-47")
        .token(&app.ministry())
        .json(&json!({"categories": [{"category": "3", "allocated": 2}], "reason": "Order No. 401 of 18.12.2025"}))
        .await
        .ok(200);
    let p = approve(&app, &id, "KZ-47").await.ok(200).clone();
    assert_eq!(p["status"], "awaiting_payment");
    assert_eq!(quota_checks(&p), [("KZ-47".to_owned(), "pass".to_owned())]);
    assert_eq!(region_units(&app, "KZ-47", "3").await, (2, 2, 0));
    // 10 working days after 15 December; 16 December is Independence Day.
    for r in ["KZ-23", "KZ-47"] {
        assert_eq!(region(&p, r)["fee"]["payment_due"], "2025-12-30", "{r}");
    }
}

#[actix_web::test]
async fn art_33_4_a_permit_whose_last_region_approves_on_its_deadline_is_paid_10_working_days_later_and_lapses_after(
) {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5), ("KZ-47", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let paid = apply(&app, &["KZ-23", "KZ-47"], "KAYA MEHMET", "U3000001").await;
    let unpaid = apply(&app, &["KZ-23", "KZ-47"], "DEMIR ALI", "U3000002").await;
    // Atyrau approves both on the day they are filed.
    for id in [&paid, &unpaid] {
        assert_eq!(
            approve(&app, id, "KZ-23").await.ok(200)["status"],
            "applied"
        );
    }
    // Mangystau approves both on the last day of its time to decide.
    let p = read(&app, &paid, "en").await;
    assert_eq!(p["decision_due"], "2025-12-25");
    app.set_today("2025-12-25T04:00:00Z");
    for id in [&paid, &unpaid] {
        let p = approve(&app, id, "KZ-47").await.ok(200).clone();
        assert_eq!(p["status"], "awaiting_payment");
        // Ten working days after the last approval, for every region: 1, 2 and
        // 7 January are holidays.
        for r in ["KZ-23", "KZ-47"] {
            assert_eq!(region(&p, r)["fee"]["payment_due"], "2026-01-13", "{r}");
        }
    }

    // On the tenth working day both are still awaiting payment, and the fee is paid:
    // 202 MRP × 4,325 × 1 worker to each region.
    app.set_today("2026-01-13T04:00:00Z");
    assert_eq!(
        read(&app, &unpaid, "en").await["status"],
        "awaiting_payment"
    );
    pay(&app, &paid, "KZ-23", "873650.00", "2026-01-13")
        .await
        .ok(201);
    let p = pay(&app, &paid, "KZ-47", "873650.00", "2026-01-13")
        .await
        .ok(201)
        .clone();
    assert_eq!(p["status"], "active");
    pay(&app, &unpaid, "KZ-23", "873650.00", "2026-01-13")
        .await
        .ok(201);
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 1, 1));

    // The day after, the permit not paid to every region lapses, its quota given back in
    // both regions, and its ground cites Art. 33(4) in the reader's language.
    app.set_today("2026-01-14T04:00:00Z");
    for (lang, name) in [
        ("en", "the fee was not paid to the budget of every region named within the time to pay after the last region's approval"),
        ("ru", "сбор не уплачен в бюджет каждого указанного региона в срок для оплаты после согласования последнего региона"),
        ("kk", "алым соңғы өңір мақұлдағаннан кейінгі төлеу мерзімінде аталған әрбір өңірдің бюджетіне төленбеді"),
    ] {
        let p = read(&app, &unpaid, lang).await;
        assert_eq!(p["status"], "lapsed");
        assert_eq!(p["ended_on"], "2026-01-14");
        assert_eq!(
            p["end_ground"],
            json!({"code": "unpaid-fee", "article": "Art. 33(4)", "name": name})
        );
    }
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 1));
    assert_eq!(region_units(&app, "KZ-47", "3").await, (5, 0, 1));
    assert_eq!(read(&app, &paid, "en").await["status"], "active");
    let history = read(&app, &unpaid, "en").await["history"].clone();
    let lapse = by_key(&history, "action", "permit.lapsed");
    assert_eq!(lapse["legal_basis"], "Art. 33(4)");
}

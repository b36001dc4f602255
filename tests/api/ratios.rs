//! The ratios of foreign to Kazakh staff judged on the employer's whole situation, over
//! HTTP on the configured database: the Kazakh share (Art. 33(6)) counts the workers of the
//! employer's own live permits and ICT permits besides the staff its profile declares, at
//! filing and again at each decision; the ICT ratio (Art. 35(4)) counts every live ICT
//! permit of the branch, so two applications cannot split it; the exemptions from the share
//! are those of the rule set in force on the day.

use crate::helpers::*;
use crate::ict::BIN_BRANCH;
use crate::permits::{application, quota, worker};
use serde_json::{json, Value};

fn check<'a>(permit: &'a Value, code: &str) -> &'a Value {
    permit["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code)
        .unwrap_or_else(|| panic!("no check {code}: {permit}"))
}

/// A mining LLP in Atyrau whose profile declares `kazakh` Kazakh specialists and no
/// foreigner outside this service's permits.
async fn profile(app: &TestApp, bin: &str, kazakh: u32) {
    app.put(&format!("/v1/employers/{bin}"))
        .token(&app.employer(bin))
        .json(&json!({
            "as_of": "2025-11-01", "name": "Caspian Drilling LLP", "legal_form": "LLP",
            "foreign_division": false, "sector": "B", "region": "KZ-23",
            "workforce": [{"category": "3", "kazakh": kazakh, "foreign": 0}]
        }))
        .await
        .ok(201);
}

/// A worker's Latin name made of a passport number or a tag, its digits spelt as letters
/// (`U1000000` → `WORKER UBAAAAAA`): a name holds no digits.
fn name_of(tag: &str) -> String {
    let letters: String = tag
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from(b'A' + d as u8),
            None => c,
        })
        .collect();
    if letters.starts_with("SPECIALIST") {
        letters
    } else {
        format!("WORKER {letters}")
    }
}

async fn apply(app: &TestApp, bin: &str, passport: &str) -> Value {
    app.post("/v1/permit-applications")
        .token(&app.employer(bin))
        .json(&application(
            &["KZ-23"],
            vec![worker(&name_of(passport), "TUR", passport)],
        ))
        .await
        .ok(201)
        .clone()
}

async fn approve(app: &TestApp, id: &Value) -> Resp {
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
}

/// An ICT application of `bin` in KZ-75 from a German entity: `specialists` transferred
/// specialists (passports `{tag}1000000`, `{tag}2000000`, …) against `kazakh` Kazakh specialists.
fn ict_application(form: &str, tag: &str, specialists: usize, kazakh: u32) -> Value {
    let workers: Vec<Value> = (1..=specialists)
        .map(|i| {
            json!({"full_name": name_of(&format!("SPECIALIST {tag}{i}")), "passport_number": format!("{tag}{i}000000"),
                "citizenship": "DEU", "position": "specialist", "higher_education": true,
                "prior_employment_months": 24})
        })
        .collect();
    json!({"region": "KZ-75", "employer_form": form, "sender_name": "Muster GmbH",
        "sender_country": "DEU", "special_condition": "train_kazakh_staff",
        "kazakh_managers": 0, "kazakh_specialists": kazakh,
        "contract_start": "2026-01-10", "contract_end": "2026-12-31", "workers": workers})
}

async fn issue_ict(app: &TestApp, id: &Value) -> Resp {
    app.post(&format!("/v1/ict-permits/{id}/decisions"))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"decision": "issue"}))
        .await
}

/// Three one-worker applications filed side by side each keep the share alone; the third
/// approval counts the two approved before it and is refused; a fourth application sees
/// them at filing; an ICT specialist of the same employer counts as well.
#[actix_web::test]
async fn art_33_6_the_share_counts_the_workers_of_the_employers_own_live_permits_and_ict_permits() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10)]).await;
    // 18 Kazakh specialists: 90 % of categories 3+4 leaves room for 2 foreigners.
    profile(&app, BIN_A, 18).await;
    let mut ids = Vec::new();
    for passport in ["U1000000", "U2000000", "U3000000"] {
        let p = apply(&app, BIN_A, passport).await;
        let share = check(&p, "kazakh-share");
        assert_eq!(share["outcome"], "pass");
        assert_eq!(
            (&share["figures"]["foreign"], &share["figures"]["permitted"]),
            (&json!(1), &json!(0))
        );
        ids.push(p["id"].clone());
    }
    approve(&app, &ids[0]).await.ok(200);
    let second = approve(&app, &ids[1]).await.ok(200).clone();
    let share = check(&second, "kazakh-share");
    assert_eq!(
        (&share["outcome"], &share["figures"]["permitted"]),
        (&json!("pass"), &json!(1))
    );
    // The third: 18 Kazakh against the two approved and its own is below 90 %.
    let r = approve(&app, &ids[2]).await;
    let v = &r.problem(422, "kazakh-share")["violations"][0];
    assert_eq!(v["article"], "Art. 33(6)");
    assert_eq!(
        v["message"],
        "categories 3+4: 18 Kazakh staff against 3 foreign workers with this permit, 2 of them on the employer's other live permits and ICT permits; at least 90 % must be Kazakh"
    );
    // Nothing of the refused approval stays: no unit held for it.
    assert_eq!(region_units(&app, "KZ-23", "3").await, (10, 2, 0));
    // A new application sees the two approved permits at filing.
    let p = apply(&app, BIN_A, "U4000000").await;
    let share = check(&p, "kazakh-share");
    assert_eq!(
        (&share["outcome"], &share["figures"]["permitted"]),
        (&json!("fail"), &json!(2))
    );
    // Another employer's permits are not this one's.
    profile(&app, BIN_B, 18).await;
    let p = apply(&app, BIN_B, "B1000000").await;
    assert_eq!(check(&p, "kazakh-share")["figures"]["permitted"], 0);

    // An ICT specialist transferred to the same employer (a subsidiary of the sender)
    // counts in category 3 too, once issued.
    let ict = app
        .post("/v1/ict-permits")
        .token(&app.employer(BIN_B))
        .json(&ict_application("subsidiary", "X", 1, 18))
        .await
        .ok(201)
        .clone();
    issue_ict(&app, &ict["id"]).await.ok(200);
    let p = apply(&app, BIN_B, "B2000000").await;
    let share = check(&p, "kazakh-share");
    // 18 Kazakh against the ICT specialist and the new worker: 18/20 keeps 90 %.
    assert_eq!(
        (
            &share["outcome"],
            &share["figures"]["permitted"],
            &share["figures"]["foreign"]
        ),
        (&json!("pass"), &json!(1), &json!(2))
    );
    // The first application of BIN_B is approved (counting the ICT specialist); the
    // second then fails at its decision: 18 against 3.
    approve(&app, &json!(p["id"])).await.ok(200);
    approve(&app, &ids_of(&app, BIN_B).await[0])
        .await
        .problem(422, "kazakh-share");
}

/// The ids of `bin`'s permits, oldest first.
async fn ids_of(app: &TestApp, bin: &str) -> Vec<Value> {
    let r = app
        .get("/v1/permits")
        .token(&app.employer(bin))
        .send()
        .await;
    let mut ids: Vec<Value> = r.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].clone())
        .collect();
    ids.sort_by_key(|v| v.as_i64());
    ids
}

/// A branch with 4 Kazakh specialists may have 2 ICT specialists (50 %): two applications
/// of 2 are each within the ratio at filing, but the second cannot be issued once the
/// first is; a third application is refused at filing; once the first permit is revoked
/// the second can be issued.
#[actix_web::test]
async fn art_35_4_two_applications_cannot_split_the_ict_ratio() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    let branch = app.employer(BIN_BRANCH);
    let mut ids = Vec::new();
    for tag in ["A", "B"] {
        let r = app
            .post("/v1/ict-permits")
            .token(&branch)
            .json(&ict_application("branch", tag, 2, 4))
            .await;
        ids.push(r.ok(201)["id"].clone());
    }
    issue_ict(&app, &ids[0]).await.ok(200);
    let r = issue_ict(&app, &ids[1]).await;
    let v = &r.problem(422, "ict-ratio-exceeded")["violations"][0];
    assert_eq!(v["article"], "Art. 35(4)");
    assert_eq!(
        v["message"],
        "4 transferred specialists (2 of them on the employer's other live ICT permits) against 4 Kazakh staff in that position exceed 50 per cent"
    );
    // Still applied: nothing was issued.
    let p = app
        .get(&format!("/v1/ict-permits/{}", ids[1]))
        .token(&branch)
        .send()
        .await;
    assert_eq!(p.ok(200)["status"], "applied");
    // A third application of one more specialist is refused at filing.
    let r = app
        .post("/v1/ict-permits")
        .token(&branch)
        .json(&ict_application("branch", "C", 1, 4))
        .await;
    assert_eq!(
        r.problem(422, "ict-ratio-exceeded")["violations"][0]["article"],
        "Art. 35(4)"
    );
    // A contract that starts after the first permit ends shares no day with it.
    let mut later = ict_application("branch", "D", 2, 4);
    later["contract_start"] = json!("2027-01-01");
    later["contract_end"] = json!("2027-12-31");
    app.post("/v1/ict-permits")
        .token(&branch)
        .json(&later)
        .await
        .ok(201);
    // The first permit revoked, the second can be issued.
    app.post(&format!("/v1/ict-permits/{}/measures", ids[0]))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"measure": "revoke", "reason": "Found on inspection", "ground": "unreliable-documents"}))
        .await
        .ok(200);
    assert_eq!(issue_ict(&app, &ids[1]).await.ok(200)["status"], "issued");
}

/// An LLP whose profile states it is a small-business entity with `kazakh` Kazakh and
/// `foreign` foreign specialists.
async fn small_business(app: &TestApp, bin: &str, kazakh: u32, foreign: u32) -> Value {
    app.put(&format!("/v1/employers/{bin}"))
        .token(&app.employer(bin))
        .json(&json!({
            "as_of": "2025-08-01", "name": "Atyrau Service LLP", "legal_form": "LLP",
            "foreign_division": false, "small_business": true, "sector": "B",
            "region": "KZ-23",
            "workforce": [{"category": "3", "kazakh": kazakh, "foreign": foreign}]
        }))
        .await
        .ok(201)
        .clone()
}

/// From 1 September 2025 a small-business entity of at most 20 employees keeps no Kazakh
/// share (Order No. 93 of 28.03.2025 amending Order No. 279, in the seeded rule set): an
/// LLP of 15 is approved, one of 25 is refused on the share, and the same LLP of 15
/// applying on 31 August 2025 is judged on the share.
#[actix_web::test]
async fn order_93_a_small_llp_of_15_keeps_no_share_from_1_september_2025_one_of_25_does() {
    let app = spawn_app().await;
    app.set_today("2025-08-31T04:00:00Z");
    let v = small_business(&app, BIN_A, 12, 3).await;
    assert_eq!(v["small_business"], true);
    // 31 August 2025: no such exemption yet; 12 Kazakh against 4 foreign fails 90 %.
    let p = apply(&app, BIN_A, "S0000000").await;
    assert_eq!(check(&p, "kazakh-share")["outcome"], "fail");
    app.set_today("2025-09-01T04:00:00Z");
    let p = apply(&app, BIN_A, "S1000000").await;
    let c = check(&p, "kazakh-share-small-business");
    assert_eq!(
        (
            &c["outcome"],
            &c["article"],
            &c["figures"]["employees"],
            &c["figures"]["max"]
        ),
        (&json!("pass"), &json!("Art. 33(6)"), &json!(15), &json!(20))
    );
    assert_eq!(
        c["message"],
        "exempt from the Kazakh share: a small-business entity with 15 employees (at most 20)"
    );
    // In December (the vacancy published long enough before), filed and approved.
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10)]).await;
    let p = apply(&app, BIN_A, "S1B00000").await;
    assert_eq!(check(&p, "kazakh-share-small-business")["outcome"], "pass");
    approve(&app, &p["id"]).await.ok(200);
    // 25 employees: judged on the share and refused at the decision.
    small_business(&app, BIN_B, 20, 5).await;
    let p = apply(&app, BIN_B, "S2000000").await;
    assert_eq!(check(&p, "kazakh-share")["outcome"], "fail");
    let r = approve(&app, &p["id"]).await;
    assert_eq!(
        r.problem(422, "kazakh-share")["violations"][0]["article"],
        "Art. 33(6)"
    );
    // The workers of the small LLP's own approved permit count in its headcount: 15 + 1.
    let p = apply(&app, BIN_A, "S3000000").await;
    assert_eq!(
        check(&p, "kazakh-share-small-business")["figures"]["employees"],
        16
    );
}

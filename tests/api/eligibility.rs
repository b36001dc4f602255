//! The route finder over HTTP (Art. 32(2)-(3), 2(3), 33(1), 34, 35): every route with its
//! article, the reasons for the others, the next step, in the caller's language.

use crate::helpers::*;
use serde_json::{json, Value};

async fn ask(app: &TestApp, token: &str, facts: Value) -> Value {
    app.post("/v1/eligibility")
        .token(token)
        .json(&facts)
        .await
        .ok(200)
        .clone()
}

#[actix_web::test]
async fn eligibility_answers_every_route_with_its_article() {
    let app = spawn_app().await;
    let t = app.employer(BIN_A);
    let cases = [
        (
            json!({"citizenship": "KGZ", "employer_kind": "ordinary", "position": "qualified_worker"}),
            "eaeu_citizen",
            "Art. 2(3)",
        ),
        (
            json!({"citizenship": "TUR", "permanent_resident": true, "employer_kind": "ordinary", "position": "specialist"}),
            "exempt",
            "Art. 32(2)(9)",
        ),
        (
            json!({"citizenship": "TUR", "employer_kind": "autonomous_education", "position": "head", "higher_education": true}),
            "exempt",
            "Art. 32(2)(1)",
        ),
        (
            json!({"citizenship": "TUR", "employer_kind": "state_body", "position": "specialist"}),
            "exempt",
            "Art. 32(2)(2)",
        ),
        (
            json!({"citizenship": "TUR", "employer_kind": "priority_investment_project", "position": "head"}),
            "exempt",
            "Art. 32(2)(3)",
        ),
        (
            json!({"citizenship": "TUR", "employer_kind": "special_economic_zone", "position": "qualified_worker", "project_value_mrp": 1_500_000}),
            "exempt",
            "Art. 32(2)(7)",
        ),
        (
            json!({"citizenship": "TUR", "employer_kind": "foreign_representative_office", "position": "head", "first_head": true}),
            "exempt",
            "Art. 32(2)(10)",
        ),
        (
            json!({"citizenship": "TUR", "employer_kind": "astana_hub", "position": "head"}),
            "exempt",
            "Art. 32(2)(12)",
        ),
        (
            json!({"citizenship": "IND", "occupation_code": "2512"}),
            "self_employment_certificate",
            "Art. 34(1)",
        ),
        (
            json!({"citizenship": "TUR", "employer_kind": "foreign_branch", "position": "manager",
                "intra_corporate_transfer": true, "sender_country": "DEU"}),
            "ict_permit",
            "Art. 35(1)",
        ),
        (
            json!({"citizenship": "TUR", "employer_kind": "ordinary", "position": "specialist", "higher_education": true}),
            "quota_permit",
            "Art. 33(1)",
        ),
        (
            json!({"citizenship": "IND", "occupation_code": "9629"}),
            "none",
            "Art. 33(1)",
        ),
    ];
    for (facts, route, article) in cases {
        let a = ask(&app, &t, facts.clone()).await;
        assert_eq!(a["route"], route, "{facts}: {a}");
        assert_eq!(a["articles"][0], article, "{facts}: {a}");
        assert!(a["reason"].as_str().is_some_and(|r| !r.is_empty()));
        assert!(a["next_step"].as_str().is_some_and(|r| !r.is_empty()));
        // Every other route is explained with its article.
        let others = a["other_routes"].as_array().unwrap();
        for kind in [
            "eaeu_citizen",
            "exempt",
            "self_employment_certificate",
            "ict_permit",
            "quota_permit",
        ] {
            assert!(
                kind == route || others.iter().any(|o| o["route"] == kind),
                "{kind} missing in {a}"
            );
        }
        assert!(others.iter().all(|o| o["articles"][0].is_string()));
    }
}

#[actix_web::test]
async fn eligibility_a_head_without_higher_education_at_an_autonomous_organisation_needs_a_permit()
{
    let app = spawn_app().await;
    let a = ask(
        &app,
        &app.auditor(),
        json!({"citizenship": "TUR", "employer_kind": "autonomous_education", "position": "head"}),
    )
    .await;
    assert_eq!(a["route"], "quota_permit");
    assert_eq!(a["category"], "1");
    let exempt = a["other_routes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["articles"][0] == "Art. 32(2)(1)")
        .unwrap();
    assert_eq!(exempt["applies"], false);
    assert!(exempt["reason"]
        .as_str()
        .unwrap()
        .contains("heads and specialists alike"));
    // At the Astana Hub a head needs no higher education (Art. 32(2)(12)).
    let hub = ask(
        &app,
        &app.auditor(),
        json!({"citizenship": "TUR", "employer_kind": "astana_hub", "position": "head"}),
    )
    .await;
    assert_eq!(hub["exemption"], "Art. 32(2)(12)");
}

#[actix_web::test]
async fn eligibility_an_ict_from_a_non_wto_sender_falls_to_the_quota_with_the_reason() {
    let app = spawn_app().await;
    // Turkmenistan is not a WTO member.
    let a = ask(
        &app,
        &app.akimat("KZ-75"),
        json!({"citizenship": "TKM", "employer_kind": "foreign_subsidiary", "position": "specialist",
            "intra_corporate_transfer": true, "sender_country": "TKM"}),
    )
    .await;
    assert_eq!(a["route"], "quota_permit", "{a}");
    assert_eq!(a["category"], "3");
    let ict = a["other_routes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["route"] == "ict_permit")
        .unwrap();
    assert_eq!(ict["applies"], false);
    assert!(ict["reason"].as_str().unwrap().contains("not a WTO member"));
}

#[actix_web::test]
async fn eligibility_answers_in_kazakh_and_russian() {
    let app = spawn_app().await;
    let facts = json!({"citizenship": "TUR", "employer_kind": "ordinary", "position": "head"});
    for (lang, word) in [("kk", "рұқсат"), ("ru", "разрешение")] {
        let r = app
            .post("/v1/eligibility")
            .token(&app.ministry())
            .header("Accept-Language", lang)
            .json(&facts)
            .await;
        let a = r.ok(200);
        assert_eq!(r.header("content-language"), Some(lang));
        assert!(a["next_step"].as_str().unwrap().contains(word), "{a}");
        assert_eq!(a["articles"][0], "Art. 33(1)");
    }
}

#[actix_web::test]
async fn eligibility_refuses_contradictory_or_unknown_facts() {
    let app = spawn_app().await;
    let t = app.employer(BIN_A);
    let post = |body: Value| app.post("/v1/eligibility").token(&t).json_owned(body);
    post(json!({"citizenship": "TUR", "employer_kind": "ordinary"}))
        .await
        .problem(422, "invalid-fields");
    post(
        json!({"citizenship": "TUR", "employer_kind": "special_economic_zone", "position": "head"}),
    )
    .await
    .problem(422, "invalid-fields");
    post(
        json!({"citizenship": "TUR", "employer_kind": "foreign_branch", "position": "head",
        "intra_corporate_transfer": true}),
    )
    .await
    .problem(422, "invalid-fields");
    post(json!({"citizenship": "XXX", "occupation_code": "2512"}))
        .await
        .problem(404, "not-found");
    app.post("/v1/eligibility")
        .json(&json!({"citizenship": "TUR"}))
        .await
        .problem(401, "unauthorized");
}

#[actix_web::test]
async fn a_country_reads_by_its_name_in_the_callers_language_in_a_fitting_sentence() {
    let app = spawn_app().await;
    let t = app.employer(BIN_A);
    let facts =
        json!({"citizenship": "KGZ", "employer_kind": "ordinary", "position": "qualified_worker"});
    for (lang, said) in [
        (
            "ru",
            "гражданство: Киргизия, государство — член Евразийского экономического союза",
        ),
        (
            "kk",
            "Еуразиялық экономикалық одаққа мүше мемлекет Қырғызстан азаматы",
        ),
        (
            "en",
            "a citizen of Kyrgyzstan, a member state of the Eurasian Economic Union",
        ),
    ] {
        let r = app
            .post("/v1/eligibility")
            .token(&t)
            .header("Accept-Language", lang)
            .json(&facts)
            .await;
        let reason = r.ok(200)["reason"].as_str().unwrap().to_owned();
        assert!(reason.starts_with(said), "{lang}: {reason}");
        assert!(!reason.contains("KGZ"), "{lang}: {reason}");
    }
}

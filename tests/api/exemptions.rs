//! Exempt workers through the application and the route finder alike (Art. 32(2), 2(3)):
//! an application whose workers all need no permit is refused naming, for each, the
//! subparagraph the route finder chose in its words; the application states the route
//! finder's facts per worker (permanent residence, first head, the Government's list), and
//! the Government's list of persons who need no permit (Art. 32(2)(11)) is rule-set data
//! the route finder and the intake read alike.

use crate::helpers::*;
use crate::ict::BIN_BRANCH;
use crate::permits::{application, quota, worker};
use serde_json::{json, Value};

/// The profile of `bin`, an employer of `kind` (`employer_type.kind`) with 100 Kazakh
/// specialists.
async fn profile(app: &TestApp, bin: &str, kind: &str) {
    app.put(&format!("/v1/employers/{bin}"))
        .token(&app.employer(bin))
        .json(&json!({
            "as_of": "2025-11-01", "name": "Employer", "legal_form": "LLP",
            "foreign_division": false, "sector": "J", "region": "KZ-23",
            "workforce": [{"category": "3", "kazakh": 100, "foreign": 0}],
            "employer_type": {"kind": kind}
        }))
        .await
        .ok(201);
}

async fn apply(app: &TestApp, bin: &str, lang: &str, body: &Value) -> Resp {
    app.post("/v1/permit-applications")
        .token(&app.employer(bin))
        .header("Accept-Language", lang)
        .json(body)
        .await
}

fn of_category(category: &str, workers: Vec<Value>) -> Value {
    let mut body = application(&["KZ-23"], workers);
    body["category"] = json!(category);
    body
}

#[actix_web::test]
async fn art_32_2_an_exempt_only_application_is_refused_citing_32_2_2_and_32_2_12_in_the_route_finders_words(
) {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5), ("KZ-23", "1", 5)]).await;
    // A state body's specialist (Art. 32(2)(2)).
    profile(&app, BIN_A, "state_body").await;
    let body = of_category("3", vec![worker("KAYA MEHMET", "TUR", "U1000000")]);
    for (lang, text) in [
        ("en", "KAYA MEHMET needs no permit and draws no quota: work in a state body, with documents confirmed in the procedure the Government sets"),
        ("ru", "KAYA MEHMET не нуждается в разрешении и не занимает квоту: работа в государственном органе при наличии документов, подтверждённых в порядке, установленном Правительством"),
        ("kk", "KAYA MEHMET үшін рұқсат қажет емес және квота алынбайды: Үкімет белгілеген тәртіппен расталған құжаттары бар, мемлекеттік органдағы жұмыс"),
    ] {
        let r = apply(&app, BIN_A, lang, &body).await;
        let v = &r.problem(422, "worker-exempt")["violations"][0];
        assert_eq!(
            (v["article"].as_str(), v["message"].as_str()),
            (Some("Art. 32(2)(2)"), Some(text))
        );
    }
    // Astana Hub heads (Art. 32(2)(12)), two of them: each refused with the article.
    profile(&app, BIN_B, "astana_hub").await;
    let body = of_category(
        "1",
        vec![
            worker("DEMIR ALI", "TUR", "U2000000"),
            worker("YILMAZ AYSE", "TUR", "U3000000"),
        ],
    );
    let r = apply(&app, BIN_B, "en", &body).await;
    let violations = r.problem(422, "rule-violation")["violations"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(violations.len(), 2);
    for v in &violations {
        assert_eq!(
            (&v["code"], &v["article"]),
            (&json!("worker-exempt"), &json!("Art. 32(2)(12)"))
        );
    }
    assert_eq!(
        violations[0]["message"],
        "DEMIR ALI needs no permit and draws no quota: a head, or a specialist with higher education, at the Astana Hub international technology park or its participant"
    );
    // No unit moved for either.
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 0));
}

#[actix_web::test]
async fn art_32_2_9_and_10_a_permanent_resident_and_a_first_head_are_stated_in_the_application() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A, "ordinary").await;
    // A permanent resident among workers who need a permit: refused for the permit alone,
    // drawing no quota; the permit names the fact.
    let mut resident = worker("DEMIR ALI", "TUR", "U2000000");
    resident["permanent_resident"] = json!(true);
    let body = of_category(
        "3",
        vec![worker("KAYA MEHMET", "TUR", "U1000000"), resident],
    );
    let p = apply(&app, BIN_A, "en", &body).await.ok(201).clone();
    let workers = p["workers"].as_array().unwrap();
    assert_eq!(
        (&workers[0]["needs_permit"], &workers[1]["needs_permit"]),
        (&json!(true), &json!(false))
    );
    assert_eq!(
        (
            &workers[0]["permanent_resident"],
            &workers[1]["permanent_resident"]
        ),
        (&json!(false), &json!(true))
    );
    let c = p["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "worker-exempt")
        .unwrap()
        .clone();
    assert_eq!(
        (&c["outcome"], &c["article"]),
        (&json!("warning"), &json!("Art. 32(2)(9)"))
    );
    app.post(&format!("/v1/permits/{}/decisions", p["id"]))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 1, 0));
    // The first head of a branch of a foreign legal entity (Art. 32(2)(10)) alone.
    app.put(&format!("/v1/employers/{BIN_BRANCH}"))
        .token(&app.employer(BIN_BRANCH))
        .json(&json!({
            "as_of": "2025-11-01", "name": "Muster GmbH Branch", "legal_form": "branch",
            "foreign_division": true, "sector": "J", "region": "KZ-23",
            "workforce": [{"category": "1", "kazakh": 3, "foreign": 0}]
        }))
        .await
        .ok(201);
    let mut head = worker("HANS MULLER", "DEU", "C1000000");
    head["first_head"] = json!(true);
    let r = apply(&app, BIN_BRANCH, "en", &of_category("1", vec![head])).await;
    let v = &r.problem(422, "worker-exempt")["violations"][0];
    assert_eq!(
        (v["article"].as_str(), v["message"].as_str()),
        (
            Some("Art. 32(2)(10)"),
            Some("HANS MULLER needs no permit and draws no quota: the first head of a branch or representative office of a foreign legal entity")
        )
    );
}

#[actix_web::test]
async fn art_32_2_11_a_person_in_the_governments_list_needs_no_permit_in_the_route_finder_and_the_intake(
) {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    // The list is rule-set data with its source.
    let rules = app
        .get("/v1/rule-sets/current")
        .token(&app.ministry())
        .send()
        .await
        .ok(200)
        .clone();
    let list = &rules["rules"]["no_permit_list"];
    assert!(list["source"]
        .as_str()
        .unwrap()
        .contains("No. 802 of 15.12.2016"));
    assert_eq!(list["confirmed"], false);
    // The route finder.
    let r = app
        .post("/v1/eligibility")
        .token(&app.employer(BIN_A))
        .header("Accept-Language", "ru")
        .json(&json!({"citizenship": "CHN", "no_permit_list_category": "refugee-or-asylum-seeker",
            "employer_kind": "ordinary", "position": "qualified_worker", "start_date": "2026-01-15"}))
        .await;
    let a = r.ok(200);
    assert_eq!(
        (&a["route"], &a["exemption"]),
        (&json!("exempt"), &json!("Art. 32(2)(11)"))
    );
    assert_eq!(
        a["reason"],
        "лицо из перечня Правительства, которым разрешение не требуется: лицо, получившее статус беженца или свидетельство лица, ищущего убежище"
    );
    // A code the list does not name is refused with the article.
    let r = app
        .post("/v1/eligibility")
        .token(&app.employer(BIN_A))
        .json(
            &json!({"citizenship": "CHN", "no_permit_list_category": "tourist",
            "employer_kind": "ordinary", "position": "qualified_worker"}),
        )
        .await;
    let v = &r.problem(422, "no-permit-list-category-unknown")["violations"][0];
    assert_eq!(v["article"], "Art. 32(2)(11)");
    // The intake: a kandas alone is refused for the permit with 32(2)(11) in the list's words.
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A, "ordinary").await;
    let mut kandas = worker("ZHANUZAKOV ERLAN", "MNG", "M1000000");
    kandas["no_permit_list_category"] = json!("kandas");
    let r = apply(&app, BIN_A, "en", &of_category("3", vec![kandas.clone()])).await;
    let v = &r.problem(422, "worker-exempt")["violations"][0];
    assert_eq!(
        (v["article"].as_str(), v["message"].as_str()),
        (
            Some("Art. 32(2)(11)"),
            Some("ZHANUZAKOV ERLAN needs no permit and draws no quota: a person in the Government's list of those who need no permit: an ethnic Kazakh repatriate (kandas)")
        )
    );
    // With another worker: filed, the kandas drawing no quota, the category kept.
    let body = of_category("3", vec![worker("KAYA MEHMET", "TUR", "U1000000"), kandas]);
    let p = apply(&app, BIN_A, "kk", &body).await.ok(201).clone();
    assert_eq!(p["workers"][1]["needs_permit"], false);
    assert_eq!(p["workers"][1]["no_permit_list_category"], "kandas");
    let mut unknown = worker("LI WEI", "CHN", "G1000000");
    unknown["no_permit_list_category"] = json!("tourist");
    let r = apply(&app, BIN_A, "en", &of_category("3", vec![unknown])).await;
    r.problem(422, "no-permit-list-category-unknown");
}

//! Rule sets within the law: numbers the law fixes cannot be loosened, nor cut below what
//! the law gives, by publishing a rule set or by the seed (Art. 2(3), 33(3), 33(4), 33(6),
//! 34(1), 34(3), 35(1), 35(3)), and the calendar, fee, ratio and list data the seed carries.

use crate::helpers::*;
use serde_json::{json, Value};

fn next_year_rules() -> Value {
    let text = std::fs::read_to_string("config/seed/rule-set.json").unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["effective_from"] = json!("2027-01-01");
    doc["source"] = json!("Order No. 1 of 01.12.2026");
    doc
}

async fn versions(app: &TestApp) -> usize {
    let all = app.get("/v1/rule-sets").token(&app.ministry()).send().await;
    all.ok(200)["items"].as_array().unwrap().len()
}

#[actix_web::test]
async fn art_33_3_a_rule_set_with_120_trip_days_is_refused_citing_the_article() {
    let app = spawn_app().await;
    let mut doc = next_year_rules();
    doc["rules"]["business_trips"]["max_days_per_calendar_year"] = json!(120);
    let r = app
        .post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&doc)
        .await;
    let body = r.problem(422, "statutory-limit-exceeded");
    assert_eq!(
        body["violations"],
        json!([{
            "code": "statutory-limit-exceeded",
            "message": "rules.business_trips.max_days_per_calendar_year is 120; the law allows at most 90",
            "article": "Art. 33(3)",
            "pointer": null,
            "fee_due": null,
            "quota_left": null,
            "limit": null
        }])
    );
    assert!(body.get("errors").is_none());
    // The same refusal in the state language and in Russian: code and article unchanged.
    // The detail cites the article as the reader's language writes it; the `article`
    // member keeps the stored citation.
    for (lang, title, message, cited) in [
        (
            "kk-KZ,kk;q=0.9",
            "Сұрау заң нормасы бойынша қабылданбады",
            "rules.business_trips.max_days_per_calendar_year мәні 120; заң ең көбі 90 рұқсат етеді",
            "33-баптың 3-тармағы",
        ),
        (
            "ru",
            "Запрос отклонён по норме закона",
            "rules.business_trips.max_days_per_calendar_year равно 120; закон допускает не более 90",
            "ст.\u{a0}33 п.\u{a0}3",
        ),
    ] {
        let r = app
            .post("/v1/rule-sets")
            .token(&app.ministry())
            .header("Accept-Language", lang)
            .json(&doc)
            .await;
        assert_eq!(r.header("content-language"), Some(&lang[..2]));
        let body = r.problem(422, "statutory-limit-exceeded");
        assert_eq!(body["title"], title);
        assert_eq!(body["violations"][0]["message"], message);
        assert_eq!(body["violations"][0]["code"], "statutory-limit-exceeded");
        assert_eq!(body["violations"][0]["article"], "Art. 33(3)");
        assert_eq!(body["detail"], format!("{message} ({cited})"));
    }
    assert_eq!(versions(&app).await, 1, "nothing published");
}

#[actix_web::test]
async fn a_rule_set_beyond_several_limits_of_the_law_is_refused_with_each_article() {
    let app = spawn_app().await;
    let mut doc = next_year_rules();
    let rules = &mut doc["rules"];
    rules["business_trips"]["max_days_per_calendar_year"] = json!(365);
    rules["self_employment"]["initial_max_months"] = json!(24);
    rules["ict"]["max_term_months"] = json!(120);
    rules["ict"]["arrival_notice_days"] = json!(30);
    rules["fees"]["ict_exempt"] = json!(false);
    let r = app
        .post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&doc)
        .await;
    let body = r.problem(422, "rule-violation");
    let found: Vec<(&str, &str)> = body["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["code"].as_str().unwrap(), v["article"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("statutory-limit-exceeded", "Art. 33(3)"),
            ("statutory-limit-exceeded", "Art. 34(1)"),
            ("statutory-limit-exceeded", "Art. 35(1)"),
            ("statutory-limit-exceeded", "Art. 35(3)"),
            ("ict-fee-not-allowed", "Art. 33(4)"),
        ]
    );
    assert_eq!(versions(&app).await, 1, "nothing published");
}

#[actix_web::test]
async fn a_rule_set_below_what_the_law_gives_or_against_its_fixed_rules_is_refused_with_each_article(
) {
    let app = spawn_app().await;
    let mut doc = next_year_rules();
    let rules = &mut doc["rules"];
    rules["business_trips"]["max_days_per_calendar_year"] = json!(0);
    rules["self_employment"]["initial_max_months"] = json!(0);
    rules["self_employment"]["extension_apply_within_months"] = json!(0);
    rules["ict"]["max_extensions"] = json!(0);
    rules["ict"]["arrival_notice_days"] = json!(1);
    rules["kazakh_share"]["posted_workers_count"] = json!(false);
    rules["kazakh_share"]["eaeu_citizens_count_as_foreign"] = json!(true);
    rules["working_age"]["minimum_age"] = json!(15);
    let r = app
        .post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&doc)
        .await;
    let body = r.problem(422, "rule-violation");
    let found: Vec<(&str, &str, &str)> = body["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["code"].as_str().unwrap(),
                v["article"].as_str().unwrap(),
                v["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "statutory-minimum-not-met",
                "Art. 33(3)",
                "rules.business_trips.max_days_per_calendar_year is 0; the law gives at least 90"
            ),
            (
                "statutory-minimum-not-met",
                "Art. 34(1)",
                "rules.self_employment.initial_max_months is 0; the law gives at least 1"
            ),
            (
                "statutory-minimum-not-met",
                "Art. 34(3)",
                "rules.self_employment.extension_apply_within_months is 0; the law gives at least 3"
            ),
            (
                "statutory-minimum-not-met",
                "Art. 35(1)",
                "rules.ict.max_extensions is 0; the law gives at least 1"
            ),
            (
                "statutory-minimum-not-met",
                "Art. 35(3)",
                "rules.ict.arrival_notice_days is 1; the law gives at least 10"
            ),
            (
                "statutory-rule-fixed",
                "Art. 33(6)",
                "rules.kazakh_share.posted_workers_count must be true: the law fixes it"
            ),
            (
                "statutory-rule-fixed",
                "Art. 2(3)",
                "rules.kazakh_share.eaeu_citizens_count_as_foreign must be false: the law fixes it"
            ),
            (
                "statutory-minimum-not-met",
                "Labour Code of the RK, Art. 31",
                "rules.working_age.minimum_age is 15; the law gives at least 16"
            ),
        ]
    );
    let r = app
        .post("/v1/rule-sets")
        .token(&app.ministry())
        .header("Accept-Language", "ru")
        .json(&doc)
        .await;
    assert_eq!(
        r.problem(422, "rule-violation")["violations"][0]["message"],
        "rules.business_trips.max_days_per_calendar_year равно 0; закон предусматривает не менее 90"
    );
    assert_eq!(versions(&app).await, 1, "nothing published");
}

/// The seed in `dir`, its rule set changed by `change`.
fn seed_dir_with(change: impl FnOnce(&mut Value)) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("permits-seed-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    for file in ["regions.json", "countries.json", "sectors.json"] {
        std::fs::copy(format!("config/seed/{file}"), dir.join(file)).unwrap();
    }
    let text = std::fs::read_to_string("config/seed/rule-set.json").unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    change(&mut doc["rules"]);
    std::fs::write(dir.join("rule-set.json"), doc.to_string()).unwrap();
    dir
}

#[actix_web::test]
async fn a_seed_beyond_the_law_is_refused_at_start_up_naming_each_article() {
    let seed = seed_dir_with(|rules| {
        rules["business_trips"]["max_days_per_calendar_year"] = json!(120);
        rules["ict"]["max_term_months"] = json!(60);
    });
    let (settings, _db) = test_settings(|s| s.seed.dir = seed.clone());
    let clock = permits::clock::FixedClock::new(default_now());
    let Err(e) = permits::startup::Application::build(&settings, std::sync::Arc::new(clock)) else {
        panic!("a seed with 120 trip days and a 60-month ICT term must not start the service");
    };
    assert_eq!(
        e.to_string(),
        "seeding failed: rule-set.json is not within Law 482-V: \
         rules.business_trips.max_days_per_calendar_year = 120 (statutory-limit-exceeded, Art. 33(3)); \
         rules.ict.max_term_months = 60 (statutory-limit-exceeded, Art. 35(1))"
    );
    std::fs::remove_dir_all(seed).unwrap();
}

#[actix_web::test]
async fn a_seed_below_what_the_law_gives_is_refused_at_start_up() {
    let seed = seed_dir_with(|rules| {
        rules["ict"]["arrival_notice_days"] = json!(0);
        rules["kazakh_share"]["posted_workers_count"] = json!(false);
    });
    let (settings, _db) = test_settings(|s| s.seed.dir = seed.clone());
    let clock = permits::clock::FixedClock::new(default_now());
    let Err(e) = permits::startup::Application::build(&settings, std::sync::Arc::new(clock)) else {
        panic!("a seed giving no days for the ICT arrival notice must not start the service");
    };
    let text = e.to_string();
    assert!(
        text.contains("rules.ict.arrival_notice_days = 0 (statutory-minimum-not-met, Art. 35(3))")
            && text.contains(
                "rules.kazakh_share.posted_workers_count = not true (statutory-rule-fixed, Art. 33(6))"
            ),
        "{text}"
    );
    std::fs::remove_dir_all(seed).unwrap();
}

#[actix_web::test]
async fn a_rule_set_within_the_law_with_term_rates_and_a_transferred_day_off_is_published() {
    let app = spawn_app().await;
    let mut doc = next_year_rules();
    let rules = &mut doc["rules"];
    rules["fees"]["sector_groups"][0]["fees"][0]["by_term"] = json!([
        {"term_months": 12, "mrp": 137},
        {"term_months": 24, "mrp": 274},
        {"term_months": 36, "mrp": 411}
    ]);
    let years = rules["holidays"]["years"].as_array_mut().unwrap();
    let y2027 = years.iter_mut().find(|y| y["year"] == 2027).unwrap();
    y2027["days_off"]
        .as_array_mut()
        .unwrap()
        .insert(0, json!("2026-12-31"));
    let r = app
        .post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&doc)
        .await;
    let body = r.problem(422, "invalid-fields");
    assert_eq!(
        body["errors"][0]["field"],
        "rules.holidays.years[4].days_off"
    );

    let y2027 = doc["rules"]["holidays"]["years"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|y| y["year"] == 2027)
        .unwrap();
    y2027["days_off"].as_array_mut().unwrap().remove(0);
    y2027["days_off"]
        .as_array_mut()
        .unwrap()
        .insert(7, json!("2027-03-26"));
    y2027["working_weekend_days"] = json!(["2027-03-27"]);
    let r = app
        .post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&doc)
        .await;
    let body = r.ok(201);
    assert_eq!(
        body["rules"]["fees"]["sector_groups"][0]["fees"][0]["by_term"][2]["mrp"],
        411
    );
    assert_eq!(
        body["rules"]["holidays"]["years"][4]["working_weekend_days"],
        json!(["2027-03-27"])
    );
}

/// The legal basis of each `rule_set.published` event, oldest first.
async fn publication_bases(app: &TestApp) -> Vec<Value> {
    let r = app
        .get("/v1/audit-events?action=rule_set.published")
        .token(&app.auditor())
        .send()
        .await;
    r.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["legal_basis"].clone())
        .collect()
}

#[actix_web::test]
async fn a_publication_is_audited_on_the_articles_of_the_sections_it_changes() {
    let app = spawn_app().await;
    // The seed sets every section, the Government's list of Art. 32(2)(11) among them.
    assert_eq!(
        publication_bases(&app).await,
        [json!(
            "Art. 6(2), 7(20), 7(21), 7(21-1), 32(2)(11), 33(3), 33(4), 33(6)"
        )]
    );
    // A new MRP alone rests on the fee's article; new seasonal professions on 7(21-1).
    let mut doc = next_year_rules();
    doc["rules"]["mrp"]["values"]
        .as_array_mut()
        .unwrap()
        .push(json!({"valid_from": "2027-01-01", "tenge": "4500.00"}));
    app.post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&doc)
        .await
        .ok(201);
    let mut doc = next_year_rules();
    doc["effective_from"] = json!("2027-02-01");
    doc["rules"]["mrp"]["values"]
        .as_array_mut()
        .unwrap()
        .push(json!({"valid_from": "2027-01-01", "tenge": "4500.00"}));
    doc["rules"]["lists"]["seasonal_professions"]
        .as_array_mut()
        .unwrap()
        .push(json!("Grape picker"));
    // A rule set that gives its texts in Kazakh and Russian gives the new one's too.
    doc["rules"]["words"]["Grape picker"] =
        json!({"kk": "Жүзім жинаушы", "ru": "Сборщик винограда"});
    app.post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&doc)
        .await
        .ok(201);
    assert_eq!(
        publication_bases(&app).await[1..],
        [json!("Art. 33(4)"), json!("Art. 7(21-1)")]
    );
}

#[actix_web::test]
async fn the_seeded_rule_set_carries_groups_of_categories_three_fee_groups_and_a_dated_calendar() {
    let app = spawn_app().await;
    let r = app
        .get("/v1/rule-sets/current")
        .token(&app.employer("061211600012"))
        .send()
        .await;
    let rules = &r.ok(200)["rules"];
    assert_eq!(
        rules["kazakh_share"]["ratios"],
        json!([
            {"categories": ["1", "2"], "min_kazakh_percent": "70"},
            {"categories": ["3", "4"], "min_kazakh_percent": "90"}
        ])
    );
    let groups = rules["fees"]["sector_groups"].as_array().unwrap();
    assert_eq!(groups.len(), 3);
    assert_eq!(
        groups[2]["fees"][3],
        json!({"category": "4", "mrp": 250, "by_term": []})
    );
    assert_eq!(groups[2]["confirmed"], false);
    let seasonal = rules["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "seasonal")
        .unwrap();
    assert_eq!(seasonal["initial"]["up_to"], true);
    let y2025 = &rules["holidays"]["years"][2];
    assert_eq!(y2025["year"], 2025);
    assert_eq!(y2025["working_weekend_days"], json!(["2025-01-05"]));
    assert_eq!(y2025["confirmed"], true);
    assert_eq!(
        rules["lists"]["in_demand_professions"][0],
        json!({"name": "Software developer", "sector": "J", "occupation_code": "2512",
            "higher_education_required": true, "min_experience_years": 2})
    );
}

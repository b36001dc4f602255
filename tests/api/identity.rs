//! Who the worker is (issue 19), through HTTP on the configured database: names and
//! passport numbers as passports define them, the machine-readable zone, the dates of a
//! worker's age, one live permit per person fairly, personal data never cached, and the
//! migration that normalised what was stored before.

use crate::helpers::*;
use crate::permits::{application, approved_permit, profile, quota, worker};
use serde_json::{json, Value};

fn check<'a>(permit: &'a Value, code: &str) -> &'a Value {
    permit["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code)
        .unwrap_or_else(|| panic!("no check {code}: {permit}"))
}

async fn file(app: &TestApp, bin: &str, workers: Vec<Value>) -> Resp {
    app.post("/v1/permit-applications")
        .token(&app.employer(bin))
        .json(&application(&["KZ-23"], workers))
        .await
}

async fn permits_of(app: &TestApp, bin: &str) -> usize {
    app.get("/v1/permits")
        .token(&app.employer(bin))
        .send()
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .len()
}

async fn ready(app: &TestApp) {
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 20)]).await;
    profile(app, BIN_A).await;
    profile(app, BIN_B).await;
}

/// A Turkish passport's zone, its check digits computed as Doc 9303 Part 3 says, agreeing
/// with [`worker`]'s fields (born 12 April 1985, the passport valid to 1 January 2030).
fn zoned_worker() -> Value {
    let mut w = worker("KAYA MEHMET", "TUR", "U12345678");
    w["sex"] = json!("M");
    w["mrz"] = json!([
        "P<TURKAYA<<MEHMET<<<<<<<<<<<<<<<<<<<<<<<<<<<",
        "U123456784TUR8504124M3001019<<<<<<<<<<<<<<<6"
    ]);
    w
}

/// Every input of the issue that was filed (201) on the released build is refused with
/// 422, the field's JSON pointer and the act, and files nothing.
#[actix_web::test]
async fn what_no_passport_holds_and_no_worker_can_be_is_refused_at_its_field() {
    let app = spawn_app().await;
    ready(&app).await;
    let with = |field: &str, value: Value| {
        let mut w = worker("KAYA MEHMET", "TUR", "N12345678");
        w[field] = value;
        w
    };
    let aged = |birth: &str, experience: u32| {
        let mut w = with("birth_date", json!(birth));
        w["experience_years"] = json!(experience);
        w
    };
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        // Born 30 days after today, aged 10, aged 15, aged 20 with 25 years of experience.
        (
            "born in the future",
            aged("2026-01-14", 0),
            "birth-date-not-past",
            "/workers/0/birth_date",
        ),
        (
            "aged 10",
            aged("2015-06-01", 0),
            "worker-below-working-age",
            "/workers/0/birth_date",
        ),
        (
            "aged 15",
            aged("2010-06-01", 0),
            "worker-below-working-age",
            "/workers/0/birth_date",
        ),
        (
            "20 with 25 years",
            aged("2005-06-01", 25),
            "experience-beyond-working-years",
            "/workers/0/experience_years",
        ),
        (
            "passport expiring before birth",
            with("passport_expiry", json!("1980-01-01")),
            "passport-expiry-before-birth",
            "/workers/0/passport_expiry",
        ),
        (
            "three spaces",
            with("full_name_latin", json!("   ")),
            "name-blank",
            "/workers/0/full_name_latin",
        ),
        (
            "a lone zero-width space",
            with("full_name_latin", json!("\u{200B}")),
            "name-invisible-character",
            "/workers/0/full_name_latin",
        ),
        (
            "a right-to-left override",
            with("full_name_latin", json!("KAYA \u{202E}TEMHEM")),
            "name-invisible-character",
            "/workers/0/full_name_latin",
        ),
        (
            "a BEL",
            with("full_name_latin", json!("KAYA\u{7} MEHMET")),
            "name-invisible-character",
            "/workers/0/full_name_latin",
        ),
        (
            "a Cyrillic name",
            with("full_name_latin", json!("ИВАНОВ ПЕТР")),
            "name-not-latin",
            "/workers/0/full_name_latin",
        ),
        (
            "a Chinese name",
            with("full_name_latin", json!("王小明")),
            "name-not-latin",
            "/workers/0/full_name_latin",
        ),
        (
            "a Latin name as Cyrillic",
            with("full_name_cyrillic", json!("IVANOV")),
            "name-not-cyrillic",
            "/workers/0/full_name_cyrillic",
        ),
        (
            "a hyphen in a passport number",
            with("passport_number", json!("N-1234567")),
            "passport-number-character",
            "/workers/0/passport_number",
        ),
        (
            "a one-character passport number",
            with("passport_number", json!("x")),
            "passport-number-length",
            "/workers/0/passport_number",
        ),
        (
            "a ten-character passport number",
            with("passport_number", json!("N123456789")),
            "passport-number-length",
            "/workers/0/passport_number",
        ),
    ];
    for (what, w, code, pointer) in cases {
        let r = file(&app, BIN_A, vec![w]).await;
        let p = r.problem(422, code);
        assert_eq!(p["violations"][0]["pointer"], pointer, "{what}: {p}");
        assert!(p["violations"][0]["article"].is_string(), "{what}: {p}");
    }
    // The same worker twice in one application.
    let r = file(
        &app,
        BIN_A,
        vec![
            worker("KAYA MEHMET", "TUR", "N12345678"),
            worker("Kaya  Mehmet", "TUR", "U0000001"),
        ],
    )
    .await;
    assert_eq!(
        r.problem(422, "worker-named-twice")["violations"][0]["pointer"],
        "/workers/1"
    );
    assert_eq!(permits_of(&app, BIN_A).await, 0, "a refusal files nothing");

    // The name's refusal in the reader's language, with the hint where a Cyrillic
    // spelling goes.
    let cyrillic = with("full_name_latin", json!("ИВАНОВ ПЕТР"));
    for (lang, words) in [
        ("en", "a Cyrillic spelling goes in full_name_cyrillic"),
        (
            "ru",
            "написание кириллицей указывается в поле full_name_cyrillic",
        ),
        (
            "kk",
            "кирилл әрпімен жазылуы мына өріске жазылады: full_name_cyrillic",
        ),
    ] {
        let r = app
            .post("/v1/permit-applications")
            .token(&app.employer(BIN_A))
            .header("Accept-Language", lang)
            .json(&application(&["KZ-23"], vec![cyrillic.clone()]))
            .await;
        let message = r.problem(422, "name-not-latin")["violations"][0]["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(message.contains(words), "{lang}: {message}");
        assert!(message.contains("/workers/0/full_name_latin"), "{message}");
    }

    // A certificate and an ICT worker take the same name type.
    for name in ["   ", "\u{200B}"] {
        let mut body = crate::certificates::application("KZ-75");
        body["full_name"] = json!(name);
        let r = app
            .post("/v1/self-employment-certificates")
            .token(&app.akimat("KZ-75"))
            .json(&body)
            .await;
        assert_eq!(
            r.problem(422, name_code(name))["violations"][0]["pointer"],
            "/full_name"
        );
    }
}

fn name_code(name: &str) -> &'static str {
    if name.trim().is_empty() {
        "name-blank"
    } else {
        "name-invisible-character"
    }
}

#[actix_web::test]
async fn names_and_passport_numbers_are_stored_in_normal_form_and_printed() {
    let app = spawn_app().await;
    ready(&app).await;
    let mut w = worker("  Kaya   Mehmet ", "TUR", " n 12345678<");
    w["full_name_cyrillic"] = json!(" қая  мехмет ");
    let p = file(&app, BIN_A, vec![w]).await.ok(201).clone();
    let stored = &p["workers"][0];
    assert_eq!(stored["full_name_latin"], "KAYA MEHMET");
    assert_eq!(stored["full_name_cyrillic"], "ҚАЯ МЕХМЕТ");
    assert_eq!(stored["passport_number"], "N12345678");
    // A zone whose digits check and whose fields agree is accepted.
    file(&app, BIN_A, vec![zoned_worker()]).await.ok(201);
}

#[actix_web::test]
async fn the_machine_readable_zone_must_check_and_agree_with_the_fields() {
    let app = spawn_app().await;
    ready(&app).await;
    let mut bad_digit = zoned_worker();
    bad_digit["mrz"][1] = json!("U123456785TUR8504124M3001019<<<<<<<<<<<<<<<6");
    let r = file(&app, BIN_A, vec![bad_digit]).await;
    let v = &r.problem(422, "mrz-check-digit")["violations"][0];
    assert_eq!(v["pointer"], "/workers/0/mrz/1");
    assert_eq!(v["article"], "ICAO Doc 9303 Part 4");
    let mut other_birth = zoned_worker();
    other_birth["birth_date"] = json!("1985-04-13");
    other_birth["sex"] = json!("F");
    let r = file(&app, BIN_A, vec![other_birth]).await;
    let p = r.problem(422, "rule-violation");
    let pointers: Vec<&str> = p["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(pointers, ["/workers/0/birth_date", "/workers/0/sex"]);
    let mut short = zoned_worker();
    short["mrz"] = json!(["P<TURKAYA<<MEHMET<<<<<<<<<<<<<<<<<<<<<<<<<<<"]);
    file(&app, BIN_A, vec![short])
        .await
        .problem(422, "mrz-shape");
    assert_eq!(permits_of(&app, BIN_A).await, 0);
}

/// The released build let one spelling of a person escape the one-live-permit rule; now
/// every spelling of the same passport, and every spelling of the same name with the same
/// birth date, is the same person — of the same nationality only.
#[actix_web::test]
async fn every_spelling_of_one_person_is_found_on_a_live_permit() {
    let app = spawn_app().await;
    ready(&app).await;
    let a = approved_permit(&app, "N12345678").await;
    for (name, passport) in [
        ("OTHER NAME", "N12345678"),
        ("OTHER NAME", "n12345678"),
        ("OTHER NAME", "N 12345678"),
        ("OTHER NAME", " N12345678"),
        ("OTHER NAME", "N12345678<"),
        ("KAYA MEHMET", "U7777777"),
        ("Kaya Mehmet", "U7777777"),
        ("KAYA  MEHMET", "U7777777"),
        ("KAYA-MEHMET", "U7777777"),
    ] {
        let p = file(&app, BIN_B, vec![worker(name, "TUR", passport)])
            .await
            .ok(201)
            .clone();
        let c = check(&p, "worker-on-live-permit");
        assert_eq!(c["outcome"], "fail", "{name} {passport}");
        // Employer B reads "another employer's live permit", never A's case.
        assert_eq!(c["figures"]["permit"], "hidden");
        assert!(c["message"]
            .as_str()
            .unwrap()
            .ends_with("is named on another employer's live permit"));
        assert!(!p.to_string().contains(BIN_A));
    }
    // A Chinese citizen with another name and birth date whose passport number equals the
    // Turkish worker's is another person.
    let mut chinese = worker("WANG LI", "CHN", "N12345678");
    chinese["birth_date"] = json!("1990-02-02");
    let p = file(&app, BIN_B, vec![chinese]).await.ok(201).clone();
    assert_eq!(check(&p, "worker-on-live-permit")["outcome"], "pass");
    // The same name and birth date of another nationality, too.
    let p = file(&app, BIN_B, vec![worker("KAYA MEHMET", "AZE", "C7777777")])
        .await
        .ok(201)
        .clone();
    assert_eq!(check(&p, "worker-on-live-permit")["outcome"], "pass");
    let _ = a;
}

/// Employer A files, employer B files the same person spelled otherwise; the filing
/// blocks nothing, B's application carries a warning the akimat reads, A's approval wins,
/// B's is refused at its decision, and nothing tells B of A.
#[actix_web::test]
async fn the_first_approval_wins_and_no_employer_learns_of_another() {
    let app = spawn_app().await;
    ready(&app).await;
    let a = file(&app, BIN_A, vec![worker("KAYA MEHMET", "TUR", "N12345678")])
        .await
        .ok(201)["id"]
        .clone();
    let b_filed = file(
        &app,
        BIN_B,
        vec![worker("Kaya  Mehmet", "TUR", "n 12345678")],
    )
    .await
    .ok(201)
    .clone();
    let b = b_filed["id"].clone();
    // B's filing passes the live-permit check and warns: A's application is no permit.
    assert_eq!(check(&b_filed, "worker-on-live-permit")["outcome"], "pass");
    let warned = check(&b_filed, "worker-on-pending-application");
    assert_eq!(warned["outcome"], "warning");
    assert_eq!(warned["figures"]["permit"], "hidden");
    // The deciding akimat reads A's case id.
    let seen = app
        .get(&format!("/v1/permits/{b}"))
        .token(&app.akimat("KZ-23"))
        .send()
        .await;
    let seen = seen.ok(200);
    assert_eq!(
        check(seen, "worker-on-pending-application")["figures"]["permit"],
        a
    );
    assert!(check(seen, "worker-on-pending-application")["message"]
        .as_str()
        .unwrap()
        .contains(&format!("another employer's application {a}")));
    // A's application is approved: the first approval wins.
    app.post(&format!("/v1/permits/{a}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    // B's approval is refused then, naming A's permit to the akimat only.
    let r = app
        .post(&format!("/v1/permits/{b}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await;
    let refused = r.problem(422, "worker-on-live-permit");
    assert!(refused["detail"]
        .as_str()
        .unwrap()
        .contains(&format!("another employer's live permit {a}")));
    app.post(&format!("/v1/permits/{b}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "refuse", "grounds": ["unreliable-documents"]}))
        .await
        .ok(200);
    // Nothing B reads names A's case, BIN or name.
    let b_reads = app
        .get(&format!("/v1/permits/{b}"))
        .token(&app.employer(BIN_B))
        .send()
        .await;
    let body = b_reads.ok(200);
    assert_eq!(body["status"], "refused");
    let text = body.to_string();
    assert!(!text.contains(BIN_A), "{text}");
    for c in body["checks"].as_array().unwrap() {
        assert_ne!(c["figures"]["permit"], a, "{c}");
    }
    let warned = check(body, "worker-on-pending-application");
    assert!(warned["message"].as_str().unwrap().ends_with(
        "is also named on another employer's application, not yet decided: the first approval wins"
    ));
    // A re-reads its own permit: the approval re-ran the checks and found B's application;
    // A reads it as another employer's, not by its id.
    let a_reads = app
        .get(&format!("/v1/permits/{a}"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    let a_body = a_reads.ok(200);
    assert_eq!(a_body["status"], "awaiting_payment");
    assert!(!a_body.to_string().contains(BIN_B));
    let pending = check(a_body, "worker-on-pending-application");
    assert_eq!(pending["outcome"], "warning");
    assert_eq!(pending["figures"]["permit"], "hidden");
    assert_ne!(pending["figures"]["permit"], b);
}

/// Two applications of one employer for one person: neither blocks the other; the
/// employer reads its own case id.
#[actix_web::test]
async fn one_employers_two_applications_for_one_person_warn_and_the_first_approval_wins() {
    let app = spawn_app().await;
    ready(&app).await;
    let first = file(&app, BIN_A, vec![worker("KAYA MEHMET", "TUR", "N12345678")])
        .await
        .ok(201)["id"]
        .clone();
    let second = file(&app, BIN_A, vec![worker("KAYA MEHMET", "TUR", "N12345678")])
        .await
        .ok(201)
        .clone();
    let warned = check(&second, "worker-on-pending-application");
    assert_eq!(warned["outcome"], "warning");
    assert_eq!(warned["figures"]["permit"], first);
    app.post(&format!("/v1/permits/{first}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    app.post(&format!("/v1/permits/{}/decisions", second["id"]))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .problem(422, "worker-on-live-permit");
}

#[actix_web::test]
async fn answers_that_carry_names_and_passports_are_never_cached() {
    let app = spawn_app().await;
    ready(&app).await;
    let id = file(&app, BIN_A, vec![worker("KAYA MEHMET", "TUR", "N12345678")])
        .await
        .ok(201)["id"]
        .clone();
    for path in [
        format!("/v1/permits/{id}"),
        "/v1/permits".to_owned(),
        "/v1/permit-applications".to_owned(),
    ] {
        let r = app.get(&path).token(&app.employer(BIN_A)).send().await;
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
    }
    let r = app
        .get("/v1/self-employment-certificates")
        .token(&app.akimat("KZ-75"))
        .send()
        .await;
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let r = app
        .get("/v1/ict-permits")
        .token(&app.ministry())
        .send()
        .await;
    assert_eq!(r.header("cache-control"), Some("no-store"));
    // A reference list carries no one's data and may be cached as before.
    let r = app.get("/v1/regions").token(&app.ministry()).send().await;
    assert_eq!(r.header("cache-control"), None);
}

/// Rows written before the identity types, with passports and names as they were typed,
/// are normalised by the migration, and the live-permit check finds them.
#[actix_web::test]
async fn the_migration_normalises_stored_passports_and_names_and_the_check_finds_them() {
    use diesel::connection::SimpleConnection;
    use diesel_migrations::MigrationHarness;
    use permits::db::AnyConnection;
    const VERSION: &str = "20261220000001";
    let app = spawn_app().await;
    ready(&app).await;
    let a = approved_permit(&app, "N12345678").await;
    {
        let mut conn = app.pool.get().unwrap();
        let conn: &mut AnyConnection = &mut conn;
        // Back to the schema before the migration, with the rows as the released build
        // stored what employers typed.
        let applied = |c: &mut AnyConnection| -> Vec<String> {
            match c {
                AnyConnection::Postgresql(c) => c.applied_migrations().unwrap(),
                AnyConnection::Sqlite(c) => c.applied_migrations().unwrap(),
            }
            .into_iter()
            .map(|v| v.to_string())
            .collect()
        };
        while applied(conn).iter().any(|v| v.as_str() == VERSION) {
            match conn {
                AnyConnection::Postgresql(c) => {
                    c.revert_last_migration(permits::db::PG_MIGRATIONS).unwrap();
                }
                AnyConnection::Sqlite(c) => {
                    c.revert_last_migration(permits::db::SQLITE_MIGRATIONS)
                        .unwrap();
                }
            }
        }
        conn.batch_execute(
            "UPDATE permit_workers SET passport_number = 'n 12345678<', \
             full_name_latin = '  Kaya  Mehmet '",
        )
        .unwrap();
        permits::db::migrate(conn).unwrap();
    }
    let seen = app
        .get(&format!("/v1/permits/{a}"))
        .token(&app.akimat("KZ-23"))
        .send()
        .await;
    let w = &seen.ok(200)["workers"][0];
    assert_eq!(w["passport_number"], "N12345678");
    assert_eq!(w["full_name_latin"], "KAYA MEHMET");
    // By passport, and by name and birth date: both branches find the stored row.
    for (name, passport) in [("OTHER NAME", "N12345678"), ("KAYA MEHMET", "U7777777")] {
        let p = file(&app, BIN_B, vec![worker(name, "TUR", passport)])
            .await
            .ok(201)
            .clone();
        assert_eq!(
            check(&p, "worker-on-live-permit")["outcome"],
            "fail",
            "{name} {passport}"
        );
    }
}

/// The README's first permit example, as written there: the employer's profile and its
/// application (the start date and vacancy dates it names, on the README's day).
#[actix_web::test]
async fn the_readmes_first_permit_example_still_runs_as_written() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let body_after = |marker: &str| -> Value {
        let at = readme.find(marker).unwrap_or_else(|| panic!("{marker}"));
        let rest = &readme[at..];
        let start = rest.find("-d '").unwrap() + 4;
        let end = start + rest[start..].find('\'').unwrap();
        serde_json::from_str(&rest[start..end]).unwrap()
    };
    let profile_body = body_after("curl -s -X PUT http://127.0.0.1:8080/v1/employers/210340000013");
    let application_body =
        body_after("curl -s -X POST http://127.0.0.1:8080/v1/permit-applications");
    let app = spawn_app().await;
    app.set_today("2026-12-01T04:00:00Z");
    app.put(&format!("/v1/employers/{BIN_A}"))
        .token(&app.employer(BIN_A))
        .json(&profile_body)
        .await
        .ok(201);
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application_body)
        .await;
    let p = p.ok(201);
    assert_eq!(p["workers"][0]["passport_number"], "U10000001");
    assert_eq!(check(p, "worker-on-live-permit")["outcome"], "pass");
}

/// The contract states each person field's pattern and length, so that generated clients
/// check before they send; the patterns are the ones `api::person` documents.
#[test]
fn the_contract_states_each_person_fields_pattern_and_length() {
    use permits::wire::person::{
        CYRILLIC_NAME_PATTERN, LATIN_NAME_PATTERN, MRZ_LINE_PATTERN, PASSPORT_PATTERN,
    };
    let doc: Value = serde_json::from_str(&permits::api::openapi_json().unwrap()).unwrap();
    let schemas = &doc["components"]["schemas"];
    for (schema, field, pattern) in [
        ("WorkerRequest", "full_name_latin", LATIN_NAME_PATTERN),
        ("WorkerRequest", "full_name_cyrillic", CYRILLIC_NAME_PATTERN),
        ("WorkerRequest", "passport_number", PASSPORT_PATTERN),
        ("NewCertificateRequest", "full_name", LATIN_NAME_PATTERN),
        ("NewCertificateRequest", "passport_number", PASSPORT_PATTERN),
        (
            "EmploymentReportRequest",
            "passport_number",
            PASSPORT_PATTERN,
        ),
        ("IctWorkerRequest", "full_name", LATIN_NAME_PATTERN),
        ("IctWorkerRequest", "passport_number", PASSPORT_PATTERN),
    ] {
        let p = &schemas[schema]["properties"][field];
        assert_eq!(p["pattern"], pattern, "{schema}.{field}");
        assert!(p["maxLength"].is_number(), "{schema}.{field}");
        assert!(p["minLength"].is_number(), "{schema}.{field}");
    }
    assert_eq!(schemas["MrzLine"]["pattern"], MRZ_LINE_PATTERN);
    assert_eq!(schemas["WorkerRequest"]["properties"]["mrz"]["maxItems"], 2);
    // Every pattern accepts what the service accepts in normal form and refuses a blank.
    for (pattern, good, bad) in [
        (LATIN_NAME_PATTERN, "O'BRIEN-SMITH ANNA", "   "),
        (CYRILLIC_NAME_PATTERN, "ҒАЛЫМ ҮСЕНОВ", "IVANOV"),
        (PASSPORT_PATTERN, "n 12345678<", "x"),
        (
            MRZ_LINE_PATTERN,
            "U123456784TUR8504124M3001019<<<<<<<<<<<<<<<6",
            "U1",
        ),
    ] {
        let re = regex::Regex::new(pattern).unwrap();
        assert!(re.is_match(good) && !re.is_match(bad), "{pattern}");
    }
}

/// Two akimats approve, at the same moment, two employers' applications naming one person:
/// exactly one approval wins, on either database.
#[actix_web::test]
async fn two_approvals_of_one_person_at_once_approve_exactly_one() {
    let app = spawn_app_with(|s| s.database.connect_timeout_seconds = 30).await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 20), ("KZ-75", "3", 20)]).await;
    profile(&app, BIN_A).await;
    profile(&app, BIN_B).await;
    let mut pairs = Vec::new();
    for round in 0..8 {
        let person = |bin: &str, region: &str| {
            let mut body = application(
                &[region],
                vec![worker(
                    &format!("KAYA {}", crate::permits::letters(round)),
                    "TUR",
                    &format!("N{round:07}"),
                )],
            );
            body["regions"] = json!([region]);
            (bin.to_owned(), body)
        };
        let mut ids = Vec::new();
        for (bin, body) in [person(BIN_A, "KZ-23"), person(BIN_B, "KZ-75")] {
            let r = app
                .post("/v1/permit-applications")
                .token(&app.employer(&bin))
                .json(&body)
                .await;
            ids.push(r.ok(201)["id"].clone());
        }
        pairs.push(ids);
    }
    for ids in pairs {
        let handles: Vec<_> = ids
            .iter()
            .zip(["KZ-23", "KZ-75"])
            .map(|(id, region)| {
                let req = app
                    .post(&format!("/v1/permits/{id}/decisions"))
                    .token(&app.akimat(region));
                actix_web::rt::spawn(
                    async move { req.json_owned(json!({"decision": "approve"})).await },
                )
            })
            .collect();
        let mut statuses = Vec::new();
        for h in handles {
            let r = h.await.unwrap();
            if r.status == 422 {
                assert_eq!(r.body["violations"][0]["code"], "worker-on-live-permit");
            }
            statuses.push(r.status);
        }
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 422], "{ids:?}");
    }
}

/// An ICT permit's workers take the same person types as a permit's: a name of another
/// script, a passport number of another shape, a zone that does not check are refused at
/// their pointers (a certificate's employment report finds the holder's passport however
/// it is typed: `certificates.rs`).
#[actix_web::test]
async fn ict_workers_take_the_same_person_types() {
    let app = spawn_app().await;
    let base = crate::ict::application();
    for (field, value, code) in [
        ("full_name", json!("Hans Müller"), "name-not-latin"),
        ("full_name", json!("\u{200B}"), "name-invisible-character"),
        (
            "passport_number",
            json!("C01X-00T47"),
            "passport-number-character",
        ),
        (
            "mrz",
            json!([
                "P<D<<MUELLER<<HANS<<<<<<<<<<<<<<<<<<<<<<<<<<",
                "C01X00T471D<<7001011M2901014<<<<<<<<<<<<<<<0"
            ]),
            "mrz-check-digit",
        ),
    ] {
        let mut body = base.clone();
        body["workers"][0][field] = value;
        let r = app
            .post("/v1/ict-permits")
            .token(&app.employer(crate::ict::BIN_BRANCH))
            .json(&body)
            .await;
        let v = &r.problem(422, code)["violations"][0];
        assert!(
            v["pointer"]
                .as_str()
                .unwrap()
                .starts_with(&format!("/workers/0/{field}")),
            "{v}"
        );
    }
    // The German zone writes the nationality `D`; with its digits right it is accepted.
    let mut body = base.clone();
    body["workers"][0]["mrz"] = json!([
        "P<D<<MUELLER<<HANS<<<<<<<<<<<<<<<<<<<<<<<<<<",
        mrz_line2("C01X00T47", "D<<", "700101", 'M', "290101")
    ]);
    let r = app
        .post("/v1/ict-permits")
        .token(&app.employer(crate::ict::BIN_BRANCH))
        .json(&body)
        .await;
    let w = &r.ok(201)["workers"][0];
    assert_eq!(w["full_name"], "HANS MUELLER");
}

/// The second line of a TD3 zone with its check digits (Doc 9303 Part 3, 4.9).
fn mrz_line2(doc: &str, nationality: &str, birth: &str, sex: char, expiry: &str) -> String {
    let value = |c: char| match c {
        '0'..='9' => c.to_digit(10).unwrap(),
        'A'..='Z' => u32::from(c) - u32::from('A') + 10,
        _ => 0,
    };
    let digit = |s: &str| {
        (s.chars()
            .zip([7, 3, 1].into_iter().cycle())
            .map(|(c, w)| value(c) * w)
            .sum::<u32>()
            % 10)
            .to_string()
    };
    let doc9 = format!("{doc:<<9}");
    let mut line = format!(
        "{doc9}{}{nationality}{birth}{}{sex}{expiry}{}{}<",
        digit(&doc9),
        digit(birth),
        digit(expiry),
        "<".repeat(14)
    );
    let composite = format!("{}{}{}", &line[0..10], &line[13..20], &line[21..43]);
    line.push_str(&digit(&composite));
    line
}

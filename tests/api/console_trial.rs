//! A newcomer's trial of the console as an official's tool (issue 21): a case's history
//! shows decisions, not every look at it (the looks stay in the audit trail); a year that
//! is no year is named as the year; the ministry's queue is not "your region's"; a wrong
//! number on public verification shows the form again with a sentence in the reader's
//! language; a permit whose term begins next week reads "issued, not yet in force" beside
//! "not valid today", not "active"; and the console's access lines carry the caller's role
//! and region as the API's do — over real HTTP on both databases, verification also in
//! headless Chromium with axe-core.

use crate::console::{http, page, sign_in, Session};
use crate::helpers::*;
use crate::permits::{active_permit, profile, quota};
use serde_json::Value;
use std::sync::{Mutex, Once};

/// The actions of the permit's history as its employer reads it (an employer's read of its
/// own case is no recorded read of personal data).
async fn history(app: &TestApp, id: &Value) -> Vec<String> {
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap().to_owned())
        .collect()
}

/// The reads of personal data the ministry lists.
async fn reads(app: &TestApp) -> Vec<Value> {
    app.get("/v1/audit-events?action=personal_data.read")
        .token(&app.ministry())
        .send()
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .clone()
}

#[actix_web::test]
async fn looks_at_a_case_stay_in_the_audit_trail_and_its_history_shows_only_what_was_done() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U2100001").await;
    let before = history(&app, &id).await;
    assert!(before.iter().any(|a| a == "permit.approved"), "{before:?}");

    // Three looks at the console's case page and two reads through the API.
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    let mut html = String::new();
    for _ in 0..3 {
        let (status, page) = page(&app, &s, &format!("/console/permits/{id}")).await;
        assert_eq!(status, 200);
        html = page;
    }
    for _ in 0..2 {
        app.get(&format!("/v1/permits/{id}"))
            .token(&app.ministry())
            .send()
            .await
            .ok(200);
    }

    // All five are kept, as the law requires, in the audit trail…
    let listed = reads(&app).await;
    assert_eq!(listed.len(), 5, "{listed:?}");
    let entity = id.to_string();
    assert!(listed
        .iter()
        .all(|r| r["entity_id"].as_str() == Some(entity.as_str())));
    // …and none is a line of the case's history, in the API or on the page.
    assert_eq!(history(&app, &id).await, before);
    let ministry = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.ministry())
        .send()
        .await
        .ok(200)
        .clone();
    assert!(
        !ministry.to_string().contains("personal_data.read"),
        "{ministry}"
    );
    assert!(
        !html.contains(r#"data-action="personal_data.read""#),
        "{html}"
    );
    let rows = html.matches(r#"<tr><td class="when">"#).count();
    assert!(rows >= before.len(), "{html}");
}

/// GET `path` in `lang` with the session.
async fn page_in(app: &TestApp, s: &Session, lang: &str, path: &str) -> (u16, String) {
    let mut res = http()
        .get(format!("{}{path}", app.address))
        .insert_header(("Cookie", s.cookie.clone()))
        .insert_header(("Accept-Language", lang))
        .send()
        .await
        .unwrap();
    let body = res.body().limit(4 << 20).await.unwrap();
    (
        res.status().as_u16(),
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

/// What an error page says.
fn error(html: &str) -> String {
    regex::Regex::new(r#"<p id="error"[^>]*>(.*?)</p>"#)
        .unwrap()
        .captures(html)
        .map(|c| c[1].to_owned())
        .unwrap_or_else(|| panic!("no error: {html}"))
}

#[actix_web::test]
async fn a_year_that_is_no_year_on_the_region_page_is_named_as_the_year_not_as_a_queue_choice() {
    let app = spawn_app().await;
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    for (lang, words, not) in [
        ("ru", "год abc не является целым числом", "очеред"),
        ("kk", "abc жылы бүтін сан емес", "кезек"),
        ("en", "year abc is not a whole number", "queue"),
    ] {
        let (status, html) = page_in(&app, &s, lang, "/console/region?year=abc").await;
        assert_eq!(status, 400, "{html}");
        let said = error(&html);
        assert!(said.contains(words), "{lang}: {said}");
        assert!(!said.contains(not), "{lang}: {said}");
    }
    let (status, html) = page_in(&app, &s, "ru", "/console/region?year=1999").await;
    assert_eq!(status, 400);
    assert!(html.contains("год 1999 вне диапазона 2000–2100"), "{html}");
    // A region that is none: the page's choices, not a queue's.
    let m = sign_in(&app, &app.ministry()).await;
    let (status, html) = page_in(&app, &m, "ru", "/console/region?region=XX-99").await;
    assert_eq!(status, 400);
    let said = error(&html);
    assert!(said.contains("вариантов этой страницы"), "{said}");
    assert!(!said.contains("очеред"), "{said}");
}

/// The status filter's first choice on an akimat's queue, in `lang`.
fn awaiting(lang: &str) -> &'static str {
    match lang {
        "kk" => "сіздің шешіміңізді күтуде",
        "ru" => "ожидают вашего решения",
        _ => "awaiting your decision",
    }
}

#[actix_web::test]
async fn the_ministrys_queue_is_every_regions_and_an_akimats_its_own() {
    let app = spawn_app().await;
    let m = sign_in(&app, &app.ministry()).await;
    let a = sign_in(&app, &app.akimat("KZ-23")).await;
    let intro = |html: &str| {
        regex::Regex::new(r#"<p id="queue-intro">([^<]*)</p>"#)
            .unwrap()
            .captures(html)
            .map(|c| c[1].to_owned())
            .unwrap_or_else(|| panic!("no introduction: {html}"))
    };
    for (lang, own, every) in [
        ("ru", "вашего региона", "во всех регионах"),
        ("kk", "Өңіріңіздің", "Барлық өңірлерде"),
        ("en", "your region", "in every region"),
    ] {
        let (_, html) = page_in(&app, &m, lang, "/console/queue").await;
        // Nor does its status filter offer "awaiting your decision".
        let own_filter = format!(r#"<option value="">{}"#, awaiting(lang));
        assert!(!html.contains(&own_filter), "{lang}: {html}");
        let ministry = intro(&html);
        assert!(ministry.contains(every), "{lang}: {ministry}");
        assert!(!ministry.contains(own), "{lang}: {ministry}");
        let (_, akimat) = page_in(&app, &a, lang, "/console/queue").await;
        assert!(intro(&akimat).contains(own), "{lang}: {akimat}");
    }
    let (_, html) = page_in(&app, &a, "ru", "/console/queue").await;
    assert!(html.contains(r#"<option value="">ожидают вашего решения"#));
    let auditor = sign_in(&app, &app.auditor()).await;
    let (_, html) = page_in(&app, &auditor, "en", "/console/queue").await;
    assert!(intro(&html).contains("in every region"), "{html}");
}

/// GET the verification page of `path` in `lang` with no session: status and body.
async fn verify_in(app: &TestApp, lang: &str, path: &str) -> (u16, String) {
    let mut res = http()
        .get(format!("{}{path}", app.address))
        .insert_header(("Accept-Language", lang))
        .send()
        .await
        .unwrap();
    let body = res.body().await.unwrap();
    (
        res.status().as_u16(),
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

#[actix_web::test]
async fn a_wrong_number_on_public_verification_shows_the_form_again_with_a_sentence_in_each_language(
) {
    let app = spawn_app().await;
    let wrong = "KZ-2026-0000-0000-0000";
    for (lang, sentence) in [
        (
            "ru",
            "Выданного разрешения с номером KZ-2026-0000-0000-0000 нет.",
        ),
        (
            "kk",
            "KZ-2026-0000-0000-0000 нөмірімен берілген рұқсат жоқ.",
        ),
        (
            "en",
            "No issued permit carries the number KZ-2026-0000-0000-0000.",
        ),
    ] {
        let (status, html) = verify_in(&app, lang, &format!("/console/verify/{wrong}")).await;
        assert_eq!(status, 404, "{html}");
        assert!(html.contains(sentence), "{lang}: {html}");
        assert!(html.contains(r#"id="unknown-number""#), "{html}");
        // The form, with the number typed, to correct it.
        assert!(
            html.contains(r#"<form method="get" action="/console/verify""#),
            "{html}"
        );
        assert!(html.contains(&format!(r#"value="{wrong}""#)), "{html}");
        assert!(!html.contains(r#"id="verdict""#), "{html}");
    }
    // Typed through the form, and no number at all: the same, written back escaped.
    let (status, html) = verify_in(&app, "ru", "/console/verify?number=%3Cb%3Ex").await;
    assert_eq!(status, 404);
    assert!(html.contains("с номером &#60;b&#62;x нет"), "{html}");
    assert!(!html.contains("<b>x"), "{html}");
}

#[actix_web::test]
async fn a_permit_whose_term_begins_later_is_not_called_active_beside_not_valid_today() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U2100002").await;
    let number = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.ministry())
        .send()
        .await
        .ok(200)["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let status = |html: &str| {
        regex::Regex::new(r#"<dd id="status" data-status="([a-z_]+)">([^<]*)</dd>"#)
            .unwrap()
            .captures(html)
            .map(|c| (c[1].to_owned(), c[2].to_owned()))
            .unwrap_or_else(|| panic!("no status: {html}"))
    };
    for (lang, words, valid) in [
        ("kk", "берілді, әлі күшіне енген жоқ", "жарамды"),
        ("ru", "выдано, ещё не вступило в силу", "действует"),
        ("en", "issued, not yet in force", "active"),
    ] {
        let (code, html) = verify_in(&app, lang, &format!("/console/verify/{number}")).await;
        assert_eq!(code, 200);
        let (data, shown) = status(&html);
        assert_eq!(data, "active");
        assert_eq!(shown, words, "{lang}");
        assert!(!shown.contains(valid), "{lang}: {shown}");
    }
    // The API says the same: not valid today, because its term begins on 2026-01-15.
    let api = app
        .get(&format!("/v1/public/permits/{number}"))
        .send()
        .await
        .ok(200)
        .clone();
    assert_eq!(api["valid_today"], false);
    assert_eq!(api["not_valid"]["reason"], "not_yet_started");
    assert_eq!(api["not_valid"]["on"], api["valid_from"]);
    // Once in force, it is active.
    app.set_today("2026-02-01T04:00:00Z");
    let (_, html) = verify_in(&app, "ru", &format!("/console/verify/{number}")).await;
    assert_eq!(status(&html).1, "действует");
}

/// The access lines logged while the tests run (the process's logger, installed once).
static ACCESS_LINES: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct AccessLines;

impl log::Log for AccessLines {
    fn enabled(&self, m: &log::Metadata<'_>) -> bool {
        m.target() == permits::ops::logs::ACCESS
    }

    fn log(&self, r: &log::Record<'_>) {
        if self.enabled(r.metadata()) {
            ACCESS_LINES
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(r.args().to_string());
        }
    }

    fn flush(&self) {}
}

/// The access line of the request `id`.
fn access_line(id: &str) -> String {
    let needle = format!("request_id={id} ");
    ACCESS_LINES
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .find(|l| l.contains(&needle))
        .cloned()
        .unwrap_or_else(|| panic!("no access line of {id}"))
}

#[actix_web::test]
async fn the_consoles_access_lines_name_the_callers_role_and_region_as_the_apis_do() {
    static LOGGER: Once = Once::new();
    LOGGER.call_once(|| {
        log::set_logger(&AccessLines).expect("no other logger in the tests");
        log::set_max_level(log::LevelFilter::Info);
    });
    let app = spawn_app().await;
    let akimat = sign_in(&app, &app.akimat("KZ-23")).await;
    let ministry = sign_in(&app, &app.ministry()).await;
    let run = uuid::Uuid::new_v4();
    for (who, s, path) in [
        ("akimat", &akimat, "/console/queue"),
        ("ministry", &ministry, "/console/queue"),
        ("akimat-missing", &akimat, "/console/permits/999999"),
    ] {
        let status = http()
            .get(format!("{}{path}", app.address))
            .insert_header(("Cookie", s.cookie.clone()))
            .insert_header(("X-Request-Id", format!("{who}-{run}")))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        assert!(status == 200 || status == 404, "{who}: {status}");
    }
    app.get("/v1/permits?limit=1")
        .token(&app.akimat("KZ-23"))
        .header("X-Request-Id", &format!("api-{run}"))
        .send()
        .await
        .ok(200);
    // The API's line, and the console's beside it.
    let api = access_line(&format!("api-{run}"));
    assert!(api.ends_with("role=akimat region=KZ-23"), "{api}");
    let line = access_line(&format!("akimat-{run}"));
    assert!(line.starts_with("GET /console/queue 200 "), "{line}");
    assert!(line.ends_with("role=akimat region=KZ-23"), "{line}");
    let line = access_line(&format!("ministry-{run}"));
    assert!(line.ends_with("role=ministry region=-"), "{line}");
    // A refusal's page names its caller too.
    let line = access_line(&format!("akimat-missing-{run}"));
    assert!(line.contains(" 404 "), "{line}");
    assert!(line.ends_with("role=akimat region=KZ-23"), "{line}");
    // No session: no role.
    let id = format!("anonymous-{run}");
    http()
        .get(format!("{}/console/verify", app.address))
        .insert_header(("X-Request-Id", id.clone()))
        .send()
        .await
        .unwrap();
    assert!(access_line(&id).ends_with("role=- region=-"));
}

//! The console as an official's working tool (issue 21, items 1, 5, 7 and 8): sessions the
//! server holds and ends (sign-out, idle timeout, the token's expiry), deciding safely,
//! public verification that says why a permit is not valid, and the smaller fixes — over
//! real HTTP on both databases, then in headless Chromium with axe-core.

use crate::console::{page, post_form, sign_in, Session};
use crate::helpers::*;
use crate::permits::{active_permit, application, profile, quota, worker};
use permits::auth::Role;
use serde_json::{json, Value};
use std::time::Duration;

fn http() -> awc::Client {
    awc::Client::builder()
        .disable_redirects()
        .timeout(Duration::from_secs(60))
        .finish()
}

/// GET `path` with the session's cookie: status and `Location`.
async fn get(app: &TestApp, s: &Session, path: &str) -> (u16, String) {
    let res = http()
        .get(format!("{}{path}", app.address))
        .insert_header(("Cookie", s.cookie.clone()))
        .send()
        .await
        .unwrap();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (res.status().as_u16(), location)
}

/// A KZ-23 category-3 application of BIN_A, filed on 2025-12-15: its id.
async fn filed(app: &TestApp, passport: &str) -> i64 {
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 10)]).await;
    profile(app, BIN_A).await;
    app.post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("YILMAZ AHMET", "TUR", passport)],
        ))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap()
}

/// The permit as the employer reads it through the API.
async fn permit(app: &TestApp, id: i64) -> Value {
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone()
}

/// The old session is refused everywhere: its pages and its approval of permit `id` go to
/// the sign-in page, and the permit stays as it was.
async fn refused_and_nothing_changed(app: &TestApp, old: &Session, id: i64) {
    let before = permit(app, id).await;
    for path in [
        "/console/",
        "/console/queue",
        &format!("/console/permits/{id}"),
    ] {
        assert_eq!(
            get(app, old, path).await,
            (303, "/console/sign-in".to_owned()),
            "{path} with the old cookie"
        );
    }
    let form = format!(
        "csrf={}&version={}&decision=approve",
        old.csrf, before["version"]
    );
    let (status, location, _) =
        post_form(app, old, &format!("/console/permits/{id}/decision"), &form).await;
    assert_eq!((status, location.as_str()), (303, "/console/sign-in"));
    let after = permit(app, id).await;
    assert_eq!(after["status"], "applied");
    assert_eq!(after["version"], before["version"]);
}

#[actix_web::test]
async fn signing_out_ends_the_session_and_its_old_cookie_decides_nothing() {
    let app = spawn_app().await;
    let id = filed(&app, "U30000001").await;
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    assert_eq!(get(&app, &s, "/console/queue").await.0, 200);
    let (status, location, _) =
        post_form(&app, &s, "/console/sign-out", &format!("csrf={}", s.csrf)).await;
    assert_eq!((status, location.as_str()), (303, "/console/sign-in"));
    refused_and_nothing_changed(&app, &s, id).await;
}

#[actix_web::test]
async fn a_session_idle_for_the_idle_timeout_is_over_and_its_cookie_decides_nothing() {
    let app = spawn_app().await;
    let id = filed(&app, "U30000002").await;
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    // Used every 29 minutes it stays open, past the idle timeout of 30 in all.
    app.set_today("2025-12-15T04:29:00Z");
    assert_eq!(get(&app, &s, "/console/queue").await.0, 200);
    app.set_today("2025-12-15T04:58:00Z");
    assert_eq!(get(&app, &s, "/console/queue").await.0, 200);
    // Unused for 30 minutes it is over.
    app.set_today("2025-12-15T05:28:00Z");
    refused_and_nothing_changed(&app, &s, id).await;
}

#[actix_web::test]
async fn the_idle_timeout_is_configured() {
    let app = spawn_app_with(|s| s.console.idle_minutes = 5).await;
    let id = filed(&app, "U30000003").await;
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    app.set_today("2025-12-15T04:05:00Z");
    refused_and_nothing_changed(&app, &s, id).await;
}

#[actix_web::test]
async fn a_session_ends_when_its_token_expires_and_its_cookie_decides_nothing() {
    let app = spawn_app().await;
    let id = filed(&app, "U30000004").await;
    // The token's expiry is wall-clock time: the service's clock is set to it.
    let now = chrono::Utc::now();
    app.set_today(&now.to_rfc3339());
    let token = app.token_for(Role::Akimat, Some("KZ-23"), None, 600);
    let s = sign_in(&app, &token).await;
    app.set_today(&(now + chrono::Duration::minutes(9)).to_rfc3339());
    assert_eq!(get(&app, &s, "/console/queue").await.0, 200);
    // Eleven minutes on: used two minutes ago, but the token has expired.
    app.set_today(&(now + chrono::Duration::minutes(11)).to_rfc3339());
    refused_and_nothing_changed(&app, &s, id).await;
}

#[actix_web::test]
async fn a_token_expired_within_the_verifiers_leeway_begins_no_session() {
    let app = spawn_app().await;
    app.set_today(&chrono::Utc::now().to_rfc3339());
    // 10 seconds expired: within the 30 seconds of leeway the API allows for clock skew.
    let token = app.token_for(Role::Akimat, Some("KZ-23"), None, -10);
    let (s, _) = crate::console::open(&app).await;
    let (status, location, cookie) = post_form(
        &app,
        &s,
        "/console/sign-in",
        &format!("csrf={}&token={token}", s.csrf),
    )
    .await;
    assert_eq!((status, location.as_str()), (303, "/console/sign-in"));
    let s = Session {
        cookie: cookie.unwrap_or(s.cookie),
        csrf: s.csrf,
    };
    let (status, html) = page(&app, &s, "/console/sign-in").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("the token has already expired: sign in again with a fresh one"),
        "{html}"
    );
    assert_eq!(
        get(&app, &s, "/console/queue").await,
        (303, "/console/sign-in".to_owned())
    );
}

#[actix_web::test]
async fn the_cookie_carries_only_the_session_id_not_the_callers_claims() {
    let app = spawn_app().await;
    // A long subject: a cookie carrying the claims would carry all of it.
    let claims = permits::auth::Claims {
        sub: "official-".repeat(13),
        role: Role::Akimat,
        region: Some("KZ-23".into()),
        bin: None,
        exp: chrono::Utc::now().timestamp() + 3600,
    };
    let s = sign_in(&app, &app.mint(&claims)).await;
    let (_, html) = page(&app, &s, "/console/").await;
    assert!(html.contains(&claims.sub), "the session knows the subject");
    let value = s.cookie.split_once('=').unwrap().1;
    assert!(
        value.len() < 200,
        "{} characters: more than an encrypted id",
        value.len()
    );
}

#[actix_web::test]
async fn the_language_switch_keeps_the_query_and_a_cr_lf_in_back_is_a_safe_redirect() {
    let app = spawn_app().await;
    quota(&app, &[("KZ-23", "3", 10)]).await;
    let s = sign_in(&app, &app.ministry()).await;
    // The page names itself with its query as the place to come back to.
    let (status, html) = page(&app, &s, "/console/quota?year=2026").await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(r#"name="back" value="/console/quota?year=2026""#),
        "{html}"
    );
    let (status, location, _) = post_form(
        &app,
        &s,
        "/console/language",
        &format!(
            "csrf={}&lang=ru&back=%2Fconsole%2Fquota%3Fyear%3D2026",
            s.csrf
        ),
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/console/quota?year=2026")
    );
    for back in [
        "%2Fconsole%2Fqueue%0D%0ASet-Cookie%3A+x%3D1",
        "%2Fconsole%2Fqueue%0Ax",
        "%2Fconsole%2F%5C%5Cevil.example",
    ] {
        let (status, location, _) = post_form(
            &app,
            &s,
            "/console/language",
            &format!("csrf={}&lang=kk&back={back}", s.csrf),
        )
        .await;
        assert_eq!((status, location.as_str()), (303, "/console/"), "{back}");
    }
}

#[actix_web::test]
async fn every_answer_says_nosniff() {
    let app = spawn_app().await;
    for path in [
        "/console/sign-in",
        "/console/static/console.css",
        "/console/no-such-page",
        "/console/queue",
        "/v1/permits",
        "/v1/regions",
        "/no-such-path",
        "/health/live",
        "/openapi.json",
    ] {
        let res = http()
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.headers()
                .get("x-content-type-options")
                .and_then(|v| v.to_str().ok()),
            Some("nosniff"),
            "{path} answered {}",
            res.status()
        );
    }
}

#[actix_web::test]
async fn an_employer_is_offered_no_console_page_and_is_refused_the_rules() {
    let app = spawn_app().await;
    let s = sign_in(&app, &app.employer(BIN_A)).await;
    let (_, home) = page(&app, &s, "/console/").await;
    assert!(!home.contains("/console/rules"), "{home}");
    assert_eq!(page(&app, &s, "/console/rules").await.0, 403);
}

/// GET the verification page of `number` in `lang`: status, body, `Retry-After`.
async fn verify_page(app: &TestApp, number: &str, lang: &str) -> (u16, String, Option<String>) {
    let mut res = http()
        .get(format!("{}/console/verify/{number}", app.address))
        .insert_header(("Accept-Language", lang))
        .send()
        .await
        .unwrap();
    let retry = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let html = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
    (res.status().as_u16(), html, retry)
}

#[actix_web::test]
async fn the_verification_page_has_a_budget_of_its_own_and_its_429_says_when_to_return() {
    let app = spawn_app_with(|s| {
        s.console.verify_per_minute = 2;
        s.public.verify_per_minute = 2;
    })
    .await;
    let number = "KZ-2026-0000-0000-0000";
    for _ in 0..2 {
        assert_eq!(verify_page(&app, number, "en").await.0, 404);
    }
    let (status, html, retry) = verify_page(&app, number, "en").await;
    assert_eq!(status, 429, "{html}");
    assert!(
        retry
            .as_deref()
            .and_then(|r| r.parse::<u64>().ok())
            .is_some_and(|r| r >= 1),
        "Retry-After: {retry:?}"
    );
    assert!(html.contains(r#"data-status="429""#), "{html}");
    // The API's budget is whole: the page spent its own.
    for _ in 0..2 {
        app.get(&format!("/v1/public/permits/{number}"))
            .send()
            .await
            .problem(404, "not-found");
    }
    // And the API spending its own leaves the page's as it was (spent, here).
    let r = app
        .get(&format!("/v1/public/permits/{number}"))
        .send()
        .await;
    assert_eq!(r.status, 429);
}

#[actix_web::test]
async fn public_verification_says_why_a_permit_is_not_valid_today_in_each_language() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U30000010").await;
    let number = permit(&app, id.as_i64().unwrap()).await["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let why = |html: &str| {
        regex::Regex::new(r#"<span id="why-not-valid">([^<]*)</span>"#)
            .unwrap()
            .captures(html)
            .map(|c| c[1].to_owned())
            .unwrap_or_else(|| panic!("no reason on the page: {html}"))
    };
    // Issued, paid, its term begins on 2026-01-15.
    for (lang, text) in [
        ("en", "its term begins on 2026-01-15"),
        ("ru", "срок его действия начинается 15.01.2026"),
        ("kk", "оның қолданылу мерзімі 15.01.2026 басталады"),
    ] {
        let (status, html, _) = verify_page(&app, &number, lang).await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"data-valid="false""#));
        assert_eq!(why(&html), text, "{lang}");
    }
    // Valid: no reason.
    app.set_today("2026-02-01T04:00:00Z");
    let (_, html, _) = verify_page(&app, &number, "en").await;
    assert!(html.contains(r#"data-valid="true""#));
    assert!(!html.contains("why-not-valid"));
    // Suspended.
    app.post(&format!("/v1/permits/{id}/suspension"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"reason": "inspection"}))
        .await
        .ok(200);
    let (_, html, _) = verify_page(&app, &number, "ru").await;
    assert_eq!(why(&html), "его действие приостановлено");
    let api = app
        .get(&format!("/v1/public/permits/{number}"))
        .send()
        .await
        .ok(200)["not_valid"]
        .clone();
    assert_eq!(api["reason"], "suspended");
    assert_eq!(api["on"], Value::Null);
    assert_eq!(api["message"]["kk"], "оның қолданылуы тоқтатыла тұрды");
    // Revoked, with its day.
    app.post(&format!("/v1/permits/{id}/resumption"))
        .token(&app.akimat("KZ-23"))
        .send()
        .await
        .ok(200);
    app.post(&format!("/v1/permits/{id}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": "kazakh-share-breached"}))
        .await
        .ok(200);
    for (lang, text) in [
        ("en", "it was revoked on 2026-02-01"),
        ("ru", "отозвано 01.02.2026"),
        ("kk", "01.02.2026 кері қайтарып алынды"),
    ] {
        let (_, html, _) = verify_page(&app, &number, lang).await;
        assert_eq!(why(&html), text, "{lang}");
        // The API's answer gives the same reason, typed, with the same sentence.
        let api = app
            .get(&format!("/v1/public/permits/{number}"))
            .send()
            .await
            .ok(200)["not_valid"]
            .clone();
        assert_eq!(
            (api["reason"].as_str(), api["on"].as_str()),
            (Some("revoked"), Some("2026-02-01"))
        );
        assert_eq!(api["message"][lang], text, "{lang}");
    }
}

#[actix_web::test]
async fn public_verification_says_when_a_permit_expired() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U30000011").await;
    let p = permit(&app, id.as_i64().unwrap()).await;
    let (number, end) = (
        p["number"].as_str().unwrap().to_owned(),
        p["end_date"].as_str().unwrap().to_owned(),
    );
    app.set_today("2027-06-01T04:00:00Z");
    let (_, html, _) = verify_page(&app, &number, "en").await;
    assert!(
        html.contains(&format!(
            r#"<span id="why-not-valid">it expired on {end}</span>"#
        )),
        "{html}"
    );
}

/// Runs axe-core (tests/oidc's `axe-core` package) on the page `c` shows: the rules it
/// breaks, one line each with the elements, none when the page passes.
pub(crate) async fn axe(c: &fantoccini::Client, source: &str) -> Vec<String> {
    let script = format!(
        "{source}\n;const done = arguments[arguments.length - 1];\
         axe.run(document, {{resultTypes: ['violations']}})\
         .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + \
             v.nodes.map(n => n.target.join(' ')).join(', '))))\
         .catch(e => done(['axe failed: ' + e]));"
    );
    let found = c.execute_async(&script, vec![]).await.expect("axe runs");
    serde_json::from_value(found).expect("a list of violations")
}

/// A number the page computes.
async fn number(c: &fantoccini::Client, js: &str) -> f64 {
    c.execute(&format!("return {js};"), vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap_or_else(|| panic!("{js} is not a number"))
}

#[actix_web::test]
async fn console_pages_in_chromium_keep_a_short_header_wrap_long_names_and_pass_axe() {
    use crate::console::{
        attr, attr_becomes, browser, browser_sign_in, chromium, click, driver, oidc_provider, shot,
        text,
    };
    use fantoccini::Locator;
    let Some((chromium_bin, driver_bin)) = browser() else {
        return;
    };
    let Some(dir) = oidc_provider() else {
        return;
    };
    let axe_js = std::fs::read_to_string(dir.join("node_modules/axe-core/axe.min.js"))
        .expect("axe-core is installed with tests/oidc's packages");
    let _turn = heavy().await;
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10)]).await;
    profile(&app, BIN_A).await;
    let long = "A".repeat(280);
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker(&long, "TUR", "U30000020")],
        ))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    let d = driver(&driver_bin).await;
    let c = chromium(&d, &chromium_bin, 1).await;
    c.set_window_size(1366, 900).await.unwrap();
    let mut violations = Vec::new();

    // Signed out: the sign-in page and the public verification page.
    c.goto(&format!("{}/console/sign-in", app.address))
        .await
        .unwrap();
    text(&c, "h1").await;
    violations.extend(
        axe(&c, &axe_js)
            .await
            .into_iter()
            .map(|v| format!("sign-in: {v}")),
    );
    c.goto(&format!("{}/console/verify", app.address))
        .await
        .unwrap();
    text(&c, "h1").await;
    violations.extend(
        axe(&c, &axe_js)
            .await
            .into_iter()
            .map(|v| format!("verify: {v}")),
    );

    // The ministry, with the most links in its header: two lines at most at 1366 px.
    browser_sign_in(&c, &app, &app.ministry()).await;
    // The first Tab reaches the skip link, which leads to the page's content.
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys(&fantoccini::key::Key::Tab.to_string())
        .await
        .unwrap();
    let focused = c.active_element().await.unwrap();
    assert_eq!(
        focused.attr("class").await.unwrap().as_deref(),
        Some("skip")
    );
    assert_eq!(
        focused.attr("href").await.unwrap().as_deref(),
        Some("#main")
    );
    assert!(number(&c, "document.activeElement.getBoundingClientRect().left").await >= 0.0);
    for lang in ["kk", "ru", "en"] {
        click(&c, &format!("#lang-{lang}")).await;
        attr_becomes(&c, "html", "lang", lang).await;
        c.goto(&format!("{}/console/quota?year=2026", app.address))
            .await
            .unwrap();
        attr_becomes(&c, "html", "lang", lang).await;
        let line = number(
            &c,
            "document.querySelector('nav a').getBoundingClientRect().height",
        )
        .await;
        let header = number(
            &c,
            "document.querySelector('header').getBoundingClientRect().height",
        )
        .await;
        shot(&c, &app, &format!("30-quota-header-{lang}")).await;
        assert!(
            header <= 2.0 * line + 40.0,
            "{lang}: the header is {header} px high, a line {line} px"
        );
        // The chart has an accessible name and names the region.
        let chart = c.find(Locator::Css("#chart svg")).await.unwrap();
        let name = chart.attr("aria-label").await.unwrap().unwrap_or_default();
        assert!(name.contains("2026"), "{lang}: {name}");
        let region = match lang {
            "kk" => "Атырау облысы",
            "ru" => "Атырауская область",
            _ => "Atyrau Region",
        };
        assert!(chart.text().await.unwrap().contains(region), "{lang}");
        shot(&c, &app, &format!("30-quota-header-{lang}")).await;
        violations.extend(
            axe(&c, &axe_js)
                .await
                .into_iter()
                .map(|v| format!("quota {lang}: {v}")),
        );
        for path in [
            "",
            "transfers?year=2026",
            "demand?year=2026",
            "rules",
            "overdue",
            "ict",
        ] {
            c.goto(&format!("{}/console/{path}", app.address))
                .await
                .unwrap();
            text(&c, "h1").await;
            violations.extend(
                axe(&c, &axe_js)
                    .await
                    .into_iter()
                    .map(|v| format!("/console/{path} {lang}: {v}")),
            );
        }
    }
    click(&c, "#sign-out").await;
    text(&c, "#sign-in").await;
    c.close().await.unwrap();

    // An akimat official: a 280-letter name does not widen the case page.
    let c = chromium(&d, &chromium_bin, 2).await;
    c.set_window_size(1366, 900).await.unwrap();
    browser_sign_in(&c, &app, &app.akimat("KZ-23")).await;
    for lang in ["kk", "ru", "en"] {
        click(&c, &format!("#lang-{lang}")).await;
        attr_becomes(&c, "html", "lang", lang).await;
        c.goto(&format!("{}/console/permits/{id}", app.address))
            .await
            .unwrap();
        attr_becomes(&c, "html", "lang", lang).await;
        let wide = number(&c, "document.documentElement.scrollWidth").await;
        let window = number(&c, "window.innerWidth").await;
        assert!(
            wide <= window,
            "{lang}: the case page is {wide} px wide in {window}"
        );
        let header = number(
            &c,
            "document.querySelector('header').getBoundingClientRect().height",
        )
        .await;
        let line = number(
            &c,
            "document.querySelector('nav a').getBoundingClientRect().height",
        )
        .await;
        assert!(
            header <= 2.0 * line + 40.0,
            "{lang}: akimat header {header} px"
        );
        shot(&c, &app, &format!("31-case-long-name-{lang}")).await;
        violations.extend(
            axe(&c, &axe_js)
                .await
                .into_iter()
                .map(|v| format!("case {lang}: {v}")),
        );
        c.goto(&format!("{}/console/queue", app.address))
            .await
            .unwrap();
        text(&c, "h1").await;
        violations.extend(
            axe(&c, &axe_js)
                .await
                .into_iter()
                .map(|v| format!("queue {lang}: {v}")),
        );
    }
    // Refusing with the keyboard's worth of clicks: a ground, the refusal, its
    // confirmation page (checked by axe too), then confirmed.
    c.goto(&format!("{}/console/permits/{id}", app.address))
        .await
        .unwrap();
    click(&c, "input[name=ground][value=quota-exhausted]").await;
    click(&c, "#refuse").await;
    text(&c, "#confirm-act").await;
    assert_eq!(attr(&c, "html", "lang").await, "en");
    shot(&c, &app, "32-confirm-refusal-en").await;
    violations.extend(
        axe(&c, &axe_js)
            .await
            .into_iter()
            .map(|v| format!("confirmation: {v}")),
    );
    click(&c, "#confirm").await;
    attr_becomes(&c, "#status", "data-status", "refused").await;
    c.close().await.unwrap();
    assert!(violations.is_empty(), "axe-core: {violations:#?}");
}

/// Posts a case form of permit `id` with the version the API shows: status, and the body
/// of the answer (the confirmation page) or, after a redirect, of the case page it leads
/// to, with the session's cookie kept up to date.
async fn post_case(
    app: &TestApp,
    s: &mut Session,
    id: i64,
    action: &str,
    fields: &str,
) -> (u16, String) {
    let version = permit(app, id).await["version"].as_i64().unwrap();
    let form = format!("csrf={}&version={version}&{fields}", s.csrf);
    let mut res = http()
        .post(format!("{}/console/permits/{id}/{action}", app.address))
        .insert_header(("Cookie", s.cookie.clone()))
        .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
        .send_body(form)
        .await
        .unwrap();
    if let Some(c) = res
        .headers()
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("permits-console="))
    {
        s.cookie = c.split(';').next().unwrap().to_owned();
    }
    let status = res.status().as_u16();
    let body = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
    if status != 303 {
        return (status, body);
    }
    let (status, html) = page(app, s, &format!("/console/permits/{id}")).await;
    (status, html)
}

/// The note the case page shows after a form.
fn flash(html: &str) -> String {
    regex::Regex::new(r#"<p id="flash" class="(ok|refused)">([^<]*)</p>"#)
        .unwrap()
        .captures(html)
        .map(|c| format!("{}: {}", &c[1], &c[2]))
        .unwrap_or_else(|| panic!("no note on the page: {html}"))
}

/// An active category-3 permit of BIN_A in KZ-23 (issued 2025-12-15, term from
/// 2026-01-15) and an akimat official of KZ-23 signed in, on 2026-02-01.
async fn active_case(app: &TestApp, passport: &str) -> (i64, Session) {
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 10)]).await;
    profile(app, BIN_A).await;
    let id = active_permit(app, passport).await.as_i64().unwrap();
    app.set_today("2026-02-01T04:00:00Z");
    (id, sign_in(app, &app.akimat("KZ-23")).await)
}

#[actix_web::test]
async fn a_revocation_shows_what_will_happen_and_changes_nothing_until_confirmed() {
    let app = spawn_app().await;
    let (id, mut s) = active_case(&app, "U30000030").await;
    let (_, case) = page(&app, &s, &format!("/console/permits/{id}")).await;
    // No ground is chosen for the official.
    assert!(
        case.contains(
            "<select id=\"ground\" name=\"ground\" required>\n    <option value=\"\" selected>"
        ),
        "{case}"
    );
    let (status, html) = post_case(
        &app,
        &mut s,
        id,
        "revocation",
        "ground=unlawful-engagement&note=worked+outside+KZ-23",
    )
    .await;
    assert_eq!(status, 200, "{html}");
    let effects = regex::Regex::new(r#"(?s)<ul id="confirm-effects">(.*?)</ul>"#)
        .unwrap()
        .captures(&html)
        .unwrap_or_else(|| panic!("no confirmation: {html}"))[1]
        .to_owned();
    // In words, with its day: the act, the quota back to the region by name for the
    // workers it was held for, the bar with its last day; no codes.
    assert!(
        effects.contains("The permit ends today, 2026-02-01"),
        "{effects}"
    );
    assert!(
        effects.contains("Atyrau Region gets back the quota held for one worker")
            && !effects.contains("KZ-23 ")
            && !effects.contains("(category 3"),
        "{effects}"
    );
    assert!(
        effects.contains("for 12 months, until 2027-02-01 inclusive (Art. 33(2))"),
        "{effects}"
    );
    assert!(effects.contains("worked outside KZ-23"), "{effects}");
    assert_eq!(
        permit(&app, id).await["status"],
        "active",
        "nothing changed yet"
    );
    // A ground that does not bar the employer says no bar.
    let (_, html) = post_case(
        &app,
        &mut s,
        id,
        "revocation",
        "ground=kazakh-share-breached",
    )
    .await;
    assert!(
        html.contains("confirm-effects") && !html.contains("months"),
        "{html}"
    );
    // Confirmed: revoked, and the note stays in the case's history.
    let (_, html) = post_case(
        &app,
        &mut s,
        id,
        "revocation",
        "ground=unlawful-engagement&note=worked+outside+KZ-23&confirmed=yes",
    )
    .await;
    assert!(flash(&html).starts_with("ok: "), "{html}");
    assert_eq!(permit(&app, id).await["status"], "revoked");
    assert!(
        html.contains(r#"<td class="note">worked outside KZ-23</td>"#),
        "{html}"
    );
}

#[actix_web::test]
async fn the_category_4_ground_is_neither_offered_nor_accepted_for_a_category_3_permit() {
    let app = spawn_app().await;
    let (id, mut s) = active_case(&app, "U30000031").await;
    let (_, case) = page(&app, &s, &format!("/console/permits/{id}")).await;
    assert!(
        case.contains(r#"<option value="unlawful-engagement">"#),
        "{case}"
    );
    assert!(
        !case.contains(r#"value="replacement-obligation-unmet""#),
        "{case}"
    );
    // Posted anyway: refused with the rule, no confirmation offered, nothing changed.
    let (_, html) = post_case(
        &app,
        &mut s,
        id,
        "revocation",
        "ground=replacement-obligation-unmet",
    )
    .await;
    let note = flash(&html);
    assert!(
        note.starts_with("refused: ") && note.contains("is not a ground for a category-3 permit"),
        "{note}"
    );
    assert_eq!(permit(&app, id).await["status"], "active");
    // The API refuses it too, with the article.
    let r = app
        .post(&format!("/v1/permits/{id}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": "replacement-obligation-unmet"}))
        .await;
    let body = r.problem(422, "ground-not-for-category");
    assert_eq!(body["violations"][0]["code"], "ground-not-for-category");
    assert_eq!(body["violations"][0]["article"], "Art. 33(2)");
    assert_eq!(permit(&app, id).await["status"], "active");
}

#[actix_web::test]
async fn a_refusal_is_confirmed_first_and_a_problem_says_each_sentence_once() {
    let app = spawn_app().await;
    let id = filed(&app, "U30000032").await;
    let mut s = sign_in(&app, &app.akimat("KZ-23")).await;
    let (status, html) = post_case(
        &app,
        &mut s,
        id,
        "decision",
        "decision=refuse&ground=quota-exhausted",
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"id="confirm-act""#), "{html}");
    assert!(
        html.contains("No region holds quota for it yet: none is given back."),
        "an application not yet approved holds no quota: {html}"
    );
    assert!(
        html.contains(r#"<input type="hidden" name="ground" value="quota-exhausted">"#),
        "{html}"
    );
    assert_eq!(permit(&app, id).await["status"], "applied");
    // No ground: the API's refusal, each sentence once.
    let (_, html) = post_case(&app, &mut s, id, "decision", "decision=refuse").await;
    let note = flash(&html);
    let text = note.trim_start_matches("refused: ");
    let parts: Vec<&str> = text.split(" — ").collect();
    let mut unique = parts.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(parts.len(), unique.len(), "a sentence repeated: {note}");
    for (i, a) in parts.iter().enumerate() {
        for b in &parts[i + 1..] {
            assert!(!a.contains(b) && !b.contains(a), "{a} / {b}");
        }
    }
    let (_, html) = post_case(
        &app,
        &mut s,
        id,
        "decision",
        "decision=refuse&ground=quota-exhausted&confirmed=yes",
    )
    .await;
    assert!(flash(&html).starts_with("ok: "), "{html}");
    assert_eq!(permit(&app, id).await["status"], "refused");
}

#[actix_web::test]
async fn a_stale_form_says_who_changed_the_case_what_and_when() {
    let app = spawn_app().await;
    let id = filed(&app, "U30000033").await;
    let mut s = sign_in(&app, &app.akimat("KZ-23")).await;
    let version = permit(&app, id).await["version"].as_i64().unwrap();
    // Another official approves first, through the API.
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    let form = format!("csrf={}&version={version}&decision=approve", s.csrf);
    let (status, location, cookie) =
        post_form(&app, &s, &format!("/console/permits/{id}/decision"), &form).await;
    assert_eq!((status, location), (303, format!("/console/permits/{id}")));
    s.cookie = cookie.unwrap();
    let (_, html) = page(&app, &s, &format!("/console/permits/{id}")).await;
    let note = flash(&html);
    // Who, what and when in words and Kazakhstan time (UTC+5).
    assert!(
        note.contains("The case changed after you opened it: approved by a region by akimat-KZ-23 (Akimat official) at 2025-12-15 09:00"),
        "{note}"
    );
    // The page it shows is the fresh one.
    assert!(html.contains(r#"data-status="awaiting_payment""#), "{html}");
}

#[actix_web::test]
async fn the_case_page_shows_the_number_the_pdf_the_employer_and_reasons_kept_in_history() {
    let app = spawn_app().await;
    let (id, mut s) = active_case(&app, "U30000034").await;
    let number = permit(&app, id).await["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, html) = post_case(
        &app,
        &mut s,
        id,
        "suspension",
        "reason=inspection+of+the+site",
    )
    .await;
    assert!(flash(&html).starts_with("ok: "), "{html}");
    let (_, html) = post_case(&app, &mut s, id, "resumption", "").await;
    assert!(flash(&html).starts_with("ok: "), "{html}");
    let (_, html) = page(&app, &s, &format!("/console/permits/{id}")).await;
    assert!(
        html.contains(&format!(r#"<span id="permit-number">{number}</span>"#)),
        "{html}"
    );
    assert!(
        html.contains(r#"<dd id="employer">Caspian Drilling LLP · "#),
        "{html}"
    );
    // The reason outlives the suspension.
    assert!(
        html.contains(r#"<td class="note">inspection of the site</td>"#),
        "{html}"
    );
    // The fee and its payment.
    assert!(html.contains(r#"<table id="regions">"#));
    let pdf = format!("/console/permits/{id}/document.pdf");
    assert!(
        html.contains(&format!(r#"<a id="pdf" href="{pdf}">"#)),
        "{html}"
    );
    let mut res = http()
        .get(format!("{}{pdf}", app.address))
        .insert_header(("Cookie", s.cookie.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers().get("content-type").unwrap().to_str().unwrap(),
        "application/pdf"
    );
    assert!(res
        .body()
        .limit(10_000_000)
        .await
        .unwrap()
        .starts_with(b"%PDF"));
    // Signed out, the PDF is not served.
    let (status, _, _) =
        post_form(&app, &s, "/console/sign-out", &format!("csrf={}", s.csrf)).await;
    assert_eq!(status, 303);
    assert_eq!(
        get(&app, &s, &pdf).await,
        (303, "/console/sign-in".to_owned())
    );
}

/// Case page `id` in `lang` (the language cookie beside the session's).
async fn case_in(app: &TestApp, s: &Session, id: i64, lang: &str) -> String {
    let mut res = http()
        .get(format!("{}/console/permits/{id}", app.address))
        .insert_header((
            "Cookie",
            format!("{}; {}={lang}", s.cookie, permits::console::LANG_COOKIE),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    String::from_utf8(res.body().limit(10_000_000).await.unwrap().to_vec()).unwrap()
}

/// The table with id `id` on the page, its tags stripped and spaces collapsed.
fn table_text(html: &str, id: &str) -> String {
    let table = regex::Regex::new(&format!(r#"(?s)<table id="{id}">(.*?)</table>"#))
        .unwrap()
        .captures(html)
        .unwrap_or_else(|| panic!("no table {id}: {html}"))[1]
        .to_owned();
    let text = regex::Regex::new(r"<[^>]*>")
        .unwrap()
        .replace_all(&table, " ");
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

#[actix_web::test]
async fn art_33_2_a_refusals_note_is_kept_and_shown_in_the_history_from_the_console_and_the_api() {
    let app = spawn_app().await;
    let id = filed(&app, "U30000040").await;
    let mut s = sign_in(&app, &app.akimat("KZ-23")).await;
    let (_, case) = page(&app, &s, &format!("/console/permits/{id}")).await;
    assert!(
        case.contains(r#"<input id="refusal-note" name="note" maxlength="2000">"#),
        "{case}"
    );
    // The confirmation page says the note will be kept; nothing changes yet.
    let asked = "decision=refuse&ground=qualification-unmet&note=No+diploma+for+the+post";
    let (status, html) = post_case(&app, &mut s, id, "decision", asked).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("Your note, kept in the case&#39;s history: No diploma for the post")
            || html.contains("Your note, kept in the case's history: No diploma for the post"),
        "{html}"
    );
    assert!(
        html.contains("The application is refused today, 2025-12-15"),
        "{html}"
    );
    assert_eq!(permit(&app, id).await["status"], "applied");
    let (_, html) = post_case(
        &app,
        &mut s,
        id,
        "decision",
        &format!("{asked}&confirmed=yes"),
    )
    .await;
    assert!(flash(&html).starts_with("ok: "), "{html}");
    let p = permit(&app, id).await;
    assert_eq!(
        (p["status"].as_str(), p["end_note"].as_str()),
        (Some("refused"), Some("No diploma for the post"))
    );
    assert!(
        html.contains(r#"data-action="permit.refused""#)
            && html.contains("No diploma for the post</td>"),
        "{html}"
    );
    // Refused through the API with a note: the same, in the console's history.
    let another = |passport: &'static str| {
        app.post("/v1/permit-applications")
            .token(&app.employer(BIN_A))
            .json_owned(application(
                &["KZ-23"],
                vec![worker("YILMAZ AHMET", "TUR", passport)],
            ))
    };
    let other = another("U30000041").await.ok(201)["id"].as_i64().unwrap();
    let r = app
        .post(&format!("/v1/permits/{other}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "refuse", "grounds": ["quota-exhausted"], "note": "Quota spent on earlier cases"}))
        .await;
    assert_eq!(r.ok(200)["end_note"], "Quota spent on earlier cases");
    let (_, html) = page(&app, &s, &format!("/console/permits/{other}")).await;
    assert!(
        html.contains(r#"<td class="note">Quota spent on earlier cases</td>"#),
        "{html}"
    );
    // A note too long is refused like the revocation's.
    let third = another("U30000042").await.ok(201)["id"].as_i64().unwrap();
    let r = app
        .post(&format!("/v1/permits/{third}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "refuse", "grounds": ["quota-exhausted"], "note": "x".repeat(2001)}))
        .await;
    assert_eq!(r.status, 422, "{:?}", r.body);
    assert_eq!(permit(&app, third).await["status"], "applied");
}

#[actix_web::test]
async fn the_case_page_lists_each_fee_and_each_payment_with_its_amount_and_date_in_the_readers_format(
) {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10), ("KZ-47", "3", 10)]).await;
    profile(&app, BIN_A).await;
    // An application to two regions: no fee before a region approves.
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23", "KZ-47"],
            vec![worker("YILMAZ AHMET", "TUR", "U30000043")],
        ))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    let html = case_in(&app, &s, id, "ru").await;
    assert!(html.contains(r#"<p id="fees-none">"#), "{html}");
    assert!(html.contains(r#"<p id="payments-none">"#), "{html}");
    for region in ["KZ-23", "KZ-47"] {
        app.post(&format!("/v1/permits/{id}/decisions"))
            .token(&app.akimat(region))
            .json(&json!({"decision": "approve"}))
            .await
            .ok(200);
    }
    // Each region's fee on its own line, each payment on its own.
    let p = permit(&app, id).await;
    let due: Vec<String> = (0..2)
        .map(|i| {
            p["regions"][i]["fee"]["due_today"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    app.post(&format!("/v1/permits/{id}/payments"))
        .token(&app.employer(BIN_A))
        .json(&json!({"region": p["regions"][0]["region"], "amount": due[0], "paid_on": "2025-12-15", "reference": "PP-17"}))
        .await
        .ok(201);
    let html = case_in(&app, &s, id, "ru").await;
    let fees = table_text(&html, "fees");
    assert_eq!(fees.matches("МРП ×").count(), 2, "{fees}");
    assert!(
        fees.contains("Атырауская область") && fees.contains("Мангистауская область"),
        "{fees}"
    );
    assert!(fees.contains(",00\u{a0}₸"), "{fees}");
    let payments = table_text(&html, "payments");
    assert!(
        payments.contains("15.12.2025")
            && payments.contains("PP-17")
            && payments.contains(",00\u{a0}₸"),
        "{payments}"
    );
    assert!(!payments.contains("2025-12-15"), "{payments}");
    // The second region's payment: two lines, one per payment.
    app.post(&format!("/v1/permits/{id}/payments"))
        .token(&app.employer(BIN_A))
        .json(&json!({"region": p["regions"][1]["region"], "amount": due[1], "paid_on": "2025-12-15", "reference": "PP-18"}))
        .await
        .ok(201);
    let html = case_in(&app, &s, id, "kk").await;
    let payments = table_text(&html, "payments");
    assert!(
        payments.contains("PP-17") && payments.contains("PP-18"),
        "{payments}"
    );
    assert_eq!(
        regex::Regex::new(r#"(?s)<table id="payments">.*?</table>"#)
            .unwrap()
            .find(&html)
            .unwrap()
            .as_str()
            .matches("<tr data-region=")
            .count(),
        2
    );
    assert!(html.contains("Төлемдер"), "{html}");
}

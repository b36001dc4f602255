//! The console's pages for the other cases (issue 21, item 6): self-employment
//! certificates (Art. 34), ICT permits (Art. 35) and a region's quota and demand review —
//! over plain HTTP on both databases (access by role and region, each decision through
//! its form with CSRF, the version read, and a confirmation before a refusal), then in
//! headless Chromium with axe-core, with screenshots of every new page in Kazakh, Russian
//! and English (`target/screenshots/<database>-cases-<lang>-<page>.png`).

use crate::console::{page, page_and_cookie, post_form, sign_in, Session};
use crate::helpers::*;
use crate::ict::BIN_BRANCH;
use serde_json::{json, Value};

/// What the pages show: two certificate applications and two ICT applications in Almaty
/// (KZ-75), and a quota demand of BIN_A for 2027 there.
pub(crate) struct Cases {
    pub certificates: [i64; 2],
    pub ict: [i64; 2],
    pub demand: i64,
}

/// Files the cases of [`Cases`] through the API (today 2026-12-01; the demand in its
/// window, 2026-08-15).
pub(crate) async fn cases(app: &TestApp) -> Cases {
    app.set_today("2026-08-15T04:00:00Z");
    let demand = app
        .post("/v1/quota-demands")
        .token(&app.employer(BIN_A))
        .json(&json!({"year": 2027, "region": "KZ-75", "category": "3",
            "profession": "Инженер-буровик", "number": 12,
            "justification": "Нет местных кандидатов после 15 дней на бирже труда"}))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    app.set_today("2026-12-01T04:00:00Z");
    crate::permits::quota(app, &[("KZ-75", "3", 10)]).await;
    let mut certificates = [0; 2];
    for (n, passport) in ["Z1234567", "Z7654321"].into_iter().enumerate() {
        let mut a = crate::certificates::application("KZ-75");
        a["passport_number"] = json!(passport);
        certificates[n] = app
            .post("/v1/self-employment-certificates")
            .token(&app.akimat("KZ-75"))
            .json(&a)
            .await
            .ok(201)["id"]
            .as_i64()
            .unwrap();
    }
    let mut ict = [0; 2];
    for n in &mut ict {
        *n = app
            .post("/v1/ict-permits")
            .token(&app.employer(BIN_BRANCH))
            .json(&crate::ict::application())
            .await
            .ok(201)["id"]
            .as_i64()
            .unwrap();
    }
    Cases {
        certificates,
        ict,
        demand,
    }
}

/// The case as the API shows it to the ministry.
async fn api(app: &TestApp, path: &str) -> Value {
    app.get(path)
        .token(&app.ministry())
        .send()
        .await
        .ok(200)
        .clone()
}

/// Posts a form of the page `back` with the version the API shows, follows the redirect
/// and returns the note the page then shows.
async fn act(
    app: &TestApp,
    s: &mut Session,
    api_path: &str,
    post: &str,
    back: &str,
    fields: &str,
) -> String {
    let version = api(app, api_path).await["version"].as_i64().unwrap();
    let form = format!("csrf={}&version={version}&{fields}", s.csrf);
    let (status, location, cookie) = post_form(app, s, post, &form).await;
    assert_eq!((status, location.as_str()), (303, back), "{post} {fields}");
    s.cookie = cookie.expect("the note is kept in the session");
    let (status, html, cookie) = page_and_cookie(app, s, back).await;
    if let Some(c) = cookie {
        s.cookie = c;
    }
    assert_eq!(status, 200, "{html}");
    regex::Regex::new(r#"<p id="flash" class="(ok|refused)">([^<]*)</p>"#)
        .unwrap()
        .captures(&html)
        .map(|c| format!("{}: {}", &c[1], &c[2]))
        .unwrap_or_else(|| panic!("no note on {back}: {html}"))
}

#[actix_web::test]
async fn every_role_opens_exactly_the_new_pages_its_api_allows_and_another_region_is_a_404() {
    let app = spawn_app().await;
    let w = cases(&app).await;
    let [cert, _] = w.certificates;
    let [ict, _] = w.ict;
    let pages = [
        "/console/certificates".to_owned(),
        format!("/console/certificates/{cert}"),
        "/console/ict-permits".to_owned(),
        format!("/console/ict-permits/{ict}"),
        "/console/region?year=2027".to_owned(),
    ];
    let table: [(&str, String, [u16; 5]); 5] = [
        ("ministry", app.ministry(), [200; 5]),
        ("auditor", app.auditor(), [200; 5]),
        ("akimat KZ-75", app.akimat("KZ-75"), [200; 5]),
        // Another region's certificate and ICT permit do not exist for it.
        (
            "akimat KZ-23",
            app.akimat("KZ-23"),
            [200, 404, 200, 404, 200],
        ),
        ("employer", app.employer(BIN_A), [403; 5]),
    ];
    for (who, token, expected) in table {
        let s = sign_in(&app, &token).await;
        for (path, want) in pages.iter().zip(expected) {
            let (status, html) = page(&app, &s, path).await;
            assert_eq!(status, want, "{who} {path}: {html}");
        }
        let (_, home) = page(&app, &s, "/console/").await;
        for href in [
            "/console/certificates",
            "/console/ict-permits",
            "/console/region",
        ] {
            assert_eq!(
                home.contains(&format!("<a href=\"{href}\"")),
                who != "employer",
                "{who}'s navigation and {href}"
            );
        }
    }
    // An akimat's lists are its own region's: another region asked for is refused, and
    // its list shows none of Almaty's cases.
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    for path in [
        "/console/certificates?region=KZ-75",
        "/console/ict-permits?region=KZ-75",
        "/console/region?region=KZ-75",
    ] {
        assert_eq!(page(&app, &s, path).await.0, 403, "{path}");
    }
    let (_, html) = page(&app, &s, "/console/certificates").await;
    assert!(!html.contains(&format!("certificate-{cert}\"")), "{html}");
    let (_, html) = page(&app, &s, "/console/ict-permits").await;
    assert!(!html.contains(&format!("ict-{ict}\"")), "{html}");
    // A query that is none of the page's choices: 400 in the reader's words.
    let m = sign_in(&app, &app.ministry()).await;
    for path in [
        "/console/certificates?region=XX",
        "/console/ict-permits?after=abc",
        "/console/region?year=abc",
    ] {
        assert_eq!(page(&app, &m, path).await.0, 400, "{path}");
    }
    // Nobody signed in: to the sign-in page; a form without the CSRF token: refused.
    let nobody = Session {
        cookie: String::new(),
        csrf: String::new(),
    };
    for path in &pages {
        assert_eq!(page(&app, &nobody, path).await.0, 303, "{path}");
    }
    let a = sign_in(&app, &app.akimat("KZ-75")).await;
    for post in [
        format!("/console/certificates/{cert}/decision"),
        format!("/console/certificates/{cert}/extension"),
        format!("/console/ict-permits/{ict}/decision"),
        format!("/console/ict-permits/{ict}/extension"),
        format!("/console/region/demands/{}/review", w.demand),
    ] {
        let (status, _, _) = post_form(&app, &a, &post, "decision=issue&months=3").await;
        assert_eq!(status, 403, "{post}");
    }
    let c = api(&app, &format!("/v1/self-employment-certificates/{cert}")).await;
    assert_eq!(c["status"], "applied");
}

#[actix_web::test]
async fn an_akimat_issues_refuses_and_extends_certificates_through_the_forms() {
    let app = spawn_app().await;
    let w = cases(&app).await;
    let [a, b] = w.certificates;
    let path = |id: i64| format!("/v1/self-employment-certificates/{id}");
    let page_of = |id: i64| format!("/console/certificates/{id}");
    // Another region's akimat changes nothing: the certificate does not exist for it.
    let mut other = sign_in(&app, &app.akimat("KZ-23")).await;
    let form = format!("csrf={}&decision=issue&months=3", other.csrf);
    let (status, _, cookie) = post_form(
        &app,
        &other,
        &format!("/console/certificates/{a}/decision"),
        &form,
    )
    .await;
    assert_eq!(status, 303);
    other.cookie = cookie.unwrap_or(other.cookie);
    assert_eq!(api(&app, &path(a)).await["status"], "applied");

    let mut s = sign_in(&app, &app.akimat("KZ-75")).await;
    let (_, list) = page(&app, &s, "/console/certificates").await;
    assert!(list.contains(&format!("id=\"certificate-{a}\"")), "{list}");
    assert!(list.contains("Cases found: 2"), "{list}");
    // Issue for three months.
    let note = act(
        &app,
        &mut s,
        &path(a),
        &format!("{}/decision", page_of(a)),
        &page_of(a),
        "decision=issue&months=3",
    )
    .await;
    assert!(note.starts_with("ok: "), "{note}");
    let c = api(&app, &path(a)).await;
    assert_eq!(
        (c["status"].as_str(), c["valid_until"].as_str()),
        (Some("issued"), Some("2027-02-28"))
    );
    // A form read before the change does not decide blind.
    let form = format!("csrf={}&version=99&decision=issue&months=3", s.csrf);
    let (_, _, cookie) = post_form(&app, &s, &format!("{}/decision", page_of(b)), &form).await;
    s.cookie = cookie.expect("the note is kept");
    let (_, html, cookie) = page_and_cookie(&app, &s, &page_of(b)).await;
    s.cookie = cookie.unwrap_or(s.cookie);
    assert!(html.contains(r#"<p id="flash" class="refused">"#), "{html}");
    assert_eq!(api(&app, &path(b)).await["status"], "applied");
    // A refusal shows what it does and changes nothing until confirmed.
    let version = api(&app, &path(b)).await["version"].as_i64().unwrap();
    let form = format!(
        "csrf={}&version={version}&decision=refuse&ground=certificate-qualification-unmet&reason=диплом+не+подтверждён",
        s.csrf
    );
    let post = format!("{}/decision", page_of(b));
    let (status, _, _) = post_form(&app, &s, &post, &form).await;
    assert_eq!(status, 200, "the confirmation page");
    let mut res = crate::console::http()
        .post(format!("{}{post}", app.address))
        .insert_header(("Cookie", s.cookie.clone()))
        .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
        .send_body(form.clone())
        .await
        .unwrap();
    let confirm = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
    assert!(confirm.contains("id=\"confirm-act\""), "{confirm}");
    // What will happen: the ground named with its article, and the note kept.
    assert!(
        confirm
            .contains("Education or experience below the qualification requirements (Art. 34(4))"),
        "{confirm}"
    );
    assert!(confirm.contains("диплом не подтверждён"), "{confirm}");
    assert!(
        confirm.contains(r#"<input type="hidden" name="confirmed" value="yes">"#),
        "{confirm}"
    );
    assert_eq!(api(&app, &path(b)).await["status"], "applied");
    let note = act(
        &app,
        &mut s,
        &path(b),
        &post,
        &page_of(b),
        "decision=refuse&ground=certificate-qualification-unmet&reason=диплом+не+подтверждён&confirmed=yes",
    )
    .await;
    assert!(note.starts_with("ok: "), "{note}");
    let c = api(&app, &path(b)).await;
    assert_eq!(c["status"], "refused");
    assert_eq!(c["refusal_reason"], "диплом не подтверждён");
    assert_eq!(
        c["refusal_grounds"],
        json!(["certificate-qualification-unmet"])
    );
    let (_, html) = page(&app, &s, &page_of(b)).await;
    assert!(html.contains("диплом не подтверждён"), "{html}");
    assert!(
        html.contains(r#"<span data-ground="certificate-qualification-unmet">"#),
        "{html}"
    );
    // The employer reports the hire; the akimat extends for the contract; the report is
    // listed on the case page.
    app.post(&format!("{}/employment-reports", path(a)))
        .token(&app.employer(BIN_A))
        .json(&json!({"kind": "hire", "date": "2026-12-10", "passport_number": "Z1234567"}))
        .await
        .ok(201);
    let note = act(
        &app,
        &mut s,
        &path(a),
        &format!("{}/extension", page_of(a)),
        &page_of(a),
        &format!("employer={BIN_A}&contract_start=2026-12-10&contract_end=2027-12-09"),
    )
    .await;
    assert!(note.starts_with("ok: "), "{note}");
    let c = api(&app, &path(a)).await;
    assert_eq!(c["status"], "extended");
    assert_eq!(c["valid_until"], "2027-12-09");
    let (_, html) = page(&app, &s, &page_of(a)).await;
    assert!(html.contains("data-kind=\"hire\""), "{html}");
    assert!(
        html.contains("10.12.2026") || html.contains("2026-12-10"),
        "{html}"
    );
    // The ministry reads it and is offered no form.
    let m = sign_in(&app, &app.ministry()).await;
    let (_, html) = page(&app, &m, &page_of(b)).await;
    assert!(!html.contains("id=\"decide\""), "{html}");
}

#[actix_web::test]
async fn an_akimat_issues_refuses_and_extends_ict_permits_and_sees_arrivals_through_the_forms() {
    let app = spawn_app().await;
    let w = cases(&app).await;
    let [a, b] = w.ict;
    let path = |id: i64| format!("/v1/ict-permits/{id}");
    let page_of = |id: i64| format!("/console/ict-permits/{id}");
    let mut s = sign_in(&app, &app.akimat("KZ-75")).await;
    // A refusal goes through its confirmation first.
    let version = api(&app, &path(b)).await["version"].as_i64().unwrap();
    let post = format!("{}/decision", page_of(b));
    let form = format!(
        "csrf={}&version={version}&decision=refuse&ground=ict-conditions-unmet&reason=план+обучения+не+представлен",
        s.csrf
    );
    let (status, _, _) = post_form(&app, &s, &post, &form).await;
    assert_eq!(status, 200, "the confirmation page");
    assert_eq!(api(&app, &path(b)).await["status"], "applied");
    let note = act(
        &app,
        &mut s,
        &path(b),
        &post,
        &page_of(b),
        "decision=refuse&ground=ict-conditions-unmet&reason=план+обучения+не+представлен&confirmed=yes",
    )
    .await;
    assert!(note.starts_with("ok: "), "{note}");
    assert_eq!(api(&app, &path(b)).await["status"], "refused");
    // Issued for the contract's term.
    let note = act(
        &app,
        &mut s,
        &path(a),
        &format!("{}/decision", page_of(a)),
        &page_of(a),
        "decision=issue",
    )
    .await;
    assert!(note.starts_with("ok: "), "{note}");
    let p = api(&app, &path(a)).await;
    assert_eq!(p["status"], "issued");
    // The employer notifies the arrival and applies for an extension; the akimat sees
    // both and extends by fewer months than applied for.
    let workers: Vec<Value> = p["workers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            json!({"worker_id": w["id"], "full_name": w["full_name"], "education": "higher",
                "qualification": "engineer", "speciality": "petroleum engineering",
                "experience_years": 8})
        })
        .collect();
    app.set_today("2027-01-05T04:00:00Z");
    app.post(&format!("{}/arrivals", path(a)))
        .token(&app.employer(BIN_BRANCH))
        .json(
            &json!({"entry_date": "2027-01-02", "sending_country": "DEU",
            "sending_organisation": "Muster GmbH", "workers": workers,
            "term_from": "2027-01-02", "term_to": "2029-12-31"}),
        )
        .await
        .ok(201);
    app.post(&format!("{}/extensions", path(a)))
        .token(&app.employer(BIN_BRANCH))
        .json(&json!({"months": 12}))
        .await
        .ok(200);
    // Back to the official's day (the session and its token are of 2026-12-01).
    app.set_today("2026-12-01T04:00:00Z");
    let (_, html) = page(&app, &s, &page_of(a)).await;
    assert!(html.contains("id=\"arrivals\""), "{html}");
    assert!(
        html.contains("02.01.2027") || html.contains("2027-01-02"),
        "{html}"
    );
    assert!(html.contains("id=\"extension-asked\""), "{html}");
    let note = act(
        &app,
        &mut s,
        &path(a),
        &format!("{}/extension", page_of(a)),
        &page_of(a),
        "decision=extend&months=6",
    )
    .await;
    assert!(note.starts_with("ok: "), "{note}");
    let p = api(&app, &path(a)).await;
    assert_eq!(p["extensions"], 1);
    assert_eq!(p["valid_until"], "2030-06-30");
    // Another region's akimat: the permit does not exist for it.
    let other = sign_in(&app, &app.akimat("KZ-23")).await;
    assert_eq!(page(&app, &other, &page_of(a)).await.0, 404);
}

#[actix_web::test]
async fn an_akimat_reviews_its_regions_demand_and_the_ministry_sees_any_region_read_only() {
    let app = spawn_app().await;
    let w = cases(&app).await;
    let mut s = sign_in(&app, &app.akimat("KZ-75")).await;
    let (_, html) = page(&app, &s, "/console/region?year=2026").await;
    assert!(html.contains("id=\"region-quota\""), "{html}");
    let (_, html) = page(&app, &s, "/console/region?year=2027").await;
    assert!(
        html.contains(&format!("id=\"review-{}\"", w.demand)),
        "{html}"
    );
    let back = "/console/region?year=2027";
    let api_path = format!("/v1/quota-demands/{}", w.demand);
    let version = app
        .get(&api_path)
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .ok(200)["version"]
        .as_i64()
        .unwrap();
    let form = format!(
        "csrf={}&version={version}&year=2027&decision=reduce&accepted_number=5&reason=пять+мест+обучено",
        s.csrf
    );
    let (status, location, cookie) = post_form(
        &app,
        &s,
        &format!("/console/region/demands/{}/review", w.demand),
        &form,
    )
    .await;
    assert_eq!((status, location.as_str()), (303, back));
    s.cookie = cookie.unwrap_or(s.cookie);
    let d = app
        .get(&api_path)
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .ok(200)
        .clone();
    assert_eq!(
        (d["status"].as_str(), d["accepted_number"].as_i64()),
        (Some("reduced"), Some(5))
    );
    let (_, html) = page(&app, &s, back).await;
    assert!(html.contains("data-status=\"reduced\""), "{html}");
    // The ministry chooses the region and sees it as the akimat does, without forms.
    let m = sign_in(&app, &app.ministry()).await;
    let (_, html) = page(&app, &m, "/console/region?year=2027").await;
    assert!(html.contains("id=\"choose-first\""), "{html}");
    let (_, html) = page(&app, &m, "/console/region?year=2026&region=KZ-75").await;
    assert!(html.contains("id=\"region-quota\""), "{html}");
    assert!(html.contains("id=\"read-only\""), "{html}");
    let (_, html) = page(&app, &m, "/console/region?year=2027&region=KZ-75").await;
    assert!(html.contains("data-status=\"reduced\""), "{html}");
    assert!(!html.contains("/review\""), "{html}");
}

/// Runs axe-core on the page `c` shows: the rules it breaks, one line each.
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

/// Puts the cases of [`cases`] where every page has something to show: certificate 1
/// issued with a hire reported, ICT permit 1 issued with an arrival notified and an
/// extension applied for; certificate 2 and ICT permit 2 await the browser's decision.
async fn furnished(app: &TestApp) -> Cases {
    let w = cases(app).await;
    let akimat = app.akimat("KZ-75");
    let cert = format!("/v1/self-employment-certificates/{}", w.certificates[0]);
    app.post(&format!("{cert}/decisions"))
        .token(&akimat)
        .json(&json!({"decision": "issue", "months": 3}))
        .await
        .ok(200);
    app.post(&format!("{cert}/employment-reports"))
        .token(&app.employer(BIN_A))
        .json(&json!({"kind": "hire", "date": "2026-12-10", "passport_number": "Z1234567"}))
        .await
        .ok(201);
    let ict = format!("/v1/ict-permits/{}", w.ict[0]);
    let p = app
        .post(&format!("{ict}/decisions"))
        .token(&akimat)
        .json(&json!({"decision": "issue"}))
        .await
        .ok(200)
        .clone();
    let workers: Vec<Value> = p["workers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            json!({"worker_id": w["id"], "full_name": w["full_name"], "education": "higher",
                "qualification": "engineer", "speciality": "petroleum engineering",
                "experience_years": 8})
        })
        .collect();
    app.set_today("2027-01-05T04:00:00Z");
    app.post(&format!("{ict}/arrivals"))
        .token(&app.employer(BIN_BRANCH))
        .json(
            &json!({"entry_date": "2027-01-02", "sending_country": "DEU",
            "sending_organisation": "Muster GmbH", "workers": workers,
            "term_from": "2027-01-02", "term_to": "2029-12-31"}),
        )
        .await
        .ok(201);
    app.post(&format!("{ict}/extensions"))
        .token(&app.employer(BIN_BRANCH))
        .json(&json!({"months": 12}))
        .await
        .ok(200);
    app.set_today("2026-12-01T04:00:00Z");
    w
}

/// Switches the browser's console language to `lang` (from any console page).
pub(crate) async fn language(c: &fantoccini::Client, app: &TestApp, lang: &str) {
    c.goto(&format!("{}/console/", app.address)).await.unwrap();
    if c.find(fantoccini::Locator::Css(&format!(
        "#lang-{lang}:not([disabled])"
    )))
    .await
    .is_ok()
    {
        crate::console::click(c, &format!("#lang-{lang}")).await;
    }
    crate::console::attr_becomes(c, "html", "lang", lang).await;
}

#[actix_web::test]
async fn the_new_pages_in_chromium_in_three_languages_pass_axe_and_decide_through_their_forms() {
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
    let w = furnished(&app).await;
    let [cert_a, cert_b] = w.certificates;
    let [ict_a, ict_b] = w.ict;
    let d = driver(&driver_bin).await;
    let mut violations = Vec::new();

    // The akimat of Almaty: every new page, and the confirmation of each refusal, in
    // Kazakh, Russian and English.
    let c = chromium(&d, &chromium_bin, 1).await;
    c.set_window_size(1280, 2000).await.unwrap();
    browser_sign_in(&c, &app, &app.akimat("KZ-75")).await;
    let pages = [
        ("certificates", "/console/certificates".to_owned()),
        (
            "certificate-issued",
            format!("/console/certificates/{cert_a}"),
        ),
        (
            "certificate-applied",
            format!("/console/certificates/{cert_b}"),
        ),
        ("ict-permits", "/console/ict-permits".to_owned()),
        ("ict-permit-issued", format!("/console/ict-permits/{ict_a}")),
        (
            "ict-permit-applied",
            format!("/console/ict-permits/{ict_b}"),
        ),
        ("region-quota", "/console/region?year=2026".to_owned()),
        ("region-demand", "/console/region?year=2027".to_owned()),
    ];
    for lang in ["kk", "ru", "en"] {
        language(&c, &app, lang).await;
        for (name, path) in &pages {
            c.goto(&format!("{}{path}", app.address)).await.unwrap();
            text(&c, "h1").await;
            violations.extend(
                axe(&c, &axe_js)
                    .await
                    .into_iter()
                    .map(|v| format!("akimat {lang} {name}: {v}")),
            );
            shot(&c, &app, &format!("cases-{lang}-{name}")).await;
        }
        // The refusals' confirmation pages, not confirmed: only the grounds that refuse
        // this kind of case are offered, none ticked.
        for (name, path, ground, other) in [
            (
                "certificate-confirm",
                format!("/console/certificates/{cert_b}"),
                "certificate-qualification-unmet",
                "ict-conditions-unmet",
            ),
            (
                "ict-confirm",
                format!("/console/ict-permits/{ict_b}"),
                "ict-conditions-unmet",
                "profession-not-in-demand",
            ),
        ] {
            c.goto(&format!("{}{path}", app.address)).await.unwrap();
            text(&c, "h1").await;
            let html = c.source().await.unwrap();
            assert!(!html.contains(" checked"), "{html}");
            assert!(!html.contains(&format!("value=\"{other}\"")), "{html}");
            assert!(
                !html.contains("value=\"ict-contract-not-extended\""),
                "{html}"
            );
            click(&c, &format!("#ground-{ground}")).await;
            c.wait()
                .for_element(Locator::Css("#reason"))
                .await
                .unwrap()
                .send_keys("Документы не подтверждены")
                .await
                .unwrap();
            click(&c, "#refuse").await;
            text(&c, "#confirm-act").await;
            violations.extend(
                axe(&c, &axe_js)
                    .await
                    .into_iter()
                    .map(|v| format!("akimat {lang} {name}: {v}")),
            );
            shot(&c, &app, &format!("cases-{lang}-{name}")).await;
            click(&c, "#cancel").await;
            assert_eq!(attr(&c, "#status", "data-status").await, "applied");
        }
    }
    // In English: refuse certificate 2 with its reason, confirmed; issue nothing blind.
    c.goto(&format!("{}/console/certificates/{cert_b}", app.address))
        .await
        .unwrap();
    click(&c, "#ground-certificate-qualification-unmet").await;
    c.find(Locator::Css("#reason"))
        .await
        .unwrap()
        .send_keys("The diploma is not confirmed")
        .await
        .unwrap();
    click(&c, "#refuse").await;
    click(&c, "#confirm").await;
    attr_becomes(&c, "#status", "data-status", "refused").await;
    assert!(attr(&c, "#flash", "class").await.contains("ok"));
    assert_eq!(
        text(&c, "#refusal-reason").await,
        "The diploma is not confirmed"
    );
    assert!(text(&c, "#refusal-grounds")
        .await
        .contains("Education or experience below the qualification requirements"),);
    shot(&c, &app, "cases-en-certificate-refused").await;
    // Refuse ICT permit 2, confirmed; extend ICT permit 1 by the months applied for.
    c.goto(&format!("{}/console/ict-permits/{ict_b}", app.address))
        .await
        .unwrap();
    click(&c, "#ground-ict-unreliable-documents").await;
    c.find(Locator::Css("#reason"))
        .await
        .unwrap()
        .send_keys("No training plan")
        .await
        .unwrap();
    click(&c, "#refuse").await;
    click(&c, "#confirm").await;
    attr_becomes(&c, "#status", "data-status", "refused").await;
    c.goto(&format!("{}/console/ict-permits/{ict_a}", app.address))
        .await
        .unwrap();
    click(&c, "#extend-submit").await;
    attr_becomes(&c, "#extensions", "data-extensions", "1").await;
    shot(&c, &app, "cases-en-ict-permit-extended").await;
    // Review the demand: support in full.
    c.goto(&format!("{}/console/region?year=2027", app.address))
        .await
        .unwrap();
    c.find(Locator::Css(&format!("#decision-{}", w.demand)))
        .await
        .unwrap()
        .select_by_value("accept")
        .await
        .unwrap();
    click(&c, &format!("#review-{}", w.demand)).await;
    attr_becomes(
        &c,
        &format!("#demand-{}-status", w.demand),
        "data-status",
        "accepted",
    )
    .await;
    shot(&c, &app, "cases-en-region-reviewed").await;
    c.close().await.unwrap();

    // The ministry: any region's view through the chooser, read-only, in three languages.
    let c = chromium(&d, &chromium_bin, 2).await;
    c.set_window_size(1280, 2000).await.unwrap();
    browser_sign_in(&c, &app, &app.ministry()).await;
    let pages = [
        ("ministry-certificates", "/console/certificates".to_owned()),
        ("ministry-ict-permits", "/console/ict-permits".to_owned()),
        (
            "ministry-region-choose",
            "/console/region?year=2027".to_owned(),
        ),
        (
            "ministry-region",
            "/console/region?year=2026&region=KZ-75".to_owned(),
        ),
        (
            "ministry-certificate",
            format!("/console/certificates/{cert_a}"),
        ),
    ];
    for lang in ["kk", "ru", "en"] {
        language(&c, &app, lang).await;
        for (name, path) in &pages {
            c.goto(&format!("{}{path}", app.address)).await.unwrap();
            text(&c, "h1").await;
            violations.extend(
                axe(&c, &axe_js)
                    .await
                    .into_iter()
                    .map(|v| format!("ministry {lang} {name}: {v}")),
            );
            shot(&c, &app, &format!("cases-{lang}-{name}")).await;
        }
    }
    // The chooser: Almaty's demand, reviewed by its akimat, and no form to review it.
    c.goto(&format!("{}/console/region?year=2027", app.address))
        .await
        .unwrap();
    c.find(Locator::Css("#region"))
        .await
        .unwrap()
        .select_by_value("KZ-75")
        .await
        .unwrap();
    click(&c, "#choose").await;
    attr_becomes(&c, "#region-name", "data-region", "KZ-75").await;
    assert_eq!(
        attr(&c, &format!("#demand-{}-status", w.demand), "data-status").await,
        "accepted"
    );
    assert!(c.find(Locator::Css("#read-only")).await.is_ok());
    assert!(c
        .find(Locator::Css(&format!("#review-{}", w.demand)))
        .await
        .is_err());
    c.close().await.unwrap();
    assert!(violations.is_empty(), "axe-core: {violations:#?}");
}

/// Issue 21: the certificate list filters by status and sorts by deadline (the last day
/// soonest first, those with none after), as the permit queue does; a citizenship reads
/// as the country's name in the reader's language; and the queue's date field reads and
/// takes `07.12.2026` whatever the browser's locale, a date typed otherwise answering one
/// sentence in the reader's language.
#[actix_web::test]
async fn certificates_filter_by_status_sort_by_deadline_and_dates_are_typed_as_07_12_2026() {
    let app = spawn_app().await;
    let w = cases(&app).await;
    let [a, b] = w.certificates;
    let mut s = sign_in(&app, &app.akimat("KZ-75")).await;
    let page_of = format!("/console/certificates/{b}");
    let api_path = format!("/v1/self-employment-certificates/{b}");
    let post = format!("{page_of}/decision");
    let note = act(
        &app,
        &mut s,
        &api_path,
        &post,
        &page_of,
        "decision=issue&months=3",
    )
    .await;
    assert!(note.starts_with("ok: "), "{note}");

    let (status, issued) = page(&app, &s, "/console/certificates?status=issued").await;
    assert_eq!(status, 200, "{issued}");
    assert!(
        issued.contains(&format!("id=\"certificate-{b}\"")),
        "{issued}"
    );
    assert!(
        !issued.contains(&format!("id=\"certificate-{a}\"")),
        "{issued}"
    );
    assert!(issued.contains("Cases found: 1"), "{issued}");
    let (_, by_deadline) = page(&app, &s, "/console/certificates?sort=deadline").await;
    let at = |id: i64| {
        by_deadline
            .find(&format!("id=\"certificate-{id}\""))
            .unwrap()
    };
    assert!(
        at(b) < at(a),
        "the issued one, with a last day, comes first"
    );
    let (status, _) = page(&app, &s, "/console/certificates?status=lost").await;
    assert_eq!(status, 400);

    let ru = Session {
        cookie: format!("{}; permits-lang=ru", s.cookie),
        csrf: s.csrf.clone(),
    };
    let (_, list) = page(&app, &ru, "/console/certificates").await;
    let citizenship = crate::certificates::application("KZ-75")["citizenship"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        !list.contains(&format!("<td>{citizenship}</td>")),
        "a citizenship shows by name: {list}"
    );
    let (status, queue) = page(&app, &ru, "/console/queue?due_by=07.12.2026").await;
    assert_eq!(status, 200, "{queue}");
    assert!(queue.contains("value=\"07.12.2026\""), "{queue}");
    // The example is Kazakhstan's today, in the form the field takes.
    let example = queue
        .split("placeholder=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default();
    assert!(
        example.len() == 10 && example.as_bytes()[2] == b'.' && example.as_bytes()[5] == b'.',
        "{queue}"
    );
    assert!(!queue.contains("type=\"date\""), "{queue}");
    let (status, _) = page(&app, &ru, "/console/queue?due_by=2026-12-07").await;
    assert_eq!(status, 200);
    let (status, refused) = page(&app, &ru, "/console/queue?due_by=12%2F07%2F2026").await;
    assert_eq!(status, 400);
    assert!(
        refused
            .contains("«Срок решения» введено «12/07/2026», а не дата: пишите дату как 07.12.2026"),
        "{refused}"
    );
}

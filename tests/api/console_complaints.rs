//! The console's complaint pages (issue 23, item 4) through real HTTP on the configured
//! database, then in headless Chromium with axe-core: an akimat official opens the queue,
//! opens a complaint against its region's revocation, satisfies it through the
//! confirmation page, and the permit is active again with the bar lifted; an official of
//! another region gets 404; an employer cannot open the pages.

use crate::console::{page, post_form, sign_in};
use crate::helpers::*;
use crate::permits::{active_permit, profile, quota};
use serde_json::{json, Value};

/// BIN_A's permit in Atyrau region, revoked by its akimat, and BIN_A's complaint against
/// the revocation; the permit's id and the complaint's.
async fn revoked_and_contested(app: &TestApp) -> (i64, i64) {
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 5)]).await;
    profile(app, BIN_A).await;
    let id = active_permit(app, "U1000000").await;
    app.post(&format!("/v1/permits/{id}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": "unlawful-engagement"}))
        .await
        .ok(200);
    let complaint = app
        .post("/v1/complaints")
        .token(&app.employer(BIN_A))
        .json(&json!({
            "permit_id": id, "act": "revocation", "relief": "annul",
            "grounds": "The engagement was lawful: the contract was registered in time.",
            "references": ["Contract No. 7 of 10.01.2026"]
        }))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    (id.as_i64().unwrap(), complaint)
}

async fn permit(app: &TestApp, id: i64) -> Value {
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone()
}

async fn complaint(app: &TestApp, id: i64) -> Value {
    app.get(&format!("/v1/complaints/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone()
}

#[actix_web::test]
async fn appk_91_4_the_akimat_satisfies_a_complaint_in_the_console_after_confirming_what_follows() {
    let app = spawn_app().await;
    let (permit_id, id) = revoked_and_contested(&app).await;
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    // The queue: the complaint, by deadline, with the act in words.
    let (status, html) = page(&app, &s, "/console/complaints").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains(&format!("id=\"complaint-{id}\"")), "{html}");
    assert!(html.contains("revocation of a permit"), "{html}");
    assert!(html.contains("Atyrau Region"), "{html}");
    // The complaint: the act linked to its case, grounds, relief, in time, deadline.
    let (status, html) = page(&app, &s, &format!("/console/complaints/{id}")).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(&format!("href=\"/console/permits/{permit_id}\"")),
        "{html}"
    );
    assert!(
        html.contains("the contract was registered in time"),
        "{html}"
    );
    assert!(html.contains("annul the act"), "{html}");
    assert!(html.contains("data-late=\"false\""), "{html}");
    assert!(html.contains("data-action=\"complaint.filed\""), "{html}");
    assert!(html.contains("id=\"reconsider-submit\""), "{html}");
    let version = complaint(&app, id).await["version"].as_i64().unwrap();
    let path = format!("/console/complaints/{id}/reconsideration");
    // Without the session's CSRF token: refused, nothing done.
    let (status, _, _) = post_form(&app, &s, &path, "csrf=0&reasons=x").await;
    assert_eq!(status, 403);
    // The form asks first: the confirmation says what will follow, nothing is done yet.
    let form = format!(
        "csrf={}&version={version}&reasons=The+contract+was+registered+in+time.",
        s.csrf
    );
    let mut res = crate::console::http()
        .post(format!("{}{path}", app.address))
        .insert_header(("Cookie", s.cookie.clone()))
        .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
        .send_body(form.clone())
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let confirm = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
    for effect in [
        "The revocation of a permit is annulled.",
        "holds its quota again",
        "(Art. 33(2)) is lifted",
        "name=\"confirmed\" value=\"yes\"",
    ] {
        assert!(confirm.contains(effect), "{effect}: {confirm}");
    }
    assert_eq!(complaint(&app, id).await["state"], "filed");
    assert_eq!(permit(&app, permit_id).await["status"], "revoked");
    // A form read before another change (a stale version): refused, nothing done.
    let stale = format!(
        "csrf={}&version={}&reasons=x&confirmed=yes",
        s.csrf,
        version + 7
    );
    let (status, location, _) = post_form(&app, &s, &path, &stale).await;
    assert_eq!(
        (status, location.as_str()),
        (303, path.trim_end_matches("/reconsideration"))
    );
    assert_eq!(complaint(&app, id).await["state"], "filed");
    // Confirmed: the revocation is annulled, the permit active again, the bar lifted.
    let (status, location, _) = post_form(&app, &s, &path, &format!("{form}&confirmed=yes")).await;
    assert_eq!(
        (status, location),
        (303, format!("/console/complaints/{id}"))
    );
    assert_eq!(complaint(&app, id).await["state"], "reconsidered");
    assert_eq!(permit(&app, permit_id).await["status"], "active");
    let (_, html) = page(&app, &s, &format!("/console/complaints/{id}")).await;
    assert!(
        html.contains("data-action=\"complaint.reconsidered\""),
        "{html}"
    );
    assert!(!html.contains("id=\"reconsider-submit\""), "{html}");
}

#[actix_web::test]
async fn appk_91_another_regions_official_gets_404_and_an_employer_cannot_open_the_pages() {
    let app = spawn_app().await;
    let (permit_id, id) = revoked_and_contested(&app).await;
    // Another region's akimat: the complaint does not exist for it, nor may it act on it.
    let s = sign_in(&app, &app.akimat("KZ-75")).await;
    let (status, _) = page(&app, &s, &format!("/console/complaints/{id}")).await;
    assert_eq!(status, 404);
    let (_, html) = page(&app, &s, "/console/complaints").await;
    assert!(!html.contains(&format!("complaint-{id}\"")), "{html}");
    let form = format!("csrf={}&reasons=x&confirmed=yes", s.csrf);
    let path = format!("/console/complaints/{id}/reconsideration");
    post_form(&app, &s, &path, &form).await;
    assert_eq!(complaint(&app, id).await["state"], "filed");
    // The employer whose complaint it is reads it through the API, not the console.
    let s = sign_in(&app, &app.employer(BIN_A)).await;
    for path in [
        "/console/complaints".to_owned(),
        format!("/console/complaints/{id}"),
    ] {
        let (status, _) = page(&app, &s, &path).await;
        assert_eq!(status, 403, "{path}");
    }
    // The ministry reads it but does not decide it while it is with the akimat.
    let s = sign_in(&app, &app.ministry()).await;
    let (status, html) = page(&app, &s, &format!("/console/complaints/{id}")).await;
    assert_eq!(status, 200);
    assert!(!html.contains("id=\"decide-submit\""), "{html}");
    assert!(!html.contains("id=\"reconsider-submit\""), "{html}");
    // A complaint id that is no number, or none: a page that does not exist.
    for path in ["/console/complaints/abc", "/console/complaints/999999"] {
        let (status, _) = page(&app, &s, path).await;
        assert_eq!(status, 404, "{path}");
    }
    assert_eq!(permit(&app, permit_id).await["status"], "revoked");
}

#[actix_web::test]
async fn appk_91_3_the_ministry_refuses_a_forwarded_complaint_with_reasons_in_the_console() {
    let app = spawn_app().await;
    let (permit_id, id) = revoked_and_contested(&app).await;
    // The akimat passes it on, after the confirmation naming the body.
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    let path = format!("/console/complaints/{id}/forwarding");
    let mut res = crate::console::http()
        .post(format!("{}{path}", app.address))
        .insert_header(("Cookie", s.cookie.clone()))
        .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
        .send_body(format!("csrf={}", s.csrf))
        .await
        .unwrap();
    let confirm = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
    assert!(confirm.contains("authorised unit"), "{confirm}");
    let form = format!("csrf={}&confirmed=yes", s.csrf);
    let (status, _, _) = post_form(&app, &s, &path, &form).await;
    assert_eq!(status, 303);
    assert_eq!(complaint(&app, id).await["state"], "forwarded");
    // The ministry's queue holds it; it refuses with reasons.
    let s = sign_in(&app, &app.ministry()).await;
    let (_, html) = page(&app, &s, "/console/complaints").await;
    assert!(html.contains(&format!("id=\"complaint-{id}\"")), "{html}");
    let (_, html) = page(&app, &s, &format!("/console/complaints/{id}")).await;
    assert!(html.contains("id=\"decide-submit\""), "{html}");
    let path = format!("/console/complaints/{id}/decision");
    // A refusal without reasons is refused as the API refuses it.
    let form = format!("csrf={}&outcome=refused&confirmed=yes", s.csrf);
    post_form(&app, &s, &path, &form).await;
    assert_eq!(complaint(&app, id).await["state"], "forwarded");
    let form = format!(
        "csrf={}&outcome=refused&reasons=The+inspection+found+it.&confirmed=yes",
        s.csrf
    );
    let (status, _, _) = post_form(&app, &s, &path, &form).await;
    assert_eq!(status, 303);
    let c = complaint(&app, id).await;
    assert_eq!(
        (&c["state"], &c["reasons"]),
        (&json!("refused"), &json!("The inspection found it."))
    );
    assert_eq!(permit(&app, permit_id).await["status"], "revoked");
}

#[actix_web::test]
async fn appk_91_4_an_akimat_official_satisfies_a_complaint_in_chromium_and_the_pages_pass_axe() {
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
    let (permit_id, id) = revoked_and_contested(&app).await;
    let d = driver(&driver_bin).await;
    let c = chromium(&d, &chromium_bin, 1).await;
    c.set_window_size(1366, 900).await.unwrap();
    browser_sign_in(&c, &app, &app.akimat("KZ-23")).await;
    let mut violations = Vec::new();
    for lang in ["kk", "ru", "en"] {
        click(&c, &format!("#lang-{lang}")).await;
        attr_becomes(&c, "html", "lang", lang).await;
        for path in [
            "/console/complaints".to_owned(),
            format!("/console/complaints/{id}"),
        ] {
            c.goto(&format!("{}{path}", app.address)).await.unwrap();
            attr_becomes(&c, "html", "lang", lang).await;
            for v in crate::console_session::axe(&c, &axe_js).await {
                violations.push(format!("{path} {lang}: {v}"));
            }
        }
    }
    // In English: the queue, the complaint, the reasons, the confirmation, confirmed.
    c.goto(&format!("{}/console/", app.address)).await.unwrap();
    click(&c, "nav a[href='/console/complaints']").await;
    shot(&c, &app, "40-complaints").await;
    click(&c, &format!("#complaint-{id}")).await;
    assert_eq!(attr(&c, "#complaint-state", "data-state").await, "filed");
    shot(&c, &app, "41-complaint").await;
    c.find(Locator::Css("#reconsider-reasons"))
        .await
        .unwrap()
        .send_keys("The contract was registered in time.")
        .await
        .unwrap();
    click(&c, "#reconsider-submit").await;
    let effects = text(&c, "#confirm-effects").await;
    assert!(effects.contains("(Art. 33(2)) is lifted"), "{effects}");
    shot(&c, &app, "42-complaint-confirm").await;
    for v in crate::console_session::axe(&c, &axe_js).await {
        violations.push(format!("confirmation: {v}"));
    }
    click(&c, "#confirm").await;
    attr_becomes(&c, "#complaint-state", "data-state", "reconsidered").await;
    assert!(attr(&c, "#flash", "class").await.contains("ok"));
    shot(&c, &app, "43-complaint-satisfied").await;
    click(&c, "#case").await;
    attr_becomes(&c, "#status", "data-status", "active").await;
    c.close().await.unwrap();
    assert_eq!(permit(&app, permit_id).await["status"], "active");
    assert!(violations.is_empty(), "axe:\n{}", violations.join("\n"));
}

/// BIN_A's permit in Atyrau region revoked, its region's one unit then given to another
/// permit, and BIN_A's complaint satisfied by the ministry without room: the complaint
/// waits for quota (`awaiting_quota`). The permit's id and the complaint's.
async fn annulled_without_room(app: &TestApp) -> (i64, i64) {
    use crate::complaints::{apply_for, decide, decide_permit, forward};
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 1)]).await;
    profile(app, BIN_A).await;
    let id = active_permit(app, "U1000000").await;
    app.set_today("2026-03-10T04:00:00Z");
    app.post(&format!("/v1/permits/{id}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": "unreliable-documents"}))
        .await
        .ok(200);
    let other = apply_for(app, "DEMIR ALI", "U2000000", true).await;
    decide_permit(app, &other, json!({"decision": "approve"}))
        .await
        .ok(200);
    let c = app
        .post("/v1/complaints")
        .token(&app.employer(BIN_A))
        .json(&json!({
            "permit_id": id, "act": "revocation", "relief": "annul",
            "grounds": "The documents were reliable: the diploma was apostilled.",
        }))
        .await
        .ok(201)["id"]
        .clone();
    forward(app, &c).await;
    app.set_today("2026-03-12T04:00:00Z");
    let d = decide(app, &c, json!({"outcome": "satisfied"}))
        .await
        .ok(200)
        .clone();
    assert_eq!(d["awaiting_quota"], true, "{d}");
    (id.as_i64().unwrap(), c.as_i64().unwrap())
}

/// The ministry gives Atyrau region a second unit of category 3 for 2026.
async fn one_more_unit(app: &TestApp) {
    app.put("/v1/quotas/2026/regions/KZ-23")
        .token(&app.ministry())
        .json(&json!({"categories": [{"category": "3", "allocated": 2}], "reason": "Order No. 40 of 12.03.2026"}))
        .await
        .ok(200);
}

/// The confirmation page, in `lang`, of what `form` asks at `path`, before anything is
/// done.
async fn confirmation(
    app: &TestApp,
    s: &crate::console::Session,
    lang: &str,
    path: &str,
    form: &str,
) -> String {
    let mut res = crate::console::http()
        .post(format!("{}{path}", app.address))
        .insert_header(("Cookie", s.cookie.clone()))
        .insert_header(("Accept-Language", lang.to_owned()))
        .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
        .send_body(form.to_owned())
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    String::from_utf8(res.body().await.unwrap().to_vec()).unwrap()
}

#[actix_web::test]
async fn appk_91_3_the_akimat_reinstates_a_permit_waiting_for_quota_after_confirming_in_each_language(
) {
    let app = spawn_app().await;
    let (permit_id, id) = annulled_without_room(&app).await;
    // The ministry reads the complaint but has no reinstatement to make: only the akimat.
    let s = sign_in(&app, &app.ministry()).await;
    let (_, html) = page(&app, &s, &format!("/console/complaints/{id}")).await;
    assert!(html.contains("the permit waits for quota"), "{html}");
    assert!(!html.contains("id=\"reinstate\""), "{html}");
    let path = format!("/console/complaints/{id}/reinstatement");
    let (status, _, _) =
        post_form(&app, &s, &path, &format!("csrf={}&confirmed=yes", s.csrf)).await;
    assert_eq!(status, 303);
    assert_eq!(permit(&app, permit_id).await["status"], "revoked");
    // The akimat's page offers the reinstatement; another region's akimat gets 404.
    let other = sign_in(&app, &app.akimat("KZ-75")).await;
    let (status, _) = page(&app, &other, &format!("/console/complaints/{id}")).await;
    assert_eq!(status, 404);
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    let (_, html) = page(&app, &s, &format!("/console/complaints/{id}")).await;
    assert!(html.contains("id=\"reinstate\""), "{html}");
    let version = complaint(&app, id).await["version"].as_i64().unwrap();
    let form = format!("csrf={}&version={version}", s.csrf);
    // Without the session's CSRF token: refused, nothing done.
    let (status, _, _) = post_form(&app, &s, &path, "csrf=0&confirmed=yes").await;
    assert_eq!(status, 403);
    // The confirmation says in words what will follow, in each language; nothing is done.
    for (lang, words) in [
        (
            "kk",
            [
                "№ {id} шағым бойынша рұқсатты қалпына келтіресіз, акт: рұқсатты кері қайтарып алу",
                "квотаны қайтадан алады",
                "33-баптың 2-тармағы",
                "ештеңе өзгермейді",
            ],
        ),
        (
            "ru",
            [
                "Вы восстанавливаете разрешение по жалобе № {id} на акт: отзыв разрешения",
                "снова занимает квоту",
                "ст. 33 п. 2",
                "ничего не меняется",
            ],
        ),
        (
            "en",
            [
                "You are reinstating the permit of complaint № {id} against the revocation of a permit.",
                "takes its quota again in every named region",
                "(Art. 33(2)) is lifted",
                "nothing changes",
            ],
        ),
    ] {
        let confirm = confirmation(&app, &s, lang, &path, &form).await;
        assert!(confirm.contains(&format!("lang=\"{lang}\"")), "{confirm}");
        for w in words {
            let w = w.replace("{id}", &id.to_string());
            assert!(confirm.contains(&w), "{lang}: {w}: {confirm}");
        }
        assert!(confirm.contains("name=\"confirmed\" value=\"yes\""), "{confirm}");
    }
    assert_eq!(permit(&app, permit_id).await["status"], "revoked");
    // Confirmed while the region still has no room: nothing changes, the reason is shown.
    let (status, location, _) = post_form(&app, &s, &path, &format!("{form}&confirmed=yes")).await;
    assert_eq!(
        (status, location),
        (303, format!("/console/complaints/{id}"))
    );
    assert_eq!(permit(&app, permit_id).await["status"], "revoked");
    assert_eq!(complaint(&app, id).await["awaiting_quota"], true);
    // Once there is room, confirmed: the permit is active again and waits no more.
    one_more_unit(&app).await;
    let (status, _, _) = post_form(&app, &s, &path, &format!("{form}&confirmed=yes")).await;
    assert_eq!(status, 303);
    assert_eq!(permit(&app, permit_id).await["status"], "active");
    let c = complaint(&app, id).await;
    assert_eq!(
        (&c["state"], &c["awaiting_quota"]),
        (&json!("satisfied"), &json!(false))
    );
    let (_, html) = page(&app, &s, &format!("/console/complaints/{id}")).await;
    assert!(
        html.contains("data-action=\"complaint.reinstated\""),
        "{html}"
    );
    assert!(!html.contains("id=\"reinstate\""), "{html}");
}

#[actix_web::test]
async fn appk_91_3_an_akimat_official_reinstates_a_permit_in_chromium_in_kazakh_russian_and_english(
) {
    use crate::console::{
        attr, attr_becomes, browser, browser_sign_in, chromium, click, driver, oidc_provider, shot,
        text,
    };
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
    let (permit_id, id) = annulled_without_room(&app).await;
    let d = driver(&driver_bin).await;
    let c = chromium(&d, &chromium_bin, 1).await;
    c.set_window_size(1366, 900).await.unwrap();
    browser_sign_in(&c, &app, &app.akimat("KZ-23")).await;
    let mut violations = Vec::new();
    // In each language: the complaint page, the button, the confirmation in words; then
    // back, nothing done.
    for (lang, lifted) in [
        ("kk", "33-баптың 2-тармағы"),
        ("ru", "ст. 33 п. 2"),
        ("en", "(Art. 33(2)) is lifted"),
    ] {
        c.goto(&format!("{}/console/complaints/{id}", app.address))
            .await
            .unwrap();
        click(&c, &format!("#lang-{lang}")).await;
        attr_becomes(&c, "html", "lang", lang).await;
        for v in crate::console_session::axe(&c, &axe_js).await {
            violations.push(format!("complaint {lang}: {v}"));
        }
        click(&c, "#reinstate").await;
        let effects = text(&c, "#confirm-effects").await;
        assert!(effects.contains(lifted), "{lang}: {effects}");
        shot(&c, &app, &format!("44-reinstate-confirm-{lang}")).await;
        for v in crate::console_session::axe(&c, &axe_js).await {
            violations.push(format!("confirmation {lang}: {v}"));
        }
    }
    assert_eq!(permit(&app, permit_id).await["status"], "revoked");
    // In English, confirmed without room: refused with the reason, nothing changes.
    click(&c, "#confirm").await;
    attr_becomes(&c, "#complaint-state", "data-state", "satisfied").await;
    assert!(attr(&c, "#flash", "class").await.contains("refused"));
    assert_eq!(permit(&app, permit_id).await["status"], "revoked");
    // Once there is room: reinstated, the flash says so, the case is active.
    one_more_unit(&app).await;
    c.refresh().await.unwrap();
    click(&c, "#reinstate").await;
    click(&c, "#confirm").await;
    attr_becomes(&c, "#complaint-state", "data-state", "satisfied").await;
    assert!(attr(&c, "#flash", "class").await.contains("ok"));
    shot(&c, &app, "45-reinstated").await;
    click(&c, "#case").await;
    attr_becomes(&c, "#status", "data-status", "active").await;
    c.close().await.unwrap();
    assert_eq!(complaint(&app, id).await["awaiting_quota"], false);
    assert!(violations.is_empty(), "axe:\n{}", violations.join("\n"));
}

//! What a newcomer's trial of the console found (issue 21): Kazakh that says "submitted"
//! and "issued" with one word; a language switch on a form's answer that led to a 404; a
//! refusal ground nobody listed echoed back, and a refusal's reason said twice; the date
//! example of UTC's day, not Kazakhstan's; a body over the limit answered in plain
//! English. Over real HTTP on both databases; the language switch also in headless
//! Chromium with axe-core.

use crate::console::{
    browser, chromium, click, driver, http, oidc_provider, post_form, shot, sign_in, text, Session,
};
use crate::console_session::axe;
use crate::helpers::*;
use crate::permits::{application, profile, quota, worker};
use fantoccini::Locator;

/// A page in `lang` (the console's language cookie beside the session's), and the session
/// cookie it sets, if any.
async fn page_in(app: &TestApp, s: &Session, lang: &str, path: &str) -> (u16, String) {
    let mut res = http()
        .get(format!("{}{path}", app.address))
        .insert_header(("Cookie", format!("{}; permits-lang={lang}", s.cookie)))
        .send()
        .await
        .unwrap();
    let html = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
    (res.status().as_u16(), html)
}

/// Posts `form` in `lang`: status, location, content type, body, and the session cookie
/// it sets.
async fn post_in(
    app: &TestApp,
    s: &Session,
    lang: &str,
    path: &str,
    form: String,
) -> (u16, String, String, String, Option<String>) {
    let mut res = http()
        .post(format!("{}{path}", app.address))
        .insert_header(("Cookie", format!("{}; permits-lang={lang}", s.cookie)))
        .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
        .send_body(form)
        .await
        .unwrap();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (location, kind) = (header("location"), header("content-type"));
    let cookie = crate::console::set_cookie(&res).map(|(c, _)| c);
    let body = res.body().limit(1 << 20).await.unwrap();
    (
        res.status().as_u16(),
        location,
        kind,
        String::from_utf8(body.to_vec()).unwrap(),
        cookie,
    )
}

/// The note a page shows once, with its class.
fn flash(html: &str) -> String {
    regex::Regex::new(r#"<p id="flash" class="(ok|refused)">([^<]*)</p>"#)
        .unwrap()
        .captures(html)
        .map(|c| format!("{}: {}", &c[1], &c[2]))
        .unwrap_or_else(|| panic!("no note on the page: {html}"))
}

/// An application awaiting the akimat of KZ-23, and a refusal ground of the rule set.
async fn pending(app: &TestApp, passport: &str) -> (i64, String) {
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 10)]).await;
    profile(app, BIN_A).await;
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("YILMAZ AHMET", "TUR", passport)],
        ))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    let rules = app
        .get("/v1/rule-sets/current")
        .token(&app.ministry())
        .send()
        .await
        .ok(200)
        .clone();
    let ground = rules["rules"]["permit_grounds"]["refusal"][0]["code"]
        .as_str()
        .unwrap()
        .to_owned();
    (id, ground)
}

/// The permit's status as the API gives it.
async fn status(app: &TestApp, id: i64) -> String {
    crate::console::permit(app, id).await["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[actix_web::test]
async fn kazakh_says_under_consideration_for_an_undecided_application_and_issued_only_for_issued() {
    let app = spawn_app().await;
    let (id, _) = pending(&app, "U21B0001").await;
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    let (code, queue) = page_in(&app, &s, "kk", "/console/queue").await;
    assert_eq!(code, 200);
    let row = regex::Regex::new(&format!(
        r#"(?s)<tr[^>]*>\s*<td><a id="case-{id}" href="/console/permits/{id}".*?</tr>"#
    ))
    .unwrap()
    .find(&queue)
    .unwrap_or_else(|| panic!("no row of {id}: {queue}"))
    .as_str()
    .to_owned();
    assert!(row.contains(r#"data-status="applied">қаралуда<"#), "{row}");
    assert!(!row.contains("берілді"), "{row}");
    // The column of the day it came in is no "Берілді" either.
    assert!(queue.contains("<th>Түскен күні</th>"), "{queue}");
    assert!(!queue.contains("<th>Берілді</th>"), "{queue}");
    let (_, case) = page_in(&app, &s, "kk", &format!("/console/permits/{id}")).await;
    assert!(case.contains("Түскен күні"), "{case}");
    assert!(!case.contains(">берілді<"), "{case}");
    // A certificate is «анықтама», as the law's Kazakh text calls it, never «куәлік».
    let kk = include_str!("../../locales/kk/main.ftl");
    let law = std::fs::read_to_string("/work/shared/law/employment-law-482-V.kk.txt");
    if let Ok(law) = law {
        assert!(law.contains("сәйкестігі туралы анықтама"));
        assert!(!law.contains("куәлік"));
    }
    assert!(!kk.contains("куәлік"), "«куәлік» in the Kazakh catalogue");
    assert!(kk.contains("[certificate_refusal] анықтама беруден бас тарту"));
}

#[actix_web::test]
async fn the_language_switch_on_a_refusals_confirmation_goes_back_to_the_case_page() {
    let app = spawn_app().await;
    let (id, ground) = pending(&app, "U21B0002").await;
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    let form = format!("csrf={}&decision=refuse&ground={ground}&note=x", s.csrf);
    let path = format!("/console/permits/{id}/decision");
    let (code, _, _, html, _) = post_in(&app, &s, "ru", &path, form).await;
    assert_eq!(code, 200, "{html}");
    assert!(html.contains(r#"id="confirm-act""#), "{html}");
    // The switch on it goes back to the case page, which exists, not to the form's address.
    let back = regex::Regex::new(r#"name="back" value="([^"]*)""#)
        .unwrap()
        .captures(&html)
        .map(|c| c[1].to_owned())
        .unwrap_or_else(|| panic!("no language switch: {html}"));
    assert_eq!(back, format!("/console/permits/{id}"));
    let form = format!("csrf={}&lang=kk&back={back}", s.csrf);
    let (code, location, _) = post_form(&app, &s, "/console/language", &form).await;
    assert_eq!((code, location.as_str()), (303, back.as_str()));
    let (code, case) = page_in(&app, &s, "kk", &back).await;
    assert_eq!(code, 200, "{case}");
    assert!(case.contains(r#"<html lang="kk""#), "{case}");
    // Nothing was decided by the look.
    assert_eq!(status(&app, id).await, "applied");
    // The form's address itself is no page.
    let (code, _) = page_in(&app, &s, "kk", &path).await;
    assert_eq!(code, 404);
}

#[actix_web::test]
async fn a_ground_not_on_the_list_is_refused_at_the_form_without_being_echoed() {
    let app = spawn_app().await;
    let (id, ground) = pending(&app, "U21B0003").await;
    let mut s = sign_in(&app, &app.akimat("KZ-23")).await;
    let path = format!("/console/permits/{id}/decision");
    for (lang, sentence) in [
        (
            "kk",
            "Таңдалған негіз министрліктің бас тарту негіздерінің тізбесінде жоқ.",
        ),
        (
            "ru",
            "Выбранного основания нет в перечне оснований отказа министерства.",
        ),
        ("en", "The ground chosen is not on the ministry"),
    ] {
        for confirmed in ["", "&confirmed=yes"] {
            for grounds in [
                "ground=nonexistent".to_owned(),
                format!("ground={ground}&ground=nonexistent"),
            ] {
                let form = format!("csrf={}&decision=refuse&{grounds}{confirmed}", s.csrf);
                let (code, location, _, html, cookie) = post_in(&app, &s, lang, &path, form).await;
                assert_eq!(
                    (code, location.as_str()),
                    (303, format!("/console/permits/{id}").as_str()),
                    "{lang} {grounds}{confirmed}: {html}"
                );
                s.cookie = cookie.expect("the note is kept in the session");
                let (_, case) = page_in(&app, &s, lang, &location).await;
                let note = flash(&case);
                assert!(note.starts_with("refused: "), "{note}");
                assert!(note.contains(sentence), "{lang}: {note}");
                assert!(!note.contains("nonexistent"), "{note}");
                assert!(!case.contains("nonexistent"), "{case}");
            }
        }
    }
    assert_eq!(status(&app, id).await, "applied");
}

#[actix_web::test]
async fn a_refusals_reason_is_said_once_with_its_article_as_the_language_cites_it() {
    let app = spawn_app().await;
    let (id, _) = pending(&app, "U21B0004").await;
    let mut s = sign_in(&app, &app.akimat("KZ-23")).await;
    let path = format!("/console/permits/{id}/decision");
    for (lang, sentence) in [
        (
            "kk",
            "бас тарту министрлік тізбесіндегі кемінде бір негізді көрсетеді",
        ),
        ("ru", "в отказе указывается хотя бы одно основание"),
        ("en", "a refusal names at least one ground"),
    ] {
        let form = format!("csrf={}&decision=refuse&confirmed=yes", s.csrf);
        let (code, location, _, _, cookie) = post_in(&app, &s, lang, &path, form).await;
        assert_eq!(code, 303);
        s.cookie = cookie.expect("the note is kept in the session");
        let (_, case) = page_in(&app, &s, lang, &location).await;
        let note = flash(&case);
        assert!(note.starts_with("refused: "), "{note}");
        assert_eq!(note.matches(sentence).count(), 1, "{lang}: {note}");
        // No article as the API cites it beside the reader's: one sentence, one language.
        if lang != "en" {
            assert!(!note.contains("Art."), "{lang}: {note}");
        }
    }
    assert_eq!(status(&app, id).await, "applied");
}

#[actix_web::test]
async fn the_date_example_is_todays_date_in_kazakhstan_not_utcs() {
    let app = spawn_app().await;
    // 20:00 UTC on 7 December is 01:00 on 8 December in Kazakhstan (UTC+5).
    app.set_today("2026-12-07T20:00:00Z");
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    for (lang, hint) in [
        ("kk", "күні.айы.жылы, мысалы 08.12.2026"),
        ("ru", "день.месяц.год, например 08.12.2026"),
        ("en", "day.month.year, e.g. 08.12.2026"),
    ] {
        let (code, html) = page_in(&app, &s, lang, "/console/queue").await;
        assert_eq!(code, 200);
        assert!(html.contains(hint), "{lang}: {html}");
        assert!(html.contains(r#"placeholder="08.12.2026""#), "{html}");
        assert!(!html.contains("07.12.2026"), "{lang}: {html}");
    }
}

#[actix_web::test]
async fn a_console_form_over_the_size_limit_or_a_path_that_is_no_number_gets_a_page_in_the_readers_language(
) {
    let app = spawn_app().await;
    let (id, _) = pending(&app, "U21B0005").await;
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    let note = "x".repeat(300 * 1024);
    for (lang, words) in [("kk", "байт"), ("ru", "байт"), ("en", "bytes")] {
        let form = format!("csrf={}&decision=refuse&note={note}", s.csrf);
        let path = format!("/console/permits/{id}/decision");
        let (code, _, kind, html, _) = post_in(&app, &s, lang, &path, form).await;
        assert_eq!(code, 413, "{html}");
        assert!(kind.starts_with("text/html"), "{kind}: {html}");
        assert!(html.contains(&format!(r#"<html lang="{lang}""#)), "{html}");
        assert!(html.contains(r#"id="error""#), "{html}");
        assert!(html.contains(words), "{lang}: {html}");
        assert!(!html.contains("payload reached size limit"), "{html}");
        // Its language switch goes back to the case page.
        assert!(
            html.contains(&format!(r#"name="back" value="/console/permits/{id}""#)),
            "{html}"
        );
        // A case number that is no number: the console's page too, not the API's JSON.
        let (code, html) = page_in(&app, &s, lang, "/console/permits/abc/document").await;
        assert!(code == 400 || code == 404, "{code}: {html}");
        assert!(html.contains(&format!(r#"<html lang="{lang}""#)), "{html}");
        assert!(!html.starts_with('{'), "{html}");
    }
    assert_eq!(status(&app, id).await, "applied");
}

#[actix_web::test]
async fn in_chromium_the_language_switch_on_a_refusals_confirmation_opens_the_case_page() {
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
    let (id, ground) = pending(&app, "U21B0006").await;
    let d = driver(&driver_bin).await;
    let c = chromium(&d, &chromium_bin, 71).await;
    c.set_window_size(1366, 900).await.unwrap();
    crate::console::browser_sign_in(&c, &app, &app.akimat("KZ-23")).await;
    c.goto(&format!("{}/console/permits/{id}", app.address))
        .await
        .unwrap();
    // Russian first, then refuse on a ground of the list.
    if c.find(Locator::Css("#lang-ru:not([disabled])"))
        .await
        .is_ok()
    {
        click(&c, "#lang-ru").await;
    }
    crate::console::attr_becomes(&c, "html", "lang", "ru").await;
    click(&c, &format!(r#"input[name="ground"][value="{ground}"]"#)).await;
    click(&c, r#"button[name="decision"][value="refuse"]"#).await;
    text(&c, "#confirm-act").await;
    let mut wrong = axe(&c, &axe_js).await;
    shot(&c, &app, "newcomer-refusal-confirm-ru").await;
    // The switch to Kazakh on the confirmation: the case page in Kazakh, not a 404.
    click(&c, "#lang-kk").await;
    crate::console::attr_becomes(&c, "html", "lang", "kk").await;
    let url = c.current_url().await.unwrap();
    assert_eq!(url.path(), format!("/console/permits/{id}"));
    assert!(
        c.find(Locator::Css("#error")).await.is_err(),
        "an error page"
    );
    assert!(c
        .find(Locator::Css(r#"button[name="decision"][value="refuse"]"#))
        .await
        .is_ok());
    wrong.extend(axe(&c, &axe_js).await);
    shot(&c, &app, "newcomer-case-after-switch-kk").await;
    c.close().await.unwrap();
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(status(&app, id).await, "applied");
}

#[actix_web::test]
async fn the_rules_page_reads_the_rule_sets_texts_in_the_readers_language_and_says_when_it_has_only_english(
) {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    let s = sign_in(&app, &app.ministry()).await;
    for (lang, words, article) in [
        (
            "kk",
            "Жеміс-көкөніс жинаушы",
            "482-V Заңның 33-бабының 3-тармағы",
        ),
        (
            "ru",
            "Сборщик фруктов и овощей",
            "Закон № 482-V, ст. 33 п. 3",
        ),
    ] {
        let (code, html) = page_in(&app, &s, lang, "/console/rules").await;
        assert_eq!(code, 200);
        assert!(html.contains(words), "{lang}: {html}");
        assert!(html.contains(article), "{lang}: {html}");
        assert!(!html.contains("Fruit and vegetable picker"), "{lang}");
        assert!(!html.contains(r#"class="words in-english""#), "{lang}");
        // The words are the other sections' texts, not a section of their own.
        assert!(!html.contains(r#"id="rules-words""#), "{lang}");
    }
    // A rule set published without words reads in English, and says so.
    let text = std::fs::read_to_string("config/seed/rule-set.json").unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["effective_from"] = serde_json::json!("2025-12-17");
    doc["source"] = serde_json::json!("Order No. 1 of 01.12.2026");
    doc["rules"].as_object_mut().unwrap().remove("words");
    app.post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&doc)
        .await
        .ok(201);
    app.set_today("2025-12-17T04:00:00Z");
    // Days on, the session is over: signed in again.
    let s = sign_in(&app, &app.ministry()).await;
    for (lang, said) in [("kk", "(ағылшынша)"), ("ru", "(по-английски)")] {
        let (_, html) = page_in(&app, &s, lang, "/console/rules").await;
        assert!(
            html.contains(r#"<span lang="en">Fruit and vegetable picker</span>"#),
            "{lang}: {html}"
        );
        assert!(html.contains(said), "{lang}: {html}");
    }
}

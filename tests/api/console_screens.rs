//! Screenshots of every console page (issue 21, item 8), to be looked at: each page a
//! browser GETs — as the one who sees it, with data on it — in Kazakh, Russian and English
//! at 1366 px, the whole page in one picture, saved as
//! `target/screenshots/<database>-every-<lang>-<who>-<page>.png`. Each page also passes
//! axe-core, is no wider than the window (no sideways scrolling at 1366 px), and in
//! Kazakh and Russian shows no ISO date. Taken on SQLite only (the pages are the same on
//! PostgreSQL, whose data the other browser tests walk). The confirmation pages a form
//! leads to are photographed where their forms are driven: `console_day` (refusal,
//! revocation), `console_cases` (certificates, ICT) and `console_complaints`.

use crate::console::{browser, browser_sign_in, chromium, click, driver, oidc_provider, shot};
use crate::console_session::axe;
use crate::helpers::*;
use fantoccini::{Client, Locator};

/// A group of pages: who looks (the screenshots' name part), the token signed in with
/// (none for the public pages), and each page's name and path.
type Group<'a> = (&'a str, Option<String>, Vec<(&'a str, String)>);

/// Switches the console's language to `lang` (from any console page).
async fn language(c: &Client, app: &TestApp, lang: &str) {
    c.goto(&format!("{}/console/", app.address)).await.unwrap();
    if c.find(Locator::Css(&format!("#lang-{lang}:not([disabled])")))
        .await
        .is_ok()
    {
        click(c, &format!("#lang-{lang}")).await;
    }
    crate::console::attr_becomes(c, "html", "lang", lang).await;
}

/// Opens `path`, checks it and saves the whole page: what is wrong with it, if anything.
async fn photograph(
    c: &Client,
    app: &TestApp,
    axe_js: &str,
    lang: &str,
    who: &str,
    (name, path): &(&str, String),
) -> Vec<String> {
    c.set_window_size(1366, 900).await.unwrap();
    c.goto(&format!("{}{path}", app.address)).await.unwrap();
    crate::console::text(c, "h1").await;
    let mut wrong: Vec<String> = axe(c, axe_js)
        .await
        .into_iter()
        .map(|v| format!("{lang} {who} {name}: axe: {v}"))
        .collect();
    let size = c
        .execute(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth, \
             document.documentElement.scrollHeight, document.body.innerText];",
            vec![],
        )
        .await
        .unwrap();
    let (wide, window, tall) = (
        size[0].as_i64().unwrap_or(0),
        size[1].as_i64().unwrap_or(0),
        size[2].as_i64().unwrap_or(900),
    );
    if wide > window {
        wrong.push(format!(
            "{lang} {who} {name}: {wide} px wide in a {window} px window"
        ));
    }
    let words = size[3].as_str().unwrap_or_default();
    if lang != "en" {
        let iso = regex::Regex::new(r"\b\d{4}-\d{2}-\d{2}\b").unwrap();
        if let Some(m) = iso.find(words) {
            wrong.push(format!("{lang} {who} {name}: an ISO date {}", m.as_str()));
        }
    }
    // The whole page in one picture (the window as tall as the page, within reason).
    let tall = u32::try_from(tall.clamp(600, 6000)).unwrap_or(900);
    c.set_window_size(1366, tall + 140).await.unwrap();
    shot(c, app, &format!("every-{lang}-{who}-{name}")).await;
    wrong
}

#[actix_web::test]
async fn screenshots_of_every_console_page_in_kazakh_russian_and_english_at_1366_px() {
    // The pictures are of pages, which read the same on either database; what PostgreSQL
    // holds is walked page by page by console_words, console_day and console_cases. One
    // set is taken, on SQLite, so CI does not spend a second minute on the same pictures.
    if std::env::var_os("TEST_DATABASE_URL").is_some() {
        eprintln!("console_screens: the pictures are taken on SQLite only");
        return;
    }
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
    let w = crate::console_words::cases(&app).await;
    let d = driver(&driver_bin).await;
    let mut wrong = Vec::new();

    let case = |id: i64| format!("/console/permits/{id}");
    let groups: Vec<Group> = vec![
        (
            "public",
            None,
            vec![
                ("sign-in", "/console/sign-in".into()),
                ("verify", "/console/verify".into()),
                ("verify-permit", format!("/console/verify/{}", w.number)),
                (
                    "verify-unknown",
                    "/console/verify/KZ-2026-0000-0000-0000".into(),
                ),
            ],
        ),
        (
            "akimat-KZ-23",
            Some(app.akimat("KZ-23")),
            vec![
                ("home", "/console/".into()),
                ("queue", "/console/queue".into()),
                ("case-pending", case(w.pending)),
                ("case-revoked", case(w.revoked)),
                ("overdue", "/console/overdue".into()),
                ("complaints", "/console/complaints".into()),
                ("complaint", format!("/console/complaints/{}", w.complaint)),
                ("region", "/console/region?year=2026".into()),
                ("rules", "/console/rules".into()),
                ("year-error", "/console/region?year=abc".into()),
                ("not-found", "/console/nothing-here".into()),
            ],
        ),
        (
            "akimat-KZ-75",
            Some(app.akimat("KZ-75")),
            vec![
                ("ict-register", "/console/ict".into()),
                ("certificates", "/console/certificates".into()),
                (
                    "certificate",
                    format!("/console/certificates/{}", w.certificate),
                ),
                ("ict-permits", "/console/ict-permits".into()),
                ("ict-permit", format!("/console/ict-permits/{}", w.ict)),
                ("region-demand", "/console/region?year=2026".into()),
            ],
        ),
        (
            "ministry",
            Some(app.ministry()),
            vec![
                ("home", "/console/".into()),
                ("queue", "/console/queue".into()),
                ("case", case(w.revoked)),
                ("quota", "/console/quota?year=2026".into()),
                ("transfers", "/console/transfers?year=2026".into()),
                ("demand", "/console/demand?year=2026".into()),
                ("region-choose", "/console/region?year=2026".into()),
                ("region", "/console/region?year=2026&region=KZ-75".into()),
                ("complaints", "/console/complaints".into()),
                ("certificates", "/console/certificates".into()),
                ("ict-permits", "/console/ict-permits".into()),
                ("ict-register", "/console/ict".into()),
                ("rules", "/console/rules".into()),
            ],
        ),
        (
            "employer",
            Some(app.employer(BIN_A)),
            vec![("home", "/console/".into())],
        ),
    ];
    for (n, (who, token, pages)) in groups.into_iter().enumerate() {
        let c = chromium(&d, &chromium_bin, 40 + n as u32).await;
        c.set_window_size(1366, 900).await.unwrap();
        if let Some(token) = token {
            browser_sign_in(&c, &app, &token).await;
        }
        for lang in ["kk", "ru", "en"] {
            language(&c, &app, lang).await;
            for page in &pages {
                wrong.extend(photograph(&c, &app, &axe_js, lang, who, page).await);
            }
        }
        c.close().await.unwrap();
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

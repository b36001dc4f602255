//! A session of a real official's day (issue 21), in headless Chromium on each database and
//! in each language, kk, ru and en: an akimat official of Atyrau region signs in at the
//! OpenID provider (`tests/oidc`), finds a case by the worker's passport number, approves
//! it, refuses another on a ground with a note, revokes a third after its confirmation
//! page, opens a permit's PDF once the employer has paid, and signs out — after which the
//! old cookie opens nothing and decides nothing. Every step's page passes axe-core and is
//! saved as `target/screenshots/day-<lang>-NN-<step>.png`, to be looked at.

use crate::console::{
    attr, attr_becomes, browser, chromium, click, driver, free_port, oidc_provider, oidc_sign_in,
    text, Provider,
};
use crate::console_session::axe;
use crate::helpers::*;
use crate::permits::{application, profile, quota, worker};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Saves the page as `target/screenshots/day-<lang>-<name>.png`, after axe-core finds no
/// violation on it (a page that is no HTML, the PDF, is not checked).
async fn step(c: &Client, axe_js: &str, lang: &str, name: &str, html: bool) {
    if html {
        let found = axe(c, axe_js).await;
        assert!(found.is_empty(), "{lang} {name}: {found:#?}");
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let png = c.screenshot().await.expect("a screenshot");
    std::fs::write(dir.join(format!("day-{lang}-{name}.png")), png).unwrap();
}

/// Scrolls the page so that `css` is at the top of the window (for its screenshot).
async fn show(c: &Client, css: &str) {
    c.execute(
        "document.querySelector(arguments[0]).scrollIntoView();",
        vec![json!(css)],
    )
    .await
    .unwrap();
}

/// Types `keys` into the field `css`.
async fn type_into(c: &Client, css: &str, keys: &str) {
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .send_keys(keys)
        .await
        .unwrap();
}

/// The permit as the ministry reads it through the API.
async fn permit(app: &TestApp, id: i64) -> Value {
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.ministry())
        .send()
        .await
        .ok(200)
        .clone()
}

/// An application of employer `bin` in Atyrau region for one worker: its id.
async fn filed(app: &TestApp, bin: &str, name: &str, passport: &str) -> i64 {
    app.post("/v1/permit-applications")
        .token(&app.employer(bin))
        .json(&application(
            &["KZ-23"],
            vec![worker(name, "TUR", passport)],
        ))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap()
}

/// The note shown on the page after an action: `ok: …` or `refused: …`.
async fn flash(c: &Client) -> String {
    let class = attr(c, "#flash", "class").await;
    format!("{class}: {}", text(c, "#flash").await)
}

/// What the day's pages must say, in each language.
struct Words {
    lang: &'static str,
    /// The employer whose cases the official decides (a revocation for unlawful engagement
    /// bars it, so each language has its own).
    bin: &'static str,
    /// The passport the official searches by.
    passport: &'static str,
    /// Phrases of the refusal's confirmation page.
    refuse_confirm: &'static [&'static str],
    /// Phrases of the revocation's confirmation page.
    revoke_confirm: &'static [&'static str],
    /// The heading of the payments table.
    payments: &'static str,
}

const DAYS: [Words; 3] = [
    Words {
        lang: "kk",
        bin: BIN_A,
        passport: "K26100001",
        refuse_confirm: &["01.02.2026", "Жалақы өңірдегі орташадан төмен"],
        revoke_confirm: &[
            "Атырау облысы",
            "01.02.2026",
            "12 ай бойы, 01.02.2027 қоса алғанда",
            "33-баптың 2-тармағы",
            "Объектіден тыс жұмыс істеді",
        ],
        payments: "Төлемдер",
    },
    Words {
        lang: "ru",
        bin: BIN_B,
        passport: "R26100001",
        refuse_confirm: &["01.02.2026", "Зарплата ниже средней по региону"],
        revoke_confirm: &[
            "Атырауская область",
            "01.02.2026",
            "12 месяцев",
            "по 01.02.2027 включительно",
            "(ст. 33 п. 2)",
            "Работал вне объекта",
        ],
        payments: "Платежи",
    },
    Words {
        lang: "en",
        bin: "210340000023",
        passport: "E26100001",
        refuse_confirm: &["2026-02-01", "Salary below the regional average"],
        revoke_confirm: &[
            "Atyrau Region",
            "2026-02-01",
            "for 12 months, until 2027-02-01 inclusive (Art. 33(2))",
            "Worked outside the site",
        ],
        payments: "Payments",
    },
];

/// The workers of each language's cases: one approved, one refused, one revoked, and one
/// the old cookie must not touch (a worker is on one live permit at a time, Art. 33(3)).
const APPROVED: [&str; 3] = ["YILMAZ AHMET", "SAHIN BURAK", "CELIK ONUR"];
const REFUSED: [&str; 3] = ["DEMIR CAN", "AYDIN EMRE", "OZTURK SELIM"];
const REVOKED: [&str; 3] = ["KAYA MEHMET", "ARSLAN HAKAN", "DOGAN MURAT"];
const UNTOUCHED: [&str; 3] = ["KILIC BARIS", "KOC SERKAN", "KURT TOLGA"];

/// The refusal's and revocation's notes the official types, in each language.
fn notes(lang: &str) -> (&'static str, &'static str) {
    match lang {
        "kk" => (
            "Жалақы өңірдегі орташадан төмен",
            "Объектіден тыс жұмыс істеді",
        ),
        "ru" => ("Зарплата ниже средней по региону", "Работал вне объекта"),
        _ => (
            "Salary below the regional average",
            "Worked outside the site",
        ),
    }
}

#[actix_web::test]
async fn an_officials_day_in_chromium_in_kazakh_russian_and_english() {
    let Some((chromium_bin, driver_bin)) = browser() else {
        return;
    };
    let Some(dir) = oidc_provider() else {
        return;
    };
    let axe_js = std::fs::read_to_string(dir.join("node_modules/axe-core/axe.min.js"))
        .expect("axe-core is installed with tests/oidc's packages");
    let _turn = heavy().await;
    let idp_port = free_port();
    let app = spawn_app_with(|s| {
        s.console.oidc_issuer_url = format!("http://127.0.0.1:{idp_port}");
        s.console.oidc_client_id = "permits-console".into();
        s.console.oidc_client_secret = permits::config::Secret::new("permits-console-test-secret");
        s.console.oidc_redirect_url = "/console/oidc/callback".into();
        s.console.oidc_scopes = "profile permits".into();
    })
    .await;
    let provider = Provider(
        Command::new("node")
            .arg("provider.mjs")
            .arg(idp_port.to_string())
            .arg(format!("{}/console/oidc/callback", app.address))
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the OpenID provider starts"),
    );
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", idp_port)).is_ok() {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }

    // The day's cases, filed on 15.12.2025: for each language one to approve (found by its
    // worker's passport), one to refuse, and one permit in force to revoke.
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 20)]).await;
    let mut cases = Vec::new();
    for (n, w) in DAYS.iter().enumerate() {
        profile(&app, w.bin).await;
        let approve = filed(&app, w.bin, APPROVED[n], w.passport).await;
        let refuse = filed(&app, w.bin, REFUSED[n], &format!("{}2", &w.passport[..8])).await;
        let revoke = filed(&app, w.bin, REVOKED[n], &format!("{}3", &w.passport[..8])).await;
        app.post(&format!("/v1/permits/{revoke}/decisions"))
            .token(&app.akimat("KZ-23"))
            .json(&json!({"decision": "approve"}))
            .await
            .ok(200);
        let due = permit(&app, revoke).await["regions"][0]["fee"]["due_today"].clone();
        app.post(&format!("/v1/permits/{revoke}/payments"))
            .token(&app.employer(w.bin))
            .json(&json!({"region": "KZ-23", "amount": due, "paid_on": "2025-12-15", "reference": "PP-0"}))
            .await
            .ok(201);
        let still = filed(&app, w.bin, UNTOUCHED[n], &format!("{}4", &w.passport[..8])).await;
        cases.push((n, approve, refuse, revoke, still));
    }
    app.set_today("2026-02-01T04:00:00Z");
    let d = driver(&driver_bin).await;

    for (n, approve, refuse, revoke, still) in cases {
        let w = &DAYS[n];
        let lang = w.lang;
        let (refusal_note, revocation_note) = notes(lang);
        let c = chromium(&d, &chromium_bin, 10 + n as u32).await;

        // 01: the sign-in page in the official's language.
        c.goto(&format!("{}/console/sign-in", app.address))
            .await
            .unwrap();
        click(&c, &format!("#lang-{lang}")).await;
        attr_becomes(&c, "html", "lang", lang).await;
        step(&c, &axe_js, lang, "01-sign-in", true).await;

        // 02: signed in at the provider, the console's home page.
        oidc_sign_in(&c, &app, "akimat-kz23").await;
        text(&c, "#user").await;
        attr_becomes(&c, "html", "lang", lang).await;
        step(&c, &axe_js, lang, "02-home", true).await;

        // 03: the queue searched by the worker's passport: exactly that case.
        c.goto(&format!("{}/console/queue", app.address))
            .await
            .unwrap();
        type_into(&c, "#q", w.passport).await;
        c.find(Locator::Css("#q"))
            .await
            .unwrap()
            .send_keys("\u{E007}")
            .await
            .unwrap();
        // The answer replaces the whole queue (which lists the case too): wait for it.
        let mut rows = 0;
        for _ in 0..100 {
            let url = c.current_url().await.unwrap();
            if url.query().is_some_and(|q| q.contains("q=")) {
                rows = c
                    .find_all(Locator::Css("a[id^='case-']"))
                    .await
                    .unwrap()
                    .len();
                if rows == 1 {
                    break;
                }
            }
            actix_web::rt::time::sleep(Duration::from_millis(200)).await;
        }
        assert_eq!(rows, 1, "{lang}: the passport finds one case");
        text(&c, &format!("#case-{approve}")).await;
        step(&c, &axe_js, lang, "03-search-by-passport", true).await;

        // 04-05: the case, approved.
        click(&c, &format!("#case-{approve}")).await;
        attr_becomes(&c, "#status", "data-status", "applied").await;
        step(&c, &axe_js, lang, "04-case", true).await;
        click(&c, "#approve").await;
        attr_becomes(&c, "#status", "data-status", "awaiting_payment").await;
        assert!(flash(&c).await.starts_with("ok: "), "{lang}");
        show(&c, "#fees").await;
        step(&c, &axe_js, lang, "05-approved", true).await;

        // 06-08: another case refused on a ground with a note, confirmed first.
        c.goto(&format!("{}/console/permits/{refuse}", app.address))
            .await
            .unwrap();
        click(&c, "input[name=ground][value=qualification-unmet]").await;
        type_into(&c, "#refusal-note", refusal_note).await;
        show(&c, "#decide").await;
        step(&c, &axe_js, lang, "06-refusal-form", true).await;
        click(&c, "#refuse").await;
        let said = text(&c, "#confirm-what").await.replace('\u{a0}', " ");
        for phrase in w.refuse_confirm {
            assert!(said.contains(phrase), "{lang}: {phrase:?} in {said}");
        }
        assert_eq!(permit(&app, refuse).await["status"], "applied");
        step(&c, &axe_js, lang, "07-refusal-confirm", true).await;
        click(&c, "#confirm").await;
        attr_becomes(&c, "#status", "data-status", "refused").await;
        assert!(flash(&c).await.starts_with("ok: "), "{lang}");
        let history = text(&c, "#history").await;
        assert!(history.contains(refusal_note), "{lang}: {history}");
        assert_eq!(permit(&app, refuse).await["end_note"], refusal_note);
        show(&c, "#history").await;
        step(&c, &axe_js, lang, "08-refused-note-in-history", true).await;

        // 09-11: a permit in force revoked on a ground that bars the employer, confirmed.
        c.goto(&format!("{}/console/permits/{revoke}", app.address))
            .await
            .unwrap();
        attr_becomes(&c, "#status", "data-status", "active").await;
        c.find(Locator::Css("#ground"))
            .await
            .unwrap()
            .select_by_value("unlawful-engagement")
            .await
            .unwrap();
        type_into(&c, "#note", revocation_note).await;
        show(&c, "#supervise").await;
        step(&c, &axe_js, lang, "09-revocation-form", true).await;
        click(&c, "#revoke").await;
        let said = text(&c, "#confirm-what").await.replace('\u{a0}', " ");
        for phrase in w.revoke_confirm {
            assert!(said.contains(phrase), "{lang}: {phrase:?} in {said}");
        }
        assert!(
            !said.contains("2026-02-01") || lang == "en",
            "{lang}: no ISO date: {said}"
        );
        assert!(
            !said.contains("KZ-23"),
            "{lang}: the region by name: {said}"
        );
        assert_eq!(permit(&app, revoke).await["status"], "active");
        step(&c, &axe_js, lang, "10-revocation-confirm", true).await;
        click(&c, "#confirm").await;
        attr_becomes(&c, "#status", "data-status", "revoked").await;
        assert!(
            text(&c, "#history").await.contains(revocation_note),
            "{lang}"
        );
        step(&c, &axe_js, lang, "11-revoked", true).await;

        // 12-13: the employer pays the approved case's fee; the official sees the fee and
        // its payment one by one and opens the permit's PDF.
        let due = permit(&app, approve).await["regions"][0]["fee"]["due_today"]
            .as_str()
            .unwrap()
            .to_owned();
        app.post(&format!("/v1/permits/{approve}/payments"))
            .token(&app.employer(w.bin))
            .json(&json!({"region": "KZ-23", "amount": due, "paid_on": "2026-02-01", "reference": format!("PP-{lang}")}))
            .await
            .ok(201);
        c.goto(&format!("{}/console/permits/{approve}", app.address))
            .await
            .unwrap();
        attr_becomes(&c, "#status", "data-status", "active").await;
        let payments = text(&c, "#payments").await;
        assert!(payments.contains(&format!("PP-{lang}")), "{payments}");
        assert!(
            lang == "en" || payments.contains("01.02.2026"),
            "{lang}: {payments}"
        );
        assert!(text(&c, "main").await.contains(w.payments), "{lang}");
        show(&c, "#fees").await;
        step(&c, &axe_js, lang, "12-fees-and-payments", true).await;
        let pdf = attr(&c, "#pdf", "href").await;
        // The PDF the link opens, fetched with the browser's session.
        let session = c.get_named_cookie("permits-console").await.unwrap();
        let mut res = awc::Client::builder()
            .timeout(Duration::from_secs(120))
            .finish()
            .get(format!("{}{pdf}", app.address))
            .insert_header(("Cookie", format!("permits-console={}", session.value())))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{lang}");
        assert_eq!(
            res.headers().get("content-type").unwrap().to_str().unwrap(),
            "application/pdf"
        );
        let body = res.body().limit(20_000_000).await.unwrap();
        assert!(body.starts_with(b"%PDF"), "{lang}");
        click(&c, "#pdf").await;
        actix_web::rt::time::sleep(Duration::from_secs(5)).await;
        step(&c, &axe_js, lang, "13-permit-pdf", false).await;

        // 14-15: signed out; the old cookie opens nothing and decides nothing.
        c.goto(&format!("{}/console/", app.address)).await.unwrap();
        let old = c.get_named_cookie("permits-console").await.unwrap();
        let csrf = attr(&c, "input[name=csrf]", "value").await;
        click(&c, "#sign-out").await;
        text(&c, "#sign-in").await;
        step(&c, &axe_js, lang, "14-signed-out", true).await;
        let version = permit(&app, still).await["version"].clone();
        let cookie = format!("permits-console={}", old.value());
        let res = awc::Client::builder()
            .disable_redirects()
            .finish()
            .post(format!("{}/console/permits/{still}/decision", app.address))
            .insert_header(("Cookie", cookie.clone()))
            .content_type("application/x-www-form-urlencoded")
            .send_body(format!("csrf={csrf}&version={version}&decision=approve"))
            .await
            .unwrap();
        assert!(
            res.status().is_redirection() || res.status().is_client_error(),
            "{lang}: {}",
            res.status()
        );
        assert_eq!(permit(&app, still).await["status"], "applied", "{lang}");
        c.delete_cookie("permits-console").await.unwrap();
        c.add_cookie(old.clone()).await.unwrap();
        c.goto(&format!("{}/console/queue", app.address))
            .await
            .unwrap();
        text(&c, "#sign-in").await;
        assert!(c.current_url().await.unwrap().path().ends_with("/sign-in"));
        step(&c, &axe_js, lang, "15-old-cookie-refused", true).await;
        c.close().await.unwrap();
    }
    drop(provider);
}

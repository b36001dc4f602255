//! The officials' console (`/console/`): its session cookie and CSRF tokens and the role ×
//! page table over plain HTTP, then the main journeys in headless Chromium driven through
//! WebDriver (fantoccini + chromedriver) — sign in as an akimat official, open the queue,
//! open a case, approve it, see it active after the employer pays; sign in as an employer
//! and be refused the officials' pages; the ministry's pages. Screenshots of every page go
//! to `target/screenshots/` (not committed).

use crate::helpers::*;
use crate::permits::{application, profile, quota, worker};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A console session over plain HTTP: its cookie and CSRF token.
pub(crate) struct Session {
    pub(crate) cookie: String,
    pub(crate) csrf: String,
}

pub(crate) fn http() -> awc::Client {
    awc::Client::builder()
        .disable_redirects()
        .timeout(Duration::from_secs(60))
        .finish()
}

/// The `name=value` of the session cookie a response sets, and the whole header.
pub(crate) fn set_cookie(res: &awc::ClientResponse<impl Sized>) -> Option<(String, String)> {
    res.headers()
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("permits-console="))
        .map(|v| {
            (
                v.split(';').next().unwrap_or_default().to_owned(),
                v.to_owned(),
            )
        })
}

pub(crate) fn csrf_of(html: &str) -> String {
    regex::Regex::new(r#"name="csrf" value="([0-9a-f]+)""#)
        .unwrap()
        .captures(html)
        .unwrap_or_else(|| panic!("no CSRF token on the page: {html}"))[1]
        .to_owned()
}

/// Opens the sign-in page: a session with its CSRF token, and the cookie header as set.
pub(crate) async fn open(app: &TestApp) -> (Session, String) {
    let mut res = http()
        .get(format!("{}/console/sign-in", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (cookie, header) = set_cookie(&res).expect("the sign-in page starts a session");
    let html = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
    (
        Session {
            csrf: csrf_of(&html),
            cookie,
        },
        header,
    )
}

pub(crate) async fn post_form(
    app: &TestApp,
    s: &Session,
    path: &str,
    form: &str,
) -> (u16, String, Option<String>) {
    let mut res = http()
        .post(format!("{}{path}", app.address))
        .insert_header(("Cookie", s.cookie.clone()))
        .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
        .send_body(form.to_owned())
        .await
        .unwrap();
    let cookie = set_cookie(&res).map(|(c, _)| c);
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let _ = res.body().await;
    (res.status().as_u16(), location, cookie)
}

/// Signs in over HTTP with a development token.
pub(crate) async fn sign_in(app: &TestApp, token: &str) -> Session {
    let (s, _) = open(app).await;
    let form = format!("csrf={}&token={token}", s.csrf);
    let (status, location, cookie) = post_form(app, &s, "/console/sign-in", &form).await;
    assert_eq!((status, location.as_str()), (303, "/console/"));
    let cookie = cookie.expect("signing in renews the session");
    let mut s = Session {
        cookie,
        csrf: String::new(),
    };
    let (_, html) = page(app, &s, "/console/").await;
    s.csrf = csrf_of(&html);
    s
}

pub(crate) async fn page(app: &TestApp, s: &Session, path: &str) -> (u16, String) {
    let (status, html, _) = page_and_cookie(app, s, path).await;
    (status, html)
}

/// A page, and the session cookie it sets when the session changed (a note shown once).
pub(crate) async fn page_and_cookie(
    app: &TestApp,
    s: &Session,
    path: &str,
) -> (u16, String, Option<String>) {
    let mut res = http()
        .get(format!("{}{path}", app.address))
        .insert_header(("Cookie", s.cookie.clone()))
        .send()
        .await
        .unwrap();
    let cookie = set_cookie(&res).map(|(c, _)| c);
    let html = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
    (res.status().as_u16(), html, cookie)
}

#[actix_web::test]
async fn the_session_cookie_is_httponly_secure_samesite_and_every_form_needs_its_csrf_token() {
    let app = spawn_app().await;
    let (s, header) = open(&app).await;
    let h = header.to_lowercase();
    for flag in ["httponly", "secure", "samesite=lax", "path=/console"] {
        assert!(h.contains(flag), "{flag} missing from {header}");
    }
    // Without the token, or with another, nothing happens.
    let token = app.akimat("KZ-75");
    let other = if s.csrf.starts_with('0') { '1' } else { '0' };
    for form in [
        format!("token={token}"),
        format!("csrf={other}{}&token={token}", &s.csrf[1..]),
    ] {
        let (status, _, _) = post_form(&app, &s, "/console/sign-in", &form).await;
        assert_eq!(status, 403);
        let res = http()
            .get(format!("{}/console/queue", app.address))
            .insert_header(("Cookie", s.cookie.clone()))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "nobody is signed in");
    }
    // A bad token is refused with the verifier's reason, in the page's language.
    let (status, location, _) = post_form(
        &app,
        &s,
        "/console/sign-in",
        &format!("csrf={}&token=not-a-token", s.csrf),
    )
    .await;
    assert_eq!((status, location.as_str()), (303, "/console/sign-in"));
    // Signed in, a decision without the token is refused before anything is read.
    let akimat = sign_in(&app, &token).await;
    let (status, _, _) = post_form(
        &app,
        &akimat,
        "/console/permits/1/decision",
        "decision=approve",
    )
    .await;
    assert_eq!(status, 403);
    // Signing out ends the session: the old cookie no longer signs anyone in.
    let (status, _, _) = post_form(
        &app,
        &akimat,
        "/console/sign-out",
        &format!("csrf={}", akimat.csrf),
    )
    .await;
    assert_eq!(status, 303);
    let res = http()
        .get(format!("{}/console/queue", app.address))
        .insert_header(("Cookie", akimat.cookie.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "the old cookie opens nothing");
    assert_eq!(
        res.headers().get("location").unwrap().to_str().unwrap(),
        "/console/sign-in"
    );
    // Nobody signed in: every page sends the browser to the sign-in page.
    let nobody = Session {
        cookie: String::new(),
        csrf: String::new(),
    };
    let res = http()
        .get(format!("{}/console/queue", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers().get("location").unwrap().to_str().unwrap(),
        "/console/sign-in"
    );
    let (status, _) = page(&app, &nobody, "/console/no-such-page").await;
    assert_eq!(status, 404);
    let res = http()
        .get(format!("{}/console", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 307);
    assert_eq!(
        res.headers().get("location").unwrap().to_str().unwrap(),
        "/console/"
    );
}

#[actix_web::test]
async fn every_role_sees_exactly_the_console_pages_its_api_calls_allow() {
    let app = spawn_app().await;
    quota(&app, &[("KZ-75", "3", 10)]).await;
    let pages = [
        "/console/queue",
        "/console/overdue",
        "/console/ict",
        "/console/quota",
        "/console/transfers",
        "/console/demand",
        "/console/rules",
        "/console/complaints",
    ];
    //                 queue overdue ict quota transfers demand rules complaints
    let table: [(&str, String, [u16; 8]); 4] = [
        (
            "ministry",
            app.ministry(),
            [200, 200, 200, 200, 200, 200, 200, 200],
        ),
        (
            "akimat",
            app.akimat("KZ-75"),
            [200, 200, 200, 403, 200, 403, 200, 200],
        ),
        (
            "employer",
            app.employer(BIN_A),
            [403, 403, 403, 403, 403, 403, 403, 403],
        ),
        (
            "auditor",
            app.auditor(),
            [200, 200, 200, 200, 200, 200, 200, 200],
        ),
    ];
    for (role, token, expected) in table {
        let s = sign_in(&app, &token).await;
        for (path, want) in pages.iter().zip(expected) {
            let (status, html) = page(&app, &s, path).await;
            assert_eq!(status, want, "{role} {path}: {html}");
            // The navigation offers exactly the pages the role may open.
            let (_, home) = page(&app, &s, "/console/").await;
            assert_eq!(
                home.contains(&format!("<a href=\"{path}\"")),
                want == 200,
                "{role}'s navigation and {path}"
            );
        }
    }
    // The page's language: Accept-Language, until the reader picks one.
    let s = sign_in(&app, &app.akimat("KZ-75")).await;
    let res = http()
        .get(format!("{}/console/queue", app.address))
        .insert_header(("Cookie", s.cookie.clone()))
        .insert_header(("Accept-Language", "ru"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (status, location, _) = post_form(
        &app,
        &s,
        "/console/language",
        &format!("csrf={}&lang=kk&back=/console/queue", s.csrf),
    )
    .await;
    assert_eq!((status, location.as_str()), (303, "/console/queue"));
    // Never a redirect out of the console.
    let (_, location, _) = post_form(
        &app,
        &s,
        "/console/language",
        &format!("csrf={}&lang=kk&back=//evil.example/", s.csrf),
    )
    .await;
    assert_eq!(location, "/console/");
}

/// Chromium and chromedriver, or `None` (with a loud message) when they are missing and
/// `CI_REQUIRE_BROWSER` is not set; `.ci/run` sets it, so CI fails instead of skipping.
pub(crate) fn browser() -> Option<(PathBuf, PathBuf)> {
    let chromium =
        PathBuf::from(std::env::var("CHROMIUM_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into()));
    let driver = PathBuf::from(
        std::env::var("CHROMEDRIVER_BIN").unwrap_or_else(|_| "/usr/bin/chromedriver".into()),
    );
    if chromium.exists() && driver.exists() {
        return Some((chromium, driver));
    }
    let why = format!(
        "{} or {} is missing (apt-get install chromium chromium-driver)",
        chromium.display(),
        driver.display()
    );
    if std::env::var_os("CI_REQUIRE_BROWSER").is_some() {
        panic!("the browser tests are required: {why}");
    }
    eprintln!("\n!!!!!!!! BROWSER TESTS SKIPPED: {why} !!!!!!!!\n");
    None
}

/// chromedriver on a free loopback port, stopped when dropped.
pub(crate) struct Driver {
    child: Child,
    url: String,
    profile: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

pub(crate) async fn driver(path: &Path) -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let profile = std::env::temp_dir().join(format!("permits-chromium-{}", uuid::Uuid::new_v4()));
    let d = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
        profile,
    };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return d;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not listen on port {port}");
}

/// A fresh headless Chromium with its own profile.
pub(crate) async fn chromium(d: &Driver, binary: &Path, n: u32) -> Client {
    let caps = json!({
        "goog:chromeOptions": {
            "binary": binary,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000",
                format!("--user-data-dir={}-{n}", d.profile.display()),
            ]
        }
    });
    let Value::Object(caps) = caps else {
        unreachable!()
    };
    ClientBuilder::native()
        .capabilities(caps)
        .connect(&d.url)
        .await
        .expect("a WebDriver session")
}

/// Saves a screenshot of the page as `target/screenshots/<database>-<name>.png`.
pub(crate) async fn shot(c: &Client, app: &TestApp, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let db = if app.db.is_postgres() {
        "postgres"
    } else {
        "sqlite"
    };
    let png = c.screenshot().await.expect("a screenshot");
    std::fs::write(dir.join(format!("{db}-{name}.png")), png).unwrap();
}

pub(crate) async fn attr(c: &Client, css: &str, name: &str) -> String {
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .attr(name)
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Waits until `css`'s attribute `name` is `expected` (the page after a form's redirect
/// may take a moment to replace the one the form was on).
pub(crate) async fn attr_becomes(c: &Client, css: &str, name: &str, expected: &str) {
    let mut last = None;
    for _ in 0..100 {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            if let Ok(v) = e.attr(name).await {
                if v.as_deref() == Some(expected) {
                    return;
                }
                last = v;
            }
        }
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("{css} {name} stayed {last:?}, not {expected}");
}

pub(crate) async fn text(c: &Client, css: &str) -> String {
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .text()
        .await
        .unwrap()
}

pub(crate) async fn click(c: &Client, css: &str) {
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Signs in through the browser's form with a development token.
pub(crate) async fn browser_sign_in(c: &Client, app: &TestApp, token: &str) {
    c.goto(&format!("{}/console/", app.address)).await.unwrap();
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Id("token"))
        .await
        .unwrap()
        .send_keys(token)
        .await
        .unwrap();
    click(c, "#sign-in").await;
    text(c, "#user").await;
}

#[actix_web::test]
async fn console_journeys_in_headless_chromium() {
    let Some((chromium_bin, driver_bin)) = browser() else {
        return;
    };
    let _turn = heavy().await;
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10)]).await;
    profile(&app, BIN_A).await;
    let filed = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("YILMAZ AHMET", "TUR", "U10000001")],
        ))
        .await;
    let id = filed.ok(201)["id"].as_i64().unwrap();
    let d = driver(&driver_bin).await;

    // An akimat official of Atyrau region: sign in, the queue, the case, approve.
    let c = chromium(&d, &chromium_bin, 1).await;
    c.goto(&format!("{}/console/", app.address)).await.unwrap();
    shot(&c, &app, "01-sign-in").await;
    browser_sign_in(&c, &app, &app.akimat("KZ-23")).await;
    // The region by its name (issue 21): the browser reads English.
    assert!(text(&c, "#user").await.contains("Atyrau Region"));
    // The session cookie is Secure, and Chromium keeps it on http://127.0.0.1.
    let cookie = c.get_named_cookie("permits-console").await.unwrap();
    assert_eq!(cookie.secure(), Some(true));
    assert_eq!(cookie.http_only(), Some(true));
    assert_eq!(
        cookie.same_site().map(|s| s.to_string()).as_deref(),
        Some("Lax")
    );
    shot(&c, &app, "02-home-akimat").await;
    click(&c, "nav a[href='/console/queue']").await;
    click(&c, &format!("#case-{id}")).await;
    assert_eq!(attr(&c, "#status", "data-status").await, "applied");
    assert!(text(&c, "#checks").await.contains("Art. 33"));
    assert!(text(&c, "#quota-left").await.contains("Atyrau Region"));
    shot(&c, &app, "04-case").await;
    c.goto(&format!("{}/console/queue", app.address))
        .await
        .unwrap();
    shot(&c, &app, "03-queue").await;
    c.goto(&format!("{}/console/permits/{id}", app.address))
        .await
        .unwrap();
    click(&c, "#approve").await;
    attr_becomes(&c, "#status", "data-status", "awaiting_payment").await;
    assert!(attr(&c, "#flash", "class").await.contains("ok"));
    shot(&c, &app, "05-approved").await;

    // The employer pays the fee the API states; the official sees the permit active.
    let view = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    let due = view.ok(200)["regions"][0]["fee"]["due_today"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post(&format!("/v1/permits/{id}/payments"))
        .token(&app.employer(BIN_A))
        .json(&json!({"region": "KZ-23", "amount": due, "paid_on": "2025-12-15", "reference": "PP-1"}))
        .await
        .ok(201);
    c.refresh().await.unwrap();
    attr_becomes(&c, "#status", "data-status", "active").await;
    shot(&c, &app, "06-active").await;
    // In Kazakh, chosen by the official.
    click(&c, "#lang-kk").await;
    attr_becomes(&c, "html", "lang", "kk").await;
    assert_eq!(attr(&c, "#status", "data-status").await, "active");
    shot(&c, &app, "07-active-kk").await;
    click(&c, "#lang-en").await;
    attr_becomes(&c, "html", "lang", "en").await;
    for (path, name) in [("overdue", "08-overdue"), ("ict", "09-ict")] {
        c.goto(&format!("{}/console/{path}", app.address))
            .await
            .unwrap();
        text(&c, "h1").await;
        shot(&c, &app, name).await;
    }
    click(&c, "#sign-out").await;
    text(&c, "#sign-in").await;
    c.close().await.unwrap();

    // An employer is refused the officials' pages.
    let c = chromium(&d, &chromium_bin, 2).await;
    browser_sign_in(&c, &app, &app.employer(BIN_A)).await;
    text(&c, "#not-official").await;
    for path in ["queue", "overdue", "ict", "quota"] {
        c.goto(&format!("{}/console/{path}", app.address))
            .await
            .unwrap();
        attr_becomes(&c, "#error", "data-status", "403").await;
    }
    shot(&c, &app, "10-employer-refused").await;
    c.close().await.unwrap();

    // The ministry's pages: the quota with its chart, transfers, demand, the rule set.
    let c = chromium(&d, &chromium_bin, 3).await;
    browser_sign_in(&c, &app, &app.ministry()).await;
    for (path, name) in [
        ("quota?year=2026", "11-quota"),
        ("transfers?year=2026", "12-transfers"),
        ("demand?year=2026", "13-demand"),
        ("rules", "14-rules"),
    ] {
        c.goto(&format!("{}/console/{path}", app.address))
            .await
            .unwrap();
        text(&c, "h1").await;
        shot(&c, &app, name).await;
    }
    c.goto(&format!("{}/console/quota?year=2026", app.address))
        .await
        .unwrap();
    assert!(text(&c, "#regions").await.contains("Atyrau Region"));
    c.find(Locator::Css("#chart svg")).await.unwrap();
    c.close().await.unwrap();

    // Anyone, signed in or not, verifies the permit at the address its QR code carries.
    let number = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let c = chromium(&d, &chromium_bin, 4).await;
    c.goto(&format!("{}/console/verify/{number}", app.address))
        .await
        .unwrap();
    // Before its first day (2026-01-15) it is issued but not yet valid.
    assert_eq!(attr(&c, "#verdict", "data-valid").await, "false");
    app.set_today("2026-02-01T04:00:00Z");
    c.goto(&format!("{}/console/verify/{number}", app.address))
        .await
        .unwrap();
    assert_eq!(attr(&c, "#verdict", "data-valid").await, "true");
    assert_eq!(text(&c, "#permit-number").await, number);
    assert!(!c.source().await.unwrap().contains("YILMAZ"));
    shot(&c, &app, "15-verified").await;
    // A wrong number typed into the form: not found, as for any unknown number.
    c.find(Locator::Css("#number"))
        .await
        .unwrap()
        .clear()
        .await
        .unwrap();
    c.find(Locator::Css("#number"))
        .await
        .unwrap()
        .send_keys("KZ-2026-0000-0000-0000")
        .await
        .unwrap();
    click(&c, "#verify").await;
    // A number no permit has: the form again, the number kept, the sentence beside it.
    text(&c, "#unknown-number").await;
    attr_becomes(&c, "#number", "aria-invalid", "true").await;
    shot(&c, &app, "16-verify-unknown").await;
    c.close().await.unwrap();
}

/// The OpenID provider's directory with its packages installed (`npm ci` on first use),
/// or `None` (with a loud message) when Node.js is missing and `CI_REQUIRE_BROWSER` is not
/// set.
pub(crate) fn oidc_provider() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
    let node = Command::new("node").arg("--version").output();
    if node.is_err() {
        let why = "node (Node.js) is missing";
        if std::env::var_os("CI_REQUIRE_BROWSER").is_some() {
            panic!("the OpenID Connect test is required: {why}");
        }
        eprintln!("\n!!!!!!!! OPENID CONNECT TEST SKIPPED: {why} !!!!!!!!\n");
        return None;
    }
    // One installer at a time: tests on both databases may start together.
    static NPM: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = NPM.lock().unwrap_or_else(|e| e.into_inner());
    if !dir.join("node_modules/oidc-provider").exists()
        || !dir.join("node_modules/axe-core").exists()
    {
        let ok = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .status()
            .expect("npm runs");
        assert!(ok.success(), "npm ci in tests/oidc failed");
    }
    Some(dir)
}

/// The provider, stopped when dropped.
pub(crate) struct Provider(pub(crate) Child);

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Signs in at the provider through the browser: the console's button, the provider's
/// login form (any password) and its consent form, back to the console.
pub(crate) async fn oidc_sign_in(c: &Client, app: &TestApp, login: &str) {
    c.goto(&format!("{}/console/sign-in", app.address))
        .await
        .unwrap();
    click(c, "#oidc").await;
    let field = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("input[name=login]"))
        .await;
    let Ok(field) = field else {
        let url = c.current_url().await.unwrap();
        let page = c.source().await.unwrap();
        panic!("no login form of the provider at {url}: {page}");
    };
    field.send_keys(login).await.unwrap();
    c.find(Locator::Css("input[name=password]"))
        .await
        .unwrap()
        .send_keys("any password")
        .await
        .unwrap();
    click(c, "button.login-submit").await;
    // The consent form, then back to the console.
    attr_becomes(c, "input[name=prompt]", "value", "consent").await;
    click(c, "button.login-submit").await;
}

#[actix_web::test]
async fn openid_connect_sign_in_at_a_real_provider_makes_the_same_caller_as_a_token() {
    let Some((chromium_bin, driver_bin)) = browser() else {
        return;
    };
    let Some(dir) = oidc_provider() else {
        return;
    };
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
    let d = driver(&driver_bin).await;

    // An akimat official of Atyrau region: the ID token's claims make the caller.
    let c = chromium(&d, &chromium_bin, 1).await;
    oidc_sign_in(&c, &app, "akimat-kz23").await;
    let who = text(&c, "#user").await;
    assert!(
        who.contains("Atyrau Region") && who.contains("Айгүл Сәрсенбаева"),
        "{who}"
    );
    c.goto(&format!("{}/console/queue", app.address))
        .await
        .unwrap();
    text(&c, "#queue-empty").await;
    shot(&c, &app, "20-oidc-akimat-queue").await;
    c.close().await.unwrap();

    // An employer from the provider is refused the officials' pages like a token's.
    let c = chromium(&d, &chromium_bin, 2).await;
    oidc_sign_in(&c, &app, "employer-a").await;
    text(&c, "#not-official").await;
    c.goto(&format!("{}/console/queue", app.address))
        .await
        .unwrap();
    attr_becomes(&c, "#error", "data-status", "403").await;
    c.close().await.unwrap();

    // A region the service does not know is refused, as in a bearer token.
    let c = chromium(&d, &chromium_bin, 3).await;
    oidc_sign_in(&c, &app, "akimat-nowhere").await;
    attr_becomes(&c, "#error", "data-status", "401").await;
    shot(&c, &app, "21-oidc-unknown-region").await;
    c.close().await.unwrap();
    drop(provider);
}

/// The permit as the API shows it to the employer.
pub(crate) async fn permit(app: &TestApp, id: i64) -> Value {
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone()
}

/// Posts one of the case page's forms with the version the API shows, and returns the
/// note the case page then shows.
pub(crate) async fn act(
    app: &TestApp,
    s: &mut Session,
    id: i64,
    action: &str,
    fields: &str,
) -> String {
    let version = permit(app, id).await["version"].as_i64().unwrap();
    let form = format!("csrf={}&version={version}&{fields}", s.csrf);
    let path = format!("/console/permits/{id}/{action}");
    let (status, location, cookie) = post_form(app, s, &path, &form).await;
    assert_eq!((status, location), (303, format!("/console/permits/{id}")));
    // The session lives in the cookie: the browser keeps the latest one it was sent.
    s.cookie = cookie.expect("the note is kept in the session");
    let (status, html, cookie) = page_and_cookie(app, s, &format!("/console/permits/{id}")).await;
    if let Some(c) = cookie {
        s.cookie = c;
    }
    assert_eq!(status, 200);
    regex::Regex::new(r#"<p id="flash" class="(ok|refused)">([^<]*)</p>"#)
        .unwrap()
        .captures(&html)
        .map(|c| format!("{}: {}", &c[1], &c[2]))
        .unwrap_or_else(|| panic!("no note on the case page: {html}"))
}

#[actix_web::test]
async fn an_official_refuses_approves_suspends_resumes_and_revokes_through_the_forms() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10)]).await;
    profile(&app, BIN_A).await;
    let mut ids = Vec::new();
    for passport in ["U20000001", "U20000002"] {
        let r = app
            .post("/v1/permit-applications")
            .token(&app.employer(BIN_A))
            .json(&application(
                &["KZ-23"],
                vec![worker("YILMAZ AHMET", "TUR", passport)],
            ))
            .await;
        ids.push(r.ok(201)["id"].as_i64().unwrap());
    }
    let rules = app
        .get("/v1/rule-sets/current")
        .token(&app.ministry())
        .send()
        .await;
    let grounds = &rules.ok(200)["rules"]["permit_grounds"];
    let refusal = grounds["refusal"][0]["code"].as_str().unwrap().to_owned();
    let revocation = grounds["revocation"][0]["code"]
        .as_str()
        .unwrap()
        .to_owned();
    // The employer's own case is not shown in the officials' console.
    let e = sign_in(&app, &app.employer(BIN_A)).await;
    assert_eq!(
        page(&app, &e, &format!("/console/permits/{}", ids[0]))
            .await
            .0,
        403
    );
    let mut s = sign_in(&app, &app.akimat("KZ-23")).await;

    // A refusal names its grounds; a refusal without one is refused with the API's reason.
    let note = act(&app, &mut s, ids[1], "decision", "decision=refuse").await;
    assert!(note.starts_with("refused: "), "{note}");
    assert_eq!(permit(&app, ids[1]).await["status"], "applied");
    let note = act(
        &app,
        &mut s,
        ids[1],
        "decision",
        &format!("decision=refuse&ground={refusal}&confirmed=yes"),
    )
    .await;
    assert!(note.starts_with("ok: "), "{note}");
    let p = permit(&app, ids[1]).await;
    assert_eq!(p["status"], "refused");
    assert_eq!(p["regions"][0]["grounds"][0]["code"], refusal.as_str());

    // A page read before a change does not decide blind: 412, nothing changes.
    let form = format!("csrf={}&version=99&decision=approve", s.csrf);
    let path = format!("/console/permits/{}/decision", ids[0]);
    let (_, _, cookie) = post_form(&app, &s, &path, &form).await;
    s.cookie = cookie.expect("the note is kept in the session");
    let (_, html, cookie) =
        page_and_cookie(&app, &s, &format!("/console/permits/{}", ids[0])).await;
    s.cookie = cookie.expect("the note is shown once");
    assert!(
        html.contains(r#"<p id="flash" class="refused">412 "#)
            || html.contains(r#"<p id="flash" class="refused">"#),
        "{html}"
    );
    assert_eq!(permit(&app, ids[0]).await["status"], "applied");

    // Approve; the employer pays; suspend, resume, revoke, each through the API's command.
    let note = act(&app, &mut s, ids[0], "decision", "decision=approve").await;
    assert!(note.starts_with("ok: "), "{note}");
    let due = permit(&app, ids[0]).await["regions"][0]["fee"]["due_today"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post(&format!("/v1/permits/{}/payments", ids[0]))
        .token(&app.employer(BIN_A))
        .json(&json!({"region": "KZ-23", "amount": due, "paid_on": "2025-12-15", "reference": "PP-2"}))
        .await
        .ok(201);
    act(
        &app,
        &mut s,
        ids[0],
        "suspension",
        "reason=inspection+pending",
    )
    .await;
    let p = permit(&app, ids[0]).await;
    assert_eq!(
        (p["status"].as_str(), p["suspension_reason"].as_str()),
        (Some("suspended"), Some("inspection pending"))
    );
    act(&app, &mut s, ids[0], "resumption", "").await;
    assert_eq!(permit(&app, ids[0]).await["status"], "active");
    act(
        &app,
        &mut s,
        ids[0],
        "revocation",
        &format!("ground={revocation}&note=found&confirmed=yes"),
    )
    .await;
    let p = permit(&app, ids[0]).await;
    assert_eq!(p["status"], "revoked");
    assert_eq!(p["end_ground"]["code"], revocation.as_str());
    // The history the case page shows is the API's.
    let (_, html) = page(&app, &s, &format!("/console/permits/{}", ids[0])).await;
    for action in [
        "permit.approved",
        "permit.suspended",
        "permit.resumed",
        "permit.revoked",
    ] {
        assert!(html.contains(action), "{action} missing from the history");
    }
}

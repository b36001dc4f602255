//! Every word of the console in the reader's language, and Kazakhstan's formats (issue 21,
//! items 3 and 4): every page, as each role that sees it, with data on it — a case with
//! its whole history and a revocation, a case awaiting decision, an ICT permit, the quota,
//! the rule set, a parser's error — read in Kazakh and Russian shows no run of Latin letters
//! but the names, numbers and codes the test itself typed (BINs, permit and passport
//! numbers, Latin names) and the short list of exceptions below. Screenshots of every page
//! in Kazakh, Russian and English go to `target/screenshots/`.

use crate::console::{
    browser, browser_sign_in, chromium, click, driver, http, post_form, shot, sign_in, text,
    Session,
};
use crate::helpers::*;
use crate::permits::{application, profile, quota, worker};
use serde_json::{json, Value};

/// Latin text a Kazakh or Russian page may show, each with the reason.
const EXCEPTIONS: &[(&str, &str)] = &[
    (
        "cargo run -- token --role akimat --region KZ-75",
        "the command an operator types to mint a development token (the sign-in page, only \
         where development sign-in is on)",
    ),
    (
        "(PDF)",
        "the file format of the permit's document, named as Kazakh and Russian texts name it",
    ),
    (
        "adilet.zan.kz K2000000350",
        "the address and number of the APPK in the state register of legal acts, which the \
         rule set's source cites (rules page)",
    ),
    (
        "adilet.zan.kz P2300001041",
        "the address and number of Government Decree No. 1041 in the state register of \
         legal acts (rules page)",
    ),
    (
        "docs/LAW.md",
        "the project's file of the law's texts, which the rule set's source cites",
    ),
    (
        "B и G",
        "OKED section letters, codes an employer types (rules page, in Russian)",
    ),
    (
        "B және G",
        "OKED section letters, codes an employer types (rules page, in Kazakh)",
    ),
];

/// An act's number as the register writes it: digits, a hyphen and the Roman numeral of
/// the Parliament's convocation (`482-V`, `267-XIII`) — a name in every language.
const ACT_NUMBER: &str = r"\b\d+-[IVXL]+\b";

/// The page's visible text: its title and body without tags; the parts marked as another
/// language (`lang="en"`: the language switch's own names, a certificate's profession as
/// the employer wrote it) and `<code>` (identifiers an API client sends) left out;
/// entities as spaces. On the rules page only the language switch is left out: the rule
/// set gives its sources and lists in Kazakh and Russian.
fn visible_text(html: &str, lang: &str, path: &str) -> String {
    let mut t = html.to_owned();
    let marked: &[&str] = if path.starts_with("/console/rules") {
        &["button"]
    } else {
        &["span", "button"]
    };
    for element in marked {
        let re = regex::Regex::new(&format!(
            r#"(?s)<{element}\b[^>]*\blang="([a-z]+)"[^>]*>.*?</{element}>"#
        ))
        .unwrap();
        t = re
            .replace_all(&t, |c: &regex::Captures<'_>| {
                if &c[1] == lang {
                    c[0].to_owned()
                } else {
                    " ".to_owned()
                }
            })
            .into_owned();
    }
    for re in [
        r"(?s)<code>.*?</code>",
        r"(?s)<style\b.*?</style>",
        r"(?s)<[^>]*>",
        r"&#?\w+;",
    ] {
        t = regex::Regex::new(re)
            .unwrap()
            .replace_all(&t, " ")
            .into_owned();
    }
    t
}

/// The runs of Latin letters in `text` once every value in `typed` and every exception is
/// taken out, each with a little of the text around it.
fn latin_runs(text: &str, typed: &[String]) -> Vec<String> {
    let mut t = text.to_owned();
    let mut allowed: Vec<&str> = typed.iter().map(String::as_str).collect();
    allowed.extend(EXCEPTIONS.iter().map(|(e, _)| *e));
    allowed.sort_by_key(|a| std::cmp::Reverse(a.len()));
    for a in allowed {
        t = t.replace(a, " ");
    }
    let t = regex::Regex::new(ACT_NUMBER)
        .unwrap()
        .replace_all(&t, " ")
        .into_owned();
    let chars: Vec<char> = t.chars().collect();
    regex::Regex::new(r"[A-Za-z]+")
        .unwrap()
        .find_iter(&t)
        .map(|m| {
            let at = t[..m.start()].chars().count();
            let from = at.saturating_sub(40);
            let to = (at + 40).min(chars.len());
            let around: String = chars[from..to].iter().collect();
            format!(
                "{:?} in «{}»",
                m.as_str(),
                around.split_whitespace().collect::<Vec<_>>().join(" ")
            )
        })
        .collect()
}

/// A page in `lang` (the console's language cookie beside the session's).
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

/// A worker whose free texts (profession, education, qualification) are written in
/// Russian, as an employer in Kazakhstan writes them.
fn worker_ru(name: &str, passport: &str) -> Value {
    let mut w = worker(name, "TUR", passport);
    w["education"] = json!("высшее");
    w["profession"] = json!("Инженер-буровик");
    w["qualification_ref"] = json!("Профессиональный стандарт «Бурение», 6 уровень");
    w
}

/// What the walk puts on the pages: a revoked permit with its whole history, an
/// application awaiting decision, an ICT permit in Almaty; and the values the test typed.
pub(crate) struct Walk {
    pub(crate) revoked: i64,
    pub(crate) complaint: i64,
    pub(crate) pending: i64,
    /// A self-employment certificate applied for in Almaty, and the ICT permit there.
    pub(crate) certificate: i64,
    pub(crate) ict: i64,
    pub(crate) number: String,
    typed: Vec<String>,
}

pub(crate) async fn cases(app: &TestApp) -> Walk {
    // A quota demand for 2026 in Almaty, filed in its window (issue 21, item 6).
    app.set_today("2025-08-15T04:00:00Z");
    app.post("/v1/quota-demands")
        .token(&app.employer(BIN_A))
        .json(&json!({"year": 2026, "region": "KZ-75", "category": "3",
            "profession": "Инженер-буровик", "number": 12,
            "justification": "Нет местных кандидатов после 15 дней на бирже труда"}))
        .await
        .ok(201);
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 10)]).await;
    profile(app, BIN_A).await;
    let mut ids = Vec::new();
    for passport in ["U30000001", "U30000002"] {
        let mut a = application(&["KZ-23"], vec![worker_ru("YILMAZ AHMET", passport)]);
        a["profession"] = json!("Инженер-буровик");
        a["vacancy_code"] = json!("ELX-2025-000123");
        let r = app
            .post("/v1/permit-applications")
            .token(&app.employer(BIN_A))
            .json(&a)
            .await;
        ids.push(r.ok(201)["id"].as_i64().unwrap());
    }
    let (revoked, pending) = (ids[0], ids[1]);
    let mut s = sign_in(app, &app.akimat("KZ-23")).await;
    let path = format!("/console/permits/{revoked}/decision");
    let form = format!("csrf={}&decision=approve", s.csrf);
    let (status, _, cookie) = post_form(app, &s, &path, &form).await;
    assert_eq!(status, 303);
    s.cookie = cookie.unwrap_or(s.cookie);
    let view = app
        .get(&format!("/v1/permits/{revoked}"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    let due = view.ok(200)["regions"][0]["fee"]["due_today"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post(&format!("/v1/permits/{revoked}/payments"))
        .token(&app.employer(BIN_A))
        .json(&json!({"region": "KZ-23", "amount": due, "paid_on": "2025-12-15", "reference": "ПП-1"}))
        .await
        .ok(201);
    let rules = app
        .get("/v1/rule-sets/current")
        .token(&app.ministry())
        .send()
        .await;
    let ground = rules.ok(200)["rules"]["permit_grounds"]["revocation"][0]["code"]
        .as_str()
        .unwrap()
        .to_owned();
    for (action, fields) in [
        ("suspension", "reason=проверка+документов".to_owned()),
        ("resumption", String::new()),
        (
            "revocation",
            format!("ground={ground}&note=выявлено&confirmed=yes"),
        ),
    ] {
        let version = app
            .get(&format!("/v1/permits/{revoked}"))
            .token(&app.employer(BIN_A))
            .send()
            .await
            .ok(200)["version"]
            .as_i64()
            .unwrap();
        let form = format!("csrf={}&version={version}&{fields}", s.csrf);
        let path = format!("/console/permits/{revoked}/{action}");
        let (status, _, cookie) = post_form(app, &s, &path, &form).await;
        assert_eq!(status, 303, "{action}");
        s.cookie = cookie.unwrap_or(s.cookie);
    }
    let p = app
        .get(&format!("/v1/permits/{revoked}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone();
    assert_eq!(p["status"], "revoked");
    // The employer contests the revocation: the complaint pages have one to show.
    let complaint = app
        .post("/v1/complaints")
        .token(&app.employer(BIN_A))
        .json(&json!({
            "permit_id": revoked, "act": "revocation", "relief": "annul",
            "grounds": "Договор зарегистрирован в срок.",
            "references": ["Договор № 7 от 10.12.2025"]
        }))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    let number = p["number"].as_str().unwrap().to_owned();
    let ict = crate::ict::issued(app).await;
    let certificate = app
        .post("/v1/self-employment-certificates")
        .token(&app.akimat("KZ-75"))
        .json(&crate::certificates::application("KZ-75"))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    let mut typed: Vec<String> = [
        // The employer's name as its profile gives it, its BIN, and the officials'
        // sign-in subjects (the identity provider's user ids).
        "Caspian Drilling LLP",
        BIN_A,
        "akimat-KZ-23",
        "akimat-KZ-75",
        "ministry-hq",
        "auditor-hq",
        "employer-210340000013",
        "employer-210341000019",
        // The worker's Latin name and passport, citizenship as the passport prints it
        // (ISO 3166-1 alpha-3), the vacancy code.
        "YILMAZ AHMET",
        "U30000001",
        "U30000002",
        "TUR",
        "ELX-2025-000123",
        // The ministry's order number as it typed it.
        "Order No. 412",
        // What the test types into the year of the quota page.
        "abc",
        // The number no permit has, typed into public verification (shown back in its form).
        "KZ-2026-0000-0000-0000",
    ]
    .map(str::to_owned)
    .to_vec();
    typed.push(number.clone());
    typed.push(crate::ict::BIN_BRANCH.to_owned());
    for w in ict["workers"].as_array().unwrap() {
        for field in ["full_name", "passport_number", "citizenship"] {
            typed.push(w[field].as_str().unwrap().to_owned());
        }
    }
    typed.push("Muster GmbH".to_owned());
    typed.push("DEU".to_owned());
    // The certificate's holder as the akimat typed them: Latin name, passport,
    // citizenship and the NKZ occupation code.
    // The ministry's country quota in the national quota it typed (ISO 3166-1 alpha-3).
    for v in [
        "Arjun Mehta",
        "ARJUN MEHTA",
        "Z1234567",
        "IND",
        "2512",
        "UZB",
    ] {
        typed.push(v.to_owned());
    }
    Walk {
        revoked,
        complaint,
        pending,
        certificate,
        ict: ict["id"].as_i64().unwrap(),
        number,
        typed,
    }
}

/// Every page as the roles that see it, with the data of [`cases`] on it.
fn pages(w: &Walk) -> Vec<(&'static str, String)> {
    vec![
        ("akimat-KZ-23", "/console/".to_owned()),
        ("akimat-KZ-23", "/console/queue".to_owned()),
        ("akimat-KZ-23", format!("/console/permits/{}", w.pending)),
        ("akimat-KZ-23", format!("/console/permits/{}", w.revoked)),
        ("akimat-KZ-23", "/console/overdue".to_owned()),
        ("akimat-KZ-23", "/console/complaints".to_owned()),
        (
            "akimat-KZ-23",
            format!("/console/complaints/{}", w.complaint),
        ),
        ("akimat-KZ-23", "/console/complaints/abc".to_owned()),
        (
            "akimat-KZ-75",
            format!("/console/complaints/{}", w.complaint),
        ),
        ("ministry", "/console/complaints".to_owned()),
        ("ministry", format!("/console/complaints/{}", w.complaint)),
        ("auditor", "/console/complaints".to_owned()),
        ("employer", "/console/complaints".to_owned()),
        ("akimat-KZ-75", "/console/ict".to_owned()),
        ("akimat-KZ-23", "/console/no-such-page".to_owned()),
        ("akimat-KZ-23", "/console/permits/abc".to_owned()),
        ("akimat-KZ-23", "/console/permits/999999".to_owned()),
        ("ministry", "/console/quota?year=2026".to_owned()),
        ("ministry", "/console/quota?year=2026&category=3".to_owned()),
        ("ministry", "/console/quota?year=abc".to_owned()),
        ("ministry", "/console/transfers?year=2026".to_owned()),
        ("ministry", "/console/demand?year=2026".to_owned()),
        ("ministry", "/console/rules".to_owned()),
        ("ministry", format!("/console/permits/{}", w.revoked)),
        ("ministry", "/console/ict".to_owned()),
        // The other cases (issue 21, item 6): certificates, ICT permits, a region.
        ("akimat-KZ-75", "/console/certificates".to_owned()),
        (
            "akimat-KZ-75",
            format!("/console/certificates/{}", w.certificate),
        ),
        ("akimat-KZ-75", "/console/ict-permits".to_owned()),
        ("akimat-KZ-75", format!("/console/ict-permits/{}", w.ict)),
        ("akimat-KZ-75", "/console/region?year=2026".to_owned()),
        ("ministry", "/console/region?year=2026".to_owned()),
        (
            "ministry",
            "/console/region?year=2026&region=KZ-75".to_owned(),
        ),
        ("ministry", "/console/certificates".to_owned()),
        ("ministry", "/console/ict-permits".to_owned()),
        ("ministry", "/console/certificates?region=XX".to_owned()),
        ("auditor", "/console/overdue".to_owned()),
        ("auditor", format!("/console/permits/{}", w.revoked)),
        ("employer", "/console/queue".to_owned()),
        ("nobody", "/console/sign-in".to_owned()),
        ("nobody", format!("/console/verify/{}", w.number)),
        (
            "nobody",
            "/console/verify/KZ-2026-0000-0000-0000".to_owned(),
        ),
    ]
}

async fn session_of(app: &TestApp, who: &str) -> Session {
    let token = match who {
        "akimat-KZ-23" => app.akimat("KZ-23"),
        "akimat-KZ-75" => app.akimat("KZ-75"),
        "ministry" => app.ministry(),
        "auditor" => app.auditor(),
        "employer" => app.employer(BIN_A),
        _ => {
            return Session {
                cookie: String::new(),
                csrf: String::new(),
            }
        }
    };
    sign_in(app, &token).await
}

#[actix_web::test]
async fn every_console_page_reads_in_kazakh_and_russian_with_no_latin_but_names_and_codes() {
    let app = spawn_app().await;
    let w = cases(&app).await;
    let mut found = Vec::new();
    for (who, path) in pages(&w) {
        let s = session_of(&app, who).await;
        for lang in ["kk", "ru"] {
            let (status, html) = page_in(&app, &s, lang, &path).await;
            assert!(
                [200, 400, 403, 404].contains(&status),
                "{who} {path} {lang}: {status}"
            );
            assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{path}");
            for run in latin_runs(&visible_text(&html, lang, &path), &w.typed) {
                found.push(format!("{who} {path} [{lang}]: {run}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "Latin text on Kazakh and Russian pages:\n{}",
        found.join("\n")
    );
}

#[actix_web::test]
async fn the_case_page_shows_kazakhstan_dates_times_money_articles_names_and_words() {
    let app = spawn_app().await;
    let w = cases(&app).await;
    let s = session_of(&app, "akimat-KZ-23").await;
    let (_, ru) = page_in(&app, &s, "ru", &format!("/console/permits/{}", w.revoked)).await;
    let ru = ru.replace('\u{a0}', " ");
    // Dates and times: 15.01.2026, Kazakhstan time to the minute (04:00 UTC is 09:00).
    assert!(ru.contains("15.01.2026"), "{ru}");
    assert!(ru.contains("15.12.2025 09:00"), "{ru}");
    assert!(!ru.contains("UTC"), "{ru}");
    // Money with grouped thousands and a decimal comma; the rate in МРП.
    let money = regex::Regex::new(r"\d{1,3}( \d{3})*,\d{2} ₸").unwrap();
    assert!(money.is_match(&ru), "{ru}");
    assert!(ru.contains("МРП ×"), "{ru}");
    // Articles as Russian writes them; the region and employer by name, the BIN beside.
    assert!(ru.contains("ст. 33 п. 2"), "{ru}");
    assert!(!ru.contains("Art. 33"), "{ru}");
    assert!(ru.contains("Атырауская область"), "{ru}");
    assert!(
        ru.contains(&format!("Caspian Drilling LLP · {BIN_A}")),
        "{ru}"
    );
    // History actions and roles in words, the codes kept for machines.
    for (code, words) in [
        ("permit.approved", "одобрено регионом"),
        ("permit.revoked", "отозвано"),
        ("permit.suspended", "приостановлено"),
    ] {
        assert!(
            ru.contains(&format!("data-action=\"{code}\">{words}<")),
            "{code}"
        );
    }
    assert!(ru.contains("(Должностное лицо акимата)"), "{ru}");
    assert!(ru.contains("Квота региона"), "{ru}");
    let (_, kk) = page_in(&app, &s, "kk", &format!("/console/permits/{}", w.revoked)).await;
    assert!(kk.contains("33-баптың 2-тармағы"), "{kk}");
    assert!(kk.contains("АЕК ×"), "{kk}");
    let (_, en) = page_in(&app, &s, "en", &format!("/console/permits/{}", w.revoked)).await;
    assert!(en.contains("Art. 33(2)"), "{en}");
    assert!(en.contains("2025-12-15 09:00"), "{en}");
    assert!(en.contains("Atyrau Region"), "{en}");
}

#[actix_web::test]
async fn the_ministry_pages_group_thousands_write_percentages_and_read_the_rule_set_in_words() {
    let app = spawn_app().await;
    quota(&app, &[("KZ-23", "3", 10)]).await;
    let s = session_of(&app, "ministry").await;
    let (_, ru) = page_in(&app, &s, "ru", "/console/quota?year=2026").await;
    let ru = ru.replace('\u{a0}', " ");
    assert!(
        ru.contains("7 300 000 × 0,25 % = <strong>18 250</strong>"),
        "{ru}"
    );
    assert!(ru.contains("3: специалисты"), "{ru}");
    assert!(ru.contains("сезонные работники"), "{ru}");
    let (_, en) = page_in(&app, &s, "en", "/console/quota?year=2026").await;
    assert!(
        en.contains("7,300,000 × 0.25% = <strong>18,250</strong>"),
        "{en}"
    );
    // The rule set: sections and keys as words, values in the page's formats.
    let (_, rules) = page_in(&app, &s, "ru", "/console/rules").await;
    let rules = rules.replace('\u{a0}', " ");
    for words in [
        "Категории и сроки",
        "Месячный расчётный показатель",
        "срок решения о выдаче, рабочих дней",
        "Основания отказа и отзыва",
        "ст. 33 п. 2",
        "01.07.2023",
    ] {
        assert!(rules.contains(words), "{words} missing: {rules}");
    }
    assert!(!rules.contains("issue_decision_working_days"), "{rules}");
    // The ministry's texts in Russian from the rule set's words: sources with their
    // articles as Russian cites them, the seasonal professions, the holiday years' notes.
    for words in [
        "Закон № 482-V, ст. 33 п. 3",
        "Сборщик фруктов и овощей",
        "приказ Министра труда и социальной защиты населения от 30.06.2023 № 279",
        "Официальный производственный календарь на 2026 год",
    ] {
        assert!(rules.contains(words), "{words} missing: {rules}");
    }
    for english in [
        "Fruit and vegetable picker",
        "Law 482-V",
        "Order of the Minister",
    ] {
        assert!(!rules.contains(english), "{english}: {rules}");
    }
    let (_, kk) = page_in(&app, &s, "kk", "/console/rules").await;
    for words in ["482-V Заңның 33-бабының 3-тармағы", "Жеміс-көкөніс жинаушы"]
    {
        assert!(kk.contains(words), "{words} missing: {kk}");
    }
    assert!(!kk.contains("Fruit and vegetable picker"), "{kk}");
    let (_, en) = page_in(&app, &s, "en", "/console/rules").await;
    assert!(en.contains("Fruit and vegetable picker"), "{en}");
    assert!(!en.contains("Сборщик"), "{en}");
    // A holiday calendar's year reads as a year, not as a count grouped by thousands.
    assert!(
        !rules.contains("2 023") && !rules.contains("2 026"),
        "{rules}"
    );
    // A year that is no number: a sentence in the reader's language, no parser's English.
    let (status, ru) = page_in(&app, &s, "ru", "/console/quota?year=abc").await;
    assert_eq!(status, 400);
    assert!(ru.contains("год abc не является целым числом"), "{ru}");
    assert!(!ru.contains("invalid digit"), "{ru}");
    let (status, kk) = page_in(&app, &s, "kk", "/console/quota?year=2026&category=9").await;
    assert_eq!(status, 400);
    assert!(kk.contains("«9» санаты жоқ"), "{kk}");
}

/// Screenshots of every page in Kazakh, Russian and English
/// (`target/screenshots/<database>-words-<lang>-<page>.png`).
#[actix_web::test]
async fn screenshots_of_every_page_in_kazakh_russian_and_english() {
    let Some((chromium_bin, driver_bin)) = browser() else {
        return;
    };
    let _turn = heavy().await;
    let app = spawn_app().await;
    let w = cases(&app).await;
    let d = driver(&driver_bin).await;
    let mut n = 10;
    let groups: [(&str, Vec<(String, String)>); 3] = [
        (
            "akimat-KZ-23",
            vec![
                ("queue".into(), "/console/queue".into()),
                (
                    "case-pending".into(),
                    format!("/console/permits/{}", w.pending),
                ),
                (
                    "case-revoked".into(),
                    format!("/console/permits/{}", w.revoked),
                ),
                ("overdue".into(), "/console/overdue".into()),
            ],
        ),
        ("akimat-KZ-75", vec![("ict".into(), "/console/ict".into())]),
        (
            "ministry",
            vec![
                ("quota".into(), "/console/quota?year=2026".into()),
                ("transfers".into(), "/console/transfers?year=2026".into()),
                ("demand".into(), "/console/demand?year=2026".into()),
                ("rules".into(), "/console/rules".into()),
                ("year-error".into(), "/console/quota?year=abc".into()),
            ],
        ),
    ];
    for (who, list) in groups {
        n += 1;
        let c = chromium(&d, &chromium_bin, n).await;
        // Tall enough for the whole of most pages.
        c.set_window_size(1280, 2400).await.unwrap();
        let token = match who {
            "akimat-KZ-23" => app.akimat("KZ-23"),
            "akimat-KZ-75" => app.akimat("KZ-75"),
            _ => app.ministry(),
        };
        browser_sign_in(&c, &app, &token).await;
        for lang in ["kk", "ru", "en"] {
            c.goto(&format!("{}/console/", app.address)).await.unwrap();
            if c.find(fantoccini::Locator::Css(&format!(
                "#lang-{lang}:not([disabled])"
            )))
            .await
            .is_ok()
            {
                click(&c, &format!("#lang-{lang}")).await;
            }
            crate::console::attr_becomes(&c, "html", "lang", lang).await;
            for (name, path) in &list {
                c.goto(&format!("{}{path}", app.address)).await.unwrap();
                text(&c, "h1").await;
                shot(&c, &app, &format!("words-{lang}-{name}")).await;
            }
        }
        c.close().await.unwrap();
    }
    let c = chromium(&d, &chromium_bin, 20).await;
    c.set_window_size(1280, 1400).await.unwrap();
    for lang in ["kk", "ru", "en"] {
        c.goto(&format!("{}/console/sign-in", app.address))
            .await
            .unwrap();
        if c.find(fantoccini::Locator::Css(&format!(
            "#lang-{lang}:not([disabled])"
        )))
        .await
        .is_ok()
        {
            click(&c, &format!("#lang-{lang}")).await;
        }
        crate::console::attr_becomes(&c, "html", "lang", lang).await;
        c.goto(&format!("{}/console/verify/{}", app.address, w.number))
            .await
            .unwrap();
        text(&c, "h1").await;
        shot(&c, &app, &format!("words-{lang}-verify")).await;
    }
    c.close().await.unwrap();
}

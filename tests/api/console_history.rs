//! Issue 21's last console items: the history of certificates (Art. 34) and ICT permits
//! (Art. 35) on their pages — each act with its article, its grounds named and the
//! official's note — actors named by the official's or employer's name rather than their
//! sign-in subject, the decision forms under a rule set published before `case_grounds`
//! (it lists no grounds: the form and the API say so), and the queue's search form with its
//! button on a line of its own. Over plain HTTP on both databases, then in headless
//! Chromium with axe-core in Kazakh, Russian and English, with screenshots
//! (`target/screenshots/<database>-history-<lang>-<page>.png`).

use crate::console::{page, sign_in, Session};
use crate::console_cases::{cases, Cases};
use crate::helpers::*;
use crate::ict::BIN_BRANCH;
use diesel::RunQueryDsl;
use serde_json::{json, Value};

/// The display name the identity provider gave Almaty's akimat official (`akimat-KZ-75`).
const OFFICIAL: &str = "Сәрсенова Айгерім";
/// The employer's name as its profile gives it (`crate::permits::profile`).
const EMPLOYER: &str = "Caspian Drilling LLP";

/// Keeps `name` as the display name of the official `sub`, as a sign-in through the
/// identity provider does.
fn remember(app: &TestApp, sub: &str, name: &str) {
    let mut conn = app.pool.get().expect("a connection");
    let at = default_now().naive_utc();
    permits::cases::names::remember_official(&mut conn, sub, name, at).expect("remembered");
}

/// Posts `body` to `path` as Almaty's akimat and expects 200.
async fn akimat(app: &TestApp, path: &str, body: Value) -> Value {
    app.post(path)
        .token(&app.akimat("KZ-75"))
        .json(&body)
        .await
        .ok(200)
        .clone()
}

/// The cases of [`cases`] with a life behind them: certificate 1 issued and its holder's
/// hire reported by BIN_A (which has a profile), certificate 2 refused on a ground with a
/// note; ICT permit 2 refused on a ground with a note; ICT permit 1 issued, its extension
/// applied for and refused with a ground and note, suspended, resumed and revoked on a
/// ground, each with a reason. Almaty's official has a display name.
async fn lived(app: &TestApp) -> Cases {
    let w = cases(app).await;
    crate::permits::profile(app, BIN_A).await;
    remember(app, "akimat-KZ-75", OFFICIAL);
    let [cert_a, cert_b] = w.certificates;
    let cert = |id: i64| format!("/v1/self-employment-certificates/{id}");
    akimat(
        app,
        &format!("{}/decisions", cert(cert_a)),
        json!({"decision": "issue", "months": 3}),
    )
    .await;
    app.post(&format!("{}/employment-reports", cert(cert_a)))
        .token(&app.employer(BIN_A))
        .json(&json!({"kind": "hire", "date": "2026-12-10", "passport_number": "Z1234567"}))
        .await
        .ok(201);
    akimat(
        app,
        &format!("{}/decisions", cert(cert_b)),
        json!({"decision": "refuse", "grounds": ["certificate-qualification-unmet"],
            "reason": "диплом не подтверждён"}),
    )
    .await;
    let [ict_a, ict_b] = w.ict;
    let ict = |id: i64| format!("/v1/ict-permits/{id}");
    akimat(
        app,
        &format!("{}/decisions", ict(ict_b)),
        json!({"decision": "refuse", "grounds": ["ict-conditions-unmet"],
            "reason": "план обучения не представлен"}),
    )
    .await;
    akimat(
        app,
        &format!("{}/decisions", ict(ict_a)),
        json!({"decision": "issue"}),
    )
    .await;
    app.post(&format!("{}/extensions", ict(ict_a)))
        .token(&app.employer(BIN_BRANCH))
        .json(&json!({"months": 12}))
        .await
        .ok(200);
    akimat(
        app,
        &format!("{}/extension-decisions", ict(ict_a)),
        json!({"decision": "refuse", "grounds": ["ict-contract-not-extended"],
            "reason": "график обучения не соблюдён"}),
    )
    .await;
    let measures = format!("{}/measures", ict(ict_a));
    akimat(
        app,
        &measures,
        json!({"measure": "suspend", "reason": "проверка выявила нарушения"}),
    )
    .await;
    akimat(
        app,
        &measures,
        json!({"measure": "resume", "reason": "нарушения устранены"}),
    )
    .await;
    // A revocation comes once the contract's term has begun; then back to the official's
    // day (the sessions' tokens are of today).
    app.set_today("2027-01-05T04:00:00Z");
    akimat(
        app,
        &measures,
        json!({"measure": "revoke", "ground": "unlawful-engagement",
            "reason": "работники заняты не по договору"}),
    )
    .await;
    app.set_today("2026-12-01T04:00:00Z");
    w
}

/// The session `s` reading in `lang`.
fn reading(s: &Session, lang: &str) -> Session {
    Session {
        cookie: format!("{}; permits-lang={lang}", s.cookie),
        csrf: s.csrf.clone(),
    }
}

/// The rows of the page's history table, each as `action | in words | who | article |
/// note` with its tags left out.
fn history(html: &str) -> Vec<String> {
    let table = regex::Regex::new(r#"(?s)<table id="history">.*?</table>"#)
        .unwrap()
        .find(html)
        .unwrap_or_else(|| panic!("no history: {html}"))
        .as_str()
        .to_owned();
    let row = regex::Regex::new(
        r#"(?s)<tr><td class="when">[^<]*</td><td class="words" data-action="([^"]+)">.*?</tr>"#,
    )
    .unwrap();
    let cell = regex::Regex::new(r"(?s)<td[^>]*>(.*?)</td>").unwrap();
    let tag = regex::Regex::new(r"<[^>]*>").unwrap();
    row.captures_iter(&table)
        .map(|r| {
            let cells: Vec<String> = cell
                .captures_iter(&r[0])
                .skip(1)
                .map(|c| tag.replace_all(&c[1], " ").trim().to_owned())
                .collect();
            format!("{} | {}", &r[1], cells.join(" | "))
        })
        .collect()
}

/// The line of `rows` for `action`.
fn line<'a>(rows: &'a [String], action: &str) -> &'a str {
    rows.iter()
        .find(|r| r.starts_with(&format!("{action} |")))
        .unwrap_or_else(|| panic!("no {action} in {rows:#?}"))
}

#[actix_web::test]
async fn certificate_and_ict_pages_show_their_history_with_grounds_notes_and_actors_by_name() {
    let app = spawn_app().await;
    let w = lived(&app).await;
    let [cert_a, cert_b] = w.certificates;
    let [ict_a, ict_b] = w.ict;
    let s = sign_in(&app, &app.ministry()).await;
    let ru = reading(&s, "ru");
    let akimat = format!("{OFFICIAL} (Должностное лицо акимата)");

    // A refused certificate: registered, refused on its ground with its article and the
    // note, by the official's name and role.
    let (status, html) = page(&app, &ru, &format!("/console/certificates/{cert_b}")).await;
    assert_eq!(status, 200, "{html}");
    let rows = history(&html);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    line(&rows, "self_employment_certificate.applied");
    let refused = line(&rows, "self_employment_certificate.refused");
    assert!(refused.contains(&akimat), "{refused}");
    assert!(refused.contains("ст.\u{a0}34 п.\u{a0}1"), "{refused}");
    assert!(
        refused.contains("диплом не подтверждён"),
        "the note: {refused}"
    );
    assert!(
        html.contains(r#"<span data-ground="certificate-qualification-unmet">"#),
        "{html}"
    );
    assert!(!html.contains("akimat-KZ-75"), "no subject: {html}");
    // An issued certificate with the employer's report: the employer by name with its
    // BIN beside, what it reported and when.
    let (_, html) = page(&app, &ru, &format!("/console/certificates/{cert_a}")).await;
    let rows = history(&html);
    line(&rows, "self_employment_certificate.issued");
    let hire = line(&rows, "self_employment_certificate.employment_reported");
    assert!(
        hire.contains(&format!("{EMPLOYER} · {BIN_A} (Работодатель)")),
        "{hire}"
    );
    assert!(hire.contains("10.12.2026"), "{hire}");
    assert!(!html.contains(&format!("employer-{BIN_A}")), "{html}");

    // The refused ICT permit: the employer's application (the branch has no profile: its
    // subject, the one fallback), the refusal with its ground and note.
    let (_, html) = page(&app, &ru, &format!("/console/ict-permits/{ict_b}")).await;
    let rows = history(&html);
    let applied = line(&rows, "ict_permit.applied");
    assert!(
        applied.contains(&format!("employer-{BIN_BRANCH} (Работодатель)")),
        "{applied}"
    );
    let refused = line(&rows, "ict_permit.refused");
    assert!(
        refused.contains("план обучения не представлен"),
        "{refused}"
    );
    assert!(refused.contains(&akimat), "{refused}");
    assert!(
        html.contains(r#"<span data-ground="ict-conditions-unmet">"#),
        "{html}"
    );
    // The ICT permit with a life: its extension refused on its ground with the note, the
    // suspension's and resumption's reasons, the revocation's ground and reason — each
    // kept though the permit moved on.
    let (_, html) = page(&app, &ru, &format!("/console/ict-permits/{ict_a}")).await;
    let rows = history(&html);
    let actions: Vec<&str> = rows
        .iter()
        .map(|r| r.split(" | ").next().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "ict_permit.applied",
            "ict_permit.issued",
            "ict_permit.extension_applied",
            "ict_permit.extension_refused",
            "ict_permit.suspended",
            "ict_permit.resumed",
            "ict_permit.revoked",
        ]
    );
    let ext = line(&rows, "ict_permit.extension_refused");
    assert!(ext.contains("график обучения не соблюдён"), "{ext}");
    assert!(
        html.contains(r#"<span data-ground="ict-contract-not-extended">"#),
        "{html}"
    );
    assert!(
        line(&rows, "ict_permit.suspended").contains("проверка выявила нарушения"),
        "{rows:#?}"
    );
    assert!(
        line(&rows, "ict_permit.resumed").contains("нарушения устранены"),
        "{rows:#?}"
    );
    let revoked = line(&rows, "ict_permit.revoked");
    assert!(
        revoked.contains("работники заняты не по договору"),
        "{revoked}"
    );
    assert!(revoked.contains("ст.\u{a0}9 п.\u{a0}5"), "{revoked}");
    assert!(
        html.contains(r#"<span data-ground="unlawful-engagement">"#),
        "{html}"
    );
    assert!(revoked.contains(&akimat), "{revoked}");
    // In Kazakh and English the actions and roles read in their words.
    for (lang, refused, role) in [
        ("kk", "ұзартудан бас тартылды", "Әкімдік лауазымды тұлғасы"),
        ("en", "extension refused", "Akimat official"),
    ] {
        let (_, html) = page(
            &app,
            &reading(&s, lang),
            &format!("/console/ict-permits/{ict_a}"),
        )
        .await;
        let ext = line(&history(&html), "ict_permit.extension_refused").to_owned();
        assert!(ext.contains(refused), "{lang}: {ext}");
        assert!(
            ext.contains(&format!("{OFFICIAL} ({role})")),
            "{lang}: {ext}"
        );
    }
}

#[actix_web::test]
async fn a_permits_decision_and_history_name_the_official_and_the_employer_not_their_subjects() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    crate::permits::profile(&app, BIN_A).await;
    crate::permits::quota(&app, &[("KZ-23", "3", 10)]).await;
    remember(&app, "akimat-KZ-23", "Ерлан Мұратов");
    let id = crate::permits::approved_permit(&app, "U40000001").await;
    let s = sign_in(&app, &app.ministry()).await;
    let (status, html) = page(&app, &reading(&s, "ru"), &format!("/console/permits/{id}")).await;
    assert_eq!(status, 200, "{html}");
    // The region's decision cell: the official's name and role.
    assert!(
        html.contains(
            r#"<small class="decided-by">Ерлан Мұратов (Должностное лицо акимата)</small>"#
        ),
        "{html}"
    );
    // The history and the filing: the employer by name with its BIN beside.
    let rows = history(&html);
    let applied = line(&rows, "permit.applied");
    assert!(
        applied.contains(&format!("{EMPLOYER} · {BIN_A} (Работодатель)")),
        "{applied}"
    );
    assert!(
        line(&rows, "permit.approved").contains("Ерлан Мұратов (Должностное лицо акимата)"),
        "{rows:#?}"
    );
    for subject in ["akimat-KZ-23", &format!("employer-{BIN_A}")] {
        assert!(!html.contains(subject), "{subject}: {html}");
    }
}

/// Makes the rule set in force from today one published before `case_grounds` existed: its
/// rules are the seed's without that section, stored as such a version was (the table is
/// append-only: a new version, as the ministry's publication would add).
pub(crate) fn publish_rules_without_case_grounds(app: &TestApp) {
    let text = std::fs::read_to_string("config/seed/rule-set.json").unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    let rules = doc["rules"].as_object_mut().unwrap();
    assert!(rules.remove("case_grounds").is_some());
    let body = serde_json::to_string(rules).unwrap().replace('\'', "''");
    let mut conn = app.pool.get().expect("a connection");
    diesel::sql_query(format!(
        "INSERT INTO rule_sets (version, effective_from, source, body, created_at, created_by) \
         VALUES (900, '2026-11-30', 'Order No. 88 of 30.11.2026', '{body}', \
         '2026-11-30 04:00:00', 'ministry-hq')"
    ))
    .execute(&mut *conn)
    .expect("an old rule set stored");
}

#[actix_web::test]
async fn under_a_rule_set_without_case_grounds_a_refusal_says_the_ministry_must_publish_them() {
    let app = spawn_app().await;
    let w = cases(&app).await;
    publish_rules_without_case_grounds(&app);
    let current = app
        .get("/v1/rule-sets/current")
        .token(&app.ministry())
        .send()
        .await
        .ok(200)
        .clone();
    assert_eq!(current["version"], 900, "{current}");
    let [cert, _] = w.certificates;
    let [ict_a, ict_b] = w.ict;
    // The API: whatever the refusal names, one stable code under the decision's article,
    // in the reader's language.
    for (path, grounds, article) in [
        (
            format!("/v1/self-employment-certificates/{cert}/decisions"),
            json!([]),
            "Art. 34(1)",
        ),
        (
            format!("/v1/self-employment-certificates/{cert}/decisions"),
            json!(["certificate-qualification-unmet"]),
            "Art. 34(1)",
        ),
        (
            format!("/v1/ict-permits/{ict_b}/decisions"),
            json!(["ict-conditions-unmet"]),
            "Art. 35(1)",
        ),
    ] {
        for (lang, words) in [
            ("en", "the ministry publishes a version of the rule set"),
            ("ru", "пока министерство не опубликует версию свода правил"),
            (
                "kk",
                "министрлік оларды қамтитын ережелер жинағының нұсқасын",
            ),
        ] {
            let r = app
                .post(&path)
                .token(&app.akimat("KZ-75"))
                .header("Accept-Language", lang)
                .json(&json!({"decision": "refuse", "grounds": grounds, "reason": "нет"}))
                .await;
            let v = &r.problem(422, "rule-set-lists-no-grounds")["violations"][0];
            assert_eq!(v["article"], article, "{path}");
            assert!(
                v["message"].as_str().unwrap().contains(words),
                "{lang}: {v}"
            );
        }
    }
    // The ICT extension's refusal too; issuing is not affected.
    let issued = akimat(
        &app,
        &format!("/v1/ict-permits/{ict_a}/decisions"),
        json!({"decision": "issue"}),
    )
    .await;
    assert_eq!(issued["status"], "issued");
    app.post(&format!("/v1/ict-permits/{ict_a}/extensions"))
        .token(&app.employer(BIN_BRANCH))
        .json(&json!({"months": 12}))
        .await
        .ok(200);
    let r = app
        .post(&format!("/v1/ict-permits/{ict_a}/extension-decisions"))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"decision": "refuse", "grounds": ["ict-contract-not-extended"]}))
        .await;
    let v = &r.problem(422, "rule-set-lists-no-grounds")["violations"][0];
    assert_eq!(v["article"], "Art. 35(1)");
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("the extension of an ICT permit"),
        "{v}"
    );
    // The console's forms: the sentence in place of an empty list, no refusal button; the
    // issue button stays.
    let s = sign_in(&app, &app.akimat("KZ-75")).await;
    for (lang, words) in [
        (
            "ru",
            "В действующем своде правил нет оснований для отказа в справке",
        ),
        (
            "kk",
            "өз бетінше жұмысқа орналасу анықтамасынан бас тарту негіздері жоқ",
        ),
        (
            "en",
            "The rule set in force lists no grounds to refuse a self-employment",
        ),
    ] {
        let (status, html) = page(
            &app,
            &reading(&s, lang),
            &format!("/console/certificates/{cert}"),
        )
        .await;
        assert_eq!(status, 200, "{html}");
        assert!(html.contains("id=\"no-grounds\""), "{html}");
        assert!(html.contains(words), "{lang}: {html}");
        assert!(!html.contains("id=\"refuse\""), "{html}");
        assert!(html.contains("id=\"issue\""), "{html}");
    }
    let (_, html) = page(&app, &s, &format!("/console/ict-permits/{ict_a}")).await;
    assert!(html.contains("id=\"no-extension-grounds\""), "{html}");
    assert!(!html.contains("id=\"extension-refuse\""), "{html}");
    assert!(html.contains("id=\"extend-submit\""), "{html}");
    assert_eq!(
        app.get(&format!("/v1/self-employment-certificates/{cert}"))
            .token(&app.ministry())
            .send()
            .await
            .ok(200)["status"],
        "applied"
    );
}

#[actix_web::test]
async fn the_history_the_form_without_grounds_and_the_queue_in_chromium_pass_axe_in_three_languages(
) {
    use crate::console::{browser, browser_sign_in, chromium, driver, oidc_provider, shot, text};
    use crate::console_cases::{axe, language};
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
    let w = lived(&app).await;
    let [cert_a, cert_b] = w.certificates;
    let [ict_a, ict_b] = w.ict;
    let d = driver(&driver_bin).await;
    let mut violations = Vec::new();
    let c = chromium(&d, &chromium_bin, 1).await;
    c.set_window_size(1366, 2200).await.unwrap();
    browser_sign_in(&c, &app, &app.akimat("KZ-75")).await;
    let pages = [
        ("queue", "/console/queue".to_owned()),
        (
            "certificate-reported",
            format!("/console/certificates/{cert_a}"),
        ),
        (
            "certificate-refused",
            format!("/console/certificates/{cert_b}"),
        ),
        ("ict-revoked", format!("/console/ict-permits/{ict_a}")),
        ("ict-refused", format!("/console/ict-permits/{ict_b}")),
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
                    .map(|v| format!("{lang} {name}: {v}")),
            );
            if *name == "queue" {
                // The search's button sits below the date's hint, on a line of its own,
                // and every field keeps its label above it.
                let r = c
                    .execute(
                        "const r = s => document.querySelector(s).getBoundingClientRect();\
                         return [r('#find-submit').top, r('#due_by-hint').bottom,\
                                 r('label[for=due_by]').bottom, r('#due_by').top];",
                        vec![],
                    )
                    .await
                    .unwrap();
                let [button, hint, label, field]: [f64; 4] = serde_json::from_value(r).unwrap();
                assert!(
                    button >= hint,
                    "{lang}: the button at {button}, the hint to {hint}"
                );
                assert!(
                    label <= field,
                    "{lang}: the label to {label}, the field at {field}"
                );
            } else {
                let who = text(&c, "#history").await;
                assert!(who.contains(OFFICIAL), "{lang} {name}: {who}");
                assert!(!who.contains("akimat-KZ-75"), "{lang} {name}: {who}");
            }
            shot(&c, &app, &format!("history-{lang}-{name}")).await;
        }
    }
    assert!(text(&c, "#history")
        .await
        .contains("план обучения не представлен"));
    c.close().await.unwrap();

    // An installation whose rule set in force predates `case_grounds`: the form says why
    // nothing can be refused, in each language.
    let old = spawn_app().await;
    let w = cases(&old).await;
    publish_rules_without_case_grounds(&old);
    let c = chromium(&d, &chromium_bin, 2).await;
    c.set_window_size(1366, 1600).await.unwrap();
    browser_sign_in(&c, &old, &old.akimat("KZ-75")).await;
    for (lang, words) in [
        ("kk", "бас тарту негіздері жоқ"),
        ("ru", "нет оснований для отказа"),
        ("en", "lists no grounds to refuse"),
    ] {
        language(&c, &old, lang).await;
        for (name, path) in [
            (
                "certificate-no-grounds",
                format!("/console/certificates/{}", w.certificates[0]),
            ),
            (
                "ict-no-grounds",
                format!("/console/ict-permits/{}", w.ict[0]),
            ),
        ] {
            c.goto(&format!("{}{path}", old.address)).await.unwrap();
            let said = text(&c, "#no-grounds").await;
            assert!(said.contains(words), "{lang} {name}: {said}");
            assert!(c.find(Locator::Css("#refuse")).await.is_err());
            violations.extend(
                axe(&c, &axe_js)
                    .await
                    .into_iter()
                    .map(|v| format!("{lang} {name}: {v}")),
            );
            shot(&c, &old, &format!("history-{lang}-{name}")).await;
        }
    }
    c.close().await.unwrap();
    assert!(violations.is_empty(), "axe-core: {violations:#?}");
}

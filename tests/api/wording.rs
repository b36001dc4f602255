//! What the service says reads right for the reader: a check that passed says so in words
//! of its own, and states, events, roles and kinds of employer read in Kazakh, Russian or
//! English, never as the identifiers the code uses. Codes never change.

use crate::helpers::*;
use crate::permits::{active_permit, application, profile, quota, worker};
use serde_json::{json, Value};

async fn permit_in(app: &TestApp, id: &Value, lang: &str) -> Value {
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .header("Accept-Language", lang)
        .send()
        .await
        .ok(200)
        .clone()
}

fn message<'a>(permit: &'a Value, code: &str) -> (&'a str, &'a str) {
    let c = permit["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code)
        .unwrap_or_else(|| panic!("no check {code}: {permit}"));
    (
        c["outcome"].as_str().unwrap(),
        c["message"].as_str().unwrap(),
    )
}

/// Art. 33(3), 33(2), 33(6): a check that passed reads as met in each language, with the
/// figures it found; the same check failing reads as the failure it is.
#[actix_web::test]
async fn a_passing_check_reads_as_passed_and_a_failing_one_as_failed_in_kk_ru_and_en() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let filed = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("DEMIR ALI", "TUR", "U1000000")],
        ))
        .await
        .ok(201)
        .clone();
    let id = filed["id"].clone();
    let expected = [
        (
            "en",
            "DEMIR ALI is named on no other live permit",
            "Atyrau Region has 5 units of category 3 left for 2026, enough for the 1 needed",
            "no revocation for unlawful engagement of foreign labour bars the employer",
        ),
        (
            "ru",
            "DEMIR ALI не указан ни в одном другом действующем разрешении",
            "Атырауская область: остаток квоты по категории 3 на 2026 год — 5 ед.; этого достаточно для нужных 1",
            "у работодателя нет отзыва разрешения за незаконное привлечение иностранной рабочей силы, который закрывал бы ему выдачу",
        ),
        (
            "kk",
            "DEMIR ALI басқа ешбір қолданыстағы рұқсатта көрсетілмеген",
            "Атырау облысы: 2026 жылға 3 санаты бойынша 5 квота бірлігі қалды, бұл қажетті 1 бірлікке жеткілікті",
            "жұмыс берушінің шетелдік жұмыс күшін заңсыз тартқаны үшін жаңа рұқсат беруге кедергі болатын кері қайтарылған рұқсаты жоқ",
        ),
    ];
    for (lang, free, quota_left, not_barred) in expected {
        let p = permit_in(&app, &id, lang).await;
        assert_eq!(message(&p, "worker-on-live-permit"), ("pass", free));
        assert_eq!(message(&p, "quota-available"), ("pass", quota_left));
        assert_eq!(message(&p, "employer-barred"), ("pass", not_barred));
        // No passing check shows the placeholder of a finding it did not make.
        for c in p["checks"].as_array().unwrap() {
            let text = c["message"].as_str().unwrap();
            assert!(!text.contains(" -") && !text.ends_with('-'), "{lang}: {c}");
            assert!(!text.contains("-pass"), "{lang}: {c}");
        }
        // The stable figures stay as they were.
        let c = p["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == "worker-on-live-permit")
            .unwrap();
        assert_eq!(
            c["figures"],
            json!({"worker": "DEMIR ALI", "holder": "-", "permit": "-"})
        );
        assert_eq!(c["article"], "Art. 33(3)");
    }

    // A worker on a live permit: the check fails and says where.
    let live = active_permit(&app, "U2000000").await;
    let second = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("KAYA MEHMET", "TUR", "U2000000")],
        ))
        .await
        .ok(201)["id"]
        .clone();
    for (lang, text) in [
        (
            "en",
            format!("KAYA MEHMET is named on this employer's live permit {live}"),
        ),
        (
            "ru",
            format!("KAYA MEHMET указан в действующем разрешении этого работодателя {live}"),
        ),
        (
            "kk",
            format!("KAYA MEHMET осы жұмыс берушінің қолданыстағы {live} рұқсатында көрсетілген"),
        ),
    ] {
        let p = permit_in(&app, &second, lang).await;
        assert_eq!(
            message(&p, "worker-on-live-permit"),
            ("fail", text.as_str())
        );
    }
}

/// A move a case's state does not allow names the case, its state and the move in the
/// reader's words; the stable code stays `illegal-transition`.
#[actix_web::test]
async fn an_illegal_move_reads_in_the_readers_words_not_in_state_and_event_names() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U1000000").await;
    for (lang, detail) in [
        ("en", "a permit that is active cannot be resumed"),
        ("ru", "разрешение в статусе «действует» нельзя возобновить"),
        (
            "kk",
            "рұқсат «жарамды» мәртебесінде, сондықтан оның қолданылуын қайта жаңарту мүмкін емес",
        ),
    ] {
        let r = app
            .post(&format!("/v1/permits/{id}/resumption"))
            .token(&app.akimat("KZ-23"))
            .header("Accept-Language", lang)
            .send()
            .await;
        assert_eq!(r.problem(409, "illegal-transition")["detail"], detail);
    }
    let r = app
        .post(&format!("/v1/permits/{id}/withdrawal"))
        .token(&app.employer(BIN_A))
        .header("Accept-Language", "ru")
        .send()
        .await;
    assert_eq!(
        r.problem(409, "illegal-transition")["detail"],
        "разрешение в статусе «действует» нельзя снять с рассмотрения"
    );
}

/// A role refused and a kind of employer that cannot be a foreign division read in the
/// reader's words too.
#[actix_web::test]
async fn roles_and_kinds_of_employer_read_in_the_readers_words() {
    let app = spawn_app().await;
    for (lang, detail) in [
        ("en", "an auditor may not do this here"),
        ("ru", "аудитор не может выполнить здесь это действие"),
        ("kk", "аудитор мұнда бұл әрекетті орындай алмайды"),
    ] {
        let r = app
            .post("/v1/rule-sets")
            .token(&app.auditor())
            .header("Accept-Language", lang)
            .json(&json!({}))
            .await;
        assert_eq!(r.problem(403, "forbidden")["detail"], detail);
    }
    let profile = json!({
        "as_of": "2025-11-01", "name": "Caspian Drilling LLP", "legal_form": "LLP",
        "foreign_division": true, "sector": "B", "region": "KZ-23",
        "workforce": [{"category": "3", "kazakh": 10, "foreign": 1}]
    });
    for (lang, text) in [
        ("en", "210340000013 is a legal entity: only a branch or representative office can be a division of a foreign legal entity"),
        ("ru", "210340000013 — это юридическое лицо: подразделением иностранного юридического лица может быть только филиал или представительство"),
        ("kk", "210340000013 — заңды тұлға: шетелдік заңды тұлғаның бөлімшесі тек филиал немесе өкілдік бола алады"),
    ] {
        let r = app
            .put(&format!("/v1/employers/{BIN_A}"))
            .token(&app.employer(BIN_A))
            .header("Accept-Language", lang)
            .json(&profile)
            .await;
        let body = r.problem(422, "foreign-division-mismatch");
        assert_eq!(body["violations"][0]["message"], text);
    }
}

/// Art. 7(23), 32(4)(1): the newcomer's trial, read in each language. A refusal cites its
/// article as the reader's language writes it, names the region, and groups every figure
/// (four digits too) with a no-break space and decimal comma in Kazakh and Russian, as
/// English writes numbers in English; the `article` member keeps the stored citation and
/// the title says a rule of the law refused.
#[actix_web::test]
async fn a_refusal_reads_its_article_region_and_figures_as_each_language_writes_them() {
    let app = spawn_app().await;
    crate::quotas::set_quota(&app).await;
    crate::quotas::allocate(&app, "KZ-75", "3", 500)
        .await
        .ok(200);
    let expected = [
        (
            "kk",
            "Сұрау заң нормасы бойынша қабылданбады",
            ["Алматы қаласы", "99 500", "5 393", "7-баптың 23-тармағы"],
        ),
        (
            "ru",
            "Запрос отклонён по норме закона",
            ["город Алматы", "99 500", "5 393", "ст. 7 п. 23"],
        ),
        (
            "en",
            "A rule of the law refuses the request",
            ["Almaty", "99,500", "5,393", "(Art. 7(23), 32(4)(1))"],
        ),
    ];
    for (lang, title, words) in expected {
        let r = app
            .put("/v1/quotas/2026/regions/KZ-75")
            .token(&app.ministry())
            .header("Accept-Language", lang)
            .json(&json!({"categories": [{"category": "3", "allocated": 100_000}], "reason": "Order No. 412"}))
            .await;
        let p = r.problem(422, "national-quota-exceeded");
        assert_eq!(p["title"], title, "{lang}: {p}");
        assert_eq!(p["violations"][0]["article"], "Art. 7(23), 32(4)(1)");
        let raw = p["detail"].as_str().unwrap();
        let detail = raw.replace('\u{a0}', " ");
        for w in words {
            assert!(detail.contains(w), "{lang}: {w} not in {detail}");
        }
        assert!(
            !detail.contains("KZ-75") && detail.contains("2026"),
            "{detail}"
        );
        let message = p["violations"][0]["message"].as_str().unwrap();
        assert!(raw.starts_with(message), "{lang}: {message} / {raw}");
        if lang != "en" {
            // Grouped with a no-break space, the article in the reader's words.
            assert!(
                raw.contains("5\u{a0}393") && raw.contains("99\u{a0}500"),
                "{raw}"
            );
            assert!(!raw.contains("Art."), "{raw}");
            assert!(!detail.contains("2 026"), "{detail}");
        }
    }
}

/// A refusal by a rule of the service itself (the webhook address is no public Internet
/// address) is titled as the service's own refusal in every language, never as the law's.
#[actix_web::test]
async fn a_refusal_by_the_services_own_rule_is_titled_as_the_services_in_every_language() {
    let app = spawn_app().await;
    for (lang, title) in [
        ("kk", "Сұрау сервистің өз ережесі бойынша қабылданбады"),
        ("ru", "Запрос отклонён по правилу самого сервиса"),
        ("en", "The service refuses the request by a rule of its own"),
    ] {
        let r = app
            .post("/v1/webhooks")
            .token(&app.employer(BIN_A))
            .header("Accept-Language", lang)
            .json(&json!({"url": "https://169.254.169.254/"}))
            .await;
        let p = r.problem(422, "webhook-url-not-public");
        assert_eq!(p["title"], title, "{p}");
        assert_eq!(p["violations"][0]["article"], Value::Null);
        // No article is cited after the sentence.
        assert!(!p["detail"].as_str().unwrap().ends_with(')'), "{p}");
    }
}

/// A year of the quota paths that is a whole number too large for any year is told it is
/// out of range, not that it is no whole number; text that is no number is told so.
#[actix_web::test]
async fn a_whole_year_out_of_range_is_told_it_is_out_of_range() {
    let app = spawn_app().await;
    for (year, said) in [
        ("99999999999", "year 99999999999 is outside 2000-2100"),
        ("1999", "year 1999 is outside 2000-2100"),
        ("20x6", "year 20x6 is not a whole number"),
    ] {
        let r = app
            .get(&format!("/v1/quotas/{year}"))
            .token(&app.ministry())
            .send()
            .await;
        let p = r.problem(400, "malformed-request");
        assert_eq!(p["detail"], said, "{p}");
    }
    let r = app
        .get("/v1/quotas/99999999999")
        .token(&app.ministry())
        .header("Accept-Language", "ru")
        .send()
        .await;
    let p = r.problem(400, "malformed-request");
    assert_eq!(p["detail"], "год 99999999999 вне диапазона 2000–2100");
}

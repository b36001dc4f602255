//! Every field a request gets wrong is explained in the reader's language (issue 22): the
//! `errors[].message` of a problem reads in Kazakh, Russian or English as `Accept-Language`
//! asks, naming the field's bound where it has one, for validator's checks, the
//! service's own checks of bodies, queries and headers, and the console's forms alike.

use crate::console::{http, sign_in};
use crate::helpers::*;
use serde_json::{json, Value};

/// Whether `text` has a letter of the Cyrillic script (Kazakh and Russian write in it).
fn cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// The first field error of `problem`: its field and its message.
fn first_error(problem: &Value) -> (String, String) {
    let e = &problem["errors"][0];
    (
        e["field"].as_str().unwrap_or_default().to_owned(),
        e["message"].as_str().unwrap_or_default().to_owned(),
    )
}

/// For each language, the field error of `send(lang)`: in English `en`, in Kazakh and
/// Russian Cyrillic text naming `bound` (when given) that is not the English.
#[track_caller]
fn assert_field_reads(
    answers: &[(&str, (String, String))],
    field: &str,
    en: &str,
    bound: Option<&str>,
) {
    for (lang, (f, message)) in answers {
        assert_eq!(f, field, "{lang}: {message}");
        if *lang == "en" {
            assert_eq!(message, en, "{field} in en");
            continue;
        }
        assert!(cyrillic(message), "{field} in {lang}: {message}");
        assert_ne!(message, en, "{field} in {lang}");
        if let Some(b) = bound {
            assert!(
                message.contains(b),
                "{field} in {lang} names no {b}: {message}"
            );
        }
    }
}

#[actix_web::test]
async fn a_query_parameter_refused_reads_in_the_readers_language_naming_its_bound() {
    let app = spawn_app().await;
    let t = app.employer(BIN_A);
    for (query, field, en, bound) in [
        ("limit=0", "limit", "must be between 1 and 500", Some("500")),
        (
            "cursor=zzz",
            "cursor",
            "not a cursor this service sent",
            None,
        ),
        ("bin=123", "bin", "must be exactly 12 digits", Some("12")),
    ] {
        let mut answers = Vec::new();
        for lang in ["kk", "ru", "en"] {
            let r = app
                .get(&format!("/v1/permits?{query}"))
                .token(&t)
                .header("Accept-Language", lang)
                .send()
                .await;
            assert_eq!(r.header("Content-Language"), Some(lang), "{query}");
            let p = r.problem(400, "malformed-request");
            let detail = p["detail"].as_str().unwrap();
            if lang != "en" {
                assert!(cyrillic(detail), "{query} in {lang}: {detail}");
                assert!(!detail.contains("must"), "{query} in {lang}: {detail}");
            }
            answers.push((lang, first_error(p)));
        }
        assert_field_reads(&answers, field, en, bound);
    }
}

/// validator's checks of a body (the number of items of a list, blank text) and the
/// service's own (a category named twice) read in the reader's language.
#[actix_web::test]
async fn a_body_field_refused_reads_in_the_readers_language_naming_its_bound() {
    let app = spawn_app().await;
    let t = app.ministry();
    let twice = json!({
        "categories": [
            {"category": "3", "allocated": 1},
            {"category": "3", "allocated": 2}
        ],
        "reason": "x"
    });
    let cases = [
        (
            json!({"categories": [], "reason": "x"}),
            "categories",
            "must have 1 to 5 items",
            Some("5"),
        ),
        (
            json!({"categories": [{"category": "3", "allocated": 1}], "reason": "   "}),
            "reason",
            "must not be blank",
            None,
        ),
        (
            twice,
            "categories",
            "category 3 must appear exactly once, found 2",
            Some("3"),
        ),
    ];
    for (body, field, en, bound) in cases {
        let mut answers = Vec::new();
        for lang in ["kk", "ru", "en"] {
            let r = app
                .put("/v1/quotas/2026/regions/KZ-75")
                .token(&t)
                .header("Accept-Language", lang)
                .json(&body)
                .await;
            let p = r.problem(422, "invalid-fields");
            assert_eq!(p["errors"][0]["pointer"], format!("/{field}"));
            answers.push((lang, first_error(p)));
        }
        assert_field_reads(&answers, field, en, bound);
    }
}

/// Headers and text a database cannot store are refused in the reader's language too.
#[actix_web::test]
async fn a_header_or_a_nul_character_refused_reads_in_the_readers_language() {
    let app = spawn_app().await;
    let t = app.ministry();
    let mut nul = Vec::new();
    let mut key = Vec::new();
    for lang in ["kk", "ru", "en"] {
        let r = app
            .put("/v1/quotas/2026/regions/KZ-75")
            .token(&t)
            .header("Accept-Language", lang)
            .json(&json!({
                "categories": [{"category": "3", "allocated": 1}],
                "reason": "a\u{0}b"
            }))
            .await;
        nul.push((lang, first_error(r.problem(422, "invalid-fields"))));
        let r = app
            .post("/v1/rule-sets")
            .token(&t)
            .header("Accept-Language", lang)
            .header("Idempotency-Key", &"k".repeat(256))
            .json(&json!({}))
            .await;
        key.push((lang, first_error(r.problem(400, "malformed-request"))));
    }
    assert_field_reads(
        &nul,
        "reason",
        "must not contain the NUL character (U+0000)",
        Some("U+0000"),
    );
    assert_field_reads(
        &key,
        "Idempotency-Key",
        "must be 1 to 255 visible ASCII characters",
        Some("255"),
    );
}

/// The console's pages show a field refused in the reader's words: a year that is no
/// number, a category that is none of the page's choices.
#[actix_web::test]
async fn the_console_shows_a_field_refused_in_the_readers_language() {
    let app = spawn_app().await;
    let s = sign_in(&app, &app.ministry()).await;
    for (path, kk, ru, en) in [
        (
            "/console/quota?year=abc",
            "мәні бүтін сан болуы керек",
            "значение должно быть целым числом",
            "year: must be a whole number",
        ),
        (
            "/console/quota?year=2026&category=9",
            "мәні осы беттегі нұсқалардың ешқайсысы емес",
            "значение не входит в варианты этой страницы",
            "category: is none of the page's choices",
        ),
    ] {
        for (lang, words) in [("kk", kk), ("ru", ru), ("en", en)] {
            let mut res = http()
                .get(format!("{}{path}", app.address))
                .insert_header(("Cookie", format!("{}; permits-lang={lang}", s.cookie)))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 400, "{path} {lang}");
            let html = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
            assert!(
                html.contains(&words.replace('\'', "&#39;")) || html.contains(words),
                "{path} in {lang} lacks «{words}»: {html}"
            );
        }
    }
}

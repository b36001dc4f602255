//! The ground a permit ended on reads in the reader's language with the article that
//! carries it — the service's own grounds (a return, an unpaid fee, the end of the permit
//! an extension extends) in the catalogue's words, the rule set's revocation grounds in the
//! list's names — in the API's view and the permit's PDF, never as the stored code.

use crate::helpers::*;
use crate::permits::{application, profile, quota, worker};
use serde_json::{json, Value};

/// BIN_A's one-worker permit in KZ-23, approved and paid on 2025-12-15: its id.
async fn active(app: &TestApp, name: &str, passport: &str) -> Value {
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker(name, "TUR", passport)],
        ))
        .await
        .ok(201)["id"]
        .clone();
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    // 202 MRP × 3,932 (2025) × 1 worker.
    let p = app
        .post(&format!("/v1/permits/{id}/payments"))
        .token(&app.employer(BIN_A))
        .json(&json!({"region": "KZ-23", "amount": "794264.00", "paid_on": "2025-12-15", "reference": "PP-1"}))
        .await;
    assert_eq!(p.ok(201)["status"], "active");
    id
}

async fn end_ground(app: &TestApp, id: &Value, lang: &str) -> Value {
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .header("Accept-Language", lang)
        .send()
        .await
        .ok(200)["end_ground"]
        .clone()
}

/// The text of the permit's PDF, every word followed by a space.
async fn pdf_text(app: &TestApp, id: &Value) -> String {
    let mut res = awc::Client::default()
        .get(format!("{}/v1/permits/{id}/document", app.address))
        .insert_header(("Authorization", format!("Bearer {}", app.employer(BIN_A))))
        .send()
        .await
        .expect("request sent");
    assert_eq!(res.status().as_u16(), 200);
    let bytes = res.body().limit(10_000_000).await.expect("body read");
    let doc = printpdf::PdfDocument::parse(&bytes, &Default::default(), &mut Vec::new())
        .expect("a PDF printpdf can read back");
    let mut text = String::new();
    for page in &doc.pages {
        for line in page.extract_text_boxes(&doc.resources).lines {
            for word in line.words {
                text.push_str(&word.text);
                text.push(' ');
            }
        }
    }
    text
}

/// Whether every word of `phrase` is in `text`, in order (a PDF breaks lines anywhere).
fn says(text: &str, phrase: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let wanted: Vec<&str> = phrase.split_whitespace().collect();
    words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

#[actix_web::test]
async fn a_returned_or_revoked_permits_end_ground_reads_in_kazakh_and_russian_with_its_article() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let returned = active(&app, "KAYA MEHMET", "U6000001").await;
    let revoked = active(&app, "DEMIR ALI", "U6000002").await;
    app.set_today("2026-02-02T04:00:00Z");
    app.post(&format!("/v1/permits/{returned}/return"))
        .token(&app.employer(BIN_A))
        .json(&json!({"reason": "contract cancelled"}))
        .await
        .ok(200);
    app.post(&format!("/v1/permits/{revoked}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": "kazakh-share-breached"}))
        .await
        .ok(200);

    // A return is the service's own rule: its words, no article.
    for (lang, name) in [
        ("kk", "рұқсатты жұмыс беруші қайтарды"),
        ("ru", "разрешение возвращено работодателем"),
        ("en", "the employer returned the permit"),
    ] {
        assert_eq!(
            end_ground(&app, &returned, lang).await,
            json!({"code": "returned", "article": null, "name": name}),
            "{lang}"
        );
    }
    // A revocation ground reads in the rule set's names, with its article.
    for (lang, name) in [
        ("kk", "Қазақстандық кадрлардың үлесі бұзылған"),
        ("ru", "Нарушено соотношение казахстанских кадров"),
    ] {
        assert_eq!(
            end_ground(&app, &revoked, lang).await,
            json!({"code": "kazakh-share-breached", "article": "Art. 33(6)", "name": name}),
            "{lang}"
        );
    }

    // The PDF says when and why, in Kazakh and Russian, never the code.
    let text = pdf_text(&app, &returned).await;
    for phrase in [
        "02.02.2026 күні тоқтатылды, негізі",
        "Прекращено 02.02.2026 по основанию",
        "рұқсатты жұмыс беруші қайтарды / разрешение возвращено работодателем",
        "(сервистің өз ережесі / собственное правило сервиса)",
    ] {
        assert!(says(&text, phrase), "{phrase} not in the text:\n{text}");
    }
    assert!(!says(&text, "returned"), "{text}");
    let text = pdf_text(&app, &revoked).await;
    let phrase = "Қазақстандық кадрлардың үлесі бұзылған / Нарушено соотношение казахстанских кадров (33-баптың 6-тармағы / ст. 33 п. 6)";
    assert!(says(&text, phrase), "{phrase} not in the text:\n{text}");
    assert!(!says(&text, "kazakh-share-breached"), "{text}");
}

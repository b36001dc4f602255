//! The electronic permit (Art. 33(4)-(5)): a number given at issue, the PDF document for
//! those who may read the permit, and the public verification of a number, which names
//! no worker, tells nothing of numbers that do not exist, and is limited per address.

use crate::helpers::*;
use crate::permits::{active_permit, profile, quota};
use serde_json::{json, Value};

/// GETs `path` and returns status, content type and the raw body (the helpers read JSON).
async fn raw(app: &TestApp, path: &str, token: &str) -> (u16, String, Vec<u8>) {
    let mut res = awc::Client::default()
        .get(format!("{}{path}", app.address))
        .insert_header(("Authorization", format!("Bearer {token}")))
        .send()
        .await
        .expect("request sent");
    let status = res.status().as_u16();
    let content_type = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = res.body().limit(10_000_000).await.expect("body read");
    (status, content_type, body.to_vec())
}

/// The text of every page of a PDF, decoded through its fonts' ToUnicode maps.
fn pdf_text(bytes: &[u8]) -> (printpdf::PdfDocument, String) {
    let doc = printpdf::PdfDocument::parse(bytes, &Default::default(), &mut Vec::new())
        .expect("a PDF printpdf can read back");
    let mut text = String::new();
    for page in &doc.pages {
        for line in page.extract_text_boxes(&doc.resources).lines {
            for word in line.words {
                text.push_str(&word.text);
                text.push(' ');
            }
            text.push('\n');
        }
    }
    (doc, text)
}

/// An active permit of BIN_A in KZ-23 (Caspian Drilling LLP), from 2026-01-15 for a year,
/// for KAYA MEHMET (passport U1), paid and issued on 2025-12-15.
async fn issued(app: &TestApp) -> (Value, String) {
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 5)]).await;
    profile(app, BIN_A).await;
    let id = active_permit(app, "U1000000").await;
    let p = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone();
    assert_eq!(p["issued_on"], "2025-12-15");
    let number = p["number"].as_str().expect("an issued permit has a number");
    (id, number.to_owned())
}

#[actix_web::test]
async fn an_application_has_no_number_and_no_document_until_its_fees_are_paid() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&crate::permits::application(
            &["KZ-23"],
            vec![crate::permits::worker("KAYA MEHMET", "TUR", "U1000000")],
        ))
        .await
        .ok(201)
        .clone();
    assert_eq!(
        (&p["number"], &p["issued_on"]),
        (&Value::Null, &Value::Null)
    );
    let r = app
        .get(&format!("/v1/permits/{}/document", p["id"]))
        .token(&app.employer(BIN_A))
        .header("Accept-Language", "ru")
        .send()
        .await;
    r.problem(409, "permit-not-issued");
    assert_eq!(
        r.body["detail"],
        format!(
            "разрешение {} в статусе «подано»: номера и документа нет, пока не уплачены сборы и оно не выдано",
            p["id"]
        )
    );
    // Approved but unpaid: still not issued (Art. 33(4): issued on payment).
    app.post(&format!("/v1/permits/{}/decisions", p["id"]))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    app.get(&format!("/v1/permits/{}/document", p["id"]))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .problem(409, "permit-not-issued");
}

#[actix_web::test]
async fn an_issued_permit_has_a_pdf_with_its_number_data_workers_and_qr_address() {
    let app = spawn_app().await;
    let (id, number) = issued(&app).await;
    assert!(
        regex::Regex::new(
            r"^KZ-2025-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"
        )
        .unwrap()
        .is_match(&number),
        "{number}"
    );
    let path = format!("/v1/permits/{id}/document");
    let (status, content_type, pdf) = raw(&app, &path, &app.employer(BIN_A)).await;
    assert_eq!((status, content_type.as_str()), (200, "application/pdf"));
    assert!(pdf.starts_with(b"%PDF-"));
    let (doc, text) = pdf_text(&pdf);
    let url = format!("http://127.0.0.1:8080/console/verify/{number}");
    assert_eq!(doc.metadata.info.document_title, format!("Permit {number}"));
    assert_eq!(doc.metadata.info.subject, url);
    for expected in [
        number.as_str(),
        "Caspian Drilling LLP",
        BIN_A,
        "KAYA MEHMET",
        // The citizenship by its name, in Kazakh and Russian (CLDR).
        "Түркия / Турция",
        "U1000000",
        "KZ-23",
        // The term as Kazakh and Russian write dates (issue 21).
        "15.01.2026",
        "14.01.2027",
        // Labels in Kazakh and Russian, in the embedded font.
        "Шетелдік",
        "Разрешение",
        "Жұмыс",
        url.as_str(),
    ] {
        assert!(
            text.contains(expected),
            "{expected} not in the text:\n{text}"
        );
    }
    // Whoever may read the permit may read its document; others get 404 as for the permit.
    for token in [app.akimat("KZ-23"), app.ministry(), app.auditor()] {
        assert_eq!(raw(&app, &path, &token).await.0, 200);
    }
    for token in [app.akimat("KZ-75"), app.employer(BIN_B)] {
        app.get(&path)
            .token(&token)
            .send()
            .await
            .problem(404, "not-found");
    }
    // The number never changes: not on suspension, not on a second read.
    app.post(&format!("/v1/permits/{id}/suspension"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"reason": "inspection"}))
        .await
        .ok(200);
    let p = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.ministry())
        .send()
        .await;
    assert_eq!(p.ok(200)["number"], number.as_str());
}

#[actix_web::test]
async fn the_public_verification_tells_validity_and_names_no_worker() {
    let app = spawn_app().await;
    let (id, number) = issued(&app).await;
    let path = format!("/v1/public/permits/{number}");
    // Issued in December for a term from 15 January: not valid yet.
    let r = app.get(&path).send().await;
    assert_eq!(r.ok(200)["valid_today"], false);
    assert_eq!(r.body["status"], "active");
    // Why, as a typed reason with its day and the sentence in each language.
    assert_eq!(
        r.body["not_valid"],
        json!({
            "reason": "not_yet_started", "on": "2026-01-15",
            "message": {
                "kk": "оның қолданылу мерзімі 15.01.2026 басталады",
                "ru": "срок его действия начинается 15.01.2026",
                "en": "its term begins on 2026-01-15"
            }
        })
    );
    app.set_today("2026-02-01T04:00:00Z");
    let r = app.get(&path).send().await;
    let body = r.ok(200).clone();
    assert_eq!(
        body,
        json!({
            "number": number, "valid_today": true, "status": "active",
            "employer_name": "Caspian Drilling LLP", "category": "3",
            "regions": [{"code": "KZ-23", "name_kk": body["regions"][0]["name_kk"],
                "name_ru": body["regions"][0]["name_ru"], "name_en": body["regions"][0]["name_en"]}],
            "valid_from": "2026-01-15", "valid_to": "2027-01-14", "issued_on": "2025-12-15",
            "checked_on": "2026-02-01", "not_valid": null
        })
    );
    let text = body.to_string();
    for private in ["KAYA", "U1000000", "TUR", BIN_A, "1985"] {
        assert!(!text.contains(private), "{private} in {text}");
    }
    // Typed in lower case with spaces around it: the same permit.
    let typed = format!("/v1/public/permits/%20{}%20", number.to_lowercase());
    assert_eq!(
        app.get(&typed).send().await.ok(200)["number"],
        number.as_str()
    );
    // Every role, signed in or not, gets the same answer.
    for token in [
        app.ministry(),
        app.akimat("KZ-75"),
        app.employer(BIN_B),
        app.auditor(),
    ] {
        assert_eq!(app.get(&path).token(&token).send().await.ok(200), &body);
    }
    // Suspended: not valid today.
    app.post(&format!("/v1/permits/{id}/suspension"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"reason": "inspection"}))
        .await
        .ok(200);
    let r = app.get(&path).send().await;
    assert_eq!(
        (&r.ok(200)["valid_today"], &r.body["status"]),
        (&json!(false), &json!("suspended"))
    );
    // Past its last day: expired.
    app.set_today("2027-01-15T04:00:00Z");
    let r = app.get(&path).send().await;
    assert_eq!(
        (&r.ok(200)["valid_today"], &r.body["status"]),
        (&json!(false), &json!("expired"))
    );
}

#[actix_web::test]
async fn a_wrong_unknown_or_malformed_number_gets_the_same_404() {
    let app = spawn_app().await;
    let (_, number) = issued(&app).await;
    // One symbol changed: well-formed, unknown.
    let last = number.chars().last().unwrap();
    let wrong = format!(
        "{}{}",
        &number[..number.len() - 1],
        if last == '0' { '1' } else { '0' }
    );
    let mut bodies = Vec::new();
    for n in [
        wrong.as_str(),
        "KZ-2026-0000-0000-0000",
        "KZ-2026-ABCD",
        "not-a-number",
        "1",
    ] {
        let r = app.get(&format!("/v1/public/permits/{n}")).send().await;
        r.problem(404, "not-found");
        assert!(!r.body.to_string().contains(n), "{n} echoed: {}", r.body);
        bodies.push(r.body.clone());
    }
    assert!(bodies.windows(2).all(|w| w[0] == w[1]), "{bodies:#?}");
    // In every language, the same for each.
    let a = app
        .get(&format!("/v1/public/permits/{wrong}"))
        .header("Accept-Language", "kk")
        .send()
        .await;
    let b = app
        .get("/v1/public/permits/garbage")
        .header("Accept-Language", "kk")
        .send()
        .await;
    assert_eq!(a.body, b.body);
}

#[actix_web::test]
async fn verifications_beyond_the_limit_per_address_get_429_with_retry_after() {
    let app = spawn_app_with(|s| s.public.verify_per_minute = 3).await;
    for left in (0..3).rev() {
        let r = app
            .get("/v1/public/permits/KZ-2026-0000-0000-0000")
            .header("Accept-Language", "ru")
            .send()
            .await;
        r.problem(404, "not-found");
        // Every counted answer tells the budget left (the contract's RateLimit-* headers).
        assert_eq!(r.header("ratelimit-limit"), Some("3"));
        assert_eq!(
            r.header("ratelimit-remaining"),
            Some(left.to_string().as_str())
        );
        let reset: u64 = r.header("ratelimit-reset").unwrap().parse().unwrap();
        assert_eq!(reset, (3 - left) * 20);
        assert_eq!(r.header("content-language"), Some("ru"));
    }
    let r = app
        .get("/v1/public/permits/KZ-2026-0000-0000-0000")
        .header("Accept-Language", "kk")
        .send()
        .await;
    r.problem(429, "too-many-requests");
    let wait: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=20).contains(&wait), "{wait}");
    assert_eq!(r.header("ratelimit-remaining"), Some("0"));
    assert_eq!(r.header("content-language"), Some("kk"));
    // The limit is the public endpoint's: signed-in reads go on.
    app.get("/v1/regions")
        .token(&app.auditor())
        .send()
        .await
        .ok(200);
}

/// The PDF as a file clients download (issue 22): an attachment named by the permit's
/// number; a client whose `Accept` asks for an octet stream and not for PDF gets the same
/// bytes as one.
#[actix_web::test]
async fn the_pdf_is_an_attachment_named_by_its_number_and_an_octet_stream_on_request() {
    let app = spawn_app().await;
    let (id, number) = issued(&app).await;
    let url = format!("{}/v1/permits/{id}/document", app.address);
    let get = |accept: Option<&'static str>| {
        // Rendering takes seconds on a loaded machine: more than awc's default 5 s.
        let mut req = awc::Client::builder()
            .timeout(std::time::Duration::from_secs(60))
            .finish()
            .get(&url)
            .insert_header(("Authorization", format!("Bearer {}", app.employer(BIN_A))));
        if let Some(a) = accept {
            req = req.insert_header(("Accept", a));
        }
        async move {
            let mut res = req.send().await.expect("request sent");
            let header = |n: &str| {
                res.headers()
                    .get(n)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned()
            };
            let (content_type, disposition) =
                (header("content-type"), header("content-disposition"));
            let body = res.body().limit(10_000_000).await.expect("body read");
            (content_type, disposition, body.to_vec())
        }
    };
    let attachment = format!("attachment; filename=\"{number}.pdf\"");
    let (ct, cd, pdf) = get(None).await;
    assert_eq!(
        (ct.as_str(), cd.as_str()),
        ("application/pdf", attachment.as_str())
    );
    assert!(pdf.starts_with(b"%PDF-"));
    for accept in [
        "*/*",
        "application/pdf",
        "application/pdf, application/octet-stream",
    ] {
        assert_eq!(get(Some(accept)).await.0, "application/pdf", "{accept}");
    }
    let (ct, cd, bytes) = get(Some("application/octet-stream")).await;
    assert_eq!(
        (ct.as_str(), cd.as_str()),
        ("application/octet-stream", attachment.as_str())
    );
    assert!(bytes.starts_with(b"%PDF-"));
}

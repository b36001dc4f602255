//! Finding work in the console's queue (issue 21, item 2) over plain HTTP: pages by cursor
//! with the total on each, filters by status, category, employer and deadline, and one
//! search box by case id, permit number, BIN, employer name, passport number and Latin
//! name — never beyond the official's region.

use crate::console::{page, sign_in, Session};
use crate::helpers::*;
use crate::permits::{active_permit, application, profile, quota, worker};
use serde_json::{json, Value};

/// The case ids a queue page lists, its total, and the link to its next page.
async fn queue(app: &TestApp, s: &Session, query: &str) -> (Vec<i64>, i64, Option<String>) {
    let (status, html) = page(app, s, &format!("/console/queue?{query}")).await;
    assert_eq!(status, 200, "{html}");
    let ids = regex::Regex::new(r#"id="case-(\d+)""#)
        .unwrap()
        .captures_iter(&html)
        .map(|c| c[1].parse().unwrap())
        .collect();
    let total = regex::Regex::new(r#"id="queue-total">[^<]*: (\d+)<"#)
        .unwrap()
        .captures(&html)
        .unwrap_or_else(|| panic!("no total: {html}"))[1]
        .parse()
        .unwrap();
    let next = regex::Regex::new(r#"id="queue-next" href="([^"]+)""#)
        .unwrap()
        .captures(&html)
        .map(|c| c[1].replace("&#38;", "&").replace("&amp;", "&"));
    (ids, total, next)
}

/// Files `body` for `bin`: the new case's id.
async fn file(app: &TestApp, bin: &str, body: Value) -> i64 {
    app.post("/v1/permit-applications")
        .token(&app.employer(bin))
        .json(&body)
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap()
}

/// Cases in Atyrau (KZ-23) of BIN_A ("Caspian Drilling LLP"): five applications filed on
/// 15 December 2025, one on 22 December, one category-1 application, and an issued permit;
/// and one application of BIN_B ("Steppe Build LLP", the same worker name) in Mangystau
/// (KZ-47) only. Their ids: (applied on the 15th, the 22nd's, category 1, issued, BIN_B's).
async fn cases(app: &TestApp) -> (Vec<i64>, i64, i64, i64, i64) {
    app.set_today("2025-12-15T04:00:00Z");
    quota(
        app,
        &[("KZ-23", "3", 20), ("KZ-23", "1", 5), ("KZ-47", "3", 5)],
    )
    .await;
    profile(app, BIN_A).await;
    app.put(&format!("/v1/employers/{BIN_B}"))
        .token(&app.employer(BIN_B))
        .json(&json!({
            "as_of": "2025-11-01", "name": "Steppe Build LLP", "legal_form": "LLP",
            "foreign_division": false, "sector": "F", "region": "KZ-47",
            "workforce": [{"category": "3", "kazakh": 100, "foreign": 0}]
        }))
        .await
        .ok(201);
    let issued = active_permit(app, "P9000000").await.as_i64().unwrap();
    let mut first = Vec::new();
    for n in 0..5 {
        let w = worker("YILMAZ AHMET", "TUR", &format!("U100000{n}"));
        first.push(file(app, BIN_A, application(&["KZ-23"], vec![w])).await);
    }
    let mut head = application(
        &["KZ-23"],
        vec![worker("KARIMOV RUSTAM", "UZB", "AB1234567")],
    );
    head["category"] = json!("1");
    let head = file(app, BIN_A, head).await;
    let other = file(
        app,
        BIN_B,
        application(&["KZ-47"], vec![worker("YILMAZ AHMET", "TUR", "U7777777")]),
    )
    .await;
    app.set_today("2025-12-22T04:00:00Z");
    let late = file(
        app,
        BIN_A,
        application(&["KZ-23"], vec![worker("OZTURK EMRE", "TUR", "U2000000")]),
    )
    .await;
    (first, late, head, issued, other)
}

#[actix_web::test]
async fn the_queue_pages_by_cursor_with_its_total_and_filters_by_status_category_employer_and_deadline(
) {
    let app = spawn_app().await;
    let (first, late, head, issued, _) = cases(&app).await;
    let s = sign_in(&app, &app.akimat("KZ-23")).await;

    // Awaiting the region's decision: seven, two to a page, by deadline, each page with the
    // total, the cursor keeping the filters.
    let mut seen = Vec::new();
    let (ids, total, mut next) = queue(&app, &s, "limit=2").await;
    assert_eq!((ids.len(), total), (2, 7));
    seen.extend(ids);
    while let Some(link) = next {
        let (ids, total, n) = queue(&app, &s, link.trim_start_matches("/console/queue?")).await;
        assert_eq!(total, 7, "the total is on every page");
        assert!(ids.len() <= 2, "{link}: {ids:?}");
        seen.extend(ids);
        next = n;
    }
    let mut awaiting: Vec<i64> = first.clone();
    awaiting.push(head);
    awaiting.sort();
    awaiting.push(late);
    assert_eq!(seen, awaiting, "by deadline, the 22nd's last, each once");

    // Status: the issued permit is active; the applications are not.
    let (ids, total, _) = queue(&app, &s, "status=active").await;
    assert_eq!((ids, total), (vec![issued], 1));
    // Category.
    let (ids, total, _) = queue(&app, &s, "category=1").await;
    assert_eq!((ids, total), (vec![head], 1));
    // Employer: BIN_B has nothing awaiting Atyrau.
    let (ids, total, _) = queue(&app, &s, &format!("employer={BIN_B}")).await;
    assert_eq!((ids.len(), total), (0, 0));
    let (_, total, _) = queue(&app, &s, &format!("employer={BIN_A}")).await;
    assert_eq!(total, 7);
    // Deadline: those due by the 15th's deadline leave out the 22nd's.
    let due: String = app
        .get(&format!("/v1/permits/{}", first[0]))
        .token(&app.akimat("KZ-23"))
        .send()
        .await
        .ok(200)["decision_due"]
        .as_str()
        .unwrap()
        .to_owned();
    let (ids, total, _) = queue(&app, &s, &format!("due_by={due}")).await;
    assert_eq!(total, 6);
    assert!(!ids.contains(&late));
    // A filter the page does not offer is a 400 in the reader's language.
    let (status, _) = page(&app, &s, "/console/queue?category=5").await;
    assert_eq!(status, 400);
    let (status, _) = page(&app, &s, "/console/queue?cursor=bm9wZQ").await;
    assert_eq!(status, 400);
}

#[actix_web::test]
async fn one_search_box_finds_a_case_by_each_key_and_never_another_regions_case_for_an_akimat() {
    let app = spawn_app().await;
    let (first, late, head, issued, other) = cases(&app).await;
    let number = app
        .get(&format!("/v1/permits/{issued}"))
        .token(&app.akimat("KZ-23"))
        .send()
        .await
        .ok(200)["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let s = sign_in(&app, &app.akimat("KZ-23")).await;
    let find = |term: &str| {
        format!(
            "q={}",
            form_urlencoded::byte_serialize(term.as_bytes()).collect::<String>()
        )
    };
    // Case id.
    let (ids, total, _) = queue(&app, &s, &find(&late.to_string())).await;
    assert_eq!((ids, total), (vec![late], 1));
    // Permit number, as typed in lower case.
    let (ids, _, _) = queue(&app, &s, &find(&number.to_lowercase())).await;
    assert_eq!(ids, vec![issued]);
    // Passport number, as a person types it.
    let (ids, _, _) = queue(&app, &s, &find("ab 1234567<")).await;
    assert_eq!(ids, vec![head]);
    // Latin name, in part and in lower case: the five of 15 December, not BIN_B's worker of
    // the same name in Mangystau.
    let (mut ids, total, _) = queue(&app, &s, &find("yilmaz")).await;
    ids.sort();
    assert_eq!((ids, total), (first.clone(), 5));
    // BIN and employer name: every case of BIN_A in Atyrau, in any state.
    let (_, total, _) = queue(&app, &s, &find(BIN_A)).await;
    assert_eq!(total, 8);
    let (_, total, _) = queue(&app, &s, &find("caspian drill")).await;
    assert_eq!(total, 8);
    // Another region's case is never found by Atyrau's akimat, by any key.
    for term in [
        other.to_string(),
        BIN_B.to_owned(),
        "steppe".to_owned(),
        "U7777777".to_owned(),
    ] {
        let (ids, total, _) = queue(&app, &s, &find(&term)).await;
        assert_eq!((ids.len(), total), (0, 0), "{term}");
    }
    // Mangystau's akimat and the ministry find it.
    let mangystau = sign_in(&app, &app.akimat("KZ-47")).await;
    let (ids, _, _) = queue(&app, &mangystau, &find("U7777777")).await;
    assert_eq!(ids, vec![other]);
    let ministry = sign_in(&app, &app.ministry()).await;
    let (ids, _, _) = queue(&app, &ministry, &find("steppe")).await;
    assert_eq!(ids, vec![other]);
    let (_, total, _) = queue(&app, &ministry, &find("yilmaz")).await;
    assert_eq!(total, 6);
}

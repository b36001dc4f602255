//! Backups restored under test (issue 24): while employers file and akimats approve from
//! several tasks at once, the database is backed up (SQLite: `VACUUM INTO`, PostgreSQL:
//! `pg_dump`), restored into a fresh database (`pg_restore` on PostgreSQL), and the service
//! started on the copy: the quota invariants hold, the audit chain verifies, every write
//! acknowledged before the backup began is there, and `permits check` finds it sound.

use crate::helpers::*;
use crate::permits::{application, letters, quota, worker};
use permits::config::Secret;
use serde_json::{json, Value};
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Tasks filing and approving at once.
const WRITERS: usize = 4;

/// An employer whose Kazakh staff is large enough for any number of foreign workers.
async fn big_employer(app: &TestApp) {
    app.put(&format!("/v1/employers/{BIN_A}"))
        .token(&app.employer(BIN_A))
        .json(&json!({
            "as_of": "2025-11-01", "name": "Caspian Drilling LLP", "legal_form": "LLP",
            "foreign_division": false, "sector": "B", "region": "KZ-23",
            "workforce": [{"category": "3", "kazakh": 100000, "foreign": 0}]
        }))
        .await
        .ok(201);
}

/// What a writer had acknowledged: (permit id, approved too).
type Acked = Arc<Mutex<Vec<(i64, bool)>>>;

/// Files and approves applications until `stop`, recording each acknowledged write; an
/// unexpected answer is recorded in `failed` and ends the writer.
async fn writer(app: Rc<TestApp>, n: usize, acked: Acked, stop: Arc<Mutex<Option<String>>>) {
    let mut i = 0;
    while stop.lock().unwrap().is_none() {
        // Another person each time: a name and a passport of their own.
        let passport = format!("W{n}{i:06}");
        let name = format!("KAYA {}", letters(n * 1_000_000 + i));
        let r = app
            .post("/v1/permit-applications")
            .token(&app.employer(BIN_A))
            .json(&application(
                &["KZ-23"],
                vec![worker(&name, "TUR", &passport)],
            ))
            .await;
        let Some(id) = r.body["id"].as_i64().filter(|_| r.status == 201) else {
            *stop.lock().unwrap() = Some(format!("filing: {} {}", r.status, r.body));
            return;
        };
        acked.lock().unwrap().push((id, false));
        let r = app
            .post(&format!("/v1/permits/{id}/decisions"))
            .token(&app.akimat("KZ-23"))
            .json(&json!({"decision": "approve"}))
            .await;
        if r.status != 200 {
            *stop.lock().unwrap() = Some(format!("approving {id}: {} {}", r.status, r.body));
            return;
        }
        acked.lock().unwrap().push((id, true));
        i += 1;
    }
}

/// Waits until `n` writes are acknowledged (panics if a writer failed or after a minute).
async fn until_acked(acked: &Acked, stop: &Arc<Mutex<Option<String>>>, n: usize) {
    for _ in 0..3000 {
        if let Some(why) = stop.lock().unwrap().as_ref() {
            panic!("a writer failed: {why}");
        }
        if acked.lock().unwrap().len() >= n {
            return;
        }
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("fewer than {n} writes acknowledged in a minute");
}

/// Backs up the database of `app` to a file and restores it into a fresh database of
/// the same kind; the restored database's settings and owner.
fn backup_and_restore(db_url: &str, dir: &std::path::Path) -> (permits::config::Settings, TestDb) {
    let (mut settings, scratch) = test_settings(|_| {});
    let postgres = matches!(scratch, TestDb::Postgres { .. });
    settings.database.url = Secret::new(db_url.to_owned());
    let file = dir.join(if postgres { "backup.dump" } else { "backup.db" });
    permits::ops::backup::backup(&settings, &file).expect("backup");
    // A backup never overwrites a file.
    assert!(permits::ops::backup::backup(&settings, &file).is_err());
    let (mut restored, db) = test_settings(|_| {});
    match &db {
        TestDb::Postgres { .. } => {
            let out = std::process::Command::new("pg_restore")
                .args(["--no-owner", "--exit-on-error", "--dbname"])
                .arg(restored.database.url.expose())
                .arg(&file)
                .output()
                .expect("pg_restore runs");
            assert!(
                out.status.success(),
                "pg_restore: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        TestDb::Sqlite(d) => {
            std::fs::create_dir_all(d).unwrap();
            let to = d.join("permits.db");
            std::fs::copy(&file, &to).unwrap();
            restored.database.url = Secret::new(to.to_string_lossy().into_owned());
        }
    }
    (restored, db)
}

#[actix_web::test]
async fn a_backup_taken_under_load_restores_whole_and_consistent() {
    let _turn = heavy().await;
    let app = Rc::new(spawn_app().await);
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 1000)]).await;
    big_employer(&app).await;

    let acked: Acked = Default::default();
    let stop: Arc<Mutex<Option<String>>> = Default::default();
    let tasks: Vec<_> = (0..WRITERS)
        .map(|n| actix_web::rt::spawn(writer(app.clone(), n, acked.clone(), stop.clone())))
        .collect();
    until_acked(&acked, &stop, 20).await;
    // Every write acknowledged before the backup starts must be in it.
    let before: Vec<(i64, bool)> = acked.lock().unwrap().clone();
    let dir = std::env::temp_dir().join(format!("permits-backup-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let (restored, db) = {
        let (url, dir) = (app.db_url.clone(), dir.clone());
        actix_web::web::block(move || backup_and_restore(&url, &dir))
            .await
            .unwrap()
    };
    until_acked(&acked, &stop, before.len() + 10).await;
    *stop.lock().unwrap() = Some("enough".into());
    for t in tasks {
        t.await.unwrap();
    }

    // The consistency report of the restored database (what the restore script runs).
    let report = {
        let restored = restored.clone();
        actix_web::web::block(move || permits::ops::backup::check(&restored))
            .await
            .unwrap()
            .expect("check runs")
    };
    assert!(report.sound(), "{report:?}");

    let copy = spawn_app_over(restored, db).await;
    copy.set_today("2025-12-15T04:00:00Z");
    {
        let mut conn = copy.pool.get().unwrap();
        crate::invariants::check_invariants(&mut conn, 0);
    }
    let v = copy
        .get("/v1/audit/chain/verification")
        .token(&copy.auditor())
        .send()
        .await;
    assert_eq!(v.ok(200)["intact"], true, "{}", v.body);
    for (id, approved) in &before {
        let p: Value = copy
            .get(&format!("/v1/permits/{id}"))
            .token(&copy.ministry())
            .send()
            .await
            .ok(200)
            .clone();
        if *approved {
            assert_eq!(p["status"], "awaiting_payment", "permit {id}");
        }
    }
    // Nothing acknowledged after the backup ended can be in it: the copy is one snapshot.
    let held = region_units(&copy, "KZ-23", "3").await.1;
    let approved_before = before.iter().filter(|(_, a)| *a).count() as i64;
    let approved_all = acked.lock().unwrap().iter().filter(|(_, a)| *a).count() as i64;
    assert!(
        (approved_before..=approved_all).contains(&held),
        "{held} held in the copy, {approved_before} approved before the backup"
    );
    let _ = std::fs::remove_dir_all(&dir);
    // The source database is whole too.
    let mut c = app.pool.get().unwrap();
    crate::invariants::check_invariants(&mut c, 1);
}

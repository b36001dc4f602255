//! `permits demo`: loads the 2026 quota as published (Order No. 397 of 12.12.2025) into a
//! fresh SQLite file and runs a dozen employers' permit cases through the API handlers, in
//! process, on a clock that moves from December 2025 to December 2026, printing each step.
//! A newcomer sees the whole life of a permit: checks, decisions by several regions, fees
//! at the MRP of the payment date, lapse, trips, extension, suspension, revocation, return
//! and departure.
//!
//! The quota goes to the regions in one of two ways. Given the regions' labour force
//! (`--labour-force FILE`, see [`labour_force`]), each category is split among all 20
//! regions in proportion to it by the largest remainder, with the file's source as the
//! allocations' reason. Without it, the ten regions the cases use get small demo
//! allocations, with a reason that says so: the project holds no regional labour-force
//! table.

pub mod labour_force;

use crate::api::{self, extract};
use crate::auth::{mint, Claims, Role};
use crate::clock::FixedClock;
use crate::config::{Secret, Settings};
use crate::domain::EmployerId;
use actix_web::{test, web, App};
use labour_force::LabourForce;
use serde_json::{json, Value};
use std::path::Path;
use std::sync::Arc;

/// The 2026 permit quota by category, as Order No. 397 of 12.12.2025 published it.
const QUOTA_2026: [(&str, i64); 5] = [
    ("1", 726),
    ("2", 3402),
    ("3", 5893),
    ("4", 3131),
    ("seasonal", 4994),
];

/// A valid BIN (or IIN) from its first eleven digits: the one check digit that fits.
fn employer(first11: &str) -> Result<String, String> {
    (0..10)
        .map(|d| format!("{first11}{d}"))
        .find(|s| s.parse::<EmployerId>().is_ok())
        .ok_or_else(|| format!("no check digit fits {first11}"))
}

/// A JSON value as plain text: strings without their quotes.
fn text(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
}

fn at(date: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    format!("{date}T04:00:00Z")
        .parse()
        .map_err(|e| format!("{date}: {e}"))
}

/// Runs the demo on a fresh SQLite file at `path`, splitting the quota among the 20
/// regions by the labour force in `labour_force` when given. Refuses an existing file, and
/// a labour-force file with any problem, before anything is written.
pub fn run(mut settings: Settings, path: &Path, labour_force: Option<&Path>) -> Result<(), String> {
    if path.exists() {
        return Err(format!(
            "{} exists: the demo runs on a fresh file; remove it or name another",
            path.display()
        ));
    }
    let labour_force = match labour_force {
        Some(file) => {
            let known = crate::db::seed::regions(&settings.seed.dir).map_err(|e| e.to_string())?;
            let lf = LabourForce::read(file, &known)?;
            enough_for_the_cases(&lf).map_err(|why| {
                format!("{} is refused (nothing was written): {why}", file.display())
            })?;
            Some(lf)
        }
        None => None,
    };
    settings.database.url = Secret::new(path.to_string_lossy().into_owned());
    actix_web::rt::System::new().block_on(script(settings, labour_force))
}

/// The regions the demo's cases are filed in, and the units of each category (in the order
/// of [`QUOTA_2026`]) the demo allocates to each when no labour-force table is given.
const CASE_REGIONS: [&str; 10] = [
    "KZ-15", "KZ-19", "KZ-23", "KZ-35", "KZ-39", "KZ-47", "KZ-55", "KZ-71", "KZ-75", "KZ-79",
];
const CASE_UNITS: [i64; 5] = [10, 10, 20, 10, 20];

/// The units the demo's applications draw in 2026, by region and category: the workers
/// they name there (the applications in [`script`]).
const CASE_NEEDS: [(&str, &str, i64); 11] = [
    ("KZ-23", "3", 5),
    ("KZ-47", "3", 4),
    ("KZ-75", "1", 1),
    ("KZ-75", "3", 1),
    ("KZ-79", "4", 2),
    ("KZ-19", "seasonal", 3),
    ("KZ-71", "2", 1),
    ("KZ-35", "3", 1),
    ("KZ-55", "3", 1),
    ("KZ-15", "3", 1),
    ("KZ-39", "3", 1),
];

/// A split by `lf` must give each region what the demo's cases draw there ([`CASE_NEEDS`]),
/// or the demo would stop halfway with a half-written database; says which fall short.
fn enough_for_the_cases(lf: &LabourForce) -> Result<(), String> {
    let numbers: Vec<i64> = QUOTA_2026.iter().map(|(_, n)| *n).collect();
    let split = lf.split(&numbers);
    let got = |region: &str, category: &str| -> i64 {
        let column = QUOTA_2026.iter().position(|(c, _)| *c == category);
        lf.regions
            .iter()
            .zip(&split)
            .find(|(r, _)| r.code == region)
            .and_then(|(_, units)| column.and_then(|i| units.get(i).copied()))
            .unwrap_or(0)
    };
    let short: Vec<String> = CASE_NEEDS
        .iter()
        .filter(|(r, c, need)| got(r, c) < *need)
        .map(|(r, c, need)| {
            format!(
                "{r} gets {} of category {c} where its cases need {need}",
                got(r, c)
            )
        })
        .collect();
    if short.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the split leaves the demo's cases without quota: {}; check the file's figures",
            short.join(", ")
        ))
    }
}

async fn script(settings: Settings, labour_force: Option<LabourForce>) -> Result<(), String> {
    let clock = FixedClock::new(at("2025-12-15")?);
    let state =
        crate::startup::state(&settings, Arc::new(clock.clone())).map_err(|e| e.to_string())?;
    let secret = settings.auth.hs256_secret.expose().to_owned();
    let (app, _) = api::app_parts(
        App::new()
            .app_data(state.clone())
            .app_data(web::PayloadConfig::new(settings.server.max_body_bytes))
            .app_data(web::PathConfig::default().error_handler(extract::path_error)),
    );
    let svc = test::init_service(app).await;
    let token = |role: Role, region: Option<&str>, bin: Option<&str>| -> Result<String, String> {
        mint(
            &secret,
            &Claims {
                sub: format!("demo-{}", region.or(bin).unwrap_or(role.as_str())),
                role,
                region: region.map(str::to_owned),
                bin: bin.map(str::to_owned),
                exp: chrono::Utc::now().timestamp() + 3600,
            },
        )
        .map_err(|e| e.to_string())
    };
    macro_rules! call {
        ($method:ident, $path:expr, $token:expr, $body:expr) => {{
            let mut req = test::TestRequest::$method()
                .uri(&$path)
                .insert_header(("Authorization", format!("Bearer {}", $token)));
            let body: Option<Value> = $body;
            if let Some(b) = body {
                req = req.set_json(b);
            }
            let res = test::call_service(&svc, req.to_request()).await;
            let status = res.status().as_u16();
            let bytes = test::read_body(res).await;
            let v: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            (status, v)
        }};
    }
    macro_rules! expect {
        ($r:expr, $status:expr, $what:expr) => {{
            let (s, v) = $r;
            if s != $status {
                return Err(format!("{}: expected {}, got {s}: {v}", $what, $status));
            }
            v
        }};
    }
    let ministry = token(Role::Ministry, None, None)?;
    let akimat = |r: &str| token(Role::Akimat, Some(r), None);
    let emp = |b: &str| token(Role::Employer, None, Some(b));

    println!("== 2026 quota, Order No. 397 of 12.12.2025 (0.25 % of the labour force)");
    let categories: Vec<Value> = QUOTA_2026
        .iter()
        .map(|(c, n)| json!({"category": c, "number": n}))
        .collect();
    expect!(
        call!(
            put,
            "/v1/quotas/2026",
            ministry,
            Some(json!({
                "labour_force": 7_258_400,
                "labour_force_source": "implied by Order No. 397 of 12.12.2025: its categories total 18,146, 0.25 % of 7,258,400 (the Bureau of National Statistics forecast itself is not loaded; unconfirmed)",
                "permit_percent": "0.25",
                "categories": categories,
                "labour_immigrant_percent": "2.9",
                "country_quotas": [],
                "order": {"number": "Order No. 397", "date": "2025-12-12"}
            }))
        ),
        201,
        "national quota"
    );
    match &labour_force {
        Some(lf) => {
            let numbers: Vec<i64> = QUOTA_2026.iter().map(|(_, n)| *n).collect();
            let split = lf.split(&numbers);
            let reason = format!(
                "Order No. 397 of 12.12.2025 split among the {} regions in proportion to labour force by the largest remainder; labour force: {}",
                lf.regions.len(),
                lf.source
            );
            println!(
                "== split among the {} regions by labour force, largest remainder (Art. 32(4)-(5))",
                lf.regions.len()
            );
            println!("   labour force: {}", lf.source);
            println!(
                "   the file's labour force totals {}; Order No. 397's figures are 0.25 % of 7258400",
                lf.total()
            );
            let columns = |cells: &mut dyn Iterator<Item = String>| -> String {
                cells.map(|c| format!(" {c:>8}")).collect()
            };
            println!(
                "   {:<6} {:<24} {:>12} {:>8}{}",
                "region",
                "name",
                "labour force",
                "share",
                columns(&mut QUOTA_2026.iter().map(|(c, _)| (*c).to_owned()))
            );
            for (r, units) in lf.regions.iter().zip(&split) {
                let categories: Vec<Value> = QUOTA_2026
                    .iter()
                    .zip(units)
                    .map(|((c, _), n)| json!({"category": c, "allocated": n}))
                    .collect();
                expect!(
                    call!(
                        put,
                        format!("/v1/quotas/2026/regions/{}", r.code),
                        ministry,
                        Some(json!({"categories": categories, "reason": reason}))
                    ),
                    200,
                    format!("allocation {}", r.code)
                );
                println!(
                    "   {:<6} {:<24} {:>12} {:>6} %{}",
                    r.code,
                    r.name,
                    r.labour_force,
                    lf.percent(r),
                    columns(&mut units.iter().map(i64::to_string))
                );
            }
            println!(
                "   {:<6} {:<24} {:>12} {:>6} %{}",
                "total",
                "",
                lf.total(),
                "100.00",
                columns(&mut numbers.iter().map(i64::to_string))
            );
        }
        None => {
            for r in CASE_REGIONS {
                expect!(
                    call!(
                        put,
                        format!("/v1/quotas/2026/regions/{r}"),
                        ministry,
                        Some(json!({
                            "categories": QUOTA_2026.iter().zip(CASE_UNITS)
                                .map(|((c, _), n)| json!({"category": c, "allocated": n}))
                                .collect::<Vec<Value>>(),
                            "reason": "Demo allocation under Order No. 397; not the official split by regional labour force, which the project does not hold"
                        }))
                    ),
                    200,
                    format!("allocation {r}")
                );
            }
            println!("   categories 1-4 and seasonal: 726 / 3,402 / 5,893 / 3,131 / 4,994; demo allocations to {} regions", CASE_REGIONS.len());
            println!("   (not a split by labour force: `permits demo --labour-force FILE` splits the quota among all 20 regions by the regions' labour force)");
        }
    }

    // Twelve employers: (first 11 digits, name, OKED section, region, foreign branch,
    // Kazakh staff per category 1-4, foreign staff in category 3).
    let firms = [
        (
            "18024000123",
            "Caspian Drilling LLP",
            "B",
            "KZ-23",
            false,
            150,
        ),
        (
            "19034100456",
            "Anatolia Engineering, Almaty branch",
            "M",
            "KZ-75",
            true,
            2,
        ),
        (
            "17054000789",
            "Shymkent Cement Works JSC",
            "C",
            "KZ-79",
            false,
            400,
        ),
        (
            "20064000321",
            "Zhetysu Orchards LLP",
            "A",
            "KZ-19",
            false,
            80,
        ),
        (
            "16074000654",
            "Astana Grand Hotel LLP",
            "I",
            "KZ-71",
            false,
            120,
        ),
        (
            "15084000987",
            "Karaganda Steel Service LLP",
            "C",
            "KZ-35",
            false,
            300,
        ),
        (
            "14094000135",
            "Pavlodar Petrochem LLP",
            "C",
            "KZ-55",
            false,
            200,
        ),
        (
            "13104000246",
            "Atyrau Pipe Services LLP",
            "B",
            "KZ-23",
            false,
            5,
        ),
        (
            "12114000357",
            "Aktobe Chromium LLP",
            "B",
            "KZ-15",
            false,
            250,
        ),
        ("11124000468", "Kostanay Grain LLP", "A", "KZ-39", false, 90),
        (
            "21014000579",
            "Mangystau Port Logistics LLP",
            "H",
            "KZ-47",
            false,
            160,
        ),
        (
            "22024000681",
            "Almaty Software LLP",
            "J",
            "KZ-75",
            false,
            60,
        ),
    ];
    let mut bins = Vec::new();
    for (first, name, sector, region, branch, kazakh) in firms {
        let bin = employer(first)?;
        expect!(
            call!(
                put,
                format!("/v1/employers/{bin}"),
                emp(&bin)?,
                Some(json!({
                    "as_of": "2025-12-01", "name": name, "legal_form": if branch { "branch" } else { "LLP" },
                    "foreign_division": branch, "sector": sector, "region": region,
                    "workforce": [
                        {"category": "1", "kazakh": kazakh / 10, "foreign": u32::from(branch) * 3},
                        {"category": "3", "kazakh": kazakh, "foreign": 2, "posted": 1}
                    ]
                }))
            ),
            201,
            format!("profile of {name}")
        );
        bins.push((bin, name, region));
    }
    println!("== 12 employer profiles stated (Art. 33(6))");

    let worker = |name: &str, country: &str, passport: &str| {
        json!({"full_name_latin": name, "citizenship": country, "passport_number": passport,
            "passport_expiry": "2031-01-01", "birth_date": "1988-03-03", "education": "higher",
            "profession": "Engineer", "occupation_code": "2144",
            "experience_years": 7, "qualification_ref": "Professional standard, level 6"})
    };
    let application = |category: &str, regions: &[&str], workers: Vec<Value>| {
        json!({"category": category, "profession": "Engineer", "regions": regions, "workers": workers,
            "term": {"unit": "months", "length": 12}, "start_date": "2026-01-15",
            "vacancy_code": "ELX-2025-0001", "vacancy_published_on": "2025-11-20"})
    };
    let mut ids = Vec::new();
    let mut file = Vec::new();
    file.push(application(
        "3",
        &["KZ-23", "KZ-47"],
        vec![
            worker("KAYA MEHMET", "TUR", "U1000001"),
            worker("DEMIR ALI", "TUR", "U1000002"),
            worker("IVANOV PETR", "RUS", "75 1000003"),
        ],
    ));
    let mut a = application(
        "1",
        &["KZ-75"],
        vec![worker("YILMAZ AYSE", "TUR", "U2000001")],
    );
    a["term"] = json!({"unit": "months", "length": 24});
    file.push(a);
    let mut a = application(
        "4",
        &["KZ-79"],
        vec![
            worker("LI WEI", "CHN", "E3000001"),
            worker("WANG FANG", "CHN", "E3000002"),
        ],
    );
    a["replacement_months"] = json!(12);
    file.push(a);
    let mut a = application(
        "seasonal",
        &["KZ-19"],
        vec![
            worker("KARIMOV BOBUR", "UZB", "FA4000001"),
            worker("TOSHEV ODIL", "UZB", "FA4000002"),
            worker("RAHIMOV SARDOR", "UZB", "FA4000003"),
        ],
    );
    a["profession"] = json!("Fruit and vegetable picker");
    a["term"] = json!({"unit": "days", "length": 120});
    a["start_date"] = json!("2026-04-01");
    for w in a["workers"].as_array_mut().into_iter().flatten() {
        w["qualification_ref"] = Value::Null;
        w["occupation_code"] = json!("9211");
    }
    file.push(a);
    file.push(application(
        "2",
        &["KZ-71"],
        vec![worker("MUELLER HANS", "DEU", "C5000001")],
    ));
    file.push(application(
        "3",
        &["KZ-35"],
        vec![worker("SINGH ARJUN", "IND", "P6000001")],
    ));
    file.push(application(
        "3",
        &["KZ-55"],
        vec![worker("NGUYEN AN", "VNM", "B7000001")],
    ));
    file.push(application(
        "3",
        &["KZ-23"],
        vec![
            worker("ROSSI MARCO", "ITA", "YA8000001"),
            worker("BIANCHI LUCA", "ITA", "YA8000002"),
        ],
    ));
    file.push(application(
        "3",
        &["KZ-15"],
        vec![worker("KIM MINJUN", "KOR", "M9000001")],
    ));
    file.push(application(
        "3",
        &["KZ-39"],
        vec![worker("OZTURK EMRE", "TUR", "U1100001")],
    ));
    file.push(application(
        "3",
        &["KZ-47"],
        vec![worker("ALIYEV RASHAD", "AZE", "C1200001")],
    ));
    file.push(application(
        "3",
        &["KZ-75"],
        vec![worker("SMITH JOHN", "GBR", "G1300001")],
    ));
    println!(
        "== 15 December 2025: twelve applications filed (Art. 33(1)); checks stored with each"
    );
    for ((bin, name, _), body) in bins.iter().zip(file) {
        let v = expect!(
            call!(post, "/v1/permit-applications", emp(bin)?, Some(body)),
            201,
            format!("application of {name}")
        );
        let checks = v["checks"].as_array().cloned().unwrap_or_default();
        let n = |o: &str| checks.iter().filter(|c| c["outcome"] == o).count();
        println!(
            "   #{} {name}: category {}, regions {}; checks pass {} / warning {} / fail {}",
            v["id"],
            text(&v["category"]),
            v["regions"].as_array().map_or(0, Vec::len),
            n("pass"),
            n("warning"),
            n("fail")
        );
        for c in checks.iter().filter(|c| c["outcome"] != "pass") {
            println!(
                "      {} {} ({}): {}",
                text(&c["outcome"]),
                text(&c["code"]),
                text(&c["article"]),
                text(&c["message"])
            );
        }
        ids.push(v["id"].clone());
    }

    println!("== 24 December 2025: akimats decide (Art. 33(2), 9(5))");
    clock.set(at("2025-12-24")?);
    let decide = |i: usize, region: &str, body: Value| -> (usize, String, Value) {
        (i, region.to_owned(), body)
    };
    let approve = json!({"decision": "approve"});
    let decisions = [
        decide(0, "KZ-23", approve.clone()),
        decide(0, "KZ-47", approve.clone()),
        decide(1, "KZ-75", approve.clone()),
        decide(2, "KZ-79", approve.clone()),
        decide(3, "KZ-19", approve.clone()),
        decide(
            4,
            "KZ-71",
            json!({"decision": "refuse", "grounds": ["qualification-unmet"]}),
        ),
        decide(5, "KZ-35", approve.clone()),
        decide(
            7,
            "KZ-23",
            json!({"decision": "refuse", "grounds": ["kazakh-share-unmet"]}),
        ),
        decide(8, "KZ-15", approve.clone()),
        decide(9, "KZ-39", approve.clone()),
        decide(10, "KZ-47", approve.clone()),
        decide(11, "KZ-75", approve.clone()),
    ];
    for (i, region, body) in decisions {
        let (s, v) = call!(
            post,
            format!("/v1/permits/{}/decisions", ids[i]),
            akimat(&region)?,
            Some(body)
        );
        match s {
            200 => println!("   #{} by {region}: {}", ids[i], text(&v["status"])),
            _ => println!("   #{} by {region}: {s} {}", ids[i], text(&v["detail"])),
        }
    }
    expect!(
        call!(
            post,
            format!("/v1/permits/{}/withdrawal", ids[6]),
            emp(&bins[6].0)?,
            None
        ),
        200,
        "withdrawal"
    );
    println!("   #{} withdrawn by the employer before a decision", ids[6]);

    // Fees: every approved permit but #6 (Karaganda) is paid; Caspian pays one region in
    // December at the 2025 MRP (3,932) and the other in January at 4,325.
    let pay = |id: &Value, region: &str, amount: &str, on: &str| {
        (
            format!("/v1/permits/{id}/payments"),
            json!({"region": region, "amount": amount, "paid_on": on, "reference": format!("PP-{id}-{region}")}),
        )
    };
    let fee_of = |v: &Value, region: &str| -> String {
        v["regions"]
            .as_array()
            .and_then(|rs| rs.iter().find(|r| r["region"] == region))
            .and_then(|r| r["fee"]["due_today"].as_str())
            .unwrap_or("0")
            .to_owned()
    };
    println!("== 26 December 2025: fees paid at the MRP of the payment date (Art. 33(4))");
    clock.set(at("2025-12-26")?);
    for i in [0usize, 1, 2, 3, 8, 9, 10, 11] {
        let bin = &bins[i].0;
        let v = expect!(
            call!(get, format!("/v1/permits/{}", ids[i]), emp(bin)?, None),
            200,
            "read"
        );
        let regions: Vec<String> = v["regions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["region"].as_str().map(str::to_owned))
            .collect();
        for region in regions.iter().take(if i == 0 { 1 } else { regions.len() }) {
            let amount = fee_of(&v, region);
            let (path, body) = pay(&ids[i], region, &amount, "2025-12-26");
            let v = expect!(call!(post, path, emp(bin)?, Some(body)), 201, "payment");
            println!(
                "   #{} paid {amount} tenge to {region}: {}",
                ids[i],
                text(&v["status"])
            );
        }
    }
    clock.set(at("2026-01-05")?);
    let v = expect!(
        call!(
            get,
            format!("/v1/permits/{}", ids[0]),
            emp(&bins[0].0)?,
            None
        ),
        200,
        "read"
    );
    let (path, body) = pay(&ids[0], "KZ-47", "1588528.00", "2026-01-05");
    let (s, p) = call!(post, path, emp(&bins[0].0)?, Some(body));
    println!(
        "== 5 January 2026: Caspian pays KZ-47 at last year's MRP: {s} {}",
        text(&p["detail"])
    );
    let amount = fee_of(&v, "KZ-47");
    let (path, body) = pay(&ids[0], "KZ-47", &amount, "2026-01-05");
    let v = expect!(
        call!(post, path, emp(&bins[0].0)?, Some(body)),
        201,
        "payment"
    );
    println!(
        "   then {amount} tenge at the 2026 MRP: {}",
        text(&v["status"])
    );

    println!(
        "== 20 January 2026: Karaganda never paid: reading it lapses it and its quota comes back"
    );
    clock.set(at("2026-01-20")?);
    let v = expect!(
        call!(
            get,
            format!("/v1/permits/{}", ids[5]),
            emp(&bins[5].0)?,
            None
        ),
        200,
        "read"
    );
    println!("   #{}: {}", ids[5], text(&v["status"]));

    println!("== 2026: life of the active permits");
    clock.set(at("2026-03-02")?);
    let workers = |v: &Value| v["workers"][0]["id"].clone();
    let mangystau = expect!(
        call!(
            get,
            format!("/v1/permits/{}", ids[10]),
            emp(&bins[10].0)?,
            None
        ),
        200,
        "read"
    );
    let trip = json!({"worker_id": workers(&mangystau), "host_region": "KZ-23", "host_organisation": "Tengiz field", "start_date": "2026-03-10", "end_date": "2026-06-07"});
    let (s, _) = call!(
        post,
        format!("/v1/permits/{}/trips", ids[10]),
        emp(&bins[10].0)?,
        Some(trip)
    );
    println!(
        "   #{}: 90-day business trip to KZ-23 (Art. 33(3)): {s}",
        ids[10]
    );
    let trip = json!({"worker_id": workers(&mangystau), "host_region": "KZ-23", "host_organisation": "Tengiz field", "start_date": "2026-07-01", "end_date": "2026-07-01"});
    let (s, v) = call!(
        post,
        format!("/v1/permits/{}/trips", ids[10]),
        emp(&bins[10].0)?,
        Some(trip)
    );
    println!(
        "   #{}: day 91: {s} {}",
        ids[10],
        text(&v["violations"][0]["message"])
    );
    let (s, v) = call!(
        post,
        format!("/v1/permits/{}/suspension", ids[8]),
        akimat("KZ-15")?,
        Some(json!({"reason": "labour inspection"}))
    );
    println!(
        "   #{} suspended by KZ-15: {s} {}",
        ids[8],
        text(&v["status"])
    );
    let (s, v) = call!(
        post,
        format!("/v1/permits/{}/resumption", ids[8]),
        akimat("KZ-15")?,
        None
    );
    println!("   #{} resumed: {s} {}", ids[8], text(&v["status"]));
    let (s, v) = call!(
        post,
        format!("/v1/permits/{}/revocation", ids[9]),
        akimat("KZ-39")?,
        Some(
            json!({"ground": "unlawful-engagement", "note": "workers found outside the permit's region"})
        )
    );
    println!(
        "   #{} revoked for unlawful engagement: {s} {} (the employer is barred 12 months)",
        ids[9],
        text(&v["status"])
    );
    let (s, v) = call!(
        post,
        format!("/v1/permits/{}/return", ids[2]),
        emp(&bins[2].0)?,
        Some(json!({"reason": "kiln project finished early"}))
    );
    println!(
        "   #{} returned by the employer: {s} {}",
        ids[2],
        text(&v["status"])
    );
    let kostanay = expect!(
        call!(
            get,
            format!("/v1/permits/{}", ids[9]),
            emp(&bins[9].0)?,
            None
        ),
        200,
        "read"
    );
    // The worker leaves three days after the revocation; a departure is recorded once it
    // has happened.
    clock.set(at("2026-03-05")?);
    let (s, _) = call!(
        post,
        format!("/v1/permits/{}/departures", ids[9]),
        emp(&bins[9].0)?,
        Some(
            json!({"worker_id": workers(&kostanay), "date": "2026-03-05", "evidence": "Kostanay airport, flight to Istanbul"})
        )
    );
    println!(
        "   #{}: worker's departure recorded (Art. 28(2)(8)): {s}",
        ids[9]
    );

    clock.set(at("2026-12-01")?);
    let ext = json!({"term": {"unit": "months", "length": 12}});
    let (s, v) = call!(
        post,
        format!("/v1/permits/{}/extensions", ids[11]),
        emp(&bins[11].0)?,
        Some(ext)
    );
    println!(
        "== 1 December 2026: Almaty Software applies to extend #{}: {s}, case #{} on the {} quota",
        ids[11],
        text(&v["id"]),
        text(&v["quota_year"])
    );
    let (_, v) = call!(get, "/v1/departures/overdue", ministry, None);
    println!(
        "   departures owed and not recorded: {}",
        v["items"].as_array().map_or(0, Vec::len)
    );
    let (_, v) = call!(get, "/v1/quotas/2026/regions/KZ-23", ministry, None);
    let c3 = v["categories"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["category"] == "3").cloned())
        .unwrap_or_default();
    println!(
        "   KZ-23 category 3 in 2026: allocated {}, held {}, used {}",
        c3["allocated"], c3["held"], c3["used"]
    );
    println!(
        "== done: the database is {}",
        settings.database.url.expose()
    );
    Ok(())
}

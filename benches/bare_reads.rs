//! The P2 baseline of `benches/load.sh`: a bare actix-web + diesel server reading the same
//! rows as the service's three hot reads, through the service's own queries (for a permit:
//! the permit, its details, regions, workers, trips, replacement report and re-issues, the
//! number of the rule set in force and the permit's history lines), with none of its layers (no token, no authorization, no read transaction, no lapse-on-read, no
//! request id, no access log, no problem+json, no OpenAPI). What the service serves is
//! compared with what this serves on the same database, machine and load.
//!
//! `cargo bench --bench bare_reads -- <database url> <port>` (the script builds it with
//! `cargo bench --no-run` and starts the binary).

use actix_web::{get, web, App, HttpResponse, HttpServer};
use permits::config::{DatabaseSettings, Secret};
use permits::db::audit::{self, HistoryLine};
use permits::db::permits::{
    self as q, DetailRow, Filter, PermitRow, RegionRow, ReissueRow, ReplacementRow, TripRow,
    WorkerRow,
};
use permits::db::quota::RegionalRow;
use permits::db::rulesets;
use permits::db::{self, Pool};
use serde::Serialize;

#[derive(Serialize)]
struct Permit {
    permit: PermitRow,
    detail: DetailRow,
    regions: Vec<RegionRow>,
    workers: Vec<WorkerRow>,
    trips: Vec<TripRow>,
    replacement: Option<ReplacementRow>,
    reissues: Vec<ReissueRow>,
    rule_set: Option<i64>,
    history: Vec<HistoryLine>,
}

#[derive(Serialize)]
struct Page {
    items: Vec<PermitRow>,
}

#[derive(Serialize)]
struct Quota {
    year: i32,
    region: String,
    rows: Vec<RegionalRow>,
}

async fn on_pool<T: Send + 'static>(
    pool: &web::Data<Pool>,
    f: impl FnOnce(&mut db::Conn) -> diesel::QueryResult<T> + Send + 'static,
) -> actix_web::Result<T> {
    let pool = pool.clone();
    web::block(move || {
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        f(&mut conn).map_err(|e| e.to_string())
    })
    .await?
    .map_err(actix_web::error::ErrorInternalServerError)
}

#[get("/permits/{id}")]
async fn permit(pool: web::Data<Pool>, id: web::Path<i64>) -> actix_web::Result<HttpResponse> {
    let id = id.into_inner();
    let found = on_pool(&pool, move |c| {
        let Some(permit) = q::get(c, id)? else {
            return Ok(None);
        };
        Ok(Some(Permit {
            permit,
            detail: q::details(c, id)?,
            regions: q::regions_of(c, id)?,
            workers: q::workers_of(c, id)?,
            trips: q::trips_of(c, id)?,
            replacement: q::replacement_of(c, id)?,
            reissues: q::reissues_of(c, id)?,
            rule_set: rulesets::version_in_force(c, chrono::Utc::now().date_naive())?,
            history: audit::history(c, "permit", &id.to_string(), 1000)?,
        }))
    })
    .await?;
    Ok(match found {
        Some(p) => HttpResponse::Ok().json(p),
        None => HttpResponse::NotFound().finish(),
    })
}

#[get("/employers/{bin}/permits")]
async fn employer_permits(
    pool: web::Data<Pool>,
    bin: web::Path<String>,
) -> actix_web::Result<HttpResponse> {
    let bin = bin
        .into_inner()
        .parse()
        .map_err(actix_web::error::ErrorBadRequest)?;
    let filter = Filter {
        bin: Some(bin),
        limit: 51,
        ..Filter::default()
    };
    let items = on_pool(&pool, move |c| q::list(c, &filter, false)).await?;
    Ok(HttpResponse::Ok().json(Page { items }))
}

#[get("/quotas/{year}/regions/{region}")]
async fn regional(
    pool: web::Data<Pool>,
    path: web::Path<(i32, String)>,
) -> actix_web::Result<HttpResponse> {
    let (year, region) = path.into_inner();
    let r = region.clone();
    let rows = on_pool(&pool, move |c| db::quota::regional_of(c, year, &r)).await?;
    Ok(HttpResponse::Ok().json(Quota { year, region, rows }))
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let (Some(url), Some(port)) = (args.next(), args.next()) else {
        eprintln!("usage: bare_reads <database url> <port>");
        std::process::exit(2);
    };
    let port: u16 = port.parse().map_err(std::io::Error::other)?;
    let pool_size = std::env::var("BARE_POOL_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let pool = db::pool(&DatabaseSettings {
        url: Secret::new(url),
        pool_size,
        connect_timeout_seconds: 5,
        statements: None,
    })
    .map_err(std::io::Error::other)?;
    let pool = web::Data::new(pool);
    actix_web::rt::System::new().block_on(
        HttpServer::new(move || {
            App::new()
                .app_data(pool.clone())
                .service(permit)
                .service(employer_permits)
                .service(regional)
        })
        .bind(("127.0.0.1", port))?
        .run(),
    )
}

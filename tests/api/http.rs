//! HTTP as clients expect it, and the service's edges: idempotent replays per principal,
//! identifiers, tenant-bound tokens, slow or odd requests, text the databases disagree on,
//! and a database connection lost mid-transaction.

use crate::helpers::*;
use permits::error::ApiError;

#[actix_web::test]
async fn a_connection_dropped_mid_transaction_is_a_503_not_the_failed_rollbacks_error() {
    use diesel::RunQueryDsl;
    let app = spawn_app().await;
    if !app.db.is_postgres() {
        // An embedded SQLite file has no server to drop the connection.
        return;
    }
    let mut conn = app.pool.get().unwrap();
    let db = &app.db;
    let result: Result<(), ApiError> = permits::db::write_tx(&mut conn, |c| {
        let pid: i32 = diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>(
            "pg_backend_pid()",
        ))
        .get_result(c)?;
        db.admin_sql(&format!("SELECT pg_terminate_backend({pid})"));
        std::thread::sleep(std::time::Duration::from_millis(200));
        diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>("1")).execute(c)?;
        Ok(())
    });
    assert!(matches!(result, Err(ApiError::Unavailable)), "{result:?}");
    let res = actix_web::ResponseError::error_response(&result.unwrap_err());
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers().get("retry-after").unwrap(), "5");
}

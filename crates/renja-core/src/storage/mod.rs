//! Tables and their SQL. One file per table family, small methods, statements cached.
//! Also the schema migrations: numbered SQL files embedded in the binary, applied in order
//! inside one `IMMEDIATE` transaction, the version kept in `PRAGMA user_version`.

pub(crate) mod identity;
pub(crate) mod team;
pub(crate) mod tree;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::Result;

/// Migration `n` (1-based) turns a schema `n - 1` file into schema `n`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_kop.sql"),
    include_str!("migrations/0003_realisasi_bukti.sql"),
    include_str!("migrations/0004_laporan.sql"),
];

pub(crate) const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

/// Every table, with the schema version that added it.
pub(crate) const TABLES: &[(&str, u32)] = &[
    ("plan", 1),
    ("program", 1),
    ("outcome", 1),
    ("kegiatan", 1),
    ("output", 1),
    ("tahapan", 1),
    ("anggota", 1),
    ("realisasi", 3),
    ("berkas", 3),
    ("bukti", 3),
    ("bukti_berkas", 3),
    ("logo", 4),
];
/// Bring `conn` from schema `from` to `to` in one transaction. `from = 0` creates the schema
/// in an empty database and stamps the application id.
pub(crate) fn migrate(conn: &mut Connection, from: u32, to: u32) -> Result<()> {
    debug_assert!(from <= to && to <= LATEST_VERSION);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if from == 0 {
        tx.pragma_update(None, "application_id", crate::file::APPLICATION_ID)?;
    }
    for sql in &MIGRATIONS[from as usize..to as usize] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", to)?;
    tx.commit()?;
    Ok(())
}

/// Check that a file of schema `version` holds that version's tables and exactly one plan
/// row. Returns a description of the first problem found, for the "corrupt" error.
pub(crate) fn check_schema(conn: &Connection, version: u32) -> std::result::Result<(), String> {
    let mut stmt = conn
        .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1")
        .map_err(|e| e.to_string())?;
    for (table, since) in TABLES {
        if *since <= version && !stmt.exists([table]).map_err(|e| e.to_string())? {
            return Err(format!("table {table} missing"));
        }
    }
    let plans: i64 = conn
        .query_row("SELECT count(*) FROM plan", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if plans != 1 {
        return Err(format!("{plans} plan rows"));
    }
    Ok(())
}

/// The highest `position` + 1 among rows of `table` under a parent, for appending.
pub(crate) fn next_position(
    conn: &Connection,
    table: &str,
    parent_column: Option<&str>,
    parent: i64,
) -> Result<i64> {
    let sql = match parent_column {
        Some(col) => {
            format!("SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE {col} = ?1")
        }
        None => format!("SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE ?1 = ?1"),
    };
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([parent], |r| r.get(0))?)
}

pub(crate) fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

//! Tables and their SQL. One file per table family, small methods, statements cached.
//! Also the schema migrations: numbered SQL files embedded in the binary, applied in order
//! inside one `IMMEDIATE` transaction, the version kept in `PRAGMA user_version`.

pub(crate) mod bab;
pub(crate) mod berkas;
pub(crate) mod bukti;
pub(crate) mod dump;
pub(crate) mod identity;
pub(crate) mod lke;
pub(crate) mod logo;
mod position;
pub(crate) mod realisasi;
pub(crate) mod team;
pub(crate) mod tree;
pub(crate) mod undo;
pub(crate) mod verify;
pub(crate) mod versions;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::Result;

/// `PRAGMA application_id` of every Renja RB plan: the bytes "RJRB". Stamped by the first
/// migration; `file` checks it before SQLite reads anything else.
pub const APPLICATION_ID: u32 = u32::from_be_bytes(*b"RJRB");

/// A plan's database as the domain modules see it: something to hand to the methods of this
/// module. Only `storage` and `file` call SQL on it.
pub(crate) type Read = Connection;

/// A write transaction opened by `Plan::transact` (see [`begin_write`]); handed to the write
/// methods of this module. Derefs to [`Read`] for reading inside the transaction.
pub(crate) type Write<'a> = rusqlite::Transaction<'a>;

/// Migration `n` (1-based) turns a schema `n - 1` file into schema `n`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_kop.sql"),
    include_str!("migrations/0003_realisasi_bukti.sql"),
    include_str!("migrations/0004_laporan.sql"),
    include_str!("migrations/0005_pangkat.sql"),
    include_str!("migrations/0006_versions.sql"),
    include_str!("migrations/0007_bab.sql"),
    include_str!("migrations/0008_lke.sql"),
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
    ("row_version", 6),
    ("tombstone", 6),
    ("merge_log", 6),
    ("bab", 7),
    ("lke_butir", 8),
    ("tahapan_lke", 8),
    ("bukti_lke", 8),
];
/// Begin a write transaction the way every writer of a plan must: `IMMEDIATE` (the write lock
/// at once, so a busy file fails before anything is done), with page 1 journaled first by
/// rewriting `user_version` unchanged. Page 1 first in every journal is what lets
/// `file::journal` tell a crash's own journal from one of another copy of the plan.
pub(crate) fn begin_write(conn: &mut Connection) -> Result<rusqlite::Transaction<'_>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: u32 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    tx.pragma_update(None, "user_version", version)?;
    Ok(tx)
}

/// Bring `conn` from schema `from` to `to` in one transaction. `from = 0` creates the schema
/// in an empty database and stamps the application id.
pub(crate) fn migrate(conn: &mut Connection, from: u32, to: u32) -> Result<()> {
    debug_assert!(from <= to && to <= LATEST_VERSION);
    let tx = begin_write(conn)?;
    if from == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    for sql in &MIGRATIONS[from as usize..to as usize] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", to)?;
    tx.commit()?;
    Ok(())
}

pub(crate) fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

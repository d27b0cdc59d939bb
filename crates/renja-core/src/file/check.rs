//! `renja check`: everything opening checks, then what opening leaves to the reads of
//! evidence files: the full integrity check and every evidence file's SHA-256.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use super::{Depth, OpenMode, SCHEMA_VERSION, open, validate};
use crate::error::{Error, Result};
use crate::storage;

/// Whether a file that failed the full integrity check is sound but for the `berkas` table.
fn only_berkas_damaged(conn: &Connection) -> bool {
    let ok = |table: &str| {
        conn.query_row(&format!("PRAGMA integrity_check('{table}')"), [], |r| {
            r.get::<_, String>(0)
        })
        .is_ok_and(|r| r == "ok")
    };
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .unwrap_or_default();
    !ok("berkas") && tables.iter().filter(|t| *t != "berkas").all(|t| ok(t))
}

/// What `renja check` reports for a plan that opens.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub path: PathBuf,
    pub schema_version: u32,
    pub needs_upgrade: bool,
    pub bytes: u64,
    /// What opening would find beside the plan and do about it.
    pub recovery: Option<String>,
    /// Evidence files whose contents no longer match their SHA-256, by the names they were
    /// added under. The plan opens; these files cannot be viewed or exported.
    pub damaged_evidence: Vec<String>,
}

/// Full validation of a file without changing it: what opening checks, then the full
/// integrity check and the SHA-256 of every evidence file.
pub fn check_file(path: &Path) -> Result<CheckReport> {
    let opened = open(path, OpenMode::ReadOnly, "")?;
    let len = std::fs::metadata(path)
        .map_err(|e| Error::io(path, e))?
        .len();
    let has_berkas = opened.found_version >= 3;
    let mut damaged_evidence = Vec::new();
    match validate(&opened.conn, path, opened.found_version, Depth::Full) {
        // Damage confined to the stored file contents: the app opens such a plan (it checks
        // contents only when a file is read), so check says which files, not "rusak".
        Err(Error::Corrupt { .. }) if has_berkas && only_berkas_damaged(&opened.conn) => {
            damaged_evidence.push("bagian penyimpanan isi berkas bukti dukung".to_owned());
        }
        result => result?,
    }
    if has_berkas {
        let named = storage::verify::damaged_evidence(&opened.conn)?;
        if !named.is_empty() {
            damaged_evidence = named;
        }
    }
    Ok(CheckReport {
        path: path.into(),
        schema_version: opened.found_version,
        needs_upgrade: opened.found_version < SCHEMA_VERSION,
        bytes: len,
        recovery: opened.recovery.map(|r| r.message),
        damaged_evidence,
    })
}

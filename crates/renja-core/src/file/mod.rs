//! The plan file on disk: how a `.renjarb` is recognised, opened, hardened, checked, upgraded
//! and copied. Nothing here knows about programs or tahapan; that is `storage`.
//!
//! Rules this module keeps:
//! - A file is judged by its header before SQLite may open it, and refused untouched.
//! - Every connection is hardened the same way ([`harden`]).
//! - The rollback journal (`journal_mode=DELETE`) is used, so between writes the plan is one
//!   self-contained file that is always safe to copy.
//! - Read-only opening never writes or creates a file, not even a journal.

mod copy;
pub(crate) mod header;

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::storage;

pub(crate) use copy::{journal_of, save_copy, sync_dir, temp_name, write_atomically, write_with};

/// `PRAGMA application_id` of every Renja RB plan: the bytes "RJRB".
pub const APPLICATION_ID: u32 = u32::from_be_bytes(*b"RJRB");

/// The schema version this build writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: u32 = storage::LATEST_VERSION;

/// How the caller wants the file opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Open for editing; falls back to read-only when the file cannot be written.
    Edit,
    /// "Buka hanya-baca": never write, whatever the permissions.
    ReadOnly,
}

/// Why an open plan is read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReadOnlyReason {
    /// The user chose "Buka hanya-baca".
    Chosen,
    /// The file or its medium cannot be written.
    NotWritable,
}

/// Whether the file (and the folder its journal must go in) can be written. Checked on the
/// permission bits as well as by opening for writing, because root may write to a 0444 file
/// but the owner clearly meant it read-only.
pub(crate) fn is_writable(path: &Path) -> bool {
    let file_ok = std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
        && OpenOptions::new().write(true).open(path).is_ok();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir_ok = std::fs::metadata(dir).is_ok_and(|m| !m.permissions().readonly());
    file_ok && dir_ok
}

/// Apply the settings every connection must have. Called once per connection, before use.
pub(crate) fn harden(conn: &Connection) -> Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// Settings that only a writable connection takes: they may write to the file.
pub(crate) fn prepare_for_writing(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Map an SQLite error met while checking a file to "corrupt".
fn corrupt_on_sql(path: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e| match e.sqlite_error_code() {
        Some(
            rusqlite::ErrorCode::DatabaseCorrupt
            | rusqlite::ErrorCode::NotADatabase
            | rusqlite::ErrorCode::SystemIoFailure,
        ) => Error::Corrupt {
            path: path.into(),
            detail: e.to_string(),
        },
        _ => Error::Sql(e),
    }
}

/// How thoroughly to check a file on opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// `quick_check` of every table but `berkas`: their pages and b-trees, not index contents.
    /// Used when opening. File contents (`berkas`, most of a big plan's bytes) are left to
    /// their SHA-256, checked whenever a file is read, so opening a 1 GB plan stays quick.
    Quick,
    /// `integrity_check` and `foreign_key_check`: `renja check`.
    Full,
}

/// Check a connected file's integrity and that it holds our schema of `version`.
pub(crate) fn validate(conn: &Connection, path: &Path, version: u32, depth: Depth) -> Result<()> {
    let corrupt = corrupt_on_sql(path);
    let pragmas: Vec<String> = match depth {
        Depth::Quick => std::iter::once("sqlite_schema")
            .chain(
                storage::TABLES
                    .iter()
                    .filter(|(t, since)| *since <= version && *t != "berkas")
                    .map(|(t, _)| *t),
            )
            .map(|t| format!("PRAGMA quick_check('{t}')"))
            .collect(),
        Depth::Full => vec!["PRAGMA integrity_check(20)".to_owned()],
    };
    for pragma in pragmas {
        let problems: Vec<String> = {
            let mut stmt = conn.prepare(&pragma).map_err(&corrupt)?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(&corrupt)?;
            rows.collect::<rusqlite::Result<_>>().map_err(&corrupt)?
        };
        if problems != ["ok"] {
            return Err(Error::Corrupt {
                path: path.into(),
                detail: problems.join("; "),
            });
        }
    }
    if depth == Depth::Full {
        let mut stmt = conn.prepare("PRAGMA foreign_key_check").map_err(&corrupt)?;
        if stmt.exists([]).map_err(&corrupt)? {
            return Err(Error::Corrupt {
                path: path.into(),
                detail: "foreign key violations".into(),
            });
        }
    }
    storage::check_schema(conn, version).map_err(|detail| Error::Corrupt {
        path: path.into(),
        detail,
    })
}

/// A connection to a judged, checked file, and what was learnt on the way.
pub(crate) struct Opened {
    pub conn: Connection,
    pub read_only: Option<ReadOnlyReason>,
    pub found_version: u32,
}

/// Judge, open, harden and check `path`. Does not upgrade an old schema; see `Plan::open`.
pub(crate) fn open(path: &Path, mode: OpenMode) -> Result<Opened> {
    let (header, _len) = header::read(path)?;
    let read_only = match mode {
        OpenMode::ReadOnly => Some(ReadOnlyReason::Chosen),
        OpenMode::Edit if !is_writable(path) => Some(ReadOnlyReason::NotWritable),
        OpenMode::Edit => None,
    };
    let flags = if read_only.is_some() {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_EXRESCODE;
    let conn = Connection::open_with_flags(path, flags).map_err(corrupt_on_sql(path))?;
    harden(&conn)?;
    validate(&conn, path, header.user_version, Depth::Quick)?;
    if read_only.is_none() {
        prepare_for_writing(&conn)?;
    }
    Ok(Opened {
        conn,
        read_only,
        found_version: header.user_version,
    })
}

/// What `renja check` reports for a good file.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub path: PathBuf,
    pub schema_version: u32,
    pub needs_upgrade: bool,
    pub bytes: u64,
}

/// Full validation of a file without changing it: header, integrity, foreign keys, schema.
pub fn check_file(path: &Path) -> Result<CheckReport> {
    let (header, len) = header::read(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_EXRESCODE;
    let conn = Connection::open_with_flags(path, flags).map_err(corrupt_on_sql(path))?;
    harden(&conn)?;
    validate(&conn, path, header.user_version, Depth::Full)?;
    Ok(CheckReport {
        path: path.into(),
        schema_version: header.user_version,
        needs_upgrade: header.user_version < SCHEMA_VERSION,
        bytes: len,
    })
}

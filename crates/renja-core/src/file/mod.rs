//! The plan file on disk: how a `.renjarb` is recognised, opened, hardened, checked, upgraded
//! and copied. Nothing here knows about programs or tahapan; that is `storage`.
//!
//! Rules this module keeps:
//! - A file is judged by its header before SQLite may open it, and refused untouched.
//! - A plan is edited in one place at a time: opening for editing takes the plan's lock
//!   ([`lock`]) before anything else touches the file.
//! - SQLite never meets a journal or WAL it was not allowed to apply ([`journal`]): a crash's
//!   own journal is verified on a copy before it is rolled back, a foreign one never is.
//! - Every connection is hardened the same way ([`harden`]), and every file is verified the
//!   same way ([`validate`]): integrity, then the exact schema and every data rule of its
//!   version (`storage::verify`), whatever the mode, so `renja check` and the app agree.
//! - The rollback journal (`journal_mode=DELETE`) is used, so between writes the plan is one
//!   self-contained file that is always safe to copy.
//! - Read-only opening never writes or creates a file, not even a journal: it reads the file
//!   as SQLite's `immutable`, which looks at no journal, WAL or lock, unless another process
//!   is editing the plan right now (then SQLite's shared locks keep the reader consistent).

mod atomic;
mod check;
mod connect;
mod copy;
pub(crate) mod header;
pub(crate) mod journal;
pub(crate) mod lock;
mod recover;
mod sweep;

use std::fs::OpenOptions;
use std::path::Path;

use rusqlite::Connection;
use rusqlite::config::DbConfig;

use crate::error::{Error, Result};
use crate::storage;
use crate::storage::verify::Problem;

pub use crate::model::{ReadOnlyReason, Recovery};
pub(crate) use atomic::{TempFile, copy_whole, parent_of, sync_dir, write_atomically, write_with};
pub use check::{CheckReport, check_file};
pub(crate) use connect::{close, create_new, into_memory};
pub(crate) use copy::save_copy;
pub(crate) use sweep::sweep_stale_temporaries;
pub use sweep::{SCRATCH_AGE, sweep_stale_scratch};

use connect::{Access, connect};
use recover::{ignore_siblings, verify_rollback};

pub use crate::storage::APPLICATION_ID;

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
    file_ok && folder_writable(dir)
}

#[cfg(unix)]
fn folder_writable(dir: &Path) -> bool {
    std::fs::metadata(dir).is_ok_and(|m| !m.permissions().readonly())
}

/// Windows: a folder's read-only attribute does not stop anyone writing into it, and
/// Explorer sets it on customised folders (Documents, OneDrive folders), so it says nothing.
/// Whether the folder takes new files shows when the plan's lock file is created there
/// (see [`open`]).
#[cfg(not(unix))]
fn folder_writable(_dir: &Path) -> bool {
    true
}

/// Windows: a path named after a device (`CON.renjarb`, `nul`, `COM1.pdf`) reaches the device,
/// not a file (reading `CON` waits for typing), so it is refused before anything opens it.
/// Elsewhere such a name is an ordinary file and this does nothing.
pub(crate) fn refuse_device_name(path: &Path) -> Result<()> {
    #[cfg(windows)]
    if let Some(name) = path.file_name().and_then(|n| n.to_str())
        && let Some(device) = crate::naming::device_name(name)
    {
        return Err(Error::invalid(
            "path",
            format!(
                "Nama berkas \"{name}\" tidak dapat dipakai di Windows: {device} adalah nama \
                 perangkat, bukan nama berkas. Pilih nama lain."
            ),
        ));
    }
    #[cfg(not(windows))]
    let _ = path;
    Ok(())
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
    /// `integrity_check` of everything: `renja check`, and a journal's rollback on a copy.
    Full,
}

/// Check a connected file: its pages, its exact schema, and every data rule of `version`.
/// `path` names the file in the error (the user's file, also when `conn` is a copy).
pub(crate) fn validate(conn: &Connection, path: &Path, version: u32, depth: Depth) -> Result<()> {
    let corrupt = corrupt_on_sql(path);
    let reference = storage::verify::reference(version)?;
    // The schema first: nothing of a foreign schema is used, not even by the checks.
    storage::verify::check_schema(conn, &reference).map_err(|p| problem(path, p))?;
    // Then the data rules, before SQLite's own checks: on a writable connection those test
    // CHECK constraints too, and a broken rule is bad data, not a damaged file.
    storage::verify::check_data(conn, &reference).map_err(|p| problem(path, p))?;
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
    Ok(())
}

fn problem(path: &Path, p: Problem) -> Error {
    match p {
        Problem::Schema(detail) => Error::ForeignSchema {
            path: path.into(),
            detail,
        },
        Problem::Data(detail) => Error::BadData {
            path: path.into(),
            detail,
        },
        Problem::Unreadable(detail) => Error::Corrupt {
            path: path.into(),
            detail,
        },
    }
}

/// A connection to a judged, checked file, and what was learnt on the way.
pub(crate) struct Opened {
    pub conn: Connection,
    pub read_only: Option<ReadOnlyReason>,
    pub found_version: u32,
    /// Held while the plan is open for editing.
    pub lock: Option<lock::PlanLock>,
    pub recovery: Option<Recovery>,
    /// A rolled-back copy being shown read-only lives here; removed when dropped.
    pub scratch: Option<tempfile::TempDir>,
}

/// Judge, lock, recover, open, harden and check `path`. Does not upgrade an old schema; see
/// `Plan::open`. `now` stamps the lock.
pub(crate) fn open(path: &Path, mode: OpenMode, now: &str) -> Result<Opened> {
    refuse_device_name(path)?;
    let (header, len) = header::read_start(path)?;
    let mut read_only = match mode {
        OpenMode::ReadOnly => Some(ReadOnlyReason::Chosen),
        OpenMode::Edit if !is_writable(path) => Some(ReadOnlyReason::NotWritable),
        OpenMode::Edit => None,
    };
    let lock = match read_only {
        None => match lock::acquire(path, now) {
            Ok(lock) => Some(lock),
            // The folder takes no new file (its permissions on Windows or a share, a
            // read-only medium): the plan's journal could not be made there either, so the
            // plan opens read-only, as a file without write permission does.
            Err(Error::Io { source, .. })
                if matches!(
                    source.kind(),
                    std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                read_only = Some(ReadOnlyReason::NotWritable);
                None
            }
            Err(e) => return Err(e),
        },
        Some(_) => None,
    };
    let read_only = read_only;
    let version = header.user_version;
    let done = |conn: Connection, recovery, scratch| {
        if read_only.is_none() {
            prepare_for_writing(&conn)?;
        }
        Ok(Opened {
            conn,
            read_only,
            found_version: version,
            lock: None,
            recovery,
            scratch,
        })
    };
    let mut opened = if lock.is_none() && lock::is_held(path) {
        // Someone is editing it now: whatever lies beside it is theirs and live.
        let conn = connect(path, Access::ReadShared)?;
        validate(&conn, path, version, Depth::Quick)?;
        done(conn, None, None)?
    } else {
        let siblings = journal::Siblings::inspect(path)?;
        match &siblings.hot_journal {
            Some(journal) => match verify_rollback(path, journal, &header) {
                Ok(scratch) => recover::recover(path, journal, version, read_only, scratch, &done)?,
                Err(why) => {
                    eprintln!("renja: {} not applied: {why}", journal.display());
                    ignore_siblings(path, &header, len, &siblings, read_only, &done)?
                }
            },
            None if siblings.wal.is_some() => {
                ignore_siblings(path, &header, len, &siblings, read_only, &done)?
            }
            None => {
                // A journal without the magic holds nothing to apply; SQLite would delete it
                // on the next write, but a plan only opened and closed would keep it.
                if let (Some(dead), None) = (&siblings.dead_journal, read_only) {
                    std::fs::remove_file(dead).map_err(|e| Error::io(dead, e))?;
                }
                header::check_length(path, &header, len)?;
                let access = match read_only {
                    None => Access::Write,
                    Some(_) => Access::ReadImmutable,
                };
                let conn = connect(path, access)?;
                validate(&conn, path, version, Depth::Quick)?;
                done(conn, None, None)?
            }
        }
    };
    opened.lock = lock;
    Ok(opened)
}

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
mod copy;
pub(crate) mod header;
pub(crate) mod journal;
pub(crate) mod lock;
mod sweep;

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::storage;
use crate::storage::verify::Problem;

pub(crate) use atomic::{TempFile, copy_whole, parent_of, sync_dir, write_atomically, write_with};
pub(crate) use copy::save_copy;
pub(crate) use sweep::sweep_stale_temporaries;

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

/// What was found beside a plan and done about it, for the banner on the plan screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Recovery {
    /// The Indonesian sentence the banner shows.
    pub message: String,
    /// The copies kept beside the plan before anything was applied or moved, if any.
    pub kept: Vec<String>,
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// How SQLite is asked to open a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Read and write; SQLite may roll back a journal it finds (only ever one judged ours).
    Write,
    /// Read only, sharing SQLite's locks with a live writer in another process.
    ReadShared,
    /// Read only the main file: no journal, WAL or lock is looked at or created.
    ReadImmutable,
}

/// A `file:` URI for `path`, as SQLite wants it on every platform: `%`, `?` and `#` (and
/// everything outside plain ASCII) percent-encoded, backslashes as slashes, a drive letter
/// after a slash (`file:///C:/…`).
fn sqlite_uri(path: &Path) -> Result<String> {
    let text = path
        .to_str()
        .ok_or_else(|| Error::invalid("path", "Nama berkas atau foldernya tidak dapat dipakai."))?;
    let mut text = text.replace('\\', "/");
    if text.as_bytes().get(1) == Some(&b':') {
        text.insert(0, '/');
    }
    let mut uri = String::from("file:");
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                uri.push(b as char)
            }
            b => uri.push_str(&format!("%{b:02X}")),
        }
    }
    Ok(uri)
}

fn connect(path: &Path, access: Access) -> Result<Connection> {
    let base = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_EXRESCODE;
    let conn = match access {
        Access::Write => {
            Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_WRITE)
        }
        Access::ReadShared => {
            Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_ONLY)
        }
        Access::ReadImmutable => Connection::open_with_flags(
            format!("{}?immutable=1", sqlite_uri(path)?),
            base | OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        ),
    }
    .map_err(corrupt_on_sql(path))?;
    harden(&conn)?;
    Ok(conn)
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
    let (header, len) = header::read_start(path)?;
    let read_only = match mode {
        OpenMode::ReadOnly => Some(ReadOnlyReason::Chosen),
        OpenMode::Edit if !is_writable(path) => Some(ReadOnlyReason::NotWritable),
        OpenMode::Edit => None,
    };
    let lock = match read_only {
        None => Some(lock::acquire(path, now)?),
        Some(_) => None,
    };
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
                Ok(scratch) => recover(path, journal, version, read_only, scratch, &done)?,
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

/// Roll `journal` back onto a copy of `plan` in a scratch folder and check the result fully.
/// Returns the scratch folder holding the rolled-back `pemulihan.renjarb`, or why the
/// journal does not belong to the plan.
fn verify_rollback(
    plan: &Path,
    journal: &Path,
    header: &header::Header,
) -> std::result::Result<tempfile::TempDir, String> {
    journal::fits(journal, plan, header)?;
    let scratch = tempfile::Builder::new()
        .prefix("renja-pemulihan-")
        .tempdir()
        .map_err(|e| e.to_string())?;
    let copy = journal::copy_pair(plan, journal, scratch.path()).map_err(|e| e.to_string())?;
    let rolled = (|| {
        let conn = connect(&copy, Access::Write)?;
        // The first read finds the hot journal and rolls it back.
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        conn.close().map_err(|(_, e)| Error::Sql(e))?;
        let (h, _) = header::read(&copy)?;
        if h.application_id != APPLICATION_ID || h.user_version != header.user_version {
            return Err(Error::Internal("rolled back to another plan".into()));
        }
        let conn = connect(&copy, Access::ReadImmutable)?;
        validate(&conn, plan, h.user_version, Depth::Full)
    })();
    match rolled {
        Ok(()) if !journal::sibling(&copy, "-journal").exists() => Ok(scratch),
        Ok(()) => Err("the journal was not rolled back".into()),
        Err(e) => Err(format!("rolled back, the plan fails its check: {e}")),
    }
}

/// Apply a verified journal: to the plan itself after keeping copies of both (editing), or
/// by showing the verified copy (read-only).
fn recover(
    plan: &Path,
    journal: &Path,
    version: u32,
    read_only: Option<ReadOnlyReason>,
    scratch: tempfile::TempDir,
    done: &dyn Fn(Connection, Option<Recovery>, Option<tempfile::TempDir>) -> Result<Opened>,
) -> Result<Opened> {
    const WHAT: &str = "Rencana ini sebelumnya tertutup tidak wajar (misalnya listrik padam \
                        atau aplikasi terhenti) ketika sedang menyimpan. Perubahan yang belum \
                        selesai disimpan saat itu dibatalkan";
    if read_only.is_some() {
        let conn = connect(
            &scratch.path().join("pemulihan.renjarb"),
            Access::ReadImmutable,
        )?;
        let recovery = Recovery {
            message: format!(
                "{WHAT}, dan rencana ditampilkan dengan perubahan terakhir yang tersimpan. \
                 Berkasnya sendiri tidak diubah; bukalah untuk diedit agar pemulihan ini disimpan."
            ),
            kept: vec![],
        };
        return done(conn, Some(recovery), Some(scratch));
    }
    // Most crashes come before the plan file itself was written: rolling back then changes
    // nothing in it, and a copy of the crashed state would only be a copy of the plan.
    let untouched = journal::same_bytes(plan, &scratch.path().join("pemulihan.renjarb"))
        .map_err(|e| Error::io(plan, e))?;
    drop(scratch);
    let kept = if untouched {
        None
    } else {
        let (plan_copy, journal_copy) = journal::backup_names(plan);
        copy_whole(plan, &plan_copy)?;
        copy_whole(journal, &journal_copy)?;
        Some((plan_copy, journal_copy))
    };
    let conn = connect(plan, Access::Write)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        .map_err(corrupt_on_sql(plan))?;
    header::read(plan)?;
    validate(&conn, plan, version, Depth::Quick)?;
    let recovery = match kept {
        Some((plan_copy, journal_copy)) => Recovery {
            message: format!(
                "{WHAT}; rencana dibuka dengan perubahan terakhir yang tersimpan. Keadaan sebelum \
                 pemulihan disimpan sebagai \"{}\" beserta jurnalnya.",
                file_name(&plan_copy)
            ),
            kept: vec![
                plan_copy.to_string_lossy().into_owned(),
                journal_copy.to_string_lossy().into_owned(),
            ],
        },
        None => Recovery {
            message: format!(
                "{WHAT}; perubahan itu belum sempat tertulis ke berkas, jadi rencana tetap berisi \
                 perubahan terakhir yang tersimpan."
            ),
            kept: vec![],
        },
    };
    done(conn, Some(recovery), None)
}

/// Open a plan beside which lies a journal or WAL that is not its own: the plan alone must
/// pass; editing then moves the strangers aside, read-only leaves them.
fn ignore_siblings(
    plan: &Path,
    header: &header::Header,
    len: u64,
    siblings: &journal::Siblings,
    read_only: Option<ReadOnlyReason>,
    done: &dyn Fn(Connection, Option<Recovery>, Option<tempfile::TempDir>) -> Result<Opened>,
) -> Result<Opened> {
    header::check_length(plan, header, len)?;
    let alone = connect(plan, Access::ReadImmutable)?;
    validate(&alone, plan, header.user_version, Depth::Quick)?;
    let strangers: Vec<&PathBuf> = [&siblings.hot_journal, &siblings.wal, &siblings.shm]
        .into_iter()
        .flatten()
        .collect();
    let names = strangers
        .iter()
        .map(|p| format!("\"{}\"", file_name(p)))
        .collect::<Vec<_>>()
        .join(" dan ");
    const WHY: &str = "yang bukan milik rencana ini (mungkin ikut tersalin dari salinan lain)";
    if read_only.is_some() {
        let recovery = Recovery {
            message: format!(
                "Di samping berkas ini ada {names} {WHY}. Berkas itu diabaikan: rencana \
                 ditampilkan apa adanya dan tidak ada berkas yang diubah."
            ),
            kept: vec![],
        };
        return done(alone, Some(recovery), None);
    }
    drop(alone);
    let mut kept = Vec::new();
    for stranger in strangers {
        kept.push(
            journal::move_aside(stranger)?
                .to_string_lossy()
                .into_owned(),
        );
    }
    let conn = connect(plan, Access::Write)?;
    validate(&conn, plan, header.user_version, Depth::Quick)?;
    let recovery = Recovery {
        message: format!(
            "Di samping berkas ini ada {names} {WHY}. Berkas itu tidak diterapkan, jadi rencana \
             tidak berubah; berkas itu dipindahkan menjadi {}.",
            kept.iter()
                .map(|k| format!("\"{}\"", file_name(Path::new(k))))
                .collect::<Vec<_>>()
                .join(" dan ")
        ),
        kept,
    };
    done(conn, Some(recovery), None)
}

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
    let (_, len) = header::read_start(path)?;
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

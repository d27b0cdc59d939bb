//! "Simpan salinan…": a consistent single-file copy of the open plan. The copy is written by
//! `VACUUM INTO` under a temporary name in the destination folder, synced, checked, and only
//! then renamed over the final name, so a crash or a full disk never leaves a half-written file
//! under the name the user chose.

use std::fs::File;
use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Make sure a rename or a newly created file in `dir` survives power loss.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| Error::io(dir, e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// A temporary path beside `dest`, unique, hidden on Unix.
pub(crate) fn temp_name(dest: &Path) -> std::path::PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rencana".into());
    dest.with_file_name(format!(".{name}.{}.tmp", uuid::Uuid::new_v4().simple()))
}

/// The rollback journal SQLite keeps beside `db` while writing.
pub(crate) fn journal_of(db: &Path) -> std::path::PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-journal");
    name.into()
}

/// Write a copy of the database behind `conn` to `dest`, replacing `dest` atomically.
pub(crate) fn save_copy(conn: &Connection, dest: &Path) -> Result<()> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    if dest.is_dir() {
        return Err(Error::io(dest, std::io::ErrorKind::IsADirectory.into()));
    }
    let tmp = temp_name(dest);
    let tmp_str = tmp
        .to_str()
        .ok_or_else(|| Error::invalid("path", "Nama folder tujuan tidak dapat dipakai."))?;
    let result = (|| {
        conn.execute("VACUUM INTO ?1", [tmp_str])
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly) => {
                    Error::cannot_create(dest)
                }
                _ => Error::Sql(e),
            })?;
        File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&tmp, e))?;
        // The copy must open as a plan before it may take the user's chosen name.
        super::header::read(&tmp)?;
        std::fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Write a new file at `dest` through `write`, atomically: into a temporary file beside it,
/// synced, then renamed over `dest`. On any failure the temporary file is removed and `dest`
/// is left as it was. Reports and evidence packages are written this way.
pub(crate) fn write_with<T>(dest: &Path, write: impl FnOnce(&mut File) -> Result<T>) -> Result<T> {
    if dest.is_dir() {
        return Err(Error::io(dest, std::io::ErrorKind::IsADirectory.into()));
    }
    let dir = dest.parent().unwrap_or(Path::new("."));
    let tmp = temp_name(dest);
    let result = (|| {
        let mut file = File::create(&tmp).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => {
                Error::cannot_create(dest)
            }
            _ => Error::io(&tmp, e),
        })?;
        let value = write(&mut file)?;
        file.sync_all().map_err(|e| Error::io(&tmp, e))?;
        drop(file);
        std::fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))?;
        sync_dir(dir)?;
        Ok(value)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Write `bytes` to `dest` atomically (see [`write_with`]).
pub(crate) fn write_atomically(dest: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    write_with(dest, |f| f.write_all(bytes).map_err(|e| Error::io(dest, e)))
}

//! "Simpan salinan…": a consistent single-file copy of the open plan. The copy is written by
//! `VACUUM INTO` a temporary beside the destination ([`super::atomic::TempFile`]), synced,
//! checked, and only then renamed over the final name, so a crash or a full disk never leaves
//! a half-written file under the name the user chose.

use std::path::Path;

use rusqlite::Connection;

use super::atomic::TempFile;
use crate::error::{Error, Result};

/// Write a copy of the database behind `conn` to `dest`, replacing `dest` atomically.
pub(crate) fn save_copy(conn: &Connection, dest: &Path) -> Result<()> {
    let tmp = TempFile::beside(dest)?;
    let tmp_str = tmp
        .path()
        .to_str()
        .ok_or_else(|| Error::invalid("path", "Nama folder tujuan tidak dapat dipakai."))?;
    // VACUUM INTO takes an empty file as a new database.
    conn.execute("VACUUM INTO ?1", [tmp_str])
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly) => {
                Error::cannot_create(dest)
            }
            _ => Error::Sql(e),
        })?;
    // The copy must open as a plan before it may take the user's chosen name.
    super::header::read(tmp.path())?;
    tmp.persist()
}

//! The `berkas` table: file contents, one row per distinct SHA-256.

use super::Read;
use crate::error::Result;

/// The contents of berkas `id` as a stream, read in place through SQLite's incremental BLOB
/// I/O: a 300 MB file is never held in memory.
pub(crate) fn open_data(db: &Read, id: i64) -> Result<impl std::io::Read + '_> {
    Ok(db.blob_open("main", "berkas", "data", id, true)?)
}

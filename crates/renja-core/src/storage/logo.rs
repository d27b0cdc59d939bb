//! The `logo` table: at most one row (`id = 1`), the letterhead logo's bytes and MIME type.

use rusqlite::{OptionalExtension, params};

use super::{Read, Write};
use crate::error::Result;

/// The stored logo's bytes, if there is one.
pub(crate) fn data(db: &Read) -> Result<Option<Vec<u8>>> {
    Ok(db
        .prepare_cached("SELECT data FROM logo WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// Store the logo, replacing the one there was.
pub(crate) fn put(tx: &Write<'_>, data: &[u8], mime: &str, now: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO logo (id, data, mime, modified_at) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET data = ?1, mime = ?2, modified_at = ?3",
    )?
    .execute(params![data, mime, now])?;
    Ok(())
}

pub(crate) fn delete(tx: &Write<'_>) -> Result<()> {
    tx.prepare_cached("DELETE FROM logo")?.execute([])?;
    Ok(())
}

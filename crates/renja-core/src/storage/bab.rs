//! The `bab` table: one row per chapter of the Laporan Tahunan the team has written, keyed by
//! the chapter (`kunci`, the serde name of `BabKunci`).

use rusqlite::params;

use super::{Read, Write};
use crate::error::Result;

/// Every written chapter as `(kunci, teks)`.
pub(crate) fn all(db: &Read) -> Result<Vec<(String, String)>> {
    let mut stmt = db.prepare_cached("SELECT kunci, teks FROM bab ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Store a chapter's text: a new row keeps the uuid it is given, an existing one its own.
pub(crate) fn put(tx: &Write<'_>, kunci: &str, teks: &str, uuid: &str, now: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO bab (uuid, kunci, teks, modified_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kunci) DO UPDATE SET teks = ?3, modified_at = ?4 WHERE teks IS NOT ?3",
    )?
    .execute(params![uuid, kunci, teks, now])?;
    Ok(())
}

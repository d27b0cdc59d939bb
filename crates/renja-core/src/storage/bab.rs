//! The `bab` table: one row per chapter of the Laporan Tahunan the team has written, keyed by
//! the chapter (`kunci`, the serde name of `BabKunci`).

use rusqlite::params;

use super::{Read, Write};
use crate::error::Result;

/// Every written chapter as `(kunci, teks)`.
pub(crate) fn all(db: &Read) -> Result<Vec<(String, String)>> {
    let mut stmt = db.prepare_cached("SELECT kunci, teks FROM bab ORDER BY kunci")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The uuid of a chapter's row: made from the chapter, so two copies that write the same
/// chapter give it the same key and a merge sees one text changed twice, not two rows.
fn uuid_of(kunci: &str) -> String {
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x7d2b_91c4_5e0a_4f3b_8c61_2a9e_d4f0_b3c7);
    uuid::Uuid::new_v5(&NAMESPACE, format!("bab/{kunci}").as_bytes()).to_string()
}

/// Store a chapter's text.
pub(crate) fn put(tx: &Write<'_>, kunci: &str, teks: &str, now: &str) -> Result<()> {
    let uuid = uuid_of(kunci);
    tx.prepare_cached(
        "INSERT INTO bab (uuid, kunci, teks, modified_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kunci) DO UPDATE SET teks = ?3, modified_at = ?4 WHERE teks IS NOT ?3",
    )?
    .execute(params![uuid, kunci, teks, now])?;
    Ok(())
}

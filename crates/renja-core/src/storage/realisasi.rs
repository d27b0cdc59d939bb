//! The `realisasi` table: what was done for a tahapan in one month.

use rusqlite::params;

use super::Write;
use crate::error::Result;
use crate::ids::TahapanId;

/// Record month `bulan` (1–12) of `tahapan` as "selesai", 100%, unless it already has a
/// realisasi. For synthetic plans (`generate`), which write without the form's checks.
pub(crate) fn insert_selesai_if_absent(
    tx: &Write<'_>,
    tahapan: TahapanId,
    bulan: u32,
    now: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO realisasi (uuid, tahapan_id, bulan, status, persen, modified_at)
         VALUES (?1, ?2, ?3, 'selesai', 100, ?4)",
    )?
    .execute(params![super::new_uuid(), tahapan, bulan, now])?;
    Ok(())
}

//! The `realisasi` table: what was done for a tahapan in a month, one row per tahapan and
//! month. The status is stored as its code (`crate::realisasi::Status` reads it); the checks
//! of what may be stored are the caller's.

use rusqlite::{OptionalExtension, params};

use super::{Read, Write};
use crate::error::Result;
use crate::ids::TahapanId;

/// A realisasi as stored.
pub(crate) struct RealisasiRow {
    pub status: String,
    pub persen: u8,
    pub catatan: String,
    pub kendala: String,
    pub tindak_lanjut: String,
    pub modified_at: String,
}

/// A realisasi to store, checked by the caller.
pub(crate) struct NewRealisasi<'a> {
    pub status: &'static str,
    pub persen: u8,
    pub catatan: &'a str,
    pub kendala: &'a str,
    pub tindak_lanjut: &'a str,
}

/// The uuid of the realisasi of `tahapan` in `bulan`: made from the tahapan's uuid and the
/// month, so two copies that record the same month give the record the same key and a merge
/// sees one record changed twice, not two records.
fn key(db: &Read, tahapan: TahapanId, bulan: impl std::fmt::Display) -> Result<String> {
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x5c1e_3d8a_2b7f_4e61_9a0d_7f3b_c2e4_1a90);
    let tahapan: String = db
        .prepare_cached("SELECT uuid FROM tahapan WHERE id = ?1")?
        .query_row([tahapan], |r| r.get(0))?;
    Ok(uuid::Uuid::new_v5(&NAMESPACE, format!("{tahapan}/{bulan}").as_bytes()).to_string())
}

pub(crate) fn get(db: &Read, tahapan: TahapanId, bulan: u8) -> Result<Option<RealisasiRow>> {
    Ok(db
        .prepare_cached(
            "SELECT status, persen, catatan, kendala, tindak_lanjut, modified_at
             FROM realisasi WHERE tahapan_id = ?1 AND bulan = ?2",
        )?
        .query_row(params![tahapan, bulan], |r| {
            Ok(RealisasiRow {
                status: r.get(0)?,
                persen: r.get(1)?,
                catatan: r.get(2)?,
                kendala: r.get(3)?,
                tindak_lanjut: r.get(4)?,
                modified_at: r.get(5)?,
            })
        })
        .optional()?)
}

/// Record (or replace) the realisasi of `tahapan` in month `bulan`. A row that would not
/// change is left alone, `modified_at` included, so saving an unchanged form is no edit.
pub(crate) fn put(
    tx: &Write<'_>,
    tahapan: TahapanId,
    bulan: u8,
    r: &NewRealisasi<'_>,
    now: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO realisasi (uuid, tahapan_id, bulan, status, persen, catatan, kendala,
            tindak_lanjut, modified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (tahapan_id, bulan) DO UPDATE SET
            status = excluded.status, persen = excluded.persen,
            catatan = excluded.catatan, kendala = excluded.kendala,
            tindak_lanjut = excluded.tindak_lanjut, modified_at = excluded.modified_at
         WHERE status <> excluded.status OR persen <> excluded.persen
            OR catatan <> excluded.catatan OR kendala <> excluded.kendala
            OR tindak_lanjut <> excluded.tindak_lanjut",
    )?
    .execute(params![
        key(tx, tahapan, bulan)?,
        tahapan,
        bulan,
        r.status,
        r.persen,
        r.catatan,
        r.kendala,
        r.tindak_lanjut,
        now
    ])?;
    Ok(())
}

pub(crate) fn delete(tx: &Write<'_>, tahapan: TahapanId, bulan: u8) -> Result<()> {
    tx.prepare_cached("DELETE FROM realisasi WHERE tahapan_id = ?1 AND bulan = ?2")?
        .execute(params![tahapan, bulan])?;
    Ok(())
}

/// (tahapan id, bulan, status code) of every realisasi, for the grid.
pub(crate) fn statuses(db: &Read) -> Result<Vec<(i64, u8, String)>> {
    let mut stmt = db.prepare_cached("SELECT tahapan_id, bulan, status FROM realisasi")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

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
    .execute(params![key(tx, tahapan, bulan)?, tahapan, bulan, now])?;
    Ok(())
}

/// A month's record as stored, with its tahapan's uuid: what reports read. The status stays
/// the stored code; the domain module turns it into its type.
#[derive(Debug, Clone)]
pub(crate) struct TahapanRealisasi {
    pub tahapan_uuid: String,
    pub bulan: u8,
    pub status: String,
    pub persen: u8,
    pub catatan: String,
    pub kendala: String,
    pub tindak_lanjut: String,
}

/// Every record of the plan, with the uuid of its tahapan.
pub(crate) fn all_with_tahapan_uuid(db: &Read) -> Result<Vec<TahapanRealisasi>> {
    let mut stmt = db.prepare_cached(
        "SELECT t.uuid, r.bulan, r.status, r.persen, r.catatan, r.kendala, r.tindak_lanjut
         FROM realisasi r JOIN tahapan t ON t.id = r.tahapan_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(TahapanRealisasi {
            tahapan_uuid: r.get(0)?,
            bulan: r.get(1)?,
            status: r.get(2)?,
            persen: r.get(3)?,
            catatan: r.get(4)?,
            kendala: r.get(5)?,
            tindak_lanjut: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

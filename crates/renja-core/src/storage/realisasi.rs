//! The `realisasi` table: one row per tahapan and month that has a record.

use super::Read;
use crate::error::Result;

/// A month's record as stored, with its tahapan's uuid: what reports read. The status stays
/// the stored code; the domain module turns it into its type.
#[derive(Debug, Clone)]
pub(crate) struct RealisasiRow {
    pub tahapan_uuid: String,
    pub bulan: u8,
    pub status: String,
    pub persen: u8,
    pub catatan: String,
    pub kendala: String,
    pub tindak_lanjut: String,
}

/// Every record of the plan, with the uuid of its tahapan.
pub(crate) fn all_with_tahapan_uuid(db: &Read) -> Result<Vec<RealisasiRow>> {
    let mut stmt = db.prepare_cached(
        "SELECT t.uuid, r.bulan, r.status, r.persen, r.catatan, r.kendala, r.tindak_lanjut
         FROM realisasi r JOIN tahapan t ON t.id = r.tahapan_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(RealisasiRow {
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

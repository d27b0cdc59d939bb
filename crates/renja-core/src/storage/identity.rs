//! The single `plan` row: the plan's identity and the decree that set it.

use rusqlite::{OptionalExtension, params};

use super::{Read, Write};
use crate::error::{Error, Result};
use crate::model::PlanIdentity;

const COLUMNS: &str = "pemerintah_daerah, instansi, unit_kerja, alamat, telepon, email, laman, \
     kode_pos, tahun, nomor_keputusan, tanggal_keputusan, tempat_penetapan, kepala_nama, \
     kepala_nip, ketua_nama, ketua_nip, kepala_pangkat, ketua_pangkat";

pub(crate) fn get(db: &Read) -> Result<PlanIdentity> {
    let sql = format!("SELECT {COLUMNS} FROM plan WHERE id = 1");
    db.prepare_cached(&sql)?
        .query_row([], |r| {
            Ok(PlanIdentity {
                pemerintah_daerah: r.get(0)?,
                instansi: r.get(1)?,
                unit_kerja: r.get(2)?,
                alamat: r.get(3)?,
                telepon: r.get(4)?,
                email: r.get(5)?,
                laman: r.get(6)?,
                kode_pos: r.get(7)?,
                tahun: r.get(8)?,
                nomor_keputusan: r.get(9)?,
                tanggal_keputusan: r.get(10)?,
                tempat_penetapan: r.get(11)?,
                kepala_nama: r.get(12)?,
                kepala_nip: r.get(13)?,
                ketua_nama: r.get(14)?,
                ketua_nip: r.get(15)?,
                kepala_pangkat: r.get(16)?,
                ketua_pangkat: r.get(17)?,
            })
        })
        .optional()?
        .ok_or(Error::Missing {
            what: "plan",
            id: 1,
        })
}

/// (uuid, created_at, modified_at) of the plan row.
pub(crate) fn stamps(db: &Read) -> Result<(String, String, String)> {
    Ok(db
        .prepare_cached("SELECT uuid, created_at, modified_at FROM plan WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?)
}

/// Write the identity row; `insert` creates it (a new plan), otherwise it is updated.
pub(crate) fn put(tx: &Write<'_>, id: &PlanIdentity, now: &str, insert: bool) -> Result<()> {
    let uuid = super::new_uuid();
    let mut values = params![
        id.pemerintah_daerah,
        id.instansi,
        id.unit_kerja,
        id.alamat,
        id.telepon,
        id.email,
        id.laman,
        id.kode_pos,
        id.tahun,
        id.nomor_keputusan,
        id.tanggal_keputusan,
        id.tempat_penetapan,
        id.kepala_nama,
        id.kepala_nip,
        id.ketua_nama,
        id.ketua_nip,
        now,
        id.kepala_pangkat,
        id.ketua_pangkat,
    ]
    .to_vec();
    if insert {
        values.push(&uuid);
        let sql = format!(
            "INSERT INTO plan (id, uuid, created_at, {COLUMNS}, modified_at)
             VALUES (1, ?20, ?17, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
                     ?15, ?16, ?18, ?19, ?17)"
        );
        tx.prepare_cached(&sql)?.execute(values.as_slice())?;
    } else {
        tx.prepare_cached(
            "UPDATE plan SET pemerintah_daerah = ?1, instansi = ?2, unit_kerja = ?3, alamat = ?4,
                telepon = ?5, email = ?6, laman = ?7, kode_pos = ?8, tahun = ?9,
                nomor_keputusan = ?10, tanggal_keputusan = ?11, tempat_penetapan = ?12,
                kepala_nama = ?13, kepala_nip = ?14, ketua_nama = ?15, ketua_nip = ?16,
                modified_at = ?17, kepala_pangkat = ?18, ketua_pangkat = ?19
             WHERE id = 1",
        )?
        .execute(values.as_slice())?;
    }
    Ok(())
}

/// The team's conclusions and recommendations for the Laporan Monev Tahunan.
pub(crate) fn catatan_tahunan(db: &super::Read) -> Result<crate::model::CatatanTahunan> {
    Ok(db
        .prepare_cached("SELECT kesimpulan, rekomendasi FROM plan WHERE id = 1")?
        .query_row([], |r| {
            Ok(crate::model::CatatanTahunan {
                kesimpulan: r.get(0)?,
                rekomendasi: r.get(1)?,
            })
        })?)
}

pub(crate) fn set_catatan_tahunan(
    tx: &super::Write<'_>,
    catatan: &crate::model::CatatanTahunan,
    now: &str,
) -> Result<()> {
    tx.prepare_cached(
        "UPDATE plan SET kesimpulan = ?1, rekomendasi = ?2, modified_at = ?3 WHERE id = 1",
    )?
    .execute(params![catatan.kesimpulan, catatan.rekomendasi, now])?;
    Ok(())
}

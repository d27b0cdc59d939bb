//! Reads of the plan beyond the tree for `renja dump`: the team, every realisasi, every piece
//! of evidence with its files' SHA-256, the logo's fingerprint and the deletion markers, each
//! in an order that is the same in every copy (by keys, never by row ids).

use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};

use super::Read;
use crate::error::Result;
use crate::model::{
    DumpAnggota, DumpBerkas, DumpBukti, DumpDeleted, DumpLogo, DumpRealisasi, Jadwal, Peran,
};

pub(crate) fn plan_version(db: &Read) -> Result<String> {
    Ok(db
        .prepare_cached("SELECT version FROM plan WHERE id = 1")?
        .query_row([], |r| r.get(0))?)
}

pub(crate) fn anggota(db: &Read) -> Result<Vec<DumpAnggota>> {
    let mut stmt = db.prepare_cached(
        "SELECT uuid, nama, nip, jabatan, peran, pokja, modified_at, version
         FROM anggota ORDER BY position, uuid",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(DumpAnggota {
            uuid: r.get(0)?,
            nama: r.get(1)?,
            nip: r.get(2)?,
            jabatan: r.get(3)?,
            peran: Peran::from_code(&r.get::<_, String>(4)?).unwrap_or(Peran::AnggotaPokja),
            pokja: r.get(5)?,
            modified_at: r.get(6)?,
            version: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn realisasi(db: &Read) -> Result<Vec<DumpRealisasi>> {
    let mut stmt = db.prepare_cached(
        "SELECT t.uuid, r.bulan, r.status, r.persen, r.catatan, r.kendala, r.tindak_lanjut,
                r.modified_at, r.version
         FROM realisasi r JOIN tahapan t ON r.tahapan_id = t.id ORDER BY t.uuid, r.bulan",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(DumpRealisasi {
            tahapan: r.get(0)?,
            bulan: r.get(1)?,
            status: r.get(2)?,
            persen: r.get(3)?,
            catatan: r.get(4)?,
            kendala: r.get(5)?,
            tindak_lanjut: r.get(6)?,
            modified_at: r.get(7)?,
            version: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn bukti(db: &Read) -> Result<Vec<DumpBukti>> {
    let mut stmt = db.prepare_cached(
        "SELECT b.id, b.uuid, t.uuid, b.judul, b.jenis, b.nomor, b.tanggal, b.keterangan,
                b.bulan, b.created_at, b.modified_at, b.version
         FROM bukti b JOIN tahapan t ON b.tahapan_id = t.id ORDER BY t.uuid, b.uuid",
    )?;
    let rows = stmt.query_map([], |r| {
        let mask: u16 = r.get(8)?;
        Ok((
            r.get::<_, i64>(0)?,
            DumpBukti {
                uuid: r.get(1)?,
                tahapan: r.get(2)?,
                judul: r.get(3)?,
                jenis: r.get(4)?,
                nomor: r.get(5)?,
                tanggal: r.get(6)?,
                keterangan: r.get(7)?,
                bulan: Jadwal::from_mask(mask).unwrap_or_default().months(),
                created_at: r.get(9)?,
                modified_at: r.get(10)?,
                version: r.get(11)?,
                berkas: Vec::new(),
            },
        ))
    })?;
    let mut out = Vec::new();
    let mut files = db.prepare_cached(
        "SELECT bb.uuid, bb.nama, bb.mime, b.sha256, b.size, bb.modified_at, bb.version
         FROM bukti_berkas bb JOIN berkas b ON bb.berkas_id = b.id
         WHERE bb.bukti_id = ?1 ORDER BY bb.position, bb.uuid",
    )?;
    for row in rows {
        let (id, mut bukti) = row?;
        let rows = files.query_map([id], |r| {
            Ok(DumpBerkas {
                uuid: r.get(0)?,
                nama: r.get(1)?,
                mime: r.get(2)?,
                sha256: r.get(3)?,
                size: r.get::<_, i64>(4)? as u64,
                modified_at: r.get(5)?,
                version: r.get(6)?,
            })
        })?;
        bukti.berkas = rows.collect::<rusqlite::Result<_>>()?;
        out.push(bukti);
    }
    Ok(out)
}

pub(crate) fn logo(db: &Read) -> Result<Option<DumpLogo>> {
    let row: Option<(Vec<u8>, String, String, String)> = db
        .prepare_cached("SELECT data, mime, modified_at, version FROM logo WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    Ok(row.map(|(data, mime, modified_at, version)| DumpLogo {
        sha256: super::berkas::hex(&Sha256::digest(&data)),
        mime,
        bytes: data.len() as u64,
        modified_at,
        version,
    }))
}

pub(crate) fn deleted(db: &Read) -> Result<Vec<DumpDeleted>> {
    let mut stmt =
        db.prepare_cached("SELECT key, tbl, version, deleted_at FROM tombstone ORDER BY tbl, key")?;
    let rows = stmt.query_map([], |r| {
        Ok(DumpDeleted {
            key: r.get(0)?,
            table: r.get(1)?,
            version: r.get(2)?,
            deleted_at: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

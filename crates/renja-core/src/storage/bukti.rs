//! The `bukti` and `bukti_berkas` tables: the evidence of a tahapan and the files it lists.
//! A file row names its contents in `berkas` (see `storage::berkas`); several rows may share
//! one contents row. Rows come back as plain columns: what a `jenis` code or a month mask
//! means, and which files may be previewed, is decided by the `bukti` module.

use rusqlite::{OptionalExtension, Row, params};

use super::{Read, Write};
use crate::error::Result;
use crate::ids::{BuktiBerkasId, BuktiId, TahapanId};

/// The columns of a piece of evidence that the form writes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BuktiFields<'a> {
    pub judul: &'a str,
    /// The `jenis` code ("sk", "laporan", …).
    pub jenis: &'a str,
    pub nomor: &'a str,
    pub tanggal: &'a str,
    pub keterangan: &'a str,
    /// The months it supports, bit 0 = Januari.
    pub bulan: u16,
}

/// One `bukti` row as stored.
#[derive(Debug, Clone)]
pub(crate) struct BuktiRow {
    pub id: BuktiId,
    pub uuid: String,
    pub tahapan: TahapanId,
    pub judul: String,
    pub jenis: String,
    pub nomor: String,
    pub tanggal: String,
    pub keterangan: String,
    pub bulan: u16,
    pub created_at: String,
    pub modified_at: String,
}

/// One file of a piece of evidence, with the hash and size of its contents.
#[derive(Debug, Clone)]
pub(crate) struct FileRow {
    pub id: BuktiBerkasId,
    pub nama: String,
    pub mime: String,
    pub size: u64,
    pub sha256: String,
}

/// A new `bukti_berkas` row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NewFile<'a> {
    pub bukti: BuktiId,
    /// The `berkas` row holding the contents.
    pub berkas: i64,
    pub nama: &'a str,
    pub mime: &'a str,
    pub position: i64,
}

// --- bukti ---------------------------------------------------------------------------------

/// The number of pieces of evidence of `tahapan`, or `None` when there is no such tahapan.
pub(crate) fn count_for_tahapan(db: &Read, tahapan: TahapanId) -> Result<Option<usize>> {
    Ok(db
        .prepare_cached(
            "SELECT (SELECT count(*) FROM bukti WHERE tahapan_id = ?1) FROM tahapan WHERE id = ?1",
        )?
        .query_row([tahapan], |r| r.get::<_, i64>(0))
        .optional()?
        .map(|n| n as usize))
}

pub(crate) fn exists(db: &Read, id: BuktiId) -> Result<bool> {
    Ok(db
        .prepare_cached("SELECT 1 FROM bukti WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(crate) fn insert(
    tx: &Write<'_>,
    tahapan: TahapanId,
    f: &BuktiFields<'_>,
    now: &str,
) -> Result<BuktiId> {
    tx.prepare_cached(
        "INSERT INTO bukti (uuid, tahapan_id, judul, jenis, nomor, tanggal, keterangan,
            bulan, created_at, modified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?
    .execute(params![
        super::new_uuid(),
        tahapan,
        f.judul,
        f.jenis,
        f.nomor,
        f.tanggal,
        f.keterangan,
        f.bulan,
        now
    ])?;
    Ok(BuktiId(tx.last_insert_rowid()))
}

/// Overwrite the form's columns of evidence `id`; false when there is no such row.
pub(crate) fn update(tx: &Write<'_>, id: BuktiId, f: &BuktiFields<'_>, now: &str) -> Result<bool> {
    let n = tx
        .prepare_cached(
            "UPDATE bukti SET judul = ?1, jenis = ?2, nomor = ?3, tanggal = ?4,
                keterangan = ?5, bulan = ?6, modified_at = ?7 WHERE id = ?8",
        )?
        .execute(params![
            f.judul,
            f.jenis,
            f.nomor,
            f.tanggal,
            f.keterangan,
            f.bulan,
            now,
            id
        ])?;
    Ok(n > 0)
}

/// Delete evidence `id` with its file rows (the contents stay until the plan is closed, for
/// undo); false when there is no such row.
pub(crate) fn delete(tx: &Write<'_>, id: BuktiId) -> Result<bool> {
    Ok(tx
        .prepare_cached("DELETE FROM bukti WHERE id = ?1")?
        .execute([id])?
        > 0)
}

fn bukti_row(r: &Row<'_>) -> rusqlite::Result<BuktiRow> {
    Ok(BuktiRow {
        id: r.get(0)?,
        uuid: r.get(1)?,
        tahapan: r.get(2)?,
        judul: r.get(3)?,
        jenis: r.get(4)?,
        nomor: r.get(5)?,
        tanggal: r.get(6)?,
        keterangan: r.get(7)?,
        bulan: r.get(8)?,
        created_at: r.get(9)?,
        modified_at: r.get(10)?,
    })
}

/// The evidence of one tahapan (`Some`) or of the whole plan, newest document first.
pub(crate) fn list(db: &Read, tahapan: Option<TahapanId>) -> Result<Vec<BuktiRow>> {
    let mut stmt = db.prepare_cached(
        "SELECT id, uuid, tahapan_id, judul, jenis, nomor, tanggal, keterangan, bulan,
                created_at, modified_at
         FROM bukti WHERE ?1 IS NULL OR tahapan_id = ?1
         ORDER BY tanggal DESC, uuid",
    )?;
    let rows = stmt.query_map([tahapan], bukti_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// --- bukti_berkas --------------------------------------------------------------------------

/// The files of evidence `bukti`, in their order.
pub(crate) fn files(db: &Read, bukti: BuktiId) -> Result<Vec<FileRow>> {
    let mut stmt = db.prepare_cached(
        "SELECT bb.id, bb.nama, bb.mime, b.size, b.sha256
         FROM bukti_berkas bb JOIN berkas b ON b.id = bb.berkas_id
         WHERE bb.bukti_id = ?1 ORDER BY bb.position, bb.uuid",
    )?;
    let rows = stmt.query_map([bukti], |r| {
        Ok(FileRow {
            id: r.get(0)?,
            nama: r.get(1)?,
            mime: r.get(2)?,
            size: r.get::<_, i64>(3)? as u64,
            sha256: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Where the next file of evidence `bukti` goes (one past the last position) and how many
/// files it has.
pub(crate) fn file_slots(db: &Read, bukti: BuktiId) -> Result<(i64, usize)> {
    let (next, count): (i64, i64) = db
        .prepare_cached(
            "SELECT coalesce(max(position), -1) + 1, count(*) FROM bukti_berkas
             WHERE bukti_id = ?1",
        )?
        .query_row([bukti], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((next, count as usize))
}

pub(crate) fn insert_file(tx: &Write<'_>, f: &NewFile<'_>, now: &str) -> Result<BuktiBerkasId> {
    tx.prepare_cached(
        "INSERT INTO bukti_berkas (uuid, bukti_id, berkas_id, nama, mime, position, modified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        super::new_uuid(),
        f.bukti,
        f.berkas,
        f.nama,
        f.mime,
        f.position,
        now
    ])?;
    Ok(BuktiBerkasId(tx.last_insert_rowid()))
}

/// Delete one file row (its contents stay until the plan is closed, for undo); false when
/// there is no such row.
pub(crate) fn delete_file(tx: &Write<'_>, id: BuktiBerkasId) -> Result<bool> {
    Ok(tx
        .prepare_cached("DELETE FROM bukti_berkas WHERE id = ?1")?
        .execute([id])?
        > 0)
}

/// The `berkas` row holding the contents of file `id`.
pub(crate) fn file_contents(db: &Read, id: BuktiBerkasId) -> Result<Option<i64>> {
    Ok(db
        .prepare_cached("SELECT berkas_id FROM bukti_berkas WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// The name file `id` was added under.
pub(crate) fn file_nama(db: &Read, id: BuktiBerkasId) -> Result<Option<String>> {
    Ok(db
        .prepare_cached("SELECT nama FROM bukti_berkas WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// File `id`'s name, contents row and recorded size.
pub(crate) fn file_with_size(db: &Read, id: BuktiBerkasId) -> Result<Option<(String, i64, u64)>> {
    Ok(db
        .prepare_cached(
            "SELECT bb.nama, bb.berkas_id, b.size FROM bukti_berkas bb
             JOIN berkas b ON b.id = bb.berkas_id WHERE bb.id = ?1",
        )?
        .query_row([id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64))
        })
        .optional()?)
}

/// The names of the files whose contents are `berkas` row `berkas`.
pub(crate) fn names_using(db: &Read, berkas: i64) -> Result<Vec<String>> {
    let mut stmt =
        db.prepare_cached("SELECT nama FROM bukti_berkas WHERE berkas_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([berkas], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// (tahapan id, month mask) of every piece of evidence, for the grid's counts per month.
pub(crate) fn bulan_per_tahapan(db: &Read) -> Result<Vec<(i64, u16)>> {
    let mut stmt = db.prepare_cached("SELECT tahapan_id, bulan FROM bukti")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

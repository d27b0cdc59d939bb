//! Bukti dukung: evidence for a tahapan — an SK, a report, minutes, a photo … — with its own
//! document date and number, the months it supports, and one or more files stored inside the
//! plan file (see `berkas`). Adding, editing and removing evidence are undoable edits.

pub(crate) mod berkas;
pub mod names;

use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::identity::text;
use crate::ids::TahapanId;
use crate::limits::{self, MAX_JUDUL_BUKTI, MAX_KETERANGAN_BUKTI, MAX_NOMOR_BUKTI};
use crate::model::Jadwal;
use crate::plan::Plan;
use crate::undo::Op;

pub use berkas::{MAX_FILE_BYTES, mime_for};

/// The error shown when no application on this computer opens an evidence file.
pub fn no_application(name: &str) -> Error {
    Error::invalid(
        "berkas",
        format!(
            "Tidak ada aplikasi di komputer ini yang dapat membuka \"{name}\". Simpan berkasnya lalu buka secara manual."
        ),
    )
}

/// Largest file shown inside the app; bigger ones are saved or opened elsewhere.
pub const MAX_PREVIEW_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Jenis {
    Sk,
    Laporan,
    Notulen,
    DaftarHadir,
    Undangan,
    Foto,
    TangkapanLayar,
    Lainnya,
}

impl Jenis {
    pub(crate) const ALL: [Jenis; 8] = [
        Jenis::Sk,
        Jenis::Laporan,
        Jenis::Notulen,
        Jenis::DaftarHadir,
        Jenis::Undangan,
        Jenis::Foto,
        Jenis::TangkapanLayar,
        Jenis::Lainnya,
    ];

    fn code(self) -> &'static str {
        match self {
            Jenis::Sk => "sk",
            Jenis::Laporan => "laporan",
            Jenis::Notulen => "notulen",
            Jenis::DaftarHadir => "daftarHadir",
            Jenis::Undangan => "undangan",
            Jenis::Foto => "foto",
            Jenis::TangkapanLayar => "tangkapanLayar",
            Jenis::Lainnya => "lainnya",
        }
    }

    fn from_code(code: &str) -> Jenis {
        Jenis::ALL
            .into_iter()
            .find(|j| j.code() == code)
            .unwrap_or(Jenis::Lainnya)
    }

    pub fn label(self) -> &'static str {
        match self {
            Jenis::Sk => "SK",
            Jenis::Laporan => "Laporan",
            Jenis::Notulen => "Notulen",
            Jenis::DaftarHadir => "Daftar hadir",
            Jenis::Undangan => "Undangan",
            Jenis::Foto => "Foto",
            Jenis::TangkapanLayar => "Tangkapan layar",
            Jenis::Lainnya => "Lainnya",
        }
    }
}

/// Evidence as the form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct BuktiInput {
    pub judul: String,
    pub jenis: Jenis,
    pub nomor: String,
    /// The document's own date, `YYYY-MM-DD`, or empty.
    pub tanggal: String,
    pub keterangan: String,
    /// The months it supports, bit 0 = Januari.
    pub bulan: u16,
}

/// One file of a piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BerkasInfo {
    /// The `bukti_berkas` row.
    #[ts(type = "number")]
    pub id: i64,
    /// The name it was added under, shown as text; made safe only when written out.
    pub nama: String,
    pub mime: String,
    #[ts(type = "number")]
    pub size: u64,
    pub sha256: String,
    /// A PDF or image small enough to view inside the app.
    pub previewable: bool,
    /// A document or image that may be opened with another application.
    pub openable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Bukti {
    #[ts(type = "number")]
    pub id: i64,
    pub uuid: String,
    pub tahapan: TahapanId,
    pub judul: String,
    pub jenis: Jenis,
    pub nomor: String,
    pub tanggal: String,
    pub keterangan: String,
    /// Month numbers 1–12.
    pub bulan: Vec<u8>,
    pub berkas: Vec<BerkasInfo>,
    pub created_at: String,
    pub modified_at: String,
}

fn clean(input: &BuktiInput) -> Result<BuktiInput> {
    let judul = text("judul", "Judul", &input.judul, MAX_JUDUL_BUKTI)?;
    if judul.is_empty() {
        return Err(Error::invalid(
            "judul",
            "Judul bukti dukung tidak boleh kosong.",
        ));
    }
    let tanggal = input.tanggal.trim().to_owned();
    if !tanggal.is_empty() && chrono::NaiveDate::parse_from_str(&tanggal, "%Y-%m-%d").is_err() {
        return Err(Error::invalid("tanggal", "Tanggal dokumen tidak valid."));
    }
    let bulan = Jadwal::from_mask(input.bulan)
        .ok_or_else(|| Error::invalid("bulan", "Bulan harus antara Januari dan Desember."))?
        .mask();
    Ok(BuktiInput {
        judul,
        jenis: input.jenis,
        nomor: text("nomor", "Nomor", &input.nomor, MAX_NOMOR_BUKTI)?,
        tanggal,
        keterangan: text(
            "keterangan",
            "Keterangan",
            &input.keterangan,
            MAX_KETERANGAN_BUKTI,
        )?,
        bulan,
    })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "berkas".into())
}

/// Attach the files at `paths` to evidence `bukti` inside the caller's transaction. The
/// limits (files per evidence, name lengths) are checked before any file is read.
fn attach(tx: &rusqlite::Transaction<'_>, bukti: i64, paths: &[PathBuf], now: &str) -> Result<()> {
    let (first, count): (i64, i64) = tx.query_row(
        "SELECT coalesce(max(position), -1) + 1, count(*) FROM bukti_berkas WHERE bukti_id = ?1",
        [bukti],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    limits::berkas_per_bukti(count as usize, paths.len())?;
    let names: Vec<String> = paths.iter().map(|p| file_name(p)).collect();
    for nama in &names {
        limits::text("berkas", "Nama berkas", nama, limits::MAX_NAMA_BERKAS)?;
    }
    for ((position, path), nama) in (first..).zip(paths).zip(names) {
        let stored = berkas::store(tx, path)?;
        tx.execute(
            "INSERT INTO bukti_berkas (uuid, bukti_id, berkas_id, nama, mime, position, modified_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                crate::storage::new_uuid(),
                bukti,
                stored.id,
                nama,
                mime_for(&nama),
                position,
                now
            ],
        )?;
    }
    Ok(())
}

impl Plan {
    /// Add evidence to a tahapan with its files; returns the new evidence's id.
    pub fn add_bukti(
        &mut self,
        tahapan: TahapanId,
        input: &BuktiInput,
        files: &[PathBuf],
    ) -> Result<i64> {
        let b = clean(input)?;
        self.transact(Op::AddBukti, |tx, now| {
            let found: Option<i64> = tx
                .query_row("SELECT id FROM tahapan WHERE id = ?1", [tahapan], |r| {
                    r.get(0)
                })
                .optional()?;
            if found.is_none() {
                return Err(Error::Missing {
                    what: "tahapan",
                    id: tahapan.0,
                });
            }
            let count: i64 = tx.query_row(
                "SELECT count(*) FROM bukti WHERE tahapan_id = ?1",
                [tahapan],
                |r| r.get(0),
            )?;
            limits::bukti_per_tahapan(count as usize)?;
            tx.execute(
                "INSERT INTO bukti (uuid, tahapan_id, judul, jenis, nomor, tanggal, keterangan,
                    bulan, created_at, modified_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                params![
                    crate::storage::new_uuid(),
                    tahapan,
                    b.judul,
                    b.jenis.code(),
                    b.nomor,
                    b.tanggal,
                    b.keterangan,
                    b.bulan,
                    now
                ],
            )?;
            let id = tx.last_insert_rowid();
            attach(tx, id, files, now)?;
            Ok(id)
        })
    }

    pub fn update_bukti(&mut self, id: i64, input: &BuktiInput) -> Result<()> {
        let b = clean(input)?;
        self.transact(Op::UpdateBukti, |tx, now| {
            let n = tx.execute(
                "UPDATE bukti SET judul = ?1, jenis = ?2, nomor = ?3, tanggal = ?4,
                    keterangan = ?5, bulan = ?6, modified_at = ?7 WHERE id = ?8",
                params![
                    b.judul,
                    b.jenis.code(),
                    b.nomor,
                    b.tanggal,
                    b.keterangan,
                    b.bulan,
                    now,
                    id
                ],
            )?;
            if n == 0 {
                return Err(Error::Missing { what: "bukti", id });
            }
            Ok(())
        })
    }

    pub fn add_bukti_files(&mut self, id: i64, files: &[PathBuf]) -> Result<()> {
        self.transact(Op::AddBuktiFiles, |tx, now| {
            let found: Option<i64> = tx
                .query_row("SELECT id FROM bukti WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            if found.is_none() {
                return Err(Error::Missing { what: "bukti", id });
            }
            attach(tx, id, files, now)
        })
    }

    /// Remove one file from its evidence (by `bukti_berkas` id).
    pub fn remove_bukti_file(&mut self, id: i64) -> Result<()> {
        self.transact(Op::RemoveBuktiFile, |tx, _| {
            if tx.execute("DELETE FROM bukti_berkas WHERE id = ?1", [id])? == 0 {
                return Err(Error::Missing { what: "berkas", id });
            }
            Ok(())
        })
    }

    pub fn delete_bukti(&mut self, id: i64) -> Result<()> {
        self.transact(Op::DeleteBukti, |tx, _| {
            if tx.execute("DELETE FROM bukti WHERE id = ?1", [id])? == 0 {
                return Err(Error::Missing { what: "bukti", id });
            }
            Ok(())
        })
    }

    /// The evidence of one tahapan (`Some`) or of the whole plan, newest document first.
    pub fn bukti(&self, tahapan: Option<TahapanId>) -> Result<Vec<Bukti>> {
        let mut stmt = self.db().prepare_cached(
            "SELECT id, uuid, tahapan_id, judul, jenis, nomor, tanggal, keterangan, bulan,
                    created_at, modified_at
             FROM bukti WHERE ?1 IS NULL OR tahapan_id = ?1
             ORDER BY tanggal DESC, id",
        )?;
        let rows = stmt.query_map([tahapan.map(|t| t.0)], |r| {
            let jenis: String = r.get(4)?;
            let mask: u16 = r.get(8)?;
            Ok(Bukti {
                id: r.get(0)?,
                uuid: r.get(1)?,
                tahapan: r.get(2)?,
                judul: r.get(3)?,
                jenis: Jenis::from_code(&jenis),
                nomor: r.get(5)?,
                tanggal: r.get(6)?,
                keterangan: r.get(7)?,
                bulan: Jadwal::from_mask(mask).unwrap_or_default().months(),
                berkas: Vec::new(),
                created_at: r.get(9)?,
                modified_at: r.get(10)?,
            })
        })?;
        let mut out: Vec<Bukti> = rows.collect::<rusqlite::Result<_>>()?;
        let mut files = self.db().prepare_cached(
            "SELECT bb.id, bb.nama, bb.mime, b.size, b.sha256
             FROM bukti_berkas bb JOIN berkas b ON b.id = bb.berkas_id
             WHERE bb.bukti_id = ?1 ORDER BY bb.position, bb.id",
        )?;
        for bukti in &mut out {
            let rows = files.query_map([bukti.id], |r| {
                let nama: String = r.get(1)?;
                let mime: String = r.get(2)?;
                let size = r.get::<_, i64>(3)? as u64;
                Ok(BerkasInfo {
                    id: r.get(0)?,
                    previewable: (mime == "application/pdf" || mime.starts_with("image/"))
                        && size <= MAX_PREVIEW_BYTES,
                    openable: names::can_open_externally(&nama),
                    nama,
                    mime,
                    size,
                    sha256: r.get(4)?,
                })
            })?;
            bukti.berkas = rows.collect::<rusqlite::Result<_>>()?;
        }
        Ok(out)
    }

    /// Write one evidence file (by `bukti_berkas` id) to exactly `dest`, byte-identical.
    pub fn export_bukti_file(&self, id: i64, dest: &Path) -> Result<()> {
        let berkas: i64 = self
            .db()
            .query_row(
                "SELECT berkas_id FROM bukti_berkas WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::Missing { what: "berkas", id })?;
        berkas::export(self.db(), berkas, dest)
    }

    /// The contents of an evidence file (by `bukti_berkas` id) for viewing inside the app, with
    /// its MIME type: PDFs and images only, up to [`MAX_PREVIEW_BYTES`].
    pub fn bukti_file_for_preview(&self, id: i64) -> Result<(Vec<u8>, String)> {
        let (nama, berkas, size): (String, i64, i64) = self
            .db()
            .query_row(
                "SELECT bb.nama, bb.berkas_id, b.size FROM bukti_berkas bb
                 JOIN berkas b ON b.id = bb.berkas_id WHERE bb.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or(Error::Missing { what: "berkas", id })?;
        let mime = mime_for(&nama);
        if !(mime == "application/pdf" || mime.starts_with("image/")) {
            return Err(Error::invalid(
                "berkas",
                "Hanya PDF dan gambar yang dapat dilihat di dalam aplikasi.",
            ));
        }
        if size as u64 > MAX_PREVIEW_BYTES {
            return Err(Error::invalid(
                "berkas",
                "Berkas ini terlalu besar untuk dilihat di dalam aplikasi; simpan lalu buka dengan aplikasi lain.",
            ));
        }
        Ok((berkas::read_all(self.db(), berkas)?, mime.to_owned()))
    }

    /// Write an evidence file into a fresh folder under `temp_root` for opening with another
    /// application; refused (and nothing written) for anything but documents and images.
    pub fn export_for_opening(&self, id: i64, temp_root: &Path) -> Result<PathBuf> {
        let name = self.bukti_file_name(id)?;
        if !names::can_open_externally(&name) {
            return Err(Error::invalid(
                "berkas",
                format!(
                    "Berkas \"{name}\" tidak dibuka demi keamanan (program, skrip, pintasan, atau dokumen bermakro). Simpan berkasnya bila memang diperlukan."
                ),
            ));
        }
        let dir = temp_root.join(uuid::Uuid::new_v4().simple().to_string());
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        self.export_bukti_file_into(id, &dir)
    }

    /// The name an evidence file (by `bukti_berkas` id) is proposed under when saved out:
    /// its own name, made safe.
    pub fn bukti_file_name(&self, id: i64) -> Result<String> {
        let nama: String = self
            .db()
            .query_row("SELECT nama FROM bukti_berkas WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(Error::Missing { what: "berkas", id })?;
        Ok(names::safe_file_name(&nama))
    }

    /// Write one evidence file into folder `dir` under its own name made safe and unique;
    /// returns the path written.
    pub fn export_bukti_file_into(&self, id: i64, dir: &Path) -> Result<PathBuf> {
        let dest = names::unique_in(dir, &self.bukti_file_name(id)?);
        self.export_bukti_file(id, &dest)?;
        Ok(dest)
    }
}

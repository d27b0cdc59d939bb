//! Bukti dukung: evidence for a tahapan — an SK, a report, minutes, a photo … — with its own
//! document date and number, the months it supports, and one or more files stored inside the
//! plan file (see `berkas`). Adding, editing and removing evidence are undoable edits.
//!
//! This module holds the rules: what a valid [`BuktiInput`] is, the limits on evidence and
//! files, which files may be viewed inside the app or opened with another application. It
//! gets a `storage::Read` or `storage::Write` from its caller (`plan/bukti.rs` runs each edit
//! as one undoable transaction) and leaves every SQL statement to `storage::bukti` and
//! `storage::berkas`. It never sees a `Plan`.

pub(crate) mod berkas;
mod progress;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::identity::text;
use crate::ids::{BuktiBerkasId, BuktiId, TahapanId};
use crate::limits::{self, MAX_JUDUL_BUKTI, MAX_KETERANGAN_BUKTI, MAX_NOMOR_BUKTI};
use crate::model::Jadwal;
use crate::naming;
use crate::storage::bukti::{BuktiFields, BuktiRow, FileRow, NewFile};
use crate::storage::{self, Read, Write};

pub use berkas::{MAX_FILE_BYTES, mime_for};
pub use progress::BuktiProgress;
use progress::Progress;

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

/// What the dialog for choosing evidence files offers first; "Semua berkas" comes after it.
pub const FILES_FILTER: naming::FileFilter = naming::FileFilter {
    label: "Dokumen dan gambar",
    extensions: &[
        "pdf", "jpg", "jpeg", "png", "gif", "webp", "doc", "docx", "xls", "xlsx", "odt",
    ],
};

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

    pub(crate) fn from_code(code: &str) -> Jenis {
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
    pub id: BuktiBerkasId,
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
    pub id: BuktiId,
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

/// `input` checked and tidied (trimmed, months within the year), or the error the form shows.
pub(crate) fn clean(input: &BuktiInput) -> Result<BuktiInput> {
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

/// The name a file is added under: the last part of its path.
fn added_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "berkas".into())
}

/// The columns `b` (already [`clean`]ed) writes.
fn fields(b: &BuktiInput) -> BuktiFields<'_> {
    BuktiFields {
        judul: &b.judul,
        jenis: b.jenis.code(),
        nomor: &b.nomor,
        tanggal: &b.tanggal,
        keterangan: &b.keterangan,
        bulan: b.bulan,
    }
}

/// Attach the files at `paths` to evidence `bukti` inside the caller's transaction. The
/// limits (files per evidence, name lengths) are checked before any file is read; `report`
/// hears how many bytes of all the files are stored so far.
fn attach(
    tx: &Write<'_>,
    bukti: BuktiId,
    paths: &[PathBuf],
    now: &str,
    report: &mut dyn FnMut(BuktiProgress),
) -> Result<()> {
    let (first, count) = storage::bukti::file_slots(tx, bukti)?;
    limits::berkas_per_bukti(count, paths.len())?;
    let names: Vec<String> = paths.iter().map(|p| added_name(p)).collect();
    for nama in &names {
        limits::text("berkas", "Nama berkas", nama, limits::MAX_NAMA_BERKAS)?;
    }
    let sizes: Vec<u64> = paths.iter().map(|p| berkas::planned_size(p)).collect();
    let mut progress = Progress::start(sizes.iter().sum(), report);
    for (((position, path), nama), size) in (first..).zip(paths).zip(names).zip(sizes) {
        progress.begin_file(size);
        let contents = berkas::store(tx, path, &mut progress)?;
        progress.end_file();
        let file = NewFile {
            bukti,
            berkas: contents,
            nama: &nama,
            mime: mime_for(&nama),
            position,
        };
        storage::bukti::insert_file(tx, &file, now)?;
    }
    Ok(())
}

fn missing_bukti(id: BuktiId) -> Error {
    Error::Missing {
        what: "bukti",
        id: id.0,
    }
}

fn missing_file(id: BuktiBerkasId) -> Error {
    Error::Missing {
        what: "berkas",
        id: id.0,
    }
}

/// Add evidence `b` (already [`clean`]ed) to `tahapan` with the files at `files`; `report`
/// hears how far storing the files has got.
pub(crate) fn add(
    tx: &Write<'_>,
    now: &str,
    tahapan: TahapanId,
    b: &BuktiInput,
    files: &[PathBuf],
    report: &mut dyn FnMut(BuktiProgress),
) -> Result<BuktiId> {
    let count = storage::bukti::count_for_tahapan(tx, tahapan)?.ok_or(Error::Missing {
        what: "tahapan",
        id: tahapan.0,
    })?;
    limits::bukti_per_tahapan(count)?;
    let id = storage::bukti::insert(tx, tahapan, &fields(b), now)?;
    attach(tx, id, files, now, report)?;
    Ok(id)
}

/// Replace the form's fields of evidence `id` with `b` (already [`clean`]ed).
pub(crate) fn update(tx: &Write<'_>, now: &str, id: BuktiId, b: &BuktiInput) -> Result<()> {
    if !storage::bukti::update(tx, id, &fields(b), now)? {
        return Err(missing_bukti(id));
    }
    Ok(())
}

/// Attach the files at `files` to evidence `id`; `report` hears how far storing them has got.
pub(crate) fn add_files(
    tx: &Write<'_>,
    now: &str,
    id: BuktiId,
    files: &[PathBuf],
    report: &mut dyn FnMut(BuktiProgress),
) -> Result<()> {
    if !storage::bukti::exists(tx, id)? {
        return Err(missing_bukti(id));
    }
    attach(tx, id, files, now, report)
}

/// Remove one file from its evidence. Its contents stay in the plan while undo may need them.
pub(crate) fn remove_file(tx: &Write<'_>, id: BuktiBerkasId) -> Result<()> {
    if !storage::bukti::delete_file(tx, id)? {
        return Err(missing_file(id));
    }
    Ok(())
}

pub(crate) fn delete(tx: &Write<'_>, id: BuktiId) -> Result<()> {
    if !storage::bukti::delete(tx, id)? {
        return Err(missing_bukti(id));
    }
    Ok(())
}

/// A PDF or image: what the viewer inside the app shows.
fn viewable(mime: &str) -> bool {
    mime == "application/pdf" || mime.starts_with("image/")
}

fn file_info(row: FileRow) -> BerkasInfo {
    BerkasInfo {
        id: row.id,
        previewable: viewable(&row.mime) && row.size <= MAX_PREVIEW_BYTES,
        openable: naming::can_open_externally(&row.nama),
        nama: row.nama,
        mime: row.mime,
        size: row.size,
        sha256: row.sha256,
    }
}

/// The evidence of one tahapan (`Some`) or of the whole plan, newest document first.
pub(crate) fn list(db: &Read, tahapan: Option<TahapanId>) -> Result<Vec<Bukti>> {
    storage::bukti::list(db, tahapan)?
        .into_iter()
        .map(|row: BuktiRow| {
            Ok(Bukti {
                berkas: storage::bukti::files(db, row.id)?
                    .into_iter()
                    .map(file_info)
                    .collect(),
                id: row.id,
                uuid: row.uuid,
                tahapan: row.tahapan,
                judul: row.judul,
                jenis: Jenis::from_code(&row.jenis),
                nomor: row.nomor,
                tanggal: row.tanggal,
                keterangan: row.keterangan,
                bulan: Jadwal::from_mask(row.bulan).unwrap_or_default().months(),
                created_at: row.created_at,
                modified_at: row.modified_at,
            })
        })
        .collect()
}

/// Write one evidence file to exactly `dest`, byte-identical.
pub(crate) fn export_file(db: &Read, id: BuktiBerkasId, dest: &Path) -> Result<()> {
    let contents = storage::bukti::file_contents(db, id)?.ok_or_else(|| missing_file(id))?;
    berkas::export(db, contents, dest)
}

/// The contents of an evidence file for viewing inside the app, with its MIME type: PDFs and
/// images only, up to [`MAX_PREVIEW_BYTES`].
pub(crate) fn file_for_preview(db: &Read, id: BuktiBerkasId) -> Result<(Vec<u8>, String)> {
    let (nama, contents, size) =
        storage::bukti::file_with_size(db, id)?.ok_or_else(|| missing_file(id))?;
    let mime = mime_for(&nama);
    if !viewable(mime) {
        return Err(Error::invalid(
            "berkas",
            "Hanya PDF dan gambar yang dapat dilihat di dalam aplikasi.",
        ));
    }
    if size > MAX_PREVIEW_BYTES {
        return Err(Error::invalid(
            "berkas",
            "Berkas ini terlalu besar untuk dilihat di dalam aplikasi; simpan lalu buka dengan aplikasi lain.",
        ));
    }
    Ok((berkas::read_all(db, contents)?, mime.to_owned()))
}

/// The name an evidence file is proposed under when saved out: its own name, made safe.
pub(crate) fn file_name(db: &Read, id: BuktiBerkasId) -> Result<String> {
    let nama = storage::bukti::file_nama(db, id)?.ok_or_else(|| missing_file(id))?;
    Ok(naming::safe_file_name(&nama))
}

/// Write one evidence file into folder `dir` under its own name made safe and unique;
/// returns the path written.
pub(crate) fn export_file_into(db: &Read, id: BuktiBerkasId, dir: &Path) -> Result<PathBuf> {
    let dest = naming::unique_in(dir, &file_name(db, id)?);
    export_file(db, id, &dest)?;
    Ok(dest)
}

/// Write an evidence file into a fresh folder under `temp_root` for opening with another
/// application; refused (and nothing written) for anything but documents and images.
pub(crate) fn export_for_opening(
    db: &Read,
    id: BuktiBerkasId,
    temp_root: &Path,
) -> Result<PathBuf> {
    let name = file_name(db, id)?;
    if !naming::can_open_externally(&name) {
        return Err(Error::invalid(
            "berkas",
            format!(
                "Berkas \"{name}\" tidak dibuka demi keamanan (program, skrip, pintasan, atau dokumen bermakro). Simpan berkasnya bila memang diperlukan."
            ),
        ));
    }
    let dir = temp_root.join(uuid::Uuid::new_v4().simple().to_string());
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    export_file_into(db, id, &dir)
}

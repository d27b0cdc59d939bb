//! One error type for the core. Each variant keeps the facts (paths, sizes, versions) for
//! logs and tests; [`Error::message`] turns them into the Indonesian sentence a Pokja member
//! reads, and [`Error::kind`] into the closed set the UI may branch on.
//!
//! Every refusal to open a file must leave that file byte-for-byte unchanged; the messages say
//! so, because a user who was just refused a colleague's file worries about exactly that.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What a file that is not a plan looks like, judged from its first bytes; used only to word
/// the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LooksLike {
    Zip,
    Pdf,
    Html,
    Text,
    Image,
    Unknown,
}

/// Why a table offered for import cannot be read; the facts for [`Error::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// An Office file encrypted with a password (an OLE container with `EncryptedPackage`).
    Encrypted,
    /// The binary Excel 97–2003 format (`.xls`), or another OLE container.
    OldExcel,
    /// A ZIP that is broken, or lacks the parts a workbook has.
    Corrupt,
    /// Past a limit, checked before the whole is read: `what` is said to the user
    /// ("berkas", "lembar kerja \"Data\""), `limit` is the limit in words.
    TooBig { what: String, limit: String },
    /// Not text: NUL or control bytes, as in random bytes or a binary file.
    NotText,
    /// The file has no rows at all.
    Empty,
    /// `--sheet` or the UI named a sheet the workbook does not have.
    NoSheet { sheet: String, sheets: Vec<String> },
    /// No row of the sheet looks like the header of a Rencana Aksi table.
    NoHeader { sheet: String },
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("file not found: {}", path.display())]
    NotFound { path: PathBuf },
    #[error("empty file: {}", path.display())]
    EmptyFile { path: PathBuf },
    #[error("not a plan file ({looks_like:?}): {}", path.display())]
    NotAPlan {
        path: PathBuf,
        looks_like: LooksLike,
    },
    #[error("SQLite database of another application: {}", path.display())]
    ForeignDatabase { path: PathBuf },
    #[error("truncated plan file {}: {actual} bytes, expected {expected}", path.display())]
    Truncated {
        path: PathBuf,
        expected: u64,
        actual: u64,
    },
    #[error("corrupt plan file {}: {detail}", path.display())]
    Corrupt { path: PathBuf, detail: String },
    /// The file holds tables, columns, indexes, triggers or views that the schema of its
    /// version does not define: something other than Renja RB wrote them, and they could run.
    #[error("plan file {} has a schema that is not ours: {detail}", path.display())]
    ForeignSchema { path: PathBuf, detail: String },
    /// The file's rows break a rule of the plan (a CHECK, a foreign key, UTF-8, a limit).
    #[error("plan file {} breaks a data rule: {detail}", path.display())]
    BadData { path: PathBuf, detail: String },
    /// Stored evidence contents no longer match their SHA-256.
    #[error("damaged evidence in {}: {}", path.display(), names.join(", "))]
    DamagedEvidence { path: PathBuf, names: Vec<String> },
    /// Another window, program or computer has the plan open for editing.
    #[error("plan file {} is locked by {holder}", path.display())]
    Locked { path: PathBuf, holder: String },
    #[error("plan file {} has schema {found}, newer than {supported}", path.display())]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("the plan is open read-only")]
    ReadOnly,
    #[error("no plan is open")]
    NoPlan,
    #[error("folder missing: {}", path.display())]
    FolderMissing { path: PathBuf },
    #[error("file exists: {}", path.display())]
    AlreadyExists { path: PathBuf },
    /// Windows would not let the finished file take the place of `path`: another program
    /// holds it open, or it has the read-only attribute. The old file is unchanged.
    #[error("cannot replace {} (read-only: {read_only})", path.display())]
    CannotReplace { path: PathBuf, read_only: bool },
    /// No file manager on this computer could show the folder.
    #[error("no file manager to show {}", path.display())]
    NoFileManager { path: PathBuf },
    #[error("invalid {field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    #[error("no such {what} (id {id})")]
    Missing { what: &'static str, id: i64 },
    #[error("i/o error on {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A table offered for import (a spreadsheet, a CSV, pasted text) that cannot be read.
    /// `name` is the file's name, or "teks tempelan" for pasted text.
    #[error("cannot import {name}: {problem:?}")]
    Import {
        name: String,
        problem: ImportProblem,
    },
    #[error("sqlite: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("{0}")]
    Internal(String),
}

/// The closed set of error kinds the UI branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// The file is gone: the recent list marks it missing.
    NotFound,
    /// The file was refused (not a plan, corrupt, too new): the start screen shows why.
    BadFile,
    /// A change was attempted on a read-only plan.
    ReadOnly,
    /// The plan is open for editing elsewhere: the UI offers to open it read-only.
    Locked,
    /// A value the user typed was not accepted: the form shows it beside the field.
    Invalid,
    /// No plan is open: the UI returns to the start screen.
    NoPlan,
    /// Anything else: shown as a message.
    Other,
}

/// The error as it crosses to the UI: `message` is ready to show, `kind` is for branching.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
    /// For [`ErrorKind::Invalid`]: the field the message is about.
    pub field: Option<String>,
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

const UNCHANGED: &str = "Berkas tidak diubah.";

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound { path }
        } else {
            Error::Io { path, source }
        }
    }

    /// The error for a file that cannot be created at `path`: its folder is missing, or it
    /// may not be written.
    pub(crate) fn cannot_create(path: &Path) -> Self {
        match path.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(dir) if !dir.is_dir() => Error::FolderMissing { path: dir.into() },
            _ => Error::io(path, std::io::ErrorKind::PermissionDenied.into()),
        }
    }

    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            reason: reason.into(),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::EmptyFile { .. }
            | Error::NotAPlan { .. }
            | Error::ForeignDatabase { .. }
            | Error::Truncated { .. }
            | Error::Corrupt { .. }
            | Error::ForeignSchema { .. }
            | Error::BadData { .. }
            | Error::TooNew { .. }
            | Error::Import { .. } => ErrorKind::BadFile,
            Error::Locked { .. } => ErrorKind::Locked,
            Error::DamagedEvidence { .. } => ErrorKind::Other,
            Error::ReadOnly => ErrorKind::ReadOnly,
            Error::NoPlan => ErrorKind::NoPlan,
            Error::Invalid { .. } => ErrorKind::Invalid,
            Error::AlreadyExists { .. }
            | Error::CannotReplace { .. }
            | Error::NoFileManager { .. }
            | Error::FolderMissing { .. }
            | Error::Missing { .. }
            | Error::Io { .. }
            | Error::Sql(_)
            | Error::Internal(_) => ErrorKind::Other,
        }
    }

    /// The sentence shown to the user, in Bahasa Indonesia.
    pub fn message(&self) -> String {
        match self {
            Error::NotFound { path } => format!(
                "Berkas \"{}\" tidak ditemukan. Mungkin sudah dipindahkan, diganti namanya, atau dihapus.",
                name(path)
            ),
            Error::EmptyFile { path } => format!(
                "Berkas \"{}\" kosong (0 bita), jadi bukan berkas rencana Renja RB. {UNCHANGED}",
                name(path)
            ),
            Error::NotAPlan { path, looks_like } => {
                let what = match looks_like {
                    LooksLike::Zip => "sebuah arsip ZIP (atau dokumen Office)",
                    LooksLike::Pdf => "sebuah dokumen PDF",
                    LooksLike::Html => "sebuah halaman web (HTML)",
                    LooksLike::Text => "sebuah berkas teks",
                    LooksLike::Image => "sebuah gambar",
                    LooksLike::Unknown => "berkas jenis lain",
                };
                format!(
                    "Berkas \"{}\" bukan berkas rencana Renja RB (.renjarb): isinya {what}. {UNCHANGED}",
                    name(path)
                )
            }
            Error::ForeignDatabase { path } => format!(
                "Berkas \"{}\" adalah basis data milik aplikasi lain, bukan berkas rencana Renja RB. {UNCHANGED}",
                name(path)
            ),
            Error::Truncated {
                path,
                expected,
                actual,
            } => format!(
                "Berkas \"{}\" terpotong: ukurannya {actual} bita, seharusnya {expected} bita. \
                 Mungkin penyalinan atau pengunduhannya belum selesai; mintalah kiriman ulang berkas aslinya. {UNCHANGED}",
                name(path)
            ),
            Error::Corrupt { path, .. } => format!(
                "Berkas \"{}\" rusak sehingga tidak dapat dibuka dengan aman. \
                 Gunakan salinan cadangan atau mintalah kiriman ulang berkasnya. {UNCHANGED}",
                name(path)
            ),
            Error::ForeignSchema { path, .. } => format!(
                "Berkas \"{}\" memuat bagian basis data yang tidak dibuat oleh Renja RB \
                 (misalnya pemicu, tampilan, atau tabel tambahan) yang dapat mengubah rencana diam-diam, \
                 sehingga tidak dibuka demi keamanan. Mintalah kiriman ulang berkas aslinya. {UNCHANGED}",
                name(path)
            ),
            Error::BadData { path, detail } => format!(
                "Berkas \"{}\" memuat data yang melanggar aturan rencana ({detail}), \
                 sehingga tidak dibuka. Mintalah kiriman ulang berkas aslinya. {UNCHANGED}",
                name(path)
            ),
            Error::DamagedEvidence { path, names } => format!(
                "Rencana \"{}\" dapat dibuka, tetapi isi {} berkas bukti dukung di dalamnya rusak \
                 (tidak cocok lagi dengan sidik SHA-256-nya): {}. Berkas itu tidak dapat dilihat \
                 atau disimpan keluar; mintalah berkas aslinya, hapus berkas yang rusak dari \
                 bukti dukungnya, lalu tambahkan lagi.",
                name(path),
                names.len(),
                names.join("; ")
            ),
            Error::Locked { path, holder } => format!(
                "Berkas \"{}\" sedang dibuka untuk diedit oleh {holder}. \
                 Satu rencana hanya dapat diedit di satu tempat pada satu waktu. \
                 Anda dapat membukanya hanya-baca, atau menunggu sampai berkas itu ditutup.",
                name(path)
            ),
            Error::TooNew { path, found, .. } => format!(
                "Berkas \"{}\" dibuat dengan Renja RB versi yang lebih baru (format {found}). \
                 Perbarui aplikasi Renja RB untuk membukanya. {UNCHANGED}",
                name(path)
            ),
            Error::ReadOnly => {
                "Rencana ini dibuka hanya-baca, jadi perubahan tidak dapat disimpan. \
                 Simpan salinan bila ingin mengubahnya."
                    .to_owned()
            }
            Error::NoPlan => "Belum ada rencana yang dibuka.".to_owned(),
            Error::FolderMissing { path } => format!(
                "Folder \"{}\" tidak ada. Pilih folder lain untuk menyimpan berkas.",
                path.display()
            ),
            Error::AlreadyExists { path } => format!(
                "Berkas \"{}\" sudah ada. Pilih nama lain agar berkas itu tidak tertimpa.",
                name(path)
            ),
            Error::CannotReplace {
                path,
                read_only: true,
            } => format!(
                "Berkas \"{}\" bersifat hanya-baca, jadi tidak ditimpa. Pilih nama lain, atau \
                 hilangkan sifat hanya-baca berkas itu lalu coba lagi. {UNCHANGED}",
                name(path)
            ),
            Error::CannotReplace {
                path,
                read_only: false,
            } => format!(
                "Berkas \"{}\" sedang dibuka di program lain (misalnya Excel atau penampil \
                 PDF), jadi tidak dapat ditimpa. Tutup berkas itu lalu coba lagi, atau pilih \
                 nama lain. {UNCHANGED}",
                name(path)
            ),
            Error::NoFileManager { path } => format!(
                "Folder \"{}\" tidak dapat dibuka: tidak ada pengelola berkas di komputer ini.",
                path.display()
            ),
            Error::Invalid { reason, .. } => reason.clone(),
            Error::Missing { .. } => {
                "Data yang dimaksud sudah tidak ada dalam rencana. Muat ulang tampilan.".to_owned()
            }
            Error::Io { path, source } => {
                let why = match source.kind() {
                    std::io::ErrorKind::PermissionDenied => "tidak ada izin untuk mengaksesnya",
                    std::io::ErrorKind::StorageFull => "ruang penyimpanan penuh",
                    std::io::ErrorKind::ReadOnlyFilesystem => "media penyimpanannya hanya-baca",
                    std::io::ErrorKind::IsADirectory => "itu sebuah folder, bukan berkas",
                    _ => "terjadi kesalahan baca/tulis",
                };
                format!("Berkas \"{}\" tidak dapat digunakan: {why}.", name(path))
            }
            Error::Sql(e) => match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DiskFull) => {
                    "Ruang penyimpanan penuh; perubahan terakhir tidak tersimpan.".to_owned()
                }
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                    "Berkas rencana sedang dipakai oleh program lain. Coba lagi sebentar lagi."
                        .to_owned()
                }
                Some(rusqlite::ErrorCode::ReadOnly) => {
                    "Berkas rencana tidak dapat ditulis (media hanya-baca, tanpa izin tulis, atau \
                     sedang dipulihkan). Perubahan ini tidak tersimpan; isi berkas tetap seperti \
                     sebelumnya."
                        .to_owned()
                }
                Some(
                    rusqlite::ErrorCode::DatabaseCorrupt
                    | rusqlite::ErrorCode::NotADatabase
                    | rusqlite::ErrorCode::SystemIoFailure,
                ) => "Sebagian berkas rencana rusak atau tidak dapat dibaca dari medianya. \
                      Simpan salinan ke tempat lain bila masih bisa, lalu periksa berkasnya \
                      dengan \"renja check\"."
                    .to_owned(),
                code => format!(
                    "Terjadi kesalahan saat membaca atau menulis berkas rencana (kode SQLite {}). \
                     Bila terjadi saat menyimpan, perubahan itu tidak tersimpan; isi berkas tetap \
                     seperti sebelumnya.",
                    code.map_or_else(|| "?".to_owned(), |c| format!("{c:?}"))
                ),
            },
            Error::Import { name, problem } => import_message(name, problem),
            Error::Internal(detail) => format!("Terjadi kesalahan di dalam aplikasi ({detail})."),
        }
    }

    pub fn to_ipc(&self) -> IpcError {
        IpcError {
            kind: self.kind(),
            message: self.message(),
            field: match self {
                Error::Invalid { field, .. } => Some((*field).to_owned()),
                _ => None,
            },
        }
    }
}

fn import_message(name: &str, problem: &ImportProblem) -> String {
    const SOURCE_UNCHANGED: &str = "Berkas sumber tidak diubah dan rencana tidak berubah.";
    let why = match problem {
        ImportProblem::Encrypted => "berkas dilindungi kata sandi. Buka di Excel, hapus kata \
             sandinya (File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi), simpan, \
             lalu impor lagi."
            .to_owned(),
        ImportProblem::OldExcel => "formatnya Excel lama (.xls) atau bukan buku kerja yang \
             dikenal. Buka di Excel atau LibreOffice, simpan sebagai .xlsx, lalu impor lagi."
            .to_owned(),
        ImportProblem::Corrupt => "berkasnya rusak atau bukan buku kerja .xlsx/.ods yang utuh. \
             Buka di Excel atau LibreOffice dan simpan ulang, atau mintalah kiriman ulang."
            .to_owned(),
        ImportProblem::TooBig { what, limit } => format!(
            "{what} terlalu besar untuk sebuah tabel Rencana Aksi (paling banyak {limit}). \
             Hapus lembar atau baris yang tidak perlu, atau salin tabelnya saja ke buku kerja baru."
        ),
        ImportProblem::NotText => "isinya bukan tabel teks (CSV atau teks bertab) maupun buku \
             kerja Excel/ODS."
            .to_owned(),
        ImportProblem::Empty => "berkasnya tidak berisi satu baris tabel pun.".to_owned(),
        ImportProblem::NoSheet { sheet, sheets } => format!(
            "lembar kerja \"{sheet}\" tidak ada. Lembar yang ada: {}.",
            sheets
                .iter()
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ImportProblem::NoHeader { sheet } => format!(
            "di lembar \"{sheet}\" tidak ditemukan baris judul kolom tabel Rencana Aksi \
             (misalnya \"Tahapan Kerja\", \"Kegiatan\", \"Bulan\" atau \"Penanggung Jawab\"). \
             Pastikan tabelnya punya baris judul, atau pilih kolomnya sendiri di aplikasi."
        ),
    };
    format!("Berkas \"{name}\" tidak dapat diimpor: {why} {SOURCE_UNCHANGED}")
}

impl From<Error> for IpcError {
    fn from(e: Error) -> Self {
        e.to_ipc()
    }
}

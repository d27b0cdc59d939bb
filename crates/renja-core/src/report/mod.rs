//! Reports: the Rencana Aksi table, the Laporan Monev (bulanan, triwulan, tahunan), the
//! Daftar Bukti Dukung, and the evidence package for the assessors.
//!
//! Every report is built in two steps. First the plan is read into a [`ReportData`]: plain,
//! serializable values with every text already in its final Indonesian wording (dates, month
//! names, percentages, row spans). Then a renderer lays it out: typst for PDF ([`pdf`]),
//! rust_xlsxwriter for XLSX ([`xlsx`]). The renderers decide nothing about the plan; the data
//! is what tests snapshot. Nothing here reads the system clock: "today" comes from the plan's
//! clock.
//!
//! What this module must keep:
//! - It only reads: it gets a `storage::Read` handle and plain values (the clock, a
//!   destination), never a `Plan`, and writes nothing into the plan. What reports print but
//!   users set (the logo, the Kesimpulan dan Rekomendasi, the chapters' narrative) is stored
//!   by `kop`, `catatan_tahunan` and `bab`; the `Plan` methods that make reports are in `plan::report`.
//! - File names it proposes, and every name inside the package, are made safe by `naming`.

mod daftar_bukti;
mod data;
mod docx;
pub mod dokumen;
mod marginals;
mod monev;
mod pages;
pub(crate) mod paket;
mod pdf;
mod rencana_aksi;
mod ringkasan;
mod tahunan;
mod tanda_tangan;
mod wrap;

/// Dates and months in Indonesian words; reports use them most, but they are the crate's.
pub use crate::tanggal;
pub(crate) mod xlsx;

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::kop;
use crate::naming::{self, FileFilter};
use crate::storage::Read;

pub use data::*;
pub use pages::Keep;
pub use paket::{FILTER as PAKET_FILTER, PaketProgress, PaketRequest, PaketSummary};
pub use tanda_tangan::{Lampiran, TITIK, TandaTangan};

/// The reports the team hands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReportKind {
    /// The Rencana Aksi table of the Renja RB (section 3.2 of the document).
    RencanaAksi,
    /// Laporan Monev Bulanan for one month.
    Bulanan,
    /// Laporan Monev Triwulan I–IV.
    Triwulan,
    /// Laporan Monev Tahunan.
    Tahunan,
    /// Daftar Bukti Dukung.
    Bukti,
    /// Ringkasan Capaian: the Ringkasan tab on one page (PDF only).
    Ringkasan,
    /// The Laporan Tahunan as a whole document: cover, daftar isi, BAB I–V with the team's
    /// narrative, the Rencana Aksi and the Daftar Bukti Dukung as lampiran. PDF and DOCX.
    LaporanTahunan,
}

impl ReportKind {
    pub const ALL: [ReportKind; 7] = [
        ReportKind::RencanaAksi,
        ReportKind::Bulanan,
        ReportKind::Triwulan,
        ReportKind::Tahunan,
        ReportKind::Bukti,
        ReportKind::Ringkasan,
        ReportKind::LaporanTahunan,
    ];

    /// The name used on the command line and in file names (`rencana-aksi`, `bulanan`, …).
    pub fn code(self) -> &'static str {
        match self {
            ReportKind::RencanaAksi => "rencana-aksi",
            ReportKind::Bulanan => "bulanan",
            ReportKind::Triwulan => "triwulan",
            ReportKind::Tahunan => "tahunan",
            ReportKind::Bukti => "bukti",
            ReportKind::Ringkasan => "ringkasan",
            ReportKind::LaporanTahunan => "laporan-tahunan",
        }
    }

    pub fn from_code(code: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The title printed on the report.
    pub fn judul(self) -> &'static str {
        match self {
            ReportKind::RencanaAksi => "Rencana Aksi Reformasi Birokrasi",
            ReportKind::Bulanan => "Laporan Monitoring dan Evaluasi Bulanan",
            ReportKind::Triwulan => "Laporan Monitoring dan Evaluasi Triwulan",
            ReportKind::Tahunan => "Laporan Monitoring dan Evaluasi Tahunan",
            ReportKind::Bukti => "Daftar Bukti Dukung",
            ReportKind::Ringkasan => "Ringkasan Capaian Rencana Kerja Reformasi Birokrasi",
            ReportKind::LaporanTahunan => "Laporan Tahunan Reformasi Birokrasi",
        }
    }

    /// The formats the report is made in: the whole document goes to Word, not Excel; the
    /// tables go to Excel, not Word.
    pub fn formats(self) -> &'static [ReportFormat] {
        match self {
            ReportKind::LaporanTahunan => &[ReportFormat::Pdf, ReportFormat::Docx],
            ReportKind::Ringkasan => &[ReportFormat::Pdf],
            _ => &[ReportFormat::Pdf, ReportFormat::Xlsx],
        }
    }
}

/// Paper size. F4 (Folio) is 215 × 330 mm, the size most regional offices print on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Kertas {
    #[default]
    A4,
    F4,
}

impl Kertas {
    pub fn from_code(code: &str) -> Option<Kertas> {
        match code.to_ascii_lowercase().as_str() {
            "a4" => Some(Kertas::A4),
            "f4" | "folio" => Some(Kertas::F4),
            _ => None,
        }
    }

    /// Width and height in millimetres, portrait.
    pub fn mm(self) -> (f64, f64) {
        match self {
            Kertas::A4 => (210.0, 297.0),
            Kertas::F4 => (215.0, 330.0),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReportFormat {
    Pdf,
    Xlsx,
    Docx,
}

impl ReportFormat {
    /// The format an output file name asks for, from its extension.
    pub fn from_path(path: &Path) -> Option<ReportFormat> {
        match path
            .extension()?
            .to_string_lossy()
            .to_ascii_lowercase()
            .as_str()
        {
            "pdf" => Some(ReportFormat::Pdf),
            "xlsx" => Some(ReportFormat::Xlsx),
            "docx" => Some(ReportFormat::Docx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Xlsx => "xlsx",
            ReportFormat::Docx => "docx",
        }
    }

    /// What the save dialog offers for this format.
    pub fn filter(self) -> FileFilter {
        match self {
            ReportFormat::Pdf => FileFilter {
                label: "Dokumen PDF",
                extensions: &["pdf"],
            },
            ReportFormat::Xlsx => FileFilter {
                label: "Buku kerja Excel",
                extensions: &["xlsx"],
            },
            ReportFormat::Docx => FileFilter {
                label: "Dokumen Word",
                extensions: &["docx"],
            },
        }
    }
}

/// The order of the Daftar Bukti Dukung.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Urut {
    /// By program, kegiatan and tahapan, as the plan lists them.
    #[default]
    Program,
    /// By LKE area, indikator and butir.
    Lke,
}

impl Urut {
    pub fn from_code(code: &str) -> Option<Urut> {
        match code.to_ascii_lowercase().as_str() {
            "program" => Some(Urut::Program),
            "lke" => Some(Urut::Lke),
            _ => None,
        }
    }
}

/// What the user asks for on the Laporan page or the command line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportRequest {
    pub kind: ReportKind,
    /// The month (1–12) of a Laporan Monev Bulanan or a Ringkasan Capaian (today's when
    /// absent).
    pub bulan: Option<u8>,
    /// The quarter (1–4) of a Laporan Monev Triwulan.
    pub triwulan: Option<u8>,
    /// Only this program (its number), or the whole plan.
    pub program: Option<u32>,
    pub kertas: Kertas,
    /// The date above the signature, `YYYY-MM-DD`; today when absent.
    pub tanggal: Option<String>,
    /// The order of the Daftar Bukti Dukung (by program when absent).
    #[serde(default)]
    pub urut: Urut,
}

impl ReportRequest {
    pub fn new(kind: ReportKind) -> ReportRequest {
        ReportRequest {
            kind,
            bulan: None,
            triwulan: None,
            program: None,
            kertas: Kertas::A4,
            tanggal: None,
            urut: Urut::Program,
        }
    }
}

/// The data a report is laid out from, with every text in its final wording. "Today" (the
/// default signature date, the state of the year) and the creation time come from `clock`.
pub(crate) fn report_data(
    db: &Read,
    clock: &dyn Clock,
    request: &ReportRequest,
) -> Result<ReportData> {
    data::build(db, clock, request)
}

/// The report as a PDF document, an XLSX workbook or a DOCX document, as it is saved.
pub(crate) fn render(
    db: &Read,
    clock: &dyn Clock,
    request: &ReportRequest,
    format: ReportFormat,
) -> Result<Vec<u8>> {
    render_as(db, clock, request, format, false)
}

/// The report as a PDF for the preview: like the saved PDF, except that an empty chapter of
/// the Laporan Tahunan shows [`dokumen::BELUM_DIISI`] so the team sees what is left to write.
pub(crate) fn preview(db: &Read, clock: &dyn Clock, request: &ReportRequest) -> Result<Vec<u8>> {
    render_as(db, clock, request, ReportFormat::Pdf, true)
}

fn render_as(
    db: &Read,
    clock: &dyn Clock,
    request: &ReportRequest,
    format: ReportFormat,
    preview: bool,
) -> Result<Vec<u8>> {
    check_format(request.kind, format)?;
    let mut data = data::build(db, clock, request)?;
    if let (true, Isi::Dokumen(dokumen)) = (preview, &mut data.isi) {
        dokumen.belum_diisi = dokumen::BELUM_DIISI.to_owned();
    }
    let logo = kop::logo(db)?;
    match format {
        ReportFormat::Pdf => pdf::render(&data, logo.as_ref().map(|l| l.data.as_slice())),
        ReportFormat::Xlsx => xlsx::render(&data, logo.as_ref()),
        ReportFormat::Docx => docx::render(&data, logo.as_ref()),
    }
}

/// Refuse a format the report is not made in, before anything is built.
fn check_format(kind: ReportKind, format: ReportFormat) -> Result<()> {
    if kind.formats().contains(&format) {
        return Ok(());
    }
    Err(invalid(
        "format",
        match kind {
            ReportKind::LaporanTahunan => {
                "Laporan Tahunan (dokumen lengkap) dibuat sebagai PDF atau dokumen Word (DOCX), \
                 bukan Excel."
            }
            ReportKind::Ringkasan => "Ringkasan Capaian hanya tersedia sebagai PDF.",
            _ => {
                "Dokumen Word (DOCX) hanya dibuat untuk Laporan Tahunan (dokumen lengkap); \
                  laporan ini dibuat sebagai PDF atau Excel."
            }
        },
    ))
}

/// The file name proposed when a report is saved, e.g.
/// "Laporan Monev Bulanan Maret 2023 - Dinas Perkebunan.pdf".
pub(crate) fn file_name(
    db: &Read,
    clock: &dyn Clock,
    request: &ReportRequest,
    format: ReportFormat,
) -> Result<String> {
    check_format(request.kind, format)?;
    let data = data::build(db, clock, request)?;
    Ok(naming::name_from_text(&format!(
        "{}.{}",
        data.nama_berkas,
        format.extension()
    )))
}

/// The folder holding `written`, a report or package the app just wrote, for showing in the
/// computer's file manager; refused unless `written` is a file inside a folder.
pub fn folder_of(written: &Path) -> Result<&Path> {
    match written.parent() {
        Some(dir) if written.is_file() && dir.is_dir() => Ok(dir),
        _ => Err(Error::NotFound {
            path: written.to_path_buf(),
        }),
    }
}

/// Refusal for a report asked for with a period out of range.
fn invalid(field: &'static str, message: &str) -> Error {
    Error::invalid(field, message)
}

//! Reports: the Rencana Aksi table, the Laporan Monev (bulanan, triwulan, tahunan), the
//! Daftar Bukti Dukung, and the evidence package for the assessors.
//!
//! Every report is built in two steps. First the plan is read into a [`ReportData`]: plain,
//! serializable values with every text already in its final Indonesian wording (dates, month
//! names, percentages, row spans). Then a renderer lays it out: typst for PDF ([`pdf`]),
//! rust_xlsxwriter for XLSX ([`xlsx`]). The renderers decide nothing about the plan; the data
//! is what tests snapshot. Nothing here reads the system clock: "today" comes from the plan's
//! clock.

mod daftar_bukti;
mod data;
mod kop;
mod monev;
mod pages;
mod paket;
mod pdf;
mod rencana_aksi;
mod tahunan;
mod wrap;

/// Dates and months in Indonesian words; reports use them most, but they are the crate's.
pub use crate::tanggal;
pub(crate) mod xlsx;

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::plan::Plan;

pub use data::*;
pub use kop::{CatatanTahunan, Logo, MAX_LOGO_BYTES};
pub use pages::Keep;
pub use paket::{PaketProgress, PaketRequest, PaketSummary};

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
}

impl ReportKind {
    pub const ALL: [ReportKind; 5] = [
        ReportKind::RencanaAksi,
        ReportKind::Bulanan,
        ReportKind::Triwulan,
        ReportKind::Tahunan,
        ReportKind::Bukti,
    ];

    /// The name used on the command line and in file names (`rencana-aksi`, `bulanan`, …).
    pub fn code(self) -> &'static str {
        match self {
            ReportKind::RencanaAksi => "rencana-aksi",
            ReportKind::Bulanan => "bulanan",
            ReportKind::Triwulan => "triwulan",
            ReportKind::Tahunan => "tahunan",
            ReportKind::Bukti => "bukti",
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
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Xlsx => "xlsx",
        }
    }
}

/// What the user asks for on the Laporan page or the command line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportRequest {
    pub kind: ReportKind,
    /// The month (1–12) of a Laporan Monev Bulanan.
    pub bulan: Option<u8>,
    /// The quarter (1–4) of a Laporan Monev Triwulan.
    pub triwulan: Option<u8>,
    /// Only this program (its number), or the whole plan.
    pub program: Option<u32>,
    pub kertas: Kertas,
    /// The date above the signature, `YYYY-MM-DD`; today when absent.
    pub tanggal: Option<String>,
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
        }
    }
}

impl Plan {
    /// The data a report is laid out from, with every text in its final wording.
    pub fn report_data(&self, request: &ReportRequest) -> Result<ReportData> {
        data::build(self, request)
    }

    /// The report as a PDF document.
    pub fn report_pdf(&self, request: &ReportRequest) -> Result<Vec<u8>> {
        let data = self.report_data(request)?;
        pdf::render(&data, self.logo()?.as_ref().map(|l| l.data.as_slice()))
    }

    /// The report as an XLSX workbook.
    pub fn report_xlsx(&self, request: &ReportRequest) -> Result<Vec<u8>> {
        let data = self.report_data(request)?;
        xlsx::render(&data, self.logo()?.as_ref())
    }

    /// Write the report to `dest` in `format`: the whole file appears at once or not at all.
    pub fn write_report(
        &self,
        request: &ReportRequest,
        format: ReportFormat,
        dest: &Path,
    ) -> Result<()> {
        self.refuse_own_file(dest, "Laporan")?;
        let bytes = match format {
            ReportFormat::Pdf => self.report_pdf(request)?,
            ReportFormat::Xlsx => self.report_xlsx(request)?,
        };
        crate::file::write_atomically(dest, &bytes)
    }

    /// The file name proposed when a report is saved, e.g.
    /// "Laporan Monev Bulanan Maret 2023 - Dinas Perkebunan.pdf".
    pub fn report_file_name(
        &self,
        request: &ReportRequest,
        format: ReportFormat,
    ) -> Result<String> {
        let data = self.report_data(request)?;
        let mut name = data.nama_berkas.clone();
        name.push('.');
        name.push_str(format.extension());
        // An agency written "Dinas A/B" must not lose its first half as if it were a folder.
        Ok(crate::bukti::names::safe_file_name(
            &name.replace(['/', '\\'], "-"),
        ))
    }
}

impl Plan {
    /// The file name proposed for the evidence package, e.g.
    /// "Paket Bukti Dukung Maret 2023 - Dinas Perkebunan.zip".
    pub fn paket_file_name(&self, request: &PaketRequest) -> Result<String> {
        let id = self.identity()?;
        let tahun = id.tahun;
        let mut name = match (request.bulan, request.triwulan) {
            (Some(b), _) => format!("Paket Bukti Dukung {} {tahun}", tanggal::nama_bulan(b)),
            (None, Some(t)) => format!("Paket Bukti Dukung TW {} {tahun}", tanggal::romawi(t)),
            (None, None) => format!("Paket Bukti Dukung {tahun}"),
        };
        if let Some(n) = request.program {
            name.push_str(&format!(" - Program {n}"));
        }
        if !id.instansi.is_empty() {
            name.push_str(" - ");
            name.push_str(&id.instansi);
        }
        name.push_str(".zip");
        Ok(crate::bukti::names::safe_file_name(
            &name.replace(['/', '\\'], "-"),
        ))
    }

    /// Refuse a destination that is the open plan itself: renaming a report or package over
    /// it would replace the user's plan.
    pub(crate) fn refuse_own_file(&self, dest: &Path, what: &str) -> Result<()> {
        let same = match (
            std::fs::canonicalize(self.path()),
            std::fs::canonicalize(dest),
        ) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same {
            return Err(Error::invalid(
                "path",
                format!(
                    "{what} tidak boleh disimpan menimpa berkas rencana yang sedang dibuka. \
                     Pilih nama lain."
                ),
            ));
        }
        Ok(())
    }
}

/// Refusal for a report asked for with a period out of range.
fn invalid(field: &'static str, message: &str) -> Error {
    Error::invalid(field, message)
}

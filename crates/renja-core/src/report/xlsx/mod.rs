//! XLSX through rust_xlsxwriter: each report as one worksheet laid out like its PDF
//! (`assets/reports/*.typ`), letterhead and signature included, ready to print on A4 or F4
//! and to edit further.
//!
//! The writer decides nothing about the plan: it lays out the [`ReportData`] it is given.
//! Every text from the plan is written as a string, never as a formula. What a user may
//! count, sum or sort is stored as what it is, so a Pokja can work with it in Excel:
//! - counts (targets, done) as numbers;
//! - capaian as the fraction it is (0.75) with a percent format, so Excel shows "75,0%"
//!   in an Indonesian locale; "–" stays text where there was no target;
//! - document dates as dates, with a format that names the month in Indonesian whatever
//!   the user's locale ([`FORMAT_TANGGAL`]);
//! - a scheduled month of the Rencana Aksi as the number 1 on its blue fill.
//!
//! The workbook's creation time in its document properties is the data's `dibuat` (the
//! plan's clock), so the same plan and clock give the same bytes.

mod breaks;
mod daftar_bukti;
mod frame;
mod monev;
mod rencana_aksi;
mod sheet;
mod styles;
mod tahunan;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use super::{Isi, ReportData, ReportKind};
use crate::kop::Logo;

use crate::error::{Error, Result};
pub(crate) use sheet::excel_date;

/// A document date: "10 Maret 2025". `[$-421]` is the locale of Bahasa Indonesia (LCID
/// 0x0421): Excel and LibreOffice then name the month in Indonesian even where Windows is
/// set to English, as the PDF does. Without it "mmmm" follows the user's locale ("March").
pub(crate) const FORMAT_TANGGAL: &str = "[$-421]d mmmm yyyy";

/// A capaian: 0.75 shows as "75,0%" (the decimal comma is the user's locale's).
pub(crate) const FORMAT_PERSEN: &str = "0.0%";

/// The worksheet's name (at most 31 characters, none of `[]:*?/\`).
fn sheet_name(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::RencanaAksi => "Rencana Aksi",
        ReportKind::Bulanan => "Monev Bulanan",
        ReportKind::Triwulan => "Monev Triwulan",
        ReportKind::Tahunan => "Monev Tahunan",
        ReportKind::Bukti => "Bukti Dukung",
        ReportKind::Ringkasan => "Ringkasan Capaian",
        ReportKind::LaporanTahunan => "Laporan Tahunan",
    }
}

pub(crate) fn render(data: &ReportData, logo: Option<&Logo>) -> Result<Vec<u8>> {
    workbook(data, logo).map_err(|e| Error::Internal(format!("xlsx: {e}")))
}

fn workbook(data: &ReportData, logo: Option<&Logo>) -> std::result::Result<Vec<u8>, XlsxError> {
    let styles = styles::Styles::new();
    let mut wb = Workbook::new();
    let dibuat = chrono::DateTime::parse_from_rfc3339(&data.dibuat)
        .map(|d| d.timestamp())
        .unwrap_or(0);
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&ExcelDateTime::from_timestamp(dibuat)?)
            .set_title(format!("{} {}", data.judul, data.periode))
            .set_author(&data.kop.instansi)
            .set_company(&data.kop.instansi),
    );
    let name = sheet_name(data.kind);
    match &data.isi {
        Isi::RencanaAksi(isi) => {
            rencana_aksi::write(add_sheet(&mut wb, name)?, &styles, data, isi, logo)?;
        }
        Isi::Monev(isi) => monev::write(add_sheet(&mut wb, name)?, &styles, data, isi, logo)?,
        // A worksheet per table, see `tahunan.rs`.
        Isi::Tahunan(isi) => tahunan::write(&mut wb, name, &styles, data, isi, logo)?,
        Isi::Bukti(isi) => {
            daftar_bukti::write(add_sheet(&mut wb, name)?, &styles, data, isi, logo)?
        }
        // Refused before the data is built (`report::render`): PDF only.
        Isi::Ringkasan(_) => {
            return Err(XlsxError::ParameterError(
                "Ringkasan Capaian hanya tersedia sebagai PDF".into(),
            ));
        }
        // Refused before it gets here (`check_format`): a workbook of the document would be
        // its yearly tables, which the Laporan Monev Tahunan already gives.
        Isi::Dokumen(isi) => tahunan::write(&mut wb, name, &styles, data, &isi.tahunan, logo)?,
    }
    wb.save_to_buffer()
}

/// A new worksheet named `name`.
fn add_sheet<'a>(
    wb: &'a mut Workbook,
    name: &str,
) -> std::result::Result<&'a mut Worksheet, XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    Ok(ws)
}

//! XLSX through rust_xlsxwriter: each report as one worksheet laid out like its PDF
//! (`assets/reports/*.typ`), letterhead and signature included, ready to print on A4 or F4
//! and to edit further.
//!
//! The writer decides nothing about the plan: it lays out the [`ReportData`] it is given.
//! Every text from the plan is written as a string, never as a formula. Numbers that are
//! counts (targets, done) are written as numbers; percentages stay the text the data gives.
//! The workbook's creation time in its document properties is the data's `dibuat` (the
//! plan's clock), so the same plan and clock give the same bytes.

mod bingkai;
mod daftar_bukti;
mod gaya;
mod lembar;
mod monev;
mod rencana_aksi;
mod tahunan;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use super::{Isi, Logo, ReportData, ReportKind};
use crate::error::{Error, Result};

/// The worksheet's name (at most 31 characters, none of `[]:*?/\`).
fn nama_lembar(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::RencanaAksi => "Rencana Aksi",
        ReportKind::Bulanan => "Monev Bulanan",
        ReportKind::Triwulan => "Monev Triwulan",
        ReportKind::Tahunan => "Monev Tahunan",
        ReportKind::Bukti => "Bukti Dukung",
    }
}

pub(crate) fn render(data: &ReportData, logo: Option<&Logo>) -> Result<Vec<u8>> {
    workbook(data, logo).map_err(|e| Error::Internal(format!("xlsx: {e}")))
}

fn workbook(data: &ReportData, logo: Option<&Logo>) -> std::result::Result<Vec<u8>, XlsxError> {
    let gaya = gaya::Gaya::new();
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
    let ws = wb.add_worksheet();
    ws.set_name(nama_lembar(data.kind))?;
    match &data.isi {
        Isi::RencanaAksi(isi) => rencana_aksi::tulis(ws, &gaya, data, isi, logo)?,
        Isi::Monev(isi) => monev::tulis(ws, &gaya, data, isi, logo)?,
        Isi::Tahunan(isi) => tahunan::tulis(ws, &gaya, data, isi, logo)?,
        Isi::Bukti(isi) => daftar_bukti::tulis(ws, &gaya, data, isi, logo)?,
    }
    wb.save_to_buffer()
}

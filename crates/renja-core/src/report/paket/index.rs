//! The index of the package as a workbook: one row per evidence file (or per piece of
//! evidence without a file), with its number, place in the plan, document details, path in
//! the ZIP, size and SHA-256, so an assessor can filter, sort and check every file.
//!
//! The document date is a date (sorted and filtered as one, shown "10 Maret 2025"), and each
//! path is a hyperlink relative to the index: opened from the extracted package, a click
//! opens the file. (Opened from inside the ZIP, Windows extracts the index alone to a
//! temporary folder, and the links find nothing: the sheet "Keterangan" says so.)

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, FormatUnderline, Url, Workbook, Worksheet, XlsxError,
};

use super::contents::Paket;
use super::links::link_target;
use crate::error::{Error, Result};
use crate::report::tanggal::tanggal_panjang;
use crate::report::xlsx::{FORMAT_TANGGAL, excel_date};

pub(super) fn xlsx_error(e: XlsxError) -> Error {
    Error::Internal(format!("xlsx: {e}"))
}

/// The cell formats both package indexes (this one and the LKE package's) share.
pub(super) struct Formats {
    pub header: Format,
    pub cell: Format,
    /// A SHA-256, in a narrow monospace font.
    pub hash: Format,
}

pub(super) fn formats() -> Formats {
    let cell = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    Formats {
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(0xD9E2F3)
            .set_border(FormatBorder::Thin),
        hash: cell.clone().set_font_name("Consolas").set_font_size(9),
        cell,
    }
}

/// The header row of an index's table: each column's name and width in characters.
pub(super) fn header_row(
    sheet: &mut Worksheet,
    kolom: &[(&str, f64)],
    format: &Format,
) -> Result<()> {
    for (col, (name, width)) in (0u16..).zip(kolom) {
        sheet
            .write_string_with_format(0, col, *name, format)
            .map_err(xlsx_error)?;
        sheet.set_column_width(col, *width).map_err(xlsx_error)?;
    }
    Ok(())
}

/// The "Keterangan" sheet: what the package is, a title and its lines, on a sheet of its own
/// so the table starts in the first row.
pub(super) fn keterangan_sheet(
    workbook: &mut Workbook,
    title: &str,
    lines: impl IntoIterator<Item = String>,
) -> Result<()> {
    let about = workbook.add_worksheet();
    about.set_name("Keterangan").map_err(xlsx_error)?;
    about.set_column_width(0, 90).map_err(xlsx_error)?;
    let bold = Format::new().set_bold().set_font_size(14);
    about
        .write_string_with_format(0, 0, title, &bold)
        .map_err(xlsx_error)?;
    for (row, line) in (1..).zip(lines) {
        about.write_string(row, 0, line).map_err(xlsx_error)?;
    }
    Ok(())
}

/// The columns: header and width in characters.
const KOLOM: [(&str, f64); 12] = [
    ("No", 10.0),
    ("Program", 28.0),
    ("Kegiatan", 36.0),
    ("Tahapan", 36.0),
    ("Judul", 36.0),
    ("Jenis", 14.0),
    ("Nomor Dokumen", 24.0),
    ("Tanggal", 20.0),
    ("Bulan", 14.0),
    ("Berkas dalam Paket", 60.0),
    ("Ukuran (bita)", 14.0),
    ("SHA-256", 66.0),
];

/// The lines above the table.
pub(super) fn keterangan(paket: &Paket, today: NaiveDate) -> Vec<String> {
    let id = &paket.identity;
    let mut lines = Vec::new();
    if !id.instansi.is_empty() {
        lines.push(if id.pemerintah_daerah.is_empty() {
            id.instansi.clone()
        } else {
            format!("{} {}", id.instansi, id.pemerintah_daerah)
        });
    }
    lines.push(format!("Periode: {}", paket.periode.teks));
    if let Some(program) = &paket.program {
        lines.push(program.clone());
    }
    lines.push(format!(
        "{} bukti dukung, {} berkas. Disusun {}.",
        paket.bukti,
        paket.berkas().count(),
        tanggal_panjang(today)
    ));
    lines
}

/// How the links of the workbook work, on its "Keterangan" sheet.
const TENTANG_TAUTAN: &str = "Klik alamat pada kolom \"Berkas dalam Paket\" untuk membuka \
     berkasnya. Tautan hanya berfungsi bila paket ZIP sudah diekstrak dan daftar ini dibuka \
     dari folder hasil ekstraksi.";

pub(super) fn xlsx(paket: &Paket, today: NaiveDate) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Bukti Dukung").map_err(xlsx_error)?;
    let Formats { header, cell, hash } = formats();
    let number = cell.clone().set_num_format("#,##0");
    let date = cell
        .clone()
        .set_num_format(FORMAT_TANGGAL)
        .set_align(FormatAlign::Left);
    // Excel's own colour for a hyperlink.
    let link = cell
        .clone()
        .set_font_color(Color::RGB(0x0563C1))
        .set_underline(FormatUnderline::Single);

    header_row(sheet, &KOLOM, &header)?;
    let mut row = 0;
    for b in &paket.entries {
        row += 1;
        let (path, size, sha) = match &b.berkas {
            Some(f) => (f.path.as_str(), Some(f.size), f.sha256.as_str()),
            None => ("(tanpa berkas)", None, ""),
        };
        let texts = [
            b.nomor.as_str(),
            &b.program,
            &b.kegiatan,
            &b.tahapan,
            &b.judul,
            b.jenis,
            &b.nomor_dokumen,
            &b.tanggal,
            &b.bulan,
            path,
        ];
        for (col, text) in (0u16..).zip(texts) {
            sheet
                .write_string_with_format(row, col, text, &cell)
                .map_err(xlsx_error)?;
        }
        // The date and the link replace their text where there is one.
        if let Some(d) = b.tanggal_nilai.and_then(excel_date) {
            sheet
                .write_datetime_with_format(row, 7, d, &date)
                .map_err(xlsx_error)?;
        }
        if let Some(f) = &b.berkas {
            let url = Url::new(format!("file:///{}", link_target(&f.path)))
                .set_text(&f.path)
                .set_tip("Buka berkas ini (paket harus sudah diekstrak)");
            sheet
                .write_url_with_format(row, 9, url, &link)
                .map_err(xlsx_error)?;
        }
        match size {
            Some(size) => sheet.write_number_with_format(row, 10, size as f64, &number),
            None => sheet.write_string_with_format(row, 10, "", &cell),
        }
        .map_err(xlsx_error)?;
        sheet
            .write_string_with_format(row, 11, sha, &hash)
            .map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    sheet
        .autofilter(0, 0, row, KOLOM.len() as u16 - 1)
        .map_err(xlsx_error)?;
    let mut lines = keterangan(paket, today);
    lines.push(TENTANG_TAUTAN.to_owned());
    keterangan_sheet(&mut workbook, "DAFTAR BUKTI DUKUNG", lines)?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

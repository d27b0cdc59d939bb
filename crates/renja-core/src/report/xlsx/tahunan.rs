//! The Laporan Monev Tahunan, portrait: A. capaian per program and kegiatan over the year
//! with the total row, B. the tahapan not done and why, C. Kesimpulan, D. Rekomendasi.
//!
//! A worksheet per part, because each table's header must repeat on its printed pages and
//! Excel repeats one set of rows per worksheet, on every page after they stand: on one
//! worksheet table A's "Tahapan, Target, Selesai, Capaian" would print above table B's
//! different columns and above the Kesimpulan. So the first worksheet holds the letterhead,
//! the title and table A; the second table B; the third C, D and the signature. Each table's
//! header is repeated on print and frozen on screen. Printed together ("Cetak seluruh
//! buku kerja" in Excel, the default in LibreOffice) they make the whole report, in order.

use rust_xlsxwriter::{RowNum, Workbook, Worksheet};

use super::sheet::{Sheet, XlsxResult};
use super::styles::Styles;
use crate::kop::Logo;
use crate::report::ReportData;
use crate::report::tahunan::{BelumTercapai, Tahunan};

/// Table A: No, Program / Kegiatan, Tahapan, Target, Selesai, Capaian.
/// Table B: No, Program / Kegiatan / Tahapan, Bulan, Status, Kendala, Tindak Lanjut.
/// All three worksheets share the widths, so they print at the same scale.
const LEBAR: [f64; 6] = [6.0, 44.0, 10.0, 15.0, 17.0, 17.0];
const KOL_TTD: u16 = 3;

/// The names of the second and third worksheets.
const LEMBAR_BELUM: &str = "Belum Tercapai";
const LEMBAR_KESIMPULAN: &str = "Kesimpulan dan Rekomendasi";

pub(super) fn write(
    wb: &mut Workbook,
    nama: &str,
    g: &Styles,
    data: &ReportData,
    isi: &Tahunan,
    logo: Option<&Logo>,
) -> XlsxResult {
    capaian(super::add_sheet(wb, nama)?, g, data, isi, logo)?;
    belum_tercapai(super::add_sheet(wb, LEMBAR_BELUM)?, g, data, isi)?;
    kesimpulan(super::add_sheet(wb, LEMBAR_KESIMPULAN)?, g, data, isi)
}

/// The letterhead, the title and table A.
fn capaian(
    ws: &mut Worksheet,
    g: &Styles,
    data: &ReportData,
    isi: &Tahunan,
    logo: Option<&Logo>,
) -> XlsxResult {
    let mut l = Sheet::new(ws, g, &LEBAR)?;
    l.kop(&data.kop, logo)?;
    l.judul(data)?;
    if !isi.keadaan.is_empty() {
        l.full_row(&isi.keadaan, &g.keterangan, 8.5)?;
    }
    l.section("A. Capaian per Program dan Kegiatan")?;
    let h = l.row;
    let titles = [
        "No",
        "Program / Kegiatan",
        "Tahapan",
        "Target",
        "Selesai",
        "Capaian",
    ];
    for (c, t) in titles.iter().enumerate() {
        l.text(h, c as u16, t, &g.kepala)?;
    }
    l.nomor_kolom(h + 1, titles.len() as u16)?;
    l.row += 2;
    for p in &isi.program {
        let row = l.row;
        l.number(row, 0, p.nomor, &g.program_angka)?;
        l.text(row, 1, &p.nama, &g.program_teks)?;
        l.blank(row, 2, &g.program_teks)?;
        l.number(row, 3, p.hitung.target, &g.program_angka)?;
        l.number(row, 4, p.hitung.selesai, &g.program_angka)?;
        l.percent(row, 5, p.hitung, &g.jumlah_persen, &g.jumlah_teks)?;
        l.row += 1;
        for k in &p.kegiatan {
            let row = l.row;
            l.text(row, 0, &k.no, &g.sel_tengah)?;
            l.text(row, 1, &k.nama, &g.sel)?;
            l.number(row, 2, k.tahapan, &g.angka)?;
            l.number(row, 3, k.hitung.target, &g.angka)?;
            l.number(row, 4, k.hitung.selesai, &g.angka)?;
            l.percent(row, 5, k.hitung, &g.persen, &g.sel_tengah)?;
            l.row += 1;
        }
    }
    let row = l.row;
    l.ws.merge_range(row, 0, row, 2, "Jumlah", &g.jumlah_label)?;
    l.number(row, 3, isi.jumlah.target, &g.jumlah_angka)?;
    l.number(row, 4, isi.jumlah.selesai, &g.jumlah_angka)?;
    l.percent(row, 5, isi.jumlah, &g.jumlah_persen, &g.jumlah_teks)?;
    l.row += 1;
    l.full_row(&isi.keterangan_hitung, &g.catatan_kaki, 8.0)?;
    l.page_setup(data, Some((h, h + 1)), Some(h + 2))
}

/// Table B, or the sentence that stands for it when it is empty.
fn belum_tercapai(ws: &mut Worksheet, g: &Styles, data: &ReportData, isi: &Tahunan) -> XlsxResult {
    let mut l = Sheet::new(ws, g, &LEBAR)?;
    l.section("B. Tahapan yang Belum Tercapai dan Penyebabnya")?;
    if isi.belum.is_empty() {
        l.full_row(&isi.belum_keterangan, &g.paragraf, 9.0)?;
        return l.page_setup(data, None, None);
    }
    let h = l.row;
    let titles = [
        "No",
        "Program / Kegiatan / Tahapan",
        "Bulan",
        "Status",
        "Kendala",
        "Tindak Lanjut",
    ];
    for (c, t) in titles.iter().enumerate() {
        l.text(h, c as u16, t, &g.kepala)?;
    }
    l.nomor_kolom(h + 1, titles.len() as u16)?;
    l.row += 2;
    for (i, b) in isi.belum.iter().enumerate() {
        let row = l.row;
        belum(&mut l, row, i as u32 + 1, b)?;
        l.row += 1;
    }
    l.page_setup(data, Some((h, h + 1)), Some(h + 2))
}

/// C. Kesimpulan, D. Rekomendasi and the signature.
fn kesimpulan(ws: &mut Worksheet, g: &Styles, data: &ReportData, isi: &Tahunan) -> XlsxResult {
    let mut l = Sheet::new(ws, g, &LEBAR)?;
    paragraf(&mut l, "C. Kesimpulan", &isi.kesimpulan)?;
    l.row += 1;
    paragraf(&mut l, "D. Rekomendasi", &isi.rekomendasi)?;
    l.tanda_tangan(data, KOL_TTD)?;
    l.page_setup(data, None, None)
}

fn belum(l: &mut Sheet<'_>, row: RowNum, no: u32, b: &BelumTercapai) -> XlsxResult {
    let g = l.g;
    l.number(row, 0, no, &g.angka)?;
    let asal = format!("{} → {}", b.program, b.kegiatan);
    let pj = if b.penanggung_jawab.is_empty() {
        String::new()
    } else {
        format!("PJ: {}", b.penanggung_jawab)
    };
    let lines = [
        (&g.r_miring_abu, asal.as_str()),
        (&g.r_biasa, b.tahapan.as_str()),
        (&g.r_abu, pj.as_str()),
    ];
    l.rich(row, 1, &lines, &g.sel)?;
    l.text(row, 2, &b.bulan, &g.sel)?;
    l.text(row, 3, &b.status, &g.sel)?;
    l.text(row, 4, &b.kendala, &g.sel)?;
    l.text(row, 5, &b.tindak_lanjut, &g.sel)
}

/// A section heading and the team's text under it, across the page: a row per paragraph,
/// so no row outgrows Excel's limit of 409 points.
fn paragraf(l: &mut Sheet<'_>, judul: &str, text: &str) -> XlsxResult {
    let g = l.g;
    l.section(judul)?;
    if text.trim().is_empty() {
        return l.full_row("(Belum diisi.)", &g.paragraf_kosong, 9.0);
    }
    for line in text.trim().split('\n') {
        if line.trim().is_empty() {
            let row = l.row;
            l.height(row, 6.0);
            l.row += 1;
        } else {
            l.full_row(line.trim_end(), &g.paragraf, 9.0)?;
        }
    }
    Ok(())
}

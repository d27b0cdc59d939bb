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

use super::gaya::Gaya;
use super::lembar::{Hasil, Lembar};
use crate::report::tahunan::{BelumTercapai, Tahunan};
use crate::report::{Logo, ReportData};

/// Table A: No, Program / Kegiatan, Tahapan, Target, Selesai, Capaian.
/// Table B: No, Program / Kegiatan / Tahapan, Bulan, Status, Kendala, Tindak Lanjut.
/// All three worksheets share the widths, so they print at the same scale.
const LEBAR: [f64; 6] = [6.0, 44.0, 10.0, 15.0, 17.0, 17.0];
const KOL_TTD: u16 = 3;

/// The names of the second and third worksheets.
const LEMBAR_BELUM: &str = "Belum Tercapai";
const LEMBAR_KESIMPULAN: &str = "Kesimpulan dan Rekomendasi";

pub(super) fn tulis(
    wb: &mut Workbook,
    nama: &str,
    g: &Gaya,
    data: &ReportData,
    isi: &Tahunan,
    logo: Option<&Logo>,
) -> Hasil {
    capaian(super::lembar(wb, nama)?, g, data, isi, logo)?;
    belum_tercapai(super::lembar(wb, LEMBAR_BELUM)?, g, data, isi)?;
    kesimpulan(super::lembar(wb, LEMBAR_KESIMPULAN)?, g, data, isi)
}

/// The letterhead, the title and table A.
fn capaian(
    ws: &mut Worksheet,
    g: &Gaya,
    data: &ReportData,
    isi: &Tahunan,
    logo: Option<&Logo>,
) -> Hasil {
    let mut l = Lembar::new(ws, g, &LEBAR)?;
    l.kop(&data.kop, logo)?;
    l.judul(data)?;
    if !isi.keadaan.is_empty() {
        l.baris_penuh(&isi.keadaan, &g.keterangan, 8.5)?;
    }
    l.bagian("A. Capaian per Program dan Kegiatan")?;
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
        l.teks(h, c as u16, t, &g.kepala)?;
    }
    l.row += 1;
    for p in &isi.program {
        let row = l.row;
        l.angka(row, 0, p.nomor, &g.program_angka)?;
        l.teks(row, 1, &p.nama, &g.program_teks)?;
        l.kosong(row, 2, &g.program_teks)?;
        l.angka(row, 3, p.hitung.target, &g.program_angka)?;
        l.angka(row, 4, p.hitung.selesai, &g.program_angka)?;
        l.persen(row, 5, p.hitung, &g.jumlah_persen, &g.jumlah_teks)?;
        l.row += 1;
        for k in &p.kegiatan {
            let row = l.row;
            l.teks(row, 0, &k.no, &g.sel_tengah)?;
            l.teks(row, 1, &k.nama, &g.sel)?;
            l.angka(row, 2, k.tahapan, &g.angka)?;
            l.angka(row, 3, k.hitung.target, &g.angka)?;
            l.angka(row, 4, k.hitung.selesai, &g.angka)?;
            l.persen(row, 5, k.hitung, &g.persen, &g.sel_tengah)?;
            l.row += 1;
        }
    }
    let row = l.row;
    l.ws.merge_range(row, 0, row, 2, "Jumlah", &g.jumlah_label)?;
    l.angka(row, 3, isi.jumlah.target, &g.jumlah_angka)?;
    l.angka(row, 4, isi.jumlah.selesai, &g.jumlah_angka)?;
    l.persen(row, 5, isi.jumlah, &g.jumlah_persen, &g.jumlah_teks)?;
    l.row += 1;
    l.baris_penuh(&isi.keterangan_hitung, &g.catatan_kaki, 8.0)?;
    l.halaman(data, Some((h, h)), Some(h + 1))
}

/// Table B, or the sentence that stands for it when it is empty.
fn belum_tercapai(ws: &mut Worksheet, g: &Gaya, data: &ReportData, isi: &Tahunan) -> Hasil {
    let mut l = Lembar::new(ws, g, &LEBAR)?;
    l.bagian("B. Tahapan yang Belum Tercapai dan Penyebabnya")?;
    if isi.belum.is_empty() {
        l.baris_penuh(&isi.belum_keterangan, &g.paragraf, 9.0)?;
        return l.halaman(data, None, None);
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
        l.teks(h, c as u16, t, &g.kepala)?;
    }
    l.row += 1;
    for (i, b) in isi.belum.iter().enumerate() {
        let row = l.row;
        belum(&mut l, row, i as u32 + 1, b)?;
        l.row += 1;
    }
    l.halaman(data, Some((h, h)), Some(h + 1))
}

/// C. Kesimpulan, D. Rekomendasi and the signature.
fn kesimpulan(ws: &mut Worksheet, g: &Gaya, data: &ReportData, isi: &Tahunan) -> Hasil {
    let mut l = Lembar::new(ws, g, &LEBAR)?;
    paragraf(&mut l, "C. Kesimpulan", &isi.kesimpulan)?;
    l.row += 1;
    paragraf(&mut l, "D. Rekomendasi", &isi.rekomendasi)?;
    l.tanda_tangan(&data.tanda_tangan, KOL_TTD)?;
    l.halaman(data, None, None)
}

fn belum(l: &mut Lembar<'_>, row: RowNum, no: u32, b: &BelumTercapai) -> Hasil {
    let g = l.g;
    l.angka(row, 0, no, &g.angka)?;
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
    l.kaya(row, 1, &lines, &g.sel)?;
    l.teks(row, 2, &b.bulan, &g.sel)?;
    l.teks(row, 3, &b.status, &g.sel)?;
    l.teks(row, 4, &b.kendala, &g.sel)?;
    l.teks(row, 5, &b.tindak_lanjut, &g.sel)
}

/// A section heading and the team's text under it, across the page: a row per paragraph,
/// so no row outgrows Excel's limit of 409 points.
fn paragraf(l: &mut Lembar<'_>, judul: &str, text: &str) -> Hasil {
    let g = l.g;
    l.bagian(judul)?;
    if text.trim().is_empty() {
        return l.baris_penuh("(Belum diisi.)", &g.paragraf_kosong, 9.0);
    }
    for line in text.trim().split('\n') {
        if line.trim().is_empty() {
            let row = l.row;
            l.tinggi(row, 6.0);
            l.row += 1;
        } else {
            l.baris_penuh(line.trim_end(), &g.paragraf, 9.0)?;
        }
    }
    Ok(())
}

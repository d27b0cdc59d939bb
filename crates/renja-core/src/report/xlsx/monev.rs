//! The Laporan Monev Bulanan and Triwulan: A. the capaian per program (period and
//! cumulative, with the total row), B. per program a heading row and the tahapan scheduled
//! or worked in the period, with realisasi, status, kendala, tindak lanjut and evidence.
//!
//! Both tables share one worksheet and its columns. Only the rincian header repeats on
//! printed pages, and no pane is frozen: the rows above that header (letterhead, title and
//! the whole capaian table) would fill a laptop screen and leave nothing to scroll.

use rust_xlsxwriter::{RowNum, Worksheet};

use super::sheet::{Sheet, XlsxResult};
use super::styles::Styles;
use crate::kop::Logo;
use crate::report::ReportData;
use crate::report::monev::{Capaian, Monev, MonevBaris};

/// No, Kegiatan/Tahapan (Program in A), Target Bulan, Realisasi, Status Capaian, Kendala,
/// Tindak Lanjut, Bukti Dukung. In table A the columns 2–7 hold the six counts.
const LEBAR: [f64; 8] = [5.0, 38.0, 11.0, 22.0, 12.0, 22.0, 22.0, 34.0];
const KOL_TTD: u16 = 6;

pub(super) fn write(
    ws: &mut Worksheet,
    g: &Styles,
    data: &ReportData,
    isi: &Monev,
    logo: Option<&Logo>,
) -> XlsxResult {
    let mut l = Sheet::new(ws, g, &LEBAR)?;
    l.kop(&data.kop, logo)?;
    l.judul(data)?;
    capaian(&mut l, isi)?;
    l.row += 1;
    l.section("B. Rincian Pelaksanaan per Program")?;
    let h = l.row;
    let titles = [
        "No",
        "Kegiatan / Tahapan Kerja",
        "Target Bulan",
        "Realisasi",
        "Status Capaian",
        "Kendala",
        "Tindak Lanjut",
        "Bukti Dukung",
    ];
    for (c, t) in titles.iter().enumerate() {
        l.text(h, c as u16, t, &g.kepala)?;
    }
    l.nomor_kolom(h + 1, titles.len() as u16)?;
    l.row += 2;
    if !isi.rincian_kosong.is_empty() {
        l.full_row(&isi.rincian_kosong, &g.grup_kosong, 8.0)?;
    }
    for p in &isi.program {
        l.full_row(
            &format!("Program {}. {}", p.nomor, p.nama),
            &g.grup_program,
            8.0,
        )?;
        if p.baris.is_empty() {
            l.full_row(&p.keterangan, &g.grup_kosong, 8.0)?;
        }
        for r in &p.baris {
            let row = l.row;
            baris(&mut l, row, r)?;
            l.row += 1;
        }
    }
    l.tanda_tangan(data, KOL_TTD)?;
    l.page_setup(data, Some((h, h + 1)), None)
}

fn capaian(l: &mut Sheet<'_>, isi: &Monev) -> XlsxResult {
    let g = l.g;
    l.section("A. Ringkasan Capaian")?;
    let h = l.row;
    l.ws.merge_range(h, 0, h + 1, 0, "No", &g.kepala)?;
    l.ws.merge_range(h, 1, h + 1, 1, "Program", &g.kepala)?;
    l.ws.merge_range(h, 2, h, 4, "Periode Laporan", &g.kepala)?;
    let kumulatif = format!("Kumulatif {}", isi.sampai);
    l.ws.merge_range(h, 5, h, 7, &kumulatif, &g.kepala)?;
    for (i, t) in ["Target", "Selesai", "Capaian"]
        .iter()
        .cycle()
        .take(6)
        .enumerate()
    {
        l.text(h + 1, 2 + i as u16, t, &g.kepala)?;
    }
    l.nomor_kolom(h + 2, LEBAR.len() as u16)?;
    l.row = h + 3;
    for c in &isi.capaian {
        let row = l.row;
        l.number(row, 0, c.nomor, &g.angka)?;
        l.text(row, 1, &c.program, &g.sel)?;
        hitung(l, row, c, false)?;
        l.row += 1;
    }
    let row = l.row;
    l.ws.merge_range(row, 0, row, 1, &isi.jumlah.program, &g.jumlah_label)?;
    hitung(l, row, &isi.jumlah, true)?;
    l.row += 1;
    l.full_row(&isi.keterangan_hitung, &g.catatan_kaki, 8.0)
}

/// Target, selesai and capaian of the period, then cumulative, from column 2.
fn hitung(l: &mut Sheet<'_>, row: RowNum, c: &Capaian, jumlah: bool) -> XlsxResult {
    let g = l.g;
    let (n, p, t) = if jumlah {
        (&g.jumlah_angka, &g.jumlah_persen, &g.jumlah_teks)
    } else {
        (&g.angka, &g.persen, &g.sel_tengah)
    };
    l.number(row, 2, c.periode.target, n)?;
    l.number(row, 3, c.periode.selesai, n)?;
    l.percent(row, 4, c.periode, p, t)?;
    l.number(row, 5, c.kumulatif.target, n)?;
    l.number(row, 6, c.kumulatif.selesai, n)?;
    l.percent(row, 7, c.kumulatif, p, t)
}

fn baris(l: &mut Sheet<'_>, row: RowNum, r: &MonevBaris) -> XlsxResult {
    let g = l.g;
    l.number(row, 0, r.no, &g.angka)?;
    let pj = if r.penanggung_jawab.is_empty() {
        String::new()
    } else {
        format!("PJ: {}", r.penanggung_jawab)
    };
    let kegiatan = [
        (&g.r_miring_abu, r.kegiatan.as_str()),
        (&g.r_biasa, r.tahapan.as_str()),
        (&g.r_abu, pj.as_str()),
    ];
    l.rich(row, 1, &kegiatan, &g.sel)?;
    l.text(row, 2, &r.target, &g.sel_tengah)?;
    let realisasi = r.realisasi.join("\n");
    let lines = [
        (&g.r_biasa, realisasi.as_str()),
        (&g.r_miring, r.catatan.as_str()),
    ];
    l.rich(row, 3, &lines, &g.sel)?;
    let status = match r.tercapai {
        Some(true) => &g.tercapai,
        Some(false) => &g.tidak_tercapai,
        None => &g.sel_tengah,
    };
    if r.status_keterangan.is_empty() {
        l.text(row, 4, &r.status_capaian, status)?;
    } else {
        let lines = [
            (&g.r_tebal, r.status_capaian.as_str()),
            (&g.r_miring_abu, r.status_keterangan.as_str()),
        ];
        l.rich(row, 4, &lines, &g.sel_tengah)?;
    }
    l.text(row, 5, &r.kendala, &g.sel)?;
    l.text(row, 6, &r.tindak_lanjut, &g.sel)?;
    if r.bukti.is_empty() {
        return l.rich(row, 7, &[(&g.r_miring_abu, "Belum ada")], &g.sel);
    }
    let bukti: Vec<String> = r
        .bukti
        .iter()
        .map(|b| {
            let mut s = b.jenis.clone();
            if !b.nomor.is_empty() {
                s.push_str(&format!(" No. {}", b.nomor));
            }
            if !b.tanggal.is_empty() {
                s.push_str(&format!(", {}", b.tanggal));
            }
            format!("{s}: {}", b.judul)
        })
        .collect();
    l.text(row, 7, &bukti.join("\n"), &g.sel)
}

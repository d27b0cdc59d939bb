//! The Daftar Bukti Dukung: a row per program, kegiatan and tahapan with evidence, then a
//! row per piece of evidence with its files and their SHA-256, one line per file, so a
//! printed list can be matched against the files handed over.

use rust_xlsxwriter::{RowNum, Worksheet};

use super::sheet::{Sheet, XlsxResult};
use super::styles::Styles;
use crate::kop::Logo;
use crate::report::ReportData;
use crate::report::daftar_bukti::{DaftarBukti, DbBukti};

/// No, Judul / Keterangan, Jenis, Nomor, Tanggal, Bulan, Berkas, SHA-256. The hash column
/// holds a whole hash on one line, so it can be copied and compared; the date column holds
/// "30 September 2025" (a date does not wrap: Excel shows #### where it does not fit).
const LEBAR: [f64; 8] = [9.0, 36.0, 12.0, 18.0, 15.0, 10.0, 30.0, 44.0];
const KOL_TTD: u16 = 7;

pub(super) fn write(
    ws: &mut Worksheet,
    g: &Styles,
    data: &ReportData,
    isi: &DaftarBukti,
    logo: Option<&Logo>,
) -> XlsxResult {
    let mut l = Sheet::new(ws, g, &LEBAR)?;
    l.kop(&data.kop, logo)?;
    l.judul(data)?;
    let jumlah = format!(
        "Jumlah bukti dukung: {}    Jumlah berkas: {}",
        isi.jumlah_bukti, isi.jumlah_berkas
    );
    l.full_row(&jumlah, &g.keterangan, 8.5)?;
    l.row += 1;
    let h = l.row;
    let titles = [
        "No",
        "Judul / Keterangan",
        "Jenis",
        "Nomor",
        "Tanggal",
        "Bulan",
        "Berkas",
        "SHA-256",
    ];
    for (c, t) in titles.iter().enumerate() {
        l.text(h, c as u16, t, &g.kepala)?;
    }
    l.row += 1;
    for p in &isi.program {
        let text = format!("{} ({} bukti dukung)", p.judul, p.jumlah_bukti);
        l.full_row(&text, &g.grup_program, 8.0)?;
        if p.kegiatan.is_empty() {
            l.full_row("Belum ada bukti dukung.", &g.grup_kosong, 8.0)?;
        }
        for k in &p.kegiatan {
            l.full_row(&format!("{} {}", k.nomor, k.nama), &g.grup_kegiatan, 8.0)?;
            for t in &k.tahapan {
                l.full_row(&format!("{} {}", t.nomor, t.nama), &g.grup_tahapan, 8.0)?;
                for b in &t.bukti {
                    let row = l.row;
                    bukti(&mut l, row, b)?;
                    l.row += 1;
                }
            }
        }
    }
    l.tanda_tangan(data, KOL_TTD)?;
    l.page_setup(data, Some((h, h)), Some(h + 1))
}

fn bukti(l: &mut Sheet<'_>, row: RowNum, b: &DbBukti) -> XlsxResult {
    let g = l.g;
    l.text(row, 0, &b.nomor, &g.sel)?;
    let lines = [
        (&g.r_biasa, b.judul.as_str()),
        (&g.r_abu, b.keterangan.as_str()),
    ];
    l.rich(row, 1, &lines, &g.sel)?;
    l.text(row, 2, &b.jenis, &g.sel)?;
    l.text(row, 3, &b.nomor_dokumen, &g.sel)?;
    l.date(row, 4, b.tanggal_nilai, &b.tanggal, &g.tanggal, &g.sel)?;
    l.text(row, 5, &b.bulan, &g.sel)?;
    let berkas: Vec<String> = b
        .berkas
        .iter()
        .map(|f| format!("{} ({})", f.nama, f.ukuran))
        .collect();
    l.text(row, 6, &berkas.join("\n"), &g.sel)?;
    let hash: Vec<&str> = b.berkas.iter().map(|f| f.sha256.as_str()).collect();
    l.code(row, 7, &hash, &g.hash)
}

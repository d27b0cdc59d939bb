//! The Rencana Aksi table (section 3.2 of the Renja RB): No, Program, Kegiatan,
//! Outcome/Output and Tahapan Kerja, the twelve months with the scheduled ones shaded,
//! Kriteria Keberhasilan and Penanggung Jawab. Group cells are merged over exactly the rows
//! the data's spans say; an outcome is a grey heading row inside its program.
//!
//! A scheduled month holds the number 1 on its blue, an unscheduled one nothing. A fill alone
//! cannot be filtered or counted; with a 1 a Pokja filters a month's column on "1", counts
//! the tahapan of March with `=COUNTIF(H12:H140;1)` (or `=SUM`) and the months of a tahapan
//! with `=COUNTIF(F12:Q12;1)`: the same criterion in every column and row, which neither a
//! "✓" (hard to type) nor the month's own number (a different criterion per column) gives.

use rust_xlsxwriter::{ColNum, Format, RowNum, Worksheet};

use super::sheet::{Sheet, XlsxResult};
use super::styles::Styles;
use crate::kop::Logo;
use crate::report::ReportData;
use crate::report::rencana_aksi::{RaBaris, RencanaAksi, Sel};

/// Column widths: No, Program, Kegiatan, Outcome/Output, Tahapan, 12 months, Kriteria, PJ.
const LEBAR: [f64; 19] = [
    4.5, 16.0, 22.0, 22.0, 26.0, 3.3, 3.3, 3.3, 3.3, 3.3, 3.3, 3.3, 3.3, 3.3, 3.3, 3.3, 3.3, 24.0,
    17.0,
];
const KOL_BULAN: ColNum = 5;
const KOL_KRITERIA: ColNum = KOL_BULAN + 12;
const KOL_PJ: ColNum = KOL_KRITERIA + 1;
/// Where the signature block starts: about the right quarter of the page, as in the PDF.
const KOL_TTD: ColNum = 14;
/// Where the Lampiran Keputusan head starts: the right third of the page (month 7 on).
const KOL_LAMPIRAN: ColNum = KOL_BULAN + 6;

pub(super) fn write(
    ws: &mut Worksheet,
    g: &Styles,
    data: &ReportData,
    isi: &RencanaAksi,
    logo: Option<&Logo>,
) -> XlsxResult {
    let mut l = Sheet::new(ws, g, &LEBAR)?;
    if let Some(lampiran) = &data.lampiran {
        l.lampiran(lampiran, KOL_LAMPIRAN)?;
    }
    l.kop(&data.kop, logo)?;
    l.judul(data)?;
    let h = l.row;
    header(&mut l, h)?;
    l.nomor_kolom(h + 2, LEBAR.len() as u16)?;
    l.row = h + 3;
    for r in &isi.baris {
        let row = l.row;
        baris(&mut l, row, r)?;
        l.row += 1;
    }
    l.tanda_tangan(data, KOL_TTD)?;
    l.page_setup(data, Some((h, h + 2)), Some(h + 3))
}

/// Two header rows: "Bulan" over the twelve month numbers, the other titles over both; the
/// column-number row follows them.
fn header(l: &mut Sheet<'_>, h: RowNum) -> XlsxResult {
    let g = l.g;
    let titles = [
        (0, "No"),
        (1, "Program"),
        (2, "Kegiatan"),
        (3, "Outcome/Output"),
        (4, "Tahapan Kerja"),
        (KOL_KRITERIA, "Kriteria Keberhasilan"),
        (KOL_PJ, "Penanggung Jawab"),
    ];
    for (col, title) in titles {
        l.ws.merge_range(h, col, h + 1, col, title, &g.kepala)?;
    }
    l.ws.merge_range(h, KOL_BULAN, h, KOL_BULAN + 11, "Bulan", &g.kepala)?;
    for m in 0..12u16 {
        l.number(h + 1, KOL_BULAN + m, u32::from(m) + 1, &g.kepala)?;
    }
    l.height(h, 14.0);
    l.height(h + 1, 14.0);
    Ok(())
}

fn grup(l: &mut Sheet<'_>, row: RowNum, col: ColNum, sel: &Option<Sel>, f: &Format) -> XlsxResult {
    match sel {
        Some(s) => l.group(row, col, s.baris, &s.teks, f),
        None => Ok(()),
    }
}

fn baris(l: &mut Sheet<'_>, row: RowNum, r: &RaBaris) -> XlsxResult {
    let g = l.g;
    if let Some(no) = &r.no {
        l.group(row, 0, no.baris, &no.teks, &g.sel_tengah)?;
        // The program number is a number; the merged cell keeps its format.
        if let Ok(n) = no.teks.parse::<u32>() {
            l.number(row, 0, n, &g.angka)?;
        }
    }
    grup(l, row, 1, &r.program, &g.sel_tebal)?;
    if let Some(outcome) = &r.outcome {
        l.blank(row, 2, &g.sel)?;
        l.text(row, 3, outcome, &g.outcome)?;
        l.ws.merge_range(row, 4, row, KOL_PJ, "", &g.abu_muda)?;
        return Ok(());
    }
    grup(l, row, 2, &r.kegiatan, &g.sel)?;
    grup(l, row, 3, &r.output, &g.sel)?;
    l.text(row, 4, &r.tahapan, &g.sel)?;
    for (m, on) in r.bulan.iter().enumerate() {
        let col = KOL_BULAN + m as ColNum;
        if *on {
            l.number(row, col, 1, &g.bulan_isi)?;
        } else {
            l.blank(row, col, &g.sel)?;
        }
    }
    l.text(row, KOL_KRITERIA, &r.kriteria, &g.sel)?;
    l.text(row, KOL_PJ, &r.penanggung_jawab, &g.sel)
}

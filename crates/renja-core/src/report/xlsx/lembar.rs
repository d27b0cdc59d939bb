//! A worksheet being filled from the top down: the column widths, the next free row, and
//! writing cells so that user text always stays text and merged cells get room.
//!
//! Row heights are set here, from an estimate of the wrapped text: LibreOffice shows a row
//! without a stored height one line high whatever it holds, and no program grows a row for
//! a merged cell. A merged cell spanning rows heightens the last row it covers when the
//! rows together would be too short for it. The estimate errs high: white space is better
//! than clipped text.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ColNum, ExcelDateTime, Format, RowNum, Worksheet, XlsxError};

use super::gaya::{Gaya, PT_TABEL};
use crate::capaian::Hitung;

pub(super) type Hasil<T = ()> = Result<T, XlsxError>;

/// Height in points of a one-line table row as Excel draws it for 8 pt text.
const BARIS_STANDAR: f64 = 11.25;

/// The estimated height in points of `text` wrapped in a cell `lebar` character units wide
/// at `pt` points. Estimates a little high: white space is better than clipped text.
fn perkiraan_tinggi(text: &str, lebar: f64, pt: f64) -> f64 {
    // A character unit is the width of "0" in Calibri 11 (7 px). An average character of
    // Indonesian text is about 0.42 em in DejaVu Sans (what LibreOffice draws for Arial
    // where Arial is missing; Arial itself is narrower), and wrapping at word ends loses
    // about a tenth of a line.
    let px_huruf = pt * 0.42 * 96.0 / 72.0;
    let per_baris = ((lebar * 7.0 - 4.0) / px_huruf * 0.88).floor().max(1.0);
    let baris: f64 = text
        .split('\n')
        .map(|l| (l.chars().count() as f64 / per_baris).ceil().max(1.0))
        .sum();
    baris * pt * 1.2 + 2.5
}

pub(super) struct Lembar<'a> {
    pub ws: &'a mut Worksheet,
    pub g: &'a Gaya,
    lebar: Vec<f64>,
    /// The next free row.
    pub row: RowNum,
    /// What the plain (unmerged) cells of a table row need, by row.
    perlu: BTreeMap<RowNum, f64>,
    /// Merged cells spanning rows: first row, last row, height needed.
    rentang: Vec<(RowNum, RowNum, f64)>,
    /// Heights set explicitly, by row; after [`Lembar::tulis_tinggi`], every row's height.
    pub(super) tetap: BTreeMap<RowNum, f64>,
    /// The signature block: the row above it, its first row and its last row.
    pub(super) ttd: Option<(RowNum, RowNum, RowNum)>,
}

impl<'a> Lembar<'a> {
    pub fn new(ws: &'a mut Worksheet, g: &'a Gaya, lebar: &[f64]) -> Hasil<Lembar<'a>> {
        for (c, w) in lebar.iter().enumerate() {
            ws.set_column_width(c as ColNum, *w)?;
        }
        Ok(Lembar {
            ws,
            g,
            lebar: lebar.to_vec(),
            row: 0,
            perlu: BTreeMap::new(),
            rentang: Vec::new(),
            tetap: BTreeMap::new(),
            ttd: None,
        })
    }

    /// The column widths in characters.
    pub fn lebar_kolom(&self) -> &[f64] {
        &self.lebar
    }

    /// The index of the last column.
    pub fn kolom_akhir(&self) -> ColNum {
        (self.lebar.len() - 1) as ColNum
    }

    fn lebar(&self, c1: ColNum, c2: ColNum) -> f64 {
        self.lebar[usize::from(c1)..=usize::from(c2)].iter().sum()
    }

    fn catat(&mut self, row: RowNum, c1: ColNum, c2: ColNum, text: &str) {
        let h = perkiraan_tinggi(text, self.lebar(c1, c2), PT_TABEL);
        let e = self.perlu.entry(row).or_insert(0.0);
        *e = e.max(h);
    }

    /// Fix the height of `row` to at least `h` points.
    pub fn tinggi(&mut self, row: RowNum, h: f64) {
        let e = self.tetap.entry(row).or_insert(0.0);
        *e = e.max(h);
    }

    /// Plain text in one cell; an empty text leaves a formatted blank. Never a formula: a
    /// kriteria "=1+1" is what the user typed.
    pub fn teks(&mut self, row: RowNum, col: ColNum, text: &str, f: &Format) -> Hasil {
        if text.is_empty() {
            self.ws.write_blank(row, col, f)?;
        } else {
            self.ws.write_string_with_format(row, col, text, f)?;
            self.catat(row, col, col, text);
        }
        Ok(())
    }

    /// Lines of code-like text (SHA-256 hashes) in a column sized to hold one line whole.
    pub fn kode(&mut self, row: RowNum, col: ColNum, lines: &[&str], f: &Format) -> Hasil {
        if lines.is_empty() {
            return self.kosong(row, col, f);
        }
        self.ws
            .write_string_with_format(row, col, lines.join("\n"), f)?;
        let h = lines.len() as f64 * PT_TABEL * 1.2 + 2.5;
        let e = self.perlu.entry(row).or_insert(0.0);
        *e = e.max(h);
        Ok(())
    }

    pub fn angka(&mut self, row: RowNum, col: ColNum, n: u32, f: &Format) -> Hasil {
        self.ws
            .write_number_with_format(row, col, f64::from(n), f)?;
        Ok(())
    }

    /// A capaian as the number it is (0.75), shown as a percentage by `angka`'s format; "–"
    /// in `teks` when there was no target.
    pub fn persen(
        &mut self,
        row: RowNum,
        col: ColNum,
        h: Hitung,
        angka: &Format,
        teks: &Format,
    ) -> Hasil {
        match h.rasio() {
            Some(r) => {
                self.ws.write_number_with_format(row, col, r, angka)?;
                Ok(())
            }
            None => self.teks(row, col, "–", teks),
        }
    }

    /// A date as an Excel date in `tanggal`'s format; `text` as it is when there is no date
    /// or Excel cannot hold it (before 1900).
    pub fn tanggal(
        &mut self,
        row: RowNum,
        col: ColNum,
        nilai: Option<NaiveDate>,
        text: &str,
        tanggal: &Format,
        teks: &Format,
    ) -> Hasil {
        match nilai.and_then(excel_date) {
            Some(d) => {
                self.ws.write_datetime_with_format(row, col, d, tanggal)?;
                Ok(())
            }
            None => self.teks(row, col, text, teks),
        }
    }

    pub fn kosong(&mut self, row: RowNum, col: ColNum, f: &Format) -> Hasil {
        self.ws.write_blank(row, col, f)?;
        Ok(())
    }

    /// Lines in several fonts (e.g. the kegiatan in grey italics above the tahapan), one
    /// cell. Empty lines are dropped: Excel refuses empty runs.
    pub fn kaya(
        &mut self,
        row: RowNum,
        col: ColNum,
        lines: &[(&Format, &str)],
        f: &Format,
    ) -> Hasil {
        let runs: Vec<(&Format, String)> = lines
            .iter()
            .filter(|(_, s)| !s.is_empty())
            .enumerate()
            .map(|(i, (lf, s))| {
                (
                    *lf,
                    if i == 0 {
                        s.to_string()
                    } else {
                        format!("\n{s}")
                    },
                )
            })
            .collect();
        if runs.is_empty() {
            return self.kosong(row, col, f);
        }
        let parts: Vec<(&Format, &str)> = runs.iter().map(|(lf, s)| (*lf, s.as_str())).collect();
        self.ws.write_rich_string_with_format(row, col, &parts, f)?;
        let all: String = runs.iter().map(|(_, s)| s.as_str()).collect();
        self.catat(row, col, col, &all);
        Ok(())
    }

    /// A group cell spanning `baris` rows down from `row` (one row is a plain cell:
    /// `merge_range` refuses single cells).
    pub fn grup(&mut self, row: RowNum, col: ColNum, baris: u32, text: &str, f: &Format) -> Hasil {
        if baris <= 1 {
            return self.teks(row, col, text, f);
        }
        let last = row + baris - 1;
        self.ws.merge_range(row, col, last, col, text, f)?;
        let need = perkiraan_tinggi(text, self.lebar(col, col), PT_TABEL);
        self.rentang.push((row, last, need));
        Ok(())
    }

    /// Text across columns `c1..=c2` of one row (one cell when they are the same), at `pt`
    /// points. A merged cell does not grow with its text, so the row gets the height the
    /// text needs.
    pub fn gabung(
        &mut self,
        row: RowNum,
        c1: ColNum,
        c2: ColNum,
        text: &str,
        f: &Format,
        pt: f64,
    ) -> Hasil {
        if c1 < c2 {
            self.ws.merge_range(row, c1, row, c2, text, f)?;
        } else if text.is_empty() {
            self.ws.write_blank(row, c1, f)?;
        } else {
            self.ws.write_string_with_format(row, c1, text, f)?;
        }
        let h = perkiraan_tinggi(text, self.lebar(c1, c2), pt);
        if text.contains('\n') || h > pt * 1.2 + 2.5 {
            self.tinggi(row, h);
        }
        Ok(())
    }

    /// A line across the whole width of the table.
    pub fn baris_penuh(&mut self, text: &str, f: &Format, pt: f64) -> Hasil {
        let row = self.row;
        self.gabung(row, 0, self.kolom_akhir(), text, f, pt)?;
        self.row += 1;
        Ok(())
    }

    /// Give every merged cell spanning rows the room its text needs, by heightening the
    /// last row it covers, then write the height of every row with text.
    pub fn tulis_tinggi(&mut self) -> Hasil {
        for &(first, last, need) in &self.rentang {
            let have: f64 = (first..=last)
                .map(|r| {
                    let auto = self.perlu.get(&r).copied().unwrap_or(BARIS_STANDAR);
                    self.tetap.get(&r).copied().unwrap_or(0.0).max(auto)
                })
                .sum();
            if need > have {
                let own = self.perlu.get(&last).copied().unwrap_or(BARIS_STANDAR);
                let e = self.tetap.entry(last).or_insert(0.0);
                *e = e.max(own + need - have);
            }
        }
        self.rentang.clear();
        for (&row, &h) in &self.perlu {
            let e = self.tetap.entry(row).or_insert(0.0);
            *e = e.max(h);
        }
        for (&row, h) in &mut self.tetap {
            // Excel's limit is 409 points.
            *h = h.min(409.0);
            self.ws.set_row_height(row, *h)?;
        }
        Ok(())
    }
}

/// `date` as Excel holds it; `None` before 1900, where Excel's dates begin.
pub(crate) fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok().filter(|y| *y >= 1900)?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

#[cfg(test)]
mod tests {
    use super::perkiraan_tinggi;

    #[test]
    fn a_row_grows_with_its_text_and_its_line_breaks() {
        let one = perkiraan_tinggi("Pokja", 20.0, 8.0);
        assert_eq!(one, perkiraan_tinggi("", 20.0, 8.0), "at least one line");
        let long = "Menyusun susunan Tim Reformasi Birokrasi unit kerja ".repeat(4);
        let many = perkiraan_tinggi(&long, 20.0, 8.0);
        assert!(many > 4.0 * 8.0 && many > one);
        assert!(
            perkiraan_tinggi(&long, 60.0, 8.0) < many,
            "a wider column needs fewer lines"
        );
        assert!(perkiraan_tinggi("a\nb\nc", 20.0, 8.0) > 2.0 * one);
    }
}

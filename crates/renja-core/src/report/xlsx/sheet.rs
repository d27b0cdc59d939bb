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

use super::styles::{PT_TABLE, Styles};
use crate::capaian::Hitung;

pub(super) type XlsxResult<T = ()> = Result<T, XlsxError>;

/// Height in points of a one-line table row as Excel draws it for 8 pt text.
const DEFAULT_ROW_PT: f64 = 11.25;

/// The estimated height in points of `text` wrapped in a cell `width` character units wide
/// at `pt` points. Estimates a little high: white space is better than clipped text.
fn estimated_height(text: &str, width: f64, pt: f64) -> f64 {
    // A character unit is the width of "0" in Calibri 11 (7 px). An average character of
    // Indonesian text is about 0.42 em in DejaVu Sans (what LibreOffice draws for Arial
    // where Arial is missing; Arial itself is narrower), and wrapping at word ends loses
    // about a tenth of a line.
    let px_per_char = pt * 0.42 * 96.0 / 72.0;
    let per_line = ((width * 7.0 - 4.0) / px_per_char * 0.88).floor().max(1.0);
    let lines: f64 = text
        .split('\n')
        .map(|l| (l.chars().count() as f64 / per_line).ceil().max(1.0))
        .sum();
    lines * pt * 1.2 + 2.5
}

pub(super) struct Sheet<'a> {
    pub ws: &'a mut Worksheet,
    pub g: &'a Styles,
    widths: Vec<f64>,
    /// The next free row.
    pub row: RowNum,
    /// What the plain (unmerged) cells of a table row need, by row.
    needed: BTreeMap<RowNum, f64>,
    /// Merged cells spanning rows: first row, last row, height needed.
    spans: Vec<(RowNum, RowNum, f64)>,
    /// Heights set explicitly, by row; after [`Sheet::write_heights`], every row's height.
    pub(super) fixed: BTreeMap<RowNum, f64>,
    /// The signature block: the row above it, its first row and its last row.
    pub(super) signature: Option<(RowNum, RowNum, RowNum)>,
}

impl<'a> Sheet<'a> {
    pub fn new(ws: &'a mut Worksheet, g: &'a Styles, widths: &[f64]) -> XlsxResult<Sheet<'a>> {
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as ColNum, *w)?;
        }
        Ok(Sheet {
            ws,
            g,
            widths: widths.to_vec(),
            row: 0,
            needed: BTreeMap::new(),
            spans: Vec::new(),
            fixed: BTreeMap::new(),
            signature: None,
        })
    }

    /// The column widths in characters.
    pub fn column_widths(&self) -> &[f64] {
        &self.widths
    }

    /// The index of the last column.
    pub fn last_column(&self) -> ColNum {
        (self.widths.len() - 1) as ColNum
    }

    fn width(&self, c1: ColNum, c2: ColNum) -> f64 {
        self.widths[usize::from(c1)..=usize::from(c2)].iter().sum()
    }

    fn note_need(&mut self, row: RowNum, c1: ColNum, c2: ColNum, text: &str) {
        let h = estimated_height(text, self.width(c1, c2), PT_TABLE);
        let e = self.needed.entry(row).or_insert(0.0);
        *e = e.max(h);
    }

    /// Fix the height of `row` to at least `h` points.
    pub fn height(&mut self, row: RowNum, h: f64) {
        let e = self.fixed.entry(row).or_insert(0.0);
        *e = e.max(h);
    }

    /// Plain text in one cell; an empty text leaves a formatted blank. Never a formula: a
    /// kriteria "=1+1" is what the user typed.
    pub fn text(&mut self, row: RowNum, col: ColNum, text: &str, f: &Format) -> XlsxResult {
        if text.is_empty() {
            self.ws.write_blank(row, col, f)?;
        } else {
            self.ws.write_string_with_format(row, col, text, f)?;
            self.note_need(row, col, col, text);
        }
        Ok(())
    }

    /// Lines of code-like text (SHA-256 hashes) in a column sized to hold one line whole.
    pub fn code(&mut self, row: RowNum, col: ColNum, lines: &[&str], f: &Format) -> XlsxResult {
        if lines.is_empty() {
            return self.blank(row, col, f);
        }
        self.ws
            .write_string_with_format(row, col, lines.join("\n"), f)?;
        let h = lines.len() as f64 * PT_TABLE * 1.2 + 2.5;
        let e = self.needed.entry(row).or_insert(0.0);
        *e = e.max(h);
        Ok(())
    }

    pub fn number(&mut self, row: RowNum, col: ColNum, n: u32, f: &Format) -> XlsxResult {
        self.ws
            .write_number_with_format(row, col, f64::from(n), f)?;
        Ok(())
    }

    /// A capaian as the number it is (0.75), shown as a percentage by `number`'s format; "–"
    /// in `text` when there was no target.
    pub fn percent(
        &mut self,
        row: RowNum,
        col: ColNum,
        h: Hitung,
        number: &Format,
        text: &Format,
    ) -> XlsxResult {
        match h.rasio() {
            Some(r) => {
                self.ws.write_number_with_format(row, col, r, number)?;
                Ok(())
            }
            None => self.text(row, col, "–", text),
        }
    }

    /// A date as an Excel date in `date`'s format; `text` in `text_format` when there is no date
    /// or Excel cannot hold it (before 1900).
    pub fn date(
        &mut self,
        row: RowNum,
        col: ColNum,
        value: Option<NaiveDate>,
        text: &str,
        date: &Format,
        text_format: &Format,
    ) -> XlsxResult {
        match value.and_then(excel_date) {
            Some(d) => {
                self.ws.write_datetime_with_format(row, col, d, date)?;
                Ok(())
            }
            None => self.text(row, col, text, text_format),
        }
    }

    pub fn blank(&mut self, row: RowNum, col: ColNum, f: &Format) -> XlsxResult {
        self.ws.write_blank(row, col, f)?;
        Ok(())
    }

    /// Lines in several fonts (e.g. the kegiatan in grey italics above the tahapan), one
    /// cell. Empty lines are dropped: Excel refuses empty runs.
    pub fn rich(
        &mut self,
        row: RowNum,
        col: ColNum,
        lines: &[(&Format, &str)],
        f: &Format,
    ) -> XlsxResult {
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
            return self.blank(row, col, f);
        }
        let parts: Vec<(&Format, &str)> = runs.iter().map(|(lf, s)| (*lf, s.as_str())).collect();
        self.ws.write_rich_string_with_format(row, col, &parts, f)?;
        let all: String = runs.iter().map(|(_, s)| s.as_str()).collect();
        self.note_need(row, col, col, &all);
        Ok(())
    }

    /// A group cell spanning `rows` rows down from `row` (one row is a plain cell:
    /// `merge_range` refuses single cells).
    pub fn group(
        &mut self,
        row: RowNum,
        col: ColNum,
        rows: u32,
        text: &str,
        f: &Format,
    ) -> XlsxResult {
        if rows <= 1 {
            return self.text(row, col, text, f);
        }
        let last = row + rows - 1;
        self.ws.merge_range(row, col, last, col, text, f)?;
        let need = estimated_height(text, self.width(col, col), PT_TABLE);
        self.spans.push((row, last, need));
        Ok(())
    }

    /// Text across columns `c1..=c2` of one row (one cell when they are the same), at `pt`
    /// points. A merged cell does not grow with its text, so the row gets the height the
    /// text needs.
    pub fn merged(
        &mut self,
        row: RowNum,
        c1: ColNum,
        c2: ColNum,
        text: &str,
        f: &Format,
        pt: f64,
    ) -> XlsxResult {
        if c1 < c2 {
            self.ws.merge_range(row, c1, row, c2, text, f)?;
        } else if text.is_empty() {
            self.ws.write_blank(row, c1, f)?;
        } else {
            self.ws.write_string_with_format(row, c1, text, f)?;
        }
        let h = estimated_height(text, self.width(c1, c2), pt);
        if text.contains('\n') || h > pt * 1.2 + 2.5 {
            self.height(row, h);
        }
        Ok(())
    }

    /// A line across the whole width of the table.
    pub fn full_row(&mut self, text: &str, f: &Format, pt: f64) -> XlsxResult {
        let row = self.row;
        self.merged(row, 0, self.last_column(), text, f, pt)?;
        self.row += 1;
        Ok(())
    }

    /// Give every merged cell spanning rows the room its text needs, by heightening the
    /// last row it covers, then write the height of every row with text.
    pub fn write_heights(&mut self) -> XlsxResult {
        for &(first, last, need) in &self.spans {
            let have: f64 = (first..=last)
                .map(|r| {
                    let auto = self.needed.get(&r).copied().unwrap_or(DEFAULT_ROW_PT);
                    self.fixed.get(&r).copied().unwrap_or(0.0).max(auto)
                })
                .sum();
            if need > have {
                let own = self.needed.get(&last).copied().unwrap_or(DEFAULT_ROW_PT);
                let e = self.fixed.entry(last).or_insert(0.0);
                *e = e.max(own + need - have);
            }
        }
        self.spans.clear();
        for (&row, &h) in &self.needed {
            let e = self.fixed.entry(row).or_insert(0.0);
            *e = e.max(h);
        }
        for (&row, h) in &mut self.fixed {
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
    use super::estimated_height;

    #[test]
    fn a_row_grows_with_its_text_and_its_line_breaks() {
        let one = estimated_height("Pokja", 20.0, 8.0);
        assert_eq!(one, estimated_height("", 20.0, 8.0), "at least one line");
        let long = "Menyusun susunan Tim Reformasi Birokrasi unit kerja ".repeat(4);
        let many = estimated_height(&long, 20.0, 8.0);
        assert!(many > 4.0 * 8.0 && many > one);
        assert!(
            estimated_height(&long, 60.0, 8.0) < many,
            "a wider column needs fewer lines"
        );
        assert!(estimated_height("a\nb\nc", 20.0, 8.0) > 2.0 * one);
    }
}

//! Where a printer breaks a worksheet into pages, worked out as Excel does it, so that the
//! signature block is not cut in two.
//!
//! Excel and LibreOffice have no "keep these rows together": a page ends before the first
//! row that does not fit whole. The signature block is several rows (place and date,
//! jabatan, room to sign, name, NIP), and a block cut in two leaves a name under nobody's
//! jabatan. So the writer predicts the page breaks and, when the block would fall across one
//! or close to one, puts a manual page break before the last row above the block: that row
//! and the block open the next page together, as the PDF keeps them.
//!
//! The prediction follows Excel's arithmetic: a column `w` characters wide is `7w + 5`
//! pixels (Calibri 11, the workbook's default font, as rust_xlsxwriter stores it), a row
//! height is a whole number of pixels (4/3 of a point), "fit to one page wide" zooms to the
//! largest whole percentage at which the columns fit, and from the second page on the
//! repeated header rows come first. Other programs measure columns a little differently
//! (LibreOffice with Carlito fits about a tenth more rows on a page), and the difference adds
//! up page by page, so "close to a break" widens with every page before the block. A guess
//! on the safe side costs a page that ends early.

use std::collections::BTreeMap;

use rust_xlsxwriter::RowNum;

/// The height of a row without a stored one: Excel's default for Calibri 11.
const BARIS_BAWAAN: f64 = 15.0;

/// How near a predicted page break the block may come, as a share of a page: a little for
/// rounding, and more for every page before it, where other programs' breaks drift.
const JARAK_DASAR: f64 = 0.02;
const JARAK_PER_HALAMAN: f64 = 0.02;

/// A worksheet's rows as they fall on printed pages.
pub(super) struct Pages<'a> {
    /// Row heights in points, where a row has one set.
    heights: &'a BTreeMap<RowNum, f64>,
    /// Room for rows on one page, in the worksheet's points: the printable height divided
    /// by the zoom that fits the columns to the page's width.
    room: f64,
    /// The rows repeated at the top of every page after the one they stand on.
    titles: Option<(RowNum, RowNum)>,
}

/// The width in points of columns `widths` characters wide, as Excel measures them at 100%.
fn width_pt(widths: &[f64]) -> f64 {
    widths
        .iter()
        .map(|&w| {
            let px = if w < 1.0 {
                (w * 12.0).round()
            } else {
                (w * 7.0).round() + 5.0
            };
            px * 0.75
        })
        .sum()
}

impl<'a> Pages<'a> {
    /// `printable` is the page's width and height inside the margins, in points; `widths`
    /// the column widths in characters.
    pub fn new(
        printable: (f64, f64),
        widths: &[f64],
        heights: &'a BTreeMap<RowNum, f64>,
        titles: Option<(RowNum, RowNum)>,
    ) -> Pages<'a> {
        let zoom = (printable.0 / width_pt(widths) * 100.0)
            .floor()
            .clamp(10.0, 100.0)
            / 100.0;
        Pages {
            heights,
            room: printable.1 / zoom,
            titles,
        }
    }

    /// The height in points Excel gives `row`: whole pixels.
    fn height(&self, row: RowNum) -> f64 {
        let pt = self.heights.get(&row).copied().unwrap_or(BARIS_BAWAAN);
        (pt * 4.0 / 3.0).round() * 0.75
    }

    fn sum(&self, rows: std::ops::RangeInclusive<RowNum>) -> f64 {
        rows.map(|r| self.height(r)).sum()
    }

    /// The number of pages before the one `row` falls on, how far down that page the rows
    /// above it reach (repeated header included), and the height of that page's repeated
    /// header.
    fn place(&self, row: RowNum) -> (u32, f64, f64) {
        let (mut page, mut used, mut header) = (0, 0.0, 0.0);
        for r in 0..=row {
            let h = self.height(r);
            if used + h > self.room && used > header {
                page += 1;
                header = match self.titles {
                    Some((a, b)) if b < r => self.sum(a..=b),
                    _ => 0.0,
                };
                used = header;
            }
            if r == row {
                break;
            }
            used += h;
        }
        (page, used, header)
    }

    /// The row before which a manual page break keeps rows `first..=last` on one page, if
    /// they need one: `with` (the last row above them), so that they do not open a page
    /// alone, or `first` when the two do not fit on a page together.
    pub fn keep_together(&self, with: RowNum, first: RowNum, last: RowNum) -> Option<RowNum> {
        let block = self.sum(first..=last);
        let (page, top, header) = self.place(first);
        let slack = self.room * (JARAK_DASAR + JARAK_PER_HALAMAN * f64::from(page));
        let near_end = top + block > self.room - slack;
        let near_start = page > 0 && top - header < slack;
        if !near_end && !near_start {
            return None;
        }
        let titles = self.titles.map_or(0.0, |(a, b)| self.sum(a..=b));
        let after_titles = self.titles.is_none_or(|(_, b)| with > b);
        if with > 0 && with < first && after_titles && titles + self.sum(with..=last) <= self.room {
            Some(with)
        } else {
            Some(first)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page with room for 480 points of rows (columns that fit at 100%), rows 24 points
    /// (32 pixels) high: 20 rows a page.
    fn pages(heights: &BTreeMap<RowNum, f64>, titles: Option<(RowNum, RowNum)>) -> Pages<'_> {
        Pages::new((1000.0, 480.0), &[10.0; 5], heights, titles)
    }

    fn rows(n: RowNum) -> BTreeMap<RowNum, f64> {
        (0..n).map(|r| (r, 24.0)).collect()
    }

    #[test]
    fn the_zoom_is_a_whole_percentage_that_fits_the_columns() {
        let heights = BTreeMap::new();
        // Ten columns of 10 characters are 75 pixels each: 562.5 points. 455 points fit
        // them at 80.9%, so at 80%.
        let p = Pages::new((455.0, 400.0), &[10.0; 10], &heights, None);
        assert!((p.room - 500.0).abs() < 1e-9, "{}", p.room);
        let p = Pages::new((2000.0, 400.0), &[10.0; 10], &heights, None);
        assert_eq!(p.room, 400.0, "never zoomed in");
        // Heights are whole pixels: 20 points is 27 pixels, 20.25 points.
        assert_eq!(p.height(3), 15.0, "the default");
        let twenty = BTreeMap::from([(0, 20.0)]);
        assert_eq!(
            Pages::new((2000.0, 400.0), &[10.0], &twenty, None).height(0),
            20.25
        );
    }

    #[test]
    fn rows_break_to_the_next_page_when_they_do_not_fit_whole() {
        let heights = rows(80);
        let p = pages(&heights, None);
        assert_eq!(p.place(19), (0, 456.0, 0.0));
        assert_eq!(p.place(20), (1, 0.0, 0.0));
        // With rows 2 and 3 repeated, the second page holds 18 rows after them.
        let p = pages(&heights, Some((2, 3)));
        assert_eq!(p.place(20), (1, 48.0, 48.0));
        assert_eq!(p.place(37), (1, 456.0, 48.0));
        assert_eq!(p.place(38), (2, 48.0, 48.0));
    }

    #[test]
    fn a_block_well_inside_a_page_needs_no_break() {
        let heights = rows(80);
        let p = pages(&heights, None);
        // Rows 10..=14 run from 240 to 360 of 480 points.
        assert_eq!(p.keep_together(8, 10, 14), None);
        assert_eq!(p.keep_together(12, 14, 18), None, "ends at 456");
    }

    #[test]
    fn a_block_across_a_break_opens_the_next_page_with_the_row_above_it() {
        let heights = rows(80);
        let p = pages(&heights, None);
        // Rows 18..=22 would run from 432 to 552 points: across the break.
        assert_eq!(p.keep_together(16, 18, 22), Some(16));
        // Ending exactly at the foot of the page is too close: another program may differ.
        assert_eq!(p.keep_together(13, 15, 19), Some(13));
    }

    #[test]
    fn a_block_at_the_top_of_a_later_page_is_pinned_there() {
        let heights = rows(80);
        let p = pages(&heights, None);
        // Row 20 opens page 2 exactly; another program may still fit it on page 1.
        assert_eq!(p.keep_together(18, 20, 24), Some(18));
        assert_eq!(p.keep_together(23, 25, 29), None);
    }

    #[test]
    fn a_block_that_cannot_share_a_page_with_the_row_above_breaks_before_itself() {
        let mut heights = rows(80);
        heights.insert(10, 400.0);
        let p = pages(&heights, None);
        // Row 10 opens page 2 at 400 points; the block after it does not fit below it.
        assert_eq!(p.keep_together(10, 12, 16), Some(12));
    }

    #[test]
    fn the_row_above_is_never_a_repeated_header() {
        let heights = rows(80);
        let p = pages(&heights, Some((16, 17)));
        assert_eq!(p.keep_together(17, 19, 23), Some(19));
    }
}

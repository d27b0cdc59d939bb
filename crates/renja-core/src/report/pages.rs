//! How the rows of a PDF report's tables fall on pages: which rows stay on one page (a
//! heading with the row under it, a row with the group cells that begin beside it, the last
//! rows with the signature) and which rows may break across pages because they may be taller
//! than a page.
//!
//! typst keeps a table row whole only by making it unbreakable, and prints an unbreakable row
//! that is taller than the page over the footer and off the page. So a row is kept whole only
//! when it surely fits, by an estimate of its lines made here from its text; everything else
//! may break. The templates follow [`Keep`] and decide nothing: each row group becomes one
//! unbreakable (or breakable) cell spanning the group in a zero-width first column, which is
//! the only way typst keeps table rows together. The XLSX writers ignore it.
//!
//! The estimate is deliberately pessimistic: text is counted at [`CHARS_PER_LINE`] characters
//! a line, the width of the narrowest text column of any report (the Rencana Aksi's
//! Penanggung Jawab, 25 mm at 7.5 pt on A4 landscape). A row taken for longer than it is only
//! loses the guarantee of staying whole; a row taken for shorter would run off the page.

use serde::Serialize;

/// Characters a line holds in the narrowest text column (see the module docs).
const CHARS_PER_LINE: usize = 16;

/// The most estimated lines kept on one page. 36 lines at 16 characters are about 125 mm of
/// 7.5 pt text even in all capitals at 12 characters a line (48 lines of 8.8 pt), within the
/// body of the smallest page less its repeated table header (A4 landscape: 180 mm less
/// about 10 mm).
pub(crate) const MAX_LINES: u32 = 36;

/// The signature block in lines of table text: 10 mm above it, the place and date, two lines
/// of jabatan, 20 mm for the signature, the name, the pangkat/golongan and the NIP (about
/// 53 mm). A Monev report's two blocks stand side by side, so they are no taller than one.
pub(crate) const SIGNATURE_LINES: u32 = 17;

/// How a row begins on the page, for the template: the first row of a group says how many
/// rows (from itself) print on one page; the rows after it in the group say 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Keep {
    /// Rows kept on one page from this one, counting the signature row the template prints
    /// after the last row when a signature follows the table; 0 inside a group.
    pub rows: u32,
    /// The group may break across pages: a row that may be taller than a page.
    pub breakable: bool,
}

/// A row as the page breaking sees it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Row {
    /// Estimated lines of the row's own cells (the tallest).
    pub lines: u32,
    /// A heading: keep it on the page of the row after it.
    pub heading: bool,
    /// Estimated lines of the tallest group cell (a cell spanning this row and those after it)
    /// that begins here: the group keeps enough rows to hold it.
    pub spans: u32,
    /// The row must be allowed to break whatever its own text: a group cell above it may be
    /// taller than the rows it spans, and typst grows the last of them by the difference.
    pub breakable: bool,
}

impl Row {
    pub fn new(lines: u32) -> Row {
        Row {
            lines,
            ..Row::default()
        }
    }

    pub fn heading(lines: u32) -> Row {
        Row {
            lines,
            heading: true,
            ..Row::default()
        }
    }
}

/// Estimated lines of a text at [`CHARS_PER_LINE`], each of its own lines at least one.
pub(crate) fn lines(text: &str) -> u32 {
    text.split('\n')
        .map(|l| l.chars().count().div_ceil(CHARS_PER_LINE).max(1) as u32)
        .sum()
}

/// Estimated lines of a paragraph across a portrait page (9 pt, 80 characters a line).
pub(crate) fn wide_lines(text: &str) -> u32 {
    text.split('\n')
        .map(|l| l.chars().count().div_ceil(80).max(1) as u32)
        .sum()
}

/// Estimated lines of several texts printed one under the other in one cell.
pub(crate) fn lines_of<'a>(texts: impl IntoIterator<Item = &'a str>) -> u32 {
    texts.into_iter().map(lines).sum::<u32>().max(1)
}

/// Group the rows of one table. `closing` is a row of that many lines the template prints
/// after them (the signature, a total): it stays with the last row, and the last group's
/// `rows` counts it.
pub(crate) fn keep(rows: &[Row], closing: Option<u32>) -> Vec<Keep> {
    let mut all = rows.to_vec();
    if let Some(lines) = closing {
        if let Some(last) = all.last_mut() {
            last.heading = true;
        }
        all.push(Row::new(lines));
    }
    let mut out = vec![Keep::default(); all.len()];
    let alone = |r: &Row| r.breakable || r.lines > MAX_LINES;
    let mut i = 0;
    while i < all.len() {
        if alone(&all[i]) {
            out[i] = Keep {
                rows: 1,
                breakable: true,
            };
            i += 1;
            continue;
        }
        let mut total = all[i].lines;
        // Lines from the group's first row that its group cells need.
        let mut need = all[i].spans;
        let mut j = i + 1;
        while j < all.len() && (all[j - 1].heading || total < need) {
            let next = &all[j];
            if alone(next) || total + next.lines > MAX_LINES {
                break;
            }
            need = need.max(total + next.spans);
            total += next.lines;
            j += 1;
        }
        out[i] = Keep {
            rows: (j - i) as u32,
            breakable: false,
        };
        i = j;
    }
    if closing.is_some() {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(keep: &[Keep]) -> Vec<u32> {
        keep.iter().map(|k| k.rows).collect()
    }

    #[test]
    fn estimates_lines_pessimistically() {
        assert_eq!(lines(""), 1);
        assert_eq!(lines("Menyusun SK"), 1);
        assert_eq!(lines(&"a".repeat(17)), 2);
        assert_eq!(lines("satu\ndua\n"), 3);
        assert_eq!(lines(&"kata ".repeat(400)), 125);
        assert_eq!(lines_of(["satu", "dua"]), 2);
    }

    #[test]
    fn a_heading_stays_with_the_row_under_it() {
        let r = [Row::new(2), Row::heading(3), Row::new(2), Row::new(2)];
        assert_eq!(rows(&keep(&r, None)), [1, 2, 0, 1]);
        // Two headings in a row stay with the first row after them.
        let r = [Row::heading(2), Row::heading(2), Row::new(2), Row::new(2)];
        assert_eq!(rows(&keep(&r, None)), [3, 0, 0, 1]);
    }

    #[test]
    fn the_signature_stays_with_the_last_row() {
        let r = [Row::new(2), Row::new(2), Row::new(2)];
        assert_eq!(rows(&keep(&r, Some(SIGNATURE_LINES))), [1, 1, 2]);
        // A heading as the last row goes with the row before the signature too.
        let r = [Row::new(2), Row::heading(2), Row::new(2)];
        assert_eq!(rows(&keep(&r, Some(SIGNATURE_LINES))), [1, 3, 0]);
    }

    #[test]
    fn a_group_cell_keeps_the_rows_it_needs() {
        let r = [
            Row {
                spans: 5,
                ..Row::new(2)
            },
            Row::new(2),
            Row::new(2),
            Row::new(2),
        ];
        assert_eq!(rows(&keep(&r, None)), [3, 0, 0, 1]);
    }

    #[test]
    fn a_row_taller_than_a_page_breaks_and_no_group_outgrows_a_page() {
        let long = Row::new(MAX_LINES + 1);
        let k = keep(&[Row::heading(2), long, Row::new(2)], Some(SIGNATURE_LINES));
        assert_eq!(
            k,
            [
                Keep {
                    rows: 1,
                    breakable: false
                },
                Keep {
                    rows: 1,
                    breakable: true
                },
                Keep {
                    rows: 2,
                    breakable: false
                },
            ]
        );
        // Headings with no end: the group is cut before it outgrows a page.
        let r = vec![Row::heading(10); 8];
        let k = keep(&r, None);
        assert_eq!(rows(&k), [3, 0, 0, 3, 0, 0, 2, 0]);
        assert!(k.iter().all(|k| !k.breakable));
        let forced = Row {
            breakable: true,
            ..Row::new(1)
        };
        assert!(keep(&[forced], None)[0].breakable);
    }
}

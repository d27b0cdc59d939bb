//! What the app's import dialog shows of a source ([`ImportView`]): the sheets to pick from,
//! the chosen sheet's columns (letter and header words, for the column pickers) and the
//! preview under the mapping. The source itself stays with the caller (the `Session`).

use serde::Serialize;
use ts_rs::TS;

use super::header::{Bulan, Mapping};
use super::preview::Preview;
use super::{Sheet, Source, build, checked_mapping, choose_sheet, sheet};
use crate::error::Result;

/// The most characters of header text a column's label shows.
const LABEL_CHARS: usize = 40;

/// One look at a source under a mapping.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportView {
    /// The file name, or "tabel tempelan".
    pub nama: String,
    /// Every sheet's name, in workbook order.
    pub sheets: Vec<String>,
    /// The chosen sheet's columns: `"C · Kegiatan"`, its letter and its header words.
    pub columns: Vec<String>,
    /// The months as the sheet's header shows them (what the guess found), offered again in
    /// the "Bulan" picker after the user chose something else.
    pub guessed_bulan: Bulan,
    pub preview: Preview,
}

/// The view of `source`: the sheet named `sheet_name` (or the first one whose header is
/// recognised), under `mapping` (or the guessed one).
pub fn view(
    source: &Source,
    sheet_name: Option<&str>,
    mapping: Option<Mapping>,
) -> Result<ImportView> {
    let (chosen, guessed) = match sheet_name {
        Some(name) => {
            let s = sheet(source, name)?;
            (s, checked_mapping(&source.nama, s))
        }
        None => {
            let (s, m) = choose_sheet(source)?;
            (s, Ok(m))
        }
    };
    let guessed_bulan = guessed
        .as_ref()
        .map_or(Bulan::None, |m: &Mapping| m.bulan.clone());
    let mapping = match mapping {
        Some(m) => m,
        None => guessed?,
    };
    let preview = build(chosen, &mapping)?;
    Ok(ImportView {
        nama: source.nama.clone(),
        sheets: source.sheets.iter().map(|s| s.nama.clone()).collect(),
        columns: column_labels(chosen, &mapping),
        guessed_bulan,
        preview,
    })
}

/// The spreadsheet letter of 0-based column `col`: A, …, Z, AA, AB, ….
pub fn column_letter(col: u32) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Each column's letter with the words of its header rows ("F · Bulan 1").
fn column_labels(sheet: &Sheet, mapping: &Mapping) -> Vec<String> {
    let first = mapping.header_row.max(1) as usize - 1;
    let rows = first..first + mapping.header_rows.max(1) as usize;
    (0..sheet.width())
        .map(|col| {
            let mut words: Vec<String> = rows
                .clone()
                .map(|row| header_text(sheet, row, col))
                .filter(|t| !t.is_empty())
                .collect();
            // A header merged down over both rows names the column once.
            words.dedup();
            let mut words = words.join(" ");
            if words.chars().count() > LABEL_CHARS {
                words = words.chars().take(LABEL_CHARS - 1).collect::<String>() + "…";
            }
            let letter = column_letter(col as u32);
            if words.is_empty() {
                letter
            } else {
                format!("{letter} · {words}")
            }
        })
        .collect()
}

/// The header text at `row`, `col`: the cell's own, or that of the merged range covering it
/// (a "Bulan" merged over twelve columns names each of them).
fn header_text(sheet: &Sheet, row: usize, col: usize) -> String {
    let own = sheet.text(row, col);
    let text = if own.is_empty() {
        sheet
            .merges
            .iter()
            .find(|m| m.contains(row as u32, col as u32))
            .map_or("", |m| {
                sheet.text(m.first_row as usize, m.first_col as usize)
            })
    } else {
        own
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}

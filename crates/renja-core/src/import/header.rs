//! The [`Mapping`] of a sheet (which row is the header, which column is which level, where
//! the months are) and its guess from the header words and the sheet's shape.
//!
//! Header words come in any case and spelling: `Uraian Kegiatan`, `Tahapan Kerja`, `Rencana
//! Aksi`, `Kriteria Keberhasilan`, `PJ`, `Penanggung Jawab`, `Unit Pelaksana`, `Target
//! Waktu`, `Jadwal`… The header may be two rows (`Bulan` over 1–12, `Target` over TW I–IV),
//! with title and blank rows above it. The guess reads the first 60 rows and takes the row
//! whose words name the most of our fields.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Sheet;
use super::bulan::month_word;

/// Which column holds what. Columns are 0-based (A = 0); `None` is "tidak ada": the sheet
/// lacks that level, and each parent gets one node for it (see `build`).
///
/// Outcome and output may name the same column, as in the Rencana Aksi report
/// ("Outcome/Output"): a row with text only there (no tahapan, months, kriteria or
/// penanggung jawab) is an outcome, other rows' text is their output. The same holds for
/// any two levels that share a column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Mapping {
    /// The 1-based sheet row of the (first) header row.
    pub header_row: u32,
    /// 1 or 2: a second header row holds the month numbers under "Bulan", or quarters.
    pub header_rows: u32,
    pub program: Option<u32>,
    pub outcome: Option<u32>,
    pub kegiatan: Option<u32>,
    pub output: Option<u32>,
    pub tahapan: u32,
    pub kriteria: Option<u32>,
    pub penanggung_jawab: Option<u32>,
    pub bulan: Bulan,
    /// Remove numbering such as `1.`, `a.`, `1)`, `II.` from the start of names.
    pub hapus_penomoran: bool,
}

impl Mapping {
    /// The 0-based index of the first data row.
    pub fn first_data_row(&self) -> usize {
        (self.header_row.max(1) + self.header_rows.max(1) - 1) as usize
    }
}

/// Where a tahapan's months are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Bulan {
    /// Twelve columns, Januari to Desember: a mark or a fill schedules the month.
    Columns { columns: Vec<u32> },
    /// One column of text such as `Jan-Mar` or `TW II`.
    Text { column: u32 },
    /// Four quarterly target columns, TW I to TW IV: a target above zero schedules the
    /// quarter's three months.
    Quarters { columns: Vec<u32> },
    /// No months in the sheet: every tahapan is imported unscheduled.
    None,
}

/// Our fields, in the order a header column is tested against them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    No,
    Kriteria,
    PenanggungJawab,
    OutcomeOutput,
    /// "Program/Kegiatan": programs on heading rows, kegiatan on tahapan rows.
    ProgramKegiatan,
    Outcome,
    Output,
    Tahapan,
    /// "Rencana Aksi", "Uraian": the tahapan when no column says "tahapan".
    TahapanWeak,
    Kegiatan,
    Program,
    Jadwal,
}

/// Lowercase words of `text`, punctuation removed: "Penanggung-Jawab\n(PJ)" → "penanggung
/// jawab pj".
pub(crate) fn words(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn has_word(h: &str, w: &str) -> bool {
    h.split(' ').any(|x| x == w)
}

fn field(text: &str) -> Option<Field> {
    let h = words(text);
    // A header is a few words; a long cell is data or a title.
    if h.is_empty() || h.len() > 60 {
        return None;
    }
    let any = |ws: &[&str]| ws.iter().any(|w| h.contains(w));
    Some(
        if h == "no" || h == "nomor" || h == "no urut" || h == "nomor urut" {
            Field::No
        } else if any(&["kriteria", "indikator", "ukuran keberhasilan", "tolok ukur"]) {
            Field::Kriteria
        } else if any(&["jadwal", "waktu"]) {
            Field::Jadwal
        } else if any(&[
            "penanggung",
            "pelaksana",
            "unit kerja",
            "pokja",
            "koordinator",
        ]) || has_word(&h, "pj")
            || has_word(&h, "pic")
        {
            Field::PenanggungJawab
        } else if h.contains("outcome") && (h.contains("output") || h.contains("keluaran")) {
            Field::OutcomeOutput
        } else if h.contains("program") && h.contains("kegiatan") {
            Field::ProgramKegiatan
        } else if h.contains("outcome") {
            Field::Outcome
        } else if any(&["output", "keluaran"]) {
            Field::Output
        } else if any(&["tahap", "langkah", "rincian kegiatan", "sub kegiatan"]) {
            Field::Tahapan
        } else if h.contains("kegiatan") {
            Field::Kegiatan
        } else if any(&["rencana aksi", "uraian"]) || h == "aksi" {
            Field::TahapanWeak
        } else if any(&["program", "area perubahan", "area", "komponen"]) {
            Field::Program
        } else if any(&[
            "jadwal", "waktu", "bulan", "periode", "timeline", "tenggat", "target",
        ]) {
            Field::Jadwal
        } else {
            return None;
        },
    )
}

/// The month a header cell names (`Jan`, `1`, `Januari 2023`, a date), if any.
fn month_header(text: &str) -> Option<u8> {
    let t = text.trim();
    if let Ok(n) = t.parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    // A date cell shown as dd/mm/yyyy: its month.
    let parts: Vec<&str> = t.split('/').collect();
    if parts.len() == 3 && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return parts[1].parse().ok().filter(|m| (1..=12).contains(m));
    }
    let w = words(t);
    let mut it = w.split(' ');
    let first = it.next()?;
    let m = month_word(first)?;
    // "Januari", "Jan 2023"; not a sentence that starts with a month.
    it.all(|rest| rest.len() == 4 && rest.chars().all(|c| c.is_ascii_digit()))
        .then_some(m)
}

/// The quarter a header cell names (`TW I`, `Triwulan 2`, `Q3`), if any.
fn quarter_header(text: &str) -> Option<u8> {
    let w = words(text);
    let (unit, n) = match w.split_once(' ') {
        Some((u, n)) => (u.to_owned(), n.to_owned()),
        None => {
            let i = w.find(|c: char| c.is_ascii_digit())?;
            (w[..i].to_owned(), w[i..].to_owned())
        }
    };
    if !matches!(unit.as_str(), "tw" | "triwulan" | "q" | "trw" | "kuartal") {
        return None;
    }
    let n = match n.as_str() {
        "1" | "i" => 1,
        "2" | "ii" => 2,
        "3" | "iii" => 3,
        "4" | "iv" => 4,
        _ => return None,
    };
    Some(n)
}

/// Columns whose cells in `row` name months 1..=12 in order, once each.
fn month_columns(sheet: &Sheet, row: usize) -> Option<Vec<u32>> {
    let cells = sheet.rows.get(row)?;
    let mut found: Vec<(u8, u32)> = Vec::new();
    for (c, cell) in cells.iter().enumerate() {
        let t = cell.text.trim();
        if t.is_empty() {
            continue;
        }
        match month_header(t) {
            Some(m) => found.push((m, c as u32)),
            // A column-number row (1, 2, … 20) is not a month row.
            None if t.parse::<u32>().is_ok() => return None,
            None => {}
        }
    }
    let months: Vec<u8> = found.iter().map(|(m, _)| *m).collect();
    (months == (1..=12).collect::<Vec<u8>>()).then(|| found.iter().map(|(_, c)| *c).collect())
}

fn quarter_columns(sheet: &Sheet, row: usize) -> Option<Vec<u32>> {
    let cells = sheet.rows.get(row)?;
    let found: Vec<(u8, u32)> = cells
        .iter()
        .enumerate()
        .filter_map(|(c, cell)| quarter_header(&cell.text).map(|q| (q, c as u32)))
        .collect();
    let quarters: Vec<u8> = found.iter().map(|(q, _)| *q).collect();
    (quarters == [1, 2, 3, 4]).then(|| found.iter().map(|(_, c)| *c).collect())
}

/// Whether `(row, col)` is covered by a merge that starts above it (a two-row title).
fn covered_from_above(sheet: &Sheet, row: usize, col: usize) -> bool {
    sheet
        .merges
        .iter()
        .any(|m| m.contains(row as u32, col as u32) && (m.first_row as usize) < row)
}

struct Candidate {
    mapping: Mapping,
    score: u32,
}

fn candidate(sheet: &Sheet, r: usize) -> Option<Candidate> {
    let width = sheet.width();
    // A header row names at least one of our fields itself.
    if !(0..width).any(|c| field(sheet.text(r, c)).is_some_and(|f| f != Field::No)) {
        return None;
    }
    let mut fields: Vec<(u32, Field)> = Vec::new();
    let mut second_row_used = false;
    for c in 0..width {
        let own = sheet.text(r, c);
        let f = field(own).or_else(|| {
            // A title only in the second header row, under an empty or merged first row.
            if own.is_empty() && !covered_from_above(sheet, r + 1, c) {
                let below = field(sheet.text(r + 1, c));
                second_row_used |= below.is_some();
                below
            } else {
                None
            }
        });
        if let Some(f) = f {
            fields.push((c as u32, f));
        }
    }
    let first = |f: Field| fields.iter().find(|(_, g)| *g == f).map(|(c, _)| *c);
    let combined = first(Field::OutcomeOutput);
    let both = first(Field::ProgramKegiatan);
    let mut program = first(Field::Program).or(both);
    let outcome = first(Field::Outcome).or(combined);
    let mut kegiatan = first(Field::Kegiatan).or(both);
    let mut output = first(Field::Output).or(combined);
    let kriteria = first(Field::Kriteria);
    let penanggung_jawab = first(Field::PenanggungJawab);
    let tahapan = match first(Field::Tahapan).or(first(Field::TahapanWeak)) {
        Some(t) => t,
        // No column says "tahapan": the lowest level the sheet has holds the steps.
        None => {
            if let Some(o) = output.filter(|o| Some(*o) != outcome) {
                output = None;
                o
            } else if let Some(k) = kegiatan.filter(|k| Some(*k) != program) {
                kegiatan = None;
                k
            } else {
                let p = program?;
                program = None;
                p
            }
        }
    };
    // Months: twelve columns in this row or the next, four quarters, or one text column.
    let (bulan, months_below) = if let Some(cols) = month_columns(sheet, r) {
        (Bulan::Columns { columns: cols }, false)
    } else if let Some(cols) = month_columns(sheet, r + 1) {
        (Bulan::Columns { columns: cols }, true)
    } else if let Some(cols) = quarter_columns(sheet, r) {
        (Bulan::Quarters { columns: cols }, false)
    } else if let Some(cols) = quarter_columns(sheet, r + 1) {
        (Bulan::Quarters { columns: cols }, true)
    } else if let Some(c) = first(Field::Jadwal) {
        (Bulan::Text { column: c }, false)
    } else {
        (Bulan::None, false)
    };
    let levels = [program, outcome, kegiatan, output, Some(tahapan)]
        .iter()
        .flatten()
        .count() as u32;
    let score = levels
        + u32::from(kriteria.is_some())
        + u32::from(penanggung_jawab.is_some())
        + if matches!(bulan, Bulan::None) { 0 } else { 2 };
    Some(Candidate {
        mapping: Mapping {
            header_row: r as u32 + 1,
            header_rows: if months_below || second_row_used {
                2
            } else {
                1
            },
            program,
            outcome,
            kegiatan,
            output,
            tahapan,
            kriteria,
            penanggung_jawab,
            bulan,
            hapus_penomoran: false,
        },
        score,
    })
}

/// Guess the mapping of `sheet`: the header among its first 60 rows that names the most of
/// our fields (at least a tahapan column and two more things: a level, kriteria, penanggung
/// jawab or months). `None` when no row looks like a header.
pub fn guess_mapping(sheet: &Sheet) -> Option<Mapping> {
    let mut best: Option<Candidate> = None;
    for r in 0..sheet.rows.len().min(60) {
        let Some(c) = candidate(sheet, r) else {
            continue;
        };
        if c.score >= 3 && best.as_ref().is_none_or(|b| c.score > b.score) {
            best = Some(c);
        }
    }
    best.map(|c| c.mapping)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Cell;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            nama: "S".into(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|t| Cell::text(*t)).collect())
                .collect(),
            ..Sheet::default()
        }
    }

    #[test]
    fn header_words_in_any_spelling() {
        let s = sheet(&[
            &["RENCANA AKSI RB TAHUN 2024"],
            &[],
            &[
                "NO",
                "Area Perubahan",
                "Uraian Kegiatan",
                "Rencana Aksi",
                "Target Waktu",
                "Unit Pelaksana",
            ],
            &[
                "1",
                "Manajemen Perubahan",
                "Sosialisasi",
                "Rapat",
                "Jan-Mar",
                "Sekretariat",
            ],
        ]);
        let m = guess_mapping(&s).expect("a header");
        assert_eq!(m.header_row, 3);
        assert_eq!(m.header_rows, 1);
        assert_eq!(
            (m.program, m.kegiatan, m.tahapan, m.penanggung_jawab),
            (Some(1), Some(2), 3, Some(5))
        );
        assert_eq!(m.bulan, Bulan::Text { column: 4 });
        assert_eq!((m.outcome, m.output, m.kriteria), (None, None, None));
    }

    #[test]
    fn bulan_over_twelve_numbers() {
        let mut second: Vec<&str> = vec!["", "", ""];
        let numbers: Vec<String> = (1..=12).map(|m| m.to_string()).collect();
        second.extend(numbers.iter().map(String::as_str));
        let s = sheet(&[
            &[
                "No",
                "Kegiatan",
                "Tahapan Kerja",
                "Bulan",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "PJ",
            ],
            &second,
        ]);
        let m = guess_mapping(&s).expect("a header");
        assert_eq!(m.header_rows, 2);
        assert_eq!(m.first_data_row(), 2);
        assert_eq!(
            m.bulan,
            Bulan::Columns {
                columns: (3..15).collect()
            }
        );
    }

    #[test]
    fn program_and_kegiatan_in_one_column() {
        let s = sheet(&[&["No", "Program/Kegiatan", "Tahapan", "Waktu", "PJ"]]);
        let m = guess_mapping(&s).expect("a header");
        assert_eq!((m.program, m.kegiatan, m.tahapan), (Some(1), Some(1), 2));
        assert_eq!(m.bulan, Bulan::Text { column: 3 });
    }

    #[test]
    fn no_header_no_guess() {
        let s = sheet(&[&["apa", "ini"], &["1", "2"]]);
        assert_eq!(guess_mapping(&s), None);
    }
}

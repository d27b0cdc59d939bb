//! From a sheet and a [`Mapping`] to the tree that would be imported ([`Preview`]).
//! Nothing is written here.
//!
//! How rows become the tree:
//! - A row with a tahapan (uraian, kriteria, penanggung jawab or months) is a **data row**;
//!   a row with text only in level columns is a **heading row** (a program or outcome on a
//!   row of its own); blank rows are passed over; any other row is listed as skipped.
//! - **Groups.** A level's cell that is merged over several rows belongs to one node; text
//!   only on the first row of a group is filled down; the same text repeated on
//!   neighbouring rows is one node. A new node at a level starts new nodes below it, so an
//!   empty cell under a new parent does not continue the previous parent's child.
//! - **Missing levels.** A level the sheet does not have ("tidak ada"), or an empty cell
//!   under a new parent, gets one node per parent named like its parent: a sheet of
//!   program, kegiatan and tahapan gets, under program "Penguatan Akuntabilitas", the
//!   outcome "Penguatan Akuntabilitas", and under kegiatan "Menyusun Renja", the output
//!   "Menyusun Renja". Reports and the grid so show a real name, never an empty-looking
//!   row, and the node is marked [`GroupNode::generated`] for the preview. A sheet with no
//!   program column puts everything under one program, [`DEFAULT_PROGRAM`].
//! - **The end of the table.** After a blank row, a row with no tahapan and no level text
//!   (a footnote, the signature block) ends the table, as does a row starting with
//!   "Keterangan", "Catatan", "Sumber" or "*": the rest is listed as one skipped range.
//! - **Months.** Twelve columns: any mark but `0`/`-`, or a fill that differs from the fill
//!   of the row's tahapan cell (a heading row shaded across is not a schedule). A date in a
//!   month cell is refused for the row: Excel turns a typed `1-3` into 1 March, so a date
//!   there is a guess we do not make.

use std::collections::HashMap;

use super::bulan::{marked, parse_bulan, quarter_target};
use super::header::{Bulan, Mapping};
use super::names::{strip_numbering, tidy};
use super::preview::{ImportTree, Preview, TahapanRow, count};
use super::tree::{Builder, Input};
use super::{CellKind, MAX_COLUMNS, Sheet};
use crate::error::{Error, Result};
use crate::limits;

const LEVELS: [&str; 4] = ["program", "outcome", "kegiatan", "output"];
const LEVEL_LABELS: [&str; 4] = [
    "Nama program",
    "Nama outcome",
    "Nama kegiatan",
    "Nama output",
];

fn invalid(reason: impl Into<String>) -> Error {
    Error::invalid("mapping", reason)
}

fn check(sheet: &Sheet, m: &Mapping) -> Result<()> {
    if let Some(why) = &sheet.refused {
        return Err(invalid(why.clone()));
    }
    if m.header_row == 0 || !(1..=2).contains(&m.header_rows) {
        return Err(invalid(
            "Baris judul kolom harus baris ke-1 atau sesudahnya.",
        ));
    }
    let mut columns: Vec<u32> = [m.program, m.outcome, m.kegiatan, m.output]
        .into_iter()
        .flatten()
        .chain([m.tahapan])
        .chain(m.kriteria)
        .chain(m.penanggung_jawab)
        .collect();
    match &m.bulan {
        Bulan::Columns { columns: c } if c.len() != 12 => {
            return Err(invalid(
                "Pilih dua belas kolom bulan, Januari sampai Desember.",
            ));
        }
        Bulan::Quarters { columns: c } if c.len() != 4 => {
            return Err(invalid("Pilih empat kolom triwulan, TW I sampai TW IV."));
        }
        Bulan::Columns { columns: c } | Bulan::Quarters { columns: c } => {
            columns.extend(c.iter().copied());
        }
        Bulan::Text { column } => columns.push(*column),
        Bulan::None => {}
    }
    if columns.iter().any(|c| *c >= MAX_COLUMNS) {
        return Err(invalid("Kolom yang dipilih berada di luar tabel."));
    }
    let levels = [m.program, m.outcome, m.kegiatan, m.output];
    for (i, a) in levels.iter().enumerate() {
        let Some(a) = a else { continue };
        let sharing = levels.iter().filter(|b| **b == Some(*a)).count();
        if sharing > 2 {
            return Err(invalid(format!(
                "Paling banyak dua tingkat boleh memakai kolom yang sama ({} dan lainnya).",
                LEVELS[i]
            )));
        }
        if *a == m.tahapan {
            return Err(invalid(format!(
                "Kolom tahapan tidak boleh sama dengan kolom {}.",
                LEVELS[i]
            )));
        }
    }
    Ok(())
}

/// Per mapped column, the merged range each row's cell belongs to (only the range's first
/// column carries its value down). Each cell is claimed once, so overlapping hostile merges
/// cost no more than the rows.
fn vertical_merges(
    sheet: &Sheet,
    columns: &[u32],
    rows: usize,
) -> HashMap<u32, Vec<Option<usize>>> {
    let mut out: HashMap<u32, Vec<Option<usize>>> =
        columns.iter().map(|c| (*c, vec![None; rows])).collect();
    for (i, m) in sheet.merges.iter().enumerate() {
        // A merge within one row (a heading across columns) groups nothing.
        if m.first_row == m.last_row {
            continue;
        }
        let Some(col) = out.get_mut(&m.first_col) else {
            continue;
        };
        let last = (m.last_row as usize).min(rows.saturating_sub(1));
        for slot in col.iter_mut().take(last + 1).skip(m.first_row as usize) {
            if slot.is_some() {
                break;
            }
            *slot = Some(i);
        }
    }
    out
}

/// The months of a data row: a mask, or the reason they cannot be read.
fn months(
    sheet: &Sheet,
    m: &Mapping,
    r: usize,
    month_merges: &HashMap<(usize, u32), usize>,
) -> std::result::Result<u16, String> {
    let date = |c: u32| {
        sheet
            .cell(r, c as usize)
            .is_some_and(|cell| cell.kind == CellKind::Date)
    };
    match &m.bulan {
        Bulan::None => Ok(0),
        Bulan::Columns { columns } => {
            let base_fill = sheet
                .cell(r, m.tahapan as usize)
                .and_then(|c| c.fill.clone());
            let mut mask = 0u16;
            for (i, c) in columns.iter().enumerate() {
                // A merged range inside the month columns ("x" over Jan–Mar) marks each.
                let (rr, cc) = match month_merges.get(&(r, *c)) {
                    Some(k) => (
                        sheet.merges[*k].first_row as usize,
                        sheet.merges[*k].first_col,
                    ),
                    None => (r, *c),
                };
                let Some(cell) = sheet.cell(rr, cc as usize) else {
                    continue;
                };
                if cell.kind == CellKind::Date {
                    return Err(format!(
                        "Sel bulan ke-{} berisi tanggal ({}), bukan tanda jadwal; ganti dengan \
                         tanda seperti x",
                        i + 1,
                        cell.text
                    ));
                }
                if cell.kind == CellKind::Error {
                    return Err(format!(
                        "Sel bulan ke-{} berisi galat rumus ({})",
                        i + 1,
                        cell.text
                    ));
                }
                let own_fill = sheet.cell(r, *c as usize).and_then(|c| c.fill.clone());
                let shaded = own_fill.is_some() && own_fill != base_fill;
                if marked(&cell.text, shaded) {
                    mask |= 1 << i;
                }
            }
            Ok(mask)
        }
        Bulan::Quarters { columns } => {
            let mut mask = 0u16;
            for (q, c) in columns.iter().enumerate() {
                if date(*c) {
                    return Err(format!("Target TW {} berisi tanggal", q + 1));
                }
                if quarter_target(sheet.text(r, *c as usize)) {
                    mask |= 0b111 << (q * 3);
                }
            }
            Ok(mask)
        }
        Bulan::Text { column } => {
            let text = sheet.text(r, *column as usize);
            if date(*column) {
                return Err(format!(
                    "Jadwal berisi tanggal ({text}); Excel mengubah isian seperti 1-3 menjadi \
                     tanggal. Tulis bulannya, misalnya Jan-Mar"
                ));
            }
            parse_bulan(text).ok_or_else(|| format!("Jadwal \"{}\" tidak dikenali", tidy(text)))
        }
    }
}

fn mask_months(mask: u16) -> Vec<u8> {
    (1..=12u8).filter(|m| mask & (1 << (m - 1)) != 0).collect()
}

/// A row of column numbers under the header: "1 2 3 … 19" or "(1) (2) …".
fn column_numbers(sheet: &Sheet, r: usize) -> bool {
    let Some(row) = sheet.rows.get(r) else {
        return false;
    };
    let numbers: Vec<u32> = row
        .iter()
        .map(|c| c.text.trim().trim_start_matches('(').trim_end_matches(')'))
        .filter(|t| !t.is_empty())
        .map(|t| t.parse::<u32>().unwrap_or(0))
        .collect();
    numbers.len() >= 4 && numbers.windows(2).all(|w| w[1] == w[0] + 1) && numbers[0] <= 1
}

fn is_footnote(first_text: &str) -> bool {
    let t = first_text.trim_start().to_lowercase();
    [
        "keterangan",
        "ket.",
        "ket :",
        "ket:",
        "catatan",
        "sumber",
        "*",
    ]
    .iter()
    .any(|w| t.starts_with(w))
}

/// The year in title rows: "TAHUN 2024", or a lone 20xx.
fn title_year(sheet: &Sheet, before: usize) -> Option<i32> {
    for row in sheet.rows.iter().take(before) {
        for cell in row {
            let w = super::header::words(&cell.text);
            let ws: Vec<&str> = w.split(' ').collect();
            for (i, x) in ws.iter().enumerate() {
                if x.len() == 4
                    && let Ok(y) = x.parse::<i32>()
                    && (2000..=2100).contains(&y)
                    && (i == 0 || ws[i - 1] == "tahun" || ws.len() <= 3 || i + 1 == ws.len())
                {
                    return Some(y);
                }
            }
        }
    }
    None
}

/// Build the preview of `sheet` under `mapping`. Fails only for a mapping that cannot apply
/// (a column out of range, eleven month columns, a refused sheet); unreadable rows are
/// listed in [`Preview::skipped`].
pub fn build(sheet: &Sheet, mapping: &Mapping) -> Result<Preview> {
    check(sheet, mapping)?;
    let m = mapping;
    let levels = [m.program, m.outcome, m.kegiatan, m.output];
    let rows = sheet.rows.len();
    let mut text_columns: Vec<u32> = levels.iter().flatten().copied().collect();
    text_columns.extend(m.kriteria);
    text_columns.extend(m.penanggung_jawab);
    let vmerges = vertical_merges(sheet, &text_columns, rows);
    let mut month_merges: HashMap<(usize, u32), usize> = HashMap::new();
    if let Bulan::Columns { columns } = &m.bulan {
        let (lo, hi) = (
            columns.iter().min().copied().unwrap_or(0),
            columns.iter().max().copied().unwrap_or(0),
        );
        for (k, g) in sheet.merges.iter().enumerate() {
            if g.first_col >= lo && g.last_col <= hi && g.first_row == g.last_row {
                for c in g.first_col..=g.last_col {
                    if month_merges.len() < 12 * rows {
                        month_merges.entry((g.first_row as usize, c)).or_insert(k);
                    }
                }
            }
        }
    }
    let mut b = Builder {
        tree: ImportTree::default(),
        current: [None, None, None, None],
        skipped: Vec::new(),
    };
    let clean_name = |text: &str| -> String {
        let t = tidy(text);
        if m.hapus_penomoran {
            strip_numbering(&t).to_owned()
        } else {
            t
        }
    };
    // The text a merged-or-own cell gives, with its merge.
    let cell_text = |r: usize, c: u32| -> (String, Option<usize>, bool) {
        let own = sheet.text(r, c as usize);
        match vmerges.get(&c).and_then(|v| v[r]) {
            Some(k) => {
                let g = sheet.merges[k];
                (
                    tidy(sheet.text(g.first_row as usize, g.first_col as usize)),
                    Some(k),
                    g.first_row as usize == r && !own.is_empty(),
                )
            }
            None => (tidy(own), None, !own.is_empty()),
        }
    };
    let mut seen_data = false;
    let mut previous_blank = false;
    let first = m.first_data_row();
    let mut r = first;
    while r < rows {
        let row_cells = &sheet.rows[r];
        let blank = row_cells.iter().all(|c| c.is_empty());
        if blank {
            previous_blank = true;
            r += 1;
            continue;
        }
        if r == first && column_numbers(sheet, r) {
            b.skip(r, "Baris nomor kolom di bawah judul tabel");
            r += 1;
            continue;
        }
        let tahapan_text = sheet.text(r, m.tahapan as usize);
        let (kriteria, _, kriteria_own) = m
            .kriteria
            .map_or((String::new(), None, false), |c| cell_text(r, c));
        let (pj, _, pj_own) = m
            .penanggung_jawab
            .map_or((String::new(), None, false), |c| cell_text(r, c));
        let month_result = months(sheet, m, r, &month_merges);
        let has_months = !matches!(month_result, Ok(0));
        // Level texts: own text, and whether the row has any of its own.
        let texts: Vec<Option<(String, Option<usize>, bool)>> =
            levels.iter().map(|c| c.map(|c| cell_text(r, c))).collect();
        let own_level_text = texts
            .iter()
            .flatten()
            .any(|(t, _, own)| *own && !t.is_empty());
        let data = !tahapan_text.is_empty() || kriteria_own || pj_own || has_months;
        let first_text = row_cells
            .iter()
            .map(|c| c.text.trim())
            .find(|t| !t.is_empty())
            .unwrap_or("");
        let ends = seen_data
            && ((previous_blank && tahapan_text.is_empty() && !own_level_text)
                || (is_footnote(first_text) && tahapan_text.is_empty()));
        if ends {
            let last = rows;
            let reason = if last > r + 1 {
                format!(
                    "Baris {}–{} di bawah tabel (catatan atau tanda tangan) tidak diimpor",
                    r + 1,
                    last
                )
            } else {
                format!(
                    "Baris {} di bawah tabel (catatan atau tanda tangan) tidak diimpor",
                    r + 1
                )
            };
            b.skip(r, reason);
            break;
        }
        previous_blank = false;
        if !data && !own_level_text {
            b.skip(r, "Tidak ada uraian di kolom yang dipetakan");
            r += 1;
            continue;
        }
        // Level inputs: a column two levels share is the upper level's on heading rows and
        // the lower level's on data rows.
        let mut inputs: [Input; 4] = [Input::Absent, Input::Absent, Input::Absent, Input::Absent];
        let mut too_long = None;
        for (level, col) in levels.iter().enumerate() {
            let Some(col) = col else { continue };
            let shared_below = levels[level + 1..].contains(&Some(*col));
            let shared_above = levels[..level].contains(&Some(*col));
            let reads = if shared_below {
                !data
            } else if shared_above {
                data
            } else {
                true
            };
            let (text, merge, _) = texts[level].clone().unwrap_or_default();
            let name = clean_name(&text);
            if reads && !name.is_empty() {
                if limits::text("nama", LEVEL_LABELS[level], &name, limits::MAX_NAMA).is_err() {
                    too_long.get_or_insert(level);
                }
                inputs[level] = Input::Text(name, merge);
            } else {
                inputs[level] = Input::Empty;
            }
        }
        if let Some(level) = too_long {
            b.skip(
                r,
                format!(
                    "{} lebih dari {} karakter",
                    LEVEL_LABELS[level],
                    limits::ribuan(limits::MAX_NAMA as u64)
                ),
            );
            r += 1;
            continue;
        }
        b.groups(&inputs, r as u32 + 1);
        if !data {
            r += 1;
            continue;
        }
        seen_data = true;
        let mask = match month_result {
            Ok(mask) => mask,
            Err(reason) => {
                b.skip(r, reason);
                r += 1;
                continue;
            }
        };
        let nama = clean_name(tahapan_text);
        if nama.is_empty() && kriteria.is_empty() && pj.is_empty() {
            b.skip(r, "Tahapan tanpa uraian (hanya jadwal bulan)");
            r += 1;
            continue;
        }
        let long = [
            ("Uraian tahapan", &nama, limits::MAX_NAMA),
            ("Kriteria keberhasilan", &kriteria, limits::MAX_KRITERIA),
            ("Penanggung jawab", &pj, limits::MAX_PENANGGUNG_JAWAB),
        ]
        .into_iter()
        .find(|(label, t, max)| limits::text("nama", label, t, *max).is_err());
        if let Some((label, _, max)) = long {
            b.skip(
                r,
                format!("{label} lebih dari {} karakter", limits::ribuan(max as u64)),
            );
            r += 1;
            continue;
        }
        b.tahapan(TahapanRow {
            nama,
            row: r as u32 + 1,
            bulan: mask_months(mask),
            kriteria,
            penanggung_jawab: pj,
        });
        r += 1;
    }
    let counts = count(&b.tree, b.skipped.len());
    Ok(Preview {
        sheet: sheet.nama.clone(),
        mapping: m.clone(),
        counts,
        tree: b.tree,
        skipped: b.skipped,
        tahun: title_year(sheet, m.header_row.saturating_sub(1) as usize),
    })
}

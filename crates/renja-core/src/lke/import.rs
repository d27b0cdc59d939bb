//! Reading a list of LKE butir from a table: a CSV (any encoding and separator the Rencana
//! Aksi import reads), an XLSX or an ODS with a header row naming the columns area, indikator
//! and butir (also "indicator" and "item", as in the seed's `lke_indicators.csv`). Files are
//! read by `crate::import` with its limits; this module only finds the columns and checks the
//! rows. A table with a bad row is refused whole, naming the row, and nothing is added.

use std::path::Path;

use super::{ButirInput, clean};
use crate::error::{Error, Result};
use crate::import::{self, Sheet};
use crate::limits::{self, MAX_BUTIR_LKE};

/// How many rows from the top the header may be in (a title above the table is common).
const HEADER_ROWS: usize = 10;

/// The column a header cell names, by its words.
fn column_of(header: &str) -> Option<usize> {
    let words = header.trim().to_lowercase();
    let words = words.trim_end_matches(':');
    match words {
        "area" | "area perubahan" | "komponen" => Some(0),
        "indikator" | "indicator" | "sub komponen" | "subkomponen" => Some(1),
        "butir" | "item" | "butir lke" | "butir penilaian" | "pertanyaan" => Some(2),
        _ => None,
    }
}

/// The header row and the columns of area, indikator and butir in `sheet`.
fn header(sheet: &Sheet) -> Option<(usize, [usize; 3])> {
    for r in 0..sheet.rows.len().min(HEADER_ROWS) {
        let mut found = [None; 3];
        for c in 0..sheet.rows[r].len() {
            if let Some(k) = column_of(sheet.text(r, c))
                && found[k].is_none()
            {
                found[k] = Some(c);
            }
        }
        if let [Some(a), Some(i), Some(b)] = found {
            return Some((r, [a, i, b]));
        }
    }
    None
}

fn refused(name: &str, why: impl std::fmt::Display) -> Error {
    Error::invalid(
        "berkas",
        format!("Butir LKE dari \"{name}\" tidak diimpor: {why} Tidak ada yang diubah."),
    )
}

/// The butir listed in the table at `path`, checked and in order.
pub fn read(path: &Path) -> Result<Vec<ButirInput>> {
    let source = import::read_file(path)?;
    let name = source.nama.clone();
    let Some((sheet, (head, [a, i, b]))) =
        source.sheets.iter().find_map(|s| header(s).map(|h| (s, h)))
    else {
        return Err(refused(
            &name,
            "baris judul dengan kolom \"area\", \"indikator\" dan \"butir\" tidak ditemukan.",
        ));
    };
    let mut out = Vec::new();
    for r in head + 1..sheet.rows.len() {
        let (area, indikator, butir) = (sheet.text(r, a), sheet.text(r, i), sheet.text(r, b));
        if area.is_empty() && indikator.is_empty() && butir.is_empty() {
            continue;
        }
        let input = ButirInput {
            area: area.to_owned(),
            indikator: indikator.to_owned(),
            butir: butir.to_owned(),
        };
        let row = clean(&input).map_err(|e| {
            let why = match e {
                Error::Invalid { reason, .. } => reason,
                other => other.to_string(),
            };
            refused(&name, format!("baris {}: {why}", r + 1))
        })?;
        out.push(row);
        if out.len() > MAX_BUTIR_LKE {
            return Err(refused(
                &name,
                format!(
                    "tabel memuat lebih dari {} butir.",
                    limits::ribuan(MAX_BUTIR_LKE as u64)
                ),
            ));
        }
    }
    if out.is_empty() {
        return Err(refused(&name, "tabel tidak memuat satu butir pun."));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_words_name_the_columns() {
        assert_eq!(column_of("Area"), Some(0));
        assert_eq!(column_of(" INDICATOR "), Some(1));
        assert_eq!(column_of("item"), Some(2));
        assert_eq!(column_of("Butir:"), Some(2));
        assert_eq!(column_of("item_no"), None);
    }
}

//! Delimited text: a `.csv` or `.txt` file, or a table pasted from Word or Excel.
//!
//! - Encoding: UTF-8 with or without a byte-order mark; UTF-16 with a mark (Excel's "Teks
//!   Unicode"); anything else that is not valid UTF-8 is Windows-1252, which Indonesian
//!   Excel writes for "CSV (dipisahkan koma)".
//! - Delimiter: tab, semicolon (Excel with Indonesian regional settings, where the comma is
//!   the decimal sign) or comma, whichever splits the first lines most consistently.
//!   Quoted cells may hold delimiters and line breaks.
//! - Random bytes are refused as "not text" (NUL or many control characters) instead of
//!   becoming a sheet of noise.

use super::{Cell, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, Sheet, problem, too_big};
use crate::error::{ImportProblem, Result};

/// Decode `bytes` to text (see the module docs).
fn decode(name: &str, bytes: &[u8]) -> Result<String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest).into_owned()
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        text.into_owned()
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                text.into_owned()
            }
        }
    };
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
        .count();
    if text.contains('\0') || control * 100 > text.chars().count().max(1) {
        return Err(problem(name, ImportProblem::NotText));
    }
    Ok(text)
}

/// The delimiter that splits the first lines into the most equal, largest number of cells.
fn delimiter(text: &str, prefer: Option<u8>) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let score = |d: char| -> (usize, usize) {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let with = counts.iter().filter(|c| **c > 0).count();
        let most = counts.iter().copied().max().unwrap_or(0);
        let same = counts.iter().filter(|c| **c == most).count();
        // Lines that split at all, then lines agreeing on the widest split.
        (with, same)
    };
    if let Some(p) = prefer
        && score(p as char).0 > 0
    {
        return p;
    }
    [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|d| score(*d as char))
        .unwrap_or(b',')
}

fn count_outside_quotes(line: &str, d: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|c| {
            if *c == '"' {
                quoted = !quoted;
            }
            !quoted && *c == d
        })
        .count()
}

/// Read delimited text as one sheet named after the file.
pub(super) fn read(name: &str, bytes: &[u8], prefer: Option<u8>) -> Result<Sheet> {
    let text = decode(name, bytes)?;
    let delim = delimiter(&text, prefer);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let limit = || {
        too_big(
            name,
            "Tabel ini",
            &format!(
                "{} baris dan {} kolom",
                crate::limits::ribuan(u64::from(MAX_ROWS)),
                MAX_COLUMNS
            ),
        )
    };
    let mut rows = Vec::new();
    let mut cells = 0u64;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(_) => return Err(problem(name, ImportProblem::NotText)),
        }
        let mut row: Vec<Cell> = record.iter().map(Cell::text).collect();
        while row.last().is_some_and(Cell::is_empty) {
            row.pop();
        }
        cells += row.len() as u64;
        if row.len() > MAX_COLUMNS as usize {
            return Err(limit());
        }
        rows.push(row);
        if rows.len() > MAX_ROWS as usize || cells > MAX_CELLS {
            return Err(limit());
        }
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    let stem = std::path::Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned());
    Ok(Sheet {
        nama: stem,
        rows,
        merges: Vec::new(),
        refused: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_win_over_decimal_commas() {
        let text = "No;Kegiatan;Target\n1;Rapat, koordinasi;2,5\n2;Sosialisasi;1\n";
        assert_eq!(delimiter(text, None), b';');
        let tsv = "a\tb\tc\n1\t2,3\t4\n";
        assert_eq!(delimiter(tsv, None), b'\t');
    }

    #[test]
    fn windows_1252_is_decoded() {
        let bytes = b"Kegiatan;Penanggung Jawab\nRapat \x93awal\x94;Pokja\n";
        let s = read("a.csv", bytes, None).expect("read");
        assert_eq!(s.rows[1][0].text, "Rapat \u{201c}awal\u{201d}");
    }

    #[test]
    fn random_bytes_are_not_text() {
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        let e = read("acak.csv", &bytes, None).expect_err("noise");
        assert!(e.message().contains("bukan tabel teks"), "{}", e.message());
    }
}

//! An `.xlsx` workbook: values (a formula's cached value) and merged ranges through
//! `calamine`, fills through [`styles`](super::styles). Sheets are scanned for their size
//! first; a sheet past a limit is listed with [`Sheet::refused`] and never handed to
//! `calamine`.

use calamine::{Data, Reader, Xlsx};

use super::styles::{self, SheetScan};
use super::zip::Archive;
use super::{Cell, CellKind, Merge, Sheet, problem, refused_sheet};
use crate::error::{ImportProblem, Result};

pub(super) fn read(name: &str, mut archive: Archive) -> Result<Vec<Sheet>> {
    let corrupt = || problem(name, ImportProblem::Corrupt);
    let workbook = archive.part("xl/workbook.xml")?.ok_or_else(corrupt)?;
    let rels = archive
        .part("xl/_rels/workbook.xml.rels")?
        .unwrap_or_default();
    let fills = archive
        .part("xl/styles.xml")?
        .map(|xml| styles::fills_by_style(&xml))
        .unwrap_or_default();
    let mut scans = Vec::new();
    for (sheet, path) in styles::sheet_paths(&workbook, &rels) {
        let scan = match archive.part(&path)? {
            Some(xml) => styles::scan_sheet(&xml, &fills),
            None => SheetScan::default(),
        };
        scans.push((sheet, scan));
    }
    let mut book: Xlsx<_> = Xlsx::new(archive.into_inner()).map_err(|_| corrupt())?;
    let mut sheets = Vec::new();
    for name_of_sheet in book.sheet_names() {
        let scan = scans
            .iter_mut()
            .find(|(n, _)| *n == name_of_sheet)
            .map(|(_, s)| std::mem::take(s))
            .unwrap_or_default();
        if scan.too_big {
            sheets.push(Sheet {
                refused: Some(refused_sheet(&name_of_sheet)),
                nama: name_of_sheet,
                ..Sheet::default()
            });
            continue;
        }
        // A chart sheet or a sheet calamine cannot read is shown empty rather than failing
        // the whole workbook: the table may well be on another sheet.
        let Ok(range) = book.worksheet_range(&name_of_sheet) else {
            sheets.push(Sheet {
                nama: name_of_sheet,
                ..Sheet::default()
            });
            continue;
        };
        let merges = book
            .merge_cells_by_sheet_name(&name_of_sheet)
            .unwrap_or_default()
            .into_iter()
            .filter(|d| d.start.0 < super::MAX_ROWS && d.start.1 < super::MAX_COLUMNS)
            .map(|d| Merge {
                first_row: d.start.0,
                first_col: d.start.1,
                last_row: d.end.0.min(super::MAX_ROWS - 1),
                last_col: d.end.1.min(super::MAX_COLUMNS - 1),
            })
            .collect();
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            for (i, values) in range.rows().enumerate() {
                let r = r0 + i as u32;
                for (j, value) in values.iter().enumerate() {
                    let c = c0 + j as u32;
                    let cell = cell(value);
                    if !cell.text.is_empty() {
                        put(&mut rows, r, c, cell);
                    }
                }
            }
        }
        for ((r, c), fill) in scan.fills {
            if rows
                .get(r as usize)
                .is_some_and(|row| row.len() > c as usize)
            {
                rows[r as usize][c as usize].fill = Some(fill);
            } else {
                put(
                    &mut rows,
                    r,
                    c,
                    Cell {
                        fill: Some(fill),
                        ..Cell::default()
                    },
                );
            }
        }
        trim(&mut rows);
        sheets.push(Sheet {
            nama: name_of_sheet,
            rows,
            merges,
            refused: None,
        });
    }
    Ok(sheets)
}

fn put(rows: &mut Vec<Vec<Cell>>, r: u32, c: u32, cell: Cell) {
    let (r, c) = (r as usize, c as usize);
    if rows.len() <= r {
        rows.resize_with(r + 1, Vec::new);
    }
    let row = &mut rows[r];
    if row.len() <= c {
        row.resize_with(c + 1, Cell::default);
    }
    row[c] = cell;
}

/// Cut empty cells off the end of each row and empty rows off the end of the sheet.
pub(super) fn trim(rows: &mut Vec<Vec<Cell>>) {
    for row in rows.iter_mut() {
        while row.last().is_some_and(Cell::is_empty) {
            row.pop();
        }
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
}

/// A number as a person typed it: 1 not 1.0, 0.25 as "0.25".
pub(super) fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A date serial (1900 system) as `dd/mm/yyyy`.
pub(super) fn date_text(serial: f64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30);
    base.and_then(|b| b.checked_add_signed(chrono::Duration::days(serial.floor() as i64)))
        .map_or_else(|| number_text(serial), |d| d.format("%d/%m/%Y").to_string())
}

fn cell(value: &Data) -> Cell {
    let (text, kind) = match value {
        Data::Empty => (String::new(), CellKind::Text),
        Data::String(s) => (s.clone(), CellKind::Text),
        Data::Int(i) => (i.to_string(), CellKind::Number),
        Data::Float(f) => (number_text(*f), CellKind::Number),
        // A ticked checkbox is a mark; an unticked one is not.
        Data::Bool(b) => ((if *b { "1" } else { "0" }).to_owned(), CellKind::Number),
        Data::DateTime(d) if d.is_datetime() => (date_text(d.as_f64()), CellKind::Date),
        Data::DateTime(d) => (number_text(d.as_f64()), CellKind::Number),
        Data::DateTimeIso(s) => (s.clone(), CellKind::Date),
        Data::DurationIso(s) => (s.clone(), CellKind::Text),
        Data::Error(e) => (e.to_string(), CellKind::Error),
    };
    Cell {
        text,
        fill: None,
        kind,
    }
}

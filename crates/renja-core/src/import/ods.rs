//! An OpenDocument spreadsheet (`.ods`, LibreOffice): values through `calamine`; merged
//! ranges, background colours and the sheet's extent from `content.xml` read here first.
//!
//! ODS compresses repetition (`table:number-rows-repeated="1048000"`): the extent counts a
//! repeated row only when it holds a value, so LibreOffice's usual trailing empty rows cost
//! nothing, while a row with a value repeated a million times is refused before `calamine`
//! expands it.

use std::collections::HashMap;

use calamine::{Data, Ods, Reader};
use quick_xml::Reader as XmlReader;
use quick_xml::events::{BytesStart, Event};

use super::styles::unescape;
use super::xlsx::{date_text, number_text, trim};
use super::zip::Archive;
use super::{Cell, CellKind, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, Merge, Sheet, problem};
use crate::error::{ImportProblem, Result};

#[derive(Default)]
struct TableScan {
    name: String,
    merges: Vec<Merge>,
    fills: Vec<((u32, u32), String)>,
    too_big: bool,
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| unescape(&a.value))
}

fn number(e: &BytesStart<'_>, key: &str) -> u32 {
    attr(e, key)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// Scan `content.xml`: per table its merges, cell backgrounds, and whether it is too big.
fn scan(xml: &[u8]) -> Vec<TableScan> {
    let mut reader = XmlReader::from_reader(xml);
    let mut buf = Vec::new();
    let mut backgrounds: HashMap<String, String> = HashMap::new();
    let mut style_name: Option<String> = None;
    let mut tables: Vec<TableScan> = Vec::new();
    let (mut row, mut col) = (0u32, 0u32);
    let mut row_repeat = 1u32;
    let mut row_has_value = false;
    let mut row_width = 0u32;
    // The cell being read: its column, repeat, whether it holds a value.
    let mut cell: Option<(u32, u32, bool)> = None;
    let mut cells = 0u64;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "style:style" => style_name = attr(&e, "style:name"),
                "style:table-cell-properties" => {
                    if let (Some(name), Some(bg)) =
                        (style_name.clone(), attr(&e, "fo:background-color"))
                        && bg != "transparent"
                    {
                        backgrounds.insert(name, bg.trim_start_matches('#').to_uppercase());
                    }
                }
                "table:table" => {
                    tables.push(TableScan {
                        name: attr(&e, "table:name").unwrap_or_default(),
                        ..TableScan::default()
                    });
                    row = 0;
                    cells = 0;
                }
                "table:table-row" => {
                    row_repeat = number(&e, "table:number-rows-repeated");
                    row_has_value = false;
                    row_width = 0;
                    col = 0;
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let repeat = number(&e, "table:number-columns-repeated");
                    let valued = attr(&e, "office:value-type").is_some();
                    if let Some(t) = tables.last_mut() {
                        let rows_spanned = number(&e, "table:number-rows-spanned");
                        let cols_spanned = number(&e, "table:number-columns-spanned");
                        if (rows_spanned > 1 || cols_spanned > 1)
                            && row < MAX_ROWS
                            && col < MAX_COLUMNS
                        {
                            t.merges.push(Merge {
                                first_row: row,
                                first_col: col,
                                last_row: row.saturating_add(rows_spanned - 1).min(MAX_ROWS - 1),
                                last_col: col.saturating_add(cols_spanned - 1).min(MAX_COLUMNS - 1),
                            });
                        }
                        if let Some(bg) =
                            attr(&e, "table:style-name").and_then(|s| backgrounds.get(&s))
                            && row < MAX_ROWS
                            && t.fills.len() < MAX_CELLS as usize
                        {
                            for c in col..(col.saturating_add(repeat)).min(MAX_COLUMNS) {
                                t.fills.push(((row, c), bg.clone()));
                            }
                        }
                    }
                    if empty {
                        if valued {
                            row_has_value = true;
                            row_width = col.saturating_add(repeat);
                        }
                        col = col.saturating_add(repeat);
                    } else {
                        cell = Some((col, repeat, valued));
                    }
                }
                "text:p" => {
                    if let Some(c) = cell.as_mut() {
                        c.2 = true;
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "style:style" => style_name = None,
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some((c, repeat, valued)) = cell.take() {
                        if valued {
                            row_has_value = true;
                            row_width = c.saturating_add(repeat);
                        }
                        col = c.saturating_add(repeat);
                    }
                }
                "table:table-row" => {
                    if row_has_value && let Some(t) = tables.last_mut() {
                        let end = row.saturating_add(row_repeat);
                        cells = cells.saturating_add(u64::from(row_repeat) * u64::from(row_width));
                        if end > MAX_ROWS || row_width > MAX_COLUMNS || cells > MAX_CELLS {
                            t.too_big = true;
                        }
                    }
                    row = row.saturating_add(row_repeat);
                }
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    tables
}

pub(super) fn read(name: &str, mut archive: Archive) -> Result<Vec<Sheet>> {
    let corrupt = || problem(name, ImportProblem::Corrupt);
    let content = archive.part("content.xml")?.ok_or_else(corrupt)?;
    let mut scans = scan(&content);
    drop(content);
    if scans.iter().any(|t| t.too_big) {
        // calamine reads every table of an ODS at once, so one oversized table refuses the
        // file rather than one sheet.
        let what = scans
            .iter()
            .find(|t| t.too_big)
            .map(|t| format!("Lembar \"{}\"", t.name))
            .unwrap_or_default();
        return Err(super::too_big(name, &what, &super::sheet_limits()));
    }
    let mut book: Ods<_> = Ods::new(archive.into_inner()).map_err(|_| corrupt())?;
    let mut sheets = Vec::new();
    for sheet_name in book.sheet_names() {
        let scan = scans
            .iter_mut()
            .find(|t| t.name == sheet_name)
            .map(std::mem::take)
            .unwrap_or_default();
        let Ok(range) = book.worksheet_range(&sheet_name) else {
            sheets.push(Sheet {
                nama: sheet_name,
                ..Sheet::default()
            });
            continue;
        };
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            for (i, values) in range.rows().enumerate() {
                for (j, value) in values.iter().enumerate() {
                    let cell = cell(value);
                    if !cell.text.is_empty() {
                        *slot(&mut rows, r0 + i as u32, c0 + j as u32) = cell;
                    }
                }
            }
        }
        let extent = (
            rows.len() as u32,
            rows.iter().map(Vec::len).max().unwrap_or(0) as u32,
        );
        for ((r, c), fill) in scan.fills {
            if r < extent.0 && c < extent.1 {
                slot(&mut rows, r, c).fill = Some(fill);
            }
        }
        trim(&mut rows);
        sheets.push(Sheet {
            nama: sheet_name,
            rows,
            merges: scan.merges,
            refused: None,
        });
    }
    Ok(sheets)
}

fn slot(rows: &mut Vec<Vec<Cell>>, r: u32, c: u32) -> &mut Cell {
    let (r, c) = (r as usize, c as usize);
    if rows.len() <= r {
        rows.resize_with(r + 1, Vec::new);
    }
    if rows[r].len() <= c {
        rows[r].resize_with(c + 1, Cell::default);
    }
    &mut rows[r][c]
}

fn cell(value: &Data) -> Cell {
    let (text, kind) = match value {
        Data::Empty => (String::new(), CellKind::Text),
        Data::String(s) => (s.clone(), CellKind::Text),
        Data::Int(i) => (i.to_string(), CellKind::Number),
        Data::Float(f) => (number_text(*f), CellKind::Number),
        Data::Bool(b) => ((if *b { "1" } else { "0" }).to_owned(), CellKind::Number),
        Data::DateTime(d) => (date_text(d.as_f64()), CellKind::Date),
        Data::DateTimeIso(s) => (iso_date(s), CellKind::Date),
        Data::DurationIso(s) => (s.clone(), CellKind::Text),
        Data::Error(e) => (e.to_string(), CellKind::Error),
    };
    Cell {
        text,
        fill: None,
        kind,
    }
}

/// "2023-03-01" (or with a time) as `dd/mm/yyyy`.
fn iso_date(s: &str) -> String {
    chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
        .map_or_else(|_| s.to_owned(), |d| d.format("%d/%m/%Y").to_string())
}

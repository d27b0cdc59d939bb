//! Importing a Rencana Aksi table an office already has: an `.xlsx` or `.ods` workbook, a
//! `.csv`/`.txt` file, or a table pasted from Word or Excel ("Tempel tabel").
//!
//! Three steps, each usable on its own by the app's mapping screen and by `renja import`:
//! 1. [`read_file`] / [`read_pasted`]: the source as sheets of text cells ([`Source`]), with
//!    each xlsx cell's fill colour and the merged ranges. Nothing is interpreted yet.
//! 2. [`guess_mapping`]: which row is the header and which column holds which level
//!    ([`Mapping`]), from the header words and the shape of the sheet.
//! 3. [`build`]: the tree the mapping gives ([`Preview`]): counts, each tahapan's months, and
//!    every row that could not be read with its sheet row number and the reason. Nothing is
//!    written; `plan/import.rs` writes a preview's tree as one undoable step or into a new
//!    plan, through `storage::tree` ([`write`]).
//!
//! Rules:
//! - A source is untrusted input. Sizes are checked before anything is read whole: the file,
//!   every part of a workbook as it is unzipped (a 1 GB "zip bomb" stops at the limit), the
//!   rows and cells of each sheet (counted from the sheet's XML before `calamine` builds its
//!   grid). A sheet past a limit is listed as refused; a bad file is an [`Error::Import`]
//!   with an Indonesian sentence, and nothing is changed.
//! - The source file is only ever read.
//! - Nothing is dropped silently: a row that gives no tahapan and no group is listed in
//!   [`Preview::skipped`] with its reason.
//! - This module never sees a `Plan`; it writes through `storage::tree` only.

mod build;
mod bulan;
mod header;
mod names;
mod ods;
mod preview;
mod styles;
mod text;
mod tree;
mod view;
mod write;
mod xlsx;
mod zip;

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, ImportProblem, Result};

pub use build::build;
pub use bulan::parse_bulan;
pub use header::{Bulan, Mapping, guess_mapping};
pub use preview::{
    DEFAULT_PROGRAM, GroupNode, ImportCounts, ImportSummary, ImportTree, Preview, Skipped,
    TahapanRow,
};
pub use view::{ImportView, column_letter, view};
pub(crate) use write::write;

/// The most bytes a source file may have. A Rencana Aksi of 5,000 rows is under 1 MB as
/// xlsx; 50 MB leaves room for logos and pictures in the workbook.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// The most bytes one part of a workbook (a sheet's XML, the shared strings) may unzip to.
/// A 5,000-row sheet is about 3 MB of XML.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// The most bytes all the parts read from one workbook may unzip to together.
pub const MAX_UNZIPPED_BYTES: u64 = 200 * 1024 * 1024;
/// The most rows a sheet may have (counting to its last row with a value). The reference
/// plan has 140; a large office 1,000.
pub const MAX_ROWS: u32 = 20_000;
/// The most columns a sheet may have (to its last column with a value).
pub const MAX_COLUMNS: u32 = 200;
/// The most cells (rows × columns of the used area) a sheet may have.
pub const MAX_CELLS: u64 = 1_000_000;

/// What the app's "Impor dari Excel/CSV…" dialog offers to open.
pub const FILES_FILTER: crate::naming::FileFilter = crate::naming::FileFilter {
    label: "Tabel Excel, LibreOffice atau CSV",
    extensions: &["xlsx", "ods", "csv", "txt"],
};

/// The name a pasted table is given in messages.
pub const PASTED_NAME: &str = "tabel tempelan";

/// One source as read: its sheets (a CSV or pasted text has one).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Source {
    /// The file name, or [`PASTED_NAME`].
    pub nama: String,
    pub sheets: Vec<Sheet>,
}

/// One sheet as cells of text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, TS)]
pub struct Sheet {
    pub nama: String,
    /// `rows[i]` is sheet row `i + 1`; `rows[i][j]` is column `j` (A = 0). Rows are cut after
    /// their last non-empty cell, and the sheet after its last non-empty row.
    pub rows: Vec<Vec<Cell>>,
    /// Merged ranges (0-based, inclusive): only the first cell of a range holds its value.
    pub merges: Vec<Merge>,
    /// Why this sheet cannot be imported (too big), in Indonesian; its rows are then empty.
    pub refused: Option<String>,
}

/// One cell: its text as shown, its fill colour, and what kind of value it held.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct Cell {
    /// The value as text: numbers without a trailing ".0", dates as `dd/mm/yyyy`, a
    /// formula's last computed value.
    pub text: String,
    /// The cell's fill (xlsx only): `"FF00B0F0"` (ARGB), `"theme:4:0.4"`, `"indexed:44"`, or
    /// `None` for no fill.
    pub fill: Option<String>,
    pub kind: CellKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CellKind {
    #[default]
    Text,
    Number,
    Date,
    /// A formula error such as `#REF!`.
    Error,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.fill.is_none()
    }
}

/// A merged range of cells, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Merge {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

impl Merge {
    pub fn contains(&self, row: u32, col: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

impl Sheet {
    /// The cell at 0-based `row`, `col`, if the sheet has one there.
    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.get(col))
    }

    /// The trimmed text at `row`, `col` ("" past the edges).
    pub fn text(&self, row: usize, col: usize) -> &str {
        self.cell(row, col).map_or("", |c| c.text.trim())
    }

    /// The widest row's number of cells.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

fn problem(name: &str, problem: ImportProblem) -> Error {
    Error::Import {
        name: name.to_owned(),
        problem,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Read `path` as a source: a workbook by its contents (a ZIP with `xl/workbook.xml` or an
/// OpenDocument spreadsheet), anything else as delimited text. The file is only read.
pub fn read_file(path: &Path) -> Result<Source> {
    use std::io::Read;
    let name = file_name(path);
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::io(path, std::io::ErrorKind::IsADirectory.into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(&name, "Berkas", "50 MB"));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(&name, "Berkas", "50 MB"));
    }
    read_bytes(&name, bytes)
}

/// Read a source given as bytes, named `name` in messages (what [`read_file`] does after
/// reading the file; the fuzz target calls it directly).
pub fn read_bytes(name: &str, bytes: Vec<u8>) -> Result<Source> {
    if bytes.is_empty() {
        return Err(problem(name, ImportProblem::Empty));
    }
    const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let sheets = if bytes.starts_with(&OLE) {
        return Err(problem(name, ole_problem(&bytes)));
    } else if bytes.starts_with(b"PK\x03\x04") {
        let archive = zip::Archive::open(name, bytes)?;
        if archive.has("xl/workbook.xml") {
            xlsx::read(name, archive)?
        } else if archive.has("content.xml") {
            ods::read(name, archive)?
        } else {
            return Err(problem(name, ImportProblem::Corrupt));
        }
    } else {
        vec![text::read(name, &bytes, None)?]
    };
    if sheets
        .iter()
        .all(|s| s.rows.is_empty() && s.refused.is_none())
    {
        return Err(problem(name, ImportProblem::Empty));
    }
    Ok(Source {
        nama: name.to_owned(),
        sheets,
    })
}

/// Read a table pasted from Word or Excel: tab-separated lines (Excel quotes a cell holding
/// a line break), or, failing tabs, semicolons or commas.
pub fn read_pasted(text: &str) -> Result<Source> {
    if text.trim().is_empty() {
        return Err(problem(PASTED_NAME, ImportProblem::Empty));
    }
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(PASTED_NAME, "Teks tempelan", "50 MB"));
    }
    let sheet = text::read(PASTED_NAME, text.as_bytes(), Some(b'\t'))?;
    Ok(Source {
        nama: PASTED_NAME.to_owned(),
        sheets: vec![Sheet {
            nama: "Tempelan".to_owned(),
            ..sheet
        }],
    })
}

/// An encrypted Office file is an OLE container with an `EncryptedPackage` stream; its
/// directory names are UTF-16.
fn ole_problem(bytes: &[u8]) -> ImportProblem {
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if bytes.windows(needle.len()).any(|w| w == needle.as_slice()) {
        ImportProblem::Encrypted
    } else {
        ImportProblem::OldExcel
    }
}

pub(crate) fn too_big(name: &str, what: &str, limit: &str) -> Error {
    problem(
        name,
        ImportProblem::TooBig {
            what: what.to_owned(),
            limit: limit.to_owned(),
        },
    )
}

/// The limits of one sheet in words: "20.000 baris, 200 kolom, 1.000.000 sel".
pub(crate) fn sheet_limits() -> String {
    format!(
        "{} baris, {} kolom, {} sel",
        crate::limits::ribuan(u64::from(MAX_ROWS)),
        MAX_COLUMNS,
        crate::limits::ribuan(MAX_CELLS)
    )
}

/// The sentence for a sheet past a limit, kept in [`Sheet::refused`].
pub(crate) fn refused_sheet(sheet: &str) -> String {
    format!(
        "Lembar \"{sheet}\" terlalu besar untuk sebuah tabel Rencana Aksi (paling banyak {}). \
         Salin tabelnya saja ke buku kerja baru, lalu impor lagi.",
        sheet_limits()
    )
}

/// The sheet named `name`, or the error naming the sheets there are.
pub fn sheet<'a>(source: &'a Source, name: &str) -> Result<&'a Sheet> {
    let found = source.sheets.iter().find(|s| s.nama == name).or_else(|| {
        source
            .sheets
            .iter()
            .find(|s| s.nama.trim().eq_ignore_ascii_case(name.trim()))
    });
    found.ok_or_else(|| {
        problem(
            &source.nama,
            ImportProblem::NoSheet {
                sheet: name.to_owned(),
                sheets: source.sheets.iter().map(|s| s.nama.clone()).collect(),
            },
        )
    })
}

/// The sheet automatic import uses: the first one whose header is recognised, with its
/// mapping. A refused sheet is skipped; if every sheet fails, the first failure is returned.
pub fn choose_sheet(source: &Source) -> Result<(&Sheet, Mapping)> {
    let mut first_error = None;
    for s in &source.sheets {
        match checked_mapping(&source.nama, s) {
            Ok(m) => return Ok((s, m)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| problem(&source.nama, ImportProblem::Empty)))
}

/// The guessed mapping of `sheet`, or the error for a refused sheet.
pub fn checked_mapping(source_name: &str, sheet: &Sheet) -> Result<Mapping> {
    if sheet.refused.is_some() {
        return Err(too_big(
            source_name,
            &format!("Lembar \"{}\"", sheet.nama),
            &sheet_limits(),
        ));
    }
    guess_mapping(sheet).ok_or_else(|| {
        problem(
            source_name,
            ImportProblem::NoHeader {
                sheet: sheet.nama.clone(),
            },
        )
    })
}

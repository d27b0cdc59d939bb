//! What an import would bring in ([`Preview`]): the tree, its counts, the rows left out. These
//! types cross to the UI (the mapping screen's live preview) and to `renja import --json`.

use serde::Serialize;
use ts_rs::TS;

use super::header::Mapping;
use crate::error::{Error, Result};

fn invalid(reason: impl Into<String>) -> Error {
    Error::invalid("mapping", reason)
}

/// The name of the one program made for a sheet without a program column.
pub const DEFAULT_PROGRAM: &str = "Program hasil impor";

/// What an import would bring in: the tree, its counts and the rows left out.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Preview {
    pub sheet: String,
    pub mapping: Mapping,
    pub counts: ImportCounts,
    pub tree: ImportTree,
    /// Rows that were not imported, with why, in sheet order.
    pub skipped: Vec<Skipped>,
    /// The year named in the title rows above the header ("TAHUN 2024"), if any: the
    /// default year of a new plan.
    pub tahun: Option<i32>,
}

/// What `renja import --json` prints: the sheet, the mapping, the counts, and the skipped
/// rows with their numbers and reasons.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportSummary {
    pub sheet: String,
    pub mapping: Mapping,
    pub programs: u32,
    pub outcomes: u32,
    pub kegiatan: u32,
    pub outputs: u32,
    pub tahapan: u32,
    pub scheduled_tahapan: u32,
    pub skipped_rows: Vec<Skipped>,
}

impl Preview {
    pub fn summary(&self) -> ImportSummary {
        let c = &self.counts;
        ImportSummary {
            sheet: self.sheet.clone(),
            mapping: self.mapping.clone(),
            programs: c.programs,
            outcomes: c.outcomes,
            kegiatan: c.kegiatan,
            outputs: c.outputs,
            tahapan: c.tahapan,
            scheduled_tahapan: c.scheduled_tahapan,
            skipped_rows: self.skipped.clone(),
        }
    }

    /// Refuse to import a tree without a single tahapan: the mapping is surely wrong.
    pub fn check_not_empty(&self) -> Result<()> {
        if self.counts.tahapan == 0 {
            return Err(invalid(format!(
                "Tidak ada satu tahapan pun yang terbaca dari lembar \"{}\" dengan pemetaan \
                 kolom ini. Periksa baris judul dan kolom tahapannya.",
                self.sheet
            )));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
pub struct ImportCounts {
    pub programs: u32,
    pub outcomes: u32,
    pub kegiatan: u32,
    pub outputs: u32,
    pub tahapan: u32,
    /// Tahapan with at least one month.
    pub scheduled_tahapan: u32,
    pub skipped_rows: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct ImportTree {
    pub programs: Vec<GroupNode>,
}

/// A program, outcome, kegiatan or output (by depth: programs hold outcomes, and so on;
/// outputs hold tahapan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GroupNode {
    pub nama: String,
    /// The 1-based sheet row it was read from; for a generated node, the row that needed it.
    pub row: u32,
    /// Made for a level the sheet lacks, named after its parent (see the module docs).
    pub generated: bool,
    pub children: Vec<GroupNode>,
    pub tahapan: Vec<TahapanRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TahapanRow {
    pub nama: String,
    /// The 1-based sheet row.
    pub row: u32,
    /// Scheduled months, 1 = Januari.
    pub bulan: Vec<u8>,
    pub kriteria: String,
    pub penanggung_jawab: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Skipped {
    /// The 1-based sheet row.
    pub row: u32,
    /// Why, in Indonesian.
    pub reason: String,
}

pub(crate) fn count(tree: &ImportTree, skipped: usize) -> ImportCounts {
    let mut c = ImportCounts {
        skipped_rows: skipped as u32,
        ..ImportCounts::default()
    };
    for p in &tree.programs {
        c.programs += 1;
        for o in &p.children {
            c.outcomes += 1;
            for k in &o.children {
                c.kegiatan += 1;
                for u in &k.children {
                    c.outputs += 1;
                    for t in &u.tahapan {
                        c.tahapan += 1;
                        c.scheduled_tahapan += u32::from(!t.bulan.is_empty());
                    }
                }
            }
        }
    }
    c
}

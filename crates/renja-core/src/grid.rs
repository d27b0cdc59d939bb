//! The month grid's data: the whole tree flattened depth-first, one row per program, outcome,
//! kegiatan, output and tahapan, with what each row shows. The UI filters, folds and
//! virtualises; it gets everything in one call so scrolling never waits for the backend.
//!
//! This module only reads, through `storage`; what a month cell shows is `capaian`'s rule.
//! `plan::grid` hands it the database, today's date and the undo state.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::capaian::{CapaianTahapan, CellState};
use crate::error::Result;
use crate::model::Level;
use crate::realisasi::{self, Status};
use crate::storage::tree::{self, Node};
use crate::storage::{self, Read};
use crate::undo::UndoState;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GridRow {
    pub level: Level,
    #[ts(type = "number")]
    pub id: i64,
    /// The parent row (`None` for a program).
    #[ts(type = "number | null")]
    pub parent: Option<i64>,
    /// The program this row belongs to.
    #[ts(type = "number")]
    pub program: i64,
    /// 1-based place among its siblings.
    pub nomor: u32,
    pub nama: String,
    /// Scheduled months, bit 0 = Januari. For a group row: the months of any tahapan beneath.
    pub bulan: u16,
    /// Tahapan only.
    pub kriteria: String,
    /// Tahapan only.
    pub penanggung_jawab: String,
    /// Number of tahapan beneath a group row (0 for a tahapan).
    pub tahapan: u32,
    /// Tahapan only: the state of each month cell, Januari first (12 entries).
    pub cells: Vec<CellState>,
    /// Tahapan only: how many pieces of evidence support each month (12 entries).
    pub bukti: Vec<u16>,
}

/// Everything the grid screen needs.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Grid {
    pub tahun: i32,
    pub rows: Vec<GridRow>,
    /// Names to choose a penanggung jawab from.
    pub pokja: Vec<String>,
    pub undo: UndoState,
}

/// Realisasi status and evidence counts per tahapan and month.
#[derive(Default)]
struct Progress {
    status: HashMap<(i64, u8), Status>,
    bukti: HashMap<i64, [u16; 12]>,
}

fn progress(db: &Read) -> Result<Progress> {
    let mut p = Progress {
        status: realisasi::statuses(db)?.into_iter().collect(),
        ..Progress::default()
    };
    for (t, mask) in storage::bukti::bulan_per_tahapan(db)? {
        let counts = p.bukti.entry(t).or_default();
        for (m, count) in counts.iter_mut().enumerate() {
            if mask & (1 << m) != 0 {
                *count += 1;
            }
        }
    }
    Ok(p)
}

/// Whether month `bulan` (1–12) of `tahun` has ended on `today`.
fn passed(tahun: i32, bulan: u8, today: NaiveDate) -> bool {
    (tahun, u32::from(bulan)) < (today.year(), today.month())
}

/// The grid of the plan in `db` as it stands on `today`, with the state of the undo buttons.
pub(crate) fn grid(db: &Read, today: NaiveDate, undo: UndoState) -> Result<Grid> {
    let tahun = storage::identity::get(db)?.tahun;
    let progress = progress(db)?;
    // Children of each (level, parent id), in order.
    let mut children: HashMap<(Level, i64), Vec<Node>> = HashMap::new();
    for level in Level::ALL {
        for node in tree::nodes(db, level)? {
            children.entry((level, node.parent)).or_default().push(node);
        }
    }
    let mut rows = Vec::new();
    walk(&mut children, Level::Program, 0, None, &mut rows);
    for row in rows.iter_mut().filter(|r| r.level == Level::Tahapan) {
        let bukti = progress.bukti.get(&row.id).copied().unwrap_or_default();
        let status: [Option<Status>; 12] =
            std::array::from_fn(|i| progress.status.get(&(row.id, i as u8 + 1)).copied());
        let capaian = CapaianTahapan::new(row.bulan, status);
        row.cells = (1..=12u8)
            .map(|m| {
                capaian.sel(
                    m,
                    u32::from(bukti[usize::from(m - 1)]),
                    passed(tahun, m, today),
                )
            })
            .collect();
        row.bukti = bukti.to_vec();
    }
    Ok(Grid {
        tahun,
        rows,
        pokja: crate::team::pokja_names(db)?,
        undo,
    })
}

/// Append the rows of `level` under `parent` and, after each, its subtree, depth-first
/// (recursively: the tree is five levels deep). Returns the months scheduled beneath and the
/// number of tahapan, which a group row shows.
fn walk(
    children: &mut HashMap<(Level, i64), Vec<Node>>,
    level: Level,
    parent: i64,
    program: Option<i64>,
    rows: &mut Vec<GridRow>,
) -> (u16, u32) {
    let Some(list) = children.remove(&(level, parent)) else {
        return (0, 0);
    };
    let mut bulan = 0u16;
    let mut count = 0u32;
    for (i, node) in list.into_iter().enumerate() {
        let program = program.unwrap_or(node.id);
        let index = rows.len();
        rows.push(GridRow {
            level,
            id: node.id,
            parent: (level != Level::Program).then_some(parent),
            program,
            nomor: i as u32 + 1,
            nama: node.nama,
            bulan: node.bulan,
            kriteria: node.kriteria,
            penanggung_jawab: node.penanggung_jawab,
            tahapan: 0,
            cells: Vec::new(),
            bukti: Vec::new(),
        });
        match level.child() {
            Some(child) => {
                let (b, n) = walk(children, child, node.id, Some(program), rows);
                rows[index].bulan = b;
                rows[index].tahapan = n;
                bulan |= b;
                count += n;
            }
            None => {
                bulan |= rows[index].bulan;
                count += 1;
            }
        }
    }
    (bulan, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_has_passed_once_it_has_ended() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
        assert!(passed(2026, 10, today));
        assert!(
            !passed(2026, 11, today),
            "the current month is not late yet"
        );
        assert!(!passed(2026, 12, today));
        // A plan of an earlier year is wholly past; of a later year, wholly ahead.
        assert!(passed(2025, 12, today));
        assert!(!passed(2027, 1, today));
    }
}

//! The month grid's data: the whole tree flattened depth-first, one row per program, outcome,
//! kegiatan, output and tahapan, with what each row shows. The UI filters, folds and
//! virtualises; it gets everything in one call so scrolling never waits for the backend.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::capaian::{CapaianTahapan, CellState};
use crate::edit::Level;
use crate::error::Result;
use crate::plan::Plan;
use crate::realisasi::Status;
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

struct Raw {
    id: i64,
    parent: i64,
    nama: String,
    bulan: u16,
    kriteria: String,
    pj: String,
}

fn level_rows(plan: &Plan, level: Level) -> Result<Vec<Raw>> {
    let parent = level.parent().map(|(c, _)| c).unwrap_or("0");
    let extra = if level == Level::Tahapan {
        "bulan, kriteria, penanggung_jawab"
    } else {
        "0, '', ''"
    };
    let sql = format!(
        "SELECT id, {parent}, nama, {extra} FROM {} ORDER BY {parent} + 0, position, id",
        level.table()
    );
    let mut stmt = plan.db().prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| {
        Ok(Raw {
            id: r.get(0)?,
            parent: r.get(1)?,
            nama: r.get(2)?,
            bulan: r.get(3)?,
            kriteria: r.get(4)?,
            pj: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Realisasi status and evidence counts per tahapan and month.
#[derive(Default)]
struct Progress {
    status: HashMap<(i64, u8), Status>,
    bukti: HashMap<i64, [u16; 12]>,
}

fn progress(plan: &Plan) -> Result<Progress> {
    let mut p = Progress::default();
    let mut stmt = plan
        .db()
        .prepare_cached("SELECT tahapan_id, bulan, status FROM realisasi")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, u8>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (t, m, code) = row?;
        if let Some(status) = Status::from_code(&code) {
            p.status.insert((t, m), status);
        }
    }
    let mut stmt = plan
        .db()
        .prepare_cached("SELECT tahapan_id, bulan FROM bukti")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, u16>(1)?)))?;
    for row in rows {
        let (t, mask) = row?;
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

impl Plan {
    pub fn grid(&self) -> Result<Grid> {
        let tahun = self.identity()?.tahun;
        let today = self.clock().today();
        let progress = progress(self)?;
        // Children of each (level, parent id), in order.
        let mut children: HashMap<(Level, i64), Vec<Raw>> = HashMap::new();
        for level in Level::ALL {
            for raw in level_rows(self, level)? {
                children.entry((level, raw.parent)).or_default().push(raw);
            }
        }
        let mut rows = Vec::new();
        // Depth-first, recursively: the tree is five levels deep.
        fn walk(
            children: &mut HashMap<(Level, i64), Vec<Raw>>,
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
            for (i, raw) in list.into_iter().enumerate() {
                let program = program.unwrap_or(raw.id);
                let index = rows.len();
                rows.push(GridRow {
                    level,
                    id: raw.id,
                    parent: (level != Level::Program).then_some(parent),
                    program,
                    nomor: i as u32 + 1,
                    nama: raw.nama,
                    bulan: raw.bulan,
                    kriteria: raw.kriteria,
                    penanggung_jawab: raw.pj,
                    tahapan: 0,
                    cells: Vec::new(),
                    bukti: Vec::new(),
                });
                let next = Level::ALL
                    .iter()
                    .position(|l| *l == level)
                    .and_then(|i| Level::ALL.get(i + 1));
                match next {
                    Some(child) => {
                        let (b, n) = walk(children, *child, raw.id, Some(program), rows);
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
            pokja: self.pokja_names()?,
            undo: self.undo_state(),
        })
    }
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

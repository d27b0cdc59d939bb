//! Editing the plan's tree in place: add, rename, delete and reorder at every level, schedule
//! months, and the kriteria and penanggung jawab of a tahapan. Each method is one transaction
//! and one undo step (see `transact`). `request` turns the UI's one edit request into these.

mod request;

pub use request::{Edit, Edited};

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::ids::TahapanId;
use crate::limits;
use crate::model::Jadwal;
use crate::plan::Plan;
use crate::undo::Op;

/// A level of the tree program > outcome > kegiatan > output > tahapan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Level {
    Program,
    Outcome,
    Kegiatan,
    Output,
    Tahapan,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Program,
        Level::Outcome,
        Level::Kegiatan,
        Level::Output,
        Level::Tahapan,
    ];

    pub(crate) fn table(self) -> &'static str {
        match self {
            Level::Program => "program",
            Level::Outcome => "outcome",
            Level::Kegiatan => "kegiatan",
            Level::Output => "output",
            Level::Tahapan => "tahapan",
        }
    }

    /// The column naming the parent row, and the parent's level.
    pub(crate) fn parent(self) -> Option<(&'static str, Level)> {
        match self {
            Level::Program => None,
            Level::Outcome => Some(("program_id", Level::Program)),
            Level::Kegiatan => Some(("outcome_id", Level::Outcome)),
            Level::Output => Some(("kegiatan_id", Level::Kegiatan)),
            Level::Tahapan => Some(("output_id", Level::Output)),
        }
    }

    /// The word used in messages and undo labels: the domain word, which is also the
    /// table's name.
    pub fn label(self) -> &'static str {
        self.table()
    }
}

/// What a name is called in messages: a tahapan's name is its uraian.
fn name_label(level: Level) -> &'static str {
    match level {
        Level::Program => "Nama program",
        Level::Outcome => "Nama outcome",
        Level::Kegiatan => "Nama kegiatan",
        Level::Output => "Nama output",
        Level::Tahapan => "Uraian tahapan",
    }
}

/// Tidy a name the user typed: one line, trimmed. Only a tahapan may be empty (the reference
/// plan has outputs whose one row carries kriteria and PJ but no step text).
fn clean_name(level: Level, nama: &str) -> Result<String> {
    let nama = nama.split_whitespace().collect::<Vec<_>>().join(" ");
    if nama.is_empty() && level != Level::Tahapan {
        return Err(Error::invalid(
            "nama",
            format!("{} tidak boleh kosong.", name_label(level)),
        ));
    }
    limits::text("nama", name_label(level), &nama, limits::MAX_NAMA)?;
    Ok(nama)
}

fn clean_text(field: &'static str, label: &str, text: &str, max: usize) -> Result<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    limits::text(field, label, &text, max)?;
    Ok(text)
}

/// (parent id, position) of a row, or `Missing`.
fn locate(tx: &Transaction<'_>, level: Level, id: i64) -> Result<(i64, i64)> {
    let parent = level.parent().map(|(c, _)| c).unwrap_or("0");
    let sql = format!(
        "SELECT {parent}, position FROM {} WHERE id = ?1",
        level.table()
    );
    tx.query_row(&sql, [id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or(Error::Missing {
            what: level.label(),
            id,
        })
}

fn exists(tx: &Transaction<'_>, level: Level, id: i64) -> Result<bool> {
    let sql = format!("SELECT 1 FROM {} WHERE id = ?1", level.table());
    Ok(tx.query_row(&sql, [id], |_| Ok(())).optional()?.is_some())
}

/// Ids of the siblings under `parent`, in order.
fn siblings(tx: &Transaction<'_>, level: Level, parent: i64) -> Result<Vec<i64>> {
    let filter = level.parent().map(|(c, _)| c).unwrap_or("0");
    let sql = format!(
        "SELECT id FROM {} WHERE {filter} = ?1 ORDER BY position, id",
        level.table()
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    let ids = stmt.query_map([parent], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Write positions 0..n for `ids` where they differ, stamping the rows that moved.
fn renumber(tx: &Transaction<'_>, level: Level, ids: &[i64], now: &str) -> Result<()> {
    let sql = format!(
        "UPDATE {} SET position = ?1, modified_at = ?3 WHERE id = ?2 AND position <> ?1",
        level.table()
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    for (pos, id) in ids.iter().enumerate() {
        stmt.execute(params![pos as i64, id, now])?;
    }
    Ok(())
}

/// Where a new row goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
pub struct NewNode {
    pub level: Level,
    /// The parent row; ignored for a program.
    pub parent: Option<i64>,
    /// Insert right after this sibling; `None` appends at the end.
    pub after: Option<i64>,
}

impl Plan {
    /// Add a row named `nama`; returns its id.
    pub fn add_node(&mut self, at: NewNode, nama: &str) -> Result<i64> {
        let level = at.level;
        let nama = clean_name(level, nama)?;
        self.transact(Op::Add(level), |tx, now| {
            let parent = match level.parent() {
                None => 0,
                Some((_, parent_level)) => {
                    let p = at.parent.ok_or_else(|| {
                        Error::invalid("parent", format!("Pilih induk {} ini.", level.label()))
                    })?;
                    if !exists(tx, parent_level, p)? {
                        return Err(Error::Missing {
                            what: parent_level.label(),
                            id: p,
                        });
                    }
                    p
                }
            };
            let mut order = siblings(tx, level, parent)?;
            let uuid = crate::storage::new_uuid();
            let id = match level.parent() {
                None => {
                    tx.execute(
                        "INSERT INTO program (uuid, position, nama, modified_at)
                         VALUES (?1, ?2, ?3, ?4)",
                        params![uuid, order.len() as i64, nama, now],
                    )?;
                    tx.last_insert_rowid()
                }
                Some((column, _)) => {
                    let sql = format!(
                        "INSERT INTO {} (uuid, {column}, position, nama, modified_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        level.table()
                    );
                    tx.execute(&sql, params![uuid, parent, order.len() as i64, nama, now])?;
                    tx.last_insert_rowid()
                }
            };
            if let Some(after) = at.after {
                let at_index = order
                    .iter()
                    .position(|s| *s == after)
                    .map_or(order.len(), |i| i + 1);
                order.insert(at_index, id);
                renumber(tx, level, &order, now)?;
            }
            Ok(id)
        })
    }

    pub fn rename_node(&mut self, level: Level, id: i64, nama: &str) -> Result<()> {
        let nama = clean_name(level, nama)?;
        self.transact(Op::Rename(level), |tx, now| {
            let sql = format!(
                "UPDATE {} SET nama = ?1, modified_at = ?2 WHERE id = ?3 AND nama <> ?1",
                level.table()
            );
            if tx.execute(&sql, params![nama, now, id])? == 0 && !exists(tx, level, id)? {
                return Err(Error::Missing {
                    what: level.label(),
                    id,
                });
            }
            Ok(())
        })
    }

    /// Delete a row and everything beneath it.
    pub fn delete_node(&mut self, level: Level, id: i64) -> Result<()> {
        self.transact(Op::Delete(level), |tx, _now| {
            let sql = format!("DELETE FROM {} WHERE id = ?1", level.table());
            if tx.execute(&sql, [id])? == 0 {
                return Err(Error::Missing {
                    what: level.label(),
                    id,
                });
            }
            Ok(())
        })
    }

    /// Move a row to `index` among its siblings (0 = first; past the end = last).
    pub fn move_node(&mut self, level: Level, id: i64, index: usize) -> Result<()> {
        self.transact(Op::Move(level), |tx, now| {
            let (parent, _) = locate(tx, level, id)?;
            let mut order = siblings(tx, level, parent)?;
            order.retain(|s| *s != id);
            order.insert(index.min(order.len()), id);
            renumber(tx, level, &order, now)
        })
    }

    /// Set the months a tahapan is scheduled in (12-bit mask, bit 0 = Januari).
    pub fn set_bulan(&mut self, id: TahapanId, mask: u16) -> Result<()> {
        let jadwal = Jadwal::from_mask(mask)
            .ok_or_else(|| Error::invalid("bulan", "Bulan harus antara Januari dan Desember."))?;
        self.transact(Op::Schedule, |tx, now| {
            let n = tx.execute(
                "UPDATE tahapan SET bulan = ?1, modified_at = ?2 WHERE id = ?3 AND bulan <> ?1",
                params![jadwal.mask(), now, id],
            )?;
            if n == 0 && !exists(tx, Level::Tahapan, id.0)? {
                return Err(Error::Missing {
                    what: "tahapan",
                    id: id.0,
                });
            }
            Ok(())
        })
    }

    /// Change the months of a tahapan as a function of what is stored now.
    pub fn change_bulan(&mut self, id: TahapanId, change: impl FnOnce(u16) -> u16) -> Result<()> {
        self.transact(Op::Schedule, |tx, now| {
            let mask: u16 = tx
                .query_row("SELECT bulan FROM tahapan WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or(Error::Missing {
                    what: "tahapan",
                    id: id.0,
                })?;
            let next = change(mask) & Jadwal::MASK;
            tx.execute(
                "UPDATE tahapan SET bulan = ?1, modified_at = ?2 WHERE id = ?3 AND bulan <> ?1",
                params![next, now, id],
            )?;
            Ok(())
        })
    }

    pub fn set_kriteria(&mut self, id: TahapanId, kriteria: &str) -> Result<()> {
        let text = clean_text(
            "kriteria",
            "Kriteria keberhasilan",
            kriteria,
            limits::MAX_KRITERIA,
        )?;
        self.set_tahapan_text(Op::EditKriteria, "kriteria", id, &text)
    }

    pub fn set_penanggung_jawab(&mut self, id: TahapanId, pj: &str) -> Result<()> {
        let text = clean_text(
            "penanggung_jawab",
            "Penanggung jawab",
            pj,
            limits::MAX_PENANGGUNG_JAWAB,
        )?;
        self.set_tahapan_text(Op::EditPenanggungJawab, "penanggung_jawab", id, &text)
    }

    fn set_tahapan_text(&mut self, op: Op, column: &str, id: TahapanId, text: &str) -> Result<()> {
        self.transact(op, |tx, now| {
            let sql = format!(
                "UPDATE tahapan SET {column} = ?1, modified_at = ?2 WHERE id = ?3 AND {column} <> ?1"
            );
            if tx.execute(&sql, params![text, now, id])? == 0 && !exists(tx, Level::Tahapan, id.0)? {
                return Err(Error::Missing { what: "tahapan", id: id.0 });
            }
            Ok(())
        })
    }
}

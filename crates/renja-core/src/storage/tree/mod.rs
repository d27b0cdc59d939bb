//! The plan's tree: program > outcome > kegiatan > output > tahapan. Each level is a table
//! with a parent id and a `position` among its siblings (see [`Level`]).
//!
//! Functions here say what they found (a bool, an `Option`); whether a missing row is an error
//! is for the caller to decide.

mod dump;

pub(crate) use dump::{counts, load_dump, program_summaries, tahapan_uuids};

use rusqlite::{OptionalExtension, params};

use super::position::{self, Siblings};
use super::{Read, Write};
use crate::error::Result;
use crate::ids::{KegiatanId, OutcomeId, OutputId, ProgramId, TahapanId};
use crate::model::{Jadwal, Level};

/// The rows of `level` under `parent` (ignored for a program), as an ordered list.
fn siblings(level: Level, parent: i64) -> Siblings {
    match level.parent() {
        None => Siblings::all(level.table()),
        Some((column, _)) => Siblings::under(level.table(), column, parent),
    }
}

/// The ids of the rows of `level` under `parent` (ignored for a program), in order.
pub(crate) fn sibling_ids(db: &Read, level: Level, parent: i64) -> Result<Vec<i64>> {
    position::ids(db, siblings(level, parent))
}

/// Move row `id` to `index` among the rows of `level` under `parent` (see
/// [`position::move_to`]).
pub(crate) fn move_to(
    tx: &Write<'_>,
    level: Level,
    parent: i64,
    id: i64,
    index: usize,
    now: &str,
) -> Result<()> {
    position::move_to(tx, siblings(level, parent), id, index, now)
}

/// Insert a row of `level` named `nama` under `parent` (ignored for a program) at the end of
/// its siblings. A tahapan starts unscheduled, with no kriteria and no penanggung jawab.
pub(crate) fn insert_node(
    tx: &Write<'_>,
    level: Level,
    parent: i64,
    nama: &str,
    now: &str,
) -> Result<i64> {
    if level == Level::Tahapan {
        let empty = NewTahapan {
            nama,
            bulan: Jadwal::default(),
            kriteria: "",
            penanggung_jawab: "",
        };
        return insert_tahapan(tx, OutputId(parent), &empty, now).map(|t| t.0);
    }
    let position = position::next(tx, siblings(level, parent))?;
    let uuid = super::new_uuid();
    match level.parent() {
        None => {
            let sql = format!(
                "INSERT INTO {} (uuid, position, nama, modified_at) VALUES (?1, ?2, ?3, ?4)",
                level.table()
            );
            tx.prepare_cached(&sql)?
                .execute(params![uuid, position, nama, now])?;
        }
        Some((column, _)) => {
            let sql = format!(
                "INSERT INTO {} (uuid, {column}, position, nama, modified_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                level.table()
            );
            tx.prepare_cached(&sql)?
                .execute(params![uuid, parent, position, nama, now])?;
        }
    }
    Ok(tx.last_insert_rowid())
}

pub(crate) fn insert_program(tx: &Write<'_>, nama: &str, now: &str) -> Result<ProgramId> {
    insert_node(tx, Level::Program, 0, nama, now).map(ProgramId)
}

pub(crate) fn insert_outcome(
    tx: &Write<'_>,
    program: ProgramId,
    nama: &str,
    now: &str,
) -> Result<OutcomeId> {
    insert_node(tx, Level::Outcome, program.0, nama, now).map(OutcomeId)
}

pub(crate) fn insert_kegiatan(
    tx: &Write<'_>,
    outcome: OutcomeId,
    nama: &str,
    now: &str,
) -> Result<KegiatanId> {
    insert_node(tx, Level::Kegiatan, outcome.0, nama, now).map(KegiatanId)
}

pub(crate) fn insert_output(
    tx: &Write<'_>,
    kegiatan: KegiatanId,
    nama: &str,
    now: &str,
) -> Result<OutputId> {
    insert_node(tx, Level::Output, kegiatan.0, nama, now).map(OutputId)
}

pub(crate) struct NewTahapan<'a> {
    pub nama: &'a str,
    pub bulan: Jadwal,
    pub kriteria: &'a str,
    pub penanggung_jawab: &'a str,
}

pub(crate) fn insert_tahapan(
    tx: &Write<'_>,
    output: OutputId,
    t: &NewTahapan<'_>,
    now: &str,
) -> Result<TahapanId> {
    let position = position::next(tx, siblings(Level::Tahapan, output.0))?;
    tx.prepare_cached(
        "INSERT INTO tahapan
            (uuid, output_id, position, nama, bulan, kriteria, penanggung_jawab, modified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        super::new_uuid(),
        output.0,
        position,
        t.nama,
        t.bulan.mask(),
        t.kriteria,
        t.penanggung_jawab,
        now
    ])?;
    Ok(TahapanId(tx.last_insert_rowid()))
}

pub(crate) fn exists(db: &Read, level: Level, id: i64) -> Result<bool> {
    let sql = format!("SELECT 1 FROM {} WHERE id = ?1", level.table());
    Ok(db
        .prepare_cached(&sql)?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The parent id of a row (0 for a program), or `None` if there is no such row.
pub(crate) fn parent_of(db: &Read, level: Level, id: i64) -> Result<Option<i64>> {
    let parent = level.parent().map_or("0", |(column, _)| column);
    let sql = format!("SELECT {parent} FROM {} WHERE id = ?1", level.table());
    Ok(db
        .prepare_cached(&sql)?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Rename a row; false if nothing changed (the same name, or no such row).
pub(crate) fn rename(tx: &Write<'_>, level: Level, id: i64, nama: &str, now: &str) -> Result<bool> {
    let sql = format!(
        "UPDATE {} SET nama = ?1, modified_at = ?2 WHERE id = ?3 AND nama <> ?1",
        level.table()
    );
    Ok(tx.prepare_cached(&sql)?.execute(params![nama, now, id])? > 0)
}

/// Delete a row; its children go with it (`ON DELETE CASCADE`). False if there was no row.
pub(crate) fn delete(tx: &Write<'_>, level: Level, id: i64) -> Result<bool> {
    let sql = format!("DELETE FROM {} WHERE id = ?1", level.table());
    Ok(tx.prepare_cached(&sql)?.execute([id])? > 0)
}

/// The stored month mask of a tahapan, or `None` if there is no such tahapan.
pub(crate) fn bulan(db: &Read, id: TahapanId) -> Result<Option<u16>> {
    Ok(db
        .prepare_cached("SELECT bulan FROM tahapan WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Store the month mask of a tahapan; false if nothing changed (the same months, or no such
/// tahapan).
pub(crate) fn set_bulan(tx: &Write<'_>, id: TahapanId, mask: u16, now: &str) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "UPDATE tahapan SET bulan = ?1, modified_at = ?2 WHERE id = ?3 AND bulan <> ?1",
        )?
        .execute(params![mask, now, id])?
        > 0)
}

/// A text column of a tahapan besides its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TahapanText {
    Kriteria,
    PenanggungJawab,
}

/// Store a text of a tahapan; false if nothing changed (the same text, or no such tahapan).
pub(crate) fn set_text(
    tx: &Write<'_>,
    id: TahapanId,
    column: TahapanText,
    text: &str,
    now: &str,
) -> Result<bool> {
    let sql = match column {
        TahapanText::Kriteria => {
            "UPDATE tahapan SET kriteria = ?1, modified_at = ?2 WHERE id = ?3 AND kriteria <> ?1"
        }
        TahapanText::PenanggungJawab => {
            "UPDATE tahapan SET penanggung_jawab = ?1, modified_at = ?2
             WHERE id = ?3 AND penanggung_jawab <> ?1"
        }
    };
    Ok(tx.prepare_cached(sql)?.execute(params![text, now, id])? > 0)
}

/// One row of the grid as stored. Group rows carry no months, kriteria or penanggung jawab.
pub(crate) struct Node {
    pub id: i64,
    /// The parent id; 0 for a program.
    pub parent: i64,
    pub nama: String,
    pub bulan: u16,
    pub kriteria: String,
    pub penanggung_jawab: String,
}

/// Every row of `level`, grouped by parent and in order within it.
pub(crate) fn nodes(db: &Read, level: Level) -> Result<Vec<Node>> {
    let parent = level.parent().map_or("0", |(column, _)| column);
    let extra = if level == Level::Tahapan {
        "bulan, kriteria, penanggung_jawab"
    } else {
        "0, '', ''"
    };
    let sql = format!(
        "SELECT id, {parent}, nama, {extra} FROM {} ORDER BY {parent} + 0, position, uuid",
        level.table()
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| {
        Ok(Node {
            id: r.get(0)?,
            parent: r.get(1)?,
            nama: r.get(2)?,
            bulan: r.get(3)?,
            kriteria: r.get(4)?,
            penanggung_jawab: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

//! Editing the plan's tree in place: add, rename, delete and reorder at every level, schedule
//! months, and the kriteria and penanggung jawab of a tahapan. The rules live here: what a
//! name may be, that a parent exists, where a new row goes, when a row is missing.
//!
//! Each function is one edit, given the write transaction and the time stamp; `plan::edit`
//! checks the request with the `clean_*` functions first and runs the edit as one transaction
//! and one undo step. `request` turns the UI's one edit request into these. This module never
//! sees a `Plan` and writes through `storage::tree` only.

mod request;

pub use request::{Edit, Edited};
pub(crate) use request::{month_bit, month_range};

use serde::Deserialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::ids::TahapanId;
use crate::limits;
use crate::model::Jadwal;
pub use crate::model::Level;
use crate::storage::Write;
use crate::storage::tree::{self, TahapanText};

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
pub(crate) fn clean_name(level: Level, nama: &str) -> Result<String> {
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

/// The kriteria keberhasilan of a tahapan, tidied.
pub(crate) fn clean_kriteria(text: &str) -> Result<String> {
    clean_text(
        "kriteria",
        "Kriteria keberhasilan",
        text,
        limits::MAX_KRITERIA,
    )
}

/// The penanggung jawab of a tahapan, tidied.
pub(crate) fn clean_penanggung_jawab(text: &str) -> Result<String> {
    clean_text(
        "penanggung_jawab",
        "Penanggung jawab",
        text,
        limits::MAX_PENANGGUNG_JAWAB,
    )
}

/// A month mask as sent (12 bits, bit 0 = Januari).
pub(crate) fn check_bulan(mask: u16) -> Result<Jadwal> {
    Jadwal::from_mask(mask)
        .ok_or_else(|| Error::invalid("bulan", "Bulan harus antara Januari dan Desember."))
}

fn missing(level: Level, id: i64) -> Error {
    Error::Missing {
        what: level.label(),
        id,
    }
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

/// Add a row named `nama` (checked with [`clean_name`]) where `at` says; returns its id.
pub(crate) fn add_node(tx: &Write<'_>, now: &str, at: NewNode, nama: &str) -> Result<i64> {
    let level = at.level;
    let parent = match level.parent() {
        None => 0,
        Some((_, parent_level)) => {
            let p = at.parent.ok_or_else(|| {
                Error::invalid("parent", format!("Pilih induk {} ini.", level.label()))
            })?;
            if !tree::exists(tx, parent_level, p)? {
                return Err(missing(parent_level, p));
            }
            p
        }
    };
    let id = tree::insert_node(tx, level, parent, nama, now)?;
    if let Some(after) = at.after {
        // The new row is last; it moves to right after `after`, or stays last when `after`
        // is not one of its siblings.
        let order = tree::sibling_ids(tx, level, parent)?;
        let index = order
            .iter()
            .position(|s| *s == after)
            .map_or(order.len(), |i| i + 1);
        tree::move_to(tx, level, parent, id, index, now)?;
    }
    Ok(id)
}

pub(crate) fn rename_node(
    tx: &Write<'_>,
    now: &str,
    level: Level,
    id: i64,
    nama: &str,
) -> Result<()> {
    if !tree::rename(tx, level, id, nama, now)? && !tree::exists(tx, level, id)? {
        return Err(missing(level, id));
    }
    Ok(())
}

/// Delete a row and everything beneath it.
pub(crate) fn delete_node(tx: &Write<'_>, level: Level, id: i64) -> Result<()> {
    if !tree::delete(tx, level, id)? {
        return Err(missing(level, id));
    }
    Ok(())
}

/// Move a row to `index` among its siblings (0 = first; past the end = last).
pub(crate) fn move_node(
    tx: &Write<'_>,
    now: &str,
    level: Level,
    id: i64,
    index: usize,
) -> Result<()> {
    let parent = tree::parent_of(tx, level, id)?.ok_or_else(|| missing(level, id))?;
    tree::move_to(tx, level, parent, id, index, now)
}

/// Set the months a tahapan is scheduled in.
pub(crate) fn set_bulan(tx: &Write<'_>, now: &str, id: TahapanId, jadwal: Jadwal) -> Result<()> {
    if !tree::set_bulan(tx, id, jadwal.mask(), now)? && !tree::exists(tx, Level::Tahapan, id.0)? {
        return Err(missing(Level::Tahapan, id.0));
    }
    Ok(())
}

/// Change the months of a tahapan as a function of what is stored now.
pub(crate) fn change_bulan(
    tx: &Write<'_>,
    now: &str,
    id: TahapanId,
    change: impl FnOnce(u16) -> u16,
) -> Result<()> {
    let mask = tree::bulan(tx, id)?.ok_or_else(|| missing(Level::Tahapan, id.0))?;
    tree::set_bulan(tx, id, change(mask) & Jadwal::MASK, now)?;
    Ok(())
}

/// Store the kriteria or penanggung jawab of a tahapan (checked with `clean_*`).
pub(crate) fn set_text(
    tx: &Write<'_>,
    now: &str,
    id: TahapanId,
    column: TahapanText,
    text: &str,
) -> Result<()> {
    if !tree::set_text(tx, id, column, text, now)? && !tree::exists(tx, Level::Tahapan, id.0)? {
        return Err(missing(Level::Tahapan, id.0));
    }
    Ok(())
}

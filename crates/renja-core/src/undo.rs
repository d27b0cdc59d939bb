//! Undo and redo for every edit: the history rules.
//!
//! While a plan is edited, TEMP triggers on every table write the inverse of each row change
//! (as SQL built with `quote()`) into a TEMP table, `undo_log`. An edit made through
//! `Plan::transact` is one [`Step`]: the range of log rows it produced. Undoing replays a
//! step's inverses newest first, in one transaction, which logs the inverses of the undo
//! itself: those become the redo step. Nothing of this is stored in the plan file (TEMP
//! objects live in the connection), so the history ends when the plan is closed.
//!
//! Rows brought back by undo get a fresh `modified_at`: for merging, an undo is a new change.
//!
//! The SQL (the log table, the triggers, reading and replaying log rows) is
//! `storage::undo`'s. This module decides what is logged, what a step is, how many are kept
//! and what each is called ([`Op`]); it knows no feature module, only `model` and `storage`.

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::model::{BabKunci, Level};
use crate::storage::{self, Read, Write};

/// Whether changes to `table` are undoable: every table of the plan but `berkas`, whose rows
/// (file contents) never change and are only dropped when nothing refers to them (logging
/// their inverses would copy whole files into memory), and the row versions and deletion
/// markers, which only grow: an undo is itself a new version (see `crate::merge`).
fn undoable(table: &str) -> bool {
    !matches!(table, "berkas" | "row_version" | "tombstone")
}

/// How many steps are kept; older ones are forgotten.
const MAX_STEPS: usize = 200;

/// One undoable edit: the undo-log rows `first..=last`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Step {
    op: Op,
    first: i64,
    last: i64,
}

/// What the undo and redo buttons say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct UndoState {
    /// The edit "Urungkan" would take back, e.g. "Ubah nama tahapan".
    pub undo: Option<String>,
    /// The edit "Ulangi" would make again.
    pub redo: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct History {
    installed: bool,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Create the log and triggers on first use (so bulk writes that are not edits, such as
    /// creating a plan, log nothing).
    pub(crate) fn install(&mut self, db: &Read) -> Result<()> {
        if self.installed {
            return Ok(());
        }
        let tables = storage::TABLES.iter().map(|(t, _)| *t);
        storage::undo::install(db, tables.filter(|t| undoable(t)))?;
        self.installed = true;
        Ok(())
    }

    pub(crate) fn state(&self) -> UndoState {
        UndoState {
            undo: self.undo.last().map(|s| s.op.label().to_owned()),
            redo: self.redo.last().map(|s| s.op.label().to_owned()),
        }
    }

    /// Where the log stands before an edit.
    pub(crate) fn mark(&self, tx: &Write<'_>) -> Result<i64> {
        storage::undo::last_seq(tx)
    }

    /// Close an edit that started at log position `before`: a new step, and the redo history
    /// is dropped. Called inside the edit's transaction; returns the step to push after commit.
    pub(crate) fn close(&self, tx: &Write<'_>, op: Op, before: i64) -> Result<Option<Step>> {
        let after = storage::undo::last_seq(tx)?;
        if after == before {
            return Ok(None);
        }
        for s in &self.redo {
            storage::undo::forget(tx, s.first, s.last)?;
        }
        Ok(Some(Step {
            op,
            first: before + 1,
            last: after,
        }))
    }

    /// After commit: remember the step.
    pub(crate) fn push(&mut self, db: &Read, step: Step) {
        self.redo.clear();
        self.undo.push(step);
        if self.undo.len() > MAX_STEPS {
            let old = self.undo.remove(0);
            // Forgetting history is best effort: a failure only leaves memory in use.
            let _ = storage::undo::forget(db, old.first, old.last);
        }
    }

    pub(crate) fn next_undo(&self) -> Option<Step> {
        self.undo.last().copied()
    }

    pub(crate) fn next_redo(&self) -> Option<Step> {
        self.redo.last().copied()
    }

    /// After an undo committed: `done` moves to the redo stack as `inverse`.
    pub(crate) fn undone(&mut self, inverse: Step) {
        self.undo.pop();
        self.redo.push(inverse);
    }

    /// After a redo committed.
    pub(crate) fn redone(&mut self, inverse: Step) {
        self.redo.pop();
        self.undo.push(inverse);
    }
}

/// Replay `step` backwards inside `tx` and return the step that reverses the replay.
/// `now` stamps `modified_at` of every row the replay brought back or changed.
pub(crate) fn replay(tx: &Write<'_>, step: Step, now: &str) -> Result<Step> {
    // Children are re-inserted before their parents are; check references at commit.
    storage::undo::defer_foreign_keys(tx)?;
    let before = storage::undo::last_seq(tx)?;
    let entries = storage::undo::entries(tx, step.first, step.last)?;
    let mut touched: Vec<(&str, i64)> = Vec::new();
    for entry in &entries {
        storage::undo::run(tx, entry)?;
        if !touched
            .iter()
            .any(|(t, r)| *t == entry.table && *r == entry.row)
        {
            touched.push((&entry.table, entry.row));
        }
    }
    for (table, row) in touched {
        storage::undo::touch(tx, table, row, now)?;
    }
    storage::undo::forget(tx, step.first, step.last)?;
    let after = storage::undo::last_seq(tx)?;
    Ok(Step {
        op: step.op,
        first: before + 1,
        last: after,
    })
}

/// The kinds of edit, named for the user ("Urungkan: Ubah nama tahapan").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    UpdateIdentity,
    Add(Level),
    Rename(Level),
    Delete(Level),
    Move(Level),
    Schedule,
    EditKriteria,
    EditPenanggungJawab,
    AddAnggota,
    UpdateAnggota,
    DeleteAnggota,
    MoveAnggota,
    Realisasi,
    ClearRealisasi,
    AddBukti,
    UpdateBukti,
    AddBuktiFiles,
    RemoveBuktiFile,
    DeleteBukti,
    SetLogo,
    RemoveLogo,
    CatatanTahunan,
    Bab(BabKunci),
    Import,
    Merge,
    AddButir,
    UpdateButir,
    DeleteButir,
    ImportLke,
    LinkLke,
    LinkBuktiLke,
}

impl Op {
    pub(crate) fn label(self) -> String {
        match self {
            Op::UpdateIdentity => "Ubah identitas rencana".into(),
            Op::Add(l) => format!("Tambah {}", l.label()),
            Op::Rename(l) => format!("Ubah nama {}", l.label()),
            Op::Delete(l) => format!("Hapus {}", l.label()),
            Op::Move(l) => format!("Pindahkan {}", l.label()),
            Op::Schedule => "Ubah jadwal bulan".into(),
            Op::EditKriteria => "Ubah kriteria keberhasilan".into(),
            Op::EditPenanggungJawab => "Ubah penanggung jawab".into(),
            Op::AddAnggota => "Tambah anggota tim".into(),
            Op::UpdateAnggota => "Ubah anggota tim".into(),
            Op::DeleteAnggota => "Hapus anggota tim".into(),
            Op::MoveAnggota => "Pindahkan anggota tim".into(),
            Op::Realisasi => "Catat realisasi".into(),
            Op::ClearRealisasi => "Hapus realisasi".into(),
            Op::AddBukti => "Tambah bukti dukung".into(),
            Op::UpdateBukti => "Ubah bukti dukung".into(),
            Op::AddBuktiFiles => "Tambah berkas bukti dukung".into(),
            Op::RemoveBuktiFile => "Hapus berkas bukti dukung".into(),
            Op::DeleteBukti => "Hapus bukti dukung".into(),
            Op::SetLogo => "Ganti logo kop".into(),
            Op::RemoveLogo => "Hapus logo kop".into(),
            Op::CatatanTahunan => "Ubah kesimpulan dan rekomendasi".into(),
            Op::Bab(k) => format!("Ubah narasi BAB {}", k.nomor()),
            Op::Import => "Impor rencana aksi".into(),
            Op::Merge => "Gabungkan berkas rekan".into(),
            Op::AddButir => "Tambah butir LKE".into(),
            Op::UpdateButir => "Ubah butir LKE".into(),
            Op::DeleteButir => "Hapus butir LKE".into(),
            Op::ImportLke => "Impor butir LKE".into(),
            Op::LinkLke => "Ubah tautan tahapan ke butir LKE".into(),
            Op::LinkBuktiLke => "Ubah butir LKE bukti dukung".into(),
        }
    }
}

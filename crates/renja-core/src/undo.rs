//! Undo and redo for every edit, kept in one place: the transaction path.
//!
//! While a plan is edited, TEMP triggers on every table write the inverse of each row change
//! (as SQL built with `quote()`) into a TEMP table, `undo_log`. An edit made through
//! [`Plan::transact`](crate::Plan) is one [`Step`]: the range of log rows it produced. Undoing
//! replays a step's inverses newest first, in one transaction, which logs the inverses of the
//! undo itself: those become the redo step. Nothing of this is stored in the plan file (TEMP
//! objects live in the connection), so the history ends when the plan is closed.
//!
//! Rows brought back by undo get a fresh `modified_at`: for merging, an undo is a new change.

use rusqlite::{Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

/// Whether changes to `table` are undoable: every table of the plan but `berkas`, whose rows
/// (file contents) never change and are only dropped when nothing refers to them; logging
/// their inverses would copy whole files into memory.
fn undoable(table: &str) -> bool {
    table != "berkas"
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

fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA main.table_info({table})"))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(1))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

/// The triggers of one table. Table and column names come from our own schema.
fn triggers_sql(table: &str, cols: &[String]) -> String {
    let set = cols
        .iter()
        .filter(|c| *c != "id")
        .map(|c| format!("'{c}=' || quote(OLD.{c})"))
        .collect::<Vec<_>>()
        .join(" || ',' || ");
    let names = cols.join(",");
    let values = cols
        .iter()
        .map(|c| format!("quote(OLD.{c})"))
        .collect::<Vec<_>>()
        .join(" || ',' || ");
    format!(
        "CREATE TEMP TRIGGER undo_{table}_insert AFTER INSERT ON main.{table} BEGIN
           INSERT INTO undo_log (tbl, row, sql)
           VALUES ('{table}', NEW.id, 'DELETE FROM main.{table} WHERE id = ' || NEW.id);
         END;
         CREATE TEMP TRIGGER undo_{table}_update AFTER UPDATE ON main.{table} BEGIN
           INSERT INTO undo_log (tbl, row, sql)
           VALUES ('{table}', OLD.id,
                   'UPDATE main.{table} SET ' || {set} || ' WHERE id = ' || OLD.id);
         END;
         CREATE TEMP TRIGGER undo_{table}_delete BEFORE DELETE ON main.{table} BEGIN
           INSERT INTO undo_log (tbl, row, sql)
           VALUES ('{table}', OLD.id,
                   'INSERT INTO main.{table} ({names}) VALUES (' || {values} || ')');
         END;"
    )
}

fn last_seq(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(seq), 0) FROM temp.undo_log", [], |r| {
            r.get(0)
        })?,
    )
}

impl History {
    /// Create the log and triggers on first use (so bulk writes that are not edits, such as
    /// creating a plan, log nothing).
    pub(crate) fn install(&mut self, conn: &Connection) -> Result<()> {
        if self.installed {
            return Ok(());
        }
        let mut sql = String::from(
            "CREATE TEMP TABLE undo_log (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                tbl TEXT NOT NULL,
                row INTEGER NOT NULL,
                sql TEXT NOT NULL);",
        );
        for (table, _) in crate::storage::TABLES.iter().filter(|(t, _)| undoable(t)) {
            sql.push_str(&triggers_sql(table, &columns(conn, table)?));
        }
        conn.execute_batch(&sql)?;
        self.installed = true;
        Ok(())
    }

    pub(crate) fn state(&self) -> UndoState {
        UndoState {
            undo: self.undo.last().map(|s| s.op.label().to_owned()),
            redo: self.redo.last().map(|s| s.op.label().to_owned()),
        }
    }

    pub(crate) fn mark(&self, tx: &Transaction<'_>) -> Result<i64> {
        last_seq(tx)
    }

    /// Close an edit that started at log position `before`: a new step, and the redo history
    /// is dropped. Called inside the edit's transaction; returns the step to push after commit.
    pub(crate) fn close(&self, tx: &Transaction<'_>, op: Op, before: i64) -> Result<Option<Step>> {
        let after = last_seq(tx)?;
        if after == before {
            return Ok(None);
        }
        for s in &self.redo {
            tx.execute(
                "DELETE FROM temp.undo_log WHERE seq BETWEEN ?1 AND ?2",
                [s.first, s.last],
            )?;
        }
        Ok(Some(Step {
            op,
            first: before + 1,
            last: after,
        }))
    }

    /// After commit: remember the step.
    pub(crate) fn push(&mut self, tx_conn: &Connection, step: Step) {
        self.redo.clear();
        self.undo.push(step);
        if self.undo.len() > MAX_STEPS {
            let old = self.undo.remove(0);
            // Forgetting history is best effort: a failure only leaves memory in use.
            let _ = tx_conn.execute(
                "DELETE FROM temp.undo_log WHERE seq BETWEEN ?1 AND ?2",
                [old.first, old.last],
            );
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
pub(crate) fn replay(tx: &Transaction<'_>, step: Step, now: &str) -> Result<Step> {
    // Children are re-inserted before their parents are; check references at commit.
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let before = last_seq(tx)?;
    let entries: Vec<(String, i64, String)> = {
        let mut stmt = tx.prepare(
            "SELECT tbl, row, sql FROM temp.undo_log WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq DESC",
        )?;
        let rows = stmt.query_map([step.first, step.last], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut touched: Vec<(String, i64)> = Vec::new();
    for (tbl, row, sql) in &entries {
        tx.execute_batch(sql)?;
        if !touched.iter().any(|(t, r)| t == tbl && r == row) {
            touched.push((tbl.clone(), *row));
        }
    }
    for (tbl, row) in &touched {
        if crate::storage::TABLES.iter().any(|(t, _)| t == tbl) {
            tx.execute(
                &format!("UPDATE main.{tbl} SET modified_at = ?1 WHERE id = ?2"),
                rusqlite::params![now, row],
            )?;
        }
    }
    tx.execute(
        "DELETE FROM temp.undo_log WHERE seq BETWEEN ?1 AND ?2",
        [step.first, step.last],
    )?;
    let after = last_seq(tx)?;
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
    Add(crate::edit::Level),
    Rename(crate::edit::Level),
    Delete(crate::edit::Level),
    Move(crate::edit::Level),
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
        }
    }
}

//! Every change to a plan goes through [`Plan::transact`]: one `IMMEDIATE` transaction that
//! commits or rolls back as a whole, stamped with one time from the plan's clock, and recorded
//! as one undo step. Read-only plans are refused here, once, instead of in every edit.

use crate::error::{Error, Result};
use crate::plan::Plan;
use crate::undo::{self, Op, UndoState};

impl Plan {
    fn writable(&self) -> Result<()> {
        match self.read_only() {
            Some(_) => Err(Error::ReadOnly),
            None => Ok(()),
        }
    }

    /// Run `edit` in one transaction as one undo step. `edit` gets the transaction and the
    /// timestamp to write into `modified_at` of every row it touches.
    pub(crate) fn transact<T>(
        &mut self,
        op: Op,
        edit: impl FnOnce(&crate::storage::Write<'_>, &str) -> Result<T>,
    ) -> Result<T> {
        self.writable()?;
        let now = crate::clock::stamp(self.clock());
        let (conn, history) = self.conn_and_history();
        history.install(conn)?;
        let tx = crate::storage::begin_write(conn)?;
        let before = history.mark(&tx)?;
        let out = edit(&tx, &now)?;
        let step = history.close(&tx, op, before)?;
        tx.commit()?;
        if let Some(step) = step {
            history.push(conn, step);
        }
        Ok(out)
    }

    /// What undo and redo would do now.
    pub fn undo_state(&self) -> UndoState {
        self.history().state()
    }

    /// Take back the last edit. Returns false when there is nothing to undo.
    pub fn undo(&mut self) -> Result<bool> {
        self.writable()?;
        let now = crate::clock::stamp(self.clock());
        let (conn, history) = self.conn_and_history();
        let Some(step) = history.next_undo() else {
            return Ok(false);
        };
        let tx = crate::storage::begin_write(conn)?;
        let inverse = undo::replay(&tx, step, &now)?;
        tx.commit()?;
        history.undone(inverse);
        Ok(true)
    }

    /// Make the last undone edit again. Returns false when there is nothing to redo.
    pub fn redo(&mut self) -> Result<bool> {
        self.writable()?;
        let now = crate::clock::stamp(self.clock());
        let (conn, history) = self.conn_and_history();
        let Some(step) = history.next_redo() else {
            return Ok(false);
        };
        let tx = crate::storage::begin_write(conn)?;
        let inverse = undo::replay(&tx, step, &now)?;
        tx.commit()?;
        history.redone(inverse);
        Ok(true)
    }
}

//! Every change to a plan goes through [`Plan::transact`]: one `IMMEDIATE` transaction that
//! commits or rolls back as a whole, stamped with one time from the plan's clock. Read-only
//! plans are refused here, once, instead of in every edit. Undo will live here too.

use rusqlite::{Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::plan::Plan;

/// The kinds of edit, named for the user ("Urungkan: Ubah identitas rencana").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    UpdateIdentity,
}

impl Op {
    #[allow(dead_code, reason = "shown by the undo buttons of the grid issue")]
    pub(crate) fn label(self) -> &'static str {
        match self {
            Op::UpdateIdentity => "Ubah identitas rencana",
        }
    }
}

impl Plan {
    /// Run `edit` in one transaction. `edit` gets the transaction and the timestamp to write
    /// into `modified_at` of every row it touches.
    pub(crate) fn transact<T>(
        &mut self,
        _op: Op,
        edit: impl FnOnce(&Transaction<'_>, &str) -> Result<T>,
    ) -> Result<T> {
        if self.read_only().is_some() {
            return Err(Error::ReadOnly);
        }
        let now = crate::clock::stamp(self.clock());
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = edit(&tx, &now)?;
        tx.commit()?;
        Ok(out)
    }
}

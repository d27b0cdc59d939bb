//! Importing a Rencana Aksi table into a plan: appended to the open plan as one undoable
//! step, or as the whole tree of a new plan. The preview was built by `import::build`; this
//! file only runs its writing in the right transaction.

use std::path::Path;
use std::sync::Arc;

use crate::clock::Clock;
use crate::error::Result;
use crate::import::{self, ImportCounts, Preview};
use crate::plan::{NewPlan, Plan};
use crate::template::Template;
use crate::undo::Op;

impl Plan {
    /// Append the preview's tree after the plan's programs, as one undo step
    /// ("Impor rencana aksi"). Returns what was added.
    pub fn import(&mut self, preview: &Preview) -> Result<ImportCounts> {
        preview.check_not_empty()?;
        self.transact(Op::Import, |tx, now| import::write(tx, now, &preview.tree))?;
        Ok(preview.counts)
    }

    /// Create a new plan at `path` for year `tahun` holding only the preview's tree (and
    /// an empty identity but the year). Like [`Plan::create`], `path` never holds a
    /// half-made plan; an existing file is replaced only if `replace`.
    pub fn create_imported(
        path: &Path,
        tahun: i32,
        preview: &Preview,
        replace: bool,
        clock: Arc<dyn Clock>,
    ) -> Result<Plan> {
        preview.check_not_empty()?;
        let new = NewPlan {
            template: Template::Empty,
            tahun,
        };
        Plan::create_with(path, new, replace, clock, |conn, now| {
            let tx = crate::storage::begin_write(conn)?;
            import::write(&tx, now, &preview.tree)?;
            tx.commit()?;
            Ok(())
        })
    }
}

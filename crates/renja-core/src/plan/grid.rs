//! `Plan`'s month grid: the grid as `grid` builds it from the database, the plan's clock and
//! the undo history.

use crate::error::Result;
use crate::grid::{self, Grid};
use crate::plan::Plan;

impl Plan {
    pub fn grid(&self) -> Result<Grid> {
        grid::grid(self.db(), self.clock().today(), self.undo_state())
    }
}

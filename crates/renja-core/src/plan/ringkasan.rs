//! `Plan`'s Ringkasan: the dashboard of a month as `ringkasan` builds it from the database and
//! the plan's clock; the month defaults to today's, clamped into the plan's year.

use crate::error::Result;
use crate::plan::Plan;
use crate::ringkasan::{self, Ringkasan};

impl Plan {
    /// The Ringkasan at the end of month `bulan` (1–12), or of today's month when `None`.
    pub fn ringkasan(&self, bulan: Option<u8>) -> Result<Ringkasan> {
        ringkasan::ringkasan(self.db(), self.clock().today(), bulan, None)
    }
}

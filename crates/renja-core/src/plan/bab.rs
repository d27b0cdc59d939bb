//! The Laporan Tahunan's chapters on a [`Plan`]: checked by `crate::bab`, each change one
//! undoable edit.

use crate::bab;
use crate::error::Result;
use crate::model::{Bab, BabKunci};
use crate::plan::Plan;
use crate::undo::Op;

impl Plan {
    pub fn bab(&self) -> Result<Bab> {
        bab::get(self.db())
    }

    pub fn set_bab(&mut self, kunci: BabKunci, teks: &str) -> Result<()> {
        let clean = bab::check(kunci, teks)?;
        self.transact(Op::Bab(kunci), |tx, now| bab::set(tx, kunci, &clean, now))
    }
}

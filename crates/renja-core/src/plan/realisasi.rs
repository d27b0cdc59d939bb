//! `Plan`'s realisasi: each method checks the record with `realisasi` and runs the change as
//! one transaction and one undo step. The rules are `realisasi`'s.

use crate::error::Result;
use crate::ids::TahapanId;
use crate::plan::Plan;
use crate::realisasi::{self, Realisasi, RealisasiInput};
use crate::undo::Op;

impl Plan {
    /// The realisasi of a tahapan in month `bulan` (1–12), if recorded.
    pub fn realisasi(&self, id: TahapanId, bulan: u8) -> Result<Option<Realisasi>> {
        realisasi::get(self.db(), id, bulan)
    }

    /// Record (or replace) the realisasi of a tahapan in month `bulan`.
    pub fn set_realisasi(
        &mut self,
        id: TahapanId,
        bulan: u8,
        input: &RealisasiInput,
    ) -> Result<()> {
        let checked = realisasi::check(bulan, input)?;
        self.transact(Op::Realisasi, |tx, now| {
            realisasi::set(tx, now, id, &checked)
        })
    }

    /// Remove the realisasi of a tahapan in month `bulan`.
    pub fn clear_realisasi(&mut self, id: TahapanId, bulan: u8) -> Result<()> {
        let bulan = realisasi::check_bulan(bulan)?;
        self.transact(Op::ClearRealisasi, |tx, _| realisasi::clear(tx, id, bulan))
    }
}

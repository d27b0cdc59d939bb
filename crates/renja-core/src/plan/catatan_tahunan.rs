//! The Kesimpulan dan Rekomendasi on a [`Plan`]: checked by `crate::catatan_tahunan`, stored
//! in one undoable edit.

use crate::catatan_tahunan;
use crate::error::Result;
use crate::model::CatatanTahunan;
use crate::plan::Plan;
use crate::undo::Op;

impl Plan {
    pub fn catatan_tahunan(&self) -> Result<CatatanTahunan> {
        catatan_tahunan::get(self.db())
    }

    pub fn set_catatan_tahunan(&mut self, catatan: &CatatanTahunan) -> Result<()> {
        let clean = catatan_tahunan::check(catatan)?;
        self.transact(Op::CatatanTahunan, |tx, now| {
            catatan_tahunan::set(tx, &clean, now)
        })
    }
}

//! The Kesimpulan dan Rekomendasi of the Laporan Monev Tahunan: what the team concludes about
//! the year and recommends for the next, typed on the Laporan page and stored in the `plan`
//! row. The module carries the name of the type and of the edit (`CatatanTahunan`,
//! `Op::CatatanTahunan`), so the feature has one name from the core to the UI.
//!
//! It checks and stores the notes; `report` only reads them. It gets `storage` handles, never
//! a `Plan`.

use crate::error::Result;
use crate::limits::MAX_CATATAN_TAHUNAN as MAX;
use crate::model::CatatanTahunan;
use crate::realisasi::note;
use crate::storage::{self, Read, Write};

/// The notes as they are stored: tidied like every note, within [`MAX`] characters each.
pub(crate) fn check(catatan: &CatatanTahunan) -> Result<CatatanTahunan> {
    Ok(CatatanTahunan {
        kesimpulan: note("kesimpulan", "Kesimpulan", &catatan.kesimpulan, MAX)?,
        rekomendasi: note("rekomendasi", "Rekomendasi", &catatan.rekomendasi, MAX)?,
    })
}

pub(crate) fn get(db: &Read) -> Result<CatatanTahunan> {
    storage::identity::catatan_tahunan(db)
}

/// Store notes already [`check`]ed.
pub(crate) fn set(tx: &Write<'_>, catatan: &CatatanTahunan, now: &str) -> Result<()> {
    storage::identity::set_catatan_tahunan(tx, catatan, now)
}

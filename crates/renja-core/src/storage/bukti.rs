//! The `bukti` and `bukti_berkas` tables: evidence and the files attached to it.

use rusqlite::OptionalExtension;

use super::Read;
use crate::error::Result;

/// The `berkas` row holding the contents of file `bukti_berkas` (by its id), if it exists.
pub(crate) fn berkas_id(db: &Read, bukti_berkas: i64) -> Result<Option<i64>> {
    Ok(db
        .prepare_cached("SELECT berkas_id FROM bukti_berkas WHERE id = ?1")?
        .query_row([bukti_berkas], |r| r.get(0))
        .optional()?)
}

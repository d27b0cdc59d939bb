//! The `berkas` table: file contents inside the plan file, one row per distinct SHA-256, the
//! bytes in the `data` BLOB. The SHA-256 is how a row is found and how its bytes are checked,
//! so the hashing helpers live here too.
//!
//! Contents are streamed in and out through SQLite's incremental BLOB I/O ([`contents`],
//! [`contents_mut`]) in [`CHUNK`]-sized pieces: a 300 MB file is never held in memory, let
//! alone twice. What goes into a row (limits, the file on disk, checking what was written) is
//! decided by `bukti::berkas`; this module only moves bytes and rows.

use std::path::PathBuf;

use rusqlite::blob::{Blob, ZeroBlob};
use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{Read, Write};
use crate::error::{Error, Result};

/// The piece every file transfer reads and writes at a time.
const CHUNK: usize = 1 << 20;

/// Lowercase hex of a digest, as the `sha256` column holds it.
pub(crate) fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Copy everything `reader` yields into `writer` in chunks, hashing it on the way. Returns the
/// SHA-256 (lowercase hex) and the number of bytes. The one loop every file transfer uses.
pub(crate) fn copy_hashing(
    mut reader: impl std::io::Read,
    mut writer: impl std::io::Write,
) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        writer.write_all(&buf[..n])?;
        total += n as u64;
    }
    Ok((hex(&hasher.finalize()), total))
}

/// SHA-256 and length of everything `reader` yields, read in chunks.
pub(crate) fn hash_stream(reader: impl std::io::Read) -> std::io::Result<(String, u64)> {
    copy_hashing(reader, std::io::sink())
}

/// The row holding contents with this SHA-256, if any.
pub(crate) fn find(db: &Read, sha256: &str) -> Result<Option<i64>> {
    Ok(db
        .prepare_cached("SELECT id FROM berkas WHERE sha256 = ?1")?
        .query_row([sha256], |r| r.get(0))
        .optional()?)
}

/// The SHA-256 and size recorded for row `id`, if there is such a row.
pub(crate) fn fingerprint(db: &Read, id: i64) -> Result<Option<(String, u64)>> {
    Ok(db
        .prepare_cached("SELECT sha256, size FROM berkas WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))
        .optional()?)
}

/// A new row of `size` zero bytes under `sha256`, to be filled through [`contents_mut`].
pub(crate) fn insert(tx: &Write<'_>, sha256: &str, size: u64) -> Result<i64> {
    tx.prepare_cached("INSERT INTO berkas (sha256, size, data) VALUES (?1, ?2, ?3)")?
        .execute(params![sha256, size as i64, ZeroBlob(size)])?;
    Ok(tx.last_insert_rowid())
}

/// Record the SHA-256 of row `id` (for contents hashed while they were written).
pub(crate) fn set_sha256(tx: &Write<'_>, id: i64, sha256: &str) -> Result<()> {
    tx.prepare_cached("UPDATE berkas SET sha256 = ?1 WHERE id = ?2")?
        .execute(params![sha256, id])?;
    Ok(())
}

pub(crate) fn delete(tx: &Write<'_>, id: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM berkas WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Whether some contents are no longer referred to by any evidence file.
pub(crate) fn any_unreferenced(db: &Read) -> Result<bool> {
    Ok(db
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM berkas WHERE id NOT IN (SELECT berkas_id FROM bukti_berkas))",
        )?
        .query_row([], |r| r.get(0))?)
}

/// Drop contents no evidence file refers to any more. Only safe when no undo step can bring
/// a reference back, i.e. when the plan is being closed.
pub(crate) fn drop_unreferenced(tx: &Write<'_>) -> Result<usize> {
    Ok(tx
        .prepare_cached("DELETE FROM berkas WHERE id NOT IN (SELECT berkas_id FROM bukti_berkas)")?
        .execute([])?)
}

/// The stored bytes of one row, read in place as a stream.
pub(crate) struct Contents<'a>(Blob<'a>);

impl Contents<'_> {
    /// The number of bytes SQLite holds (not the recorded `size`, which a damaged file may
    /// get wrong).
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}

impl std::io::Read for Contents<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        std::io::Read::read(&mut self.0, buf)
    }
}

/// Read the bytes of row `id` as a stream.
pub(crate) fn contents(db: &Read, id: i64) -> Result<Contents<'_>> {
    Ok(Contents(db.blob_open("main", "berkas", "data", id, true)?))
}

/// Write over the bytes of row `id` from the start, as a stream. A BLOB does not grow: the
/// row must have been inserted with the final size.
pub(crate) fn contents_mut<'a>(tx: &'a Write<'_>, id: i64) -> Result<impl std::io::Write + 'a> {
    Ok(tx.blob_open("main", "berkas", "data", id, false)?)
}

/// The error for stored contents that no longer match their SHA-256, naming the evidence
/// files that use them (as far as they can still be read).
pub(crate) fn damaged(db: &Read, id: i64) -> Error {
    Error::DamagedEvidence {
        path: db.path().map(PathBuf::from).unwrap_or_default(),
        names: super::bukti::names_using(db, id).unwrap_or_default(),
    }
}

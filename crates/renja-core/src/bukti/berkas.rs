//! File contents of evidence: what may go into the plan file and how it is checked on the way
//! in and out. Contents are kept once per distinct SHA-256 (`storage::berkas`) and streamed in
//! chunks, so a 300 MB file is never held in memory, let alone twice. After writing, the stored
//! bytes are read back and hashed again before the transaction may commit; on the way out they
//! are hashed again, and contents that no longer match are refused rather than handed on.
//!
//! No SQL here: rows and BLOB streams come from `storage::berkas`.

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::progress::{Counted, Progress};
use crate::error::{Error, Result};
use crate::storage::berkas::{copy_hashing, hash_stream, hex};
use crate::storage::{self, Read, Write};

/// Largest file accepted as evidence.
pub const MAX_FILE_BYTES: u64 = 300 * 1024 * 1024;

fn too_big(path: &Path, size: u64) -> Error {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Error::invalid(
        "berkas",
        format!(
            "Berkas \"{name}\" terlalu besar ({} MB). Batas satu berkas bukti dukung adalah {} MB; \
             perkecil atau pisahkan berkasnya.",
            size.div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

fn changed(path: &Path) -> Error {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Error::invalid(
        "berkas",
        format!(
            "Berkas \"{name}\" berubah ketika sedang ditambahkan. Tutup program yang menyuntingnya, lalu coba lagi."
        ),
    )
}

/// The size of the file at `path` as the request counts it for progress; 0 when it cannot be
/// read (`store` then says why).
pub(crate) fn planned_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// Store the file at `path` inside the caller's transaction and return its `berkas` row: an
/// existing row when the same contents are already in the plan. Every chunk read is counted
/// into `progress`, whose caller began the file (see `progress` for how the three passes
/// over the bytes are counted).
pub(crate) fn store(tx: &Write<'_>, path: &Path, progress: &mut Progress<'_>) -> Result<i64> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::io(path, std::io::ErrorKind::IsADirectory.into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(path, meta.len()));
    }
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let counted = Counted {
        inner: file,
        progress: &mut *progress,
    };
    let (sha256, size) = hash_stream(counted).map_err(|e| Error::io(path, e))?;
    if size > MAX_FILE_BYTES {
        return Err(too_big(path, size));
    }
    if let Some(id) = storage::berkas::find(tx, &sha256)? {
        return Ok(id);
    }
    let id = storage::berkas::insert(tx, &sha256, size)?;
    // Copy the file in, hashing what is written: the file may have changed since it was hashed.
    {
        let blob = storage::berkas::contents_mut(tx, id)?;
        let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
        let counted = Counted {
            inner: (&mut file).take(size),
            progress: &mut *progress,
        };
        let (written_hash, written) =
            copy_hashing(counted, blob).map_err(|e| Error::io(path, e))?;
        let grew = file.read(&mut [0u8; 1]).map_err(|e| Error::io(path, e))? > 0;
        if grew || written != size || written_hash != sha256 {
            return Err(changed(path));
        }
    }
    // Read back what SQLite holds, before anyone may commit it.
    let stored = Counted {
        inner: storage::berkas::contents(tx, id)?,
        progress,
    };
    let (back, back_len) = hash_stream(stored).map_err(|e| Error::Internal(e.to_string()))?;
    if back != sha256 || back_len != size {
        return Err(Error::Internal(format!(
            "stored file hash {back} differs from {sha256}"
        )));
    }
    Ok(id)
}

/// Write the contents of berkas `id` to `dest` through a temporary file in the same folder,
/// synced and renamed, so `dest` is whole or untouched.
pub(crate) fn export(db: &Read, id: i64, dest: &Path) -> Result<()> {
    let (sha256, size) =
        storage::berkas::fingerprint(db, id)?.ok_or(Error::Missing { what: "berkas", id })?;
    crate::file::write_with(dest, |out| {
        let blob = storage::berkas::contents(db, id)?;
        let (written_hash, written) = copy_hashing(blob, out).map_err(|e| Error::io(dest, e))?;
        if written_hash != sha256 || written != size {
            return Err(storage::berkas::damaged(db, id));
        }
        Ok(())
    })
}

/// The whole contents of berkas `id`, checked against its SHA-256 (for viewing).
pub(crate) fn read_all(db: &Read, id: i64) -> Result<Vec<u8>> {
    let (sha256, _) =
        storage::berkas::fingerprint(db, id)?.ok_or(Error::Missing { what: "berkas", id })?;
    let mut blob = storage::berkas::contents(db, id)?;
    let mut bytes = Vec::with_capacity(blob.len());
    // A read that fails inside the plan file is a damaged page under these contents.
    blob.read_to_end(&mut bytes)
        .map_err(|_| storage::berkas::damaged(db, id))?;
    if hex(&Sha256::digest(&bytes)) != sha256 {
        return Err(storage::berkas::damaged(db, id));
    }
    Ok(bytes)
}

/// The MIME type shown for a file name.
pub fn mime_for(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "bmp" => "image/bmp",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

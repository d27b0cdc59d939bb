//! File contents inside the plan file: one `berkas` row per distinct SHA-256. Files are
//! streamed in and out in chunks through SQLite's incremental BLOB I/O, so a 100 MB file is
//! never held in memory, let alone twice. After writing, the stored bytes are read back and
//! hashed again before the transaction may commit.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::blob::ZeroBlob;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Largest file accepted as evidence.
pub const MAX_FILE_BYTES: u64 = 300 * 1024 * 1024;
const CHUNK: usize = 1 << 20;

pub(crate) fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Copy everything `reader` yields into `writer` in chunks, hashing it on the way. Returns the
/// SHA-256 (lowercase hex) and the number of bytes. The one loop every file transfer uses.
pub(crate) fn copy_hashing(
    mut reader: impl Read,
    mut writer: impl Write,
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
pub(crate) fn hash_stream(reader: impl Read) -> std::io::Result<(String, u64)> {
    copy_hashing(reader, std::io::sink())
}

/// A stored file: its row, hash and size, and whether this call stored it (false when the
/// same contents were already in the plan).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stored {
    pub id: i64,
    pub sha256: String,
    pub size: u64,
    pub new: bool,
}

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

/// Store the file at `path` (inside the caller's transaction) and return its row.
pub(crate) fn store(conn: &Connection, path: &Path) -> Result<Stored> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::io(path, std::io::ErrorKind::IsADirectory.into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(path, meta.len()));
    }
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let (sha256, size) = hash_stream(file).map_err(|e| Error::io(path, e))?;
    if size > MAX_FILE_BYTES {
        return Err(too_big(path, size));
    }
    let existing: Option<i64> = conn
        .prepare_cached("SELECT id FROM berkas WHERE sha256 = ?1")?
        .query_row([&sha256], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(Stored {
            id,
            sha256,
            size,
            new: false,
        });
    }
    conn.prepare_cached("INSERT INTO berkas (sha256, size, data) VALUES (?1, ?2, ?3)")?
        .execute(params![sha256, size as i64, ZeroBlob(size)])?;
    let id = conn.last_insert_rowid();
    // Copy the file in, hashing what is written: the file may have changed since it was hashed.
    {
        let blob = conn.blob_open("main", "berkas", "data", id, false)?;
        let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
        let (written_hash, written) =
            copy_hashing((&mut file).take(size), blob).map_err(|e| Error::io(path, e))?;
        let grew = file.read(&mut [0u8; 1]).map_err(|e| Error::io(path, e))? > 0;
        if grew || written != size || written_hash != sha256 {
            return Err(changed(path));
        }
    }
    // Read back what SQLite holds, before anyone may commit it.
    let blob = conn.blob_open("main", "berkas", "data", id, true)?;
    let (stored, stored_len) = hash_stream(blob).map_err(|e| Error::Internal(e.to_string()))?;
    if stored != sha256 || stored_len != size {
        return Err(Error::Internal(format!(
            "stored file hash {stored} differs from {sha256}"
        )));
    }
    Ok(Stored {
        id,
        sha256,
        size,
        new: true,
    })
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

/// Write the contents of berkas `id` to `dest` through a temporary file in the same folder,
/// synced and renamed, so `dest` is whole or untouched.
pub(crate) fn export(conn: &Connection, id: i64, dest: &Path) -> Result<()> {
    let (sha256, size): (String, i64) = conn
        .prepare_cached("SELECT sha256, size FROM berkas WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or(Error::Missing { what: "berkas", id })?;
    crate::file::write_with(dest, |out| {
        let blob = conn.blob_open("main", "berkas", "data", id, true)?;
        let (written_hash, written) = copy_hashing(blob, out).map_err(|e| Error::io(dest, e))?;
        if written_hash != sha256 || written as i64 != size {
            return Err(damaged(conn, id));
        }
        Ok(())
    })
}

/// The error for stored contents that no longer match their SHA-256, naming the files of
/// the evidence that use them.
fn damaged(conn: &Connection, id: i64) -> Error {
    let names = conn
        .prepare_cached("SELECT nama FROM bukti_berkas WHERE berkas_id = ?1 ORDER BY id")
        .and_then(|mut s| s.query_map([id], |r| r.get(0))?.collect())
        .unwrap_or_default();
    Error::DamagedEvidence {
        path: conn.path().map(PathBuf::from).unwrap_or_default(),
        names,
    }
}

/// The whole contents of berkas `id`, checked against its SHA-256 (for viewing).
pub(crate) fn read_all(conn: &Connection, id: i64) -> Result<Vec<u8>> {
    let sha256: String = conn
        .prepare_cached("SELECT sha256 FROM berkas WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or(Error::Missing { what: "berkas", id })?;
    let mut blob = conn.blob_open("main", "berkas", "data", id, true)?;
    let mut bytes = Vec::with_capacity(blob.len());
    // A read that fails inside the plan file is a damaged page under these contents.
    blob.read_to_end(&mut bytes)
        .map_err(|_| damaged(conn, id))?;
    if hex(&Sha256::digest(&bytes)) != sha256 {
        return Err(damaged(conn, id));
    }
    Ok(bytes)
}

/// Drop file contents no evidence refers to any more. Only safe when no undo step can bring
/// a reference back, i.e. when the plan is being closed.
pub(crate) fn drop_unreferenced(conn: &Connection) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM berkas WHERE id NOT IN (SELECT berkas_id FROM bukti_berkas)",
        [],
    )?)
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

//! How SQLite is asked to open a plan file: read and write, read-only beside a live writer,
//! or `immutable` (only the main file, no journal, WAL or lock looked at or created).

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{corrupt_on_sql, harden};
use crate::error::{Error, Result};

/// How SQLite is asked to open a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Access {
    /// Read and write; SQLite may roll back a journal it finds (only ever one judged ours).
    Write,
    /// Read only, sharing SQLite's locks with a live writer in another process.
    ReadShared,
    /// Read only the main file: no journal, WAL or lock is looked at or created.
    ReadImmutable,
}

/// A `file:` URI for `path`, as SQLite wants it on every platform: `%`, `?` and `#` (and
/// everything outside plain ASCII) percent-encoded, backslashes as slashes, a drive letter
/// after a slash (`file:///C:/…`).
fn sqlite_uri(path: &Path) -> Result<String> {
    let text = path
        .to_str()
        .ok_or_else(|| Error::invalid("path", "Nama berkas atau foldernya tidak dapat dipakai."))?;
    let mut text = text.replace('\\', "/");
    if text.as_bytes().get(1) == Some(&b':') {
        text.insert(0, '/');
    }
    let mut uri = String::from("file:");
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                uri.push(b as char)
            }
            b => uri.push_str(&format!("%{b:02X}")),
        }
    }
    Ok(uri)
}

pub(super) fn connect(path: &Path, access: Access) -> Result<Connection> {
    let base = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_EXRESCODE;
    let conn = match access {
        Access::Write => {
            Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_WRITE)
        }
        Access::ReadShared => {
            Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_ONLY)
        }
        Access::ReadImmutable => Connection::open_with_flags(
            format!("{}?immutable=1", sqlite_uri(path)?),
            base | OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        ),
    }
    .map_err(corrupt_on_sql(path))?;
    harden(&conn)?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_what_sqlite_would_read_as_syntax() {
        let uri = |p: &str| sqlite_uri(Path::new(p)).expect("uri");
        assert_eq!(
            uri("/home/rina/Renja RB #2 ?100%.renjarb"),
            "file:/home/rina/Renja%20RB%20%232%20%3F100%25.renjarb"
        );
        assert_eq!(
            uri(r"C:\Users\Pokja\Dokumen\Renja RB\Perkebunan.renjarb"),
            "file:/C:/Users/Pokja/Dokumen/Renja%20RB/Perkebunan.renjarb"
        );
        assert_eq!(
            uri("/data/rencana–2026.renjarb"),
            "file:/data/rencana%E2%80%932026.renjarb"
        );
    }
}

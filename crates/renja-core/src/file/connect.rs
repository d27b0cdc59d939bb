//! How SQLite is asked to open a plan file: read and write, read-only beside a live writer,
//! or `immutable` (only the main file, no journal, WAL or lock looked at or created).

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{corrupt_on_sql, harden, prepare_for_writing};
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

/// A new, empty database at `tmp` (a temporary that becomes the plan at `shown`, the name
/// errors speak of), set up for writing.
pub(crate) fn create_new(tmp: &Path, shown: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_EXRESCODE;
    let conn =
        Connection::open_with_flags(tmp, flags).map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::CannotOpen) => Error::cannot_create(shown),
            _ => Error::Sql(e),
        })?;
    harden(&conn)?;
    prepare_for_writing(&conn)?;
    Ok(conn)
}

/// A copy of the database of `conn` in memory, which `conn` is closed for: how an older plan
/// opened read-only is upgraded without touching its file.
pub(crate) fn into_memory(conn: Connection) -> Result<Connection> {
    let mut mem = Connection::open_in_memory()?;
    rusqlite::backup::Backup::new(&conn, &mut mem)?.run_to_completion(
        256,
        std::time::Duration::ZERO,
        None,
    )?;
    close(conn)?;
    harden(&mem)?;
    Ok(mem)
}

/// Close `conn`, surfacing the error SQLite reports on closing (a failed final write).
pub(crate) fn close(conn: Connection) -> Result<()> {
    conn.close().map_err(|(_, e)| Error::Sql(e))
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

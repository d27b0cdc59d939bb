//! Reading the first 100 bytes of a file before SQLite ever sees it. This is how a wrong file
//! is refused without being touched: SQLite is not allowed to open, lock or journal anything
//! until the header says the file is a complete Renja RB plan.
//!
//! Layout: <https://www.sqlite.org/fileformat.html#the_database_header>.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::error::{Error, LooksLike, Result};

pub(crate) const MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

/// The facts of a SQLite header that decide whether we may open the file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Header {
    pub page_size: u64,
    pub write_version: u8,
    pub read_version: u8,
    pub change_counter: u32,
    pub page_count: u32,
    pub version_valid_for: u32,
    pub user_version: u32,
    pub application_id: u32,
    /// 1 = UTF-8, 2 = UTF-16le, 3 = UTF-16be.
    pub text_encoding: u32,
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

impl Header {
    fn parse(b: &[u8; HEADER_LEN]) -> Option<Header> {
        let raw_page = u16::from_be_bytes([b[16], b[17]]);
        let page_size = match raw_page {
            1 => 65_536,
            n if n >= 512 && n.is_power_of_two() => u64::from(n),
            _ => return None,
        };
        Some(Header {
            page_size,
            write_version: b[18],
            read_version: b[19],
            change_counter: be32(b, 24),
            page_count: be32(b, 28),
            version_valid_for: be32(b, 92),
            user_version: be32(b, 60),
            application_id: be32(b, 68),
            text_encoding: be32(b, 56),
        })
    }

    /// The size the file must have, when the header's page count can be trusted (it can when
    /// "version-valid-for" equals the change counter, as in every file SQLite ≥ 3.7 writes).
    pub fn expected_len(&self) -> Option<u64> {
        (self.version_valid_for == self.change_counter && self.page_count > 0)
            .then(|| u64::from(self.page_count) * self.page_size)
    }
}

/// Whether `bytes` is UTF-8, allowing the last character to be cut off by the read.
fn is_utf8_prefix(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Guess what a non-SQLite file is, only to word the refusal.
pub(crate) fn looks_like(head: &[u8]) -> LooksLike {
    let trimmed: &[u8] = {
        let start = head
            .iter()
            .position(|c| !c.is_ascii_whitespace())
            .unwrap_or(head.len());
        let t = &head[start..];
        t.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(t)
    };
    let lower: Vec<u8> = trimmed
        .iter()
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        LooksLike::Zip
    } else if head.starts_with(b"%PDF") {
        LooksLike::Pdf
    } else if head.starts_with(b"\x89PNG")
        || head.starts_with(b"\xFF\xD8\xFF")
        || head.starts_with(b"GIF8")
    {
        LooksLike::Image
    } else if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<head")
    {
        LooksLike::Html
    } else if !head.is_empty() && !head.contains(&0) && is_utf8_prefix(head) {
        LooksLike::Text
    } else {
        LooksLike::Unknown
    }
}

/// Read and judge the header of `path`, including its length against the page count.
/// Returns the header and the file's length. The file is opened read-only and nothing is
/// written.
pub(crate) fn read(path: &Path) -> Result<(Header, u64)> {
    let (header, len) = read_start(path)?;
    check_length(path, &header, len)?;
    Ok((header, len))
}

/// [`read`] without the length check: what can be judged while a hot journal may still
/// have to restore the file's length.
pub(crate) fn read_start(path: &Path) -> Result<(Header, u64)> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::NotAPlan {
            path: path.into(),
            looks_like: LooksLike::Unknown,
        });
    }
    let len = meta.len();
    if len == 0 {
        return Err(Error::EmptyFile { path: path.into() });
    }
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut head = [0u8; HEADER_LEN];
    let mut got = 0;
    while got < HEADER_LEN {
        match file.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    if !head[..got].starts_with(MAGIC) {
        return Err(Error::NotAPlan {
            path: path.into(),
            looks_like: looks_like(&head[..got]),
        });
    }
    let corrupt = |detail: &str| Error::Corrupt {
        path: path.into(),
        detail: detail.to_owned(),
    };
    if got < HEADER_LEN {
        return Err(Error::Truncated {
            path: path.into(),
            expected: HEADER_LEN as u64,
            actual: len,
        });
    }
    let header = Header::parse(&head).ok_or_else(|| corrupt("invalid page size"))?;
    if header.application_id != super::APPLICATION_ID {
        return Err(Error::ForeignDatabase { path: path.into() });
    }
    if header.user_version > super::SCHEMA_VERSION {
        return Err(Error::TooNew {
            path: path.into(),
            found: header.user_version,
            supported: super::SCHEMA_VERSION,
        });
    }
    if header.user_version == 0 {
        return Err(corrupt("schema version 0"));
    }
    // Our files always use the rollback journal; a WAL-mode file would make SQLite create
    // -wal and -shm files beside it, even to read.
    if header.write_version != 1 || header.read_version != 1 {
        return Err(corrupt("not in rollback-journal mode"));
    }
    // SQLite converts UTF-16 text on the fly, but our files are UTF-8 and a different
    // encoding means another tool made or rewrote the file.
    if header.text_encoding != 1 {
        return Err(corrupt("text encoding is not UTF-8"));
    }
    Ok((header, len))
}

/// The file's length must be exactly its pages: shorter is a cut-off copy, longer is
/// something appended to it (SQLite would ignore it, but we do not carry what we ignore).
pub(crate) fn check_length(path: &Path, header: &Header, len: u64) -> Result<()> {
    match header.expected_len() {
        Some(expected) if len < expected => Err(Error::Truncated {
            path: path.into(),
            expected,
            actual: len,
        }),
        Some(expected) if len > expected => Err(Error::Corrupt {
            path: path.into(),
            detail: format!("{len} bytes, {expected} expected from the page count"),
        }),
        // Without a trusted page count, a length between pages is all that can be told.
        None if !len.is_multiple_of(header.page_size) => Err(Error::Truncated {
            path: path.into(),
            expected: len.div_ceil(header.page_size) * header.page_size,
            actual: len,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_common_kinds() {
        assert_eq!(looks_like(b"PK\x03\x04rest"), LooksLike::Zip);
        assert_eq!(looks_like(b"%PDF-1.7"), LooksLike::Pdf);
        assert_eq!(looks_like(b"  <!DOCTYPE html><html>"), LooksLike::Html);
        assert_eq!(looks_like(b"\xEF\xBB\xBF<html lang=id>"), LooksLike::Html);
        assert_eq!(
            looks_like(b"program_no,program\r\n1,Manajemen"),
            LooksLike::Text
        );
        assert_eq!(looks_like(b"\x89PNG\r\n"), LooksLike::Image);
        assert_eq!(looks_like(&[0, 159, 146, 150]), LooksLike::Unknown);
        // A multi-byte character cut by the 100-byte read is still text.
        let mut cut = "a".repeat(99).into_bytes();
        cut.push("–".as_bytes()[0]);
        assert_eq!(looks_like(&cut), LooksLike::Text);
    }
}

//! A workbook's ZIP, opened with its sizes checked before anything else reads it.
//!
//! The sizes a ZIP declares can lie, so every part that `calamine` or we will read (every
//! `.xml` and `.rels`) is inflated once here into a counter, stopping at
//! [`MAX_PART_BYTES`] for one part and [`MAX_UNZIPPED_BYTES`] for all: a "zip bomb" that
//! unzips to 1 GB is refused after reading 64 MB of it, in well under a second, and never
//! reaches `calamine`. Pictures and other parts nobody reads are not inflated.

use std::io::{Cursor, Read};

use super::{MAX_PART_BYTES, MAX_UNZIPPED_BYTES, problem, too_big};
use crate::error::{ImportProblem, Result};

/// The most entries a workbook may have; a real one has a few dozen.
const MAX_ENTRIES: usize = 10_000;

pub(crate) struct Archive {
    pub zip: ::zip::ZipArchive<Cursor<Vec<u8>>>,
    name: String,
}

fn is_read(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".xml") || lower.ends_with(".rels")
}

impl Archive {
    /// Open and check every part that will be read. `name` is for messages.
    pub fn open(name: &str, bytes: Vec<u8>) -> Result<Archive> {
        let corrupt = || problem(name, ImportProblem::Corrupt);
        let mut zip = ::zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| corrupt())?;
        if zip.len() > MAX_ENTRIES {
            return Err(too_big(name, "Buku kerja", "10.000 bagian"));
        }
        let mut total = 0u64;
        for i in 0..zip.len() {
            let mut entry = match zip.by_index(i) {
                Ok(entry) => entry,
                Err(::zip::result::ZipError::UnsupportedArchive(_)) => {
                    return Err(problem(name, ImportProblem::Encrypted));
                }
                Err(_) => return Err(corrupt()),
            };
            let part = entry.name().map_err(|_| corrupt())?.into_owned();
            if !is_read(&part) {
                continue;
            }
            let n = std::io::copy(
                &mut (&mut entry).take(MAX_PART_BYTES + 1),
                &mut std::io::sink(),
            )
            .map_err(|_| corrupt())?;
            if n > MAX_PART_BYTES {
                return Err(too_big(
                    name,
                    &format!("Bagian \"{part}\" dari buku kerja ini"),
                    "64 MB setelah diekstrak",
                ));
            }
            total += n;
            if total > MAX_UNZIPPED_BYTES {
                return Err(too_big(
                    name,
                    "Isi buku kerja ini",
                    "200 MB setelah diekstrak",
                ));
            }
        }
        Ok(Archive {
            zip,
            name: name.to_owned(),
        })
    }

    pub fn has(&self, part: &str) -> bool {
        self.zip.index_for_name(part).is_some()
    }

    /// The inflated bytes of `part` (checked by [`Archive::open`]), or `None` if absent.
    pub fn part(&mut self, part: &str) -> Result<Option<Vec<u8>>> {
        let corrupt = || problem(&self.name, ImportProblem::Corrupt);
        let mut entry = match self.zip.by_name(part) {
            Ok(entry) => entry,
            Err(::zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(_) => return Err(corrupt()),
        };
        let mut out = Vec::new();
        (&mut entry)
            .take(MAX_PART_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|_| corrupt())?;
        Ok(Some(out))
    }

    /// The bytes of the whole ZIP, for `calamine`.
    pub fn into_inner(self) -> Cursor<Vec<u8>> {
        let mut cursor = self.zip.into_inner();
        cursor.set_position(0);
        cursor
    }
}

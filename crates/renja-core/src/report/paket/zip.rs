//! Writing the ZIP. The index goes first (deflated: it is text), then the folders, then every
//! evidence file streamed from its BLOB in 1 MiB chunks through the same hashing loop every
//! file transfer uses, stored as it is. A file whose bytes do not hash to the SHA-256 recorded
//! when it was added fails the whole package.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::{Datelike, Local, Timelike, Utc};
use zip::result::ZipError;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::contents::Berkas;
use super::{PaketProgress, PaketSummary};
use crate::error::{Error, Result};
use crate::storage::berkas::copy_hashing;
use crate::storage::{self, Read};

/// Progress is reported at most once per this many bytes of evidence.
const PROGRESS_STEP: u64 = 4 * 1024 * 1024;

/// The timestamp of every entry: the plan clock's "now" on this computer's wall clock, as ZIP
/// tools show it.
/// Write a whole package to `dest` (through a temporary, see `file::write_with`): every file
/// of `berkas` under `folders` and the `index` files at the root, stamped with the clock's time;
/// `bukti` pieces of evidence. What the evidence package and the LKE package both do.
#[allow(clippy::too_many_arguments)]
pub(super) fn write_package<'a>(
    db: &Read,
    clock: &dyn crate::clock::Clock,
    dest: &Path,
    folders: &[String],
    berkas: impl Iterator<Item = &'a Berkas> + Clone,
    index: &[(&str, Vec<u8>)],
    bukti: u32,
    progress: &mut dyn FnMut(PaketProgress),
) -> Result<PaketSummary> {
    let when = entry_time(clock.now());
    let count = berkas.clone().count() as u32;
    let bytes = crate::file::write_with(dest, |file| {
        write(db, folders, berkas, index, when, file, dest, progress)
    })?;
    Ok(PaketSummary {
        path: dest.to_string_lossy().into_owned(),
        bukti,
        berkas: count,
        bytes,
    })
}

pub(super) fn entry_time(now: chrono::DateTime<Utc>) -> zip::DateTime {
    let t = now.with_timezone(&Local);
    u16::try_from(t.year())
        .ok()
        .and_then(|year| {
            zip::DateTime::from_date_and_time(
                year,
                t.month() as u8,
                t.day() as u8,
                t.hour() as u8,
                t.minute() as u8,
                t.second() as u8,
            )
            .ok()
        })
        .unwrap_or_default()
}

/// Bytes of evidence copied so far, reported to the caller now and then.
struct Progress<'a> {
    done: u64,
    reported: u64,
    total: u64,
    report: &'a mut dyn FnMut(PaketProgress),
}

impl Progress<'_> {
    fn advance(&mut self, n: u64) {
        self.done += n;
        if self.done - self.reported >= PROGRESS_STEP {
            self.tell();
        }
    }

    fn tell(&mut self) {
        self.reported = self.done;
        (self.report)(PaketProgress {
            done: self.done,
            total: self.total,
        });
    }
}

/// A writer that counts what passes through it into [`Progress`].
struct Counted<'p, 'r, W> {
    inner: W,
    progress: &'p mut Progress<'r>,
}

impl<W: Write> Write for Counted<'_, '_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.progress.advance(n as u64);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The refusal when a file's bytes no longer match the SHA-256 recorded when it was added.
fn damaged(b: &Berkas) -> Error {
    Error::invalid(
        "berkas",
        format!(
            "Isi berkas bukti dukung \"{}\" di dalam rencana tidak cocok dengan nilai hash \
             SHA-256 yang tercatat saat berkas itu ditambahkan, jadi berkas itu rusak. Paket \
             bukti dukung tidak dibuat. Periksa berkas rencana atau gunakan salinan cadangannya.",
            b.nama
        ),
    )
}

/// Write a package into `file` (the temporary file behind `dest`): the `index` files, the
/// `folders` (parents first) and the evidence `berkas`; returns its size.
#[allow(clippy::too_many_arguments)]
pub(super) fn write<'a>(
    db: &Read,
    folders: &[String],
    berkas: impl Iterator<Item = &'a Berkas> + Clone,
    index: &[(&str, Vec<u8>)],
    when: zip::DateTime,
    file: &mut File,
    dest: &Path,
    report: &mut dyn FnMut(PaketProgress),
) -> Result<u64> {
    let io = |e: std::io::Error| Error::io(dest, e);
    let zip_error = |e: ZipError| match e {
        ZipError::Io(e) => Error::io(dest, e),
        other => Error::Internal(format!("zip: {other}")),
    };
    let mut zip = ZipWriter::new(BufWriter::with_capacity(1 << 16, &mut *file));
    let text = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(when);
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(when);
    for (name, bytes) in index {
        zip.start_file(*name, text).map_err(zip_error)?;
        zip.write_all(bytes).map_err(io)?;
    }
    for folder in folders {
        zip.add_directory(folder.as_str(), stored)
            .map_err(zip_error)?;
    }
    let mut progress = Progress {
        done: 0,
        reported: 0,
        total: berkas.clone().map(|b| b.size).sum(),
        report,
    };
    progress.tell();
    for b in berkas {
        // Evidence is at most 300 MB, but a ZIP64 entry costs nothing where it is needed.
        let options = stored.large_file(b.size >= u64::from(u32::MAX));
        zip.start_file(b.path.as_str(), options)
            .map_err(zip_error)?;
        let blob = storage::berkas::contents(db, b.berkas_id)?;
        let (sha256, len) = copy_hashing(
            blob,
            Counted {
                inner: &mut zip,
                progress: &mut progress,
            },
        )
        .map_err(io)?;
        if sha256 != b.sha256 || len != b.size {
            return Err(damaged(b));
        }
    }
    if progress.reported != progress.done || progress.done == 0 {
        progress.tell();
    }
    let out = zip.finish().map_err(zip_error)?;
    let file = out.into_inner().map_err(|e| io(e.into_error()))?;
    Ok(file.metadata().map_err(io)?.len())
}

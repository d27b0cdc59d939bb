//! The evidence package (paket bukti dukung): one ZIP for the assessors, with a folder per
//! program and kegiatan holding every evidence file under its Daftar Bukti Dukung number
//! ("01 Manajemen Perubahan/1.02 Membentuk Tim …/1.2.3.1 SK Tim.pdf"), and an index in the
//! root as XLSX and as a self-contained HTML page.
//!
//! What this module must keep:
//! - It only reads the plan, so it works on a colleague's plan opened read-only.
//! - Evidence files are streamed from their BLOBs in chunks, never whole in memory, stored
//!   without compression (PDFs, photos and Office files are compressed already), and hashed
//!   on the way: what went into the ZIP must match the SHA-256 recorded when the file was
//!   added, or there is no package at all.
//! - The ZIP appears whole under its name or not at all (`file::write_with`).
//! - Every name in the ZIP comes from user text and is made safe by `naming::paket`.

mod contents;
mod html;
mod index;
mod links;
pub(crate) mod lke;
mod zip;

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::data::Konteks;
use super::tanggal::{nama_bulan, romawi};
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::naming::{self, FileFilter};
use crate::storage::{self, Read};

/// Which evidence goes into the package.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaketRequest {
    /// Only evidence for this month (1–12).
    pub bulan: Option<u8>,
    /// Only evidence for this quarter (1–4).
    pub triwulan: Option<u8>,
    /// Only this program (its number).
    pub program: Option<u32>,
}

/// How far writing the package has got, in bytes of evidence files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct PaketProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PaketSummary {
    pub path: String,
    pub bukti: u32,
    pub berkas: u32,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// What the save dialog offers for the package.
pub const FILTER: FileFilter = FileFilter {
    label: "Arsip ZIP",
    extensions: &[EXTENSION],
};
const EXTENSION: &str = "zip";

/// The names of the index in the root of the package.
const INDEX_XLSX: &str = "Daftar Bukti Dukung.xlsx";
const INDEX_HTML: &str = "Daftar Bukti Dukung.html";

/// The months a package covers: all of them, or those of one month or quarter.
pub(crate) struct Periode {
    /// `None` for the whole year.
    pub bulan: Option<Vec<u8>>,
    /// "Maret 2025", "Triwulan I (Januari – Maret) 2025", "Tahun 2025".
    pub teks: String,
}

impl Periode {
    fn from_request(request: &PaketRequest, tahun: i32) -> Result<Periode> {
        match (request.bulan, request.triwulan) {
            (Some(_), Some(_)) => Err(Error::invalid(
                "periode",
                "Pilih bulan atau triwulan saja, tidak keduanya.",
            )),
            (Some(b), None) if (1..=12).contains(&b) => Ok(Periode {
                bulan: Some(vec![b]),
                teks: format!("{} {tahun}", nama_bulan(b)),
            }),
            (Some(_), None) => Err(Error::invalid(
                "bulan",
                "Bulan harus antara 1 (Januari) dan 12 (Desember).",
            )),
            (None, Some(t)) if (1..=4).contains(&t) => {
                let first = (t - 1) * 3 + 1;
                Ok(Periode {
                    bulan: Some(vec![first, first + 1, first + 2]),
                    teks: format!(
                        "Triwulan {} ({} – {}) {tahun}",
                        romawi(t),
                        nama_bulan(first),
                        nama_bulan(first + 2)
                    ),
                })
            }
            (None, Some(_)) => Err(Error::invalid(
                "triwulan",
                "Triwulan harus antara 1 (I) dan 4 (IV).",
            )),
            (None, None) => Ok(Periode {
                bulan: None,
                teks: format!("Tahun {tahun}"),
            }),
        }
    }

    /// Whether evidence supporting `months` belongs in the package.
    pub fn covers(&self, months: &[u8]) -> bool {
        self.bulan
            .as_ref()
            .is_none_or(|period| months.iter().any(|m| period.contains(m)))
    }
}

/// The refusal when the chosen period and program hold no evidence.
fn kosong(periode: &Periode, program: Option<&str>) -> Error {
    let mut lingkup = Vec::new();
    if periode.bulan.is_some() {
        lingkup.push(format!("periode {}", periode.teks));
    }
    if let Some(program) = program {
        lingkup.push(program.to_owned());
    }
    let message = if lingkup.is_empty() {
        "Belum ada bukti dukung dalam rencana ini, jadi paket bukti dukung tidak dibuat. \
         Tambahkan bukti dukung pada tahapan kerja terlebih dahulu."
            .to_owned()
    } else {
        format!(
            "Belum ada bukti dukung untuk {}, jadi paket bukti dukung tidak dibuat.",
            lingkup.join(" pada ")
        )
    };
    Error::invalid("bukti", message)
}

/// The file name proposed for the package, e.g.
/// "Paket Bukti Dukung Maret 2023 - Dinas Perkebunan.zip".
pub(crate) fn file_name(db: &Read, request: &PaketRequest) -> Result<String> {
    let id = storage::identity::get(db)?;
    let tahun = id.tahun;
    let mut name = match (request.bulan, request.triwulan) {
        (Some(b), _) => format!("Paket Bukti Dukung {} {tahun}", nama_bulan(b)),
        (None, Some(t)) => format!("Paket Bukti Dukung TW {} {tahun}", romawi(t)),
        (None, None) => format!("Paket Bukti Dukung {tahun}"),
    };
    if let Some(n) = request.program {
        name.push_str(&format!(" - Program {n}"));
    }
    if !id.instansi.is_empty() {
        name.push_str(" - ");
        name.push_str(&id.instansi);
    }
    name.push('.');
    name.push_str(EXTENSION);
    Ok(naming::name_from_text(&name))
}

/// The period `request` asks for, checked against the plan's year: the first refusal a
/// request can meet, before its destination is looked at.
pub(crate) fn periode(db: &Read, request: &PaketRequest) -> Result<Periode> {
    Periode::from_request(request, storage::identity::get(db)?.tahun)
}

/// Write the evidence package (ZIP) of `periode` (from [`periode`]) to `dest`: folders per
/// program and kegiatan with every evidence file, and the index as XLSX and HTML in the root.
/// `progress` is called with the bytes of evidence copied so far, every few MiB and once at
/// the end. The summary's `bytes` is the size of the ZIP written. Nothing is left at `dest`
/// on failure.
pub(crate) fn export(
    db: &Read,
    clock: &dyn Clock,
    program: Option<u32>,
    periode: Periode,
    dest: &Path,
    progress: &mut dyn FnMut(PaketProgress),
) -> Result<PaketSummary> {
    let ctx = Konteks::load(db, program)?;
    let paket = contents::build(db, &ctx, periode, program)?;
    if paket.bukti == 0 {
        return Err(kosong(&paket.periode, paket.program.as_deref()));
    }
    let today = clock.today();
    let index = [
        (INDEX_XLSX, index::xlsx(&paket, today)?),
        (INDEX_HTML, html::html(&paket, today).into_bytes()),
    ];
    zip::write_package(
        db,
        clock,
        dest,
        &paket.folders,
        paket.berkas(),
        &index,
        paket.bukti,
        progress,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn periode(bulan: Option<u8>, triwulan: Option<u8>) -> Result<Periode> {
        Periode::from_request(
            &PaketRequest {
                bulan,
                triwulan,
                program: None,
            },
            2025,
        )
    }

    #[test]
    fn periods_cover_their_months() {
        let year = periode(None, None).expect("year");
        assert_eq!(year.teks, "Tahun 2025");
        assert!(year.covers(&[]) && year.covers(&[5]));
        let march = periode(Some(3), None).expect("march");
        assert_eq!(march.teks, "Maret 2025");
        assert!(march.covers(&[1, 3]) && !march.covers(&[4]) && !march.covers(&[]));
        let tw2 = periode(None, Some(2)).expect("tw2");
        assert_eq!(tw2.teks, "Triwulan II (April – Juni) 2025");
        assert!(tw2.covers(&[6, 7]) && !tw2.covers(&[3, 7]));
    }

    #[test]
    fn bad_periods_are_refused_in_indonesian() {
        for (b, t, field) in [
            (Some(0), None, "bulan"),
            (Some(13), None, "bulan"),
            (None, Some(0), "triwulan"),
            (None, Some(5), "triwulan"),
            (Some(1), Some(1), "periode"),
        ] {
            match periode(b, t) {
                Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
                Err(other) => panic!("{other:?}"),
                Ok(_) => panic!("accepted {b:?} {t:?}"),
            }
        }
    }
}

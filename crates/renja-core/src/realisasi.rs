//! Realisasi: what was done for a tahapan in a month (status, percent, note, obstacle,
//! follow-up), recorded and read one month at a time. What the records of a year mean for the
//! schedule (done, done late, not done) is decided in [`crate::capaian`].
//!
//! The rules of a record (a month 1–12, a percent the status agrees with, notes within their
//! length) live here; `plan::realisasi` runs each change as one transaction. This module never
//! sees a `Plan` and reaches the `realisasi` table through `storage::realisasi` only.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::ids::TahapanId;
use crate::limits::MAX_CATATAN;
use crate::model::Level;
use crate::storage::realisasi::{self as store, NewRealisasi};
use crate::storage::{Read, Write, tree};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    BelumDimulai,
    DalamProses,
    Selesai,
    TidakTerlaksana,
}

impl Status {
    pub(crate) const ALL: [Status; 4] = [
        Status::BelumDimulai,
        Status::DalamProses,
        Status::Selesai,
        Status::TidakTerlaksana,
    ];

    fn code(self) -> &'static str {
        match self {
            Status::BelumDimulai => "belumDimulai",
            Status::DalamProses => "dalamProses",
            Status::Selesai => "selesai",
            Status::TidakTerlaksana => "tidakTerlaksana",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The Indonesian label.
    pub fn label(self) -> &'static str {
        match self {
            Status::BelumDimulai => "Belum dimulai",
            Status::DalamProses => "Dalam proses",
            Status::Selesai => "Selesai",
            Status::TidakTerlaksana => "Tidak terlaksana",
        }
    }
}

/// A realisasi as the form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct RealisasiInput {
    pub status: Status,
    pub persen: u8,
    pub catatan: String,
    pub kendala: String,
    pub tindak_lanjut: String,
}

/// A stored realisasi.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Realisasi {
    pub tahapan: TahapanId,
    pub bulan: u8,
    pub status: Status,
    pub persen: u8,
    pub catatan: String,
    pub kendala: String,
    pub tindak_lanjut: String,
    pub modified_at: String,
}

/// A note as typed: trimmed, at most `max` characters, line breaks kept, no other control
/// characters.
pub(crate) fn note(field: &'static str, label: &str, text: &str, max: usize) -> Result<String> {
    let text = text.trim();
    crate::limits::text(field, label, text, max)?;
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(Error::invalid(
            field,
            format!("{label} berisi karakter yang tidak sah."),
        ));
    }
    Ok(text.to_owned())
}

/// A month as sent: 1 = Januari … 12 = Desember.
pub(crate) fn check_bulan(bulan: u8) -> Result<u8> {
    if (1..=12).contains(&bulan) {
        Ok(bulan)
    } else {
        Err(Error::invalid(
            "bulan",
            "Bulan harus antara Januari dan Desember.",
        ))
    }
}

/// A realisasi checked and tidied, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Checked {
    bulan: u8,
    status: Status,
    persen: u8,
    catatan: String,
    kendala: String,
    tindak_lanjut: String,
}

/// Check a realisasi for month `bulan` as the form sent it.
pub(crate) fn check(bulan: u8, input: &RealisasiInput) -> Result<Checked> {
    let bulan = check_bulan(bulan)?;
    if input.persen > 100 {
        return Err(Error::invalid(
            "persen",
            "Persentase harus antara 0 dan 100.",
        ));
    }
    // The status decides the ends of the scale: done is 100 %, not started is 0 %.
    let persen = match input.status {
        Status::Selesai => 100,
        Status::BelumDimulai => 0,
        _ => input.persen,
    };
    Ok(Checked {
        bulan,
        status: input.status,
        persen,
        catatan: note("catatan", "Catatan", &input.catatan, MAX_CATATAN)?,
        kendala: note("kendala", "Kendala", &input.kendala, MAX_CATATAN)?,
        tindak_lanjut: note(
            "tindak_lanjut",
            "Tindak lanjut",
            &input.tindak_lanjut,
            MAX_CATATAN,
        )?,
    })
}

/// The realisasi of a tahapan in month `bulan`, if recorded.
pub(crate) fn get(db: &Read, id: TahapanId, bulan: u8) -> Result<Option<Realisasi>> {
    Ok(store::get(db, id, bulan)?.map(|r| Realisasi {
        tahapan: id,
        bulan,
        // The schema's CHECK admits only known codes.
        status: Status::from_code(&r.status).unwrap_or(Status::BelumDimulai),
        persen: r.persen,
        catatan: r.catatan,
        kendala: r.kendala,
        tindak_lanjut: r.tindak_lanjut,
        modified_at: r.modified_at,
    }))
}

/// Record (or replace) a checked realisasi of a tahapan.
pub(crate) fn set(tx: &Write<'_>, now: &str, id: TahapanId, r: &Checked) -> Result<()> {
    if !tree::exists(tx, Level::Tahapan, id.0)? {
        return Err(Error::Missing {
            what: "tahapan",
            id: id.0,
        });
    }
    let row = NewRealisasi {
        status: r.status.code(),
        persen: r.persen,
        catatan: &r.catatan,
        kendala: &r.kendala,
        tindak_lanjut: &r.tindak_lanjut,
    };
    store::put(tx, id, r.bulan, &row, now)
}

/// Remove the realisasi of a tahapan in month `bulan` (checked with [`check_bulan`]).
pub(crate) fn clear(tx: &Write<'_>, id: TahapanId, bulan: u8) -> Result<()> {
    store::delete(tx, id, bulan)
}

/// The status of every recorded month, by (tahapan id, bulan).
pub(crate) fn statuses(db: &Read) -> Result<Vec<((i64, u8), Status)>> {
    Ok(store::statuses(db)?
        .into_iter()
        .filter_map(|(t, m, code)| Some(((t, m), Status::from_code(&code)?)))
        .collect())
}

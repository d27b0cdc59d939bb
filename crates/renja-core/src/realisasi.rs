//! Realisasi: what was done for a tahapan in a month (status, percent, note, obstacle,
//! follow-up), recorded and read one month at a time. What the records of a year mean for the
//! schedule (done, done late, not done) is decided in [`crate::capaian`].

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::ids::TahapanId;
use crate::limits::MAX_CATATAN;
use crate::plan::Plan;
use crate::undo::Op;

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

fn check_bulan(bulan: u8) -> Result<u8> {
    if (1..=12).contains(&bulan) {
        Ok(bulan)
    } else {
        Err(Error::invalid(
            "bulan",
            "Bulan harus antara Januari dan Desember.",
        ))
    }
}

impl Plan {
    /// The realisasi of a tahapan in month `bulan` (1–12), if recorded.
    pub fn realisasi(&self, id: TahapanId, bulan: u8) -> Result<Option<Realisasi>> {
        Ok(self
            .db()
            .prepare_cached(
                "SELECT status, persen, catatan, kendala, tindak_lanjut, modified_at
                 FROM realisasi WHERE tahapan_id = ?1 AND bulan = ?2",
            )?
            .query_row(params![id, bulan], |r| {
                let code: String = r.get(0)?;
                Ok((code, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })
            .optional()?
            .map(
                |(code, persen, catatan, kendala, tindak_lanjut, modified_at)| Realisasi {
                    tahapan: id,
                    bulan,
                    status: Status::from_code(&code).unwrap_or(Status::BelumDimulai),
                    persen,
                    catatan,
                    kendala,
                    tindak_lanjut,
                    modified_at,
                },
            ))
    }

    /// Record (or replace) the realisasi of a tahapan in month `bulan`.
    pub fn set_realisasi(
        &mut self,
        id: TahapanId,
        bulan: u8,
        input: &RealisasiInput,
    ) -> Result<()> {
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
        let catatan = note("catatan", "Catatan", &input.catatan, MAX_CATATAN)?;
        let kendala = note("kendala", "Kendala", &input.kendala, MAX_CATATAN)?;
        let tindak_lanjut = note(
            "tindak_lanjut",
            "Tindak lanjut",
            &input.tindak_lanjut,
            MAX_CATATAN,
        )?;
        self.transact(Op::Realisasi, |tx, now| {
            let exists: Option<i64> = tx
                .query_row("SELECT id FROM tahapan WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            if exists.is_none() {
                return Err(Error::Missing {
                    what: "tahapan",
                    id: id.0,
                });
            }
            tx.execute(
                "INSERT INTO realisasi (uuid, tahapan_id, bulan, status, persen, catatan, kendala,
                    tindak_lanjut, modified_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (tahapan_id, bulan) DO UPDATE SET
                    status = excluded.status, persen = excluded.persen,
                    catatan = excluded.catatan, kendala = excluded.kendala,
                    tindak_lanjut = excluded.tindak_lanjut, modified_at = excluded.modified_at
                 WHERE status <> excluded.status OR persen <> excluded.persen
                    OR catatan <> excluded.catatan OR kendala <> excluded.kendala
                    OR tindak_lanjut <> excluded.tindak_lanjut",
                params![
                    crate::storage::new_uuid(),
                    id,
                    bulan,
                    input.status.code(),
                    persen,
                    catatan,
                    kendala,
                    tindak_lanjut,
                    now
                ],
            )?;
            Ok(())
        })
    }

    /// Remove the realisasi of a tahapan in month `bulan`.
    pub fn clear_realisasi(&mut self, id: TahapanId, bulan: u8) -> Result<()> {
        let bulan = check_bulan(bulan)?;
        self.transact(Op::ClearRealisasi, |tx, _| {
            tx.execute(
                "DELETE FROM realisasi WHERE tahapan_id = ?1 AND bulan = ?2",
                params![id, bulan],
            )?;
            Ok(())
        })
    }
}

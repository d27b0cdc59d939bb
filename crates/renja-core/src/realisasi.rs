//! Realisasi: what was done for a tahapan in a month (status, percent, note, obstacle,
//! follow-up), and the state each month cell of the grid shows from the schedule, the
//! realisasi, the evidence count and today's date (given by the caller's clock).

use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::ids::TahapanId;
use crate::limits::MAX_CATATAN;
use crate::plan::Plan;
use crate::transact::Op;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    BelumDimulai,
    DalamProses,
    Selesai,
    TidakTerlaksana,
}

impl Status {
    const ALL: [Status; 4] = [
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

/// What a month cell of a tahapan shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CellState {
    /// Not scheduled, nothing recorded.
    Kosong,
    /// Scheduled, not yet due, nothing recorded (or "belum dimulai").
    Rencana,
    /// Work in progress, not yet late.
    Proses,
    /// Done, with evidence for the month.
    Selesai,
    /// Done, but no evidence for the month yet.
    SelesaiTanpaBukti,
    /// Scheduled, the month has passed, and it is not done.
    Terlambat,
    /// Recorded as not carried out.
    TidakTerlaksana,
    /// Work recorded in a month it was not scheduled for.
    DiLuarJadwal,
}

/// Whether month `bulan` (1–12) of `tahun` has ended on `today`.
fn passed(tahun: i32, bulan: u8, today: NaiveDate) -> bool {
    (tahun, u32::from(bulan)) < (today.year(), today.month())
}

/// The state of one month cell.
pub fn cell_state(
    scheduled: bool,
    status: Option<Status>,
    bukti: u32,
    tahun: i32,
    bulan: u8,
    today: NaiveDate,
) -> CellState {
    let late = passed(tahun, bulan, today);
    match (scheduled, status) {
        (false, None | Some(Status::BelumDimulai)) => CellState::Kosong,
        (false, Some(_)) => CellState::DiLuarJadwal,
        (true, Some(Status::Selesai)) if bukti > 0 => CellState::Selesai,
        (true, Some(Status::Selesai)) => CellState::SelesaiTanpaBukti,
        (true, Some(Status::TidakTerlaksana)) => CellState::TidakTerlaksana,
        (true, _) if late => CellState::Terlambat,
        (true, Some(Status::DalamProses)) => CellState::Proses,
        (true, None | Some(Status::BelumDimulai)) => CellState::Rencana,
    }
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
            .conn()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn states_follow_schedule_status_evidence_and_today() {
        let today = day(2026, 11, 27);
        let s = |scheduled, status, bukti, bulan| {
            cell_state(scheduled, status, bukti, 2026, bulan, today)
        };
        assert_eq!(s(false, None, 0, 3), CellState::Kosong);
        assert_eq!(s(true, None, 0, 12), CellState::Rencana);
        assert_eq!(
            s(true, None, 0, 11),
            CellState::Rencana,
            "the current month is not late yet"
        );
        assert_eq!(s(true, None, 0, 10), CellState::Terlambat);
        assert_eq!(s(true, Some(Status::DalamProses), 0, 11), CellState::Proses);
        assert_eq!(
            s(true, Some(Status::DalamProses), 0, 2),
            CellState::Terlambat
        );
        assert_eq!(
            s(true, Some(Status::Selesai), 0, 2),
            CellState::SelesaiTanpaBukti
        );
        assert_eq!(s(true, Some(Status::Selesai), 2, 2), CellState::Selesai);
        assert_eq!(
            s(true, Some(Status::TidakTerlaksana), 0, 2),
            CellState::TidakTerlaksana
        );
        assert_eq!(
            s(false, Some(Status::Selesai), 1, 5),
            CellState::DiLuarJadwal
        );
        assert_eq!(
            s(false, Some(Status::BelumDimulai), 0, 5),
            CellState::Kosong
        );
        // A plan of an earlier year is wholly past; of a later year, wholly ahead.
        assert_eq!(
            cell_state(true, None, 0, 2025, 12, today),
            CellState::Terlambat
        );
        assert_eq!(
            cell_state(true, None, 0, 2027, 1, today),
            CellState::Rencana
        );
    }
}

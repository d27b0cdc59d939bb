//! One request type for every edit the plan screen makes ([`Edit`]), and what the screen
//! gets back ([`Edited`]). The shell has a single command for all of them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Level, NewNode};
use crate::error::{Error, Result};
use crate::ids::TahapanId;
use crate::plan::Plan;

/// The bit of month `m` (1 = Januari … 12 = Desember).
fn month_bit(m: u8) -> Result<u16> {
    if (1..=12).contains(&m) {
        Ok(1 << (m - 1))
    } else {
        Err(Error::invalid(
            "bulan",
            "Bulan harus antara Januari dan Desember.",
        ))
    }
}

/// Every edit the plan screen can make, as one request: the shell has one command for all
/// of them, and the UI gets back everything that may have changed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "snake_case"
)]
pub enum Edit {
    AddNode {
        at: NewNode,
        nama: String,
    },
    RenameNode {
        level: Level,
        #[ts(type = "number")]
        id: i64,
        nama: String,
    },
    DeleteNode {
        level: Level,
        #[ts(type = "number")]
        id: i64,
    },
    MoveNode {
        level: Level,
        #[ts(type = "number")]
        id: i64,
        index: u32,
    },
    SetBulan {
        id: TahapanId,
        bulan: u16,
    },
    /// Toggle one month (1–12) against what is stored, so quick clicks never act on a stale
    /// view.
    ToggleBulan {
        id: TahapanId,
        bulan: u8,
    },
    /// Schedule (or unschedule) every month from `from` to `to` (1–12, either order).
    ScheduleBulan {
        id: TahapanId,
        from: u8,
        to: u8,
        on: bool,
    },
    SetKriteria {
        id: TahapanId,
        text: String,
    },
    SetPenanggungJawab {
        id: TahapanId,
        text: String,
    },
    AddAnggota {
        anggota: crate::team::AnggotaInput,
    },
    UpdateAnggota {
        id: crate::AnggotaId,
        anggota: crate::team::AnggotaInput,
    },
    DeleteAnggota {
        id: crate::AnggotaId,
    },
    MoveAnggota {
        id: crate::AnggotaId,
        index: u32,
    },
    /// Record what was done for a tahapan in month `bulan` (1–12).
    SetRealisasi {
        id: TahapanId,
        bulan: u8,
        realisasi: crate::realisasi::RealisasiInput,
    },
    ClearRealisasi {
        id: TahapanId,
        bulan: u8,
    },
    /// Add evidence with its files (paths the user chose or dropped).
    AddBukti {
        tahapan: TahapanId,
        bukti: crate::bukti::BuktiInput,
        files: Vec<std::path::PathBuf>,
    },
    UpdateBukti {
        #[ts(type = "number")]
        id: i64,
        bukti: crate::bukti::BuktiInput,
    },
    AddBuktiFiles {
        #[ts(type = "number")]
        id: i64,
        files: Vec<std::path::PathBuf>,
    },
    RemoveBuktiFile {
        /// The `bukti_berkas` row.
        #[ts(type = "number")]
        id: i64,
    },
    DeleteBukti {
        #[ts(type = "number")]
        id: i64,
    },
    /// Use the image at `file` (PNG or JPEG) as the logo of the letterhead.
    SetLogo {
        file: std::path::PathBuf,
    },
    RemoveLogo,
    /// The team's conclusions and recommendations for the Laporan Monev Tahunan.
    SetCatatanTahunan {
        catatan: crate::model::CatatanTahunan,
    },
    Undo,
    Redo,
}

/// What the plan screen shows after an edit.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Edited {
    pub overview: crate::model::PlanOverview,
    pub grid: crate::grid::Grid,
    pub team: Vec<crate::model::Anggota>,
    /// The row or member an add created, to select it.
    #[ts(type = "number | null")]
    pub created: Option<i64>,
}

impl Plan {
    /// Everything the plan screen shows.
    pub fn screen(&self, created: Option<i64>) -> Result<Edited> {
        Ok(Edited {
            overview: self.overview()?,
            grid: self.grid()?,
            team: self.team()?,
            created,
        })
    }

    /// Apply one edit and return the new state of the screen.
    pub fn apply(&mut self, edit: Edit) -> Result<Edited> {
        let created = match edit {
            Edit::AddNode { at, nama } => Some(self.add_node(at, &nama)?),
            Edit::RenameNode { level, id, nama } => {
                self.rename_node(level, id, &nama).map(|()| None)?
            }
            Edit::DeleteNode { level, id } => self.delete_node(level, id).map(|()| None)?,
            Edit::MoveNode { level, id, index } => {
                self.move_node(level, id, index as usize).map(|()| None)?
            }
            Edit::SetBulan { id, bulan } => self.set_bulan(id, bulan).map(|()| None)?,
            Edit::ToggleBulan { id, bulan } => {
                let month = month_bit(bulan)?;
                self.change_bulan(id, |mask| mask ^ month).map(|()| None)?
            }
            Edit::ScheduleBulan { id, from, to, on } => {
                let (lo, hi) = (from.min(to), from.max(to));
                let mut range = 0u16;
                for m in lo..=hi {
                    range |= month_bit(m)?;
                }
                self.change_bulan(id, |mask| if on { mask | range } else { mask & !range })
                    .map(|()| None)?
            }
            Edit::SetKriteria { id, text } => self.set_kriteria(id, &text).map(|()| None)?,
            Edit::SetPenanggungJawab { id, text } => {
                self.set_penanggung_jawab(id, &text).map(|()| None)?
            }
            Edit::AddAnggota { anggota } => Some(self.add_anggota(&anggota)?.0),
            Edit::UpdateAnggota { id, anggota } => {
                self.update_anggota(id, &anggota).map(|()| None)?
            }
            Edit::DeleteAnggota { id } => self.delete_anggota(id).map(|()| None)?,
            Edit::MoveAnggota { id, index } => {
                self.move_anggota(id, index as usize).map(|()| None)?
            }
            Edit::SetRealisasi {
                id,
                bulan,
                realisasi,
            } => self.set_realisasi(id, bulan, &realisasi).map(|()| None)?,
            Edit::ClearRealisasi { id, bulan } => self.clear_realisasi(id, bulan).map(|()| None)?,
            Edit::AddBukti {
                tahapan,
                bukti,
                files,
            } => Some(self.add_bukti(tahapan, &bukti, &files)?),
            Edit::UpdateBukti { id, bukti } => self.update_bukti(id, &bukti).map(|()| None)?,
            Edit::AddBuktiFiles { id, files } => self.add_bukti_files(id, &files).map(|()| None)?,
            Edit::RemoveBuktiFile { id } => self.remove_bukti_file(id).map(|()| None)?,
            Edit::DeleteBukti { id } => self.delete_bukti(id).map(|()| None)?,
            Edit::SetLogo { file } => self.set_logo(&file).map(|()| None)?,
            Edit::RemoveLogo => self.remove_logo().map(|()| None)?,
            Edit::SetCatatanTahunan { catatan } => {
                self.set_catatan_tahunan(&catatan).map(|()| None)?
            }
            Edit::Undo => self.undo().map(|_| None)?,
            Edit::Redo => self.redo().map(|_| None)?,
        };
        self.screen(created)
    }
}

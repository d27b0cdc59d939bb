//! One request type for every edit the plan screen makes ([`Edit`]), and what the screen
//! gets back ([`Edited`]). The shell has a single command for all of them; `plan::edit`
//! (`Plan::apply`) runs it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Level, NewNode};
use crate::error::{Error, Result};
use crate::ids::TahapanId;

/// The bit of month `m` (1 = Januari … 12 = Desember).
pub(crate) fn month_bit(m: u8) -> Result<u16> {
    if (1..=12).contains(&m) {
        Ok(1 << (m - 1))
    } else {
        Err(Error::invalid(
            "bulan",
            "Bulan harus antara Januari dan Desember.",
        ))
    }
}

/// The bits of every month from `from` to `to` (1–12, either order).
pub(crate) fn month_range(from: u8, to: u8) -> Result<u16> {
    let (lo, hi) = (from.min(to), from.max(to));
    let mut range = 0u16;
    for m in lo..=hi {
        range |= month_bit(m)?;
    }
    Ok(range)
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
    /// Add evidence with its files (paths the user chose or dropped) and, when chosen, the
    /// LKE butir it answers itself (none: those of its tahapan), in one undoable step.
    AddBukti {
        tahapan: TahapanId,
        bukti: crate::bukti::BuktiInput,
        files: Vec<std::path::PathBuf>,
        #[serde(default)]
        #[ts(optional)]
        butir: Option<Vec<crate::ids::ButirId>>,
    },
    UpdateBukti {
        id: crate::ids::BuktiId,
        bukti: crate::bukti::BuktiInput,
    },
    AddBuktiFiles {
        id: crate::ids::BuktiId,
        files: Vec<std::path::PathBuf>,
    },
    RemoveBuktiFile {
        /// The `bukti_berkas` row.
        id: crate::ids::BuktiBerkasId,
    },
    DeleteBukti {
        id: crate::ids::BuktiId,
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
    /// The narrative of one chapter (BAB I–IV) of the Laporan Tahunan.
    SetBab {
        kunci: crate::model::BabKunci,
        teks: String,
    },
    /// Append an LKE butir to the plan's list.
    AddButir {
        butir: crate::lke::ButirInput,
    },
    UpdateButir {
        id: crate::ids::ButirId,
        butir: crate::lke::ButirInput,
    },
    DeleteButir {
        id: crate::ids::ButirId,
    },
    /// Add the template's LKE butir that the plan does not hold yet.
    AddLkeBawaan,
    /// Add the butir of a table (columns area, indikator, butir) the plan does not hold yet.
    ImportLke {
        file: std::path::PathBuf,
    },
    /// Link an LKE butir to exactly these tahapan.
    SetButirTahapan {
        id: crate::ids::ButirId,
        tahapan: Vec<TahapanId>,
    },
    /// Link a piece of evidence to exactly these butir; none: it answers its tahapan's.
    SetBuktiButir {
        id: crate::ids::BuktiId,
        butir: Vec<crate::ids::ButirId>,
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
    /// The row, member or butir an add created, to select it; for an import of LKE butir,
    /// how many were added.
    #[ts(type = "number | null")]
    pub created: Option<i64>,
}

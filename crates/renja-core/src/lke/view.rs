//! The LKE view: area → indikator → butir, each butir with the tahapan that answer it (in the
//! state the grid shows them) and its evidence count, and every tahapan of the plan to link.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::capaian::CellState;
use crate::error::Result;
use crate::grid::{self, GridRow};
use crate::ids::{ButirId, TahapanId};
use crate::model::Level;
use crate::storage::Read;
use crate::undo::UndoState;

/// How a tahapan stands for the year, summed up from its month cells (`capaian`'s rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Keadaan {
    /// No month scheduled.
    BelumDijadwalkan,
    /// Scheduled, nothing done or late yet.
    Dijadwalkan,
    /// Some work recorded, months still to do, none late.
    Berjalan,
    /// Every scheduled month done.
    Selesai,
    /// A scheduled month passed without being done (or recorded as not carried out).
    Terlambat,
}

impl Keadaan {
    pub const ALL: [Keadaan; 5] = [
        Keadaan::BelumDijadwalkan,
        Keadaan::Dijadwalkan,
        Keadaan::Berjalan,
        Keadaan::Selesai,
        Keadaan::Terlambat,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Keadaan::BelumDijadwalkan => "Belum dijadwalkan",
            Keadaan::Dijadwalkan => "Dijadwalkan",
            Keadaan::Berjalan => "Berjalan",
            Keadaan::Selesai => "Selesai",
            Keadaan::Terlambat => "Terlambat",
        }
    }

    /// The state of a tahapan from its grid row.
    fn of(row: &GridRow) -> Keadaan {
        use CellState as C;
        let done =
            |c: &CellState| matches!(c, C::Selesai | C::SelesaiTanpaBukti | C::SelesaiTerlambat);
        if row
            .cells
            .iter()
            .any(|c| matches!(c, C::Terlambat | C::TidakTerlaksana))
        {
            return Keadaan::Terlambat;
        }
        if row.bulan == 0 {
            return Keadaan::BelumDijadwalkan;
        }
        let scheduled = (0..12).filter(|m| row.bulan & (1 << m) != 0);
        if scheduled.map(|m| &row.cells[m]).all(done) {
            return Keadaan::Selesai;
        }
        if row
            .cells
            .iter()
            .any(|c| done(c) || matches!(c, C::Proses | C::DiLuarJadwal))
        {
            return Keadaan::Berjalan;
        }
        Keadaan::Dijadwalkan
    }
}

/// A tahapan as the LKE view names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LkeTahapan {
    pub id: TahapanId,
    /// "1.2.3": program, kegiatan in the program, tahapan in the kegiatan (as in the Daftar
    /// Bukti Dukung).
    pub nomor: String,
    pub nama: String,
    /// "1. Manajemen Perubahan".
    pub program: String,
    pub keadaan: Keadaan,
    /// Pieces of evidence filed under it.
    pub bukti: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LkeButir {
    pub id: ButirId,
    /// "1.a.2".
    pub nomor: String,
    pub area: String,
    pub indikator: String,
    pub butir: String,
    /// The tahapan linked to it, in plan order.
    pub tahapan: Vec<TahapanId>,
    /// Pieces of evidence answering it.
    pub bukti: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LkeIndikator {
    /// "1.a".
    pub nomor: String,
    pub nama: String,
    pub butir: Vec<LkeButir>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LkeArea {
    pub nomor: u32,
    pub nama: String,
    pub indikator: Vec<LkeIndikator>,
    pub jumlah_butir: u32,
    /// Butir of the area without any evidence.
    pub tanpa_bukti: u32,
}

/// Everything the LKE view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Lke {
    pub areas: Vec<LkeArea>,
    pub jumlah_butir: u32,
    pub tanpa_bukti: u32,
    /// Every tahapan of the plan, in plan order: the names of the links and the choices.
    pub tahapan: Vec<LkeTahapan>,
}

/// Every tahapan in plan order with its number and state.
pub(crate) fn tahapan(db: &Read, today: NaiveDate) -> Result<Vec<LkeTahapan>> {
    let grid = grid::grid(db, today, UndoState::default())?;
    let mut bukti: HashMap<TahapanId, u32> = HashMap::new();
    for (_, t) in crate::storage::lke::bukti_tahapan(db)? {
        *bukti.entry(t).or_default() += 1;
    }
    let (mut program, mut program_nomor, mut kegiatan, mut tahapan) = (String::new(), 0, 0, 0);
    let mut out = Vec::new();
    for row in &grid.rows {
        match row.level {
            Level::Program => {
                program_nomor = row.nomor;
                program = format!("{}. {}", row.nomor, row.nama);
                kegiatan = 0;
            }
            Level::Kegiatan => {
                kegiatan += 1;
                tahapan = 0;
            }
            Level::Tahapan => {
                tahapan += 1;
                let id = TahapanId(row.id);
                out.push(LkeTahapan {
                    id,
                    nomor: format!("{program_nomor}.{kegiatan}.{tahapan}"),
                    nama: row.nama.clone(),
                    program: program.clone(),
                    keadaan: Keadaan::of(row),
                    bukti: bukti.get(&id).copied().unwrap_or(0),
                });
            }
            Level::Outcome | Level::Output => {}
        }
    }
    Ok(out)
}

/// The LKE view of the plan in `db` as it stands on `today`.
pub(crate) fn view(db: &Read, today: NaiveDate) -> Result<Lke> {
    let tahapan = tahapan(db, today)?;
    let order: HashMap<TahapanId, usize> =
        tahapan.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    let tautan = super::tautan(db)?;
    let (mut jumlah_butir, mut tanpa_bukti) = (0, 0);
    let areas = super::daftar(db)?
        .into_iter()
        .map(|a| {
            let (mut n, mut kosong) = (0, 0);
            let indikator = a
                .indikator
                .into_iter()
                .map(|i| LkeIndikator {
                    nomor: i.nomor,
                    nama: i.nama,
                    butir: i
                        .butir
                        .into_iter()
                        .map(|b| {
                            let id = b.row.id;
                            let mut linked =
                                tautan.butir_tahapan.get(&id).cloned().unwrap_or_default();
                            linked.sort_by_key(|t| order.get(t).copied().unwrap_or(usize::MAX));
                            let bukti = tautan.butir_bukti.get(&id).map_or(0, Vec::len) as u32;
                            n += 1;
                            if bukti == 0 {
                                kosong += 1;
                            }
                            LkeButir {
                                id,
                                nomor: b.nomor,
                                area: b.row.area,
                                indikator: b.row.indikator,
                                butir: b.row.butir,
                                tahapan: linked,
                                bukti,
                            }
                        })
                        .collect(),
                })
                .collect();
            jumlah_butir += n;
            tanpa_bukti += kosong;
            LkeArea {
                nomor: a.nomor,
                nama: a.nama,
                indikator,
                jumlah_butir: n,
                tanpa_bukti: kosong,
            }
        })
        .collect();
    Ok(Lke {
        areas,
        jumlah_butir,
        tanpa_bukti,
        tahapan,
    })
}

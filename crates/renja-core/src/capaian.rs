//! Capaian: the one rule that says, for one tahapan, which scheduled months are done, done
//! late or not done, as seen at the end of any month. The grid's month cells and every Laporan
//! Monev (bulanan, triwulan, tahunan) take their states and counts from here, so they cannot
//! disagree with each other or with the record.
//!
//! The rule:
//! - Every scheduled month of a tahapan is one target.
//! - A target is done on time when the tahapan is recorded "Selesai" in that month.
//! - A "Selesai" recorded in a month outside the schedule is a late completion: it completes the
//!   earliest scheduled month before it that is not yet done, whatever that month's own record
//!   says ("selesai terlambat"). One "Selesai" completes one target: a routine tahapan that
//!   skipped January and held February stays one month short, and a late record never counts
//!   twice. A "Selesai" before any open target is work outside the schedule ("di luar jadwal").
//! - Seen at the end of month `sampai`, only records up to `sampai` count. So a target done late
//!   counts as done in the cumulative and yearly figures from the month it was done; the
//!   report of the period it was done in shows "Selesai terlambat"; the report of the period it
//!   was due keeps what was true then.
//! - The evidence of a target done is evidence for its month or for the month it was done.
//! - A record belongs in a report when it says something ([`dilaporkan`]): a "Belum dimulai"
//!   with kendala or tindak lanjut always prints them.
//!
//! Why a module of its own: `realisasi.rs` stores what one month's record says, but a record
//! in April decides March, so the rule reads a tahapan's whole year at once. It reads no
//! database and no clock: callers pass the schedule, the statuses, the evidence months and,
//! for the grid, whether a month has passed. The Indonesian words for its states live here
//! too, beside the rule they name.

use serde::Serialize;
use ts_rs::TS;

use crate::realisasi::Status;

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
    /// Done late: a scheduled month completed by a "Selesai" in a later month outside the
    /// schedule, and that later month itself.
    SelesaiTerlambat,
    /// Scheduled, the month has passed, and it is not done.
    Terlambat,
    /// Recorded as not carried out.
    TidakTerlaksana,
    /// Work recorded in a month it was not scheduled for, completing no target.
    DiLuarJadwal,
}

/// Targets met against targets set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Hitung {
    pub target: u32,
    pub selesai: u32,
}

impl Hitung {
    pub fn add(&mut self, other: Hitung) {
        self.target += other.target;
        self.selesai += other.selesai;
    }

    /// Targets met as a fraction of targets (0.75 is 75%), or `None` when there was no
    /// target: a capaian of nothing is not 0%.
    pub fn rasio(self) -> Option<f64> {
        (self.target > 0).then(|| f64::from(self.selesai) / f64::from(self.target))
    }

    /// "75,0%", or "–" when there was no target: how every report and the Ringkasan word a
    /// capaian. Halves round up, as Excel shows the same capaian stored as a number in the
    /// XLSX ("6,3%" for 1 of 16, where `{:.1}` would round to even and print "6,2%").
    pub fn persen(self) -> String {
        if self.target == 0 {
            return "–".into();
        }
        let (selesai, target) = (u64::from(self.selesai), u64::from(self.target));
        let tenths = (selesai * 2000 + target) / (2 * target);
        format!("{},{}%", tenths / 10, tenths % 10)
    }
}

/// How a tahapan did in a report's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapaianPeriode {
    /// Every target of the period done in its own month.
    Tercapai,
    /// Every target of the period done, at least one late; or no target in the period but an
    /// earlier one completed late in it.
    SelesaiTerlambat,
    /// A target of the period not done by its end.
    TidakTercapai,
    /// No target in the period; work recorded that completes none.
    DiLuarJadwal,
}

impl CapaianPeriode {
    /// The words in the "Status Capaian" column.
    pub fn label(self) -> &'static str {
        match self {
            CapaianPeriode::Tercapai => "Tercapai",
            CapaianPeriode::SelesaiTerlambat => "Selesai terlambat",
            CapaianPeriode::TidakTercapai => "Tidak tercapai",
            CapaianPeriode::DiLuarJadwal => "Di luar jadwal",
        }
    }

    /// Whether the period's targets count as met (`None`: the period had none).
    pub fn tercapai(self) -> Option<bool> {
        match self {
            CapaianPeriode::Tercapai | CapaianPeriode::SelesaiTerlambat => Some(true),
            CapaianPeriode::TidakTercapai => Some(false),
            CapaianPeriode::DiLuarJadwal => None,
        }
    }
}

/// How the capaian figures are counted, printed under them.
pub const KETERANGAN_HITUNG: &str = "Target dihitung per bulan terjadwal setiap tahapan; \
     capaian = target yang telah selesai dibagi target. Tahapan yang baru selesai pada bulan di \
     luar jadwalnya berstatus selesai terlambat dan dihitung selesai sejak bulan itu.";

/// Printed under "Tercapai" or "Selesai terlambat" when a target done has no evidence.
pub const TANPA_BUKTI: &str = "Belum ada bukti dukung";

/// Whether a month's record belongs in a report: any record of a scheduled month, and outside
/// the schedule any record but an empty "Belum dimulai" (which says no more than no record,
/// and which the grid shows as an empty cell). `berisi`: the record has a percentage, a note,
/// a kendala or a tindak lanjut.
pub fn dilaporkan(status: Status, berisi: bool, dijadwalkan: bool) -> bool {
    dijadwalkan || berisi || status != Status::BelumDimulai
}

fn bit(bulan: u8) -> u16 {
    1 << (bulan - 1)
}

/// Month numbers (1–12; anything else is ignored) as a mask, bit 0 = Januari.
pub fn mask<'a>(bulan: impl IntoIterator<Item = &'a u8>) -> u16 {
    bulan
        .into_iter()
        .filter(|m| (1..=12).contains(*m))
        .fold(0, |mask, &m| mask | bit(m))
}

/// One tahapan's year under the rule: its schedule, its statuses, and for every target the
/// month it was done in.
#[derive(Debug, Clone)]
pub struct CapaianTahapan {
    jadwal: u16,
    status: [Option<Status>; 12],
    /// Januari first: the month the target of this month was done in, if scheduled and done.
    selesai: [Option<u8>; 12],
    /// Januari first: the target a "Selesai" recorded outside the schedule completed late.
    susulan: [Option<u8>; 12],
}

impl CapaianTahapan {
    /// `jadwal`: scheduled months, bit 0 = Januari; `status`: each month's record, Januari first.
    pub fn new(jadwal: u16, status: [Option<Status>; 12]) -> CapaianTahapan {
        let mut c = CapaianTahapan {
            jadwal: jadwal & 0x0FFF,
            status,
            selesai: [None; 12],
            susulan: [None; 12],
        };
        // Month by month, so a record only ever completes a target before it.
        for bulan in 1..=12u8 {
            if c.status(bulan) != Some(Status::Selesai) {
                continue;
            }
            if c.dijadwalkan(bulan) {
                c.selesai[usize::from(bulan - 1)] = Some(bulan);
            } else if let Some(target) =
                (1..bulan).find(|&m| c.dijadwalkan(m) && c.selesai_pada(m).is_none())
            {
                c.selesai[usize::from(target - 1)] = Some(bulan);
                c.susulan[usize::from(bulan - 1)] = Some(target);
            }
        }
        c
    }

    pub fn dijadwalkan(&self, bulan: u8) -> bool {
        self.jadwal & bit(bulan) != 0
    }

    fn status(&self, bulan: u8) -> Option<Status> {
        self.status[usize::from(bulan - 1)]
    }

    /// The month the target of `bulan` was done in: `bulan` itself on time, a later month when
    /// late, `None` when not scheduled or not done.
    pub fn selesai_pada(&self, bulan: u8) -> Option<u8> {
        self.selesai[usize::from(bulan - 1)]
    }

    /// The target the "Selesai" recorded in `bulan` completed late, if it did.
    pub fn susulan(&self, bulan: u8) -> Option<u8> {
        self.susulan[usize::from(bulan - 1)]
    }

    /// Whether the target of `bulan` is done as seen at the end of month `sampai`.
    pub fn tercapai(&self, bulan: u8, sampai: u8) -> bool {
        self.selesai_pada(bulan).is_some_and(|c| c <= sampai)
    }

    /// The targets among `bulan` and how many are done at the end of month `sampai`.
    pub fn hitung(&self, bulan: impl Fn(u8) -> bool, sampai: u8) -> Hitung {
        let mut h = Hitung::default();
        for m in (1..=12).filter(|&m| self.dijadwalkan(m) && bulan(m)) {
            h.target += 1;
            if self.tercapai(m, sampai) {
                h.selesai += 1;
            }
        }
        h
    }

    /// The targets done in the months of `periode`: on time, late within it, or earlier
    /// targets completed late in it. With the month each was done in.
    fn selesai_dalam(&self, periode: &[u8]) -> impl Iterator<Item = (u8, u8)> + '_ {
        let sampai = periode.iter().copied().max().unwrap_or(12);
        let own: Vec<(u8, u8)> = periode
            .iter()
            .filter(|&&m| self.tercapai(m, sampai))
            .filter_map(|&m| Some((m, self.selesai_pada(m)?)))
            .collect();
        let late: Vec<(u8, u8)> = periode
            .iter()
            .filter_map(|&c| Some((self.susulan(c)?, c)))
            .filter(|(m, _)| !periode.contains(m))
            .collect();
        own.into_iter().chain(late)
    }

    /// How the tahapan did in `periode` (its months, in order), as seen at its end.
    pub fn periode(&self, periode: &[u8]) -> CapaianPeriode {
        let sampai = periode.iter().copied().max().unwrap_or(12);
        let targets: Vec<u8> = periode
            .iter()
            .copied()
            .filter(|&m| self.dijadwalkan(m))
            .collect();
        let terlambat = self.selesai_dalam(periode).any(|(m, c)| c != m);
        if targets.iter().any(|&m| !self.tercapai(m, sampai)) {
            CapaianPeriode::TidakTercapai
        } else if terlambat {
            CapaianPeriode::SelesaiTerlambat
        } else if !targets.is_empty() {
            CapaianPeriode::Tercapai
        } else {
            CapaianPeriode::DiLuarJadwal
        }
    }

    /// The months whose evidence a report of `periode` lists: its own, and those of the
    /// targets completed late in it. Bit 0 = Januari.
    pub fn bulan_bukti(&self, periode: &[u8]) -> u16 {
        self.selesai_dalam(periode)
            .fold(0, |mask, (m, c)| mask | bit(m) | bit(c))
            | periode.iter().fold(0, |mask, &m| mask | bit(m))
    }

    /// Whether a target done in `periode` lacks evidence, given the months the tahapan's
    /// evidence supports (bit 0 = Januari).
    pub fn tanpa_bukti(&self, periode: &[u8], bukti: u16) -> bool {
        self.bulan_tanpa_bukti(periode, bukti) != 0
    }

    /// The months whose targets were done in `periode` without evidence (neither for the
    /// month nor for the month it was done in), bit 0 = Januari.
    pub fn bulan_tanpa_bukti(&self, periode: &[u8], bukti: u16) -> u16 {
        self.selesai_dalam(periode)
            .filter(|&(m, c)| bukti & (bit(m) | bit(c)) == 0)
            .fold(0, |mask, (m, _)| mask | bit(m))
    }

    /// What the grid shows in month `bulan`: `bukti` pieces of evidence support the month,
    /// `lewat` says the month has ended.
    pub fn sel(&self, bulan: u8, bukti: u32, lewat: bool) -> CellState {
        let status = self.status(bulan);
        if !self.dijadwalkan(bulan) {
            return match status {
                None | Some(Status::BelumDimulai) => CellState::Kosong,
                Some(_) if self.susulan(bulan).is_some() => CellState::SelesaiTerlambat,
                Some(_) => CellState::DiLuarJadwal,
            };
        }
        match (self.selesai_pada(bulan), status) {
            (Some(c), _) if c != bulan => CellState::SelesaiTerlambat,
            (Some(_), _) if bukti > 0 => CellState::Selesai,
            (Some(_), _) => CellState::SelesaiTanpaBukti,
            (None, Some(Status::TidakTerlaksana)) => CellState::TidakTerlaksana,
            (None, _) if lewat => CellState::Terlambat,
            (None, Some(Status::DalamProses)) => CellState::Proses,
            (None, _) => CellState::Rencana,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tahapan scheduled in `jadwal` (months) with `records` (month, status).
    fn tahapan(jadwal: &[u8], records: &[(u8, Status)]) -> CapaianTahapan {
        let mut status = [None; 12];
        for &(m, s) in records {
            status[usize::from(m - 1)] = Some(s);
        }
        CapaianTahapan::new(jadwal.iter().fold(0, |mask, &m| mask | bit(m)), status)
    }

    const Q1: [u8; 3] = [1, 2, 3];
    const Q2: [u8; 3] = [4, 5, 6];

    #[test]
    fn a_selesai_after_the_schedule_completes_the_earliest_open_target() {
        // Issue 16: scheduled in March, "Selesai" in April.
        let t = tahapan(&[3], &[(4, Status::Selesai)]);
        assert_eq!(t.selesai_pada(3), Some(4));
        assert_eq!(t.susulan(4), Some(3));
        // TW I was true at the end of March; TW II shows the late completion; the year and
        // the cumulative figures from April count it.
        assert_eq!(t.periode(&Q1), CapaianPeriode::TidakTercapai);
        assert_eq!(t.periode(&Q2), CapaianPeriode::SelesaiTerlambat);
        assert_eq!(t.periode(&[4]), CapaianPeriode::SelesaiTerlambat);
        assert_eq!(
            t.hitung(|m| m <= 3, 3),
            Hitung {
                target: 1,
                selesai: 0
            }
        );
        assert_eq!(
            t.hitung(|m| m <= 6, 6),
            Hitung {
                target: 1,
                selesai: 1
            }
        );
        assert_eq!(t.hitung(|m| Q2.contains(&m), 6), Hitung::default());
        assert_eq!(
            t.hitung(|_| true, 12),
            Hitung {
                target: 1,
                selesai: 1
            }
        );
        // The grid: both months say "selesai terlambat", March is no longer red.
        assert_eq!(t.sel(3, 0, true), CellState::SelesaiTerlambat);
        assert_eq!(t.sel(4, 0, true), CellState::SelesaiTerlambat);
    }

    #[test]
    fn one_selesai_completes_one_target() {
        // A routine: January skipped, February held. February's own record is February's.
        let t = tahapan(
            &[1, 2],
            &[(1, Status::TidakTerlaksana), (2, Status::Selesai)],
        );
        assert_eq!(t.selesai_pada(1), None);
        assert_eq!(t.selesai_pada(2), Some(2));
        assert_eq!(
            t.hitung(|_| true, 12),
            Hitung {
                target: 2,
                selesai: 1
            }
        );
        assert_eq!(t.sel(1, 0, true), CellState::TidakTerlaksana);
        // Two months behind, one late "Selesai": the earlier month is done, the later not.
        let t = tahapan(&[3, 4], &[(5, Status::Selesai)]);
        assert_eq!(t.selesai_pada(3), Some(5));
        assert_eq!(t.selesai_pada(4), None);
        assert_eq!(t.sel(4, 0, true), CellState::Terlambat);
        // Not carried out in March for want of money, done in October: done late.
        let t = tahapan(&[3], &[(3, Status::TidakTerlaksana), (10, Status::Selesai)]);
        assert_eq!(t.selesai_pada(3), Some(10));
        assert_eq!(t.sel(3, 0, true), CellState::SelesaiTerlambat);
        // Done before the schedule: outside it, the target still open.
        let t = tahapan(&[6], &[(2, Status::Selesai)]);
        assert_eq!(t.susulan(2), None);
        assert_eq!(t.periode(&Q1), CapaianPeriode::DiLuarJadwal);
        assert_eq!(t.sel(2, 0, false), CellState::DiLuarJadwal);
        assert_eq!(t.sel(6, 0, false), CellState::Rencana);
    }

    #[test]
    fn a_period_is_seen_at_its_end() {
        // January done in February, inside the quarter: late, and counted in it.
        let t = tahapan(&[1], &[(2, Status::Selesai)]);
        assert_eq!(t.periode(&Q1), CapaianPeriode::SelesaiTerlambat);
        assert_eq!(
            t.hitung(|m| Q1.contains(&m), 3),
            Hitung {
                target: 1,
                selesai: 1
            }
        );
        // January's own report was made at the end of January.
        assert_eq!(t.periode(&[1]), CapaianPeriode::TidakTercapai);
        assert_eq!(t.periode(&[2]), CapaianPeriode::SelesaiTerlambat);
        // All done on time.
        let t = tahapan(&[1, 2], &[(1, Status::Selesai), (2, Status::Selesai)]);
        assert_eq!(t.periode(&Q1), CapaianPeriode::Tercapai);
        assert_eq!(CapaianPeriode::Tercapai.tercapai(), Some(true));
        assert_eq!(CapaianPeriode::SelesaiTerlambat.tercapai(), Some(true));
        assert_eq!(CapaianPeriode::DiLuarJadwal.tercapai(), None);
    }

    #[test]
    fn evidence_of_a_target_is_for_its_month_or_the_month_it_was_done() {
        let t = tahapan(&[3], &[(4, Status::Selesai)]);
        // TW II lists the evidence of April and of March, the target April completed.
        assert_eq!(t.bulan_bukti(&Q2), bit(3) | bit(4) | bit(5) | bit(6));
        assert!(t.tanpa_bukti(&Q2, 0));
        assert!(t.tanpa_bukti(&Q2, bit(1)));
        assert!(!t.tanpa_bukti(&Q2, bit(3)));
        assert!(!t.tanpa_bukti(&Q2, bit(4)));
        // Nothing done in TW I, so nothing lacks evidence there.
        assert!(!t.tanpa_bukti(&Q1, 0));
        let t = tahapan(&[2], &[(2, Status::Selesai)]);
        assert!(t.tanpa_bukti(&[2], 0));
        assert_eq!(t.sel(2, 0, true), CellState::SelesaiTanpaBukti);
        assert_eq!(t.sel(2, 1, true), CellState::Selesai);
    }

    #[test]
    fn cells_follow_schedule_status_evidence_and_lateness() {
        let t = tahapan(
            &[1, 2, 3, 4, 12],
            &[
                (1, Status::Selesai),
                (3, Status::DalamProses),
                (4, Status::DalamProses),
                (6, Status::DalamProses),
                (7, Status::BelumDimulai),
            ],
        );
        let cells: Vec<CellState> = (1..=12).map(|m| t.sel(m, 0, m < 4)).collect();
        use CellState::*;
        assert_eq!(
            cells,
            [
                SelesaiTanpaBukti,
                Terlambat,
                Terlambat,
                Proses,
                Kosong,
                DiLuarJadwal,
                Kosong,
                Kosong,
                Kosong,
                Kosong,
                Kosong,
                Rencana
            ]
        );
    }

    #[test]
    fn a_record_that_says_something_is_reported() {
        assert!(dilaporkan(Status::BelumDimulai, true, false));
        assert!(dilaporkan(Status::BelumDimulai, false, true));
        assert!(!dilaporkan(Status::BelumDimulai, false, false));
        assert!(dilaporkan(Status::DalamProses, false, false));
    }
}

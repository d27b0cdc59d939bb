//! Ringkasan: where the year stands at the end of a chosen month — capaian per program and
//! for the whole plan, planned against done month by month, the tahapan that need work
//! (terlambat, selesai tanpa bukti, dijadwalkan bulan depan) and the load of each
//! penanggung jawab. The Ringkasan tab draws it; the Ringkasan Capaian PDF prints it
//! (`report::ringkasan`).
//!
//! What this module must keep:
//! - Every figure comes from the one rule of [`crate::capaian`]: targets are counted with
//!   [`CapaianTahapan::hitung`] exactly as the Laporan Monev counts them, so "Bulan ini" and
//!   "s.d. bulan ini" equal the Monev bulanan's "Capaian bulan" and "Kumulatif" for the same
//!   month (a test compares them); what a month is (done, late, open) is
//!   [`CapaianTahapan::sel`], the grid's cell, so an item listed as terlambat shows a late
//!   cell when the grid opens at it; percentages are worded by [`Hitung::persen`].
//! - It is seen at the end of month `bulan`: records of later months do not count, and a
//!   month is late once it has passed (on `today`) and is not after `bulan`.
//! - It only reads, through `storage`, and never sees a `Plan` (`plan::ringkasan` does).

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::capaian::{CapaianTahapan, CellState, Hitung, KETERANGAN_HITUNG};
use crate::error::{Error, Result};
use crate::model::Level;
use crate::realisasi::{self, Status};
use crate::storage::tree::{self, Node};
use crate::storage::{self, Read};
use crate::tanggal::{BULAN_PENDEK, daftar_bulan, nama_bulan};

/// Written for a tahapan without a penanggung jawab.
pub const TANPA_PJ: &str = "(belum ditentukan)";

/// Targets met against targets set, with the percentage as the reports print it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Angka {
    pub target: u32,
    pub selesai: u32,
    /// "75,0%", or "–" when there was no target.
    pub persen: String,
}

impl From<Hitung> for Angka {
    fn from(h: Hitung) -> Angka {
        Angka {
            target: h.target,
            selesai: h.selesai,
            persen: h.persen(),
        }
    }
}

/// Capaian of one program (or of the whole plan: `nomor` 0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CapaianProgram {
    #[ts(type = "number")]
    pub id: i64,
    pub nomor: u32,
    pub nama: String,
    pub tahapan: u32,
    /// The targets of the chosen month.
    pub bulan: Angka,
    /// The targets from January to the chosen month.
    pub kumulatif: Angka,
    /// The targets of the whole year, done by the end of the chosen month.
    pub tahunan: Angka,
}

/// One month of the year: its targets and how many of them are done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CapaianBulan {
    pub bulan: u8,
    /// "Jan".
    pub nama: String,
    pub target: u32,
    pub selesai: u32,
}

/// A tahapan in one of the lists; opening it shows the grid at its row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TahapanRingkas {
    #[ts(type = "number")]
    pub id: i64,
    /// The program's number.
    pub program: u32,
    pub kegiatan: String,
    pub nama: String,
    pub penanggung_jawab: String,
    /// The months the list is about: "Mar, Apr" (late or done without evidence), or the
    /// tahapan's schedule for the next month's list ("Apr–Jun").
    pub bulan: String,
}

/// The tahapan of one penanggung jawab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BebanPenanggungJawab {
    /// The name, or [`TANPA_PJ`].
    pub nama: String,
    pub tahapan: u32,
    /// Tahapan with a late month.
    pub terlambat: u32,
    /// Tahapan not late with months still to do this year.
    pub belum: u32,
    /// Capaian from January to the chosen month.
    pub kumulatif: Angka,
}

/// The whole Ringkasan of one month.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Ringkasan {
    pub tahun: i32,
    /// The chosen month, 1–12.
    pub bulan: u8,
    /// "Maret 2026".
    pub periode: String,
    /// "s.d. Maret 2026".
    pub sampai: String,
    pub program: Vec<CapaianProgram>,
    pub jumlah: CapaianProgram,
    /// Januari to Desember.
    pub per_bulan: Vec<CapaianBulan>,
    pub terlambat: Vec<TahapanRingkas>,
    pub tanpa_bukti: Vec<TahapanRingkas>,
    pub bulan_depan: Vec<TahapanRingkas>,
    /// "April 2026", or empty in December (the plan's year ends).
    pub bulan_depan_nama: String,
    pub penanggung_jawab: Vec<BebanPenanggungJawab>,
    /// How the figures are counted, as the Monev reports print it.
    pub keterangan_hitung: String,
}

/// The month a Ringkasan shows when none is chosen: `today`'s, clamped into the plan's
/// year (December once the year has passed, January before it has begun).
pub fn bulan_default(tahun: i32, today: NaiveDate) -> u8 {
    match today.year().cmp(&tahun) {
        std::cmp::Ordering::Less => 1,
        std::cmp::Ordering::Greater => 12,
        std::cmp::Ordering::Equal => today.month() as u8,
    }
}

/// A tahapan as the Ringkasan reads it.
struct Baris<'a> {
    node: &'a Node,
    program: usize,
    kegiatan: &'a str,
}

/// The plan's tahapan in tree order, with their program (an index) and kegiatan.
fn tahapan_of<'a>(
    programs: &[Node],
    children: &'a HashMap<(Level, i64), Vec<Node>>,
) -> Vec<Baris<'a>> {
    let kids = |level, parent| children.get(&(level, parent)).into_iter().flatten();
    let mut out = Vec::new();
    for (i, p) in programs.iter().enumerate() {
        for o in kids(Level::Outcome, p.id) {
            for k in kids(Level::Kegiatan, o.id) {
                for op in kids(Level::Output, k.id) {
                    for t in kids(Level::Tahapan, op.id) {
                        out.push(Baris {
                            node: t,
                            program: i,
                            kegiatan: &k.nama,
                        });
                    }
                }
            }
        }
    }
    out
}

fn months(mask: u16) -> Vec<u8> {
    (1..=12u8).filter(|m| mask & (1 << (m - 1)) != 0).collect()
}

#[derive(Default)]
struct Beban {
    tahapan: u32,
    terlambat: u32,
    belum: u32,
    kumulatif: Hitung,
}

/// The Ringkasan of the plan in `db` at the end of month `bulan` (1–12; today's month in the
/// plan's year when `None`), as it stands on `today`. `program`: only the program with this
/// number.
pub(crate) fn ringkasan(
    db: &Read,
    today: NaiveDate,
    bulan: Option<u8>,
    program: Option<u32>,
) -> Result<Ringkasan> {
    let tahun = storage::identity::get(db)?.tahun;
    let bulan = bulan.unwrap_or_else(|| bulan_default(tahun, today));
    if !(1..=12).contains(&bulan) {
        return Err(Error::invalid(
            "bulan",
            "Bulan harus berupa angka 1 (Januari) sampai 12 (Desember).",
        ));
    }
    let mut programs = tree::nodes(db, Level::Program)?;
    let mut nomor: Vec<u32> = (1..=programs.len() as u32).collect();
    if let Some(n) = program {
        let at = (n as usize)
            .checked_sub(1)
            .filter(|&i| i < programs.len())
            .ok_or_else(|| Error::invalid("program", format!("Program nomor {n} tidak ada.")))?;
        programs = vec![programs.swap_remove(at)];
        nomor = vec![n];
    }
    let mut children: HashMap<(Level, i64), Vec<Node>> = HashMap::new();
    for level in [
        Level::Outcome,
        Level::Kegiatan,
        Level::Output,
        Level::Tahapan,
    ] {
        for node in tree::nodes(db, level)? {
            children.entry((level, node.parent)).or_default().push(node);
        }
    }
    let tahapan = tahapan_of(&programs, &children);
    // Records up to the chosen month only: the Ringkasan is seen at its end.
    let mut status: HashMap<i64, [Option<Status>; 12]> = HashMap::new();
    for ((t, m), s) in realisasi::statuses(db)? {
        if (1..=bulan).contains(&m) {
            status.entry(t).or_default()[usize::from(m - 1)] = Some(s);
        }
    }
    let mut bukti: HashMap<i64, (u16, [u32; 12])> = HashMap::new();
    for (t, mask) in storage::bukti::bulan_per_tahapan(db)? {
        let (all, counts) = bukti.entry(t).or_default();
        *all |= mask;
        for (m, count) in counts.iter_mut().enumerate() {
            if mask & (1 << m) != 0 {
                *count += 1;
            }
        }
    }

    let lewat = |m: u8| m <= bulan && (tahun, u32::from(m)) < (today.year(), today.month());
    let sampai_bulan: Vec<u8> = (1..=bulan).collect();
    let mut per_program = vec![[Hitung::default(); 3]; programs.len()];
    let mut tahapan_program = vec![0u32; programs.len()];
    let mut per_bulan = [Hitung::default(); 12];
    let mut beban: BTreeMap<String, Beban> = BTreeMap::new();
    let (mut terlambat, mut tanpa_bukti, mut bulan_depan) = (vec![], vec![], vec![]);
    for b in &tahapan {
        let t = b.node;
        let rule = CapaianTahapan::new(t.bulan, status.get(&t.id).copied().unwrap_or_default());
        let (bukti_bulan, bukti_count) = bukti.get(&t.id).copied().unwrap_or_default();
        let h = [
            rule.hitung(|m| m == bulan, bulan),
            rule.hitung(|m| m <= bulan, bulan),
            rule.hitung(|_| true, bulan),
        ];
        for (sum, h) in per_program[b.program].iter_mut().zip(h) {
            sum.add(h);
        }
        tahapan_program[b.program] += 1;
        for m in 1..=12u8 {
            per_bulan[usize::from(m - 1)].add(rule.hitung(|x| x == m, bulan));
        }
        let (mut late, mut open) = (0u16, false);
        for m in months(t.bulan) {
            match rule.sel(m, bukti_count[usize::from(m - 1)], lewat(m)) {
                CellState::Terlambat | CellState::TidakTerlaksana => late |= 1 << (m - 1),
                CellState::Rencana | CellState::Proses => open = true,
                _ => {}
            }
        }
        let item = |bulan: String| TahapanRingkas {
            id: t.id,
            program: nomor[b.program],
            kegiatan: b.kegiatan.to_owned(),
            nama: t.nama.clone(),
            penanggung_jawab: t.penanggung_jawab.clone(),
            bulan,
        };
        if late != 0 {
            terlambat.push(item(daftar_bulan(&months(late))));
        }
        let tanpa = rule.bulan_tanpa_bukti(&sampai_bulan, bukti_bulan);
        if tanpa != 0 {
            tanpa_bukti.push(item(daftar_bulan(&months(tanpa))));
        }
        if bulan < 12 && rule.dijadwalkan(bulan + 1) {
            bulan_depan.push(item(daftar_bulan(&months(t.bulan))));
        }
        let pj = t.penanggung_jawab.trim();
        let e = beban
            .entry(if pj.is_empty() { TANPA_PJ } else { pj }.to_owned())
            .or_default();
        e.tahapan += 1;
        e.kumulatif.add(h[1]);
        if late != 0 {
            e.terlambat += 1;
        } else if open {
            e.belum += 1;
        }
    }

    let capaian = |id, nomor, nama: &str, tahapan, h: [Hitung; 3]| CapaianProgram {
        id,
        nomor,
        nama: nama.to_owned(),
        tahapan,
        bulan: h[0].into(),
        kumulatif: h[1].into(),
        tahunan: h[2].into(),
    };
    let mut jumlah = [Hitung::default(); 3];
    for h in &per_program {
        for (sum, h) in jumlah.iter_mut().zip(h) {
            sum.add(*h);
        }
    }
    let mut penanggung_jawab: Vec<BebanPenanggungJawab> = beban
        .into_iter()
        .map(|(nama, e)| BebanPenanggungJawab {
            nama,
            tahapan: e.tahapan,
            terlambat: e.terlambat,
            belum: e.belum,
            kumulatif: e.kumulatif.into(),
        })
        .collect();
    // Who has most late work first: the table leads to work, like the lists.
    penanggung_jawab.sort_by_key(|p| std::cmp::Reverse(p.terlambat));
    Ok(Ringkasan {
        tahun,
        bulan,
        periode: format!("{} {tahun}", nama_bulan(bulan)),
        sampai: format!("s.d. {} {tahun}", nama_bulan(bulan)),
        program: programs
            .iter()
            .enumerate()
            .map(|(i, p)| capaian(p.id, nomor[i], &p.nama, tahapan_program[i], per_program[i]))
            .collect(),
        jumlah: capaian(0, 0, "Seluruh rencana", tahapan.len() as u32, jumlah),
        per_bulan: (1..=12u8)
            .map(|m| CapaianBulan {
                bulan: m,
                nama: BULAN_PENDEK[usize::from(m - 1)].to_owned(),
                target: per_bulan[usize::from(m - 1)].target,
                selesai: per_bulan[usize::from(m - 1)].selesai,
            })
            .collect(),
        terlambat,
        tanpa_bukti,
        bulan_depan,
        bulan_depan_nama: if bulan < 12 {
            format!("{} {tahun}", nama_bulan(bulan + 1))
        } else {
            String::new()
        },
        penanggung_jawab,
        keterangan_hitung: KETERANGAN_HITUNG.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_month_is_todays_clamped_into_the_plan_year() {
        let day = |y, m| NaiveDate::from_ymd_opt(y, m, 15).expect("date");
        assert_eq!(bulan_default(2026, day(2026, 3)), 3);
        assert_eq!(bulan_default(2026, day(2027, 3)), 12);
        assert_eq!(bulan_default(2026, day(2025, 11)), 1);
    }

    #[test]
    fn months_of_a_mask() {
        assert_eq!(months(0), Vec::<u8>::new());
        assert_eq!(months(0b1000_0000_0101), vec![1, 3, 12]);
        assert_eq!(crate::capaian::mask(&months(0b110)), 0b110);
    }
}

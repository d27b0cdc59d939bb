//! The Laporan Monev: bulanan and triwulan (what was scheduled or worked in the period, how
//! it went, the evidence, and capaian per program), and tahunan (capaian per program and
//! kegiatan, what was not done and why, the team's conclusions).
//!
//! Capaian counts month cells: a tahapan scheduled in March and April is two targets, and a
//! target is met when that month's realisasi is "selesai".

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::data::{Catatan, Konteks};
use super::tanggal::{BULAN_PENDEK, daftar_bulan, nama_bulan, tanggal_teks};
use crate::model::DumpTahapan;
use crate::realisasi::Status;

/// Evidence as a Monev row lists it.
#[derive(Debug, Clone, Serialize)]
pub struct BuktiRingkas {
    pub jenis: String,
    pub nomor: String,
    /// "1 Maret 2023", or empty.
    pub tanggal: String,
    pub judul: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonevBaris {
    pub no: u32,
    pub kegiatan: String,
    pub output: String,
    pub tahapan: String,
    pub penanggung_jawab: String,
    /// The months scheduled in the year: "Mar–Mei".
    pub target: String,
    /// One line per month of the period with a record: "Selesai (100%)", or "Mar: Selesai
    /// (100%)" in a quarter. "Belum ada laporan" when nothing was recorded.
    pub realisasi: Vec<String>,
    pub catatan: String,
    /// "Tercapai", "Tidak tercapai", or "Di luar jadwal" for work outside the schedule.
    pub status_capaian: String,
    pub tercapai: Option<bool>,
    pub kendala: String,
    pub tindak_lanjut: String,
    pub bukti: Vec<BuktiRingkas>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonevProgram {
    pub nomor: u32,
    pub nama: String,
    pub baris: Vec<MonevBaris>,
}

/// Targets met against targets set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Hitung {
    pub target: u32,
    pub selesai: u32,
}

impl Hitung {
    fn add(&mut self, other: Hitung) {
        self.target += other.target;
        self.selesai += other.selesai;
    }
}

/// "75,0%" or "–" when nothing was scheduled.
fn persen(h: Hitung) -> String {
    if h.target == 0 {
        "–".into()
    } else {
        format!("{:.1}%", f64::from(h.selesai) * 100.0 / f64::from(h.target)).replace('.', ",")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Capaian {
    /// The program's number; 0 on the total row.
    pub nomor: u32,
    /// "Manajemen Perubahan", or "Jumlah" on the total row.
    pub program: String,
    pub periode: Hitung,
    pub periode_persen: String,
    pub kumulatif: Hitung,
    pub kumulatif_persen: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Monev {
    /// "s.d. Maret 2023": what the cumulative columns count up to.
    pub sampai: String,
    pub program: Vec<MonevProgram>,
    pub capaian: Vec<Capaian>,
    pub jumlah: Capaian,
}

fn months(t: &DumpTahapan) -> &[u8] {
    &t.bulan
}

fn hitung(ctx: &Konteks, t: &DumpTahapan, range: impl Fn(u8) -> bool) -> Hitung {
    let mut h = Hitung::default();
    for &m in months(t).iter().filter(|&&m| range(m)) {
        h.target += 1;
        if ctx.selesai(&t.uuid, m) {
            h.selesai += 1;
        }
    }
    h
}

fn realisasi_line(c: &Catatan) -> String {
    match c.status {
        Status::Selesai | Status::DalamProses => format!("{} ({}%)", c.status.label(), c.persen),
        s => s.label().to_owned(),
    }
}

/// Join the notes of several months, naming the month when there is more than one.
fn joined<'a>(items: impl Iterator<Item = (u8, &'a str)>, many: bool) -> String {
    items
        .filter(|(_, s)| !s.trim().is_empty())
        .map(|(m, s)| {
            if many {
                format!("{}: {}", BULAN_PENDEK[usize::from(m - 1)], s.trim())
            } else {
                s.trim().to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn ringkas(b: &crate::bukti::Bukti) -> BuktiRingkas {
    BuktiRingkas {
        jenis: b.jenis.label().to_owned(),
        nomor: b.nomor.clone(),
        tanggal: tanggal_teks(&b.tanggal),
        judul: b.judul.clone(),
    }
}

pub(crate) fn monev(ctx: &Konteks, period: &[u8], tahun: i32) -> Monev {
    let last = period.last().copied().unwrap_or(12);
    let many = period.len() > 1;
    let in_period = |m: u8| period.contains(&m);
    let mut program = Vec::new();
    let mut capaian = Vec::new();
    let mut jumlah_periode = Hitung::default();
    let mut jumlah_kumulatif = Hitung::default();
    for p in &ctx.programs {
        let mut baris = Vec::new();
        let mut h_periode = Hitung::default();
        let mut h_kumulatif = Hitung::default();
        for outcome in &p.outcomes {
            for kegiatan in &outcome.kegiatan {
                for output in &kegiatan.outputs {
                    for t in &output.tahapan {
                        let hp = hitung(ctx, t, in_period);
                        h_periode.add(hp);
                        h_kumulatif.add(hitung(ctx, t, |m| m <= last));
                        let records: Vec<(u8, &Catatan)> = period
                            .iter()
                            .filter_map(|&m| ctx.catatan(&t.uuid, m).map(|c| (m, c)))
                            .filter(|(_, c)| c.status != Status::BelumDimulai || c.persen > 0)
                            .collect();
                        if hp.target == 0 && records.is_empty() {
                            continue;
                        }
                        let realisasi = if records.is_empty() {
                            vec!["Belum ada laporan".into()]
                        } else {
                            records
                                .iter()
                                .map(|(m, c)| {
                                    if many {
                                        format!(
                                            "{}: {}",
                                            BULAN_PENDEK[usize::from(m - 1)],
                                            realisasi_line(c)
                                        )
                                    } else {
                                        realisasi_line(c)
                                    }
                                })
                                .collect()
                        };
                        let (status_capaian, tercapai) = if hp.target == 0 {
                            ("Di luar jadwal".to_owned(), None)
                        } else if hp.selesai == hp.target {
                            ("Tercapai".to_owned(), Some(true))
                        } else {
                            ("Tidak tercapai".to_owned(), Some(false))
                        };
                        let bukti = ctx
                            .bukti
                            .get(&t.uuid)
                            .map(|list| {
                                list.iter()
                                    .filter(|b| b.bulan.iter().any(|m| in_period(*m)))
                                    .map(ringkas)
                                    .collect()
                            })
                            .unwrap_or_default();
                        baris.push(MonevBaris {
                            no: baris.len() as u32 + 1,
                            kegiatan: kegiatan.nama.clone(),
                            output: output.nama.clone(),
                            tahapan: t.nama.clone(),
                            penanggung_jawab: t.penanggung_jawab.clone(),
                            target: daftar_bulan(&t.bulan),
                            realisasi,
                            catatan: joined(
                                records.iter().map(|(m, c)| (*m, c.catatan.as_str())),
                                many,
                            ),
                            status_capaian,
                            tercapai,
                            kendala: joined(
                                records.iter().map(|(m, c)| (*m, c.kendala.as_str())),
                                many,
                            ),
                            tindak_lanjut: joined(
                                records.iter().map(|(m, c)| (*m, c.tindak_lanjut.as_str())),
                                many,
                            ),
                            bukti,
                        });
                    }
                }
            }
        }
        jumlah_periode.add(h_periode);
        jumlah_kumulatif.add(h_kumulatif);
        capaian.push(Capaian {
            nomor: p.nomor,
            program: p.nama.clone(),
            periode: h_periode,
            periode_persen: persen(h_periode),
            kumulatif: h_kumulatif,
            kumulatif_persen: persen(h_kumulatif),
        });
        program.push(MonevProgram {
            nomor: p.nomor,
            nama: p.nama.clone(),
            baris,
        });
    }
    Monev {
        sampai: format!("s.d. {} {tahun}", nama_bulan(last)),
        program,
        capaian,
        jumlah: Capaian {
            nomor: 0,
            program: "Jumlah".into(),
            periode: jumlah_periode,
            periode_persen: persen(jumlah_periode),
            kumulatif: jumlah_kumulatif,
            kumulatif_persen: persen(jumlah_kumulatif),
        },
    }
}

// --- tahunan ------------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize)]
pub struct TahunanKegiatan {
    pub no: String,
    pub nama: String,
    pub tahapan: u32,
    pub hitung: Hitung,
    pub persen: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TahunanProgram {
    pub nomor: u32,
    pub nama: String,
    pub kegiatan: Vec<TahunanKegiatan>,
    pub hitung: Hitung,
    pub persen: String,
}

/// A tahapan with scheduled months that were not done: which, and why.
#[derive(Debug, Clone, Serialize)]
pub struct BelumTercapai {
    pub program: String,
    pub kegiatan: String,
    pub tahapan: String,
    pub penanggung_jawab: String,
    /// The months not done: "Mar, Apr".
    pub bulan: String,
    /// "Tidak terlaksana", "Dalam proses (50%)", "Belum ada laporan".
    pub status: String,
    pub kendala: String,
    pub tindak_lanjut: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tahunan {
    pub program: Vec<TahunanProgram>,
    pub jumlah: Hitung,
    pub jumlah_persen: String,
    pub belum: Vec<BelumTercapai>,
    pub kesimpulan: String,
    pub rekomendasi: String,
    /// Set when the report is made before the year has ended: "Keadaan s.d. 28 November 2026".
    pub keadaan: String,
}

pub(crate) fn tahunan(
    ctx: &Konteks,
    catatan: &super::CatatanTahunan,
    today: NaiveDate,
    tahun: i32,
) -> Tahunan {
    let mut program = Vec::new();
    let mut belum = Vec::new();
    let mut jumlah = Hitung::default();
    for p in &ctx.programs {
        let mut kegiatan_rows = Vec::new();
        let mut hp = Hitung::default();
        for k in p.outcomes.iter().flat_map(|o| &o.kegiatan) {
            let mut hk = Hitung::default();
            let mut n = 0;
            for t in k.outputs.iter().flat_map(|o| &o.tahapan) {
                n += 1;
                let h = hitung(ctx, t, |_| true);
                hk.add(h);
                let missed: Vec<u8> = t
                    .bulan
                    .iter()
                    .copied()
                    .filter(|&m| !ctx.selesai(&t.uuid, m))
                    .collect();
                if missed.is_empty() {
                    continue;
                }
                let last = missed.iter().rev().find_map(|&m| ctx.catatan(&t.uuid, m));
                let all: Vec<(u8, &Catatan)> = (1..=12)
                    .filter_map(|m| ctx.catatan(&t.uuid, m).map(|c| (m, c)))
                    .collect();
                belum.push(BelumTercapai {
                    program: format!("{}. {}", p.nomor, p.nama),
                    kegiatan: k.nama.clone(),
                    tahapan: t.nama.clone(),
                    penanggung_jawab: t.penanggung_jawab.clone(),
                    bulan: daftar_bulan(&missed),
                    status: last
                        .map(realisasi_line)
                        .unwrap_or_else(|| "Belum ada laporan".into()),
                    kendala: joined(all.iter().map(|(m, c)| (*m, c.kendala.as_str())), true),
                    tindak_lanjut: joined(
                        all.iter().map(|(m, c)| (*m, c.tindak_lanjut.as_str())),
                        true,
                    ),
                });
            }
            hp.add(hk);
            kegiatan_rows.push(TahunanKegiatan {
                no: format!("{}.{}", p.nomor, kegiatan_rows.len() + 1),
                nama: k.nama.clone(),
                tahapan: n,
                hitung: hk,
                persen: persen(hk),
            });
        }
        jumlah.add(hp);
        program.push(TahunanProgram {
            nomor: p.nomor,
            nama: p.nama.clone(),
            kegiatan: kegiatan_rows,
            hitung: hp,
            persen: persen(hp),
        });
    }
    Tahunan {
        program,
        jumlah,
        jumlah_persen: persen(jumlah),
        belum,
        kesimpulan: catatan.kesimpulan.clone(),
        rekomendasi: catatan.rekomendasi.clone(),
        keadaan: if today.year() <= tahun {
            format!("Keadaan s.d. {}", super::tanggal::tanggal_panjang(today))
        } else {
            String::new()
        },
    }
}

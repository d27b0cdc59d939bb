//! The Laporan Monev bulanan and triwulan: what was scheduled or worked in the period, how it
//! went, the evidence, and capaian per program. The tahunan is [`super::tahunan`], which
//! shares the wording helpers here.
//!
//! Capaian counts month cells: a tahapan scheduled in March and April is two targets. Whether
//! a target is met, met late or not met, and what a period's row says, is the one rule of
//! [`crate::capaian`]; this module only words and arranges it.

use serde::Serialize;

use super::data::{Catatan, Konteks};
use super::pages::{self, Keep, Row, lines, lines_of};
use super::tanggal::{BULAN_PENDEK, daftar_bulan, daftar_bulan_butir, nama_bulan, tanggal_teks};
use crate::capaian::{self, KETERANGAN_HITUNG, TANPA_BUKTI};
use crate::realisasi::Status;

pub use crate::capaian::Hitung;

/// Printed instead of a period's rows when nothing was scheduled or worked in it.
const TIDAK_ADA_TAHAPAN: &str =
    "Tidak ada tahapan yang dijadwalkan atau dikerjakan pada periode ini.";

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
    /// The same months run by run ("Mar–Mei", "Agu, Sep"), for a line break between runs only.
    pub target_bulan: Vec<String>,
    /// One line per month of the period with a record ([`capaian::dilaporkan`]): "Selesai
    /// (100%)", or "Mar: Selesai (100%)" in a quarter. "Belum ada laporan" when there is none.
    pub realisasi: Vec<String>,
    pub catatan: String,
    /// "Tercapai", "Selesai terlambat", "Tidak tercapai", or "Di luar jadwal" for work outside
    /// the schedule ([`capaian::CapaianPeriode`]).
    pub status_capaian: String,
    pub tercapai: Option<bool>,
    /// A line under the status: "Belum ada bukti dukung" when a target done has no evidence.
    pub status_keterangan: String,
    pub kendala: String,
    pub tindak_lanjut: String,
    pub bukti: Vec<BuktiRingkas>,
    /// How the row falls on the PDF's pages; the last rows stay with the signature.
    pub keep: Keep,
}

impl MonevBaris {
    /// The row's estimated lines: its tallest cell as the template fills it.
    fn lines(&self) -> u32 {
        let pj = format!("PJ: {}", self.penanggung_jawab);
        let bukti: Vec<String> = self
            .bukti
            .iter()
            .map(|b| format!("{} No. {}, {}: {}", b.jenis, b.nomor, b.tanggal, b.judul))
            .collect();
        [
            lines_of([self.kegiatan.as_str(), &self.tahapan, &pj]),
            lines_of(
                self.realisasi
                    .iter()
                    .map(String::as_str)
                    .chain([self.catatan.as_str()]),
            ),
            lines_of([self.status_capaian.as_str(), &self.status_keterangan]),
            lines(&self.kendala),
            lines(&self.tindak_lanjut),
            lines_of(bukti.iter().map(String::as_str)),
        ]
        .into_iter()
        .max()
        .unwrap_or(1)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MonevProgram {
    pub nomor: u32,
    pub nama: String,
    pub baris: Vec<MonevBaris>,
    /// Printed under the program's heading when it has no rows.
    pub keterangan: String,
}

/// "75,0%" or "–" when nothing was scheduled ([`Hitung::persen`]).
pub(super) fn persen(h: Hitung) -> String {
    h.persen()
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
    /// The programs with their rows; empty when no program has any (see `rincian_kosong`).
    pub program: Vec<MonevProgram>,
    /// Printed once instead of the programs when none has a row in the period, else empty.
    pub rincian_kosong: String,
    pub capaian: Vec<Capaian>,
    pub jumlah: Capaian,
    /// How the capaian figures are counted, under their table.
    pub keterangan_hitung: String,
}

pub(super) fn realisasi_line(c: &Catatan) -> String {
    match c.status {
        Status::Selesai | Status::DalamProses => format!("{} ({}%)", c.status.label(), c.persen),
        s => s.label().to_owned(),
    }
}

/// Join the notes of several months, naming the month when there is more than one.
pub(super) fn joined<'a>(items: impl Iterator<Item = (u8, &'a str)>, many: bool) -> String {
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
                        let rule = ctx.capaian(t);
                        let hp = rule.hitung(in_period, last);
                        h_periode.add(hp);
                        h_kumulatif.add(rule.hitung(|m| m <= last, last));
                        let records: Vec<(u8, &Catatan)> = period
                            .iter()
                            .filter_map(|&m| ctx.catatan(&t.uuid, m).map(|c| (m, c)))
                            .filter(|(m, c)| {
                                capaian::dilaporkan(c.status, c.berisi(), rule.dijadwalkan(*m))
                            })
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
                        let status = rule.periode(period);
                        let tanpa_bukti = status.tercapai() == Some(true)
                            && rule.tanpa_bukti(period, ctx.bulan_bukti(&t.uuid));
                        // The period's evidence, and that of the targets done late in it.
                        let bulan_bukti = rule.bulan_bukti(period);
                        let bukti = ctx
                            .bukti
                            .get(&t.uuid)
                            .map(|list| {
                                list.iter()
                                    .filter(|b| capaian::mask(&b.bulan) & bulan_bukti != 0)
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
                            target_bulan: daftar_bulan_butir(&t.bulan),
                            realisasi,
                            catatan: joined(
                                records.iter().map(|(m, c)| (*m, c.catatan.as_str())),
                                many,
                            ),
                            status_capaian: status.label().to_owned(),
                            tercapai: status.tercapai(),
                            status_keterangan: if tanpa_bukti {
                                TANPA_BUKTI.to_owned()
                            } else {
                                String::new()
                            },
                            kendala: joined(
                                records.iter().map(|(m, c)| (*m, c.kendala.as_str())),
                                many,
                            ),
                            tindak_lanjut: joined(
                                records.iter().map(|(m, c)| (*m, c.tindak_lanjut.as_str())),
                                many,
                            ),
                            bukti,
                            keep: Keep::default(),
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
            keterangan: if baris.is_empty() {
                TIDAK_ADA_TAHAPAN.to_owned()
            } else {
                String::new()
            },
            baris,
        });
    }
    // An empty period says so once, not once per program.
    let kosong = program.iter().all(|p| p.baris.is_empty());
    if kosong {
        program.clear();
    }
    // The signature follows the last program's table.
    let signed = program.len().saturating_sub(1);
    for (i, p) in program.iter_mut().enumerate() {
        let rows: Vec<Row> = p.baris.iter().map(|r| Row::new(r.lines())).collect();
        let closing = (i == signed).then_some(pages::SIGNATURE_LINES);
        for (r, k) in p.baris.iter_mut().zip(pages::keep(&rows, closing)) {
            r.keep = k;
        }
    }
    Monev {
        sampai: format!("s.d. {} {tahun}", nama_bulan(last)),
        program,
        rincian_kosong: if kosong {
            TIDAK_ADA_TAHAPAN.to_owned()
        } else {
            String::new()
        },
        capaian,
        jumlah: Capaian {
            nomor: 0,
            program: "Jumlah".into(),
            periode: jumlah_periode,
            periode_persen: persen(jumlah_periode),
            kumulatif: jumlah_kumulatif,
            kumulatif_persen: persen(jumlah_kumulatif),
        },
        keterangan_hitung: KETERANGAN_HITUNG.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Hitung, persen};

    #[test]
    fn capaian_is_written_to_a_tenth_with_halves_rounded_up() {
        let h = |selesai, target| Hitung { target, selesai };
        assert_eq!(persen(h(0, 0)), "–");
        assert_eq!(persen(h(3, 4)), "75,0%");
        assert_eq!(persen(h(1, 3)), "33,3%");
        assert_eq!(persen(h(2, 3)), "66,7%");
        assert_eq!(persen(h(1, 16)), "6,3%", "as Excel shows 0.0625");
        assert_eq!(persen(h(0, 7)), "0,0%");
        assert_eq!(persen(h(7, 7)), "100,0%");
    }
}

//! The Laporan Monev Tahunan: capaian per program and kegiatan for the year, what was not
//! done and why, and the team's conclusions. Counting and wording of states are shared with the
//! bulanan and triwulan ([`super::monev`]) and decided in [`crate::capaian`].

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::data::{Catatan, Konteks};
use super::monev::{Hitung, joined, persen, realisasi_line};
use super::pages::{self, Keep, Row, lines, lines_of, wide_lines};
use super::tanggal::daftar_bulan;
use crate::capaian::KETERANGAN_HITUNG;

#[derive(Debug, Clone, Serialize)]
pub struct TahunanKegiatan {
    pub no: String,
    pub nama: String,
    pub tahapan: u32,
    pub hitung: Hitung,
    pub persen: String,
    pub keep: Keep,
}

#[derive(Debug, Clone, Serialize)]
pub struct TahunanProgram {
    pub nomor: u32,
    pub nama: String,
    pub kegiatan: Vec<TahunanKegiatan>,
    pub hitung: Hitung,
    pub persen: String,
    /// The program's row is a heading: it stays with its first kegiatan, and the last rows
    /// with the total under the table ([`pages`]).
    pub keep: Keep,
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
    pub keep: Keep,
}

impl BelumTercapai {
    /// The row's estimated lines: its tallest cell as the template fills it.
    fn lines(&self) -> u32 {
        let asal = format!("{} → {}", self.program, self.kegiatan);
        let pj = format!("PJ: {}", self.penanggung_jawab);
        [
            lines_of([asal.as_str(), &self.tahapan, &pj]),
            lines(&self.bulan),
            lines(&self.status),
            lines(&self.kendala),
            lines(&self.tindak_lanjut),
        ]
        .into_iter()
        .max()
        .unwrap_or(1)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Tahunan {
    pub program: Vec<TahunanProgram>,
    pub jumlah: Hitung,
    pub jumlah_persen: String,
    /// How the capaian figures are counted, under their table.
    pub keterangan_hitung: String,
    pub belum: Vec<BelumTercapai>,
    /// Printed instead of table B when it is empty: everything scheduled is done, or nothing
    /// was scheduled.
    pub belum_keterangan: String,
    pub kesimpulan: String,
    pub rekomendasi: String,
    /// The last paragraph of the rekomendasi and the signature under it stay on one page
    /// unless that paragraph may be taller than a page.
    pub penutup: Keep,
    /// Set when the report is made before the year has ended: "Keadaan s.d. 28 November 2026".
    pub keadaan: String,
}

pub(crate) fn tahunan(
    ctx: &Konteks,
    catatan: &crate::model::CatatanTahunan,
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
                let rule = ctx.capaian(t);
                hk.add(rule.hitung(|_| true, 12));
                let missed: Vec<u8> = (1..=12)
                    .filter(|&m| rule.dijadwalkan(m) && !rule.tercapai(m, 12))
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
                    keep: Keep::default(),
                });
            }
            hp.add(hk);
            kegiatan_rows.push(TahunanKegiatan {
                no: format!("{}.{}", p.nomor, kegiatan_rows.len() + 1),
                nama: k.nama.clone(),
                tahapan: n,
                hitung: hk,
                persen: persen(hk),
                keep: Keep::default(),
            });
        }
        jumlah.add(hp);
        program.push(TahunanProgram {
            nomor: p.nomor,
            nama: p.nama.clone(),
            kegiatan: kegiatan_rows,
            hitung: hp,
            persen: persen(hp),
            keep: Keep::default(),
        });
    }
    keep_tahunan(&mut program, &mut belum);
    let belum_keterangan = match (belum.is_empty(), jumlah.target) {
        (false, _) => "",
        (true, 0) => "Belum ada tahapan yang dijadwalkan.",
        (true, _) => "Seluruh tahapan yang dijadwalkan telah selesai.",
    };
    Tahunan {
        program,
        jumlah,
        jumlah_persen: persen(jumlah),
        keterangan_hitung: KETERANGAN_HITUNG.to_owned(),
        belum,
        belum_keterangan: belum_keterangan.to_owned(),
        kesimpulan: catatan.kesimpulan.clone(),
        rekomendasi: catatan.rekomendasi.clone(),
        penutup: pages::keep(
            &[Row::new(wide_lines(
                catatan.rekomendasi.rsplit('\n').next().unwrap_or_default(),
            ))],
            Some(pages::SIGNATURE_LINES),
        )[0],
        keadaan: if today.year() <= tahun {
            format!("Keadaan s.d. {}", super::tanggal::tanggal_panjang(today))
        } else {
            String::new()
        },
    }
}

/// Group the rows of the Tahunan's tables for the PDF's pages: a program's row with its
/// first kegiatan, the last kegiatan with the total row under table A.
fn keep_tahunan(program: &mut [TahunanProgram], belum: &mut [BelumTercapai]) {
    let mut rows = Vec::new();
    for p in program.iter() {
        rows.push(Row::heading(lines(&p.nama)));
        rows.extend(p.kegiatan.iter().map(|k| Row::new(lines(&k.nama))));
    }
    let mut keep = pages::keep(&rows, Some(1)).into_iter();
    for p in program.iter_mut() {
        p.keep = keep.next().unwrap_or_default();
        for k in &mut p.kegiatan {
            k.keep = keep.next().unwrap_or_default();
        }
    }
    let rows: Vec<Row> = belum.iter().map(|b| Row::new(b.lines())).collect();
    for (b, k) in belum.iter_mut().zip(pages::keep(&rows, None)) {
        b.keep = k;
    }
}

//! The Daftar Bukti Dukung: every piece of evidence, numbered by program, kegiatan and
//! tahapan as they stand in the plan ("1.2.3" is program 1, its 2nd kegiatan, that
//! kegiatan's 3rd tahapan), with document dates, numbers and the SHA-256 of each file, so an
//! assessor can match a printed list against the files handed over.

use chrono::NaiveDate;
use serde::Serialize;

use super::data::Konteks;
use super::pages::{self, Keep, Row, lines, lines_of};
use super::tanggal::{daftar_bulan, tanggal_nilai, tanggal_teks};

#[derive(Debug, Clone, Serialize)]
pub struct DbBerkas {
    pub nama: String,
    pub ukuran: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DbBukti {
    /// "1.2.3.1".
    pub nomor: String,
    pub judul: String,
    pub jenis: String,
    pub nomor_dokumen: String,
    /// "10 Maret 2025", or empty.
    pub tanggal: String,
    /// The same date as a date, for the XLSX to store as one. Not in the templates' data:
    /// they print `tanggal`.
    #[serde(skip)]
    pub tanggal_nilai: Option<NaiveDate>,
    pub bulan: String,
    pub keterangan: String,
    pub berkas: Vec<DbBerkas>,
    pub keep: Keep,
}

impl DbBukti {
    /// The row's estimated lines: its tallest cell as the template fills it (a file's
    /// SHA-256 takes two lines).
    fn lines(&self) -> u32 {
        let berkas: Vec<String> = self
            .berkas
            .iter()
            .map(|f| format!("{} ({})", f.nama, f.ukuran))
            .collect();
        [
            lines_of([self.judul.as_str(), &self.keterangan]),
            lines(&self.jenis),
            lines(&self.nomor_dokumen),
            lines(&self.tanggal),
            lines(&self.bulan),
            lines_of(berkas.iter().map(String::as_str)),
            2 * self.berkas.len() as u32,
        ]
        .into_iter()
        .max()
        .unwrap_or(1)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DbTahapan {
    pub nomor: String,
    pub nama: String,
    pub bukti: Vec<DbBukti>,
    /// The tahapan's heading row stays with its first bukti.
    pub keep: Keep,
}

#[derive(Debug, Clone, Serialize)]
pub struct DbKegiatan {
    pub nomor: String,
    pub nama: String,
    pub tahapan: Vec<DbTahapan>,
    pub keep: Keep,
}

#[derive(Debug, Clone, Serialize)]
pub struct DbProgram {
    pub nomor: u32,
    pub nama: String,
    pub kegiatan: Vec<DbKegiatan>,
    pub jumlah_bukti: u32,
    pub keep: Keep,
    /// The row saying the program has no evidence, when it has none.
    pub keep_kosong: Keep,
}

#[derive(Debug, Clone, Serialize)]
pub struct DaftarBukti {
    pub program: Vec<DbProgram>,
    pub jumlah_bukti: u32,
    pub jumlah_berkas: u32,
}

/// "1,5 MB", "820 KB", "12 B".
pub(crate) fn ukuran(size: u64) -> String {
    const KB: f64 = 1024.0;
    let s = size as f64;
    if s >= KB * KB {
        format!("{:.1} MB", s / KB / KB).replace('.', ",")
    } else if s >= KB {
        format!("{:.0} KB", s / KB)
    } else {
        format!("{size} B")
    }
}

pub(crate) fn build(ctx: &Konteks) -> DaftarBukti {
    let mut program = Vec::new();
    let (mut jumlah_bukti, mut jumlah_berkas) = (0, 0);
    for p in &ctx.programs {
        let mut kegiatan = Vec::new();
        let mut n_program = 0;
        for (ki, k) in p.outcomes.iter().flat_map(|o| &o.kegiatan).enumerate() {
            let k_nomor = format!("{}.{}", p.nomor, ki + 1);
            let mut tahapan = Vec::new();
            for (ti, t) in k.outputs.iter().flat_map(|o| &o.tahapan).enumerate() {
                let Some(list) = ctx.bukti.get(&t.uuid).filter(|l| !l.is_empty()) else {
                    continue;
                };
                let t_nomor = format!("{k_nomor}.{}", ti + 1);
                let bukti = list
                    .iter()
                    .enumerate()
                    .map(|(bi, b)| {
                        jumlah_berkas += b.berkas.len() as u32;
                        DbBukti {
                            nomor: format!("{t_nomor}.{}", bi + 1),
                            judul: b.judul.clone(),
                            jenis: b.jenis.label().to_owned(),
                            nomor_dokumen: b.nomor.clone(),
                            tanggal: tanggal_teks(&b.tanggal),
                            tanggal_nilai: tanggal_nilai(&b.tanggal),
                            bulan: daftar_bulan(&b.bulan),
                            keterangan: b.keterangan.clone(),
                            berkas: b
                                .berkas
                                .iter()
                                .map(|f| DbBerkas {
                                    nama: f.nama.clone(),
                                    ukuran: ukuran(f.size),
                                    sha256: f.sha256.clone(),
                                })
                                .collect(),
                            keep: Keep::default(),
                        }
                    })
                    .collect::<Vec<_>>();
                n_program += bukti.len() as u32;
                tahapan.push(DbTahapan {
                    nomor: t_nomor,
                    nama: t.nama.clone(),
                    bukti,
                    keep: Keep::default(),
                });
            }
            if !tahapan.is_empty() {
                kegiatan.push(DbKegiatan {
                    nomor: k_nomor,
                    nama: k.nama.clone(),
                    tahapan,
                    keep: Keep::default(),
                });
            }
        }
        jumlah_bukti += n_program;
        program.push(DbProgram {
            nomor: p.nomor,
            nama: p.nama.clone(),
            kegiatan,
            jumlah_bukti: n_program,
            keep: Keep::default(),
            keep_kosong: Keep::default(),
        });
    }
    keep(&mut program);
    DaftarBukti {
        program,
        jumlah_bukti,
        jumlah_berkas,
    }
}

/// Group the rows for the PDF's pages in the order the template prints them: the program,
/// kegiatan and tahapan headings with the first bukti under them, the last bukti with the
/// signature.
fn keep(program: &mut [DbProgram]) {
    let mut rows = Vec::new();
    for p in program.iter() {
        rows.push(Row::heading(lines(&p.nama)));
        if p.kegiatan.is_empty() {
            rows.push(Row::new(1));
        }
        for k in &p.kegiatan {
            rows.push(Row::heading(lines(&k.nama)));
            for t in &k.tahapan {
                rows.push(Row::heading(lines(&t.nama)));
                rows.extend(t.bukti.iter().map(|b| Row::new(b.lines())));
            }
        }
    }
    let mut keep = pages::keep(&rows, Some(pages::SIGNATURE_LINES)).into_iter();
    let mut next = || keep.next().unwrap_or_default();
    for p in program.iter_mut() {
        p.keep = next();
        if p.kegiatan.is_empty() {
            p.keep_kosong = next();
        }
        for k in &mut p.kegiatan {
            k.keep = next();
            for t in &mut k.tahapan {
                t.keep = next();
                for b in &mut t.bukti {
                    b.keep = next();
                }
            }
        }
    }
}

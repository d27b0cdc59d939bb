//! The Daftar Bukti Dukung: every piece of evidence, numbered by program, kegiatan and
//! tahapan as they stand in the plan ("1.2.3" is program 1, its 2nd kegiatan, that
//! kegiatan's 3rd tahapan), with document dates, numbers and the SHA-256 of each file, so an
//! assessor can match a printed list against the files handed over.

use chrono::NaiveDate;
use serde::Serialize;

use super::data::Konteks;
use super::pages::{self, Keep, Row, lines, lines_of};
use super::tanggal::{daftar_bulan, tanggal_nilai, tanggal_teks};
use crate::bukti::Bukti;
use crate::lke;

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

/// A tahapan with its evidence; in the order by LKE, a butir with the evidence answering it.
#[derive(Debug, Clone, Serialize)]
pub struct DbTahapan {
    pub nomor: String,
    pub nama: String,
    pub bukti: Vec<DbBukti>,
    /// The tahapan's heading row stays with its first bukti.
    pub keep: Keep,
}

/// A kegiatan; in the order by LKE, an indikator.
#[derive(Debug, Clone, Serialize)]
pub struct DbKegiatan {
    pub nomor: String,
    pub nama: String,
    /// What the heading repeated on the next page says: "Kegiatan 1.2 …", "Indikator 1.a …".
    pub judul: String,
    pub tahapan: Vec<DbTahapan>,
    pub keep: Keep,
}

/// A program; in the order by LKE, an area.
#[derive(Debug, Clone, Serialize)]
pub struct DbProgram {
    pub nomor: u32,
    pub nama: String,
    /// The heading: "Program 1. Manajemen Perubahan", "Area 1. Manajemen Perubahan".
    pub judul: String,
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

/// A piece of evidence with its place in the plan, as the Daftar Bukti Dukung numbers it.
pub(crate) struct Bernomor<'a> {
    /// "1.2.3.1".
    pub nomor: String,
    /// "1.2.3 Menyusun …".
    pub tahapan: String,
    pub bukti: &'a Bukti,
}

/// Every piece of evidence of `ctx` by id, numbered as in the Daftar Bukti Dukung of the
/// whole plan, in that order.
pub(crate) fn bernomor(ctx: &Konteks) -> Vec<Bernomor<'_>> {
    let mut out = Vec::new();
    for p in &ctx.programs {
        for (ki, k) in p.outcomes.iter().flat_map(|o| &o.kegiatan).enumerate() {
            for (ti, t) in k.outputs.iter().flat_map(|o| &o.tahapan).enumerate() {
                let t_nomor = format!("{}.{}.{}", p.nomor, ki + 1, ti + 1);
                for (bi, b) in ctx.bukti.get(&t.uuid).into_iter().flatten().enumerate() {
                    out.push(Bernomor {
                        nomor: format!("{t_nomor}.{}", bi + 1),
                        tahapan: format!("{t_nomor} {}", t.nama),
                        bukti: b,
                    });
                }
            }
        }
    }
    out
}

/// The row of evidence `b` numbered `nomor`.
fn row(nomor: String, b: &Bukti) -> DbBukti {
    DbBukti {
        nomor,
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
}

/// The Daftar Bukti Dukung ordered by LKE butir: area, indikator and butir headings over the
/// evidence answering each butir (under its Daftar Bukti number, so the two orders can be
/// matched), then the evidence that answers no butir, by tahapan. A piece of evidence
/// answering two butir is listed under both, and counted once.
pub(crate) fn build_lke(ctx: &Konteks, areas: &[lke::Area], tautan: &lke::Tautan) -> DaftarBukti {
    let numbered = bernomor(ctx);
    let mut program = Vec::new();
    let mut counted = std::collections::HashSet::new();
    let mut jumlah_berkas = 0;
    let mut count = |b: &Bukti, counted: &mut std::collections::HashSet<crate::ids::BuktiId>| {
        if counted.insert(b.id) {
            jumlah_berkas += b.berkas.len() as u32;
        }
    };
    for a in areas {
        let mut kegiatan = Vec::new();
        let mut n_area = std::collections::HashSet::new();
        for i in &a.indikator {
            let mut tahapan = Vec::new();
            for b in &i.butir {
                let Some(answering) = tautan.butir_bukti.get(&b.row.id) else {
                    continue;
                };
                let bukti: Vec<DbBukti> = numbered
                    .iter()
                    .filter(|n| answering.contains(&n.bukti.id))
                    .map(|n| {
                        count(n.bukti, &mut counted);
                        n_area.insert(n.bukti.id);
                        row(n.nomor.clone(), n.bukti)
                    })
                    .collect();
                if !bukti.is_empty() {
                    tahapan.push(DbTahapan {
                        nomor: b.nomor.clone(),
                        nama: b.row.butir.clone(),
                        bukti,
                        keep: Keep::default(),
                    });
                }
            }
            if !tahapan.is_empty() {
                kegiatan.push(DbKegiatan {
                    judul: format!("Indikator {} {}", i.nomor, i.nama),
                    nomor: i.nomor.clone(),
                    nama: i.nama.clone(),
                    tahapan,
                    keep: Keep::default(),
                });
            }
        }
        program.push(DbProgram {
            nomor: a.nomor,
            nama: a.nama.clone(),
            judul: format!("Area {}. {}", a.nomor, a.nama),
            kegiatan,
            jumlah_bukti: n_area.len() as u32,
            keep: Keep::default(),
            keep_kosong: Keep::default(),
        });
    }
    // Evidence answering no butir, by tahapan.
    let mut tahapan: Vec<DbTahapan> = Vec::new();
    let mut n_lain = 0;
    for n in &numbered {
        if tautan
            .bukti_butir
            .get(&n.bukti.id)
            .is_some_and(|b| !b.butir.is_empty())
        {
            continue;
        }
        count(n.bukti, &mut counted);
        n_lain += 1;
        let (t_nomor, t_nama) = n.tahapan.split_once(' ').unwrap_or((&n.tahapan, ""));
        match tahapan.last_mut() {
            Some(t) if t.nomor == t_nomor => t.bukti.push(row(n.nomor.clone(), n.bukti)),
            _ => tahapan.push(DbTahapan {
                nomor: t_nomor.to_owned(),
                nama: t_nama.to_owned(),
                bukti: vec![row(n.nomor.clone(), n.bukti)],
                keep: Keep::default(),
            }),
        }
    }
    if n_lain > 0 {
        let nama = "Bukti dukung yang belum ditautkan ke butir LKE".to_owned();
        program.push(DbProgram {
            nomor: 0,
            judul: nama.clone(),
            nama: nama.clone(),
            kegiatan: vec![DbKegiatan {
                nomor: String::new(),
                judul: "Menurut tahapan".to_owned(),
                nama: "Menurut tahapan".to_owned(),
                tahapan,
                keep: Keep::default(),
            }],
            jumlah_bukti: n_lain,
            keep: Keep::default(),
            keep_kosong: Keep::default(),
        });
    }
    keep(&mut program);
    DaftarBukti {
        program,
        jumlah_bukti: counted.len() as u32,
        jumlah_berkas,
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
                        row(format!("{t_nomor}.{}", bi + 1), b)
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
                    judul: format!("Kegiatan {k_nomor} {}", k.nama),
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
            judul: format!("Program {}. {}", p.nomor, p.nama),
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

//! What goes into the package, decided before a byte is written: which evidence, under which
//! number, and the path of each file in the ZIP. Numbers are those of the whole plan's Daftar
//! Bukti Dukung ("1.2.3.1" is program 1, its 2nd kegiatan, that kegiatan's 3rd tahapan, its
//! 1st evidence), kept when a period or program filter leaves some evidence out, so a package
//! of one month still matches the printed list of the year.

use chrono::NaiveDate;

use super::{INDEX_HTML, INDEX_XLSX, Periode};
use crate::error::{Error, Result};
use crate::model::PlanIdentity;
use crate::naming::paket::{self as names, MAX_BERKAS, MAX_KEGIATAN, MAX_PROGRAM, Paths};
use crate::report::data::Konteks;
use crate::report::tanggal::{daftar_bulan, tanggal_nilai, tanggal_teks};
use crate::storage::{self, Read};

/// One evidence file inside the package.
pub(super) struct Berkas {
    /// The name it was added under, shown as text.
    pub nama: String,
    /// Its path in the ZIP, `/`-separated and safe.
    pub path: String,
    pub size: u64,
    /// The SHA-256 recorded when the file was added.
    pub sha256: String,
    /// The `berkas` row holding the contents.
    pub berkas_id: i64,
}

/// One row of the index: a file of a piece of evidence, or the evidence alone when it has no
/// file.
pub(super) struct Entry {
    /// "1.2.3.1".
    pub nomor: String,
    /// "1. Manajemen Perubahan".
    pub program: String,
    /// "1.2 Membentuk Tim …".
    pub kegiatan: String,
    /// "1.2.3 Menyusun …".
    pub tahapan: String,
    pub judul: String,
    pub jenis: &'static str,
    pub nomor_dokumen: String,
    /// "1 Desember 2022".
    pub tanggal: String,
    /// The same date as a date, stored as one in the XLSX index.
    pub tanggal_nilai: Option<NaiveDate>,
    /// "Jan–Mar, Jul".
    pub bulan: String,
    pub berkas: Option<Berkas>,
}

pub(super) struct Paket {
    pub identity: PlanIdentity,
    pub periode: Periode,
    /// "Program 1. Manajemen Perubahan" when one program was asked for.
    pub program: Option<String>,
    /// Every folder, parents first.
    pub folders: Vec<String>,
    pub entries: Vec<Entry>,
    /// Pieces of evidence included.
    pub bukti: u32,
}

impl Paket {
    pub fn berkas(&self) -> impl Iterator<Item = &Berkas> + Clone {
        self.entries.iter().filter_map(|b| b.berkas.as_ref())
    }
}

/// Zero-padded so folders sort in plan order: "01" … "08", "1.01" … "1.12".
fn padded(n: usize, of: usize) -> String {
    let width = of.to_string().len().max(2);
    format!("{n:0width$}")
}

pub(super) fn build(
    db: &Read,
    ctx: &Konteks,
    periode: Periode,
    program: Option<u32>,
) -> Result<Paket> {
    let mut paths = Paths::default();
    // The index files own their names in the root.
    paths.unique("", INDEX_XLSX, MAX_BERKAS, true);
    paths.unique("", INDEX_HTML, MAX_BERKAS, true);
    let most_programs = ctx.programs.iter().map(|p| p.nomor).max().unwrap_or(0) as usize;
    let (mut folders, mut entries, mut count) = (Vec::new(), Vec::new(), 0u32);
    for p in &ctx.programs {
        let program_teks = format!("{}. {}", p.nomor, p.nama);
        let kegiatan: Vec<_> = p.outcomes.iter().flat_map(|o| &o.kegiatan).collect();
        let mut program_folder: Option<String> = None;
        for (ki, k) in kegiatan.iter().enumerate() {
            let k_nomor = format!("{}.{}", p.nomor, ki + 1);
            let mut kegiatan_folder: Option<String> = None;
            for (ti, t) in k.outputs.iter().flat_map(|o| &o.tahapan).enumerate() {
                let t_nomor = format!("{k_nomor}.{}", ti + 1);
                let list = ctx
                    .bukti
                    .get(&t.uuid)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                for (bi, b) in list.iter().enumerate() {
                    if !periode.covers(&b.bulan) {
                        continue;
                    }
                    count += 1;
                    let nomor = format!("{t_nomor}.{}", bi + 1);
                    let program_folder = program_folder.get_or_insert_with(|| {
                        let name = names::folder(
                            &padded(p.nomor as usize, most_programs),
                            &p.nama,
                            MAX_PROGRAM,
                        );
                        let path = paths.unique("", &name, MAX_PROGRAM, false);
                        folders.push(path.clone());
                        path
                    });
                    let kegiatan_folder = kegiatan_folder.get_or_insert_with(|| {
                        let prefix = format!("{}.{}", p.nomor, padded(ki + 1, kegiatan.len()));
                        let name = names::folder(&prefix, &k.nama, MAX_KEGIATAN);
                        let path = paths.unique(program_folder, &name, MAX_KEGIATAN, false);
                        folders.push(path.clone());
                        path
                    });
                    let entry = |berkas| Entry {
                        nomor: nomor.clone(),
                        program: program_teks.clone(),
                        kegiatan: format!("{k_nomor} {}", k.nama),
                        tahapan: format!("{t_nomor} {}", t.nama),
                        judul: b.judul.clone(),
                        jenis: b.jenis.label(),
                        nomor_dokumen: b.nomor.clone(),
                        tanggal: tanggal_teks(&b.tanggal),
                        tanggal_nilai: tanggal_nilai(&b.tanggal),
                        bulan: daftar_bulan(&b.bulan),
                        berkas,
                    };
                    if b.berkas.is_empty() {
                        entries.push(entry(None));
                    }
                    for f in &b.berkas {
                        let id =
                            storage::bukti::file_contents(db, f.id)?.ok_or(Error::Missing {
                                what: "berkas",
                                id: f.id.0,
                            })?;
                        let name = names::berkas(&nomor, &f.nama);
                        entries.push(entry(Some(Berkas {
                            nama: f.nama.clone(),
                            path: paths.unique(kegiatan_folder, &name, MAX_BERKAS, true),
                            size: f.size,
                            sha256: f.sha256.clone(),
                            berkas_id: id,
                        })));
                    }
                }
            }
        }
    }
    let program = program
        .and_then(|n| ctx.programs.iter().find(|p| p.nomor == n))
        .map(|p| format!("Program {}. {}", p.nomor, p.nama));
    Ok(Paket {
        identity: ctx.identity.clone(),
        periode,
        program,
        folders,
        entries,
        bukti: count,
    })
}

//! The LKE package (paket LKE): the evidence organised as the evaluators ask for it, one
//! folder per area / indikator / butir ("1 Manajemen Perubahan/1.a Tim Reformasi
//! birokrasi/1.a.1 Tim Reformasi unit kerja …/1.1.1.1 SK Tim.pdf"), each file named by its
//! Daftar Bukti Dukung number, with an index in the root (XLSX and HTML) listing every butir:
//! its tahapan, evidence title, nomor, tanggal, file and SHA-256, or "belum ada".
//!
//! The same rules as the evidence package (`super`): it only reads; files are streamed and
//! hashed on the way by the same writer; every name is made safe by `naming::paket`; the ZIP
//! appears whole or not at all. A piece of evidence answering two butir is in both folders.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::Workbook;

use super::contents::Berkas;
use super::html::{berkas_cells, escape, page_start};
use super::index::{Formats, formats, header_row, keterangan_sheet, xlsx_error};
use super::{PaketProgress, PaketSummary, zip};
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::lke;
use crate::model::PlanIdentity;
use crate::naming;
use crate::naming::paket::{
    self as names, MAX_AREA, MAX_BERKAS_LKE, MAX_BUTIR, MAX_INDIKATOR, Paths,
};
use crate::report::daftar_bukti::{bernomor, ukuran};
use crate::report::data::Konteks;
use crate::report::tanggal::{tanggal_panjang, tanggal_teks};
use crate::storage::{self, Read};

const INDEX_XLSX: &str = "Daftar Bukti Dukung LKE.xlsx";
const INDEX_HTML: &str = "Daftar Bukti Dukung LKE.html";
/// What the index says of a butir without evidence.
pub(crate) const BELUM_ADA: &str = "belum ada";

/// One row of the index: a file of a piece of evidence answering a butir, the evidence alone
/// when it has no file, or the butir alone when nothing answers it.
struct Entry {
    /// "1. Manajemen Perubahan".
    area: String,
    /// "1.a Tim Reformasi birokrasi".
    indikator: String,
    /// "1.a.1 Tim Reformasi unit kerja telah dibentuk".
    butir: String,
    bukti: Option<EntryBukti>,
}

struct EntryBukti {
    /// The Daftar Bukti Dukung number, "1.1.1.1".
    nomor: String,
    /// "1.1.1 Menyusun susunan Tim RB Unit Kerja".
    tahapan: String,
    judul: String,
    nomor_dokumen: String,
    tanggal: String,
    berkas: Option<Berkas>,
}

struct PaketLke {
    identity: PlanIdentity,
    folders: Vec<String>,
    entries: Vec<Entry>,
    butir: u32,
    tanpa_bukti: u32,
    bukti: u32,
}

impl PaketLke {
    fn berkas(&self) -> impl Iterator<Item = &Berkas> + Clone {
        self.entries
            .iter()
            .filter_map(|e| e.bukti.as_ref().and_then(|b| b.berkas.as_ref()))
    }
}

/// The file name proposed for the package, e.g. "Paket LKE 2023 - Dinas Perkebunan.zip".
pub(crate) fn file_name(db: &Read) -> Result<String> {
    let id = storage::identity::get(db)?;
    let mut name = format!("Paket LKE {}", id.tahun);
    if !id.instansi.is_empty() {
        name.push_str(" - ");
        name.push_str(&id.instansi);
    }
    name.push_str(".zip");
    Ok(naming::name_from_text(&name))
}

fn build(db: &Read) -> Result<PaketLke> {
    let areas = lke::daftar(db)?;
    if areas.is_empty() {
        return Err(Error::invalid(
            "lke",
            "Rencana ini belum memuat butir LKE, jadi paket LKE tidak dibuat. Tambahkan butir \
             LKE (atau daftar butir bawaan) di tab LKE terlebih dahulu.",
        ));
    }
    let ctx = Konteks::load(db, None)?;
    let numbered = bernomor(&ctx);
    let tautan = lke::tautan(db)?;
    let mut paths = Paths::default();
    paths.unique("", INDEX_XLSX, MAX_BERKAS_LKE, true);
    paths.unique("", INDEX_HTML, MAX_BERKAS_LKE, true);
    let mut out = PaketLke {
        identity: ctx.identity.clone(),
        folders: Vec::new(),
        entries: Vec::new(),
        butir: 0,
        tanpa_bukti: 0,
        bukti: 0,
    };
    let mut counted = std::collections::HashSet::new();
    for a in &areas {
        let area = format!("{}. {}", a.nomor, a.nama);
        let mut area_folder: Option<String> = None;
        for i in &a.indikator {
            let indikator = format!("{} {}", i.nomor, i.nama);
            let mut indikator_folder: Option<String> = None;
            for b in &i.butir {
                out.butir += 1;
                let butir = format!("{} {}", b.nomor, b.row.butir);
                let answering = tautan.butir_bukti.get(&b.row.id);
                let list: Vec<_> = numbered
                    .iter()
                    .filter(|n| answering.is_some_and(|l| l.contains(&n.bukti.id)))
                    .collect();
                let entry = |bukti| Entry {
                    area: area.clone(),
                    indikator: indikator.clone(),
                    butir: butir.clone(),
                    bukti,
                };
                if list.is_empty() {
                    out.tanpa_bukti += 1;
                    out.entries.push(entry(None));
                    continue;
                }
                let area_folder = area_folder.get_or_insert_with(|| {
                    let name = names::folder(&a.nomor.to_string(), &a.nama, MAX_AREA);
                    let path = paths.unique("", &name, MAX_AREA, false);
                    out.folders.push(path.clone());
                    path
                });
                let indikator_folder = indikator_folder.get_or_insert_with(|| {
                    let name = names::folder(&i.nomor, &i.nama, MAX_INDIKATOR);
                    let path = paths.unique(area_folder, &name, MAX_INDIKATOR, false);
                    out.folders.push(path.clone());
                    path
                });
                let name = names::folder(&b.nomor, &b.row.butir, MAX_BUTIR);
                let butir_folder = paths.unique(indikator_folder, &name, MAX_BUTIR, false);
                out.folders.push(butir_folder.clone());
                for n in list {
                    if counted.insert(n.bukti.id) {
                        out.bukti += 1;
                    }
                    let k = n.bukti;
                    let of = |berkas| EntryBukti {
                        nomor: n.nomor.clone(),
                        tahapan: n.tahapan.clone(),
                        judul: k.judul.clone(),
                        nomor_dokumen: k.nomor.clone(),
                        tanggal: tanggal_teks(&k.tanggal),
                        berkas,
                    };
                    if k.berkas.is_empty() {
                        out.entries.push(entry(Some(of(None))));
                    }
                    for f in &k.berkas {
                        let id =
                            storage::bukti::file_contents(db, f.id)?.ok_or(Error::Missing {
                                what: "berkas",
                                id: f.id.0,
                            })?;
                        let name = names::berkas_capped(&n.nomor, &f.nama, MAX_BERKAS_LKE);
                        out.entries.push(entry(Some(of(Some(Berkas {
                            nama: f.nama.clone(),
                            path: paths.unique(&butir_folder, &name, MAX_BERKAS_LKE, true),
                            size: f.size,
                            sha256: f.sha256.clone(),
                            berkas_id: id,
                        })))));
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Write the LKE package (ZIP) to `dest`. `progress` hears the bytes of evidence copied so
/// far. Nothing is left at `dest` on failure.
pub(crate) fn export(
    db: &Read,
    clock: &dyn Clock,
    dest: &Path,
    progress: &mut dyn FnMut(PaketProgress),
) -> Result<PaketSummary> {
    let paket = build(db)?;
    let today = clock.today();
    let index = [
        (INDEX_XLSX, xlsx(&paket, today)?),
        (INDEX_HTML, html(&paket, today).into_bytes()),
    ];
    zip::write_package(
        db,
        clock,
        dest,
        &paket.folders,
        paket.berkas(),
        &index,
        paket.bukti,
        progress,
    )
}

/// The lines above the table.
fn keterangan(paket: &PaketLke, today: NaiveDate) -> Vec<String> {
    let id = &paket.identity;
    let mut lines = Vec::new();
    if !id.instansi.is_empty() {
        lines.push(if id.pemerintah_daerah.is_empty() {
            id.instansi.clone()
        } else {
            format!("{} {}", id.instansi, id.pemerintah_daerah)
        });
    }
    lines.push(format!("Tahun {}", id.tahun));
    lines.push(format!(
        "{} butir LKE, {} belum ada bukti dukung; {} bukti dukung, {} berkas. Disusun {}.",
        paket.butir,
        paket.tanpa_bukti,
        paket.bukti,
        paket.berkas().count(),
        tanggal_panjang(today)
    ));
    lines
}

const KOLOM: [(&str, f64); 11] = [
    ("Area", 24.0),
    ("Indikator", 28.0),
    ("Butir", 40.0),
    ("No Bukti", 10.0),
    ("Tahapan", 36.0),
    ("Judul", 36.0),
    ("Nomor Dokumen", 22.0),
    ("Tanggal", 18.0),
    ("Berkas dalam Paket", 60.0),
    ("Ukuran", 12.0),
    ("SHA-256", 66.0),
];

fn xlsx(paket: &PaketLke, today: NaiveDate) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Bukti Dukung LKE").map_err(xlsx_error)?;
    let Formats { header, cell, hash } = formats();
    let kosong = cell.clone().set_italic().set_background_color(0xFFF2CC);
    header_row(sheet, &KOLOM, &header)?;
    let mut row = 0;
    for e in &paket.entries {
        row += 1;
        let mut texts = vec![e.area.clone(), e.indikator.clone(), e.butir.clone()];
        let format = match &e.bukti {
            None => {
                texts.extend([String::new(), String::new(), BELUM_ADA.to_owned()]);
                &kosong
            }
            Some(b) => {
                let (path, size) = match &b.berkas {
                    Some(f) => (f.path.clone(), ukuran(f.size)),
                    None => ("(tanpa berkas)".to_owned(), String::new()),
                };
                texts.extend([
                    b.nomor.clone(),
                    b.tahapan.clone(),
                    b.judul.clone(),
                    b.nomor_dokumen.clone(),
                    b.tanggal.clone(),
                    path,
                    size,
                ]);
                &cell
            }
        };
        for (col, text) in (0u16..).zip(&texts) {
            sheet
                .write_string_with_format(row, col, text, format)
                .map_err(xlsx_error)?;
        }
        let sha = e
            .bukti
            .as_ref()
            .and_then(|b| b.berkas.as_ref())
            .map_or("", |f| f.sha256.as_str());
        sheet
            .write_string_with_format(row, 10, sha, &hash)
            .map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    sheet
        .autofilter(0, 0, row, KOLOM.len() as u16 - 1)
        .map_err(xlsx_error)?;
    keterangan_sheet(
        &mut workbook,
        "DAFTAR BUKTI DUKUNG PER BUTIR LKE",
        keterangan(paket, today),
    )?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// What the LKE index adds to the package index's style: butir headings, "belum ada".
const MORE_STYLE: &str = "h4{font-size:.95em;font-weight:normal;margin:1em 0 .3em}\
.kosong{background:#fff2cc;padding:.2em .5em}";

const HEAD: &str = "<table>\n<thead><tr><th>No</th><th>Tahapan</th><th>Judul</th>\
<th>Nomor Dokumen</th><th>Tanggal</th><th>Berkas</th><th>Ukuran</th><th>SHA-256</th></tr>\
</thead>\n<tbody>\n";

fn html(paket: &PaketLke, today: NaiveDate) -> String {
    let mut out = page_start(
        "Daftar Bukti Dukung per Butir LKE",
        MORE_STYLE,
        keterangan(paket, today),
    );
    let (mut area, mut indikator, mut butir): (Option<&str>, Option<&str>, Option<&str>) =
        (None, None, None);
    let close = |out: &mut String, open: &mut bool| {
        if *open {
            out.push_str("</tbody>\n</table>\n");
            *open = false;
        }
    };
    let mut table_open = false;
    for e in &paket.entries {
        if area != Some(&e.area) {
            close(&mut out, &mut table_open);
            let _ = writeln!(out, "<h2>{}</h2>", escape(&e.area));
            area = Some(&e.area);
            indikator = None;
        }
        if indikator != Some(&e.indikator) {
            close(&mut out, &mut table_open);
            let _ = writeln!(out, "<h3>{}</h3>", escape(&e.indikator));
            indikator = Some(&e.indikator);
            butir = None;
        }
        if butir != Some(&e.butir) {
            close(&mut out, &mut table_open);
            let _ = writeln!(out, "<h4>{}</h4>", escape(&e.butir));
            butir = Some(&e.butir);
        }
        let Some(b) = &e.bukti else {
            let _ = writeln!(out, "<p class=\"kosong\"><em>{BELUM_ADA}</em></p>");
            continue;
        };
        if !table_open {
            out.push_str(HEAD);
            table_open = true;
        }
        let (berkas, size, sha) = berkas_cells(b.berkas.as_ref());
        let _ = writeln!(
            out,
            "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td>\
             <td>{}</td><td class=\"r\">{}</td><td><code>{}</code></td></tr>",
            escape(&b.nomor),
            escape(&b.tahapan),
            escape(&b.judul),
            escape(&b.nomor_dokumen),
            escape(&b.tanggal),
            berkas,
            size,
            escape(sha),
        );
    }
    close(&mut out, &mut table_open);
    out.push_str("</body>\n</html>\n");
    out
}

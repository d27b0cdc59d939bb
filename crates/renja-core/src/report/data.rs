//! The values a report is laid out from ([`ReportData`]), and what every report shares: the
//! letterhead (kop), the signature block, the period, and the plan read once into memory.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::tanda_tangan::{Lampiran, TandaTangan, kepala, lampiran, tanda_tangan};
use super::tanggal::{nama_bulan, romawi};
use super::{Kertas, ReportKind, ReportRequest, invalid};
use crate::bukti::Bukti;
use crate::capaian::{self, CapaianTahapan};
use crate::catatan_tahunan;
use crate::clock::Clock;
use crate::error::Result;
use crate::kop;
use crate::model::{DumpProgram, DumpTahapan, PlanIdentity};
use crate::realisasi::Status;
use crate::storage::{self, Read};

/// Everything one report shows, in its final wording. Serialized as JSON for the typst
/// templates; the XLSX writer reads the same values.
#[derive(Debug, Clone, Serialize)]
pub struct ReportData {
    pub kind: ReportKind,
    /// "RENCANA AKSI REFORMASI BIROKRASI".
    pub judul: String,
    /// Lines under the title: the agency, the period, the program.
    pub subjudul: Vec<String>,
    /// "Maret 2023", "Triwulan I (Januari – Maret) 2023", "Tahun 2023".
    pub periode: String,
    pub kertas: Kertas,
    pub landscape: bool,
    pub kop: Kop,
    /// The signer on the right: the kepala for the Rencana Aksi, the ketua Tim RB for the
    /// others.
    pub tanda_tangan: TandaTangan,
    /// The Monev reports' second signer, on the left: "Mengetahui, Kepala <instansi>". The
    /// two blocks print side by side, names on one line, and stay on one page together.
    pub mengetahui: Option<TandaTangan>,
    /// The Rencana Aksi's head on its first page, top right: the decree it belongs to.
    pub lampiran: Option<Lampiran>,
    /// The file name proposed when saving, without extension.
    pub nama_berkas: String,
    /// When the report was made (the plan's clock), RFC 3339 in UTC; XLSX document
    /// properties carry it, so the same plan and clock give the same bytes.
    pub dibuat: String,
    pub isi: Isi,
}

/// The letterhead.
#[derive(Debug, Clone, Serialize)]
pub struct Kop {
    /// "PEMERINTAH KABUPATEN KUTAI KARTANEGARA".
    pub pemerintah_daerah: String,
    /// "DINAS PERKEBUNAN".
    pub instansi: String,
    /// Street address with the postal code.
    pub alamat: String,
    /// "Telepon … · Email … · Laman …".
    pub kontak: String,
    /// The same items one by one ("Telepon …", "Email …", "Laman …"): the PDF breaks the
    /// line between them, never inside one.
    pub kontak_butir: Vec<String>,
    pub logo: bool,
}

/// The body of a report.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Isi {
    RencanaAksi(super::rencana_aksi::RencanaAksi),
    Monev(super::monev::Monev),
    Tahunan(super::tahunan::Tahunan),
    Bukti(super::daftar_bukti::DaftarBukti),
    Ringkasan(super::ringkasan::RingkasanCetak),
    Dokumen(Box<super::dokumen::Dokumen>),
}

/// A month's record as reports need it.
#[derive(Debug, Clone)]
pub(crate) struct Catatan {
    pub status: Status,
    pub persen: u8,
    pub catatan: String,
    pub kendala: String,
    pub tindak_lanjut: String,
}

impl Catatan {
    /// Whether the record says more than its status.
    pub fn berisi(&self) -> bool {
        self.persen > 0
            || !self.catatan.is_empty()
            || !self.kendala.is_empty()
            || !self.tindak_lanjut.is_empty()
    }
}

/// The plan read once: the tree (of one program or all), the realisasi and the evidence,
/// both keyed by tahapan uuid.
pub(crate) struct Konteks {
    pub identity: PlanIdentity,
    pub programs: Vec<DumpProgram>,
    pub realisasi: HashMap<String, BTreeMap<u8, Catatan>>,
    pub bukti: HashMap<String, Vec<Bukti>>,
}

impl Konteks {
    pub fn load(db: &Read, program: Option<u32>) -> Result<Konteks> {
        let identity = storage::identity::get(db)?;
        let all = storage::tree::load_dump(db)?;
        let programs: Vec<DumpProgram> = match program {
            Some(n) => {
                let found: Vec<_> = all.into_iter().filter(|p| p.nomor == n).collect();
                if found.is_empty() {
                    return Err(invalid("program", &format!("Program nomor {n} tidak ada.")));
                }
                found
            }
            None => all,
        };
        let mut realisasi: HashMap<String, BTreeMap<u8, Catatan>> = HashMap::new();
        for row in storage::realisasi::all_with_tahapan_uuid(db)? {
            let catatan = Catatan {
                status: Status::from_code(&row.status).unwrap_or(Status::BelumDimulai),
                persen: row.persen,
                catatan: row.catatan,
                kendala: row.kendala,
                tindak_lanjut: row.tindak_lanjut,
            };
            realisasi
                .entry(row.tahapan_uuid)
                .or_default()
                .insert(row.bulan, catatan);
        }
        let uuids = storage::tree::tahapan_uuids(db)?;
        let mut bukti: HashMap<String, Vec<Bukti>> = HashMap::new();
        let mut all = crate::bukti::list(db, None)?;
        // Oldest document first inside a tahapan: the order the work happened in.
        all.sort_by(|a, b| (&a.tanggal, a.id).cmp(&(&b.tanggal, b.id)));
        for b in all {
            if let Some(uuid) = uuids.get(&b.tahapan.0) {
                bukti.entry(uuid.clone()).or_default().push(b);
            }
        }
        Ok(Konteks {
            identity,
            programs,
            realisasi,
            bukti,
        })
    }

    pub fn catatan(&self, tahapan: &str, bulan: u8) -> Option<&Catatan> {
        self.realisasi.get(tahapan)?.get(&bulan)
    }

    /// The tahapan's year under the one rule of [`crate::capaian`].
    pub fn capaian(&self, t: &DumpTahapan) -> CapaianTahapan {
        let jadwal = capaian::mask(&t.bulan);
        let status = std::array::from_fn(|i| self.catatan(&t.uuid, i as u8 + 1).map(|c| c.status));
        CapaianTahapan::new(jadwal, status)
    }

    /// The months the tahapan's evidence supports, bit 0 = Januari.
    pub fn bulan_bukti(&self, tahapan: &str) -> u16 {
        self.bukti
            .get(tahapan)
            .map_or(0, |list| capaian::mask(list.iter().flat_map(|b| &b.bulan)))
    }
}

/// The signature date the request asks for, if it asks for one; a date that is not a date
/// is refused.
fn tanggal_ttd(request: &ReportRequest) -> Result<Option<NaiveDate>> {
    match request.tanggal.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| invalid("tanggal", "Tanggal tanda tangan tidak valid.")),
    }
}

fn kop_of(id: &PlanIdentity, logo: bool) -> Kop {
    let mut alamat = id.alamat.clone();
    if !id.kode_pos.is_empty() {
        if !alamat.is_empty() {
            alamat.push_str(", ");
        }
        alamat.push_str("Kode Pos ");
        alamat.push_str(&id.kode_pos);
    }
    let kontak_butir: Vec<String> = [
        ("Telepon", &id.telepon),
        ("Email", &id.email),
        ("Laman", &id.laman),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k} {v}"))
    .collect();
    Kop {
        pemerintah_daerah: id.pemerintah_daerah.to_uppercase(),
        instansi: id.instansi.to_uppercase(),
        alamat,
        kontak: kontak_butir.join(" · "),
        kontak_butir,
        logo,
    }
}

/// The months a report covers and how its period is written.
pub(crate) struct Periode {
    pub bulan: Vec<u8>,
    /// "Maret 2023".
    pub teks: String,
    /// For file names: "Maret 2023", "TW I 2023", "2023".
    pub pendek: String,
}

fn periode(request: &ReportRequest, tahun: i32, today: NaiveDate) -> Result<Periode> {
    Ok(match request.kind {
        ReportKind::Ringkasan => {
            let b = request
                .bulan
                .unwrap_or_else(|| crate::ringkasan::bulan_default(tahun, today));
            if !(1..=12).contains(&b) {
                return Err(invalid(
                    "bulan",
                    "Pilih bulan ringkasan (Januari sampai Desember).",
                ));
            }
            Periode {
                bulan: vec![b],
                teks: format!("s.d. {} {tahun}", nama_bulan(b)),
                pendek: format!("{} {tahun}", nama_bulan(b)),
            }
        }
        ReportKind::Bulanan => {
            let b = request
                .bulan
                .filter(|b| (1..=12).contains(b))
                .ok_or_else(|| {
                    invalid("bulan", "Pilih bulan laporan (Januari sampai Desember).")
                })?;
            Periode {
                bulan: vec![b],
                teks: format!("{} {tahun}", nama_bulan(b)),
                pendek: format!("{} {tahun}", nama_bulan(b)),
            }
        }
        ReportKind::Triwulan => {
            let t = request
                .triwulan
                .filter(|t| (1..=4).contains(t))
                .ok_or_else(|| invalid("triwulan", "Pilih triwulan laporan (I sampai IV)."))?;
            let first = (t - 1) * 3 + 1;
            Periode {
                bulan: vec![first, first + 1, first + 2],
                teks: format!(
                    "Triwulan {} ({} – {}) {tahun}",
                    romawi(t),
                    nama_bulan(first),
                    nama_bulan(first + 2)
                ),
                pendek: format!("TW {} {tahun}", romawi(t)),
            }
        }
        _ => Periode {
            bulan: (1..=12).collect(),
            teks: format!("Tahun {tahun}"),
            pendek: tahun.to_string(),
        },
    })
}

pub(crate) fn build(db: &Read, clock: &dyn Clock, request: &ReportRequest) -> Result<ReportData> {
    let ctx = Konteks::load(db, request.program)?;
    let id = &ctx.identity;
    let today = clock.today();
    let date = tanggal_ttd(request)?;
    let periode = periode(request, id.tahun, today)?;
    let kind = request.kind;
    let mut subjudul = vec![];
    if !id.instansi.is_empty() {
        let mut line = id.instansi.clone();
        if !id.pemerintah_daerah.is_empty() {
            line.push(' ');
            line.push_str(id.pemerintah_daerah.trim_start_matches("Pemerintah "));
        }
        subjudul.push(line.to_uppercase());
    }
    subjudul.push(match kind {
        ReportKind::RencanaAksi
        | ReportKind::Tahunan
        | ReportKind::Bukti
        | ReportKind::LaporanTahunan => {
            format!("TAHUN {}", id.tahun)
        }
        ReportKind::Ringkasan => format!("KEADAAN {}", periode.teks.to_uppercase()),
        _ => format!("PERIODE {}", periode.teks.to_uppercase()),
    });
    if let (Some(_), [p]) = (request.program, ctx.programs.as_slice()) {
        subjudul.push(format!("PROGRAM {}. {}", p.nomor, p.nama.to_uppercase()));
    }
    if kind == ReportKind::Bukti && request.urut == super::Urut::Lke {
        if crate::storage::lke::count(db)? == 0 {
            return Err(invalid(
                "urut",
                "Rencana ini belum memuat butir LKE. Tambahkan butir LKE di tab LKE, atau \
                 urutkan Daftar Bukti Dukung menurut program.",
            ));
        }
        subjudul.push("MENURUT BUTIR LKE".to_owned());
    }
    let (isi, landscape) = match kind {
        ReportKind::RencanaAksi => (Isi::RencanaAksi(super::rencana_aksi::build(&ctx)), true),
        ReportKind::Bulanan | ReportKind::Triwulan => (
            Isi::Monev(super::monev::monev(&ctx, &periode.bulan, id.tahun)),
            true,
        ),
        ReportKind::Tahunan => (
            Isi::Tahunan(super::tahunan::tahunan(
                &ctx,
                &catatan_tahunan::get(db)?,
                today,
                id.tahun,
            )),
            false,
        ),
        ReportKind::Bukti => (
            Isi::Bukti(match request.urut {
                super::Urut::Program => super::daftar_bukti::build(&ctx),
                super::Urut::Lke => super::daftar_bukti::build_lke(
                    &ctx,
                    &crate::lke::daftar(db)?,
                    &crate::lke::tautan(db)?,
                ),
            }),
            true,
        ),
        ReportKind::Ringkasan => (
            Isi::Ringkasan(super::ringkasan::build(crate::ringkasan::ringkasan(
                db,
                today,
                periode.bulan.first().copied(),
                request.program,
            )?)),
            false,
        ),
        ReportKind::LaporanTahunan => {
            let catatan = catatan_tahunan::get(db)?;
            let tahunan = super::tahunan::tahunan(&ctx, &catatan, today, id.tahun);
            let bab = crate::bab::get(db)?;
            let per_bulan = crate::ringkasan::ringkasan(db, today, Some(12), None)?.per_bulan;
            (
                Isi::Dokumen(Box::new(super::dokumen::build(
                    &ctx, &bab, &catatan, tahunan, per_bulan, today,
                ))),
                false,
            )
        }
    };
    let mut nama_berkas = match kind {
        ReportKind::RencanaAksi => format!("Rencana Aksi RB {}", id.tahun),
        ReportKind::Bulanan => format!("Laporan Monev Bulanan {}", periode.pendek),
        ReportKind::Triwulan => format!("Laporan Monev Triwulan {}", periode.pendek),
        ReportKind::Tahunan => format!("Laporan Monev Tahunan {}", periode.pendek),
        ReportKind::Bukti => match request.urut {
            super::Urut::Program => format!("Daftar Bukti Dukung {}", id.tahun),
            super::Urut::Lke => format!("Daftar Bukti Dukung per Butir LKE {}", id.tahun),
        },
        ReportKind::Ringkasan => format!("Ringkasan Capaian {}", periode.pendek),
        ReportKind::LaporanTahunan => format!("Laporan Tahunan RB {}", id.tahun),
    };
    if let (Some(n), Some(_)) = (request.program, ctx.programs.first()) {
        nama_berkas.push_str(&format!(" - Program {n}"));
    }
    if !id.instansi.is_empty() {
        nama_berkas.push_str(" - ");
        nama_berkas.push_str(&id.instansi);
    }
    Ok(ReportData {
        kind,
        judul: kind.judul().to_uppercase(),
        subjudul,
        periode: periode.teks,
        kertas: request.kertas,
        landscape,
        kop: kop_of(id, kop::logo(db)?.is_some()),
        tanda_tangan: tanda_tangan(kind, id, date, today),
        mengetahui: matches!(
            kind,
            ReportKind::Bulanan
                | ReportKind::Triwulan
                | ReportKind::Tahunan
                | ReportKind::LaporanTahunan
        )
        .then(|| kepala(id)),
        lampiran: (kind == ReportKind::RencanaAksi).then(|| lampiran(id)),
        nama_berkas,
        dibuat: clock.now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        isi,
    })
}

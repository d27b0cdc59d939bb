//! The Laporan Tahunan as a whole document: a cover, the daftar isi, BAB I–V in the order and
//! with the headings of the seed's document (BAB I Pendahuluan … BAB V Penutup), and the
//! Rencana Aksi and the Daftar Bukti Dukung as lampiran.
//!
//! Each chapter opens with the narrative the team wrote (`crate::bab`); the generated parts
//! follow it: the area perubahan (BAB II), capaian per program and kegiatan (BAB III), the
//! kendala and tindak lanjut and the before/after comparison of the seed's §4.4 (BAB IV), the
//! kesimpulan and rekomendasi with the signatures (BAB V). The same data feeds the PDF
//! (`laporan-tahunan.typ`) and the DOCX ([`super::docx`]).
//!
//! The before/after table (§4.4: "data perbandingan kondisi sebelum dan sesudah"): the plan
//! holds no measurement taken before the year, so "sebelum" is what the plan itself knows of
//! the start of the year (what was planned, and the evidence dated before it) and "sesudah"
//! is the state the realisasi and the evidence record now. Qualitative comparisons are the
//! team's to write in the narrative of BAB IV.

use chrono::NaiveDate;
use serde::Serialize;

use super::daftar_bukti::DaftarBukti;
use super::data::Konteks;
use super::monev::persen;
use super::rencana_aksi::RencanaAksi;
use super::tahunan::Tahunan;
use crate::bab::{Blok, blok};
use crate::capaian::Hitung;
use crate::model::{Bab, BabKunci, CatatanTahunan};
use crate::realisasi::Status;
use crate::ringkasan::CapaianBulan;

/// What an empty chapter shows in the preview; the saved file shows nothing in its place.
pub const BELUM_DIISI: &str = "[Bab ini belum diisi]";

#[derive(Debug, Clone, Serialize)]
pub struct Sampul {
    /// "LAPORAN TAHUNAN", "REFORMASI BIROKRASI".
    pub judul: Vec<String>,
    /// "DINAS PERKEBUNAN", "KABUPATEN KUTAI KARTANEGARA".
    pub instansi: Vec<String>,
    /// "TAHUN 2023".
    pub tahun: String,
}

/// One of BAB I–IV: its heading and what the team wrote.
#[derive(Debug, Clone, Serialize)]
pub struct BabDokumen {
    pub kunci: BabKunci,
    /// "BAB I".
    pub nomor: String,
    /// "PENDAHULUAN".
    pub judul: String,
    pub blok: Vec<Blok>,
}

/// A row of the area perubahan table (BAB II).
#[derive(Debug, Clone, Serialize)]
pub struct Area {
    pub nomor: u32,
    pub nama: String,
    pub outcome: u32,
    pub kegiatan: u32,
    pub output: u32,
    pub tahapan: u32,
}

/// One side of the before/after comparison.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Kondisi {
    pub tahapan_selesai: u32,
    pub output_tercapai: u32,
    pub bukti: u32,
}

impl Kondisi {
    fn add(&mut self, other: Kondisi) {
        self.tahapan_selesai += other.tahapan_selesai;
        self.output_tercapai += other.output_tercapai;
        self.bukti += other.bukti;
    }
}

/// A row of the before/after table (BAB IV): one program.
#[derive(Debug, Clone, Serialize)]
pub struct Perbandingan {
    /// "1", or "" on the total row.
    pub nomor: String,
    pub nama: String,
    pub tahapan: u32,
    pub output: u32,
    pub sebelum: Kondisi,
    pub sesudah: Kondisi,
    /// Capaian of the scheduled months at the end ("75,0%").
    pub capaian: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dokumen {
    pub sampul: Sampul,
    pub bab: Vec<BabDokumen>,
    /// BAB V: the [`CatatanTahunan`] as blocks.
    pub kesimpulan: Vec<Blok>,
    pub rekomendasi: Vec<Blok>,
    pub area: Vec<Area>,
    /// Table A (capaian) for BAB III and table B (kendala, tindak lanjut) for BAB IV.
    pub tahunan: Tahunan,
    pub perbandingan: Vec<Perbandingan>,
    /// "1 Januari 2023": the start of the year, the "sebelum" of the comparison.
    pub awal_tahun: String,
    /// "31 Desember 2023", or "28 November 2023" while the year runs.
    pub akhir: String,
    pub rencana_aksi: RencanaAksi,
    pub bukti: DaftarBukti,
    /// Target and done per month of the year: the Ringkasan's month chart for December,
    /// the same figures the dashboard shows (Gambar 3.2).
    pub per_bulan: Vec<CapaianBulan>,
    /// [`BELUM_DIISI`] in the preview, empty in the saved file: what an empty chapter prints.
    pub belum_diisi: String,
}

pub(crate) fn build(
    ctx: &Konteks,
    bab: &Bab,
    catatan: &CatatanTahunan,
    tahunan: Tahunan,
    per_bulan: Vec<CapaianBulan>,
    today: NaiveDate,
) -> Dokumen {
    let id = &ctx.identity;
    let tahun = id.tahun;
    let mut instansi = vec![];
    if !id.instansi.is_empty() {
        instansi.push(id.instansi.to_uppercase());
    }
    if !id.pemerintah_daerah.is_empty() {
        instansi.push(
            id.pemerintah_daerah
                .trim_start_matches("Pemerintah ")
                .to_uppercase(),
        );
    }
    let awal = NaiveDate::from_ymd_opt(tahun, 1, 1);
    let akhir = NaiveDate::from_ymd_opt(tahun, 12, 31)
        .map(|end| end.min(today.max(awal.unwrap_or(end))))
        .map(super::tanggal::tanggal_panjang)
        .unwrap_or_default();
    Dokumen {
        sampul: Sampul {
            judul: vec!["LAPORAN TAHUNAN".into(), "REFORMASI BIROKRASI".into()],
            instansi,
            tahun: format!("TAHUN {tahun}"),
        },
        bab: BabKunci::ALL
            .into_iter()
            .map(|k| BabDokumen {
                kunci: k,
                nomor: format!("BAB {}", k.nomor()),
                judul: k.judul().to_uppercase(),
                blok: blok(bab.get(k)),
            })
            .collect(),
        kesimpulan: blok(&catatan.kesimpulan),
        rekomendasi: blok(&catatan.rekomendasi),
        area: area(ctx),
        tahunan,
        perbandingan: perbandingan(ctx, tahun),
        awal_tahun: awal
            .map(super::tanggal::tanggal_panjang)
            .unwrap_or_default(),
        akhir,
        rencana_aksi: super::rencana_aksi::build(ctx),
        bukti: super::daftar_bukti::build(ctx),
        per_bulan,
        belum_diisi: String::new(),
    }
}

fn area(ctx: &Konteks) -> Vec<Area> {
    ctx.programs
        .iter()
        .map(|p| {
            let kegiatan = p.outcomes.iter().flat_map(|o| &o.kegiatan);
            let output = kegiatan.clone().flat_map(|k| &k.outputs);
            Area {
                nomor: p.nomor,
                nama: p.nama.clone(),
                outcome: p.outcomes.len() as u32,
                kegiatan: kegiatan.count() as u32,
                output: output.clone().count() as u32,
                tahapan: output.map(|o| o.tahapan.len() as u32).sum(),
            }
        })
        .collect()
}

/// Per program: before (1 Januari: nothing of the year is done yet, the evidence dated before
/// it) and after (the tahapan recorded "Selesai", the outputs whose tahapan are all done, all
/// the evidence), with the capaian of the scheduled months.
fn perbandingan(ctx: &Konteks, tahun: i32) -> Vec<Perbandingan> {
    let awal = format!("{tahun:04}-01-01");
    let mut rows = Vec::new();
    let mut total = Perbandingan {
        nomor: String::new(),
        nama: "Jumlah".into(),
        tahapan: 0,
        output: 0,
        sebelum: Kondisi::default(),
        sesudah: Kondisi::default(),
        capaian: String::new(),
    };
    let mut hitung_total = Hitung::default();
    for p in &ctx.programs {
        let (mut sebelum, mut sesudah) = (Kondisi::default(), Kondisi::default());
        let (mut tahapan, mut output) = (0, 0);
        let mut hitung = Hitung::default();
        for o in p
            .outcomes
            .iter()
            .flat_map(|o| &o.kegiatan)
            .flat_map(|k| &k.outputs)
        {
            output += 1;
            let mut semua = !o.tahapan.is_empty();
            for t in &o.tahapan {
                tahapan += 1;
                hitung.add(ctx.capaian(t).hitung(|_| true, 12));
                let selesai = ctx
                    .realisasi
                    .get(&t.uuid)
                    .is_some_and(|months| months.values().any(|c| c.status == Status::Selesai));
                semua &= selesai;
                sesudah.tahapan_selesai += u32::from(selesai);
                let bukti = ctx.bukti.get(&t.uuid).map_or(&[][..], Vec::as_slice);
                sesudah.bukti += bukti.len() as u32;
                sebelum.bukti += bukti
                    .iter()
                    .filter(|b| !b.tanggal.is_empty() && b.tanggal < awal)
                    .count() as u32;
            }
            sesudah.output_tercapai += u32::from(semua);
        }
        total.tahapan += tahapan;
        total.output += output;
        total.sebelum.add(sebelum);
        total.sesudah.add(sesudah);
        hitung_total.add(hitung);
        rows.push(Perbandingan {
            nomor: p.nomor.to_string(),
            nama: p.nama.clone(),
            tahapan,
            output,
            sebelum,
            sesudah,
            capaian: persen(hitung),
        });
    }
    total.capaian = persen(hitung_total);
    rows.push(total);
    rows
}

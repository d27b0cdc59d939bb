//! The signature blocks of a report and the Rencana Aksi's Lampiran Keputusan head: who
//! signs what, and the lines printed as Indonesian official documents print them (the name,
//! then the pangkat/golongan, then the NIP). Dots stand where the user writes by hand: a
//! decree without a number or date yet, a signer without a name.

use chrono::NaiveDate;
use serde::Serialize;

use super::ReportKind;
use super::tanggal::tanggal_panjang;
use crate::model::PlanIdentity;

/// A signature block at the end of a report: as Indonesian official documents print it, the
/// name (bold, underlined), then the pangkat/golongan, then the NIP.
#[derive(Debug, Clone, Serialize)]
pub struct TandaTangan {
    /// The line above the jabatan: "Kutai Kartanegara, 1 Desember 2022", or "Mengetahui,".
    pub tempat_tanggal: String,
    pub jabatan: Vec<String>,
    pub nama: String,
    /// "Pembina Utama Muda (IV/c)", or empty.
    pub pangkat: String,
    /// "NIP. 19700101 199003 1 001", or empty.
    pub nip: String,
}

fn nip(nip: &str) -> String {
    // 18 digits are written in the usual groups: 19700101 199003 1 001.
    if nip.len() == 18 && nip.chars().all(|c| c.is_ascii_digit()) {
        format!(
            "NIP. {} {} {} {}",
            &nip[..8],
            &nip[8..14],
            &nip[14..15],
            &nip[15..]
        )
    } else if nip.is_empty() {
        String::new()
    } else {
        format!("NIP. {nip}")
    }
}

/// Dots for what the user writes by hand on a printed decree: its number or its date.
pub const TITIK: &str = "....................";

/// The Rencana Aksi is the lampiran of the decree the head of the agency signs, dated by the
/// decree (dots while it has no date) unless a date is asked for; the Monev reports are
/// signed by the chair of the Tim RB on the date asked for, or `today`.
pub(crate) fn tanda_tangan(
    kind: ReportKind,
    id: &PlanIdentity,
    asked: Option<NaiveDate>,
    today: NaiveDate,
) -> TandaTangan {
    let tempat = if id.tempat_penetapan.is_empty() {
        String::new()
    } else {
        format!("{}, ", id.tempat_penetapan)
    };
    match kind {
        ReportKind::RencanaAksi => TandaTangan {
            tempat_tanggal: format!(
                "{tempat}{}",
                asked.map_or_else(|| tanggal_keputusan(id), tanggal_panjang)
            ),
            ..kepala(id)
        },
        _ => TandaTangan {
            tempat_tanggal: format!("{tempat}{}", tanggal_panjang(asked.unwrap_or(today))),
            jabatan: vec!["Ketua Tim Reformasi Birokrasi".into(), id.instansi.clone()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect(),
            nama: id.ketua_nama.clone(),
            pangkat: id.ketua_pangkat.clone(),
            nip: nip(&id.ketua_nip),
        },
    }
}

/// The head of the agency's block, opened by "Mengetahui," on a Monev report.
pub(crate) fn kepala(id: &PlanIdentity) -> TandaTangan {
    let instansi = if id.instansi.is_empty() {
        String::new()
    } else {
        format!(" {}", id.instansi)
    };
    TandaTangan {
        tempat_tanggal: "Mengetahui,".into(),
        jabatan: vec![format!("Kepala{instansi}")],
        nama: id.kepala_nama.clone(),
        pangkat: id.kepala_pangkat.clone(),
        nip: nip(&id.kepala_nip),
    }
}

/// The decree's date in words, or dots while it has none.
fn tanggal_keputusan(id: &PlanIdentity) -> String {
    NaiveDate::parse_from_str(&id.tanggal_keputusan, "%Y-%m-%d")
        .map(tanggal_panjang)
        .unwrap_or_else(|_| TITIK.to_owned())
}

/// The head of the Rencana Aksi's first page: it is the lampiran of the decree that sets
/// the Renja RB, named as the seed's decree names itself.
#[derive(Debug, Clone, Serialize)]
pub struct Lampiran {
    /// "LAMPIRAN KEPUTUSAN KEPALA DINAS PERKEBUNAN KABUPATEN KUTAI KARTANEGARA".
    pub judul: String,
    /// ("NOMOR", "B-3951/…"), ("TANGGAL", "1 Desember 2022"), ("TENTANG", "RENCANA KERJA
    /// PELAKSANAAN REFORMASI BIROKRASI DINAS PERKEBUNAN TAHUN 2023"); dots where the decree
    /// has no number or date yet.
    pub baris: Vec<(String, String)>,
}

pub(crate) fn lampiran(id: &PlanIdentity) -> Lampiran {
    let daerah = id
        .pemerintah_daerah
        .trim_start_matches("Pemerintah ")
        .trim();
    let instansi = [id.instansi.trim(), daerah]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let nomor = if id.nomor_keputusan.is_empty() {
        TITIK.to_owned()
    } else {
        id.nomor_keputusan.clone()
    };
    let tentang = [
        "Rencana Kerja Pelaksanaan Reformasi Birokrasi",
        id.instansi.trim(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    Lampiran {
        judul: format!("Lampiran Keputusan Kepala {instansi}")
            .trim_end()
            .to_uppercase(),
        baris: vec![
            ("NOMOR".into(), nomor),
            ("TANGGAL".into(), tanggal_keputusan(id)),
            (
                "TENTANG".into(),
                format!("{tentang} Tahun {}", id.tahun).to_uppercase(),
            ),
        ],
    }
}

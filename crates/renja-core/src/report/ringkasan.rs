//! The Ringkasan Capaian: the Ringkasan tab as one printed page. The figures are
//! [`crate::ringkasan`]'s, unchanged; this module only cuts the lists to what a page holds
//! and words their headings, so the template decides nothing.

use serde::Serialize;

use crate::ringkasan::{Ringkasan, TahapanRingkas};

/// The most tahapan a printed list shows; the rest are counted under it.
pub(crate) const MAX_BARIS: usize = 3;

/// One list of tahapan as printed.
#[derive(Debug, Clone, Serialize)]
pub struct Daftar {
    /// "Tahapan terlambat (12)".
    pub judul: String,
    /// Printed instead of rows when the list is empty.
    pub kosong: String,
    pub baris: Vec<TahapanRingkas>,
    /// "3 pertama dari 12; selengkapnya di tab Ringkasan", or empty.
    pub lainnya: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RingkasanCetak {
    pub ringkasan: Ringkasan,
    pub daftar: Vec<Daftar>,
}

fn daftar(judul: &str, kosong: &str, list: &[TahapanRingkas]) -> Daftar {
    let lain = list.len().saturating_sub(MAX_BARIS);
    Daftar {
        judul: format!("{judul} ({})", list.len()),
        kosong: kosong.to_owned(),
        baris: list.iter().take(MAX_BARIS).cloned().collect(),
        lainnya: if lain > 0 {
            format!(
                "{MAX_BARIS} pertama dari {}; selengkapnya di tab Ringkasan aplikasi",
                list.len()
            )
        } else {
            String::new()
        },
    }
}

pub(crate) fn build(ringkasan: Ringkasan) -> RingkasanCetak {
    let bulan_depan = if ringkasan.bulan_depan_nama.is_empty() {
        "Dijadwalkan bulan depan".to_owned()
    } else {
        format!("Dijadwalkan {}", ringkasan.bulan_depan_nama)
    };
    let daftar = vec![
        daftar(
            "Tahapan terlambat",
            "Tidak ada tahapan yang terlambat.",
            &ringkasan.terlambat,
        ),
        daftar(
            "Selesai tanpa bukti dukung",
            "Semua tahapan yang selesai sudah memiliki bukti dukung.",
            &ringkasan.tanpa_bukti,
        ),
        daftar(
            &bulan_depan,
            if ringkasan.bulan_depan_nama.is_empty() {
                "Desember adalah bulan terakhir tahun rencana."
            } else {
                "Tidak ada tahapan yang dijadwalkan."
            },
            &ringkasan.bulan_depan,
        ),
    ];
    RingkasanCetak { ringkasan, daftar }
}

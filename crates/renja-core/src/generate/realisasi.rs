//! Synthetic progress for `renja generate --realisasi N`: realisasi records for every
//! scheduled month up to month N, so tests and benchmarks of the Ringkasan, the grid and the
//! Monev reports have done, late and open work to show.
//!
//! Each scheduled month up to N of every tahapan rolls once (a stream of its own, from the
//! spec's seed) and gets:
//! - 60%: "Selesai" (100%) in that month: done on time;
//! - 15%: "Selesai" in the first later month up to N outside the tahapan's schedule, which the
//!   rule of [`crate::capaian`] counts as a late completion; with no such month the target
//!   stays "Dalam proses";
//! - 10%: "Dalam proses" at 20–80%, with a kendala: not done, late once the month has passed;
//! - 5%: "Tidak terlaksana", with a kendala and a tindak lanjut;
//! - 10%: no record at all.
//!
//! Records are written directly, like the generated evidence, and never replace a record
//! already there. Months after N get nothing.

use super::{GenerateSpec, Rng, Written};
use crate::error::Result;
use crate::storage::Write;
use crate::storage::realisasi::{self, NewRealisasi};

const KENDALA_PROSES: &str = "Jadwal rapat koordinasi bergeser karena agenda pimpinan.";
const KENDALA_TIDAK: &str = "Anggaran kegiatan belum tersedia pada bulan ini.";
const TINDAK_LANJUT: &str = "Dijadwalkan ulang pada bulan berikutnya.";

/// Write the realisasi of `tahapan` up to month `spec.realisasi` (1–12; 0 writes nothing).
pub(super) fn add_realisasi(
    tx: &Write<'_>,
    tahapan: &[Written],
    spec: &GenerateSpec,
    now: &str,
) -> Result<()> {
    let sampai = spec.realisasi.min(12);
    if sampai == 0 {
        return Ok(());
    }
    // Not the tree's or the evidence's stream: adding realisasi leaves both as they were.
    let mut rng = Rng(spec.seed ^ 0x5245_414C_4953_4153);
    for t in tahapan {
        let mask = t.bulan.mask();
        let dijadwalkan = |m: u8| mask & (1 << (m - 1)) != 0;
        for bulan in (1..=sampai).filter(|&m| dijadwalkan(m)) {
            let roll = rng.below(100);
            let late = (bulan + 1..=sampai).find(|&m| !dijadwalkan(m));
            let (month, record) = match roll {
                0..60 => (bulan, selesai()),
                60..75 => match late {
                    Some(c) => (c, selesai()),
                    None => (bulan, proses(&mut rng)),
                },
                75..85 => (bulan, proses(&mut rng)),
                85..90 => (
                    bulan,
                    NewRealisasi {
                        status: "tidakTerlaksana",
                        persen: 0,
                        catatan: "",
                        kendala: KENDALA_TIDAK,
                        tindak_lanjut: TINDAK_LANJUT,
                    },
                ),
                _ => continue,
            };
            if realisasi::get(tx, t.id, month)?.is_none() {
                realisasi::put(tx, t.id, month, &record, now)?;
            }
        }
    }
    Ok(())
}

fn selesai() -> NewRealisasi<'static> {
    NewRealisasi {
        status: "selesai",
        persen: 100,
        catatan: "",
        kendala: "",
        tindak_lanjut: "",
    }
}

fn proses(rng: &mut Rng) -> NewRealisasi<'static> {
    NewRealisasi {
        status: "dalamProses",
        persen: (2 + rng.below(7)) as u8 * 10,
        catatan: "",
        kendala: KENDALA_PROSES,
        tindak_lanjut: "",
    }
}

//! Made-up plans: the living example (`renja new --contoh`, see [`contoh`]) and synthetic
//! plans for benchmarks (`renja generate`): a plan of exactly N tahapan shaped like the
//! reference plan, with its real texts, a realistic spread of months and penanggung jawab.
//!
//! Shape. Always the 8 programs of the reference plan, in its order. Outcomes are added
//! round-robin over the programs, each with 1–4 kegiatan, each kegiatan with 1–2 outputs, each
//! output with 1–4 tahapan, weighted so the averages follow the reference plan (about 2.4
//! kegiatan per outcome, 1.3 outputs per kegiatan, 1.8 tahapan per output). Generation stops
//! as soon as N tahapan exist, so the last outcome may be smaller; no outcome, kegiatan or
//! output is ever left empty. A program has about 2–3 outcomes at the reference plan's size
//! (106 tahapan) and proportionally more in bigger plans. With N = 0 the plan holds the 8
//! programs and nothing beneath them; with N < 8 or so the later programs stay empty.
//!
//! Texts. Each program takes its outcome, kegiatan, output and tahapan texts from its own rows
//! of the reference plan, in order, starting over when they run out; a text used again gets a
//! suffix (" (2)", " (3)" …) so every name is distinct within its level. Kriteria is the seed
//! row's own (or another of the same program's when the seed row has none). Penanggung jawab
//! is mostly the program's own Pokja and sometimes another team of the reference plan.
//!
//! Months. About 10% of tahapan are unscheduled, about 70% have one run of 1–4 consecutive
//! months and about 20% two runs. Within an output, runs tend to follow each other through
//! the year, as work steps do.
//!
//! Evidence. With [`GenerateSpec::evidence`] = E > 0, E pieces of bukti dukung are spread
//! evenly over the tahapan (in the order they were written; round-robin when there are more
//! pieces than tahapan). Each has a judul made from its tahapan's text ("Laporan …", "Notulen
//! rapat …"), one of the 8 kinds, a nomor like "800/123/DCS/2026" for the kinds that carry one,
//! a date within the plan year in a month the tahapan is scheduled in (January when it is not
//! scheduled), and ONE file "bukti-0001.pdf" of exactly [`GenerateSpec::evidence_bytes`] bytes
//! of pseudo-random content, different for every piece. Contents are generated and written in
//! 1 MiB chunks through SQLite's incremental BLOB I/O while being hashed, so memory stays small
//! whatever the total. Each tahapan that gets evidence also gets a realisasi "selesai" in the
//! month of its evidence and in about half of its other scheduled months. Evidence is written
//! directly, not as an undoable edit: the generated plan opens with nothing to undo.
//!
//! Realisasi. With [`GenerateSpec::realisasi`] = N > 0, every scheduled month up to N gets a
//! record: most done on time, some done late, some in progress, not carried out or not
//! recorded at all (shares in [`realisasi`]). They are written before the evidence, whose own
//! "selesai" records then only fill months that have none.
//!
//! Randomness comes only from [`GenerateSpec::seed`] (splitmix64): the same spec gives the
//! same plan, apart from row UUIDs and timestamps.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::ids::{ProgramId, TahapanId};
use crate::model::{Jadwal, PlanIdentity};
use crate::plan::{NewPlan, Plan};
use crate::storage::tree::{self, NewTahapan};
use crate::storage::{self, Write, identity};
use crate::template::{self, Template};

use reference::Seed;

/// The largest plan [`generate`] writes; more is a typing mistake, not a benchmark.
pub const MAX_TAHAPAN: u32 = 200_000;

/// The most pieces of evidence [`generate`] writes.
pub const MAX_EVIDENCE: u32 = 100_000;
/// The most bytes of evidence files [`generate`] writes in total (20 GiB).
pub const MAX_EVIDENCE_TOTAL_BYTES: u64 = 20 * 1024 * 1024 * 1024;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateSpec {
    /// Exactly this many tahapan, at most [`MAX_TAHAPAN`].
    pub tahapan: u32,
    /// The plan year (2000–2100).
    pub tahun: i32,
    /// Seed of the random choices; the same seed gives the same plan.
    pub seed: u64,
    /// Pieces of evidence (bukti dukung) to add, each with one file; at most
    /// [`MAX_EVIDENCE`]. Needs at least one tahapan when not 0.
    pub evidence: u32,
    /// The size of each evidence file in bytes, at most [`crate::bukti::MAX_FILE_BYTES`];
    /// `evidence * evidence_bytes` is at most [`MAX_EVIDENCE_TOTAL_BYTES`].
    pub evidence_bytes: u64,
    /// Realisasi records up to this month (1–12), a seeded share of them done, done late and
    /// not done (see [`realisasi`]); 0 for none.
    pub realisasi: u8,
}

/// Refuse sizes that are typing mistakes rather than benchmarks, before touching the disk.
fn check_spec(spec: &GenerateSpec) -> Result<()> {
    if spec.tahapan > MAX_TAHAPAN {
        return Err(Error::invalid(
            "tahapan",
            format!(
                "Jumlah tahapan {} terlalu besar: paling banyak 200.000 tahapan.",
                spec.tahapan
            ),
        ));
    }
    if spec.evidence > MAX_EVIDENCE {
        return Err(Error::invalid(
            "evidence",
            format!(
                "Jumlah bukti dukung {} terlalu besar: paling banyak 100.000 bukti dukung.",
                spec.evidence
            ),
        ));
    }
    if spec.evidence_bytes > crate::bukti::MAX_FILE_BYTES {
        return Err(Error::invalid(
            "evidence",
            format!(
                "Ukuran berkas bukti dukung {} byte terlalu besar: paling besar {} MB per berkas.",
                spec.evidence_bytes,
                crate::bukti::MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let total = u64::from(spec.evidence).saturating_mul(spec.evidence_bytes);
    if total > MAX_EVIDENCE_TOTAL_BYTES {
        return Err(Error::invalid(
            "evidence",
            format!(
                "Total ukuran bukti dukung {} MB terlalu besar: paling banyak {} MB.",
                total.div_ceil(1024 * 1024),
                MAX_EVIDENCE_TOTAL_BYTES / (1024 * 1024)
            ),
        ));
    }
    if spec.realisasi > 12 {
        return Err(Error::invalid(
            "realisasi",
            "Bulan realisasi harus berupa angka 1 (Januari) sampai 12 (Desember).",
        ));
    }
    if spec.evidence > 0 && spec.tahapan == 0 {
        return Err(Error::invalid(
            "evidence",
            "Bukti dukung memerlukan paling sedikit satu tahapan.",
        ));
    }
    Ok(())
}

/// Write a synthetic plan of `spec.tahapan` tahapan at `path` (replacing an existing file only
/// if `replace`) and return it open for editing. The whole plan is written under a temporary
/// name beside `path` (the tree in one transaction, the evidence, if any, in a second one) and
/// takes the name only when complete and synced: a failure or a kill on the way leaves an
/// existing file at `path` as it was.
pub fn generate(
    path: &Path,
    spec: &GenerateSpec,
    replace: bool,
    clock: Arc<dyn Clock>,
) -> Result<Plan> {
    check_spec(spec)?;
    let seed = Seed::parse()?;
    let identity = crate::identity::normalize(&synthetic_identity(spec.tahun))?;
    let new = NewPlan {
        template: Template::Empty,
        tahun: spec.tahun,
    };
    Plan::create_with(path, new, replace, clock, |conn, now| {
        let tx = storage::begin_write(conn)?;
        identity::put(&tx, &identity, now, false)?;
        let tahapan = fill(&tx, &seed, spec, now)?;
        realisasi::add_realisasi(&tx, &tahapan, spec, now)?;
        tx.commit()?;
        if spec.evidence > 0 {
            let tx = storage::begin_write(conn)?;
            evidence::add_evidence(&tx, &tahapan, spec, now)?;
            tx.commit()?;
        }
        Ok(())
    })
}

/// The reference identity, moved to a made-up agency so a synthetic plan is never mistaken
/// for a real one.
fn synthetic_identity(tahun: i32) -> PlanIdentity {
    PlanIdentity {
        pemerintah_daerah: "Pemerintah Kabupaten Contoh".into(),
        instansi: "Dinas Contoh Sintetis".into(),
        alamat: "Jl. Contoh No. 1".into(),
        telepon: "(0000) 000000".into(),
        email: "sintetis@contoh.example".into(),
        laman: "https://contoh.example/".into(),
        tempat_penetapan: "Contoh".into(),
        nomor_keputusan: format!("000/SINTETIS/{tahun}"),
        tanggal_keputusan: format!("{tahun}-01-02"),
        kepala_nama: "Kepala Dinas Contoh".into(),
        ketua_nama: "Ketua Tim RB Contoh".into(),
        ..template::seed_identity(tahun)
    }
}

// --- randomness --------------------------------------------------------------------------

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for test data.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`); the bias of the multiply-shift is far below what matters.
    pub(super) fn below(&mut self, n: u32) -> u32 {
        (((self.next_u64() >> 32) * u64::from(n)) >> 32) as u32
    }

    /// An index into `weights`, chosen with those relative weights.
    pub(super) fn weighted(&mut self, weights: &[u32]) -> u32 {
        let mut r = self.below(weights.iter().sum());
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i as u32;
            }
            r -= w;
        }
        weights.len() as u32 - 1
    }
}

/// Weights of 1, 2, 3, 4 kegiatan per outcome (mean 2.4, as in the reference plan).
const KEGIATAN_PER_OUTCOME: [u32; 4] = [25, 30, 25, 20];
/// Weights of 1, 2 outputs per kegiatan (mean 1.3).
const OUTPUTS_PER_KEGIATAN: [u32; 2] = [70, 30];
/// Weights of 1, 2, 3, 4 tahapan per output (mean 1.9).
const TAHAPAN_PER_OUTPUT: [u32; 4] = [45, 30, 15, 10];
/// Weights of a run of 1, 2, 3, 4 months.
const RUN_LENGTH: [u32; 4] = [35, 30, 20, 15];

fn run(start: u32, len: u32) -> u16 {
    (((1u32 << len) - 1) << start) as u16
}

/// The months of the next tahapan of an output; `next_start` is where the output's previous
/// run ended, so the steps of one output move through the year.
fn schedule(rng: &mut Rng, next_start: &mut u32) -> Jadwal {
    let roll = rng.below(100);
    if roll < 10 {
        return Jadwal::default();
    }
    let len = 1 + rng.weighted(&RUN_LENGTH);
    let start = (*next_start).min(12 - len);
    let mut mask = run(start, len);
    *next_start = if start + len >= 12 {
        rng.below(6)
    } else {
        start + len + rng.below(2)
    };
    if roll >= 80 {
        // A second run after a gap, e.g. the same step again in the second semester.
        let len2 = 1 + rng.below(3);
        let after = start + len + 1 + rng.below(3);
        if after + len2 <= 12 {
            mask |= run(after, len2);
        } else if start > len2 {
            mask |= run(rng.below(start - len2), len2);
        }
    }
    Jadwal::from_mask(mask & Jadwal::MASK).unwrap_or_default()
}

// --- the tree ----------------------------------------------------------------------------

/// Hands out distinct names within one level: the second use of a text gets " (2)", etc.
#[derive(Default)]
struct Names(HashMap<String, u32>);

impl Names {
    fn name(&mut self, text: &str) -> String {
        let n = self.0.entry(text.to_owned()).or_insert(0);
        *n += 1;
        if *n == 1 {
            text.to_owned()
        } else {
            format!("{text} ({n})")
        }
    }
}

/// Where each program is in its lists of seed texts.
#[derive(Default, Clone, Copy)]
struct Cursor {
    outcome: usize,
    kegiatan: usize,
    output: usize,
    tahapan: usize,
}

fn next<'a, T>(list: &'a [T], at: &mut usize) -> &'a T {
    let item = &list[*at % list.len()];
    *at += 1;
    item
}

/// A tahapan as written, for the evidence that follows.
struct Written {
    id: TahapanId,
    nama: String,
    bulan: Jadwal,
}

/// Write the tree; returns its tahapan in the order they were written.
fn fill(tx: &Write<'_>, seed: &Seed, spec: &GenerateSpec, now: &str) -> Result<Vec<Written>> {
    let mut written = Vec::with_capacity(spec.tahapan as usize);
    let mut rng = Rng(spec.seed);
    let program_ids = seed
        .programs
        .iter()
        .map(|p| tree::insert_program(tx, &p.nama, now))
        .collect::<Result<Vec<ProgramId>>>()?;
    let mut cursors = vec![Cursor::default(); seed.programs.len()];
    let (mut outcome_names, mut kegiatan_names) = (Names::default(), Names::default());
    let (mut output_names, mut tahapan_names) = (Names::default(), Names::default());
    let mut remaining = spec.tahapan;
    let mut i = 0;
    while remaining > 0 {
        let (p, at) = (&seed.programs[i], &mut cursors[i]);
        let nama = outcome_names.name(next::<String>(&p.outcomes, &mut at.outcome));
        let outcome = tree::insert_outcome(tx, program_ids[i], &nama, now)?;
        for _ in 0..=rng.weighted(&KEGIATAN_PER_OUTCOME) {
            if remaining == 0 {
                break;
            }
            let nama = kegiatan_names.name(next::<String>(&p.kegiatan, &mut at.kegiatan));
            let kegiatan = tree::insert_kegiatan(tx, outcome, &nama, now)?;
            for _ in 0..=rng.weighted(&OUTPUTS_PER_KEGIATAN) {
                if remaining == 0 {
                    break;
                }
                let nama = output_names.name(next::<String>(&p.outputs, &mut at.output));
                let output = tree::insert_output(tx, kegiatan, &nama, now)?;
                let count = (1 + rng.weighted(&TAHAPAN_PER_OUTPUT)).min(remaining);
                let mut month = rng.below(9);
                for _ in 0..count {
                    let (text, kriteria) = next(&p.tahapan, &mut at.tahapan);
                    let kriteria = if kriteria.is_empty() {
                        &p.kriteria[rng.below(p.kriteria.len() as u32) as usize]
                    } else {
                        kriteria
                    };
                    let penanggung_jawab = if rng.below(100) < 85 {
                        &p.pokja
                    } else {
                        &seed.teams[rng.below(seed.teams.len() as u32) as usize]
                    };
                    let nama = tahapan_names.name(text);
                    let t = NewTahapan {
                        nama: &nama,
                        bulan: schedule(&mut rng, &mut month),
                        kriteria,
                        penanggung_jawab,
                    };
                    let (id, bulan) = (tree::insert_tahapan(tx, output, &t, now)?, t.bulan);
                    written.push(Written { id, nama, bulan });
                }
                remaining -= count;
            }
        }
        i = (i + 1) % seed.programs.len();
    }
    Ok(written)
}

pub mod contoh;
mod evidence;
mod files;
mod realisasi;
mod reference;
#[cfg(test)]
mod tests;

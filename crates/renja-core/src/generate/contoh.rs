//! The living example plan (`renja new --contoh`, "Buka contoh" on the start screen,
//! `scripts/start`): the built-in template with an illustrative schedule, months of realisasi
//! in every state, a team, and a handful of small generated evidence files, so a newcomer's
//! first month grid, dashboard and reports show what the app is for.
//!
//! - It is marked as an example where people look: the instansi ends in "(CONTOH)" (so the kop
//!   of every report says it), the decree number says CONTOH, and the window title says so
//!   (`PlanIdentity::is_contoh`, `naming::window_title`). The template of "Buat rencana baru" stays clean:
//!   this module only adds to a plan made from it.
//! - Reproducible: the choices come from a fixed seed, and "today" from the clock passed in.
//!   Months before today's month get their records (done, in progress, late, not done, done
//!   late outside the schedule); today's month is in progress; later months are planned. A plan
//!   for an earlier year is recorded to December, one for a later year not at all.
//! - Evidence files are generated (one-page PDFs that say they are examples, PNG drawings),
//!   never copies of real documents. The example is written like a generated plan: without
//!   undo history, under a temporary name until whole.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::Datelike;

use super::{Rng, files, schedule};
use crate::bukti::{BuktiInput, Jenis};
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::ids::TahapanId;
use crate::model::{CONTOH_MARK as MARK, Level, Peran, PlanIdentity};
use crate::plan::{NewPlan, Plan};
use crate::realisasi::{RealisasiInput, Status};
use crate::storage::{self, Write, tree};
use crate::team::AnggotaInput;
use crate::template::{self, Template};

/// The seed of the example's choices: the same example every time for the same clock.
const SEED: u64 = 0x434F_4E54_4F48_2023;

/// The example's file name for year `tahun`, as "Buka contoh" and `scripts/start` name it.
pub fn file_name(tahun: i32) -> String {
    format!("Contoh Renja RB {tahun}.renjarb")
}

/// Write the example plan for year `tahun` at `path` (replacing an existing file only if
/// `replace`) and return it open for editing.
pub fn contoh(path: &Path, tahun: i32, replace: bool, clock: Arc<dyn Clock>) -> Result<Plan> {
    let today = clock.today();
    // The months that have records: those before today's month in the plan year.
    let upto = match tahun.cmp(&today.year()) {
        std::cmp::Ordering::Less => 13,
        std::cmp::Ordering::Equal => today.month() as u8,
        std::cmp::Ordering::Greater => 0,
    };
    let new = NewPlan {
        template: Template::Seed,
        tahun,
    };
    // Evidence files are added from paths, like the user's: write them into a scratch folder.
    let scratch = tempfile::tempdir().map_err(|e| Error::io(std::env::temp_dir(), e))?;
    Plan::create_with(path, new, replace, clock, |conn, now| {
        let tx = storage::begin_write(conn)?;
        storage::identity::put(&tx, &identity(tahun), now, false)?;
        add_team(&tx, now)?;
        let tahapan = add_schedule(&tx, now)?;
        let done = add_realisasi(&tx, now, &tahapan, upto)?;
        add_bukti(&tx, now, scratch.path(), tahun, &done)?;
        tx.commit()?;
        Ok(())
    })
}

fn identity(tahun: i32) -> PlanIdentity {
    let seed = template::seed_identity(tahun);
    PlanIdentity {
        instansi: format!("{} {MARK}", seed.instansi),
        nomor_keputusan: format!("000.7.2.6/CONTOH/{}", tahun - 1),
        tanggal_keputusan: format!("{}-12-01", tahun - 1),
        kepala_nama: "Ir. Hendra Wijaya, M.Si. (contoh)".into(),
        kepala_nip: "197005121995031002".into(),
        kepala_pangkat: "Pembina Utama Muda (IV/c)".into(),
        ketua_nama: "Siti Rahmawati, S.E., M.M. (contoh)".into(),
        ketua_nip: "197808202003122004".into(),
        ketua_pangkat: "Pembina (IV/a)".into(),
        ..seed
    }
}

/// The Tim RB: made-up people, one per Pokja of the template's penanggung jawab.
const TEAM: [(&str, &str, &str, Peran, &str); 10] = [
    (
        "Ir. Hendra Wijaya, M.Si.",
        "197005121995031002",
        "Kepala Dinas",
        Peran::Pengarah,
        "",
    ),
    (
        "Siti Rahmawati, S.E., M.M.",
        "197808202003122004",
        "Sekretaris Dinas",
        Peran::Ketua,
        "",
    ),
    (
        "Agus Pratama, S.Kom.",
        "198603142010011003",
        "Kepala Subbagian Umum dan Kepegawaian",
        Peran::Sekretaris,
        "",
    ),
    (
        "Dewi Lestari, S.P.",
        "198801052011012006",
        "Analis Kebijakan",
        Peran::AnggotaPokja,
        "Pokja Manajemen Perubahan",
    ),
    (
        "Rudi Hartono, S.H.",
        "198112232009031001",
        "Analis Hukum",
        Peran::AnggotaPokja,
        "Pokja Penataan Peraturan Perundang-undangan",
    ),
    (
        "Nur Aini, S.Sos.",
        "199002172015032002",
        "Analis Organisasi",
        Peran::AnggotaPokja,
        "Pokja Penataan dan Penguatan Organisasi",
    ),
    (
        "Bambang Setiawan, S.T.",
        "198509092010011004",
        "Pranata Komputer",
        Peran::AnggotaPokja,
        "Pokja Penataan Tata Laksana",
    ),
    (
        "Maya Sari, S.Psi.",
        "198907302014022001",
        "Analis SDM Aparatur",
        Peran::AnggotaPokja,
        "Pokja Penataan Sistem Manajemen SDM",
    ),
    (
        "Yusuf Hidayat, S.E., Ak.",
        "198304152008011002",
        "Perencana",
        Peran::AnggotaPokja,
        "Pokja Penguatan Akuntabilitas",
    ),
    (
        "Ratna Kusuma, S.AP.",
        "199105112019022003",
        "Analis Pelayanan",
        Peran::AgenPerubahan,
        "Pokja Peningkatan Kualitas Pelayanan Publik",
    ),
];

fn add_team(tx: &Write<'_>, now: &str) -> Result<()> {
    for (nama, nip, jabatan, peran, pokja) in TEAM {
        let member = crate::team::clean(&AnggotaInput {
            nama: nama.into(),
            nip: nip.into(),
            jabatan: jabatan.into(),
            peran,
            pokja: pokja.into(),
        })?;
        crate::team::add(tx, now, &member)?;
    }
    Ok(())
}

/// A tahapan of the example, as scheduled.
pub(super) struct Scheduled {
    id: TahapanId,
    nama: String,
    /// Scheduled months, 1–12.
    months: Vec<u8>,
}

/// Give every tahapan of the template a schedule: runs of months that move through the year
/// within an output, as the generator makes them (never empty: an example shows months).
fn add_schedule(tx: &Write<'_>, now: &str) -> Result<Vec<Scheduled>> {
    let mut rng = Rng(SEED);
    let mut out = Vec::new();
    let mut output = -1;
    let mut next_start = 0;
    for node in tree::nodes(tx, Level::Tahapan)? {
        if node.parent != output {
            output = node.parent;
            next_start = rng.below(6);
        }
        let jadwal = loop {
            let j = schedule(&mut rng, &mut next_start);
            if j.mask() != 0 {
                break j;
            }
        };
        let id = TahapanId(node.id);
        tree::set_bulan(tx, id, jadwal.mask(), now)?;
        out.push(Scheduled {
            id,
            nama: node.nama,
            months: jadwal.months(),
        });
    }
    Ok(out)
}

fn record(
    tx: &Write<'_>,
    now: &str,
    id: TahapanId,
    bulan: u8,
    status: Status,
    persen: u8,
    notes: [&str; 3],
) -> Result<()> {
    let input = RealisasiInput {
        status,
        persen,
        catatan: notes[0].into(),
        kendala: notes[1].into(),
        tindak_lanjut: notes[2].into(),
    };
    crate::realisasi::set(tx, now, id, &crate::realisasi::check(bulan, &input)?)
}

const DONE: [&str; 3] = ["Terlaksana sesuai rencana.", "", ""];
const PROSES: [&str; 3] = [
    "Draf telah disusun dan sedang dibahas bersama Pokja.",
    "Jadwal rapat pembahasan bertabrakan dengan kegiatan lapangan.",
    "Rapat pembahasan dijadwalkan ulang pada minggu berikutnya.",
];
const GAGAL: [&str; 3] = [
    "",
    "Anggaran kegiatan belum tersedia pada bulan ini.",
    "Diusulkan dalam perubahan anggaran.",
];
const TERLAMBAT: [&str; 3] = [
    "Selesai setelah menunggu tanda tangan pimpinan.",
    "Penandatanganan dokumen tertunda.",
    "",
];
const AWAL: [&str; 3] = ["Persiapan dimulai lebih awal dari jadwal.", "", ""];

/// A month done, for the evidence that follows: (tahapan, its name, the month).
pub(super) struct Done<'a> {
    tahapan: &'a Scheduled,
    bulan: u8,
}

/// Record the months before `upto` (1–13) and `upto` itself as in progress; returns the months
/// done on time, for the evidence.
fn add_realisasi<'a>(
    tx: &Write<'_>,
    now: &str,
    tahapan: &'a [Scheduled],
    upto: u8,
) -> Result<Vec<Done<'a>>> {
    let mut rng = Rng(SEED ^ 0x5245_414C);
    let mut done = Vec::new();
    for t in tahapan {
        let first = t.months[0];
        // Now and then work starts a month before the schedule.
        if first > 1 && first - 1 < upto && rng.below(100) < 8 {
            record(tx, now, t.id, first - 1, Status::DalamProses, 20, AWAL)?;
        }
        for &m in &t.months {
            if m > upto {
                break;
            }
            if m == upto {
                if rng.below(2) == 0 {
                    let persen = 30 + 10 * rng.below(6) as u8;
                    record(tx, now, t.id, m, Status::DalamProses, persen, PROSES)?;
                }
                continue;
            }
            let roll = rng.below(100);
            let next_free = m + 1 < upto && !t.months.contains(&(m + 1));
            if roll < 68 {
                record(tx, now, t.id, m, Status::Selesai, 100, DONE)?;
                done.push(Done {
                    tahapan: t,
                    bulan: m,
                });
            } else if roll < 78 && next_free {
                // Late: in progress in its month, done the month after (outside the schedule).
                record(tx, now, t.id, m, Status::DalamProses, 70, PROSES)?;
                record(tx, now, t.id, m + 1, Status::Selesai, 100, TERLAMBAT)?;
            } else if roll < 86 {
                let persen = 20 + 10 * rng.below(5) as u8;
                record(tx, now, t.id, m, Status::DalamProses, persen, PROSES)?;
            } else if roll < 92 {
                record(tx, now, t.id, m, Status::TidakTerlaksana, 0, GAGAL)?;
            }
            // Otherwise nothing was recorded: the month shows as late.
        }
    }
    Ok(done)
}

/// Kinds of the example's evidence, in turn: (jenis, start of the judul, a PNG or a PDF).
const KINDS: [(Jenis, &str, bool); 6] = [
    (Jenis::Notulen, "Notulen rapat", false),
    (Jenis::Foto, "Foto kegiatan", true),
    (Jenis::Laporan, "Laporan", false),
    (Jenis::DaftarHadir, "Daftar hadir", false),
    (Jenis::Undangan, "Undangan", false),
    (Jenis::Sk, "SK tentang", false),
];

/// How many months done get a piece of evidence: a handful, so most done months show the
/// "no evidence yet" corner, as they do in real plans mid-year.
const BUKTI: usize = 14;

/// The file of one piece of evidence, written into `dir`.
fn evidence_file(
    dir: &Path,
    i: usize,
    judul: &str,
    photo: bool,
    body: &[String],
) -> Result<PathBuf> {
    let (name, bytes) = if photo {
        (format!("foto-kegiatan-{}.png", i + 1), files::png(i as u64))
    } else {
        (format!("bukti-{:02}.pdf", i + 1), files::pdf(judul, body))
    };
    let path = dir.join(name);
    std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    Ok(path)
}

/// Evidence for [`BUKTI`] months done on time, spread over the plan; program 1's first months
/// first, so the grid that opens first shows evidence.
fn add_bukti(tx: &Write<'_>, now: &str, dir: &Path, tahun: i32, done: &[Done<'_>]) -> Result<()> {
    if done.is_empty() {
        return Ok(());
    }
    let step = (done.len() / BUKTI).max(1);
    let chosen = done.iter().take(4).chain(done.iter().skip(4).step_by(step));
    for (i, d) in chosen.take(BUKTI).enumerate() {
        let (jenis, start, photo) = KINDS[i % KINDS.len()];
        let judul: String = format!("{start} {}", super::evidence::subject(&d.tahapan.nama))
            .chars()
            .take(200)
            .collect();
        let tanggal = format!("{tahun:04}-{:02}-{:02}", d.bulan, 5 + (i * 7) % 20);
        let nomor = match jenis {
            Jenis::Foto | Jenis::DaftarHadir => String::new(),
            _ => format!("000.7.2.6/{}/CONTOH/{tahun}", 101 + i * 13),
        };
        let body = vec![
            format!("Nomor: {}", if nomor.is_empty() { "-" } else { &nomor }),
            format!("Tanggal: {}", crate::tanggal::tanggal_teks(&tanggal)),
            format!("Tahapan kerja: {}", d.tahapan.nama),
            "Dinas Perkebunan Kabupaten Kutai Kartanegara (CONTOH)".into(),
        ];
        let input = crate::bukti::clean(&BuktiInput {
            judul: judul.clone(),
            jenis,
            nomor,
            tanggal,
            keterangan: "Bukti contoh yang dibuat otomatis.".into(),
            bulan: 1 << (d.bulan - 1),
        })?;
        let file = evidence_file(dir, i, &judul, photo, &body)?;
        crate::bukti::add(tx, now, d.tahapan.id, &input, &[file], &mut |_| {})?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use chrono::TimeZone;

    use super::*;
    use crate::FixedClock;
    use crate::capaian::CellState;
    use crate::grid::Grid;

    fn clock(y: i32, m: u32, d: u32) -> Arc<dyn Clock> {
        Arc::new(FixedClock(
            chrono::Utc
                .with_ymd_and_hms(y, m, d, 3, 0, 0)
                .single()
                .expect("valid instant"),
        ))
    }

    /// The distinct states of the grid's month cells.
    fn states(grid: &Grid) -> Vec<CellState> {
        let mut out = Vec::new();
        for c in grid.rows.iter().flat_map(|r| r.cells.iter().copied()) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn example_has_a_schedule_realisasi_in_every_state_evidence_and_a_team() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(file_name(2026));
        let plan = contoh(&path, 2026, false, clock(2026, 7, 15)).expect("example");

        let identity = plan.identity().expect("identity");
        assert!(identity.is_contoh(), "{identity:?}");
        assert_eq!(identity.instansi, "Dinas Perkebunan (CONTOH)");
        assert!(identity.nomor_keputusan.contains("CONTOH"));
        assert_eq!(identity.tahun, 2026);

        let grid = plan.grid().expect("grid");
        let tahapan: Vec<_> = grid
            .rows
            .iter()
            .filter(|r| r.level == Level::Tahapan)
            .collect();
        assert_eq!(tahapan.len(), 106, "the whole template");
        assert!(
            tahapan.iter().all(|t| t.bulan != 0),
            "every tahapan is scheduled"
        );
        let found = states(&grid);
        for want in [
            CellState::Rencana,
            CellState::Proses,
            CellState::Selesai,
            CellState::SelesaiTanpaBukti,
            CellState::SelesaiTerlambat,
            CellState::Terlambat,
            CellState::TidakTerlaksana,
            CellState::DiLuarJadwal,
        ] {
            assert!(found.contains(&want), "no {want:?} in {found:?}");
        }
        // Nothing is recorded after July.
        assert!(
            tahapan.iter().all(|t| t.cells[7..]
                .iter()
                .all(|c| matches!(c, CellState::Kosong | CellState::Rencana))),
            "months after today are only planned"
        );

        let bukti = crate::bukti::list(plan.db(), None).expect("bukti");
        assert_eq!(bukti.len(), BUKTI);
        let files: Vec<_> = bukti.iter().flat_map(|b| &b.berkas).collect();
        assert!(
            files
                .iter()
                .any(|f| f.mime == "application/pdf" && f.previewable)
        );
        assert!(files.iter().any(|f| f.mime == "image/png" && f.previewable));
        assert!(files.iter().all(|f| f.size < 64 * 1024), "small files");
        let distinct: HashSet<_> = files.iter().map(|f| &f.sha256).collect();
        assert_eq!(distinct.len(), files.len(), "every file its own");

        let team = crate::team::list(plan.db()).expect("team");
        assert_eq!(team.len(), TEAM.len());
        assert!(team.iter().any(|a| a.peran == Peran::Ketua));
        drop(plan);
        crate::check_file(&path).expect("the example passes the full check");
    }

    #[test]
    fn the_same_clock_gives_the_same_example() {
        let dir = tempfile::tempdir().expect("tempdir");
        let grid = |name: &str| {
            let plan =
                contoh(&dir.path().join(name), 2026, false, clock(2026, 5, 2)).expect("example");
            let g = plan.grid().expect("grid");
            let rows: Vec<_> = g
                .rows
                .iter()
                .map(|r| (r.nama.clone(), r.bulan, r.cells.clone(), r.bukti.clone()))
                .collect();
            (
                rows,
                crate::bukti::list(plan.db(), None).expect("bukti").len(),
            )
        };
        assert_eq!(grid("a.renjarb"), grid("b.renjarb"));
    }

    #[test]
    fn the_plain_template_has_no_schedule_realisasi_evidence_or_team() {
        let dir = tempfile::tempdir().expect("tempdir");
        let new = NewPlan {
            template: Template::Seed,
            tahun: 2026,
        };
        let plan = Plan::create(
            &dir.path().join("p.renjarb"),
            new,
            false,
            clock(2026, 7, 15),
        )
        .expect("plan");
        assert!(!plan.identity().expect("identity").is_contoh());
        let grid = plan.grid().expect("grid");
        assert!(grid.rows.iter().all(|r| r.bulan == 0));
        assert_eq!(states(&grid), vec![CellState::Kosong]);
        assert!(
            crate::bukti::list(plan.db(), None)
                .expect("bukti")
                .is_empty()
        );
        assert!(crate::team::list(plan.db()).expect("team").is_empty());
    }

    #[test]
    fn a_later_year_has_no_records_and_an_earlier_year_is_recorded_to_december() {
        let dir = tempfile::tempdir().expect("tempdir");
        let later = contoh(
            &dir.path().join("l.renjarb"),
            2027,
            false,
            clock(2026, 7, 15),
        )
        .expect("example");
        let found = states(&later.grid().expect("grid"));
        assert!(
            found
                .iter()
                .all(|c| matches!(c, CellState::Kosong | CellState::Rencana)),
            "{found:?}"
        );
        let earlier = contoh(
            &dir.path().join("e.renjarb"),
            2025,
            false,
            clock(2026, 7, 15),
        )
        .expect("example");
        assert!(!states(&earlier.grid().expect("grid")).contains(&CellState::Rencana));
    }
}

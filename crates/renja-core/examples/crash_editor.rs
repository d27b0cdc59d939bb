//! The editing loop of the crash-test harness (see `crash_driver/` and the README section
//! "Crash and fuzz testing").
//!
//! ```sh
//! crash_editor PLAN FROM [TO]
//! ```
//!
//! Opens `PLAN` for editing through the public API, exactly as the app does, and makes edits
//! `FROM`, `FROM + 1`, … (up to `TO` inclusive, forever without it). Edit `n` is a pure
//! function of `n` ([`edit_kind`], [`label`], …): rename a tahapan to "langkah n", record a
//! realisasi whose catatan is "langkah n", or every [`BUKTI_EVERY`]th edit add evidence titled
//! "langkah n" with a small file (some bigger, some with shared content). So the driver can tell
//! from a plan alone which edits it holds, and what the plan must look like after edit `n`.
//!
//! After each edit returns, the editor writes `ack n` on stdout and flushes: the driver treats
//! the last `ack` it read as acknowledged to the user, so it must be in the plan after a kill.
//! The process prints `open` once the plan is open and `closed` after a clean close at `TO`.
//! An error from the core ends it with exit status 3 and the error on stderr.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::Level;
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::{OpenMode, Plan, SystemClock, TahapanId};

/// Every this many edits, one adds evidence with a file.
pub const BUKTI_EVERY: u64 = 5;

/// What edit `n` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// Rename tahapan [`tahapan_index`] to [`label`].
    Rename,
    /// Record the realisasi of tahapan [`tahapan_index`] in month [`bulan`], catatan [`label`].
    Realisasi,
    /// Add evidence titled [`label`] to tahapan [`tahapan_index`], with the file
    /// [`bukti_name`] holding [`bukti_bytes`].
    Bukti,
}

pub fn edit_kind(n: u64) -> EditKind {
    if n.is_multiple_of(BUKTI_EVERY) {
        EditKind::Bukti
    } else if n.is_multiple_of(2) {
        EditKind::Realisasi
    } else {
        EditKind::Rename
    }
}

/// The text edit `n` writes: the marker the driver looks for.
pub fn label(n: u64) -> String {
    format!("langkah {n}")
}

/// The edit number of a text written by [`label`].
pub fn parse_label(text: &str) -> Option<u64> {
    text.strip_prefix("langkah ")?.parse().ok()
}

/// Which tahapan (index into the plan's tahapan sorted by id) edit `n` touches.
pub fn tahapan_index(n: u64, tahapan: usize) -> usize {
    (n.wrapping_mul(37) % tahapan as u64) as usize
}

/// The month (1–12) a realisasi edit records.
pub fn bulan(n: u64) -> u8 {
    1 + (n / 7 % 12) as u8
}

pub fn realisasi_input(n: u64) -> RealisasiInput {
    let (status, persen) = if n.is_multiple_of(4) {
        (Status::Selesai, 100)
    } else {
        (Status::DalamProses, (n % 100) as u8)
    };
    RealisasiInput {
        status,
        persen,
        catatan: label(n),
        kendala: String::new(),
        tindak_lanjut: format!("tindak lanjut {n}"),
    }
}

pub fn bukti_input(n: u64) -> BuktiInput {
    BuktiInput {
        judul: label(n),
        jenis: Jenis::Laporan,
        nomor: format!("800/{n}/UJI"),
        tanggal: "2025-03-01".into(),
        keterangan: String::new(),
        bulan: 1 << (n % 12),
    }
}

/// The file name edit `n` attaches.
pub fn bukti_name(n: u64) -> String {
    format!("bukti-{n}.pdf")
}

/// The bytes of the file edit `n` attaches: pseudo-random, mostly 1–21 KB, every 45th edit
/// 300 KB (many overflow pages), and every 25th the same 4 KB as every other 25th (stored
/// once, by SHA-256).
pub fn bukti_bytes(n: u64) -> Vec<u8> {
    let (seed, size) = if n.is_multiple_of(25) {
        (0, 4096)
    } else if n.is_multiple_of(45) {
        (n, 300_000)
    } else {
        (n, 1000 + (n.wrapping_mul(7919) % 20_000) as usize)
    };
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..size)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// The plan's tahapan ids, sorted: edits address tahapan by index into this list.
pub fn tahapan_ids(plan: &Plan) -> renja_core::Result<Vec<i64>> {
    let mut ids: Vec<i64> = plan
        .grid()?
        .rows
        .into_iter()
        .filter(|r| r.level == Level::Tahapan)
        .map(|r| r.id)
        .collect();
    ids.sort_unstable();
    Ok(ids)
}

/// Make edit `n` on `plan`. `sources` is a folder for the evidence files to attach.
pub fn apply(plan: &mut Plan, ids: &[i64], sources: &Path, n: u64) -> renja_core::Result<()> {
    let tahapan = ids[tahapan_index(n, ids.len())];
    match edit_kind(n) {
        EditKind::Rename => plan.rename_node(Level::Tahapan, tahapan, &label(n)),
        EditKind::Realisasi => {
            plan.set_realisasi(TahapanId(tahapan), bulan(n), &realisasi_input(n))
        }
        EditKind::Bukti => {
            let file = sources.join(bukti_name(n));
            std::fs::write(&file, bukti_bytes(n))
                .map_err(|e| renja_core::Error::Internal(format!("{}: {e}", file.display())))?;
            plan.add_bukti(TahapanId(tahapan), &bukti_input(n), &[file])
                .map(|_| ())
        }
    }
}

fn fail(what: &str, e: &renja_core::Error) -> ! {
    eprintln!("error {what}: {e} [{:?}] {}", e.kind(), e.message());
    std::process::exit(3)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || -> ! {
        eprintln!("usage: crash_editor PLAN FROM [TO]");
        std::process::exit(2)
    };
    let (Some(path), Some(from)) = (args.first(), args.get(1)) else {
        usage()
    };
    let path = PathBuf::from(path);
    let Ok(from) = from.parse::<u64>() else {
        usage()
    };
    let to = match args.get(2).map(|s| s.parse::<u64>()) {
        None => u64::MAX,
        Some(Ok(to)) => to,
        Some(Err(_)) => usage(),
    };
    let sources = path.with_extension("sumber");
    if let Err(e) = std::fs::create_dir_all(&sources) {
        eprintln!("error: {}: {e}", sources.display());
        std::process::exit(3)
    }
    let mut plan = Plan::open(&path, OpenMode::Edit, Arc::new(SystemClock))
        .unwrap_or_else(|e| fail("opening", &e));
    if let Some(reason) = plan.read_only() {
        eprintln!("error opening: opened read-only ({reason:?})");
        std::process::exit(3)
    }
    let ids = tahapan_ids(&plan).unwrap_or_else(|e| fail("reading tahapan", &e));
    if ids.is_empty() {
        eprintln!("error: the plan has no tahapan");
        std::process::exit(3)
    }
    let mut out = std::io::stdout().lock();
    let mut say = |line: &str| {
        // A broken pipe means the driver is gone; nothing to tell anyone then.
        if writeln!(out, "{line}").and_then(|()| out.flush()).is_err() {
            std::process::exit(4)
        }
    };
    say("open");
    for n in from..=to {
        apply(&mut plan, &ids, &sources, n).unwrap_or_else(|e| fail(&format!("at edit {n}"), &e));
        say(&format!("ack {n}"));
    }
    plan.close().unwrap_or_else(|e| fail("closing", &e));
    say("closed");
}

//! Merging a colleague's copy at scale. `cargo bench -p renja-core --bench merge` prints:
//!
//! (a) a generated plan of 1,000 tahapan with a year of realisasi (ours), and a copy of it
//!     (theirs) in which 5,000 pieces of evidence of 200,000 bytes each (~1 GB) were added,
//!     one file each, plus 200 renamed tahapan. Merging theirs into ours runs in a fresh child
//!     process (this binary again, `RENJA_BENCH_CHILD=merge`) that reads `VmHWM` from
//!     `/proc/self/status` before and after: preview time, merge time, the number of progress
//!     calls, and the peak memory. The files are streamed, so the peak should stay far below
//!     the bytes copied (goal: under 100 MB).
//! (b) merging the same copy a second time (nothing new): the cost of comparing two 1 GB
//!     copies that agree.
//!
//! `RENJA_BENCH_QUICK=1` uses 500 pieces of evidence instead of 5,000.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

mod child;
use child::{field, status_bytes};

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::Level;
use renja_core::generate::{GenerateSpec, generate};
use renja_core::merge::MergeChoices;
use renja_core::{OpenMode, Plan, SystemClock, TahapanId};

const CHILD: &str = "RENJA_BENCH_CHILD";
const OURS: &str = "RENJA_BENCH_OURS";
const THEIRS: &str = "RENJA_BENCH_THEIRS";
const MIB: f64 = 1024.0 * 1024.0;
const FILE_BYTES: usize = 200_000;

fn child() {
    let ours = PathBuf::from(std::env::var_os(OURS).expect(OURS));
    let theirs = PathBuf::from(std::env::var_os(THEIRS).expect(THEIRS));
    let before = status_bytes("VmHWM");
    let mut plan = Plan::open(&ours, OpenMode::Edit, Arc::new(SystemClock)).expect("open ours");
    let other = Plan::open(&theirs, OpenMode::ReadOnly, Arc::new(SystemClock)).expect("theirs");
    let t = Instant::now();
    let preview = plan
        .merge_preview(&other, &MergeChoices::default())
        .expect("preview");
    let preview_us = t.elapsed().as_micros();
    let mut calls = 0u64;
    let t = Instant::now();
    let result = plan
        .merge(&other, &MergeChoices::default(), &mut |_| calls += 1)
        .expect("merge");
    let merge_us = t.elapsed().as_micros();
    other.close().expect("close theirs");
    plan.close().expect("close ours");
    let after = status_bytes("VmHWM");
    println!(
        "child hwm_before={before} hwm_after={after} preview_us={preview_us} merge_us={merge_us} \
         changes={} files={} bytes={} calls={calls} preview_changes={}",
        result.changes, result.files_copied, result.bytes_copied, preview.changes
    );
}

fn run_child(ours: &Path, theirs: &Path) -> String {
    let out = Command::new(std::env::current_exe().expect("current_exe"))
        .env(CHILD, "merge")
        .env(OURS, ours)
        .env(THEIRS, theirs)
        .output()
        .expect("run child");
    assert!(
        out.status.success(),
        "child failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .find(|l| l.starts_with("child "))
        .expect("child report")
        .to_owned()
}

fn report(label: &str, line: &str) {
    let before = field(line, "hwm_before") as f64 / MIB;
    let after = field(line, "hwm_after") as f64 / MIB;
    println!(
        "{label}: preview {:.0} ms, merge {:.0} ms, {} changes, {} files ({:.0} MiB) copied, \
         {} progress calls, peak RSS {:.1} MiB (at start {:.1} MiB)",
        field(line, "preview_us") as f64 / 1000.0,
        field(line, "merge_us") as f64 / 1000.0,
        field(line, "changes"),
        field(line, "files"),
        field(line, "bytes") as f64 / MIB,
        field(line, "calls"),
        after,
        before
    );
}

fn main() {
    if std::env::var_os(CHILD).is_some() {
        child();
        return;
    }
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let quick = std::env::var_os("RENJA_BENCH_QUICK").is_some();
    let evidence = if quick { 500 } else { 5000 };
    let dir = tempfile::tempdir().expect("tempdir");
    let ours = dir.path().join("ours.renjarb");
    let theirs = dir.path().join("theirs.renjarb");
    let t = Instant::now();
    generate(
        &ours,
        &GenerateSpec {
            tahapan: 1000,
            tahun: 2026,
            seed: 7,
            evidence: 0,
            evidence_bytes: 0,
            realisasi: 12,
        },
        false,
        Arc::new(SystemClock),
    )
    .expect("generate")
    .close()
    .expect("close");
    std::fs::copy(&ours, &theirs).expect("copy");
    {
        let mut plan = Plan::open(&theirs, OpenMode::Edit, Arc::new(SystemClock)).expect("open");
        let tahapan: Vec<TahapanId> = plan
            .grid()
            .expect("grid")
            .rows
            .iter()
            .filter(|r| r.level == Level::Tahapan)
            .map(|r| TahapanId(r.id))
            .collect();
        for (i, t) in tahapan.iter().take(200).enumerate() {
            plan.rename_node(Level::Tahapan, t.0, &format!("Tahapan diubah Pokja {i}"))
                .expect("rename");
        }
        let file = dir.path().join("bukti.pdf");
        let mut bytes = vec![0u8; FILE_BYTES];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (i.wrapping_mul(2_654_435_761) >> 13) as u8;
        }
        for i in 0..evidence {
            bytes[..8].copy_from_slice(&(i as u64).to_le_bytes());
            std::fs::File::create(&file)
                .and_then(|mut f| f.write_all(&bytes))
                .expect("write");
            let input = BuktiInput {
                judul: format!("Notulen rapat koordinasi {i}"),
                jenis: Jenis::Notulen,
                nomor: format!("005/{i}/RB"),
                tanggal: "2026-03-10".into(),
                keterangan: String::new(),
                bulan: 1 << 2,
            };
            plan.add_bukti(
                tahapan[i % tahapan.len()],
                &input,
                std::slice::from_ref(&file),
            )
            .expect("add bukti");
        }
        plan.close().expect("close");
    }
    println!(
        "setup: ours {:.0} MiB, theirs {:.0} MiB ({evidence} pieces of evidence of {FILE_BYTES} \
         bytes), {:.0} s",
        std::fs::metadata(&ours).expect("size").len() as f64 / MIB,
        std::fs::metadata(&theirs).expect("size").len() as f64 / MIB,
        t.elapsed().as_secs_f64()
    );
    report("(a) merge theirs into ours", &run_child(&ours, &theirs));
    report("(b) the same copy again", &run_child(&ours, &theirs));
}

//! The evidence package at scale. `cargo bench -p renja-core --bench paket` makes a ~1 GB plan
//! (1000 tahapan, 5000 pieces of evidence of 200 000 bytes, by `generate`), then writes its
//! package (`Plan::export_bukti_package`, plan opened read-only) and prints the wall time, the
//! throughput in MiB/s of evidence, the size of the ZIP, and the peak memory of the process
//! doing it. Each export runs in a fresh child process (this binary again, with
//! `RENJA_BENCH_CHILD=paket`) that reads `VmHWM` from `/proc/self/status` before and after, so
//! the growth of the peak is the export's own. Streaming keeps it independent of the size of
//! the files; what grows is the index (the workbook and the page are built in memory), a few
//! KiB per file: about 35 MiB for 5000 files, 8 MiB for 500. The plan was just written, so it is read from the page cache: the
//! figures are of the export itself, not of a cold disk.
//!
//! `RENJA_BENCH_QUICK=1` uses a ~100 MB plan (500 pieces) instead.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod child;
use child::{field, status_bytes};

use renja_core::generate::{GenerateSpec, generate};
use renja_core::report::PaketRequest;
use renja_core::{OpenMode, Plan, SystemClock};

const CHILD: &str = "RENJA_BENCH_CHILD";
const PLAN: &str = "RENJA_BENCH_PLAN";
const DEST: &str = "RENJA_BENCH_DEST";
const MIB: u64 = 1024 * 1024;
const RUNS: usize = 3;

fn mib(bytes: u64) -> f64 {
    bytes as f64 / MIB as f64
}

/// The child side: export once and report the time, the peaks and what was written.
fn child() {
    let plan = PathBuf::from(std::env::var_os(PLAN).expect(PLAN));
    let dest = PathBuf::from(std::env::var_os(DEST).expect(DEST));
    let plan = Plan::open(&plan, OpenMode::ReadOnly, Arc::new(SystemClock)).expect("open");
    let before = status_bytes("VmHWM");
    let mut calls = 0u64;
    let t = Instant::now();
    let summary = plan
        .export_bukti_package(&PaketRequest::default(), &dest, &mut |_| calls += 1)
        .expect("export_bukti_package");
    let took = t.elapsed();
    let after = status_bytes("VmHWM");
    println!(
        "child hwm_before={before} hwm_after={after} us={} zip={} bukti={} berkas={} calls={calls}",
        took.as_micros(),
        summary.bytes,
        summary.bukti,
        summary.berkas
    );
}

fn run_child(plan: &Path, dest: &Path) -> String {
    let out = Command::new(std::env::current_exe().expect("current_exe"))
        .env(CHILD, "paket")
        .env(PLAN, plan)
        .env(DEST, dest)
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

fn main() {
    if std::env::var(CHILD).is_ok() {
        child();
        return;
    }
    let quick = std::env::var("RENJA_BENCH_QUICK").is_ok_and(|v| v == "1");
    let spec = GenerateSpec {
        tahapan: 1000,
        tahun: 2026,
        seed: 11,
        evidence: if quick { 500 } else { 5000 },
        evidence_bytes: 200_000,
        realisasi: 0,
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("besar.renjarb");
    let t = Instant::now();
    generate(&plan, &spec, true, Arc::new(SystemClock))
        .expect("generate")
        .close()
        .expect("close");
    let evidence = u64::from(spec.evidence) * spec.evidence_bytes;
    println!(
        "generate --tahapan {} --evidence {} --evidence-bytes {}: {:.1} s, plan {:.1} MiB, \
         evidence {:.1} MiB",
        spec.tahapan,
        spec.evidence,
        spec.evidence_bytes,
        t.elapsed().as_secs_f64(),
        mib(std::fs::metadata(&plan).expect("plan").len()),
        mib(evidence)
    );
    println!("Plan::export_bukti_package, whole plan, read-only, fresh process per run");
    println!(
        "{:>4} {:>10} {:>10} {:>10} {:>14} {:>14} {:>12} {:>9}",
        "run",
        "export s",
        "MiB/s",
        "zip MiB",
        "peak base MiB",
        "peak MiB",
        "growth MiB",
        "progress"
    );
    let (mut times, mut peaks, mut growths) = (Vec::new(), Vec::new(), Vec::new());
    for run in 1..=RUNS {
        let dest = dir.path().join(format!("paket-{run}.zip"));
        let line = run_child(&plan, &dest);
        let took = Duration::from_micros(field(&line, "us"));
        let (before, after) = (field(&line, "hwm_before"), field(&line, "hwm_after"));
        assert_eq!(field(&line, "bukti"), u64::from(spec.evidence));
        println!(
            "{run:>4} {:>10.2} {:>10.0} {:>10.1} {:>14.1} {:>14.1} {:>12.1} {:>9}",
            took.as_secs_f64(),
            mib(evidence) / took.as_secs_f64(),
            mib(field(&line, "zip")),
            mib(before),
            mib(after),
            mib(after.saturating_sub(before)),
            field(&line, "calls")
        );
        times.push(took);
        peaks.push(after);
        growths.push(after.saturating_sub(before));
        std::fs::remove_file(&dest).expect("remove the package");
    }
    times.sort();
    let median = times[times.len() / 2];
    let growth = growths.iter().copied().max().unwrap_or(0);
    println!(
        "     median {:.2} s = {:.0} MiB/s of evidence; max peak RSS {:.1} MiB; max growth \
         {:.1} MiB = {:.4}x the evidence (goal: under 64 MiB, whatever the file sizes): {}",
        median.as_secs_f64(),
        mib(evidence) / median.as_secs_f64(),
        mib(peaks.iter().copied().max().unwrap_or(0)),
        mib(growth),
        growth as f64 / evidence as f64,
        if growth < 64 * MIB { "OK" } else { "TOO MUCH" }
    );
    dir.close().expect("remove the temporary folder");
}

//! The Ringkasan of a big year. `cargo bench --bench ringkasan` prints, for a generated plan
//! of 1,000 tahapan with a year of realisasi (`renja generate --realisasi 12`) and 2,000
//! pieces of evidence, the time the core takes to build the dashboard of one month (reading
//! the plan and applying the capaian rule), the Laporan Monev Bulanan's data for the same
//! month beside it, and the Ringkasan Capaian as PDF. The drawing in the window is measured by
//! `tests/bench/ringkasan.mjs`.
//!
//! Times are wall-clock on whatever machine runs it; compare within one run.

use std::sync::Arc;
use std::time::{Duration, Instant};

use renja_core::generate::{self, GenerateSpec};
use renja_core::report::{ReportKind, ReportRequest};
use renja_core::{Plan, SystemClock};

const RUNS: usize = 15;

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time<T>(mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let start = Instant::now();
    f();
    let first = start.elapsed();
    let runs = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    (first, median(runs))
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let spec = GenerateSpec {
        tahapan: 1000,
        tahun: 2025,
        seed: 1,
        evidence: 2000,
        evidence_bytes: 1024,
        realisasi: 12,
    };
    let plan: Plan = generate::generate(
        &dir.path().join("bench.renjarb"),
        &spec,
        false,
        Arc::new(SystemClock),
    )
    .expect("generate");
    let r = plan.ringkasan(Some(6)).expect("ringkasan");
    println!(
        "Plan: 1000 tahapan, 2000 bukti, realisasi Januari–Desember; June: {} targets to date, \
         {} late tahapan, {} done without evidence",
        r.jumlah.kumulatif.target,
        r.terlambat.len(),
        r.tanpa_bukti.len()
    );
    let (first, median) = time(|| plan.ringkasan(Some(6)).expect("ringkasan"));
    println!(
        "Ringkasan (core)          first {:7.1} ms, median of {RUNS} {:7.1} ms",
        ms(first),
        ms(median)
    );
    let bulanan = ReportRequest {
        bulan: Some(6),
        ..ReportRequest::new(ReportKind::Bulanan)
    };
    let (first, median) = time(|| plan.report_data(&bulanan).expect("monev"));
    println!(
        "Monev bulanan data        first {:7.1} ms, median of {RUNS} {:7.1} ms",
        ms(first),
        ms(median)
    );
    let cetak = ReportRequest {
        bulan: Some(6),
        ..ReportRequest::new(ReportKind::Ringkasan)
    };
    let (first, median) = time(|| plan.report_pdf(&cetak).expect("pdf"));
    println!(
        "Ringkasan Capaian PDF     first {:7.1} ms, median of {RUNS} {:7.1} ms",
        ms(first),
        ms(median)
    );
}

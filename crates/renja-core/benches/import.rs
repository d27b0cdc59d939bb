//! Import time of a 5,000-row Rencana Aksi xlsx (the quality bar: under 1 s in release):
//! reading the workbook (zip check, fills, calamine), guessing the mapping, building the
//! preview, and writing it into a new plan. The workbook is the Rencana Aksi report of a
//! generated 5,000-tahapan plan, so it has merged cells, fills and a two-row header.
//! `cargo bench -p renja-core --bench import` prints the median of repeated runs.

use std::sync::Arc;
use std::time::{Duration, Instant};

use renja_core::generate::{GenerateSpec, generate};
use renja_core::import;
use renja_core::report::{ReportFormat, ReportKind, ReportRequest};
use renja_core::{Plan, SystemClock};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let spec = GenerateSpec {
        tahapan: 5_000,
        tahun: 2026,
        seed: 3,
        evidence: 0,
        evidence_bytes: 0,
        realisasi: 0,
    };
    let plan = generate(
        &dir.path().join("p.renjarb"),
        &spec,
        true,
        Arc::new(SystemClock),
    )
    .expect("generate");
    let xlsx = dir.path().join("ra.xlsx");
    plan.write_report(
        &ReportRequest::new(ReportKind::RencanaAksi),
        ReportFormat::Xlsx,
        &xlsx,
    )
    .expect("report");
    plan.close().expect("close");
    let kb = std::fs::metadata(&xlsx).expect("size").len() / 1024;
    let (mut read, mut guess, mut build, mut write, mut total) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut rows = 0;
    for i in 0..7 {
        let t0 = Instant::now();
        let source = import::read_file(&xlsx).expect("read");
        let t1 = Instant::now();
        let (sheet, mapping) = import::choose_sheet(&source).expect("mapping");
        let t2 = Instant::now();
        let preview = import::build(sheet, &mapping).expect("build");
        let t3 = Instant::now();
        let q = dir.path().join(format!("q{i}.renjarb"));
        Plan::create_imported(&q, 2026, &preview, true, Arc::new(SystemClock))
            .expect("create")
            .close()
            .expect("close");
        let t4 = Instant::now();
        assert_eq!(preview.counts.tahapan, 5_000);
        rows = sheet.rows.len();
        read.push(t1 - t0);
        guess.push(t2 - t1);
        build.push(t3 - t2);
        write.push(t4 - t3);
        total.push(t4 - t0);
    }
    println!(
        "{:>6} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "rows", "xlsx KB", "read ms", "guess ms", "build ms", "write ms", "total ms"
    );
    println!(
        "{rows:>6} {kb:>8} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>9.1}",
        ms(median(read)),
        ms(median(guess)),
        ms(median(build)),
        ms(median(write)),
        ms(median(total))
    );
}

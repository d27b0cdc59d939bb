//! Reports at the size of a real year and of a large one. `cargo bench -p renja-core --bench
//! reports` prints, for two plans:
//!
//! - the seed plan (106 tahapan, months scheduled, three months of realisasi) with 300 pieces
//!   of evidence;
//! - a plan of 1,000 tahapan made by `generate` (realisasi up to March, 300 pieces of
//!   evidence), the size at which typst once fell behind LibreOffice (issue 16);
//!
//! for every report kind as PDF (typst, in-process):
//!
//! - the first call in a fresh child process (this binary again, with `RENJA_BENCH_CHILD`), as
//!   the command line or a freshly started app pays it (font parsing included): wall time, CPU
//!   time (user + system of all threads, steadier than wall time on a busy machine) and the
//!   process's peak memory (`VmHWM` of `/proc/self/status`);
//! - in this process, the first call and the median of the next runs;
//!
//! then the Rencana Aksi, the Laporan Monev Bulanan and the Daftar Bukti Dukung as XLSX, the
//! Laporan Tahunan as DOCX, and, side by side as the yardstick users know,
//! `libreoffice --headless --convert-to pdf` of our own Rencana Aksi XLSX (when LibreOffice is
//! installed; Debian: libreoffice-calc) with the ratio to our Rencana Aksi PDF.
//!
//! Times are wall-clock on whatever machine runs it; compare within one run.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod child;
use child::{field, status_bytes};

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::Level;
use renja_core::generate::{GenerateSpec, generate};
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::report::{ReportFormat, ReportKind, ReportRequest};
use renja_core::{NewPlan, OpenMode, Plan, SystemClock, TahapanId, Template};

const RUNS: usize = 7;
/// Fewer runs at 1,000 tahapan, where one report takes seconds.
const RUNS_BIG: usize = 3;
const EVIDENCE: usize = 300;

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn seed_plan(dir: &Path) -> Plan {
    let mut plan = Plan::create(
        &dir.join("bench.renjarb"),
        NewPlan {
            template: Template::Seed,
            tahun: 2023,
        },
        false,
        Arc::new(SystemClock),
    )
    .expect("create");
    let tahapan: Vec<TahapanId> = plan
        .grid()
        .expect("grid")
        .rows
        .into_iter()
        .filter(|r| r.level == Level::Tahapan)
        .map(|r| TahapanId(r.id))
        .collect();
    for (i, t) in tahapan.iter().enumerate() {
        let start = (i % 10) as u16;
        plan.set_bulan(*t, 0b111 << start).expect("schedule");
        for bulan in 1..=3u8 {
            plan.set_realisasi(
                *t,
                bulan,
                &RealisasiInput {
                    status: if (i + bulan as usize).is_multiple_of(3) {
                        Status::DalamProses
                    } else {
                        Status::Selesai
                    },
                    persen: 80,
                    catatan: "Rapat koordinasi dan penyusunan dokumen".into(),
                    kendala: if i.is_multiple_of(4) {
                        "Jadwal narasumber bergeser".into()
                    } else {
                        String::new()
                    },
                    tindak_lanjut: String::new(),
                },
            )
            .expect("realisasi");
        }
    }
    for n in 0..EVIDENCE {
        let file = dir.join(format!("bukti-{n:03}.pdf"));
        std::fs::write(&file, format!("%PDF-1.4 bukti {n}\n").repeat(200)).expect("write");
        plan.add_bukti(
            tahapan[n % tahapan.len()],
            &BuktiInput {
                judul: format!("Notulen rapat koordinasi Pokja ke-{n}"),
                jenis: Jenis::Notulen,
                nomor: format!("005/{n}/DISBUN"),
                tanggal: format!("2023-{:02}-{:02}", n % 3 + 1, n % 28 + 1),
                keterangan: String::new(),
                bulan: 1 << (n % 3),
            },
            &[file],
        )
        .expect("evidence");
    }
    plan
}

/// How the children are told what to do: the job, the plan, the report kind.
const CHILD: &str = "RENJA_BENCH_CHILD";
const PLAN: &str = "RENJA_BENCH_PLAN";
const KIND: &str = "RENJA_BENCH_KIND";
const MIB: f64 = 1024.0 * 1024.0;

/// Fields of `/proc/self/stat` after the command name, as clock ticks.
fn stat_ticks(fields: &[usize]) -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat");
    let rest: Vec<&str> = stat
        .rsplit_once(')')
        .expect("stat")
        .1
        .split_whitespace()
        .collect();
    fields
        .iter()
        .map(|&i| rest[i].parse::<u64>().expect("ticks"))
        .sum()
}

/// CPU time (user + system) of this process, all threads, in clock ticks (1/100 s on Linux).
fn cpu_ticks() -> u64 {
    stat_ticks(&[11, 12])
}

/// CPU time of the children this process has waited for, in clock ticks.
fn children_cpu_ticks() -> u64 {
    stat_ticks(&[13, 14])
}

fn ticks_ms(ticks: u64) -> f64 {
    ticks as f64 * 10.0
}

/// The request each report kind is measured with: March for the monthly ones, the first
/// quarter for the Triwulan.
fn request(kind: ReportKind) -> ReportRequest {
    ReportRequest {
        bulan: matches!(kind, ReportKind::Bulanan | ReportKind::Ringkasan).then_some(3),
        triwulan: (kind == ReportKind::Triwulan).then_some(1),
        ..ReportRequest::new(kind)
    }
}

fn kind_label(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::RencanaAksi => "Rencana Aksi",
        ReportKind::Bulanan => "Laporan Monev Bulanan",
        ReportKind::Triwulan => "Laporan Monev Triwulan",
        ReportKind::Tahunan => "Laporan Monev Tahunan",
        ReportKind::Bukti => "Daftar Bukti Dukung",
        ReportKind::Ringkasan => "Ringkasan Capaian",
        ReportKind::LaporanTahunan => "Laporan Tahunan dokumen",
    }
}

/// The child side: open the plan, write one PDF report, report its wall and CPU time and the
/// process's peak memory.
fn child() {
    let plan_path = std::env::var_os(PLAN).expect(PLAN);
    let code = std::env::var(KIND).expect(KIND);
    let kind = ReportKind::ALL
        .into_iter()
        .find(|k| k.code() == code)
        .expect("kind");
    let plan = Plan::open(
        Path::new(&plan_path),
        OpenMode::ReadOnly,
        Arc::new(SystemClock),
    )
    .expect("open");
    let req = request(kind);
    let cpu = cpu_ticks();
    let t = Instant::now();
    let pdf = plan.report_pdf(&req).expect("pdf");
    let took = t.elapsed();
    let cpu = cpu_ticks() - cpu;
    println!(
        "child us={} cpu_ticks={cpu} hwm={} bytes={}",
        took.as_micros(),
        status_bytes("VmHWM"),
        pdf.len()
    );
}

/// One report written by a fresh process: (wall, CPU ms, peak MiB).
fn in_child(plan: &Path, kind: ReportKind) -> (Duration, f64, f64) {
    let out = Command::new(std::env::current_exe().expect("current_exe"))
        .env(CHILD, "report")
        .env(PLAN, plan)
        .env(KIND, kind.code())
        .output()
        .expect("run child");
    assert!(
        out.status.success(),
        "child {} failed: {}",
        kind.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let line = stdout
        .lines()
        .find(|l| l.starts_with("child "))
        .expect("child report");
    (
        Duration::from_micros(field(line, "us")),
        ticks_ms(field(line, "cpu_ticks")),
        field(line, "hwm") as f64 / MIB,
    )
}

/// In this process: the first call and the median of `runs` more, and the output's size.
fn time(runs: usize, mut f: impl FnMut() -> Vec<u8>) -> (Duration, Duration, usize) {
    let t = Instant::now();
    let bytes = f();
    let first = t.elapsed();
    let times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    (first, median(times), bytes.len())
}

fn print_time(label: &str, (first, median, bytes): (Duration, Duration, usize)) {
    println!(
        "  {label:<34} first {:>7.1} ms   median {:>7.1} ms   {:>6} KB",
        ms(first),
        ms(median),
        bytes / 1024
    );
}

/// `libreoffice --convert-to pdf` of our Rencana Aksi XLSX, three times: the median wall time
/// and the median CPU time (of the LibreOffice processes), or None without LibreOffice.
fn libreoffice(plan: &Plan, dir: &Path) -> Option<(Duration, f64)> {
    let soffice = ["libreoffice", "soffice"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok());
    let Some(soffice) = soffice else {
        println!("  libreoffice --convert-to pdf       (LibreOffice not installed)");
        return None;
    };
    let xlsx = dir.join("Rencana Aksi.xlsx");
    plan.write_report(
        &ReportRequest::new(ReportKind::RencanaAksi),
        ReportFormat::Xlsx,
        &xlsx,
    )
    .expect("xlsx");
    let profile = dir.join("lo-profile");
    let runs: Vec<(Duration, u64)> = (0..3)
        .map(|_| {
            let cpu = children_cpu_ticks();
            let t = Instant::now();
            let out = Command::new(soffice)
                .arg(format!(
                    "-env:UserInstallation=file://{}",
                    profile.display()
                ))
                .args(["--headless", "--convert-to", "pdf", "--outdir"])
                .arg(dir)
                .arg(&xlsx)
                .output()
                .expect("libreoffice");
            let took = t.elapsed();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            (took, children_cpu_ticks() - cpu)
        })
        .collect();
    let wall = median(runs.iter().map(|r| r.0).collect());
    let mut cpu: Vec<u64> = runs.iter().map(|r| r.1).collect();
    cpu.sort();
    let cpu = ticks_ms(cpu[cpu.len() / 2]);
    println!(
        "  {:<34} first {:>7.1} ms   median {:>7.1} ms   cpu {cpu:>7.0} ms",
        "libreoffice --convert-to pdf (RA)",
        ms(runs[0].0),
        ms(wall)
    );
    Some((wall, cpu))
}

/// Every measurement for one plan.
fn bench_plan(title: &str, path: &Path, runs: usize, dir: &Path) {
    println!();
    println!("{title}");
    println!("  PDF, first call in a fresh process (wall, CPU, process peak memory):");
    let mut ra_child = None;
    for kind in ReportKind::ALL {
        let (wall, cpu, peak) = in_child(path, kind);
        println!(
            "  {:<34} wall {:>7.1} ms   cpu {cpu:>7.0} ms   peak {peak:>6.1} MiB",
            kind_label(kind),
            ms(wall)
        );
        if kind == ReportKind::RencanaAksi {
            ra_child = Some((wall, cpu));
        }
    }
    let plan = Plan::open(path, OpenMode::ReadOnly, Arc::new(SystemClock)).expect("open");
    println!("  PDF in this process (the engine is built by the first report):");
    let mut ra_median = Duration::ZERO;
    for kind in ReportKind::ALL {
        let req = request(kind);
        let measured = time(runs, || plan.report_pdf(&req).expect("pdf"));
        if kind == ReportKind::RencanaAksi {
            ra_median = measured.1;
        }
        print_time(&format!("{} PDF", kind_label(kind)), measured);
    }
    let dokumen = request(ReportKind::LaporanTahunan);
    let docx = dir.join("dokumen.docx");
    print_time(
        "Laporan Tahunan dokumen DOCX",
        time(runs, || {
            plan.write_report(&dokumen, ReportFormat::Docx, &docx)
                .expect("docx");
            std::fs::read(&docx).expect("read docx")
        }),
    );
    for kind in [
        ReportKind::RencanaAksi,
        ReportKind::Bulanan,
        ReportKind::Bukti,
    ] {
        let req = request(kind);
        print_time(
            &format!("{} XLSX", kind_label(kind)),
            time(runs, || plan.report_xlsx(&req).expect("xlsx")),
        );
    }
    if let (Some((lo_wall, lo_cpu)), Some((ra_wall, ra_cpu))) = (libreoffice(&plan, dir), ra_child)
    {
        println!(
            "  Rencana Aksi PDF vs LibreOffice: {:.1}x faster (in-process median), {:.1}x (fresh process), {:.1}x by CPU time (fresh process)",
            lo_wall.as_secs_f64() / ra_median.as_secs_f64(),
            lo_wall.as_secs_f64() / ra_wall.as_secs_f64(),
            lo_cpu / ra_cpu.max(1.0)
        );
    }
}

fn main() {
    if std::env::var(CHILD).is_ok() {
        child();
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let t = Instant::now();
    let seed = seed_plan(dir.path());
    seed.close().expect("close");
    println!(
        "seed plan with {EVIDENCE} evidence items made in {:.0} ms",
        ms(t.elapsed())
    );
    let big = dir.path().join("besar.renjarb");
    let t = Instant::now();
    let spec = GenerateSpec {
        tahapan: 1000,
        tahun: 2023,
        seed: 1,
        evidence: EVIDENCE as u32,
        evidence_bytes: 2000,
        realisasi: 3,
    };
    generate(&big, &spec, true, Arc::new(SystemClock))
        .expect("generate")
        .close()
        .expect("close");
    println!(
        "plan of 1,000 tahapan with {EVIDENCE} evidence items made in {:.0} ms",
        ms(t.elapsed())
    );
    bench_plan(
        "Seed plan, 106 tahapan",
        &dir.path().join("bench.renjarb"),
        RUNS,
        dir.path(),
    );
    bench_plan("Generated plan, 1,000 tahapan", &big, RUNS_BIG, dir.path());
}

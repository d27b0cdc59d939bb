//! Evidence (bukti dukung) at scale. `cargo bench -p renja-core --bench evidence` prints:
//!
//! (a) attaching one 50 MiB file to a fresh seed plan (`Plan::add_bukti`): wall time and the
//!     peak memory of the process doing it. Each attach runs in a fresh child process (this
//!     binary again, with `RENJA_BENCH_CHILD=attach`) that reads `VmHWM` from
//!     `/proc/self/status` before and after, so the growth of the peak is the attach's own.
//!     Streaming should keep the growth at a few MiB, far below the file size.
//! (c) attaching one 300 MiB file (the largest allowed) in this process, with
//!     `Plan::add_bukti` and with `Plan::add_bukti_reporting` and a callback that throttles
//!     like the desktop shell's, alternating, each on a fresh plan: what the progress bar
//!     costs.
//! (b) a ~1 GB plan (1000 tahapan, 5000 pieces of evidence of 200 000 bytes) made by
//!     `generate` (in a child too, for its peak memory), then the first screen: open +
//!     overview + grid, and the listing of all evidence. Skipped with `RENJA_BENCH_QUICK=1`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod child;
use child::{field, status_bytes};

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::Level;
use renja_core::generate::{GenerateSpec, generate};
use renja_core::{NewPlan, OpenMode, Plan, SystemClock, TahapanId, Template};

const CHILD: &str = "RENJA_BENCH_CHILD";
const PLAN: &str = "RENJA_BENCH_PLAN";
const FILE: &str = "RENJA_BENCH_FILE";
const MIB: u64 = 1024 * 1024;
const ATTACH_BYTES: u64 = 50 * MIB;
const RUNS_ATTACH: usize = 3;
const RUNS_SCREEN: usize = 5;

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / MIB as f64
}

/// `size` distinct pseudo-random bytes (splitmix64), written in 1 MiB chunks.
fn write_random_file(path: &Path, size: u64, seed: u64) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    let mut state = seed;
    let mut buf = vec![0u8; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = buf.len().min(left as usize);
        for piece in buf[..n].chunks_mut(8) {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            piece.copy_from_slice(&z.to_le_bytes()[..piece.len()]);
        }
        file.write_all(&buf[..n]).expect("write");
        left -= n as u64;
    }
    file.into_inner().expect("flush").sync_all().expect("sync");
}

fn run_child(job: &str, plan: &Path, file: Option<&Path>) -> String {
    let mut cmd = Command::new(std::env::current_exe().expect("current_exe"));
    cmd.env(CHILD, job).env(PLAN, plan);
    if let Some(file) = file {
        cmd.env(FILE, file);
    }
    let out = cmd.output().expect("run child");
    assert!(
        out.status.success(),
        "child {job} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .find(|l| l.starts_with("child "))
        .expect("child report")
        .to_owned()
}

/// The child side: do one job and report its time and the peak memory before and after.
fn child(job: &str) {
    let plan_path = PathBuf::from(std::env::var_os(PLAN).expect(PLAN));
    match job {
        "attach" => {
            let file = PathBuf::from(std::env::var_os(FILE).expect(FILE));
            let mut plan =
                Plan::open(&plan_path, OpenMode::Edit, Arc::new(SystemClock)).expect("open");
            let tahapan = plan
                .grid()
                .expect("grid")
                .rows
                .iter()
                .find(|r| r.level == Level::Tahapan)
                .map(|r| TahapanId(r.id))
                .expect("a tahapan");
            let input = BuktiInput {
                judul: "Laporan uji berkas besar".into(),
                jenis: Jenis::Laporan,
                nomor: "800/1/UJI/2026".into(),
                tanggal: "2026-03-01".into(),
                keterangan: String::new(),
                bulan: 1 << 2,
            };
            let before = status_bytes("VmHWM");
            let t = Instant::now();
            plan.add_bukti(tahapan, &input, &[file]).expect("add_bukti");
            let took = t.elapsed();
            let after = status_bytes("VmHWM");
            plan.close().expect("close");
            println!(
                "child hwm_before={before} hwm_after={after} us={}",
                took.as_micros()
            );
        }
        "generate" => {
            let spec = GenerateSpec {
                tahapan: 1000,
                tahun: 2026,
                seed: 7,
                evidence: 5000,
                evidence_bytes: 200_000,
                realisasi: 0,
            };
            let before = status_bytes("VmHWM");
            let t = Instant::now();
            let plan = generate(&plan_path, &spec, true, Arc::new(SystemClock)).expect("generate");
            plan.close().expect("close");
            let took = t.elapsed();
            let after = status_bytes("VmHWM");
            println!(
                "child hwm_before={before} hwm_after={after} us={}",
                took.as_micros()
            );
        }
        other => panic!("unknown child job {other}"),
    }
}

fn attach_bench(dir: &Path) {
    println!(
        "(a) Plan::add_bukti with one file of {:.0} MiB, fresh seed plan, fresh process per run",
        mib(ATTACH_BYTES)
    );
    let file = dir.join("besar.pdf");
    write_random_file(&file, ATTACH_BYTES, 0x5EED);
    println!(
        "{:>4} {:>10} {:>14} {:>14} {:>14} {:>10}",
        "run", "attach ms", "peak base MiB", "peak MiB", "growth MiB", "growth/size"
    );
    let (mut times, mut growths, mut peaks) = (Vec::new(), Vec::new(), Vec::new());
    for run in 1..=RUNS_ATTACH {
        let plan = dir.join(format!("attach-{run}.renjarb"));
        let new = NewPlan {
            template: Template::Seed,
            tahun: 2026,
        };
        Plan::create(&plan, new, true, Arc::new(SystemClock))
            .expect("create")
            .close()
            .expect("close");
        let line = run_child("attach", &plan, Some(&file));
        let (before, after) = (field(&line, "hwm_before"), field(&line, "hwm_after"));
        let took = Duration::from_micros(field(&line, "us"));
        let growth = after.saturating_sub(before);
        println!(
            "{run:>4} {:>10.1} {:>14.1} {:>14.1} {:>14.1} {:>10.3}",
            ms(took),
            mib(before),
            mib(after),
            mib(growth),
            growth as f64 / ATTACH_BYTES as f64
        );
        times.push(took);
        growths.push(growth);
        peaks.push(after);
        let _ = std::fs::remove_file(&plan);
    }
    let growth = growths.iter().copied().max().unwrap_or(0);
    println!(
        "     median attach {:.1} ms ({:.0} MiB/s); max peak RSS {:.1} MiB; max growth {:.1} MiB \
         = {:.3}x the file (goal < 2x): {}",
        ms(median(times.clone())),
        mib(ATTACH_BYTES) / median(times).as_secs_f64(),
        mib(peaks.iter().copied().max().unwrap_or(0)),
        mib(growth),
        growth as f64 / ATTACH_BYTES as f64,
        if growth < 2 * ATTACH_BYTES {
            "OK"
        } else {
            "TOO MUCH"
        }
    );
    let _ = std::fs::remove_file(&file);
}

const PROGRESS_BYTES: u64 = 300 * MIB;
const RUNS_PROGRESS: usize = 5;

fn progress_bench(dir: &Path) {
    println!();
    println!(
        "(c) one file of {:.0} MiB: add_bukti vs add_bukti_reporting (callback throttled to \
         100 ms like the shell), fresh seed plan per run, alternating",
        mib(PROGRESS_BYTES)
    );
    let file = dir.join("video.mp4");
    write_random_file(&file, PROGRESS_BYTES, 0xB16);
    let input = BuktiInput {
        judul: "Video sosialisasi".into(),
        jenis: Jenis::Lainnya,
        nomor: String::new(),
        tanggal: String::new(),
        keterangan: String::new(),
        bulan: 1,
    };
    let files = [file.clone()];
    let (mut plain, mut reporting) = (Vec::new(), Vec::new());
    let mut calls = 0u64;
    let mut emitted = 0u64;
    for run in 1..=RUNS_PROGRESS {
        for with_callback in [false, true] {
            let path = dir.join(format!("progress-{run}-{with_callback}.renjarb"));
            let new = NewPlan {
                template: Template::Seed,
                tahun: 2026,
            };
            let mut plan = Plan::create(&path, new, true, Arc::new(SystemClock)).expect("create");
            let tahapan = plan
                .grid()
                .expect("grid")
                .rows
                .iter()
                .find(|r| r.level == Level::Tahapan)
                .map(|r| TahapanId(r.id))
                .expect("a tahapan");
            let t = Instant::now();
            if with_callback {
                let mut last: Option<Instant> = None;
                let mut report = |p: renja_core::bukti::BuktiProgress| {
                    calls += 1;
                    if p.done >= p.total
                        || last.is_none_or(|t| t.elapsed() >= Duration::from_millis(100))
                    {
                        last = Some(Instant::now());
                        emitted += 1;
                        std::hint::black_box(p);
                    }
                };
                plan.add_bukti_reporting(tahapan, &input, &[], &files, &mut report)
                    .expect("add_bukti_reporting");
                reporting.push(t.elapsed());
            } else {
                plan.add_bukti(tahapan, &input, &files).expect("add_bukti");
                plain.push(t.elapsed());
            }
            plan.close().expect("close");
            let _ = std::fs::remove_file(&path);
        }
    }
    let show = |xs: &[Duration]| {
        xs.iter()
            .map(|d| format!("{:.0}", ms(*d)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("     add_bukti           ms: {}", show(&plain));
    println!("     add_bukti_reporting ms: {}", show(&reporting));
    let (a, b) = (median(plain), median(reporting));
    println!(
        "     medians {:.0} ms vs {:.0} ms ({:+.1}%); {} callbacks per attach, {} of them \
         passed the 100 ms throttle",
        ms(a),
        ms(b),
        (b.as_secs_f64() / a.as_secs_f64() - 1.0) * 100.0,
        calls / RUNS_PROGRESS as u64,
        emitted / RUNS_PROGRESS as u64
    );
    let _ = std::fs::remove_file(&file);
}

fn big_plan_bench(dir: &Path) {
    println!();
    println!(
        "(b) generate --tahapan 1000 --evidence 5000 --evidence-bytes 200000, then first screen"
    );
    let path = dir.join("besar.renjarb");
    let line = run_child("generate", &path, None);
    let took = Duration::from_micros(field(&line, "us"));
    let (before, after) = (field(&line, "hwm_before"), field(&line, "hwm_after"));
    let size = std::fs::metadata(&path).expect("metadata").len();
    println!(
        "     generate {:.1} s; file {:.1} MiB ({size} bytes); generator peak RSS {:.1} MiB \
         (+{:.1} MiB over its start)",
        took.as_secs_f64(),
        mib(size),
        mib(after),
        mib(after.saturating_sub(before))
    );
    let (mut open, mut overview, mut grid, mut screen, mut list) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut listed = 0;
    for _ in 0..RUNS_SCREEN {
        let t0 = Instant::now();
        let plan = Plan::open(&path, OpenMode::Edit, Arc::new(SystemClock)).expect("open");
        let t1 = Instant::now();
        std::hint::black_box(plan.overview().expect("overview"));
        let t2 = Instant::now();
        std::hint::black_box(plan.grid().expect("grid"));
        let t3 = Instant::now();
        let all = plan.bukti(None).expect("bukti");
        let t4 = Instant::now();
        listed = all.len();
        open.push(t1 - t0);
        overview.push(t2 - t1);
        grid.push(t3 - t2);
        screen.push(t3 - t0);
        list.push(t4 - t3);
        plan.close().expect("close");
    }
    println!(
        "{:>10} {:>12} {:>10} {:>16} {:>20}",
        "open ms", "overview ms", "grid ms", "first screen ms", "bukti(None) ms"
    );
    let screen = median(screen);
    println!(
        "{:>10.2} {:>12.2} {:>10.2} {:>16.2} {:>20.2}",
        ms(median(open)),
        ms(median(overview)),
        ms(median(grid)),
        ms(screen),
        ms(median(list))
    );
    println!(
        "     medians of {RUNS_SCREEN}; bukti(None) listed {listed} pieces; first screen goal < 300 ms: {}",
        if screen < Duration::from_millis(300) {
            "OK"
        } else {
            "TOO SLOW"
        }
    );
}

fn main() {
    if let Ok(job) = std::env::var(CHILD) {
        child(&job);
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    attach_bench(dir.path());
    progress_bench(dir.path());
    if std::env::var("RENJA_BENCH_QUICK").is_ok_and(|v| v == "1") {
        println!();
        println!("(b) skipped: RENJA_BENCH_QUICK=1");
    } else {
        big_plan_bench(dir.path());
    }
    dir.close().expect("remove the temporary folder");
}

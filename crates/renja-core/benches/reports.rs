//! Reports at the size of a real year. `cargo bench -p renja-core --bench reports` prints, for
//! the seed plan (106 tahapan, months scheduled, three months of realisasi) with 300 pieces
//! of evidence:
//!
//! - the Rencana Aksi and the Laporan Monev Bulanan as PDF (typst, in-process), the first
//!   call (which also parses the embedded fonts) and the median of the next runs;
//! - the same two and the Daftar Bukti Dukung as XLSX, and the Daftar Bukti Dukung as PDF;
//! - the Laporan Tahunan as a whole document (cover, daftar isi, BAB I–V with narrative,
//!   Rencana Aksi and Daftar Bukti Dukung as lampiran) as PDF and DOCX, with their sizes;
//! - side by side, as the yardstick users know: `libreoffice --headless --convert-to pdf` of
//!   our own Rencana Aksi XLSX, when LibreOffice is installed (Debian: libreoffice-calc).
//!
//! Times are wall-clock on whatever machine runs it; compare within one run.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::Level;
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::report::{ReportFormat, ReportKind, ReportRequest};
use renja_core::{NewPlan, Plan, SystemClock, TahapanId, Template};

const RUNS: usize = 7;
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

fn time(label: &str, mut f: impl FnMut() -> Vec<u8>) {
    let t = Instant::now();
    let bytes = f();
    let first = t.elapsed();
    let runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    println!(
        "{label:<38} first {:>7.1} ms   median {:>7.1} ms   {:>6} KB",
        ms(first),
        ms(median(runs)),
        bytes.len() / 1024
    );
}

fn libreoffice(plan: &Plan, dir: &Path) {
    let soffice = ["libreoffice", "soffice"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok());
    let Some(soffice) = soffice else {
        println!("libreoffice --convert-to pdf                 (LibreOffice not installed)");
        return;
    };
    let xlsx = dir.join("Rencana Aksi.xlsx");
    plan.write_report(
        &ReportRequest::new(ReportKind::RencanaAksi),
        ReportFormat::Xlsx,
        &xlsx,
    )
    .expect("xlsx");
    let profile = dir.join("lo-profile");
    let runs: Vec<Duration> = (0..3)
        .map(|_| {
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
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            t.elapsed()
        })
        .collect();
    println!(
        "{:<38} first {:>7.1} ms   median {:>7.1} ms",
        "libreoffice --convert-to pdf (RA xlsx)",
        ms(runs[0]),
        ms(median(runs))
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = Instant::now();
    let plan = seed_plan(dir.path());
    println!(
        "seed plan with {EVIDENCE} evidence items made in {:.0} ms",
        ms(t.elapsed())
    );
    let ra = ReportRequest::new(ReportKind::RencanaAksi);
    let bulanan = ReportRequest {
        bulan: Some(3),
        ..ReportRequest::new(ReportKind::Bulanan)
    };
    let bukti = ReportRequest::new(ReportKind::Bukti);
    time("Rencana Aksi PDF", || plan.report_pdf(&ra).expect("pdf"));
    time("Laporan Monev Bulanan PDF", || {
        plan.report_pdf(&bulanan).expect("pdf")
    });
    time("Daftar Bukti Dukung PDF (300)", || {
        plan.report_pdf(&bukti).expect("pdf")
    });
    let dokumen = ReportRequest::new(ReportKind::LaporanTahunan);
    time("Laporan Tahunan dokumen PDF", || {
        plan.report_pdf(&dokumen).expect("pdf")
    });
    let docx = dir.path().join("dokumen.docx");
    time("Laporan Tahunan dokumen DOCX", || {
        plan.write_report(&dokumen, ReportFormat::Docx, &docx)
            .expect("docx");
        std::fs::read(&docx).expect("read docx")
    });
    time("Rencana Aksi XLSX", || plan.report_xlsx(&ra).expect("xlsx"));
    time("Laporan Monev Bulanan XLSX", || {
        plan.report_xlsx(&bulanan).expect("xlsx")
    });
    time("Daftar Bukti Dukung XLSX (300)", || {
        plan.report_xlsx(&bukti).expect("xlsx")
    });
    libreoffice(&plan, dir.path());
}

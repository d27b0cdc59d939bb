//! Reports read back: the data each template receives (snapshots), the PDF text through
//! pdftotext (every tahapan of the seed in the Rencana Aksi, in order, none split across
//! pages), paper sizes through pdfinfo, the logo, hostile text, and refusals. Pages are also
//! rendered to PNG under `target/report-pages/` to be looked at.

use std::path::{Path, PathBuf};
use std::process::Command;

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::{Edit, Level};
use renja_core::model::CatatanTahunan;
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::report::{Kertas, PaketRequest, ReportFormat, ReportKind, ReportRequest};
use renja_core::{ErrorKind, NewPlan, Plan, TahapanId, Template};

use crate::common::tempdir;

pub const HOSTILE: &str =
    "Rapat #pagebreak() *tebal* $x^2$ <script>alert(1)</script> \"kutip\" \\ garis";

/// The seed plan for 2023 with months scheduled, progress recorded for March and evidence.
pub fn sample_plan(dir: &Path) -> Plan {
    let mut plan = Plan::create(
        &dir.join("laporan.renjarb"),
        NewPlan {
            template: Template::Seed,
            tahun: 2023,
        },
        false,
        crate::common::clock(),
    )
    .expect("create");
    let tahapan = tahapan_ids(&plan);
    for (i, t) in tahapan.iter().enumerate() {
        // Two or three months each, spread over the year.
        let start = (i % 11) as u16;
        let mask = (0b11 << start)
            | if i.is_multiple_of(3) {
                1 << ((start + 4) % 12)
            } else {
                0
            };
        plan.apply(Edit::SetBulan {
            id: *t,
            bulan: mask & 0x0FFF,
        })
        .expect("schedule");
    }
    // Program 1's first three tahapan are scheduled in January and February (i = 0, 1 start
    // at bit 0 and 1); record February.
    let record = |status, persen, kendala: &str, tindak: &str| RealisasiInput {
        status,
        persen,
        catatan: "Rapat koordinasi Pokja".into(),
        kendala: kendala.into(),
        tindak_lanjut: tindak.into(),
    };
    plan.set_realisasi(tahapan[0], 2, &record(Status::Selesai, 100, "", ""))
        .expect("done");
    plan.set_realisasi(
        tahapan[1],
        2,
        &record(
            Status::DalamProses,
            60,
            "Anggota tim belum lengkap",
            "Surat ke Sekretariat",
        ),
    )
    .expect("in progress");
    plan.set_realisasi(
        tahapan[2],
        3,
        &record(
            Status::TidakTerlaksana,
            0,
            "Anggaran belum tersedia",
            "Diusulkan pada APBD-P",
        ),
    )
    .expect("not done");
    plan.set_realisasi(tahapan[5], 2, &record(Status::Selesai, 100, "", ""))
        .expect("outside the schedule");
    let file = dir.join("SK Tim RB.pdf");
    std::fs::write(&file, b"%PDF-1.4 contoh bukti dukung untuk laporan\n").expect("write");
    plan.add_bukti(
        tahapan[0],
        &BuktiInput {
            judul: "SK Tim Reformasi Birokrasi".into(),
            jenis: Jenis::Sk,
            nomor: "800/123/DISBUN".into(),
            tanggal: "2023-02-10".into(),
            keterangan: "Ditandatangani Kepala Dinas".into(),
            bulan: 0b10,
        },
        &[file],
    )
    .expect("evidence");
    plan.apply(Edit::RenameNode {
        level: Level::Tahapan,
        id: tahapan[3].0,
        nama: HOSTILE.into(),
    })
    .expect("rename");
    plan.set_catatan_tahunan(&CatatanTahunan {
        kesimpulan: "Pelaksanaan RB berjalan baik.\nSebagian tahapan terlambat.".into(),
        rekomendasi: "Percepat penyusunan SOP.".into(),
    })
    .expect("catatan");
    plan
}

pub fn tahapan_ids(plan: &Plan) -> Vec<TahapanId> {
    plan.grid()
        .expect("grid")
        .rows
        .into_iter()
        .filter(|r| r.level == Level::Tahapan)
        .map(|r| TahapanId(r.id))
        .collect()
}

fn request(kind: ReportKind) -> ReportRequest {
    ReportRequest {
        bulan: (kind == ReportKind::Bulanan).then_some(2),
        triwulan: (kind == ReportKind::Triwulan).then_some(1),
        tanggal: Some("2023-03-06".into()),
        ..ReportRequest::new(kind)
    }
}

fn pages_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/report-pages");
    std::fs::create_dir_all(&dir).expect("pages dir");
    dir
}

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e} (poppler-utils installed?)"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// pdftotext in content order; `page` limits it to one page.
pub fn pdf_text(pdf: &Path, page: Option<u32>) -> String {
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-raw").arg("-enc").arg("UTF-8");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    run(cmd.arg(pdf).arg("-"))
}

fn pdf_pages(pdf: &Path) -> u32 {
    run(Command::new("pdfinfo").arg(pdf))
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

fn page_size(pdf: &Path) -> (f64, f64) {
    let info = run(Command::new("pdfinfo").arg(pdf));
    let line = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("page size");
    let nums: Vec<f64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (nums[0], nums[1])
}

/// Text without any whitespace, for matching cells that wrap over several lines.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

pub fn write_pdf(plan: &Plan, req: &ReportRequest, name: &str) -> PathBuf {
    let path = pages_dir().join(format!("{name}.pdf"));
    plan.write_report(req, ReportFormat::Pdf, &path)
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    path
}

/// Render the first pages to PNG for looking at (not asserted).
pub fn render_pages(pdf: &Path, name: &str, pages: u32) {
    let prefix = pages_dir().join(name);
    run(Command::new("pdftoppm")
        .args(["-r", "70", "-png", "-l", &pages.to_string()])
        .arg(pdf)
        .arg(&prefix));
}

fn snapshot(name: &str, value: &serde_json::Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/plan/snapshots")
        .join(format!("{name}.json"));
    let text = serde_json::to_string_pretty(value).expect("json") + "\n";
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
        std::fs::write(&path, &text).expect("write snapshot");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed, text,
        "report data for {name} changed: review, then UPDATE_SNAPSHOTS=1 cargo test --workspace --test plan report"
    );
}

#[test]
fn the_data_each_template_receives_is_snapshotted() {
    let dir = tempdir();
    let plan = sample_plan(dir.path());
    for kind in ReportKind::ALL {
        let mut req = request(kind);
        // One small program keeps the snapshots readable; the document holds the Rencana Aksi
        // and the Daftar Bukti whole.
        if matches!(kind, ReportKind::RencanaAksi | ReportKind::LaporanTahunan) {
            req.program = Some(2);
        }
        let data = plan.report_data(&req).expect("data");
        snapshot(
            &format!("report-{}", kind.code()),
            &serde_json::to_value(&data).expect("json"),
        );
    }
}

#[test]
fn rencana_aksi_pdf_holds_every_seed_tahapan_in_order_none_split() {
    let dir = tempdir();
    let plan = sample_plan(dir.path());
    let pdf = write_pdf(&plan, &request(ReportKind::RencanaAksi), "rencana-aksi-a4");
    let text = squash(&pdf_text(&pdf, None));
    let dump = plan.dump().expect("dump");
    let names: Vec<String> = dump
        .programs
        .iter()
        .flat_map(|p| &p.outcomes)
        .flat_map(|o| &o.kegiatan)
        .flat_map(|k| &k.outputs)
        .flat_map(|o| &o.tahapan)
        .map(|t| t.nama.clone())
        .filter(|n| !n.is_empty())
        .collect();
    assert!(names.len() > 90, "{}", names.len());
    let mut at = 0;
    for name in &names {
        let found = text[at..]
            .find(&squash(name))
            .unwrap_or_else(|| panic!("tahapan {name:?} missing or out of order"));
        at += found + squash(name).len();
    }
    // Landscape A4, several pages, the header on every page, no tahapan cut by a page break.
    let (w, h) = page_size(&pdf);
    assert!(
        (w - 841.89).abs() < 1.0 && (h - 595.28).abs() < 1.0,
        "{w} x {h}"
    );
    let pages = pdf_pages(&pdf);
    assert!(pages >= 5, "{pages} pages");
    let per_page: Vec<String> = (1..=pages)
        .map(|p| squash(&pdf_text(&pdf, Some(p))))
        .collect();
    for (i, page) in per_page.iter().enumerate() {
        assert!(page.contains("TahapanKerja"), "header on page {}", i + 1);
        assert!(
            page.contains(&format!("Halaman{}dari{pages}", i + 1)),
            "page number on page {}",
            i + 1
        );
    }
    for name in &names {
        let n = squash(name);
        assert!(
            per_page.iter().any(|p| p.contains(&n)),
            "tahapan {name:?} is split across pages"
        );
    }
    // The letterhead, the decree's signatory and hostile text printed as text.
    let first = &per_page[0];
    assert!(first.contains("PEMERINTAHKABUPATENKUTAIKARTANEGARA"));
    assert!(first.contains("RENCANAAKSIREFORMASIBIROKRASI"));
    assert!(
        text.contains(&squash(HOSTILE)),
        "hostile name printed literally"
    );
    assert!(text.contains("KutaiKartanegara,6Maret2023"));
    render_pages(&pdf, "rencana-aksi-a4", 3);
}

#[test]
fn monev_bulanan_reports_capaian_kendala_and_evidence() {
    let dir = tempdir();
    let plan = sample_plan(dir.path());
    let pdf = write_pdf(&plan, &request(ReportKind::Bulanan), "monev-bulanan");
    let text = pdf_text(&pdf, None);
    let flat = squash(&text);
    for needle in [
        "LAPORANMONITORINGDANEVALUASIBULANAN",
        "PERIODEFEBRUARI2023",
        "Tercapai",
        "Tidaktercapai",
        "Diluarjadwal",
        "Selesai(100%)",
        "Dalamproses(60%)",
        "Anggotatimbelumlengkap",
        "SuratkeSekretariat",
        "SKNo.800/123/DISBUN,10Februari2023:SKTimReformasiBirokrasi",
        "KetuaTimReformasiBirokrasi",
        "Halaman1dari",
    ] {
        assert!(flat.contains(needle), "{needle} missing from\n{text}");
    }
    render_pages(&pdf, "monev-bulanan", 3);
}

#[test]
fn triwulan_tahunan_and_daftar_bukti_render() {
    let dir = tempdir();
    let plan = sample_plan(dir.path());
    let tw = squash(&pdf_text(
        &write_pdf(&plan, &request(ReportKind::Triwulan), "monev-triwulan"),
        None,
    ));
    assert!(
        tw.contains("TriwulanI(Januari–Maret)2023".to_uppercase().as_str())
            || tw.contains("PERIODETRIWULANI(JANUARI–MARET)2023")
    );
    assert!(tw.contains("Feb:Dalamproses(60%)"), "{tw}");
    assert!(tw.contains("Mar:Tidakterlaksana"), "{tw}");
    let tahunan_pdf = write_pdf(&plan, &request(ReportKind::Tahunan), "monev-tahunan");
    let (w, h) = page_size(&tahunan_pdf);
    assert!(w < h, "the yearly report is portrait");
    let th = squash(&pdf_text(&tahunan_pdf, None));
    for needle in [
        "C.Kesimpulan",
        "PelaksanaanRBberjalanbaik.",
        "PercepatpenyusunanSOP.",
        "Anggaranbelumtersedia",
        "DiusulkanpadaAPBD-P",
    ] {
        assert!(th.contains(needle), "{needle} missing");
    }
    let bukti_pdf = write_pdf(&plan, &request(ReportKind::Bukti), "daftar-bukti");
    let db = squash(&pdf_text(&bukti_pdf, None));
    let sha = plan.bukti(None).expect("bukti")[0].berkas[0].sha256.clone();
    assert!(db.contains(&sha), "SHA-256 printed in full");
    assert!(
        db.contains("1.1.1.1"),
        "numbered by program, kegiatan, tahapan"
    );
    for name in ["monev-triwulan", "monev-tahunan", "daftar-bukti"] {
        render_pages(&pages_dir().join(format!("{name}.pdf")), name, 2);
    }
}

#[test]
fn f4_paper_and_one_program() {
    let dir = tempdir();
    let plan = sample_plan(dir.path());
    let req = ReportRequest {
        kertas: Kertas::F4,
        program: Some(7),
        ..request(ReportKind::RencanaAksi)
    };
    let pdf = write_pdf(&plan, &req, "rencana-aksi-f4-program-7");
    let (w, h) = page_size(&pdf);
    // 330 × 215 mm landscape.
    assert!(
        (w - 935.43).abs() < 1.0 && (h - 609.45).abs() < 1.0,
        "{w} x {h}"
    );
    let text = squash(&pdf_text(&pdf, None));
    assert!(text.contains("PROGRAM7.PENGUATANPENGAWASAN"));
    assert!(!text.contains("ManajemenPerubahan"), "only program 7");
    // The program runs over two pages; the second, whose No and Program cells are empty (a
    // merged cell is printed once), says which program continues there.
    assert_eq!(pdf_pages(&pdf), 2);
    let first = squash(&pdf_text(&pdf, Some(1)));
    let second = squash(&pdf_text(&pdf, Some(2)));
    assert!(!first.contains("Lanjutan"), "{first}");
    assert!(
        second.starts_with("LanjutanProgram7.PenguatanPengawasan"),
        "{second}"
    );
    render_pages(&pdf, "rencana-aksi-f4-program-7", 3);
}

#[test]
fn the_logo_goes_into_the_letterhead_and_bad_images_are_refused() {
    let dir = tempdir();
    let mut plan = sample_plan(dir.path());
    let png = std::fs::read(crate::common::fixture("logo.png")).expect("logo fixture");
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, &png).expect("write");
    let fake = dir.path().join("bukan-gambar.png");
    std::fs::write(&fake, "ini teks, bukan gambar").expect("write");
    let err = plan.set_logo(&fake).expect_err("not an image");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.message().contains("PNG atau JPEG"), "{}", err.message());
    let broken = dir.path().join("rusak.png");
    std::fs::write(&broken, &png[..png.len() / 2]).expect("write");
    let err = plan.set_logo(&broken).expect_err("broken image");
    assert!(err.message().contains("rusak"), "{}", err.message());
    let big = dir.path().join("besar.png");
    let mut bytes = png.to_vec();
    bytes.resize(3 * 1024 * 1024, 0);
    std::fs::write(&big, bytes).expect("write");
    assert!(
        plan.set_logo(&big)
            .expect_err("too big")
            .message()
            .contains("2 MB")
    );
    assert!(
        plan.logo().expect("logo").is_none(),
        "nothing stored by refusals"
    );

    plan.apply(Edit::SetLogo { file: logo }).expect("set logo");
    assert!(plan.overview().expect("overview").ada_logo);
    let pdf = write_pdf(&plan, &request(ReportKind::Bulanan), "monev-bulanan-logo");
    let images = run(Command::new("pdfimages").arg("-list").arg(&pdf));
    assert!(images.lines().count() > 2, "an image in the PDF:\n{images}");
    plan.apply(Edit::Undo).expect("undo");
    assert!(
        plan.logo().expect("logo").is_none(),
        "undo takes the logo back"
    );
}

#[test]
fn periods_and_programs_out_of_range_are_refused_in_indonesian() {
    let dir = tempdir();
    let plan = sample_plan(dir.path());
    let cases = [
        (ReportRequest::new(ReportKind::Bulanan), "Pilih bulan"),
        (
            ReportRequest {
                bulan: Some(13),
                ..ReportRequest::new(ReportKind::Bulanan)
            },
            "Pilih bulan",
        ),
        (
            ReportRequest {
                triwulan: Some(5),
                ..ReportRequest::new(ReportKind::Triwulan)
            },
            "Pilih triwulan",
        ),
        (
            ReportRequest {
                program: Some(99),
                ..ReportRequest::new(ReportKind::RencanaAksi)
            },
            "Program nomor 99 tidak ada",
        ),
        (
            ReportRequest {
                tanggal: Some("31-12-2023".into()),
                ..ReportRequest::new(ReportKind::RencanaAksi)
            },
            "Tanggal tanda tangan tidak valid",
        ),
    ];
    for (req, message) in cases {
        let err = plan.report_pdf(&req).expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Invalid);
        assert!(err.message().contains(message), "{}", err.message());
    }
    let dest = dir.path().join("tidak-ada").join("laporan.pdf");
    let err = plan
        .write_report(&request(ReportKind::RencanaAksi), ReportFormat::Pdf, &dest)
        .expect_err("missing folder");
    assert!(!dest.exists());
    assert!(!err.message().is_empty());
}

#[test]
fn file_names_name_the_report_period_and_agency() {
    let dir = tempdir();
    let plan = sample_plan(dir.path());
    let name = plan
        .report_file_name(&request(ReportKind::Bulanan), ReportFormat::Pdf)
        .expect("name");
    assert_eq!(
        name,
        "Laporan Monev Bulanan Februari 2023 - Dinas Perkebunan.pdf"
    );
    let name = plan
        .report_file_name(
            &ReportRequest {
                program: Some(3),
                ..request(ReportKind::Triwulan)
            },
            ReportFormat::Xlsx,
        )
        .expect("name");
    assert_eq!(
        name,
        "Laporan Monev Triwulan TW I 2023 - Program 3 - Dinas Perkebunan.xlsx"
    );
    let month = PaketRequest {
        bulan: Some(3),
        triwulan: None,
        program: Some(2),
    };
    assert_eq!(
        plan.paket_file_name(&month).expect("name"),
        "Paket Bukti Dukung Maret 2023 - Program 2 - Dinas Perkebunan.zip"
    );
}

#[test]
fn a_slash_in_the_agency_name_does_not_make_a_folder() {
    let dir = tempdir();
    let mut plan = sample_plan(dir.path());
    let mut identity = plan.identity().expect("identity");
    identity.instansi = "Dinas Pertanian/Peternakan".into();
    plan.set_identity(&identity).expect("identity");
    assert_eq!(
        plan.paket_file_name(&PaketRequest {
            triwulan: Some(4),
            ..PaketRequest::default()
        })
        .expect("name"),
        "Paket Bukti Dukung TW IV 2023 - Dinas Pertanian-Peternakan.zip"
    );
    assert_eq!(
        plan.report_file_name(&request(ReportKind::Tahunan), ReportFormat::Pdf)
            .expect("name"),
        "Laporan Monev Tahunan 2023 - Dinas Pertanian-Peternakan.pdf"
    );
}

//! `renja report` and `renja export-bukti`: reports and the evidence package from a plan that
//! is only read, and refusals in Indonesian with exit code 2.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{renja, s, stderr, stdout};

/// A seed plan of 2025, made with `renja new`.
fn seed_plan(dir: &Path) -> PathBuf {
    let plan = dir.join("rencana.renjarb");
    let o = renja(&["new", s(&plan), "--tahun", "2025"]);
    assert!(o.status.success(), "{}", stderr(&o));
    plan
}

fn starts_with(path: &Path, magic: &[u8]) -> bool {
    std::fs::read(path).is_ok_and(|b| b.starts_with(magic))
}

#[test]
fn report_writes_a_pdf_that_reads_back_and_leaves_the_plan_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = seed_plan(dir.path());
    let before = std::fs::read(&plan).expect("read");
    let pdf = dir.path().join("rencana aksi.pdf");
    let o = renja(&[
        "report",
        "rencana-aksi",
        s(&plan),
        "-o",
        s(&pdf),
        "--kertas",
        "f4",
        "--tanggal",
        "2025-01-02",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Laporan ditulis:"), "{}", stdout(&o));
    assert!(starts_with(&pdf, b"%PDF"));
    let text = Command::new("pdftotext")
        .args([s(&pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("RENCANA AKSI"), "{text}");
    assert!(text.contains("2 Januari 2025"), "{text}");
    assert_eq!(std::fs::read(&plan).expect("read"), before);
}

#[test]
fn report_writes_an_xlsx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = seed_plan(dir.path());
    let xlsx = dir.path().join("bulanan.xlsx");
    let o = renja(&[
        "report",
        "bulanan",
        s(&plan),
        "--bulan",
        "3",
        "-o",
        s(&xlsx),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(starts_with(&xlsx, b"PK"));
}

#[test]
fn report_writes_the_laporan_tahunan_as_pdf_and_docx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = seed_plan(dir.path());
    for (name, magic) in [("laporan.pdf", &b"%PDF"[..]), ("laporan.docx", b"PK")] {
        let dest = dir.path().join(name);
        let o = renja(&["report", "laporan-tahunan", s(&plan), "-o", s(&dest)]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert!(starts_with(&dest, magic), "{name}");
    }
}

#[test]
fn report_refuses_bad_requests_in_indonesian() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = seed_plan(dir.path());
    let out = |name: &str| dir.path().join(name);
    let cases: [(Vec<&str>, PathBuf, &str); 9] = [
        (
            vec!["rencana-aksi"],
            out("laporan.odt"),
            ".pdf, .xlsx atau .docx",
        ),
        (
            vec!["rencana-aksi"],
            out("laporan.docx"),
            "hanya dibuat untuk Laporan Tahunan",
        ),
        (
            vec!["laporan-tahunan"],
            out("laporan.xlsx"),
            "PDF atau dokumen Word",
        ),
        (
            vec!["rencana-aksi"],
            out("laporan"),
            ".pdf, .xlsx atau .docx",
        ),
        (vec!["bulanan"], out("bulanan.pdf"), "Pilih bulan laporan"),
        (
            vec!["triwulan"],
            out("triwulan.pdf"),
            "Pilih triwulan laporan",
        ),
        (
            vec!["tahunan", "--program", "99"],
            out("tahunan.pdf"),
            "Program nomor 99 tidak ada",
        ),
        (vec!["mingguan"], out("mingguan.pdf"), "tidak dikenal"),
        (
            vec!["bulanan", "--bulan", "Maret"],
            out("maret.pdf"),
            "Bulan harus berupa angka",
        ),
    ];
    for (args, dest, words) in cases {
        let mut all = vec!["report", args[0], s(&plan), "-o", s(&dest)];
        all.extend(&args[1..]);
        let o = renja(&all);
        assert_eq!(o.status.code(), Some(2), "{all:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(words), "{all:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
        assert!(!dest.exists(), "{all:?}");
    }
    let o = renja(&[
        "report",
        "rencana-aksi",
        s(&plan),
        "-o",
        s(&out("a.pdf")),
        "--kertas",
        "legal",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Pilih a4 atau f4"), "{}", stderr(&o));
}

#[test]
fn export_bukti_writes_a_zip_and_a_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("bukti.renjarb");
    let o = renja(&[
        "generate",
        s(&plan),
        "--tahapan",
        "100",
        "--evidence",
        "12",
        "--evidence-bytes",
        "3000",
        "--tahun",
        "2025",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = std::fs::read(&plan).expect("read");
    let zip = dir.path().join("paket.zip");
    let o = renja(&["export-bukti", s(&plan), "-o", s(&zip)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("12 bukti dukung, 12 berkas, "),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).trim_end().ends_with(" KB)"), "{}", stdout(&o));
    assert!(starts_with(&zip, b"PK"));
    // The index is in the root (names in a ZIP's headers are plain bytes).
    let bytes = std::fs::read(&zip).expect("read");
    for name in ["Daftar Bukti Dukung.xlsx", "Daftar Bukti Dukung.html"] {
        assert!(
            bytes.windows(name.len()).any(|w| w == name.as_bytes()),
            "{name}"
        );
    }
    assert_eq!(std::fs::read(&plan).expect("read"), before);

    for (args, words) in [
        (vec!["--program", "99"], "Program nomor 99 tidak ada"),
        (vec!["--bulan", "13"], "Bulan harus antara"),
        (vec!["--bulan", "x"], "Bulan harus berupa angka"),
        (
            vec!["--bulan", "1", "--triwulan", "1"],
            "bulan atau triwulan saja",
        ),
    ] {
        let other = dir.path().join("tidak.zip");
        let mut all = vec!["export-bukti", s(&plan), "-o", s(&other)];
        all.extend(&args);
        let o = renja(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(words), "{args:?}: {}", stderr(&o));
        assert!(!other.exists());
    }
}

#[test]
fn export_bukti_refuses_a_plan_without_evidence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = seed_plan(dir.path());
    let zip = dir.path().join("paket.zip");
    let o = renja(&["export-bukti", s(&plan), "-o", s(&zip)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("Belum ada bukti dukung"),
        "{}",
        stderr(&o)
    );
    assert!(!zip.exists());
}

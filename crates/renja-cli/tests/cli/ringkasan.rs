//! `renja generate --realisasi` and `renja report ringkasan`: a synthetic plan with progress,
//! printed as the Ringkasan Capaian of a chosen month.

use std::process::Command;

use super::{renja, s, stderr, stdout};

#[test]
fn a_generated_plan_with_realisasi_prints_its_ringkasan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("sintetis.renjarb");
    let o = renja(&[
        "generate",
        s(&plan),
        "--tahapan",
        "200",
        "--tahun",
        "2025",
        "--realisasi",
        "5",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("realisasi s.d. bulan 5"),
        "{}",
        stdout(&o)
    );
    let before = std::fs::read(&plan).expect("read");
    let pdf = dir.path().join("ringkasan mei.pdf");
    let o = renja(&[
        "report",
        "ringkasan",
        s(&plan),
        "-o",
        s(&pdf),
        "--bulan",
        "5",
        "--tanggal",
        "2025-06-02",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = Command::new("pdftotext")
        .args([s(&pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("RINGKASAN CAPAIAN"), "{text}");
    assert!(text.contains("KEADAAN S.D. MEI 2025"), "{text}");
    assert!(text.contains("2 Juni 2025"), "{text}");
    // The generated records show: work done, and work late.
    let total = text
        .lines()
        .find(|l| l.starts_with("Seluruh rencana"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(!total.contains("Seluruh rencana 0 /"), "{total}");
    assert!(text.contains("Tahapan terlambat ("), "{text}");
    assert!(!text.contains("Tahapan terlambat (0)"), "{text}");
    assert_eq!(std::fs::read(&plan).expect("read"), before);

    // Refusals: a month out of range, and Excel.
    for (args, words) in [
        (vec!["--bulan", "13"], "Pilih bulan ringkasan"),
        (vec![], "hanya tersedia sebagai PDF"),
    ] {
        let dest = dir
            .path()
            .join(if args.is_empty() { "r.xlsx" } else { "r.pdf" });
        let mut all = vec!["report", "ringkasan", s(&plan), "-o", s(&dest)];
        all.extend(&args);
        let o = renja(&all);
        assert_eq!(o.status.code(), Some(2), "{all:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(words), "{all:?}: {}", stderr(&o));
        assert!(!dest.exists());
    }
}

#[test]
fn generate_refuses_a_realisasi_month_out_of_range() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("sintetis.renjarb");
    for bad in ["0", "13", "Mei"] {
        let o = renja(&["generate", s(&plan), "--tahapan", "10", "--realisasi", bad]);
        assert!(!o.status.success(), "{bad}");
        assert!(stderr(&o).contains("Bulan"), "{bad}: {}", stderr(&o));
        assert!(!plan.exists(), "{bad}");
    }
}

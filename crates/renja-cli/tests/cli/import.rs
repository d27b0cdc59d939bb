//! `renja import`: a table into a new plan, `--dry-run --json` for the mapping and counts,
//! and exit code 2 with an Indonesian message for a file it cannot read.

use super::{fixtures, renja, s, stderr, stdout};

#[test]
fn dry_run_json_prints_mapping_counts_and_skipped_rows_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = fixtures().join("import/berulang.xlsx");
    let before = std::fs::read(&source).expect("read");
    let plan = dir.path().join("rencana.renjarb");
    let o = renja(&["import", s(&source), "-o", s(&plan), "--dry-run", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    for (key, want) in [
        ("programs", 1),
        ("outcomes", 1),
        ("kegiatan", 2),
        ("outputs", 3),
        ("tahapan", 8),
        ("scheduled_tahapan", 8),
    ] {
        assert_eq!(v[key].as_u64(), Some(want), "{key}");
    }
    assert_eq!(v["sheet"], "RA");
    assert_eq!(v["mapping"]["header_row"], 3);
    assert_eq!(v["mapping"]["tahapan"], 4);
    assert_eq!(v["mapping"]["bulan"]["kind"], "text");
    assert_eq!(v["skipped_rows"][0]["row"], 11);
    assert_eq!(
        v["skipped_rows"][0]["reason"],
        "Jadwal \"segera\" tidak dikenali"
    );
    assert!(!plan.exists());
    assert_eq!(std::fs::read(&source).expect("read"), before);
}

#[test]
fn import_writes_a_plan_for_the_year_of_the_title() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("rencana.renjarb");
    let source = fixtures().join("import/gabung-warna.xlsx");
    let o = renja(&["import", s(&source), "-o", s(&plan)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("6 tahapan (5 terjadwal)"),
        "{}",
        stdout(&o)
    );
    let o = renja(&["info", "--json", s(&plan)]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["tahapan"], 6);
    assert_eq!(v["identity"]["tahun"], 2024);
    // Not over an existing file without --force; with it, another year.
    let o = renja(&["import", s(&source), "-o", s(&plan)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("sudah ada"));
    let o = renja(&[
        "import",
        s(&source),
        "-o",
        s(&plan),
        "--force",
        "--tahun",
        "2026",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = renja(&["info", "--json", s(&plan)]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["identity"]["tahun"], 2026);
}

#[test]
fn a_named_sheet_is_read() {
    let source = fixtures().join("import/dua-lembar.xlsx");
    let o = renja(&[
        "import",
        s(&source),
        "--sheet",
        "RA 2024",
        "--dry-run",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = renja(&["import", s(&source), "--sheet", "Petunjuk", "--dry-run"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("tidak ditemukan baris judul kolom"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unreadable_files_exit_2_with_an_indonesian_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, words) in [
        ("import/berkata-sandi.xlsx", "dilindungi kata sandi"),
        ("import/terpotong.xlsx", "rusak"),
        ("import/tanpa-judul.xlsx", "tidak ditemukan baris judul"),
        ("bad/random.renjarb", "bukan tabel teks"),
        ("tidak-ada.xlsx", "tidak ditemukan"),
    ] {
        let plan = dir.path().join("q.renjarb");
        let o = renja(&["import", s(&fixtures().join(name)), "-o", s(&plan)]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(words), "{name}: {}", stderr(&o));
        assert!(!plan.exists(), "{name}");
    }
}

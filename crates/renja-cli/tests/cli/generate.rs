//! `renja generate`: a synthetic plan for benchmarks.

use super::{renja, s, stderr, stdout};

#[test]
fn generate_writes_a_checked_plan_of_exactly_n_tahapan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("sintetis.renjarb");
    let o = renja(&["generate", s(&plan), "--tahapan", "1000", "--tahun", "2025"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("Rencana sintetis dibuat:"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("8 program"), "{}", stdout(&o));
    assert!(stdout(&o).contains("1000 tahapan"), "{}", stdout(&o));

    let o = renja(&["info", "--json", s(&plan)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["tahapan"], 1000);
    assert_eq!(v["programs"], 8);
    assert_eq!(v["identity"]["tahun"], 2025);

    let o = renja(&["check", s(&plan)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Berkas baik:"), "{}", stdout(&o));
}

#[test]
fn generate_refuses_an_existing_file_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("sintetis.renjarb");
    assert!(
        renja(&["generate", s(&plan), "--tahapan", "10"])
            .status
            .success()
    );
    let o = renja(&["generate", s(&plan), "--tahapan", "20"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("sudah ada"), "{}", stderr(&o));
    let info = |plan| -> serde_json::Value {
        serde_json::from_str(&stdout(&renja(&["info", "--json", plan]))).expect("json")
    };
    assert_eq!(info(s(&plan))["tahapan"], 10);

    let o = renja(&[
        "generate",
        s(&plan),
        "--tahapan",
        "20",
        "--force",
        "--seed",
        "9",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(info(s(&plan))["tahapan"], 20);
}

#[test]
fn generate_refuses_an_absurd_size_in_indonesian() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("besar.renjarb");
    let o = renja(&["generate", s(&plan), "--tahapan", "200001"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("terlalu besar"), "{}", stderr(&o));
    assert!(!plan.exists());
}

#[test]
fn generate_with_evidence_writes_a_checked_plan_with_its_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("bukti.renjarb");
    let o = renja(&[
        "generate",
        s(&plan),
        "--tahapan",
        "200",
        "--evidence",
        "30",
        "--evidence-bytes",
        "5000",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("200 tahapan"), "{}", stdout(&o));
    assert!(stdout(&o).contains("30 bukti dukung"), "{}", stdout(&o));

    let o = renja(&["check", s(&plan)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Berkas baik:"), "{}", stdout(&o));
    // 30 files of 5000 bytes, stored whole.
    let size = std::fs::metadata(&plan).expect("metadata").len();
    assert!(size > 150_000, "{size} bytes");

    let o = renja(&["info", "--json", s(&plan)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["tahapan"], 200);
    let o = renja(&["dump", s(&plan)]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn generate_refuses_absurd_evidence_in_indonesian() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("besar.renjarb");
    for args in [
        ["--evidence", "100001", "--evidence-bytes", "10"],
        ["--evidence", "1", "--evidence-bytes", "400000000"],
        ["--evidence", "100000", "--evidence-bytes", "300000000"],
    ] {
        let mut all = vec!["generate", s(&plan), "--tahapan", "10"];
        all.extend(args);
        let o = renja(&all);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("terlalu besar"), "{}", stderr(&o));
        assert!(!plan.exists());
    }
}

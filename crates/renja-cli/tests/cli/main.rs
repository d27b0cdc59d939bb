//! The `renja` command line, run as a user would run it: as a separate process on real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod atomic;
mod generate;
mod import;
mod lke;
mod lock;
mod merge;
mod report;
mod ringkasan;

fn renja(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_renja"))
        .args(args)
        .output()
        .expect("run renja")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn new_then_info_json_has_the_template_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("rencana.renjarb");
    let o = renja(&["new", s(&plan), "--tahun", "2025"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("8 program, 45 kegiatan, 106 tahapan"));

    let o = renja(&["info", "--json", s(&plan)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    for (key, want) in [
        ("schema_version", renja_core::SCHEMA_VERSION as u64),
        ("programs", 8),
        ("outcomes", 19),
        ("kegiatan", 45),
        ("outputs", 59),
        ("tahapan", 106),
    ] {
        assert_eq!(v[key].as_u64(), Some(want), "{key}");
    }
    assert_eq!(v["identity"]["tahun"], 2025);
    // The decree of 2023 does not follow the template into another year.
    assert_eq!(v["identity"]["nomor_keputusan"], "");
}

#[test]
fn new_empty_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("kosong.renjarb");
    assert!(
        renja(&["new", s(&plan), "--empty", "--tahun", "2024"])
            .status
            .success()
    );
    let o = renja(&["info", "--json", s(&plan)]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["programs"], 0);

    let o = renja(&["new", s(&plan), "--tahun", "2024"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("sudah ada"), "{}", stderr(&o));
    assert!(
        renja(&["new", s(&plan), "--force", "--tahun", "2024"])
            .status
            .success()
    );
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&renja(&["info", "--json", s(&plan)]))).expect("json");
    assert_eq!(v["programs"], 8);
}

#[test]
fn check_fails_with_the_same_message_as_the_app() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in [
        "empty",
        "html",
        "zip",
        "foreign",
        "newer",
        "truncated",
        "random",
        "text",
    ] {
        let file = dir.path().join(format!("{name}.renjarb"));
        std::fs::copy(fixtures().join(format!("bad/{name}.renjarb")), &file).expect("copy");
        let o = renja(&["check", s(&file)]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let expected = renja_core::check_file(&file).expect_err(name).message();
        assert_eq!(stderr(&o).trim_end(), expected, "{name}");
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn check_passes_a_good_plan_and_reports_an_old_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("baik.renjarb");
    assert!(renja(&["new", s(&plan)]).status.success());
    let o = renja(&["check", s(&plan)]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("Berkas baik:"), "{}", stdout(&o));

    let old = dir.path().join("lama.renjarb");
    std::fs::copy(fixtures().join("plan-v1.renjarb"), &old).expect("copy");
    let before = std::fs::read(&old).expect("read");
    let o = renja(&["check", s(&old)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("akan diperbarui saat dibuka"));
    // info and dump read an old plan without upgrading the file.
    assert!(renja(&["info", s(&old)]).status.success());
    assert!(renja(&["dump", s(&old)]).status.success());
    assert_eq!(std::fs::read(&old).expect("read"), before);
}

#[test]
fn check_names_damaged_evidence_and_refuses_a_foreign_trigger() {
    let dir = tempfile::tempdir().expect("tempdir");
    let damaged = dir.path().join("rusak.renjarb");
    std::fs::copy(
        fixtures().join("hostile/evidence/bytes-replaced.renjarb"),
        &damaged,
    )
    .expect("copy");
    let o = renja(&["check", s(&damaged)]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let message = stderr(&o);
    assert!(message.contains("dapat dibuka, tetapi isi"), "{message}");
    assert!(
        message.contains("tidak cocok lagi dengan sidik SHA-256"),
        "{message}"
    );
    // The plan itself still reads.
    assert!(renja(&["info", s(&damaged)]).status.success());

    // Red-team finding 3: a received plan's own trigger never runs; the file is refused.
    let hostile = dir.path().join("pemicu.renjarb");
    std::fs::copy(
        fixtures().join("hostile/schema/trigger-renames-programs.renjarb"),
        &hostile,
    )
    .expect("copy");
    for command in ["check", "info", "dump"] {
        let o = renja(&[command, s(&hostile)]);
        assert_eq!(o.status.code(), Some(2), "{command}");
        assert!(
            stderr(&o).contains("tidak dibuat oleh Renja RB"),
            "{command}: {}",
            stderr(&o)
        );
    }
    // Red-team finding 4: a rule broken in the data is refused by check as by the app.
    let bad = dir.path().join("bulan.renjarb");
    std::fs::copy(
        fixtures().join("hostile/data/tahapan-bulan-65535.renjarb"),
        &bad,
    )
    .expect("copy");
    let o = renja(&["check", s(&bad)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("melanggar aturan rencana"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn dump_prints_the_whole_tree() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("rencana.renjarb");
    assert!(
        renja(&["new", s(&plan), "--tahun", "2023"])
            .status
            .success()
    );
    let o = renja(&["dump", s(&plan)]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["format"], "renja-rb-plan");
    assert_eq!(
        v["identity"]["nomor_keputusan"],
        "B-3951/DISBUN/SET-I/000.7.2.6/12/2022"
    );
    let programs = v["programs"].as_array().expect("programs");
    assert_eq!(programs.len(), 8);
    let tahapan: usize = programs
        .iter()
        .flat_map(|p| p["outcomes"].as_array().expect("outcomes"))
        .flat_map(|o| o["kegiatan"].as_array().expect("kegiatan"))
        .flat_map(|k| k["outputs"].as_array().expect("outputs"))
        .map(|u| u["tahapan"].as_array().expect("tahapan").len())
        .sum();
    assert_eq!(tahapan, 106);
    let first = &programs[0]["outcomes"][0]["kegiatan"][0]["outputs"][0]["tahapan"][0];
    assert_eq!(first["nama"], "Menyusun susunan Tim RB Unit Kerja");
    assert_eq!(first["bulan"], serde_json::json!([]));
}

#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    // Regression: `renja dump f | head` panicked on the broken pipe.
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("rencana.renjarb");
    assert!(renja(&["new", s(&plan)]).status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_renja"))
        .args(["dump", s(&plan)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("wait");
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn a_missing_file_is_reported_in_indonesian() {
    let o = renja(&["info", "/tidak/ada/rencana.renjarb"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("tidak ditemukan"), "{}", stderr(&o));
}

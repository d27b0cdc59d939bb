//! Every file the user owns is written whole or not at all, and what a killed writer leaves
//! (temporaries named `.{name}.{32 hex}.renja-tmp`, and SQLite's `-journal` beside one) is
//! swept on the next open, create or write in that folder, unless a live writer holds it.
//! Look-alikes of the user's own are never touched. Kills of real processes are in the CLI
//! tests (`crates/renja-cli/tests/cli/atomic.rs`).

use std::fs::File;
use std::path::{Path, PathBuf};

use renja_core::generate::{GenerateSpec, generate};
use renja_core::report::{PaketRequest, ReportFormat, ReportKind, ReportRequest};
use renja_core::{NewPlan, OpenMode, Plan, Template};

use crate::common::{clock, list_dir, sha256, tempdir};

const HEX: &str = "5f0c2a9e41d3b7a86e2f90c1d4b3a785";

fn new_plan(path: &Path) {
    Plan::create(
        path,
        NewPlan {
            template: Template::Seed,
            tahun: 2025,
        },
        false,
        clock(),
    )
    .expect("create")
    .close()
    .expect("close");
}

/// A stale temporary of ours beside `dest`, with a journal, as a kill leaves them.
fn stale(dest: &Path, hex: &str) -> (PathBuf, PathBuf) {
    let name = dest.file_name().and_then(|n| n.to_str()).expect("name");
    let tmp = dest.with_file_name(format!(".{name}.{hex}.renja-tmp"));
    let journal = dest.with_file_name(format!(".{name}.{hex}.renja-tmp-journal"));
    std::fs::write(&tmp, vec![7u8; 64 * 1024]).expect("temporary");
    std::fs::write(&journal, b"journal").expect("journal");
    (tmp, journal)
}

/// Files of the user that look like ours but are not, with their contents.
fn look_alikes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let files = vec![
        (".notes.tmp".to_owned(), b"catatan".to_vec()),
        ("rencana.renjarb.bak".to_owned(), b"cadangan".to_vec()),
        (format!(".rencana.renjarb.{HEX}.tmp"), b"lama".to_vec()),
        (
            format!("rencana.renjarb.{HEX}.renja-tmp"),
            b"tanpa titik".to_vec(),
        ),
        (
            format!(".rencana.renjarb.{}.renja-tmp", &HEX[..31]),
            b"31".to_vec(),
        ),
        (
            format!(".rencana.renjarb.{HEX}.renja-tmp.pdf"),
            b"pdf".to_vec(),
        ),
        (format!(".{HEX}.renja-tmp"), b"tanpa nama".to_vec()),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).expect("look-alike");
    }
    // A folder with our shape is not a temporary either.
    std::fs::create_dir(dir.join(format!(".folder.{HEX}.renja-tmp"))).expect("folder");
    files
}

fn assert_untouched(dir: &Path, files: &[(String, Vec<u8>)]) {
    for (name, bytes) in files {
        assert_eq!(
            &std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}")),
            bytes,
            "{name}"
        );
    }
    assert!(dir.join(format!(".folder.{HEX}.renja-tmp")).is_dir());
}

fn temporaries(dir: &Path) -> Vec<String> {
    list_dir(dir)
        .into_iter()
        .filter(|n| n.contains(".renja-tmp") && !n.starts_with(".folder."))
        .collect()
}

/// Hold `path` the way a live writer does: a lock on Unix, an open handle on Windows.
fn hold(path: &Path) -> File {
    let file = File::options()
        .read(true)
        .write(true)
        .open(path)
        .expect("open");
    #[cfg(unix)]
    file.try_lock().expect("lock");
    file
}

#[test]
fn a_stale_temporary_is_swept_when_the_plan_is_opened_for_editing_only() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    new_plan(&path);
    let (tmp, journal) = stale(&path, HEX);
    // A journal whose temporary is already gone.
    let orphan = dir
        .path()
        .join(".rencana.renjarb.0000000000000000ffffffffffffffff.renja-tmp-journal");
    std::fs::write(&orphan, b"journal").expect("orphan");
    let theirs = look_alikes(dir.path());

    // Read-only opening writes nothing, not even a sweep.
    Plan::open(&path, OpenMode::ReadOnly, clock()).expect("read-only");
    assert_eq!(
        temporaries(dir.path()).len(),
        3 + 4,
        "{:?}",
        list_dir(dir.path())
    );

    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("edit");
    assert!(!tmp.exists() && !journal.exists() && !orphan.exists());
    let mut left: Vec<String> = theirs
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| n.contains(".renja-tmp"))
        .collect();
    left.sort();
    assert_eq!(temporaries(dir.path()), left);
    assert_untouched(dir.path(), &theirs);
    plan.close().expect("close");
}

#[cfg(unix)]
#[test]
fn a_symlink_with_our_name_is_not_followed_or_removed() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    new_plan(&path);
    let target = dir.path().join("penting.docx");
    std::fs::write(&target, b"dokumen").expect("target");
    let link = dir.path().join(format!(".rencana.renjarb.{HEX}.renja-tmp"));
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    Plan::open(&path, OpenMode::Edit, clock()).expect("edit");
    assert!(link.symlink_metadata().is_ok());
    assert_eq!(std::fs::read(&target).expect("read"), b"dokumen");
}

#[test]
fn a_stale_temporary_is_swept_when_a_plan_is_created_beside_it() {
    let dir = tempdir();
    let (tmp, journal) = stale(&dir.path().join("lama.renjarb"), HEX);
    let theirs = look_alikes(dir.path());
    new_plan(&dir.path().join("baru.renjarb"));
    assert!(!tmp.exists() && !journal.exists());
    assert_untouched(dir.path(), &theirs);
}

#[test]
fn a_stale_temporary_is_swept_before_a_report_package_or_copy_is_written() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    let spec = GenerateSpec {
        tahapan: 20,
        tahun: 2025,
        seed: 3,
        evidence: 3,
        evidence_bytes: 10_000,
        realisasi: 0,
    };
    let plan = generate(&path, &spec, false, clock()).expect("generate");
    plan.close().expect("close");
    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open");

    let out = tempdir();
    let theirs = look_alikes(out.path());
    let report = out.path().join("Rencana Aksi.xlsx");
    let (tmp, journal) = stale(&report, HEX);
    plan.write_report(
        &ReportRequest::new(ReportKind::RencanaAksi),
        ReportFormat::Xlsx,
        &report,
    )
    .expect("report");
    assert!(!tmp.exists() && !journal.exists());

    let paket = out.path().join("paket.zip");
    let (tmp, _) = stale(&paket, HEX);
    plan.export_bukti_package(&PaketRequest::default(), &paket, &mut |_| {})
        .expect("package");
    assert!(!tmp.exists());

    let copy = out.path().join("salinan.renjarb");
    let (tmp, journal) = stale(&copy, HEX);
    plan.save_copy(&copy).expect("copy");
    assert!(!tmp.exists() && !journal.exists());

    assert_untouched(out.path(), &theirs);
    assert_eq!(temporaries(out.path()).len(), 4, "only the look-alikes");
}

#[test]
fn a_temporary_held_by_a_live_writer_is_not_swept() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    new_plan(&path);
    let (tmp, journal) = stale(&path, HEX);
    let writer = hold(&tmp);
    // SQLite keeps a journal open while it writes it; on Windows that handle is its mark.
    #[cfg(windows)]
    let journal_writer = hold(&journal);

    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("edit");
    plan.close().expect("close");
    new_plan(&dir.path().join("lain.renjarb"));
    assert!(tmp.exists(), "the writer's temporary survives");
    assert!(journal.exists(), "and so does its journal");

    // The writer dies: the next open sweeps both.
    drop(writer);
    #[cfg(windows)]
    drop(journal_writer);
    Plan::open(&path, OpenMode::Edit, clock())
        .expect("edit")
        .close()
        .expect("close");
    assert!(!tmp.exists() && !journal.exists());
}

#[test]
fn a_package_that_fails_half_way_leaves_the_old_zip_and_no_temporaries() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    let spec = GenerateSpec {
        tahapan: 20,
        tahun: 2025,
        seed: 5,
        evidence: 6,
        evidence_bytes: 3 * 1024 * 1024,
        realisasi: 0,
    };
    generate(&path, &spec, false, clock())
        .expect("generate")
        .close()
        .expect("close");
    // Damage the last file stored, so copying has long begun when the hash does not match.
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        let id: i64 = conn
            .query_row("SELECT max(id) FROM berkas", [], |r| r.get(0))
            .expect("row");
        let mut blob = conn
            .blob_open("main", "berkas", "data", id, false)
            .expect("blob");
        use std::io::{Seek, SeekFrom, Write};
        blob.seek(SeekFrom::Start(2 * 1024 * 1024)).expect("seek");
        blob.write_all(b"rusak").expect("damage");
    }
    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open");
    let out = tempdir();
    let dest = out.path().join("paket.zip");
    std::fs::write(&dest, b"PK paket lama").expect("old zip");
    let mut copied = 0;
    let e = plan
        .export_bukti_package(&PaketRequest::default(), &dest, &mut |p| copied = p.done)
        .expect_err("damaged");
    assert!(e.message().contains("tidak cocok"), "{}", e.message());
    assert!(copied > 10 * 1024 * 1024, "copying had gone far: {copied}");
    assert_eq!(std::fs::read(&dest).expect("read"), b"PK paket lama");
    assert_eq!(list_dir(out.path()), ["paket.zip"]);
}

#[test]
fn generate_refused_or_failed_leaves_the_old_plan_byte_identical() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    new_plan(&path);
    let before = sha256(&path);
    let spec = GenerateSpec {
        tahapan: 50,
        tahun: 2025,
        seed: 1,
        evidence: 0,
        evidence_bytes: 0,
        realisasi: 0,
    };
    generate(&path, &spec, false, clock()).expect_err("exists");
    generate(
        &path,
        &GenerateSpec {
            tahun: 1999,
            ..spec
        },
        true,
        clock(),
    )
    .expect_err("bad year");
    assert_eq!(sha256(&path), before);
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);

    // Replacing works, and leaves nothing beside the plan.
    let plan = generate(&path, &spec, true, clock()).expect("replace");
    assert_eq!(plan.info().expect("info").counts.tahapan, 50);
    plan.close().expect("close");
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
}

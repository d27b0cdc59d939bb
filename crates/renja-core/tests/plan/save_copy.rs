//! "Simpan salinan…": a consistent copy of the open plan that opens as the same plan.

use std::path::{Path, PathBuf};

use renja_core::Error;
use renja_core::model::PlanIdentity;
use renja_core::{
    ErrorKind, NewPlan, OpenMode, Plan, ReadOnlyReason, SCHEMA_VERSION, Template, check_file,
};

use crate::common::{clock, copy_fixture, header_u32, list_dir, sha256, tempdir};
use crate::fixtures;

fn make_plan(dir: &Path) -> PathBuf {
    let path = dir.join("rencana.renjarb");
    Plan::create(
        &path,
        NewPlan {
            template: Template::Seed,
            tahun: 2024,
        },
        false,
        clock(),
    )
    .expect("create")
    .close()
    .expect("close");
    path
}

fn dump_json(plan: &Plan) -> serde_json::Value {
    serde_json::to_value(plan.dump().expect("dump")).expect("dump as JSON")
}

/// The copy at `copy` is a good, current plan with exactly the dump `want`.
fn assert_same_plan(copy: &Path, want: &serde_json::Value) {
    let report = check_file(copy).expect("the copy checks");
    assert_eq!(report.schema_version, SCHEMA_VERSION);
    assert!(!report.needs_upgrade);
    let plan = Plan::open(copy, OpenMode::ReadOnly, clock()).expect("the copy opens");
    assert_eq!(plan.upgrade(), None);
    assert_eq!(&dump_json(&plan), want);
}

#[test]
fn copy_of_an_edited_plan_is_the_same_plan() {
    let dir = tempdir();
    let path = make_plan(dir.path());
    let mut plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    plan.set_identity(&PlanIdentity {
        instansi: "Dinas Perkebunan".into(),
        kepala_nama: "Ir. Budi Santoso, M.Si.".into(),
        kepala_nip: "196805121994031007".into(),
        tahun: 2024,
        ..PlanIdentity::default()
    })
    .expect("edit");
    let want = dump_json(&plan);

    let out = tempdir();
    let copy = out.path().join("salinan.renjarb");
    plan.save_copy(&copy).expect("save copy");
    assert_eq!(
        list_dir(out.path()),
        ["salinan.renjarb"],
        "no temporary file left"
    );
    assert_eq!(
        list_dir(dir.path()),
        [".~lock.rencana.renjarb#", "rencana.renjarb"]
    );
    assert_same_plan(&copy, &want);
    assert_eq!(header_u32(&copy, 68), renja_core::file::APPLICATION_ID);
    // The open plan is still the same and still editable.
    assert_eq!(dump_json(&plan), want);
    assert_eq!(plan.read_only(), None);
    plan.close().expect("close");
}

#[test]
fn copy_from_a_read_only_plan_works_and_changes_nothing() {
    let dir = tempdir();
    let path = make_plan(dir.path());
    let hash = sha256(&path);
    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open read-only");
    let want = dump_json(&plan);

    let copy = dir.path().join("milik saya.renjarb");
    plan.save_copy(&copy).expect("save copy");
    assert_eq!(
        list_dir(dir.path()),
        ["milik saya.renjarb", "rencana.renjarb"]
    );
    assert_same_plan(&copy, &want);
    plan.close().expect("close");
    assert_eq!(sha256(&path), hash);

    // The copy is the user's own: it opens for editing.
    let mut mine = Plan::open(&copy, OpenMode::Edit, clock()).expect("open copy");
    assert_eq!(mine.read_only(), None);
    mine.set_identity(&PlanIdentity {
        tahun: 2025,
        ..PlanIdentity::default()
    })
    .expect("edit the copy");
    mine.close().expect("close copy");
    assert_eq!(sha256(&path), hash);
}

#[test]
fn copy_of_an_old_plan_opened_read_only_is_current() {
    let dir = tempdir();
    let path = copy_fixture(fixtures::V1, dir.path());
    let hash = sha256(&path);
    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open v1 read-only");
    assert_eq!(plan.read_only(), Some(ReadOnlyReason::Chosen));
    let want = dump_json(&plan);

    let copy = dir.path().join("baru.renjarb");
    plan.save_copy(&copy).expect("save copy");
    assert_eq!(header_u32(&copy, 60), SCHEMA_VERSION);
    assert_eq!(header_u32(&copy, 68), renja_core::file::APPLICATION_ID);
    assert_same_plan(&copy, &want);
    plan.close().expect("close");
    assert_eq!(sha256(&path), hash);
    assert_eq!(list_dir(dir.path()), ["baru.renjarb", "plan-v1.renjarb"]);
}

#[test]
fn copy_onto_the_open_file_is_refused() {
    let dir = tempdir();
    let path = make_plan(dir.path());
    let hash = sha256(&path);
    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    let want = dump_json(&plan);

    // The same file, however it is spelled.
    for dest in [path.clone(), dir.path().join(".").join("rencana.renjarb")] {
        let err = plan.save_copy(&dest).expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Invalid, "{err:?}");
        assert_eq!(err.to_ipc().field.as_deref(), Some("path"));
        assert!(err.message().contains("sedang dibuka"), "{}", err.message());
    }
    assert_eq!(dump_json(&plan), want);
    plan.close().expect("close");
    assert_eq!(sha256(&path), hash);
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
}

#[test]
fn copy_into_a_missing_folder_fails_and_leaves_nothing() {
    let dir = tempdir();
    let path = make_plan(dir.path());
    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    let dest = dir.path().join("tidak ada").join("salinan.renjarb");
    let err = plan.save_copy(&dest).expect_err("no such folder");
    assert!(matches!(err, Error::FolderMissing { .. }), "{err:?}");
    assert!(err.message().contains("tidak ada"), "{}", err.message());
    assert!(!dest.exists());
    assert!(!dir.path().join("tidak ada").exists());
    assert_eq!(
        list_dir(dir.path()),
        [".~lock.rencana.renjarb#", "rencana.renjarb"]
    );
    plan.close().expect("close");
}

#[test]
fn copy_onto_a_folder_is_refused() {
    let dir = tempdir();
    let path = make_plan(dir.path());
    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    let dest = dir.path().join("folder");
    std::fs::create_dir(&dest).expect("create folder");
    let err = plan.save_copy(&dest).expect_err("a folder is not a file");
    assert!(err.message().contains("folder"), "{}", err.message());
    assert!(list_dir(&dest).is_empty());
    assert_eq!(
        list_dir(dir.path()),
        [".~lock.rencana.renjarb#", "folder", "rencana.renjarb"]
    );
    plan.close().expect("close");
}

//! Creating a plan file: the year rule, never overwriting unasked, nothing left beside it, and
//! the header that marks the file as ours.

use renja_core::{Error, ErrorKind, NewPlan, Plan, SCHEMA_VERSION, Template, check_file};

use crate::common::{clock, header_u32, list_dir, sha256, tempdir};

fn seed(tahun: i32) -> NewPlan {
    NewPlan {
        template: Template::Seed,
        tahun,
    }
}

#[test]
fn tahun_out_of_range_is_invalid_and_creates_nothing() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    for tahun in [1999, 2101] {
        let err = Plan::create(&path, seed(tahun), false, clock()).expect_err("bad year");
        assert_eq!(err.kind(), ErrorKind::Invalid, "{err:?}");
        assert!(
            matches!(err, Error::Invalid { field: "tahun", .. }),
            "{err:?}"
        );
        assert_eq!(err.message(), "Tahun harus di antara 2000 dan 2100.");
    }
    assert!(list_dir(dir.path()).is_empty());
}

#[test]
fn refuses_to_overwrite_an_existing_file_unless_asked() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    std::fs::write(&path, "berkas lama yang berharga\n").expect("write existing file");
    let before = sha256(&path);

    let err = Plan::create(&path, seed(2024), false, clock()).expect_err("must not overwrite");
    match &err {
        Error::AlreadyExists { path: p } => assert_eq!(p, &path),
        other => panic!("expected AlreadyExists, got {other:?}"),
    }
    assert!(
        err.message().contains("\"rencana.renjarb\" sudah ada"),
        "{}",
        err.message()
    );
    assert_eq!(sha256(&path), before);
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
}

#[test]
fn replaces_an_existing_file_when_asked() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    std::fs::write(&path, "berkas lama\n").expect("write existing file");
    let before = sha256(&path);

    let plan = Plan::create(&path, seed(2024), true, clock()).expect("replace");
    assert_eq!(plan.overview().expect("overview").totals.tahapan, 106);
    plan.close().expect("close");
    assert_ne!(sha256(&path), before);
    let report = check_file(&path).expect("the replacement is a good plan");
    assert_eq!(report.schema_version, SCHEMA_VERSION);
    assert!(!report.needs_upgrade);
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
}

#[test]
fn leaves_only_the_plan_file_in_the_folder() {
    let dir = tempdir();
    let path = dir.path().join("Renja RB 2024.renjarb");
    let plan = Plan::create(&path, seed(2024), false, clock()).expect("create");
    assert_eq!(plan.read_only(), None);
    assert_eq!(plan.upgrade(), None);
    assert_eq!(plan.path(), path);
    // While open only the plan and its lock; after closing only the plan: no journal, no
    // WAL, no temporary file.
    assert_eq!(
        list_dir(dir.path()),
        [".~lock.Renja RB 2024.renjarb#", "Renja RB 2024.renjarb"]
    );
    plan.close().expect("close");
    assert_eq!(list_dir(dir.path()), ["Renja RB 2024.renjarb"]);
}

#[test]
fn header_carries_application_id_and_schema_version() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    Plan::create(&path, seed(2024), false, clock())
        .expect("create")
        .close()
        .expect("close");
    let bytes = std::fs::read(&path).expect("read plan");
    assert_eq!(&bytes[..16], b"SQLite format 3\0");
    assert_eq!(
        bytes[68..72],
        renja_core::file::APPLICATION_ID.to_be_bytes()
    );
    assert_eq!(&bytes[68..72], b"RJRB");
    assert_eq!(bytes[60..64], SCHEMA_VERSION.to_be_bytes());
    assert_eq!(header_u32(&path, 60), SCHEMA_VERSION);
    // Rollback journal, not WAL: file format read/write versions are 1.
    assert_eq!((bytes[18], bytes[19]), (1, 1));
}

#[test]
fn a_new_plan_passes_the_full_check() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    Plan::create(&path, seed(2025), false, clock())
        .expect("create")
        .close()
        .expect("close");
    let report = check_file(&path).expect("check");
    assert_eq!(report.schema_version, SCHEMA_VERSION);
    assert!(!report.needs_upgrade);
    assert_eq!(
        report.bytes,
        std::fs::metadata(&path).expect("metadata").len()
    );
    let plan = Plan::open(&path, renja_core::OpenMode::Edit, clock()).expect("reopen");
    let dump = plan.dump().expect("dump");
    assert_eq!(dump.format, "renja-rb-plan");
    assert_eq!(dump.schema_version, SCHEMA_VERSION);
    assert_eq!(dump.created_at, "2025-03-14T09:30:00.000Z");
    assert_eq!(dump.modified_at, "2025-03-14T09:30:00.000Z");
    assert_eq!(dump.identity.tahun, 2025);
}

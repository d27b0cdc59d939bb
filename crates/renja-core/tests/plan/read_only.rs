//! Read-only plans: chosen by the user, or forced by the file's permissions. Either way no
//! edit is accepted and nothing on disk changes.

#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use renja_core::model::PlanIdentity;
use renja_core::{Error, ErrorKind, NewPlan, OpenMode, Plan, ReadOnlyReason, Template};

use crate::common::{clock, list_dir, sha256, tempdir};

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

fn edit() -> PlanIdentity {
    PlanIdentity {
        instansi: "Badan Kepegawaian dan Pengembangan SDM".into(),
        tahun: 2025,
        ..PlanIdentity::default()
    }
}

/// Try to edit `plan`, expecting the read-only refusal, and check nothing changed.
fn edit_is_refused(plan: &mut Plan) {
    let before = plan.identity().expect("identity");
    let err = plan.set_identity(&edit()).expect_err("read-only");
    assert!(matches!(err, Error::ReadOnly), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::ReadOnly);
    assert!(err.message().contains("hanya-baca"), "{}", err.message());
    assert_eq!(plan.identity().expect("identity"), before);
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn chosen_read_only_refuses_edits_and_writes_nothing() {
    let dir = tempdir();
    let path = make_plan(dir.path());
    let hash = sha256(&path);

    let mut plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open read-only");
    assert_eq!(plan.read_only(), Some(ReadOnlyReason::Chosen));
    assert_eq!(
        plan.overview().expect("overview").read_only,
        Some(ReadOnlyReason::Chosen)
    );
    assert_eq!(plan.upgrade(), None);
    edit_is_refused(&mut plan);
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
    plan.close().expect("close");

    assert_eq!(sha256(&path), hash);
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
}

// Windows: the read-only attribute, and folders, in `windows.rs`.
#[cfg(unix)]
#[test]
fn a_0444_file_opens_not_writable_even_for_root() {
    let dir = tempdir();
    let path = make_plan(dir.path());
    set_mode(&path, 0o444);
    let hash = sha256(&path);

    let mut plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    assert_eq!(plan.read_only(), Some(ReadOnlyReason::NotWritable));
    edit_is_refused(&mut plan);
    plan.close().expect("close");

    assert_eq!(sha256(&path), hash);
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
    let mode = std::fs::metadata(&path)
        .expect("metadata")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o444, "permissions untouched");
    set_mode(&path, 0o644);
}

#[cfg(unix)]
#[test]
fn a_file_in_a_read_only_folder_opens_not_writable() {
    // The rollback journal must be created beside the plan: a read-only folder means the plan
    // cannot be written safely, whatever the file's own bits say.
    let dir = tempdir();
    let path = make_plan(dir.path());
    let hash = sha256(&path);
    set_mode(dir.path(), 0o555);

    let result = Plan::open(&path, OpenMode::Edit, clock());
    let outcome = result.map(|mut plan| {
        let reason = plan.read_only();
        edit_is_refused(&mut plan);
        plan.close().expect("close");
        reason
    });
    set_mode(dir.path(), 0o755);

    assert_eq!(outcome.expect("open"), Some(ReadOnlyReason::NotWritable));
    assert_eq!(sha256(&path), hash);
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
}

//! The session: one open plan and the recent list. A refused file never costs the open plan.

use std::path::{Path, PathBuf};

use renja_core::model::PlanIdentity;
use renja_core::{ErrorKind, NewPlan, OpenMode, Plan, Session, Template};

use crate::common::{clock, copy_fixture, tempdir};
use crate::fixtures;

const NOW: &str = "2025-03-14T09:30:00.000Z";

fn make_plan(path: &Path, template: Template, tahun: i32) -> PathBuf {
    Plan::create(path, NewPlan { template, tahun }, false, clock())
        .expect("create")
        .close()
        .expect("close");
    path.to_path_buf()
}

fn text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[test]
fn opened_plans_come_first_in_the_recent_list() {
    let dir = tempdir();
    let store = dir.path().join("config/recent.json");
    let a = make_plan(&dir.path().join("a.renjarb"), Template::Seed, 2024);
    let b = make_plan(&dir.path().join("b.renjarb"), Template::Empty, 2025);
    let mut session = Session::new(store.clone(), clock());
    assert!(session.recent().is_empty());
    assert!(matches!(session.plan().map(|_| ()), Err(e) if e.kind() == ErrorKind::NoPlan));

    let overview = session.open(&a, OpenMode::Edit).expect("open a");
    assert_eq!(overview.path, text(&a));
    assert_eq!(overview.file_name, "a.renjarb");
    let recent = session.recent();
    assert_eq!(recent.len(), 1);
    assert_eq!(
        (
            recent[0].path.as_str(),
            recent[0].instansi.as_str(),
            recent[0].tahun
        ),
        (text(&a).as_str(), "Dinas Perkebunan", 2024)
    );
    assert_eq!(recent[0].opened_at, NOW);
    assert!(!recent[0].missing);
    assert!(store.is_file(), "the recent list is kept on disk");

    session.open(&b, OpenMode::ReadOnly).expect("open b");
    assert_eq!(session.plan().expect("plan").path(), b);
    let recent = session.recent();
    let entries: Vec<(&str, &str, i32)> = recent
        .iter()
        .map(|r| (r.path.as_str(), r.instansi.as_str(), r.tahun))
        .collect();
    let (a_text, b_text) = (text(&a), text(&b));
    assert_eq!(
        entries,
        [
            (b_text.as_str(), "", 2025),
            (a_text.as_str(), "Dinas Perkebunan", 2024)
        ]
    );

    // Reopening moves a file back to the top, once.
    session.open(&a, OpenMode::Edit).expect("reopen a");
    let paths: Vec<String> = session.recent().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, [a_text.clone(), b_text.clone()]);

    // A new session reads the same list.
    let other = Session::new(store, clock());
    let paths: Vec<String> = other.recent().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, [a_text, b_text]);
}

#[test]
fn a_refused_file_keeps_the_open_plan() {
    let dir = tempdir();
    let store = dir.path().join("recent.json");
    let good = make_plan(&dir.path().join("baik.renjarb"), Template::Seed, 2024);
    let mut session = Session::new(store, clock());
    session.open(&good, OpenMode::Edit).expect("open good");
    let recent_before = session.recent();

    for name in fixtures::BAD {
        let bad = copy_fixture(name, dir.path());
        for mode in [OpenMode::Edit, OpenMode::ReadOnly] {
            let err = session.open(&bad, mode).expect_err("bad file refused");
            assert_eq!(err.kind(), ErrorKind::BadFile, "{name}: {err:?}");
            let plan = session.plan().expect("the good plan is still open");
            assert_eq!(plan.path(), good);
            assert_eq!(plan.read_only(), None);
            assert_eq!(
                plan.identity().expect("identity").instansi,
                "Dinas Perkebunan"
            );
        }
        std::fs::remove_file(&bad).expect("remove bad copy");
    }
    let missing = dir.path().join("hilang.renjarb");
    let err = session.open(&missing, OpenMode::Edit).expect_err("missing");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(session.plan().expect("still open").path(), good);
    assert_eq!(
        session.recent(),
        recent_before,
        "refused files stay off the recent list"
    );

    // And the plan still takes edits.
    let overview = session
        .set_identity(&PlanIdentity {
            instansi: "Dinas Perkebunan dan Peternakan".into(),
            tahun: 2024,
            ..PlanIdentity::default()
        })
        .expect("edit after refusals")
        .overview;
    assert_eq!(
        overview.identity.instansi,
        "Dinas Perkebunan dan Peternakan"
    );
    assert_eq!(
        session.recent()[0].instansi,
        "Dinas Perkebunan dan Peternakan"
    );
}

#[test]
fn forget_removes_an_entry() {
    let dir = tempdir();
    let a = make_plan(&dir.path().join("a.renjarb"), Template::Seed, 2024);
    let b = make_plan(&dir.path().join("b.renjarb"), Template::Seed, 2025);
    let mut session = Session::new(dir.path().join("recent.json"), clock());
    session.open(&a, OpenMode::Edit).expect("open a");
    session.open(&b, OpenMode::Edit).expect("open b");

    let left = session.forget(&text(&a)).expect("forget a");
    let paths: Vec<&str> = left.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, [text(&b)]);
    let paths: Vec<String> = session.recent().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, [text(&b)]);
    assert!(a.is_file(), "forgetting does not delete the file");
    // Forgetting what is not listed changes nothing.
    assert_eq!(session.forget(&text(&a)).expect("forget again").len(), 1);
}

#[test]
fn a_deleted_file_is_marked_missing() {
    let dir = tempdir();
    let a = make_plan(&dir.path().join("a.renjarb"), Template::Seed, 2024);
    let b = make_plan(&dir.path().join("b.renjarb"), Template::Seed, 2025);
    let mut session = Session::new(dir.path().join("recent.json"), clock());
    session.open(&a, OpenMode::Edit).expect("open a");
    session.open(&b, OpenMode::Edit).expect("open b");
    session.close().expect("close");
    assert!(matches!(session.plan().map(|_| ()), Err(e) if e.kind() == ErrorKind::NoPlan));

    std::fs::remove_file(&a).expect("delete a");
    let recent = session.recent();
    let state: Vec<(String, bool)> = recent.into_iter().map(|r| (r.path, r.missing)).collect();
    assert_eq!(state, [(text(&b), false), (text(&a), true)]);

    let err = session.open(&a, OpenMode::Edit).expect_err("gone");
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn creating_through_the_session_opens_and_lists_the_plan() {
    let dir = tempdir();
    let mut session = Session::new(dir.path().join("recent.json"), clock());
    let path = dir.path().join("baru").join("Renja RB 2026.renjarb");
    let overview = session
        .create(
            &path,
            NewPlan {
                template: Template::Seed,
                tahun: 2026,
            },
            false,
        )
        .expect("create");
    assert_eq!(overview.totals.tahapan, 106);
    assert_eq!(overview.identity.tahun, 2026);
    assert_eq!(session.plan().expect("open").path(), path);
    let recent = session.recent();
    assert_eq!(
        (
            recent[0].path.as_str(),
            recent[0].instansi.as_str(),
            recent[0].tahun
        ),
        (text(&path).as_str(), "Dinas Perkebunan", 2026)
    );
}

#[test]
fn a_refused_year_creates_no_folder() {
    let dir = tempdir();
    let mut session = Session::new(dir.path().join("recent.json"), clock());
    let path = dir.path().join("baru").join("rencana.renjarb");
    let err = session
        .create(
            &path,
            NewPlan {
                template: Template::Seed,
                tahun: 1999,
            },
            false,
        )
        .expect_err("year out of range");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(!dir.path().join("baru").exists());
}

#[test]
fn the_plan_open_here_may_be_opened_again_or_replaced_without_locking_itself_out() {
    let dir = tempdir();
    let mut session = Session::new(dir.path().join("recent.json"), clock());
    let path = make_plan(&dir.path().join("rencana.renjarb"), Template::Seed, 2025);
    session.open(&path, OpenMode::Edit).expect("open");
    // From the recent list again, read-only, and for editing once more.
    let again = session
        .open(&path, OpenMode::ReadOnly)
        .expect("again read-only");
    assert!(again.read_only.is_some());
    let again = session
        .open(&path, OpenMode::Edit)
        .expect("again for editing");
    assert_eq!(again.read_only, None);
    // "Buat rencana baru" over the very file open here replaces it.
    let new = NewPlan {
        template: Template::Empty,
        tahun: 2026,
    };
    let replaced = session.create(&path, new, true).expect("replace");
    assert_eq!(replaced.totals.tahapan, 0);
    // Another session (another window) is refused while this one edits it.
    let mut other = Session::new(dir.path().join("recent-2.json"), clock());
    let err = other.open(&path, OpenMode::Edit).expect_err("locked");
    assert_eq!(err.kind(), ErrorKind::Locked);
    assert!(other.open(&path, OpenMode::ReadOnly).is_ok());
}

fn import_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import")
        .join(name)
}

/// The import dialog: the source read once stays in the session, each mapping the user tries
/// is previewed from it, the import is one undo step, and the source is let go after it.
#[test]
fn the_import_dialog_previews_mappings_and_imports_as_one_step() {
    let dir = tempdir();
    let plan = make_plan(&dir.path().join("a.renjarb"), Template::Empty, 2024);
    let mut session = Session::new(dir.path().join("recent.json"), clock());
    session.open(&plan, OpenMode::Edit).expect("open");
    let err = session
        .import_view("Rencana Aksi", None)
        .expect_err("nothing read yet");
    assert_eq!(err.kind(), ErrorKind::Invalid);

    let view = session
        .import_read(&import_fixture("gabung-warna.xlsx"))
        .expect("read");
    assert_eq!(view.nama, "gabung-warna.xlsx");
    assert_eq!(view.sheets, ["Rencana Aksi"]);
    assert_eq!(view.columns[2], "C · Kegiatan");
    assert_eq!(view.columns[5], "F · Bulan 1");
    assert_eq!(view.preview.counts.kegiatan, 2);
    let mut mapping = view.preview.mapping.clone();
    assert_eq!(mapping.kegiatan, Some(2));

    mapping.kegiatan = None;
    let changed = session
        .import_view("Rencana Aksi", Some(mapping.clone()))
        .expect("view");
    assert_eq!(changed.preview.counts.kegiatan, 1);
    assert_eq!(changed.preview.counts.tahapan, 6);
    assert_eq!(changed.guessed_bulan, view.guessed_bulan);
    // A bad sheet name is refused with the sheets there are; the source stays.
    let err = session.import_view("Lembar 9", None).expect_err("no sheet");
    assert_eq!(err.kind(), ErrorKind::BadFile);

    let (screen, counts) = session
        .import_into_plan("Rencana Aksi", mapping.clone())
        .expect("import");
    assert_eq!(counts.tahapan, 6);
    assert_eq!(screen.overview.totals.kegiatan, 1);
    assert_eq!(screen.grid.undo.undo.as_deref(), Some("Impor rencana aksi"));
    // The source was let go.
    let err = session
        .import_into_plan("Rencana Aksi", mapping)
        .expect_err("read again first");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(
        session
            .plan()
            .expect("plan")
            .overview()
            .expect("overview")
            .totals
            .tahapan,
        6
    );
}

#[test]
fn a_new_plan_from_an_imported_table_is_opened() {
    let dir = tempdir();
    let mut session = Session::new(dir.path().join("recent.json"), clock());
    let view = session
        .import_read(&import_fixture("gabung-warna.xlsx"))
        .expect("read");
    let path = dir.path().join("baru").join("impor.renjarb");
    let overview = session
        .create_imported(&path, 2024, "Rencana Aksi", view.preview.mapping, false)
        .expect("create");
    assert_eq!(overview.identity.tahun, 2024);
    assert_eq!(overview.totals.tahapan, 6);
    assert_eq!(session.recent()[0].path, text(&path));
    // A file that cannot be read leaves nothing behind to import.
    let err = session
        .import_read(&import_fixture("tanpa-judul.xlsx"))
        .expect_err("no header");
    assert_eq!(err.kind(), ErrorKind::BadFile);
}

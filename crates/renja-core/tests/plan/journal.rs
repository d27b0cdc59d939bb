//! What lies beside a plan after a crash or a careless copy: its own hot journal (rolled back
//! after a verified trial on a copy, with the crashed state kept), a journal or WAL from
//! another copy (never applied), and the editing lock that keeps a plan in one window.

use std::path::{Path, PathBuf};

use renja_core::edit::{Edit, Level};
use renja_core::{Error, ErrorKind, NewPlan, OpenMode, Plan, Template, check_file};
use rusqlite::Connection;

use crate::common::{clock, list_dir, sha256, tempdir};
use crate::report::tahapan_ids;

fn seed_plan(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let new = NewPlan {
        template: Template::Seed,
        tahun: 2025,
    };
    Plan::create(&path, new, false, clock())
        .expect("create")
        .close()
        .expect("close");
    path
}

fn rename_first_tahapan(path: &Path, nama: &str) {
    let mut plan = Plan::open(path, OpenMode::Edit, clock()).expect("open");
    let id = tahapan_ids(&plan)[0].0;
    plan.apply(Edit::RenameNode {
        level: Level::Tahapan,
        id,
        nama: nama.into(),
    })
    .expect("rename");
    plan.close().expect("close");
}

fn first_tahapan_name(plan: &Plan) -> String {
    let dump = plan.dump().expect("dump");
    dump.programs[0].outcomes[0].kegiatan[0].outputs[0].tahapan[0]
        .nama
        .clone()
}

/// What a power cut in the middle of a write leaves: `src` and its hot journal, copied to
/// `dest` while a transaction that renames everything and adds ~1 MB is still open and has
/// already spilled pages into the plan file. The transaction is then rolled back in `src`.
fn crash_copy(src: &Path, dest: &Path) {
    let conn = Connection::open(src).expect("open");
    conn.pragma_update(None, "cache_size", 2)
        .expect("cache_size");
    // As every writer of ours does (storage::begin_write): page 1 is journaled first.
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version");
    conn.execute_batch(&format!(
        "BEGIN IMMEDIATE;
         PRAGMA user_version = {version};
         UPDATE tahapan SET nama = 'setengah jalan';
         UPDATE program SET nama = 'setengah jalan';"
    ))
    .expect("begin");
    for i in 0..2000 {
        conn.execute(
            "INSERT INTO berkas (sha256, size, data) VALUES (?1, 500, randomblob(500))",
            [format!("{i:064x}")],
        )
        .expect("insert");
    }
    let journal = with_suffix(src, "-journal");
    assert!(journal.exists(), "the transaction keeps a journal");
    assert_ne!(
        std::fs::read(&journal).expect("journal")[..8],
        [0; 8],
        "the journal was synced, so the plan file may have been written"
    );
    std::fs::copy(src, dest).expect("copy plan");
    std::fs::copy(&journal, with_suffix(dest, "-journal")).expect("copy journal");
    conn.execute_batch("ROLLBACK").expect("rollback");
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// Every file in `dir` with its hash, to show a folder was left exactly as it was.
fn snapshot(dir: &Path) -> Vec<(String, String)> {
    list_dir(dir)
        .into_iter()
        .map(|n| {
            let h = sha256(&dir.join(&n));
            (n, h)
        })
        .collect()
}

#[test]
fn a_crashed_plan_opens_for_editing_with_its_last_committed_edit() {
    let work = tempdir();
    let src = seed_plan(work.path(), "asal.renjarb");
    rename_first_tahapan(&src, "Perubahan terakhir yang tersimpan");
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    crash_copy(&src, &path);
    let crashed_plan = sha256(&path);
    let crashed_journal = sha256(&with_suffix(&path, "-journal"));

    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("a crash never costs the plan");
    assert_eq!(
        first_tahapan_name(&plan),
        "Perubahan terakhir yang tersimpan"
    );
    assert!(
        plan.dump()
            .expect("dump")
            .programs
            .iter()
            .all(|p| p.nama != "setengah jalan"),
        "the unfinished write is gone"
    );
    let recovery = plan.recovery().expect("the user is told");
    assert!(
        recovery.message.contains("tertutup tidak wajar"),
        "{}",
        recovery.message
    );
    assert!(
        recovery
            .message
            .contains("rencana (sebelum pemulihan).renjarb"),
        "{}",
        recovery.message
    );
    assert_eq!(
        plan.overview().expect("overview").recovery.as_ref(),
        Some(recovery)
    );
    // The crashed state is kept beside the plan, byte for byte, as a pair SQLite recognises.
    let kept = dir.path().join("rencana (sebelum pemulihan).renjarb");
    assert_eq!(sha256(&kept), crashed_plan);
    assert_eq!(sha256(&with_suffix(&kept, "-journal")), crashed_journal);
    plan.close().expect("close");
    assert_eq!(
        list_dir(dir.path()),
        [
            "rencana (sebelum pemulihan).renjarb",
            "rencana (sebelum pemulihan).renjarb-journal",
            "rencana.renjarb"
        ]
    );
    check_file(&path).expect("the recovered plan passes the full check");
    let again = Plan::open(&path, OpenMode::Edit, clock()).expect("reopen");
    assert_eq!(again.recovery(), None, "nothing left to recover");
}

#[test]
fn a_crashed_plan_opens_read_only_and_in_check_without_changing_anything() {
    let work = tempdir();
    let src = seed_plan(work.path(), "asal.renjarb");
    rename_first_tahapan(&src, "Tersimpan sebelum listrik padam");
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    crash_copy(&src, &path);
    let before = snapshot(dir.path());

    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("read-only after a crash");
    assert_eq!(first_tahapan_name(&plan), "Tersimpan sebelum listrik padam");
    let message = &plan.recovery().expect("told").message;
    assert!(message.contains("tidak diubah"), "{message}");
    assert_eq!(snapshot(dir.path()), before);
    drop(plan);

    let report = check_file(&path).expect("check after a crash");
    assert!(report.recovery.is_some());
    assert_eq!(snapshot(dir.path()), before, "check changes nothing either");
}

#[test]
fn a_journal_from_another_copy_is_never_applied() {
    // Two copies of one plan go separate ways; one of them crashes, and its journal ends up
    // beside the other (as when a folder is copied while the first was open).
    let work = tempdir();
    let ours = seed_plan(work.path(), "kita.renjarb");
    let theirs = work.path().join("rekan.renjarb");
    std::fs::copy(&ours, &theirs).expect("copy");
    for n in 0..3 {
        rename_first_tahapan(&ours, &format!("Milik kita, perubahan {n}"));
    }
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    std::fs::copy(&ours, &path).expect("place ours");
    let crashed = dir.path().join("rekan.renjarb");
    crash_copy(&theirs, &crashed);
    std::fs::rename(
        with_suffix(&crashed, "-journal"),
        with_suffix(&path, "-journal"),
    )
    .expect("place their journal beside ours");
    std::fs::remove_file(&crashed).expect("tidy");
    let plan_bytes = sha256(&path);
    let journal_bytes = sha256(&with_suffix(&path, "-journal"));

    // Read-only: ignored, nothing touched.
    let before = snapshot(dir.path());
    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("read-only");
    assert_eq!(first_tahapan_name(&plan), "Milik kita, perubahan 2");
    let message = &plan.recovery().expect("told").message;
    assert!(message.contains("bukan milik rencana ini"), "{message}");
    drop(plan);
    assert_eq!(snapshot(dir.path()), before);
    assert!(check_file(&path).expect("check").recovery.is_some());

    // Editing: the plan is ours, unchanged; their journal is moved aside, not applied.
    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("edit");
    assert_eq!(first_tahapan_name(&plan), "Milik kita, perubahan 2");
    let message = plan.recovery().expect("told").message.clone();
    assert!(message.contains("tidak diterapkan"), "{message}");
    assert!(
        message.contains("rencana.renjarb-journal (tidak dipakai)"),
        "{message}"
    );
    plan.close().expect("close");
    assert_eq!(
        sha256(&path),
        plan_bytes,
        "not one byte of the plan changed"
    );
    assert_eq!(
        sha256(&dir.path().join("rencana.renjarb-journal (tidak dipakai)")),
        journal_bytes
    );
    check_file(&path).expect("still a good plan");
}

/// A WAL with frames of another database, as a copy from a WAL-mode tool leaves.
fn foreign_wal(dir: &Path) -> (PathBuf, PathBuf) {
    let other = dir.join("lain.db");
    let conn = Connection::open(&other).expect("open");
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .expect("wal");
    assert_eq!(mode, "wal");
    conn.pragma_update(None, "wal_autocheckpoint", 0)
        .expect("no checkpoint");
    conn.execute_batch("CREATE TABLE catatan (x); INSERT INTO catatan VALUES ('lain');")
        .expect("write");
    let wal = with_suffix(&other, "-wal");
    let shm = with_suffix(&other, "-shm");
    let copies = (dir.join("wal.bin"), dir.join("shm.bin"));
    std::fs::copy(&wal, &copies.0).expect("copy wal");
    std::fs::copy(&shm, &copies.1).expect("copy shm");
    copies
}

#[test]
fn a_stray_wal_is_never_applied_and_read_only_creates_nothing() {
    let work = tempdir();
    let (wal, shm) = foreign_wal(work.path());
    let dir = tempdir();
    let path = seed_plan(dir.path(), "rencana.renjarb");
    rename_first_tahapan(&path, "Isi rencana sendiri");
    let plan_bytes = sha256(&path);
    std::fs::copy(&wal, with_suffix(&path, "-wal")).expect("place wal");

    let before = snapshot(dir.path());
    for round in 0..2 {
        let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("read-only");
        assert_eq!(
            first_tahapan_name(&plan),
            "Isi rencana sendiri",
            "round {round}"
        );
        assert!(plan.recovery().is_some());
        drop(plan);
        check_file(&path).expect("check");
        assert_eq!(snapshot(dir.path()), before, "no -shm, nothing changed");
    }

    std::fs::copy(&shm, with_suffix(&path, "-shm")).expect("place shm");
    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("edit");
    assert_eq!(first_tahapan_name(&plan), "Isi rencana sendiri");
    let message = plan.recovery().expect("told").message.clone();
    assert!(message.contains("\"rencana.renjarb-wal\""), "{message}");
    plan.close().expect("close");
    assert_eq!(sha256(&path), plan_bytes);
    assert_eq!(
        list_dir(dir.path()),
        [
            "rencana.renjarb",
            "rencana.renjarb-shm (tidak dipakai)",
            "rencana.renjarb-wal (tidak dipakai)"
        ]
    );
}

#[test]
fn a_plan_is_edited_in_one_place_at_a_time() {
    let dir = tempdir();
    let path = seed_plan(dir.path(), "rencana.renjarb");
    let mut first = Plan::open(&path, OpenMode::Edit, clock()).expect("first");
    let err = Plan::open(&path, OpenMode::Edit, clock()).expect_err("second editor");
    assert!(matches!(err, Error::Locked { .. }), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::Locked);
    let message = err.message();
    assert!(
        message.contains("sedang dibuka untuk diedit oleh"),
        "{message}"
    );
    assert!(message.contains("14 Maret 2025"), "{message}");
    assert!(message.contains("hanya-baca"), "{message}");
    // Replacing it with a new plan is refused too.
    let new = NewPlan {
        template: Template::Empty,
        tahun: 2026,
    };
    let err = Plan::create(&path, new, true, clock()).expect_err("replace while open");
    assert!(matches!(err, Error::Locked { .. }), "{err:?}");

    // A reader sees the editor's committed edits.
    let id = tahapan_ids(&first)[0].0;
    first
        .apply(Edit::RenameNode {
            level: Level::Tahapan,
            id,
            nama: "Diubah di jendela pertama".into(),
        })
        .expect("edit");
    let reader = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("read-only meanwhile");
    assert_eq!(first_tahapan_name(&reader), "Diubah di jendela pertama");
    drop(reader);

    first.close().expect("close");
    let second = Plan::open(&path, OpenMode::Edit, clock()).expect("free again");
    assert_eq!(first_tahapan_name(&second), "Diubah di jendela pertama");
}

#[test]
fn a_lock_left_by_a_killed_editor_is_taken_over() {
    let dir = tempdir();
    let path = seed_plan(dir.path(), "rencana.renjarb");
    // The lock file of a process that died: present, held by no one.
    std::fs::write(
        dir.path().join(".~lock.rencana.renjarb#"),
        br#"{"user":"rina","host":"PC-1","program":"renja-rb","pid":1,"since":"x","token":"t"}"#,
    )
    .expect("stale lock");
    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("taken over");
    plan.close().expect("close");
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
}

#[test]
fn a_crash_before_the_plan_file_was_written_keeps_no_copies() {
    // The journal of a write that had not reached the plan file yet: the plan is exactly as
    // committed, and rolling the journal back changes nothing in it.
    let work = tempdir();
    let src = seed_plan(work.path(), "asal.renjarb");
    rename_first_tahapan(&src, "Tersimpan utuh");
    let crashed = work.path().join("padam.renjarb");
    crash_copy(&src, &crashed);
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    std::fs::copy(&src, &path).expect("the committed plan");
    std::fs::copy(
        with_suffix(&crashed, "-journal"),
        with_suffix(&path, "-journal"),
    )
    .expect("its journal");
    let committed = sha256(&path);

    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    assert_eq!(first_tahapan_name(&plan), "Tersimpan utuh");
    let recovery = plan.recovery().expect("told").clone();
    assert!(
        recovery.message.contains("belum sempat tertulis"),
        "{}",
        recovery.message
    );
    assert!(recovery.kept.is_empty());
    plan.close().expect("close");
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
    assert_eq!(sha256(&path), committed);
}

#[test]
fn a_journal_without_its_magic_is_removed_when_editing_and_ignored_when_reading() {
    let dir = tempdir();
    let path = seed_plan(dir.path(), "rencana.renjarb");
    let journal = with_suffix(&path, "-journal");
    std::fs::write(&journal, vec![0u8; 4096]).expect("dead journal");
    let before = snapshot(dir.path());
    drop(Plan::open(&path, OpenMode::ReadOnly, clock()).expect("read-only"));
    assert_eq!(snapshot(dir.path()), before);
    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("edit");
    assert_eq!(plan.recovery(), None, "nothing was applied or moved");
    plan.close().expect("close");
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
}

#[test]
fn scratch_copies_of_crashed_plans_left_by_a_killed_app_are_swept_after_a_day() {
    use renja_core::file::{SCRATCH_AGE, sweep_stale_scratch};
    use std::time::{Duration, SystemTime};
    let temp = tempdir();
    let make = |name: &str| {
        let dir = temp.path().join(name);
        std::fs::create_dir(&dir).expect("folder");
        std::fs::write(dir.join("pemulihan.renjarb"), b"a copy of a plan").expect("copy");
    };
    // Ours, as tempfile names them; and three that only look alike.
    make("renja-pemulihan-AbC12x");
    make("renja-pemulihan-toolongname");
    make("pemulihan-AbC12x");
    std::fs::write(temp.path().join("renja-pemulihan-file00"), b"a file").expect("file");
    let now = SystemTime::now();

    // Fresh: a command or the app may be reading it now.
    assert_eq!(sweep_stale_scratch(temp.path(), now, SCRATCH_AGE), 0);
    assert_eq!(list_dir(temp.path()).len(), 4);

    // A day and more later only our folder goes, with the copy inside it.
    let later = now + SCRATCH_AGE + Duration::from_secs(60);
    assert_eq!(sweep_stale_scratch(temp.path(), later, SCRATCH_AGE), 1);
    let left = list_dir(temp.path());
    assert!(
        !left.iter().any(|n| n == "renja-pemulihan-AbC12x"),
        "{left:?}"
    );
    assert_eq!(left.len(), 3, "{left:?}");
    // A folder that cannot be read is no error.
    assert_eq!(
        sweep_stale_scratch(&temp.path().join("gone"), later, SCRATCH_AGE),
        0
    );
}

//! `renja merge OURS THEIRS`: conflicts exit 3 and change nothing, `--prefer` settles them,
//! `--dry-run --json` prints the change list, other plans and non-plans are refused.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use renja_core::edit::Level;
use renja_core::{FixedClock, NewPlan, OpenMode, Plan, Template};

use super::{renja, s, stderr, stdout};

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock(
        Utc.with_ymd_and_hms(2025, 5, 2, 8, 0, 0)
            .single()
            .expect("instant"),
    ))
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).expect("read")
}

/// Two copies of one plan, the first tahapan renamed differently in each.
fn conflicting(dir: &Path) -> (PathBuf, PathBuf) {
    let ours = dir.join("Rencana RB sekretariat.renjarb");
    let o = renja(&["new", s(&ours), "--tahun", "2025"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let theirs = dir.join("Rencana RB Pokja.renjarb");
    std::fs::copy(&ours, &theirs).expect("copy");
    for (path, name) in [(&ours, "Versi sekretariat"), (&theirs, "Versi Pokja")] {
        let mut plan = Plan::open(path, OpenMode::Edit, clock()).expect("open");
        let id = plan
            .grid()
            .expect("grid")
            .rows
            .iter()
            .find(|r| r.level == Level::Tahapan)
            .expect("a tahapan")
            .id;
        plan.rename_node(Level::Tahapan, id, name).expect("rename");
        plan.close().expect("close");
    }
    (ours, theirs)
}

#[test]
fn a_merge_with_conflicts_changes_nothing_and_exits_3_until_a_side_is_preferred() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ours, theirs) = conflicting(dir.path());
    let (before, theirs_before) = (bytes(&ours), bytes(&theirs));
    let o = renja(&["merge", s(&ours), s(&theirs)]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("saya \"Versi sekretariat\" / rekan \"Versi Pokja\""),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("belum dipilih"), "{}", stderr(&o));
    assert_eq!(bytes(&ours), before, "ours unchanged");

    let o = renja(&["merge", s(&ours), s(&theirs), "--prefer", "theirs"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Digabungkan: 1 perubahan"),
        "{}",
        stdout(&o)
    );
    assert_eq!(bytes(&theirs), theirs_before, "theirs is only read");
    let o = renja(&["dump", s(&ours)]);
    assert!(stdout(&o).contains("\"Versi Pokja\""));
    assert!(!stdout(&o).contains("\"Versi sekretariat\""));
}

#[test]
fn dry_run_json_prints_the_change_list_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ours, theirs) = conflicting(dir.path());
    let before = bytes(&ours);
    let o = renja(&["merge", "--dry-run", "--json", s(&ours), s(&theirs)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["open_conflicts"], 1);
    assert_eq!(v["conflicts"][0]["what"], "Tahapan");
    assert_eq!(v["source"]["file_name"], "Rencana RB Pokja.renjarb");
    assert_eq!(bytes(&ours), before);
}

#[test]
fn another_plan_and_a_file_that_is_not_a_plan_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ours = dir.path().join("a.renjarb");
    let other = dir.path().join("b.renjarb");
    for p in [&ours, &other] {
        Plan::create(
            p,
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
    let before = bytes(&ours);
    let o = renja(&["merge", s(&ours), s(&other)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("salinan rencana lain"),
        "{}",
        stderr(&o)
    );
    assert_eq!(bytes(&ours), before);
    // Confirmed: the template rows match by name; nothing doubles.
    let o = renja(&[
        "merge",
        "--same-plan",
        "--prefer",
        "ours",
        s(&ours),
        s(&other),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = renja(&["info", "--json", s(&ours)]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["tahapan"], 106);

    let junk = dir.path().join("foto.renjarb");
    std::fs::write(&junk, b"\xFF\xD8\xFF\xE0 bukan rencana").expect("write");
    let o = renja(&["merge", s(&ours), s(&junk)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).is_empty());
    let o = renja(&["merge", s(&ours), s(&ours), "--prefer", "rekan"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("sedang dibuka"), "{}", stderr(&o));
}

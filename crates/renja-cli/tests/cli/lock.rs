//! One plan, two processes: the plan this test process holds open for editing is refused to
//! `renja` in another process, which is told who holds it; reading it stays possible.

use std::sync::Arc;

use renja_core::{NewPlan, Plan, SystemClock, Template};

use crate::{renja, s, stderr, stdout};

#[test]
fn a_plan_open_for_editing_here_is_refused_to_another_process() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("bersama.renjarb");
    let new = NewPlan {
        template: Template::Seed,
        tahun: 2025,
    };
    let open = Plan::create(&plan, new, false, Arc::new(SystemClock)).expect("create");
    let before = std::fs::read(&plan).expect("read");

    let o = renja(&["new", s(&plan), "--force", "--empty", "--tahun", "2026"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let message = stderr(&o);
    assert!(
        message.contains("sedang dibuka untuk diedit oleh"),
        "{message}"
    );
    assert!(message.contains("hanya-baca"), "{message}");
    assert_eq!(std::fs::read(&plan).expect("read"), before, "not replaced");

    for command in [&["check"][..], &["info", "--json"], &["dump"]] {
        let mut args = command.to_vec();
        args.push(s(&plan));
        let o = renja(&args);
        assert!(o.status.success(), "{command:?}: {}", stderr(&o));
    }

    drop(open);
    let o = renja(&["new", s(&plan), "--force", "--empty", "--tahun", "2026"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Red-team finding 2: while a crash's journal lay beside a plan, `renja` could not read it
/// at all ("attempt to write a readonly database"). It reads the last committed state now,
/// says so, and changes nothing.
#[test]
fn a_crashed_plan_is_read_by_every_command_without_changing_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("padam.renjarb");
    let crash = crate::fixtures().join("hostile/journal/hot-journal.renjarb");
    std::fs::copy(&crash, &plan).expect("copy plan");
    let mut journal = crash.into_os_string();
    journal.push("-journal");
    std::fs::copy(&journal, dir.path().join("padam.renjarb-journal")).expect("copy journal");
    let before: Vec<_> = ["padam.renjarb", "padam.renjarb-journal"]
        .iter()
        .map(|n| std::fs::read(dir.path().join(n)).expect("read"))
        .collect();

    let o = renja(&["check", s(&plan)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("tertutup tidak wajar"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("Berkas baik"), "{}", stdout(&o));
    let o = renja(&["info", "--json", s(&plan)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["tahapan"], 303);
    let o = renja(&["dump", s(&plan)]);
    assert!(
        stdout(&o).contains("(perubahan terakhir yang tersimpan)"),
        "the last committed edit"
    );
    let after: Vec<_> = ["padam.renjarb", "padam.renjarb-journal"]
        .iter()
        .map(|n| std::fs::read(dir.path().join(n)).expect("read"))
        .collect();
    assert!(before == after, "reading changed the crashed plan");
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 2);
}

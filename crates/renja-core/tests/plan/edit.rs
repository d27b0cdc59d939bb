//! Editing the tree and undoing it: every edit, its undo and its redo.

use std::path::Path;

use renja_core::edit::{Level, NewNode};
use renja_core::{Error, ErrorKind, NewPlan, OpenMode, Plan, TahapanId, Template};
use serde_json::Value;

use crate::common::{clock, list_dir, tempdir};

fn seed_plan(dir: &Path) -> Plan {
    let path = dir.join("rencana.renjarb");
    Plan::create(
        &path,
        NewPlan {
            template: Template::Seed,
            tahun: 2026,
        },
        false,
        clock(),
    )
    .expect("create")
}

/// The plan's content without the fields that say when a row changed.
fn content(plan: &Plan) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                // Stamps and the merge bookkeeping (row versions, deletion markers) change
                // with every edit, undo and redo by design: they are not content.
                map.remove("modified_at");
                map.remove("version");
                map.remove("deleted");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(plan.dump().expect("dump")).expect("json");
    strip(&mut v);
    v
}

/// Ids of the rows of `level` in grid order.
fn ids(plan: &Plan, level: Level) -> Vec<i64> {
    plan.grid()
        .expect("grid")
        .rows
        .into_iter()
        .filter(|r| r.level == level)
        .map(|r| r.id)
        .collect()
}

fn names_under(plan: &Plan, level: Level, parent: i64) -> Vec<String> {
    plan.grid()
        .expect("grid")
        .rows
        .into_iter()
        .filter(|r| r.level == level && r.parent == Some(parent))
        .map(|r| r.nama)
        .collect()
}

/// Apply `edit`, check it changed the plan, undo it (back to before), redo it (back to after).
fn round_trip(plan: &mut Plan, label: &str, edit: impl FnOnce(&mut Plan)) {
    let before = content(plan);
    edit(plan);
    let after = content(plan);
    assert_ne!(before, after, "{label}: the edit changed nothing");
    assert_eq!(plan.undo_state().undo.as_deref(), Some(label));
    assert!(plan.undo().expect("undo"));
    assert_eq!(content(plan), before, "{label}: undo");
    assert_eq!(plan.undo_state().redo.as_deref(), Some(label));
    assert!(plan.redo().expect("redo"));
    assert_eq!(content(plan), after, "{label}: redo");
}

#[test]
fn every_edit_undoes_and_redoes() {
    let dir = tempdir();
    let mut plan = seed_plan(dir.path());
    let program = ids(&plan, Level::Program)[0];
    let outcome = ids(&plan, Level::Outcome)[0];
    let kegiatan = ids(&plan, Level::Kegiatan)[0];
    let output = ids(&plan, Level::Output)[0];
    let tahapan = ids(&plan, Level::Tahapan)[0];

    round_trip(&mut plan, "Tambah program", |p| {
        p.add_node(
            NewNode {
                level: Level::Program,
                parent: None,
                after: None,
            },
            "RB Tematik",
        )
        .expect("add program");
    });
    round_trip(&mut plan, "Tambah tahapan", |p| {
        p.add_node(
            NewNode {
                level: Level::Tahapan,
                parent: Some(output),
                after: Some(tahapan),
            },
            "Menyusun draf SK",
        )
        .expect("add tahapan");
    });
    round_trip(&mut plan, "Ubah nama kegiatan", |p| {
        p.rename_node(Level::Kegiatan, kegiatan, "Membentuk Tim RB")
            .expect("rename");
    });
    round_trip(&mut plan, "Pindahkan program", |p| {
        p.move_node(Level::Program, program, 3).expect("move");
    });
    round_trip(&mut plan, "Ubah jadwal bulan", |p| {
        p.set_bulan(TahapanId(tahapan), 0b0000_0000_0111)
            .expect("schedule");
    });
    round_trip(&mut plan, "Ubah kriteria keberhasilan", |p| {
        p.set_kriteria(TahapanId(tahapan), "SK ditandatangani")
            .expect("kriteria");
    });
    round_trip(&mut plan, "Ubah penanggung jawab", |p| {
        p.set_penanggung_jawab(TahapanId(tahapan), "Pokja Baru")
            .expect("pj");
    });
    round_trip(&mut plan, "Hapus outcome", |p| {
        p.delete_node(Level::Outcome, outcome)
            .expect("delete outcome");
    });
    round_trip(&mut plan, "Hapus program", |p| {
        p.delete_node(Level::Program, program)
            .expect("delete program");
    });
    round_trip(&mut plan, "Ubah identitas rencana", |p| {
        let mut id = p.identity().expect("identity");
        id.kepala_nama = "Kepala Baru".into();
        p.set_identity(&id).expect("identity");
    });
    // The file is consistent after all of that.
    let path = plan.path().to_owned();
    plan.close().expect("close");
    renja_core::check_file(&path).expect("full check after edits, undos and redos");
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
}

#[test]
fn deleting_a_program_removes_its_tree_and_undo_brings_it_all_back() {
    let dir = tempdir();
    let mut plan = seed_plan(dir.path());
    let program = ids(&plan, Level::Program)[6]; // Penguatan Pengawasan: 28 tahapan
    let before = plan.overview().expect("overview").totals;
    plan.delete_node(Level::Program, program).expect("delete");
    let after = plan.overview().expect("overview").totals;
    assert_eq!((after.programs, after.kegiatan, after.tahapan), (7, 37, 78));
    plan.undo().expect("undo");
    assert_eq!(plan.overview().expect("overview").totals, before);
}

#[test]
fn add_after_a_sibling_and_move_keep_order() {
    let dir = tempdir();
    let mut plan = seed_plan(dir.path());
    let output = ids(&plan, Level::Output)[1];
    let first = names_under(&plan, Level::Tahapan, output);
    assert_eq!(first, ["Menyusun susunan Tim Assesor PMPRB Unit Kerja"]);
    let t0 = ids(&plan, Level::Tahapan)[1];
    let a = plan
        .add_node(
            NewNode {
                level: Level::Tahapan,
                parent: Some(output),
                after: None,
            },
            "C",
        )
        .expect("append");
    plan.add_node(
        NewNode {
            level: Level::Tahapan,
            parent: Some(output),
            after: Some(t0),
        },
        "B",
    )
    .expect("after first");
    assert_eq!(
        names_under(&plan, Level::Tahapan, output),
        ["Menyusun susunan Tim Assesor PMPRB Unit Kerja", "B", "C"]
    );
    plan.move_node(Level::Tahapan, a, 0).expect("move to top");
    assert_eq!(
        names_under(&plan, Level::Tahapan, output),
        ["C", "Menyusun susunan Tim Assesor PMPRB Unit Kerja", "B"]
    );
    plan.move_node(Level::Tahapan, a, 99)
        .expect("move past the end");
    assert_eq!(
        names_under(&plan, Level::Tahapan, output),
        ["Menyusun susunan Tim Assesor PMPRB Unit Kerja", "B", "C"]
    );
}

#[test]
fn toggling_and_ranges_act_on_what_is_stored() {
    use renja_core::edit::Edit;
    let dir = tempdir();
    let mut plan = seed_plan(dir.path());
    let t = TahapanId(ids(&plan, Level::Tahapan)[0]);
    let bulan = |p: &Plan| {
        p.grid()
            .expect("grid")
            .rows
            .into_iter()
            .find(|r| r.level == Level::Tahapan && r.id == t.0)
            .expect("row")
            .bulan
    };
    // Three quick clicks, each made against the same (stale) view, all count.
    for m in [2, 3, 4] {
        plan.apply(Edit::ToggleBulan { id: t, bulan: m })
            .expect("toggle");
    }
    assert_eq!(bulan(&plan), 0b1110);
    plan.apply(Edit::ScheduleBulan {
        id: t,
        from: 12,
        to: 10,
        on: true,
    })
    .expect("range");
    assert_eq!(bulan(&plan), 0b1110_0000_1110);
    plan.apply(Edit::ScheduleBulan {
        id: t,
        from: 1,
        to: 3,
        on: false,
    })
    .expect("clear");
    assert_eq!(bulan(&plan), 0b1110_0000_1000);
    assert_eq!(
        plan.apply(Edit::ToggleBulan { id: t, bulan: 13 })
            .expect_err("13th month")
            .kind(),
        ErrorKind::Invalid
    );
    plan.undo().expect("undo");
    assert_eq!(bulan(&plan), 0b1110_0000_1110);
}

#[test]
fn a_new_edit_after_undo_drops_redo() {
    let dir = tempdir();
    let mut plan = seed_plan(dir.path());
    let t = TahapanId(ids(&plan, Level::Tahapan)[0]);
    plan.set_bulan(t, 1).expect("jan");
    plan.set_bulan(t, 3).expect("jan+feb");
    plan.undo().expect("undo");
    assert_eq!(plan.undo_state().redo.as_deref(), Some("Ubah jadwal bulan"));
    plan.set_kriteria(t, "baru").expect("kriteria");
    assert_eq!(plan.undo_state().redo, None);
    assert!(!plan.redo().expect("nothing to redo"));
    plan.undo().expect("undo kriteria");
    plan.undo().expect("undo jan");
    assert_eq!(
        plan.grid()
            .expect("grid")
            .rows
            .iter()
            .find(|r| r.id == t.0 && r.level == Level::Tahapan)
            .map(|r| r.bulan),
        Some(0)
    );
    assert!(!plan.undo().expect("history exhausted"));
}

#[test]
fn an_edit_that_changes_nothing_is_not_an_undo_step() {
    let dir = tempdir();
    let mut plan = seed_plan(dir.path());
    let k = ids(&plan, Level::Kegiatan)[0];
    let name = plan
        .grid()
        .expect("grid")
        .rows
        .into_iter()
        .find(|r| r.id == k && r.level == Level::Kegiatan)
        .expect("row")
        .nama;
    plan.rename_node(Level::Kegiatan, k, &format!("  {name} "))
        .expect("same name");
    assert_eq!(plan.undo_state().undo, None);
}

#[test]
fn bad_edits_are_refused_and_change_nothing() {
    let dir = tempdir();
    let mut plan = seed_plan(dir.path());
    let before = content(&plan);
    let output = ids(&plan, Level::Output)[0];
    let t = TahapanId(ids(&plan, Level::Tahapan)[0]);
    let cases: Vec<(&str, Error)> = vec![
        (
            "empty program name",
            plan.add_node(
                NewNode {
                    level: Level::Program,
                    parent: None,
                    after: None,
                },
                "  ",
            )
            .expect_err("empty"),
        ),
        (
            "kegiatan without parent",
            plan.add_node(
                NewNode {
                    level: Level::Kegiatan,
                    parent: None,
                    after: None,
                },
                "K",
            )
            .expect_err("no parent"),
        ),
        (
            "bulan out of range",
            plan.set_bulan(t, 0x1000).expect_err("13th month"),
        ),
        (
            "name too long",
            plan.rename_node(Level::Output, output, &"x".repeat(2001))
                .expect_err("long"),
        ),
    ];
    for (what, e) in cases {
        assert_eq!(e.kind(), ErrorKind::Invalid, "{what}: {e:?}");
    }
    let missing = plan
        .rename_node(Level::Tahapan, 999_999, "x")
        .expect_err("missing");
    assert!(matches!(missing, Error::Missing { .. }));
    let missing_parent = plan
        .add_node(
            NewNode {
                level: Level::Tahapan,
                parent: Some(999_999),
                after: None,
            },
            "x",
        )
        .expect_err("missing parent");
    assert!(matches!(missing_parent, Error::Missing { .. }));
    assert_eq!(content(&plan), before);
    assert_eq!(plan.undo_state().undo, None);
}

#[test]
fn hostile_text_is_stored_as_text() {
    let dir = tempdir();
    let mut plan = seed_plan(dir.path());
    let t = ids(&plan, Level::Tahapan)[0];
    let evil = "<img src=x onerror=alert(1)>'); DROP TABLE tahapan; --";
    plan.rename_node(Level::Tahapan, t, evil).expect("rename");
    plan.undo().expect("undo");
    plan.redo().expect("redo");
    let row = plan
        .grid()
        .expect("grid")
        .rows
        .into_iter()
        .find(|r| r.id == t && r.level == Level::Tahapan)
        .expect("row");
    assert_eq!(row.nama, evil);
    assert_eq!(plan.overview().expect("overview").totals.tahapan, 106);
}

#[test]
fn read_only_plans_refuse_edits_and_undo() {
    let dir = tempdir();
    let plan = seed_plan(dir.path());
    let path = plan.path().to_owned();
    plan.close().expect("close");
    let mut plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open read-only");
    let t = TahapanId(ids(&plan, Level::Tahapan)[0]);
    assert!(matches!(plan.set_bulan(t, 1), Err(Error::ReadOnly)));
    assert!(matches!(plan.undo(), Err(Error::ReadOnly)));
}

#[test]
fn edits_survive_closing_and_reopening() {
    let dir = tempdir();
    let mut plan = seed_plan(dir.path());
    let t = TahapanId(ids(&plan, Level::Tahapan)[0]);
    plan.set_bulan(t, 0b1010_0000_0001).expect("schedule");
    plan.set_penanggung_jawab(t, "Pokja Akuntabilitas")
        .expect("pj");
    let expected = content(&plan);
    let path = plan.path().to_owned();
    plan.close().expect("close");
    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("reopen");
    assert_eq!(content(&plan), expected);
    assert_eq!(
        plan.undo_state().undo,
        None,
        "history ends with the session"
    );
    let row = plan
        .grid()
        .expect("grid")
        .rows
        .into_iter()
        .find(|r| r.id == t.0 && r.level == Level::Tahapan)
        .expect("row");
    assert_eq!(row.bulan, 0b1010_0000_0001);
}

/// Adding at the end used to take the number of siblings as the new position, which ties with
/// a sibling once rows before it were deleted (positions are not renumbered on delete): the new
/// row then sorted before that sibling instead of last.
#[test]
fn a_row_added_at_the_end_after_deletes_is_last() {
    let dir = tempdir();
    let mut plan = seed_plan(dir.path());
    let programs = ids(&plan, Level::Program);
    plan.delete_node(Level::Program, programs[0])
        .expect("delete first");
    plan.delete_node(Level::Program, programs[1])
        .expect("delete second");
    let end = NewNode {
        level: Level::Program,
        parent: None,
        after: None,
    };
    let added = plan.add_node(end, "RB Tematik").expect("add at the end");
    assert_eq!(ids(&plan, Level::Program).last(), Some(&added));
}

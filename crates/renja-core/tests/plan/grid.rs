//! The month grid's rows: depth-first order, numbering, months rolled up, Pokja names.

use renja_core::edit::Level;
use renja_core::model::Peran;
use renja_core::{AnggotaInput, NewPlan, Plan, TahapanId, Template};

use crate::common::{clock, tempdir};

#[test]
fn the_seed_plan_flattens_depth_first() {
    let dir = tempdir();
    let path = dir.path().join("r.renjarb");
    let mut plan = Plan::create(
        &path,
        NewPlan {
            template: Template::Seed,
            tahun: 2023,
        },
        false,
        clock(),
    )
    .expect("create");
    let grid = plan.grid().expect("grid");
    assert_eq!(grid.tahun, 2023);
    let count = |l: Level| grid.rows.iter().filter(|r| r.level == l).count();
    assert_eq!(
        [
            Level::Program,
            Level::Outcome,
            Level::Kegiatan,
            Level::Output,
            Level::Tahapan
        ]
        .map(count),
        [8, 19, 45, 59, 106]
    );
    // Every row comes right after its parent's subtree started: a parent precedes its children.
    for (i, row) in grid.rows.iter().enumerate() {
        if let Some(parent) = row.parent {
            let p = grid.rows[..i]
                .iter()
                .rposition(|r| r.id == parent && Some(r.level) != Some(row.level));
            assert!(
                p.is_some(),
                "row {i} ({:?} {}) comes before its parent",
                row.level,
                row.nama
            );
        }
    }
    let first: Vec<(Level, u32, &str)> = grid
        .rows
        .iter()
        .take(5)
        .map(|r| (r.level, r.nomor, r.nama.as_str()))
        .collect();
    assert_eq!(first[0], (Level::Program, 1, "Manajemen Perubahan"));
    assert_eq!(
        first[4],
        (Level::Tahapan, 1, "Menyusun susunan Tim RB Unit Kerja")
    );
    let program7 = grid
        .rows
        .iter()
        .find(|r| r.level == Level::Program && r.nomor == 7)
        .expect("p7");
    assert_eq!(program7.tahapan, 28);

    // Months roll up to the groups above.
    let t = grid.rows[4].id;
    plan.set_bulan(TahapanId(t), 0b0000_0000_0110)
        .expect("schedule");
    let grid = plan.grid().expect("grid");
    assert_eq!(grid.rows[0].bulan, 0b0110);
    assert_eq!(grid.rows[1].bulan, 0b0110);
    assert_eq!(
        grid.rows[5].bulan, 0,
        "a sibling tahapan keeps its own months"
    );
    assert_eq!(grid.undo.undo.as_deref(), Some("Ubah jadwal bulan"));
}

#[test]
fn pokja_names_come_from_the_team_first_then_the_plan() {
    let dir = tempdir();
    let path = dir.path().join("r.renjarb");
    let mut plan = Plan::create(
        &path,
        NewPlan {
            template: Template::Seed,
            tahun: 2023,
        },
        false,
        clock(),
    )
    .expect("create");
    let from_plan = plan.pokja_names().expect("names");
    assert_eq!(from_plan[0], "Pokja Manajemen Perubahan");
    assert!(from_plan.len() >= 8, "{from_plan:?}");
    plan.add_anggota(&AnggotaInput {
        nama: "Budi".into(),
        nip: "".into(),
        jabatan: "Analis".into(),
        peran: Peran::AnggotaPokja,
        pokja: "Pokja Digitalisasi".into(),
    })
    .expect("add");
    let names = plan.pokja_names().expect("names");
    assert_eq!(names[0], "Pokja Digitalisasi");
    assert_eq!(
        names
            .iter()
            .filter(|n| *n == "Pokja Manajemen Perubahan")
            .count(),
        1
    );
}

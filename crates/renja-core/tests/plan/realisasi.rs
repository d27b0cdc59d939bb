//! Recording realisasi and the month cells' states in the grid (the test clock says
//! 14 March 2025, so in a 2025 plan January and February have passed).

use renja_core::capaian::CellState;
use renja_core::edit::{Edit, Level};
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::{Error, ErrorKind, NewPlan, Plan, TahapanId, Template};

use crate::common::{clock, tempdir};

fn plan_2025(dir: &std::path::Path) -> (Plan, TahapanId) {
    let path = dir.join("r.renjarb");
    let plan = Plan::create(
        &path,
        NewPlan {
            template: Template::Seed,
            tahun: 2025,
        },
        false,
        clock(),
    )
    .expect("create");
    let t = plan
        .grid()
        .expect("grid")
        .rows
        .into_iter()
        .find(|r| r.level == Level::Tahapan)
        .expect("tahapan")
        .id;
    (plan, TahapanId(t))
}

fn input(status: Status, persen: u8) -> RealisasiInput {
    RealisasiInput {
        status,
        persen,
        catatan: "Rapat penyusunan tim".into(),
        kendala: String::new(),
        tindak_lanjut: String::new(),
    }
}

fn cells(plan: &Plan, t: TahapanId) -> Vec<CellState> {
    plan.grid()
        .expect("grid")
        .rows
        .into_iter()
        .find(|r| r.level == Level::Tahapan && r.id == t.0)
        .expect("row")
        .cells
}

#[test]
fn record_replace_clear_and_undo() {
    let dir = tempdir();
    let (mut plan, t) = plan_2025(dir.path());
    assert_eq!(plan.realisasi(t, 2).expect("read"), None);
    plan.set_realisasi(t, 2, &input(Status::DalamProses, 40))
        .expect("record");
    let r = plan.realisasi(t, 2).expect("read").expect("recorded");
    assert_eq!(
        (r.status, r.persen, r.catatan.as_str()),
        (Status::DalamProses, 40, "Rapat penyusunan tim")
    );
    assert_eq!(plan.undo_state().undo.as_deref(), Some("Catat realisasi"));

    // Done is always 100 %, not started always 0 %.
    plan.set_realisasi(t, 2, &input(Status::Selesai, 60))
        .expect("replace");
    assert_eq!(plan.realisasi(t, 2).expect("read").expect("r").persen, 100);
    plan.set_realisasi(t, 3, &input(Status::BelumDimulai, 60))
        .expect("march");
    assert_eq!(plan.realisasi(t, 3).expect("read").expect("r").persen, 0);

    plan.clear_realisasi(t, 2).expect("clear");
    assert_eq!(plan.realisasi(t, 2).expect("read"), None);
    plan.undo().expect("undo clear");
    assert_eq!(
        plan.realisasi(t, 2).expect("read").expect("back").status,
        Status::Selesai
    );
    plan.undo().expect("undo march");
    plan.undo().expect("undo replace");
    assert_eq!(
        plan.realisasi(t, 2).expect("read").expect("r").status,
        Status::DalamProses
    );

    // Everything survives closing and reopening.
    let path = plan.path().to_owned();
    plan.close().expect("close");
    let plan = Plan::open(&path, renja_core::OpenMode::Edit, clock()).expect("reopen");
    assert_eq!(
        plan.realisasi(t, 2).expect("read").expect("kept").persen,
        40
    );
}

#[test]
fn bad_records_are_refused() {
    let dir = tempdir();
    let (mut plan, t) = plan_2025(dir.path());
    let cases = [
        plan.set_realisasi(t, 13, &input(Status::Selesai, 100))
            .expect_err("month 13"),
        plan.set_realisasi(t, 0, &input(Status::Selesai, 100))
            .expect_err("month 0"),
        plan.set_realisasi(t, 1, &input(Status::DalamProses, 101))
            .expect_err("101 %"),
        plan.set_realisasi(
            t,
            1,
            &RealisasiInput {
                kendala: "x".repeat(4001),
                ..input(Status::DalamProses, 5)
            },
        )
        .expect_err("long"),
        plan.set_realisasi(
            t,
            1,
            &RealisasiInput {
                catatan: "a\u{7}b".into(),
                ..input(Status::DalamProses, 5)
            },
        )
        .expect_err("bell"),
    ];
    for e in cases {
        assert_eq!(e.kind(), ErrorKind::Invalid, "{e:?}");
    }
    let missing = plan
        .set_realisasi(TahapanId(999_999), 1, &input(Status::Selesai, 100))
        .expect_err("missing");
    assert!(matches!(missing, Error::Missing { .. }));
    assert_eq!(plan.undo_state().undo, None);
}

#[test]
fn notes_keep_lines_and_markup_as_text() {
    let dir = tempdir();
    let (mut plan, t) = plan_2025(dir.path());
    let text = "Baris satu\nBaris <script>alert(1)</script> dua";
    plan.set_realisasi(
        t,
        1,
        &RealisasiInput {
            kendala: text.into(),
            ..input(Status::DalamProses, 10)
        },
    )
    .expect("record");
    assert_eq!(
        plan.realisasi(t, 1).expect("read").expect("r").kendala,
        text
    );
}

#[test]
fn grid_cells_show_schedule_progress_and_lateness() {
    let dir = tempdir();
    let (mut plan, t) = plan_2025(dir.path());
    // Scheduled January–April; today is 14 March 2025.
    plan.apply(Edit::ScheduleBulan {
        id: t,
        from: 1,
        to: 4,
        on: true,
    })
    .expect("schedule");
    plan.set_realisasi(t, 1, &input(Status::Selesai, 100))
        .expect("january done");
    plan.set_realisasi(t, 3, &input(Status::DalamProses, 50))
        .expect("march in progress");
    plan.set_realisasi(t, 6, &input(Status::DalamProses, 30))
        .expect("june, unscheduled");
    let c = cells(&plan, t);
    assert_eq!(c.len(), 12);
    assert_eq!(
        c[0],
        CellState::SelesaiTanpaBukti,
        "done in January, no evidence yet"
    );
    assert_eq!(
        c[1],
        CellState::Terlambat,
        "February passed without being done"
    );
    assert_eq!(c[2], CellState::Proses);
    assert_eq!(c[3], CellState::Rencana);
    assert_eq!(c[4], CellState::Kosong);
    assert_eq!(c[5], CellState::DiLuarJadwal);
    // Done in June, outside the schedule: February, the earliest month not done, is done late.
    plan.set_realisasi(t, 6, &input(Status::Selesai, 100))
        .expect("june done");
    let c = cells(&plan, t);
    assert_eq!(c[1], CellState::SelesaiTerlambat);
    assert_eq!(
        c[2],
        CellState::Proses,
        "one late record completes one month"
    );
    assert_eq!(c[5], CellState::SelesaiTerlambat);
    // Deleting the tahapan deletes its realisasi; undo brings both back.
    plan.delete_node(Level::Tahapan, t.0).expect("delete");
    assert_eq!(plan.realisasi(t, 1).expect("read"), None);
    plan.undo().expect("undo");
    assert_eq!(cells(&plan, t)[0], CellState::SelesaiTanpaBukti);
}

//! The Tim RB: members with their role and Pokja, each edit undoable.

use renja_core::model::Peran;
use renja_core::{AnggotaId, AnggotaInput, ErrorKind, NewPlan, Plan, Template};

use crate::common::{clock, tempdir};

fn input(nama: &str, peran: Peran, pokja: &str) -> AnggotaInput {
    AnggotaInput {
        nama: nama.into(),
        nip: "19800202 200501 1 002".into(),
        jabatan: "Kepala Bidang".into(),
        peran,
        pokja: pokja.into(),
    }
}

fn names(plan: &Plan) -> Vec<String> {
    plan.team()
        .expect("team")
        .into_iter()
        .map(|a| a.nama)
        .collect()
}

#[test]
fn add_update_move_delete_and_undo() {
    let dir = tempdir();
    let path = dir.path().join("r.renjarb");
    let mut plan = Plan::create(
        &path,
        NewPlan {
            template: Template::Empty,
            tahun: 2026,
        },
        false,
        clock(),
    )
    .expect("create");
    let a = plan
        .add_anggota(&input("Ani", Peran::Ketua, ""))
        .expect("add");
    let b = plan
        .add_anggota(&input("Budi", Peran::AnggotaPokja, "Pokja SDM"))
        .expect("add");
    let c = plan
        .add_anggota(&input("Citra", Peran::Asesor, ""))
        .expect("add");
    assert_eq!(names(&plan), ["Ani", "Budi", "Citra"]);
    let team = plan.team().expect("team");
    assert_eq!(team[0].nip, "198002022005011002");
    assert_eq!(team[1].peran, Peran::AnggotaPokja);

    plan.move_anggota(c, 0).expect("move");
    assert_eq!(names(&plan), ["Citra", "Ani", "Budi"]);
    plan.update_anggota(b, &input("Budi Santoso", Peran::Sekretaris, "Pokja SDM"))
        .expect("update");
    assert_eq!(plan.team().expect("team")[2].peran, Peran::Sekretaris);
    plan.delete_anggota(a).expect("delete");
    assert_eq!(names(&plan), ["Citra", "Budi Santoso"]);

    plan.undo().expect("undo delete");
    assert_eq!(names(&plan), ["Citra", "Ani", "Budi Santoso"]);
    plan.undo().expect("undo update");
    plan.undo().expect("undo move");
    assert_eq!(names(&plan), ["Ani", "Budi", "Citra"]);
    assert_eq!(
        plan.undo_state().undo.as_deref(),
        Some("Tambah anggota tim")
    );
}

#[test]
fn refuses_a_nameless_member_or_a_bad_nip() {
    let dir = tempdir();
    let path = dir.path().join("r.renjarb");
    let mut plan = Plan::create(
        &path,
        NewPlan {
            template: Template::Empty,
            tahun: 2026,
        },
        false,
        clock(),
    )
    .expect("create");
    let e = plan
        .add_anggota(&input("  ", Peran::Ketua, ""))
        .expect_err("no name");
    assert_eq!(e.kind(), ErrorKind::Invalid);
    let mut bad = input("Dewi", Peran::Ketua, "");
    bad.nip = "123".into();
    assert_eq!(
        plan.add_anggota(&bad).expect_err("nip").kind(),
        ErrorKind::Invalid
    );
    assert!(plan.team().expect("team").is_empty());
    assert!(plan.delete_anggota(AnggotaId(42)).is_err());
}

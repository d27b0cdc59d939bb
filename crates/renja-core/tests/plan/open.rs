//! Opening a plan for editing: identity edits persist, refused edits change nothing, and the
//! folder holds only the plan between writes.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use renja_core::model::PlanIdentity;
use renja_core::{Error, ErrorKind, FixedClock, NewPlan, OpenMode, Plan, Template};

use crate::common::{clock, list_dir, sha256, tempdir};

fn make_plan(dir: &std::path::Path) -> std::path::PathBuf {
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

fn typed_identity() -> PlanIdentity {
    PlanIdentity {
        pemerintah_daerah: "Pemerintah Kabupaten Kutai Kartanegara".into(),
        instansi: "  Dinas Perkebunan ".into(),
        unit_kerja: "Sekretariat".into(),
        alamat: "Jl. Muso Bin Salim No. 12 - 13, Tenggarong".into(),
        telepon: "(0541) 661073".into(),
        email: "disbun@kutaikartanegarakab.go.id".into(),
        laman: "https://disbun.kukarkab.go.id/".into(),
        kode_pos: "75512".into(),
        tahun: 2024,
        nomor_keputusan: "B-100/DISBUN/SET-I/000.7.2.6/12/2023".into(),
        tanggal_keputusan: "2023-12-04".into(),
        tempat_penetapan: "Tenggarong".into(),
        kepala_nama: "Ir. Budi Santoso, M.Si.".into(),
        kepala_nip: "19680512 199403 1 007".into(),
        kepala_pangkat: " Pembina Utama Muda (IV/c) ".into(),
        ketua_nama: "Siti Rahmawati, S.E.".into(),
        ketua_nip: "197903152005012004".into(),
        ketua_pangkat: "Pembina (IV/a)".into(),
    }
}

#[test]
fn identity_survives_close_and_reopen() {
    let dir = tempdir();
    let path = make_plan(dir.path());
    let later = Arc::new(FixedClock(
        Utc.with_ymd_and_hms(2025, 4, 1, 8, 0, 0)
            .single()
            .expect("instant"),
    ));
    let mut plan = Plan::open(&path, OpenMode::Edit, later).expect("open");
    assert_eq!(plan.read_only(), None);
    let stored = plan.set_identity(&typed_identity()).expect("set identity");
    assert_eq!(stored.instansi, "Dinas Perkebunan");
    assert_eq!(stored.kepala_nip, "196805121994031007");
    assert_eq!(
        stored,
        PlanIdentity {
            instansi: "Dinas Perkebunan".into(),
            kepala_nip: "196805121994031007".into(),
            kepala_pangkat: "Pembina Utama Muda (IV/c)".into(),
            ..typed_identity()
        }
    );
    assert_eq!(plan.identity().expect("identity"), stored);
    plan.close().expect("close");

    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("reopen");
    assert_eq!(plan.identity().expect("identity"), stored);
    let dump = plan.dump().expect("dump");
    assert_eq!(dump.created_at, "2025-03-14T09:30:00.000Z");
    assert_eq!(dump.modified_at, "2025-04-01T08:00:00.000Z");
    // Dropping without close is as good as closing.
    drop(plan);
    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("reopen read-only");
    assert_eq!(plan.identity().expect("identity"), stored);
}

#[test]
fn invalid_nip_is_refused_by_field_and_changes_nothing() {
    let dir = tempdir();
    let path = make_plan(dir.path());
    let before_hash = sha256(&path);
    let mut plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    let before = plan.identity().expect("identity");

    let bad = PlanIdentity {
        kepala_nip: "1968 0512".into(),
        ..typed_identity()
    };
    let err = plan.set_identity(&bad).expect_err("a short NIP is refused");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(
        matches!(
            err,
            Error::Invalid {
                field: "kepala_nip",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.message(), "NIP harus terdiri dari 18 angka.");
    assert_eq!(err.to_ipc().field.as_deref(), Some("kepala_nip"));

    assert_eq!(plan.identity().expect("identity"), before);
    plan.close().expect("close");
    assert_eq!(sha256(&path), before_hash);
    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("reopen");
    assert_eq!(plan.identity().expect("identity"), before);
}

#[test]
fn folder_holds_only_the_plan_after_an_edit_and_after_close() {
    let dir = tempdir();
    let path = make_plan(dir.path());
    let before = sha256(&path);
    let mut plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    assert_eq!(
        list_dir(dir.path()),
        [".~lock.rencana.renjarb#", "rencana.renjarb"]
    );
    plan.set_identity(&typed_identity()).expect("edit");
    assert_eq!(
        list_dir(dir.path()),
        [".~lock.rencana.renjarb#", "rencana.renjarb"]
    );
    // The edit is on disk already, before closing.
    assert_ne!(sha256(&path), before);
    plan.close().expect("close");
    assert_eq!(list_dir(dir.path()), ["rencana.renjarb"]);
}

#[test]
fn opening_for_editing_does_not_change_the_file() {
    let dir = tempdir();
    let path = make_plan(dir.path());
    let before = sha256(&path);
    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    plan.overview().expect("overview");
    plan.dump().expect("dump");
    plan.close().expect("close");
    assert_eq!(sha256(&path), before);
}

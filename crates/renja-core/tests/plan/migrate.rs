//! A plan written by an older Renja RB (schema 1) is upgraded on opening for editing only
//! after a whole backup copy is written beside it, and in memory only when opened read-only.

use std::path::Path;

use renja_core::model::{Peran, PlanDump, PlanIdentity};
use renja_core::{OpenMode, Plan, SCHEMA_VERSION, check_file};

use crate::common::{clock, copy_fixture, fixture, header_u32, list_dir, sha256, tempdir};
use crate::fixtures::{self, V1_PROGRAMS};

const BACKUP_NAME: &str = "plan-v1 (cadangan format 1).renjarb";

fn v1_identity() -> PlanIdentity {
    PlanIdentity {
        pemerintah_daerah: fixtures::V1_PEMERINTAH_DAERAH.into(),
        instansi: fixtures::V1_INSTANSI.into(),
        unit_kerja: fixtures::V1_UNIT_KERJA.into(),
        alamat: fixtures::V1_ALAMAT.into(),
        // Columns schema 2 added start empty.
        telepon: String::new(),
        email: String::new(),
        laman: String::new(),
        kode_pos: String::new(),
        tahun: fixtures::V1_TAHUN,
        nomor_keputusan: fixtures::V1_NOMOR_KEPUTUSAN.into(),
        tanggal_keputusan: fixtures::V1_TANGGAL_KEPUTUSAN.into(),
        tempat_penetapan: String::new(),
        kepala_nama: fixtures::V1_KEPALA_NAMA.into(),
        kepala_nip: fixtures::V1_KEPALA_NIP.into(),
        ketua_nama: fixtures::V1_KETUA_NAMA.into(),
        ketua_nip: fixtures::V1_KETUA_NIP.into(),
        // Columns schema 5 added start empty.
        kepala_pangkat: String::new(),
        ketua_pangkat: String::new(),
    }
}

/// Everything schema 1 held is in the upgraded plan, unchanged.
fn assert_v1_data(plan: &Plan) {
    assert_eq!(plan.identity().expect("identity"), v1_identity());
    let dump: PlanDump = plan.dump().expect("dump");
    assert_eq!(dump.schema_version, SCHEMA_VERSION);
    assert_eq!(dump.uuid, fixtures::V1_UUID);
    assert_eq!(dump.created_at, fixtures::V1_CREATED_AT);
    assert_eq!(dump.modified_at, fixtures::V1_MODIFIED_AT);
    assert_eq!(dump.programs.len(), V1_PROGRAMS.len());
    for (i, (got, want)) in dump.programs.iter().zip(&V1_PROGRAMS).enumerate() {
        assert_eq!(got.nomor, i as u32 + 1);
        assert_eq!(
            (got.uuid.as_str(), got.nama.as_str()),
            (want.uuid, want.nama)
        );
        assert_eq!(got.outcomes.len(), 1);
        let outcome = &got.outcomes[0];
        assert_eq!((outcome.uuid.as_str(), outcome.nama.as_str()), want.outcome);
        assert_eq!(outcome.kegiatan.len(), 1);
        let kegiatan = &outcome.kegiatan[0];
        assert_eq!(
            (kegiatan.uuid.as_str(), kegiatan.nama.as_str()),
            want.kegiatan
        );
        assert_eq!(kegiatan.outputs.len(), 1);
        let output = &kegiatan.outputs[0];
        assert_eq!((output.uuid.as_str(), output.nama.as_str()), want.output);
        let tahapan: Vec<(&str, &str, &[u8], &str, &str)> = output
            .tahapan
            .iter()
            .map(|t| {
                (
                    t.uuid.as_str(),
                    t.nama.as_str(),
                    t.bulan.as_slice(),
                    t.kriteria.as_str(),
                    t.penanggung_jawab.as_str(),
                )
            })
            .collect();
        let months =
            |mask: u16| -> Vec<u8> { (1..=12).filter(|m| mask & (1 << (m - 1)) != 0).collect() };
        let want_months: Vec<Vec<u8>> = want.tahapan.iter().map(|t| months(t.2)).collect();
        let want_tahapan: Vec<(&str, &str, &[u8], &str, &str)> = want
            .tahapan
            .iter()
            .zip(&want_months)
            .map(|(t, m)| (t.0, t.1, m.as_slice(), t.3, t.4))
            .collect();
        assert_eq!(tahapan, want_tahapan);
    }
    // The months, spelled out: Februari and Maret; April; none; Januari.
    let bulan: Vec<Vec<u8>> = dump
        .programs
        .iter()
        .flat_map(|p| &p.outcomes[0].kegiatan[0].outputs[0].tahapan)
        .map(|t| t.bulan.clone())
        .collect();
    assert_eq!(bulan, [vec![2, 3], vec![4], vec![], vec![1]]);

    assert_eq!(dump.anggota.len(), 1);
    let a = &dump.anggota[0];
    let (uuid, nama, nip, jabatan, _, pokja) = fixtures::V1_ANGGOTA;
    assert_eq!(
        (
            a.uuid.as_str(),
            a.nama.as_str(),
            a.nip.as_str(),
            a.jabatan.as_str(),
            a.pokja.as_str()
        ),
        (uuid, nama, nip, jabatan, pokja)
    );
    assert_eq!(a.peran, Peran::Ketua);
    let totals = plan.overview().expect("overview").totals;
    assert_eq!(
        (
            totals.programs,
            totals.outcomes,
            totals.kegiatan,
            totals.outputs,
            totals.tahapan
        ),
        (2, 2, 2, 2, 4)
    );
    assert_eq!(totals.anggota, 1);
}

#[test]
fn the_v1_fixture_is_a_good_old_plan() {
    let path = fixture(fixtures::V1);
    assert_eq!(header_u32(&path, 60), 1);
    assert_eq!(header_u32(&path, 68), renja_core::file::APPLICATION_ID);
    let report = check_file(&path).expect("check");
    assert_eq!(report.schema_version, 1);
    assert!(report.needs_upgrade);
    const { assert!(SCHEMA_VERSION > 1) };
}

#[test]
fn editing_upgrades_after_a_whole_backup() {
    let dir = tempdir();
    let path = copy_fixture(fixtures::V1, dir.path());
    let original = sha256(&fixture(fixtures::V1));
    assert_eq!(sha256(&path), original);

    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open v1 for editing");
    assert_eq!(plan.read_only(), None);
    let upgrade = plan.upgrade().expect("an upgrade happened").clone();
    let backup = dir.path().join(BACKUP_NAME);
    assert_eq!(upgrade.from_version, 1);
    assert_eq!(upgrade.to_version, SCHEMA_VERSION);
    assert_eq!(
        upgrade.backup_path.as_deref(),
        Some(backup.to_string_lossy().as_ref())
    );
    assert_eq!(plan.overview().expect("overview").upgrade, Some(upgrade));

    assert!(backup.is_file());
    assert_eq!(
        sha256(&backup),
        original,
        "the backup is the file as it was"
    );
    assert_eq!(header_u32(&path, 60), SCHEMA_VERSION, "upgraded on disk");
    assert_v1_data(&plan);
    plan.close().expect("close");

    assert_eq!(list_dir(dir.path()), [BACKUP_NAME, "plan-v1.renjarb"]);
    let report = check_file(&path).expect("upgraded file checks");
    assert_eq!(report.schema_version, SCHEMA_VERSION);
    assert!(!report.needs_upgrade);
    let report = check_file(&backup).expect("backup checks");
    assert_eq!(report.schema_version, 1);
}

#[test]
fn an_upgraded_plan_is_not_upgraded_again() {
    let dir = tempdir();
    let path = copy_fixture(fixtures::V1, dir.path());
    Plan::open(&path, OpenMode::Edit, clock())
        .expect("first open")
        .close()
        .expect("close");
    let upgraded = sha256(&path);
    let backup = sha256(&dir.path().join(BACKUP_NAME));

    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("second open");
    assert_eq!(plan.upgrade(), None);
    assert_eq!(plan.overview().expect("overview").upgrade, None);
    assert_v1_data(&plan);
    plan.close().expect("close");

    assert_eq!(
        list_dir(dir.path()),
        [BACKUP_NAME, "plan-v1.renjarb"],
        "no second backup"
    );
    assert_eq!(sha256(&path), upgraded);
    assert_eq!(sha256(&dir.path().join(BACKUP_NAME)), backup);
}

#[test]
fn read_only_upgrades_in_memory_only() {
    let dir = tempdir();
    let path = copy_fixture(fixtures::V1, dir.path());
    let original = sha256(&path);

    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open v1 read-only");
    assert_eq!(plan.read_only(), Some(renja_core::ReadOnlyReason::Chosen));
    let upgrade = plan.upgrade().expect("upgraded in memory");
    assert_eq!(upgrade.from_version, 1);
    assert_eq!(upgrade.to_version, SCHEMA_VERSION);
    assert_eq!(upgrade.backup_path, None);
    assert_v1_data(&plan);
    assert_eq!(list_dir(dir.path()), ["plan-v1.renjarb"]);
    plan.close().expect("close");

    assert_eq!(sha256(&path), original);
    assert_eq!(header_u32(&path, 60), 1);
    assert_eq!(list_dir(dir.path()), ["plan-v1.renjarb"]);
}

#[test]
fn an_existing_file_under_the_backup_name_is_never_overwritten() {
    // The backup takes the next free name instead.
    let dir = tempdir();
    let path = copy_fixture(fixtures::V1, dir.path());
    let squatter = dir.path().join(BACKUP_NAME);
    std::fs::write(&squatter, "bukan cadangan\n").expect("write");
    let squatter_hash = sha256(&squatter);

    let plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    let backup = Path::new(
        plan.upgrade()
            .and_then(|u| u.backup_path.as_deref())
            .expect("backup path"),
    )
    .to_path_buf();
    assert_eq!(
        backup,
        dir.path().join("plan-v1 (cadangan format 1) (2).renjarb")
    );
    assert_eq!(sha256(&backup), sha256(&fixture(fixtures::V1)));
    assert_eq!(sha256(&squatter), squatter_hash);
    plan.close().expect("close");
}

/// A schema-4 plan (the hostile corpus's good plan with a logo: identity, tree, realisasi,
/// evidence with files, a team member) upgrades to schema 5 after a whole backup, keeps every
/// row as it was, and gains empty pangkat/golongan for its two signers.
#[test]
fn a_schema_4_plan_upgrades_and_keeps_its_data() {
    const V4: &str = "hostile/good/with-logo.renjarb";
    let dir = tempdir();
    let path = copy_fixture(V4, dir.path());
    let original = sha256(&path);
    assert_eq!(header_u32(&path, 60), 4);
    let report = check_file(&path).expect("check");
    assert_eq!(report.schema_version, 4);
    assert!(report.needs_upgrade);

    // What the file held, read without upgrading it.
    let raw = |p: &Path, sql: &str| -> String {
        let conn =
            rusqlite::Connection::open_with_flags(p, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .expect("open raw");
        conn.query_row(sql, [], |r| r.get::<_, String>(0))
            .expect(sql)
    };
    const ROWS: &str = "SELECT (SELECT group_concat(uuid || nama || bulan || kriteria, '|') FROM tahapan)
         || (SELECT group_concat(uuid || bulan || status || persen || catatan || kendala, '|') FROM realisasi)
         || (SELECT group_concat(uuid || judul || jenis || nomor || tanggal, '|') FROM bukti)
         || (SELECT group_concat(sha256 || size || length(data), '|') FROM berkas)
         || (SELECT group_concat(uuid || nama || mime, '|') FROM bukti_berkas)
         || (SELECT group_concat(uuid || nama || nip || peran, '|') FROM anggota)
         || (SELECT mime || length(data) FROM logo)
         || (SELECT uuid || instansi || tahun || nomor_keputusan || kepala_nama || ketua_nama
             || created_at FROM plan)";
    let before = raw(&path, ROWS);
    assert!(before.contains("image/png"), "the fixture has its logo");
    let in_memory = {
        let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("read-only");
        let seen = (
            serde_json::to_value(plan.dump().expect("dump")).expect("json"),
            plan.bukti(None).expect("bukti"),
        );
        plan.close().expect("close");
        seen
    };
    assert_eq!(sha256(&path), original, "read-only left the file alone");

    let mut plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open for editing");
    let upgrade = plan.upgrade().expect("upgraded").clone();
    assert_eq!(
        (upgrade.from_version, upgrade.to_version),
        (4, SCHEMA_VERSION)
    );
    let backup = dir.path().join("with-logo (cadangan format 4).renjarb");
    assert_eq!(
        upgrade.backup_path.as_deref(),
        Some(backup.to_string_lossy().as_ref())
    );
    assert_eq!(
        sha256(&backup),
        original,
        "the backup is the file as it was"
    );
    let identity = plan.identity().expect("identity");
    assert_eq!(
        (
            identity.kepala_pangkat.as_str(),
            identity.ketua_pangkat.as_str()
        ),
        ("", "")
    );
    assert_eq!(
        (
            serde_json::to_value(plan.dump().expect("dump")).expect("json"),
            plan.bukti(None).expect("bukti")
        ),
        in_memory
    );
    assert!(plan.logo().expect("logo").is_some());
    // The new columns take what the user types.
    plan.set_identity(&PlanIdentity {
        kepala_pangkat: "Pembina Utama Muda (IV/c)".into(),
        ..identity
    })
    .expect("set pangkat");
    plan.close().expect("close");

    assert_eq!(header_u32(&path, 60), SCHEMA_VERSION);
    assert_eq!(raw(&path, ROWS), before, "every row kept");
    assert_eq!(
        raw(
            &path,
            "SELECT kepala_pangkat || '/' || ketua_pangkat FROM plan"
        ),
        "Pembina Utama Muda (IV/c)/"
    );
    let report = check_file(&path).expect("the upgraded file checks");
    assert_eq!(report.schema_version, SCHEMA_VERSION);
    assert!(!report.needs_upgrade);
}

//! Tests of the synthetic plan generator.

use std::collections::HashSet;

use chrono::TimeZone;
use sha2::{Digest, Sha256};

use super::evidence::subject;
use super::*;
use crate::FixedClock;
use crate::error::ErrorKind;
use crate::model::PlanDump;
use crate::storage::berkas::hex;

fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock(
        chrono::Utc
            .with_ymd_and_hms(2025, 3, 4, 5, 6, 7)
            .single()
            .expect("valid instant"),
    ))
}

fn spec(tahapan: u32, seed: u64) -> GenerateSpec {
    GenerateSpec {
        tahapan,
        tahun: 2025,
        seed,
        evidence: 0,
        evidence_bytes: 0,
        realisasi: 0,
    }
}

fn with_evidence(tahapan: u32, seed: u64, evidence: u32, evidence_bytes: u64) -> GenerateSpec {
    GenerateSpec {
        evidence,
        evidence_bytes,
        ..spec(tahapan, seed)
    }
}

fn sha256_of(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("read");
    hex(&Sha256::digest(&bytes))
}

fn count(plan: &mut Plan, sql: &str) -> i64 {
    plan.db().query_row(sql, [], |r| r.get(0)).expect("count")
}

fn make(dir: &Path, name: &str, spec: &GenerateSpec) -> Plan {
    generate(&dir.join(name), spec, false, clock()).expect("generate")
}

/// Everything of a dump but uuids and timestamps: (level, nama, bulan, kriteria, pj).
type Line = (u8, String, Vec<u8>, String, String);

fn lines(dump: &PlanDump) -> Vec<Line> {
    let mut out = Vec::new();
    let plain = |level, nama: &str| (level, nama.to_owned(), vec![], String::new(), String::new());
    for p in &dump.programs {
        out.push(plain(0, &p.nama));
        for o in &p.outcomes {
            out.push(plain(1, &o.nama));
            for k in &o.kegiatan {
                out.push(plain(2, &k.nama));
                for u in &k.outputs {
                    out.push(plain(3, &u.nama));
                    for t in &u.tahapan {
                        out.push((
                            4,
                            t.nama.clone(),
                            t.bulan.clone(),
                            t.kriteria.clone(),
                            t.penanggung_jawab.clone(),
                        ));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn makes_exactly_the_tahapan_asked_for_under_8_programs() {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in [1, 106, 1000] {
        let plan = make(dir.path(), &format!("g{n}.renjarb"), &spec(n, 7));
        let c = plan.info().expect("info").counts;
        assert_eq!(c.tahapan, n, "tahapan of {n}");
        assert_eq!(c.programs, 8, "programs of {n}");
        if n == 106 {
            // The reference plan has 19 outcomes, 45 kegiatan, 59 outputs.
            assert!((12..=28).contains(&c.outcomes), "{c:?}");
            assert!((30..=60).contains(&c.kegiatan), "{c:?}");
            assert!((40..=80).contains(&c.outputs), "{c:?}");
        }
        plan.close().expect("close");
        crate::check_file(&dir.path().join(format!("g{n}.renjarb"))).expect("check");
    }
}

#[test]
fn the_program_names_are_the_reference_plans() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = make(dir.path(), "g.renjarb", &spec(30, 1));
    let names: Vec<String> = plan
        .overview()
        .expect("overview")
        .programs
        .into_iter()
        .map(|p| p.nama)
        .collect();
    assert_eq!(names[0], "Manajemen Perubahan");
    assert_eq!(names[7], "Peningkatan Kualitas Pelayanan Publik");
    assert_eq!(names.len(), 8);
    let id = plan.identity().expect("identity");
    assert_eq!(id.instansi, "Dinas Contoh Sintetis");
    assert_eq!(id.tahun, 2025);
}

#[test]
fn zero_tahapan_gives_8_empty_programs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let c = make(dir.path(), "g.renjarb", &spec(0, 1))
        .info()
        .expect("info")
        .counts;
    assert_eq!((c.programs, c.outcomes, c.tahapan), (8, 0, 0));
}

#[test]
fn the_same_seed_gives_the_same_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = make(dir.path(), "a.renjarb", &spec(500, 42));
    let b = make(dir.path(), "b.renjarb", &spec(500, 42));
    let (a, b) = (a.dump().expect("dump"), b.dump().expect("dump"));
    assert_ne!(a.uuid, b.uuid);
    assert_eq!(lines(&a), lines(&b));
    assert_eq!(a.identity, b.identity);
}

#[test]
fn another_seed_gives_another_schedule() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bulan = |plan: Plan| -> Vec<Vec<u8>> {
        lines(&plan.dump().expect("dump"))
            .into_iter()
            .filter(|l| l.0 == 4)
            .map(|l| l.2)
            .collect()
    };
    let a = bulan(make(dir.path(), "a.renjarb", &spec(106, 1)));
    let b = bulan(make(dir.path(), "b.renjarb", &spec(106, 2)));
    assert_eq!(a.len(), b.len());
    assert_ne!(a, b);
}

#[test]
fn months_names_and_teams_are_realistic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = make(dir.path(), "g.renjarb", &spec(2000, 3));
    let masks: Vec<i64> = plan
        .db()
        .prepare("SELECT bulan FROM tahapan")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert!(
        masks
            .iter()
            .all(|&m| (0..=i64::from(Jadwal::MASK)).contains(&m))
    );
    let masks: Vec<u16> = masks.into_iter().map(|m| m as u16).collect();
    let unscheduled = masks.iter().filter(|&&m| m == 0).count();
    assert!((100..=300).contains(&unscheduled), "{unscheduled} of 2000");
    let runs = |m: u16| {
        (0..12)
            .filter(|&b| m & (1 << b) != 0 && (b == 0 || m & (1 << (b - 1)) == 0))
            .count()
    };
    let two_runs = masks.iter().filter(|&&m| runs(m) == 2).count();
    assert!((150..=600).contains(&two_runs), "{two_runs} of 2000");
    assert!(masks.iter().all(|&m| runs(m) <= 2));

    let dump = plan.dump().expect("dump");
    let all = lines(&dump);
    for level in 1..=4u8 {
        let names: Vec<&String> = all.iter().filter(|l| l.0 == level).map(|l| &l.1).collect();
        let distinct: HashSet<&&String> = names.iter().collect();
        assert_eq!(names.len(), distinct.len(), "level {level} names distinct");
    }
    let seed = Seed::parse().expect("seed");
    for t in all.iter().filter(|l| l.0 == 4) {
        assert!(seed.teams.contains(&t.4), "{}", t.4);
        assert!(!t.3.is_empty(), "kriteria of {}", t.1);
    }
    // No empty outcome, kegiatan or output.
    for p in &dump.programs {
        for o in &p.outcomes {
            assert!(!o.kegiatan.is_empty());
            for k in &o.kegiatan {
                assert!(!k.outputs.is_empty());
                assert!(k.outputs.iter().all(|u| !u.tahapan.is_empty()));
            }
        }
    }
}

#[test]
fn refuses_absurd_sizes_without_touching_the_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("besar.renjarb");
    let e = generate(&path, &spec(MAX_TAHAPAN + 1, 1), false, clock()).expect_err("too big");
    assert_eq!(e.kind(), ErrorKind::Invalid);
    assert!(e.message().contains("terlalu besar"), "{}", e.message());
    assert!(!path.exists());
}

#[test]
fn refuses_an_existing_file_unless_replacing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("g.renjarb");
    make(dir.path(), "g.renjarb", &spec(5, 1))
        .close()
        .expect("close");
    let e = generate(&path, &spec(5, 1), false, clock()).expect_err("exists");
    assert!(matches!(e, Error::AlreadyExists { .. }));
    let plan = generate(&path, &spec(9, 1), true, clock()).expect("replace");
    assert_eq!(plan.info().expect("info").counts.tahapan, 9);
}

#[test]
fn evidence_gets_one_distinct_file_of_the_size_asked_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bukti.renjarb");
    let mut plan =
        generate(&path, &with_evidence(50, 5, 20, 10_000), false, clock()).expect("generate");
    assert_eq!(plan.info().expect("info").counts.tahapan, 50);
    let bukti = plan.bukti(None).expect("bukti");
    assert_eq!(bukti.len(), 20);
    let mut names = HashSet::new();
    let mut hashes = HashSet::new();
    let mut tahapan = HashSet::new();
    for b in &bukti {
        assert_eq!(b.berkas.len(), 1, "{b:?}");
        let f = &b.berkas[0];
        assert_eq!(f.size, 10_000);
        assert_eq!(f.mime, "application/pdf");
        assert!(
            f.nama.starts_with("bukti-") && f.nama.ends_with(".pdf"),
            "{}",
            f.nama
        );
        assert_eq!(f.sha256.len(), 64);
        names.insert(f.nama.clone());
        hashes.insert(f.sha256.clone());
        tahapan.insert(b.tahapan);
        assert!(!b.judul.is_empty() && b.judul.chars().count() <= 500);
        assert!(b.tanggal.starts_with("2025-"), "{}", b.tanggal);
        assert_eq!(b.bulan.len(), 1, "{b:?}");
        let month: u32 = b.tanggal[5..7].parse().expect("month");
        assert_eq!(u32::from(b.bulan[0]), month);
    }
    assert!(names.contains("bukti-0001.pdf") && names.contains("bukti-0020.pdf"));
    assert_eq!(names.len(), 20);
    assert_eq!(hashes.len(), 20, "distinct contents");
    assert_eq!(tahapan.len(), 20, "spread over the tahapan");
    assert_eq!(count(&mut plan, "SELECT count(*) FROM berkas"), 20);

    // Each piece supports a month its tahapan is scheduled in (January if unscheduled), and
    // that month is done.
    let grid = plan.grid().expect("grid");
    for b in &bukti {
        let row = grid
            .rows
            .iter()
            .find(|r| r.id == b.tahapan.0 && r.level == crate::edit::Level::Tahapan)
            .expect("row");
        let m = b.bulan[0];
        if row.bulan == 0 {
            assert_eq!(m, 1);
        } else {
            assert!(row.bulan & (1 << (m - 1)) != 0, "{b:?} {}", row.bulan);
            let r = plan.realisasi(b.tahapan, m).expect("realisasi");
            assert_eq!(r.map(|r| r.status), Some(crate::realisasi::Status::Selesai));
        }
    }
    assert_eq!(
        count(
            &mut plan,
            "SELECT count(*) FROM realisasi r JOIN tahapan t ON t.id = r.tahapan_id
             WHERE (t.bulan >> (r.bulan - 1)) & 1 = 0 OR r.status <> 'selesai'"
        ),
        0,
        "realisasi only in scheduled months, all done"
    );
    // Written directly, not as an edit: nothing to undo.
    assert_eq!(plan.undo_state().undo, None);

    // The stored contents are what the hash says.
    let first = &bukti[0].berkas[0];
    let dest = dir.path().join("keluar.pdf");
    plan.export_bukti_file(first.id, &dest).expect("export");
    assert_eq!(std::fs::metadata(&dest).expect("meta").len(), 10_000);
    assert_eq!(sha256_of(&dest), first.sha256);
    plan.close().expect("close");
    crate::check_file(&path).expect("check");
}

#[test]
fn the_same_seed_gives_the_same_evidence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = |name: &str, seed: u64| -> Vec<(String, String, String, String)> {
        let plan = make(dir.path(), name, &with_evidence(30, seed, 12, 3_000));
        let mut out: Vec<_> = plan
            .bukti(None)
            .expect("bukti")
            .into_iter()
            .map(|b| {
                (
                    b.berkas[0].nama.clone(),
                    b.berkas[0].sha256.clone(),
                    b.judul,
                    b.tanggal,
                )
            })
            .collect();
        out.sort();
        out
    };
    let a = files("a.renjarb", 4);
    assert_eq!(a, files("b.renjarb", 4));
    assert_ne!(a, files("c.renjarb", 5));
    // Adding evidence does not change the tree.
    let plain = make(dir.path(), "d.renjarb", &spec(30, 4));
    let rich = make(dir.path(), "e.renjarb", &with_evidence(30, 4, 12, 3_000));
    assert_eq!(
        lines(&plain.dump().expect("dump")),
        lines(&rich.dump().expect("dump"))
    );
}

#[test]
fn more_evidence_than_tahapan_goes_round_robin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut plan = make(dir.path(), "g.renjarb", &with_evidence(3, 1, 10, 100));
    let bukti = plan.bukti(None).expect("bukti");
    assert_eq!(bukti.len(), 10);
    let per_tahapan = |plan: &mut Plan| -> Vec<i64> {
        plan.db()
            .prepare("SELECT count(*) FROM bukti GROUP BY tahapan_id ORDER BY tahapan_id")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows")
    };
    assert_eq!(per_tahapan(&mut plan), vec![4, 3, 3]);
    let hashes: HashSet<String> = bukti.iter().map(|b| b.berkas[0].sha256.clone()).collect();
    assert_eq!(hashes.len(), 10);
}

#[test]
fn tiny_or_empty_evidence_files_share_their_contents() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("g.renjarb");
    let mut plan = generate(&path, &with_evidence(5, 1, 4, 0), false, clock()).expect("gen");
    let bukti = plan.bukti(None).expect("bukti");
    assert_eq!(bukti.len(), 4);
    assert!(bukti.iter().all(|b| b.berkas[0].size == 0));
    assert_eq!(count(&mut plan, "SELECT count(*) FROM berkas"), 1);
    assert_eq!(
        bukti[0].berkas[0].sha256,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    plan.close().expect("close");
    crate::check_file(&path).expect("check");
}

#[test]
fn no_evidence_leaves_the_evidence_tables_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut plan = make(dir.path(), "g.renjarb", &spec(40, 1));
    for table in ["bukti", "berkas", "bukti_berkas", "realisasi"] {
        assert_eq!(
            count(&mut plan, &format!("SELECT count(*) FROM {table}")),
            0,
            "{table}"
        );
    }
}

#[test]
fn refuses_absurd_evidence_without_touching_the_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("besar.renjarb");
    for (s, words) in [
        (with_evidence(10, 1, MAX_EVIDENCE + 1, 10), "terlalu besar"),
        (
            with_evidence(10, 1, 1, crate::bukti::MAX_FILE_BYTES + 1),
            "terlalu besar",
        ),
        (
            with_evidence(10, 1, 100_000, 250 * 1024 * 1024),
            "Total ukuran",
        ),
        (with_evidence(0, 1, 1, 10), "paling sedikit satu tahapan"),
    ] {
        let e = generate(&path, &s, false, clock()).expect_err("refused");
        assert_eq!(e.kind(), ErrorKind::Invalid, "{s:?}");
        assert!(e.message().contains(words), "{}", e.message());
        assert!(!path.exists());
    }
    // The limits themselves are fine (but not written here: 20 GB).
    assert!(check_spec(&with_evidence(10, 1, MAX_EVIDENCE, 200_000)).is_ok());
}

#[test]
fn evidence_titles_follow_the_tahapan() {
    assert_eq!(
        subject("Menyusun Laporan Hasil Survei Budaya Kerja (3)"),
        "Laporan Hasil Survei Budaya Kerja"
    );
    assert_eq!(
        subject("Penyusunan Peta Proses Bisnis"),
        "Penyusunan Peta Proses Bisnis"
    );
    assert_eq!(subject("melakukan reviu"), "Melakukan reviu");
    assert_eq!(subject("Mengukur"), "Mengukur");
    assert_eq!(subject("Survei (pilot)"), "Survei (pilot)");
}

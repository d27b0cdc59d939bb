//! Tests of the synthetic plan generator.

use std::collections::HashSet;

use chrono::TimeZone;

use super::*;
use crate::FixedClock;
use crate::error::ErrorKind;
use crate::model::PlanDump;

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
    }
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
    let mut plan = make(dir.path(), "g.renjarb", &spec(2000, 3));
    let masks: Vec<i64> = plan
        .conn_mut()
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

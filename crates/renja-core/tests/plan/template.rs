//! The built-in template: what a new plan from `Template::Seed` holds, row by row.

use renja_core::model::{Counts, PlanDump};
use renja_core::{NewPlan, Plan, Template};
use serde::Deserialize;

use crate::common::{clock, tempdir};

const CSV: &str = include_str!("../../../../assets/template/rencana_aksi_disbun_kukar_2023.csv");

#[derive(Debug, Deserialize)]
struct Row {
    program_no: u32,
    program: String,
    outcome: String,
    kegiatan: String,
    output: String,
    tahapan: String,
    kriteria_keberhasilan: String,
    penanggung_jawab: String,
}

fn csv_rows() -> Vec<Row> {
    csv::Reader::from_reader(CSV.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .expect("template CSV parses")
}

fn seed_plan(tahun: i32) -> (tempfile::TempDir, Plan) {
    let dir = tempdir();
    let plan = Plan::create(
        &dir.path().join("seed.renjarb"),
        NewPlan {
            template: Template::Seed,
            tahun,
        },
        false,
        clock(),
    )
    .expect("create seed plan");
    (dir, plan)
}

#[test]
fn seed_has_the_reference_totals_and_programs() {
    let (_dir, plan) = seed_plan(2024);
    let overview = plan.overview().expect("overview");
    assert_eq!(
        overview.totals,
        Counts {
            programs: 8,
            outcomes: 19,
            kegiatan: 45,
            outputs: 59,
            tahapan: 106,
            anggota: 0,
        }
    );
    let programs: Vec<(u32, &str, u32, u32, u32, u32)> = overview
        .programs
        .iter()
        .map(|p| {
            (
                p.nomor,
                p.nama.as_str(),
                p.outcomes,
                p.kegiatan,
                p.outputs,
                p.tahapan,
            )
        })
        .collect();
    assert_eq!(
        programs,
        [
            (1, "Manajemen Perubahan", 4, 10, 13, 17),
            (2, "Penataan Peraturan Perundang-undangan", 1, 2, 3, 4),
            (3, "Penataan dan Penguatan Organisasi", 1, 1, 2, 3),
            (4, "Penataan Tata Laksana", 2, 5, 6, 6),
            (5, "Penataan Sistem Manajemen SDM", 5, 8, 11, 17),
            (6, "Penguatan Akuntabilitas", 4, 5, 9, 12),
            (7, "Penguatan Pengawasan", 1, 8, 9, 28),
            (8, "Peningkatan Kualitas Pelayanan Publik", 1, 6, 6, 19),
        ]
    );
    // The dump agrees with the overview.
    let dump = plan.dump().expect("dump");
    let nomor: Vec<u32> = dump.programs.iter().map(|p| p.nomor).collect();
    assert_eq!(nomor, (1..=8).collect::<Vec<_>>());
}

/// (program no, program, outcome, kegiatan, output, tahapan, kriteria, penanggung jawab)
type Line = (u32, String, String, String, String, String, String, String);

/// Every tahapan of the dump with its parents, in plan order.
fn flatten(dump: &PlanDump) -> Vec<Line> {
    let mut out = Vec::new();
    for p in &dump.programs {
        for o in &p.outcomes {
            for k in &o.kegiatan {
                for u in &k.outputs {
                    for t in &u.tahapan {
                        assert!(t.bulan.is_empty(), "template month set on {:?}", t.nama);
                        out.push((
                            p.nomor,
                            p.nama.clone(),
                            o.nama.clone(),
                            k.nama.clone(),
                            u.nama.clone(),
                            t.nama.clone(),
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
fn seed_tahapan_are_the_template_rows_in_order() {
    let (_dir, plan) = seed_plan(2024);
    let got = flatten(&plan.dump().expect("dump"));
    let want: Vec<Line> = csv_rows()
        .into_iter()
        .map(|r| {
            (
                r.program_no,
                r.program,
                r.outcome,
                r.kegiatan,
                r.output,
                r.tahapan,
                r.kriteria_keberhasilan,
                r.penanggung_jawab,
            )
        })
        .collect();
    assert_eq!(want.len(), 106, "the template CSV has 106 rows");
    assert_eq!(got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "tahapan {} differs from CSV row {}", i + 1, i + 2);
    }
}

#[test]
fn seed_identity_keeps_the_decree_only_for_its_own_year() {
    let (_dir, plan) = seed_plan(2023);
    let id = plan.identity().expect("identity");
    assert_eq!(id.instansi, "Dinas Perkebunan");
    assert_eq!(
        id.pemerintah_daerah,
        "Pemerintah Kabupaten Kutai Kartanegara"
    );
    assert_eq!(id.tahun, 2023);
    assert_eq!(id.nomor_keputusan, "B-3951/DISBUN/SET-I/000.7.2.6/12/2022");
    assert_eq!(id.tanggal_keputusan, "2022-12-01");
    assert_eq!(id.tempat_penetapan, "Kutai Kartanegara");
    assert_eq!(id.kepala_nama, "");

    let (_dir, plan) = seed_plan(2026);
    let id = plan.identity().expect("identity");
    assert_eq!(id.instansi, "Dinas Perkebunan");
    assert_eq!(id.tahun, 2026);
    assert_eq!(id.nomor_keputusan, "");
    assert_eq!(id.tanggal_keputusan, "");
}

#[test]
fn empty_template_has_no_programs() {
    let dir = tempdir();
    let plan = Plan::create(
        &dir.path().join("kosong.renjarb"),
        NewPlan {
            template: Template::Empty,
            tahun: 2027,
        },
        false,
        clock(),
    )
    .expect("create empty plan");
    let overview = plan.overview().expect("overview");
    assert_eq!(overview.totals, Counts::default());
    assert!(overview.programs.is_empty());
    assert_eq!(overview.identity.tahun, 2027);
    assert_eq!(overview.identity.instansi, "");
    assert!(plan.dump().expect("dump").programs.is_empty());
}

#[test]
fn new_plan_reads_the_ui_json() {
    let new: NewPlan =
        serde_json::from_str(r#"{"template":"seed","tahun":2024}"#).expect("seed request");
    assert_eq!(
        new,
        NewPlan {
            template: Template::Seed,
            tahun: 2024
        }
    );
    let new: NewPlan =
        serde_json::from_str(r#"{"template":"empty","tahun":2031}"#).expect("empty request");
    assert_eq!(new.template, Template::Empty);
    assert!(serde_json::from_str::<NewPlan>(r#"{"template":"Seed","tahun":2024}"#).is_err());
}

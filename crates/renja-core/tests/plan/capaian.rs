//! The one rule for the state of a tahapan in a period (`renja_core::capaian`), as the grid,
//! the Laporan Monev Bulanan, Triwulan and Tahunan show it: regressions of issue 16, each
//! checked in the data the templates receive and in the PDF read back.
//!
//! The plan: the seed for 2023 (wholly past on the test clock), nothing scheduled but
//! - A: March, recorded "Selesai" in April (a late completion);
//! - B: February, recorded "Belum dimulai" with kendala and tindak lanjut;
//! - C: January, "Selesai" in January without evidence;
//! - D: May, "Selesai" in May with evidence for May.
//!
//! August has nothing scheduled or recorded.

use std::path::Path;

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::capaian::CellState;
use renja_core::edit::Level;
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::report::{ReportKind, ReportRequest};
use renja_core::{NewPlan, Plan, TahapanId, Template};
use serde_json::Value;

use crate::common::{clock, tempdir};
use crate::report::{pdf_text, render_pages, squash, tahapan_ids, write_pdf};

const KENDALA: &str = "Menunggu SK Bupati";
const TINDAK_LANJUT: &str = "Koordinasi dengan Bagian Hukum";
const KOSONG: &str = "Tidak ada tahapan yang dijadwalkan atau dikerjakan pada periode ini.";

struct Rencana {
    plan: Plan,
    /// A, B, C, D of the module docs: id and name.
    t: [(TahapanId, String); 4],
}

fn record(status: Status, kendala: &str, tindak_lanjut: &str) -> RealisasiInput {
    RealisasiInput {
        status,
        persen: 0,
        catatan: String::new(),
        kendala: kendala.into(),
        tindak_lanjut: tindak_lanjut.into(),
    }
}

fn empty_plan(dir: &Path) -> Plan {
    Plan::create(
        &dir.join("capaian.renjarb"),
        NewPlan {
            template: Template::Seed,
            tahun: 2023,
        },
        false,
        clock(),
    )
    .expect("create")
}

fn rencana(dir: &Path) -> Rencana {
    let mut plan = empty_plan(dir);
    let names: Vec<String> = plan
        .grid()
        .expect("grid")
        .rows
        .into_iter()
        .filter(|r| r.level == Level::Tahapan)
        .map(|r| r.nama)
        .collect();
    let ids = tahapan_ids(&plan);
    let t: [(TahapanId, String); 4] = std::array::from_fn(|i| (ids[i], names[i].clone()));
    let month = |m: u16| 1 << (m - 1);
    plan.set_bulan(t[0].0, month(3)).expect("A in March");
    plan.set_realisasi(t[0].0, 4, &record(Status::Selesai, "", ""))
        .expect("A done in April");
    plan.set_bulan(t[1].0, month(2)).expect("B in February");
    plan.set_realisasi(
        t[1].0,
        2,
        &record(Status::BelumDimulai, KENDALA, TINDAK_LANJUT),
    )
    .expect("B not started");
    plan.set_bulan(t[2].0, month(1)).expect("C in January");
    plan.set_realisasi(t[2].0, 1, &record(Status::Selesai, "", ""))
        .expect("C done");
    plan.set_bulan(t[3].0, month(5)).expect("D in May");
    plan.set_realisasi(t[3].0, 5, &record(Status::Selesai, "", ""))
        .expect("D done");
    let file = dir.join("notulen.pdf");
    std::fs::write(&file, b"%PDF-1.4 notulen rapat Mei\n").expect("write");
    plan.add_bukti(
        t[3].0,
        &BuktiInput {
            judul: "Notulen rapat Pokja".into(),
            jenis: Jenis::Notulen,
            nomor: String::new(),
            tanggal: "2023-05-12".into(),
            keterangan: String::new(),
            bulan: month(5),
        },
        &[file],
    )
    .expect("evidence for D");
    Rencana { plan, t }
}

fn bulanan(bulan: u8) -> ReportRequest {
    ReportRequest {
        bulan: Some(bulan),
        tanggal: Some("2023-12-29".into()),
        ..ReportRequest::new(ReportKind::Bulanan)
    }
}

fn triwulan(tw: u8) -> ReportRequest {
    ReportRequest {
        triwulan: Some(tw),
        tanggal: Some("2023-12-29".into()),
        ..ReportRequest::new(ReportKind::Triwulan)
    }
}

fn tahunan() -> ReportRequest {
    ReportRequest {
        tanggal: Some("2023-12-29".into()),
        ..ReportRequest::new(ReportKind::Tahunan)
    }
}

/// The data the template receives, as JSON.
fn data(plan: &Plan, req: &ReportRequest) -> Value {
    serde_json::to_value(plan.report_data(req).expect("data")).expect("json")
}

/// The Monev row of the tahapan named `nama`, if the period has one.
fn baris<'a>(data: &'a Value, nama: &str) -> Option<&'a Value> {
    data["isi"]["program"]
        .as_array()
        .expect("programs")
        .iter()
        .flat_map(|p| p["baris"].as_array().expect("rows"))
        .find(|b| b["tahapan"] == nama)
}

fn program_1(data: &Value) -> &Value {
    &data["isi"]["capaian"][0]
}

#[test]
fn a_late_completion_is_not_di_luar_jadwal_in_tw_ii_nor_belum_tercapai_in_the_tahunan() {
    let dir = tempdir();
    let r = rencana(dir.path());
    let a = r.t[0].1.as_str();

    // TW I says what was true at its end: March was not done.
    let tw1 = data(&r.plan, &triwulan(1));
    let row = baris(&tw1, a).expect("A in TW I");
    assert_eq!(row["status_capaian"], "Tidak tercapai");
    assert_eq!(row["realisasi"], serde_json::json!(["Belum ada laporan"]));

    // TW II: the April "Selesai" is a late completion, and counts cumulatively from April.
    let tw2 = data(&r.plan, &triwulan(2));
    let row = baris(&tw2, a).expect("A in TW II");
    assert_eq!(row["status_capaian"], "Selesai terlambat");
    assert_eq!(row["tercapai"], true);
    assert_eq!(row["realisasi"], serde_json::json!(["Apr: Selesai (100%)"]));
    // Program 1 up to June: A (March), B (February), C (January), D (May); A, C and D done.
    let p1 = program_1(&tw2);
    assert_eq!(
        p1["kumulatif"],
        serde_json::json!({"target": 4, "selesai": 3})
    );
    // The period's own targets: D in May.
    assert_eq!(
        p1["periode"],
        serde_json::json!({"target": 1, "selesai": 1})
    );
    let bulan_april = data(&r.plan, &bulanan(4));
    assert_eq!(
        baris(&bulan_april, a).expect("A in April")["status_capaian"],
        "Selesai terlambat"
    );

    // The year: A is done, so it is not among the tahapan not reached.
    let th = data(&r.plan, &tahunan());
    let belum: Vec<&str> = th["isi"]["belum"]
        .as_array()
        .expect("belum")
        .iter()
        .map(|b| b["tahapan"].as_str().expect("name"))
        .collect();
    assert_eq!(belum, [r.t[1].1.as_str()], "only B is not done");
    assert_eq!(
        th["isi"]["program"][0]["hitung"],
        serde_json::json!({"target": 4, "selesai": 3})
    );

    // The grid agrees: March done late, April the month it was done in.
    let row = r
        .plan
        .grid()
        .expect("grid")
        .rows
        .into_iter()
        .find(|row| row.id == r.t[0].0.0 && row.level == Level::Tahapan)
        .expect("row");
    assert_eq!(row.cells[2], CellState::SelesaiTerlambat);
    assert_eq!(row.cells[3], CellState::SelesaiTerlambat);

    // And the pages say so.
    let pdf = write_pdf(&r.plan, &triwulan(2), "capaian-triwulan-2");
    let text = squash(&pdf_text(&pdf, None));
    assert!(text.contains("Selesaiterlambat"), "{text}");
    assert!(!text.contains("Diluarjadwal"), "{text}");
    render_pages(&pdf, "capaian-triwulan-2", 3);
    let pdf = write_pdf(&r.plan, &tahunan(), "capaian-tahunan");
    let text = squash(&pdf_text(&pdf, None));
    let b = text.find("B.TahapanyangBelumTercapai").expect("section B");
    let c = text.find("C.Kesimpulan").expect("section C");
    assert!(!text[b..c].contains(&squash(a)), "A listed as not done");
    assert!(
        text[b..c].contains(&squash(&r.t[1].1)),
        "B listed as not done"
    );
    render_pages(&pdf, "capaian-tahunan", 3);
}

#[test]
fn belum_dimulai_with_kendala_prints_its_kendala_in_bulanan_and_triwulan() {
    let dir = tempdir();
    let r = rencana(dir.path());
    let b = r.t[1].1.as_str();
    let feb = data(&r.plan, &bulanan(2));
    let row = baris(&feb, b).expect("B in February");
    assert_eq!(row["realisasi"], serde_json::json!(["Belum dimulai"]));
    assert_eq!(row["kendala"], KENDALA);
    assert_eq!(row["tindak_lanjut"], TINDAK_LANJUT);
    assert_eq!(row["status_capaian"], "Tidak tercapai");
    let tw1 = data(&r.plan, &triwulan(1));
    let row = baris(&tw1, b).expect("B in TW I");
    assert_eq!(row["realisasi"], serde_json::json!(["Feb: Belum dimulai"]));
    assert_eq!(row["kendala"], format!("Feb: {KENDALA}"));
    assert_eq!(row["tindak_lanjut"], format!("Feb: {TINDAK_LANJUT}"));
    for (req, name) in [
        (bulanan(2), "capaian-bulanan-2"),
        (triwulan(1), "capaian-triwulan-1"),
    ] {
        let text = squash(&pdf_text(&write_pdf(&r.plan, &req, name), None));
        for needle in [KENDALA, TINDAK_LANJUT, "Belumdimulai"] {
            assert!(
                text.contains(&squash(needle)),
                "{needle} missing from {name}"
            );
        }
    }
    // A "Belum dimulai" that says nothing, outside the schedule, is still no report.
    let mut plan = r.plan;
    plan.set_realisasi(r.t[2].0, 2, &record(Status::BelumDimulai, "", ""))
        .expect("empty record");
    let feb = data(&plan, &bulanan(2));
    assert!(baris(&feb, &r.t[2].1).is_none());
}

#[test]
fn the_tahunan_of_a_plan_with_no_schedule_does_not_say_everything_scheduled_is_done() {
    let dir = tempdir();
    let mut plan = empty_plan(dir.path());
    let th = data(&plan, &tahunan());
    assert_eq!(th["isi"]["jumlah"]["target"], 0);
    assert_eq!(
        th["isi"]["belum_keterangan"],
        "Belum ada tahapan yang dijadwalkan."
    );
    let text = squash(&pdf_text(
        &write_pdf(&plan, &tahunan(), "capaian-tahunan-kosong"),
        None,
    ));
    assert!(text.contains("Belumadatahapanyangdijadwalkan."), "{text}");
    assert!(
        !text.contains("Seluruhtahapanyangdijadwalkantelahselesai"),
        "{text}"
    );
    // Once something is scheduled and done, the sentence says so.
    let t = tahapan_ids(&plan)[0];
    plan.set_bulan(t, 0b1).expect("January");
    plan.set_realisasi(t, 1, &record(Status::Selesai, "", ""))
        .expect("done");
    let th = data(&plan, &tahunan());
    assert_eq!(
        th["isi"]["belum_keterangan"],
        "Seluruh tahapan yang dijadwalkan telah selesai."
    );
}

#[test]
fn tercapai_without_evidence_carries_a_mark() {
    let dir = tempdir();
    let r = rencana(dir.path());
    let jan = data(&r.plan, &bulanan(1));
    let c = baris(&jan, &r.t[2].1).expect("C in January");
    assert_eq!(c["status_capaian"], "Tercapai");
    assert_eq!(c["status_keterangan"], "Belum ada bukti dukung");
    let mei = data(&r.plan, &bulanan(5));
    let d = baris(&mei, &r.t[3].1).expect("D in May");
    assert_eq!(d["status_capaian"], "Tercapai");
    assert_eq!(d["status_keterangan"], "", "D has evidence for May");
    // A late completion without evidence is marked too.
    let tw2 = data(&r.plan, &triwulan(2));
    assert_eq!(
        baris(&tw2, &r.t[0].1).expect("A")["status_keterangan"],
        "Belum ada bukti dukung"
    );
    let text = squash(&pdf_text(
        &write_pdf(&r.plan, &bulanan(1), "capaian-bulanan-1"),
        None,
    ));
    assert!(text.contains("TercapaiBelumadabuktidukung"), "{text}");
}

#[test]
fn an_empty_month_says_so_once_not_once_per_program() {
    let dir = tempdir();
    let r = rencana(dir.path());
    let agu = data(&r.plan, &bulanan(8));
    assert_eq!(agu["isi"]["rincian_kosong"], KOSONG);
    assert_eq!(agu["isi"]["program"], serde_json::json!([]));
    // The capaian table still lists every program.
    assert_eq!(agu["isi"]["capaian"].as_array().expect("capaian").len(), 8);
    let text = squash(&pdf_text(
        &write_pdf(&r.plan, &bulanan(8), "capaian-bulanan-8"),
        None,
    ));
    assert_eq!(text.matches(&squash(KOSONG)).count(), 1, "{text}");
    // A month with rows says it per program that has none.
    let jan = data(&r.plan, &bulanan(1));
    assert_eq!(jan["isi"]["rincian_kosong"], "");
    assert_eq!(jan["isi"]["program"][1]["keterangan"], KOSONG);
    assert_eq!(jan["isi"]["program"][0]["keterangan"], "");
}

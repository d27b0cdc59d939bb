//! The Ringkasan against the Laporan Monev: for three months of a generated plan with
//! realisasi, every capaian figure of the dashboard equals the Monev bulanan's; its lists
//! agree with the grid's cells; and the Ringkasan Capaian prints them on one page.

use std::path::Path;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use renja_core::capaian::CellState;
use renja_core::edit::Level;
use renja_core::generate::{self, GenerateSpec};
use renja_core::report::{Isi, ReportFormat, ReportKind, ReportRequest};
use renja_core::{ErrorKind, FixedClock, Plan};

use crate::common::tempdir;
use crate::report::{pdf_text, render_pages, squash, write_pdf};

/// 15 July 2025: June has passed, July is under way.
fn july() -> Arc<FixedClock> {
    Arc::new(FixedClock(
        Utc.with_ymd_and_hms(2025, 7, 15, 8, 0, 0)
            .single()
            .expect("valid instant"),
    ))
}

/// 400 tahapan with realisasi up to June and evidence for part of them.
fn generated(dir: &Path) -> Plan {
    let spec = GenerateSpec {
        tahapan: 400,
        tahun: 2025,
        seed: 13,
        evidence: 120,
        evidence_bytes: 64,
        realisasi: 6,
    };
    generate::generate(&dir.join("sintetis.renjarb"), &spec, false, july()).expect("generate")
}

#[test]
fn the_figures_equal_the_monev_reports_for_three_months() {
    let dir = tempdir();
    let plan = generated(dir.path());
    for bulan in [2u8, 4, 6] {
        let r = plan.ringkasan(Some(bulan)).expect("ringkasan");
        let data = plan
            .report_data(&ReportRequest {
                bulan: Some(bulan),
                ..ReportRequest::new(ReportKind::Bulanan)
            })
            .expect("monev");
        let Isi::Monev(monev) = data.isi else {
            panic!("a Monev bulanan");
        };
        assert_eq!(r.program.len(), monev.capaian.len());
        for (p, m) in r.program.iter().zip(&monev.capaian) {
            assert_eq!(p.nomor, m.nomor);
            assert_eq!(p.nama, m.program);
            assert_eq!(
                (p.bulan.target, p.bulan.selesai),
                (m.periode.target, m.periode.selesai),
                "bulan {bulan}, program {}",
                p.nomor
            );
            assert_eq!(p.bulan.persen, m.periode_persen);
            assert_eq!(
                (p.kumulatif.target, p.kumulatif.selesai),
                (m.kumulatif.target, m.kumulatif.selesai),
                "bulan {bulan}, program {}",
                p.nomor
            );
            assert_eq!(p.kumulatif.persen, m.kumulatif_persen);
        }
        assert_eq!(
            (r.jumlah.kumulatif.target, r.jumlah.kumulatif.selesai),
            (
                monev.jumlah.kumulatif.target,
                monev.jumlah.kumulatif.selesai
            )
        );
        assert_eq!(r.jumlah.bulan.persen, monev.jumlah.periode_persen);
        assert_eq!(r.jumlah.kumulatif.persen, monev.jumlah.kumulatif_persen);
        // The generated progress shows: some done, some not.
        assert!(r.jumlah.kumulatif.selesai > 0, "bulan {bulan}");
        assert!(
            r.jumlah.kumulatif.selesai < r.jumlah.kumulatif.target,
            "bulan {bulan}"
        );
        // Month by month adds up to the cumulative figure.
        let (target, selesai) = r
            .per_bulan
            .iter()
            .filter(|b| b.bulan <= bulan)
            .fold((0, 0), |(t, s), b| (t + b.target, s + b.selesai));
        assert_eq!(
            (target, selesai),
            (r.jumlah.kumulatif.target, r.jumlah.kumulatif.selesai)
        );
        // Each tahapan is counted once per penanggung jawab, late or open at most once.
        let tahapan: u32 = r.penanggung_jawab.iter().map(|p| p.tahapan).sum();
        assert_eq!(tahapan, r.jumlah.tahapan);
        let late: u32 = r.penanggung_jawab.iter().map(|p| p.terlambat).sum();
        assert_eq!(late as usize, r.terlambat.len());
        assert!(
            r.penanggung_jawab
                .iter()
                .all(|p| p.terlambat + p.belum <= p.tahapan)
        );
    }
}

#[test]
fn the_lists_agree_with_the_grid() {
    let dir = tempdir();
    let plan = generated(dir.path());
    // June, seen in July: the grid shows the same months late.
    let r = plan.ringkasan(Some(6)).expect("ringkasan");
    let grid = plan.grid().expect("grid");
    let row = |id: i64| {
        grid.rows
            .iter()
            .find(|g| g.level == Level::Tahapan && g.id == id)
            .expect("row in the grid")
    };
    assert!(r.terlambat.len() > 10, "{}", r.terlambat.len());
    for t in &r.terlambat {
        let cells = &row(t.id).cells;
        assert!(
            cells[..6]
                .iter()
                .any(|c| matches!(c, CellState::Terlambat | CellState::TidakTerlaksana)),
            "{}: {cells:?}",
            t.nama
        );
    }
    let late_in_grid = grid
        .rows
        .iter()
        .filter(|g| {
            g.level == Level::Tahapan
                && g.cells[..6]
                    .iter()
                    .any(|c| matches!(c, CellState::Terlambat | CellState::TidakTerlaksana))
        })
        .count();
    assert_eq!(late_in_grid, r.terlambat.len());
    assert!(!r.tanpa_bukti.is_empty());
    for t in &r.tanpa_bukti {
        let g = row(t.id);
        assert!(
            g.cells[..6].iter().any(|c| matches!(
                c,
                CellState::SelesaiTanpaBukti | CellState::SelesaiTerlambat
            )),
            "{}: {:?}",
            t.nama,
            g.cells
        );
    }
    for t in &r.bulan_depan {
        assert!(row(t.id).bulan & (1 << 6) != 0, "scheduled in July");
    }
    assert_eq!(r.bulan_depan_nama, "Juli 2025");
    // Seen at the end of March, nothing of April to June counts, and April is next.
    let maret = plan.ringkasan(Some(3)).expect("ringkasan");
    assert!(maret.per_bulan[3..].iter().all(|b| b.selesai == 0));
    assert_eq!(maret.bulan_depan_nama, "April 2025");
    // December has no next month in the plan's year.
    let desember = plan.ringkasan(Some(12)).expect("ringkasan");
    assert!(desember.bulan_depan.is_empty());
    assert_eq!(desember.bulan_depan_nama, "");
    // The default month is today's.
    assert_eq!(plan.ringkasan(None).expect("ringkasan").bulan, 7);
}

#[test]
fn a_month_out_of_range_is_refused() {
    let dir = tempdir();
    let plan = generated(dir.path());
    for bulan in [0u8, 13] {
        let e = plan.ringkasan(Some(bulan)).expect_err("refused");
        assert_eq!(e.kind(), ErrorKind::Invalid);
        assert!(e.message().contains("Bulan"), "{}", e.message());
    }
}

#[test]
fn the_ringkasan_capaian_prints_the_same_figures_on_one_page() {
    let dir = tempdir();
    let plan = generated(dir.path());
    let request = ReportRequest {
        bulan: Some(6),
        tanggal: Some("2025-07-01".into()),
        ..ReportRequest::new(ReportKind::Ringkasan)
    };
    let pdf = write_pdf(&plan, &request, "ringkasan-juni");
    render_pages(&pdf, "ringkasan-juni", 2);
    let text = pdf_text(&pdf, None);
    let flat = squash(&text);
    let r = plan.ringkasan(Some(6)).expect("ringkasan");
    assert!(flat.contains(&squash("RINGKASAN CAPAIAN")), "{text}");
    assert!(flat.contains(&squash("KEADAAN S.D. JUNI 2025")), "{text}");
    for p in &r.program {
        assert!(
            flat.contains(&squash(&format!(
                "{} / {} {}",
                p.kumulatif.selesai, p.kumulatif.target, p.kumulatif.persen
            ))),
            "program {}: {text}",
            p.nomor
        );
    }
    assert!(flat.contains(&squash(&format!(
        "Tahapan terlambat ({})",
        r.terlambat.len()
    ))));
    assert!(
        flat.contains(&squash("Ketua Tim Reformasi Birokrasi")),
        "{text}"
    );
    assert!(flat.contains(&squash("1 Juli 2025")), "{text}");
    let pages = text.matches('\u{c}').count();
    assert_eq!(pages, 1, "one page: {text}");
    assert_eq!(
        plan.report_file_name(&request, ReportFormat::Pdf)
            .expect("name"),
        "Ringkasan Capaian Juni 2025 - Dinas Contoh Sintetis.pdf"
    );
    // No Excel version: refused in words, nothing written.
    let xlsx = dir.path().join("ringkasan.xlsx");
    let e = plan
        .write_report(&request, ReportFormat::Xlsx, &xlsx)
        .expect_err("PDF only");
    assert_eq!(e.kind(), ErrorKind::Invalid);
    assert!(
        e.message().contains("hanya tersedia sebagai PDF"),
        "{}",
        e.message()
    );
    assert!(!xlsx.exists());
}

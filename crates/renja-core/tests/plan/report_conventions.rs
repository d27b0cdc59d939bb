//! The conventions of a signed government report (issue 16, point 8), read back from the PDF
//! (pdftotext) and the XLSX (openpyxl): the pangkat/golongan under each signer's name, the
//! head of the agency's "Mengetahui," beside the ketua Tim RB on the Monev reports, the
//! Rencana Aksi headed as the Lampiran of its decree and dated by it, and the column-number
//! row (1), (2), … under the table headers. Pages are rendered to PNG under
//! `target/report-pages/` to be looked at.

use std::path::Path;

use renja_core::Plan;
use renja_core::report::{ReportKind, ReportRequest, TITIK};
use serde_json::Value;

use super::report::{render_pages, sample_plan, squash, write_pdf};
use super::report_pages::{page_texts, pdf_words};
use crate::common::{tempdir, xlsx_sheets};

const KEPALA: &str = "Ir. Hendra Wijaya, M.Si.";
const KEPALA_PANGKAT: &str = "Pembina Utama Muda (IV/c)";
const KEPALA_NIP: &str = "NIP. 19700512 199503 1 002";
const KETUA: &str = "Siti Rahmawati, S.E., M.M.";
const KETUA_PANGKAT: &str = "Pembina (IV/a)";
const KETUA_NIP: &str = "NIP. 19780820 200312 2 004";

const LAMPIRAN: &str = "LAMPIRAN KEPUTUSAN KEPALA DINAS PERKEBUNAN KABUPATEN KUTAI KARTANEGARA";
const TENTANG: &str = "RENCANA KERJA PELAKSANAAN REFORMASI BIROKRASI DINAS PERKEBUNAN TAHUN 2023";

/// The seed plan of 2023 (decree B-3951/… of 1 Desember 2022) with both signers named.
fn signed_plan(dir: &Path) -> Plan {
    let mut plan = sample_plan(dir);
    let mut id = plan.identity().expect("identity");
    id.kepala_nama = KEPALA.into();
    id.kepala_nip = "197005121995031002".into();
    id.kepala_pangkat = KEPALA_PANGKAT.into();
    id.ketua_nama = KETUA.into();
    id.ketua_nip = "197808202003122004".into();
    id.ketua_pangkat = KETUA_PANGKAT.into();
    plan.set_identity(&id).expect("identity");
    plan
}

fn request(kind: ReportKind) -> ReportRequest {
    ReportRequest {
        bulan: (kind == ReportKind::Bulanan).then_some(2),
        triwulan: (kind == ReportKind::Triwulan).then_some(1),
        tanggal: (kind != ReportKind::RencanaAksi).then(|| "2023-03-06".into()),
        ..ReportRequest::new(kind)
    }
}

/// Who signs a report on the right: the kepala the Rencana Aksi, the ketua the others.
fn signer(kind: ReportKind) -> (&'static str, &'static str, &'static str) {
    if kind == ReportKind::RencanaAksi {
        (KEPALA, KEPALA_PANGKAT, KEPALA_NIP)
    } else {
        (KETUA, KETUA_PANGKAT, KETUA_NIP)
    }
}

fn is_monev(kind: ReportKind) -> bool {
    matches!(
        kind,
        ReportKind::Bulanan
            | ReportKind::Triwulan
            | ReportKind::Tahunan
            | ReportKind::LaporanTahunan
    )
}

/// The report's workbook, dumped: its worksheets.
fn workbook(plan: &Plan, dir: &Path, request: &ReportRequest) -> Vec<Value> {
    let path = dir.join(format!("{}.xlsx", request.kind.code()));
    std::fs::write(&path, plan.report_xlsx(request).expect("xlsx")).expect("write");
    xlsx_sheets(&path)
}

fn cell<'a>(sheet: &'a Value, at: &str) -> Option<&'a str> {
    sheet["cells"][at].as_str()
}

fn name(col: usize, row: usize) -> String {
    format!("{}{row}", (b'A' + col as u8) as char)
}

/// Where a worksheet holds exactly `value`: (column from 0, row from 1).
fn find(sheet: &Value, value: &str) -> (usize, usize) {
    let rows = sheet["max_row"].as_u64().expect("max_row") as usize;
    (1..=rows)
        .flat_map(|r| (0..26).map(move |c| (c, r)))
        .find(|&(c, r)| cell(sheet, &name(c, r)) == Some(value))
        .unwrap_or_else(|| panic!("no {value:?} in worksheet {}", sheet["name"]))
}

#[test]
fn every_signature_prints_the_pangkat_under_the_name_above_the_nip() {
    let dir = tempdir();
    let plan = signed_plan(dir.path());
    for kind in ReportKind::ALL {
        let (nama, pangkat, nip) = signer(kind);
        let pdf = write_pdf(&plan, &request(kind), &format!("pangkat-{}", kind.code()));
        let pages = page_texts(&pdf);
        // The whole document is signed at the end of BAB V; its lampiran follow.
        let signed = if kind == ReportKind::LaporanTahunan {
            pages
                .iter()
                .rposition(|p| p.contains("BABVPENUTUP"))
                .expect("BAB V")
        } else {
            pages.len() - 1
        };
        let last = &pages[signed];
        let at = |s: &str| {
            last.find(&squash(s))
                .unwrap_or_else(|| panic!("{kind:?}: {s:?} not on the last page"))
        };
        assert!(
            at(nama) < at(pangkat) && at(pangkat) < at(nip),
            "{kind:?}: name, then pangkat, then NIP"
        );
        // Line by line: the pangkat's line is under the name's, above the NIP's, aligned left
        // with them.
        let words = &pdf_words(&pdf).swap_remove(signed).words;
        let first_word = |s: &str| {
            let w = s.split_whitespace().next().expect("a word");
            words
                .iter()
                .rev()
                .find(|x| x.text == w)
                .unwrap_or_else(|| panic!("{kind:?}: word {w:?}"))
                .clone()
        };
        let (n, p, i) = (first_word(nama), first_word(pangkat), first_word(nip));
        assert!(
            n.y1 <= p.y0 + 0.5 && p.y1 <= i.y0 + 0.5,
            "{kind:?}: lines in order"
        );
        assert!(
            (n.x0 - p.x0).abs() < 1.0 && (p.x0 - i.x0).abs() < 1.0,
            "{kind:?}: one column"
        );

        // The Ringkasan Capaian is a printed page only, and the document's workbook is its
        // DOCX (read in `report_dokumen`): no workbook to check here.
        if kind == ReportKind::Ringkasan || kind == ReportKind::LaporanTahunan {
            continue;
        }
        let sheets = workbook(&plan, dir.path(), &request(kind));
        let sheet = sheets.last().expect("a worksheet");
        let (c, r) = find(sheet, nama);
        assert_eq!(cell(sheet, &name(c, r + 1)), Some(pangkat), "{kind:?} xlsx");
        assert_eq!(cell(sheet, &name(c, r + 2)), Some(nip), "{kind:?} xlsx");
    }
    // The pangkat of a plan that has none leaves no empty line: the NIP follows the name.
    let mut plan = plan;
    let mut id = plan.identity().expect("identity");
    id.ketua_pangkat.clear();
    id.kepala_pangkat.clear();
    plan.set_identity(&id).expect("identity");
    let sheets = workbook(&plan, dir.path(), &request(ReportKind::Bulanan));
    let (c, r) = find(&sheets[0], KETUA);
    assert_eq!(cell(&sheets[0], &name(c, r + 1)), Some(KETUA_NIP));
}

#[test]
fn monev_reports_carry_mengetahui_kepala_beside_the_ketua_on_one_page() {
    let dir = tempdir();
    let plan = signed_plan(dir.path());
    for kind in [
        ReportKind::Bulanan,
        ReportKind::Triwulan,
        ReportKind::Tahunan,
    ] {
        let pdf = write_pdf(
            &plan,
            &request(kind),
            &format!("mengetahui-{}", kind.code()),
        );
        let pages = page_texts(&pdf);
        let last = pages.len();
        render_pages(&pdf, &format!("mengetahui-{}", kind.code()), last as u32);
        // Both blocks whole on the last page, and on no other.
        for s in [
            "Mengetahui,",
            "Kepala Dinas Perkebunan",
            KEPALA,
            KEPALA_PANGKAT,
            KEPALA_NIP,
            "Ketua Tim Reformasi Birokrasi",
            KETUA,
            KETUA_PANGKAT,
            KETUA_NIP,
        ] {
            let on: Vec<usize> = pages
                .iter()
                .enumerate()
                .filter(|(_, p)| p.contains(&squash(s)))
                .map(|(i, _)| i + 1)
                .collect();
            assert_eq!(on, [last], "{kind:?}: {s:?}");
        }
        // The kepala at the left, the ketua at the right, their names on one line.
        let words = &pdf_words(&pdf)[last - 1];
        let word = |w: &str| {
            words
                .words
                .iter()
                .find(|x| x.text == w)
                .unwrap_or_else(|| panic!("{kind:?}: {w:?}"))
                .clone()
        };
        let (mengetahui, kepala, ketua) = (word("Mengetahui,"), word("Hendra"), word("Rahmawati,"));
        assert!(
            mengetahui.x1 < words.width / 2.0,
            "{kind:?}: Mengetahui at the left"
        );
        assert!(kepala.x1 < words.width / 2.0 && ketua.x0 > words.width / 2.0);
        assert!(
            (kepala.y0 - ketua.y0).abs() < 1.0,
            "{kind:?}: names on one line"
        );

        // The workbook: the same two blocks, side by side on the same rows.
        let sheets = workbook(&plan, dir.path(), &request(kind));
        let sheet = sheets.last().expect("a worksheet");
        let (kc, kr) = find(sheet, KEPALA);
        let (tc, tr) = find(sheet, KETUA);
        assert_eq!(kr, tr, "{kind:?} xlsx: names on one row");
        assert!(kc < tc, "{kind:?} xlsx: the kepala at the left");
        let (mc, mr) = find(sheet, "Mengetahui,");
        assert_eq!(mc, kc);
        assert_eq!(
            cell(sheet, &name(kc, mr + 1)),
            Some("Kepala Dinas Perkebunan")
        );
        assert_eq!(
            cell(sheet, &name(tc, mr)),
            Some("Kutai Kartanegara, 6 Maret 2023")
        );
    }
    // The Monev reports have the second signer; the Rencana Aksi and the Daftar Bukti keep one.
    for kind in ReportKind::ALL {
        let data = plan.report_data(&request(kind)).expect("data");
        assert_eq!(data.mengetahui.is_some(), is_monev(kind), "{kind:?}");
    }
}

#[test]
fn the_rencana_aksi_carries_the_lampiran_keputusan_header_and_the_decree_date() {
    let dir = tempdir();
    let mut plan = signed_plan(dir.path());
    let pdf = write_pdf(
        &plan,
        &request(ReportKind::RencanaAksi),
        "lampiran-rencana-aksi",
    );
    render_pages(&pdf, "lampiran-rencana-aksi", 1);
    let pages = page_texts(&pdf);
    for s in [
        LAMPIRAN,
        "NOMOR : B-3951/DISBUN/SET-I/000.7.2.6/12/2022",
        "TANGGAL : 1 Desember 2022",
        &format!("TENTANG : {TENTANG}"),
    ] {
        assert!(pages[0].contains(&squash(s)), "{s:?} on page 1");
    }
    assert!(
        pages[1..].iter().all(|p| !p.contains("LAMPIRANKEPUTUSAN")),
        "the head on the first page only"
    );
    // At the top right of the page, above the title.
    let first = &pdf_words(&pdf)[0];
    let lampiran = first
        .words
        .iter()
        .find(|w| w.text == "LAMPIRAN")
        .expect("LAMPIRAN");
    let title = first
        .words
        .iter()
        .find(|w| w.text == "RENCANA")
        .expect("the title");
    assert!(lampiran.x0 > first.width / 2.0, "at the right");
    assert!(lampiran.y1 < title.y0, "above the title");
    // Dated by the decree, not by the day it was printed.
    let last = pages.last().expect("a page");
    assert!(last.contains("KutaiKartanegara,1Desember2022"), "{last}");

    let sheets = workbook(&plan, dir.path(), &request(ReportKind::RencanaAksi));
    let sheet = &sheets[0];
    let (c, r) = find(sheet, LAMPIRAN);
    assert!(c > 9, "xlsx: at the right");
    for (i, (label, value)) in [
        ("NOMOR :", "B-3951/DISBUN/SET-I/000.7.2.6/12/2022"),
        ("TANGGAL :", "1 Desember 2022"),
        ("TENTANG :", TENTANG),
    ]
    .iter()
    .enumerate()
    {
        assert_eq!(cell(sheet, &name(c, r + 1 + i)), Some(*label));
        assert_eq!(cell(sheet, &name(c + 3, r + 1 + i)), Some(*value));
    }
    let (_, title) = find(sheet, "RENCANA AKSI REFORMASI BIROKRASI");
    assert!(r < title, "xlsx: above the title");
    find(sheet, "Kutai Kartanegara, 1 Desember 2022");

    // A decree not yet numbered nor dated: dots to fill by hand.
    let mut id = plan.identity().expect("identity");
    id.nomor_keputusan.clear();
    id.tanggal_keputusan.clear();
    plan.set_identity(&id).expect("identity");
    let pdf = write_pdf(
        &plan,
        &request(ReportKind::RencanaAksi),
        "lampiran-tanpa-nomor",
    );
    render_pages(&pdf, "lampiran-tanpa-nomor", 1);
    let pages = page_texts(&pdf);
    assert!(
        pages[0].contains(&format!("NOMOR:{TITIK}TANGGAL:{TITIK}")),
        "{}",
        pages[0]
    );
    assert!(
        pages
            .last()
            .expect("a page")
            .contains(&format!("KutaiKartanegara,{TITIK}"))
    );
    let sheets = workbook(&plan, dir.path(), &request(ReportKind::RencanaAksi));
    let (c, r) = find(&sheets[0], LAMPIRAN);
    assert_eq!(cell(&sheets[0], &name(c + 3, r + 1)), Some(TITIK));
    assert_eq!(cell(&sheets[0], &name(c + 3, r + 2)), Some(TITIK));
}

/// "(1)(2)…(n)", as pdftotext reads the row without whitespace.
fn numbers(n: usize) -> String {
    (1..=n).map(|i| format!("({i})")).collect()
}

#[test]
fn the_tables_carry_the_column_number_row_on_every_page() {
    let dir = tempdir();
    let plan = signed_plan(dir.path());
    // The Rencana Aksi: 19 columns, on every page under the repeated header.
    let pdf = write_pdf(
        &plan,
        &request(ReportKind::RencanaAksi),
        "nomor-kolom-rencana-aksi",
    );
    let pages = page_texts(&pdf);
    assert!(pages.len() > 3);
    for (i, p) in pages.iter().enumerate() {
        let header = p.find("Kriteria").expect("the header");
        let row = p
            .find(&numbers(19))
            .unwrap_or_else(|| panic!("(1)…(19) on page {}", i + 1));
        assert!(header < row, "under the header on page {}", i + 1);
    }
    // The Monev: each table's header, wherever it repeats.
    let cases = [
        (ReportKind::Triwulan, "Kegiatan/TahapanKerja", 8),
        (ReportKind::Tahunan, "Program/Kegiatan", 6),
    ];
    for (kind, header, n) in cases {
        let pdf = write_pdf(
            &plan,
            &request(kind),
            &format!("nomor-kolom-{}", kind.code()),
        );
        let pages = page_texts(&pdf);
        let with_header: Vec<&String> = pages.iter().filter(|p| p.contains(header)).collect();
        assert!(with_header.len() > 1, "{kind:?}: the header repeats");
        for p in with_header {
            let h = p.find(header).expect("header");
            assert!(
                p[h..].contains(&numbers(n)),
                "{kind:?}: (1)…({n}) under {header}"
            );
        }
    }
    let pdf = write_pdf(&plan, &request(ReportKind::Bulanan), "nomor-kolom-bulanan");
    let first = &page_texts(&pdf)[0];
    assert_eq!(
        first.matches(&numbers(8)).count(),
        2,
        "both tables of the Bulanan"
    );

    // The workbooks: the numbers in the row under the header, repeated with it on print.
    for (kind, header, n) in [
        (ReportKind::RencanaAksi, "Tahapan Kerja", 19),
        (ReportKind::Bulanan, "Kegiatan / Tahapan Kerja", 8),
        (ReportKind::Tahunan, "Program / Kegiatan", 6),
    ] {
        let sheets = workbook(&plan, dir.path(), &request(kind));
        let sheet = &sheets[0];
        let (_, h) = find(sheet, header);
        let row = (h..h + 3)
            .find(|&r| cell(sheet, &name(0, r)) == Some("(1)"))
            .unwrap_or_else(|| panic!("{kind:?}: no (1) under the header"));
        for c in 0..n {
            assert_eq!(
                cell(sheet, &name(c, row)).map(str::to_owned),
                Some(format!("({})", c + 1)),
                "{kind:?}"
            );
        }
        assert_eq!(
            cell(sheet, &name(n, row)),
            None,
            "{kind:?}: one number a column"
        );
        assert_eq!(
            sheet["print_title_rows"],
            format!("{h}:{row}"),
            "{kind:?}: repeated with the header"
        );
    }
}

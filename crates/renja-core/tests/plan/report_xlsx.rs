//! The XLSX reports, read back with openpyxl (`tests/tools/xlsx_dump.py`, run with
//! `/usr/bin/python3`; Debian package python3-openpyxl, listed in `scripts/setup.sh`).
//!
//! One plan from the built-in template, 2025, with a few months scheduled, two realisasi
//! (one done, one not), a piece of evidence with two files, a logo, and user text that
//! looks like a formula. Each report is written, dumped as JSON and checked cell by cell.

use std::path::{Path, PathBuf};

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::Level;
use renja_core::model::CatatanTahunan;
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::report::{Isi, Kertas, ReportKind, ReportRequest};
use renja_core::{NewPlan, Plan, TahapanId, Template};
use serde_json::Value;
use tempfile::TempDir;

use crate::common::{clock, sha256, tempdir, xlsx_sheets};

const CSV: &str = include_str!("../../../../assets/template/rencana_aksi_disbun_kukar_2023.csv");

/// An 8 × 8 PNG, the blue of the reports.
const LOGO_PNG: &str = "89504e470d0a1a0a0000000d49484452000000080000000808020000004b6d29dc0000001149\
                        444154789c63d08f9d8715310c2d090000bb4a814d46809b0000000049454e44ae426082";

/// The fill of a scheduled month (the PDF's #2F5D9E lightened by 10%).
const BIRU: &str = "FF4473A8";

struct Fixture {
    dir: TempDir,
    plan: Plan,
    /// The plan's tahapan in tree order.
    tahapan: Vec<(TahapanId, String)>,
    /// The two files of the evidence on the first tahapan.
    files: Vec<PathBuf>,
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

fn realisasi(status: Status, persen: u8, kendala: &str) -> RealisasiInput {
    RealisasiInput {
        status,
        persen,
        catatan: String::new(),
        kendala: kendala.into(),
        tindak_lanjut: if kendala.is_empty() {
            String::new()
        } else {
            "Diusulkan kembali pada APBD Perubahan".into()
        },
    }
}

/// The first tahapan: January and March, March done, evidence with two files. The second:
/// March, not done. The third: a kriteria "=1+1".
fn fixture() -> Fixture {
    let dir = tempdir();
    let mut plan = Plan::create(
        &dir.path().join("laporan.renjarb"),
        NewPlan {
            template: Template::Seed,
            tahun: 2025,
        },
        false,
        clock(),
    )
    .expect("create");
    let mut id = plan.identity().expect("identity");
    id.pemerintah_daerah = "Pemerintah Kabupaten Kutai Kartanegara".into();
    id.instansi = "Dinas Perkebunan".into();
    id.alamat = "Jl. Wolter Monginsidi No. 1, Tenggarong".into();
    id.kode_pos = "75512".into();
    id.telepon = "(0541) 661234".into();
    id.tempat_penetapan = "Tenggarong".into();
    id.kepala_nama = "Ir. Sugiyono, M.Si.".into();
    id.kepala_nip = "197001011990031001".into();
    id.ketua_nama = "Budi Santoso, S.P.".into();
    plan.set_identity(&id).expect("set identity");

    let tahapan: Vec<(TahapanId, String)> = plan
        .grid()
        .expect("grid")
        .rows
        .into_iter()
        .filter(|r| r.level == Level::Tahapan)
        .map(|r| (TahapanId(r.id), r.nama))
        .collect();
    let (t0, t1, t2) = (tahapan[0].0, tahapan[1].0, tahapan[2].0);
    plan.set_bulan(t0, 0b101).expect("Jan + Mar");
    plan.set_bulan(t1, 0b100).expect("Mar");
    plan.set_kriteria(t2, "=1+1").expect("kriteria");
    plan.set_realisasi(t0, 3, &realisasi(Status::Selesai, 100, ""))
        .expect("done in March");
    plan.set_realisasi(
        t1,
        3,
        &realisasi(Status::TidakTerlaksana, 0, "Anggaran belum tersedia"),
    )
    .expect("not done in March");

    let files = vec![dir.path().join("sk.pdf"), dir.path().join("lampiran.pdf")];
    std::fs::write(&files[0], b"%PDF-1.4 SK Tim RB").expect("write");
    std::fs::write(&files[1], b"%PDF-1.4 Lampiran SK").expect("write");
    let bukti = BuktiInput {
        judul: "SK Tim Reformasi Birokrasi".into(),
        jenis: Jenis::Sk,
        nomor: "800/123/DISBUN".into(),
        tanggal: "2025-03-10".into(),
        keterangan: String::new(),
        bulan: 0b100,
    };
    plan.add_bukti(t0, &bukti, &files).expect("evidence");

    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, hex(LOGO_PNG)).expect("write logo");
    plan.set_logo(&logo).expect("logo");
    plan.set_catatan_tahunan(&CatatanTahunan {
        kesimpulan: "=SUM(A1:A2) bukan rumus".into(),
        rekomendasi: "Lanjutkan pembinaan Pokja.\n\nPerkuat bukti dukung.".into(),
    })
    .expect("catatan");
    Fixture {
        dir,
        plan,
        tahapan,
        files,
    }
}

/// The report as a workbook on disk, dumped by openpyxl: its worksheets.
fn dump_all(f: &Fixture, request: &ReportRequest) -> Vec<Value> {
    let bytes = f.plan.report_xlsx(request).expect("xlsx");
    let path = f
        .dir
        .path()
        .join(format!("{}-{:?}.xlsx", request.kind.code(), request.kertas));
    std::fs::write(&path, bytes).expect("write xlsx");
    // To look at the workbooks: RENJA_XLSX_KEEP=/some/folder cargo test … report_xlsx
    if let Some(keep) = std::env::var_os("RENJA_XLSX_KEEP") {
        let name = path.file_name().expect("file name");
        std::fs::copy(&path, Path::new(&keep).join(name)).expect("keep xlsx");
    }
    xlsx_sheets(&path)
}

/// The report's only worksheet: every report but the Tahunan has one.
fn dump(f: &Fixture, request: &ReportRequest) -> Value {
    let mut sheets = dump_all(f, request);
    assert_eq!(sheets.len(), 1, "one worksheet per report");
    sheets.remove(0)
}

/// "A".."Z" for columns 0..25.
fn col(c: usize) -> char {
    (b'A' + c as u8) as char
}

fn at(c: usize, row: usize) -> String {
    format!("{}{row}", col(c))
}

fn text<'a>(sheet: &'a Value, cell: &str) -> Option<&'a str> {
    sheet["cells"][cell].as_str()
}

fn number(sheet: &Value, cell: &str) -> Option<f64> {
    assert_eq!(sheet["types"][cell], "n", "{cell} holds a number");
    sheet["cells"][cell].as_f64()
}

fn merged(sheet: &Value) -> Vec<&str> {
    sheet["merged"]
        .as_array()
        .expect("merged")
        .iter()
        .map(|v| v.as_str().expect("range"))
        .collect()
}

fn filled(sheet: &Value, cell: &str) -> Option<String> {
    sheet["fills"][cell].as_str().map(str::to_owned)
}

fn has(list: &Value, cell: &str) -> bool {
    list.as_array()
        .expect("list")
        .iter()
        .any(|v| v.as_str() == Some(cell))
}

/// The 1-based row where column `c` holds exactly `value`.
fn find_row(sheet: &Value, c: usize, value: &str) -> usize {
    (1..=sheet["max_row"].as_u64().expect("max_row") as usize)
        .find(|&r| text(sheet, &at(c, r)) == Some(value))
        .unwrap_or_else(|| panic!("no {value:?} in column {}", col(c)))
}

/// The 1-based row where column `c` holds a text containing `part`.
fn find_row_containing(sheet: &Value, c: usize, part: &str) -> usize {
    (1..=sheet["max_row"].as_u64().expect("max_row") as usize)
        .find(|&r| text(sheet, &at(c, r)).is_some_and(|s| s.contains(part)))
        .unwrap_or_else(|| panic!("no {part:?} in column {}", col(c)))
}

fn page_setup(sheet: &Value, orientation: &str, paper: u64) {
    assert_eq!(sheet["orientation"], orientation);
    assert_eq!(sheet["paper_size"], paper);
    assert_eq!(sheet["fit_to_page"], true);
    assert_eq!(
        (&sheet["fit_to_width"], &sheet["fit_to_height"]),
        (&1.into(), &0.into())
    );
    assert_eq!(sheet["footer"]["right"], "Halaman &P dari &N");
}

/// The letterhead: its lines merged across the table from its first row (the first of the
/// worksheet, or the first under the Rencana Aksi's Lampiran Keputusan head), the logo at
/// its left.
fn letterhead(sheet: &Value, last_col: char) {
    let k = find_row(sheet, 0, "PEMERINTAH KABUPATEN KUTAI KARTANEGARA");
    assert_eq!(text(sheet, &at(0, k + 1)), Some("DINAS PERKEBUNAN"));
    assert_eq!(
        text(sheet, &at(0, k + 2)),
        Some("Jl. Wolter Monginsidi No. 1, Tenggarong, Kode Pos 75512")
    );
    assert!(merged(sheet).contains(&format!("A{k}:{last_col}{k}").as_str()));
    assert_eq!(
        sheet["images"],
        serde_json::json!([{"row": k - 1, "col": 0}]),
        "the logo, top left"
    );
}

#[test]
fn rencana_aksi_mirrors_the_table_of_the_plan() {
    let f = fixture();
    let mut request = ReportRequest::new(ReportKind::RencanaAksi);
    let sheet = dump(&f, &request);
    assert_eq!(sheet["name"], "Rencana Aksi");
    letterhead(&sheet, 'S');
    assert_eq!(
        text(&sheet, "L1"),
        Some("LAMPIRAN KEPUTUSAN KEPALA DINAS PERKEBUNAN KABUPATEN KUTAI KARTANEGARA"),
        "the decree's head first, at the right"
    );
    let title = find_row(&sheet, 0, "RENCANA AKSI REFORMASI BIROKRASI");
    assert!(merged(&sheet).contains(&format!("A{title}:S{title}").as_str()));

    // Two header rows; "Bulan" over twelve numbered months.
    let h = find_row(&sheet, 4, "Tahapan Kerja");
    assert_eq!(text(&sheet, &at(5, h)), Some("Bulan"));
    for m in 1..=12 {
        assert_eq!(number(&sheet, &at(4 + m, h + 1)), Some(m as f64));
    }
    let m = merged(&sheet);
    for range in [
        format!("A{h}:A{}", h + 1),
        format!("E{h}:E{}", h + 1),
        format!("F{h}:Q{h}"),
        format!("S{h}:S{}", h + 1),
    ] {
        assert!(m.contains(&range.as_str()), "header merge {range}");
    }
    // The column numbers under them, repeated with them on every page.
    assert_eq!(text(&sheet, &at(0, h + 2)), Some("(1)"));
    assert_eq!(sheet["freeze_panes"], format!("A{}", h + 3));
    assert_eq!(sheet["print_title_rows"], format!("{h}:{}", h + 2));
    page_setup(&sheet, "landscape", 9);

    // Every tahapan of the template, in order.
    let first = h + 3;
    let data = f.plan.report_data(&request).expect("data");
    let Isi::RencanaAksi(ra) = &data.isi else {
        panic!("rencana aksi data")
    };
    let last = first + ra.baris.len() - 1;
    let in_sheet: Vec<&str> = (first..=last)
        .filter_map(|r| text(&sheet, &at(4, r)))
        .collect();
    let template: Vec<String> = csv::Reader::from_reader(CSV.as_bytes())
        .records()
        .map(|r| r.expect("csv row")[5].to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(in_sheet, template);

    // Program 1 spans its 4 outcome rows and 17 tahapan rows.
    assert_eq!(number(&sheet, &at(0, first)), Some(1.0));
    assert_eq!(text(&sheet, &at(1, first)), Some("Manajemen Perubahan"));
    for c in ['A', 'B'] {
        let range = format!("{c}{first}:{c}{}", first + 20);
        assert!(m.contains(&range.as_str()), "program 1 merge {range}");
    }
    // Every group cell is merged over exactly its span, and a span of one is not merged.
    for (i, r) in ra.baris.iter().enumerate() {
        let row = first + i;
        for (c, sel) in [(2, &r.kegiatan), (3, &r.output)] {
            let Some(sel) = sel else { continue };
            assert_eq!(text(&sheet, &at(c, row)), Some(sel.teks.as_str()));
            let end = row + sel.baris as usize - 1;
            let range = format!("{}{row}:{}{end}", col(c), col(c));
            assert_eq!(
                m.contains(&range.as_str()),
                sel.baris > 1,
                "group cell {range}"
            );
        }
        if let Some(outcome) = &r.outcome {
            let cell = at(3, row);
            assert_eq!(text(&sheet, &cell), Some(outcome.as_str()));
            assert!(has(&sheet["bold"], &cell) && has(&sheet["italic"], &cell));
            assert_eq!(filled(&sheet, &cell).as_deref(), Some("FFF2F2F2"));
        }
    }

    // Scheduled months shaded, all others not: January and March of the first tahapan,
    // March of the second, nothing else in the template.
    let row_of = |name: &str| {
        first
            + ra.baris
                .iter()
                .position(|b| b.tahapan == name)
                .expect("row")
    };
    let (r0, r1) = (row_of(&f.tahapan[0].1), row_of(&f.tahapan[1].1));
    let mut shaded = vec![];
    for r in first..=last {
        for c in 5..17 {
            if let Some(fill) = filled(&sheet, &at(c, r)) {
                assert_eq!(fill, BIRU);
                shaded.push(at(c, r));
            }
        }
    }
    assert_eq!(shaded, [at(5, r0), at(7, r0), at(7, r1)]);

    // User text stays text.
    let r2 = row_of(&f.tahapan[2].1);
    assert_eq!(text(&sheet, &at(17, r2)), Some("=1+1"));
    assert_eq!(sheet["types"][at(17, r2)], "s");

    // The head of the agency signs, at the right, under the table, dated by the decree: dots
    // while it has no date.
    let ttd = find_row(&sheet, 14, "Tenggarong, ....................");
    assert!(ttd > last + 1);
    assert_eq!(
        text(&sheet, &at(14, ttd + 1)),
        Some("Kepala Dinas Perkebunan")
    );

    // F4 is Excel's Folio, code 14.
    request.kertas = Kertas::F4;
    let f4 = dump(&f, &request);
    page_setup(&f4, "landscape", 14);
}

#[test]
fn monev_bulanan_counts_and_states_each_tahapan() {
    let f = fixture();
    let mut request = ReportRequest::new(ReportKind::Bulanan);
    request.bulan = Some(3);
    let sheet = dump(&f, &request);
    assert_eq!(sheet["name"], "Monev Bulanan");
    letterhead(&sheet, 'H');
    assert!(find_row(&sheet, 0, "PERIODE MARET 2025") > 0);

    // A. Capaian: program 1 has two targets in March (one done) and three up to March.
    let p1 = find_row(&sheet, 1, "Manajemen Perubahan");
    assert_eq!(number(&sheet, &at(0, p1)), Some(1.0));
    let counts: Vec<Option<f64>> = [2, 3, 5, 6]
        .iter()
        .map(|&c| number(&sheet, &at(c, p1)))
        .collect();
    assert_eq!(counts, [Some(2.0), Some(1.0), Some(3.0), Some(1.0)]);
    assert_eq!(number(&sheet, &at(4, p1)), Some(0.5));
    let jumlah = find_row(&sheet, 0, "Jumlah");
    assert_eq!(number(&sheet, &at(2, jumlah)), Some(2.0));
    assert_eq!(number(&sheet, &at(5, jumlah)), Some(3.0));

    // B. Rincian: done is Tercapai, not done is Tidak tercapai with its kendala.
    let h = find_row(&sheet, 1, "Kegiatan / Tahapan Kerja");
    assert_eq!(sheet["print_title_rows"], format!("{h}:{}", h + 1));
    assert_eq!(
        sheet["freeze_panes"],
        Value::Null,
        "no pane frozen in a Monev"
    );
    page_setup(&sheet, "landscape", 9);
    assert_eq!(
        text(&sheet, &at(0, h + 2)),
        Some("Program 1. Manajemen Perubahan")
    );
    let r0 = find_row_containing(&sheet, 1, &f.tahapan[0].1);
    let r1 = find_row_containing(&sheet, 1, &f.tahapan[1].1);
    assert!(r0 > h && r1 > r0);
    assert_eq!(number(&sheet, &at(0, r0)), Some(1.0));
    assert_eq!(text(&sheet, &at(2, r0)), Some("Jan, Mar"));
    assert_eq!(text(&sheet, &at(3, r0)), Some("Selesai (100%)"));
    assert_eq!(text(&sheet, &at(4, r0)), Some("Tercapai"));
    assert!(text(&sheet, &at(7, r0)).is_some_and(|s| s.contains("No. 800/123/DISBUN")));
    assert_eq!(text(&sheet, &at(4, r1)), Some("Tidak tercapai"));
    assert_eq!(text(&sheet, &at(5, r1)), Some("Anggaran belum tersedia"));
    assert_eq!(text(&sheet, &at(7, r1)), Some("Belum ada"));
    // Programs with nothing in March say so.
    let p2 = find_row(
        &sheet,
        0,
        "Program 2. Penataan Peraturan Perundang-undangan",
    );
    assert_eq!(
        text(&sheet, &at(0, p2 + 1)),
        Some("Tidak ada tahapan yang dijadwalkan atau dikerjakan pada periode ini.")
    );
    // The chair of the Tim RB signs.
    let ttd = find_row(&sheet, 6, "Tenggarong, 14 Maret 2025");
    assert!(ttd > p2);
    assert_eq!(
        text(&sheet, &at(6, ttd + 1)),
        Some("Ketua Tim Reformasi Birokrasi")
    );
}

#[test]
fn monev_triwulan_needs_every_month_of_the_quarter() {
    let f = fixture();
    let mut request = ReportRequest::new(ReportKind::Triwulan);
    request.triwulan = Some(1);
    request.kertas = Kertas::F4;
    let sheet = dump(&f, &request);
    assert_eq!(sheet["name"], "Monev Triwulan");
    page_setup(&sheet, "landscape", 14);
    let r0 = find_row_containing(&sheet, 1, &f.tahapan[0].1);
    assert_eq!(text(&sheet, &at(3, r0)), Some("Mar: Selesai (100%)"));
    // January was scheduled too and never done.
    assert_eq!(text(&sheet, &at(4, r0)), Some("Tidak tercapai"));
    let r1 = find_row_containing(&sheet, 1, &f.tahapan[1].1);
    assert_eq!(
        text(&sheet, &at(5, r1)),
        Some("Mar: Anggaran belum tersedia")
    );
}

#[test]
fn monev_tahunan_is_portrait_with_what_was_not_done() {
    let f = fixture();
    let sheets = dump_all(&f, &ReportRequest::new(ReportKind::Tahunan));
    let [sheet, b_sheet, c_sheet] = &sheets[..] else {
        panic!("three worksheets: {}", sheets.len())
    };
    assert_eq!(sheet["name"], "Monev Tahunan");
    letterhead(sheet, 'F');
    for s in &sheets {
        page_setup(s, "portrait", 9);
    }
    // The header, and the column numbers under it.
    let h = find_row(sheet, 1, "Program / Kegiatan") + 1;
    assert_eq!(text(sheet, &at(5, h)), Some("(6)"));
    assert_eq!(sheet["freeze_panes"], format!("A{}", h + 1));
    // Program 1: three targets in the year, one done; the kegiatan rows under it.
    assert_eq!(text(sheet, &at(1, h + 1)), Some("Manajemen Perubahan"));
    assert_eq!(number(sheet, &at(0, h + 1)), Some(1.0));
    assert_eq!(number(sheet, &at(3, h + 1)), Some(3.0));
    assert_eq!(number(sheet, &at(4, h + 1)), Some(1.0));
    assert_eq!(text(sheet, &at(0, h + 2)), Some("1.1"));
    assert_eq!(
        number(sheet, &at(2, h + 2)),
        Some(1.0),
        "tahapan of kegiatan 1.1"
    );
    let jumlah = find_row(sheet, 0, "Jumlah");
    assert_eq!(number(sheet, &at(3, jumlah)), Some(3.0));

    // B: both tahapan with a month not done, the first for January.
    let b = find_row(b_sheet, 1, "Program / Kegiatan / Tahapan") + 1;
    let r0 = find_row_containing(b_sheet, 1, &f.tahapan[0].1);
    let r1 = find_row_containing(b_sheet, 1, &f.tahapan[1].1);
    assert_eq!((r0, r1), (b + 1, b + 2));
    assert_eq!(text(b_sheet, &at(2, r0)), Some("Jan"));
    assert_eq!(text(b_sheet, &at(3, r1)), Some("Tidak terlaksana"));

    // C and D: the team's text, as text.
    let c = find_row(c_sheet, 0, "C. Kesimpulan");
    assert_eq!(
        text(c_sheet, &at(0, c + 1)),
        Some("=SUM(A1:A2) bukan rumus")
    );
    assert_eq!(c_sheet["types"][at(0, c + 1)], "s");
    let d = find_row(c_sheet, 0, "D. Rekomendasi");
    // A row per paragraph.
    assert_eq!(
        text(c_sheet, &at(0, d + 1)),
        Some("Lanjutkan pembinaan Pokja.")
    );
    assert_eq!(text(c_sheet, &at(0, d + 2)), None);
    assert_eq!(text(c_sheet, &at(0, d + 3)), Some("Perkuat bukti dukung."));
    assert!(find_row(c_sheet, 3, "Ketua Tim Reformasi Birokrasi") > d + 3);
}

#[test]
fn daftar_bukti_lists_each_file_with_its_hash() {
    let f = fixture();
    let sheet = dump(&f, &ReportRequest::new(ReportKind::Bukti));
    assert_eq!(sheet["name"], "Bukti Dukung");
    letterhead(&sheet, 'H');
    page_setup(&sheet, "landscape", 9);
    let h = find_row(&sheet, 7, "SHA-256");
    assert_eq!(sheet["freeze_panes"], format!("A{}", h + 1));
    assert_eq!(sheet["print_title_rows"], format!("{h}:{h}"));
    assert!(find_row(&sheet, 0, "Jumlah bukti dukung: 1    Jumlah berkas: 2") < h);
    assert_eq!(
        text(&sheet, &at(0, h + 1)),
        Some("Program 1. Manajemen Perubahan (1 bukti dukung)")
    );
    let row = find_row(&sheet, 0, "1.1.1.1");
    assert_eq!(
        text(&sheet, &at(0, row - 1)),
        Some(&*format!("1.1.1 {}", f.tahapan[0].1))
    );
    assert_eq!(
        text(&sheet, &at(1, row)),
        Some("SK Tim Reformasi Birokrasi")
    );
    assert_eq!(text(&sheet, &at(3, row)), Some("800/123/DISBUN"));
    assert_eq!(
        text(&sheet, &at(6, row)),
        Some("sk.pdf (18 B)\nlampiran.pdf (20 B)")
    );
    let hashes = format!("{}\n{}", sha256(&f.files[0]), sha256(&f.files[1]));
    assert_eq!(text(&sheet, &at(7, row)), Some(hashes.as_str()));
    let p2 = find_row_containing(&sheet, 0, "Program 2.");
    assert_eq!(
        text(&sheet, &at(0, p2 + 1)),
        Some("Belum ada bukti dukung.")
    );
}

#[test]
fn the_workbook_marks_tercapai_without_evidence_and_says_an_empty_month_once() {
    let f = fixture();
    let mut plan = f.plan;
    // The fourth tahapan: March, done in March, no evidence.
    let t3 = f.tahapan[3].0;
    plan.set_bulan(t3, 0b100).expect("March");
    plan.set_realisasi(t3, 3, &realisasi(Status::Selesai, 100, ""))
        .expect("done");
    let f = Fixture { plan, ..f };
    let mut request = ReportRequest::new(ReportKind::Bulanan);
    request.bulan = Some(3);
    let sheet = dump(&f, &request);
    let r3 = find_row_containing(&sheet, 1, &f.tahapan[3].1);
    assert_eq!(
        text(&sheet, &at(4, r3)),
        Some("Tercapai\nBelum ada bukti dukung")
    );
    let r0 = find_row_containing(&sheet, 1, &f.tahapan[0].1);
    assert_eq!(text(&sheet, &at(4, r0)), Some("Tercapai"), "with evidence");

    // August: nothing scheduled or worked, said once under B and no program heading.
    request.bulan = Some(8);
    let sheet = dump(&f, &request);
    let kosong = "Tidak ada tahapan yang dijadwalkan atau dikerjakan pada periode ini.";
    let rows: Vec<usize> = (1..=sheet["max_row"].as_u64().expect("max_row") as usize)
        .filter(|&r| text(&sheet, &at(0, r)) == Some(kosong))
        .collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        (1..=sheet["max_row"].as_u64().expect("max_row") as usize)
            .all(|r| text(&sheet, &at(0, r)) != Some("Program 1. Manajemen Perubahan"))
    );
}

#[test]
fn the_workbook_of_a_plan_with_no_schedule_does_not_say_everything_scheduled_is_done() {
    let f = fixture();
    let mut plan = f.plan;
    for (t, _) in &f.tahapan[..2] {
        plan.set_bulan(*t, 0).expect("unschedule");
    }
    let f = Fixture { plan, ..f };
    let sheets = dump_all(&f, &ReportRequest::new(ReportKind::Tahunan));
    let sheet = &sheets[1];
    let b = find_row(sheet, 0, "B. Tahapan yang Belum Tercapai dan Penyebabnya");
    assert_eq!(
        text(sheet, &at(0, b + 1)),
        Some("Belum ada tahapan yang dijadwalkan.")
    );
    assert_eq!(
        sheet["print_title_rows"],
        Value::Null,
        "no table, no header"
    );
}

// --- Issue 16, defect 6: what a Pokja counts, sorts and prints from the workbooks ----------

fn format_of<'a>(sheet: &'a Value, cell: &str) -> Option<&'a str> {
    sheet["formats"][cell].as_str()
}

/// A capaian as the number it is, with a percent format, as in the PDF.
fn persen(sheet: &Value, cell: &str) -> f64 {
    assert_eq!(format_of(sheet, cell), Some("0.0%"), "{cell}");
    number(sheet, cell).unwrap_or_else(|| panic!("{cell} is empty"))
}

#[test]
fn the_workbook_stores_capaian_as_percent_numbers_not_text() {
    let f = fixture();
    let mut request = ReportRequest::new(ReportKind::Bulanan);
    request.bulan = Some(3);
    let sheet = dump(&f, &request);
    // Program 1: one of two targets in March, one of three up to March.
    let p1 = find_row(&sheet, 1, "Manajemen Perubahan");
    assert_eq!(persen(&sheet, &at(4, p1)), 0.5);
    assert!((persen(&sheet, &at(7, p1)) - 1.0 / 3.0).abs() < 1e-12);
    let jumlah = find_row(&sheet, 0, "Jumlah");
    assert_eq!(persen(&sheet, &at(4, jumlah)), 0.5);
    assert!(has(&sheet["bold"], &at(4, jumlah)));
    // No target at all: no percentage, the PDF's dash, as text.
    let p2 = find_row(&sheet, 1, "Penataan Peraturan Perundang-undangan");
    for c in [4, 7] {
        assert_eq!(text(&sheet, &at(c, p2)), Some("–"));
        assert_eq!(sheet["types"][at(c, p2)], "s");
    }

    // The Tahunan: the program, each kegiatan and the total.
    let sheets = dump_all(&f, &ReportRequest::new(ReportKind::Tahunan));
    let sheet = &sheets[0];
    // Under the header and its column numbers.
    let h = find_row(sheet, 1, "Program / Kegiatan") + 1;
    assert!((persen(sheet, &at(5, h + 1)) - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(
        persen(sheet, &at(5, h + 2)),
        0.5,
        "kegiatan 1.1: Jan and Mar, Mar done"
    );
    let jumlah = find_row(sheet, 0, "Jumlah");
    assert!((persen(sheet, &at(5, jumlah)) - 1.0 / 3.0).abs() < 1e-12);
    let p2 = find_row(sheet, 1, "Penataan Peraturan Perundang-undangan");
    assert_eq!(text(sheet, &at(5, p2)), Some("–"));
}

#[test]
fn the_workbook_stores_document_dates_as_dates_named_in_indonesian() {
    let f = fixture();
    let sheet = dump(&f, &ReportRequest::new(ReportKind::Bukti));
    let row = find_row(&sheet, 0, "1.1.1.1");
    let cell = at(4, row);
    assert_eq!(sheet["types"][&cell], "d", "a date, not the text of one");
    assert_eq!(text(&sheet, &cell), Some("2025-03-10 00:00:00"));
    // Indonesian month names whatever the user's locale: "10 Maret 2025".
    assert_eq!(format_of(&sheet, &cell), Some("[$-421]d mmmm yyyy"));
}

#[test]
fn the_workbook_gives_each_scheduled_month_a_value_to_filter_and_count() {
    let f = fixture();
    let request = ReportRequest::new(ReportKind::RencanaAksi);
    let sheet = dump(&f, &request);
    let data = f.plan.report_data(&request).expect("data");
    let Isi::RencanaAksi(ra) = &data.isi else {
        panic!("rencana aksi data")
    };
    // Under the two header rows and the column numbers.
    let first = find_row(&sheet, 4, "Tahapan Kerja") + 3;
    let row_of = |name: &str| {
        first
            + ra.baris
                .iter()
                .position(|b| b.tahapan == name)
                .expect("row")
    };
    let (r0, r1) = (row_of(&f.tahapan[0].1), row_of(&f.tahapan[1].1));
    // Every month cell of the table: 1 where scheduled, on the blue, and nothing elsewhere,
    // so COUNTIF(…;1) and a filter on "1" find exactly the schedule.
    let mut ones = vec![];
    for r in first..first + ra.baris.len() {
        for c in 5..17 {
            let cell = at(c, r);
            match sheet["cells"].get(&cell) {
                Some(v) => {
                    assert_eq!(v.as_f64(), Some(1.0), "{cell}");
                    assert_eq!(sheet["types"][&cell], "n", "{cell}");
                    assert_eq!(filled(&sheet, &cell).as_deref(), Some(BIRU), "{cell}");
                    ones.push(cell);
                }
                None => assert_eq!(filled(&sheet, &cell), None, "{cell}"),
            }
        }
    }
    assert_eq!(ones, [at(5, r0), at(7, r0), at(7, r1)]);
}

#[test]
fn the_tahunan_workbook_repeats_each_table_header_on_its_printed_pages() {
    let f = fixture();
    let sheets = dump_all(&f, &ReportRequest::new(ReportKind::Tahunan));
    let names: Vec<&str> = sheets.iter().filter_map(|s| s["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "Monev Tahunan",
            "Belum Tercapai",
            "Kesimpulan dan Rekomendasi"
        ]
    );
    // Each header with the column numbers under it.
    let a = find_row(&sheets[0], 1, "Program / Kegiatan");
    assert_eq!(sheets[0]["print_title_rows"], format!("{a}:{}", a + 1));
    let b = find_row(&sheets[1], 1, "Program / Kegiatan / Tahapan");
    assert_eq!(sheets[1]["print_title_rows"], format!("{b}:{}", b + 1));
    assert_eq!(sheets[1]["freeze_panes"], format!("A{}", b + 2));
    // No table on the last worksheet, so no header above the Kesimpulan.
    assert_eq!(sheets[2]["print_title_rows"], Value::Null);
    // The same footer on every page of the report.
    for s in &sheets {
        assert_eq!(
            s["footer"]["left"],
            "LAPORAN MONITORING DAN EVALUASI TAHUNAN – Tahun 2025"
        );
    }
}

/// The lines of a signature block from its first row: each merged across `cols`.
fn signature_lines(sheet: &Value, col: usize, cols: &str, first: usize, lines: &[&str]) {
    for (i, line) in lines.iter().enumerate() {
        let row = first + i;
        let cell = at(col, row);
        assert_eq!(
            text(sheet, &cell),
            (!line.is_empty()).then_some(*line),
            "{cell}"
        );
        let (from, to) = cols.split_once(':').expect("columns");
        let range = format!("{from}{row}:{to}{row}");
        assert!(merged(sheet).contains(&range.as_str()), "{range} merged");
    }
}

#[test]
fn the_workbook_signature_is_a_block_of_merged_lines_like_the_pdf() {
    let f = fixture();
    let sheet = dump(&f, &ReportRequest::new(ReportKind::RencanaAksi));
    // Dated by the decree, which this plan has not yet: dots.
    let ttd = find_row(&sheet, 14, "Tenggarong, ....................");
    signature_lines(
        &sheet,
        14,
        "O:S",
        ttd,
        &[
            "Tenggarong, ....................",
            "Kepala Dinas Perkebunan",
            "",
            "Ir. Sugiyono, M.Si.",
            "NIP. 19700101 199003 1 001",
        ],
    );
    assert!(has(&sheet["bold"], &at(14, ttd + 1)), "jabatan in bold");
    // About 2 cm to sign in.
    let room = sheet["row_heights"][(ttd + 2).to_string()]
        .as_f64()
        .expect("height");
    assert!((55.0..60.0).contains(&room), "{room}");
    let name = at(14, ttd + 3);
    assert!(has(&sheet["bold"], &name) && has(&sheet["underline"], &name));
    assert!(!has(&sheet["underline"], &at(14, ttd + 4)));
    assert_eq!(sheet["max_row"].as_u64(), Some(ttd as u64 + 4));

    // The Monev: the chair of the Tim RB, whose NIP the plan lacks, at the right.
    let mut request = ReportRequest::new(ReportKind::Bulanan);
    request.bulan = Some(3);
    let sheet = dump(&f, &request);
    let ttd = find_row(&sheet, 6, "Tenggarong, 14 Maret 2025");
    signature_lines(
        &sheet,
        6,
        "G:H",
        ttd,
        &[
            "Tenggarong, 14 Maret 2025",
            "Ketua Tim Reformasi Birokrasi",
            "Dinas Perkebunan",
            "",
            "Budi Santoso, S.P.",
            "",
        ],
    );
    // Beside it, on the same rows, the head of the agency: "Mengetahui,".
    signature_lines(
        &sheet,
        0,
        "A:E",
        ttd,
        &[
            "Mengetahui,",
            "Kepala Dinas Perkebunan",
            "",
            "",
            "Ir. Sugiyono, M.Si.",
            "NIP. 19700101 199003 1 001",
        ],
    );
    assert_eq!(sheet["max_row"].as_u64(), Some(ttd as u64 + 5));

    // No name in the plan: dots to write it on.
    let mut plan = f.plan;
    let mut id = plan.identity().expect("identity");
    id.kepala_nama.clear();
    plan.set_identity(&id).expect("identity");
    let f = Fixture { plan, ..f };
    let sheet = dump(&f, &ReportRequest::new(ReportKind::RencanaAksi));
    let ttd = find_row(&sheet, 14, "Kepala Dinas Perkebunan");
    assert_eq!(
        text(&sheet, &at(14, ttd + 2)),
        Some("(.................................................)")
    );
}

/// The page (from 0) each row of a worksheet prints on, 1-based rows, worked out as Excel
/// does from what the workbook stores: column widths in pixels (`7w + 5`, with Calibri 11),
/// the largest whole zoom that fits them to the paper's width inside the margins, row
/// heights, the repeated header and the manual page breaks.
fn printed_pages(sheet: &Value, paper: (f64, f64)) -> Vec<u32> {
    let portrait = sheet["orientation"] == "portrait";
    let (w, h) = if portrait { paper } else { (paper.1, paper.0) };
    let m = &sheet["margins"];
    let inch = |k: &str| m[k].as_f64().expect("margin") * 72.0;
    let columns: f64 = sheet["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| {
            let n = c[1].as_f64().expect("max") - c[0].as_f64().expect("min") + 1.0;
            n * (c[2].as_f64().expect("width") * 7.0).round() * 0.75
        })
        .sum();
    let zoom = ((w - inch("left") - inch("right")) / columns * 100.0)
        .floor()
        .min(100.0)
        / 100.0;
    let room = (h - inch("top") - inch("bottom")) / zoom;
    let height = |r: usize| sheet["row_heights"][r.to_string()].as_f64().unwrap_or(15.0);
    let titles = sheet["print_title_rows"].as_str().map(|t| {
        let (a, b) = t.split_once(':').expect("rows");
        (
            a.parse::<usize>().expect("row"),
            b.parse::<usize>().expect("row"),
        )
    });
    let breaks: Vec<usize> = sheet["row_breaks"]
        .as_array()
        .expect("breaks")
        .iter()
        .map(|b| b.as_u64().expect("row") as usize)
        .collect();
    let (mut page, mut used, mut header) = (0, 0.0, 0.0);
    let mut pages = vec![0];
    for r in 1..=sheet["max_row"].as_u64().expect("max_row") as usize {
        let h = height(r);
        if breaks.contains(&(r - 1)) || (used + h > room && used > header) {
            page += 1;
            header = match titles {
                Some((a, b)) if b < r => (a..=b).map(height).sum(),
                _ => 0.0,
            };
            used = header;
        }
        used += h;
        pages.push(page);
    }
    pages
}

#[test]
fn the_workbook_keeps_the_signature_block_on_one_printed_page() {
    let f = fixture();
    let mut plan = f.plan;
    let a4 = (210.0 / 25.4 * 72.0, 297.0 / 25.4 * 72.0);
    // The Kesimpulan grows a paragraph at a time and pushes the signature down the last
    // worksheet of the Tahunan, past the foot of its first page.
    let (mut moved, mut stayed) = (0, 0);
    for n in (20..=70).step_by(2) {
        let kesimpulan: Vec<String> = (1..=n).map(|i| format!("Paragraf {i}.")).collect();
        plan.set_catatan_tahunan(&CatatanTahunan {
            kesimpulan: kesimpulan.join("\n"),
            rekomendasi: "Perkuat bukti dukung.".into(),
        })
        .expect("catatan");
        let bytes = plan
            .report_xlsx(&ReportRequest::new(ReportKind::Tahunan))
            .expect("xlsx");
        let path = f.dir.path().join("tahunan-ttd.xlsx");
        std::fs::write(&path, bytes).expect("write");
        let sheets = xlsx_sheets(&path);
        let sheet = &sheets[2];
        let first = find_row(sheet, 3, "Tenggarong, 14 Maret 2025");
        let last = first + 4;
        assert_eq!(text(sheet, &at(3, last)), Some("Budi Santoso, S.P."));
        let pages = printed_pages(sheet, a4);
        assert_eq!(
            pages[first], pages[last],
            "{n} paragraphs: the block falls across pages {pages:?}"
        );
        match sheet["row_breaks"].as_array().expect("breaks").as_slice() {
            [] => stayed += 1,
            [b] => {
                // The break puts the last line of the Rekomendasi on the page with the block.
                let above = b.as_u64().expect("row") as usize + 1;
                assert_eq!(text(sheet, &at(0, above)), Some("Perkuat bukti dukung."));
                moved += 1;
            }
            more => panic!("{more:?}"),
        }
    }
    assert!(moved > 0 && stayed > 0, "moved {moved}, stayed {stayed}");
}

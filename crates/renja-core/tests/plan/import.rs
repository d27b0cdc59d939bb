//! Importing Rencana Aksi tables: every fixture in `tests/fixtures/import/` (counts, the
//! months of chosen rows, the skipped rows), bad input of every kind (an Indonesian error,
//! the source unchanged), appending as one undo step, and the round trip through the
//! Rencana Aksi report (issue 10, point 6).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use renja_core::generate::{GenerateSpec, generate};
use renja_core::import::{self, GroupNode, Preview, Skipped, TahapanRow};
use renja_core::report::{ReportFormat, ReportKind, ReportRequest};
use renja_core::{ErrorKind, NewPlan, OpenMode, Plan, TahapanId, Template};
use serde_json::Value;

use crate::common::{clock, sha256, tempdir};
use crate::import_fixtures::import_dir;

fn fixture(name: &str) -> PathBuf {
    import_dir().join(name)
}

/// Read, guess, build: what `renja import --dry-run` does. The source must stay unchanged.
fn preview(name: &str) -> Preview {
    let path = fixture(name);
    let before = sha256(&path);
    let source = import::read_file(&path).unwrap_or_else(|e| panic!("{name}: {}", e.message()));
    let (sheet, mapping) =
        import::choose_sheet(&source).unwrap_or_else(|e| panic!("{}", e.message()));
    let p = import::build(sheet, &mapping).expect("build");
    assert_eq!(sha256(&path), before, "{name} was changed");
    p
}

fn counts(p: &Preview) -> [u32; 7] {
    let c = p.counts;
    [
        c.programs,
        c.outcomes,
        c.kegiatan,
        c.outputs,
        c.tahapan,
        c.scheduled_tahapan,
        c.skipped_rows,
    ]
}

/// Every tahapan with the names of its program, outcome, kegiatan and output.
fn tahapan(p: &Preview) -> Vec<([String; 4], TahapanRow)> {
    let mut out = Vec::new();
    for pr in &p.tree.programs {
        for o in &pr.children {
            for k in &o.children {
                for u in &k.children {
                    for t in &u.tahapan {
                        let path = [&pr.nama, &o.nama, &k.nama, &u.nama].map(|s| s.clone());
                        out.push((path, t.clone()));
                    }
                }
            }
        }
    }
    out
}

fn find<'a>(all: &'a [([String; 4], TahapanRow)], nama: &str) -> &'a ([String; 4], TahapanRow) {
    all.iter().find(|(_, t)| t.nama == nama).unwrap_or_else(|| {
        panic!(
            "no tahapan {nama:?} in {:?}",
            all.iter().map(|t| &t.1.nama).collect::<Vec<_>>()
        )
    })
}

fn skipped(p: &Preview) -> Vec<(u32, &str)> {
    p.skipped
        .iter()
        .map(|Skipped { row, reason }| (*row, reason.as_str()))
        .collect()
}

#[test]
fn merged_cells_and_fill_colours() {
    for name in ["gabung-warna.xlsx", "libreoffice.ods"] {
        let p = preview(name);
        assert_eq!(p.mapping.header_row, 4, "{name}");
        assert_eq!(p.mapping.header_rows, 2, "{name}");
        assert_eq!(counts(&p), [1, 1, 2, 2, 6, 5, 1], "{name}");
        assert_eq!(p.tahun, Some(2024));
        let all = tahapan(&p);
        let (path, t) = find(&all, "Rapat pembahasan draf SK");
        assert_eq!(t.row, 7);
        assert_eq!(t.bulan, [1, 2], "{name}: shaded January and February");
        assert_eq!(t.kriteria, "Notulen rapat");
        // No outcome column: the outcome is named after its program.
        assert_eq!(
            path,
            &[
                "Manajemen Perubahan",
                "Manajemen Perubahan",
                "Pembentukan Tim RB",
                "SK Tim RB"
            ]
            .map(String::from)
        );
        assert!(p.tree.programs[0].children[0].generated);
        assert_eq!(
            find(&all, "Penetapan SK").1.bulan,
            [3],
            "trailing spaces trimmed"
        );
        let (path, t) = find(&all, "Evaluasi budaya kerja");
        assert_eq!(t.bulan, [11, 12]);
        assert_eq!(
            path[2], "Penguatan budaya kerja",
            "{name}: heading row and merge are one kegiatan"
        );
        assert_eq!(find(&all, "Publikasi hasil").1.bulan, Vec::<u8>::new());
        assert_eq!(
            skipped(&p),
            [(
                14,
                "Baris 14–15 di bawah tabel (catatan atau tanda tangan) tidak diimpor"
            )]
        );
    }
}

#[test]
fn marks_of_every_kind_and_parents_on_the_first_row_only() {
    let p = preview("tanda-x.xlsx");
    assert_eq!(counts(&p), [2, 2, 3, 3, 5, 5, 0]);
    let all = tahapan(&p);
    assert_eq!(find(&all, "a. Rapat awal").1.bulan, [1]);
    assert_eq!(find(&all, "b. Penyusunan draf").1.bulan, [2, 3], "v and √");
    assert_eq!(find(&all, "a. Monev triwulan").1.bulan, [3, 6, 9, 12], "✓");
    let (path, t) = find(&all, "b. Reviu SOP");
    assert_eq!(t.bulan, [5], "0 and - are no mark, OK is");
    assert_eq!(
        path[0], "II. Penataan Tata Laksana",
        "numbering kept by default"
    );
    assert_eq!(
        path[2], "1. Menyusun SOP",
        "filled down under the new program"
    );
    // Program > kegiatan > tahapan: outcome and output take their parent's name.
    assert_eq!(path[1], path[0]);
    assert_eq!(path[3], path[2]);

    let source = import::read_file(&fixture("tanda-x.xlsx")).expect("read");
    let (sheet, mut mapping) = import::choose_sheet(&source).expect("sheet");
    mapping.hapus_penomoran = true;
    let p = import::build(sheet, &mapping).expect("build");
    let all = tahapan(&p);
    let (path, _) = find(&all, "Reviu SOP");
    assert_eq!(path[0], "Penataan Tata Laksana");
    assert_eq!(path[2], "Menyusun SOP");
}

#[test]
fn parents_repeated_on_every_row_and_month_text() {
    let p = preview("berulang.xlsx");
    assert_eq!(p.tahun, Some(2025));
    assert_eq!(counts(&p), [1, 1, 2, 3, 8, 8, 1]);
    let all = tahapan(&p);
    for (nama, bulan) in [
        ("Pengumpulan data", vec![1, 2, 3]),
        ("Penyusunan draf", vec![1, 2, 3]),
        ("Konsultasi publik", (4..=12).collect()),
        ("Rapat pembahasan", vec![1, 2, 3]),
        ("Finalisasi", vec![1, 2, 3, 7]),
        ("Penetapan", (4..=12).collect()),
        ("Penyusunan LKjIP", vec![7, 8, 9]),
        ("Publikasi LKjIP", (1..=6).collect()),
    ] {
        assert_eq!(find(&all, nama).1.bulan, bulan, "{nama}");
    }
    let (path, t) = find(&all, "Publikasi LKjIP");
    assert_eq!(
        path[3], "Laporan Kinerja",
        "one output for its neighbouring rows"
    );
    assert_eq!(t.penanggung_jawab, "", "this row has no PJ");
    assert_eq!(skipped(&p), [(11, "Jadwal \"segera\" tidak dikenali")]);
}

#[test]
fn quarterly_targets() {
    let p = preview("triwulan.xlsx");
    assert_eq!(p.mapping.header_rows, 2);
    assert_eq!(counts(&p), [1, 1, 2, 2, 4, 4, 0]);
    let all = tahapan(&p);
    assert_eq!(
        find(&all, "Identifikasi risiko").1.bulan,
        (1..=12).collect::<Vec<u8>>()
    );
    assert_eq!(find(&all, "Penyusunan peta risiko").1.bulan, [4, 5, 6]);
    assert_eq!(find(&all, "Pengendalian gratifikasi").1.bulan, [10, 11, 12]);
    let (path, t) = find(&all, "Survei kepuasan");
    assert_eq!(t.bulan, [7, 8, 9]);
    assert_eq!(t.penanggung_jawab, "Inspektorat Pembantu");
    // No program column: one program for the sheet.
    assert_eq!(path[0], import::DEFAULT_PROGRAM);
    assert_eq!(path[2], "Peningkatan pelayanan");
}

#[test]
fn formulas_give_their_values_dates_and_errors_are_reported() {
    let p = preview("rumus-tanggal.xlsx");
    assert_eq!(counts(&p), [1, 1, 1, 1, 2, 2, 3]);
    let all = tahapan(&p);
    assert_eq!(
        find(&all, "Survei kepuasan").1.bulan,
        [1, 2],
        "formula results"
    );
    assert_eq!(find(&all, "Publikasi inovasi").1.bulan, [12]);
    assert_eq!(
        skipped(&p),
        [
            (
                3,
                "Sel bulan ke-3 berisi tanggal (01/03/2024), bukan tanda jadwal; ganti dengan \
                 tanda seperti x"
            ),
            (4, "Tahapan tanpa uraian (hanya jadwal bulan)"),
            (5, "Sel bulan ke-6 berisi galat rumus (#DIV/0!)"),
        ]
    );
}

#[test]
fn semicolon_csv_in_windows_1252() {
    let p = preview("titik-koma-1252.csv");
    assert_eq!(p.mapping.header_row, 3);
    assert_eq!(counts(&p), [2, 2, 3, 3, 4, 4, 1]);
    let all = tahapan(&p);
    assert_eq!(
        find(&all, "Inventarisasi aplikasi \u{201c}lama\u{201d}")
            .1
            .bulan,
        [1, 2, 3]
    );
    let (path, t) = find(&all, "Analisis kebutuhan (tahap 1)");
    assert_eq!(t.bulan, [4], "a quoted cell with a line break");
    assert_eq!(path[2], "Penerapan SPBE");
    assert_eq!(find(&all, "Pemutakhiran DIP").1.bulan, [4, 5, 6]);
    // "2,5" in a month column is a list: Februari and Mei.
    assert_eq!(find(&all, "Pelatihan caf\u{e9} teknis").1.bulan, [2, 5]);
    assert_eq!(
        skipped(&p),
        [(
            9,
            "Baris 9 di bawah tabel (catatan atau tanda tangan) tidak diimpor"
        )]
    );
}

#[test]
fn utf8_with_bom_and_empty_trailing_columns() {
    let p = preview("utf8-bom.csv");
    assert_eq!(
        p.mapping.program,
        Some(0),
        "the BOM is not part of the first header"
    );
    assert_eq!(counts(&p), [1, 1, 2, 2, 3, 3, 0]);
    let all = tahapan(&p);
    assert_eq!(
        find(&all, "Verifikasi data").1.bulan,
        (4..=12).collect::<Vec<u8>>()
    );
    assert_eq!(find(&all, "Publikasi data").1.bulan, [1, 2, 3, 7]);
    let (_, t) = find(&all, "Reviu perizinan");
    assert_eq!(t.bulan, (1..=6).collect::<Vec<u8>>());
    assert_eq!(t.kriteria, "SOP baru");
}

#[test]
fn a_table_pasted_from_word() {
    let file = import::read_file(&fixture("tempel-word.txt")).expect("read");
    let text = std::fs::read_to_string(fixture("tempel-word.txt")).expect("text");
    let pasted = import::read_pasted(&text).expect("pasted");
    assert_eq!(pasted.sheets[0].rows, file.sheets[0].rows);
    let (sheet, mapping) = import::choose_sheet(&pasted).expect("sheet");
    let p = import::build(sheet, &mapping).expect("build");
    assert_eq!(counts(&p), [1, 1, 2, 2, 4, 4, 0]);
    let all = tahapan(&p);
    assert_eq!(find(&all, "1. Pencanangan ZI").1.bulan, [1, 2, 3]);
    assert_eq!(find(&all, "3. Penilaian mandiri").1.bulan, [7, 8, 9]);
    let (path, t) = find(&all, "1. Survei persepsi korupsi");
    assert_eq!(t.bulan, [6, 7]);
    assert_eq!(path[2], "Survei internal");
    assert_eq!(t.penanggung_jawab, "Inspektorat");
}

#[test]
fn programs_on_heading_rows_of_a_shared_column() {
    let text = "No;Program/Kegiatan;Tahapan;Waktu;PJ\n\
                I;Manajemen Perubahan;;;\n\
                1;Sosialisasi;Rapat;Jan;Tim\n\
                ;;Publikasi;Feb-Mar;Tim\n\
                II;Penataan SDM;;;\n\
                1;Analisis jabatan;Pengumpulan data;TW 1;BKD\n";
    let source = import::read_pasted(text).expect("read");
    let (sheet, mapping) = import::choose_sheet(&source).expect("sheet");
    let p = import::build(sheet, &mapping).expect("build");
    assert_eq!(counts(&p), [2, 2, 2, 2, 3, 3, 0]);
    let all = tahapan(&p);
    let (path, t) = find(&all, "Publikasi");
    assert_eq!(t.bulan, [2, 3]);
    assert_eq!(path[0], "Manajemen Perubahan");
    assert_eq!(path[2], "Sosialisasi");
    let (path, _) = find(&all, "Pengumpulan data");
    assert_eq!(
        (path[0].as_str(), path[2].as_str()),
        ("Penataan SDM", "Analisis jabatan")
    );
}

#[test]
fn the_sheet_with_the_table_is_chosen_or_named() {
    let p = preview("dua-lembar.xlsx");
    assert_eq!(p.sheet, "RA 2024");
    assert_eq!(counts(&p), [1, 1, 1, 1, 1, 1, 0]);
    let source = import::read_file(&fixture("dua-lembar.xlsx")).expect("read");
    let e = import::sheet(&source, "Lembar9").expect_err("no such sheet");
    assert_eq!(e.kind(), ErrorKind::BadFile);
    assert!(
        e.message().contains("\"Petunjuk\", \"RA 2024\""),
        "{}",
        e.message()
    );
    let petunjuk = import::sheet(&source, "petunjuk").expect("case-insensitive");
    let e = import::checked_mapping(&source.nama, petunjuk).expect_err("no header there");
    assert!(
        e.message().contains("tidak ditemukan baris judul kolom"),
        "{}",
        e.message()
    );
}

/// Bad input: a clear Indonesian message, and the file unchanged.
fn refused(path: &Path, expect: &str) {
    let before = std::fs::read(path).expect("read");
    let e = import::read_file(path)
        .and_then(|s| import::choose_sheet(&s).map(|_| ()))
        .expect_err("refused");
    assert_eq!(e.kind(), ErrorKind::BadFile, "{}", e.message());
    let message = e.message();
    assert!(message.contains(expect), "{}: {message}", path.display());
    assert!(
        message.ends_with("Berkas sumber tidak diubah dan rencana tidak berubah."),
        "{message}"
    );
    assert_eq!(std::fs::read(path).expect("read"), before);
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    refused(&fixture("berkata-sandi.xlsx"), "dilindungi kata sandi");
    refused(&fixture("terpotong.xlsx"), "rusak");
    refused(
        &fixture("tanpa-judul.xlsx"),
        "tidak ditemukan baris judul kolom",
    );
    let dir = tempdir();
    let random = dir.path().join("acak.csv");
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    let bytes: Vec<u8> = (0..8192)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&random, bytes).expect("write");
    refused(&random, "bukan tabel teks");
    let empty = dir.path().join("kosong.csv");
    std::fs::write(&empty, "").expect("write");
    refused(&empty, "tidak berisi satu baris");
}

/// A ZIP written by hand: each entry's data is `chunk` deflated once and repeated `times`
/// (deflate blocks from a fresh compressor, ended with a sync flush, may be concatenated),
/// so an entry can declare and inflate to a gigabyte while the file stays small.
fn bomb(path: &Path, entries: &[(&str, &[u8], u32)]) {
    use flate2::Compression;
    use flate2::write::DeflateEncoder;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, chunk, times) in entries {
        let mut enc = DeflateEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(chunk).expect("deflate");
        enc.flush().expect("sync flush");
        let block = enc.get_ref().clone();
        let mut data = Vec::with_capacity(block.len() * *times as usize + 2);
        for _ in 0..*times {
            data.extend_from_slice(&block);
        }
        data.extend_from_slice(&[0x03, 0x00]); // a final, empty fixed-Huffman block
        let size = (chunk.len() as u64 * u64::from(*times)).min(u64::from(u32::MAX)) as u32;
        // The CRC of a bomb is never reached (the size limit stops reading first); a small
        // entry's is checked when it is read to its end.
        let crc = if *times == 1 {
            let mut crc = flate2::Crc::new();
            crc.update(chunk);
            crc.sum()
        } else {
            0
        };
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend([20u8, 0, 0, 0, 8, 0, 0, 0, 0x21, 0]); // version, flags, deflate, time/date
            h.extend(crc.to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 6]); // comment length, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&data);
        central.extend(header(0x0201_4b50, true));
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    std::fs::write(path, out).expect("write bomb");
}

const WORKBOOK: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const PACKAGE_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

#[test]
fn zip_bombs_are_refused_before_they_are_read() {
    let dir = tempdir();
    let mb = vec![b' '; 1 << 20];
    // 1 GB of one sheet.
    let gb = dir.path().join("satu-giga.xlsx");
    bomb(
        &gb,
        &[
            ("_rels/.rels", PACKAGE_RELS, 1),
            ("xl/workbook.xml", WORKBOOK, 1),
            ("xl/_rels/workbook.xml.rels", RELS, 1),
            ("xl/worksheets/sheet1.xml", &mb, 1024),
        ],
    );
    // Small enough to pass the 50 MB file limit: the part limit must catch it.
    assert!(std::fs::metadata(&gb).expect("size").len() < import::MAX_FILE_BYTES);
    refused(&gb, "64 MB setelah diekstrak");
    // 100 MB of shared strings.
    let strings: Vec<u8> = b"<si><t>Rapat koordinasi</t></si>".repeat(32 * 1024);
    let ss = dir.path().join("teks-bersama.xlsx");
    bomb(
        &ss,
        &[
            ("_rels/.rels", PACKAGE_RELS, 1),
            ("xl/workbook.xml", WORKBOOK, 1),
            ("xl/_rels/workbook.xml.rels", RELS, 1),
            ("xl/sharedStrings.xml", &strings, 100),
        ],
    );
    refused(&ss, "xl/sharedStrings.xml");
    // 1,048,576 rows with a value each (rows without numbers count on).
    let rows: Vec<u8> = br#"<row><c t="inlineStr"><is><t>x</t></is></c></row>"#.repeat(1024);
    let mut sheet = b"<worksheet><sheetData>".to_vec();
    sheet.extend(rows.repeat(1024));
    sheet.extend(b"</sheetData></worksheet>");
    let tall = dir.path().join("sejuta-baris.xlsx");
    bomb(
        &tall,
        &[
            ("_rels/.rels", PACKAGE_RELS, 1),
            ("xl/workbook.xml", WORKBOOK, 1),
            ("xl/_rels/workbook.xml.rels", RELS, 1),
            ("xl/worksheets/sheet1.xml", &sheet, 1),
        ],
    );
    refused(&tall, "Lembar \"Data\" terlalu besar");
}

fn without_stamps(mut v: Value) -> Value {
    match &mut v {
        Value::Object(map) => {
            // Row versions are bookkeeping for merging, not content.
            for key in ["uuid", "modified_at", "nomor", "version"] {
                map.remove(key);
            }
            for value in map.values_mut() {
                *value = without_stamps(value.take());
            }
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                *item = without_stamps(item.take());
            }
        }
        _ => {}
    }
    v
}

fn tree_of(plan: &Plan) -> Value {
    let dump = serde_json::to_value(plan.dump().expect("dump")).expect("json");
    without_stamps(dump["programs"].clone())
}

/// Report `plan` as the Rencana Aksi XLSX, import it into a new plan, and compare.
fn round_trip(plan: &Plan, dir: &Path) {
    let ra = dir.join("ra.xlsx");
    let request = ReportRequest::new(ReportKind::RencanaAksi);
    plan.write_report(&request, ReportFormat::Xlsx, &ra)
        .expect("report");
    let source = import::read_file(&ra).expect("read the report");
    let (sheet, mapping) = import::choose_sheet(&source).expect("header");
    let p = import::build(sheet, &mapping).expect("build");
    // Only what is not data is left out: the column-number row (1), (2), … under the header
    // and the signature block below the table.
    assert!(
        p.skipped.iter().all(|s| s.reason.contains("di bawah tabel")
            || s.reason.contains("nomor kolom di bawah judul tabel")),
        "{:?}",
        p.skipped
    );
    let q =
        Plan::create_imported(&dir.join("q.renjarb"), 2025, &p, false, clock()).expect("create");
    assert_eq!(tree_of(&q), tree_of(plan));
}

#[test]
fn the_rencana_aksi_report_imports_back_to_the_same_plan() {
    let dir = tempdir();
    let mut plan = Plan::create(
        &dir.path().join("p.renjarb"),
        NewPlan {
            template: Template::Seed,
            tahun: 2025,
        },
        false,
        clock(),
    )
    .expect("create");
    // A schedule on every tahapan, different from row to row.
    let ids: Vec<i64> = plan
        .grid()
        .expect("grid")
        .rows
        .iter()
        .filter(|r| r.level == renja_core::edit::Level::Tahapan)
        .map(|r| r.id)
        .collect();
    assert_eq!(ids.len(), 106);
    for (i, id) in ids.iter().enumerate() {
        let mask = ((i as u16 * 37) % 0x0FFF) | (1 << (i % 12));
        plan.set_bulan(TahapanId(*id), mask).expect("schedule");
    }
    round_trip(&plan, dir.path());
}

#[test]
fn a_thousand_tahapan_import_back_to_the_same_plan() {
    let dir = tempdir();
    let spec = GenerateSpec {
        tahapan: 1_000,
        tahun: 2025,
        seed: 11,
        evidence: 0,
        evidence_bytes: 0,
        realisasi: 0,
    };
    let plan = generate(&dir.path().join("g.renjarb"), &spec, false, clock()).expect("generate");
    round_trip(&plan, dir.path());
}

fn first_program(p: &Preview) -> &GroupNode {
    &p.tree.programs[0]
}

#[test]
fn appending_is_one_undo_step_and_the_source_is_unchanged() {
    let dir = tempdir();
    let path = dir.path().join("p.renjarb");
    let mut plan = Plan::create(
        &path,
        NewPlan {
            template: Template::Seed,
            tahun: 2024,
        },
        false,
        clock(),
    )
    .expect("create");
    let before = tree_of(&plan);
    let p = preview("gabung-warna.xlsx");
    assert_eq!(first_program(&p).nama, "Manajemen Perubahan");
    let added = plan.import(&p).expect("import");
    assert_eq!(added.tahapan, 6);
    let info = plan.info().expect("info");
    assert_eq!((info.counts.programs, info.counts.tahapan), (9, 112));
    assert_eq!(
        plan.undo_state().undo.as_deref(),
        Some("Impor rencana aksi")
    );
    assert!(plan.undo().expect("undo"));
    assert_eq!(tree_of(&plan), before);
    assert!(plan.redo().expect("redo"));
    assert_eq!(plan.info().expect("info").counts.tahapan, 112);
    drop(plan);
    let reopened = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("reopen");
    assert_eq!(reopened.info().expect("info").counts.tahapan, 112);
}

#[test]
fn a_mapping_that_reads_nothing_is_refused() {
    let source = import::read_file(&fixture("gabung-warna.xlsx")).expect("read");
    let (sheet, mut mapping) = import::choose_sheet(&source).expect("sheet");
    mapping.header_row = 15;
    let p = import::build(sheet, &mapping).expect("build");
    assert_eq!(p.counts.tahapan, 0);
    let dir = tempdir();
    let target = dir.path().join("q.renjarb");
    let e =
        Plan::create_imported(&target, 2024, &p, false, clock()).expect_err("nothing to import");
    assert_eq!(e.kind(), ErrorKind::Invalid);
    assert!(
        e.message().contains("Tidak ada satu tahapan pun"),
        "{}",
        e.message()
    );
    assert!(!target.exists());
    mapping.bulan = import::Bulan::Columns {
        columns: vec![1, 2, 3],
    };
    let e = import::build(sheet, &mapping).expect_err("eleven months short");
    assert!(
        e.message().contains("dua belas kolom bulan"),
        "{}",
        e.message()
    );
}

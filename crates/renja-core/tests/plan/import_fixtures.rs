//! The import fixtures in `tests/fixtures/import/`, made the way offices make them: xlsx by a
//! real writer (rust_xlsxwriter) with merged cells, fills, formulas and dates; CSV as
//! Indonesian Excel saves it (semicolons, Windows-1252) and with a UTF-8 BOM; a table pasted
//! from Word (tab-separated); the `.ods` is LibreOffice's conversion of `gabung-warna.xlsx`
//! (see `tests/fixtures/import/README.md`). `regenerate_import_fixtures` (ignored) rewrites
//! them; the tests in `import.rs` only read them.

use std::path::PathBuf;

use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatAlign, Formula, Workbook, Worksheet};

use crate::common::fixtures_dir;

pub fn import_dir() -> PathBuf {
    fixtures_dir().join("import")
}

type R = Result<(), rust_xlsxwriter::XlsxError>;

fn header() -> Format {
    Format::new()
        .set_bold()
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_text_wrap()
}

fn cell() -> Format {
    Format::new()
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top)
}

fn shaded(color: u32) -> Format {
    cell().set_background_color(Color::RGB(color))
}

/// Title rows, a blank row, a two-row header ("Bulan" over 1–12), program, kegiatan and
/// output merged over their tahapan, months shaded blue with no value, a heading row shaded
/// grey across, a line break and trailing spaces in cells, a footnote under the table.
fn gabung_warna(ws: &mut Worksheet) -> R {
    let (h, c, blue, grey) = (header(), cell(), shaded(0x00B0F0), shaded(0xD9D9D9));
    ws.set_name("Rencana Aksi")?;
    ws.write_string(0, 0, "RENCANA AKSI REFORMASI BIROKRASI")?;
    ws.write_string(1, 0, "DINAS KOMUNIKASI DAN INFORMATIKA TAHUN 2024")?;
    let titles = ["No", "Program", "Kegiatan", "Output", "Tahapan Kerja"];
    for (i, t) in titles.iter().enumerate() {
        ws.merge_range(3, i as u16, 4, i as u16, t, &h)?;
    }
    ws.merge_range(3, 5, 3, 16, "Bulan", &h)?;
    for m in 0..12u16 {
        ws.write_number_with_format(4, 5 + m, f64::from(m + 1), &h)?;
    }
    ws.merge_range(3, 17, 4, 17, "Kriteria Keberhasilan", &h)?;
    ws.merge_range(3, 18, 4, 18, "Penanggung Jawab", &h)?;
    // (row, tahapan, months, kriteria, pj)
    let rows: [(u32, &str, &[u16], &str, &str); 6] = [
        (
            5,
            "Menyusun draf SK Tim RB",
            &[1],
            "SK ditetapkan",
            "Sekretariat",
        ),
        (
            6,
            "Rapat pembahasan\ndraf SK",
            &[1, 2],
            "Notulen rapat",
            "Sekretariat",
        ),
        (7, "Penetapan SK  ", &[3], "SK", "Kepala Dinas"),
        (
            9,
            "Sosialisasi budaya kerja",
            &[4, 5, 6],
            "Daftar hadir",
            "Pokja SDM",
        ),
        (
            10,
            "Evaluasi budaya kerja",
            &[11, 12],
            "Laporan evaluasi",
            "Pokja SDM",
        ),
        (11, "Publikasi hasil", &[], "Berita di laman", "Pokja SDM"),
    ];
    ws.merge_range(5, 0, 11, 0, "1", &c)?;
    ws.merge_range(5, 1, 11, 1, "Manajemen Perubahan", &c)?;
    ws.merge_range(5, 2, 7, 2, "Pembentukan Tim RB", &c)?;
    ws.merge_range(5, 3, 7, 3, "SK Tim RB", &c)?;
    // Row 9 (index 8): a heading row shaded grey across, naming the next kegiatan.
    ws.merge_range(8, 2, 8, 18, "Penguatan budaya kerja", &grey)?;
    ws.merge_range(9, 2, 11, 2, "Penguatan budaya kerja", &c)?;
    ws.merge_range(9, 3, 11, 3, "Laporan budaya kerja", &c)?;
    for (r, t, months, k, pj) in rows {
        ws.write_string_with_format(r, 4, t, &c)?;
        for m in 1..=12u16 {
            let f = if months.contains(&m) { &blue } else { &c };
            ws.write_blank(r, 4 + m, f)?;
        }
        ws.write_string_with_format(r, 17, k, &c)?;
        ws.write_string_with_format(r, 18, pj, &c)?;
    }
    ws.write_string(13, 0, "Keterangan: warna biru = bulan pelaksanaan")?;
    ws.write_string(14, 0, "*) diisi oleh Pokja")?;
    Ok(())
}

/// Month names as the header, marks of every kind, parents only on the first row of their
/// group (no merges), program > kegiatan > tahapan only, numbering in the text.
fn tanda_x(ws: &mut Worksheet) -> R {
    ws.set_name("Lembar1")?;
    let head = [
        "NO",
        "AREA PERUBAHAN",
        "URAIAN KEGIATAN",
        "RENCANA AKSI",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Mei",
        "Jun",
        "Jul",
        "Agu",
        "Sep",
        "Okt",
        "Nov",
        "Des",
        "PJ",
    ];
    for (i, t) in head.iter().enumerate() {
        ws.write_string(0, i as u16, *t)?;
    }
    // (no, program, kegiatan, tahapan, the twelve month cells, PJ)
    type Row<'a> = (&'a str, &'a str, &'a str, &'a str, [&'a str; 12], &'a str);
    let rows: [Row<'_>; 5] = [
        (
            "1",
            "I. Manajemen Perubahan",
            "1. Menyusun Road Map",
            "a. Rapat awal",
            ["x", "", "", "", "", "", "", "", "", "", "", ""],
            "Tim RB",
        ),
        (
            "",
            "",
            "",
            "b. Penyusunan draf",
            ["", "v", "√", "", "", "", "", "", "", "", "", ""],
            "Tim RB",
        ),
        (
            "",
            "",
            "2. Monitoring Road Map",
            "a. Monev triwulan",
            ["", "", "✓", "", "", "✓", "", "", "✓", "", "", "✓"],
            "Sekretariat",
        ),
        (
            "2",
            "II. Penataan Tata Laksana",
            "1. Menyusun SOP",
            "a. Inventarisasi SOP",
            ["1", "1", "", "", "", "", "", "", "", "", "", ""],
            "Pokja Tata Laksana",
        ),
        (
            "",
            "",
            "",
            "b. Reviu SOP",
            ["", "", "0", "-", "OK", "", "", "", "", "", "", ""],
            "Pokja Tata Laksana",
        ),
    ];
    for (i, (no, p, k, t, months, pj)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, v) in [(0u16, *no), (1, *p), (2, *k), (3, *t), (16, *pj)] {
            if !v.is_empty() {
                ws.write_string(r, c, v)?;
            }
        }
        for (m, v) in months.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r, 4 + m as u16, *v)?;
            }
        }
    }
    Ok(())
}

/// Every parent repeated on every row, outcome and output columns, one "Jadwal" text
/// column in the forms offices write (one unreadable), "PJ" and "Kriteria" headers.
fn berulang(ws: &mut Worksheet) -> R {
    ws.set_name("RA")?;
    let head = [
        "Program", "Outcome", "Kegiatan", "Output", "Tahapan", "Jadwal", "Kriteria", "PJ",
    ];
    for (i, t) in head.iter().enumerate() {
        ws.write_string(2, i as u16, *t)?;
    }
    ws.write_string(0, 0, "Rencana Aksi RB 2025")?;
    let p = "Penguatan Akuntabilitas";
    let o = "Meningkatnya kualitas perencanaan";
    let rows: [(&str, &str, &str, &str); 8] = [
        (
            "Menyusun Renstra",
            "Dokumen Renstra",
            "Pengumpulan data",
            "Jan-Mar",
        ),
        (
            "Menyusun Renstra",
            "Dokumen Renstra",
            "Penyusunan draf",
            "Januari s.d. Maret",
        ),
        (
            "Menyusun Renstra",
            "Dokumen Renstra",
            "Konsultasi publik",
            "Apr–Des",
        ),
        (
            "Menyusun Renja",
            "Dokumen Renja",
            "Rapat pembahasan",
            "1 2 3",
        ),
        ("Menyusun Renja", "Dokumen Renja", "Finalisasi", "1-3, 7"),
        ("Menyusun Renja", "Dokumen Renja", "Penetapan", "TW II-IV"),
        (
            "Menyusun Renja",
            "Laporan Kinerja",
            "Penyusunan LKjIP",
            "Triwulan III",
        ),
        ("Menyusun Renja", "Laporan Kinerja", "Reviu LKjIP", "segera"),
    ];
    for (i, (k, u, t, j)) in rows.iter().enumerate() {
        let r = i as u32 + 3;
        for (c, v) in [(0u16, p), (1, o), (2, *k), (3, *u), (4, *t), (5, *j)] {
            ws.write_string(r, c, v)?;
        }
        ws.write_string(r, 6, "Dokumen tersedia")?;
        ws.write_string(r, 7, "Pokja Akuntabilitas")?;
    }
    ws.write_string(11, 0, p)?;
    ws.write_string(11, 1, o)?;
    ws.write_string(11, 2, "Menyusun Renja")?;
    ws.write_string(11, 3, "Laporan Kinerja")?;
    ws.write_string(11, 4, "Publikasi LKjIP")?;
    ws.write_string(11, 5, "Semester 1")?;
    Ok(())
}

/// Four quarterly target columns under "Target", with percentages, zeros and dashes.
fn triwulan(ws: &mut Worksheet) -> R {
    ws.set_name("Target TW")?;
    let h = header();
    for (c, t) in [
        (0u16, "No"),
        (1, "Kegiatan"),
        (2, "Langkah Kerja"),
        (7, "Unit Pelaksana"),
    ] {
        ws.merge_range(0, c, 1, c, t, &h)?;
    }
    ws.merge_range(0, 3, 0, 6, "Target", &h)?;
    for (i, t) in ["TW I", "TW II", "TW III", "TW IV"].iter().enumerate() {
        ws.write_string_with_format(1, 3 + i as u16, *t, &h)?;
    }
    let rows: [(&str, &str, [&str; 4]); 4] = [
        (
            "Penguatan pengawasan",
            "Identifikasi risiko",
            ["25%", "50%", "75%", "100%"],
        ),
        ("", "Penyusunan peta risiko", ["0", "100%", "-", ""]),
        ("", "Pengendalian gratifikasi", ["", "", "", "1 laporan"]),
        (
            "Peningkatan pelayanan",
            "Survei kepuasan",
            ["0%", "0", "1", "0"],
        ),
    ];
    for (i, (k, t, tw)) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        ws.write_number(r, 0, (i + 1) as f64)?;
        if !k.is_empty() {
            ws.write_string(r, 1, *k)?;
        }
        ws.write_string(r, 2, *t)?;
        for (q, v) in tw.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r, 3 + q as u16, *v)?;
            }
        }
        ws.write_string(r, 7, "Inspektorat Pembantu")?;
    }
    Ok(())
}

/// Formulas (cached values are what is read), a date in a month cell, a row with months
/// but no text, an error value.
fn rumus_tanggal(ws: &mut Worksheet) -> R {
    ws.set_name("Rumus")?;
    let head = [
        "Kegiatan",
        "Tahapan",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
        "12",
        "Penanggung Jawab",
    ];
    for (i, t) in head.iter().enumerate() {
        ws.write_string(0, i as u16, *t)?;
    }
    // The header's months as numbers, as Excel users type them.
    for m in 1..=12u16 {
        ws.write_number(0, 1 + m, f64::from(m))?;
    }
    ws.write_string(1, 0, "Pelayanan publik")?;
    ws.write_formula(
        1,
        1,
        Formula::new("=\"Survei \"&\"kepuasan\"").set_result("Survei kepuasan"),
    )?;
    ws.write_formula(1, 2, Formula::new("=IF(1>0,\"x\",\"\")").set_result("x"))?;
    ws.write_formula(1, 3, Formula::new("=IF(1>0,\"x\",\"\")").set_result("x"))?;
    ws.write_string(1, 14, "Pokja Pelayanan")?;
    ws.write_string(2, 1, "Penyusunan maklumat")?;
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let date = ExcelDateTime::from_ymd(2024, 3, 1)?;
    ws.write_datetime_with_format(2, 4, &date, &date_format)?;
    ws.write_string(2, 14, "Pokja Pelayanan")?;
    ws.write_string(3, 4, "x")?;
    ws.write_string(3, 5, "x")?;
    ws.write_string(4, 1, "Inovasi layanan")?;
    ws.write_formula(4, 7, Formula::new("=1/0").set_result("#DIV/0!"))?;
    ws.write_string(5, 1, "Publikasi inovasi")?;
    ws.write_formula(5, 13, Formula::new("=1").set_result("1"))?;
    Ok(())
}

/// A first sheet of instructions (no table), the table on the second.
fn dua_lembar(wb: &mut Workbook) -> R {
    let ws = wb.add_worksheet();
    ws.set_name("Petunjuk")?;
    ws.write_string(0, 0, "Petunjuk pengisian")?;
    ws.write_string(1, 0, "Isi tabel pada lembar berikutnya.")?;
    let ws = wb.add_worksheet();
    ws.set_name("RA 2024")?;
    for (i, t) in ["Kegiatan", "Tahapan Kerja", "Waktu", "Penanggung Jawab"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, i as u16, *t)?;
    }
    ws.write_string(1, 0, "Survei internal")?;
    ws.write_string(1, 1, "Penyebaran kuesioner")?;
    ws.write_string(1, 2, "Mei")?;
    ws.write_string(1, 3, "Pokja Manajemen Perubahan")?;
    Ok(())
}

fn save(name: &str, fill: impl FnOnce(&mut Workbook) -> R) {
    let mut wb = Workbook::new();
    fill(&mut wb).unwrap_or_else(|e| panic!("{name}: {e}"));
    wb.save(import_dir().join(name))
        .unwrap_or_else(|e| panic!("save {name}: {e}"));
}

const SEMICOLON_CSV: &str = "Rencana Aksi RB Tahun 2024;;;;;\r\n\
;;;;;\r\n\
No.;Program;Kegiatan;Tahapan Kerja;Target Waktu;Penanggung Jawab;;\r\n\
1;Penataan Tata Laksana;Penerapan SPBE;\"Inventarisasi aplikasi \u{93}lama\u{94}\";Jan-Mar;Bidang TIK;;\r\n\
;;;\"Analisis kebutuhan\r\n(tahap 1)\";Apr;Bidang TIK;;\r\n\
;;Keterbukaan informasi;Pemutakhiran DIP;TW II;PPID Pelaksana;;\r\n\
2;Penataan SDM Aparatur;Pengembangan kompetensi;Pelatihan caf\u{e9} teknis;2,5;Subbag Umum;;\r\n\
;;;;;;;\r\n\
Sumber: Bagian Organisasi;;;;;\r\n";

const BOM_CSV: &str = "\u{feff}program,kegiatan,output,tahapan,bulan,kriteria keberhasilan,pj,,\n\
Reformasi Birokrasi Tematik,Penanggulangan kemiskinan,Data terpadu,Verifikasi data,Apr–Des,Data valid,Dinas Sosial,,\n\
Reformasi Birokrasi Tematik,Penanggulangan kemiskinan,Data terpadu,Publikasi data,\"1-3, 7\",Data terbit,Dinas Sosial,,\n\
Reformasi Birokrasi Tematik,Investasi,Perizinan cepat,Reviu perizinan,Semester 1,SOP baru,DPMPTSP,,\n\
Reformasi Birokrasi Tematik,Investasi,Perizinan cepat,,,,,,\n";

const WORD_TSV: &str = "No\tKegiatan\tTahapan Kerja\tWaktu Pelaksanaan\tPenanggung Jawab\n\
1.\tPembangunan Zona Integritas\t1. Pencanangan ZI\tTW I\tSekretaris\n\
\t\t2. Pembentukan tim ZI\tJanuari\tSekretaris\n\
\t\t3. Penilaian mandiri\tTriwulan III\tTim ZI\n\
2.\tSurvei internal\t1. Survei persepsi korupsi\tJuni - Juli\tInspektorat\n";

/// The xlsx a "zip" that is not a workbook would be, a truncated xlsx, and an OLE container
/// named like an encrypted Office file.
fn broken(dir: &std::path::Path) {
    let good = std::fs::read(dir.join("gabung-warna.xlsx")).expect("gabung-warna.xlsx");
    std::fs::write(dir.join("terpotong.xlsx"), &good[..good.len() / 2]).expect("write");
    // An OLE compound file header and a directory entry "EncryptedPackage" (UTF-16), as
    // Excel writes a password-protected workbook.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    ole.resize(2048, 0);
    std::fs::write(dir.join("berkata-sandi.xlsx"), ole).expect("write");
}

#[test]
#[ignore = "rewrites the committed fixtures in tests/fixtures/import/"]
fn regenerate_import_fixtures() {
    let dir = import_dir();
    std::fs::create_dir_all(&dir).expect("create tests/fixtures/import");
    save("gabung-warna.xlsx", |wb| gabung_warna(wb.add_worksheet()));
    save("tanda-x.xlsx", |wb| tanda_x(wb.add_worksheet()));
    save("berulang.xlsx", |wb| berulang(wb.add_worksheet()));
    save("triwulan.xlsx", |wb| triwulan(wb.add_worksheet()));
    save("rumus-tanggal.xlsx", |wb| rumus_tanggal(wb.add_worksheet()));
    save("dua-lembar.xlsx", dua_lembar);
    save("tanpa-judul.xlsx", |wb| {
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "Daftar hadir rapat")?;
        ws.write_string(1, 0, "Budi")?;
        ws.write_string(1, 1, "Hadir")?;
        Ok(())
    });
    // The literal holds U+0093, U+0094 and U+00E9 standing for the bytes 0x93 (“), 0x94 (”)
    // and 0xE9 (é) of Windows-1252: each char is written as its one byte.
    let bytes: Vec<u8> = SEMICOLON_CSV
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a one-byte char"))
        .collect();
    std::fs::write(dir.join("titik-koma-1252.csv"), bytes).expect("write");
    std::fs::write(dir.join("utf8-bom.csv"), BOM_CSV).expect("write");
    std::fs::write(dir.join("tempel-word.txt"), WORD_TSV).expect("write");
    broken(&dir);
}

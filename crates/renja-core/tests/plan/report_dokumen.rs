//! The Laporan Tahunan as a whole document (issue 16, point 9): the chapters' narrative stored
//! and undoable, the PDF read back through pdftotext (cover, daftar isi, BAB I–V in the seed's
//! order, the narrative, the lampiran, the placeholder only in the preview), the DOCX unzipped
//! and its XML read (heading styles, tables, text), and the DOCX converted by LibreOffice.
//! Pages go to `target/report-pages/` to be looked at.

use std::path::{Path, PathBuf};
use std::process::Command;

use renja_core::edit::Edit;
use renja_core::model::{BabKunci, CatatanTahunan};
use renja_core::report::{ReportFormat, ReportKind, ReportRequest};
use renja_core::{ErrorKind, Plan};

use crate::common::tempdir;
use crate::report::{pdf_text, render_pages, sample_plan, squash};

const PENDAHULUAN: &str = "Reformasi birokrasi diartikan sebagai upaya untuk melakukan \
pembaharuan dan perubahan mendasar terhadap sistem penyelenggaraan pemerintahan dalam rangka \
mewujudkan tata kelola pemerintahan yang baik. Laporan ini menyajikan pelaksanaan Rencana Kerja \
Reformasi Birokrasi Dinas Perkebunan selama satu tahun.\n\
- Latar belakang penyusunan laporan tahunan\n\
- Maksud dan tujuan laporan\n\
Sistematika penulisan laporan mengikuti lima bab dan dua lampiran.";

const MANAJEMEN: &str = "Monitoring dilaksanakan secara berkala setiap triwulan untuk memastikan \
rencana kerja Reformasi Birokrasi Perangkat Daerah dilaksanakan sesuai tata kelola dan \
terdokumentasi dengan baik.";

fn request() -> ReportRequest {
    ReportRequest {
        tanggal: Some("2023-12-20".into()),
        ..ReportRequest::new(ReportKind::LaporanTahunan)
    }
}

fn pages_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/report-pages");
    std::fs::create_dir_all(&dir).expect("pages dir");
    dir
}

fn pdf_pages(pdf: &Path) -> u32 {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

/// The sample plan with BAB I and IV written and BAB II and III left empty.
fn plan_with_bab(dir: &Path) -> Plan {
    let mut plan = sample_plan(dir);
    plan.apply(Edit::SetBab {
        kunci: BabKunci::Pendahuluan,
        teks: PENDAHULUAN.into(),
    })
    .expect("bab I");
    plan.set_bab(BabKunci::Manajemen, MANAJEMEN)
        .expect("bab IV");
    plan
}

/// Where each needle first appears in `text`, asserting they appear in this order.
fn in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for n in needles {
        let at = text[from..]
            .find(n)
            .unwrap_or_else(|| panic!("{n:?} not found after byte {from}"));
        from += at + n.len();
    }
}

#[test]
fn bab_text_is_stored_tidied_undone_and_redone() {
    let dir = tempdir();
    let mut plan = sample_plan(dir.path());
    assert_eq!(plan.bab().expect("bab").pendahuluan, "");
    let edited = plan
        .apply(Edit::SetBab {
            kunci: BabKunci::Pendahuluan,
            teks: "  Paragraf satu.\r\n- butir\r\n".into(),
        })
        .expect("set");
    assert_eq!(
        edited.overview.bab.pendahuluan, "Paragraf satu.\n- butir",
        "Windows line ends are made plain and the text trimmed"
    );
    assert_eq!(plan.undo_state().undo.as_deref(), Some("Ubah narasi BAB I"));
    plan.set_bab(BabKunci::Pendahuluan, "Paragraf dua.")
        .expect("change");
    plan.undo().expect("undo");
    assert_eq!(
        plan.bab().expect("bab").pendahuluan,
        "Paragraf satu.\n- butir"
    );
    plan.undo().expect("undo");
    assert_eq!(plan.bab().expect("bab").pendahuluan, "");
    plan.redo().expect("redo");
    assert_eq!(
        plan.bab().expect("bab").pendahuluan,
        "Paragraf satu.\n- butir"
    );

    let too_long = "a".repeat(renja_core::limits::MAX_BAB + 1);
    let err = plan
        .set_bab(BabKunci::Agenda, &too_long)
        .expect_err("too long");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.to_string().contains("BAB III"), "{err}");
    let err = plan
        .set_bab(BabKunci::Agenda, "teks\u{7}")
        .expect_err("control character");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(
        plan.bab().expect("bab").agenda,
        "",
        "a refusal changes nothing"
    );

    // The narrative survives closing and opening the file.
    let path = plan.path().to_owned();
    plan.close().expect("close");
    let plan = Plan::open(&path, renja_core::OpenMode::Edit, crate::common::clock()).expect("open");
    assert_eq!(
        plan.bab().expect("bab").pendahuluan,
        "Paragraf satu.\n- butir"
    );
}

#[test]
fn laporan_tahunan_pdf_has_cover_contents_chapters_in_order_and_lampiran() {
    let dir = tempdir();
    let plan = plan_with_bab(dir.path());
    let path = pages_dir().join("laporan-tahunan.pdf");
    plan.write_report(&request(), ReportFormat::Pdf, &path)
        .expect("pdf");
    let text = pdf_text(&path, None);

    let cover = pdf_text(&path, Some(1));
    in_order(
        &cover,
        &[
            "LAPORAN TAHUNAN",
            "REFORMASI BIROKRASI",
            "DINAS PERKEBUNAN",
            "TAHUN 2023",
        ],
    );
    let contents = pdf_text(&path, Some(2));
    in_order(
        &contents,
        &[
            "DAFTAR ISI",
            "BAB I PENDAHULUAN",
            "BAB II GAMBARAN UMUM REFORMASI BIROKRASI",
            "BAB III AGENDA REFORMASI BIROKRASI PERANGKAT DAERAH",
            "Program dan Kegiatan",
            "BAB IV MANAJEMEN PELAKSANAAN REFORMASI BIROKRASI",
            "Perbandingan Kondisi Sebelum dan Sesudah",
            "BAB V PENUTUP",
            "LAMPIRAN I RENCANA AKSI REFORMASI BIROKRASI",
            "LAMPIRAN II DAFTAR BUKTI DUKUNG",
        ],
    );
    // The chapters, their narrative and generated parts, in the seed's order after the
    // daftar isi.
    let body = &text[text
        .find("LAMPIRAN II DAFTAR BUKTI DUKUNG")
        .expect("toc end")..];
    in_order(
        &squash(body),
        &[
            "BABIPENDAHULUAN",
            &squash("Reformasi birokrasi diartikan sebagai upaya"),
            &squash("Latar belakang penyusunan laporan tahunan"),
            "BABIIGAMBARANUMUMREFORMASIBIROKRASI",
            &squash("Tabel 2.1 Area Perubahan"),
            "ManajemenPerubahan",
            "BABIIIAGENDAREFORMASIBIROKRASIPERANGKATDAERAH",
            &squash("Tabel 3.1 Capaian per Program dan Kegiatan"),
            &squash("Gambar 3.1 Capaian per Program"),
            "BABIVMANAJEMENPELAKSANAANREFORMASIBIROKRASI",
            &squash("Monitoring dilaksanakan secara berkala setiap triwulan"),
            &squash("Anggaran belum tersedia"),
            &squash("Diusulkan pada APBD-P"),
            &squash("Tabel 4.2 Perbandingan Kondisi Sebelum dan Sesudah"),
            "BABVPENUTUP",
            &squash("Pelaksanaan RB berjalan baik."),
            &squash("Percepat penyusunan SOP."),
            "Mengetahui,",
            &squash("Ketua Tim Reformasi Birokrasi"),
            &squash("LAMPIRAN I RENCANA AKSI REFORMASI BIROKRASI"),
            &squash("Kriteria Keberhasilan"),
            &squash("LAMPIRAN II DAFTAR BUKTI DUKUNG"),
            &squash("SK Tim Reformasi Birokrasi"),
        ],
    );
    assert!(
        !text.contains("[Bab ini belum diisi]"),
        "the saved file never shows the placeholder of an empty chapter"
    );
    // Cover, contents, five chapters (each on a new page) and the 106-tahapan lampiran: far
    // more than 10 pages, far fewer than 80.
    let pages = pdf_pages(&path);
    assert!((12..80).contains(&pages), "{pages} pages");
    // Headers and footers (laid over the pages after the layout): none on the cover; the
    // daftar isi is page 1 of all pages after the cover, the last page the last; a lampiran
    // page continuing a program says which.
    assert!(!cover.contains("Halaman"), "{cover}");
    let last = pages - 1;
    assert!(squash(&contents).contains(&format!("Halaman1dari{last}")));
    assert!(squash(&pdf_text(&path, Some(pages))).contains(&format!("Halaman{last}dari{last}")));
    assert!(
        (3..=pages).any(|p| squash(&pdf_text(&path, Some(p))).starts_with("LanjutanProgram")),
        "no lampiran page says which program continues"
    );
    render_pages(&path, "laporan-tahunan", pages);
}

#[test]
fn empty_chapters_show_a_placeholder_only_in_the_preview() {
    let dir = tempdir();
    let plan = plan_with_bab(dir.path());
    let preview = plan.report_preview(&request()).expect("preview");
    let path = pages_dir().join("laporan-tahunan-pratinjau.pdf");
    std::fs::write(&path, &preview).expect("write");
    let text = pdf_text(&path, None);
    // BAB II and III are empty; BAB I, IV and V are written.
    assert_eq!(text.matches("[Bab ini belum diisi]").count(), 2, "{text}");
    let saved = plan.report_pdf(&request()).expect("pdf");
    assert_ne!(saved, preview);
    render_pages(&path, "laporan-tahunan-pratinjau", 5);
    // Other reports look the same in the preview as saved.
    let tahunan = ReportRequest::new(ReportKind::Tahunan);
    assert_eq!(
        plan.report_preview(&tahunan).expect("preview"),
        plan.report_pdf(&tahunan).expect("pdf")
    );
}

#[test]
fn formats_other_than_the_documents_are_refused_with_a_message() {
    let dir = tempdir();
    let plan = plan_with_bab(dir.path());
    let out = dir.path().join("laporan.xlsx");
    let err = plan
        .write_report(&request(), ReportFormat::Xlsx, &out)
        .expect_err("no xlsx of the document");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.to_string().contains("PDF atau dokumen Word"), "{err}");
    assert!(!out.exists());
    let err = plan
        .report_file_name(&ReportRequest::new(ReportKind::Bulanan), ReportFormat::Docx)
        .expect_err("no docx of a table report");
    assert!(
        err.to_string()
            .contains("hanya dibuat untuk Laporan Tahunan"),
        "{err}"
    );
    assert_eq!(
        plan.report_file_name(&request(), ReportFormat::Docx)
            .expect("name"),
        "Laporan Tahunan RB 2023 - Dinas Perkebunan.docx"
    );
}

/// One part of a DOCX, read in-process (so the test runs as a Windows program too).
fn unzip(docx: &Path, part: &str) -> String {
    let file = std::fs::File::open(docx).expect("docx");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut entry = zip
        .by_name(part)
        .unwrap_or_else(|_| panic!("{part} missing from {}", docx.display()));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut entry, &mut text).expect("utf-8");
    text
}

/// The names of a DOCX's parts.
fn parts(docx: &Path) -> Vec<String> {
    let file = std::fs::File::open(docx).expect("docx");
    let zip = zip::ZipArchive::new(file).expect("a zip");
    zip.file_names()
        .map(|n| n.expect("a part name").into_owned())
        .collect()
}

/// The bytes of one part of a DOCX.
fn part_bytes(docx: &Path, part: &str) -> Vec<u8> {
    let file = std::fs::File::open(docx).expect("docx");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut entry = zip.by_name(part).expect("the part");
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut entry, &mut bytes).expect("read");
    bytes
}

/// The text of each paragraph whose style is `style`, in order.
fn styled(document: &str, style: &str) -> Vec<String> {
    let marker = format!("<w:pStyle w:val=\"{style}\" />");
    document
        .split("<w:p ")
        .filter(|p| p.contains(&marker))
        .map(|p| {
            p.split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .filter_map(|t| t.split("</w:t>").next())
                .collect::<String>()
        })
        .collect()
}

fn write_docx(plan: &Plan, name: &str) -> PathBuf {
    let path = pages_dir().join(name);
    plan.write_report(&request(), ReportFormat::Docx, &path)
        .expect("docx");
    path
}

#[test]
fn laporan_tahunan_docx_has_word_headings_tables_and_the_text() {
    let dir = tempdir();
    let plan = plan_with_bab(dir.path());
    let path = write_docx(&plan, "laporan-tahunan.docx");
    let document = unzip(&path, "word/document.xml");
    let styles = unzip(&path, "word/styles.xml");
    assert!(
        styles.contains("w:styleId=\"Heading1\"")
            && styles.contains("<w:name w:val=\"heading 1\" />"),
        "Word's built-in heading style, so its TOC finds the chapters"
    );
    assert_eq!(
        styled(&document, "Heading1"),
        [
            "BAB I PENDAHULUAN",
            "BAB II GAMBARAN UMUM REFORMASI BIROKRASI",
            "BAB III AGENDA REFORMASI BIROKRASI PERANGKAT DAERAH",
            "BAB IV MANAJEMEN PELAKSANAAN REFORMASI BIROKRASI",
            "BAB V PENUTUP",
            "LAMPIRAN I RENCANA AKSI REFORMASI BIROKRASI",
            "LAMPIRAN II DAFTAR BUKTI DUKUNG",
        ]
    );
    assert!(
        styled(&document, "Heading2")
            .contains(&"Perbandingan Kondisi Sebelum dan Sesudah".to_owned())
    );
    // The daftar isi: a line per heading whose page number is a PAGEREF field to the
    // heading's bookmark, marked dirty for Word to update on opening.
    for n in 1..=15 {
        let key = format!("_Toc{n:08}");
        assert!(
            document.contains(&format!(
                "<w:bookmarkStart w:id=\"{n}\" w:name=\"{key}\" />"
            )),
            "bookmark {key}"
        );
        assert!(
            document.contains(&format!("<w:instrText>PAGEREF {key} \\h</w:instrText>")),
            "PAGEREF {key}"
        );
    }
    assert!(document.contains("<w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\" />"));
    // Real tables: area, capaian, kendala, before/after, signatures, Rencana Aksi, bukti.
    assert!(
        document.matches("<w:tbl>").count() >= 7,
        "tables as Word tables"
    );
    assert!(
        document.contains("<w:vMerge w:val=\"restart\" />"),
        "group cells merged"
    );
    assert!(
        document.contains("w:orient=\"landscape\""),
        "the lampiran are landscape"
    );
    assert!(
        document.matches("<w:pageBreakBefore").count() >= 7,
        "each chapter on a new page"
    );
    for needle in [
        "Reformasi birokrasi diartikan sebagai upaya",
        "Latar belakang penyusunan laporan tahunan",
        "Monitoring dilaksanakan secara berkala",
        "Anggaran belum tersedia",
        "Pelaksanaan RB berjalan baik.",
        "SK Tim Reformasi Birokrasi",
        "LAPORAN TAHUNAN",
        "Mengetahui,",
    ] {
        assert!(document.contains(needle), "{needle} missing from the DOCX");
    }
    assert!(
        !document.contains("[Bab ini belum diisi]"),
        "no placeholder in the saved file"
    );
    assert!(
        document.contains("<w:numPr>"),
        "\"- \" lines are a Word list"
    );
}

#[test]
fn the_docx_tables_repeat_their_header_rows_on_every_page() {
    let dir = tempdir();
    let plan = plan_with_bab(dir.path());
    let path = write_docx(&plan, "laporan-tahunan-kepala-tabel.docx");
    let document = unzip(&path, "word/document.xml");
    // Every table but the signatures' starts with its header rows marked for Word to repeat
    // on each page: two in the Rencana Aksi (its header and the month numbers), one in each
    // other table.
    let tables: Vec<&str> = document.split("<w:tbl>").skip(1).collect();
    let repeated: Vec<usize> = tables
        .iter()
        .map(|t| t.matches("<w:tblHeader />").count())
        .collect();
    assert!(repeated.contains(&2), "{repeated:?}");
    assert_eq!(
        repeated.iter().filter(|&&n| n == 0).count(),
        1,
        "only the signature table has no header: {repeated:?}"
    );
    for t in &tables {
        // The marked rows are the first rows.
        let rows: Vec<&str> = t.split("<w:tr>").skip(1).collect();
        let marked = rows
            .iter()
            .filter(|r| r.contains("<w:tblHeader />"))
            .count();
        assert!(
            rows.iter()
                .take(marked)
                .all(|r| r.contains("<w:tblHeader />"))
        );
    }
    assert!(
        !document.contains("<w:trHeight"),
        "no row keeps the marker height"
    );
    // The package is still a whole DOCX: every part docx-rs wrote is there.
    let names = parts(&path);
    for part in [
        "[Content_Types].xml",
        "word/styles.xml",
        "word/numbering.xml",
        "docProps/core.xml",
    ] {
        assert!(names.iter().any(|n| n == part), "{part} missing: {names:?}");
    }
}

#[test]
fn laporan_tahunan_docx_converts_with_libreoffice() {
    let Some(soffice) = ["libreoffice", "soffice"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        panic!("LibreOffice is needed for this test (scripts/setup.sh installs it)");
    };
    let dir = tempdir();
    let plan = plan_with_bab(dir.path());
    let docx = write_docx(&plan, "laporan-tahunan-lo.docx");
    let out = pages_dir().join("lo");
    let profile = dir.path().join("lo-profile");
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .arg(&docx)
        .output()
        .expect("libreoffice");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = out.join("laporan-tahunan-lo.pdf");
    let text = pdf_text(&pdf, None);
    in_order(
        &squash(&text),
        &[
            "LAPORANTAHUNAN",
            "DAFTARISI",
            "BABIPENDAHULUAN",
            &squash("Reformasi birokrasi diartikan"),
            "BABIIGAMBARANUMUMREFORMASIBIROKRASI",
            "BABIIIAGENDAREFORMASIBIROKRASIPERANGKATDAERAH",
            "BABIVMANAJEMENPELAKSANAANREFORMASIBIROKRASI",
            "BABVPENUTUP",
            "LAMPIRANIRENCANAAKSIREFORMASIBIROKRASI",
            "LAMPIRANIIDAFTARBUKTIDUKUNG",
        ],
    );
    let pages = pdf_pages(&pdf);
    assert!((10..120).contains(&pages), "{pages} pages");
    // Word (here LibreOffice) repeats the Rencana Aksi's header on every page of Lampiran I.
    let page = |p: u32| squash(&pdf_text(&pdf, Some(p)));
    // The daftar isi shows no field code, and its page numbers are where the chapters are
    // (dots and the number after each heading).
    let toc = page(2);
    assert!(toc.starts_with("DAFTARISI"), "{toc}");
    assert!(!toc.contains("TOC") && !toc.contains("PAGEREF"), "{toc}");
    for heading in ["BABVPENUTUP", "LAMPIRANIIDAFTARBUKTIDUKUNG"] {
        let at = (3..=pages)
            .find(|&p| page(p).starts_with(heading))
            .expect("the chapter's page");
        let rest = &toc[toc.find(heading).expect("in the daftar isi") + heading.len()..];
        let number: String = rest
            .trim_start_matches('.')
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        assert_eq!(number, at.to_string(), "{heading} in the daftar isi: {toc}");
    }
    let first = (1..=pages)
        .find(|&p| {
            page(p).contains("LAMPIRANIRENCANAAKSIREFORMASIBIROKRASI")
                && !page(p).contains("DAFTARISI")
        })
        .expect("Lampiran I");
    let last = (first..=pages)
        .find(|&p| page(p).contains("LAMPIRANIIDAFTARBUKTIDUKUNG"))
        .expect("Lampiran II");
    assert!(last > first + 1, "Lampiran I takes more than one page");
    for p in first..last {
        assert!(
            page(p).contains("KriteriaKeberhasilan"),
            "page {p} has no table header"
        );
        // The month numbers each on one line ("10" once broke into "1" over "0").
        assert!(page(p).contains("123456789101112"), "page {p}: {}", page(p));
    }
    // No page is left blank (a table ending at a page's foot once pushed the empty paragraph
    // after it onto a page of its own, before the next lampiran's page break).
    let blank: Vec<u32> = (1..=pages).filter(|&p| page(p).is_empty()).collect();
    assert!(blank.is_empty(), "blank pages {blank:?}");
    render_pages(&pdf, "laporan-tahunan-lo", pages);
}

#[test]
fn catatan_tahunan_is_the_penutup_not_a_second_copy() {
    let dir = tempdir();
    let mut plan = plan_with_bab(dir.path());
    plan.set_catatan_tahunan(&CatatanTahunan {
        kesimpulan: "Kesimpulan baru tahun ini.".into(),
        rekomendasi: String::new(),
    })
    .expect("catatan");
    let data = serde_json::to_value(plan.report_data(&request()).expect("data")).expect("json");
    assert_eq!(
        data["isi"]["kesimpulan"][0]["teks"],
        "Kesimpulan baru tahun ini."
    );
    assert_eq!(data["isi"]["rekomendasi"], serde_json::json!([]));
}

#[test]
fn a_jpeg_logo_goes_onto_the_docx_cover_as_a_png_of_sensible_size() {
    let dir = tempdir();
    let mut plan = plan_with_bab(dir.path());
    // A 1,600 × 800 JPEG, as an office's scanned logo often is.
    let jpeg = dir.path().join("logo kabupaten.jpg");
    let img = image::RgbImage::from_fn(1600, 800, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
    });
    img.save_with_format(&jpeg, image::ImageFormat::Jpeg)
        .expect("jpeg");
    plan.apply(Edit::SetLogo { file: jpeg }).expect("set logo");
    let path = write_docx(&plan, "laporan-tahunan-logo-jpeg.docx");
    let media: Vec<String> = parts(&path)
        .into_iter()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .collect();
    assert_eq!(media.len(), 1, "{media:?}");
    let png = part_bytes(&path, &media[0]);
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let side = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().expect("4 bytes"));
    // Scaled to 800 pixels on its longer side, its proportions kept.
    assert_eq!((side(16), side(20)), (800, 400));
    let document = unzip(&path, "word/document.xml");
    assert!(document.contains("<a:blip r:embed="), "the cover shows it");
}

#[test]
fn the_laporan_tahunan_carries_the_dashboard_s_month_chart_for_the_year() {
    let dir = tempdir();
    let plan = plan_with_bab(dir.path());
    let data = plan.report_data(&request()).expect("data");
    let renja_core::report::Isi::Dokumen(isi) = &data.isi else {
        panic!("a document");
    };
    // The Ringkasan tab's figures for December, unchanged.
    let dashboard = plan.ringkasan(Some(12)).expect("ringkasan").per_bulan;
    assert_eq!(isi.per_bulan, dashboard);
    assert!(
        dashboard.iter().any(|b| b.target > 0 && b.selesai > 0),
        "{dashboard:?}"
    );

    // DOCX: the same numbers as a Word table (the PDF's chart: the next test).
    let docx = write_docx(&plan, "laporan-tahunan-grafik-bulan.docx");
    let document = unzip(&docx, "word/document.xml");
    let at = document
        .find("Tabel 3.2 Target dan Penyelesaian per Bulan")
        .expect("Tabel 3.2");
    let table = &document[at..];
    let table = &table[..table.find("</w:tbl>").expect("its table")];
    let cells: Vec<&str> = table
        .split("<w:t xml:space=\"preserve\">")
        .skip(1)
        .filter_map(|t| t.split("</w:t>").next())
        .collect();
    let mut expected = vec!["Bulan".to_owned()];
    expected.extend(dashboard.iter().map(|b| b.nama.clone()));
    expected.push("Target".into());
    expected.extend(dashboard.iter().map(|b| b.target.to_string()));
    assert_eq!(cells[..26], expected[..], "{cells:?}");
    assert!(cells[26].starts_with("Selesai s.d. "), "{cells:?}");
    let selesai: Vec<String> = dashboard.iter().map(|b| b.selesai.to_string()).collect();
    assert_eq!(cells[27..39], selesai[..]);
}

#[test]
fn the_laporan_tahunan_pdf_draws_the_month_chart_as_gambar_3_2() {
    let dir = tempdir();
    let plan = plan_with_bab(dir.path());
    // Gambar 3.2 in BAB III, after Gambar 3.1, with every month under its bars.
    let path = pages_dir().join("laporan-tahunan-grafik-bulan.pdf");
    plan.write_report(&request(), ReportFormat::Pdf, &path)
        .expect("pdf");
    let text = squash(&pdf_text(&path, None));
    in_order(
        &text,
        &[
            "Gambar3.1CapaianperProgram",
            "Gambar3.2TargetdanPenyelesaianperBulan",
            "JanFebMarAprMeiJunJulAguSepOktNovDes",
            "Target(bulanterjadwal)",
            "BABIVMANAJEMENPELAKSANAANREFORMASIBIROKRASI",
        ],
    );
}

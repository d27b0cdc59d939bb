//! DOCX of the Laporan Tahunan, for offices that must finish it in Word, written with
//! `docx-rs`: the same [`Dokumen`] the PDF is laid out from, in Word's own terms. Headings use
//! Word's built-in "heading 1" and "heading 2" styles (so Word's table of contents, the
//! navigation pane and outline view work), the daftar isi is a line per heading with a
//! `PAGEREF` page number Word and LibreOffice work out, tables are real Word tables (group
//! cells merged vertically, header rows repeated on every page), chapters and lampiran start
//! on a new page, and the lampiran are a landscape section.
//!
//! It decides nothing about the plan: every text comes from the data.

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, FieldCharType, HeightRule, IndentLevel,
    InstrPAGEREF, InstrText, Level, LevelJc, LevelText, LineSpacing, NumberFormat, Numbering,
    NumberingId, PageMargin, PageOrientationType, PageSize, Paragraph, Pic, Run, RunFonts, Section,
    Shading, SpecialIndentType, Start, Style, StyleType, Tab, TabLeaderType, TabValueType, Table,
    TableCell, TableCellMargins, TableRow, VMergeType, WidthType,
};

use super::ReportData;
use super::data::Isi;
use super::dokumen::Dokumen;
use super::rencana_aksi::{RaBaris, Sel};
use super::tanda_tangan::TandaTangan;
use crate::bab::Blok;
use crate::error::{Error, Result};
use crate::kop::Logo;

/// Twips (1/20 pt) per millimetre.
const MM: f64 = 1440.0 / 25.4;
const BULLET: usize = 1;
const ABU: &str = "E8E8E8";
const ABU_MUDA: &str = "F5F5F5";
const BIRU: &str = "4A76B4";

fn tw(mm: f64) -> u32 {
    (mm * MM).round() as u32
}

pub(crate) fn render(data: &ReportData, logo: Option<&Logo>) -> Result<Vec<u8>> {
    let Isi::Dokumen(isi) = &data.isi else {
        return Err(Error::Internal(
            "dokumen Word hanya untuk Laporan Tahunan".into(),
        ));
    };
    let failed = || Error::Internal("berkas DOCX laporan tidak dapat dibuat".into());
    let mut out = std::io::Cursor::new(Vec::new());
    build(data, isi, logo)
        .build()
        .pack(&mut out)
        .map_err(|_| failed())?;
    repeat_header_rows(&out.into_inner()).map_err(|_| failed())
}

/// What a header row carries until [`repeat_header_rows`] replaces it: a height of at least
/// one twip, which no other row of ours has.
const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;
/// Word's "repeat as header row at the top of each page".
const TBL_HEADER: &str = "<w:tblHeader />";

/// A table's header row (see [`repeat_header_rows`]).
fn header_row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells)
        .cant_split()
        .row_height(1.0)
        .height_rule(HeightRule::AtLeast)
}

/// `docx` with every header row repeated on each page a table runs over, as Word's
/// `w:tblHeader` does: docx-rs (0.4) cannot write that property, so the rows are built with
/// [`HEADER_MARK`] and the packed document's `word/document.xml` has each mark replaced.
/// Every other part is copied as it was.
fn repeat_header_rows(docx: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(docx.len())));
    for i in 0..archive.len() {
        if archive.by_index_raw(i)?.name()? != "word/document.xml" {
            out.raw_copy_file(archive.by_index_raw(i)?)?;
            continue;
        }
        let mut entry = archive.by_index(i)?;
        let mut xml = String::new();
        entry.read_to_string(&mut xml)?;
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(entry.last_modified().unwrap_or_default());
        out.start_file(entry.name()?, options)?;
        out.write_all(xml.replace(HEADER_MARK, TBL_HEADER).as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

/// Paragraphs and tables of one part of the document, in order, with the headings for the
/// daftar isi.
#[derive(Default)]
struct Body {
    children: Vec<Child>,
    toc: Vec<(String, usize, String)>,
    bookmark: usize,
    /// The last child is the empty paragraph [`Body::table`] put after a table.
    spacer: bool,
}

enum Child {
    P(Box<Paragraph>),
    T(Box<Table>),
}

impl Body {
    fn p(&mut self, p: Paragraph) {
        self.children.push(Child::P(Box::new(p)));
        self.spacer = false;
    }

    fn table(&mut self, t: Table) {
        self.children.push(Child::T(Box::new(t)));
        // Word glues a table to what follows; an empty paragraph keeps two tables apart.
        self.p(Paragraph::new());
        self.spacer = true;
    }

    fn heading(&mut self, level: usize, text: &str, page_break: bool) {
        self.bookmark += 1;
        let key = format!("_Toc{:08}", self.bookmark);
        let mut p = Paragraph::new()
            .style(if level == 1 { "Heading1" } else { "Heading2" })
            .add_bookmark_start(self.bookmark, &key)
            .add_run(Run::new().add_text(text))
            .add_bookmark_end(self.bookmark);
        if page_break {
            p = p.page_break_before(true);
            // A heading on a new page needs no spacer after the table before it: a table
            // ending at the foot of a page would push the spacer onto a page of its own.
            if self.spacer {
                self.children.pop();
            }
        }
        self.toc.push((text.to_owned(), level, key));
        self.p(p);
    }

    fn text(&mut self, text: &str) {
        self.p(para(text).align(AlignmentType::Both));
    }

    fn narasi(&mut self, blok: &[Blok], belum_diisi: &str) {
        if blok.is_empty() && !belum_diisi.is_empty() {
            self.p(Paragraph::new().add_run(Run::new().add_text(belum_diisi).italic()));
        }
        for b in blok {
            if b.butir {
                self.p(para(&b.teks).numbering(NumberingId::new(BULLET), IndentLevel::new(0)));
            } else {
                self.text(&b.teks);
            }
        }
    }

    fn caption(&mut self, text: &str) {
        self.p(Paragraph::new()
            .align(AlignmentType::Center)
            .keep_next(true)
            .add_run(Run::new().add_text(text).bold().size(19)));
    }
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn bold(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).bold())
}

/// A cell of `text`, which may hold line breaks.
fn cell(text: &str) -> TableCell {
    cell_p(lines(text, false))
}

fn cell_p(p: Paragraph) -> TableCell {
    TableCell::new().add_paragraph(p)
}

fn lines(text: &str, bold: bool) -> Paragraph {
    let mut run = Run::new().size(16);
    if bold {
        run = run.bold();
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    Paragraph::new().add_run(run)
}

fn head(text: &str) -> TableCell {
    cell_p(lines(text, true).align(AlignmentType::Center)).shading(Shading::new().fill(ABU))
}

fn strong(text: &str, fill: &str) -> TableCell {
    cell_p(lines(text, true)).shading(Shading::new().fill(fill))
}

/// A table of `widths` (mm) with a header row.
fn table(widths: &[f64], header: &[&str], rows: Vec<TableRow>) -> Table {
    let mut all = vec![header_row(header.iter().map(|h| head(h)).collect())];
    all.extend(rows);
    Table::new(all).set_grid(widths.iter().map(|w| tw(*w) as usize).collect())
}

fn row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells)
}

fn build(data: &ReportData, isi: &Dokumen, logo: Option<&Logo>) -> Docx {
    let (w, h) = data.kertas.mm();
    let mut body = Body::default();
    sampul(&mut body, data, isi, logo);

    // Daftar isi: filled in below once every heading is known.
    let chapters = |body: &mut Body| {
        let belum = isi.belum_diisi.as_str();
        for (i, b) in isi.bab.iter().enumerate() {
            body.heading(1, &format!("{} {}", b.nomor, b.judul), true);
            body.narasi(&b.blok, belum);
            match i {
                1 => bab_ii(body, isi),
                2 => bab_iii(body, isi),
                3 => bab_iv(body, isi),
                _ => {}
            }
        }
        body.heading(1, "BAB V PENUTUP", true);
        body.heading(2, "Kesimpulan", false);
        body.narasi(&isi.kesimpulan, belum);
        body.heading(2, "Rekomendasi", false);
        body.narasi(&isi.rekomendasi, belum);
        tanda_tangan(body, data);
    };
    let mut main = Body {
        bookmark: 0,
        ..Body::default()
    };
    chapters(&mut main);

    let mut lampiran = Body {
        bookmark: main.bookmark,
        ..Body::default()
    };
    lampiran.heading(1, "LAMPIRAN I RENCANA AKSI REFORMASI BIROKRASI", true);
    lampiran.table(rencana_aksi(&isi.rencana_aksi.baris));
    lampiran.heading(1, "LAMPIRAN II DAFTAR BUKTI DUKUNG", true);
    lampiran.p(para(&format!(
        "Jumlah bukti dukung: {}    Jumlah berkas: {}",
        isi.bukti.jumlah_bukti, isi.bukti.jumlah_berkas
    )));
    lampiran.table(daftar_bukti(isi));

    body.p(Paragraph::new()
        .align(AlignmentType::Center)
        .page_break_before(true)
        .add_run(Run::new().add_text("DAFTAR ISI").bold().size(26)));
    // The portrait text width: 210 mm less the 25 and 20 mm margins below.
    let lebar = w - 45.0;
    for (text, level, key) in main.toc.iter().chain(&lampiran.toc) {
        body.p(daftar_isi_line(text, *level, key, lebar));
    }
    let margin = PageMargin::new()
        .top(tw(20.0) as i32)
        .bottom(tw(20.0) as i32)
        .left(tw(25.0) as i32)
        .right(tw(20.0) as i32);
    let mut docx = Docx::new()
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .created_at(&data.dibuat)
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .based_on("Normal")
                .next("Normal")
                .bold()
                .size(26)
                .align(AlignmentType::Center)
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .based_on("Normal")
                .next("Normal")
                .bold()
                .size(22)
                .outline_lvl(1),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLET).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLET, BULLET));
    let add = |docx: Docx, children: Vec<Child>| {
        children.into_iter().fold(docx, |d, c| match c {
            Child::P(p) => d.add_paragraph(*p),
            Child::T(t) => d.add_table(*t),
        })
    };
    // The cover, the daftar isi and the chapters, closed by a portrait section break; the
    // lampiran after it are the document's last section, landscape.
    docx = add(docx, body.children);
    docx = add(docx, main.children);
    docx = docx.add_section(
        Section::new()
            .page_size(PageSize::new().size(tw(w), tw(h)))
            .page_margin(margin),
    );
    docx = add(docx, lampiran.children);
    docx.page_size(tw(h), tw(w))
        .page_orient(PageOrientationType::Landscape)
        .page_margin(
            PageMargin::new()
                .top(tw(14.0) as i32)
                .bottom(tw(16.0) as i32)
                .left(tw(14.0) as i32)
                .right(tw(14.0) as i32),
        )
}

fn sampul(body: &mut Body, data: &ReportData, isi: &Dokumen, logo: Option<&Logo>) {
    let center = || Paragraph::new().align(AlignmentType::Center);
    if let Some((bytes, (pw, ph))) = logo.and_then(logo_png) {
        let height = 35.0 * 36_000.0; // EMU
        let width = height * f64::from(pw) / f64::from(ph.max(1));
        body.p(center().add_run(
            Run::new().add_image(
                Pic::new_with_dimensions(bytes, pw, ph).size(width as u32, height as u32),
            ),
        ));
    }
    for line in [&data.kop.pemerintah_daerah, &data.kop.instansi] {
        if !line.is_empty() {
            body.p(center().add_run(Run::new().add_text(line).bold().size(26)));
        }
    }
    for _ in 0..6 {
        body.p(Paragraph::new());
    }
    for j in &isi.sampul.judul {
        body.p(center().add_run(Run::new().add_text(j).bold().size(44).color(BIRU)));
    }
    body.p(Paragraph::new());
    for s in &isi.sampul.instansi {
        body.p(center().add_run(Run::new().add_text(s).bold().size(30)));
    }
    body.p(Paragraph::new());
    body.p(center().add_run(Run::new().add_text(&isi.sampul.tahun).bold().size(30)));
}

/// The logo as a PNG with its size in pixels, for the cover: docx-rs embeds PNG only. A PNG
/// as it is; a JPEG decoded and written as PNG, at most [`LOGO_PNG_PIXELS`] on its longer side
/// (a photo-like JPEG of 4,000 pixels would otherwise become a PNG of tens of MB). None when
/// it does not decode: the cover goes without it, as the PDF's does.
fn logo_png(logo: &Logo) -> Option<(Vec<u8>, (u32, u32))> {
    match logo.mime {
        "image/png" => png_size(&logo.data).map(|size| (logo.data.clone(), size)),
        "image/jpeg" => {
            let mut img =
                image::load_from_memory_with_format(&logo.data, image::ImageFormat::Jpeg).ok()?;
            if img.width().max(img.height()) > LOGO_PNG_PIXELS {
                img = img.resize(
                    LOGO_PNG_PIXELS,
                    LOGO_PNG_PIXELS,
                    image::imageops::FilterType::Triangle,
                );
            }
            let mut png = std::io::Cursor::new(Vec::new());
            img.write_to(&mut png, image::ImageFormat::Png).ok()?;
            Some((png.into_inner(), (img.width(), img.height())))
        }
        _ => None,
    }
}

/// Printed 35 mm high on the cover, a logo needs about 400 pixels; twice that is plenty.
const LOGO_PNG_PIXELS: u32 = 800;

/// One line of the daftar isi: the heading, dots, and its page number from a `PAGEREF` field
/// to the heading's bookmark, each field part in a run of its own. Word and LibreOffice work
/// the number out (the field is marked dirty: Word updates it on opening). Not Word's TOC
/// field, as docx-rs writes it: LibreOffice printed that field's code in the first line and,
/// reading the rest as an index, kept their stale page numbers.
fn daftar_isi_line(text: &str, level: usize, key: &str, lebar_mm: f64) -> Paragraph {
    let mut p = Paragraph::new().add_tab(
        Tab::new()
            .val(TabValueType::Right)
            .leader(TabLeaderType::Dot)
            .pos(tw(lebar_mm) as usize),
    );
    let mut judul = Run::new().add_text(text);
    if level == 1 {
        judul = judul.bold();
        p = p.line_spacing(LineSpacing::new().before(120));
    } else {
        p = p.indent(Some(tw(6.0) as i32), None, None, None);
    }
    p.add_run(judul)
        .add_run(Run::new().add_tab())
        .add_run(Run::new().add_field_char(FieldCharType::Begin, true))
        .add_run(Run::new().add_instr_text(InstrText::PAGEREF(InstrPAGEREF::new(key).hyperlink())))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(Run::new().add_field_char(FieldCharType::End, false))
}

/// Width and height of a PNG from its header.
fn png_size(data: &[u8]) -> Option<(u32, u32)> {
    let w = u32::from_be_bytes(data.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(data.get(20..24)?.try_into().ok()?);
    (w > 0 && h > 0).then_some((w, h))
}

fn bab_ii(body: &mut Body, isi: &Dokumen) {
    body.heading(2, "Area Perubahan", false);
    body.caption("Tabel 2.1 Area Perubahan dalam Rencana Kerja Reformasi Birokrasi");
    let rows = isi
        .area
        .iter()
        .map(|a| {
            row(vec![
                cell(&a.nomor.to_string()),
                cell(&a.nama),
                cell(&a.outcome.to_string()),
                cell(&a.kegiatan.to_string()),
                cell(&a.output.to_string()),
                cell(&a.tahapan.to_string()),
            ])
        })
        .collect();
    body.table(table(
        &[10.0, 75.0, 20.0, 20.0, 20.0, 20.0],
        &[
            "No",
            "Area Perubahan",
            "Outcome",
            "Kegiatan",
            "Output",
            "Tahapan",
        ],
        rows,
    ));
}

fn bab_iii(body: &mut Body, isi: &Dokumen) {
    let t = &isi.tahunan;
    body.heading(2, "Program dan Kegiatan", false);
    if !t.keadaan.is_empty() {
        body.p(para(&t.keadaan));
    }
    body.caption("Tabel 3.1 Capaian per Program dan Kegiatan");
    let mut rows = Vec::new();
    for p in &t.program {
        rows.push(row(vec![
            strong(&p.nomor.to_string(), ABU_MUDA),
            strong(&p.nama, ABU_MUDA),
            strong("", ABU_MUDA),
            strong(&p.hitung.target.to_string(), ABU_MUDA),
            strong(&p.hitung.selesai.to_string(), ABU_MUDA),
            strong(&p.persen, ABU_MUDA),
        ]));
        for k in &p.kegiatan {
            rows.push(row(vec![
                cell(&k.no),
                cell(&k.nama),
                cell(&k.tahapan.to_string()),
                cell(&k.hitung.target.to_string()),
                cell(&k.hitung.selesai.to_string()),
                cell(&k.persen),
            ]));
        }
    }
    rows.push(row(vec![
        strong("Jumlah", ABU).grid_span(3),
        strong(&t.jumlah.target.to_string(), ABU),
        strong(&t.jumlah.selesai.to_string(), ABU),
        strong(&t.jumlah_persen, ABU),
    ]));
    body.table(table(
        &[14.0, 85.0, 18.0, 18.0, 18.0, 20.0],
        &[
            "No",
            "Program / Kegiatan",
            "Tahapan",
            "Target",
            "Selesai",
            "Capaian",
        ],
        rows,
    ));
    body.p(Paragraph::new().add_run(Run::new().add_text(&t.keterangan_hitung).italic().size(16)));
    // The PDF's month chart (Gambar 3.2) as the table of its numbers: Word tables, no chart.
    body.caption("Tabel 3.2 Target dan Penyelesaian per Bulan");
    let baris = |label: &str, n: fn(&crate::ringkasan::CapaianBulan) -> u32| {
        let mut cells = vec![strong(label, ABU_MUDA)];
        cells.extend(isi.per_bulan.iter().map(|b| cell(&n(b).to_string())));
        row(cells)
    };
    let mut widths = vec![25.0];
    widths.extend([11.6; 12]);
    let bulan: Vec<&str> = isi.per_bulan.iter().map(|b| b.nama.as_str()).collect();
    let mut header = vec!["Bulan"];
    header.extend(bulan);
    body.table(table(
        &widths,
        &header,
        vec![
            baris("Target", |b| b.target),
            baris(&format!("Selesai s.d. {}", isi.akhir), |b| b.selesai),
        ],
    ));
    body.heading(2, "Rencana Aksi", false);
    body.text(
        "Rencana Aksi Reformasi Birokrasi tahun ini, dengan jadwal bulan, kriteria keberhasilan \
         dan penanggung jawab setiap tahapan kerja, tercantum pada Lampiran I.",
    );
}

fn bab_iv(body: &mut Body, isi: &Dokumen) {
    let t = &isi.tahunan;
    body.heading(2, "Monitoring dan Evaluasi", false);
    body.caption("Tabel 4.1 Tahapan yang Belum Tercapai, Kendala dan Tindak Lanjut");
    if t.belum.is_empty() {
        body.p(para(&t.belum_keterangan));
    } else {
        let rows = t
            .belum
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let mut asal = format!("{} → {}\n{}", b.program, b.kegiatan, b.tahapan);
                if !b.penanggung_jawab.is_empty() {
                    asal.push_str(&format!("\nPJ: {}", b.penanggung_jawab));
                }
                row(vec![
                    cell(&(i + 1).to_string()),
                    cell(&asal),
                    cell(&b.bulan),
                    cell(&b.status),
                    cell(&b.kendala),
                    cell(&b.tindak_lanjut),
                ])
            })
            .collect();
        body.table(table(
            &[8.0, 55.0, 16.0, 22.0, 31.0, 31.0],
            &[
                "No",
                "Program / Kegiatan / Tahapan",
                "Bulan",
                "Status",
                "Kendala",
                "Tindak Lanjut",
            ],
            rows,
        ));
    }
    body.heading(2, "Perbandingan Kondisi Sebelum dan Sesudah", false);
    body.text(&format!(
        "Perbandingan kondisi pada awal tahun ({}) dan kondisi pada {}, per area perubahan.",
        isi.awal_tahun, isi.akhir
    ));
    body.caption("Tabel 4.2 Perbandingan Kondisi Sebelum dan Sesudah");
    let rows: Vec<TableRow> = isi
        .perbandingan
        .iter()
        .map(|p| {
            let c = |s: &str| {
                if p.nomor.is_empty() {
                    strong(s, ABU_MUDA)
                } else {
                    cell(s)
                }
            };
            row(vec![
                c(&p.nomor),
                c(&p.nama),
                c(&p.tahapan.to_string()),
                c(&p.output.to_string()),
                c(&p.sebelum.tahapan_selesai.to_string()),
                c(&p.sebelum.output_tercapai.to_string()),
                c(&p.sebelum.bukti.to_string()),
                c(&p.sesudah.tahapan_selesai.to_string()),
                c(&p.sesudah.output_tercapai.to_string()),
                c(&p.sesudah.bukti.to_string()),
                c(&p.capaian),
            ])
        })
        .collect();
    let sebelum = format!("Sebelum ({})", isi.awal_tahun);
    let sesudah = format!("Sesudah ({})", isi.akhir);
    let mut all = vec![
        header_row(vec![
            head("No").vertical_merge(VMergeType::Restart),
            head("Area Perubahan").vertical_merge(VMergeType::Restart),
            head("Tahapan").vertical_merge(VMergeType::Restart),
            head("Output").vertical_merge(VMergeType::Restart),
            head(&sebelum).grid_span(3),
            head(&sesudah).grid_span(3),
            head("Capaian").vertical_merge(VMergeType::Restart),
        ]),
        header_row(vec![
            head("").vertical_merge(VMergeType::Continue),
            head("").vertical_merge(VMergeType::Continue),
            head("").vertical_merge(VMergeType::Continue),
            head("").vertical_merge(VMergeType::Continue),
            head("Tahapan selesai"),
            head("Output tercapai"),
            head("Bukti dukung"),
            head("Tahapan selesai"),
            head("Output tercapai"),
            head("Bukti dukung"),
            head("").vertical_merge(VMergeType::Continue),
        ]),
    ];
    all.extend(rows);
    body.table(
        Table::new(all).set_grid(
            [
                8.0, 40.0, 13.0, 13.0, 14.0, 14.0, 13.0, 14.0, 14.0, 13.0, 17.0,
            ]
            .iter()
            .map(|w| tw(*w) as usize)
            .collect(),
        ),
    );
    body.p(Paragraph::new().add_run(
        Run::new()
            .add_text(
                "Tahapan selesai: tahapan yang tercatat Selesai. Output tercapai: output yang \
                     seluruh tahapannya selesai. Bukti dukung sebelum: bukti bertanggal sebelum \
                     awal tahun.",
            )
            .italic()
            .size(16),
    ));
    body.heading(2, "Pelaporan", false);
    body.text(&format!(
        "Laporan Monitoring dan Evaluasi disusun setiap bulan, triwulan dan tahun. Bukti dukung \
         pelaksanaan sebanyak {} bukti dengan {} berkas tercantum pada Lampiran II.",
        isi.bukti.jumlah_bukti, isi.bukti.jumlah_berkas
    ));
}

/// The signature blocks side by side in a borderless table: "Mengetahui, Kepala …" on the
/// left, the Ketua Tim RB on the right, names, pangkat and NIP on one line.
fn tanda_tangan(body: &mut Body, data: &ReportData) {
    let block = |t: Option<&TandaTangan>| {
        let mut cell = TableCell::new();
        let Some(t) = t else {
            return cell.add_paragraph(Paragraph::new());
        };
        cell = cell.add_paragraph(para(&t.tempat_tanggal));
        for j in &t.jabatan {
            cell = cell.add_paragraph(bold(j));
        }
        for _ in 0..4 {
            cell = cell.add_paragraph(Paragraph::new());
        }
        let nama = if t.nama.is_empty() {
            "(.................................................)"
        } else {
            &t.nama
        };
        cell = cell.add_paragraph(
            Paragraph::new().add_run(Run::new().add_text(nama).bold().underline("single")),
        );
        if !t.pangkat.is_empty() {
            cell = cell.add_paragraph(para(&t.pangkat));
        }
        if !t.nip.is_empty() {
            cell = cell.add_paragraph(para(&t.nip));
        }
        cell
    };
    body.p(Paragraph::new());
    body.children.push(Child::T(Box::new(
        Table::without_borders(vec![
            TableRow::new(vec![
                block(data.mengetahui.as_ref()),
                TableCell::new().add_paragraph(Paragraph::new()),
                block(Some(&data.tanda_tangan)),
            ])
            .cant_split(),
        ])
        .set_grid(vec![
            tw(75.0) as usize,
            tw(15.0) as usize,
            tw(75.0) as usize,
        ]),
    )));
}

/// A group cell of the Rencana Aksi: where a span starts, merged into below; under it,
/// continued; elsewhere empty.
struct Span(u32);

impl Span {
    fn cell(&mut self, sel: &Option<Sel>, bold: bool) -> TableCell {
        match sel {
            Some(s) => {
                self.0 = s.baris.saturating_sub(1);
                let c = cell_p(lines(&s.teks, bold));
                if s.baris > 1 {
                    c.vertical_merge(VMergeType::Restart)
                } else {
                    c
                }
            }
            None if self.0 > 0 => {
                self.0 -= 1;
                TableCell::new()
                    .add_paragraph(Paragraph::new())
                    .vertical_merge(VMergeType::Continue)
            }
            None => cell(""),
        }
    }
}

fn rencana_aksi(baris: &[RaBaris]) -> Table {
    let mut header = vec![
        head("No").vertical_merge(VMergeType::Restart),
        head("Program").vertical_merge(VMergeType::Restart),
        head("Kegiatan").vertical_merge(VMergeType::Restart),
        head("Outcome/Output").vertical_merge(VMergeType::Restart),
        head("Tahapan Kerja").vertical_merge(VMergeType::Restart),
        head("Bulan").grid_span(12),
        head("Kriteria Keberhasilan").vertical_merge(VMergeType::Restart),
        head("Penanggung Jawab").vertical_merge(VMergeType::Restart),
    ];
    let cont = || head("").vertical_merge(VMergeType::Continue);
    let mut second: Vec<TableCell> = (0..5).map(|_| cont()).collect();
    // The month numbers a size smaller, so "10" stays on one line in a 5.5 mm column also
    // where Arial is replaced by a wider font (LibreOffice on Linux).
    second.extend((1..=12).map(|m| {
        cell_p(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().size(13).bold().add_text(m.to_string())),
        )
        .shading(Shading::new().fill(ABU))
    }));
    second.push(cont());
    second.push(cont());
    let mut rows = vec![header_row(std::mem::take(&mut header)), header_row(second)];
    let (mut no, mut program, mut kegiatan, mut output) = (Span(0), Span(0), Span(0), Span(0));
    for r in baris {
        let mut cells = vec![no.cell(&r.no, false), program.cell(&r.program, true)];
        if let Some(outcome) = &r.outcome {
            kegiatan.0 = 0;
            output.0 = 0;
            cells.push(cell(""));
            cells.push(cell_p(lines(outcome, true)).shading(Shading::new().fill(ABU_MUDA)));
            cells.push(
                cell("")
                    .grid_span(15)
                    .shading(Shading::new().fill(ABU_MUDA)),
            );
        } else {
            cells.push(kegiatan.cell(&r.kegiatan, false));
            cells.push(output.cell(&r.output, false));
            cells.push(cell(&r.tahapan));
            for on in &r.bulan {
                cells.push(if *on {
                    cell("").shading(Shading::new().fill(BIRU))
                } else {
                    cell("")
                });
            }
            cells.push(cell(&r.kriteria));
            cells.push(cell(&r.penanggung_jawab));
        }
        rows.push(TableRow::new(cells));
    }
    // 268 mm: the width of a landscape A4 page inside its margins.
    let mut widths = vec![8.0, 26.0, 34.0, 34.0, 40.0];
    widths.extend([5.5; 12]);
    widths.extend([36.0, 24.0]);
    // Word's default cell margins (1.9 mm a side) leave a 5.5 mm month column 1.7 mm of
    // room: "10" broke into two lines. 1 mm a side, as the PDF's 3 pt inset.
    Table::new(rows)
        .set_grid(widths.iter().map(|w| tw(*w) as usize).collect())
        .width(tw(widths.iter().sum()) as usize, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, tw(1.0) as usize, 0, tw(1.0) as usize))
}

fn daftar_bukti(isi: &Dokumen) -> Table {
    let mut rows = Vec::new();
    let span = |text: &str, fill: Option<&str>, bold: bool| {
        let mut c = cell_p(lines(text, bold)).grid_span(8);
        if let Some(fill) = fill {
            c = c.shading(Shading::new().fill(fill));
        }
        row(vec![c])
    };
    for p in &isi.bukti.program {
        rows.push(span(
            &format!(
                "Program {}. {} ({} bukti dukung)",
                p.nomor, p.nama, p.jumlah_bukti
            ),
            Some(ABU),
            true,
        ));
        if p.kegiatan.is_empty() {
            rows.push(span("Belum ada bukti dukung.", None, false));
        }
        for k in &p.kegiatan {
            rows.push(span(
                &format!("{} {}", k.nomor, k.nama),
                Some(ABU_MUDA),
                true,
            ));
            for t in &k.tahapan {
                rows.push(span(&format!("{} {}", t.nomor, t.nama), None, false));
                for b in &t.bukti {
                    let mut judul = b.judul.clone();
                    if !b.keterangan.is_empty() {
                        judul.push('\n');
                        judul.push_str(&b.keterangan);
                    }
                    let berkas: Vec<String> = b
                        .berkas
                        .iter()
                        .map(|f| format!("{} ({})", f.nama, f.ukuran))
                        .collect();
                    let sha: Vec<&str> = b.berkas.iter().map(|f| f.sha256.as_str()).collect();
                    rows.push(row(vec![
                        cell(&b.nomor),
                        cell(&judul),
                        cell(&b.jenis),
                        cell(&b.nomor_dokumen),
                        cell(&b.tanggal),
                        cell(&b.bulan),
                        cell(&berkas.join("\n")),
                        cell_p(
                            Paragraph::new().add_run(
                                Run::new()
                                    .add_text(sha.join("\n"))
                                    .size(12)
                                    .fonts(RunFonts::new().ascii("Courier New")),
                            ),
                        ),
                    ]));
                }
            }
        }
    }
    table(
        &[18.0, 60.0, 20.0, 28.0, 24.0, 16.0, 45.0, 55.0],
        &[
            "No",
            "Judul / Keterangan",
            "Jenis",
            "Nomor",
            "Tanggal",
            "Bulan",
            "Berkas",
            "SHA-256",
        ],
        rows,
    )
}

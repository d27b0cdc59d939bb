//! How report pages break, read back from the PDF: word positions through `pdftotext -bbox`,
//! page texts through pdftotext. Issue 16, defects 1 and 5: a tahapan longer than a page, a
//! long unbroken word, the signature alone on the last page, a heading stranded at the foot
//! of a page, the kop's contact line broken inside the web address, the Target Bulan column.
//! Pages are rendered to PNG under `target/report-pages/` to be looked at.

use std::path::Path;
use std::process::Command;

use renja_core::Plan;
use renja_core::edit::{Edit, Level, NewNode};
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::report::{Isi, Kertas, ReportKind, ReportRequest};

use super::report::{render_pages, sample_plan, squash, tahapan_ids, write_pdf};
use crate::common::tempdir;

/// The bottom page margin of every report (common.typ): the footer's zone, in points.
const FOOTER_ZONE: f64 = 16.0 * 72.0 / 25.4;

#[derive(Debug, Clone)]
pub struct Word {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub text: String,
}

pub struct Page {
    pub width: f64,
    pub height: f64,
    pub words: Vec<Word>,
}

fn attr(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
    let end = start + tag[start..].find('"').expect("quote");
    tag[start..end].parse().expect("number")
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every word of the PDF with its box, page by page (points, y down).
pub fn pdf_words(pdf: &Path) -> Vec<Page> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils installed?)");
    assert!(out.status.success(), "pdftotext -bbox {pdf:?}");
    let html = String::from_utf8(out.stdout).expect("utf-8");
    html.split("<page ")
        .skip(1)
        .map(|page| {
            let tag = &page[..page.find('>').expect("page tag")];
            let words = page
                .split("<word ")
                .skip(1)
                .map(|w| {
                    let tag_end = w.find('>').expect("word tag");
                    let text_end = w.find("</word>").expect("word end");
                    Word {
                        x0: attr(&w[..tag_end], "xMin"),
                        y0: attr(&w[..tag_end], "yMin"),
                        x1: attr(&w[..tag_end], "xMax"),
                        y1: attr(&w[..tag_end], "yMax"),
                        text: unescape(&w[tag_end + 1..text_end]),
                    }
                })
                .collect();
            Page {
                width: attr(tag, "width"),
                height: attr(tag, "height"),
                words,
            }
        })
        .collect()
}

/// The text of each page, without whitespace (one pdftotext run; pages end with a form feed).
pub fn page_texts(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut pages: Vec<String> = text.split('\u{c}').map(squash).collect();
    if pages.last().is_some_and(String::is_empty) {
        pages.pop();
    }
    pages
}

/// The page (1-based) whose text holds `needle` (compared without whitespace).
fn page_of(pages: &[String], needle: &str) -> Option<usize> {
    let n = squash(needle);
    pages.iter().position(|p| p.contains(&n)).map(|i| i + 1)
}

/// Nothing but the footer line below the body: no text runs through the footer or off the page.
fn assert_clear_of_footer(pdf: &Path) {
    for (i, page) in pdf_words(pdf).iter().enumerate() {
        let limit = page.height - FOOTER_ZONE;
        let low: Vec<&Word> = page.words.iter().filter(|w| w.y1 > limit + 0.5).collect();
        let footer_y = low.iter().map(|w| w.y0).fold(f64::INFINITY, f64::min);
        let text: Vec<&str> = low.iter().map(|w| w.text.as_str()).collect();
        assert!(
            low.iter()
                .all(|w| (w.y0 - footer_y).abs() < 0.5 && w.y1 < page.height),
            "{pdf:?} page {}: text in the footer zone: {}",
            i + 1,
            text.join(" ")
        );
        assert!(
            text.contains(&"Halaman"),
            "{pdf:?} page {}: footer {text:?}",
            i + 1
        );
    }
}

/// `n` words of text, each unique ("laporan17"), about `chars` characters in all.
fn long_text(chars: usize) -> String {
    let words = [
        "rapat", "laporan", "evaluasi", "kinerja", "pokja", "capaian",
    ];
    let mut out = String::new();
    for i in 0.. {
        let w = format!("{}{i}", words[i % words.len()]);
        if out.len() + w.len() + 1 > chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

fn rename(plan: &mut Plan, id: i64, nama: &str) {
    plan.apply(Edit::RenameNode {
        level: Level::Tahapan,
        id,
        nama: nama.into(),
    })
    .expect("rename");
}

#[test]
fn a_tahapan_longer_than_a_page_breaks_across_pages_inside_the_body() {
    let dir = tempdir();
    let mut plan = sample_plan(dir.path());
    let ids = tahapan_ids(&plan);
    // The longest name a tahapan may have, and the longest kendala a month may have.
    let long = long_text(renja_core::limits::MAX_NAMA);
    rename(&mut plan, ids[8].0, &long);
    let kendala = long_text(renja_core::limits::MAX_CATATAN);
    plan.set_realisasi(
        ids[1],
        2,
        &RealisasiInput {
            status: Status::DalamProses,
            persen: 40,
            catatan: String::new(),
            kendala: kendala.clone(),
            tindak_lanjut: "Dibahas pada rapat berikutnya".into(),
        },
    )
    .expect("kendala");
    let before = plan.dump().expect("dump").programs[0]
        .outcomes
        .iter()
        .flat_map(|o| &o.kegiatan)
        .flat_map(|k| &k.outputs)
        .flat_map(|o| &o.tahapan)
        .nth(7)
        .expect("tahapan 8")
        .nama
        .clone();

    let req = ReportRequest {
        tanggal: Some("2023-03-06".into()),
        ..ReportRequest::new(ReportKind::RencanaAksi)
    };
    let pdf = write_pdf(&plan, &req, "panjang-rencana-aksi");
    render_pages(&pdf, "panjang-rencana-aksi", 4);
    assert_clear_of_footer(&pdf);
    let pages = page_texts(&pdf);
    let all = pages.concat();
    for word in long.split(' ') {
        assert!(all.contains(word), "{word} of the long tahapan missing");
    }
    // It begins right under the row before it, not on a page of its own, and the page it
    // continues on says where it belongs.
    let first_word = long.split(' ').next().expect("word");
    let start = page_of(&pages, first_word).expect("first word");
    let previous = page_of(&pages, &before).expect("row before");
    if previous < start {
        // Only a sliver was left under the row before.
        let page = &pdf_words(&pdf)[previous - 1];
        let limit = page.height - FOOTER_ZONE;
        let bottom = page
            .words
            .iter()
            .map(|w| w.y1)
            .filter(|&y| y < limit)
            .fold(0.0, f64::max);
        assert!(
            previous + 1 == start && limit - bottom < 20.0,
            "page {previous} is left {:.0} pt short before the tahapan",
            limit - bottom
        );
    }
    let last_word = long.split(' ').next_back().expect("word");
    let end = page_of(&pages, last_word).expect("last word");
    assert!(
        end > start,
        "a 2,000-character tahapan takes more than a page"
    );
    assert!(
        pages[start].starts_with("LanjutanProgram1.ManajemenPerubahan"),
        "{}",
        &pages[start][..80]
    );

    let req = ReportRequest {
        bulan: Some(2),
        program: Some(1),
        tanggal: Some("2023-03-06".into()),
        ..ReportRequest::new(ReportKind::Bulanan)
    };
    let pdf = write_pdf(&plan, &req, "panjang-bulanan");
    render_pages(&pdf, "panjang-bulanan", 4);
    assert_clear_of_footer(&pdf);
    let all = page_texts(&pdf).concat();
    for word in kendala.split(' ') {
        assert!(all.contains(word), "{word} of the long kendala missing");
    }
}

#[test]
fn a_long_unbroken_word_wraps_inside_its_column() {
    let dir = tempdir();
    let mut plan = sample_plan(dir.path());
    let ids = tahapan_ids(&plan);
    let url = format!(
        "https://drive.google.com/drive/folders/{}",
        "QwErTyUiOpAsDfGhJkLzXcVbNm".repeat(10)
    );
    let path = r"D:\ArsipRB\BuktiDukung2023\TW1\NotulenRapatKoordinasiKelompokKerja_final_rev3.pdf";
    rename(&mut plan, ids[0].0, &format!("Unggah berkas ke {url}"));
    plan.apply(Edit::SetKriteria {
        id: ids[0],
        text: path.into(),
    })
    .expect("kriteria");
    let req = ReportRequest {
        program: Some(1),
        tanggal: Some("2023-03-06".into()),
        ..ReportRequest::new(ReportKind::RencanaAksi)
    };
    let pdf = write_pdf(&plan, &req, "kata-panjang");
    render_pages(&pdf, "kata-panjang", 1);
    let text = squash(&page_texts(&pdf).concat());
    assert!(
        text.contains(&url),
        "the URL reads whole, with no invisible characters"
    );
    assert!(text.contains(path), "the path reads whole");

    let page = &pdf_words(&pdf)[0];
    // The header's words: "Bulan" over the month numbers, the other titles beside them.
    let bulan = page
        .words
        .iter()
        .find(|w| w.text == "Bulan")
        .expect("header");
    let header = |t: &str, below: bool| {
        let top = if below {
            bulan.y1 - 1.0
        } else {
            bulan.y0 - 2.0
        };
        page.words
            .iter()
            .find(|w| w.text == t && w.y0 > top && w.y0 < bulan.y1 + 12.0)
            .unwrap_or_else(|| panic!("header {t}"))
            .clone()
    };
    // The Tahapan Kerja column ends where month 1 begins; Kriteria Keberhasilan lies between
    // month 12 and Penanggung Jawab.
    let (month_1, month_12) = (header("1", true), header("12", true));
    let pj = header("Penanggung", false);
    // The words of the tahapan's row that are pieces of the URL or the path.
    let row = page.words.iter().find(|w| w.text == "Unggah").expect("row");
    let pieces = |whole: &str, bottom: f64| -> Vec<Word> {
        page.words
            .iter()
            .filter(|w| w.y0 >= row.y0 - 1.0 && w.y0 <= bottom)
            .filter(|w| w.text.len() >= 4 && whole.contains(&w.text))
            .cloned()
            .collect()
    };
    let url_pieces = pieces(&url, row.y0 + 200.0);
    let bottom = url_pieces.iter().map(|w| w.y0).fold(0.0, f64::max);
    assert!(url_pieces.len() > 3, "the URL wraps: {url_pieces:?}");
    for w in &url_pieces {
        assert!(w.x1 < month_1.x0 - 3.0, "{w:?} runs into the months");
    }
    let path_pieces = pieces(path, bottom);
    assert!(path_pieces.len() > 2, "the path wraps: {path_pieces:?}");
    for w in &path_pieces {
        assert!(
            w.x0 > month_12.x1 + 3.0 && w.x1 < pj.x0 - 3.0,
            "{w:?} leaves the Kriteria column"
        );
    }
}

/// The grid ids of program `nomor`: its first output and that output's first tahapan.
fn first_output(plan: &Plan, nomor: u32) -> (i64, i64) {
    let rows = plan.grid().expect("grid").rows;
    let program = rows
        .iter()
        .find(|r| r.level == Level::Program && r.nomor == nomor)
        .expect("program")
        .id;
    let output = rows
        .iter()
        .find(|r| r.level == Level::Output && r.program == program)
        .expect("output")
        .id;
    let tahapan = rows
        .iter()
        .find(|r| r.level == Level::Tahapan && r.parent == Some(output))
        .expect("tahapan")
        .id;
    (output, tahapan)
}

/// Add a one-line tahapan after `after` in `output`, scheduled in `bulan` (bit mask).
fn add_tahapan(plan: &mut Plan, output: i64, after: i64, nama: &str, bulan: u16) -> i64 {
    let id = plan
        .add_node(
            NewNode {
                level: Level::Tahapan,
                parent: Some(output),
                after: Some(after),
            },
            nama,
        )
        .expect("add");
    plan.apply(Edit::SetBulan {
        id: renja_core::TahapanId(id),
        bulan,
    })
    .expect("schedule");
    id
}

/// The place and date that open the signature block.
const SIGNATURE: &str = "Kutai Kartanegara, 6 Maret 2023";

/// Program 5 has five outcomes. Rows added one by one to its first output push every later
/// outcome and the end of the table down a page, row by row: at some count each lands at
/// the foot of a page.
#[test]
fn rencana_aksi_never_strands_an_outcome_or_the_signature_at_a_page_foot() {
    let dir = tempdir();
    let mut plan = sample_plan(dir.path());
    let (output, first) = first_output(&plan, 5);
    let req = ReportRequest {
        program: Some(5),
        tanggal: Some("2023-03-06".into()),
        ..ReportRequest::new(ReportKind::RencanaAksi)
    };
    let program = plan.dump().expect("dump").programs[4].clone();
    // Each outcome with the tahapan that opens it, and the last tahapan of the table.
    let openings: Vec<(String, String)> = program
        .outcomes
        .iter()
        .filter_map(|o| {
            let t = o.kegiatan.first()?.outputs.first()?.tahapan.first()?;
            Some((o.nama.clone(), t.nama.clone()))
        })
        .collect();
    let last = program
        .outcomes
        .iter()
        .flat_map(|o| &o.kegiatan)
        .flat_map(|k| &k.outputs)
        .flat_map(|o| &o.tahapan)
        .next_back()
        .expect("last tahapan")
        .nama
        .clone();
    assert_eq!(openings.len(), 5);
    let mut after = first;
    for n in 0..36 {
        if n > 0 {
            let nama = format!("Tahapan tambahan nomor {n} selesai");
            after = add_tahapan(&mut plan, output, after, &nama, 1);
        }
        let pdf = write_pdf(&plan, &req, "sapuan-rencana-aksi");
        let pages = page_texts(&pdf);
        for (outcome, tahapan) in &openings {
            assert_eq!(
                page_of(&pages, outcome),
                page_of(&pages, tahapan),
                "with {n} rows added, the outcome {outcome:?} stands alone at a page foot"
            );
        }
        let signed = page_of(&pages, SIGNATURE).expect("signature");
        assert_eq!(
            Some(signed),
            page_of(&pages, &last),
            "with {n} rows added, the signature stands alone on page {signed}"
        );
        if n == 20 {
            render_pages(&pdf, "sapuan-rencana-aksi-20", 3);
        }
    }
}

/// Rows of February added one by one to program 8's Laporan Monev Bulanan push the end of its
/// table down a page.
#[test]
fn the_monev_signature_page_holds_table_rows_too() {
    let dir = tempdir();
    let mut plan = sample_plan(dir.path());
    let (output, first) = first_output(&plan, 8);
    let mut after = first;
    let req = ReportRequest {
        bulan: Some(2),
        program: Some(8),
        tanggal: Some("2023-03-06".into()),
        ..ReportRequest::new(ReportKind::Bulanan)
    };
    for n in 0..20 {
        if n > 0 {
            let nama = format!("Tahapan tambahan Februari nomor {n} selesai");
            after = add_tahapan(&mut plan, output, after, &nama, 0b10);
        }
        let last = match plan.report_data(&req).expect("data").isi {
            Isi::Monev(m) => m.program[0].baris.last().expect("rows").tahapan.clone(),
            _ => unreachable!(),
        };
        let pdf = write_pdf(&plan, &req, "sapuan-bulanan");
        let pages = page_texts(&pdf);
        let signed = page_of(&pages, SIGNATURE).expect("signature");
        assert_eq!(
            Some(signed),
            page_of(&pages, &last),
            "with {n} rows added, the signature stands alone on page {signed}"
        );
        if n == 12 {
            render_pages(&pdf, "sapuan-bulanan-12", 3);
        }
    }
}

#[test]
fn the_tahunan_signature_stays_with_the_rekomendasi() {
    let dir = tempdir();
    let plan = sample_plan(dir.path());
    let req = ReportRequest {
        tanggal: Some("2023-03-06".into()),
        ..ReportRequest::new(ReportKind::Tahunan)
    };
    let pdf = write_pdf(&plan, &req, "tahunan-penutup");
    let pages = page_texts(&pdf);
    assert_eq!(
        page_of(&pages, SIGNATURE),
        page_of(&pages, "Percepat penyusunan SOP."),
        "the signature on the page of the last rekomendasi"
    );
    render_pages(&pdf, "tahunan-penutup", 12);
}

#[test]
fn the_kop_contact_line_breaks_between_items_never_inside_the_web_address() {
    let dir = tempdir();
    let mut plan = sample_plan(dir.path());
    let mut identity = plan.identity().expect("identity");
    // On A4 portrait beside the logo this line is a little too long: today's typst would
    // break it inside the web address ("…kutaikartanegarak" / "ab.go.id/…").
    identity.telepon = "(0541) 661073".into();
    identity.email = "sekretariat@kukarkab.go.id".into();
    identity.laman = "https://disbun.kutaikartanegarakab.go.id/reformasi-birokrasi".into();
    plan.set_identity(&identity).expect("identity");
    let logo = dir.path().join("logo.png");
    std::fs::copy(crate::common::fixture("logo.png"), &logo).expect("logo");
    plan.apply(Edit::SetLogo { file: logo }).expect("set logo");
    for (kind, kertas) in [
        (ReportKind::Tahunan, Kertas::A4),
        (ReportKind::Tahunan, Kertas::F4),
        (ReportKind::RencanaAksi, Kertas::A4),
    ] {
        let req = ReportRequest {
            kertas,
            program: Some(2),
            tanggal: Some("2023-03-06".into()),
            ..ReportRequest::new(kind)
        };
        let pdf = write_pdf(&plan, &req, "kop-kontak");
        render_pages(&pdf, "kop-kontak", 1);
        let words = &pdf_words(&pdf)[0].words;
        for item in [&identity.laman, &identity.email] {
            assert!(
                words.iter().any(|w| &w.text == item),
                "{kind:?} {kertas:?}: {item} broken: {:?}",
                words.iter().take(40).map(|w| &w.text).collect::<Vec<_>>()
            );
        }
        // The telephone item keeps its words on one line.
        let line = |t: &str| words.iter().find(|w| w.text == t).expect(t).y0;
        assert_eq!(line("Telepon"), line("661073"), "{kind:?} {kertas:?}");
    }
}

#[test]
fn target_bulan_mar_mei_agu_sep_takes_at_most_two_lines() {
    let dir = tempdir();
    let mut plan = sample_plan(dir.path());
    let ids = tahapan_ids(&plan);
    // March to May, August and September.
    plan.apply(Edit::SetBulan {
        id: ids[0],
        bulan: 0b1_1001_1100,
    })
    .expect("schedule");
    for kind in [ReportKind::Bulanan, ReportKind::Triwulan] {
        let req = ReportRequest {
            bulan: Some(3),
            triwulan: Some(1),
            program: Some(1),
            tanggal: Some("2023-03-06".into()),
            ..ReportRequest::new(kind)
        };
        let pdf = write_pdf(&plan, &req, "target-bulan");
        render_pages(&pdf, "target-bulan", 1);
        let pages = pdf_words(&pdf);
        let words = &pages[0].words;
        let start = words
            .iter()
            .find(|w| w.text == "Mar–Mei,")
            .unwrap_or_else(|| panic!("{kind:?}: \"Mar–Mei,\" split across lines"));
        // "Sep" in the same column, on the first or the second line.
        let sep = words
            .iter()
            .filter(|w| w.text == "Sep" && (w.x0 - start.x0).abs() < 60.0 && w.y0 >= start.y0)
            .map(|w| w.y0 - start.y0)
            .fold(f64::INFINITY, f64::min);
        let line = start.y1 - start.y0;
        assert!(
            sep < 1.6 * line,
            "{kind:?}: \"Sep\" {sep:.1} pt below \"Mar–Mei,\" (a line is {line:.1} pt)"
        );
    }
}

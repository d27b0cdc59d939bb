//! The page headers and footers of the PDF reports, added after typst's layout.
//!
//! A report's footer says "Halaman n dari m", and a page that begins inside a program whose
//! merged cells were printed on an earlier page says "Lanjutan Program …" at its top. Asked
//! inside typst (`here().page()`, `counter(page).final()`, a query of the row marks), either
//! makes typst lay the whole report out a second time to answer it: at 1,000 tahapan that
//! second pass cost the Rencana Aksi a quarter of its time and memory. So the templates leave
//! the header and footer empty and only mark their rows (`tanda` in `common.typ`); after the
//! one layout Renja RB reads the marks' pages from the document, decides each page's header
//! as the templates did ([`lanjutan`]), lays out all headers and footers at once as empty
//! pages of the same sizes (`assets/reports/marginals.typ`, with the `kepala-lanjutan` and
//! `kaki` of `common.typ`) and puts each over its page: the same pixels, the same text in the
//! same reading order.
//!
//! The Laporan Tahunan's daftar isi still needs typst's second pass, but only for the pages
//! around it: the landscape lampiran, most of its pages, are laid out once and reused. Its
//! cover carries a mark that keeps the header and footer off it.

use serde::Serialize;
use typst::foundations::{Dict, IntoValue, Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::FrameItem;
use typst::model::Document;
use typst::utils::PicoStr;
use typst_as_lib::TypstEngine;
use typst_layout::{Page, PagedDocument};

use crate::error::{Error, Result};

/// The label of the row marks (`tanda` in `common.typ`).
const MARK: &str = "renja-baris";
/// The label of a mark on a page that stays bare (the Laporan Tahunan's cover).
const BARE: &str = "renja-tanpa-tepi";

/// One row mark, where it landed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark {
    /// 1-based page number.
    pub page: usize,
    /// The program the row belongs to ("Program 1. …").
    pub bagian: String,
    /// The kegiatan inside it, when the table has that level.
    pub sub: Option<String>,
    /// The row opens its program / its kegiatan.
    pub awal: bool,
    pub sub_awal: bool,
    /// The end of a row that may break across pages.
    pub akhir: bool,
}

/// A page's "Lanjutan …" line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Lanjutan {
    pub bagian: String,
    pub sub: Option<String>,
}

/// What the footer says besides the page number: the report's title and period, as in
/// the data the report was laid out from.
pub(crate) struct Footer<'a> {
    pub judul: &'a str,
    pub periode: &'a str,
    pub wrap: bool,
}

#[derive(Serialize)]
struct Data<'a> {
    judul: &'a str,
    periode: &'a str,
    wrap: bool,
    /// The last page's number ("Halaman n dari <jumlah>").
    jumlah: u64,
    halaman: Vec<Halaman>,
}

#[derive(Serialize)]
struct Halaman {
    /// The page's size in points.
    lebar: f64,
    tinggi: f64,
    lanjutan: Option<Lanjutan>,
    /// The page's number, as typst counts it (a counter reset after a cover included);
    /// none on a bare page: no footer.
    nomor: Option<u64>,
}

/// For pages `1..=pages`, the header line, by the rule the templates give a page: the first
/// mark on that page or after it tells — a row that does not open its program (on this
/// page), or the end of a row broken across pages (here or later: this page is inside it).
/// The kegiatan is named unless that first row opens it.
pub(crate) fn lanjutan(marks: &[Mark], pages: usize) -> Vec<Option<Lanjutan>> {
    let mut next = 0;
    (1..=pages)
        .map(|n| {
            while marks.get(next).is_some_and(|m| m.page < n) {
                next += 1;
            }
            let m = marks.get(next)?;
            (m.akhir || (m.page == n && !m.awal)).then(|| Lanjutan {
                bagian: m.bagian.clone(),
                sub: m.sub.clone().filter(|_| m.akhir || !m.sub_awal),
            })
        })
        .collect()
}

fn label(name: &str) -> Result<Label> {
    Label::new(PicoStr::intern(name))
        .ok_or_else(|| Error::Internal("tanda baris laporan tidak terbaca".into()))
}

/// The row marks of `doc`, in document order.
fn marks(doc: &PagedDocument) -> Result<Vec<Mark>> {
    let broken = || Error::Internal("tanda baris laporan tidak terbaca".into());
    let introspector = doc.introspector();
    introspector
        .query(&Selector::Label(label(MARK)?))
        .iter()
        .map(|content| {
            let page = content
                .location()
                .and_then(|loc| introspector.page(loc))
                .ok_or_else(broken)?;
            let meta = content.to_packed::<MetadataElem>().ok_or_else(broken)?;
            let Value::Dict(v) = &meta.value else {
                return Err(broken());
            };
            let text = |key: &str| match v.get(key) {
                Ok(Value::Str(s)) => Some(s.to_string()),
                Ok(Value::Content(c)) => Some(c.plain_text().to_string()),
                _ => None,
            };
            let flag = |key: &str| matches!(v.get(key), Ok(Value::Bool(true)));
            Ok(Mark {
                page: page.get(),
                bagian: text("bagian").ok_or_else(broken)?,
                sub: text("sub"),
                awal: flag("awal"),
                sub_awal: flag("sub_awal"),
                akhir: flag("akhir"),
            })
        })
        .collect()
}

/// The pages (1-based) of `doc` marked to stay bare.
fn bare_pages(doc: &PagedDocument) -> Result<Vec<usize>> {
    let introspector = doc.introspector();
    Ok(introspector
        .query(&Selector::Label(label(BARE)?))
        .iter()
        .filter_map(|content| introspector.page(content.location()?))
        .map(|page| page.get())
        .collect())
}

/// `doc` with every page's header and footer laid over it.
pub(crate) fn add(
    engine: &TypstEngine,
    doc: PagedDocument,
    footer: &Footer<'_>,
) -> Result<PagedDocument> {
    let failed = || Error::Internal("kepala dan kaki halaman laporan tidak dapat disusun".into());
    let lines = lanjutan(&marks(&doc)?, doc.pages().len());
    let bare = bare_pages(&doc)?;
    let data = Data {
        judul: footer.judul,
        periode: footer.periode,
        wrap: footer.wrap,
        jumlah: doc.pages().last().map_or(0, |page| page.number),
        halaman: doc
            .pages()
            .iter()
            .zip(lines)
            .enumerate()
            .map(|(i, (page, lanjutan))| {
                let shown = !bare.contains(&(i + 1));
                Halaman {
                    lebar: page.frame.width().to_pt(),
                    tinggi: page.frame.height().to_pt(),
                    lanjutan: lanjutan.filter(|_| shown),
                    nomor: shown.then_some(page.number),
                }
            })
            .collect(),
    };
    let json = serde_json::to_string(&data).map_err(|_| failed())?;
    let mut inputs = Dict::new();
    inputs.insert("marginals".into(), json.into_value());
    let over: PagedDocument = engine
        .compile_with_input("marginals.typ", inputs)
        .output
        .map_err(|_| failed())?;
    if over.pages().len() != doc.pages().len() {
        return Err(failed());
    }
    let pages = doc
        .pages()
        .iter()
        .zip(over.pages())
        .map(|(page, over)| {
            let mut page: Page = page.clone();
            // The overlay's header and footer, each with its artifact tags (a tagged PDF
            // keeps them out of the text's structure), where typst puts its own: the header
            // after the tags opening the page, before the body; the footer after the body.
            // Text extraction and copying then read the page top to bottom.
            let half = over.frame.height() / 2.0;
            let mut at = page
                .frame
                .items()
                .take_while(|(_, item)| matches!(item, FrameItem::Tag(_)))
                .count();
            for (pos, item) in over.frame.items() {
                if pos.y < half {
                    page.frame.insert(at, *pos, item.clone());
                    at += 1;
                } else {
                    page.frame.push(*pos, item.clone());
                }
            }
            page
        })
        .collect();
    Ok(PagedDocument::new(pages, doc.info().clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(page: usize, bagian: &str, sub: Option<&str>) -> Mark {
        Mark {
            page,
            bagian: bagian.into(),
            sub: sub.map(Into::into),
            awal: false,
            sub_awal: false,
            akhir: false,
        }
    }

    fn line(bagian: &str, sub: Option<&str>) -> Option<Lanjutan> {
        Some(Lanjutan {
            bagian: bagian.into(),
            sub: sub.map(Into::into),
        })
    }

    #[test]
    fn a_page_starting_inside_a_program_names_it_and_its_kegiatan() {
        let marks = [
            Mark {
                awal: true,
                sub_awal: true,
                ..mark(1, "Program 1", Some("Kegiatan: A"))
            },
            mark(1, "Program 1", Some("Kegiatan: A")),
            mark(2, "Program 1", Some("Kegiatan: A")),
            Mark {
                sub_awal: true,
                ..mark(3, "Program 1", Some("Kegiatan: B"))
            },
            Mark {
                awal: true,
                sub_awal: true,
                ..mark(4, "Program 2", Some("Kegiatan: C"))
            },
        ];
        assert_eq!(
            lanjutan(&marks, 5),
            vec![
                // The first page opens its program.
                None,
                line("Program 1", Some("Kegiatan: A")),
                // A page opening a kegiatan names only the program.
                line("Program 1", None),
                // A page opening a program needs no line.
                None,
                // Past the last mark: nothing continues.
                None,
            ]
        );
    }

    #[test]
    fn a_page_inside_a_row_broken_across_pages_names_the_row_s_program() {
        // A tall row starts on page 1 and ends (its `akhir` marks) on page 3: page 2 holds
        // no mark of its own and is inside it.
        let marks = [
            Mark {
                awal: true,
                sub_awal: true,
                ..mark(1, "Program 1", Some("Kegiatan: A"))
            },
            Mark {
                akhir: true,
                sub_awal: true,
                ..mark(3, "Program 1", Some("Kegiatan: A"))
            },
        ];
        assert_eq!(
            lanjutan(&marks, 3),
            vec![
                None,
                line("Program 1", Some("Kegiatan: A")),
                line("Program 1", Some("Kegiatan: A")),
            ]
        );
    }

    #[test]
    fn no_marks_no_lines() {
        assert_eq!(lanjutan(&[], 2), vec![None, None]);
    }
}

//! PDF through typst, compiled in-process. The templates under `assets/reports/` and the
//! fonts under `assets/fonts/` are embedded in the binary: no system fonts, no files read at
//! run time, no network. Only Liberation Sans (metric-compatible with Arial, which offices
//! use) and Liberation Mono (for hashes) are embedded, and typst subsets them into each PDF.

use std::sync::OnceLock;

use typst::foundations::{Bytes, Dict, IntoValue};
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

use super::marginals::Footer;
use super::{ReportData, ReportKind};
use crate::error::{Error, Result};

const FONTS: [&[u8]; 5] = [
    include_bytes!("../../../../assets/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSans-BoldItalic.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationMono-Regular.ttf"),
];

/// The templates, by the name they import each other under.
const TEMPLATES: [(&str, &str); 14] = [
    (
        "common.typ",
        include_str!("../../../../assets/reports/common.typ"),
    ),
    (
        "rencana-aksi.typ",
        include_str!("../../../../assets/reports/rencana-aksi.typ"),
    ),
    (
        "monev.typ",
        include_str!("../../../../assets/reports/monev.typ"),
    ),
    (
        "monev-bulanan.typ",
        include_str!("../../../../assets/reports/monev-bulanan.typ"),
    ),
    (
        "monev-triwulan.typ",
        include_str!("../../../../assets/reports/monev-triwulan.typ"),
    ),
    (
        "monev-tahunan.typ",
        include_str!("../../../../assets/reports/monev-tahunan.typ"),
    ),
    (
        "daftar-bukti.typ",
        include_str!("../../../../assets/reports/daftar-bukti.typ"),
    ),
    (
        "ringkasan.typ",
        include_str!("../../../../assets/reports/ringkasan.typ"),
    ),
    (
        "tabel-rencana-aksi.typ",
        include_str!("../../../../assets/reports/tabel-rencana-aksi.typ"),
    ),
    (
        "tabel-tahunan.typ",
        include_str!("../../../../assets/reports/tabel-tahunan.typ"),
    ),
    (
        "tabel-bukti.typ",
        include_str!("../../../../assets/reports/tabel-bukti.typ"),
    ),
    (
        "laporan-tahunan.typ",
        include_str!("../../../../assets/reports/laporan-tahunan.typ"),
    ),
    (
        "grafik.typ",
        include_str!("../../../../assets/reports/grafik.typ"),
    ),
    (
        "marginals.typ",
        include_str!("../../../../assets/reports/marginals.typ"),
    ),
];

fn template(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::RencanaAksi => "rencana-aksi.typ",
        ReportKind::Bulanan => "monev-bulanan.typ",
        ReportKind::Triwulan => "monev-triwulan.typ",
        ReportKind::Tahunan => "monev-tahunan.typ",
        ReportKind::Bukti => "daftar-bukti.typ",
        ReportKind::Ringkasan => "ringkasan.typ",
        ReportKind::LaporanTahunan => "laporan-tahunan.typ",
    }
}

/// Built once per process: parsing the fonts and templates is the slow part.
fn engine() -> &'static TypstEngine {
    static ENGINE: OnceLock<TypstEngine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .fonts(FONTS)
            .with_static_source_file_resolver(TEMPLATES)
            .build()
    })
}

/// Lay out `data` and write the PDF. typst's own errors are English debug text, so none
/// reaches the user: a failure becomes an Indonesian [`Error::Internal`].
///
/// The templates get the data with break opportunities in its long words
/// ([`super::wrap`]), and `wrap: true` when there are any: a report without them needs no
/// rule turning them into boxes. The pages' headers and footers come after the layout
/// ([`super::marginals`]).
pub(crate) fn render(data: &ReportData, logo: Option<&[u8]>) -> Result<Vec<u8>> {
    let unreadable = |_| Error::Internal("data laporan tidak dapat disusun".into());
    let mut value = serde_json::to_value(data).map_err(unreadable)?;
    let wrapped = super::wrap::wrap_json(&mut value);
    if let serde_json::Value::Object(map) = &mut value {
        map.insert("wrap".into(), wrapped.into());
    }
    // The footer says what the report's data says, break opportunities included.
    let text = |key: &str| value.get(key).and_then(|v| v.as_str()).unwrap_or_default();
    let footer = Footer {
        judul: text("judul"),
        periode: text("periode"),
        wrap: wrapped,
    };
    let json = serde_json::to_string(&value).map_err(unreadable)?;
    match (compile(data.kind, &json, logo, &footer), logo) {
        (Ok(pdf), _) => Ok(pdf),
        // The logo passed its header checks but does not decode (damaged pixel data in a file
        // from elsewhere): the report goes out without it rather than not at all.
        (Err(_), Some(_)) => compile(data.kind, &json, None, &footer),
        (Err(e), None) => Err(e),
    }
}

fn compile(
    kind: ReportKind,
    json: &str,
    logo: Option<&[u8]>,
    footer: &Footer<'_>,
) -> Result<Vec<u8>> {
    let mut inputs = Dict::new();
    inputs.insert("data".into(), json.into_value());
    if let Some(logo) = logo {
        inputs.insert("logo".into(), Bytes::new(logo.to_vec()).into_value());
    }
    let doc: PagedDocument = engine()
        .compile_with_input(template(kind), inputs)
        .output
        .map_err(|_| Error::Internal("tata letak laporan tidak dapat disusun".into()))?;
    // The page headers and footers, laid over the pages afterwards: asked for inside the
    // layout they would make typst lay every page out twice.
    let doc = super::marginals::add(engine(), doc, footer)?;
    typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default())
        .map_err(|_| Error::Internal("berkas PDF laporan tidak dapat dibuat".into()))
}

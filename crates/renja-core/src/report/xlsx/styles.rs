//! The cell formats every worksheet shares, with the colours of the PDF templates
//! (`assets/reports/common.typ`): grey headers, a lighter grey for group rows, and the
//! Rencana Aksi blue for scheduled months.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, FormatUnderline};

use super::{FORMAT_PERSEN, FORMAT_TANGGAL};

/// The font of every cell. Arial is on every office laptop; LibreOffice on Linux maps it to
/// Liberation Sans, the font of the PDF.
const FONT: &str = "Arial";
/// The point size of table cells; the height estimates in `sheet.rs` assume it.
pub(super) const PT_TABLE: f64 = 8.0;

/// luma(232) in the templates.
const ABU: Color = Color::RGB(0xE8E8E8);
/// luma(245).
const ABU_MUDA: Color = Color::RGB(0xF2F2F2);
/// `biru.lighten(10%)`: #2F5D9E mixed with 10% white.
pub(super) const BIRU_ISI: Color = Color::RGB(0x4473A8);
const TEKS_ABU: Color = Color::RGB(0x505050);
const MERAH: Color = Color::RGB(0xA01818);

fn font(size: f64) -> Format {
    Format::new().set_font_name(FONT).set_font_size(size)
}

/// A table cell: wrapped, top-aligned, thin border.
fn sel() -> Format {
    font(PT_TABLE)
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Left)
        .set_border(FormatBorder::Thin)
}

/// A line of the signature block: left-aligned inside the block, as in the PDF.
fn ttd() -> Format {
    font(9.0)
        .set_text_wrap()
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::Top)
}

fn tengah(f: Format) -> Format {
    f.set_align(FormatAlign::Center)
}

pub(super) struct Styles {
    // Table cells.
    pub sel: Format,
    pub sel_tengah: Format,
    pub sel_tebal: Format,
    pub angka: Format,
    pub kepala: Format,
    /// The column-number row "(1) (2) …" under a header.
    pub nomor_kolom: Format,
    pub bulan_isi: Format,
    pub outcome: Format,
    pub abu_muda: Format,
    pub grup_program: Format,
    pub grup_kegiatan: Format,
    pub grup_tahapan: Format,
    pub grup_kosong: Format,
    pub jumlah_label: Format,
    pub jumlah_angka: Format,
    pub jumlah_teks: Format,
    pub program_angka: Format,
    pub program_teks: Format,
    pub tercapai: Format,
    pub tidak_tercapai: Format,
    pub persen: Format,
    pub jumlah_persen: Format,
    pub tanggal: Format,
    pub hash: Format,
    // Fonts of rich-text segments (a segment carries only its font).
    pub r_biasa: Format,
    pub r_tebal: Format,
    pub r_miring: Format,
    pub r_abu: Format,
    pub r_miring_abu: Format,
    // The frame around the table.
    pub kop_pemda: Format,
    pub kop_instansi: Format,
    pub kop_kecil: Format,
    pub kop_garis: Format,
    pub judul: Format,
    pub subjudul: Format,
    pub keterangan: Format,
    pub bagian: Format,
    pub paragraf: Format,
    pub paragraf_kosong: Format,
    pub catatan_kaki: Format,
    pub ttd: Format,
    pub ttd_jabatan: Format,
    pub ttd_nama: Format,
    pub lampiran: Format,
    pub lampiran_judul: Format,
}

impl Styles {
    pub fn new() -> Styles {
        let number = |f: Format| tengah(f).set_num_format("0");
        let kepala = tengah(sel())
            .set_bold()
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(ABU);
        Styles {
            sel: sel(),
            sel_tengah: tengah(sel()),
            sel_tebal: sel().set_bold(),
            angka: number(sel()),
            kepala,
            nomor_kolom: tengah(sel())
                .set_font_size(7)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(ABU_MUDA),
            // A scheduled month holds 1 (see `rencana_aksi.rs`), white on the blue.
            bulan_isi: number(sel())
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(BIRU_ISI),
            outcome: sel().set_bold().set_italic().set_background_color(ABU_MUDA),
            abu_muda: sel().set_background_color(ABU_MUDA),
            grup_program: sel().set_bold().set_background_color(ABU),
            grup_kegiatan: sel().set_bold().set_background_color(ABU_MUDA),
            grup_tahapan: sel().set_italic(),
            grup_kosong: sel().set_italic().set_font_color(TEKS_ABU),
            jumlah_label: sel()
                .set_bold()
                .set_align(FormatAlign::Right)
                .set_background_color(ABU_MUDA),
            jumlah_angka: number(sel()).set_bold().set_background_color(ABU_MUDA),
            jumlah_teks: tengah(sel()).set_bold().set_background_color(ABU_MUDA),
            program_angka: number(sel()).set_bold().set_background_color(ABU_MUDA),
            program_teks: sel().set_bold().set_background_color(ABU_MUDA),
            tercapai: tengah(sel()).set_bold(),
            tidak_tercapai: tengah(sel()).set_bold().set_font_color(MERAH),
            persen: tengah(sel()).set_num_format(FORMAT_PERSEN),
            jumlah_persen: tengah(sel())
                .set_bold()
                .set_background_color(ABU_MUDA)
                .set_num_format(FORMAT_PERSEN),
            tanggal: sel().set_num_format(FORMAT_TANGGAL),
            hash: sel().set_font_name("Courier New").set_font_size(7),
            r_biasa: font(PT_TABLE),
            r_tebal: font(PT_TABLE).set_bold(),
            r_miring: font(PT_TABLE).set_italic(),
            r_abu: font(PT_TABLE).set_font_color(TEKS_ABU),
            r_miring_abu: font(PT_TABLE).set_italic().set_font_color(TEKS_ABU),
            kop_pemda: tengah(font(12.0).set_bold()).set_align(FormatAlign::VerticalCenter),
            kop_instansi: tengah(font(15.0).set_bold()).set_align(FormatAlign::VerticalCenter),
            kop_kecil: tengah(font(8.5)).set_align(FormatAlign::VerticalCenter),
            kop_garis: font(2.0)
                .set_border_top(FormatBorder::Thick)
                .set_border_bottom(FormatBorder::Thin),
            judul: tengah(font(11.0).set_bold()).set_align(FormatAlign::VerticalCenter),
            subjudul: tengah(font(10.0).set_bold()).set_align(FormatAlign::VerticalCenter),
            keterangan: tengah(font(8.5).set_italic()),
            bagian: font(10.0).set_bold().set_align(FormatAlign::Bottom),
            paragraf: font(9.0).set_text_wrap().set_align(FormatAlign::Top),
            paragraf_kosong: font(9.0)
                .set_italic()
                .set_font_color(TEKS_ABU)
                .set_align(FormatAlign::Top),
            catatan_kaki: font(PT_TABLE)
                .set_italic()
                .set_font_color(TEKS_ABU)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            ttd: ttd(),
            ttd_jabatan: ttd().set_bold(),
            ttd_nama: ttd().set_bold().set_underline(FormatUnderline::Single),
            lampiran: font(8.5).set_text_wrap().set_align(FormatAlign::Top),
            lampiran_judul: font(8.5)
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
        }
    }
}

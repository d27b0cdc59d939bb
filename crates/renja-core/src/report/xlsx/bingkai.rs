//! What surrounds every table: the letterhead (kop) with the logo, the title lines, the
//! signature block, and the page setup (paper, orientation, fit to width, footer, the
//! header rows repeated on every printed page and frozen on screen, and a page break that
//! keeps the signature block whole, see `breaks.rs`).

use rust_xlsxwriter::{ColNum, Format, Image, RowNum};

use super::breaks::Pages;
use super::lembar::{Hasil, Lembar};
use crate::report::{Kertas, Kop, Logo, ReportData, TandaTangan};

/// The point size of the signature block.
const PT_TTD: f64 = 9.0;
/// The room to sign in, in points: 2 cm, as in the PDF.
const RUANG_TTD: f64 = 57.0;

/// The page margins in inches: about 14 mm at the sides and top, as in the PDF, and room
/// for the footer at the bottom.
const TEPI_SISI: f64 = 0.55;
const TEPI_ATAS: f64 = 0.55;
const TEPI_BAWAH: f64 = 0.7;

/// The logo is drawn about 2 cm high (at 96 px per inch), and never wider than 4 cm.
const LOGO_TINGGI_PX: f64 = 76.0;
const LOGO_LEBAR_PX: f64 = 151.0;

/// Excel's paper codes: 9 is A4; 14 is Folio (8.5 × 13 in), what Excel calls F4.
fn kode_kertas(k: Kertas) -> u8 {
    match k {
        Kertas::A4 => 9,
        Kertas::F4 => 14,
    }
}

/// The width and height inside the margins, in points, of the paper Excel prints on: its
/// Folio is 8.5 × 13 in, a little narrower than the 215 mm of the PDF's F4.
fn cetak_pt(k: Kertas, landscape: bool) -> (f64, f64) {
    let (w, h) = match k {
        Kertas::A4 => (210.0 / 25.4 * 72.0, 297.0 / 25.4 * 72.0),
        Kertas::F4 => (8.5 * 72.0, 13.0 * 72.0),
    };
    let (w, h) = if landscape { (h, w) } else { (w, h) };
    (
        w - 2.0 * TEPI_SISI * 72.0,
        h - (TEPI_ATAS + TEPI_BAWAH) * 72.0,
    )
}

/// `&` starts a code in a header or footer; a literal one is doubled.
fn footer_teks(s: &str) -> String {
    s.replace('&', "&&")
}

impl Lembar<'_> {
    /// The letterhead: each non-empty line merged across the table and centred, the logo
    /// at the left, and the double rule under it.
    pub fn kop(&mut self, kop: &Kop, logo: Option<&Logo>) -> Hasil {
        let g = self.g;
        let lines = [
            (&kop.pemerintah_daerah, &g.kop_pemda, 12.0, 17.0),
            (&kop.instansi, &g.kop_instansi, 15.0, 21.0),
            (&kop.alamat, &g.kop_kecil, 8.5, 13.0),
            (&kop.kontak, &g.kop_kecil, 8.5, 13.0),
        ];
        let lines: Vec<_> = lines.iter().filter(|(t, ..)| !t.is_empty()).collect();
        // The logo was checked when it was set; should this parser still refuse it, the
        // report goes out without the logo rather than not at all.
        let image = logo.and_then(|l| Image::new_from_buffer(&l.data).ok());
        if lines.is_empty() && image.is_none() {
            return Ok(());
        }
        let first = self.row;
        let last_col = self.kolom_akhir();
        let mut total = 0.0;
        for (text, f, pt, h) in &lines {
            let row = self.row;
            self.gabung(row, 0, last_col, text, f, *pt)?;
            self.tinggi(row, *h);
            total += h;
            self.row += 1;
        }
        if let Some(image) = image {
            // Leave the logo its 2 cm: share what the text lines lack among them.
            let room = LOGO_TINGGI_PX * 0.75 + 6.0;
            if lines.is_empty() {
                self.tinggi(self.row, room);
                self.row += 1;
            } else if total < room {
                let extra = (room - total) / lines.len() as f64;
                for (i, (.., h)) in lines.iter().enumerate() {
                    self.tinggi(first + i as RowNum, h + extra);
                }
            }
            let image = image
                .set_scale_to_size(LOGO_LEBAR_PX, LOGO_TINGGI_PX, true)
                .set_alt_text("Logo");
            self.ws.insert_image_with_offset(first, 0, &image, 4, 3)?;
        }
        let row = self.row;
        self.ws
            .merge_range(row, 0, row, last_col, "", &self.g.kop_garis)?;
        self.tinggi(row, 4.0);
        self.row += 1;
        Ok(())
    }

    /// The title and the lines under it, centred across the table, and a blank row.
    pub fn judul(&mut self, data: &ReportData) -> Hasil {
        let g = self.g;
        self.tinggi(self.row, 6.0);
        self.row += 1;
        let row = self.row;
        self.baris_penuh(&data.judul, &g.judul, 11.0)?;
        self.tinggi(row, 16.0);
        for s in &data.subjudul {
            let row = self.row;
            self.baris_penuh(s, &g.subjudul, 10.0)?;
            self.tinggi(row, 14.0);
        }
        self.tinggi(self.row, 8.0);
        self.row += 1;
        Ok(())
    }

    /// A section heading: "A. Ringkasan Capaian".
    pub fn bagian(&mut self, text: &str) -> Hasil {
        let row = self.row;
        self.ws
            .write_string_with_format(row, 0, text, &self.g.bagian)?;
        self.tinggi(row, 20.0);
        self.row += 1;
        Ok(())
    }

    /// The signature block in columns `col..` up to the last, laid out as the PDF's: a row
    /// each for the place and date, every line of the jabatan (bold), about 2 cm of room to
    /// sign, the name (bold, underlined; dots when the plan has none) and the NIP, each
    /// merged across the block's columns and aligned left inside it. [`Lembar::halaman`]
    /// keeps the rows on one printed page.
    pub fn tanda_tangan(&mut self, t: &TandaTangan, col: ColNum) -> Hasil {
        let g = self.g;
        let nama = if t.nama.is_empty() {
            "(.................................................)"
        } else {
            &t.nama
        };
        let above = self.row.saturating_sub(1);
        self.row += 1;
        let first = self.row;
        self.baris_ttd(col, &t.tempat_tanggal, &g.ttd)?;
        for j in &t.jabatan {
            self.baris_ttd(col, j, &g.ttd_jabatan)?;
        }
        let row = self.row;
        self.baris_ttd(col, "", &g.ttd)?;
        self.tinggi(row, RUANG_TTD);
        self.baris_ttd(col, nama, &g.ttd_nama)?;
        if !t.nip.is_empty() {
            self.baris_ttd(col, &t.nip, &g.ttd)?;
        }
        self.ttd = Some((above, first, self.row - 1));
        Ok(())
    }

    /// One line of the signature block, merged from `col` to the last column.
    fn baris_ttd(&mut self, col: ColNum, text: &str, f: &Format) -> Hasil {
        let row = self.row;
        self.gabung(row, col, self.kolom_akhir(), text, f, PT_TTD)?;
        self.tinggi(row, PT_TTD * 1.25 + 2.0);
        self.row += 1;
        Ok(())
    }

    /// Paper, orientation, margins, footer; `ulang` is the first and last row of the
    /// table header, repeated on every printed page; `beku` freezes the panes above a row.
    /// A page break goes before the signature block where one would otherwise cut it.
    pub fn halaman(
        &mut self,
        data: &ReportData,
        ulang: Option<(RowNum, RowNum)>,
        beku: Option<RowNum>,
    ) -> Hasil {
        self.tulis_tinggi()?;
        if let Some((above, first, last)) = self.ttd {
            let pages = Pages::new(
                cetak_pt(data.kertas, data.landscape),
                self.lebar_kolom(),
                &self.tetap,
                ulang,
            );
            if let Some(row) = pages.keep_together(above, first, last) {
                self.ws.set_page_breaks(&[row])?;
            }
        }
        let ws = &mut *self.ws;
        ws.set_paper_size(kode_kertas(data.kertas));
        if data.landscape {
            ws.set_landscape();
        } else {
            ws.set_portrait();
        }
        ws.set_print_fit_to_pages(1, 0);
        ws.set_print_center_horizontally(true);
        ws.set_margins(TEPI_SISI, TEPI_SISI, TEPI_ATAS, TEPI_BAWAH, 0.3, 0.3);
        ws.set_footer(format!(
            "&L&8{} – {}&R&8Halaman &P dari &N",
            footer_teks(&data.judul),
            footer_teks(&data.periode)
        ));
        ws.set_screen_gridlines(false);
        if let Some((first, last)) = ulang {
            ws.set_repeat_rows(first, last)?;
        }
        if let Some(row) = beku {
            ws.set_freeze_panes(row, 0)?;
        }
        Ok(())
    }
}

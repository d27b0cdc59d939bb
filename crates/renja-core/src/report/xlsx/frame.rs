//! What surrounds every table: the letterhead (kop) with the logo, the title lines, the
//! signature block, and the page setup (paper, orientation, fit to width, footer, the
//! header rows repeated on every printed page and frozen on screen, and a page break that
//! keeps the signature block whole, see `breaks.rs`).

use rust_xlsxwriter::{ColNum, Format, Image, RowNum};

use super::breaks::Pages;
use super::sheet::{Sheet, XlsxResult};
use crate::kop::Logo;
use crate::report::{Kertas, Kop, Lampiran, ReportData, TandaTangan};

/// The point size of the signature block.
const PT_SIGNATURE: f64 = 9.0;
/// The room to sign in, in points: 2 cm, as in the PDF.
const SIGNING_ROOM_PT: f64 = 57.0;

/// The page margins in inches: about 14 mm at the sides and top, as in the PDF, and room
/// for the footer at the bottom.
const MARGIN_SIDE: f64 = 0.55;
const MARGIN_TOP: f64 = 0.55;
const MARGIN_BOTTOM: f64 = 0.7;

/// The logo is drawn about 2 cm high (at 96 px per inch), and never wider than 4 cm.
const LOGO_HEIGHT_PX: f64 = 76.0;
const LOGO_WIDTH_PX: f64 = 151.0;

/// Excel's paper codes: 9 is A4; 14 is Folio (8.5 × 13 in), what Excel calls F4.
fn paper_code(k: Kertas) -> u8 {
    match k {
        Kertas::A4 => 9,
        Kertas::F4 => 14,
    }
}

/// The width and height inside the margins, in points, of the paper Excel prints on: its
/// Folio is 8.5 × 13 in, a little narrower than the 215 mm of the PDF's F4.
fn printable_pt(k: Kertas, landscape: bool) -> (f64, f64) {
    let (w, h) = match k {
        Kertas::A4 => (210.0 / 25.4 * 72.0, 297.0 / 25.4 * 72.0),
        Kertas::F4 => (8.5 * 72.0, 13.0 * 72.0),
    };
    let (w, h) = if landscape { (h, w) } else { (w, h) };
    (
        w - 2.0 * MARGIN_SIDE * 72.0,
        h - (MARGIN_TOP + MARGIN_BOTTOM) * 72.0,
    )
}

/// `&` starts a code in a header or footer; a literal one is doubled.
fn footer_text(s: &str) -> String {
    s.replace('&', "&&")
}

impl Sheet<'_> {
    /// The letterhead: each non-empty line merged across the table and centred, the logo
    /// at the left, and the double rule under it.
    pub fn kop(&mut self, kop: &Kop, logo: Option<&Logo>) -> XlsxResult {
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
        let last_col = self.last_column();
        let mut total = 0.0;
        for (text, f, pt, h) in &lines {
            let row = self.row;
            self.merged(row, 0, last_col, text, f, *pt)?;
            self.height(row, *h);
            total += h;
            self.row += 1;
        }
        if let Some(image) = image {
            // Leave the logo its 2 cm: share what the text lines lack among them.
            let room = LOGO_HEIGHT_PX * 0.75 + 6.0;
            if lines.is_empty() {
                self.height(self.row, room);
                self.row += 1;
            } else if total < room {
                let extra = (room - total) / lines.len() as f64;
                for (i, (.., h)) in lines.iter().enumerate() {
                    self.height(first + i as RowNum, h + extra);
                }
            }
            let image = image
                .set_scale_to_size(LOGO_WIDTH_PX, LOGO_HEIGHT_PX, true)
                .set_alt_text("Logo");
            self.ws.insert_image_with_offset(first, 0, &image, 4, 3)?;
        }
        let row = self.row;
        self.ws
            .merge_range(row, 0, row, last_col, "", &self.g.kop_garis)?;
        self.height(row, 4.0);
        self.row += 1;
        Ok(())
    }

    /// The title and the lines under it, centred across the table, and a blank row.
    pub fn judul(&mut self, data: &ReportData) -> XlsxResult {
        let g = self.g;
        self.height(self.row, 6.0);
        self.row += 1;
        let row = self.row;
        self.full_row(&data.judul, &g.judul, 11.0)?;
        self.height(row, 16.0);
        for s in &data.subjudul {
            let row = self.row;
            self.full_row(s, &g.subjudul, 10.0)?;
            self.height(row, 14.0);
        }
        self.height(self.row, 8.0);
        self.row += 1;
        Ok(())
    }

    /// A section heading: "A. Ringkasan Capaian".
    pub fn section(&mut self, text: &str) -> XlsxResult {
        let row = self.row;
        self.ws
            .write_string_with_format(row, 0, text, &self.g.bagian)?;
        self.height(row, 20.0);
        self.row += 1;
        Ok(())
    }

    /// The signature blocks of `data`, laid out as the PDF's: the signer in columns `col..`
    /// up to the last, and a Monev report's "Mengetahui," block (the head of the agency) in
    /// the columns from the first to two before `col`. Row by row: the place and date (or
    /// "Mengetahui,"), every line of the jabatan (bold), about 2 cm of room to sign, the name
    /// (bold, underlined; dots when the plan has none), the pangkat/golongan and the NIP,
    /// each merged across its block's columns and aligned left inside it; the two blocks
    /// share their rows, so names, pangkat and NIP stand on one line. [`Sheet::page_setup`]
    /// keeps the rows on one printed page.
    pub fn tanda_tangan(&mut self, data: &ReportData, col: ColNum) -> XlsxResult {
        let g = self.g;
        let kanan = &data.tanda_tangan;
        let kiri = data.mengetahui.as_ref();
        let kiri_akhir = col.saturating_sub(2);
        let blocks: Vec<(&TandaTangan, ColNum, ColNum)> = kiri
            .map(|t| (t, 0, kiri_akhir))
            .into_iter()
            .chain([(kanan, col, self.last_column())])
            .collect();
        let jabatan = blocks
            .iter()
            .map(|(t, ..)| t.jabatan.len())
            .max()
            .unwrap_or(0);
        let nama = |t: &TandaTangan| {
            if t.nama.is_empty() {
                "(.................................................)".to_owned()
            } else {
                t.nama.clone()
            }
        };
        let mut lines: Vec<(Vec<String>, &Format)> = Vec::new();
        let each = |f: &dyn Fn(&TandaTangan) -> String| -> Vec<String> {
            blocks.iter().map(|(t, ..)| f(t)).collect()
        };
        lines.push((each(&|t| t.tempat_tanggal.clone()), &g.ttd));
        for i in 0..jabatan {
            lines.push((
                each(&|t| t.jabatan.get(i).cloned().unwrap_or_default()),
                &g.ttd_jabatan,
            ));
        }
        lines.push((each(&|_| String::new()), &g.ttd));
        let room = lines.len() - 1;
        lines.push((each(&nama), &g.ttd_nama));
        if blocks.iter().any(|(t, ..)| !t.pangkat.is_empty()) {
            lines.push((each(&|t| t.pangkat.clone()), &g.ttd));
        }
        if blocks.iter().any(|(t, ..)| !t.nip.is_empty()) {
            lines.push((each(&|t| t.nip.clone()), &g.ttd));
        }
        let above = self.row.saturating_sub(1);
        self.row += 1;
        let first = self.row;
        for (i, (texts, f)) in lines.iter().enumerate() {
            let row = self.row;
            for ((_, c1, c2), text) in blocks.iter().zip(texts) {
                self.merged(row, *c1, *c2, text, f, PT_SIGNATURE)?;
            }
            let h = if i == room {
                SIGNING_ROOM_PT
            } else {
                PT_SIGNATURE * 1.25 + 2.0
            };
            self.height(row, h);
            self.row += 1;
        }
        self.signature = Some((above, first, self.row - 1));
        Ok(())
    }

    /// The head of the Rencana Aksi's first rows, at the right from `col`: the decree it is
    /// the lampiran of, then "NOMOR", "TANGGAL" and "TENTANG" in columns `col..col + 2` with
    /// their values (dots while the decree has none) from `col + 3` to the last column.
    pub fn lampiran(&mut self, l: &Lampiran, col: ColNum) -> XlsxResult {
        let g = self.g;
        let last = self.last_column();
        let row = self.row;
        self.merged(row, col, last, &l.judul, &g.lampiran_judul, 8.5)?;
        self.row += 1;
        for (label, value) in &l.baris {
            let row = self.row;
            self.merged(row, col, col + 2, &format!("{label} :"), &g.lampiran, 8.5)?;
            self.merged(row, col + 3, last, value, &g.lampiran, 8.5)?;
            self.row += 1;
        }
        self.height(self.row, 6.0);
        self.row += 1;
        Ok(())
    }

    /// The column-number row "(1)", "(2)", … under a table's header: one per column of the
    /// `count` first.
    pub fn nomor_kolom(&mut self, row: RowNum, count: u16) -> XlsxResult {
        for c in 0..count {
            let text = format!("({})", c + 1);
            self.ws
                .write_string_with_format(row, c, &text, &self.g.nomor_kolom)?;
        }
        self.height(row, 10.5);
        Ok(())
    }

    /// Paper, orientation, margins, footer; `ulang` is the first and last row of the
    /// table header, repeated on every printed page; `beku` freezes the panes above a row.
    /// A page break goes before the signature block where one would otherwise cut it.
    pub fn page_setup(
        &mut self,
        data: &ReportData,
        ulang: Option<(RowNum, RowNum)>,
        beku: Option<RowNum>,
    ) -> XlsxResult {
        self.write_heights()?;
        if let Some((above, first, last)) = self.signature {
            let pages = Pages::new(
                printable_pt(data.kertas, data.landscape),
                self.column_widths(),
                &self.fixed,
                ulang,
            );
            if let Some(row) = pages.keep_together(above, first, last) {
                self.ws.set_page_breaks(&[row])?;
            }
        }
        let ws = &mut *self.ws;
        ws.set_paper_size(paper_code(data.kertas));
        if data.landscape {
            ws.set_landscape();
        } else {
            ws.set_portrait();
        }
        ws.set_print_fit_to_pages(1, 0);
        ws.set_print_center_horizontally(true);
        ws.set_margins(
            MARGIN_SIDE,
            MARGIN_SIDE,
            MARGIN_TOP,
            MARGIN_BOTTOM,
            0.3,
            0.3,
        );
        ws.set_footer(format!(
            "&L&8{} – {}&R&8Halaman &P dari &N",
            footer_text(&data.judul),
            footer_text(&data.periode)
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

//! Small evidence files made from nothing, for the example plan: a one-page PDF that says what
//! document it stands for, and a PNG "photo" drawn from shapes. Both are written by hand (a
//! PDF with the standard Helvetica font; a PNG of stored, uncompressed deflate blocks) so the
//! example costs no dependency and no typst run, and both are valid files any viewer opens.
//! They are illustrations, never copies of real documents: every PDF says so on its page.

use super::Rng;

/// A4 in PDF points.
const PAGE: (u32, u32) = (595, 842);

/// `text` as a PDF string literal's contents in WinAnsi: the characters that need it escaped,
/// anything outside Latin-1 as "?".
fn pdf_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '–' | '—' => out.push('-'),
            c if (' '..='~').contains(&c) => out.push(c),
            c if u32::from(c) >= 0xA0 && u32::from(c) <= 0xFF => {
                out.push_str(&format!("\\{:03o}", u32::from(c)));
            }
            _ => out.push('?'),
        }
    }
    out
}

/// Break `text` into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A one-page A4 PDF: `judul` as a bold heading, then each paragraph of `body` wrapped, and a
/// footer saying the document is an example.
pub(super) fn pdf(judul: &str, body: &[String]) -> Vec<u8> {
    let mut content = String::from("BT\n/F2 15 Tf 18 TL 64 770 Td\n");
    for line in wrap(judul, 60) {
        content.push_str(&format!("({}) Tj T*\n", pdf_text(&line)));
    }
    content.push_str("/F1 11 Tf 15 TL T*\n");
    for paragraph in body {
        for line in wrap(paragraph, 88) {
            content.push_str(&format!("({}) Tj T*\n", pdf_text(&line)));
        }
        content.push_str("T*\n");
    }
    content.push_str("ET\nBT /F1 9 Tf 64 48 Td (");
    content.push_str(&pdf_text(
        "Dokumen contoh yang dibuat otomatis oleh Renja RB untuk rencana CONTOH; bukan dokumen resmi.",
    ));
    content.push_str(") Tj ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
            PAGE.0, PAGE.1
        ),
        format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .to_owned(),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{object}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for offset in offsets {
        out.push_str(&format!("{offset:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.into_bytes()
}

// --- PNG ---------------------------------------------------------------------------------

/// The size of a generated photo in pixels.
pub(super) const PHOTO: (usize, usize) = (240, 160);

/// A PNG "photo of an activity": sky, a hall with a banner, a table and people drawn as
/// shapes, in colours chosen by `seed`. Indexed colour; under 1 KB compressed.
pub(super) fn png(seed: u64) -> Vec<u8> {
    let (w, h) = PHOTO;
    let mut rng = Rng(seed ^ 0x504E_4746_4F54_4F00);
    // Palette: 0 sky top … 31 sky bottom, then the scene's colours.
    let mut palette = Vec::with_capacity(48 * 3);
    for i in 0..32u32 {
        palette.extend_from_slice(&[(150 + i * 2) as u8, (190 + i) as u8, (235 - i / 2) as u8]);
    }
    let wall = [230, 224, 210];
    let floor = [150, 120, 90];
    let banner = [[178, 34, 34], [30, 90, 160], [20, 120, 80]][rng.below(3) as usize];
    let table = [120, 80, 50];
    let shirts = [
        [240, 240, 240],
        [60, 60, 120],
        [200, 170, 90],
        [90, 140, 100],
    ];
    let skin = [200, 150, 110];
    for c in [wall, floor, banner, table, skin, [255, 255, 255]]
        .into_iter()
        .chain(shirts)
    {
        palette.extend_from_slice(&c);
    }
    let (wall, floor, banner, table, skin, white) = (32u8, 33, 34, 35, 36, 37);
    let mut px = vec![0u8; w * h];
    for (y, row) in px.chunks_mut(w).enumerate() {
        let sky = (y * 32 / 40).min(31) as u8;
        for (x, p) in row.iter_mut().enumerate() {
            *p = if y < 40 {
                sky
            } else if y < 120 {
                wall
            } else {
                floor
            };
            // The banner on the wall, with a white line of "text".
            if (50..78).contains(&y) && (30..210).contains(&x) {
                *p = if (61..66).contains(&y) && (50..190).contains(&x) {
                    white
                } else {
                    banner
                };
            }
        }
    }
    let mut fill = |x0: usize, y0: usize, x1: usize, y1: usize, c: u8| {
        for y in y0..y1.min(h) {
            for x in x0..x1.min(w) {
                px[y * w + x] = c;
            }
        }
    };
    let people = 4 + rng.below(4) as usize;
    for i in 0..people {
        let x = 20 + i * (200 / people) + rng.below(8) as usize;
        let shirt = 38 + rng.below(4) as u8;
        fill(x + 4, 88, x + 14, 98, skin);
        fill(x, 98, x + 18, 130, shirt);
    }
    fill(10, 118, 230, 126, table);
    fill(20, 126, 26, 150, table);
    fill(214, 126, 220, 150, table);

    // The `png` crate (already built for typst) writes chunks, CRCs and the zlib stream.
    let mut out = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut out, w as u32, h as u32);
    encoder.set_color(::png::ColorType::Indexed);
    encoder.set_depth(::png::BitDepth::Eight);
    encoder.set_palette(palette);
    let mut writer = encoder
        .write_header()
        .expect("a valid header for an in-memory PNG");
    writer
        .write_image_data(&px)
        .expect("pixels of the declared size");
    writer.finish().expect("writing to memory cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_has_a_correct_cross_reference_table() {
        let bytes = pdf("Notulen (rapat)", &["Isi paragraf dengan é".into()]);
        let text = String::from_utf8(bytes.clone()).expect("ascii");
        let xref: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .expect("startxref");
        assert!(text[xref..].starts_with("xref\n0 7\n"));
        for (i, line) in text[xref..].lines().skip(3).take(6).enumerate() {
            let offset: usize = line[..10].parse().expect("offset");
            assert!(text[offset..].starts_with(&format!("{} 0 obj", i + 1)));
        }
        assert!(text.contains("(Notulen \\(rapat\\)) Tj"));
        assert!(text.contains("\\351"), "é in WinAnsi");
    }

    #[test]
    fn png_is_a_whole_image_of_its_size() {
        let bytes = png(7);
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(&bytes[12..16], b"IHDR");
        assert_eq!(
            u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]),
            240
        );
        assert_eq!(
            u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]),
            160
        );
        assert!(bytes.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]));
        let decoded = ::png::Decoder::new(std::io::Cursor::new(&bytes))
            .read_info()
            .expect("decodes");
        assert_eq!(decoded.info().color_type, ::png::ColorType::Indexed);
        assert_ne!(png(7), png(8), "the seed changes the picture");
    }
}

//! The size of a PNG or JPEG from its headers, and whether the file is whole, without
//! decoding a pixel: a 2 MB PNG may claim 20,000 × 20,000 pixels, and decoding it first to
//! find out is what must not happen.
//!
//! - PNG: the signature, `IHDR` as the first chunk (width, height), then every chunk walked
//!   by its length up to `IEND`, with at least one `IDAT`. A file cut anywhere is `Broken`.
//!   CRCs are not checked: the decoder does that, and a report survives a logo it refuses.
//! - JPEG: `SOI`, marker segments walked by their lengths to the frame header (`SOF0`–`SOF15`
//!   but DHT, JPG and DAC) for height and width, then on to the first `SOS`; the file is whole
//!   when an `EOI` follows. Entropy-coded data never holds `FF D9` (every `FF` in it is stuffed),
//!   so finding it is enough.

/// The two image types a logo may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Jpeg,
}

impl Format {
    pub fn mime(self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Jpeg => "image/jpeg",
        }
    }
}

/// What the headers of a whole PNG or JPEG say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageHeader {
    pub format: Format,
    pub width: u32,
    pub height: u32,
}

/// Why bytes are not a usable image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    /// Neither PNG nor JPEG by the first bytes.
    NotAnImage,
    /// A PNG or JPEG that is cut off or whose headers make no sense.
    Broken,
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

pub(crate) fn read(data: &[u8]) -> Result<ImageHeader, Problem> {
    if data.starts_with(PNG_SIGNATURE) {
        png(data)
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg(data)
    } else {
        Err(Problem::NotAnImage)
    }
}

fn be32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

fn be16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn png(data: &[u8]) -> Result<ImageHeader, Problem> {
    let mut at = PNG_SIGNATURE.len();
    let mut size = None;
    let mut idat = false;
    loop {
        let length = be32(data, at).ok_or(Problem::Broken)? as usize;
        let kind = data.get(at + 4..at + 8).ok_or(Problem::Broken)?;
        let body = at + 8;
        // The chunk's data and its CRC must be there.
        let end = body
            .checked_add(length)
            .and_then(|e| e.checked_add(4))
            .filter(|e| *e <= data.len())
            .ok_or(Problem::Broken)?;
        match (kind, size) {
            (b"IHDR", None) if length == 13 => {
                let (w, h) = (be32(data, body), be32(data, body + 4));
                size = w.zip(h).filter(|(w, h)| *w > 0 && *h > 0);
                if size.is_none() {
                    return Err(Problem::Broken);
                }
            }
            // IHDR comes first and once.
            (_, None) | (b"IHDR", Some(_)) => return Err(Problem::Broken),
            (b"IDAT", _) => idat = true,
            (b"IEND", Some((width, height))) if idat => {
                return Ok(ImageHeader {
                    format: Format::Png,
                    width,
                    height,
                });
            }
            (b"IEND", _) => return Err(Problem::Broken),
            _ => {}
        }
        at = end;
    }
}

fn jpeg(data: &[u8]) -> Result<ImageHeader, Problem> {
    let mut at = 2;
    let mut size = None;
    loop {
        if data.get(at) != Some(&0xFF) {
            return Err(Problem::Broken);
        }
        // Any number of 0xFF may pad before the marker byte.
        while data.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let marker = *data.get(at + 1).ok_or(Problem::Broken)?;
        at += 2;
        // Markers without a segment.
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            continue;
        }
        if marker == 0xD8 || marker == 0xD9 {
            return Err(Problem::Broken);
        }
        let length = usize::from(be16(data, at).ok_or(Problem::Broken)?);
        let end = at + length;
        if length < 2 || end > data.len() {
            return Err(Problem::Broken);
        }
        let frame = (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker);
        if frame && size.is_none() {
            // Length, precision, height, width.
            let height = be16(data, at + 3).filter(|_| length >= 8);
            let width = be16(data, at + 5).filter(|_| length >= 8);
            size = width
                .zip(height)
                .filter(|(w, h)| *w > 0 && *h > 0)
                .map(|(w, h)| (u32::from(w), u32::from(h)));
            if size.is_none() {
                return Err(Problem::Broken);
            }
        }
        if marker == 0xDA {
            let (width, height) = size.ok_or(Problem::Broken)?;
            let whole = data[end..].windows(2).any(|w| w == [0xFF, 0xD9]);
            return if whole {
                Ok(ImageHeader {
                    format: Format::Jpeg,
                    width,
                    height,
                })
            } else {
                Err(Problem::Broken)
            };
        }
        at = end;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], body: &[u8]) {
        out.extend((body.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(body);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }

    /// A whole PNG whose headers claim `width` × `height`; its pixel data is not.
    pub(crate) fn png_claiming(width: u32, height: u32) -> Vec<u8> {
        let mut out = PNG_SIGNATURE.to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend(width.to_be_bytes());
        ihdr.extend(height.to_be_bytes());
        ihdr.extend([8, 0, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        chunk(
            &mut out,
            b"IDAT",
            &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
        );
        chunk(&mut out, b"IEND", &[]);
        out
    }

    /// An 8 × 8 grey baseline JPEG (made by ImageMagick).
    pub(crate) const JPEG: &str = "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605\
        080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c3031\
        3434341f27393d38323c2e333432ffc0000b080008000801011100ffc4001400010000000000000000000000\
        0000000001ffc40014100100000000000000000000000000000000ffda0008010100003f001fffd9";

    pub(crate) fn jpeg() -> Vec<u8> {
        (0..JPEG.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&JPEG[i..i + 2], 16).expect("hex"))
            .collect()
    }

    #[test]
    fn png_size_comes_from_ihdr() {
        let png = png_claiming(20_000, 30_000);
        let h = read(&png).expect("whole");
        assert_eq!((h.format, h.width, h.height), (Format::Png, 20_000, 30_000));
    }

    #[test]
    fn a_png_cut_anywhere_is_broken() {
        let png = png_claiming(10, 10);
        for cut in PNG_SIGNATURE.len()..png.len() {
            assert_eq!(read(&png[..cut]), Err(Problem::Broken), "cut at {cut}");
        }
    }

    #[test]
    fn jpeg_size_comes_from_the_frame_header() {
        let h = read(&jpeg()).expect("whole");
        assert_eq!((h.format, h.width, h.height), (Format::Jpeg, 8, 8));
    }

    #[test]
    fn a_jpeg_cut_anywhere_is_broken() {
        let jpeg = jpeg();
        for cut in 3..jpeg.len() {
            assert_eq!(read(&jpeg[..cut]), Err(Problem::Broken), "cut at {cut}");
        }
    }

    #[test]
    fn other_bytes_are_not_an_image() {
        assert_eq!(read(b"GIF89a"), Err(Problem::NotAnImage));
        assert_eq!(read(b""), Err(Problem::NotAnImage));
    }
}

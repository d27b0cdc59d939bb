//! The kop (letterhead) as the plan stores it beyond the identity: its logo. Users read
//! "kop" on the identity form and on every report, so the module keeps that name; the
//! letterhead's text comes from the identity and is laid out by `report`.
//!
//! What this module must keep:
//! - A logo is checked before it is stored: at most [`MAX_LOGO_BYTES`], a whole PNG or JPEG
//!   within the pixel limit (`limits::logo`, headers only), and decodable, or every report
//!   would print without it.
//! - Reading never fails on a bad stored logo (possible only in a file from elsewhere): it
//!   counts as none, so reports go out without it and the form offers to choose another.
//! - It gets `storage` handles, never a `Plan`; setting and removing are edits that
//!   `plan::kop` runs as one undoable transaction each.

use std::io::Read as _;
use std::path::Path;

use crate::error::{Error, Result};
use crate::limits::{self, Format};
use crate::naming::FileFilter;
use crate::storage::{self, Read, Write};

pub use crate::limits::MAX_LOGO_BYTES;

/// What the dialog for choosing a logo offers first.
pub const LOGO_FILTER: FileFilter = FileFilter {
    label: "Gambar PNG atau JPEG",
    extensions: &["png", "jpg", "jpeg"],
};

/// The letterhead logo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub data: Vec<u8>,
    pub mime: &'static str,
}

/// Read and check the image at `path` for the letterhead.
pub(crate) fn read_logo(path: &Path) -> Result<Logo> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    limits::logo_bytes(file.metadata().map_err(|e| Error::io(path, e))?.len())?;
    let mut data = Vec::new();
    file.take(MAX_LOGO_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(|e| Error::io(path, e))?;
    // Bytes, type, wholeness and pixels from the headers, before any pixel is decoded.
    let header = limits::logo(&data)?;
    // The image must also decode, or every report would print without it.
    use typst::visualize::{ExchangeFormat, RasterImage};
    let format = match header.format {
        Format::Png => ExchangeFormat::Png,
        Format::Jpeg => ExchangeFormat::Jpg,
    };
    if RasterImage::plain(typst::foundations::Bytes::new(data.clone()), format).is_err() {
        return Err(Error::invalid(
            "logo",
            "Gambar logo rusak atau tidak dapat dibaca.",
        ));
    }
    Ok(Logo {
        data,
        mime: header.format.mime(),
    })
}

/// The letterhead logo, if one is set and within the limits.
pub(crate) fn logo(db: &Read) -> Result<Option<Logo>> {
    Ok(storage::logo::data(db)?.and_then(|data| {
        Some(Logo {
            mime: limits::logo(&data).ok()?.format.mime(),
            data,
        })
    }))
}

pub(crate) fn set_logo(tx: &Write<'_>, logo: &Logo, now: &str) -> Result<()> {
    storage::logo::put(tx, &logo.data, logo.mime, now)
}

pub(crate) fn remove_logo(tx: &Write<'_>) -> Result<()> {
    storage::logo::delete(tx)
}

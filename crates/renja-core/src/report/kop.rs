//! What reports keep in the plan beyond its identity: the logo of the letterhead and the
//! team's conclusions and recommendations for the yearly report. Both are edits like any
//! other (undoable, refused on read-only plans).

use std::io::Read;
use std::path::Path;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::plan::Plan;
use crate::transact::Op;

/// Largest logo accepted; a letterhead logo is a few hundred kilobytes at most.
pub const MAX_LOGO_BYTES: u64 = 2 * 1024 * 1024;

/// The letterhead logo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub data: Vec<u8>,
    pub mime: &'static str,
}

/// The team's conclusions and recommendations, printed in the Laporan Monev Tahunan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CatatanTahunan {
    pub kesimpulan: String,
    pub rekomendasi: String,
}

/// The image type from the first bytes; the name of the file does not matter.
fn image_mime(data: &[u8]) -> Option<&'static str> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

fn read_logo(path: &Path) -> Result<Logo> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut data = Vec::new();
    file.take(MAX_LOGO_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(|e| Error::io(path, e))?;
    if data.len() as u64 > MAX_LOGO_BYTES {
        return Err(Error::invalid(
            "logo",
            "Berkas logo terlalu besar (paling besar 2 MB).",
        ));
    }
    let mime = image_mime(&data)
        .ok_or_else(|| Error::invalid("logo", "Logo harus berupa gambar PNG atau JPEG."))?;
    // The image must also decode, or every report would fail later.
    use typst::visualize::{ExchangeFormat, RasterImage};
    let format = if mime == "image/png" {
        ExchangeFormat::Png
    } else {
        ExchangeFormat::Jpg
    };
    if RasterImage::plain(typst::foundations::Bytes::new(data.clone()), format).is_err() {
        return Err(Error::invalid(
            "logo",
            "Gambar logo rusak atau tidak dapat dibaca.",
        ));
    }
    Ok(Logo { data, mime })
}

impl Plan {
    /// The letterhead logo, if one is set.
    pub fn logo(&self) -> Result<Option<Logo>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT data, mime FROM logo WHERE id = 1")?
            .query_row([], |r| {
                Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?
            .and_then(|(data, _)| {
                Some(Logo {
                    mime: image_mime(&data)?,
                    data,
                })
            }))
    }

    pub fn set_logo(&mut self, path: &Path) -> Result<()> {
        let logo = read_logo(path)?;
        self.transact(Op::SetLogo, |tx, now| {
            tx.execute(
                "INSERT INTO logo (id, data, mime, modified_at) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET data = ?1, mime = ?2, modified_at = ?3",
                params![logo.data, logo.mime, now],
            )?;
            Ok(())
        })
    }

    pub fn remove_logo(&mut self) -> Result<()> {
        self.transact(Op::RemoveLogo, |tx, _| {
            tx.execute("DELETE FROM logo", [])?;
            Ok(())
        })
    }

    pub fn catatan_tahunan(&self) -> Result<CatatanTahunan> {
        Ok(self
            .conn()
            .prepare_cached("SELECT kesimpulan, rekomendasi FROM plan WHERE id = 1")?
            .query_row([], |r| {
                Ok(CatatanTahunan {
                    kesimpulan: r.get(0)?,
                    rekomendasi: r.get(1)?,
                })
            })?)
    }

    pub fn set_catatan_tahunan(&mut self, catatan: &CatatanTahunan) -> Result<()> {
        let kesimpulan = crate::realisasi::note("kesimpulan", "Kesimpulan", &catatan.kesimpulan)?;
        let rekomendasi =
            crate::realisasi::note("rekomendasi", "Rekomendasi", &catatan.rekomendasi)?;
        self.transact(Op::CatatanTahunan, |tx, now| {
            tx.execute(
                "UPDATE plan SET kesimpulan = ?1, rekomendasi = ?2, modified_at = ?3 WHERE id = 1",
                params![kesimpulan, rekomendasi, now],
            )?;
            Ok(())
        })
    }
}

//! What reports keep in the plan beyond its identity: the logo of the letterhead and the
//! team's conclusions and recommendations for the yearly report. Both are edits like any
//! other (undoable, refused on read-only plans).

use std::io::Read;
use std::path::Path;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::limits::{self, Format, MAX_CATATAN_TAHUNAN as MAX};
use crate::plan::Plan;
use crate::realisasi::note;
use crate::undo::Op;

pub use crate::limits::MAX_LOGO_BYTES;

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

fn read_logo(path: &Path) -> Result<Logo> {
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

impl Plan {
    /// The letterhead logo, if one is set. A logo that breaks the limits (cut off, not PNG or
    /// JPEG, too many pixels: possible only in a file from elsewhere) counts as none, so
    /// reports go out without it and the form offers to choose another.
    pub fn logo(&self) -> Result<Option<Logo>> {
        Ok(self
            .db()
            .prepare_cached("SELECT data FROM logo WHERE id = 1")?
            .query_row([], |r| r.get::<_, Vec<u8>>(0))
            .optional()?
            .and_then(|data| {
                Some(Logo {
                    mime: limits::logo(&data).ok()?.format.mime(),
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
            .db()
            .prepare_cached("SELECT kesimpulan, rekomendasi FROM plan WHERE id = 1")?
            .query_row([], |r| {
                Ok(CatatanTahunan {
                    kesimpulan: r.get(0)?,
                    rekomendasi: r.get(1)?,
                })
            })?)
    }

    pub fn set_catatan_tahunan(&mut self, catatan: &CatatanTahunan) -> Result<()> {
        let kesimpulan = note("kesimpulan", "Kesimpulan", &catatan.kesimpulan, MAX)?;
        let rekomendasi = note("rekomendasi", "Rekomendasi", &catatan.rekomendasi, MAX)?;
        self.transact(Op::CatatanTahunan, |tx, now| {
            tx.execute(
                "UPDATE plan SET kesimpulan = ?1, rekomendasi = ?2, modified_at = ?3 WHERE id = 1",
                params![kesimpulan, rekomendasi, now],
            )?;
            Ok(())
        })
    }
}

//! The narrative of the Laporan Tahunan's chapters (BAB I–IV), written by the team on the
//! Laporan page and stored in the `bab` table, one row per chapter written. BAB V (Penutup)
//! is the kesimpulan and rekomendasi of `catatan_tahunan`: one place for one text.
//!
//! It checks and stores the text; `report` only reads it. It gets `storage` handles, never a
//! `Plan`.

use crate::error::Result;
use crate::limits::MAX_BAB;
use crate::model::{Bab, BabKunci};
use crate::realisasi::note;
use crate::storage::{self, Read, Write};

/// A chapter's text as it is stored: tidied like every note, within [`MAX_BAB`] characters,
/// Windows line ends made plain.
pub(crate) fn check(kunci: BabKunci, teks: &str) -> Result<String> {
    let teks = teks.replace("\r\n", "\n").replace('\r', "\n");
    note("teks", &kunci.label(), &teks, MAX_BAB)
}

/// Every chapter; one nobody wrote is empty. A row with a key this version does not know
/// cannot exist (the schema's CHECK), so none is dropped silently.
pub(crate) fn get(db: &Read) -> Result<Bab> {
    let mut bab = Bab::default();
    for (kunci, teks) in storage::bab::all(db)? {
        if let Some(k) = BabKunci::from_code(&kunci) {
            *bab.get_mut(k) = teks;
        }
    }
    Ok(bab)
}

/// Store a text already [`check`]ed.
pub(crate) fn set(tx: &Write<'_>, kunci: BabKunci, teks: &str, now: &str) -> Result<()> {
    storage::bab::put(tx, kunci.code(), teks, now)
}

/// One block of a chapter as it prints: a paragraph, or an item of a "- " list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Blok {
    /// True for a list item (its "- " is not part of `teks`).
    pub butir: bool,
    pub teks: String,
}

/// A chapter's text as blocks: each non-empty line is a paragraph, a line starting with "- "
/// (or "• ") a list item.
pub fn blok(teks: &str) -> Vec<Blok> {
    teks.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(
            |l| match l.strip_prefix("- ").or_else(|| l.strip_prefix("• ")) {
                Some(item) => Blok {
                    butir: true,
                    teks: item.trim().to_owned(),
                },
                None => Blok {
                    butir: false,
                    teks: l.to_owned(),
                },
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_paragraphs_and_dashes_list_items() {
        let b = blok("Paragraf satu.\n\n- butir a\n-tanpa spasi\n• butir b\n  Paragraf dua.  ");
        assert_eq!(
            b,
            vec![
                Blok {
                    butir: false,
                    teks: "Paragraf satu.".into()
                },
                Blok {
                    butir: true,
                    teks: "butir a".into()
                },
                Blok {
                    butir: false,
                    teks: "-tanpa spasi".into()
                },
                Blok {
                    butir: true,
                    teks: "butir b".into()
                },
                Blok {
                    butir: false,
                    teks: "Paragraf dua.".into()
                },
            ]
        );
    }
}

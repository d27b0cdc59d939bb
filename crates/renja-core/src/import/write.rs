//! Writing a preview's tree into a plan, through `storage::tree`: appended after the plan's
//! own programs, inside the transaction the caller opened (one undo step when appending, the
//! new plan's filling otherwise).

use super::preview::{GroupNode, ImportTree};
use crate::error::Result;
use crate::model::Jadwal;
use crate::storage::Write;
use crate::storage::tree::{self, NewTahapan};

fn mask(bulan: &[u8]) -> Jadwal {
    let bits = bulan
        .iter()
        .filter(|m| (1..=12).contains(*m))
        .fold(0u16, |acc, m| acc | 1 << (m - 1));
    Jadwal::from_mask(bits).unwrap_or_default()
}

/// Insert `tree` at the end of the plan. The names were cleaned and checked against the
/// limits when the preview was built.
pub(crate) fn write(tx: &Write<'_>, now: &str, tree: &ImportTree) -> Result<()> {
    for p in &tree.programs {
        let program = tree::insert_program(tx, &p.nama, now)?;
        for o in &p.children {
            let outcome = tree::insert_outcome(tx, program, &o.nama, now)?;
            for k in &o.children {
                let kegiatan = tree::insert_kegiatan(tx, outcome, &k.nama, now)?;
                for u in &k.children {
                    output(tx, now, kegiatan, u)?;
                }
            }
        }
    }
    Ok(())
}

fn output(
    tx: &Write<'_>,
    now: &str,
    kegiatan: crate::ids::KegiatanId,
    u: &GroupNode,
) -> Result<()> {
    let output = tree::insert_output(tx, kegiatan, &u.nama, now)?;
    for t in &u.tahapan {
        tree::insert_tahapan(
            tx,
            output,
            &NewTahapan {
                nama: &t.nama,
                bulan: mask(&t.bulan),
                kriteria: &t.kriteria,
                penanggung_jawab: &t.penanggung_jawab,
            },
            now,
        )?;
    }
    Ok(())
}

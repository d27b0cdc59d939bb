//! The Rencana Aksi table as in section 3.2 of the Renja RB: No, Program, Kegiatan,
//! Outcome/Output, Tahapan Kerja, months 1–12, Kriteria Keberhasilan, Penanggung Jawab.
//!
//! The tree is flattened here into table rows with the row spans of the group cells already
//! worked out, so the typst template and the XLSX writer draw the same table: a program row
//! carries its first outcome (as in the source document), each further outcome is a heading
//! row, kegiatan and output cells span their tahapan.

use serde::Serialize;

use super::data::Konteks;
use super::pages::{self, Keep, Row, lines};

/// A group cell: its text and how many rows it spans (from the row it appears on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sel {
    pub teks: String,
    pub baris: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RaBaris {
    /// "1" on a program's first row (spanning the program), else none.
    pub no: Option<Sel>,
    pub program: Option<Sel>,
    pub kegiatan: Option<Sel>,
    /// The Outcome/Output column: an output spanning its tahapan.
    pub output: Option<Sel>,
    /// On an outcome heading row: the outcome, in the Outcome/Output column.
    pub outcome: Option<String>,
    pub tahapan: String,
    /// Scheduled months, twelve flags.
    pub bulan: Vec<bool>,
    pub kriteria: String,
    pub penanggung_jawab: String,
    /// How the row falls on the PDF's pages: an outcome stays with the row under it, the
    /// last rows with the signature ([`pages`]).
    pub keep: Keep,
}

#[derive(Debug, Clone, Serialize)]
pub struct RencanaAksi {
    pub baris: Vec<RaBaris>,
    pub jumlah_tahapan: u32,
}

fn blank() -> RaBaris {
    RaBaris {
        no: None,
        program: None,
        kegiatan: None,
        output: None,
        outcome: None,
        tahapan: String::new(),
        bulan: vec![false; 12],
        kriteria: String::new(),
        penanggung_jawab: String::new(),
        keep: Keep::default(),
    }
}

fn sel(teks: &str, baris: usize) -> Option<Sel> {
    Some(Sel {
        teks: teks.to_owned(),
        baris: baris as u32,
    })
}

pub(crate) fn build(ctx: &Konteks) -> RencanaAksi {
    let mut baris = Vec::new();
    let mut jumlah_tahapan = 0;
    for program in &ctx.programs {
        let start = baris.len();
        for outcome in &program.outcomes {
            baris.push(RaBaris {
                outcome: Some(outcome.nama.clone()),
                ..blank()
            });
            for kegiatan in &outcome.kegiatan {
                let first_of_kegiatan = baris.len();
                for output in &kegiatan.outputs {
                    let first_of_output = baris.len();
                    for t in &output.tahapan {
                        jumlah_tahapan += 1;
                        baris.push(RaBaris {
                            tahapan: t.nama.clone(),
                            bulan: (1..=12).map(|m| t.bulan.contains(&m)).collect(),
                            kriteria: t.kriteria.clone(),
                            penanggung_jawab: t.penanggung_jawab.clone(),
                            ..blank()
                        });
                    }
                    if baris.len() == first_of_output {
                        baris.push(blank());
                    }
                    baris[first_of_output].output =
                        sel(&output.nama, baris.len() - first_of_output);
                }
                if baris.len() == first_of_kegiatan {
                    baris.push(blank());
                }
                baris[first_of_kegiatan].kegiatan =
                    sel(&kegiatan.nama, baris.len() - first_of_kegiatan);
            }
        }
        if baris.len() == start {
            baris.push(blank());
        }
        let span = baris.len() - start;
        baris[start].no = sel(&program.nomor.to_string(), span);
        baris[start].program = sel(&program.nama, span);
    }
    keep(&mut baris);
    RencanaAksi {
        baris,
        jumlah_tahapan,
    }
}

/// Group the rows for the PDF's pages. A group cell (program, kegiatan, output) needs as
/// many rows beside it as its text is tall; when the rows it spans are shorter, typst grows
/// the last of them by the difference, so that row is counted taller.
fn keep(baris: &mut [RaBaris]) {
    let mut rows: Vec<Row> = baris
        .iter()
        .map(|r| match &r.outcome {
            Some(outcome) => Row::heading(lines(outcome)),
            None => Row::new(
                lines(&r.tahapan)
                    .max(lines(&r.kriteria))
                    .max(lines(&r.penanggung_jawab)),
            ),
        })
        .collect();
    // Inner cells first, so an outer cell sees the rows as they grow.
    let cells: [fn(&RaBaris) -> &Option<Sel>; 3] = [|r| &r.output, |r| &r.kegiatan, |r| &r.program];
    for cell in cells {
        for (i, r) in baris.iter().enumerate() {
            let Some(sel) = cell(r) else { continue };
            let span = (sel.baris as usize).clamp(1, rows.len() - i);
            let need = lines(&sel.teks);
            let beside: u32 = rows[i..i + span].iter().map(|r| r.lines).sum();
            if need > beside {
                rows[i + span - 1].lines += need - beside;
            }
            rows[i].spans = rows[i].spans.max(need);
        }
    }
    for (r, k) in baris
        .iter_mut()
        .zip(pages::keep(&rows, Some(pages::SIGNATURE_LINES)))
    {
        r.keep = k;
    }
}

//! The texts of the reference plan (the built-in template), gathered per program, that
//! synthetic plans are written from: see "Texts" in the `generate` module documentation.

use crate::error::{Error, Result};
use crate::template;

/// One program of the reference plan and its distinct texts, in order of first appearance.
#[derive(Default)]
pub(super) struct SeedProgram {
    no: u32,
    pub(super) nama: String,
    pub(super) pokja: String,
    pub(super) outcomes: Vec<String>,
    pub(super) kegiatan: Vec<String>,
    pub(super) outputs: Vec<String>,
    /// (tahapan, its kriteria or "").
    pub(super) tahapan: Vec<(String, String)>,
    pub(super) kriteria: Vec<String>,
}

pub(super) struct Seed {
    pub(super) programs: Vec<SeedProgram>,
    /// Every distinct non-empty penanggung jawab.
    pub(super) teams: Vec<String>,
}

fn push_new(list: &mut Vec<String>, text: &str) {
    if !text.is_empty() && !list.iter().any(|t| t == text) {
        list.push(text.to_owned());
    }
}

impl Seed {
    pub(super) fn parse() -> Result<Seed> {
        let rows = template::rows()?;
        let mut programs: Vec<SeedProgram> = Vec::new();
        let mut teams = Vec::new();
        for row in rows {
            let i = match programs.iter().position(|p| p.no == row.program_no) {
                Some(i) => i,
                None => {
                    programs.push(SeedProgram {
                        no: row.program_no,
                        nama: row.program.clone(),
                        ..SeedProgram::default()
                    });
                    programs.len() - 1
                }
            };
            let p = &mut programs[i];
            push_new(&mut p.outcomes, &row.outcome);
            push_new(&mut p.kegiatan, &row.kegiatan);
            push_new(&mut p.outputs, &row.output);
            push_new(&mut p.kriteria, &row.kriteria_keberhasilan);
            push_new(&mut teams, &row.penanggung_jawab);
            if p.pokja.is_empty() && row.penanggung_jawab.starts_with("Pokja ") {
                p.pokja = row.penanggung_jawab.clone();
            }
            match p.tahapan.iter_mut().find(|(t, _)| *t == row.tahapan) {
                Some((_, k)) if k.is_empty() => k.clone_from(&row.kriteria_keberhasilan),
                Some(_) => {}
                None if row.tahapan.is_empty() => {}
                None => p
                    .tahapan
                    .push((row.tahapan.clone(), row.kriteria_keberhasilan.clone())),
            }
        }
        let complete = |p: &SeedProgram| {
            !p.pokja.is_empty()
                && !p.outcomes.is_empty()
                && !p.kegiatan.is_empty()
                && !p.outputs.is_empty()
                && !p.tahapan.is_empty()
                && !p.kriteria.is_empty()
        };
        if programs.is_empty() || !programs.iter().all(complete) {
            return Err(Error::Internal(
                "built-in template: a program lacks texts to generate from".into(),
            ));
        }
        Ok(Seed { programs, teams })
    }
}

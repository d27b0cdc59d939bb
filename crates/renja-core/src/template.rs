//! The built-in template: the Rencana Aksi of the Renja RB 2023 of Dinas Perkebunan Kabupaten
//! Kutai Kartanegara (section 3.2 of the reference document) and the LKE butir of its section
//! 2.1 (100 butir in 28 indikator of 8 areas), embedded from `assets/template/`. A new plan is
//! either this template or empty.
//!
//! The CSV has one row per tahapan with its parents repeated. Parents are told apart by their
//! text within their own parent, in order of first appearance, so a kegiatan repeated under
//! the same outcome (with a second output) stays one kegiatan.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::lke::{self, ButirInput};
use crate::model::{Jadwal, PlanIdentity};
use crate::storage::Write;
use crate::storage::tree::{self, NewTahapan};

const SEED_CSV: &str = include_str!("../../../assets/template/rencana_aksi_disbun_kukar_2023.csv");
/// The LKE butir of the reference document, as the seed extracted them (`area_no, area,
/// indicator_code, indicator, item_no, item`).
const SEED_LKE_CSV: &str = include_str!("../../../assets/template/lke_pmprb.csv");

/// The year the seed plan is for, and so the year its decree belongs to.
pub const SEED_TAHUN: i32 = 2023;

/// What a new plan starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Template {
    /// The 8 programs, 45 kegiatan, 59 outputs and 106 tahapan of the reference plan.
    Seed,
    /// No programs at all.
    Empty,
}

/// One row of the reference Rencana Aksi: a tahapan with its parents repeated.
#[derive(Debug, Deserialize)]
pub(crate) struct Row {
    pub program_no: u32,
    pub program: String,
    pub outcome: String,
    pub kegiatan: String,
    pub output: String,
    pub tahapan: String,
    pub kriteria_keberhasilan: String,
    pub penanggung_jawab: String,
}

/// The rows of the embedded reference plan, in order.
pub(crate) fn rows() -> Result<Vec<Row>> {
    csv::Reader::from_reader(SEED_CSV.as_bytes())
        .deserialize()
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::Internal(format!("built-in template: {e}")))
}

/// One LKE butir of the reference document.
#[derive(Debug, Deserialize)]
struct LkeRow {
    area_no: u32,
    area: String,
    indicator_code: String,
    indicator: String,
    item: String,
}

/// The template's LKE butir, in order, each with its key: a uuid made from its place in the
/// reference list, so two plans made from the template name the same butir alike and a merge
/// of the two matches them.
pub(crate) fn lke_rows() -> Result<Vec<(Option<String>, ButirInput)>> {
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x7d04_1f5e_93a2_4c8b_a61e_2b58_d0c3_9e47);
    let rows: Vec<LkeRow> = csv::Reader::from_reader(SEED_LKE_CSV.as_bytes())
        .deserialize()
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::Internal(format!("built-in LKE: {e}")))?;
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let key = format!("lke/{}/{}/{i}", r.area_no, r.indicator_code);
            let input = ButirInput {
                area: r.area,
                indikator: r.indicator,
                butir: r.item,
            };
            Ok((
                Some(uuid::Uuid::new_v5(&NAMESPACE, key.as_bytes()).to_string()),
                lke::clean(&input)?,
            ))
        })
        .collect()
}

/// The identity of the reference plan. Its decree (nomor and tanggal) is kept only for the
/// year it was signed for: a plan for another year needs a decree of its own.
pub fn seed_identity(tahun: i32) -> PlanIdentity {
    let own_year = tahun == SEED_TAHUN;
    PlanIdentity {
        pemerintah_daerah: "Pemerintah Kabupaten Kutai Kartanegara".into(),
        instansi: "Dinas Perkebunan".into(),
        unit_kerja: "Sekretariat".into(),
        alamat: "Jl. Muso Bin Salim No. 12 - 13 Kelurahan Melayu".into(),
        telepon: "(0541) 661073 – 661954".into(),
        email: "disbun@kutaikartanegarakab.go.id".into(),
        laman: "https://disbun.kukarkab.go.id/".into(),
        kode_pos: "75512".into(),
        tahun,
        nomor_keputusan: if own_year {
            "B-3951/DISBUN/SET-I/000.7.2.6/12/2022".into()
        } else {
            String::new()
        },
        tanggal_keputusan: if own_year {
            "2022-12-01".into()
        } else {
            String::new()
        },
        tempat_penetapan: "Kutai Kartanegara".into(),
        ..PlanIdentity::default()
    }
}

/// Find the row keyed `key` under `parent`, or insert it with `insert` (at the end of its
/// siblings, so first appearance decides order).
fn find_or_insert<P: Copy + Eq + std::hash::Hash, C: Copy>(
    seen: &mut HashMap<(P, String), C>,
    parent: P,
    key: &str,
    insert: impl FnOnce() -> Result<C>,
) -> Result<C> {
    if let Some(id) = seen.get(&(parent, key.to_owned())) {
        return Ok(*id);
    }
    let id = insert()?;
    seen.insert((parent, key.to_owned()), id);
    Ok(id)
}

/// Insert the template's tree into a fresh plan.
pub(crate) fn apply(tx: &Write<'_>, template: Template, now: &str) -> Result<()> {
    if template == Template::Empty {
        return Ok(());
    }
    let mut programs = HashMap::new();
    let mut outcomes = HashMap::new();
    let mut kegiatan = HashMap::new();
    let mut outputs = HashMap::new();
    for row in rows()? {
        let p = find_or_insert(&mut programs, (), &row.program_no.to_string(), || {
            tree::insert_program(tx, &row.program, now)
        })?;
        let o = find_or_insert(&mut outcomes, p, &row.outcome, || {
            tree::insert_outcome(tx, p, &row.outcome, now)
        })?;
        let k = find_or_insert(&mut kegiatan, o, &row.kegiatan, || {
            tree::insert_kegiatan(tx, o, &row.kegiatan, now)
        })?;
        let u = find_or_insert(&mut outputs, k, &row.output, || {
            tree::insert_output(tx, k, &row.output, now)
        })?;
        tree::insert_tahapan(
            tx,
            u,
            &NewTahapan {
                nama: &row.tahapan,
                bulan: Jadwal::default(),
                kriteria: &row.kriteria_keberhasilan,
                penanggung_jawab: &row.penanggung_jawab,
            },
            now,
        )?;
    }
    lke::add_missing(tx, now, &lke_rows()?)?;
    Ok(())
}

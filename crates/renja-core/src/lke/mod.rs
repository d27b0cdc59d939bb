//! The LKE (lembar kerja evaluasi) of the PMPRB in the plan: the evaluation asks for evidence
//! per butir (area → indikator → butir), while the plan files evidence per tahapan. This
//! module holds the butir of a plan and the links that map one to the other.
//!
//! The rules:
//! - A plan holds its own list of butir, each with its area and indikator as text. The Seed
//!   template brings the 100 butir of the reference document (`template`); an empty plan has
//!   none. Butir are added, changed, deleted and imported (CSV or workbook with the columns
//!   area, indikator, butir: [`import`]) as undoable edits.
//! - Numbers are the list's own order: areas and indikator in order of first appearance, the
//!   butir of an indikator in list order ("1.a.2" is the 1st area, its 1st indikator, that
//!   indikator's 2nd butir), so the LKE view, the package and the Daftar Bukti agree.
//! - A tahapan answers any number of butir, and so does a piece of evidence. Evidence without
//!   links of its own answers the butir of its tahapan ([`Tautan`]): linking a tahapan puts
//!   the evidence already filed under it where the evaluator looks, and an evidence's own
//!   choice overrides its tahapan's when the two differ.
//! - The view ([`view`]) gives each tahapan the state the grid shows it in (`capaian`'s rule,
//!   through `grid`), and each butir its evidence count.
//!
//! This module never sees a `Plan`: `plan::lke` runs each edit as one undoable transaction.
//! SQL is `storage::lke`'s.

pub mod import;
mod view;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::ids::{BuktiId, ButirId, TahapanId};
use crate::limits::{self, MAX_BUTIR_LKE, MAX_LKE};
use crate::storage::lke::{ButirFields, ButirRow, Links};
use crate::storage::{self, Read, Write};

pub(crate) use view::view;
pub use view::{Keadaan, Lke, LkeArea, LkeButir, LkeIndikator, LkeTahapan};

/// A butir as the form (or a CSV row) gives it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct ButirInput {
    pub area: String,
    pub indikator: String,
    pub butir: String,
}

/// One line, whitespace runs as one space.
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `input` tidied and checked, or the error the form shows.
pub(crate) fn clean(input: &ButirInput) -> Result<ButirInput> {
    let mut out = Vec::with_capacity(3);
    for (field, label, value) in [
        ("area", "Area", &input.area),
        ("indikator", "Indikator", &input.indikator),
        ("butir", "Butir", &input.butir),
    ] {
        let value = tidy(value);
        if value.is_empty() {
            return Err(Error::invalid(
                field,
                format!("{label} butir LKE tidak boleh kosong."),
            ));
        }
        limits::text(field, &format!("{label} butir LKE"), &value, MAX_LKE)?;
        if value.chars().any(char::is_control) {
            return Err(Error::invalid(
                field,
                format!("{label} butir LKE berisi karakter yang tidak sah."),
            ));
        }
        out.push(value);
    }
    let butir = out.pop().unwrap_or_default();
    let indikator = out.pop().unwrap_or_default();
    let area = out.pop().unwrap_or_default();
    Ok(ButirInput {
        area,
        indikator,
        butir,
    })
}

fn fields(b: &ButirInput) -> ButirFields<'_> {
    ButirFields {
        area: &b.area,
        indikator: &b.indikator,
        butir: &b.butir,
    }
}

/// Refuse `adding` more butir when the plan would hold more than [`MAX_BUTIR_LKE`].
fn check_room(db: &Read, adding: usize) -> Result<()> {
    let n = storage::lke::count(db)?;
    if n + adding > MAX_BUTIR_LKE {
        return Err(Error::invalid(
            "butir",
            format!(
                "Rencana paling banyak memuat {} butir LKE; sekarang ada {}.",
                limits::ribuan(MAX_BUTIR_LKE as u64),
                limits::ribuan(n as u64)
            ),
        ));
    }
    Ok(())
}

fn missing(id: ButirId) -> Error {
    Error::Missing {
        what: "butir LKE",
        id: id.0,
    }
}

/// Append butir `b` (already [`clean`]ed) to the list.
pub(crate) fn add(tx: &Write<'_>, now: &str, b: &ButirInput) -> Result<ButirId> {
    check_room(tx, 1)?;
    storage::lke::insert(tx, None, &fields(b), now)
}

/// Add the butir `rows` (already [`clean`]ed) that the plan does not hold yet (same area,
/// indikator and text); returns how many were added. `uuid` names the key of each, for the
/// template's butir.
pub(crate) fn add_missing(
    tx: &Write<'_>,
    now: &str,
    rows: &[(Option<String>, ButirInput)],
) -> Result<usize> {
    let held: std::collections::HashSet<(String, String, String)> = storage::lke::list(tx)?
        .into_iter()
        .map(|r| (r.area, r.indikator, r.butir))
        .collect();
    let new: Vec<_> = rows
        .iter()
        .filter(|(_, b)| !held.contains(&(b.area.clone(), b.indikator.clone(), b.butir.clone())))
        .collect();
    check_room(tx, new.len())?;
    for (uuid, b) in &new {
        storage::lke::insert(tx, uuid.as_deref(), &fields(b), now)?;
    }
    Ok(new.len())
}

pub(crate) fn update(tx: &Write<'_>, now: &str, id: ButirId, b: &ButirInput) -> Result<()> {
    if !storage::lke::update(tx, id, &fields(b), now)? {
        return Err(missing(id));
    }
    Ok(())
}

/// Delete a butir and its links (the tahapan and evidence stay).
pub(crate) fn delete(tx: &Write<'_>, id: ButirId) -> Result<()> {
    if !storage::lke::delete(tx, id)? {
        return Err(missing(id));
    }
    Ok(())
}

/// Make `wanted` the set of rows linked from (`links`, `from`) — or, for a butir, the set
/// linked to it — adding and removing links as needed.
fn set_links(
    tx: &Write<'_>,
    now: &str,
    links: Links,
    have: Vec<(i64, ButirId)>,
    wanted: &[(i64, ButirId)],
) -> Result<()> {
    for pair in &have {
        if !wanted.contains(pair) {
            storage::lke::unlink(tx, links, pair.0, pair.1)?;
        }
    }
    for pair in wanted {
        if !have.contains(pair) {
            storage::lke::link(tx, links, pair.0, pair.1, now)?;
        }
    }
    Ok(())
}

fn check_butir(tx: &Write<'_>, butir: &[ButirId]) -> Result<()> {
    for b in butir {
        if !storage::lke::exists(tx, *b)? {
            return Err(missing(*b));
        }
    }
    Ok(())
}

/// Link butir `butir` to exactly the tahapan `tahapan`.
pub(crate) fn set_butir_tahapan(
    tx: &Write<'_>,
    now: &str,
    butir: ButirId,
    tahapan: &[TahapanId],
) -> Result<()> {
    check_butir(tx, &[butir])?;
    for t in tahapan {
        if !storage::lke::from_exists(tx, Links::Tahapan, t.0)? {
            return Err(Error::Missing {
                what: "tahapan",
                id: t.0,
            });
        }
    }
    let have = storage::lke::linked_to(tx, Links::Tahapan, butir)?
        .into_iter()
        .map(|t| (t, butir))
        .collect();
    let wanted: Vec<_> = tahapan.iter().map(|t| (t.0, butir)).collect();
    set_links(tx, now, Links::Tahapan, have, &wanted)
}

/// Link tahapan `tahapan` to exactly the butir `butir`.
pub(crate) fn set_tahapan_butir(
    tx: &Write<'_>,
    now: &str,
    tahapan: TahapanId,
    butir: &[ButirId],
) -> Result<()> {
    set_from(tx, now, Links::Tahapan, tahapan.0, butir, "tahapan")
}

/// Link evidence `bukti` to exactly the butir `butir`; none: it answers its tahapan's butir.
pub(crate) fn set_bukti_butir(
    tx: &Write<'_>,
    now: &str,
    bukti: BuktiId,
    butir: &[ButirId],
) -> Result<()> {
    set_from(tx, now, Links::Bukti, bukti.0, butir, "bukti")
}

fn set_from(
    tx: &Write<'_>,
    now: &str,
    links: Links,
    from: i64,
    butir: &[ButirId],
    what: &'static str,
) -> Result<()> {
    if !storage::lke::from_exists(tx, links, from)? {
        return Err(Error::Missing { what, id: from });
    }
    check_butir(tx, butir)?;
    let have = storage::lke::butir_of(tx, links, from)?
        .into_iter()
        .map(|b| (from, b))
        .collect();
    let wanted: Vec<_> = butir.iter().map(|b| (from, *b)).collect();
    set_links(tx, now, links, have, &wanted)
}

/// The butir of a piece of evidence: its own links when it has any (`own`), else its
/// tahapan's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BuktiButir {
    pub butir: Vec<ButirId>,
    /// The evidence chose its butir itself; false: they are its tahapan's.
    pub own: bool,
}

/// Every link, read once, with what each piece of evidence answers.
pub(crate) struct Tautan {
    pub butir_tahapan: HashMap<ButirId, Vec<TahapanId>>,
    pub bukti_butir: HashMap<BuktiId, BuktiButir>,
    /// The evidence answering each butir, by id.
    pub butir_bukti: HashMap<ButirId, Vec<BuktiId>>,
}

pub(crate) fn tautan(db: &Read) -> Result<Tautan> {
    let mut tahapan_butir: HashMap<TahapanId, Vec<ButirId>> = HashMap::new();
    let mut butir_tahapan: HashMap<ButirId, Vec<TahapanId>> = HashMap::new();
    for (t, b) in storage::lke::tahapan_links(db)? {
        tahapan_butir.entry(t).or_default().push(b);
        butir_tahapan.entry(b).or_default().push(t);
    }
    let mut own: HashMap<BuktiId, Vec<ButirId>> = HashMap::new();
    for (k, b) in storage::lke::bukti_links(db)? {
        own.entry(k).or_default().push(b);
    }
    let mut bukti_butir = HashMap::new();
    let mut butir_bukti: HashMap<ButirId, Vec<BuktiId>> = HashMap::new();
    for (k, t) in storage::lke::bukti_tahapan(db)? {
        let answer = match own.remove(&k) {
            Some(butir) => BuktiButir { butir, own: true },
            None => BuktiButir {
                butir: tahapan_butir.get(&t).cloned().unwrap_or_default(),
                own: false,
            },
        };
        for b in &answer.butir {
            butir_bukti.entry(*b).or_default().push(k);
        }
        bukti_butir.insert(k, answer);
    }
    for list in butir_bukti.values_mut() {
        list.sort();
        list.dedup();
    }
    Ok(Tautan {
        butir_tahapan,
        bukti_butir,
        butir_bukti,
    })
}

/// The butir of one piece of evidence (see [`Tautan`]).
pub(crate) fn bukti_butir(db: &Read, bukti: BuktiId) -> Result<BuktiButir> {
    tautan(db)?
        .bukti_butir
        .remove(&bukti)
        .ok_or(Error::Missing {
            what: "bukti",
            id: bukti.0,
        })
}

/// A butir with its number.
#[derive(Debug, Clone)]
pub(crate) struct Nomor {
    pub row: ButirRow,
    /// "1.a.2".
    pub nomor: String,
}

/// An indikator with its butir.
#[derive(Debug, Clone)]
pub(crate) struct Indikator {
    /// "1.a".
    pub nomor: String,
    pub nama: String,
    pub butir: Vec<Nomor>,
}

/// An area with its indikator.
#[derive(Debug, Clone)]
pub(crate) struct Area {
    pub nomor: u32,
    pub nama: String,
    pub indikator: Vec<Indikator>,
}

/// The letters of the `i`-th indikator (0-based): "a" … "z", "aa", "ab", …
fn kode(i: usize) -> String {
    let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
    if i < 26 {
        letter(i).to_string()
    } else {
        format!("{}{}", kode(i / 26 - 1), letter(i))
    }
}

/// The butir of the plan grouped and numbered (see the module docs).
pub(crate) fn daftar(db: &Read) -> Result<Vec<Area>> {
    Ok(group(storage::lke::list(db)?))
}

/// Butir rows grouped by indikator, in order of first appearance.
type ByIndikator = Vec<(String, Vec<ButirRow>)>;

fn group(rows: Vec<ButirRow>) -> Vec<Area> {
    let mut areas: Vec<(String, ByIndikator)> = Vec::new();
    let mut area_at: HashMap<String, usize> = HashMap::new();
    let mut indikator_at: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for row in rows {
        let a = *area_at.entry(row.area.clone()).or_insert_with(|| {
            areas.push((row.area.clone(), Vec::new()));
            areas.len() - 1
        });
        let list = &mut areas[a].1;
        let i = *indikator_at
            .entry((a, row.indikator.clone()))
            .or_insert_with(|| {
                list.push((row.indikator.clone(), Vec::new()));
                list.len() - 1
            });
        list[i].1.push(row);
    }
    areas
        .into_iter()
        .enumerate()
        .map(|(ai, (nama, indikator))| {
            let nomor = ai as u32 + 1;
            Area {
                nomor,
                nama,
                indikator: indikator
                    .into_iter()
                    .enumerate()
                    .map(|(ii, (nama, butir))| {
                        let prefix = format!("{nomor}.{}", kode(ii));
                        Indikator {
                            butir: butir
                                .into_iter()
                                .enumerate()
                                .map(|(bi, row)| Nomor {
                                    row,
                                    nomor: format!("{prefix}.{}", bi + 1),
                                })
                                .collect(),
                            nomor: prefix,
                            nama,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indikator_codes_are_letters() {
        assert_eq!(kode(0), "a");
        assert_eq!(kode(25), "z");
        assert_eq!(kode(26), "aa");
        assert_eq!(kode(27), "ab");
        assert_eq!(kode(52), "ba");
    }

    fn row(id: i64, area: &str, indikator: &str, butir: &str) -> ButirRow {
        ButirRow {
            id: ButirId(id),
            uuid: format!("u{id}"),
            area: area.into(),
            indikator: indikator.into(),
            butir: butir.into(),
        }
    }

    #[test]
    fn groups_by_first_appearance_and_numbers_in_order() {
        let areas = group(vec![
            row(1, "A", "x", "1"),
            row(2, "B", "y", "2"),
            row(3, "A", "z", "3"),
            row(4, "A", "x", "4"),
        ]);
        assert_eq!(areas.len(), 2);
        assert_eq!(areas[0].nama, "A");
        assert_eq!(areas[0].indikator[0].nomor, "1.a");
        let x: Vec<_> = areas[0].indikator[0]
            .butir
            .iter()
            .map(|b| (b.nomor.as_str(), b.row.id.0))
            .collect();
        assert_eq!(x, [("1.a.1", 1), ("1.a.2", 4)]);
        assert_eq!(areas[0].indikator[1].butir[0].nomor, "1.b.1");
        assert_eq!(areas[1].indikator[0].butir[0].nomor, "2.a.1");
    }

    #[test]
    fn clean_refuses_empty_and_control_text() {
        let input = |a: &str, i: &str, b: &str| ButirInput {
            area: a.into(),
            indikator: i.into(),
            butir: b.into(),
        };
        let ok = clean(&input("  Area  1 ", "Ind\n x", "Butir")).expect("clean");
        assert_eq!(
            (ok.area.as_str(), ok.indikator.as_str()),
            ("Area 1", "Ind x")
        );
        for (bad, field) in [
            (input("", "i", "b"), "area"),
            (input("a", " ", "b"), "indikator"),
            (input("a", "i", ""), "butir"),
            (input("a", "i", "x\u{7}y"), "butir"),
            (input("a", "i", &"x".repeat(MAX_LKE + 1)), "butir"),
        ] {
            match clean(&bad) {
                Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{other:?}"),
            }
        }
    }
}

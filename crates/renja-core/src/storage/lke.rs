//! The `lke_butir`, `tahapan_lke` and `bukti_lke` tables: the LKE butir of a plan, in one
//! ordered list, and the links from tahapan and evidence to them. What a link means (evidence
//! without links of its own answers its tahapan's butir) is decided by `crate::lke`.

use rusqlite::{OptionalExtension, params};

use super::position::{self, Siblings};
use super::{Read, Write};
use crate::error::Result;
use crate::ids::{BuktiId, ButirId, TahapanId};
use crate::model::{DumpButir, DumpLink};

/// The butir as one ordered list.
const LIST: Siblings = Siblings::all("lke_butir");

/// A butir as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ButirRow {
    pub id: ButirId,
    pub uuid: String,
    pub area: String,
    pub indikator: String,
    pub butir: String,
}

/// The columns of a butir that the form writes, checked by the caller.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ButirFields<'a> {
    pub area: &'a str,
    pub indikator: &'a str,
    pub butir: &'a str,
}

/// Every butir, in list order.
pub(crate) fn list(db: &Read) -> Result<Vec<ButirRow>> {
    let mut stmt = db.prepare_cached(
        "SELECT id, uuid, area, indikator, butir FROM lke_butir ORDER BY position, uuid",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ButirRow {
            id: r.get(0)?,
            uuid: r.get(1)?,
            area: r.get(2)?,
            indikator: r.get(3)?,
            butir: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn count(db: &Read) -> Result<usize> {
    Ok(db
        .prepare_cached("SELECT count(*) FROM lke_butir")?
        .query_row([], |r| r.get::<_, i64>(0))? as usize)
}

pub(crate) fn exists(db: &Read, id: ButirId) -> Result<bool> {
    Ok(db
        .prepare_cached("SELECT 1 FROM lke_butir WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Append a butir at the end of the list; `uuid` gives it a key of its own choosing (the
/// template's butir), a fresh one when `None`.
pub(crate) fn insert(
    tx: &Write<'_>,
    uuid: Option<&str>,
    f: &ButirFields<'_>,
    now: &str,
) -> Result<ButirId> {
    let position = position::next(tx, LIST)?;
    let uuid = uuid.map_or_else(super::new_uuid, str::to_owned);
    tx.prepare_cached(
        "INSERT INTO lke_butir (uuid, area, indikator, butir, position, modified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![uuid, f.area, f.indikator, f.butir, position, now])?;
    Ok(ButirId(tx.last_insert_rowid()))
}

/// Overwrite the texts of butir `id`; false when there is no such row. An unchanged butir is
/// left alone, `modified_at` included.
pub(crate) fn update(tx: &Write<'_>, id: ButirId, f: &ButirFields<'_>, now: &str) -> Result<bool> {
    if !exists(tx, id)? {
        return Ok(false);
    }
    tx.prepare_cached(
        "UPDATE lke_butir SET area = ?1, indikator = ?2, butir = ?3, modified_at = ?4
         WHERE id = ?5 AND (area <> ?1 OR indikator <> ?2 OR butir <> ?3)",
    )?
    .execute(params![f.area, f.indikator, f.butir, now, id])?;
    Ok(true)
}

/// Delete butir `id` with its links; false when there is no such row.
pub(crate) fn delete(tx: &Write<'_>, id: ButirId) -> Result<bool> {
    Ok(tx
        .prepare_cached("DELETE FROM lke_butir WHERE id = ?1")?
        .execute([id])?
        > 0)
}

// --- links ---------------------------------------------------------------------------------

/// `(tahapan id, butir id)` of every link from a tahapan to a butir.
pub(crate) fn tahapan_links(db: &Read) -> Result<Vec<(TahapanId, ButirId)>> {
    let mut stmt = db.prepare_cached("SELECT tahapan_id, butir_id FROM tahapan_lke")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `(bukti id, butir id)` of every link from a piece of evidence to a butir.
pub(crate) fn bukti_links(db: &Read) -> Result<Vec<(BuktiId, ButirId)>> {
    let mut stmt = db.prepare_cached("SELECT bukti_id, butir_id FROM bukti_lke")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `(bukti id, tahapan id)` of every piece of evidence.
pub(crate) fn bukti_tahapan(db: &Read) -> Result<Vec<(BuktiId, TahapanId)>> {
    let mut stmt = db.prepare_cached("SELECT id, tahapan_id FROM bukti")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One of the two link tables: which column names the other row, and the table it is in.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Links {
    Tahapan,
    Bukti,
}

impl Links {
    fn table(self) -> &'static str {
        match self {
            Links::Tahapan => "tahapan_lke",
            Links::Bukti => "bukti_lke",
        }
    }

    fn from(self) -> (&'static str, &'static str) {
        match self {
            Links::Tahapan => ("tahapan_id", "tahapan"),
            Links::Bukti => ("bukti_id", "bukti"),
        }
    }
}

/// The uuid of the link from row `from` (a tahapan or evidence) to butir `butir`: made from
/// the two rows' uuids, so two copies that make the same link give it the same key and a
/// merge sees one link, not two.
fn key(db: &Read, links: Links, from: i64, butir: ButirId) -> Result<String> {
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x3b9f_62c1_8e4d_4a07_b5d2_19c6_e07a_4f18);
    let (_, table) = links.from();
    let from: String = db
        .prepare_cached(&format!("SELECT uuid FROM {table} WHERE id = ?1"))?
        .query_row([from], |r| r.get(0))?;
    let butir: String = db
        .prepare_cached("SELECT uuid FROM lke_butir WHERE id = ?1")?
        .query_row([butir], |r| r.get(0))?;
    Ok(uuid::Uuid::new_v5(&NAMESPACE, format!("{table}/{from}/{butir}").as_bytes()).to_string())
}

/// Whether row `from` of the table `links` points from exists.
pub(crate) fn from_exists(db: &Read, links: Links, from: i64) -> Result<bool> {
    let (_, table) = links.from();
    Ok(db
        .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
        .query_row([from], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The butir row `from` is linked to.
pub(crate) fn butir_of(db: &Read, links: Links, from: i64) -> Result<Vec<ButirId>> {
    let (column, _) = links.from();
    let mut stmt = db.prepare_cached(&format!(
        "SELECT butir_id FROM {} WHERE {column} = ?1 ORDER BY butir_id",
        links.table()
    ))?;
    let rows = stmt.query_map([from], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The rows (tahapan or evidence) linked to butir `butir`.
pub(crate) fn linked_to(db: &Read, links: Links, butir: ButirId) -> Result<Vec<i64>> {
    let (column, _) = links.from();
    let mut stmt = db.prepare_cached(&format!(
        "SELECT {column} FROM {} WHERE butir_id = ?1 ORDER BY {column}",
        links.table()
    ))?;
    let rows = stmt.query_map([butir], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Link row `from` to butir `butir` (nothing happens when it is linked already).
pub(crate) fn link(
    tx: &Write<'_>,
    links: Links,
    from: i64,
    butir: ButirId,
    now: &str,
) -> Result<()> {
    let (column, _) = links.from();
    tx.prepare_cached(&format!(
        "INSERT OR IGNORE INTO {} (uuid, {column}, butir_id, modified_at)
         VALUES (?1, ?2, ?3, ?4)",
        links.table()
    ))?
    .execute(params![key(tx, links, from, butir)?, from, butir, now])?;
    Ok(())
}

/// Remove the link from row `from` to butir `butir`, if there is one.
pub(crate) fn unlink(tx: &Write<'_>, links: Links, from: i64, butir: ButirId) -> Result<()> {
    let (column, _) = links.from();
    tx.prepare_cached(&format!(
        "DELETE FROM {} WHERE {column} = ?1 AND butir_id = ?2",
        links.table()
    ))?
    .execute(params![from, butir])?;
    Ok(())
}

/// Every butir with its links, for `renja dump`: butir in list order, links by key.
pub(crate) fn dump(db: &Read) -> Result<Vec<DumpButir>> {
    let mut stmt = db.prepare_cached(
        "SELECT id, uuid, area, indikator, butir, modified_at, version FROM lke_butir
         ORDER BY position, uuid",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            DumpButir {
                uuid: r.get(1)?,
                area: r.get(2)?,
                indikator: r.get(3)?,
                butir: r.get(4)?,
                modified_at: r.get(5)?,
                version: r.get(6)?,
                tahapan: Vec::new(),
                bukti: Vec::new(),
            },
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, mut butir) = row?;
        for (links, list) in [
            (Links::Tahapan, &mut butir.tahapan),
            (Links::Bukti, &mut butir.bukti),
        ] {
            let (column, table) = links.from();
            let mut stmt = db.prepare_cached(&format!(
                "SELECT l.uuid, f.uuid, l.version FROM {} l JOIN {table} f ON f.id = l.{column}
                 WHERE l.butir_id = ?1 ORDER BY l.uuid",
                links.table()
            ))?;
            let links = stmt.query_map([id], |r| {
                Ok(DumpLink {
                    uuid: r.get(0)?,
                    from: r.get(1)?,
                    version: r.get(2)?,
                })
            })?;
            *list = links.collect::<rusqlite::Result<_>>()?;
        }
        out.push(butir);
    }
    Ok(out)
}

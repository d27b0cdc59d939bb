//! Reads of the whole tree at once: the counts and per-program summaries of the plan screen and
//! `renja info`, and the nested tree of `renja dump`.

use std::collections::HashMap;

use super::super::Read;
use crate::error::Result;
use crate::model::{
    Counts, DumpKegiatan, DumpOutcome, DumpOutput, DumpProgram, DumpTahapan, Jadwal, ProgramSummary,
};

pub(crate) fn counts(db: &Read) -> Result<Counts> {
    Ok(db
        .prepare_cached(
            "SELECT (SELECT count(*) FROM program), (SELECT count(*) FROM outcome),
                    (SELECT count(*) FROM kegiatan), (SELECT count(*) FROM output),
                    (SELECT count(*) FROM tahapan), (SELECT count(*) FROM anggota)",
        )?
        .query_row([], |r| {
            Ok(Counts {
                programs: r.get(0)?,
                outcomes: r.get(1)?,
                kegiatan: r.get(2)?,
                outputs: r.get(3)?,
                tahapan: r.get(4)?,
                anggota: r.get(5)?,
            })
        })?)
}

/// Every program with the number of rows beneath it, in plan order.
pub(crate) fn program_summaries(db: &Read) -> Result<Vec<ProgramSummary>> {
    let mut stmt = db.prepare_cached(
        "SELECT p.id, p.nama,
            (SELECT count(*) FROM outcome o WHERE o.program_id = p.id),
            (SELECT count(*) FROM kegiatan k JOIN outcome o ON k.outcome_id = o.id
                WHERE o.program_id = p.id),
            (SELECT count(*) FROM output u JOIN kegiatan k ON u.kegiatan_id = k.id
                JOIN outcome o ON k.outcome_id = o.id WHERE o.program_id = p.id),
            (SELECT count(*) FROM tahapan t JOIN output u ON t.output_id = u.id
                JOIN kegiatan k ON u.kegiatan_id = k.id JOIN outcome o ON k.outcome_id = o.id
                WHERE o.program_id = p.id)
         FROM program p ORDER BY p.position, p.uuid",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ProgramSummary {
            id: r.get(0)?,
            nomor: 0,
            nama: r.get(1)?,
            outcomes: r.get(2)?,
            kegiatan: r.get(3)?,
            outputs: r.get(4)?,
            tahapan: r.get(5)?,
        })
    })?;
    let mut out: Vec<ProgramSummary> = rows.collect::<rusqlite::Result<_>>()?;
    for (i, p) in out.iter_mut().enumerate() {
        p.nomor = i as u32 + 1;
    }
    Ok(out)
}

/// One row of a tree level: (id, parent id, uuid, nama, modified_at, version).
type LevelRow = (i64, i64, String, String, String, String);

/// Rows of one tree level, in order.
fn level(db: &Read, table: &str, parent_column: &str) -> Result<Vec<LevelRow>> {
    let sql = format!(
        "SELECT id, {parent_column}, uuid, nama, modified_at, version FROM {table}
         ORDER BY {parent_column}, position, uuid"
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Group child rows by parent id, keeping their order.
fn by_parent<T>(rows: impl IntoIterator<Item = (i64, T)>) -> HashMap<i64, Vec<T>> {
    let mut map: HashMap<i64, Vec<T>> = HashMap::new();
    for (parent, item) in rows {
        map.entry(parent).or_default().push(item);
    }
    map
}

/// The whole tree, nested, for `renja dump`.
pub(crate) fn load_dump(db: &Read) -> Result<Vec<DumpProgram>> {
    let mut stmt = db.prepare_cached(
        "SELECT output_id, uuid, nama, bulan, kriteria, penanggung_jawab, modified_at, version
         FROM tahapan ORDER BY output_id, position, uuid",
    )?;
    let tahapan = stmt.query_map([], |r| {
        let mask: u16 = r.get(3)?;
        Ok((
            r.get::<_, i64>(0)?,
            DumpTahapan {
                uuid: r.get(1)?,
                nama: r.get(2)?,
                bulan: Jadwal::from_mask(mask).unwrap_or_default().months(),
                kriteria: r.get(4)?,
                penanggung_jawab: r.get(5)?,
                modified_at: r.get(6)?,
                version: r.get(7)?,
            },
        ))
    })?;
    let mut tahapan = by_parent(tahapan.collect::<rusqlite::Result<Vec<_>>>()?);

    let mut outputs = by_parent(level(db, "output", "kegiatan_id")?.into_iter().map(
        |(id, parent, uuid, nama, modified_at, version)| {
            let tahapan = tahapan.remove(&id).unwrap_or_default();
            (
                parent,
                DumpOutput {
                    uuid,
                    nama,
                    modified_at,
                    version,
                    tahapan,
                },
            )
        },
    ));
    let mut kegiatan = by_parent(level(db, "kegiatan", "outcome_id")?.into_iter().map(
        |(id, parent, uuid, nama, modified_at, version)| {
            let outputs = outputs.remove(&id).unwrap_or_default();
            (
                parent,
                DumpKegiatan {
                    uuid,
                    nama,
                    modified_at,
                    version,
                    outputs,
                },
            )
        },
    ));
    let mut outcomes = by_parent(level(db, "outcome", "program_id")?.into_iter().map(
        |(id, parent, uuid, nama, modified_at, version)| {
            let kegiatan = kegiatan.remove(&id).unwrap_or_default();
            (
                parent,
                DumpOutcome {
                    uuid,
                    nama,
                    modified_at,
                    version,
                    kegiatan,
                },
            )
        },
    ));
    let mut stmt = db.prepare_cached(
        "SELECT id, uuid, nama, modified_at, version FROM program ORDER BY position, uuid",
    )?;
    let programs = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for (i, row) in programs.enumerate() {
        let (id, uuid, nama, modified_at, version) = row?;
        out.push(DumpProgram {
            uuid,
            nomor: i as u32 + 1,
            nama,
            modified_at,
            version,
            outcomes: outcomes.remove(&id).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The uuid of every tahapan, by its row id.
pub(crate) fn tahapan_uuids(db: &Read) -> Result<HashMap<i64, String>> {
    let mut stmt = db.prepare_cached("SELECT id, uuid FROM tahapan")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

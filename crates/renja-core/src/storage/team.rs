//! The `anggota` table: members of the Tim RB, in one ordered list.

use rusqlite::{OptionalExtension, params};

use super::position::{self, Siblings};
use super::{Read, Write};
use crate::error::{Error, Result};
use crate::ids::AnggotaId;
use crate::model::{Anggota, Peran};

/// The team as one ordered list of rows.
const TEAM: Siblings = Siblings::all("anggota");

/// A member's fields as stored, checked by the caller.
pub(crate) struct AnggotaRow<'a> {
    pub nama: &'a str,
    pub nip: &'a str,
    pub jabatan: &'a str,
    pub peran: Peran,
    pub pokja: &'a str,
}

pub(crate) fn list(db: &Read) -> Result<Vec<Anggota>> {
    let mut stmt = db.prepare_cached(
        "SELECT id, uuid, nama, nip, jabatan, peran, pokja, modified_at
         FROM anggota ORDER BY position, uuid",
    )?;
    let rows = stmt.query_map([], |r| {
        let code: String = r.get(5)?;
        Ok((
            Anggota {
                id: r.get(0)?,
                uuid: r.get(1)?,
                nama: r.get(2)?,
                nip: r.get(3)?,
                jabatan: r.get(4)?,
                peran: Peran::Pengarah,
                pokja: r.get(6)?,
                modified_at: r.get(7)?,
            },
            code,
        ))
    })?;
    rows.map(|row| {
        let (mut a, code) = row?;
        a.peran = Peran::from_code(&code)
            .ok_or_else(|| Error::Internal(format!("unknown peran {code}")))?;
        Ok(a)
    })
    .collect()
}

/// Append a member at the end of the team.
pub(crate) fn insert(tx: &Write<'_>, a: &AnggotaRow<'_>, now: &str) -> Result<AnggotaId> {
    let position = position::next(tx, TEAM)?;
    tx.prepare_cached(
        "INSERT INTO anggota (uuid, position, nama, nip, jabatan, peran, pokja, modified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        super::new_uuid(),
        position,
        a.nama,
        a.nip,
        a.jabatan,
        a.peran.code(),
        a.pokja,
        now
    ])?;
    Ok(AnggotaId(tx.last_insert_rowid()))
}

/// Replace a member's fields; false if there is no such member.
pub(crate) fn update(tx: &Write<'_>, id: AnggotaId, a: &AnggotaRow<'_>, now: &str) -> Result<bool> {
    let n = tx
        .prepare_cached(
            "UPDATE anggota SET nama = ?1, nip = ?2, jabatan = ?3, peran = ?4, pokja = ?5,
                modified_at = ?6
             WHERE id = ?7",
        )?
        .execute(params![
            a.nama,
            a.nip,
            a.jabatan,
            a.peran.code(),
            a.pokja,
            now,
            id
        ])?;
    Ok(n > 0)
}

/// Delete a member; false if there was none.
pub(crate) fn delete(tx: &Write<'_>, id: AnggotaId) -> Result<bool> {
    Ok(tx
        .prepare_cached("DELETE FROM anggota WHERE id = ?1")?
        .execute([id])?
        > 0)
}

pub(crate) fn exists(db: &Read, id: AnggotaId) -> Result<bool> {
    Ok(db
        .prepare_cached("SELECT 1 FROM anggota WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Move a member to `index` in the team list (see [`position::move_to`]).
pub(crate) fn move_to(tx: &Write<'_>, id: AnggotaId, index: usize, now: &str) -> Result<()> {
    position::move_to(tx, TEAM, id.0, index, now)
}

/// Names a penanggung jawab can be chosen from, as stored: the team's Pokja names (in team
/// order), then the penanggung jawab already used in the plan's tahapan (in order of first
/// use). A name may come up in both.
pub(crate) fn pokja_names(db: &Read) -> Result<Vec<String>> {
    let mut stmt = db.prepare_cached(
        "SELECT pokja FROM (
            SELECT pokja, 0 AS src, min(position) AS ord FROM anggota
                WHERE pokja <> '' GROUP BY pokja
            UNION ALL
            SELECT penanggung_jawab, 1, min(id) FROM tahapan
                WHERE penanggung_jawab <> '' GROUP BY penanggung_jawab)
         ORDER BY src, ord",
    )?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

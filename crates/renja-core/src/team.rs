//! The Tim RB: its members (anggota) with nama, NIP, jabatan, peran and Pokja. The Pokja
//! names are what a tahapan's penanggung jawab is chosen from.

use rusqlite::{OptionalExtension, params};
use serde::Deserialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::identity::{nip, text};
use crate::ids::AnggotaId;
use crate::limits::MAX_ANGGOTA as MAX;
use crate::model::{Anggota, Peran};
use crate::plan::Plan;
use crate::undo::Op;

/// A member as the team form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct AnggotaInput {
    pub nama: String,
    pub nip: String,
    pub jabatan: String,
    pub peran: Peran,
    pub pokja: String,
}

fn clean(a: &AnggotaInput) -> Result<AnggotaInput> {
    let nama = text("nama", "Nama", &a.nama, MAX)?;
    if nama.is_empty() {
        return Err(Error::invalid("nama", "Nama anggota tidak boleh kosong."));
    }
    Ok(AnggotaInput {
        nama,
        nip: nip("nip", &a.nip)?,
        jabatan: text("jabatan", "Jabatan", &a.jabatan, MAX)?,
        peran: a.peran,
        pokja: text("pokja", "Pokja", &a.pokja, MAX)?,
    })
}

impl Plan {
    pub fn team(&self) -> Result<Vec<Anggota>> {
        crate::storage::team::list(self.db())
    }

    pub fn add_anggota(&mut self, input: &AnggotaInput) -> Result<AnggotaId> {
        let a = clean(input)?;
        self.transact(Op::AddAnggota, |tx, now| {
            let position = crate::storage::next_position(tx, "anggota", None, 0)?;
            tx.execute(
                "INSERT INTO anggota (uuid, position, nama, nip, jabatan, peran, pokja, modified_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    crate::storage::new_uuid(),
                    position,
                    a.nama,
                    a.nip,
                    a.jabatan,
                    a.peran.code(),
                    a.pokja,
                    now
                ],
            )?;
            Ok(AnggotaId(tx.last_insert_rowid()))
        })
    }

    pub fn update_anggota(&mut self, id: AnggotaId, input: &AnggotaInput) -> Result<()> {
        let a = clean(input)?;
        self.transact(Op::UpdateAnggota, |tx, now| {
            let n = tx.execute(
                "UPDATE anggota SET nama = ?1, nip = ?2, jabatan = ?3, peran = ?4, pokja = ?5,
                    modified_at = ?6
                 WHERE id = ?7",
                params![a.nama, a.nip, a.jabatan, a.peran.code(), a.pokja, now, id],
            )?;
            if n == 0 {
                return Err(Error::Missing {
                    what: "anggota",
                    id: id.0,
                });
            }
            Ok(())
        })
    }

    pub fn delete_anggota(&mut self, id: AnggotaId) -> Result<()> {
        self.transact(Op::DeleteAnggota, |tx, _| {
            if tx.execute("DELETE FROM anggota WHERE id = ?1", [id])? == 0 {
                return Err(Error::Missing {
                    what: "anggota",
                    id: id.0,
                });
            }
            Ok(())
        })
    }

    /// Move a member to `index` in the team list.
    pub fn move_anggota(&mut self, id: AnggotaId, index: usize) -> Result<()> {
        self.transact(Op::MoveAnggota, |tx, now| {
            let found: Option<i64> = tx
                .query_row("SELECT id FROM anggota WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            if found.is_none() {
                return Err(Error::Missing { what: "anggota", id: id.0 });
            }
            let mut order: Vec<i64> = {
                let mut stmt = tx.prepare("SELECT id FROM anggota ORDER BY position, id")?;
                let ids = stmt.query_map([], |r| r.get(0))?;
                ids.collect::<rusqlite::Result<_>>()?
            };
            order.retain(|x| *x != id.0);
            order.insert(index.min(order.len()), id.0);
            let mut stmt = tx.prepare(
                "UPDATE anggota SET position = ?1, modified_at = ?3 WHERE id = ?2 AND position <> ?1",
            )?;
            for (pos, aid) in order.iter().enumerate() {
                stmt.execute(params![pos as i64, aid, now])?;
            }
            Ok(())
        })
    }

    /// Names a penanggung jawab can be chosen from: the team's Pokja names, then those already
    /// used in the plan, each once, in that order.
    pub fn pokja_names(&self) -> Result<Vec<String>> {
        let mut stmt = self.db().prepare_cached(
            "SELECT pokja FROM (
                SELECT pokja, 0 AS src, min(position) AS ord FROM anggota
                    WHERE pokja <> '' GROUP BY pokja
                UNION ALL
                SELECT penanggung_jawab, 1, min(id) FROM tahapan
                    WHERE penanggung_jawab <> '' GROUP BY penanggung_jawab)
             ORDER BY src, ord",
        )?;
        let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out: Vec<String> = Vec::new();
        for n in names {
            let n = n?;
            if !out.contains(&n) {
                out.push(n);
            }
        }
        Ok(out)
    }
}

//! The `anggota` table: members of the Tim RB.

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::model::{Anggota, Peran};

pub(crate) fn list(conn: &Connection) -> Result<Vec<Anggota>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, uuid, nama, nip, jabatan, peran, pokja, modified_at
         FROM anggota ORDER BY position, id",
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

//! The Tim RB: its members (anggota) with nama, NIP, jabatan, peran and Pokja. The Pokja
//! names are what a tahapan's penanggung jawab is chosen from.
//!
//! The rules of a member (a name, a NIP of 18 digits, lengths) and of the Pokja list live
//! here; `plan::team` runs each change as one transaction. This module never sees a `Plan`
//! and reaches the `anggota` table through `storage::team` only.

use serde::Deserialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::identity::{nip, text};
use crate::ids::AnggotaId;
use crate::limits::MAX_ANGGOTA as MAX;
use crate::model::{Anggota, Peran};
use crate::storage::team::{self as store, AnggotaRow};
use crate::storage::{Read, Write};

/// A member as the team form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct AnggotaInput {
    pub nama: String,
    pub nip: String,
    pub jabatan: String,
    pub peran: Peran,
    pub pokja: String,
}

/// Check and tidy a member as typed.
pub(crate) fn clean(a: &AnggotaInput) -> Result<AnggotaInput> {
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

fn row(a: &AnggotaInput) -> AnggotaRow<'_> {
    AnggotaRow {
        nama: &a.nama,
        nip: &a.nip,
        jabatan: &a.jabatan,
        peran: a.peran,
        pokja: &a.pokja,
    }
}

fn missing(id: AnggotaId) -> Error {
    Error::Missing {
        what: "anggota",
        id: id.0,
    }
}

/// The team in its order.
pub(crate) fn list(db: &Read) -> Result<Vec<Anggota>> {
    store::list(db)
}

/// Append a member (checked with [`clean`]).
pub(crate) fn add(tx: &Write<'_>, now: &str, a: &AnggotaInput) -> Result<AnggotaId> {
    store::insert(tx, &row(a), now)
}

/// Replace a member's fields (checked with [`clean`]).
pub(crate) fn update(tx: &Write<'_>, now: &str, id: AnggotaId, a: &AnggotaInput) -> Result<()> {
    if !store::update(tx, id, &row(a), now)? {
        return Err(missing(id));
    }
    Ok(())
}

pub(crate) fn delete(tx: &Write<'_>, id: AnggotaId) -> Result<()> {
    if !store::delete(tx, id)? {
        return Err(missing(id));
    }
    Ok(())
}

/// Move a member to `index` in the team list (0 = first; past the end = last).
pub(crate) fn move_to(tx: &Write<'_>, now: &str, id: AnggotaId, index: usize) -> Result<()> {
    if !store::exists(tx, id)? {
        return Err(missing(id));
    }
    store::move_to(tx, id, index, now)
}

/// Names a penanggung jawab can be chosen from: the team's Pokja names, then those already
/// used in the plan, each once, in that order.
pub(crate) fn pokja_names(db: &Read) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for n in store::pokja_names(db)? {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    Ok(out)
}

//! The LKE of an open plan: each method checks the request with `lke` and runs it, edits as
//! one undoable transaction. Nothing is decided here.

use std::path::Path;

use crate::error::Result;
use crate::ids::{BuktiId, ButirId, TahapanId};
use crate::lke::{self, BuktiButir, ButirInput, Lke};
use crate::plan::Plan;
use crate::template;
use crate::undo::Op;

impl Plan {
    /// The LKE view: area → indikator → butir with linked tahapan and evidence counts.
    pub fn lke(&self) -> Result<Lke> {
        lke::view(self.db(), self.clock().today())
    }

    /// Append a butir to the plan's list; returns its id.
    pub fn add_butir(&mut self, input: &ButirInput) -> Result<ButirId> {
        let b = lke::clean(input)?;
        self.transact(Op::AddButir, |tx, now| lke::add(tx, now, &b))
    }

    pub fn update_butir(&mut self, id: ButirId, input: &ButirInput) -> Result<()> {
        let b = lke::clean(input)?;
        self.transact(Op::UpdateButir, |tx, now| lke::update(tx, now, id, &b))
    }

    /// Delete a butir with its links (the tahapan and evidence stay).
    pub fn delete_butir(&mut self, id: ButirId) -> Result<()> {
        self.transact(Op::DeleteButir, |tx, _| lke::delete(tx, id))
    }

    /// Add the template's butir the plan does not hold yet; returns how many were added.
    pub fn add_lke_bawaan(&mut self) -> Result<usize> {
        let rows = template::lke_rows()?;
        self.transact(Op::ImportLke, |tx, now| lke::add_missing(tx, now, &rows))
    }

    /// Add the butir listed in the table at `path` (columns area, indikator, butir) that the
    /// plan does not hold yet; returns how many were added. A table with a bad row changes
    /// nothing.
    pub fn import_lke(&mut self, path: &Path) -> Result<usize> {
        let rows: Vec<_> = lke::import::read(path)?
            .into_iter()
            .map(|b| (None, b))
            .collect();
        self.transact(Op::ImportLke, |tx, now| lke::add_missing(tx, now, &rows))
    }

    /// Link butir `butir` to exactly the tahapan `tahapan`.
    pub fn set_butir_tahapan(&mut self, butir: ButirId, tahapan: &[TahapanId]) -> Result<()> {
        self.transact(Op::LinkLke, |tx, now| {
            lke::set_butir_tahapan(tx, now, butir, tahapan)
        })
    }

    /// Link tahapan `tahapan` to exactly the butir `butir`.
    pub fn set_tahapan_butir(&mut self, tahapan: TahapanId, butir: &[ButirId]) -> Result<()> {
        self.transact(Op::LinkLke, |tx, now| {
            lke::set_tahapan_butir(tx, now, tahapan, butir)
        })
    }

    /// Link evidence `bukti` to exactly the butir `butir`; none: it answers its tahapan's.
    pub fn set_bukti_butir(&mut self, bukti: BuktiId, butir: &[ButirId]) -> Result<()> {
        self.transact(Op::LinkBuktiLke, |tx, now| {
            lke::set_bukti_butir(tx, now, bukti, butir)
        })
    }

    /// The butir evidence `bukti` answers, and whether it chose them itself.
    pub fn bukti_butir(&self, bukti: BuktiId) -> Result<BuktiButir> {
        lke::bukti_butir(self.db(), bukti)
    }
}

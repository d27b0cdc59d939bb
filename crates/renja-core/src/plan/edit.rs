//! `Plan`'s tree edits and its one edit request: each method checks the request with `edit`
//! and runs it as one transaction and one undo step. The rules are `edit`'s.

use crate::bukti::BuktiProgress;
use crate::edit::{self, Edit, Edited, Level, NewNode};
use crate::error::Result;
use crate::ids::TahapanId;
use crate::plan::Plan;
use crate::storage::tree::TahapanText;
use crate::undo::Op;

impl Plan {
    /// Add a row named `nama`; returns its id.
    pub fn add_node(&mut self, at: NewNode, nama: &str) -> Result<i64> {
        let nama = edit::clean_name(at.level, nama)?;
        self.transact(Op::Add(at.level), |tx, now| {
            edit::add_node(tx, now, at, &nama)
        })
    }

    pub fn rename_node(&mut self, level: Level, id: i64, nama: &str) -> Result<()> {
        let nama = edit::clean_name(level, nama)?;
        self.transact(Op::Rename(level), |tx, now| {
            edit::rename_node(tx, now, level, id, &nama)
        })
    }

    /// Delete a row and everything beneath it.
    pub fn delete_node(&mut self, level: Level, id: i64) -> Result<()> {
        self.transact(Op::Delete(level), |tx, _| edit::delete_node(tx, level, id))
    }

    /// Move a row to `index` among its siblings (0 = first; past the end = last).
    pub fn move_node(&mut self, level: Level, id: i64, index: usize) -> Result<()> {
        self.transact(Op::Move(level), |tx, now| {
            edit::move_node(tx, now, level, id, index)
        })
    }

    /// Set the months a tahapan is scheduled in (12-bit mask, bit 0 = Januari).
    pub fn set_bulan(&mut self, id: TahapanId, mask: u16) -> Result<()> {
        let jadwal = edit::check_bulan(mask)?;
        self.transact(Op::Schedule, |tx, now| edit::set_bulan(tx, now, id, jadwal))
    }

    /// Change the months of a tahapan as a function of what is stored now.
    pub fn change_bulan(&mut self, id: TahapanId, change: impl FnOnce(u16) -> u16) -> Result<()> {
        self.transact(Op::Schedule, |tx, now| {
            edit::change_bulan(tx, now, id, change)
        })
    }

    pub fn set_kriteria(&mut self, id: TahapanId, kriteria: &str) -> Result<()> {
        let text = edit::clean_kriteria(kriteria)?;
        self.transact(Op::EditKriteria, |tx, now| {
            edit::set_text(tx, now, id, TahapanText::Kriteria, &text)
        })
    }

    pub fn set_penanggung_jawab(&mut self, id: TahapanId, pj: &str) -> Result<()> {
        let text = edit::clean_penanggung_jawab(pj)?;
        self.transact(Op::EditPenanggungJawab, |tx, now| {
            edit::set_text(tx, now, id, TahapanText::PenanggungJawab, &text)
        })
    }

    /// Everything the plan screen shows.
    pub fn screen(&self, created: Option<i64>) -> Result<Edited> {
        Ok(Edited {
            overview: self.overview()?,
            grid: self.grid()?,
            team: self.team()?,
            created,
        })
    }

    /// Apply one edit and return the new state of the screen.
    pub fn apply(&mut self, edit: Edit) -> Result<Edited> {
        self.apply_reporting(edit, &mut |_| {})
    }

    /// [`Plan::apply`], telling `progress` how far storing files has got when the edit adds
    /// evidence files (the only edits that take long); other edits never call it.
    pub fn apply_reporting(
        &mut self,
        edit: Edit,
        progress: &mut dyn FnMut(BuktiProgress),
    ) -> Result<Edited> {
        let created = match edit {
            Edit::AddNode { at, nama } => Some(self.add_node(at, &nama)?),
            Edit::RenameNode { level, id, nama } => {
                self.rename_node(level, id, &nama).map(|()| None)?
            }
            Edit::DeleteNode { level, id } => self.delete_node(level, id).map(|()| None)?,
            Edit::MoveNode { level, id, index } => {
                self.move_node(level, id, index as usize).map(|()| None)?
            }
            Edit::SetBulan { id, bulan } => self.set_bulan(id, bulan).map(|()| None)?,
            Edit::ToggleBulan { id, bulan } => {
                let month = edit::month_bit(bulan)?;
                self.change_bulan(id, |mask| mask ^ month).map(|()| None)?
            }
            Edit::ScheduleBulan { id, from, to, on } => {
                let range = edit::month_range(from, to)?;
                self.change_bulan(id, |mask| if on { mask | range } else { mask & !range })
                    .map(|()| None)?
            }
            Edit::SetKriteria { id, text } => self.set_kriteria(id, &text).map(|()| None)?,
            Edit::SetPenanggungJawab { id, text } => {
                self.set_penanggung_jawab(id, &text).map(|()| None)?
            }
            Edit::AddAnggota { anggota } => Some(self.add_anggota(&anggota)?.0),
            Edit::UpdateAnggota { id, anggota } => {
                self.update_anggota(id, &anggota).map(|()| None)?
            }
            Edit::DeleteAnggota { id } => self.delete_anggota(id).map(|()| None)?,
            Edit::MoveAnggota { id, index } => {
                self.move_anggota(id, index as usize).map(|()| None)?
            }
            Edit::SetRealisasi {
                id,
                bulan,
                realisasi,
            } => self.set_realisasi(id, bulan, &realisasi).map(|()| None)?,
            Edit::ClearRealisasi { id, bulan } => self.clear_realisasi(id, bulan).map(|()| None)?,
            Edit::AddBukti {
                tahapan,
                bukti,
                files,
                butir,
            } => Some(
                self.add_bukti_reporting(
                    tahapan,
                    &bukti,
                    butir.as_deref().unwrap_or_default(),
                    &files,
                    progress,
                )?
                .0,
            ),
            Edit::UpdateBukti { id, bukti } => self.update_bukti(id, &bukti).map(|()| None)?,
            Edit::AddBuktiFiles { id, files } => self
                .add_bukti_files_reporting(id, &files, progress)
                .map(|()| None)?,
            Edit::RemoveBuktiFile { id } => self.remove_bukti_file(id).map(|()| None)?,
            Edit::DeleteBukti { id } => self.delete_bukti(id).map(|()| None)?,
            Edit::SetLogo { file } => self.set_logo(&file).map(|()| None)?,
            Edit::RemoveLogo => self.remove_logo().map(|()| None)?,
            Edit::SetCatatanTahunan { catatan } => {
                self.set_catatan_tahunan(&catatan).map(|()| None)?
            }
            Edit::SetBab { kunci, teks } => self.set_bab(kunci, &teks).map(|()| None)?,
            Edit::AddButir { butir } => Some(self.add_butir(&butir)?.0),
            Edit::UpdateButir { id, butir } => self.update_butir(id, &butir).map(|()| None)?,
            Edit::DeleteButir { id } => self.delete_butir(id).map(|()| None)?,
            Edit::AddLkeBawaan => Some(self.add_lke_bawaan()? as i64),
            Edit::ImportLke { file } => Some(self.import_lke(&file)? as i64),
            Edit::SetButirTahapan { id, tahapan } => {
                self.set_butir_tahapan(id, &tahapan).map(|()| None)?
            }
            Edit::SetBuktiButir { id, butir } => self.set_bukti_butir(id, &butir).map(|()| None)?,
            Edit::Undo => self.undo().map(|_| None)?,
            Edit::Redo => self.redo().map(|_| None)?,
        };
        self.screen(created)
    }
}

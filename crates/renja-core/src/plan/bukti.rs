//! Evidence on an open plan: each method checks the request with `bukti` and runs it, edits as
//! one undoable transaction. Nothing is decided here.

use std::path::{Path, PathBuf};

use crate::bukti::{self, Bukti, BuktiInput, BuktiProgress};
use crate::error::Result;
use crate::ids::{BuktiBerkasId, BuktiId, ButirId, TahapanId};
use crate::lke;
use crate::plan::Plan;
use crate::undo::Op;

impl Plan {
    /// Add evidence to a tahapan with its files; returns the new evidence's id.
    pub fn add_bukti(
        &mut self,
        tahapan: TahapanId,
        input: &BuktiInput,
        files: &[PathBuf],
    ) -> Result<BuktiId> {
        self.add_bukti_reporting(tahapan, input, &[], files, &mut |_| {})
    }

    /// [`Plan::add_bukti`] with the LKE butir the evidence answers itself (`butir`; empty:
    /// those of its tahapan), in the same undoable step, telling `progress` how many bytes of
    /// the files are stored so far (about every MiB; see [`BuktiProgress`]).
    pub fn add_bukti_reporting(
        &mut self,
        tahapan: TahapanId,
        input: &BuktiInput,
        butir: &[ButirId],
        files: &[PathBuf],
        progress: &mut dyn FnMut(BuktiProgress),
    ) -> Result<BuktiId> {
        let b = bukti::clean(input)?;
        self.transact(Op::AddBukti, |tx, now| {
            let id = bukti::add(tx, now, tahapan, &b, files, progress)?;
            if !butir.is_empty() {
                lke::set_bukti_butir(tx, now, id, butir)?;
            }
            Ok(id)
        })
    }

    pub fn update_bukti(&mut self, id: BuktiId, input: &BuktiInput) -> Result<()> {
        let b = bukti::clean(input)?;
        self.transact(Op::UpdateBukti, |tx, now| bukti::update(tx, now, id, &b))
    }

    pub fn add_bukti_files(&mut self, id: BuktiId, files: &[PathBuf]) -> Result<()> {
        self.add_bukti_files_reporting(id, files, &mut |_| {})
    }

    /// [`Plan::add_bukti_files`], telling `progress` how many bytes of the files are stored so
    /// far (about every MiB; see [`BuktiProgress`]).
    pub fn add_bukti_files_reporting(
        &mut self,
        id: BuktiId,
        files: &[PathBuf],
        progress: &mut dyn FnMut(BuktiProgress),
    ) -> Result<()> {
        self.transact(Op::AddBuktiFiles, |tx, now| {
            bukti::add_files(tx, now, id, files, progress)
        })
    }

    /// Remove one file from its evidence.
    pub fn remove_bukti_file(&mut self, id: BuktiBerkasId) -> Result<()> {
        self.transact(Op::RemoveBuktiFile, |tx, _| bukti::remove_file(tx, id))
    }

    pub fn delete_bukti(&mut self, id: BuktiId) -> Result<()> {
        self.transact(Op::DeleteBukti, |tx, _| bukti::delete(tx, id))
    }

    /// The evidence of one tahapan (`Some`) or of the whole plan, newest document first.
    pub fn bukti(&self, tahapan: Option<TahapanId>) -> Result<Vec<Bukti>> {
        bukti::list(self.db(), tahapan)
    }

    /// Write one evidence file to exactly `dest`, byte-identical.
    pub fn export_bukti_file(&self, id: BuktiBerkasId, dest: &Path) -> Result<()> {
        bukti::export_file(self.db(), id, dest)
    }

    /// The contents of an evidence file for viewing inside the app, with its MIME type: PDFs
    /// and images only, up to [`bukti::MAX_PREVIEW_BYTES`].
    pub fn bukti_file_for_preview(&self, id: BuktiBerkasId) -> Result<(Vec<u8>, String)> {
        bukti::file_for_preview(self.db(), id)
    }

    /// Write an evidence file into a fresh folder under `temp_root` for opening with another
    /// application; refused (and nothing written) for anything but documents and images.
    pub fn export_for_opening(&self, id: BuktiBerkasId, temp_root: &Path) -> Result<PathBuf> {
        bukti::export_for_opening(self.db(), id, temp_root)
    }

    /// The name an evidence file is proposed under when saved out: its own name, made safe.
    pub fn bukti_file_name(&self, id: BuktiBerkasId) -> Result<String> {
        bukti::file_name(self.db(), id)
    }

    /// Write one evidence file into folder `dir` under its own name made safe and unique;
    /// returns the path written.
    pub fn export_bukti_file_into(&self, id: BuktiBerkasId, dir: &Path) -> Result<PathBuf> {
        bukti::export_file_into(self.db(), id, dir)
    }
}

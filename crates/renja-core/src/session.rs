//! A [`Session`] is what one app window works on: at most one open plan, and the list of
//! recently opened files. Opening another plan replaces the current one only once the new one
//! has opened successfully, so a refused file never costs the user the plan they had.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::clock::{Clock, stamp};
use crate::error::{Error, Result};
use crate::file::OpenMode;
use crate::import::{self, ImportCounts, ImportView, Mapping, Source};
use crate::merge::{MergeChoices, MergePreview, MergeProgress, MergeResult};
use crate::model::PlanOverview;
use crate::plan::same_file;
use crate::plan::{NewPlan, Plan};
use crate::recent::{RecentFile, RecentList};

pub struct Session {
    plan: Option<Plan>,
    /// The source the import dialog is looking at: read once, previewed under each mapping
    /// the user tries, dropped when the dialog closes or an import succeeds.
    import: Option<Source>,
    /// The colleague's copy the merge dialog is looking at: opened read-only once, previewed
    /// under each set of choices, let go when the dialog closes or the merge is done.
    merge: Option<Plan>,
    recent_store: PathBuf,
    clock: Arc<dyn Clock>,
}

impl Session {
    /// A session whose recent list is kept in `recent_store`.
    pub fn new(recent_store: PathBuf, clock: Arc<dyn Clock>) -> Session {
        Session {
            plan: None,
            import: None,
            merge: None,
            recent_store,
            clock,
        }
    }

    /// The open plan.
    pub fn plan(&mut self) -> Result<&mut Plan> {
        self.plan.as_mut().ok_or(Error::NoPlan)
    }

    pub fn open(&mut self, path: &Path, mode: OpenMode) -> Result<PlanOverview> {
        let path = std::path::absolute(path).map_err(|e| Error::io(path, e))?;
        // The plan open here holds the lock of its file: opening the same file again (from
        // the recent list, say) closes it first instead of refusing it as "in use".
        if self
            .plan
            .as_ref()
            .is_some_and(|p| same_file(p.path(), &path))
        {
            self.close()?;
        }
        let plan = Plan::open(&path, mode, self.clock.clone())?;
        self.adopt(plan)
    }

    pub fn create(&mut self, path: &Path, new: NewPlan, replace: bool) -> Result<PlanOverview> {
        let path = std::path::absolute(path).map_err(|e| Error::io(path, e))?;
        // Refuse a bad year before making any folder for it.
        crate::identity::check_tahun(new.tahun)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        // Replacing the plan open here: let go of it (and its lock) first.
        if replace
            && self
                .plan
                .as_ref()
                .is_some_and(|p| same_file(p.path(), &path))
        {
            self.close()?;
        }
        let plan = Plan::create(&path, new, replace, self.clock.clone())?;
        self.adopt(plan)
    }

    /// "Buka contoh": open the example plan of this year in `dir`, making it first when it is
    /// not there (see `generate::contoh`). One made earlier is opened as it is, with whatever
    /// the user tried on it.
    pub fn open_contoh(&mut self, dir: &Path) -> Result<PlanOverview> {
        use chrono::Datelike;
        let tahun = self.clock.today().year();
        let path = std::path::absolute(dir.join(crate::generate::contoh::file_name(tahun)))
            .map_err(|e| Error::io(dir, e))?;
        if path.exists() {
            return self.open(&path, OpenMode::Edit);
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let plan = crate::generate::contoh::contoh(&path, tahun, false, self.clock.clone())?;
        self.adopt(plan)
    }

    fn adopt(&mut self, plan: Plan) -> Result<PlanOverview> {
        let overview = plan.overview()?;
        if let Some(old) = self.plan.replace(plan) {
            // The old plan's last edit is already committed; a close error changes nothing.
            let _ = old.close();
        }
        let mut recent = RecentList::load(&self.recent_store);
        recent.touch(
            Path::new(&overview.path),
            &overview.identity.instansi,
            overview.identity.tahun,
            &stamp(self.clock.as_ref()),
        );
        // The recent list is a convenience: failing to save it must not fail the open.
        if let Err(e) = recent.save(&self.recent_store) {
            eprintln!("renja: recent list not saved: {e}");
        }
        Ok(overview)
    }

    /// Edit the identity of the open plan and return the new plan screen (the undo button now
    /// names this edit); the recent list follows the new instansi and tahun.
    pub fn set_identity(
        &mut self,
        identity: &crate::model::PlanIdentity,
    ) -> Result<crate::edit::Edited> {
        let plan = self.plan()?;
        plan.set_identity(identity)?;
        let screen = plan.screen(None)?;
        let overview = &screen.overview;
        let mut recent = RecentList::load(&self.recent_store);
        recent.touch(
            Path::new(&overview.path),
            &overview.identity.instansi,
            overview.identity.tahun,
            &stamp(self.clock.as_ref()),
        );
        let _ = recent.save(&self.recent_store);
        Ok(screen)
    }

    /// Read `path` for the import dialog and show it under the guessed mapping of its first
    /// recognisable sheet. The source is kept for [`Session::import_view`]; a file that cannot
    /// be read leaves the previous one in place.
    pub fn import_read(&mut self, path: &Path) -> Result<ImportView> {
        let source = import::read_file(path)?;
        let view = import::view(&source, None, None)?;
        self.import = Some(source);
        Ok(view)
    }

    /// Read a table pasted into "Tempel tabel", like [`Session::import_read`].
    pub fn import_pasted(&mut self, text: &str) -> Result<ImportView> {
        let source = import::read_pasted(text)?;
        let view = import::view(&source, None, None)?;
        self.import = Some(source);
        Ok(view)
    }

    /// The source read last, shown as `sheet` under `mapping` (`None`: the sheet's guess).
    pub fn import_view(&self, sheet: &str, mapping: Option<Mapping>) -> Result<ImportView> {
        import::view(self.import_source()?, Some(sheet), mapping)
    }

    /// Append `sheet` of the source read last, under `mapping`, to the open plan as one
    /// undo step; the source is let go. Returns the plan screen and what was added.
    pub fn import_into_plan(
        &mut self,
        sheet: &str,
        mapping: Mapping,
    ) -> Result<(crate::edit::Edited, ImportCounts)> {
        let preview = import::view(self.import_source()?, Some(sheet), Some(mapping))?.preview;
        let plan = self.plan()?;
        let counts = plan.import(&preview)?;
        let screen = plan.screen(None)?;
        self.import = None;
        Ok((screen, counts))
    }

    /// Make a new plan at `path` for `tahun` from `sheet` of the source read last, under
    /// `mapping`, and open it (like [`Session::create`]); the source is let go.
    pub fn create_imported(
        &mut self,
        path: &Path,
        tahun: i32,
        sheet: &str,
        mapping: Mapping,
        replace: bool,
    ) -> Result<PlanOverview> {
        let preview = import::view(self.import_source()?, Some(sheet), Some(mapping))?.preview;
        let path = std::path::absolute(path).map_err(|e| Error::io(path, e))?;
        crate::identity::check_tahun(tahun)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        if replace
            && self
                .plan
                .as_ref()
                .is_some_and(|p| same_file(p.path(), &path))
        {
            self.close()?;
        }
        let plan = Plan::create_imported(&path, tahun, &preview, replace, self.clock.clone())?;
        self.import = None;
        self.adopt(plan)
    }

    /// Open a colleague's copy at `path` for merging (read-only; its file is never written)
    /// and preview it against the open plan without choices.
    pub fn merge_read(&mut self, path: &Path) -> Result<MergePreview> {
        self.merge = None;
        let theirs = Plan::open(path, OpenMode::ReadOnly, self.clock.clone())?;
        let preview = self
            .plan()?
            .merge_preview(&theirs, &MergeChoices::default())?;
        self.merge = Some(theirs);
        Ok(preview)
    }

    /// The preview of the copy read last under `choices`.
    pub fn merge_preview(&mut self, choices: &MergeChoices) -> Result<MergePreview> {
        let theirs = self.merge.take().ok_or_else(no_merge)?;
        let preview = self.plan().and_then(|p| p.merge_preview(&theirs, choices));
        self.merge = Some(theirs);
        preview
    }

    /// Merge the copy read last into the open plan as one undo step, and let it go. Returns
    /// the plan screen and what the merge did.
    pub fn merge_apply(
        &mut self,
        choices: &MergeChoices,
        progress: &mut dyn FnMut(MergeProgress),
    ) -> Result<(crate::edit::Edited, MergeResult)> {
        let theirs = self.merge.take().ok_or_else(no_merge)?;
        let done = self.plan().and_then(|p| {
            let result = p.merge(&theirs, choices, progress)?;
            Ok((p.screen(None)?, result))
        });
        match done {
            Ok(done) => {
                theirs.close()?;
                Ok(done)
            }
            Err(e) => {
                // Kept, so the user can choose again and retry.
                self.merge = Some(theirs);
                Err(e)
            }
        }
    }

    /// Let go of the copy the merge dialog read (the dialog closed).
    pub fn merge_forget(&mut self) {
        self.merge = None;
    }

    /// Let go of the source the import dialog read (the dialog closed).
    pub fn import_forget(&mut self) {
        self.import = None;
    }

    fn import_source(&self) -> Result<&Source> {
        self.import.as_ref().ok_or_else(|| {
            Error::invalid(
                "impor",
                "Tidak ada tabel yang sedang dibaca. Pilih berkasnya lagi.",
            )
        })
    }

    /// Close the open plan, if any.
    pub fn close(&mut self) -> Result<()> {
        self.merge = None;
        match self.plan.take() {
            Some(plan) => plan.close(),
            None => Ok(()),
        }
    }

    pub fn recent(&self) -> Vec<RecentFile> {
        RecentList::load(&self.recent_store).entries()
    }

    pub fn forget(&mut self, path: &str) -> Result<Vec<RecentFile>> {
        let mut recent = RecentList::load(&self.recent_store);
        if recent.remove(path) {
            recent.save(&self.recent_store)?;
        }
        Ok(recent.entries())
    }
}

fn no_merge() -> Error {
    Error::invalid(
        "berkas",
        "Berkas rekan belum dipilih. Pilih lagi berkas yang akan digabungkan.",
    )
}

//! [`Plan`]: one open plan file. Creating, opening (with upgrade of older files), reading the
//! overview, editing the identity, saving a copy. The shell keeps at most one `Plan` open.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use ts_rs::TS;

use crate::clock::{Clock, stamp};
use crate::error::{Error, Result};
use crate::file::{self, OpenMode, ReadOnlyReason};
use crate::model::{PlanDump, PlanIdentity, PlanInfo, PlanOverview};
use crate::storage;
use crate::template::{self, Template};
use crate::undo::History;
use crate::undo::Op;

pub use crate::model::Upgrade;

mod bab;
mod bukti;
mod catatan_tahunan;
mod edit;
mod grid;
mod import;
mod kop;
mod lke;
mod merge;
mod realisasi;
mod report;
mod ringkasan;
mod team;
mod transact;

/// What the user chose for a new plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
pub struct NewPlan {
    pub template: Template,
    pub tahun: i32,
}

/// One open plan file.
pub struct Plan {
    /// The plan's database; only `storage` and `file` work on it.
    conn: storage::Read,
    path: PathBuf,
    read_only: Option<ReadOnlyReason>,
    upgrade: Option<Upgrade>,
    clock: Arc<dyn Clock>,
    history: History,
    recovery: Option<file::Recovery>,
    /// Held while the plan is open for editing; released when the plan is dropped.
    _lock: Option<file::lock::PlanLock>,
    /// A rolled-back copy shown read-only lives here; removed when the plan is dropped.
    _scratch: Option<tempfile::TempDir>,
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plan")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish_non_exhaustive()
    }
}

impl Plan {
    /// Create a new plan at `path` from `new`, replacing an existing file only if `replace`
    /// (the user confirmed it in the save dialog). The file is built under a temporary name
    /// and renamed into place, so `path` is never a half-made plan.
    pub fn create(path: &Path, new: NewPlan, replace: bool, clock: Arc<dyn Clock>) -> Result<Plan> {
        Plan::create_with(path, new, replace, clock, |_, _| Ok(()))
    }

    /// [`Plan::create`], with `fill` writing more into the new plan (given the connection and
    /// the creation stamp) before it takes its name: `path` holds the old file until the
    /// whole new plan is written and synced, and holds it still if anything fails or the
    /// process is killed on the way (see `file::TempFile`).
    pub(crate) fn create_with(
        path: &Path,
        new: NewPlan,
        replace: bool,
        clock: Arc<dyn Clock>,
        fill: impl FnOnce(&mut storage::Read, &str) -> Result<()>,
    ) -> Result<Plan> {
        file::refuse_device_name(path)?;
        let tahun = crate::identity::check_tahun(new.tahun)?;
        let exists = || !replace && path.exists();
        if exists() {
            return Err(Error::AlreadyExists { path: path.into() });
        }
        // A plan open for editing elsewhere is not replaced under its editor's feet.
        if path.exists() {
            drop(file::lock::acquire(path, &stamp(clock.as_ref()))?);
        }
        let tmp = file::TempFile::beside(path)?;
        {
            let mut conn = file::create_new(tmp.path(), path)?;
            storage::migrate(&mut conn, 0, storage::LATEST_VERSION)?;
            let now = stamp(clock.as_ref());
            let identity = match new.template {
                Template::Seed => template::seed_identity(tahun),
                Template::Empty => PlanIdentity {
                    tahun,
                    ..PlanIdentity::default()
                },
            };
            let tx = storage::begin_write(&mut conn)?;
            storage::identity::put(&tx, &identity, &now, true)?;
            template::apply(&tx, new.template, &now)?;
            tx.commit()?;
            fill(&mut conn, &now)?;
            file::close(conn)?;
        }
        // Someone may have made the file while the plan was being built.
        if exists() {
            return Err(Error::AlreadyExists { path: path.into() });
        }
        tmp.persist()?;
        Plan::open(path, OpenMode::Edit, clock)
    }

    /// Open the plan at `path`. A file of an older schema is upgraded: on disk after a backup
    /// copy is written beside it, or, when read-only, in memory only.
    pub fn open(path: &Path, mode: OpenMode, clock: Arc<dyn Clock>) -> Result<Plan> {
        let opened = file::open(path, mode, &stamp(clock.as_ref()))?;
        if opened.read_only.is_none() {
            // Temporaries a killed writer left beside the plan (a new plan, a backup, a copy).
            file::sweep_stale_temporaries(file::parent_of(path));
        }
        let latest = storage::LATEST_VERSION;
        let mut conn = opened.conn;
        let mut upgrade = None;
        if opened.found_version < latest {
            let from = opened.found_version;
            let backup = if opened.read_only.is_some() {
                conn = file::into_memory(conn)?;
                None
            } else {
                let backup = crate::naming::backup_path(path, from);
                file::copy_whole(path, &backup)?;
                Some(backup.to_string_lossy().into_owned())
            };
            storage::migrate(&mut conn, from, latest)?;
            upgrade = Some(Upgrade {
                from_version: from,
                to_version: latest,
                backup_path: backup,
            });
        }
        Ok(Plan {
            conn,
            path: path.into(),
            read_only: opened.read_only,
            upgrade,
            clock,
            history: History::default(),
            recovery: opened.recovery,
            _lock: opened.lock,
            _scratch: opened.scratch,
        })
    }

    /// What was found beside the plan on opening and done about it (a crash's journal
    /// rolled back, a foreign journal ignored), for the banner on the plan screen.
    pub fn recovery(&self) -> Option<&file::Recovery> {
        self.recovery.as_ref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn read_only(&self) -> Option<ReadOnlyReason> {
        self.read_only
    }

    pub fn upgrade(&self) -> Option<&Upgrade> {
        self.upgrade.as_ref()
    }

    pub(crate) fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// The plan's database, for the read methods of `storage`.
    pub(crate) fn db(&self) -> &storage::Read {
        &self.conn
    }

    pub(crate) fn history(&self) -> &History {
        &self.history
    }

    pub(crate) fn conn_and_history(&mut self) -> (&mut storage::Read, &mut History) {
        (&mut self.conn, &mut self.history)
    }

    pub fn identity(&self) -> Result<PlanIdentity> {
        storage::identity::get(&self.conn)
    }

    /// Replace the identity with `identity` after checking it; returns what was stored
    /// (trimmed, NIP spaces removed).
    pub fn set_identity(&mut self, identity: &PlanIdentity) -> Result<PlanIdentity> {
        let clean = crate::identity::normalize(identity)?;
        self.transact(Op::UpdateIdentity, |tx, now| {
            storage::identity::put(tx, &clean, now, false)
        })?;
        Ok(clean)
    }

    /// What the plan screen shows.
    pub fn overview(&self) -> Result<PlanOverview> {
        Ok(PlanOverview {
            path: self.path.to_string_lossy().into_owned(),
            file_name: self
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            read_only: self.read_only,
            upgrade: self.upgrade.clone(),
            recovery: self.recovery.clone(),
            schema_version: storage::LATEST_VERSION,
            identity: self.identity()?,
            programs: storage::tree::program_summaries(&self.conn)?,
            totals: storage::tree::counts(&self.conn)?,
            ada_logo: self.logo()?.is_some(),
            catatan_tahunan: self.catatan_tahunan()?,
            merges: self.merges()?,
            bab: self.bab()?,
        })
    }

    /// Identity, schema version and counts, for `renja info`.
    pub fn info(&self) -> Result<PlanInfo> {
        Ok(PlanInfo {
            path: self.path.to_string_lossy().into_owned(),
            schema_version: storage::LATEST_VERSION,
            counts: storage::tree::counts(&self.conn)?,
            identity: self.identity()?,
        })
    }

    /// The whole plan as one nested value, for `renja dump`.
    pub fn dump(&self) -> Result<PlanDump> {
        let (uuid, created_at, modified_at) = storage::identity::stamps(&self.conn)?;
        Ok(PlanDump {
            format: "renja-rb-plan",
            schema_version: storage::LATEST_VERSION,
            uuid,
            created_at,
            modified_at,
            version: storage::dump::plan_version(&self.conn)?,
            identity: self.identity()?,
            catatan_tahunan: self.catatan_tahunan()?,
            logo: storage::dump::logo(&self.conn)?,
            programs: storage::tree::load_dump(&self.conn)?,
            anggota: storage::dump::anggota(&self.conn)?,
            realisasi: storage::dump::realisasi(&self.conn)?,
            bukti: storage::dump::bukti(&self.conn)?,
            lke: storage::lke::dump(&self.conn)?,
            deleted: storage::dump::deleted(&self.conn)?,
        })
    }

    /// "Simpan salinan…": write a consistent copy to `dest`. Works for read-only plans too,
    /// which is how a colleague's file becomes one's own.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        if same_file(dest, &self.path) {
            return Err(Error::invalid(
                "path",
                "Salinan tidak dapat disimpan di atas berkas yang sedang dibuka. Pilih nama lain.",
            ));
        }
        // A plan open for editing elsewhere is not replaced under its editor's feet.
        if dest.exists() {
            drop(file::lock::acquire(dest, &stamp(self.clock.as_ref()))?);
        }
        file::save_copy(&self.conn, dest)
    }

    /// Close the plan, surfacing any error SQLite reports on closing. With the undo history
    /// gone, file contents no evidence refers to any more are dropped first.
    pub fn close(mut self) -> Result<()> {
        if self.read_only.is_none()
            && self
                .upgrade
                .as_ref()
                .is_none_or(|u| u.backup_path.is_some())
        {
            // Through `begin_write`, so a crash while dropping leaves a journal recovery
            // recognises as ours; and only when there is something to drop, so closing an
            // unchanged plan leaves its file untouched.
            if storage::berkas::any_unreferenced(&self.conn)? {
                let tx = storage::begin_write(&mut self.conn)?;
                storage::berkas::drop_unreferenced(&tx)?;
                tx.commit()?;
            }
        }
        file::close(self.conn)
    }
}

pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

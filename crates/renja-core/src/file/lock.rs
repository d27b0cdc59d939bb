//! One plan is edited in one place at a time. A plan open for editing holds an OS lock on a
//! small lock file beside it, `.~lock.<file name>#` (LibreOffice's convention, which office
//! users and their IT staff already recognise), and writes into it who holds it, so a second
//! opener can be told "sedang dibuka oleh Rina di komputer PC-SEKRETARIAT".
//!
//! Decisions:
//! - The lock is released by the OS when the holder dies, so a crash never leaves a plan
//!   locked; a lock file left behind by a crash is simply taken over.
//!   - Unix: `File::try_lock` (std), i.e. `flock`, honoured on local disks and on NFS (as
//!     `fcntl` locks).
//!   - Windows: the lock file is held open for writing with only read sharing (a share-mode
//!     lock, as Office and LibreOffice hold their documents): a second editor's open for
//!     writing fails with a sharing violation, while anyone may still read who holds it, and
//!     no one can remove or rename it while it is held. `LockFileEx` (what std's `try_lock`
//!     is there) would lock every byte, so the holder could not be read, not even by the
//!     holder's own check. SMB servers enforce share modes across computers.
//! - The plan file itself is not locked: a whole-file lock on Windows is mandatory and would
//!   block SQLite's own reads and writes of it.
//! - The lock file is removed on closing, so between sessions the plan's folder holds only
//!   the plan. Removing it opens a race on Unix (a second opener may lock the removed file
//!   while a third creates a new one); a holder therefore re-reads the file by its path after
//!   locking and only trusts the lock when its own token is there. (On Windows a held file
//!   cannot be removed; the holder closes it first and then removes it, which fails harmlessly
//!   when someone else has taken it in between.)
//! - Read-only opening takes no lock. It only asks whether someone holds one: then the plan
//!   is live, a `-journal` beside it belongs to that writer, and SQLite's own locks keep the
//!   reader consistent.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The lock file of `plan`: `.~lock.<file name>#` beside it.
pub(crate) fn lock_path(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rencana".into());
    plan.with_file_name(format!(".~lock.{name}#"))
}

/// Who holds a plan, as written into its lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Holder {
    pub user: String,
    pub host: String,
    pub program: String,
    pub pid: u32,
    /// RFC 3339, from the caller's clock.
    pub since: String,
    /// Unique per lock taken, to tell our own lock file from one made by someone else.
    pub token: String,
}

impl Holder {
    fn this_process(since: &str) -> Holder {
        let env = |names: &[&str]| {
            names
                .iter()
                .find_map(|n| std::env::var(n).ok().filter(|v| !v.trim().is_empty()))
        };
        let host = env(&["COMPUTERNAME", "HOSTNAME"])
            .or_else(|| {
                std::fs::read_to_string("/etc/hostname")
                    .ok()
                    .map(|h| h.trim().to_owned())
                    .filter(|h| !h.is_empty())
            })
            .unwrap_or_default();
        let exe = std::env::current_exe()
            .ok()
            .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .unwrap_or_default();
        Holder {
            user: env(&["USERNAME", "USER", "LOGNAME"]).unwrap_or_default(),
            host,
            program: exe,
            pid: std::process::id(),
            since: since.to_owned(),
            token: uuid::Uuid::new_v4().simple().to_string(),
        }
    }

    /// The holder in words, for "sedang dibuka untuk diedit oleh …".
    pub fn describe(&self) -> String {
        let program = match self.program.as_str() {
            "renja" => "perintah renja (baris perintah)".to_owned(),
            "renja-rb" | "Renja RB" => "aplikasi Renja RB".to_owned(),
            "" => "program lain".to_owned(),
            other => format!("program \"{other}\""),
        };
        let since = chrono::DateTime::parse_from_rfc3339(&self.since)
            .ok()
            .map(|t| {
                let t = t.with_timezone(&chrono::Local);
                format!(
                    ", sejak {} pukul {}",
                    crate::tanggal::tanggal_panjang(t.date_naive()),
                    t.format("%H.%M")
                )
            })
            .unwrap_or_default();
        let who = match (self.user.is_empty(), self.host.is_empty()) {
            (false, false) => format!("{} di komputer {}", self.user, self.host),
            (false, true) => self.user.clone(),
            (true, false) => format!("komputer {}", self.host),
            (true, true) => "pengguna lain".to_owned(),
        };
        format!("{who} ({program}{since})")
    }
}

/// A held lock. Dropping it releases the lock and removes the lock file.
#[derive(Debug)]
pub(crate) struct PlanLock {
    /// Always `Some` until dropped.
    file: Option<File>,
    path: PathBuf,
}

fn read_holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.take(64 * 1024).read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

fn read_holder_at(path: &Path) -> Option<Holder> {
    read_holder(&mut File::open(path).ok()?)
}

/// The error for a plan whose lock is held, naming the holder when the lock file says.
fn locked(plan: &Path, holder: Option<Holder>) -> Error {
    Error::Locked {
        path: plan.into(),
        holder: holder
            .map(|h| h.describe())
            .unwrap_or_else(|| "program atau pengguna lain".to_owned()),
    }
}

/// Take the editing lock of `plan`, or say who holds it.
pub(crate) fn acquire(plan: &Path, now: &str) -> Result<PlanLock> {
    let path = lock_path(plan);
    // A few rounds only for the removal race described in the module docs.
    for _ in 0..5 {
        let mut file = match open_locked(&path) {
            Ok(file) => file,
            Err(Taken::Held) => return Err(locked(plan, read_holder_at(&path))),
            Err(Taken::Failed(e)) => return Err(Error::io(&path, e)),
        };
        let me = Holder::this_process(now);
        let body = serde_json::to_vec(&me).map_err(|e| Error::Internal(e.to_string()))?;
        file.set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)).map(|_| ()))
            .and_then(|()| file.write_all(&body))
            .and_then(|()| file.flush())
            .map_err(|e| Error::io(&path, e))?;
        if read_holder_at(&path).is_some_and(|h| h.token == me.token) {
            return Ok(PlanLock {
                file: Some(file),
                path,
            });
        }
        // The file we locked was removed by its previous holder: try the new one.
    }
    Err(locked(plan, read_holder_at(&path)))
}

/// Why the lock file could not be taken.
enum Taken {
    /// Someone holds it.
    Held,
    Failed(std::io::Error),
}

/// Open (creating it if need be) and lock the lock file at `path`.
#[cfg(unix)]
fn open_locked(path: &Path) -> std::result::Result<File, Taken> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(Taken::Failed)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Taken::Held),
        Err(std::fs::TryLockError::Error(e)) => Err(Taken::Failed(e)),
    }
}

/// Windows: opening for writing while sharing only reading is the lock (module docs).
#[cfg(windows)]
fn open_locked(path: &Path) -> std::result::Result<File, Taken> {
    use std::os::windows::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .share_mode(FILE_SHARE_READ)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION) => Taken::Held,
            _ => Taken::Failed(e),
        })
}

#[cfg(windows)]
const FILE_SHARE_READ: u32 = 0x1;
#[cfg(windows)]
const ERROR_SHARING_VIOLATION: i32 = 32;
#[cfg(windows)]
const ERROR_LOCK_VIOLATION: i32 = 33;

/// Whether another process holds the editing lock of `plan` now. Creates nothing.
#[cfg(unix)]
pub(crate) fn is_held(plan: &Path) -> bool {
    let Ok(file) = File::open(lock_path(plan)) else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(std::fs::TryLockError::WouldBlock) => true,
        Err(std::fs::TryLockError::Error(_)) => false,
    }
}

/// Windows: held when the lock file cannot be opened while denying others writing, i.e. a
/// holder has it open for writing. (For that instant an editor opening the plan would find
/// it taken; it is told so and may simply try again.)
#[cfg(windows)]
pub(crate) fn is_held(plan: &Path) -> bool {
    use std::os::windows::fs::OpenOptionsExt;
    let probe = OpenOptions::new()
        .read(true)
        .share_mode(FILE_SHARE_READ)
        .open(lock_path(plan));
    matches!(
        probe.map_err(|e| e.raw_os_error()),
        Err(Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION))
    )
}

impl Drop for PlanLock {
    fn drop(&mut self) {
        // Unix: remove while still holding the lock, so no one takes over a file about to
        // vanish unnoticed (see the module docs), then release.
        #[cfg(unix)]
        {
            let _ = std::fs::remove_file(&self.path);
            if let Some(file) = self.file.take() {
                let _ = file.unlock();
            }
        }
        // Windows: a held file cannot be removed; close it, then remove it unless someone
        // else holds it by now (then the removal fails and the file stays theirs).
        #[cfg(windows)]
        {
            drop(self.file.take());
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_names_the_holder_and_first_release_frees_it() {
        let dir = tempfile::tempdir().expect("test step");
        let plan = dir.path().join("Renja RB 2026.renjarb");
        let first = acquire(&plan, "2026-11-30T08:15:00Z").expect("test step");
        assert!(is_held(&plan));
        let Error::Locked { holder, .. } =
            acquire(&plan, "2026-11-30T09:00:00Z").expect_err("an error")
        else {
            panic!("expected Locked");
        };
        assert!(holder.contains("30 November 2026"), "{holder}");
        drop(first);
        assert!(!lock_path(&plan).exists());
        assert!(!is_held(&plan));
        let again = acquire(&plan, "2026-11-30T09:05:00Z").expect("test step");
        drop(again);
    }

    #[test]
    fn a_stale_lock_file_is_taken_over() {
        let dir = tempfile::tempdir().expect("test step");
        let plan = dir.path().join("a.renjarb");
        std::fs::write(lock_path(&plan), b"{not json").expect("test step");
        assert!(!is_held(&plan));
        let lock = acquire(&plan, "2026-11-30T08:15:00Z").expect("test step");
        assert!(read_holder_at(&lock_path(&plan)).is_some());
        drop(lock);
    }

    #[test]
    fn describes_holders_in_indonesian() {
        let h = Holder {
            user: "rina".into(),
            host: "PC-SEKRETARIAT".into(),
            program: "renja".into(),
            pid: 1,
            since: "not a time".into(),
            token: String::new(),
        };
        assert_eq!(
            h.describe(),
            "rina di komputer PC-SEKRETARIAT (perintah renja (baris perintah))"
        );
    }
}

//! The one way a file the user owns is written: whole under its name or not at all. Plans
//! (new, generated, backups, copies), reports, evidence packages and exported evidence are all
//! built under a temporary name beside their destination, synced, and renamed over it; a kill
//! at any moment leaves the old file or the new one, never a half-written one.
//!
//! Rules this module keeps:
//! - Every temporary file has a name of our own, `.{final name}.{32 hex}.renja-tmp`, beside
//!   its destination (hidden on Unix; the final name is shortened so the whole stays a legal
//!   name). SQLite writing a temporary plan adds `….renja-tmp-journal`. Nothing else has that
//!   shape, so [`super::sweep`] can remove what a killed writer left without ever touching a
//!   user's `.notes.tmp` or `rencana.renjarb.bak`.
//! - A temporary is "in use" for exactly as long as its writer lives, and the sweep removes
//!   only temporaries not in use. How a writer marks its temporary, per platform:
//!   - Unix: the writer holds an exclusive `flock` (std `File::try_lock`) on it from creation
//!     until it has its final name; the sweep removes only what it can lock itself. The lock
//!     dies with the process, so a killed writer's temporary is sweepable at once, with no age
//!     threshold to guess (a big generate or a slow network folder may go a long while without
//!     touching the file). flock is independent of SQLite's own fcntl locks on Linux, so
//!     holding it on a database that SQLite is writing is harmless.
//!   - Windows: byte-range locks are mandatory there and would make SQLite's own writes to a
//!     temporary plan fail, so the writer only keeps a handle open, and the sweep removes a
//!     temporary only when it can open it with no sharing at all, i.e. nobody has it open.
//!     SQLite keeps its database and journal open while it writes them, which marks them too.
//! - Creating and locking are two steps on Unix; a sweep that slips in between removes the
//!   fresh file, so the writer checks after locking that its name still leads to its file, and
//!   otherwise starts again under a new name.
//! - Across computers on a shared folder the mark is only as good as the share's locking; a
//!   sweep that misjudges there makes a running write fail, never a file under its final
//!   name damaged.
//! - The lock (or handle) is held until the rename is done: a temporary is never unmarked
//!   while it still has its temporary name.
//! - On failure, or when a writer gives up, the temporary and its journal are removed at once
//!   ([`TempFile`]'s `Drop`); only a kill leaves them for the sweep.
//! - A destination that is read-only (its permissions, or Windows' read-only attribute) is
//!   refused before anything is written; on Windows, one that another program holds open
//!   without sharing its deletion is refused when the rename fails. Either way the old file
//!   stays as it was, and the message says why ([`Error::CannotReplace`]).

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The end of every temporary file's name.
pub(crate) const SUFFIX: &str = ".renja-tmp";

/// At most this many characters of the final name go into a temporary's name: names are
/// limited to 255 bytes, and the temporary adds 44.
const NAME_CHARS: usize = 64;

/// Make sure a rename or a newly created file in `dir` survives power loss.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let dir = folder(dir);
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| Error::io(dir, e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// `dir`, or "." for the empty parent of a bare file name.
pub(crate) fn folder(dir: &Path) -> &Path {
    if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }
}

/// The folder `path` is in.
pub(crate) fn parent_of(path: &Path) -> &Path {
    folder(path.parent().unwrap_or(Path::new("")))
}

/// The rollback journal SQLite keeps beside `db` while writing.
pub(crate) fn journal_of(db: &Path) -> PathBuf {
    super::journal::sibling(db, "-journal")
}

/// A fresh temporary name beside `dest`: `.{name}.{32 hex}.renja-tmp`.
pub(crate) fn temp_name(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| {
            n.to_string_lossy()
                .chars()
                .take(NAME_CHARS)
                .collect::<String>()
        })
        .unwrap_or_else(|| "rencana".into());
    dest.with_file_name(format!(".{name}.{}{SUFFIX}", uuid::Uuid::new_v4().simple()))
}

/// A file being written under a temporary name beside its destination, marked in use (see
/// the module docs) until [`TempFile::persist`] gives it its final name. Dropped unpersisted,
/// it removes itself and any SQLite journal beside it.
#[derive(Debug)]
pub(crate) struct TempFile {
    path: PathBuf,
    dest: PathBuf,
    file: Option<File>,
}

impl TempFile {
    /// Create an empty temporary beside `dest`, after sweeping the stale temporaries of
    /// earlier runs from that folder. SQLite accepts the empty file as a new database.
    pub(crate) fn beside(dest: &Path) -> Result<TempFile> {
        super::refuse_device_name(dest)?;
        if dest.is_dir() {
            return Err(Error::io(dest, std::io::ErrorKind::IsADirectory.into()));
        }
        // A file its owner made read-only is not replaced, on every system alike (Windows
        // refuses to anyway; Unix would let the folder's permission decide), as a read-only
        // plan is not edited.
        if std::fs::metadata(dest).is_ok_and(|m| m.is_file() && m.permissions().readonly()) {
            return Err(Error::CannotReplace {
                path: dest.into(),
                read_only: true,
            });
        }
        super::sweep::sweep_stale_temporaries(parent_of(dest));
        // A sweep in another process may remove a fresh file before it is locked (Unix);
        // three such losses in a row would take three concurrent sweeps and no luck at all.
        for _ in 0..3 {
            let path = temp_name(dest);
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|e| match e.kind() {
                    std::io::ErrorKind::NotFound
                    | std::io::ErrorKind::PermissionDenied
                    | std::io::ErrorKind::ReadOnlyFilesystem => Error::cannot_create(dest),
                    _ => Error::io(&path, e),
                })?;
            if mark_in_use(&file, &path) {
                return Ok(TempFile {
                    path,
                    dest: dest.into(),
                    file: Some(file),
                });
            }
        }
        Err(Error::io(dest, std::io::ErrorKind::WouldBlock.into()))
    }

    /// The temporary's path, for SQLite to open.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The temporary, for writing.
    pub(crate) fn file(&mut self) -> &mut File {
        self.file
            .as_mut()
            .unwrap_or_else(|| unreachable!("a TempFile keeps its file until dropped"))
    }

    /// Sync the contents, rename the temporary over the destination and sync the folder.
    /// Whoever wrote into the file (this handle or SQLite) must have finished and closed.
    pub(crate) fn persist(mut self) -> Result<()> {
        if let Some(file) = &self.file {
            file.sync_all().map_err(|e| Error::io(&self.path, e))?;
        }
        std::fs::rename(&self.path, &self.dest).map_err(|e| replace_error(&self.dest, e))?;
        // Renamed: nothing left to remove, and the lock or handle may go.
        self.path.clear();
        self.file = None;
        sync_dir(parent_of(&self.dest))
    }
}

/// Why `dest` could not be replaced. Windows refuses to replace a file another program holds
/// open without sharing its deletion (Excel, most PDF viewers, another Renja RB editing a
/// plan), and a file with the read-only attribute; both come back as "access denied" or a
/// sharing violation and deserve words of their own. Unix replaces both.
fn replace_error(dest: &Path, e: std::io::Error) -> Error {
    #[cfg(windows)]
    {
        const ACCESS_DENIED: i32 = 5;
        const SHARING_VIOLATION: i32 = 32;
        const LOCK_VIOLATION: i32 = 33;
        if matches!(
            e.raw_os_error(),
            Some(ACCESS_DENIED | SHARING_VIOLATION | LOCK_VIOLATION)
        ) && let Ok(meta) = std::fs::metadata(dest)
            && meta.is_file()
        {
            return Error::CannotReplace {
                path: dest.into(),
                read_only: meta.permissions().readonly(),
            };
        }
    }
    Error::io(dest, e)
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            let _ = std::fs::remove_file(journal_of(&self.path));
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Mark a freshly created temporary as in use; false when a sweep took it in the meantime.
#[cfg(unix)]
fn mark_in_use(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match file.try_lock() {
        Ok(()) => {}
        // A sweep holds it and is about to remove it.
        Err(std::fs::TryLockError::WouldBlock) => return false,
        // No flock on this file system (some network shares): the sweep cannot lock there
        // either, so it never removes anything and the file is safe unlocked.
        Err(std::fs::TryLockError::Error(_)) => return true,
    }
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(ours), Ok(named)) => ours.dev() == named.dev() && ours.ino() == named.ino(),
        _ => false,
    }
}

/// On Windows the open handle is the mark, from the moment of creation.
#[cfg(not(unix))]
fn mark_in_use(_file: &File, _path: &Path) -> bool {
    true
}

/// Write a new file at `dest` through `write`, atomically (see the module docs). On any
/// failure `dest` is left as it was and nothing is left beside it.
pub(crate) fn write_with<T>(dest: &Path, write: impl FnOnce(&mut File) -> Result<T>) -> Result<T> {
    let mut tmp = TempFile::beside(dest)?;
    let value = write(tmp.file())?;
    tmp.persist()?;
    Ok(value)
}

/// Write `bytes` to `dest` atomically (see [`write_with`]).
pub(crate) fn write_atomically(dest: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    write_with(dest, |f| f.write_all(bytes).map_err(|e| Error::io(dest, e)))
}

/// Copy the file `src` to `dest` atomically (see [`write_with`]): a backup is whole or absent.
pub(crate) fn copy_whole(src: &Path, dest: &Path) -> Result<()> {
    let mut from = File::open(src).map_err(|e| Error::io(src, e))?;
    write_with(dest, |to| {
        std::io::copy(&mut from, to)
            .map(drop)
            .map_err(|e| Error::io(dest, e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::sweep::temporary_kind;

    #[test]
    fn temporary_names_are_ours_and_short_enough() {
        let dir = Path::new("/tmp/x");
        let tmp = temp_name(&dir.join("Laporan Monev.pdf"));
        let name = tmp.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(name.starts_with(".Laporan Monev.pdf."), "{name}");
        assert!(name.ends_with(".renja-tmp"), "{name}");
        assert_eq!(name.len(), ".Laporan Monev.pdf.".len() + 32 + SUFFIX.len());
        assert!(temporary_kind(name).is_some(), "{name}");
        assert_ne!(tmp, temp_name(&dir.join("Laporan Monev.pdf")));

        let long = "é".repeat(200) + ".renjarb";
        let tmp = temp_name(&dir.join(&long));
        let name = tmp.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(name.len() < 255, "{} bytes", name.len());
        assert!(temporary_kind(name).is_some(), "{name}");
    }

    #[test]
    fn a_dropped_temporary_removes_itself_and_its_journal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dest = dir.path().join("laporan.pdf");
        let tmp = TempFile::beside(&dest).expect("temporary");
        std::fs::write(journal_of(tmp.path()), b"journal").expect("journal");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 2);
        drop(tmp);
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
    }

    #[test]
    fn write_with_replaces_whole_or_not_at_all() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dest = dir.path().join("laporan.pdf");
        std::fs::write(&dest, b"lama").expect("old");
        let e = write_with(&dest, |f| {
            use std::io::Write;
            f.write_all(b"setengah").map_err(|e| Error::io(&dest, e))?;
            Err::<(), _>(Error::Internal("gagal di tengah".into()))
        });
        assert!(e.is_err());
        assert_eq!(std::fs::read(&dest).expect("read"), b"lama");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);

        write_atomically(&dest, b"baru").expect("write");
        assert_eq!(std::fs::read(&dest).expect("read"), b"baru");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }
}

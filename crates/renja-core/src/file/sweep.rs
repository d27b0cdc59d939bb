//! Removing what killed writers left behind: temporaries of our own naming
//! (`.{name}.{32 hex}.renja-tmp` and SQLite's `….renja-tmp-journal` beside one) that no
//! running writer holds. See [`super::atomic`] for how a writer marks its temporary in use
//! and why that, not the file's age, tells a stale temporary from one being written.
//!
//! The sweep runs in a destination folder before every atomic write (so a report, package or
//! copy written again cleans up after its killed predecessor), and in a plan's folder when the
//! plan is opened for editing. It is best effort: a folder that cannot be read, or a file that
//! cannot be removed, is left alone without an error. It never follows a symlink and never
//! touches a name that is not exactly ours. Read-only opening does not sweep: it writes nothing.
//!
//! The scratch folders where a crash's journal is tried on a copy ([`super::recover`]) live in
//! the system's temporary folder; a plan shown from one removes it when it closes, but a killed
//! app leaves it, a whole copy of the plan, and Windows never empties `%TEMP%` by itself.
//! [`sweep_stale_scratch`] removes those untouched for a day; the app runs it when it starts.

use std::path::Path;
use std::time::{Duration, SystemTime};

use super::atomic::SUFFIX;

/// What a name of ours is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `.{name}.{32 hex}.renja-tmp`: a temporary file or database.
    Temporary,
    /// `.{name}.{32 hex}.renja-tmp-journal`: SQLite's journal beside a temporary database.
    Journal,
}

/// Whether `name` is exactly one of our temporaries' names, and which.
pub(crate) fn temporary_kind(name: &str) -> Option<Kind> {
    let (stem, kind) = if let Some(stem) = name.strip_suffix("-journal") {
        (stem.strip_suffix(SUFFIX)?, Kind::Journal)
    } else {
        (name.strip_suffix(SUFFIX)?, Kind::Temporary)
    };
    let (front, hex) = stem.rsplit_once('.')?;
    let final_name = front.strip_prefix('.')?;
    let is_hex = hex.len() == 32
        && hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    (is_hex && !final_name.is_empty()).then_some(kind)
}

/// Remove the stale temporaries of our naming in `dir`; returns how many files went.
pub(crate) fn sweep_stale_temporaries(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(kind) = name.to_str().and_then(temporary_kind) else {
            continue;
        };
        // Regular files only: never a symlink or a folder that happens to have our shape.
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        removed += match kind {
            Kind::Temporary => remove_if_stale(&path),
            Kind::Journal => remove_journal_if_stale(&path),
        };
    }
    removed
}

/// Unix: a temporary is stale when we can take its lock; it is removed while we hold it, so
/// a writer that locked it in between finds its name gone and starts again. Its journal goes
/// with it.
#[cfg(unix)]
fn remove_if_stale(path: &Path) -> usize {
    let Ok(file) = std::fs::File::open(path) else {
        return 0;
    };
    if file.try_lock().is_err() {
        return 0;
    }
    let journal = usize::from(std::fs::remove_file(super::atomic::journal_of(path)).is_ok());
    let temporary = usize::from(std::fs::remove_file(path).is_ok());
    drop(file);
    journal + temporary
}

/// Unix: a journal cannot carry our lock (SQLite makes it), so it follows its database: it is
/// stale when its temporary is gone. When the temporary is still there, [`remove_if_stale`]
/// decides for both.
#[cfg(unix)]
fn remove_journal_if_stale(path: &Path) -> usize {
    let name = path.as_os_str().to_string_lossy();
    let Some(db) = name.strip_suffix("-journal") else {
        return 0;
    };
    if Path::new(db).exists() {
        return 0;
    }
    usize::from(std::fs::remove_file(path).is_ok())
}

/// Windows: a file is stale when it can be opened with no sharing at all, i.e. no writer
/// (nor SQLite) has it open. The check handle is closed before removing; no writer ever
/// opens an existing temporary again, so nothing can take it in between.
#[cfg(not(unix))]
fn remove_if_stale(path: &Path) -> usize {
    use std::os::windows::fs::OpenOptionsExt;
    let unshared = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(0)
        .open(path);
    match unshared {
        Ok(file) => {
            drop(file);
            usize::from(std::fs::remove_file(path).is_ok())
        }
        Err(_) => 0,
    }
}

/// Windows: SQLite keeps a journal open while it writes it, so the same test applies.
#[cfg(not(unix))]
fn remove_journal_if_stale(path: &Path) -> usize {
    remove_if_stale(path)
}

/// The name every scratch folder of [`super::recover`] starts with.
pub(crate) const SCRATCH_PREFIX: &str = "renja-pemulihan-";

/// How long a scratch folder stays untouched before it counts as left behind: a day, far
/// longer than any command reading a crashed plan takes. (A plan shown from one in the app,
/// open for days, is safe: a second start hands its file to the running app and stops.)
pub const SCRATCH_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// Remove the scratch folders of crashed plans in `temp` (the system's temporary folder)
/// last changed more than `age` before `now`; returns how many went. Best effort, like the
/// rest of this module: only folders (never a symlink) whose name is exactly our prefix and
/// tempfile's six random characters.
pub fn sweep_stale_scratch(temp: &Path, now: SystemTime, age: Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name
            .to_str()
            .and_then(|n| n.strip_prefix(SCRATCH_PREFIX))
            .is_some_and(|rest| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !ours || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|untouched| untouched > age);
        if stale && std::fs::remove_dir_all(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn only_our_exact_names_are_temporaries() {
        for ours in [
            format!(".rencana.renjarb.{HEX}.renja-tmp"),
            format!(".Laporan Monev Maret.pdf.{HEX}.renja-tmp"),
            format!("..tersembunyi.{HEX}.renja-tmp"),
        ] {
            assert_eq!(temporary_kind(&ours), Some(Kind::Temporary), "{ours}");
            let journal = format!("{ours}-journal");
            assert_eq!(temporary_kind(&journal), Some(Kind::Journal), "{journal}");
        }
        for theirs in [
            ".notes.tmp".to_owned(),
            "rencana.renjarb.bak".to_owned(),
            "rencana.renjarb-journal".to_owned(),
            format!(".rencana.renjarb.{HEX}.tmp"),
            format!("rencana.renjarb.{HEX}.renja-tmp"),
            format!(".{HEX}.renja-tmp"),
            format!(".rencana.renjarb.{}.renja-tmp", &HEX[1..]),
            format!(".rencana.renjarb.{}.renja-tmp", HEX.to_uppercase()),
            format!(".rencana.renjarb.{HEX}.renja-tmp.pdf"),
            format!(".rencana.renjarb.{HEX}.renja-tmp-wal"),
            format!(".rencana.renjarb.{HEX}.renja-tmp-journal-journal"),
            ".renja-tmp".to_owned(),
        ] {
            assert_eq!(temporary_kind(&theirs), None, "{theirs}");
        }
    }
}

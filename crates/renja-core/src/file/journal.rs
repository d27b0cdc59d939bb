//! What lies beside a plan: a rollback journal (`-journal`) or a write-ahead log (`-wal`,
//! `-shm`). SQLite applies any of them that it finds, without asking whose it is. Files are
//! copied around in folders, so the one beside a plan may come from another copy of it; a
//! foreign journal applied to a good plan corrupts it. So SQLite never sees one that has not
//! been judged here first.
//!
//! Rules:
//! - A `-journal` is *hot* when it starts with the journal magic; SQLite would roll it back.
//!   It is applied only when it belongs to this plan: its page size and its copy of page 1
//!   (the application id, a change counter at most one behind the plan's) must fit the plan,
//!   and rolling it back on a copy of the plan and the journal, in a scratch folder, must
//!   give a plan that passes the full check. Only then is it applied to the plan itself,
//!   after a copy of both is kept beside it ("rencana (sebelum pemulihan).renjarb" and its
//!   journal). Read-only, the rolled-back copy is what is shown; the original stays as it was.
//! - A journal that does not belong is never applied. Opening for editing moves it aside
//!   under a name SQLite ignores ("…-journal (tidak dipakai)"); read-only leaves it.
//! - Our plans never use WAL mode, so a `-wal` (with its `-shm`) beside a plan never belongs:
//!   it is treated like a foreign journal.
//! - A `-journal` without the magic holds nothing to apply: opening for editing removes it,
//!   read-only opening (SQLite's `immutable`) does not look at it.
//! - A crash's journal whose rollback leaves the plan file byte for byte as it is (the crash
//!   came before the plan file was written, the common case) is applied without keeping
//!   copies: they would only be copies of the plan.
//! - While another process holds the plan's editing lock, its journal is live, not hot:
//!   nothing here applies then (see `lock`).

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

/// A sibling file of `db` with SQLite's `suffix` (`-journal`, `-wal`, `-shm`).
pub(crate) fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// What lies beside a plan.
#[derive(Debug, Default)]
pub(crate) struct Siblings {
    /// A `-journal` with the journal magic: SQLite would roll it back.
    pub hot_journal: Option<PathBuf>,
    /// A `-journal` without the magic: nothing to apply.
    pub dead_journal: Option<PathBuf>,
    /// A `-wal` (and maybe `-shm`): never ours.
    pub wal: Option<PathBuf>,
    pub shm: Option<PathBuf>,
}

impl Siblings {
    pub fn inspect(db: &Path) -> Result<Siblings> {
        let exists = |p: &PathBuf| p.is_file();
        let journal = sibling(db, "-journal");
        let mut found = Siblings::default();
        if exists(&journal) {
            let mut head = [0u8; 8];
            let got = File::open(&journal)
                .and_then(|mut f| f.read(&mut head))
                .map_err(|e| Error::io(&journal, e))?;
            if got == 8 && head == MAGIC {
                found.hot_journal = Some(journal);
            } else {
                found.dead_journal = Some(journal);
            }
        }
        found.wal = Some(sibling(db, "-wal")).filter(exists);
        found.shm = Some(sibling(db, "-shm")).filter(exists);
        Ok(found)
    }
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// The cheap part of "does this journal belong to this plan": its header must fit the plan,
/// and its copy of page 1 (the header SQLite counts transactions in) must be the plan's page
/// 1 as it was when the crashed transaction began. Returns why not.
///
/// Every write transaction of ours journals page 1 first (`storage::begin_write`), so a
/// journal without it was not written by Renja RB (or by a version before this rule, whose
/// crashes are then treated as foreign: the plan alone must pass its checks). The plan's page 1 on disk is then either that very page (the transaction had written
/// nothing to the plan yet) or that page with the change counter one higher (it had). A
/// journal from another copy of the plan that has gone its own way fails this: their
/// counters differ, or their pages do.
pub(crate) fn fits(
    journal: &Path,
    plan: &Path,
    plan_header: &super::header::Header,
) -> Result<(), String> {
    use std::io::{Seek, SeekFrom};
    let mut file = File::open(journal).map_err(|e| e.to_string())?;
    let journal_len = file.metadata().map_err(|e| e.to_string())?.len();
    let mut head = [0u8; 28];
    file.read_exact(&mut head)
        .map_err(|_| "journal header cut short".to_owned())?;
    let records = be32(&head, 8);
    let sector = u64::from(be32(&head, 20));
    let page_size = u64::from(be32(&head, 24));
    if page_size != plan_header.page_size {
        return Err(format!(
            "journal page size {page_size}, plan {}",
            plan_header.page_size
        ));
    }
    if !(512..=65_536).contains(&sector) || !sector.is_power_of_two() {
        return Err(format!("journal sector size {sector}"));
    }
    // The first segment's records follow the header, padded to the sector size.
    let record = page_size + 8;
    let in_file = journal_len.saturating_sub(sector) / record;
    let count = match records {
        0 | u32::MAX => in_file,
        n => u64::from(n).min(in_file),
    };
    let mut page_one = None;
    for i in 0..count {
        file.seek(SeekFrom::Start(sector + i * record))
            .map_err(|e| e.to_string())?;
        let mut number = [0u8; 4];
        file.read_exact(&mut number).map_err(|e| e.to_string())?;
        if be32(&number, 0) == 1 {
            let mut page = vec![0u8; page_size as usize];
            file.read_exact(&mut page).map_err(|e| e.to_string())?;
            page_one = Some(page);
            break;
        }
    }
    let Some(then) = page_one else {
        return Err("journal holds no copy of page 1: not a Renja RB transaction".into());
    };
    if be32(&then, 68) != super::APPLICATION_ID {
        return Err("journal's page 1 is not a Renja RB plan".into());
    }
    let mut now = vec![0u8; page_size as usize];
    File::open(plan)
        .and_then(|mut f| f.read_exact(&mut now))
        .map_err(|e| e.to_string())?;
    let (was, is) = (be32(&then, 24), plan_header.change_counter);
    if now == then {
        return Ok(());
    }
    if is != was.wrapping_add(1) {
        return Err(format!("journal's change counter {was}, plan's {is}"));
    }
    Ok(())
}

/// A free name for a file moved aside: "rencana.renjarb-journal (tidak dipakai)", then
/// "… (tidak dipakai 2)", ….
pub(crate) fn aside_name(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (1..)
        .map(|n| match n {
            1 => file.with_file_name(format!("{name} (tidak dipakai)")),
            n => file.with_file_name(format!("{name} (tidak dipakai {n})")),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| file.with_file_name(format!("{name} (tidak dipakai)")))
}

/// Move `file` aside under [`aside_name`]; returns the new path.
pub(crate) fn move_aside(file: &Path) -> Result<PathBuf> {
    let to = aside_name(file);
    std::fs::rename(file, &to).map_err(|e| Error::io(file, e))?;
    super::sync_dir(file.parent().unwrap_or(Path::new(".")))?;
    Ok(to)
}

/// Whether two files hold the same bytes, read in chunks.
pub(crate) fn same_bytes(a: &Path, b: &Path) -> std::io::Result<bool> {
    let (mut a, mut b) = (File::open(a)?, File::open(b)?);
    if a.metadata()?.len() != b.metadata()?.len() {
        return Ok(false);
    }
    let (mut x, mut y) = (vec![0u8; 1 << 20], vec![0u8; 1 << 20]);
    loop {
        let n = a.read(&mut x)?;
        if n == 0 {
            return Ok(true);
        }
        b.read_exact(&mut y[..n])?;
        if x[..n] != y[..n] {
            return Ok(false);
        }
    }
}

/// Copy `plan` and its hot journal into `scratch` under the names SQLite pairs, ready to be
/// rolled back there. Returns the copied plan's path.
pub(crate) fn copy_pair(plan: &Path, journal: &Path, scratch: &Path) -> Result<PathBuf> {
    let copy = scratch.join("pemulihan.renjarb");
    std::fs::copy(plan, &copy).map_err(|e| Error::io(plan, e))?;
    std::fs::copy(journal, sibling(&copy, "-journal")).map_err(|e| Error::io(journal, e))?;
    Ok(copy)
}

/// The names the pre-recovery copies are kept under: "rencana (sebelum pemulihan).renjarb"
/// and the same with "-journal", both free.
pub(crate) fn backup_names(plan: &Path) -> (PathBuf, PathBuf) {
    let stem = plan
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rencana".into());
    let dir = plan.parent().unwrap_or(Path::new("."));
    let ext = plan
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (1..)
        .map(|n| {
            let base = match n {
                1 => format!("{stem} (sebelum pemulihan){ext}"),
                n => format!("{stem} (sebelum pemulihan {n}){ext}"),
            };
            let db = dir.join(base);
            let journal = sibling(&db, "-journal");
            (db, journal)
        })
        .find(|(db, j)| !db.exists() && !j.exists())
        .expect("some name is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aside_and_backup_names_are_free() {
        let dir = tempfile::tempdir().expect("test step");
        let plan = dir.path().join("Renja RB 2026.renjarb");
        let journal = sibling(&plan, "-journal");
        std::fs::write(&journal, b"x").expect("test step");
        assert_eq!(
            aside_name(&journal).file_name().expect("test step"),
            "Renja RB 2026.renjarb-journal (tidak dipakai)"
        );
        std::fs::write(aside_name(&journal), b"x").expect("test step");
        assert_eq!(
            aside_name(&journal).file_name().expect("test step"),
            "Renja RB 2026.renjarb-journal (tidak dipakai 2)"
        );
        let (db, j) = backup_names(&plan);
        assert_eq!(
            db.file_name().expect("test step"),
            "Renja RB 2026 (sebelum pemulihan).renjarb"
        );
        assert_eq!(
            j.file_name().expect("test step"),
            "Renja RB 2026 (sebelum pemulihan).renjarb-journal"
        );
    }
}

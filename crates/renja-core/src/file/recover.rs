//! What opening does about a journal or WAL beside a plan (the rules are in [`super::journal`]):
//! trying a crash's journal on a copy, applying it with the crashed state kept, or leaving
//! a stranger's journal unapplied; and the [`Recovery`] notice the plan screen shows.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::connect::{Access, connect};
use super::{
    APPLICATION_ID, Depth, Opened, ReadOnlyReason, Recovery, copy_whole, corrupt_on_sql, header,
    journal, validate,
};
use crate::error::{Error, Result};

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Roll `journal` back onto a copy of `plan` in a scratch folder and check the result fully.
/// Returns the scratch folder holding the rolled-back `pemulihan.renjarb`, or why the
/// journal does not belong to the plan.
pub(super) fn verify_rollback(
    plan: &Path,
    journal: &Path,
    header: &header::Header,
) -> std::result::Result<tempfile::TempDir, String> {
    journal::fits(journal, plan, header)?;
    let scratch = tempfile::Builder::new()
        .prefix(super::sweep::SCRATCH_PREFIX)
        // The shape `sweep_stale_scratch` recognises.
        .rand_bytes(6)
        .tempdir()
        .map_err(|e| e.to_string())?;
    let copy = journal::copy_pair(plan, journal, scratch.path()).map_err(|e| e.to_string())?;
    let rolled = (|| {
        let conn = connect(&copy, Access::Write)?;
        // The first read finds the hot journal and rolls it back.
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        conn.close().map_err(|(_, e)| Error::Sql(e))?;
        let (h, _) = header::read(&copy)?;
        if h.application_id != APPLICATION_ID || h.user_version != header.user_version {
            return Err(Error::Internal("rolled back to another plan".into()));
        }
        let conn = connect(&copy, Access::ReadImmutable)?;
        validate(&conn, plan, h.user_version, Depth::Full)
    })();
    match rolled {
        Ok(()) if !journal::sibling(&copy, "-journal").exists() => Ok(scratch),
        Ok(()) => Err("the journal was not rolled back".into()),
        Err(e) => Err(format!("rolled back, the plan fails its check: {e}")),
    }
}

/// Apply a verified journal: to the plan itself after keeping copies of both (editing), or
/// by showing the verified copy (read-only).
pub(super) fn recover(
    plan: &Path,
    journal: &Path,
    version: u32,
    read_only: Option<ReadOnlyReason>,
    scratch: tempfile::TempDir,
    done: &dyn Fn(Connection, Option<Recovery>, Option<tempfile::TempDir>) -> Result<Opened>,
) -> Result<Opened> {
    const WHAT: &str = "Rencana ini sebelumnya tertutup tidak wajar (misalnya listrik padam \
                        atau aplikasi terhenti) ketika sedang menyimpan. Perubahan yang belum \
                        selesai disimpan saat itu dibatalkan";
    if read_only.is_some() {
        let conn = connect(
            &scratch.path().join("pemulihan.renjarb"),
            Access::ReadImmutable,
        )?;
        let recovery = Recovery {
            message: format!(
                "{WHAT}, dan rencana ditampilkan dengan perubahan terakhir yang tersimpan. \
                 Berkasnya sendiri tidak diubah; bukalah untuk diedit agar pemulihan ini disimpan."
            ),
            kept: vec![],
        };
        return done(conn, Some(recovery), Some(scratch));
    }
    // Most crashes come before the plan file itself was written: rolling back then changes
    // nothing in it, and a copy of the crashed state would only be a copy of the plan.
    let untouched = journal::same_bytes(plan, &scratch.path().join("pemulihan.renjarb"))
        .map_err(|e| Error::io(plan, e))?;
    drop(scratch);
    let kept = if untouched {
        None
    } else {
        let (plan_copy, journal_copy) = journal::backup_names(plan);
        copy_whole(plan, &plan_copy)?;
        copy_whole(journal, &journal_copy)?;
        Some((plan_copy, journal_copy))
    };
    let conn = connect(plan, Access::Write)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        .map_err(corrupt_on_sql(plan))?;
    header::read(plan)?;
    validate(&conn, plan, version, Depth::Quick)?;
    let recovery = match kept {
        Some((plan_copy, journal_copy)) => Recovery {
            message: format!(
                "{WHAT}; rencana dibuka dengan perubahan terakhir yang tersimpan. Keadaan sebelum \
                 pemulihan disimpan sebagai \"{}\" beserta jurnalnya.",
                file_name(&plan_copy)
            ),
            kept: vec![
                plan_copy.to_string_lossy().into_owned(),
                journal_copy.to_string_lossy().into_owned(),
            ],
        },
        None => Recovery {
            message: format!(
                "{WHAT}; perubahan itu belum sempat tertulis ke berkas, jadi rencana tetap berisi \
                 perubahan terakhir yang tersimpan."
            ),
            kept: vec![],
        },
    };
    done(conn, Some(recovery), None)
}

/// Open a plan beside which lies a journal or WAL that is not its own: the plan alone must
/// pass; editing then moves the strangers aside, read-only leaves them.
pub(super) fn ignore_siblings(
    plan: &Path,
    header: &header::Header,
    len: u64,
    siblings: &journal::Siblings,
    read_only: Option<ReadOnlyReason>,
    done: &dyn Fn(Connection, Option<Recovery>, Option<tempfile::TempDir>) -> Result<Opened>,
) -> Result<Opened> {
    header::check_length(plan, header, len)?;
    let alone = connect(plan, Access::ReadImmutable)?;
    validate(&alone, plan, header.user_version, Depth::Quick)?;
    let strangers: Vec<&PathBuf> = [&siblings.hot_journal, &siblings.wal, &siblings.shm]
        .into_iter()
        .flatten()
        .collect();
    let names = strangers
        .iter()
        .map(|p| format!("\"{}\"", file_name(p)))
        .collect::<Vec<_>>()
        .join(" dan ");
    const WHY: &str = "yang bukan milik rencana ini (mungkin ikut tersalin dari salinan lain)";
    if read_only.is_some() {
        let recovery = Recovery {
            message: format!(
                "Di samping berkas ini ada {names} {WHY}. Berkas itu diabaikan: rencana \
                 ditampilkan apa adanya dan tidak ada berkas yang diubah."
            ),
            kept: vec![],
        };
        return done(alone, Some(recovery), None);
    }
    drop(alone);
    let mut kept = Vec::new();
    for stranger in strangers {
        kept.push(
            journal::move_aside(stranger)?
                .to_string_lossy()
                .into_owned(),
        );
    }
    let conn = connect(plan, Access::Write)?;
    validate(&conn, plan, header.user_version, Depth::Quick)?;
    let recovery = Recovery {
        message: format!(
            "Di samping berkas ini ada {names} {WHY}. Berkas itu tidak diterapkan, jadi rencana \
             tidak berubah; berkas itu dipindahkan menjadi {}.",
            kept.iter()
                .map(|k| format!("\"{}\"", file_name(Path::new(k))))
                .collect::<Vec<_>>()
                .join(" dan ")
        ),
        kept,
    };
    done(conn, Some(recovery), None)
}

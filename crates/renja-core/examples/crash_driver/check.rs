//! Judging a plan after a kill: open it in one mode and read all of it, `check_file`, open it
//! in the other mode, read it again, `check_file`, and put the run in one [`Class`]. The rules
//! of the classes are in the driver's doc (`main.rs`) and the README; they are the point of the
//! harness, so a change here is a change of what CI accepts. Only reads the plan at the path it
//! is given (and a copy, for the diagnosis): it never records, prints or keeps anything.

use std::path::Path;
use std::sync::Arc;

use renja_core::{OpenMode, Plan, SystemClock};

use crate::contents::{Baseline, compare, found_edit, read_plan};
use crate::files::copy_dir;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    Intact,
    Refused,
    DurabilityViolation,
    IntegrityFailure,
    EditorPanic,
    EditorError,
    CheckPanic,
}

impl Class {
    pub const ALL: [Class; 7] = [
        Class::Intact,
        Class::Refused,
        Class::DurabilityViolation,
        Class::IntegrityFailure,
        Class::EditorPanic,
        Class::EditorError,
        Class::CheckPanic,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Class::Intact => "intact",
            Class::Refused => "refused",
            Class::DurabilityViolation => "durability_violation",
            Class::IntegrityFailure => "integrity_failure",
            Class::EditorPanic => "editor_panic",
            Class::EditorError => "editor_error",
            Class::CheckPanic => "check_panic",
        }
    }
}

/// One step of the check after a kill, and what came of it.
#[derive(Debug)]
pub enum StepResult {
    /// Opened (or checked) and, for an open, read: the plan holds edits 1..=found.
    Ok { found: Option<u64> },
    /// The core returned an error for the open or `check_file`.
    Refused(String),
    /// Opened, but reading failed or the contents are not a prefix of the edits.
    Bad(String),
}

pub struct Verdict {
    pub class: Class,
    pub found: Option<u64>,
    pub detail: String,
    pub steps: Vec<(String, StepResult)>,
}

fn describe(e: &renja_core::Error, dir: &Path) -> String {
    let english = e.to_string().replace(&dir.display().to_string(), "<dir>");
    format!("[{:?}] {} | {english}", e.kind(), e.message())
}

fn open_and_read(path: &Path, mode: OpenMode, base: &Baseline) -> StepResult {
    let dir = path.parent().unwrap_or(Path::new("."));
    let plan = match Plan::open(path, mode, Arc::new(SystemClock)) {
        Ok(plan) => plan,
        Err(e) => return StepResult::Refused(describe(&e, dir)),
    };
    if mode == OpenMode::Edit && plan.read_only().is_some() {
        return StepResult::Refused(format!(
            "opened read-only ({:?}) when asked for editing",
            plan.read_only()
        ));
    }
    let seen = match read_plan(&plan, base) {
        Ok(seen) => seen,
        Err(e) => return StepResult::Bad(format!("reading failed: {}", describe(&e, dir))),
    };
    let found = found_edit(&seen);
    if let Err(diff) = compare(&seen, base, found) {
        return StepResult::Bad(format!(
            "holds edit {found} but not edits 1..={found}: {diff}"
        ));
    }
    if let Err(e) = plan.close() {
        return StepResult::Refused(format!("closing failed: {}", describe(&e, dir)));
    }
    StepResult::Ok { found: Some(found) }
}

fn check_step(path: &Path) -> StepResult {
    let dir = path.parent().unwrap_or(Path::new("."));
    match renja_core::check_file(path) {
        Ok(_) => StepResult::Ok { found: None },
        Err(e) => StepResult::Refused(describe(&e, dir)),
    }
}

pub fn mode_name(mode: OpenMode) -> &'static str {
    match mode {
        OpenMode::Edit => "Edit",
        OpenMode::ReadOnly => "ReadOnly",
    }
}

/// Reopen and check the plan at `path` after a kill; `acked` is the last acknowledged edit.
pub fn check_after_kill(path: &Path, acked: u64, base: &Baseline, first: OpenMode) -> Verdict {
    let second = match first {
        OpenMode::Edit => OpenMode::ReadOnly,
        OpenMode::ReadOnly => OpenMode::Edit,
    };
    let mut steps: Vec<(String, StepResult)> = Vec::new();
    let mut edit_opened = false;
    for (i, mode) in [first, second].into_iter().enumerate() {
        let r = open_and_read(path, mode, base);
        if mode == OpenMode::Edit && matches!(r, StepResult::Ok { .. }) {
            edit_opened = true;
        }
        steps.push((format!("open {}", mode_name(mode)), r));
        let r = check_step(path);
        // check_file failing after the core opened (and so recovered) the plan for editing
        // means the file itself is bad, not just the way it was approached.
        let r = match r {
            StepResult::Refused(m) if edit_opened => StepResult::Bad(format!("check_file: {m}")),
            r => r,
        };
        steps.push((format!("check_file #{}", i + 1), r));
    }
    let founds: Vec<u64> = steps
        .iter()
        .filter_map(|(_, r)| match r {
            StepResult::Ok { found } => *found,
            _ => None,
        })
        .collect();
    let found = founds.iter().copied().max();
    let (class, detail) = if let Some((step, StepResult::Bad(m))) =
        steps.iter().find(|(_, r)| matches!(r, StepResult::Bad(_)))
    {
        (Class::IntegrityFailure, format!("{step}: {m}"))
    } else if founds.iter().any(|f| Some(*f) != found) {
        (
            Class::IntegrityFailure,
            format!("the two opens saw different plans: edits {founds:?}"),
        )
    } else if let Some(f) = found.filter(|f| *f < acked) {
        (
            Class::DurabilityViolation,
            format!("acknowledged edit {acked} but the plan holds only edits 1..={f}"),
        )
    } else if let Some(f) = found.filter(|f| *f > acked + 1) {
        (
            Class::IntegrityFailure,
            format!("acknowledged edit {acked} but the plan holds edit {f}"),
        )
    } else if let Some((step, StepResult::Refused(m))) = steps
        .iter()
        .find(|(_, r)| matches!(r, StepResult::Refused(_)))
    {
        (Class::Refused, format!("{step}: {m}"))
    } else {
        (Class::Intact, String::new())
    };
    Verdict {
        class,
        found,
        detail,
        steps,
    }
}

/// For a plan no step could open: what plain SQLite makes of a copy of the crash state
/// (opening it read-write rolls a hot journal back), then the core reading that.
pub fn plain_sqlite_diagnosis(snapshot: &Path, plan_name: &str, base: &Baseline) -> String {
    let dir = snapshot.with_extension("diag");
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = copy_dir(snapshot, &dir) {
        return format!("diagnosis failed: {e}");
    }
    let path = dir.join(plan_name);
    let result = (|| -> Result<String, String> {
        let conn = rusqlite::Connection::open(&path).map_err(|e| e.to_string())?;
        let problems: Vec<String> = conn
            .prepare("PRAGMA integrity_check")
            .and_then(|mut s| {
                s.query_map([], |r| r.get::<_, String>(0))?
                    .collect::<rusqlite::Result<_>>()
            })
            .map_err(|e| e.to_string())?;
        conn.close().map_err(|(_, e)| e.to_string())?;
        if problems != ["ok"] {
            return Err(format!("integrity_check: {}", problems.join("; ")));
        }
        match open_and_read(&path, OpenMode::ReadOnly, base) {
            StepResult::Ok { found } => Ok(format!(
                "after plain SQLite rolled the journal back the plan is intact with edits 1..={}",
                found.unwrap_or(0)
            )),
            StepResult::Refused(m) | StepResult::Bad(m) => Err(format!(
                "after plain SQLite rolled the journal back the core still fails: {m}"
            )),
        }
    })();
    let _ = std::fs::remove_dir_all(&dir);
    match result {
        Ok(s) => s,
        Err(s) => format!("NOT recoverable: {s}"),
    }
}

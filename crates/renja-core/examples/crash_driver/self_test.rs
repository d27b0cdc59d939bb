//! `--self-test`: shows that the checks can fail before any run is trusted to pass. A harness
//! whose checks always say "intact" would make CI green for nothing (a test that cannot fail is
//! worse than none). Works on its own copies in the work folder; records nothing in the tallies.

use std::path::{Path, PathBuf};
use std::process::Command;

use renja_core::OpenMode;

use crate::PLAN_NAME;
use crate::check::{Class, check_after_kill, mode_name};
use crate::contents::Baseline;
use crate::process::run_editor;

/// Show that the checks can fail: a plan with edits 1..=20 judged against other
/// acknowledgements, changed behind the core's back, and cut short.
pub fn run(editor: &Path, template: &Path, base: &Baseline, work: &Path) -> Result<(), String> {
    let dir = work.join("self-test");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let plan = dir.join(PLAN_NAME);
    std::fs::copy(template, &plan).map_err(|e| e.to_string())?;
    let mut cmd = Command::new(editor);
    cmd.arg(&plan).arg("1").arg("20");
    let (_, run) = run_editor(cmd, |_| false).map_err(|e| e.to_string())?;
    if !run.status.success() || run.last_ack() != Some(20) {
        return Err(format!("the editor failed: {} {}", run.status, run.stderr));
    }
    let copy = |name: &str| -> Result<PathBuf, String> {
        let sub = dir.join(name);
        std::fs::create_dir_all(&sub).map_err(|e| e.to_string())?;
        let to = sub.join(PLAN_NAME);
        std::fs::copy(&plan, &to).map_err(|e| e.to_string())?;
        Ok(to)
    };
    let expect = |what: &str, path: &Path, acked: u64, want: Class| -> Result<(), String> {
        for first in [OpenMode::Edit, OpenMode::ReadOnly] {
            let v = check_after_kill(path, acked, base, first);
            if v.class != want {
                return Err(format!(
                    "{what} (first open {}): {} — {}, expected {}",
                    mode_name(first),
                    v.class.name(),
                    v.detail,
                    want.name()
                ));
            }
        }
        Ok(())
    };
    expect("acked 20", &plan, 20, Class::Intact)?;
    expect("acked 19", &plan, 19, Class::Intact)?;
    expect("acked 25", &plan, 25, Class::DurabilityViolation)?;
    expect("acked 10", &plan, 10, Class::IntegrityFailure)?;
    // Edit 1 renamed a tahapan to "langkah 1"; rename it behind the core's back.
    let changed = copy("changed")?;
    let conn = rusqlite::Connection::open(&changed).map_err(|e| e.to_string())?;
    conn.execute(
        "UPDATE tahapan SET nama = 'lain' WHERE nama = 'langkah 1'",
        [],
    )
    .map_err(|e| e.to_string())?;
    conn.close().map_err(|(_, e)| e.to_string())?;
    expect("a lost middle edit", &changed, 20, Class::IntegrityFailure)?;
    let cut = copy("cut")?;
    let len = std::fs::metadata(&cut).map_err(|e| e.to_string())?.len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&cut)
        .and_then(|f| f.set_len(len / 2))
        .map_err(|e| e.to_string())?;
    expect("cut in half", &cut, 20, Class::Refused)?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

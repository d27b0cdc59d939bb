//! The strace mode: SIGKILL at the Nth call of one syscall (`strace -e inject=…:signal=KILL`),
//! on a fresh copy of the plan making edits 1..=`--strace-edits`; when the kill leaves a hot
//! journal, half the time the reopening that recovers it is killed the same way. N is picked
//! below the count of that syscall in one whole run, so every kill lands inside the work.
//! Linux only in practice (strace); `main` skips the mode with a note when strace is missing.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::files::{listing, snapshot};
use crate::process::{EditorRun, kill_at, killed_by_sigkill, run_editor};
use crate::report::last_lines;
use crate::{Driver, PLAN_NAME, RunInfo};

/// The syscalls the strace mode kills at (those the editor never makes are left out after
/// counting).
const SYSCALLS: &[&str] = &[
    "pwrite64",
    "write",
    "fsync",
    "fdatasync",
    "unlink",
    "unlinkat",
    "rename",
    "renameat",
    "renameat2",
    "ftruncate",
];

/// The syscalls a reopening that recovers a hot journal is killed at: it copies, renames,
/// writes, syncs and removes files, so those of [`SYSCALLS`] and the two that copy.
fn recovery_syscalls() -> Vec<&'static str> {
    let copies = ["copy_file_range", "sendfile"];
    SYSCALLS.iter().copied().chain(copies).collect()
}

pub fn available() -> bool {
    Command::new("strace")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Run the editor with `args` under `strace -c`, counting each of `syscalls` (those with
/// none are left out).
fn strace_counts(
    editor: &Path,
    args: &[String],
    syscalls: &[&str],
    summary: &Path,
) -> Result<(EditorRun, Vec<(String, u64)>), String> {
    let mut cmd = Command::new("strace");
    cmd.arg("-f")
        .arg("-c")
        .arg("-o")
        .arg(summary)
        .arg("-e")
        .arg(format!("trace={}", syscalls.join(",")))
        .arg("--")
        .arg(editor)
        .args(args);
    let (_, run) = run_editor(cmd, |_| false).map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(summary).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(summary);
    let mut counts = Vec::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // % time, seconds, usecs/call, calls, [errors,] syscall
        if let (Some(name), Some(calls)) = (cols.last(), cols.get(3))
            && syscalls.contains(name)
            && let Ok(calls) = calls.parse::<u64>()
            && calls > 0
        {
            counts.push(((*name).to_owned(), calls));
        }
    }
    Ok((run, counts))
}

/// Count each of [`SYSCALLS`] in one whole run of edits 1..=`edits` on a fresh plan.
pub fn count_syscalls(
    editor: &Path,
    template: &Path,
    work: &Path,
    edits: u64,
) -> Result<Vec<(String, u64)>, String> {
    let dir = work.join("calibrate");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let plan = dir.join(PLAN_NAME);
    std::fs::copy(template, &plan).map_err(|e| e.to_string())?;
    let args = [plan.display().to_string(), "1".into(), edits.to_string()];
    let (run, counts) = strace_counts(editor, &args, SYSCALLS, &work.join("summary.txt"))?;
    let _ = std::fs::remove_dir_all(&dir);
    if !run.status.success() || run.last_ack() != Some(edits) {
        return Err(format!(
            "the editor did not finish under strace ({}): {}",
            run.status, run.stderr
        ));
    }
    if counts.is_empty() {
        return Err("strace counted no syscalls".into());
    }
    Ok(counts)
}

/// A run of the editor under strace with a SIGKILL injected.
struct Injected {
    /// Still running after 300 s, and killed then.
    hung: bool,
    /// strace saw the process killed by SIGKILL.
    sigkilled: bool,
    run: EditorRun,
}

impl Driver {
    pub fn run_strace(&mut self, index: u64) {
        let (sys, when, count) = self.rng.pick(&self.syscalls);
        let dir = self.fresh_dir("strace");
        let plan = dir.join(PLAN_NAME);
        let before = listing(&dir);
        let edits = self.o.strace_edits.to_string();
        let args = [plan.as_os_str(), "1".as_ref(), edits.as_ref()];
        let Injected {
            hung,
            sigkilled,
            run: editor,
        } = self
            .run_killed_at(&sys, when, args, "strace-out.txt")
            .expect("start strace");
        let killed = hung || sigkilled || killed_by_sigkill(&editor.status);
        let acked = editor.last_ack().unwrap_or(0);
        let mut how = format!("SIGKILL at {sys} #{when} of {count}");
        // Half the time a hot journal is left, kill the reopening that recovers it as well.
        if killed && self.rng.below(2) == 0 && dir.join(format!("{PLAN_NAME}-journal")).exists() {
            how.push_str(&self.kill_recovery(&plan));
        }
        let first = self.first_mode();
        let info = RunInfo {
            mode: "strace",
            how,
            from: 1,
            acked,
            first,
            editor,
            killed,
        };
        let verdict = self.check(index, &plan, &info, &before);
        self.strace.add(verdict.class, killed);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Open `plan` for editing and close it (the editor with no edits to make) under strace,
    /// killed at a random one of the syscalls that reopening makes (counted on a copy first).
    /// Returns how, for the run's report.
    fn kill_recovery(&mut self, plan: &Path) -> String {
        let scratch = self.o.work.join("recovery-count");
        if snapshot(plan, &scratch).is_err() {
            return ", recovery not killed (copy failed)".into();
        }
        let args = |p: &Path| [p.display().to_string(), "1".into(), "0".into()];
        let counted = strace_counts(
            &self.editor,
            &args(&scratch.join(PLAN_NAME)),
            &recovery_syscalls(),
            &self.o.work.join("summary.txt"),
        );
        let _ = std::fs::remove_dir_all(&scratch);
        let counts = match counted {
            Ok((_, counts)) if !counts.is_empty() => counts,
            Ok(_) => return ", recovery not killed (no syscalls counted)".into(),
            Err(e) => return format!(", recovery not killed ({e})"),
        };
        let (sys, when, count) = self.rng.pick(&counts);
        match self.run_killed_at(&sys, when, args(plan), "strace-recovery.txt") {
            Ok(reopened) if reopened.sigkilled => {
                format!(", then SIGKILL while reopening at {sys} #{when} of {count}")
            }
            Ok(Injected { run, .. }) => format!(
                ", then reopening at {sys} #{when} of {count} not killed ({}{})",
                run.status,
                if run.stderr.is_empty() {
                    String::new()
                } else {
                    format!(": {}", last_lines(&run.stderr, 1))
                }
            ),
            Err(e) => format!(", recovery not killed ({e})"),
        }
    }

    /// Run the editor with `args` under strace, killed at call `when` of `sys` (or after 300 s
    /// if it hangs); strace writes what it saw to `trace` in the work folder.
    fn run_killed_at<S: AsRef<OsStr>>(
        &self,
        sys: &str,
        when: u64,
        args: impl IntoIterator<Item = S>,
        trace: &str,
    ) -> std::io::Result<Injected> {
        let trace = self.o.work.join(trace);
        let mut cmd = Command::new("strace");
        cmd.arg("-f")
            .arg("-q")
            .arg("-o")
            .arg(&trace)
            .arg("-e")
            .arg(format!("trace={sys}"))
            .arg("-e")
            .arg(format!("inject={sys}:signal=KILL:when={when}"))
            .arg("--")
            .arg(&self.editor)
            .args(args);
        let started = Instant::now();
        let (hung, run) = run_editor(cmd, |child| {
            kill_at(child, started + Duration::from_secs(300))
        })?;
        let traced = std::fs::read_to_string(&trace).unwrap_or_default();
        Ok(Injected {
            hung,
            sigkilled: traced.contains("killed by SIGKILL"),
            run,
        })
    }
}

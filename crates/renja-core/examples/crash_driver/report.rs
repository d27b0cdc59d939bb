//! What the driver does with one killed run: save the crash state aside, judge the plan
//! (`check`), print the run's line, tally its message and leftovers, and keep the crash state
//! of a run that was not intact with a `run.txt`. The line format is read by people and the
//! README shows it; the closing tallies are `summary`'s.

use std::collections::HashSet;
use std::panic::AssertUnwindSafe;
use std::path::Path;

use crate::check::{
    Class, StepResult, Verdict, check_after_kill, mode_name, plain_sqlite_diagnosis,
};
use crate::files::{copy_dir, listing, name_pattern, snapshot};
use crate::{Driver, PLAN_NAME, RunInfo};

/// How many kept crash states per class.
const KEEP_PER_CLASS: usize = 20;

impl Driver {
    /// Snapshot the crash state, check it, record and report the verdict.
    pub fn check(
        &mut self,
        index: u64,
        plan: &Path,
        info: &RunInfo,
        before: &HashSet<String>,
    ) -> Verdict {
        let snap = self.o.work.join("snapshot");
        let snapped = snapshot(plan, &snap);
        let beside: Vec<String> = {
            let mut v: Vec<String> = listing(plan.parent().unwrap_or(Path::new(".")))
                .into_iter()
                .filter(|n| n != PLAN_NAME && !n.ends_with(".sumber") && !before.contains(n))
                .collect();
            v.sort();
            v
        };
        let checked = std::panic::catch_unwind(AssertUnwindSafe(|| {
            check_after_kill(plan, info.acked, &self.base, info.first)
        }));
        let mut verdict = match checked {
            Ok(v) => v,
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                Verdict {
                    class: Class::CheckPanic,
                    found: None,
                    detail: format!("the core panicked while reopening: {msg}"),
                    steps: Vec::new(),
                }
            }
        };
        // The editor's own ending decides first: a panic or error is a bug whatever the plan.
        if info.editor.panicked() && !info.killed {
            verdict.class = Class::EditorPanic;
            verdict.detail = last_lines(&info.editor.stderr, 3);
        } else if info.editor.errored() && !info.killed {
            verdict.class = Class::EditorError;
            verdict.detail = last_lines(&info.editor.stderr, 3);
        }
        if verdict.class == Class::Refused
            && !verdict
                .steps
                .iter()
                .any(|(s, r)| s.starts_with("open") && matches!(r, StepResult::Ok { .. }))
            && snapped.is_ok()
        {
            let diag = plain_sqlite_diagnosis(&snap, PLAN_NAME, &self.base);
            verdict.detail = format!("{} — {diag}", verdict.detail);
        }
        let after = listing(plan.parent().unwrap_or(Path::new(".")));
        let mut left: Vec<&String> = after
            .difference(before)
            .filter(|n| *n != PLAN_NAME && !n.ends_with(".sumber"))
            .collect();
        left.sort();
        for name in &left {
            *self.leftovers.entry(name_pattern(name)).or_default() += 1;
        }
        let line = format!(
            "run {index} {} ({}), edits from {}, acked {}, plan holds {}, first open {}, \
             new files beside it {left:?}: {}{}",
            info.mode,
            info.how,
            info.from,
            info.acked,
            verdict.found.map_or("?".to_owned(), |f| format!("1..={f}")),
            mode_name(info.first),
            verdict.class.name(),
            if verdict.detail.is_empty() {
                String::new()
            } else {
                format!(" — {}", verdict.detail)
            },
        );
        if verdict.class != Class::Intact {
            // Messages differ per run only in numbers; tally them by class and first words.
            *self
                .details
                .entry((verdict.class, name_pattern(&verdict.detail)))
                .or_default() += 1;
            self.keep(index, &snap, info, &verdict, &beside, &line);
        }
        if !self.o.quiet || verdict.class != Class::Intact {
            println!("{line}");
        }
        verdict
    }

    fn keep(
        &mut self,
        index: u64,
        snap: &Path,
        info: &RunInfo,
        verdict: &Verdict,
        beside: &[String],
        line: &str,
    ) {
        let kept = self.kept.entry(verdict.class).or_default();
        if *kept >= KEEP_PER_CLASS {
            return;
        }
        *kept += 1;
        let dest = self
            .keep_dir
            .join(format!("run-{index}-{}", verdict.class.name()));
        if copy_dir(snap, &dest).is_err() {
            return;
        }
        let steps: Vec<String> = verdict
            .steps
            .iter()
            .map(|(s, r)| format!("  {s}: {r:?}"))
            .collect();
        let text = format!(
            "{line}\n\nThe files here are the crash state (the plan and what was beside it named \
             after it) as the kill left it, before any reopening.\nNew files beside the plan \
             after the kill: {beside:?}\n\nSteps:\n{}\n\nEditor exit: {} (killed: {})\nEditor \
             stdout (last lines): {:?}\nEditor stderr:\n{}\n",
            steps.join("\n"),
            info.editor.status,
            info.killed,
            info.editor.lines.iter().rev().take(3).collect::<Vec<_>>(),
            info.editor.stderr,
        );
        let _ = std::fs::write(dest.join("run.txt"), text);
    }
}

pub fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..].join(" / ")
}

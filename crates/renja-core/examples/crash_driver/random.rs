//! The random mode: SIGKILL after a random delay of up to `--max-delay-ms`. A plan is carried
//! across up to `--chain` runs while they stay intact, so later kills land in a plan that has
//! already been killed and reopened, and grown past the template. The checks themselves are
//! `Driver::check`'s (`report`); this file only decides when to kill and which plan to go on with.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::check::Class;
use crate::files::listing;
use crate::process::{kill_at, killed_by_sigkill, run_editor};
use crate::{Driver, PLAN_NAME, RunInfo};

/// The plan a run of the random mode edits, carried across runs.
pub struct Chain {
    pub dir: PathBuf,
    next: u64,
    runs: u32,
}

impl Driver {
    pub fn run_random(&mut self, index: u64) {
        let chain = match self.chain.take() {
            Some(c) if c.runs < self.o.chain => c,
            old => {
                if let Some(old) = old {
                    let _ = std::fs::remove_dir_all(&old.dir);
                }
                Chain {
                    dir: self.fresh_dir("chain"),
                    next: 1,
                    runs: 0,
                }
            }
        };
        let plan = chain.dir.join(PLAN_NAME);
        let delay = self.rng.below(self.o.max_delay_ms + 1);
        let mut cmd = Command::new(&self.editor);
        cmd.arg(&plan).arg(chain.next.to_string());
        let before = listing(&chain.dir);
        let started = Instant::now();
        let (killed, editor) = run_editor(cmd, |child| {
            kill_at(child, started + Duration::from_millis(delay))
        })
        .expect("start the editor");
        let killed = killed || killed_by_sigkill(&editor.status);
        let acked = editor.last_ack().unwrap_or(chain.next - 1);
        let first = self.first_mode();
        let info = RunInfo {
            mode: "random",
            how: format!("SIGKILL after {delay} ms"),
            from: chain.next,
            acked,
            first,
            editor,
            killed,
        };
        let verdict = self.check(index, &plan, &info, &before);
        self.random.add(verdict.class, killed);
        self.chain = match (verdict.class, verdict.found) {
            (Class::Intact, Some(found)) => Some(Chain {
                next: found + 1,
                runs: chain.runs + 1,
                ..chain
            }),
            _ => {
                let _ = std::fs::remove_dir_all(&chain.dir);
                None
            }
        };
    }
}

//! The crash-test driver: kills `crash_editor` (built next to this program) while it edits a
//! plan, then reopens the plan with the core and checks that it is intact and holds the last
//! acknowledged edit. See the README section "Crash and fuzz testing".
//!
//! ```sh
//! cargo build --workspace --examples
//! target/debug/examples/crash_driver --self-test --seconds 60   # both kill modes, 1 minute
//! target/debug/examples/crash_driver --minutes 65 --quiet       # the long run
//! ```
//!
//! Two ways to kill, taken in turn:
//! - `random`: SIGKILL after a random delay. The plan lives on across up to `--chain` runs (the
//!   next run continues editing the plan as the last kill and reopening left it).
//! - `strace`: under `strace -e inject=SYSCALL:signal=KILL:when=N`, SIGKILL at the Nth call of
//!   one of `pwrite64`, `write`, `fsync`, `fdatasync`, `unlink`, `rename`, `ftruncate`, … on a
//!   fresh copy of the plan making edits 1..=`--strace-edits`. The driver first counts each
//!   syscall in one whole run and then picks N below that count (the syscall weighted by the
//!   square root of its count). When a hot journal is left, half the time the reopening that
//!   recovers it (`crash_editor PLAN 1 0`: open for editing, close) is killed the same way at
//!   one of its own writes, copies, renames or syncs. Skipped, with a note, when `strace` is
//!   not installed.
//!
//! After each kill, with the crash state saved aside first: open the plan (Edit or ReadOnly,
//! chosen at random) and read all of it, `check_file`, open it in the other mode and read it
//! again, `check_file`. Every run ends in one class:
//! - `intact`: every step succeeded and the plan holds exactly edits 1..=F where F is the last
//!   acknowledged edit or the one after it;
//! - `refused`: an open or `check_file` returned an error (the app refused its own plan);
//! - `durability_violation`: the plan is consistent but lacks the last acknowledged edit;
//! - `integrity_failure`: the plan holds something other than a prefix of the edits, reading it
//!   failed, or `check_file` failed after the core had opened it for editing;
//! - `editor_panic` / `editor_error`: the editor panicked / returned an error before the kill;
//! - `check_panic`: the core panicked while the driver reopened or read the plan.
//!
//! The crash state of every run that is not intact is kept (up to 20 per class) in
//! `--keep` (default `target/crash-failures/`), with `run.txt` saying what happened. The last
//! line printed is the summary; the exit status is 0 only when every run was intact (refusals
//! allowed with `--allow-refused`).
//!
//! This file holds the loop and the state the two modes share ([`Driver`]); the parts live
//! beside it: `options` (the flags), `random` and `strace` (the two ways to kill), `process`
//! (running the editor), `contents` (what a plan holds and must hold), `check` (judging a plan
//! after a kill), `report` (the line per run and the kept crash states), `summary` (the tallies
//! and the closing lines), `self_test`, `files` and `rng`. The output and the flags are what CI
//! (`tests/crash.rs`) and the README rely on: change them only together.

#[allow(dead_code)]
#[path = "../crash_editor.rs"]
mod editor;

mod check;
mod contents;
mod files;
mod options;
mod process;
mod random;
mod report;
mod rng;
mod self_test;
mod strace;
mod summary;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use renja_core::OpenMode;

use check::Class;
use contents::Baseline;
use options::Options;
use process::EditorRun;
use random::Chain;
use rng::Rng;
use summary::Tally;

/// The name of the plan in every run folder.
const PLAN_NAME: &str = "plan.renjarb";

struct Driver {
    o: Options,
    rng: Rng,
    editor: PathBuf,
    template: PathBuf,
    base: Baseline,
    syscalls: Vec<(String, u64)>,
    chain: Option<Chain>,
    chains_made: u64,
    random: Tally,
    strace: Tally,
    /// (class, detail) -> count
    details: BTreeMap<(Class, String), u64>,
    leftovers: BTreeMap<String, u64>,
    kept: HashMap<Class, usize>,
    keep_dir: PathBuf,
}

/// What one run did, for its report line and `run.txt`.
struct RunInfo {
    mode: &'static str,
    how: String,
    from: u64,
    acked: u64,
    first: OpenMode,
    editor: EditorRun,
    killed: bool,
}

impl Driver {
    fn fresh_dir(&mut self, prefix: &str) -> PathBuf {
        self.chains_made += 1;
        let dir = self.o.work.join(format!("{prefix}-{}", self.chains_made));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a run folder");
        std::fs::copy(&self.template, dir.join(PLAN_NAME)).expect("copy the template plan");
        dir
    }

    fn first_mode(&mut self) -> OpenMode {
        if self.rng.below(2) == 0 {
            OpenMode::Edit
        } else {
            OpenMode::ReadOnly
        }
    }
}

fn main() {
    let o = options::parse();
    let editor = process::editor_path();
    let _ = std::fs::remove_dir_all(&o.work);
    std::fs::create_dir_all(&o.work).expect("create the work folder");
    let (template, base) = contents::make_template(&o.work);
    let keep_dir = o.keep.join(format!("seed-{}", o.seed));
    println!(
        "crash: seed {}, work folder {}, failures kept in {}",
        o.seed,
        o.work.display(),
        keep_dir.display()
    );
    let mut syscalls = Vec::new();
    let mut strace = o.strace;
    if strace && !strace::available() {
        println!(
            "crash: NOTE strace is not installed: the kill-at-an-exact-write mode is skipped \
             (apt-get install strace to run it)"
        );
        strace = false;
    }
    if strace {
        match strace::count_syscalls(&editor, &template, &o.work, o.strace_edits) {
            Ok(counts) => {
                let list: Vec<String> = counts.iter().map(|(s, c)| format!("{s}={c}")).collect();
                println!(
                    "crash: syscalls in {} edits under strace: {}",
                    o.strace_edits,
                    list.join(", ")
                );
                syscalls = counts;
            }
            Err(e) => {
                println!("crash: NOTE strace mode skipped: counting syscalls failed: {e}");
                strace = false;
            }
        }
    }
    if o.self_test {
        match self_test::run(&editor, &template, &base, &o.work) {
            Ok(()) => println!(
                "crash: self-test ok: the checks tell intact, lost, extra, changed and cut plans apart"
            ),
            Err(e) => {
                println!("crash: SELF-TEST FAILED: {e}");
                std::process::exit(1)
            }
        }
    }
    let random = o.random;
    if !random && !strace {
        println!("crash: nothing to run");
        std::process::exit(2)
    }
    let mut d = Driver {
        rng: Rng(o.seed),
        editor,
        template,
        base,
        syscalls,
        chain: None,
        chains_made: 0,
        random: Tally::default(),
        strace: Tally::default(),
        details: BTreeMap::new(),
        leftovers: BTreeMap::new(),
        kept: HashMap::new(),
        keep_dir,
        o,
    };
    let started = Instant::now();
    let mut last_progress = Instant::now();
    let mut index = 0u64;
    loop {
        if d.o.runs.is_some_and(|r| index >= r)
            || d.o
                .seconds
                .is_some_and(|s| started.elapsed().as_secs() >= s)
        {
            break;
        }
        index += 1;
        let use_strace = strace && (!random || index.is_multiple_of(2));
        if use_strace {
            d.run_strace(index);
        } else {
            d.run_random(index);
        }
        if d.o.quiet && last_progress.elapsed() >= Duration::from_secs(300) {
            last_progress = Instant::now();
            println!(
                "{} ({} s)",
                d.all().line("crash: so far"),
                started.elapsed().as_secs()
            );
        }
    }
    if let Some(chain) = d.chain.take() {
        let _ = std::fs::remove_dir_all(chain.dir);
    }
    let _ = std::fs::remove_dir_all(&d.o.work);

    let bad = d.print_summary(started, random, strace);
    std::process::exit(i32::from(bad))
}

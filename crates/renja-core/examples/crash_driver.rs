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

#[allow(dead_code)]
#[path = "crash_editor.rs"]
mod editor;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use editor::EditKind;
use renja_core::realisasi::Status;
use renja_core::{NewPlan, OpenMode, Plan, SystemClock, Template};
use sha2::{Digest, Sha256};

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
/// writes, syncs and removes files.
const RECOVERY_SYSCALLS: &[&str] = &[
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
    "copy_file_range",
    "sendfile",
];

/// How many kept crash states per class.
const KEEP_PER_CLASS: usize = 20;

// ---------------------------------------------------------------------------------------------
// Options

struct Options {
    seconds: Option<u64>,
    runs: Option<u64>,
    random: bool,
    strace: bool,
    seed: u64,
    work: PathBuf,
    keep: PathBuf,
    chain: u32,
    max_delay_ms: u64,
    strace_edits: u64,
    allow_refused: bool,
    quiet: bool,
    self_test: bool,
}

const USAGE: &str = "usage: crash_driver [--seconds S | --minutes M] [--runs N] \
[--mode random|strace|both] [--seed S] [--work DIR] [--keep DIR] [--chain K] \
[--max-delay-ms D] [--strace-edits E] [--allow-refused] [--quiet] [--self-test]";

fn usage(why: &str) -> ! {
    eprintln!("crash_driver: {why}\n{USAGE}");
    std::process::exit(2)
}

fn parse_options() -> Options {
    let target = std::env::current_exe()
        .ok()
        .and_then(|exe| {
            // target/debug/examples/crash_driver -> target/
            exe.ancestors().nth(3).map(Path::to_path_buf)
        })
        .unwrap_or_else(std::env::temp_dir);
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    let mut o = Options {
        seconds: None,
        runs: None,
        random: true,
        strace: true,
        seed,
        work: std::env::temp_dir().join(format!("renja-crash-{}", std::process::id())),
        keep: target.join("crash-failures"),
        chain: 5,
        max_delay_ms: 1000,
        strace_edits: 30,
        allow_refused: false,
        quiet: false,
        self_test: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| usage(&format!("{name} needs a value")))
        };
        let mut number = |name: &str| -> u64 {
            let v = value(name);
            v.parse()
                .unwrap_or_else(|_| usage(&format!("{name}: not a number: {v}")))
        };
        match arg.as_str() {
            "--seconds" => o.seconds = Some(number("--seconds")),
            "--minutes" => o.seconds = Some(number("--minutes") * 60),
            "--runs" => o.runs = Some(number("--runs")),
            "--seed" => o.seed = number("--seed"),
            "--chain" => o.chain = number("--chain").max(1) as u32,
            "--max-delay-ms" => o.max_delay_ms = number("--max-delay-ms").max(1),
            "--strace-edits" => o.strace_edits = number("--strace-edits").max(1),
            "--work" => o.work = PathBuf::from(value("--work")),
            "--keep" => o.keep = PathBuf::from(value("--keep")),
            "--allow-refused" => o.allow_refused = true,
            "--quiet" => o.quiet = true,
            "--self-test" => o.self_test = true,
            "--mode" => match value("--mode").as_str() {
                "random" => (o.random, o.strace) = (true, false),
                "strace" => (o.random, o.strace) = (false, true),
                "both" => (o.random, o.strace) = (true, true),
                other => usage(&format!("unknown mode {other}")),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0)
            }
            other => usage(&format!("unknown argument {other}")),
        }
    }
    if o.seconds.is_none() && o.runs.is_none() {
        o.runs = Some(20);
    }
    o
}

// ---------------------------------------------------------------------------------------------
// Randomness (no dependency): splitmix64.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// One of `counts` (name, count), more likely the more calls it has (weight √count, so
    /// a syscall made once is still picked now and then), and a call number in 1..=count.
    fn pick(&mut self, counts: &[(String, u64)]) -> (String, u64, u64) {
        let weights: Vec<f64> = counts.iter().map(|(_, c)| (*c as f64).sqrt()).collect();
        let mut r = (self.next() >> 11) as f64 / (1u64 << 53) as f64 * weights.iter().sum::<f64>();
        let mut chosen = counts.len() - 1;
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                chosen = i;
                break;
            }
            r -= w;
        }
        let (name, count) = counts[chosen].clone();
        let when = 1 + self.below(count);
        (name, when, count)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

// ---------------------------------------------------------------------------------------------
// What a plan must hold after edits 1..=F

/// The template plan every chain starts from, as the driver read it.
struct Baseline {
    ids: Vec<i64>,
    names: HashMap<i64, String>,
}

/// One evidence file as read: (name, size, sha256, `bukti_berkas` id).
type FileSeen = (String, u64, String, i64);

/// What the driver read from an opened plan.
struct Seen {
    names: HashMap<i64, String>,
    /// (tahapan, bulan) -> (catatan, status, persen, tindak lanjut)
    realisasi: HashMap<(i64, u8), (String, Status, u8, String)>,
    /// judul -> (tahapan, [(name, size, sha256, bukti_berkas id)])
    bukti: Vec<(String, i64, Vec<FileSeen>)>,
    /// Evidence file contents read back for the newest edits: edit n -> bytes.
    contents: HashMap<u64, Vec<u8>>,
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn read_plan(plan: &Plan, base: &Baseline) -> renja_core::Result<Seen> {
    let grid = plan.grid()?;
    let names: HashMap<i64, String> = grid
        .rows
        .into_iter()
        .filter(|r| r.level == renja_core::edit::Level::Tahapan)
        .map(|r| (r.id, r.nama))
        .collect();
    let mut realisasi = HashMap::new();
    for &id in &base.ids {
        for bulan in 1..=12u8 {
            if let Some(r) = plan.realisasi(renja_core::TahapanId(id), bulan)? {
                realisasi.insert(
                    (id, bulan),
                    (r.catatan, r.status, r.persen, r.tindak_lanjut),
                );
            }
        }
    }
    let mut bukti = Vec::new();
    for b in plan.bukti(None)? {
        let files: Vec<FileSeen> = b
            .berkas
            .iter()
            .map(|f| (f.nama.clone(), f.size, f.sha256.clone(), f.id))
            .collect();
        bukti.push((b.judul, b.tahapan.0, files));
    }
    // Read back the bytes of the newest pieces of evidence (all of them would grow with the
    // chain; SQLite's integrity checks cover the pages of the rest).
    let newest: Vec<u64> = {
        let mut ns: Vec<u64> = bukti
            .iter()
            .filter_map(|(j, _, _)| editor::parse_label(j))
            .collect();
        ns.sort_unstable();
        ns.into_iter().rev().take(8).collect()
    };
    let mut contents = HashMap::new();
    for (judul, _, files) in &bukti {
        let Some(n) = editor::parse_label(judul) else {
            continue;
        };
        if newest.contains(&n)
            && let Some((_, _, _, id)) = files.first()
        {
            contents.insert(n, plan.bukti_file_for_preview(*id)?.0);
        }
    }
    Ok(Seen {
        names,
        realisasi,
        bukti,
        contents,
    })
}

/// The highest edit number any marker in the plan carries (0 for none).
fn found_edit(seen: &Seen) -> u64 {
    let names = seen.names.values().filter_map(|n| editor::parse_label(n));
    let real = seen
        .realisasi
        .values()
        .filter_map(|(c, ..)| editor::parse_label(c));
    let bukti = seen
        .bukti
        .iter()
        .filter_map(|(j, ..)| editor::parse_label(j));
    names.chain(real).chain(bukti).max().unwrap_or(0)
}

/// Compare what was read with what edits 1..=`f` make of the template; `Err` lists the first
/// differences.
fn compare(seen: &Seen, base: &Baseline, f: u64) -> Result<(), String> {
    let len = base.ids.len();
    let mut names = base.names.clone();
    let mut realisasi: HashMap<(i64, u8), u64> = HashMap::new();
    let mut bukti: Vec<u64> = Vec::new();
    for n in 1..=f {
        let id = base.ids[editor::tahapan_index(n, len)];
        match editor::edit_kind(n) {
            EditKind::Rename => {
                names.insert(id, editor::label(n));
            }
            EditKind::Realisasi => {
                realisasi.insert((id, editor::bulan(n)), n);
            }
            EditKind::Bukti => bukti.push(n),
        }
    }
    let mut diffs = Vec::new();
    for id in &base.ids {
        let want = &names[id];
        match seen.names.get(id) {
            Some(got) if got == want => {}
            got => diffs.push(format!("tahapan {id}: name {got:?}, expected {want:?}")),
        }
    }
    if seen.names.len() != base.ids.len() {
        diffs.push(format!(
            "{} tahapan, expected {}",
            seen.names.len(),
            base.ids.len()
        ));
    }
    for (slot, n) in &realisasi {
        let input = editor::realisasi_input(*n);
        let persen = if input.status == Status::Selesai {
            100
        } else {
            input.persen
        };
        let want = (input.catatan, input.status, persen, input.tindak_lanjut);
        match seen.realisasi.get(slot) {
            Some(got) if *got == want => {}
            got => diffs.push(format!("realisasi {slot:?}: {got:?}, expected {want:?}")),
        }
    }
    for slot in seen.realisasi.keys() {
        if !realisasi.contains_key(slot) {
            diffs.push(format!("realisasi {slot:?} should not exist"));
        }
    }
    let mut seen_bukti: HashSet<u64> = HashSet::new();
    for (judul, tahapan, files) in &seen.bukti {
        let Some(n) = editor::parse_label(judul).filter(|n| bukti.contains(n)) else {
            diffs.push(format!("unexpected bukti {judul:?}"));
            continue;
        };
        if !seen_bukti.insert(n) {
            diffs.push(format!("bukti {judul:?} twice"));
        }
        let want_tahapan = base.ids[editor::tahapan_index(n, len)];
        if *tahapan != want_tahapan {
            diffs.push(format!(
                "bukti {n} on tahapan {tahapan}, expected {want_tahapan}"
            ));
        }
        let bytes = editor::bukti_bytes(n);
        let want = (
            editor::bukti_name(n),
            bytes.len() as u64,
            sha256_hex(&bytes),
        );
        match files.as_slice() {
            [(name, size, sha, _)] if (name, size, sha) == (&want.0, &want.1, &want.2) => {}
            other => diffs.push(format!("bukti {n}: files {other:?}, expected {want:?}")),
        }
        if let Some(got) = seen.contents.get(&n)
            && *got != bytes
        {
            diffs.push(format!(
                "bukti {n}: the file read back differs from what was attached"
            ));
        }
    }
    for n in &bukti {
        if !seen_bukti.contains(n) {
            diffs.push(format!("bukti {n} missing"));
        }
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        let more = diffs.len().saturating_sub(5);
        diffs.truncate(5);
        if more > 0 {
            diffs.push(format!("… and {more} more"));
        }
        Err(diffs.join("; "))
    }
}

// ---------------------------------------------------------------------------------------------
// Checking a plan after a kill

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Class {
    Intact,
    Refused,
    DurabilityViolation,
    IntegrityFailure,
    EditorPanic,
    EditorError,
    CheckPanic,
}

impl Class {
    const ALL: [Class; 7] = [
        Class::Intact,
        Class::Refused,
        Class::DurabilityViolation,
        Class::IntegrityFailure,
        Class::EditorPanic,
        Class::EditorError,
        Class::CheckPanic,
    ];

    fn name(self) -> &'static str {
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
enum StepResult {
    /// Opened (or checked) and, for an open, read: the plan holds edits 1..=found.
    Ok { found: Option<u64> },
    /// The core returned an error for the open or `check_file`.
    Refused(String),
    /// Opened, but reading failed or the contents are not a prefix of the edits.
    Bad(String),
}

struct Verdict {
    class: Class,
    found: Option<u64>,
    detail: String,
    steps: Vec<(String, StepResult)>,
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

fn mode_name(mode: OpenMode) -> &'static str {
    match mode {
        OpenMode::Edit => "Edit",
        OpenMode::ReadOnly => "ReadOnly",
    }
}

/// Reopen and check the plan at `path` after a kill; `acked` is the last acknowledged edit.
fn check_after_kill(path: &Path, acked: u64, base: &Baseline, first: OpenMode) -> Verdict {
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
fn plain_sqlite_diagnosis(snapshot: &Path, plan_name: &str, base: &Baseline) -> String {
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

// ---------------------------------------------------------------------------------------------
// Files

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// The files of the crash state: the plan and whatever sits beside it named after it
/// (`-journal`, `.~lock.…#`); not the evidence sources nor earlier backups.
fn snapshot(plan: &Path, to: &Path) -> std::io::Result<()> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to)?;
    let name = plan
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = plan.parent().unwrap_or(Path::new("."));
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let file = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_file() && file.contains(&name) {
            std::fs::copy(entry.path(), to.join(&file))?;
        }
    }
    Ok(())
}

fn listing(dir: &Path) -> HashSet<String> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// A file name with its digits folded, to tally kinds of leftovers.
fn name_pattern(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = if c.is_ascii_digit() { '#' } else { c };
        if !(c == '#' && out.ends_with('#')) {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Running the editor

const PLAN_NAME: &str = "plan.renjarb";

fn editor_path() -> PathBuf {
    let exe = std::env::current_exe().expect("path of this program");
    let path = exe.with_file_name(format!("crash_editor{}", std::env::consts::EXE_SUFFIX));
    if !path.exists() {
        eprintln!(
            "crash_driver: {} not found; build it with `cargo build --workspace --examples`",
            path.display()
        );
        std::process::exit(2)
    }
    path
}

/// What the editor printed, and how it ended.
struct EditorRun {
    lines: Vec<String>,
    stderr: String,
    status: ExitStatus,
}

impl EditorRun {
    fn last_ack(&self) -> Option<u64> {
        self.lines
            .iter()
            .rev()
            .find_map(|l| l.strip_prefix("ack ")?.parse().ok())
    }

    fn panicked(&self) -> bool {
        self.stderr.contains("panicked") || self.status.code() == Some(101)
    }

    fn errored(&self) -> bool {
        self.status.code() == Some(3) || self.stderr.contains("error ")
    }
}

/// Whether the process died of SIGKILL (on Unix; elsewhere the caller knows whether it
/// killed it).
fn killed_by_sigkill(status: &ExitStatus) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        status.signal() == Some(9)
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        false
    }
}

/// Spawn `cmd` with piped output, let `until` decide when to kill it, and collect it.
/// Returns what `until` returned (whether it killed the process) with the run.
fn run_editor(
    mut cmd: Command,
    until: impl FnOnce(&mut Child) -> bool,
) -> std::io::Result<(bool, EditorRun)> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let killed = until(&mut child);
    let status = child.wait()?;
    let run = EditorRun {
        lines: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        status,
    };
    Ok((killed, run))
}

/// Wait until `child` exits or `deadline`, then kill it (SIGKILL on Unix) if still running.
/// Returns whether it was killed.
fn kill_at(child: &mut Child, deadline: Instant) -> bool {
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            return false;
        }
        let now = Instant::now();
        if now >= deadline {
            return child.kill().is_ok();
        }
        std::thread::sleep(Duration::from_millis(2).min(deadline - now));
    }
}

fn strace_available() -> bool {
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
fn count_syscalls(
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

// ---------------------------------------------------------------------------------------------
// The loop

#[derive(Default)]
struct Tally {
    runs: u64,
    killed: u64,
    classes: BTreeMap<Class, u64>,
}

impl Tally {
    fn add(&mut self, class: Class, killed: bool) {
        self.runs += 1;
        self.killed += u64::from(killed);
        *self.classes.entry(class).or_default() += 1;
    }

    fn get(&self, class: Class) -> u64 {
        self.classes.get(&class).copied().unwrap_or(0)
    }

    fn line(&self, label: &str) -> String {
        format!(
            "{label}: runs={}, intact={}, refused={}, durability_violations={}, \
             integrity_failures={}, editor_panics={}, editor_errors={}, check_panics={}, killed={}",
            self.runs,
            self.get(Class::Intact),
            self.get(Class::Refused),
            self.get(Class::DurabilityViolation),
            self.get(Class::IntegrityFailure),
            self.get(Class::EditorPanic),
            self.get(Class::EditorError),
            self.get(Class::CheckPanic),
            self.killed,
        )
    }
}

/// The plan a run of the random mode edits, carried across runs.
struct Chain {
    dir: PathBuf,
    next: u64,
    runs: u32,
}

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

    fn run_random(&mut self, index: u64) {
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

    fn run_strace(&mut self, index: u64) {
        let (sys, when, count) = self.rng.pick(&self.syscalls);
        let dir = self.fresh_dir("strace");
        let plan = dir.join(PLAN_NAME);
        let trace = self.o.work.join("strace-out.txt");
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
            .arg(&plan)
            .arg("1")
            .arg(self.o.strace_edits.to_string());
        let before = listing(&dir);
        let started = Instant::now();
        let (hung, editor) = run_editor(cmd, |child| {
            kill_at(child, started + Duration::from_secs(300))
        })
        .expect("start strace");
        let traced = std::fs::read_to_string(&trace).unwrap_or_default();
        let killed =
            hung || traced.contains("killed by SIGKILL") || killed_by_sigkill(&editor.status);
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
            RECOVERY_SYSCALLS,
            &self.o.work.join("summary.txt"),
        );
        let _ = std::fs::remove_dir_all(&scratch);
        let counts = match counted {
            Ok((_, counts)) if !counts.is_empty() => counts,
            Ok(_) => return ", recovery not killed (no syscalls counted)".into(),
            Err(e) => return format!(", recovery not killed ({e})"),
        };
        let (sys, when, count) = self.rng.pick(&counts);
        let trace = self.o.work.join("strace-recovery.txt");
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
            .args(args(plan));
        let started = Instant::now();
        let reopened = run_editor(cmd, |child| {
            kill_at(child, started + Duration::from_secs(300))
        });
        let traced = std::fs::read_to_string(&trace).unwrap_or_default();
        match reopened {
            Ok(_) if traced.contains("killed by SIGKILL") => {
                format!(", then SIGKILL while reopening at {sys} #{when} of {count}")
            }
            Ok((_, run)) => format!(
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

    /// Snapshot the crash state, check it, record and report the verdict.
    fn check(
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

fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..].join(" / ")
}

/// Show that the checks can fail: a plan with edits 1..=20 judged against other
/// acknowledgements, changed behind the core's back, and cut short.
fn self_test(editor: &Path, template: &Path, base: &Baseline, work: &Path) -> Result<(), String> {
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

/// Create the template plan (the seed template) and read what the checks compare against.
fn make_template(work: &Path) -> (PathBuf, Baseline) {
    let path = work.join("template.renjarb");
    let plan = Plan::create(
        &path,
        NewPlan {
            template: Template::Seed,
            tahun: 2025,
        },
        true,
        Arc::new(SystemClock),
    )
    .expect("create the template plan");
    let ids = editor::tahapan_ids(&plan).expect("read the template's tahapan");
    let names = plan
        .grid()
        .expect("read the template's grid")
        .rows
        .into_iter()
        .filter(|r| r.level == renja_core::edit::Level::Tahapan)
        .map(|r| (r.id, r.nama))
        .collect();
    plan.close().expect("close the template plan");
    (path, Baseline { ids, names })
}

fn main() {
    let o = parse_options();
    let editor = editor_path();
    let _ = std::fs::remove_dir_all(&o.work);
    std::fs::create_dir_all(&o.work).expect("create the work folder");
    let (template, base) = make_template(&o.work);
    let keep_dir = o.keep.join(format!("seed-{}", o.seed));
    println!(
        "crash: seed {}, work folder {}, failures kept in {}",
        o.seed,
        o.work.display(),
        keep_dir.display()
    );
    let mut syscalls = Vec::new();
    let mut strace = o.strace;
    if strace && !strace_available() {
        println!(
            "crash: NOTE strace is not installed: the kill-at-an-exact-write mode is skipped \
             (apt-get install strace to run it)"
        );
        strace = false;
    }
    if strace {
        match count_syscalls(&editor, &template, &o.work, o.strace_edits) {
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
        match self_test(&editor, &template, &base, &o.work) {
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
            let mut all = Tally::default();
            merge(&mut all, &d.random);
            merge(&mut all, &d.strace);
            println!(
                "{} ({} s)",
                all.line("crash: so far"),
                started.elapsed().as_secs()
            );
        }
    }
    if let Some(chain) = d.chain.take() {
        let _ = std::fs::remove_dir_all(chain.dir);
    }
    let _ = std::fs::remove_dir_all(&d.o.work);

    println!(
        "\ncrash: {} s, seed {}",
        started.elapsed().as_secs(),
        d.o.seed
    );
    if random {
        println!("{}", d.random.line("crash[random]"));
    }
    if strace {
        println!("{}", d.strace.line("crash[strace]"));
    } else if d.o.strace {
        println!("crash[strace]: skipped (see the note above)");
    }
    if !d.details.is_empty() {
        println!("what went wrong (digits folded to #):");
        for ((class, detail), n) in &d.details {
            println!("  {n} × {}: {detail}", class.name());
        }
        println!("crash states kept in {}", d.keep_dir.display());
    }
    if !d.leftovers.is_empty() {
        let list: Vec<String> = d
            .leftovers
            .iter()
            .map(|(name, n)| format!("{name} ×{n}"))
            .collect();
        println!(
            "new files beside the plan after a kill and the reopening: {}",
            list.join(", ")
        );
    }
    let mut all = Tally::default();
    merge(&mut all, &d.random);
    merge(&mut all, &d.strace);
    println!("{}", all.line("crash"));
    let bad = Class::ALL.iter().any(|c| {
        *c != Class::Intact && !(*c == Class::Refused && d.o.allow_refused) && all.get(*c) > 0
    });
    std::process::exit(i32::from(bad))
}

fn merge(into: &mut Tally, from: &Tally) {
    into.runs += from.runs;
    into.killed += from.killed;
    for (c, n) in &from.classes {
        *into.classes.entry(*c).or_default() += n;
    }
}

//! The hostile corpus in `tests/fixtures/hostile/`: files that are not plans, plans with a
//! foreign schema, rule-breaking data, damaged evidence, crashed writes and stray journals,
//! each with its expected verdict in `tests/fixtures/hostile/verdicts.tsv` (the one table;
//! `README.md` there shows the same rows for people).
//!
//! Every entry is tried three ways, each on its own fresh copy in a fresh folder (with the
//! `-journal`, `-wal` and `-shm` files stored beside it): `check_file`, `Plan::open` read-only
//! and `Plan::open` for editing. The verdicts:
//!
//! - `ok`: all three succeed and the plan shows its own content;
//! - `refused:<Variant>`: all three fail with that `Error` variant, and the folder is
//!   byte-for-byte as before with nothing created;
//! - `recovered` (a crashed write and its own hot journal) and `journal-ignored` (a journal or
//!   WAL that does not belong): all three succeed and the plan shows the content in the
//!   `shows` column — the last committed edit, or the plan's own content;
//! - `evidence-damaged`: both opens succeed, `check_file` reports the damaged evidence (its
//!   `damaged_evidence` list; `renja check` exits 1 with the names).
//!
//! Read-only opening and `check_file` must never change or create a file (except for
//! `recovered`, where how the roll-back is done is left to the opening code). After an
//! opening for editing that succeeds, the runner renames the first tahapan, closes the plan,
//! and checks the plan file on its own (without anything that lay beside it) in a fresh
//! folder: it must pass `check_file` and show the rename.
//!
//! `hostile_corpus_verdicts` prints a table of expected against actual verdicts and fails at
//! the end if any differ. The corpus is written by the ignored test below:
//!
//! ```text
//! cargo test --workspace --test plan -- --ignored regenerate_hostile
//! ```

use std::collections::BTreeMap;
use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::{Level, NewNode};
use renja_core::model::{Peran, PlanIdentity};
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::{AnggotaInput, Error, NewPlan, OpenMode, Plan, TahapanId, Template, check_file};
use rusqlite::Connection;
use sha2::{Digest, Sha256};

use crate::common::{clock, fixture, fixtures_dir, tempdir};
use crate::fixtures;

/// The corpus folder.
fn corpus() -> PathBuf {
    fixtures_dir().join("hostile")
}

/// What may lie beside a plan file.
const SIBLINGS: [&str; 3] = ["-journal", "-wal", "-shm"];

/// Entries made at test time rather than committed, and what they are made from.
const MADE_AT_TEST_TIME: [(&str, &str); 1] = [("header/padded-2gb.renjarb", "good/tiny.renjarb")];

/// How far the 2 GB entry is padded (sparse, so it costs no disk).
const TWO_GB: u64 = 2 * 1024 * 1024 * 1024;

/// The name the runner gives the first tahapan when a plan opens for editing.
const RENAMED: &str = "Diubah oleh uji berkas hostile";

const VERDICTS: [&str; 4] = ["ok", "recovered", "journal-ignored", "evidence-damaged"];
const REFUSALS: [&str; 8] = [
    "EmptyFile",
    "NotAPlan",
    "ForeignDatabase",
    "Truncated",
    "Corrupt",
    "ForeignSchema",
    "BadData",
    "TooNew",
];

// --- the table --------------------------------------------------------------------------

/// One row of `verdicts.tsv`.
#[derive(Debug, Clone)]
struct Row {
    file: String,
    verdict: String,
    /// What the plan must show when it opens: "N tahapan; <name of the first tahapan>".
    shows: Option<String>,
    note: String,
}

fn read_table() -> Vec<Row> {
    let path = corpus().join("verdicts.tsv");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("file\t") {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cells.len(),
            4,
            "verdicts.tsv line {}: want file, verdict, shows, note: {line:?}",
            n + 1
        );
        rows.push(Row {
            file: cells[0].to_owned(),
            verdict: cells[1].to_owned(),
            shows: (cells[2] != "-").then(|| cells[2].to_owned()),
            note: cells[3].to_owned(),
        });
    }
    rows
}

fn valid_verdict(v: &str) -> bool {
    VERDICTS.contains(&v)
        || v.strip_prefix("refused:")
            .is_some_and(|variant| REFUSALS.contains(&variant))
}

/// The plan files of the committed corpus (paths relative to it, `/`-separated) and the
/// siblings each has beside it.
fn corpus_files() -> BTreeMap<String, Vec<String>> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("list {}: {e}", dir.display()))
            .map(|e| e.expect("directory entry"))
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = e.file_name().to_string_lossy().into_owned();
            let rel = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            if e.file_type().expect("file type").is_dir() {
                walk(&e.path(), &rel, out);
            } else {
                out.push(rel);
            }
        }
    }
    let mut all = Vec::new();
    walk(&corpus(), "", &mut all);
    all.retain(|f| ![".gitignore", "README.md", "verdicts.tsv"].contains(&f.as_str()));
    let is_sibling = |f: &str| SIBLINGS.iter().any(|s| f.ends_with(s));
    let mut plans: BTreeMap<String, Vec<String>> = all
        .iter()
        .filter(|f| !is_sibling(f))
        .map(|f| (f.clone(), Vec::new()))
        .collect();
    for f in all.iter().filter(|f| is_sibling(f)) {
        let owner = SIBLINGS
            .iter()
            .find_map(|s| f.strip_suffix(s))
            .expect("a sibling suffix");
        plans
            .get_mut(owner)
            .unwrap_or_else(|| panic!("{f} lies beside no plan file ({owner} is missing)"))
            .push(f.clone());
    }
    plans
}

// --- one attempt ------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    Check,
    ReadOnly,
    Edit,
}

impl How {
    const ALL: [How; 3] = [How::Check, How::ReadOnly, How::Edit];

    fn label(self) -> &'static str {
        match self {
            How::Check => "check",
            How::ReadOnly => "ro",
            How::Edit => "edit",
        }
    }
}

#[derive(Debug, Clone)]
enum Outcome {
    /// The attempt failed with this `Error` variant (and its English detail).
    Refused {
        variant: String,
        detail: String,
    },
    /// `check_file` passed.
    Checked,
    /// The plan opened; what it shows, or why reading it failed.
    Opened {
        shows: Result<String, String>,
    },
    Panicked(String),
}

impl Outcome {
    fn label(&self) -> String {
        match self {
            Outcome::Refused { variant, .. } => variant.clone(),
            Outcome::Checked => "ok".into(),
            Outcome::Opened { shows: Ok(_) } => "ok".into(),
            Outcome::Opened { shows: Err(e) } => format!("ok but {e}"),
            Outcome::Panicked(_) => "panic".into(),
        }
    }
}

struct Attempt {
    how: How,
    outcome: Outcome,
    problems: Vec<String>,
}

/// The name of an error's variant.
/// The variant's name; with "+message" when its message is not what a refusal of a file must
/// say: Indonesian through and through (red-team finding 9), ending with the promise that
/// the file was not changed (which the runner checks byte for byte).
fn variant(e: &Error) -> String {
    const ENGLISH: [&str; 8] = [
        "constraint",
        "failed",
        "cannot",
        "malformed",
        "database",
        "sqlite:",
        "error",
        " the ",
    ];
    let message = e.message();
    let name = variant_name(e);
    // The file's own name (quoted first in every refusal) may be in any language.
    let words = match message.split('"').collect::<Vec<_>>().as_slice() {
        [before, _name, rest @ ..] => format!("{before} {}", rest.join("\"")),
        _ => message.clone(),
    };
    let english = ENGLISH.iter().any(|w| words.to_lowercase().contains(w));
    if english || !message.ends_with("Berkas tidak diubah.") {
        format!("{name}+message: {message}")
    } else {
        name
    }
}

fn variant_name(e: &Error) -> String {
    match e {
        Error::EmptyFile { .. } => "EmptyFile".into(),
        Error::NotAPlan { .. } => "NotAPlan".into(),
        Error::ForeignDatabase { .. } => "ForeignDatabase".into(),
        Error::Truncated { .. } => "Truncated".into(),
        Error::Corrupt { .. } => "Corrupt".into(),
        Error::ForeignSchema { .. } => "ForeignSchema".into(),
        Error::BadData { .. } => "BadData".into(),
        Error::TooNew { .. } => "TooNew".into(),
        other => format!("{other:?}")
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// "N tahapan; <first tahapan's name>", from the whole plan read back through `dump`.
fn summary(plan: &Plan) -> Result<String, String> {
    let dump = plan
        .dump()
        .map_err(|e| format!("dump failed: {}", variant(&e)))?;
    let names: Vec<&str> = dump
        .programs
        .iter()
        .flat_map(|p| &p.outcomes)
        .flat_map(|o| &o.kegiatan)
        .flat_map(|k| &k.outputs)
        .flat_map(|o| &o.tahapan)
        .map(|t| t.nama.as_str())
        .collect();
    Ok(match names.first() {
        None => "0 tahapan".into(),
        Some(first) => format!("{} tahapan; {}", names.len(), clip(first, 80)),
    })
}

fn first_tahapan(plan: &Plan) -> Option<TahapanId> {
    plan.grid()
        .ok()?
        .rows
        .into_iter()
        .find(|r| r.level == Level::Tahapan)
        .map(|r| TahapanId(r.id))
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "panic".into())
}

/// The length and a hash of each file in `dir`. Files over 64 MiB (the 2 GB entry) are
/// hashed on their first 64 MiB and last 1 MiB.
fn snapshot(dir: &Path) -> BTreeMap<String, (u64, String)> {
    const WHOLE: u64 = 64 * 1024 * 1024;
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).expect("list") {
        let e = e.expect("entry");
        let path = e.path();
        let len = e.metadata().expect("metadata").len();
        let mut hasher = Sha256::new();
        if path.is_file() {
            let mut f = std::fs::File::open(&path).expect("open");
            let mut head = Vec::new();
            (&mut f)
                .take(WHOLE)
                .read_to_end(&mut head)
                .expect("read head");
            hasher.update(&head);
            if len > WHOLE {
                use std::io::{Seek, SeekFrom};
                f.seek(SeekFrom::Start(len - 1024 * 1024)).expect("seek");
                let mut tail = Vec::new();
                f.read_to_end(&mut tail).expect("read tail");
                hasher.update(&tail);
            }
        }
        let hash = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        out.insert(e.file_name().to_string_lossy().into_owned(), (len, hash));
    }
    out
}

/// What changed in a folder between two snapshots.
fn changes(
    before: &BTreeMap<String, (u64, String)>,
    after: &BTreeMap<String, (u64, String)>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (name, was) in before {
        match after.get(name) {
            None => out.push(format!("{name} removed")),
            Some(now) if now.0 != was.0 => {
                out.push(format!("{name} resized {} → {}", was.0, now.0));
            }
            Some(now) if now.1 != was.1 => out.push(format!("{name} changed")),
            Some(_) => {}
        }
    }
    for name in after.keys().filter(|n| !before.contains_key(*n)) {
        out.push(format!("{name} created"));
    }
    out
}

/// Put a fresh copy of `file` (and its siblings) into `dir`; returns the plan's path.
fn place(file: &str, siblings: &[String], dir: &Path) -> PathBuf {
    let name = Path::new(file).file_name().expect("file name");
    let dest = dir.join(name);
    if let Some((_, from)) = MADE_AT_TEST_TIME.iter().find(|(f, _)| *f == file) {
        std::fs::copy(corpus().join(from), &dest).expect("copy the base of a made entry");
        std::fs::OpenOptions::new()
            .write(true)
            .open(&dest)
            .and_then(|f| f.set_len(TWO_GB))
            .expect("pad to 2 GB (sparse)");
        return dest;
    }
    std::fs::copy(corpus().join(file), &dest).unwrap_or_else(|e| {
        panic!(
            "copy {file}: {e} (run `cargo test --workspace --test plan -- --ignored \
             regenerate_hostile`)"
        )
    });
    for s in siblings {
        let sname = Path::new(s).file_name().expect("sibling name");
        std::fs::copy(corpus().join(s), dir.join(sname)).expect("copy sibling");
    }
    dest
}

/// Run one way of opening `file` on its own fresh copy.
fn attempt(row: &Row, siblings: &[String], how: How) -> Attempt {
    let dir = tempdir();
    let path = place(&row.file, siblings, dir.path());
    let before = snapshot(dir.path());
    let mut problems = Vec::new();
    let run = catch_unwind(AssertUnwindSafe(|| -> (Outcome, Vec<String>) {
        let mut notes = Vec::new();
        let refused = |e: Error| Outcome::Refused {
            variant: variant(&e),
            detail: e.to_string(),
        };
        let outcome = match how {
            How::Check => match check_file(&path) {
                // The plan opens, but `renja check` reports damaged evidence (exit status 1).
                Ok(r) if !r.damaged_evidence.is_empty() => Outcome::Refused {
                    variant: "DamagedEvidence".into(),
                    detail: r.damaged_evidence.join("; "),
                },
                Ok(_) => Outcome::Checked,
                Err(e) => refused(e),
            },
            How::ReadOnly => match Plan::open(&path, OpenMode::ReadOnly, clock()) {
                Ok(plan) => {
                    let shows = summary(&plan);
                    if let Err(e) = plan.close() {
                        notes.push(format!("close failed: {e}"));
                    }
                    Outcome::Opened { shows }
                }
                Err(e) => refused(e),
            },
            How::Edit => match Plan::open(&path, OpenMode::Edit, clock()) {
                Ok(mut plan) => {
                    let shows = summary(&plan);
                    if let Some(t) = first_tahapan(&plan)
                        && let Err(e) = plan.rename_node(Level::Tahapan, t.0, RENAMED)
                    {
                        notes.push(format!("renaming a tahapan failed: {e}"));
                    }
                    if let Err(e) = plan.close() {
                        notes.push(format!("close failed: {e}"));
                    }
                    Outcome::Opened { shows }
                }
                Err(e) => refused(e),
            },
        };
        (outcome, notes)
    }));
    let outcome = match run {
        Ok((outcome, notes)) => {
            problems.extend(notes.into_iter().map(|n| format!("{}: {n}", how.label())));
            outcome
        }
        Err(p) => Outcome::Panicked(panic_text(p.as_ref())),
    };
    let changed = changes(&before, &snapshot(dir.path()));
    let must_not_touch = matches!(outcome, Outcome::Refused { .. })
        || (how != How::Edit && row.verdict != "recovered");
    if must_not_touch && !changed.is_empty() {
        problems.push(format!("{}: {}", how.label(), changed.join(", ")));
    }
    if how == How::Edit && matches!(outcome, Outcome::Opened { .. }) {
        problems.extend(after_editing(row, &path));
    }
    Attempt {
        how,
        outcome,
        problems,
    }
}

/// After an opening for editing, the plan file on its own (without anything that lay beside
/// it) must pass `check_file` and show the rename.
fn after_editing(row: &Row, edited: &Path) -> Vec<String> {
    if row.verdict.starts_with("refused:") {
        return Vec::new();
    }
    let dir = tempdir();
    let alone = dir
        .path()
        .join(edited.file_name().expect("the plan's file name"));
    std::fs::copy(edited, &alone).expect("copy the edited plan");
    let mut problems = Vec::new();
    if row.verdict != "evidence-damaged"
        && let Err(e) = check_file(&alone)
    {
        problems.push(format!(
            "after editing, the plan alone fails check: {} ({e})",
            variant(&e)
        ));
    }
    let want = row.shows.as_ref().map(|s| match s.split_once("; ") {
        Some((count, _)) => format!("{count}; {RENAMED}"),
        None => s.clone(),
    });
    match Plan::open(&alone, OpenMode::ReadOnly, clock()) {
        Ok(plan) => {
            let got = summary(&plan);
            if want.is_some() && got.as_ref().ok() != want.as_ref() {
                problems.push(format!(
                    "after editing, the plan alone shows {got:?}, want {want:?}"
                ));
            }
        }
        Err(e) => problems.push(format!(
            "after editing, the plan alone does not open: {} ({e})",
            variant(&e)
        )),
    }
    problems
}

/// The verdict the three attempts add up to.
fn judge(row: &Row, siblings: &[String], attempts: &[Attempt]) -> String {
    let outcomes: Vec<&Outcome> = attempts.iter().map(|a| &a.outcome).collect();
    let refusals: Vec<&str> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Refused { variant, .. } => Some(variant.as_str()),
            _ => None,
        })
        .collect();
    if refusals.len() == 3 {
        return if refusals.iter().all(|v| *v == refusals[0]) {
            format!("refused:{}", refusals[0])
        } else {
            "refused:mixed".into()
        };
    }
    let shown: Vec<&Result<String, String>> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Opened { shows } => Some(shows),
            _ => None,
        })
        .collect();
    if shown.len() != 2 {
        return "mixed".into();
    }
    let shows_right = shown.iter().all(|s| {
        s.is_ok()
            && row
                .shows
                .as_ref()
                .is_none_or(|w| s.as_ref().ok() == Some(w))
    });
    if !shows_right {
        let got = shown
            .iter()
            .find(|s| s.as_ref().ok() != row.shows.as_ref())
            .map(|s| match s {
                Ok(s) => format!("\"{s}\""),
                Err(e) => e.clone(),
            })
            .unwrap_or_default();
        return format!("opens, shows {got}");
    }
    match outcomes[0] {
        Outcome::Checked if siblings.is_empty() => "ok".into(),
        Outcome::Checked if ["recovered", "journal-ignored"].contains(&row.verdict.as_str()) => {
            row.verdict.clone()
        }
        Outcome::Checked => "opens with a journal beside it".into(),
        Outcome::Refused { variant, .. } if variant == "DamagedEvidence" => {
            "evidence-damaged".into()
        }
        _ => "mixed".into(),
    }
}

// --- the tests --------------------------------------------------------------------------

#[test]
fn hostile_table_covers_the_corpus() {
    let rows = read_table();
    let files = corpus_files();
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for row in &rows {
        if !seen.insert(row.file.clone()) {
            problems.push(format!("{}: two rows", row.file));
        }
        if !valid_verdict(&row.verdict) {
            problems.push(format!("{}: unknown verdict {:?}", row.file, row.verdict));
        }
        if row.note.trim().is_empty() {
            problems.push(format!("{}: no note", row.file));
        }
        let needs_shows = ["recovered", "journal-ignored", "ok", "evidence-damaged"]
            .contains(&row.verdict.as_str());
        if needs_shows != row.shows.is_some() {
            problems.push(format!(
                "{}: `shows` is given exactly for verdicts that open",
                row.file
            ));
        }
        let made = MADE_AT_TEST_TIME.iter().any(|(f, _)| *f == row.file);
        match (files.get(&row.file), made) {
            (None, false) => problems.push(format!("{}: a row with no file", row.file)),
            (Some(_), true) => problems.push(format!(
                "{}: made at test time, must not be committed",
                row.file
            )),
            (Some(siblings), false) => {
                let journal_verdict =
                    ["recovered", "journal-ignored"].contains(&row.verdict.as_str());
                if journal_verdict == siblings.is_empty() {
                    problems.push(format!(
                        "{}: a journal, WAL or SHM lies beside exactly the entries \
                         `recovered` and `journal-ignored`",
                        row.file
                    ));
                }
            }
            (None, true) => {}
        }
    }
    for file in files.keys() {
        if !rows.iter().any(|r| &r.file == file) {
            problems.push(format!("{file}: a corpus file with no verdict row"));
        }
    }
    // README.md shows the same rows.
    let readme = std::fs::read_to_string(corpus().join("README.md")).expect("README.md");
    let table: Vec<&str> = readme
        .lines()
        .filter(|l| l.starts_with("| `") && l.contains(".renjarb` |"))
        .collect();
    if table.len() != rows.len() {
        problems.push(format!(
            "README.md has {} table rows, verdicts.tsv {}",
            table.len(),
            rows.len()
        ));
    }
    for row in &rows {
        match table
            .iter()
            .find(|l| l.starts_with(&format!("| `{}` |", row.file)))
        {
            None => problems.push(format!("README.md: no row for {}", row.file)),
            Some(line) => {
                if !line.contains(&format!("| `{}` |", row.verdict)) {
                    problems.push(format!("README.md: {} is not `{}`", row.file, row.verdict));
                }
                if let Some(shows) = &row.shows
                    && !line.contains(shows.as_str())
                {
                    problems.push(format!("README.md: {} does not show {shows:?}", row.file));
                }
            }
        }
    }
    let plans = files.len() + MADE_AT_TEST_TIME.len();
    if plans < 60 {
        problems.push(format!(
            "only {plans} entries; the corpus needs at least 60"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn hostile_corpus_verdicts() {
    let rows = read_table();
    let files = corpus_files();
    let mut lines = Vec::new();
    let mut failed = Vec::new();
    for row in &rows {
        let siblings = files.get(&row.file).cloned().unwrap_or_default();
        if !files.contains_key(&row.file) && !MADE_AT_TEST_TIME.iter().any(|(f, _)| *f == row.file)
        {
            failed.push(row.file.clone());
            lines.push(format!("✗ {:<48} file missing", row.file));
            continue;
        }
        let attempts: Vec<Attempt> = How::ALL
            .iter()
            .map(|how| attempt(row, &siblings, *how))
            .collect();
        let actual = judge(row, &siblings, &attempts);
        let problems: Vec<&String> = attempts.iter().flat_map(|a| &a.problems).collect();
        let good = actual == row.verdict && problems.is_empty();
        if !good {
            failed.push(row.file.clone());
        }
        let detail = attempts
            .iter()
            .map(|a| format!("{}={}", a.how.label(), a.outcome.label()))
            .collect::<Vec<_>>()
            .join(" ");
        lines.push(format!(
            "{} {:<48} {:<24} {:<32} {detail}",
            if good { "✓" } else { "✗" },
            row.file,
            row.verdict,
            clip(&actual, 32),
        ));
        if !good {
            for a in &attempts {
                match &a.outcome {
                    Outcome::Refused { detail, .. } => {
                        lines.push(format!("      {}: {}", a.how.label(), clip(detail, 200)))
                    }
                    Outcome::Panicked(p) => {
                        lines.push(format!(
                            "      {}: panicked: {}",
                            a.how.label(),
                            clip(p, 200)
                        ));
                    }
                    _ => {}
                }
            }
            for p in problems {
                lines.push(format!("      problem: {}", clip(p, 240)));
            }
        }
    }
    println!(
        "\nhostile corpus: {} entries, {} as expected, {} differ\n  \
         {:<48} {:<24} {:<32} attempts\n{}",
        rows.len(),
        rows.len() - failed.len(),
        failed.len(),
        "file",
        "expected",
        "actual",
        lines.join("\n")
    );
    assert!(
        failed.is_empty(),
        "{} of {} hostile files differ from their expected verdict (table above): {}",
        failed.len(),
        rows.len(),
        failed.join(", ")
    );
}

// --- the generator ----------------------------------------------------------------------

/// The page size of the corpus' plans: small, so the folder stays a few MB.
const PAGE: usize = 1024;

/// Deterministic pseudo-random bytes (xorshift64).
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn journal(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn open_raw(path: &Path) -> Connection {
    Connection::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()))
}

fn close_raw(conn: Connection) {
    conn.close().map_err(|(_, e)| e).expect("close");
}

fn exec(path: &Path, sql: &str) {
    let conn = open_raw(path);
    conn.execute_batch(sql)
        .unwrap_or_else(|e| panic!("{}: {e}\n{sql}", path.display()));
    close_raw(conn);
}

const STAMP: &str = "2025-03-14T09:30:00.000Z";
const MIGRATIONS: [&str; 5] = [
    include_str!("../../src/storage/migrations/0001_init.sql"),
    include_str!("../../src/storage/migrations/0002_kop.sql"),
    include_str!("../../src/storage/migrations/0003_realisasi_bukti.sql"),
    include_str!("../../src/storage/migrations/0004_laporan.sql"),
    include_str!("../../src/storage/migrations/0005_pangkat.sql"),
];

/// A UUID for row `id` of table number `table`, the same on every run.
fn uuid_sql(table: usize) -> String {
    format!("printf('3d6a7c10-5b2e-4f8a-8c41-%04x%08x', {table}, id)")
}

const UUID_TABLES: [&str; 10] = [
    "plan",
    "program",
    "outcome",
    "kegiatan",
    "output",
    "tahapan",
    "anggota",
    "realisasi",
    "bukti",
    "bukti_berkas",
];

/// Give every row a fixed UUID and rewrite the file with `PAGE`-byte pages, so the same
/// content gives the same bytes on every run.
fn settle(path: &Path) {
    let sets: String = UUID_TABLES
        .iter()
        .enumerate()
        .map(|(i, t)| format!("UPDATE {t} SET uuid = {};\n", uuid_sql(i + 1)))
        .collect();
    exec(path, &format!("{sets}PRAGMA page_size = {PAGE}; VACUUM;"));
}

const TAHAPAN: [&str; 3] = [
    "Menyusun susunan Tim RB Unit Kerja",
    "Menetapkan SK Tim RB Unit Kerja",
    "Melaporkan kemajuan kepada Kepala Dinas",
];

/// The summary every copy of the tiny plan shows.
fn tiny_shows() -> String {
    format!("3 tahapan; {}", TAHAPAN[0])
}

/// The tiny plan most of the corpus is made from: made by the core (`Template::Empty`), then
/// one program > outcome > kegiatan > output with three tahapan, a realisasi, a piece of
/// evidence with two files and a member, all through the public API.
fn write_tiny(path: &Path, work: &Path) {
    let mut plan = Plan::create(
        path,
        NewPlan {
            template: Template::Empty,
            tahun: 2025,
        },
        false,
        clock(),
    )
    .expect("create the tiny plan");
    plan.set_identity(&PlanIdentity {
        pemerintah_daerah: "Pemerintah Kabupaten Kutai Kartanegara".into(),
        instansi: "Dinas Perkebunan".into(),
        unit_kerja: "Sekretariat".into(),
        alamat: "Jl. Muso Bin Salim No. 12 - 13".into(),
        tahun: 2025,
        nomor_keputusan: "B-100/DISBUN/SET-I/000.7.2.6/12/2024".into(),
        tanggal_keputusan: "2024-12-02".into(),
        tempat_penetapan: "Tenggarong".into(),
        kepala_nama: "Ir. Budi Santoso, M.Si.".into(),
        kepala_nip: "196805121994031007".into(),
        ..PlanIdentity::default()
    })
    .expect("identity");
    let mut parent = None;
    for (level, nama) in [
        (Level::Program, "Manajemen Perubahan"),
        (
            Level::Outcome,
            "Manajemen Reformasi Birokrasi berjalan efektif",
        ),
        (Level::Kegiatan, "Membentuk Tim Reformasi Birokrasi"),
        (Level::Output, "SK Tim Reformasi Birokrasi"),
    ] {
        parent = Some(
            plan.add_node(
                NewNode {
                    level,
                    parent,
                    after: None,
                },
                nama,
            )
            .expect("add node"),
        );
    }
    let mut tahapan = Vec::new();
    for (i, nama) in TAHAPAN.iter().enumerate() {
        let id = plan
            .add_node(
                NewNode {
                    level: Level::Tahapan,
                    parent,
                    after: None,
                },
                nama,
            )
            .expect("add tahapan");
        plan.set_bulan(TahapanId(id), 0b11 << i).expect("bulan");
        tahapan.push(TahapanId(id));
    }
    plan.set_realisasi(
        tahapan[0],
        2,
        &RealisasiInput {
            status: Status::Selesai,
            persen: 100,
            catatan: "SK sudah ditandatangani".into(),
            kendala: String::new(),
            tindak_lanjut: String::new(),
        },
    )
    .expect("realisasi");
    let sk = work.join("sk-tim-rb.pdf");
    std::fs::write(&sk, pdf_bytes()).expect("write sk");
    let foto = work.join("foto-rapat.jpg");
    std::fs::write(&foto, jpeg_bytes(FOTO_BYTES)).expect("write foto");
    plan.add_bukti(
        tahapan[0],
        &BuktiInput {
            judul: "SK Tim RB Unit Kerja".into(),
            jenis: Jenis::Sk,
            nomor: "800/123/DISBUN".into(),
            tanggal: "2025-02-10".into(),
            keterangan: String::new(),
            bulan: 0b10,
        },
        &[sk, foto],
    )
    .expect("bukti");
    plan.add_anggota(&AnggotaInput {
        nama: "Siti Rahmawati, S.E.".into(),
        nip: "197903152005012004".into(),
        jabatan: "Sekretaris Dinas".into(),
        peran: Peran::Ketua,
        pokja: "Pokja Manajemen Perubahan".into(),
    })
    .expect("anggota");
    plan.close().expect("close the tiny plan");
    settle(path);
}

/// A plan of schema `version` (1–3) written with the migrations' own SQL, as that version of
/// Renja RB wrote it.
fn write_old(path: &Path, version: usize) {
    let conn = open_raw(path);
    conn.execute_batch(&format!(
        "PRAGMA page_size = {PAGE}; PRAGMA journal_mode = DELETE;
         PRAGMA application_id = {};",
        renja_core::file::APPLICATION_ID
    ))
    .expect("pragmas");
    for sql in &MIGRATIONS[..version] {
        conn.execute_batch(sql).expect("migration");
    }
    conn.pragma_update(None, "user_version", version as i64)
        .expect("user_version");
    conn.execute_batch(&format!(
        "INSERT INTO plan (id, uuid, instansi, tahun, tanggal_keputusan, created_at, modified_at)
             VALUES (1, '3d6a7c10-5b2e-4f8a-8c41-0f0000000001', 'Dinas Perkebunan', 2024,
                     '2023-12-01', '{STAMP}', '{STAMP}');
         INSERT INTO program VALUES (1, '3d6a7c10-5b2e-4f8a-8c41-0f0000000002', 0,
             'Penguatan Akuntabilitas', '{STAMP}');
         INSERT INTO outcome VALUES (1, '3d6a7c10-5b2e-4f8a-8c41-0f0000000003', 1, 0,
             'Meningkatnya akuntabilitas kinerja', '{STAMP}');
         INSERT INTO kegiatan VALUES (1, '3d6a7c10-5b2e-4f8a-8c41-0f0000000004', 1, 0,
             'Menyusun LKjIP', '{STAMP}');
         INSERT INTO output VALUES (1, '3d6a7c10-5b2e-4f8a-8c41-0f0000000005', 1, 0,
             'Dokumen LKjIP', '{STAMP}');
         INSERT INTO tahapan VALUES (1, '3d6a7c10-5b2e-4f8a-8c41-0f0000000006', 1, 0,
             'Mengumpulkan data capaian kinerja', 6, 'Data lengkap',
             'Pokja Penguatan Akuntabilitas', '{STAMP}');"
    ))
    .expect("rows");
    if version >= 3 {
        let data = b"Notulen rapat penyusunan LKjIP.\n";
        conn.execute_batch(&format!(
            "INSERT INTO realisasi VALUES (1, '3d6a7c10-5b2e-4f8a-8c41-0f0000000007', 1, 2,
                 'dalamProses', 50, '', '', '', '{STAMP}');
             INSERT INTO berkas VALUES (1, '{}', {}, X'{}');
             INSERT INTO bukti VALUES (1, '3d6a7c10-5b2e-4f8a-8c41-0f0000000008', 1,
                 'Notulen rapat', 'notulen', '', '2024-02-05', '', 2, '{STAMP}', '{STAMP}');
             INSERT INTO bukti_berkas VALUES (1, '3d6a7c10-5b2e-4f8a-8c41-0f0000000009', 1, 1,
                 'notulen.txt', 'text/plain', 0, '{STAMP}');",
            hex(&Sha256::digest(data)),
            data.len(),
            hex(data)
        ))
        .expect("evidence rows");
    }
    close_raw(conn);
}

/// The first name of the plans `write_old` makes.
const OLD_SHOWS: &str = "1 tahapan; Mengumpulkan data capaian kinerja";

fn pdf_bytes() -> Vec<u8> {
    b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n\
1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n\
4 0 obj\n<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 770 Td (SK Tim RB) Tj ET\nendstream\nendobj\n\
trailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n"
        .to_vec()
}

/// A JPEG-looking file: SOI, a JFIF APP0 segment, noise, EOI.
fn jpeg_bytes(len: usize) -> Vec<u8> {
    let mut b = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
    ];
    b.extend(noise(len - b.len() - 2, 0x1A2B_3C4D));
    b.extend([0xFF, 0xD9]);
    b
}

/// A Windows program's first bytes: the MZ header, the DOS stub and a PE header.
fn exe_bytes() -> Vec<u8> {
    let mut b = vec![0u8; 1024];
    b[..2].copy_from_slice(b"MZ");
    b[0x3C..0x40].copy_from_slice(&0x80u32.to_le_bytes());
    let stub = b"This program cannot be run in DOS mode.\r\r\n$";
    b[0x4E..0x4E + stub.len()].copy_from_slice(stub);
    b[0x80..0x84].copy_from_slice(b"PE\0\0");
    b[0x84..0x86].copy_from_slice(&0x8664u16.to_le_bytes());
    b[0x86..0x88].copy_from_slice(&3u16.to_le_bytes());
    b[0x200..].copy_from_slice(&noise(512, 0xE8E));
    b
}

/// A ZIP with these stored entries, fixed time: what DOCX and XLSX files are.
fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    for (name, body) in entries {
        w.start_file(*name, options).expect("zip entry");
        w.write_all(body.as_bytes()).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

fn docx_bytes() -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        (
            "word/document.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document \
             xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\
             <w:p><w:r><w:t>Rencana Kerja Reformasi Birokrasi 2025</w:t></w:r></w:p>\
             </w:body></w:document>",
        ),
    ])
}

fn xlsx_bytes() -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        (
            "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook \
             xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets>\
             <sheet name=\"Rencana Aksi\" sheetId=\"1\"/></sheets></workbook>",
        ),
        (
            "xl/worksheets/sheet1.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet \
             xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\
             <row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Tahapan</t></is></c></row>\
             </sheetData></worksheet>",
        ),
    ])
}

const CSV_BODY: &str = "No;Program;Tahapan Kerja;Jan;Feb;Mar;Penanggung Jawab\r\n\
1;Manajemen Perubahan;Menyusun susunan Tim RB;X;X;;Pokja Manajemen Perubahan\r\n\
2;Penguatan Akuntabilitas;Menyusun LKjIP;;X;X;Pokja Akuntabilitas\r\n";

const TEXT_BODY: &str = "Assalamualaikum Bapak/Ibu,\n\
Berikut kami teruskan rencana aksi RB tahun 2025. Mohon dicek bagian Pokja masing-masing\n\
dan dikirim kembali paling lambat hari Jumat.\n\
Terima kasih.\n";

const HTML_BODY: &str = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\
<title>Google Drive - Virus scan warning</title></head>\n<body>\
<p>Google Drive can't scan this file for viruses.</p>\
<form action=\"https://drive.google.com/uc\"><input type=\"submit\" value=\"Download anyway\"></form>\
</body></html>\n";

/// Writes the corpus.
struct Gen {
    root: PathBuf,
    work: tempfile::TempDir,
    tiny: PathBuf,
    count: usize,
}

impl Gen {
    fn dest(&self, name: &str) -> PathBuf {
        let dest = self.root.join(name);
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("create folder");
        dest
    }

    fn bytes(&mut self, name: &str, bytes: &[u8]) {
        std::fs::write(self.dest(name), bytes).unwrap_or_else(|e| panic!("write {name}: {e}"));
        if !SIBLINGS.iter().any(|s| name.ends_with(s)) {
            self.count += 1;
        }
    }

    /// A working copy of `src` in the work folder, named after `name`.
    fn scratch(&self, src: &Path, name: &str) -> PathBuf {
        let tmp = self.work.path().join(name.replace('/', "_"));
        std::fs::copy(src, &tmp).expect("copy to the work folder");
        tmp
    }

    /// The tiny plan changed by `change`, with no journal left.
    fn tiny_changed(&mut self, name: &str, change: impl FnOnce(&Path)) {
        let tmp = self.scratch(&self.tiny.clone(), name);
        change(&tmp);
        for s in SIBLINGS {
            assert!(!journal(&tmp, s).exists(), "{name}: a {s} was left");
        }
        let bytes = std::fs::read(&tmp).expect("read");
        self.bytes(name, &bytes);
    }

    fn sql(&mut self, name: &str, sql: &str) {
        self.tiny_changed(name, |p| exec(p, sql));
    }

    /// The tiny plan's bytes changed by `change`.
    fn patch(&mut self, name: &str, change: impl FnOnce(&mut Vec<u8>)) {
        let mut bytes = std::fs::read(&self.tiny).expect("read tiny");
        change(&mut bytes);
        self.bytes(name, &bytes);
    }
}

/// Replace `from` by `to` in the CREATE statement of `table`, through `writable_schema`.
fn rewrite_schema(conn: &Connection, table: &str, from: &str, to: &str) -> String {
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = ?1",
            [table],
            |r| r.get(0),
        )
        .expect("schema sql");
    assert!(sql.contains(from), "{table}: {from:?} not in {sql}");
    conn.execute_batch("PRAGMA writable_schema = ON")
        .expect("writable_schema");
    conn.execute(
        "UPDATE sqlite_schema SET sql = ?1 WHERE name = ?2",
        [sql.replace(from, to), table.to_owned()],
    )
    .expect("rewrite schema");
    conn.execute_batch("PRAGMA writable_schema = OFF")
        .expect("writable_schema off");
    sql
}

/// Set the CREATE statement of `table` back to `sql`.
fn restore_schema(path: &Path, table: &str, sql: &str) {
    let conn = open_raw(path);
    conn.execute_batch("PRAGMA writable_schema = ON")
        .expect("writable_schema");
    conn.execute(
        "UPDATE sqlite_schema SET sql = ?1 WHERE name = ?2",
        [sql, table],
    )
    .expect("restore schema");
    close_raw(conn);
}

/// With `table`'s CREATE statement loosened (`from` → `to`), run `sql`, then put the
/// statement back: rows the real schema would never let in.
fn behind_schema(path: &Path, table: &str, from: &str, to: &str, sql: &str) {
    let conn = open_raw(path);
    let original = rewrite_schema(&conn, table, from, to);
    close_raw(conn);
    exec(path, sql);
    restore_schema(path, table, &original);
}

/// Open a transaction on `db`, make `changes` with a tiny cache so pages spill into the file,
/// and return the database file and its hot journal as they are while the transaction is
/// still open: what a power cut leaves.
fn crash(db: &Path, changes: &str) -> (Vec<u8>, Vec<u8>) {
    let before = std::fs::read(db).expect("read before");
    let conn = open_raw(db);
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA cache_size = 10;
         BEGIN IMMEDIATE;",
    )
    .expect("begin");
    conn.execute_batch(changes).expect("changes");
    let during = std::fs::read(db).expect("read during");
    let hot = std::fs::read(journal(db, "-journal")).expect("the journal exists");
    assert!(!hot.is_empty(), "the journal has content");
    assert_ne!(during, before, "pages spilled into the database file");
    conn.execute_batch("ROLLBACK").expect("rollback");
    close_raw(conn);
    (during, hot)
}

/// Whether the crashed `during` overwrote pages of the committed `before` (not only added
/// pages past its end), so that the plan without its journal is not the committed one.
fn overwrote(before: &[u8], during: &[u8]) -> bool {
    during.len() >= before.len() && during[..before.len()] != *before
}

/// The name of the first tahapan as last committed before the crashes.
const COMMITTED: &str = "Menyusun susunan Tim RB (perubahan terakhir yang tersimpan)";

/// Changes big enough to spill: every tahapan renamed, 400 more added.
fn crash_changes() -> String {
    format!(
        "UPDATE tahapan SET nama = 'TIDAK TERSIMPAN: ' || nama, modified_at = '{STAMP}';
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
         INSERT INTO tahapan (uuid, output_id, position, nama, modified_at)
             SELECT printf('3d6a7c10-5b2e-4f8a-8c41-ee%010x', i), 1, 100 + i,
                    printf('Tahapan belum tersimpan nomor %d, yang hilang bila listrik padam', i),
                    '{STAMP}'
             FROM n;"
    )
}

/// What a folder with `db` and its journal shows after SQLite itself rolls the journal back.
fn rolled_back_first_name(db: &[u8], hot: &[u8]) -> String {
    let dir = tempdir();
    let path = dir.path().join("p.renjarb");
    std::fs::write(&path, db).expect("write");
    std::fs::write(journal(&path, "-journal"), hot).expect("write journal");
    let conn = open_raw(&path);
    let name: String = conn
        .query_row(
            "SELECT nama FROM tahapan ORDER BY position, id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("read back");
    close_raw(conn);
    name
}

/// The -wal and -shm of `db` after `changes` in WAL mode, taken while it is still open.
fn wal_of(db: &Path, changes: &str) -> (Vec<u8>, Vec<u8>) {
    let conn = open_raw(db);
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .expect("wal");
    assert_eq!(mode, "wal");
    conn.execute_batch(&format!("PRAGMA wal_autocheckpoint = 0; {changes}"))
        .expect("wal changes");
    let wal = std::fs::read(journal(db, "-wal")).expect("read wal");
    let shm = std::fs::read(journal(db, "-shm")).expect("read shm");
    assert!(!wal.is_empty());
    close_raw(conn);
    (wal, shm)
}

fn page_size_of(bytes: &[u8]) -> usize {
    match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        n => usize::from(n),
    }
}

fn rootpage(path: &Path, name: &str) -> usize {
    let conn = open_raw(path);
    let page: i64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .expect("rootpage");
    close_raw(conn);
    usize::try_from(page).expect("page number")
}

/// The size of the evidence photo in the tiny plan: a few overflow pages.
const FOTO_BYTES: usize = 5000;

/// Where a window of the evidence photo lies in the tiny plan's bytes, inside one page.
fn evidence_offset(bytes: &[u8]) -> usize {
    let foto = jpeg_bytes(FOTO_BYTES);
    (1500..4500)
        .step_by(100)
        .find_map(|at| {
            let window = &foto[at..at + 64];
            let pos = bytes.windows(64).position(|w| w == window)?;
            (pos / PAGE == (pos + 63) / PAGE && pos / PAGE > 0).then_some(pos)
        })
        .expect("the evidence bytes lie in the file")
}

#[test]
#[ignore = "rewrites the committed corpus in tests/fixtures/hostile/"]
fn regenerate_hostile() {
    let root = corpus();
    std::fs::create_dir_all(&root).expect("create the corpus folder");
    // Only the generated files go; README.md and verdicts.tsv stay.
    for file in corpus_files()
        .into_iter()
        .flat_map(|(f, s)| std::iter::once(f).chain(s))
    {
        std::fs::remove_file(root.join(&file)).expect("remove an old corpus file");
    }
    let work = tempdir();
    let tiny = work.path().join("tiny.renjarb");
    write_tiny(&tiny, work.path());
    let mut g = Gen {
        root,
        work,
        tiny: tiny.clone(),
        count: 0,
    };
    let bad = |name: &str| std::fs::read(fixture(name)).expect("a fixture of tests/fixtures/bad");

    // --- not plans ---
    g.bytes("not-a-plan/empty.renjarb", &bad(fixtures::EMPTY));
    g.bytes("not-a-plan/random.renjarb", &bad(fixtures::RANDOM));
    g.bytes("not-a-plan/text.renjarb", TEXT_BODY.as_bytes());
    g.bytes("not-a-plan/csv.renjarb", CSV_BODY.as_bytes());
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(TEXT_BODY.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    g.bytes("not-a-plan/utf16-text.renjarb", &utf16);
    g.bytes("not-a-plan/html.renjarb", HTML_BODY.as_bytes());
    g.bytes("not-a-plan/zip.renjarb", &bad(fixtures::ZIP));
    g.bytes("not-a-plan/docx.renjarb", &docx_bytes());
    g.bytes("not-a-plan/xlsx.renjarb", &xlsx_bytes());
    g.bytes("not-a-plan/pdf.renjarb", &pdf_bytes());
    g.bytes(
        "not-a-plan/png.renjarb",
        &std::fs::read(fixture("logo.png")).expect("logo.png"),
    );
    g.bytes("not-a-plan/jpeg.renjarb", &jpeg_bytes(2048));
    g.bytes("not-a-plan/exe.renjarb", &exe_bytes());
    g.bytes("not-a-plan/other-app.renjarb", &bad(fixtures::FOREIGN));

    // --- the header and the file's length ---
    {
        let path = g.work.path().join("no-tables.renjarb");
        exec(
            &path,
            &format!(
                "PRAGMA page_size = {PAGE}; PRAGMA application_id = {};
                 PRAGMA user_version = {};
                 CREATE TABLE x (a); DROP TABLE x; VACUUM;",
                renja_core::file::APPLICATION_ID,
                renja_core::SCHEMA_VERSION
            ),
        );
        g.bytes(
            "header/no-tables.renjarb",
            &std::fs::read(&path).expect("read"),
        );
    }
    g.sql("header/user-version-0.renjarb", "PRAGMA user_version = 0;");
    g.sql(
        "header/user-version-1000.renjarb",
        &format!("PRAGMA user_version = {};", fixtures::NEWER_VERSION),
    );
    g.sql(
        "header/user-version-max.renjarb",
        "PRAGMA user_version = -1;",
    );
    g.tiny_changed("header/wal-mode.renjarb", |p| {
        let conn = open_raw(p);
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .expect("wal");
        assert_eq!(mode, "wal");
        close_raw(conn);
    });
    g.patch("header/page-size-1000.renjarb", |b| {
        b[16..18].copy_from_slice(&1000u16.to_be_bytes());
    });
    g.patch("header/page-size-512-claimed.renjarb", |b| {
        b[16..18].copy_from_slice(&512u16.to_be_bytes());
    });
    g.patch("header/truncated-99-bytes.renjarb", |b| b.truncate(99));
    g.patch("header/truncated-one-page.renjarb", |b| b.truncate(PAGE));
    g.patch("header/truncated-mid-page.renjarb", |b| {
        let pages = b.len() / PAGE;
        b.truncate(pages / 2 * PAGE + 517);
    });
    g.patch("header/truncated-half.renjarb", |b| {
        let pages = b.len() / PAGE;
        b.truncate(pages / 2 * PAGE);
    });
    g.patch("header/padded-garbage.renjarb", |b| {
        b.extend(noise(1234, 0xBAD));
    });
    g.patch("header/padded-whole-pages.renjarb", |b| {
        b.extend(noise(3 * PAGE, 0xBAD2));
    });
    g.patch("header/encoding-byte-utf16.renjarb", |b| {
        b[56..60].copy_from_slice(&2u32.to_be_bytes());
    });
    {
        let path = g.work.path().join("utf16.renjarb");
        let conn = open_raw(&path);
        conn.execute_batch(&format!(
            "PRAGMA encoding = 'UTF-16le'; PRAGMA page_size = {PAGE};
             PRAGMA application_id = {};",
            renja_core::file::APPLICATION_ID
        ))
        .expect("pragmas");
        for sql in MIGRATIONS {
            conn.execute_batch(sql).expect("migration");
        }
        conn.pragma_update(None, "user_version", renja_core::SCHEMA_VERSION)
            .expect("user_version");
        conn.execute_batch(&format!(
            "INSERT INTO plan (id, uuid, instansi, tahun, created_at, modified_at)
                 VALUES (1, '3d6a7c10-5b2e-4f8a-8c41-0f1600000001', 'Dinas Perkebunan', 2025,
                         '{STAMP}', '{STAMP}');
             INSERT INTO program VALUES (1, '3d6a7c10-5b2e-4f8a-8c41-0f1600000002', 0,
                 'Manajemen Perubahan', '{STAMP}');"
        ))
        .expect("rows");
        close_raw(conn);
        let bytes = std::fs::read(&path).expect("read");
        assert_eq!(&bytes[56..60], &2u32.to_be_bytes(), "UTF-16le");
        g.bytes("header/utf16-database.renjarb", &bytes);
    }
    {
        let page = rootpage(&tiny, "tahapan");
        g.patch("header/scribbled-page.renjarb", |b| {
            b[(page - 1) * PAGE..page * PAGE].fill(0xA5);
        });
    }

    // --- a schema that is not ours ---
    g.sql(
        "schema/trigger-renames-programs.renjarb",
        "CREATE TRIGGER tahapan_diubah AFTER UPDATE ON tahapan BEGIN
             UPDATE program SET nama = 'Program diganti diam-diam';
             DELETE FROM realisasi;
         END;",
    );
    g.sql(
        "schema/trigger-on-plan.renjarb",
        "CREATE TRIGGER plan_diubah AFTER UPDATE ON plan BEGIN
             UPDATE plan SET nomor_keputusan = 'PALSU/000' WHERE id = 1;
         END;",
    );
    g.sql(
        "schema/trigger-load-extension.renjarb",
        "CREATE TRIGGER muat AFTER INSERT ON realisasi BEGIN
             SELECT load_extension('/tmp/jahat.so');
         END;",
    );
    g.sql(
        "schema/view-load-extension.renjarb",
        "CREATE VIEW muat AS SELECT load_extension('/tmp/jahat.so') AS x;",
    );
    g.sql(
        "schema/extra-view.renjarb",
        "CREATE VIEW ringkasan AS
             SELECT p.nama AS program, count(t.id) AS tahapan
             FROM program p JOIN outcome o ON o.program_id = p.id
             JOIN kegiatan k ON k.outcome_id = o.id JOIN output u ON u.kegiatan_id = k.id
             JOIN tahapan t ON t.output_id = u.id GROUP BY p.id;",
    );
    g.sql(
        "schema/extra-index.renjarb",
        "CREATE INDEX tahapan_by_nama ON tahapan (nama);",
    );
    g.sql(
        "schema/extra-table.renjarb",
        "CREATE TABLE catatan_rahasia (id INTEGER PRIMARY KEY, isi TEXT);
         INSERT INTO catatan_rahasia (isi) VALUES ('dibuat di luar Renja RB');",
    );
    g.sql(
        "schema/temp-looking-table.renjarb",
        "CREATE TABLE temp_tahapan AS SELECT * FROM tahapan;",
    );
    g.sql(
        "schema/extra-column.renjarb",
        "ALTER TABLE tahapan ADD COLUMN catatan_rahasia TEXT NOT NULL DEFAULT '';",
    );
    g.sql(
        "schema/renamed-column.renjarb",
        "ALTER TABLE anggota RENAME COLUMN pokja TO kelompok;",
    );
    g.sql(
        "schema/missing-index.renjarb",
        "DROP INDEX tahapan_by_output;",
    );
    g.sql("schema/missing-table.renjarb", "DROP TABLE logo;");
    g.sql(
        "schema/changed-index.renjarb",
        "DROP INDEX outcome_by_program; CREATE INDEX outcome_by_program ON outcome (position);",
    );
    g.sql("schema/sqlite-stat1.renjarb", "ANALYZE;");
    g.tiny_changed("schema/check-removed.renjarb", |p| {
        let conn = open_raw(p);
        rewrite_schema(&conn, "tahapan", " CHECK (bulan BETWEEN 0 AND 4095)", "");
        close_raw(conn);
    });
    g.tiny_changed("schema/changed-column-type.renjarb", |p| {
        let conn = open_raw(p);
        rewrite_schema(
            &conn,
            "tahapan",
            "kriteria         TEXT NOT NULL",
            "kriteria         ANY NOT NULL",
        );
        close_raw(conn);
    });
    {
        let tmp = g.scratch(&fixture(fixtures::V1), "v1-trigger");
        exec(
            &tmp,
            "CREATE TRIGGER tahapan_diubah AFTER UPDATE ON tahapan BEGIN
                 UPDATE program SET nama = 'Program diganti diam-diam';
             END;",
        );
        g.bytes(
            "schema/old-plan-with-trigger.renjarb",
            &std::fs::read(&tmp).expect("read"),
        );
    }

    // --- data that breaks the plan's rules ---
    // Past the CHECK constraints.
    for (name, sql) in [
        (
            "tahapan-bulan-65535",
            "UPDATE tahapan SET bulan = 65535 WHERE id = 1",
        ),
        (
            "tahapan-bulan-minus-1",
            "UPDATE tahapan SET bulan = -1 WHERE id = 1",
        ),
        ("plan-tahun-99999", "UPDATE plan SET tahun = 99999"),
        (
            "realisasi-status-unknown",
            "UPDATE realisasi SET status = 'dihapus'",
        ),
        ("realisasi-bulan-13", "UPDATE realisasi SET bulan = 13"),
        ("realisasi-persen-250", "UPDATE realisasi SET persen = 250"),
        ("bukti-jenis-unknown", "UPDATE bukti SET jenis = 'rahasia'"),
        ("anggota-peran-unknown", "UPDATE anggota SET peran = 'raja'"),
        (
            "berkas-size-negative",
            "UPDATE berkas SET size = -5 WHERE id = 1",
        ),
        (
            "two-plan-rows",
            "INSERT INTO plan (id, uuid, tahun, created_at, modified_at)
             SELECT 2, '3d6a7c10-5b2e-4f8a-8c41-0f0200000002', tahun, created_at, modified_at
             FROM plan",
        ),
    ] {
        g.sql(
            &format!("data/{name}.renjarb"),
            &format!("PRAGMA ignore_check_constraints = ON; {sql};"),
        );
    }
    g.sql(
        "data/logo-mime-unknown.renjarb",
        &format!(
            "PRAGMA ignore_check_constraints = ON;
             INSERT INTO logo (id, data, mime, modified_at)
                 VALUES (1, X'{}', 'image/svg+xml', '{STAMP}');",
            hex(&std::fs::read(fixture("logo.png")).expect("logo.png"))
        ),
    );
    // Past the foreign keys.
    for (name, sql) in [
        (
            "fk-tahapan-without-output",
            "UPDATE tahapan SET output_id = 999 WHERE id = 2",
        ),
        (
            "fk-bukti-berkas-without-berkas",
            "UPDATE bukti_berkas SET berkas_id = 999 WHERE id = 1",
        ),
    ] {
        g.sql(
            &format!("data/{name}.renjarb"),
            &format!("PRAGMA foreign_keys = OFF; {sql};"),
        );
    }
    // Rules no constraint states.
    let not_hex = "zq".repeat(32);
    for (name, sql) in [
        ("zero-plan-rows", "DELETE FROM plan"),
        (
            "invalid-utf8-tahapan-nama",
            "UPDATE tahapan SET nama = CAST(X'4D656E797573756E20C328FF20B2' AS TEXT)
             WHERE id = 2",
        ),
        (
            "text-3mb-tahapan-nama",
            "UPDATE tahapan SET nama = (
                 WITH RECURSIVE s(n, t) AS (
                     SELECT 1, 'Rapat koordinasi Tim RB. '
                     UNION ALL SELECT n + 1, t || t FROM s WHERE n < 18)
                 SELECT substr(t, 1, 3000000) FROM s WHERE n = 18)
             WHERE id = 2",
        ),
        (
            "berkas-size-wrong",
            "UPDATE berkas SET size = size + 1 WHERE id = 1",
        ),
        (
            "berkas-sha256-not-hex",
            &format!("UPDATE berkas SET sha256 = '{not_hex}' WHERE id = 1"),
        ),
        (
            "modified-at-malformed",
            "UPDATE tahapan SET modified_at = '14/03/2025 09.30' WHERE id = 2",
        ),
        (
            "created-at-malformed",
            "UPDATE plan SET created_at = 'kemarin sore'",
        ),
        (
            "tanggal-keputusan-malformed",
            "UPDATE plan SET tanggal_keputusan = '2 Desember 2024'",
        ),
        (
            "bukti-tanggal-malformed",
            "UPDATE bukti SET tanggal = '10/02/2025'",
        ),
        (
            "uuid-invalid",
            "UPDATE program SET uuid = 'bukan-sebuah-uuid' WHERE id = 1",
        ),
    ] {
        g.sql(&format!("data/{name}.renjarb"), &format!("{sql};"));
    }
    // Past NOT NULL, STRICT and UNIQUE, through writable_schema.
    g.tiny_changed("data/null-in-not-null.renjarb", |p| {
        behind_schema(
            p,
            "tahapan",
            "nama             TEXT NOT NULL,",
            "nama             TEXT,",
            "UPDATE tahapan SET nama = NULL WHERE id = 2;",
        );
    });
    g.tiny_changed("data/text-in-integer-column.renjarb", |p| {
        behind_schema(
            p,
            "tahapan",
            ") STRICT",
            ")",
            "UPDATE tahapan SET position = 'kedua' WHERE id = 2;",
        );
    });
    g.tiny_changed("data/duplicate-uuid.renjarb", |p| {
        // Take the UNIQUE away (and its index, whose pages VACUUM drops), add a second row
        // with the first one's uuid, and give the table back its UNIQUE with an index built
        // over both rows: every page is sound, only the rule is broken.
        let conn = open_raw(p);
        let original = rewrite_schema(
            &conn,
            "tahapan",
            "uuid             TEXT NOT NULL UNIQUE",
            "uuid             TEXT NOT NULL",
        );
        conn.execute_batch(
            "PRAGMA writable_schema = ON;
             DELETE FROM sqlite_schema WHERE name = 'sqlite_autoindex_tahapan_1';
             PRAGMA writable_schema = OFF;",
        )
        .expect("drop the autoindex");
        close_raw(conn);
        exec(
            p,
            "VACUUM;
             INSERT INTO tahapan (uuid, output_id, position, nama, modified_at)
                 SELECT uuid, output_id, 9, nama || ' (salinan)', modified_at
                 FROM tahapan WHERE id = 1;
             CREATE INDEX palsu ON tahapan (uuid);",
        );
        let conn = open_raw(p);
        conn.execute_batch("PRAGMA writable_schema = ON")
            .expect("writable");
        conn.execute(
            "UPDATE sqlite_schema SET name = 'sqlite_autoindex_tahapan_1', sql = NULL
             WHERE name = 'palsu'",
            [],
        )
        .expect("rename the index");
        conn.execute(
            "UPDATE sqlite_schema SET sql = ?1 WHERE name = 'tahapan'",
            [&original],
        )
        .expect("restore");
        close_raw(conn);
    });

    // --- damaged evidence ---
    g.sql(
        "evidence/bytes-replaced.renjarb",
        &format!("UPDATE berkas SET data = zeroblob(size) WHERE size = {FOTO_BYTES};"),
    );
    g.patch("evidence/byte-flipped-on-disk.renjarb", |b| {
        let at = evidence_offset(b);
        b[at + 10] ^= 0xFF;
    });
    g.patch("evidence/zeroed-page.renjarb", |b| {
        let page = evidence_offset(b) / PAGE;
        b[page * PAGE..(page + 1) * PAGE].fill(0);
    });

    // --- crashes and journals ---
    // The last committed edits: 300 tahapan added (so a transaction over them dirties more
    // pages than the cache holds) and the first one renamed.
    let committed = format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
         INSERT INTO tahapan (uuid, output_id, position, nama, modified_at)
             SELECT printf('3d6a7c10-5b2e-4f8a-8c41-bb%010x', i), 1, 10 + i,
                    printf('Tahapan tersimpan nomor %d', i), '{STAMP}'
             FROM n;
         UPDATE tahapan SET nama = '{COMMITTED}' WHERE id = 1;"
    );
    {
        let tmp = g.scratch(&tiny, "hot");
        exec(&tmp, &committed);
        let before = std::fs::read(&tmp).expect("read");
        let (db, hot) = crash(&tmp, &crash_changes());
        assert_eq!(rolled_back_first_name(&db, &hot), COMMITTED);
        assert!(
            overwrote(&before, &db),
            "the crash overwrote committed pages"
        );
        g.bytes("journal/hot-journal.renjarb", &db);
        g.bytes("journal/hot-journal.renjarb-journal", &hot);
    }
    {
        let tmp = g.scratch(&tiny, "hot-evidence");
        exec(&tmp, &committed);
        let before = std::fs::read(&tmp).expect("read");
        let zeros = vec![0u8; 200_000];
        let (db, hot) = crash(
            &tmp,
            &format!(
                "UPDATE tahapan SET nama = 'TIDAK TERSIMPAN: ' || nama;
                 INSERT INTO bukti (uuid, tahapan_id, judul, jenis, created_at, modified_at)
                     VALUES ('3d6a7c10-5b2e-4f8a-8c41-0e0000000001', 2, 'Foto kegiatan', 'foto',
                             '{STAMP}', '{STAMP}');
                 INSERT INTO berkas (sha256, size, data) VALUES ('{}', 200000, zeroblob(200000));
                 INSERT INTO bukti_berkas (uuid, bukti_id, berkas_id, nama, position, modified_at)
                     VALUES ('3d6a7c10-5b2e-4f8a-8c41-0e0000000002', (SELECT max(id) FROM bukti),
                             (SELECT max(id) FROM berkas), 'foto.jpg', 0, '{STAMP}');",
                hex(&Sha256::digest(&zeros))
            ),
        );
        assert_eq!(rolled_back_first_name(&db, &hot), COMMITTED);
        assert!(
            overwrote(&before, &db),
            "the crash overwrote committed pages"
        );
        g.bytes("journal/crash-adding-evidence.renjarb", &db);
        g.bytes("journal/crash-adding-evidence.renjarb-journal", &hot);
    }
    // The journal of another copy of the same plan, which has 200 more tahapan.
    let other_journal = {
        let tmp = g.scratch(&tiny, "other-copy");
        exec(
            &tmp,
            &format!(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
                 INSERT INTO tahapan (uuid, output_id, position, nama, modified_at)
                     SELECT printf('3d6a7c10-5b2e-4f8a-8c41-dd%010x', i), 1, 10 + i,
                            printf('Tahapan salinan rekan nomor %d', i), '{STAMP}'
                     FROM n;
                 UPDATE tahapan SET nama = 'Salinan rekan' WHERE id = 1;"
            ),
        );
        crash(&tmp, &crash_changes()).1
    };
    let copy_a = "Menyusun susunan Tim RB (salinan saya)";
    g.sql(
        "journal/foreign-journal.renjarb",
        &format!("UPDATE tahapan SET nama = '{copy_a}' WHERE id = 1;"),
    );
    g.bytes("journal/foreign-journal.renjarb-journal", &other_journal);
    let tiny_bytes = std::fs::read(&tiny).expect("read tiny");
    g.bytes("journal/journal-zeroed-header.renjarb", &tiny_bytes);
    let mut zeroed = other_journal.clone();
    zeroed[..28].fill(0);
    g.bytes("journal/journal-zeroed-header.renjarb-journal", &zeroed);
    g.bytes("journal/journal-empty.renjarb", &tiny_bytes);
    g.bytes("journal/journal-empty.renjarb-journal", b"");
    {
        let tmp = g.scratch(&tiny, "page-4096");
        exec(&tmp, "PRAGMA page_size = 4096; VACUUM;");
        let (_, hot) = crash(&tmp, &crash_changes());
        assert_eq!(
            u32::from_be_bytes(hot[24..28].try_into().expect("4 bytes")),
            4096
        );
        g.bytes("journal/journal-other-page-size.renjarb", &tiny_bytes);
        g.bytes("journal/journal-other-page-size.renjarb-journal", &hot);
    }
    {
        let path = g.work.path().join("catatan.db");
        let (wal, shm) = wal_of(
            &path,
            "CREATE TABLE catatan (id INTEGER PRIMARY KEY, isi TEXT NOT NULL);
             INSERT INTO catatan (isi) VALUES ('Rapat Pokja hari Senin'), ('Beli kertas F4');",
        );
        g.bytes("journal/wal-of-other-database.renjarb", &tiny_bytes);
        g.bytes("journal/wal-of-other-database.renjarb-wal", &wal);
        g.bytes("journal/wal-of-other-database.renjarb-shm", &shm);
    }
    {
        let tmp = g.scratch(&tiny, "wal-copy");
        let (wal, shm) = wal_of(
            &tmp,
            "UPDATE tahapan SET nama = 'Isi WAL dari salinan lain' WHERE id = 1;",
        );
        g.bytes("journal/wal-of-other-copy.renjarb", &tiny_bytes);
        g.bytes("journal/wal-of-other-copy.renjarb-wal", &wal);
        g.bytes("journal/wal-of-other-copy.renjarb-shm", &shm);
        g.bytes("journal/wal-without-shm.renjarb", &tiny_bytes);
        g.bytes("journal/wal-without-shm.renjarb-wal", &wal);
        g.bytes("journal/shm-only.renjarb", &tiny_bytes);
        g.bytes("journal/shm-only.renjarb-shm", &shm);
    }

    // --- good plans ---
    g.bytes("good/tiny.renjarb", &tiny_bytes);
    {
        let path = g.work.path().join("empty.renjarb");
        Plan::create(
            &path,
            NewPlan {
                template: Template::Empty,
                tahun: 2025,
            },
            false,
            clock(),
        )
        .expect("create")
        .close()
        .expect("close");
        settle(&path);
        g.bytes(
            "good/empty-plan.renjarb",
            &std::fs::read(&path).expect("read"),
        );
    }
    g.bytes(
        "good/plan-v1.renjarb",
        &std::fs::read(fixture(fixtures::V1)).expect("v1"),
    );
    for version in [2, 3] {
        let path = g.work.path().join(format!("v{version}.renjarb"));
        write_old(&path, version);
        let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open an old plan");
        assert_eq!(summary(&plan).as_deref(), Ok(OLD_SHOWS));
        drop(plan);
        g.bytes(
            &format!("good/plan-v{version}.renjarb"),
            &std::fs::read(&path).expect("read"),
        );
    }
    g.sql(
        "good/page-size-4096.renjarb",
        "PRAGMA page_size = 4096; VACUUM;",
    );
    g.tiny_changed("good/with-logo.renjarb", |p| {
        let conn = open_raw(p);
        conn.execute(
            "INSERT INTO logo (id, data, mime, modified_at) VALUES (1, ?1, 'image/png', ?2)",
            rusqlite::params![std::fs::read(fixture("logo.png")).expect("logo.png"), STAMP],
        )
        .expect("logo");
        close_raw(conn);
    });
    g.sql(
        "good/unicode-names.renjarb",
        "UPDATE program SET nama = 'Manajemen Perubahan — ꦩꦤꦗꦼꦩꦺꦤ꧀ (aksara Jawa)';
         UPDATE tahapan SET nama = 'Rapat koordinasi ② ✓ 📄 «Pokja» مراجعة' WHERE id = 2;
         UPDATE anggota SET nama = 'Ni Made Ayu Wulandari, S.Sos., M.A.P.';",
    );
    {
        let longest: String = "Penyusunan laporan kinerja — tahap ② "
            .chars()
            .cycle()
            .take(2000)
            .collect();
        g.sql(
            "good/longest-texts.renjarb",
            &format!(
                "UPDATE tahapan SET nama = '{longest}', kriteria = '{longest}',
                     penanggung_jawab = '{longest}' WHERE id = 2;"
            ),
        );
    }
    g.sql(
        "good/freelist.renjarb",
        &format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
             INSERT INTO tahapan (uuid, output_id, position, nama, modified_at)
                 SELECT printf('3d6a7c10-5b2e-4f8a-8c41-cc%010x', i), 1, 10 + i,
                        printf('Tahapan yang nanti dihapus nomor %d', i), '{STAMP}'
                 FROM n;
             DELETE FROM tahapan WHERE position >= 10;"
        ),
    );
    {
        let bytes = std::fs::read(g.root.join("good/freelist.renjarb")).expect("read");
        assert!(
            u32::from_be_bytes(bytes[36..40].try_into().expect("4 bytes")) > 0,
            "the freelist plan has free pages"
        );
    }

    // Sanity: the tiny plan is what the table says, and of the page size the corpus uses.
    assert_eq!(page_size_of(&tiny_bytes), PAGE);
    let plan = Plan::open(&tiny, OpenMode::ReadOnly, clock()).expect("open tiny");
    assert_eq!(summary(&plan).as_deref(), Ok(tiny_shows().as_str()));
    drop(plan);
    assert!(
        g.count + MADE_AT_TEST_TIME.len() >= 60,
        "{} entries",
        g.count
    );
}

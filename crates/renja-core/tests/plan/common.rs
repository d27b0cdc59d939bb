//! Helpers shared by the plan tests: temporary folders, a fixed clock, hashes, listings.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use renja_core::{Clock, FixedClock};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

/// The committed fixtures: `tests/fixtures/` at the repository root.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

pub fn fixture(name: &str) -> PathBuf {
    fixtures_dir().join(name)
}

pub fn tempdir() -> TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// 14 March 2025, 09:30 UTC, always.
pub fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock(
        Utc.with_ymd_and_hms(2025, 3, 14, 9, 30, 0)
            .single()
            .expect("valid instant"),
    ))
}

/// The SHA-256 of a file's bytes, as lowercase hex.
pub fn sha256(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn len(path: &Path) -> u64 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("metadata {}: {e}", path.display()))
        .len()
}

/// The names in `dir`, sorted, hidden ones included.
pub fn list_dir(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("list {}: {e}", dir.display()))
        .map(|e| {
            e.expect("directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Copy the fixture `name` (which may contain a folder, e.g. "bad/zip.renjarb") into `dir`
/// under its own file name, and return the copy's path.
pub fn copy_fixture(name: &str, dir: &Path) -> PathBuf {
    let src = fixture(name);
    let dest = dir.join(src.file_name().expect("fixture file name"));
    std::fs::copy(&src, &dest).unwrap_or_else(|e| {
        panic!(
            "copy {}: {e} (run `cargo test -p renja-core --test plan -- --ignored \
             regenerate_fixtures`)",
            src.display()
        )
    });
    dest
}

/// The big-endian u32 at `at` in the file's first bytes (the SQLite header).
pub fn header_u32(path: &Path, at: usize) -> u32 {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    u32::from_be_bytes(bytes[at..at + 4].try_into().expect("four bytes"))
}

/// The worksheets of an XLSX workbook as `tests/tools/xlsx_dump.py` reads them with
/// openpyxl (run with `/usr/bin/python3`; Debian package python3-openpyxl, listed in
/// `scripts/setup.sh`).
pub fn xlsx_sheets(path: &Path) -> Vec<serde_json::Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/tools/xlsx_dump.py");
    let out = std::process::Command::new("/usr/bin/python3")
        .arg(&script)
        .arg(path)
        .output()
        .expect("run /usr/bin/python3");
    assert!(
        out.status.success(),
        "xlsx_dump.py failed (needs python3-openpyxl: apt-get install python3-openpyxl):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("dump is JSON");
    match all["sheets"].take() {
        serde_json::Value::Array(sheets) => sheets,
        other => panic!("no sheets: {other}"),
    }
}

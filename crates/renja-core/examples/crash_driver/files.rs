//! The files around a plan: copying a folder, saving the crash state aside before anything
//! reopens it, listing a folder, and folding digits out of names to tally kinds of leftovers.
//! Never touches the plan's contents: that is the core's business, checked in `check`.

use std::collections::HashSet;
use std::path::Path;

pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
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
pub fn snapshot(plan: &Path, to: &Path) -> std::io::Result<()> {
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

pub fn listing(dir: &Path) -> HashSet<String> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// A file name with its digits folded, to tally kinds of leftovers.
pub fn name_pattern(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = if c.is_ascii_digit() { '#' } else { c };
        if !(c == '#' && out.ends_with('#')) {
            out.push(c);
        }
    }
    out
}

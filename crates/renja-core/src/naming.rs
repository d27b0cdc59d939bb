//! Names the app proposes for files and shows in the window title. Proposed names are free:
//! they never point at an existing file, so accepting a proposal never overwrites anything.

use std::path::{Path, PathBuf};

use crate::model::{PlanOverview, ReadOnlyReason};

/// Characters Windows refuses in file names, replaced when a name is built from user text.
fn safe(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `dir/base.renjarb`, or `dir/base (2).renjarb`, … whichever does not exist yet.
pub fn free_path(dir: &Path, base: &str) -> PathBuf {
    (1..)
        .map(|n| {
            let name = if n == 1 {
                format!("{base}.renjarb")
            } else {
                format!("{base} ({n}).renjarb")
            };
            dir.join(name)
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{base}.renjarb")))
}

/// Where a new plan for `tahun` goes by default: "Renja RB 2026.renjarb" in `dir`, or
/// "Renja RB Dinas Perkebunan 2026.renjarb" when the instansi is known.
pub fn new_plan_path(dir: &Path, instansi: &str, tahun: i32) -> PathBuf {
    let instansi = safe(instansi);
    let base = if instansi.is_empty() {
        format!("Renja RB {tahun}")
    } else {
        format!("Renja RB {instansi} {tahun}")
    };
    free_path(dir, &base)
}

/// The copy kept before an upgrade: "rencana (cadangan format 1).renjarb".
pub fn backup_path(path: &Path, from_version: u32) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rencana".into());
    let dir = path.parent().unwrap_or(Path::new("."));
    free_path(dir, &format!("{stem} (cadangan format {from_version})"))
}

/// Proposed name for "Simpan salinan…": "rencana (salinan).renjarb" beside the plan.
pub fn copy_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rencana".into());
    let dir = path.parent().unwrap_or(Path::new("."));
    free_path(dir, &format!("{stem} (salinan)"))
}

/// "Renja RB 2026.renjarb — Renja RB", with "(hanya-baca)" for a read-only plan.
pub fn window_title(overview: &PlanOverview) -> String {
    let ro = if overview.read_only.is_some() {
        " (hanya-baca)"
    } else {
        ""
    };
    format!("{}{ro} — Renja RB", overview.file_name)
}

/// What a read-only banner says.
pub fn read_only_reason_text(reason: ReadOnlyReason) -> &'static str {
    match reason {
        ReadOnlyReason::Chosen => "Dibuka hanya-baca atas pilihan Anda.",
        ReadOnlyReason::NotWritable => {
            "Berkas ini tidak dapat ditulis (media hanya-baca atau tanpa izin tulis)."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proposals_never_point_at_existing_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = new_plan_path(dir.path(), "Dinas Perkebunan", 2026);
        assert_eq!(
            first.file_name().expect("name"),
            "Renja RB Dinas Perkebunan 2026.renjarb"
        );
        std::fs::write(&first, b"x").expect("write");
        let second = new_plan_path(dir.path(), "Dinas Perkebunan", 2026);
        assert_eq!(
            second.file_name().expect("name"),
            "Renja RB Dinas Perkebunan 2026 (2).renjarb"
        );
    }

    #[test]
    fn user_text_cannot_escape_the_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = new_plan_path(dir.path(), "../..\\C:/etc\u{7}", 2026);
        assert_eq!(p.parent(), Some(dir.path()));
        assert_eq!(
            p.file_name().expect("name"),
            "Renja RB .. .. C etc 2026.renjarb"
        );
    }
}

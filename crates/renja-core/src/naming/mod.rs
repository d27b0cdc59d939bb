//! Names written to disk, in one place: every file name the app proposes or writes (plans,
//! backups, copies, reports, the evidence package and the paths inside it, exported evidence
//! files) goes through the one sanitiser in `safe`, so a name from a colleague's plan or
//! from the identity form can never escape its folder, hide what it is, or be refused by
//! Windows. Also the window title, which shows the plan's name.
//!
//! What this module must keep:
//! - It is a leaf: it knows names and folders, not plans or evidence. It may use `model`
//!   types (the window title reads `ReadOnlyReason`), never a domain module.
//! - Proposed names are free: they never point at an existing file, so accepting a proposal
//!   never overwrites anything.

mod safe;

pub(crate) mod paket;

use std::path::{Path, PathBuf};

use crate::model::{PlanOverview, ReadOnlyReason};

pub use safe::{
    can_open_externally, device_name, name_from_text, safe_file_name, unique_in, words,
};

/// A kind of file a dialog offers to open or save: its label and extensions (no dot).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileFilter {
    pub label: &'static str,
    pub extensions: &'static [&'static str],
}

impl FileFilter {
    /// The extension a saved file gets when the user typed its name without one: the first.
    pub fn default_extension(&self) -> &'static str {
        self.extensions.first().copied().unwrap_or_default()
    }

    /// `path` as chosen in a save dialog offering this filter, with
    /// [`FileFilter::default_extension`] added when it has no extension of that name.
    pub fn complete(&self, path: &Path) -> PathBuf {
        with_extension(path, self.default_extension())
    }
}

/// A Renja RB plan file.
pub const PLAN_FILES: FileFilter = FileFilter {
    label: "Rencana Renja RB",
    extensions: &["renjarb"],
};

/// Every file, offered after the filter that matters so a user may still pick another.
pub const ALL_FILES: FileFilter = FileFilter {
    label: "Semua berkas",
    extensions: &["*"],
};

/// `path` with `.extension` added when the user typed a name without it (a GTK save dialog
/// does not add it); an extension of another case ("Laporan.PDF") counts.
pub fn with_extension(path: &Path, extension: &str) -> PathBuf {
    let has = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    let mut path = path.as_os_str().to_owned();
    if !has {
        path.push(".");
        path.push(extension);
    }
    path.into()
}

/// The folder a save dialog for a report or package starts in: where the last one went
/// (`last`), else the plan's folder, else `documents`; a folder gone since is skipped.
pub fn start_dir(last: Option<&Path>, plan: &Path, documents: &Path) -> PathBuf {
    last.into_iter()
        .chain(plan.parent())
        .find(|d| d.is_dir())
        .unwrap_or(documents)
        .to_path_buf()
}

/// `dir/base.renjarb`, or `dir/base (2).renjarb`, … whichever does not exist yet; the name
/// made safe and short enough for " (n)" to fit.
pub fn free_path(dir: &Path, base: &str) -> PathBuf {
    let name = safe_file_name(&format!("{base}.renjarb"));
    (1..)
        .map(|n| dir.join(safe::numbered(&name, n, safe::MAX_NAME, true)))
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(&name))
}

/// Where a new plan for `tahun` goes by default: "Renja RB 2026.renjarb" in `dir`, or
/// "Renja RB Dinas Perkebunan 2026.renjarb" when the instansi is known.
pub fn new_plan_path(dir: &Path, instansi: &str, tahun: i32) -> PathBuf {
    let instansi = words(instansi);
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

/// "Renja RB 2026.renjarb — Renja RB", with "(hanya-baca)" for a read-only plan and
/// "CONTOH" for the example plan.
pub fn window_title(overview: &PlanOverview) -> String {
    let ro = if overview.read_only.is_some() {
        " (hanya-baca)"
    } else {
        ""
    };
    let contoh = if overview.identity.is_contoh() {
        " — CONTOH"
    } else {
        ""
    };
    format!("{}{ro}{contoh} — Renja RB", overview.file_name)
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
    fn adds_the_extension_only_when_missing() {
        assert_eq!(
            with_extension(Path::new("/d/laporan"), "pdf"),
            Path::new("/d/laporan.pdf")
        );
        assert_eq!(
            with_extension(Path::new("/d/Laporan.PDF"), "pdf"),
            Path::new("/d/Laporan.PDF")
        );
        assert_eq!(
            with_extension(Path::new("/d/Laporan Maret 2023 - Dinas.x"), "xlsx"),
            Path::new("/d/Laporan Maret 2023 - Dinas.x.xlsx")
        );
    }

    #[test]
    fn dialogs_start_where_the_last_file_went_else_beside_the_plan() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (last, plans, docs) = (dir.path().join("a"), dir.path().join("b"), dir.path());
        std::fs::create_dir(&plans).expect("mkdir");
        let plan = plans.join("x.renjarb");
        assert_eq!(start_dir(Some(&last), &plan, docs), plans);
        std::fs::create_dir(&last).expect("mkdir");
        assert_eq!(start_dir(Some(&last), &plan, docs), last);
        assert_eq!(start_dir(None, &dir.path().join("c/x.renjarb"), docs), docs);
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

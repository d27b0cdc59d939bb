//! Native file dialogs (rfd on the GTK that Tauri already links). Each returns the chosen path
//! or `None` when the user cancels; what to do with the path is another command, so tests and
//! drag-and-drop reach the same code without a dialog.

use std::path::{Path, PathBuf};

use renja_core::IpcError;
use renja_core::naming::{ALL_FILES, FileFilter, PLAN_FILES};
use rfd::AsyncFileDialog;
use tauri::{Manager, State, WebviewWindow};

use crate::state::{AppState, session_blocking};

/// A dialog offering files of `filter`, then any file.
fn dialog(window: &WebviewWindow, title: &str, filter: FileFilter) -> AsyncFileDialog {
    AsyncFileDialog::new()
        .set_parent(window)
        .set_title(title)
        .add_filter(filter.label, filter.extensions)
        .add_filter(ALL_FILES.label, ALL_FILES.extensions)
}

fn plan_dialog(window: &WebviewWindow, title: &str) -> AsyncFileDialog {
    dialog(window, title, PLAN_FILES)
}

/// One file of `filter` (or any) to open, starting in the user's documents folder.
pub(crate) async fn pick_file(
    window: &WebviewWindow,
    documents_dir: &Path,
    title: &str,
    filter: FileFilter,
) -> Result<Option<String>, IpcError> {
    chosen(
        dialog(window, title, filter)
            .set_directory(documents_dir)
            .pick_file()
            .await,
    )
}

fn located(dialog: AsyncFileDialog, suggested: &Path) -> AsyncFileDialog {
    let dialog = match suggested.parent() {
        Some(dir) if dir.is_dir() => dialog.set_directory(dir),
        _ => dialog,
    };
    match suggested.file_name() {
        Some(name) => dialog.set_file_name(name.to_string_lossy()),
        None => dialog,
    }
}

fn chosen(handle: Option<rfd::FileHandle>) -> Result<Option<String>, IpcError> {
    Ok(handle.map(|h| h.path().to_string_lossy().into_owned()))
}

#[tauri::command]
pub async fn choose_plan_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    pick_file(&window, &state.documents_dir, "Buka rencana", PLAN_FILES).await
}

#[tauri::command]
pub async fn choose_new_path(
    window: WebviewWindow,
    suggested: PathBuf,
) -> Result<Option<String>, IpcError> {
    chosen(
        located(plan_dialog(&window, "Simpan rencana baru"), &suggested)
            .save_file()
            .await,
    )
}

#[tauri::command]
pub async fn choose_copy_path(window: WebviewWindow) -> Result<Option<String>, IpcError> {
    let suggested: PathBuf = session_blocking(window.app_handle(), |s| {
        Ok(renja_core::naming::copy_path(s.plan()?.path()))
    })
    .await?;
    chosen(
        located(plan_dialog(&window, "Simpan salinan"), &suggested)
            .save_file()
            .await,
    )
}

//! Native file dialogs (rfd on the GTK that Tauri already links). Each returns the chosen path
//! or `None` when the user cancels; what to do with the path is another command, so tests and
//! drag-and-drop reach the same code without a dialog.

use std::path::{Path, PathBuf};

use renja_core::IpcError;
use rfd::AsyncFileDialog;
use tauri::{Manager, State, WebviewWindow};

use crate::state::{AppState, session_blocking};

fn plan_dialog(window: &WebviewWindow, title: &str) -> AsyncFileDialog {
    AsyncFileDialog::new()
        .set_parent(window)
        .set_title(title)
        .add_filter("Rencana Renja RB", &["renjarb"])
        .add_filter("Semua berkas", &["*"])
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
    let dialog = plan_dialog(&window, "Buka rencana").set_directory(&state.documents_dir);
    chosen(dialog.pick_file().await)
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

//! "Gabungkan dari berkas rekan…": choosing a colleague's copy, previewing the merge under the
//! user's choices, and merging it into the open plan with progress. The colleague's plan stays
//! open read-only in the session between calls; only what the dialog shows crosses to the UI.

use std::path::PathBuf;

use renja_core::IpcError;
use renja_core::edit::Edited;
use renja_core::merge::{MergeChoices, MergePreview, MergeProgress, MergeResult};
use renja_core::naming::PLAN_FILES;
use tauri::{AppHandle, State, WebviewWindow};

use super::dialog::pick_file;
use super::progress::throttled;
use crate::state::{AppState, session_blocking};

/// The colleague's plan file the user picks (none when cancelled).
#[tauri::command]
pub async fn choose_merge_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    let title = "Pilih berkas rencana dari rekan";
    pick_file(&window, &state.documents_dir, title, PLAN_FILES).await
}

#[tauri::command]
pub async fn merge_read(app: AppHandle, path: PathBuf) -> Result<MergePreview, IpcError> {
    session_blocking(&app, move |s| s.merge_read(&path)).await
}

#[tauri::command]
pub async fn merge_preview(
    app: AppHandle,
    choices: MergeChoices,
) -> Result<MergePreview, IpcError> {
    session_blocking(&app, move |s| s.merge_preview(&choices)).await
}

/// Merge with `choices`, emitting `merge-progress` while files are copied.
#[tauri::command]
pub async fn merge_apply(
    app: AppHandle,
    choices: MergeChoices,
) -> Result<(Edited, MergeResult), IpcError> {
    let mut progress = throttled(app.clone(), "merge-progress", |p: &MergeProgress| {
        p.done >= p.total
    });
    session_blocking(&app, move |s| s.merge_apply(&choices, &mut progress)).await
}

#[tauri::command]
pub async fn merge_forget(app: AppHandle) -> Result<(), IpcError> {
    session_blocking(&app, |s| {
        s.merge_forget();
        Ok(())
    })
    .await
}

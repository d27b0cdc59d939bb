//! The start screen: a file given on the command line, the recent list, a proposed path.

use renja_core::IpcError;
use renja_core::recent::RecentFile;
use tauri::State;

use crate::state::AppState;

/// The plan path given on the command line, once; later calls get `None`.
#[tauri::command]
pub async fn startup_path(state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    Ok(state
        .take_startup_path()
        .map(|p| p.to_string_lossy().into_owned()))
}

#[tauri::command]
pub async fn recent_files(state: State<'_, AppState>) -> Result<Vec<RecentFile>, IpcError> {
    state.session(|s| Ok(s.recent()))
}

#[tauri::command]
pub async fn forget_recent(
    state: State<'_, AppState>,
    path: String,
) -> Result<Vec<RecentFile>, IpcError> {
    state.session(|s| s.forget(&path))
}

/// A free path in the documents folder for a new plan of `tahun`.
#[tauri::command]
pub async fn suggest_new_path(state: State<'_, AppState>, tahun: i32) -> Result<String, IpcError> {
    let path = renja_core::naming::new_plan_path(&state.documents_dir.join("Renja RB"), "", tahun);
    Ok(path.to_string_lossy().into_owned())
}

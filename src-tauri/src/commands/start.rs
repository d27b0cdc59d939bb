//! The start screen: a file given on the command line or by a second start, the recent list,
//! a proposed path.

use renja_core::IpcError;
use renja_core::recent::RecentFile;
use tauri::{AppHandle, State};

use crate::state::{AppState, session_blocking};

/// The plan waiting to be opened (given on the command line, or handed over by a second
/// start of the app), once; later calls get `None` until another arrives.
#[tauri::command]
pub async fn startup_path(state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    Ok(state
        .take_startup_path()
        .map(|p| p.to_string_lossy().into_owned()))
}

#[tauri::command]
pub async fn recent_files(app: AppHandle) -> Result<Vec<RecentFile>, IpcError> {
    session_blocking(&app, |s| Ok(s.recent())).await
}

#[tauri::command]
pub async fn forget_recent(app: AppHandle, path: String) -> Result<Vec<RecentFile>, IpcError> {
    session_blocking(&app, move |s| s.forget(&path)).await
}

/// A free path in the documents folder for a new plan of `tahun`.
#[tauri::command]
pub async fn suggest_new_path(state: State<'_, AppState>, tahun: i32) -> Result<String, IpcError> {
    let path = renja_core::naming::new_plan_path(&state.documents_dir.join("Renja RB"), "", tahun);
    Ok(path.to_string_lossy().into_owned())
}

//! Opening, creating, editing and copying the plan.

use std::path::PathBuf;

use renja_core::edit::Edited;
use renja_core::model::{PlanIdentity, PlanOverview};
use renja_core::{IpcError, NewPlan, OpenMode};
use tauri::{AppHandle, Manager, State, WebviewWindow};

use crate::state::{AppState, session_blocking};

/// Show the open plan's file name in the window title.
pub(super) fn titled(window: &WebviewWindow, overview: PlanOverview) -> PlanOverview {
    let _ = window.set_title(&renja_core::naming::window_title(&overview));
    overview
}

#[tauri::command]
pub async fn create_plan(
    window: WebviewWindow,
    path: PathBuf,
    new: NewPlan,
    replace: bool,
) -> Result<PlanOverview, IpcError> {
    session_blocking(window.app_handle(), move |s| s.create(&path, new, replace))
        .await
        .map(|o| titled(&window, o))
}

#[tauri::command]
pub async fn open_plan(
    window: WebviewWindow,
    path: PathBuf,
    read_only: bool,
) -> Result<PlanOverview, IpcError> {
    let mode = if read_only {
        OpenMode::ReadOnly
    } else {
        OpenMode::Edit
    };
    session_blocking(window.app_handle(), move |s| s.open(&path, mode))
        .await
        .map(|o| titled(&window, o))
}

/// "Buka contoh": the example plan of this year in the documents folder's "Renja RB" folder,
/// made the first time.
#[tauri::command]
pub async fn open_contoh(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<PlanOverview, IpcError> {
    let dir = state.documents_dir.join("Renja RB");
    session_blocking(window.app_handle(), move |s| s.open_contoh(&dir))
        .await
        .map(|o| titled(&window, o))
}

#[tauri::command]
pub async fn plan_overview(app: AppHandle) -> Result<PlanOverview, IpcError> {
    session_blocking(&app, |s| s.plan()?.overview()).await
}

#[tauri::command]
pub async fn update_identity(app: AppHandle, identity: PlanIdentity) -> Result<Edited, IpcError> {
    session_blocking(&app, move |s| s.set_identity(&identity)).await
}

#[tauri::command]
pub async fn save_copy(app: AppHandle, dest: PathBuf) -> Result<(), IpcError> {
    session_blocking(&app, move |s| s.plan()?.save_copy(&dest)).await
}

#[tauri::command]
pub async fn close_plan(window: WebviewWindow) -> Result<(), IpcError> {
    session_blocking(window.app_handle(), |s| s.close()).await?;
    let _ = window.set_title("Renja RB");
    Ok(())
}

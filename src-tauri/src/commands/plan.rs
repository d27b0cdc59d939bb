//! Opening, creating, editing and copying the plan.

use std::path::PathBuf;

use renja_core::edit::Edited;
use renja_core::model::{PlanIdentity, PlanOverview};
use renja_core::{IpcError, NewPlan, OpenMode};
use tauri::{State, WebviewWindow};

use crate::state::AppState;

/// Show the open plan's file name in the window title.
fn titled(window: &WebviewWindow, overview: PlanOverview) -> PlanOverview {
    let _ = window.set_title(&renja_core::naming::window_title(&overview));
    overview
}

#[tauri::command]
pub async fn create_plan(
    window: WebviewWindow,
    state: State<'_, AppState>,
    path: PathBuf,
    new: NewPlan,
    replace: bool,
) -> Result<PlanOverview, IpcError> {
    state
        .session(|s| s.create(&path, new, replace))
        .map(|o| titled(&window, o))
}

#[tauri::command]
pub async fn open_plan(
    window: WebviewWindow,
    state: State<'_, AppState>,
    path: PathBuf,
    read_only: bool,
) -> Result<PlanOverview, IpcError> {
    let mode = if read_only {
        OpenMode::ReadOnly
    } else {
        OpenMode::Edit
    };
    state
        .session(|s| s.open(&path, mode))
        .map(|o| titled(&window, o))
}

#[tauri::command]
pub async fn plan_overview(state: State<'_, AppState>) -> Result<PlanOverview, IpcError> {
    state.session(|s| s.plan()?.overview())
}

#[tauri::command]
pub async fn update_identity(
    state: State<'_, AppState>,
    identity: PlanIdentity,
) -> Result<Edited, IpcError> {
    state.session(|s| s.set_identity(&identity))
}

#[tauri::command]
pub async fn save_copy(state: State<'_, AppState>, dest: PathBuf) -> Result<(), IpcError> {
    state.session(|s| s.plan()?.save_copy(&dest))
}

#[tauri::command]
pub async fn close_plan(window: WebviewWindow, state: State<'_, AppState>) -> Result<(), IpcError> {
    state.session(|s| s.close())?;
    let _ = window.set_title("Renja RB");
    Ok(())
}

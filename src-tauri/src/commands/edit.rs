//! The plan screen's data and every edit of the plan (tree, months, team, undo, redo).

use renja_core::IpcError;
use renja_core::edit::{Edit, Edited};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn plan_screen(state: State<'_, AppState>) -> Result<Edited, IpcError> {
    state.session(|s| s.plan()?.screen(None))
}

#[tauri::command]
pub async fn edit_plan(state: State<'_, AppState>, edit: Edit) -> Result<Edited, IpcError> {
    state.session(|s| s.plan()?.apply(edit))
}

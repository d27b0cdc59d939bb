//! The plan screen's data and every edit of the plan (tree, months, team, undo, redo).

use renja_core::IpcError;
use renja_core::bukti::BuktiProgress;
use renja_core::edit::{Edit, Edited};
use tauri::AppHandle;

use super::progress::throttled;
use crate::state::session_blocking;

/// The event carrying [`BuktiProgress`] while evidence files are added.
const BUKTI_PROGRESS: &str = "bukti-progress";

#[tauri::command]
pub async fn plan_screen(app: AppHandle) -> Result<Edited, IpcError> {
    session_blocking(&app, |s| s.plan()?.screen(None)).await
}

/// One edit. Adding evidence files hashes and stores files of up to 300 MB, so this runs on a
/// blocking thread like every other command that touches the plan, and reports how far it got
/// as `bukti-progress` events.
#[tauri::command]
pub async fn edit_plan(app: AppHandle, edit: Edit) -> Result<Edited, IpcError> {
    let mut report = throttled(app.clone(), BUKTI_PROGRESS, |p: &BuktiProgress| {
        p.done >= p.total
    });
    session_blocking(&app, move |s| s.plan()?.apply_reporting(edit, &mut report)).await
}

//! Importing a Rencana Aksi table: choosing the file, reading it and previewing it under a
//! mapping, and importing it into the open plan or a new one. The source read stays in the
//! session between calls; only what the dialog shows crosses to the UI.

use std::path::PathBuf;

use renja_core::IpcError;
use renja_core::edit::Edited;
use renja_core::import::{FILES_FILTER, ImportCounts, ImportView, Mapping};
use renja_core::model::PlanOverview;
use tauri::{AppHandle, Manager, State, WebviewWindow};

use crate::state::{AppState, session_blocking};

/// The table the user picks to import (none when cancelled).
#[tauri::command]
pub async fn choose_import_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    super::dialog::pick_file(
        &window,
        &state.documents_dir,
        "Pilih tabel rencana aksi",
        FILES_FILTER,
    )
    .await
}

#[tauri::command]
pub async fn import_read(app: AppHandle, path: PathBuf) -> Result<ImportView, IpcError> {
    session_blocking(&app, move |s| s.import_read(&path)).await
}

#[tauri::command]
pub async fn import_pasted(app: AppHandle, text: String) -> Result<ImportView, IpcError> {
    session_blocking(&app, move |s| s.import_pasted(&text)).await
}

#[tauri::command]
pub async fn import_view(
    app: AppHandle,
    sheet: String,
    mapping: Option<Mapping>,
) -> Result<ImportView, IpcError> {
    session_blocking(&app, move |s| s.import_view(&sheet, mapping)).await
}

#[tauri::command]
pub async fn import_into_plan(
    app: AppHandle,
    sheet: String,
    mapping: Mapping,
) -> Result<(Edited, ImportCounts), IpcError> {
    session_blocking(&app, move |s| s.import_into_plan(&sheet, mapping)).await
}

/// A new plan at `path` for `tahun` from the source read last; opened like `create_plan`.
#[tauri::command]
pub async fn create_imported_plan(
    window: WebviewWindow,
    path: PathBuf,
    tahun: i32,
    sheet: String,
    mapping: Mapping,
    replace: bool,
) -> Result<PlanOverview, IpcError> {
    session_blocking(window.app_handle(), move |s| {
        s.create_imported(&path, tahun, &sheet, mapping, replace)
    })
    .await
    .map(|o| super::plan::titled(&window, o))
}

#[tauri::command]
pub async fn import_forget(app: AppHandle) -> Result<(), IpcError> {
    session_blocking(&app, |s| {
        s.import_forget();
        Ok(())
    })
    .await
}

//! Evidence: listing it, choosing files to attach, saving a file out. Adding and removing
//! evidence are edits (`edit_plan`).

use std::path::PathBuf;

use renja_core::bukti::{Bukti, FILES_FILTER, no_application};
use renja_core::naming::ALL_FILES;
use renja_core::{BuktiBerkasId, IpcError, TahapanId};
use rfd::AsyncFileDialog;
use tauri::ipc::Response;
use tauri::{AppHandle, Manager, State, WebviewWindow};

use crate::state::{AppState, session_blocking};

#[tauri::command]
pub async fn bukti_list(
    app: AppHandle,
    tahapan: Option<TahapanId>,
) -> Result<Vec<Bukti>, IpcError> {
    session_blocking(&app, move |s| s.plan()?.bukti(tahapan)).await
}

/// The files the user picks to attach (none when cancelled).
#[tauri::command]
pub async fn choose_bukti_files(window: WebviewWindow) -> Result<Vec<String>, IpcError> {
    let picked = AsyncFileDialog::new()
        .set_parent(&window)
        .set_title("Pilih berkas bukti dukung")
        .add_filter(FILES_FILTER.label, FILES_FILTER.extensions)
        .add_filter(ALL_FILES.label, ALL_FILES.extensions)
        .pick_files()
        .await
        .unwrap_or_default();
    Ok(picked
        .iter()
        .map(|h| h.path().to_string_lossy().into_owned())
        .collect())
}

/// Save one evidence file (by `bukti_berkas` id) where the user chooses; returns the path
/// written, or `None` when cancelled.
#[tauri::command]
pub async fn save_bukti_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: BuktiBerkasId,
) -> Result<Option<String>, IpcError> {
    let app = window.app_handle();
    let name = session_blocking(app, move |s| s.plan()?.bukti_file_name(id)).await?;
    let dest: Option<PathBuf> = AsyncFileDialog::new()
        .set_parent(&window)
        .set_title("Simpan berkas bukti dukung")
        .set_directory(&state.documents_dir)
        .set_file_name(name)
        .save_file()
        .await
        .map(|h| h.path().to_path_buf());
    match dest {
        Some(dest) => {
            let written = dest.to_string_lossy().into_owned();
            session_blocking(app, move |s| s.plan()?.export_bukti_file(id, &dest))
                .await
                .map(|()| Some(written))
        }
        None => Ok(None),
    }
}

/// The bytes of a PDF or image evidence file, for the viewer inside the app.
#[tauri::command]
pub async fn preview_bukti_file(app: AppHandle, id: BuktiBerkasId) -> Result<Response, IpcError> {
    session_blocking(&app, move |s| s.plan()?.bukti_file_for_preview(id))
        .await
        .map(|(bytes, _mime)| Response::new(bytes))
}

/// Open a document or image evidence file with the computer's own application, from a fresh
/// temporary copy (the plan file itself is never handed out).
#[tauri::command]
pub async fn open_bukti_file(window: WebviewWindow, id: BuktiBerkasId) -> Result<(), IpcError> {
    let temp_root = window
        .app_handle()
        .path()
        .app_cache_dir()
        .unwrap_or_else(|_| std::env::temp_dir())
        .join("dibuka");
    let path = session_blocking(window.app_handle(), move |s| {
        s.plan()?.export_for_opening(id, &temp_root)
    })
    .await?;
    opener::open(&path).map_err(|_| {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        IpcError::from(no_application(&name))
    })
}

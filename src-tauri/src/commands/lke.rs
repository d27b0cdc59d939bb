//! The LKE tab: the view, the butir of one piece of evidence, choosing a table of butir to
//! import, and the LKE package (save dialog and writing). Edits of butir and links go through
//! `edit_plan`.

use std::path::PathBuf;

use renja_core::import::FILES_FILTER;
use renja_core::lke::{BuktiButir, Lke};
use renja_core::naming;
use renja_core::report::{PAKET_FILTER, PaketProgress, PaketSummary};
use renja_core::{BuktiId, IpcError};
use tauri::{Manager, State, WebviewWindow};

use super::progress::throttled;
use super::report::save_dialog;
use crate::state::{AppState, session_blocking};

/// The event carrying [`PaketProgress`] while the LKE package is written.
const LKE_PROGRESS: &str = "lke-progress";

#[tauri::command]
pub async fn lke(window: WebviewWindow) -> Result<Lke, IpcError> {
    session_blocking(window.app_handle(), |s| s.plan()?.lke()).await
}

/// The butir a piece of evidence answers, and whether it chose them itself.
#[tauri::command]
pub async fn bukti_butir(window: WebviewWindow, id: BuktiId) -> Result<BuktiButir, IpcError> {
    session_blocking(window.app_handle(), move |s| s.plan()?.bukti_butir(id)).await
}

/// The table of butir the user picks to import (none when cancelled).
#[tauri::command]
pub async fn choose_lke_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    super::dialog::pick_file(
        &window,
        &state.documents_dir,
        "Pilih tabel butir LKE",
        FILES_FILTER,
    )
    .await
}

/// Where to save the LKE package (none when cancelled).
#[tauri::command]
pub async fn choose_lke_path(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    let (name, plan) = session_blocking(window.app_handle(), |s| {
        let plan = s.plan()?;
        Ok((plan.lke_file_name()?, plan.path().to_owned()))
    })
    .await?;
    let dir = naming::start_dir(state.report_dir().as_deref(), &plan, &state.documents_dir);
    Ok(save_dialog(&window, "Simpan paket LKE", dir, name, PAKET_FILTER).await)
}

/// Write the LKE package to `dest`, reporting progress as `lke-progress` events.
#[tauri::command]
pub async fn export_lke(
    window: WebviewWindow,
    state: State<'_, AppState>,
    dest: PathBuf,
) -> Result<PaketSummary, IpcError> {
    let target = dest.clone();
    let mut report = throttled(
        window.app_handle().clone(),
        LKE_PROGRESS,
        |p: &PaketProgress| p.done >= p.total,
    );
    let summary = session_blocking(window.app_handle(), move |s| {
        s.plan()?.export_lke_package(&target, &mut report)
    })
    .await?;
    state.remember_report_dir(&dest);
    Ok(summary)
}

//! Reports and the evidence package: the preview, the save dialogs, writing the files, opening
//! the folder they went to, and the letterhead logo. Setting or removing the logo and the
//! yearly notes are edits (`edit_plan`).
//!
//! Rendering a report (typst, up to a second) and writing a package (up to minutes) run on a
//! blocking thread through [`session_blocking`], never on the async workers that dialogs and
//! the other commands need.

use std::path::PathBuf;

use renja_core::kop::LOGO_FILTER;
use renja_core::naming::{self, FileFilter};
use renja_core::report::{
    self, PAKET_FILTER, PaketProgress, PaketRequest, PaketSummary, ReportFormat, ReportRequest,
};
use renja_core::{Error, IpcError};
use rfd::AsyncFileDialog;
use tauri::ipc::Response;
use tauri::{Manager, State, WebviewWindow};

use super::progress::throttled;
use crate::state::{AppState, session_blocking};

/// The event carrying [`PaketProgress`] while a package is written.
const PAKET_PROGRESS: &str = "paket-progress";

/// The report as a PDF, for the preview on the Laporan page.
#[tauri::command]
pub async fn report_preview(
    window: WebviewWindow,
    request: ReportRequest,
) -> Result<Response, IpcError> {
    session_blocking(window.app_handle(), move |s| {
        s.plan()?.report_preview(&request)
    })
    .await
    .map(Response::new)
}

/// The file name proposed for the report, e.g. "Laporan Monev Bulanan Maret 2023 - ….pdf".
#[tauri::command]
pub async fn report_file_name(
    window: WebviewWindow,
    request: ReportRequest,
    format: ReportFormat,
) -> Result<String, IpcError> {
    session_blocking(window.app_handle(), move |s| {
        s.plan()?.report_file_name(&request, format)
    })
    .await
}

/// Where to save the report (none when cancelled): the dialog proposes the report's name and
/// starts where the last report went, else beside the plan, else in Documents.
#[tauri::command]
pub async fn choose_report_path(
    window: WebviewWindow,
    state: State<'_, AppState>,
    request: ReportRequest,
    format: ReportFormat,
) -> Result<Option<String>, IpcError> {
    let (name, plan) = session_blocking(window.app_handle(), move |s| {
        let plan = s.plan()?;
        Ok((
            plan.report_file_name(&request, format)?,
            plan.path().to_owned(),
        ))
    })
    .await?;
    let dir = naming::start_dir(state.report_dir().as_deref(), &plan, &state.documents_dir);
    Ok(save_dialog(&window, "Simpan laporan", dir, name, format.filter()).await)
}

/// Write the report to `dest` (the whole file appears at once or not at all).
#[tauri::command]
pub async fn write_report(
    window: WebviewWindow,
    state: State<'_, AppState>,
    request: ReportRequest,
    format: ReportFormat,
    dest: PathBuf,
) -> Result<(), IpcError> {
    let target = dest.clone();
    session_blocking(window.app_handle(), move |s| {
        s.plan()?.write_report(&request, format, &target)
    })
    .await?;
    state.remember_report_dir(&dest);
    Ok(())
}

/// Where to save the evidence package (none when cancelled).
#[tauri::command]
pub async fn choose_paket_path(
    window: WebviewWindow,
    state: State<'_, AppState>,
    request: PaketRequest,
) -> Result<Option<String>, IpcError> {
    let (name, plan) = session_blocking(window.app_handle(), move |s| {
        let plan = s.plan()?;
        Ok((plan.paket_file_name(&request)?, plan.path().to_owned()))
    })
    .await?;
    let dir = naming::start_dir(state.report_dir().as_deref(), &plan, &state.documents_dir);
    let title = "Simpan paket bukti dukung";
    Ok(save_dialog(&window, title, dir, name, PAKET_FILTER).await)
}

/// Write the evidence package to `dest`, reporting progress as `paket-progress` events.
#[tauri::command]
pub async fn export_paket(
    window: WebviewWindow,
    state: State<'_, AppState>,
    request: PaketRequest,
    dest: PathBuf,
) -> Result<PaketSummary, IpcError> {
    let target = dest.clone();
    let mut report = throttled(
        window.app_handle().clone(),
        PAKET_PROGRESS,
        |p: &PaketProgress| p.done >= p.total,
    );
    let summary = session_blocking(window.app_handle(), move |s| {
        s.plan()?
            .export_bukti_package(&request, &target, &mut report)
    })
    .await?;
    state.remember_report_dir(&dest);
    Ok(summary)
}

/// Show the folder holding a file the app just wrote, in the computer's file manager. Only
/// the folder is opened: the file itself is never run.
#[tauri::command]
pub async fn open_folder(path: PathBuf) -> Result<(), IpcError> {
    let dir = report::folder_of(&path)?;
    opener::open(dir).map_err(|_| Error::NoFileManager { path: dir.into() })?;
    Ok(())
}

/// The image the user picks for the letterhead (none when cancelled).
#[tauri::command]
pub async fn choose_logo_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    super::dialog::pick_file(&window, &state.documents_dir, "Pilih logo kop", LOGO_FILTER).await
}

/// The letterhead logo's bytes, for showing it; empty when the plan has none.
#[tauri::command]
pub async fn logo_image(window: WebviewWindow) -> Result<Response, IpcError> {
    session_blocking(window.app_handle(), |s| s.plan()?.logo())
        .await
        .map(|logo| Response::new(logo.map(|l| l.data).unwrap_or_default()))
}

/// The save dialog for a report or package; the chosen path, with the filter's extension
/// when the user typed a name without it.
pub(super) async fn save_dialog(
    window: &WebviewWindow,
    title: &str,
    dir: PathBuf,
    name: String,
    filter: FileFilter,
) -> Option<String> {
    let picked = AsyncFileDialog::new()
        .set_parent(window)
        .set_title(title)
        .set_directory(dir)
        .set_file_name(name)
        .add_filter(filter.label, filter.extensions)
        .save_file()
        .await?;
    Some(
        filter
            .complete(picked.path())
            .to_string_lossy()
            .into_owned(),
    )
}

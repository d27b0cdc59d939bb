//! The Ringkasan tab: the dashboard of a month (today's when none is chosen).

use renja_core::IpcError;
use renja_core::ringkasan::Ringkasan;
use tauri::AppHandle;

use crate::state::session_blocking;

#[tauri::command]
pub async fn ringkasan(app: AppHandle, bulan: Option<u8>) -> Result<Ringkasan, IpcError> {
    session_blocking(&app, move |s| s.plan()?.ringkasan(bulan)).await
}

//! Reading one month's realisasi for the record dialog (recording it is an edit).

use renja_core::realisasi::Realisasi;
use renja_core::{IpcError, TahapanId};
use tauri::AppHandle;

use crate::state::session_blocking;

#[tauri::command]
pub async fn get_realisasi(
    app: AppHandle,
    tahapan: TahapanId,
    bulan: u8,
) -> Result<Option<Realisasi>, IpcError> {
    session_blocking(&app, move |s| s.plan()?.realisasi(tahapan, bulan)).await
}

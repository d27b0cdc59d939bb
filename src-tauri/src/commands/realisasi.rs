//! Reading one month's realisasi for the record dialog (recording it is an edit).

use renja_core::realisasi::Realisasi;
use renja_core::{IpcError, TahapanId};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn get_realisasi(
    state: State<'_, AppState>,
    tahapan: TahapanId,
    bulan: u8,
) -> Result<Option<Realisasi>, IpcError> {
    state.session(|s| s.plan()?.realisasi(tahapan, bulan))
}

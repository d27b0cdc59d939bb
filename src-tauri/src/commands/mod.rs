//! Tauri commands, one file per area. Each is a one-line adapter: take the arguments, call
//! the core through `AppState`, return its value or its `{ kind, message }` error. All are
//! `async` so Tauri runs them off the main thread.

pub mod bukti;
pub mod dialog;
pub mod edit;
pub mod import;
pub mod lke;
pub mod merge;
pub mod plan;
mod progress;
pub mod realisasi;
pub mod report;
pub mod ringkasan;
pub mod start;

//! One Renja RB per user: opening a `.renjarb` (a double-click, "Open with", `renja-rb FILE`)
//! while the app is running brings the running window to the front and opens the file there,
//! instead of starting a second window that would find the plan locked by the first.
//! tauri-plugin-single-instance finds the running app (a named mutex and window on Windows,
//! a D-Bus name on Linux; without a session bus every start runs on its own, as before) and
//! hands it the second start's arguments; the second start then exits.

use std::path::Path;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::{AppState, plan_argument};

/// The event that tells the window a plan is waiting to be opened (`startup_path` takes it).
pub const OPEN_REQUEST: &str = "open-request";

/// The plugin; registered before every other plugin, so a second start stops right there.
pub fn single<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::init(|app, argv, cwd| arrived(app, argv, &cwd))
}

/// A second start with `argv` (the program first) in the folder `cwd`.
fn arrived<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: &str) {
    if let Some(path) = plan_argument(argv.into_iter().skip(1).map(Into::into)) {
        // A relative path is relative to where the second start was made.
        let path = Path::new(cwd).join(path);
        if let Some(state) = app.try_state::<AppState>() {
            state.offer_path(path);
            let _ = app.emit_to("main", OPEN_REQUEST, ());
        }
    }
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

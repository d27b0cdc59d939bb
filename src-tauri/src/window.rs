//! The window's size, position and maximised state, remembered between runs (the
//! window-state plugin, in the app's config folder), and the first run on a small screen:
//! an office laptop of 1366 × 768 has less room than the default window, so the app starts
//! maximised there instead of hanging off the bottom of the screen.
//!
//! The plugin writes its file when the app exits normally. A laptop's battery, a killed
//! process or a forced shutdown skip that, so the state is also written shortly after the user
//! stops moving or resizing the window ([`Saver`]).

use std::sync::Mutex;
use std::sync::mpsc::{Sender, channel};
use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, Builder, DEFAULT_FILENAME, StateFlags};

/// What is remembered: what a user arranges, not whether the window was visible.
const KEPT: StateFlags = StateFlags::SIZE
    .union(StateFlags::POSITION)
    .union(StateFlags::MAXIMIZED);

/// How long the window must stay put before its state is written: one write per drag.
const SETTLE: Duration = Duration::from_millis(400);

/// The plugin, keeping what a user arranges: size, position, maximised.
pub fn remembered<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    Builder::new().with_state_flags(KEPT).build()
}

/// Tells the writer thread that the window moved or changed size.
pub struct Saver(Mutex<Sender<()>>);

/// Start the writer thread and, on the first run (nothing remembered yet), maximise the window
/// when the screen is smaller than the window's default size.
pub fn setup<R: Runtime>(app: &AppHandle<R>) {
    let (changed, settled) = channel::<()>();
    let handle = app.clone();
    std::thread::spawn(move || {
        while settled.recv().is_ok() {
            while settled.recv_timeout(SETTLE).is_ok() {}
            let _ = handle.save_window_state(KEPT);
        }
    });
    app.manage(Saver(Mutex::new(changed)));

    let remembered = app
        .path()
        .app_config_dir()
        .map(|d| d.join(DEFAULT_FILENAME).exists())
        .unwrap_or(false);
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    if remembered {
        return;
    }
    let (Ok(Some(monitor)), Ok(size)) = (window.current_monitor(), window.outer_size()) else {
        return;
    };
    let screen = monitor.size();
    if screen.width < size.width || screen.height < size.height {
        let _ = window.maximize();
    }
}

/// Note a move or resize of a window, for [`Saver`].
pub fn on_event<R: Runtime>(window: &tauri::Window<R>, event: &WindowEvent) {
    if matches!(event, WindowEvent::Resized(_) | WindowEvent::Moved(_))
        && let Some(saver) = window.try_state::<Saver>()
        && let Ok(changed) = saver.0.lock()
    {
        let _ = changed.send(());
    }
}

//! What the shell holds between commands: the session (the one open plan and the recent
//! list), the default folder for new plans, a plan waiting to be opened (given on the command
//! line, which is how a double-clicked file arrives, or by a second start of the app), and the
//! folder reports were last saved into.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use renja_core::{IpcError, Session, SystemClock};
use tauri::{AppHandle, Manager};

pub struct AppState {
    session: Mutex<Session>,
    startup_path: Mutex<Option<PathBuf>>,
    pub documents_dir: PathBuf,
    /// Where the last report or package was saved: the next save dialog starts there.
    report_dir: Mutex<Option<PathBuf>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic in an earlier command leaves the plan file consistent (every edit is one
    // transaction), so the session stays usable.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AppState {
    pub fn new(
        app: &AppHandle,
        args: impl Iterator<Item = OsString>,
    ) -> Result<AppState, Box<dyn std::error::Error>> {
        let paths = app.path();
        let recent_store = paths.app_config_dir()?.join("berkas-terakhir.json");
        let documents_dir = paths
            .document_dir()
            .or_else(|_| paths.home_dir())
            .unwrap_or_else(|_| PathBuf::from("."));
        let startup_path = plan_argument(args);
        Ok(AppState {
            session: Mutex::new(Session::new(recent_store, Arc::new(SystemClock))),
            startup_path: Mutex::new(startup_path),
            documents_dir,
            report_dir: Mutex::new(None),
        })
    }

    /// Run `f` on the session, turning a core error into what the UI receives. Only through
    /// [`session_blocking`]: waiting for the session (another command may hold it for minutes,
    /// writing a package) must never occupy an async worker.
    fn session<T>(
        &self,
        f: impl FnOnce(&mut Session) -> renja_core::Result<T>,
    ) -> Result<T, IpcError> {
        f(&mut lock(&self.session)).map_err(IpcError::from)
    }

    /// Close the plan as the window goes away. The one place that waits for the session on
    /// the event loop's thread: there is nothing left for it to serve, and the plan must be
    /// closed properly (evidence contents nothing refers to are dropped on closing).
    pub fn close_on_exit(&self) {
        let _ = self.session(|s| s.close());
    }

    pub fn take_startup_path(&self) -> Option<PathBuf> {
        lock(&self.startup_path).take()
    }

    /// A plan to open that arrived while the app runs (a second start); the window is told
    /// and takes it with `startup_path`.
    pub fn offer_path(&self, path: PathBuf) {
        *lock(&self.startup_path) = Some(path);
    }

    pub fn report_dir(&self) -> Option<PathBuf> {
        lock(&self.report_dir).clone()
    }

    pub fn remember_report_dir(&self, written: &std::path::Path) {
        if let Some(dir) = written.parent() {
            *lock(&self.report_dir) = Some(dir.to_path_buf());
        }
    }
}

/// The plan to open among the program's arguments (the program itself not included): the
/// first that is not a flag (file association, "Open with", or `renja-rb rencana.renjarb`).
pub fn plan_argument(args: impl Iterator<Item = OsString>) -> Option<PathBuf> {
    args.map(PathBuf::from)
        .find(|a| !a.to_string_lossy().starts_with('-'))
}

/// Run `f` on the session on a thread meant for blocking work: every command that touches the
/// session comes through here. Rendering a report (typst, up to a second), hashing a 300 MB
/// evidence file or writing an evidence package (up to minutes), or merely waiting for the
/// session while another command does so, would otherwise occupy one of the few async
/// workers that every other command and dialog runs on.
pub async fn session_blocking<T: Send + 'static>(
    app: &AppHandle,
    f: impl FnOnce(&mut Session) -> renja_core::Result<T> + Send + 'static,
) -> Result<T, IpcError> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || app.state::<AppState>().session(f))
        .await
        .unwrap_or_else(|e| Err(renja_core::Error::Internal(e.to_string()).into()))
}

//! Progress events of long work (writing an evidence package, adding evidence files): the core
//! calls back for every chunk it moves, and the UI needs to hear only a few times a second.

use std::time::{Duration, Instant};

use serde::Serialize;
use tauri::{AppHandle, Emitter};

/// How often progress is reported at most: the core calls back for every chunk it copies.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// A callback for the core that emits `event` with what it is given: the first report at
/// once, then at most every [`PROGRESS_EVERY`], and always the last one (`finished`), so the
/// bar ends full.
pub fn throttled<P: Serialize + Clone>(
    app: AppHandle,
    event: &'static str,
    finished: impl Fn(&P) -> bool,
) -> impl FnMut(P) {
    let mut last: Option<Instant> = None;
    move |p: P| {
        if finished(&p) || last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
            last = Some(Instant::now());
            // A window that is gone hears nothing; the work itself goes on.
            let _ = app.emit(event, p);
        }
    }
}

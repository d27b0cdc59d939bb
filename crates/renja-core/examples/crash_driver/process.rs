//! Running `crash_editor`: finding it beside this program, starting it with its output piped,
//! killing it at a deadline, and reading back what it acknowledged. How a process is killed at
//! an exact syscall is `strace`'s business; this file only runs the command it is given.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

pub fn editor_path() -> PathBuf {
    let exe = std::env::current_exe().expect("path of this program");
    let path = exe.with_file_name(format!("crash_editor{}", std::env::consts::EXE_SUFFIX));
    if !path.exists() {
        eprintln!(
            "crash_driver: {} not found; build it with `cargo build --workspace --examples`",
            path.display()
        );
        std::process::exit(2)
    }
    path
}

/// What the editor printed, and how it ended.
pub struct EditorRun {
    pub lines: Vec<String>,
    pub stderr: String,
    pub status: ExitStatus,
}

impl EditorRun {
    pub fn last_ack(&self) -> Option<u64> {
        self.lines
            .iter()
            .rev()
            .find_map(|l| l.strip_prefix("ack ")?.parse().ok())
    }

    pub fn panicked(&self) -> bool {
        self.stderr.contains("panicked") || self.status.code() == Some(101)
    }

    pub fn errored(&self) -> bool {
        self.status.code() == Some(3) || self.stderr.contains("error ")
    }
}

/// Whether the process died of SIGKILL (on Unix; elsewhere the caller knows whether it
/// killed it).
pub fn killed_by_sigkill(status: &ExitStatus) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        status.signal() == Some(9)
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        false
    }
}

/// Spawn `cmd` with piped output, let `until` decide when to kill it, and collect it.
/// Returns what `until` returned (whether it killed the process) with the run.
pub fn run_editor(
    mut cmd: Command,
    until: impl FnOnce(&mut Child) -> bool,
) -> std::io::Result<(bool, EditorRun)> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let killed = until(&mut child);
    let status = child.wait()?;
    let run = EditorRun {
        lines: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        status,
    };
    Ok((killed, run))
}

/// Wait until `child` exits or `deadline`, then kill it (SIGKILL on Unix) if still running.
/// Returns whether it was killed.
pub fn kill_at(child: &mut Child, deadline: Instant) -> bool {
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            return false;
        }
        let now = Instant::now();
        if now >= deadline {
            return child.kill().is_ok();
        }
        std::thread::sleep(Duration::from_millis(2).min(deadline - now));
    }
}

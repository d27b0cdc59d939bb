//! The short run of the crash-test harness, for CI: `crash_driver` (examples/) kills
//! `crash_editor` at random moments and, when strace is installed, at exact writes, for
//! about 30 seconds, and every run must leave the plan intact with its last acknowledged edit.
//! First its self-test shows that the checks do fail on a plan that lost an edit, holds a
//! changed one, or is cut short.
//! The long run and the meaning of the figures: README, "Crash and fuzz testing".
//!
//! Both examples are built by `cargo test --workspace` (cargo builds every example before
//! testing); after `cargo test --test crash` alone, build them with
//! `cargo build --workspace --examples`.

use std::path::PathBuf;
use std::process::Command;

/// `target/<profile>/examples/<name>`, beside this test's `target/<profile>/deps/`.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("path of the test binary");
    exe.parent()
        .and_then(|deps| deps.parent())
        .expect("the target folder")
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

#[test]
fn killed_editor_leaves_an_intact_plan_with_its_last_acknowledged_edit() {
    let driver = example("crash_driver");
    for exe in [&driver, &example("crash_editor")] {
        assert!(
            exe.exists(),
            "{} is missing: run `cargo build --workspace --examples` (cargo test --workspace \
             builds it)",
            exe.display()
        );
    }
    let work = tempfile::tempdir().expect("temporary folder");
    let out = Command::new(&driver)
        .args(["--self-test", "--seconds", "30", "--quiet", "--work"])
        .arg(work.path().join("work"))
        .output()
        .expect("run crash_driver");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    let summary = stdout
        .lines()
        .rev()
        .find(|l| l.starts_with("crash: runs="))
        .expect("the summary line");
    let runs: u64 = summary
        .trim_start_matches("crash: runs=")
        .split(',')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("the number of runs");
    assert!(runs >= 10, "only {runs} runs in 30 s: {summary}");
    assert!(
        out.status.success(),
        "not every killed run left an intact plan with its last acknowledged edit \
         (details above; crash states kept under target/crash-failures/): {summary}"
    );
}

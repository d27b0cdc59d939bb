//! Killed and failing writers, as a user's machine sees them: `renja generate --force` over a
//! good plan and `renja export-bukti` are killed at random moments, and the file under the
//! final name is always the old one or a whole new one; what the killed run left is swept by
//! the next run. The figures of each run are printed (`cargo test -- --nocapture`).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use super::{renja, s, stderr, stdout};

/// Kills per test: enough to land before, during and after the rename, cheap enough for CI.
/// `RENJA_KILLS=200 cargo test --workspace -- atomic --nocapture` runs more.
fn kills() -> u32 {
    std::env::var("RENJA_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(12)
}

/// splitmix64, seeded from the clock; the seed is printed so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn from_clock(what: &str) -> Rng {
        let seed = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64);
        eprintln!("{what}: seed {seed}");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A delay between 0 and `max`.
    fn delay(&mut self, max: Duration) -> Duration {
        max.mul_f64((self.next() >> 11) as f64 / (1u64 << 53) as f64)
    }
}

/// The temporaries of ours in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".renja-tmp"))
        .collect();
    names.sort();
    names
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Run `renja args`, kill it after `delay` unless it finished; true when it was killed.
fn run_and_kill(args: &[&str], delay: Duration) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_renja"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let until = Instant::now() + delay;
    while Instant::now() < until {
        if child.try_wait().expect("wait").is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let killed = child.try_wait().expect("wait").is_none();
    let _ = child.kill();
    child.wait().expect("wait");
    killed
}

fn tahapan_of(plan: &Path) -> u64 {
    let o = renja(&["info", "--json", s(plan)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    v["tahapan"].as_u64().expect("tahapan")
}

#[test]
fn generate_killed_mid_way_leaves_the_old_plan_or_a_whole_new_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("rencana.renjarb");
    assert!(
        renja(&["new", s(&plan), "--tahun", "2024"])
            .status
            .success()
    );
    let old = std::fs::read(&plan).expect("read");
    let args = [
        "generate",
        s(&plan),
        "--force",
        "--tahapan",
        "20000",
        "--tahun",
        "2025",
    ];

    // How long a whole run takes here, in another folder.
    let other = tempfile::tempdir().expect("tempdir");
    let reference = other.path().join("acuan.renjarb");
    let started = Instant::now();
    let mut whole = args;
    whole[1] = s(&reference);
    let o = renja(&whole);
    assert!(o.status.success(), "{}", stderr(&o));
    let full = started.elapsed();

    let mut rng = Rng::from_clock("generate");
    let (mut kept_old, mut new_whole, mut left_temporaries) = (0, 0, 0);
    for _ in 0..kills() {
        std::fs::write(&plan, &old).expect("restore the old plan");
        let delay = rng.delay(full.mul_f64(1.2));
        let killed = run_and_kill(&args, delay);
        let now = std::fs::read(&plan).expect("the plan is still there");
        if now == old {
            kept_old += 1;
        } else {
            let o = renja(&["check", s(&plan)]);
            assert!(o.status.success(), "killed after {delay:?}: {}", stderr(&o));
            assert_eq!(tahapan_of(&plan), 20000, "killed after {delay:?}");
            new_whole += 1;
        }
        let left = temporaries(dir.path());
        left_temporaries += left.len();
        eprintln!(
            "generate: {} after {delay:.2?} (whole run {full:.2?}): {}, left {left:?}",
            if killed { "killed" } else { "finished" },
            if now == old { "old plan" } else { "new plan" },
        );
    }
    eprintln!(
        "generate: {} runs: {kept_old} old plan byte-identical, {new_whole} whole new \
         plan, 0 destroyed; {left_temporaries} temporaries left by kills",
        kills()
    );

    // The next run sweeps whatever the killed ones left.
    let o = renja(&["generate", s(&plan), "--force", "--tahapan", "10"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(names(dir.path()), ["rencana.renjarb"]);
}

#[test]
fn a_running_generates_temporary_is_not_swept_by_another_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("besar.renjarb");
    let mut child = Command::new(env!("CARGO_BIN_EXE_renja"))
        .args(["generate", s(&plan), "--tahapan", "20000"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait until it is writing.
    let deadline = Instant::now() + Duration::from_secs(60);
    let tmp = loop {
        if let Some(t) = temporaries(dir.path())
            .into_iter()
            .find(|n| n.ends_with(".renja-tmp"))
        {
            break dir.path().join(t);
        }
        assert!(Instant::now() < deadline, "no temporary appeared");
        std::thread::sleep(Duration::from_millis(2));
    };
    // Another run in the same folder sweeps it; the writer is alive, so nothing goes.
    let o = renja(&["new", s(&dir.path().join("lain.renjarb"))]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The writer may have renamed its temporary into place by now (it is still alive while
    // it closes up): then the plan is there. A swept temporary leaves neither, and makes the
    // writer's rename fail below.
    assert!(
        tmp.exists() || plan.exists(),
        "the live writer's temporary was removed"
    );
    assert!(child.wait().expect("wait").success());
    assert_eq!(tahapan_of(&plan), 20000);
    assert!(renja(&["check", s(&plan)]).status.success());
    assert_eq!(names(dir.path()), ["besar.renjarb", "lain.renjarb"]);
}

/// The number of entries of a complete ZIP, read from its end-of-central-directory record,
/// which must close the file right after the central directory; `None` for anything else.
fn zip_entries(bytes: &[u8]) -> Option<u16> {
    let eocd = bytes.len().checked_sub(22)?;
    let record = &bytes[eocd..];
    let u32_at = |at: usize| {
        u32::from_le_bytes([record[at], record[at + 1], record[at + 2], record[at + 3]])
    };
    let whole = bytes.starts_with(b"PK\x03\x04")
        && record.starts_with(b"PK\x05\x06")
        && u32_at(16) as usize + u32_at(12) as usize == eocd;
    whole.then(|| u16::from_le_bytes([record[10], record[11]]))
}

#[test]
fn export_bukti_killed_mid_way_leaves_no_partial_zip_and_the_next_run_sweeps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("bukti.renjarb");
    let o = renja(&[
        "generate",
        s(&plan),
        "--tahapan",
        "100",
        "--evidence",
        "24",
        "--evidence-bytes",
        "3000000",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = tempfile::tempdir().expect("tempdir");
    let zip = out.path().join("paket.zip");
    let args = ["export-bukti", s(&plan), "-o", s(&zip)];

    let started = Instant::now();
    let o = renja(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let full = started.elapsed();
    let entries = zip_entries(&std::fs::read(&zip).expect("read"));
    assert!(entries.is_some_and(|n| n > 24), "{entries:?}");
    std::fs::remove_file(&zip).expect("remove");

    let mut rng = Rng::from_clock("export-bukti");
    let (mut absent, mut complete, mut left_temporaries, mut left_bytes) = (0, 0, 0, 0);
    for _ in 0..kills() {
        let delay = rng.delay(full.mul_f64(1.2));
        let killed = run_and_kill(&args, delay);
        match std::fs::read(&zip) {
            Ok(bytes) => {
                assert_eq!(zip_entries(&bytes), entries, "partial zip after {delay:?}");
                complete += 1;
                std::fs::remove_file(&zip).expect("remove");
            }
            Err(e) => {
                assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
                absent += 1;
            }
        }
        let left = temporaries(out.path());
        left_temporaries += left.len();
        left_bytes += left
            .iter()
            .map(|n| std::fs::metadata(out.path().join(n)).map_or(0, |m| m.len()))
            .sum::<u64>();
        eprintln!(
            "export-bukti: {} after {delay:.2?} (whole run {full:.2?}), left {left:?}",
            if killed { "killed" } else { "finished" },
        );
        assert!(
            left.len() <= 1,
            "each run sweeps what the one before left: {left:?}"
        );
    }
    eprintln!(
        "export-bukti: {} runs: {absent} without a zip, {complete} with a whole zip, 0 \
         partial; {left_temporaries} temporaries ({left_bytes} bytes) left by kills, each \
         swept by the next run",
        kills()
    );

    let o = renja(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(names(out.path()), ["paket.zip"]);
    assert_eq!(zip_entries(&std::fs::read(&zip).expect("read")), entries);
}

/// A real write error half-way: the file size limit (`ulimit -f`) stops the temporary plan
/// from growing, and SIGXFSZ is ignored, so writing fails with EFBIG instead of killing.
#[cfg(target_os = "linux")]
#[test]
fn generate_that_fails_half_way_leaves_the_old_plan_and_no_temporaries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("rencana.renjarb");
    assert!(renja(&["new", s(&plan)]).status.success());
    let old = std::fs::read(&plan).expect("read");
    let o = Command::new("sh")
        .arg("-c")
        // 8192 blocks: at least 4 MiB, far less than the 20 MB this plan needs.
        .arg("trap '' XFSZ; ulimit -f 8192; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_renja"))
        .args([
            "generate",
            s(&plan),
            "--force",
            "--tahapan",
            "200",
            "--evidence",
            "20",
            "--evidence-bytes",
            "1000000",
        ])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&plan).expect("read"), old);
    assert_eq!(names(dir.path()), ["rencana.renjarb"]);
}

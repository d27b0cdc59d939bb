//! The command line: every flag, its default and the usage text. The README ("Crash and fuzz
//! testing") and `tests/crash.rs` name these flags, so they change only together with those.
//! Parsing only: nothing here touches the file system or starts a process.

use std::path::{Path, PathBuf};

pub struct Options {
    pub seconds: Option<u64>,
    pub runs: Option<u64>,
    pub random: bool,
    pub strace: bool,
    pub seed: u64,
    pub work: PathBuf,
    pub keep: PathBuf,
    pub chain: u32,
    pub max_delay_ms: u64,
    pub strace_edits: u64,
    pub allow_refused: bool,
    pub quiet: bool,
    pub self_test: bool,
}

const USAGE: &str = "usage: crash_driver [--seconds S | --minutes M] [--runs N] \
[--mode random|strace|both] [--seed S] [--work DIR] [--keep DIR] [--chain K] \
[--max-delay-ms D] [--strace-edits E] [--allow-refused] [--quiet] [--self-test]";

fn usage(why: &str) -> ! {
    eprintln!("crash_driver: {why}\n{USAGE}");
    std::process::exit(2)
}

/// The options from the command line; exits with status 2 and the usage on a bad one, and
/// with 0 after printing the usage for `--help`.
pub fn parse() -> Options {
    let target = std::env::current_exe()
        .ok()
        .and_then(|exe| {
            // target/debug/examples/crash_driver -> target/
            exe.ancestors().nth(3).map(Path::to_path_buf)
        })
        .unwrap_or_else(std::env::temp_dir);
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    let mut o = Options {
        seconds: None,
        runs: None,
        random: true,
        strace: true,
        seed,
        work: std::env::temp_dir().join(format!("renja-crash-{}", std::process::id())),
        keep: target.join("crash-failures"),
        chain: 5,
        max_delay_ms: 1000,
        strace_edits: 30,
        allow_refused: false,
        quiet: false,
        self_test: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| usage(&format!("{name} needs a value")))
        };
        let mut number = |name: &str| -> u64 {
            let v = value(name);
            v.parse()
                .unwrap_or_else(|_| usage(&format!("{name}: not a number: {v}")))
        };
        match arg.as_str() {
            "--seconds" => o.seconds = Some(number("--seconds")),
            "--minutes" => o.seconds = Some(number("--minutes") * 60),
            "--runs" => o.runs = Some(number("--runs")),
            "--seed" => o.seed = number("--seed"),
            "--chain" => o.chain = number("--chain").max(1) as u32,
            "--max-delay-ms" => o.max_delay_ms = number("--max-delay-ms").max(1),
            "--strace-edits" => o.strace_edits = number("--strace-edits").max(1),
            "--work" => o.work = PathBuf::from(value("--work")),
            "--keep" => o.keep = PathBuf::from(value("--keep")),
            "--allow-refused" => o.allow_refused = true,
            "--quiet" => o.quiet = true,
            "--self-test" => o.self_test = true,
            "--mode" => match value("--mode").as_str() {
                "random" => (o.random, o.strace) = (true, false),
                "strace" => (o.random, o.strace) = (false, true),
                "both" => (o.random, o.strace) = (true, true),
                other => usage(&format!("unknown mode {other}")),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0)
            }
            other => usage(&format!("unknown argument {other}")),
        }
    }
    if o.seconds.is_none() && o.runs.is_none() {
        o.runs = Some(20);
    }
    o
}

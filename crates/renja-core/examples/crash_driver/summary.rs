//! The tallies of runs per mode and class, and the lines that close the output: a line per
//! mode, every message of a run that was not intact, the leftover files, and the summary
//! `crash: runs=…` that `tests/crash.rs` parses. Keep that line's words and order as they are.

use std::collections::BTreeMap;
use std::time::Instant;

use crate::Driver;
use crate::check::Class;

#[derive(Default)]
pub struct Tally {
    runs: u64,
    killed: u64,
    classes: BTreeMap<Class, u64>,
}

impl Tally {
    pub fn add(&mut self, class: Class, killed: bool) {
        self.runs += 1;
        self.killed += u64::from(killed);
        *self.classes.entry(class).or_default() += 1;
    }

    fn get(&self, class: Class) -> u64 {
        self.classes.get(&class).copied().unwrap_or(0)
    }

    pub fn line(&self, label: &str) -> String {
        format!(
            "{label}: runs={}, intact={}, refused={}, durability_violations={}, \
             integrity_failures={}, editor_panics={}, editor_errors={}, check_panics={}, killed={}",
            self.runs,
            self.get(Class::Intact),
            self.get(Class::Refused),
            self.get(Class::DurabilityViolation),
            self.get(Class::IntegrityFailure),
            self.get(Class::EditorPanic),
            self.get(Class::EditorError),
            self.get(Class::CheckPanic),
            self.killed,
        )
    }
}

impl Driver {
    /// Both modes' tallies together.
    pub fn all(&self) -> Tally {
        let mut all = Tally::default();
        merge(&mut all, &self.random);
        merge(&mut all, &self.strace);
        all
    }

    /// Print the closing lines (`random` and `strace`: whether each mode ran); returns whether
    /// any run ended in a class that fails the run.
    pub fn print_summary(&self, started: Instant, random: bool, strace: bool) -> bool {
        println!(
            "\ncrash: {} s, seed {}",
            started.elapsed().as_secs(),
            self.o.seed
        );
        if random {
            println!("{}", self.random.line("crash[random]"));
        }
        if strace {
            println!("{}", self.strace.line("crash[strace]"));
        } else if self.o.strace {
            println!("crash[strace]: skipped (see the note above)");
        }
        if !self.details.is_empty() {
            println!("what went wrong (digits folded to #):");
            for ((class, detail), n) in &self.details {
                println!("  {n} × {}: {detail}", class.name());
            }
            println!("crash states kept in {}", self.keep_dir.display());
        }
        if !self.leftovers.is_empty() {
            let list: Vec<String> = self
                .leftovers
                .iter()
                .map(|(name, n)| format!("{name} ×{n}"))
                .collect();
            println!(
                "new files beside the plan after a kill and the reopening: {}",
                list.join(", ")
            );
        }
        let all = self.all();
        println!("{}", all.line("crash"));
        Class::ALL.iter().any(|c| {
            *c != Class::Intact
                && !(*c == Class::Refused && self.o.allow_refused)
                && all.get(*c) > 0
        })
    }
}

fn merge(into: &mut Tally, from: &Tally) {
    into.runs += from.runs;
    into.killed += from.killed;
    for (c, n) in &from.classes {
        *into.classes.entry(*c).or_default() += n;
    }
}

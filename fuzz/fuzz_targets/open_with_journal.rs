//! Fuzz target: a plan with a rollback journal beside it, as a crash (or a copy from another
//! folder) leaves it. The input is the plan's bytes followed by the journal's: it is split at
//! the first journal magic (d9 d5 05 f9 20 a1 63 d7) found at a multiple of 512 bytes, so
//! `cat plan.renjarb plan.renjarb-journal` is a seed; without the magic there is no journal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use renja_fuzz::JOURNAL_MAGIC;

fuzz_target!(|data: &[u8]| {
    let split = (0..data.len())
        .step_by(512)
        .find(|&at| data[at..].starts_with(&JOURNAL_MAGIC))
        .unwrap_or(data.len());
    let dir = tempfile::tempdir().expect("a scratch folder");
    let plan = dir.path().join("rencana.renjarb");
    std::fs::write(&plan, &data[..split]).expect("write the plan");
    if split < data.len() {
        let journal = dir.path().join("rencana.renjarb-journal");
        std::fs::write(&journal, &data[split..]).expect("write the journal");
    }
    renja_fuzz::exercise(dir.path(), &plan);
});

//! Fuzz target: the input bytes are a `.renjarb` file; check it, open it (read-only and for
//! editing), read it and make a first edit. See README, "Crash and fuzz testing".
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let plan = dir.path().join("rencana.renjarb");
    std::fs::write(&plan, data).expect("write the input");
    renja_fuzz::exercise(dir.path(), &plan);
});

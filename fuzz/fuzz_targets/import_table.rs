//! Fuzz target: the input bytes are a table offered for import (an .xlsx, .ods, .csv or
//! pasted text); read it, guess the mapping of every sheet, build the preview and write a
//! small result into a new plan. Good seeds: `tests/fixtures/import/*`. See README, "Crash
//! and fuzz testing".
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a scratch folder");
    renja_fuzz::exercise_import(dir.path(), data);
});

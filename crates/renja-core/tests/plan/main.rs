//! Integration tests of the plan file: create, open, refuse, migrate, read-only, save a copy,
//! the built-in template and the session. Fixtures live in `tests/fixtures/` at the repository
//! root and are only ever read here: each test copies what it opens into a temporary folder.
//! `fixtures::regenerate_fixtures` (ignored) rewrites them.

mod common;

mod atomic;
mod bukti;
mod bukti_progress;
mod capaian;

mod create;
mod edit;
mod fixtures;
mod grid;
mod hostile;
mod import;
mod import_fixtures;
mod journal;
mod limits;
mod lke;
mod merge;
mod migrate;
mod open;
mod paket;
mod read_only;
mod realisasi;
mod refuse;
mod report;
mod report_conventions;
mod report_dokumen;
mod report_pages;
mod report_xlsx;
mod ringkasan;
mod save_copy;
mod session;
mod team;
mod template;
// Windows behaviour of files, run under wine by scripts/test-windows.
#[cfg(windows)]
mod windows;

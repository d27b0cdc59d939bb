//! The Renja RB core: the plan file (`.renjarb`, one SQLite database), the built-in template
//! and every rule about the yearly Rencana Kerja Reformasi Birokrasi.
//!
//! Everything a user can do is done here; the desktop shell (`src-tauri`) and the command line
//! (`renja`) only translate requests and call in. This crate must never depend on Tauri, open a
//! window, read the system clock deep inside domain logic, or talk to the network: the caller
//! passes time in through a [`Clock`].
//!
//! # One way through the core
//! Modules depend on each other in one direction only, top to bottom:
//!
//! 1. `session`, `generate`, `recent`, `bindings`, `labels`: what the shell and the command line
//!    hold, and what is written out for the UI.
//! 2. `plan`: one open plan file ([`Plan`]): opening and creating, the transaction path
//!    (`Plan::transact`, undo and redo), and one small `impl Plan` file per feature that checks
//!    the request with the feature's module and runs it in one transaction.
//! 3. Domain modules (`edit`, `bukti`, `realisasi`, `team`, `identity`, `grid`, `capaian`,
//!    `import`, `lke`, `merge`, `report`, `ringkasan`, `kop`, `catatan_tahunan`, `bab`,
//!    `template`, `undo`, …): the rules. They never see a [`Plan`]: they get a `storage::Read` or `storage::Write` handle
//!    and call storage functions. `report` and `ringkasan` only read.
//! 4. `storage` (every table's SQL, the migrations, the schema check) and `file` (opening a
//!    file safely, pragmas, locks, whole-file copies, atomic writes). Only these two touch SQLite.
//! 5. Leaves: `model`, `ids`, `error`, `clock`, `tanggal`, `limits`, `naming`.
//!
//! A module may use any module below it and none above; domain modules may use each other as
//! long as no circle forms. The `layers` tests read the `crate::` paths of every module and fail
//! on a circle between top-level modules, and on `rusqlite` outside `storage` and `file`.

pub mod bab;
mod bindings;
pub mod bukti;
pub mod capaian;
mod catatan_tahunan;
mod clock;
pub mod edit;
pub mod error;
pub mod file;
pub mod generate;
pub mod grid;
mod identity;
mod ids;
pub mod import;
pub mod kop;
#[cfg(test)]
mod layers;
// Only the bindings test writes the labels out for the UI.
#[cfg(test)]
mod labels;
pub mod limits;
pub mod lke;
pub mod merge;
pub mod model;
pub mod naming;
mod plan;
pub mod realisasi;
pub mod recent;
pub mod report;
pub mod ringkasan;
mod session;
mod storage;
pub mod tanggal;
mod team;
pub mod template;
mod undo;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{Error, ErrorKind, ImportProblem, IpcError, Result};
pub use file::{OpenMode, ReadOnlyReason, SCHEMA_VERSION, check_file};
pub use ids::{
    AnggotaId, BuktiBerkasId, BuktiId, ButirId, KegiatanId, OutcomeId, OutputId, ProgramId,
    TahapanId,
};
pub use plan::{NewPlan, Plan, Upgrade};
pub use session::Session;
pub use team::AnggotaInput;
pub use template::Template;
pub use undo::UndoState;

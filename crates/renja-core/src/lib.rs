//! The Renja RB core: the plan file (`.renjarb`, one SQLite database), the built-in template
//! and every rule about the yearly Rencana Kerja Reformasi Birokrasi.
//!
//! Everything a user can do is done here; the desktop shell (`src-tauri`) and the command line
//! (`renja`) only translate requests and call in. This crate must never depend on Tauri, open a
//! window, read the system clock deep inside domain logic, or talk to the network: the caller
//! passes time in through a [`Clock`].

mod bindings;
pub mod bukti;
pub mod capaian;
mod clock;
pub mod edit;
pub mod error;
pub mod file;
pub mod generate;
pub mod grid;
mod identity;
mod ids;
pub mod limits;
pub mod model;
pub mod naming;
mod plan;
pub mod realisasi;
pub mod recent;
pub mod report;
mod session;
mod storage;
pub mod tanggal;
mod team;
pub mod template;
mod transact;
mod undo;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{Error, ErrorKind, IpcError, Result};
pub use file::{OpenMode, ReadOnlyReason, SCHEMA_VERSION, check_file};
pub use ids::{AnggotaId, KegiatanId, OutcomeId, OutputId, ProgramId, TahapanId};
pub use plan::{NewPlan, Plan, Upgrade};
pub use session::Session;
pub use team::AnggotaInput;
pub use template::Template;
pub use undo::UndoState;

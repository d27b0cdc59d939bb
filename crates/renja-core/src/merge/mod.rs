//! Merging a colleague's copy of the plan into ours ("Gabungkan dari berkas rekan…").
//!
//! # How copies are compared
//! A plan travels as a whole file: the secretariat sends it out, each Pokja works in its copy
//! and sends it back, sometimes through a third laptop. There is no server and no shared log,
//! so each copy carries what a merge needs inside the file (schema 6, `storage::versions`):
//!
//! - **Versions.** Every row (tree, team, realisasi, evidence, identity, logo) has a `version`.
//!   Each change gives the row a fresh random version and files the old one, with the row's
//!   fields as they were, in `row_version`. Undo and redo are changes too: a version a row had
//!   before is never taken again.
//! - **Ancestry by knowledge.** Copy A's row is newer than B's when A has seen B's current
//!   version (its current or an earlier one) and B has not seen A's. Then the newer one is
//!   taken, whole, with no question. When neither has seen the other's, both changed it since
//!   the last version they share: the fields are joined against that shared version (the
//!   *base*): a field only one side changed takes that change; a field both changed to
//!   different values is a **conflict** the user settles. Without a known base (rows written
//!   before versions existed), every differing field is a conflict.
//! - **Deletes survive the trip (tombstones).** Deleting a row leaves a `tombstone` with a
//!   version of its own, and the row's last version goes to its history. A deletion is
//!   therefore just another version: an older copy that still has the row does not bring it
//!   back (the tombstone has seen its version), a copy that changed the row after the other
//!   deleted it is a conflict ("dihapus di satu salinan, diubah di salinan lain"), and undoing a
//!   delete makes a version newer than the tombstone. Tombstones and history travel on with
//!   every merge, so a third copy learns of a delete second-hand.
//! - **Joined versions are the same on both sides.** A joined row's version is a hash of the
//!   two versions it joins and of the fields it ends with. So when A merges B and B merges A
//!   (with the same choices), both end with the same rows at the same versions, and `renja
//!   dump` prints the same plan.
//! - **Keys.** Rows are matched by uuid (the plan row and the logo by their one key), and
//!   references by the referred row's uuid (file contents by SHA-256): row ids differ between
//!   copies and never leave a file. A realisasi is also one per tahapan and month, so two copies
//!   that recorded the same month separately (before versions gave the record a key made of
//!   the tahapan and the month) are matched by that pair.
//! - **Whole rows under deleted parents.** A row that stays (or arrives) under a parent the
//!   other copy deleted makes the deletion a conflict: kept, the parent comes back; deleted,
//!   the rows under it go too.
//! - **Plans that are not the same plan.** A copy with another plan uuid is refused unless the
//!   user says it is the same plan (two offices that started from the template separately).
//!   Then rows of theirs are matched to ours by name under matched parents (and realisasi by
//!   tahapan and month, team members by name), and every differing field is a conflict.
//!
//! We considered SQLite's session extension (changesets). It records changes made through
//! one connection since a point both sides share, and applies them with a conflict handler.
//! Our copies diverge on different laptops with no shared starting changeset, pass through
//! third copies, and must keep deletions across hops and undo; a changeset would still need
//! a per-copy log of everything since the last exchange with each colleague. Versions kept in
//! the rows are what the merge of whole files needs, and the comparison is plain Rust over
//! two small in-memory maps (no file contents).
//!
//! File contents are content-addressed: those theirs has and ours lacks are streamed from
//! their file into ours in chunks, SHA-256 checked on the way; those ours has already (same
//! SHA-256) are not copied again.

pub(crate) mod decide;
mod describe;
mod matching;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) use describe::describe;
pub(crate) use matching::rekey;

/// Which copy: the plan open in the app ("saya") or the colleague's file ("rekan").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Side {
    Ours,
    Theirs,
}

/// What the user decided for a merge.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
pub struct MergeChoices {
    /// The user confirmed that a file with another plan uuid is the same plan.
    pub same_plan: bool,
    /// Settle every conflict with this side ("Semua dari saya" / "Semua dari rekan").
    pub prefer: Option<Side>,
    /// Settle one conflict (by its id) with a side; wins over `prefer`.
    pub per_conflict: Vec<(String, Side)>,
}

/// What kind of change a merge brings to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ChangeKind {
    Added,
    Changed,
    Moved,
    Deleted,
}

/// One field of a changed row: its label, the value ours has and the value it gets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldChange {
    pub label: String,
    pub before: String,
    pub after: String,
}

/// One row a merge adds, changes, moves or deletes in ours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Change {
    pub kind: ChangeKind,
    /// What the row is: "Tahapan", "Realisasi", "Bukti dukung", "Berkas", …
    pub what: String,
    /// The row's name as users know it (uraian, judul, file name, "Maret" …).
    pub nama: String,
    pub fields: Vec<FieldChange>,
    /// For a file: its size in bytes, and whether ours already holds the same contents.
    #[ts(type = "number | null")]
    pub size: Option<u64>,
    pub already_present: bool,
}

/// Changes of one program (or of the identity, the team, the letterhead).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChangeGroup {
    pub judul: String,
    pub changes: Vec<Change>,
}

/// One field both copies changed to different values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConflictField {
    pub label: String,
    pub ours: String,
    pub theirs: String,
}

/// Something both copies changed, shown side by side for the user to settle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MergeConflict {
    /// What a choice names (`MergeChoices::per_conflict`).
    pub id: String,
    /// The program (or "Identitas rencana", "Tim RB", …) it belongs to.
    pub group: String,
    pub what: String,
    pub nama: String,
    /// Why it is a conflict, in a sentence.
    pub reason: String,
    pub fields: Vec<ConflictField>,
    /// When each side last changed it (RFC 3339), where known.
    pub ours_at: Option<String>,
    pub theirs_at: Option<String>,
    /// The side this conflict is settled with, if chosen.
    pub chosen: Option<Side>,
}

/// The colleague's file, as the preview names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MergeSource {
    pub file_name: String,
    pub plan_uuid: String,
    pub modified_at: String,
    pub instansi: String,
    pub unit_kerja: String,
    pub tahun: i32,
}

/// What merging a file would do, before anything changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MergePreview {
    pub source: MergeSource,
    /// The file is a copy of another plan (another plan uuid) and the user has not confirmed
    /// it is the same plan: nothing else is filled in.
    pub other_plan: bool,
    pub groups: Vec<ChangeGroup>,
    pub conflicts: Vec<MergeConflict>,
    /// Rows the merge changes in ours, conflicts included.
    pub changes: u32,
    /// Conflicts still without a choice.
    pub open_conflicts: u32,
    /// Files to copy from theirs, and their bytes.
    pub new_files: u32,
    #[ts(type = "number")]
    pub new_bytes: u64,
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MergeResult {
    pub changes: u32,
    pub conflicts: u32,
    pub files_copied: u32,
    #[ts(type = "number")]
    pub bytes_copied: u64,
}

pub use crate::model::MergeRecord;

/// Progress of copying files while merging: bytes done of bytes to copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct MergeProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

//! Merging a colleague's copy into this plan: preview, then apply as one undoable step.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::merge::decide::{self, Choices, Decision, Final};
use crate::merge::{
    MergeChoices, MergePreview, MergeProgress, MergeRecord, MergeResult, MergeSource, Side,
};
use crate::plan::Plan;
use crate::storage::{self, versions};
use crate::undo::Op;

/// Both copies read and matched, and the decision for the user's choices.
struct Prepared {
    ours: versions::Copy,
    theirs: versions::Copy,
    choices: Choices,
    decision: Decision,
}

fn choices(c: &MergeChoices) -> Choices {
    Choices {
        prefer: c.prefer,
        per_key: c.per_conflict.iter().cloned().collect::<HashMap<_, _>>(),
    }
}

impl Plan {
    fn merge_source(&self, theirs: &Plan) -> Result<MergeSource> {
        let (plan_uuid, _, modified_at) = storage::identity::stamps(theirs.db())?;
        let identity = theirs.identity()?;
        Ok(MergeSource {
            file_name: theirs
                .path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            plan_uuid,
            modified_at,
            instansi: identity.instansi,
            unit_kerja: identity.unit_kerja,
            tahun: identity.tahun,
        })
    }

    /// Refuse merging a plan into itself, and a file of another plan unless confirmed.
    fn merge_check(&self, theirs: &Plan, choices: &MergeChoices) -> Result<bool> {
        if crate::plan::same_file(self.path(), theirs.path()) {
            return Err(Error::invalid(
                "berkas",
                "Berkas itu adalah rencana yang sedang dibuka. Pilih berkas salinan dari rekan.",
            ));
        }
        let (ours, _, _) = storage::identity::stamps(self.db())?;
        let (theirs_uuid, _, _) = storage::identity::stamps(theirs.db())?;
        Ok(ours != theirs_uuid && !choices.same_plan)
    }

    fn merge_prepare(&self, theirs: &Plan, c: &MergeChoices) -> Result<Prepared> {
        let ours = versions::load(self.db())?;
        let (ours_uuid, _, _) = storage::identity::stamps(self.db())?;
        let (theirs_uuid, _, _) = storage::identity::stamps(theirs.db())?;
        let theirs = crate::merge::rekey(
            &ours,
            versions::load(theirs.db())?,
            ours_uuid != theirs_uuid,
        );
        let choices = choices(c);
        let decision = decide::decide(&ours, &theirs, &choices);
        Ok(Prepared {
            ours,
            theirs,
            choices,
            decision,
        })
    }

    /// What merging `theirs` would change, conflicts included; changes nothing.
    pub fn merge_preview(&self, theirs: &Plan, c: &MergeChoices) -> Result<MergePreview> {
        let source = self.merge_source(theirs)?;
        if self.merge_check(theirs, c)? {
            return Ok(MergePreview {
                source,
                other_plan: true,
                groups: Vec::new(),
                conflicts: Vec::new(),
                changes: 0,
                open_conflicts: 0,
                new_files: 0,
                new_bytes: 0,
            });
        }
        let p = self.merge_prepare(theirs, c)?;
        let described = crate::merge::describe(&p.ours, &p.theirs, &p.decision, &p.choices);
        Ok(MergePreview {
            source,
            other_plan: false,
            groups: described.groups,
            conflicts: described.conflicts,
            changes: described.changes,
            open_conflicts: p.decision.open as u32,
            new_files: described.new_files,
            new_bytes: described.new_bytes,
        })
    }

    /// Merge `theirs` into this plan as one undoable step. Refused while a conflict has no
    /// choice. `progress` follows the bytes of files copied. Nothing is written (no step, no
    /// log) when theirs brings nothing new.
    pub fn merge(
        &mut self,
        theirs: &Plan,
        c: &MergeChoices,
        progress: &mut dyn FnMut(MergeProgress),
    ) -> Result<MergeResult> {
        let source = self.merge_source(theirs)?;
        if self.merge_check(theirs, c)? {
            return Err(Error::invalid(
                "berkas",
                "Berkas ini salinan dari rencana lain (kode rencananya berbeda). Gabungkan hanya \
                 jika Anda yakin isinya rencana yang sama.",
            ));
        }
        let p = self.merge_prepare(theirs, c)?;
        if p.decision.open > 0 {
            return Err(Error::invalid(
                "konflik",
                format!(
                    "Masih ada {} perbedaan yang belum dipilih. Pilih isi dari salinan Anda atau \
                     dari rekan untuk setiap perbedaan.",
                    p.decision.open
                ),
            ));
        }
        let described = crate::merge::describe(&p.ours, &p.theirs, &p.decision, &p.choices);
        let writes = p
            .decision
            .finals
            .values()
            .any(|f| !matches!(f, Final::Ours))
            || !p.decision.learn.is_empty();
        let mut result = MergeResult {
            changes: described.changes,
            conflicts: p.decision.conflicts.len() as u32,
            files_copied: 0,
            bytes_copied: 0,
        };
        if !writes {
            return Ok(result);
        }
        let total = described.new_bytes;
        let theirs_db = theirs.db();
        let (files, bytes) = self.transact(Op::Merge, |tx, now| {
            storage::undo::defer_foreign_keys(tx)?;
            let mut copied = (0u32, 0u64);
            // File contents first, so evidence files can refer to them.
            for fin in p.decision.finals.values() {
                let Final::Put { table, fields, .. } = fin else {
                    continue;
                };
                let sha = fields.get("berkas_id").and_then(serde_json::Value::as_str);
                let (true, Some(sha)) = (*table == "bukti_berkas", sha) else {
                    continue;
                };
                if p.ours.berkas.contains_key(sha) || storage::berkas::find(tx, sha)?.is_some() {
                    continue;
                }
                let base = copied.1;
                versions::copy_berkas(theirs_db, tx, sha, &mut |done| {
                    progress(MergeProgress {
                        done: base + done,
                        total,
                    });
                })?;
                copied.0 += 1;
                copied.1 += p.theirs.berkas.get(sha).copied().unwrap_or(0);
            }
            // Rows: parents before children; deletions children first.
            let order = |table: &str| {
                versions::REPLICATED
                    .iter()
                    .position(|r| r.table == table)
                    .unwrap_or(usize::MAX)
            };
            let mut puts: Vec<(&String, &Final)> = p
                .decision
                .finals
                .iter()
                .filter(|(_, f)| matches!(f, Final::Put { .. }))
                .collect();
            puts.sort_by_key(|(_, f)| match f {
                Final::Put { table, .. } => order(table),
                _ => usize::MAX,
            });
            let their_logo = match puts.iter().any(|(_, f)| {
                matches!(
                    f,
                    Final::Put {
                        table: "logo",
                        blob: Side::Theirs,
                        ..
                    }
                )
            }) {
                true => versions::logo_bytes(theirs_db)?,
                false => None,
            };
            for (key, fin) in puts {
                let Final::Put {
                    table,
                    fields,
                    version,
                    blob,
                } = fin
                else {
                    continue;
                };
                let bytes = match (*table, blob) {
                    ("logo", Side::Theirs) => their_logo.as_deref(),
                    _ => None,
                };
                versions::put_row(tx, table, key, fields, version, bytes)?;
            }
            let mut deletes: Vec<(&String, &versions::Tombstone)> = p
                .decision
                .finals
                .iter()
                .filter_map(|(k, f)| match f {
                    Final::Deleted { tombstone } => Some((k, tombstone)),
                    _ => None,
                })
                .collect();
            deletes.sort_by_key(|(_, t)| std::cmp::Reverse(order(&t.table)));
            for (key, tombstone) in deletes {
                let mut tombstone = tombstone.clone();
                if tombstone.deleted_at.is_empty() {
                    tombstone.deleted_at = now.to_owned();
                }
                if p.ours.tombstones.get(key.as_str()) == Some(&tombstone) {
                    continue;
                }
                versions::delete_row(tx, key, &tombstone)?;
            }
            for (key, version, fields) in &p.decision.learn {
                versions::add_history(tx, key, version, fields.as_ref())?;
            }
            versions::log_merge(
                tx,
                &versions::MergeLogRow {
                    merged_at: now.to_owned(),
                    file_name: source.file_name.clone(),
                    plan_uuid: source.plan_uuid.clone(),
                    modified_at: source.modified_at.clone(),
                    changes: described.changes,
                    conflicts: p.decision.conflicts.len() as u32,
                },
            )?;
            Ok(copied)
        })?;
        result.files_copied = files;
        result.bytes_copied = bytes;
        Ok(result)
    }

    /// The merges made into this plan, newest first.
    pub fn merges(&self) -> Result<Vec<MergeRecord>> {
        Ok(versions::merges(self.db())?
            .into_iter()
            .map(|m| MergeRecord {
                merged_at: m.merged_at,
                file_name: m.file_name,
                plan_uuid: m.plan_uuid,
                modified_at: m.modified_at,
                changes: m.changes,
                conflicts: m.conflicts,
            })
            .collect())
    }
}

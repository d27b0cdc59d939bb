//! What a plan holds, as the driver reads it through the public API, and what it must hold
//! after edits 1..=F of `crash_editor` on the template. The expected plan is computed from the
//! edit numbers alone (each edit is a pure function of its number), so a check needs no record
//! of the run. Reading only: the plan is opened and closed by the caller (`check`).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use renja_core::realisasi::Status;
use renja_core::{BuktiBerkasId, NewPlan, Plan, SystemClock, Template};
use sha2::{Digest, Sha256};

use crate::editor::{self, EditKind};

/// The template plan every chain starts from, as the driver read it.
pub struct Baseline {
    ids: Vec<i64>,
    names: HashMap<i64, String>,
}

/// One evidence file as read: (name, size, sha256, `bukti_berkas` id).
type FileSeen = (String, u64, String, BuktiBerkasId);

/// What the driver read from an opened plan.
pub struct Seen {
    names: HashMap<i64, String>,
    /// (tahapan, bulan) -> (catatan, status, persen, tindak lanjut)
    realisasi: HashMap<(i64, u8), (String, Status, u8, String)>,
    /// judul -> (tahapan, [(name, size, sha256, bukti_berkas id)])
    bukti: Vec<(String, i64, Vec<FileSeen>)>,
    /// Evidence file contents read back for the newest edits: edit n -> bytes.
    contents: HashMap<u64, Vec<u8>>,
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every tahapan's name by id, from the plan's grid.
fn tahapan_names(plan: &Plan) -> renja_core::Result<HashMap<i64, String>> {
    Ok(plan
        .grid()?
        .rows
        .into_iter()
        .filter(|r| r.level == renja_core::edit::Level::Tahapan)
        .map(|r| (r.id, r.nama))
        .collect())
}

pub fn read_plan(plan: &Plan, base: &Baseline) -> renja_core::Result<Seen> {
    let names = tahapan_names(plan)?;
    let mut realisasi = HashMap::new();
    for &id in &base.ids {
        for bulan in 1..=12u8 {
            if let Some(r) = plan.realisasi(renja_core::TahapanId(id), bulan)? {
                realisasi.insert(
                    (id, bulan),
                    (r.catatan, r.status, r.persen, r.tindak_lanjut),
                );
            }
        }
    }
    let mut bukti = Vec::new();
    for b in plan.bukti(None)? {
        let files: Vec<FileSeen> = b
            .berkas
            .iter()
            .map(|f| (f.nama.clone(), f.size, f.sha256.clone(), f.id))
            .collect();
        bukti.push((b.judul, b.tahapan.0, files));
    }
    // Read back the bytes of the newest pieces of evidence (all of them would grow with the
    // chain; SQLite's integrity checks cover the pages of the rest).
    let newest: Vec<u64> = {
        let mut ns: Vec<u64> = bukti
            .iter()
            .filter_map(|(j, _, _)| editor::parse_label(j))
            .collect();
        ns.sort_unstable();
        ns.into_iter().rev().take(8).collect()
    };
    let mut contents = HashMap::new();
    for (judul, _, files) in &bukti {
        let Some(n) = editor::parse_label(judul) else {
            continue;
        };
        if newest.contains(&n)
            && let Some((_, _, _, id)) = files.first()
        {
            contents.insert(n, plan.bukti_file_for_preview(*id)?.0);
        }
    }
    Ok(Seen {
        names,
        realisasi,
        bukti,
        contents,
    })
}

/// The highest edit number any marker in the plan carries (0 for none).
pub fn found_edit(seen: &Seen) -> u64 {
    let names = seen.names.values().filter_map(|n| editor::parse_label(n));
    let real = seen
        .realisasi
        .values()
        .filter_map(|(c, ..)| editor::parse_label(c));
    let bukti = seen
        .bukti
        .iter()
        .filter_map(|(j, ..)| editor::parse_label(j));
    names.chain(real).chain(bukti).max().unwrap_or(0)
}

/// Compare what was read with what edits 1..=`f` make of the template; `Err` lists the first
/// differences.
pub fn compare(seen: &Seen, base: &Baseline, f: u64) -> Result<(), String> {
    let len = base.ids.len();
    let mut names = base.names.clone();
    let mut realisasi: HashMap<(i64, u8), u64> = HashMap::new();
    let mut bukti: Vec<u64> = Vec::new();
    for n in 1..=f {
        let id = base.ids[editor::tahapan_index(n, len)];
        match editor::edit_kind(n) {
            EditKind::Rename => {
                names.insert(id, editor::label(n));
            }
            EditKind::Realisasi => {
                realisasi.insert((id, editor::bulan(n)), n);
            }
            EditKind::Bukti => bukti.push(n),
        }
    }
    let mut diffs = Vec::new();
    for id in &base.ids {
        let want = &names[id];
        match seen.names.get(id) {
            Some(got) if got == want => {}
            got => diffs.push(format!("tahapan {id}: name {got:?}, expected {want:?}")),
        }
    }
    if seen.names.len() != base.ids.len() {
        diffs.push(format!(
            "{} tahapan, expected {}",
            seen.names.len(),
            base.ids.len()
        ));
    }
    for (slot, n) in &realisasi {
        let input = editor::realisasi_input(*n);
        let persen = if input.status == Status::Selesai {
            100
        } else {
            input.persen
        };
        let want = (input.catatan, input.status, persen, input.tindak_lanjut);
        match seen.realisasi.get(slot) {
            Some(got) if *got == want => {}
            got => diffs.push(format!("realisasi {slot:?}: {got:?}, expected {want:?}")),
        }
    }
    for slot in seen.realisasi.keys() {
        if !realisasi.contains_key(slot) {
            diffs.push(format!("realisasi {slot:?} should not exist"));
        }
    }
    let mut seen_bukti: HashSet<u64> = HashSet::new();
    for (judul, tahapan, files) in &seen.bukti {
        let Some(n) = editor::parse_label(judul).filter(|n| bukti.contains(n)) else {
            diffs.push(format!("unexpected bukti {judul:?}"));
            continue;
        };
        if !seen_bukti.insert(n) {
            diffs.push(format!("bukti {judul:?} twice"));
        }
        let want_tahapan = base.ids[editor::tahapan_index(n, len)];
        if *tahapan != want_tahapan {
            diffs.push(format!(
                "bukti {n} on tahapan {tahapan}, expected {want_tahapan}"
            ));
        }
        let bytes = editor::bukti_bytes(n);
        let want = (
            editor::bukti_name(n),
            bytes.len() as u64,
            sha256_hex(&bytes),
        );
        match files.as_slice() {
            [(name, size, sha, _)] if (name, size, sha) == (&want.0, &want.1, &want.2) => {}
            other => diffs.push(format!("bukti {n}: files {other:?}, expected {want:?}")),
        }
        if let Some(got) = seen.contents.get(&n)
            && *got != bytes
        {
            diffs.push(format!(
                "bukti {n}: the file read back differs from what was attached"
            ));
        }
    }
    for n in &bukti {
        if !seen_bukti.contains(n) {
            diffs.push(format!("bukti {n} missing"));
        }
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        let more = diffs.len().saturating_sub(5);
        diffs.truncate(5);
        if more > 0 {
            diffs.push(format!("… and {more} more"));
        }
        Err(diffs.join("; "))
    }
}

/// Create the template plan (the seed template) and read what the checks compare against.
pub fn make_template(work: &Path) -> (PathBuf, Baseline) {
    let path = work.join("template.renjarb");
    let plan = Plan::create(
        &path,
        NewPlan {
            template: Template::Seed,
            tahun: 2025,
        },
        true,
        Arc::new(SystemClock),
    )
    .expect("create the template plan");
    let ids = editor::tahapan_ids(&plan).expect("read the template's tahapan");
    let names = tahapan_names(&plan).expect("read the template's grid");
    plan.close().expect("close the template plan");
    (path, Baseline { ids, names })
}

//! `renja merge OURS THEIRS`: merge a colleague's copy into a plan, as the app's "Gabungkan
//! dari berkas rekan…" does. Without `--prefer`, a merge with conflicts changes nothing and
//! exits 3, listing them.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use renja_core::merge::{ChangeKind, MergeChoices, MergePreview, Side};
use renja_core::{Error, OpenMode, Plan, SystemClock};

/// The exit code of a merge refused for conflicts nobody chose a side for.
pub const CONFLICTS: u8 = 3;

fn kind(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Added => "tambah",
        ChangeKind::Changed => "ubah",
        ChangeKind::Moved => "pindah",
        ChangeKind::Deleted => "hapus",
    }
}

fn lines(p: &MergePreview) -> Vec<String> {
    let mut out = vec![format!(
        "Dari {} ({}, {}), diubah {}: {} perubahan, {} perbedaan, {} berkas baru ({} byte).",
        p.source.file_name,
        p.source.instansi,
        p.source.tahun,
        p.source.modified_at,
        p.changes,
        p.conflicts.len(),
        p.new_files,
        p.new_bytes
    )];
    for g in &p.groups {
        out.push(format!("{}:", g.judul));
        for c in &g.changes {
            out.push(format!("  [{}] {}: {}", kind(c.kind), c.what, c.nama));
            for f in &c.fields {
                out.push(format!("      {}: {} → {}", f.label, f.before, f.after));
            }
        }
    }
    if !p.conflicts.is_empty() {
        out.push("Perbedaan (diubah di kedua salinan):".into());
        for c in &p.conflicts {
            out.push(format!(
                "  {} — {}: {} ({})",
                c.group, c.what, c.nama, c.reason
            ));
            for f in &c.fields {
                out.push(format!(
                    "      {}: saya \"{}\" / rekan \"{}\"",
                    f.label, f.ours, f.theirs
                ));
            }
        }
    }
    out
}

pub struct Args<'a> {
    pub ours: &'a Path,
    pub theirs: &'a Path,
    pub dry_run: bool,
    pub json: bool,
    pub prefer: Option<&'a str>,
    pub same_plan: bool,
}

fn prefer(value: Option<&str>) -> Result<Option<Side>, Error> {
    match value.map(str::trim) {
        None => Ok(None),
        Some("ours" | "saya") => Ok(Some(Side::Ours)),
        Some("theirs" | "rekan") => Ok(Some(Side::Theirs)),
        Some(_) => Err(Error::Invalid {
            field: "prefer",
            reason: "--prefer harus ours (saya) atau theirs (rekan).".into(),
        }),
    }
}

/// Run the merge; the exit code when it ends without an error.
pub fn run(a: Args<'_>, print: &dyn Fn(&str) -> Result<(), Error>) -> Result<ExitCode, Error> {
    let choices = MergeChoices {
        same_plan: a.same_plan,
        prefer: prefer(a.prefer)?,
        per_conflict: Vec::new(),
    };
    let theirs = Plan::open(a.theirs, OpenMode::ReadOnly, Arc::new(SystemClock))?;
    let mode = if a.dry_run {
        OpenMode::ReadOnly
    } else {
        OpenMode::Edit
    };
    let mut ours = Plan::open(a.ours, mode, Arc::new(SystemClock))?;
    let preview = ours.merge_preview(&theirs, &choices)?;
    let show = |p: &MergePreview| -> Result<(), Error> {
        if a.json {
            let text =
                serde_json::to_string_pretty(p).map_err(|e| Error::Internal(e.to_string()))?;
            print(&text)
        } else {
            print(&lines(p).join("\n"))
        }
    };
    if preview.other_plan {
        return Err(Error::Invalid {
            field: "berkas",
            reason: format!(
                "{} adalah salinan rencana lain (kode rencana {}). Tambahkan --same-plan jika \
                 Anda yakin isinya rencana yang sama.",
                preview.source.file_name, preview.source.plan_uuid
            ),
        });
    }
    if a.dry_run {
        show(&preview)?;
        return Ok(ExitCode::SUCCESS);
    }
    if preview.open_conflicts > 0 {
        show(&preview)?;
        eprintln!(
            "Tidak ada yang diubah: {} perbedaan belum dipilih. Ulangi dengan --prefer ours \
             (pakai isi salinan ini) atau --prefer theirs (pakai isi rekan).",
            preview.open_conflicts
        );
        return Ok(ExitCode::from(CONFLICTS));
    }
    let result = ours.merge(&theirs, &choices, &mut |_| {})?;
    ours.close()?;
    if a.json {
        show(&preview)?;
    } else {
        print(&format!(
            "Digabungkan: {} perubahan, {} perbedaan dipilih, {} berkas disalin ({} byte).",
            result.changes, result.conflicts, result.files_copied, result.bytes_copied
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

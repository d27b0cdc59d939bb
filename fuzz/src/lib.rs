//! What every fuzz target does with the file(s) it was given: what the app and the command
//! line do on opening a plan, and a first edit. Any panic is a bug; an error is the expected
//! answer to a bad file.

use std::path::Path;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use renja_core::edit::Level;
use renja_core::report::{ReportKind, ReportRequest};
use renja_core::{Clock, FixedClock, OpenMode, Plan, TahapanId};

/// The first 8 bytes of a hot SQLite rollback journal.
pub const JOURNAL_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

/// 14 March 2025, 09:30 UTC: "late" and "this month" are judged on a fixed day, so a crash
/// reproduces.
fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock(
        Utc.with_ymd_and_hms(2025, 3, 14, 9, 30, 0)
            .single()
            .expect("a valid instant"),
    ))
}

/// `check_file`, then open read-only and for editing, and read (and in Edit mode change)
/// what the app reads on the way. `plan` lies in `dir`, a scratch folder.
pub fn exercise(dir: &Path, plan: &Path) {
    let _ = renja_core::check_file(plan);
    for mode in [OpenMode::ReadOnly, OpenMode::Edit] {
        let Ok(mut opened) = Plan::open(plan, mode, clock()) else {
            continue;
        };
        read(&opened, dir);
        if mode == OpenMode::Edit {
            edit(&mut opened);
        }
        let _ = opened.close();
    }
    // After editing (and a possible recovery or upgrade), the file must still be judged
    // without a panic.
    let _ = renja_core::check_file(plan);
}

fn read(plan: &Plan, dir: &Path) {
    let _ = plan.overview();
    let _ = plan.info();
    let _ = plan.dump();
    let _ = plan.team();
    let _ = plan.logo();
    let _ = plan.catatan_tahunan();
    if let Ok(grid) = plan.grid() {
        for row in grid
            .rows
            .iter()
            .filter(|r| r.level == Level::Tahapan)
            .take(20)
        {
            for bulan in 0..=13 {
                let _ = plan.realisasi(TahapanId(row.id), bulan);
            }
        }
    }
    if let Ok(bukti) = plan.bukti(None) {
        for file in bukti.iter().flat_map(|b| b.berkas.iter()).take(4) {
            let _ = plan.bukti_file_name(file.id);
            let _ = plan.export_bukti_file(file.id, &dir.join("keluar.bin"));
            let _ = plan.bukti_file_for_preview(file.id);
        }
    }
    for kind in [
        ReportKind::RencanaAksi,
        ReportKind::Bulanan,
        ReportKind::Bukti,
    ] {
        let mut request = ReportRequest::new(kind);
        request.bulan = Some(3);
        let _ = plan.report_data(&request);
    }
}

fn edit(plan: &mut Plan) {
    let Ok(grid) = plan.grid() else {
        return;
    };
    if let Some(row) = grid.rows.iter().find(|r| r.level == Level::Tahapan) {
        let _ = plan.rename_node(Level::Tahapan, row.id, "diuji");
        let _ = plan.set_bulan(TahapanId(row.id), 0b1010);
        let _ = plan.undo();
    }
    if let Ok(identity) = plan.identity() {
        let _ = plan.set_identity(&identity);
    }
}

/// What the app and `renja import` do with a table offered for import: read it as a
/// workbook or as text (and as pasted text), guess every sheet's mapping, build the preview,
/// and write a small result into a new plan in `dir`. Any panic is a bug; an error is the
/// expected answer to a bad table.
pub fn exercise_import(dir: &Path, data: &[u8]) {
    use renja_core::import;
    let mut sources = Vec::new();
    if let Ok(source) = import::read_bytes("fuzz.xlsx", data.to_vec()) {
        sources.push(source);
    }
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(source) = import::read_pasted(text)
    {
        sources.push(source);
    }
    for source in &sources {
        let _ = import::choose_sheet(source);
        for sheet in &source.sheets {
            let Some(mut mapping) = import::guess_mapping(sheet) else {
                continue;
            };
            for strip in [false, true] {
                mapping.hapus_penomoran = strip;
                let Ok(preview) = import::build(sheet, &mapping) else {
                    continue;
                };
                let _ = serde_json::to_string(&preview);
                if (1..=200).contains(&preview.counts.tahapan) {
                    let path = dir.join("impor.renjarb");
                    if let Ok(plan) = Plan::create_imported(&path, 2025, &preview, true, clock()) {
                        let _ = plan.close();
                    }
                }
            }
        }
    }
}

//! Progress while evidence files are added: what the progress bar of the bukti dialog is
//! driven by. `done` only grows, moves through every file in pieces, and ends at `total`, the
//! sizes of all the files of the request.

use renja_core::bukti::BuktiProgress;
use renja_core::edit::{Edit, Level};
use renja_core::{BuktiId, ErrorKind};

use crate::bukti::{input, plan, random_file};
use crate::common::{len, tempdir};

const MIB: usize = 1024 * 1024;

/// Every report `f` makes, in order.
fn reports(f: impl FnOnce(&mut dyn FnMut(BuktiProgress))) -> Vec<BuktiProgress> {
    let mut seen = Vec::new();
    f(&mut |p| seen.push(p));
    seen
}

/// `done` starts at 0 and grows with every report; `total` never changes.
fn assert_growing(seen: &[BuktiProgress], total: u64) {
    assert_eq!(seen.first().map(|p| p.done), Some(0), "{seen:?}");
    assert!(seen.iter().all(|p| p.total == total), "{seen:?}");
    assert!(
        seen.windows(2).all(|w| w[0].done < w[1].done),
        "done must only grow: {seen:?}"
    );
}

#[test]
fn adding_files_reports_growing_bytes_ending_at_their_total_size() {
    let dir = tempdir();
    let (mut plan, t) = plan(dir.path());
    let files = [
        random_file(dir.path(), "laporan.pdf", 5 * MIB + 123, 11),
        random_file(dir.path(), "foto.jpg", 3 * MIB, 12),
        random_file(dir.path(), "kecil.txt", 10, 13),
    ];
    let total: u64 = files.iter().map(|f| len(f)).sum();
    let mut id = BuktiId(0);
    let seen = reports(|report| {
        id = plan
            .add_bukti_reporting(t, &input("Laporan", 1), &[], &files, report)
            .expect("add");
    });
    assert_growing(&seen, total);
    assert_eq!(seen.last().map(|p| p.done), Some(total), "{seen:?}");
    // Every MiB-sized chunk of each of the three passes over 8 MiB is heard, not just the
    // ends of the files.
    assert!(seen.len() >= 24, "only {} reports: {seen:?}", seen.len());
    // The bar passes the end of the first file's share on its way, not in one jump.
    let first = len(&files[0]);
    assert!(
        seen.iter().any(|p| p.done > 0 && p.done < first),
        "{seen:?}"
    );
    let stored = plan.bukti(Some(t)).expect("list");
    let b = stored.iter().find(|b| b.id == id).expect("the new bukti");
    assert_eq!(b.berkas.len(), 3);
}

#[test]
fn attaching_through_an_edit_reports_and_a_stored_duplicate_counts_whole() {
    let dir = tempdir();
    let (mut plan, t) = plan(dir.path());
    let a = random_file(dir.path(), "a.pdf", 2 * MIB, 21);
    let id = plan
        .add_bukti(t, &input("A", 1), std::slice::from_ref(&a))
        .expect("a");
    // The same contents under another name are only hashed, then counted whole.
    let again = dir.path().join("a lagi.pdf");
    std::fs::copy(&a, &again).expect("copy");
    let b = random_file(dir.path(), "b.pdf", 2 * MIB, 22);
    let total = len(&again) + len(&b);
    let seen = reports(|report| {
        plan.apply_reporting(
            Edit::AddBuktiFiles {
                id,
                files: vec![again.clone(), b.clone()],
            },
            report,
        )
        .expect("attach");
    });
    assert_growing(&seen, total);
    assert_eq!(seen.last().map(|p| p.done), Some(total));
    assert!(
        seen.iter().any(|p| p.done == len(&again)),
        "the duplicate's share is counted when it is found: {seen:?}"
    );
    // Undo takes back the attach made with progress, as with any edit.
    plan.undo().expect("undo");
    let files = &plan.bukti(Some(t)).expect("list")[0].berkas;
    assert_eq!(files.len(), 1);
}

#[test]
fn other_edits_and_refused_requests_report_no_progress_past_what_was_stored() {
    let dir = tempdir();
    let (mut plan, t) = plan(dir.path());
    let seen = reports(|report| {
        plan.apply_reporting(
            Edit::RenameNode {
                level: Level::Tahapan,
                id: t.0,
                nama: "Tahapan baru".into(),
            },
            report,
        )
        .expect("rename");
    });
    assert!(seen.is_empty(), "{seen:?}");
    // A missing second file: the first one's bytes were heard, the request is refused as a
    // whole, and `done` never claimed the missing file.
    let a = random_file(dir.path(), "a.pdf", MIB, 31);
    let missing = dir.path().join("tidak-ada.pdf");
    let seen = reports(|report| {
        let e = plan
            .add_bukti_reporting(
                t,
                &input("A", 1),
                &[],
                &[a.clone(), missing.clone()],
                report,
            )
            .expect_err("missing");
        assert_eq!(e.kind(), ErrorKind::NotFound);
    });
    assert_growing(&seen, len(&a));
    assert_eq!(seen.last().map(|p| p.done), Some(len(&a)));
    assert!(plan.bukti(Some(t)).expect("list").is_empty());
}

//! Evidence and its files inside the plan file: dedup by SHA-256, chunked round trips,
//! limits, hostile names, undo, and the grid's counts and states.

use std::path::{Path, PathBuf};

use renja_core::bukti::{BuktiInput, Jenis, MAX_FILE_BYTES};
use renja_core::capaian::CellState;
use renja_core::edit::Level;
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::{BuktiId, Error, ErrorKind, NewPlan, OpenMode, Plan, TahapanId, Template};

use crate::common::{clock, len, sha256, tempdir};

pub(crate) fn plan(dir: &Path) -> (Plan, TahapanId) {
    let plan = Plan::create(
        &dir.join("r.renjarb"),
        NewPlan {
            template: Template::Seed,
            tahun: 2025,
        },
        false,
        clock(),
    )
    .expect("create");
    let t = plan
        .grid()
        .expect("grid")
        .rows
        .into_iter()
        .find(|r| r.level == Level::Tahapan)
        .expect("t")
        .id;
    (plan, TahapanId(t))
}

pub(crate) fn input(judul: &str, bulan: u16) -> BuktiInput {
    BuktiInput {
        judul: judul.into(),
        jenis: Jenis::Sk,
        nomor: "800/123/DISBUN".into(),
        tanggal: "2025-02-10".into(),
        keterangan: String::new(),
        bulan,
    }
}

/// A file of `size` pseudo-random bytes (deterministic per `seed`).
pub(crate) fn random_file(dir: &Path, name: &str, size: usize, seed: u64) -> PathBuf {
    let mut x = seed | 1;
    let bytes: Vec<u8> = (0..size)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn files_round_trip_byte_identical_through_chunks() {
    let dir = tempdir();
    let (mut plan, t) = plan(dir.path());
    let big = random_file(dir.path(), "laporan.pdf", 5 * 1024 * 1024 + 123, 1);
    let empty = dir.path().join("kosong.txt");
    std::fs::write(&empty, b"").expect("write");
    let id = plan
        .add_bukti(t, &input("SK Tim RB", 0b10), &[big.clone(), empty.clone()])
        .expect("add");
    let list = plan.bukti(Some(t)).expect("list");
    assert_eq!(list.len(), 1);
    let b = &list[0];
    assert_eq!(
        (b.id, b.judul.as_str(), b.jenis, b.bulan.clone()),
        (id, "SK Tim RB", Jenis::Sk, vec![2])
    );
    assert_eq!(b.berkas.len(), 2);
    assert_eq!(b.berkas[0].nama, "laporan.pdf");
    assert_eq!(b.berkas[0].mime, "application/pdf");
    assert_eq!(b.berkas[0].size, 5 * 1024 * 1024 + 123);
    assert_eq!(b.berkas[0].sha256, sha256(&big));
    assert_eq!(b.berkas[1].size, 0);

    let out = dir.path().join("keluar");
    std::fs::create_dir(&out).expect("mkdir");
    let dest = out.join("salinan.pdf");
    plan.export_bukti_file(b.berkas[0].id, &dest)
        .expect("export");
    assert_eq!(sha256(&dest), sha256(&big));
    let written = plan
        .export_bukti_file_into(b.berkas[1].id, &out)
        .expect("export empty");
    assert_eq!(len(&written), 0);
    // Survives closing and reopening.
    let path = plan.path().to_owned();
    plan.close().expect("close");
    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("reopen");
    let again = out.join("lagi.pdf");
    plan.export_bukti_file(b.berkas[0].id, &again)
        .expect("export again");
    assert_eq!(sha256(&again), sha256(&big));
    renja_core::check_file(&path).expect("full check");
}

#[test]
fn the_same_contents_are_stored_once() {
    let dir = tempdir();
    let (mut plan, t) = plan(dir.path());
    let a = random_file(dir.path(), "a.jpg", 3 * 1024 * 1024, 7);
    let b = dir.path().join("foto sama.jpg");
    std::fs::copy(&a, &b).expect("copy");
    plan.add_bukti(t, &input("Foto 1", 1), &[a]).expect("first");
    let after_first = len(plan.path());
    plan.add_bukti(t, &input("Foto 2", 1), &[b])
        .expect("second");
    let growth = len(plan.path()) - after_first;
    assert!(
        growth < 64 * 1024,
        "the second copy grew the plan by {growth} bytes"
    );
    let list = plan.bukti(Some(t)).expect("list");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].berkas[0].sha256, list[1].berkas[0].sha256);
}

#[test]
fn too_big_or_missing_files_are_refused_and_nothing_is_added() {
    let dir = tempdir();
    let (mut plan, t) = plan(dir.path());
    let huge = dir.path().join("video.mp4");
    std::fs::File::create(&huge)
        .expect("create")
        .set_len(MAX_FILE_BYTES + 1)
        .expect("sparse");
    let e = plan
        .add_bukti(t, &input("Video", 1), &[huge])
        .expect_err("too big");
    assert_eq!(e.kind(), ErrorKind::Invalid);
    assert!(e.message().contains("terlalu besar"), "{}", e.message());
    let e = plan
        .add_bukti(t, &input("Hilang", 1), &[dir.path().join("tidak-ada.pdf")])
        .expect_err("missing");
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let e = plan
        .add_bukti(t, &input("  ", 1), &[])
        .expect_err("no title");
    assert_eq!(e.kind(), ErrorKind::Invalid);
    let e = plan
        .add_bukti(
            t,
            &BuktiInput {
                tanggal: "2025-13-01".into(),
                ..input("x", 1)
            },
            &[],
        )
        .expect_err("date");
    assert_eq!(e.kind(), ErrorKind::Invalid);
    assert!(plan.bukti(None).expect("list").is_empty());
    assert_eq!(plan.undo_state().undo, None);
}

// Windows cannot create these names to attach them: `windows.rs` stores them in the plan.
#[cfg(unix)]
#[test]
fn hostile_names_are_kept_as_text_and_exported_safely() {
    let dir = tempdir();
    let (mut plan, t) = plan(dir.path());
    let names = [
        "CON.pdf",
        "laporan\u{1}akhir.pdf",
        &format!("{}.pdf", "n".repeat(200)),
    ];
    let files: Vec<PathBuf> = names
        .iter()
        .enumerate()
        .map(|(i, n)| random_file(dir.path(), n, 100 + i, i as u64 + 3))
        .collect();
    let id = plan
        .add_bukti(t, &input("<script>alert('x')</script>", 1), &files)
        .expect("add");
    let b = plan
        .bukti(Some(t))
        .expect("list")
        .into_iter()
        .find(|b| b.id == id)
        .expect("b");
    assert_eq!(b.judul, "<script>alert('x')</script>");
    assert_eq!(
        b.berkas.iter().map(|f| f.nama.as_str()).collect::<Vec<_>>(),
        names
    );
    let out = dir.path().join("ekspor");
    std::fs::create_dir(&out).expect("mkdir");
    for f in &b.berkas {
        let written = plan.export_bukti_file_into(f.id, &out).expect("export");
        assert_eq!(written.parent(), Some(out.as_path()));
        let name = written
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert!(
            name.chars().count() <= 120 && !name.chars().any(char::is_control),
            "{name}"
        );
        assert_ne!(name.to_ascii_uppercase(), "CON.PDF");
    }
    assert_eq!(std::fs::read_dir(&out).expect("list").count(), 3);
}

#[test]
fn evidence_edits_undo_and_redo() {
    let dir = tempdir();
    let (mut plan, t) = plan(dir.path());
    let f = random_file(dir.path(), "notulen.pdf", 200_000, 11);
    let id = plan
        .add_bukti(t, &input("Notulen rapat", 0b1), std::slice::from_ref(&f))
        .expect("add");
    assert_eq!(
        plan.undo_state().undo.as_deref(),
        Some("Tambah bukti dukung")
    );
    plan.undo().expect("undo");
    assert!(plan.bukti(None).expect("list").is_empty());
    plan.redo().expect("redo");
    let b = plan.bukti(Some(t)).expect("list").remove(0);
    let dest = dir.path().join("kembali.pdf");
    plan.export_bukti_file(b.berkas[0].id, &dest)
        .expect("export after redo");
    assert_eq!(sha256(&dest), sha256(&f));

    plan.update_bukti(
        id,
        &BuktiInput {
            jenis: Jenis::Notulen,
            ..input("Notulen rapat 1", 0b11)
        },
    )
    .expect("update");
    assert_eq!(plan.bukti(Some(t)).expect("l")[0].bulan, vec![1, 2]);
    plan.remove_bukti_file(b.berkas[0].id).expect("remove file");
    assert!(plan.bukti(Some(t)).expect("l")[0].berkas.is_empty());
    plan.undo().expect("undo remove");
    assert_eq!(plan.bukti(Some(t)).expect("l")[0].berkas.len(), 1);
    plan.delete_bukti(id).expect("delete");
    plan.undo().expect("undo delete");
    assert_eq!(plan.bukti(Some(t)).expect("l")[0].judul, "Notulen rapat 1");
    assert!(matches!(
        plan.delete_bukti(BuktiId(9999)),
        Err(Error::Missing { .. })
    ));
}

#[test]
fn evidence_turns_done_into_done_with_evidence() {
    let dir = tempdir();
    let (mut plan, t) = plan(dir.path());
    plan.set_bulan(t, 0b11).expect("schedule");
    let done = RealisasiInput {
        status: Status::Selesai,
        persen: 100,
        catatan: String::new(),
        kendala: String::new(),
        tindak_lanjut: String::new(),
    };
    plan.set_realisasi(t, 1, &done).expect("jan");
    plan.set_realisasi(t, 2, &done).expect("feb");
    let f = random_file(dir.path(), "daftar-hadir.pdf", 1000, 5);
    plan.add_bukti(t, &input("Daftar hadir", 0b01), &[f])
        .expect("evidence for january");
    let row = plan
        .grid()
        .expect("grid")
        .rows
        .into_iter()
        .find(|r| r.level == Level::Tahapan && r.id == t.0)
        .expect("row");
    assert_eq!(row.cells[0], CellState::Selesai);
    assert_eq!(row.cells[1], CellState::SelesaiTanpaBukti);
    assert_eq!(&row.bukti[..3], &[1, 0, 0]);
}

#[test]
fn read_only_plans_refuse_evidence() {
    let dir = tempdir();
    let (plan, t) = plan(dir.path());
    let path = plan.path().to_owned();
    plan.close().expect("close");
    let mut plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open");
    let f = random_file(dir.path(), "x.pdf", 10, 1);
    assert!(matches!(
        plan.add_bukti(t, &input("x", 1), &[f]),
        Err(Error::ReadOnly)
    ));
}

#[test]
fn only_pdfs_and_images_preview_and_only_documents_open_elsewhere() {
    let dir = tempdir();
    let (mut plan, t) = plan(dir.path());
    let pdf = random_file(dir.path(), "SK.pdf", 2000, 21);
    let png = random_file(dir.path(), "foto.png", 3000, 22);
    let bat = random_file(dir.path(), "jalankan.bat", 50, 23);
    let docm = random_file(dir.path(), "makro.docm", 60, 24);
    plan.add_bukti(t, &input("Campuran", 1), &[pdf.clone(), png, bat, docm])
        .expect("add");
    let files = plan.bukti(Some(t)).expect("list").remove(0).berkas;
    let flags: Vec<(bool, bool)> = files.iter().map(|f| (f.previewable, f.openable)).collect();
    assert_eq!(
        flags,
        [(true, true), (true, true), (false, false), (false, false)]
    );

    let (bytes, mime) = plan
        .bukti_file_for_preview(files[0].id)
        .expect("preview pdf");
    assert_eq!(
        (bytes, mime.as_str()),
        (std::fs::read(&pdf).expect("read"), "application/pdf")
    );
    let e = plan
        .bukti_file_for_preview(files[2].id)
        .expect_err("no preview of a script");
    assert_eq!(e.kind(), ErrorKind::Invalid);

    let out = dir.path().join("buka");
    std::fs::create_dir(&out).expect("mkdir");
    let opened = plan
        .export_for_opening(files[0].id, &out)
        .expect("a pdf may open");
    assert_eq!(sha256(&opened), sha256(&pdf));
    for f in &files[2..] {
        let e = plan
            .export_for_opening(f.id, &out)
            .expect_err("never opened");
        assert!(e.message().contains("demi keamanan"), "{}", e.message());
    }
    assert_eq!(
        std::fs::read_dir(&out).expect("list").count(),
        1,
        "nothing else was written"
    );
}

#[test]
fn contents_nothing_refers_to_are_dropped_on_close_not_before() {
    let dir = tempdir();
    let (mut plan, t) = plan(dir.path());
    let f = random_file(dir.path(), "lampiran.pdf", 300_000, 31);
    let id = plan.add_bukti(t, &input("Lampiran", 1), &[f]).expect("add");
    plan.delete_bukti(id).expect("delete");
    let path = plan.path().to_owned();
    let count = |p: &Path| -> i64 {
        let conn =
            rusqlite::Connection::open_with_flags(p, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .expect("open");
        conn.query_row("SELECT count(*) FROM berkas", [], |r| r.get(0))
            .expect("count")
    };
    // Undo could still bring the evidence back, so its contents stay while the plan is open.
    assert_eq!(count(&path), 1);
    plan.undo().expect("undo");
    plan.delete_bukti(id).expect("delete again");
    plan.close().expect("close");
    assert_eq!(count(&path), 0);
    renja_core::check_file(&path).expect("consistent");
}

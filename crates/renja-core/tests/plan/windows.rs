//! What Windows does differently with files, checked as a Windows program (cross-built and
//! run under wine by `scripts/test-windows`): drive letters and backslashes, the user's
//! Documents folder, OneDrive-style folder names, names Windows reserves for devices, files
//! that another program holds open while we replace them, the read-only attribute, and the
//! editing lock when the same plan is opened twice, also under another spelling of its path.

// Windows only: `set_readonly(false)` clears the read-only attribute, no Unix bits involved.
#![allow(clippy::permissions_set_readonly_false)]

use std::fs::{File, OpenOptions};
use std::os::windows::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use renja_core::report::{ReportFormat, ReportKind, ReportRequest};
use renja_core::{Error, ErrorKind, NewPlan, OpenMode, Plan, ReadOnlyReason, Template};

use crate::bukti::{input, plan as plan_with_tahapan};
use crate::common::{clock, list_dir, sha256, tempdir};

const FILE_SHARE_READ: u32 = 0x1;

fn create(path: &Path) -> Plan {
    Plan::create(
        path,
        NewPlan {
            template: Template::Seed,
            tahun: 2026,
        },
        false,
        clock(),
    )
    .unwrap_or_else(|e| panic!("create {}: {}", path.display(), e.message()))
}

fn rename_first_program(plan: &mut Plan, instansi: &str) {
    let mut identity = plan.identity().expect("identity");
    identity.instansi = instansi.into();
    plan.set_identity(&identity).expect("set identity");
}

/// Our temporaries (`….renja-tmp`, `-journal`) left in `dir`.
fn leftovers(dir: &Path) -> Vec<String> {
    list_dir(dir)
        .into_iter()
        .filter(|n| n.contains(".renja-tmp") || n.ends_with("-journal"))
        .collect()
}

/// `path` as another program holds it: opened for reading, sharing only `share`.
fn held_by_another_program(path: &Path, share: u32) -> File {
    OpenOptions::new()
        .read(true)
        .share_mode(share)
        .open(path)
        .unwrap_or_else(|e| panic!("hold {}: {e}", path.display()))
}

#[test]
fn a_plan_in_the_users_documents_folder_round_trips() {
    // C:\users\<name>\Documents\Renja RB\…, as the app proposes for a new plan.
    let profile = PathBuf::from(std::env::var_os("USERPROFILE").expect("USERPROFILE"));
    let dir = profile
        .join("Documents")
        .join("Renja RB")
        .join(format!("uji-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("documents folder");
    let path = dir.join("Rencana RB 2026.renjarb");
    let text = path.to_str().expect("text");
    assert!(
        text.as_bytes().get(1) == Some(&b':') && text.contains(r"\Documents\Renja RB\"),
        "{text}"
    );

    let mut plan = create(&path);
    rename_first_program(&mut plan, "Dinas Perkebunan");
    plan.close().expect("close");
    assert_eq!(list_dir(&dir), ["Rencana RB 2026.renjarb"]);

    // The same file reached with forward slashes, as some programs pass it.
    let slashed = PathBuf::from(text.replace('\\', "/"));
    let plan = Plan::open(&slashed, OpenMode::Edit, clock()).expect("open with slashes");
    assert_eq!(
        plan.identity().expect("identity").instansi,
        "Dinas Perkebunan"
    );
    assert_eq!(plan.read_only(), None);
    plan.close().expect("close");
    renja_core::check_file(&path).expect("full check");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn a_onedrive_folder_with_spaces_and_punctuation_holds_plan_reports_and_copies() {
    let root = tempdir();
    let dir = root
        .path()
        .join("OneDrive - Pemerintah Kabupaten Kutai Kartanegara")
        .join("Dokumen")
        .join("Renja RB (Tim RB) – Sekretariat");
    std::fs::create_dir_all(&dir).expect("folder");
    let path = dir.join("Rencana RB 2026 #2 (revisi 100%).renjarb");
    let plan = create(&path);

    let pdf = dir.join("Laporan Monev, Maret 2026.pdf");
    plan.write_report(
        &ReportRequest::new(ReportKind::RencanaAksi),
        ReportFormat::Xlsx,
        &dir.join("Rencana Aksi 2026.xlsx"),
    )
    .expect("xlsx");
    plan.write_report(
        &ReportRequest::new(ReportKind::RencanaAksi),
        ReportFormat::Pdf,
        &pdf,
    )
    .expect("pdf");
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
    let copy = dir.join("Salinan untuk Pokja 2 (final).renjarb");
    plan.save_copy(&copy).expect("copy");
    plan.close().expect("close");

    let copied = Plan::open(&copy, OpenMode::ReadOnly, clock()).expect("open the copy");
    assert_eq!(copied.info().expect("info").counts.tahapan, 106);
    copied.close().expect("close");
    assert_eq!(leftovers(&dir), Vec::<String>::new());
}

#[test]
fn a_plan_named_after_a_device_is_refused_and_nothing_is_written() {
    let dir = tempdir();
    for name in ["CON.renjarb", "nul.renjarb", "COM1.renjarb", "aux"] {
        let path = dir.path().join(name);
        let e = Plan::create(
            &path,
            NewPlan {
                template: Template::Seed,
                tahun: 2026,
            },
            false,
            clock(),
        )
        .map(drop)
        .expect_err(name);
        assert!(
            e.message().contains(name) && e.message().contains("perangkat"),
            "{name}: {}",
            e.message()
        );
        assert!(!e.message().contains("izin"), "{name}: {}", e.message());
        let e = Plan::open(&path, OpenMode::Edit, clock())
            .map(drop)
            .expect_err(name);
        assert!(e.message().contains("perangkat"), "{name}: {}", e.message());
    }
    assert_eq!(list_dir(dir.path()), Vec::<String>::new());
}

#[test]
fn evidence_named_after_a_device_is_saved_out_under_a_safe_name() {
    let dir = tempdir();
    let (mut plan, t) = plan_with_tahapan(dir.path());
    let a = dir.path().join("notulen.pdf");
    let b = dir.path().join("laporan.pdf");
    std::fs::write(&a, b"%PDF-1.4 notulen").expect("file");
    std::fs::write(&b, b"%PDF-1.4 laporan").expect("file");
    plan.add_bukti(t, &input("Notulen", 1), &[a, b])
        .expect("add");
    let path = plan.path().to_owned();
    plan.close().expect("close");
    // A colleague on Linux attached "CON.pdf" and "laporan<U+0001>akhir.pdf", names no
    // Windows folder can hold.
    rusqlite::Connection::open(&path)
        .and_then(|c| {
            c.execute(
                "UPDATE bukti_berkas SET nama = CASE id \
                 WHEN (SELECT min(id) FROM bukti_berkas) THEN 'CON.pdf' \
                 ELSE 'laporan' || char(1) || 'akhir.pdf' END",
                [],
            )
        })
        .expect("rename the stored files");

    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open");
    let berkas = plan.bukti(Some(t)).expect("list")[0].berkas.clone();
    assert_eq!(berkas[0].nama, "CON.pdf");
    assert_eq!(berkas[1].nama, "laporan\u{1}akhir.pdf");
    assert_eq!(
        plan.bukti_file_name(berkas[0].id).expect("name"),
        "CON_.pdf"
    );
    let out = dir.path().join("keluar");
    std::fs::create_dir(&out).expect("folder");
    for _ in 0..2 {
        let written = plan
            .export_bukti_file_into(berkas[0].id, &out)
            .expect("export");
        assert_eq!(std::fs::read(&written).expect("read"), b"%PDF-1.4 notulen");
    }
    let written = plan
        .export_bukti_file_into(berkas[1].id, &out)
        .expect("export");
    assert_eq!(std::fs::read(&written).expect("read"), b"%PDF-1.4 laporan");
    let names = list_dir(&out);
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(
        names.iter().filter(|n| n.starts_with("CON_")).count(),
        2,
        "{names:?}"
    );
    assert!(names.contains(&"laporan_akhir.pdf".to_owned()), "{names:?}");
    plan.close().expect("close");
}

#[test]
fn the_same_plan_opened_twice_for_editing_is_refused_under_any_spelling_of_its_path() {
    let dir = tempdir();
    let path = dir.path().join("Rencana RB 2026.renjarb");
    create(&path).close().expect("close");
    let text = path.to_str().expect("text").to_owned();

    let mut first = Plan::open(&path, OpenMode::Edit, clock()).expect("first editor");
    for other in [
        text.clone(),
        text.replace('\\', "/"),
        text.to_uppercase(),
        text.replace("Rencana RB 2026.renjarb", r".\Rencana RB 2026.renjarb"),
    ] {
        let e = Plan::open(Path::new(&other), OpenMode::Edit, clock())
            .map(drop)
            .expect_err(&other);
        assert!(matches!(e, Error::Locked { .. }), "{other}: {e:?}");
        assert_eq!(e.kind(), ErrorKind::Locked);
        // The lock file says who holds it, and Windows lets the second opener read that.
        let user = std::env::var("USERNAME").expect("USERNAME");
        assert!(
            e.message().contains("sedang dibuka") && e.message().contains(&user),
            "{}",
            e.message()
        );
    }

    // Reading beside the editor works and sees its committed edits.
    rename_first_program(&mut first, "Badan Kepegawaian");
    let reader = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("reader");
    assert_eq!(
        reader.identity().expect("identity").instansi,
        "Badan Kepegawaian"
    );
    reader.close().expect("close reader");

    first.close().expect("close");
    assert_eq!(list_dir(dir.path()), ["Rencana RB 2026.renjarb"]);
    Plan::open(&path, OpenMode::Edit, clock())
        .expect("free again")
        .close()
        .expect("close");
}

#[test]
fn a_report_open_in_another_program_is_replaced_only_when_that_program_allows_it() {
    let dir = tempdir();
    let plan = create(&dir.path().join("rencana.renjarb"));
    let dest = dir.path().join("Rencana Aksi.xlsx");
    let request = ReportRequest::new(ReportKind::RencanaAksi);
    std::fs::write(&dest, b"laporan lama").expect("old report");

    // Excel and most PDF viewers share only reading: the old file cannot be replaced.
    let viewer = held_by_another_program(&dest, FILE_SHARE_READ);
    let e = plan
        .write_report(&request, ReportFormat::Xlsx, &dest)
        .expect_err("held without delete sharing");
    assert!(
        e.message().contains("Rencana Aksi.xlsx") && e.message().contains("sedang dibuka"),
        "{}",
        e.message()
    );
    drop(viewer);
    assert_eq!(std::fs::read(&dest).expect("read"), b"laporan lama");
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());

    // Closed in the other program, the report is replaced on the next try. (Whether a holder
    // that shares deleting stands in the way depends on the Windows version: Windows 10 1709
    // and later replace it with POSIX rename semantics, wine does not. Not asserted.)
    plan.write_report(&request, ReportFormat::Xlsx, &dest)
        .expect("replaced");
    assert!(std::fs::read(&dest).expect("read").starts_with(b"PK"));
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    plan.close().expect("close");
}

#[test]
fn a_copy_is_not_saved_over_a_plan_that_is_open() {
    let dir = tempdir();
    let open_path = dir.path().join("dibuka.renjarb");
    let editor = create(&open_path);
    let before = sha256(&open_path);
    let other = create(&dir.path().join("lain.renjarb"));

    let e = other.save_copy(&open_path).expect_err("open elsewhere");
    assert!(e.message().contains("dibuka.renjarb"), "{}", e.message());
    assert_eq!(sha256(&open_path), before);
    // And a new plan does not replace it either.
    let e = Plan::create(
        &open_path,
        NewPlan {
            template: Template::Empty,
            tahun: 2027,
        },
        true,
        clock(),
    )
    .map(drop)
    .expect_err("being edited");
    assert_eq!(e.kind(), ErrorKind::Locked, "{}", e.message());
    assert_eq!(sha256(&open_path), before);

    // Under another spelling of its own path, the open plan is not its own copy's target.
    let upper = PathBuf::from(open_path.to_str().expect("text").to_uppercase());
    let e = editor.save_copy(&upper).expect_err("itself");
    assert!(e.message().contains("sedang dibuka"), "{}", e.message());
    editor.close().expect("close");
    other.close().expect("close");
    let mut left = leftovers(dir.path());
    left.sort();
    assert_eq!(left, Vec::<String>::new());
}

#[test]
fn a_file_with_the_read_only_attribute_opens_read_only_and_is_not_replaced() {
    let dir = tempdir();
    let path = dir.path().join("rencana.renjarb");
    create(&path).close().expect("close");
    let set_readonly = |p: &Path, on: bool| {
        let mut perms = std::fs::metadata(p).expect("metadata").permissions();
        perms.set_readonly(on);
        std::fs::set_permissions(p, perms).expect("attribute");
    };
    set_readonly(&path, true);
    let hash = sha256(&path);

    let mut plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    assert_eq!(plan.read_only(), Some(ReadOnlyReason::NotWritable));
    let e = plan
        .set_identity(&plan.identity().expect("identity"))
        .expect_err("read-only");
    assert_eq!(e.kind(), ErrorKind::ReadOnly);

    // A read-only report is not replaced, and says why.
    let dest = dir.path().join("Daftar Bukti.xlsx");
    std::fs::write(&dest, b"lama").expect("old");
    set_readonly(&dest, true);
    let e = plan
        .write_report(
            &ReportRequest::new(ReportKind::Bukti),
            ReportFormat::Xlsx,
            &dest,
        )
        .expect_err("read-only destination");
    assert!(e.message().contains("hanya-baca"), "{}", e.message());
    assert_eq!(std::fs::read(&dest).expect("read"), b"lama");
    plan.close().expect("close");

    assert_eq!(sha256(&path), hash);
    assert_eq!(
        list_dir(dir.path()),
        ["Daftar Bukti.xlsx", "rencana.renjarb"]
    );
    set_readonly(&path, false);
    set_readonly(&dest, false);
}

#[test]
fn a_folder_with_the_read_only_attribute_still_takes_edits() {
    // Explorer marks customised folders (Documents, OneDrive) read-only; it means nothing
    // for writing into them.
    let dir = tempdir();
    let folder = dir.path().join("Dokumen");
    std::fs::create_dir(&folder).expect("folder");
    let path = folder.join("rencana.renjarb");
    create(&path).close().expect("close");
    let mut perms = std::fs::metadata(&folder).expect("metadata").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&folder, perms.clone()).expect("attribute");

    let mut plan = Plan::open(&path, OpenMode::Edit, clock()).expect("open");
    assert_eq!(plan.read_only(), None);
    rename_first_program(&mut plan, "Inspektorat");
    plan.close().expect("close");

    perms.set_readonly(false);
    std::fs::set_permissions(&folder, perms).expect("attribute");
}

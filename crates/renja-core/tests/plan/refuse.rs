//! Files that are not plans, or not plans this build may open, are refused with the right
//! error, a clear Indonesian message naming the file, and are never changed or joined by a
//! journal.

use std::path::Path;

use renja_core::error::LooksLike;
use renja_core::{Error, ErrorKind, NewPlan, OpenMode, Plan, SCHEMA_VERSION, Template, check_file};

use crate::common::{clock, copy_fixture, len, list_dir, sha256, tempdir};
use crate::fixtures;

/// Every way of opening a file, each of which must refuse it.
fn attempts(path: &Path) -> [(&'static str, Error); 3] {
    [
        (
            "open for editing",
            Plan::open(path, OpenMode::Edit, clock()).expect_err("edit"),
        ),
        (
            "open read-only",
            Plan::open(path, OpenMode::ReadOnly, clock()).expect_err("read-only"),
        ),
        ("check_file", check_file(path).expect_err("check")),
    ]
}

/// Copy the bad fixture `name` into a fresh folder, try every way of opening it, run `verify`
/// on each error, and check the file and the folder are exactly as before.
fn refused(name: &str, verify: impl Fn(&Error, &Path)) {
    let dir = tempdir();
    let path = copy_fixture(name, dir.path());
    refused_at(name, dir.path(), &path, verify);
}

/// Like [`refused`], for a file already at `path` in the folder `dir`.
fn refused_at(name: &str, dir: &Path, path: &Path, verify: impl Fn(&Error, &Path)) {
    let file_name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let (hash, size, listing) = (sha256(path), len(path), list_dir(dir));

    for (how, err) in attempts(path) {
        assert_eq!(err.kind(), ErrorKind::BadFile, "{name}, {how}: {err:?}");
        let message = err.message();
        assert!(
            message.contains(&format!("\"{file_name}\"")),
            "{name}, {how}: {message}"
        );
        assert!(
            message.ends_with("Berkas tidak diubah."),
            "{name}, {how}: {message}"
        );
        let ipc = err.to_ipc();
        assert_eq!(
            (ipc.kind, ipc.message.as_str(), ipc.field),
            (ErrorKind::BadFile, &*message, None)
        );
        verify(&err, path);
        assert_eq!(sha256(path), hash, "{name} changed by {how}");
        assert_eq!(len(path), size, "{name} resized by {how}");
        assert_eq!(list_dir(dir), listing, "{name}: {how} left a file behind");
    }
}

fn not_a_plan(name: &str, want: LooksLike, wording: &str) {
    refused(name, |err, path| {
        match err {
            Error::NotAPlan {
                path: p,
                looks_like,
            } => {
                assert_eq!(p, path);
                assert_eq!(*looks_like, want, "{name}");
            }
            other => panic!("{name}: expected NotAPlan, got {other:?}"),
        }
        let message = err.message();
        assert!(
            message.contains("bukan berkas rencana Renja RB (.renjarb)"),
            "{message}"
        );
        assert!(message.contains(wording), "{name}: {message}");
    });
}

#[test]
fn empty_file() {
    refused(fixtures::EMPTY, |err, path| {
        assert!(
            matches!(err, Error::EmptyFile { path: p } if p == path),
            "{err:?}"
        );
        assert!(
            err.message().contains("kosong (0 bita)"),
            "{}",
            err.message()
        );
    });
}

#[test]
fn random_bytes() {
    not_a_plan(
        fixtures::RANDOM,
        LooksLike::Unknown,
        "isinya berkas jenis lain",
    );
}

#[test]
fn text_file() {
    not_a_plan(fixtures::TEXT, LooksLike::Text, "isinya sebuah berkas teks");
}

#[test]
fn html_page() {
    not_a_plan(
        fixtures::HTML,
        LooksLike::Html,
        "isinya sebuah halaman web (HTML)",
    );
}

#[test]
fn zip_archive() {
    not_a_plan(fixtures::ZIP, LooksLike::Zip, "isinya sebuah arsip ZIP");
}

#[test]
fn database_of_another_application() {
    refused(fixtures::FOREIGN, |err, path| {
        assert!(
            matches!(err, Error::ForeignDatabase { path: p } if p == path),
            "{err:?}"
        );
        assert!(
            err.message().contains("basis data milik aplikasi lain"),
            "{}",
            err.message()
        );
    });
}

#[test]
fn plan_from_a_newer_version() {
    refused(fixtures::NEWER, |err, path| {
        match err {
            Error::TooNew {
                path: p,
                found,
                supported,
            } => {
                assert_eq!(p, path);
                assert_eq!(*found, fixtures::NEWER_VERSION);
                assert_eq!(*supported, SCHEMA_VERSION);
            }
            other => panic!("expected TooNew, got {other:?}"),
        }
        let message = err.message();
        assert!(message.contains("versi yang lebih baru"), "{message}");
        assert!(
            message.contains(&format!("(format {})", fixtures::NEWER_VERSION)),
            "{message}"
        );
    });
}

#[test]
fn truncated_plan() {
    refused(fixtures::TRUNCATED, |err, path| {
        let head = std::fs::read(path).expect("read");
        let page_size = match u16::from_be_bytes([head[16], head[17]]) {
            1 => 65_536,
            n => u64::from(n),
        };
        let pages = u64::from(u32::from_be_bytes(
            head[28..32].try_into().expect("4 bytes"),
        ));
        let size = len(path);
        assert!(pages > 8, "the fixture plan had {pages} pages");
        assert_eq!(size % page_size, 0, "cut at a page boundary");
        assert_eq!(size, pages / 2 * page_size, "cut to half its pages");
        match err {
            Error::Truncated {
                path: p,
                expected,
                actual,
            } => {
                assert_eq!(p, path);
                assert_eq!(*expected, pages * page_size);
                assert_eq!(*actual, size);
            }
            other => panic!("expected Truncated, got {other:?}"),
        }
        let message = err.message();
        assert!(message.contains("terpotong"), "{message}");
        assert!(
            message.contains(&format!("ukurannya {size} bita")),
            "{message}"
        );
    });
}

/// A good seed plan at `dir/name`, closed.
fn good_plan(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    Plan::create(
        &path,
        NewPlan {
            template: Template::Seed,
            tahun: 2024,
        },
        false,
        clock(),
    )
    .expect("create")
    .close()
    .expect("close");
    path
}

fn corrupt(err: &Error, path: &Path) {
    assert!(
        matches!(err, Error::Corrupt { path: p, .. } if p == path),
        "{err:?}"
    );
    assert!(err.message().contains("rusak"), "{}", err.message());
}

#[test]
fn plan_with_a_damaged_page() {
    let dir = tempdir();
    let path = good_plan(dir.path(), "rusak.renjarb");
    let mut bytes = std::fs::read(&path).expect("read");
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let pages = bytes.len() / page_size;
    assert!(pages > 8, "{pages} pages");
    // Scribble over one page in the middle of the b-trees (the tahapan table's root, which
    // opening reads; the file's middle page may be `berkas`, which opening reads only through
    // its index, by design); the header stays intact.
    let root: i64 = rusqlite::Connection::open(&path)
        .and_then(|c| {
            c.query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'tahapan'",
                [],
                |r| r.get(0),
            )
        })
        .expect("tahapan root page");
    let middle = (root as usize - 1) * page_size;
    bytes[middle..middle + page_size].fill(0xA5);
    std::fs::write(&path, &bytes).expect("write");
    refused_at("a damaged plan", dir.path(), &path, corrupt);
}

#[test]
fn plan_in_wal_mode() {
    // Opening a WAL-mode file makes SQLite create -wal and -shm files beside it, even to read.
    let dir = tempdir();
    let path = good_plan(dir.path(), "wal.renjarb");
    let conn = rusqlite::Connection::open(&path).expect("open");
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .expect("journal_mode");
    assert_eq!(mode, "wal");
    conn.close().expect("close");
    assert_eq!(list_dir(dir.path()), ["wal.renjarb"]);
    let head = std::fs::read(&path).expect("read");
    assert_eq!((head[18], head[19]), (2, 2), "the header says WAL");
    refused_at("a WAL-mode plan", dir.path(), &path, corrupt);
}

#[test]
fn plan_with_schema_version_0() {
    let dir = tempdir();
    let path = good_plan(dir.path(), "nol.renjarb");
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.pragma_update(None, "user_version", 0)
        .expect("user_version");
    conn.close().expect("close");
    refused_at("a plan of schema 0", dir.path(), &path, corrupt);
}

#[test]
fn every_bad_fixture_is_covered() {
    let mut on_disk: Vec<String> = list_dir(&crate::common::fixture("bad"))
        .into_iter()
        .map(|n| format!("bad/{n}"))
        .collect();
    on_disk.sort();
    let mut known: Vec<String> = fixtures::BAD.iter().map(|s| (*s).to_owned()).collect();
    known.sort();
    assert_eq!(on_disk, known);
}

#[test]
fn missing_file_is_not_found() {
    let dir = tempdir();
    let path = dir.path().join("hilang.renjarb");
    for (how, err) in attempts(&path) {
        assert_eq!(err.kind(), ErrorKind::NotFound, "{how}: {err:?}");
        assert!(
            matches!(&err, Error::NotFound { path: p } if p == &path),
            "{how}: {err:?}"
        );
        let message = err.message();
        assert!(
            message.contains("\"hilang.renjarb\" tidak ditemukan"),
            "{how}: {message}"
        );
    }
    assert!(
        list_dir(dir.path()).is_empty(),
        "opening a missing file created one"
    );
}

#[test]
fn folder_is_refused() {
    let dir = tempdir();
    let folder = dir.path().join("folder.renjarb");
    std::fs::create_dir(&folder).expect("create folder");
    for (how, err) in attempts(&folder) {
        assert_eq!(err.kind(), ErrorKind::BadFile, "{how}: {err:?}");
        match &err {
            Error::NotAPlan { path, looks_like } => {
                assert_eq!(path, &folder);
                assert_eq!(*looks_like, LooksLike::Unknown);
            }
            other => panic!("{how}: expected NotAPlan, got {other:?}"),
        }
        assert!(
            err.message().contains("\"folder.renjarb\""),
            "{}",
            err.message()
        );
    }
    assert_eq!(list_dir(dir.path()), ["folder.renjarb"]);
    assert!(list_dir(&folder).is_empty());
}

//! The evidence package (ZIP): hostile names become safe paths in the right folders, every
//! file arrives byte-identical, the index lists everything, periods filter, and a failure
//! leaves nothing at the destination.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::Level;
use renja_core::report::{PaketProgress, PaketRequest, PaketSummary};
use renja_core::{Error, ErrorKind, NewPlan, OpenMode, Plan, TahapanId, Template};
use sha2::{Digest, Sha256};

use crate::common::{clock, list_dir, sha256, tempdir, xlsx_sheets};

/// Where a tahapan stands in the plan: its id and its numbers (program, kegiatan in the
/// program, tahapan in the kegiatan), as the Daftar Bukti Dukung numbers them.
#[derive(Clone, Copy)]
struct Tempat {
    id: TahapanId,
    program: u32,
    kegiatan: usize,
    tahapan: usize,
}

fn plan(dir: &Path) -> (Plan, Vec<Tempat>) {
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
    let (mut program, mut kegiatan, mut tahapan) = (0, 0, 0);
    let mut places = Vec::new();
    for row in plan.grid().expect("grid").rows {
        match row.level {
            Level::Program => (program, kegiatan) = (row.nomor, 0),
            Level::Kegiatan => (kegiatan, tahapan) = (kegiatan + 1, 0),
            Level::Tahapan => {
                tahapan += 1;
                places.push(Tempat {
                    id: TahapanId(row.id),
                    program,
                    kegiatan,
                    tahapan,
                });
            }
            _ => {}
        }
    }
    (plan, places)
}

fn at(places: &[Tempat], program: u32, kegiatan: usize) -> Tempat {
    *places
        .iter()
        .find(|t| t.program == program && t.kegiatan == kegiatan)
        .expect("tahapan")
}

fn input(judul: &str, tanggal: &str, bulan: u16) -> BuktiInput {
    BuktiInput {
        judul: judul.into(),
        jenis: Jenis::Laporan,
        nomor: "800/12/DISBUN/2025".into(),
        tanggal: tanggal.into(),
        keterangan: String::new(),
        bulan,
    }
}

/// A file of `size` distinct pseudo-random bytes.
fn file(dir: &Path, name: &str, size: usize, seed: u64) -> PathBuf {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
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

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Export with `request` into `dest`, recording progress.
fn export(
    plan: &Plan,
    request: &PaketRequest,
    dest: &Path,
) -> (Result<PaketSummary, Error>, Vec<PaketProgress>) {
    let mut calls = Vec::new();
    let result = plan.export_bukti_package(request, dest, &mut |p| calls.push(p));
    (result, calls)
}

/// Every entry of a ZIP: name → (is a folder, stored uncompressed, contents).
fn entries(zip: &Path) -> BTreeMap<String, (bool, bool, Vec<u8>)> {
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(zip).expect("open zip")).expect("read zip");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).expect("entry");
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).expect("read entry");
            let stored = f.compression() == zip::CompressionMethod::Stored;
            (
                f.name().expect("a UTF-8 name").into_owned(),
                (f.is_dir(), stored, bytes),
            )
        })
        .collect()
}

/// The text of the shared strings of an XLSX, unescaped.
fn xlsx_strings(xlsx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("xlsx is a zip");
    let mut xml = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .expect("shared strings")
        .read_to_string(&mut xml)
        .expect("read");
    xml.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Give the file stored as `from` the name `to`, as a colleague's plan might hold it (a name
/// no file system would let us create).
fn rename_stored(plan: &Path, renames: &[(&str, &str)]) {
    let conn = rusqlite::Connection::open(plan).expect("open");
    for (from, to) in renames {
        let n = conn
            .execute(
                "UPDATE bukti_berkas SET nama = ?1 WHERE nama = ?2",
                [to, from],
            )
            .expect("rename");
        assert_eq!(n, 1, "{from}");
    }
}

const HOSTILE: [&str; 11] = [
    "../../etc/passwd",
    "CON.pdf",
    "..\\..\\Windows\\win.ini",
    "C:\\Users\\tim\\SK.pdf",
    "a:b\\c<d>e|f?.pdf",
    "laporan\u{1}\u{7}\u{1b}akhir\n.pdf",
    "/etc/shadow",
    "Notulen.pdf",
    "Notulen.pdf",
    "NOTULEN.PDF",
    "laporan\u{202E}fdp.exe",
];

#[test]
fn hostile_names_become_safe_paths_in_their_folders_with_an_index() {
    let dir = tempdir();
    let (mut plan, places) = plan(dir.path());
    let (t1, t2, t3) = (at(&places, 1, 1), at(&places, 1, 2), at(&places, 3, 1));
    // As long as a stored name may be (limits::MAX_NAMA_BERKAS), longer than a ZIP path keeps.
    let long = format!("{}.pdf", "panjang ".repeat(31));
    let names: Vec<String> = HOSTILE
        .iter()
        .map(|s| (*s).to_owned())
        .chain([long])
        .collect();
    let files: Vec<PathBuf> = (0..names.len())
        .map(|i| file(dir.path(), &format!("f{i}.pdf"), 1000 + i * 37, i as u64))
        .collect();
    let shared = file(dir.path(), "sama.jpg", 3000, 99);
    plan.add_bukti(
        t1.id,
        &input("Laporan berkas aneh", "2025-03-05", 1 << 2),
        &files,
    )
    .expect("add");
    plan.add_bukti(
        t2.id,
        &input(
            "<script>alert('x')</script> & \"kutip\"",
            "2025-06-01",
            1 << 5,
        ),
        &[file(dir.path(), "SK Tim.pdf", 5000, 50), shared.clone()],
    )
    .expect("add");
    plan.add_bukti(
        t3.id,
        &input("Foto kegiatan", "2025-01-20", 0b11),
        &[shared],
    )
    .expect("add");
    plan.add_bukti(
        t3.id,
        &input("Undangan tanpa berkas", "2025-02-01", 0b10),
        &[],
    )
    .expect("add");
    let path = plan.path().to_owned();
    plan.close().expect("close");
    let renames: Vec<(String, &str)> = (0..names.len())
        .map(|i| (format!("f{i}.pdf"), names[i].as_str()))
        .collect();
    let renames: Vec<(&str, &str)> = renames.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    rename_stored(&path, &renames);

    // A colleague's plan, opened read-only, is only read.
    let before = sha256(&path);
    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open read-only");
    let out = dir.path().join("keluar");
    std::fs::create_dir(&out).expect("mkdir");
    let dest = out.join("Paket Bukti Dukung.zip");
    let (summary, progress) = export(&plan, &PaketRequest::default(), &dest);
    let summary = summary.expect("export");
    assert_eq!((summary.bukti, summary.berkas), (4, 15));
    assert_eq!(summary.bytes, std::fs::metadata(&dest).expect("zip").len());
    assert_eq!(list_dir(&out), ["Paket Bukti Dukung.zip"]);
    assert_eq!(sha256(&path), before);

    let all = entries(&dest);
    let mut lower = std::collections::HashSet::new();
    for name in all.keys() {
        let trimmed = name.trim_end_matches('/');
        assert!(!name.starts_with('/') && !name.contains('\\'), "{name:?}");
        assert!(
            !name.contains(':') && !name.chars().any(char::is_control),
            "{name:?}"
        );
        assert!(!name.contains('\u{202E}'), "{name:?}");
        for part in trimmed.split('/') {
            assert!(!part.is_empty() && part != "." && part != "..", "{name:?}");
            assert!(!part.ends_with(['.', ' ']), "{name:?}");
            assert!(part.chars().count() <= 80, "{name:?}");
        }
        assert!(lower.insert(trimmed.to_lowercase()), "twice: {name:?}");
    }
    let roots: Vec<&str> = all
        .keys()
        .filter(|n| !n.trim_end_matches('/').contains('/'))
        .map(String::as_str)
        .collect();
    assert_eq!(
        roots,
        [
            "01 Manajemen Perubahan/",
            "03 Penataan dan Penguatan Organisasi/",
            "Daftar Bukti Dukung.html",
            "Daftar Bukti Dukung.xlsx"
        ]
    );

    // Every file of every piece of evidence is in its kegiatan's folder under its number,
    // stored as it is, with the SHA-256 recorded in the plan.
    let folder = |t: Tempat| format!("{:02} ", t.program);
    let sub = |t: Tempat| format!("{}.{:02} ", t.program, t.kegiatan);
    let nomor = |t: Tempat, i: usize| format!("{}.{}.{}.{i} ", t.program, t.kegiatan, t.tahapan);
    let mut expected: Vec<(String, String, String, String)> = Vec::new();
    for (t, list) in [(t1, vec![1]), (t2, vec![1]), (t3, vec![1, 2])] {
        let mut bukti = plan.bukti(Some(t.id)).expect("list");
        bukti.sort_by(|a, b| a.tanggal.cmp(&b.tanggal));
        for i in list {
            for f in &bukti[i - 1].berkas {
                expected.push((folder(t), sub(t), nomor(t, i), f.sha256.clone()));
            }
        }
    }
    let mut found = Vec::new();
    for (name, (is_dir, stored, bytes)) in &all {
        let parts: Vec<&str> = name.split('/').collect();
        if *is_dir || parts.len() == 1 {
            continue;
        }
        assert_eq!(parts.len(), 3, "{name}");
        assert!(*stored, "compressed: {name}");
        let prefix = |s: &str| s[..s.find(' ').expect("numbered") + 1].to_owned();
        assert!(parts[1].starts_with(&prefix(parts[0]).trim_start_matches('0').replace(' ', ".")));
        found.push((
            prefix(parts[0]),
            prefix(parts[1]),
            prefix(parts[2]),
            hex(bytes),
        ));
    }
    expected.sort();
    found.sort();
    assert_eq!(found, expected);

    let nomor1 = nomor(t1, 1);
    let dir1 = all
        .keys()
        .find(|n| n.starts_with(&folder(t1)) && n.contains(&format!("/{}", sub(t1))))
        .map(|n| n[..n.rfind('/').expect("file")].to_owned())
        .expect("kegiatan folder");
    for name in [
        "passwd",
        "CON_.pdf",
        "win.ini",
        "SK.pdf",
        "c_d_e_f_.pdf",
        "laporan___akhir_.pdf",
        "shadow",
        "Notulen.pdf",
        "Notulen (2).pdf",
        "NOTULEN (3).PDF",
        "laporan_fdp.exe",
    ] {
        let path = format!("{dir1}/{nomor1}{name}");
        assert!(all.contains_key(&path), "{path} in {:#?}", all.keys());
    }
    let long_entry = all
        .keys()
        .find(|n| n.contains(&format!("{nomor1}panjang")))
        .expect("long name");
    assert!(
        long_entry.ends_with(".pdf") && long_entry.len() < 200,
        "{long_entry}"
    );

    // The index: the workbook and the page list every file and its hash.
    let files: Vec<&String> = all
        .iter()
        .filter(|(n, (d, _, _))| !d && n.contains('/'))
        .map(|(n, _)| n)
        .collect();
    let strings = xlsx_strings(&all["Daftar Bukti Dukung.xlsx"].2);
    let html = String::from_utf8(all["Daftar Bukti Dukung.html"].2.clone()).expect("utf-8");
    for name in &files {
        assert!(strings.contains(name.as_str()), "xlsx lacks {name}");
        let href: String = name
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                    char::from(b).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect();
        assert!(
            html.contains(&format!("href=\"{href}\"")),
            "html lacks {href}"
        );
        assert!(html.contains(&hex(&all[name.as_str()].2)));
        assert!(strings.contains(&hex(&all[name.as_str()].2)));
    }
    assert!(strings.contains("Undangan tanpa berkas") && html.contains("Undangan tanpa berkas"));
    assert!(strings.contains("<script>alert('x')</script> & \"kutip\""));
    assert!(!html.to_lowercase().contains("<script"), "unescaped script");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;kutip&quot;")
    );
    assert!(!html.contains("http:") && !html.contains("https:") && !html.contains("//"));

    // Progress: from 0 to every byte of evidence, never backwards.
    assert!(!expected.is_empty());
    let bytes: u64 = files.iter().map(|n| all[n.as_str()].2.len() as u64).sum();
    assert_eq!(progress.first().map(|p| p.done), Some(0));
    assert_eq!(
        progress.last().copied(),
        Some(PaketProgress {
            done: bytes,
            total: bytes
        })
    );
    assert!(progress.windows(2).all(|w| w[0].done <= w[1].done));
}

/// The file names (last path component) of the evidence in a package, sorted.
fn file_names(zip: &Path) -> Vec<String> {
    let mut names: Vec<String> = entries(zip)
        .into_iter()
        .filter(|(n, (d, _, _))| !d && n.contains('/'))
        .map(|(n, _)| n[n.rfind('/').expect("in a folder") + 1..].to_owned())
        .collect();
    names.sort();
    names
}

fn request(bulan: Option<u8>, triwulan: Option<u8>, program: Option<u32>) -> PaketRequest {
    PaketRequest {
        bulan,
        triwulan,
        program,
    }
}

#[test]
fn a_period_or_a_program_keeps_only_its_evidence_under_the_same_numbers() {
    let dir = tempdir();
    let (mut plan, places) = plan(dir.path());
    let (t1, t2, t3) = (at(&places, 1, 1), at(&places, 1, 2), at(&places, 3, 1));
    let add = |plan: &mut Plan, t: Tempat, judul: &str, tanggal: &str, bulan: u16, seed| {
        let f = file(dir.path(), &format!("{judul}.pdf"), 2000, seed);
        plan.add_bukti(t.id, &input(judul, tanggal, bulan), &[f])
            .expect("add");
    };
    add(&mut plan, t1, "Januari", "2025-01-10", 1, 1);
    add(&mut plan, t1, "Maret", "2025-03-10", 1 << 2, 2);
    add(&mut plan, t2, "April-Mei", "2025-04-10", 0b11 << 3, 3);
    add(&mut plan, t3, "Juni", "2025-06-10", 1 << 5, 4);
    add(&mut plan, t3, "Tanpa bulan", "2025-07-10", 0, 5);
    let n1 = |i| format!("{}.{}.{}.{i}", t1.program, t1.kegiatan, t1.tahapan);
    let n2 = format!("{}.{}.{}.1", t2.program, t2.kegiatan, t2.tahapan);
    let n3 = |i| format!("{}.{}.{}.{i}", t3.program, t3.kegiatan, t3.tahapan);
    let dest = dir.path().join("paket.zip");
    for (req, want) in [
        (request(None, None, None), 5),
        (request(Some(3), None, None), 1),
        (request(None, Some(2), None), 2),
        (request(None, None, Some(3)), 2),
        (request(None, Some(1), Some(1)), 2),
    ] {
        let (summary, _) = export(&plan, &req, &dest);
        assert_eq!(summary.expect("export").bukti, want, "{req:?}");
    }
    // Numbers are those of the whole year's list, so a month's package matches it.
    let (summary, _) = export(&plan, &request(Some(3), None, None), &dest);
    summary.expect("march");
    assert_eq!(file_names(&dest), [format!("{} Maret.pdf", n1(2))]);
    export(&plan, &request(None, Some(2), None), &dest)
        .0
        .expect("tw2");
    assert_eq!(
        file_names(&dest),
        [format!("{n2} April-Mei.pdf"), format!("{} Juni.pdf", n3(1))]
    );
    export(&plan, &request(None, None, Some(3)), &dest)
        .0
        .expect("program 3");
    assert_eq!(
        file_names(&dest),
        [
            format!("{} Juni.pdf", n3(1)),
            format!("{} Tanpa bulan.pdf", n3(2))
        ]
    );
    let html =
        String::from_utf8(entries(&dest)["Daftar Bukti Dukung.html"].2.clone()).expect("utf-8");
    assert!(html.contains("Program 3. Penataan dan Penguatan Organisasi"));

    // Nothing for the period: a clear refusal, and the last package is left as it was.
    let before = sha256(&dest);
    let (e, calls) = export(&plan, &request(Some(12), None, Some(1)), &dest);
    let e = e.expect_err("nothing in December");
    assert!(
        e.message()
            .starts_with("Belum ada bukti dukung untuk periode Desember 2025 pada Program 1."),
        "{}",
        e.message()
    );
    assert!(calls.is_empty());
    assert_eq!(sha256(&dest), before);

    for (req, words) in [
        (request(Some(0), None, None), "Bulan harus antara"),
        (request(Some(13), None, None), "Bulan harus antara"),
        (request(None, Some(5), None), "Triwulan harus antara"),
        (request(Some(1), Some(1), None), "bulan atau triwulan saja"),
        (request(None, None, Some(99)), "Program nomor 99 tidak ada"),
    ] {
        let other = dir.path().join("tidak.zip");
        let e = export(&plan, &req, &other).0.expect_err("refused");
        assert_eq!(e.kind(), ErrorKind::Invalid, "{req:?}");
        assert!(e.message().contains(words), "{}", e.message());
        assert!(!other.exists());
    }
}

#[test]
fn a_plan_without_evidence_gets_no_package() {
    let dir = tempdir();
    let (plan, _) = plan(dir.path());
    let dest = dir.path().join("paket.zip");
    let e = export(&plan, &PaketRequest::default(), &dest)
        .0
        .expect_err("no evidence");
    assert!(
        e.message()
            .starts_with("Belum ada bukti dukung dalam rencana ini"),
        "{}",
        e.message()
    );
    assert_eq!(list_dir(dir.path()), [".~lock.r.renjarb#", "r.renjarb"]);
}

#[test]
fn a_failed_export_leaves_nothing_behind() {
    let dir = tempdir();
    let (mut plan, places) = plan(dir.path());
    let t = at(&places, 1, 1);
    let good = file(dir.path(), "baik.pdf", 3 * 1024 * 1024, 7);
    let bad = file(dir.path(), "rusak.pdf", 2 * 1024 * 1024 + 5, 8);
    plan.add_bukti(t.id, &input("SK", "2025-02-01", 2), &[good, bad.clone()])
        .expect("add");

    // The folder is missing.
    let missing = dir.path().join("tidak-ada").join("paket.zip");
    let e = export(&plan, &PaketRequest::default(), &missing)
        .0
        .expect_err("no folder");
    assert!(matches!(e, Error::FolderMissing { .. }), "{e:?}");
    assert!(e.message().contains("tidak ada"), "{}", e.message());
    assert!(!missing.parent().expect("parent").exists());

    // The destination is the open plan itself.
    let path = plan.path().to_owned();
    let before = sha256(&path);
    let e = export(&plan, &PaketRequest::default(), &path)
        .0
        .expect_err("over the plan");
    assert!(
        e.message().contains("menimpa berkas rencana"),
        "{}",
        e.message()
    );
    assert_eq!(sha256(&path), before);

    // A stored file whose bytes no longer match its SHA-256 (a damaged plan).
    plan.close().expect("close");
    let stored = sha256(&bad);
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        let mut blob = conn
            .blob_open(
                "main",
                "berkas",
                "data",
                conn.query_row("SELECT id FROM berkas WHERE sha256 = ?1", [&stored], |r| {
                    r.get(0)
                })
                .expect("row"),
                false,
            )
            .expect("blob");
        use std::io::{Seek, SeekFrom, Write};
        blob.seek(SeekFrom::Start(1024 * 1024 + 3)).expect("seek");
        blob.write_all(b"rusak").expect("damage");
    }
    let plan = Plan::open(&path, OpenMode::ReadOnly, clock()).expect("open");
    let out = dir.path().join("keluar");
    std::fs::create_dir(&out).expect("mkdir");
    let dest = out.join("paket.zip");
    let (e, progress) = export(&plan, &PaketRequest::default(), &dest);
    let e = e.expect_err("damaged");
    assert!(e.message().contains("\"rusak.pdf\""), "{}", e.message());
    assert!(e.message().contains("tidak cocok"), "{}", e.message());
    assert!(progress.len() >= 2, "copying had begun: {progress:?}");
    assert!(list_dir(&out).is_empty(), "{:?}", list_dir(&out));
}

/// `%XX` escapes decoded (as UTF-8).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).expect("escape"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("utf-8")
}

/// Issue 16, defect 6: the index workbook held its paths as plain text and its dates as
/// text. Each path is now a link relative to the index in the package's root, so a click
/// in the extracted package opens the file, and each date is a date.
#[test]
fn the_index_workbook_links_every_file_in_the_package_and_holds_real_dates() {
    let dir = tempdir();
    let (mut plan, places) = plan(dir.path());
    let t1 = at(&places, 1, 1);
    let names = [
        "Notulen rapat #2 (100%).pdf",
        "Foto kegiatan é [1].jpg",
        "SK.pdf",
    ];
    let files: Vec<PathBuf> = (0..names.len())
        .map(|i| file(dir.path(), names[i], 500 + i, i as u64))
        .collect();
    plan.add_bukti(t1.id, &input("Notulen", "2025-03-05", 1 << 2), &files)
        .expect("add");
    plan.add_bukti(t1.id, &input("Undangan", "2025-02-01", 0b10), &[])
        .expect("add");
    let dest = dir.path().join("paket.zip");
    export(&plan, &PaketRequest::default(), &dest)
        .0
        .expect("export");
    let all = entries(&dest);
    let index = dir.path().join("Daftar Bukti Dukung.xlsx");
    std::fs::write(&index, &all["Daftar Bukti Dukung.xlsx"].2).expect("write");
    let sheets = xlsx_sheets(&index);
    let sheet = &sheets[0];
    assert_eq!(sheet["cells"]["J1"], "Berkas dalam Paket");
    assert_eq!(sheet["cells"]["H1"], "Tanggal");

    let mut linked = Vec::new();
    for row in 2..=sheet["max_row"].as_u64().expect("rows") {
        let path = sheet["cells"][format!("J{row}")].as_str().expect("path");
        match sheet["hyperlinks"].get(format!("J{row}")) {
            Some(link) => {
                let target = link["target"].as_str().expect("target");
                assert!(
                    !target.contains(':') && !target.starts_with('/'),
                    "relative: {target}"
                );
                assert_eq!(percent_decode(target), path, "{target}");
                let (is_dir, _, _) = &all[path];
                assert!(!is_dir, "{path} is a file of the package");
                linked.push(path.rsplit('/').next().expect("name").to_owned());
            }
            None => assert_eq!(path, "(tanpa berkas)"),
        }
        let date = format!("H{row}");
        assert_eq!(sheet["types"][&date], "d", "{date} is a date");
        assert_eq!(sheet["formats"][&date], "[$-421]d mmmm yyyy");
    }
    linked.sort();
    assert_eq!(
        linked,
        [
            "1.1.1.2 Foto kegiatan é [1].jpg",
            "1.1.1.2 Notulen rapat #2 (100%).pdf",
            "1.1.1.2 SK.pdf"
        ]
    );
    assert_eq!(sheet["cells"]["H2"], "2025-02-01 00:00:00", "oldest first");
    // The sheet about the package says where the links work.
    let about = sheets[1]["cells"]
        .as_object()
        .expect("cells")
        .values()
        .filter_map(|v| v.as_str())
        .any(|s| s.contains("sudah diekstrak"));
    assert!(about);
}

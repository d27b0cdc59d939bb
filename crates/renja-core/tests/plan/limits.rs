//! The limits on what users type or bring (see `renja_core::limits`): a value at the limit is
//! kept, one character more is refused naming the field and leaves the file as it was; the
//! logo is judged by its headers before any pixel is decoded; evidence counts are capped; and
//! a bad logo inside a received file never makes a report print typst's debug text.

use std::path::{Path, PathBuf};
use std::process::Command;

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::Level;
use renja_core::limits::{self, MAX_BERKAS_PER_BUKTI, MAX_BUKTI_PER_TAHAPAN};
use renja_core::model::{CatatanTahunan, Peran, PlanIdentity};
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::report::{ReportKind, ReportRequest};
use renja_core::{
    AnggotaInput, Error, ErrorKind, NewPlan, OpenMode, Plan, Result, TahapanId, Template,
};

use crate::common::{clock, fixture, sha256, tempdir};

fn plan(dir: &Path) -> (Plan, PathBuf, TahapanId) {
    let path = dir.join("batas.renjarb");
    let plan = Plan::create(
        &path,
        NewPlan {
            template: Template::Seed,
            tahun: 2025,
        },
        false,
        clock(),
    )
    .expect("create");
    let t = first(&plan, Level::Tahapan);
    (plan, path, TahapanId(t))
}

fn first(plan: &Plan, level: Level) -> i64 {
    let grid = plan.grid().expect("grid");
    grid.rows
        .iter()
        .find(|r| r.level == level)
        .expect("a row")
        .id
}

fn tahapan_row(plan: &Plan, id: TahapanId) -> renja_core::grid::GridRow {
    let grid = plan.grid().expect("grid");
    grid.rows
        .into_iter()
        .find(|r| r.level == Level::Tahapan && r.id == id.0)
        .expect("tahapan row")
}

fn bukti(judul: &str) -> BuktiInput {
    BuktiInput {
        judul: judul.into(),
        jenis: Jenis::Laporan,
        nomor: String::new(),
        tanggal: String::new(),
        keterangan: String::new(),
        bulan: 0,
    }
}

fn realisasi(catatan: &str, tindak_lanjut: &str) -> RealisasiInput {
    RealisasiInput {
        status: Status::DalamProses,
        persen: 50,
        catatan: catatan.into(),
        kendala: String::new(),
        tindak_lanjut: tindak_lanjut.into(),
    }
}

fn anggota(jabatan: &str) -> AnggotaInput {
    AnggotaInput {
        nama: "Siti Rahmawati".into(),
        nip: String::new(),
        jabatan: jabatan.into(),
        peran: Peran::AnggotaPokja,
        pokja: "Pokja Manajemen Perubahan".into(),
    }
}

fn field(e: &Error) -> &'static str {
    assert_eq!(e.kind(), ErrorKind::Invalid, "{e}");
    match e {
        Error::Invalid { field, .. } => field,
        _ => unreachable!(),
    }
}

/// A field the user types into: how to set it and read it back.
struct Case {
    field: &'static str,
    label: &'static str,
    max: usize,
    set: fn(&mut Plan, TahapanId, &str) -> Result<()>,
    get: fn(&Plan, TahapanId) -> String,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            field: "nama",
            label: "Uraian tahapan",
            max: limits::MAX_NAMA,
            set: |p, t, v| p.rename_node(Level::Tahapan, t.0, v),
            get: |p, t| tahapan_row(p, t).nama,
        },
        Case {
            field: "nama",
            label: "Nama program",
            max: limits::MAX_NAMA,
            set: |p, _, v| p.rename_node(Level::Program, first(p, Level::Program), v),
            get: |p, _| {
                let id = first(p, Level::Program);
                let grid = p.grid().expect("grid");
                grid.rows
                    .into_iter()
                    .find(|r| r.id == id)
                    .expect("program")
                    .nama
            },
        },
        Case {
            field: "kriteria",
            label: "Kriteria keberhasilan",
            max: limits::MAX_KRITERIA,
            set: |p, t, v| p.set_kriteria(t, v),
            get: |p, t| tahapan_row(p, t).kriteria,
        },
        Case {
            field: "penanggung_jawab",
            label: "Penanggung jawab",
            max: limits::MAX_PENANGGUNG_JAWAB,
            set: |p, t, v| p.set_penanggung_jawab(t, v),
            get: |p, t| tahapan_row(p, t).penanggung_jawab,
        },
        Case {
            field: "instansi",
            label: "Instansi",
            max: limits::MAX_IDENTITAS,
            set: |p, _, v| {
                let id = PlanIdentity {
                    instansi: v.into(),
                    ..p.identity()?
                };
                p.set_identity(&id).map(|_| ())
            },
            get: |p, _| p.identity().expect("identity").instansi,
        },
        Case {
            field: "alamat",
            label: "Alamat",
            max: limits::MAX_ALAMAT,
            set: |p, _, v| {
                let id = PlanIdentity {
                    alamat: v.into(),
                    ..p.identity()?
                };
                p.set_identity(&id).map(|_| ())
            },
            get: |p, _| p.identity().expect("identity").alamat,
        },
        Case {
            field: "catatan",
            label: "Catatan",
            max: limits::MAX_CATATAN,
            set: |p, t, v| p.set_realisasi(t, 3, &realisasi(v, "")),
            get: |p, t| p.realisasi(t, 3).expect("read").expect("stored").catatan,
        },
        Case {
            field: "tindak_lanjut",
            label: "Tindak lanjut",
            max: limits::MAX_CATATAN,
            set: |p, t, v| p.set_realisasi(t, 4, &realisasi("", v)),
            get: |p, t| {
                let r = p.realisasi(t, 4).expect("read").expect("stored");
                r.tindak_lanjut
            },
        },
        Case {
            field: "judul",
            label: "Judul",
            max: limits::MAX_JUDUL_BUKTI,
            set: |p, t, v| p.add_bukti(t, &bukti(v), &[]).map(|_| ()),
            get: |p, t| p.bukti(Some(t)).expect("bukti")[0].judul.clone(),
        },
        Case {
            field: "nomor",
            label: "Nomor",
            max: limits::MAX_NOMOR_BUKTI,
            set: |p, t, v| {
                let id = p.bukti(Some(t))?[0].id;
                let input = BuktiInput {
                    nomor: v.into(),
                    ..bukti("SK Tim RB")
                };
                p.update_bukti(id, &input)
            },
            get: |p, t| p.bukti(Some(t)).expect("bukti")[0].nomor.clone(),
        },
        Case {
            field: "keterangan",
            label: "Keterangan",
            max: limits::MAX_KETERANGAN_BUKTI,
            set: |p, t, v| {
                let id = p.bukti(Some(t))?[0].id;
                let input = BuktiInput {
                    keterangan: v.into(),
                    ..bukti("SK Tim RB")
                };
                p.update_bukti(id, &input)
            },
            get: |p, t| p.bukti(Some(t)).expect("bukti")[0].keterangan.clone(),
        },
        Case {
            field: "jabatan",
            label: "Jabatan",
            max: limits::MAX_ANGGOTA,
            set: |p, _, v| match p.team()?.first() {
                Some(a) => p.update_anggota(a.id, &anggota(v)),
                None => p.add_anggota(&anggota(v)).map(|_| ()),
            },
            get: |p, _| p.team().expect("team")[0].jabatan.clone(),
        },
        Case {
            field: "kesimpulan",
            label: "Kesimpulan",
            max: limits::MAX_CATATAN_TAHUNAN,
            set: |p, _, v| {
                let catatan = CatatanTahunan {
                    kesimpulan: v.into(),
                    rekomendasi: String::new(),
                };
                p.set_catatan_tahunan(&catatan)
            },
            get: |p, _| p.catatan_tahunan().expect("catatan").kesimpulan,
        },
    ]
}

/// Indonesian thousands: 2000 is "2.000".
fn ribuan(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[test]
fn text_at_the_limit_is_kept_and_one_character_more_is_refused_by_name() {
    let dir = tempdir();
    let (mut plan, path, t) = plan(dir.path());
    for case in cases() {
        // Two bytes a character: the limit counts characters.
        let at = "é".repeat(case.max);
        (case.set)(&mut plan, t, &at).unwrap_or_else(|e| panic!("{}: {e}", case.label));
        assert_eq!((case.get)(&plan, t), at, "{}", case.label);
        let before = sha256(&path);

        let over = "é".repeat(case.max + 1);
        let e = (case.set)(&mut plan, t, &over).expect_err(case.label);
        assert_eq!(field(&e), case.field, "{}", case.label);
        assert_eq!(
            e.message(),
            format!(
                "{} terlalu panjang: {} karakter, paling banyak {}.",
                case.label,
                ribuan(case.max + 1),
                ribuan(case.max)
            )
        );
        assert_eq!(sha256(&path), before, "{}: file unchanged", case.label);
        assert_eq!((case.get)(&plan, t), at, "{}: value kept", case.label);
    }
}

#[test]
fn a_tahapan_takes_at_most_its_evidence_limit() {
    let dir = tempdir();
    let (mut plan, path, t) = plan(dir.path());
    for i in 0..MAX_BUKTI_PER_TAHAPAN {
        plan.add_bukti(t, &bukti(&format!("Foto kegiatan {i}")), &[])
            .expect("under the limit");
    }
    let before = sha256(&path);
    let e = plan
        .add_bukti(t, &bukti("Satu lagi"), &[])
        .expect_err("over the limit");
    assert_eq!(field(&e), "bukti");
    assert!(
        e.message().contains("sudah memiliki 200 bukti dukung"),
        "{}",
        e.message()
    );
    assert_eq!(sha256(&path), before, "file unchanged");
    assert_eq!(
        plan.bukti(Some(t)).expect("bukti").len(),
        MAX_BUKTI_PER_TAHAPAN
    );
}

#[test]
fn a_piece_of_evidence_takes_at_most_its_file_limit() {
    let dir = tempdir();
    let (mut plan, path, t) = plan(dir.path());
    let file = dir.path().join("foto.jpg");
    std::fs::write(&file, b"bukan foto sungguhan").expect("write");
    let files = vec![file.clone(); MAX_BERKAS_PER_BUKTI + 1];

    let before = sha256(&path);
    let e = plan
        .add_bukti(t, &bukti("Dokumentasi"), &files)
        .expect_err("one file too many");
    assert_eq!(field(&e), "berkas");
    assert!(
        e.message().contains("paling banyak memuat 100 berkas"),
        "{}",
        e.message()
    );
    assert_eq!(sha256(&path), before, "file unchanged");
    assert!(plan.bukti(Some(t)).expect("bukti").is_empty());

    let id = plan
        .add_bukti(t, &bukti("Dokumentasi"), &files[..MAX_BERKAS_PER_BUKTI])
        .expect("at the limit");
    let before = sha256(&path);
    let e = plan
        .add_bukti_files(id, &[file])
        .expect_err("one more file");
    assert_eq!(field(&e), "berkas");
    assert!(
        e.message().contains("sudah ada 100 berkas"),
        "{}",
        e.message()
    );
    assert_eq!(sha256(&path), before, "file unchanged");
    assert_eq!(
        plan.bukti(Some(t)).expect("bukti")[0].berkas.len(),
        MAX_BERKAS_PER_BUKTI
    );
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], body: &[u8]) {
    out.extend((body.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend(kind);
    out.extend(body);
    let crc = crc32(&out[start..]);
    out.extend(crc.to_be_bytes());
}

/// A whole, valid-looking PNG whose IHDR claims `width` × `height` pixels of 8-bit grey, with
/// a few bytes of compressed data standing in for the pixels (which are never decoded).
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

/// An 8 × 8 grey baseline JPEG (made by ImageMagick); its frame header (SOF0) is at byte 89.
const JPEG: &str = "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a\
    0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d3832\
    3c2e333432ffc0000b080008000801011100ffc40014000100000000000000000000000000000001ffc4001410\
    0100000000000000000000000000000000ffda0008010100003f001fffd9";
const JPEG_SOF: usize = 89;

fn jpeg() -> Vec<u8> {
    let bytes: Vec<u8> = (0..JPEG.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&JPEG[i..i + 2], 16).expect("hex"))
        .collect();
    assert_eq!(bytes[JPEG_SOF..JPEG_SOF + 2], [0xFF, 0xC0], "SOF0");
    bytes
}

/// The same JPEG with its frame header claiming `width` × `height`.
fn jpeg_claiming(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = jpeg();
    bytes[JPEG_SOF + 5..JPEG_SOF + 7].copy_from_slice(&height.to_be_bytes());
    bytes[JPEG_SOF + 7..JPEG_SOF + 9].copy_from_slice(&width.to_be_bytes());
    bytes
}

/// The fixture PNG with the middle of its first IDAT zeroed: every chunk whole, the pixels not.
fn png_with_damaged_pixels() -> Vec<u8> {
    let mut png = std::fs::read(fixture("logo.png")).expect("logo fixture");
    let mut at = 8;
    loop {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().expect("4")) as usize;
        if &png[at + 4..at + 8] == b"IDAT" {
            let body = at + 8;
            png[body + 2..body + len - 4].fill(0);
            return png;
        }
        at += 12 + len;
    }
}

#[test]
fn logo_headers_are_judged_before_any_pixel_is_decoded() {
    let dir = tempdir();
    let (mut plan, path, _) = plan(dir.path());
    let png = std::fs::read(fixture("logo.png")).expect("logo fixture");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    };
    let before = sha256(&path);
    let refused: [(&str, Vec<u8>, &str); 5] = [
        ("terpotong.png", png[..png.len() - 20].to_vec(), "terpotong"),
        (
            "raksasa.png",
            png_claiming(20_000, 20_000),
            "20.000 × 20.000 piksel, paling besar 4.000 × 4.000 piksel",
        ),
        ("lebar.png", png_claiming(4_001, 300), "4.001 × 300 piksel"),
        ("terpotong.jpg", jpeg()[..120].to_vec(), "terpotong"),
        (
            "raksasa.jpg",
            jpeg_claiming(20_000, 20_000),
            "20.000 × 20.000 piksel",
        ),
    ];
    for (name, bytes, says) in refused {
        let e = plan.set_logo(&write(name, &bytes)).expect_err(name);
        assert_eq!(field(&e), "logo", "{name}");
        assert!(e.message().contains(says), "{name}: {}", e.message());
        assert_eq!(sha256(&path), before, "{name}: file unchanged");
        assert!(plan.logo().expect("logo").is_none(), "{name}");
    }

    plan.set_logo(&write("logo.jpg", &jpeg()))
        .expect("a small JPEG");
    assert_eq!(plan.logo().expect("logo").expect("set").mime, "image/jpeg");
}

/// How many images `pdfimages` finds in a PDF (an image with transparency counts twice).
fn images_in(pdf: &[u8], dir: &Path) -> usize {
    let path = dir.join("laporan.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .expect("pdfimages (poppler-utils installed?)");
    assert!(out.status.success());
    // Two header lines, then one line per image.
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .count()
        .saturating_sub(2)
}

/// Regression: a truncated PNG as logo made `report` print typst's debug text, and a
/// 20,000 × 20,000 one took 452 MB to print. A logo a received file carries goes through the
/// same header checks; one that passes them but does not decode is left out by the report.
#[test]
fn a_bad_logo_in_a_received_file_is_left_out_of_reports() {
    let dir = tempdir();
    let path = dir.path().join("kiriman.renjarb");
    let mut plan = Plan::create(
        &path,
        NewPlan {
            template: Template::Empty,
            tahun: 2025,
        },
        false,
        clock(),
    )
    .expect("create");
    plan.set_logo(&fixture("logo.png")).expect("logo");
    let request = ReportRequest::new(ReportKind::RencanaAksi);
    let good = plan.report_pdf(&request).expect("report");
    assert!(images_in(&good, dir.path()) > 0, "the logo is printed");
    drop(plan);

    let png = std::fs::read(fixture("logo.png")).expect("logo fixture");
    let bad: [(&str, Vec<u8>, bool); 3] = [
        ("truncated", png[..png.len() / 2].to_vec(), false),
        ("20,000 px", png_claiming(20_000, 20_000), false),
        ("damaged pixels", png_with_damaged_pixels(), true),
    ];
    for (what, bytes, passes_headers) in bad {
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.execute("UPDATE logo SET data = ?1", [&bytes])
            .expect("write logo");
        drop(conn);
        let plan = match Plan::open(&path, OpenMode::ReadOnly, clock()) {
            Ok(plan) => plan,
            // Refusing such a file when it is opened is as good, if said in Indonesian.
            Err(e) => {
                assert_eq!(e.kind(), ErrorKind::BadFile, "{what}: {e}");
                assert!(!e.message().contains("typst"), "{what}: {}", e.message());
                continue;
            }
        };
        assert_eq!(
            plan.logo().expect("logo").is_some(),
            passes_headers,
            "{what}"
        );
        let pdf = plan
            .report_pdf(&request)
            .unwrap_or_else(|e| panic!("{what}: {}", e.message()));
        assert_eq!(
            images_in(&pdf, dir.path()),
            0,
            "{what}: printed without the logo"
        );
    }
}

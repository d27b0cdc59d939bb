//! The committed fixtures in `tests/fixtures/` and the one (ignored) test that writes them:
//!
//! ```text
//! cargo test -p renja-core --test plan -- --ignored regenerate_fixtures
//! ```
//!
//! Normal runs only read the fixtures. The values of `plan-v1.renjarb` are constants here so
//! the migration tests can check that every one of them survives the upgrade.

use std::path::Path;

use renja_core::{NewPlan, Plan, Template};
use rusqlite::Connection;

use crate::common::{clock, fixtures_dir, tempdir};

/// The bad files, each refused on opening.
pub const EMPTY: &str = "bad/empty.renjarb";
pub const RANDOM: &str = "bad/random.renjarb";
pub const TEXT: &str = "bad/text.renjarb";
pub const HTML: &str = "bad/html.renjarb";
pub const ZIP: &str = "bad/zip.renjarb";
pub const FOREIGN: &str = "bad/foreign.renjarb";
pub const NEWER: &str = "bad/newer.renjarb";
pub const TRUNCATED: &str = "bad/truncated.renjarb";
pub const BAD: [&str; 8] = [EMPTY, RANDOM, TEXT, HTML, ZIP, FOREIGN, NEWER, TRUNCATED];

/// A plan as schema 1 wrote it.
pub const V1: &str = "plan-v1.renjarb";

/// The schema a newer Renja RB wrote `bad/newer.renjarb` with.
/// Far above any schema this project will reach, so the fixture stays "newer".
pub const NEWER_VERSION: u32 = 1000;

// --- the contents of plan-v1.renjarb ---------------------------------------------------

pub const V1_UUID: &str = "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a01";
pub const V1_CREATED_AT: &str = "2022-12-01T01:00:00.000Z";
pub const V1_MODIFIED_AT: &str = "2023-01-16T02:15:00.000Z";
pub const V1_PEMERINTAH_DAERAH: &str = "Pemerintah Kabupaten Kutai Kartanegara";
pub const V1_INSTANSI: &str = "Dinas Perkebunan";
pub const V1_UNIT_KERJA: &str = "Sekretariat";
pub const V1_ALAMAT: &str = "Jl. Muso Bin Salim No. 12 - 13 Kelurahan Melayu";
pub const V1_TAHUN: i32 = 2023;
pub const V1_NOMOR_KEPUTUSAN: &str = "B-3951/DISBUN/SET-I/000.7.2.6/12/2022";
pub const V1_TANGGAL_KEPUTUSAN: &str = "2022-12-01";
pub const V1_KEPALA_NAMA: &str = "Ir. Budi Santoso, M.Si.";
pub const V1_KEPALA_NIP: &str = "196805121994031007";
pub const V1_KETUA_NAMA: &str = "Siti Rahmawati, S.E.";
pub const V1_KETUA_NIP: &str = "197903152005012004";

/// One tahapan of the v1 plan: (uuid, nama, bulan mask, kriteria, penanggung jawab).
pub type V1Tahapan = (&'static str, &'static str, u16, &'static str, &'static str);

/// One program of the v1 plan, with its single outcome > kegiatan > output chain.
pub struct V1Program {
    pub uuid: &'static str,
    pub nama: &'static str,
    pub outcome: (&'static str, &'static str),
    pub kegiatan: (&'static str, &'static str),
    pub output: (&'static str, &'static str),
    pub tahapan: [V1Tahapan; 2],
}

pub const V1_PROGRAMS: [V1Program; 2] = [
    V1Program {
        uuid: "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1b01",
        nama: "Manajemen Perubahan",
        outcome: (
            "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1c01",
            "Manajemen Reformasi Birokrasi berjalan efektif",
        ),
        kegiatan: (
            "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1d01",
            "Membentuk Tim Pelaksanaan Reformasi Birokrasi pada unit kerja",
        ),
        output: (
            "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1e01",
            "SK Kepala OPD tentang Tim Reformasi Birokrasi",
        ),
        tahapan: [
            (
                "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1f01",
                "Menyusun susunan Tim RB Unit Kerja",
                0b0000_0000_0110,
                "Tim Reformasi Birokrasi terbentuk dengan ketetapan formal",
                "Pokja Manajemen Perubahan",
            ),
            (
                "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1f02",
                "Menetapkan SK Tim RB Unit Kerja",
                0b0000_0000_1000,
                "SK ditandatangani Kepala Dinas",
                "Sekretariat",
            ),
        ],
    },
    V1Program {
        uuid: "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1b02",
        nama: "Penguatan Akuntabilitas",
        outcome: (
            "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1c02",
            "Meningkatnya kapasitas dan akuntabilitas kinerja organisasi",
        ),
        kegiatan: (
            "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1d02",
            "Menyusun Laporan Kinerja Instansi Pemerintah",
        ),
        output: (
            "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1e02",
            "Dokumen LKjIP Tahun 2022",
        ),
        tahapan: [
            (
                "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1f03",
                "Mengumpulkan data capaian kinerja",
                0,
                "Data capaian kinerja lengkap",
                "Pokja Penguatan Akuntabilitas",
            ),
            (
                "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1f04",
                "Menyampaikan LKjIP kepada Bupati",
                0b0000_0000_0001,
                "LKjIP diterima Bagian Organisasi",
                "Pokja Penguatan Akuntabilitas",
            ),
        ],
    },
];

/// The one anggota row: (uuid, nama, nip, jabatan, peran code, pokja).
pub const V1_ANGGOTA: (&str, &str, &str, &str, &str, &str) = (
    "6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f2a01",
    V1_KETUA_NAMA,
    V1_KETUA_NIP,
    "Sekretaris Dinas",
    "ketua",
    "Pokja Manajemen Perubahan",
);

// --- the generator ---------------------------------------------------------------------

const TEXT_BODY: &str = "no,tahapan,bulan,penanggung_jawab,status\n\
1,Menyusun susunan Tim RB Unit Kerja,Januari,Pokja Manajemen Perubahan,selesai\n\
2,Rapat koordinasi Tim Reformasi Birokrasi,Februari,Sekretariat,berjalan\n\
3,Menyusun laporan monitoring dan evaluasi triwulan I,Maret,Pokja Penguatan Akuntabilitas,belum\n\
4,Mengunggah bukti dukung ke aplikasi,April,Pokja Penataan Tata Laksana,belum\n";

const HTML_BODY: &str = "<!DOCTYPE html>\n\
<html lang=\"id\">\n\
<head><meta charset=\"utf-8\"><title>Unduhan gagal</title></head>\n\
<body>\n\
<h1>Berkas tidak tersedia</h1>\n\
<p>Tautan unduhan sudah kedaluwarsa. Silakan minta tautan baru.</p>\n\
<script>document.title = \"renjarb\"; alert(\"bukan rencana\");</script>\n\
</body>\n\
</html>\n";

/// 4096 bytes from xorshift64 with a fixed seed.
fn random_bytes() -> Vec<u8> {
    let mut state: u64 = 0x5EED_2023_D15B_0001;
    let mut out = Vec::with_capacity(4096);
    while out.len() < 4096 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.extend_from_slice(&state.to_le_bytes());
    }
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A ZIP archive with one stored (uncompressed) entry, written field by field.
fn zip_bytes() -> Vec<u8> {
    let name = b"catatan.txt";
    let data = b"Rencana aksi Renja RB ada di lampiran surat.\n";
    let crc = crc32(data);
    let size = u32::try_from(data.len()).expect("small entry");
    let name_len = u16::try_from(name.len()).expect("short name");
    let (time, date) = (0u16, 0x0021u16); // 1980-01-01 00:00
    let mut z = Vec::new();
    // Local file header.
    z.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
    z.extend_from_slice(&10u16.to_le_bytes()); // version needed
    z.extend_from_slice(&0u16.to_le_bytes()); // flags
    z.extend_from_slice(&0u16.to_le_bytes()); // method: stored
    z.extend_from_slice(&time.to_le_bytes());
    z.extend_from_slice(&date.to_le_bytes());
    z.extend_from_slice(&crc.to_le_bytes());
    z.extend_from_slice(&size.to_le_bytes()); // compressed
    z.extend_from_slice(&size.to_le_bytes()); // uncompressed
    z.extend_from_slice(&name_len.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes()); // extra
    z.extend_from_slice(name);
    z.extend_from_slice(data);
    // Central directory.
    let cd_offset = u32::try_from(z.len()).expect("small archive");
    z.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
    z.extend_from_slice(&20u16.to_le_bytes()); // version made by
    z.extend_from_slice(&10u16.to_le_bytes()); // version needed
    z.extend_from_slice(&0u16.to_le_bytes()); // flags
    z.extend_from_slice(&0u16.to_le_bytes()); // method
    z.extend_from_slice(&time.to_le_bytes());
    z.extend_from_slice(&date.to_le_bytes());
    z.extend_from_slice(&crc.to_le_bytes());
    z.extend_from_slice(&size.to_le_bytes());
    z.extend_from_slice(&size.to_le_bytes());
    z.extend_from_slice(&name_len.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes()); // extra
    z.extend_from_slice(&0u16.to_le_bytes()); // comment
    z.extend_from_slice(&0u16.to_le_bytes()); // disk number start
    z.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
    z.extend_from_slice(&0u32.to_le_bytes()); // external attributes
    z.extend_from_slice(&0u32.to_le_bytes()); // offset of the local header
    z.extend_from_slice(name);
    let cd_size = u32::try_from(z.len()).expect("small archive") - cd_offset;
    // End of central directory.
    z.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes()); // this disk
    z.extend_from_slice(&0u16.to_le_bytes()); // disk with the central directory
    z.extend_from_slice(&1u16.to_le_bytes()); // entries on this disk
    z.extend_from_slice(&1u16.to_le_bytes()); // entries
    z.extend_from_slice(&cd_size.to_le_bytes());
    z.extend_from_slice(&cd_offset.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes()); // comment length
    z
}

/// A SQLite database of some other application: application_id 0.
fn write_foreign(path: &Path) {
    let conn = Connection::open(path).expect("open foreign");
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE;
         CREATE TABLE catatan (id INTEGER PRIMARY KEY, judul TEXT NOT NULL, isi TEXT NOT NULL);
         INSERT INTO catatan (judul, isi) VALUES
             ('Rapat Pokja', 'Rapat koordinasi hari Senin pukul 09.00'),
             ('Daftar belanja', 'Kertas HVS F4, map, tinta printer');",
    )
    .expect("foreign schema");
    conn.close().expect("close foreign");
}

/// A seed plan made by this build, closed.
fn write_plan(path: &Path, tahun: i32) {
    Plan::create(
        path,
        NewPlan {
            template: Template::Seed,
            tahun,
        },
        false,
        clock(),
    )
    .expect("create plan")
    .close()
    .expect("close plan");
}

fn write_newer(path: &Path) {
    write_plan(path, 2030);
    let conn = Connection::open(path).expect("open newer");
    conn.pragma_update(None, "user_version", NEWER_VERSION)
        .expect("user_version");
    conn.close().expect("close newer");
}

/// A seed plan cut at a page boundary to half its pages.
fn truncated_bytes(dir: &Path) -> Vec<u8> {
    let path = dir.join("whole.renjarb");
    write_plan(&path, 2023);
    let bytes = std::fs::read(&path).expect("read whole plan");
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        n => usize::from(n),
    };
    let pages = u32::from_be_bytes(bytes[28..32].try_into().expect("4 bytes")) as usize;
    assert_eq!(bytes.len(), pages * page_size, "a whole plan is whole");
    assert!(pages > 8, "the seed plan has only {pages} pages");
    bytes[..(pages / 2) * page_size].to_vec()
}

fn write_v1(path: &Path) {
    let conn = Connection::open(path).expect("open v1");
    conn.pragma_update(None, "journal_mode", "DELETE")
        .expect("journal_mode");
    conn.pragma_update(None, "application_id", renja_core::file::APPLICATION_ID)
        .expect("application_id");
    conn.execute_batch(include_str!("../../src/storage/migrations/0001_init.sql"))
        .expect("schema 1");
    conn.pragma_update(None, "user_version", 1)
        .expect("user_version");
    conn.execute(
        "INSERT INTO plan (id, uuid, pemerintah_daerah, instansi, unit_kerja, alamat, tahun,
             nomor_keputusan, tanggal_keputusan, kepala_nama, kepala_nip, ketua_nama, ketua_nip,
             created_at, modified_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        rusqlite::params![
            V1_UUID,
            V1_PEMERINTAH_DAERAH,
            V1_INSTANSI,
            V1_UNIT_KERJA,
            V1_ALAMAT,
            V1_TAHUN,
            V1_NOMOR_KEPUTUSAN,
            V1_TANGGAL_KEPUTUSAN,
            V1_KEPALA_NAMA,
            V1_KEPALA_NIP,
            V1_KETUA_NAMA,
            V1_KETUA_NIP,
            V1_CREATED_AT,
            V1_MODIFIED_AT,
        ],
    )
    .expect("plan row");
    let mut tahapan_id = 0;
    for (i, p) in V1_PROGRAMS.iter().enumerate() {
        let id = i as i64 + 1;
        conn.execute(
            "INSERT INTO program (id, uuid, position, nama, modified_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![id, p.uuid, i as i64, p.nama, V1_MODIFIED_AT],
        )
        .expect("program");
        for (table, parent, (uuid, nama)) in [
            ("outcome", "program_id", p.outcome),
            ("kegiatan", "outcome_id", p.kegiatan),
            ("output", "kegiatan_id", p.output),
        ] {
            conn.execute(
                &format!(
                    "INSERT INTO {table} (id, uuid, {parent}, position, nama, modified_at)
                     VALUES (?1, ?2, ?1, 0, ?3, ?4)"
                ),
                rusqlite::params![id, uuid, nama, V1_MODIFIED_AT],
            )
            .expect("tree row");
        }
        for (position, (uuid, nama, bulan, kriteria, pj)) in p.tahapan.iter().enumerate() {
            tahapan_id += 1;
            conn.execute(
                "INSERT INTO tahapan (id, uuid, output_id, position, nama, bulan, kriteria,
                     penanggung_jawab, modified_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                rusqlite::params![
                    tahapan_id,
                    uuid,
                    id,
                    position as i64,
                    nama,
                    bulan,
                    kriteria,
                    pj,
                    V1_MODIFIED_AT
                ],
            )
            .expect("tahapan");
        }
    }
    let (uuid, nama, nip, jabatan, peran, pokja) = V1_ANGGOTA;
    conn.execute(
        "INSERT INTO anggota (id, uuid, position, nama, nip, jabatan, peran, pokja, modified_at)
         VALUES (1, ?1, 0, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![uuid, nama, nip, jabatan, peran, pokja, V1_MODIFIED_AT],
    )
    .expect("anggota");
    conn.close().expect("close v1");
}

#[test]
#[ignore = "rewrites the committed fixtures in tests/fixtures/"]
fn regenerate_fixtures() {
    let root = fixtures_dir();
    std::fs::create_dir_all(root.join("bad")).expect("create tests/fixtures/bad");
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(root.join(name), bytes).unwrap_or_else(|e| panic!("write {name}: {e}"));
    };

    write(EMPTY, b"");
    let random = random_bytes();
    assert!(
        std::str::from_utf8(&random[..100]).is_err(),
        "random bytes must not look like text"
    );
    write(RANDOM, &random);
    write(TEXT, TEXT_BODY.as_bytes());
    write(HTML, HTML_BODY.as_bytes());
    write(ZIP, &zip_bytes());

    // SQLite files are built in a temporary folder, so no journal ever lands in the fixtures.
    let work = tempdir();
    let build = |name: &str, make: &dyn Fn(&Path)| {
        let tmp = work
            .path()
            .join(Path::new(name).file_name().expect("file name"));
        make(&tmp);
        std::fs::copy(&tmp, root.join(name)).unwrap_or_else(|e| panic!("copy {name}: {e}"));
    };
    build(FOREIGN, &write_foreign);
    build(NEWER, &write_newer);
    build(V1, &write_v1);
    write(TRUNCATED, &truncated_bytes(work.path()));
}

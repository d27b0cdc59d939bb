//! The limits on what users type or bring into a plan: text lengths, evidence counts, the
//! logo's bytes and pixels. They exist because a 20 MB tahapan name made a report take 43 s
//! and a 20,000 × 20,000 logo took 452 MB to print; each is chosen so that a real office never
//! meets it while reports and the grid stay fast.
//!
//! - Lengths are Unicode characters (`chars().count()`), the same count SQLite's `length()`
//!   gives for TEXT, so the file check can verify a received plan with one query per column.
//!   They are checked on the text as it is stored (trimmed, whitespace tidied).
//! - Tree names, kriteria and penanggung jawab: 2,000. The longest in the reference plan
//!   (Disbun Kukar 2023) are 158 characters; 2,000 is a full paragraph, and 1,000 tahapan of
//!   it still lay out in seconds.
//! - Identity fields: 500 (an agency name is under 100), the alamat 1,000.
//! - Realisasi notes (catatan, kendala, tindak lanjut) and evidence keterangan: 4,000 (the
//!   limit notes always had), more than a typed page for one month of one tahapan.
//! - Kesimpulan and rekomendasi of the Laporan Tahunan: 20,000, about six typed pages each.
//! - One chapter's narrative of the Laporan Tahunan (BAB I–IV): 60,000, about 18 pages.
//! - Evidence: judul 1,000, nomor 200 (a decree number is under 50), file name 255 (the most
//!   Windows and Linux allow).
//! - Team members: 300 for nama, jabatan and Pokja (a full jabatan such as "Kepala Sub Bagian
//!   Perencanaan, Evaluasi dan Pelaporan pada Sekretariat Dinas …" runs to about 150).
//! - At most 200 pieces of evidence per tahapan and 100 files per piece: a tahapan of the
//!   reference plan needs a handful, a photo series of one event a few dozen.
//! - The logo: at most 2 MB and 4,000 × 4,000 pixels. Printed 22 mm high it needs about 500
//!   pixels for 600 dpi; 4,000 × 4,000 decodes to 64 MB, well inside the 200 MB a report may
//!   use. Its size is read from the PNG or JPEG headers (`image`), never by decoding pixels.
//!
//! [`TEXT_LIMITS`] lists every TEXT column of the schema with its limit, so the check of a
//! received file uses the very numbers the forms use. This module decides limits only; it
//! does not tidy text (the cleaners beside each form do) and never touches the file.

mod image;

use crate::error::{Error, Result};

pub use image::{Format, ImageHeader};

/// Names of programs, outcomes, kegiatan and outputs, and the uraian of a tahapan.
pub const MAX_NAMA: usize = 2_000;
/// Kriteria keberhasilan of a tahapan.
pub const MAX_KRITERIA: usize = 2_000;
/// Penanggung jawab of a tahapan.
pub const MAX_PENANGGUNG_JAWAB: usize = 2_000;
/// Each identity field of the plan but the alamat.
pub const MAX_IDENTITAS: usize = 500;
pub const MAX_ALAMAT: usize = 1_000;
/// Catatan, kendala and tindak lanjut of a realisasi.
pub const MAX_CATATAN: usize = 4_000;
/// Kesimpulan and rekomendasi of the Laporan Monev Tahunan.
pub const MAX_CATATAN_TAHUNAN: usize = 20_000;
/// The narrative of one chapter of the Laporan Tahunan (BAB I–IV).
pub const MAX_BAB: usize = 60_000;
pub const MAX_JUDUL_BUKTI: usize = 1_000;
pub const MAX_NOMOR_BUKTI: usize = 200;
pub const MAX_KETERANGAN_BUKTI: usize = 4_000;
/// The name an evidence file is stored under.
pub const MAX_NAMA_BERKAS: usize = 255;
/// Nama, jabatan and Pokja of a team member.
pub const MAX_ANGGOTA: usize = 300;
/// Pieces of evidence one tahapan may have.
pub const MAX_BUKTI_PER_TAHAPAN: usize = 200;
/// Files one piece of evidence may have.
pub const MAX_BERKAS_PER_BUKTI: usize = 100;
/// The area, indikator and text of an LKE butir.
pub const MAX_LKE: usize = 2_000;
/// LKE butir one plan may hold.
pub const MAX_BUTIR_LKE: usize = 2_000;
/// Bytes of the logo file.
pub const MAX_LOGO_BYTES: u64 = 2 * 1024 * 1024;
/// Pixels on each side of the logo.
pub const MAX_LOGO_PIXELS: u32 = 4_000;

/// Values the program writes, never the user: a NIP is 18 digits, a date `YYYY-MM-DD`; UUIDs
/// (36), RFC 3339 times (24) and codes fit in 64, as does a SHA-256 (64 hex digits).
const NIP: usize = 18;
const TANGGAL: usize = 10;
const KODE: usize = 64;
/// The longest MIME type `mime_for` gives is 73 characters.
const MIME: usize = 127;
/// A row version: 32 hex digits, or `v0:<time>:<uuid>` for rows older than versions (65).
const VERSION: usize = 128;
/// A row's fields at an earlier version, as JSON: the plan row, the largest, holds two
/// 20,000-character notes beside its identity; escaping can double a text.
const ROW_DATA: usize = 200_000;

/// Every TEXT column of the schema, `(table, column, most characters)`. A unit test holds it
/// to the schema: a new TEXT column must be added here.
pub(crate) const TEXT_LIMITS: &[(&str, &str, usize)] = &[
    ("plan", "uuid", KODE),
    ("plan", "pemerintah_daerah", MAX_IDENTITAS),
    ("plan", "instansi", MAX_IDENTITAS),
    ("plan", "unit_kerja", MAX_IDENTITAS),
    ("plan", "alamat", MAX_ALAMAT),
    ("plan", "nomor_keputusan", MAX_IDENTITAS),
    ("plan", "tanggal_keputusan", TANGGAL),
    ("plan", "kepala_nama", MAX_IDENTITAS),
    ("plan", "kepala_nip", NIP),
    ("plan", "ketua_nama", MAX_IDENTITAS),
    ("plan", "ketua_nip", NIP),
    ("plan", "created_at", KODE),
    ("plan", "modified_at", KODE),
    ("plan", "telepon", MAX_IDENTITAS),
    ("plan", "email", MAX_IDENTITAS),
    ("plan", "laman", MAX_IDENTITAS),
    ("plan", "kode_pos", MAX_IDENTITAS),
    ("plan", "tempat_penetapan", MAX_IDENTITAS),
    ("plan", "kesimpulan", MAX_CATATAN_TAHUNAN),
    ("plan", "rekomendasi", MAX_CATATAN_TAHUNAN),
    ("plan", "kepala_pangkat", MAX_IDENTITAS),
    ("plan", "ketua_pangkat", MAX_IDENTITAS),
    ("program", "uuid", KODE),
    ("program", "nama", MAX_NAMA),
    ("program", "modified_at", KODE),
    ("outcome", "uuid", KODE),
    ("outcome", "nama", MAX_NAMA),
    ("outcome", "modified_at", KODE),
    ("kegiatan", "uuid", KODE),
    ("kegiatan", "nama", MAX_NAMA),
    ("kegiatan", "modified_at", KODE),
    ("output", "uuid", KODE),
    ("output", "nama", MAX_NAMA),
    ("output", "modified_at", KODE),
    ("tahapan", "uuid", KODE),
    ("tahapan", "nama", MAX_NAMA),
    ("tahapan", "kriteria", MAX_KRITERIA),
    ("tahapan", "penanggung_jawab", MAX_PENANGGUNG_JAWAB),
    ("tahapan", "modified_at", KODE),
    ("anggota", "uuid", KODE),
    ("anggota", "nama", MAX_ANGGOTA),
    ("anggota", "nip", NIP),
    ("anggota", "jabatan", MAX_ANGGOTA),
    ("anggota", "peran", KODE),
    ("anggota", "pokja", MAX_ANGGOTA),
    ("anggota", "modified_at", KODE),
    ("realisasi", "uuid", KODE),
    ("realisasi", "status", KODE),
    ("realisasi", "catatan", MAX_CATATAN),
    ("realisasi", "kendala", MAX_CATATAN),
    ("realisasi", "tindak_lanjut", MAX_CATATAN),
    ("realisasi", "modified_at", KODE),
    ("berkas", "sha256", KODE),
    ("bukti", "uuid", KODE),
    ("bukti", "judul", MAX_JUDUL_BUKTI),
    ("bukti", "jenis", KODE),
    ("bukti", "nomor", MAX_NOMOR_BUKTI),
    ("bukti", "tanggal", TANGGAL),
    ("bukti", "keterangan", MAX_KETERANGAN_BUKTI),
    ("bukti", "created_at", KODE),
    ("bukti", "modified_at", KODE),
    ("bukti_berkas", "uuid", KODE),
    ("bukti_berkas", "nama", MAX_NAMA_BERKAS),
    ("bukti_berkas", "mime", MIME),
    ("bukti_berkas", "modified_at", KODE),
    ("logo", "mime", KODE),
    ("logo", "modified_at", KODE),
    ("plan", "version", VERSION),
    ("program", "version", VERSION),
    ("outcome", "version", VERSION),
    ("kegiatan", "version", VERSION),
    ("output", "version", VERSION),
    ("tahapan", "version", VERSION),
    ("anggota", "version", VERSION),
    ("realisasi", "version", VERSION),
    ("bukti", "version", VERSION),
    ("bukti_berkas", "version", VERSION),
    ("logo", "version", VERSION),
    ("row_version", "key", KODE),
    ("row_version", "version", VERSION),
    ("row_version", "data", ROW_DATA),
    ("tombstone", "key", KODE),
    ("tombstone", "tbl", KODE),
    ("tombstone", "version", VERSION),
    ("tombstone", "deleted_at", KODE),
    ("merge_log", "merged_at", KODE),
    ("merge_log", "file_name", MAX_NAMA_BERKAS),
    ("merge_log", "plan_uuid", KODE),
    ("merge_log", "source_modified_at", KODE),
    ("bab", "uuid", KODE),
    ("bab", "kunci", KODE),
    ("bab", "teks", MAX_BAB),
    ("bab", "modified_at", KODE),
    ("bab", "version", VERSION),
    ("lke_butir", "uuid", KODE),
    ("lke_butir", "area", MAX_LKE),
    ("lke_butir", "indikator", MAX_LKE),
    ("lke_butir", "butir", MAX_LKE),
    ("lke_butir", "modified_at", KODE),
    ("lke_butir", "version", VERSION),
    ("tahapan_lke", "uuid", KODE),
    ("tahapan_lke", "modified_at", KODE),
    ("tahapan_lke", "version", VERSION),
    ("bukti_lke", "uuid", KODE),
    ("bukti_lke", "modified_at", KODE),
    ("bukti_lke", "version", VERSION),
];

/// The limit of a TEXT column, from [`TEXT_LIMITS`].
pub(crate) fn text_limit(table: &str, column: &str) -> Option<usize> {
    TEXT_LIMITS
        .iter()
        .find(|(t, c, _)| *t == table && *c == column)
        .map(|(_, _, max)| *max)
}

/// `n` with Indonesian thousands separators: 12345 is "12.345".
pub(crate) fn ribuan(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(d);
    }
    out
}

/// Refuse `value` longer than `max` characters; the reason names the field by its `label`
/// ("Uraian tahapan terlalu panjang: 2.001 karakter, paling banyak 2.000.").
pub(crate) fn text(field: &'static str, label: &str, value: &str, max: usize) -> Result<()> {
    // A UTF-8 string has at least as many bytes as characters: most values need no count.
    if value.len() <= max {
        return Ok(());
    }
    let n = value.chars().count();
    if n <= max {
        return Ok(());
    }
    Err(Error::invalid(
        field,
        format!(
            "{label} terlalu panjang: {} karakter, paling banyak {}.",
            ribuan(n as u64),
            ribuan(max as u64)
        ),
    ))
}

/// Refuse one more piece of evidence for a tahapan that has `existing` already.
pub(crate) fn bukti_per_tahapan(existing: usize) -> Result<()> {
    if existing < MAX_BUKTI_PER_TAHAPAN {
        return Ok(());
    }
    Err(Error::invalid(
        "bukti",
        format!(
            "Tahapan ini sudah memiliki {} bukti dukung, paling banyak {} per tahapan. \
             Hapus bukti yang tidak diperlukan, atau satukan beberapa berkas dalam satu bukti.",
            ribuan(existing as u64),
            ribuan(MAX_BUKTI_PER_TAHAPAN as u64)
        ),
    ))
}

/// Refuse `adding` more files for a piece of evidence that has `existing`.
pub(crate) fn berkas_per_bukti(existing: usize, adding: usize) -> Result<()> {
    let total = existing.saturating_add(adding);
    if total <= MAX_BERKAS_PER_BUKTI {
        return Ok(());
    }
    let sudah = if existing > 0 {
        format!(" (sudah ada {} berkas)", ribuan(existing as u64))
    } else {
        String::new()
    };
    Err(Error::invalid(
        "berkas",
        format!(
            "Terlalu banyak berkas: satu bukti dukung paling banyak memuat {} berkas, \
             dan {} berkas akan menjadi {}{sudah}. Buat bukti dukung lain untuk sisanya.",
            ribuan(MAX_BERKAS_PER_BUKTI as u64),
            ribuan(adding as u64),
            ribuan(total as u64)
        ),
    ))
}

/// Refuse a logo file of `size` bytes over [`MAX_LOGO_BYTES`], before reading it.
pub(crate) fn logo_bytes(size: u64) -> Result<()> {
    if size <= MAX_LOGO_BYTES {
        return Ok(());
    }
    Err(Error::invalid(
        "logo",
        format!(
            "Berkas logo terlalu besar: {} KB, paling besar {} MB.",
            ribuan(size.div_ceil(1024)),
            MAX_LOGO_BYTES / (1024 * 1024)
        ),
    ))
}

/// Check a logo's bytes: at most [`MAX_LOGO_BYTES`], a whole PNG or JPEG by its headers, at
/// most [`MAX_LOGO_PIXELS`] a side. Reads headers only; decoding is left to the caller.
pub(crate) fn logo(data: &[u8]) -> Result<ImageHeader> {
    logo_bytes(data.len() as u64)?;
    let header = image::read(data).map_err(|problem| {
        Error::invalid(
            "logo",
            match problem {
                image::Problem::NotAnImage => "Logo harus berupa gambar PNG atau JPEG.",
                image::Problem::Broken => {
                    "Gambar logo rusak atau terpotong, sehingga tidak dapat dibaca. \
                     Simpan ulang gambarnya, lalu pilih lagi."
                }
            },
        )
    })?;
    if header.width > MAX_LOGO_PIXELS || header.height > MAX_LOGO_PIXELS {
        return Err(Error::invalid(
            "logo",
            format!(
                "Gambar logo terlalu besar: {} × {} piksel, paling besar {} × {} piksel. \
                 Perkecil gambarnya, lalu pilih lagi.",
                ribuan(header.width.into()),
                ribuan(header.height.into()),
                ribuan(MAX_LOGO_PIXELS.into()),
                ribuan(MAX_LOGO_PIXELS.into())
            ),
        ));
    }
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn thousands_are_grouped_with_dots() {
        assert_eq!(ribuan(0), "0");
        assert_eq!(ribuan(999), "999");
        assert_eq!(ribuan(2_000), "2.000");
        assert_eq!(ribuan(12_345), "12.345");
        assert_eq!(ribuan(20_000_000), "20.000.000");
    }

    #[test]
    fn text_counts_characters_not_bytes() {
        let at = "é".repeat(10);
        assert!(
            text("nama", "Nama", &at, 10).is_ok(),
            "20 bytes, 10 characters"
        );
        let e = text("nama", "Uraian tahapan", &"é".repeat(11), 10).expect_err("11");
        assert_eq!(e.kind(), ErrorKind::Invalid);
        assert_eq!(
            e.message(),
            "Uraian tahapan terlalu panjang: 11 karakter, paling banyak 10."
        );
    }

    #[test]
    fn counts_are_refused_past_the_limit() {
        assert!(bukti_per_tahapan(MAX_BUKTI_PER_TAHAPAN - 1).is_ok());
        assert!(bukti_per_tahapan(MAX_BUKTI_PER_TAHAPAN).is_err());
        assert!(berkas_per_bukti(MAX_BERKAS_PER_BUKTI - 1, 1).is_ok());
        assert!(berkas_per_bukti(MAX_BERKAS_PER_BUKTI, 1).is_err());
        assert!(berkas_per_bukti(0, MAX_BERKAS_PER_BUKTI + 1).is_err());
    }

    #[test]
    fn logo_pixels_are_limited_on_each_side() {
        let png = image::tests::png_claiming;
        let at = logo(&png(MAX_LOGO_PIXELS, MAX_LOGO_PIXELS)).expect("at the limit");
        assert_eq!(at.format.mime(), "image/png");
        for (w, h) in [(MAX_LOGO_PIXELS + 1, 10), (10, MAX_LOGO_PIXELS + 1)] {
            let e = logo(&png(w, h)).expect_err("over the limit");
            assert!(
                e.message().contains("4.000 × 4.000 piksel"),
                "{}",
                e.message()
            );
        }
        let mut jpeg = image::tests::jpeg();
        assert!(logo(&jpeg).is_ok());
        jpeg.truncate(jpeg.len() - 3);
        assert!(
            logo(&jpeg)
                .expect_err("cut")
                .message()
                .contains("terpotong")
        );
    }

    /// Every TEXT column of the newest schema has a limit, and every limit a column.
    #[test]
    fn text_limits_cover_exactly_the_text_columns_of_the_schema() {
        let mut conn = rusqlite::Connection::open_in_memory().expect("memory");
        crate::storage::migrate(&mut conn, 0, crate::storage::LATEST_VERSION).expect("schema");
        let mut found = Vec::new();
        for (table, _) in crate::storage::TABLES {
            let mut stmt = conn
                .prepare("SELECT name, type FROM pragma_table_info(?1)")
                .expect("table info");
            let cols = stmt
                .query_map([table], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })
                .expect("columns");
            for col in cols {
                let (name, ty) = col.expect("column");
                if ty.eq_ignore_ascii_case("TEXT") {
                    assert!(
                        text_limit(table, &name).is_some(),
                        "{table}.{name} has no limit in TEXT_LIMITS"
                    );
                    found.push((table.to_string(), name));
                }
            }
        }
        for (table, column, _) in TEXT_LIMITS {
            assert!(
                found.iter().any(|(t, c)| t == table && c == column),
                "{table}.{column} is in TEXT_LIMITS but not a TEXT column"
            );
        }
        assert_eq!(found.len(), TEXT_LIMITS.len(), "each column listed once");
    }

    /// The built-in template fits the limits with room to spare.
    #[test]
    fn the_template_fits() {
        for row in crate::template::rows().expect("template") {
            let texts = [
                &row.program,
                &row.outcome,
                &row.kegiatan,
                &row.output,
                &row.tahapan,
                &row.kriteria_keberhasilan,
                &row.penanggung_jawab,
            ];
            for text in texts {
                assert!(text.chars().count() * 10 < MAX_NAMA, "{text}");
            }
        }
    }
}

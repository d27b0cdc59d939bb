//! Synthetic evidence for `renja generate --evidence`: realistic titles, kinds and numbers,
//! and distinct pseudo-random file contents streamed into `berkas` in chunks, so even a
//! 1 GB plan is written with a few MiB of memory.

use rusqlite::blob::ZeroBlob;
use rusqlite::{Connection, OptionalExtension, params};

use super::{GenerateSpec, Rng};
use crate::error::{Error, Result};

/// Kinds of evidence: (code in table `bukti`, start of the judul, weight, carries a nomor).
const KINDS: [(&str, &str, u32, bool); 8] = [
    ("sk", "SK tentang", 10, true),
    ("laporan", "Laporan", 25, true),
    ("notulen", "Notulen rapat", 15, true),
    ("daftarHadir", "Daftar hadir", 15, false),
    ("undangan", "Undangan", 10, true),
    ("foto", "Foto kegiatan", 15, false),
    ("tangkapanLayar", "Tangkapan layar", 5, false),
    ("lainnya", "Dokumen pendukung", 5, false),
];

/// Classification codes that start the nomor of Indonesian government letters.
const KODE_SURAT: [&str; 6] = ["800", "000", "005", "061", "065", "094"];

/// The subject of a tahapan text as a document title: "Menyusun Laporan Survei" becomes
/// "Laporan Survei"; the " (2)" that keeps tahapan names distinct is dropped.
pub(super) fn subject(tahapan: &str) -> String {
    let text = match tahapan.rfind(" (") {
        Some(i)
            if tahapan.ends_with(')')
                && tahapan[i + 2..tahapan.len() - 1].parse::<u32>().is_ok() =>
        {
            &tahapan[..i]
        }
        _ => tahapan,
    };
    let text = match text.split_once(' ') {
        Some((verb, rest)) if verb.starts_with("Me") && !rest.is_empty() => rest,
        _ => text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `left` pseudo-random bytes from a splitmix64 stream, as a reader.
struct RandomBytes<'a> {
    rng: &'a mut Rng,
    left: u64,
}

impl std::io::Read for RandomBytes<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        for piece in buf[..n].chunks_mut(8) {
            piece.copy_from_slice(&self.rng.next_u64().to_le_bytes()[..piece.len()]);
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// The seed of the contents of evidence `index`: a different splitmix64 stream per piece.
fn content_seed(seed: u64, index: u32) -> u64 {
    Rng(seed ^ 0x6275_6B74_695F_6669 ^ u64::from(index).wrapping_mul(0xD1B5_4A32_D192_ED03))
        .next_u64()
}

/// Store `size` pseudo-random bytes from `rng` as a new `berkas` row, generated, hashed and
/// written in chunks. Returns the row, or the existing row with the same contents (only
/// possible for files of a few bytes).
fn store_random(conn: &Connection, index: u32, size: u64, rng: &mut Rng) -> Result<i64> {
    // A placeholder hash until the contents are written; rows are unique by hash.
    let pending = format!("sintetis-{index}");
    conn.prepare_cached("INSERT INTO berkas (sha256, size, data) VALUES (?1, ?2, ?3)")?
        .execute(params![pending, size as i64, ZeroBlob(size)])?;
    let id = conn.last_insert_rowid();
    let blob = conn.blob_open("main", "berkas", "data", id, false)?;
    let (sha256, _) = crate::bukti::berkas::copy_hashing(RandomBytes { rng, left: size }, blob)
        .map_err(|e| Error::Internal(e.to_string()))?;
    let existing: Option<i64> = conn
        .prepare_cached("SELECT id FROM berkas WHERE sha256 = ?1")?
        .query_row([&sha256], |r| r.get(0))
        .optional()?;
    if let Some(existing) = existing {
        conn.execute("DELETE FROM berkas WHERE id = ?1", [id])?;
        return Ok(existing);
    }
    conn.prepare_cached("UPDATE berkas SET sha256 = ?1 WHERE id = ?2")?
        .execute(params![sha256, id])?;
    Ok(id)
}

/// Add `spec.evidence` pieces of evidence with one file each, and realisasi for the months
/// they support, inside the caller's transaction. See the module documentation.
pub(super) fn add_evidence(conn: &Connection, spec: &GenerateSpec, now: &str) -> Result<()> {
    let tahapan: Vec<(i64, u16)> = conn
        .prepare("SELECT id, bulan FROM tahapan ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if tahapan.is_empty() || spec.evidence == 0 {
        return Ok(());
    }
    // Not the tree's stream: adding evidence leaves the tree as it was.
    let mut rng = Rng(spec.seed ^ 0x4255_4B54_4920_4455);
    let kind_weights = KINDS.map(|k| k.2);
    let mut visited = vec![false; tahapan.len()];
    let n = tahapan.len() as u64;
    let e = u64::from(spec.evidence);
    for i in 0..spec.evidence {
        let at = if e <= n {
            (u64::from(i) * n / e) as usize
        } else {
            (u64::from(i) % n) as usize
        };
        let (tahapan_id, mask) = tahapan[at];
        let nama: String = conn
            .prepare_cached("SELECT nama FROM tahapan WHERE id = ?1")?
            .query_row([tahapan_id], |r| r.get(0))?;
        let scheduled: Vec<u32> = (0..12).filter(|b| mask & (1 << b) != 0).collect();
        let month = if scheduled.is_empty() {
            0
        } else {
            scheduled[rng.below(scheduled.len() as u32) as usize]
        };
        let (jenis, judul, _, numbered) = KINDS[rng.weighted(&kind_weights) as usize];
        let judul: String = format!("{judul} {}", subject(&nama))
            .chars()
            .take(500)
            .collect();
        let nomor = if numbered {
            format!(
                "{}/{}/DCS/{}",
                KODE_SURAT[rng.below(KODE_SURAT.len() as u32) as usize],
                1 + rng.below(999),
                spec.tahun
            )
        } else {
            String::new()
        };
        let tanggal = format!(
            "{:04}-{:02}-{:02}",
            spec.tahun,
            month + 1,
            1 + rng.below(28)
        );
        conn.prepare_cached(
            "INSERT INTO bukti (uuid, tahapan_id, judul, jenis, nomor, tanggal, keterangan,
                bulan, created_at, modified_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', ?7, ?8, ?8)",
        )?
        .execute(params![
            crate::storage::new_uuid(),
            tahapan_id,
            judul,
            jenis,
            nomor,
            tanggal,
            1u16 << month,
            now
        ])?;
        let bukti = conn.last_insert_rowid();
        let mut content = Rng(content_seed(spec.seed, i));
        let berkas = store_random(conn, i, spec.evidence_bytes, &mut content)?;
        conn.prepare_cached(
            "INSERT INTO bukti_berkas (uuid, bukti_id, berkas_id, nama, mime, position,
                modified_at)
             VALUES (?1, ?2, ?3, ?4, 'application/pdf', 0, ?5)",
        )?
        .execute(params![
            crate::storage::new_uuid(),
            bukti,
            berkas,
            format!("bukti-{:04}.pdf", i + 1),
            now
        ])?;
        // Done in the evidence's month, and in about half of the other scheduled months.
        let mut done: Vec<u32> = Vec::new();
        if !scheduled.is_empty() {
            done.push(month);
        }
        if !visited[at] {
            visited[at] = true;
            done.extend(
                scheduled
                    .iter()
                    .copied()
                    .filter(|&m| m != month && rng.below(2) == 0),
            );
        }
        for m in done {
            conn.prepare_cached(
                "INSERT OR IGNORE INTO realisasi (uuid, tahapan_id, bulan, status, persen,
                    modified_at)
                 VALUES (?1, ?2, ?3, 'selesai', 100, ?4)",
            )?
            .execute(params![crate::storage::new_uuid(), tahapan_id, m + 1, now])?;
        }
    }
    Ok(())
}

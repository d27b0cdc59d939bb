//! Synthetic evidence for `renja generate --evidence`: realistic titles, kinds and numbers,
//! and distinct pseudo-random file contents streamed into `berkas` in chunks, so even a
//! 1 GB plan is written with a few MiB of memory. Rows are written through the same storage
//! functions as evidence added in the app, without its checks (the values are made valid here).

use super::{GenerateSpec, Rng, Written};
use crate::error::{Error, Result};
use crate::storage::bukti::{BuktiFields, NewFile};
use crate::storage::{Write, berkas, bukti, realisasi};

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
fn store_random(tx: &Write<'_>, index: u32, size: u64, rng: &mut Rng) -> Result<i64> {
    // A placeholder hash until the contents are written; rows are unique by hash.
    let id = berkas::insert(tx, &format!("sintetis-{index}"), size)?;
    let (sha256, _) = berkas::copy_hashing(
        RandomBytes { rng, left: size },
        berkas::contents_mut(tx, id)?,
    )
    .map_err(|e| Error::Internal(e.to_string()))?;
    if let Some(existing) = berkas::find(tx, &sha256)? {
        berkas::delete(tx, id)?;
        return Ok(existing);
    }
    berkas::set_sha256(tx, id, &sha256)?;
    Ok(id)
}

/// Add `spec.evidence` pieces of evidence with one file each, and realisasi for the months
/// they support, to `tahapan` (in the order they were written) inside the caller's
/// transaction. See the module documentation.
pub(super) fn add_evidence(
    tx: &Write<'_>,
    tahapan: &[Written],
    spec: &GenerateSpec,
    now: &str,
) -> Result<()> {
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
        let t = &tahapan[at];
        let (tahapan_id, mask) = (t.id, t.bulan.mask());
        let scheduled: Vec<u32> = (0..12).filter(|b| mask & (1 << b) != 0).collect();
        let month = if scheduled.is_empty() {
            0
        } else {
            scheduled[rng.below(scheduled.len() as u32) as usize]
        };
        let (jenis, judul, _, numbered) = KINDS[rng.weighted(&kind_weights) as usize];
        let judul: String = format!("{judul} {}", subject(&t.nama))
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
        let fields = BuktiFields {
            judul: &judul,
            jenis,
            nomor: &nomor,
            tanggal: &tanggal,
            keterangan: "",
            bulan: 1u16 << month,
        };
        let id = bukti::insert(tx, tahapan_id, &fields, now)?;
        let mut content = Rng(content_seed(spec.seed, i));
        let contents = store_random(tx, i, spec.evidence_bytes, &mut content)?;
        let file = NewFile {
            bukti: id,
            berkas: contents,
            nama: &format!("bukti-{:04}.pdf", i + 1),
            mime: "application/pdf",
            position: 0,
        };
        bukti::insert_file(tx, &file, now)?;
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
            realisasi::insert_selesai_if_absent(tx, tahapan_id, m + 1, now)?;
        }
    }
    Ok(())
}

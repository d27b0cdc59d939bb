//! The preview of a merge in the user's words: the changes grouped by program, each field as
//! "before → after" with months, states and kinds by their Indonesian labels, and the
//! conflicts side by side.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::decide::{Choices, ConflictKind, Decision, Fields, Final};
use super::{Change, ChangeGroup, ChangeKind, ConflictField, MergeConflict};
use crate::model::Jadwal;
use crate::storage::versions::Copy;
use crate::tanggal::{BULAN_PENDEK, nama_bulan};

/// The longest text a preview shows of one value.
const SHOWN: usize = 300;

fn what(table: &str) -> &'static str {
    match table {
        "plan" => "Identitas rencana",
        "program" => "Program",
        "outcome" => "Outcome",
        "kegiatan" => "Kegiatan",
        "output" => "Output",
        "tahapan" => "Tahapan",
        "anggota" => "Anggota tim",
        "realisasi" => "Realisasi",
        "bukti" => "Bukti dukung",
        "bukti_berkas" => "Berkas bukti dukung",
        "logo" => "Logo kop",
        "bab" => "Narasi Laporan Tahunan",
        "lke_butir" => "Butir LKE",
        "tahapan_lke" => "Tahapan untuk butir LKE",
        "bukti_lke" => "Bukti dukung untuk butir LKE",
        _ => "Data",
    }
}

fn field_label(table: &str, column: &str) -> String {
    let label = match (table, column) {
        ("tahapan", "nama") => "Uraian",
        (_, "nama") => "Nama",
        ("tahapan", "bulan") => "Jadwal",
        ("bukti", "bulan") => "Bulan yang didukung",
        ("realisasi", "bulan") => "Bulan",
        (_, "position") => "Urutan",
        (_, "program_id") => "Program",
        (_, "outcome_id") => "Outcome",
        (_, "kegiatan_id") => "Kegiatan",
        (_, "output_id") => "Output",
        (_, "tahapan_id") => "Tahapan",
        (_, "bukti_id") => "Bukti dukung",
        (_, "berkas_id") => "Isi berkas",
        (_, "kriteria") => "Kriteria keberhasilan",
        (_, "penanggung_jawab") => "Penanggung jawab",
        (_, "status") => "Status",
        (_, "persen") => "Persentase",
        (_, "catatan") => "Catatan",
        (_, "kendala") => "Kendala",
        (_, "tindak_lanjut") => "Tindak lanjut",
        (_, "judul") => "Judul",
        (_, "jenis") => "Jenis",
        (_, "nomor") => "Nomor",
        (_, "tanggal") => "Tanggal",
        (_, "keterangan") => "Keterangan",
        (_, "mime") => "Jenis berkas",
        (_, "nip") => "NIP",
        (_, "jabatan") => "Jabatan",
        (_, "peran") => "Peran",
        (_, "pokja") => "Pokja",
        (_, "data") => "Gambar logo",
        ("bab", "teks") => "Narasi",
        ("bab", "kunci") => "Bab",
        (_, "pemerintah_daerah") => "Pemerintah daerah",
        (_, "instansi") => "Instansi",
        (_, "unit_kerja") => "Unit kerja",
        (_, "alamat") => "Alamat",
        (_, "tahun") => "Tahun",
        (_, "nomor_keputusan") => "Nomor keputusan",
        (_, "tanggal_keputusan") => "Tanggal keputusan",
        (_, "kepala_nama") => "Nama kepala",
        (_, "kepala_nip") => "NIP kepala",
        (_, "kepala_pangkat") => "Pangkat/golongan kepala",
        (_, "ketua_nama") => "Nama ketua Tim RB",
        (_, "ketua_nip") => "NIP ketua Tim RB",
        (_, "ketua_pangkat") => "Pangkat/golongan ketua Tim RB",
        (_, "telepon") => "Telepon",
        (_, "email") => "Surel",
        (_, "laman") => "Laman",
        (_, "kode_pos") => "Kode pos",
        (_, "tempat_penetapan") => "Tempat penetapan",
        (_, "kesimpulan") => "Kesimpulan (Laporan Tahunan)",
        (_, "rekomendasi") => "Rekomendasi (Laporan Tahunan)",
        (_, "created_at") => "Dibuat",
        (_, "area") => "Area",
        (_, "indikator") => "Indikator",
        (_, "butir") => "Butir",
        (_, "butir_id") => "Butir LKE",
        _ => column,
    };
    label.to_owned()
}

/// Fields a preview never lists: when a row was changed is shown beside the conflict.
fn hidden(column: &str) -> bool {
    column == "modified_at"
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= SHOWN {
        return text.to_owned();
    }
    let cut: String = text.chars().take(SHOWN).collect();
    format!("{cut}…")
}

/// Every row either copy has, by key, for names of parents.
struct Names<'a> {
    ours: &'a Copy,
    theirs: &'a Copy,
    finals: &'a BTreeMap<String, Final>,
}

impl<'a> Names<'a> {
    fn fields(&self, key: &str) -> Option<(&'a str, &'a Fields)> {
        if let Some(Final::Put { table, fields, .. }) = self.finals.get(key) {
            return Some((table, fields));
        }
        self.ours
            .rows
            .get(key)
            .or_else(|| self.theirs.rows.get(key))
            .map(|r| (r.table, &r.fields))
    }

    fn nama(&self, key: &str) -> String {
        match self.fields(key) {
            Some((table, fields)) => row_name(self, table, fields),
            None => "(tidak ada lagi)".to_owned(),
        }
    }

    /// The program a row belongs to, by walking up its parents.
    fn program(&self, key: &str) -> Option<(i64, String)> {
        let mut key = key.to_owned();
        for _ in 0..8 {
            let (table, fields) = self.fields(&key)?;
            if table == "program" {
                let pos = fields.get("position").and_then(Value::as_i64).unwrap_or(0);
                return Some((pos, text(fields, "nama")));
            }
            let parent = [
                "outcome_id",
                "kegiatan_id",
                "output_id",
                "tahapan_id",
                "bukti_id",
            ]
            .iter()
            .chain(["program_id"].iter())
            .find_map(|c| fields.get(*c).and_then(Value::as_str))?;
            key = parent.to_owned();
        }
        None
    }
}

fn text(fields: &Fields, column: &str) -> String {
    match fields.get(column) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn row_name(names: &Names<'_>, table: &str, fields: &Fields) -> String {
    let name = match table {
        "plan" => "Identitas rencana".to_owned(),
        "logo" => "Logo kop".to_owned(),
        "realisasi" => {
            let bulan = fields.get("bulan").and_then(Value::as_u64).unwrap_or(1);
            let tahapan = fields
                .get("tahapan_id")
                .and_then(Value::as_str)
                .map(|k| names.nama(k))
                .unwrap_or_default();
            format!("{} — {tahapan}", nama_bulan(bulan as u8))
        }
        "bukti" => text(fields, "judul"),
        "bab" => crate::model::BabKunci::from_code(&text(fields, "kunci"))
            .map(|k| k.label())
            .unwrap_or_else(|| text(fields, "kunci")),
        "lke_butir" => text(fields, "butir"),
        "tahapan_lke" | "bukti_lke" => {
            let of = |column: &str| {
                fields
                    .get(column)
                    .and_then(Value::as_str)
                    .map(|k| names.nama(k))
                    .unwrap_or_default()
            };
            let from = if table == "tahapan_lke" {
                "tahapan_id"
            } else {
                "bukti_id"
            };
            format!("{} — {}", of(from), of("butir_id"))
        }
        _ => text(fields, "nama"),
    };
    shorten(&name)
}

fn months(mask: u64) -> String {
    let Some(jadwal) = u16::try_from(mask).ok().and_then(Jadwal::from_mask) else {
        return String::new();
    };
    let names: Vec<&str> = jadwal
        .months()
        .into_iter()
        .map(|m| BULAN_PENDEK[usize::from(m) - 1])
        .collect();
    if names.is_empty() {
        "(tidak ada)".to_owned()
    } else {
        names.join(", ")
    }
}

fn shown(names: &Names<'_>, table: &str, column: &str, value: Option<&Value>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    let out = match (table, column, value) {
        (_, "bulan", Value::Number(n)) if table != "realisasi" => months(n.as_u64().unwrap_or(0)),
        ("realisasi", "bulan", Value::Number(n)) => {
            nama_bulan(n.as_u64().unwrap_or(1) as u8).into()
        }
        (_, "status", Value::String(code)) => crate::realisasi::Status::from_code(code)
            .map(|s| s.label().to_owned())
            .unwrap_or_else(|| code.clone()),
        (_, "persen", Value::Number(n)) => format!("{n}%"),
        (_, "peran", Value::String(code)) => crate::model::Peran::from_code(code)
            .map(|p| p.label().to_owned())
            .unwrap_or_else(|| code.clone()),
        (_, "jenis", Value::String(code)) => {
            crate::bukti::Jenis::from_code(code).label().to_owned()
        }
        (_, "position", Value::Number(n)) => format!("ke-{}", n.as_i64().unwrap_or(0) + 1),
        (_, "berkas_id" | "data", Value::String(sha)) => {
            format!("SHA-256 {}…", sha.chars().take(12).collect::<String>())
        }
        (
            _,
            "program_id" | "outcome_id" | "kegiatan_id" | "output_id" | "tahapan_id" | "bukti_id"
            | "butir_id",
            Value::String(key),
        ) => names.nama(key),
        (_, _, Value::String(s)) => s.clone(),
        (_, _, Value::Null) => String::new(),
        (_, _, other) => other.to_string(),
    };
    shorten(&out)
}

fn is_move(column: &str) -> bool {
    matches!(
        column,
        "position" | "program_id" | "outcome_id" | "kegiatan_id" | "output_id"
    )
}

/// What the preview shows: the changes by group, the conflicts, the number of changes and
/// the files (count, bytes) to copy.
pub(crate) struct Described {
    pub groups: Vec<ChangeGroup>,
    pub conflicts: Vec<MergeConflict>,
    pub changes: u32,
    pub new_files: u32,
    pub new_bytes: u64,
}

const IDENTITAS: (i64, &str) = (-2, "Identitas rencana");
const KOP: (i64, &str) = (-1, "Laporan");
const TIM: (i64, &str) = (i64::MAX, "Tim RB");

fn group_of(names: &Names<'_>, table: &str, key: &str) -> (i64, String) {
    match table {
        "plan" => (IDENTITAS.0, IDENTITAS.1.into()),
        "logo" | "bab" => (KOP.0, KOP.1.into()),
        "anggota" => (TIM.0, TIM.1.into()),
        "lke_butir" => (TIM.0 - 2, "Butir LKE".into()),
        _ => names
            .program(key)
            .map(|(pos, nama)| (pos, format!("Program: {}", shorten(&nama))))
            .unwrap_or((i64::MAX - 1, "Lainnya".into())),
    }
}

pub(crate) fn describe(ours: &Copy, theirs: &Copy, d: &Decision, choices: &Choices) -> Described {
    let names = Names {
        ours,
        theirs,
        finals: &d.finals,
    };
    let mut groups: BTreeMap<(i64, String), Vec<Change>> = BTreeMap::new();
    let mut new_files: BTreeSet<&str> = BTreeSet::new();
    let mut new_bytes = 0u64;
    let mut changes = 0u32;
    for (key, fin) in &d.finals {
        let before = ours.rows.get(key);
        let change = match (fin, before) {
            (Final::Ours, _) | (Final::Deleted { .. }, None) => continue,
            (Final::Deleted { .. }, Some(row)) => Change {
                kind: ChangeKind::Deleted,
                what: what(row.table).into(),
                nama: row_name(&names, row.table, &row.fields),
                fields: Vec::new(),
                size: None,
                already_present: false,
            },
            (Final::Put { table, fields, .. }, before) => {
                let mut listed = Vec::new();
                let mut moved_only = true;
                if let Some(row) = before {
                    for (column, value) in fields {
                        let old = row.fields.get(column);
                        if hidden(column) || old == Some(value) {
                            continue;
                        }
                        moved_only &= is_move(column);
                        listed.push(crate::merge::FieldChange {
                            label: field_label(table, column),
                            before: shown(&names, table, column, old),
                            after: shown(&names, table, column, Some(value)),
                        });
                    }
                    if listed.is_empty() {
                        continue;
                    }
                }
                let (size, already_present) = match fields.get("berkas_id").and_then(Value::as_str)
                {
                    Some(sha) if *table == "bukti_berkas" => {
                        let present = ours.berkas.contains_key(sha);
                        let size = theirs
                            .berkas
                            .get(sha)
                            .or_else(|| ours.berkas.get(sha))
                            .copied();
                        if !present && new_files.insert(sha) {
                            new_bytes += size.unwrap_or(0);
                        }
                        (size, present)
                    }
                    _ => (None, false),
                };
                Change {
                    kind: match before {
                        None => ChangeKind::Added,
                        Some(_) if moved_only => ChangeKind::Moved,
                        Some(_) => ChangeKind::Changed,
                    },
                    what: what(table).into(),
                    nama: row_name(&names, table, fields),
                    fields: listed,
                    size,
                    already_present,
                }
            }
        };
        let table = match fin {
            Final::Put { table, .. } => table,
            _ => before.map(|r| r.table).unwrap_or(""),
        };
        changes += 1;
        groups
            .entry(group_of(&names, table, key))
            .or_default()
            .push(change);
    }
    let conflicts = d
        .conflicts
        .iter()
        .map(|c| {
            let (_, group) = group_of(&names, c.table, &c.key);
            let fields_of = |f: &Option<Fields>| f.clone().unwrap_or_default();
            let (o, t) = (fields_of(&c.ours), fields_of(&c.theirs));
            let nama = c
                .ours
                .as_ref()
                .or(c.theirs.as_ref())
                .map(|f| row_name(&names, c.table, f))
                .unwrap_or_default();
            let at = |f: &Option<Fields>, side: &Copy| {
                f.as_ref()
                    .map(|f| text(f, "modified_at"))
                    .or_else(|| side.tombstones.get(&c.key).map(|t| t.deleted_at.clone()))
                    .filter(|s| !s.is_empty())
            };
            let (reason, fields) = match c.kind {
                ConflictKind::Edited => (
                    "Diubah di kedua salinan dengan isi yang berbeda.".to_owned(),
                    c.fields
                        .iter()
                        .map(|col| ConflictField {
                            label: field_label(c.table, col),
                            ours: shown(&names, c.table, col, o.get(col)),
                            theirs: shown(&names, c.table, col, t.get(col)),
                        })
                        .collect(),
                ),
                ConflictKind::DeletedEdited | ConflictKind::DeletedParent => {
                    let ours_live = c.ours.is_some();
                    let state = |live: bool| {
                        if live {
                            "Tetap ada (diubah)".to_owned()
                        } else {
                            "Dihapus".to_owned()
                        }
                    };
                    let reason = match (c.kind, ours_live) {
                        (ConflictKind::DeletedEdited, true) => {
                            "Dihapus di salinan rekan, tetapi diubah di salinan Anda."
                        }
                        (ConflictKind::DeletedEdited, false) => {
                            "Dihapus di salinan Anda, tetapi diubah di salinan rekan."
                        }
                        (_, true) => "Dihapus di salinan rekan, tetapi salinan Anda menambah atau mengubah isi di bawahnya.",
                        (_, false) => "Dihapus di salinan Anda, tetapi salinan rekan menambah atau mengubah isi di bawahnya.",
                    };
                    (
                        reason.to_owned(),
                        vec![ConflictField {
                            label: "Keadaan".into(),
                            ours: state(ours_live),
                            theirs: state(!ours_live),
                        }],
                    )
                }
            };
            MergeConflict {
                id: c.key.clone(),
                group,
                what: what(c.table).into(),
                nama,
                reason,
                fields,
                ours_at: at(&c.ours, ours),
                theirs_at: at(&c.theirs, theirs),
                chosen: choices.per_key.get(&c.key).copied().or(choices.prefer),
            }
        })
        .collect();
    Described {
        groups: groups
            .into_iter()
            .map(|((_, judul), changes)| ChangeGroup { judul, changes })
            .collect(),
        conflicts,
        changes,
        new_files: new_files.len() as u32,
        new_bytes,
    }
}

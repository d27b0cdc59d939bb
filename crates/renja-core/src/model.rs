//! The types the core hands out: what the UI shows, what `renja info` and `renja dump` print.
//! They cross to TypeScript through generated bindings (ts-rs), so field names are the names
//! the UI uses too; they follow the plan file's columns (snake_case, domain words).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::{AnggotaId, ProgramId};

/// Who the plan belongs to and the decree (Keputusan) that set it. Shown on the plan screen,
/// edited in the identity form, and printed in the letterhead and signature block of reports.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct PlanIdentity {
    pub pemerintah_daerah: String,
    /// Instansi / perangkat daerah, e.g. "Dinas Perkebunan".
    pub instansi: String,
    pub unit_kerja: String,
    pub alamat: String,
    pub telepon: String,
    pub email: String,
    pub laman: String,
    pub kode_pos: String,
    pub tahun: i32,
    pub nomor_keputusan: String,
    /// `YYYY-MM-DD`, or empty while the decree is not signed.
    pub tanggal_keputusan: String,
    /// Where the decree is signed ("Ditetapkan di"), e.g. "Kutai Kartanegara".
    pub tempat_penetapan: String,
    pub kepala_nama: String,
    pub kepala_nip: String,
    /// Pangkat/golongan of the kepala, printed under the name ("Pembina Utama Muda (IV/c)").
    pub kepala_pangkat: String,
    pub ketua_nama: String,
    pub ketua_nip: String,
    /// Pangkat/golongan of the ketua Tim RB ("Pembina (IV/a)").
    pub ketua_pangkat: String,
}

/// What marks the example plan (`generate::contoh`) in its identity: the end of its instansi.
pub const CONTOH_MARK: &str = "(CONTOH)";

impl PlanIdentity {
    /// Whether this is the example plan's identity (its instansi still ends in "(CONTOH)"):
    /// the window title says so.
    pub fn is_contoh(&self) -> bool {
        self.instansi.trim_end().ends_with(CONTOH_MARK)
    }
}

/// Row counts of a plan or of one program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
pub struct Counts {
    pub programs: u32,
    pub outcomes: u32,
    pub kegiatan: u32,
    pub outputs: u32,
    pub tahapan: u32,
    pub anggota: u32,
}

/// One program (area perubahan) as listed on the plan screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProgramSummary {
    pub id: ProgramId,
    /// 1-based number in the plan's order, as printed in the Rencana Aksi.
    pub nomor: u32,
    pub nama: String,
    pub outcomes: u32,
    pub kegiatan: u32,
    pub outputs: u32,
    pub tahapan: u32,
}

/// Why an open plan is read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReadOnlyReason {
    /// The user chose "Buka hanya-baca".
    Chosen,
    /// The file or its medium cannot be written.
    NotWritable,
}

/// What was found beside a plan and done about it, for the banner on the plan screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Recovery {
    /// The Indonesian sentence the banner shows.
    pub message: String,
    /// The copies kept beside the plan before anything was applied or moved, if any.
    pub kept: Vec<String>,
}

/// An older file that was upgraded on opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Upgrade {
    pub from_version: u32,
    pub to_version: u32,
    /// The copy written before upgrading; `None` when the plan was opened read-only and was
    /// upgraded in memory only.
    pub backup_path: Option<String>,
}

/// Everything the plan screen shows when a plan is opened.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanOverview {
    pub path: String,
    pub file_name: String,
    pub read_only: Option<ReadOnlyReason>,
    pub upgrade: Option<Upgrade>,
    /// What was found beside the plan on opening and done about it.
    pub recovery: Option<Recovery>,
    pub schema_version: u32,
    pub identity: PlanIdentity,
    pub programs: Vec<ProgramSummary>,
    pub totals: Counts,
    /// Whether the letterhead has a logo.
    pub ada_logo: bool,
    /// The team's conclusions and recommendations for the yearly report.
    pub catatan_tahunan: CatatanTahunan,
    /// The merges made into this plan ("Gabungkan dari berkas rekan…"), newest first.
    pub merges: Vec<MergeRecord>,
    /// The narrative of the Laporan Tahunan's chapters.
    pub bab: Bab,
}

/// A merge made into this plan, for the Ringkasan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MergeRecord {
    pub merged_at: String,
    pub file_name: String,
    pub plan_uuid: String,
    /// When the colleague's plan was last changed.
    pub modified_at: String,
    pub changes: u32,
    pub conflicts: u32,
}

// Kept here, not with the reports, because the plan screen shows it and an edit sets it:
// reports only read it (the `catatan_tahunan` module holds its rules).
/// The team's conclusions and recommendations, printed in the Laporan Monev Tahunan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CatatanTahunan {
    pub kesimpulan: String,
    pub rekomendasi: String,
}

/// A chapter of the Laporan Tahunan whose narrative the team writes. BAB V (Penutup) is the
/// [`CatatanTahunan`]: its kesimpulan and rekomendasi are not stored twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BabKunci {
    Pendahuluan,
    GambaranUmum,
    Agenda,
    Manajemen,
}

impl BabKunci {
    pub const ALL: [BabKunci; 4] = [
        BabKunci::Pendahuluan,
        BabKunci::GambaranUmum,
        BabKunci::Agenda,
        BabKunci::Manajemen,
    ];

    /// The value stored in `bab.kunci`: the serde name.
    pub fn code(self) -> &'static str {
        match self {
            BabKunci::Pendahuluan => "pendahuluan",
            BabKunci::GambaranUmum => "gambaranUmum",
            BabKunci::Agenda => "agenda",
            BabKunci::Manajemen => "manajemen",
        }
    }

    pub fn from_code(code: &str) -> Option<BabKunci> {
        BabKunci::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The chapter's number in Roman numerals, as the seed numbers them.
    pub fn nomor(self) -> &'static str {
        match self {
            BabKunci::Pendahuluan => "I",
            BabKunci::GambaranUmum => "II",
            BabKunci::Agenda => "III",
            BabKunci::Manajemen => "IV",
        }
    }

    /// The chapter's title as the seed heads it (upper case in the document).
    pub fn judul(self) -> &'static str {
        match self {
            BabKunci::Pendahuluan => "Pendahuluan",
            BabKunci::GambaranUmum => "Gambaran Umum Reformasi Birokrasi",
            BabKunci::Agenda => "Agenda Reformasi Birokrasi Perangkat Daerah",
            BabKunci::Manajemen => "Manajemen Pelaksanaan Reformasi Birokrasi",
        }
    }

    /// "BAB I Pendahuluan": what the editor and the undo button say.
    pub fn label(self) -> String {
        format!("BAB {} {}", self.nomor(), self.judul())
    }
}

/// The team's narrative of BAB I–IV of the Laporan Tahunan: plain paragraphs, one a line,
/// and "- " list items. Empty when not written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Bab {
    pub pendahuluan: String,
    pub gambaran_umum: String,
    pub agenda: String,
    pub manajemen: String,
}

impl Bab {
    pub fn get(&self, kunci: BabKunci) -> &str {
        match kunci {
            BabKunci::Pendahuluan => &self.pendahuluan,
            BabKunci::GambaranUmum => &self.gambaran_umum,
            BabKunci::Agenda => &self.agenda,
            BabKunci::Manajemen => &self.manajemen,
        }
    }

    pub fn get_mut(&mut self, kunci: BabKunci) -> &mut String {
        match kunci {
            BabKunci::Pendahuluan => &mut self.pendahuluan,
            BabKunci::GambaranUmum => &mut self.gambaran_umum,
            BabKunci::Agenda => &mut self.agenda,
            BabKunci::Manajemen => &mut self.manajemen,
        }
    }
}

/// What `renja info --json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct PlanInfo {
    pub path: String,
    pub schema_version: u32,
    #[serde(flatten)]
    pub counts: Counts,
    pub identity: PlanIdentity,
}

/// A role in the Tim RB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Peran {
    Pengarah,
    Ketua,
    Sekretaris,
    AnggotaPokja,
    Asesor,
    AgenPerubahan,
}

impl Peran {
    pub const ALL: [Peran; 6] = [
        Peran::Pengarah,
        Peran::Ketua,
        Peran::Sekretaris,
        Peran::AnggotaPokja,
        Peran::Asesor,
        Peran::AgenPerubahan,
    ];

    /// The value stored in the `anggota.peran` column.
    pub fn code(self) -> &'static str {
        match self {
            Peran::Pengarah => "pengarah",
            Peran::Ketua => "ketua",
            Peran::Sekretaris => "sekretaris",
            Peran::AnggotaPokja => "anggotaPokja",
            Peran::Asesor => "asesor",
            Peran::AgenPerubahan => "agenPerubahan",
        }
    }

    pub fn from_code(code: &str) -> Option<Peran> {
        Peran::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The Indonesian label.
    pub fn label(self) -> &'static str {
        match self {
            Peran::Pengarah => "Tim Pengarah",
            Peran::Ketua => "Ketua",
            Peran::Sekretaris => "Sekretaris",
            Peran::AnggotaPokja => "Anggota Pokja",
            Peran::Asesor => "Tim Asesor",
            Peran::AgenPerubahan => "Agen Perubahan",
        }
    }
}

/// A member of the Tim RB.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Anggota {
    pub id: AnggotaId,
    pub uuid: String,
    pub nama: String,
    pub nip: String,
    pub jabatan: String,
    pub peran: Peran,
    pub pokja: String,
    pub modified_at: String,
}

/// A level of the tree program > outcome > kegiatan > output > tahapan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Level {
    Program,
    Outcome,
    Kegiatan,
    Output,
    Tahapan,
}

impl Level {
    /// Top to bottom.
    pub const ALL: [Level; 5] = [
        Level::Program,
        Level::Outcome,
        Level::Kegiatan,
        Level::Output,
        Level::Tahapan,
    ];

    /// The level's table in the plan file: a parent id (none for a program) and a `position`
    /// among siblings.
    pub(crate) fn table(self) -> &'static str {
        match self {
            Level::Program => "program",
            Level::Outcome => "outcome",
            Level::Kegiatan => "kegiatan",
            Level::Output => "output",
            Level::Tahapan => "tahapan",
        }
    }

    /// The column naming the parent row, and the parent's level.
    pub(crate) fn parent(self) -> Option<(&'static str, Level)> {
        match self {
            Level::Program => None,
            Level::Outcome => Some(("program_id", Level::Program)),
            Level::Kegiatan => Some(("outcome_id", Level::Outcome)),
            Level::Output => Some(("kegiatan_id", Level::Kegiatan)),
            Level::Tahapan => Some(("output_id", Level::Output)),
        }
    }

    /// The level below this one; `None` for a tahapan.
    pub(crate) fn child(self) -> Option<Level> {
        let i = Level::ALL.iter().position(|l| *l == self)?;
        Level::ALL.get(i + 1).copied()
    }

    /// The word used in messages and undo labels: the domain word, which is also the
    /// table's name.
    pub fn label(self) -> &'static str {
        self.table()
    }
}

/// The months a tahapan is scheduled in, 1 = Januari … 12 = Desember, stored as a 12-bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Jadwal(u16);

impl Jadwal {
    pub const MASK: u16 = 0x0FFF;

    pub fn from_mask(mask: u16) -> Option<Jadwal> {
        (mask & !Self::MASK == 0).then_some(Jadwal(mask))
    }

    pub fn mask(self) -> u16 {
        self.0
    }

    /// Scheduled month numbers, ascending.
    pub fn months(self) -> Vec<u8> {
        (1..=12u8)
            .filter(|m| self.0 & (1 << (m - 1)) != 0)
            .collect()
    }
}

// --- the whole plan, as `renja dump` prints it -------------------------------------------

#[derive(Debug, Clone, Serialize)]
pub struct DumpTahapan {
    pub uuid: String,
    pub nama: String,
    /// Month numbers 1–12.
    pub bulan: Vec<u8>,
    pub kriteria: String,
    pub penanggung_jawab: String,
    pub modified_at: String,
    /// The row's version (see `crate::merge`); empty for rows never changed since schema 6.
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DumpOutput {
    pub uuid: String,
    pub nama: String,
    pub modified_at: String,
    /// The row's version (see `crate::merge`); empty for rows never changed since schema 6.
    pub version: String,
    pub tahapan: Vec<DumpTahapan>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DumpKegiatan {
    pub uuid: String,
    pub nama: String,
    pub modified_at: String,
    /// The row's version (see `crate::merge`); empty for rows never changed since schema 6.
    pub version: String,
    pub outputs: Vec<DumpOutput>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DumpOutcome {
    pub uuid: String,
    pub nama: String,
    pub modified_at: String,
    /// The row's version (see `crate::merge`); empty for rows never changed since schema 6.
    pub version: String,
    pub kegiatan: Vec<DumpKegiatan>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DumpProgram {
    pub uuid: String,
    pub nomor: u32,
    pub nama: String,
    pub modified_at: String,
    /// The row's version (see `crate::merge`); empty for rows never changed since schema 6.
    pub version: String,
    pub outcomes: Vec<DumpOutcome>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanDump {
    /// Always `"renja-rb-plan"`, so a reader can tell what it was given.
    pub format: &'static str,
    pub schema_version: u32,
    pub uuid: String,
    pub created_at: String,
    pub modified_at: String,
    /// The version of the plan row (identity and yearly notes).
    pub version: String,
    pub identity: PlanIdentity,
    pub catatan_tahunan: CatatanTahunan,
    pub logo: Option<DumpLogo>,
    pub programs: Vec<DumpProgram>,
    pub anggota: Vec<DumpAnggota>,
    /// Every realisasi, by tahapan uuid and month.
    pub realisasi: Vec<DumpRealisasi>,
    /// Every piece of evidence with its files (metadata and SHA-256, not the bytes).
    pub bukti: Vec<DumpBukti>,
    /// The LKE butir in list order, with the tahapan and evidence linked to each (by uuid).
    pub lke: Vec<DumpButir>,
    /// Rows deleted, kept so a merge does not bring them back (see `crate::merge`).
    pub deleted: Vec<DumpDeleted>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DumpLogo {
    pub sha256: String,
    pub mime: String,
    pub bytes: u64,
    pub modified_at: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DumpAnggota {
    pub uuid: String,
    pub nama: String,
    pub nip: String,
    pub jabatan: String,
    pub peran: Peran,
    pub pokja: String,
    pub modified_at: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DumpRealisasi {
    pub tahapan: String,
    pub bulan: u8,
    pub status: String,
    pub persen: u8,
    pub catatan: String,
    pub kendala: String,
    pub tindak_lanjut: String,
    pub modified_at: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DumpBukti {
    pub uuid: String,
    pub tahapan: String,
    pub judul: String,
    pub jenis: String,
    pub nomor: String,
    pub tanggal: String,
    pub keterangan: String,
    /// Month numbers 1–12 the evidence supports.
    pub bulan: Vec<u8>,
    pub created_at: String,
    pub modified_at: String,
    pub version: String,
    pub berkas: Vec<DumpBerkas>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DumpBerkas {
    pub uuid: String,
    pub nama: String,
    pub mime: String,
    pub sha256: String,
    pub size: u64,
    pub modified_at: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DumpButir {
    pub uuid: String,
    pub area: String,
    pub indikator: String,
    pub butir: String,
    pub modified_at: String,
    pub version: String,
    /// Links from tahapan, by link key.
    pub tahapan: Vec<DumpLink>,
    /// Links from evidence, by link key.
    pub bukti: Vec<DumpLink>,
}

/// A link to a butir: its key, the linked row's uuid, and the link's version.
#[derive(Debug, Clone, Serialize)]
pub struct DumpLink {
    pub uuid: String,
    pub from: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DumpDeleted {
    pub key: String,
    pub table: String,
    pub version: String,
    pub deleted_at: String,
}

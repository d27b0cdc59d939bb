//! Merging a colleague's copy (issue 11): what comes over, conflicts, deletes that survive the
//! trip, undo as a new change, copies that converge whatever the order, and files refused.

use std::path::{Path, PathBuf};

use renja_core::AnggotaInput;
use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::{Level, NewNode};
use renja_core::generate::{GenerateSpec, generate};
use renja_core::merge::{MergeChoices, Side};
use renja_core::model::Peran;
use renja_core::realisasi::{RealisasiInput, Status};
use renja_core::{ErrorKind, NewPlan, OpenMode, Plan, TahapanId, Template};

use crate::common::{clock, sha256, tempdir};

fn open(path: &Path) -> Plan {
    Plan::open(path, OpenMode::Edit, clock()).expect("open for editing")
}

fn open_theirs(path: &Path) -> Plan {
    Plan::open(path, OpenMode::ReadOnly, clock()).expect("open read-only")
}

/// The seed plan at `dir/ours.renjarb` and a byte copy of it at `dir/theirs.renjarb`.
fn two_copies(dir: &Path) -> (PathBuf, PathBuf) {
    let ours = dir.join("ours.renjarb");
    let plan = Plan::create(
        &ours,
        NewPlan {
            template: Template::Seed,
            tahun: 2025,
        },
        false,
        clock(),
    )
    .expect("create");
    plan.close().expect("close");
    let theirs = dir.join("theirs.renjarb");
    std::fs::copy(&ours, &theirs).expect("copy");
    (ours, theirs)
}

fn tahapan(plan: &Plan) -> Vec<(TahapanId, String)> {
    plan.grid()
        .expect("grid")
        .rows
        .into_iter()
        .filter(|r| r.level == Level::Tahapan)
        .map(|r| (TahapanId(r.id), r.nama))
        .collect()
}

fn dump(path: &Path) -> serde_json::Value {
    let plan = open_theirs(path);
    let value = serde_json::to_value(plan.dump().expect("dump")).expect("json");
    plan.close().expect("close");
    value
}

fn merge(ours: &Path, theirs: &Path, choices: &MergeChoices) -> renja_core::merge::MergeResult {
    let mut plan = open(ours);
    let other = open_theirs(theirs);
    let result = plan.merge(&other, choices, &mut |_| {}).expect("merge");
    other.close().expect("close theirs");
    plan.close().expect("close ours");
    result
}

fn selesai() -> RealisasiInput {
    RealisasiInput {
        status: Status::Selesai,
        persen: 100,
        catatan: "Rapat koordinasi terlaksana".into(),
        kendala: String::new(),
        tindak_lanjut: String::new(),
    }
}

#[test]
fn a_colleagues_work_comes_over_and_merging_it_twice_changes_nothing() {
    let dir = tempdir();
    let (ours, theirs) = two_copies(dir.path());
    let evidence = dir.path().join("Notulen rapat.pdf");
    std::fs::write(&evidence, b"%PDF-1.4 notulen rapat koordinasi").expect("write");
    let (renamed, deleted) = {
        let mut plan = open(&theirs);
        let rows = tahapan(&plan);
        let (first, _) = rows[0].clone();
        let (gone, gone_name) = rows[1].clone();
        plan.rename_node(
            Level::Tahapan,
            first.0,
            "Menyusun rencana kerja (versi Pokja)",
        )
        .expect("rename");
        plan.set_realisasi(first, 3, &selesai()).expect("realisasi");
        plan.add_bukti(
            first,
            &BuktiInput {
                judul: "Notulen rapat koordinasi".into(),
                jenis: Jenis::Notulen,
                nomor: "005/12/RB".into(),
                tanggal: "2025-03-10".into(),
                keterangan: String::new(),
                bulan: 1 << 2,
            },
            std::slice::from_ref(&evidence),
        )
        .expect("bukti");
        plan.add_anggota(&AnggotaInput {
            nama: "Siti Rahmawati, S.E.".into(),
            nip: String::new(),
            jabatan: "Analis Kebijakan".into(),
            peran: Peran::AnggotaPokja,
            pokja: "Pokja Manajemen Perubahan".into(),
        })
        .expect("anggota");
        plan.delete_node(Level::Tahapan, gone.0).expect("delete");
        plan.close().expect("close");
        (first, gone_name)
    };

    let mut plan = open(&ours);
    let other = open_theirs(&theirs);
    let preview = plan
        .merge_preview(&other, &MergeChoices::default())
        .expect("preview");
    assert!(!preview.other_plan);
    assert_eq!(preview.open_conflicts, 0, "{:?}", preview.conflicts);
    let all: Vec<_> = preview.groups.iter().flat_map(|g| &g.changes).collect();
    let find = |what: &str, kind: renja_core::merge::ChangeKind| {
        all.iter()
            .find(|c| c.what == what && c.kind == kind)
            .unwrap_or_else(|| panic!("no {what} {kind:?} in {all:#?}"))
    };
    use renja_core::merge::ChangeKind::*;
    let changed = find("Tahapan", Changed);
    assert_eq!(changed.fields[0].label, "Uraian");
    assert_eq!(
        changed.fields[0].after,
        "Menyusun rencana kerja (versi Pokja)"
    );
    assert_eq!(find("Tahapan", Deleted).nama, deleted);
    assert!(find("Realisasi", Added).nama.starts_with("Maret — "));
    let file = find("Berkas bukti dukung", Added);
    assert_eq!(file.size, Some(33));
    assert!(!file.already_present);
    find("Anggota tim", Added);
    assert_eq!(preview.new_files, 1);
    assert_eq!(preview.new_bytes, 33);
    // Grouped by program: the tahapan changes sit under a "Program: …" heading.
    assert!(
        preview
            .groups
            .iter()
            .any(|g| g.judul.starts_with("Program: ")
                && g.changes.iter().any(|c| c.what == "Tahapan"))
    );
    assert!(preview.groups.iter().any(|g| g.judul == "Tim RB"));
    // The preview changed nothing.
    assert_eq!(plan.undo_state().undo, None);

    let result = plan
        .merge(&other, &MergeChoices::default(), &mut |_| {})
        .expect("merge");
    assert_eq!(result.changes, preview.changes);
    assert_eq!(result.files_copied, 1);
    assert_eq!(
        plan.undo_state().undo.as_deref(),
        Some("Gabungkan berkas rekan")
    );
    let merged = plan.dump().expect("dump");
    let theirs_dump = other.dump().expect("dump");
    assert_eq!(
        serde_json::to_value(&merged.programs).expect("json"),
        serde_json::to_value(&theirs_dump.programs).expect("json")
    );
    assert_eq!(merged.realisasi.len(), 1);
    assert_eq!(merged.bukti[0].berkas[0].sha256, sha256(&evidence));
    assert!(merged.deleted.iter().any(|d| d.table == "tahapan"));
    assert_eq!(plan.merges().expect("merges").len(), 1);
    // The file's bytes came over and read back.
    let bukti = plan.bukti(Some(renamed)).expect("bukti");
    let copy = dir.path().join("out.pdf");
    plan.export_bukti_file(bukti[0].berkas[0].id, &copy)
        .expect("export");
    assert_eq!(sha256(&copy), sha256(&evidence));

    // Twice: nothing new, no undo step, no second log entry.
    let before = plan.dump().expect("dump");
    let again = plan
        .merge(&other, &MergeChoices::default(), &mut |_| {})
        .expect("merge again");
    assert_eq!(again.changes, 0);
    assert_eq!(
        serde_json::to_value(plan.dump().expect("dump")).expect("json"),
        serde_json::to_value(before).expect("json")
    );
    assert_eq!(plan.merges().expect("merges").len(), 1);
    assert_eq!(
        plan.merge_preview(&other, &MergeChoices::default())
            .expect("preview")
            .changes,
        0
    );

    // One undoable step: undo brings ours back, redo the merge.
    let merged_rows = tahapan(&plan);
    assert!(plan.undo().expect("undo"));
    let undone = plan.dump().expect("dump");
    assert_eq!(undone.realisasi.len(), 0);
    assert!(undone.bukti.is_empty());
    assert_eq!(plan.merges().expect("merges").len(), 0);
    assert!(plan.redo().expect("redo"));
    let redone = plan.dump().expect("dump");
    assert_eq!(redone.realisasi.len(), 1);
    assert_eq!(redone.bukti.len(), 1);
    assert_eq!(tahapan(&plan), merged_rows);
    other.close().expect("close");
    plan.close().expect("close");
}

#[test]
fn a_field_changed_in_both_copies_is_a_conflict_settled_per_item() {
    let dir = tempdir();
    let (ours, theirs) = two_copies(dir.path());
    for (path, name, kriteria) in [
        (&ours, "Uraian dari sekretariat", None),
        (&theirs, "Uraian dari Pokja", Some("Kriteria dari Pokja")),
    ] {
        let mut plan = open(path);
        let (id, _) = tahapan(&plan)[0].clone();
        plan.rename_node(Level::Tahapan, id.0, name)
            .expect("rename");
        if let Some(k) = kriteria {
            plan.set_kriteria(id, k).expect("kriteria");
        }
        plan.close().expect("close");
    }
    let mut plan = open(&ours);
    let other = open_theirs(&theirs);
    let preview = plan
        .merge_preview(&other, &MergeChoices::default())
        .expect("preview");
    assert_eq!(preview.open_conflicts, 1);
    let conflict = &preview.conflicts[0];
    assert_eq!(conflict.what, "Tahapan");
    assert_eq!(
        conflict.fields.len(),
        1,
        "only the uraian clashes: {conflict:?}"
    );
    assert_eq!(conflict.fields[0].ours, "Uraian dari sekretariat");
    assert_eq!(conflict.fields[0].theirs, "Uraian dari Pokja");
    assert!(conflict.ours_at.is_some() && conflict.theirs_at.is_some());

    // Without a choice: refused, nothing changed.
    let before = serde_json::to_value(plan.dump().expect("dump")).expect("json");
    let err = plan
        .merge(&other, &MergeChoices::default(), &mut |_| {})
        .expect_err("open conflict");
    assert!(err.to_string().contains("belum dipilih"), "{err}");
    assert_eq!(
        serde_json::to_value(plan.dump().expect("dump")).expect("json"),
        before
    );

    // "Dari rekan" for this item: theirs' uraian, and the kriteria only they changed.
    let choices = MergeChoices {
        per_conflict: vec![(conflict.id.clone(), Side::Theirs)],
        ..MergeChoices::default()
    };
    plan.merge(&other, &choices, &mut |_| {}).expect("merge");
    let rows = plan.grid().expect("grid").rows;
    let first = rows
        .iter()
        .find(|r| r.level == Level::Tahapan)
        .expect("tahapan");
    assert_eq!(first.nama, "Uraian dari Pokja");
    assert_eq!(first.kriteria, "Kriteria dari Pokja");
    plan.undo().expect("undo");
    let rows = plan.grid().expect("grid").rows;
    let first = rows
        .iter()
        .find(|r| r.level == Level::Tahapan)
        .expect("tahapan");
    assert_eq!(first.nama, "Uraian dari sekretariat");
    other.close().expect("close");
    plan.close().expect("close");
}

#[test]
fn a_row_deleted_in_one_copy_does_not_come_back_from_an_older_copy() {
    let dir = tempdir();
    let (ours, theirs) = two_copies(dir.path());
    let gone = {
        let mut plan = open(&ours);
        let (id, nama) = tahapan(&plan)[3].clone();
        plan.delete_node(Level::Tahapan, id.0).expect("delete");
        plan.close().expect("close");
        nama
    };
    // The older copy (unchanged) merged into ours: still deleted.
    merge(&ours, &theirs, &MergeChoices::default());
    let plan = open_theirs(&ours);
    assert!(!tahapan(&plan).iter().any(|(_, n)| *n == gone));
    plan.close().expect("close");
    // Ours merged into the older copy: deleted there too, and it stays deleted through a
    // third copy that only ever saw the older state.
    let third = dir.path().join("third.renjarb");
    std::fs::copy(&theirs, &third).expect("copy");
    merge(&theirs, &ours, &MergeChoices::default());
    merge(&third, &theirs, &MergeChoices::default());
    for path in [&theirs, &third] {
        let plan = open_theirs(path);
        assert!(!tahapan(&plan).iter().any(|(_, n)| *n == gone), "{path:?}");
        plan.close().expect("close");
    }
}

#[test]
fn deleting_in_one_copy_while_editing_in_the_other_is_a_conflict() {
    let dir = tempdir();
    let (ours, theirs) = two_copies(dir.path());
    {
        let mut plan = open(&ours);
        let (id, _) = tahapan(&plan)[2].clone();
        plan.delete_node(Level::Tahapan, id.0).expect("delete");
        plan.close().expect("close");
    }
    {
        let mut plan = open(&theirs);
        let (id, _) = tahapan(&plan)[2].clone();
        plan.set_kriteria(id, "Diubah oleh Pokja setelah rapat")
            .expect("kriteria");
        plan.close().expect("close");
    }
    let mut plan = open(&ours);
    let other = open_theirs(&theirs);
    let preview = plan
        .merge_preview(&other, &MergeChoices::default())
        .expect("preview");
    assert_eq!(preview.open_conflicts, 1);
    assert!(
        preview.conflicts[0]
            .reason
            .contains("Dihapus di salinan Anda"),
        "{:?}",
        preview.conflicts[0]
    );
    let n = tahapan(&plan).len();
    plan.merge(
        &other,
        &MergeChoices {
            prefer: Some(Side::Theirs),
            ..MergeChoices::default()
        },
        &mut |_| {},
    )
    .expect("merge");
    assert_eq!(tahapan(&plan).len(), n + 1, "the edited tahapan is back");
    assert!(
        plan.grid()
            .expect("grid")
            .rows
            .iter()
            .any(|r| r.kriteria == "Diubah oleh Pokja setelah rapat")
    );
    other.close().expect("close");
    plan.close().expect("close");
}

#[test]
fn an_undo_in_one_copy_is_a_newer_change_than_what_it_undid() {
    let dir = tempdir();
    let (ours, theirs) = two_copies(dir.path());
    let original = {
        let mut plan = open(&theirs);
        let (id, nama) = tahapan(&plan)[0].clone();
        plan.rename_node(Level::Tahapan, id.0, "Nama sementara")
            .expect("rename");
        plan.close().expect("close");
        nama
    };
    // Ours takes the rename …
    merge(&ours, &theirs, &MergeChoices::default());
    // … then theirs takes it back with undo (in a new session the rename is a new edit).
    {
        let mut plan = open(&theirs);
        let (id, _) = tahapan(&plan)[0].clone();
        plan.rename_node(Level::Tahapan, id.0, "Nama kedua")
            .expect("rename");
        assert!(plan.undo().expect("undo"));
        assert_eq!(tahapan(&plan)[0].1, "Nama sementara");
        plan.close().expect("close");
    }
    // Undo restored a value ours already has, as a new version: no conflict, nothing changes.
    let plan = open(&ours);
    let other = open_theirs(&theirs);
    let preview = plan
        .merge_preview(&other, &MergeChoices::default())
        .expect("preview");
    assert_eq!(preview.open_conflicts, 0, "{:?}", preview.conflicts);
    assert_eq!(preview.changes, 0);
    other.close().expect("close");
    plan.close().expect("close");

    // Undo in a copy that already sent its rename: the undo wins over the rename.
    {
        let mut plan = open(&theirs);
        let (id, _) = tahapan(&plan)[0].clone();
        plan.rename_node(Level::Tahapan, id.0, &original)
            .expect("rename");
        plan.close().expect("close");
    }
    merge(&ours, &theirs, &MergeChoices::default());
    {
        let mut plan = open(&theirs);
        let (id, _) = tahapan(&plan)[0].clone();
        plan.rename_node(Level::Tahapan, id.0, "Dikirim lalu diurungkan")
            .expect("rename");
        plan.close().expect("close");
    }
    merge(&ours, &theirs, &MergeChoices::default());
    {
        let mut plan = open(&theirs);
        let (id, _) = tahapan(&plan)[0].clone();
        plan.rename_node(Level::Tahapan, id.0, "x").expect("rename");
        plan.undo().expect("undo");
        plan.close().expect("close");
    }
    let plan = open_theirs(&ours);
    assert_eq!(tahapan(&plan)[0].1, "Dikirim lalu diurungkan");
    plan.close().expect("close");
}

#[test]
fn a_copy_of_another_plan_is_refused_unless_confirmed_and_bad_files_as_on_open() {
    let dir = tempdir();
    let ours = dir.path().join("ours.renjarb");
    let other_path = dir.path().join("lain.renjarb");
    for path in [&ours, &other_path] {
        Plan::create(
            path,
            NewPlan {
                template: Template::Seed,
                tahun: 2025,
            },
            false,
            clock(),
        )
        .expect("create")
        .close()
        .expect("close");
    }
    {
        let mut plan = open(&other_path);
        let (id, _) = tahapan(&plan)[0].clone();
        plan.set_realisasi(id, 2, &selesai()).expect("realisasi");
        plan.close().expect("close");
    }
    let mut plan = open(&ours);
    let other = open_theirs(&other_path);
    let preview = plan
        .merge_preview(&other, &MergeChoices::default())
        .expect("preview");
    assert!(preview.other_plan);
    let err = plan
        .merge(&other, &MergeChoices::default(), &mut |_| {})
        .expect_err("another plan");
    assert!(err.to_string().contains("rencana lain"), "{err}");
    // Confirmed: the template rows are matched by name, not doubled; the realisasi comes over.
    let n = tahapan(&plan).len();
    let same = MergeChoices {
        same_plan: true,
        prefer: Some(Side::Ours),
        ..MergeChoices::default()
    };
    let preview = plan.merge_preview(&other, &same).expect("preview");
    assert!(!preview.other_plan);
    plan.merge(&other, &same, &mut |_| {}).expect("merge");
    assert_eq!(tahapan(&plan).len(), n);
    assert_eq!(plan.dump().expect("dump").realisasi.len(), 1);
    // The plan itself cannot be merged into itself.
    let itself = open_theirs(&ours);
    let err = plan
        .merge(&itself, &MergeChoices::default(), &mut |_| {})
        .expect_err("itself");
    assert!(err.to_string().contains("sedang dibuka"), "{err}");
    drop(itself);
    other.close().expect("close");
    plan.close().expect("close");

    // Not a plan, and a damaged plan: refused on opening, the file unchanged.
    let junk = dir.path().join("bukan.renjarb");
    std::fs::write(&junk, b"ini bukan rencana").expect("write");
    let err = Plan::open(&junk, OpenMode::ReadOnly, clock()).expect_err("junk");
    assert_eq!(err.kind(), ErrorKind::BadFile);
    assert_eq!(std::fs::read(&junk).expect("read"), b"ini bukan rencana");
}

#[test]
fn every_edit_undo_and_redo_gives_a_row_a_version_it_never_had_and_deletes_leave_a_marker() {
    let dir = tempdir();
    let (ours, _) = two_copies(dir.path());
    let mut plan = open(&ours);
    let version = |plan: &Plan| {
        let d = plan.dump().expect("dump");
        d.programs[0].outcomes[0].kegiatan[0].outputs[0].tahapan[0]
            .version
            .clone()
    };
    let (id, _) = tahapan(&plan)[0].clone();
    let mut seen = vec![version(&plan)];
    plan.set_kriteria(id, "Kriteria baru").expect("kriteria");
    seen.push(version(&plan));
    plan.undo().expect("undo");
    seen.push(version(&plan));
    plan.redo().expect("redo");
    seen.push(version(&plan));
    // Saving the same value again is no change: no new version.
    plan.set_kriteria(id, "Kriteria baru").expect("same");
    assert_eq!(version(&plan), seen[3]);
    let distinct: std::collections::HashSet<_> = seen.iter().collect();
    assert_eq!(distinct.len(), seen.len(), "{seen:?}");
    assert!(seen[1..].iter().all(|v| v.len() == 32), "{seen:?}");

    let uuid = plan.dump().expect("dump").programs[0].outcomes[0].kegiatan[0].outputs[0].tahapan[0]
        .uuid
        .clone();
    plan.delete_node(Level::Tahapan, id.0).expect("delete");
    let marker = plan.dump().expect("dump").deleted;
    assert!(marker.iter().any(|d| d.key == uuid && d.table == "tahapan"));
    plan.undo().expect("undo delete");
    let d = plan.dump().expect("dump");
    assert!(
        !d.deleted.iter().any(|d| d.key == uuid),
        "the marker goes with the undo"
    );
    assert!(
        !seen.contains(&version(&plan)),
        "an undone delete is a new version"
    );
    plan.close().expect("close");
}

#[test]
fn damaged_evidence_in_the_colleagues_copy_stops_the_merge_and_changes_nothing() {
    let dir = tempdir();
    let (ours, theirs) = two_copies(dir.path());
    let evidence = dir.path().join("Daftar hadir.pdf");
    std::fs::write(&evidence, vec![7u8; 300_000]).expect("write");
    {
        let mut plan = open(&theirs);
        let (id, _) = tahapan(&plan)[0].clone();
        plan.set_realisasi(id, 1, &selesai()).expect("realisasi");
        plan.add_bukti(
            id,
            &BuktiInput {
                judul: "Daftar hadir rapat".into(),
                jenis: Jenis::DaftarHadir,
                nomor: String::new(),
                tanggal: String::new(),
                keterangan: String::new(),
                bulan: 1,
            },
            std::slice::from_ref(&evidence),
        )
        .expect("bukti");
        plan.close().expect("close");
    }
    // A byte of the stored file flipped on the way (a bad flash drive).
    {
        let db = rusqlite::Connection::open(&theirs).expect("sqlite");
        db.execute(
            "UPDATE berkas SET data = CAST(zeroblob(300000) AS BLOB)",
            [],
        )
        .expect("damage");
    }
    let before = sha256(&ours);
    let mut plan = open(&ours);
    let other = open_theirs(&theirs);
    let err = plan
        .merge(&other, &MergeChoices::default(), &mut |_| {})
        .expect_err("damaged evidence");
    assert!(
        err.message().contains("Daftar hadir.pdf"),
        "{}",
        err.message()
    );
    assert_eq!(plan.undo_state().undo, None, "no step");
    assert!(
        plan.dump().expect("dump").realisasi.is_empty(),
        "nothing half-merged"
    );
    other.close().expect("close");
    plan.close().expect("close");
    assert_eq!(sha256(&ours), before, "ours is byte for byte as it was");

    // A newer-format file and a file that is not a plan never get as far as a merge.
    for bad in [
        "bad/newer.renjarb",
        "bad/html.renjarb",
        "bad/truncated.renjarb",
    ] {
        let copy = crate::common::copy_fixture(bad, dir.path());
        let err = Plan::open(&copy, OpenMode::ReadOnly, clock()).expect_err(bad);
        assert_eq!(err.kind(), ErrorKind::BadFile, "{bad}: {err}");
    }
}

#[test]
fn chapters_written_in_two_copies_come_together_and_the_same_chapter_is_a_conflict() {
    use renja_core::model::BabKunci;
    let dir = tempdir();
    let (ours, theirs) = two_copies(dir.path());
    for (path, kunci, teks) in [
        (
            &ours,
            BabKunci::Pendahuluan,
            "Pendahuluan dari sekretariat.",
        ),
        (&theirs, BabKunci::Manajemen, "Manajemen dari Pokja."),
        (&ours, BabKunci::Agenda, "Agenda versi sekretariat."),
        (&theirs, BabKunci::Agenda, "Agenda versi Pokja."),
    ] {
        let mut plan = open(path);
        plan.set_bab(kunci, teks).expect("bab");
        plan.close().expect("close");
    }
    let mut plan = open(&ours);
    let other = open_theirs(&theirs);
    let preview = plan
        .merge_preview(&other, &MergeChoices::default())
        .expect("preview");
    assert_eq!(preview.open_conflicts, 1, "{:?}", preview.conflicts);
    assert!(
        preview.conflicts[0].nama.contains("BAB III"),
        "{:?}",
        preview.conflicts[0]
    );
    plan.merge(
        &other,
        &MergeChoices {
            prefer: Some(Side::Theirs),
            ..MergeChoices::default()
        },
        &mut |_| {},
    )
    .expect("merge");
    let bab = plan.bab().expect("bab");
    assert_eq!(bab.pendahuluan, "Pendahuluan dari sekretariat.");
    assert_eq!(bab.manajemen, "Manajemen dari Pokja.");
    assert_eq!(bab.agenda, "Agenda versi Pokja.");
    other.close().expect("close");
    plan.close().expect("close");
}

// --- properties over generated plans --------------------------------------------------------

/// A small deterministic generator (xorshift64*), so failures replay.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `n` random edits: renames, schedules, kriteria, realisasi, adds, moves and deletes.
fn random_edits(path: &Path, rng: &mut Rng, n: usize, tag: &str) {
    let mut plan = open(path);
    for i in 0..n {
        let rows = plan.grid().expect("grid").rows;
        let tahapan: Vec<_> = rows.iter().filter(|r| r.level == Level::Tahapan).collect();
        let outputs: Vec<_> = rows.iter().filter(|r| r.level == Level::Output).collect();
        let t = tahapan[rng.below(tahapan.len())];
        let id = TahapanId(t.id);
        match rng.below(8) {
            0 => plan
                .rename_node(Level::Tahapan, t.id, &format!("{tag} uraian {i}"))
                .expect("rename"),
            1 => plan
                .set_bulan(id, (rng.next() & 0x0FFF) as u16)
                .expect("bulan"),
            2 => plan
                .set_kriteria(id, &format!("{tag} kriteria {i}"))
                .expect("kriteria"),
            3 | 4 => plan
                .set_realisasi(
                    id,
                    (rng.below(12) + 1) as u8,
                    &RealisasiInput {
                        status: Status::DalamProses,
                        persen: (rng.below(100)) as u8,
                        catatan: format!("{tag} catatan {i}"),
                        kendala: String::new(),
                        tindak_lanjut: String::new(),
                    },
                )
                .expect("realisasi"),
            5 => {
                let o = outputs[rng.below(outputs.len())];
                plan.add_node(
                    NewNode {
                        level: Level::Tahapan,
                        parent: Some(o.id),
                        after: None,
                    },
                    &format!("{tag} tahapan baru {i}"),
                )
                .expect("add");
            }
            6 => plan
                .move_node(Level::Tahapan, t.id, rng.below(4))
                .expect("move"),
            _ => {
                if tahapan.len() > 10 {
                    plan.delete_node(Level::Tahapan, t.id).expect("delete");
                }
            }
        }
    }
    plan.close().expect("close");
}

fn generated(dir: &Path, name: &str, tahapan: u32) -> PathBuf {
    let path = dir.join(name);
    generate(
        &path,
        &GenerateSpec {
            tahapan,
            tahun: 2025,
            seed: 7,
            evidence: 0,
            evidence_bytes: 0,
            // Realisasi up to June in both copies before they part.
            realisasi: 6,
        },
        false,
        clock(),
    )
    .expect("generate")
    .close()
    .expect("close");
    path
}

/// The dump without what only says where the file is (nothing, today: the dump holds no
/// file-local data; kept as the one place to say so).
fn plan_json(path: &Path) -> serde_json::Value {
    dump(path)
}

#[test]
fn copies_that_merge_each_other_end_equal_after_random_edits_on_both_sides() {
    for seed in [1u64, 2, 3] {
        let dir = tempdir();
        let a = generated(dir.path(), "a.renjarb", 1_000);
        let b = dir.path().join("b.renjarb");
        std::fs::copy(&a, &b).expect("copy");
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed);
        random_edits(&a, &mut rng, 40, "A");
        random_edits(&b, &mut rng, 40, "B");
        // Keep the originals of both, so each merges the other's unmerged copy.
        let a0 = dir.path().join("a0.renjarb");
        let b0 = dir.path().join("b0.renjarb");
        std::fs::copy(&a, &a0).expect("copy");
        std::fs::copy(&b, &b0).expect("copy");
        // The same choices: B's side wins every conflict, seen from either copy.
        merge(
            &a,
            &b0,
            &MergeChoices {
                prefer: Some(Side::Theirs),
                ..MergeChoices::default()
            },
        );
        merge(
            &b,
            &a0,
            &MergeChoices {
                prefer: Some(Side::Ours),
                ..MergeChoices::default()
            },
        );
        let (ja, jb) = (plan_json(&a), plan_json(&b));
        if ja != jb {
            let (sa, sb) = (
                serde_json::to_string_pretty(&ja).expect("json"),
                serde_json::to_string_pretty(&jb).expect("json"),
            );
            let line = sa
                .lines()
                .zip(sb.lines())
                .position(|(x, y)| x != y)
                .unwrap_or(0);
            let near = |s: &str| {
                s.lines()
                    .skip(line.saturating_sub(8))
                    .take(16)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            panic!(
                "seed {seed}: dumps differ near line {line}:\n{}\n---\n{}",
                near(&sa),
                near(&sb)
            );
        }
        // And merging once more changes nothing on either side.
        assert_eq!(merge(&a, &b, &MergeChoices::default()).changes, 0);
        assert_eq!(merge(&b, &a, &MergeChoices::default()).changes, 0);
    }
}

/// Edits that never touch the same row: each copy works in its own program.
fn edits_in_program(path: &Path, program_index: usize, tag: &str, rng: &mut Rng) {
    let mut plan = open(path);
    for i in 0..15 {
        let rows = plan.grid().expect("grid").rows;
        let programs: Vec<i64> = rows
            .iter()
            .filter(|r| r.level == Level::Program)
            .map(|r| r.id)
            .collect();
        let program = programs[program_index % programs.len()];
        let mine: Vec<_> = rows
            .iter()
            .filter(|r| r.level == Level::Tahapan && r.program == program)
            .collect();
        let t = mine[rng.below(mine.len())];
        match rng.below(3) {
            0 => plan
                .rename_node(Level::Tahapan, t.id, &format!("{tag} {i}"))
                .expect("rename"),
            1 => plan
                .set_realisasi(TahapanId(t.id), (rng.below(12) + 1) as u8, &selesai())
                .expect("realisasi"),
            _ => plan
                .set_kriteria(TahapanId(t.id), &format!("{tag} kriteria {i}"))
                .expect("kriteria"),
        }
    }
    plan.close().expect("close");
}

#[test]
fn three_copies_merged_in_any_order_give_the_same_plan() {
    let dir = tempdir();
    let base = generated(dir.path(), "base.renjarb", 1_000);
    let copies: Vec<PathBuf> = ["a", "b", "c"]
        .iter()
        .map(|n| {
            let p = dir.path().join(format!("{n}.renjarb"));
            std::fs::copy(&base, &p).expect("copy");
            p
        })
        .collect();
    let mut rng = Rng(42);
    for (i, path) in copies.iter().enumerate() {
        edits_in_program(path, i, &format!("Salinan {i}"), &mut rng);
    }
    let mut results = Vec::new();
    for order in [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ] {
        let target = dir.path().join(format!("gabung-{order:?}.renjarb"));
        std::fs::copy(&copies[order[0]], &target).expect("copy");
        for i in &order[1..] {
            let r = merge(&target, &copies[*i], &MergeChoices::default());
            assert!(r.changes > 0);
        }
        results.push(plan_json(&target));
    }
    for r in &results[1..] {
        assert_eq!(r, &results[0]);
    }
}

/// The uuids of the tahapan linked to each butir, by butir text, from a dump.
fn lke_links(path: &Path) -> Vec<(String, usize)> {
    let d = dump(path);
    d["lke"]
        .as_array()
        .expect("lke")
        .iter()
        .map(|b| {
            (
                b["butir"].as_str().expect("butir").to_owned(),
                b["tahapan"].as_array().expect("links").len(),
            )
        })
        .collect()
}

#[test]
fn lke_links_made_in_two_copies_both_come_over_and_a_deleted_butir_stays_deleted() {
    let dir = tempdir();
    let (ours, theirs) = two_copies(dir.path());
    let butir = |plan: &Plan, nomor: &str| {
        plan.lke()
            .expect("lke")
            .areas
            .into_iter()
            .flat_map(|a| a.indikator)
            .flat_map(|i| i.butir)
            .find(|b| b.nomor == nomor)
            .expect("butir")
    };
    let (gone, kept) = {
        let mut plan = open(&ours);
        let t = tahapan(&plan);
        let b = butir(&plan, "1.a.1");
        plan.set_butir_tahapan(b.id, &[t[0].0])
            .expect("link in ours");
        // The same link made in both copies is one link.
        let shared = butir(&plan, "3.a.1");
        plan.set_butir_tahapan(shared.id, &[t[2].0])
            .expect("shared");
        let gone = butir(&plan, "8.a.1");
        plan.delete_butir(gone.id).expect("delete in ours");
        plan.close().expect("close");
        (gone.butir, b.butir)
    };
    {
        let mut plan = open(&theirs);
        let t = tahapan(&plan);
        let b = butir(&plan, "2.a.1");
        plan.set_butir_tahapan(b.id, &[t[1].0, t[4].0])
            .expect("link in theirs");
        let shared = butir(&plan, "3.a.1");
        plan.set_butir_tahapan(shared.id, &[t[2].0])
            .expect("shared");
        plan.close().expect("close");
    }
    let theirs_before = dir.path().join("theirs-before.renjarb");
    std::fs::copy(&theirs, &theirs_before).expect("copy");
    let result = merge(&ours, &theirs, &MergeChoices::default());
    assert_eq!(result.conflicts, 0);
    merge(&theirs, &ours, &MergeChoices::default());
    for path in [&ours, &theirs] {
        let links = lke_links(path);
        assert_eq!(links.len(), 99, "{path:?}: the deleted butir stays deleted");
        assert!(!links.iter().any(|(b, _)| *b == gone));
        let count = |text: &str| links.iter().find(|(b, _)| b == text).map(|(_, n)| *n);
        assert_eq!(count(&kept), Some(1), "{path:?}: ours' link");
        assert_eq!(
            links.iter().map(|(_, n)| n).sum::<usize>(),
            1 + 2 + 1,
            "{path:?}: ours', theirs' two and the shared one once"
        );
    }
    assert_eq!(
        plan_json(&ours)["lke"],
        plan_json(&theirs)["lke"],
        "converged"
    );
    // The older copy of theirs, which still had the butir, does not bring it back.
    merge(&ours, &theirs_before, &MergeChoices::default());
    assert_eq!(lke_links(&ours).len(), 99);
}

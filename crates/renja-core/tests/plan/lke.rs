//! The LKE in the plan (issue 13): the template's 100 butir, a plan's own butir (add, edit,
//! delete, import), links from tahapan and evidence, the LKE view, the LKE package and the
//! Daftar Bukti Dukung ordered by LKE butir.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use renja_core::bukti::{BuktiInput, Jenis};
use renja_core::edit::{Edit, Level};
use renja_core::lke::{ButirInput, Keadaan, Lke, LkeButir};
use renja_core::report::{Isi, ReportKind, ReportRequest, Urut};
use renja_core::{ButirId, ErrorKind, NewPlan, Plan, TahapanId, Template};

use crate::common::{clock, sha256, tempdir, xlsx_sheets};

fn create(dir: &Path, template: Template) -> Plan {
    Plan::create(
        &dir.join("r.renjarb"),
        NewPlan {
            template,
            tahun: 2025,
        },
        false,
        clock(),
    )
    .expect("create")
}

fn tahapan(plan: &Plan) -> Vec<TahapanId> {
    plan.grid()
        .expect("grid")
        .rows
        .into_iter()
        .filter(|r| r.level == Level::Tahapan)
        .map(|r| TahapanId(r.id))
        .collect()
}

fn all_butir(lke: &Lke) -> Vec<&LkeButir> {
    lke.areas
        .iter()
        .flat_map(|a| &a.indikator)
        .flat_map(|i| &i.butir)
        .collect()
}

fn butir<'a>(lke: &'a Lke, nomor: &str) -> &'a LkeButir {
    all_butir(lke)
        .into_iter()
        .find(|b| b.nomor == nomor)
        .unwrap_or_else(|| panic!("butir {nomor}"))
}

fn input(area: &str, indikator: &str, butir: &str) -> ButirInput {
    ButirInput {
        area: area.into(),
        indikator: indikator.into(),
        butir: butir.into(),
    }
}

fn bukti_input(judul: &str) -> BuktiInput {
    BuktiInput {
        judul: judul.into(),
        jenis: Jenis::Sk,
        nomor: "800/1/DISBUN/2025".into(),
        tanggal: "2025-02-03".into(),
        keterangan: String::new(),
        bulan: 0b10,
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn the_template_brings_the_100_butir_of_the_seed_in_28_indikator() {
    let dir = tempdir();
    let plan = create(dir.path(), Template::Seed);
    let lke = plan.lke().expect("lke");
    assert_eq!(lke.areas.len(), 8);
    assert_eq!(
        lke.areas.iter().map(|a| a.indikator.len()).sum::<usize>(),
        28
    );
    assert_eq!(lke.jumlah_butir, 100);
    assert_eq!(all_butir(&lke).len(), 100);
    assert_eq!(lke.tanpa_bukti, 100, "a fresh plan has no evidence");
    let per_area: Vec<u32> = lke.areas.iter().map(|a| a.jumlah_butir).collect();
    assert_eq!(per_area, [12, 2, 11, 11, 16, 8, 22, 18]);
    assert_eq!(lke.areas[0].nama, "Manajemen Perubahan");
    assert_eq!(lke.areas[0].indikator[0].nomor, "1.a");
    assert_eq!(lke.areas[0].indikator[0].nama, "Tim Reformasi birokrasi");
    let first = butir(&lke, "1.a.1");
    assert_eq!(first.butir, "Tim Reformasi unit kerja telah dibentuk");
    assert!(first.tahapan.is_empty() && first.bukti == 0);
    // The seed's two identical butir of 6.a are both kept, as the LKE lists them.
    assert_eq!(butir(&lke, "6.a.3").butir, butir(&lke, "6.a.6").butir);
    assert_eq!(lke.tahapan.len(), 106);
    assert_eq!(lke.tahapan[0].nomor, "1.1.1");
    assert_eq!(lke.tahapan[0].keadaan, Keadaan::BelumDijadwalkan);
    plan.close().expect("close");

    let empty_dir = tempdir();
    let empty = create(empty_dir.path(), Template::Empty);
    let lke = empty.lke().expect("lke");
    assert!(lke.areas.is_empty() && lke.jumlah_butir == 0 && lke.tahapan.is_empty());
}

#[test]
fn two_plans_from_the_template_name_the_same_butir_alike() {
    let (a, b) = (tempdir(), tempdir());
    let keys = |dir: &Path| {
        let plan = create(dir, Template::Seed);
        let dump = plan.dump().expect("dump");
        plan.close().expect("close");
        dump.lke.into_iter().map(|b| b.uuid).collect::<Vec<_>>()
    };
    let ours = keys(a.path());
    assert_eq!(ours.len(), 100);
    assert_eq!(ours, keys(b.path()));
    let unique: std::collections::BTreeSet<_> = ours.iter().collect();
    assert_eq!(
        unique.len(),
        100,
        "the two identical butir of 6.a have keys of their own"
    );
}

#[test]
fn butir_are_added_edited_and_deleted_with_undo() {
    let dir = tempdir();
    let mut plan = create(dir.path(), Template::Empty);
    let id = plan
        .add_butir(&input(" Area  A ", "Indikator x", "Butir satu"))
        .expect("add");
    plan.add_butir(&input("Area B", "Indikator y", "Butir dua"))
        .expect("add");
    plan.add_butir(&input("Area A", "Indikator x", "Butir tiga"))
        .expect("add");
    let lke = plan.lke().expect("lke");
    assert_eq!(lke.areas.len(), 2);
    assert_eq!(lke.areas[0].nama, "Area A", "whitespace tidied");
    assert_eq!(
        butir(&lke, "1.a.2").butir,
        "Butir tiga",
        "grouped under its indikator"
    );
    assert_eq!(butir(&lke, "2.a.1").butir, "Butir dua");
    assert_eq!(plan.undo_state().undo.as_deref(), Some("Tambah butir LKE"));

    plan.update_butir(id, &input("Area A", "Indikator x", "Butir satu diubah"))
        .expect("update");
    assert_eq!(
        butir(&plan.lke().expect("lke"), "1.a.1").butir,
        "Butir satu diubah"
    );
    plan.undo().expect("undo");
    assert_eq!(
        butir(&plan.lke().expect("lke"), "1.a.1").butir,
        "Butir satu"
    );
    plan.redo().expect("redo");

    plan.delete_butir(id).expect("delete");
    assert_eq!(plan.lke().expect("lke").jumlah_butir, 2);
    assert_eq!(plan.undo_state().undo.as_deref(), Some("Hapus butir LKE"));
    plan.undo().expect("undo delete");
    assert_eq!(plan.lke().expect("lke").jumlah_butir, 3);

    // Bad input is refused in Indonesian and changes nothing.
    let before = plan.lke().expect("lke");
    for bad in [
        input("", "i", "b"),
        input("a", "i", "   "),
        input("a", "i", &"x".repeat(2_001)),
    ] {
        let e = plan.add_butir(&bad).expect_err("refused");
        assert_eq!(e.kind(), ErrorKind::Invalid);
        assert!(e.message().contains("butir LKE"), "{}", e.message());
    }
    let e = plan
        .update_butir(ButirId(9_999), &input("a", "b", "c"))
        .expect_err("missing");
    assert_eq!(e.kind(), ErrorKind::Other);
    assert_eq!(plan.lke().expect("lke"), before);
}

#[test]
fn linking_a_tahapan_to_two_butir_brings_its_evidence_to_both() {
    let dir = tempdir();
    let mut plan = create(dir.path(), Template::Seed);
    let t = tahapan(&plan);
    let lke = plan.lke().expect("lke");
    let (b1, b2) = (butir(&lke, "1.a.1").id, butir(&lke, "1.b.1").id);
    plan.add_bukti(t[0], &bukti_input("SK Tim RB"), &[])
        .expect("bukti");

    plan.set_butir_tahapan(b1, &[t[0]]).expect("link 1");
    plan.set_butir_tahapan(b2, &[t[0], t[1]]).expect("link 2");
    assert_eq!(
        plan.undo_state().undo.as_deref(),
        Some("Ubah tautan tahapan ke butir LKE")
    );
    let lke = plan.lke().expect("lke");
    assert_eq!(butir(&lke, "1.a.1").tahapan, [t[0]]);
    assert_eq!(butir(&lke, "1.b.1").tahapan, [t[0], t[1]]);
    assert_eq!(butir(&lke, "1.a.1").bukti, 1);
    assert_eq!(butir(&lke, "1.b.1").bukti, 1);
    assert_eq!(lke.tanpa_bukti, 98);
    assert_eq!(lke.areas[0].tanpa_bukti, 10);
    assert_eq!(lke.tahapan[0].bukti, 1);

    // Evidence that chooses its own butir answers those only; choosing none follows the
    // tahapan again.
    let k = plan.bukti(Some(t[0])).expect("bukti")[0].id;
    assert!(!plan.bukti_butir(k).expect("butir").own);
    let b3 = butir(&lke, "2.a.1").id;
    plan.set_bukti_butir(k, &[b3]).expect("own butir");
    let own = plan.bukti_butir(k).expect("butir");
    assert!(own.own && own.butir == [b3]);
    let lke = plan.lke().expect("lke");
    assert_eq!(
        (butir(&lke, "1.a.1").bukti, butir(&lke, "2.a.1").bukti),
        (0, 1)
    );
    plan.set_bukti_butir(k, &[]).expect("follow the tahapan");
    assert_eq!(butir(&plan.lke().expect("lke"), "1.a.1").bukti, 1);

    // Unlinking, and undo of it.
    plan.set_butir_tahapan(b1, &[]).expect("unlink");
    assert!(butir(&plan.lke().expect("lke"), "1.a.1").tahapan.is_empty());
    plan.undo().expect("undo");
    assert_eq!(butir(&plan.lke().expect("lke"), "1.a.1").tahapan, [t[0]]);

    // Deleting a tahapan drops its links; a missing tahapan or butir is refused.
    assert!(plan.set_butir_tahapan(b1, &[TahapanId(99_999)]).is_err());
    assert!(plan.set_bukti_butir(k, &[ButirId(99_999)]).is_err());
    plan.delete_node(Level::Tahapan, t[0].0)
        .expect("delete tahapan");
    assert!(butir(&plan.lke().expect("lke"), "1.a.1").tahapan.is_empty());
}

#[test]
fn a_new_bukti_answers_its_own_butir_in_the_step_that_adds_it() {
    let dir = tempdir();
    let mut plan = create(dir.path(), Template::Seed);
    let t = tahapan(&plan);
    let lke = plan.lke().expect("lke");
    let (b1, b2) = (butir(&lke, "1.a.1").id, butir(&lke, "2.a.1").id);
    plan.set_butir_tahapan(b1, &[t[0]]).expect("link");
    let file = write(dir.path(), "sk.pdf", b"%PDF-1.4 sk");
    plan.apply(Edit::AddBukti {
        tahapan: t[0],
        bukti: bukti_input("SK Tim RB"),
        files: vec![file.clone()],
        butir: Some(vec![b2]),
    })
    .expect("add with own butir");
    let k = plan.bukti(Some(t[0])).expect("bukti")[0].id;
    let own = plan.bukti_butir(k).expect("butir");
    assert!(own.own && own.butir == [b2], "{own:?}");
    let lke = plan.lke().expect("lke");
    assert_eq!(
        (butir(&lke, "1.a.1").bukti, butir(&lke, "2.a.1").bukti),
        (0, 1)
    );
    // One step: undo takes the bukti and its butir away together, redo brings both back.
    assert_eq!(
        plan.undo_state().undo.as_deref(),
        Some("Tambah bukti dukung")
    );
    plan.undo().expect("undo");
    assert!(plan.bukti(Some(t[0])).expect("bukti").is_empty());
    assert_eq!(butir(&plan.lke().expect("lke"), "2.a.1").bukti, 0);
    assert_eq!(
        plan.undo_state().undo.as_deref(),
        Some("Ubah tautan tahapan ke butir LKE")
    );
    plan.redo().expect("redo");
    let k = plan.bukti(Some(t[0])).expect("bukti")[0].id;
    assert_eq!(plan.bukti_butir(k).expect("butir").butir, [b2]);

    // A butir that does not exist refuses the whole step: no bukti, no file stored.
    let before = plan.bukti(None).expect("bukti").len();
    let err = plan
        .apply(Edit::AddBukti {
            tahapan: t[1],
            bukti: bukti_input("Notulen"),
            files: vec![file],
            butir: Some(vec![ButirId(99_999)]),
        })
        .expect_err("missing butir");
    assert!(
        matches!(
            err,
            renja_core::Error::Missing {
                what: "butir LKE",
                id: 99_999
            }
        ),
        "{err}"
    );
    assert_eq!(plan.bukti(None).expect("bukti").len(), before);
    assert!(plan.bukti(Some(t[1])).expect("bukti").is_empty());
}

#[test]
fn the_same_link_made_from_the_tahapan_or_the_edit_request_is_one() {
    let dir = tempdir();
    let mut plan = create(dir.path(), Template::Seed);
    let t = tahapan(&plan);
    let lke = plan.lke().expect("lke");
    let (b1, b2) = (butir(&lke, "1.a.1").id, butir(&lke, "1.a.2").id);
    plan.set_tahapan_butir(t[3], &[b1, b2])
        .expect("from tahapan");
    plan.apply(Edit::SetButirTahapan {
        id: b1,
        tahapan: vec![t[3]],
    })
    .expect("from butir");
    let lke = plan.lke().expect("lke");
    assert_eq!(butir(&lke, "1.a.1").tahapan, [t[3]]);
    assert_eq!(butir(&lke, "1.a.2").tahapan, [t[3]]);
}

#[test]
fn a_csv_of_area_indikator_butir_is_imported_once() {
    let dir = tempdir();
    let mut plan = create(dir.path(), Template::Empty);
    // Windows-1252 with a semicolon, as Excel writes a CSV on an Indonesian Windows.
    let mut csv = b"Daftar butir LKE 2025\r\nNo;Area;Indikator;Butir\r\n".to_vec();
    csv.extend_from_slice(b"1;Manajemen Perubahan;Tim RB;Tim RB telah dibentuk\r\n");
    csv.extend_from_slice(
        b"2;Manajemen Perubahan;Tim RB;Tim RB bekerja sesuai rencana \x96 rutin\r\n",
    );
    csv.extend_from_slice(b";;;\r\n");
    csv.extend_from_slice(b"3;Akuntabilitas;Kinerja;Renstra telah disusun\r\n");
    let path = write(dir.path(), "lke.csv", &csv);
    assert_eq!(plan.import_lke(&path).expect("import"), 3);
    assert_eq!(plan.undo_state().undo.as_deref(), Some("Impor butir LKE"));
    let lke = plan.lke().expect("lke");
    assert_eq!(lke.jumlah_butir, 3);
    assert_eq!(
        butir(&lke, "1.a.2").butir,
        "Tim RB bekerja sesuai rencana – rutin"
    );
    assert_eq!(butir(&lke, "2.a.1").indikator, "Kinerja");
    // Again: nothing new.
    assert_eq!(plan.import_lke(&path).expect("import again"), 0);
    assert_eq!(plan.lke().expect("lke").jumlah_butir, 3);

    // The seed's own file (area_no, area, indicator_code, indicator, item_no, item) reads too.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/template/lke_pmprb.csv");
    assert_eq!(plan.import_lke(&seed).expect("seed csv"), 100);
    // The built-in list adds nothing more.
    assert_eq!(plan.add_lke_bawaan().expect("bawaan"), 0);
}

#[test]
fn a_bad_table_is_refused_whole_naming_the_row() {
    let dir = tempdir();
    let mut plan = create(dir.path(), Template::Seed);
    let before = plan.lke().expect("lke");
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "kolom.csv",
            b"area,butir\nA,B\n",
            "kolom \"area\", \"indikator\" dan \"butir\"",
        ),
        (
            "baris.csv",
            b"area,indikator,butir\nA,I,satu\nA,,dua\n",
            "baris 3: Indikator butir LKE tidak boleh kosong",
        ),
        (
            "kosong.csv",
            b"area,indikator,butir\n,,\n",
            "tidak memuat satu butir pun",
        ),
        ("biner.csv", b"\x00\x01\x02PK\x00\xff", ""),
        ("nol.csv", b"", ""),
    ];
    for (name, bytes, words) in cases {
        let path = write(dir.path(), name, bytes);
        let e = plan.import_lke(&path).expect_err(name);
        assert!(e.message().contains(words), "{name}: {}", e.message());
        assert!(
            !e.message().is_empty() && !e.message().contains("Error"),
            "{}",
            e.message()
        );
        assert_eq!(plan.lke().expect("lke"), before, "{name} changed nothing");
    }
    let long = format!("area,indikator,butir\nA,I,{}\n", "x".repeat(2_001));
    let path = write(dir.path(), "panjang.csv", long.as_bytes());
    let e = plan.import_lke(&path).expect_err("too long");
    assert!(e.message().contains("terlalu panjang"), "{}", e.message());
    assert_eq!(plan.lke().expect("lke"), before);
}

fn entries(zip: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(zip).expect("open zip")).expect("read zip");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).expect("entry");
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).expect("read entry");
            (f.name().expect("UTF-8 name").into_owned(), bytes)
        })
        .collect()
}

#[test]
fn the_lke_package_has_a_folder_per_butir_and_an_index_saying_what_is_missing() {
    let dir = tempdir();
    let mut plan = create(dir.path(), Template::Seed);
    let t = tahapan(&plan);
    let lke = plan.lke().expect("lke");
    let (b1, b2) = (butir(&lke, "1.a.1").id, butir(&lke, "1.b.1").id);
    let pdf = write(dir.path(), "SK Tim: RB.pdf", b"%PDF-1.4 sk");
    let foto = write(dir.path(), "foto.png", b"\x89PNG foto");
    plan.add_bukti(t[0], &bukti_input("SK Tim RB"), std::slice::from_ref(&pdf))
        .expect("bukti");
    plan.add_bukti(
        t[0],
        &bukti_input("Foto rapat"),
        std::slice::from_ref(&foto),
    )
    .expect("bukti 2");
    plan.set_butir_tahapan(b1, &[t[0]]).expect("link");
    plan.set_butir_tahapan(b2, &[t[0]]).expect("link");
    let out = dir.path().join("Paket LKE.zip");
    assert_eq!(
        plan.lke_file_name().expect("name"),
        "Paket LKE 2025 - Dinas Perkebunan.zip"
    );
    let summary = plan.export_lke_package(&out, &mut |_| {}).expect("export");
    assert_eq!(
        (summary.bukti, summary.berkas),
        (2, 4),
        "two butir, two files each"
    );
    let files = entries(&out);
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    let butir_folder = "1 Manajemen Perubahan/1.a Tim Reformasi birokrasi/1.a.1 Tim Reformasi unit kerja telah dibentuk/";
    assert!(names.contains(&butir_folder), "{names:#?}");
    let sk = format!("{butir_folder}1.1.1.1 SK Tim_ RB.pdf");
    assert_eq!(
        files.get(&sk).map(Vec::as_slice),
        Some(&b"%PDF-1.4 sk"[..]),
        "{names:#?}"
    );
    let foto_in_1b = names.iter().find(|n| {
        n.starts_with(
            "1 Manajemen Perubahan/1.b Rencana Kerja Reformasi Birokrasi/1.b.1 Rencana Kerja",
        ) && n.ends_with("/1.1.1.2 foto.png")
    });
    assert!(foto_in_1b.is_some(), "{names:#?}");
    assert_eq!(files[*foto_in_1b.expect("foto")], b"\x89PNG foto");
    for name in &names {
        assert!(
            name.chars().count() < 200 && !name.contains("..") && !name.contains(':'),
            "{name}"
        );
    }
    // No folder for butir without evidence.
    assert!(!names.iter().any(|n| n.starts_with("2 ")), "{names:#?}");
    let html = String::from_utf8(files["Daftar Bukti Dukung LKE.html"].clone()).expect("utf-8");
    assert!(html.contains("<h4>1.a.1 Tim Reformasi unit kerja telah dibentuk</h4>"));
    assert!(html.contains("<h4>1.a.2 "));
    assert_eq!(
        html.matches("<em>belum ada</em>").count(),
        98,
        "every other butir"
    );
    assert!(html.contains(&sha256(&pdf)));
    // The workbook: one row per file per butir, and one "belum ada" row per empty butir.
    let xlsx = dir.path().join("index.xlsx");
    std::fs::write(&xlsx, &files["Daftar Bukti Dukung LKE.xlsx"]).expect("write");
    let sheets = xlsx_sheets(&xlsx);
    let sheet = &sheets[0];
    assert_eq!(sheet["max_row"], 1 + 4 + 98);
    assert_eq!(sheet["cells"]["C1"], "Butir");
    assert_eq!(sheet["cells"]["K1"], "SHA-256");
    assert_eq!(
        sheet["cells"]["C2"],
        "1.a.1 Tim Reformasi unit kerja telah dibentuk"
    );
    assert_eq!(sheet["cells"]["F2"], "SK Tim RB");
    assert_eq!(sheet["cells"]["K2"], sha256(&pdf).as_str());
    assert_eq!(
        sheet["cells"]["C4"],
        "1.a.2 Tim Reformasi Birokrasi unit kerja telah melaksanakan tugas sesuai rencana kerja Tim Reformasi unit kerja"
    );
    assert_eq!(sheet["cells"]["F4"], "belum ada");

    // A plan without butir has no LKE package, and nothing is written.
    let empty_dir = tempdir();
    let empty = create(empty_dir.path(), Template::Empty);
    let out = empty_dir.path().join("x.zip");
    let e = empty
        .export_lke_package(&out, &mut |_| {})
        .expect_err("no butir");
    assert!(
        e.message().contains("belum memuat butir LKE"),
        "{}",
        e.message()
    );
    assert!(!out.exists());
}

#[test]
fn the_daftar_bukti_can_be_ordered_by_lke_butir() {
    let dir = tempdir();
    let mut plan = create(dir.path(), Template::Seed);
    let t = tahapan(&plan);
    let lke = plan.lke().expect("lke");
    let b1 = butir(&lke, "1.a.1").id;
    plan.add_bukti(t[0], &bukti_input("SK Tim RB"), &[])
        .expect("bukti");
    plan.add_bukti(t[5], &bukti_input("Notulen"), &[])
        .expect("bukti");
    plan.set_butir_tahapan(b1, &[t[0]]).expect("link");
    let request = ReportRequest {
        urut: Urut::Lke,
        tanggal: Some("2025-03-06".into()),
        ..ReportRequest::new(ReportKind::Bukti)
    };
    let data = plan.report_data(&request).expect("data");
    assert!(data.subjudul.contains(&"MENURUT BUTIR LKE".to_owned()));
    assert!(
        data.nama_berkas
            .starts_with("Daftar Bukti Dukung per Butir LKE 2025")
    );
    let Isi::Bukti(isi) = &data.isi else {
        panic!("not a daftar bukti");
    };
    assert_eq!(isi.jumlah_bukti, 2);
    assert_eq!(
        isi.program.len(),
        9,
        "8 areas and the evidence without butir"
    );
    let area = &isi.program[0];
    assert_eq!(area.judul, "Area 1. Manajemen Perubahan");
    assert_eq!(
        area.kegiatan[0].judul,
        "Indikator 1.a Tim Reformasi birokrasi"
    );
    let b = &area.kegiatan[0].tahapan[0];
    assert_eq!(b.nomor, "1.a.1");
    assert_eq!(b.bukti[0].judul, "SK Tim RB");
    assert_eq!(b.bukti[0].nomor, "1.1.1.1", "its Daftar Bukti number");
    assert!(
        isi.program[1].kegiatan.is_empty(),
        "an area without evidence"
    );
    let lain = &isi.program[8];
    assert_eq!(lain.judul, "Bukti dukung yang belum ditautkan ke butir LKE");
    assert_eq!(lain.kegiatan[0].tahapan[0].bukti[0].judul, "Notulen");
    // Both formats render.
    assert!(plan.report_pdf(&request).expect("pdf").starts_with(b"%PDF"));
    assert!(plan.report_xlsx(&request).expect("xlsx").starts_with(b"PK"));
    // By program it is as before.
    let by_program = plan
        .report_data(&ReportRequest {
            tanggal: Some("2025-03-06".into()),
            ..ReportRequest::new(ReportKind::Bukti)
        })
        .expect("data");
    let Isi::Bukti(isi) = &by_program.isi else {
        panic!("not a daftar bukti");
    };
    assert_eq!(isi.program[0].judul, "Program 1. Manajemen Perubahan");

    let empty_dir = tempdir();
    let empty = create(empty_dir.path(), Template::Empty);
    let e = empty.report_data(&request).expect_err("no butir");
    assert!(
        e.message().contains("belum memuat butir LKE"),
        "{}",
        e.message()
    );
}

#[test]
fn a_tahapan_shows_the_state_the_grid_gives_it() {
    use renja_core::realisasi::{RealisasiInput, Status};
    let dir = tempdir();
    let mut plan = create(dir.path(), Template::Seed);
    let t = tahapan(&plan);
    // 14 March 2025: January has passed.
    plan.set_bulan(t[0], 0b1).expect("januari");
    plan.set_bulan(t[1], 0b1000_0000).expect("agustus");
    plan.set_bulan(t[2], 0b1).expect("januari");
    plan.set_realisasi(
        t[2],
        1,
        &RealisasiInput {
            status: Status::Selesai,
            persen: 100,
            catatan: String::new(),
            kendala: String::new(),
            tindak_lanjut: String::new(),
        },
    )
    .expect("selesai");
    let lke = plan.lke().expect("lke");
    let keadaan: Vec<Keadaan> = lke.tahapan[..4].iter().map(|t| t.keadaan).collect();
    assert_eq!(
        keadaan,
        [
            Keadaan::Terlambat,
            Keadaan::Dijadwalkan,
            Keadaan::Selesai,
            Keadaan::BelumDijadwalkan
        ]
    );
}

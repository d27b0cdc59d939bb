//! `renja export-lke` and `renja report bukti --urut lke`: the LKE package of a plan made from
//! the template (every butir listed, none answered yet), the Daftar Bukti Dukung of the example
//! ordered by LKE butir, and the refusals.

use std::io::Read;
use std::process::Command;

use super::{renja, s, stderr, stdout};

#[test]
fn the_lke_package_of_a_template_plan_lists_every_butir_as_belum_ada() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("renja.renjarb");
    let o = renja(&["new", s(&plan), "--tahun", "2025"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = std::fs::read(&plan).expect("read");
    let zip = dir.path().join("paket lke.zip");
    let o = renja(&["export-lke", s(&plan), "-o", s(&zip)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Paket LKE ditulis") && stdout(&o).contains("0 bukti dukung"),
        "{}",
        stdout(&o)
    );
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(&zip).expect("open")).expect("a zip");
    let names: Vec<String> = (0..archive.len())
        .map(|i| {
            let entry = archive.by_index(i).expect("entry");
            entry.name().expect("a UTF-8 name").into_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "Daftar Bukti Dukung LKE.xlsx",
            "Daftar Bukti Dukung LKE.html"
        ],
        "no evidence, no folders"
    );
    let mut html = String::new();
    archive
        .by_name("Daftar Bukti Dukung LKE.html")
        .expect("index")
        .read_to_string(&mut html)
        .expect("read");
    assert_eq!(html.matches("<em>belum ada</em>").count(), 100);
    assert!(
        html.contains("100 butir LKE, 100 belum ada bukti dukung"),
        "{html}"
    );
    assert_eq!(std::fs::read(&plan).expect("read"), before, "only read");

    // An empty plan has no butir: refused in Indonesian, nothing written, exit code 2.
    let empty = dir.path().join("kosong.renjarb");
    assert!(renja(&["new", s(&empty), "--empty"]).status.success());
    let out = dir.path().join("kosong.zip");
    let o = renja(&["export-lke", s(&empty), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("belum memuat butir LKE"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn the_daftar_bukti_of_the_example_can_be_ordered_by_lke_butir() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("contoh.renjarb");
    let o = renja(&["new", s(&plan), "--contoh", "--tahun", "2025"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = dir.path().join("daftar lke.pdf");
    let o = renja(&[
        "report",
        "bukti",
        s(&plan),
        "-o",
        s(&pdf),
        "--urut",
        "lke",
        "--tanggal",
        "2025-06-02",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = Command::new("pdftotext")
        .args(["-layout", s(&pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("MENURUT BUTIR LKE"), "{text}");
    assert!(text.contains("Area 1. Manajemen Perubahan"), "{text}");
    assert!(
        text.contains("Bukti dukung yang belum ditautkan ke butir LKE"),
        "{text}"
    );

    let o = renja(&[
        "report",
        "bukti",
        s(&plan),
        "-o",
        s(&dir.path().join("x.pdf")),
        "--urut",
        "abjad",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Urutan \"abjad\" tidak dikenal. Pilih program atau lke."),
        "{}",
        stderr(&o)
    );
}

//! Paths inside the evidence package. Every path component comes from user text (program and
//! kegiatan names, file names from a colleague's plan), so each is made safe by the one
//! sanitiser ([`super::safe_file_name`]) before it may enter the ZIP, capped shorter than a
//! lone file's name so a whole path fits, and unique inside its folder as Windows compares
//! names (ignoring case). Paths are joined with `/` only.

use std::collections::HashSet;

use super::safe::{cap, name_from_text, numbered, safe_file_name};

/// Longest program folder name, in UTF-16 code units.
pub(crate) const MAX_PROGRAM: usize = 48;
/// Longest kegiatan folder name, in UTF-16 code units.
pub(crate) const MAX_KEGIATAN: usize = 64;
/// Longest evidence file name, extension included. With the two folders a path stays under
/// 200 code units, so it still fits the Windows limit of 260 once extracted into an ordinary
/// folder.
pub(crate) const MAX_BERKAS: usize = 80;

/// The LKE package's folders (area, indikator, butir) and file names: one level deeper than
/// the evidence package, so each is shorter and a whole path still stays under 200 code units.
pub(crate) const MAX_AREA: usize = 36;
pub(crate) const MAX_INDIKATOR: usize = 44;
pub(crate) const MAX_BUTIR: usize = 52;
pub(crate) const MAX_BERKAS_LKE: usize = 64;

/// A folder name: `prefix` (the number) and `nama` on one line, whitespace runs as one space,
/// separators as a dash and the rest as [`safe_file_name`] makes it; capped at `max`.
pub(crate) fn folder(prefix: &str, nama: &str, max: usize) -> String {
    let flat = nama.split_whitespace().collect::<Vec<_>>().join(" ");
    cap(&name_from_text(&format!("{prefix} {flat}")), max, false)
}

/// An evidence file's name: its number and its stored name made safe as any exported file's
/// name is ("../../etc/passwd" is "passwd"), capped at [`MAX_BERKAS`] keeping the extension.
pub(crate) fn berkas(nomor: &str, nama: &str) -> String {
    berkas_capped(nomor, nama, MAX_BERKAS)
}

/// [`berkas`] capped at `max` instead.
pub(crate) fn berkas_capped(nomor: &str, nama: &str, max: usize) -> String {
    cap(&format!("{nomor} {}", safe_file_name(nama)), max, true)
}

/// The paths already given out, compared as Windows compares them (ignoring case).
#[derive(Default)]
pub(crate) struct Paths {
    taken: HashSet<String>,
}

impl Paths {
    /// `parent/name`, or `parent/stem (2).ext`, … whichever is still free; `name` must already
    /// be a safe component within `max`.
    pub fn unique(&mut self, parent: &str, name: &str, max: usize, keep_extension: bool) -> String {
        for n in 1u32.. {
            let candidate = numbered(name, n, max, keep_extension);
            let path = if parent.is_empty() {
                candidate
            } else {
                format!("{parent}/{candidate}")
            };
            if self.taken.insert(path.to_lowercase()) {
                return path;
            }
        }
        unreachable!("u32 names run out before memory does")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_single_safe_names() {
        assert_eq!(
            folder("01", "SDM/Aparatur\\Daerah", 64),
            "01 SDM-Aparatur-Daerah"
        );
        assert_eq!(
            folder("1.02", "  Baris\nbaru\t dan  spasi ", 64),
            "1.02 Baris baru dan spasi"
        );
        assert_eq!(folder("03", "C:rahasia", 64), "03 C_rahasia");
        assert_eq!(folder("04", "", 64), "04");
        assert_eq!(folder("05", "a.  ", 64), "05 a");
        assert_eq!(berkas("1.1.1.1", "../../etc/passwd"), "1.1.1.1 passwd");
        assert_eq!(berkas("1.1.1.2", "CON.pdf"), "1.1.1.2 CON_.pdf");
        assert_eq!(berkas("1.1.1.3", "a\u{1}b:c.pdf"), "1.1.1.3 a_b_c.pdf");
        let long = format!("{}.pdf", "a".repeat(300));
        let capped = berkas("1.1.1.4", &long);
        assert_eq!(capped.chars().count(), MAX_BERKAS);
        assert!(capped.starts_with("1.1.1.4 aaa") && capped.ends_with("a.pdf"));
        assert_eq!(cap("abc. def", 5, false), "abc");
        assert_eq!(
            berkas("1.1.1.5", "laporan\u{202E}fdp.exe"),
            "1.1.1.5 laporan_fdp.exe"
        );
        assert_eq!(folder("06", "A\u{200B}B\u{2067}", 64), "06 A_B_");
        assert_eq!(
            folder(
                "1.01",
                "Membentuk Tim Pelaksanaan Reformasi Birokrasi pada unit kerja",
                64
            ),
            "1.01 Membentuk Tim Pelaksanaan Reformasi Birokrasi pada unit"
        );
    }

    #[test]
    fn names_are_unique_ignoring_case_and_stay_short() {
        let mut paths = Paths::default();
        assert_eq!(paths.unique("a", "SK.pdf", 80, true), "a/SK.pdf");
        assert_eq!(paths.unique("a", "sk.PDF", 80, true), "a/sk (2).PDF");
        assert_eq!(paths.unique("a", "SK.pdf", 80, true), "a/SK (3).pdf");
        assert_eq!(paths.unique("b", "SK.pdf", 80, true), "b/SK.pdf");
        let long = "x".repeat(76) + ".pdf";
        assert_eq!(paths.unique("", &long, 80, true), long);
        let second = paths.unique("", &long, 80, true);
        assert_eq!(second.chars().count(), 80);
        assert!(second.ends_with(" (2).pdf"), "{second}");
    }
}

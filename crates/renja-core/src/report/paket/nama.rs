//! Paths inside the evidence package. Every path component comes from user text (program and
//! kegiatan names, file names from a colleague's plan), so each is made safe here before it
//! may enter the ZIP: no separators, no drive letters, no `..`, no control characters, no
//! reserved Windows names, no trailing dot or space, capped in length, and unique inside its
//! folder as Windows compares names (ignoring case). Paths are joined with `/` only.

use std::collections::HashSet;

use crate::bukti::names::safe_file_name;

/// Longest program folder name, in characters.
pub(super) const MAX_PROGRAM: usize = 48;
/// Longest kegiatan folder name, in characters.
pub(super) const MAX_KEGIATAN: usize = 64;
/// Longest evidence file name, in characters, extension included. With the two folders a
/// path stays under 200 characters, so it still fits the Windows limit of 260 once
/// extracted into an ordinary folder.
pub(super) const MAX_BERKAS: usize = 80;

/// `text` with every invisible character shown as `_`.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if crate::bukti::names::invisible(c) {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// A folder name: `prefix` (the number) and `nama` with whitespace runs as one space,
/// separators as a dash and the rest as [`safe_file_name`] makes it; capped at `max`.
pub(super) fn folder(prefix: &str, nama: &str, max: usize) -> String {
    let flat = nama
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['/', '\\'], "-");
    cap(
        &safe_file_name(&visible(&format!("{prefix} {flat}"))),
        max,
        false,
    )
}

/// An evidence file's name: its number and its stored name made safe as any exported file's
/// name is ("../../etc/passwd" is "passwd"), capped at [`MAX_BERKAS`] keeping the extension.
pub(super) fn berkas(nomor: &str, nama: &str) -> String {
    cap(
        &format!("{nomor} {}", safe_file_name(&visible(nama))),
        MAX_BERKAS,
        true,
    )
}

/// `(stem, ".ext")` for an extension of at most 10 characters without spaces.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i) if i > 0 && name.len() - i <= 10 && !name[i..].contains(' ') => {
            (&name[..i], &name[i..])
        }
        _ => (name, ""),
    }
}

/// A name cut to `max` characters, never ending in a dot or a space (Windows drops them).
fn cap(name: &str, max: usize, keep_extension: bool) -> String {
    if name.chars().count() <= max {
        return name.to_owned();
    }
    let (stem, ext) = if keep_extension {
        split_extension(name)
    } else {
        (name, "")
    };
    let keep = max.saturating_sub(ext.chars().count());
    let mut cut: String = stem.chars().take(keep).collect();
    // End on a whole word when one ends near the limit: "… pada unit", not "… pada unit ker".
    if stem.chars().nth(keep).is_some_and(|c| c != ' ')
        && let Some(i) = cut.rfind(' ')
        && cut[..i].chars().count() >= keep / 2
    {
        cut.truncate(i);
    }
    let cut = cut.trim_end_matches(['.', ' ']);
    let cut = if cut.is_empty() { "berkas" } else { cut };
    format!("{cut}{ext}")
}

/// The paths already given out, compared as Windows compares them (ignoring case).
#[derive(Default)]
pub(super) struct Paths {
    taken: HashSet<String>,
}

impl Paths {
    /// `parent/name`, or `parent/stem (2).ext`, … whichever is still free; `name` must already
    /// be a safe component of at most `max` characters.
    pub fn unique(&mut self, parent: &str, name: &str, max: usize, keep_extension: bool) -> String {
        let join = |n: &str| {
            if parent.is_empty() {
                n.to_owned()
            } else {
                format!("{parent}/{n}")
            }
        };
        let (stem, ext) = if keep_extension {
            split_extension(name)
        } else {
            (name, "")
        };
        for n in 1u32.. {
            let candidate = if n == 1 {
                name.to_owned()
            } else {
                let suffix = format!(" ({n}){ext}");
                let keep = max.saturating_sub(suffix.chars().count());
                let stem: String = stem.chars().take(keep).collect();
                format!("{}{suffix}", stem.trim_end_matches(['.', ' ']))
            };
            let path = join(&candidate);
            if self.taken.insert(path.to_lowercase()) {
                return path;
            }
        }
        unreachable!("u32 names run out before memory does")
    }
}

/// `path` percent-encoded for an `href`: every byte but the unreserved ones (RFC 3986) and
/// the `/` between components.
pub(super) fn href(path: &str) -> String {
    let mut out = String::with_capacity(path.len() * 3 / 2);
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b));
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `path` as the target of a hyperlink in the XLSX index, relative to the index in the
/// package's root. Only what a relative link cannot hold is percent-encoded: the space, `%`,
/// `#` (it would start an anchor) and the characters rust_xlsxwriter escapes; other
/// characters, accented letters included, stay as they are, as Excel writes its own links.
///
/// rust_xlsxwriter takes a link holding `%20` as escaped already and leaves it alone, and
/// escapes every `%` of any other; so this is only for package paths, whose file names all
/// hold a space ("1.2.3.1 SK Tim.pdf").
pub(super) fn link_target(path: &str) -> String {
    let mut out = String::with_capacity(path.len() * 5 / 4);
    for c in path.chars() {
        match c {
            ' ' | '%' | '#' | '"' | '<' | '>' | '[' | ']' | '^' | '`' | '{' | '}' | '\\' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
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

    #[test]
    fn link_targets_encode_only_what_a_link_cannot_hold() {
        assert_eq!(
            link_target("01 Manajemen/1.1 SK (2) & #3/1.1.1.1 100% é[x].pdf"),
            "01%20Manajemen/1.1%20SK%20(2)%20&%20%233/1.1.1.1%20100%25%20é%5Bx%5D.pdf"
        );
        for name in ["a", "#", "%", "CON.pdf", "x#y%z.pdf"] {
            assert!(berkas("1.1.1.1", name).contains(' '), "{name}");
        }
    }

    #[test]
    fn hrefs_are_percent_encoded() {
        assert_eq!(
            href("01 Manajemen/1.1 SK & \"x\"/1.1.1.1 <a>é.pdf"),
            "01%20Manajemen/1.1%20SK%20%26%20%22x%22/1.1.1.1%20%3Ca%3E%C3%A9.pdf"
        );
    }
}

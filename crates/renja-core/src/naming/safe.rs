//! The one sanitiser of names written to disk. File names from colleagues' plans, and the user
//! text reports and packages are named after, are hostile until proven otherwise: a stored
//! name is kept as given (it is shown as text), but whenever a file is written out, its name
//! is made safe here.
//!
//! A safe name is one path component that any folder on Windows, macOS and Linux accepts and
//! that shows what it is:
//! - no folders or drive letters: only the last component counts ("../../etc/passwd" is
//!   "passwd"), and `:` never survives;
//! - none of the characters Windows refuses (`<>:"|?*`), no control characters, no
//!   direction overrides or zero-width characters (which make "laporan\u{202E}fdp.exe" show
//!   as "laporanexe.pdf");
//! - no leading dot (a hidden file) and no trailing dot or space (Windows drops them);
//! - not a reserved Windows device name (`CON`, `nul.txt`, `COM1.tar.gz`, …);
//! - within [`MAX_NAME`] UTF-16 code units (what Windows counts) and 255 bytes of UTF-8
//!   (what Linux and macOS count), cut at a word where one ends near the limit, keeping a
//!   short extension.
//!
//! The replacement character is `_` inside a name; user text placed into a proposed name is
//! flattened to words by [`words`] instead.

use std::path::{Path, PathBuf};

/// Longest file name written, extension included, in UTF-16 code units. With a folder or
/// two in front, a path stays well inside the 260 Windows allows.
pub(crate) const MAX_NAME: usize = 120;

/// Most bytes of UTF-8 a name may take: the limit of ext4, APFS and most other file systems.
const MAX_BYTES: usize = 255;

/// Device names Windows reserves, whatever follows the first dot ("nul.txt", "COM1.tar.gz").
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "COM0", "COM1", "COM2", "COM3", "COM4",
    "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3",
    "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
];

/// Direction overrides and zero-width characters: "laporan\u{202E}fdp.exe" would show as
/// "laporanexe.pdf".
pub(crate) fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A character no name may hold, path separators aside.
fn refused(c: char) -> bool {
    matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*') || c.is_control() || invisible(c)
}

/// The device a file name stands for on Windows ("CON" for "con.renjarb"), if it is one:
/// such a path reaches the device, not a file (reading "CON" waits for typing).
pub fn device_name(name: &str) -> Option<&'static str> {
    let device = name[..name.find('.').unwrap_or(name.len())].trim_end_matches([' ', '.']);
    RESERVED
        .iter()
        .copied()
        .find(|r| device.eq_ignore_ascii_case(r))
}

/// A name that is safe to create inside any folder on Windows, macOS and Linux.
pub fn safe_file_name(name: &str) -> String {
    // Only the last path component counts: "../../etc/passwd" is "passwd".
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = last
        .chars()
        .map(|c| if refused(c) { '_' } else { c })
        .collect();
    let trimmed = cleaned
        .trim()
        .trim_end_matches(['.', ' '])
        .trim_start_matches('.');
    let mut out = if trimmed.is_empty() {
        "berkas".to_owned()
    } else {
        trimmed.to_owned()
    };
    if device_name(&out).is_some() {
        out.insert(out.find('.').unwrap_or(out.len()), '_');
    }
    cap(&out, MAX_NAME, true)
}

/// User text that is a whole file name (a report's title with the agency's name): path
/// separators become dashes, so an agency written "Dinas A/B" does not lose its first half as
/// if it were a folder; the rest as [`safe_file_name`] makes it.
pub fn name_from_text(text: &str) -> String {
    safe_file_name(&text.replace(['/', '\\'], "-"))
}

/// User text to be set inside a proposed name ("Renja RB {instansi} 2026"): every character
/// a name may not hold, separators included, becomes a space, and whitespace runs one space.
pub fn words(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if refused(c) || c == '/' || c == '\\' {
                ' '
            } else {
                c
            }
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `(stem, ".ext")` for an extension of at most 10 bytes without spaces; anything longer is
/// not an extension a program looks at, but part of the name.
pub(crate) fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i) if i > 0 && name.len() - i <= 10 && !name[i..].contains(' ') => {
            (&name[..i], &name[i..])
        }
        _ => (name, ""),
    }
}

fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The longest start of `text` within `max` UTF-16 code units and `max_bytes` bytes.
fn take_within(text: &str, max: usize, max_bytes: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += c.len_utf16();
        if used > max || i + c.len_utf8() > max_bytes {
            return &text[..i];
        }
    }
    text
}

/// A safe name cut to `max` UTF-16 code units and 255 bytes, keeping a short extension when
/// `keep_extension`, never ending in a dot or a space (Windows drops them).
pub(crate) fn cap(name: &str, max: usize, keep_extension: bool) -> String {
    if units(name) <= max && name.len() <= MAX_BYTES {
        return name.to_owned();
    }
    let (stem, ext) = if keep_extension {
        split_extension(name)
    } else {
        (name, "")
    };
    let keep = max.saturating_sub(units(ext));
    let mut cut = take_within(stem, keep, MAX_BYTES.saturating_sub(ext.len()));
    // End on a whole word when one ends near the limit: "… pada unit", not "… pada unit ker".
    if stem[cut.len()..].chars().next().is_some_and(|c| c != ' ')
        && let Some(i) = cut.rfind(' ')
        && units(&cut[..i]) >= keep / 2
    {
        cut = &cut[..i];
    }
    let cut = cut.trim_end_matches(['.', ' ']);
    let cut = if cut.is_empty() { "berkas" } else { cut };
    format!("{cut}{ext}")
}

/// The `n`-th candidate for a safe `name` whose first choice is taken: `name` itself for 1,
/// then "stem (2).ext", … with the stem cut so the whole stays within `max`.
pub(crate) fn numbered(name: &str, n: u32, max: usize, keep_extension: bool) -> String {
    if n == 1 {
        return name.to_owned();
    }
    let (stem, ext) = if keep_extension {
        split_extension(name)
    } else {
        (name, "")
    };
    let suffix = format!(" ({n}){ext}");
    let stem = take_within(
        stem,
        max.saturating_sub(units(&suffix)),
        MAX_BYTES.saturating_sub(suffix.len()),
    );
    format!("{}{suffix}", stem.trim_end_matches(['.', ' ']))
}

/// Extensions of documents and images that may be handed to another application. Anything
/// else — programs, scripts, shortcuts, macro documents (.exe, .bat, .js, .lnk, .docm, …) —
/// is only ever saved, never opened: evidence from a colleague must not run.
const OPENABLE: &[&str] = &[
    "pdf", "jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff", "txt", "csv", "doc", "docx",
    "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf",
];

/// Whether a file of this name may be opened with another application.
pub fn can_open_externally(name: &str) -> bool {
    let safe = safe_file_name(name);
    match safe.rsplit_once('.') {
        Some((_, ext)) => OPENABLE.contains(&ext.to_ascii_lowercase().as_str()),
        None => false,
    }
}

/// `dir/name` made safe, or `dir/stem (2).ext`, … whichever does not exist yet.
pub fn unique_in(dir: &Path, name: &str) -> PathBuf {
    let name = safe_file_name(name);
    (1..)
        .map(|n| dir.join(numbered(&name, n, MAX_NAME, true)))
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(&name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_become_plain_names() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("..\\..\\Windows\\system32\\x.dll"), "x.dll");
        assert_eq!(safe_file_name("C:\\Users\\a\\SK.pdf"), "SK.pdf");
        assert_eq!(safe_file_name("C:SK.pdf"), "C_SK.pdf");
        assert_eq!(safe_file_name("CON"), "CON_");
        assert_eq!(safe_file_name("nul.txt"), "nul_.txt");
        assert_eq!(safe_file_name("com1.pdf"), "com1_.pdf");
        assert_eq!(safe_file_name("laporan\u{0}\u{7}.pdf"), "laporan__.pdf");
        assert_eq!(safe_file_name("a<b>c:d\"e|f?g*.pdf"), "a_b_c_d_e_f_g_.pdf");
        assert_eq!(safe_file_name("..."), "berkas");
        assert_eq!(safe_file_name(""), "berkas");
        assert_eq!(safe_file_name("foto. "), "foto");
        let long = format!("{}.pdf", "x".repeat(300));
        let safe = safe_file_name(&long);
        assert_eq!(safe.chars().count(), 120);
        assert!(safe.ends_with(".pdf"));
    }

    #[test]
    fn reserved_device_names_are_caught_before_the_first_dot() {
        assert_eq!(safe_file_name("COM1.tar.gz"), "COM1_.tar.gz");
        assert_eq!(safe_file_name("con .txt"), "con _.txt");
        assert_eq!(safe_file_name("LPT²"), "LPT²_");
        assert_eq!(safe_file_name("CONSOLE.txt"), "CONSOLE.txt");
    }

    #[test]
    fn long_names_fit_windows_and_linux_limits() {
        // Emoji are two UTF-16 units each; Windows counts those.
        let emoji = format!("{}.pdf", "😀".repeat(100));
        let safe = safe_file_name(&emoji);
        assert!(units(&safe) <= MAX_NAME, "{}", units(&safe));
        assert!(safe.ends_with(".pdf"));
        // Javanese script is three bytes a character in UTF-8; ext4 counts bytes.
        let wide = format!("{}.pdf", "ꦲ".repeat(200));
        let safe = safe_file_name(&wide);
        assert!(safe.len() <= MAX_BYTES, "{}", safe.len());
        assert!(safe.ends_with(".pdf"));
        assert!(numbered(&safe, 12, MAX_NAME, true).len() <= MAX_BYTES);
    }

    #[test]
    fn text_in_names() {
        assert_eq!(
            name_from_text("Laporan - Dinas A/B.pdf"),
            "Laporan - Dinas A-B.pdf"
        );
        assert_eq!(words(" Dinas\tA/B:\u{202E}C "), "Dinas A B C");
    }

    #[test]
    fn only_documents_and_images_may_be_opened() {
        for ok in [
            "SK.pdf",
            "foto.JPG",
            "notulen.docx",
            "rekap.xlsx",
            "scan.tiff",
        ] {
            assert!(can_open_externally(ok), "{ok}");
        }
        for no in [
            "setup.exe",
            "a.msi",
            "run.bat",
            "x.cmd",
            "y.com",
            "s.scr",
            "m.js",
            "v.vbs",
            "p.ps1",
            "h.hta",
            "l.lnk",
            "u.url",
            "j.jar",
            "s.sh",
            "macro.docm",
            "macro.xlsm",
            "noext",
            "laporan.pdf.exe",
            "..\\evil.bat",
        ] {
            assert!(!can_open_externally(no), "{no}");
        }
    }

    #[test]
    fn unique_names_never_replace_a_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = unique_in(dir.path(), "SK Tim.pdf");
        std::fs::write(&first, b"1").expect("write");
        let second = unique_in(dir.path(), "SK Tim.pdf");
        assert_eq!(second.file_name().expect("name"), "SK Tim (2).pdf");
        assert_eq!(unique_in(dir.path(), "../SK Tim.pdf"), second);
        assert_eq!(second.parent(), Some(dir.path()));
    }
}

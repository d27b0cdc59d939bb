//! File names from colleagues' plans are hostile until proven otherwise. A stored name is
//! kept as given (it is shown as text), but whenever a file is written out, its name is made
//! safe here: no folders, no drive letters, no reserved Windows names, no control characters,
//! a sane length, and unique inside the chosen folder.

use std::path::{Path, PathBuf};

/// Longest file name written, in characters, extension included.
const MAX_CHARS: usize = 120;

const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Direction overrides and zero-width characters: "laporan\u{202E}fdp.exe" would show as
/// "laporanexe.pdf".
pub(crate) fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A name that is safe to create inside any folder on Windows, macOS and Linux.
pub fn safe_file_name(name: &str) -> String {
    // Only the last path component counts: "../../etc/passwd" is "passwd".
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = last
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '|' | '?' | '*' => '_',
            c if c.is_control() || invisible(c) => '_',
            c => c,
        })
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
    let (stem, ext) = match out.rfind('.') {
        Some(i) if i > 0 => (out[..i].to_owned(), out[i..].to_owned()),
        _ => (out.clone(), String::new()),
    };
    if RESERVED.iter().any(|r| stem.trim().eq_ignore_ascii_case(r)) {
        out = format!("{stem}_{ext}");
    }
    if out.chars().count() > MAX_CHARS {
        let (stem, ext) = match out.rfind('.') {
            Some(i) if i > 0 && out.len() - i <= 10 => (out[..i].to_owned(), out[i..].to_owned()),
            _ => (out.clone(), String::new()),
        };
        let keep = MAX_CHARS.saturating_sub(ext.chars().count());
        out = stem.chars().take(keep).collect::<String>() + &ext;
    }
    out
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

/// `dir/name`, or `dir/stem (2).ext`, … whichever does not exist yet.
pub fn unique_in(dir: &Path, name: &str) -> PathBuf {
    let name = safe_file_name(name);
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name.as_str(), ""),
    };
    (1..)
        .map(|n| {
            if n == 1 {
                dir.join(&name)
            } else {
                dir.join(format!("{stem} ({n}){ext}"))
            }
        })
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

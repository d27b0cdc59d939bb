//! Where a long unbroken word (a URL, a file path, an e-mail address, a document number) may
//! wrap in a PDF report.
//!
//! typst breaks lines only where Unicode allows (spaces, after "/" or "-"), and prints a word
//! without such a place over the neighbouring column. It has no "break anywhere if needed"
//! and no Indonesian hyphenation. So break opportunities are put into the text of the PDF's
//! data here, as U+200B ZERO WIDTH SPACE, which the templates turn into empty boxes (a break
//! opportunity that leaves no character in the PDF): a URL copied out of the report is the
//! URL, and pdftotext reads the words whole.
//!
//! Only words that need it are touched, so ordinary text wraps as before:
//! - a word of [`LONG_WORD`] characters or more, or of [`URL_WORD`] or more with a separator
//!   in it (`/`, `\`, `_`, `.`, `@`, …), may break after each separator (typst already
//!   breaks after `/` and `-` before a letter);
//! - inside such a word, a run of [`LONG_RUN`] or more characters without a separator (a
//!   file id, a hash) may break between any two characters.
//!
//! Ordinary Indonesian words, long as they get ("pertanggungjawaban"), are never broken
//! without a hyphen: they are shorter than [`LONG_WORD`]. This runs on the PDF's copy of the
//! data only: the XLSX and the snapshots keep the text as the user wrote it.

use serde_json::Value;

/// The break opportunity the templates turn into an empty box.
pub(crate) const BREAK: char = '\u{200B}';

/// A word this long is broken wherever needed: no Indonesian word is (the longest in use,
/// "ketidakbertanggungjawabannya", has 28 letters).
const LONG_WORD: usize = 30;

/// A word this long with a separator in it is a URL, a path or an address.
const URL_WORD: usize = 16;

/// A run without separators this long inside such a word is broken between any characters:
/// the narrowest text column holds about 16 characters.
const LONG_RUN: usize = 16;

/// Data keys whose text the templates lay out themselves (the SHA-256 is printed in two
/// lines of 32 characters).
const SKIP_KEYS: [&str; 1] = ["sha256"];

fn separator(c: char) -> bool {
    matches!(
        c,
        '/' | '\\'
            | '_'
            | '.'
            | '-'
            | '?'
            | '&'
            | '='
            | '#'
            | '@'
            | ':'
            | ','
            | ';'
            | '|'
            | '+'
            | '~'
            | '%'
    )
}

/// A character that belongs to the one before it: a break before it would split a letter.
fn joins(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}'
        | '\u{200D}')
}

fn wrap_word(word: &[char], out: &mut String) {
    let n = word.len();
    let wrap = n >= LONG_WORD || (n >= URL_WORD && word.iter().copied().any(separator));
    if !wrap {
        out.extend(word);
        return;
    }
    // The length of the separator-free run each character is in.
    let mut run = vec![0; n];
    let mut start = 0;
    for i in 0..=n {
        if i == n || separator(word[i]) {
            for r in &mut run[start..i] {
                *r = i - start;
            }
            start = i + 1;
        }
    }
    for (i, &c) in word.iter().enumerate() {
        if i > 0 {
            let prev = word[i - 1];
            // typst already breaks after "/" and "-" before a letter.
            let natural = matches!(prev, '/' | '-') && !c.is_ascii_digit();
            let after_separator = separator(prev) && !separator(c) && !natural;
            let inside_long_run = !separator(prev) && !separator(c) && run[i] >= LONG_RUN;
            if (after_separator || inside_long_run) && !joins(c) && prev != '\u{200D}' {
                out.push(BREAK);
            }
        }
        out.push(c);
    }
}

/// `text` with break opportunities in its long words; `None` when it needs none.
pub(crate) fn wrap(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut word: Vec<char> = Vec::new();
    for c in text.chars() {
        if c.is_whitespace() {
            wrap_word(&word, &mut out);
            word.clear();
            out.push(c);
        } else {
            word.push(c);
        }
    }
    wrap_word(&word, &mut out);
    (out.len() != text.len()).then_some(out)
}

/// Put break opportunities into every text of the data; true when any was needed.
pub(crate) fn wrap_json(value: &mut Value) -> bool {
    match value {
        Value::String(s) => match wrap(s) {
            Some(w) => {
                *s = w;
                true
            }
            None => false,
        },
        Value::Array(items) => items.iter_mut().fold(false, |any, v| wrap_json(v) | any),
        Value::Object(map) => map
            .iter_mut()
            .filter(|(k, _)| !SKIP_KEYS.contains(&k.as_str()))
            .fold(false, |any, (_, v)| wrap_json(v) | any),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> String {
        wrap(s).unwrap_or_else(|| s.to_owned()).replace(BREAK, "|")
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for s in [
            "Menyusun susunan Tim RB Unit Kerja",
            "Peraturan/kebijakan yang akan direvisi",
            "pertanggungjawaban ketidakbertanggungjawabannya",
            "Mar–Mei, Agu, Sep",
            "NIP. 19700101 199003 1 001",
        ] {
            assert_eq!(wrap(s), None, "{s}");
        }
    }

    #[test]
    fn urls_and_paths_break_after_separators() {
        assert_eq!(
            shown("lihat https://disbun.kukarkab.go.id/dokumen ya"),
            "lihat https://disbun.|kukarkab.|go.|id/dokumen ya"
        );
        assert_eq!(
            shown(r"C:\Users\Pokja\Reformasi_Birokrasi"),
            r"C:\|Users\|Pokja\|Reformasi_|Birokrasi"
        );
    }

    #[test]
    fn long_runs_break_anywhere() {
        assert_eq!(
            shown("id/1AbCdEfGhIjKlMnOpQ"),
            "id/|1|A|b|C|d|E|f|G|h|I|j|K|l|M|n|O|p|Q"
        );
        let word = "a".repeat(LONG_WORD);
        assert_eq!(
            wrap(&word).expect("wrapped").matches(BREAK).count(),
            LONG_WORD - 1
        );
        // A combining accent stays with its letter.
        let accented: String = "e\u{0301}".repeat(20);
        let w = wrap(&accented).expect("wrapped");
        assert!(!w.contains("\u{200B}\u{0301}"), "{w:?}");
    }

    #[test]
    fn every_text_of_the_data_but_the_hashes() {
        let long = "x".repeat(40);
        let mut v = serde_json::json!({
            "tahapan": long,
            "bukti": [{"judul": long, "sha256": long}],
            "n": 3,
        });
        assert!(wrap_json(&mut v));
        assert!(v["tahapan"].as_str().expect("str").contains(BREAK));
        assert!(
            v["bukti"][0]["judul"]
                .as_str()
                .expect("str")
                .contains(BREAK)
        );
        assert_eq!(v["bukti"][0]["sha256"], long.as_str());
        assert!(!wrap_json(&mut serde_json::json!({"a": "pendek"})));
    }
}

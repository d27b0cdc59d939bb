//! Names as they are imported: whitespace tidied, and numbering removed on request
//! ("hapus penomoran").

/// Whitespace (line breaks, tabs, runs of spaces) made single spaces, trimmed.
pub(crate) fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` without the numbering at its start: `1.`, `1.2.`, `a.`, `1)`, `(a)`, `II.`, `-`, `•`.
pub(crate) fn strip_numbering(text: &str) -> &str {
    let t = text.trim_start();
    let rest = (|| {
        let mut chars = t.char_indices();
        let (_, first) = chars.next()?;
        if matches!(first, '-' | '•' | '·' | '*' | '–' | '▪' | '◦') {
            return Some(&t[first.len_utf8()..]);
        }
        if first == '(' {
            let close = t.find(')')?;
            let inner = &t[1..close];
            return (!inner.is_empty()
                && inner.len() <= 4
                && inner.chars().all(char::is_alphanumeric))
            .then(|| &t[close + 1..]);
        }
        // Digits with dots ("1.", "1.2.") ending in "." or followed by ")".
        let run = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(t.len());
        if run > 0 {
            let (head, rest) = t.split_at(run);
            let after = if let Some(r) = rest.strip_prefix(')') {
                r
            } else if head.ends_with('.') {
                rest
            } else {
                // "3.5 juta", "2023 Rapat": a number, not numbering.
                return None;
            };
            return after
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c.is_alphabetic())
                .then_some(after);
        }
        // One letter or a roman numeral, then "." or ")" and a space.
        let end = t.find(['.', ')'])?;
        let head = &t[..end];
        let letter = head.chars().count() == 1 && head.chars().all(char::is_alphabetic);
        let roman =
            !head.is_empty() && head.len() <= 6 && head.chars().all(|c| "ivxlcIVXLC".contains(c));
        let after = &t[end + 1..];
        ((letter || roman) && after.chars().next().is_none_or(char::is_whitespace)).then_some(after)
    })();
    rest.map_or(t, str::trim_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_is_stripped_only_where_it_is_numbering() {
        for (text, want) in [
            ("1. Rapat", "Rapat"),
            ("2. Benchmarking ke daerah", "Benchmarking ke daerah"),
            ("1.2. Menyusun SK", "Menyusun SK"),
            ("a. Sosialisasi", "Sosialisasi"),
            ("1) Rapat", "Rapat"),
            ("(a) Rapat", "Rapat"),
            ("II. PENATAAN", "PENATAAN"),
            ("- Rapat", "Rapat"),
            ("• Rapat", "Rapat"),
            ("3.5 juta rupiah", "3.5 juta rupiah"),
            ("Rapat 1. kali", "Rapat 1. kali"),
            ("2023 Rapat", "2023 Rapat"),
        ] {
            assert_eq!(strip_numbering(text), want, "{text}");
        }
    }
}

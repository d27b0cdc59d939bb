//! Reading months the way offices write them in one cell: `Jan-Mar`, `Januari s.d. Maret`,
//! `Apr–Des`, `1 2 3`, `1-3, 7`, `TW I`, `TW II-IV`, `Triwulan III`, `Semester 1`,
//! `Juli 2023`, `Sepanjang tahun`. Also what one month cell of a twelve-column schedule
//! means ([`marked`]).
//!
//! The text is split into units (a month, a quarter, a semester), joined by ranges (`-`, `–`,
//! `s.d.`, `s/d`, `sampai`, `hingga`) and lists (`,`, `;`, `dan`, `&`, spaces). A number is a
//! month unless it follows `TW`/`Triwulan` (a quarter) or `Semester`; roman numerals too.
//! Four-digit numbers are years and ignored. Anything else makes the whole text unreadable:
//! a row is never given months from a guess.

/// Month names and abbreviations, Indonesian and English, with their number.
const MONTHS: &[(&str, u8)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("february", 2),
    ("feb", 2),
    ("peb", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("agst", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nopember", 11),
    ("nov", 11),
    ("nop", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

/// The month a word names, if any.
pub(crate) fn month_word(word: &str) -> Option<u8> {
    let w = word.trim().trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

fn roman(word: &str) -> Option<u8> {
    Some(match word {
        "i" => 1,
        "ii" => 2,
        "iii" => 3,
        "iv" => 4,
        "v" => 5,
        "vi" => 6,
        "vii" => 7,
        "viii" => 8,
        "ix" => 9,
        "x" => 10,
        "xi" => 11,
        "xii" => 12,
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Month,
    Quarter,
    Semester,
}

impl Unit {
    /// The first and last month of unit number `n`, if `n` is one.
    fn span(self, n: u8) -> Option<(u8, u8)> {
        match self {
            Unit::Month if (1..=12).contains(&n) => Some((n, n)),
            Unit::Quarter if (1..=4).contains(&n) => Some((n * 3 - 2, n * 3)),
            Unit::Semester if (1..=2).contains(&n) => Some((n * 6 - 5, n * 6)),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Span(u8, u8),
    Dash,
}

/// Months 1–12 named by `text` as a 12-bit mask (bit 0 = Januari), or `None` if any part of
/// it cannot be read. Empty text is `Some(0)`.
pub fn parse_bulan(text: &str) -> Option<u16> {
    let mut s = text.to_lowercase();
    for (from, to) in [
        ("sampai dengan", " - "),
        ("s.d.", " - "),
        ("s.d", " - "),
        ("s/d", " - "),
        ("sd.", " - "),
        ("sampai", " - "),
        ("hingga", " - "),
        ("–", " - "),
        ("—", " - "),
        ("−", " - "),
    ] {
        s = s.replace(from, to);
    }
    if matches!(
        s.split_whitespace().collect::<Vec<_>>().join(" ").as_str(),
        "sepanjang tahun" | "setiap bulan" | "tiap bulan" | "setahun" | "1 tahun" | "satu tahun"
    ) {
        return Some(0x0FFF);
    }
    let mut tokens = Vec::new();
    let mut unit = Unit::Month;
    let words = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '&' | '/' | '(' | ')' | '+'))
        .flat_map(split_dash);
    for word in words {
        let w = word.trim_matches('.');
        if w.is_empty() || w == "dan" || w == "bulan" || w == "bln" || w == "ke" {
            if w == "bulan" || w == "bln" {
                unit = Unit::Month;
            }
            continue;
        }
        if w == "-" {
            tokens.push(Token::Dash);
            continue;
        }
        if let Some(m) = month_word(w) {
            unit = Unit::Month;
            tokens.push(Token::Span(m, m));
            continue;
        }
        match w {
            "tw" | "triwulan" | "trw" | "tri" | "q" | "kuartal" => {
                unit = Unit::Quarter;
                continue;
            }
            "semester" | "smt" | "sem" | "smstr" => {
                unit = Unit::Semester;
                continue;
            }
            _ => {}
        }
        // "TW1", "Q3", "Smt2": a unit word glued to its number.
        let (glued, rest) = match w.find(|c: char| c.is_ascii_digit()) {
            Some(i) if i > 0 => (&w[..i], &w[i..]),
            _ => ("", w),
        };
        let here = match glued {
            "" => unit,
            "tw" | "q" | "trw" => Unit::Quarter,
            "smt" | "sem" | "semester" => Unit::Semester,
            _ => return None,
        };
        let n = match rest.parse::<u32>() {
            Ok(year) if rest.len() == 4 && (1900..=2200).contains(&year) => continue,
            Ok(n) => u8::try_from(n).ok()?,
            Err(_) => roman(rest)?,
        };
        let (a, b) = here.span(n)?;
        tokens.push(Token::Span(a, b));
    }
    let mut mask = 0u16;
    let mut i = 0;
    while i < tokens.len() {
        let Token::Span(a, b) = tokens[i] else {
            return None;
        };
        let (mut first, mut last) = (a, b);
        if tokens.get(i + 1) == Some(&Token::Dash) {
            let Some(Token::Span(_, d)) = tokens.get(i + 2) else {
                return None;
            };
            if *d < a {
                return None;
            }
            last = *d;
            i += 2;
        }
        if first > last {
            std::mem::swap(&mut first, &mut last);
        }
        for m in first..=last {
            mask |= 1 << (m - 1);
        }
        i += 1;
    }
    Some(mask)
}

/// "1-3" → ["1", "-", "3"]: a dash between words is its own token.
fn split_dash(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = word;
    while let Some(i) = rest.find('-') {
        out.push(&rest[..i]);
        out.push("-");
        rest = &rest[i + 1..];
    }
    out.push(rest);
    out
}

/// Whether one cell of a twelve-column schedule marks its month: any value but nothing,
/// `0`, `-` or `FALSE`; or a fill (`shaded`) the caller judged to be a mark.
pub(crate) fn marked(text: &str, shaded: bool) -> bool {
    let t = text.trim();
    let value = !t.is_empty()
        && !matches!(
            t.to_lowercase().as_str(),
            "0" | "-" | "–" | "—" | "false" | "salah" | "tidak" | "0%"
        );
    value || shaded
}

/// Whether a quarterly target schedules its quarter: a number above zero, or any text but
/// a zero or a dash.
pub(crate) fn quarter_target(text: &str) -> bool {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return false;
    }
    match t.replace(',', ".").parse::<f64>() {
        Ok(n) => n > 0.0,
        Err(_) => marked(t, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(text: &str) -> Option<Vec<u8>> {
        parse_bulan(text).map(|mask| (1..=12).filter(|m| mask & (1 << (m - 1)) != 0).collect())
    }

    #[test]
    fn the_forms_offices_write() {
        let cases: &[(&str, &[u8])] = &[
            ("Jan-Mar", &[1, 2, 3]),
            ("Januari s.d. Maret", &[1, 2, 3]),
            ("Januari s/d Maret", &[1, 2, 3]),
            ("Apr–Des", &[4, 5, 6, 7, 8, 9, 10, 11, 12]),
            ("1 2 3", &[1, 2, 3]),
            ("1-3, 7", &[1, 2, 3, 7]),
            ("TW I", &[1, 2, 3]),
            ("TW II-IV", &[4, 5, 6, 7, 8, 9, 10, 11, 12]),
            ("Triwulan III", &[7, 8, 9]),
            ("Semester 1", &[1, 2, 3, 4, 5, 6]),
            ("Semester II", &[7, 8, 9, 10, 11, 12]),
            ("Juli 2023", &[7]),
            ("Maret, Juni, September dan Desember", &[3, 6, 9, 12]),
            ("TW1", &[1, 2, 3]),
            ("Q4", &[10, 11, 12]),
            ("Sepanjang tahun", &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
            ("Pebruari - Nopember", &[2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
            ("Agt.", &[8]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(months(text).as_deref(), Some(*want), "{text}");
        }
    }

    #[test]
    fn anything_else_is_unreadable() {
        for text in [
            "segera",
            "13",
            "TW V",
            "Maret -",
            "Des - Jan",
            "awal tahun",
            "Semester 3",
        ] {
            assert_eq!(parse_bulan(text), None, "{text}");
        }
    }

    #[test]
    fn marks_and_targets() {
        for t in ["x", "v", "√", "✓", "1", "X", "ok"] {
            assert!(marked(t, false), "{t}");
        }
        for t in ["", " ", "0", "-"] {
            assert!(!marked(t, false), "{t:?}");
        }
        assert!(marked("", true));
        assert!(quarter_target("25%"));
        assert!(quarter_target("1 dokumen"));
        assert!(!quarter_target("0"));
        assert!(!quarter_target("0%"));
        assert!(!quarter_target("-"));
    }
}

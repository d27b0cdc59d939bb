//! Dates, months and quarters as Indonesian documents write them: "1 Desember 2022",
//! "Januari", "TW I". Reports never print an ISO date or an English month.

use chrono::{Datelike, NaiveDate};

pub const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// Three-letter month names for narrow table cells ("Jan", "Agu", "Des").
pub const BULAN_PENDEK: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];

/// The name of month `bulan` (1–12).
pub fn nama_bulan(bulan: u8) -> &'static str {
    BULAN[usize::from(bulan.clamp(1, 12) - 1)]
}

/// "1 Desember 2022".
pub fn tanggal_panjang(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        BULAN[date.month0() as usize],
        date.year()
    )
}

/// A stored `YYYY-MM-DD` written out in full; anything else (empty, malformed) as it is.
pub fn tanggal_teks(iso: &str) -> String {
    tanggal_nilai(iso).map_or_else(|| iso.trim().to_owned(), tanggal_panjang)
}

/// A stored `YYYY-MM-DD` as a date; `None` when empty or malformed.
pub fn tanggal_nilai(iso: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(iso.trim(), "%Y-%m-%d").ok()
}

/// "I" … "IV".
pub fn romawi(triwulan: u8) -> &'static str {
    ["I", "II", "III", "IV"][usize::from(triwulan.clamp(1, 4) - 1)]
}

/// Month numbers 1–12 as a short list with runs joined: [1, 2, 3, 7] → "Jan–Mar, Jul".
pub fn daftar_bulan(months: &[u8]) -> String {
    daftar_bulan_butir(months).join(", ")
}

/// The items of [`daftar_bulan`], each a run ("Jan–Mar", "Agu, Sep") a line must not split.
pub fn daftar_bulan_butir(months: &[u8]) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < months.len() {
        let start = months[i];
        let mut end = start;
        while i + 1 < months.len() && months[i + 1] == end + 1 {
            i += 1;
            end = months[i];
        }
        let name = |m: u8| BULAN_PENDEK[usize::from(m.clamp(1, 12) - 1)];
        parts.push(match end - start {
            0 => name(start).to_owned(),
            1 => format!("{}, {}", name(start), name(end)),
            _ => format!("{}–{}", name(start), name(end)),
        });
        i += 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_dates_the_indonesian_way() {
        let d = NaiveDate::from_ymd_opt(2022, 12, 1).expect("date");
        assert_eq!(tanggal_panjang(d), "1 Desember 2022");
        assert_eq!(tanggal_teks("2023-08-17"), "17 Agustus 2023");
        assert_eq!(tanggal_teks(""), "");
        assert_eq!(tanggal_teks("kemarin"), "kemarin");
    }

    #[test]
    fn names_months_and_quarters() {
        assert_eq!(nama_bulan(1), "Januari");
        assert_eq!(nama_bulan(12), "Desember");
        assert_eq!(romawi(4), "IV");
        assert_eq!(daftar_bulan(&[1, 2, 3, 7]), "Jan–Mar, Jul");
        assert_eq!(daftar_bulan(&[5, 6, 12]), "Mei, Jun, Des");
        assert_eq!(daftar_bulan(&[]), "");
        assert_eq!(
            daftar_bulan_butir(&[3, 4, 5, 8, 9]),
            ["Mar–Mei", "Agu, Sep"]
        );
    }
}

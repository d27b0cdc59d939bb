//! The words a user reads for the closed sets the UI offers (kinds of bukti, roles in the Tim
//! RB, realisasi statuses, levels of the tree, months, quarters), written once, here in Rust,
//! and handed to the UI as the generated `ui/src/lib/backend/generated/labels.ts`.
//!
//! Each table is built from the enum's own `label()` and its serde name (the value the UI
//! sends back), in the enum's `ALL` order, which is the order forms offer them. The bindings
//! test (`bindings.rs`) writes the file and fails when the committed copy drifts, so a word
//! changed in the core reaches the UI with the next `UPDATE_BINDINGS=1 cargo test`.
//!
//! This module only reads the domain's words; it must not invent any. The UI must not spell
//! these words again.

use std::fmt::Write as _;

use serde::Serialize;

use crate::bukti::Jenis;
use crate::edit::Level;
use crate::lke::Keadaan;
use crate::model::{BabKunci, Peran};
use crate::realisasi::Status;
use crate::tanggal;

/// One enum's words: `list` names the values in order, `map` maps each value to its words.
struct Table {
    list: &'static str,
    map: &'static str,
    /// The TypeScript type of the values (a ts-rs binding beside this file).
    ty: &'static str,
    doc: &'static str,
    rows: Vec<(String, String)>,
}

impl Table {
    fn new<T: Serialize + Copy>(
        [list, map]: [&'static str; 2],
        ty: &'static str,
        doc: &'static str,
        all: &[T],
        label: impl Fn(T) -> String,
    ) -> Table {
        let rows = all.iter().map(|&v| (wire(v), label(v))).collect();
        Table {
            list,
            map,
            ty,
            doc,
            rows,
        }
    }
}

/// The value as it crosses to the UI: its serde name, which is what the ts-rs type says.
fn wire<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("a label table's values must serialize as strings, got {other:?}"),
    }
}

/// A JavaScript string literal (JSON's quoting is valid TypeScript).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

/// A word as it heads a label: the levels' words are the lower-case domain words the core uses
/// mid-sentence ("Hapus program"); the UI shows them on their own, capitalised ("Program").
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn tables() -> Vec<Table> {
    vec![
        Table::new(
            ["JENIS", "JENIS_LABEL"],
            "Jenis",
            "Kinds of bukti dukung.",
            &Jenis::ALL,
            |j| j.label().to_owned(),
        ),
        Table::new(
            ["PERAN", "PERAN_LABEL"],
            "Peran",
            "Roles in the Tim RB.",
            &Peran::ALL,
            |p| p.label().to_owned(),
        ),
        Table::new(
            ["STATUS", "STATUS_LABEL"],
            "Status",
            "Statuses of a month's realisasi.",
            &Status::ALL,
            |s| s.label().to_owned(),
        ),
        Table::new(
            ["LEVELS", "LEVEL_LABEL"],
            "Level",
            "Levels of the tree, top down.",
            &Level::ALL,
            |l| capitalised(l.label()),
        ),
        Table::new(
            ["BAB", "BAB_LABEL"],
            "BabKunci",
            "Chapters of the Laporan Tahunan the team writes (BAB V is the kesimpulan and rekomendasi).",
            &BabKunci::ALL,
            |b| b.label(),
        ),
        Table::new(
            ["KEADAAN", "KEADAAN_LABEL"],
            "Keadaan",
            "How a tahapan stands for the year, in the LKE view.",
            &Keadaan::ALL,
            |k| k.label().to_owned(),
        ),
    ]
}

fn string_list(out: &mut String, doc: &str, name: &str, items: &[&str]) {
    let items: Vec<String> = items.iter().map(|s| quoted(s)).collect();
    let _ = writeln!(out, "\n/** {doc} */");
    let _ = writeln!(
        out,
        "export const {name}: readonly string[] = [{}];",
        items.join(", ")
    );
}

/// The text of `labels.ts`.
pub(crate) fn typescript() -> String {
    let tables = tables();
    let mut out = String::from(
        "// Generated from the Rust labels by crates/renja-core/src/labels.rs. Do not edit this \
         file manually:\n// run UPDATE_BINDINGS=1 cargo test --workspace --lib bindings.\n",
    );
    for t in &tables {
        let _ = writeln!(out, "import type {{ {0} }} from './{0}';", t.ty);
    }
    for t in &tables {
        let values: Vec<String> = t.rows.iter().map(|(v, _)| quoted(v)).collect();
        let _ = writeln!(out, "\n/** {} In the order forms offer them. */", t.doc);
        let _ = writeln!(
            out,
            "export const {}: readonly {}[] = [{}];",
            t.list,
            t.ty,
            values.join(", ")
        );
        let _ = writeln!(out, "export const {}: Record<{}, string> = {{", t.map, t.ty);
        for (value, label) in &t.rows {
            let _ = writeln!(out, "  {}: {},", quoted(value), quoted(label));
        }
        out.push_str("};\n");
    }
    string_list(
        &mut out,
        "Month names, Januari first.",
        "BULAN",
        &tanggal::BULAN,
    );
    string_list(
        &mut out,
        "Three-letter month names for narrow cells, Jan first.",
        "BULAN_PENDEK",
        &tanggal::BULAN_PENDEK,
    );
    let romawi: Vec<&str> = (1..=4).map(tanggal::romawi).collect();
    string_list(
        &mut out,
        "Quarters in Roman numerals, I first.",
        "ROMAWI",
        &romawi,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_its_rust_label() {
        let ts = typescript();
        assert!(
            ts.contains("  \"daftarHadir\": \"Daftar hadir\",\n"),
            "{ts}"
        );
        assert!(ts.contains("  \"pengarah\": \"Tim Pengarah\",\n"), "{ts}");
        assert!(
            ts.contains("  \"tidakTerlaksana\": \"Tidak terlaksana\",\n"),
            "{ts}"
        );
        assert!(
            ts.contains("export const LEVEL_LABEL: Record<Level, string>"),
            "{ts}"
        );
        assert!(ts.contains("  \"kegiatan\": \"Kegiatan\",\n"), "{ts}");
        assert!(ts.contains("\"Januari\", \"Februari\""), "{ts}");
        assert!(ts.contains("[\"I\", \"II\", \"III\", \"IV\"]"), "{ts}");
    }

    #[test]
    fn tables_are_complete() {
        for t in tables() {
            assert!(!t.rows.is_empty(), "{}", t.list);
            for (value, label) in &t.rows {
                assert!(
                    !value.is_empty() && !label.is_empty(),
                    "{}: {value}",
                    t.list
                );
            }
        }
    }
}

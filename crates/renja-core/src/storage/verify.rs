//! A received plan is untrusted input. Before any of its rows are used, its schema is compared
//! with the exact schema its version defines, and its rows are checked against every rule of
//! that schema — explicitly, not left to the connection: SQLite checks CHECK constraints only
//! when a row is written, never on a read-only connection, and a file can be edited by other
//! tools with the checks switched off.
//!
//! How:
//! - The reference is made fresh for each check: the migrations up to the file's version, run
//!   in an in-memory database. The file's `sqlite_schema` (type, name, table and SQL text of
//!   every table, index, trigger and view) must equal the reference's exactly. The migration
//!   files are therefore frozen once released (`migrations_are_frozen` guards them): a
//!   changed comment inside a `CREATE TABLE` would change the stored SQL text of every file.
//! - The data rules: every row of every table is inserted into the reference, which enforces
//!   each CHECK, NOT NULL, STRICT type and UNIQUE constraint; then `foreign_key_check` runs
//!   there. Beside that, in Rust: every text is valid UTF-8 and within its length limit
//!   ([`crate::limits::TEXT_LIMITS`]), `uuid` columns hold UUIDs, `created_at`/`modified_at`
//!   RFC 3339 times, dates are empty or `YYYY-MM-DD`, and each `berkas` row's SHA-256 is 64
//!   lowercase hex digits. `berkas` is read through its SHA-256 index only, never its table
//!   pages: in a big plan those are one page per file spread over the whole file, seconds on
//!   a cold laptop disk. Its size and contents are evidence, not structure: `renja check`
//!   hashes every file ([`damaged_evidence`]), and every read of a file checks it, so damaged
//!   evidence is named where it is used while the plan itself still opens.
//! - Problems are reported in Indonesian, naming the table and row, because the message is
//!   what the user forwards to whoever sent the file.

use std::collections::BTreeSet;

use rusqlite::Connection;
use rusqlite::types::ValueRef;

/// Why a file failed verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// Something in `sqlite_schema` differs from the reference (English, for logs).
    Schema(String),
    /// A row breaks a rule (Indonesian, shown to the user).
    Data(String),
    /// The file could not be read (English, for logs): it is damaged.
    Unreadable(String),
}

type SchemaRow = (String, String, String, Option<String>);

fn schema_rows(conn: &Connection) -> Result<BTreeSet<SchemaRow>, String> {
    let mut stmt = conn
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema")
        .map_err(|e| e.to_string())?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .map_err(|e| e.to_string())?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| e.to_string())
}

/// The reference database: the schema of `version`, empty, foreign keys off so rows can be
/// inserted in any order and checked together afterwards.
pub(crate) fn reference(version: u32) -> crate::error::Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    super::migrate(&mut conn, 0, version)?;
    conn.pragma_update(None, "foreign_keys", false)?;
    Ok(conn)
}

/// Compare the schema of `conn` with `reference`'s.
pub(crate) fn check_schema(conn: &Connection, reference: &Connection) -> Result<(), Problem> {
    let ours = schema_rows(reference).map_err(Problem::Schema)?;
    let theirs = schema_rows(conn).map_err(Problem::Unreadable)?;
    if let Some((kind, name, table, _)) = theirs.difference(&ours).next() {
        let known = ours.iter().any(|(k, n, _, _)| k == kind && n == name);
        let how = if known { "differs" } else { "is extra" };
        return Err(Problem::Schema(format!("{kind} {name} on {table} {how}")));
    }
    if let Some((kind, name, _, _)) = ours.difference(&theirs).next() {
        return Err(Problem::Schema(format!("{kind} {name} is missing")));
    }
    Ok(())
}

/// How a table is named to the user in a problem.
fn table_label(table: &str) -> &str {
    match table {
        "plan" => "identitas rencana",
        "bukti_berkas" => "berkas bukti dukung",
        "berkas" => "isi berkas bukti dukung",
        "bukti" => "bukti dukung",
        "anggota" => "anggota tim",
        "bab" => "narasi bab laporan tahunan",
        "lke_butir" => "butir LKE",
        "tahapan_lke" => "tautan tahapan ke butir LKE",
        "bukti_lke" => "tautan bukti dukung ke butir LKE",
        other => other,
    }
}

fn at(table: &str, id: i64) -> String {
    format!("data {} nomor {id}", table_label(table))
}

fn is_uuid(text: &str) -> bool {
    text.len() == 36 && uuid::Uuid::try_parse(text).is_ok()
}

fn is_stamp(text: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(text).is_ok()
}

fn is_date_or_empty(text: &str) -> bool {
    text.is_empty()
        || (text.len() == 10 && chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok())
}

fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The rule a text column keeps beyond its SQL constraints, and its length limit.
fn check_text(table: &str, column: &str, id: i64, bytes: &[u8]) -> Result<(), Problem> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Problem::Data(format!(
            "{}: teks kolom {column} bukan teks UTF-8 yang sah",
            at(table, id)
        ))
    })?;
    let bad = |what: &str| Problem::Data(format!("{}: {what}", at(table, id)));
    let ok = match column {
        "uuid" => is_uuid(text),
        "created_at" | "modified_at" | "deleted_at" | "merged_at" | "source_modified_at" => {
            is_stamp(text)
        }
        "plan_uuid" => is_uuid(text),
        "tanggal_keputusan" | "tanggal" => is_date_or_empty(text),
        "sha256" => is_sha256(text),
        _ => true,
    };
    if !ok {
        return Err(bad(&format!("isi kolom {column} tidak sah")));
    }
    if let Some(max) = crate::limits::text_limit(table, column) {
        let chars = text.chars().count();
        if chars > max {
            return Err(bad(&format!(
                "teks kolom {column} terlalu panjang ({} karakter, paling banyak {})",
                crate::limits::ribuan(chars as u64),
                crate::limits::ribuan(max as u64)
            )));
        }
    }
    Ok(())
}

/// Check every row of `conn` against the rules of `reference` (made by [`reference`] for
/// the file's version; it is filled with the rows, so use a fresh one each time).
pub(crate) fn check_data(conn: &Connection, reference: &Connection) -> Result<(), Problem> {
    let sql_err = |e: rusqlite::Error| Problem::Unreadable(e.to_string());
    let tables: Vec<String> = reference
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rootpage")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(sql_err)?;
    let tx = reference.unchecked_transaction().map_err(sql_err)?;
    for table in &tables {
        let columns: Vec<String> = tx
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
            ))
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(sql_err)?;
        // `berkas` is read from its sha256 index alone: its table pages (one per file in a
        // big plan, spread over the whole file) would cost a cold disk seconds. Its size and
        // contents are checked by `renja check` and whenever a file is read.
        let (select, from): (Vec<String>, String) = if table == "berkas" {
            (
                columns
                    .iter()
                    .map(|c| match c.as_str() {
                        "size" => "0".to_owned(),
                        "data" => "CAST(x'' AS BLOB)".to_owned(),
                        c => format!("\"{c}\""),
                    })
                    .collect(),
                "berkas INDEXED BY sqlite_autoindex_berkas_1".to_owned(),
            )
        } else {
            (
                columns.iter().map(|c| format!("\"{c}\"")).collect(),
                format!("\"{table}\""),
            )
        };
        let mut read = conn
            .prepare(&format!("SELECT rowid, {} FROM {from}", select.join(", ")))
            .map_err(sql_err)?;
        let mut write = tx
            .prepare(&format!(
                "INSERT INTO \"{table}\" VALUES ({})",
                vec!["?"; columns.len()].join(", ")
            ))
            .map_err(sql_err)?;
        let mut rows = read.query([]).map_err(sql_err)?;
        while let Some(row) = rows.next().map_err(sql_err)? {
            let id: i64 = row.get(0).map_err(sql_err)?;
            let mut values = Vec::with_capacity(columns.len());
            for (i, column) in columns.iter().enumerate() {
                let value = row.get_ref(i + 1).map_err(sql_err)?;
                if let ValueRef::Text(bytes) = value {
                    check_text(table, column, id, bytes)?;
                }
                values.push(rusqlite::types::ToSqlOutput::Borrowed(value));
            }
            write
                .execute(rusqlite::params_from_iter(values))
                .map_err(|e| Problem::Data(format!("{}: {}", at(table, id), rule_of(&e))))?;
        }
    }
    let plans: i64 = conn
        .query_row("SELECT count(*) FROM plan", [], |r| r.get(0))
        .map_err(sql_err)?;
    if plans != 1 {
        return Err(Problem::Data(format!(
            "identitas rencana tercatat {plans} kali, seharusnya tepat satu"
        )));
    }
    let broken: Option<(String, i64)> = tx
        .prepare("PRAGMA foreign_key_check")
        .and_then(|mut s| {
            let mut rows = s.query([])?;
            rows.next()?
                .map(|r| Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?.unwrap_or(0))))
                .transpose()
        })
        .map_err(sql_err)?;
    if let Some((table, id)) = broken {
        return Err(Problem::Data(format!(
            "{}: merujuk ke data yang tidak ada",
            at(&table, id)
        )));
    }
    // The reference is thrown away with its rows.
    drop(tx);
    Ok(())
}

/// What a refused insert broke, in Indonesian, naming the column or the rule of the schema
/// ("bulan BETWEEN 0 AND 4095") it broke, for the message.
fn rule_of(e: &rusqlite::Error) -> String {
    let text = e.to_string();
    let after = |marker: &str| {
        text.split_once(marker)
            .map(|(_, r)| r.trim().to_owned())
            .unwrap_or_default()
    };
    if text.starts_with("CHECK") {
        format!(
            "nilai di luar batas aturan \"{}\"",
            after("constraint failed: ")
        )
    } else if text.starts_with("UNIQUE") {
        format!(
            "nilai {} muncul lebih dari sekali",
            after("constraint failed: ")
        )
    } else if text.starts_with("NOT NULL") {
        format!(
            "kolom {} kosong padahal wajib diisi",
            after("constraint failed: ")
        )
    } else if text.contains("cannot store") {
        format!("kolom {} berisi jenis nilai yang salah", after(" column "))
    } else {
        "nilai tidak sah".to_owned()
    }
}

/// The evidence files whose stored contents no longer match their SHA-256, by the names
/// they were added under ("laporan.pdf (bukti: Laporan sosialisasi)"). Streams every file
/// through the hash once: `renja check` only.
pub(crate) fn damaged_evidence(conn: &Connection) -> crate::error::Result<Vec<String>> {
    let mut damaged = Vec::new();
    // Rows that cannot even be listed are reported by the caller's integrity check.
    let rows: Vec<(i64, String, i64)> = conn
        .prepare("SELECT id, sha256, size FROM berkas ORDER BY id")
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()
        })
        .unwrap_or_default();
    for (id, sha256, size) in rows {
        let intact = match conn.blob_open("main", "berkas", "data", id, true) {
            Ok(blob) => super::berkas::hash_stream(blob)
                .is_ok_and(|(h, len)| h == sha256 && i64::try_from(len) == Ok(size)),
            Err(_) => false,
        };
        if !intact {
            let names: Vec<String> = conn
                .prepare(
                    "SELECT bb.nama || ' (bukti: ' || b.judul || ')' FROM bukti_berkas bb \
                     JOIN bukti b ON b.id = bb.bukti_id WHERE bb.berkas_id = ?1 ORDER BY bb.id",
                )?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if names.is_empty() {
                damaged.push(format!(
                    "isi berkas nomor {id} (tidak dipakai bukti mana pun)"
                ));
            }
            damaged.extend(names);
        }
    }
    Ok(damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rules() {
        assert!(check_text("tahapan", "nama", 1, "Sosialisasi".as_bytes()).is_ok());
        assert!(check_text("tahapan", "nama", 1, b"\xff\xfe").is_err());
        assert!(check_text("tahapan", "uuid", 1, b"not-a-uuid").is_err());
        assert!(check_text("tahapan", "modified_at", 1, b"kemarin").is_err());
        assert!(check_text("tahapan", "modified_at", 1, b"2026-11-30T08:00:00Z").is_ok());
        assert!(check_text("plan", "tanggal_keputusan", 1, b"").is_ok());
        assert!(check_text("plan", "tanggal_keputusan", 1, b"2022-12-01").is_ok());
        assert!(check_text("plan", "tanggal_keputusan", 1, b"2022-13-01").is_err());
        assert!(check_text("berkas", "sha256", 1, "a".repeat(64).as_bytes()).is_ok());
        assert!(check_text("berkas", "sha256", 1, "A".repeat(64).as_bytes()).is_err());
    }

    #[test]
    fn fresh_reference_matches_itself_and_keeps_checks() {
        let a = reference(super::super::LATEST_VERSION).expect("test step");
        let b = reference(super::super::LATEST_VERSION).expect("test step");
        assert_eq!(check_schema(&a, &b), Ok(()));
        b.execute_batch("CREATE VIEW v AS SELECT 1")
            .expect("test step");
        assert!(matches!(check_schema(&b, &a), Err(Problem::Schema(_))));
    }
}

//! The SQL of row versions, deletion markers and the merge log: what lets two copies of a plan
//! be merged (the rules are `crate::merge`'s).
//!
//! - Every merged table has a `version` column. The TEMP triggers that `storage::undo`
//!   installs for editing also keep versions ([`trigger_sql`]): a row whose fields change
//!   gets a fresh random version, its old one goes to `row_version` with the row's fields
//!   as they were (JSON), and a deleted row leaves a `tombstone` with a version of its own.
//!   Undo and redo restore a row's old `version` with its old fields; a version the row has
//!   had before is never taken again, so an undo is a new change, as merging needs.
//! - A row is named across copies by its key: its uuid, or `'plan'` / `'logo'` for the two
//!   one-row tables. References are written as the referred row's key (the tahapan's uuid,
//!   the file contents' SHA-256), never as row ids, which differ between copies.
//! - [`load`] reads one copy for merging: every row's key, version and fields as JSON, the
//!   versions each key had, and the tombstones. The write methods apply a merge's decisions.

use std::collections::{BTreeMap, HashMap};

use sha2::{Digest, Sha256};

use rusqlite::{OptionalExtension, params};

use super::{Read, Write};
use crate::error::{Error, Result};

/// One merged table: how its rows are named and what its references point at.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Replicated {
    pub table: &'static str,
    /// The key of the table's only row, for one-row tables; `None`: the `uuid` column.
    pub singleton: Option<&'static str>,
    /// `(column, table, column there)`: a reference, written as the referred row's key.
    pub refs: &'static [(&'static str, &'static str, &'static str)],
}

/// Every merged table, parents before children (the order rows are written in).
pub(crate) const REPLICATED: &[Replicated] = &[
    Replicated {
        table: "plan",
        singleton: Some("plan"),
        refs: &[],
    },
    Replicated {
        table: "program",
        singleton: None,
        refs: &[],
    },
    Replicated {
        table: "outcome",
        singleton: None,
        refs: &[("program_id", "program", "uuid")],
    },
    Replicated {
        table: "kegiatan",
        singleton: None,
        refs: &[("outcome_id", "outcome", "uuid")],
    },
    Replicated {
        table: "output",
        singleton: None,
        refs: &[("kegiatan_id", "kegiatan", "uuid")],
    },
    Replicated {
        table: "tahapan",
        singleton: None,
        refs: &[("output_id", "output", "uuid")],
    },
    Replicated {
        table: "anggota",
        singleton: None,
        refs: &[],
    },
    Replicated {
        table: "realisasi",
        singleton: None,
        refs: &[("tahapan_id", "tahapan", "uuid")],
    },
    Replicated {
        table: "bukti",
        singleton: None,
        refs: &[("tahapan_id", "tahapan", "uuid")],
    },
    Replicated {
        table: "bukti_berkas",
        singleton: None,
        refs: &[
            ("bukti_id", "bukti", "uuid"),
            ("berkas_id", "berkas", "sha256"),
        ],
    },
    Replicated {
        table: "logo",
        singleton: Some("logo"),
        refs: &[],
    },
    Replicated {
        table: "bab",
        singleton: None,
        refs: &[],
    },
    Replicated {
        table: "lke_butir",
        singleton: None,
        refs: &[],
    },
    Replicated {
        table: "tahapan_lke",
        singleton: None,
        refs: &[
            ("tahapan_id", "tahapan", "uuid"),
            ("butir_id", "lke_butir", "uuid"),
        ],
    },
    Replicated {
        table: "bukti_lke",
        singleton: None,
        refs: &[
            ("bukti_id", "bukti", "uuid"),
            ("butir_id", "lke_butir", "uuid"),
        ],
    },
];

pub(crate) fn replicated(table: &str) -> Option<&'static Replicated> {
    REPLICATED.iter().find(|r| r.table == table)
}

/// Columns that are not fields: the local row id, the key and the version.
fn is_field(spec: &Replicated, column: &str) -> bool {
    column != "id" && column != "version" && (spec.singleton.is_some() || column != "uuid")
}

/// `(name, declared type)` of every column of `table`, in order.
fn columns(db: &Read, table: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = db.prepare_cached(&format!("PRAGMA main.table_info({table})"))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Replicated {
    /// SQL for the key of row `r` (`OLD`, `NEW` or a table alias).
    fn key(&self, r: &str) -> String {
        match self.singleton {
            Some(key) => format!("'{key}'"),
            None => format!("{r}.uuid"),
        }
    }

    /// SQL for the version of row `r`, an empty one read as `v0:<modified_at>:<key>`: two
    /// copies of a row written before versions existed agree on it exactly when they agree
    /// on when it was last changed.
    fn version(&self, r: &str) -> String {
        format!(
            "CASE WHEN {r}.version = '' THEN 'v0:' || {r}.modified_at || ':' || {key} \
             ELSE {r}.version END",
            key = self.key(r)
        )
    }

    /// SQL for the fields of row `r` as one JSON object. BLOB columns are left out (the
    /// logo's bytes are compared by their SHA-256, in Rust).
    fn fields(&self, cols: &[(String, String)], r: &str) -> String {
        let parts: Vec<String> = cols
            .iter()
            .filter(|(c, ty)| is_field(self, c) && ty != "BLOB")
            .map(
                |(c, _)| match self.refs.iter().find(|(col, _, _)| col == c) {
                    Some((_, table, key)) => {
                        format!("'{c}', (SELECT {key} FROM main.{table} WHERE id = {r}.{c})")
                    }
                    None => format!("'{c}', {r}.{c}"),
                },
            )
            .collect();
        format!("json_object({})", parts.join(", "))
    }

    /// SQL true when a field of the row differs between `OLD` and `NEW`.
    fn changed(&self, cols: &[(String, String)]) -> String {
        let parts: Vec<String> = cols
            .iter()
            .filter(|(c, _)| is_field(self, c) && c != "modified_at")
            .map(|(c, _)| format!("NEW.{c} IS NOT OLD.{c}"))
            .collect();
        format!("({})", parts.join(" OR "))
    }
}

const RANDOM: &str = "lower(hex(randomblob(16)))";

/// The statements the TEMP triggers of `table` run to keep versions, `(after insert, after
/// update, before delete)`; empty for tables that are not merged. Names come from our schema.
pub(crate) fn trigger_sql(db: &Read, table: &str) -> Result<(String, String, String)> {
    let Some(spec) = replicated(table) else {
        return Ok(Default::default());
    };
    let cols = columns(db, table)?;
    let known = |r: &str| {
        format!(
            "EXISTS (SELECT 1 FROM main.row_version WHERE key = {} AND version = {r}.version)",
            spec.key(r)
        )
    };
    let insert = format!(
        "INSERT OR IGNORE INTO main.row_version (key, version, data)
           SELECT key, version, NULL FROM main.tombstone WHERE key = {key};
         DELETE FROM main.tombstone WHERE key = {key};
         UPDATE main.{table} SET version = {RANDOM}
           WHERE id = NEW.id AND (NEW.version = '' OR {known_new});",
        key = spec.key("NEW"),
        known_new = known("NEW"),
    );
    let changed = spec.changed(&cols);
    let update = format!(
        "INSERT OR IGNORE INTO main.row_version (key, version, data)
           SELECT {key}, {version}, {fields}
           WHERE {changed} OR (NEW.version IS NOT OLD.version AND OLD.version <> '');
         UPDATE main.{table} SET version = {RANDOM}
           WHERE id = NEW.id AND {changed}
             AND (NEW.version = OLD.version OR NEW.version = '' OR {known_new});",
        key = spec.key("OLD"),
        version = spec.version("OLD"),
        fields = spec.fields(&cols, "OLD"),
        known_new = known("NEW"),
    );
    let delete = format!(
        "INSERT OR IGNORE INTO main.row_version (key, version, data)
           VALUES ({key}, {version}, {fields});
         INSERT OR IGNORE INTO main.tombstone (key, tbl, version, deleted_at)
           VALUES ({key}, '{table}', {RANDOM}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));",
        key = spec.key("OLD"),
        version = spec.version("OLD"),
        fields = spec.fields(&cols, "OLD"),
    );
    Ok((insert, update, delete))
}

/// One live row of a copy, as merging sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub table: &'static str,
    pub version: String,
    /// Every field but BLOBs; references as keys. The logo's `data` is its SHA-256.
    pub fields: serde_json::Map<String, serde_json::Value>,
}

/// A deleted row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tombstone {
    pub table: String,
    pub version: String,
    pub deleted_at: String,
}

/// One copy of a plan, read for merging.
#[derive(Debug, Default)]
pub(crate) struct Copy {
    pub rows: BTreeMap<String, Row>,
    pub tombstones: BTreeMap<String, Tombstone>,
    /// Earlier versions of each key, with the fields at that version when known.
    pub history:
        HashMap<String, HashMap<String, Option<serde_json::Map<String, serde_json::Value>>>>,
    /// SHA-256 → size of every file content the copy holds.
    pub berkas: HashMap<String, u64>,
}

fn parse_fields(text: &str) -> Result<serde_json::Map<String, serde_json::Value>> {
    match serde_json::from_str(text) {
        Ok(serde_json::Value::Object(map)) => Ok(map),
        _ => Err(Error::invalid(
            "berkas",
            "Riwayat versi di dalam berkas rencana tidak terbaca.",
        )),
    }
}

/// Read everything merging needs of one copy (no file contents).
pub(crate) fn load(db: &Read) -> Result<Copy> {
    let mut copy = Copy::default();
    for spec in REPLICATED {
        let cols = columns(db, spec.table)?;
        let sql = format!(
            "SELECT {key}, {version}, {fields} FROM main.{table} AS r",
            key = spec.key("r"),
            version = spec.version("r"),
            fields = spec.fields(&cols, "r"),
            table = spec.table,
        );
        let mut stmt = db.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let key: String = r.get(0)?;
            let mut fields = parse_fields(&r.get::<_, String>(2)?)?;
            if spec.table == "logo" {
                let data: Vec<u8> =
                    db.query_row("SELECT data FROM logo WHERE id = 1", [], |r| r.get(0))?;
                let sha = super::berkas::hex(&Sha256::digest(&data));
                fields.insert("data".into(), sha.into());
            }
            copy.rows.insert(
                key,
                Row {
                    table: spec.table,
                    version: r.get(1)?,
                    fields,
                },
            );
        }
    }
    let mut stmt = db.prepare("SELECT key, tbl, version, deleted_at FROM tombstone")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        copy.tombstones.insert(
            r.get(0)?,
            Tombstone {
                table: r.get(1)?,
                version: r.get(2)?,
                deleted_at: r.get(3)?,
            },
        );
    }
    let mut stmt = db.prepare("SELECT key, version, data FROM row_version")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let data: Option<String> = r.get(2)?;
        let data = match data {
            Some(text) => Some(parse_fields(&text)?),
            None => None,
        };
        copy.history
            .entry(r.get(0)?)
            .or_default()
            .insert(r.get(1)?, data);
    }
    let mut stmt = db.prepare("SELECT sha256, size FROM berkas")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        copy.berkas.insert(r.get(0)?, r.get::<_, i64>(1)? as u64);
    }
    Ok(copy)
}

/// The local id of the row with `key` in `table` (`column` names the key column).
fn id_of(db: &Read, table: &str, column: &str, key: &str) -> Result<Option<i64>> {
    Ok(db
        .prepare_cached(&format!("SELECT id FROM main.{table} WHERE {column} = ?1"))?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

fn row_id(db: &Read, spec: &Replicated, key: &str) -> Result<Option<i64>> {
    match spec.singleton {
        Some(_) => Ok(db
            .prepare_cached(&format!("SELECT id FROM main.{} LIMIT 1", spec.table))?
            .query_row([], |r| r.get(0))
            .optional()?),
        None => id_of(db, spec.table, "uuid", key),
    }
}

fn to_sql(value: &serde_json::Value) -> rusqlite::types::Value {
    use rusqlite::types::Value;
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(i64::from(*b)),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap_or_default()),
        },
        serde_json::Value::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// Write row `key` of `table` as `fields` at `version`: an update when the row exists, an
/// insert when not. References are resolved to this copy's row ids; `blob` gives the values
/// of BLOB columns (the logo's bytes) when the row is written from another copy.
pub(crate) fn put_row(
    tx: &Write<'_>,
    table: &str,
    key: &str,
    fields: &serde_json::Map<String, serde_json::Value>,
    version: &str,
    blob: Option<&[u8]>,
) -> Result<()> {
    let spec = replicated(table).ok_or_else(|| Error::invalid("tabel", table))?;
    let cols = columns(tx, table)?;
    let mut names = Vec::new();
    let mut values = Vec::new();
    for (c, ty) in &cols {
        if !is_field(spec, c) {
            continue;
        }
        if ty == "BLOB" {
            if let Some(bytes) = blob {
                names.push(c.clone());
                values.push(rusqlite::types::Value::Blob(bytes.to_vec()));
            }
            continue;
        }
        let value = fields.get(c).unwrap_or(&serde_json::Value::Null);
        let value = match spec.refs.iter().find(|(col, _, _)| col == c) {
            Some((_, ref_table, ref_col)) => {
                let target = value.as_str().unwrap_or_default();
                match id_of(tx, ref_table, ref_col, target)? {
                    Some(id) => rusqlite::types::Value::Integer(id),
                    None => {
                        return Err(Error::invalid(
                            "gabung",
                            "Data rekan merujuk ke data yang tidak ada.",
                        ));
                    }
                }
            }
            None => to_sql(value),
        };
        names.push(c.clone());
        values.push(value);
    }
    names.push("version".into());
    values.push(rusqlite::types::Value::Text(version.into()));
    match row_id(tx, spec, key)? {
        Some(id) => {
            let set: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, n)| format!("{n} = ?{}", i + 1))
                .collect();
            values.push(rusqlite::types::Value::Integer(id));
            tx.prepare_cached(&format!(
                "UPDATE main.{table} SET {} WHERE id = ?{}",
                set.join(", "),
                values.len()
            ))?
            .execute(rusqlite::params_from_iter(values))?;
        }
        None => {
            if spec.singleton.is_none() {
                names.push("uuid".into());
                values.push(rusqlite::types::Value::Text(key.into()));
            } else if table == "logo" {
                names.push("id".into());
                values.push(rusqlite::types::Value::Integer(1));
            }
            let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
            tx.prepare_cached(&format!(
                "INSERT INTO main.{table} ({}) VALUES ({})",
                names.join(", "),
                marks.join(", ")
            ))?
            .execute(rusqlite::params_from_iter(values))?;
        }
    }
    Ok(())
}

/// Delete row `key` of `table`, leaving `tombstone` as its deletion marker (the triggers
/// keep a marker already there).
pub(crate) fn delete_row(tx: &Write<'_>, key: &str, tombstone: &Tombstone) -> Result<()> {
    put_tombstone(tx, key, tombstone)?;
    let spec = replicated(&tombstone.table).ok_or_else(|| Error::invalid("tabel", key))?;
    if let Some(id) = row_id(tx, spec, key)? {
        tx.prepare_cached(&format!("DELETE FROM main.{} WHERE id = ?1", spec.table))?
            .execute([id])?;
    }
    Ok(())
}

/// Record `key` as deleted at `tombstone` (replacing an older marker).
pub(crate) fn put_tombstone(tx: &Write<'_>, key: &str, tombstone: &Tombstone) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO tombstone (key, tbl, version, deleted_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (key) DO UPDATE SET tbl = ?2, version = ?3, deleted_at = ?4",
    )?
    .execute(params![
        key,
        tombstone.table,
        tombstone.version,
        tombstone.deleted_at
    ])?;
    Ok(())
}

/// Remember that `key` was at `version` (with its fields then, when known).
pub(crate) fn add_history(
    tx: &Write<'_>,
    key: &str,
    version: &str,
    fields: Option<&serde_json::Map<String, serde_json::Value>>,
) -> Result<()> {
    let data = fields.map(|f| serde_json::Value::Object(f.clone()).to_string());
    tx.prepare_cached(
        "INSERT INTO row_version (key, version, data) VALUES (?1, ?2, ?3)
         ON CONFLICT (key, version) DO UPDATE SET data = coalesce(data, excluded.data)",
    )?
    .execute(params![key, version, data])?;
    Ok(())
}

/// The logo's bytes of a copy, when it has one (at most `limits::MAX_LOGO_BYTES`).
pub(crate) fn logo_bytes(db: &Read) -> Result<Option<Vec<u8>>> {
    super::logo::data(db)
}

/// Copy file contents `sha256` from `from` into `tx` in chunks, checking the SHA-256 on the
/// way; `progress` gets the bytes copied so far. A content already here is not copied.
pub(crate) fn copy_berkas(
    from: &Read,
    tx: &Write<'_>,
    sha256: &str,
    progress: &mut dyn FnMut(u64),
) -> Result<()> {
    if super::berkas::find(tx, sha256)?.is_some() {
        return Ok(());
    }
    let Some(source) = super::berkas::find(from, sha256)? else {
        return Err(Error::invalid(
            "gabung",
            "Berkas rekan merujuk ke isi berkas yang tidak ada di dalamnya.",
        ));
    };
    let reader = super::berkas::contents(from, source)?;
    let size = reader.len() as u64;
    let id = super::berkas::insert(tx, sha256, size)?;
    struct Counting<W> {
        inner: W,
        done: u64,
    }
    let mut writer = Counting {
        inner: super::berkas::contents_mut(tx, id)?,
        done: 0,
    };
    impl<W: std::io::Write> std::io::Write for Counting<W> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = self.inner.write(buf)?;
            self.done += n as u64;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.inner.flush()
        }
    }
    let reader = ProgressRead {
        inner: reader,
        done: 0,
        progress,
    };
    let path = from
        .path()
        .map(std::path::PathBuf::from)
        .unwrap_or_default();
    let (got, _) =
        super::berkas::copy_hashing(reader, &mut writer).map_err(|e| Error::io(&path, e))?;
    if got != sha256 {
        return Err(super::berkas::damaged(from, source));
    }
    Ok(())
}

struct ProgressRead<'p, R> {
    inner: R,
    done: u64,
    progress: &'p mut dyn FnMut(u64),
}

impl<R: std::io::Read> std::io::Read for ProgressRead<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done += n as u64;
        (self.progress)(self.done);
        Ok(n)
    }
}

/// One merge made into this file.
#[derive(Debug, Clone)]
pub(crate) struct MergeLogRow {
    pub merged_at: String,
    pub file_name: String,
    pub plan_uuid: String,
    pub modified_at: String,
    pub changes: u32,
    pub conflicts: u32,
}

pub(crate) fn log_merge(tx: &Write<'_>, row: &MergeLogRow) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO merge_log (merged_at, file_name, plan_uuid, source_modified_at, changes,
            conflicts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        row.merged_at,
        row.file_name,
        row.plan_uuid,
        row.modified_at,
        row.changes,
        row.conflicts
    ])?;
    Ok(())
}

/// Every merge made into this file, newest first.
pub(crate) fn merges(db: &Read) -> Result<Vec<MergeLogRow>> {
    let mut stmt = db.prepare_cached(
        "SELECT merged_at, file_name, plan_uuid, source_modified_at, changes, conflicts
         FROM merge_log ORDER BY merged_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(MergeLogRow {
            merged_at: r.get(0)?,
            file_name: r.get(1)?,
            plan_uuid: r.get(2)?,
            modified_at: r.get(3)?,
            changes: r.get(4)?,
            conflicts: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

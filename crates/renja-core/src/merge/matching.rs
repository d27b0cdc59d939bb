//! Matching theirs' rows to ours when their keys differ but they are the same thing: a
//! realisasi of the same tahapan and month recorded in both copies, and, when the user says
//! a file of another plan uuid is the same plan, rows of the same name under matched parents.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::storage::versions::Copy;

/// Tables matched by name, parents first, with the column naming their parent.
const BY_NAME: &[(&str, Option<&str>, &str)] = &[
    ("program", None, "nama"),
    ("outcome", Some("program_id"), "nama"),
    ("kegiatan", Some("outcome_id"), "nama"),
    ("output", Some("kegiatan_id"), "nama"),
    ("tahapan", Some("output_id"), "nama"),
    ("anggota", None, "nama"),
    ("bukti", Some("tahapan_id"), "judul"),
    ("bukti_berkas", Some("bukti_id"), "nama"),
];

fn norm(value: Option<&Value>) -> String {
    let text = value.and_then(Value::as_str).unwrap_or_default();
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The identity of a row for matching: its table, its parent's key and a value.
type Identity = (&'static str, String, String);

fn identities(copy: &Copy, map: &HashMap<String, String>) -> BTreeMap<Identity, Vec<String>> {
    let mut out: BTreeMap<Identity, Vec<String>> = BTreeMap::new();
    for (key, row) in &copy.rows {
        let identity = if row.table == "realisasi" {
            let tahapan = row.fields.get("tahapan_id").and_then(Value::as_str);
            let tahapan = tahapan.map(|t| map.get(t).map_or(t, String::as_str));
            let bulan = row.fields.get("bulan").map(Value::to_string);
            (
                "realisasi",
                tahapan.unwrap_or("").to_owned(),
                bulan.unwrap_or_default(),
            )
        } else if let Some((table, parent, name)) = BY_NAME.iter().find(|(t, _, _)| *t == row.table)
        {
            let parent = parent
                .and_then(|c| row.fields.get(c))
                .and_then(Value::as_str)
                .map(|p| map.get(p).map_or(p, String::as_str).to_owned())
                .unwrap_or_default();
            (*table, parent, norm(row.fields.get(*name)))
        } else {
            continue;
        };
        out.entry(identity).or_default().push(key.clone());
    }
    out
}

/// Rename theirs' keys to ours where they match: realisasi always; every named row when
/// `by_name` (another plan uuid the user confirmed is the same plan).
pub(crate) fn rekey(ours: &Copy, mut theirs: Copy, by_name: bool) -> Copy {
    let mut map: HashMap<String, String> = HashMap::new();
    // Parents first: a child's identity uses its parent's matched key.
    let tables: Vec<&str> = if by_name {
        BY_NAME
            .iter()
            .map(|(t, _, _)| *t)
            .chain(["realisasi"])
            .collect()
    } else {
        vec!["realisasi"]
    };
    for table in tables {
        let ours_ids = identities(ours, &HashMap::new());
        let theirs_ids = identities(&theirs, &map);
        for (identity, keys) in &theirs_ids {
            if identity.0 != table || keys.len() != 1 {
                continue;
            }
            let Some(ours_keys) = ours_ids.get(identity) else {
                continue;
            };
            if ours_keys.len() == 1
                && ours_keys[0] != keys[0]
                && !theirs.rows.contains_key(&ours_keys[0])
            {
                map.insert(keys[0].clone(), ours_keys[0].clone());
            }
        }
    }
    if map.is_empty() {
        return theirs;
    }
    let rename = |k: String| map.get(&k).cloned().unwrap_or(k);
    let fix = |fields: &mut serde_json::Map<String, Value>| {
        for (column, value) in fields.iter_mut() {
            if column.ends_with("_id")
                && let Value::String(s) = value
                && let Some(to) = map.get(s.as_str())
            {
                *s = to.clone();
            }
        }
    };
    theirs.rows = std::mem::take(&mut theirs.rows)
        .into_iter()
        .map(|(k, mut row)| {
            fix(&mut row.fields);
            (rename(k), row)
        })
        .collect();
    theirs.tombstones = std::mem::take(&mut theirs.tombstones)
        .into_iter()
        .map(|(k, t)| (rename(k), t))
        .collect();
    theirs.history = std::mem::take(&mut theirs.history)
        .into_iter()
        .map(|(k, mut versions)| {
            for fields in versions.values_mut().flatten() {
                fix(fields);
            }
            (rename(k), versions)
        })
        .collect();
    theirs
}

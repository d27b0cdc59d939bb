//! What a merge does, decided from the two copies alone (no SQL): for every key, whether
//! ours stays, theirs is taken, the two are joined field by field, or the user must choose.
//! See the module docs of `crate::merge` for the rules.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::Side;
use crate::storage::versions::{Copy, REPLICATED, Row, Tombstone};

pub(crate) type Fields = Map<String, Value>;

/// A key's state in one copy.
#[derive(Debug, Clone, Copy)]
pub(crate) enum State<'a> {
    Live(&'a Row),
    Dead(&'a Tombstone),
}

impl State<'_> {
    fn version(&self) -> &str {
        match self {
            State::Live(r) => &r.version,
            State::Dead(t) => &t.version,
        }
    }
}

fn state<'a>(copy: &'a Copy, key: &str) -> Option<State<'a>> {
    match copy.rows.get(key) {
        Some(row) => Some(State::Live(row)),
        None => copy.tombstones.get(key).map(State::Dead),
    }
}

/// Whether `copy` has seen `version` of `key`: it is the current one or an earlier one.
fn knows(copy: &Copy, key: &str, version: &str) -> bool {
    state(copy, key).is_some_and(|s| s.version() == version)
        || copy
            .history
            .get(key)
            .is_some_and(|h| h.contains_key(version))
}

/// The fields of the newest version both copies have seen, when either kept them.
fn base<'a>(ours: &'a Copy, theirs: &'a Copy, key: &str) -> Option<&'a Fields> {
    let mut best: Option<&Fields> = None;
    for copy in [ours, theirs] {
        let Some(history) = copy.history.get(key) else {
            continue;
        };
        for (version, fields) in history {
            let Some(fields) = fields else { continue };
            if !(knows(ours, key, version) && knows(theirs, key, version)) {
                continue;
            }
            let stamp = |f: &Fields| {
                f.get("modified_at")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            if best.is_none_or(|b| stamp(fields) > stamp(b)) {
                best = Some(fields);
            }
        }
    }
    best
}

/// The version a merge gives a row it joined: the same on both sides of a merge whatever
/// the direction, so copies that merge each other end equal.
fn joined_version(a: &str, b: &str, what: &Value) -> String {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let mut h = Sha256::new();
    h.update(lo.as_bytes());
    h.update([0]);
    h.update(hi.as_bytes());
    h.update([0]);
    h.update(what.to_string().as_bytes());
    crate::storage::berkas::hex(&h.finalize())[..32].to_owned()
}

fn later(a: &str, b: &str) -> String {
    if a >= b { a.to_owned() } else { b.to_owned() }
}

/// A conflict the user settles, by choosing one side for the whole item.
#[derive(Debug, Clone)]
pub(crate) struct Conflict {
    pub key: String,
    pub table: &'static str,
    /// Fields changed on both sides, to different values (empty for a deletion conflict).
    pub fields: Vec<String>,
    pub ours: Option<Fields>,
    pub theirs: Option<Fields>,
    pub kind: ConflictKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConflictKind {
    /// Both changed the same fields.
    Edited,
    /// One side deleted the row, the other changed it.
    DeletedEdited,
    /// One side deleted the row, the other added rows under it.
    DeletedParent,
}

/// What a key becomes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Final {
    /// The row as ours has it: nothing to write.
    Ours,
    /// The row at `version` with `fields` (`modified_at` among them). `blob` says which copy
    /// holds the row's BLOB (the logo's bytes).
    Put {
        table: &'static str,
        fields: Fields,
        version: String,
        blob: Side,
    },
    /// Deleted, with this marker.
    Deleted { tombstone: Tombstone },
}

/// The outcome of deciding: what each key becomes, the conflicts (settled or not) and the
/// earlier versions of theirs that ours should learn.
#[derive(Debug, Default)]
pub(crate) struct Decision {
    pub finals: BTreeMap<String, Final>,
    pub conflicts: Vec<Conflict>,
    /// Conflicts without a choice: the merge cannot be applied yet.
    pub open: usize,
    /// `(key, version, fields)` ours has not seen yet.
    pub learn: Vec<(String, String, Option<Fields>)>,
}

/// How the user settles conflicts: one side for everything, or per key.
#[derive(Debug, Clone, Default)]
pub(crate) struct Choices {
    pub prefer: Option<Side>,
    pub per_key: HashMap<String, Side>,
}

impl Choices {
    fn get(&self, key: &str) -> Option<Side> {
        self.per_key.get(key).copied().or(self.prefer)
    }
}

fn parent_key(row_table: &str, fields: &Fields) -> Option<String> {
    let spec = REPLICATED.iter().find(|r| r.table == row_table)?;
    spec.refs
        .iter()
        .find(|(_, table, _)| *table != "berkas")
        .and_then(|(col, _, _)| fields.get(*col))
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// Decide the merge of `theirs` into `ours`.
pub(crate) fn decide(ours: &Copy, theirs: &Copy, choices: &Choices) -> Decision {
    let mut d = Decision::default();
    let keys: BTreeSet<&String> = ours
        .rows
        .keys()
        .chain(ours.tombstones.keys())
        .chain(theirs.rows.keys())
        .chain(theirs.tombstones.keys())
        .collect();
    for key in keys {
        let o = state(ours, key);
        let t = state(theirs, key);
        let fin = match (o, t) {
            (_, None) => Final::Ours,
            (None, Some(State::Live(row))) => {
                put(row, row.fields.clone(), &row.version, Side::Theirs)
            }
            (None, Some(State::Dead(tomb))) => Final::Deleted {
                tombstone: tomb.clone(),
            },
            (Some(o), Some(t)) if o.version() == t.version() => Final::Ours,
            (Some(_), Some(t)) if knows(ours, key, t.version()) => Final::Ours,
            (Some(o), Some(t)) if knows(theirs, key, o.version()) => match t {
                State::Live(row) => put(row, row.fields.clone(), &row.version, Side::Theirs),
                State::Dead(tomb) => Final::Deleted {
                    tombstone: tomb.clone(),
                },
            },
            (Some(o), Some(t)) => concurrent(ours, theirs, key, o, t, choices, &mut d),
        };
        d.finals.insert(key.clone(), fin);
    }
    keep_parents(ours, theirs, choices, &mut d);
    let keys: Vec<String> = d.finals.keys().cloned().collect();
    for key in &keys {
        learn(ours, theirs, key, &mut d);
    }
    d.open = d
        .conflicts
        .iter()
        .filter(|c| choices.get(&c.key).is_none())
        .count();
    d
}

fn put(row: &Row, fields: Fields, version: &str, blob: Side) -> Final {
    Final::Put {
        table: row.table,
        fields,
        version: version.to_owned(),
        blob,
    }
}

/// Versions of `key` theirs has seen and ours has not.
fn learn(ours: &Copy, theirs: &Copy, key: &str, d: &mut Decision) {
    if let Some(history) = theirs.history.get(key) {
        for (version, fields) in history {
            let ours_has = ours
                .history
                .get(key)
                .and_then(|h| h.get(version))
                .map(Option::is_some);
            // Unknown, or known without the fields theirs kept.
            if ours_has != Some(true) && !(ours_has == Some(false) && fields.is_none()) {
                d.learn
                    .push((key.to_owned(), version.clone(), fields.clone()));
            }
        }
    }
    // Theirs' current version, when ours stays or a join supersedes it.
    if let Some(t) = state(theirs, key) {
        let taken = match (d.finals.get(key), t) {
            (Some(Final::Put { version, .. }), s) => *version == s.version(),
            (Some(Final::Deleted { tombstone }), s) => tombstone.version == s.version(),
            _ => false,
        };
        let current_in_ours = state(ours, key).is_some_and(|o| o.version() == t.version());
        if !taken && !current_in_ours && !knows(ours, key, t.version()) {
            let fields = match t {
                State::Live(row) => Some(row.fields.clone()),
                State::Dead(_) => None,
            };
            d.learn
                .push((key.to_owned(), t.version().to_owned(), fields));
        }
    }
}

fn concurrent(
    ours: &Copy,
    theirs: &Copy,
    key: &str,
    o: State<'_>,
    t: State<'_>,
    choices: &Choices,
    d: &mut Decision,
) -> Final {
    match (o, t) {
        (State::Live(or), State::Live(tr)) => {
            let base = base(ours, theirs, key);
            let names: BTreeSet<&String> = or.fields.keys().chain(tr.fields.keys()).collect();
            let mut joined = Fields::new();
            let mut clashes = Vec::new();
            for name in names {
                let ov = or.fields.get(name).cloned().unwrap_or(Value::Null);
                let tv = tr.fields.get(name).cloned().unwrap_or(Value::Null);
                if name == "modified_at" {
                    let (a, b) = (ov.as_str().unwrap_or(""), tv.as_str().unwrap_or(""));
                    joined.insert(name.clone(), later(a, b).into());
                    continue;
                }
                let bv = base.and_then(|b| b.get(name));
                let value = if ov == tv {
                    ov
                } else if bv == Some(&ov) {
                    tv
                } else if bv == Some(&tv) {
                    ov
                } else {
                    clashes.push(name.clone());
                    match choices.get(key) {
                        Some(Side::Theirs) => tv,
                        _ => ov,
                    }
                };
                joined.insert(name.clone(), value);
            }
            if !clashes.is_empty() {
                d.conflicts.push(Conflict {
                    key: key.to_owned(),
                    table: or.table,
                    fields: clashes,
                    ours: Some(or.fields.clone()),
                    theirs: Some(tr.fields.clone()),
                    kind: ConflictKind::Edited,
                });
            }
            let version = joined_version(&or.version, &tr.version, &Value::Object(joined.clone()));
            // The logo's bytes come from the copy whose SHA-256 the join kept.
            let blob = if joined.get("data") == or.fields.get("data") {
                Side::Ours
            } else {
                Side::Theirs
            };
            put(or, joined, &version, blob)
        }
        (State::Dead(a), State::Dead(b)) => {
            let keep = if a.version >= b.version { a } else { b };
            let mut tombstone = keep.clone();
            tombstone.version = joined_version(&a.version, &b.version, &Value::Null);
            tombstone.deleted_at = later(&a.deleted_at, &b.deleted_at);
            Final::Deleted { tombstone }
        }
        (live, dead) | (dead, live) if matches!(live, State::Live(_)) => {
            let (State::Live(row), State::Dead(tomb)) = (live, dead) else {
                unreachable!("matched above")
            };
            let live_side = if matches!(o, State::Live(_)) {
                Side::Ours
            } else {
                Side::Theirs
            };
            d.conflicts.push(Conflict {
                key: key.to_owned(),
                table: row.table,
                fields: Vec::new(),
                ours: matches!(o, State::Live(_)).then(|| row.fields.clone()),
                theirs: matches!(t, State::Live(_)).then(|| row.fields.clone()),
                kind: ConflictKind::DeletedEdited,
            });
            let versions = (o.version(), t.version());
            match choices.get(key) {
                // Until the user chooses, the row stays as ours has it.
                None => Final::Ours,
                Some(side) if side == live_side => {
                    let fields = row.fields.clone();
                    let version =
                        joined_version(versions.0, versions.1, &Value::Object(fields.clone()));
                    put(row, fields, &version, live_side)
                }
                Some(_) => Final::Deleted {
                    tombstone: Tombstone {
                        table: tomb.table.clone(),
                        version: joined_version(versions.0, versions.1, &Value::Null),
                        deleted_at: tomb.deleted_at.clone(),
                    },
                },
            }
        }
        _ => unreachable!("every pair of states is matched"),
    }
}

/// A row that stays or arrives under a parent that is deleted: the deletion becomes a
/// conflict. Kept: the parent comes back (with the fields of the copy that has it).
/// Deleted: the rows under it go too, without asking again.
fn keep_parents(ours: &Copy, theirs: &Copy, choices: &Choices, d: &mut Decision) {
    let mut doomed: BTreeSet<String> = BTreeSet::new();
    loop {
        let live: Vec<(String, &'static str, String)> = d
            .finals
            .iter()
            .filter_map(|(key, fin)| {
                let (table, fields) = match fin {
                    Final::Put { table, fields, .. } => (*table, fields),
                    Final::Ours => {
                        let row = ours.rows.get(key)?;
                        (row.table, &row.fields)
                    }
                    Final::Deleted { .. } => return None,
                };
                Some((key.clone(), table, parent_key(table, fields)?))
            })
            .collect();
        let mut changed = false;
        for (child, child_table, parent) in live {
            let parent_dead = match d.finals.get(&parent) {
                Some(Final::Deleted { .. }) => true,
                Some(Final::Put { .. }) => false,
                Some(Final::Ours) | None => !ours.rows.contains_key(&parent),
            };
            if !parent_dead {
                continue;
            }
            changed = true;
            let tomb = ours
                .tombstones
                .get(&parent)
                .or_else(|| theirs.tombstones.get(&parent));
            let dead_version = tomb.map(|t| t.version.clone()).unwrap_or_default();
            // The copy where the parent is alive.
            let alive = match (ours.rows.get(&parent), theirs.rows.get(&parent)) {
                (Some(row), _) => Some((Side::Ours, row)),
                (None, Some(row)) => Some((Side::Theirs, row)),
                (None, None) => None,
            };
            let keep = match alive {
                Some((side, row)) if !doomed.contains(&parent) => {
                    if !d.conflicts.iter().any(|c| c.key == parent) {
                        d.conflicts.push(Conflict {
                            key: parent.clone(),
                            table: row.table,
                            fields: Vec::new(),
                            ours: (side == Side::Ours).then(|| row.fields.clone()),
                            theirs: (side == Side::Theirs).then(|| row.fields.clone()),
                            kind: ConflictKind::DeletedParent,
                        });
                    }
                    // Kept also until the user chooses, so the plan stays whole.
                    choices
                        .get(&parent)
                        .is_none_or(|choice| choice == side)
                        .then_some((side, row))
                }
                _ => None,
            };
            match keep {
                Some((side, row)) => {
                    let fields = row.fields.clone();
                    let version =
                        joined_version(&row.version, &dead_version, &Value::Object(fields.clone()));
                    d.finals
                        .insert(parent.clone(), put(row, fields, &version, side));
                }
                None => {
                    doomed.insert(parent.clone());
                    doomed.insert(child.clone());
                    let version = state(ours, &child)
                        .or_else(|| state(theirs, &child))
                        .map(|s| s.version().to_owned())
                        .unwrap_or_default();
                    d.finals.insert(
                        child,
                        Final::Deleted {
                            tombstone: Tombstone {
                                table: child_table.to_owned(),
                                version: joined_version(&version, &dead_version, &Value::Null),
                                deleted_at: tomb.map(|t| t.deleted_at.clone()).unwrap_or_default(),
                            },
                        },
                    );
                }
            }
        }
        if !changed {
            break;
        }
    }
}

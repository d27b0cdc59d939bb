//! Order among siblings: every tree level and the team keep a `position` column, and rows are
//! listed `ORDER BY position, uuid` (the uuid orders ties the same way in every copy). Appending, listing and moving a row are written here once
//! for all of them.
//!
//! Positions are not renumbered when a row is deleted, so they may have gaps (and files made
//! elsewhere may even hold ties): appending takes the highest position + 1, never the number
//! of siblings, and moving renumbers the whole list 0..n.

use rusqlite::params;

use super::{Read, Write};
use crate::error::Result;

/// One ordered list of rows: the rows of `table` under one parent, or the whole table.
/// Table and column names are compile-time names of our schema, never user text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Siblings {
    table: &'static str,
    parent: Option<(&'static str, i64)>,
}

impl Siblings {
    /// Every row of `table` (the team: one list).
    pub(crate) const fn all(table: &'static str) -> Siblings {
        Siblings {
            table,
            parent: None,
        }
    }

    /// The rows of `table` whose `column` is `parent`.
    pub(crate) const fn under(table: &'static str, column: &'static str, parent: i64) -> Siblings {
        Siblings {
            table,
            parent: Some((column, parent)),
        }
    }

    /// The `WHERE` condition and its one parameter. A whole-table list binds a parameter too
    /// (`?1 = ?1`), so every statement has the same shape.
    fn filter(self) -> (String, i64) {
        match self.parent {
            Some((column, parent)) => (format!("{column} = ?1"), parent),
            None => ("?1 = ?1".to_owned(), 0),
        }
    }
}

/// The position a row appended to `list` takes.
pub(crate) fn next(db: &Read, list: Siblings) -> Result<i64> {
    let (filter, parent) = list.filter();
    let sql = format!(
        "SELECT coalesce(max(position), -1) + 1 FROM {} WHERE {filter}",
        list.table
    );
    Ok(db.prepare_cached(&sql)?.query_row([parent], |r| r.get(0))?)
}

/// The ids of `list`, in order.
pub(crate) fn ids(db: &Read, list: Siblings) -> Result<Vec<i64>> {
    let (filter, parent) = list.filter();
    let sql = format!(
        "SELECT id FROM {} WHERE {filter} ORDER BY position, uuid",
        list.table
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let ids = stmt.query_map([parent], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Move row `id` of `list` to `index` (0 = first; past the end = last) and renumber the list
/// 0..n, stamping only the rows whose position changed.
pub(crate) fn move_to(
    tx: &Write<'_>,
    list: Siblings,
    id: i64,
    index: usize,
    now: &str,
) -> Result<()> {
    let mut order = ids(tx, list)?;
    order.retain(|s| *s != id);
    order.insert(index.min(order.len()), id);
    let sql = format!(
        "UPDATE {} SET position = ?1, modified_at = ?3 WHERE id = ?2 AND position <> ?1",
        list.table
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    for (position, id) in order.iter().enumerate() {
        stmt.execute(params![position as i64, id, now])?;
    }
    Ok(())
}

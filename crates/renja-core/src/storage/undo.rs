//! The SQL of undo: the TEMP log table `undo_log`, the TEMP triggers that fill it with the
//! inverse of every row change, and the statements that read, replay and forget log rows.
//! Which tables are logged and what makes a step are `crate::undo`'s rules.
//!
//! TEMP objects belong to the connection, never to the plan file: the log ends with the
//! session and no file ever holds it.

use rusqlite::params;

use super::{Read, Write};
use crate::error::Result;

/// One logged inverse: a row change of `table` at row `row`, undone by running `sql`.
pub(crate) struct Entry {
    pub table: String,
    pub row: i64,
    pub sql: String,
}

fn columns(db: &Read, table: &str) -> Result<Vec<String>> {
    let mut stmt = db.prepare_cached(&format!("PRAGMA main.table_info({table})"))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(1))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

/// The triggers of one table: each insert, update and delete logs the statement that reverses
/// it, its values quoted by SQLite itself (`quote()`). Table and column names come from our
/// own schema.
/// Each also keeps the row versions merging needs (`storage::versions`), in the same trigger
/// so the two always run in the same order.
fn triggers_sql(table: &str, cols: &[String], versions: &(String, String, String)) -> String {
    let (on_insert, on_update, on_delete) = versions;
    let set = cols
        .iter()
        .filter(|c| *c != "id")
        .map(|c| format!("'{c}=' || quote(OLD.{c})"))
        .collect::<Vec<_>>()
        .join(" || ',' || ");
    let names = cols.join(",");
    let values = cols
        .iter()
        .map(|c| format!("quote(OLD.{c})"))
        .collect::<Vec<_>>()
        .join(" || ',' || ");
    format!(
        "CREATE TEMP TRIGGER undo_{table}_insert AFTER INSERT ON main.{table} BEGIN
           INSERT INTO undo_log (tbl, row, sql)
           VALUES ('{table}', NEW.id, 'DELETE FROM main.{table} WHERE id = ' || NEW.id);
           {on_insert}
         END;
         CREATE TEMP TRIGGER undo_{table}_update AFTER UPDATE ON main.{table} BEGIN
           INSERT INTO undo_log (tbl, row, sql)
           VALUES ('{table}', OLD.id,
                   'UPDATE main.{table} SET ' || {set} || ' WHERE id = ' || OLD.id);
           {on_update}
         END;
         CREATE TEMP TRIGGER undo_{table}_delete BEFORE DELETE ON main.{table} BEGIN
           INSERT INTO undo_log (tbl, row, sql)
           VALUES ('{table}', OLD.id,
                   'INSERT INTO main.{table} ({names}) VALUES (' || {values} || ')');
           {on_delete}
         END;"
    )
}

/// Create the log and the triggers of `tables` (names of our schema) in the connection.
pub(crate) fn install<'a>(db: &Read, tables: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let mut sql = String::from(
        "CREATE TEMP TABLE undo_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            tbl TEXT NOT NULL,
            row INTEGER NOT NULL,
            sql TEXT NOT NULL);",
    );
    for table in tables {
        let versions = super::versions::trigger_sql(db, table)?;
        sql.push_str(&triggers_sql(table, &columns(db, table)?, &versions));
    }
    db.execute_batch(&sql)?;
    Ok(())
}

/// The number of the newest log row (0 when the log is empty).
pub(crate) fn last_seq(db: &Read) -> Result<i64> {
    Ok(db
        .prepare_cached("SELECT coalesce(max(seq), 0) FROM temp.undo_log")?
        .query_row([], |r| r.get(0))?)
}

/// Drop log rows `first..=last`.
pub(crate) fn forget(db: &Read, first: i64, last: i64) -> Result<()> {
    db.prepare_cached("DELETE FROM temp.undo_log WHERE seq BETWEEN ?1 AND ?2")?
        .execute([first, last])?;
    Ok(())
}

/// Log rows `first..=last`, newest first: the order they are replayed in.
pub(crate) fn entries(db: &Read, first: i64, last: i64) -> Result<Vec<Entry>> {
    let mut stmt = db.prepare_cached(
        "SELECT tbl, row, sql FROM temp.undo_log WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq DESC",
    )?;
    let rows = stmt.query_map([first, last], |r| {
        Ok(Entry {
            table: r.get(0)?,
            row: r.get(1)?,
            sql: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Let a replay break foreign keys until commit: children are re-inserted before their
/// parents are, and references are checked once the whole step is back.
pub(crate) fn defer_foreign_keys(tx: &Write<'_>) -> Result<()> {
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    Ok(())
}

/// Run one logged inverse. Its text was built by our triggers, never typed by a user.
pub(crate) fn run(tx: &Write<'_>, entry: &Entry) -> Result<()> {
    tx.execute_batch(&entry.sql)?;
    Ok(())
}

/// Stamp `modified_at` of row `row` of `table`. A name that is not one of the plan's merged
/// tables is ignored: it came out of the log, and only our own names go into SQL text.
pub(crate) fn touch(tx: &Write<'_>, table: &str, row: i64, now: &str) -> Result<()> {
    // Only the merged tables: they are the ones with `modified_at` (and all have it).
    let Some(table) = super::versions::replicated(table).map(|r| r.table) else {
        return Ok(());
    };
    tx.prepare_cached(&format!(
        "UPDATE main.{table} SET modified_at = ?1 WHERE id = ?2"
    ))?
    .execute(params![now, row])?;
    Ok(())
}

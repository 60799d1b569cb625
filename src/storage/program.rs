use rusqlite::{Connection, params};

use super::event::{read_time, time_text};
use super::{Result, Store};
use crate::domain::ProgramItem;

impl Store {
    /// The ceremony items of an event, in program order.
    pub fn program(&self, event_id: i64) -> Result<Vec<ProgramItem>> {
        load(&self.conn, event_id).map_err(|e| self.fail(e))
    }

    /// Inserts an item at `index` (the end if past it); an id of 0 gets a new id, any other id
    /// is reused (undoing a removal).
    pub fn add_program_item(
        &mut self,
        event_id: i64,
        index: usize,
        item: &ProgramItem,
    ) -> Result<ProgramItem> {
        let item = item.cleaned();
        item.validate()?;
        self.write(|tx| {
            tx.execute(
                "UPDATE program_item SET position = position + 1 WHERE event_id = ?1 AND position >= ?2",
                params![event_id, index as i64],
            )?;
            let count: i64 = tx.query_row(
                "SELECT count(*) FROM program_item WHERE event_id = ?1 AND position < ?2",
                params![event_id, index as i64],
                |row| row.get(0),
            )?;
            let id = insert(tx, event_id, count, &item)?;
            Ok(ProgramItem { id, ..item })
        })
    }

    pub fn save_program_item(&mut self, item: &ProgramItem) -> Result<()> {
        let item = item.cleaned();
        item.validate()?;
        self.write_one("mục này trong chương trình", |tx| {
            tx.execute(
                "UPDATE program_item SET title = ?2, presenter = ?3, duration_min = ?4, fixed_time = ?5,
                     notes = ?6, script = ?7, introduces_delegates = ?8
                 WHERE id = ?1",
                params![
                    item.id,
                    item.title,
                    item.presenter,
                    item.duration_min,
                    item.fixed_time.map(time_text),
                    item.notes,
                    item.script,
                    item.introduces_delegates
                ],
            )
        })
    }

    pub fn delete_program_item(&mut self, id: i64) -> Result<()> {
        self.delete_row("program_item", id)
    }

    /// Puts the items in the given order (ids not listed keep their place after them).
    pub fn set_program_order(&mut self, event_id: i64, ids: &[i64]) -> Result<()> {
        self.write(|tx| {
            for (position, id) in ids.iter().enumerate() {
                tx.execute(
                    "UPDATE program_item SET position = ?3 WHERE id = ?1 AND event_id = ?2",
                    params![id, event_id, position as i64],
                )?;
            }
            Ok(())
        })
    }
}

pub(super) fn load(conn: &Connection, event_id: i64) -> rusqlite::Result<Vec<ProgramItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, presenter, duration_min, fixed_time, notes, script, introduces_delegates
         FROM program_item WHERE event_id = ?1 ORDER BY position, id",
    )?;
    stmt.query_map([event_id], |row| {
        Ok(ProgramItem {
            id: row.get(0)?,
            title: row.get(1)?,
            presenter: row.get(2)?,
            duration_min: row.get(3)?,
            fixed_time: read_time(row, 4)?,
            notes: row.get(5)?,
            script: row.get(6)?,
            introduces_delegates: row.get(7)?,
        })
    })?
    .collect()
}

pub(super) fn insert(
    tx: &rusqlite::Transaction<'_>,
    event_id: i64,
    position: i64,
    item: &ProgramItem,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO program_item (id, event_id, position, title, presenter, duration_min, fixed_time,
             notes, script, introduces_delegates)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            (item.id != 0).then_some(item.id),
            event_id,
            position,
            item.title,
            item.presenter,
            item.duration_min,
            item.fixed_time.map(time_text),
            item.notes,
            item.script,
            item.introduces_delegates
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

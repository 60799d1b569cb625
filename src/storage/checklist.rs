use rusqlite::{Connection, params};

use super::{Result, Store};
use crate::domain::ChecklistItem;

impl Store {
    /// The steps of an event, in the order they fall due.
    pub fn checklist(&self, event_id: i64) -> Result<Vec<ChecklistItem>> {
        load(&self.conn, event_id).map_err(|e| self.fail(e))
    }

    /// Adds a step; an `id` of 0 gets a new id, any other id is reused (undoing a removal).
    pub fn add_checklist_item(
        &mut self,
        event_id: i64,
        item: &ChecklistItem,
    ) -> Result<ChecklistItem> {
        let item = item.cleaned();
        item.validate()?;
        self.write(|tx| {
            let id = insert(tx, event_id, &item)?;
            Ok(ChecklistItem { id, ..item })
        })
    }

    pub fn save_checklist_item(&mut self, item: &ChecklistItem) -> Result<()> {
        let item = item.cleaned();
        item.validate()?;
        self.write_one("công việc này trong kế hoạch", |tx| {
            tx.execute(
                "UPDATE checklist_item SET title = ?2, offset_days = ?3, done = ?4, note = ?5 WHERE id = ?1",
                params![item.id, item.title, item.offset_days, item.done, item.note],
            )
        })
    }

    pub fn delete_checklist_item(&mut self, id: i64) -> Result<()> {
        self.delete_row("checklist_item", id)
    }
}

pub(super) fn load(conn: &Connection, event_id: i64) -> rusqlite::Result<Vec<ChecklistItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, offset_days, done, note FROM checklist_item
         WHERE event_id = ?1 ORDER BY offset_days, id",
    )?;
    stmt.query_map([event_id], |row| {
        Ok(ChecklistItem {
            id: row.get(0)?,
            title: row.get(1)?,
            offset_days: row.get(2)?,
            done: row.get(3)?,
            note: row.get(4)?,
        })
    })?
    .collect()
}

/// Inserts a step; an id of 0 gets a new id.
pub(super) fn insert(
    tx: &rusqlite::Transaction<'_>,
    event_id: i64,
    item: &ChecklistItem,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO checklist_item (id, event_id, title, offset_days, done, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            (item.id != 0).then_some(item.id),
            event_id,
            item.title,
            item.offset_days,
            item.done,
            item.note
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

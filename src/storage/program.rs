use rusqlite::params;

use super::table::{checked, insert};
use super::{Result, Store};
use crate::domain::ProgramItem;

impl Store {
    /// The ceremony items of an event, in program order.
    pub fn program(&self, event_id: i64) -> Result<Vec<ProgramItem>> {
        self.list(event_id)
    }

    /// Inserts an item at `index` (the end if past it); an id of 0 gets a new id, any other id
    /// is reused (undoing a removal).
    pub fn add_program_item(
        &mut self,
        event_id: i64,
        index: usize,
        item: &ProgramItem,
    ) -> Result<ProgramItem> {
        let item = checked(item)?;
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
            let id = insert(tx, &[("event_id", &event_id), ("position", &count)], &item)?;
            Ok(ProgramItem { id, ..item })
        })
    }

    pub fn save_program_item(&mut self, item: &ProgramItem) -> Result<()> {
        self.save_row(item)
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

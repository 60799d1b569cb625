//! An event's plain lists, each row added, saved and removed on its own: the checklist, the
//! delegates and the event points (their tables are described in `table`).

use super::{Result, Store};
use crate::domain::{ChecklistItem, Delegate, EventPoint};

impl Store {
    /// The steps of an event, in the order they fall due.
    pub fn checklist(&self, event_id: i64) -> Result<Vec<ChecklistItem>> {
        self.list(event_id)
    }

    /// Adds a step; an `id` of 0 gets a new id, any other id is reused (undoing a removal).
    pub fn add_checklist_item(
        &mut self,
        event_id: i64,
        item: &ChecklistItem,
    ) -> Result<ChecklistItem> {
        self.add_row(&[("event_id", &event_id)], item)
    }

    pub fn save_checklist_item(&mut self, item: &ChecklistItem) -> Result<()> {
        self.save_row(item)
    }

    pub fn delete_checklist_item(&mut self, id: i64) -> Result<()> {
        self.delete_row("checklist_item", id)
    }

    /// The delegates of an event, in protocol order.
    pub fn delegates(&self, event_id: i64) -> Result<Vec<Delegate>> {
        self.list(event_id)
    }

    /// Adds a delegate; an id of 0 gets a new id, any other id is reused (undoing a removal).
    pub fn add_delegate(&mut self, event_id: i64, delegate: &Delegate) -> Result<Delegate> {
        self.add_row(&[("event_id", &event_id)], delegate)
    }

    pub fn save_delegate(&mut self, delegate: &Delegate) -> Result<()> {
        self.save_row(delegate)
    }

    pub fn delete_delegate(&mut self, id: i64) -> Result<()> {
        self.delete_row("delegate", id)
    }

    /// The event points of an event: the main venue first, then by date and name.
    pub fn points(&self, event_id: i64) -> Result<Vec<EventPoint>> {
        self.list(event_id)
    }

    /// Adds a point; an id of 0 gets a new id, any other id is reused (undoing a removal).
    pub fn add_point(&mut self, event_id: i64, point: &EventPoint) -> Result<EventPoint> {
        self.add_row(&[("event_id", &event_id)], point)
    }

    pub fn save_point(&mut self, point: &EventPoint) -> Result<()> {
        self.save_row(point)
    }

    pub fn delete_point(&mut self, id: i64) -> Result<()> {
        self.delete_row("event_point", id)
    }
}

//! One way of adding, saving, removing and putting back the rows the window edits one at a
//! time (checklist steps, delegates, points, activities, recipients): what the window's
//! generic record job calls, whatever the row.

use super::{Result, Store};
use crate::domain::{
    Activity, ChecklistItem, Delegate, EventPoint, Household, ProgramItem, Recipient,
};

/// A row of one event's lists, written one at a time.
pub trait Record: Sized {
    fn id(&self) -> i64;
    /// Adds the row to the event's list and returns its id. An id of 0 gets a new id; any other
    /// id is reused, which is how a removed row comes back (undo).
    fn add(store: &mut Store, event_id: i64, row: &Self) -> Result<i64>;
    fn save(store: &mut Store, row: &Self) -> Result<()>;
    fn remove(store: &mut Store, id: i64) -> Result<()>;
}

/// Rows whose store functions have the plain shape `add_x(event, row)`, `save_x(row)`,
/// `delete_x(id)`.
macro_rules! plain_record {
    ($row:ty, $add:ident, $save:ident, $delete:ident) => {
        impl Record for $row {
            fn id(&self) -> i64 {
                self.id
            }

            fn add(store: &mut Store, event_id: i64, row: &Self) -> Result<i64> {
                store.$add(event_id, row).map(|added| added.id)
            }

            fn save(store: &mut Store, row: &Self) -> Result<()> {
                store.$save(row)
            }

            fn remove(store: &mut Store, id: i64) -> Result<()> {
                store.$delete(id)
            }
        }
    };
}

plain_record!(
    ChecklistItem,
    add_checklist_item,
    save_checklist_item,
    delete_checklist_item
);
plain_record!(Delegate, add_delegate, save_delegate, delete_delegate);
plain_record!(EventPoint, add_point, save_point, delete_point);
plain_record!(Activity, add_activity, save_activity, delete_activity);
plain_record!(
    crate::consolidation::ExpectedUnit,
    add_expected_unit,
    save_expected_unit,
    delete_expected_unit
);

/// A recipient belongs to its decision (which carries the event).
impl Record for Recipient {
    fn id(&self) -> i64 {
        self.id
    }

    fn add(store: &mut Store, _event_id: i64, row: &Self) -> Result<i64> {
        store.add_recipient(row).map(|added| added.id)
    }

    fn save(store: &mut Store, row: &Self) -> Result<()> {
        store.save_recipient(row).map(drop)
    }

    fn remove(store: &mut Store, id: i64) -> Result<()> {
        store.delete_recipient(id).map(drop)
    }
}

/// A program item added this way goes last (the ceremony screen places its new items with
/// `Store::add_program_item`).
impl Record for ProgramItem {
    fn id(&self) -> i64 {
        self.id
    }

    fn add(store: &mut Store, event_id: i64, row: &Self) -> Result<i64> {
        let last = u32::MAX as usize;
        store
            .add_program_item(event_id, last, row)
            .map(|added| added.id)
    }

    fn save(store: &mut Store, row: &Self) -> Result<()> {
        store.save_program_item(row)
    }

    fn remove(store: &mut Store, id: i64) -> Result<()> {
        store.delete_program_item(id)
    }
}

/// Households belong to the file, not to an event. Removing one this way drops what it took
/// (its visits); the visits screen removes households with `Store::delete_household`, which
/// hands them back for undo.
impl Record for Household {
    fn id(&self) -> i64 {
        self.id
    }

    fn add(store: &mut Store, _event_id: i64, row: &Self) -> Result<i64> {
        store.add_household(row).map(|added| added.id)
    }

    fn save(store: &mut Store, row: &Self) -> Result<()> {
        store.save_household(row)
    }

    fn remove(store: &mut Store, id: i64) -> Result<()> {
        store.delete_household(id).map(drop)
    }
}

//! One way of adding, saving, removing and putting back the rows the window edits one at a
//! time (checklist steps, program items, delegates, points, activities, households,
//! recipients, expected units): what the window's generic record job calls, whatever the row.

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
/// `delete_x(id)`; a row added another way names its call as `|store, event_id, row| …`.
macro_rules! plain_record {
    ($row:ty, $add:ident, $save:ident, $delete:ident) => {
        plain_record!(
            $row,
            |store, event_id, row| store.$add(event_id, row),
            $save,
            $delete
        );
    };
    ($row:ty, |$store:ident, $event_id:ident, $added:ident| $add:expr, $save:ident, $delete:ident) => {
        impl Record for $row {
            fn id(&self) -> i64 {
                self.id
            }

            fn add($store: &mut Store, $event_id: i64, $added: &Self) -> Result<i64> {
                $add.map(|added| added.id)
            }

            fn save(store: &mut Store, row: &Self) -> Result<()> {
                store.$save(row).map(drop)
            }

            fn remove(store: &mut Store, id: i64) -> Result<()> {
                store.$delete(id).map(drop)
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

// A recipient belongs to its decision (which carries the event).
plain_record!(
    Recipient,
    |store, _event_id, row| store.add_recipient(row),
    save_recipient,
    delete_recipient
);

// A program item added this way goes last (the ceremony screen places its new items with
// `Store::add_program_item`).
plain_record!(
    ProgramItem,
    |store, event_id, row| store.add_program_item(event_id, u32::MAX as usize, row),
    save_program_item,
    delete_program_item
);

// Households belong to the file, not to an event. Removing one this way drops what it took
// (its visits); the visits screen removes households with `Store::delete_household`, which
// hands them back for undo.
plain_record!(
    Household,
    |store, _event_id, row| store.add_household(row),
    save_household,
    delete_household
);

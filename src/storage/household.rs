//! Households and their gift visits. Households belong to the unit (they are visited again
//! next year); visits belong to one year's event.

use rusqlite::{Connection, Transaction};

use super::table::{Keys, Table, all_checked, checked, insert, select, update};
use super::{Result, Store, StoreError};
use crate::domain::{Household, KnownHouseholds, Visit};

/// A household removed with its visits, kept by the caller to undo the removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedHousehold {
    pub household: Household,
    /// (event id, visit) pairs.
    pub visits: Vec<(i64, Visit)>,
}

/// What a visits import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VisitImport {
    /// Visits added.
    pub visits: usize,
    pub new_households: usize,
    /// Stored visits updated with the list's values.
    pub updated: usize,
}

impl Store {
    /// Every household, in storage order (callers sort for display).
    pub fn households(&self) -> Result<Vec<Household>> {
        load_households(&self.conn).map_err(|e| self.fail(e))
    }

    /// Adds a household; an id of 0 gets a new id, any other is reused (undoing a removal).
    pub fn add_household(&mut self, household: &Household) -> Result<Household> {
        self.add_row(&[], household)
    }

    pub fn save_household(&mut self, household: &Household) -> Result<()> {
        self.save_row(household)
    }

    /// Removes a household and all its visits (every year); returns them for undo.
    pub fn delete_household(&mut self, id: i64) -> Result<RemovedHousehold> {
        self.write(|tx| {
            let household = select(tx, "id = ?1", [id])?
                .pop()
                .ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            let visits = visits_where(tx, "household_id = ?1", id)?;
            tx.execute("DELETE FROM household WHERE id = ?1", [id])?;
            Ok(RemovedHousehold { household, visits })
        })
    }

    /// Puts back a removed household with its visits, under their old ids.
    pub fn restore_household(&mut self, removed: &RemovedHousehold) -> Result<()> {
        self.write(|tx| {
            insert(tx, &[], &removed.household)?;
            for (event_id, visit) in &removed.visits {
                insert(tx, &[("event_id", event_id)], visit)?;
            }
            Ok(())
        })
    }

    /// Imports many households at once, all of them or none: an id of 0 is added, any
    /// other updates the stored household (an import's changed row the secretary chose to
    /// update). Returns them with their ids.
    pub fn import_households(&mut self, households: &[Household]) -> Result<Vec<Household>> {
        let cleaned = all_checked(households)?;
        self.write(|tx| {
            // Updates first: SQLite gives a new row the id after the largest, which may be
            // that of a household removed meanwhile, and an update of that id would then
            // overwrite the row just added.
            for h in cleaned.iter().filter(|h| h.id != 0) {
                if update(tx, h)? != 1 {
                    return Err(gone("Hộ", &h.name));
                }
            }
            cleaned
                .into_iter()
                .map(|h| match h.id {
                    0 => insert(tx, &[], &h).map(|id| h.with_id(id)),
                    _ => Ok(h),
                })
                .collect()
        })
    }

    /// The visits of one event.
    pub fn visits(&self, event_id: i64) -> Result<Vec<Visit>> {
        self.list(event_id)
    }

    /// Adds a visit; an id of 0 gets a new id, any other is reused (undo).
    pub fn add_visit(&mut self, event_id: i64, visit: &Visit) -> Result<Visit> {
        self.add_row(&[("event_id", &event_id)], visit)
    }

    /// Adds the same visit for many households in one transaction (a gift for every
    /// household of a category, say). Returns the visits with their ids.
    pub fn add_visits(&mut self, event_id: i64, visits: &[Visit]) -> Result<Vec<Visit>> {
        let cleaned = all_checked(visits)?;
        self.write(|tx| {
            cleaned
                .into_iter()
                .map(|v| {
                    let id = insert(tx, &[("event_id", &event_id)], &v)?;
                    Ok(v.with_id(id))
                })
                .collect()
        })
    }

    /// Saves changed visits (marking a batch done, say) in one transaction.
    pub fn save_visits(&mut self, visits: &[Visit]) -> Result<()> {
        let cleaned = all_checked(visits)?;
        let changed = self.write(|tx| {
            let mut changed = 0;
            for v in &cleaned {
                changed += update(tx, v)?;
            }
            Ok(changed)
        })?;
        if changed < cleaned.len() {
            return Err(StoreError::NotFound("lượt thăm này".into()));
        }
        Ok(())
    }

    pub fn delete_visits(&mut self, ids: &[i64]) -> Result<()> {
        self.write(|tx| {
            let mut stmt = tx.prepare_cached("DELETE FROM visit WHERE id = ?1")?;
            for id in ids {
                stmt.execute([id])?;
            }
            Ok(())
        })
    }

    /// Imports visits, all or nothing. A visit's household is its `household_id` when not 0
    /// (found by the import's preview), else the stored household of the same name, address
    /// and year of birth ([`KnownHouseholds::find`]), else a new one made from the row. A
    /// visit with an id other than 0 updates the stored visit (a changed row the secretary
    /// chose to update).
    pub fn import_visits(
        &mut self,
        event_id: i64,
        rows: &[(Household, Visit)],
    ) -> Result<VisitImport> {
        let rows = checked_visit_rows(rows)?;
        self.write(|tx| write_visit_rows(tx, event_id, rows))
    }
}

/// Cleaned and validated visit rows, or the first rule one breaks.
pub(super) fn checked_visit_rows(rows: &[(Household, Visit)]) -> Result<Vec<(Household, Visit)>> {
    rows.iter()
        .map(|(h, v)| Ok((checked(h)?, checked(v)?)))
        .collect()
}

/// Writes checked visit rows, finding or creating each household (see `import_visits`).
pub(super) fn write_visit_rows(
    tx: &Transaction<'_>,
    event_id: i64,
    mut rows: Vec<(Household, Visit)>,
) -> rusqlite::Result<VisitImport> {
    let mut known = KnownHouseholds::new(&load_households(tx)?);
    let event: Keys<'_> = &[("event_id", &event_id)];
    let mut report = VisitImport::default();
    // Updates first, as for households: a row added first could take the id of a visit
    // removed meanwhile, and the update would overwrite it.
    rows.sort_by_key(|(_, v)| v.id == 0);
    for (h, v) in rows {
        let name = h.name.clone();
        let found = known.find(&h.name, &h.address, h.birth_year).map(|h| h.id);
        let household_id = match (v.household_id, found) {
            (0, Some(id)) => id,
            (0, None) => {
                let id = insert(tx, &[], &h.clone().with_id(0))?;
                known.add(Household { id, ..h });
                report.new_households += 1;
                id
            }
            (id, _) => id,
        };
        let visit = Visit { household_id, ..v };
        if visit.id == 0 {
            insert(tx, event, &visit)?;
            report.visits += 1;
        } else if update(tx, &visit)? == 1 {
            report.updated += 1;
        } else {
            return Err(gone("Lượt thăm của hộ", &name));
        }
    }
    Ok(report)
}

fn load_households(conn: &Connection) -> rusqlite::Result<Vec<Household>> {
    select(conn, "true", [])
}

/// Visits matching one `column = ?1` condition, with their event ids, in id order.
fn visits_where(
    conn: &Connection,
    condition: &str,
    value: i64,
) -> rusqlite::Result<Vec<(i64, Visit)>> {
    let sql = format!(
        "SELECT id, {}, event_id FROM visit WHERE {condition} ORDER BY id",
        Visit::COLUMNS.join(", ")
    );
    let event_id = Visit::COLUMNS.len() + 1;
    let mut stmt = conn.prepare_cached(&sql)?;
    stmt.query_map([value], |row| {
        Ok((row.get(event_id)?, Visit::from_row(row)?))
    })?
    .collect()
}

/// The row an import was to update is gone: removed in a window while the list was being
/// checked. The whole import is refused, in words the secretary can act on.
fn gone(what: &str, name: &str) -> rusqlite::Error {
    super::error::rule(format!(
        "{what} “{name}” vừa bị xóa ở nơi khác trong lúc nhập danh sách. Chưa nhập dòng nào; hãy mở lại danh sách để nhập."
    ))
}

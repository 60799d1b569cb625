//! Households and their gift visits. Households belong to the unit (they are visited again
//! next year); visits belong to one year's event.

use rusqlite::{Connection, Row, Transaction, params};

use super::{Result, Store, StoreError};
use crate::domain::{Category, Household, KnownHouseholds, Sex, Visit, VisitStatus};

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
        let h = household.cleaned();
        h.validate()?;
        self.write(|tx| {
            let id = insert_household(tx, &h)?;
            Ok(Household { id, ..h })
        })
    }

    pub fn save_household(&mut self, household: &Household) -> Result<()> {
        let h = household.cleaned();
        h.validate()?;
        self.write_one("hộ gia đình này", |tx| update_household(tx, &h))
    }

    /// Removes a household and all its visits (every year); returns them for undo.
    pub fn delete_household(&mut self, id: i64) -> Result<RemovedHousehold> {
        self.write(|tx| {
            let household = tx.query_row(
                &format!("{SELECT_HOUSEHOLD} WHERE id = ?1"),
                [id],
                household_from_row,
            )?;
            let visits = visits_where(tx, "household_id = ?1", id)?;
            tx.execute("DELETE FROM household WHERE id = ?1", [id])?;
            Ok(RemovedHousehold { household, visits })
        })
    }

    /// Puts back a removed household with its visits, under their old ids.
    pub fn restore_household(&mut self, removed: &RemovedHousehold) -> Result<()> {
        self.write(|tx| {
            insert_household(tx, &removed.household)?;
            for (event_id, visit) in &removed.visits {
                insert_visit(tx, *event_id, visit)?;
            }
            Ok(())
        })
    }

    /// Imports many households at once, all of them or none: an id of 0 is added, any
    /// other updates the stored household (an import's changed row the secretary chose to
    /// update). Returns them with their ids.
    pub fn import_households(&mut self, households: &[Household]) -> Result<Vec<Household>> {
        let cleaned: Vec<Household> = households.iter().map(Household::cleaned).collect();
        for h in &cleaned {
            h.validate()?;
        }
        self.write(|tx| {
            // Updates first: SQLite gives a new row the id after the largest, which may be
            // that of a household removed meanwhile, and an update of that id would then
            // overwrite the row just added.
            for h in cleaned.iter().filter(|h| h.id != 0) {
                if update_household(tx, h)? != 1 {
                    return Err(gone("Hộ", &h.name));
                }
            }
            cleaned
                .into_iter()
                .map(|h| match h.id {
                    0 => insert_household(tx, &h).map(|id| Household { id, ..h }),
                    _ => Ok(h),
                })
                .collect()
        })
    }

    /// The visits of one event.
    pub fn visits(&self, event_id: i64) -> Result<Vec<Visit>> {
        visits_where(&self.conn, "event_id = ?1", event_id)
            .map(|pairs| pairs.into_iter().map(|(_, v)| v).collect())
            .map_err(|e| self.fail(e))
    }

    /// Adds a visit; an id of 0 gets a new id, any other is reused (undo).
    pub fn add_visit(&mut self, event_id: i64, visit: &Visit) -> Result<Visit> {
        let v = visit.cleaned();
        v.validate()?;
        self.write(|tx| {
            let id = insert_visit(tx, event_id, &v)?;
            Ok(Visit { id, ..v })
        })
    }

    /// Adds the same visit for many households in one transaction (a gift for every
    /// household of a category, say). Returns the visits with their ids.
    pub fn add_visits(&mut self, event_id: i64, visits: &[Visit]) -> Result<Vec<Visit>> {
        let cleaned: Vec<Visit> = visits.iter().map(Visit::cleaned).collect();
        for v in &cleaned {
            v.validate()?;
        }
        self.write(|tx| {
            cleaned
                .into_iter()
                .map(|v| {
                    Ok(Visit {
                        id: insert_visit(tx, event_id, &v)?,
                        ..v
                    })
                })
                .collect()
        })
    }

    /// Saves changed visits (marking a batch done, say) in one transaction.
    pub fn save_visits(&mut self, visits: &[Visit]) -> Result<()> {
        let cleaned: Vec<Visit> = visits.iter().map(Visit::cleaned).collect();
        for v in &cleaned {
            v.validate()?;
        }
        let changed = self.write(|tx| {
            let mut changed = 0;
            for v in &cleaned {
                changed += update_visit(tx, v)?;
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
    let mut cleaned = Vec::with_capacity(rows.len());
    for (h, v) in rows {
        let (h, v) = (h.cleaned(), v.cleaned());
        h.validate()?;
        v.validate()?;
        cleaned.push((h, v));
    }
    Ok(cleaned)
}

/// Writes checked visit rows, finding or creating each household (see `import_visits`).
pub(super) fn write_visit_rows(
    tx: &Transaction<'_>,
    event_id: i64,
    mut rows: Vec<(Household, Visit)>,
) -> rusqlite::Result<VisitImport> {
    let mut known = KnownHouseholds::new(&load_households(tx)?);
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
                let id = insert_household(tx, &Household { id: 0, ..h.clone() })?;
                known.add(Household { id, ..h });
                report.new_households += 1;
                id
            }
            (id, _) => id,
        };
        let visit = Visit { household_id, ..v };
        if visit.id == 0 {
            insert_visit(tx, event_id, &visit)?;
            report.visits += 1;
        } else if update_visit(tx, &visit)? == 1 {
            report.updated += 1;
        } else {
            return Err(gone("Lượt thăm của hộ", &name));
        }
    }
    Ok(report)
}

fn update_household(tx: &Transaction<'_>, h: &Household) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "UPDATE household SET name = ?2, birth_year = ?3, sex = ?4, address = ?5,
         category = ?6, phone = ?7, notes = ?8 WHERE id = ?1",
    )?
    .execute(params![
        h.id,
        h.name,
        h.birth_year,
        h.sex.map(Sex::code),
        h.address,
        h.category.code(),
        h.phone,
        h.notes
    ])
}

fn update_visit(tx: &Transaction<'_>, v: &Visit) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "UPDATE visit SET household_id = ?2, date = ?3, delegation = ?4, gift = ?5,
         value = ?6, quantity = ?7, source = ?8, status = ?9 WHERE id = ?1",
    )?
    .execute(params![
        v.id,
        v.household_id,
        v.date.map(|d| d.to_string()),
        v.delegation,
        v.gift,
        v.value,
        v.quantity,
        v.source,
        v.status.code()
    ])
}

const SELECT_HOUSEHOLD: &str =
    "SELECT id, name, birth_year, sex, address, category, phone, notes FROM household";

fn household_from_row(row: &Row<'_>) -> rusqlite::Result<Household> {
    let sex: Option<String> = row.get(3)?;
    let category: String = row.get(5)?;
    Ok(Household {
        id: row.get(0)?,
        name: row.get(1)?,
        birth_year: row.get(2)?,
        sex: sex.as_deref().and_then(Sex::from_code),
        address: row.get(4)?,
        category: Category::from_code(&category).unwrap_or(Category::Other),
        phone: row.get(6)?,
        notes: row.get(7)?,
    })
}

pub(super) fn load_households(conn: &Connection) -> rusqlite::Result<Vec<Household>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT_HOUSEHOLD} ORDER BY id"))?;
    stmt.query_map([], household_from_row)?.collect()
}

pub(super) fn insert_household(tx: &Transaction<'_>, h: &Household) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO household (id, name, birth_year, sex, address, category, phone, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        (h.id != 0).then_some(h.id),
        h.name,
        h.birth_year,
        h.sex.map(Sex::code),
        h.address,
        h.category.code(),
        h.phone,
        h.notes
    ])?;
    Ok(tx.last_insert_rowid())
}

fn insert_visit(tx: &Transaction<'_>, event_id: i64, v: &Visit) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO visit (id, event_id, household_id, date, delegation, gift, value, quantity,
         source, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        (v.id != 0).then_some(v.id),
        event_id,
        v.household_id,
        v.date.map(|d| d.to_string()),
        v.delegation,
        v.gift,
        v.value,
        v.quantity,
        v.source,
        v.status.code()
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Visits matching one `column = ?1` condition, with their event ids, in id order.
fn visits_where(
    conn: &Connection,
    condition: &str,
    value: i64,
) -> rusqlite::Result<Vec<(i64, Visit)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, event_id, household_id, date, delegation, gift, value, quantity, source, status
         FROM visit WHERE {condition} ORDER BY id"
    ))?;
    stmt.query_map([value], |row| {
        let date: Option<String> = row.get(3)?;
        let status: String = row.get(9)?;
        Ok((
            row.get(1)?,
            Visit {
                id: row.get(0)?,
                household_id: row.get(2)?,
                date: date.and_then(|d| d.parse().ok()),
                delegation: row.get(4)?,
                gift: row.get(5)?,
                value: row.get(6)?,
                quantity: row.get(7)?,
                source: row.get(8)?,
                status: VisitStatus::from_code(&status).unwrap_or(VisitStatus::Planned),
            },
        ))
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

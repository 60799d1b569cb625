use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::{Result, Store, StoreError};
use crate::domain::checklist::default_steps;
use crate::domain::{ChecklistItem, Event, Unit};

const DATE_FORMAT: &str = "%Y-%m-%d";

impl Store {
    /// The years that have an event, oldest first.
    pub fn years(&self) -> Result<Vec<i32>> {
        let mut stmt = self
            .conn
            .prepare("SELECT year FROM event ORDER BY year")
            .map_err(|e| self.fail(e))?;
        stmt.query_map([], |row| row.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.fail(e))
    }

    pub fn event(&self, year: i32) -> Result<Option<Event>> {
        self.conn
            .query_row(
                "SELECT id, year, date, window_start, window_end, theme FROM event WHERE year = ?1",
                [year],
                read_event,
            )
            .optional()
            .map_err(|e| self.fail(e))
    }

    /// Sets up a new data file in one step: the unit and its first event with the standard plan.
    pub fn initialize(&mut self, unit: &Unit, event: &Event) -> Result<Event> {
        if self.event(event.year)?.is_some() {
            return Err(already_planned(event.year));
        }
        let steps = standard_checklist();
        self.import_plan(unit, [(event, steps.as_slice())])?;
        self.event(event.year)?
            .ok_or_else(|| StoreError::NotFound(format!("kế hoạch năm {}", event.year)))
    }

    pub fn save_event(&mut self, event: &Event) -> Result<()> {
        let event = event.cleaned();
        event.validate()?;
        let changed = self.write(|tx| {
            tx.execute(
                "UPDATE event SET date = ?2, window_start = ?3, window_end = ?4, theme = ?5 WHERE id = ?1",
                params![
                    event.id,
                    event.date.format(DATE_FORMAT).to_string(),
                    event.window_start.format(DATE_FORMAT).to_string(),
                    event.window_end.format(DATE_FORMAT).to_string(),
                    event.theme
                ],
            )
        })?;
        if changed == 0 {
            return Err(StoreError::NotFound(format!("kế hoạch năm {}", event.year)));
        }
        Ok(())
    }

    /// Starts year `to` from the plan of year `from`: the event's dates moved to the new year,
    /// the checklist (all steps open again). What belongs to one year only (done marks,
    /// notes) stays behind.
    pub fn start_year_from(&mut self, from: i32, to: i32) -> Result<Event> {
        let source = self
            .event(from)?
            .ok_or_else(|| StoreError::NotFound(format!("kế hoạch năm {from}")))?;
        let event = source.carried_to(to);
        self.check_new_year(&event)?;
        self.write(|tx| {
            let id = insert_event(tx, &event)?;
            tx.execute(
                "INSERT INTO checklist_item (event_id, title, offset_days, done, note)
                 SELECT ?2, title, offset_days, 0, '' FROM checklist_item WHERE event_id = ?1
                 ORDER BY offset_days, id",
                params![source.id, id],
            )?;
            Ok(Event { id, ..event })
        })
    }

    /// Starts year `year` from the standard plan (when there is no earlier year to copy).
    pub fn start_year_fresh(&mut self, year: i32) -> Result<Event> {
        let event = Event::defaults(year);
        self.check_new_year(&event)?;
        let unit = self
            .unit()?
            .ok_or_else(|| StoreError::NotFound("thông tin đơn vị tổ chức".into()))?;
        self.initialize(&unit, &event)
    }

    fn check_new_year(&self, event: &Event) -> Result<()> {
        let unit = self
            .unit()?
            .ok_or_else(|| StoreError::NotFound("thông tin đơn vị tổ chức".into()))?;
        check_new_event(&unit, event)?;
        if self.event(event.year)?.is_some() {
            return Err(already_planned(event.year));
        }
        Ok(())
    }
}

/// The campaign steps of a new event, all open.
fn standard_checklist() -> Vec<ChecklistItem> {
    default_steps()
        .into_iter()
        .map(|(title, offset_days)| ChecklistItem {
            id: 0,
            title: title.into(),
            offset_days,
            done: false,
            note: String::new(),
        })
        .collect()
}

fn already_planned(year: i32) -> StoreError {
    StoreError::Invalid(format!("Năm {year} đã có kế hoạch Ngày hội."))
}

fn check_new_event(unit: &Unit, event: &Event) -> Result<()> {
    event.validate()?;
    if !unit.level.allowed_in(event.year) {
        return Err(StoreError::Invalid(format!(
            "Từ ngày 01/7/2025 không còn cấp huyện, nên không thể lập kế hoạch năm {} cho đơn vị cấp huyện. Hãy đổi cấp của đơn vị trước.",
            event.year
        )));
    }
    Ok(())
}

fn insert_event(tx: &rusqlite::Transaction<'_>, event: &Event) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO event (year, date, window_start, window_end, theme) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            event.year,
            event.date.format(DATE_FORMAT).to_string(),
            event.window_start.format(DATE_FORMAT).to_string(),
            event.window_end.format(DATE_FORMAT).to_string(),
            event.theme
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn read_event(row: &Row<'_>) -> rusqlite::Result<Event> {
    let date = |index: usize| -> rusqlite::Result<NaiveDate> {
        let text: String = row.get(index)?;
        NaiveDate::parse_from_str(&text, DATE_FORMAT).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                index,
                rusqlite::types::Type::Text,
                Box::new(e),
            )
        })
    };
    Ok(Event {
        id: row.get(0)?,
        year: row.get(1)?,
        date: date(2)?,
        window_start: date(3)?,
        window_end: date(4)?,
        theme: row.get(5)?,
    })
}

impl Store {
    /// Writes a unit and whole years (event and checklist) in one transaction.
    pub fn import_plan<'a>(
        &mut self,
        unit: &Unit,
        years: impl IntoIterator<Item = (&'a Event, &'a [ChecklistItem])>,
    ) -> Result<()> {
        let unit = unit.cleaned();
        unit.validate()?;
        let mut cleaned = Vec::new();
        for (event, steps) in years {
            let event = event.cleaned();
            check_new_event(&unit, &event)?;
            let steps: Vec<_> = steps.iter().map(|s| s.cleaned()).collect();
            for step in &steps {
                step.validate()?;
            }
            cleaned.push((event, steps));
        }
        self.write(|tx| {
            super::unit::write_unit(tx, &unit)?;
            for (event, steps) in &cleaned {
                let id = insert_event(tx, event)?;
                for step in steps {
                    tx.execute(
                        "INSERT INTO checklist_item (event_id, title, offset_days, done, note)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![id, step.title, step.offset_days, step.done, step.note],
                    )?;
                }
            }
            Ok(())
        })
    }
}

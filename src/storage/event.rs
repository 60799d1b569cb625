use chrono::{NaiveDate, NaiveTime};
use rusqlite::{OptionalExtension, Row, params};

use super::{Result, Store, StoreError};
use crate::domain::{Unit, YearEvent, YearPlan};

pub(super) const DATE_FORMAT: &str = "%Y-%m-%d";
pub(super) const TIME_FORMAT: &str = "%H:%M";

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

    pub fn event(&self, year: i32) -> Result<Option<YearEvent>> {
        self.conn
            .query_row(
                "SELECT id, year, date, window_start, window_end, theme, program_start
                 FROM event WHERE year = ?1",
                [year],
                read_event,
            )
            .optional()
            .map_err(|e| self.fail(e))
    }

    /// Sets up a new data file in one step: the unit and its first event with the standard
    /// campaign steps and ceremony order.
    pub fn initialize(&mut self, unit: &Unit, event: &YearEvent) -> Result<YearEvent> {
        if self.event(event.year)?.is_some() {
            return Err(already_planned(event.year));
        }
        self.import_plan(unit, None, &[YearPlan::standard(event.clone())])?;
        self.event(event.year)?
            .ok_or_else(|| StoreError::NotFound(format!("kế hoạch năm {}", event.year)))
    }

    /// Saves only the fields of `edited` that differ from `base` (the event as the form had
    /// loaded it); the others keep what the file holds now, so a change made meanwhile
    /// elsewhere (the ceremony's start time, another window, the command line) stays.
    pub fn save_event_changes(&mut self, base: &YearEvent, edited: &YearEvent) -> Result<()> {
        let (base, edited) = (base.cleaned(), edited.cleaned());
        let found = self.write(|tx| {
            let current = tx
                .query_row(
                    "SELECT id, year, date, window_start, window_end, theme, program_start
                     FROM event WHERE id = ?1",
                    [edited.id],
                    read_event,
                )
                .optional()?;
            let Some(mut event) = current else {
                return Ok(false);
            };
            macro_rules! take {
                ($($field:ident),*) => {$(
                    if edited.$field != base.$field {
                        event.$field = edited.$field.clone();
                    }
                )*};
            }
            take!(date, window_start, window_end, theme, program_start);
            event.validate().map_err(|e| super::error::rule(e.0))?;
            update_event(tx, &event)?;
            Ok(true)
        })?;
        if !found {
            return Err(StoreError::NotFound(format!(
                "kế hoạch năm {}",
                edited.year
            )));
        }
        Ok(())
    }

    pub fn save_event(&mut self, event: &YearEvent) -> Result<()> {
        let event = event.cleaned();
        event.validate()?;
        self.write_one(format!("kế hoạch năm {}", event.year), |tx| {
            update_event(tx, &event)
        })
    }

    /// Starts year `year` from the plan it copies (`domain::plan::copy_source`: the latest
    /// earlier year, else the earliest), or from the standard plan when the file has no year.
    pub fn start_year(&mut self, year: i32) -> Result<YearEvent> {
        match crate::domain::plan::copy_source(&self.years()?, year) {
            Some(from) => self.start_year_from(from, year),
            None => self.start_year_fresh(year),
        }
    }

    /// Starts year `to` from the plan of year `from` (see `YearPlan::carried_to` for what
    /// carries over).
    pub fn start_year_from(&mut self, from: i32, to: i32) -> Result<YearEvent> {
        let source = self
            .year_plan(from)?
            .ok_or_else(|| StoreError::NotFound(format!("kế hoạch năm {from}")))?;
        let plan = source.carried_to(to);
        self.check_new_year(&plan.event)?;
        let unit = self
            .unit()?
            .ok_or_else(|| StoreError::NotFound("thông tin đơn vị tổ chức".into()))?;
        self.import_plan(&unit, None, &[plan])?;
        self.event(to)?
            .ok_or_else(|| StoreError::NotFound(format!("kế hoạch năm {to}")))
    }

    /// Starts year `year` from the standard plan (when there is no earlier year to copy).
    pub fn start_year_fresh(&mut self, year: i32) -> Result<YearEvent> {
        let event = YearEvent::defaults(year);
        self.check_new_year(&event)?;
        let unit = self
            .unit()?
            .ok_or_else(|| StoreError::NotFound("thông tin đơn vị tổ chức".into()))?;
        self.initialize(&unit, &event)
    }

    fn check_new_year(&self, event: &YearEvent) -> Result<()> {
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

pub(super) fn already_planned(year: i32) -> StoreError {
    StoreError::Invalid(format!("Năm {year} đã có kế hoạch Ngày hội."))
}

pub(super) fn check_new_event(unit: &Unit, event: &YearEvent) -> Result<()> {
    event.validate()?;
    if !unit.level.allowed_in(event.year) {
        return Err(StoreError::Invalid(format!(
            "Từ ngày 01/7/2025 không còn cấp huyện, nên không thể lập kế hoạch năm {} cho đơn vị cấp huyện. Hãy đổi cấp của đơn vị trước.",
            event.year
        )));
    }
    Ok(())
}

pub(super) fn insert_event(
    tx: &rusqlite::Transaction<'_>,
    event: &YearEvent,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO event (year, date, window_start, window_end, theme, program_start)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            event.year,
            date_text(event.date),
            date_text(event.window_start),
            date_text(event.window_end),
            event.theme,
            time_text(event.program_start)
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(super) fn date_text(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

pub(super) fn time_text(time: NaiveTime) -> String {
    time.format(TIME_FORMAT).to_string()
}

/// A stored date or time that does not parse is a damaged row, reported as a conversion error.
fn bad(index: usize, e: chrono::ParseError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
}

pub(super) fn read_date(row: &Row<'_>, index: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(index)?;
    NaiveDate::parse_from_str(&text, DATE_FORMAT).map_err(|e| bad(index, e))
}

pub(super) fn read_time(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<NaiveTime>> {
    let text: Option<String> = row.get(index)?;
    text.map(|t| NaiveTime::parse_from_str(&t, TIME_FORMAT).map_err(|e| bad(index, e)))
        .transpose()
}

fn read_event(row: &Row<'_>) -> rusqlite::Result<YearEvent> {
    Ok(YearEvent {
        id: row.get(0)?,
        year: row.get(1)?,
        date: read_date(row, 2)?,
        window_start: read_date(row, 3)?,
        window_end: read_date(row, 4)?,
        theme: row.get(5)?,
        program_start: read_time(row, 6)?
            .unwrap_or_else(crate::domain::event::default_program_start),
    })
}

/// Writes the fields of an event the plan edits (not its year); how many rows changed.
fn update_event(tx: &rusqlite::Transaction<'_>, event: &YearEvent) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE event SET date = ?2, window_start = ?3, window_end = ?4, theme = ?5,
             program_start = ?6
         WHERE id = ?1",
        params![
            event.id,
            date_text(event.date),
            date_text(event.window_start),
            date_text(event.window_end),
            event.theme,
            time_text(event.program_start)
        ],
    )
}

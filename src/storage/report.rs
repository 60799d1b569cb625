//! The report to the province: the figures the secretary enters and the narrative sections
//! she edits, kept per year; and the whole report of a year (with the previous year beside
//! it) loaded and computed in one call.

use std::collections::BTreeMap;

use rusqlite::types::FromSql;
use rusqlite::{Connection, ToSql, Transaction, params};

use super::{Result, Store};
use crate::domain::report::{Entered, Figure, Report, Section, Sources, YearReport, compute};
use crate::domain::{Decision, Recipient, Roster, Unit, Visit, YearPlan};
use crate::text::clean_multiline;

/// A year's data the report is computed from, for `Store::report_from`.
#[derive(Debug, Clone, Copy)]
pub struct YearData<'a> {
    pub plan: &'a YearPlan,
    pub visits: &'a [Visit],
    pub decisions: &'a [Decision],
    pub recipients: &'a [Recipient],
}

impl Store {
    /// The figures entered for an event; a figure never entered (or cleared) is absent.
    pub fn entered_figures(&self, event_id: i64) -> Result<Entered> {
        load_entered(&self.conn, event_id).map_err(|e| self.fail(e))
    }

    /// Enters a figure (`None` clears it). Refused when it makes "x of y" impossible.
    pub fn set_entered_figure(
        &mut self,
        event_id: i64,
        figure: Figure,
        value: Option<u32>,
    ) -> Result<()> {
        self.set_entered_figures(event_id, &[(figure, value)])
    }

    /// Enters several figures at once (x and y of one standard, say): all or none, checked
    /// together.
    pub fn set_entered_figures(
        &mut self,
        event_id: i64,
        figures: &[(Figure, Option<u32>)],
    ) -> Result<()> {
        let mut entered = self.entered_figures(event_id)?;
        for (figure, value) in figures {
            entered.set(*figure, *value);
        }
        entered.validate()?;
        self.write(|tx| {
            for (figure, value) in figures {
                let value = value.as_ref().map(|v| v as &dyn ToSql);
                keep(tx, FIGURES, event_id, figure.code(), value)?;
            }
            Ok(())
        })
    }

    /// The narrative sections edited for an event.
    pub fn report_sections(&self, event_id: i64) -> Result<BTreeMap<Section, String>> {
        load_sections(&self.conn, event_id).map_err(|e| self.fail(e))
    }

    /// Keeps an edited section; `None` goes back to the default text ("Khôi phục đoạn văn
    /// mặc định").
    pub fn set_report_section(
        &mut self,
        event_id: i64,
        section: Section,
        text: Option<&str>,
    ) -> Result<()> {
        let text = text.map(|t| clean_multiline(t).trim_end().to_string());
        let text = text.as_ref().map(|t| t as &dyn ToSql);
        self.write(|tx| keep(tx, SECTIONS, event_id, section.code(), text))
    }

    /// The report of `year` with the latest earlier year beside it; `None` if the year has
    /// no event (or the file no unit).
    pub fn report(&self, year: i32) -> Result<Option<Report>> {
        let Some(unit) = self.unit()? else {
            return Ok(None);
        };
        let areas = self.areas()?;
        let roster = Roster::new(self.households()?, &areas);
        let Some(this) = self.stored_side(year, &roster, &areas)? else {
            return Ok(None);
        };
        let last = match self.previous_year(year)? {
            Some(previous) => self.stored_side(previous, &roster, &areas)?,
            None => None,
        };
        let event = self.event(year)?.expect("the year has an event");
        Ok(Some(Report {
            unit,
            event,
            this,
            last,
        }))
    }

    /// The report of a year whose data the caller has loaded already (the window's snapshot);
    /// only the entered figures, the edited sections and the previous year are read here.
    /// Households are the same every year, so one roster serves both years.
    pub fn report_from(
        &self,
        unit: &Unit,
        roster: &Roster,
        areas: &[String],
        data: YearData<'_>,
    ) -> Result<Report> {
        let event = &data.plan.event;
        let this = self.year_side(roster, areas, data)?;
        let last = match self.previous_year(event.year)? {
            Some(year) => self.stored_side(year, roster, areas)?,
            None => None,
        };
        Ok(Report {
            unit: unit.clone(),
            event: event.clone(),
            this,
            last,
        })
    }

    fn year_side(
        &self,
        roster: &Roster,
        areas: &[String],
        data: YearData<'_>,
    ) -> Result<YearReport> {
        let id = data.plan.event.id;
        Ok(YearReport {
            figures: compute(&Sources {
                plan: data.plan,
                roster,
                areas,
                visits: data.visits,
                decisions: data.decisions,
                recipients: data.recipients,
            }),
            entered: self.entered_figures(id)?,
            edited: self.report_sections(id)?,
        })
    }

    /// One year's side, loaded whole.
    fn stored_side(
        &self,
        year: i32,
        roster: &Roster,
        areas: &[String],
    ) -> Result<Option<YearReport>> {
        let Some(plan) = self.year_plan(year)? else {
            return Ok(None);
        };
        let id = plan.event.id;
        let (visits, decisions, recipients) =
            (self.visits(id)?, self.decisions(id)?, self.recipients(id)?);
        let data = YearData {
            plan: &plan,
            visits: &visits,
            decisions: &decisions,
            recipients: &recipients,
        };
        self.year_side(roster, areas, data).map(Some)
    }

    /// The latest year before `year` that has an event.
    fn previous_year(&self, year: i32) -> Result<Option<i32>> {
        Ok(self.years()?.into_iter().filter(|y| *y < year).max())
    }
}

/// A table of values kept per event under a code, and its value's column.
type Coded = (&'static str, &'static str);

const FIGURES: Coded = ("report_figure", "value");
const SECTIONS: Coded = ("report_section", "text");

/// Keeps `value` under the event's `code`, or removes what was kept when it is `None`.
fn keep(
    tx: &Transaction<'_>,
    coded: Coded,
    event_id: i64,
    code: &str,
    value: Option<&dyn ToSql>,
) -> rusqlite::Result<()> {
    let (table, column) = coded;
    match value {
        Some(v) => tx.execute(
            &format!(
                "INSERT INTO {table} (event_id, code, {column}) VALUES (?1, ?2, ?3)
                 ON CONFLICT (event_id, code) DO UPDATE SET {column} = excluded.{column}"
            ),
            params![event_id, code, v],
        )?,
        None => tx.execute(
            &format!("DELETE FROM {table} WHERE event_id = ?1 AND code = ?2"),
            params![event_id, code],
        )?,
    };
    Ok(())
}

/// What is kept for an event, by what its code means; a code from a newer version is kept in
/// the file but not shown.
fn kept<K, V: FromSql>(
    conn: &Connection,
    coded: Coded,
    event_id: i64,
    meaning: fn(&str) -> Option<K>,
) -> rusqlite::Result<Vec<(K, V)>> {
    let (table, column) = coded;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT code, {column} FROM {table} WHERE event_id = ?1"
    ))?;
    let rows = stmt.query_map([event_id], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, V>(1)?))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (code, value) = row?;
        if let Some(key) = meaning(&code) {
            found.push((key, value));
        }
    }
    Ok(found)
}

fn load_entered(conn: &Connection, event_id: i64) -> rusqlite::Result<Entered> {
    let mut entered = Entered::default();
    for (figure, value) in kept(conn, FIGURES, event_id, Figure::from_code)? {
        entered.set(figure, Some(value));
    }
    Ok(entered)
}

fn load_sections(conn: &Connection, event_id: i64) -> rusqlite::Result<BTreeMap<Section, String>> {
    Ok(kept(conn, SECTIONS, event_id, Section::from_code)?
        .into_iter()
        .collect())
}

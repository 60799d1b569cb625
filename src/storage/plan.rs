//! A year's whole plan in and out of the file: used by set-up, the demo and "new year".

use super::event::{check_new_event, insert_event};
use super::table::{Keys, insert, list};
use super::{Result, Store, StoreError, area};
use crate::domain::{Household, Unit, YearPlan};

impl Store {
    /// Everything planned for one year.
    pub fn year_plan(&self, year: i32) -> Result<Option<YearPlan>> {
        let Some(event) = self.event(year)? else {
            return Ok(None);
        };
        let load = || -> rusqlite::Result<YearPlan> {
            Ok(YearPlan {
                checklist: list(&self.conn, event.id)?,
                program: list(&self.conn, event.id)?,
                delegates: list(&self.conn, event.id)?,
                points: list(&self.conn, event.id)?,
                activities: list(&self.conn, event.id)?,
                event: event.clone(),
            })
        };
        load().map(Some).map_err(|e| self.fail(e))
    }

    /// Writes the unit, optionally its areas, and whole years, in one transaction: all or nothing.
    pub fn import_plan(
        &mut self,
        unit: &Unit,
        areas: Option<&[String]>,
        years: &[YearPlan],
    ) -> Result<()> {
        let plan = Checked::new(unit, areas, years)?;
        self.write(|tx| write_plan(tx, &plan).map(drop))
    }
}

/// A unit, its areas and whole years, cleaned and checked before anything is written.
struct Checked {
    unit: Unit,
    areas: Option<Vec<String>>,
    years: Vec<YearPlan>,
}

impl Checked {
    fn new(unit: &Unit, areas: Option<&[String]>, years: &[YearPlan]) -> Result<Checked> {
        let unit = unit.cleaned();
        unit.validate()?;
        let areas = areas.map(area::checked).transpose()?;
        let mut plans = Vec::new();
        for plan in years {
            let plan = plan.cleaned().map_err(StoreError::from)?;
            check_new_event(&unit, &plan.event)?;
            plans.push(plan);
        }
        Ok(Checked {
            unit,
            areas,
            years: plans,
        })
    }
}

/// Writes a checked unit, areas and years inside a transaction; returns the new events' ids.
fn write_plan(tx: &rusqlite::Transaction<'_>, checked: &Checked) -> rusqlite::Result<Vec<i64>> {
    super::unit::write_unit(tx, &checked.unit)?;
    if let Some(areas) = &checked.areas {
        area::replace(tx, areas)?;
    }
    let mut ids = Vec::with_capacity(checked.years.len());
    for plan in &checked.years {
        let id = insert_event(tx, &plan.event)?;
        ids.push(id);
        let event: Keys<'_> = &[("event_id", &id)];
        for step in &plan.checklist {
            insert(tx, event, step)?;
        }
        for (position, item) in (0_i64..).zip(&plan.program) {
            insert(tx, &[("event_id", &id), ("position", &position)], item)?;
        }
        for d in &plan.delegates {
            insert(tx, event, d)?;
        }
        for p in &plan.points {
            insert(tx, event, p)?;
        }
        for (position, a) in (0_i64..).zip(&plan.activities) {
            insert(tx, &[("event_id", &id), ("position", &position)], a)?;
        }
    }
    Ok(ids)
}

impl Store {
    /// The demo in one transaction: plans, households, visits and commendations.
    pub(crate) fn import_demo(
        &mut self,
        unit: &Unit,
        areas: Option<&[String]>,
        demo: &crate::demo::Demo,
    ) -> Result<()> {
        let plan = Checked::new(unit, areas, &demo.years)?;
        let mut visits = Vec::new();
        for (year, rows) in &demo.visits {
            visits.push((*year, super::household::checked_visit_rows(rows)?));
        }
        let mut commendations = Vec::new();
        for (year, rows) in &demo.commendations {
            let mut checked = Vec::new();
            for (d, r) in rows {
                let (d, r) = (d.cleaned(), r.cleaned());
                d.validate()?;
                r.validate()?;
                checked.push((d, r));
            }
            commendations.push((*year, checked));
        }
        let households: Vec<Household> = demo.households.iter().map(Household::cleaned).collect();
        self.write(|tx| {
            let ids = write_plan(tx, &plan)?;
            let event_of = |year: i32| {
                plan.years
                    .iter()
                    .position(|p| p.event.year == year)
                    .map(|i| ids[i])
                    .ok_or(rusqlite::Error::QueryReturnedNoRows)
            };
            for h in &households {
                insert(tx, &[], h)?;
            }
            for (year, rows) in visits {
                super::household::write_visit_rows(tx, event_of(year)?, rows)?;
            }
            for (year, rows) in commendations {
                super::commendation::write_recipient_rows(tx, event_of(year)?, rows)?;
            }
            for (year, figures) in &demo.figures {
                for (figure, value) in figures {
                    tx.execute(
                        "INSERT INTO report_figure (event_id, code, value) VALUES (?1, ?2, ?3)",
                        rusqlite::params![event_of(*year)?, figure.code(), value],
                    )?;
                }
            }
            Ok(())
        })
    }
}

//! A year's whole plan in and out of the file: used by set-up, the demo and "new year".

use super::event::{check_new_event, insert_event};
use super::{Result, Store, StoreError, area, checklist, delegate, festival, point, program};
use crate::domain::{Unit, YearPlan};

impl Store {
    /// Everything planned for one year.
    pub fn year_plan(&self, year: i32) -> Result<Option<YearPlan>> {
        let Some(event) = self.event(year)? else {
            return Ok(None);
        };
        let load = || -> rusqlite::Result<YearPlan> {
            Ok(YearPlan {
                checklist: checklist::load(&self.conn, event.id)?,
                program: program::load(&self.conn, event.id)?,
                delegates: delegate::load(&self.conn, event.id)?,
                points: point::load(&self.conn, event.id)?,
                activities: festival::load(&self.conn, event.id)?,
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
        let unit = unit.cleaned();
        unit.validate()?;
        let areas = areas.map(area::checked).transpose()?;
        let mut plans = Vec::new();
        for plan in years {
            let plan = plan.cleaned().map_err(StoreError::from)?;
            check_new_event(&unit, &plan.event)?;
            plans.push(plan);
        }
        self.write(|tx| {
            super::unit::write_unit(tx, &unit)?;
            if let Some(areas) = &areas {
                area::replace(tx, areas)?;
            }
            for plan in &plans {
                let id = insert_event(tx, &plan.event)?;
                for step in &plan.checklist {
                    checklist::insert(tx, id, step)?;
                }
                for (position, item) in plan.program.iter().enumerate() {
                    program::insert(tx, id, position as i64, item)?;
                }
                for d in &plan.delegates {
                    delegate::insert(tx, id, d)?;
                }
                for p in &plan.points {
                    point::insert(tx, id, p)?;
                }
                for (position, a) in plan.activities.iter().enumerate() {
                    festival::insert(tx, id, position as i64, a)?;
                }
            }
            Ok(())
        })
    }
}

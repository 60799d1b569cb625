//! Everything a paper may draw on for one year, read once.

use std::sync::Arc;

use crate::domain::{Decision, Recipient, Roster, Unit, YearGifts, YearPlan};
use crate::storage::{Result, Store};

#[derive(Debug, Clone)]
pub struct Sources {
    pub unit: Unit,
    pub plan: YearPlan,
    /// The unit's residential areas, in their order.
    pub areas: Vec<String>,
    /// Households and this year's visits.
    pub gifts: Arc<YearGifts>,
    pub decisions: Vec<Decision>,
    pub recipients: Vec<Recipient>,
}

impl Sources {
    /// The year's sources; `None` when the file has no unit or no plan for that year.
    pub fn load(store: &Store, year: i32) -> Result<Option<Sources>> {
        let Some(unit) = store.unit()? else {
            return Ok(None);
        };
        let Some(plan) = store.year_plan(year)? else {
            return Ok(None);
        };
        let areas = store.areas()?;
        let event_id = plan.event.id;
        Ok(Some(Sources {
            gifts: Arc::new(YearGifts::new(
                Roster::new(store.households()?, &areas),
                store.visits(event_id)?,
                &areas,
            )),
            decisions: store.decisions(event_id)?,
            recipients: store.recipients(event_id)?,
            unit,
            plan,
            areas,
        }))
    }
}

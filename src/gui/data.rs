//! What the screens show of the data file, and the one way the window writes to it: jobs run
//! one at a time, in order, off the UI thread, each followed by a fresh snapshot.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use iced::Task;

use crate::domain::report::Report;
use crate::domain::{
    Activity, ChecklistItem, Decision, Delegate, Event, EventPoint, ProgramItem, Recipient, Roster,
    Unit, YearGifts, YearPlan,
};
use crate::storage::commendation::RemovedDecision;
use crate::storage::household::RemovedHousehold;
use crate::storage::report::YearData;
use crate::storage::{self, Store, StoreError};

pub type Db = Arc<Mutex<Store>>;

/// Everything the workspace screens read for the selected year.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub path: PathBuf,
    pub unit: Unit,
    /// Residential areas: festival teams are one per area by default.
    pub areas: Vec<String>,
    pub years: Vec<i32>,
    pub event: Event,
    pub checklist: Vec<ChecklistItem>,
    pub program: Vec<ProgramItem>,
    pub delegates: Vec<Delegate>,
    pub points: Vec<EventPoint>,
    pub activities: Vec<Activity>,
    /// Households and this year's visits, indexed for search; shared, since a reload after
    /// each change must not copy 10,000 households around the UI.
    pub gifts: Arc<YearGifts>,
    pub decisions: Vec<Decision>,
    pub recipients: Vec<Recipient>,
    /// The report to the province: this year's figures (computed, entered), its narrative
    /// and the previous year beside it.
    pub report: Arc<Report>,
}

impl Snapshot {
    /// The given year, or the latest; `None` if the file has not been set up yet.
    pub fn load(store: &Store, year: Option<i32>) -> storage::Result<Option<Snapshot>> {
        let Some(unit) = store.unit()? else {
            return Ok(None);
        };
        let years = store.years()?;
        let chosen = year
            .filter(|y| years.contains(y))
            .or_else(|| years.last().copied());
        let Some(plan) = chosen.map(|y| store.year_plan(y)).transpose()?.flatten() else {
            return Ok(None);
        };
        let areas = store.areas()?;
        let event_id = plan.event.id;
        let gifts = Arc::new(YearGifts::new(
            Roster::new(store.households()?, &areas),
            store.visits(event_id)?,
            &areas,
        ));
        let decisions = store.decisions(event_id)?;
        let recipients = store.recipients(event_id)?;
        let year = YearData {
            plan: &plan,
            visits: &gifts.visits,
            decisions: &decisions,
            recipients: &recipients,
        };
        let report = Arc::new(store.report_from(&unit, &gifts.roster, &areas, year)?);
        Ok(Some(Snapshot {
            path: store.path().to_path_buf(),
            unit,
            years,
            event: plan.event,
            checklist: plan.checklist,
            program: plan.program,
            delegates: plan.delegates,
            points: plan.points,
            activities: plan.activities,
            gifts,
            decisions,
            recipients,
            report,
            areas,
        }))
    }
}

/// What a job reports back besides the fresh snapshot.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Done {
    /// The year to show afterwards (`None`: stay on the same year).
    pub year: Option<i32>,
    /// The id of a row the job created, so that creating can be undone.
    pub created: Option<i64>,
    /// The ids of the rows a batch created (visits for every household of a filter).
    pub batch: Vec<i64>,
    /// What a removal took out of the file, everything needed to put it back.
    pub removed: Option<Removed>,
}

/// Rows removed together with their dependants (visits of every year, recipients), which the
/// screens cannot see whole, so the job hands them back for undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    Household(RemovedHousehold),
    Decision(RemovedDecision),
}

impl Snapshot {
    /// What the papers draw on for the selected year.
    pub fn sources(&self) -> crate::papers::Sources {
        crate::papers::Sources {
            unit: self.unit.clone(),
            plan: self.plan(),
            areas: self.areas.clone(),
            gifts: Arc::clone(&self.gifts),
            decisions: self.decisions.clone(),
            recipients: self.recipients.clone(),
        }
    }

    /// The selected year's plan, for the papers.
    pub fn plan(&self) -> YearPlan {
        YearPlan {
            event: self.event.clone(),
            checklist: self.checklist.clone(),
            program: self.program.clone(),
            delegates: self.delegates.clone(),
            points: self.points.clone(),
            activities: self.activities.clone(),
        }
    }
}

/// A change to make, in one transaction of the store.
pub type Job = Box<dyn FnOnce(&mut Store) -> storage::Result<Done> + Send>;

/// The outcome of a job: the snapshot to show, or the sentence to show instead.
pub type Outcome = Result<(Option<Snapshot>, Done), String>;

/// Runs jobs strictly in order, so that the last edit typed is the last one saved.
#[derive(Default)]
pub struct Writer {
    queue: VecDeque<Job>,
    busy: bool,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("queued", &self.queue.len())
            .field("busy", &self.busy)
            .finish()
    }
}

impl Writer {
    /// True while something typed has not reached the file yet.
    pub fn is_saving(&self) -> bool {
        self.busy || !self.queue.is_empty()
    }

    /// Queues a job and starts it if nothing else is running.
    pub fn push<M: Send + 'static>(
        &mut self,
        db: &Db,
        year: Option<i32>,
        job: Job,
        done: fn(Outcome) -> M,
    ) -> Task<M> {
        self.queue.push_back(job);
        self.next(db, year, done)
    }

    /// Called when a job has finished: starts the next one, if any.
    pub fn finished<M: Send + 'static>(
        &mut self,
        db: &Db,
        year: Option<i32>,
        done: fn(Outcome) -> M,
    ) -> Task<M> {
        self.busy = false;
        self.next(db, year, done)
    }

    fn next<M: Send + 'static>(
        &mut self,
        db: &Db,
        year: Option<i32>,
        done: fn(Outcome) -> M,
    ) -> Task<M> {
        if self.busy {
            return Task::none();
        }
        let Some(job) = self.queue.pop_front() else {
            return Task::none();
        };
        self.busy = true;
        let db = Arc::clone(db);
        Task::perform(async move { run(&db, year, job) }, done)
    }
}

fn run(db: &Db, year: Option<i32>, job: Job) -> Outcome {
    let mut store = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let done = job(&mut store).map_err(|e| e.to_string())?;
    let snapshot =
        Snapshot::load(&store, done.year.or(year)).map_err(|e: StoreError| e.to_string())?;
    Ok((snapshot, done))
}

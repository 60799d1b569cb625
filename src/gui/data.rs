//! What the screens show of the data file, and the one way the window writes to it: jobs run
//! one at a time, in order, off the UI thread, each followed by a fresh snapshot.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use iced::Task;

use crate::consolidation::table::{Consolidation, ExpectedUnit, Received};
use crate::domain::report::Report;
use crate::domain::{Decision, Recipient, Roster, Unit, YearGifts, YearPlan};
use crate::storage::commendation::RemovedDecision;
use crate::storage::household::RemovedHousehold;
use crate::storage::report::YearData;
use crate::storage::{self, Store, StoreError};

pub type Db = Arc<Mutex<Store>>;

/// Everything the workspace screens read for the selected year.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub path: PathBuf,
    /// The file has a password (Cài đặt offers to change or remove it).
    pub password: bool,
    pub unit: Unit,
    /// Residential areas: festival teams are one per area by default.
    pub areas: Vec<String>,
    pub years: Vec<i32>,
    /// The selected year's plan: its event, checklist, program, delegates, points and
    /// activities.
    pub plan: YearPlan,
    /// Households and this year's visits, indexed for search; shared, since a reload after
    /// each change must not copy 10,000 households around the UI.
    pub households: Arc<YearGifts>,
    pub decisions: Vec<Decision>,
    pub recipients: Vec<Recipient>,
    /// The report to the province: this year's figures (computed, entered), its narrative
    /// and the previous year beside it.
    pub report: Arc<Report>,
    /// Saved certificate templates and printer profiles (not tied to a year).
    pub templates: Vec<crate::certificate::Template>,
    pub printers: Vec<crate::certificate::PrinterProfile>,
    /// What the units below sent for this year, for a unit that consolidates them (a
    /// province); `None` for a unit that reports to a level above.
    pub consolidation: Option<Arc<Consolidated>>,
}

/// A province's year of consolidation: the units it expects, every package taken in (replaced
/// ones too) and the totals.
#[derive(Debug, Clone, PartialEq)]
pub struct Consolidated {
    pub expected: Vec<ExpectedUnit>,
    pub packages: Vec<Received>,
    pub table: Consolidation,
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
        let consolidation = match unit.level.consolidates(plan.event.year) {
            true => store.consolidation(plan.event.year)?.map(|table| {
                Ok::<_, storage::StoreError>(Arc::new(Consolidated {
                    expected: store.expected_units(event_id)?,
                    packages: store.received_packages(plan.event.year)?,
                    table,
                }))
            }),
            false => None,
        }
        .transpose()?;
        Ok(Some(Snapshot {
            path: store.path().to_path_buf(),
            password: store.has_password(),
            unit,
            years,
            plan,
            households: gifts,
            decisions,
            recipients,
            report,
            areas,
            templates: store.templates()?,
            printers: store.printers()?,
            consolidation,
        }))
    }
}

/// What a job reports back besides the fresh snapshot.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Done {
    /// The year to show afterwards (`None`: stay on the same year).
    pub year: Option<i32>,
    /// The rows the job created, each with its kind and what the undo notice calls it, so that the screen that asked
    /// can offer to undo creating them. A batch (visits for every household of a filter)
    /// reports all of its rows.
    pub created: Vec<Created>,
    /// What a removal took out of the file, everything needed to put it back.
    pub removed: Option<Removed>,
    /// A sentence for the screen that asked, saying what was written (an import's counts).
    pub note: Option<String>,
    /// Nothing was written: the data is read again because another process changed the file.
    pub external: bool,
}

/// A row a job created: the job itself says which kind and what the undo notice calls it, so that its id reaches
/// the right screen however many jobs were queued behind it or waited for a retry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub kind: Kind,
    pub id: i64,
    /// What the undo notice calls it ("Đã thêm “…”.", "Đã thêm quyết định số 12/QĐ-UBND.").
    pub label: String,
}

/// The kinds of rows the window creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Step,
    ProgramItem,
    Delegate,
    Point,
    Activity,
    Household,
    Visit,
    Decision,
    Recipient,
    ExpectedUnit,
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
            plan: self.plan.clone(),
            areas: self.areas.clone(),
            gifts: Arc::clone(&self.households),
            decisions: self.decisions.clone(),
            recipients: self.recipients.clone(),
        }
    }
}

/// A change to make, in one transaction of the store. It may be run again when the file could
/// not be written (another window writing, a full disk): a failed transaction wrote nothing.
pub type Job = Box<dyn FnMut(&mut Store) -> storage::Result<Done> + Send>;

/// The outcome of a job: the snapshot to show, or the sentence to show instead.
pub type Outcome = Result<(Option<Snapshot>, Done), String>;

/// Runs jobs strictly in order, so that the last edit typed is the last one saved.
///
/// A job that fails because the file cannot be written right now (another window holds it
/// past the 5 s wait, the disk is full, the file became read-only) is not dropped: it waits,
/// with the jobs queued behind it, until [`Writer::retry`]. The secretary's edit is never lost
/// and never overtaken by a later one. A job refused for its content (a rule of the domain) is
/// dropped: running it again would fail again.
#[derive(Default)]
pub struct Writer {
    queue: VecDeque<Job>,
    busy: bool,
    /// The job running, or the one that could not be written and waits to be tried again.
    current: Arc<Mutex<Current>>,
    /// Why the job in `current` waits (short, for the sidebar); `None` while all is well.
    stalled: Option<String>,
}

#[derive(Default)]
struct Current {
    job: Option<Job>,
    /// Set when the job stays for a retry.
    failed: Option<String>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("queued", &self.queue.len())
            .field("busy", &self.busy)
            .field("stalled", &self.stalled)
            .finish()
    }
}

impl Writer {
    /// True while changes are on their way to the file (not while they wait for a retry).
    pub fn is_saving(&self) -> bool {
        self.busy || (self.stalled.is_none() && !self.queue.is_empty())
    }

    /// True if jobs wait in the queue behind the one running.
    pub fn has_queued(&self) -> bool {
        !self.queue.is_empty()
    }

    /// Why changes are waiting to be written ("cửa sổ khác đang ghi vào tệp"), if they are.
    pub fn stalled(&self) -> Option<&str> {
        self.stalled.as_deref()
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

    /// Called when a job has finished: starts the next one, unless this one waits for a retry.
    pub fn finished<M: Send + 'static>(
        &mut self,
        db: &Db,
        year: Option<i32>,
        done: fn(Outcome) -> M,
    ) -> Task<M> {
        self.busy = false;
        let current = lock(&self.current);
        if current.job.is_some() {
            self.stalled = current.failed.clone();
            return Task::none();
        }
        drop(current);
        self.next(db, year, done)
    }

    /// Runs the waiting job again, then the ones queued behind it.
    pub fn retry<M: Send + 'static>(
        &mut self,
        db: &Db,
        year: Option<i32>,
        done: fn(Outcome) -> M,
    ) -> Task<M> {
        if self.stalled.take().is_none() || self.busy {
            return Task::none();
        }
        self.start(db, year, done)
    }

    /// Drops the job waiting for a retry (the welcome form sends its whole content again).
    pub fn give_up(&mut self) {
        if self.stalled.take().is_some() {
            lock(&self.current).job = None;
        }
    }

    fn next<M: Send + 'static>(
        &mut self,
        db: &Db,
        year: Option<i32>,
        done: fn(Outcome) -> M,
    ) -> Task<M> {
        if self.busy || self.stalled.is_some() {
            return Task::none();
        }
        let Some(job) = self.queue.pop_front() else {
            return Task::none();
        };
        lock(&self.current).job = Some(job);
        self.start(db, year, done)
    }

    fn start<M: Send + 'static>(
        &mut self,
        db: &Db,
        year: Option<i32>,
        done: fn(Outcome) -> M,
    ) -> Task<M> {
        self.busy = true;
        let db = Arc::clone(db);
        let current = Arc::clone(&self.current);
        Task::perform(async move { run(&db, &current, year) }, done)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn run(db: &Db, current: &Mutex<Current>, year: Option<i32>) -> Outcome {
    let mut current = lock(current);
    let Some(job) = current.job.as_mut() else {
        return Ok((None, Done::default()));
    };
    let mut store = lock(db);
    let done = match job(&mut store) {
        Ok(done) => done,
        Err(e) => {
            current.failed = worth_retrying(&e).map(str::to_string);
            if current.failed.is_none() {
                current.job = None;
            }
            return Err(e.to_string());
        }
    };
    current.job = None;
    current.failed = None;
    let snapshot =
        Snapshot::load(&store, done.year.or(year)).map_err(|e: StoreError| e.to_string())?;
    Ok((snapshot, done))
}

/// For an error that may go away (the file is busy, the disk full...), what to show beside
/// "Chưa lưu được"; `None` when trying again cannot help.
fn worth_retrying(error: &StoreError) -> Option<&'static str> {
    match error {
        StoreError::Locked(_) | StoreError::OpenElsewhere(_) => {
            Some("cửa sổ khác đang ghi vào tệp")
        }
        StoreError::DiskFull(_) => Some("ổ đĩa đã đầy"),
        StoreError::ReadOnly(_) => Some("tệp chỉ cho phép đọc"),
        StoreError::CannotOpen(..) | StoreError::Other(_) => Some("lỗi khi ghi tệp"),
        StoreError::NotOurs(_)
        | StoreError::Newer { .. }
        | StoreError::Damaged(_)
        | StoreError::Invalid(_)
        | StoreError::NotFound(_)
        | StoreError::NeedsPassword(_)
        | StoreError::WrongPassword(_) => None,
    }
}

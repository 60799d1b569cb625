//! "Thăm hỏi, tặng quà": the households the committee visits and this year's visits. One
//! filter (search as you type, category, area, visit status) drives both tabs, the batch
//! actions and the totals, so what the secretary sees is what a batch changes.

mod gift;
mod household;
mod purge;
mod view;

use chrono::NaiveDate;
use iced::Task;
use iced::widget::operation;

use gift::GiftDraft;
pub use household::{HouseholdChoice, HouseholdDraft};

use std::path::PathBuf;
use std::sync::Arc;

use super::import::{self, ImportPanel, Outcome};
use crate::domain::KnownHouseholds;
use crate::domain::{Category, Filter, Household, Visit, VisitMark, VisitStatus};
use crate::gui::data::Snapshot;
use crate::gui::history::{self, History, Timeline};
use crate::gui::records::{self, Records};
use crate::gui::shortcut::{Action, Shortcut, new_and_undo};
use crate::gui::system;
use crate::gui::widget::{Slot, Typed, open_at_top, to_top};
use crate::import::households::Households;
use crate::import::visits::{KnownVisits, Visits as VisitList};
use crate::papers::Paper;
use crate::storage::household::RemovedHousehold;

pub const SEARCH: &str = "household-search";
pub const HOUSEHOLD_NAME: &str = "household-name";
const GIFT: &str = "gift-description";
const PAGE: &str = "visits-page";
/// Rows per page: enough to scan, few enough that a 10,000-household list stays fluid.
pub const PAGE_SIZE: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Households,
    Visits,
}

/// The breakdown shown under the totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Breakdown {
    #[default]
    Category,
    Area,
    Source,
    Status,
}

#[derive(Debug, Default)]
pub struct Visits {
    tab: Tab,
    filter: Filter,
    page: usize,
    /// Households: added and edited in their form by the records part (removing one is the
    /// screen's: it takes the household's visits with it).
    households: Records<Household>,
    gift: Option<GiftDraft>,
    breakdown: Breakdown,
    /// Visits and removed households, beside the records' own undo steps.
    history: History<Undo>,
    /// A list being imported, shown instead of the tables until saved or cancelled.
    importing: Option<Importing>,
    /// What the last import (or "Xóa hẳn") did, or why a file could not be read.
    import_note: Option<Result<String, String>>,
    /// A household removed a moment ago that the secretary asked to purge, awaiting "Xóa hẳn".
    purging: Option<Household>,
}

/// The two lists this screen imports.
#[derive(Debug, Clone)]
pub enum Importing {
    Households(ImportPanel<Households>),
    Visits(ImportPanel<VisitList>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportList {
    Households,
    Visits,
}

#[derive(Debug, Clone)]
enum Undo {
    RemovedHousehold(Box<RemovedHousehold>),
    AddedVisits(Vec<i64>),
    ChangedVisits(Vec<Visit>),
    RemovedVisits(Vec<Visit>),
}

#[derive(Debug, Clone)]
pub enum Message {
    Tab(Tab),
    Search(String),
    CategoryFilter(Option<Category>),
    AreaFilter(Option<usize>),
    MarkFilter(Option<VisitMark>),
    ClearFilter,
    Page(usize),
    Breakdown(Breakdown),
    New,
    Households(records::Message<Household>),
    RemoveHousehold(i64),
    /// "Xóa hẳn…" after a removal, then the answer to the question it asks.
    Purge,
    ConfirmPurge,
    CancelPurge,
    NewVisit(i64),
    NewBatch,
    EditVisit(i64),
    GiftEdited(Slot<GiftDraft>, String),
    StatusPicked(VisitStatus),
    SkipVisited(bool),
    SaveGift,
    SetStatus(i64, VisitStatus),
    MarkFilteredDone,
    RemoveVisit(i64),
    Cancel,
    Undo,
    /// Ctrl+F.
    Find,
    Import(ImportList),
    ImportFile(ImportList, Option<PathBuf>),
    Imported(Result<Box<Importing>, String>),
    ImportPanel(import::Message),
    DismissImportNote,
    /// "Xuất Excel…": the year's visits as an .xlsx.
    Export,
    ExportTo(Option<PathBuf>),
    Exported(Result<PathBuf, String>),
}

/// Changes the screen asks the app to write. Visits with an id other than 0 are restored
/// under their old ids (undo).
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Adding a household (or putting one back under its id) and saving one.
    Households(records::Event<Household>),
    /// Removing a household takes its visits (the job reports them for undo).
    RemoveHousehold(i64),
    RestoreHousehold(Box<RemovedHousehold>),
    /// Out of the file and every backup; not undoable.
    PurgeHousehold(Box<Household>),
    AddVisits(Vec<Visit>),
    SaveVisits(Vec<Visit>),
    RemoveVisits(Vec<i64>),
    /// Saved whole or not at all, after a backup.
    ImportHouseholds(Vec<Household>),
    ImportVisits(Vec<(Household, Visit)>),
}

type Update = (Task<Message>, Option<Event>);

/// What a keyboard shortcut means on this screen.
pub fn shortcut(shortcut: Shortcut) -> Option<Action<Message>> {
    match shortcut {
        Shortcut::Find => Some(Action::Update(Message::Find)),
        Shortcut::Print => Some(Action::ShowPaper(Paper::Receipts)),
        _ => new_and_undo(shortcut, Message::New, Message::Undo),
    }
}

impl Visits {
    /// Escape: close the forms and the import.
    pub fn close(&mut self) {
        self.households.close();
        self.gift = None;
        self.importing = None;
        self.purging = None;
    }

    pub fn update(&mut self, message: Message, data: &Snapshot, today: NaiveDate) -> Update {
        let gifts = &data.households;
        match message {
            Message::Tab(tab) => {
                self.tab = tab;
                self.page = 0;
                none()
            }
            Message::Search(raw) => {
                self.filter.query = Typed::from_raw(&raw).value;
                self.page = 0;
                none()
            }
            Message::CategoryFilter(category) => self.refilter(|f| f.category = category),
            Message::AreaFilter(area) => self.refilter(|f| f.area = area),
            Message::MarkFilter(mark) => self.refilter(|f| f.visit = mark),
            Message::ClearFilter => self.refilter(|f| *f = Filter::default()),
            Message::Page(page) => {
                self.page = page;
                (to_top(PAGE), None)
            }
            Message::Breakdown(breakdown) => {
                self.breakdown = breakdown;
                none()
            }
            Message::Find => (operation::focus(SEARCH), None),
            Message::Import(list) => {
                let title = match list {
                    ImportList::Households => "Chọn tệp danh sách hộ gia đình",
                    ImportList::Visits => "Chọn tệp danh sách thăm hỏi, tặng quà",
                };
                (
                    import::choose(title).map(move |path| Message::ImportFile(list, path)),
                    None,
                )
            }
            Message::ImportFile(_, None) => none(),
            Message::ImportFile(list, Some(path)) => {
                // What the file is compared with: this year's visits and every household.
                let households = gifts.roster.all().to_vec();
                let visits = gifts.visits.clone();
                let load = async move {
                    match list {
                        ImportList::Households => {
                            let existing = Arc::new(KnownHouseholds::new(&households));
                            ImportPanel::load(&path, existing)
                                .map(|p| Box::new(Importing::Households(p)))
                        }
                        ImportList::Visits => {
                            let existing = Arc::new(KnownVisits::new(&households, &visits));
                            ImportPanel::load(&path, existing)
                                .map(|p| Box::new(Importing::Visits(p)))
                        }
                    }
                };
                (Task::perform(load, Message::Imported), None)
            }
            Message::Imported(Ok(panel)) => {
                self.importing = Some(*panel);
                self.import_note = None;
                (to_top(PAGE), None)
            }
            Message::Imported(Err(reason)) => {
                self.import_note = Some(Err(reason));
                none()
            }
            Message::ImportPanel(message) => {
                let (done, event) = match self.importing.as_mut() {
                    Some(Importing::Households(panel)) => imported(panel.update(message), |rows| {
                        Event::ImportHouseholds(rows.into_iter().map(|(_, h)| h).collect())
                    }),
                    Some(Importing::Visits(panel)) => imported(panel.update(message), |rows| {
                        Event::ImportVisits(
                            rows.into_iter()
                                .map(|(_, r)| (r.household(), r.visit))
                                .collect(),
                        )
                    }),
                    None => (false, None),
                };
                if done {
                    self.importing = None;
                }
                (Task::none(), event)
            }
            Message::Export => {
                let name = format!("tham-hoi-{}.xlsx", data.plan.event.year);
                let choose = system::save_as("Lưu danh sách thăm hỏi (Excel)", name, system::XLSX);
                (Task::perform(choose, Message::ExportTo), None)
            }
            Message::ExportTo(None) => none(),
            Message::ExportTo(Some(path)) => {
                let sources = data.sources();
                let write = async move {
                    let table = crate::export::visits_table(&sources);
                    crate::export::write_xlsx(&path, &[table], crate::papers::output::Access::Usual)
                        .map(|()| path)
                };
                (Task::perform(write, Message::Exported), None)
            }
            Message::Exported(result) => {
                self.import_note =
                    Some(result.map(|path| {
                        format!("Đã lưu danh sách thăm hỏi vào “{}”.", path.display())
                    }));
                none()
            }
            Message::DismissImportNote => {
                self.import_note = None;
                none()
            }
            Message::New => {
                self.gift = None;
                self.tab = Tab::Households;
                let area = self
                    .filter
                    .area
                    .and_then(|a| data.areas.get(a))
                    .cloned()
                    .unwrap_or_default();
                let draft =
                    HouseholdDraft::new(self.filter.category.unwrap_or(Category::Martyr), &area);
                let focus = self.households.start(draft).map(Message::Households);
                (open_at_top(PAGE, focus), None)
            }
            Message::Households(message) => {
                if matches!(message, records::Message::Edit(_)) {
                    self.gift = None;
                }
                let (task, event) = self.households.update(message, data);
                (task.map(Message::Households), event.map(household_event))
            }
            Message::RemoveHousehold(id) => {
                if self.households.is_editing(id) {
                    self.households.close();
                }
                (Task::none(), Some(Event::RemoveHousehold(id)))
            }
            Message::Purge => {
                self.ask_purge();
                none()
            }
            Message::ConfirmPurge => {
                let event = self.confirm_purge().map(Box::new);
                (Task::none(), event.map(Event::PurgeHousehold))
            }
            Message::CancelPurge => {
                self.purging = None;
                none()
            }
            Message::NewVisit(household_id) => {
                self.households.close();
                self.gift = Some(GiftDraft::new(Some(household_id), data.plan.event.date));
                (operation::focus(GIFT), None)
            }
            Message::NewBatch => {
                self.households.close();
                self.gift = Some(GiftDraft::new(None, data.plan.event.date));
                (open_at_top(PAGE, operation::focus(GIFT)), None)
            }
            Message::EditVisit(id) => {
                let Some(v) = gifts.visits.iter().find(|v| v.id == id) else {
                    return none();
                };
                self.households.close();
                self.gift = Some(GiftDraft::of(v));
                (operation::focus(GIFT), None)
            }
            Message::GiftEdited(slot, raw) => {
                let Some(draft) = self.gift.as_mut() else {
                    return none();
                };
                *slot(draft) = Typed::from_raw(&raw).value;
                draft.error = None;
                none()
            }
            Message::StatusPicked(status) => {
                if let Some(draft) = self.gift.as_mut() {
                    draft.status = status;
                }
                none()
            }
            Message::SkipVisited(skip) => {
                if let Some(draft) = self.gift.as_mut() {
                    draft.skip_visited = skip;
                }
                none()
            }
            Message::SaveGift => self.save_gift(data),
            Message::SetStatus(id, status) => {
                let Some(v) = gifts.visits.iter().find(|v| v.id == id) else {
                    return none();
                };
                let date = match status {
                    VisitStatus::Done => v.date.or(Some(today)),
                    _ => v.date,
                };
                let changed = Visit {
                    status,
                    date,
                    ..v.clone()
                };
                self.history
                    .remember(Undo::ChangedVisits(vec![v.clone()]), None);
                (Task::none(), Some(Event::SaveVisits(vec![changed])))
            }
            Message::MarkFilteredDone => {
                let before: Vec<Visit> = self
                    .filtered_visits(data)
                    .into_iter()
                    .filter(|v| v.status == VisitStatus::Planned)
                    .cloned()
                    .collect();
                if before.is_empty() {
                    return none();
                }
                let after = before
                    .iter()
                    .map(|v| Visit {
                        status: VisitStatus::Done,
                        date: v.date.or(Some(today)),
                        ..v.clone()
                    })
                    .collect();
                let notice = format!("Đã đánh dấu {} lượt thăm là đã thăm.", before.len());
                self.history
                    .remember(Undo::ChangedVisits(before), Some(notice));
                (Task::none(), Some(Event::SaveVisits(after)))
            }
            Message::RemoveVisit(id) => {
                let Some(v) = gifts.visits.iter().find(|v| v.id == id) else {
                    return none();
                };
                let name = gifts
                    .roster
                    .get(v.household_id)
                    .map(|h| h.name.clone())
                    .unwrap_or_default();
                self.history.remember(
                    Undo::RemovedVisits(vec![v.clone()]),
                    Some(format!("Đã xóa lượt thăm hộ {name}.")),
                );
                if self.gift.as_ref().is_some_and(|d| d.id == Some(id)) {
                    self.gift = None;
                }
                (Task::none(), Some(Event::RemoveVisits(vec![id])))
            }
            Message::Cancel => {
                self.close();
                none()
            }
            Message::Undo => {
                if history::newest(&self.timelines()) == Some(0) {
                    return (Task::none(), self.households.undo().map(household_event));
                }
                let event = match self.history.pop() {
                    Some(Undo::RemovedHousehold(removed)) => Event::RestoreHousehold(removed),
                    Some(Undo::AddedVisits(ids)) => Event::RemoveVisits(ids),
                    Some(Undo::ChangedVisits(visits)) => Event::SaveVisits(visits),
                    Some(Undo::RemovedVisits(visits)) => Event::AddVisits(visits),
                    None => return none(),
                };
                (Task::none(), Some(event))
            }
        }
    }

    /// The app reports a household it has just added, so that adding can be undone.
    pub fn added_household(&mut self, id: i64, label: &str) {
        self.households.added(id, label);
    }

    /// The app reports the visits a batch (or a single new visit) created.
    pub fn added_visits(&mut self, ids: Vec<i64>) {
        let notice = match ids.len() {
            1 => "Đã thêm lượt thăm.".to_string(),
            n => format!("Đã tạo {n} lượt thăm."),
        };
        self.history.remember(Undo::AddedVisits(ids), Some(notice));
    }

    /// The app reports what removing a household took out (its visits of every year).
    pub fn removed_household(&mut self, removed: RemovedHousehold) {
        let notice = match removed.visits.len() {
            0 => format!("Đã xóa hộ {}.", removed.household.name),
            n => format!("Đã xóa hộ {} cùng {n} lượt thăm.", removed.household.name),
        };
        self.history
            .remember(Undo::RemovedHousehold(Box::new(removed)), Some(notice));
    }

    /// The app reports what an import wrote.
    pub fn imported(&mut self, note: String) {
        self.import_note = Some(Ok(note));
    }

    pub fn can_undo(&self) -> bool {
        self.households.can_undo() || self.history.can_undo()
    }

    fn timelines(&self) -> [&dyn Timeline; 2] {
        [self.households.timeline(), &self.history]
    }

    fn refilter(&mut self, change: impl FnOnce(&mut Filter)) -> Update {
        change(&mut self.filter);
        self.page = 0;
        none()
    }

    /// The households that pass the filter, in name order.
    fn filtered<'a>(&self, data: &'a Snapshot) -> Vec<&'a Household> {
        let gifts = &data.households;
        gifts.roster.filter(&self.filter, |id| gifts.mark(id))
    }

    /// This year's visits of the filtered households, in the households' name order.
    fn filtered_visits<'a>(&self, data: &'a Snapshot) -> Vec<&'a Visit> {
        let households = self.filtered(data);
        let mut by_household: std::collections::HashMap<i64, Vec<&Visit>> =
            std::collections::HashMap::new();
        for v in &data.households.visits {
            by_household.entry(v.household_id).or_default().push(v);
        }
        households
            .iter()
            .flat_map(|h| by_household.remove(&h.id).unwrap_or_default())
            .collect()
    }
}

/// A household's records event as the app writes it: removing one (undoing an add) takes
/// its visits too.
fn household_event(event: records::Event<Household>) -> Event {
    match event {
        records::Event::Remove(id) => Event::RemoveHousehold(id),
        event => Event::Households(event),
    }
}

fn none() -> Update {
    (Task::none(), None)
}

/// What an import panel's outcome asks of the screen: whether the panel is done (cancelled, or
/// its rows sent) and the event `save` makes of its rows.
fn imported<T>(
    outcome: Outcome<T>,
    save: impl FnOnce(Vec<(usize, T)>) -> Event,
) -> (bool, Option<Event>) {
    match outcome {
        Outcome::Stay => (false, None),
        Outcome::Close => (true, None),
        Outcome::Save(rows) => (true, Some(save(rows))),
    }
}

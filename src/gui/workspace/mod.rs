//! The workspace: the sidebar (unit, year, sections, saved state) and the current section's
//! screen. It is a screen itself: its own [`Message`] (which the app wraps) and [`Event`]s
//! that ask the app to write. Screen events become storage jobs (`jobs`); the app runs them
//! in order through its writer. Keyboard shortcuts go to the screen shown, which says what
//! each means there (`shortcut`).

use std::sync::Arc;

mod view;

use chrono::NaiveDate;
use iced::Task;

use super::data::{Db, Done, Job, Kind, Removed, Snapshot};
use super::jobs;
use super::records;
use super::screen::ceremony::{self, Ceremony};
use super::screen::certificates::{self, Certificates};
use super::screen::consolidation::{self, UnitReports};
use super::screen::festival::{self, Festival};
use super::screen::guests::{self, Guests};
use super::screen::honors::{self, Honors};
use super::screen::overview::{self, Overview};
use super::screen::papers::{self, Papers};
use super::screen::report::{self, Report};
use super::screen::settings::{self, Settings};
use super::screen::visits::{self, Visits};
use super::shortcut::{Action, Shortcut};
use super::widget::Typed;
use crate::storage::Store;

#[derive(Debug, Clone)]
pub enum Message {
    Overview(overview::Message),
    Ceremony(ceremony::Message),
    Guests(guests::Message),
    Festival(festival::Message),
    Visits(visits::Message),
    Honors(honors::Message),
    Certificates(certificates::Message),
    Papers(papers::Message),
    Report(report::Message),
    Consolidation(consolidation::Message),
    Settings(settings::Message),
    Navigate(Section),
    YearPicked(i32),
    NewYear(NewYear),
    Shortcut(Shortcut),
    DismissError,
    /// Try again to write the changes that could not be saved (file busy, disk full).
    RetrySave,
}

#[derive(Debug, Clone)]
pub enum NewYear {
    Open,
    Edited(String),
    Confirm,
    Cancel,
}

/// What the workspace asks the app to do.
pub enum Event {
    /// Write this to the file, after every change queued before.
    Write(Job),
    /// Try again to write the change that could not be saved.
    RetrySave,
}

type Update = (Task<Message>, Option<Event>);

fn none() -> Update {
    (Task::none(), None)
}

/// A screen's task and job, as the workspace's.
fn write<M>(task: Task<M>, wrap: fn(M) -> Message, job: Option<Job>) -> Update
where
    M: Send + 'static,
{
    (task.map(wrap), job.map(Event::Write))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overview,
    Ceremony,
    Guests,
    Festival,
    Visits,
    Honors,
    Certificates,
    Papers,
    Report,
    /// Shown only to a unit that consolidates its units' reports (a province).
    Consolidation,
    Settings,
}

impl Section {
    /// The sidebar, in the order a campaign runs; a province's consolidation second, where a
    /// 1024×640 screen shows it without scrolling.
    const ALL: [(Section, &'static str); 11] = [
        (Section::Overview, "Tổng quan"),
        (Section::Consolidation, "Tổng hợp báo cáo"),
        (Section::Ceremony, "Phần lễ"),
        (Section::Guests, "Đại biểu và điểm"),
        (Section::Festival, "Phần hội"),
        (Section::Visits, "Thăm hỏi"),
        (Section::Honors, "Khen thưởng"),
        (Section::Certificates, "In giấy khen"),
        (Section::Papers, "In ấn"),
        (Section::Report, "Báo cáo"),
        (Section::Settings, "Cài đặt"),
    ];
}

pub struct Workspace {
    pub db: Db,
    pub data: Snapshot,
    pub section: Section,
    overview: Overview,
    ceremony: Ceremony,
    guests: Guests,
    festival: Festival,
    visits: Visits,
    honors: Honors,
    pub certificates: Certificates,
    papers: Papers,
    report: Report,
    unit_reports: UnitReports,
    pub settings: Settings,
    /// The year typed in the "new year" panel, when it is open.
    new_year: Option<String>,
    /// The last thing that went wrong (a change not saved, a backup not made), in Vietnamese.
    pub error: Option<String>,
    /// Something the secretary should know that is not a problem (a backup brought back).
    pub notice: Option<String>,
    /// The day visits are marked done on (fixed in tests).
    today: NaiveDate,
}

impl Workspace {
    pub fn new(db: Db, data: Snapshot, today: NaiveDate) -> Workspace {
        Workspace {
            settings: Settings::new(&data),
            papers: Papers::new(crate::papers::Paper::Program, &data),
            report: Report::new(&data),
            unit_reports: UnitReports::default(),
            certificates: Certificates::new(&data),
            db,
            data,
            section: Section::Overview,
            overview: Overview::default(),
            ceremony: Ceremony::default(),
            guests: Guests::default(),
            festival: Festival::default(),
            visits: Visits::default(),
            honors: Honors::default(),
            new_year: None,
            error: None,
            notice: None,
            today,
        }
    }

    /// The file's whole content changed (a restore): every screen starts again from `data`,
    /// on the same section.
    pub fn reload(&mut self, data: Snapshot) {
        let section = self.section;
        *self = Workspace::new(Arc::clone(&self.db), data, self.today);
        self.section = section;
    }

    pub fn refreshed(&mut self, data: Snapshot, done: Done) {
        if data.plan.event.id != self.settings.event_id() {
            self.settings = Settings::new(&data);
            self.overview = Overview::default();
            self.ceremony = Ceremony::default();
            self.guests = Guests::default();
            self.festival = Festival::default();
            self.visits = Visits::default();
            self.honors = Honors::default();
            self.report = Report::new(&data);
            self.unit_reports = UnitReports::default();
        }
        // The job says what it created: each id goes to the screen of its kind.
        let mut visits = Vec::new();
        for created in done.created {
            let (id, label) = (created.id, created.label.as_str());
            match created.kind {
                Kind::Delegate | Kind::Point => self.guests.added(&created),
                Kind::Step => self.overview.added(id, label),
                Kind::ProgramItem => self.ceremony.added(id, label),
                Kind::Activity => self.festival.added(id, label),
                Kind::Household => self.visits.added_household(id, label),
                Kind::Visit => visits.push(id),
                Kind::Decision => self.honors.added_decision(id, label),
                Kind::Recipient => self.honors.added_recipient(id, label),
                Kind::ExpectedUnit => self.unit_reports.added(id, label),
            }
        }
        if !visits.is_empty() {
            self.visits.added_visits(visits);
        }
        match done.removed {
            Some(Removed::Household(removed)) => self.visits.removed_household(removed),
            Some(Removed::Decision(removed)) => self.honors.removed_decision(removed),
            None => {}
        }
        // An import's note goes to the screen that imported (the one shown).
        if let Some(note) = done.note {
            match self.section {
                Section::Honors => self.honors.imported(note),
                Section::Consolidation => self.unit_reports.noted(note),
                _ => self.visits.imported(note),
            }
        }
        self.data = data;
        self.report.refresh(&self.data);
        self.festival.refresh(&self.data);
        self.certificates.refresh(&self.data);
        self.honors.refresh(&self.data);
        if self.section == Section::Papers {
            self.papers.refresh(&self.data);
        }
        self.error = None;
    }

    /// `busy`: changes are still on their way to the file (a restore waits for them).
    pub fn update(&mut self, message: Message, busy: bool) -> Update {
        let event_id = self.data.plan.event.id;
        match message {
            Message::Navigate(section) => {
                self.navigate(section);
                none()
            }
            Message::YearPicked(year) => {
                self.new_year = None;
                (Task::none(), Some(Event::Write(jobs::show_year(year))))
            }
            Message::NewYear(step) => self.new_year(step),
            Message::DismissError => {
                self.error = None;
                self.notice = None;
                none()
            }
            Message::RetrySave => (Task::none(), Some(Event::RetrySave)),
            Message::Shortcut(shortcut) => self.shortcut(shortcut, busy),
            Message::Overview(message) => {
                let (task, event) = self.overview.update(message, &self.data);
                let job = event.map(|event| jobs::record(event_id, event));
                write(task, Message::Overview, job)
            }
            Message::Ceremony(message) => {
                let (task, event) = self.ceremony.update(message, &self.data);
                let job = event.map(|event| jobs::program(event_id, event));
                write(task, Message::Ceremony, job)
            }
            Message::Guests(message) => {
                let (task, event) = self.guests.update(message, &self.data);
                let job = event.map(|event| jobs::guests(event_id, event));
                write(task, Message::Guests, job)
            }
            Message::Festival(message) => {
                let (task, event) = self.festival.update(message, &self.data);
                let job = event.map(|event| jobs::record(event_id, event));
                write(task, Message::Festival, job)
            }
            Message::Visits(message) => {
                let (task, event) = self.visits.update(message, &self.data, self.today);
                let job = event.map(|event| jobs::visits(event_id, event));
                write(task, Message::Visits, job)
            }
            // "In giấy khen…" opens the printing section.
            Message::Honors(honors::Message::Print) => {
                self.section = Section::Certificates;
                none()
            }
            Message::Honors(message) => {
                let (task, event) = self.honors.update(message, &self.data, self.today);
                let job = event.map(|event| jobs::honors(event_id, &self.data, event));
                write(task, Message::Honors, job)
            }
            Message::Certificates(message) => {
                let (task, event) = self.certificates.update(message, &self.data);
                let job = match event {
                    Some(certificates::Event::Open(path)) => self.open(&path),
                    Some(event) => jobs::certificates(event),
                    None => None,
                };
                write(task, Message::Certificates, job)
            }
            Message::Papers(message) => {
                let (task, event) = self.papers.update(message, &self.data);
                let job = match event {
                    Some(papers::Event::Open(path)) => self.open(&path),
                    None => None,
                };
                write(task, Message::Papers, job)
            }
            Message::Report(message) => {
                let (task, event) = self.report.update(message, &self.data);
                let job = match event {
                    Some(report::Event::Open(path)) => self.open(&path),
                    Some(event) => jobs::report(event_id, event),
                    None => None,
                };
                write(task, Message::Report, job)
            }
            Message::Consolidation(message) => {
                let (task, event) = self.unit_reports.update(message, &self.data);
                let job = match event {
                    Some(consolidation::Event::Open(path)) => self.open(&path),
                    Some(event) => jobs::consolidation(event_id, self.data.plan.event.year, event),
                    None => None,
                };
                write(task, Message::Consolidation, job)
            }
            Message::Settings(message) => self.settings_update(message, busy),
        }
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    fn navigate(&mut self, section: Section) {
        if section == Section::Settings && self.section != Section::Settings {
            self.settings = Settings::new(&self.data);
        }
        if section == Section::Papers {
            self.papers.refresh(&self.data);
        }
        self.section = section;
    }

    /// Opens a file the secretary saved (in its viewer); what went wrong is shown. No job.
    fn open(&mut self, path: &std::path::Path) -> Option<Job> {
        if let Err(message) = super::system::open(path) {
            self.error = Some(message);
        }
        None
    }

    /// A keyboard shortcut means what the screen shown says it means; what it does not claim
    /// means the same everywhere: Ctrl+N adds a preparation step, Ctrl+P shows the last paper
    /// on "In ấn", Escape closes every form and the new-year panel.
    fn shortcut(&mut self, shortcut: Shortcut, busy: bool) -> Update {
        if shortcut == Shortcut::Close {
            self.new_year = None;
            self.overview.close();
            self.ceremony.close();
            self.guests.close();
            self.festival.close();
            self.visits.close();
            self.honors.close();
            self.unit_reports.close();
            return none();
        }
        let action = match self.section {
            Section::Overview => overview::shortcut(shortcut).map(|a| a.map(Message::Overview)),
            Section::Ceremony => ceremony::shortcut(shortcut).map(|a| a.map(Message::Ceremony)),
            Section::Guests => guests::shortcut(shortcut).map(|a| a.map(Message::Guests)),
            Section::Festival => festival::shortcut(shortcut).map(|a| a.map(Message::Festival)),
            Section::Visits => visits::shortcut(shortcut).map(|a| a.map(Message::Visits)),
            Section::Honors => honors::shortcut(shortcut).map(|a| a.map(Message::Honors)),
            Section::Certificates => {
                certificates::shortcut(shortcut).map(|a| a.map(Message::Certificates))
            }
            Section::Papers => papers::shortcut(shortcut).map(|a| a.map(Message::Papers)),
            Section::Report => report::shortcut(shortcut).map(|a| a.map(Message::Report)),
            Section::Consolidation => {
                consolidation::shortcut(shortcut).map(|a| a.map(Message::Consolidation))
            }
            Section::Settings => settings::shortcut(shortcut).map(|a| a.map(Message::Settings)),
        };
        match (action, shortcut) {
            (Some(Action::Update(message)), _) => self.update(message, busy),
            (Some(Action::ShowPaper(paper)), _) => self.show_paper(paper, busy),
            (None, Shortcut::New) => {
                self.section = Section::Overview;
                let new = overview::Message::Checklist(records::Message::New);
                self.update(Message::Overview(new), busy)
            }
            (None, Shortcut::Print) => self.show_paper(self.papers.paper(), busy),
            (None, _) => none(),
        }
    }

    fn show_paper(&mut self, paper: crate::papers::Paper, busy: bool) -> Update {
        self.section = Section::Papers;
        self.update(Message::Papers(papers::Message::Pick(paper)), busy)
    }

    fn settings_update(&mut self, message: settings::Message, busy: bool) -> Update {
        let (task, event) = self.settings.update(message);
        let task = task.map(Message::Settings);
        let job: Job = match event {
            Some(settings::Event::SaveAreas(areas)) => {
                jobs::change(move |s: &mut Store| s.set_areas(&areas))
            }
            Some(settings::Event::SaveUnit { base, unit }) => jobs::save_unit(base, unit),
            Some(settings::Event::SaveEvent { base, event }) => {
                jobs::change(move |s: &mut Store| s.save_event_changes(&base, &event))
            }
            Some(settings::Event::Backup(event)) => {
                return (Task::batch([task, self.backups_event(event, busy)]), None);
            }
            Some(settings::Event::Password(event)) => {
                return (Task::batch([task, self.password_event(event, busy)]), None);
            }
            Some(settings::Event::Reveal(dir)) => {
                if let Err(message) = super::system::open_folder(&dir) {
                    self.error = Some(message);
                }
                return (task, None);
            }
            None => return (task, None),
        };
        (task, Some(Event::Write(job)))
    }

    fn new_year(&mut self, step: NewYear) -> Update {
        match step {
            NewYear::Open => {
                let next = self
                    .data
                    .years
                    .iter()
                    .max()
                    .map_or(self.data.plan.event.year, |y| y + 1);
                self.new_year = Some(next.to_string());
                (iced::widget::operation::focus("new-year"), None)
            }
            NewYear::Edited(raw) => {
                self.new_year = Some(Typed::from_raw(&raw).value);
                none()
            }
            NewYear::Cancel => {
                self.new_year = None;
                none()
            }
            NewYear::Confirm => {
                let Some(typed) = self.new_year.as_deref() else {
                    return none();
                };
                let Ok(year) = typed.trim().parse::<i32>() else {
                    self.error = Some(format!("Năm “{}” không hợp lệ.", typed.trim()));
                    return none();
                };
                self.new_year = None;
                let job: Job = Box::new(move |store: &mut Store| {
                    let event = store.start_year(year)?;
                    Ok(Done {
                        year: Some(event.year),
                        ..Done::default()
                    })
                });
                (Task::none(), Some(Event::Write(job)))
            }
        }
    }
}

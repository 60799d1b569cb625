//! The application: which phase the window is in (cannot open / welcome / workspace), the
//! sidebar, and turning screen events into storage jobs.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use iced::widget::{Space, button, column, container, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length, Padding, Subscription, Task, keyboard};

use super::data::{Db, Done, Job, Outcome, Snapshot, Writer};
use super::screen::failure::{self, Failure};
use super::screen::overview::{self, Overview};
use super::screen::settings::{self, Settings};
use super::screen::welcome::{self, Welcome};
use super::widget::Typed;
use super::{font, theme};
use crate::storage::{Store, StoreError};

pub struct App {
    db_path: PathBuf,
    /// The day overdue steps are measured against (fixed in tests).
    today: NaiveDate,
    phase: Phase,
    writer: Writer,
}

#[allow(clippy::large_enum_variant)]
enum Phase {
    Failed(Failure),
    Welcome { db: Db, screen: Welcome },
    Ready(Workspace),
}

struct Workspace {
    db: Db,
    data: Snapshot,
    section: Section,
    overview: Overview,
    settings: Settings,
    /// The year typed in the "new year" panel, when it is open.
    new_year: Option<String>,
    /// The last thing that went wrong (a change not saved, a backup not made), in Vietnamese.
    error: Option<String>,
    /// Title of a step being added, to offer undoing the addition once it has its id.
    adding: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overview,
    Settings,
}

#[derive(Debug, Clone)]
pub enum Message {
    Failure(failure::Message),
    Welcome(welcome::Message),
    Overview(overview::Message),
    Settings(settings::Message),
    Navigate(Section),
    YearPicked(i32),
    NewYear(NewYear),
    Written(Box<Outcome>),
    Shortcut(Shortcut),
    DismissError,
}

#[derive(Debug, Clone)]
pub enum NewYear {
    Open,
    Edited(String),
    Confirm,
    Cancel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    New,
    Undo,
    /// Escape: close what is open (a step being edited, the new-year panel).
    Close,
    /// Tab and Shift+Tab move between fields.
    NextField,
    PreviousField,
}

impl App {
    /// Opens the data file; a file that cannot be opened gives the failure screen.
    pub fn boot(db_path: PathBuf, today: NaiveDate) -> App {
        App {
            phase: open(&db_path, today),
            db_path,
            today,
            writer: Writer::default(),
        }
    }

    pub fn title(&self) -> String {
        const NAME: &str = "Ngày hội Toàn dân bảo vệ ANTQ";
        match &self.phase {
            Phase::Ready(ws) => {
                format!("{NAME} — {}, năm {}", ws.data.unit.name, ws.data.event.year)
            }
            _ => NAME.to_string(),
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        keyboard::listen().filter_map(shortcut)
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Written(outcome) => self.written(*outcome),
            Message::Shortcut(Shortcut::NextField) => iced::widget::operation::focus_next(),
            Message::Shortcut(Shortcut::PreviousField) => iced::widget::operation::focus_previous(),
            Message::Failure(message) => {
                let Phase::Failed(screen) = &mut self.phase else {
                    return Task::none();
                };
                let (task, event) = screen.update(message);
                match event {
                    Some(failure::Event::Retry) => self.phase = open(&self.db_path, self.today),
                    Some(failure::Event::Open(path)) => {
                        self.db_path = path;
                        self.phase = open(&self.db_path, self.today);
                    }
                    None => {}
                }
                task.map(Message::Failure)
            }
            Message::Welcome(message) => {
                let Phase::Welcome { db, screen } = &mut self.phase else {
                    return Task::none();
                };
                let (task, event) = screen.update(message);
                let db = Arc::clone(db);
                let job: Option<Job> = match event {
                    Some(welcome::Event::Create(setup)) => {
                        Some(Box::new(move |store: &mut Store| {
                            let (unit, event) = *setup;
                            let event = store.initialize(&unit, &event)?;
                            Ok(Done {
                                year: Some(event.year),
                                created: None,
                            })
                        }))
                    }
                    Some(welcome::Event::UseDemo) => Some(Box::new(|store: &mut Store| {
                        store.fill_demo(&crate::demo::build())?;
                        Ok(Done {
                            year: Some(crate::demo::DEMO_YEAR),
                            created: None,
                        })
                    })),
                    None => None,
                };
                let write = job.map(|job| self.writer.push(&db, None, job, written_message));
                Task::batch([task.map(Message::Welcome), write.unwrap_or_else(Task::none)])
            }
            message => {
                let Phase::Ready(ws) = &mut self.phase else {
                    return Task::none();
                };
                ws.update(message, &mut self.writer)
            }
        }
    }

    fn written(&mut self, outcome: Outcome) -> Task<Message> {
        match (&mut self.phase, outcome) {
            (Phase::Welcome { db, screen }, result) => {
                let db = Arc::clone(db);
                match result {
                    Ok((Some(data), _)) => {
                        self.phase = Phase::Ready(Workspace::new(db.clone(), data))
                    }
                    Ok((None, _)) => screen.failed("Chưa lưu được thông tin đơn vị.".into()),
                    Err(message) => screen.failed(message),
                }
                self.writer.finished(&db, None, written_message)
            }
            (Phase::Ready(ws), result) => {
                match result {
                    Ok((Some(data), done)) => ws.refreshed(data, done),
                    Ok((None, _)) => {}
                    Err(message) => ws.error = Some(message),
                }
                let year = Some(ws.data.event.year);
                self.writer.finished(&ws.db, year, written_message)
            }
            (Phase::Failed(_), _) => Task::none(),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        match &self.phase {
            Phase::Failed(screen) => screen.view().map(Message::Failure),
            Phase::Welcome { screen, .. } => screen.view().map(Message::Welcome),
            Phase::Ready(ws) => ws.view(self.today, self.writer.is_saving()),
        }
    }

    /// True while changes are on their way to the file.
    pub fn is_saving(&self) -> bool {
        self.writer.is_saving()
    }

    /// The workspace's data, for tests and the title.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        match &self.phase {
            Phase::Ready(ws) => Some(&ws.data),
            _ => None,
        }
    }

    pub fn section(&self) -> Option<Section> {
        match &self.phase {
            Phase::Ready(ws) => Some(ws.section),
            _ => None,
        }
    }

    /// The sentence shown on the failure screen, or under the welcome form.
    pub fn problem(&self) -> Option<String> {
        match &self.phase {
            Phase::Failed(screen) => Some(screen.reason.clone()),
            Phase::Welcome { screen, .. } => screen.error.clone(),
            Phase::Ready(ws) => ws.error.clone().or_else(|| ws.settings.error.clone()),
        }
    }
}

fn open(path: &Path, today: NaiveDate) -> Phase {
    let failed = |e: StoreError| {
        Phase::Failed(Failure {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })
    };
    let store = match Store::open(path) {
        Ok(store) => store,
        Err(e) => return failed(e),
    };
    let loaded = Snapshot::load(&store, None);
    // A copy on every start, so that a bad day can always be undone from the backups folder.
    let backup = match &loaded {
        Ok(Some(_)) => store.backup_now(chrono::Local::now().naive_local()).err(),
        _ => None,
    };
    let db: Db = Arc::new(Mutex::new(store));
    match loaded {
        Ok(Some(data)) => {
            let mut workspace = Workspace::new(db, data);
            workspace.error =
                backup.map(|e| format!("Chưa tạo được bản sao lưu khi mở ứng dụng: {e}"));
            Phase::Ready(workspace)
        }
        Ok(None) => Phase::Welcome {
            db,
            screen: Welcome::new(today),
        },
        Err(e) => failed(e),
    }
}

impl Workspace {
    fn new(db: Db, data: Snapshot) -> Workspace {
        Workspace {
            settings: Settings::new(&data),
            db,
            data,
            section: Section::Overview,
            overview: Overview::default(),
            new_year: None,
            error: None,
            adding: None,
        }
    }

    fn refreshed(&mut self, data: Snapshot, done: Done) {
        if data.event.id != self.settings.event_id() {
            self.settings = Settings::new(&data);
            self.overview = Overview::default();
        }
        if let (Some(id), Some(title)) = (done.created, self.adding.take()) {
            self.overview.added(id, &title);
        }
        self.data = data;
        self.error = None;
    }

    fn push(&mut self, writer: &mut Writer, job: Job) -> Task<Message> {
        writer.push(&self.db, Some(self.data.event.year), job, written_message)
    }

    fn update(&mut self, message: Message, writer: &mut Writer) -> Task<Message> {
        match message {
            Message::Navigate(section) => {
                if section == Section::Settings && self.section != Section::Settings {
                    self.settings = Settings::new(&self.data);
                }
                self.section = section;
                Task::none()
            }
            Message::YearPicked(year) => {
                self.new_year = None;
                self.push(
                    writer,
                    Box::new(move |_| {
                        Ok(Done {
                            year: Some(year),
                            created: None,
                        })
                    }),
                )
            }
            Message::NewYear(step) => self.new_year(step, writer),
            Message::DismissError => {
                self.error = None;
                Task::none()
            }
            Message::Shortcut(Shortcut::New) => {
                self.section = Section::Overview;
                self.overview_update(overview::Message::New, writer)
            }
            Message::Shortcut(Shortcut::Close) => {
                self.new_year = None;
                self.overview_update(overview::Message::CancelDraft, writer)
            }
            Message::Shortcut(Shortcut::NextField | Shortcut::PreviousField) => Task::none(),
            Message::Shortcut(Shortcut::Undo) => match self.section {
                Section::Overview => self.overview_update(overview::Message::Undo, writer),
                Section::Settings => self.settings_update(settings::Message::Undo, writer),
            },
            Message::Overview(message) => self.overview_update(message, writer),
            Message::Settings(message) => self.settings_update(message, writer),
            Message::Failure(_) | Message::Welcome(_) | Message::Written(_) => Task::none(),
        }
    }

    fn overview_update(
        &mut self,
        message: overview::Message,
        writer: &mut Writer,
    ) -> Task<Message> {
        let (task, event) = self.overview.update(message, &self.data);
        let event_id = self.data.event.id;
        let job: Option<Job> = match event {
            Some(overview::Event::Save(item)) => Some(Box::new(move |store: &mut Store| {
                store.save_checklist_item(&item)?;
                Ok(Done::default())
            })),
            Some(overview::Event::Add(item)) => {
                let fresh = item.id == 0;
                if fresh {
                    self.adding = Some(item.title.trim().to_string());
                }
                Some(Box::new(move |store: &mut Store| {
                    let added = store.add_checklist_item(event_id, &item)?;
                    Ok(Done {
                        year: None,
                        created: fresh.then_some(added.id),
                    })
                }))
            }
            Some(overview::Event::Remove(id)) => Some(Box::new(move |store: &mut Store| {
                store.delete_checklist_item(id)?;
                Ok(Done::default())
            })),
            None => None,
        };
        let write = job
            .map(|job| self.push(writer, job))
            .unwrap_or_else(Task::none);
        Task::batch([task.map(Message::Overview), write])
    }

    fn settings_update(
        &mut self,
        message: settings::Message,
        writer: &mut Writer,
    ) -> Task<Message> {
        let (task, event) = self.settings.update(message);
        let job: Option<Job> = match event {
            Some(settings::Event::SaveUnit(unit)) => Some(Box::new(move |store: &mut Store| {
                store.save_unit(&unit)?;
                Ok(Done::default())
            })),
            Some(settings::Event::SaveEvent(event)) => Some(Box::new(move |store: &mut Store| {
                store.save_event(&event)?;
                Ok(Done::default())
            })),
            Some(settings::Event::Reveal(dir)) => {
                if let Err(message) = super::system::reveal(&dir) {
                    self.error = Some(message);
                }
                None
            }
            None => None,
        };
        let write = job
            .map(|job| self.push(writer, job))
            .unwrap_or_else(Task::none);
        Task::batch([task.map(Message::Settings), write])
    }

    fn new_year(&mut self, step: NewYear, writer: &mut Writer) -> Task<Message> {
        match step {
            NewYear::Open => {
                let next = self
                    .data
                    .years
                    .iter()
                    .max()
                    .map_or(self.data.event.year, |y| y + 1);
                self.new_year = Some(next.to_string());
                iced::widget::operation::focus("new-year")
            }
            NewYear::Edited(raw) => {
                let typed = Typed::from_raw(&raw);
                self.new_year = Some(typed.value);
                if typed.submit {
                    return self.new_year(NewYear::Confirm, writer);
                }
                Task::none()
            }
            NewYear::Cancel => {
                self.new_year = None;
                Task::none()
            }
            NewYear::Confirm => {
                let Some(typed) = self.new_year.as_deref() else {
                    return Task::none();
                };
                let Ok(year) = typed.trim().parse::<i32>() else {
                    self.error = Some(format!("Năm “{}” không hợp lệ.", typed.trim()));
                    return Task::none();
                };
                let source = copy_source(&self.data.years, year);
                self.new_year = None;
                self.push(
                    writer,
                    Box::new(move |store: &mut Store| {
                        let event = match source {
                            Some(from) => store.start_year_from(from, year)?,
                            None => store.start_year_fresh(year)?,
                        };
                        Ok(Done {
                            year: Some(event.year),
                            created: None,
                        })
                    }),
                )
            }
        }
    }

    fn view(&self, today: NaiveDate, saving: bool) -> Element<'_, Message> {
        let content: Element<'_, Message> = match self.section {
            Section::Overview => self.overview.view(&self.data, today).map(Message::Overview),
            Section::Settings => self
                .settings
                .view(&self.data, saving)
                .map(Message::Settings),
        };
        let error = self.error.as_deref().map(|message| {
            container(
                row![
                    text(format!("Chưa lưu được: {message}"))
                        .style(theme::danger_text)
                        .width(Length::Fill),
                    button(text("Đóng"))
                        .style(theme::link)
                        .on_press(Message::DismissError),
                ]
                .align_y(Alignment::Center),
            )
            .padding(Padding::from([8, 12]))
            .style(theme::error_box)
        });
        let main = column![]
            .push(error.map(|e| container(e).padding(Padding::from([16, 24]).bottom(0))))
            .push(self.new_year_panel())
            .push(content)
            .width(Length::Fill);
        row![self.sidebar(saving), main].into()
    }

    fn new_year_panel(&self) -> Option<Element<'_, Message>> {
        let typed = self.new_year.as_deref()?;
        let year = typed.trim().parse::<i32>().ok();
        let source = year.and_then(|y| copy_source(&self.data.years, y));
        let explanation = match source {
            Some(from) => format!(
                "Sao chép từ kế hoạch năm {from}: ngày tổ chức, đợt, chủ đề và các bước chuẩn bị (tất cả mở lại). Không sao chép: dấu đã xong và ghi chú của năm {from}."
            ),
            None => "Kế hoạch mới theo các bước chuẩn bị thông thường.".to_string(),
        };
        let confirm = match year {
            Some(y) => format!("Lập kế hoạch năm {y}"),
            None => "Lập kế hoạch".to_string(),
        };
        let panel = container(
            column![
                text("Lập kế hoạch cho năm mới")
                    .size(theme::HEADING)
                    .font(font::SEMIBOLD),
                row![
                    text("Năm:"),
                    text_input("2027", typed)
                        .id("new-year")
                        .on_input(|v| Message::NewYear(NewYear::Edited(v)))
                        .on_submit(Message::NewYear(NewYear::Confirm))
                        .padding(8)
                        .width(Length::Fixed(100.0)),
                    text(explanation).style(theme::muted).width(Length::Fill),
                ]
                .spacing(12)
                .align_y(Alignment::Center),
                row![
                    button(text(confirm).font(font::SEMIBOLD))
                        .style(theme::primary)
                        .padding([8, 16])
                        .on_press_maybe(year.map(|_| Message::NewYear(NewYear::Confirm))),
                    button(text("Hủy"))
                        .style(theme::secondary)
                        .padding([8, 16])
                        .on_press(Message::NewYear(NewYear::Cancel)),
                ]
                .spacing(12),
            ]
            .spacing(12),
        )
        .padding(16)
        .style(theme::notice);
        Some(
            container(panel)
                .padding(Padding::from([16, 24]).bottom(0))
                .into(),
        )
    }

    fn sidebar(&self, saving: bool) -> Element<'_, Message> {
        let nav = |label: &'static str, section: Section| {
            button(text(label).size(theme::TEXT_SIZE))
                .width(Length::Fill)
                .padding([9, 12])
                .style(theme::nav(self.section == section))
                .on_press(Message::Navigate(section))
        };
        let years = pick_list(
            self.data.years.clone(),
            Some(self.data.event.year),
            Message::YearPicked,
        )
        .padding([6, 10])
        .width(Length::Fill);
        let status = if saving {
            text("Đang lưu…").size(theme::SMALL).style(theme::muted)
        } else if self.error.is_some() {
            text("Có thay đổi chưa lưu được")
                .size(theme::SMALL)
                .style(theme::danger_text)
        } else {
            text("✓ Đã lưu")
                .size(theme::SMALL)
                .style(theme::success_text)
        };
        let content = column![
            text("Ngày hội").size(22).font(font::BOLD),
            text(&self.data.unit.name)
                .size(theme::SMALL)
                .style(theme::muted),
            Space::new().height(12),
            text("Năm").size(theme::SMALL).style(theme::muted),
            years,
            button(text("+ Năm mới").size(theme::SMALL))
                .style(theme::link)
                .padding([2, 0])
                .on_press(Message::NewYear(NewYear::Open)),
            Space::new().height(12),
            nav("Tổng quan", Section::Overview),
            nav("Cài đặt", Section::Settings),
            Space::new().height(Length::Fill),
            status,
        ]
        .spacing(6)
        .padding(16)
        .width(Length::Fixed(220.0));
        container(content)
            .height(Length::Fill)
            .style(theme::sidebar)
            .into()
    }
}

/// The app's keyboard shortcuts: Ctrl+N adds a step, Ctrl+Z undoes the last change (Cmd on
/// macOS), Tab moves between fields, Escape closes. Keys a focused text field used never reach
/// here.
pub fn shortcut(event: keyboard::Event) -> Option<Message> {
    use keyboard::key::Named;
    match event {
        keyboard::Event::KeyPressed {
            key: keyboard::Key::Named(named),
            modifiers,
            ..
        } => match named {
            Named::Tab if modifiers.shift() => Some(Message::Shortcut(Shortcut::PreviousField)),
            Named::Tab => Some(Message::Shortcut(Shortcut::NextField)),
            Named::Escape => Some(Message::Shortcut(Shortcut::Close)),
            _ => None,
        },
        keyboard::Event::KeyPressed {
            key: keyboard::Key::Character(c),
            modifiers,
            ..
        } if modifiers.command() => match c.as_str() {
            "n" | "N" => Some(Message::Shortcut(Shortcut::New)),
            "z" | "Z" => Some(Message::Shortcut(Shortcut::Undo)),
            _ => None,
        },
        _ => None,
    }
}

fn written_message(outcome: Outcome) -> Message {
    Message::Written(Box::new(outcome))
}

/// The plan a new year copies: the latest earlier year, else the earliest year there is.
fn copy_source(years: &[i32], year: i32) -> Option<i32> {
    years
        .iter()
        .copied()
        .filter(|y| *y < year)
        .max()
        .or_else(|| years.iter().copied().min())
}

//! The workspace: the sidebar (unit, year, sections, saved state) and the current section's
//! screen. Screen events become storage jobs (`jobs`), run in order by the app's writer.

use std::sync::Arc;

use chrono::NaiveDate;
use iced::widget::{Space, button, column, container, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length, Padding, Task};

use super::app::{Message, NewYear, Shortcut, copy_source, written_message};
use super::data::{Db, Done, Job, Kind, Removed, Snapshot, Writer};
use super::records;
use super::screen::ceremony::{self, Ceremony};
use super::screen::certificates::{self, Certificates};
use super::screen::festival::{self, Festival};
use super::screen::guests::{self, Guests};
use super::screen::honors::{self, Honors};
use super::screen::overview::{self, Overview};
use super::screen::papers::{self, Papers};
use super::screen::report::{self, ReportScreen};
use super::screen::settings::{self, Settings};
use super::screen::visits::{self, Visits};
use super::widget::Typed;
use super::{font, jobs, theme};
use crate::storage::Store;

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
    Settings,
}

impl Section {
    /// The sidebar, in the order a campaign runs.
    const ALL: [(Section, &'static str); 10] = [
        (Section::Overview, "Tổng quan"),
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
    report: ReportScreen,
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
            report: ReportScreen::new(&data),
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
        if data.event.id != self.settings.event_id() {
            self.settings = Settings::new(&data);
            self.overview = Overview::default();
            self.ceremony = Ceremony::default();
            self.guests = Guests::default();
            self.festival = Festival::default();
            self.visits = Visits::default();
            self.honors = Honors::default();
            self.report = ReportScreen::new(&data);
        }
        // The job says what it created: each id goes to the screen of its kind.
        let mut visits = Vec::new();
        for created in done.created {
            let (id, name) = (created.id, created.name.as_str());
            match created.kind {
                Kind::Delegate | Kind::Point => self.guests.added(&created),
                Kind::Step => self.overview.added(id, name),
                Kind::ProgramItem => self.ceremony.added(id, name),
                Kind::Activity => self.festival.added(id, name),
                Kind::Household => self.visits.added_household(id, name),
                Kind::Visit => visits.push(id),
                Kind::Decision => self.honors.added_decision(id, name),
                Kind::Recipient => self.honors.added_recipient(id, name),
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
                _ => self.visits.imported(note),
            }
        }
        self.data = data;
        self.report.refresh(&self.data);
        self.certificates.refresh(&self.data);
        if self.section == Section::Papers {
            self.papers.refresh(&self.data);
        }
        self.error = None;
    }

    fn push(&mut self, writer: &mut Writer, job: Job) -> Task<Message> {
        writer.push(&self.db, Some(self.data.event.year), job, written_message)
    }

    pub fn update(&mut self, message: Message, writer: &mut Writer) -> Task<Message> {
        match message {
            Message::Navigate(section) => {
                if section == Section::Settings && self.section != Section::Settings {
                    self.settings = Settings::new(&self.data);
                }
                if section == Section::Papers {
                    self.papers.refresh(&self.data);
                }
                self.section = section;
                Task::none()
            }
            Message::YearPicked(year) => {
                self.new_year = None;
                self.push(writer, jobs::show_year(year))
            }
            Message::NewYear(step) => self.new_year(step, writer),
            Message::DismissError => {
                self.error = None;
                self.notice = None;
                Task::none()
            }
            Message::RetrySave => {
                writer.retry(&self.db, Some(self.data.event.year), written_message)
            }
            Message::Shortcut(shortcut) => self.shortcut(shortcut, writer),
            Message::Overview(message) => self.overview_update(message, writer),
            Message::Ceremony(message) => self.ceremony_update(message, writer),
            Message::Guests(message) => self.guests_update(message, writer),
            Message::Festival(message) => self.festival_update(message, writer),
            Message::Visits(message) => self.visits_update(message, writer),
            Message::Honors(message) => self.honors_update(message, writer),
            Message::Certificates(message) => self.certificates_update(message, writer),
            Message::Papers(message) => self.papers_update(message),
            Message::Report(message) => self.report_update(message, writer),
            Message::Settings(message) => self.settings_update(message, writer),
            Message::Failure(_)
            | Message::Welcome(_)
            | Message::Written(_)
            | Message::Poll
            | Message::Polled(_) => Task::none(),
        }
    }

    /// Keyboard shortcuts act on the current section.
    fn shortcut(&mut self, shortcut: Shortcut, writer: &mut Writer) -> Task<Message> {
        match (shortcut, self.section) {
            (Shortcut::New, Section::Guests) => self.guests_update(guests::Message::New, writer),
            (Shortcut::New, Section::Festival) => {
                self.festival_update(festival::Message::Activities(records::Message::New), writer)
            }
            (Shortcut::Undo, Section::Festival) => {
                self.festival_update(festival::Message::Undo, writer)
            }
            (Shortcut::Undo, Section::Guests) => self.guests_update(guests::Message::Undo, writer),
            (Shortcut::New, Section::Visits) => self.visits_update(visits::Message::New, writer),
            (Shortcut::New, Section::Honors) => self.honors_update(honors::Message::New, writer),
            (Shortcut::Undo, Section::Honors) => self.honors_update(honors::Message::Undo, writer),
            (Shortcut::Undo, Section::Visits) => self.visits_update(visits::Message::Undo, writer),
            (Shortcut::Find, Section::Visits) => self.visits_update(visits::Message::Find, writer),
            (Shortcut::New, Section::Ceremony) => {
                self.ceremony_update(ceremony::Message::Items(records::Message::New), writer)
            }
            (Shortcut::New, _) => {
                self.section = Section::Overview;
                self.overview_update(overview::Message::Checklist(records::Message::New), writer)
            }
            (Shortcut::Close, _) => {
                self.new_year = None;
                let overview = self.overview_update(
                    overview::Message::Checklist(records::Message::Cancel),
                    writer,
                );
                self.ceremony.close();
                let guests = self.guests_update(guests::Message::Cancel, writer);
                let festival = self.festival_update(festival::Message::Cancel, writer);
                let visits = self.visits_update(visits::Message::Cancel, writer);
                let honors = self.honors_update(honors::Message::Cancel, writer);
                Task::batch([overview, guests, festival, visits, honors])
            }
            (Shortcut::Undo, Section::Overview) => {
                self.overview_update(overview::Message::Checklist(records::Message::Undo), writer)
            }
            (Shortcut::Undo, Section::Ceremony) => {
                self.ceremony_update(ceremony::Message::Undo, writer)
            }
            (Shortcut::Undo, Section::Settings) => {
                self.settings_update(settings::Message::Undo, writer)
            }
            (Shortcut::MoveUp, Section::Ceremony) => {
                self.ceremony_update(ceremony::Message::MoveSelected(-1), writer)
            }
            (Shortcut::MoveDown, Section::Ceremony) => {
                self.ceremony_update(ceremony::Message::MoveSelected(1), writer)
            }
            (Shortcut::Print, Section::Certificates) => {
                self.certificates_update(certificates::Message::Save, writer)
            }
            (Shortcut::Print, Section::Papers) => self.papers_update(papers::Message::Save),
            (Shortcut::Print, Section::Honors) => {
                self.section = Section::Certificates;
                Task::none()
            }
            (Shortcut::Print, Section::Report) => {
                self.report_update(report::Message::Export, writer)
            }
            (Shortcut::Undo, Section::Report) => self.report_update(report::Message::Undo, writer),
            (Shortcut::Print, section) => {
                let paper = match section {
                    Section::Ceremony => crate::papers::Paper::Program,
                    Section::Festival => crate::papers::Paper::Festival,
                    Section::Visits => crate::papers::Paper::Receipts,
                    _ => self.papers.paper(),
                };
                self.section = Section::Papers;
                self.papers_update(papers::Message::Pick(paper))
            }
            (
                Shortcut::Undo
                | Shortcut::MoveUp
                | Shortcut::MoveDown
                | Shortcut::NextField
                | Shortcut::PreviousField
                | Shortcut::Find,
                _,
            ) => Task::none(),
        }
    }

    fn overview_update(
        &mut self,
        message: overview::Message,
        writer: &mut Writer,
    ) -> Task<Message> {
        let (task, event) = self.overview.update(message, &self.data);
        let task = task.map(Message::Overview);
        let Some(event) = event else { return task };
        let job = jobs::checklist(self.data.event.id, event);
        Task::batch([task, self.push(writer, job)])
    }

    fn ceremony_update(
        &mut self,
        message: ceremony::Message,
        writer: &mut Writer,
    ) -> Task<Message> {
        let (task, event) = self.ceremony.update(message, &self.data);
        let task = task.map(Message::Ceremony);
        let Some(event) = event else { return task };
        let job = jobs::program(self.data.event.id, event);
        Task::batch([task, self.push(writer, job)])
    }

    fn festival_update(
        &mut self,
        message: festival::Message,
        writer: &mut Writer,
    ) -> Task<Message> {
        let (task, event) = self.festival.update(message, &self.data);
        let task = task.map(Message::Festival);
        let Some(event) = event else { return task };
        let job = jobs::record(self.data.event.id, event);
        Task::batch([task, self.push(writer, job)])
    }

    fn guests_update(&mut self, message: guests::Message, writer: &mut Writer) -> Task<Message> {
        let (task, event) = self.guests.update(message, &self.data);
        let task = task.map(Message::Guests);
        let Some(event) = event else { return task };
        let job = jobs::guests(self.data.event.id, event);
        Task::batch([task, self.push(writer, job)])
    }

    fn visits_update(&mut self, message: visits::Message, writer: &mut Writer) -> Task<Message> {
        let (task, event) = self.visits.update(message, &self.data, self.today);
        let task = task.map(Message::Visits);
        let Some(event) = event else { return task };
        let job = jobs::visits(self.data.event.id, event);
        Task::batch([task, self.push(writer, job)])
    }

    fn honors_update(&mut self, message: honors::Message, writer: &mut Writer) -> Task<Message> {
        // "In giấy khen…" opens the printing section.
        if matches!(message, honors::Message::Print) {
            self.section = Section::Certificates;
            return Task::none();
        }
        let (task, event) = self.honors.update(message, &self.data, self.today);
        let task = task.map(Message::Honors);
        let Some(event) = event else { return task };
        let job = jobs::honors(self.data.event.id, &self.data, event);
        Task::batch([task, self.push(writer, job)])
    }

    fn papers_update(&mut self, message: papers::Message) -> Task<Message> {
        let (task, event) = self.papers.update(message, &self.data);
        if let Some(papers::Event::Open(path)) = event
            && let Err(message) = super::system::open(&path)
        {
            self.error = Some(message);
        }
        task.map(Message::Papers)
    }

    fn certificates_update(
        &mut self,
        message: certificates::Message,
        writer: &mut Writer,
    ) -> Task<Message> {
        let (task, event) = self.certificates.update(message, &self.data);
        let task = task.map(Message::Certificates);
        match event {
            Some(certificates::Event::Open(path)) => {
                if let Err(message) = super::system::open(&path) {
                    self.error = Some(message);
                }
                task
            }
            Some(event) => Task::batch([task, self.push(writer, jobs::certificates(event))]),
            None => task,
        }
    }

    fn report_update(&mut self, message: report::Message, writer: &mut Writer) -> Task<Message> {
        let (task, event) = self.report.update(message, &self.data);
        let task = task.map(Message::Report);
        match event {
            Some(report::Event::Open(path)) => {
                if let Err(message) = super::system::open(&path) {
                    self.error = Some(message);
                }
                task
            }
            Some(event) => {
                let job = jobs::report(self.data.event.id, event);
                Task::batch([task, self.push(writer, job)])
            }
            None => task,
        }
    }

    fn settings_update(
        &mut self,
        message: settings::Message,
        writer: &mut Writer,
    ) -> Task<Message> {
        let (task, event) = self.settings.update(message);
        let task = task.map(Message::Settings);
        let job: Job = match event {
            Some(settings::Event::SaveAreas(areas)) => {
                jobs::change(move |s: &mut Store| s.set_areas(&areas))
            }
            Some(settings::Event::SaveUnit { base, unit }) => {
                jobs::change(move |s: &mut Store| s.save_unit_changes(&base, &unit))
            }
            Some(settings::Event::SaveEvent { base, event }) => {
                jobs::change(move |s: &mut Store| s.save_event_changes(&base, &event))
            }
            Some(settings::Event::Backup(event)) => {
                return Task::batch([task, self.backups_event(event, writer)]);
            }
            Some(settings::Event::Reveal(dir)) => {
                if let Err(message) = super::system::open_folder(&dir) {
                    self.error = Some(message);
                }
                return task;
            }
            None => return task,
        };
        Task::batch([task, self.push(writer, job)])
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
                let job: Job = Box::new(move |store: &mut Store| {
                    let event = match source {
                        Some(from) => store.start_year_from(from, year)?,
                        None => store.start_year_fresh(year)?,
                    };
                    Ok(Done {
                        year: Some(event.year),
                        ..Done::default()
                    })
                });
                self.push(writer, job)
            }
        }
    }

    pub fn view<'a>(
        &'a self,
        today: NaiveDate,
        saving: bool,
        stalled: Option<&'a str>,
    ) -> Element<'a, Message> {
        let content: Element<'_, Message> = match self.section {
            Section::Overview => self.overview.view(&self.data, today).map(Message::Overview),
            Section::Ceremony => self.ceremony.view(&self.data).map(Message::Ceremony),
            Section::Guests => self.guests.view(&self.data).map(Message::Guests),
            Section::Festival => self.festival.view(&self.data).map(Message::Festival),
            Section::Visits => self.visits.view(&self.data).map(Message::Visits),
            Section::Honors => self.honors.view(&self.data).map(Message::Honors),
            Section::Certificates => self
                .certificates
                .view(&self.data)
                .map(Message::Certificates),
            Section::Papers => self.papers.view(&self.data).map(Message::Papers),
            Section::Report => self.report.view(&self.data).map(Message::Report),
            Section::Settings => self
                .settings
                .view(&self.data, saving)
                .map(Message::Settings),
        };
        let error = self.error.as_deref().map(|message| {
            container(
                row![
                    text(message).style(theme::danger_text).width(Length::Fill),
                    button(text("Đóng"))
                        .style(theme::link)
                        .on_press(Message::DismissError),
                ]
                .align_y(Alignment::Center),
            )
            .padding(Padding::from([8, 12]))
            .style(theme::error_box)
        });
        let notice = self.notice.as_deref().map(|message| {
            container(
                row![
                    text(message).width(Length::Fill),
                    button(text("Đóng"))
                        .style(theme::link)
                        .on_press(Message::DismissError),
                ]
                .align_y(Alignment::Center),
            )
            .padding(Padding::from([8, 12]))
            .style(theme::notice)
        });
        let main = column![]
            .push(notice.map(|e| container(e).padding(Padding::from([16, 24]).bottom(0))))
            .push(error.map(|e| container(e).padding(Padding::from([16, 24]).bottom(0))))
            .push(self.new_year_panel())
            .push(content)
            .width(Length::Fill);
        row![self.sidebar(saving, stalled), main].into()
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

    fn sidebar<'a>(&'a self, saving: bool, stalled: Option<&'a str>) -> Element<'a, Message> {
        let nav = |label: &'static str, section: Section| -> iced::widget::Button<'_, Message> {
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
        let status: Element<'a, Message> = if let Some(why) = stalled {
            column![
                text(format!("Chưa lưu được: {why}"))
                    .size(theme::SMALL)
                    .style(theme::danger_text),
                button(text("Thử lưu lại").size(theme::SMALL))
                    .style(theme::secondary)
                    .padding([4, 10])
                    .on_press(Message::RetrySave),
            ]
            .spacing(4)
            .into()
        } else if saving {
            text("Đang lưu…")
                .size(theme::SMALL)
                .style(theme::muted)
                .into()
        } else if self.error.is_some() {
            text("Có thay đổi chưa lưu được")
                .size(theme::SMALL)
                .style(theme::danger_text)
                .into()
        } else {
            text("✓ Đã lưu")
                .size(theme::SMALL)
                .style(theme::success_text)
                .into()
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
        ]
        .extend(
            Section::ALL
                .iter()
                .map(|(section, label)| nav(label, *section).into()),
        )
        .push(Space::new().height(Length::Fill))
        .push(status)
        .spacing(6)
        .padding(16)
        .width(Length::Fixed(220.0));
        container(content)
            .height(Length::Fill)
            .style(theme::sidebar)
            .into()
    }
}

//! "Tổng quan": where the committee stands. The campaign checklist with due dates that follow
//! the event date, overdue steps in red, and the figures of every section.

use chrono::{Datelike, NaiveDate, Weekday};
use iced::widget::{
    Space, button, checkbox, column, container, operation, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length, Padding, Task};

use crate::domain::checklist::offset_between;
use crate::domain::{ChecklistItem, DueState};
use crate::gui::data::Snapshot;
use crate::gui::history::History;
use crate::gui::widget::{Typed, page_title, plain, stat, table_header, undo_notice};
use crate::gui::{font, theme};
use crate::text::{date_short, parse_date};

const TITLE_INPUT: &str = "checklist-title";

#[derive(Debug, Clone, Default)]
pub struct Overview {
    /// The step being added or edited, if any.
    draft: Option<Draft>,
    /// Undo steps and the notice naming the newest.
    history: History<Undo>,
}

#[derive(Debug, Clone, PartialEq)]
struct Draft {
    /// `None` for a new step.
    id: Option<i64>,
    title: String,
    due: String,
    note: String,
    done: bool,
    error: Option<String>,
}

#[derive(Debug, Clone)]
enum Undo {
    /// Put back a removed step (same id).
    Removed(ChecklistItem),
    /// Return a step to how it was.
    Changed(ChecklistItem),
    /// Take away a step that was added.
    Added(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftField {
    Title,
    Due,
    Note,
}

#[derive(Debug, Clone)]
pub enum Message {
    Toggled(i64, bool),
    Edit(i64),
    New,
    DraftEdited(DraftField, String),
    SaveDraft,
    CancelDraft,
    Remove(i64),
    Undo,
}

/// Changes the overview asks the app to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Save(ChecklistItem),
    Add(ChecklistItem),
    Remove(i64),
}

impl Overview {
    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let find = |id: i64| data.checklist.iter().find(|item| item.id == id).cloned();
        match message {
            Message::Toggled(id, done) => {
                let Some(before) = find(id) else {
                    return none();
                };
                self.history.remember(Undo::Changed(before.clone()), None);
                (
                    Task::none(),
                    Some(Event::Save(ChecklistItem { done, ..before })),
                )
            }
            Message::Edit(id) => {
                let Some(item) = find(id) else { return none() };
                self.draft = Some(Draft {
                    id: Some(id),
                    due: date_short(item.due(data.event.date)),
                    title: item.title,
                    note: item.note,
                    done: item.done,
                    error: None,
                });
                (operation::focus(TITLE_INPUT), None)
            }
            Message::New => {
                self.draft = Some(Draft {
                    id: None,
                    title: String::new(),
                    due: date_short(data.event.date),
                    note: String::new(),
                    done: false,
                    error: None,
                });
                (operation::focus(TITLE_INPUT), None)
            }
            Message::DraftEdited(which, raw) => {
                let Some(draft) = self.draft.as_mut() else {
                    return none();
                };
                let typed = Typed::from_raw(&raw);
                match which {
                    DraftField::Title => draft.title = typed.value,
                    DraftField::Due => draft.due = typed.value,
                    DraftField::Note => draft.note = typed.value,
                }
                draft.error = None;
                if typed.submit {
                    return self.update(Message::SaveDraft, data);
                }
                none()
            }
            Message::SaveDraft => self.save_draft(data),
            Message::CancelDraft => {
                self.draft = None;
                none()
            }
            Message::Remove(id) => {
                let Some(item) = find(id) else { return none() };
                let notice = format!("Đã xóa “{}”.", item.title);
                self.history.remember(Undo::Removed(item), Some(notice));
                if self.draft.as_ref().is_some_and(|d| d.id == Some(id)) {
                    self.draft = None;
                }
                (Task::none(), Some(Event::Remove(id)))
            }
            Message::Undo => {
                let event = match self.history.pop() {
                    Some(Undo::Removed(item)) => Event::Add(item),
                    Some(Undo::Changed(item)) => Event::Save(item),
                    Some(Undo::Added(id)) => Event::Remove(id),
                    None => return none(),
                };
                (Task::none(), Some(event))
            }
        }
    }

    /// The app reports the id of a step it has just added, so that adding can be undone.
    pub fn added(&mut self, id: i64, title: &str) {
        self.history
            .remember(Undo::Added(id), Some(format!("Đã thêm “{title}”.")));
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    fn save_draft(&mut self, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let Some(draft) = self.draft.as_mut() else {
            return none();
        };
        let Some(due) = parse_date(&draft.due) else {
            draft.error = Some(format!(
                "Hạn “{}” không phải ngày hợp lệ (dd/mm/yyyy).",
                draft.due.trim()
            ));
            return none();
        };
        let item = ChecklistItem {
            id: draft.id.unwrap_or(0),
            title: draft.title.trim().to_string(),
            offset_days: offset_between(data.event.date, due),
            done: draft.done,
            note: draft.note.trim().to_string(),
        };
        if let Err(invalid) = item.validate() {
            draft.error = Some(invalid.0);
            return none();
        }
        let event = match draft.id {
            Some(id) => {
                if let Some(before) = data.checklist.iter().find(|i| i.id == id) {
                    self.history.remember(Undo::Changed(before.clone()), None);
                }
                Event::Save(item)
            }
            None => Event::Add(item),
        };
        self.draft = None;
        (Task::none(), Some(event))
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot, today: NaiveDate) -> Element<'a, Message> {
        let event = &data.event;
        let states: Vec<DueState> = data
            .checklist
            .iter()
            .map(|i| i.state(event.date, today))
            .collect();
        let count = |wanted: DueState| states.iter().filter(|s| **s == wanted).count();
        let done = count(DueState::Done);

        let header = row![
            page_title(
                format!("Tổng quan · Ngày hội năm {}", event.year),
                format!(
                    "{} · {}",
                    long_day(event.date),
                    countdown(event.date, today)
                ),
            ),
            Space::new().width(Length::Fill),
            button(text("+ Thêm việc").font(font::SEMIBOLD))
                .padding([10, 18])
                .style(theme::primary)
                .on_press(Message::New),
        ]
        .align_y(Alignment::Center);

        let figures = row![
            stat(
                format!("{done}/{}", states.len()),
                "việc đã xong",
                theme::success_text
            ),
            stat(
                count(DueState::Overdue).to_string(),
                "việc quá hạn",
                if count(DueState::Overdue) > 0 {
                    theme::danger_text
                } else {
                    plain
                }
            ),
            stat(
                count(DueState::Soon).to_string(),
                "việc đến hạn trong 7 ngày",
                if count(DueState::Soon) > 0 {
                    theme::warning_text
                } else {
                    plain
                }
            ),
            stat(data.years.len().to_string(), "năm đã lập kế hoạch", plain),
        ]
        .spacing(12);

        let theme_line = text(format!("Chủ đề: {}", event.theme)).style(theme::muted);
        let sections = text(section_counts(data)).size(theme::SMALL);
        let next = next_step(data, &states, today);

        let columns = [
            ("Xong · Công việc", Length::FillPortion(3)),
            ("Hạn", Length::Fixed(100.0)),
            ("Tình trạng", Length::Fixed(140.0)),
            ("Ghi chú", Length::FillPortion(2)),
            ("", Length::Fixed(96.0)),
        ];
        let mut rows = column![table_header(&columns)];
        if let Some(draft) = self.draft.as_ref().filter(|d| d.id.is_none()) {
            rows = rows.push(draft_row(draft));
        }
        for (item, state) in data.checklist.iter().zip(&states) {
            match self.draft.as_ref().filter(|d| d.id == Some(item.id)) {
                Some(draft) => rows = rows.push(draft_row(draft)),
                None => rows = rows.push(item_row(item, *state, event.date, today)),
            }
        }
        if data.checklist.is_empty() && self.draft.is_none() {
            rows = rows.push(
                container(
                    text("Chưa có việc nào. Bấm “+ Thêm việc” (Ctrl+N) để thêm.")
                        .style(theme::muted),
                )
                .padding(16),
            );
        }
        let checklist = container(rows).style(theme::card).width(Length::Fill);

        let notice = self
            .history
            .notice()
            .map(|message| undo_notice(message, Message::Undo));

        let content = column![header, theme_line, sections, figures, next]
            .push(notice)
            .push(
                text("Các bước chuẩn bị")
                    .size(theme::HEADING)
                    .font(font::SEMIBOLD),
            )
            .push(checklist)
            .spacing(16)
            .padding(24);
        scrollable(content).height(Length::Fill).into()
    }
}

/// The figures of every section, in one line: what exists so far.
pub fn section_counts(data: &Snapshot) -> String {
    let attending = data.delegates.iter().filter(|d| d.attending).count();
    let (expected, actual) = crate::domain::point::participants(&data.points);
    let people = if actual > 0 { actual } else { expected };
    let (awarded, _) = crate::domain::festival::prize_totals(&data.activities);
    format!(
        "Phần lễ: {} mục · Đại biểu: {attending}/{} tham dự · {} điểm tổ chức, {} người · Phần hội: {} hoạt động, {} tiền thưởng",
        data.program.len(),
        data.delegates.len(),
        data.points.len(),
        crate::text::thousands(i64::from(people)),
        data.activities.len(),
        crate::text::money(awarded),
    )
}

/// One line that says what to do next: the earliest open step, or that everything is done.
fn next_step<'a>(
    data: &'a Snapshot,
    states: &[DueState],
    today: NaiveDate,
) -> Element<'a, Message> {
    let open = data
        .checklist
        .iter()
        .zip(states)
        .find(|(_, state)| **state != DueState::Done);
    let (message, style): (String, theme::BoxStyle) = match open {
        Some((item, state)) => {
            let due = item.due(data.event.date);
            let when = match state {
                DueState::Overdue => format!("quá hạn {} ngày", (today - due).num_days()),
                _ if due == today => "hạn hôm nay".to_string(),
                _ => format!(
                    "hạn {}, còn {} ngày",
                    date_short(due),
                    (due - today).num_days()
                ),
            };
            let style = if *state == DueState::Overdue {
                theme::error_box
            } else {
                theme::notice
            };
            (format!("Việc cần làm tiếp: {} ({when})", item.title), style)
        }
        None if data.checklist.is_empty() => ("Chưa có bước chuẩn bị nào.".into(), theme::notice),
        None => (
            "Mọi bước chuẩn bị của năm nay đã xong.".into(),
            theme::notice,
        ),
    };
    container(text(message).font(font::SEMIBOLD))
        .padding(Padding::from([10, 14]))
        .width(Length::Fill)
        .style(style)
        .into()
}

fn none() -> (Task<Message>, Option<Event>) {
    (Task::none(), None)
}

fn item_row(
    item: &ChecklistItem,
    state: DueState,
    event_date: NaiveDate,
    today: NaiveDate,
) -> Element<'_, Message> {
    let (label, label_style, row_style): (String, theme::TextStyle, theme::BoxStyle) = match state {
        DueState::Done => ("Đã xong".into(), theme::success_text, theme::row_plain),
        DueState::Overdue => {
            let late = (today - item.due(event_date)).num_days();
            (
                format!("Quá hạn {late} ngày"),
                theme::danger_text,
                theme::row_overdue,
            )
        }
        DueState::Soon => ("Sắp đến hạn".into(), theme::warning_text, theme::row_soon),
        DueState::Later => (String::new(), theme::muted, theme::row_plain),
    };
    let id = item.id;
    container(
        row![
            checkbox(item.done)
                .label(&item.title)
                .on_toggle(move |done| Message::Toggled(id, done))
                .spacing(18)
                .width(Length::FillPortion(3)),
            text(date_short(item.due(event_date))).width(Length::Fixed(100.0)),
            text(label).style(label_style).width(Length::Fixed(140.0)),
            text(&item.note)
                .size(theme::SMALL)
                .style(theme::muted)
                .width(Length::FillPortion(2)),
            row![
                button(text("Sửa").size(theme::SMALL))
                    .style(theme::link)
                    .padding([2, 4])
                    .on_press(Message::Edit(id)),
                button(text("Xóa").size(theme::SMALL))
                    .style(theme::link_danger)
                    .padding([2, 4])
                    .on_press(Message::Remove(id)),
            ]
            .width(Length::Fixed(96.0)),
        ]
        .spacing(12)
        .align_y(Alignment::Center),
    )
    .padding(Padding::from([8, 12]))
    .style(row_style)
    .into()
}

fn draft_row(draft: &Draft) -> Element<'_, Message> {
    let edit = |which| move |value| Message::DraftEdited(which, value);
    let fields = row![
        text_input("Tên công việc", &draft.title)
            .id(TITLE_INPUT)
            .on_input(edit(DraftField::Title))
            .on_submit(Message::SaveDraft)
            .padding(6)
            .width(Length::FillPortion(3)),
        text_input("dd/mm/yyyy", &draft.due)
            .on_input(edit(DraftField::Due))
            .on_submit(Message::SaveDraft)
            .padding(6)
            .width(Length::Fixed(100.0)),
        Space::new().width(Length::Fixed(140.0)),
        text_input("Ghi chú", &draft.note)
            .on_input(edit(DraftField::Note))
            .on_submit(Message::SaveDraft)
            .padding(6)
            .width(Length::FillPortion(2)),
        row![
            button(text("Lưu").size(theme::SMALL))
                .style(theme::primary)
                .padding([4, 8])
                .on_press(Message::SaveDraft),
            button(text("Hủy").size(theme::SMALL))
                .style(theme::link)
                .padding([4, 4])
                .on_press(Message::CancelDraft),
        ]
        .spacing(4)
        .width(Length::Fixed(96.0)),
    ]
    .spacing(12)
    .align_y(Alignment::Center);
    let error = draft
        .error
        .as_deref()
        .map(|e| text(e).size(theme::SMALL).style(theme::danger_text));
    container(column![fields].push(error).spacing(4))
        .padding(Padding::from([8, 12]))
        .style(theme::notice)
        .into()
}

/// "Thứ Sáu, 14/08/2026".
pub fn long_day(date: NaiveDate) -> String {
    let day = match date.weekday() {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    };
    format!("{day}, {}", date_short(date))
}

/// How far the day is: "còn 12 ngày", "hôm nay", "đã diễn ra 100 ngày trước".
pub fn countdown(date: NaiveDate, today: NaiveDate) -> String {
    let days = (date - today).num_days();
    match days {
        0 => "hôm nay là Ngày hội".into(),
        1 => "ngày mai là Ngày hội".into(),
        d if d > 0 => format!("còn {d} ngày"),
        d => format!("đã diễn ra {} ngày trước", -d),
    }
}

//! "Tổng quan": where the committee stands. The campaign checklist with due dates that follow
//! the event date, overdue steps in red, and the figures of every section.

use chrono::{Datelike, NaiveDate, Weekday};
use iced::widget::{Column, checkbox, column, container, row, scrollable, text};
use iced::{Element, Length, Padding, Task};

use crate::domain::checklist::offset_between;
use crate::domain::{ChecklistItem, DueState};
use crate::gui::data::{Kind, Snapshot};
use crate::gui::records::{self, Record, Records};
use crate::gui::shortcut::{Action, Shortcut, new_and_undo};
use crate::gui::widget::{
    Slot, Table, count_stat, page_header, plain, primary_button, stat, submit_field, typed_date,
    undo_notice,
};
use crate::gui::{font, theme};
use crate::text::date_short;

const TITLE_INPUT: &str = "checklist-title";

#[derive(Debug, Default)]
pub struct Overview {
    /// The campaign's steps: added, edited, removed and undone by the records part.
    checklist: Records<ChecklistItem>,
}

/// A step's form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct StepDraft {
    title: String,
    due: String,
    note: String,
}

#[derive(Debug, Clone)]
pub enum Message {
    Toggled(i64, bool),
    Checklist(records::Message<ChecklistItem>),
}

/// Changes the overview asks the app to write.
pub type Event = records::Event<ChecklistItem>;

impl Record for ChecklistItem {
    type Draft = StepDraft;
    type Choice = std::convert::Infallible;
    const KIND: Kind = Kind::Step;
    const FOCUS: &'static str = TITLE_INPUT;

    fn list(data: &Snapshot) -> &[Self] {
        &data.plan.checklist
    }

    fn blank(data: &Snapshot) -> StepDraft {
        StepDraft {
            title: String::new(),
            due: date_short(data.plan.event.date),
            note: String::new(),
        }
    }

    fn draft(&self, data: &Snapshot) -> StepDraft {
        StepDraft {
            title: self.title.clone(),
            due: date_short(self.due(data.plan.event.date)),
            note: self.note.clone(),
        }
    }

    fn build(draft: &StepDraft, before: Option<&Self>, data: &Snapshot) -> Result<Self, String> {
        let due = typed_date(&draft.due, "Hạn")?;
        let item = ChecklistItem {
            id: before.map_or(0, |b| b.id),
            title: draft.title.clone(),
            offset_days: offset_between(data.plan.event.date, due),
            // The row's box ticks it, not the form: the stored row's, which undo may have
            // changed while the form was open.
            done: before.is_some_and(|b| b.done),
            note: draft.note.clone(),
        }
        .cleaned();
        item.validate().map_err(|invalid| invalid.0)?;
        Ok(item)
    }

    fn fields(draft: &StepDraft) -> Column<'_, records::Message<Self>> {
        let edit = |slot: Slot<StepDraft>| move |value| records::Message::Edited(slot, value);
        let save = records::Message::Save;
        column![
            row![
                submit_field(
                    "Công việc",
                    "Tên công việc",
                    &draft.title,
                    TITLE_INPUT,
                    edit(|d| &mut d.title),
                    save.clone()
                ),
                submit_field(
                    "Hạn",
                    "dd/mm/yyyy",
                    &draft.due,
                    "checklist-due",
                    edit(|d| &mut d.due),
                    save.clone()
                ),
                submit_field(
                    "Ghi chú",
                    "Ghi chú",
                    &draft.note,
                    "checklist-note",
                    edit(|d| &mut d.note),
                    save
                ),
            ]
            .spacing(10)
        ]
    }

    fn label(&self) -> String {
        format!("“{}”", self.title.trim())
    }
}

/// What a keyboard shortcut means on this screen.
pub fn shortcut(shortcut: Shortcut) -> Option<Action<Message>> {
    new_and_undo(
        shortcut,
        Message::Checklist(records::Message::New),
        Message::Checklist(records::Message::Undo),
    )
}

impl Overview {
    /// Escape: close the form.
    pub fn close(&mut self) {
        self.checklist.close();
    }

    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Toggled(id, done) => (
                Task::none(),
                self.checklist.change(id, data, |item| item.done = done),
            ),
            Message::Checklist(message) => {
                let (task, event) = self.checklist.update(message, data);
                (task.map(Message::Checklist), event)
            }
        }
    }

    /// The app reports the id of a step it has just added, so that adding can be undone.
    pub fn added(&mut self, id: i64, label: &str) {
        self.checklist.added(id, label);
    }

    pub fn can_undo(&self) -> bool {
        self.checklist.can_undo()
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot, today: NaiveDate) -> Element<'a, Message> {
        let event = &data.plan.event;
        let states: Vec<DueState> = data
            .plan
            .checklist
            .iter()
            .map(|i| i.state(event.date, today))
            .collect();
        let count = |wanted: DueState| states.iter().filter(|s| **s == wanted).count();
        let done = count(DueState::Done);

        let header = page_header(
            format!("Tổng quan · Ngày hội năm {}", event.year),
            format!(
                "{} · {}",
                long_day(event.date),
                countdown(event.date, today)
            ),
            [primary_button("+ Thêm việc", [10, 18])
                .on_press(Message::Checklist(records::Message::New))
                .into()],
        );

        let figures = row![
            stat(
                format!("{done}/{}", states.len()),
                "việc đã xong",
                theme::success_text
            ),
            count_stat(count(DueState::Overdue), "việc quá hạn", theme::danger_text),
            count_stat(
                count(DueState::Soon),
                "việc đến hạn trong 7 ngày",
                theme::warning_text
            ),
            stat(data.years.len().to_string(), "năm đã lập kế hoạch", plain),
        ]
        .spacing(12);

        let theme_line = text(format!("Chủ đề: {}", event.theme)).style(theme::muted);
        let sections = text(section_counts(data)).size(theme::SMALL);
        let next = next_step(data, &states, today);

        let date = event.date;
        let table = Table::default()
            .column(
                "Xong · Công việc",
                Length::FillPortion(3),
                |(item, _): (&'a ChecklistItem, DueState)| {
                    let id = item.id;
                    checkbox(item.done)
                        .label(&item.title)
                        .on_toggle(move |done| Message::Toggled(id, done))
                        .spacing(18)
                        .width(Length::Fill)
                },
            )
            .column("Hạn", Length::Fixed(100.0), move |(item, _)| {
                text(date_short(item.due(date)))
            })
            .column(
                "Tình trạng",
                Length::Fixed(140.0),
                move |(item, state)| {
                    let (label, style, _) = status(item, state, date, today);
                    text(label).style(style)
                },
            )
            .column("Ghi chú", Length::FillPortion(2), |(item, _)| {
                text(&item.note).size(theme::SMALL).style(theme::muted)
            })
            .column("", Length::Fixed(96.0), |(item, _)| {
                records::actions(item.id, Message::Checklist)
            });
        let form = self.checklist.form(None).map(|f| f.map(Message::Checklist));
        let mut rows = column![table.header()].push(form);
        for (item, state) in data.plan.checklist.iter().zip(&states) {
            let (_, _, style) = status(item, *state, date, today);
            rows = rows.push(self.checklist.row_or_form(item.id, Message::Checklist, || {
                table.row((item, *state), [8, 12], style)
            }));
        }
        if data.plan.checklist.is_empty() && !self.checklist.is_open() {
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
            .checklist
            .timeline()
            .notice()
            .map(|message| undo_notice(message, Message::Checklist(records::Message::Undo)));

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
    let attending = data.plan.delegates.iter().filter(|d| d.attending).count();
    let (expected, actual) = crate::domain::point::participants(&data.plan.points);
    let people = if actual > 0 { actual } else { expected };
    let (awarded, _) = crate::domain::festival::prize_totals(&data.plan.activities);
    format!(
        "Phần lễ: {} mục · Đại biểu: {attending}/{} tham dự · {} điểm tổ chức, {} người · Phần hội: {} hoạt động, {} tiền thưởng",
        data.plan.program.len(),
        data.plan.delegates.len(),
        data.plan.points.len(),
        crate::text::thousands(i64::from(people)),
        data.plan.activities.len(),
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
        .plan
        .checklist
        .iter()
        .zip(states)
        .find(|(_, state)| **state != DueState::Done);
    let (message, style): (String, theme::BoxStyle) = match open {
        Some((item, state)) => {
            let due = item.due(data.plan.event.date);
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
        None if data.plan.checklist.is_empty() => {
            ("Chưa có bước chuẩn bị nào.".into(), theme::notice)
        }
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

/// What the status column says of a step, in which colour, and its row's background.
fn status(
    item: &ChecklistItem,
    state: DueState,
    event_date: NaiveDate,
    today: NaiveDate,
) -> (String, theme::TextStyle, theme::BoxStyle) {
    match state {
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
    }
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

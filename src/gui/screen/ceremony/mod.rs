//! "Phần lễ": the ceremony program. Items in order with clock times that follow from the start
//! time and the durations; a pinned time shows the break or overlap it makes. Items are added,
//! edited (with the MC's words), removed and moved with the mouse or Alt+↑/↓, all undoable.

use std::collections::HashMap;

use iced::widget::{button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length, Padding, Task};

use crate::domain::program::{Slot, schedule};
use crate::domain::{ProgramItem, YearEvent};
use crate::gui::data::Snapshot;
use crate::gui::history::{self, History, Timeline};
use crate::gui::records::{self, Records};
use crate::gui::shortcut::{Action, Shortcut, new_and_undo};
use crate::gui::widget::{
    Table, Typed, count_stat, danger_link, page_header, plain, primary_button, stat, undo_notice,
};
use crate::gui::{font, theme};
use crate::papers::Paper;
use crate::text::{parse_time, time_short};

mod form;

pub use form::{Choice, ItemDraft};

#[derive(Debug, Default)]
pub struct Ceremony {
    /// The start time as typed (`None`: show the saved one).
    start: Option<String>,
    start_error: Option<String>,
    /// The items: added, edited in their form, removed, by the records part.
    items: Records<ProgramItem>,
    /// Where the item being added goes (after the selected one).
    insert_at: usize,
    /// Where each removed item was, so that undo puts it back in its place.
    removed_at: HashMap<i64, usize>,
    /// The item Alt+↑/↓ moves.
    selected: Option<i64>,
    /// Reordering and the start time, beside the records' own undo steps.
    history: History<Undo>,
}

#[derive(Debug, Clone)]
enum Undo {
    Reordered(Vec<i64>),
    Start(YearEvent),
}

#[derive(Debug, Clone)]
pub enum Message {
    StartEdited(String),
    Select(i64),
    Items(records::Message<ProgramItem>),
    /// Move an item one place up (-1) or down (+1).
    Move(i64, i32),
    /// Alt+↑/↓: move the selected item.
    MoveSelected(i32),
    Undo,
}

/// Changes the ceremony screen asks the app to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Save the fields of `event` that differ from `base` (the start time), as settings does:
    /// a date or theme changed meanwhile elsewhere stays.
    SaveEvent {
        base: YearEvent,
        event: YearEvent,
    },
    /// Insert at this index (an id other than 0 restores a removed item).
    Add(usize, ProgramItem),
    /// Saving or removing an item.
    Items(records::Event<ProgramItem>),
    Reorder(Vec<i64>),
}

/// What a keyboard shortcut means on this screen.
pub fn shortcut(shortcut: Shortcut) -> Option<Action<Message>> {
    match shortcut {
        Shortcut::MoveUp => Some(Action::Update(Message::MoveSelected(-1))),
        Shortcut::MoveDown => Some(Action::Update(Message::MoveSelected(1))),
        Shortcut::Print => Some(Action::ShowPaper(Paper::Program)),
        _ => new_and_undo(
            shortcut,
            Message::Items(records::Message::New),
            Message::Undo,
        ),
    }
}

impl Ceremony {
    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let find = |id: i64| data.plan.program.iter().position(|item| item.id == id);
        match message {
            Message::StartEdited(raw) => {
                let typed = Typed::from_raw(&raw).value;
                self.start_error = None;
                let parsed = parse_time(&typed);
                self.start = Some(typed);
                match parsed {
                    Some(time) if time != data.plan.event.program_start => {
                        // Typing "8h30" passes through "8" and "8h": one undo step for all.
                        if !matches!(self.history.last(), Some(Undo::Start(_))) {
                            self.history
                                .remember(Undo::Start(data.plan.event.clone()), None);
                        }
                        let event = YearEvent {
                            program_start: time,
                            ..data.plan.event.clone()
                        };
                        let base = data.plan.event.clone();
                        (Task::none(), Some(Event::SaveEvent { base, event }))
                    }
                    Some(_) => none(),
                    None => {
                        self.start_error = Some("Giờ bắt đầu phải có dạng 07:30.".into());
                        none()
                    }
                }
            }
            Message::Select(id) => {
                self.selected = Some(id);
                none()
            }
            Message::Items(message) => {
                match message {
                    records::Message::New => {
                        self.insert_at = self
                            .selected
                            .and_then(find)
                            .map_or(data.plan.program.len(), |i| i + 1);
                    }
                    records::Message::Edit(id) => self.selected = Some(id),
                    records::Message::Remove(id) => {
                        if let Some(index) = find(id) {
                            self.removed_at.insert(id, index);
                        }
                    }
                    _ => {}
                }
                let (task, event) = self.items.update(message, data);
                (
                    task.map(Message::Items),
                    event.map(|e| self.placed(e, data)),
                )
            }
            Message::Move(id, step) => {
                self.selected = Some(id);
                self.reorder(data, id, step)
            }
            Message::MoveSelected(step) => match self.selected {
                Some(id) => self.reorder(data, id, step),
                None => none(),
            },
            Message::Undo => {
                let event = match history::newest(&self.timelines()) {
                    Some(0) => self.items.undo().map(|e| self.placed(e, data)),
                    Some(_) => match self.history.pop() {
                        Some(Undo::Reordered(order)) => Some(Event::Reorder(order)),
                        Some(Undo::Start(event)) => {
                            self.start = None;
                            let base = data.plan.event.clone();
                            Some(Event::SaveEvent { base, event })
                        }
                        None => None,
                    },
                    None => None,
                };
                (Task::none(), event)
            }
        }
    }

    /// A records event with the place an added item goes: after the selected item for a
    /// new one, where it was for one coming back.
    fn placed(&mut self, event: records::Event<ProgramItem>, data: &Snapshot) -> Event {
        match event {
            records::Event::Add(item) if item.id == 0 => Event::Add(self.insert_at, item),
            records::Event::Add(item) => {
                let index = self.removed_at.remove(&item.id);
                Event::Add(index.unwrap_or(data.plan.program.len()), item)
            }
            event => Event::Items(event),
        }
    }

    fn timelines(&self) -> [&dyn Timeline; 2] {
        [self.items.timeline(), &self.history]
    }

    /// The app reports the id of an item it has just added, so that adding can be undone.
    pub fn added(&mut self, id: i64, label: &str) {
        self.selected = Some(id);
        self.items.added(id, label);
    }

    /// Escape: close the form.
    pub fn close(&mut self) {
        self.items.close();
    }

    pub fn can_undo(&self) -> bool {
        self.items.can_undo() || self.history.can_undo()
    }

    fn reorder(&mut self, data: &Snapshot, id: i64, step: i32) -> (Task<Message>, Option<Event>) {
        let order: Vec<i64> = data.plan.program.iter().map(|item| item.id).collect();
        let Some(from) = order.iter().position(|i| *i == id) else {
            return none();
        };
        let to = from as i64 + i64::from(step);
        if to < 0 || to >= order.len() as i64 {
            return none();
        }
        let mut moved = order.clone();
        moved.swap(from, to as usize);
        self.history.remember(Undo::Reordered(order), None);
        (Task::none(), Some(Event::Reorder(moved)))
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let event = &data.plan.event;
        let slots = schedule(event.program_start, &data.plan.program);
        let total: u32 = data.plan.program.iter().map(|i| i.duration_min).sum();
        let end = slots.last().map_or(event.program_start, |s| s.end);
        let overlaps = slots.iter().filter(|s| s.gap_min < 0).count();

        let header = page_header(
            format!("Phần lễ · Ngày hội năm {}", event.year),
            "Thứ tự các mục, giờ bắt đầu và lời dẫn chương trình.",
            [primary_button("+ Thêm mục", [10, 18])
                .on_press(Message::Items(records::Message::New))
                .into()],
        );

        let start_value = self
            .start
            .clone()
            .unwrap_or_else(|| time_short(event.program_start));
        let start_field = column![
            text("Bắt đầu lúc").size(theme::SMALL).style(theme::muted),
            text_input("07:30", &start_value)
                .id("program-start")
                .on_input(Message::StartEdited)
                .padding(8)
                .width(Length::Fixed(110.0)),
        ]
        .spacing(4);
        let figures = row![
            container(start_field).padding(10).style(theme::card),
            stat(
                data.plan.program.len().to_string(),
                "mục trong phần lễ",
                plain
            ),
            stat(time_short(end), "giờ kết thúc phần lễ", plain),
            stat(format!("{total} phút"), "tổng thời lượng", plain),
            count_stat(overlaps, "chỗ trùng giờ", theme::danger_text),
        ]
        .spacing(12)
        .align_y(Alignment::Center);

        let table = items_table(data.plan.program.len());
        let mut rows = column![table.header()];
        for (index, (item, slot)) in data.plan.program.iter().zip(&slots).enumerate() {
            if let Some(gap) = gap_row(slot) {
                rows = rows.push(gap);
            }
            let style = if self.selected == Some(item.id) {
                theme::row_selected
            } else {
                theme::row_plain
            };
            rows = rows.push(self.items.row_or_form(item.id, Message::Items, || {
                table.row((index, item, *slot), [8, 12], style)
            }));
        }
        if data.plan.program.is_empty() && !self.items.is_open() {
            rows = rows.push(
                container(
                    text("Chưa có mục nào. Bấm “+ Thêm mục” (Ctrl+N) để thêm.").style(theme::muted),
                )
                .padding(16),
            );
        }

        let notice =
            history::notice(&self.timelines()).map(|message| undo_notice(message, Message::Undo));
        let start_error = self
            .start_error
            .as_deref()
            .map(|e| text(e).size(theme::SMALL).style(theme::danger_text));

        let content = column![header, figures]
            .push(start_error)
            .push(notice)
            .push(self.items.form(None).map(|form| form.map(Message::Items)))
            .push(
                text("Chọn một mục rồi bấm Alt+↑ hoặc Alt+↓ để đổi thứ tự.")
                    .size(theme::SMALL)
                    .style(theme::muted),
            )
            .push(container(rows).style(theme::card).width(Length::Fill))
            .spacing(14)
            .padding(24);
        scrollable(content).height(Length::Fill).into()
    }
}

/// The program's columns; a row is an item with its place in the order and on the clock
/// (`count` items in all).
fn items_table<'a>(count: usize) -> Table<'a, (usize, &'a ProgramItem, Slot), Message> {
    Table::default()
        .column(
            "Giờ",
            Length::Fixed(110.0),
            |(_, item, slot): (usize, &'a ProgramItem, Slot)| {
                let time = match item.fixed_time {
                    Some(_) => format!("{} ⚑", time_short(slot.start)),
                    None => time_short(slot.start),
                };
                text(time).font(font::SEMIBOLD)
            },
        )
        .column("Nội dung", Length::FillPortion(3), |(_, item, _)| {
            let title = column![text(&item.title)]
                .push(item.introduces_delegates.then(|| {
                    text("Giới thiệu đại biểu tại mục này")
                        .size(theme::SMALL)
                        .style(theme::muted)
                }))
                .push(
                    (!item.notes.is_empty())
                        .then(|| text(&item.notes).size(theme::SMALL).style(theme::muted)),
                );
            button(title)
                .style(theme::plain_button)
                .padding(0)
                .width(Length::Fill)
                .on_press(Message::Select(item.id))
        })
        .column(
            "Người thực hiện",
            Length::FillPortion(2),
            |(_, item, _)| text(&item.presenter),
        )
        .column("Phút", Length::Fixed(50.0), |(_, item, _)| {
            text(item.duration_min.to_string())
        })
        .column("", Length::Fixed(170.0), move |(index, item, _)| {
            let id = item.id;
            let small = |label: &'static str, message: Option<Message>| {
                button(text(label).size(theme::SMALL))
                    .style(theme::link)
                    .padding([2, 4])
                    .on_press_maybe(message)
            };
            row![
                small("↑", (index > 0).then_some(Message::Move(id, -1))),
                small("↓", (index + 1 < count).then_some(Message::Move(id, 1))),
                small("Sửa", Some(Message::Items(records::Message::Edit(id)))),
                danger_link("Xóa", Message::Items(records::Message::Remove(id))),
            ]
            .spacing(2)
        })
}

/// A line between two items when a pinned time leaves a break or makes them overlap.
fn gap_row<'a>(slot: &Slot) -> Option<Element<'a, Message>> {
    let (message, style, row_style): (String, theme::TextStyle, theme::BoxStyle) =
        match slot.gap_min {
            0 => return None,
            gap if gap > 0 => (format!("Nghỉ {gap} phút"), theme::muted, theme::row_plain),
            gap => (
                format!(
                    "Trùng {} phút với mục trước: hãy rút ngắn mục trước hoặc dời giờ mục này.",
                    -gap
                ),
                theme::danger_text,
                theme::row_overdue,
            ),
        };
    Some(
        container(text(message).size(theme::SMALL).style(style))
            .padding(Padding::from([4, 12]).left(134))
            .width(Length::Fill)
            .style(row_style)
            .into(),
    )
}

fn none() -> (Task<Message>, Option<Event>) {
    (Task::none(), None)
}

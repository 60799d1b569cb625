//! "Phần lễ": the ceremony program. Items in order with clock times that follow from the start
//! time and the durations; a pinned time shows the break or overlap it makes. Items are added,
//! edited (with the MC's words), removed and moved with the mouse or Alt+↑/↓, all undoable.

use chrono::NaiveTime;
use iced::widget::{
    Space, button, checkbox, column, container, operation, row, scrollable, text, text_editor,
    text_input,
};
use iced::{Alignment, Element, Length, Padding, Task};

use crate::domain::program::{Slot, schedule};
use crate::domain::{Event as YearEvent, ProgramItem};
use crate::gui::data::Snapshot;
use crate::gui::history::History;
use crate::gui::widget::{
    Typed, card, labelled, page_title, plain, stat, submit_field, table_header, undo_notice,
};
use crate::gui::{font, theme};
use crate::text::{clean_multiline, parse_time, time_short};

const TITLE_INPUT: &str = "program-title";

#[derive(Debug, Default)]
pub struct Ceremony {
    /// The start time as typed (`None`: show the saved one).
    start: Option<String>,
    start_error: Option<String>,
    draft: Option<Draft>,
    /// The item Alt+↑/↓ moves.
    selected: Option<i64>,
    /// Undo steps and the notice naming the newest.
    history: History<Undo>,
}

#[derive(Debug)]
struct Draft {
    /// `None` for a new item.
    id: Option<i64>,
    /// Where a new item goes.
    index: usize,
    title: String,
    presenter: String,
    duration: String,
    fixed: String,
    notes: String,
    script: text_editor::Content,
    introduces_delegates: bool,
    error: Option<String>,
}

#[derive(Debug, Clone)]
enum Undo {
    Removed(ProgramItem, usize),
    Changed(ProgramItem),
    Added(i64),
    Reordered(Vec<i64>),
    Start(YearEvent),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Presenter,
    Duration,
    Fixed,
    Notes,
}

#[derive(Debug, Clone)]
pub enum Message {
    StartEdited(String),
    Select(i64),
    Edit(i64),
    New,
    DraftEdited(Field, String),
    Script(text_editor::Action),
    IntroducesToggled(bool),
    SaveDraft,
    CancelDraft,
    Remove(i64),
    /// Move an item one place up (-1) or down (+1).
    Move(i64, i32),
    /// Alt+↑/↓: move the selected item.
    MoveSelected(i32),
    Undo,
}

/// Changes the ceremony screen asks the app to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    SaveEvent(YearEvent),
    /// Insert at this index (an id other than 0 restores a removed item).
    Add(usize, ProgramItem),
    Save(ProgramItem),
    Remove(i64),
    Reorder(Vec<i64>),
}

impl Ceremony {
    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let find = |id: i64| data.program.iter().position(|item| item.id == id);
        match message {
            Message::StartEdited(raw) => {
                let typed = Typed::from_raw(&raw).value;
                self.start_error = None;
                let parsed = parse_time(&typed);
                self.start = Some(typed);
                match parsed {
                    Some(time) if time != data.event.program_start => {
                        // Typing "8h30" passes through "8" and "8h": one undo step for all.
                        if !matches!(self.history.last(), Some(Undo::Start(_))) {
                            self.history.remember(Undo::Start(data.event.clone()), None);
                        }
                        let event = YearEvent {
                            program_start: time,
                            ..data.event.clone()
                        };
                        (Task::none(), Some(Event::SaveEvent(event)))
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
            Message::Edit(id) => {
                let Some(index) = find(id) else { return none() };
                let item = &data.program[index];
                self.selected = Some(id);
                self.draft = Some(Draft::of(item, index));
                (operation::focus(TITLE_INPUT), None)
            }
            Message::New => {
                let index = self
                    .selected
                    .and_then(find)
                    .map_or(data.program.len(), |i| i + 1);
                self.draft = Some(Draft::new(index));
                (operation::focus(TITLE_INPUT), None)
            }
            Message::DraftEdited(which, raw) => {
                let Some(draft) = self.draft.as_mut() else {
                    return none();
                };
                let typed = Typed::from_raw(&raw);
                *draft.text_mut(which) = typed.value;
                draft.error = None;
                if typed.submit {
                    return self.save_draft(data);
                }
                none()
            }
            Message::Script(action) => {
                if let Some(draft) = self.draft.as_mut() {
                    draft.script.perform(action);
                }
                none()
            }
            Message::IntroducesToggled(on) => {
                if let Some(draft) = self.draft.as_mut() {
                    draft.introduces_delegates = on;
                }
                none()
            }
            Message::SaveDraft => self.save_draft(data),
            Message::CancelDraft => {
                self.draft = None;
                none()
            }
            Message::Remove(id) => {
                let Some(index) = find(id) else { return none() };
                let item = data.program[index].clone();
                let notice = format!("Đã xóa “{}”.", item.title);
                self.history
                    .remember(Undo::Removed(item, index), Some(notice));
                if self.draft.as_ref().is_some_and(|d| d.id == Some(id)) {
                    self.draft = None;
                }
                (Task::none(), Some(Event::Remove(id)))
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
                let event = match self.history.pop() {
                    Some(Undo::Removed(item, index)) => Event::Add(index, item),
                    Some(Undo::Changed(item)) => Event::Save(item),
                    Some(Undo::Added(id)) => Event::Remove(id),
                    Some(Undo::Reordered(order)) => Event::Reorder(order),
                    Some(Undo::Start(event)) => {
                        self.start = None;
                        Event::SaveEvent(event)
                    }
                    None => return none(),
                };
                (Task::none(), Some(event))
            }
        }
    }

    /// The app reports the id of an item it has just added, so that adding can be undone.
    pub fn added(&mut self, id: i64, title: &str) {
        self.selected = Some(id);
        self.history
            .remember(Undo::Added(id), Some(format!("Đã thêm “{title}”.")));
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    fn reorder(&mut self, data: &Snapshot, id: i64, step: i32) -> (Task<Message>, Option<Event>) {
        let order: Vec<i64> = data.program.iter().map(|item| item.id).collect();
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

    fn save_draft(&mut self, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let Some(draft) = self.draft.as_mut() else {
            return none();
        };
        let item = match draft.item() {
            Ok(item) => item,
            Err(message) => {
                draft.error = Some(message);
                return none();
            }
        };
        let event = match draft.id {
            Some(id) => {
                if let Some(before) = data.program.iter().find(|i| i.id == id) {
                    self.history.remember(Undo::Changed(before.clone()), None);
                }
                Event::Save(ProgramItem { id, ..item })
            }
            None => Event::Add(draft.index, item),
        };
        self.draft = None;
        (Task::none(), Some(event))
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let event = &data.event;
        let slots = schedule(event.program_start, &data.program);
        let total: u32 = data.program.iter().map(|i| i.duration_min).sum();
        let end = slots.last().map_or(event.program_start, |s| s.end);
        let overlaps = slots.iter().filter(|s| s.gap_min < 0).count();

        let header = row![
            page_title(
                format!("Phần lễ · Ngày hội năm {}", event.year),
                "Thứ tự các mục, giờ bắt đầu và lời dẫn chương trình.",
            ),
            Space::new().width(Length::Fill),
            button(text("+ Thêm mục").font(font::SEMIBOLD))
                .padding([10, 18])
                .style(theme::primary)
                .on_press(Message::New),
        ]
        .align_y(Alignment::Center);

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
            stat(data.program.len().to_string(), "mục trong phần lễ", plain),
            stat(time_short(end), "giờ kết thúc phần lễ", plain),
            stat(format!("{total} phút"), "tổng thời lượng", plain),
            stat(
                overlaps.to_string(),
                "chỗ trùng giờ",
                if overlaps > 0 {
                    theme::danger_text
                } else {
                    plain
                },
            ),
        ]
        .spacing(12)
        .align_y(Alignment::Center);

        let columns = [
            ("Giờ", Length::Fixed(110.0)),
            ("Nội dung", Length::FillPortion(3)),
            ("Người thực hiện", Length::FillPortion(2)),
            ("Phút", Length::Fixed(50.0)),
            ("", Length::Fixed(170.0)),
        ];
        let mut rows = column![table_header(&columns)];
        for (index, (item, slot)) in data.program.iter().zip(&slots).enumerate() {
            if let Some(gap) = gap_row(slot) {
                rows = rows.push(gap);
            }
            if self.draft.as_ref().is_some_and(|d| d.id == Some(item.id)) {
                rows = rows.push(self.draft_card());
            } else {
                rows = rows.push(self.item_row(index, item, slot, data.program.len()));
            }
        }
        if data.program.is_empty() && self.draft.is_none() {
            rows = rows.push(
                container(
                    text("Chưa có mục nào. Bấm “+ Thêm mục” (Ctrl+N) để thêm.").style(theme::muted),
                )
                .padding(16),
            );
        }

        let notice = self
            .history
            .notice()
            .map(|message| undo_notice(message, Message::Undo));
        let start_error = self
            .start_error
            .as_deref()
            .map(|e| text(e).size(theme::SMALL).style(theme::danger_text));

        let content = column![header, figures]
            .push(start_error)
            .push(notice)
            .push(
                self.draft
                    .as_ref()
                    .filter(|d| d.id.is_none())
                    .map(|_| self.draft_card()),
            )
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

    fn item_row<'a>(
        &'a self,
        index: usize,
        item: &'a ProgramItem,
        slot: &Slot,
        count: usize,
    ) -> Element<'a, Message> {
        let id = item.id;
        let selected = self.selected == Some(id);
        let time = match item.fixed_time {
            Some(_) => format!("{} ⚑", time_short(slot.start)),
            None => time_short(slot.start),
        };
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
        let small = |label: &'static str, message: Option<Message>| {
            button(text(label).size(theme::SMALL))
                .style(theme::link)
                .padding([2, 4])
                .on_press_maybe(message)
        };
        let actions = row![
            small("↑", (index > 0).then_some(Message::Move(id, -1))),
            small("↓", (index + 1 < count).then_some(Message::Move(id, 1))),
            small("Sửa", Some(Message::Edit(id))),
            button(text("Xóa").size(theme::SMALL))
                .style(theme::link_danger)
                .padding([2, 4])
                .on_press(Message::Remove(id)),
        ]
        .spacing(2)
        .width(Length::Fixed(170.0));
        let body = row![
            text(time).font(font::SEMIBOLD).width(Length::Fixed(110.0)),
            button(title)
                .style(theme::plain_button)
                .padding(0)
                .width(Length::FillPortion(3))
                .on_press(Message::Select(id)),
            text(&item.presenter).width(Length::FillPortion(2)),
            text(item.duration_min.to_string()).width(Length::Fixed(50.0)),
            actions,
        ]
        .spacing(12)
        .align_y(Alignment::Center);
        container(body)
            .padding(Padding::from([8, 12]))
            .style(if selected {
                theme::row_selected
            } else {
                theme::row_plain
            })
            .into()
    }

    fn draft_card(&self) -> Element<'_, Message> {
        let Some(draft) = self.draft.as_ref() else {
            return Space::new().into();
        };
        let edit = |which| move |value| Message::DraftEdited(which, value);
        let heading = if draft.id.is_some() {
            "Sửa mục"
        } else {
            "Thêm mục"
        };
        let form = column![
            row![
                submit_field(
                    "Nội dung",
                    "Ví dụ: Chào cờ",
                    &draft.title,
                    TITLE_INPUT,
                    edit(Field::Title),
                    Message::SaveDraft
                ),
                submit_field(
                    "Người thực hiện",
                    "Ví dụ: Người dẫn chương trình",
                    &draft.presenter,
                    "program-presenter",
                    edit(Field::Presenter),
                    Message::SaveDraft
                ),
            ]
            .spacing(12),
            row![
                submit_field(
                    "Thời lượng (phút)",
                    "10",
                    &draft.duration,
                    "program-duration",
                    edit(Field::Duration),
                    Message::SaveDraft
                ),
                submit_field(
                    "Giờ cố định (để trống: nối tiếp mục trước)",
                    "",
                    &draft.fixed,
                    "program-fixed",
                    edit(Field::Fixed),
                    Message::SaveDraft
                ),
                submit_field(
                    "Ghi chú",
                    "",
                    &draft.notes,
                    "program-notes",
                    edit(Field::Notes),
                    Message::SaveDraft
                ),
            ]
            .spacing(12),
            labelled(
                "Lời dẫn chương trình",
                text_editor(&draft.script)
                    .on_action(Message::Script)
                    .height(Length::Fixed(110.0))
                    .padding(8),
            ),
            checkbox(draft.introduces_delegates)
                .label("Giới thiệu đại biểu tại mục này (theo thứ tự nghi thức)")
                .on_toggle(Message::IntroducesToggled),
        ]
        .push(
            draft
                .error
                .as_deref()
                .map(|e| text(e).style(theme::danger_text)),
        )
        .push(
            row![
                button(text("Lưu").font(font::SEMIBOLD))
                    .style(theme::primary)
                    .padding([8, 18])
                    .on_press(Message::SaveDraft),
                button(text("Hủy"))
                    .style(theme::secondary)
                    .padding([8, 18])
                    .on_press(Message::CancelDraft),
            ]
            .spacing(12),
        )
        .spacing(10);
        container(card(heading, form))
            .padding(8)
            .style(theme::notice)
            .into()
    }
}

impl Draft {
    fn new(index: usize) -> Draft {
        Draft {
            id: None,
            index,
            title: String::new(),
            presenter: String::new(),
            duration: "10".into(),
            fixed: String::new(),
            notes: String::new(),
            script: text_editor::Content::new(),
            introduces_delegates: false,
            error: None,
        }
    }

    fn of(item: &ProgramItem, index: usize) -> Draft {
        Draft {
            id: Some(item.id),
            index,
            title: item.title.clone(),
            presenter: item.presenter.clone(),
            duration: item.duration_min.to_string(),
            fixed: item.fixed_time.map(time_short).unwrap_or_default(),
            notes: item.notes.clone(),
            script: text_editor::Content::with_text(&item.script),
            introduces_delegates: item.introduces_delegates,
            error: None,
        }
    }

    fn text_mut(&mut self, which: Field) -> &mut String {
        match which {
            Field::Title => &mut self.title,
            Field::Presenter => &mut self.presenter,
            Field::Duration => &mut self.duration,
            Field::Fixed => &mut self.fixed,
            Field::Notes => &mut self.notes,
        }
    }

    /// The item the form describes, or the reason it cannot be saved.
    fn item(&self) -> Result<ProgramItem, String> {
        let duration_min: u32 = self
            .duration
            .trim()
            .parse()
            .map_err(|_| format!("Thời lượng “{}” phải là số phút.", self.duration.trim()))?;
        let fixed_time: Option<NaiveTime> = match self.fixed.trim() {
            "" => None,
            typed => Some(
                parse_time(typed)
                    .ok_or_else(|| format!("Giờ cố định “{typed}” phải có dạng 09:30."))?,
            ),
        };
        let item = ProgramItem {
            id: self.id.unwrap_or(0),
            title: self.title.clone(),
            presenter: self.presenter.clone(),
            duration_min,
            fixed_time,
            notes: self.notes.clone(),
            script: clean_multiline(&self.script.text()),
            introduces_delegates: self.introduces_delegates,
        }
        .cleaned();
        item.validate().map_err(|e| e.0)?;
        Ok(item)
    }
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

//! "Đại biểu và điểm tổ chức": the delegates the MC introduces, in protocol order, and the
//! points where the day is held with their participants. Rows are added, edited and removed
//! inline, every change undoable.
//!
//! A new row's form opens next to the button that asked for it, so it is never off screen:
//! a new delegate at the top of the first table (the page scrolls back to the top, since Ctrl+N
//! may come from anywhere), a new point at the end of the second, where "+ Thêm điểm" is.
//! The two forms are in `form`.

mod form;

pub use form::{DelegateDraft, DelegateField, PointDraft, PointField};

use iced::widget::{button, checkbox, column, container, operation, row, scrollable, text};
use iced::{Alignment, Element, Length, Padding, Task};

use crate::domain::delegate::introductions;
use crate::domain::point::participants;
use crate::domain::{Delegate, EventPoint};
use crate::gui::data::{Created, Kind, Snapshot};
use crate::gui::history::{self, Timeline};
use crate::gui::records::{self, Records};
use crate::gui::shortcut::{Action, Shortcut};
use crate::gui::widget::{
    card, danger_link, link, page_title, plain, stat, table_header, undo_notice,
};
use crate::gui::{font, theme};
use crate::text::{date_short, thousands};

const PAGE: &str = "guests-page";

#[derive(Debug, Default)]
pub struct Guests {
    delegates: Records<Delegate>,
    points: Records<EventPoint>,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// Ctrl+N: a new delegate, at the top of the page.
    New,
    Delegates(records::Message<Delegate>),
    Points(records::Message<EventPoint>),
    Attending(i64, bool),
    /// Escape: close whichever form is open.
    Cancel,
    Undo,
}

/// Changes the screen asks the app to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Delegates(records::Event<Delegate>),
    Points(records::Event<EventPoint>),
}

/// What a keyboard shortcut means on this screen.
pub fn shortcut(shortcut: Shortcut) -> Option<Action<Message>> {
    match shortcut {
        Shortcut::New => Some(Action::Update(Message::New)),
        Shortcut::Undo => Some(Action::Update(Message::Undo)),
        _ => None,
    }
}

impl Guests {
    /// Escape: close the forms.
    pub fn close(&mut self) {
        self.delegates.close();
        self.points.close();
    }

    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        match message {
            Message::New => {
                let (focus, _) = self.delegates.update(records::Message::New, data);
                let task = Task::batch([
                    operation::snap_to(PAGE, operation::RelativeOffset::START),
                    focus.map(Message::Delegates),
                ]);
                (task, None)
            }
            Message::Delegates(message) => {
                let (task, event) = self.delegates.update(message, data);
                (task.map(Message::Delegates), event.map(Event::Delegates))
            }
            Message::Points(message) => {
                let (task, event) = self.points.update(message, data);
                (task.map(Message::Points), event.map(Event::Points))
            }
            Message::Attending(id, attending) => {
                let Some(before) = data.delegates.iter().find(|d| d.id == id) else {
                    return (Task::none(), None);
                };
                let after = Delegate {
                    attending,
                    ..before.clone()
                };
                let event = self.delegates.change(before.clone(), after);
                (Task::none(), Some(Event::Delegates(event)))
            }
            Message::Cancel => {
                self.close();
                (Task::none(), None)
            }
            Message::Undo => {
                let event = match history::newest(&self.timelines()) {
                    Some(0) => self.delegates.undo().map(Event::Delegates),
                    Some(_) => self.points.undo().map(Event::Points),
                    None => None,
                };
                (Task::none(), event)
            }
        }
    }

    fn timelines(&self) -> [&dyn Timeline; 2] {
        [self.delegates.timeline(), self.points.timeline()]
    }

    /// The app reports a delegate or a point it has just added, so that adding can be undone.
    pub fn added(&mut self, created: &Created) {
        match created.kind {
            Kind::Point => self.points.added(created.id, &created.name),
            _ => self.delegates.added(created.id, &created.name),
        }
    }

    pub fn can_undo(&self) -> bool {
        self.delegates.can_undo() || self.points.can_undo()
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let attending = data.delegates.iter().filter(|d| d.attending).count();
        let (expected, actual) = participants(&data.points);
        let header = row![
            page_title(
                format!("Đại biểu và điểm tổ chức · Năm {}", data.event.year),
                "Đại biểu được giới thiệu theo thứ tự nghi thức; số người tham gia đưa vào báo cáo.",
            ),
            button(text("+ Thêm đại biểu").font(font::SEMIBOLD))
                .padding([10, 18])
                .style(theme::primary)
                .on_press(Message::New),
        ]
        .spacing(16)
        .align_y(Alignment::Center);
        let figures = row![
            stat(
                format!("{attending}/{}", data.delegates.len()),
                "đại biểu tham dự",
                plain
            ),
            stat(data.points.len().to_string(), "điểm tổ chức", plain),
            stat(thousands(i64::from(expected)), "người dự kiến", plain),
            stat(
                thousands(i64::from(actual)),
                "người tham gia thực tế",
                plain
            ),
        ]
        .spacing(12);
        let notice = history::notice(&self.timelines()).map(|m| undo_notice(m, Message::Undo));

        let content = column![header, figures]
            .push(notice)
            .push(card(
                "Đại biểu (theo thứ tự giới thiệu)",
                self.delegates(data),
            ))
            .push(card("Điểm tổ chức", self.points(data)))
            .spacing(16)
            .padding(24);
        scrollable(content).id(PAGE).height(Length::Fill).into()
    }

    fn delegates<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let columns = [
            ("Thứ tự", Length::Fixed(60.0)),
            ("Họ và tên", Length::FillPortion(2)),
            ("Chức vụ", Length::FillPortion(2)),
            ("Đơn vị", Length::FillPortion(3)),
            ("Dự", Length::Fixed(40.0)),
            ("", Length::Fixed(90.0)),
        ];
        let form = |id| self.delegates.form(id).map(|f| f.map(Message::Delegates));
        let mut rows = column![table_header(&columns)].push(form(None));
        for d in &data.delegates {
            if let Some(form) = form(Some(d.id)) {
                rows = rows.push(form);
                continue;
            }
            let id = d.id;
            rows = rows.push(
                container(
                    row![
                        text(d.rank.to_string()).width(Length::Fixed(60.0)),
                        text(&d.name)
                            .font(font::SEMIBOLD)
                            .width(Length::FillPortion(2)),
                        text(&d.title).width(Length::FillPortion(2)),
                        text(&d.organisation).width(Length::FillPortion(3)),
                        container(
                            checkbox(d.attending).on_toggle(move |on| Message::Attending(id, on))
                        )
                        .width(Length::Fixed(40.0)),
                        actions(
                            Message::Delegates(records::Message::Edit(id)),
                            Message::Delegates(records::Message::Remove(id)),
                        ),
                    ]
                    .spacing(12)
                    .align_y(Alignment::Center),
                )
                .padding(Padding::from([8, 12]))
                .style(if d.attending {
                    theme::row_plain
                } else {
                    theme::row_soon
                }),
            );
        }
        if data.delegates.is_empty() && !self.delegates.is_open() {
            rows =
                rows.push(container(text("Chưa có đại biểu nào.").style(theme::muted)).padding(12));
        }
        let intro = introductions(&data.delegates);
        let preview = if intro.is_empty() {
            "Chưa có đại biểu nào tham dự để giới thiệu.".to_string()
        } else {
            format!(
                "Người dẫn chương trình sẽ giới thiệu: {}.",
                intro.join("; ")
            )
        };
        column![rows, text(preview).size(theme::SMALL).style(theme::muted)]
            .spacing(10)
            .into()
    }

    fn points<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let columns = [
            ("Tên điểm", Length::FillPortion(3)),
            ("Loại", Length::Fixed(110.0)),
            ("Ngày", Length::Fixed(95.0)),
            ("Đơn vị chủ trì", Length::FillPortion(2)),
            ("Dự kiến", Length::Fixed(70.0)),
            ("Thực tế", Length::Fixed(70.0)),
            ("", Length::Fixed(90.0)),
        ];
        let form = |id| self.points.form(id).map(|f| f.map(Message::Points));
        let mut rows = column![table_header(&columns)];
        for p in &data.points {
            if let Some(form) = form(Some(p.id)) {
                rows = rows.push(form);
                continue;
            }
            rows = rows.push(
                container(
                    row![
                        text(&p.name).width(Length::FillPortion(3)),
                        text(p.kind.label()).width(Length::Fixed(110.0)),
                        text(date_short(p.date)).width(Length::Fixed(95.0)),
                        text(&p.host).width(Length::FillPortion(2)),
                        text(thousands(i64::from(p.expected))).width(Length::Fixed(70.0)),
                        text(
                            p.actual
                                .map(|a| thousands(i64::from(a)))
                                .unwrap_or_default()
                        )
                        .width(Length::Fixed(70.0)),
                        actions(
                            Message::Points(records::Message::Edit(p.id)),
                            Message::Points(records::Message::Remove(p.id)),
                        ),
                    ]
                    .spacing(12)
                    .align_y(Alignment::Center),
                )
                .padding(Padding::from([8, 12]))
                .style(theme::row_plain),
            );
        }
        if data.points.is_empty() && !self.points.is_open() {
            rows = rows
                .push(container(text("Chưa có điểm tổ chức nào.").style(theme::muted)).padding(12));
        }
        // A new point is typed where "+ Thêm điểm" was pressed.
        let end: Element<'a, Message> = match form(None) {
            Some(form) => form,
            None => button(text("+ Thêm điểm"))
                .style(theme::secondary)
                .padding([6, 14])
                .on_press(Message::Points(records::Message::New))
                .into(),
        };
        column![rows, end].spacing(10).into()
    }
}

fn actions<'a>(edit: Message, remove: Message) -> Element<'a, Message> {
    row![link("Sửa", edit), danger_link("Xóa", remove)]
        .width(Length::Fixed(90.0))
        .into()
}

//! "Đại biểu và điểm tổ chức": the delegates the MC introduces, in protocol order, and the
//! points where the day is held with their participants. Rows are added, edited and removed
//! inline, every change undoable.
//!
//! A new row's form opens next to the button that asked for it, so it is never off screen:
//! a new delegate at the top of the first table (the page scrolls back to the top, since Ctrl+N
//! may come from anywhere), a new point at the end of the second, where "+ Thêm điểm" is.
//! The two forms are in `form`.

mod form;

pub use form::{DelegateDraft, PointDraft};

use iced::widget::{checkbox, column, container, row, scrollable, text};
use iced::{Element, Length, Task};

use crate::domain::delegate::introductions;
use crate::domain::point::participants;
use crate::domain::{Delegate, EventPoint};
use crate::gui::data::{Created, Kind, Snapshot};
use crate::gui::history::{self, Timeline};
use crate::gui::records::{self, Records};
use crate::gui::shortcut::{Action, Shortcut, new_and_undo};
use crate::gui::widget::{
    Table, card, open_at_top, page_header, plain, primary_button, secondary_button, stat,
    undo_notice,
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
    new_and_undo(shortcut, Message::New, Message::Undo)
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
                let task = open_at_top(PAGE, focus.map(Message::Delegates));
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
                let event = self.delegates.change(id, data, |d| d.attending = attending);
                (Task::none(), event.map(Event::Delegates))
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
            Kind::Point => self.points.added(created.id, &created.label),
            _ => self.delegates.added(created.id, &created.label),
        }
    }

    pub fn can_undo(&self) -> bool {
        self.delegates.can_undo() || self.points.can_undo()
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let attending = data.plan.delegates.iter().filter(|d| d.attending).count();
        let (expected, actual) = participants(&data.plan.points);
        let header = page_header(
            format!("Đại biểu và điểm tổ chức · Năm {}", data.plan.event.year),
            "Đại biểu được giới thiệu theo thứ tự nghi thức; số người tham gia đưa vào báo cáo.",
            [primary_button("+ Thêm đại biểu", [10, 18])
                .on_press(Message::New)
                .into()],
        );
        let figures = row![
            stat(
                format!("{attending}/{}", data.plan.delegates.len()),
                "đại biểu tham dự",
                plain
            ),
            stat(data.plan.points.len().to_string(), "điểm tổ chức", plain),
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
        let table = Table::default()
            .column("Thứ tự", Length::Fixed(60.0), |d: &Delegate| {
                text(d.rank.to_string())
            })
            .column("Họ và tên", Length::FillPortion(2), |d| {
                text(&d.name).font(font::SEMIBOLD)
            })
            .column("Chức vụ", Length::FillPortion(2), |d| text(&d.title))
            .column("Đơn vị", Length::FillPortion(3), |d| {
                text(&d.organisation)
            })
            .column("Dự", Length::Fixed(40.0), |d| {
                let id = d.id;
                checkbox(d.attending).on_toggle(move |on| Message::Attending(id, on))
            })
            .column("", Length::Fixed(90.0), |d| {
                records::actions(d.id, Message::Delegates)
            });
        let form = self.delegates.form(None).map(|f| f.map(Message::Delegates));
        let mut rows = column![table.header()].push(form);
        for d in &data.plan.delegates {
            let style = if d.attending {
                theme::row_plain
            } else {
                theme::row_soon
            };
            rows = rows.push(
                self.delegates
                    .row_or_form(d.id, Message::Delegates, || table.row(d, [8, 12], style)),
            );
        }
        if data.plan.delegates.is_empty() && !self.delegates.is_open() {
            rows =
                rows.push(container(text("Chưa có đại biểu nào.").style(theme::muted)).padding(12));
        }
        let intro = introductions(&data.plan.delegates);
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
        let count = |n: u32| thousands(i64::from(n));
        let table = Table::default()
            .column("Tên điểm", Length::FillPortion(3), |p: &EventPoint| {
                text(&p.name)
            })
            .column("Loại", Length::Fixed(110.0), |p| text(p.kind.label()))
            .column("Ngày", Length::Fixed(95.0), |p| text(date_short(p.date)))
            .column("Đơn vị chủ trì", Length::FillPortion(2), |p| {
                text(&p.host)
            })
            .column("Dự kiến", Length::Fixed(70.0), move |p| {
                text(count(p.expected))
            })
            .column("Thực tế", Length::Fixed(70.0), move |p| {
                text(p.actual.map(count).unwrap_or_default())
            })
            .column("", Length::Fixed(90.0), |p| {
                records::actions(p.id, Message::Points)
            });
        let form = |id| self.points.form(id).map(|f| f.map(Message::Points));
        let mut rows = column![table.header()];
        for p in &data.plan.points {
            rows = rows.push(self.points.row_or_form(p.id, Message::Points, || {
                table.row(p, [8, 12], theme::row_plain)
            }));
        }
        if data.plan.points.is_empty() && !self.points.is_open() {
            rows = rows
                .push(container(text("Chưa có điểm tổ chức nào.").style(theme::muted)).padding(12));
        }
        // A new point is typed where "+ Thêm điểm" was pressed.
        let end: Element<'a, Message> = match form(None) {
            Some(form) => form,
            None => secondary_button("+ Thêm điểm", [6, 14])
                .on_press(Message::Points(records::Message::New))
                .into(),
        };
        column![rows, end].spacing(10).into()
    }
}

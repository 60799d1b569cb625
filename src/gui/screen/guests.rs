//! "Đại biểu và điểm tổ chức": the delegates the MC introduces, in protocol order, and the
//! points where the day is held with their participants. Rows are added, edited and removed
//! inline, every change undoable.
//!
//! A new row's form opens next to the button that asked for it, so it is never off screen:
//! a new delegate at the top of the first table (the page scrolls back to the top, since Ctrl+N
//! may come from anywhere), a new point at the end of the second, where "+ Thêm điểm" is.

use chrono::NaiveDate;
use iced::widget::{
    Space, button, checkbox, column, container, operation, pick_list, row, scrollable, text,
};
use iced::{Alignment, Element, Length, Padding, Task};

use crate::domain::delegate::introductions;
use crate::domain::point::participants;
use crate::domain::{Delegate, EventPoint, PointKind};
use crate::gui::data::Snapshot;
use crate::gui::history::History;
use crate::gui::widget::{
    Typed, card, danger_link, inline_form, labelled, link, page_title, plain, stat, submit_field,
    table_header, undo_notice,
};
use crate::gui::{font, theme};
use crate::text::{date_short, parse_date, thousands};

const DELEGATE_NAME: &str = "delegate-name";
const POINT_NAME: &str = "point-name";
const PAGE: &str = "guests-page";

#[derive(Debug, Clone, Default)]
pub struct Guests {
    delegate: Option<DelegateDraft>,
    point: Option<PointDraft>,
    /// Undo steps and the notice naming the newest.
    history: History<Undo>,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct DelegateDraft {
    id: Option<i64>,
    name: String,
    title: String,
    organisation: String,
    rank: String,
    attending: bool,
    error: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct PointDraft {
    id: Option<i64>,
    name: String,
    kind: PointKind,
    date: String,
    host: String,
    expected: String,
    actual: String,
    error: Option<String>,
}

#[derive(Debug, Clone)]
enum Undo {
    RemovedDelegate(Delegate),
    ChangedDelegate(Delegate),
    AddedDelegate(i64),
    RemovedPoint(EventPoint),
    ChangedPoint(EventPoint),
    AddedPoint(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DelegateField {
    Name,
    Title,
    Organisation,
    Rank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointField {
    Name,
    Date,
    Host,
    Expected,
    Actual,
}

#[derive(Debug, Clone)]
pub enum Message {
    New,
    EditDelegate(i64),
    DelegateEdited(DelegateField, String),
    SaveDelegate,
    RemoveDelegate(i64),
    Attending(i64, bool),
    NewPoint,
    EditPoint(i64),
    PointEdited(PointField, String),
    PointKindPicked(PointKind),
    SavePoint,
    RemovePoint(i64),
    Cancel,
    Undo,
}

/// Changes the screen asks the app to write. An `Add` with an id other than 0 restores a
/// removed row under its old id.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    AddDelegate(Delegate),
    SaveDelegate(Delegate),
    RemoveDelegate(i64),
    AddPoint(EventPoint),
    SavePoint(EventPoint),
    RemovePoint(i64),
}

impl Guests {
    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let delegate = |id: i64| data.delegates.iter().find(|d| d.id == id).cloned();
        let point = |id: i64| data.points.iter().find(|p| p.id == id).cloned();
        match message {
            Message::New => {
                let rank = data.delegates.iter().map(|d| d.rank).max().unwrap_or(0) + 1;
                self.delegate = Some(DelegateDraft {
                    rank: rank.to_string(),
                    attending: true,
                    ..DelegateDraft::default()
                });
                let task = Task::batch([
                    operation::snap_to(PAGE, operation::RelativeOffset::START),
                    operation::focus(DELEGATE_NAME),
                ]);
                (task, None)
            }
            Message::EditDelegate(id) => {
                let Some(d) = delegate(id) else { return none() };
                self.delegate = Some(DelegateDraft {
                    id: Some(id),
                    name: d.name,
                    title: d.title,
                    organisation: d.organisation,
                    rank: d.rank.to_string(),
                    attending: d.attending,
                    error: None,
                });
                (operation::focus(DELEGATE_NAME), None)
            }
            Message::DelegateEdited(which, raw) => {
                let Some(draft) = self.delegate.as_mut() else {
                    return none();
                };
                let typed = Typed::from_raw(&raw);
                *match which {
                    DelegateField::Name => &mut draft.name,
                    DelegateField::Title => &mut draft.title,
                    DelegateField::Organisation => &mut draft.organisation,
                    DelegateField::Rank => &mut draft.rank,
                } = typed.value;
                draft.error = None;
                if typed.submit {
                    return self.save_delegate(data);
                }
                none()
            }
            Message::SaveDelegate => self.save_delegate(data),
            Message::RemoveDelegate(id) => {
                let Some(d) = delegate(id) else { return none() };
                let notice = format!("Đã xóa đại biểu {}.", d.name);
                self.history
                    .remember(Undo::RemovedDelegate(d), Some(notice));
                if self
                    .delegate
                    .as_ref()
                    .is_some_and(|draft| draft.id == Some(id))
                {
                    self.delegate = None;
                }
                (Task::none(), Some(Event::RemoveDelegate(id)))
            }
            Message::Attending(id, attending) => {
                let Some(d) = delegate(id) else { return none() };
                self.history
                    .remember(Undo::ChangedDelegate(d.clone()), None);
                (
                    Task::none(),
                    Some(Event::SaveDelegate(Delegate { attending, ..d })),
                )
            }
            Message::NewPoint => {
                self.point = Some(PointDraft::new(data.event.date));
                (operation::focus(POINT_NAME), None)
            }
            Message::EditPoint(id) => {
                let Some(p) = point(id) else { return none() };
                self.point = Some(PointDraft {
                    id: Some(id),
                    name: p.name,
                    kind: p.kind,
                    date: date_short(p.date),
                    host: p.host,
                    expected: p.expected.to_string(),
                    actual: p.actual.map(|a| a.to_string()).unwrap_or_default(),
                    error: None,
                });
                (operation::focus(POINT_NAME), None)
            }
            Message::PointEdited(which, raw) => {
                let Some(draft) = self.point.as_mut() else {
                    return none();
                };
                let typed = Typed::from_raw(&raw);
                *match which {
                    PointField::Name => &mut draft.name,
                    PointField::Date => &mut draft.date,
                    PointField::Host => &mut draft.host,
                    PointField::Expected => &mut draft.expected,
                    PointField::Actual => &mut draft.actual,
                } = typed.value;
                draft.error = None;
                if typed.submit {
                    return self.save_point(data);
                }
                none()
            }
            Message::PointKindPicked(kind) => {
                if let Some(draft) = self.point.as_mut() {
                    draft.kind = kind;
                }
                none()
            }
            Message::SavePoint => self.save_point(data),
            Message::RemovePoint(id) => {
                let Some(p) = point(id) else { return none() };
                let notice = format!("Đã xóa điểm “{}”.", p.name);
                self.history.remember(Undo::RemovedPoint(p), Some(notice));
                if self
                    .point
                    .as_ref()
                    .is_some_and(|draft| draft.id == Some(id))
                {
                    self.point = None;
                }
                (Task::none(), Some(Event::RemovePoint(id)))
            }
            Message::Cancel => {
                self.delegate = None;
                self.point = None;
                none()
            }
            Message::Undo => {
                let event = match self.history.pop() {
                    Some(Undo::RemovedDelegate(d)) => Event::AddDelegate(d),
                    Some(Undo::ChangedDelegate(d)) => Event::SaveDelegate(d),
                    Some(Undo::AddedDelegate(id)) => Event::RemoveDelegate(id),
                    Some(Undo::RemovedPoint(p)) => Event::AddPoint(p),
                    Some(Undo::ChangedPoint(p)) => Event::SavePoint(p),
                    Some(Undo::AddedPoint(id)) => Event::RemovePoint(id),
                    None => return none(),
                };
                (Task::none(), Some(event))
            }
        }
    }

    /// The app reports the id of a delegate it has just added, so that adding can be undone.
    pub fn added_delegate(&mut self, id: i64, name: &str) {
        let notice = format!("Đã thêm đại biểu {name}.");
        self.history.remember(Undo::AddedDelegate(id), Some(notice));
    }

    /// The app reports the id of a point it has just added, so that adding can be undone.
    pub fn added_point(&mut self, id: i64, name: &str) {
        let notice = format!("Đã thêm điểm “{name}”.");
        self.history.remember(Undo::AddedPoint(id), Some(notice));
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    fn save_delegate(&mut self, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let Some(draft) = self.delegate.as_mut() else {
            return none();
        };
        let rank = match draft.rank.trim().parse::<u32>() {
            Ok(rank) if rank > 0 => rank,
            _ => {
                draft.error = Some(format!(
                    "Thứ tự “{}” phải là số từ 1 trở lên.",
                    draft.rank.trim()
                ));
                return none();
            }
        };
        let delegate = Delegate {
            id: draft.id.unwrap_or(0),
            name: draft.name.clone(),
            title: draft.title.clone(),
            organisation: draft.organisation.clone(),
            rank,
            attending: draft.attending,
        }
        .cleaned();
        if let Err(invalid) = delegate.validate() {
            draft.error = Some(invalid.0);
            return none();
        }
        let event = match draft.id {
            Some(id) => {
                if let Some(before) = data.delegates.iter().find(|d| d.id == id) {
                    self.history
                        .remember(Undo::ChangedDelegate(before.clone()), None);
                }
                Event::SaveDelegate(delegate)
            }
            None => Event::AddDelegate(delegate),
        };
        self.delegate = None;
        (Task::none(), Some(event))
    }

    fn save_point(&mut self, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let Some(draft) = self.point.as_mut() else {
            return none();
        };
        let point = match draft.point() {
            Ok(point) => point,
            Err(message) => {
                draft.error = Some(message);
                return none();
            }
        };
        let event = match draft.id {
            Some(id) => {
                if let Some(before) = data.points.iter().find(|p| p.id == id) {
                    self.history
                        .remember(Undo::ChangedPoint(before.clone()), None);
                }
                Event::SavePoint(point)
            }
            None => Event::AddPoint(point),
        };
        self.point = None;
        (Task::none(), Some(event))
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let attending = data.delegates.iter().filter(|d| d.attending).count();
        let (expected, actual) = participants(&data.points);
        let header = row![
            page_title(
                format!("Đại biểu và điểm tổ chức · Năm {}", data.event.year),
                "Đại biểu được giới thiệu theo thứ tự nghi thức; số người tham gia đưa vào báo cáo.",
            ),
            Space::new().width(Length::Fill),
            button(text("+ Thêm đại biểu").font(font::SEMIBOLD))
                .padding([10, 18])
                .style(theme::primary)
                .on_press(Message::New),
        ]
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
        let notice = self.history.notice().map(|m| undo_notice(m, Message::Undo));

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
        let mut rows = column![table_header(&columns)];
        if let Some(draft) = self.delegate.as_ref().filter(|d| d.id.is_none()) {
            rows = rows.push(delegate_form(draft));
        }
        for d in &data.delegates {
            if let Some(draft) = self
                .delegate
                .as_ref()
                .filter(|draft| draft.id == Some(d.id))
            {
                rows = rows.push(delegate_form(draft));
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
                        actions(Message::EditDelegate(id), Message::RemoveDelegate(id)),
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
        if data.delegates.is_empty() && self.delegate.is_none() {
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
        let mut rows = column![table_header(&columns)];
        for p in &data.points {
            if let Some(draft) = self.point.as_ref().filter(|draft| draft.id == Some(p.id)) {
                rows = rows.push(point_form(draft));
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
                        actions(Message::EditPoint(p.id), Message::RemovePoint(p.id)),
                    ]
                    .spacing(12)
                    .align_y(Alignment::Center),
                )
                .padding(Padding::from([8, 12]))
                .style(theme::row_plain),
            );
        }
        if data.points.is_empty() && self.point.is_none() {
            rows = rows
                .push(container(text("Chưa có điểm tổ chức nào.").style(theme::muted)).padding(12));
        }
        // A new point is typed where "+ Thêm điểm" was pressed.
        let end: Element<'a, Message> = match self.point.as_ref().filter(|p| p.id.is_none()) {
            Some(draft) => point_form(draft),
            None => button(text("+ Thêm điểm"))
                .style(theme::secondary)
                .padding([6, 14])
                .on_press(Message::NewPoint)
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

fn delegate_form(draft: &DelegateDraft) -> Element<'_, Message> {
    let edit = |which| move |value| Message::DelegateEdited(which, value);
    let save = Message::SaveDelegate;
    inline_form(
        column![
            row![
                submit_field(
                    "Thứ tự",
                    "1",
                    &draft.rank,
                    "delegate-rank",
                    edit(DelegateField::Rank),
                    save.clone()
                ),
                submit_field(
                    "Họ và tên",
                    "Nguyễn Văn A",
                    &draft.name,
                    DELEGATE_NAME,
                    edit(DelegateField::Name),
                    save.clone()
                ),
                submit_field(
                    "Chức vụ",
                    "Phó Chủ tịch",
                    &draft.title,
                    "delegate-title",
                    edit(DelegateField::Title),
                    save.clone()
                ),
                submit_field(
                    "Đơn vị",
                    "Ủy ban nhân dân phường",
                    &draft.organisation,
                    "delegate-organisation",
                    edit(DelegateField::Organisation),
                    save.clone()
                ),
            ]
            .spacing(10),
        ],
        draft.error.as_deref(),
        "Lưu",
        save,
        Message::Cancel,
    )
}

fn point_form(draft: &PointDraft) -> Element<'_, Message> {
    let edit = |which| move |value| Message::PointEdited(which, value);
    let save = Message::SavePoint;
    inline_form(
        column![
            row![
                submit_field(
                    "Tên điểm",
                    "Nhà văn hóa Khu phố 3",
                    &draft.name,
                    POINT_NAME,
                    edit(PointField::Name),
                    save.clone()
                ),
                labelled(
                    "Loại",
                    pick_list(PointKind::ALL, Some(draft.kind), Message::PointKindPicked)
                        .padding(8)
                        .width(Length::Fill)
                ),
                submit_field(
                    "Ngày",
                    "dd/mm/yyyy",
                    &draft.date,
                    "point-date",
                    edit(PointField::Date),
                    save.clone()
                ),
            ]
            .spacing(10),
            row![
                submit_field(
                    "Đơn vị chủ trì",
                    "",
                    &draft.host,
                    "point-host",
                    edit(PointField::Host),
                    save.clone()
                ),
                submit_field(
                    "Số người dự kiến",
                    "0",
                    &draft.expected,
                    "point-expected",
                    edit(PointField::Expected),
                    save.clone()
                ),
                submit_field(
                    "Số người thực tế",
                    "để trống nếu chưa biết",
                    &draft.actual,
                    "point-actual",
                    edit(PointField::Actual),
                    save.clone()
                ),
            ]
            .spacing(10),
        ],
        draft.error.as_deref(),
        "Lưu",
        save,
        Message::Cancel,
    )
}

impl PointDraft {
    fn new(date: NaiveDate) -> PointDraft {
        PointDraft {
            id: None,
            name: String::new(),
            kind: PointKind::Residential,
            date: date_short(date),
            host: String::new(),
            expected: "0".into(),
            actual: String::new(),
            error: None,
        }
    }

    /// The point the form describes, or the reason it cannot be saved.
    fn point(&self) -> Result<EventPoint, String> {
        let date = parse_date(&self.date).ok_or_else(|| {
            format!(
                "Ngày “{}” không phải ngày hợp lệ (dd/mm/yyyy).",
                self.date.trim()
            )
        })?;
        let count = |value: &str, label: &str| -> Result<u32, String> {
            let digits: String = value.trim().chars().filter(|c| *c != '.').collect();
            digits
                .parse()
                .map_err(|_| format!("{label} “{}” không hợp lệ.", value.trim()))
        };
        let expected = count(&self.expected, "Số người dự kiến")?;
        let actual = match self.actual.trim() {
            "" => None,
            typed => Some(count(typed, "Số người thực tế")?),
        };
        let point = EventPoint {
            id: self.id.unwrap_or(0),
            name: self.name.clone(),
            kind: self.kind,
            date,
            host: self.host.clone(),
            expected,
            actual,
        }
        .cleaned();
        point.validate().map_err(|e| e.0)?;
        Ok(point)
    }
}

fn none() -> (Task<Message>, Option<Event>) {
    (Task::none(), None)
}

//! The forms of the delegates and the event points: what is typed, and the row it describes.

use iced::Length;
use iced::widget::{Column, column, pick_list, row};

use crate::domain::{Delegate, EventPoint, PointKind};
use crate::gui::data::{Kind, Snapshot};
use crate::gui::records::{self, Record};
use crate::gui::widget::{Slot, labelled, submit_field, typed_date};
use crate::text::date_short;

const DELEGATE_NAME: &str = "delegate-name";
const POINT_NAME: &str = "point-name";

/// A delegate's form as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DelegateDraft {
    name: String,
    title: String,
    organisation: String,
    rank: String,
}

/// An event point's form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct PointDraft {
    name: String,
    kind: PointKind,
    date: String,
    host: String,
    expected: String,
    actual: String,
}

impl Record for Delegate {
    type Draft = DelegateDraft;
    type Choice = std::convert::Infallible;
    const KIND: Kind = Kind::Delegate;
    const FOCUS: &'static str = DELEGATE_NAME;

    fn list(data: &Snapshot) -> &[Self] {
        &data.plan.delegates
    }

    fn blank(data: &Snapshot) -> DelegateDraft {
        let rank = data
            .plan
            .delegates
            .iter()
            .map(|d| d.rank)
            .max()
            .unwrap_or(0)
            + 1;
        DelegateDraft {
            rank: rank.to_string(),
            ..DelegateDraft::default()
        }
    }

    fn draft(&self, _: &Snapshot) -> DelegateDraft {
        DelegateDraft {
            name: self.name.clone(),
            title: self.title.clone(),
            organisation: self.organisation.clone(),
            rank: self.rank.to_string(),
        }
    }

    fn build(draft: &DelegateDraft, before: Option<&Self>, _: &Snapshot) -> Result<Self, String> {
        let rank = match draft.rank.trim().parse::<u32>() {
            Ok(rank) if rank > 0 => rank,
            _ => {
                return Err(format!(
                    "Thứ tự “{}” phải là số từ 1 trở lên.",
                    draft.rank.trim()
                ));
            }
        };
        let delegate = Delegate {
            id: before.map_or(0, |b| b.id),
            name: draft.name.clone(),
            title: draft.title.clone(),
            organisation: draft.organisation.clone(),
            rank,
            // The row's box ticks it, not the form: the stored row's, which undo may have
            // changed while the form was open. A new delegate attends.
            attending: before.is_none_or(|b| b.attending),
        }
        .cleaned();
        delegate.validate().map_err(|invalid| invalid.0)?;
        Ok(delegate)
    }

    fn fields(draft: &DelegateDraft) -> Column<'_, records::Message<Self>> {
        let edit = |slot: Slot<DelegateDraft>| move |value| records::Message::Edited(slot, value);
        let save = records::Message::Save;
        column![
            row![
                submit_field(
                    "Thứ tự",
                    "1",
                    &draft.rank,
                    "delegate-rank",
                    edit(|d| &mut d.rank),
                    save.clone()
                ),
                submit_field(
                    "Họ và tên",
                    "Nguyễn Văn A",
                    &draft.name,
                    DELEGATE_NAME,
                    edit(|d| &mut d.name),
                    save.clone()
                ),
                submit_field(
                    "Chức vụ",
                    "Phó Chủ tịch",
                    &draft.title,
                    "delegate-title",
                    edit(|d| &mut d.title),
                    save.clone()
                ),
                submit_field(
                    "Đơn vị",
                    "Ủy ban nhân dân phường",
                    &draft.organisation,
                    "delegate-organisation",
                    edit(|d| &mut d.organisation),
                    save
                ),
            ]
            .spacing(10),
        ]
    }

    fn label(&self) -> String {
        format!("đại biểu {}", self.name)
    }
}

impl Record for EventPoint {
    type Draft = PointDraft;
    type Choice = PointKind;
    const KIND: Kind = Kind::Point;
    const FOCUS: &'static str = POINT_NAME;

    fn list(data: &Snapshot) -> &[Self] {
        &data.plan.points
    }

    fn blank(data: &Snapshot) -> PointDraft {
        PointDraft {
            name: String::new(),
            kind: PointKind::Residential,
            date: date_short(data.plan.event.date),
            host: String::new(),
            expected: "0".into(),
            actual: String::new(),
        }
    }

    fn draft(&self, _: &Snapshot) -> PointDraft {
        PointDraft {
            name: self.name.clone(),
            kind: self.kind,
            date: date_short(self.date),
            host: self.host.clone(),
            expected: self.expected.to_string(),
            actual: self.actual.map(|a| a.to_string()).unwrap_or_default(),
        }
    }

    fn choose(draft: &mut PointDraft, kind: PointKind) {
        draft.kind = kind;
    }

    fn build(draft: &PointDraft, before: Option<&Self>, _: &Snapshot) -> Result<Self, String> {
        let date = typed_date(&draft.date, "Ngày")?;
        let count = |value: &str, label: &str| -> Result<u32, String> {
            let digits: String = value.trim().chars().filter(|c| *c != '.').collect();
            digits
                .parse()
                .map_err(|_| format!("{label} “{}” không hợp lệ.", value.trim()))
        };
        let expected = count(&draft.expected, "Số người dự kiến")?;
        let actual = match draft.actual.trim() {
            "" => None,
            typed => Some(count(typed, "Số người thực tế")?),
        };
        let point = EventPoint {
            id: before.map_or(0, |b| b.id),
            name: draft.name.clone(),
            kind: draft.kind,
            date,
            host: draft.host.clone(),
            expected,
            actual,
        }
        .cleaned();
        point.validate().map_err(|e| e.0)?;
        Ok(point)
    }

    fn fields(draft: &PointDraft) -> Column<'_, records::Message<Self>> {
        let edit = |slot: Slot<PointDraft>| move |value| records::Message::Edited(slot, value);
        let save = records::Message::Save;
        column![
            row![
                submit_field(
                    "Tên điểm",
                    "Nhà văn hóa Khu phố 3",
                    &draft.name,
                    POINT_NAME,
                    edit(|d| &mut d.name),
                    save.clone()
                ),
                labelled(
                    "Loại",
                    pick_list(PointKind::ALL, Some(draft.kind), records::Message::Chosen)
                        .padding(8)
                        .width(Length::Fill)
                ),
                submit_field(
                    "Ngày",
                    "dd/mm/yyyy",
                    &draft.date,
                    "point-date",
                    edit(|d| &mut d.date),
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
                    edit(|d| &mut d.host),
                    save.clone()
                ),
                submit_field(
                    "Số người dự kiến",
                    "0",
                    &draft.expected,
                    "point-expected",
                    edit(|d| &mut d.expected),
                    save.clone()
                ),
                submit_field(
                    "Số người thực tế",
                    "để trống nếu chưa biết",
                    &draft.actual,
                    "point-actual",
                    edit(|d| &mut d.actual),
                    save
                ),
            ]
            .spacing(10),
        ]
    }

    fn label(&self) -> String {
        format!("điểm “{}”", self.name)
    }
}

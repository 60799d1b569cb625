//! The gift form of the visits screen: the text typed, how it becomes visits (or the sentence
//! that says why it cannot), and how it is drawn. The household form is in `household`.

use chrono::NaiveDate;
use iced::Element;
use iced::widget::{checkbox, column, row, text};

use super::view::statuses;
use super::{Event, GIFT, Message, Undo, Update, none};
use crate::domain::VisitMark;
use crate::gui::data::Snapshot;
use crate::gui::font;
use crate::gui::widget::{Slot, inline_form, labelled_pick, submit_field};
use iced::Task;

use crate::domain::{Visit, VisitStatus};
use crate::text::{date_short, parse_date, parse_money, thousands};

/// One visit's gift, typed once: for one household, or for every household of a filter.
#[derive(Debug, Clone, PartialEq)]
pub struct GiftDraft {
    /// The visit being edited, if any.
    pub id: Option<i64>,
    /// The household, for a single visit; `None` for a batch.
    pub household_id: Option<i64>,
    pub gift: String,
    pub value: String,
    pub quantity: String,
    pub source: String,
    pub delegation: String,
    pub date: String,
    pub status: VisitStatus,
    /// For a batch: leave out households that already have a visit this year.
    pub skip_visited: bool,
    pub error: Option<String>,
}

impl GiftDraft {
    pub fn new(household_id: Option<i64>, date: NaiveDate) -> GiftDraft {
        GiftDraft {
            id: None,
            household_id,
            gift: "Quà và tiền mặt".into(),
            value: "500.000".into(),
            quantity: "1".into(),
            source: "Ngân sách".into(),
            delegation: String::new(),
            date: date_short(date),
            status: VisitStatus::Planned,
            skip_visited: true,
            error: None,
        }
    }

    pub fn of(v: &Visit) -> GiftDraft {
        GiftDraft {
            id: Some(v.id),
            household_id: Some(v.household_id),
            gift: v.gift.clone(),
            value: thousands(v.value),
            quantity: v.quantity.to_string(),
            source: v.source.clone(),
            delegation: v.delegation.clone(),
            date: v.date.map(date_short).unwrap_or_default(),
            status: v.status,
            skip_visited: false,
            error: None,
        }
    }

    /// The visit for `household_id` the form describes.
    pub fn visit(&self, household_id: i64) -> Result<Visit, String> {
        let value = parse_money(&self.value).ok_or_else(|| {
            format!(
                "Giá trị “{}” không hợp lệ; ghi số đồng, ví dụ 500.000.",
                self.value.trim()
            )
        })?;
        let quantity = self
            .quantity
            .trim()
            .parse::<u32>()
            .map_err(|_| format!("Số lượng “{}” phải là số nguyên.", self.quantity.trim()))?;
        let date = match self.date.trim() {
            "" => None,
            typed => Some(
                parse_date(typed)
                    .ok_or_else(|| format!("Ngày “{typed}” không hợp lệ (dd/mm/yyyy)."))?,
            ),
        };
        let visit = Visit {
            id: self.id.unwrap_or(0),
            household_id,
            date,
            delegation: self.delegation.clone(),
            gift: self.gift.clone(),
            value,
            quantity,
            source: self.source.clone(),
            status: self.status,
        }
        .cleaned();
        visit.validate().map_err(|e| e.0)?;
        Ok(visit)
    }
}

/// The gift form: one visit (new or edited) or, without a household, a batch for every
/// household of the filter.
pub(super) fn gift_form<'a>(
    draft: &'a GiftDraft,
    data: &'a Snapshot,
    filtered: usize,
) -> Element<'a, Message> {
    let edit = |slot: Slot<GiftDraft>| move |value| Message::GiftEdited(slot, value);
    let save = Message::SaveGift;
    let heading: Element<'a, Message> = match draft.household_id {
        None => text(format!(
            "Tạo lượt thăm cho {} hộ đang lọc",
            thousands(filtered as i64)
        ))
        .font(font::SEMIBOLD)
        .into(),
        Some(id) => text(format!(
            "Lượt thăm hộ {}",
            data.households
                .roster
                .get(id)
                .map_or("", |h| h.name.as_str())
        ))
        .font(font::SEMIBOLD)
        .into(),
    };
    let label = match (draft.household_id, draft.id) {
        (None, _) => "Tạo các lượt thăm".to_string(),
        (Some(_), Some(_)) => "Lưu".to_string(),
        (Some(_), None) => "Thêm lượt thăm".to_string(),
    };
    let skip = draft.household_id.is_none().then(|| {
        checkbox(draft.skip_visited)
            .label("Bỏ qua các hộ đã có lượt thăm năm nay")
            .on_toggle(Message::SkipVisited)
    });
    inline_form(
        column![
            heading,
            row![
                submit_field(
                    "Quà tặng",
                    "Quà và tiền mặt",
                    &draft.gift,
                    GIFT,
                    edit(|d| &mut d.gift),
                    save.clone()
                ),
                submit_field(
                    "Giá trị mỗi suất (đồng)",
                    "500.000",
                    &draft.value,
                    "gift-value",
                    edit(|d| &mut d.value),
                    save.clone()
                ),
                submit_field(
                    "Số lượng",
                    "1",
                    &draft.quantity,
                    "gift-quantity",
                    edit(|d| &mut d.quantity),
                    save.clone()
                ),
                submit_field(
                    "Nguồn kinh phí",
                    "Ngân sách",
                    &draft.source,
                    "gift-source",
                    edit(|d| &mut d.source),
                    save.clone()
                ),
            ]
            .spacing(10),
            row![
                submit_field(
                    "Người thăm",
                    "Đ/c Bí thư Đảng ủy phường",
                    &draft.delegation,
                    "gift-delegation",
                    edit(|d| &mut d.delegation),
                    save.clone()
                ),
                submit_field(
                    "Ngày thăm",
                    "dd/mm/yyyy",
                    &draft.date,
                    "gift-date",
                    edit(|d| &mut d.date),
                    save.clone()
                ),
                labelled_pick(
                    "Trạng thái",
                    statuses(),
                    &draft.status,
                    Message::StatusPicked
                ),
            ]
            .spacing(10),
        ]
        .push(skip),
        draft.error.as_deref(),
        label,
        save,
        Message::Cancel,
    )
}

impl super::Visits {
    /// "Lưu" on the gift form: a visit changed, or one new visit for each household it is for.
    pub(super) fn save_gift(&mut self, data: &Snapshot) -> Update {
        let targets: Vec<i64> = match self.gift.as_ref() {
            Some(GiftDraft {
                household_id: Some(id),
                ..
            }) => vec![*id],
            Some(draft) => self
                .filtered(data)
                .into_iter()
                .filter(|h| {
                    !draft.skip_visited
                        || matches!(
                            data.households.mark(h.id),
                            VisitMark::NotVisited | VisitMark::Cancelled
                        )
                })
                .map(|h| h.id)
                .collect(),
            None => return none(),
        };
        let Some(draft) = self.gift.as_mut() else {
            return none();
        };
        if targets.is_empty() {
            draft.error = Some(
                "Không có hộ nào trong danh sách đang lọc (hoặc các hộ đều đã có lượt thăm)."
                    .into(),
            );
            return none();
        }
        let visits: Result<Vec<Visit>, String> =
            targets.iter().map(|&id| draft.visit(id)).collect();
        let visits = match visits {
            Ok(visits) => visits,
            Err(message) => {
                draft.error = Some(message);
                return none();
            }
        };
        let event = match draft.id {
            Some(id) => {
                if let Some(before) = data.households.visits.iter().find(|v| v.id == id) {
                    self.history
                        .remember(Undo::ChangedVisits(vec![before.clone()]), None);
                }
                Event::SaveVisits(visits)
            }
            None => Event::AddVisits(visits),
        };
        self.gift = None;
        (Task::none(), Some(event))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gift_form_reads_money_the_way_it_is_written() {
        let day = NaiveDate::from_ymd_opt(2026, 8, 14).unwrap();
        let mut draft = GiftDraft::new(None, day);
        draft.value = "1.000.000 đ".into();
        draft.quantity = "2".into();
        let v = draft.visit(7).unwrap();
        assert_eq!((v.value, v.quantity, v.household_id), (1_000_000, 2, 7));
        assert_eq!(v.date, Some(day));
        draft.value = "1,5 triệu".into();
        assert!(draft.visit(7).unwrap_err().contains("1,5 triệu"));
    }
}

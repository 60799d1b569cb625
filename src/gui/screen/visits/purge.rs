//! "Xóa hẳn": offered right after a household is removed, for a family that asks to be
//! forgotten. The ordinary removal can be undone and the backups keep the family until they
//! rotate away; this takes it out of every backup too and cannot be undone, so it is asked
//! for once more, in words that say so.

use iced::widget::{button, column, container, row, text};
use iced::{Alignment, Element, Length, Padding};

use super::{Message, Undo, Visits};
use crate::domain::Household;
use crate::gui::history;
use crate::gui::widget::{danger_link, secondary_button, undo_notice};
use crate::gui::{font, theme};

impl Visits {
    /// The household the newest step removed, while Ctrl+Z would still bring it back.
    pub(super) fn just_removed(&self) -> Option<&Household> {
        match (history::newest(&self.timelines()), self.history.last()) {
            (Some(1), Some(Undo::RemovedHousehold(removed))) => Some(&removed.household),
            _ => None,
        }
    }

    /// "Xóa hẳn…" pressed: ask first.
    pub(super) fn ask_purge(&mut self) {
        self.purging = self.just_removed().cloned();
    }

    /// Confirmed: the removal can no longer be undone, so its step goes; the household is
    /// handed to the job.
    pub(super) fn confirm_purge(&mut self) -> Option<Household> {
        let household = self.purging.take()?;
        if self.just_removed().is_some_and(|h| h.id == household.id) {
            self.history.pop();
        }
        Some(household)
    }

    /// The undo notice, with the offer to purge after a household's removal, or the question.
    pub(super) fn notice_view(&self) -> Option<Element<'_, Message>> {
        if let Some(household) = &self.purging {
            return Some(question(household));
        }
        let notice = undo_notice(history::notice(&self.timelines())?, Message::Undo);
        Some(match self.just_removed() {
            Some(_) => row![notice, danger_link("Xóa hẳn…", Message::Purge)]
                .spacing(8)
                .align_y(Alignment::Center)
                .into(),
            None => notice,
        })
    }
}

fn question(household: &Household) -> Element<'_, Message> {
    let body = format!(
        "Xóa hẳn hộ “{}”? Họ tên, năm sinh, địa chỉ, số điện thoại và các lượt thăm của hộ sẽ bị xóa khỏi tệp dữ liệu và khỏi mọi bản sao lưu trong thư mục sao lưu. Việc này không hoàn tác được, kể cả bằng cách khôi phục bản sao lưu. Tệp đã xuất hoặc đã in ra thì ứng dụng không xóa được.",
        household.name
    );
    container(
        column![
            text(body),
            row![
                button(text("Xóa hẳn").font(font::SEMIBOLD))
                    .padding([8, 16])
                    .style(button::danger)
                    .on_press(Message::ConfirmPurge),
                secondary_button("Giữ lại", [8, 16]).on_press(Message::CancelPurge),
            ]
            .spacing(10),
        ]
        .spacing(10),
    )
    .padding(Padding::from([10, 14]))
    .width(Length::Fill)
    .style(theme::error_box)
    .into()
}

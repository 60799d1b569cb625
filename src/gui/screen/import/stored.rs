//! The part of the import preview about rows already stored: how many are skipped, what
//! differs in the changed ones, and the two choices — update them ("Cập nhật N hộ đã có với
//! thông tin mới"), or add every row again on purpose.

use iced::widget::{Space, checkbox, column, container, scrollable, text};
use iced::{Element, Length};

use super::Blanks;
use super::{ImportPanel, Message, SHOWN_ERRORS};
use crate::gui::{font, theme};
use crate::import::{Choice, Preview};
use crate::text::thousands;

fn n(count: usize) -> String {
    thousands(count as i64)
}

/// The save button's words: "Nhập 3 hộ", "Nhập 1 hộ, cập nhật 2 hộ", "Cập nhật 2 hộ".
pub(super) fn save_label<T>(preview: &Preview<T>, choice: Choice, noun: &str) -> String {
    let counts = preview.counts;
    let (added, updated) = if choice.allow_duplicates {
        (counts.accepted, 0)
    } else if choice.update {
        (counts.fresh(), counts.changed)
    } else {
        (counts.fresh(), 0)
    };
    match (added, updated) {
        (0, updated) => format!("Cập nhật {} {noun}", n(updated)),
        (added, 0) => format!("Nhập {} {noun}", n(added)),
        (added, updated) => format!("Nhập {} {noun}, cập nhật {} {noun}", n(added), n(updated)),
    }
}

impl<K: Blanks> ImportPanel<K>
where
    K::Row: Clone,
{
    /// Nothing when no row is stored yet.
    pub(super) fn stored<'a>(&'a self, noun: &'a str) -> Element<'a, Message> {
        let counts = self.preview.counts;
        let stored = counts.same + counts.changed;
        if stored == 0 {
            return Space::new().height(0).into();
        }
        let allow = self.choice.allow_duplicates;
        let mut list = column![].spacing(4);
        if counts.same > 0 && !allow {
            list = list.push(
                text(format!(
                    "Bỏ qua {} dòng đã có trong dữ liệu (không nhập hai lần).",
                    n(counts.same)
                ))
                .font(font::SEMIBOLD),
            );
        }
        if counts.changed > 0 {
            list = list.push(
                text(format!(
                    "{} dòng đã có nhưng khác với dữ liệu đã lưu{}:",
                    n(counts.changed),
                    if self.choice.update || allow {
                        ""
                    } else {
                        " (bỏ qua nếu không chọn cập nhật)"
                    }
                ))
                .font(font::SEMIBOLD),
            );
            let mut changes = column![].spacing(2);
            for (row, what) in self.preview.changes().take(SHOWN_ERRORS) {
                changes = changes
                    .push(text(format!("Dòng {row}: {}.", what.join("; "))).size(theme::SMALL));
            }
            list = list
                .push(container(scrollable(changes).height(Length::Shrink)).max_height(160.0))
                .push(
                    checkbox(self.choice.update && !allow)
                        .label(format!(
                            "Cập nhật {} {noun} đã có với thông tin mới",
                            n(counts.changed)
                        ))
                        .on_toggle_maybe((!allow).then_some(Message::Update)),
                );
        }
        if K::MAY_DUPLICATE {
            list = list.push(
                checkbox(allow)
                    .label(format!(
                        "Vẫn nhập {} dòng đã có thành {noun} mới (nhập trùng)",
                        n(stored)
                    ))
                    .on_toggle(Message::AllowDuplicates),
            );
        }
        container(list)
            .padding(8)
            .width(Length::Fill)
            .style(theme::notice)
            .into()
    }
}

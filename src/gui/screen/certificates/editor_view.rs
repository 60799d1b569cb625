//! The editor card of the certificates screen: the paper, then one row per field of the
//! template (its box, font, size, alignment and flags), with nudges typed in millimetres.

use iced::widget::{button, checkbox, column, container, pick_list, row, text};
use iced::{Alignment, Element, Length, Padding};

use super::editor::{AlignChoice, Column, Edit, Flag, PaperKind, cell_id};
use super::view::{clean, label, small_input};
use super::{Certificates, Message};
use crate::certificate::Mode;
use crate::gui::data::Snapshot;
use crate::gui::widget::{link, primary_button, secondary_button};
use crate::gui::{font, theme};

/// The widths of the field table's columns.
const SPACING: f32 = 6.0;
const LABEL: f32 = 180.0;
const FLAG: f32 = 34.0;
const FLAG_WIDE: f32 = 52.0;
const NUM: f32 = 64.0;
const PT: f32 = 60.0;
const LINES: f32 = 54.0;
const ALIGN: f32 = 78.0;

impl Certificates {
    pub(super) fn editor_card<'a>(&'a self, _data: &'a Snapshot) -> Element<'a, Message> {
        let Some(editor) = self.editor() else {
            return column![].into();
        };
        let edit = |e: Edit| Message::Edit(e);
        let paper_kind = editor.paper_kind();
        let mut paper = row![label("Khổ giấy")]
            .spacing(8)
            .align_y(Alignment::Center)
            .extend(PaperKind::ALL.iter().map(|kind| {
                button(text(kind.label()))
                    .style(theme::nav(*kind == paper_kind))
                    .padding([6, 12])
                    .on_press(edit(Edit::Paper(*kind)))
                    .into()
            }));
        if paper_kind == PaperKind::Custom {
            paper = paper.extend([
                small_input("cert-paper-width", &editor.paper_width, 70.0, |v| {
                    Message::Edit(Edit::PaperWidth(clean(v)))
                }),
                text("×").into(),
                small_input("cert-paper-height", &editor.paper_height, 70.0, |v| {
                    Message::Edit(Edit::PaperHeight(clean(v)))
                }),
                text("mm").into(),
            ]);
        }
        let background: Option<Element<'a, Message>> = (self.mode == Mode::Blank).then(|| {
            let missing = editor.background().is_some_and(|p| !p.is_file());
            let shown = editor.background().map_or_else(
                || "Chưa có ảnh quét phôi (chỉ để xem trước, không bao giờ in ra).".to_string(),
                |p| {
                    if missing {
                        format!("Không tìm thấy ảnh phôi “{}”.", p.display())
                    } else {
                        format!("Ảnh phôi (chỉ để xem trước): {}", p.display())
                    }
                },
            );
            row![
                label("Phôi"),
                text(shown)
                    .size(theme::SMALL)
                    .style(if missing {
                        theme::danger_text
                    } else {
                        theme::muted
                    })
                    .width(Length::Fill),
                secondary_button("Chọn ảnh phôi…", [6, 12]).on_press(Message::ChooseBackground),
            ]
            .push(
                editor
                    .background()
                    .map(|_| link("Bỏ ảnh", Message::Edit(Edit::Background(None)))),
            )
            .spacing(8)
            .align_y(Alignment::Center)
            .into()
        });

        let header = [
            ("Ô", LABEL),
            ("In", FLAG),
            ("Cách trái", NUM),
            ("Cách trên", NUM),
            ("Rộng", NUM),
            ("Cao", NUM),
            ("Cỡ chữ", PT),
            ("Nhỏ nhất", PT),
            ("Số dòng", LINES),
            ("Đậm", FLAG),
            ("Nghiêng", FLAG_WIDE),
            ("Căn lề", ALIGN),
        ];
        let head = row(header.iter().map(|(title, width)| {
            text(*title)
                .size(theme::SMALL)
                .font(font::SEMIBOLD)
                .width(Length::Fixed(*width))
                .into()
        }))
        .spacing(SPACING);
        let rows = editor.rows().map(|(f, cells)| {
            let key = f.key;
            let flag = |on: bool, which: Flag, width: f32| -> Element<'a, Message> {
                container(checkbox(on).on_toggle(move |v| edit(Edit::Flag(key, which, v))))
                    .width(Length::Fixed(width))
                    .into()
            };
            let mut cells_row = row![
                text(key.label())
                    .size(theme::SMALL)
                    .width(Length::Fixed(LABEL)),
                flag(f.print, Flag::Print, FLAG),
            ]
            .spacing(SPACING)
            .align_y(Alignment::Center);
            for (column, value) in Column::ALL.iter().zip(cells) {
                let column = *column;
                let width = match column {
                    Column::Size | Column::MinSize => PT,
                    Column::Lines => LINES,
                    _ => NUM,
                };
                cells_row =
                    cells_row.push(small_input(cell_id(key, column), value, width, move |v| {
                        Message::Edit(Edit::Number(key, column, clean(v)))
                    }));
            }
            cells_row
                .push(flag(f.bold, Flag::Bold, FLAG))
                .push(flag(f.italic, Flag::Italic, FLAG_WIDE))
                .push(
                    pick_list(AlignChoice::ALL, Some(AlignChoice(f.align)), move |a| {
                        edit(Edit::Align(key, a))
                    })
                    .text_size(theme::SMALL)
                    .padding([3, 6])
                    .width(Length::Fixed(ALIGN)),
                )
                .into()
        });
        let table = column![head].extend(rows).spacing(6);

        let error = editor.error.as_deref().map(|e| {
            container(text(e).style(theme::danger_text))
                .padding(Padding::from([6, 10]))
                .width(Length::Fill)
                .style(theme::error_box)
        });
        let state = if editor.error.is_some() {
            "Mẫu chưa dùng được: xem trước và bản in giữ số hợp lệ gần nhất."
        } else if editor.dirty {
            "Có thay đổi chưa lưu: xem trước và bản in đã theo các số mới."
        } else if editor.template.id == 0 {
            "Đang dùng mẫu chuẩn của ứng dụng."
        } else {
            "Mẫu đã lưu."
        };
        let reset: Element<'a, Message> = if self.confirm_reset {
            row![
                text(format!(
                    "Đưa mọi ô về vị trí chuẩn của khổ {}?",
                    editor.template.paper.label()
                )),
                button(text("Khôi phục"))
                    .style(theme::primary)
                    .padding([6, 14])
                    .on_press(Message::Reset(true)),
                secondary_button("Hủy", [6, 14]).on_press(Message::Reset(false)),
            ]
            .spacing(10)
            .align_y(Alignment::Center)
            .into()
        } else {
            secondary_button("Khôi phục mẫu chuẩn", [6, 14])
                .on_press(Message::AskReset)
                .into()
        };
        let buttons = row![
            text(format!("Sửa mẫu “{}”", editor.template.name))
                .size(theme::HEADING)
                .font(font::SEMIBOLD)
                .width(Length::Fill),
            reset,
            primary_button("Lưu mẫu", [6, 16])
                .on_press_maybe(editor.to_save().map(|_| Message::SaveTemplate)),
        ]
        .spacing(12)
        .align_y(Alignment::Center);

        // The buttons and the error come first: the table is taller than a laptop's screen.
        container(
            column![
                buttons,
                text(state).size(theme::SMALL).style(theme::muted),
                paper,
                text("Vị trí và kích thước tính bằng milimét từ góc trên bên trái tờ giấy, cỡ chữ bằng pt (viết 12,5 hay 12.5 đều được). Chữ dài được xuống dòng, rồi thu nhỏ dần đến cỡ nhỏ nhất; khung xanh trên bản xem trước là các ô, kéo bằng chuột để dời ô.")
                    .size(theme::SMALL)
                    .style(theme::muted),
            ]
            .push(background)
            .push(error)
            .push(table)
            .spacing(12),
        )
        .padding(16)
        .width(Length::Fill)
        .style(theme::card)
        .into()
    }
}

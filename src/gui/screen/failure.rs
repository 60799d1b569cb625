//! Shown instead of the workspace when the data file cannot be opened: the reason in
//! Vietnamese, the file named, and nothing written to it.

use std::path::PathBuf;

use iced::widget::{button, column, container, row, text};
use iced::{Element, Length, Task};

use crate::gui::{font, theme};

#[derive(Debug, Clone)]
pub struct Failure {
    pub path: PathBuf,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub enum Message {
    Retry,
    Quit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Retry,
}

impl Failure {
    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Retry => (Task::none(), Some(Event::Retry)),
            Message::Quit => (iced::exit(), None),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let content = column![
            text("Không mở được dữ liệu").size(26).font(font::SEMIBOLD),
            container(text(&self.reason)).padding(12).style(theme::error_box),
            text(format!("Tệp: {}", self.path.display())).style(theme::muted),
            text("Dữ liệu của bạn không bị thay đổi. Sau khi khắc phục (đóng chương trình đang dùng tệp, bỏ thuộc tính chỉ đọc...), bấm “Thử lại”. Có thể mở một tệp khác bằng lệnh: ngayhoi --db ĐƯỜNG_DẪN_TỆP")
                .style(theme::muted),
            row![
                button(text("Thử lại").font(font::SEMIBOLD)).padding([10, 20]).style(theme::primary).on_press(Message::Retry),
                button(text("Thoát")).padding([10, 20]).style(theme::secondary).on_press(Message::Quit),
            ]
            .spacing(12),
        ]
        .spacing(16)
        .max_width(720);
        container(content).padding(40).center_x(Length::Fill).into()
    }
}

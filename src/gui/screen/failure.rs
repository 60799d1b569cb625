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
    ChooseOther,
    /// The file dialog closed; `None` if the secretary cancelled it.
    Chosen(Option<PathBuf>),
    Quit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Retry,
    /// Open this file instead.
    Open(PathBuf),
}

impl Failure {
    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Retry => (Task::none(), Some(Event::Retry)),
            Message::ChooseOther => (Task::perform(choose_file(), Message::Chosen), None),
            Message::Chosen(Some(path)) => (Task::none(), Some(Event::Open(path))),
            Message::Chosen(None) => (Task::none(), None),
            Message::Quit => (iced::exit(), None),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let content = column![
            text("Không mở được dữ liệu").size(26).font(font::SEMIBOLD),
            container(text(&self.reason)).padding(12).style(theme::error_box),
            text(format!("Tệp: {}", self.path.display())).style(theme::muted),
            text("Dữ liệu của bạn không bị thay đổi. Sau khi khắc phục (đóng chương trình đang dùng tệp, bỏ thuộc tính chỉ đọc...), bấm “Thử lại”; hoặc mở một tệp dữ liệu khác, ví dụ một bản trong thư mục sao lưu.")
                .style(theme::muted),
            row![
                button(text("Thử lại").font(font::SEMIBOLD)).padding([10, 20]).style(theme::primary).on_press(Message::Retry),
                button(text("Mở tệp khác…")).padding([10, 20]).style(theme::secondary).on_press(Message::ChooseOther),
                button(text("Thoát")).padding([10, 20]).style(theme::secondary).on_press(Message::Quit),
            ]
            .spacing(12),
        ]
        .spacing(16)
        .max_width(720);
        container(content).padding(40).center_x(Length::Fill).into()
    }
}

/// Asks for another data file with the system's own dialog.
async fn choose_file() -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_title("Chọn tệp dữ liệu Ngày hội")
        .add_filter("Dữ liệu Ngày hội", &["sqlite3", "sqlite", "db"])
        .add_filter("Mọi tệp", &["*"])
        .pick_file()
        .await
        .map(|file| file.path().to_path_buf())
}

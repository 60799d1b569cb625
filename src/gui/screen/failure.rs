//! Shown instead of the workspace when the data file cannot be opened: the reason in
//! Vietnamese, the file named, and nothing written to it. When the file itself is the problem
//! (damaged, from a newer version, read-only, on a full disk), the newest valid backup is
//! offered: taking it moves the file aside whole, never overwriting it.

use std::path::{Path, PathBuf};

use iced::widget::{button, column, container, text};
use iced::{Element, Length, Task};

use super::elsewhere;
use crate::gui::widget::primary_button;
use crate::gui::{font, theme};
use crate::storage::{self, BackupInfo, StoreError};

#[derive(Debug, Clone)]
pub struct Failure {
    pub path: PathBuf,
    pub reason: String,
    /// The newest backup that can take the file's place, and what it holds.
    pub latest: Option<(PathBuf, BackupInfo)>,
    /// Why no backup is offered although there may be one (another window holds the file).
    pub no_offer: Option<&'static str>,
}

impl Failure {
    pub fn new(path: &Path, error: &StoreError) -> Failure {
        let looks_like_data = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "sqlite3" | "sqlite" | "db"));
        let replaceable = match error {
            StoreError::Damaged(_)
            | StoreError::Newer { .. }
            | StoreError::ReadOnly(_)
            | StoreError::DiskFull(_) => true,
            StoreError::NotOurs(_) => looks_like_data,
            _ => false,
        };
        let latest = replaceable
            .then(|| storage::latest_valid(path, None))
            .flatten();
        let no_offer = matches!(error, StoreError::Locked(_)).then_some(
            "Tệp đang được một cửa sổ khác dùng nên không thể thay bằng bản sao lưu lúc này: hãy đóng cửa sổ đó (hoặc đợi một lát) rồi bấm “Thử lại”.",
        );
        Failure {
            path: path.to_path_buf(),
            reason: error.to_string(),
            latest,
            no_offer,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Retry,
    RestoreLatest,
    /// Another file, or quit.
    Elsewhere(elsewhere::Message),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Retry,
    /// Open this file instead.
    Open(PathBuf),
    /// Move the file aside and put this backup in its place.
    RestoreLatest(PathBuf),
}

impl Failure {
    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Retry => (Task::none(), Some(Event::Retry)),
            Message::RestoreLatest => {
                let event = self.latest.as_ref().map(|(path, _)| path.clone());
                (Task::none(), event.map(Event::RestoreLatest))
            }
            Message::Elsewhere(message) => {
                let (task, open) = elsewhere::update(message);
                (task.map(Message::Elsewhere), open.map(Event::Open))
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let content = column![
            text("Không mở được dữ liệu").size(26).font(font::SEMIBOLD),
            container(text(&self.reason)).padding(12).style(theme::error_box),
            text(format!("Tệp: {}", self.path.display())).style(theme::muted),
            text("Dữ liệu của bạn không bị thay đổi. Sau khi khắc phục (đóng chương trình đang dùng tệp, bỏ thuộc tính chỉ đọc...), bấm “Thử lại”; hoặc mở một tệp dữ liệu khác, ví dụ một bản trong thư mục sao lưu.")
                .style(theme::muted),
            self.offer(),
            elsewhere::buttons(
                button(text("Thử lại").font(font::SEMIBOLD)).on_press(Message::Retry),
                Message::Elsewhere,
            ),
        ]
        .spacing(16)
        .max_width(720);
        container(content).padding(40).center_x(Length::Fill).into()
    }
}

impl Failure {
    fn offer(&self) -> Element<'_, Message> {
        let Some((_, info)) = &self.latest else {
            return match self.no_offer {
                Some(why) => text(why).style(theme::muted).into(),
                None => column![].into(),
            };
        };
        container(
            column![
                text(format!("Bản sao lưu gần nhất: lúc {}", info.taken_at_text()))
                    .font(font::SEMIBOLD),
                text(info.summary()),
                text("Khi mở bản này, tệp hiện tại được chuyển nguyên vẹn vào thư mục sao lưu (tên bắt đầu bằng “de-rieng-”), không bị xóa hay ghi đè; bản sao lưu được đặt vào chỗ của nó. Những thay đổi sau lúc sao lưu không có trong bản này.")
                    .size(theme::SMALL)
                    .style(theme::muted),
                primary_button("Mở bản sao lưu gần nhất", [10, 20])
                    .on_press(Message::RestoreLatest),
            ]
            .spacing(8),
        )
        .padding(12)
        .width(Length::Fill)
        .style(theme::notice)
        .into()
    }
}

//! Shown before the workspace when the data file has a password: one field, the reason when
//! a password was wrong, and as many tries as the secretary needs. Nothing is written to the
//! file until it opens.

use std::path::{Path, PathBuf};

use iced::widget::{button, column, container, text};
use iced::{Element, Length, Task};

use super::elsewhere;
use crate::gui::widget::secret_field;
use crate::gui::{font, theme};
use crate::storage::Password;

/// The id of the password field, focused when the screen shows.
pub const FIELD: &str = "unlock-password";

#[derive(Debug, Clone)]
pub struct Unlock {
    pub path: PathBuf,
    typed: String,
    /// Why the last try did not open the file.
    pub reason: Option<String>,
    /// Wrong passwords so far.
    pub tries: u32,
    /// The password typed is being tried (its key takes a moment to derive).
    pub opening: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Typed(String),
    Submit,
    /// Another file, or quit.
    Elsewhere(elsewhere::Message),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Open the file with this password.
    Unlock(Password),
    /// Open this file instead.
    Open(PathBuf),
}

impl Unlock {
    pub fn new(path: &Path) -> Unlock {
        Unlock {
            path: path.to_path_buf(),
            typed: String::new(),
            reason: None,
            tries: 0,
            opening: false,
        }
    }

    /// The password did not open the file: say why, and let her type again.
    pub fn refused(&mut self, reason: String) {
        self.tries += 1;
        self.typed.clear();
        self.reason = Some(reason);
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Typed(value) => {
                self.typed = value;
                (Task::none(), None)
            }
            Message::Submit if self.opening => (Task::none(), None),
            Message::Submit => match Password::typed(&self.typed) {
                Some(password) => (Task::none(), Some(Event::Unlock(password))),
                None => {
                    self.reason = Some("Hãy nhập mật khẩu.".into());
                    (Task::none(), None)
                }
            },
            Message::Elsewhere(message) => {
                let (task, open) = elsewhere::update(message);
                (task.map(Message::Elsewhere), open.map(Event::Open))
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let reason = self
            .reason
            .as_ref()
            .filter(|_| !self.opening)
            .map(|why| container(text(why)).padding(12).style(theme::error_box));
        let opening = self
            .opening
            .then(|| text("Đang mở tệp…").style(theme::muted));
        let content = column![
            text("Tệp dữ liệu có mật khẩu").size(26).font(font::SEMIBOLD),
            text(format!("Tệp: {}", self.path.display())).style(theme::muted),
            secret_field(
                "Mật khẩu",
                &self.typed,
                FIELD,
                Message::Typed,
                Message::Submit
            ),
        ]
        .push(reason)
        .push(opening)
        .push(
            elsewhere::buttons(
                button(text("Mở").font(font::SEMIBOLD))
                    .on_press_maybe((!self.opening).then_some(Message::Submit)),
                Message::Elsewhere,
            ),
        )
        .push(
            text("Nhập sai không làm thay đổi gì trong tệp; bạn có thể thử lại bao nhiêu lần cũng được. Quên mật khẩu thì không mở được dữ liệu: hãy dùng bản sao lưu không có mật khẩu nếu đã lưu.")
                .size(theme::SMALL)
                .style(theme::muted),
        )
        .spacing(16)
        .max_width(560);
        container(content).padding(40).center_x(Length::Fill).into()
    }
}

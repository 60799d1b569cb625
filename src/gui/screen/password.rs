//! The "Mật khẩu tệp dữ liệu" card of the settings: set, change or remove the optional
//! password. Before a password is set, the card says plainly that a forgotten one cannot be
//! recovered and offers to save a copy without a password where the secretary chooses. The
//! card asks the app to do the work (events); it never touches the file itself.

use std::path::PathBuf;

use iced::widget::{column, container, row, text};
use iced::{Element, Length, Task};

use super::work::Work;
use crate::gui::data::Snapshot;
use crate::gui::widget::{card, primary_button, secondary_button, secret_field};
use crate::gui::{font, system, theme};
use crate::storage::Password;

#[derive(Debug, Clone)]
pub struct PasswordCard {
    /// The file has a password now.
    has_password: bool,
    form: Option<PasswordChange>,
    current: String,
    new: String,
    again: String,
    /// A change or a copy, and what came of the last one.
    pub work: Work,
}

/// Which of the three forms is open (its own name: `Form` is a commendation form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordChange {
    Set,
    Change,
    Remove,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Current,
    New,
    Again,
}

#[derive(Debug, Clone)]
pub enum Message {
    Open(PasswordChange),
    Typed(Field, String),
    Submit,
    Cancel,
    /// Ask where to save a copy without a password (before one is set).
    SavePlainCopy,
    PlainCopyAt(Option<PathBuf>),
    PlainCopySaved(Result<PathBuf, String>),
    /// The change is done: what it did and the data read back, or why not.
    Changed(Box<Changed>),
}

/// What a change gave: the sentence to show and the data read back from the file.
pub type Changed = Result<(String, Option<Snapshot>), String>;

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Show the data of the file under its new password everywhere, then tell what was done.
    Reload { data: Box<Snapshot>, notice: String },
    /// Write a copy of the file, without a password, to this path (answered with
    /// `Message::PlainCopySaved`).
    SavePlainCopy(PathBuf),
    /// Set or change the password (`current` is checked against the file's own), or remove
    /// it (`new` is `None`). Answered with `Message::Done`.
    Change {
        current: Option<Password>,
        new: Option<Password>,
    },
}

impl PasswordCard {
    pub fn new(has_password: bool) -> PasswordCard {
        PasswordCard {
            has_password,
            form: None,
            current: String::new(),
            new: String::new(),
            again: String::new(),
            work: Work::default(),
        }
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        let event = match message {
            Message::Open(form) => {
                *self = PasswordCard::new(self.has_password);
                self.form = Some(form);
                None
            }
            Message::Typed(field, value) => {
                *match field {
                    Field::Current => &mut self.current,
                    Field::New => &mut self.new,
                    Field::Again => &mut self.again,
                } = value;
                None
            }
            Message::Cancel => {
                *self = PasswordCard::new(self.has_password);
                None
            }
            Message::Submit if self.work.is_busy() => None,
            Message::Submit => match self.request() {
                Ok(event) => self.work.start().then_some(event),
                Err(why) => {
                    self.work.refuse(why);
                    None
                }
            },
            Message::SavePlainCopy => {
                let name = format!(
                    "ngayhoi-khong-mat-khau-{}.sqlite3",
                    chrono::Local::now().format("%Y-%m-%d")
                );
                let ask = system::save_as(
                    "Lưu bản sao lưu không có mật khẩu",
                    name,
                    system::DATA_FILES,
                );
                return (Task::perform(ask, Message::PlainCopyAt), None);
            }
            Message::PlainCopyAt(Some(path)) => {
                self.work.start().then_some(Event::SavePlainCopy(path))
            }
            Message::PlainCopyAt(None) => None,
            Message::PlainCopySaved(result) => {
                self.work.done(result.map(|path| {
                    format!(
                        "Đã lưu bản sao lưu không có mật khẩu vào {}. Hãy cất nó ở nơi chỉ bạn lấy được.",
                        path.display()
                    )
                }));
                None
            }
            Message::Changed(result) => match *result {
                Ok((notice, Some(data))) => {
                    *self = PasswordCard::new(data.password);
                    self.work.done(Ok(notice.clone()));
                    Some(Event::Reload {
                        data: Box::new(data),
                        notice,
                    })
                }
                Ok((notice, None)) => {
                    self.work.done(Ok(notice));
                    None
                }
                Err(why) => {
                    self.work.done(Err(why));
                    None
                }
            },
        };
        (Task::none(), event)
    }

    /// The change the open form asks for, or why it cannot be made.
    fn request(&self) -> Result<Event, String> {
        let current = || Password::typed(&self.current).ok_or("Hãy nhập mật khẩu hiện tại.");
        match self.form {
            Some(PasswordChange::Set) => Ok(Event::Change {
                current: None,
                new: Some(Password::chosen(&self.new, &self.again)?),
            }),
            Some(PasswordChange::Change) => Ok(Event::Change {
                current: Some(current()?),
                new: Some(Password::chosen(&self.new, &self.again)?),
            }),
            Some(PasswordChange::Remove) => Ok(Event::Change {
                current: Some(current()?),
                new: None,
            }),
            None => Err("Hãy chọn việc cần làm.".into()),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let action = |label, form| {
            secondary_button(label, [8, 16])
                .on_press_maybe((!self.work.is_busy()).then_some(Message::Open(form)))
        };
        let state = if self.has_password {
            "Tệp dữ liệu có mật khẩu: mỗi lần mở ứng dụng phải nhập mật khẩu; tệp và các bản sao lưu trong thư mục sao lưu được mã hóa."
        } else {
            "Tệp dữ liệu chưa có mật khẩu. Đặt mật khẩu là tùy chọn: khi đó tệp và các bản sao lưu được mã hóa, ai chép được tệp cũng không đọc được nếu không biết mật khẩu."
        };
        let actions = if self.has_password {
            row![
                action("Đổi mật khẩu", PasswordChange::Change),
                action("Bỏ mật khẩu", PasswordChange::Remove)
            ]
        } else {
            row![action("Đặt mật khẩu", PasswordChange::Set)]
        };
        // While a form is open its own button is the one to press: the card does not show a
        // second "Đặt mật khẩu" above it.
        let content = column![text(state).size(theme::SMALL).style(theme::muted)]
            .push(self.form.is_none().then(|| actions.spacing(12)))
            .push(self.form.map(|form| self.form_view(form)))
            .push(self.work.is_busy().then(|| {
                text("Đang ghi tệp, xin đợi một lát (mỗi bản sao lưu cũng được ghi lại)…")
                    .style(theme::muted)
            }))
            .push(self.work.outcome())
            .spacing(10);
        card("Mật khẩu tệp dữ liệu", content)
    }

    fn form_view(&self, form: PasswordChange) -> Element<'_, Message> {
        let typed = |field| move |value| Message::Typed(field, value);
        let current = secret_field(
            "Mật khẩu hiện tại",
            &self.current,
            "password-current",
            typed(Field::Current),
            Message::Submit,
        );
        let new = row![
            secret_field(
                "Mật khẩu mới",
                &self.new,
                "password-new",
                typed(Field::New),
                Message::Submit
            ),
            secret_field(
                "Nhập lại mật khẩu mới",
                &self.again,
                "password-again",
                typed(Field::Again),
                Message::Submit
            ),
        ]
        .spacing(12);
        let (fields, confirm): (Element<'_, Message>, &str) = match form {
            PasswordChange::Set => (
                column![warning(self.work.is_busy()), new].spacing(10).into(),
                "Đặt mật khẩu",
            ),
            PasswordChange::Change => (column![current, new].spacing(10).into(), "Đổi mật khẩu"),
            PasswordChange::Remove => (
                column![
                    text("Sau khi bỏ mật khẩu, tệp dữ liệu và các bản sao lưu trong thư mục sao lưu không còn được mã hóa: ai chép được tệp đều đọc được.")
                        .style(theme::muted),
                    current
                ]
                .spacing(10)
                .into(),
                "Bỏ mật khẩu",
            ),
        };
        let buttons = row![
            primary_button(confirm, [8, 16])
                .on_press_maybe((!self.work.is_busy()).then_some(Message::Submit)),
            secondary_button("Hủy", [8, 16]).on_press(Message::Cancel),
        ]
        .spacing(12);
        container(column![fields, buttons].spacing(12))
            .padding(12)
            .width(Length::Fill)
            .style(theme::notice)
            .into()
    }
}

/// What the secretary reads before she chooses a password.
fn warning<'a>(working: bool) -> Element<'a, Message> {
    column![
        text("Quên mật khẩu là mất dữ liệu").font(font::SEMIBOLD),
        text("Không ai khôi phục được mật khẩu đã quên, kể cả người làm ra ứng dụng: tệp dữ liệu và mọi bản sao lưu trong thư mục sao lưu sẽ không mở được nữa. Hãy ghi mật khẩu ra giấy và cất nơi an toàn, và nên lưu thêm một bản sao lưu không có mật khẩu vào chỗ chỉ bạn lấy được (ví dụ USB cất trong tủ có khóa)."),
        secondary_button("Lưu bản sao lưu không có mật khẩu…", [8, 16])
            .on_press_maybe((!working).then_some(Message::SavePlainCopy)),
    ]
    .spacing(8)
    .into()
}

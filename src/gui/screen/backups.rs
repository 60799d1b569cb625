//! The "Sao lưu và khôi phục" card of the settings: back up now, the copies in the backups
//! folder, and restoring one after seeing what it would bring back. The card asks the app to
//! do the work (events); it never touches the file itself.

use std::path::{Path, PathBuf};

use iced::widget::{button, column, container, row, text};
use iced::{Alignment, Element, Length, Task};

use super::work::Work;
use crate::gui::data::Snapshot;
use crate::gui::widget::{card, primary_button, secondary_button};
use crate::gui::{font, theme};
use crate::storage::backup::{self, BackupFile, CopyKind};
use crate::storage::{BackupInfo, Restored, paths};

#[derive(Debug, Clone)]
pub struct Backups {
    dir: PathBuf,
    /// The folder's copies, newest first (read when the settings open and after each change).
    files: Vec<BackupFile>,
    candidate: Option<Candidate>,
    /// A backup or a restore, and what came of the last one.
    pub work: Work,
}

/// A copy chosen for restoring.
#[derive(Debug, Clone)]
enum Candidate {
    Reading(PathBuf),
    Ready(PathBuf, BackupInfo),
    Refused(String),
}

#[derive(Debug, Clone)]
pub enum Message {
    BackUpNow,
    BackedUp(Result<PathBuf, String>),
    Choose(PathBuf),
    Inspected(PathBuf, Result<BackupInfo, String>),
    Confirm,
    Cancel,
    Restored(Box<Result<(Restored, Option<Snapshot>), String>>),
    OpenFolder,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    BackUpNow,
    /// Read what this copy holds (answered with `Message::Inspected`).
    Inspect(PathBuf),
    /// Restore this copy (answered with `Message::Restored`).
    Restore(PathBuf),
    /// Show the data of the restored file everywhere, then tell what was done.
    Reload {
        data: Box<Snapshot>,
        notice: String,
    },
    Reveal(PathBuf),
}

impl Backups {
    pub fn new(db_path: &Path) -> Backups {
        let dir = paths::backups_dir(db_path);
        Backups {
            files: backup::copies(&dir),
            dir,
            candidate: None,
            work: Work::default(),
        }
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        let event = match message {
            Message::BackUpNow => self.work.start().then_some(Event::BackUpNow),
            Message::BackedUp(result) => {
                self.work.done(result.map(|path| {
                    format!(
                        "Đã sao lưu vào tệp {} ({}).",
                        path.display(),
                        backup::size_text(std::fs::metadata(&path).map_or(0, |m| m.len()))
                    )
                }));
                self.files = backup::copies(&self.dir);
                None
            }
            Message::Choose(path) => {
                self.candidate = Some(Candidate::Reading(path.clone()));
                self.work.clear();
                Some(Event::Inspect(path))
            }
            Message::Inspected(path, result) => {
                if matches!(&self.candidate, Some(Candidate::Reading(p)) if *p == path) {
                    self.candidate = Some(match result {
                        Ok(info) => Candidate::Ready(path, info),
                        Err(why) => Candidate::Refused(why),
                    });
                }
                None
            }
            Message::Confirm => match self.candidate.take() {
                Some(Candidate::Ready(path, _)) if self.work.start() => Some(Event::Restore(path)),
                other => {
                    self.candidate = other;
                    None
                }
            },
            Message::Cancel => {
                self.candidate = None;
                None
            }
            Message::Restored(result) => match *result {
                Ok((restored, Some(data))) => {
                    let notice = restored_notice(&restored);
                    self.work.done(Ok(notice.clone()));
                    Some(Event::Reload {
                        data: Box::new(data),
                        notice,
                    })
                }
                Ok((_, None)) => {
                    self.work
                        .done(Err("Bản sao lưu không có kế hoạch năm nào.".into()));
                    None
                }
                Err(why) => {
                    self.work.done(Err(why));
                    None
                }
            },
            Message::OpenFolder => Some(Event::Reveal(self.dir.clone())),
        };
        (Task::none(), event)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let actions = row![
            primary_button("Sao lưu ngay", [8, 16])
                .on_press_maybe((!self.work.is_busy()).then_some(Message::BackUpNow)),
            secondary_button("Mở thư mục sao lưu", [8, 16]).on_press(Message::OpenFolder),
        ]
        .spacing(12);
        let content = column![
            text(
                "Ứng dụng tự sao lưu mỗi lần mở và trước mỗi lần nhập dữ liệu hoặc khôi phục; giữ 10 bản mới nhất và một bản mỗi tháng trong 12 tháng. Bản tạo bằng “Sao lưu ngay” được giữ đến khi bạn tự xóa."
            )
            .size(theme::SMALL)
            .style(theme::muted),
            text(self.dir.display().to_string()).size(theme::SMALL),
            actions,
        ]
        .push(self.work.outcome())
        .push(self.candidate.as_ref().map(candidate_view))
        .push(self.list())
        .spacing(10);
        card("Sao lưu và khôi phục", content)
    }

    fn list(&self) -> Element<'_, Message> {
        if self.files.is_empty() {
            return text("Chưa có bản sao lưu nào.").style(theme::muted).into();
        }
        column(self.files.iter().map(|file| {
            row![
                text(file.taken_at.format("%d/%m/%Y %H:%M").to_string())
                    .width(Length::Fixed(140.0)),
                text(kind_label(file))
                    .style(theme::muted)
                    .width(Length::Fill),
                text(backup::size_text(file.size)).width(Length::Fixed(80.0)),
                button(text("Khôi phục…").size(theme::SMALL))
                    .style(theme::secondary)
                    .padding([4, 10])
                    .on_press_maybe(
                        (!self.work.is_busy()).then(|| Message::Choose(file.path.clone()))
                    ),
            ]
            .spacing(12)
            .align_y(Alignment::Center)
            .into()
        }))
        .spacing(6)
        .into()
    }
}

fn candidate_view(candidate: &Candidate) -> Element<'_, Message> {
    let cancel = secondary_button("Hủy", [8, 16]).on_press(Message::Cancel);
    let content: Element<'_, Message> = match candidate {
        Candidate::Reading(_) => text("Đang đọc bản sao lưu…").style(theme::muted).into(),
        Candidate::Refused(why) => column![
            text("Không khôi phục được bản này").font(font::SEMIBOLD),
            text(why).style(theme::danger_text),
            cancel,
        ]
        .spacing(8)
        .into(),
        Candidate::Ready(_, info) => {
            let usable = info.unit.is_some() && !info.years.is_empty();
            column![
                text(format!(
                    "Khôi phục bản sao lưu lúc {}?",
                    info.taken_at_text()
                ))
                .size(theme::HEADING)
                .font(font::SEMIBOLD),
                text(info.summary()),
                text(if usable {
                    "Toàn bộ dữ liệu hiện tại sẽ được thay bằng nội dung của bản này. Trước đó, trạng thái hiện tại được sao lưu vào thư mục sao lưu, nên có thể khôi phục lại."
                } else {
                    "Bản này chưa có đơn vị hoặc kế hoạch năm nào nên không dùng để khôi phục được."
                })
                .style(theme::muted),
                row![
                    primary_button("Khôi phục bản này", [8, 16])
                        .on_press_maybe(usable.then_some(Message::Confirm)),
                    cancel,
                ]
                .spacing(12),
            ]
            .spacing(8)
            .into()
        }
    };
    container(content)
        .padding(12)
        .width(Length::Fill)
        .style(theme::notice)
        .into()
}

fn kind_label(file: &BackupFile) -> &'static str {
    let name = file
        .path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    match file.kind {
        CopyKind::Automatic if name.contains("-truoc-nhap") => "Tự động, trước khi nhập dữ liệu",
        CopyKind::Automatic if name.contains("-truoc-khoi-phuc") => "Tự động, trước khi khôi phục",
        CopyKind::Automatic if name.contains("-truoc-nang-cap") => "Tự động, trước khi nâng cấp",
        CopyKind::Automatic => "Tự động, khi mở ứng dụng",
        CopyKind::Manual => "Sao lưu ngay",
        CopyKind::SetAside => "Tệp không mở được, để riêng",
        CopyKind::Other => "Tệp khác trong thư mục",
    }
}

/// "Đã khôi phục bản sao lưu lúc …. Trạng thái trước đó được lưu ở …".
pub fn restored_notice(restored: &Restored) -> String {
    let mut notice = format!(
        "Đã khôi phục bản sao lưu lúc {}: {}.",
        restored.info.taken_at_text(),
        restored.info.summary()
    );
    if let Some(previous) = &restored.previous {
        notice.push_str(&format!(
            " Trạng thái trước khi khôi phục được lưu ở {}.",
            previous.display()
        ));
    }
    notice
}

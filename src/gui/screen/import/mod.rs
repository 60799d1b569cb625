//! The import preview every list shares (households, visits, recipients): what was read and
//! converted, which column holds which field (the secretary can change it), every rejected
//! row with its number and reason, the rows already stored (skipped, or updated, or added
//! again, as the secretary chooses), and one button that saves all of it — enabled only
//! when nothing is wrong. Nothing is written before that button.

mod blanks;
mod stored;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use iced::widget::{Space, column, container, pick_list, row, scrollable, text};
use iced::{Alignment, Element, Length, Padding, Task, Theme};

use crate::gui::widget::{primary_button, secondary_button, table_header};
use crate::gui::{font, system, theme};
use crate::import::preview::{Kind, RowError, run};
use crate::import::{Choice, Field, Preview, Sheet};
use crate::text::thousands;
pub use blanks::{Blank, Blanks};

/// At most this many rejected rows are listed on screen (the count says how many in all).
const SHOWN_ERRORS: usize = 200;

pub struct ImportPanel<K: Kind> {
    pub path: PathBuf,
    sheet: Arc<Sheet>,
    existing: Arc<K::Existing>,
    pub preview: Preview<K::Row>,
    /// What to do with the rows already stored.
    pub choice: Choice,
}

impl<K: Kind> Clone for ImportPanel<K>
where
    K::Row: Clone,
{
    fn clone(&self) -> Self {
        ImportPanel {
            path: self.path.clone(),
            sheet: Arc::clone(&self.sheet),
            existing: Arc::clone(&self.existing),
            preview: self.preview.clone(),
            choice: self.choice,
        }
    }
}

impl<K: Kind> std::fmt::Debug for ImportPanel<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportPanel")
            .field("path", &self.path)
            .field("rows", &self.preview.rows.len())
            .field("errors", &self.preview.errors.len())
            .finish()
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    /// Column (0-based) to field, or to nothing.
    Remap(usize, Option<Field>),
    /// "Cập nhật N hộ đã có với thông tin mới".
    Update(bool),
    /// "Vẫn nhập N dòng đã có thành bản ghi mới".
    AllowDuplicates(bool),
    /// What rows leaving a column empty get (a recipient's decision or form).
    Blank(Blank),
    Confirm,
    Cancel,
}

/// What the panel asks of the screen that holds it.
pub enum Outcome<T> {
    Stay,
    Close,
    /// The rows to write, each with its row number in the file.
    Save(Vec<(usize, T)>),
}

/// Asks for a spreadsheet with the system's dialog.
pub fn choose(title: &'static str) -> Task<Option<PathBuf>> {
    Task::future(system::pick(title, &[system::SPREADSHEETS]))
}

impl<K: Blanks> ImportPanel<K>
where
    K::Row: Clone,
{
    /// Reads and previews a file; the error is the Vietnamese sentence to show.
    pub fn load(path: &Path, existing: Arc<K::Existing>) -> Result<ImportPanel<K>, String> {
        let sheet = crate::import::read(path).map_err(|e| e.to_string())?;
        let preview = run::<K>(&sheet, None, &existing);
        Ok(ImportPanel {
            path: path.to_path_buf(),
            sheet: Arc::new(sheet),
            existing,
            preview,
            choice: Choice::default(),
        })
    }

    /// What the rows are compared with, and the choices made for empty cells.
    pub fn existing(&self) -> &K::Existing {
        &self.existing
    }

    /// The stored rows changed while the preview is open (a decision added for the list):
    /// the preview is made again against `existing`, with the columns as mapped.
    pub fn refresh(&mut self, existing: Arc<K::Existing>) {
        self.existing = existing;
        self.preview = run::<K>(&self.sheet, Some(&self.preview.mapping), &self.existing);
    }

    /// The rows the button saves, with their row numbers: none unless the file can be saved.
    fn to_save(&self) -> Vec<(usize, K::Row)> {
        if self.preview.can_save() {
            self.preview.to_save_numbered(self.choice)
        } else {
            Vec::new()
        }
    }

    pub fn update(&mut self, message: Message) -> Outcome<K::Row> {
        match message {
            Message::Remap(column, field) => {
                let mut mapping = self.preview.mapping.clone();
                if let Some(old) = mapping.field(column) {
                    mapping.set(old, None);
                }
                if let Some(field) = field {
                    mapping.set(field, Some(column));
                }
                self.preview = run::<K>(&self.sheet, Some(&mapping), &self.existing);
                Outcome::Stay
            }
            Message::Blank(blank) => {
                if let Some(existing) = K::chosen(&self.existing, blank) {
                    self.refresh(existing);
                }
                Outcome::Stay
            }
            Message::Update(on) => {
                self.choice.update = on;
                Outcome::Stay
            }
            Message::AllowDuplicates(on) => {
                self.choice.allow_duplicates = on && K::MAY_DUPLICATE;
                Outcome::Stay
            }
            Message::Confirm => match self.to_save() {
                rows if rows.is_empty() => Outcome::Stay,
                rows => Outcome::Save(rows),
            },
            Message::Cancel => Outcome::Close,
        }
    }

    /// `noun`: what one row is ("hộ", "lượt thăm").
    pub fn view<'a>(&'a self, title: &'a str, noun: &'a str) -> Element<'a, Message> {
        let p = &self.preview;
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let counts = format!(
            "{} dòng dữ liệu: {} dòng mới, {} dòng đã có, {} dòng lỗi.",
            thousands(p.counts.data_rows as i64),
            thousands(p.counts.fresh() as i64),
            thousands((p.counts.same + p.counts.changed) as i64),
            thousands(p.counts.rejected as i64)
        );
        let notes = column(
            p.notes()
                .into_iter()
                .map(|n| text(format!("• {n}")).size(theme::SMALL).into()),
        )
        .spacing(2);
        let problems = column(
            p.problems()
                .into_iter()
                .map(|n| text(n).style(theme::danger_text).into()),
        )
        .spacing(4);
        let rows = self.to_save();
        let save_label = if !p.can_save() {
            "Chưa nhập được: hãy sửa các lỗi".to_string()
        } else if rows.is_empty() {
            "Không có gì mới để nhập".to_string()
        } else {
            stored::save_label(p, self.choice, noun)
        };
        let actions = row![
            primary_button(save_label, [8, 18])
                .on_press_maybe((!rows.is_empty()).then_some(Message::Confirm)),
            secondary_button("Hủy", [8, 18]).on_press(Message::Cancel),
            text("Nhập tất cả hoặc không nhập gì; dữ liệu được sao lưu trước khi nhập.")
                .size(theme::SMALL)
                .style(theme::muted),
        ]
        .spacing(12)
        .align_y(Alignment::Center);
        container(
            column![
                text(format!("{title}: {name}"))
                    .size(theme::HEADING)
                    .font(font::SEMIBOLD),
                notes,
                text(counts).font(font::SEMIBOLD),
                K::view(&self.existing).map(|v| v.map(Message::Blank)),
                problems,
                self.columns(),
                row_list(&self.preview.errors, &REJECTED),
                self.stored(noun),
                row_list(&self.preview.warnings, &WARNINGS),
                actions,
            ]
            .spacing(12),
        )
        .padding(16)
        .width(Length::Fill)
        .style(theme::card)
        .into()
    }

    fn columns(&self) -> Element<'_, Message> {
        let widths = [
            ("Cột", Length::Fixed(44.0)),
            ("Tiêu đề trong tệp", Length::FillPortion(2)),
            ("Ví dụ", Length::FillPortion(3)),
            ("Nhập vào trường", Length::FillPortion(2)),
        ];
        let choices: Vec<FieldChoice> = std::iter::once(FieldChoice(None))
            .chain(K::FIELDS.iter().map(|f| FieldChoice(Some(*f))))
            .collect();
        let mut rows = column![table_header(&widths)];
        for c in &self.preview.columns {
            let index = c.index;
            let control: Element<'_, Message> = if c.row_number {
                text("Số thứ tự (bỏ qua)").style(theme::muted).into()
            } else {
                pick_list(choices.clone(), Some(FieldChoice(c.field)), move |f| {
                    Message::Remap(index, f.0)
                })
                .padding([4, 8])
                .text_size(theme::SMALL)
                .width(Length::Fill)
                .into()
            };
            rows = rows.push(
                container(
                    row![
                        text(&c.letter).width(Length::Fixed(44.0)),
                        text(&c.header).width(Length::FillPortion(2)),
                        text(c.samples.join(" · "))
                            .size(theme::SMALL)
                            .style(theme::muted)
                            .width(Length::FillPortion(3)),
                        container(control).width(Length::FillPortion(2)),
                    ]
                    .spacing(12)
                    .align_y(Alignment::Center),
                )
                .padding(Padding::from([4, 12]))
                .style(theme::row_plain),
            );
        }
        rows.into()
    }
}

/// How a list of rows looks: its heading (given how many) and the heading's colour, what the
/// "… và N khác" line calls a row, its box and how tall it grows.
struct ListLook {
    title: fn(&str) -> String,
    heading: fn(&Theme) -> text::Style,
    more: &'static str,
    background: fn(&Theme) -> container::Style,
    max_height: f32,
}

/// The rows that cannot be imported.
const REJECTED: ListLook = ListLook {
    title: |count| {
        format!("Các dòng lỗi ({count}): sửa trong tệp rồi nhập lại, hoặc chọn lại cột ở trên.")
    },
    heading: theme::danger_text,
    more: "dòng lỗi",
    background: theme::error_box,
    max_height: 260.0,
};

/// The rows imported with something to check.
const WARNINGS: ListLook = ListLook {
    title: |count| format!("Cần xem lại ({count}), vẫn nhập được:"),
    heading: theme::warning_text,
    more: "dòng",
    background: theme::notice,
    max_height: 200.0,
};

/// The rows of a file with what is wrong with each, the first [`SHOWN_ERRORS`] of them and how
/// many more; nothing when there are none.
fn row_list<'a>(rows: &'a [RowError], look: &ListLook) -> Element<'a, Message> {
    if rows.is_empty() {
        return Space::new().height(0).into();
    }
    let heading = (look.title)(&thousands(rows.len() as i64));
    let mut list = column![text(heading).font(font::SEMIBOLD).style(look.heading)].spacing(2);
    for row in rows.iter().take(SHOWN_ERRORS) {
        list = list.push(text(format!("Dòng {}: {}", row.row, row.reason)).size(theme::SMALL));
    }
    if rows.len() > SHOWN_ERRORS {
        list = list.push(
            text(format!(
                "… và {} {} khác.",
                thousands((rows.len() - SHOWN_ERRORS) as i64),
                look.more
            ))
            .size(theme::SMALL)
            .style(theme::muted),
        );
    }
    container(scrollable(list).height(Length::Shrink))
        .max_height(look.max_height)
        .padding(8)
        .style(look.background)
        .into()
}

/// A field, or "do not import", in the column pick list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FieldChoice(Option<Field>);

impl std::fmt::Display for FieldChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(field) => f.write_str(field.label()),
            None => f.write_str("— Không nhập —"),
        }
    }
}

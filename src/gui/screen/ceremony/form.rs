//! The ceremony's item form: what is typed (with the MC's words), and the item it describes.

use chrono::NaiveTime;
use iced::Length;
use iced::widget::{Column, checkbox, column, row, text, text_editor};

use crate::domain::ProgramItem;
use crate::gui::data::{Kind, Snapshot};
use crate::gui::records::{self, Record};
use crate::gui::widget::{Slot, labelled, submit_field};
use crate::gui::{font, theme};
use crate::text::{clean_multiline, parse_time, time_short};

const TITLE_INPUT: &str = "program-title";

/// An item's form as typed.
#[derive(Debug)]
pub struct ItemDraft {
    /// Editing a stored item (the heading says "Sửa mục").
    editing: bool,
    title: String,
    presenter: String,
    duration: String,
    fixed: String,
    notes: String,
    script: text_editor::Content,
    introduces_delegates: bool,
}

/// What the form changes other than by typing in a line.
#[derive(Debug, Clone)]
pub enum Choice {
    /// The MC's words, edited.
    Script(text_editor::Action),
    IntroducesDelegates(bool),
}

impl Record for ProgramItem {
    type Draft = ItemDraft;
    type Choice = Choice;
    const KIND: Kind = Kind::ProgramItem;
    const FOCUS: &'static str = TITLE_INPUT;

    fn list(data: &Snapshot) -> &[Self] {
        &data.plan.program
    }

    fn blank(_: &Snapshot) -> ItemDraft {
        ItemDraft {
            editing: false,
            title: String::new(),
            presenter: String::new(),
            duration: "10".into(),
            fixed: String::new(),
            notes: String::new(),
            script: text_editor::Content::new(),
            introduces_delegates: false,
        }
    }

    fn draft(&self, _: &Snapshot) -> ItemDraft {
        ItemDraft {
            editing: true,
            title: self.title.clone(),
            presenter: self.presenter.clone(),
            duration: self.duration_min.to_string(),
            fixed: self.fixed_time.map(time_short).unwrap_or_default(),
            notes: self.notes.clone(),
            script: text_editor::Content::with_text(&self.script),
            introduces_delegates: self.introduces_delegates,
        }
    }

    fn choose(draft: &mut ItemDraft, choice: Choice) {
        match choice {
            Choice::Script(action) => draft.script.perform(action),
            Choice::IntroducesDelegates(on) => draft.introduces_delegates = on,
        }
    }

    /// The item the form describes, or the reason it cannot be saved.
    fn build(draft: &ItemDraft, before: Option<&Self>, _: &Snapshot) -> Result<Self, String> {
        let duration_min: u32 = draft
            .duration
            .trim()
            .parse()
            .map_err(|_| format!("Thời lượng “{}” phải là số phút.", draft.duration.trim()))?;
        let fixed_time: Option<NaiveTime> = match draft.fixed.trim() {
            "" => None,
            typed => Some(
                parse_time(typed)
                    .ok_or_else(|| format!("Giờ cố định “{typed}” phải có dạng 09:30."))?,
            ),
        };
        let item = ProgramItem {
            id: before.map_or(0, |b| b.id),
            title: draft.title.clone(),
            presenter: draft.presenter.clone(),
            duration_min,
            fixed_time,
            notes: draft.notes.clone(),
            script: clean_multiline(&draft.script.text()),
            introduces_delegates: draft.introduces_delegates,
        }
        .cleaned();
        item.validate().map_err(|e| e.0)?;
        Ok(item)
    }

    fn fields(draft: &ItemDraft) -> Column<'_, records::Message<Self>> {
        let edit = |slot: Slot<ItemDraft>| move |value| records::Message::Edited(slot, value);
        let save = records::Message::Save;
        let heading = if draft.editing {
            "Sửa mục"
        } else {
            "Thêm mục"
        };
        column![
            text(heading).size(theme::HEADING).font(font::SEMIBOLD),
            row![
                submit_field(
                    "Nội dung",
                    "Ví dụ: Chào cờ",
                    &draft.title,
                    TITLE_INPUT,
                    edit(|d| &mut d.title),
                    save.clone()
                ),
                submit_field(
                    "Người thực hiện",
                    "Ví dụ: Người dẫn chương trình",
                    &draft.presenter,
                    "program-presenter",
                    edit(|d| &mut d.presenter),
                    save.clone()
                ),
            ]
            .spacing(12),
            row![
                submit_field(
                    "Thời lượng (phút)",
                    "10",
                    &draft.duration,
                    "program-duration",
                    edit(|d| &mut d.duration),
                    save.clone()
                ),
                submit_field(
                    "Giờ cố định (để trống: nối tiếp mục trước)",
                    "",
                    &draft.fixed,
                    "program-fixed",
                    edit(|d| &mut d.fixed),
                    save.clone()
                ),
                submit_field(
                    "Ghi chú",
                    "",
                    &draft.notes,
                    "program-notes",
                    edit(|d| &mut d.notes),
                    save
                ),
            ]
            .spacing(12),
            labelled(
                "Lời dẫn chương trình",
                text_editor(&draft.script)
                    .on_action(|action| records::Message::Chosen(Choice::Script(action)))
                    .height(Length::Fixed(110.0))
                    .padding(8),
            ),
            checkbox(draft.introduces_delegates)
                .label("Giới thiệu đại biểu tại mục này (theo thứ tự nghi thức)")
                .on_toggle(|on| records::Message::Chosen(Choice::IntroducesDelegates(on))),
        ]
        .spacing(10)
    }

    fn label(&self) -> String {
        format!("“{}”", self.title.trim())
    }
}

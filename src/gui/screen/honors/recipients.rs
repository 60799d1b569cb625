//! The recipients of a decision as a records list: their form, and the rules the window checks
//! before saving one (a register number is given once per register).

use iced::widget::{Column, column, row, text};

use super::RECIPIENT_NAME;
use super::draft::{RecipientChoice, RecipientDraft};
use crate::domain::commendation::register_holder;
use crate::domain::{Form, Recipient, RecipientKind, Sex};
use crate::gui::data::{Kind, Snapshot};
use crate::gui::font;
use crate::gui::records::{self, Record};
use crate::gui::widget::{Pick, Slot, labelled_pick, submit_field};

type Message = records::Message<Recipient>;

impl Record for Recipient {
    type Draft = RecipientDraft;
    type Choice = RecipientChoice;
    const KIND: Kind = Kind::Recipient;
    const FOCUS: &'static str = RECIPIENT_NAME;

    fn list(data: &Snapshot) -> &[Self] {
        &data.recipients
    }

    /// The screen opens new recipients in the decision shown (`Records::start`); this is
    /// the first decision's.
    fn blank(data: &Snapshot) -> RecipientDraft {
        let first = data.decisions.first().cloned().unwrap_or_else(|| {
            crate::domain::Decision::defaults(&data.unit, "", data.plan.event.date)
        });
        RecipientDraft::new(&first, data.plan.event.year)
    }

    fn draft(&self, _: &Snapshot) -> RecipientDraft {
        RecipientDraft::of(self)
    }

    fn choose(draft: &mut RecipientDraft, choice: RecipientChoice) {
        match choice {
            RecipientChoice::Kind(kind) => draft.kind = kind,
            RecipientChoice::Form(form) => draft.form = form,
            RecipientChoice::Sex(sex) => draft.sex = sex,
        }
    }

    /// The register is the decision's issuer and year: checked here so that the form stays
    /// open with what was typed (storage checks again).
    fn build(
        draft: &RecipientDraft,
        before: Option<&Self>,
        data: &Snapshot,
    ) -> Result<Self, String> {
        let recipient = draft.recipient(before.map_or(0, |b| b.id))?;
        if let Some(n) = recipient.register_no
            && let Some(holder) = register_holder(&data.decisions, &data.recipients, &recipient, n)
        {
            return Err(format!(
                "Số vào sổ {n} đã cấp cho {}; hãy chọn số khác hoặc để trống để tự cấp.",
                holder.display_name()
            ));
        }
        Ok(recipient)
    }

    fn fields(draft: &RecipientDraft) -> Column<'_, Message> {
        let edit = |slot: Slot<RecipientDraft>| move |value| Message::Edited(slot, value);
        let save = Message::Save;
        let individual = draft.kind == RecipientKind::Individual;
        let mut first = row![
            labelled_pick(
                "Đối tượng",
                Pick::each(RecipientKind::ALL, RecipientKind::label),
                &draft.kind,
                |kind| Message::Chosen(RecipientChoice::Kind(kind))
            ),
            labelled_pick(
                "Hình thức",
                Pick::each(Form::ALL, Form::label),
                &draft.form,
                |form| Message::Chosen(RecipientChoice::Form(form))
            ),
            submit_field(
                if individual {
                    "Họ và tên"
                } else {
                    "Tên tập thể / hộ"
                },
                if individual {
                    "Nguyễn Văn An"
                } else {
                    "Tổ dân phố 5, Khu phố 1"
                },
                &draft.name,
                RECIPIENT_NAME,
                edit(|d| &mut d.name),
                save.clone()
            ),
        ]
        .spacing(10);
        if individual {
            first = first
                .push(labelled_pick("Giới tính", sexes(), &draft.sex, |sex| {
                    Message::Chosen(RecipientChoice::Sex(sex))
                }))
                .push(submit_field(
                    "Năm sinh",
                    "1975",
                    &draft.birth_year,
                    "recipient-birth-year",
                    edit(|d| &mut d.birth_year),
                    save.clone(),
                ));
        }
        let register_label = if draft.form.has_certificate() {
            "Số vào sổ (để trống: tự cấp)"
        } else {
            "Số vào sổ (biểu dương: không cấp)"
        };
        let heading =
            (!draft.heading.is_empty()).then(|| text(&draft.heading).font(font::SEMIBOLD));
        column![]
            .push(heading)
            .push(first)
            .push(
                row![
                    submit_field(
                        "Chức vụ, đơn vị",
                        "Tổ trưởng Tổ dân phố 5, Khu phố 1",
                        &draft.position,
                        "recipient-position",
                        edit(|d| &mut d.position),
                        save.clone()
                    ),
                    submit_field(
                        register_label,
                        "",
                        &draft.register_no,
                        "recipient-register",
                        edit(|d| &mut d.register_no),
                        save.clone()
                    ),
                ]
                .spacing(10),
            )
            .push(submit_field(
                "Thành tích",
                "Đã có thành tích xuất sắc ...",
                &draft.achievement,
                "recipient-achievement",
                edit(|d| &mut d.achievement),
                save,
            ))
            .spacing(8)
    }

    fn label(&self) -> String {
        self.display_name()
    }

    /// A removed recipient's number is never given to anyone else.
    fn removed_notice(&self) -> String {
        let number = self
            .register_no
            .map(|n| format!(" (số vào sổ {n} không cấp lại cho người khác)"))
            .unwrap_or_default();
        format!("Đã xóa {}{number}.", self.display_name())
    }
}

fn sexes() -> Vec<Pick<Option<Sex>>> {
    vec![
        Pick::new(None, "Không ghi"),
        Pick::new(Some(Sex::Male), "Nam (Ông)"),
        Pick::new(Some(Sex::Female), "Nữ (Bà)"),
    ]
}

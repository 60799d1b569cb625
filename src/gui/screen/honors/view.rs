//! What the commendations screen draws.

use iced::widget::{Space, button, column, container, pick_list, row, scrollable, text};
use iced::{Alignment, Element, Length, Padding};

use super::draft::{DecisionDraft, DecisionField, RecipientDraft, RecipientField, usual_titles};
use super::{DECISION_NUMBER, Honors, Message, PAGE, RECIPIENT_NAME, REGISTER_NO};
use crate::domain::{Decision, Form, Recipient, RecipientKind, Sex};
use crate::gui::data::Snapshot;
use crate::gui::widget::{
    danger_link, form_buttons, labelled, link, page_title, plain, stat, submit_field, table_header,
    undo_notice,
};
use crate::gui::{font, theme};
use crate::text::{date_short, thousands};

/// A pick-list entry with its label.
#[derive(Debug, Clone, PartialEq)]
struct Choice<T> {
    value: T,
    label: String,
}

impl<T> std::fmt::Display for Choice<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

fn choices<T>(items: impl IntoIterator<Item = (T, String)>) -> Vec<Choice<T>> {
    items
        .into_iter()
        .map(|(value, label)| Choice { value, label })
        .collect()
}

fn chosen<T: Clone + PartialEq>(options: &[Choice<T>], value: &T) -> Option<Choice<T>> {
    options.iter().find(|c| c.value == *value).cloned()
}

const DECISION_COLUMNS: [(&str, Length); 6] = [
    ("Số quyết định", Length::Fixed(150.0)),
    ("Ngày", Length::Fixed(92.0)),
    ("Cơ quan ban hành", Length::FillPortion(3)),
    ("Người ký", Length::FillPortion(2)),
    ("Được khen / cấp số", Length::Fixed(130.0)),
    ("", Length::Fixed(80.0)),
];

const RECIPIENT_COLUMNS: [(&str, Length); 7] = [
    ("STT", Length::Fixed(36.0)),
    ("Họ và tên / Tên tập thể", Length::FillPortion(3)),
    ("Đối tượng", Length::Fixed(96.0)),
    ("Chức vụ – đơn vị", Length::FillPortion(3)),
    ("Hình thức", Length::Fixed(88.0)),
    ("Số vào sổ", Length::Fixed(72.0)),
    ("", Length::Fixed(80.0)),
];

impl Honors {
    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let header = row![
            page_title(
                format!("Khen thưởng · Năm {}", data.event.year),
                "Người được khen và số vào sổ của năm đang chọn.",
            ),
            Space::new().width(Length::Fill),
            button(text("Nhập danh sách khen thưởng…"))
                .padding([10, 14])
                .style(theme::secondary)
                .on_press(Message::Import),
            button(text("+ Quyết định mới").font(font::SEMIBOLD))
                .padding([10, 18])
                .style(theme::primary)
                .on_press(Message::NewDecision),
        ]
        .align_y(Alignment::Center)
        .spacing(12);
        let notice = self.history.notice().map(|m| undo_notice(m, Message::Undo));
        let import_note = self.import_note.as_ref().map(|note| {
            let (message, style): (&str, fn(&iced::Theme) -> text::Style) = match note {
                Ok(m) => (m, theme::success_text),
                Err(m) => (m, theme::danger_text),
            };
            container(
                row![
                    text(message).style(style).width(Length::Fill),
                    button(text("Đóng"))
                        .style(theme::link)
                        .on_press(Message::DismissImportNote),
                ]
                .align_y(Alignment::Center)
                .spacing(12),
            )
            .padding(Padding::from([6, 12]))
            .style(theme::notice)
        });
        let content = if let Some(panel) = &self.importing {
            let selected = self.current(data).map_or_else(
                || "Các dòng không ghi số quyết định cần một quyết định: năm này chưa có.".into(),
                |d| {
                    format!(
                        "Các dòng không ghi số quyết định được đưa vào Quyết định số {} ngày {}.",
                        d.number,
                        date_short(d.date)
                    )
                },
            );
            // A decision for rows without one can be added without leaving the preview.
            let new_decision = self.decision.as_ref().filter(|d| d.id.is_none());
            column![
                header,
                new_decision.map(decision_form),
                import_note,
                text(selected).style(theme::muted),
                panel
                    .view("Nhập danh sách khen thưởng", "người được khen")
                    .map(Message::ImportPanel),
            ]
        } else {
            // New rows are typed right under the title, where the eye is; the decision a
            // recipient joins is named in the form's heading.
            let new_decision = self.decision.as_ref().filter(|d| d.id.is_none());
            let new_recipient = self.recipient.as_ref().filter(|d| d.id.is_none());
            column![header]
                .push(new_decision.map(decision_form))
                .push(new_recipient.map(|d| recipient_form(d, data)))
                .push(notice)
                .push(import_note)
                .push(totals(data))
                .push(self.decisions(data))
                .push(self.selected_decision(data))
        };
        scrollable(content.spacing(14).padding(24))
            .id(PAGE)
            .height(Length::Fill)
            .into()
    }

    fn decisions<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let current = self.current(data).map(|d| d.id);
        let mut rows = column![table_header(&DECISION_COLUMNS)];
        for d in &data.decisions {
            if let Some(draft) = self.decision.as_ref().filter(|x| x.id == Some(d.id)) {
                rows = rows.push(decision_form(draft));
                continue;
            }
            rows = rows.push(decision_row(d, data, current == Some(d.id)));
        }
        if data.decisions.is_empty() && self.decision.is_none() {
            rows = rows.push(
                container(
                    text("Chưa có quyết định khen thưởng nào trong năm này. Bấm “+ Quyết định mới” hoặc nhập danh sách từ tệp Excel.")
                        .style(theme::muted),
                )
                .padding(12),
            );
        }
        container(
            column![
                text("Quyết định khen thưởng")
                    .size(theme::HEADING)
                    .font(font::SEMIBOLD),
                rows,
            ]
            .spacing(10),
        )
        .padding(16)
        .width(Length::Fill)
        .style(theme::card)
        .into()
    }

    fn selected_decision<'a>(&'a self, data: &'a Snapshot) -> Option<Element<'a, Message>> {
        let decision = self.current(data)?;
        let recipients: Vec<&Recipient> = data
            .recipients
            .iter()
            .filter(|r| r.decision_id == decision.id)
            .collect();
        let heading = row![
            column![
                text(format!(
                    "Danh sách kèm theo Quyết định số {} ngày {}",
                    decision.number,
                    date_short(decision.date)
                ))
                .size(theme::HEADING)
                .font(font::SEMIBOLD),
                text(format!("Của {}", decision.authority()))
                    .size(theme::SMALL)
                    .style(theme::muted),
            ]
            .spacing(2)
            .width(Length::Fill),
            button(text("+ Thêm người được khen"))
                .padding([8, 14])
                .style(theme::secondary)
                .on_press(Message::NewRecipient),
        ]
        .spacing(12)
        .align_y(Alignment::Center);
        let mut rows = column![table_header(&RECIPIENT_COLUMNS)];
        for (i, r) in recipients.iter().enumerate() {
            if let Some(draft) = self.recipient.as_ref().filter(|d| d.id == Some(r.id)) {
                rows = rows.push(recipient_form(draft, data));
                continue;
            }
            rows = rows.push(recipient_row(i + 1, r));
        }
        if recipients.is_empty() {
            rows = rows.push(
                container(
                    text("Quyết định này chưa có ai. Bấm “+ Thêm người được khen” (Ctrl+N) hoặc nhập danh sách.")
                        .style(theme::muted),
                )
                .padding(12),
            );
        }
        Some(
            container(column![heading, rows].spacing(10))
                .padding(16)
                .width(Length::Fill)
                .style(theme::card)
                .into(),
        )
    }
}

/// The year's figures: decisions, who was commended, and how.
fn totals<'a>(data: &Snapshot) -> Element<'a, Message> {
    let kind =
        |k: RecipientKind| thousands(data.recipients.iter().filter(|r| r.kind == k).count() as i64);
    let form = |f: Form| thousands(data.recipients.iter().filter(|r| r.form == f).count() as i64);
    row![
        stat(thousands(data.decisions.len() as i64), "quyết định", plain),
        stat(kind(RecipientKind::Collective), "tập thể", plain),
        stat(kind(RecipientKind::Individual), "cá nhân", plain),
        stat(kind(RecipientKind::Household), "hộ gia đình", plain),
        stat(form(Form::Certificate), "giấy khen", plain),
        stat(form(Form::Merit), "bằng khen", plain),
        stat(form(Form::Praise), "biểu dương", plain),
    ]
    .spacing(10)
    .into()
}

fn decision_row<'a>(d: &'a Decision, data: &'a Snapshot, selected: bool) -> Element<'a, Message> {
    let of_decision = data.recipients.iter().filter(|r| r.decision_id == d.id);
    let count = of_decision.clone().count();
    let numbered = of_decision.filter(|r| r.register_no.is_some()).count();
    let title = d.signer_title.lines().collect::<Vec<_>>().join(" – ");
    let id = d.id;
    let body = row![
        text(&d.number)
            .font(font::SEMIBOLD)
            .width(Length::Fixed(150.0)),
        text(date_short(d.date)).width(Length::Fixed(92.0)),
        text(d.authority()).width(Length::FillPortion(3)),
        column![
            text(&d.signer_name),
            text(title).size(theme::SMALL).style(theme::muted),
        ]
        .width(Length::FillPortion(2)),
        text(format!("{count} / {numbered}")).width(Length::Fixed(130.0)),
        row![
            link("Sửa", Message::EditDecision(id)),
            danger_link("Xóa", Message::RemoveDecision(id)),
        ]
        .width(Length::Fixed(80.0)),
    ]
    .spacing(12)
    .align_y(Alignment::Center);
    // The whole row selects the decision; its links take their own clicks first.
    container(
        button(body)
            .style(theme::plain_button)
            .padding(0)
            .on_press(Message::Select(id)),
    )
    .padding(Padding::from([7, 12]))
    .style(if selected {
        theme::row_selected
    } else {
        theme::row_plain
    })
    .into()
}

fn recipient_row<'a>(index: usize, r: &'a Recipient) -> Element<'a, Message> {
    let id = r.id;
    let name = column![text(r.display_name()).font(font::SEMIBOLD)].push(r.birth_year.map(|y| {
        text(format!("Sinh năm {y}"))
            .size(theme::SMALL)
            .style(theme::muted)
    }));
    let number = match r.register_no {
        Some(n) => text(n.to_string()).font(font::SEMIBOLD),
        None => text("—").style(theme::muted),
    };
    container(
        row![
            text(index.to_string()).width(Length::Fixed(36.0)),
            name.width(Length::FillPortion(3)),
            text(r.kind.label()).width(Length::Fixed(96.0)),
            text(&r.position).width(Length::FillPortion(3)),
            text(r.form.label()).width(Length::Fixed(88.0)),
            number.width(Length::Fixed(72.0)),
            row![
                link("Sửa", Message::EditRecipient(id)),
                danger_link("Xóa", Message::RemoveRecipient(id)),
            ]
            .width(Length::Fixed(80.0)),
        ]
        .spacing(12)
        .align_y(Alignment::Center),
    )
    .padding(Padding::from([7, 12]))
    .style(theme::row_plain)
    .into()
}

fn portion<'a>(n: u16, content: Element<'a, Message>) -> Element<'a, Message> {
    container(content).width(Length::FillPortion(n)).into()
}

fn decision_form(draft: &DecisionDraft) -> Element<'_, Message> {
    let edit = |which| move |value| Message::DecisionEdited(which, value);
    let save = Message::SaveDecision;
    let titles = choices(usual_titles(&draft.issuer_head).into_iter().map(|t| {
        let label = if t.1.is_empty() {
            t.0.clone()
        } else {
            format!("{} – {}", t.0, t.1)
        };
        (t, label)
    }));
    let current = (
        draft.title_first.trim().to_string(),
        draft.title_second.trim().to_string(),
    );
    let heading = if draft.id.is_some() {
        "Sửa quyết định"
    } else {
        "Quyết định mới"
    };
    container(
        column![
            text(heading).font(font::SEMIBOLD),
            row![
                portion(
                    2,
                    submit_field(
                        "Số quyết định",
                        "Ví dụ: 123/QĐ-UBND",
                        &draft.number,
                        DECISION_NUMBER,
                        edit(DecisionField::Number),
                        save.clone()
                    )
                ),
                portion(
                    2,
                    submit_field(
                        "Ngày (dd/mm/yyyy)",
                        "18/08/2026",
                        &draft.date,
                        "decision-date",
                        edit(DecisionField::Date),
                        save.clone()
                    )
                ),
                portion(
                    4,
                    submit_field(
                        "Cơ quan ban hành",
                        "Ủy ban nhân dân phường …",
                        &draft.issuer,
                        "decision-issuer",
                        edit(DecisionField::Issuer),
                        save.clone()
                    )
                ),
                portion(
                    2,
                    submit_field(
                        "Người đứng đầu",
                        "Chủ tịch",
                        &draft.issuer_head,
                        "decision-issuer-head",
                        edit(DecisionField::IssuerHead),
                        save.clone()
                    )
                ),
            ]
            .spacing(10),
            row![
                portion(
                    3,
                    labelled(
                        "Chức danh ký (chọn mẫu hoặc tự ghi)",
                        pick_list(titles.clone(), chosen(&titles, &current), |c| {
                            Message::TitlePicked(c.value.0, c.value.1)
                        })
                        .placeholder("Chọn chức danh thường dùng")
                        .padding(8)
                        .width(Length::Fill)
                    )
                ),
                portion(
                    2,
                    submit_field(
                        "Dòng 1",
                        "KT. CHỦ TỊCH",
                        &draft.title_first,
                        "decision-title-1",
                        edit(DecisionField::TitleFirst),
                        save.clone()
                    )
                ),
                portion(
                    2,
                    submit_field(
                        "Dòng 2 (nếu có)",
                        "Để trống nếu chỉ một dòng",
                        &draft.title_second,
                        "decision-title-2",
                        edit(DecisionField::TitleSecond),
                        save.clone()
                    )
                ),
                portion(
                    3,
                    submit_field(
                        "Người ký",
                        "Họ và tên người ký",
                        &draft.signer_name,
                        "decision-signer",
                        edit(DecisionField::SignerName),
                        save.clone()
                    )
                ),
            ]
            .spacing(10)
            .align_y(Alignment::End),
        ]
        .push(
            draft
                .error
                .as_deref()
                .map(|e| text(e).style(theme::danger_text)),
        )
        .push(form_buttons(
            if draft.saving {
                "Đang lưu…"
            } else {
                "Lưu quyết định"
            },
            save,
            Message::Cancel,
        ))
        .spacing(8),
    )
    .padding(10)
    .style(theme::notice)
    .into()
}

fn recipient_form<'a>(draft: &'a RecipientDraft, data: &Snapshot) -> Element<'a, Message> {
    let edit = |which| move |value| Message::RecipientEdited(which, value);
    let save = Message::SaveRecipient;
    let kinds = choices(RecipientKind::ALL.map(|k| (k, k.label().to_string())));
    let forms =
        choices([Form::Certificate, Form::Merit, Form::Praise].map(|f| (f, f.label().to_string())));
    let sexes = choices([
        (None, "Không ghi".to_string()),
        (Some(Sex::Male), Sex::Male.label().to_string()),
        (Some(Sex::Female), Sex::Female.label().to_string()),
    ]);
    let individual = draft.kind == RecipientKind::Individual;
    let (name_label, name_hint) = match draft.kind {
        RecipientKind::Individual => ("Họ và tên", "Nguyễn Văn An"),
        RecipientKind::Collective => ("Tên tập thể", "Tổ dân phố 5, Khu phố 1"),
        RecipientKind::Household => ("Tên hộ", "Hộ ông Phạm Văn Dũng"),
    };
    let first = row![
        portion(
            2,
            labelled(
                "Đối tượng",
                pick_list(kinds.clone(), chosen(&kinds, &draft.kind), |c| {
                    Message::KindPicked(c.value)
                })
                .padding(8)
                .width(Length::Fill)
            )
        ),
        portion(
            2,
            labelled(
                "Hình thức",
                pick_list(forms.clone(), chosen(&forms, &draft.form), |c| {
                    Message::FormPicked(c.value)
                })
                .padding(8)
                .width(Length::Fill)
            )
        ),
        portion(
            5,
            submit_field(
                name_label,
                name_hint,
                &draft.name,
                RECIPIENT_NAME,
                edit(RecipientField::Name),
                save.clone()
            )
        ),
    ]
    .push(individual.then(|| {
        portion(
            2,
            labelled(
                "Giới tính",
                pick_list(sexes.clone(), chosen(&sexes, &draft.sex), |c| {
                    Message::SexPicked(c.value)
                })
                .padding(8)
                .width(Length::Fill),
            ),
        )
    }))
    .push(individual.then(|| {
        portion(
            2,
            submit_field(
                "Năm sinh",
                "1975",
                &draft.birth_year,
                "recipient-birth-year",
                edit(RecipientField::BirthYear),
                save.clone(),
            ),
        )
    }))
    .spacing(10);
    let number: Element<'a, Message> = if draft.form.has_certificate() {
        submit_field(
            "Số vào sổ (để trống: tự cấp)",
            "Tự cấp số tiếp theo",
            &draft.register_no,
            REGISTER_NO,
            edit(RecipientField::RegisterNo),
            save.clone(),
        )
    } else {
        labelled(
            "Số vào sổ",
            container(text("Biểu dương: không cấp số").style(theme::muted)).padding([8, 0]),
        )
    };
    let second = row![
        portion(
            5,
            submit_field(
                "Chức vụ, đơn vị",
                "Tổ trưởng Tổ dân phố 5, Khu phố 1",
                &draft.position,
                "recipient-position",
                edit(RecipientField::Position),
                save.clone()
            )
        ),
        portion(2, number),
    ]
    .spacing(10);
    let decision = data
        .decisions
        .iter()
        .find(|d| d.id == draft.decision_id)
        .map_or(String::new(), |d| format!(" · Quyết định số {}", d.number));
    let heading = if draft.id.is_some() {
        format!("Sửa người được khen{decision}")
    } else {
        format!("Thêm người được khen{decision}")
    };
    let label = match (draft.saving, draft.id) {
        (true, _) => "Đang lưu…",
        (false, Some(_)) => "Lưu",
        (false, None) => "Thêm vào danh sách",
    };
    container(
        column![
            text(heading).font(font::SEMIBOLD),
            first,
            second,
            submit_field(
                "Thành tích",
                "Đã có thành tích xuất sắc trong phong trào …",
                &draft.achievement,
                "recipient-achievement",
                edit(RecipientField::Achievement),
                save.clone()
            ),
        ]
        .push(
            draft
                .error
                .as_deref()
                .map(|e| text(e).style(theme::danger_text)),
        )
        .push(form_buttons(label, save, Message::Cancel))
        .spacing(8),
    )
    .padding(10)
    .style(theme::notice)
    .into()
}

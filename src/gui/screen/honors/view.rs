//! What the commendations screen draws.

use iced::widget::{Space, button, column, container, pick_list, row, scrollable, text};
use iced::{Alignment, Element, Length, Padding};

use super::draft::{DecisionDraft, DecisionField, SIGNER_TITLES};
use super::{DECISION_NUMBER, Honors, Message, PAGE};
use crate::domain::{Form, Recipient, RecipientKind};
use crate::gui::data::Snapshot;
use crate::gui::history;
use crate::gui::records;
use crate::gui::widget::{
    Pick, card, danger_link, inline_form, labelled, link, outcome_banner, page_title, plain, stat,
    submit_field, table_header, undo_notice,
};
use crate::gui::{font, theme};
use crate::text::date_short;

impl Honors {
    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        // The title has the whole width and the actions a row of their own: four buttons
        // beside it left the title two words wide at the window's usual size.
        let header = column![
            page_title(
                format!("Khen thưởng · Năm {}", data.event.year),
                "Quyết định, người được khen và số vào sổ (tự cấp, không cấp lại số đã dùng).",
            ),
            row![
                button(text("+ Thêm người được khen").font(font::SEMIBOLD))
                    .padding([10, 18])
                    .style(theme::primary)
                    .on_press(Message::New),
                button(text("+ Quyết định mới"))
                    .padding([10, 14])
                    .style(theme::secondary)
                    .on_press(Message::NewDecision),
                button(text("Nhập danh sách…"))
                    .padding([10, 14])
                    .style(theme::secondary)
                    .on_press(Message::Import),
                button(text("In giấy khen… (Ctrl+P)"))
                    .padding([10, 14])
                    .style(theme::secondary)
                    .on_press(Message::Print),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
        ]
        .spacing(12);
        if let Some(panel) = &self.importing {
            // Why the list was refused, and the decision its rows may need, are shown with it.
            let note = self
                .note
                .as_ref()
                .map(|note| outcome_banner(note, Message::DismissNote));
            let new_decision = self
                .decision
                .as_ref()
                .filter(|d| d.id.is_none())
                .map(decision_form);
            return scrollable(
                column![
                    header,
                    new_decision,
                    note,
                    panel
                        .view("Nhập danh sách khen thưởng", "người được khen")
                        .map(Message::ImportPanel)
                ]
                .spacing(14)
                .padding(24),
            )
            .id(PAGE)
            .height(Length::Fill)
            .into();
        }
        let notice = history::notice(&self.timelines()).map(|m| undo_notice(m, Message::Undo));
        let note = self
            .note
            .as_ref()
            .map(|note| outcome_banner(note, Message::DismissNote));
        let content = column![header]
            // New rows are typed right under the title, where the eye is.
            .push(
                self.decision
                    .as_ref()
                    .filter(|d| d.id.is_none())
                    .map(decision_form),
            )
            .push(
                self.recipients
                    .form(None)
                    .map(|f| f.map(Message::Recipients)),
            )
            .push(notice)
            .push(note)
            .push(totals(data))
            .push(card("Quyết định khen thưởng", self.decisions(data)))
            .push(self.recipients_card(data))
            .spacing(14)
            .padding(24);
        scrollable(content).id(PAGE).height(Length::Fill).into()
    }

    fn decisions<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let columns = [
            ("Số quyết định", Length::FillPortion(2)),
            ("Ngày", Length::Fixed(95.0)),
            ("Cơ quan ban hành", Length::FillPortion(3)),
            ("Người ký", Length::FillPortion(2)),
            ("Được khen", Length::Fixed(80.0)),
            ("", Length::Fixed(140.0)),
        ];
        let current = self.current(data).map(|d| d.id);
        let mut rows = column![table_header(&columns)];
        for d in &data.decisions {
            if let Some(draft) = self.decision.as_ref().filter(|x| x.id == Some(d.id)) {
                rows = rows.push(decision_form(draft));
                continue;
            }
            let count = data
                .recipients
                .iter()
                .filter(|r| r.decision_id == d.id)
                .count();
            let chosen = current == Some(d.id);
            rows = rows.push(
                container(
                    row![
                        text(&d.number)
                            .font(font::SEMIBOLD)
                            .width(Length::FillPortion(2)),
                        text(date_short(d.date)).width(Length::Fixed(95.0)),
                        text(&d.issuer).width(Length::FillPortion(3)),
                        text(&d.signer_name).width(Length::FillPortion(2)),
                        text(count.to_string()).width(Length::Fixed(80.0)),
                        row![
                            link(
                                if chosen { "Đang xem" } else { "Xem" },
                                Message::Select(d.id)
                            ),
                            link("Sửa", Message::EditDecision(d.id)),
                            danger_link("Xóa", Message::RemoveDecision(d.id)),
                        ]
                        .width(Length::Fixed(140.0)),
                    ]
                    .spacing(12)
                    .align_y(Alignment::Center),
                )
                .padding(Padding::from([7, 12]))
                .style(if chosen {
                    theme::row_selected
                } else {
                    theme::row_plain
                }),
            );
        }
        if data.decisions.is_empty() {
            rows = rows.push(
                container(
                    text("Chưa có quyết định nào. Bấm “+ Quyết định mới”, hoặc nhập danh sách có cột số và ngày quyết định.")
                        .style(theme::muted),
                )
                .padding(12),
            );
        }
        rows.into()
    }

    fn recipients_card<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let Some(decision) = self.current(data) else {
            return Space::new().height(0).into();
        };
        // The kind goes under the name, and the name takes most of what is left: a collective's
        // name ("Ban Chỉ đạo phong trào … Khu phố 3") ran to five lines at 1024 pixels.
        let columns = [
            ("STT", Length::Fixed(40.0)),
            ("Họ và tên / Tên tập thể", Length::FillPortion(5)),
            ("Chức vụ, đơn vị", Length::FillPortion(3)),
            ("Hình thức", Length::Fixed(90.0)),
            ("Số vào sổ", Length::Fixed(75.0)),
            ("", Length::Fixed(90.0)),
        ];
        let mut rows = column![table_header(&columns)];
        let mine: Vec<&Recipient> = data
            .recipients
            .iter()
            .filter(|r| r.decision_id == decision.id)
            .collect();
        for (i, r) in mine.iter().enumerate() {
            if let Some(form) = self.recipients.form(Some(r.id)) {
                rows = rows.push(form.map(Message::Recipients));
                continue;
            }
            rows = rows.push(
                container(
                    row![
                        text((i + 1).to_string()).width(Length::Fixed(40.0)),
                        column![
                            text(r.display_name()).font(font::SEMIBOLD),
                            text(r.kind.label()).size(theme::SMALL).style(theme::muted),
                        ]
                        .width(Length::FillPortion(5)),
                        text(&r.position).width(Length::FillPortion(3)),
                        text(r.form.label()).width(Length::Fixed(90.0)),
                        text(
                            r.register_no
                                .map(|n| data.unit.register_digits.number(n))
                                .unwrap_or_default()
                        )
                        .width(Length::Fixed(75.0)),
                        row![
                            link("Sửa", Message::Recipients(records::Message::Edit(r.id))),
                            danger_link("Xóa", Message::Recipients(records::Message::Remove(r.id))),
                        ]
                        .width(Length::Fixed(90.0)),
                    ]
                    .spacing(12)
                    .align_y(Alignment::Center),
                )
                .padding(Padding::from([7, 12]))
                .style(theme::row_plain),
            );
        }
        if mine.is_empty() && !self.recipients.is_open() {
            rows = rows.push(
                container(text("Quyết định này chưa có ai được khen.").style(theme::muted))
                    .padding(12),
            );
        }
        let end: Element<'a, Message> = row![
            button(text("+ Thêm người được khen"))
                .style(theme::secondary)
                .padding([6, 14])
                .on_press(Message::New),
            button(text("Lưu danh sách kèm quyết định (PDF)…"))
                .style(theme::secondary)
                .padding([6, 14])
                .on_press_maybe((!mine.is_empty()).then_some(Message::SaveList)),
        ]
        .spacing(10)
        .into();
        card(
            format!(
                "Người được khen theo Quyết định số {} ({})",
                decision.number,
                decision.authority()
            ),
            column![rows, end].spacing(10),
        )
    }
}

fn totals<'a>(data: &'a Snapshot) -> Element<'a, Message> {
    let count = |f: &dyn Fn(&Recipient) -> bool| data.recipients.iter().filter(|r| f(r)).count();
    let by_kind = |k: RecipientKind| count(&|r| r.kind == k);
    let by_form = |f: Form| count(&|r| r.form == f);
    row![
        stat(data.decisions.len().to_string(), "quyết định", plain),
        stat(
            by_kind(RecipientKind::Collective).to_string(),
            "tập thể",
            plain
        ),
        stat(
            by_kind(RecipientKind::Individual).to_string(),
            "cá nhân",
            plain
        ),
        stat(
            by_kind(RecipientKind::Household).to_string(),
            "hộ gia đình",
            plain
        ),
        stat(
            format!(
                "{} · {} · {}",
                by_form(Form::Merit),
                by_form(Form::Certificate),
                by_form(Form::Praise)
            ),
            "bằng khen · giấy khen · biểu dương",
            plain
        ),
    ]
    .spacing(12)
    .into()
}

fn decision_form(draft: &DecisionDraft) -> Element<'_, Message> {
    let edit = |which| move |value| Message::DecisionEdited(which, value);
    let save = Message::SaveDecision;
    let titles: Vec<Pick<&'static str>> = SIGNER_TITLES.iter().map(|t| Pick::new(*t, *t)).collect();
    inline_form(
        column![
            row![
                submit_field(
                    "Số quyết định",
                    "125/QĐ-UBND",
                    &draft.number,
                    DECISION_NUMBER,
                    edit(DecisionField::Number),
                    save.clone()
                ),
                submit_field(
                    "Ngày",
                    "dd/mm/yyyy",
                    &draft.date,
                    "decision-date",
                    edit(DecisionField::Date),
                    save.clone()
                ),
                submit_field(
                    "Cơ quan ban hành",
                    "Ủy ban nhân dân phường ...",
                    &draft.issuer,
                    "decision-issuer",
                    edit(DecisionField::Issuer),
                    save.clone()
                ),
                submit_field(
                    "Người đứng đầu",
                    "Chủ tịch",
                    &draft.issuer_head,
                    "decision-head",
                    edit(DecisionField::IssuerHead),
                    save.clone()
                ),
            ]
            .spacing(10),
            row![
                submit_field(
                    "Chức danh ký (dòng 1 / dòng 2)",
                    "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
                    &draft.signer_title,
                    "decision-signer-title",
                    edit(DecisionField::SignerTitle),
                    save.clone()
                ),
                labelled(
                    "Chọn nhanh",
                    pick_list(titles, None::<Pick<&'static str>>, |p| {
                        Message::SignerTitlePicked(p.value)
                    })
                    .placeholder("Chức danh thường dùng")
                    .padding(8)
                    .width(Length::Fill)
                ),
                submit_field(
                    "Người ký",
                    "Nguyễn Văn A",
                    &draft.signer_name,
                    "decision-signer",
                    edit(DecisionField::SignerName),
                    save.clone()
                ),
            ]
            .spacing(10),
        ],
        draft.error.as_deref(),
        "Lưu quyết định",
        save,
        Message::Cancel,
    )
}

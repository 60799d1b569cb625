//! What the commendations screen draws.

use iced::widget::{Space, column, container, pick_list, row, scrollable, text};
use iced::{Alignment, Element, Length};

use super::draft::{DecisionDraft, SIGNER_TITLES};
use super::{DECISION_NUMBER, Honors, Message, PAGE};
use crate::domain::{Decision, Form, Recipient, RecipientKind};
use crate::gui::data::Snapshot;
use crate::gui::history;
use crate::gui::records;
use crate::gui::widget::{
    Pick, Slot, Table, card, danger_link, inline_form, labelled, link, outcome_banner, page_title,
    plain, primary_button, secondary_button, stat, submit_field, undo_notice,
};
use crate::gui::{font, theme};
use crate::text::date_short;

impl Honors {
    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        // The title has the whole width and the actions a row of their own: four buttons
        // beside it left the title two words wide at the window's usual size.
        let header = column![
            page_title(
                format!("Khen thưởng · Năm {}", data.plan.event.year),
                "Quyết định, người được khen và số vào sổ (tự cấp, không cấp lại số đã dùng).",
            ),
            row![
                primary_button("+ Thêm người được khen", [10, 18]).on_press(Message::New),
                secondary_button("+ Quyết định mới", [10, 14]).on_press(Message::NewDecision),
                secondary_button("Nhập danh sách…", [10, 14]).on_press(Message::Import),
                secondary_button("In giấy khen… (Ctrl+P)", [10, 14]).on_press(Message::Print),
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
        let current = self.current(data).map(|d| d.id);
        let count = |id: i64| {
            data.recipients
                .iter()
                .filter(|r| r.decision_id == id)
                .count()
        };
        let table = Table::default()
            .column(
                "Số quyết định",
                Length::FillPortion(2),
                |d: &'a Decision| text(&d.number).font(font::SEMIBOLD),
            )
            .column("Ngày", Length::Fixed(95.0), |d| text(date_short(d.date)))
            .column("Cơ quan ban hành", Length::FillPortion(3), |d| {
                text(&d.issuer)
            })
            .column("Người ký", Length::FillPortion(2), |d| {
                text(&d.signer_name)
            })
            .column("Được khen", Length::Fixed(80.0), move |d| {
                text(count(d.id).to_string())
            })
            .column("", Length::Fixed(140.0), move |d| {
                row![
                    link(
                        if current == Some(d.id) {
                            "Đang xem"
                        } else {
                            "Xem"
                        },
                        Message::Select(d.id)
                    ),
                    link("Sửa", Message::EditDecision(d.id)),
                    danger_link("Xóa", Message::RemoveDecision(d.id)),
                ]
            });
        let mut rows = column![table.header()];
        for d in &data.decisions {
            if let Some(draft) = self.decision.as_ref().filter(|x| x.id == Some(d.id)) {
                rows = rows.push(decision_form(draft));
                continue;
            }
            let style = if current == Some(d.id) {
                theme::row_selected
            } else {
                theme::row_plain
            };
            rows = rows.push(table.row(d, [7, 12], style));
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
        let digits = data.unit.register_digits;
        let table = Table::default()
            .column(
                "STT",
                Length::Fixed(40.0),
                |(i, _): (usize, &'a Recipient)| text((i + 1).to_string()),
            )
            .column(
                "Họ và tên / Tên tập thể",
                Length::FillPortion(5),
                |(_, r)| {
                    column![
                        text(r.display_name()).font(font::SEMIBOLD),
                        text(r.kind.label()).size(theme::SMALL).style(theme::muted),
                    ]
                },
            )
            .column(
                "Chức vụ, đơn vị",
                Length::FillPortion(3),
                |(_, r)| text(&r.position),
            )
            .column("Hình thức", Length::Fixed(90.0), |(_, r)| {
                text(r.form.label())
            })
            .column("Số vào sổ", Length::Fixed(75.0), move |(_, r)| {
                text(r.register_no.map(|n| digits.number(n)).unwrap_or_default())
            })
            .column("", Length::Fixed(90.0), |(_, r)| {
                records::actions(r.id, Message::Recipients)
            });
        let mut rows = column![table.header()];
        let mine: Vec<&Recipient> = data
            .recipients
            .iter()
            .filter(|r| r.decision_id == decision.id)
            .collect();
        for (i, r) in mine.iter().enumerate() {
            rows = rows.push(self.recipients.row_or_form(r.id, Message::Recipients, || {
                table.row((i, *r), [7, 12], theme::row_plain)
            }));
        }
        if mine.is_empty() && !self.recipients.is_open() {
            rows = rows.push(
                container(text("Quyết định này chưa có ai được khen.").style(theme::muted))
                    .padding(12),
            );
        }
        let end: Element<'a, Message> = row![
            secondary_button("+ Thêm người được khen", [6, 14]).on_press(Message::New),
            secondary_button("Lưu danh sách kèm quyết định (PDF)…", [6, 14])
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
    let edit = |slot: Slot<DecisionDraft>| move |value| Message::DecisionEdited(slot, value);
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
                    edit(|d| &mut d.number),
                    save.clone()
                ),
                submit_field(
                    "Ngày",
                    "dd/mm/yyyy",
                    &draft.date,
                    "decision-date",
                    edit(|d| &mut d.date),
                    save.clone()
                ),
                submit_field(
                    "Cơ quan ban hành",
                    "Ủy ban nhân dân phường ...",
                    &draft.issuer,
                    "decision-issuer",
                    edit(|d| &mut d.issuer),
                    save.clone()
                ),
                submit_field(
                    "Người đứng đầu",
                    "Chủ tịch",
                    &draft.issuer_head,
                    "decision-head",
                    edit(|d| &mut d.issuer_head),
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
                    edit(|d| &mut d.signer_title),
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
                    edit(|d| &mut d.signer_name),
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

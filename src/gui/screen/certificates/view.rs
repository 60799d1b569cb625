//! The certificates screen's widgets: print options, the editor's field table, the printer
//! card and the preview.

use iced::widget::{Space, column, container, pick_list, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length};

use super::editor::{Edit, number};
use super::printers::PrinterField;
use super::zoom::Zoom;
use super::{Certificates, Message, Panel, PrinterChoice, Scope};
use crate::certificate::{FieldKey, Mode};
use crate::domain::Form;
use crate::gui::data::Snapshot;
use crate::gui::preview::Sheet;
use crate::gui::widget::{
    Pick, card, choice, danger_link, link, on_enter, page_header, primary_button, save_pdf,
    saved_file, secondary_button,
};
use crate::gui::{font, theme};
use crate::text::date_short;

impl Certificates {
    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let printing = self.to_print(data).len();
        let save = save_pdf(self.saving, printing > 0, Message::Save);
        let header = page_header(
            format!("In giấy khen · Năm {}", data.plan.event.year),
            "Giấy khen, bằng khen theo thứ tự số vào sổ; xem trước đúng như khi in.",
            [save],
        );

        let panel = match self.panel {
            Panel::None => None,
            Panel::Template => Some(self.editor_card(data)),
            Panel::Printers => Some(self.printers_card(data)),
        };
        let content = column![header]
            .push(self.outcome())
            .push(self.confirm_panel())
            .push(self.options(data, printing))
            .push(panel)
            .push(self.preview(data))
            .spacing(16)
            .padding(24);
        scrollable(content).height(Length::Fill).into()
    }

    fn outcome(&self) -> Option<Element<'_, Message>> {
        let outcome = self.outcome.as_ref()?;
        Some(saved_file(outcome, "Mở để in", Message::Open))
    }

    /// The warnings about text that does not fit, before anything is written.
    fn confirm_panel(&self) -> Option<Element<'_, Message>> {
        let warnings = self.confirm.as_ref()?;
        let heading = format!(
            "Có {} chỗ chữ không vừa ô. In ra, chữ vẫn đủ nhưng sẽ tràn khỏi ô:",
            warnings.len()
        );
        Some(
            container(
                column![text(heading).font(font::SEMIBOLD)]
                    .extend(
                        warnings
                            .iter()
                            .map(|w| text(format!("• {w}")).style(theme::warning_text).into()),
                    )
                    .push(
                        row![
                            primary_button("Quay lại sửa", [6, 16])
                                .on_press(Message::Confirm(false)),
                            secondary_button("Vẫn in", [6, 16]).on_press(Message::Confirm(true)),
                        ]
                        .spacing(10),
                    )
                    .spacing(8),
            )
            .padding(12)
            .width(Length::Fill)
            .style(theme::error_box)
            .into(),
        )
    }

    fn options<'a>(&'a self, data: &'a Snapshot, printing: usize) -> Element<'a, Message> {
        let year_count = super::entries(data, self.form, None).len();
        let decisions: Vec<Pick<i64>> = data
            .decisions
            .iter()
            .map(|d| Pick::new(d.id, format!("Số {} ngày {}", d.number, date_short(d.date))))
            .collect();
        let chosen_decision = decisions
            .iter()
            .find(|d| Some(d.value) == self.decision)
            .cloned();
        let scope = row![
            label("In"),
            choice(
                format!("Cả năm ({year_count})"),
                Scope::Year,
                self.scope,
                Message::Scope
            ),
            choice(
                "Theo quyết định",
                Scope::Decision,
                self.scope,
                Message::Scope
            ),
        ]
        .push((self.scope == Scope::Decision).then(|| {
            pick_list(decisions, chosen_decision, Message::DecisionPicked)
                .placeholder("Chọn quyết định")
                .padding([6, 10])
        }))
        .push(choice(
            "In lại một giấy (đang xem)",
            Scope::One,
            self.scope,
            Message::Scope,
        ))
        .spacing(8)
        .align_y(Alignment::Center);

        let count = |form: Form| super::entries(data, form, None).len();
        let kind = row![
            label("Loại"),
            choice(
                format!("Giấy khen ({})", count(Form::Certificate)),
                Form::Certificate,
                self.form,
                Message::Form
            ),
            choice(
                format!("Bằng khen ({})", count(Form::Merit)),
                Form::Merit,
                self.form,
                Message::Form
            ),
            Space::new().width(16),
            label("Cách in"),
            choice("In cả trang", Mode::FullPage, self.mode, Message::Mode),
            choice("In trên phôi", Mode::Blank, self.mode, Message::Mode),
        ]
        .spacing(8)
        .align_y(Alignment::Center);

        let printers: Vec<PrinterChoice> = std::iter::once(PrinterChoice(None))
            .chain(
                data.printers
                    .iter()
                    .map(|p| PrinterChoice(Some(p.name.clone()))),
            )
            .collect();
        let tools = row![
            label("Máy in"),
            pick_list(
                printers,
                Some(PrinterChoice(self.printer.clone())),
                Message::PrinterPicked
            )
            .padding([6, 10])
            .width(Length::Fixed(240.0)),
            Space::new().width(Length::Fill),
            choice("Sửa mẫu", Panel::Template, self.panel, Message::Panel),
            choice(
                "Máy in và hiệu chỉnh",
                Panel::Printers,
                self.panel,
                Message::Panel
            ),
        ]
        .spacing(8)
        .align_y(Alignment::Center);

        let what = self.form.label().to_lowercase();
        let template = self.template().map_or("", |t| t.name.as_str());
        let summary = if printing == 0 && self.scope == Scope::One {
            "Chọn giấy cần in lại trong phần xem trước.".to_string()
        } else if printing == 0 {
            format!(
                "Năm {} chưa có ai được tặng {what} (biểu dương không in giấy). Thêm người được khen ở mục Khen thưởng.",
                data.plan.event.year
            )
        } else {
            format!(
                "Sẽ in {printing} {what}, mỗi giấy một trang, theo thứ tự số vào sổ — mẫu “{template}”."
            )
        };
        container(
            column![
                scope,
                kind,
                tools,
                text(summary).size(theme::SMALL).style(theme::muted)
            ]
            .spacing(10),
        )
        .padding(16)
        .width(Length::Fill)
        .style(theme::card)
        .into()
    }

    fn printers_card<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let form = &self.printer_form;
        let explanation = "Máy in nào cũng kéo giấy lệch đi vài milimét. In trang hiệu chỉnh bằng máy in cần đo, ở cỡ thật (100%, không chọn “vừa trang”), rồi đo bằng thước: từ mép trái và mép trên tờ giấy đến tâm dấu chữ thập góc trên bên trái (đúng ra là 30 mm) cho biết độ lệch ngang và dọc; khoảng cách giữa hai dấu chữ thập trên cùng cho biết tỉ lệ. Cách đo in sẵn trên trang. Ghi các số đo vào đây, lưu, rồi in thử lần nữa để kiểm tra.";
        let saved = data.printers.iter().map(|p| {
            row![
                text(&p.name)
                    .font(font::SEMIBOLD)
                    .width(Length::Fixed(220.0)),
                text(format!(
                    "ngang {} mm · dọc {} mm · tỉ lệ {}",
                    signed(p.offset_x_mm),
                    signed(p.offset_y_mm),
                    number(p.scale)
                ))
                .style(theme::muted)
                .width(Length::Fill),
                link("Sửa", Message::EditPrinter(p.name.clone())),
                danger_link("Xóa", Message::DeletePrinter(p.id)),
            ]
            .spacing(8)
            .align_y(Alignment::Center)
            .into()
        });
        let input = |label_text: &'static str, field: PrinterField, value: &'a str, width: f32| {
            column![
                text(label_text).size(theme::SMALL).style(theme::muted),
                on_enter(
                    text_input("", value)
                        .id(field.id())
                        .on_input(move |v| Message::PrinterEdited(field, v))
                        .padding(6)
                        .width(Length::Fixed(width)),
                    Message::SavePrinter
                ),
            ]
            .spacing(4)
        };
        let fields = row![
            input("Tên máy in", PrinterField::Name, &form.name, 240.0),
            input(
                "Độ lệch ngang (mm)",
                PrinterField::OffsetX,
                &form.offset_x,
                130.0
            ),
            input(
                "Độ lệch dọc (mm)",
                PrinterField::OffsetY,
                &form.offset_y,
                130.0
            ),
            input("Tỉ lệ", PrinterField::Scale, &form.scale, 90.0),
        ]
        .spacing(12)
        .align_y(Alignment::End);
        let buttons = row![
            primary_button("Lưu máy in", [6, 16]).on_press(Message::SavePrinter),
            secondary_button("Máy in mới", [6, 16]).on_press(Message::NewPrinter),
            Space::new().width(Length::Fill),
            secondary_button("In trang hiệu chỉnh…", [6, 16])
                .on_press_maybe((!self.saving).then_some(Message::Calibrate)),
        ]
        .spacing(10)
        .align_y(Alignment::Center);
        let paper = self
            .template()
            .map_or_else(String::new, |t| t.paper.label());
        let chosen = PrinterChoice(self.printer.clone()).to_string();
        card(
            "Máy in và trang hiệu chỉnh",
            column![
                text(explanation).size(theme::SMALL),
                text(format!(
                    "Trang hiệu chỉnh in theo khổ {paper} của mẫu đang chọn, qua máy in “{chosen}”."
                ))
                .size(theme::SMALL)
                .style(theme::muted),
            ]
            .extend(saved)
            .push(fields)
            .push(
                form.error
                    .as_deref()
                    .map(|e| text(e).style(theme::danger_text)),
            )
            .push(buttons)
            .spacing(10),
        )
    }

    /// "−", the size, "+" and "Vừa trang": what Ctrl+-, Ctrl+= and Ctrl+0 do.
    fn zoom_buttons<'a>(&self) -> Element<'a, Message> {
        let zoom = self.zoom;
        let small = |label: &'a str, zoom: Zoom, enabled: bool| {
            secondary_button(label, [4, 12]).on_press_maybe(enabled.then_some(Message::Zoom(zoom)))
        };
        row![
            small("−", Zoom::Out, zoom.can_zoom_out()),
            text(zoom.label()).style(theme::muted),
            small("+", Zoom::In, zoom.can_zoom_in()),
            small("Vừa trang (Ctrl+0)", Zoom::Fit, !zoom.is_fitted()),
        ]
        .spacing(8)
        .align_y(Alignment::Center)
        .into()
    }

    fn preview<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let Some(laid) = &self.laid else {
            return column![].into();
        };
        let entries = self.entries(data);
        let choices: Vec<Pick<i64>> = entries
            .iter()
            .map(|e| {
                let label = match e.recipient.register_no {
                    Some(n) => format!(
                        "Số {} · {}",
                        data.unit.register_digits.number(n),
                        e.data.recipient
                    ),
                    None => e.data.recipient.clone(),
                };
                Pick::new(e.recipient.id, label)
            })
            .collect();
        let at = choices
            .iter()
            .position(|c| Some(c.value) == self.selected)
            .unwrap_or(0);
        let browse: Element<'a, Message> = if choices.is_empty() {
            text(format!(
                "Chưa có ai được tặng {} trong năm {}: bản xem trước dùng nội dung ví dụ.",
                self.form.label().to_lowercase(),
                data.plan.event.year
            ))
            .style(theme::muted)
            .into()
        } else {
            let total = choices.len();
            let selected = choices.get(at).cloned();
            row![
                secondary_button("‹", [4, 12])
                    .on_press_maybe((at > 0).then_some(Message::Step(-1))),
                pick_list(choices, selected, Message::Show)
                    .padding([6, 10])
                    .width(Length::Fixed(420.0)),
                secondary_button("›", [4, 12])
                    .on_press_maybe((at + 1 < total).then_some(Message::Step(1))),
                text(format!("Giấy {} / {total}", at + 1)).style(theme::muted),
            ]
            .spacing(8)
            .align_y(Alignment::Center)
            .into()
        };
        let template = self.template();
        let background = template
            .filter(|t| t.mode == Mode::Blank)
            .and_then(|t| t.background.clone())
            .map(iced::widget::image::Handle::from_path);
        let scale = self.zoom.scale(laid.page.width_mm, laid.page.height_mm);
        let mut sheet = Sheet::new(&laid.page).scale(scale).background(background);
        // While the template is edited, its boxes are outlined and can be dragged.
        if let Some(t) = template.filter(|_| self.panel == Panel::Template) {
            let printed: Vec<_> = t.fields.iter().filter(|f| f.print).collect();
            let keys: Vec<FieldKey> = printed.iter().map(|f| f.key).collect();
            sheet = sheet
                .outlines(
                    printed
                        .iter()
                        .map(|f| (f.x_mm, f.y_mm, f.width_mm, f.height_mm))
                        .collect(),
                )
                .on_move(move |i, x, y| Message::Edit(Edit::Move(keys[i], x, y)));
        }
        let who = entries
            .get(at)
            .map_or("Mẫu", |e| e.data.recipient.as_str())
            .to_string();
        let warnings = laid.overflows.iter().map(move |o| {
            text(format!("⚠ {}", o.message(&who)))
                .style(theme::warning_text)
                .into()
        });
        // Warnings above the page: under it they would be a screen away.
        column![
            row![browse, self.zoom_buttons()]
                .spacing(24)
                .align_y(Alignment::Center)
                .wrap()
                .vertical_spacing(8)
        ]
        .extend(warnings)
        .push(container(container(sheet).style(theme::card).padding(1)).center_x(Length::Fill))
        .spacing(10)
        .into()
    }
}

pub(super) fn label<'a>(s: &'a str) -> Element<'a, Message> {
    text(s)
        .size(theme::SMALL)
        .style(theme::muted)
        .width(Length::Fixed(56.0))
        .into()
}

pub(super) fn small_input<'a>(
    id: impl Into<iced::widget::Id>,
    value: &'a str,
    width: f32,
    on_input: impl Fn(String) -> Message + 'a,
) -> Element<'a, Message> {
    text_input("", value)
        .id(id)
        .on_input(on_input)
        .size(theme::SMALL)
        .padding([4, 6])
        .width(Length::Fixed(width))
        .into()
}

/// What a keystroke left in a number cell (an input method's Enter is dropped: nothing to
/// submit, every number applies as it is typed).
pub(super) fn clean(raw: String) -> String {
    crate::gui::widget::Typed::from_raw(&raw).value
}

/// "+1,5", "−2", "0".
pub(super) fn signed(v: f32) -> String {
    if v > 0.0 {
        format!("+{}", number(v))
    } else if v < 0.0 {
        format!("\u{2212}{}", number(-v))
    } else {
        "0".into()
    }
}

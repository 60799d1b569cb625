//! What the report screen draws: the figures, the entered figures, the narrative editors, and
//! the paper while "Xuất báo cáo…" is open.

use iced::widget::{
    Space, button, checkbox, column, container, row, scrollable, text, text_editor, text_input,
};
use iced::{Alignment, Element, Length, Padding};

use super::{Message, Output, Report};
use crate::domain::report::{Entered, Figure, Group, Section, Standard, percent_text};
use crate::gui::data::Snapshot;
use crate::gui::widget::{
    card, page_title, plain, primary_button, saved_file, secondary_button, table_header,
    undo_notice,
};
use crate::gui::{font, preview, theme};
use crate::papers::report::{Value, computed_summary};

const VALUE_WIDTH: f32 = 130.0;

impl Report {
    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        if let Some(pages) = &self.preview {
            return self.export_view(data, pages);
        }
        let year = data.plan.event.year;
        let undo = secondary_button("Hoàn tác (Ctrl+Z)", [8, 14])
            .on_press_maybe(self.can_undo().then_some(Message::Undo));
        let export = primary_button("Xuất báo cáo… (Ctrl+P)", [10, 18]).on_press(Message::Export);
        // The title takes what the buttons leave and wraps; the buttons keep their size.
        let header = row![
            container(page_title(
                format!("Báo cáo · Năm {year}"),
                "Số liệu tính từ dữ liệu, số liệu nhập thêm và các phần nội dung. Mọi thay đổi được lưu ngay.",
            ))
            .width(Length::Fill),
            undo,
            export,
        ]
        .spacing(12)
        .align_y(Alignment::Center);

        let mut content = column![header].spacing(16).padding(24).max_width(1100);
        if let Some(notice) = self.history.notice() {
            content = content.push(undo_notice(notice, Message::Undo));
        }
        content = content.push(computed(data));
        for group in Group::ALL {
            content = content.push(self.entered_card(data, group));
        }
        content = content.push(self.narrative());
        scrollable(content).height(Length::Fill).into()
    }

    fn entered_card<'a>(&'a self, data: &'a Snapshot, group: Group) -> Element<'a, Message> {
        let last = data.report.last.as_ref();
        let last_label = last.map(|l| format!("Năm {}", l.figures.year));
        let rows: Vec<Element<'a, Message>> = if group == Group::Standard {
            Standard::ALL
                .iter()
                .map(|s| self.standard_row(*s, last.map(|l| &l.entered)))
                .collect()
        } else {
            group
                .figures()
                .iter()
                .map(|f| self.figure_row(*f, last.map(|l| &l.entered)))
                .collect()
        };
        let head = table_header(&[
            ("Nội dung".to_string(), Length::Fill),
            (
                last_label.unwrap_or_else(|| "Năm trước".into()),
                Length::Fixed(VALUE_WIDTH),
            ),
            (
                "Năm nay".to_string(),
                Length::Fixed(VALUE_WIDTH * 2.0 + 40.0),
            ),
        ]);
        card(
            group.label(),
            column![head].extend(rows).spacing(6).width(Length::Fill),
        )
    }

    fn figure_input<'a>(&'a self, figure: Figure) -> Element<'a, Message> {
        text_input("chưa nhập", self.input(figure))
            .id(format!("report-{}", figure.code()))
            .on_input(move |v| Message::FigureEdited(figure, v))
            .padding(6)
            .width(Length::Fixed(VALUE_WIDTH))
            .into()
    }

    fn invalid_line<'a>(&'a self, figures: &[Figure]) -> Option<Element<'a, Message>> {
        figures
            .iter()
            .find_map(|f| self.invalid(*f))
            .map(|message| {
                text(format!("Chưa lưu: {message}"))
                    .size(theme::SMALL)
                    .style(theme::danger_text)
                    .into()
            })
    }

    fn figure_row<'a>(&'a self, figure: Figure, last: Option<&Entered>) -> Element<'a, Message> {
        let before = last.map_or(String::new(), |e| {
            e.get(figure)
                .map_or("chưa nhập".into(), |v| crate::text::thousands(v.into()))
        });
        let line = row![
            text(figure.label()).width(Length::Fill),
            text(before)
                .style(theme::muted)
                .width(Length::Fixed(VALUE_WIDTH)),
            self.figure_input(figure),
            text(figure.unit()).style(theme::muted),
        ]
        .spacing(12)
        .align_y(Alignment::Center);
        column![line]
            .push(self.invalid_line(&[figure]))
            .spacing(2)
            .into()
    }

    fn standard_row<'a>(
        &'a self,
        standard: Standard,
        last: Option<&Entered>,
    ) -> Element<'a, Message> {
        let (meeting, total) = standard.figures();
        let ratio = |e: &Entered| match e.ratio(standard) {
            Some((x, y, p)) => format!("{x}/{y} ({})", percent_text(p)),
            None => "chưa nhập".into(),
        };
        let now = {
            let mut typed = Entered::default();
            for f in [meeting, total] {
                typed.set(
                    f,
                    crate::domain::report::parse_figure(self.input(f))
                        .ok()
                        .flatten(),
                );
            }
            typed
                .ratio(standard)
                .map_or(String::new(), |(_, _, p)| format!("= {}", percent_text(p)))
        };
        let line = row![
            text(format!("{} đạt chuẩn / tổng số", standard.label())).width(Length::Fill),
            text(last.map_or(String::new(), ratio))
                .style(theme::muted)
                .width(Length::Fixed(VALUE_WIDTH)),
            self.figure_input(meeting),
            text("/"),
            self.figure_input(total),
            text(now).font(font::SEMIBOLD).width(Length::Fixed(70.0)),
        ]
        .spacing(12)
        .align_y(Alignment::Center);
        column![line]
            .push(self.invalid_line(&[meeting, total]))
            .spacing(2)
            .into()
    }

    fn narrative(&self) -> Element<'_, Message> {
        let sections = Section::ALL.iter().map(|&section| {
            let editor = &self.editors[&section];
            let status = if editor.edited {
                text("Đã sửa").size(theme::SMALL).style(theme::muted)
            } else {
                text("Đoạn văn mặc định, tự cập nhật theo số liệu")
                    .size(theme::SMALL)
                    .style(theme::muted)
            };
            let reset = button(text("Khôi phục đoạn văn mặc định").size(theme::SMALL))
                .style(theme::link)
                .padding([2, 0])
                .on_press_maybe(editor.edited.then_some(Message::ResetSection(section)));
            column![
                row![
                    text(section.label()).font(font::SEMIBOLD),
                    status,
                    Space::new().width(Length::Fill),
                    reset,
                ]
                .spacing(12)
                .align_y(Alignment::Center),
                text_editor(&editor.content)
                    .id(format!("report-section-{}", section.code()))
                    .on_action(move |action| Message::SectionEdited(section, action))
                    .height(Length::Fixed(150.0))
                    .padding(8),
            ]
            .spacing(6)
            .into()
        });
        card(
            "Nội dung báo cáo",
            column(sections).spacing(16).width(Length::Fill),
        )
    }

    fn export_view<'a>(
        &'a self,
        data: &'a Snapshot,
        pages: &'a Result<crate::document::Document, String>,
    ) -> Element<'a, Message> {
        let save = |label: &'static str, output| {
            primary_button(if self.saving { "Đang lưu…" } else { label }, [10, 18])
                .on_press_maybe((!self.saving).then_some(Message::Save(output)))
        };
        // The title has the whole width and the actions a row of their own: beside four
        // buttons it was one word wide on a 1024-pixel screen.
        let header = column![
            row![
                secondary_button("← Quay lại số liệu", [8, 14]).on_press(Message::CloseExport),
                page_title(
                    format!("Xuất báo cáo · Năm {}", data.plan.event.year),
                    "Xem trước đúng như khi in; bảng Excel có cùng các bảng số liệu.",
                ),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
            row![
                save("Lưu PDF…", Output::Pdf),
                save("Lưu bảng Excel (.xlsx)…", Output::Xlsx),
                save("Gửi báo cáo lên cấp trên", Output::Package),
            ]
            .spacing(12)
            .wrap(),
        ]
        .spacing(12);
        let outcome = self
            .outcome
            .as_ref()
            .map(|outcome| -> Element<'a, Message> { saved_file(outcome, "Mở", Message::Open) });
        let pages: Element<'a, Message> = match pages {
            Ok(document) => preview::pages(document),
            Err(message) => text(message).style(theme::danger_text).into(),
        };
        // What still prints as "-", so that the secretary can enter it first.
        let empty = crate::papers::report::empty_figures_note(&data.report)
            .map(|note| text(note).style(theme::warning_text));
        // Rows with no figure in any year: left out of the paper unless the secretary keeps them.
        let left_out = crate::papers::report::empty_rows_note(&data.report).map(|note| {
            column![
                text(note).style(theme::muted),
                checkbox(self.empty_rows == crate::papers::report::EmptyRows::Keep)
                    .label("In cả dòng chưa có số liệu (in “-”)")
                    .on_toggle(Message::KeepEmptyRows),
            ]
            .spacing(6)
        });
        let content = column![header]
            .push(empty)
            .push(left_out)
            .push(outcome)
            .push(container(pages).center_x(Length::Fill))
            .spacing(16)
            .padding(24);
        scrollable(content).height(Length::Fill).into()
    }
}

/// The figures computed from the data, this year beside the last.
fn computed<'a>(data: &'a Snapshot) -> Element<'a, Message> {
    let report = &data.report;
    let table = computed_summary(report);
    let has_last = report.last.is_some();
    // STT, Nội dung, Đơn vị tính, [last year], this year, [change]: the label, then the rest.
    let values = 3..table.columns.len();
    let width = Length::Fixed(VALUE_WIDTH);
    let head = values.clone().fold(
        row![
            text("Nội dung")
                .size(theme::SMALL)
                .font(font::SEMIBOLD)
                .width(Length::Fill)
        ]
        .spacing(12),
        |line, i| {
            line.push(
                text(table.columns[i].title.clone())
                    .size(theme::SMALL)
                    .font(font::SEMIBOLD)
                    .width(width)
                    .align_x(Alignment::End),
            )
        },
    );
    let head = container(head)
        .padding(Padding::from([8, 12]))
        .width(Length::Fill)
        .style(theme::table_header);
    let rows = table.rows.iter().map(|cells| {
        let unit = match &cells[2] {
            Value::Text(unit) => unit.clone(),
            _ => String::new(),
        };
        let label = format!("{} ({unit})", cells[1].text());
        let line = values.clone().fold(
            row![text(label).width(Length::Fill)].spacing(12),
            |line, i| {
                let value = cells.get(i).map(Value::text).unwrap_or_default();
                let before = has_last && i == 3;
                line.push(
                    text(value)
                        .width(width)
                        .align_x(Alignment::End)
                        .style(if before { theme::muted } else { plain }),
                )
            },
        );
        container(line)
            .padding(Padding::from([4, 12]))
            .width(Length::Fill)
            .into()
    });
    let mut body = column![head].extend(rows).spacing(2);
    let figures = &report.this.figures;
    let warning = |line: String| text(line).size(theme::SMALL).style(theme::warning_text);
    if figures.visits_planned > 0 {
        body = body.push(warning(format!(
            "Còn {} lượt thăm hỏi đang “Dự kiến”: chỉ lượt “Đã thăm” được tính vào báo cáo.",
            figures.visits_planned
        )));
    }
    if figures.points_uncounted > 0 {
        body = body.push(warning(format!(
            "Còn {} điểm tổ chức chưa nhập số người tham gia thực tế (mục “Đại biểu và điểm”).",
            figures.points_uncounted
        )));
    }
    card("Số liệu tính từ dữ liệu", body)
}

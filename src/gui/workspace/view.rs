//! What the workspace draws: the sidebar (unit, year, sections, saved state), the error and
//! notice lines, the new-year panel and the current section's screen.

use chrono::NaiveDate;
use iced::widget::{
    Space, button, column, container, pick_list, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length, Padding};

use super::{Message, NewYear, Section, Workspace};
use crate::domain::plan::copy_source;
use crate::gui::widget::{banner, primary_button, secondary_button};
use crate::gui::{font, theme, widget};

impl Workspace {
    pub fn view<'a>(
        &'a self,
        today: NaiveDate,
        saving: bool,
        stalled: Option<&'a str>,
    ) -> Element<'a, Message> {
        let content: Element<'_, Message> = match self.section {
            Section::Overview => self.overview.view(&self.data, today).map(Message::Overview),
            Section::Ceremony => self.ceremony.view(&self.data).map(Message::Ceremony),
            Section::Guests => self.guests.view(&self.data).map(Message::Guests),
            Section::Festival => self.festival.view(&self.data).map(Message::Festival),
            Section::Visits => self.visits.view(&self.data).map(Message::Visits),
            Section::Honors => self.honors.view(&self.data).map(Message::Honors),
            Section::Certificates => self
                .certificates
                .view(&self.data)
                .map(Message::Certificates),
            Section::Papers => self.papers.view(&self.data).map(Message::Papers),
            Section::Report => self.report.view(&self.data).map(Message::Report),
            Section::Consolidation => self
                .unit_reports
                .view(&self.data)
                .map(Message::Consolidation),
            Section::Settings => self
                .settings
                .view(&self.data, saving)
                .map(Message::Settings),
        };
        let close = |message: iced::widget::Text<'a>, style: theme::BoxStyle| {
            banner(message, "Đóng", Message::DismissError, [8, 12], style)
        };
        let error = self
            .error
            .as_deref()
            .map(|message| close(text(message).style(theme::danger_text), theme::error_box));
        let notice = self
            .notice
            .as_deref()
            .map(|message| close(text(message), theme::notice));
        let main = column![]
            .push(notice.map(|e| container(e).padding(Padding::from([16, 24]).bottom(0))))
            .push(error.map(|e| container(e).padding(Padding::from([16, 24]).bottom(0))))
            .push(self.new_year_panel())
            .push(content)
            .width(Length::Fill);
        row![self.sidebar(saving, stalled), main].into()
    }

    fn new_year_panel(&self) -> Option<Element<'_, Message>> {
        let typed = self.new_year.as_deref()?;
        let year = typed.trim().parse::<i32>().ok();
        let source = year.and_then(|y| copy_source(&self.data.years, y));
        let explanation = match source {
            Some(from) => format!(
                "Sao chép từ kế hoạch năm {from}: ngày tổ chức, đợt, chủ đề và các bước chuẩn bị (tất cả mở lại). Không sao chép: dấu đã xong và ghi chú của năm {from}."
            ),
            None => "Kế hoạch mới theo các bước chuẩn bị thông thường.".to_string(),
        };
        let confirm = match year {
            Some(y) => format!("Lập kế hoạch năm {y}"),
            None => "Lập kế hoạch".to_string(),
        };
        let panel = container(
            column![
                text("Lập kế hoạch cho năm mới")
                    .size(theme::HEADING)
                    .font(font::SEMIBOLD),
                row![
                    text("Năm:"),
                    widget::on_enter(
                        text_input("2027", typed)
                            .id("new-year")
                            .on_input(|v| Message::NewYear(NewYear::Edited(v)))
                            .padding(8)
                            .width(Length::Fixed(100.0)),
                        Message::NewYear(NewYear::Confirm)
                    ),
                    text(explanation).style(theme::muted).width(Length::Fill),
                ]
                .spacing(12)
                .align_y(Alignment::Center),
                row![
                    primary_button(confirm, [8, 16])
                        .on_press_maybe(year.map(|_| Message::NewYear(NewYear::Confirm))),
                    secondary_button("Hủy", [8, 16]).on_press(Message::NewYear(NewYear::Cancel)),
                ]
                .spacing(12),
            ]
            .spacing(12),
        )
        .padding(16)
        .style(theme::notice);
        Some(
            container(panel)
                .padding(Padding::from([16, 24]).bottom(0))
                .into(),
        )
    }

    fn sidebar<'a>(&'a self, saving: bool, stalled: Option<&'a str>) -> Element<'a, Message> {
        let nav = |label: &'static str, section: Section| -> iced::widget::Button<'_, Message> {
            button(text(label).size(theme::TEXT_SIZE))
                .width(Length::Fill)
                .padding([7, 12])
                .style(theme::nav(self.section == section))
                .on_press(Message::Navigate(section))
        };
        let years = pick_list(
            self.data.years.clone(),
            Some(self.data.plan.event.year),
            Message::YearPicked,
        )
        .padding([6, 10])
        .width(Length::Fill);
        let status: Element<'a, Message> = if let Some(why) = stalled {
            column![
                text(format!("Chưa lưu được: {why}"))
                    .size(theme::SMALL)
                    .style(theme::danger_text),
                button(text("Thử lưu lại").size(theme::SMALL))
                    .style(theme::secondary)
                    .padding([4, 10])
                    .on_press(Message::RetrySave),
            ]
            .spacing(4)
            .into()
        } else if saving {
            text("Đang lưu…")
                .size(theme::SMALL)
                .style(theme::muted)
                .into()
        } else if self.error.is_some() {
            text("Có thay đổi chưa lưu được")
                .size(theme::SMALL)
                .style(theme::danger_text)
                .into()
        } else {
            text("✓ Đã lưu")
                .size(theme::SMALL)
                .style(theme::success_text)
                .into()
        };
        let content = column![
            text("Ngày hội").size(22).font(font::BOLD),
            text(&self.data.unit.name)
                .size(theme::SMALL)
                .style(theme::muted),
            Space::new().height(8),
            text("Năm").size(theme::SMALL).style(theme::muted),
            years,
            button(text("+ Năm mới").size(theme::SMALL))
                .style(theme::link)
                .padding([2, 0])
                .on_press(Message::NewYear(NewYear::Open)),
            Space::new().height(8),
        ]
        // A ward's ten sections and the saved state fit a 1024×640 screen; the sections scroll
        // when they do not (a province has eleven).
        .push(
            scrollable(
                column(
                    Section::ALL
                        .iter()
                        .filter(|(section, _)| {
                            *section != Section::Consolidation || self.data.consolidation.is_some()
                        })
                        .map(|(section, label)| nav(label, *section).into()),
                )
                .spacing(4),
            )
            .height(Length::Fill),
        )
        .push(status)
        .spacing(6)
        .padding(16)
        .width(Length::Fixed(220.0));
        container(content)
            .height(Length::Fill)
            .style(theme::sidebar)
            .into()
    }
}

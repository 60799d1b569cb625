//! What the Tổng hợp screen draws: the actions, what the last files did, the counts, and the
//! table of units × key figures with the units that have not reported marked.

use iced::widget::{Column, column, container, row, scrollable, text};
use iced::{Alignment, Element, Length, Padding};

use super::{Message, Output, UnitReports};
use crate::consolidation::table::{UnitRow, replaced, unit_key};
use crate::gui::data::{Consolidated, Snapshot};
use crate::gui::history;
use crate::gui::records;
use crate::gui::widget::{
    count_stat, danger_link, link, outcome_banner, page_title, plain, primary_button, saved_file,
    secondary_button, stat, table_header, undo_notice,
};
use crate::gui::{font, theme};
use crate::text::thousands;

/// The figures the table shows for each unit, with their headings (the annex has them all).
/// Sums are whole đồng, said once in the heading, so that they fit a 1024-pixel screen.
const COLUMNS: [(&str, &str, u16); 4] = [
    ("nguoi_tham_gia", "Người tham gia", 2),
    ("ho_duoc_tham", "Hộ được thăm", 2),
    ("gia_tri_qua", "Giá trị quà (đồng)", 3),
    ("khen_ca_nhan", "Cá nhân được khen", 2),
];
const NAME: Length = Length::FillPortion(6);
const ARRIVED: Length = Length::Fixed(92.0);
const ACTIONS: Length = Length::Fixed(112.0);

fn figure(value: Option<i64>) -> String {
    value.map_or_else(|| "–".into(), thousands)
}

impl UnitReports {
    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let header = column![
            page_title(
                format!("Tổng hợp báo cáo · Năm {}", data.plan.event.year),
                "Nhận các tệp báo cáo đơn vị cấp dưới gửi lên, theo dõi đơn vị chưa gửi, xuất báo cáo tổng hợp.",
            ),
            row![
                primary_button("Nhận báo cáo…", [10, 18])
                    .on_press(Message::TakeFiles),
                secondary_button("Nhận cả thư mục…", [10, 14])
                    .on_press(Message::TakeFolder),
                secondary_button("+ Thêm đơn vị", [10, 14])
                    .on_press(Message::Units(records::Message::New)),
                secondary_button("Nhập danh sách đơn vị…", [10, 14])
                    .on_press(Message::ImportList),
            ]
            .spacing(10)
            .wrap(),
        ]
        .spacing(12);
        let Some(c) = data.consolidation.as_deref() else {
            return column![header].padding(24).into();
        };
        let notice = history::notice(&[self.timeline()]).map(|m| undo_notice(m, Message::Undo));
        let outcome = self
            .outcome
            .as_ref()
            .map(|o| outcome_banner(o, Message::Dismiss));
        let content = column![header]
            .push(self.units.form(None).map(|f| f.map(Message::Units)))
            .push(notice)
            .push(outcome)
            .push(counts(c))
            .push(unlisted(c))
            .push(self.exports(c))
            .push(
                self.saved
                    .as_ref()
                    .map(|s| saved_file(s, "Mở", Message::Open)),
            )
            .push(table(c))
            .spacing(14)
            .padding(24);
        scrollable(content).height(Length::Fill).into()
    }

    fn exports<'a>(&'a self, c: &Consolidated) -> Element<'a, Message> {
        let ready = c.table.totals.units > 0 && !self.saving;
        let label = if self.saving {
            "Đang lưu…"
        } else {
            "Lưu báo cáo tổng hợp (PDF)… (Ctrl+P)"
        };
        row![
            primary_button(label, [10, 18])
                .on_press_maybe(ready.then_some(Message::Export(Output::Pdf))),
            secondary_button("Xuất Excel…", [10, 14])
                .on_press_maybe(ready.then_some(Message::Export(Output::Xlsx))),
        ]
        .spacing(10)
        .align_y(Alignment::Center)
        .into()
    }
}

fn counts<'a>(c: &Consolidated) -> Element<'a, Message> {
    let t = &c.table;
    let expected = t.expected_count();
    let missing = t.missing().count();
    let edited = t.edited().count();
    row![
        stat(
            format!("{}/{}", t.totals.units, expected.max(t.totals.units)),
            "đơn vị đã gửi báo cáo",
            plain
        ),
        count_stat(missing, "đơn vị chưa gửi", theme::warning_text),
        count_stat(edited, "tệp bị sửa tay (vẫn được tính)", theme::danger_text),
    ]
    .spacing(12)
    .into()
}

/// Units that sent a report without being on the list, each with the offer to add it: they
/// come last in the table, where a long list hides them.
fn unlisted<'a>(c: &'a Consolidated) -> Option<Element<'a, Message>> {
    let mut units = c.table.rows.iter().filter(|r| !r.expected).peekable();
    units.peek()?;
    let mut list = column![text(
        "Đã nhận báo cáo của đơn vị chưa có trong danh sách đơn vị cấp dưới:"
    )]
    .spacing(6);
    for unit in units {
        list = list.push(
            row![
                text(&unit.name).font(font::SEMIBOLD).width(Length::Fill),
                link("Thêm vào danh sách", Message::AddUnit(unit.name.clone())),
            ]
            .align_y(Alignment::Center),
        );
    }
    Some(
        container(list)
            .padding(Padding::from([8, 12]))
            .width(Length::Fill)
            .style(theme::notice)
            .into(),
    )
}

fn table<'a>(c: &'a Consolidated) -> Element<'a, Message> {
    let mut columns: Vec<(&str, Length)> = vec![
        ("STT", Length::Fixed(40.0)),
        ("Đơn vị", NAME),
        ("Ngày nhận", ARRIVED),
    ];
    columns.extend(
        COLUMNS
            .iter()
            .map(|(_, label, portion)| (*label, Length::FillPortion(*portion))),
    );
    columns.push(("", ACTIONS));
    let mut rows = Column::new().push(table_header(&columns));
    for (i, unit) in c.table.rows.iter().enumerate() {
        rows = rows.push(unit_row(i, unit, c));
    }
    let totals = &c.table.totals;
    let mut total = row![
        text("").width(Length::Fixed(40.0)),
        text(format!("Cộng ({} đơn vị)", totals.units))
            .font(font::SEMIBOLD)
            .width(NAME),
        text("").width(ARRIVED),
    ]
    .spacing(12);
    for (key, _, portion) in COLUMNS {
        let value = figure(totals.figures.get(key).copied());
        total = total.push(
            text(value)
                .font(font::SEMIBOLD)
                .width(Length::FillPortion(portion)),
        );
    }
    total = total.push(text("").width(ACTIONS));
    rows.push(
        container(total)
            .padding(Padding::from([8, 12]))
            .style(theme::table_header),
    )
    .into()
}

fn unit_row<'a>(i: usize, unit: &'a UnitRow, c: &'a Consolidated) -> Element<'a, Message> {
    let (status, status_style): (String, fn(&iced::Theme) -> text::Style) = match &unit.received {
        None => ("Chưa gửi".into(), theme::warning_text),
        Some(r) if !r.intact => (
            format!("{} bị sửa tay", r.arrived_at.format("%d/%m/%Y")),
            theme::danger_text,
        ),
        Some(r) => (r.arrived_at.format("%d/%m/%Y").to_string(), plain),
    };
    let mut cells = row![
        text((i + 1).to_string()).width(Length::Fixed(40.0)),
        column![text(&unit.name).font(font::SEMIBOLD)]
            .push((!unit.expected).then(|| {
                text("Ngoài danh sách")
                    .size(theme::SMALL)
                    .style(theme::warning_text)
            }))
            .width(NAME),
        text(status)
            .size(theme::SMALL)
            .style(status_style)
            .width(ARRIVED),
    ]
    .spacing(12)
    .align_y(Alignment::Center);
    for (key, _, portion) in COLUMNS {
        cells = cells.push(text(figure(unit.figure(key))).width(Length::FillPortion(portion)));
    }
    let listed = c
        .expected
        .iter()
        .find(|e| unit_key(&e.name) == unit_key(&unit.name));
    let mut actions = row![].spacing(4);
    if let Some(expected) = listed {
        actions = actions
            .push(link(
                "Sửa",
                Message::Units(records::Message::Edit(expected.id)),
            ))
            .push(danger_link(
                "Xóa",
                Message::Units(records::Message::Remove(expected.id)),
            ));
    }
    if let Some(earlier) = replaced(&c.packages, &unit.name) {
        actions = actions.push(link("Dùng bản trước", Message::Restore(earlier.id)));
    }
    let style = if unit.received.is_none() {
        theme::row_soon
    } else {
        theme::row_plain
    };
    container(cells.push(actions.width(ACTIONS).wrap()))
        .padding(Padding::from([7, 12]))
        .style(style)
        .into()
}

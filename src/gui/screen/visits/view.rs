//! What the visits screen draws.

use iced::widget::{Space, button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length};

use super::gift::gift_form;
use super::{Breakdown, ImportList, Importing, Message, PAGE, PAGE_SIZE, SEARCH, Tab, Visits};
use crate::domain::gifts::Tally;
use crate::domain::{Category, Household, Visit, VisitMark, VisitStatus};
use crate::gui::data::Snapshot;
use crate::gui::records;
use crate::gui::widget::{
    Pick, Table, danger_link, link, outcome_banner, page_header, pick, plain, primary_button,
    secondary_button, stat,
};
use crate::gui::{font, theme};
use crate::text::{date_short, money, thousands};

/// The entries of a filter: "all" (`None`), then each value with its label.
pub(super) fn picks<T>(
    all: &str,
    items: impl IntoIterator<Item = (T, String)>,
) -> Vec<Pick<Option<T>>> {
    std::iter::once(Pick::new(None, all))
        .chain(
            items
                .into_iter()
                .map(|(value, label)| Pick::new(Some(value), label)),
        )
        .collect()
}

impl Visits {
    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let households = self.filtered(data);
        let header = page_header(
            format!("Thăm hỏi, tặng quà · Năm {}", data.plan.event.year),
            "Gia đình chính sách và hộ khó khăn; lượt thăm và quà của năm đang chọn.",
            [
                secondary_button("Xuất Excel…", [10, 14])
                    .on_press_maybe((!data.households.visits.is_empty()).then_some(Message::Export))
                    .into(),
                primary_button("+ Thêm hộ", [10, 18])
                    .on_press(Message::New)
                    .into(),
            ],
        );
        let notice = self.notice_view();
        let import_note = self
            .import_note
            .as_ref()
            .map(|note| outcome_banner(note, Message::DismissImportNote));
        if let Some(importing) = &self.importing {
            let panel = match importing {
                Importing::Households(p) => p.view("Nhập danh sách hộ", "hộ"),
                Importing::Visits(p) => p.view("Nhập danh sách thăm hỏi", "lượt thăm"),
            };
            return scrollable(
                column![header, panel.map(Message::ImportPanel)]
                    .spacing(14)
                    .padding(24),
            )
            .id(PAGE)
            .height(Length::Fill)
            .into();
        }
        let visits_count = data.households.visits.len();
        let tabs = row![
            tab(
                format!("Hộ gia đình ({})", thousands(households.len() as i64)),
                self.tab == Tab::Households,
                Message::Tab(Tab::Households)
            ),
            tab(
                format!(
                    "Lượt thăm năm {} ({})",
                    data.plan.event.year,
                    thousands(visits_count as i64)
                ),
                self.tab == Tab::Visits,
                Message::Tab(Tab::Visits)
            ),
        ]
        .spacing(4);
        let list = match self.tab {
            Tab::Households => self.households_table(data, &households),
            Tab::Visits => self.visits_table(data),
        };
        // A new household or a batch is typed right under the title, where the eye is.
        let content = column![header]
            .push(
                self.households
                    .form(None)
                    .map(|f| f.map(Message::Households)),
            )
            .push(
                self.gift
                    .as_ref()
                    .filter(|d| d.household_id.is_none())
                    .map(|d| gift_form(d, data, households.len())),
            )
            .push(notice)
            .push(import_note)
            .push(self.totals(data))
            .push(self.filter_bar(data))
            .push(tabs)
            .push(list)
            .spacing(14)
            .padding(24);
        scrollable(content).id(PAGE).height(Length::Fill).into()
    }

    fn totals<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let s = &data.households.summary;
        let figures = row![
            stat(
                format!(
                    "{}/{}",
                    thousands(s.households as i64),
                    thousands(data.households.roster.len() as i64)
                ),
                "hộ được thăm / tổng số hộ",
                plain
            ),
            stat(
                thousands(s.overall.visits as i64),
                "lượt thăm (trừ đã hủy)",
                plain
            ),
            stat(thousands(s.overall.gifts as i64), "suất quà", plain),
            stat(money(s.overall.value), "tổng giá trị", plain),
        ]
        .spacing(12);
        let choice = |label: &'static str, which: Breakdown| {
            button(text(label).size(theme::SMALL))
                .style(if self.breakdown == which {
                    theme::primary
                } else {
                    theme::secondary
                })
                .padding([4, 10])
                .on_press(Message::Breakdown(which))
        };
        let lines: Vec<(String, Tally)> = match self.breakdown {
            Breakdown::Category => s
                .by_category
                .iter()
                .map(|(c, t)| (c.label().to_string(), *t))
                .collect(),
            Breakdown::Area => s.by_area.clone(),
            Breakdown::Source => s.by_source.clone(),
            Breakdown::Status => s
                .by_status
                .iter()
                .map(|(st, t)| (st.label().to_string(), *t))
                .collect(),
        };
        let body: Element<'a, Message> = if lines.is_empty() {
            text("Chưa có lượt thăm nào trong năm này.")
                .style(theme::muted)
                .into()
        } else {
            // One line per group, three to a row: the table stays in view.
            let cells = lines.into_iter().map(|(label, t)| {
                row![
                    text(format!("{label}:"))
                        .size(theme::SMALL)
                        .style(theme::muted),
                    text(format!(
                        "{} lượt · {}",
                        thousands(t.visits as i64),
                        money(t.value)
                    ))
                    .size(theme::SMALL)
                    .font(font::SEMIBOLD),
                ]
                .spacing(6)
                .width(Length::Fixed(305.0))
                .into()
            });
            row(cells).spacing(8).wrap().vertical_spacing(4).into()
        };
        column![
            figures,
            container(
                column![
                    row![
                        text("Tổng hợp theo").size(theme::SMALL).style(theme::muted),
                        choice("Diện", Breakdown::Category),
                        choice("Khu dân cư", Breakdown::Area),
                        choice("Nguồn kinh phí", Breakdown::Source),
                        choice("Trạng thái", Breakdown::Status),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center),
                    body,
                ]
                .spacing(8),
            )
            .padding(12)
            .width(Length::Fill)
            .style(theme::card),
        ]
        .spacing(12)
        .into()
    }

    fn filter_bar<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let categories = picks(
            "Tất cả các diện",
            Category::ALL.map(|c| (c, c.label().to_string())),
        );
        let areas = picks(
            "Tất cả khu dân cư",
            data.areas.iter().enumerate().map(|(i, a)| (i, a.clone())),
        );
        let marks = picks(
            "Mọi tình trạng",
            VisitMark::ALL.map(|m| (m, m.label().to_string())),
        );
        let filtered = self.filter != crate::domain::Filter::default();
        let batch: Element<'a, Message> = match self.tab {
            Tab::Households => secondary_button("Tạo lượt thăm cho các hộ đang lọc…", [8, 14])
                .on_press(Message::NewBatch)
                .into(),
            Tab::Visits => {
                let planned = self
                    .filtered_visits(data)
                    .iter()
                    .filter(|v| v.status == VisitStatus::Planned)
                    .count();
                button(text(format!(
                    "Đánh dấu đã thăm ({} lượt dự kiến)",
                    thousands(planned as i64)
                )))
                .style(theme::secondary)
                .padding([8, 14])
                .on_press_maybe((planned > 0).then_some(Message::MarkFilteredDone))
                .into()
            }
        };
        column![
            row![
                text_input(
                    "Tìm theo tên, địa chỉ, số điện thoại (Ctrl+F)",
                    &self.filter.query
                )
                .id(SEARCH)
                .on_input(Message::Search)
                .padding(8)
                .size(theme::TEXT_SIZE)
                .width(Length::FillPortion(3)),
                pick(categories, &self.filter.category, Message::CategoryFilter)
                    .width(Length::FillPortion(2)),
                pick(areas, &self.filter.area, Message::AreaFilter).width(Length::FillPortion(2)),
                pick(marks, &self.filter.visit, Message::MarkFilter).width(Length::FillPortion(2)),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
            // Wraps as whole buttons: at 1024 pixels "Nhập danh sách thăm…" went onto two lines.
            row![
                batch,
                button(text("Xóa bộ lọc").size(theme::SMALL))
                    .style(theme::link)
                    .on_press_maybe(filtered.then_some(Message::ClearFilter)),
                secondary_button("Nhập danh sách hộ…", [8, 14])
                    .on_press(Message::Import(ImportList::Households)),
                secondary_button("Nhập danh sách thăm…", [8, 14])
                    .on_press(Message::Import(ImportList::Visits)),
            ]
            .spacing(8)
            .align_y(Alignment::Center)
            .wrap()
            .vertical_spacing(8),
        ]
        .spacing(8)
        .into()
    }

    fn households_table<'a>(
        &'a self,
        data: &'a Snapshot,
        households: &[&'a Household],
    ) -> Element<'a, Message> {
        let table = Table::default()
            .column(
                "STT",
                Length::Fixed(44.0),
                |(i, _): (usize, &'a Household)| text((i + 1).to_string()),
            )
            .column("Họ và tên", Length::FillPortion(3), |(_, h)| {
                let name = match h.birth_year {
                    Some(year) => format!("{} ({year})", h.name),
                    None => h.name.clone(),
                };
                text(name).font(font::SEMIBOLD)
            })
            .column("Địa chỉ", Length::FillPortion(3), |(_, h)| {
                text(&h.address)
            })
            .column("Diện", Length::FillPortion(2), |(_, h)| {
                text(h.category.label())
            })
            .column("Năm nay", Length::FillPortion(2), |(_, h)| {
                let mark = data.households.mark(h.id);
                text(mark.label())
                    .size(theme::SMALL)
                    .style(mark_style(mark))
            })
            .column("", Length::Fixed(150.0), |(_, h)| {
                row![
                    link("+ Thăm", Message::NewVisit(h.id)),
                    link("Sửa", Message::Households(records::Message::Edit(h.id))),
                    danger_link("Xóa", Message::RemoveHousehold(h.id)),
                ]
            });
        let mut rows = column![table.header()];
        let start = self.page * PAGE_SIZE;
        for (i, h) in households.iter().enumerate().skip(start).take(PAGE_SIZE) {
            if let Some(form) = self.households.form(Some(h.id)) {
                rows = rows.push(form.map(Message::Households));
                continue;
            }
            let id = h.id;
            rows = rows.push(table.row((i, *h), [7, 12], theme::row_plain));
            if let Some(draft) = self
                .gift
                .as_ref()
                .filter(|d| d.id.is_none() && d.household_id == Some(id))
            {
                rows = rows.push(gift_form(draft, data, 1));
            }
        }
        if households.is_empty() {
            let empty = if data.households.roster.is_empty() {
                "Chưa có hộ nào. Bấm “+ Thêm hộ” hoặc nhập danh sách từ tệp Excel."
            } else {
                "Không có hộ nào khớp với bộ lọc."
            };
            rows = rows.push(container(text(empty).style(theme::muted)).padding(12));
        }
        column![rows, pager(self.page, households.len())]
            .spacing(10)
            .into()
    }

    fn visits_table<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let table = visits_columns(data);
        let visits = self.filtered_visits(data);
        let mut rows = column![table.header()];
        let start = self.page * PAGE_SIZE;
        for v in visits.iter().skip(start).take(PAGE_SIZE) {
            if let Some(draft) = self.gift.as_ref().filter(|d| d.id == Some(v.id)) {
                rows = rows.push(gift_form(draft, data, 1));
                continue;
            }
            rows = rows.push(table.row(v, [6, 12], visit_style(v)));
        }
        if visits.is_empty() {
            rows = rows.push(
                container(text("Không có lượt thăm nào khớp với bộ lọc.").style(theme::muted))
                    .padding(12),
            );
        }
        column![rows, pager(self.page, visits.len())]
            .spacing(10)
            .into()
    }
}

/// The visits table: who, what, how much, from where, when, and the status to change.
fn visits_columns<'a>(data: &'a Snapshot) -> Table<'a, &'a Visit, Message> {
    Table::default()
        .column(
            "Hộ được thăm",
            Length::FillPortion(3),
            |v: &'a Visit| {
                let household = data.households.roster.get(v.household_id);
                text(household.map_or(String::new(), |h| format!("{} · {}", h.name, h.address)))
            },
        )
        .column("Quà tặng", Length::FillPortion(2), |v| text(&v.gift))
        .column("Giá trị", Length::Fixed(120.0), |v| {
            text(match v.quantity {
                1 => money(v.value),
                n => format!("{} × {n}", money(v.value)),
            })
        })
        .column("Nguồn", Length::FillPortion(2), |v| text(&v.source))
        .column("Ngày", Length::Fixed(90.0), |v| {
            text(v.date.map(date_short).unwrap_or_default())
        })
        .column("Trạng thái", Length::Fixed(130.0), |v| {
            let id = v.id;
            pick(statuses(), &v.status, move |status| {
                Message::SetStatus(id, status)
            })
            .text_size(theme::SMALL)
            .padding([4, 8])
            .width(Length::Fill)
        })
        .column("", Length::Fixed(90.0), |v| {
            row![
                link("Sửa", Message::EditVisit(v.id)),
                danger_link("Xóa", Message::RemoveVisit(v.id)),
            ]
        })
}

/// A cancelled visit stands out from the others.
fn visit_style(v: &Visit) -> theme::BoxStyle {
    if v.status == VisitStatus::Cancelled {
        theme::row_soon
    } else {
        theme::row_plain
    }
}

/// A visit's statuses, for its pick lists.
pub(super) fn statuses() -> Vec<Pick<VisitStatus>> {
    Pick::each(VisitStatus::ALL, VisitStatus::label)
}

fn mark_style(mark: VisitMark) -> fn(&iced::Theme) -> text::Style {
    match mark {
        VisitMark::Done => theme::success_text,
        VisitMark::Planned => theme::warning_text,
        VisitMark::NotVisited | VisitMark::Cancelled => theme::muted,
    }
}

fn tab<'a>(label: String, active: bool, on_press: Message) -> Element<'a, Message> {
    button(text(label).font(if active {
        font::SEMIBOLD
    } else {
        font::REGULAR
    }))
    .style(if active {
        theme::primary
    } else {
        theme::secondary
    })
    .padding([8, 16])
    .on_press(on_press)
    .into()
}

/// "Trang 2/40" with previous and next, when the list is longer than a page.
fn pager<'a>(page: usize, rows: usize) -> Element<'a, Message> {
    let pages = rows.div_ceil(PAGE_SIZE).max(1);
    if pages == 1 {
        return Space::new().height(0).into();
    }
    row![
        secondary_button("‹ Trang trước", [6, 12])
            .on_press_maybe((page > 0).then(|| Message::Page(page - 1))),
        text(format!(
            "Trang {}/{} · {} dòng",
            page + 1,
            pages,
            thousands(rows as i64)
        ))
        .style(theme::muted),
        secondary_button("Trang sau ›", [6, 12])
            .on_press_maybe((page + 1 < pages).then(|| Message::Page(page + 1))),
    ]
    .spacing(12)
    .align_y(Alignment::Center)
    .into()
}

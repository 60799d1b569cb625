//! First start: who organises the day, and this year's event. Or one click for the demo.

use chrono::{Datelike, NaiveDate};
use iced::widget::{column, container, pick_list, row, scrollable, text};
use iced::{Alignment, Element, Length, Task};

use crate::domain::unit::default_committee;
use crate::domain::{Level, Unit, YearEvent};
use crate::gui::widget::{
    Typed, labelled, primary_button, secondary_button, submit_field, typed_date,
};
use crate::gui::{font, theme};
use crate::text::date_short;

#[derive(Debug, Clone)]
pub struct Welcome {
    pub name: String,
    pub level: Level,
    pub province: String,
    pub place: String,
    pub committee: String,
    pub head_name: String,
    pub secretary_name: String,
    pub year: String,
    pub date: String,
    pub window_start: String,
    pub window_end: String,
    pub theme: String,
    /// Why the year is not this year's (its day has passed), until the year is edited.
    pub year_note: Option<String>,
    /// Fields the secretary typed in or chose are no longer filled in for her.
    level_picked: bool,
    place_edited: bool,
    committee_edited: bool,
    dates_edited: bool,
    pub error: Option<String>,
    pub busy: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Province,
    Place,
    Committee,
    Head,
    Secretary,
    Year,
    Date,
    WindowStart,
    WindowEnd,
    Theme,
}

#[derive(Debug, Clone)]
pub enum Message {
    Edited(Field, String),
    LevelPicked(Level),
    Start,
    UseDemo,
    /// The province's example: a province and the reports of its wards and communes.
    UseProvinceDemo,
}

/// What the welcome asks the app to do.
#[derive(Debug, Clone)]
pub enum Event {
    /// The unit and its first event, checked.
    Create(Box<(Unit, YearEvent)>),
    UseDemo,
    UseProvinceDemo,
}

impl Welcome {
    pub fn new(today: NaiveDate) -> Welcome {
        let event = YearEvent::next_after(today);
        let year_note = (event.year != today.year()).then(|| {
            format!(
                "Ngày hội năm {} ({}) đã qua, nên đề xuất Ngày hội năm {}; có thể sửa năm.",
                today.year(),
                date_short(YearEvent::defaults(today.year()).date),
                event.year
            )
        });
        Welcome {
            name: String::new(),
            level: Level::Ward,
            province: String::new(),
            place: String::new(),
            committee: default_committee(""),
            head_name: String::new(),
            secretary_name: String::new(),
            year: event.year.to_string(),
            date: date_short(event.date),
            window_start: date_short(event.window_start),
            window_end: date_short(event.window_end),
            theme: event.theme,
            year_note,
            level_picked: false,
            place_edited: false,
            committee_edited: false,
            dates_edited: false,
            error: None,
            busy: false,
        }
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Edited(which, raw) => {
                self.set(which, Typed::from_raw(&raw).value);
                (Task::none(), None)
            }
            Message::LevelPicked(level) => {
                self.level = level;
                self.level_picked = true;
                (Task::none(), None)
            }
            Message::Start => self.submit(),
            Message::UseDemo => {
                self.busy = true;
                (Task::none(), Some(Event::UseDemo))
            }
            Message::UseProvinceDemo => {
                self.busy = true;
                (Task::none(), Some(Event::UseProvinceDemo))
            }
        }
    }

    fn set(&mut self, which: Field, value: String) {
        // A field typed by hand no longer follows the unit's name or the year.
        self.place_edited |= which == Field::Place;
        self.committee_edited |= which == Field::Committee;
        self.dates_edited |= matches!(which, Field::Date | Field::WindowStart | Field::WindowEnd);
        match which {
            Field::Name => {
                if let (false, Some((level, _))) = (self.level_picked, Level::in_name(&value)) {
                    self.level = level;
                }
                if !self.place_edited {
                    self.place = place_from_name(&value);
                }
                if !self.committee_edited {
                    self.committee = default_committee(value.trim());
                }
                self.name = value;
            }
            Field::Province => self.province = value,
            Field::Place => self.place = value,
            Field::Committee => self.committee = value,
            Field::Head => self.head_name = value,
            Field::Secretary => self.secretary_name = value,
            Field::Year => {
                if let (false, Ok(year)) = (self.dates_edited, value.trim().parse::<i32>())
                    && (2000..=2100).contains(&year)
                {
                    let event = YearEvent::defaults(year);
                    self.date = date_short(event.date);
                    self.window_start = date_short(event.window_start);
                    self.window_end = date_short(event.window_end);
                }
                self.year = value;
                self.year_note = None;
            }
            Field::Date => self.date = value,
            Field::WindowStart => self.window_start = value,
            Field::WindowEnd => self.window_end = value,
            Field::Theme => self.theme = value,
        }
        self.error = None;
    }

    /// Builds the unit and the event, or says in one sentence what is missing.
    pub fn collect(&self) -> Result<(Unit, YearEvent), String> {
        let mut unit = Unit::new(&self.name, self.level, &self.province, &self.place);
        unit.committee = self.committee.clone();
        unit.head_name = self.head_name.clone();
        unit.secretary_name = self.secretary_name.clone();
        let unit = unit.cleaned();
        unit.validate().map_err(|e| e.0)?;
        let year: i32 = self
            .year
            .trim()
            .parse()
            .map_err(|_| format!("Năm “{}” không hợp lệ.", self.year.trim()))?;
        let event = YearEvent {
            id: 0,
            year,
            date: typed_date(&self.date, "Ngày tổ chức")?,
            window_start: typed_date(&self.window_start, "Ngày bắt đầu đợt")?,
            window_end: typed_date(&self.window_end, "Ngày kết thúc đợt")?,
            theme: self.theme.clone(),
            program_start: crate::domain::event::default_program_start(),
        };
        event.validate().map_err(|e| e.0)?;
        if !unit.level.allowed_in(year) {
            return Err(format!(
                "Từ ngày 01/7/2025 không còn cấp huyện; hãy chọn cấp khác cho năm {year}."
            ));
        }
        Ok((unit, event))
    }

    fn submit(&mut self) -> (Task<Message>, Option<Event>) {
        if self.busy {
            return (Task::none(), None);
        }
        match self.collect() {
            Ok((unit, event)) => {
                self.busy = true;
                (Task::none(), Some(Event::Create(Box::new((unit, event)))))
            }
            Err(message) => {
                self.error = Some(message);
                (Task::none(), None)
            }
        }
    }

    /// The app reports that creating failed.
    pub fn failed(&mut self, message: String) {
        self.busy = false;
        self.error = Some(message);
    }

    pub fn view(&self) -> Element<'_, Message> {
        let edit = |which| move |value| Message::Edited(which, value);
        let unit_form = column![
            row![
                submit_field(
                    "Tên đơn vị tổ chức",
                    "Ví dụ: Phường Chợ Quán",
                    &self.name,
                    "welcome-name",
                    edit(Field::Name),
                    Message::Start
                ),
                labelled(
                    "Cấp",
                    pick_list(Level::ALL, Some(self.level), Message::LevelPicked)
                        .padding(8)
                        .width(Length::Fill)
                ),
                submit_field(
                    "Tỉnh/thành phố",
                    "Ví dụ: Thành phố Hồ Chí Minh",
                    &self.province,
                    "welcome-province",
                    edit(Field::Province),
                    Message::Start
                ),
            ]
            .spacing(12),
            row![
                submit_field(
                    "Địa danh ghi ở dòng ngày tháng",
                    "Ví dụ: Chợ Quán",
                    &self.place,
                    "welcome-place",
                    edit(Field::Place),
                    Message::Start
                ),
                submit_field(
                    "Trưởng Ban Chỉ đạo",
                    "Họ và tên",
                    &self.head_name,
                    "welcome-head",
                    edit(Field::Head),
                    Message::Start
                ),
                submit_field(
                    "Thư ký",
                    "Họ và tên",
                    &self.secretary_name,
                    "welcome-secretary",
                    edit(Field::Secretary),
                    Message::Start
                ),
            ]
            .spacing(12),
            submit_field(
                "Tên Ban Chỉ đạo",
                "",
                &self.committee,
                "welcome-committee",
                edit(Field::Committee),
                Message::Start
            ),
        ]
        .spacing(12);

        let event_form = column![
            row![
                submit_field(
                    "Năm",
                    "2026",
                    &self.year,
                    "welcome-year",
                    edit(Field::Year),
                    Message::Start
                ),
                submit_field(
                    "Ngày tổ chức",
                    "dd/mm/yyyy",
                    &self.date,
                    "welcome-date",
                    edit(Field::Date),
                    Message::Start
                ),
                submit_field(
                    "Đợt từ ngày",
                    "dd/mm/yyyy",
                    &self.window_start,
                    "welcome-window-start",
                    edit(Field::WindowStart),
                    Message::Start
                ),
                submit_field(
                    "Đến ngày",
                    "dd/mm/yyyy",
                    &self.window_end,
                    "welcome-window-end",
                    edit(Field::WindowEnd),
                    Message::Start
                ),
            ]
            .spacing(12),
            submit_field(
                "Chủ đề",
                "",
                &self.theme,
                "welcome-theme",
                edit(Field::Theme),
                Message::Start
            ),
        ]
        .spacing(12);
        // Why the year is next year's, above the year it explains.
        let event_form = column![]
            .push(
                self.year_note
                    .as_deref()
                    .map(|note| text(note).style(theme::muted)),
            )
            .push(event_form)
            .spacing(12);

        let error = self.error.as_deref().map(|message| {
            container(text(message).style(theme::danger_text))
                .padding(10)
                .style(theme::error_box)
        });

        let start = primary_button("Bắt đầu lập kế hoạch", [10, 20])
            .on_press_maybe((!self.busy).then_some(Message::Start));
        let demo = secondary_button("Dùng dữ liệu mẫu", [10, 20])
            .on_press_maybe((!self.busy).then_some(Message::UseDemo));
        let province_demo = secondary_button("Mẫu của một tỉnh", [10, 20])
            .on_press_maybe((!self.busy).then_some(Message::UseProvinceDemo));

        let header = row![
            column![
                text("Chào mừng đến với Ngày hội").size(26).font(font::SEMIBOLD),
                text("Hãy cho biết đơn vị tổ chức để bắt đầu kế hoạch, hoặc xem thử với dữ liệu mẫu của một phường.")
                    .style(theme::muted),
            ]
            .spacing(4)
            .width(Length::Fill),
            column![demo, province_demo].spacing(8),
        ]
        .spacing(16)
        .align_y(Alignment::Center);

        let content = column![
            header,
            crate::gui::widget::card("Đơn vị tổ chức", unit_form),
            crate::gui::widget::card("Ngày hội sắp tới", event_form),
        ]
        .push(error)
        .push(start)
        .spacing(16)
        .max_width(1000);

        scrollable(container(content).padding(24).center_x(Length::Fill))
            .height(Length::Fill)
            .into()
    }
}

/// "Phường Chợ Quán" → "Chợ Quán": the date line names the place without its level.
fn place_from_name(name: &str) -> String {
    let words = Level::in_name(name).map_or(0, |(_, words)| words);
    name.split_whitespace()
        .skip(words)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_is_the_name_without_its_level() {
        assert_eq!(place_from_name("Phường Chợ Quán"), "Chợ Quán");
        assert_eq!(place_from_name("Thị trấn Long Thành"), "Long Thành");
        assert_eq!(place_from_name("Đặc khu Phú Quốc"), "Phú Quốc");
        assert_eq!(place_from_name("Xã Tân Phú"), "Tân Phú");
        assert_eq!(place_from_name("Chợ Quán"), "Chợ Quán");
        assert_eq!(place_from_name("xa  Đông Hưng "), "Đông Hưng");
    }

    fn typed(welcome: &mut Welcome, field: Field, value: &str) {
        let _ = welcome.update(Message::Edited(field, value.to_owned()));
    }

    #[test]
    fn the_level_follows_the_name_until_the_secretary_picks_one() {
        let mut welcome = Welcome::new(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
        assert_eq!(welcome.level, Level::Ward);
        typed(&mut welcome, Field::Name, "Xã Đông Hưng");
        assert_eq!(welcome.level, Level::Commune);
        assert_eq!(welcome.place, "Đông Hưng");
        typed(&mut welcome, Field::Name, "Đặc khu Phú Quốc");
        assert_eq!(welcome.level, Level::SpecialZone);
        typed(&mut welcome, Field::Name, "Thị trấn Long Thành");
        assert_eq!(welcome.level, Level::Township);
        // A name without a level word keeps the level shown.
        typed(&mut welcome, Field::Name, "Khu Công nghiệp Tân Bình");
        assert_eq!(welcome.level, Level::Township);
        // Her choice stands against the name.
        let _ = welcome.update(Message::LevelPicked(Level::Ward));
        typed(&mut welcome, Field::Name, "Xã Tân Phú");
        assert_eq!(welcome.level, Level::Ward);
        typed(&mut welcome, Field::Province, "Tỉnh Đồng Nai");
        let (unit, _) = welcome.collect().unwrap();
        assert_eq!(unit.level, Level::Ward);
    }

    #[test]
    fn after_this_years_day_the_plan_is_for_next_year_and_says_so() {
        let welcome = Welcome::new(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap());
        assert_eq!(welcome.year, "2027");
        assert_eq!(welcome.date, "19/08/2027");
        assert_eq!(
            welcome.year_note.as_deref(),
            Some(
                "Ngày hội năm 2026 (19/08/2026) đã qua, nên đề xuất Ngày hội năm 2027; có thể sửa năm."
            )
        );

        // On the day itself and before it, this year's.
        for day in [(8, 19), (1, 2)] {
            let welcome = Welcome::new(NaiveDate::from_ymd_opt(2026, day.0, day.1).unwrap());
            assert_eq!(welcome.year, "2026");
            assert_eq!(welcome.year_note, None);
        }

        // The secretary keeps this year: the note goes, the dates follow her year.
        let mut welcome = welcome_on(2026, 12, 5);
        typed(&mut welcome, Field::Year, "2026");
        assert_eq!(welcome.year_note, None);
        assert_eq!(welcome.date, "19/08/2026");
    }

    fn welcome_on(year: i32, month: u32, day: u32) -> Welcome {
        Welcome::new(NaiveDate::from_ymd_opt(year, month, day).unwrap())
    }
}

//! The yearly event: one per year, several years side by side in one data file.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::{Invalid, tidy_line};
use crate::text::date_short;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearEvent {
    pub id: i64,
    pub year: i32,
    /// The day itself (19 August by default, the traditional day of the People's Police).
    pub date: NaiveDate,
    /// Local units hold their day anywhere in this window.
    pub window_start: NaiveDate,
    pub window_end: NaiveDate,
    /// The theme line printed under titles and on banners.
    pub theme: String,
    /// When the ceremony (phần lễ) starts; the program's times follow from it.
    pub program_start: NaiveTime,
}

impl YearEvent {
    /// The defaults of a new year: the day on 19/8, the window 1/7 to 19/8.
    pub fn defaults(year: i32) -> YearEvent {
        let date = |month, day| NaiveDate::from_ymd_opt(year, month, day).expect("valid date");
        YearEvent {
            id: 0,
            year,
            date: date(8, 19),
            window_start: date(7, 1),
            window_end: date(8, 19),
            theme: default_theme().to_string(),
            program_start: default_program_start(),
        }
    }

    /// The event a new user plans first: this year's, or next year's once this year's usual
    /// day (19 August) has passed; a plan for a day gone by would open on a list of overdue
    /// steps.
    pub fn next_after(today: NaiveDate) -> YearEvent {
        let this_year = YearEvent::defaults(today.year());
        if today > this_year.date {
            YearEvent::defaults(today.year() + 1)
        } else {
            this_year
        }
    }

    /// The same plan moved to another year: same day and month, same window and theme.
    pub fn carried_to(&self, year: i32) -> YearEvent {
        let shift = |d: NaiveDate| {
            d.with_year(year)
                // 29 February does not exist in every year.
                .unwrap_or_else(|| NaiveDate::from_ymd_opt(year, d.month(), 28).expect("valid"))
        };
        YearEvent {
            id: 0,
            year,
            date: shift(self.date),
            window_start: shift(self.window_start),
            window_end: shift(self.window_end),
            theme: self.theme.clone(),
            program_start: self.program_start,
        }
    }

    pub fn cleaned(&self) -> YearEvent {
        YearEvent {
            theme: tidy_line(&self.theme),
            ..self.clone()
        }
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        if !(2000..=2100).contains(&self.year) {
            return Err(Invalid(format!("Năm {} không hợp lệ.", self.year)));
        }
        for (date, label) in [
            (self.date, "Ngày tổ chức"),
            (self.window_start, "Ngày bắt đầu đợt"),
            (self.window_end, "Ngày kết thúc đợt"),
        ] {
            if date.year() != self.year {
                return Err(Invalid(format!(
                    "{label} ({}) phải thuộc năm {}.",
                    date_short(date),
                    self.year
                )));
            }
        }
        if self.window_start > self.window_end {
            return Err(Invalid(format!(
                "Ngày bắt đầu đợt ({}) phải trước ngày kết thúc đợt ({}).",
                date_short(self.window_start),
                date_short(self.window_end)
            )));
        }
        if self.date < self.window_start || self.date > self.window_end {
            return Err(Invalid(format!(
                "Ngày tổ chức ({}) phải nằm trong đợt từ {} đến {}.",
                date_short(self.date),
                date_short(self.window_start),
                date_short(self.window_end)
            )));
        }
        Ok(())
    }
}

/// Ceremonies usually start early, before the heat: 07:30.
pub fn default_program_start() -> NaiveTime {
    NaiveTime::from_hms_opt(7, 30, 0).expect("valid time")
}

pub fn default_theme() -> &'static str {
    "Toàn dân tham gia bảo vệ an ninh Tổ quốc, xây dựng địa bàn an toàn về an ninh, trật tự"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn defaults_are_19_august_and_the_summer_window() {
        let event = YearEvent::defaults(2026);
        assert_eq!(event.date, d(2026, 8, 19));
        assert_eq!(event.window_start, d(2026, 7, 1));
        assert_eq!(event.window_end, d(2026, 8, 19));
        assert!(event.validate().is_ok());
    }

    #[test]
    fn a_day_outside_the_window_is_refused_with_the_dates() {
        let mut event = YearEvent::defaults(2026);
        event.date = d(2026, 9, 2);
        assert_eq!(
            event.validate().unwrap_err().0,
            "Ngày tổ chức (02/09/2026) phải nằm trong đợt từ 01/07/2026 đến 19/08/2026."
        );
        event.date = d(2025, 8, 19);
        assert_eq!(
            event.validate().unwrap_err().0,
            "Ngày tổ chức (19/08/2025) phải thuộc năm 2026."
        );
    }

    #[test]
    fn carrying_keeps_day_and_month() {
        let mut event = YearEvent::defaults(2025);
        event.date = d(2025, 8, 15);
        event.theme = "Chủ đề".into();
        let next = event.carried_to(2026);
        assert_eq!(next.date, d(2026, 8, 15));
        assert_eq!(next.year, 2026);
        assert_eq!(next.theme, "Chủ đề");
    }
}
